"""Column checks on one table: not_null, unique, allowed_values, pattern, reference."""

from __future__ import annotations

from typing import Any, ClassVar

from checker.rules.helpers import EMPLOYEE_ROWS, EMPLOYEE_VIEW
from checker.rules.model import Rule
from checker.rules.sql import expand, literal, output
from checker.rules.types.base import COLUMN, SQL, CheckType, CompileContext

WHERE = {**SQL, "description": "Syarat tambahan (SQL) baris yang diperiksa."}


def row_output(
    rule: Rule,
    column: str,
    actual: str,
    expected: str = "NULL",
    *,
    period: str = "NULL",
    expected_since: str = "NULL",
) -> str:
    """The output columns for a breach found in one row ``t`` of the rule's table, naming the
    employee from the row itself (pegawai) or from ``k`` (see :func:`row_from`)."""
    if rule.table == "pegawai":
        nip, nama, instansi, opd = "t.nip", "t.nama", "t.instansi", "t.opd"
    elif rule.table == "unit_kerja":
        nip, nama, instansi = "NULL", "NULL", "t.instansi"
        opd = "COALESCE(t.opd, t.nama)"
    else:
        nip, nama, instansi, opd = "t.nip", "k.nama", "k.instansi", "k.opd"
    return output(
        file="t._file",
        row="t._row",
        nip=nip,
        nama=nama,
        instansi=instansi,
        period=period,
        column=column,
        actual=actual,
        expected=expected,
        expected_since=expected_since,
        opd=opd,
    )


def row_from(rule: Rule, source: str | None = None) -> str:
    """FROM the rule's table (or ``source`` over it) as t, with the employee of each row as k
    (one row per NIP of ``kebijakan_pegawai``) unless t is itself pegawai or unit_kerja. Rows
    of pegawai are read as the rules see them (``kebijakan_asn``: effective kedudukan hukum,
    OPD, jabatan category), and the rule's population, if any, filters them."""
    population = rule.population
    if rule.table == "pegawai":
        if population is None or population.everyone:
            return f"FROM {source or EMPLOYEE_ROWS} AS t"
        return (
            f"FROM (SELECT * FROM {source or EMPLOYEE_ROWS} AS p "
            f"WHERE {population.condition('p')}) AS t"
        )
    base = source or rule.table
    if rule.table == "unit_kerja":
        return f"FROM {base} AS t"
    # a record that names no employee (no NIP, or a PNS ID no employee has) is intake's
    # finding, not a breach of whoever it might be
    base = f"(SELECT * FROM {base} WHERE nip IS NOT NULL)"
    if population is not None and not population.everyone:
        # a record is judged unless its employee is known and outside the population (the
        # record of an NIP missing from pegawai is judged, as intake reports the NIP apart)
        base = (
            f"(SELECT r.* FROM {base} AS r WHERE NOT EXISTS (SELECT 1 FROM {EMPLOYEE_VIEW} "
            f"AS p WHERE p.nip = r.nip AND NOT ({population.condition('p')})))"
        )
    return f"FROM {base} AS t\nLEFT JOIN {EMPLOYEE_VIEW} AS k ON k.nip = t.nip"


def _where(rule: Rule, condition: str) -> str:
    extra = rule.check.get("where")
    return f"({condition})" + (f" AND ({expand(extra)})" if extra else "")


class NotNull(CheckType):
    name = "not_null"
    title = "Wajib diisi"
    description = "Kolom tidak boleh kosong."
    options: ClassVar[dict[str, Any]] = {"column": COLUMN, "where": WHERE}
    required = ("column",)
    example = "check: {type: not_null, column: tmt_cpns}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        col = rule.check["column"]
        return (
            f"SELECT {row_output(rule, col, 'NULL')}\n{row_from(rule)}\n"
            f"WHERE {_where(rule, f't.{col} IS NULL')}"
        )


