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
from dataclasses import dataclass, replace

from checker.errors import CheckerError

MIB = 1 << 20
GIB = 1 << 30
# One cell of a sheet as calamine holds it, then as a Python list item (measured: a 100 000 ×
# 1 000 dense sheet took 3.9 GiB, about 40 bytes a cell).
BYTES_PER_SHEET_CELL = 40


class BudgetError(CheckerError):
    """The check would go (or went) over one of its limits; the message names the limit."""


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
    # rows × columns a sheet reader may lay out densely (first to last used row and column)
    sheet_extent: int
    # findings in one report (JSON, CSV and XLSX reports never drop any: over this, no report)
    findings: int | None

    @classmethod
    def service(cls) -> Limits:
        """One agency's upload in the upload service's worker process."""
        return cls(
            memory_bytes=1 * GIB,
            seconds=120,
            columns_per_table=1_000,
            cells_per_file=5_000_000,
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
            sheet_extent=max(5_000_000, memory // 4 // BYTES_PER_SHEET_CELL),
            findings=None,
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
