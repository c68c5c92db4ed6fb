"""Retention over real HTTP: a purge removes the files an agency sent and the full reports once
their period is over, keeps what the dashboards and pages need (the record, the summary, the
per-rule counts), and answers a request for a removed report with 410 and the reason. A period
longer than the Pergub's cap is refused before anything runs."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.report.report import read_report
from checker.serve import Storage, add_agency
from checker.serve.audit import entries
from checker.serve.publishing import publish
from checker.serve.retention import Retention, purge
from checker.serve.runner import REPORT_JSON
from tests.serve.live import Live, csv_files, upload

LATER = dt.date.today() + dt.timedelta(days=400)


def test_a_purge_keeps_the_aggregates_and_removes_personal_data(
    live: Live, sample: Path, tmp_path: Path
) -> None:
    storage = Storage(live.data_dir)
    live.tokens["SIMPAN"] = add_agency(storage, "SIMPAN", "Instansi simpan")[1]
    sub = upload(live, "SIMPAN", csv_files(sample, "pegawai", "pelatihan")).json()["id"]
    assert live.wait("SIMPAN", sub)["status"] == "done"
    folder = live.data_dir / "pengajuan" / sub
    sent = [p for p in folder.rglob("*.csv")]
    assert sent and (folder / REPORT_JSON).is_file()
    summary = storage.submission(sub).summary  # type: ignore[union-attr]
    full = read_report(folder / REPORT_JSON)
    compliance = full.compliance_by_opd()
    with (sample / "pegawai.csv").open(encoding="utf-8") as fh:
        names = {row["nama"] for row in csv.DictReader(fh) if row.get("nama")}
    assert names and any(n in (folder / REPORT_JSON).read_text("utf-8") for n in names)

    # nothing is due today; 400 days on, the uploads (90) and the reports (365) are
    dry = purge(storage, Retention(), dry_run=True)
    assert sub not in dry.uploads and sub not in dry.reports
    done = purge(storage, Retention(), today=LATER)
    assert sub in done.uploads and sub in done.reports
    assert not list(folder.rglob("*.csv")) and not (folder / REPORT_JSON).exists()
    kept = storage.submission(sub)
    assert kept is not None and kept.summary == summary and kept.reports_purged_at
    with storage.connect() as con:
        assert (
            con.execute("SELECT count(*) FROM findings WHERE submission = ?", (sub,)).fetchone()[0]
            == 0
        )
        assert (
            con.execute("SELECT count(*) FROM rule_groups WHERE submission = ?", (sub,)).fetchone()[
                0
            ]
            > 0
        )
    assert any(e.action == "purge" for e in entries(storage))
    # a second purge has nothing left to do
    again = purge(storage, Retention(), today=LATER)
    assert sub not in again.uploads and sub not in again.reports

    with live.client("SIMPAN") as api:
        gone = api.get(f"/api/v1/pengajuan/{sub}/laporan.json")
        status = api.get(f"/api/v1/pengajuan/{sub}")
    assert gone.status_code == 410 and "masa simpan" in gone.json()["detail"]
    assert status.status_code == 200 and status.json()["summary"] == summary
    # the dashboard's history stays: published from a summary without personal data that
    # still counts employees with errors per OPD as the full report did
    summary_file = folder / "ringkasan.json"
    kept_text = summary_file.read_text(encoding="utf-8")
    assert not re.search(r"\b\d{18}\b", kept_text)
    assert not any(name in kept_text for name in names)
    (published,) = [p for p in publish(live.data_dir, tmp_path / "laporan") if p.submission == sub]
    again_report = read_report(published.path)
    assert again_report.compliance_by_opd() == compliance
    assert all(f.row is None and f.actual is None for f in again_report.findings)


@pytest.mark.parametrize("command", [["purge", "--dry-run"], ["serve", "--port", "1"]])
def test_a_period_over_the_pergub_cap_is_refused(tmp_path: Path, command: list[str]) -> None:
    Storage(tmp_path)
    result = CliRunner().invoke(
        cli, [*command, "--data-dir", str(tmp_path), "--report-days", "2000"]
    )
    assert result.exit_code == 2
    assert "melebihi batas Peraturan Gubernur" in result.output and "1826 hari" in result.output


def test_purge_dry_run_names_what_it_would_remove(live: Live, sample: Path) -> None:
    result = CliRunner().invoke(cli, ["purge", "--data-dir", str(live.data_dir), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Akan dihapus: berkas unggahan")
