"""Every generated page of the site, and the navigation that orders them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from checker.export.lambang import read_lambang
from checker.kebijakan import load_kebijakan
from checker.konsultasi.berkas import read_folder as read_konsultasi
from checker.site import links
from checker.site.aturan import catalogue_page, types_page
from checker.site.cakupan import coverage_page
from checker.site.context import SiteContext, load_reports
from checker.site.dampak import PAGE as DAMPAK
from checker.site.dampak import dampak_page, load_impact
from checker.site.dispensasi import PAGE as DISPENSASI
from checker.site.dispensasi import dispensasi_page
from checker.site.kepatuhan import kepatuhan_pages
from checker.site.konsultasi import konsultasi_pages
from checker.site.konsultasi import navigation_uris as konsultasi_uris
from checker.site.lintcodes import URI as KODE_LINT
from checker.site.lintcodes import lint_codes_page
from checker.site.page import Page
from checker.site.parameter import parameter_page
from checker.site.peraturan import bab_pages, index_page
from checker.site.unduhan import unduhan_pages
from checker.versions import VersionError, riwayat_pages

RIWAYAT_INDEX = "riwayat/index.md"

# hand-written guides first in this order, the rest after them by name
GUIDE_ORDER = (
    "panduan/index.md",
    "panduan/pembaca.md",
    "panduan/operator.md",
    "panduan/layanan.md",
    "panduan/siasn.md",
    "panduan/perancang.md",
    "panduan/konsultasi.md",
    "panduan/format-kebijakan.md",
    "panduan/pengelola.md",
)


def load_context(
    policy: str | Path | None,
    rules: str | Path | None,
    reports: str | Path | None,
    *,
    as_of: dt.date | None = None,
    private: bool = False,
    synthetic: bool = False,
    policy_dir: str = "policy",
    impact: str | Path | None = None,
    konsultasi_url: str | None = None,
) -> SiteContext:
    """Load the policy version (:func:`checker.kebijakan.load_kebijakan`: regulation, rules,
    Table Schema, dispensations, provenance, consultation files), and read the reports and
    (when ``impact`` names an existing file) the latest impact preview. ``konsultasi_url`` is
    the consultation service's address, already checked
    (:func:`checker.site.konsultasi.service_address`).

    Raises :class:`checker.errors.PolicyError` (every problem with file and line) when policy/
    or rules/ has errors, and :class:`checker.errors.InputError` for an unreadable report or
    emblem (``policy/lambang.png``).
    """
    kebijakan = load_kebijakan(policy, rules)
    records = kebijakan.dispensasi if kebijakan.dispensasi_folder else None
    # the loader has read and linted these files already: an error there stopped it
    consultation, _ = read_konsultasi(kebijakan.source.policy)
    return SiteContext(
        kebijakan.peraturan,
        kebijakan.rules,
        load_reports(reports),
        as_of or dt.date.today(),
        private=private,
        synthetic=synthetic,
        policy_dir=policy_dir,
        riwayat=history_pages(kebijakan.source.policy.parent),
        dispensations=records,
        impact=load_impact(impact),
        provenance=kebijakan.provenance,
        schema=kebijakan.schema,
        unchecked={u.pasal: u.alasan for u in kebijakan.unchecked},
        lambang=read_lambang(kebijakan.source.policy),
        konsultasi=consultation,
        konsultasi_url=konsultasi_url,
    )


def history_pages(repo_root: Path) -> dict[str, str]:
    """The Riwayat section from the Git tags; outside a Git checkout it says so kindly."""
    try:
        return riwayat_pages(repo_root)
    except VersionError as exc:
        return {
            RIWAYAT_INDEX: "# Riwayat versi\n\nRiwayat versi tidak dapat ditampilkan: "
            f"{exc.message}. Situs ini dibangun di luar repositori Git "
            "atau tanpa tag versi.\n"
        }


def generate(site: SiteContext) -> list[Page]:
    """Every generated page and asset, in a stable order."""
    history = [
        Page(uri, text, in_nav=uri == RIWAYAT_INDEX) for uri, text in sorted(site.riwayat.items())
    ]
    optional = [dispensasi_page(site)] if site.dispensations is not None else []
    optional += [dampak_page(site)] if site.impact is not None else []
    return [
        index_page(site),
        *bab_pages(site),
        *konsultasi_pages(site),
        parameter_page(site),
        catalogue_page(site),
        types_page(site),
        lint_codes_page(),
        coverage_page(site),
        *kepatuhan_pages(site),
        *history,
        *unduhan_pages(site),
        *optional,
    ]


def navigation(site: SiteContext, pages: list[Page], docs: list[str]) -> list[Any]:
    """The MkDocs ``nav``: generated sections in a fixed order, hand-written pages in theirs.

    ``docs`` are the src_uris of the hand-written pages in the docs dir.
    """
    have = {page.src_uri for page in pages if page.in_nav} | set(docs)

    def section(title: str, uris: list[str]) -> list[dict[str, Any]]:
        present = [uri for uri in uris if uri in have]
        return [{title: present}] if present else []

    guides = [uri for uri in GUIDE_ORDER if uri in docs]
    guides += sorted(
        uri
        for uri in docs
        if uri.startswith("panduan/") and uri not in guides and uri.endswith(".md")
    )
    nav: list[Any] = [{"Beranda": "index.md"}] if "index.md" in have else []
    nav += section(
        "Peraturan", [links.PERATURAN_INDEX, *(links.bab_page(b.id) for b in site.peraturan.bab)]
    )
    nav += section("Konsultasi publik", konsultasi_uris(site))
    nav += section("Riwayat", [RIWAYAT_INDEX])
    nav += section("Parameter", [links.PARAMETER])
    nav += section("Aturan", [links.ATURAN, links.JENIS, links.CAKUPAN, DISPENSASI, KODE_LINT])
    nav += section("Kepatuhan", [links.KEPATUHAN])
    nav += section("Dampak rancangan", [DAMPAK])
    nav += section("Panduan", guides)
    nav += section("Unduhan", [links.UNDUHAN, links.SKEMA])
    return nav
