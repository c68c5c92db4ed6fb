"""One report reader: every report JSON file is read by ``read_report``, which names the file
when it cannot; ``employees`` is written explicitly and read back, old reports still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.report.report import compliance_percent, read_report, to_json
from tests.report.sample import OPD, small_report


def test_broken_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "laporan.json"
    path.write_text('{"tool": {"version": "0.1.0"}, ', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_report(path)
    assert caught.value.path == str(path)
    assert caught.value.format().startswith(f"{path}: bukan laporan kebijakan yang dapat dibaca (")


@pytest.mark.parametrize("text", ["[1, 2]", '{"tool": {}}', "", '{"as_of": 3}'])
def test_json_that_is_not_a_report_names_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bukan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="bukan laporan kebijakan yang dapat dibaca") as caught:
        read_report(path)
    assert caught.value.path == str(path)


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_report(tmp_path / "tidak-ada.json")
    assert caught.value.path == str(tmp_path / "tidak-ada.json")


def test_employees_are_written_and_read_back(tmp_path: Path) -> None:
    report = small_report()
    report.employees = {OPD: 3, "Dinas Kosong": 0}
    path = tmp_path / "laporan.json"
    path.write_text(to_json(report), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["employees"] == {"Dinas Kosong": 0, OPD: 3}
    assert read_report(path).employees == {"Dinas Kosong": 0, OPD: 3}
    assert to_json(read_report(path)) == path.read_text(encoding="utf-8")


def test_a_report_without_the_employees_key_still_reads(tmp_path: Path) -> None:
    report = small_report()
    report.employees = {OPD: 3}
    data = json.loads(to_json(report))
    del data["employees"]  # as reports were written before the key existed
    path = tmp_path / "lama.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_report(path).employees == {OPD: 3}


def test_an_opd_without_employees_has_no_compliance_rate() -> None:
    assert compliance_percent(0, 0) is None
    assert compliance_percent(4, 1) == 75.0
    report = small_report()
    report.employees = {"Dinas Kosong": 0, OPD: 4}
    rates = json.loads(to_json(report))["summary"]["compliance_by_opd"]
    assert rates["Dinas Kosong"] == {
        "employees": 0,
        "employees_with_errors": 0,
        "compliance_percent": None,
    }
    assert rates[OPD]["compliance_percent"] == 50.0


def test_every_finding_keeps_its_category_and_opd_through_json(tmp_path: Path) -> None:
    path = tmp_path / "laporan.json"
    path.write_text(to_json(small_report()), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [f["category"] for f in data["findings"] if f["rule"] == "KAR-KP-MASA"] == ["verifikasi"]
    assert data["summary"]["by_category"] == {
        "ketidakpatuhan": 4,
        "verifikasi": 1,
        "informasi": 1,
    }
    back = read_report(path)
    assert [(f.category, f.opd) for f in back.findings] == [
        (f.category, f.opd) for f in small_report().findings
    ]


def test_a_report_from_before_categories_reads_them_from_the_severity(tmp_path: Path) -> None:
    data = json.loads(to_json(small_report()))
    for finding in data["findings"]:
        del finding["category"], finding["opd"]  # as reports were written before
    path = tmp_path / "lama.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    found = {f.rule: f for f in read_report(path).findings}
    assert found["KAR-KP-MASA"].category == "ketidakpatuhan"  # the rule's category was unknown
    assert found["SKEMA-TIPE"].category == "informasi"
    assert found["KIN-CAKUPAN"].opd == found["KIN-CAKUPAN"].instansi
