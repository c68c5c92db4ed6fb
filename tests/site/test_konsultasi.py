"""The "Konsultasi publik" section: comments under their Pasal with their answers, text from the
files shown as text, the link to the redlines, the charts, and the "Beri masukan" link on the
regulation's pages while it is a draft."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from checker.diff.render import anchor
from checker.konsultasi.berkas import Masukan
from checker.site import Page, SiteContext, generate, load_context, navigation
from checker.site.konsultasi import feedback_url, service_address
from checker.site.plugin import KebijakanPlugin
from tests.policy_fixture import PERATURAN, MakePolicy
from tests.site.fixture import AS_OF, PENUTUP, mkdocs_build, write_inputs

URL = "https://layanan.bkd.bengkuluprov.go.id"
WINDOW = "konsultasi:\n  buka: 2026-12-01\n  tutup: 2027-01-31\n"
# one answered comment on an ayat of Pasal 2 (hak-jp), with a name; one unanswered on Pasal 3
# (rujukan), without one
FILE = """\
versi: uji-1
masukan:
  - id: 7k2m9q4xbd
    pasal: hak-jp-jumlah
    tanggal: "2026-12-03"
    asal: ASN
    nama: Budi Saputra
    isi: JP untuk guru sebaiknya dihitung per tahun ajaran.
    tanggapan: Diterima; tahun ajaran dipakai untuk guru.
    keputusan: diterima
    pasal_diubah: [hak-jp-jumlah]
  - id: a1b2c3d4e5
    pasal: rujukan
    tanggal: "2026-12-05"
    asal: masyarakat
    isi: Laporan pelaksanaan sebaiknya juga diumumkan kepada masyarakat.
