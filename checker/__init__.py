"""Kebijakan ASN Bengkulu: the regulation as code, checked against agency HR data.

The public API; the ``kebijakan`` command line is a thin layer over these functions. Each name
is imported on first use (PEP 562), so ``import checker`` and ``kebijakan --version`` load no
database, spreadsheet or Word library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.lazy import lazy_exports

__version__ = "0.1.0"

# public name → the module that defines it
_EXPORTS = {
    "check": "checker.checking",
    "ingest": "checker.data.ingest",
    "run_demo": "checker.demo",
    "export_docx": "checker.export",
    "Kebijakan": "checker.kebijakan",
    "load_kebijakan": "checker.kebijakan",
    "lint": "checker.linting",
    "lint_policy": "checker.policy",
    "load_policy": "checker.policy",
    "render": "checker.policy",
    "render_report": "checker.report.formats",
    "Report": "checker.report.report",
    "to_json": "checker.report.report",
}

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

if TYPE_CHECKING:
    from checker.checking import check
    from checker.data.ingest import ingest
    from checker.demo import run_demo
    from checker.export import export_docx
    from checker.kebijakan import Kebijakan, load_kebijakan
    from checker.linting import lint
    from checker.policy import lint_policy, load_policy, render
    from checker.report.formats import render_report
    from checker.report.report import Report, to_json


__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
