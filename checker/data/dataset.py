"""The Dataset: typed agency tables in DuckDB, the intake findings and what was read."""

from __future__ import annotations

import os
import queue
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypeVar

import duckdb

from checker.data.normalize import ident
from checker.data.schema import TABLES, Table
from checker.limits import Budget, Limits
from checker.report.finding import Finding

SPILL_PREFIX = "kebijakan-duckdb-"
# In memory the agency tables and the tables derived from them take about twice the bytes of the
# CSV text (100 k employees: 177 MB of CSV, 341 MB of tables); the joins and aggregates of the
# rules need as much again while they run.
TABLE_BYTES_PER_INPUT_BYTE = 4


def connect(limits: Limits | None = None, inputs: Iterable[Path] = ()) -> duckdb.DuckDBPyConnection:
    """A DuckDB with a memory limit and a private spill folder in the temp dir.

    DuckDB would otherwise take 80 % of the machine's memory; with a limit it spills to disk, so
    a national-scale check (4.5 million employees, 66 million rows) fits a 4 GiB budget.

    ``inputs`` are the files the check reads. While their tables fit the memory limit the
    database is in memory. Beyond, it is a database file in the temp dir, named like the spill
    folder: its tables are stored compressed, and DuckDB can drop their blocks from memory
    without writing them out again (an in-memory table over the limit is spilled uncompressed).
    The file is unlinked at once, so it lives as long as the connection. DuckDB removes its
    write-ahead log when the connection closes; the log and the spill folder of a killed check
    are removed by the next check.
    """
    limits = limits or Limits.cli()
    spill = Path(tempfile.gettempdir()) / f"{SPILL_PREFIX}{os.getpid()}"
    _remove_stale_spills(spill.parent)
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": limits.duckdb_memory(),
        "temp_directory": str(spill),
    }
    memory = limits.duckdb_memory_bytes()
    if memory is None or _size(inputs) * TABLE_BYTES_PER_INPUT_BYTE <= memory:
        return duckdb.connect(config=config)
    # beside the spill folder, named after the process: several checks of one process (the
    # upload service) run at once
    path = spill.with_name(f"{spill.name}-{secrets.token_hex(8)}.duckdb")
    con = duckdb.connect(str(path), config=config)
    with suppress(OSError):  # an open file stays on Windows: the next check removes it
        path.unlink()
    return con


# Queries run at once, each on a cursor of its own: one DuckDB query of a rule or of a file's
# typing keeps about 1.3 of two cores busy, two keep both.
WORKERS = 2

T = TypeVar("T")


class Cursors:
    """A pool of :data:`WORKERS` cursors of one connection with a thread each: :meth:`submit`
    runs ``work(cursor)`` on a free cursor. The budget's time limit interrupts them all; work
    queued after it, or after a failure, does not start."""

    def __init__(self, con: duckdb.DuckDBPyConnection, budget: Budget | None) -> None:
        self._budget = budget
        self._cursors = [con.cursor() for _ in range(WORKERS)]
        self._free: queue.SimpleQueue[duckdb.DuckDBPyConnection] = queue.SimpleQueue()
        for cursor in self._cursors:
            self._free.put(cursor)
            if budget is not None:
                budget.watch(cursor)
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="kueri")
        self._lock = threading.Lock()
        self._busy = 0
        self._stopped = False

    def submit(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> Future[T]:
        """Run ``work`` with a cursor of its own, in a thread of the pool."""

        def run() -> T:
            with self._lock:
                if self._stopped:
                    raise CancelledError
                self._busy += 1
            cursor = self._free.get()
            try:
                if self._budget is not None:
                    self._budget.check_time()  # queued past the time limit: do not start
                return work(cursor)
            finally:
                self._free.put(cursor)
                with self._lock:
                    self._busy -= 1

        return self._pool.submit(run)

    def close(self, failed: bool) -> None:
        """Wait for the queries, then close the cursors. After a failure the queued ones are
        dropped and the running ones interrupted until none is left."""
        if failed:
            with self._lock:
                self._stopped = True
            self._pool.shutdown(wait=False, cancel_futures=True)
            while True:
                with self._lock:
                    if not self._busy:
                        break
                for cursor in self._cursors:
                    cursor.interrupt()
                time.sleep(0.01)
        self._pool.shutdown(wait=True)
        for cursor in self._cursors:
            if self._budget is not None:
                self._budget.unwatch(cursor)
            cursor.close()


@contextmanager
def cursors(con: duckdb.DuckDBPyConnection, budget: Budget | None) -> Iterator[Cursors]:
    """:class:`Cursors` of ``con``, closed on leaving."""
    pool = Cursors(con, budget)
    failed = True
    try:
        yield pool
        failed = False
    finally:
        pool.close(failed)


def _size(files: Iterable[Path]) -> int:
    total = 0
    for file in files:
        with suppress(OSError):  # reading it is reported where it is read
            total += file.stat().st_size
    return total


def _remove_stale_spills(folder: Path) -> None:
    """Remove the spill folders and database logs of checks whose process is gone (killed by
    the service's time or memory limit, or by the operator): they can hold gigabytes, and
    personal data."""
    for old in folder.glob(f"{SPILL_PREFIX}*"):
        pid = old.name.removeprefix(SPILL_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
        except PermissionError:
            continue  # another user's live process


class InputFile(NamedTuple):
    """One table read from one file (or workbook sheet): for the report's ``inputs``."""

    path: str
    table: str
    rows: int
    sha256: str


class Gap(NamedTuple):
    """Columns a file SIASN wrote lacks because SIASN has no place for them (``notInSiasn``):
    the rules that read them are not judged on that file's rows, and the report says so once."""

    file: str
    table: str
    row: int | None
    columns: tuple[str, ...]


@dataclass
class Dataset:
    """Typed tables named after the seven schema tables, each row with ``_file`` and ``_row``.

    All seven tables always exist (empty when not supplied); ``present`` names those that came from
    at least one file. ``findings`` are the intake findings, sorted with ``Finding.sort_key``.
    """

    connection: duckdb.DuckDBPyConnection
    schema: dict[str, Table]
    findings: list[Finding] = field(default_factory=list)
    inputs: list[InputFile] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def tables(self) -> tuple[str, ...]:
        """The seven table names, in DESIGN.md's order."""
        return TABLES

    def count(self, table: str) -> int:
        """Number of rows in ``table``."""
        row = self.connection.execute(f"SELECT count(*) FROM {ident(table)}").fetchone()
        return int(row[0]) if row else 0

    def rows(self, table: str, columns: str = "*") -> list[tuple[object, ...]]:
        """All rows of ``table`` ordered by file and row (for tests and small exports)."""
        return self.connection.execute(
            f"SELECT {columns} FROM {ident(table)} ORDER BY _file, _row"
        ).fetchall()

    def close(self) -> None:
        """Close the DuckDB connection."""
        self.connection.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
