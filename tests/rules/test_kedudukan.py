"""Who is judged: kedudukan hukum (SIASN statuses), periods of CLTN and tugas belajar, the OPD
as the unit of coverage, and public feedback only where the employee serves the public.

Each case has a fixture where the finding must appear, a near miss where it must not, and the
boundary (a period ending on 31 December or starting on 1 January of the checked year).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.report.report import Report
from tests.rules.builder import Data, of_rule

D = dt.date
YEAR_RULES = ("KOMP-JP-MIN", "KIN-SKP-TAHUNAN")


@pytest.fixture(scope="module")
def status(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str]]:
    """Checked year 2025, as of 2026-03-15; nobody below has training or an evaluation."""
    d = Data()
    n: dict[str, str] = {}

    def lazy(**fields: object) -> str:
        return d.pegawai(jp=None, skp=False, **fields)

    # statuses as SIASN writes them, no periods: the status holds for the year
    n["aktif"] = lazy(kedudukan_hukum="Aktif")
    n["aktif_kode"] = lazy(kedudukan_hukum="01")
    n["hukdis"] = lazy(kedudukan_hukum="PNS Kena Hukuman Disiplin")
    n["cltn"] = lazy(kedudukan_hukum="CLTN")
    n["cltn_ejaan"] = lazy(kedudukan_hukum="cuti di luar tanggungan negara")
    n["cltn_perpanjangan"] = lazy(kedudukan_hukum="Perpanjangan CLTN")
    n["tubel"] = lazy(kedudukan_hukum="Tugas Belajar")
    n["tubel_kode"] = lazy(kedudukan_hukum="03")
    n["mpp"] = lazy(kedudukan_hukum="Masa Persiapan Pensiun")
    n["sementara"] = lazy(kedudukan_hukum="Pemberhentian Sementara")
    n["pensiun"] = lazy(kedudukan_hukum="Pensiun")
    # periods recorded in riwayat_cltn decide, whatever the current status
    n["cltn_2025"] = lazy(kedudukan_hukum="Aktif")
    d.cltn(n["cltn_2025"], D(2024, 3, 1), D(2025, 2, 28))
    n["cltn_sampai_31des"] = lazy(kedudukan_hukum="Aktif")  # period ends before 2025: judged
    d.cltn(n["cltn_sampai_31des"], D(2022, 1, 1), D(2024, 12, 31))
    n["cltn_mulai_1jan"] = lazy(kedudukan_hukum="CLTN")  # period starts after 2025: judged
    d.cltn(n["cltn_mulai_1jan"], D(2026, 1, 1), D(2028, 12, 31))
    n["cltn_mulai_31des"] = lazy(kedudukan_hukum="CLTN")  # touches 2025 on its last day
    d.cltn(n["cltn_mulai_31des"], D(2025, 12, 31), None)
    n["cltn_aktif_kembali"] = lazy(kedudukan_hukum="Aktif")  # came back before 2025
    d.cltn(n["cltn_aktif_kembali"], D(2023, 1, 1), D(2026, 12, 31), tanggal_aktif=D(2025, 1, 1))
    n["tubel_2025"] = lazy(kedudukan_hukum="Aktif")
    d.cltn(n["tubel_2025"], D(2023, 9, 1), D(2025, 8, 31), jenis="Tugas Belajar")
    # after 28 February 2026, the deadline of the 2025 evaluation
    report = d.check(tmp_path_factory.mktemp("status") / "kiriman", as_of=D(2026, 3, 15))
    return report, n


JUDGED = ("aktif", "aktif_kode", "hukdis", "cltn_sampai_31des", "cltn_mulai_1jan")
JUDGED += ("cltn_aktif_kembali",)
EXEMPT = ("cltn", "cltn_ejaan", "cltn_perpanjangan", "tubel", "tubel_kode", "mpp", "sementara")
EXEMPT += ("pensiun", "cltn_2025", "cltn_mulai_31des", "tubel_2025")


@pytest.mark.parametrize("rule", YEAR_RULES)
@pytest.mark.parametrize("case", JUDGED)
def test_employees_on_duty_are_judged(
    status: tuple[Report, dict[str, str]], rule: str, case: str
) -> None:
    """Aktif (by name or SIASN code), a PNS serving a penalty, and years outside a recorded
    CLTN period (ending 31 December before, starting 1 January after, or cut short by the
    return to duty) owe their JP and their evaluation."""
    report, n = status
    assert [f.period for f in of_rule(report, rule, n[case])] == ["2025"]


@pytest.mark.parametrize("rule", YEAR_RULES)
@pytest.mark.parametrize("case", EXEMPT)
def test_leave_study_and_end_of_service_are_not_judged(
    status: tuple[Report, dict[str, str]], rule: str, case: str
) -> None:
    """CLTN, tugas belajar, MPP, pemberhentian sementara, pension, and a year that a recorded
    period touches (even on one day) give no JP and no evaluation finding."""
    report, n = status
    assert not of_rule(report, rule, n[case])


def test_siasn_statuses_are_known_values(status: tuple[Report, dict[str, str]]) -> None:
    """No status above is reported as an unknown value."""
    report, _ = status
    assert not [
        f
        for f in report.findings
        if f.column == "kedudukan_hukum" and f.rule != "DATA-KEDUDUKAN-ASUMSI"
    ]


def test_status_without_periods_is_said_once(status: tuple[Report, dict[str, str]]) -> None:
    """Five employees are CLTN or tugas belajar without a period on record (the spelling
    variants and codes included): one information, with the count and the checked year."""
    report, _ = status
    (info,) = of_rule(report, "DATA-KEDUDUKAN-ASUMSI")
    assert (info.severity, info.category) == ("info", "informasi")
    assert info.actual == "5" and info.period == "2025"
    assert info.message.startswith(
        "Sebanyak 5 pegawai tercatat berkedudukan CLTN atau tugas belajar"
    )


def test_no_information_when_every_status_has_its_period(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    d = Data()
    nip = d.pegawai(kedudukan_hukum="CLTN")
    d.cltn(nip, D(2024, 1, 1), D(2026, 6, 30))
    report = d.check(tmp_path_factory.mktemp("lengkap") / "kiriman")
    assert not of_rule(report, "DATA-KEDUDUKAN-ASUMSI")


def test_old_aktif_column_still_maps(tmp_path_factory: pytest.TempPathFactory) -> None:
    """aktif = Tidak is Tidak Aktif; blank is Aktif (judged)."""
    d = Data()
    gone = d.pegawai(jp=None, skp=False, aktif=False)
    blank = d.pegawai(jp=None, skp=False, aktif=None)
    report = d.check(tmp_path_factory.mktemp("aktif") / "kiriman")
    assert not of_rule(report, "KOMP-JP-MIN", gone)
    assert of_rule(report, "KOMP-JP-MIN", blank)


# --- the OPD as the unit of coverage ---------------------------------------------------------


@pytest.fixture(scope="module")
def opd(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str]]:
    """One instansi, two OPD: the education office (two schools under it, via unit_kerja.opd)
    and the BKD (a row's own opd). Checked year 2027, target 70 %."""
    d = Data(years=(2027,))
    n: dict[str, str] = {}
    for school in ("SMA Negeri 2 Kota Bengkulu", "SMK Negeri 1 Kota Bengkulu"):
        d.unit(school, opd="Dinas Pendidikan dan Kebudayaan")
    for index in range(10):  # 5 of 10 teachers meet 20 JP: 50 %
        n[f"guru{index}"] = d.pegawai(
            unit_kerja="SMA Negeri 2 Kota Bengkulu" if index % 2 else "SMK Negeri 1 Kota Bengkulu",
            jabatan="Guru Ahli Pertama",
            jenis_jabatan="Fungsional Ahli Pertama",
            jp=20 if index < 5 else 10,
        )
    for index in range(4):  # all meet it: 100 %
        n[f"bkd{index}"] = d.pegawai(opd="Badan Kepegawaian Daerah", jp=30)
    report = d.check(tmp_path_factory.mktemp("opd") / "kiriman", as_of=D(2028, 1, 15), years=[2027])
    return report, n


def test_coverage_is_per_opd(opd: tuple[Report, dict[str, str]]) -> None:
    """The same instansi, two OPD: only the education office misses the target."""
    report, _ = opd
    (finding,) = of_rule(report, "KOMP-CAKUPAN")
    assert (finding.opd, finding.instansi, finding.actual) == (
        "Dinas Pendidikan dan Kebudayaan",
        "Pemerintah Provinsi Bengkulu",
        "50",
    )
    assert finding.message.startswith("Dinas Pendidikan dan Kebudayaan: baru 50% PNS")


def test_findings_and_employees_name_their_opd(opd: tuple[Report, dict[str, str]]) -> None:
    report, n = opd
    (teacher,) = of_rule(report, "KOMP-JP-MIN", n["guru7"])
    assert teacher.opd == "Dinas Pendidikan dan Kebudayaan"
    assert report.employees == {
        "Badan Kepegawaian Daerah": 4,
        "Dinas Pendidikan dan Kebudayaan": 10,
    }
    assert report.opd_instansi == {
        "Badan Kepegawaian Daerah": "Pemerintah Provinsi Bengkulu",
        "Dinas Pendidikan dan Kebudayaan": "Pemerintah Provinsi Bengkulu",
    }


def test_instansi_naming_an_opd_is_the_opd(tmp_path_factory: pytest.TempPathFactory) -> None:
    """An older file whose instansi column holds the OPD keeps working: the OPD is that name;
    a pemerintah daerah in instansi with no OPD anywhere falls back to the unit kerja."""
    d = Data()
    old = d.pegawai(instansi="Dinas Kesehatan", unit_kerja="Seksi Farmasi", jp=None)
    plain = d.pegawai(jp=None)
    report = d.check(tmp_path_factory.mktemp("lama") / "kiriman")
    assert of_rule(report, "KOMP-JP-MIN", old)[0].opd == "Dinas Kesehatan"
    assert of_rule(report, "KOMP-JP-MIN", plain)[0].opd == "Badan Kepegawaian Daerah"


# --- public feedback where the employee serves the public -----------------------------------


@pytest.fixture(scope="module")
def feedback(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str]]:
    d = Data()
    d.unit("RSUD dr. M. Yunus", pelayanan_publik=True)
    n: dict[str, str] = {}
    rs = {"unit_kerja": "RSUD dr. M. Yunus", "skp": False}
    n["perawat"] = d.pegawai(**rs)
    d.penilaian(n["perawat"], 2025, umpan_balik_masyarakat=False)
    n["perawat_nilai"] = d.pegawai(**rs)
    d.penilaian(n["perawat_nilai"], 2025, umpan_balik_masyarakat=None, nilai_umpan_balik=82.5)
    n["staf_tidak_melayani"] = d.pegawai(melayani_publik=False, **rs)
    d.penilaian(n["staf_tidak_melayani"], 2025, umpan_balik_masyarakat=False)
    n["staf_melayani_ya"] = d.pegawai(melayani_publik=True, **rs)
    d.penilaian(n["staf_melayani_ya"], 2025, umpan_balik_masyarakat=None)
    n["bkd"] = d.pegawai(skp=False)  # not a public-service unit
    d.penilaian(n["bkd"], 2025, umpan_balik_masyarakat=False)
    return d.check(tmp_path_factory.mktemp("umpan") / "kiriman"), n


