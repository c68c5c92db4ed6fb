"""Hostile-input benchmark: ``python bench/hostile.py [--keep DIR] [--only NAME,...]``.

Writes inputs an agency (or an attacker at the upload page) could send — a workbook with one cell
far away, a dimension claiming the whole grid, CSVs 15 000 and 50 000 columns wide, a 300 KB
workbook of 7 million cells, CR-only and U+2028 line ends, a NUL byte, a CSV without extension,
formula-like golongan values — and runs ``kebijakan check`` on each in its own process, under an
address-space cap so a runaway case cannot starve the machine. The 7-million-cell workbook runs
a second time through ``checker.check(..., limits=Limits.service())``, as the upload service would.

For each case it prints the exit code, peak RSS (``os.wait4`` of that child), wall time, rows read
(``inputs[].rows`` of the JSON report), what the check said, and the verdict against the targets:
exit code 0, 1 or 2, no abort, peak RSS ≤ 1 GiB, wall time ≤ 60 s. A case still running after
``--timeout`` seconds is killed and reported as a hang; one that dies at the cap as
``memory > cap``. Exits 1 when any case misses a target.

Example::

    python bench/hostile.py                        # all cases, inputs in a temp dir
    python bench/hostile.py --only far_cell,nul --keep /tmp/hostile
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# bench/ holds scripts named like libraries (docx.py); keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import hostile_inputs as hostile  # noqa: E402
from checker.data.sample import generate_sample  # noqa: E402

AS_OF = "2026-06-30"
EMPLOYEES = 200
MIB, GIB = 1 << 20, 1 << 30
TARGET_EXITS = (0, 1, 2)
TARGET_RSS = 1 * GIB
TARGET_WALL = 60.0
# what a child prints when it ran into the address-space cap: Python's MemoryError (the CLI turns
# it into "kesalahan internal … MemoryError", exit 2), DuckDB's and C++'s allocation failures
CAP_MARKERS = (
    "MemoryError",
    "Out of Memory",
    "bad_alloc",
    "Cannot allocate memory",
    "failed to allocate",
    "memory allocation",
)

# the upload service's budget has no CLI option: run the library as the service does
SERVICE_SCRIPT = """
import datetime as dt, sys
from pathlib import Path
import checker
from checker.errors import CheckerError
from checker.limits import BudgetError, Limits
try:
    report = checker.check([sys.argv[1]], limits=Limits.service(),
                           as_of=dt.date.fromisoformat(sys.argv[3]), with_rows=False)
except BudgetError as exc:
    print("kebijakan: BudgetError: " + exc.format(), file=sys.stderr)
    sys.exit(exc.exit_code)
except CheckerError as exc:
    print("kebijakan: " + exc.format(), file=sys.stderr)
    sys.exit(exc.exit_code)
