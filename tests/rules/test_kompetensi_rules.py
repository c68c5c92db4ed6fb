"""KOMP-* rules: 20 JP floor for PNS (domain notes §1.1), 24 JP cap for PPPK (§1.4), and the
provincial coverage targets in force from 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.report.report import Report
from tests.rules.builder import Data, of_rule, project

PPPK = {
    "status_kepegawaian": "PPPK",
    "golongan": "IX",
    "jenis_jabatan": "Fungsional Ahli Pertama",
    # a contract starting on 1 January: its contract years are the calendar years (contract
    # years that are not are tested in test_jatuh_tempo.py)
    "tmt_cpns": dt.date(2022, 1, 1),
    "tanggal_lahir": dt.date(1995, 1, 1),
}


@pytest.fixture(scope="module")
def jp(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str], dict[str, int]]:
    """Checked year 2025, as of 2026-01-15."""
    d = Data()
    n: dict[str, str] = {}
    # KOMP-JP-MIN
    n["jp20"] = d.pegawai(jp=20)
    n["jp19"] = d.pegawai(jp=19)
    n["split"] = d.pegawai(jp=12)
    d.pelatihan(n["split"], 8, dt.date(2025, 11, 30))
    n["selesai_2025"] = d.pegawai(jp=None)  # started in 2024, counted in the year it ends
    d.pelatihan(n["selesai_2025"], 20, dt.date(2025, 1, 2), tanggal_mulai=dt.date(2024, 12, 28))
    n["selesai_2024"] = d.pegawai(jp=None)
    d.pelatihan(n["selesai_2024"], 40, dt.date(2024, 12, 31))
    d.pelatihan(n["selesai_2024"], 40, dt.date(2026, 1, 2))
    n["tmt_1jan"] = d.pegawai(jp=None, tmt_cpns=dt.date(2025, 1, 1))
    n["tmt_2jan"] = d.pegawai(jp=None, tmt_cpns=dt.date(2025, 1, 2))
    n["cpns"] = d.pegawai(jp=10, status_kepegawaian="CPNS")
    n["nonaktif"] = d.pegawai(jp=None, aktif=False)
    n["aktif_kosong"] = d.pegawai(jp=5, aktif=None)  # schema: blank counts as Ya
    n["pppk_0"] = d.pegawai(jp=None, **PPPK)
    # KOMP-JP-PPPK
    n["pppk24"] = d.pegawai(jp=24, **PPPK)
    n["pppk25"] = d.pegawai(jp=25, **PPPK)
    n["pppk25_aktif_kosong"] = d.pegawai(jp=25, aktif=None, **PPPK)
    n["pppk_jpt"] = d.pegawai(jp=40, **{**PPPK, "jenis_jabatan": "JPT Madya", "golongan": "XV"})
    n["pppk_nonaktif"] = d.pegawai(jp=40, aktif=False, **PPPK)
    n["pns40"] = d.pegawai(jp=40)
    report = d.check(tmp_path_factory.mktemp("jp") / "kiriman")
    return report, n, d.row_of


def test_jp_min_breach(jp: tuple[Report, dict[str, str], dict[str, int]]) -> None:
    report, n, row = jp
    assert project(report, "KOMP-JP-MIN") == [
        ("KOMP-JP-MIN", row[n[k]], n[k], "2025", "20", actual)
        for k, actual in (
            ("jp19", "19"),
            ("selesai_2024", "0"),
            ("tmt_1jan", "0"),
            ("aktif_kosong", "5"),
        )
    ]
    # the 20 JP are a right of every PNS; a CPNS follows the pelatihan dasar of the probation
    assert not of_rule(report, "KOMP-JP-MIN", n["cpns"])


def test_jp_min_message_and_dated_value(jp: tuple[Report, dict[str, str], dict[str, int]]) -> None:
    report, n, _ = jp
    (finding,) = of_rule(report, "KOMP-JP-MIN", n["jp19"])
    assert finding.severity == "error"
    assert finding.expected_since == "2017-04-07"
    assert finding.column == "jp"
    assert finding.message.startswith(
        f"Sdr. Pegawai 2 (NIP {n['jp19']}) pada tahun 2025 tercatat mengikuti 19 JP pengembangan "
        "kompetensi, sedangkan setiap PNS wajib mengikuti pengembangan kompetensi paling sedikit "
        "20 (dua puluh) JP dalam 1 (satu) tahun sebagaimana disyaratkan dalam Pasal "
    )


def test_jp_min_boundary_exactly_20(jp: tuple[Report, dict[str, str], dict[str, int]]) -> None:
    report, n, _ = jp
    assert not of_rule(report, "KOMP-JP-MIN", n["jp20"])
    assert of_rule(report, "KOMP-JP-MIN", n["jp19"])


@pytest.mark.parametrize(
    "case", ["split", "selesai_2025", "tmt_2jan", "nonaktif", "pppk_0", "pns40"]
)
def test_jp_min_near_miss(jp: tuple[Report, dict[str, str], dict[str, int]], case: str) -> None:
    """Summed trainings, the year a training ends, in service only after 1 January, inactive,
    and PPPK: none is a KOMP-JP-MIN finding."""
    report, n, _ = jp
    assert not of_rule(report, "KOMP-JP-MIN", n[case])


def test_jp_pppk_breach(jp: tuple[Report, dict[str, str], dict[str, int]]) -> None:
    report, n, row = jp
    assert project(report, "KOMP-JP-PPPK") == [
        ("KOMP-JP-PPPK", row[n[k]], n[k], "2025-01-01 s.d. 2025-12-31", "24", "25")
        for k in ("pppk25", "pppk25_aktif_kosong")
    ]
    finding = of_rule(report, "KOMP-JP-PPPK")[0]
    assert finding.severity == "warning"
    assert "paling lama mengikuti 24 (dua puluh empat) JP" in finding.message
    assert finding.message.startswith("Sdr. Pegawai 13 (NI PPPK ")


def test_jp_pppk_boundary_exactly_24(jp: tuple[Report, dict[str, str], dict[str, int]]) -> None:
    report, n, _ = jp
    assert not of_rule(report, "KOMP-JP-PPPK", n["pppk24"])


@pytest.mark.parametrize("case", ["pppk_jpt", "pppk_nonaktif", "pns40"])
def test_jp_pppk_near_miss(jp: tuple[Report, dict[str, str], dict[str, int]], case: str) -> None:
    """PPPK in JPT madya, inactive PPPK and PNS may exceed 24 JP."""
    report, n, _ = jp
    assert not of_rule(report, "KOMP-JP-PPPK", n[case])


# --- KOMP-CAKUPAN: targets 70 % (2026), 80 % (2027), none before 2026 --------------------------


def _instansi(d: Data, name: str, meeting: dict[int, int], size: int) -> None:
    """``size`` PNS of one instansi; in each year the first ``meeting[year]`` have 20 JP."""
    d.unit("Sekretariat", instansi=name)
    for index in range(size):
        d.pegawai(
            instansi=name,
            unit_kerja="Sekretariat",
            jp={year: 20 if index < count else 10 for year, count in meeting.items()},
        )


@pytest.fixture(scope="module")
def cakupan(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Checked years 2026–2028, as of 2029-01-15."""
    d = Data(years=(2026, 2027, 2028))
    _instansi(d, "Instansi A", {2026: 0, 2027: 7, 2028: 8}, 10)  # at the target each year
    _instansi(d, "Instansi B", {2026: 10, 2027: 7, 2028: 7}, 10)  # 70 % < 80 % in 2028
    _instansi(d, "Instansi C", {2026: 33, 2027: 23, 2028: 33}, 33)  # 69.7 % < 70 % in 2027
    _instansi(d, "Instansi D", {2026: 3, 2027: 3, 2028: 3}, 3)
    for _ in range(5):  # PPPK are not in the population
        d.pegawai(instansi="Instansi D", unit_kerja="Sekretariat", jp=None, **PPPK)
    return d.check(tmp_path_factory.mktemp("cakupan") / "kiriman", as_of=dt.date(2029, 1, 15))


