"""Tried as a new user would (issue #15): the records an agency really holds in November 2026.

A PPPK whose contract years straddle calendar years, trainings recorded with a start date only,
SKP rows from 2020 and the two 2021 semesters with the old scale and no ratings, an employee's
first rank row without a KP type, and a KP decreed for next month. Checked on 27 November 2026
for 2025 (closed) and 2026 (running): no finding above info.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.rules.builder import Data

D = dt.date


def test_real_records_of_a_running_year_give_no_false_finding(tmp_path: Path) -> None:
    d = Data(years=(2025, 2026))
    pppk = d.pegawai(
        status_kepegawaian="PPPK",
        golongan="IX",
        jenis_jabatan="Fungsional Ahli Pertama",
        jabatan="Guru Ahli Pertama",
        tanggal_lahir=D(1994, 5, 5),
        tmt_cpns=D(2024, 3, 1),
        jp=None,
        skp=(2025,),
    )
    for day in (D(2025, 1, 20), D(2025, 9, 10)):  # 40 JP in calendar 2025, 20 per contract year
        d.pelatihan(pppk, 20, day)
    pns = d.pegawai(jp=None, skp=(2024, 2025), tmt_cpns=D(2010, 1, 1), golongan="III/c")
    d.pelatihan(pns, 30, D(2024, 5, 8))
    d.pelatihan(pns, 24, None, tanggal_mulai=D(2025, 10, 6))  # no end date recorded
    d.pelatihan(pns, 8, D(2026, 3, 4))  # 8 JP so far in 2026
    for tahun, periode, ke in ((2020, "tahunan", None), (2021, "semesteran", 1)):
        d.penilaian(pns, tahun, "Baik", periode=periode, periode_ke=ke)
        d.tables["penilaian_kinerja"][-1].update(hasil_kerja=None, perilaku_kerja=None)
    d.penilaian(pns, 2021, "Cukup", periode="semesteran", periode_ke=2)
    d.tables["penilaian_kinerja"][-1].update(hasil_kerja=None, perilaku_kerja=None)
    first = d.pangkat(pns, "III/a", D(2010, 1, 1))
    d.tables["riwayat_pangkat"][first - 2]["jenis_kp"] = None  # the appointment, as exported
    d.pangkat(pns, "III/b", D(2014, 4, 1))
    d.pangkat(pns, "III/c", D(2018, 4, 1))
    d.pangkat(pns, "III/d", D(2026, 12, 1))  # decreed for the next KP period
    report = d.check(tmp_path / "kiriman", as_of=D(2026, 11, 27), years=[2025, 2026])
    above_info = [
        (f.rule, f.nip, f.period, f.message) for f in report.findings if f.severity != "info"
    ]
    assert above_info == []
    progress = [(f.rule, f.nip, f.period) for f in report.findings if f.rule == "KOMP-JP-BERJALAN"]
    assert progress == [("KOMP-JP-BERJALAN", pns, "2026")]


@pytest.mark.parametrize(
    ("semester2", "found"), [("Baik", False), ("Cukup", True)], ids=["baik", "cukup"]
)
def test_kp_reads_2021_from_its_two_semesters(tmp_path: Path, semester2: str, found: bool) -> None:
    """2021 was evaluated per semester (SE MenPANRB 3/2021): a 2023 KP needs both semesters at
    least Baik when there is no annual row; one Cukup is a finding naming the semester."""
    d = Data(years=(2023,))
    nip = d.pegawai(skp=(2022, 2023), tmt_cpns=D(2010, 1, 1), golongan="III/c")
    for ke, predikat in ((1, "Baik"), (2, semester2)):
        d.penilaian(nip, 2021, predikat, periode="semesteran", periode_ke=ke)
        d.tables["penilaian_kinerja"][-1].update(hasil_kerja=None, perilaku_kerja=None)
    d.pangkat(nip, "III/b", D(2019, 4, 1))
    d.pangkat(nip, "III/c", D(2023, 4, 1))
    report = d.check(tmp_path / "kiriman", as_of=D(2024, 3, 15), years=[2023])
    findings = [f for f in report.findings if f.rule == "KAR-KP-PREDIKAT"]
    assert bool(findings) is found
    if found:
        assert "2021 semester 2: Cukup" in findings[0].message
