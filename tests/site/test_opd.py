"""The compliance dashboard counts each perangkat daerah (OPD) apart, even when several share one
instansi kerja; old report JSON (findings without OPD, ``compliance_by_instansi``) still builds
it, each instansi then read as one OPD, until a later report splits that instansi into OPDs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.provenance import Provenance
from checker.report.finding import ClauseRef, Finding
from checker.report.report import Report, to_json
from checker.site import load_context
from checker.site.context import load_reports
from checker.site.dashboard import build_dashboard
from checker.site.kepatuhan import kepatuhan_pages
from tests.policy_fixture import MakePolicy
from tests.site.fixture import AS_OF, DIKBUD, DINKES, KOTA, PENUTUP, PROVINSI, write_inputs

NIPS = ("198503152010011001", "199001012015032002", "198812122012121003")


def _error(nip: str, instansi: str, opd: str | None) -> Finding:
    return Finding(
        rule="KOMP-JP-MIN",
        severity="error",
        message=f"NIP {nip}: JP kurang.",
        table="pegawai",
        file="pegawai.csv",
        row=2,
        column="jp",
        nip=nip,
        instansi=instansi,
        opd=opd,
        period="2025",
        clause=ClauseRef("hak-jp-jumlah", "Pasal 2 ayat (1)", "uji-1"),
    )


def _report(as_of: str, findings: list[Finding], employees: dict[str, int]) -> Report:
    return Report(
        "0.1.0",
        Provenance("uji-1", "rancangan"),
        as_of,
        [2025],
        [],
        findings,
        employees=employees,
    )


def _province_by_opd(as_of: str = "2026-06-30") -> Report:
    """One province, two OPDs: one of 10 employees with one error, one of 4 with two."""
    return _report(
        as_of,
        [
            _error(NIPS[0], PROVINSI, DIKBUD),
            _error(NIPS[1], PROVINSI, DINKES),
            _error(NIPS[2], PROVINSI, DINKES),
        ],
        {DIKBUD: 10, DINKES: 4},
    )


def _old_format(report: Report) -> dict[str, Any]:
    """``report`` as a report JSON written before findings named their OPD: no ``opd`` (nor
    ``category``) on findings, summaries keyed by instansi, no ``employees`` key."""
    data = report.to_dict()
    for finding in data["findings"]:
        del finding["opd"], finding["category"]
    summary = data["summary"]
    summary["by_instansi"] = summary.pop("by_opd")
    summary["compliance_by_instansi"] = summary.pop("compliance_by_opd")
    summary["dispensed"]["by_instansi"] = summary["dispensed"].pop("by_opd")
    del summary["by_category"], data["employees"]
    return data


def _pages(make_policy: MakePolicy, tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    make_policy(bab__penutup_md=PENUTUP)
    rules, folder = write_inputs(tmp_path)
    for old in folder.glob("*.json"):
        old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    site = load_context("policy", rules, folder, as_of=AS_OF)
    return {p.src_uri: str(p.content) for p in kepatuhan_pages(site)}


def _row(page: str, name: str) -> str:
    (line,) = [line for line in page.splitlines() if line.startswith(f"| [{name}](")]
    return line


def test_two_opds_of_one_instansi_are_two_rows_with_their_own_compliance(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    pages = _pages(make_policy, tmp_path, {"laporan.json": to_json(_province_by_opd())})
    board = build_dashboard(load_reports(tmp_path / "reports"))
    latest = board.latest()
    assert set(latest) == {DIKBUD, DINKES}
    assert (latest[DIKBUD].employees, latest[DIKBUD].with_errors) == (10, 1)
    assert (latest[DINKES].employees, latest[DINKES].with_errors) == (4, 2)
    assert (latest[DIKBUD].compliance, latest[DINKES].compliance) == (90.0, 50.0)

    dashboard = pages["kepatuhan/index.md"]
    assert "- Perangkat daerah yang melapor: **2**" in dashboard
    assert PROVINSI not in dashboard  # the instansi is not a row of its own
    assert "| 10 | 1 | 90,0% | 1 | 0 | 0 |" in _row(dashboard, DIKBUD)
    assert "| 4 | 2 | 50,0% | 2 | 0 | 0 |" in _row(dashboard, DINKES)
    assert "(perangkat-daerah/dinas-kesehatan.md)" in _row(dashboard, DINKES)

    own = pages["kepatuhan/perangkat-daerah/dinas-kesehatan.md"]
    assert own.startswith('---\ntitle: "Dinas Kesehatan"\n---\n\n# Dinas Kesehatan\n')
    assert f"- Instansi: **{PROVINSI}**" in own
    assert "- Pegawai dalam data: **4**" in own and "- Kepatuhan: **50,0%**" in own
    other = pages["kepatuhan/perangkat-daerah/dinas-pendidikan-dan-kebudayaan.md"]
    assert "- Pegawai dalam data: **10**" in other and "- Kepatuhan: **90,0%**" in other


def test_old_report_json_builds_the_dashboard_per_instansi(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    """Findings without ``opd`` and a ``compliance_by_instansi`` summary: each instansi is
    read as one OPD, with the employees and errors of the old summary."""
    old = _report(
        "2026-01-15",
        [_error(NIPS[0], PROVINSI, PROVINSI), _error(NIPS[1], KOTA, KOTA)],
        {PROVINSI: 10, KOTA: 4},
    )
    data = _old_format(old)
    assert "opd" not in data["findings"][0] and "compliance_by_instansi" in data["summary"]
    pages = _pages(make_policy, tmp_path, {"lama.json": json.dumps(data, ensure_ascii=False)})
    dashboard = pages["kepatuhan/index.md"]
    # the kota takes part only as a voluntary partner: shown apart, never in the totals
    assert "- Perangkat daerah yang melapor: **1**" in dashboard
    assert "- Pegawai dalam data: **10**" in dashboard
    assert "| 10 | 1 | 90,0% | 1 | 0 | 0 |" in _row(dashboard, PROVINSI)
    partners = dashboard.split("## Mitra sukarela: pemerintah kabupaten/kota")[1]
    assert f"| {KOTA} | [{KOTA}](" in partners and "| 4 | 1 | 75,0% |" in partners
    page = pages["kepatuhan/perangkat-daerah/provinsi-bengkulu.md"]
    assert "- Kepatuhan: **90,0%**" in page
    assert "- Instansi:" not in page  # the OPD is the instansi itself


def test_a_later_report_by_opd_supersedes_the_old_whole_instansi_row(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    """An old report counted the province as one; the next counts its OPDs. The current
    picture holds the OPDs (the province's employees are not counted twice) and the kota,
    which no later report splits (a finding of the kota that names no OPD does not split
    it); the trend keeps both dates."""
    old = _report(
        "2026-01-15",
        [_error(NIPS[0], PROVINSI, PROVINSI), _error(NIPS[1], KOTA, KOTA)],
        {PROVINSI: 14, KOTA: 4},
    )
    new = _province_by_opd()
    unnamed = Finding("SKEMA-BARIS", "error", "Baris tidak terbaca.", instansi=KOTA)
    new.findings.append(unnamed)
    files = {
        "2026-01.json": json.dumps(_old_format(old), ensure_ascii=False),
        "2026-06.json": to_json(new),
    }
    pages = _pages(make_policy, tmp_path, files)
    board = build_dashboard(load_reports(tmp_path / "reports"))
    assert set(board.latest()) == {"", DIKBUD, DINKES, KOTA}
    assert [s.opd for s in board.history(PROVINSI)] == [PROVINSI]
    dashboard = pages["kepatuhan/index.md"]
    assert "- Perangkat daerah yang melapor: **2**" in dashboard
    assert "- Pegawai dalam data: **14**" in dashboard  # 10 + 4; the kota is a partner
    assert f"[{PROVINSI}](" not in dashboard
    assert "kepatuhan/perangkat-daerah/provinsi-bengkulu.md" not in pages
    assert "| 15 Januari 2026 | 1 | 14 | 1 | 92,9% | 1 |" in dashboard  # without the kota
    assert "| 30 Juni 2026 | 2 | 14 | 3 | 78,6% | 4 |" in dashboard
    assert "Selain itu 1 temuan berkas tidak menyebut perangkat daerah" in dashboard


def test_kabupaten_kota_are_voluntary_partners_shown_apart(
    make_policy: MakePolicy, tmp_path: Path
) -> None:
    """A kota's OPD reports beside the province's: it has its own section, titled as a
    voluntary partner, and the province's totals, ranking and clause counts leave it out."""
    report = _province_by_opd()
    kota_opd, quiet = "Dinas Kesehatan Kota Bengkulu", "Badan Kepegawaian Kota Bengkulu"
    report.findings.append(_error(NIPS[0], KOTA, kota_opd))
    report.employees[kota_opd] = 5
    # an OPD of the kota without any finding: its employees' instansi tells it apart
    report.employees[quiet] = 3
    report.opd_instansi.update({DIKBUD: PROVINSI, DINKES: PROVINSI, kota_opd: KOTA, quiet: KOTA})
    pages = _pages(make_policy, tmp_path, {"laporan.json": to_json(report)})
    dashboard = pages["kepatuhan/index.md"]
    province, partners = dashboard.split("## Mitra sukarela: pemerintah kabupaten/kota")
    assert "- Perangkat daerah yang melapor: **2**" in province
    assert "- Pegawai dalam data: **14**" in province
    assert "- Pegawai dengan temuan kesalahan: **3**" in province
    assert f"[{kota_opd}](" not in province and f"[{quiet}](" not in province
    assert f"| {KOTA} | [{quiet}](" in partners and "| 3 | 0 | 100,0% |" in partners
    assert "tidak dihitung dalam kepatuhan perangkat daerah Pemerintah Provinsi" in partners
    assert f"| {KOTA} | [{kota_opd}](" in partners and "| 5 | 1 | 80,0% |" in partners
    assert f"kepatuhan/perangkat-daerah/{'dinas-kesehatan-kota-bengkulu'}.md" in pages
