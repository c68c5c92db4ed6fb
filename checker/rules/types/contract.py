"""contract_aggregate and contract_exists: per year of an employee's work contract (PPPK).

PP 49/2018 Pasal 40 ayat (1) counts a PPPK's competency development "dalam 1 (satu) tahun masa
perjanjian kerja": the year runs from the start of the contract (``start_column``, by default
``tmt_cpns``, which holds the start of the work contract for a PPPK), not from 1 January. A
contract year is judged once it has closed at the as-of date, in the checked year in which it
ends; the finding's period names it ("2025-03-01 s.d. 2026-02-28").
"""

from __future__ import annotations

from typing import Any, ClassVar

from checker.rules.helpers import EMPLOYEE_ROWS, YEARS_TABLE
from checker.rules.model import Rule
from checker.rules.sql import AS_OF, ParamJoin, expand, literal
from checker.rules.types.base import COLUMN, CheckType, CompileContext
from checker.rules.types.period import (
    AGGREGATE_OPTIONS,
    DATE_COLUMNS,
    WHERE,
    date_of,
    employee_output,
)

MAX_CONTRACT_YEARS = 60  # longer than any working life: later contract years are not judged
# a finding's period: the contract year it names ("2025-03-01 s.d. 2026-02-28")
CONTRACT_PERIOD = "CAST(e.mulai AS VARCHAR) || ' s.d. ' || CAST(e.selesai AS VARCHAR)"


def contract_years(rule: Rule) -> str:
    """Population rows × their closed contract years ending in a checked year: columns
    of p plus ``tahun``, ``mulai`` and ``selesai`` (first and last day)."""
    start = f"p.{rule.check.get('start_column', 'tmt_cpns')}"
    # The contract year n (from 0) ends in year Y + n of the start (a contract starting on
    # 1 January) or Y + n + 1 (any other day): the year ending in checked year y is one of the
    # two candidates below, so two rows per employee and year are tried, not the whole series.
    n = f"(y.tahun - CAST(EXTRACT(YEAR FROM {start}) AS INTEGER) - k.d)"
    first = f"CAST({start} + {n} * INTERVAL '1' YEAR AS DATE)"
    last = f"CAST({start} + ({n} + 1) * INTERVAL '1' YEAR - INTERVAL '1' DAY AS DATE)"
    conds = [
        f"{start} IS NOT NULL",
        f"{n} BETWEEN 0 AND {MAX_CONTRACT_YEARS - 1}",
        f"EXTRACT(YEAR FROM {last}) = y.tahun",
        f"{last} < {AS_OF}",
    ]
    if rule.population is not None:
        conds.append(rule.population.condition("p", "y.tahun"))
    if rule.check.get("where"):
        conds.append(expand(rule.check["where"]))
    return (
        f"SELECT p.*, y.tahun, {first} AS mulai, {last} AS selesai\n"
        f"FROM {EMPLOYEE_ROWS} AS p CROSS JOIN {YEARS_TABLE} AS y\n"
        f"CROSS JOIN range(0, 2) AS k(d)\n"
        f"WHERE {' AND '.join(f'({c})' for c in conds)}"
    )


