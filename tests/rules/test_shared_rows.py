"""The per-employee rows a rule and its agency rate both read are stored once, as the row key
and the rule's own columns; the view over them gives exactly the rows of the rule's query."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import checker
from checker.data.dataset import cursors
from checker.data.sample import generate_sample
from checker.engine import FINDING_COLUMNS, Engine
from checker.kebijakan.choose import load_kebijakan
from checker.rules.helpers import prepare
from checker.rules.types.rate import shared_bases


def test_shared_rows_keep_the_key_and_join_the_names_back(tmp_path: Path) -> None:
    generate_sample(tmp_path, employees=60, seed=3, fmt="csv", fault_rate=0.1)
    kebijakan = load_kebijakan()
    rules = list(kebijakan.rules)
    by_id = {rule.id: rule for rule in rules}
    bases = shared_bases(rules, by_id)
    assert bases  # the policy's rates are taken of rules that also run themselves
    with checker.ingest([tmp_path], schema=kebijakan.schema) as dataset:
        con = dataset.connection
        prepare(con, kebijakan.peraturan, dt.date(2026, 6, 30), [2024, 2025], kebijakan.schema)
        engine = Engine(con, kebijakan.peraturan, kebijakan.numbering)
        with cursors(con, None) as pool:
            shared = engine._share(rules, by_id, pool, None)
        assert set(shared) == set(bases)
        for rule_id, view in shared.items():
            stored = {name for name, *_ in con.execute(f"DESCRIBE {view}_k").fetchall()}
            assert stored.isdisjoint(FINDING_COLUMNS), stored  # no name, NIP or file per row
            columns = [name for name, *_ in con.execute(f"DESCRIBE {view}").fetchall()]
            assert set(FINDING_COLUMNS) <= set(columns)
            listed = ", ".join(f'"{c}"' for c in columns)
            got = con.execute(f"SELECT {listed} FROM {view} ORDER BY ALL").fetchall()
            want = con.execute(f"SELECT {listed} FROM ({bases[rule_id]}) ORDER BY ALL").fetchall()
            assert got == want and got
