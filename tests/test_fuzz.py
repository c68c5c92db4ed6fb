"""The intake fuzzer (bench/fuzz.py) on a small run: no abort, hang or failure, and the run did
what it claims — the harness catches a crash, an abort and a hang (canaries), the mutations vary,
and the checks answered with both findings (exit 1) and unusable input (exit 2)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench import fuzz

# The CLI check of a small file takes 0.2-2 s (mostly DuckDB set-up and the 20 rules): 300
# cases took 58 s on the 2-core machine. bench/fuzz.py runs thousands.
CASES = 300
SEED = 20260630


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return fuzz.base_corpus(tmp_path_factory.mktemp("dasar"))


@pytest.mark.slow
def test_fuzz_run(base: list[Path], tmp_path: Path) -> None:
    summary = fuzz.run_fuzz(
        CASES,
        SEED,
        tmp_path,
        workers=2,
        timeout=60,
        base_dir=base[0].parents[1],
        canaries=("raise", "abort", "hang"),
        canary_timeout=5,
    )
    report = "\n".join(summary.lines())
    # the harness sees what it exists to see
    assert summary.canaries == {"raise": "failure", "abort": "abort", "hang": "hang"}, report
    assert summary.cases == CASES
    assert sum(summary.exits.values()) == CASES, report
    kept = sorted(p.name for p in (tmp_path / "failures").iterdir())
    assert (summary.aborts, summary.hangs, summary.failures) == ([], [], []), f"{report}\n{kept}"
    assert kept == []
    assert summary.exits[1] > 0 and summary.exits[2] > 0, report
    assert set(summary.exits) <= {0, 1, 2}
    kinds = set(summary.kinds)
    assert len(kinds) >= 15, report
    assert kinds & {"xlsx_sheet_xml", "xlsx_dimension", "xlsx_delete_entry"}, report
    assert kinds & {"line_endings", "reencode", "nul_bytes"}, report
    assert summary.max_rss > 0


def test_cases_are_reproducible(base: list[Path]) -> None:
    first = [fuzz.make_case(base, SEED, i) for i in range(30)]
    again = [fuzz.make_case(base, SEED, i) for i in range(30)]
    assert first == again
    assert first != [fuzz.make_case(base, SEED + 1, i) for i in range(30)]


@pytest.mark.parametrize("kind", sorted(fuzz.MUTATIONS))
def test_every_mutation_changes_its_input(base: list[Path], kind: str) -> None:
    applies, _, mutate = fuzz.MUTATIONS[kind]
    # a file with rows to mutate (a small sample may leave a table with its header only)
    source = next(
        p
        for p in base
        if (p.suffix == ".xlsx") == (applies == "xlsx") and p.read_bytes().count(b"\n") > 2
    )
    if kind == "rename":
        source = next(p for p in base if p.name == "pegawai.csv")
    data = source.read_bytes()
    changed = 0
    for seed in range(10):
        out, name = mutate(random.Random(seed), data, source.name)
        changed += (out, name) != (data, source.name)
    assert changed >= 5, f"{kind} left {source.name} as it was {10 - changed} times in 10"
