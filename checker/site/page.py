"""A generated file: where it goes, what it holds, and which source file "edit" opens."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

RIGHT = "--:"  # how the site's tables rule a right-aligned column (reports write ---:)


@dataclass(frozen=True)
class Page:
    """One generated file. ``content`` is Markdown (str) or a binary asset (bytes);
    ``edit_path`` is the source file relative to the repository root, if there is one;
    ``in_nav`` False for pages reached only through links (one per perangkat daerah)."""

    src_uri: str
    content: str | bytes
    edit_path: str | None = None
    in_nav: bool = True


def join(lines: list[str]) -> str:
    """Lines as a Markdown page: runs of blank lines collapsed, one final newline."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def front_matter(title: str) -> list[str]:
    """YAML front matter setting the page title (quoted: titles may hold ":" or quotes).

    The theme prints a page title raw into ``<title>``, the header and the navigation, so it
    is HTML-escaped here: titles carry agency data (a perangkat daerah's page is titled by its
    name).
    """
    shown = html.escape(title, quote=True)
    return ["---", f"title: {json.dumps(shown, ensure_ascii=False)}", "---", ""]
