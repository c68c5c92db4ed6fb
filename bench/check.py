"""Check benchmark: ``python bench/check.py [--sizes 100000,4500000]``.

For each size (default: 100 k and national scale, 4.5 million employees — BKN counted
4,465,768 ASN on 31 December 2023) it generates the sample once under ``bench/data/`` (all seven
tables as CSV, with planted faults), then measures in the same run:

* ``kebijakan check`` on the folder (a subprocess: intake, 20 rules, JSON report), its wall time
  and peak resident memory;
* a raw DuckDB scan of the same files (``count(*)`` over ``read_csv`` of every file);

and prints both times, their ratio and the peak RSS. Goals: ratio ≤ 1.5 and peak ≤ 4 GiB at
national scale. Generating 4.5 M employees takes about 10 minutes and 7 GB of disk, once.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

# bench/ holds scripts named like libraries (docx.py); keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import duckdb  # noqa: E402

from checker.data.sample import generate_sample  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
AS_OF, YEARS = "2026-06-30", "2023,2024,2025"


def sample(employees: int) -> Path:
    """The sample folder for ``employees``, generated once."""
    out = DATA / f"check-{employees}"
    if not (out / "kunci_jawaban.csv").exists():
        print(f"  membuat data contoh {employees:,} pegawai …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        generate_sample(out, employees=employees, seed=1, fault_rate=0.02)
        print(f"  selesai dalam {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def raw_scan(folder: Path) -> tuple[float, int]:
    """Seconds for DuckDB to count the rows of every CSV file, and the row count."""
    con = duckdb.connect()
    started = time.perf_counter()
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        if path.name == "kunci_jawaban.csv":
            continue
        # the sample plants malformed rows: give the dialect, skip bad lines, just count
        result = con.execute(
            "SELECT count(*) FROM read_csv(?, all_varchar = true, delim = ',', "
            "quote = '\"', header = true, strict_mode = false, "
            "ignore_errors = true)",
            [str(path)],
        ).fetchall()
        rows += int(result[0][0])
    return time.perf_counter() - started, rows


def run_check(folder: Path, report: Path) -> tuple[float, float, int]:
    """Wall seconds and peak RSS (GiB) of ``kebijakan check``, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(folder),
            "--as-of",
            AS_OF,
            "--tahun",
            YEARS,
            "--format",
            "json",
            "-o",
            str(report),
            "--fail-on",
            "never",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
    peak_kib = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return elapsed, peak_kib / 1024 / 1024, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100000,4500000",
        help="jumlah pegawai, dipisah koma (bawaan: 100000,4500000)",
    )
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(
        f"{'pegawai':>10} {'baris':>12} {'check (s)':>10} {'pindai (s)':>11} {'rasio':>6} "
        f"{'RSS puncak':>11}"
    )
    for employees in sizes:
        folder = sample(employees)
        scan, rows = raw_scan(folder)
        elapsed, peak, code = run_check(folder, DATA / f"laporan-{employees}.json")
        status = "" if code == 0 else f"  (kode keluar {code})"
        print(
            f"{employees:>10,} {rows:>12,} {elapsed:>10.1f} {scan:>11.1f} "
            f"{elapsed / scan:>6.1f} {peak:>9.2f} GiB{status}",
            flush=True,
        )
    print("Sasaran pada skala nasional: rasio ≤ 1,5 dan RSS puncak ≤ 4 GiB.")


if __name__ == "__main__":
    main()
