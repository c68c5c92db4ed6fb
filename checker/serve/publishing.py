"""``publish``: the reports the site's compliance dashboard reads, from the accepted submissions.

One report JSON per agency, its latest finished submission, named ``<kode>-<as_of>.json`` (with
``per_date`` also the latest of every earlier reference date, so the dashboard shows progress).
The dashboard counts each report per perangkat daerah (OPD) it holds, not per agency account:
an agency's upload may cover several OPDs, and :attr:`Published.opd` names them. Each file is
read back as a :class:`Report` before it is written (old reports, whose findings name no OPD,
read each instansi as one). A small manifest remembers what the previous run wrote, so a report
that is no longer current is removed and nothing else in the folder is touched.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from checker.errors import UsageError
from checker.report.report import Report, read_report
from checker.serve.retention import SUMMARY_JSON
from checker.serve.runner import REPORT_JSON
from checker.serve.storage import Storage

MANIFEST = ".kebijakan-terbit.txt"
_OWN_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*-\d{4}-\d{2}-\d{2}\.json$")


@dataclass(frozen=True)
class Published:
    """One report written for the dashboard, and the perangkat daerah it counts for."""

    path: Path
    agency: str
    submission: str
    as_of: str
    opd: tuple[str, ...] = ()


def publish(
    data_dir: str | Path, out_dir: str | Path, *, per_date: bool = False
) -> list[Published]:
    """Write the latest accepted report of every agency into ``out_dir``."""
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    if not (data_dir / "kebijakan.sqlite3").is_file():
        raise UsageError(
            f"folder data layanan {data_dir} tidak berisi basis data; jalankan "
            "`kebijakan serve --data-dir` atau `kebijakan agency add` lebih dulu"
        )
    storage = Storage(data_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Published] = []
    for sub in storage.latest_done(per_date=per_date):
        source = storage.folder(sub.id) / REPORT_JSON
        if sub.reports_purged_at:  # past its period: what stays has no personal data
            source = storage.folder(sub.id) / SUMMARY_JSON
            if not source.is_file():
                continue
        report = read_report(source)  # what the dashboard cannot read is not published
        target = out_dir / f"{sub.agency.lower()}-{sub.as_of}.json"
        partial = target.with_name(target.name + ".tmp")
        shutil.copyfile(source, partial)  # the bytes the service serves, unchanged
        os.replace(partial, target)
        written.append(Published(target, sub.agency, sub.id, sub.as_of, _opd(report)))
    _forget_stale(out_dir, {p.path.name for p in written})
    return written


def _opd(report: Report) -> tuple[str, ...]:
    """The OPDs the dashboard counts a report for: those with employees or findings."""
    named = set(report.employees) | {f.opd for f in report.active() if f.opd}
    return tuple(sorted(named))


def _forget_stale(out_dir: Path, current: set[str]) -> None:
    manifest = out_dir / MANIFEST
    previous = manifest.read_text(encoding="utf-8").split() if manifest.is_file() else []
    for name in previous:
        if _OWN_NAME.match(name) and name not in current:
            (out_dir / name).unlink(missing_ok=True)
    manifest.write_text("".join(f"{name}\n" for name in sorted(current)), encoding="utf-8")
