"""The budget of one check: how much memory, time and input it may use, decided before the work.

Two sets of defaults. The upload service checks one agency's upload at a time in its own process
(:meth:`Limits.service`: 1 GiB, 120 s, a workbook of a few million cells). The command line runs
on the operator's machine and must carry a national check of 4.5 million employees
(:meth:`Limits.cli`: sized to the machine's memory, no time limit unless asked).

An input over a per-file limit becomes a ``SKEMA-BERKAS`` finding for that file and the check goes
on with the others; a check over its memory, time or findings budget stops with
:class:`BudgetError` (exit code 2) and an Indonesian message naming the limit.
"""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass, replace

from checker.errors import CheckerError
from checker.wording import digits

MIB = 1 << 20
GIB = 1 << 30
# One cell of a sheet as calamine holds it, then as a Python list item (measured: a 100 000 ×
# 1 000 dense sheet took 3.9 GiB, about 40 bytes a cell).
BYTES_PER_SHEET_CELL = 40
# A size as DuckDB's memory_limit takes it: "2GB", "512 MiB", "1.5gb"
_SIZE = re.compile(r"([0-9]+(?:[.][0-9]+)?)\s*([kmgt]i?b|b)", re.IGNORECASE)
_UNITS = {"b": 1} | {
    f"{prefix}{infix}b": (1024 if infix else 1000) ** power
    for power, prefix in enumerate("kmgt", start=1)
    for infix in ("", "i")
}


class BudgetError(CheckerError):
    """The check would go (or went) over one of its limits; the message names the limit."""


class TimeLimitError(BudgetError):
    """The check ran past its time limit (the service words it for the agency itself)."""


def machine_memory() -> int:
    """Physical memory of this machine in bytes (4 GiB when it cannot be read)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4 * GIB


@dataclass(frozen=True)
class Limits:
    """What one check may use. ``None`` means no limit of that kind."""

    # the whole check process (the service sets it with setrlimit; DuckDB gets a share)
    memory_bytes: int | None
    # wall time of one check
    seconds: float | None
    # columns in the header of one table (a CSV or a sheet)
    columns_per_table: int
    # cells with a value in one file (a workbook: all sheets; a text file: lines × columns)
    cells_per_file: int
    # cells with a value in one workbook (all sheets): sheet readers hold every cell in memory
    cells_per_workbook: int
    # rows × columns a sheet reader may lay out densely (first to last used row and column)
    sheet_extent: int
    # findings in one report (JSON, CSV and XLSX reports never drop any: over this, no report)
    findings: int | None
    # bytes of one JSON file (the SIASN API's shape): it is parsed whole, taking several times
    # its size in memory, so a larger one is sent as CSV
    json_bytes: int = 32 * MIB

    @classmethod
    def service(cls) -> Limits:
        """One agency's upload in the upload service's worker process."""
        return cls(
            memory_bytes=1 * GIB,
            seconds=120,
            columns_per_table=1_000,
            cells_per_file=5_000_000,
            cells_per_workbook=5_000_000,
            sheet_extent=5_000_000,
            findings=200_000,
        )

    @classmethod
    def cli(cls) -> Limits:
        """The command line: sized to the machine (a national check must fit)."""
        memory = machine_memory()
        return cls(
            memory_bytes=None,
            seconds=None,
            columns_per_table=1_000,
            cells_per_file=2_000_000_000,
            # a third of Excel's sheet (350 000 rows of 14 columns) reads in about 40 s; more
            # is faster and lighter as CSV, whose budget is the machine's
            cells_per_workbook=5_000_000,
            sheet_extent=max(5_000_000, memory // 4 // BYTES_PER_SHEET_CELL),
            findings=None,
            json_bytes=max(256 * MIB, memory // 16),
        )

    def but(self, **changes: object) -> Limits:
        """A copy with some limits changed (``Limits.cli().but(seconds=600)``)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def duckdb_memory(self) -> str:
        """DuckDB's ``memory_limit``: half the process budget, else the environment's setting
        (``KEBIJAKAN_DUCKDB_MEMORY``), else 2 GB. Over it DuckDB spills to disk."""
        if self.memory_bytes is not None:
            return f"{max(64, self.memory_bytes // 2 // MIB)}MB"
        return os.environ.get("KEBIJAKAN_DUCKDB_MEMORY", "2GB")

    def duckdb_memory_bytes(self) -> int | None:
        """:meth:`duckdb_memory` in bytes; None when the setting is not a size (DuckDB itself
        then says what is wrong with it)."""
        found = _SIZE.fullmatch(self.duckdb_memory().strip())
        if found is None:
            return None
        number, unit = found.groups()
        return int(float(number) * _UNITS[unit.lower()])


