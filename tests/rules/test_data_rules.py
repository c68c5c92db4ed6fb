"""DATA-* rules: NIP structure (domain notes §4), duplicates, plausible dates, rank history.

One data set holds every case (one check() for the module); each test looks at its employees.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.report.report import Report
from tests.rules.builder import AS_OF, Data, make_nip, of_rule, project

OTHER_INSTANSI = "Pemerintah Kota Bengkulu"


class Case:
    """NIPs (and rows) of the module's employees, by name."""

    nip: dict[str, str]
    row: dict[str, int]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Case]:
    d = Data()
    n: dict[str, str] = {}
    born, start = dt.date(1985, 3, 12), dt.date(2010, 1, 1)
    n["ok"] = d.pegawai()
    # DATA-NIP-FORMAT
    n["fmt17"] = d.pegawai(nip="19850312201001100")
    n["fmt19"] = d.pegawai(nip="1985031220100110099")
    n["fmt_letter"] = d.pegawai(nip="19850312201001100A")
    d.pegawai(nip="19850312 201001 1 005")  # printed 8-6-1-3 form, spaces stripped on intake
    n["spaced"] = "198503122010011005"
    d.row_of[n["spaced"]] = d.row_of.pop("19850312 201001 1 005")
    # DATA-NIP-LAHIR
    n["lahir_wrong"] = d.pegawai(
        nip=make_nip(born, start, serial=6), tanggal_lahir=dt.date(1985, 3, 13)
    )
    # DATA-NIP-TMT
    n["tmt_wrong"] = d.pegawai(nip=make_nip(born, start, serial=7), tmt_cpns=dt.date(2010, 2, 1))
    n["tmt_same_month"] = d.pegawai(
        nip=make_nip(born, start, serial=8), tmt_cpns=dt.date(2010, 1, 31)
    )
    pppk = {
        "status_kepegawaian": "PPPK",
        "golongan": "IX",
        "jenis_jabatan": "Fungsional Ahli Pertama",
        "tanggal_lahir": dt.date(1995, 1, 1),
    }
    pppk_nip = make_nip(dt.date(1995, 1, 1), dt.date(2022, 1, 1), serial=9, status="PPPK")
    n["pppk_ok"] = d.pegawai(nip=pppk_nip, tmt_cpns=dt.date(2022, 12, 1), **pppk)
    n["pppk_wrong"] = d.pegawai(nip=pppk_nip[:-3] + "010", tmt_cpns=dt.date(2023, 1, 1), **pppk)
    # DATA-NIP-JK
    n["jk_wrong"] = d.pegawai(nip=make_nip(born, start, "L", serial=11), jenis_kelamin="P")
    n["jk_alias"] = d.pegawai(nip=make_nip(born, start, "P", serial=12), jenis_kelamin="Perempuan")
    # DATA-NIP-GANDA: one NIP in two instansi (the intake key is nip + instansi)
    n["ganda"] = d.pegawai()
    d.unit("BKPSDM", instansi=OTHER_INSTANSI)
    ganda_first = d.row_of[n["ganda"]]
    d.pegawai(nip=n["ganda"], instansi=OTHER_INSTANSI, unit_kerja="BKPSDM", jp=None, skp=False)
    n["not_ganda"] = d.pegawai(nip=n["ganda"][:-3] + "097")
    # DATA-TANGGAL (born 12 March 1985: 18 on 12 March 2003)
    n["cpns_at_18"] = d.pegawai(tmt_cpns=dt.date(2003, 3, 12))
    n["cpns_before_18"] = d.pegawai(tmt_cpns=dt.date(2003, 3, 11))
    n["gol_on_as_of"] = d.pegawai(tmt_golongan=AS_OF)
    # a KP decreed for the next KP period (1 February 2026, monthly periods) already shows
    n["gol_next_period"] = d.pegawai(tmt_golongan=dt.date(2026, 2, 1))
    n["gol_after_as_of"] = d.pegawai(tmt_golongan=dt.date(2026, 2, 2))
    n["cpns_after_as_of"] = d.pegawai(tmt_cpns=dt.date(2026, 2, 1), jp=None, skp=False)
    n["lahir_after_as_of"] = d.pegawai(tanggal_lahir=dt.date(2026, 3, 1), jp=None, skp=False)
    # DATA-PANGKAT-RIWAYAT (pegawai.golongan is III/c)
    n["riwayat_beda"] = d.pegawai()
    d.pangkat(n["riwayat_beda"], "III/b", dt.date(2014, 4, 1))
    d.pangkat(n["riwayat_beda"], "III/d", dt.date(2022, 4, 1))
    n["riwayat_sama"] = d.pegawai()
    d.pangkat(n["riwayat_sama"], "III/d", dt.date(2014, 4, 1))  # listed first, older
    d.pangkat(n["riwayat_sama"], "III/c", dt.date(2018, 4, 1))
    d.pangkat(n["riwayat_sama"], "III/b", dt.date(2014, 4, 1) - dt.timedelta(days=1))
    n["tanpa_riwayat"] = d.pegawai()

    report = d.check(tmp_path_factory.mktemp("data") / "kiriman")
    case = Case()
    case.nip, case.row = n, dict(d.row_of)
    case.row["ganda_first"] = ganda_first
    return report, case


