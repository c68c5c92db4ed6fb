"""The Peraturan Gubernur as a Word document, clean or with tracked changes against an older one.

:func:`export_docx` is the one entry point. The document is built from the same printed blocks
as the redline (:mod:`checker.policy.blocks`), so the clean copy is exactly the redline with
every change accepted; ``accept=True`` writes it that way.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from checker.diff.compare import DELETED, INSERTED, SAME, RevBlock, RevUnit, compare
from checker.export.layout import (
    AYAT_INDENT,
    KIND_STYLES,
    MARGIN,
    PAGE,
    drop_thumbnail,
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
from checker.policy.blocks import Block, document_units
from checker.policy.model import Peraturan
from checker.provenance import Provenance

AUTHOR = "Pemerintah Provinsi Bengkulu"


def _style(block: Block) -> str:
    if block.kind == "ayat":
        return "Ayat" if block.prefix else "Ayat Tanpa Nomor"
    return KIND_STYLES[block.kind]


class _Builder:
    """Writes blocks (with their changes) into a python-docx document."""

    def __init__(self, revision: Revision | None) -> None:
        self.document = docx.Document()
        self.revision = revision
        self.table: Table | None = None
        setup_styles(self.document)
        setup_page(self.document)
        drop_thumbnail(self.document)
        # the template's body holds one empty paragraph before the section properties
        body = self.document.element.body
        for paragraph in body.findall(qn("w:p")):
            body.remove(paragraph)

    def block(self, rev: RevBlock, container: object | None = None) -> None:
        block = rev.block
        target = container if container is not None else self.document
        style = self.document.styles[_style(block)]
        paragraph = target.add_paragraph(style=style)  # type: ignore[attr-defined]
        fmt = paragraph.paragraph_format
        if block.prefix.startswith(("Menimbang", "Mengingat")) or (
                block.kind == "ttd" and block.text.startswith(("Ditetapkan", "Diundangkan"))):
            fmt.space_before = Pt(12)  # a blank line before each list and signature block
        if block.kind == "rincian":
            left, first = rincian_indent(block.level)
            fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(first)
            fmt.tab_stops.add_tab_stop(Cm(left))
        elif block.kind == "ayat-penutup" and block.level:
            fmt.left_indent = Cm(AYAT_INDENT)
        add_segments(paragraph, rev.segments, self.revision)
        if self.revision is not None and rev.status in (INSERTED, DELETED):
            mark_paragraph(paragraph, "+" if rev.status == INSERTED else "-", self.revision)

    def signatures(self) -> Table:
        """The borderless table: Ditetapkan on the right, Diundangkan below it on the left."""
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
                borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                "w:tblDescription", "w:tblPrChange")
        return self.table

    def unit(self, unit: RevUnit) -> None:
        if unit.key in ("penetapan", "pengundangan"):
            cell = self.signatures().cell(0, 1) if unit.key == "penetapan" else \
                self.signatures().cell(1, 0)
            first = cell.paragraphs[0]
            for rev in unit.blocks:
                self.block(rev, cell)
            if not first.runs:  # the cell's own empty paragraph is not needed once it has text
                first._p.getparent().remove(first._p)
            return
        if unit.key.split(":")[0] in _HEADINGS and len(unit.blocks) == 2:
            self.block(_join_heading(*unit.blocks))
            return
        for rev in unit.blocks:
            self.block(rev)


_HEADINGS = ("bab", "bagian", "paragraf")


def _join_heading(number: RevBlock, title: RevBlock) -> RevBlock:
    """ "BAB I" and its title as one paragraph with a line break, so that no page separates
    them (LibreOffice does not always honour keep-with-next at a page end)."""
    both = {number.status, title.status}
    status = both.pop() if len(both) == 1 else SAME
    joiner = {INSERTED: "+", DELETED: "-"}.get(status, "=")
    segments = (*number.segments, (joiner, "\n"), *title.segments)
    return RevBlock(number.block, status, segments)


def _title(peraturan: Peraturan) -> str:
    region = peraturan.region.replace("Provinsi ", "")
    if peraturan.status == "ditetapkan" and peraturan.number and peraturan.year:
        return (f"{peraturan.kind} {region} Nomor {peraturan.number} Tahun {peraturan.year} "
                f"tentang {peraturan.title}")
    return f"Rancangan {peraturan.kind} {region} tentang {peraturan.title}"


def _properties(document: DocxDocument, peraturan: Peraturan, provenance: Provenance,
                as_of: dt.date, note: str) -> None:
    when = provenance.date or dt.datetime.combine(as_of, dt.time(), dt.UTC)
    props = document.core_properties
    props.title = _title(peraturan)
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


def _save(document: DocxDocument, out_path: Path, when: dt.datetime) -> None:
    """Save with fixed zip timestamps, so the same inputs give byte-identical files."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = when.astimezone(dt.UTC).timetuple()[:6] if when.year >= 1980 else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            dest.writestr(info, source.read(item.filename))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(out.getvalue())


def export_docx(peraturan: Peraturan, out_path: str | Path, *, as_of: dt.date,
                provenance: Provenance | None = None, redline_from: Peraturan | None = None,
                redline_sides: tuple[Provenance, Provenance] | None = None,
                accept: bool = False) -> Path:
    """Write the regulation to ``out_path`` in the official layout.

    With ``redline_from`` the changes from that older version are tracked changes (author and
    date from ``redline_sides[1]``); with ``accept`` as well, they are accepted: the clean copy.
    """
    provenance = provenance or Provenance(peraturan.version, peraturan.status)
    when = provenance.date or dt.datetime.combine(as_of, dt.time(), dt.UTC)
    revision = None
    if redline_from is not None:
        sides = redline_sides or (Provenance(redline_from.version, redline_from.status,
                                             label="versi sebelumnya"),
                                  replace(provenance, label="versi ini"))
        comparison = compare(redline_from, peraturan, as_of, *sides)
        units = comparison.document
        revision = Revision(sides[1].author or AUTHOR, sides[1].date or when)
        note = f"Perubahan terlacak dari {sides[0].name} ke {sides[1].name}."
    else:
        units = [RevUnit(u.key, SAME, [RevBlock(b, SAME, (("=", b.content),)) for b in u.blocks])
                 for u in document_units(peraturan, as_of)]
        note = f"Naskah {provenance.name}."
    builder = _Builder(revision)
    for unit in units:
        builder.unit(unit)
    document = builder.document
    if revision is not None and accept:
        accept_all(document.element.body)
        note = f"{note} Semua perubahan telah diterima."
    elif revision is not None:
        enable_tracking(document.settings.element)
    _properties(document, peraturan, provenance, as_of,
                f"{note} Dibuat dari kebijakan {provenance.describe()}. Nilai parameter per "
                f"{as_of.isoformat()}.")
    out = Path(out_path)
    _save(document, out, when)
    return out

