"""The artifact toolkit: one deterministic zip writer, one Markdown escape and table."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile

import markdown

from checker.artifacts import (
    Markdown,
    code,
    core_dates,
    deterministic_zip,
    escape,
    link,
    prose,
    sides_table,
    table,
)

CORE = (
    "<cp:coreProperties><dcterms:created>2031-05-06T07:08:09Z</dcterms:created>"
    "<dcterms:modified>2031-05-06T07:08:10Z</dcterms:modified></cp:coreProperties>"
)


def _zip(names: list[str], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """A zip as an office library writes it: entries dated with the clock."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            archive.writestr(info, CORE if name == "docProps/core.xml" else f"isi {name}")
    return buffer.getvalue()


def _entries(data: bytes) -> list[zipfile.ZipInfo]:
    return zipfile.ZipFile(io.BytesIO(data)).infolist()


def test_same_input_twice_gives_the_same_bytes() -> None:
    names = ["[Content_Types].xml", "docProps/core.xml", "xl/workbook.xml"]
    first = _zip(names, (2031, 5, 6, 7, 8, 9))
    later = _zip(names, (2032, 1, 2, 3, 4, 6))  # the same document, written at another time
    when = dt.datetime(2026, 6, 30)
    assert first != later
    assert deterministic_zip(first, when) == deterministic_zip(later, when)
    assert deterministic_zip(first, when) == deterministic_zip(first, when)


def test_every_entry_carries_the_fixed_time_in_the_same_order() -> None:
    names = ["b.xml", "a.xml", "docProps/core.xml"]
    out = _entries(deterministic_zip(_zip(names, (2031, 5, 6, 7, 8, 9)), dt.datetime(2026, 6, 30)))
    assert [e.filename for e in out] == names
    assert {e.date_time for e in out} == {(2026, 6, 30, 0, 0, 0)}
    assert {(e.compress_type, e.create_system, e.external_attr) for e in out} == {
        (zipfile.ZIP_DEFLATED, 0, 0o644 << 16)
    }


def test_time_is_utc_when_zoned_and_never_before_1980() -> None:
    raw = _zip(["a.xml"], (2031, 5, 6, 7, 8, 9))
    wib = dt.timezone(dt.timedelta(hours=7))
    zoned = deterministic_zip(raw, dt.datetime(2026, 3, 2, 10, 0, tzinfo=wib))
    assert _entries(zoned)[0].date_time == (2026, 3, 2, 3, 0, 0)
    assert _entries(deterministic_zip(raw, dt.datetime(1975, 1, 1)))[0].date_time == (
        1980,
        1,
        1,
        0,
        0,
        0,
    )
    assert _entries(deterministic_zip(raw))[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_core_dates_rewrites_only_the_document_properties() -> None:
    raw = _zip(["docProps/core.xml", "other.xml"], (2031, 5, 6, 7, 8, 9))
    when = dt.datetime(2000, 1, 1)
    archive = zipfile.ZipFile(io.BytesIO(deterministic_zip(raw, when, core_dates(when))))
    core = archive.read("docProps/core.xml").decode()
    assert re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", core) == ["2000-01-01T00:00:00Z"] * 2
    assert archive.read("other.xml") == b"isi other.xml"


def _html(text: str) -> str:
    return markdown.markdown(
        text, extensions=["tables", "attr_list", "md_in_html", "admonition", "footnotes"]
    )


HOSTILE = "| # > <script>alert(1)</script>\n- baris { onclick=alert(1) } [x](javascript:x) *b*"


def test_escape_hostile_data() -> None:
    text = escape(HOSTILE)
    assert text == (
        "\\| \\# &gt; &lt;script&gt;alert(1)&lt;/script&gt;<br>- baris "
        "\\{ onclick=alert(1) \\} \\[x\\](javascript:x) \\*b\\*"
    )
    assert "\n" not in text
    page = _html(f"# {text}")
    assert page.startswith("<h1>")  # no attribute injected into the heading
    assert "<script>" not in page and "<a " not in page and "<em>" not in page


def test_escape_leading_block_markers() -> None:
    for data, shown in [
        ("# judul", "\\# judul"),
        ("- daftar", "\\- daftar"),
        ("+ daftar", "\\+ daftar"),
        ("> kutip", "&gt; kutip"),
        ("!!! note", "\\!!! note"),
        ("12. nomor", "12\\. nomor"),
        ("1.234", "1.234"),
        ("C#", "C\\#"),
    ]:
        assert escape(data) == shown
        assert _html(escape(data)) == f"<p>{html.escape(data, quote=False)}</p>"  # literal


def test_escape_keeps_markdown_and_plain_text() -> None:
    trusted = link("Pasal 2", "../peraturan/hak.md#hak-jp")
    assert escape(trusted) is trusted
    assert escape("Pemerintah Kota Bengkulu (2025)") == "Pemerintah Kota Bengkulu (2025)"
    assert escape("a\r\nb\rc\td") == "a<br>b<br>c d"


def test_table_escapes_every_cell() -> None:
    lines = table(
        ("Instansi", "Temuan"), [(HOSTILE, 3), (Markdown("[A](a.md)"), None)], numeric=(1,)
    )
    assert lines[:2] == ["| Instansi | Temuan |", "|---|---:|"]
    assert lines[3] == "| [A](a.md) |  |"
    assert len(re.findall(r"(?<!\\)\|", lines[2])) == 3  # two cells, nothing broken out
    assert table(("a", "b"), [], numeric=(1,), right="--:")[1] == "|---|--:|"
    assert sides_table([("Versi", "v1", "v|2")]) == [
        "| | Sebelum | Sesudah |",
        "|---|---|---|",
        "| Versi | v1 | v\\|2 |",
    ]


def test_prose_and_code() -> None:
    assert prose("Judul   `kode` |\n<b>") == "Judul `kode` \\| &lt;b>"
    assert code("KOMP-JP-MIN") == "`KOMP-JP-MIN`"
    assert code("a`b|c") == "a\\`b\\|c"
