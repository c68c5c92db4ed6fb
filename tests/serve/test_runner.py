"""What an upload records about its report (:func:`checker.serve.runner.summarize`): counts and
the perangkat daerah (OPD) the compliance dashboard will count the report for."""

from __future__ import annotations

from checker.provenance import Provenance
from checker.report.finding import Finding
from checker.report.report import Report
from checker.serve.runner import summarize

PROVINSI = "Pemerintah Provinsi Bengkulu"


def test_summary_lists_the_opds_not_the_instansi() -> None:
    findings = [
        Finding("KOMP-JP-MIN", "error", "JP kurang.", nip="1", instansi=PROVINSI, opd=opd)
        for opd in ("Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan")
    ]
    report = Report(
        "0.1.0",
        Provenance("uji-1", "rancangan"),
        "2026-06-30",
        [2025],
        [],
        findings,
        employees={"Dinas Pendidikan dan Kebudayaan": 10, "Dinas Kesehatan": 4},
    )
    assert summarize(report) == {
        "findings": 2,
        "by_severity": {"error": 2, "warning": 0, "info": 0},
        "employees": 14,
        "opd": ["Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan"],
    }
