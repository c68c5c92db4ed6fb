"""The Dataset: typed agency tables in DuckDB, the intake findings and what was read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import duckdb

from checker.data.normalize import ident
from checker.data.schema import TABLES, Table
from checker.report.finding import Finding


class InputFile(NamedTuple):
    """One table read from one file (or workbook sheet): for the report's ``inputs``."""

    path: str
    table: str
    rows: int
    sha256: str


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
