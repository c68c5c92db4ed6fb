"""The agency's fix-it workbook: a summary, every finding with filters, and each table's
offending rows with their findings beside them, so the operator fixes each row where it stands.

Written with openpyxl in write-only mode (streamed, so a national-scale report fits in memory).
No cell becomes a formula because of data (see :func:`checker.report.xlsx_sheets.cell`), and the
same report gives the same bytes: document properties and every zip entry carry a timestamp
derived from ``report.as_of`` instead of the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from checker.artifacts.archive import ZIP_EPOCH, deterministic_zip
from checker.report.labels import as_of_date
from checker.report.report import Report
from checker.report.xlsx_sheets import findings_sheet, summary_sheet, table_sheet


def render_xlsx(report: Report) -> bytes:
    """The report as an XLSX workbook: "Ringkasan", "Temuan", then one sheet per table that
    has offending rows. Byte-identical for the same report."""
    workbook = Workbook(write_only=True)
    stamp = timestamp(report)
    props = workbook.properties
    props.creator = props.lastModifiedBy = "kebijakan"
    props.title = "Laporan pemeriksaan data kepegawaian"
    props.language = "id-ID"
    props.created = props.modified = stamp
    summary_sheet(workbook, report)
    findings_sheet(workbook, report)
    for table, rows in report.rows.items():
        if rows:
            table_sheet(workbook, report, table, rows)
    buffer = io.BytesIO()
    # ExcelWriter directly rather than Workbook.save, which stamps "modified" with the clock
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return deterministic_zip(buffer.getvalue(), stamp)


def timestamp(report: Report) -> dt.datetime:
    """Midnight of the report's reference date (not before 1980, the zip format's epoch): the
    document properties and every zip entry carry it."""
    return max(dt.datetime.combine(as_of_date(report), dt.time()), ZIP_EPOCH)
