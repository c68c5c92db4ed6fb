"""One entry point for every report format: ``render_report(report, "xlsx")`` → bytes."""

from __future__ import annotations

from checker.formats import REPORT_FORMATS as FORMATS
from checker.formats import SHOWN_PER_GROUP
from checker.report.markdown import render_markdown
from checker.report.report import Report, to_json
from checker.report.tabular import render_csv
from checker.report.text import render_text


def render_report(
    report: Report, fmt: str, *, color: bool = False, limit: int | None = SHOWN_PER_GROUP
) -> bytes:
    """The report in format ``fmt`` (one of :data:`FORMATS`) as bytes ready to write.

    Text formats are UTF-8 (CSV with a byte-order mark for Excel); ``color`` adds ANSI
    colours to the text format only. The text and Markdown formats list the first ``limit``
    findings of each rule (all when None); JSON, CSV and XLSX always hold every finding.
    Raises ``ValueError`` for an unknown format.
    """
    if fmt == "text":
        return render_text(report, color=color, limit=limit).encode("utf-8")
    if fmt == "json":
        return to_json(report).encode("utf-8")
    if fmt == "csv":
        return render_csv(report).encode("utf-8")
    if fmt == "md":
        return render_markdown(report, limit=limit).encode("utf-8")
    if fmt == "xlsx":
        from checker.report.xlsx import render_xlsx  # openpyxl loads only for a workbook

        return render_xlsx(report)
    raise ValueError(
        f"format laporan tidak dikenal: {fmt!r}; pilih salah satu dari {', '.join(FORMATS)}"
    )
