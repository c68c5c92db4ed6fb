"""Per-employee, per-checked-year checks: an aggregate against a parameter, or existence.

Both start from the rule's *population* (``population:`` beside ``check:``, see
:mod:`checker.rules.population`): employees (``kebijakan_asn`` as ``p``) crossed with the checked
years (``kebijakan_tahun`` as ``y``). An extra SQL condition may narrow it (``where``; write
``:year_start``/``:year_end`` for 1 January and 31 December of the checked year).
"""

from __future__ import annotations

from typing import Any, ClassVar

from checker.rules.helpers import EMPLOYEE_ROWS, YEARS_TABLE
from checker.rules.model import Rule
from checker.rules.sql import AS_OF, ParamJoin, expand, literal, output, year_end, year_start
from checker.rules.types.base import COLUMN, SQL, CheckType, CompileContext

WHERE = {
    **SQL,
    "description": "Syarat SQL tambahan atas pegawai p dan tahun y.tahun, di samping populasi "
    "aturan.",
}
DATE_COLUMNS = {
    "oneOf": [COLUMN, {"type": "array", "minItems": 1, "items": COLUMN}],
    "description": "Kolom tanggal baris anak yang menentukan tahunnya, atau daftar kolom: "
    "yang pertama terisi dipakai (misalnya [tanggal_selesai, tanggal_mulai]).",
}
DUE = {
    "type": "string",
    "description": "Parameter bertanggal: jumlah bulan setelah akhir tahun sampai kewajiban "
    "tahun itu jatuh tempo (misalnya batas penetapan evaluasi tahunan). Tanpa ini, tahun dinilai "
    "setelah 31 Desember.",
}


# the options of an aggregate of child rows against a dated parameter (period and contract years)
AGGREGATE_OPTIONS: dict[str, Any] = {
    "child": COLUMN,
    "date_column": DATE_COLUMNS,
    "aggregate": {**SQL, "description": "Agregat atas baris anak c, misalnya SUM(c.jp)."},
    "breach": {"enum": ["<", ">"], "description": "< : kurang dari parameter; > : melebihi."},
    "parameter": {"type": "string"},
    "column": COLUMN,
}


def employee_output(
    rule: Rule,
    *,
    expected: str,
    actual: str,
    period: str = "e.tahun",
    expected_since: str = "NULL",
    column: str | None = None,
) -> str:
    """The output columns of a finding about one employee row ``e`` of a per-employee query."""
    return output(
        file="e._file",
        row="e._row",
        nip="e.nip",
        nama="e.nama",
        instansi="e.instansi",
        period=period,
        column=column or rule.check.get("column"),
        expected=expected,
        actual=actual,
        expected_since=expected_since,
        opd="e.opd",
    )


def due_date(rule: Rule, year: str) -> tuple[str, str]:
    """The date from which year ``year`` is judged (the day after it is due), and the JOIN that
    reads the due parameter (empty without one)."""
    end = year_end(year)
    months = rule.check.get("due_months")
    if not months:
        return f"CAST({end} + INTERVAL '1' DAY AS DATE)", ""
    join = ParamJoin("tempo", months, end, inner=True)
    due = f"CAST({end} + CAST(tempo.value_num AS INTEGER) * INTERVAL '1' MONTH AS DATE)"
    return f"CAST({due} + INTERVAL '1' DAY AS DATE)", join.sql()


def population_sql(rule: Rule, *, open_years: bool = False) -> str:
    """Employees × checked years that the rule applies to: columns of p plus ``tahun`` and
    ``jatuh_tempo`` (the day the year's obligation is judged from). Only years already due at
    the as-of date, or with ``open_years`` only those not yet due (for progress reports)."""
    conds = [rule.population.condition("p", "y.tahun")] if rule.population else []
    if rule.check.get("where"):
        conds.append(
            expand(rule.check["where"])
            .replace(":year_start", year_start("y.tahun"))
            .replace(":year_end", year_end("y.tahun"))
        )
    judged_from, join = due_date(rule, "y.tahun")
    conds.append(f"{AS_OF} {'<' if open_years else '>='} {judged_from}")
    cond = " AND ".join(f"({c})" for c in conds)
    return (
        f"SELECT p.*, y.tahun, {judged_from} AS jatuh_tempo FROM {EMPLOYEE_ROWS} AS p "
        f"CROSS JOIN {YEARS_TABLE} AS y {join} WHERE {cond}"
    )


def date_of(rule: Rule, alias: str = "c") -> str:
    """The child row's date: its ``date_column``, or the first filled of several."""
    columns = rule.check["date_column"]
    if isinstance(columns, str):
        return f"{alias}.{columns}"
    return "COALESCE(" + ", ".join(f"{alias}.{c}" for c in columns) + ")"


