"""The Peraturan Gubernur as a Word document, clean or with tracked changes against an older one.

:func:`export_docx` is the one entry point. :class:`WordLayout` lays out the walk of the
regulation (:mod:`checker.policy.document`) as styled paragraphs; given the redline's units
(:func:`checker.diff.compare.compare`), whose blocks carry their word changes, it writes them as
tracked changes, so the clean copy is exactly the redline with every change accepted;
``accept=True`` writes it that way. The Garuda Pancasila emblem above the kop is the policy's
``lambang.png`` when the caller passes it (:mod:`checker.export.lambang`), else a marked slot;
it is never a block of the walk, so a redline never marks it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from itertools import groupby, pairwise
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from checker.artifacts.archive import deterministic_zip
from checker.diff.compare import DELETED, INSERTED, SAME, RevBlock, compare
from checker.export.lambang import PLACEHOLDER
from checker.export.layout import (
    AYAT_INDENT,
    LAMBANG_WIDTH,
    MARGIN,
    PAGE,
    drop_thumbnail,
    paragraph_style,
    rincian_indent,
    setup_page,
    setup_styles,
)
from checker.export.revisions import (
    Revision,
    accept_all,
    add_segments,
    enable_tracking,
    mark_paragraph,
)
from checker.policy.document.blocks import HEADINGS, LISTS, Block, Emphasis, Unit
from checker.policy.document.layout import Layout
from checker.policy.document.walk import walk
from checker.policy.model import Peraturan
from checker.provenance import Provenance
from checker.wording import regulation_name

AUTHOR = "Pemerintah Provinsi Bengkulu"
SIGNATURES = {"penetapan": (0, 1), "pengundangan": (1, 0)}  # unit key → (row, column)
KEPT_WITH_BERITA = "pengundangan"  # the signature printed on the page of the Berita Daerah line


def _revised(block: Block) -> RevBlock:
    """A block with its changes: none, when it comes from the walk of one version."""
    return (
        block if isinstance(block, RevBlock) else RevBlock.of(block, SAME, (("=", block.content),))
    )


def _emphasis(block: Block) -> list[tuple[int, int]]:
    """Where the emphasised words stand in :attr:`Block.content` (start, end)."""
    at = len(block.prefix) + 1 if block.prefix else 0
    spans = []
    for segment in block.inlines:
        if isinstance(segment, Emphasis):
            spans.append((at, at + len(segment.text)))
        at += len(segment.text)
    return spans


def runs(rev: RevBlock) -> list[tuple[str, str, bool]]:
    """The runs of a paragraph as (op, text, italic): its word changes, cut where emphasis
    starts or ends."""
    spans = _emphasis(rev)
    if not spans:
        return [(op, text, False) for op, text in rev.segments]
    # the block holds the newer text, or the older one when it was deleted
    own = ("-",) if rev.status == DELETED else ("=", "+")
    out, at = [], 0
    for op, text in rev.segments:
        if op not in own:
            out.append((op, text, False))
            continue
        cuts = sorted(
            {
                0,
                len(text),
                *(edge - at for span in spans for edge in span if at < edge < at + len(text)),
            }
        )
        out += [
            (op, text[lo:hi], any(s <= at + lo and at + hi <= e for s, e in spans))
            for lo, hi in pairwise(cuts)
        ]
        at += len(text)
    return out


class WordLayout(Layout[DocxDocument]):
    """Writes the blocks of a walk, or of a redline with their changes, into a Word document
    in the official layout (styles in :mod:`checker.export.layout`)."""

    def __init__(self, revision: Revision | None = None, lambang: bytes | None = None) -> None:
        self.document = docx.Document()
        self.revision = revision
        self.lambang = lambang  # the emblem's PNG, or None for a marked slot
        self.table: Table | None = None
        self.cell: _Cell | None = None  # the signature cell being written, if any
        setup_styles(self.document)
        setup_page(self.document)
        drop_thumbnail(self.document)
        # the template's body holds one empty paragraph before the section properties
        body = self.document.element.body
        for paragraph in body.findall(qn("w:p")):
            body.remove(paragraph)

    def paragraph(self, block: Block) -> None:
        """One block as one paragraph, in its style, with its runs."""
        target = self.cell if self.cell is not None else self.document
        style = self.document.styles[paragraph_style(block)]
        paragraph = target.add_paragraph(style=style)
        fmt = paragraph.paragraph_format
        if block.kind in (*LISTS, "ttd") and not block.joined:
            fmt.space_before = Pt(12)  # a blank line before each list and signature block
        if block.kind in ("rincian", "definisi"):
            left, first = rincian_indent(block.level)
            fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(first)
            fmt.tab_stops.add_tab_stop(Cm(left))
        elif block.kind == "ayat-penutup" and block.level:
            fmt.left_indent = Cm(AYAT_INDENT)
        rev = _revised(block)
        self.write(paragraph, runs(rev))
        if self.revision is not None and rev.status in (INSERTED, DELETED):
            mark_paragraph(paragraph, "+" if rev.status == INSERTED else "-", self.revision)

    def write(self, paragraph: Paragraph, pieces: list[tuple[str, str, bool]]) -> None:
        """The runs, as tracked changes where they changed, emphasis in italics."""
        for italic, group in groupby(pieces, key=lambda piece: piece[2]):
            before = len(paragraph._p.findall(f".//{qn('w:r')}"))
            add_segments(paragraph, [(op, text) for op, text, _ in group], self.revision)
            if italic:
                for element in paragraph._p.findall(f".//{qn('w:r')}")[before:]:
                    Run(element, paragraph).italic = True

    def emblem(self) -> None:
        """The Garuda Pancasila emblem centred above the kop, or a marked slot for it."""
        if self.lambang is None:
            self.document.add_paragraph(PLACEHOLDER, style=self.document.styles["Tempat Lambang"])
            return
        paragraph = self.document.add_paragraph(style=self.document.styles["Lambang"])
        paragraph.add_run().add_picture(io.BytesIO(self.lambang), width=LAMBANG_WIDTH)

    def signatures(self) -> Table:
        """The borderless table: Ditetapkan on the right, Diundangkan below it on the left.

        No row splits across pages; the order to promulgate before the table keeps with the
        Ditetapkan row (its style), and the Diundangkan row with the Berita Daerah line after
        the table (:meth:`end_unit`)."""
        if self.table is None:
            self.table = self.document.add_table(rows=2, cols=2)
            width = (PAGE[0] - 2 * MARGIN) // 2
            for row in self.table.rows:
                row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
                for cell in row.cells:
                    cell.width = width
            borders = OxmlElement("w:tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                edge = OxmlElement(f"w:{side}")
                edge.set(qn("w:val"), "nil")
                borders.append(edge)
            self.table._tbl.tblPr.insert_element_before(
                borders,
                "w:shd",
                "w:tblLayout",
                "w:tblCellMar",
                "w:tblLook",
                "w:tblCaption",
                "w:tblDescription",
                "w:tblPrChange",
            )
        return self.table

    def begin_unit(self, unit: Unit) -> None:
        if unit.key == "kop":
            self.emblem()
        if unit.key in SIGNATURES:
            self.cell = self.signatures().cell(*SIGNATURES[unit.key])

    def end_unit(self, unit: Unit) -> None:
        if self.cell is not None:
            first = self.cell.paragraphs[0]
            if not first.runs:  # the cell's own empty paragraph is not needed once it has text
                first._p.getparent().remove(first._p)
            if unit.key == KEPT_WITH_BERITA:
                # keep-with-next on every paragraph of a row keeps the row on the page of what
                # follows, in Word and in LibreOffice alike
                row = self.signatures().rows[SIGNATURES[unit.key][0]]
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
            self.cell = None

    def stanza(self, blocks: list[Block], unit: Unit) -> None:
        if len(blocks) == 2 == len(unit.blocks) and blocks[0].kind in HEADINGS:
            self.paragraph(_join_heading(*blocks))
            return
        for block in blocks:
            self.paragraph(block)

    def result(self) -> DocxDocument:
        return self.document


def _join_heading(number: Block, title: Block) -> RevBlock:
    """ "BAB I" and its title as one paragraph with a line break, so that no page separates
    them (LibreOffice does not always honour keep-with-next at a page end)."""
    number, title = _revised(number), _revised(title)
    both = {number.status, title.status}
    status = both.pop() if len(both) == 1 else SAME
    joiner = {INSERTED: "+", DELETED: "-"}.get(status, "=")
    return RevBlock.of(number, status, (*number.segments, (joiner, "\n"), *title.segments))


def _properties(
    document: DocxDocument, peraturan: Peraturan, provenance: Provenance, as_of: dt.date, note: str
) -> None:
    when = provenance.date or dt.datetime.combine(as_of, dt.time(), dt.UTC)
    props = document.core_properties
    props.title = regulation_name(peraturan)
    props.subject = peraturan.title
    props.author = props.last_modified_by = AUTHOR
    props.version = peraturan.version
    props.identifier = provenance.commit or ""
    props.content_status = peraturan.status
    props.language = "id-ID"
    props.category = peraturan.kind
    props.keywords = provenance.describe()
    props.comments = note
    props.revision = 1
    props.created = props.modified = when.astimezone(dt.UTC).replace(tzinfo=None)


def export_docx(
    peraturan: Peraturan,
    out_path: str | Path,
    *,
    as_of: dt.date,
    provenance: Provenance | None = None,
    redline_from: Peraturan | None = None,
    redline_sides: tuple[Provenance, Provenance] | None = None,
    accept: bool = False,
    lambang: bytes | None = None,
) -> Path:
    """Write :func:`docx_bytes` to ``out_path``."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(
        docx_bytes(
            peraturan,
            as_of=as_of,
            provenance=provenance,
            redline_from=redline_from,
            redline_sides=redline_sides,
            accept=accept,
            lambang=lambang,
        )
    )
    return out


