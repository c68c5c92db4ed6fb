"""Headless Chromium signs in with a token, uploads through the form (a real file chooser
submission), waits for the check and reads the report, on a desktop and on a phone-sized screen.
Skipped only when Chromium is not installed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.serve.live import Live
from tests.site.cdp import Browser, launch

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    browser = launch(tmp_path_factory.mktemp("profil-chromium"))
    yield browser
    browser.close()


def choose_files(browser: Browser, selector: str, paths: list[Path]) -> None:
    """What the operator does in the file chooser."""
    root = browser.send("DOM.getDocument", browser.session, depth=0)["root"]["nodeId"]
    node = browser.send("DOM.querySelector", browser.session, nodeId=root, selector=selector)[
        "nodeId"
    ]
    browser.send(
        "DOM.setFileInputFiles", browser.session, nodeId=node, files=[str(p) for p in paths]
    )


def test_operator_signs_in_uploads_and_reads_the_report(
    live: Live, sample: Path, chromium: Browser
) -> None:
    chromium.goto(f"{live.url}/masuk")
    chromium.evaluate(
        f"document.getElementById('token').value = {json.dumps(live.tokens['B'])};"
        "document.querySelector('main form button[type=submit]').click()"
    )
    chromium.wait_for(
        "location.pathname === '/pengajuan' && document.readyState === 'complete'"
        " && !!document.getElementById('berkas')"
    )
    # the stylesheet loads under the CSP: the header has the site's indigo
    assert (
        chromium.evaluate("getComputedStyle(document.querySelector('.kepala')).backgroundColor")
        == "rgb(64, 81, 181)"
    )

    choose_files(chromium, "#berkas", sorted(sample.glob("*.csv")))
    chromium.evaluate(
        "document.getElementById('as_of').value = '2026-06-30';"
        "document.querySelector('main form[enctype] button[type=submit]').click()"
    )
    heading = chromium.wait_for(
        "location.pathname.startsWith('/pengajuan/') && document.getElementById('ringkasan-judul')"
        " ? document.querySelector('h1').textContent : null",
        timeout=60,
    )
    assert heading.startswith("Pengajuan ")
    assert "Selesai." in chromium.evaluate("document.querySelector('[role=status]').textContent")
    rules = chromium.evaluate(
        "Array.from(document.querySelectorAll('a[href*=\"/aturan/\"]')).map(a => a.textContent)"
    )
    assert rules
    files = chromium.evaluate(
        "Array.from(document.querySelectorAll('[data-label=Berkas]')).map(td => td.textContent)"
    )
    assert sorted(files) == sorted(p.name for p in sample.glob("*.csv"))
    chromium.screenshot(ARTIFACTS / "layanan-laporan.png")

    # on a phone the page fits the screen: no sideways scrolling
    chromium.send(
        "Emulation.setDeviceMetricsOverride",
        chromium.session,
        width=390,
        height=844,
        deviceScaleFactor=2,
        mobile=True,
    )
    try:
        chromium.evaluate("window.halamanLama = true; location.reload()")
        chromium.wait_for(
            "!window.halamanLama && document.readyState === 'complete' && "
            "!!document.getElementById('ringkasan-judul')"
        )
        widths = chromium.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
        chromium.screenshot(ARTIFACTS / "layanan-laporan-ponsel.png")
        chromium.evaluate("document.querySelector('a[href*=\"/aturan/\"]').click()")
        chromium.wait_for(
            "location.pathname.includes('/aturan/') && "
            "document.readyState === 'complete' && "
            "!!document.querySelector('ol.temuan li')"
        )
        widths = chromium.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        chromium.send("Emulation.clearDeviceMetricsOverride", chromium.session)

    hosts = {urlsplit(url).hostname for url in chromium.requests if url.startswith("http")}
    assert hosts == {"127.0.0.1"}
