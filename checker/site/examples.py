"""The synthetic example reports in ``reports/contoh/``, so a fresh clone builds a working
dashboard. Regenerate them with::

    python -m checker.site.examples            # writes reports/contoh/*.json

Each example is a full run of the sample generator (``kebijakan sample``: made-up employees of the
province and its kabupaten/kota, with planted faults) checked on one date (``kebijakan check``).
Later dates use fewer planted faults, so the dashboard shows a trend. File paths inside the
reports are rewritten to ``contoh/<date>/<file>`` so the output does not depend on a temp folder.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from checker.checking import check
from checker.data.sample import generate_sample
from checker.report.report import InputRef, Report, to_json


@dataclass(frozen=True)
class Example:
    """One example submission: the date checked and how its sample is generated."""

    as_of: dt.date
    seed: int
    fault_rate: float
    employees: int = 400


EXAMPLES = (
    # monthly submissions from the sample's own as-of date: the data holds dates up to it, so
    # an earlier as-of would flag every later date as lying in the future (DATA-TANGGAL)
    Example(dt.date(2026, 6, 30), seed=11, fault_rate=0.08),
    Example(dt.date(2026, 7, 31), seed=12, fault_rate=0.05),
    Example(dt.date(2026, 8, 31), seed=13, fault_rate=0.03),
)


def _relabel(report: Report, folder: Path, label: str) -> Report:
    """Replace the temp folder by ``label`` in every path, and in the texts that name a file
    (a duplicate row says where the first one is), so the output does not depend on it."""

    def fix(text: str | None) -> str | None:
        return None if text is None else text.replace(str(folder), label)

    return replace(
        report,
        inputs=[InputRef(fix(i.path) or "", i.table, i.rows, i.sha256) for i in report.inputs],
        findings=[
            replace(
                f,
                file=fix(f.file),
                message=fix(f.message) or "",
                actual=fix(f.actual),
                expected=fix(f.expected),
            )
            for f in report.findings
        ],
    )


def example_report(
    example: Example, policy_root: str | Path = "policy", rules_root: str | Path = "rules"
) -> Report:
    """Generate one example's sample data in a temp folder and check it."""
    with tempfile.TemporaryDirectory(prefix="contoh-") as tmp:
        folder = Path(tmp)
        generate_sample(
            folder, employees=example.employees, seed=example.seed, fault_rate=example.fault_rate
        )
        paths = sorted(p for p in folder.glob("*.csv") if p.name != "kunci_jawaban.csv")
        report = check(paths, as_of=example.as_of, policy_root=policy_root, rules_root=rules_root)
        return _relabel(report, folder, f"contoh/{example.as_of.isoformat()}")


def write_examples(
    out_dir: str | Path = "reports/contoh",
    policy_root: str | Path = "policy",
    rules_root: str | Path = "rules",
) -> list[Path]:
    """Write every example report as ``<out_dir>/laporan-<date>.json``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for example in EXAMPLES:
        report = example_report(example, policy_root, rules_root)
        path = out / f"laporan-{example.as_of.isoformat()}.json"
        path.write_text(to_json(report), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - the documented regeneration command
    for written_path in write_examples():
        print(f"Ditulis: {written_path}")
