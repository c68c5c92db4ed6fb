"""Tried as a new user would: a provincial education office's data, exported the way SIASN
writes it (bulk headers, dd-mm-yyyy dates, NIPs with a leading apostrophe, SIASN's kedudukan
hukum names and codes), checked on 30 June 2026 for 2025.

The fixture (tests/data/dikbud/) was written by hand from the facts of the domain
notes, not from the rules: teachers aged 58-61 (BUP 60, PP 11/2017 Pasal 240), a kepala
sekolah, a teacher on CLTN and one on tugas belajar without periods, one on CLTN by SIASN code
with its period on record, a teacher in masa persiapan pensiun, staff on BUP 58, two PPPK
teachers whose JP are counted per contract year (PP 49/2018 Pasal 40), evaluation rows of 2020
(a score, sometimes without its predikat) and 2021 (two semesters without ratings), and a KP
decreed for next month. Only the real breaches may be reported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.checking import check
from checker.report.report import Report

DIKBUD = Path(__file__).resolve().parent / "data" / "dikbud"
OPD = "Dinas Pendidikan dan Kebudayaan"

# (rule, NIP, what the case is)
EXPECTED = [
    ("DATA-KEDUDUKAN-ASUMSI", None, "CLTN and tugas belajar without periods: said once"),
    ("KAR-BUP", "196604201991031003", "a Guru Ahli Madya past 60: TMT pensiun 1 May 2026"),
    ("KAR-BUP", "196711021993031007", "a Pelaksana past 58: TMT pensiun 1 December 2025"),
    ("KOMP-JP-MIN", "198704092011032009", "an active teacher with 12 JP in 2025"),
    ("KIN-SKP-TAHUNAN", "198305052008032013", "an active teacher without a 2025 evaluation"),
    ("KAR-BUP", "196505151990031002", "a Guru Ahli Madya aged 61: TMT pensiun 1 June 2025"),
    ("KOMP-JP-PPPK", "199206142022212003", "30 JP in the contract year July 2024-June 2025"),
]


@pytest.fixture(scope="module")
def report() -> Report:
    return check([DIKBUD], as_of=dt.date(2026, 6, 30), years=[2025])


def test_only_the_real_breaches_are_reported(report: Report) -> None:
    assert [(f.rule, f.nip) for f in report.findings] == [(r, n) for r, n, _ in EXPECTED]


def test_no_teacher_aged_58_to_59_is_sent_to_pension(report: Report) -> None:
    """Guru Ahli Madya 59, Guru Ahli Muda 59, a kepala sekolah 59 and a teacher in masa
    persiapan pensiun turning 60 in July 2026 all keep working."""
    pensioned = {f.nip for f in report.findings if f.rule == "KAR-BUP"}
    for nip in ("196609141992031001", "196702031996012002", "196608101990032004"):
        assert nip not in pensioned
    assert "196607071993031010" not in pensioned


def test_statuses_from_siasn_are_read_not_rejected(report: Report) -> None:
    """CLTN, Tugas Belajar, Masa Persiapan Pensiun, PPPK Aktif and the code 02 are known."""
    assert not [f for f in report.findings if f.rule.startswith("SKEMA")]
    (info,) = [f for f in report.findings if f.rule == "DATA-KEDUDUKAN-ASUMSI"]
    assert info.actual == "2"  # the CLTN by code has its period in riwayat_cltn


def test_every_employee_counts_for_the_education_office(report: Report) -> None:
    assert report.employees == {OPD: 16}
    assert {f.opd for f in report.findings if f.nip} == {OPD}


def test_pensions_are_findings_to_verify_not_breaches(report: Report) -> None:
    kinds = {(f.rule, f.severity, f.category) for f in report.findings}
    assert ("KAR-BUP", "warning", "verifikasi") in kinds
    assert ("KOMP-JP-MIN", "error", "ketidakpatuhan") in kinds
    assert report.failed("error")  # the two real breaches still fail the check
    only_verification = Report(
        **{
            **vars(report),
            "findings": [f for f in report.findings if f.category != "ketidakpatuhan"],
        }
    )
    assert not only_verification.failed("error")  # a pension to verify does not fail it


def test_what_must_not_appear(report: Report) -> None:
    """Near misses written into the fixture on purpose."""
    said = {(f.rule, f.nip) for f in report.findings}
    # 28 JP in calendar 2025, but 24 in the contract year March 2024 - February 2025
    assert ("KOMP-JP-PPPK", "199010302023212011") not in said
    # the KP to III/d decreed for 1 July 2026, the next KP period: golongan III/c is right
    assert ("DATA-TMT-PANGKAT", "198704092011032009") not in said
    assert ("DATA-PANGKAT-RIWAYAT", "198704092011032009") not in said
    # 2020 scores (one without a predikat, one Cukup) and 2021 semesters carry no ratings
    for rule in ("KIN-PREDIKAT", "KIN-PREDIKAT-PERIODIK", "KAR-KP-PREDIKAT", "SKEMA-WAJIB"):
        assert not [f for f in report.findings if f.rule == rule]
