"""Render the regulation as it reads on paper (text) or for the site (Markdown)."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from checker.policy.inline import InlineContext, render_inline
from checker.policy.model import Ayat, Bab, Bagian, Pasal, Penandatangan, Peraturan, Rincian
from checker.policy.numbering import Numbering, letter, number, ordinal, roman
from checker.policy.terbilang import tanggal

WIDTH = 78
NBSP = "\u00a0"
# Never break a line inside "Pasal 9", "ayat (2)", "huruf a" or "20 (dua puluh)": a wrapped
# line starting with "(2)" would read as a new ayat.
_GLUE = re.compile(r"\b(Pasal|ayat|huruf|angka|Nomor|Tahun) (?=\S)|(?<=[\d%]) (?=\()")


def _glue(text: str) -> str:
    return _GLUE.sub(lambda m: m.group(0).replace(" ", NBSP), text)
BLANK = "…"  # what a draft shows where the number, date or name will go
FORMATS = ("text", "markdown")


DIHAPUS_AYAT = "Dihapus."


def pasal_heading(label: str, dihapus: bool = False) -> str:
    """ "Pasal 9", or "Pasal 9 dihapus." for a repealed enacted Pasal."""
    return f"Pasal {label} dihapus." if dihapus else f"Pasal {label}"


def judul_lines(peraturan: Peraturan) -> list[str]:
    """The four-line judul: PERATURAN GUBERNUR BENGKULU / NOMOR n TAHUN yyyy / TENTANG / NAMA."""
    region = peraturan.region.replace("Provinsi ", "").upper()
    nomor = str(peraturan.number) if peraturan.number else BLANK
    tahun = str(peraturan.year) if peraturan.year else BLANK
    return [f"{peraturan.kind.upper()} {region}", f"NOMOR {nomor} TAHUN {tahun}", "TENTANG",
            peraturan.title.upper()]


def office_line(peraturan: Peraturan) -> str:
    """ "GUBERNUR BENGKULU," — the pembentuk."""
    return f"{peraturan.kind.replace('Peraturan ', '').upper()} " \
           f"{peraturan.region.replace('Provinsi ', '').upper()},"


def berita_daerah_line(peraturan: Peraturan) -> str:
    """ "BERITA DAERAH PROVINSI BENGKULU TAHUN yyyy NOMOR n"."""
    tahun = peraturan.berita_daerah_year or BLANK
    nomor = peraturan.berita_daerah_number or BLANK
    return f"BERITA DAERAH {peraturan.region.upper()} TAHUN {tahun} NOMOR {nomor}"


def signature_lines(signer: Penandatangan, verb: str) -> list[str]:
    """ "Ditetapkan di Bengkulu / pada tanggal … / GUBERNUR BENGKULU, / ttd / NAME"."""
    when = tanggal(signer.date) if signer.date else BLANK
    return [f"{verb} di {signer.place}", f"pada tanggal {when}", f"{signer.office},", "", "",
            (signer.name or BLANK).upper()]


@dataclass
class Renderer:
    """Walks the model once and emits lines in one format."""

    peraturan: Peraturan
    numbering: Numbering
    inline: InlineContext
    fmt: str = "text"
    # Markdown heading levels are BAB 2, Bagian 3, Paragraf 4, Pasal 5, minus this shift
    # (the site puts each BAB on its own page, so its BAB heading is level 1)
    heading_shift: int = 0

    # -- small helpers ---------------------------------------------------------------
    def heading(self, level: int, text: str) -> str:
        """A Markdown heading at ``level`` (before the shift)."""
        return f"{'#' * (level - self.heading_shift)} {text}"

    def center(self, text: str) -> str:
        return text.center(WIDTH).rstrip() if self.fmt == "text" else f"**{text}**"

    def para(self, text: str, first: str = "", rest: str = "") -> list[str]:
        if self.fmt == "markdown":
            return [first + text]
        lines = textwrap.wrap(_glue(text), WIDTH, initial_indent=first, subsequent_indent=rest,
                              break_on_hyphens=False) or [first.rstrip()]
        return [line.replace(NBSP, " ") for line in lines]

    def text_of(self, raw: str, pasal_id: str | None) -> str:
        return render_inline(raw, self.inline, pasal_id)

    # -- pembukaan -------------------------------------------------------------------
    def pembukaan(self) -> Iterator[str]:
        p = self.peraturan
        if self.fmt == "markdown":
            yield "<div class=\"judul\" markdown>"
            yield ""
            yield "  \n".join(f"**{line}**" for line in judul_lines(p))
            yield ""
            yield "**DENGAN RAHMAT TUHAN YANG MAHA ESA**"
            yield ""
            yield f"**{office_line(p)}**"
            yield ""
            yield "</div>"
        else:
            yield from (self.center(line) for line in judul_lines(p))
            yield ""
            yield self.center("DENGAN RAHMAT TUHAN YANG MAHA ESA")
            yield ""
            yield self.center(office_line(p))
        yield ""
        yield from self.labelled_list("Menimbang", [t.raw for t in p.menimbang], alpha=True)
        yield ""
        yield from self.labelled_list("Mengingat", [t.raw for t in p.mengingat], alpha=False)
        yield ""
        yield self.center("MEMUTUSKAN:")
        yield ""
        penetapan = f"{p.kind.upper()} TENTANG {p.title.upper()}."
        yield from self.para(penetapan, "Menetapkan : ", " " * 13)
        yield ""

    def labelled_list(self, head: str, items: list[str], alpha: bool) -> Iterator[str]:
        for index, item in enumerate(items):
            label = f"{letter(index)}." if alpha else f"{index + 1}."
            lead = f"{head:<10}: " if index == 0 else " " * 12
            if self.fmt == "markdown":
                lead = f"{head} :" if index == 0 else ""
                yield f"{lead}&emsp;{label} {self.text_of(item, None)}  " \
                    if lead else f"&emsp;&emsp;{label} {self.text_of(item, None)}  "
            else:
                yield from self.para(self.text_of(item, None), f"{lead}{label:<4}", " " * 16)

    # -- batang tubuh ----------------------------------------------------------------
    def bab(self, index: int, bab: Bab) -> Iterator[str]:
        label = self.numbering.bab.get(bab.id) or roman(index)
        if self.fmt == "markdown":
            yield f'<a id="bab-{label.lower()}"></a><a id="{bab.id}"></a>'
            yield self.heading(2, f"BAB {label}<br>{bab.title.upper()}")
        else:
            yield self.center(f"BAB {label}")
            yield self.center(bab.title.upper())
        yield ""
        bagian_no = 0
        for child in bab.children:
            if isinstance(child, Pasal):
                yield from self.pasal(child)
            else:
                bagian_no += 1
                yield from self.bagian(bagian_no, child)

    def bagian(self, index: int, bagian: Bagian) -> Iterator[str]:
        head = f"Bagian {ordinal(index)}"
        if self.fmt == "markdown":
            yield self.heading(3, f"{head}<br>{bagian.title}")
        else:
            yield self.center(head)
            yield self.center(bagian.title)
        yield ""
        paragraf_no = 0
        for child in bagian.children:
            if isinstance(child, Pasal):
                yield from self.pasal(child)
                continue
            paragraf_no += 1
            if self.fmt == "markdown":
                yield self.heading(4, f"Paragraf {paragraf_no}<br>{child.title}")
            else:
                yield self.center(f"Paragraf {paragraf_no}")
                yield self.center(child.title)
            yield ""
            for pasal in child.pasal:
                yield from self.pasal(pasal)

    def pasal(self, pasal: Pasal) -> Iterator[str]:
        label = self.numbering.pasal[pasal.id]
        head = pasal_heading(label, pasal.dihapus)
        if self.fmt == "markdown":
            yield f'<a id="pasal-{label.lower()}"></a><a id="{pasal.id}"></a>'
            yield self.heading(5, head)
        else:
            yield self.center(head)
        yield ""
        if pasal.dihapus:
            return
        for index, ayat in enumerate(pasal.ayat):
            yield from self.ayat(pasal, index, ayat)
            yield ""

    def ayat(self, pasal: Pasal, index: int, ayat: Ayat) -> Iterator[str]:
        label = self.numbering.ayat_labels.get((pasal.id, index))
        first = f"({label}) " if label else ""
        indent = " " * (len(first) if label else 0)
        lines: list[str] = []
        if self.fmt == "markdown" and ayat.id:
            first = f'<a id="{ayat.id}"></a>{first}'
        if ayat.dihapus:
            lines.extend(self.para(DIHAPUS_AYAT, first, indent))
        if ayat.text is not None:
            lines.extend(self.para(self.text_of(ayat.text.raw, pasal.id), first, indent))
        for item_index, item in enumerate(ayat.items):
            lines.extend(self.rincian(pasal, index, (item_index,), item, len(indent)))
        if ayat.tail is not None:
            lines.extend(self.para(self.text_of(ayat.tail.raw, pasal.id), indent, indent))
        if self.fmt == "markdown":
            yield "  \n".join(line for line in lines)
        else:
            yield from lines

    def rincian(self, pasal: Pasal, ayat_index: int, path: tuple[int, ...], item: Rincian,
                indent: int) -> list[str]:
        label = self.numbering.item_labels[(pasal.id, ayat_index, path)]
        text = self.text_of(item.text.raw, pasal.id)
        if self.fmt == "markdown":
            escaped = label.replace(".", "\\.") if label[0].isdigit() else label
            anchor = f'<a id="{item.id}"></a>' if item.id else ""
            lines = [f"{'&emsp;' * len(path)}{anchor}{escaped} {text}"]
        else:
            lead = " " * indent + f"{label:<4}"
            lines = self.para(text, lead, " " * len(lead))
        for child_index, child in enumerate(item.children):
            lines.extend(self.rincian(pasal, ayat_index, (*path, child_index), child, indent + 4))
        return lines

    # -- penutup ---------------------------------------------------------------------
    def penutup(self) -> Iterator[str]:
        p = self.peraturan
        right = signature_lines(p.penetapan, "Ditetapkan")
        left = signature_lines(p.pengundangan, "Diundangkan")
        if self.fmt == "markdown":
            yield '<div class="penutup" markdown>'
            yield ""
            yield "  \n".join(line or "&nbsp;" for line in right)
            yield ""
            yield "  \n".join(line or "&nbsp;" for line in left)
            yield ""
            yield f"**{berita_daerah_line(p)}**"
            yield ""
            yield "</div>"
            return
        yield from (" " * 40 + line if line else "" for line in right)
        yield ""
        yield from left
        yield ""
        yield berita_daerah_line(p)

    def document(self) -> Iterator[str]:
        yield from self.pembukaan()
        for index, bab in enumerate(self.peraturan.bab, start=1):
            yield from self.bab(index, bab)
        yield from self.penutup()


def render(peraturan: Peraturan, fmt: str = "text", as_of: dt.date | None = None) -> str:
    """The whole regulation, numbering computed, references and parameters rendered."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    as_of = as_of or dt.date.today()
    numbering = number(peraturan)
    link = (lambda target, citation: f"[{citation}](#{target})") if fmt == "markdown" else None
    ctx = InlineContext(numbering, peraturan.parameters, as_of, link=link)
    lines = list(Renderer(peraturan, numbering, ctx, fmt).document())
    # collapse runs of blank lines; end with exactly one newline
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line.rstrip())
    return "\n".join(out).strip("\n") + "\n"
