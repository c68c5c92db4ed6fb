"""Apply dispensations to a check's findings: covered findings are kept, marked, counted."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from checker.dispensasi.model import Dispensasi
from checker.report.finding import Finding
from checker.report.report import DispensationUse


def apply_dispensasi(
    findings: list[Finding], dispensations: list[Dispensasi], as_of: dt.date
) -> tuple[list[Finding], list[DispensationUse]]:
    """The findings with ``dispensation`` set on those a dispensation in force on ``as_of``
    covers (the first by id when several do), and every dispensation in force with its count.

    Nothing is removed: a dispensed finding stays in the report, so exceptions stay visible.
    """
    in_force = sorted((d for d in dispensations if d.in_force(as_of)), key=lambda d: d.id)
    by_rule: dict[str, list[Dispensasi]] = {}
    for dispensation in in_force:
        for rule in dispensation.rules:
            by_rule.setdefault(rule, []).append(dispensation)
    used: Counter[str] = Counter()
    out = []
    for finding in findings:
        match = next((d for d in by_rule.get(finding.rule, ()) if d.covers(finding)), None)
        if match is not None:
            used[match.id] += 1
            finding = replace(finding, dispensation=match.id)
        out.append(finding)
    return out, [usage(d, used[d.id]) for d in in_force]


def usage(dispensation: Dispensasi, findings: int) -> DispensationUse:
    """The report's record of one dispensation in force (no NIPs)."""
    return DispensationUse(
        id=dispensation.id,
        rules=dispensation.rules,
        scope=dispensation.scope.kind,
        description=dispensation.scope.describe(),
        valid_until=dispensation.valid_until.isoformat(),
        findings=findings,
    )
