"""``impact``: one ingest of the data, judged by two versions of policy/ + rules/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from checker.check import checked_years, judge
from checker.data.ingest import ingest
from checker.diff import compare
from checker.dispensasi import jakarta_today
from checker.impact.delta import changes
from checker.impact.model import Impact, build_impact
from checker.impact.refs import load_at
from checker.impact.summary import sentences
from checker.versions import last_tag


def impact(paths: Iterable[str | Path], *, policy_root: str | Path = "policy",
           rules_root: str | Path = "rules", ref_from: str | None = None,
           ref_to: str | None = None, as_of: dt.date | None = None,
           years: list[int] | None = None,
           progress: Callable[[str], None] | None = None) -> Impact:
    """What changing policy/ + rules/ from ``ref_from`` (default: the last tag) to ``ref_to``
    (default: the working tree) does to the findings on the same data.

    The data is ingested once; each version replaces only the helper tables (parameters,
    years) and runs its own rules and dispensations over the same DuckDB tables. Both versions
    are judged on ``as_of`` (default: today in Asia/Jakarta) for the same years.
    """
    as_of = as_of or jakarta_today()
    years = checked_years(as_of, years)
    old, side_a = load_at(policy_root, rules_root, ref_from or last_tag(policy_root))
    new, side_b = load_at(policy_root, rules_root, ref_to)
    comparison = compare(old.peraturan, new.peraturan, as_of, side_a, side_b)
    with ingest(paths) as dataset:
        def step(name: str) -> Callable[[str], None] | None:
            return (lambda rule: progress(f"{name}: {rule}")) if progress else None

        before = judge(dataset, old, as_of=as_of, years=years, with_rows=False,
                       progress=step(side_a.name))
        after = judge(dataset, new, as_of=as_of, years=years, with_rows=False,
                      progress=step(side_b.name))
    found = build_impact(before, after, (old, new), comparison,
                         employees=sum(after.employees.values()))
    found.sentences = sentences(found, changes(before.active(), after.active()))
    return found
