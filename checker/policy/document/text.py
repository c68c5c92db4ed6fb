"""The regulation as it reads on paper, in plain text 78 columns wide (``kebijakan render``).

Headings are centred; an ayat's text hangs after its number, a rincian's after its label; the
Ditetapkan block stands on the right, the Diundangkan block on the left. A blank line
separates stanzas (:meth:`checker.policy.document.blocks.Unit.stanzas`).
"""

from __future__ import annotations

import re
import textwrap

from checker.policy.document.blocks import Block, Unit
from checker.policy.document.layout import Layout, hang, join_lines

WIDTH = 78
RIGHT = 40  # where the Ditetapkan block starts
NBSP = "\u00a0"
# Never break a line inside "Pasal 9", "ayat (2)", "huruf a" or "20 (dua puluh)": a wrapped
# line starting with "(2)" would read as a new ayat.
_GLUE = re.compile(r"\b(Pasal|ayat|huruf|angka|Nomor|Tahun) (?=\S)|(?<=[\d%]) (?=\()")
CENTRED = frozenset(
    {
        "kop",
        "judul",
        "rahmat",
        "pembentuk",
        "memutuskan",
        "bab",
        "bab-judul",
        "bagian",
        "bagian-judul",
        "paragraf",
        "paragraf-judul",
        "pasal",
        "pasal-dihapus",
    }
)


def _glue(text: str) -> str:
    return _GLUE.sub(lambda m: m.group(0).replace(" ", NBSP), text)


def wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    """``text`` wrapped to :data:`WIDTH` after ``first``, later lines indented by ``rest``."""
    lines = textwrap.wrap(
        _glue(text), WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    ) or [first.rstrip()]
    return [line.replace(NBSP, " ") for line in lines]


class TextLayout(Layout[str]):
    """Plain text: lines, a blank line between stanzas."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.right = False  # inside the Ditetapkan block

    def begin_unit(self, unit: Unit) -> None:
        self.right = unit.key == "penetapan"

    def stanza(self, blocks: list[Block], unit: Unit) -> None:
        indent = hang(blocks)
        for block in blocks:
            self.lines.extend(self.block(block, indent))
        self.lines.append("")

    def block(self, block: Block, indent: str) -> list[str]:
        """The lines of one block; ``indent`` is :func:`hang` of its stanza."""
        kind, text = block.kind, self.words(block)
        if kind in CENTRED:
            return [text.center(WIDTH).rstrip()]
        if kind in ("menimbang", "mengingat"):
            lead = f"{block.head:<10}: " if block.head else " " * 12
            return wrap(text, f"{lead}{block.label:<4}", " " * 16)
        if kind == "menetapkan":
            lead = f"{block.head} : "
            return wrap(text, lead, " " * len(lead))
        if kind == "ayat":
            return wrap(text, f"{block.label} " if block.label else "", indent)
        if kind in ("rincian", "definisi"):
            depth = block.level - (1 if indent else 0)
            lead = indent + " " * (4 * depth) + f"{block.label:<4}"
            return wrap(text, lead, " " * len(lead))
        if kind == "ayat-penutup":
            return wrap(text, indent, indent)
        if kind == "perintah-pengundangan":
            return wrap(text, "", "")
        side = " " * RIGHT if self.right else ""
        if kind == "ttd-nama":  # the space left for the signature
            return ["", side + text]
        return [side + text]

    def result(self) -> str:
        return join_lines(self.lines)
