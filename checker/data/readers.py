"""Readers: turn one CSV file or one workbook sheet into a staging relation of VARCHAR columns.

CSV goes through DuckDB's ``read_csv`` with nothing auto-detected: explicit delimiter, explicit
VARCHAR columns ``c0..cn``, and ``store_rejects`` so a malformed line becomes a finding instead of
derailing the file. Workbooks are read with python-calamine; cells are turned into text in Python
(the only per-row Python work of intake) and handed to DuckDB through a temporary UTF-8 file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from checker.data.normalize import ident, lit
from checker.data.sniff import Sniffed
from checker.limits import Limits

PREVIEW_ROWS = 30


class OverBudget(Exception):
    """A file the check will not read (a workbook or JSON over its budget); ``message`` says
    why and what to do, in Indonesian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Reject:
    """One line DuckDB could not read: physical line, DuckDB error type, column, the text."""

    line: int
    error: str
    column: str | None
    text: str


@dataclass
class Source:
    """One readable table-shaped thing: a CSV file or a workbook sheet.

    ``preview`` holds the first non-blank rows as (row number, cells) so the caller can find the
    header row and the table before anything is loaded.
    """

    path: Path
    name: str
    sheet: str | None
    preview: list[tuple[int, list[str]]]
    sniffed: Sniffed | None = None
    cells: list[tuple[int, list[Any]]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How findings name it: the path, plus ``#sheet`` for a workbook sheet."""
        return str(self.path) + (f"#{self.sheet}" if self.sheet else "")


def csv_relation(sn: Sniffed, header_line: int, ncols: int, scan: str) -> str:
    """The ``read_csv(...)`` SQL for the data lines after ``header_line`` of a sniffed file."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"
    return (
        f"read_csv({lit(str(sn.read_path))}, header=false, skip={header_line}, "
        f"auto_detect=false, delim={lit(sn.delimiter)}, quote='\"', escape='\"', "
        f"columns={columns}, store_rejects=true, rejects_table={lit(scan + '_err')}, "
        f"rejects_scan={lit(scan + '_scan')}, null_padding=false, max_line_size=10000000)"
    )


def line_starts(path: Path, offsets: Iterable[int]) -> dict[int, int]:
    """Physical line (1-based) of each byte offset, skipping the empty lines DuckDB folds in.

    ``path`` is the file DuckDB read; when :mod:`checker.data.sniff` made it a normalised copy,
    every line break there is one LF, so its lines are the agency's lines. Streams the file (a
    national export is gigabytes; rejects are few and sparse).
    """
    wanted = sorted(set(offsets))
    out: dict[int, int] = {}
    if not wanted:
        return out
    chunk = 1 << 24
    with path.open("rb") as fh:
        line, pos = 1, 0
        for off in wanted:
            while pos < off:  # count newlines up to the offset, a chunk at a time
                data = fh.read(min(chunk, off - pos))
                if not data:
                    break
                line += data.count(b"\n")
                pos += len(data)
            window = fh.read(1 << 16)  # the line breaks DuckDB folds into this record
            fh.seek(pos)
            probe = line
            for byte in window:
                if byte not in (10, 13):
                    break
                probe += byte == 10
            out[off] = probe
    return out


def read_rejects(con: duckdb.DuckDBPyConnection, sn: Sniffed, scan: str) -> list[Reject]:
    """The lines DuckDB rejected in scan ``scan``, one entry per line, in line order.

    A line of spaces only is among them; the caller treats it as a blank row, not a broken one.
    """
    rows = con.execute(
        f"SELECT line_byte_position, min(error_type), min(column_name), min(csv_line) "
        f"FROM {ident(scan + '_err')} GROUP BY line_byte_position ORDER BY 1"
    ).fetchall()
    assert sn.read_path is not None
    lines = line_starts(sn.read_path, (int(r[0]) for r in rows))
    out = []
    for pos, error, column, text in rows:
        out.append(Reject(lines[int(pos)], str(error), column, str(text or "")))
    return out


@dataclass
class RecordMap:
    """Where each accepted record of a quoted CSV starts, kept compact: ``shifts`` holds
    (record index, first line − index) only where that difference changes, so a national file
    needs a few entries, not one per record. ``merged`` lists records spanning lines."""

    count: int = 0
    shifts: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int]] = field(default_factory=list)


def record_map(sn: Sniffed, header_line: int, rejected: set[int]) -> RecordMap | None:
    """The :class:`RecordMap` of the non-blank records after the header that DuckDB accepted
    (first lines not in ``rejected``); None when Python's reader gives up."""
    assert sn.read_path is not None
    out = RecordMap()
    # (the copy DuckDB read is UTF-8; should a byte slip through, it still counts as a character)
    with sn.read_path.open("r", encoding="utf-8", newline="", errors="replace") as fh:
        for _ in range(header_line):
            fh.readline()
        reader = csv.reader(fh, delimiter=sn.delimiter)
        start = header_line + 1
        try:
            for row in reader:
                end = header_line + reader.line_num
                if row and start not in rejected:
                    shift = start - out.count
                    if not out.shifts or out.shifts[-1][1] != shift:
                        out.shifts.append((out.count, shift))
                    if end > start:
                        out.merged.append((start, end))
                    out.count += 1
                start = end + 1
        except csv.Error:
            return None
    return out