class Unique(CheckType):
    name = "unique"
    title = "Unik"
    description = (
        "Kombinasi kolom tidak boleh muncul lebih dari sekali; setiap kemunculan "
        "sesudah yang pertama (menurut berkas dan baris) dilaporkan beserta letak "
        "kemunculan pertamanya."
    )
    options: ClassVar[dict[str, Any]] = {
        "columns": {"type": "array", "items": COLUMN, "minItems": 1},
        "where": WHERE,
    }
    required = ("columns",)
    example = "check: {type: unique, columns: [nip]}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        cols = rule.check["columns"]
        keys = ", ".join(f"t.{c}" for c in cols)
        not_null = " AND ".join(f"t.{c} IS NOT NULL" for c in cols)
        window = f"PARTITION BY {keys} ORDER BY t._file, t._row"
        counted = (
            f"SELECT t.*, ROW_NUMBER() OVER ({window}) AS urutan, "
            f"FIRST_VALUE(t._row) OVER ({window}) AS baris_pertama, "
            f"FIRST_VALUE(t._file) OVER ({window}) AS berkas_pertama "
            f"FROM {rule.table} AS t WHERE {_where(rule, not_null)}"
        )
        first = "'baris ' || CAST(t.baris_pertama AS VARCHAR) || ' berkas ' || t.berkas_pertama"
        select = row_output(rule, cols[0], first, "'satu kali'")
        return f"SELECT {select}\n{row_from(rule, f'({counted})')}\nWHERE t.urutan > 1"


class AllowedValues(CheckType):
    name = "allowed_values"
    title = "Nilai yang diizinkan"
    description = "Nilai kolom harus salah satu dari daftar."
    options: ClassVar[dict[str, Any]] = {
        "column": COLUMN,
        "values": {"type": "array", "minItems": 1},
        "where": WHERE,
    }
    required = ("column", "values")
    example = "check: {type: allowed_values, column: status_kepegawaian, values: [PNS, CPNS]}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        col, values = rule.check["column"], rule.check["values"]
        allowed = ", ".join(literal(v) for v in values)
        expected = literal(", ".join(str(v) for v in values))
        return (
            f"SELECT {row_output(rule, col, f't.{col}', expected)}\n{row_from(rule)}\n"
            f"WHERE {_where(rule, f't.{col} IS NOT NULL AND t.{col} NOT IN ({allowed})')}"
        )


class Pattern(CheckType):
    name = "pattern"
    title = "Pola teks"
    description = "Nilai kolom harus cocok seluruhnya dengan ekspresi reguler."
    options: ClassVar[dict[str, Any]] = {
        "column": COLUMN,
        "pattern": {"type": "string", "minLength": 1},
        "expected": {"type": "string", "description": "Uraian pola untuk pesan."},
        "where": WHERE,
    }
    required = ("column", "pattern")
    example = "check: {type: pattern, column: nip, pattern: '[0-9]{18}'}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        col = rule.check["column"]
        expected = literal(rule.check.get("expected", rule.check["pattern"]))
        cond = (
            f"t.{col} IS NOT NULL AND NOT regexp_full_match(t.{col}, "
            f"{literal(rule.check['pattern'])})"
        )
        return (
            f"SELECT {row_output(rule, col, f't.{col}', expected)}\n{row_from(rule)}\n"
            f"WHERE {_where(rule, cond)}"
        )


class Reference(CheckType):
    name = "reference"
    title = "Rujukan ke tabel lain"
    description = "Nilai kolom harus ada di kolom tabel lain (kunci asing)."
    options: ClassVar[dict[str, Any]] = {
        "column": COLUMN,
        "to_table": COLUMN,
        "to_column": COLUMN,
        "where": WHERE,
    }
    required = ("column", "to_table", "to_column")
    example = "check: {type: reference, column: nip, to_table: pegawai, to_column: nip}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        col, other, other_col = (rule.check[k] for k in ("column", "to_table", "to_column"))
        cond = (
            f"t.{col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {other} AS r "
            f"WHERE r.{other_col} = t.{col})"
        )
        return (
            f"SELECT {row_output(rule, col, f't.{col}')}\n{row_from(rule)}\n"
            f"WHERE {_where(rule, cond)}"
        )
