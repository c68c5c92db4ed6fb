"""The helper tables compiled rules may read, and :func:`prepare`, which creates them.

This is the contract between the check types (and authors of ``type: sql`` rules) and a
connection holding the agency tables. :func:`prepare` provides:

* ``kebijakan_parameter(name, since, until, value_num, value_text)`` — every dated value, valid
  from ``since`` (inclusive) to ``until`` (exclusive; 9999-12-31 for the last value);
* ``kebijakan_tahun(tahun)`` — the checked years, each once;
* ``kebijakan_konteks(as_of)`` — one row with the as-of date;
* ``kebijakan_asn`` — every row of ``pegawai`` with a NIP, as the rules read it (a table, made
  once: every rule reads it, and a view would be worked out again in each of them):
  ``kedudukan_hukum`` is the effective status (from the old ``aktif`` where the column is
  empty: Ya or empty → Aktif, Tidak → Tidak Aktif), ``opd`` the perangkat daerah (the row's
  own, else its unit's in ``unit_kerja``, else the instansi when it names a perangkat
  daerah, else the unit kerja), ``melayani_publik`` true when the employee's unit serves the
  public and the row does not say otherwise, plus ``kategori_jabatan`` (a category of the
  schema's ``jabatan.categories``, such as Guru, else the jenis jabatan) and ``_k``, the row's
  number (what a table of its rows keeps to join the rest back);
* ``kebijakan_kp_berikutnya(berikutnya, since)`` — the first KP period after the as-of date
  (parameter ``karier.kp_periode_bulan``) and since when the step that gives it is in force: a
  KP decreed for it may carry a TMT up to that date;
* ``kebijakan_pegawai(nip, ...)`` — one row per NIP with every column of ``kebijakan_asn``, for
  naming findings and reading the employee of a row in another table; where an NIP has several
  rows each column is the smallest value (DATA-NIP-GANDA reports such NIPs);
* ``kebijakan_kedudukan(kedudukan_hukum, kelompok)`` — the groups of kedudukan hukum values
  (``enumGroups`` of ``pegawai.kedudukan_hukum``) that populations name;
* ``kebijakan_golongan(golongan, urutan)`` — rank order (I/a = 1 ... IV/e = 17, then PPPK);
* ``kebijakan_predikat(predikat, urutan)`` — the predikat of every scale ranked together (the
  position in its scale, ``enumScales`` of ``penilaian_kinerja.predikat``, best = 5): Sangat
  Baik 5, Baik 4, Cukup and Butuh Perbaikan 3, Kurang and Kurang/Misconduct 2, Buruk and Sangat
  Kurang 1, so "at least Baik" compares old and new evaluations alike;
* every agency table of the Table Schema, empty and typed when the data did not bring it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

import duckdb

from checker.data.normalize import SQL_TYPES, lit, rows_table
from checker.data.schema import Field, Table
from checker.data.scope import FOREIGN_ROWS
from checker.policy.model import Peraturan

PARAMETER_TABLE = "kebijakan_parameter"
YEARS_TABLE = "kebijakan_tahun"
CONTEXT_TABLE = "kebijakan_konteks"
EMPLOYEE_VIEW = "kebijakan_pegawai"
ROW_KEY = "_k"  # a row's number in EMPLOYEE_ROWS: what a table of its rows keeps to join back
EMPLOYEE_ROWS = "kebijakan_asn"
NEXT_KP_VIEW = "kebijakan_kp_berikutnya"
KP_PERIOD_PARAMETER = "karier.kp_periode_bulan"
STATUS_GROUP_TABLE = "kebijakan_kedudukan"
# an instansi that starts so is a pemerintah daerah, not a perangkat daerah
PEMERINTAH_DAERAH = r"^\s*(pemerintah|pemprov|pemkab|pemkot)\b"
RANK_TABLE = "kebijakan_golongan"
PREDIKAT_TABLE = "kebijakan_predikat"
FAR_FUTURE = dt.date(9999, 12, 31)


def create_missing_tables(con: duckdb.DuckDBPyConnection, schema: Mapping[str, Table]) -> None:
    """Create every agency table the data did not bring, empty and typed, so rules can run."""
    existing = {
        row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    for table in schema.values():
        if table.name in existing:
            continue
        cols = ", ".join(f'"{f.name}" {SQL_TYPES[f.type]}' for f in table.fields)
        con.execute(f'CREATE TABLE "{table.name}" ({cols}, _file VARCHAR, _row INTEGER)')


def prepare(
    con: duckdb.DuckDBPyConnection,
    peraturan: Peraturan,
    as_of: dt.date,
    years: Iterable[int],
    schema: Mapping[str, Table],
    keep_opd: Callable[[str | None], bool] | None = None,
) -> None:
    """Create the helper tables the rules read: parameters, checked years, as-of, employees,
    and the rank and predikat orders of the version's Table Schema. With ``keep_opd``, the
    employees of a perangkat daerah it refuses are set aside in :data:`FOREIGN_ROWS`: no rule
    judges them and no count includes them."""
    create_missing_tables(con, schema)
    rows = []
    for parameter in peraturan.parameters.values():
        values = sorted(parameter.values, key=lambda v: v.since)
        for index, dated in enumerate(values):
            until = values[index + 1].since if index + 1 < len(values) else FAR_FUTURE
            number = dated.value if isinstance(dated.value, int | float) else None
            label = None if number is not None else str(dated.value)
            rows.append((parameter.name, dated.since, until, number, label))
    parameter_columns = [
        ("name", "VARCHAR"),
        ("since", "DATE"),
        ("until", "DATE"),
        ("value_num", "DOUBLE"),
        ("value_text", "VARCHAR"),
    ]
    rows_table(con, PARAMETER_TABLE, parameter_columns, rows)
    rows_table(con, YEARS_TABLE, [("tahun", "INTEGER")], [(y,) for y in sorted(set(years))])
    con.execute(
        f"CREATE OR REPLACE TABLE {CONTEXT_TABLE} AS SELECT CAST(? AS DATE) AS as_of", [as_of]
    )
    con.execute(f"CREATE OR REPLACE VIEW {NEXT_KP_VIEW} AS {NEXT_KP_PERIOD}")
    pegawai = schema["pegawai"]
    con.execute(f"CREATE OR REPLACE TABLE {EMPLOYEE_ROWS} AS {employee_rows(pegawai)}")
    _set_aside(con, keep_opd)
    names = [f'"{f.name}"' for f in pegawai.fields if f.name != "nip"] + ["kategori_jabatan"]
    # one row per NIP: a NIP on one row keeps it as it is; the rare NIP on several rows takes
    # the least value of each column (aggregating every row would cost seconds at 1 M)
    repeated = (
        f"SELECT nip FROM {EMPLOYEE_ROWS} WHERE nip IS NOT NULL GROUP BY nip HAVING count(*) > 1"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {EMPLOYEE_VIEW} AS "
        f"SELECT nip, {', '.join(names)} FROM {EMPLOYEE_ROWS} "
        f"WHERE nip IS NOT NULL AND nip NOT IN ({repeated}) UNION ALL "
        f"SELECT nip, {', '.join(f'MIN({n}) AS {n}' for n in names)} FROM {EMPLOYEE_ROWS} "
        f"WHERE nip IN ({repeated}) GROUP BY nip"
    )
    groups = pegawai.field("kedudukan_hukum").groups
    pairs = [(value, group) for group, values in sorted(groups.items()) for value in values]
    rows_table(
        con, STATUS_GROUP_TABLE, [("kedudukan_hukum", "VARCHAR"), ("kelompok", "VARCHAR")], pairs
    )
    _reference_table(con, RANK_TABLE, "golongan", schema["pegawai"].field("golongan").enum)
    ranks = predikat_ranks(schema["penilaian_kinerja"].field("predikat"))
    rows_table(
        con, PREDIKAT_TABLE, [("predikat", "VARCHAR"), ("urutan", "INTEGER")], sorted(ranks.items())
    )


def _set_aside(
    con: duckdb.DuckDBPyConnection, keep_opd: Callable[[str | None], bool] | None
) -> None:
    """Move the employees of refused perangkat daerah from :data:`EMPLOYEE_ROWS` to
    :data:`FOREIGN_ROWS` (always created, empty without ``keep_opd``)."""
    con.execute(
        f"CREATE OR REPLACE TABLE {FOREIGN_ROWS} AS SELECT nip, _file, _row, opd "
        f"FROM {EMPLOYEE_ROWS} LIMIT 0"
    )
    if keep_opd is None:
        return
    labels = [row[0] for row in con.execute(f"SELECT DISTINCT opd FROM {EMPLOYEE_ROWS}").fetchall()]
    refused = [label for label in labels if not keep_opd(label)]
    if not refused:
        return
    rows_table(con, "_opd_lain", [("opd", "VARCHAR")], [(label,) for label in refused])
    chosen = f"opd IN (SELECT opd FROM _opd_lain) OR (opd IS NULL AND {None in refused})"
    moved = f"SELECT nip, _file, _row, opd FROM {EMPLOYEE_ROWS} WHERE {chosen}"
    con.execute(f"INSERT INTO {FOREIGN_ROWS} {moved}")
    con.execute(f"DELETE FROM {EMPLOYEE_ROWS} WHERE {chosen}")


def predikat_ranks(predikat: Field) -> dict[str, int]:
    """Rank of each predikat (1 = worst): its position from the end of its scale, the scales
    of ``enumScales`` listing values best first and being equally long (the schema lint sees
    to it), so values of two scales at one position rank the same; without scales, the enum's
    order read from the end."""
    if not predikat.scales:
        return {value: index + 1 for index, value in enumerate(reversed(predikat.enum))}
    ranks: dict[str, int] = {}
    for scale in predikat.scales:
        for index, value in enumerate(scale.values):
            ranks.setdefault(value, len(scale.values) - index)
    return ranks


# The first KP period after the as-of date: KP periods fall on the first of April and of every
# month a multiple of the parameter's months away from April, by the value in force on the first
# of that month ((month - 4) divisible by the step, written (month + 8) to stay positive).
NEXT_KP_PERIOD = f"""
SELECT b.bulan AS berikutnya, p.since
FROM (SELECT CAST(date_trunc('month', k.as_of) + n.n * INTERVAL '1' MONTH AS DATE) AS bulan
      FROM {CONTEXT_TABLE} AS k CROSS JOIN range(1, 13) AS n(n)) AS b
