"""Rules run side by side on cursors of the connection: a rule that fails stops the others at
once and is named in the error; the report is the same as one built query by query."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest

import checker
import checker.data.dataset
import checker.engine
from checker.data.sample import generate_sample
from checker.errors import CheckerError
from checker.report.report import to_json

AS_OF = dt.date(2026, 6, 30)
SLOW = "SELECT NULL AS x FROM range(40000000000) a WHERE hash(a.range) = 42"  # minutes


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sampel")
    generate_sample(out, employees=120, seed=11, fmt="csv", fault_rate=0.2)
    return out


def test_a_failing_rule_is_named_and_stops_the_running_ones(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first rule runs for hours; the second fails at once: the check ends with the second
    one's error without waiting for the first."""
    compile_rule = checker.engine.compile_rule
    compiled: list[str] = []

    def broken(rule: Any, *args: Any) -> str:
        compiled.append(rule.id)
        if len(compiled) == 1:
            return SLOW
        if len(compiled) == 2:
            return "SELECT error('kolom hilang') AS x"
        return str(compile_rule(rule, *args))

    monkeypatch.setattr(checker.engine, "compile_rule", broken)
    started = time.monotonic()
    with pytest.raises(CheckerError) as caught:
        checker.check([sample], as_of=AS_OF)
    assert time.monotonic() - started < 30
    assert f"aturan {compiled[1]} gagal dijalankan" in str(caught.value)
    assert "kolom hilang" in str(caught.value)


def test_one_worker_gives_the_same_report(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    side_by_side = to_json(checker.check([sample], as_of=AS_OF))
    monkeypatch.setattr(checker.data.dataset, "WORKERS", 1)
    one_at_a_time = to_json(checker.check([sample], as_of=AS_OF))
    assert side_by_side == one_at_a_time
    rules = {f["rule"] for f in json.loads(side_by_side)["findings"]}
    assert len(rules) > 5  # the planted faults break many rules: the runs are compared on them