def _row(case: Case, name: str) -> int:
    return case.row[case.nip[name]]


# --- DATA-NIP-FORMAT --------------------------------------------------------------------------


def test_nip_format_breach(data: tuple[Report, Case]) -> None:
    report, c = data
    assert project(report, "DATA-NIP-FORMAT") == [
        ("DATA-NIP-FORMAT", _row(c, name), c.nip[name], None, "18 digit angka", c.nip[name])
        for name in ("fmt17", "fmt19", "fmt_letter")
    ]


def test_nip_format_near_miss_18_digits_and_printed_form(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-NIP-FORMAT", c.nip["ok"])
    assert not of_rule(report, "DATA-NIP-FORMAT", c.nip["spaced"])
    # the normalised NIP still links to its 20 JP of training
    assert not of_rule(report, "KOMP-JP-MIN", c.nip["spaced"])


def test_nip_format_message_cites_clause(data: tuple[Report, Case]) -> None:
    report, c = data
    (finding,) = of_rule(report, "DATA-NIP-FORMAT", c.nip["fmt17"])
    assert finding.severity == "error"
    assert finding.message.startswith(f"NIP {c.nip['fmt17']} pada data pegawai atas nama Pegawai ")
    assert finding.clause is not None and finding.clause.citation in finding.message


# --- DATA-NIP-LAHIR ---------------------------------------------------------------------------


def test_nip_lahir_breach(data: tuple[Report, Case]) -> None:
    report, c = data
    assert project(report, "DATA-NIP-LAHIR") == [
        (
            "DATA-NIP-LAHIR",
            _row(c, "lahir_wrong"),
            c.nip["lahir_wrong"],
            None,
            "19850312",
            "1985-03-13",
        )
    ]


def test_nip_lahir_near_miss(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-NIP-LAHIR", c.nip["ok"])
    # a malformed NIP is DATA-NIP-FORMAT's finding only
    assert not of_rule(report, "DATA-NIP-LAHIR", c.nip["fmt17"])


def test_nip_lahir_boundary_only_digits_1_to_8(data: tuple[Report, Case]) -> None:
    """A NIP whose TMT or sex digit is off still has the right birth date."""
    report, c = data
    for name in ("tmt_wrong", "jk_wrong", "pppk_wrong"):
        assert not of_rule(report, "DATA-NIP-LAHIR", c.nip[name])
    (finding,) = of_rule(report, "DATA-NIP-LAHIR")
    assert finding.severity == "error" and finding.column == "tanggal_lahir"
    assert (
        "tercatat lahir pada tanggal 13 Maret 1985, sedangkan 8 (delapan) digit pertama nomor "
        "induknya menunjukkan tanggal 12 Maret 1985" in finding.message
    )


# --- DATA-NIP-TMT -----------------------------------------------------------------------------


def test_nip_tmt_breach_pns_and_pppk(data: tuple[Report, Case]) -> None:
    report, c = data
    assert project(report, "DATA-NIP-TMT") == [
        ("DATA-NIP-TMT", _row(c, "tmt_wrong"), c.nip["tmt_wrong"], None, "201001", "2010-02-01"),
        ("DATA-NIP-TMT", _row(c, "pppk_wrong"), c.nip["pppk_wrong"], None, "2022", "2023-01-01"),
    ]
    assert {f.severity for f in of_rule(report, "DATA-NIP-TMT")} == {"warning"}


def test_nip_tmt_boundary_same_month_and_pppk_year_only(data: tuple[Report, Case]) -> None:
    report, c = data
    # PNS: only year and month count (31 January vs NIP 201001); PPPK: only the year
    assert not of_rule(report, "DATA-NIP-TMT", c.nip["tmt_same_month"])
    assert not of_rule(report, "DATA-NIP-TMT", c.nip["pppk_ok"])


def test_nip_tmt_near_miss(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-NIP-TMT", c.nip["ok"])
    assert not of_rule(report, "DATA-NIP-TMT", c.nip["lahir_wrong"])


# --- DATA-NIP-JK ------------------------------------------------------------------------------


def test_nip_jk_breach(data: tuple[Report, Case]) -> None:
    report, c = data
    assert project(report, "DATA-NIP-JK") == [
        ("DATA-NIP-JK", _row(c, "jk_wrong"), c.nip["jk_wrong"], None, "L", "P")
    ]


def test_nip_jk_near_miss_female_written_out(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-NIP-JK", c.nip["jk_alias"])
    assert not of_rule(report, "DATA-NIP-JK", c.nip["ok"])


def test_nip_jk_message(data: tuple[Report, Case]) -> None:
    report, _ = data
    (finding,) = of_rule(report, "DATA-NIP-JK")
    assert finding.severity == "error" and finding.column == "jenis_kelamin"
    assert (
        "tercatat berjenis kelamin perempuan, sedangkan digit ke-15 nomor induknya menunjukkan "
        "jenis kelamin laki-laki" in finding.message
    )


# --- DATA-NIP-GANDA ---------------------------------------------------------------------------


def test_nip_ganda_breach_reports_each_repeat_with_the_first_row(data: tuple[Report, Case]) -> None:
    report, c = data
    nip = c.nip["ganda"]
    [finding] = of_rule(report, "DATA-NIP-GANDA")
    assert project(report, "DATA-NIP-GANDA") == [
        (
            "DATA-NIP-GANDA",
            c.row[nip],
            nip,
            None,
            "satu kali",
            f"baris {c.row['ganda_first']} berkas {finding.file}",
        )
    ]


def test_nip_ganda_near_miss_other_serial(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-NIP-GANDA", c.nip["not_ganda"])
    assert not of_rule(report, "DATA-NIP-GANDA", c.nip["ok"])


def test_nip_ganda_message_names_the_first_row(data: tuple[Report, Case]) -> None:
    report, c = data
    # the repeat is reported under its own row's instansi
    [finding] = of_rule(report, "DATA-NIP-GANDA")
    assert finding.instansi == OTHER_INSTANSI
    assert finding.message.startswith(f"NIP {c.nip['ganda']} (Pegawai ")
    assert f"sudah tercatat pada baris {c.row['ganda_first']} berkas " in finding.message


# --- DATA-TANGGAL -----------------------------------------------------------------------------


def test_tanggal_breach(data: tuple[Report, Case]) -> None:
    report, c = data
    late = "paling lambat 2026-01-15"
    assert sorted(project(report, "DATA-TANGGAL"), key=lambda p: p[1] or 0) == [
        (
            "DATA-TANGGAL",
            _row(c, "cpns_before_18"),
            c.nip["cpns_before_18"],
            None,
            "paling cepat 2003-03-12 (usia 18 tahun)",
            "2003-03-11",
        ),
        (
            "DATA-TANGGAL",
            _row(c, "gol_after_as_of"),
            c.nip["gol_after_as_of"],
            None,
            "paling lambat 2026-02-01 (periode kenaikan pangkat berikutnya)",
            "2026-02-02",
        ),
        (
            "DATA-TANGGAL",
            _row(c, "cpns_after_as_of"),
            c.nip["cpns_after_as_of"],
            None,
            late,
            "2026-02-01",
        ),
        (
            "DATA-TANGGAL",
            _row(c, "lahir_after_as_of"),
            c.nip["lahir_after_as_of"],
            None,
            late,
            "2026-03-01",
        ),
        (
            "DATA-TANGGAL",
            _row(c, "lahir_after_as_of"),
            c.nip["lahir_after_as_of"],
            None,
            "paling cepat 2044-03-01 (usia 18 tahun)",
            "2010-01-01",
        ),
    ]
    columns = {f.nip: f.column for f in of_rule(report, "DATA-TANGGAL")}
    assert columns[c.nip["cpns_before_18"]] == "tmt_cpns"
    assert columns[c.nip["gol_after_as_of"]] == "tmt_golongan"
    assert c.nip["gol_next_period"] not in columns


def test_tanggal_boundary_cpns_on_18th_birthday(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-TANGGAL", c.nip["cpns_at_18"])
    assert of_rule(report, "DATA-TANGGAL", c.nip["cpns_before_18"])


def test_tanggal_near_miss_date_on_as_of(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-TANGGAL", c.nip["gol_on_as_of"])
    assert not of_rule(report, "DATA-TANGGAL", c.nip["ok"])


# --- DATA-PANGKAT-RIWAYAT ---------------------------------------------------------------------


def test_pangkat_riwayat_breach(data: tuple[Report, Case]) -> None:
    report, c = data
    assert project(report, "DATA-PANGKAT-RIWAYAT") == [
        (
            "DATA-PANGKAT-RIWAYAT",
            _row(c, "riwayat_beda"),
            c.nip["riwayat_beda"],
            None,
            "III/d",
            "III/c",
        )
    ]


def test_pangkat_riwayat_near_miss_latest_by_tmt_not_by_order(data: tuple[Report, Case]) -> None:
    report, c = data
    assert not of_rule(report, "DATA-PANGKAT-RIWAYAT", c.nip["riwayat_sama"])
    assert not of_rule(report, "DATA-PANGKAT-RIWAYAT", c.nip["tanpa_riwayat"])


def test_pangkat_riwayat_message(data: tuple[Report, Case]) -> None:
    report, _ = data
    (finding,) = of_rule(report, "DATA-PANGKAT-RIWAYAT")
    assert finding.severity == "warning" and finding.column == "golongan"
    assert (
        "tercatat dengan golongan III/c pada data pegawai, sedangkan riwayat pangkat terakhirnya "
        "menunjukkan golongan III/d" in finding.message
    )


def test_data_fixture_has_no_stray_errors(data: tuple[Report, Case]) -> None:
    """The compliant default employee breaks nothing (so every other finding is on purpose)."""
    report, c = data
    assert [f.rule for f in report.findings if f.nip == c.nip["ok"]] == []


def test_ni_pppk_structure_is_a_warning_to_verify(tmp_path: Path) -> None:
    """Domain 4.2 (one secondary source): the NI PPPK holds the birth date, the year of the
    contract, the digit 2, a period digit, the sex digit and a serial. A PPPK number that does
    not match is a warning to verify (DATA-NIP-PPPK), never the PNS errors DATA-NIP-LAHIR or
    DATA-NIP-JK; a well-formed one is not reported."""
    pppk = {
        "status_kepegawaian": "PPPK",
        "golongan": "IX",
        "jenis_jabatan": "Fungsional Ahli Pertama",
        "tanggal_lahir": dt.date(1995, 1, 1),
        "tmt_cpns": dt.date(2022, 3, 1),
    }
    d = Data()
    good = d.pegawai(nip="199501012022211001", **pppk)
    sex = d.pegawai(nip="199501012022211002", jenis_kelamin="P", **pppk)
    born = d.pegawai(nip="199501022022211003", **pppk)
    code = d.pegawai(nip="199501012022311004", **pppk)
    report = d.check(tmp_path / "kiriman", years=[2025])
    flagged = {f.nip: f for f in of_rule(report, "DATA-NIP-PPPK")}
    assert set(flagged) == {sex, born, code}
    assert good not in flagged
    assert {(f.severity, f.category) for f in flagged.values()} == {("warning", "verifikasi")}
    assert flagged[sex].actual == "digit ke-15 1 (laki-laki)"
    assert flagged[code].actual == "digit ke-13 3"
    assert not of_rule(report, "DATA-NIP-LAHIR") and not of_rule(report, "DATA-NIP-JK")
