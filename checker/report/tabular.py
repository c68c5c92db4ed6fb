"""The CSV report: one row per finding, keys as in the JSON contract, safe to open in Excel.

A dispensed finding carries its dispensation id in the ``dispensation`` column (empty
otherwise), so a filter on that column separates what counts from what is exempt. Like
``severity``, ``category`` holds the JSON key ("ketidakpatuhan", "verifikasi", "informasi");
``opd`` names the perangkat daerah beside the SIASN ``instansi``. The person-facing XLSX report
spells both out in Indonesian.

UTF-8 with a byte-order mark so Excel shows names such as "Ni Luh Putu Ayu Dewi" or
"Ma'ruf" correctly, comma-delimited, CRLF line ends (RFC 4180). A value that a spreadsheet
would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return) is
prefixed with an apostrophe; plain numbers such as ``-3`` are left alone.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from checker.report.finding import Finding
from checker.report.report import Report

COLUMNS = (
    "rule",
    "severity",
    "dispensation",
    "category",
    "clause_id",
    "citation",
    "table",
    "file",
    "row",
    "column",
    "nip",
    "instansi",
    "opd",
    "period",
    "expected",
    "expected_since",
    "actual",
    "message",
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
BOM = "\ufeff"


def formula_like(text: str) -> bool:
    """True when a spreadsheet could take ``text`` as a formula (OWASP "CSV injection")."""
    return text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def neutralise(text: str) -> str:
    """``text`` with a leading apostrophe when it is formula-like, unchanged otherwise."""
    return "'" + text if formula_like(text) else text


def finding_row(finding: Finding) -> dict[str, str]:
    """One finding flattened to the CSV columns, every value a (neutralised) string."""
    clause = finding.clause
    values: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity,
        "dispensation": finding.dispensation,
        "category": finding.category,
        "clause_id": clause.id if clause else None,
        "citation": clause.citation if clause else None,
        "table": finding.table,
        "file": finding.file,
        "row": finding.row,
        "column": finding.column,
        "nip": finding.nip,
        "instansi": finding.instansi,
        "opd": finding.opd,
        "period": finding.period,
        "expected": finding.expected,
        "expected_since": finding.expected_since,
        "actual": finding.actual,
        "message": finding.message,
    }
    return {key: "" if value is None else neutralise(str(value)) for key, value in values.items()}


def render_csv(report: Report) -> str:
    """The findings as CSV text, starting with a byte-order mark (header row only when empty)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for finding in report.findings:
        writer.writerow(finding_row(finding))
    return BOM + out.getvalue()
