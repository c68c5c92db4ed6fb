"""What the walk yields: inline segments, blocks (printed paragraphs) and units of blocks.

A :class:`Block` is one paragraph as the official Word layout prints it: its ``kind`` names the
layout (kop, judul, bab, pasal, ayat, rincian, definisi, menimbang, ttd, ...), its ``label`` the
number computed from order ("(2)", "a.", "1."), its ``inlines`` the words. A :class:`Unit`
groups the blocks that belong together under one stable key (a Pasal, a BAB heading,
Menimbang, a signature block): the redline pairs units across versions by that key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# the three parts of a regulation (Lampiran II UU 12/2011): judul and pembukaan, batang tubuh,
# penutup; a layout may start or end something at a part (the site's penutup box, a DIM section)
PEMBUKAAN, BATANG_TUBUH, PENUTUP = "pembukaan", "batang-tubuh", "penutup"


@dataclass(frozen=True)
class Plain:
    """Words as written."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Words the drafter emphasised (``*e-learning*``): italic where a layout can show it."""

    text: str


@dataclass(frozen=True)
class Citation:
    """A reference to a clause by stable id, with the citation it reads as where it stands:
    "Pasal 9 ayat (2)", or "ayat (2)" inside Pasal 9 itself."""

    text: str
    target: str


@dataclass(frozen=True)
class ParameterValue:
    """A parameter's value in force on the render date, as the text shows it ("20 (dua
    puluh)"), with the parameter's name so that a layout can point at its history."""

    text: str
    name: str


Inline = Plain | Emphasis | Citation | ParameterValue


def plain(text: str) -> tuple[Inline, ...]:
    """The inlines of a text that holds no markup (headings, signature lines)."""
    return (Plain(text),)


@dataclass(frozen=True)
class Block:
    """One printed paragraph.

    ``head`` is the word before the colon of a pembukaan list ("Menimbang" on its first item,
    "Menetapkan"); ``level`` the indent step in the official layout (a rincian's depth, plus
    one inside a numbered ayat); ``key`` the stable id of an ayat or rincian, which pairs
    blocks across versions and anchors them on the site (a heading is known by its unit's
    key); ``joined`` says that the block continues the stanza of the block before it (an
    ayat's rincian and closing sentence, a heading's title, the lines of a list or a
    signature), which layouts that print stanzas (text, Markdown) keep together.
    """

    kind: str
    inlines: tuple[Inline, ...] = ()
    label: str = ""
    head: str = ""
    level: int = 0
    key: str | None = None
    joined: bool = False

    @property
    def text(self) -> str:
        """The words, references and values rendered, markup gone."""
        return "".join(segment.text for segment in self.inlines)

    @property
    def prefix(self) -> str:
        """Label and head as the official layout sets them before the text, tabs included
        ("(1)", "a.", "Menimbang\\t:\\ta.", "\\t\\tb."), so that a redline shows a renumbering
        like any other changed word."""
        if self.head:
            return f"{self.head}\t:" + (f"\t{self.label}" if self.label else "")
        if self.kind in LISTS:
            return f"\t\t{self.label}"
        return self.label if self.kind in HANGING else ""

    @property
    def content(self) -> str:
        """Prefix and text as they stand in the paragraph, separated by a tab."""
        return f"{self.prefix}\t{self.text}" if self.prefix else self.text


# pembukaan lists whose items line up under the word of the first ("Menimbang : a. ...")
LISTS = ("menimbang", "mengingat")
# blocks whose text hangs after their label; a heading's label is inside its text ("Pasal 9")
HANGING = ("ayat", "rincian", "definisi")
# a heading number and the block holding its title: "BAB I" / "KETENTUAN UMUM"
HEADINGS = {"bab": "bab-judul", "bagian": "bagian-judul", "paragraf": "paragraf-judul"}


@dataclass
class Unit:
    """Blocks that belong together under one key: a Pasal, a BAB heading, Menimbang, ...

    ``part`` is one of :data:`PEMBUKAAN`, :data:`BATANG_TUBUH`, :data:`PENUTUP`; ``bab`` the id
    of the BAB a heading or Pasal stands in; ``source`` the drafter's text of a Pasal, markup
    unrendered, to tell a real change from a renumbered reference.
    """

    key: str
    blocks: Sequence[Block] = field(default_factory=list)
    part: str = BATANG_TUBUH
    bab: str | None = None
    source: str = ""

    @property
    def pasal_id(self) -> str | None:
        """The stable id when this unit is a Pasal."""
        return self.key.removeprefix("pasal:") if self.key.startswith("pasal:") else None

    def stanzas(self) -> list[list[Block]]:
        """The blocks in runs that print together (see :attr:`Block.joined`)."""
        out: list[list[Block]] = []
        for block in self.blocks:
            if block.joined and out:
                out[-1].append(block)
            else:
                out.append([block])
        return out
