"""Run compiled rules over the agency tables in DuckDB and turn result rows into Findings.

Everything is set-based: each rule is one SQL query; Python only formats the breaches.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from checker.data.schema import Table
from checker.errors import CheckerError
from checker.policy.model import Peraturan
from checker.policy.numbering import Numbering
from checker.policy.terbilang import digits, tanggal, terbilang
from checker.report.finding import ClauseRef, Finding
from checker.rules.model import OUTPUT_COLUMNS, Rule
from checker.rules.registry import REGISTRY
from checker.rules.sql import (
    CONTEXT_TABLE,
    EMPLOYEE_VIEW,
    PARAMETER_TABLE,
    PREDIKAT_TABLE,
    RANK_TABLE,
    YEARS_TABLE,
)
from checker.rules.types.base import CompileContext

SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE",
             "boolean": "BOOLEAN"}
MESSAGE_FIELDS = (*OUTPUT_COLUMNS, "citation", "rule", "title", "sapaan")
# how a letter addresses the employee: Saudara / Saudari by the recorded jenis_kelamin
SAPAAN = {"L": "Sdr.", "P": "Sdri."}
FAR_FUTURE = dt.date(9999, 12, 31)


def create_missing_tables(con: duckdb.DuckDBPyConnection, schema: Mapping[str, Table]) -> None:
    """Create every agency table the data did not bring, empty and typed, so rules can run."""
    existing = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    for table in schema.values():
        if table.name in existing:
            continue
        cols = ", ".join(f'"{f.name}" {SQL_TYPES[f.type]}' for f in table.fields)
        con.execute(f'CREATE TABLE "{table.name}" ({cols}, _file VARCHAR, _row INTEGER)')


def prepare(con: duckdb.DuckDBPyConnection, peraturan: Peraturan, as_of: dt.date,
            years: Iterable[int], schema: Mapping[str, Table]) -> None:
    """Create the helper tables the rules read: parameters, checked years, as-of, employees,
    and the rank and predikat orders of the version's Table Schema."""
    create_missing_tables(con, schema)
    rows = []
    for parameter in peraturan.parameters.values():
        values = sorted(parameter.values, key=lambda v: v.since)
        for index, dated in enumerate(values):
            until = values[index + 1].since if index + 1 < len(values) else FAR_FUTURE
            number = dated.value if isinstance(dated.value, int | float) else None
            label = None if number is not None else str(dated.value)
            rows.append((parameter.name, dated.since, until, number, label))
    con.execute(f"CREATE OR REPLACE TABLE {PARAMETER_TABLE} (name VARCHAR, since DATE, "
                "until DATE, value_num DOUBLE, value_text VARCHAR)")
    if rows:
        con.executemany(f"INSERT INTO {PARAMETER_TABLE} VALUES (?, ?, ?, ?, ?)", rows)
    con.execute(f"CREATE OR REPLACE TABLE {YEARS_TABLE} (tahun INTEGER)")
    con.executemany(f"INSERT INTO {YEARS_TABLE} VALUES (?)", [(y,) for y in sorted(set(years))])
    con.execute(f"CREATE OR REPLACE TABLE {CONTEXT_TABLE} AS SELECT CAST(? AS DATE) AS as_of",
                [as_of])
    con.execute(f"CREATE OR REPLACE VIEW {EMPLOYEE_VIEW} AS SELECT nip, MIN(nama) AS nama, "
                "MIN(instansi) AS instansi, MIN(unit_kerja) AS unit_kerja FROM pegawai "
                "WHERE nip IS NOT NULL GROUP BY nip")
    _reference_table(con, RANK_TABLE, "golongan", schema["pegawai"].field("golongan").enum)
    predikat = schema["penilaian_kinerja"].field("predikat").enum
    _reference_table(con, PREDIKAT_TABLE, "predikat", tuple(reversed(predikat)))


def _reference_table(con: duckdb.DuckDBPyConnection, name: str, column: str,
                     ordered: tuple[str, ...]) -> None:
    """A (value, urutan) table from an enum in ascending order, for comparing ranks in SQL."""
    con.execute(f"CREATE OR REPLACE TABLE {name} ({column} VARCHAR, urutan INTEGER)")
    con.executemany(f"INSERT INTO {name} VALUES (?, ?)",
                    [(value, index + 1) for index, value in enumerate(ordered)])


def compile_rule(rule: Rule, rules: dict[str, Rule]) -> str:
    """The SQL of one rule."""
    return REGISTRY[rule.type].compile(rule, CompileContext(rules))


