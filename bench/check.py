"""Check benchmark: ``python bench/check.py [--sizes 100000,1000000,4500000] [--runs 3]``.

For each size (default: 100 k, 1 M and national scale, 4.5 million employees — BKN counted
4,465,768 ASN on 31 December 2023) the sample is generated once under ``bench/data/`` (every
table as CSV, with planted faults). Then, alternated in one run, ``--runs`` times each:

* ``kebijakan check`` on the folder (all rules, JSON report written);
* the raw scan: DuckDB ``count(*)`` over ``read_csv`` of every file, all columns as text;
* the copy ("salin"): every column of every file, as text, into a DuckDB table with the check's
  memory limit, nothing typed or checked: the floor of any check that keeps every column, as
  this one does for its findings with file, row and column;
* the yardstick: a hand-written DuckDB script over the same files doing exactly ten checks, each
  returning its violating rows to Python (NIP of 18 digits; golongan one of the 17 codes; jenis
  kelamin L or P; the birth date a real date; not after the as-of date; NIP digits 1–8 equal to
  the birth date; NIP unique; an evaluation for every checked year of every active employee; no
  training row with an unknown NIP; every active PNS with at least 20 JP per checked year).

Each runs as its own process; its wall time and peak resident memory are its own (``wait4``).
The table gives medians, the ratios to the raw scan, and the peak RSS; then the start-up
(``kebijakan --version``) and the 500-employee demo check. Generating 4.5 M employees takes
about 50 minutes and 8.3 GB of disk on the 2-core bench machine, once.

The targets of issue #20 are printed beside the results: ``--version`` ≤ 0.15 s, the
500-employee check ≤ 0.6 s, 100 k ≤ 3× the raw scan, 1 M and 4.5 M ≤ 4× and at or below the
yardstick's ratio at 1 M, peak RSS ≤ 3 GiB at 4.5 M.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import time
from pathlib import Path

# bench/ holds scripts named like libraries (docx.py); keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import checker  # noqa: E402
from checker.data.sample import generate_sample  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
AS_OF, YEARS = "2026-06-30", (2023, 2024, 2025)
GIB = 1024 * 1024  # ru_maxrss is in KiB

RAW_SCAN = """
import sys, duckdb
con = duckdb.connect()
rows = 0
for path in sys.argv[1:]:
    rows += con.execute(
        "SELECT count(*) FROM read_csv(?, all_varchar = true, delim = ',', quote = '\\"', "
        "header = true, strict_mode = false, ignore_errors = true)", [path]
    ).fetchone()[0]
print(rows)
"""

# the floor of a check that keeps every column: each file's columns, as text, copied into a
# DuckDB table (the check's memory limit), nothing typed or checked
COPY_ALL = """
import sys, duckdb
con = duckdb.connect(config={"memory_limit": "2GB"})
for number, path in enumerate(sys.argv[1:]):
    con.execute(
        f"CREATE TABLE t{number} AS SELECT * FROM read_csv(?, all_varchar = true, delim = ',', "
        "quote = '\\"', header = true, strict_mode = false, ignore_errors = true)", [path]
    )
print(number)
"""

# the ten checks, as a careful engineer would write them by hand over the same CSV files
YARDSTICK = """
import sys, duckdb
folder, as_of, years = sys.argv[1], sys.argv[2], sys.argv[3]
con = duckdb.connect()
def table(name):
    con.execute(
        f"CREATE VIEW {name} AS SELECT * FROM read_csv('{folder}/{name}.csv', "
        "all_varchar = true, delim = ',', quote = '\\"', header = true, "
        "strict_mode = false, ignore_errors = true)"
    )
for name in ("pegawai", "pelatihan", "penilaian_kinerja"):
    table(name)
day = "COALESCE(try_strptime({0}, '%d/%m/%Y'), try_strptime({0}, '%d-%m-%Y'), " \\
      "try_strptime({0}, '%Y-%m-%d'))"
con.execute(f"CREATE TEMP TABLE p AS SELECT *, CAST({day.format('tanggal_lahir')} AS DATE) "
            "AS lahir FROM pegawai")
codes = ("'I/a','I/b','I/c','I/d','II/a','II/b','II/c','II/d','III/a','III/b','III/c',"
         "'III/d','IV/a','IV/b','IV/c','IV/d','IV/e'")
