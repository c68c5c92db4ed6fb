"""Reading a dataset in the canonical layout (one ``<table>.csv`` per table) into typed rows.

What the oracle keeps, and why (DESIGN.md "Bad input is normal input"; the brief):

* a line that cannot be split into the header's columns, and a blank line, is no record;
* a cell that cannot be read is :data:`~tests.oracle.contract.INVALID` (unknown, not empty),
  so a rule never reads an unreadable value as a missing one or the other way round;
* in the history tables, a record whose NIP is missing, damaged, or not in ``pegawai``, and a
  record that repeats the primary key of an earlier one, is rejected: it neither creates nor
  hides a finding (intake reports it under SKEMA-*);
* an employee row without a readable NIP is rejected as well; an employee listed twice is
  kept, since that is what DATA-NIP-GANDA is about.

Row numbers are the physical line of the record in its file (the header is line 1), which is
what agencies see in a spreadsheet and what the checker reports.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.oracle.contract import (
    INVALID,
    TableContract,
    band_value,
    header_key,
    read_cell,
)

HEADER_SEARCH_ROWS = 20  # title lines an export may put above the header
DELIMITERS = (",", ";", "\t", "|")
KEY_FILE = "kunci_jawaban.csv"  # the generator's answer key: never agency data


@dataclass
class Row:
    """One record of a table: typed values by column, its file and line."""

    table: str
    file: str
    line: int
    values: dict[str, Any]
    raw: dict[str, str | None] = field(default_factory=dict)

    def get(self, column: str) -> Any:
        """The typed value (None when empty, INVALID when unreadable, None when absent)."""
        return self.values.get(column)

    def known(self, column: str) -> Any:
        """The value, or None when it is empty or unreadable."""
        value = self.values.get(column)
        return None if value is INVALID else value

    @property
    def nip(self) -> str | None:
        """The readable NIP of the record, or None."""
        value = self.values.get("nip")
        return value if isinstance(value, str) else None


@dataclass
class Dataset:
    """Every table of a dataset as the rules judge it."""

    tables: dict[str, list[Row]]
    contract: dict[str, TableContract]
    # records left out (no readable NIP, NIP not in pegawai, repeated key), by table
    rejected: dict[str, list[Row]] = field(default_factory=dict)

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")  # Indonesian Excel's "CSV" (domain §5.4)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=first.count)


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """(first physical line, cells) for every record, blank lines included as empty lists."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    previous_end = 0
    for cells in reader:
        out.append((previous_end + 1, cells))
        previous_end = reader.line_num
    return out


def _header(
    records: list[tuple[int, list[str]]], contract: TableContract
) -> tuple[int, dict[str, int], int] | None:
    """(index of the header record, column → position, width) among the first records."""
    names: dict[str, str] = {}
    for col in contract.columns.values():
        for spelling in (col.name, *col.aliases):
            names.setdefault(header_key(spelling), col.name)
    for index, (_, cells) in enumerate(records[:HEADER_SEARCH_ROWS]):
        positions: dict[str, int] = {}
        for pos, cell in enumerate(cells):
            name = names.get(header_key(cell))
            if name is not None and name not in positions:
                positions[name] = pos
        if "nip" in positions or len(positions) >= max(2, len(contract.columns) // 2):
            return index, positions, len(cells)
    return None


def _file_for(data_dir: Path, contract: TableContract) -> Path | None:
    wanted = {header_key(contract.name), *(header_key(a) for a in contract.aliases)}
    for path in sorted(data_dir.iterdir()):
        if path.name == KEY_FILE or path.name.startswith((".", "~$")):
            continue
        if path.suffix.lower() in (".csv", ".txt", ".tsv") and header_key(path.stem) in wanted:
            return path
    return None


def _derive(row: Row, contract: TableContract) -> None:
    """What the contract derives inside one row: a value read differently in the row's regime
    (``enumScales`` aliases: "Kurang" in a PermenPANRB 6/2022 evaluation), and an empty value
    given by a score's bands in their regimes (PP 46/2011 nilai SKP → predikat)."""
    if contract.regime_field is None:
        return  # only tables with regimes read values by the row's regime
    regime = None
    if contract.regime_field is not None:
        year = row.known(contract.regime_field)
        regime = contract.regime(year if isinstance(year, int) else None)
    for col in contract.columns.values():
        reads = col.regime_reads.get(regime or "", [])
        for read, meant in reads:
            if row.values.get(col.name) == read:
                row.values[col.name] = meant
    for col in contract.columns.values():
        if col.bands is None or regime not in col.bands[1]:
            continue
        target, _, bands = col.bands
        score = row.known(col.name)
        if row.known(target) is None and isinstance(score, float | int):
            given = band_value(bands, float(score))
            if given is not None:
                row.values[target] = given


def read_table(path: Path, contract: TableContract) -> list[Row]:
    """Every record of one file, typed; blank and malformed lines left out."""
    text = _decode(path)
    records = _records(text, _delimiter(text))
    found = _header(records, contract)
    if found is None:
        return []
    index, positions, width = found
    rows: list[Row] = []
    typed: dict[tuple[str, str], Any] = {}  # the same text in a column types the same
    for line, cells in records[index + 1 :]:
        if not any(c.replace("\u00a0", " ").strip() for c in cells):
            continue  # a blank line, or a row of empty cells
        if len(cells) != width:
            continue  # cannot be split into the header's columns (SKEMA-BARIS)
        raw: dict[str, str | None] = {name: cells[pos] for name, pos in positions.items()}
        values: dict[str, Any] = {}
        for name, col in contract.columns.items():
            cell = raw.get(name)
            if (name, cell or "") not in typed:
                typed[(name, cell or "")] = read_cell(col, cell)
            values[name] = typed[(name, cell or "")]
        row = Row(contract.name, str(path), line, values, raw)
        _derive(row, contract)
        rows.append(row)
    return rows


def _first_of_each_key(rows: list[Row], contract: TableContract) -> list[Row]:
    """Rows without those that repeat an earlier row's primary key (required key parts
    filled; an empty optional part compares equal to another empty one)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for row in rows:
        key = tuple(row.values.get(k) for k in contract.primary_key)
        required = [contract.columns[k].required for k in contract.primary_key]
        if any(v is INVALID for v in key) or any(
            v is None and req for v, req in zip(key, required, strict=True)
        ):
            out.append(row)  # not comparable: judged on its own
            continue
        if key in seen:
            continue
        seen.add(key)
        out.append(row)
    return out


def load_dataset(data_dir: Path, contract: dict[str, TableContract]) -> Dataset:
    """The dataset of ``data_dir`` as the rules judge it (see the module docstring)."""
    tables: dict[str, list[Row]] = {}
    for name, table in contract.items():
        path = _file_for(data_dir, table)
        tables[name] = read_table(path, table) if path is not None else []
    read = {name: list(rows) for name, rows in tables.items()}
    tables["pegawai"] = [r for r in tables.get("pegawai", []) if r.nip is not None]
    known = {r.nip for r in tables["pegawai"]}
    for name, table in contract.items():
        if name in ("pegawai", "unit_kerja"):
            continue
        rows = [r for r in tables[name] if r.nip is not None and r.nip in known]
        tables[name] = _first_of_each_key(rows, table)
    if "unit_kerja" in tables:
        tables["unit_kerja"] = _first_of_each_key(tables["unit_kerja"], contract["unit_kerja"])
    kept = {name: {id(r) for r in rows} for name, rows in tables.items()}
    rejected = {name: [r for r in rows if id(r) not in kept[name]] for name, rows in read.items()}
    return Dataset(tables, contract, {k: v for k, v in rejected.items() if v})
