"""period_progress: where an annual obligation stands in a year not yet due.

A year is judged only once it is due (:func:`checker.rules.types.period.population_sql`); until
then an agency can still act. When the checked years include one not yet due, this type reports
each employee of the base rule's population who, so far, would breach it, as information ("baru
8 dari 20 JP hingga 27 November 2026"). With the default checked year (the last closed one) it
reports nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from checker.rules.model import Rule
from checker.rules.sql import literal
from checker.rules.types.base import COLUMN, CheckType, CompileContext
from checker.rules.types.period import PeriodAggregate, PeriodExists, employee_output


class PeriodProgress(CheckType):
    name = "period_progress"
    title = "Kemajuan kewajiban tahunan yang belum jatuh tempo"
    description = (
        "Untuk tahun yang diperiksa yang belum jatuh tempo pada tanggal acuan (tahun berjalan, "
        "atau sebelum batas penetapannya), setiap pegawai dalam populasi aturan dasar (`rule`, "
        "bertipe period_aggregate atau period_exists) yang sejauh ini belum memenuhinya. "
        "Dipakai dengan tingkat info: tahun yang belum jatuh tempo tidak dapat dilanggar."
    )
    options: ClassVar[dict[str, Any]] = {
        "rule": {"type": "string", "pattern": "^[A-Z][A-Z0-9-]*$"},
        "column": COLUMN,
    }
    required = ("rule",)
    reference_types = (PeriodAggregate.name, PeriodExists.name)
    example = "check: {type: period_progress, rule: KOMP-JP-MIN}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        base = ctx.rules[rule.check["rule"]]
        kind: PeriodAggregate | PeriodExists = (
            PeriodAggregate() if base.type == "period_aggregate" else PeriodExists()
        )
        aggregate = isinstance(kind, PeriodAggregate)
        select = employee_output(
            rule,
            column=rule.check.get("column", base.check.get("column")),
            expected="e.batas_teks" if aggregate else literal(base.check.get("expected", "ada")),
            actual="e.nilai" if aggregate else "'belum ada'",
            expected_since="e.batas_sejak" if aggregate else "NULL",
        )
        return (
            f"SELECT {select}\nFROM ({kind.per_employee(base, open_years=True)}) AS e\n"
            f"WHERE {kind.breach_condition(base)}"
        )

    def references(self, rule: Rule) -> list[str]:
        return [rule.check["rule"]]
