"""The built site in headless Chromium, served on 127.0.0.1: search, Pasal anchors, the chart,
a screenshot, and not one request to another host."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site.cdp import Browser, launch
from tests.site.static_server import serve_directory

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    chromium = launch(tmp_path_factory.mktemp("profil-chromium"))
    yield chromium
    chromium.close()


def test_search_finds_the_page_of_a_pasal(server: str, browser: Browser) -> None:
    # "satyalancana" is written only in the Pasal on Satyalancana Karya Satya (BAB V)
    browser.goto(f"{server}/?q=satyalancana")
    hrefs = browser.wait_for(
        "Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href)"
    )
    assert any("/peraturan/pengembangan-karier/" in href for href in hrefs), hrefs


def test_pasal_anchor_scrolls_to_the_pasal(server: str, browser: Browser) -> None:
    browser.goto(f"{server}/peraturan/pengembangan-kompetensi/#pasal-9")
    top = browser.wait_for(
        "(() => { const r = document.getElementById('pasal-9')"
        ".getBoundingClientRect(); return window.scrollY > 0 && r.top >= 0 "
        "&& r.top < 200 ? r.top + 1 : 0 })()"
    )
    assert top
    assert browser.evaluate("document.getElementById('pasal-9').textContent").startswith("Pasal 9")


def test_dashboard_chart_is_visible(server: str, browser: Browser) -> None:
    browser.goto(f"{server}/kepatuhan/")
    size = browser.wait_for(
        "(() => { const img = document.querySelector('img.grafik'); if (!img || !img.complete) "
        "return null; img.scrollIntoView(); const r = img.getBoundingClientRect(); "
        "return img.naturalWidth > 0 && r.width > 200 && r.height > 50 "
        "&& getComputedStyle(img).visibility === 'visible' ? [r.width, r.height] : null })()"
    )
    assert size
    time.sleep(0.5)  # let the header finish its title transition after the scroll
    browser.screenshot(ARTIFACTS / "kepatuhan.png")
    assert (ARTIFACTS / "kepatuhan.png").stat().st_size > 10_000


def test_no_request_leaves_127_0_0_1(server: str, browser: Browser) -> None:
    browser.goto(f"{server}/peraturan/")
    browser.goto(f"{server}/parameter/")
    hosts = {
        urlsplit(url).hostname
        for url in browser.requests
        if not url.startswith(("data:", "blob:", "about:"))
    }
    assert hosts == {"127.0.0.1"}, sorted(browser.requests)
    assert len(browser.requests) > 10
