"""KOMP-PPPK-TANPA and KOMP-CAKUPAN-PPPK: the PPPK competency target per contract year
(clause target-kompetensi-pppk-cakupan; PP 49/2018 Pasal 39 ayat (2): every PPPK has the same
opportunity, not a duty, so one PPPK without training is information and only the agency's
share is measured against the target, 50 % from 2027 and 60 % from 2028)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.report.report import Report
from tests.rules.builder import Data, of_rule, project

PPPK = {
    "status_kepegawaian": "PPPK",
    "golongan": "IX",
    "jenis_jabatan": "Fungsional Ahli Pertama",
    "tanggal_lahir": dt.date(1995, 1, 1),
}
# a contract year that is not a calendar year: 1 March 2025 to 28 February 2026
MARCH = {**PPPK, "tmt_cpns": dt.date(2024, 3, 1)}
CONTRACT_YEAR = "2025-03-01 s.d. 2026-02-28"


@pytest.fixture(scope="module")
def tanpa(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str]]:
    """Checked year 2026, as of 2026-03-15: the contract year ending 28 February 2026 is over."""
    d = Data(years=(2026,))
    n: dict[str, str] = {}
    n["none"] = d.pegawai(jp=None, **MARCH)
    n["inside"] = d.pegawai(jp=None, **MARCH)
    d.pelatihan(n["inside"], 2, dt.date(2026, 2, 28))
    n["next_year"] = d.pegawai(jp=None, **MARCH)  # the day after: the next contract year
    d.pelatihan(n["next_year"], 30, dt.date(2026, 3, 1))
    n["start_only"] = d.pegawai(jp=None, **MARCH)  # no end date: counted on its start
    d.pelatihan(n["start_only"], 4, None, tanggal_mulai=dt.date(2025, 3, 1))
    n["running"] = d.pegawai(jp=None, **{**PPPK, "tmt_cpns": dt.date(2024, 6, 1)})
    n["nonaktif"] = d.pegawai(jp=None, aktif=False, **MARCH)
    n["pns"] = d.pegawai(jp=None)
    report = d.check(tmp_path_factory.mktemp("tanpa") / "kiriman", as_of=dt.date(2026, 3, 15))
    return report, n


def test_pppk_without_training_in_a_closed_contract_year_is_information(
    tanpa: tuple[Report, dict[str, str]],
) -> None:
    report, n = tanpa
    assert sorted(
        (f.nip, f.period, f.actual) for f in of_rule(report, "KOMP-PPPK-TANPA")
    ) == sorted(
        [(n["none"], CONTRACT_YEAR, "tidak ada"), (n["next_year"], CONTRACT_YEAR, "tidak ada")]
    )
    (finding,) = of_rule(report, "KOMP-PPPK-TANPA", n["none"])
    assert finding.severity == "info"
    assert finding.period == CONTRACT_YEAR
    assert "tidak tercatat mengikuti pengembangan kompetensi dalam tahun perjanjian kerja " in (
        finding.message
    )
    assert f"(NI PPPK {n['none']})" in finding.message


@pytest.mark.parametrize("case", ["inside", "start_only", "running", "nonaktif", "pns"])
def test_pppk_with_training_running_inactive_or_pns_not_reported(
    tanpa: tuple[Report, dict[str, str]], case: str
) -> None:
    """A training on the last day counts; a start date stands in for a missing end date; a
    contract year still running (1 June 2025 to 31 May 2026) cannot yet be breached; an
    inactive PPPK and a PNS are outside the population."""
    report, n = tanpa
    assert not of_rule(report, "KOMP-PPPK-TANPA", n[case])


def _opd(d: Data, name: str, trained: dict[int, int], size: int, **fields: object) -> None:
    """``size`` PPPK of one perangkat daerah with calendar contract years; in each year the
    first ``trained[year]`` follow one 2-JP training."""
    d.unit("Sekretariat", instansi=name)
    for index in range(size):
        d.pegawai(
            instansi=name,
            unit_kerja="Sekretariat",
            jp={year: 2 if index < count else None for year, count in trained.items()},
            **{**PPPK, "tmt_cpns": dt.date(2022, 1, 1), **fields},
        )


@pytest.fixture(scope="module")
def cakupan(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Checked years 2026–2028, as of 2029-01-15."""
    d = Data(years=(2026, 2027, 2028))
    _opd(d, "Instansi A", {2026: 0, 2027: 5, 2028: 6}, 10)  # exactly at the target each year
    _opd(d, "Instansi B", {2026: 10, 2027: 5, 2028: 5}, 10)  # 50 % < 60 % in 2028
    _opd(d, "Instansi C", {2026: 0, 2027: 4, 2028: 10}, 10)  # 40 % < 50 % in 2027
    _opd(d, "Instansi D", {2026: 0, 2027: 0, 2028: 0}, 3)  # PNS without training only
    for _ in range(3):
        d.pegawai(instansi="Instansi D", unit_kerja="Sekretariat", jp=None)
    return d.check(tmp_path_factory.mktemp("cakupan") / "kiriman", as_of=dt.date(2029, 1, 15))


