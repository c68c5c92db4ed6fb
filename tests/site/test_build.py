"""The real site: built with --strict, no personal data, no external URLs, edit links, and a
broken policy failing the build with file and line."""

from __future__ import annotations

import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.policy_fixture import FILES
from tests.site.fixture import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"https?://[^\s\"'<>)\]]+")
# XML namespaces in inline SVG icons name a vocabulary; nothing is fetched from them
NAMESPACES = ("http://www.w3.org/",)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def text_files(site: Path) -> list[Path]:
    """Everything generated from content: pages, search index, sitemap, charts, downloads."""
    return [
        p
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".xml", ".svg", ".txt")
        and "assets" not in p.relative_to(site).parts
    ]


def report_people() -> tuple[set[str], set[str]]:
    """NIPs and names in the example reports (names as the messages write them)."""
    nips: set[str] = set()
    names: set[str] = set()
    for path in (ROOT / "reports" / "contoh").glob("*.json"):
        for finding in json.loads(path.read_text(encoding="utf-8"))["findings"]:
            if finding["nip"]:
                nips.add(finding["nip"])
            message = finding["message"]
            names.update(re.findall(r"Sdr\. ([A-Z][a-z]+(?: [A-Z][a-z]+)+) \(NIP", message))
            names.update(re.findall(r"NIP \S+ \(([A-Z][a-z]+(?: [A-Z][a-z]+)+)\)", message))
            names.update(re.findall(r"pada data pegawai ([A-Z][a-z]+(?: [A-Z][a-z]+)+)", message))
    return nips, names


def test_strict_build_has_every_section(built_site: Path) -> None:
    for page in (
        "index.html",
        "peraturan/index.html",
        "peraturan/pengembangan-kompetensi/index.html",
        "parameter/index.html",
        "aturan/index.html",
        "aturan/jenis/index.html",
        "aturan/cakupan/index.html",
        "kepatuhan/index.html",
        "panduan/index.html",
        "panduan/format-kebijakan/index.html",
        "unduhan/index.html",
        "unduhan/templat-data-kepegawaian.xlsx",
        "unduhan/peraturan.txt",
        "unduhan/peraturan.docx",
        "kepatuhan/grafik/kepatuhan-perangkat-daerah.svg",
    ):
        assert (built_site / page).is_file(), page
    # one page per perangkat daerah (the example reports name each instansi as one)
    assert list((built_site / "kepatuhan" / "perangkat-daerah").glob("*/index.html"))
    assert not (built_site / "overrides").exists()


def test_public_build_holds_no_personal_data(built_site: Path) -> None:
    nips, names = report_people()
    assert len(nips) > 20 and len(names) > 20  # the examples do name people: the test can fail
    for path in text_files(built_site):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?<!\d)\d{18}(?!\d)", text), path
        found = [name for name in names if name in text]
        assert not found, (path, found[:5])


def test_no_external_url_but_the_content_own(built_site: Path) -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    sources = [
        ROOT / "policy" / "parameter.yml",
        ROOT / "policy" / "peraturan.yml",
        *(ROOT / "policy" / "bab").glob("*.md"),
        *(ROOT / "site").rglob("*.md"),
    ]
    content = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    for path in html_files(built_site):
        for url in URL.findall(path.read_text(encoding="utf-8")):
            if url.startswith(NAMESPACES) or url.startswith(config["repo_url"]):
                continue
            if url.startswith("http://127.0.0.1"):
                continue
            assert url in content, (path, url)


def test_edit_link_opens_the_policy_file(built_site: Path) -> None:
    html = (built_site / "peraturan/pengembangan-kompetensi/index.html").read_text("utf-8")
    assert "/edit/main/policy/bab/pengembangan-kompetensi.md" in html
    guide = (built_site / "panduan/operator/index.html").read_text("utf-8")
    assert "/edit/main/site/panduan/operator.md" in guide


def test_pasal_anchors_by_number_and_stable_id(built_site: Path) -> None:
    html = (built_site / "peraturan/pengembangan-kompetensi/index.html").read_text("utf-8")
    assert re.search(r'<h4 id="pasal-10"><a id="jalur-kompetensi"></a>Pasal 10', html)


def test_broken_policy_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    for name, text in FILES.items():
        path = tmp_path / "policy" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / "policy/bab/hak.md").write_text(
        "---\ntitle: HAK\n---\n\n#### Pasal {#hak-jp}\n\nLihat [[tidak-ada]].\n", "utf-8"
    )
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Uji\ndocs_dir: docs\nplugins:\n  - kebijakan:\n      policy: policy\n"
        "      rules: rules\n",
        "utf-8",
    )
    done = mkdocs_build(tmp_path)
    assert done.returncode == 1
    assert re.search(r"policy/bab/hak\.md:7:\d+: \[error\] .*tidak-ada", done.stderr), done.stderr
    assert "Traceback" not in done.stderr


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{ onclick=alert(3) }'


def test_agency_data_is_text_on_every_page(tmp_path: Path) -> None:
    """Markup in every data field that reaches the public site (perangkat daerah, instansi,
    unit, file name, rule message) comes out as text: no raw tag or attribute in any built
    HTML, title and navigation included."""
    reports = tmp_path / "laporan"
    reports.mkdir()
    source = json.loads((ROOT / "reports/contoh/laporan-2026-06-30.json").read_text("utf-8"))
    for finding in source["findings"]:
        # the dashboard's pages, titles and navigation are per OPD; an OPD page names the
        # instansi too
        finding["opd"] = HOSTILE
        finding["instansi"] = f"{HOSTILE} (instansi)"
        finding["message"] = f"{HOSTILE} {finding['message']}"
        finding["file"] = f"{HOSTILE}.csv"
    source["inputs"] = [{**item, "path": f"{HOSTILE}.csv"} for item in source["inputs"]]
    source["employees"] = {HOSTILE: 40}
    (reports / "laporan-2026-06-30.json").write_text(json.dumps(source), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Uji\ndocs_dir: docs\nsite_dir: out\nplugins:\n  - kebijakan:\n"
        f"      policy: {ROOT / 'policy'}\n      rules: {ROOT / 'rules'}\n"
        f"      reports: laporan\n      as_of: 2026-06-30\n",
        "utf-8",
    )
    done = mkdocs_build(tmp_path, strict=False)
    assert done.returncode == 0, done.stderr
    pages = html_files(tmp_path / "out")
    opd_pages = [p for p in pages if "alert" in p.read_text("utf-8")]
    assert opd_pages, "the hostile OPD should appear (escaped) somewhere"
    for page in pages:
        tags = Tags()
        tags.feed(page.read_text("utf-8"))
        where = page.relative_to(tmp_path)
        assert not [a for a in tags.attributes if a.startswith("on")], f"{where}: event handler"
        assert not [t for t in tags.scripts if "alert" in t], f"{where}: script from data"
        assert ("img", "x") not in tags.sources, f"{where}: image from data"


class Tags(HTMLParser):
    """What a browser would act on: attribute names, script bodies, image sources."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[str] = []
        self.scripts: list[str] = []
        self.sources: list[tuple[str, str | None]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [name for name, _ in attrs]
        self.sources += [(tag, value) for name, value in attrs if name == "src"]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
