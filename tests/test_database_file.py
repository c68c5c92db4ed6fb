"""A check whose files would not fit DuckDB's memory limit keeps its tables in a database file.

The file is unlinked as soon as it is opened, the report is the same as in memory, and what a
killed check leaves (the spill folder, the write-ahead log) is removed by the next check.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import checker
from checker.data import dataset
from checker.data.dataset import SPILL_PREFIX, connect
from checker.data.sample import generate_sample
from checker.limits import Limits
from checker.report.report import to_json

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sampel")
    generate_sample(out, employees=120, seed=11, fmt="csv", fault_rate=0.3)
    return out


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _database_path(con: object) -> str | None:
    row = con.execute(  # type: ignore[attr-defined]
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return row[0] if row else None


def test_small_inputs_stay_in_memory(sample: Path, private_tmp: Path) -> None:
    con = connect(Limits.cli(), sorted(sample.glob("*.csv")))
    try:
        assert _database_path(con) is None
    finally:
        con.close()


def test_large_inputs_go_to_an_unlinked_file(
    sample: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(sample.glob("*.csv"))
    size = sum(f.stat().st_size for f in files)
    monkeypatch.setenv("KEBIJAKAN_DUCKDB_MEMORY", "2GB")
    # tables as large as that would not fit the limit
    monkeypatch.setattr(dataset, "TABLE_BYTES_PER_INPUT_BYTE", 2 * 10**9 // size + 1)
    con = connect(Limits.cli(), files)
    try:
        path = _database_path(con)
        assert path is not None and Path(path).name.startswith(f"{SPILL_PREFIX}{os.getpid()}-")
        assert not Path(path).exists()  # unlinked at once
        con.execute("CREATE TABLE t AS SELECT range AS i FROM range(100000)")
        assert con.execute("SELECT sum(i) FROM t").fetchone() == (4999950000,)
    finally:
        con.close()
    assert list(private_tmp.iterdir()) == []  # the write-ahead log went with the connection
    monkeypatch.setattr(dataset, "TABLE_BYTES_PER_INPUT_BYTE", 2 * 10**9 // size)
    con = connect(Limits.cli(), files)
    try:
        assert _database_path(con) is None  # just fits
    finally:
        con.close()


def test_a_check_in_a_database_file_reports_as_in_memory(
    sample: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_memory = to_json(checker.check([sample], as_of=AS_OF))
    opened: list[str | None] = []
    real = dataset.duckdb.connect

    def spy(*args: object, **kwargs: object) -> object:
        con = real(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(_database_path(con))
        return con

    monkeypatch.setattr(dataset.duckdb, "connect", spy)
    monkeypatch.setattr(dataset, "TABLE_BYTES_PER_INPUT_BYTE", 10**12)
    in_file = to_json(checker.check([sample], as_of=AS_OF))
    assert len([path for path in opened if path]) == 1  # the check's own, in a file
    assert in_file == in_memory
    assert len(json.loads(in_file)["findings"]) > 20
    assert list(private_tmp.iterdir()) == []


def test_logs_and_folders_of_dead_checks_are_removed(private_tmp: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale_log = private_tmp / f"{SPILL_PREFIX}{dead.pid}-0123abcd.duckdb.wal"
    stale_log.write_bytes(b"x" * 100)
    stale_folder = private_tmp / f"{SPILL_PREFIX}{dead.pid}"
    stale_folder.mkdir()
    live_log = private_tmp / f"{SPILL_PREFIX}{os.getppid()}-0123abcd.duckdb.wal"
    live_log.write_bytes(b"x")
    other = private_tmp / f"{SPILL_PREFIX}catatan.txt"
    other.write_bytes(b"x")
    connect().close()
    assert not stale_log.exists() and not stale_folder.exists()
    assert live_log.exists() and other.exists()


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("2GB", 2 * 10**9), ("512 MiB", 512 << 20), ("1.5gb", 1_500_000_000), ("100B", 100)],
)
def test_memory_setting_in_bytes(
    setting: str, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEBIJAKAN_DUCKDB_MEMORY", setting)
    assert Limits.cli().duckdb_memory_bytes() == expected


def test_memory_setting_that_is_no_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEBIJAKAN_DUCKDB_MEMORY", "banyak")
    assert Limits.cli().duckdb_memory_bytes() is None
    assert Limits.service().duckdb_memory_bytes() == 512 * 10**6