def test_cakupan_pppk_below_target(cakupan: Report) -> None:
    found = sorted(
        (f.instansi, f.period, f.expected, f.actual) for f in of_rule(cakupan, "KOMP-CAKUPAN-PPPK")
    )
    assert found == [
        ("Instansi B", "2028", "60", "50"),
        ("Instansi C", "2027", "50", "40"),
        ("Instansi D", "2027", "50", "0"),
        ("Instansi D", "2028", "60", "0"),
    ]
    finding = next(f for f in of_rule(cakupan, "KOMP-CAKUPAN-PPPK") if f.instansi == "Instansi C")
    assert finding.severity == "warning"
    assert finding.expected_since == "2027-01-01"
    assert finding.message.startswith(
        "Instansi C: baru 40% PPPK yang mengikuti pengembangan kompetensi dalam tahun masa "
        "perjanjian kerja yang berakhir pada tahun 2027, sedangkan targetnya paling sedikit 50% "
        "(lima puluh persen) sebagaimana ditetapkan dalam Pasal "
    )


def test_cakupan_pppk_no_target_before_2027_and_pns_not_counted(cakupan: Report) -> None:
    """2026 has no target (the Pergub cannot bind before it takes effect); Instansi A sits on
    the target; Instansi D's PPPK all lack training (0 %) while its PNS do not count at all."""
    found = {(f.instansi, f.period) for f in of_rule(cakupan, "KOMP-CAKUPAN-PPPK")}
    assert not {p for _, p in found} & {"2026"}
    assert not [i for i, _ in found if i == "Instansi A"]
    assert {p for i, p in found if i == "Instansi D"} == {"2027", "2028"}
    assert all(
        row is None and nip is None for _, row, nip, *_ in project(cakupan, "KOMP-CAKUPAN-PPPK")
    )


def test_cakupan_pppk_year_still_running_is_not_judged(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Contract years from 1 June: the one ending 31 May 2027 is over in December 2027, but the
    year 2027 is not, so the share is not judged until it is."""
    d = Data(years=(2027,))
    _opd(d, "Instansi E", {2027: 0}, 4, tmt_cpns=dt.date(2025, 6, 1))
    root = tmp_path_factory.mktemp("berjalan")
    running = d.check(root / "a", as_of=dt.date(2027, 12, 20))
    assert len(of_rule(running, "KOMP-PPPK-TANPA")) == 4
    assert not of_rule(running, "KOMP-CAKUPAN-PPPK")
    over = d.check(root / "b", as_of=dt.date(2028, 1, 2))
    assert [(f.instansi, f.period, f.actual) for f in of_rule(over, "KOMP-CAKUPAN-PPPK")] == [
        ("Instansi E", "2027", "0")
    ]
