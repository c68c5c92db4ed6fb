"""What a change does to the findings: the same data judged by two versions, compared.

Only findings that count (no dispensation covers them) are compared. A finding is the same in
both versions when rule, table, file, row, column, NIP, instansi, OPD and period agree; it
*changed*
when its severity, clause, expected or actual value differ (a new citation alone, "Pasal 6" →
"Pasal 7", is not a change of the finding). Everything here is counts: no NIP, no name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.report.finding import Finding

APPEARED, DISAPPEARED, CHANGED = "appeared", "disappeared", "changed"
NO_OPD = ""  # the group of findings that name no perangkat daerah

Key = tuple[str | int | None, ...]


def identity(finding: Finding) -> Key:
    """What makes a finding the same finding in two versions."""
    return (
        finding.rule,
        finding.table,
        finding.file,
        finding.row,
        finding.column,
        finding.nip,
        finding.instansi,
        finding.opd,
        finding.period,
    )


def state(finding: Finding) -> Key:
    """What may change about the same finding."""
    return (
        finding.severity,
        finding.clause.id if finding.clause else None,
        finding.expected,
        finding.actual,
    )


@dataclass
class Delta:
    """Findings before and after, and how many appeared, disappeared or changed."""

    before: int = 0
    after: int = 0
    appeared: int = 0
    disappeared: int = 0
    changed: int = 0

    @property
    def moved(self) -> int:
        """Findings touched by the change at all (for "most affected")."""
        return self.appeared + self.disappeared + self.changed

    def to_dict(self) -> dict[str, int]:
        """JSON-ready counts."""
        return {
            "before": self.before,
            "after": self.after,
            "appeared": self.appeared,
            "disappeared": self.disappeared,
            "changed": self.changed,
        }


@dataclass(frozen=True)
class Change:
    """One finding that appeared, disappeared or changed (``before``/``after`` None when it
    does not exist in that version)."""

    kind: str
    before: Finding | None
    after: Finding | None

    @property
    def finding(self) -> Finding:
        """The finding as the newer version has it (the older one when it disappeared)."""
        found = self.after or self.before
        assert found is not None
        return found


def changes(before: Iterable[Finding], after: Iterable[Finding]) -> list[Change]:
    """Pair the findings of two versions by identity (repeats paired in order)."""
    old: dict[Key, list[Finding]] = {}
    for finding in before:
        old.setdefault(identity(finding), []).append(finding)
    out: list[Change] = []
    for finding in after:
        twins = old.get(identity(finding))
        if not twins:
            out.append(Change(APPEARED, None, finding))
            continue
        twin = twins.pop(0)
        if state(twin) != state(finding):
            out.append(Change(CHANGED, twin, finding))
    out += [Change(DISAPPEARED, f, None) for twins in old.values() for f in twins]
    return out


@dataclass
class Tally:
    """Deltas grouped by one key of a finding (rule, OPD, Pasal), plus the total."""

    groups: dict[str, Delta] = field(default_factory=dict)

    def items(self) -> list[tuple[str, Delta]]:
        """Groups touched by the change first (most first), then the others, each by key."""
        return sorted(self.groups.items(), key=lambda kv: (-kv[1].moved, kv[0]))


def tally(
    before: list[Finding], after: list[Finding], found: list[Change], key: Callable[[Finding], str]
) -> Tally:
    """Counts per ``key(finding)``: how many findings each version has, what changed."""
    out = Tally()

    def group(finding: Finding) -> Delta:
        return out.groups.setdefault(key(finding), Delta())

    for finding in before:
        group(finding).before += 1
    for finding in after:
        group(finding).after += 1
    for change in found:
        delta = group(change.finding)
        if change.kind == APPEARED:
            delta.appeared += 1
        elif change.kind == DISAPPEARED:
            delta.disappeared += 1
        else:
            delta.changed += 1
    return out


def total(found: list[Change], before: int, after: int) -> Delta:
    """The overall delta."""
    kinds = Counter(change.kind for change in found)
    return Delta(before, after, kinds[APPEARED], kinds[DISAPPEARED], kinds[CHANGED])
