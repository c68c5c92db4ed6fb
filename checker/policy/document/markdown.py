"""The regulation as Markdown (``kebijakan render --format markdown``), and the base of the site.

Headings carry anchors by number and by stable id (``#pasal-9``, ``#hak-jp-pns``); an ayat's
rincian follow it with hard line breaks; references link to their clause. The site's layout
(:mod:`checker.site.peraturan`) overrides the hooks marked as such below.
"""

from __future__ import annotations

from checker.policy.document.blocks import HEADINGS, LISTS, Block, Citation, Unit
from checker.policy.document.layout import Layout, hang, join_lines

BREAK = "  \n"  # a hard line break inside a paragraph
EMSP = "&emsp;"
# Markdown heading levels before the shift
LEVELS = {"bab": 2, "bagian": 3, "paragraf": 4, "pasal": 5, "pasal-dihapus": 5}
# blocks printed in bold: the centred lines of the pembukaan
BOLD = frozenset({"kop", "judul", "rahmat", "pembentuk", "memutuskan", "berita"})


class MarkdownLayout(Layout[str]):
    """Markdown for one page holding the whole regulation."""

    # the site puts each BAB on its own page, so its BAB heading is level 1
    heading_shift = 0

    def __init__(self) -> None:
        self.lines: list[str] = []

    # -- hooks the site overrides ---------------------------------------------------
    def heading(self, level: int, text: str) -> str:
        """A Markdown heading at ``level`` (before the shift)."""
        return f"{'#' * (level - self.heading_shift)} {text}"

    def anchor(self, key: str | None) -> str:
        """An HTML anchor for a stable id, so that links by id land on the clause."""
        return f'<a id="{key}"></a>' if key else ""

    def pasal_heading(self, block: Block, unit: Unit) -> list[str]:
        """A Pasal heading, with anchors by number and by stable id."""
        return [
            f"{self.anchor(f'pasal-{block.label.lower()}')}{self.anchor(unit.pasal_id)}",
            self.heading(LEVELS[block.kind], self.words(block)),
        ]

    def citation(self, segment: Citation) -> str:
        return f"[{segment.text}](#{segment.target})"

    def emphasis(self, text: str) -> str:
        return f"*{text}*"

    # -- the layout -------------------------------------------------------------------
    def begin_unit(self, unit: Unit) -> None:
        if unit.key == "kop":  # the centred head: kop, judul, pembentuk
            self.lines += ['<div class="judul" markdown>', ""]

    def end_unit(self, unit: Unit) -> None:
        if unit.key == "pembentuk":
            self.lines += ["</div>", ""]

    def begin_part(self, part: str) -> None:
        if part == "penutup":
            self.lines += ['<div class="penutup" markdown>', ""]

    def end_part(self, part: str) -> None:
        if part == "penutup":
            self.lines += ["</div>", ""]

    def stanza(self, blocks: list[Block], unit: Unit) -> None:
        first = blocks[0]
        if first.kind in HEADINGS:
            if first.kind == "bab":
                bab = first.label.lower()
                self.lines.append(self.anchor(f"bab-{bab}") + self.anchor(unit.bab))
            title = "<br>".join(self.words(block) for block in blocks)
            self.lines.append(self.heading(LEVELS[first.kind], title))
        elif first.kind in LEVELS:
            self.lines += self.pasal_heading(first, unit)
        elif first.kind in LISTS:  # one line per item (hard breaks), the list one paragraph
            self.lines.append(BREAK.join(self.block(block, "") for block in blocks))
        else:
            indent = hang(blocks)
            self.lines.append(BREAK.join(self.block(block, indent) for block in blocks))
        self.lines.append("")

    def block(self, block: Block, indent: str) -> str:
        """One block as Markdown; ``indent`` is :func:`hang` of its stanza."""
        kind, text = block.kind, self.words(block)
        if kind in BOLD:
            return f"**{text}**"
        if kind in LISTS:
            lead = f"{block.head} :{EMSP}" if block.head else EMSP * 2
            return f"{lead}{block.label} {text}"
        if kind == "menetapkan":
            return f"{block.head} : {text}"
        if kind == "ayat":
            return self.anchor(block.key) + " ".join(part for part in (block.label, text) if part)
        if kind in ("rincian", "definisi"):
            depth = block.level - (1 if indent else 0)
            label = block.label.replace(".", "\\.") if block.label[0].isdigit() else block.label
            return f"{EMSP * (depth + 1)}{self.anchor(block.key)}{label} {text}"
        if kind == "ayat-penutup":
            return indent + text
        if kind == "ttd-nama":  # the space left for the signature
            return BREAK.join(["&nbsp;", "&nbsp;", text])
        return text

    def result(self) -> str:
        return join_lines(self.lines)