"""
VERSION_PAGE = "konsultasi/uji-1.md"
MARKUP = ("<script>alert(1)</script>", "**bold**", "[link](javascript:x)", "{#id}")
HOSTILE = " ".join(MARKUP)


def _site(
    make_policy: MakePolicy,
    tmp_path: Path,
    *,
    konsultasi: str | None = FILE,
    url: str | None = URL,
    peraturan: str = PERATURAN + WINDOW,
) -> SiteContext:
    files = {"konsultasi/uji-1.yml": konsultasi} if konsultasi else {}
    make_policy(bab__penutup_md=PENUTUP, peraturan_yml=peraturan, **files)
    rules, reports = write_inputs(tmp_path)
    return load_context("policy", rules, reports, as_of=AS_OF, konsultasi_url=url)


def _pages(site: SiteContext) -> dict[str, Page]:
    return {page.src_uri: page for page in generate(site)}


def _text(site: SiteContext, uri: str) -> str:
    content = _pages(site)[uri].content
    assert isinstance(content, str)
    return content


def _section(page: str, heading: str) -> str:
    """The part of ``page`` from the line ``heading`` to the next heading of its level."""
    level = heading.split(" ", 1)[0]
    start = page.index(f"\n{heading}\n") + 1
    end = page.find(f"\n{level} ", start + len(heading))
    return page[start : end if end >= 0 else None]


def test_comment_and_its_answer_stand_under_its_pasal(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    page = _text(_site(make_policy, tmp_path), VERSION_PAGE)
    pasal_2 = _section(page, "## Pasal 2 { #hak-jp }")
    assert "### Masukan nomor 7k2m9q4xbd { #masukan-7k2m9q4xbd }" in pasal_2
    assert "- Tanggal: 3 Desember 2026\n- Asal: ASN\n" in pasal_2
    # the comment is on an ayat: the page says which, linked to it
    assert "- Klausul: [Pasal 2 ayat (1)](../peraturan/hak.md#hak-jp-jumlah)" in pasal_2
    assert "> JP untuk guru sebaiknya dihitung per tahun ajaran." in pasal_2
    assert "**Tanggapan:** Diterima; tahun ajaran dipakai untuk guru." in pasal_2
    assert "**Keputusan:** diterima" in pasal_2
    assert (
        "**Pasal yang diubah karena masukan ini:** "
        "[Pasal 2 ayat (1)](../peraturan/hak.md#hak-jp-jumlah)"
    ) in pasal_2
    assert "Laporan pelaksanaan" not in pasal_2
    pasal_3 = _section(page, "## Pasal 3 { #rujukan }")
    assert "> Laporan pelaksanaan sebaiknya juga diumumkan kepada masyarakat." in pasal_3
    assert "**Tanggapan:** Belum ditanggapi." in pasal_3
    assert "Keputusan:" not in pasal_3
    # document order: Pasal 2 before Pasal 3
    assert page.index("## Pasal 2 ") < page.index("## Pasal 3 ")


def test_name_is_shown_only_when_the_file_has_it(make_policy: MakePolicy, tmp_path: Path) -> None:
    page = _text(_site(make_policy, tmp_path), VERSION_PAGE)
    assert "- Nama: Budi Saputra" in _section(page, "## Pasal 2 { #hak-jp }")
    unnamed = _section(page, "## Pasal 3 { #rujukan }")
    assert "- Asal: masyarakat" in unnamed
    assert "Nama" not in unnamed
    assert page.count("- Nama:") == 1


def test_each_pasal_links_to_its_text_and_to_the_redlines(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    site = _site(make_policy, tmp_path)
    pages = _pages(site)
    page = str(pages[VERSION_PAGE].content)
    for number, pasal in (("2", "hak-jp"), ("3", "rujukan")):
        section = _section(page, f"## Pasal {number} {{ #{pasal} }}")
        links = section.split("\n\n")[1]
        assert links.startswith(f"Baca [Pasal {number}](../peraturan/hak.md#{pasal}) · ")
        # no version changed these Pasal: the link opens the Riwayat index
        assert "[Lihat perubahan Pasal ini](../riwayat/index.md)" in links
    assert "riwayat/index.md" in pages
    # the version page is edited in its YAML file
    assert pages[VERSION_PAGE].edit_path == "policy/konsultasi/uji-1.yml"


def test_the_redline_link_opens_the_newest_version_that_changed_the_pasal(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    """The Riwayat pages give each changed Pasal a stable anchor; the link goes to the newest
    version page holding it (the index lists versions newest first), else to the index."""
    site = _site(make_policy, tmp_path)
    heading = f"### Pasal 2 (diubah) · `hak-jp` {{#{anchor('hak-jp')}}}"
    site = dataclasses.replace(
        site,
        riwayat={
            "riwayat/index.md": "| [v2026.3](v2026.3.md) |\n| [v2026.2](v2026.2.md) |\n",
            "riwayat/v2026.2.md": f"# Perubahan\n\n{heading}\n",
            "riwayat/v2026.3.md": f"# Perubahan\n\n{heading}\n",
        },
    )
    page = _text(site, VERSION_PAGE)
    changed = _section(page, "## Pasal 2 { #hak-jp }").split("\n\n")[1]
    assert "[Lihat perubahan Pasal ini](../riwayat/v2026.3.md#perubahan-hak-jp)" in changed
    unchanged = _section(page, "## Pasal 3 { #rujukan }").split("\n\n")[1]
    assert "[Lihat perubahan Pasal ini](../riwayat/index.md)" in unchanged


def test_overview_has_window_totals_table_and_charts(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    site = _site(make_policy, tmp_path)
    pages = _pages(site)
    index = str(pages["konsultasi/index.md"].content)
    assert "Undang-Undang Nomor 13 Tahun 2022" in index
    assert "Masukan diterima dari 1 Desember 2026 sampai dengan 31 Januari 2027" in index
    assert "- Masukan yang diterbitkan: **2**" in index
    assert "- Masukan yang sudah ditanggapi: **1**" in index
    assert "| [Pasal 2](../peraturan/hak.md#hak-jp) | 1 | 1 | 1 diterima |" in index
    assert "| [Pasal 3](../peraturan/hak.md#rujukan) | 1 | 0 | — |" in index
    assert "| [uji-1](uji-1.md) | 2 | 1 | 1 diterima |" in index
    assert "![Masukan per Pasal](grafik/masukan-per-pasal.svg){ .grafik }" in index
    assert "(grafik/masukan-per-asal.svg){ .grafik }" in index
    per_pasal = pages["konsultasi/grafik/masukan-per-pasal.svg"].content
    per_asal = pages["konsultasi/grafik/masukan-per-asal.svg"].content
    assert isinstance(per_pasal, bytes) and isinstance(per_asal, bytes)
    assert b"Pasal 2" in per_pasal and b"Pasal 3" in per_pasal and b"<script" not in per_pasal
    assert b"ASN" in per_asal and b"akademisi" in per_asal
    nav = navigation(site, list(pages.values()), [])
    titles = [next(iter(item)) for item in nav]
    assert titles.index("Konsultasi publik") == titles.index("Peraturan") + 1
    assert nav[titles.index("Konsultasi publik")]["Konsultasi publik"] == [
        "konsultasi/index.md",
        VERSION_PAGE,
    ]


def test_no_file_no_section(make_policy: MakePolicy, tmp_path: Path) -> None:
    site = _site(make_policy, tmp_path, konsultasi=None)
    pages = _pages(site)
    assert not [uri for uri in pages if uri.startswith("konsultasi/")]
    nav = navigation(site, list(pages.values()), [])
    assert "Konsultasi publik" not in [next(iter(item)) for item in nav]
    # the same policy with a file has the section
    with_file = _site(make_policy, tmp_path)
    pages = _pages(with_file)
    assert {"konsultasi/index.md", VERSION_PAGE} <= set(pages)
    nav = navigation(with_file, list(pages.values()), [])
    assert "Konsultasi publik" in [next(iter(item)) for item in nav]


def test_comment_on_a_clause_gone_is_listed_apart(make_policy: MakePolicy, tmp_path: Path) -> None:
    # the loader refuses such a file (lint konsultasi-pasal); the pages still must not lose it
    site = _site(make_policy, tmp_path)
    gone = Masukan("zz99yy88xx", "pasal-lama", "2026-12-07", "Pasal ini sebaiknya dihapus.")
    berkas = site.konsultasi[0]
    site = replace(site, konsultasi=[replace(berkas, masukan=[*berkas.masukan, gone])])
    page = _text(site, VERSION_PAGE)
    section = _section(page, "## Klausul yang tidak ada lagi { #klausul-tidak-ada }")
    assert "- Klausul: `pasal-lama`" in section
    assert "> Pasal ini sebaiknya dihapus." in section
    assert page.index("## Pasal 3 ") < page.index("## Klausul yang tidak ada lagi")
    index = _text(site, "konsultasi/index.md")
    assert "| Klausul yang tidak ada lagi | 1 | 0 | — |" in index


def _feedback(site: SiteContext) -> list[str]:
    text = "\n".join(
        str(p.content) for uri, p in _pages(site).items() if uri.startswith("peraturan/")
    )
    return [line for line in text.splitlines() if "Beri masukan atas Pasal ini" in line]


def test_beri_masukan_only_with_an_address_and_on_a_draft(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    draft = _site(make_policy, tmp_path)
    found = _feedback(draft)
    # one per Pasal of the fixture: definisi, hak-jp, rujukan, laporan-instansi, berlaku
    assert found == [
        f"[Beri masukan atas Pasal ini]({URL}/konsultasi#{pasal})"
        for pasal in ("definisi", "hak-jp", "rujukan", "laporan-instansi", "berlaku")
    ]
    bab = str(_pages(draft)["peraturan/hak.md"].content)
    assert (
        bab.index('<a id="hak-jp">')
        < bab.index(f"{URL}/konsultasi#hak-jp")
        < bab.index('<a id="rujukan">')
    )
    # without the address: no link
    assert _feedback(replace(draft, konsultasi_url=None)) == []
    # an enacted regulation takes no comments
    enacted = replace(draft, peraturan=replace(draft.peraturan, status="ditetapkan"))
    assert _feedback(enacted) == []
    assert "Beri masukan" not in _text(enacted, VERSION_PAGE)


def _plugin(**options: object) -> KebijakanPlugin:
    plugin = KebijakanPlugin()
    errors, _ = plugin.load_config(options)
    assert not errors
    return plugin


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("javascript:alert(1)", "harus berupa alamat http:// atau https://"),
        ("ftp://layanan.bkd.bengkuluprov.go.id", "harus berupa alamat http:// atau https://"),
        ("https://layanan bkd", "tidak boleh memuat spasi"),
        ("https://layanan.bkd.bengkuluprov.go.id/?a=1", "tidak boleh memuat tanda ? atau #"),
        ("https://admin:rahasia@layanan.bkd.bengkuluprov.go.id", "nama pengguna atau kata sandi"),
    ],
)
def test_only_http_addresses_are_accepted(tmp_path: Path, value: str, reason: str) -> None:
    config: Any = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as caught:
        _plugin(konsultasi_url=value).on_config(config)
    message = str(caught.value)
    assert message.startswith(f"kebijakan: konsultasi_url {value} tidak dapat dipakai: ")
    assert reason in message


def test_address_is_quoted_in_the_link() -> None:
    address = service_address("https://layanan.bkd.bengkuluprov.go.id/uji(1)/ ")
    assert address == "https://layanan.bkd.bengkuluprov.go.id/uji(1)"
    assert feedback_url(address, "hak-jp") == (
        "https://layanan.bkd.bengkuluprov.go.id/uji%281%29/konsultasi#hak-jp"
    )


# -- the built site --------------------------------------------------------------------------

MKDOCS = """\
site_name: Uji
docs_dir: docs
site_dir: out
theme:
  name: material
  language: id
  font: false
