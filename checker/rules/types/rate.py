"""agency_rate: the share of an OPD's population that satisfies a per-year rule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from checker.rules.model import Rule
from checker.rules.sql import AS_OF, ParamJoin, output, year_end
from checker.rules.types.base import COLUMN, CheckType, CompileContext
from checker.rules.types.contract import ContractAggregate, ContractExists
from checker.rules.types.period import PeriodAggregate, PeriodExists

# the per-employee check types a rate can be taken of: each yields rows with opd, instansi and
# tahun (per_employee) and says which of them breach (breach_condition)
BASES = {
    kind.name: kind
    for kind in (PeriodAggregate(), PeriodExists(), ContractAggregate(), ContractExists())
}


class AgencyRate(CheckType):
    name = "agency_rate"
    title = "Capaian instansi terhadap target"
    description = (
        "Persentase populasi suatu aturan per tahun (`rule`, bertipe period_aggregate, "
        "period_exists, contract_aggregate, atau contract_exists; untuk tahun masa "
        "perjanjian kerja, tahun yang diperiksa tempat tahun perjanjian itu berakhir) yang "
        "memenuhinya, per perangkat daerah; pelanggaran bila di bawah target bertanggal "
        "(`target`, dalam persen) yang berlaku pada 31 Desember tahun tersebut. Tahun yang "
        "belum berakhir pada tanggal acuan tidak dinilai."
    )
    options: ClassVar[dict[str, Any]] = {
        "rule": {"type": "string", "pattern": "^[A-Z][A-Z0-9-]*$"},
        "target": {"type": "string"},
        "column": COLUMN,
    }
    required = ("rule", "target")
    reference_types = tuple(BASES)
    example = "check: {type: agency_rate, rule: KOMP-JP-MIN, target: kompetensi.target_cakupan_jp}"

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        base = ctx.rules[rule.check["rule"]]
        kind = BASES[base.type]
        target = ParamJoin("g", rule.check["target"], year_end("r.tahun"))
        rates = (
            f"SELECT e.opd, MIN(e.instansi) AS instansi, e.tahun, COUNT(*) AS populasi, "
            f"SUM(CASE WHEN {kind.breach_condition(base)} THEN 0 ELSE 1 END) AS memenuhi\n"
            f"FROM {ctx.per_employee(kind, base)} AS e\nGROUP BY e.opd, e.tahun"
        )
        share = "100.0 * r.memenuhi / r.populasi"
        # compare the exact share; round only what people read (69.95 % misses a 70 % target)
        select = output(
            instansi="r.instansi",
            period="r.tahun",
            column=rule.check.get("column"),
            expected=target.value(),
            actual=f"ROUND({share}, 1)",
            expected_since="g.since",
            opd="r.opd",
        )
        return (
            f"SELECT {select}\nFROM ({rates}) AS r\n{target.sql()}\n"
            f"WHERE r.populasi > 0 AND {share} < g.value_num AND {AS_OF} > {year_end('r.tahun')}"
        )

    def parameters(self, rule: Rule) -> list[str]:
        return [rule.check["target"]]

    def references(self, rule: Rule) -> list[str]:
        return [rule.check["rule"]]


def shared_bases(rules: list[Rule], by_id: Mapping[str, Rule]) -> dict[str, str]:
    """The per-employee query of every rule an agency rate among ``rules`` is taken of and that
    also runs itself (rule id → SQL): worth computing once and reading twice."""
    running = {rule.id for rule in rules}
    out = {}
    for rule in rules:
        if rule.type == AgencyRate.name:
            base = by_id.get(rule.check["rule"])
            if base is not None and base.id in running and base.type in BASES:
                out[base.id] = BASES[base.type].per_employee(base)
    return dict(sorted(out.items()))
