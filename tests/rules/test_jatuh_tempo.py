"""When a duty falls due: a year is judged once it has closed (the annual evaluation once its
deadline has passed), the running year is reported as progress, JP are dated as the records
carry them, and a PPPK's cap runs per contract year (PP 49/2018 Pasal 40 ayat (1)).

Each case has the finding, a near miss and the boundary: 31 December, the evaluation deadline
(two months after the year, the draft's own: no national deadline was found), the last day of a
contract year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.report.report import Report
from tests.rules.builder import Data, of_rule

D = dt.date
PPPK = {
    "status_kepegawaian": "PPPK",
    "golongan": "IX",
    "jenis_jabatan": "Fungsional Ahli Pertama",
    "tanggal_lahir": D(1995, 1, 1),
}
ANNUAL = ("KOMP-JP-MIN", "KIN-SKP-TAHUNAN", "KOMP-CAKUPAN", "KIN-CAKUPAN")


def running_year(tmp: Path, as_of: dt.date) -> tuple[Report, dict[str, str]]:
    """2026 checked on ``as_of``: one employee with 8 JP so far, one with 24, none evaluated."""
    d = Data(years=(2026,))
    n = {
        "baru8": d.pegawai(jp={2026: 8}, skp=False),
        "cukup": d.pegawai(jp={2026: 24}, skp=False),
    }
    return d.check(tmp, as_of=as_of, years=[2026]), n


def test_the_running_year_is_not_judged_but_its_progress_is_reported(tmp_path: Path) -> None:
    report, n = running_year(tmp_path / "kiriman", D(2026, 11, 27))
    assert not [f for f in report.findings if f.rule in ANNUAL]
    (progress,) = of_rule(report, "KOMP-JP-BERJALAN")
    assert (progress.nip, progress.severity, progress.category) == (n["baru8"], "info", "informasi")
    assert (progress.period, progress.actual, progress.expected) == ("2026", "8", "20")
    assert "tercatat mengikuti 8 JP pengembangan kompetensi pada tahun 2026" in progress.message
    assert "paling sedikit 20 (dua puluh) JP" in progress.message
    assert "hingga 27 November 2026" in progress.message
    assert not report.failed("warning")


def test_progress_counts_only_trainings_already_followed(tmp_path: Path) -> None:
    """A training entered ahead, dated after the as-of date, has not been followed yet: the
    progress line says 8 JP so far, not 24 (found by the oracle, tests/oracle)."""
    d = Data(years=(2026,))
    nip = d.pegawai(jp={2026: 8}, skp=False)
    d.pelatihan(nip, 16, D(2026, 9, 10))
    report = d.check(tmp_path / "kiriman", as_of=D(2026, 6, 30), years=[2026])
    (progress,) = of_rule(report, "KOMP-JP-BERJALAN", nip)
    assert progress.actual == "8"


@pytest.mark.parametrize(
    ("as_of", "judged"), [(D(2026, 12, 31), False), (D(2027, 1, 1), True)], ids=["31des", "1jan"]
)
def test_a_year_is_judged_from_the_day_after_31_december(
    tmp_path: Path, as_of: dt.date, judged: bool
) -> None:
    report, n = running_year(tmp_path / "kiriman", as_of)
    assert bool(of_rule(report, "KOMP-JP-MIN", n["baru8"])) is judged
    assert bool(of_rule(report, "KOMP-JP-BERJALAN", n["baru8"])) is not judged
    assert not of_rule(report, "KOMP-JP-MIN", n["cukup"])


@pytest.mark.parametrize(
    ("as_of", "judged"),
    [(D(2026, 2, 28), False), (D(2026, 3, 1), True)],
    ids=["batas-28feb", "sehari-sesudah"],
)
def test_the_annual_evaluation_is_judged_after_its_deadline(
    tmp_path: Path, as_of: dt.date, judged: bool
) -> None:
    """Two months after 2025 ends is 28 February 2026: until then the evaluation may still be
    set; from 1 March 2026 a missing one is a finding."""
    d = Data(years=(2025,))
    nip = d.pegawai(skp=False)
    report = d.check(tmp_path / "kiriman", as_of=as_of, years=[2025])
    assert bool(of_rule(report, "KIN-SKP-TAHUNAN", nip)) is judged
    assert bool(of_rule(report, "KOMP-JP-MIN", nip)) is False  # 20 JP: compliant either way


def test_default_year_is_the_last_closed_one_without_progress_lines(tmp_path: Path) -> None:
    from checker.checking import check

    d = Data(years=(2025, 2026))
    nip = d.pegawai(jp={2025: 5, 2026: 3})
    folder = d.write(tmp_path / "kiriman")
    report = check([folder], as_of=D(2026, 11, 27))
    assert report.years == [2025]
    assert [f.period for f in of_rule(report, "KOMP-JP-MIN", nip)] == ["2025"]
    assert not of_rule(report, "KOMP-JP-BERJALAN")


# --- JP dated as records carry them ----------------------------------------------------------


def test_a_training_without_end_date_counts_in_the_year_it_started(tmp_path: Path) -> None:
    d = Data()
    only_start = d.pegawai(jp=None)
    d.pelatihan(only_start, 20, None, tanggal_mulai=D(2025, 6, 2))
    started_before = d.pegawai(jp=None)  # started in 2024, no end: counts in 2024
    d.pelatihan(started_before, 20, None, tanggal_mulai=D(2024, 12, 30))
    ended = d.pegawai(jp=None)  # the end date decides when there is one
    d.pelatihan(ended, 20, D(2026, 1, 3), tanggal_mulai=D(2025, 12, 29))
    report = d.check(tmp_path / "kiriman", as_of=D(2026, 1, 15))
    assert not of_rule(report, "KOMP-JP-MIN", only_start)
    assert of_rule(report, "KOMP-JP-MIN", started_before)[0].actual == "0"
    assert of_rule(report, "KOMP-JP-MIN", ended)[0].actual == "0"
    (note,) = of_rule(report, "DATA-JP-TANGGAL-MULAI")
    assert (note.severity, note.actual, note.table) == ("info", "2", "pelatihan")
    assert note.file and note.file.endswith("pelatihan.csv")
    assert note.message.startswith("Sebanyak 2 baris pelatihan dalam berkas ini")


def test_no_information_when_every_training_has_its_end_date(tmp_path: Path) -> None:
    d = Data()
    d.pegawai()
    report = d.check(tmp_path / "kiriman")
    assert not of_rule(report, "DATA-JP-TANGGAL-MULAI")


# --- PPPK: the cap per year of the work contract ---------------------------------------------


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Report], dict[str, str]]:
    """PPPK whose contract started 1 March 2024 (contract years 1 March - 28/29 February)."""
    d = Data(years=(2025, 2026))
    n: dict[str, str] = {}
    start = {**PPPK, "tmt_cpns": D(2024, 3, 1), "jp": None, "skp": False}
    # 20 JP in each contract year, 40 in calendar 2025: within the cap
    n["dua_tahun"] = d.pegawai(**start)
    d.pelatihan(n["dua_tahun"], 20, D(2025, 1, 15))
    d.pelatihan(n["dua_tahun"], 20, D(2025, 6, 15))
    # 25 JP in the contract year 1 March 2025 - 28 February 2026
    n["lebih"] = d.pegawai(**start)
    d.pelatihan(n["lebih"], 15, D(2025, 3, 1))
    d.pelatihan(n["lebih"], 10, D(2026, 2, 28))
    # the same 25 JP, but the last 10 on 1 March 2026: the next contract year
    n["tahun_berikut"] = d.pegawai(**start)
    d.pelatihan(n["tahun_berikut"], 15, D(2025, 3, 1))
    d.pelatihan(n["tahun_berikut"], 10, D(2026, 3, 1))
    reports = {}
    for as_of in (D(2026, 2, 28), D(2026, 3, 1)):
        folder = tmp_path_factory.mktemp(f"kontrak-{as_of:%m%d}") / "kiriman"
        reports[as_of.isoformat()] = d.check(folder, as_of=as_of, years=[2025, 2026])
    return reports, n


def test_pppk_cap_counts_per_contract_year(
    contract: tuple[dict[str, Report], dict[str, str]],
) -> None:
    reports, n = contract
    (finding,) = of_rule(reports["2026-03-01"], "KOMP-JP-PPPK")
    assert (finding.nip, finding.actual, finding.expected) == (n["lebih"], "25", "24")
    assert finding.period == "2025-03-01 s.d. 2026-02-28"
    assert "tahun perjanjian kerja 1 Maret 2025 s.d. 28 Februari 2026" in finding.message


def test_pppk_contract_year_is_judged_once_closed(
    contract: tuple[dict[str, Report], dict[str, str]],
) -> None:
    """On 28 February 2026, the contract year's last day, it is still running."""
    reports, _ = contract
    assert not of_rule(reports["2026-02-28"], "KOMP-JP-PPPK")


@pytest.mark.parametrize("case", ["dua_tahun", "tahun_berikut"])
def test_pppk_near_miss(contract: tuple[dict[str, Report], dict[str, str]], case: str) -> None:
    """Two contract years meeting in one calendar year, and JP on the first day of the next
    contract year, stay within the cap."""
    reports, n = contract
    assert not of_rule(reports["2026-03-01"], "KOMP-JP-PPPK", n[case])
