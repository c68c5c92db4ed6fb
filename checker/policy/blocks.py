"""The regulation as printed paragraphs (blocks), grouped into units that carry stable keys.

One walk over the model gives what every paged output needs: the Word export lays the blocks
out, and the redline aligns the blocks of two versions (units by key, blocks by id or text).
A block's ``prefix`` holds its label and the tabs before the text ("(1)", "Menimbang\\t:\\ta."),
so that a changed number shows up in a redline like any other changed word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from checker.policy.inline import InlineContext, render_inline
from checker.policy.model import Ayat, Bab, Bagian, Pasal, Peraturan, Rincian
from checker.policy.numbering import Numbering, letter, number, ordinal
from checker.policy.render import (
    DIHAPUS_AYAT,
    berita_daerah_line,
    judul_lines,
    office_line,
    pasal_heading,
    signature_lines,
)


@dataclass(frozen=True)
class Block:
    """One printed paragraph.

    ``kind`` names its layout (judul, menimbang, bab, pasal, ayat, rincian, ttd, ...);
    ``level`` is the indent step of a rincian or of text inside a numbered ayat;
    ``key`` is a stable id (ayat or rincian id) used to pair blocks across versions.
    """

    kind: str
    text: str
    prefix: str = ""
    level: int = 0
    key: str | None = None

    @property
    def content(self) -> str:
        """Prefix and text as they stand in the paragraph, separated by a tab."""
        return f"{self.prefix}\t{self.text}" if self.prefix else self.text


@dataclass
class Unit:
    """Blocks that belong together under one key: a Pasal, a BAB heading, Menimbang, ..."""

    key: str
    blocks: list[Block] = field(default_factory=list)
    source: str = ""  # the drafter's text, to tell a real change from a renumbered reference

    @property
    def pasal_id(self) -> str | None:
        """The stable id when this unit is a Pasal."""
        return self.key.removeprefix("pasal:") if self.key.startswith("pasal:") else None


@dataclass
class _Walker:
    peraturan: Peraturan
    numbering: Numbering
    inline: InlineContext
    units: list[Unit] = field(default_factory=list)

    def text(self, raw: str, pasal_id: str | None) -> str:
        return render_inline(raw, self.inline, pasal_id)

    def pembukaan(self) -> None:
        p = self.peraturan
        self.units.append(Unit("judul", [Block("judul", line) for line in judul_lines(p)]))
        self.units.append(Unit("pembentuk", [Block("rahmat", "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
                                             Block("pembentuk", office_line(p))]))
        for head, items, alpha in (("Menimbang", p.menimbang, True),
                                   ("Mengingat", p.mengingat, False)):
            blocks = []
            for index, item in enumerate(items):
                label = f"{letter(index)}." if alpha else f"{index + 1}."
                lead = f"{head}\t:\t" if index == 0 else "\t\t"
                blocks.append(Block(head.lower(), self.text(item.raw, None), lead + label))
            self.units.append(Unit(head.lower(), blocks, "\n".join(t.raw for t in items)))
        penetapan = f"{p.kind.upper()} TENTANG {p.title.upper()}."
        self.units.append(Unit("memutuskan", [Block("memutuskan", "MEMUTUSKAN:"),
                                              Block("menetapkan", penetapan, "Menetapkan\t:")]))

    def bab(self, index: int, bab: Bab) -> None:
        label = self.numbering.bab[bab.id]
        self.units.append(Unit(f"bab:{bab.id}", [Block("bab", f"BAB {label}"),
                                                 Block("bab-judul", bab.title.upper())]))
        bagian_no = 0
        for child in bab.children:
            if isinstance(child, Pasal):
                self.pasal(child)
            else:
                bagian_no += 1
                self.bagian(bab, bagian_no, child)

    def bagian(self, bab: Bab, index: int, bagian: Bagian) -> None:
        self.units.append(Unit(f"bagian:{bab.id}:{bagian.title}", [
            Block("bagian", f"Bagian {ordinal(index)}"), Block("bagian-judul", bagian.title)]))
        paragraf_no = 0
        for child in bagian.children:
            if isinstance(child, Pasal):
                self.pasal(child)
                continue
            paragraf_no += 1
            self.units.append(Unit(f"paragraf:{bab.id}:{child.title}", [
                Block("paragraf", f"Paragraf {paragraf_no}"),
                Block("paragraf-judul", child.title)]))
            for pasal in child.pasal:
                self.pasal(pasal)

    def pasal(self, pasal: Pasal) -> None:
        label = self.numbering.pasal[pasal.id]
        unit = Unit(f"pasal:{pasal.id}", source=_source(pasal))
        if pasal.dihapus:
            unit.blocks.append(Block("pasal-dihapus", pasal_heading(label, dihapus=True)))
        else:
            unit.blocks.append(Block("pasal", pasal_heading(label)))
        for index, ayat in enumerate(pasal.ayat):
            unit.blocks.extend(self.ayat(pasal, index, ayat))
        self.units.append(unit)

    def ayat(self, pasal: Pasal, index: int, ayat: Ayat) -> list[Block]:
        label = self.numbering.ayat_labels.get((pasal.id, index))
        prefix = f"({label})" if label else ""
        base = 1 if label else 0
        blocks = []
        if ayat.dihapus:
            blocks.append(Block("ayat", DIHAPUS_AYAT, prefix, 0, ayat.id))
        if ayat.text is not None:
            blocks.append(Block("ayat", self.text(ayat.text.raw, pasal.id), prefix, 0, ayat.id))
        elif prefix and not ayat.dihapus:
            blocks.append(Block("ayat", "", prefix, 0, ayat.id))
        for item_index, item in enumerate(ayat.items):
            blocks.extend(self.rincian(pasal, index, (item_index,), item, base))
        if ayat.tail is not None:
            blocks.append(Block("ayat-penutup", self.text(ayat.tail.raw, pasal.id), "", base))
        return blocks

    def rincian(self, pasal: Pasal, ayat_index: int, path: tuple[int, ...], item: Rincian,
                level: int) -> list[Block]:
        label = self.numbering.item_labels[(pasal.id, ayat_index, path)]
        blocks = [Block("rincian", self.text(item.text.raw, pasal.id), label, level, item.id)]
        for child_index, child in enumerate(item.children):
            blocks.extend(self.rincian(pasal, ayat_index, (*path, child_index), child, level + 1))
        return blocks

    def penutup(self) -> None:
        p = self.peraturan
        for key, signer, verb in (("penetapan", p.penetapan, "Ditetapkan"),
                                  ("pengundangan", p.pengundangan, "Diundangkan")):
            lines = [line for line in signature_lines(signer, verb) if line]
            blocks = [Block("ttd", line) for line in lines[:-1]]
            self.units.append(Unit(key, [*blocks, Block("ttd-nama", lines[-1])]))
        self.units.append(Unit("berita", [Block("berita", berita_daerah_line(p))]))


def _source(pasal: Pasal) -> str:
    """The drafter's text of a Pasal, markup unrendered, for telling real edits apart."""
    parts: list[str] = [f"dihapus={pasal.dihapus}"]

    def items(rincian: list[Rincian]) -> None:
        for item in rincian:
            parts.append(f"{item.id}:{item.text.raw}")
            items(item.children)

    for ayat in pasal.ayat:
        parts.append(f"{ayat.id}:{ayat.dihapus}:{ayat.text.raw if ayat.text else ''}")
        items(ayat.items)
        parts.append(ayat.tail.raw if ayat.tail else "")
    return "\n".join(parts)


def document_units(peraturan: Peraturan, as_of: dt.date) -> list[Unit]:
    """The whole regulation as units of blocks, in print order."""
    numbering = number(peraturan)
    walker = _Walker(peraturan, numbering, InlineContext(numbering, peraturan.parameters, as_of))
    walker.pembukaan()
    for index, bab in enumerate(peraturan.bab, start=1):
        walker.bab(index, bab)
    walker.penutup()
    return walker.units
