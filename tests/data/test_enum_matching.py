"""Enum values are matched, not guessed (issue 13 item 5).

Case, spaces and the separators real exports use are ignored, but a value with formula or
arithmetic characters (also in fullwidth form) or a number with separators (``1.1``) never
becomes a code: intake reports it as SKEMA-ENUM instead of reading ``=1+1`` as golongan ``11``
(I/a). Each test pairs a real spelling with a disguised one that the old matching accepted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from checker import ingest
from checker.data.normalize import clean_sql, lit, typed_sql
from checker.data.schema import load_schema, load_schema_unchecked, value_key

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = load_schema()


def _typed(table: str, field: str, text: str) -> object:
    """The value intake types ``text`` to in ``table.field`` (None: not a known value)."""
    sql = typed_sql(f"({clean_sql(lit(text))})", SCHEMA[table].field(field))
    row = duckdb.connect().execute(f"SELECT {sql}").fetchone()
    assert row is not None
    return row[0]


@pytest.mark.parametrize(
    ("table", "field", "text", "canonical"),
    [
        ("pegawai", "golongan", "III/d", "III/d"),
        ("pegawai", "golongan", "III-d", "III/d"),
        ("pegawai", "golongan", "IIId", "III/d"),
        ("pegawai", "golongan", "III / D", "III/d"),
        ("pegawai", "golongan", "iii/d", "III/d"),
        ("pegawai", "golongan", "Penata Tk. I", "III/d"),
        ("pegawai", "golongan", "Penata Tingkat I", "III/d"),
        ("pegawai", "golongan", "34", "III/d"),
        ("pegawai", "pendidikan", "S1", "S-1"),
        ("pegawai", "pendidikan", "S-1", "S-1"),
        ("pegawai", "pendidikan", "S.1", "S-1"),
        ("pegawai", "pendidikan", "S 1", "S-1"),
        ("riwayat_pangkat", "golongan", "III / D", "III/d"),
    ],
)
def test_real_spellings_match_and_formulas_of_them_do_not(
    table: str, field: str, text: str, canonical: str
) -> None:
    assert _typed(table, field, text) == canonical
    assert SCHEMA[table].field(field).value_map[value_key(text)] == canonical
    for disguised in (f"={text}", f"＝{text}", f"+{text}", f"@{text}", f"({text})"):
        assert _typed(table, field, disguised) is None, disguised
        assert value_key(disguised) == "", disguised


@pytest.mark.parametrize(
    "text",
    ["3.4", "3,4", "3 4", "3*4", "=34", "+34", "-34", "@34", "(34)", "＝34", "3/4", "=3+4"],
)
def test_disguised_golongan_codes_match_nothing(text: str) -> None:
    # every one of these has the letters and digits of the SIASN code 34 (III/d)
    assert _typed("pegawai", "golongan", text) is None
    assert value_key(text) == ""


BAD = ["=1+1", "1.1", "＝1+1", "+1", "@SUM(A1)"]
HEADER = "nip,nama,tanggal_lahir,jenis_kelamin,status_kepegawaian,golongan,tmt_golongan,"
HEADER += "jenis_jabatan,jabatan,pendidikan,tmt_cpns,instansi,unit_kerja,aktif"


def _row(nip: str, golongan: str) -> str:
    quoted = '"' + golongan.replace('"', '""') + '"'
    return (
        f"{nip},Budi Saputra,12/03/1985,L,PNS,{quoted},01/04/2018,Pelaksana,"
        "Pengadministrasi Perkantoran,S-1,01/01/2010,Pemerintah Kota Bengkulu,Dinas Sosial,Ya"
    )


def test_formula_golongan_gives_skema_enum_at_intake(tmp_path: Path) -> None:
    good = ["III / D", "iii-d", "11"]
    values = [*BAD, *good]
    lines = [HEADER] + [_row(f"19850312201001{1001 + i}", v) for i, v in enumerate(values)]
    path = tmp_path / "pegawai.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dataset = ingest([path])
    got = [(f.rule, f.row, f.column, f.actual) for f in dataset.findings]
    # the header is row 1, so value i sits on row i + 2
    assert got == [("SKEMA-ENUM", i + 2, "golongan", v) for i, v in enumerate(BAD)]
    enum = next(f for f in dataset.findings if f.actual == "=1+1")
    assert enum.expected is not None and "III/d" in enum.expected
    typed = dataset.connection.sql("SELECT nip, golongan FROM pegawai ORDER BY nip").fetchall()
    assert [g for _, g in typed] == [None] * len(BAD) + ["III/d", "III/d", "I/a"]


def test_schema_spelling_that_can_never_match_is_a_lint_problem(tmp_path: Path) -> None:
    directory = tmp_path / "schema"
    shutil.copytree(ROOT / "rules" / "schema", directory)
    pegawai = directory / "pegawai.yml"
    text = pegawai.read_text(encoding="utf-8")
    old = 'I/a: [Juru Muda, "11"]'
    assert text.count(old) == 1
    pegawai.write_text(text.replace(old, 'I/a: [Juru Muda, "11", "1.1"]'), encoding="utf-8")
    tables, problems = load_schema_unchecked(directory)
    assert tables is None
    assert [(p.code, "'1.1'" in p.message) for p in problems] == [("table-enum-alias", True)]
