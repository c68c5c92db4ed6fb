"""Markdown for reports and public pages, written one way.

Two kinds of text go into a page. *Data* (instansi names, messages, values, anything read from
an agency's files or a report) is untrusted: :func:`escape` turns it into literal text that
cannot open a tag, a link, an attribute list (``{ ... }``, the ``attr_list`` extension), break a
table row, or start a heading, list, quote or admonition. *Authored* text (rule titles,
descriptions, legal sources, reviewed in Git) keeps its Markdown: :func:`prose` only makes it
safe inside a table row. What is already Markdown (a link built here, a code span) is marked
:class:`Markdown` so that :func:`escape` and :func:`table` keep it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# ``#`` everywhere, not only first: a heading drops the ``#`` that ends it ("C#" → "C")
_INLINE = frozenset("\\`*_[]{}|#")
# at the start of a line these open a list, an admonition or a numbered list
_LEADING = re.compile(r"^(\s*)(?:([+!-])|(\d+)\.(?=\s|$))")
_CODE_UNSAFE = re.compile(r"[`|\r\n]")


class Markdown(str):
    """Text that is already Markdown, made from trusted parts and escaped data."""

    __slots__ = ()


def escape(value: object) -> Markdown:
    """Data as literal text in a table cell, heading, list item, link label or paragraph:
    ``& < >`` as entities, Markdown markup and ``|`` backslash-escaped, line breaks as
    ``<br>``, tabs as spaces, and a leading ``-``, ``+``, ``!`` or ``1.`` escaped.
    :class:`Markdown` is returned unchanged."""
    if isinstance(value, Markdown):
        return value
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = "".join("\\" + ch if ch in _INLINE else ch for ch in text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    text = _LEADING.sub(_escape_marker, text.replace("\t", " "), count=1)
    return Markdown(text)


def _escape_marker(match: re.Match[str]) -> str:
    space, marker, number = match.groups()
    return f"{space}\\{marker}" if marker else f"{space}{number}\\."


def prose(text: str) -> Markdown:
    """Authored prose (rule titles and descriptions, legal sources) on one line, safe in a
    table cell: its `code` spans and emphasis are kept; only ``|`` (which would end the cell)
    and ``<`` (which would open an HTML tag) are escaped."""
    return Markdown(" ".join(text.split()).replace("|", "\\|").replace("<", "&lt;"))


def code(text: str) -> Markdown:
    """An identifier as a code span (`KOMP-JP-MIN`); escaped plain text when it holds what
    a code span cannot (a backtick, ``|``, a line break)."""
    if not text or _CODE_UNSAFE.search(text):
        return escape(text)
    return Markdown(f"`{text}`")


def link(label: object, href: str) -> Markdown:
    """``[label](href)``: the label escaped unless it is :class:`Markdown`; ``href`` is built
    by the caller (a relative page address or an authored URL), never taken from data."""
    return Markdown(f"[{escape(label)}]({href})")


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join("" if c is None else escape(c) for c in cells) + " |"


def table(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    numeric: Iterable[int] = (),
    *,
    right: str = "---:",
) -> list[str]:
    """A pipe table, every cell through :func:`escape` (None as an empty cell). Columns whose
    index is in ``numeric`` are right-aligned, ruled ``right`` (the site's pages write
    ``--:``, reports ``---:``)."""
    aligned = set(numeric)
    ruler = "|" + "|".join(right if i in aligned else "---" for i in range(len(header))) + "|"
    return [_row(header), ruler, *(_row(row) for row in rows)]


def sides_table(rows: Iterable[tuple[object, object, object]]) -> list[str]:
    """The "before / after" table of two versions: a blank corner, then *Sebelum* and
    *Sesudah*; each row a label and the two values, escaped."""
    return ["| | Sebelum | Sesudah |", "|---|---|---|", *(_row(row) for row in rows)]