plugins:
  - kebijakan:
      policy: policy
      rules: rules
      as_of: 2026-06-30
      konsultasi_url: {url}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - footnotes
  - tables
  - toc:
      permalink: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


class Html(HTMLParser):
    """The text a reader sees, and what a browser would act on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.title = ""
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.scripts: list[str] = []
        self.strong: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.ids += [values["id"] or ""] if "id" in values else []
        self.hrefs += [values["href"] or ""] if "href" in values else []
        self.srcs += [values["src"] or ""] if "src" in values else []
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else ""
        if where == "script":
            self.scripts.append(data)
        elif where == "title":
            self.title += data
        if where in ("strong", "b"):
            self.strong.append(data)
        self.text.append(data)


def _read(path: Path) -> Html:
    page = Html()
    page.feed(path.read_text("utf-8"))
    return page


@pytest.fixture
def built(make_policy: MakePolicy, tmp_path: Path) -> Path:
    """The fixture site with a consultation file whose name, text, answer and version are
    markup, built with ``mkdocs build --strict`` and the site's Markdown extensions."""
    hostile = (
        f'versi: "uji-1 {HOSTILE}"\n'
        "masukan:\n"
        "  - id: 7k2m9q4xbd\n"
        "    pasal: hak-jp\n"
        '    tanggal: "2026-12-03"\n'
        "    asal: ASN\n"
        f"    nama: '{HOSTILE}'\n"
        f"    isi: '{HOSTILE} isi'\n"
        f"    tanggapan: '{HOSTILE} tanggapan'\n"
        "    keputusan: ditolak\n"
        "  - id: a1b2c3d4e5\n"
        "    pasal: rujukan\n"
        '    tanggal: "2026-12-05"\n'
        "    isi: Tanpa nama.\n"
    )
    _site(make_policy, tmp_path, konsultasi=hostile)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS.format(url=URL), "utf-8")
    done = mkdocs_build(tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "out"


def test_markup_in_the_file_is_text_in_the_built_html(built: Path) -> None:
    versions = [p for p in (built / "konsultasi").glob("*/index.html") if p.parent.name != "grafik"]
    assert len(versions) == 1, versions
    page = _read(versions[0])
    text = "".join(page.text)
    for shown in (f"{HOSTILE} isi", f"{HOSTILE} tanggapan", f"Nama: {HOSTILE}"):
        assert shown in text, shown
    # the version is data too: in the page title, the heading and the navigation
    assert f"uji-1 {HOSTILE}" in page.title
    assert f"Masukan atas rancangan versi uji-1 {HOSTILE}" in text
    for html_page in [versions[0], built / "konsultasi" / "index.html"]:
        parsed = _read(html_page)
        assert not [s for s in parsed.scripts if "alert" in s], html_page
        assert "bold" not in "".join(parsed.strong), html_page
        assert not [h for h in parsed.hrefs if h.lower().startswith("javascript")], html_page
        assert "id" not in parsed.ids, html_page
    index = _read(built / "konsultasi" / "index.html")
    assert f"Masukan atas versi uji-1 {HOSTILE}" in "".join(index.text)  # the navigation


def test_built_site_has_the_charts_and_the_link_to_comment(built: Path) -> None:
    index = _read(built / "konsultasi" / "index.html")
    charts = [src for src in index.srcs if src.endswith(".svg")]
    assert sorted(charts) == ["grafik/masukan-per-asal.svg", "grafik/masukan-per-pasal.svg"]
    for src in charts:
        assert (built / "konsultasi" / src).is_file()
    bab = _read(built / "peraturan" / "hak" / "index.html")
    assert f"{URL}/konsultasi#hak-jp" in bab.hrefs
    assert "Beri masukan atas Pasal ini" in "".join(bab.text)
