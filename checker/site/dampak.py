"""The "Dampak rancangan" page: the latest impact preview (``kebijakan impact --format json``)
beside the findings of the latest published reports. Aggregates only: the preview JSON holds
counts per rule, perangkat daerah (OPD) and Pasal, never a NIP or a name."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from checker.artifacts.markdown import Markdown, escape, link, prose, table
from checker.errors import InputError
from checker.report.labels import NO_OPD
from checker.site import links
from checker.site.context import SiteContext
from checker.site.page import RIGHT, Page, join
from checker.wording import digits, tanggal

PAGE = "dampak/index.md"
DELTA = ("before", "after", "appeared", "disappeared", "changed")
HEADER = ("Sebelum", "Sesudah", "Muncul", "Hilang", "Berubah")


def load_impact(path: str | Path | None) -> dict[str, Any] | None:
    """The preview JSON at ``path``; None when no path is configured or the file is absent.
    A file that is not a preview raises InputError naming it. A preview written before it
    counted per OPD (``by_instansi``) is read with each instansi as an OPD."""
    if path is None or not Path(path).is_file():
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if "by_opd" not in data and isinstance(data.get("by_instansi"), list):
            data["by_opd"] = [
                {"opd": item.pop("instansi", ""), **item} for item in data.pop("by_instansi")
            ]
        missing = [
            key
            for key in ("from", "to", "as_of", "summary", "by_rule", "by_opd", "by_pasal")
            if key not in data
        ]
        if missing:
            raise KeyError(", ".join(missing))
        dt.date.fromisoformat(data["as_of"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"bukan pratinjau dampak yang dapat dibaca ({exc})", path) from exc
    return dict(data)


def published(site: SiteContext) -> tuple[Counter[str], Counter[str], str | None]:
    """Findings that count in the latest published report of each perangkat daerah (OPD): per
    rule, per OPD, and the newest report date."""
    latest: dict[str, Counter[str]] = {}
    newest = None
    for named in site.reports:
        groups: dict[str, Counter[str]] = {name: Counter() for name in named.report.employees}
        for finding in named.report.active():
            groups.setdefault(finding.opd or "", Counter())[finding.rule] += 1
        latest.update(groups)
        newest = named.report.as_of
    by_rule: Counter[str] = Counter()
    for counts in latest.values():
        by_rule.update(counts)
    by_opd = Counter({name: sum(c.values()) for name, c in latest.items()})
    return by_rule, by_opd, newest


def _rule_link(rule: str, known: set[str]) -> Markdown:
    if rule not in known:  # a rule only the draft has: not in the published catalogue
        return escape(rule)
    return link(rule, links.relative(PAGE, links.ATURAN, links.rule_anchor(rule)))


def _table(keys: tuple[str, ...], rows: list[tuple[list[object], dict[str, Any]]]) -> list[str]:
    """A key column (and the published count), then the preview's counts before, after,
    appeared, disappeared and changed; every column after the first is a number."""
    return table(
        (*keys, *HEADER),
        [(*cells, *(digits(int(item[k])) for k in DELTA)) for cells, item in rows],
        numeric=range(1, len(keys) + len(DELTA)),
        right=RIGHT,
    )


def dampak_page(site: SiteContext) -> Page:
    """The page; call only when ``site.impact`` holds a preview."""
    data = site.impact or {}
    summary = data["summary"]
    a, b = data["from"], data["to"]
    years = ", ".join(str(y) for y in data.get("years", []))
    by_rule, by_opd, newest = published(site)
    pub = "Temuan pada laporan terbit"
    if newest:
        pub += f" ({tanggal(dt.date.fromisoformat(newest))})"
    lines = [
        "# Dampak rancangan",
        "",
        '!!! note "Pratinjau, bukan hasil pemeriksaan"',
        "",
        f"    Perubahan dari **{escape(a['name'])}** (versi {escape(a['version'])}) ke "
        f"**{escape(b['name'])}** (versi {escape(b['version'])}) diuji pada data "
        f"{digits(int(data.get('employees', 0)))} pegawai, tahun {years}, tanggal acuan "
        f"{tanggal(dt.date.fromisoformat(data['as_of']))}. Halaman ini hanya memuat jumlah; "
        "tidak ada NIP atau nama.",
        "",
        "## Ringkasan",
        "",
    ]
    # the sentences name perangkat daerah from the checked data: escaped, not authored prose
    lines += [f"- {escape(s)}" for s in summary.get("sentences", [])]
    lines += ["", f"Perubahan teks: {prose(summary.get('redline', ''))}", ""]
    rules = [r for r in data["by_rule"] if any(int(r[k]) for k in DELTA[2:])]
    known = {rule.id for rule in site.rules}
    lines += ["## Per aturan", ""]
    lines += _table(
        ("Aturan", pub),
        [([_rule_link(r["rule"], known), digits(by_rule.get(r["rule"], 0))], r) for r in rules],
    )
    touched = [o for o in data["by_opd"] if any(int(o[k]) for k in DELTA[2:])]
    lines += ["", "## Per perangkat daerah", ""]
    lines += _table(
        ("Perangkat daerah", pub),
        [([o["opd"] or NO_OPD, digits(by_opd.get(o["opd"], 0))], o) for o in touched],
    )
    pasal = [p for p in data["by_pasal"] if any(int(p[k]) for k in DELTA[2:])]
    lines += ["", "## Per Pasal", ""]
    lines += _table(
        ("Pasal",), [([site.clause_link(PAGE, p["pasal"], p["citation"])], p) for p in pasal]
    )
    lines += [
        "",
        "Kolom *laporan terbit* menghitung temuan (tanpa yang didispensasi) pada "
        "laporan terakhir setiap perangkat daerah di situs ini; kolom lain berasal dari "
        "pratinjau.",
        "",
    ]
    return Page(PAGE, join(lines))
