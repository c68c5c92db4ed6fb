"""The artifact toolkit: what every generated file needs, done once.

- :mod:`checker.artifacts.archive`: zip-based documents (XLSX, DOCX) rewritten with fixed
  timestamps, so the same inputs give the same bytes.
- :mod:`checker.artifacts.markdown`: Markdown for reports and public pages: untrusted data
  escaped, authored prose kept, tables built one way.
"""

from __future__ import annotations

from checker.artifacts.archive import core_dates, deterministic_zip
from checker.artifacts.markdown import Markdown, code, escape, link, prose, sides_table, table

__all__ = [
    "Markdown",
    "code",
    "core_dates",
    "deterministic_zip",
    "escape",
    "link",
    "prose",
    "sides_table",
    "table",
]
