"""Site benchmark: ``python bench/site.py`` builds the whole site with reports of 450 perangkat
daerah (OPD).

The reports come from ``kebijakan sample`` + ``kebijakan check`` (two submissions, 2025-12-31 and
2026-06-30), split per OPD and copied under made-up names ("Perangkat Daerah Uji 001" …) until
there are 450 OPDs, one report file per OPD and submission: the dashboard has one page per OPD.
They are cached under ``bench/data/site-reports-opd-<n>/``. Prints the time to generate the pages
and the time of the full ``mkdocs build``; goal: the build with 450 OPDs in at most 60 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from checker.report.report import Report, to_json
from checker.site import generate, load_context
from checker.site.examples import Example, example_report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
SUBMISSIONS = (
    Example(dt.date(2025, 12, 31), seed=21, fault_rate=0.06, employees=3000),
    Example(dt.date(2026, 6, 30), seed=22, fault_rate=0.03, employees=3000),
)
GOAL = 60.0


def split(report: Report, names: dict[str, str]) -> dict[str, Report]:
    """One report per OPD of ``report`` (``report.employees`` is keyed by OPD), renamed by
    ``names`` (old → new); the findings keep their instansi."""
    out = {}
    for old, new in names.items():
        findings = [
            replace(f, opd=new, message=f.message.replace(old, new))
            for f in report.findings
            if f.opd == old
        ]
        out[new] = replace(report, findings=findings, employees={new: report.employees.get(old, 0)})
    return out


def reports(count: int) -> Path:
    """``count`` OPDs × every submission as report files (made once, then cached)."""
    folder = DATA / f"site-reports-opd-{count}"
    done = folder / ".selesai"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for example in SUBMISSIONS:
        print(f"  sampel + pemeriksaan {example.as_of} …", file=sys.stderr, flush=True)
        base = example_report(example, ROOT / "policy", ROOT / "rules")
        opds = sorted(base.employees)
        for start in range(0, count, len(opds)):
            names = {
                old: f"Perangkat Daerah Uji {start + i + 1:03d}"
                for i, old in enumerate(opds)
                if start + i < count
            }
            for name, part in split(base, names).items():
                file = folder / f"{example.as_of}-{name.lower().replace(' ', '-')}.json"
                file.write_text(to_json(part), encoding="utf-8")
    done.write_text("", encoding="utf-8")
    return folder


def build(folder: Path) -> tuple[float, float, int]:
    """Seconds to generate the pages, seconds of the full build, pages written."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    start = time.perf_counter()
    site = load_context(ROOT / "policy", ROOT / "rules", folder, as_of=dt.date(2026, 6, 30))
    pages = generate(site)
    generated = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="situs-") as out:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=out, strict=True)
        config.plugins["kebijakan"].config["reports"] = str(folder)
        start = time.perf_counter()
        mkdocs_build(config)
        built = time.perf_counter() - start
        written = sum(1 for _ in Path(out).rglob("index.html"))
    return generated, built, written if pages else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opd", type=int, default=450, help="jumlah perangkat daerah (450)")
    args = parser.parse_args()
    folder = reports(args.opd)
    files = len(list(folder.glob("*.json")))
    generated, built, written = build(folder)
    print(f"laporan: {files} berkas, {args.opd} perangkat daerah, {len(SUBMISSIONS)} pengiriman")
    print(f"halaman dihasilkan plugin: {generated:.1f} s")
    print(f"mkdocs build --strict (seluruhnya): {built:.1f} s, {written} halaman HTML")
    verdict = "tercapai" if built <= GOAL else "TIDAK tercapai"
    print(f"target ≤ {GOAL:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
