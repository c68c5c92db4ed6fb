"""The one walk over the regulation: kop to Berita Daerah as units of blocks, in print order.

Every output reads the regulation through :func:`walk`, so a Pasal reads the same in
``kebijakan render``, on the site and in the signed Word file: numbers come from
:func:`checker.policy.numbering.number`, references and parameter values are resolved here
(:mod:`checker.policy.document.segments`), and the wording of the fixed parts (the office above
the judul, judul, pembentuk, signatures, Berita Daerah) is written once below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from checker.policy.document.blocks import (
    BATANG_TUBUH,
    PEMBUKAAN,
    PENUTUP,
    Block,
    Inline,
    Unit,
    plain,
)
from checker.policy.document.segments import segments
from checker.policy.inline import InlineContext
from checker.policy.model import Ayat, Bab, Bagian, Pasal, Penandatangan, Peraturan, Rincian
from checker.policy.numbering import Numbering, letter, number, ordinal
from checker.wording import tanggal

BLANK = "…"  # what a draft shows where the number, date or name will go
DIHAPUS_AYAT = "Dihapus."


def pasal_heading(label: str, dihapus: bool = False) -> str:
    """ "Pasal 9", or "Pasal 9 dihapus." for a repealed enacted Pasal."""
    return f"Pasal {label} dihapus." if dihapus else f"Pasal {label}"


def judul_lines(peraturan: Peraturan) -> list[str]:
    """The four-line judul: PERATURAN GUBERNUR BENGKULU / NOMOR n TAHUN yyyy / TENTANG / NAMA."""
    region = peraturan.region.replace("Provinsi ", "").upper()
    nomor = str(peraturan.number) if peraturan.number else BLANK
    tahun = str(peraturan.year) if peraturan.year else BLANK
    return [
        f"{peraturan.kind.upper()} {region}",
        f"NOMOR {nomor} TAHUN {tahun}",
        "TENTANG",
        peraturan.title.upper(),
    ]


def kop_line(peraturan: Peraturan) -> str:
    """ "GUBERNUR BENGKULU": the office that makes the regulation, printed under the Garuda
    Pancasila emblem at the top of the first page, above the judul."""
    return (
        f"{peraturan.kind.replace('Peraturan ', '').upper()} "
        f"{peraturan.region.replace('Provinsi ', '').upper()}"
    )


def office_line(peraturan: Peraturan) -> str:
    """ "GUBERNUR BENGKULU," — the pembentuk."""
    return f"{kop_line(peraturan)},"


def berita_daerah_line(peraturan: Peraturan) -> str:
    """ "BERITA DAERAH PROVINSI BENGKULU TAHUN yyyy NOMOR n"."""
    tahun = peraturan.berita_daerah_year or BLANK
    nomor = peraturan.berita_daerah_number or BLANK
    return f"BERITA DAERAH {peraturan.region.upper()} TAHUN {tahun} NOMOR {nomor}"


def perintah_pengundangan(peraturan: Peraturan) -> str:
    """The order to promulgate, the first paragraph of the penutup after the last Pasal
    (Lampiran II UU 12/2011): "Agar setiap orang mengetahuinya, memerintahkan pengundangan
    Peraturan Gubernur ini dengan penempatannya dalam Berita Daerah Provinsi Bengkulu."."""
    return (
        f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {peraturan.kind} ini "
        f"dengan penempatannya dalam Berita Daerah {peraturan.region}."
    )


def signature_lines(signer: Penandatangan, verb: str) -> list[str]:
    """ "Ditetapkan di Bengkulu / pada tanggal … / GUBERNUR BENGKULU, / NAME" (the space for
    the signature is the layout's to leave, before the name)."""
    when = tanggal(signer.date) if signer.date else BLANK
    return [
        f"{verb} di {signer.place}",
        f"pada tanggal {when}",
        f"{signer.office},",
        (signer.name or BLANK).upper(),
    ]


def _lines(kind: str, lines: list[str]) -> list[Block]:
    """Lines printed together: the judul, the lines of a signature block."""
    return [Block(kind, plain(line), joined=index > 0) for index, line in enumerate(lines)]


