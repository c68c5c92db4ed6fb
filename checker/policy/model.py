"""The regulation as data: Peraturan → Bab → Bagian → Paragraf → Pasal → Ayat → Rincian.

Numbers (BAB I, Bagian Kesatu, Pasal 9, ayat (2), huruf a) are never stored here: they are
computed from order by :mod:`checker.policy.numbering`. Stable ids are what other parts cite.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """Where something was written: file (relative to the repository) and 1-based line/column."""

    path: str
    line: int
    column: int = 1


@dataclass
class Text:
    """A run of prose joined from source lines, able to map an offset back to line and column."""

    raw: str
    span: Span
    # (offset in raw, line, column) for the start of each source line joined into raw
    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def locate(self, offset: int) -> Span:
        """The source position of character ``offset`` of :attr:`raw`."""
        if not self.segments:
            return Span(self.span.path, self.span.line, self.span.column + offset)
        starts = [start for start, _, _ in self.segments]
        index = max(bisect_right(starts, offset) - 1, 0)
        start, line, column = self.segments[index]
        return Span(self.span.path, line, column + offset - start)


@dataclass
class Rincian:
    """A list item inside an ayat (huruf a., angka 1., a), 1)), possibly with its own list."""

    text: Text
    span: Span
    style: str  # "huruf" | "angka" (chosen by the drafter's marker: "-" or "1.")
    id: str | None = None
    children: list[Rincian] = field(default_factory=list)


@dataclass
class Ayat:
    """An ayat. A Pasal without numbered ayat holds exactly one unnumbered Ayat."""

    span: Span
    numbered: bool
    id: str | None = None
    text: Text | None = None
    items: list[Rincian] = field(default_factory=list)
    tail: Text | None = None
    dihapus: bool = False  # "(2) Dihapus.": an enacted ayat repealed, its number kept


@dataclass
class Pasal:
    """An article with a stable id that never changes when text or order changes."""

    id: str
    span: Span
    ayat: list[Ayat] = field(default_factory=list)
    dihapus: bool = False  # "Pasal 9 dihapus.": an enacted Pasal repealed, its number kept


@dataclass
class Paragraf:
    """A Paragraf groups Pasal inside a Bagian."""

    title: str
    span: Span
    pasal: list[Pasal] = field(default_factory=list)


@dataclass
class Bagian:
    """A Bagian groups Paragraf or Pasal inside a BAB."""

    title: str
    span: Span
    children: list[Paragraf | Pasal] = field(default_factory=list)


@dataclass
class Bab:
    """A chapter, one Markdown file in ``policy/bab/``."""

    id: str
    title: str
    span: Span
    children: list[Bagian | Pasal] = field(default_factory=list)

    def iter_pasal(self) -> list[Pasal]:
        """Every Pasal of this BAB, in order."""
        out: list[Pasal] = []
        for child in self.children:
            if isinstance(child, Pasal):
                out.append(child)
                continue
            for sub in child.children:
                out.extend([sub] if isinstance(sub, Pasal) else sub.pasal)
        return out


@dataclass(frozen=True)
class Reference:
    """A legal reference for one dated parameter value."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class DatedValue:
    """One value of a parameter, in force from ``since`` until the next value's date."""

    since: dt.date
    value: Any
    reference: Reference
    span: Span


@dataclass
class Parameter:
    """A named number (or label) used by the text and by the checker alike."""

    name: str
    description: str
    unit: str
    span: Span
    values: list[DatedValue]
    clause: str | None = None

    def value_at(self, date: dt.date) -> DatedValue | None:
        """The value in force on ``date``, or None before the first value."""
        current = None
        for dated in sorted(self.values, key=lambda v: v.since):
            if dated.since <= date:
                current = dated
        return current


@dataclass(frozen=True)
class Penandatangan:
    """A signature block: Ditetapkan / Diundangkan."""

    place: str
    office: str
    date: dt.date | None = None
    name: str | None = None


@dataclass(frozen=True)
class FrozenAyat:
    """An ayat as enacted: its label (None when the Pasal had a single unnumbered ayat)."""

    label: str | None
    id: str | None = None
    dihapus: bool = False


