"""``impact``: one ingest of the data, judged by two versions of policy/ + rules/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from checker.checking import checked_years, judge
from checker.data.ingest import ingest
from checker.data.schema import Table
from checker.diff import compare
from checker.dispensasi import jakarta_today
from checker.impact.delta import changes
from checker.impact.model import Impact, build_impact
from checker.impact.summary import sentences
from checker.kebijakan import load_kebijakan, opened
from checker.versions import last_tag


def impact(
    paths: Iterable[str | Path],
    *,
    policy_root: str | Path | None = None,
    rules_root: str | Path | None = None,
    ref_from: str | None = None,
    ref_to: str | None = None,
    as_of: dt.date | None = None,
    years: list[int] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Impact:
    """What changing policy/ + rules/ from ``ref_from`` (default: the last tag) to ``ref_to``
    (default: the working tree) does to the findings on the same data.

    The data is ingested once; each version replaces only the helper tables (parameters,
    years) and runs its own rules and dispensations over the same DuckDB tables. Both versions
    are judged on ``as_of`` (default: today in Asia/Jakarta) for the same years.
    """
    as_of = as_of or jakarta_today()
    years = checked_years(as_of, years)
    with opened(policy_root, rules_root) as worktree:
        tag = ref_from or last_tag(worktree.policy)
    old = load_kebijakan(policy_root, rules_root, ref=tag)
    new = load_kebijakan(policy_root, rules_root, ref=ref_to)
    side_a, side_b = old.provenance, new.provenance
    comparison = compare(old.peraturan, new.peraturan, as_of, side_a, side_b)

    def step(name: str) -> Callable[[str], None] | None:
        return (lambda rule: progress(f"{name}: {rule}")) if progress else None

    if same_contract(old.schema, new.schema):  # the usual case: the data is read once
        with ingest(paths, schema=new.schema) as dataset:
            before = judge(
                dataset, old, as_of=as_of, years=years, with_rows=False, progress=step(side_a.name)
            )
            after = judge(
                dataset, new, as_of=as_of, years=years, with_rows=False, progress=step(side_b.name)
            )
    else:  # each version reads the data by its own Table Schema
        with ingest(paths, schema=old.schema) as dataset:
            before = judge(
                dataset, old, as_of=as_of, years=years, with_rows=False, progress=step(side_a.name)
            )
        with ingest(paths, schema=new.schema) as dataset:
            after = judge(
                dataset, new, as_of=as_of, years=years, with_rows=False, progress=step(side_b.name)
            )
    found = build_impact(
        before, after, (old, new), comparison, employees=sum(after.employees.values())
    )
    found.sentences = sentences(found, changes(before.active(), after.active()))
    return found


def same_contract(a: Mapping[str, Table], b: Mapping[str, Table]) -> bool:
    """Whether two Table Schemas read data the same way: the same tables, fields, keys, header
    aliases and enum spellings (where each was read from aside)."""

    def contract(schema: Mapping[str, Table]) -> list[Any]:
        return [
            (replace(table, path=""), [sorted(f.value_map.items()) for f in table.fields])
            for _, table in sorted(schema.items())
        ]

    return contract(a) == contract(b)