def _cell_text(value: Any, nip: bool) -> str | None:
    """Excel cell → the text an agency would have typed (NIP numbers keep Excel's 15 digits)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        # line breaks inside a cell become LF: DuckDB reads a CR inside a quoted field of the
        # staging CSV as a broken line (and a line break means nothing in these fields)
        return value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if nip:
            return format(Decimal(f"{value:.15g}"), "f")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def open_workbook(path: Path, limits: Limits | None = None) -> list[Source]:
    """One Source per sheet, read within ``limits``; see :mod:`checker.data.workbook`."""
    from checker.data import workbook  # it builds Sources: imported here to avoid a cycle

    return workbook.open_workbook(path, limits)


class NotATable(ValueError):
    """A JSON file that holds no list of records; the message says what it holds instead."""


def _json_text(value: Any) -> str | None:
    """A JSON value as the text a CSV of the same record would hold."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return _cell_text(str(value), False)


def open_json(path: Path, limits: Limits) -> Source:
    """The records of a JSON file as a Source: a list of objects, or an object whose ``data``
    holds that list (the SIASN API's answer, ``{"code": 1, "data": [...]}``).

    The header is every key, in the order first seen; a key whose values are all nested
    (SIASN's ``path`` of documents) is left out. Record ``n`` is row ``n``; the header is row 0.
    Over ``limits.json_bytes`` the file is not parsed (:class:`OverBudget`).
    """
    from checker.data import messages

    size = path.stat().st_size
    if size > limits.json_bytes:
        raise OverBudget(messages.json_too_large(size, limits.json_bytes))
    with path.open("rb") as fh:
        data = json.loads(fh.read().decode("utf-8-sig"))
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise NotATable(messages.json_not_records())
    keys: dict[str, bool] = {}
    for record in data:
        for key, value in record.items():
            flat = not isinstance(value, (dict, list))
            keys[str(key)] = keys.get(str(key), False) or flat or value in ({}, [])
    header = [k for k, flat in keys.items() if flat]
    cells = sum(len(r) for r in data)
    if cells > min(limits.cells_per_file, limits.cells_per_workbook):
        raise OverBudget(
            messages.text_too_many_cells(len(data), len(header), limits.cells_per_workbook)
        )
    rows: list[tuple[int, list[Any]]] = [(0, list(header))]
    for number, record in enumerate(data, start=1):
        rows.append((number, [_json_text(record.get(k)) for k in header]))
    preview = [(n, [c or "" for c in r]) for n, r in rows[:PREVIEW_ROWS]]
    return Source(path, path.stem, None, preview, cells=rows)


def stage_sheet(
    con: duckdb.DuckDBPyConnection,
    src: Source,
    header_row: int,
    positions: list[int],
    nips: set[int],
    workdir: Path,
    name: str,
) -> str:
    """Write the used columns of the rows after ``header_row`` to a staging table (``c{pos}``)."""
    tmp = workdir / f"{name}.csv"
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")  # one line-break style for DuckDB
        for number, row in src.cells:
            if number <= header_row:
                continue
            cells = [row[i] if i < len(row) else None for i in positions]
            # Most cells are text already; only the others need converting.
            texts = [
                v
                if type(v) is str and "\x00" not in v and "\r" not in v
                else _cell_text(v, i in nips)
                for i, v in zip(positions, cells, strict=True)
            ]
            writer.writerow([number, *texts])
    columns = "{'_row': 'BIGINT', " + ", ".join(f"'c{i}': 'VARCHAR'" for i in positions) + "}"
    con.execute(
        f"CREATE TEMP TABLE {ident(name)} AS SELECT * FROM read_csv({lit(str(tmp))}, "
        f"header=false, auto_detect=false, delim=',', quote='\"', escape='\"', "
        f"columns={columns}, max_line_size=10000000)"
    )
    tmp.unlink()
    return ident(name)
