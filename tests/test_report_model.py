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
            instansi="Pemprov",
            opd="A",
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
            instansi="Pemprov",
            opd="A",
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
            instansi="Pemprov",
            opd="B",
            clause=clause,
        ),
        Finding(
            "KAR-KP-MASA",
            "error",
            "pesan d",
            category="verifikasi",
            table="riwayat_pangkat",
            file="r.csv",
            row=2,
            nip="198503122010011004",
            instansi="Pemprov",
            opd="B",
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
        rules={"KOMP-JP-MIN": "JP", "KIN-UMPAN-BALIK": "UB", "KAR-KP-MASA": "KP"},
        employees={"A": 4, "B": 2},
    )


def test_opd_instansi_round_trips() -> None:
    report = _report()
    report.opd_instansi.update(
        {"A": "Pemerintah Provinsi Bengkulu", "B": "Pemerintah Kota Bengkulu"}
    )
    again = Report.from_dict(json.loads(to_json(report)))
    assert again.opd_instansi == report.opd_instansi


def test_json_contract_keys() -> None:
    data = json.loads(to_json(_report()))
    assert list(data) == [
        "tool",
        "policy",
        "regulation",
        "as_of",
        "years",
        "inputs",
        "employees",
        "opd_instansi",
        "summary",
        "rules",
        "findings",
    ]
    assert data["employees"] == {"A": 4, "B": 2}
    assert data["opd_instansi"] == {}  # none given here; Report.from_dict reads it back
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
    assert data["summary"]["by_severity"] == {"error": 3, "warning": 1, "info": 0}
    assert data["summary"]["by_category"] == {"ketidakpatuhan": 3, "verifikasi": 1, "informasi": 0}
    assert data["summary"]["by_rule"] == {"KAR-KP-MASA": 1, "KIN-UMPAN-BALIK": 1, "KOMP-JP-MIN": 2}
    assert list(data["summary"]) == [
        "findings",
        "by_severity",
        "by_category",
        "by_rule",
        "by_opd",
        "compliance_by_opd",
        "dispensed",
    ]
    assert data["summary"]["by_opd"] == {
        "A": {"error": 2, "warning": 0, "info": 0},
        "B": {"error": 1, "warning": 1, "info": 0},
    }
    assert [f["category"] for f in data["findings"]] == [
        "ketidakpatuhan",
        "ketidakpatuhan",
        "ketidakpatuhan",
        "verifikasi",
    ]
    assert data["findings"][0]["clause"] == {
        "id": "hak-kompetensi-pns-jp",
        "citation": "Pasal 6 ayat (1)",
        "policy_version": "uji",
    }
    assert set(data["findings"][0]) == {
        "rule",
        "severity",
        "category",
        "clause",
        "table",
        "file",
        "row",
        "column",
        "nip",
        "instansi",
        "opd",
        "period",
        "expected",
        "expected_since",
        "actual",
        "message",
    }


def test_compliance_counts_distinct_employees_with_errors_per_opd() -> None:
    assert _report().compliance_by_opd() == {
        "A": {"employees": 4, "employees_with_errors": 2, "compliance_percent": 50.0},
        "B": {"employees": 2, "employees_with_errors": 1, "compliance_percent": 50.0},
    }


def test_category_is_a_label_only_severity_fails() -> None:
    report = _report()
    report.findings = [f for f in report.findings if f.category == "verifikasi"]
    assert report.failed("error")  # an error to verify is still an error
    report.findings = [f for f in _report().findings if f.severity == "warning"]
    assert report.counts_by_category()["ketidakpatuhan"] == 1
    assert not report.failed("error")


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
