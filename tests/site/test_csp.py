"""The built site under the Content-Security-Policy that the operator's guide documents: the
header is read from the guide, the site served with it on 127.0.0.1 and opened in headless
Chromium; no violation, search works, the chart shows. Material's inline scripts are moved to
files by site/overrides/, and stay the same as Material's own."""

from __future__ import annotations

import queue
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import material
import pytest

from tests.site.cdp import CHROMIUM, Browser
from tests.site.static_server import QuietHandler, serve_directory

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "site" / "panduan" / "pengelola.md"
OVERRIDES = ROOT / "site" / "overrides"
MATERIAL = Path(material.__file__).parent / "templates"
# a page with what the policy must stop: an inline script and an inline event handler
PROBE = "/__csp-probe.html"
PROBE_HTML = (
    b"<!doctype html><title>probe</title><script>window.ran = 1</script>"
    b'<img src="data:," onerror="window.ran = 2">'
)


def documented_policy() -> str:
    """The policy the guide tells the operator to send; its nginx and Apache snippets agree."""
    guide = GUIDE.read_text(encoding="utf-8")
    header = re.findall(r"^Content-Security-Policy: (.+)$", guide, re.M)
    nginx = re.findall(r'^\s*add_header Content-Security-Policy "(.+)" always;$', guide, re.M)
    apache = re.findall(r'^Header always set Content-Security-Policy "(.+)"$', guide, re.M)
    assert len(header) == 1, header
    assert nginx == apache == header
    return header[0]


POLICY = documented_policy()


class PolicyHandler(QuietHandler):
    """Serves the built site with the documented header on every response, and the probe."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", POLICY)
        super().end_headers()

    def do_GET(self) -> None:
        if self.path != PROBE:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PROBE_HTML)))
        self.end_headers()
        self.wfile.write(PROBE_HTML)


class WatchingBrowser(Browser):
    """A :class:`Browser` that also records what the page and its workers log as errors or
    warnings (CSP violations among them) and uncaught exceptions."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.problems: list[str] = []
        super().__init__(binary, profile)
        self.send("Log.enable", self.session)
        self.send("Runtime.enable", self.session)
        # runs before the page's own scripts, outside its policy: collects violation events
        self.send(
            "Page.addScriptToEvaluateOnNewDocument",
            self.session,
            source="window.__violations = []; document.addEventListener("
            "'securitypolicyviolation', e => window.__violations.push("
            "e.violatedDirective + ' ' + e.blockedURI))",
        )

    def _dispatch(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            entry = params["entry"]
            self.problems.append(f"{entry['source']}: {entry['text']} ({entry.get('url', '')})")
        elif method == "Runtime.exceptionThrown":
            self.problems.append(f"exception: {params['exceptionDetails']}")
        super()._dispatch(message)

    def _watch(self, session: str) -> None:
        # a worker logs its own violations: listen before letting it run
        for method in ("Log.enable", "Runtime.enable"):
            try:
                self.send(method, session, check=False)
            except queue.Empty:  # the browser closed first
                return
        super()._watch(session)

    def visit(self, url: str) -> list[str]:
        """Open ``url``; the violations its document reported."""
        self.goto(url)
        return list(self.evaluate("window.__violations") or [])


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    with serve_directory(built_site, PolicyHandler) as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WatchingBrowser]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium tidak terpasang di /usr/bin/chromium (apt-get install chromium)")
    chromium = WatchingBrowser(str(CHROMIUM), tmp_path / "profil-chromium")
    yield chromium
    chromium.close()


def test_policy_is_strict_where_it_matters() -> None:
    directives = dict(part.strip().split(" ", 1) for part in POLICY.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in directives["style-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-eval" not in POLICY


def test_no_page_holds_an_inline_script(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for attrs in re.findall(r"<script\b([^>]*)>", html):
            assert "src=" in attrs or 'type="application/json"' in attrs, (page, attrs)
        assert not re.search(r"<[^>]+\son[a-z]+=", html), page


@pytest.mark.parametrize(
    ("partial", "index", "script"),
    [
        ("base.html", 0, "base.js"),
        ("palette.html", 0, "palette.js"),
        ("content.html", 0, "content-tabs.js"),
        ("content.html", 1, "content.js"),
    ],
)
def test_moved_scripts_are_materials_own(partial: str, index: int, script: str) -> None:
    """Fails after a Material upgrade that changed a script: copy the new one over."""
    inline = re.findall(
        r"<script>(.*?)</script>",
        (MATERIAL / "partials" / "javascripts" / partial).read_text(encoding="utf-8"),
        re.S,
    )[index]
    expected = inline.replace(
        '"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.mdScope"
    )
    moved = OVERRIDES / "assets" / "javascripts" / "kebijakan" / script
    code = [line for line in moved.read_text(encoding="utf-8").splitlines() if line[:2] != "//"]
    assert code == [expected], f"salin skrip baru dari {partial} Material ke {moved}"
    override = (OVERRIDES / "partials" / "javascripts" / partial).read_text(encoding="utf-8")
    assert f"assets/javascripts/kebijakan/{script}" in override
    assert "<script>" not in override


def test_the_probe_shows_the_browser_enforces_the_policy(
    server: str, browser: WatchingBrowser
) -> None:
    violations = browser.visit(server + PROBE)
    assert browser.evaluate("window.ran === undefined")
    assert any(v.startswith("script-src") for v in violations), violations
    assert any("Content Security Policy" in p for p in browser.problems), browser.problems


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/peraturan/pengembangan-kompetensi/#pasal-9",
        "/parameter/",
        "/aturan/",
        "/kepatuhan/perangkat-daerah/dinas-kesehatan/",
        "/unduhan/",
        "/panduan/pengelola/",
        "/404.html",
    ],
)
def test_pages_load_without_a_violation(server: str, browser: WatchingBrowser, page: str) -> None:
    violations = browser.visit(server + page)
    browser.wait_for("document.querySelector('.md-header') !== null")
    assert browser.evaluate("typeof __md_get === 'function' && __md_scope instanceof URL")
    assert violations == []
    assert browser.problems == []


def test_search_works_under_the_policy(server: str, browser: WatchingBrowser) -> None:
    violations = browser.visit(f"{server}/?q=satyalancana")
    hrefs = browser.wait_for(
        "Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href)"
    )
    assert any("/peraturan/pengembangan-karier/" in href for href in hrefs), hrefs
    assert violations + browser.evaluate("window.__violations") == []
    assert browser.problems == []


def test_chart_shows_under_the_policy(server: str, browser: WatchingBrowser) -> None:
    violations = browser.visit(f"{server}/kepatuhan/")
    size = browser.wait_for(
        "(() => { const img = document.querySelector('img.grafik'); if (!img || !img.complete) "
        "return null; const r = img.getBoundingClientRect(); "
        "return img.naturalWidth > 0 && r.width > 200 ? [r.width, r.height] : null })()"
    )
    assert size
    assert violations == []
    assert browser.problems == []


def test_palette_choice_survives_a_reload(server: str, browser: WatchingBrowser) -> None:
    # the moved scripts at work: the toggle stores the choice (base.js scopes the storage),
    # palette.js applies it to the next page before it is drawn
    browser.visit(f"{server}/aturan/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = browser.evaluate(scheme)
    browser.evaluate(
        "document.querySelector('form[data-md-component=palette] label:not([hidden])').click()"
    )
    browser.wait_for(f"{scheme} !== {before!r}")
    violations = browser.visit(f"{server}/parameter/")
    assert browser.evaluate(scheme) != before
    assert violations == []
    assert browser.problems == []
