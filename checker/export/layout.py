"""The official page: F4 paper, Bookman Old Style 12, margins, paragraph styles, page numbers.

Sources: Permendagri 53/2011 Pasal 92 (Bookman Old Style 12 on F4 paper) and, as analogue for
margins and page numbers, KMK 527/KMK.01/2022 Lampiran II (2.5 cm margins, "- 2 -" centred at
the top from page 2). Styles carry the layout so that every paragraph only names its style.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from checker.policy.document.blocks import Block

FONT = "Bookman Old Style"
SIZE = Pt(12)
PAGE = (Mm(215), Mm(330))  # F4
MARGIN = Cm(2.5)
AYAT_INDENT = 1.2  # cm: where the text of a numbered ayat starts, after "(1)" and a tab
STEP = 0.9  # cm: one rincian level
LEAD_TABS = (3.0, 3.4, 4.2)  # cm: "Menimbang" | ":" | "a." | text
LAMBANG_WIDTH = Cm(2.75)  # the Garuda Pancasila emblem above the kop
LANGUAGE = "id-ID"

_ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style: alignment, weight, spacing (pt), indents and tab stops (cm), and
    where it differs from the body text, size (pt) and colour (RRGGBB)."""

    name: str
    align: str = "justify"
    bold: bool = False
    before: float = 0
    after: float = 0
    keep_next: bool = False
    outline: int | None = None  # heading level for Word's navigation pane
    left: float = 0
    first: float = 0
    tabs: tuple[float, ...] = ()
    size: float | None = None
    color: str | None = None


_SPECS = (
    StyleSpec("Lambang", "center", after=6, keep_next=True),
    # the slot takes about the height of the emblem, so the pages break alike with or without it
    StyleSpec(
        "Tempat Lambang", "center", before=36, after=42, keep_next=True, size=9, color="808080"
    ),
    StyleSpec("Kop Peraturan", "center", bold=True, after=12, keep_next=True),
    StyleSpec("Judul Peraturan", "center", bold=True, keep_next=True),
    StyleSpec("Pembukaan", "center", bold=True, before=12, keep_next=True),
    StyleSpec(
        "Konsiderans", before=3, after=3, left=LEAD_TABS[2], first=-LEAD_TABS[2], tabs=LEAD_TABS
    ),
    StyleSpec("Memutuskan", "center", bold=True, before=12, after=6, keep_next=True),
    StyleSpec(
        "Diktum", "left", after=6, left=LEAD_TABS[1], first=-LEAD_TABS[1], tabs=LEAD_TABS[:2]
    ),
    StyleSpec("BAB", "center", before=12, after=6, keep_next=True, outline=0),
    StyleSpec("Bagian", "center", before=12, after=6, keep_next=True, outline=1),
    StyleSpec("Paragraf", "center", before=12, after=6, keep_next=True, outline=2),
    StyleSpec("Pasal", "center", before=12, after=6, keep_next=True, outline=3),
    StyleSpec("Ayat", after=6, left=AYAT_INDENT, first=-AYAT_INDENT, tabs=(AYAT_INDENT,)),
    StyleSpec("Ayat Tanpa Nomor", after=6),
    StyleSpec("Rincian", after=3),
    StyleSpec("Penutup Ayat", after=6),
    StyleSpec("Perintah Pengundangan", before=12, after=12, keep_next=True),
    StyleSpec("Tanda Tangan", "left"),
    StyleSpec("Nama Penanda Tangan", "left", before=60),
    StyleSpec("Berita Daerah", "left", bold=True, before=24),
    StyleSpec("Nomor Halaman", "center"),
)
STYLES = {spec.name: spec for spec in _SPECS}

# block kind → style name (an ayat's depends on its number: see paragraph_style)
KIND_STYLES = {
    "kop": "Kop Peraturan",
    "judul": "Judul Peraturan",
    "rahmat": "Pembukaan",
    "pembentuk": "Pembukaan",
    "menimbang": "Konsiderans",
    "mengingat": "Konsiderans",
    "memutuskan": "Memutuskan",
    "menetapkan": "Diktum",
    "bab": "BAB",
    "bagian": "Bagian",
    "paragraf": "Paragraf",
    "pasal": "Pasal",
    "pasal-dihapus": "Pasal",
    "rincian": "Rincian",
    "definisi": "Rincian",
    "ayat-penutup": "Penutup Ayat",
    "perintah-pengundangan": "Perintah Pengundangan",
    "ttd": "Tanda Tangan",
    "ttd-nama": "Nama Penanda Tangan",
    "berita": "Berita Daerah",
}


def paragraph_style(block: Block) -> str:
    """The style a block's paragraph takes: "Ayat" hangs its text after "(1)"."""
    if block.kind == "ayat":
        return "Ayat" if block.label else "Ayat Tanpa Nomor"
    return KIND_STYLES[block.kind]


def rincian_indent(level: int) -> tuple[float, float]:
    """(left, first-line) in cm for a rincian: its label hangs one step left of its text."""
    label_at = 0.0 if level == 0 else AYAT_INDENT + (level - 1) * STEP
    return label_at + STEP, -STEP


def _set_fonts(rpr: object) -> None:
    """Bookman Old Style for every script; theme fonts would override explicit ones."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)  # type: ignore[attr-defined]
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)


def _outline(style_element: object, level: int) -> None:
    ppr = style_element.get_or_add_pPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    ppr.insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def setup_styles(document: DocxDocument) -> None:
    """Normal in Bookman Old Style 12 (all scripts, Indonesian), then one style per layout."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default)
    for size in ("w:sz", "w:szCs"):
        rpr_default.find(qn(size)).set(qn("w:val"), str(int(SIZE.pt * 2)))
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = SIZE
    _set_fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.15
    fmt.widow_control = True
    for spec in _SPECS:
        style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.bold = spec.bold or None
        if spec.size is not None:
            style.font.size = Pt(spec.size)
        if spec.color is not None:
            style.font.color.rgb = RGBColor.from_string(spec.color)
        pf = style.paragraph_format
        pf.alignment = _ALIGN[spec.align]
        pf.space_before, pf.space_after = Pt(spec.before), Pt(spec.after)
        pf.keep_with_next = spec.keep_next or None
        if spec.left or spec.first:
            pf.left_indent, pf.first_line_indent = Cm(spec.left), Cm(spec.first)
        for tab in spec.tabs:
            pf.tab_stops.add_tab_stop(Cm(tab))
        if spec.outline is not None:
            _outline(style.element, spec.outline)


def setup_page(document: DocxDocument) -> None:
    """F4, 2.5 cm margins, no number on page 1, "- n -" centred at the top from page 2."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = Cm(1.25)
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["Nomor Halaman"]
    paragraph.add_run("- ")
    _field(paragraph, "PAGE", "2")
    paragraph.add_run(" -")


def _field(paragraph: object, code: str, shown: str) -> None:
    """A Word field (PAGE) built by hand: begin, instruction, separate, shown value, end."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", f" {code} "),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ]
    for kind, text in parts:
        run = paragraph.add_run()  # type: ignore[attr-defined]
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def drop_thumbnail(document: DocxDocument) -> None:
    """The template's preview picture shows python-docx's sample page; leave it out."""
    rels = document.part.package.rels
    for rel_id in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rel_id]
