"""Layouts of a :class:`checker.export.biro.Document`: Word (F4 landscape, Bookman Old Style,
the title block of a harmonisation request, the header row repeated on every page), Excel
(formula-safe, the header frozen) and Markdown (for a pull-request comment).

Changed words are marked alike wherever a layout can: removed words struck through, added words
bold and underlined (Markdown: ``<del>``/``<ins>``, as the site's redline).
"""

from __future__ import annotations

import io
from pathlib import Path

from checker.artifacts.markdown import escape
from checker.export.biro import Cell, Document, cell_text

FORMATS = ("docx", "xlsx", "md")


def format_of(path: Path | None, fmt: str | None) -> str:
    """The layout asked for: ``fmt``, else the output file's extension, else Markdown."""
    if fmt:
        return fmt
    if path is not None and path.suffix.lower().lstrip(".") in FORMATS:
        return path.suffix.lower().lstrip(".")
    return "md"


def write(document: Document, fmt: str) -> bytes:
    """The document in one of :data:`FORMATS`."""
    if fmt == "md":
        return markdown(document).encode("utf-8")
    if fmt == "xlsx":
        return xlsx(document)
    if fmt == "docx":
        return docx(document)
    raise ValueError(f"unknown format {fmt!r}")


# --- Markdown ---------------------------------------------------------------------------------


def _md_cell(cell: Cell) -> str:
    out = []
    for op, text in cell:
        shown = escape(text) if text != "\n" else "<br>"
        if op == "=" or not text.strip():
            out.append(shown)
        else:
            out.append(f"<del>{shown}</del>" if op == "-" else f"<ins>{shown}</ins>")
    return "".join(out) or " "


def markdown(document: Document) -> str:
    """A heading, the subtitle lines, the table, the notes."""
    lines = [
        f"## {document.kind.capitalize()}: {escape(document.name)}",
        "",
        *(f"{escape(line)}  " for line in document.subtitle),
        "",
        "| " + " | ".join(c.title for c in document.columns) + " |",
        "|" + "|".join("---" for _ in document.columns) + "|",
    ]
    for row in document.rows:
        lines.append("| " + " | ".join(_md_cell(cell) for cell in row) + " |")
    if not document.rows:
        lines.append("| " + " | ".join(["-"] * len(document.columns)) + " |")
    lines.append("")
    lines += [f"{escape(note)}  " for note in document.notes]
    return "\n".join(lines).rstrip() + "\n"


# --- Excel ------------------------------------------------------------------------------------


def xlsx(document: Document) -> bytes:
    """One sheet: the title block, the header (frozen, repeated when printed), the rows as
    rich text with the changes marked; every text cell is a string, formula-like text
    quote-prefixed."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    from checker.report.tabular import formula_like

    book = Workbook()
    sheet = book.active
    sheet.title = "DIM" if document.kind.startswith("DAFTAR") else "Matriks"
    title_lines = [document.kind, document.regulation, "TENTANG", document.title]
    for number, line in enumerate(title_lines, start=1):
        sheet.cell(number, 1, line).font = Font(name="Bookman Old Style", bold=True, size=12)
        sheet.merge_cells(
            start_row=number, start_column=1, end_row=number, end_column=len(document.columns)
        )
        sheet.cell(number, 1).alignment = Alignment(horizontal="center")
    row_at = len(title_lines) + 1
    for line in document.subtitle:
        sheet.cell(row_at, 1, line)
        row_at += 1
    header = row_at + 1
    for col, column in enumerate(document.columns, start=1):
        cell = sheet.cell(header, col, column.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9DEF0")
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
        sheet.column_dimensions[get_column_letter(col)].width = max(6, round(column.width * 11))
    struck = InlineFont(strike=True, color="B3261E")
    added = InlineFont(b=True, u="single", color="1B5E20")
    for offset, row in enumerate(document.rows, start=1):
        for col, cell_runs in enumerate(row, start=1):
            target = sheet.cell(header + offset, col)
            text = cell_text(cell_runs)
            if any(op != "=" for op, _ in cell_runs):
                target.value = CellRichText(
                    [
                        TextBlock(struck if op == "-" else added, t) if op != "=" else t
                        for op, t in cell_runs
                        if t
                    ]
                )
            else:
                target.value = text
                target.data_type = "s"
                if formula_like(text):
                    target.quotePrefix = True
            target.alignment = Alignment(wrap_text=True, vertical="top")
    notes_at = header + len(document.rows) + 2
    for index, note in enumerate(document.notes):
        sheet.cell(notes_at + index, 1, note)
    sheet.freeze_panes = sheet.cell(header + 1, 1)
    sheet.print_title_rows = f"{header}:{header}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- Word -------------------------------------------------------------------------------------

TABLE_SIZE = 10  # pt: eight columns of Bookman on an F4 page in landscape


def docx(document: Document) -> bytes:
    """F4 landscape, 2.5 cm margins, page numbers from page 2 (the official page of
    :mod:`checker.export.layout`), the title block, and the table with its header row repeated
    on every page (a row may break across pages: Pasal 1 alone can fill one)."""
    from docx import Document as NewDocument
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from checker.export.layout import MARGIN, PAGE, drop_thumbnail, setup_page, setup_styles

    word = NewDocument()
    drop_thumbnail(word)
    setup_styles(word)
    setup_page(word)
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE[1], PAGE[0]
    for line in (document.kind, document.regulation, "TENTANG", document.title):
        paragraph = word.add_paragraph(line, style="Judul Peraturan")
    paragraph.paragraph_format.space_after = Pt(12)
    for line in document.subtitle:
        word.add_paragraph(line, style="Ayat Tanpa Nomor")
    table = word.add_table(rows=1, cols=len(document.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = PAGE[1] - 2 * MARGIN  # the long side, less the left and right margins
    total = sum(c.width for c in document.columns)
    widths = [int(usable * c.width / total) for c in document.columns]
    table.autofit = False  # the grid's widths, not Word's guess from the first words
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header = table.rows[0]
    _repeat_header(header, OxmlElement, qn)
    for cell, column, width in zip(header.cells, document.columns, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(column.title)
        run.bold, run.font.size = True, Pt(TABLE_SIZE)
    for row in document.rows:
        cells = table.add_row()
        for cell, runs, width in zip(cells.cells, row, widths, strict=True):
            cell.width = width
            _fill(cell, runs, Pt(TABLE_SIZE))
    for note in document.notes:
        word.add_paragraph(note, style="Ayat Tanpa Nomor").paragraph_format.space_before = Pt(6)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _fill(cell: object, runs: Cell, size: object) -> None:
    """The cell's text, a paragraph per line, changed words struck through or bold and
    underlined."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for op, text in runs:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                paragraph = cell.add_paragraph()  # type: ignore[attr-defined]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if not part:
                continue
            run = paragraph.add_run(part)
            run.font.size = size
            if op == "-":
                run.font.strike = True
            elif op == "+":
                run.bold, run.underline = True, True


def _repeat_header(row: object, element: object, qn: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = element("w:tblHeader")  # type: ignore[operator]
    header.set(qn("w:val"), "true")  # type: ignore[operator]
    trpr.append(header)