@dataclass
class _Walk:
    peraturan: Peraturan
    numbering: Numbering
    inline: InlineContext
    units: list[Unit] = field(default_factory=list)

    def words(self, raw: str, pasal_id: str | None) -> tuple[Inline, ...]:
        return segments(raw, self.inline, pasal_id)

    def pembukaan(self) -> None:
        p = self.peraturan
        self.units.append(Unit("kop", [Block("kop", plain(kop_line(p)))], PEMBUKAAN))
        self.units.append(Unit("judul", _lines("judul", judul_lines(p)), PEMBUKAAN))
        self.units.append(
            Unit(
                "pembentuk",
                [
                    Block("rahmat", plain("DENGAN RAHMAT TUHAN YANG MAHA ESA")),
                    Block("pembentuk", plain(office_line(p))),
                ],
                PEMBUKAAN,
            )
        )
        for head, items, alpha in (
            ("Menimbang", p.menimbang, True),
            ("Mengingat", p.mengingat, False),
        ):
            blocks = [
                Block(
                    head.lower(),
                    self.words(item.raw, None),
                    f"{letter(index)}." if alpha else f"{index + 1}.",
                    head if index == 0 else "",
                    joined=index > 0,
                )
                for index, item in enumerate(items)
            ]
            self.units.append(
                Unit(head.lower(), blocks, PEMBUKAAN, source="\n".join(t.raw for t in items))
            )
        penetapan = f"{p.kind.upper()} TENTANG {p.title.upper()}."
        self.units.append(
            Unit(
                "memutuskan",
                [
                    Block("memutuskan", plain("MEMUTUSKAN:")),
                    Block("menetapkan", plain(penetapan), head="Menetapkan"),
                ],
                PEMBUKAAN,
            )
        )

    def heading(self, key: str, bab: Bab, numbered: Block, title: str) -> None:
        """A BAB, Bagian or Paragraf heading: its number, and its title printed with it."""
        below = Block(f"{numbered.kind}-judul", plain(title), joined=True)
        self.units.append(Unit(key, [numbered, below], BATANG_TUBUH, bab.id))

    def bab(self, bab: Bab) -> None:
        label = self.numbering.bab[bab.id]
        self.heading(
            f"bab:{bab.id}", bab, Block("bab", plain(f"BAB {label}"), label), bab.title.upper()
        )
        bagian_no = 0
        for child in bab.children:
            if isinstance(child, Pasal):
                self.pasal(bab, child)
            else:
                bagian_no += 1
                self.bagian(bab, bagian_no, child)

    def bagian(self, bab: Bab, index: int, bagian: Bagian) -> None:
        label = ordinal(index)
        self.heading(
            f"bagian:{bab.id}:{bagian.title}",
            bab,
            Block("bagian", plain(f"Bagian {label}"), label),
            bagian.title,
        )
        paragraf_no = 0
        for child in bagian.children:
            if isinstance(child, Pasal):
                self.pasal(bab, child)
                continue
            paragraf_no += 1
            self.heading(
                f"paragraf:{bab.id}:{child.title}",
                bab,
                Block("paragraf", plain(f"Paragraf {paragraf_no}"), str(paragraf_no)),
                child.title,
            )
            for pasal in child.pasal:
                self.pasal(bab, pasal)

    def pasal(self, bab: Bab, pasal: Pasal) -> None:
        label = self.numbering.pasal[pasal.id]
        kind = "pasal-dihapus" if pasal.dihapus else "pasal"
        blocks = [Block(kind, plain(pasal_heading(label, pasal.dihapus)), label)]
        for index, ayat in enumerate(pasal.ayat):
            blocks.extend(self.ayat(pasal, index, ayat))
        self.units.append(Unit(f"pasal:{pasal.id}", blocks, BATANG_TUBUH, bab.id, _source(pasal)))

    def ayat(self, pasal: Pasal, index: int, ayat: Ayat) -> list[Block]:
        ayat_no = self.numbering.ayat_labels.get((pasal.id, index))
        label = f"({ayat_no})" if ayat_no else ""
        base = 1 if label else 0
        blocks = []
        if ayat.dihapus:
            blocks.append(Block("ayat", plain(DIHAPUS_AYAT), label, key=ayat.id))
        elif ayat.text is not None or label:  # "(2)" stands alone above a list it introduces
            words = self.words(ayat.text.raw, pasal.id) if ayat.text is not None else ()
            blocks.append(Block("ayat", words, label, key=ayat.id))
        # a list the drafter numbered "1." holds the definitions of the Ketentuan Umum
        kind = "definisi" if ayat.items and ayat.items[0].style == "angka" else "rincian"
        for item_index, item in enumerate(ayat.items):
            blocks.extend(self.rincian(pasal, index, (item_index,), item, base, kind))
        if ayat.tail is not None:
            blocks.append(Block("ayat-penutup", self.words(ayat.tail.raw, pasal.id), level=base))
        # the blocks of one ayat print together; the first starts its stanza
        return [block if i == 0 else replace(block, joined=True) for i, block in enumerate(blocks)]

    def rincian(
        self,
        pasal: Pasal,
        ayat_index: int,
        path: tuple[int, ...],
        item: Rincian,
        level: int,
        kind: str = "rincian",
    ) -> list[Block]:
        label = self.numbering.item_labels[(pasal.id, ayat_index, path)]
        blocks = [Block(kind, self.words(item.text.raw, pasal.id), label, level=level, key=item.id)]
        for child_index, child in enumerate(item.children):
            blocks.extend(self.rincian(pasal, ayat_index, (*path, child_index), child, level + 1))
        return blocks

    def penutup(self) -> None:
        p = self.peraturan
        order = Block("perintah-pengundangan", plain(perintah_pengundangan(p)))
        self.units.append(Unit("perintah-pengundangan", [order], PENUTUP))
        for key, signer, verb in (
            ("penetapan", p.penetapan, "Ditetapkan"),
            ("pengundangan", p.pengundangan, "Diundangkan"),
        ):
            *lines, name = signature_lines(signer, verb)
            blocks = _lines("ttd", lines)
            self.units.append(
                Unit(key, [*blocks, Block("ttd-nama", plain(name), joined=True)], PENUTUP)
            )
        self.units.append(Unit("berita", [Block("berita", plain(berita_daerah_line(p)))], PENUTUP))


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


def walk(peraturan: Peraturan, as_of: dt.date) -> list[Unit]:
    """The whole regulation as units of blocks, in print order, parameter values as in force
    on ``as_of``."""
    numbering = number(peraturan)
    walker = _Walk(peraturan, numbering, InlineContext(numbering, peraturan.parameters, as_of))
    walker.pembukaan()
    for bab in peraturan.bab:
        walker.bab(bab)
    walker.penutup()
    return walker.units
