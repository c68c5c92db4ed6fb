"""Render the regulation as it reads on paper (text) or as one Markdown page.

Both are layouts of the one walk (:mod:`checker.policy.document`), as are the site and the
Word document, so a Pasal reads the same in all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from checker.formats import REGULATION_FORMATS
from checker.policy.document.layout import Layout
from checker.policy.document.markdown import MarkdownLayout
from checker.policy.document.text import TextLayout
from checker.policy.document.walk import walk
from checker.policy.model import Peraturan

LAYOUTS: dict[str, Callable[[], Layout[str]]] = {"text": TextLayout, "markdown": MarkdownLayout}
FORMATS = REGULATION_FORMATS  # the keys of LAYOUTS, kept in checker.formats for --help


def render(peraturan: Peraturan, fmt: str = "text", as_of: dt.date | None = None) -> str:
    """The whole regulation, numbering computed, references and parameters rendered."""
    if fmt not in LAYOUTS:
        raise ValueError(f"unknown format {fmt!r}")
    return LAYOUTS[fmt]().lay_out(walk(peraturan, as_of or dt.date.today()))