def test_feedback_missing_in_a_public_service_unit(
    feedback: tuple[Report, dict[str, str]],
) -> None:
    report, n = feedback
    assert {f.nip: f.actual for f in of_rule(report, "KIN-UMPAN-BALIK")} == {
        n["perawat"]: "Tidak",
        n["staf_melayani_ya"]: "kosong",
    }


@pytest.mark.parametrize("case", ["perawat_nilai", "staf_tidak_melayani", "bkd"])
def test_feedback_near_miss(feedback: tuple[Report, dict[str, str]], case: str) -> None:
    """A numeric score records feedback; an employee declared not to serve the public, and a
    unit that is no public service, are not judged."""
    report, n = feedback
    assert not of_rule(report, "KIN-UMPAN-BALIK", n[case])


def test_a_row_whose_nip_intake_cannot_read_owes_nothing(tmp_path: Path) -> None:
    """An 18-digit NIP that Excel turned into 1,98501E+17 is reported by intake; the row is
    not also judged for JP and evaluations of an employee without a NIP (found by the oracle)."""
    d = Data()
    d.pegawai(nip="1.98503E+17", jp=None, skp=False)
    report = d.check(tmp_path / "kiriman")
    assert {f.rule for f in report.findings} == {"SKEMA-NIP-RUSAK"}
