"""``kebijakan demo``: the main job on the bundled sample, written into one output folder.

Lint policy/ and rules/, render the regulation (text, Markdown, Word), generate a synthetic
agency submission with planted faults, check it, and write the report in every format — so a
new reader sees each user group's result in one folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.checking import check
from checker.data.sample import generate_sample
from checker.data.template import write_template
from checker.data.thresholds import Thresholds
from checker.errors import Problem, UsageError
from checker.export import export_docx
from checker.export.lambang import read_lambang
from checker.kebijakan import load_kebijakan
from checker.policy import render
from checker.report.formats import FORMATS, render_report
from checker.report.report import Report

# The sample's answer key is valid for this date and these years (see checker/data/sample.py).
DEMO_AS_OF = dt.date(2026, 6, 30)
DEMO_YEARS = [2023, 2024, 2025]
DEMO_EMPLOYEES = 500
EXTENSIONS = {"text": "txt", "json": "json", "csv": "csv", "md": "md", "xlsx": "xlsx"}


@dataclass
class DemoResult:
    """What the demo produced: lint problems, the report, and the files written."""

    problems: list[Problem]
    report: Report | None = None
    written: list[Path] = field(default_factory=list)
    skipped: str | None = None  # why no sample was made (a policy without its parameters)


def run_demo(
    out_dir: str | Path = "demo-out",
    policy_root: str | Path | None = None,
    rules_root: str | Path | None = None,
    as_of: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Run every part once on synthetic data and write the results to ``out_dir``; the policy
    version is the one :func:`checker.kebijakan.load_kebijakan` finds (loaded once)."""
    out = Path(out_dir)
    step = progress or (lambda _message: None)
    step("memeriksa kebijakan dan aturan")
    kebijakan = load_kebijakan(policy_root, rules_root)
    problems = kebijakan.problems
    peraturan = kebijakan.peraturan
    out.mkdir(parents=True, exist_ok=True)
    result = DemoResult(problems)
    as_of = as_of or DEMO_AS_OF

    step("mencetak peraturan")
    for fmt, name in (("text", "peraturan.txt"), ("markdown", "peraturan.md")):
        result.written.append(_write(out / name, render(peraturan, fmt, as_of)))
    result.written.append(
        export_docx(
            peraturan,
            out / "peraturan.docx",
            as_of=as_of,
            provenance=kebijakan.provenance,
            lambang=read_lambang(kebijakan.source.policy),
        )
    )
    result.written.append(write_template(out / "templat-data-kepegawaian.xlsx", kebijakan.schema))

    step(f"membuat data contoh {DEMO_EMPLOYEES} pegawai")
    try:
        sample = generate_sample(
            out / "kiriman-contoh",
            employees=DEMO_EMPLOYEES,
            seed=1,
            thresholds=Thresholds(kebijakan.peraturan.parameters),
        )
    except UsageError as exc:  # the sample draws on parameters this policy does not define
        result.skipped = str(exc)
        return result
    result.written.append(sample.key.parent)

    step("memeriksa data contoh")
    report = check([sample.key.parent], kebijakan=kebijakan, as_of=as_of, years=DEMO_YEARS)
    result.report = report
    for fmt in FORMATS:
        target = out / f"laporan.{EXTENSIONS[fmt]}"
        target.write_bytes(render_report(report, fmt))
        result.written.append(target)
    return result


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
