"""The budget of one check: time and findings limits end the check with a message naming them."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

import duckdb
import pytest

import checker
from checker.data.dataset import cursors
from checker.data.sample import generate_sample
from checker.limits import Budget, BudgetError, Limits

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sampel")
    generate_sample(out, employees=80, seed=5, fmt="csv", fault_rate=0.3)
    return out


def test_defaults_differ_by_place() -> None:
    service, cli = Limits.service(), Limits.cli()
    assert service.memory_bytes == 1 << 30 and service.seconds == 120
    assert cli.memory_bytes is None and cli.seconds is None and cli.findings is None
    assert cli.cells_per_file > service.cells_per_file
    assert service.duckdb_memory() == "512MB"


def test_findings_over_the_limit_stop_the_check(sample: Path) -> None:
    full = checker.check([sample], as_of=AS_OF)
    assert len(full.findings) > 20
    with pytest.raises(BudgetError) as caught:
        checker.check([sample], as_of=AS_OF, limits=Limits.cli().but(findings=20))
    assert "lebih dari 20 temuan" in caught.value.message
    assert caught.value.exit_code == 2
    # exactly at the limit the check runs through
    same = checker.check(
        [sample], as_of=AS_OF, limits=Limits.cli().but(findings=len(full.findings))
    )
    assert len(same.findings) == len(full.findings)


def test_engine_fetches_no_more_than_the_room_left() -> None:
    limits = Limits.cli().but(findings=3)
    budget = Budget(limits)
    budget.count_findings(2)
    assert budget.room() == 1
    with pytest.raises(BudgetError):
        budget.count_findings(2, "KOMP-JP-MIN")
    assert Budget(Limits.cli()).room() is None


def test_time_limit_interrupts_a_running_query() -> None:
    con = duckdb.connect()
    started = time.monotonic()
    with (
        pytest.raises(BudgetError) as caught,
        Budget(Limits.cli().but(seconds=0.5), con),
    ):
        con.execute("SELECT count(*) FROM range(100000000000) a WHERE a.range % 7 = 3").fetchall()
    assert time.monotonic() - started < 10
    assert "batas waktu 0 detik" not in caught.value.message
    assert "batas waktu" in caught.value.message


def test_time_limit_interrupts_the_queries_running_on_other_cursors() -> None:
    """Rules and the typing of files run on cursors of the connection, in threads of their
    own: the time limit stops those queries too."""
    con = duckdb.connect()
    slow = "SELECT count(*) FROM range(20000000000) a WHERE a.range % 7 = 3"
    started = time.monotonic()
    with (
        pytest.raises(BudgetError) as caught,
        Budget(Limits.cli().but(seconds=0.5), con) as budget,
        cursors(con, budget) as pool,
    ):
        running = [pool.submit(lambda cursor: cursor.execute(slow).fetchall()) for _ in range(3)]
        for future in running:
            future.result()
    assert time.monotonic() - started < 10
    assert "batas waktu" in caught.value.message
    assert con.execute("SELECT 42").fetchone() == (42,)  # the connection itself is usable


def test_time_limit_of_a_check(sample: Path) -> None:
    with pytest.raises(BudgetError) as caught:
        checker.check([sample], as_of=AS_OF, limits=Limits.cli().but(seconds=0.001))
    assert "melewati batas waktu" in caught.value.message


def test_cli_time_limit_exits_2_with_the_limit_named(sample: Path) -> None:
    from click.testing import CliRunner

    from checker.cli import cli

    runner = CliRunner()
    fine = runner.invoke(
        cli, ["check", str(sample), "--as-of", "2026-06-30", "--batas-waktu", "600"]
    )
    assert fine.exit_code == 1, fine.output  # the sample has planted faults
    refused = runner.invoke(
        cli, ["check", str(sample), "--as-of", "2026-06-30", "--batas-waktu", "0.001"]
    )
    assert refused.exit_code == 2
    assert "melewati batas waktu 0,001 detik" in refused.output
    assert "Traceback" not in refused.output


def test_spill_folders_of_dead_checks_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from checker.data.dataset import SPILL_PREFIX, connect

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{SPILL_PREFIX}{dead.pid}"
    (stale / "spill").mkdir(parents=True)
    (stale / "spill" / "block.tmp").write_bytes(b"x" * 100)
    alive = tmp_path / f"{SPILL_PREFIX}{os.getppid()}"
    alive.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    connect().close()
    assert not stale.exists()
    assert alive.exists()
