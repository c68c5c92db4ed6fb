"""What a comment is, and the Pasal of a draft a comment can be given on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.policy.document.blocks import Unit
from checker.policy.document.walk import walk
from checker.policy.model import Konsultasi, Peraturan

# who is speaking (the form's "asal"); "ASN" first: the draft is about them
ASAL = ("ASN", "masyarakat", "instansi", "akademisi", "lainnya")
# what became of a comment, as the drafters decide it
KEPUTUSAN = ("diterima", "diterima sebagian", "ditolak", "di luar materi")
# where a comment stands in moderation
STATUS = ("baru", "diterbitkan", "ditolak")
MAX_TEXT = 5000  # characters of one comment
MAX_NAME = 200
MAX_EMAIL = 254
MAX_REASON = 1000


@dataclass(frozen=True)
class DraftPasal:
    """One Pasal of the draft under consultation: its stable id, its number, the BAB it stands
    in, and its paragraphs as printed (label and text)."""

    id: str
    label: str  # "Pasal 9"
    bab: str  # "BAB III PENGEMBANGAN KOMPETENSI"
    paragraphs: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        """The Pasal's words, one paragraph per line."""
        return "\n".join(f"{label} {text}".strip() for label, text in self.paragraphs)


def draft_pasal(peraturan: Peraturan, as_of: dt.date | None = None) -> list[DraftPasal]:
    """Every Pasal of ``peraturan`` in print order, parameter values as in force on ``as_of``
    (default: the first day of the consultation, else today)."""
    day = as_of or (peraturan.konsultasi.buka if peraturan.konsultasi else dt.date.today())
    out: list[DraftPasal] = []
    bab = ""
    for unit in walk(peraturan, day):
        heading = _bab_heading(unit)
        if heading:
            bab = heading
        if unit.pasal_id is None:
            continue
        label = next((b.text for b in unit.blocks if b.kind.startswith("pasal")), unit.pasal_id)
        body = tuple(
            (b.label, b.text) for b in unit.blocks if not b.kind.startswith("pasal") and b.text
        )
        out.append(DraftPasal(unit.pasal_id, label, bab, body))
    return out


def _bab_heading(unit: Unit) -> str:
    parts = [b.text for b in unit.blocks if b.kind in ("bab", "bab-judul")]
    return " ".join(parts)


@dataclass(frozen=True)
class Draft:
    """The version under consultation as the service offers it: its version string, title,
    status, window, and its Pasal."""

    version: str
    title: str
    status: str
    window: Konsultasi | None
    pasal: tuple[DraftPasal, ...]

    @classmethod
    def of(cls, peraturan: Peraturan) -> Draft:
        """The draft of a loaded regulation."""
        return cls(
            peraturan.version,
            f"{peraturan.kind} {peraturan.region.removeprefix('Provinsi ')} tentang "
            f"{peraturan.title}",
            peraturan.status,
            peraturan.konsultasi,
            tuple(draft_pasal(peraturan)),
        )

    def find(self, pasal_id: str) -> DraftPasal | None:
        """The Pasal with stable id ``pasal_id``, if the draft has it."""
        return next((p for p in self.pasal if p.id == pasal_id), None)

    def state(self, day: dt.date) -> str:
        """``terbuka``, ``belum`` (not yet open), ``ditutup``, or ``tidak`` (no window set, or
        the regulation is already enacted: nothing to consult on)."""
        if self.window is None or self.status != "rancangan":
            return "tidak"
        if day < self.window.buka:
            return "belum"
        return "ditutup" if day > self.window.tutup else "terbuka"