class ContractAggregate(CheckType):
    name = "contract_aggregate"
    title = "Agregat per tahun masa perjanjian kerja terhadap parameter"
    description = (
        "Untuk setiap pegawai dalam populasi, setiap tahun masa perjanjian kerjanya (dihitung "
        "sejak `start_column`, bawaan tmt_cpns) yang berakhir pada tahun yang diperiksa dan "
        "telah selesai pada tanggal acuan: agregat baris tabel anak dalam tahun perjanjian itu "
        "dibandingkan dengan parameter yang berlaku pada hari terakhirnya. Periode temuan "
        "menyebut tahun perjanjian kerja itu."
    )
    options: ClassVar[dict[str, Any]] = {
        "where": WHERE,
        "start_column": {**COLUMN, "description": "Kolom pegawai: awal perjanjian kerja."},
        **AGGREGATE_OPTIONS,
    }
    required = ("child", "date_column", "aggregate", "breach", "parameter")
    example = (
        "population:\n  status_kepegawaian: [PPPK]\ncheck:\n  type: contract_aggregate\n"
        "  child: pelatihan\n  date_column: [tanggal_selesai, tanggal_mulai]\n"
        "  aggregate: SUM(c.jp)\n  breach: '>'\n  parameter: kompetensi.jp_maksimum_pppk"
    )

    def per_employee(self, rule: Rule) -> str:
        """Closed contract years of the population with ``nilai`` (the aggregate, 0 when none)
        and the parameter in force on the year's last day."""
        check = rule.check
        param = ParamJoin("m", check["parameter"], "p.selesai", inner=True)
        aggregate = (
            f"(SELECT {check['aggregate']} FROM {check['child']} AS c WHERE c.nip = p.nip "
            f"AND {date_of(rule)} BETWEEN p.mulai AND p.selesai)"
        )
        return (
            f"SELECT p.*, COALESCE({aggregate}, 0) AS nilai, m.value_num AS batas, "
            f"m.since AS batas_sejak, {param.value()} AS batas_teks\n"
            f"FROM ({contract_years(rule)}) AS p\n{param.sql()}"
        )

    def breach_condition(self, rule: Rule) -> str:
        """Condition on :meth:`per_employee` rows that makes a breach."""
        return f"e.nilai {rule.check['breach']} e.batas"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        select = employee_output(
            rule,
            expected="e.batas_teks",
            actual="e.nilai",
            period=CONTRACT_PERIOD,
            expected_since="e.batas_sejak",
        )
        return (
            f"SELECT {select}\nFROM {ctx.per_employee(self, rule)} AS e\n"
            f"WHERE {self.breach_condition(rule)}"
        )

    def parameters(self, rule: Rule) -> list[str]:
        return [rule.check["parameter"]]


class ContractExists(CheckType):
    name = "contract_exists"
    title = "Keberadaan catatan per tahun masa perjanjian kerja"
    description = (
        "Untuk setiap pegawai dalam populasi, setiap tahun masa perjanjian kerjanya (dihitung "
        "sejak `start_column`, bawaan tmt_cpns) yang berakhir pada tahun yang diperiksa dan "
        "telah selesai pada tanggal acuan harus memuat paling sedikit satu baris tabel anak "
        "yang tanggalnya (`date_column`) jatuh dalam tahun perjanjian itu. Periode temuan "
        "menyebut tahun perjanjian kerja itu."
    )
    options: ClassVar[dict[str, Any]] = {
        "where": WHERE,
        "start_column": {**COLUMN, "description": "Kolom pegawai: awal perjanjian kerja."},
        "child": COLUMN,
        "date_column": DATE_COLUMNS,
        "expected": {"type": "string", "description": "Uraian catatan yang diharapkan."},
        "column": COLUMN,
    }
    required = ("child", "date_column")
    example = (
        "population:\n  status_kepegawaian: [PPPK]\ncheck:\n  type: contract_exists\n"
        "  child: pelatihan\n  date_column: [tanggal_selesai, tanggal_mulai]"
    )

    def per_employee(self, rule: Rule) -> str:
        """Closed contract years of the population with ``ada`` telling whether a child row
        falls in the year."""
        check = rule.check
        exists = (
            f"EXISTS (SELECT 1 FROM {check['child']} AS c WHERE c.nip = p.nip "
            f"AND {date_of(rule)} BETWEEN p.mulai AND p.selesai)"
        )
        return f"SELECT p.*, {exists} AS ada\nFROM ({contract_years(rule)}) AS p"

    def breach_condition(self, rule: Rule) -> str:
        """Condition on :meth:`per_employee` rows that makes a breach."""
        return "NOT e.ada"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        select = employee_output(
            rule,
            expected=literal(rule.check.get("expected", "ada")),
            actual="'tidak ada'",
            period=CONTRACT_PERIOD,
        )
        return (
            f"SELECT {select}\nFROM {ctx.per_employee(self, rule)} AS e\n"
            f"WHERE {self.breach_condition(rule)}"
        )