JOIN {PARAMETER_TABLE} AS p ON p.name = {lit(KP_PERIOD_PARAMETER)}
  AND b.bulan >= p.since AND b.bulan < p.until
WHERE (EXTRACT(MONTH FROM b.bulan) + 8) % CAST(p.value_num AS INTEGER) = 0
ORDER BY b.bulan
LIMIT 1
"""


def employee_rows(pegawai: Table) -> str:
    """The SELECT of :data:`EMPLOYEE_ROWS` (see the module docstring)."""
    categories = pegawai.field("jabatan").categories
    name = "lower(trim(p.jabatan))"
    whens = " ".join(
        f"WHEN {name} = {lit(prefix.lower())} OR starts_with({name}, {lit(prefix.lower() + ' ')}) "
        f"THEN {lit(category)}"
        for category, prefixes in categories.items()
        for prefix in prefixes
    )
    kategori = f"CASE {whens} ELSE p.jenis_jabatan END" if whens else "p.jenis_jabatan"
    opd = (
        "COALESCE(NULLIF(trim(p.opd), ''), NULLIF(trim(u.opd), ''), "
        f"CASE WHEN NOT regexp_matches(lower(p.instansi), {lit(PEMERINTAH_DAERAH)}) "
        "THEN p.instansi END, p.unit_kerja, p.instansi)"
    )
    status = (
        "COALESCE(p.kedudukan_hukum, CASE WHEN p.aktif = FALSE THEN 'Tidak Aktif' ELSE 'Aktif' END)"
    )
    serves = "COALESCE(u.pelayanan_publik, FALSE) AND COALESCE(p.melayani_publik, TRUE)"
    units = (
        "SELECT instansi, nama, MIN(opd) AS opd, BOOL_OR(pelayanan_publik) AS pelayanan_publik "
        "FROM unit_kerja GROUP BY instansi, nama"
    )
    return (
        f"SELECT p.* REPLACE ({status} AS kedudukan_hukum, {opd} AS opd, "
        f"{serves} AS melayani_publik), {kategori} AS kategori_jabatan, "
        f"row_number() OVER () AS {ROW_KEY}\n"
        f"FROM pegawai AS p LEFT JOIN ({units}) AS u "
        "ON u.instansi = p.instansi AND u.nama = p.unit_kerja\n"
        # a row whose NIP intake could not read (SKEMA-NIP-RUSAK, SKEMA-WAJIB) ties to no
        # training or evaluation: judging it would report obligations of nobody
        "WHERE p.nip IS NOT NULL"
    )


def _reference_table(
    con: duckdb.DuckDBPyConnection, name: str, column: str, ordered: tuple[str, ...]
) -> None:
    """A (value, urutan) table from an enum in ascending order, for comparing ranks in SQL."""
    rows = [(value, index + 1) for index, value in enumerate(ordered)]
    rows_table(con, name, [(column, "VARCHAR"), ("urutan", "INTEGER")], rows)