@dataclass(frozen=True)
class FrozenPasal:
    """A Pasal as enacted: the label it keeps for good, and its ayat in enacted order."""

    id: str
    label: str
    span: Span
    ayat: tuple[FrozenAyat, ...] = ()
    dihapus: bool = False


@dataclass
class Penomoran:
    """The numbering recorded at enactment (``policy/penomoran.yml``), frozen from then on."""

    source: str  # the enacted version, e.g. the Git tag "v2026.1"
    pasal: list[FrozenPasal]
    bab: list[tuple[str, str]]  # (bab id, roman label) in enacted order
    span: Span
    commit: str | None = None
    number: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class Note:
    """A dated drafter's note written as a comment in ``peraturan.yml``: "# Catatan perancang
    (2026-11-30): ..." and the comment lines that continue it."""

    span: Span
    date: dt.date | None
    text: str


@dataclass(frozen=True)
class Kamus:
    """The drafting word lists of ``policy/kamus.yml``: capitalised names a text may use
    without defining them (laws, bodies, offices, months), and foreign words that stay in
    italics, each with its Indonesian equivalent when there is one."""

    names: tuple[str, ...] = ()
    foreign: tuple[tuple[str, str | None], ...] = ()


def opd_key(text: str) -> str:
    """How an OPD name is compared: case, spaces and a trailing "Provinsi Bengkulu" ignored
    ("DINAS  SOSIAL Provinsi Bengkulu" and "Dinas Sosial" are one perangkat daerah)."""
    words = " ".join(text.casefold().split())
    return words.removesuffix(" provinsi bengkulu").strip()


@dataclass(frozen=True)
class Opd:
    """One perangkat daerah of ``policy/opd.yml``: its code, its name, the other names exports
    write for it, and its SIASN unit ids."""

    kode: str
    nama: str
    alias: tuple[str, ...] = ()
    unor: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpdList:
    """The perangkat daerah the upload service binds agencies to (``policy/opd.yml``)."""

    entries: tuple[Opd, ...] = ()

    def resolve(self, text: str | None) -> str | None:
        """The code of the OPD a code, name, alias or SIASN unit id names; None if none."""
        if not text:
            return None
        key = opd_key(text)
        for entry in self.entries:
            names = (entry.kode, entry.nama, *entry.alias, *entry.unor)
            if key in {opd_key(name) for name in names}:
                return entry.kode
        return None

    def codes(self) -> tuple[str, ...]:
        """Every code, in the file's order."""
        return tuple(entry.kode for entry in self.entries)


@dataclass(frozen=True)
class Konsultasi:
    """The public consultation window on a draft (``konsultasi`` in peraturan.yml): comments
    are accepted from ``buka`` through ``tutup``, both days included."""

    buka: dt.date
    tutup: dt.date

    def open_on(self, day: dt.date) -> bool:
        """True when comments are accepted on ``day``."""
        return self.buka <= day <= self.tutup


@dataclass
class Peraturan:
    """The whole regulation: metadata, pembukaan, batang tubuh and parameters."""

    kind: str
    region: str
    title: str
    status: str
    version: str
    menimbang: list[Text]
    mengingat: list[Text]
    penetapan: Penandatangan
    pengundangan: Penandatangan
    bab: list[Bab]
    parameters: dict[str, Parameter]
    number: int | None = None
    year: int | None = None
    berita_daerah_year: int | None = None
    berita_daerah_number: int | None = None
    root: str = "policy"
    parameters_ok: bool = True  # False when parameter.yml could not be read at all
    penomoran: Penomoran | None = None  # numbering frozen at enactment, if any
    # where each top-level metadata key was written, for lint messages
    meta_spans: dict[str, Span] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # drafter's notes in peraturan.yml
    kamus: Kamus = field(default_factory=Kamus)  # policy/kamus.yml, empty when absent
    konsultasi: Konsultasi | None = None  # the public consultation window, when one is set
    opd: OpdList = field(default_factory=OpdList)  # policy/opd.yml, empty when absent
    # the numbering, computed once on first use (checker.policy.numbering.number)
    numbering_cache: Any = field(default=None, init=False, repr=False, compare=False)

    def iter_pasal(self) -> list[Pasal]:
        """Every Pasal in document order."""
        return [pasal for bab in self.bab for pasal in bab.iter_pasal()]
