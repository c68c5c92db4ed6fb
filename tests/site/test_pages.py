"""Generated pages for a tiny regulation, two rules and two reports (golden Markdown)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.errors import PolicyError
from checker.rules.registry import REGISTRY
from checker.site import Page, SiteContext, generate, load_context, navigation
from checker.site.dashboard import mask_nip
from checker.site.kepatuhan import kepatuhan_pages
from tests.golden import updating
from tests.policy_fixture import MakePolicy
from tests.site.fixture import AS_OF, PENUTUP, PEOPLE, write_inputs

GOLDEN = Path(__file__).parent / "golden"
# pages whose text comes from the registry or the data schema, not from the fixture
NOT_GOLDEN = {"aturan/jenis.md", "unduhan/skema-data.md"}


def pages(site: SiteContext) -> dict[str, Page]:
    return {page.src_uri: page for page in generate(site)}


def golden_name(src_uri: str) -> str:
    return src_uri.replace("/", "__")


def test_golden_markdown(tiny_site: SiteContext) -> None:
    """``UPDATE_GOLDEN=1 pytest tests/site`` rewrites the golden files."""
    markdown = {
        uri: p.content
        for uri, p in pages(tiny_site).items()
        if uri.endswith(".md") and uri not in NOT_GOLDEN
    }
    if updating():
        GOLDEN.mkdir(exist_ok=True)
        for old in GOLDEN.glob("*.md"):
            old.unlink()
        for uri, text in markdown.items():
            (GOLDEN / golden_name(uri)).write_text(str(text), encoding="utf-8")
    expected = {p.name for p in GOLDEN.glob("*.md")}
    assert {golden_name(uri) for uri in markdown} == expected
    for uri, text in markdown.items():
        assert text == (GOLDEN / golden_name(uri)).read_text(encoding="utf-8"), uri


def test_same_inputs_same_bytes(tiny_site: SiteContext) -> None:
    first, second = pages(tiny_site), pages(tiny_site)
    assert first == second
    charts = [uri for uri in first if uri.endswith(".svg")]
    assert sorted(charts) == [
        "kepatuhan/grafik/kepatuhan-perangkat-daerah.svg",
        "kepatuhan/grafik/perkembangan.svg",
        "kepatuhan/grafik/temuan-ketentuan.svg",
    ]
    svg = first["kepatuhan/grafik/kepatuhan-perangkat-daerah.svg"].content
    assert isinstance(svg, bytes)
    assert b"<script" not in svg and b"<dc:date>" not in svg
    assert b"Dinas Kesehatan" in svg  # text kept as text, so it is searchable and scales


def test_edit_links_open_the_source_files(tiny_site: SiteContext) -> None:
    edit = {uri: p.edit_path for uri, p in pages(tiny_site).items()}
    assert edit["peraturan/hak.md"] == "policy/bab/hak.md"
    assert edit["peraturan/index.md"] == "policy/peraturan.yml"
    assert edit["parameter/index.md"] == "policy/parameter.yml"
    assert edit["kepatuhan/index.md"] is None


def test_check_types_page_lists_every_registered_type(tiny_site: SiteContext) -> None:
    text = str(pages(tiny_site)["aturan/jenis.md"].content)
    for name, kind in REGISTRY.items():
        assert f"(`{name}`) {{#{name.replace('_', '-')}}}" in text
        assert kind.title in text
    assert "Dipakai oleh: [KOMP-JP-MIN](index.md#komp-jp-min)" in text


def test_public_pages_hold_no_personal_data(tiny_site: SiteContext) -> None:
    text = "\n".join(str(p.content) for p in generate(tiny_site))
    assert not re.search(r"\d{18}", text)
    for name in PEOPLE.values():
        assert name not in text
    assert "tidak diterbitkan di situs publik" in str(
        pages(tiny_site)["kepatuhan/perangkat-daerah/dinas-pendidikan-dan-kebudayaan.md"].content
    )


def test_private_build_shows_masked_nips(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(bab__penutup_md=PENUTUP)
    rules, reports = write_inputs(tmp_path)
    site = load_context("policy", rules, reports, as_of=AS_OF, private=True)
    page = str(pages(site)["kepatuhan/perangkat-daerah/dinas-pendidikan-dan-kebudayaan.md"].content)
    # the masked NIP is data: its asterisks are escaped, so they cannot turn into emphasis
    assert (
        "| 198503\\*\\*\\*\\*\\*\\*\\*\\*1001 | [KOMP-JP-MIN](../../aturan/index.md#komp-jp-min) |"
    ) in page
    text = "\n".join(str(p.content) for p in generate(site))
    assert not re.search(r"\d{18}", text)
    assert "Budi Santoso" not in text


def test_mask_nip() -> None:
    assert mask_nip("198503152010011001") == "198503********1001"
    assert mask_nip("12345") == "*****"


def test_synthetic_reports_are_labelled_on_every_compliance_page(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    make_policy(bab__penutup_md=PENUTUP)
    rules, reports = write_inputs(tmp_path)
    site = load_context("policy", rules, reports, as_of=AS_OF, synthetic=True)
    compliance = [
        p
        for p in generate(site)
        if p.src_uri.startswith("kepatuhan/") and p.src_uri.endswith(".md")
    ]
    assert len(compliance) == 3
    for page in compliance:
        assert '!!! warning "Contoh sintetis"' in str(page.content)


def test_no_reports_is_said_kindly(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(bab__penutup_md=PENUTUP)
    rules, _ = write_inputs(tmp_path)
    site = load_context("policy", rules, tmp_path / "tidak-ada", as_of=AS_OF)
    [page] = kepatuhan_pages(site)
    assert page.src_uri == "kepatuhan/index.md"
    assert "Belum ada laporan pemeriksaan yang diterbitkan" in str(page.content)


def test_broken_policy_raises_with_file_and_line(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(
        bab__hak_md="---\ntitle: HAK\n---\n\n#### Pasal {#hak-jp}\n\nLihat [[tidak-ada]].\n"
    )
    rules, reports = write_inputs(tmp_path)
    with pytest.raises(PolicyError) as caught:
        load_context("policy", rules, reports, as_of=AS_OF)
    assert any(p.path == "policy/bab/hak.md" and p.line == 7 for p in caught.value.problems)


def test_unreadable_report_names_the_file(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(bab__penutup_md=PENUTUP)
    rules, reports = write_inputs(tmp_path)
    (reports / "rusak.json").write_text("{bukan json", encoding="utf-8")
    with pytest.raises(Exception, match=r"rusak\.json: bukan laporan kebijakan"):
        load_context("policy", rules, reports, as_of=AS_OF)


def test_navigation_orders_sections(tiny_site: SiteContext) -> None:
    nav = navigation(
        tiny_site,
        generate(tiny_site),
        ["index.md", "panduan/operator.md", "panduan/index.md", "panduan/zzz.md"],
    )
    assert [next(iter(item)) for item in nav] == [
        "Beranda",
        "Peraturan",
        "Riwayat",
        "Parameter",
        "Aturan",
        "Kepatuhan",
        "Panduan",
        "Unduhan",
    ]
    assert nav[1]["Peraturan"] == [
        "peraturan/index.md",
        "peraturan/umum.md",
        "peraturan/hak.md",
        "peraturan/penutup.md",
    ]
    assert nav[2]["Riwayat"] == ["riwayat/index.md"]
    assert nav[6]["Panduan"] == ["panduan/index.md", "panduan/operator.md", "panduan/zzz.md"]
    # the pages of the perangkat daerah are reached by links
    assert nav[5]["Kepatuhan"] == ["kepatuhan/index.md"]


def test_template_download_is_deterministic(tiny_site: SiteContext) -> None:
    import io
    import zipfile

    from checker.data.template import template_bytes

    first = template_bytes(tiny_site.schema or None)
    assert template_bytes(tiny_site.schema or None) == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {e.date_time for e in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"\d{4}-\d\d-\d\dT[\d:]+Z", core) == ["2000-01-01T00:00:00Z"] * 2
