"""KIN-* rules: annual evaluation exists, predikat matrix (domain notes §2.2), community feedback
in public-service units, and the evaluation-coverage targets in force from 2026."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from checker.report.report import Report
from tests.rules.builder import RATINGS, Data, of_rule, project

LAYANAN = "RSUD Dr. M. Yunus"
ATAS, SESUAI, BAWAH = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
# Domain notes §2.2: rows are hasil kerja, columns perilaku kerja
MATRIX = {
    (ATAS, ATAS): "Sangat Baik",
    (ATAS, SESUAI): "Baik",
    (ATAS, BAWAH): "Kurang/Misconduct",
    (SESUAI, ATAS): "Baik",
    (SESUAI, SESUAI): "Baik",
    (SESUAI, BAWAH): "Kurang/Misconduct",
    (BAWAH, ATAS): "Butuh Perbaikan",
    (BAWAH, SESUAI): "Butuh Perbaikan",
    (BAWAH, BAWAH): "Sangat Kurang",
}
PREDIKAT = list(RATINGS)


class Kin:
    report: Report
    nip: dict[str, str]
    row: dict[str, int]  # pegawai rows
    pk_row: dict[str, int]  # penilaian_kinerja rows, by case name


@pytest.fixture(scope="module")
def kin(tmp_path_factory: pytest.TempPathFactory) -> Kin:
    """Checked year 2025, as of 2026-01-15."""
    d = Data()
    n: dict[str, str] = {}
    pk: dict[str, int] = {}

    def next_pk() -> int:
        """Row number of the next penilaian_kinerja row (header is row 1)."""
        return len(d.tables["penilaian_kinerja"]) + 2

    # KIN-SKP-TAHUNAN
    n["ada"] = d.pegawai()
    n["tidak_ada"] = d.pegawai(skp=False)
    n["hanya_2024"] = d.pegawai(skp=False)
    d.penilaian(n["hanya_2024"], 2024)
    n["hanya_periodik"] = d.pegawai(skp=False)
    d.penilaian(n["hanya_periodik"], 2025, periode="semesteran", periode_ke=2)
    n["tmt_1jan"] = d.pegawai(skp=False, tmt_cpns=dt.date(2025, 1, 1))
    n["tmt_2jan"] = d.pegawai(skp=False, tmt_cpns=dt.date(2025, 1, 2))
    n["nonaktif"] = d.pegawai(skp=False, aktif=False)
    n["aktif_kosong"] = d.pegawai(skp=False, aktif=None)  # schema: blank counts as Ya
    n["pppk"] = d.pegawai(
        skp=False,
        status_kepegawaian="PPPK",
        golongan="IX",
        jenis_jabatan="Fungsional Ahli Pertama",
        tmt_cpns=dt.date(2022, 3, 1),
    )
    # KIN-PREDIKAT: every cell of the matrix, once right and once wrong
    for index, ((hasil, perilaku), predikat) in enumerate(MATRIX.items()):
        right = d.pegawai(skp=False)
        d.penilaian(right, 2025, predikat=predikat, hasil_kerja=hasil, perilaku_kerja=perilaku)
        n[f"benar{index}"] = right
        wrong = d.pegawai(skp=False)
        pk[f"salah{index}"] = next_pk()
        other = PREDIKAT[(PREDIKAT.index(predikat) + 1) % len(PREDIKAT)]
        d.penilaian(wrong, 2025, predikat=other, hasil_kerja=hasil, perilaku_kerja=perilaku)
        n[f"salah{index}"] = wrong
    n["kurang_ditulis_singkat"] = d.pegawai(skp=False)
    d.penilaian(
        n["kurang_ditulis_singkat"],
        2025,
        predikat="Kurang",
        hasil_kerja=SESUAI,
        perilaku_kerja=BAWAH,
    )
    n["salah_2020"] = d.pegawai()  # an old record is judged as well
    pk["salah_2020"] = next_pk()
    d.penilaian(
        n["salah_2020"], 2020, predikat="Sangat Baik", hasil_kerja=SESUAI, perilaku_kerja=SESUAI
    )
    # KIN-UMPAN-BALIK
    d.unit(LAYANAN, pelayanan_publik=True)
    for case, feedback in (("ub_tidak", False), ("ub_kosong", None), ("ub_ya", True)):
        n[case] = d.pegawai(skp=False, unit_kerja=LAYANAN)
        pk[case] = next_pk()
        d.penilaian(n[case], 2025, umpan_balik_masyarakat=feedback)
    n["ub_bukan_layanan"] = d.pegawai(skp=False)
    d.penilaian(n["ub_bukan_layanan"], 2025, umpan_balik_masyarakat=False)
    n["ub_tanpa_evaluasi"] = d.pegawai(skp=False, unit_kerja=LAYANAN)
    n["ub_tahun_lain"] = d.pegawai(unit_kerja=LAYANAN)
    d.penilaian(n["ub_tahun_lain"], 2024, umpan_balik_masyarakat=False)
    n["ub_periodik"] = d.pegawai(unit_kerja=LAYANAN)
    d.penilaian(
        n["ub_periodik"], 2025, periode="triwulanan", periode_ke=1, umpan_balik_masyarakat=False
    )

    out = Kin()
    # 15 March 2026: 2025 closed and its evaluation deadline (28 February) passed
    out.report = d.check(tmp_path_factory.mktemp("kin") / "kiriman", as_of=dt.date(2026, 3, 15))
    out.nip, out.row, out.pk_row = n, dict(d.row_of), pk
    return out


# --- KIN-SKP-TAHUNAN --------------------------------------------------------------------------


def test_skp_tahunan_breach(kin: Kin) -> None:
    expected = [
        (
            "KIN-SKP-TAHUNAN",
            kin.row[kin.nip[k]],
            kin.nip[k],
            "2025",
            "evaluasi kinerja tahunan",
            "tidak ada",
        )
        for k in (
            "tidak_ada",
            "hanya_2024",
            "hanya_periodik",
            "tmt_1jan",
            "aktif_kosong",
            "pppk",
            "ub_tanpa_evaluasi",
        )
    ]
    assert project(kin.report, "KIN-SKP-TAHUNAN") == expected
    finding = of_rule(kin.report, "KIN-SKP-TAHUNAN", kin.nip["tidak_ada"])[0]
    assert finding.severity == "error"
    assert "tidak memiliki evaluasi kinerja tahunan untuk tahun 2025" in finding.message


def test_skp_tahunan_boundary_evaluation_in_checked_year(kin: Kin) -> None:
    assert not of_rule(kin.report, "KIN-SKP-TAHUNAN", kin.nip["ada"])
    assert of_rule(kin.report, "KIN-SKP-TAHUNAN", kin.nip["hanya_2024"])


@pytest.mark.parametrize("case", ["tmt_2jan", "nonaktif"])
def test_skp_tahunan_near_miss_not_in_population(kin: Kin, case: str) -> None:
    """In service only after 1 January, or no longer active: no evaluation is required."""
    assert not of_rule(kin.report, "KIN-SKP-TAHUNAN", kin.nip[case])


# --- KIN-PREDIKAT -----------------------------------------------------------------------------


def test_predikat_breach(kin: Kin) -> None:
    expected = []
    for index, predikat in enumerate(MATRIX.values()):
        case = f"salah{index}"
        wrong = PREDIKAT[(PREDIKAT.index(predikat) + 1) % len(PREDIKAT)]
        expected.append(("KIN-PREDIKAT", kin.pk_row[case], kin.nip[case], "2025", predikat, wrong))
    expected.insert(
        0,
        (
            "KIN-PREDIKAT",
            kin.pk_row["salah_2020"],
            kin.nip["salah_2020"],
            "2020",
            "Baik",
            "Sangat Baik",
        ),
    )
    assert sorted(project(kin.report, "KIN-PREDIKAT"), key=lambda p: p[1] or 0) == sorted(
        expected, key=lambda p: p[1] or 0
    )
    finding = of_rule(kin.report, "KIN-PREDIKAT", kin.nip["salah0"])[0]
    assert finding.table == "penilaian_kinerja" and finding.column == "predikat"
    assert finding.message.startswith(
        f"Sdr. {_nama(kin, 'salah0')} (NIP {kin.nip['salah0']}) tercatat memperoleh "
        "predikat kinerja Baik pada evaluasi kinerja tahunan untuk tahun 2025, padahal kombinasi "
        "rating hasil kerja dan rating perilaku kerjanya menghasilkan predikat Sangat Baik "
        "sebagaimana diatur dalam Pasal "
    )
    # the operator has the predikat re-determined or corrects the entry, never "fixes" it
    assert "mintakan penetapan ulang predikat kinerja kepada pejabat penilai kinerja" in (
        finding.message
    )


@pytest.mark.parametrize("index", range(9), ids=[f"{h[:8]}-{p[:8]}" for h, p in MATRIX])
def test_predikat_all_nine_consistent_combinations(kin: Kin, index: int) -> None:
    assert not of_rule(kin.report, "KIN-PREDIKAT", kin.nip[f"benar{index}"])
    assert of_rule(kin.report, "KIN-PREDIKAT", kin.nip[f"salah{index}"])


def test_predikat_near_miss_short_spelling(kin: Kin) -> None:
    """ "Kurang" is the common export spelling of Kurang/Misconduct."""
    assert not of_rule(kin.report, "KIN-PREDIKAT", kin.nip["kurang_ditulis_singkat"])


def test_predikat_matrix_is_the_domain_matrix() -> None:
    assert len(MATRIX) == 9 and set(itertools.chain(*MATRIX)) == {ATAS, SESUAI, BAWAH}
    assert {MATRIX[ratings] for ratings in RATINGS.values()} == set(RATINGS)


# --- KIN-UMPAN-BALIK --------------------------------------------------------------------------


def test_umpan_balik_breach(kin: Kin) -> None:
    assert project(kin.report, "KIN-UMPAN-BALIK") == [
        ("KIN-UMPAN-BALIK", kin.pk_row["ub_tidak"], kin.nip["ub_tidak"], "2025", "Ya", "Tidak"),
        ("KIN-UMPAN-BALIK", kin.pk_row["ub_kosong"], kin.nip["ub_kosong"], "2025", "Ya", "kosong"),
    ]
    assert {f.severity for f in of_rule(kin.report, "KIN-UMPAN-BALIK")} == {"warning"}


def test_umpan_balik_near_miss_recorded_or_not_a_service_unit(kin: Kin) -> None:
    assert not of_rule(kin.report, "KIN-UMPAN-BALIK", kin.nip["ub_ya"])
    assert not of_rule(kin.report, "KIN-UMPAN-BALIK", kin.nip["ub_bukan_layanan"])


def test_umpan_balik_boundary_only_existing_annual_evaluation_of_checked_year(kin: Kin) -> None:
    """A missing evaluation is KIN-SKP-TAHUNAN's finding; other years and periodic
    evaluations are not judged."""
    nip = kin.nip["ub_tanpa_evaluasi"]
    assert not of_rule(kin.report, "KIN-UMPAN-BALIK", nip)
    assert of_rule(kin.report, "KIN-SKP-TAHUNAN", nip)
    assert not of_rule(kin.report, "KIN-UMPAN-BALIK", kin.nip["ub_tahun_lain"])
    assert not of_rule(kin.report, "KIN-UMPAN-BALIK", kin.nip["ub_periodik"])


def _nama(kin: Kin, case: str) -> str:
    return f"Pegawai {kin.row[kin.nip[case]] - 1}"


# --- KIN-CAKUPAN: targets 90 % (2027), 95 % (2028), none before 2027 ---------------------------


def _instansi(d: Data, name: str, evaluated: dict[int, int], size: int) -> None:
    """``size`` employees of one instansi; in each year the first ``evaluated[year]`` have an
    annual evaluation."""
    d.unit("Sekretariat", instansi=name)
    for index in range(size):
        years = tuple(year for year, count in evaluated.items() if index < count)
        d.pegawai(instansi=name, unit_kerja="Sekretariat", skp=years)


@pytest.fixture(scope="module")
def cakupan(tmp_path_factory: pytest.TempPathFactory) -> Report:
    d = Data(years=(2026, 2027, 2028))
    _instansi(d, "Instansi A", {2026: 0, 2027: 9, 2028: 19}, 20)  # 45 %, 95 % (2028)
    _instansi(d, "Instansi B", {2026: 10, 2027: 8, 2028: 10}, 10)  # 80 % < 90 % in 2027
    _instansi(d, "Instansi C", {2026: 20, 2027: 20, 2028: 18}, 20)  # 90 % < 95 % in 2028
    _instansi(d, "Instansi D", {2026: 10, 2027: 9, 2028: 10}, 10)  # 90 % in 2027
    return d.check(tmp_path_factory.mktemp("kin-cakupan") / "kiriman", as_of=dt.date(2029, 3, 15))


def test_kin_cakupan_breach(cakupan: Report) -> None:
    assert [
        (f.instansi, *p)
        for f, p in zip(
            of_rule(cakupan, "KIN-CAKUPAN"), project(cakupan, "KIN-CAKUPAN"), strict=True
        )
    ] == [
        ("Instansi A", "KIN-CAKUPAN", None, None, "2027", "90", "45"),
        ("Instansi B", "KIN-CAKUPAN", None, None, "2027", "90", "80"),
        ("Instansi C", "KIN-CAKUPAN", None, None, "2028", "95", "90"),
    ]
    c = next(f for f in of_rule(cakupan, "KIN-CAKUPAN") if f.instansi == "Instansi C")
    assert c.expected_since == "2028-01-01" and c.severity == "warning"
    assert c.message.startswith(
        "Instansi C: baru 90% Pegawai ASN yang memiliki evaluasi kinerja tahunan untuk tahun 2028, "
        "sedangkan targetnya paling sedikit 95% (sembilan puluh lima persen) sebagaimana "
        "ditetapkan dalam Pasal "
    )


def test_kin_cakupan_boundary_exactly_at_target(cakupan: Report) -> None:
    found = {(f.instansi, f.period) for f in of_rule(cakupan, "KIN-CAKUPAN")}
    assert ("Instansi D", "2027") not in found  # 9 of 10 = 90 %
    assert ("Instansi A", "2028") not in found  # 19 of 20 = 95 %


def test_kin_cakupan_near_miss_no_target_before_2026(cakupan: Report) -> None:
    assert not [f for f in of_rule(cakupan, "KIN-CAKUPAN") if f.period == "2026"]
    assert len([f for f in of_rule(cakupan, "KIN-SKP-TAHUNAN") if f.period == "2026"]) == 20
