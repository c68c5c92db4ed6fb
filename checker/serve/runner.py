"""One check, run as its own process: ``python -m checker.serve.runner JOB.json``.

The job file names the stored files, the agency's names for them, the reference date, the years,
the policy and the budget; the process first confines itself (:mod:`checker.serve.confine`: the
memory limit, dying with the server), then writes ``laporan.json`` and the fix-it workbook
``laporan.xlsx`` (which needs the offending rows the JSON leaves out) next to the job, with the
agency's file names in place of the server's, stores the findings page by page in the service's
database (:mod:`checker.serve.findings`), and prints the outcome as one JSON line on stdout.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.limits import Limits
from checker.report.report import Report
from checker.serve.confine import die_with_parent, limit_memory, out_of_memory, timed_out

REPORT_JSON, REPORT_XLSX = "laporan.json", "laporan.xlsx"
POLICY_BROKEN = (
    "Peraturan atau aturan pemeriksaan di server sedang tidak dapat dimuat, jadi data "
    "belum dapat diperiksa. Hubungi BKD; unggah ulang setelah diperbaiki."
)


@dataclass(frozen=True)
class CheckJob:
    """Everything the check needs, as plain data."""

    folder: str
    paths: list[str]
    names: dict[str, str]  # stored absolute path → the name the agency gave
    as_of: str
    years: list[int]
    policy_root: str
    rules_root: str
    submission: str
    data_dir: str  # the service's data dir: the database the findings go to
    parent: int  # the server's process id: the check dies with it
    limits: dict[str, Any]  # a Limits as plain data
    # the perangkat daerah (policy/opd.yml codes) the sending agency reports for; empty: all
    opd: list[str] = field(default_factory=list)

    @property
    def budget(self) -> Limits:
        """The limits of this check."""
        return Limits(**self.limits)


@dataclass(frozen=True)
class CheckOutcome:
    """What a check produced: an error for the agency, or the summary of the written report."""

    error: str | None = None
    policy_version: str | None = None
    policy_commit: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)


def run_check(job: CheckJob) -> CheckOutcome:
    """Check one submission, write its report files and store its findings for the pages."""
    import duckdb

    import checker
    from checker.errors import CheckerError, PolicyError
    from checker.limits import TimeLimitError
    from checker.serve.findings import store_findings
    from checker.serve.storage import Storage

    try:
        report = checker.check(
            job.paths,
            as_of=dt.date.fromisoformat(job.as_of),
            years=job.years,
            policy_root=job.policy_root,
            rules_root=job.rules_root,
            limits=job.budget,
            opd=tuple(job.opd),
        )
    except duckdb.OutOfMemoryException:
        return CheckOutcome(error=out_of_memory(job.budget))
    except TimeLimitError:  # in the agency's words, not the command line's
        return CheckOutcome(error=timed_out(job.budget))
    except PolicyError as exc:
        # the server's regulation or rules are broken: not the agency's to fix
        print(f"kebijakan: {exc.format()}", file=sys.stderr)
        return CheckOutcome(error=POLICY_BROKEN)
    except CheckerError as exc:  # BudgetError too: its message names the limit
        return CheckOutcome(error=relabel_text(exc.format(), job.names))
    report = relabel(report, job.names)
    folder = Path(job.folder)
    _write(folder / REPORT_JSON, checker.render_report(report, "json"))
    _write(folder / REPORT_XLSX, checker.render_report(report, "xlsx"))
    store_findings(Storage(job.data_dir), job.submission, report)
    return CheckOutcome(
        policy_version=report.policy_version,
        policy_commit=report.policy.commit,
        summary=summarize(report),
    )


def relabel_text(text: str, names: dict[str, str]) -> str:
    """Replace stored paths in a message by the agency's file names."""
    for stored in sorted(names, key=len, reverse=True):
        text = text.replace(stored, names[stored])
    return text


def relabel(report: Report, names: dict[str, str]) -> Report:
    """The report with the agency's file names wherever it names a stored file: the findings'
    message, file, found and expected values, the inputs, the rows behind the workbook."""

    def name(label: str | None) -> str | None:
        return relabel_text(label, names) if label else label

    # messages name files too ("sudah tercatat pada baris 47 berkas ...")
    findings = [
        replace(
            f,
            message=relabel_text(f.message, names),
            file=name(f.file),
            actual=name(f.actual),
            expected=name(f.expected),
        )
        for f in report.findings
    ]
    inputs = [replace(i, path=relabel_text(i.path, names)) for i in report.inputs]
    rows = {
        table: [{**row, "_file": name(row.get("_file"))} for row in items]
        for table, items in report.rows.items()
    }
    return replace(report, findings=findings, inputs=inputs, rows=rows)


def summarize(report: Report) -> dict[str, Any]:
    """The counts a submission list shows without opening the report, and the perangkat daerah
    (OPD) the data covers: those the compliance dashboard will count this report for. (A
    summary stored before reports named OPDs lists ``instansi`` instead.)"""
    return {
        "findings": len(report.findings),
        "by_severity": report.counts_by_severity(),
        "employees": sum(report.employees.values()),
        "opd": sorted(report.employees),
    }


def _write(path: Path, data: bytes) -> None:
    partial = path.with_suffix(path.suffix + ".tmp")
    partial.write_bytes(data)
    os.replace(partial, path)


def preload() -> None:
    """Load the code a check runs before the memory limit is set: the limit is the budget of
    the agency's data, not of the server's own libraries (which the package otherwise imports
    on first use, part-way through a check, when a library's segments may no longer fit)."""
    import duckdb  # noqa: F401

    import checker.checking
    import checker.report.xlsx
    import checker.serve.findings  # noqa: F401


def main(argv: list[str]) -> int:
    """Run the job file named in ``argv`` and print its outcome."""
    job = CheckJob(**json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    die_with_parent(job.parent)
    preload()
    limit_memory(job.budget)
    try:
        outcome = run_check(job)
    except MemoryError:  # the heap hit the limit (importing, reading, judging or writing)
        outcome = CheckOutcome(error=out_of_memory(job.budget))
    except ImportError as exc:  # a library's writable segment did not fit under the limit
        if "failed to map segment" not in str(exc):
            raise
        outcome = CheckOutcome(error=out_of_memory(job.budget))
    print(json.dumps(asdict(outcome), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
