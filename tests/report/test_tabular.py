"""The CSV report: BOM, JSON keys, one row per finding, no formula from data."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from checker.report.tabular import COLUMNS, formula_like, neutralise, render_csv
from tests.report.sample import ATTACK, INSTANSI, OPD, jp, small_report


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_one_row_per_finding_with_json_keys() -> None:
    report = small_report()
    text = render_csv(report)
    assert text.splitlines()[0] == "\ufeff" + ",".join(COLUMNS)
    rows = read(text)
    assert [(r["rule"], r["row"], r["nip"]) for r in rows] == [
        (f.rule, "" if f.row is None else str(f.row), f.nip or "") for f in report.findings
    ]
    first = next(r for r in rows if r["rule"] == "KOMP-JP-MIN")
    assert first["clause_id"] == "hak-kompetensi-pns-jp"
    assert first["citation"] == "Pasal 6 ayat (1)"
    assert first["expected_since"] == "2017-03-30"
    assert "\r\n" in text


def test_category_key_as_in_json_and_opd_beside_instansi() -> None:
    """The CSV keeps the JSON contract's keys: the category as its key, like severity."""
    assert COLUMNS[:4] == ("rule", "severity", "dispensation", "category")
    assert COLUMNS.index("opd") == COLUMNS.index("instansi") + 1
    rows = {r["rule"]: r for r in read(render_csv(small_report()))}
    assert (rows["KAR-KP-MASA"]["severity"], rows["KAR-KP-MASA"]["category"]) == (
        "error",
        "verifikasi",
    )
    assert rows["KOMP-JP-MIN"]["category"] == "ketidakpatuhan"
    assert rows["SKEMA-TIPE"]["category"] == "informasi"
    assert (rows["KIN-CAKUPAN"]["instansi"], rows["KIN-CAKUPAN"]["opd"]) == (INSTANSI, OPD)
    assert (rows["SKEMA-TIPE"]["instansi"], rows["SKEMA-TIPE"]["opd"]) == ("", "")


def test_unicode_round_trips_as_utf8() -> None:
    data = render_csv(small_report()).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Désirée Nur'aini Siregar" in data.decode("utf-8-sig")


def test_empty_report_has_the_header_only() -> None:
    assert render_csv(small_report(findings=[], rows={})) == "\ufeff" + ",".join(COLUMNS) + "\r\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (ATTACK, "'" + ATTACK),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-3", "-3"),
        ("+62,5", "+62,5"),
        ("12", "12"),
        ("", ""),
        ("Sdr. Ahmad = 12 JP", "Sdr. Ahmad = 12 JP"),
    ],
)
def test_neutralise(value: str, expected: str) -> None:
    assert neutralise(value) == expected


def test_no_cell_starts_a_formula() -> None:
    evil = replace(
        jp(2, "198503122010011001", "Ahmad"),
        message=ATTACK,
        actual=ATTACK,
        instansi="@SUM(1)",
        opd="=HYPERLINK(1)",
        nip="+62",
    )
    rows = read(render_csv(small_report(findings=[evil], rows={})))
    for value in rows[0].values():
        assert not formula_like(value), value
    assert rows[0]["message"] == "'" + ATTACK
    assert rows[0]["opd"] == "'=HYPERLINK(1)"
