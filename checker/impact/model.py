"""The impact of a change: counts per rule, OPD and Pasal, what changed in the parameters
and rules, and sentences that say it. Aggregates only: safe for a pull request or the site."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from checker import __version__
from checker.diff import Comparison, Side
from checker.diff import summary as redline_summary
from checker.impact.delta import NO_OPD, Delta, changes, tally, total
from checker.kebijakan import Kebijakan
from checker.policy.numbering import Numbering, number
from checker.report.report import InputRef, Report
from checker.rules.model import Rule
from checker.rules.registry import REGISTRY

RULE_FIELDS = ("title", "clause", "severity", "table", "check", "message")


@dataclass(frozen=True)
class ParameterRow:
    """A parameter whose dated values differ, with the value in force on the reference day
    (the end of the last checked year) in each version."""

    name: str
    unit: str
    status: str  # inserted | deleted | changed
    before: float | int | str | None
    after: float | int | str | None
    rules: tuple[str, ...]  # rules that read it, in either version


@dataclass
class Impact:
    """The same data judged by version ``a`` (older) and ``b`` (newer)."""

    a: Side
    b: Side
    as_of: str
    years: list[int]
    inputs: list[InputRef]
    employees: int
    total: Delta
    by_rule: list[tuple[str, str, Delta]]  # rule, title, delta
    by_opd: list[tuple[str, Delta]]  # perangkat daerah ("" for findings naming none), delta
    by_pasal: list[tuple[str, str, Delta]]  # Pasal id, citation in b (else a), delta
    parameters: list[ParameterRow]
    rule_changes: list[tuple[str, str]]  # rule, ditambah | dihapus | diubah
    dispensed: tuple[int, int]  # dispensed findings before, after
    redline: str  # one-line summary of the text changes
    sentences: list[str] = field(default_factory=list)
    comparison: Comparison | None = None  # for rendering the redline; not serialised

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: English keys, counts only (no NIP, no name)."""

        def side(s: Side) -> dict[str, Any]:
            return {
                "name": s.name,
                **s.to_dict(),
                "date": s.date.date().isoformat() if s.date else None,
            }

        return {
            "tool": {"name": "kebijakan", "version": __version__},
            "from": side(self.a),
            "to": side(self.b),
            "as_of": self.as_of,
            "years": self.years,
            "inputs": [
                {"path": i.path, "table": i.table, "rows": i.rows, "sha256": i.sha256}
                for i in self.inputs
            ],
            "employees": self.employees,
            "summary": {
                **self.total.to_dict(),
                "sentences": self.sentences,
                "dispensed_before": self.dispensed[0],
                "dispensed_after": self.dispensed[1],
                "redline": self.redline,
            },
            "by_rule": [{"rule": r, "title": t, **d.to_dict()} for r, t, d in self.by_rule],
            "by_opd": [{"opd": o, **d.to_dict()} for o, d in self.by_opd],
            "by_pasal": [{"pasal": p, "citation": c, **d.to_dict()} for p, c, d in self.by_pasal],
            "parameters": [
                {
                    "name": p.name,
                    "unit": p.unit,
                    "status": p.status,
                    "before": p.before,
                    "after": p.after,
                    "rules": list(p.rules),
                }
                for p in self.parameters
            ],
            "rule_changes": [{"rule": r, "status": s} for r, s in self.rule_changes],
        }


def to_json(found: Impact) -> str:
    """The impact as JSON, byte-identical for the same inputs."""
    return json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n"


def value_at(values: tuple[tuple[dt.date, object], ...], day: dt.date) -> Any:
    """The value in force on ``day`` among dated values (None before the first)."""
    current = None
    for since, value in sorted(values, key=lambda item: item[0]):
        if since <= day:
            current = value
    return current


def _rules_reading(rules: list[Rule]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for rule in rules:
        for name in REGISTRY[rule.type].parameters(rule):
            out.setdefault(name, set()).add(rule.id)
    return out


def rule_changes(a: list[Rule], b: list[Rule]) -> list[tuple[str, str]]:
    """Rules added, removed or changed (title, clause, severity, table, check or message)."""
    old, new = {r.id: r for r in a}, {r.id: r for r in b}
    out = []
    for ident in sorted(set(old) | set(new)):
        if ident not in old:
            out.append((ident, "ditambah"))
        elif ident not in new:
            out.append((ident, "dihapus"))
        elif any(getattr(old[ident], f) != getattr(new[ident], f) for f in RULE_FIELDS):
            out.append((ident, "diubah"))
    return out


def _pasal_key(numbering: tuple[Numbering, Numbering]) -> Any:
    def key(clause: str | None) -> tuple[str, str]:
        for side in numbering[::-1]:
            address = side.addresses.get(clause or "")
            if address is not None:
                return address.pasal, f"Pasal {side.pasal[address.pasal]}"
        return "", "(tanpa Pasal)"

    return key


def build_impact(
    before: Report,
    after: Report,
    kebijakan: tuple[Kebijakan, Kebijakan],
    comparison: Comparison,
    employees: int,
) -> Impact:
    """Compare two Reports of the same data; ``kebijakan`` are the two versions (older first)."""
    old, new = before.active(), after.active()
    found = changes(old, new)
    titles = {**before.rules, **after.rules}
    by_rule = tally(old, new, found, lambda f: f.rule)
    by_opd = tally(old, new, found, lambda f: f.opd or NO_OPD)
    pasal_of = _pasal_key((number(kebijakan[0].peraturan), number(kebijakan[1].peraturan)))
    citations: dict[str, str] = {}

    def pasal(finding: Any) -> str:
        ident, citation = pasal_of(finding.clause.id if finding.clause else None)
        citations[ident] = citation
        return ident

    by_pasal = tally(old, new, found, pasal)
    years = after.years
    day = min(dt.date(max(years), 12, 31), dt.date.fromisoformat(after.as_of))
    reading = _rules_reading(kebijakan[0].rules)
    for name, ids in _rules_reading(kebijakan[1].rules).items():
        reading.setdefault(name, set()).update(ids)
    parameters = [
        ParameterRow(
            c.name,
            c.unit,
            c.status,
            value_at(c.before, day),
            value_at(c.after, day),
            tuple(sorted(reading.get(c.name, ()))),
        )
        for c in comparison.parameters
    ]
    return Impact(
        a=comparison.a,
        b=comparison.b,
        as_of=after.as_of,
        years=years,
        inputs=after.inputs,
        employees=employees,
        total=total(found, len(old), len(new)),
        by_rule=[(r, titles.get(r, ""), d) for r, d in by_rule.items()],
        by_opd=by_opd.items(),
        by_pasal=[(p, citations.get(p, p), d) for p, d in by_pasal.items()],
        parameters=parameters,
        rule_changes=rule_changes(kebijakan[0].rules, kebijakan[1].rules),
        dispensed=(len(before.dispensed()), len(after.dispensed())),
        redline=redline_summary(comparison),
        comparison=comparison,
    )
