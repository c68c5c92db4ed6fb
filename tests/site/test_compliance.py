"""One compliance formula for the report JSON and the dashboard: an agency with no employees
in the data has no rate (None, shown "–"), never 100% and never a division by zero."""

from __future__ import annotations

import json
from pathlib import Path

from checker.provenance import Provenance
from checker.report.report import Report, to_json
from checker.site import load_context
from checker.site.context import load_reports
from checker.site.dashboard import build_dashboard
from checker.site.kepatuhan import kepatuhan_pages
from tests.policy_fixture import MakePolicy
from tests.site.fixture import AS_OF, DIKBUD, PENUTUP, write_inputs

EMPTY = "Dinas Tanpa Pegawai"


def _with_empty_agency(root: Path) -> tuple[Path, Path]:
    rules, reports = write_inputs(root)
    report = Report(
        "0.1.0",
        Provenance("uji-1", "rancangan"),
        "2026-06-30",
        [2025],
        [],
        [],
        employees={EMPTY: 0, DIKBUD: 10},
    )
    # read after the fixture's own report of the same date, so it is the latest
    (reports / "zz-kosong.json").write_text(to_json(report), encoding="utf-8")
    return rules, reports


def test_empty_agency_has_no_rate_in_json_and_dashboard(tmp_path: Path) -> None:
    _, reports = _with_empty_agency(tmp_path)
    data = json.loads((reports / "zz-kosong.json").read_text(encoding="utf-8"))
    assert data["summary"]["compliance_by_opd"][EMPTY]["compliance_percent"] is None
    snap = build_dashboard(load_reports(reports)).latest()[EMPTY]
    assert (snap.employees, snap.with_errors, snap.compliance) == (0, 0, None)
    assert build_dashboard(load_reports(reports)).latest()[DIKBUD].compliance == 100.0


def test_empty_agency_reads_as_a_dash_on_its_pages(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy(bab__penutup_md=PENUTUP)
    rules, reports = _with_empty_agency(tmp_path)
    site = load_context("policy", rules, reports, as_of=AS_OF)
    pages = {p.src_uri: str(p.content) for p in kepatuhan_pages(site)}
    row = next(
        line for line in pages["kepatuhan/index.md"].splitlines() if line.startswith(f"| [{EMPTY}]")
    )
    assert "| 0 | 0 | – |" in row
    assert "- Kepatuhan: **–**" in pages["kepatuhan/perangkat-daerah/dinas-tanpa-pegawai.md"]
