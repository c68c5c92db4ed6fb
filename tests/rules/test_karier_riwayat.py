"""Rank history as SIASN exports it and discipline over time (issue #15 items 5 and 6).

* A blank ``jenis_kp`` on an employee's first rank row (earliest TMT) is the appointment; a blank
  on a later row is DATA-JENIS-KP.
* Penurunan pangkat (a PP 94/2021 penalty) and pemulihan pangkat are KP types of their own: not
  judged as a regular promotion, and not the "previous TMT" of KAR-KP-MASA.
* A KP TMT up to the next KP period after the as-of date is normal; a later one is
  DATA-TMT-PANGKAT. The period schedule is the dated parameter ``karier.kp_periode_bulan``.
* KAR-KP-HUKDIS: a penalty ends on ``tmt_selesai``, else after its recorded or stated length,
  else after the longest length of its level under the rules in force when it began (PP 53/2010
  before 31 August 2021, PP 94/2021 from then); an end that cannot be computed never blocks.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.checking import check
from checker.data.schema import load_schema, value_key
from checker.policy import load_policy, render
from checker.report.report import Report
from tests.rules.builder import AS_OF, POLICY, RULES, Data, of_rule, project

D = dt.date
APPOINTED = D(2010, 1, 1)


def _history(d: Data, nip: str, *rows: tuple[str, dt.date, str | None]) -> dict[dt.date, int]:
    """Rank rows (golongan, TMT, jenis_kp; None writes a blank cell); TMT → row number."""
    return {tmt: d.pangkat(nip, golongan, tmt, jenis or "") for golongan, tmt, jenis in rows}


def _penalty(
    d: Data,
    nip: str,
    tingkat: str,
    jenis: str,
    mulai: dt.date,
    selesai: dt.date | None = None,
    **fields: Any,
) -> None:
    """A disciplinary penalty with the jenis as the decree words it."""
    d.tables["hukuman_disiplin"].append(
        {
            "nip": nip,
            "tingkat": tingkat,
            "jenis": jenis,
            "tmt_mulai": mulai,
            "tmt_selesai": selesai,
            **fields,
        }
    )


# --- rank history as exported -----------------------------------------------------------------


class Riwayat:
    report: Report
    nip: dict[str, str]
    row: dict[str, int]  # the rank row a case is about


@pytest.fixture(scope="module")
def riwayat(tmp_path_factory: pytest.TempPathFactory) -> Riwayat:
    """Checked year 2025, as of 2026-01-15 (monthly KP periods: the next one is 1 February)."""
    d = Data()
    n: dict[str, str] = {}
    row: dict[str, int] = {}

    # first row blank (the appointment, as SIASN exports it) vs a blank later row
    n["kosong_pertama"] = d.pegawai()
    _history(
        d,
        n["kosong_pertama"],
        ("III/a", APPOINTED, None),
        ("III/b", D(2014, 4, 1), "reguler"),
        ("III/c", D(2018, 4, 1), "reguler"),
    )
    # the first row is the earliest TMT, wherever it stands in the file
    n["kosong_pertama_di_akhir"] = d.pegawai()
    _history(
        d,
        n["kosong_pertama_di_akhir"],
        ("III/b", D(2014, 4, 1), "reguler"),
        ("III/c", D(2018, 4, 1), "reguler"),
        ("III/a", APPOINTED, None),
    )
    n["kosong_kemudian"] = d.pegawai()
    rows = _history(
        d,
        n["kosong_kemudian"],
        ("III/a", APPOINTED, "pengangkatan"),
        ("III/b", D(2014, 4, 1), None),
        ("III/c", D(2018, 4, 1), "reguler"),
    )
    row["kosong_kemudian"] = rows[D(2014, 4, 1)]
    n["kosong_kemudian_di_awal"] = d.pegawai(golongan="III/b")
    rows = _history(
        d,
        n["kosong_kemudian_di_awal"],
        ("III/b", D(2014, 4, 1), None),
        ("III/a", APPOINTED, "Gol. dari Pengadaan CPNS/PNS"),
    )
    row["kosong_kemudian_di_awal"] = rows[D(2014, 4, 1)]
    # a blank row during a penalty: judged only when the rank goes up; never the first row
    for case, golongan in (("hukdis_kosong_naik", "III/c"), ("hukdis_kosong_turun", "III/b")):
        n[case] = d.pegawai(golongan=golongan)
        rows = _history(
            d,
            n[case],
            ("III/a", APPOINTED, "211"),
            ("III/c" if golongan == "III/b" else "III/b", D(2021, 4, 1), "101"),
            (golongan, D(2025, 4, 1), None),
        )
        row[case] = rows[D(2025, 4, 1)]
        _penalty(d, n[case], "sedang", "Penundaan kenaikan pangkat selama 1 tahun", D(2025, 1, 1))
    n["hukdis_kosong_pertama"] = d.pegawai(golongan="III/a")
    _history(d, n["hukdis_kosong_pertama"], ("III/a", D(2025, 4, 1), None))
    _penalty(
        d, n["hukdis_kosong_pertama"], "sedang", "Teguran diganti penundaan 1 tahun", D(2025, 1, 1)
    )

    # penurunan pangkat (penalty) and pemulihan pangkat: the regular KP after them counts from
    # the TMT of the restored rank (4 years exactly on 1 April 2025; a month short on 1 March)
    for case, kp in (("pemulihan_tepat", D(2025, 4, 1)), ("pemulihan_kurang", D(2025, 3, 1))):
        n[case] = d.pegawai(golongan="III/d")
        rows = _history(
            d,
            n[case],
            ("III/a", APPOINTED, "pengangkatan"),
            ("III/b", D(2017, 4, 1), "reguler"),
            ("III/c", D(2021, 4, 1), "reguler"),
            ("III/b", D(2022, 10, 1), "Penurunan Pangkat"),
            ("III/c", D(2023, 10, 1), "Pengembalian Pangkat"),
            ("III/d", kp, "reguler"),
        )
        row[case] = rows[kp]
        _penalty(
            d,
            n[case],
            "sedang",
            "Penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun",
            D(2022, 10, 1),
            D(2023, 9, 30),
        )
        for year in (2023, 2024):
            d.penilaian(n[case], year)
    # the restoration itself in the checked year: judged as reguler it would break the ceiling
    # (S-1: III/d), the 4 years and the predikat (no evaluation in 2023-2024)
    n["pemulihan_diperiksa"] = d.pegawai(golongan="IV/a")
    _history(
        d,
        n["pemulihan_diperiksa"],
        ("III/a", APPOINTED, "pengangkatan"),
        ("III/d", D(2019, 4, 1), "reguler"),
        ("IV/a", D(2023, 4, 1), "pilihan"),
        ("III/d", D(2024, 4, 1), "turun pangkat"),
        ("IV/a", D(2025, 4, 1), "pemulihan"),
    )
    _penalty(
        d,
        n["pemulihan_diperiksa"],
        "sedang",
        "Penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun",
        D(2024, 4, 1),
        D(2025, 3, 31),
    )
    # the demotion row lies inside its own penalty: it is not a promotion during a penalty
    n["penurunan_dalam_hukuman"] = d.pegawai(golongan="III/b")
    _history(
        d,
        n["penurunan_dalam_hukuman"],
        ("III/a", APPOINTED, "pengangkatan"),
        ("III/c", D(2020, 4, 1), "reguler"),
        ("III/b", D(2025, 2, 1), "penurunan pangkat"),
    )
    _penalty(
        d,
        n["penurunan_dalam_hukuman"],
        "sedang",
        "Penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun",
        D(2025, 2, 1),
        D(2026, 1, 31),
    )

    # a KP decided before its TMT: next period after 2026-01-15 is 2026-02-01
    for case, tmt, golongan in (
        ("kp_periode_berikut", D(2026, 2, 1), "III/b"),
        ("kp_periode_lewat", D(2026, 3, 1), "III/b"),
        ("kp_golongan_baru", D(2026, 2, 1), "III/c"),
        ("kp_golongan_lain", D(2026, 2, 1), "III/a"),
    ):
        n[case] = d.pegawai(golongan=golongan, tmt_golongan=D(2022, 2, 1))
        rows = _history(
            d,
            n[case],
            ("III/a", APPOINTED, "pengangkatan"),
            ("III/b", D(2022, 2, 1), "reguler"),
            ("III/c", tmt, "reguler"),
        )
        row[case] = rows[tmt]
    row["pegawai_kp_golongan_lain"] = d.row_of[n["kp_golongan_lain"]]

    out = Riwayat()
    out.report = d.check(tmp_path_factory.mktemp("riwayat") / "kiriman")
    out.nip, out.row = n, row
    return out


def _rules(r: Riwayat, case: str) -> list[str]:
    return sorted(f.rule for f in r.report.findings if f.nip == r.nip[case])


def test_first_row_blank_is_the_appointment(riwayat: Riwayat) -> None:
    """No SKEMA-WAJIB, no DATA-JENIS-KP, nothing at all: the first row reads as pengangkatan."""
    for case in ("kosong_pertama", "kosong_pertama_di_akhir"):
        assert _rules(riwayat, case) == [], case
    assert not [
        f for f in riwayat.report.findings if f.column == "jenis_kp" and f.rule == "SKEMA-WAJIB"
    ]


def test_later_blank_row_is_a_finding(riwayat: Riwayat) -> None:
    r = riwayat
    assert project(r.report, "DATA-JENIS-KP") == [
        (
            "DATA-JENIS-KP",
            r.row[case],
            r.nip[case],
            str(year),
            "terisi (reguler, pilihan, penurunan pangkat, pemulihan pangkat, dan seterusnya)",
            f"kosong (TMT {year}-04-01, golongan {golongan})",
        )
        for case, year, golongan in (
            ("kosong_kemudian", 2014, "III/b"),
            ("kosong_kemudian_di_awal", 2014, "III/b"),
            ("hukdis_kosong_naik", 2025, "III/c"),
            ("hukdis_kosong_turun", 2025, "III/b"),
        )
    ]
    finding = of_rule(r.report, "DATA-JENIS-KP", r.nip["kosong_kemudian"])[0]
    assert finding.severity == "error" and finding.column == "jenis_kp"
    assert "bukan pangkat pertama pegawai" in finding.message


def test_blank_rows_during_a_penalty(riwayat: Riwayat) -> None:
    """A blank later row that raises the rank is a promotion; one that lowers it is not, and a
    blank first row is the appointment."""
    r = riwayat
    assert [(f.row, f.nip) for f in of_rule(r.report, "KAR-KP-HUKDIS")] == [
        (r.row["hukdis_kosong_naik"], r.nip["hukdis_kosong_naik"])
    ]
    assert not of_rule(r.report, "KAR-KP-HUKDIS", r.nip["hukdis_kosong_turun"])
    assert not of_rule(r.report, "KAR-KP-HUKDIS", r.nip["hukdis_kosong_pertama"])


def test_siasn_spellings_of_jenis_kp() -> None:
    jenis = load_schema()["riwayat_pangkat"].field("jenis_kp")
    assert not jenis.required
    spellings = {
        "Gol. dari Pengadaan CPNS/PNS": "pengangkatan",
        "211": "pengangkatan",
        "101": "reguler",
        "202": "pilihan",
        "203": "penyesuaian ijazah",
        "Penurunan Pangkat": "penurunan pangkat",
        "turun pangkat": "penurunan pangkat",
        "Pengembalian Pangkat": "pemulihan pangkat",
        "PEMULIHAN PANGKAT": "pemulihan pangkat",
    }
    assert {s: jenis.value_map.get(value_key(s)) for s in spellings} == spellings


def test_restored_rank_starts_no_new_time_in_rank(riwayat: Riwayat) -> None:
    """KP-MASA measures from the restored rank's TMT (2021), not from the demotion (2022) or the
    restoration (2023): exactly 4 years is compliant, a month less is not."""
    r = riwayat
    assert not of_rule(r.report, "KAR-KP-MASA", r.nip["pemulihan_tepat"])
    assert project(r.report, "KAR-KP-MASA", r.nip["pemulihan_kurang"]) == [
        (
            "KAR-KP-MASA",
            r.row["pemulihan_kurang"],
            r.nip["pemulihan_kurang"],
            "2025",
            "4",
            "2025-03-01 (TMT pangkat sebelumnya 2021-04-01)",
        )
    ]
    assert _rules(r, "pemulihan_tepat") == []


def test_restoration_and_demotion_are_not_promotions(riwayat: Riwayat) -> None:
    """A pemulihan row is not judged by KP-MASA, -PREDIKAT or -PLAFON, and a penurunan row
    inside its own penalty is not a promotion during a penalty; intake knows both spellings."""
    for case in ("pemulihan_diperiksa", "penurunan_dalam_hukuman"):
        assert _rules(riwayat, case) == [], case
    assert not [f for f in riwayat.report.findings if f.rule == "SKEMA-ENUM"]


def test_kp_up_to_the_next_period_is_normal(riwayat: Riwayat) -> None:
    r = riwayat
    for case in ("kp_periode_berikut", "kp_golongan_baru"):
        assert _rules(r, case) == [], case
    assert not of_rule(r.report, "DATA-TANGGAL", r.nip["kp_periode_lewat"])


def test_kp_one_period_later_is_a_warning(riwayat: Riwayat) -> None:
    r = riwayat
    assert project(r.report, "DATA-TMT-PANGKAT") == [
        (
            "DATA-TMT-PANGKAT",
            r.row["kp_periode_lewat"],
            r.nip["kp_periode_lewat"],
            "2026",
            "paling lambat 2026-02-01 (periode kenaikan pangkat berikutnya setelah 2026-01-15)",
            "2026-03-01",
        )
    ]
    (finding,) = of_rule(r.report, "DATA-TMT-PANGKAT")
    assert (finding.severity, finding.category) == ("warning", "verifikasi")
    assert finding.expected_since == "2025-10-01"  # monthly periods
    assert "1 Maret 2026" in finding.message


def test_current_rank_may_be_the_decided_future_rank(riwayat: Riwayat) -> None:
    """pegawai.golongan may be the rank on the as-of date or a decided future rank, no other."""
    r = riwayat
    assert project(r.report, "DATA-PANGKAT-RIWAYAT") == [
        (
            "DATA-PANGKAT-RIWAYAT",
            r.row["pegawai_kp_golongan_lain"],
            r.nip["kp_golongan_lain"],
            None,
            "III/b",
            "III/a",
        )
    ]


# --- the KP period schedule ----------------------------------------------------------------


# as-of date → (TMT of the next period: no finding, TMTs after it: a finding)
SCHEDULE = {
    D(2022, 5, 10): (D(2022, 10, 1), [D(2022, 12, 1), D(2023, 4, 1)]),  # April and October
    D(2022, 11, 15): (D(2023, 4, 1), [D(2023, 10, 1)]),  # still April and October in 2023
    D(2023, 11, 15): (D(2024, 2, 1), [D(2024, 4, 1)]),  # every 2 months from 1 January 2024
    D(2024, 11, 15): (D(2024, 12, 1), [D(2025, 1, 1), D(2025, 2, 1)]),
    D(2025, 9, 15): (D(2025, 10, 1), [D(2025, 11, 1)]),  # monthly from October 2025
}


def _tmt_data() -> tuple[Data, dict[dt.date, str]]:
    d = Data()
    nips: dict[dt.date, str] = {}
    for tmt in sorted({t for ok, late in SCHEDULE.values() for t in (ok, *late)}):
        nips[tmt] = d.pegawai(golongan="III/b", tmt_golongan=D(2018, 4, 1))
        _history(
            d,
            nips[tmt],
            ("III/a", APPOINTED, "pengangkatan"),
            ("III/b", D(2018, 4, 1), "reguler"),
            ("III/c", tmt, "reguler"),
        )
    return d, nips


@pytest.mark.parametrize("as_of", sorted(SCHEDULE), ids=str)
def test_next_kp_period_follows_the_schedule_in_force(tmp_path: Path, as_of: dt.date) -> None:
    d, nips = _tmt_data()
    report = d.check(tmp_path / "kiriman", as_of=as_of, years=[as_of.year])
    ok, late = SCHEDULE[as_of]
    found = {f.nip: f.expected for f in of_rule(report, "DATA-TMT-PANGKAT")}
    expected = (
        f"paling lambat {ok.isoformat()} (periode kenaikan pangkat berikutnya setelah {as_of})"
    )
    assert nips[ok] not in found
    assert {nips[t]: found.get(nips[t]) for t in late} == {nips[t]: expected for t in late}


def test_kp_period_is_read_from_the_parameter(tmp_path: Path) -> None:
    """With a 3-month schedule from 2026 (January, April, ...), the period after 2026-01-15 is
    1 April: a TMT of 1 March is then normal."""
    policy = tmp_path / "policy"
    shutil.copytree(POLICY, policy)
    path = policy / "parameter.yml"
    text = path.read_text(encoding="utf-8")
    last = (
        "        title: Peraturan Badan Kepegawaian Negara Nomor 4 Tahun 2025 (periode kenaikan "
        "pangkat setiap bulan)\n"
    )
    assert text.count(last) == 1
    extra = '    - since: "2026-01-01"\n      value: 3\n      reference:\n        title: Uji\n'
    path.write_text(text.replace(last, last + extra), encoding="utf-8")
    d = Data()
    nip = {}
    for tmt in (D(2026, 3, 1), D(2026, 4, 1), D(2026, 5, 1)):
        nip[tmt] = d.pegawai(golongan="III/b", tmt_golongan=D(2018, 4, 1))
        _history(d, nip[tmt], ("III/a", APPOINTED, "pengangkatan"), ("III/c", tmt, "reguler"))
    report = d.check(tmp_path / "kiriman", policy_root=policy, rules_root=RULES)
    found = {f.nip: f.expected for f in of_rule(report, "DATA-TMT-PANGKAT")}
    assert found == {
        nip[D(2026, 5, 1)]: "paling lambat 2026-04-01 (periode kenaikan pangkat berikutnya "
        "setelah 2026-01-15)"
    }


def test_kp_period_in_the_regulation_text() -> None:
    peraturan = load_policy(POLICY)
    for day, words in (
        (D(2020, 1, 1), "setiap 6 (enam) bulan"),
        (D(2024, 1, 1), "setiap 2 (dua) bulan"),
        (D(2026, 1, 1), "setiap 1 (satu) bulan"),
    ):
        text = " ".join(render(peraturan, "text", day).split())
        assert f"tanggal periode kenaikan pangkat, yaitu tanggal 1 (satu) {words}" in text, day


# --- discipline over time ---------------------------------------------------------------------


class Disiplin:
    report: Report
    nip: dict[str, str]
    row: dict[str, int]


KP_2025 = D(2025, 4, 1)
KP_2024 = D(2024, 5, 1)
# case: (tingkat, jenis, TMT mulai, extra columns, KP TMT)
PENALTIES: dict[str, tuple[str, str, dt.date, dict[str, Any], dt.date]] = {
    # the length the jenis states: 6 months from 2 October 2024 end on 1 April 2025
    "jenis_hari_terakhir": (
        "sedang", "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", D(2024, 10, 2), {},
        KP_2025,
    ),
    "jenis_hari_sesudah": (
        "sedang", "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", D(2024, 10, 1), {},
        KP_2025,
    ),
    # the length recorded in masa_tahun / masa_bulan (SIASN masaTahun / masaBulan)
    "masa_hari_terakhir": (
        "sedang", "Pemotongan tunjangan kinerja", D(2024, 7, 2), {"masa_bulan": 9}, KP_2025,
    ),
    "masa_hari_sesudah": (
        "sedang", "Pemotongan tunjangan kinerja", D(2024, 7, 1), {"masa_bulan": 9}, KP_2025,
    ),
    "masa_tahun": (
        "sedang", "Penundaan kenaikan gaji berkala", D(2024, 4, 2), {"masa_tahun": 1}, KP_2025,
    ),
    # no length anywhere: the longest of its level under PP 94/2021 (berat: 12 months)
    "tingkat_hari_terakhir": ("berat", "Pembebasan dari jabatan", D(2024, 4, 2), {}, KP_2025),
    "tingkat_hari_sesudah": ("berat", "Pembebasan dari jabatan", D(2024, 4, 1), {}, KP_2025),
    # a blank end never blocks forever
    "lama_selesai": ("sedang", "Penundaan kenaikan pangkat", D(2020, 1, 1), {}, KP_2025),
    # a stated length beyond the longest of its level is capped (12 months from March 2024)
    "lama_dibatasi": (
        "sedang", "Penundaan kenaikan pangkat selama 24 bulan", D(2024, 3, 1), {}, KP_2025,
    ),
    # PP 53/2010 before 31 August 2021 (berat up to 3 years), PP 94/2021 from that day
    "pp53_berat": (
        "berat", "Penurunan pangkat setingkat lebih rendah", D(2021, 8, 30), {}, KP_2024,
    ),
    "pp94_berat": (
        "berat", "Penurunan pangkat setingkat lebih rendah", D(2021, 8, 31), {}, KP_2024,
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def disiplin(tmp_path_factory: pytest.TempPathFactory) -> Disiplin:
    """Checked years 2024 and 2025, as of 2026-01-15; every KP is 4+ years after the last."""
    d = Data(years=(2024, 2025))
    n: dict[str, str] = {}
    row: dict[str, int] = {}
    for case, (tingkat, jenis, mulai, extra, kp) in PENALTIES.items():
        n[case] = d.pegawai()
        rows = _history(
            d,
            n[case],
            ("III/a", APPOINTED, "pengangkatan"),
            ("III/b", D(2020, 4, 1), "reguler"),
            ("III/c", kp, "reguler"),
        )
        row[case] = rows[kp]
        _penalty(d, n[case], tingkat, jenis, mulai, **extra)
    # every KP type, not only reguler, is barred during a penalty
    n["penyesuaian_ijazah"] = d.pegawai()
    rows = _history(
        d,
        n["penyesuaian_ijazah"],
        ("III/a", APPOINTED, "pengangkatan"),
        ("III/b", D(2024, 10, 1), "penyesuaian ijazah"),
    )
    row["penyesuaian_ijazah"] = rows[D(2024, 10, 1)]
    _penalty(
        d,
        n["penyesuaian_ijazah"],
        "berat",
        "Pembebasan dari jabatan",
        D(2024, 6, 1),
        D(2025, 5, 31),
    )
    out = Disiplin()
    out.report = d.check(tmp_path_factory.mktemp("disiplin") / "kiriman")
    out.nip, out.row = n, row
    return out


def _hukdis(r: Disiplin, case: str, period: str, expected: str, actual: str) -> tuple:
    return ("KAR-KP-HUKDIS", r.row[case], r.nip[case], period, expected, actual)


def _computed(tingkat: str, mulai: str, selesai: str, bulan: int) -> str:
    return (
        f"di luar masa hukuman disiplin {tingkat} {mulai} s.d. {selesai} (TMT selesai tidak "
        f"tercatat; dihitung {bulan} bulan sejak TMT mulai)"
    )


def test_penalty_end_computed_from_its_length(disiplin: Disiplin) -> None:
    r = disiplin
    assert project(r.report, "KAR-KP-HUKDIS") == [
        _hukdis(
            r,
            "jenis_hari_terakhir",
            "2025",
            _computed("sedang", "2024-10-02", "2025-04-01", 6),
            "2025-04-01",
        ),
        _hukdis(
            r,
            "masa_hari_terakhir",
            "2025",
            _computed("sedang", "2024-07-02", "2025-04-01", 9),
            "2025-04-01",
        ),
        _hukdis(
            r,
            "masa_tahun",
            "2025",
            _computed("sedang", "2024-04-02", "2025-04-01", 12),
            "2025-04-01",
        ),
        _hukdis(
            r,
            "tingkat_hari_terakhir",
            "2025",
            _computed("berat", "2024-04-02", "2025-04-01", 12),
            "2025-04-01",
        ),
        _hukdis(
            r,
            "pp53_berat",
            "2024",
            _computed("berat", "2021-08-30", "2024-08-29", 36),
            "2024-05-01",
        ),
        _hukdis(
            r,
            "penyesuaian_ijazah",
            "2024",
            "di luar masa hukuman disiplin berat 2024-06-01 s.d. 2025-05-31",
            "2024-10-01",
        ),
    ]


@pytest.mark.parametrize(
    "case", ["jenis_hari_sesudah", "masa_hari_sesudah", "tingkat_hari_sesudah"]
)
def test_kp_the_day_after_the_computed_end_is_allowed(disiplin: Disiplin, case: str) -> None:
    assert not of_rule(disiplin.report, "KAR-KP-HUKDIS", disiplin.nip[case])


def test_blank_end_never_blocks_forever(disiplin: Disiplin) -> None:
    assert not of_rule(disiplin.report, "KAR-KP-HUKDIS", disiplin.nip["lama_selesai"])
    assert not of_rule(disiplin.report, "KAR-KP-HUKDIS", disiplin.nip["lama_dibatasi"])


def test_penalties_before_pp94_follow_pp53(disiplin: Disiplin) -> None:
    """A day before 31 August 2021 the longest berat penalty is 3 years; from that day, 12
    months. Findings for PP 53/2010 penalties stay warnings to verify."""
    r = disiplin
    (old,) = of_rule(r.report, "KAR-KP-HUKDIS", r.nip["pp53_berat"])
    assert old.expected_since == "2010-06-06"
    assert (old.severity, old.category) == ("warning", "verifikasi")
    assert not of_rule(r.report, "KAR-KP-HUKDIS", r.nip["pp94_berat"])
    (new,) = of_rule(r.report, "KAR-KP-HUKDIS", r.nip["tingkat_hari_terakhir"])
    assert new.expected_since == "2021-08-31"


def test_kp_hukdis_cites_the_clause_for_every_kp_type(disiplin: Disiplin) -> None:
    (finding,) = of_rule(disiplin.report, "KAR-KP-HUKDIS", disiplin.nip["penyesuaian_ijazah"])
    assert finding.clause is not None and finding.clause.id == "kp-hukdis"
    text = " ".join(render(load_policy(POLICY), "text", AS_OF).split())
    assert (
        "Kenaikan pangkat reguler dan kenaikan pangkat selain kenaikan pangkat reguler tidak "
        "dapat diberikan kepada PNS yang sedang menjalani hukuman disiplin" in text
    )
    assert (
        finding.clause.citation.startswith("Pasal ") and finding.clause.citation in finding.message
    )


def test_siasn_hukdis_headers(tmp_path: Path) -> None:
    """SIASN rw-hukdis names: akhirHukumanTanggal, masaTahun, masaBulan."""
    d = Data()
    nip = d.pegawai()
    _history(d, nip, ("III/a", APPOINTED, "pengangkatan"), ("III/b", D(2020, 4, 1), "reguler"))
    _history(d, nip, ("III/c", KP_2025, "reguler"))
    _penalty(d, nip, "sedang", "Pemotongan tunjangan kinerja", D(2024, 7, 2), masa_bulan=9)
    folder = d.write(tmp_path / "kiriman")
    path = folder / "hukuman_disiplin.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "nip,tingkat,jenis,tmt_mulai,tmt_selesai,masa_tahun,masa_bulan,pns_id"
    lines[0] = "nip,tingkat,jenis,tmt_mulai,akhirHukumanTanggal,masaTahun,masaBulan,pnsOrang"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check([folder], as_of=AS_OF, years=[2025], policy_root=POLICY, rules_root=RULES)
    assert not [
        f for f in report.findings if f.rule.startswith("SKEMA-") and f.table == "hukuman_disiplin"
    ]
    (finding,) = of_rule(report, "KAR-KP-HUKDIS", nip)
    assert finding.expected is not None and "s.d. 2025-04-01" in finding.expected
