"""Word-level differences between two versions of one paragraph.

Text is split into words, spaces and punctuation; the result is a list of segments
``("=", same)``, ``("-", deleted)``, ``("+", inserted)`` whose ``=``/``+`` parts join to exactly
the new text and whose ``=``/``-`` parts join to exactly the old text.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

Segment = tuple[str, str]  # (op, text), op in "=", "-", "+"
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def tokens(text: str) -> list[str]:
    """Words, runs of whitespace and single punctuation marks; they join back to ``text``."""
    return _TOKEN.findall(text)


def similarity(a: str, b: str) -> float:
    """How alike two paragraphs are, by words (0 to 1)."""
    return SequenceMatcher(None, tokens(a), tokens(b), autojunk=False).ratio()


def word_diff(a: str, b: str) -> list[Segment]:
    """The segments that turn ``a`` into ``b``, deletions before insertions in each change."""
    if a == b:
        return [("=", a)] if a else []
    ta, tb = tokens(a), tokens(b)
    ops = [
        (tag, "".join(ta[i1:i2]), "".join(tb[j1:j2]))
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    ]
    # a lone space between two changes reads better inside one change ("[-a b-]{+c d+}")
    for index in range(1, len(ops) - 1):
        tag, old, new = ops[index]
        if (
            tag == "equal"
            and not old.strip()
            and ops[index - 1][0] != "equal"
            and ops[index + 1][0] != "equal"
        ):
            ops[index] = ("replace", old, new)
    segments: list[Segment] = []
    deleted, inserted = "", ""
    for tag, old, new in ops:
        if tag == "equal":
            segments += [s for s in (("-", deleted), ("+", inserted)) if s[1]]
            deleted, inserted = "", ""
            segments.append(("=", old))
        else:
            deleted += old
            inserted += new
    segments += [s for s in (("-", deleted), ("+", inserted)) if s[1]]
    return segments


def new_text(segments: list[Segment]) -> str:
    """What accepting every change gives."""
    return "".join(text for op, text in segments if op != "-")


def old_text(segments: list[Segment]) -> str:
    """What rejecting every change gives."""
    return "".join(text for op, text in segments if op != "+")