def _child_in_year(rule: Rule, *, so_far: bool = False) -> str:
    """The child rows of the employee counted for the year; ``so_far`` (progress in a year not
    yet due) keeps only those dated by the as-of date: a training planned for next month has
    not been followed yet."""
    cond = f"c.nip = p.nip AND EXTRACT(YEAR FROM {date_of(rule)}) = p.tahun"
    return f"{cond} AND {date_of(rule)} <= {AS_OF}" if so_far else cond


class PeriodAggregate(CheckType):
    name = "period_aggregate"
    title = "Agregat per tahun terhadap parameter"
    description = (
        "Untuk setiap pegawai dalam populasi dan setiap tahun yang diperiksa, "
        "agregat baris tabel anak pada tahun itu dibandingkan dengan parameter yang "
        "berlaku pada 31 Desember tahun tersebut."
    )
    options: ClassVar[dict[str, Any]] = {
        "where": WHERE,
        "due_months": DUE,
        **AGGREGATE_OPTIONS,
    }
    required = ("child", "date_column", "aggregate", "breach", "parameter")
    example = (
        "population:\n  status_kepegawaian: [PNS]\ncheck:\n  type: period_aggregate\n"
        "  child: pelatihan\n  date_column: tanggal_selesai\n  aggregate: SUM(c.jp)\n"
        "  breach: '<'\n  parameter: kompetensi.jp_minimum_pns"
    )

    def per_employee(self, rule: Rule, *, open_years: bool = False) -> str:
        """Population rows with ``nilai`` (the aggregate, 0 when none) and the parameter."""
        check = rule.check
        param = ParamJoin("m", check["parameter"], year_end("p.tahun"))
        aggregate = (
            f"(SELECT {check['aggregate']} FROM {check['child']} AS c "
            f"WHERE {_child_in_year(rule, so_far=open_years)})"
        )
        return (
            f"SELECT p.*, COALESCE({aggregate}, 0) AS nilai, m.value_num AS batas, "
            f"m.since AS batas_sejak, {param.value()} AS batas_teks\n"
            f"FROM ({population_sql(rule, open_years=open_years)}) AS p\n{param.sql()}"
        )

    def breach_condition(self, rule: Rule) -> str:
        """Condition on :meth:`per_employee` rows that makes a breach."""
        return f"e.nilai {rule.check['breach']} e.batas"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        select = employee_output(
            rule, expected="e.batas_teks", actual="e.nilai", expected_since="e.batas_sejak"
        )
        return (
            f"SELECT {select}\nFROM {ctx.per_employee(self, rule)} AS e\n"
            f"WHERE {self.breach_condition(rule)}"
        )

    def parameters(self, rule: Rule) -> list[str]:
        return [rule.check["parameter"]]


class PeriodExists(CheckType):
    name = "period_exists"
    title = "Keberadaan catatan per tahun"
    description = (
        "Untuk setiap pegawai dalam populasi dan setiap tahun yang diperiksa, harus "
        "ada paling sedikit satu baris tabel anak c yang memenuhi `match` "
        "(gunakan p.tahun untuk tahun yang diperiksa)."
    )
    options: ClassVar[dict[str, Any]] = {
        "where": WHERE,
        "due_months": DUE,
        "child": COLUMN,
        "match": {**SQL, "description": "Syarat SQL atas baris anak c dan pegawai p."},
        "expected": {"type": "string", "description": "Uraian catatan yang diharapkan."},
        "column": COLUMN,
    }
    required = ("child", "match")
    example = (
        "population:\n  kedudukan_hukum: bertugas\ncheck:\n  type: period_exists\n"
        "  child: penilaian_kinerja\n  match: c.nip = p.nip AND c.tahun = p.tahun"
    )

    def per_employee(self, rule: Rule, *, open_years: bool = False) -> str:
        """Population rows with ``ada`` telling whether a matching child row exists."""
        check = rule.check
        exists = f"EXISTS (SELECT 1 FROM {check['child']} AS c WHERE {expand(check['match'])})"
        return (
            f"SELECT p.*, {exists} AS ada\n"
            f"FROM ({population_sql(rule, open_years=open_years)}) AS p"
        )

    def breach_condition(self, rule: Rule) -> str:
        """Condition on :meth:`per_employee` rows that makes a breach."""
        return "NOT e.ada"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        expected = rule.check.get("expected", "ada")
        select = employee_output(rule, expected=literal(expected), actual="'tidak ada'")
        return (
            f"SELECT {select}\nFROM {ctx.per_employee(self, rule)} AS e\n"
            f"WHERE {self.breach_condition(rule)}"
        )
