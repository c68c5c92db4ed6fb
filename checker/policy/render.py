"""Render the regulation as it reads on paper (text) or as one Markdown page.

Both are layouts of the one walk (:mod:`checker.policy.document`), as are the site and the
Word document, so a Pasal reads the same in all of them. The layouts are imported when a
rendering is asked for: ``checker.policy`` re-exports :func:`render`, and reading a cached
policy version must not load the document model.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING

from checker.formats import REGULATION_FORMATS

if TYPE_CHECKING:
    from checker.policy.model import Peraturan

# format → "module:class" of its layout
LAYOUTS: dict[str, str] = {
    "text": "checker.policy.document.text:TextLayout",
    "markdown": "checker.policy.document.markdown:MarkdownLayout",
}
FORMATS = REGULATION_FORMATS  # the keys of LAYOUTS, kept in checker.formats for --help


def render(peraturan: Peraturan, fmt: str = "text", as_of: dt.date | None = None) -> str:
    """The whole regulation, numbering computed, references and parameters rendered."""
    if fmt not in LAYOUTS:
        raise ValueError(f"unknown format {fmt!r}")
    from checker.policy.document.walk import walk

    module, name = LAYOUTS[fmt].split(":")
    layout = getattr(importlib.import_module(module), name)()
    return str(layout.lay_out(walk(peraturan, as_of or dt.date.today())))