class Budget:
    """One check against its :class:`Limits`: the clock started when the check did, and the
    findings counted so far. DuckDB queries are interrupted when the time is up; the stages in
    between ask :meth:`check_time`.

    Example::

        with Budget(limits, con) as budget:
            ...                       # DuckDB work is interrupted past ``limits.seconds``
            budget.count_findings(n)  # raises BudgetError past ``limits.findings``
    """

    def __init__(self, limits: Limits, connection: object | None = None) -> None:
        self.limits = limits
        self.connection = connection
        self.findings = 0
        self.expired = False
        self._start = time.monotonic()
        self._timer: threading.Timer | None = None
        self._also: list[object] = []  # cursors of the connection that run queries beside it
        self._lock = threading.Lock()
        self._done = False

    def watch(self, cursor: object) -> None:
        """Interrupt ``cursor`` too when the time is up (a second cursor of the connection,
        running queries in another thread)."""
        self._also.append(cursor)
        if self.expired:
            self._interrupt(cursor)

    def unwatch(self, cursor: object) -> None:
        """Stop interrupting ``cursor`` (before it is closed)."""
        self._also = [c for c in self._also if c is not cursor]

    def __enter__(self) -> Budget:
        if self.limits.seconds is not None and self.connection is not None:
            self._timer = threading.Timer(self.limits.seconds, self._expire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        with self._lock:
            self._done = True
            if self._timer is not None:
                self._timer.cancel()
        if self.expired and isinstance(exc, Exception) and not isinstance(exc, BudgetError):
            # the interrupted query's own error: say which limit ended it
            raise self.time_error() from exc

    def _expire(self) -> None:
        self.expired = True
        for connection in [self.connection, *self._also]:
            self._interrupt(connection)
        # A query that started just now on another cursor missed the interrupt: repeat it
        # until the check has stopped.
        with self._lock:
            if not self._done:
                self._timer = threading.Timer(0.1, self._expire)
                self._timer.daemon = True
                self._timer.start()

    @staticmethod
    def _interrupt(connection: object) -> None:
        interrupt = getattr(connection, "interrupt", None)
        if interrupt is not None:
            interrupt()

    def time_error(self) -> TimeLimitError:
        """The error that ends a check past its time limit."""
        return TimeLimitError(
            f"Pemeriksaan melewati batas waktu {seconds_text(self.limits.seconds or 0)} dan "
            "dihentikan. Bagi data menjadi beberapa kiriman yang lebih kecil, atau jalankan "
            "dengan batas waktu yang lebih longgar (--batas-waktu)."
        )

    def check_time(self) -> None:
        """Raise :class:`BudgetError` when the check has run past its time limit."""
        seconds = self.limits.seconds
        if self.expired or (seconds is not None and time.monotonic() - self._start > seconds):
            self.expired = True
            raise self.time_error()

    def room(self) -> int | None:
        """How many more findings fit (None: no limit)."""
        if self.limits.findings is None:
            return None
        return max(0, self.limits.findings - self.findings)

    def count_findings(self, count: int, top: str | None = None) -> None:
        """Add ``count`` findings; raise :class:`BudgetError` past the findings limit.
        ``top`` names where most of them came from (a rule id), for the message."""
        self.findings += count
        limit = self.limits.findings
        if limit is not None and self.findings > limit:
            where = f" (terbanyak dari {top})" if top else ""
            raise BudgetError(
                f"Pemeriksaan menghasilkan lebih dari {digits(limit)} temuan{where}, melebihi "
                "batas satu laporan. Kesalahan sebanyak itu biasanya berulang pada satu kolom "
                "atau satu aturan: perbaiki kesalahan yang berulang itu, lalu periksa ulang."
            )


def seconds_text(seconds: float) -> str:
    """ "120 detik", "0,5 detik" (the Indonesian decimal comma)."""
    return f"{seconds:g} detik".replace(".", ",")


def memory_text(size: int) -> str:
    """ "1 GiB", "1,5 GiB", "256 MiB"."""
    if size >= GIB:
        return f"{size / GIB:g} GiB".replace(".", ",")
    return f"{size / MIB:g} MiB".replace(".", ",")
