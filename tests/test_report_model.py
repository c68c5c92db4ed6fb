"""The Report model: JSON contract, round trip, compliance and failing severities."""

from __future__ import annotations

import json

from checker.provenance import Provenance
from checker.report.finding import ClauseRef, Finding
from checker.report.report import InputRef, Report, to_json


def _report() -> Report:
    clause = ClauseRef("hak-kompetensi-pns-jp", "Pasal 6 ayat (1)", "uji")
    findings = [
        Finding(
            "KOMP-JP-MIN",
            "error",
            "pesan a",
            table="pegawai",
            file="p.csv",
            row=2,
            column="jp",
            nip="198503122010011001",
            instansi="A",
            period="2025",
            expected="20",
            actual="12",
            clause=clause,
            expected_since="2017-03-30",
        ),
        Finding(
            "KOMP-JP-MIN",
            "error",
            "pesan b",
            table="pegawai",
            file="p.csv",
            row=3,
            nip="198503122010011002",
            instansi="A",
            clause=clause,
        ),
        Finding(
            "KIN-UMPAN-BALIK",
            "warning",
            "pesan c",
            table="penilaian_kinerja",
            file="k.csv",
            row=5,
            nip="198503122010011003",
            instansi="B",
            clause=clause,
        ),
    ]
    return Report(
        "0.1.0",
        Provenance("uji", "rancangan", commit="abc"),
        "2026-06-30",
        [2025],
        [InputRef("p.csv", "pegawai", 4, "00ff")],
        findings,
        rules={"KOMP-JP-MIN": "JP", "KIN-UMPAN-BALIK": "UB"},
        employees={"A": 4, "B": 1},
    )


def test_json_contract_keys() -> None:
    data = json.loads(to_json(_report()))
    assert list(data) == [
        "tool",
        "policy",
        "as_of",
        "years",
        "inputs",
        "employees",
        "summary",
        "rules",
        "findings",
    ]
    assert data["employees"] == {"A": 4, "B": 1}
    assert data["tool"] == {"name": "kebijakan", "version": "0.1.0"}
    assert data["policy"] == {
        "version": "uji",
        "status": "rancangan",
        "source": "folder",
        "ref": None,
        "commit": "abc",
        "dirty": False,
        "description": "versi uji (rancangan), salinan kerja pada commit abc",
    }
    assert data["summary"]["by_severity"] == {"error": 2, "warning": 1, "info": 0}
    assert data["summary"]["by_rule"] == {"KIN-UMPAN-BALIK": 1, "KOMP-JP-MIN": 2}
    assert data["findings"][0]["clause"] == {
        "id": "hak-kompetensi-pns-jp",
        "citation": "Pasal 6 ayat (1)",
        "policy_version": "uji",
    }
    assert set(data["findings"][0]) == {
        "rule",
        "severity",
        "clause",
        "table",
        "file",
        "row",
        "column",
        "nip",
        "instansi",
        "period",
        "expected",
        "expected_since",
        "actual",
        "message",
    }


def test_compliance_counts_distinct_employees_with_errors() -> None:
    assert _report().compliance_by_instansi() == {
        "A": {"employees": 4, "employees_with_errors": 2, "compliance_percent": 50.0},
        "B": {"employees": 1, "employees_with_errors": 0, "compliance_percent": 100.0},
    }


def test_round_trip_is_byte_identical() -> None:
    text = to_json(_report())
    assert to_json(Report.from_dict(json.loads(text))) == text


def test_failing_severity() -> None:
    report = _report()
    assert report.failed("error") and report.failed("warning")
    assert not report.failed("never")
    only_warning = Report(
        "0.1.0",
        Provenance("uji", "rancangan"),
        "2026-06-30",
        [2025],
        [],
        [f for f in report.findings if f.severity == "warning"],
    )
    assert not only_warning.failed("error")
    assert only_warning.failed("warning")
