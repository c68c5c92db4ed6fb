"""Intake benchmark: ``python bench/ingest.py`` (data is generated once under ``bench/data/``).

For 100 k and 1 M employees (all seven tables as CSV, about 15 rows per employee) it prints the
time of ``checker.ingest`` beside a raw DuckDB scan of the same files (``read_csv`` with DuckDB's
own detection into tables), and for a 100 k-row ``pegawai`` workbook the ingest time beside
calamine's raw read of the sheet. Goals: CSV ratio at 1 M ≤ 1.5; XLSX 100 k ingest ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

# bench/ holds scripts named like libraries (docx.py); keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import duckdb  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from checker.data.ingest import ingest  # noqa: E402
from checker.data.sample import generate_sample  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def _csv_sample(employees: int) -> Path:
    out = DATA / f"csv-{employees}"
    if not (out / "kunci_jawaban.csv").exists():
        print(f"  membuat data contoh {employees:,} pegawai …", file=sys.stderr, flush=True)
        generate_sample(out, employees=employees, seed=1, fault_rate=0.0)
    return out


def _xlsx_sample(rows: int) -> Path:
    path = DATA / f"pegawai-{rows}.xlsx"
    if not path.exists():
        source = _csv_sample(rows) / "pegawai.csv"
        book = Workbook(write_only=True)
        sheet = book.create_sheet("pegawai")
        with source.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                if row:
                    sheet.append(row)
        book.save(path)
    return path


def _best(func: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def _raw_duckdb(folder: Path) -> None:
    con = duckdb.connect()
    for i, path in enumerate(sorted(folder.glob("*.csv"))):
        if path.name != "kunci_jawaban.csv":
            con.execute(f"CREATE TABLE t{i} AS SELECT * FROM read_csv('{path}')")
    con.close()


def _ingest(paths: list[Path]) -> None:
    with ingest(paths) as ds:
        assert not [f for f in ds.findings if f.severity == "error"], ds.findings[:3]


def _raw_calamine(path: Path) -> None:
    CalamineWorkbook.from_path(str(path)).get_sheet_by_name("pegawai").to_python()


def main() -> None:
    """Run the benchmark and print one line per case."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000", help="employee counts for CSV")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    print(f"{'kasus':<34}{'ingest':>10}{'mentah':>10}{'rasio':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        folder = _csv_sample(size)
        rows = sum(1 for p in folder.glob("*.csv") for _ in p.open(encoding="utf-8")) - 8
        ours = _best(lambda f=folder: _ingest([f]), args.repeat)
        raw = _best(lambda f=folder: _raw_duckdb(f), args.repeat)
        label = f"CSV {size:,} pegawai ({rows:,} baris)"
        print(f"{label:<34}{ours:>9.2f}s{raw:>9.2f}s{ours / raw:>8.2f}", flush=True)
    book = _xlsx_sample(100_000)
    ours = _best(lambda: _ingest([book]), args.repeat)
    raw = _best(lambda: _raw_calamine(book), args.repeat)
    print(f"{'XLSX 100,000 baris pegawai':<34}{ours:>9.2f}s{raw:>9.2f}s{ours / raw:>8.2f}")


if __name__ == "__main__":
    main()