def docx_bytes(
    peraturan: Peraturan,
    *,
    as_of: dt.date,
    provenance: Provenance | None = None,
    redline_from: Peraturan | None = None,
    redline_sides: tuple[Provenance, Provenance] | None = None,
    accept: bool = False,
    lambang: bytes | None = None,
) -> bytes:
    """The regulation in the official layout as a .docx file's bytes, the same for the same
    inputs (zip entries dated on the version's commit, else on ``as_of``).

    With ``redline_from`` the changes from that older version are tracked changes (author and
    date from ``redline_sides[1]``); with ``accept`` as well, they are accepted: the clean copy.
    ``lambang`` is the PNG of the emblem above the kop
    (:func:`checker.export.lambang.read_lambang`); without it the first page leaves a slot.
    """
    provenance = provenance or Provenance(peraturan.version, peraturan.status)
    when = provenance.date or dt.datetime.combine(as_of, dt.time(), dt.UTC)
    revision = None
    if redline_from is not None:
        sides = redline_sides or (
            Provenance(redline_from.version, redline_from.status, label="versi sebelumnya"),
            replace(provenance, label="versi ini"),
        )
        units: list[Unit] = list(compare(redline_from, peraturan, as_of, *sides).document)
        revision = Revision(sides[1].author or AUTHOR, sides[1].date or when)
        note = f"Perubahan terlacak dari {sides[0].name} ke {sides[1].name}."
    else:
        units = walk(peraturan, as_of)
        note = f"Naskah {provenance.name}."
    document = WordLayout(revision, lambang).lay_out(units)
    if revision is not None and accept:
        accept_all(document.element.body)
        note = f"{note} Semua perubahan telah diterima."
    elif revision is not None:
        enable_tracking(document.settings.element)
    _properties(
        document,
        peraturan,
        provenance,
        as_of,
        f"{note} Dibuat dari kebijakan {provenance.describe()}. Nilai parameter per "
        f"{as_of.isoformat()}.",
    )
    raw = io.BytesIO()
    document.save(raw)
    return deterministic_zip(raw.getvalue(), when)