Path(sys.argv[2]).write_bytes(checker.render_report(report, "json"))
sys.exit(1 if report.failed("error") else 0)
"""

Table = hostile.Rows


@dataclass(frozen=True)
class Case:
    """One hostile input: how to write it, how many rows a correct intake reads, and whether it
    runs under the upload service's limits instead of the CLI's."""

    name: str
    build: Callable[[Path, Table], Path]
    expect_rows: str
    service: bool = False


CASES = (
    Case("far_cell", hostile.far_cell_xlsx, f"{EMPLOYEES}"),
    Case("max_dimension", hostile.max_dimension_xlsx, f"{EMPLOYEES}"),
    Case("csv_15000_cols", lambda out, t: hostile.wide_csv(out, t, 15_000), "0 or 20"),
    Case("csv_50000_cols", lambda out, t: hostile.wide_csv(out, t, 50_000), "0 or 20"),
    Case("cells_7m", hostile.million_cells_xlsx, "0 or 500000"),
    Case("cells_7m_service", hostile.million_cells_xlsx, "0", service=True),
    Case("bare_cr", hostile.bare_cr_csv, f"{EMPLOYEES}"),
    Case("u2028", hostile.line_separator_csv, f"{EMPLOYEES}"),
    Case("nul_byte", hostile.nul_csv, f"{EMPLOYEES}"),
    Case("no_extension", hostile.no_extension_csv, f"{EMPLOYEES}"),
    Case("enum_garbage", hostile.enum_garbage_csv, f"{EMPLOYEES}"),
)


@dataclass
class Result:
    """What one child did."""

    exit: int | None  # None: killed after the timeout
    rss: int  # peak resident bytes
    wall: float
    rows: int | None  # rows read according to the JSON report (None: no report)
    said: str  # the report's intake findings, or the last line on stderr
    misses: list[str] = field(default_factory=list)


def _cap(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_child(
    argv: list[str], work: Path, cap: int, timeout: float
) -> tuple[int | None, int, float, str]:
    """Run ``argv`` under the address-space ``cap``; its exit code (negative: signal; None:
    killed at ``timeout``), peak RSS in bytes, wall seconds and stderr."""
    err_path = work / "stderr.txt"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "PYTHONWARNINGS": "ignore",
    }
    with err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=_cap(cap),
            start_new_session=True,
        )
        deadline = started + timeout
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return code, usage.ru_maxrss * 1024, wall, err_path.read_text("utf-8", "replace")


def _said(report: Path, stderr: str) -> tuple[int | None, str]:
    """Rows read and a short account of the outcome."""
    if report.exists():
        data = json.loads(report.read_text("utf-8"))
        rows = sum(int(i["rows"]) for i in data["inputs"])
        by_rule = data["summary"]["by_rule"]
        intake = ", ".join(f"{r}×{n}" for r, n in sorted(by_rule.items()) if r.startswith("SKEMA"))
        return rows, f"laporan, {data['summary']['findings']} temuan" + (
            f" ({intake})" if intake else ""
        )
    lines = [line for line in stderr.splitlines() if line.strip()]
    return None, lines[-1].strip() if lines else ""


def run_case(case: Case, inputs: Path, table: Table, cap: int, timeout: float) -> Result:
    """Write the case's input and check it in a child process."""
    work = inputs / f"run_{case.name}"
    work.mkdir(parents=True, exist_ok=True)
    path = case.build(inputs, table)
    report = work / "laporan.json"
    if case.service:
        argv = [sys.executable, "-c", SERVICE_SCRIPT, str(path), str(report), AS_OF]
    else:
        argv = [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(path),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "-o",
            str(report),
        ]
    code, rss, wall, stderr = run_child(argv, work, cap, timeout)
    rows, said = _said(report, stderr)
    result = Result(code, rss, wall, rows, said)
    at_cap = any(marker in stderr for marker in CAP_MARKERS)
    if code is None:
        result.misses.append("hang")
    elif at_cap:
        result.misses.append("memory > cap")
    elif code < 0:
        result.misses.append(f"abort ({signal.Signals(-code).name})")
    elif code not in TARGET_EXITS:
        result.misses.append(f"exit {code}" + (" (abort)" if code == 134 else ""))
    if code is not None and "Traceback (most recent call last)" in stderr:
        result.misses.append("traceback")
    if rss > TARGET_RSS:
        result.misses.append(f"RSS > {TARGET_RSS // MIB} MiB")
    if wall > TARGET_WALL:
        result.misses.append(f"wall > {TARGET_WALL:.0f} s")
    return result


def base_table(inputs: Path) -> Table:
    """The ``pegawai`` rows (header first) of a clean sample of :data:`EMPLOYEES`."""
    sample = generate_sample(inputs / "base", employees=EMPLOYEES, seed=1, fault_rate=0.0)
    return hostile.read_csv(sample.files["pegawai"])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Contoh: python bench/hostile.py --only far_cell,nul_byte --keep /tmp/hostile",
    )
    parser.add_argument("--keep", type=Path, help="tulis masukan ke folder ini dan simpan")
    parser.add_argument(
        "--only", help="nama kasus dipisah koma: " + ",".join(c.name for c in CASES)
    )
    parser.add_argument("--timeout", type=float, default=300, help="detik per kasus (bawaan 300)")
    parser.add_argument("--cap-gib", type=float, default=4, help="batas ruang alamat (bawaan 4)")
    args = parser.parse_args()
    chosen: tuple[Case, ...] = CASES
    if args.only:
        names = set(args.only.split(","))
        unknown = names - {c.name for c in CASES}
        if unknown:
            parser.error(f"kasus tidak dikenal: {', '.join(sorted(unknown))}")
        chosen = tuple(c for c in CASES if c.name in names)
    cap = int(args.cap_gib * GIB)
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        inputs = args.keep or Path(tmp)
        inputs.mkdir(parents=True, exist_ok=True)
        table = base_table(inputs)
        print(
            f"{'kasus':<17} {'keluar':>6} {'RSS MiB':>8} {'detik':>6} {'baris/harap':>16}  "
            f"{'hasil':<58} vonis"
        )
        failed = 0
        for case in chosen:
            r = run_case(case, inputs, table, cap, args.timeout)
            failed += bool(r.misses)
            rows = "-" if r.rows is None else f"{r.rows:,}"
            code = "hang" if r.exit is None else str(r.exit)
            print(
                f"{case.name:<17} {code:>6} {r.rss / MIB:>8.0f} {r.wall:>6.1f} "
                f"{rows + '/' + case.expect_rows:>16}  {r.said[:58]:<58} "
                f"{'; '.join(r.misses) or 'ok'}",
                flush=True,
            )
    print(
        f"Sasaran: kode keluar 0/1/2, tanpa abort, RSS ≤ {TARGET_RSS // MIB} MiB, "
        f"≤ {TARGET_WALL:.0f} s. Gagal: {failed} dari {len(chosen)} kasus "
        f"(batas ruang alamat {args.cap_gib:g} GiB, batas waktu {args.timeout:g} s)."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
