"""Value normalisation (SQL builders) and the schema's spellings: every accepted form, and rejects."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from checker.data.normalize import clean_sql, date_sql, integer_sql, lit, number_sql, typed_sql
from checker.data.schema import load_schema

SCHEMA = load_schema()


def _eval(expr: str) -> object:
    row = duckdb.connect().execute(f"SELECT {expr}").fetchone()
    assert row is not None
    return row[0]


def _typed(table: str, field: str, text: str) -> object:
    f = SCHEMA[table].field(field)
    return _eval(typed_sql(f"({clean_sql(lit(text))})", f))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17/08/1985", dt.date(1985, 8, 17)),
        ("1/2/2020", dt.date(2020, 2, 1)),
        ("17-08-1985", dt.date(1985, 8, 17)),
        ("1985-08-17", dt.date(1985, 8, 17)),
        ("17.08.1985", dt.date(1985, 8, 17)),
        ("45292", dt.date(2024, 1, 1)),
        ("2024-01-05 00:00:00", dt.date(2024, 1, 5)),
        ("31/02/2024", None),
        ("05/01/85", None),
        ("kemarin", None),
    ],
)
def test_dates(text: str, expected: dt.date | None) -> None:
    assert _eval(date_sql(f"({clean_sql(lit(text))})")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24", 24.0),
        ("2,5", 2.5),
        ("2.5", 2.5),
        ("1.500.000", 1500000.0),
        ("Rp 1.500.000,50", 1500000.5),
        # no "." or ",", yet not a number as written: the slow spellings still read them
        ("Rp 1500000", 1500000.0),
        ("1 500", 1500.0),
        ("1,500,000.50", 1500000.5),
        ("dua puluh", None),
    ],
)
def test_numbers(text: str, expected: float | None) -> None:
    assert _eval(number_sql(f"({clean_sql(lit(text))})")) == expected


def test_integers_reject_fractions() -> None:
    assert _eval(integer_sql(lit("2025.0"))) == 2025
    assert _eval(integer_sql(lit("2,5"))) is None


@pytest.mark.parametrize(
    "text", ["III/d", "III/D", "IIId", "III-d", "iii d", "Penata Tingkat I", "Penata Tk. I", "34"]
)
def test_golongan_spellings(text: str) -> None:
    assert _typed("pegawai", "golongan", text) == "III/d"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("L", "L"), ("Laki-laki", "L"), ("M", "L"), ("1", "L"), ("p", "P"), ("Perempuan", "P"),
     ("F", "P"), ("2", "P"), ("X", None)],
)  # fmt: skip
def test_jenis_kelamin(text: str, expected: str | None) -> None:
    assert _typed("pegawai", "jenis_kelamin", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("SANGAT  BAIK", "Sangat Baik"), ("baik", "Baik"), ("Kurang", "Kurang"),
     ("kurang / misconduct", "Kurang/Misconduct"), ("butuh perbaikan", "Butuh Perbaikan"),
     ("Cukup", "Cukup"), ("Amat Baik", None)],
)  # fmt: skip
def test_predikat(text: str, expected: str | None) -> None:
    """Read without the row's year: "Kurang" is Kurang/Misconduct only in a row of 2022 or later
    (tests/data/test_penilaian_lama.py)."""
    assert _typed("penilaian_kinerja", "predikat", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ya", True), ("y", True), ("1", True), ("true", True), ("Tidak", False), ("T", False),
     ("0", False), ("FALSE", False), ("mungkin", None)],
)  # fmt: skip
def test_ya_tidak(text: str, expected: bool | None) -> None:
    assert _typed("unit_kerja", "pelayanan_publik", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("'198503122010011001", "198503122010011001"),
     ("19850312 201001 1 001", "198503122010011001"),
     ("1,98503E+17", None), ("1.98503E+17", None), ("198503122010011000", None),
     ("198503122010011001.0", None), ("12345", "12345"),
     # texts an 18-digit number reads back differently from: kept as written (rules judge them)
     ("018503122010011001", "018503122010011001"), ("+19850312201001100", "+19850312201001100"),
     ("1985_0312201001100", "1985_0312201001100"), ("１９８５０３１２２０１００１１００１",
     "１９８５０３１２２０１００１１００１"), ("'", ""), ("'12345000", "12345000")],
)  # fmt: skip
def test_nip_cleanup_and_excel_damage(text: str, expected: str | None) -> None:
    assert _typed("pegawai", "nip", text) == expected


def test_schema_contract() -> None:
    assert list(SCHEMA) == [
        "pegawai", "pelatihan", "penilaian_kinerja", "riwayat_pangkat", "penghargaan",
        "hukuman_disiplin", "riwayat_cltn", "unit_kerja",
    ]  # fmt: skip
    for table in SCHEMA.values():
        names = [f.name for f in table.fields]
        assert set(table.primary_key) <= set(names)
        if "nip" in names and table.name != "pegawai":
            assert any(fk.ref_table == "pegawai" for fk in table.foreign_keys)
        assert all(f.description for f in table.fields)
    golongan = SCHEMA["pegawai"].field("golongan").enum
    assert (
        golongan[0] == "I/a" and "IV/e" in golongan and "XVII" in golongan and len(golongan) == 34
    )
    assert SCHEMA["pegawai"].field("status_kepegawaian").enum == ("PNS", "CPNS", "PPPK")
    assert len(SCHEMA["penilaian_kinerja"].field("predikat").enum) == 8  # both scales
    assert SCHEMA["pelatihan"].field("jenis").enum == ("klasikal", "nonklasikal")
    assert {"reguler", "pilihan"} <= set(SCHEMA["riwayat_pangkat"].field("jenis_kp").enum)
    assert SCHEMA["hukuman_disiplin"].field("tingkat").enum == ("ringan", "sedang", "berat")
    assert "tahunan" in SCHEMA["penilaian_kinerja"].field("periode").enum
    jabatan = SCHEMA["pegawai"].field("jenis_jabatan").enum
    assert len(jabatan) == 14 and "Fungsional Pemula" in jabatan
    pendidikan = SCHEMA["pegawai"].field("pendidikan").enum
    assert pendidikan[0] == "SD" and pendidikan[-1] == "S-3"


def test_siasn_headers_are_aliases() -> None:
    mapping = SCHEMA["pegawai"].header_map
    for header, field in [("nip_baru", "nip"), ("gol_akhir_nama", "golongan"),
                          ("tmt_cpns", "tmt_cpns"), ("instansi_kerja_nama", "instansi"),
                          ("unor_nama", "unit_kerja"), ("status_cpns_pns", "status_kepegawaian"),
                          ("jenis_jabatan_nama", "jenis_jabatan"),
                          ("tingkat_pendidikan_nama", "pendidikan")]:  # fmt: skip
        assert mapping[header] == field


def test_a_spelling_is_normalised_once_however_many_aliases() -> None:
    """A CASE over the normalised key computes the key (three regular expressions) again for
    every alias: 20 000 SIASN rank rows took 21 s instead of 1 s. The work per value must not
    grow with the number of aliases."""
    from checker.data.normalize import mapping_sql

    calls: list[str] = []

    def probe(text: str) -> str:
        calls.append(text)
        return text

    con = duckdb.connect()
    con.create_function("probe", probe, ["VARCHAR"], "VARCHAR", side_effects=True)
    # the cheap route (letters, digits, space / . -) and key_sql's (K_1, a formula)
    values = "SELECT unnest(['k 1', 'K-1', 'x', 'k1', 'K_1', '=K1']) AS v"
    counts = []
    for size in (2, 60):
        mapping = {f"K{i}": lit(f"nilai {i}") for i in range(size)}
        calls.clear()
        sql = mapping_sql("probe(v)", mapping)
        got = [r[0] for r in con.execute(f"SELECT {sql} FROM ({values})").fetchall()]
        assert got == ["nilai 1", "nilai 1", None, "nilai 1", "nilai 1", None]
        counts.append(len(calls))
    assert counts[0] == counts[1], counts
