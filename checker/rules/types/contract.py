"""contract_aggregate: an aggregate per year of an employee's work contract (PPPK).

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
from checker.rules.sql import AS_OF, ParamJoin, expand
from checker.rules.types.base import COLUMN, CheckType, CompileContext
from checker.rules.types.period import AGGREGATE_OPTIONS, WHERE, date_of, employee_output

MAX_CONTRACT_YEARS = 60  # longer than any working life: the series of contract years to try


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

    def contract_years(self, rule: Rule) -> str:
        """Population rows × their closed contract years ending in a checked year: columns
        of p plus ``tahun``, ``mulai`` and ``selesai`` (first and last day)."""
        start = f"p.{rule.check.get('start_column', 'tmt_cpns')}"
        first = f"CAST({start} + k.n * INTERVAL '1' YEAR AS DATE)"
        last = f"CAST({start} + (k.n + 1) * INTERVAL '1' YEAR - INTERVAL '1' DAY AS DATE)"
        conds = [
            f"{start} IS NOT NULL",
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
            f"CROSS JOIN range(0, {MAX_CONTRACT_YEARS}) AS k(n)\n"
            f"WHERE {' AND '.join(f'({c})' for c in conds)}"
        )

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        check = rule.check
        param = ParamJoin("m", check["parameter"], "p.selesai", inner=True)
        day = date_of(rule)
        aggregate = (
            f"(SELECT {check['aggregate']} FROM {check['child']} AS c WHERE c.nip = p.nip "
            f"AND {day} BETWEEN p.mulai AND p.selesai)"
        )
        per_year = (
            f"SELECT p.*, COALESCE({aggregate}, 0) AS nilai, m.value_num AS batas, "
            f"m.since AS batas_sejak, {param.value()} AS batas_teks\n"
            f"FROM ({self.contract_years(rule)}) AS p\n{param.sql()}"
        )
        select = employee_output(
            rule,
            expected="e.batas_teks",
            actual="e.nilai",
            period="CAST(e.mulai AS VARCHAR) || ' s.d. ' || CAST(e.selesai AS VARCHAR)",
            expected_since="e.batas_sejak",
        )
        return f"SELECT {select}\nFROM ({per_year}) AS e\nWHERE e.nilai {check['breach']} e.batas"

    def parameters(self, rule: Rule) -> list[str]:
        return [rule.check["parameter"]]