def _tidy(value: Any) -> Any:
    """Numbers stored as text come back as "12.0"; show them as people write them."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        if number.is_integer() and "." in value:
            return str(int(number))
    return value


class MessageFormatter(string.Formatter):
    """``str.format`` with drafting-style specs: ``{expected:terbilang}``, ``{actual:angka}``,
    ``{expected:persen}`` ("80% (delapan puluh persen)"). Missing values print as "-"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if value is None or value == "":
            return "-"
        if format_spec in ("terbilang", "persen", "angka"):
            try:
                number = float(value)
            except (TypeError, ValueError):
                return str(value)
            shown: int | float = int(number) if number.is_integer() else number
            if format_spec == "angka":
                return digits(shown)
            return terbilang(shown, "persen" if format_spec == "persen" else "")
        return super().format_field(_for_people(_tidy(value)), format_spec)


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"^-?\d+\.\d+$")


def _for_people(value: Any) -> Any:
    """In messages, dates read "18 November 2010" and decimals "50,5" (Indonesian style)."""
    if not isinstance(value, str):
        return value
    if _DECIMAL.match(value):
        return value.replace(".", ",")

    def date(match: re.Match[str]) -> str:
        try:
            return tanggal(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            return match[0]

    return _ISO_DATE.sub(date, value)


FORMATTER = MessageFormatter()


def message_fields(template: str) -> list[str]:
    """The field names a message template uses."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@dataclass
class Engine:
    """Runs rules over one prepared connection."""

    con: duckdb.DuckDBPyConnection
    peraturan: Peraturan
    numbering: Numbering

    def citation(self, rule: Rule) -> ClauseRef:
        """The clause a rule enforces, rendered as the regulation reads."""
        text = self.numbering.citation(rule.clause) or rule.clause
        return ClauseRef(rule.clause, text, self.peraturan.version)

    def run(self, rules: list[Rule],
            progress: Callable[[Rule], None] | None = None) -> list[Finding]:
        """Every finding of every rule, sorted."""
        by_id = {rule.id: rule for rule in rules}
        results: list[tuple[Rule, list[dict[str, Any]]]] = []
        for rule in rules:
            sql = compile_rule(rule, by_id)
            try:
                cursor = self.con.execute(sql)
                names = [d[0] for d in cursor.description]
                rows = cursor.fetchall()
            except duckdb.Error as exc:
                raise CheckerError(f"aturan {rule.id} gagal dijalankan: {exc}",
                                   rule.span.path, rule.span.line) from exc
            results.append((rule, [dict(zip(names, row, strict=True)) for row in rows]))
            if progress:
                progress(rule)
        sexes = self.jenis_kelamin({row["nip"] for _, rows in results for row in rows})
        findings = [self.finding(rule, self.citation(rule), row, sexes)
                    for rule, rows in results for row in rows]
        return sorted(findings, key=Finding.sort_key)

    def jenis_kelamin(self, nips: set[str | None]) -> dict[str, str]:
        """The recorded jenis_kelamin of the employees findings name (one set-based lookup)."""
        wanted = sorted(n for n in nips if n)
        if not wanted:
            return {}
        self.con.execute("CREATE OR REPLACE TEMP TABLE _nip_sapaan (nip VARCHAR)")
        self.con.executemany("INSERT INTO _nip_sapaan VALUES (?)", [(n,) for n in wanted])
        return dict(self.con.execute(
            "SELECT p.nip, MIN(p.jenis_kelamin) FROM pegawai AS p JOIN _nip_sapaan AS n "
            "ON n.nip = p.nip WHERE p.jenis_kelamin IS NOT NULL GROUP BY p.nip").fetchall())

    def finding(self, rule: Rule, clause: ClauseRef, row: dict[str, Any],
                sexes: dict[str, str] | None = None) -> Finding:
        """One result row → one Finding with its Indonesian message."""
        sapaan = SAPAAN.get((sexes or {}).get(row["nip"] or "", ""), "Sdr.")
        fields = {**row, "citation": clause.citation, "rule": rule.id, "title": rule.title,
                  "sapaan": sapaan}
        message = FORMATTER.format(rule.message, **fields)
        since = row["expected_since"]
        return Finding(
            rule=rule.id, severity=rule.severity, message=message,
            table=row.get("table") or rule.table,
            file=row["file"], row=row["row"], column=row["column"], nip=row["nip"],
            instansi=row["instansi"], period=row["period"], expected=_tidy(row["expected"]),
            actual=_tidy(row["actual"]), clause=clause,
            expected_since=since.isoformat() if since is not None else None)
