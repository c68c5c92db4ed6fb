"""``kebijakan demo``: the main job on the bundled sample, written into one output folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import PolicyError, Problem
from checker.policy import lint_policy, load_policy, render


@dataclass
class DemoResult:
    """What the demo produced: lint problems and the files written."""

    problems: list[Problem]
    written: list[Path] = field(default_factory=list)


def run_demo(out_dir: str | Path = "demo-out", policy_root: str | Path = "policy",
             as_of: dt.date | None = None) -> DemoResult:
    """Lint the policy, then write the rendered regulation (text and Markdown) to ``out_dir``."""
    out = Path(out_dir)
    problems = lint_policy(policy_root)
    if any(p.severity == "error" for p in problems):
        raise PolicyError(problems)
    peraturan = load_policy(policy_root)
    out.mkdir(parents=True, exist_ok=True)
    result = DemoResult(problems)
    for fmt, name in (("text", "peraturan.txt"), ("markdown", "peraturan.md")):
        target = out / name
        target.write_text(render(peraturan, fmt, as_of), encoding="utf-8")
        result.written.append(target)
    return result
