"""KAR-* rules: regular promotion (domain notes §3b: 4 years in rank, Baik in the 2 preceding
years, no sedang/berat penalty, education ceiling), BUP (§3d) and Satyalancana (§3e)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.report.report import Report
from tests.rules.builder import Data, of_rule, project

D = dt.date
PREVIOUS, TMT = D(2021, 4, 1), D(2025, 4, 1)  # 4 years in rank exactly


class Kar:
    report: Report
    nip: dict[str, str]
    kp_row: dict[str, int]  # riwayat_pangkat row of the promotion under test
    award_row: dict[str, int]


def _promotion(
    d: Data,
    *,
    previous: dt.date = PREVIOUS,
    tmt: dt.date = TMT,
    golongan: str = "III/c",
    jenis_kp: str = "reguler",
    predikat: dict[int, str | None] | None = None,
    **fields: object,
) -> tuple[str, int]:
    """An employee promoted to ``golongan`` on ``tmt`` (previous rank since ``previous``),
    with annual predikat per year (default Baik in 2023 and 2024; None: no evaluation)."""
    nip = d.pegawai(golongan=golongan, **fields)
    d.pangkat(nip, "III/a", D(2010, 1, 1), "pengangkatan")
    d.pangkat(nip, "III/b", previous, "reguler")
    row = d.pangkat(nip, golongan, tmt, jenis_kp)
    for year, value in sorted((predikat or {2023: "Baik", 2024: "Baik"}).items()):
        if value is not None:
            d.penilaian(nip, year, predikat=value)
    return nip, row


@pytest.fixture(scope="module")
def kar(tmp_path_factory: pytest.TempPathFactory) -> Kar:
    """Checked year 2025, as of 2026-01-15."""
    d = Data()
    n: dict[str, str] = {}
    kp: dict[str, int] = {}
    award: dict[str, int] = {}

    def promote(case: str, **kwargs: object) -> None:
        n[case], kp[case] = _promotion(d, **kwargs)

    # KAR-KP-MASA (previous rank 1 April 2021: 4 years on 1 April 2025)
    promote("masa_tepat")
    promote("masa_kurang_sehari", tmt=D(2025, 3, 31))
    promote("masa_pilihan", previous=D(2023, 4, 1), jenis_kp="pilihan")
    promote(
        "masa_tahun_lain",
        previous=D(2020, 4, 1),
        tmt=D(2024, 3, 1),
        predikat={2022: "Baik", 2023: "Baik"},
    )
    # KAR-KP-PREDIKAT (TMT 2025: predikat 2023 and 2024)
    promote("pred_baik", predikat={2023: "Baik", 2024: "Sangat Baik"})
    promote("pred_bp", predikat={2023: "Baik", 2024: "Butuh Perbaikan"})
    promote("pred_kurang", predikat={2023: "Kurang/Misconduct", 2024: "Baik"})
    promote("pred_2023_hilang", predikat={2024: "Baik"})
    promote("pred_tidak_ada", predikat={2023: None})
    promote("pred_2025_tak_dihitung", predikat={2022: "Baik", 2024: "Baik"})
    promote("pred_pilihan", jenis_kp="pilihan", predikat={2023: None})
    # KAR-KP-HUKDIS
    promote("hukdis_hari_pertama")
    d.hukdis(n["hukdis_hari_pertama"], "sedang", D(2025, 4, 1), D(2026, 3, 31))
    promote("hukdis_hari_terakhir", tmt=D(2025, 4, 1))
    d.hukdis(n["hukdis_hari_terakhir"], "berat", D(2024, 4, 1), D(2025, 4, 1))
    promote("hukdis_hari_sesudah", tmt=D(2025, 4, 2))
    d.hukdis(n["hukdis_hari_sesudah"], "sedang", D(2024, 4, 2), D(2025, 4, 1))
    promote("hukdis_ringan")
    d.hukdis(n["hukdis_ringan"], "ringan", D(2025, 1, 1), D(2025, 12, 31))
    promote("hukdis_berjalan", jenis_kp="pilihan")
    d.hukdis(n["hukdis_berjalan"], "berat", D(2024, 6, 1), None)
    # KAR-KP-PLAFON (domain notes §3.3)
    promote("plafon_s1_batas", golongan="III/d")
    promote("plafon_s1_lewat", golongan="IV/a")
    promote("plafon_s1_pilihan", golongan="IV/a", jenis_kp="pilihan")
    promote("plafon_slta_lewat", golongan="III/c", pendidikan="SLTA")
    promote("plafon_d1_lewat", golongan="III/c", pendidikan="D-I")
    promote("plafon_d3_batas", golongan="III/c", pendidikan="D-III")
    promote("plafon_s2_batas", golongan="IV/a", pendidikan="S-2")
    promote("plafon_spesialis", golongan="IV/b", pendidikan="Spesialis")
    # KAR-SATYALANCANA
    for case, tmt, jenis, tanggal in (
        ("x_tepat", D(2015, 3, 1), "Satyalancana Karya Satya X", D(2025, 3, 1)),
        ("x_kurang_sehari", D(2015, 3, 1), "Satyalancana Karya Satya X", D(2025, 2, 28)),
        ("xx_kurang_sehari", D(2005, 3, 1), "Satyalancana Karya Satya XX", D(2025, 2, 28)),
        ("xxx_tepat", D(1995, 3, 1), "Satyalancana Karya Satya XXX", D(2025, 3, 1)),
        ("teladan", D(2024, 3, 1), "Pegawai Teladan", D(2025, 3, 1)),
        ("x_hukdis_sedang", D(2010, 1, 1), "Satyalancana Karya Satya X", D(2021, 1, 4)),
        ("x_hukdis_ringan", D(2010, 1, 1), "Satyalancana Karya Satya X", D(2021, 1, 4)),
        ("x_hukdis_sesudah", D(2010, 1, 1), "Satyalancana Karya Satya X", D(2021, 1, 4)),
    ):
        lahir = D(tmt.year - 25, 5, 17)
        n[case] = d.pegawai(tmt_cpns=tmt, tanggal_lahir=lahir, jp=None if tmt.year >= 2025 else 20)
        award[case] = d.penghargaan(n[case], jenis, tanggal)
    d.hukdis(n["x_hukdis_sedang"], "sedang", D(2018, 1, 1), D(2018, 12, 31))
    d.hukdis(n["x_hukdis_ringan"], "ringan", D(2018, 1, 1), None)
    d.hukdis(n["x_hukdis_sesudah"], "berat", D(2021, 1, 5), D(2022, 1, 4))

    out = Kar()
    out.report = d.check(tmp_path_factory.mktemp("kar") / "kiriman")
    out.nip, out.kp_row, out.award_row = n, kp, award
    return out


def _kp(kar: Kar, case: str, rule: str, period: str, expected: str, actual: str) -> tuple:
    return (rule, kar.kp_row[case], kar.nip[case], period, expected, actual)


# --- KAR-KP-MASA ------------------------------------------------------------------------------


def test_kp_masa_breach(kar: Kar) -> None:
    assert project(kar.report, "KAR-KP-MASA") == [
        _kp(
            kar,
            "masa_kurang_sehari",
            "KAR-KP-MASA",
            "2025",
            "4",
            "2025-03-31 (TMT pangkat sebelumnya 2021-04-01)",
        )
    ]
    (finding,) = of_rule(kar.report, "KAR-KP-MASA")
    assert finding.expected_since == "2002-04-17"
    # a KP was decided by BKN: a mismatch is a record to verify, not the agency's breach
    assert (finding.severity, finding.category) == ("warning", "verifikasi")
    assert "belum mencapai 4 (empat) tahun" in finding.message


def test_kp_masa_boundary_exactly_four_years(kar: Kar) -> None:
    assert not of_rule(kar.report, "KAR-KP-MASA", kar.nip["masa_tepat"])
    assert of_rule(kar.report, "KAR-KP-MASA", kar.nip["masa_kurang_sehari"])


@pytest.mark.parametrize("case", ["masa_pilihan", "masa_tahun_lain"])
def test_kp_masa_near_miss(kar: Kar, case: str) -> None:
    """KP pilihan (2 years) and a promotion outside the checked year are not judged."""
    assert not of_rule(kar.report, "KAR-KP-MASA", kar.nip[case])


# --- KAR-KP-PREDIKAT --------------------------------------------------------------------------


def test_kp_predikat_breach(kar: Kar) -> None:
    assert project(kar.report, "KAR-KP-PREDIKAT") == [
        _kp(kar, case, "KAR-KP-PREDIKAT", "2025", "Baik", actual)
        for case, actual in (
            ("pred_bp", "2023: Baik, 2024: Butuh Perbaikan"),
            ("pred_kurang", "2023: Kurang/Misconduct, 2024: Baik"),
            ("pred_2023_hilang", "2024: Baik"),
            ("pred_tidak_ada", "tidak ada penilaian"),
            ("pred_2025_tak_dihitung", "2024: Baik"),
        )
    ]
    finding = of_rule(kar.report, "KAR-KP-PREDIKAT", kar.nip["pred_bp"])[0]
    assert finding.expected_since == "2022-03-14"


def test_kp_predikat_boundary_missing_evaluation_counts_as_below(kar: Kar) -> None:
    assert of_rule(kar.report, "KAR-KP-PREDIKAT", kar.nip["pred_2023_hilang"])
    assert of_rule(kar.report, "KAR-KP-PREDIKAT", kar.nip["pred_tidak_ada"])
    assert not of_rule(kar.report, "KAR-KP-PREDIKAT", kar.nip["masa_tepat"])  # Baik, Baik


@pytest.mark.parametrize("case", ["pred_baik", "pred_pilihan"])
def test_kp_predikat_near_miss(kar: Kar, case: str) -> None:
    """Baik and Sangat Baik both qualify; KP pilihan is not judged."""
    assert not of_rule(kar.report, "KAR-KP-PREDIKAT", kar.nip[case])


# --- KAR-KP-HUKDIS ----------------------------------------------------------------------------


def test_kp_hukdis_breach(kar: Kar) -> None:
    assert project(kar.report, "KAR-KP-HUKDIS") == [
        _kp(
            kar,
            "hukdis_hari_pertama",
            "KAR-KP-HUKDIS",
            "2025",
            "di luar masa hukuman disiplin sedang 2025-04-01 s.d. 2026-03-31",
            "2025-04-01",
        ),
        _kp(
            kar,
            "hukdis_hari_terakhir",
            "KAR-KP-HUKDIS",
            "2025",
            "di luar masa hukuman disiplin berat 2024-04-01 s.d. 2025-04-01",
            "2025-04-01",
        ),
        _kp(
            kar,
            "hukdis_berjalan",
            "KAR-KP-HUKDIS",
            "2025",
            "di luar masa hukuman disiplin berat 2024-06-01 s.d. 2025-05-31 (TMT selesai tidak "
            "tercatat; dihitung 12 bulan sejak TMT mulai)",
            "2025-04-01",
        ),
    ]


def test_kp_hukdis_boundary_first_and_last_day_inside_day_after_not(kar: Kar) -> None:
    assert of_rule(kar.report, "KAR-KP-HUKDIS", kar.nip["hukdis_hari_pertama"])
    assert of_rule(kar.report, "KAR-KP-HUKDIS", kar.nip["hukdis_hari_terakhir"])
    assert not of_rule(kar.report, "KAR-KP-HUKDIS", kar.nip["hukdis_hari_sesudah"])


def test_kp_hukdis_near_miss_ringan(kar: Kar) -> None:
    assert not of_rule(kar.report, "KAR-KP-HUKDIS", kar.nip["hukdis_ringan"])


# --- KAR-KP-PLAFON ----------------------------------------------------------------------------


def test_kp_plafon_breach(kar: Kar) -> None:
    assert project(kar.report, "KAR-KP-PLAFON") == [
        _kp(kar, "plafon_s1_lewat", "KAR-KP-PLAFON", "2025", "III/d", "IV/a (pendidikan S-1)"),
        _kp(kar, "plafon_slta_lewat", "KAR-KP-PLAFON", "2025", "III/b", "III/c (pendidikan SLTA)"),
        _kp(kar, "plafon_d1_lewat", "KAR-KP-PLAFON", "2025", "III/b", "III/c (pendidikan D-I)"),
    ]
    assert {f.severity for f in of_rule(kar.report, "KAR-KP-PLAFON")} == {"warning"}


@pytest.mark.parametrize("case", ["plafon_s1_batas", "plafon_d3_batas", "plafon_s2_batas"])
def test_kp_plafon_boundary_at_the_ceiling(kar: Kar, case: str) -> None:
    assert not of_rule(kar.report, "KAR-KP-PLAFON", kar.nip[case])


@pytest.mark.parametrize("case", ["plafon_s1_pilihan", "plafon_spesialis"])
def test_kp_plafon_near_miss(kar: Kar, case: str) -> None:
    """KP pilihan is not bound by the ceiling; Spesialis has no ceiling in the table."""
    assert not of_rule(kar.report, "KAR-KP-PLAFON", kar.nip[case])


# --- KAR-SATYALANCANA -------------------------------------------------------------------------


def _award(kar: Kar, case: str, expected: str, actual: str) -> tuple:
    return (
        "KAR-SATYALANCANA",
        kar.award_row[case],
        kar.nip[case],
        actual[-10:-6],
        expected,
        actual,
    )


def test_satyalancana_breach(kar: Kar) -> None:
    clean = "tidak pernah dijatuhi hukuman disiplin sedang atau berat"
    assert project(kar.report, "KAR-SATYALANCANA") == [
        _award(
            kar,
            "x_kurang_sehari",
            "masa bakti paling singkat 10 tahun (baru terpenuhi pada 2025-03-01)",
            "Satyalancana Karya Satya X tanggal 2025-02-28",
        ),
        _award(
            kar,
            "xx_kurang_sehari",
            "masa bakti paling singkat 20 tahun (baru terpenuhi pada 2025-03-01)",
            "Satyalancana Karya Satya XX tanggal 2025-02-28",
        ),
        _award(kar, "x_hukdis_sedang", clean, "Satyalancana Karya Satya X tanggal 2021-01-04"),
    ]
    finding = of_rule(kar.report, "KAR-SATYALANCANA", kar.nip["x_kurang_sehari"])[0]
    assert finding.expected_since == "2010-02-12"
    # conferred by Keputusan Presiden: a record to verify
    assert (finding.severity, finding.category) == ("warning", "verifikasi")


def test_satyalancana_boundary_exactly_ten_and_thirty_years(kar: Kar) -> None:
    assert not of_rule(kar.report, "KAR-SATYALANCANA", kar.nip["x_tepat"])
    assert of_rule(kar.report, "KAR-SATYALANCANA", kar.nip["x_kurang_sehari"])
    assert not of_rule(kar.report, "KAR-SATYALANCANA", kar.nip["xxx_tepat"])


@pytest.mark.parametrize("case", ["teladan", "x_hukdis_ringan", "x_hukdis_sesudah"])
def test_satyalancana_near_miss(kar: Kar, case: str) -> None:
    """Other awards, a ringan penalty, and a penalty after the award are not findings."""
    assert not of_rule(kar.report, "KAR-SATYALANCANA", kar.nip[case])


# --- KAR-BUP: retirement on the first day of the month after the birthday month -------------

BUP_CASES = {
    # case: (jenis_jabatan, tanggal_lahir, BUP, found on 2026-06-30, found on 2026-07-01)
    "pelaksana_juni": ("Pelaksana", D(1968, 6, 15), 58, False, True),
    "pelaksana_juli": ("Pelaksana", D(1968, 7, 1), 58, False, False),
    "pelaksana_mei": ("Pelaksana", D(1968, 5, 31), 58, True, True),
    "pengawas_juni": ("Pengawas", D(1968, 6, 30), 58, False, True),
    "jpt_60": ("JPT Pratama", D(1966, 6, 15), 60, False, True),
    "jpt_58": ("JPT Pratama", D(1968, 6, 15), 60, False, False),
    "ahli_utama_65": ("Fungsional Ahli Utama", D(1961, 6, 15), 65, False, True),
    "ahli_utama_60": ("Fungsional Ahli Utama", D(1966, 6, 15), 65, False, False),
    "ahli_madya_60": ("Fungsional Ahli Madya", D(1966, 6, 15), 60, False, True),
    "ahli_madya_58": ("Fungsional Ahli Madya", D(1968, 6, 15), 60, False, False),
    "ahli_muda_58": ("Fungsional Ahli Muda", D(1968, 6, 15), 58, False, True),
    "terampil_58": ("Fungsional Terampil", D(1968, 6, 15), 58, False, True),
    "aktif_kosong": ("Pelaksana", D(1968, 6, 15), 58, False, True),  # blank aktif counts as Ya
    # teachers (every level, and a kepala sekolah) retire at 60, lecturers at 65 (Pasal 240)
    "guru_muda_58": ("Fungsional Ahli Muda", D(1968, 6, 15), 60, False, False),
    "guru_pertama_59": ("Fungsional Ahli Pertama", D(1967, 1, 20), 60, False, False),
    "guru_60_juni": ("Fungsional Ahli Muda", D(1966, 6, 15), 60, False, True),
    "guru_60_juli": ("Fungsional Ahli Muda", D(1966, 7, 1), 60, False, False),
    "guru_60_mei": ("Fungsional Ahli Pertama", D(1966, 5, 31), 60, True, True),
    "kepsek_60": ("Fungsional Ahli Madya", D(1966, 6, 15), 60, False, True),
    "dosen_64": ("Fungsional Ahli Madya", D(1962, 1, 10), 65, False, False),
    "dosen_65": ("Fungsional Ahli Madya", D(1961, 6, 15), 65, False, True),
    # still a civil servant while on leave: the retirement age still applies
    "cltn_58": ("Pelaksana", D(1968, 5, 31), 58, True, True),
}
JABATAN = {
    "guru_muda_58": "Guru Ahli Muda",
    "guru_pertama_59": "GURU AHLI PERTAMA",
    "guru_60_juni": "Guru Ahli Muda",
    "guru_60_juli": "Guru Kelas Ahli Muda",
    "guru_60_mei": "Guru Ahli Pertama",
    "kepsek_60": "Kepala Sekolah",
    "dosen_64": "Dosen Lektor Kepala",
    "dosen_65": "Dosen Lektor Kepala",
}
KEDUDUKAN = {"cltn_58": "CLTN"}


@pytest.fixture(scope="module")
def bup(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Report], dict[str, str], dict[str, int]]:
    d = Data()
    n: dict[str, str] = {}
    for case, (jabatan, lahir, *_) in BUP_CASES.items():
        n[case] = d.pegawai(
            jenis_jabatan=jabatan,
            jabatan=JABATAN.get(case, "Analis Sumber Daya Manusia"),
            tanggal_lahir=lahir,
            tmt_cpns=D(1995, 3, 1),
            aktif=None if case == "aktif_kosong" else True,
            kedudukan_hukum=KEDUDUKAN.get(case),
        )
    n["nonaktif"] = d.pegawai(tanggal_lahir=D(1960, 1, 1), tmt_cpns=D(1990, 3, 1), aktif=False)
    # SIASN statuses of people who already left: not reported
    n["pensiun"] = d.pegawai(
        tanggal_lahir=D(1960, 1, 1), tmt_cpns=D(1990, 3, 1), kedudukan_hukum="Pensiun"
    )
    n["bup_kode"] = d.pegawai(
        tanggal_lahir=D(1960, 1, 1), tmt_cpns=D(1990, 3, 1), kedudukan_hukum="98"
    )
    # the employee's kedudukan_hukum wins over the old aktif column
    n["aktif_tapi_pensiun"] = d.pegawai(
        tanggal_lahir=D(1960, 1, 1), tmt_cpns=D(1990, 3, 1), aktif=True, kedudukan_hukum="Pensiun"
    )
    n["guru_pelaksana_kosong"] = d.pegawai(
        jenis_jabatan="Pelaksana",
        jabatan="Guru",
        tanggal_lahir=D(1967, 3, 3),
        tmt_cpns=D(1995, 3, 1),
    )
    n["pppk"] = d.pegawai(
        tanggal_lahir=D(1960, 1, 1),
        tmt_cpns=D(2022, 3, 1),
        status_kepegawaian="PPPK",
        golongan="IX",
    )
    reports = {}
    for as_of in (D(2026, 6, 30), D(2026, 7, 1)):
        folder = tmp_path_factory.mktemp(f"bup-{as_of:%m%d}") / "kiriman"
        reports[as_of.isoformat()] = d.check(folder, as_of=as_of, years=[2025])
    return reports, n, d.row_of


def test_bup_breach(bup: tuple[dict[str, Report], dict[str, str], dict[str, int]]) -> None:
    reports, n, row = bup

    def retired(case: str, lahir: dt.date, age: int) -> str:
        month = D(lahir.year + age, lahir.month, 1)
        following = D(month.year + month.month // 12, month.month % 12 + 1, 1)
        status = KEDUDUKAN.get(case, "Aktif")
        return f"TMT pensiun {following.isoformat()}, kedudukan hukum tercatat {status}"

    for as_of, column in (("2026-06-30", 3), ("2026-07-01", 4)):
        expected = [
            ("KAR-BUP", row[n[case]], n[case], None, str(spec[2]), retired(case, spec[1], spec[2]))
            for case, spec in BUP_CASES.items()
            if spec[column]
        ]
        assert project(reports[as_of], "KAR-BUP") == expected, as_of
    finding = of_rule(reports["2026-07-01"], "KAR-BUP", n["pelaksana_juni"])[0]
    assert finding.expected_since == "2017-04-07"
    # pension is decided by BKN: a record to verify, not the agency's breach
    assert (finding.severity, finding.category) == ("warning", "verifikasi")
    assert "TMT pensiun 1 Juli 2026" in finding.message
    assert "58 (lima puluh delapan) tahun" in finding.message
    assert "usulkan pemberhentian dengan hak pensiun melalui BKD" in finding.message
    guru = of_rule(reports["2026-07-01"], "KAR-BUP", n["guru_60_juni"])[0]
    assert guru.expected == "60" and "60 (enam puluh) tahun" in guru.message


def test_bup_boundary_birthday_month_vs_first_day_of_next_month(
    bup: tuple[dict[str, Report], dict[str, str], dict[str, int]],
) -> None:
    """A Pelaksana turning 58 on 15 June 2026 still works in June; from 1 July he is retired.
    So is a Guru turning 60 on 15 June 2026, while one born on 1 July 1966 works through July."""
    reports, n, _ = bup
    assert not of_rule(reports["2026-06-30"], "KAR-BUP", n["pelaksana_juni"])
    assert of_rule(reports["2026-07-01"], "KAR-BUP", n["pelaksana_juni"])
    assert not of_rule(reports["2026-06-30"], "KAR-BUP", n["guru_60_juni"])
    assert of_rule(reports["2026-07-01"], "KAR-BUP", n["guru_60_juni"])
    assert not of_rule(reports["2026-07-01"], "KAR-BUP", n["guru_60_juli"])


@pytest.mark.parametrize(
    "case",
    [
        "nonaktif",
        "pppk",
        "jpt_58",
        "ahli_madya_58",
        "guru_muda_58",
        "guru_pertama_59",
        "dosen_64",
        "pensiun",
        "bup_kode",
        "aktif_tapi_pensiun",
        "guru_pelaksana_kosong",
    ],
)
def test_bup_near_miss(
    bup: tuple[dict[str, Report], dict[str, str], dict[str, int]], case: str
) -> None:
    """Inactive (by aktif or by SIASN kedudukan hukum), PPPK, a 58-year-old JPT / JF ahli madya
    (BUP 60), teachers aged 58-59 whatever their jenis jabatan (BUP 60), and a 64-year-old
    lecturer (BUP 65) are not findings."""
    reports, n, _ = bup
    assert not of_rule(reports["2026-07-01"], "KAR-BUP", n[case])
