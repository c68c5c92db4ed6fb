"""One document model: every layout reads the regulation through the one walk, so a Pasal says
the same words in ``kebijakan render`` (text, Markdown), on the site and in the Word file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
import pytest

from checker.export import export_docx
from checker.policy import load_policy, render
from checker.policy.document.blocks import (
    BATANG_TUBUH,
    PEMBUKAAN,
    PENUTUP,
    Block,
    Citation,
    Emphasis,
    ParameterValue,
    Plain,
    Unit,
)
from checker.policy.document.layout import Layout
from checker.policy.document.walk import walk
from checker.site.context import SiteContext
from checker.site.peraturan import bab_pages
from tests.policy_fixture import HAK, MakePolicy

DAY = dt.date(2026, 12, 1)
# Pasal 2 with a reference inside the Pasal and one to another Pasal, a parameter, a nested
# list of rincian and an emphasised foreign term
PASAL = """\
#### Pasal {#hak-jp}

(#) {#hak-jp-jumlah} Setiap PNS berhak atas paling sedikit {{ kompetensi.jp_minimum_pns }} JP dalam 1 (satu) tahun.
(#) Hak sebagaimana dimaksud pada [[hak-jp-jumlah]] dan dalam [[definisi]] dilaksanakan melalui:
- {#jalur-pendidikan} jalur pendidikan; dan
- jalur pelatihan, yang terdiri atas:
  - pelatihan klasikal; dan
  - pelatihan *e-learning*.
"""
HAK_PASAL = (
    HAK[: HAK.index("#### Pasal {#hak-jp}")] + PASAL + HAK[HAK.index("\n#### Pasal {#rujukan}") :]
)
EXPECTED = (
    "Pasal 2 (1) Setiap PNS berhak atas paling sedikit 20 (dua puluh) JP dalam 1 (satu) "
    "tahun. (2) Hak sebagaimana dimaksud pada ayat (1) dan dalam Pasal 1 dilaksanakan "
    "melalui: a. jalur pendidikan; dan b. jalur pelatihan, yang terdiri atas: "
    "1. pelatihan klasikal; dan 2. pelatihan e-learning."
)


def words(text: str) -> str:
    """The words of a rendering, markup and layout gone: links, anchors, attribute lists,
    footnote marks, heading and emphasis marks, entities, escapes, tabs and line breaks."""
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>|\{[^}]*\}|&emsp;|&nbsp;", " ", text)
    text = re.sub(r"[#*\\]", "", text)
    return " ".join(text.split())


def between(lines: list[str], start: str, stop: str) -> str:
    """The lines from the first holding ``start`` up to the next holding ``stop``."""
    first = next(i for i, line in enumerate(lines) if start in line)
    last = next(i for i in range(first + 1, len(lines)) if stop in lines[i])
    return "\n".join(lines[first:last])


def test_one_pasal_reads_the_same_in_text_markdown_site_and_word(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    make_policy(bab__hak_md=HAK_PASAL)
    peraturan = load_policy("policy")
    text = between(render(peraturan, "text", DAY).splitlines(), "Pasal 2", "Pasal 3")
    markdown = between(
        render(peraturan, "markdown", DAY).splitlines(), "##### Pasal 2", 'id="pasal-3"'
    )
    site = SiteContext(peraturan, [], [], DAY)
    page = next(p for p in bab_pages(site) if p.src_uri == "peraturan/hak.md")
    on_site = between(str(page.content).splitlines(), "Pasal 2", "Pasal 3")
    document = docx.Document(str(export_docx(peraturan, tmp_path / "p.docx", as_of=DAY)))
    paragraphs = [p.text for p in document.paragraphs]
    word = between(paragraphs, "Pasal 2", "Pasal 3")

    assert {
        "text": words(text),
        "markdown": words(markdown),
        "site": words(on_site),
        "word": words(word),
    } == dict.fromkeys(("text", "markdown", "site", "word"), EXPECTED)
    # and each layout added what it adds: links and a footnote on the site, italics in Word
    assert "[Pasal 1](umum.md#definisi)" in on_site
    assert "20 (dua puluh)[^kompetensi-jp-minimum-pns] JP" in on_site
    assert "[ayat (1)](#hak-jp-jumlah)" in markdown and "pelatihan *e-learning*." in markdown
    italic = [run.text for p in document.paragraphs for run in p.runs if run.italic]
    assert italic == ["e-learning"]


def test_the_walk_yields_blocks_with_inline_segments(make_policy: MakePolicy) -> None:
    make_policy(bab__hak_md=HAK_PASAL)
    unit = next(u for u in walk(load_policy("policy"), DAY) if u.key == "pasal:hak-jp")
    assert (unit.part, unit.bab, unit.pasal_id) == (BATANG_TUBUH, "hak", "hak-jp")
    assert [(b.kind, b.prefix, b.level, b.key, b.joined) for b in unit.blocks] == [
        ("pasal", "", 0, None, False),
        ("ayat", "(1)", 0, "hak-jp-jumlah", False),
        ("ayat", "(2)", 0, None, False),
        ("rincian", "a.", 1, "jalur-pendidikan", True),
        ("rincian", "b.", 1, None, True),
        ("rincian", "1.", 2, None, True),
        ("rincian", "2.", 2, None, True),
    ]
    assert unit.blocks[1].inlines == (
        Plain("Setiap PNS berhak atas paling sedikit "),
        ParameterValue("20 (dua puluh)", "kompetensi.jp_minimum_pns"),
        Plain(" JP dalam 1 (satu) tahun."),
    )
    assert unit.blocks[2].inlines[1::2] == (
        Citation("ayat (1)", "hak-jp-jumlah"),
        Citation("Pasal 1", "definisi"),
    )
    assert unit.blocks[-1].inlines == (Plain("pelatihan "), Emphasis("e-learning"), Plain("."))
    # stanzas: the heading, then each ayat with its rincian
    assert [len(stanza) for stanza in unit.stanzas()] == [1, 1, 5]


def test_the_walk_covers_the_regulation_from_judul_to_berita_daerah(
    make_policy: MakePolicy,
) -> None:
    make_policy()
    units = walk(load_policy("policy"), DAY)
    assert [(u.part, u.key) for u in units if u.part != BATANG_TUBUH] == [
        (PEMBUKAAN, "kop"),
        (PEMBUKAAN, "judul"),
        (PEMBUKAAN, "pembentuk"),
        (PEMBUKAAN, "menimbang"),
        (PEMBUKAAN, "mengingat"),
        (PEMBUKAAN, "memutuskan"),
        (PENUTUP, "perintah-pengundangan"),
        (PENUTUP, "penetapan"),
        (PENUTUP, "pengundangan"),
        (PENUTUP, "berita"),
    ]
    kinds = {u.key: [b.kind for b in u.blocks] for u in units}
    # the office above the judul, without the pembentuk's comma
    assert [(b.kind, b.text) for b in units[0].blocks] == [("kop", "GUBERNUR BENGKULU")]
    assert kinds["pasal:definisi"] == [
        "pasal",
        "ayat",
        "definisi",
        "definisi",
        "definisi",
        "definisi",
    ]
    assert kinds["bab:hak"] == ["bab", "bab-judul"]
    assert kinds["penetapan"] == ["ttd", "ttd", "ttd", "ttd-nama"]
    (order,) = next(u for u in units if u.key == "perintah-pengundangan").blocks
    assert order.inlines == (
        Plain(
            "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Gubernur ini "
            "dengan penempatannya dalam Berita Daerah Provinsi Bengkulu."
        ),
    )
    menimbang = next(u for u in units if u.key == "menimbang").blocks
    assert [b.prefix for b in menimbang] == ["Menimbang\t:\ta.", "\t\tb."]


class _Outline(Layout[list[str]]):
    """A layout as a DIM table would be one: a row per block with its clause id."""

    def __init__(self) -> None:
        self.rows: list[str] = []

    def begin_part(self, part: str) -> None:
        self.rows.append(f"[{part}")

    def end_part(self, part: str) -> None:
        self.rows.append(f"{part}]")

    def begin_unit(self, unit: Unit) -> None:
        self.rows.append(f"<{unit.key}")

    def end_unit(self, unit: Unit) -> None:
        self.rows.append(">")

    def stanza(self, blocks: list[Block], unit: Unit) -> None:
        self.rows += [f"{block.key or '-'}: {self.words(block)}" for block in blocks]

    def citation(self, segment: Citation) -> str:
        return f"{segment.text} → {segment.target}"

    def result(self) -> list[str]:
        return self.rows


def test_a_new_layout_plugs_in_through_the_hooks(make_policy: MakePolicy) -> None:
    make_policy()
    units = walk(load_policy("policy"), DAY)
    rows = _Outline().lay_out(u for u in units if u.key in ("berita", "pasal:rujukan"))
    assert rows == [
        "[batang-tubuh",
        "<pasal:rujukan",
        "-: Pasal 3",
        "-: Pelaksanaan Pasal 2 ayat (1) → hak-jp-jumlah dan Pasal 2 ayat (2) huruf a → "
        "jalur-pendidikan dilaporkan kepada Gubernur.",
        ">",
        "batang-tubuh]",
        "[penutup",
        "<berita",
        "-: BERITA DAERAH PROVINSI BENGKULU TAHUN … NOMOR …",
        ">",
        "penutup]",
    ]


@pytest.mark.parametrize("raw", ["*e-learning*", "_e-learning_"])
def test_emphasis_is_italic_in_word_and_plain_words_in_text(
    make_policy: MakePolicy, tmp_path: Path, raw: str
) -> None:
    make_policy(bab__hak_md=HAK.replace("jalur pelatihan.", f"jalur {raw} dan snake_case."))
    peraturan = load_policy("policy")
    assert "b.  jalur e-learning dan snake_case." in render(peraturan, "text", DAY)
    assert "b. jalur *e-learning* dan snake_case." in render(peraturan, "markdown", DAY)
    document = docx.Document(str(export_docx(peraturan, tmp_path / "e.docx", as_of=DAY)))
    runs = [
        (r.text, bool(r.italic)) for p in document.paragraphs for r in p.runs if "snake" in p.text
    ]
    assert runs == [("b.\tjalur ", False), ("e-learning", True), (" dan snake_case.", False)]


def test_real_policy_reads_the_same_in_text_markdown_site_and_word(tmp_path: Path) -> None:
    """The batang tubuh of policy/ word for word, BAB I to the last Pasal, in all layouts."""
    peraturan = load_policy("policy")
    first, last = "BAB I", "Ditetapkan di"
    text = between(render(peraturan, "text", DAY).splitlines(), first, last)
    markdown = between(render(peraturan, "markdown", DAY).splitlines(), first, last)
    site = SiteContext(peraturan, [], [], DAY)
    pages = []
    for page in bab_pages(site):
        body = str(page.content).split("---\n", 2)[2]  # after the front matter
        pages += [line for line in body.splitlines() if not line.startswith("[^")]
    document = docx.Document(str(export_docx(peraturan, tmp_path / "r.docx", as_of=DAY)))
    word = between([p.text for p in document.paragraphs], first, "BERITA DAERAH")
    expected = words(text)
    assert words(markdown) == expected
    assert words(between(pages, first, last)) == expected
    assert words(word) == expected