checks = [
    "SELECT nip FROM p WHERE NOT regexp_full_match(nip, '[0-9]{18}')",
    f"SELECT nip FROM p WHERE golongan NOT IN ({codes}) AND status_kepegawaian <> 'PPPK'",
    "SELECT nip FROM p WHERE jenis_kelamin NOT IN ('L', 'P')",
    "SELECT nip FROM p WHERE lahir IS NULL",
    f"SELECT nip FROM p WHERE lahir > DATE '{as_of}'",
    "SELECT nip FROM p WHERE lahir IS NOT NULL AND substr(nip, 1, 8) <> strftime(lahir, '%Y%m%d')",
    "SELECT nip FROM p GROUP BY nip HAVING count(*) > 1",
    f"SELECT p.nip, y.tahun FROM p CROSS JOIN (SELECT unnest([{years}]) AS tahun) y "
    "WHERE coalesce(p.aktif, 'Ya') <> 'Tidak' AND NOT EXISTS (SELECT 1 FROM penilaian_kinerja k "
    "WHERE k.nip = p.nip AND TRY_CAST(k.tahun AS INTEGER) = y.tahun)",
    "SELECT t.nip FROM pelatihan t ANTI JOIN p ON t.nip = p.nip",
    f"WITH jp AS (SELECT nip, year(CAST({day.format('tanggal_selesai')} AS DATE)) AS tahun, "
    "sum(TRY_CAST(jp AS DOUBLE)) AS jumlah FROM pelatihan GROUP BY ALL) "
    f"SELECT p.nip, y.tahun FROM p CROSS JOIN (SELECT unnest([{years}]) AS tahun) y "
    "LEFT JOIN jp ON jp.nip = p.nip AND jp.tahun = y.tahun "
    "WHERE p.status_kepegawaian = 'PNS' AND coalesce(p.aktif, 'Ya') <> 'Tidak' "
    "AND coalesce(jp.jumlah, 0) < 20",
]
found = sum(len(con.execute(sql).fetchall()) for sql in checks)
print(found)
"""


def sample(employees: int) -> Path:
    """The sample folder for ``employees``, generated once."""
    out = DATA / f"check-{employees}"
    if not (out / "kunci_jawaban.csv").exists():
        print(f"  membuat data contoh {employees:,} pegawai …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        generate_sample(out, employees=employees, seed=1, fault_rate=0.02)
        print(f"  selesai dalam {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def run_alone(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (GiB) of ``argv`` run as a process of its own: ``wait4``
    gives that child's usage alone. Its output is discarded; its error output is shown when it
    fails."""
    errors = DATA / "stderr.txt"
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(ROOT)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(os.open(errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        os.execvpe(argv[0], argv, {**os.environ, "PYTHONWARNINGS": "ignore"})
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        print(errors.read_text("utf-8", errors="replace"), file=sys.stderr)
        raise SystemExit(f"{' '.join(argv[:4])} berakhir dengan kode {status}")
    return elapsed, usage.ru_maxrss / GIB


def csv_files(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.glob("*.csv")) if p.name != "kunci_jawaban.csv"]


def check_argv(folder: Path, report: Path) -> list[str]:
    return [
        sys.executable, "-m", "checker", "check", str(folder), "--as-of", AS_OF,
        "--tahun", ",".join(map(str, YEARS)), "--format", "json", "-o", str(report),
        "--fail-on", "never",
    ]  # fmt: skip


def bench_size(employees: int, runs: int) -> dict[str, float]:
    folder = sample(employees)
    report = DATA / f"laporan-{employees}.json"
    kinds = {
        "check": check_argv(folder, report),
        "scan": [sys.executable, "-c", RAW_SCAN, *csv_files(folder)],
        "salin": [sys.executable, "-c", COPY_ALL, *csv_files(folder)],
        "tolok": [
            sys.executable,
            "-c",
            YARDSTICK,
            str(folder),
            AS_OF,
            ",".join(map(str, YEARS)),
        ],
    }
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    peaks: dict[str, float] = dict.fromkeys(kinds, 0.0)
    for _ in range(runs):  # alternated: a busy moment slows all three alike
        for kind, argv in kinds.items():
            elapsed, peak = run_alone(argv)
            times[kind].append(elapsed)
            peaks[kind] = max(peaks[kind], peak)
    rows = 0
    for path in csv_files(folder):
        with open(path, encoding="utf-8") as handle:
            rows += sum(1 for _ in handle) - 1  # without the header
    return {
        "rows": rows,
        **{kind: statistics.median(values) for kind, values in times.items()},
        **{f"rss_{kind}": value for kind, value in peaks.items()},
    }


def startup(runs: int) -> tuple[float, float]:
    """Medians of ``kebijakan --version`` and of the 500-employee demo check. The package's
    bytecode is compiled first, as an installed package has it: with PYTHONDONTWRITEBYTECODE
    set (as on CI machines) every run would otherwise compile the modules again."""
    compileall.compile_dir(str(Path(checker.__file__).parent), quiet=1)
    version = [run_alone([sys.executable, "-m", "checker", "--version"])[0] for _ in range(runs)]
    folder = sample(500)
    demo = [run_alone(check_argv(folder, DATA / "laporan-500.json"))[0] for _ in range(runs)]
    return statistics.median(version), statistics.median(demo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100000,1000000,4500000",
        help="jumlah pegawai, dipisah koma (bawaan: 100000,1000000,4500000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="ulangan per ukuran (bawaan: 3)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    version, demo = startup(max(args.runs, 5))
    print(f"kebijakan --version: {version:.2f} s (sasaran ≤ 0,15 s)")
    print(f"check 500 pegawai:   {demo:.2f} s (sasaran ≤ 0,6 s)")
    print()
    print(
        f"{'pegawai':>10} {'baris':>12} {'check':>8} {'pindai':>8} {'salin':>8} {'tolok':>8} "
        f"{'check/pindai':>13} {'salin/pindai':>13} {'tolok/pindai':>13} {'RSS check':>10} "
        f"{'RSS tolok':>10}"
    )
    for employees in sizes:
        r = bench_size(employees, args.runs)
        print(
            f"{employees:>10,} {int(r['rows']):>12,} {r['check']:>7.1f}s {r['scan']:>7.1f}s "
            f"{r['salin']:>7.1f}s {r['tolok']:>7.1f}s {r['check'] / r['scan']:>12.1f}× "
            f"{r['salin'] / r['scan']:>12.1f}× {r['tolok'] / r['scan']:>12.1f}× "
            f"{r['rss_check']:>7.2f} GiB {r['rss_tolok']:>6.2f} GiB",
            flush=True,
        )
        per_million = r["check"] / (r["rows"] / 1e6)
        print(f"{'':>10} biaya check: {per_million:.2f} s per juta baris", flush=True)
    print(
        "Sasaran: 100 rb ≤ 3× pindai; 1 jt dan 4,5 jt ≤ 4× pindai dan tidak di atas rasio tolok "
        "ukur pada 1 jt; RSS puncak ≤ 3 GiB pada 4,5 jt. Median dari --runs ulangan, bergantian."
    )


if __name__ == "__main__":
    main()
