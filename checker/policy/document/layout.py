"""What every layout of the walk shares: the order of calls, and hooks to override.

:meth:`Layout.lay_out` feeds units to the hooks in print order::

    begin_part(part)              # PEMBUKAAN, BATANG_TUBUH, PENUTUP, as each starts
      begin_unit(unit)            # a Pasal, a heading, Menimbang, a signature block, ...
        stanza(blocks, unit)      # blocks printed together (Unit.stanzas)
      end_unit(unit)              # e.g. the site's "diperiksa oleh aturan" box after a Pasal
    end_part(part)
    result()                      # what the layout made: text, Markdown, a Word document, ...

Inside a block, :meth:`Layout.words` writes each inline segment through :meth:`plain`,
:meth:`emphasis`, :meth:`citation` and :meth:`value`, so a layout changes how a reference or a
parameter value appears (a link, a footnote) without walking the text itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from checker.policy.document.blocks import (
    Block,
    Citation,
    Emphasis,
    Inline,
    ParameterValue,
    Plain,
    Unit,
)

Out = TypeVar("Out")


class Layout(Generic[Out]):
    """One output of the walk. Subclasses implement :meth:`stanza` and :meth:`result` and
    override the other hooks where they add something."""

    def lay_out(self, units: Iterable[Unit]) -> Out:
        """Lay out ``units`` (all of :func:`~checker.policy.document.walk.walk` or a part of
        it, such as one BAB) and return the result."""
        part: str | None = None
        for unit in units:
            if unit.part != part:
                if part is not None:
                    self.end_part(part)
                part = unit.part
                self.begin_part(part)
            self.begin_unit(unit)
            for stanza in unit.stanzas():
                self.stanza(stanza, unit)
            self.end_unit(unit)
        if part is not None:
            self.end_part(part)
        return self.result()

    # -- structure hooks --------------------------------------------------------------
    def begin_part(self, part: str) -> None:
        """Called when the pembukaan, batang tubuh or penutup starts."""

    def end_part(self, part: str) -> None:
        """Called when the pembukaan, batang tubuh or penutup ends."""

    def begin_unit(self, unit: Unit) -> None:
        """Called before the blocks of ``unit``."""

    def end_unit(self, unit: Unit) -> None:
        """Called after the blocks of ``unit``."""

    def stanza(self, blocks: list[Block], unit: Unit) -> None:
        """Lay out blocks that print together (one ayat with its rincian, a heading)."""
        raise NotImplementedError

    def result(self) -> Out:
        """What the layout made."""
        raise NotImplementedError

    # -- inline hooks -----------------------------------------------------------------
    def words(self, block: Block) -> str:
        """The text of ``block`` with every segment written by this layout's hooks."""
        return "".join(self.inline(segment) for segment in block.inlines)

    def inline(self, segment: Inline) -> str:
        """One segment, by its type."""
        match segment:
            case Citation():
                return self.citation(segment)
            case ParameterValue():
                return self.value(segment)
            case Emphasis():
                return self.emphasis(segment.text)
            case Plain():
                return self.plain(segment.text)
        raise TypeError(segment)

    def plain(self, text: str) -> str:
        """Words as written."""
        return text

    def emphasis(self, text: str) -> str:
        """Emphasised words; plain text has no italics, so the words alone."""
        return text

    def citation(self, segment: Citation) -> str:
        """A reference: its citation ("Pasal 9 ayat (2)")."""
        return segment.text

    def value(self, segment: ParameterValue) -> str:
        """A parameter value as the text shows it ("20 (dua puluh)")."""
        return segment.text


def hang(stanza: list[Block]) -> str:
    """The indent under the number of the ayat a stanza starts with ("(1) ": four spaces),
    where its text, rincian and closing sentence line up; empty for any other stanza."""
    first = stanza[0]
    return " " * (len(first.label) + 1) if first.kind == "ayat" and first.label else ""


def join_lines(lines: Iterable[str]) -> str:
    """Lines as one text: trailing spaces dropped, runs of blank lines collapsed, no blank
    line at either end, one final newline."""
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line.rstrip())
    return "\n".join(out).strip("\n") + "\n"