def test_cakupan_breach(cakupan: Report) -> None:
    assert project(cakupan, "KOMP-CAKUPAN") == [
        ("KOMP-CAKUPAN", None, None, "2027", "70", "69.7"),
        ("KOMP-CAKUPAN", None, None, "2028", "80", "70"),
    ]
    by_year = {f.period: f for f in of_rule(cakupan, "KOMP-CAKUPAN")}
    assert by_year["2027"].instansi == "Instansi C"
    assert by_year["2028"].instansi == "Instansi B"
    assert by_year["2028"].expected_since == "2028-01-01"
    assert by_year["2028"].severity == "warning"
    assert by_year["2028"].message.startswith(
        "Instansi B: baru 70% PNS yang memenuhi JP minimum pengembangan kompetensi pada tahun "
        "2028, sedangkan targetnya paling sedikit 80% (delapan puluh persen) sebagaimana "
        "ditetapkan dalam Pasal "
    )


def test_cakupan_boundary_exactly_at_target(cakupan: Report) -> None:
    """Instansi A: 70 % in 2027 and 80 % in 2028, exactly the targets in force."""
    assert not [f for f in of_rule(cakupan, "KOMP-CAKUPAN") if f.instansi == "Instansi A"]
    assert (
        len(
            [
                f
                for f in of_rule(cakupan, "KOMP-JP-MIN")
                if f.instansi == "Instansi A" and f.period == "2027"
            ]
        )
        == 3
    )


def test_cakupan_near_miss_no_target_before_2026_and_pppk_not_counted(cakupan: Report) -> None:
    assert not [f for f in of_rule(cakupan, "KOMP-CAKUPAN") if f.period == "2026"]
    assert not [f for f in of_rule(cakupan, "KOMP-CAKUPAN") if f.instansi == "Instansi D"]


def test_cakupan_share_just_below_target_is_not_rounded_up(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    d = Data(years=(2027,))
    _instansi(d, "Instansi E", {2027: 142}, 203)
    report = d.check(tmp_path_factory.mktemp("bulat") / "kiriman", as_of=dt.date(2028, 1, 15))
    assert [f.instansi for f in of_rule(report, "KOMP-CAKUPAN")] == ["Instansi E"]
