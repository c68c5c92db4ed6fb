"""Kebijakan ASN Bengkulu: the regulation as code, checked against agency HR data.

The public API; the ``kebijakan`` command line is a thin layer over these functions.
"""

__version__ = "0.1.0"

from checker.checking import check
from checker.data.ingest import ingest
from checker.demo import run_demo
from checker.export import export_docx
from checker.kebijakan import Kebijakan, load_kebijakan
from checker.linting import lint
from checker.policy import lint_policy, load_policy, render
from checker.report.formats import render_report
from checker.report.report import Report, to_json

__all__ = [
    "Kebijakan",
    "Report",
    "__version__",
    "check",
    "export_docx",
    "ingest",
    "lint",
    "lint_policy",
    "load_kebijakan",
    "load_policy",
    "render",
    "render_report",
    "run_demo",
    "to_json",
]
