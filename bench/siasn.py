"""SIASN-shape benchmark: ``python bench/siasn.py [--sizes 5000,100000]``.

For each size it generates one sample under ``bench/data/`` in our own shapes (without the badly
written rows of intake faults, which SIASN would not produce) and rewrites it in SIASN's shapes
(:mod:`checker.data.siasn`: bulk data pegawai with PNS ID, rw-golongan, rw-kursus, rw-diklat,
rw-skp22, rw-skp, …). It then runs ``kebijakan check`` on both folders, in the same run, and
prints both wall times, their ratio and whether the rule findings agree NIP by NIP.

What the SIASN route costs on top of ours: the PNS ID join of the riwayat that carry no NIP,
and SIASN's spellings (upper-case ratings, KP names with parentheses) that miss the exact
spellings and take the normalised lookup. Goal: the SIASN shape within 1.5× of ours.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

# bench/ holds scripts named like libraries (docx.py); keep it off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from checker.data.sample import generate_sample  # noqa: E402
from checker.data.siasn import to_siasn  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT / "bench"))

from check import run_check  # noqa: E402

SIASN_CANNOT_FEED = {"KIN-UMPAN-BALIK"}


def samples(employees: int) -> tuple[Path, Path]:
    """The own-shape and SIASN-shape folders for ``employees``, generated once."""
    own, siasn = DATA / f"siasn-sendiri-{employees}", DATA / f"siasn-{employees}"
    if not (siasn / "kunci_jawaban.csv").exists():
        print(f"  membuat data contoh {employees:,} pegawai …", file=sys.stderr, flush=True)
        generate_sample(own, employees=employees, seed=1, fault_rate=0.02, intake_faults=False)
        to_siasn(own, siasn)
    return own, siasn


def rule_findings(report: Path) -> Counter[tuple[str, str, str]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return Counter(
        (f["rule"], f["nip"], str(f.get("period")))
        for f in data["findings"]
        if f.get("nip") and not f["rule"].startswith("SKEMA-")
        and f["rule"] not in SIASN_CANNOT_FEED
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,100000", help="jumlah pegawai, dipisah koma")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'pegawai':>10} {'kita (s)':>9} {'SIASN (s)':>10} {'rasio':>6} {'temuan sama':>12}")
    for employees in sizes:
        own, siasn = samples(employees)
        times, found = [], []
        for folder, name in ((own, "sendiri"), (siasn, "siasn")):
            report = DATA / f"laporan-siasn-{name}-{employees}.json"
            started = time.perf_counter()
            run_check(folder, report)
            times.append(time.perf_counter() - started)
            found.append(rule_findings(report))
        differ = (found[0] - found[1]) + (found[1] - found[0])
        same = "ya" if not differ else f"tidak ({sum(differ.values())})"
        print(
            f"{employees:>10,} {times[0]:>9.1f} {times[1]:>10.1f} {times[1] / times[0]:>6.2f} "
            f"{same:>12}  ({sum(found[0].values()):,} temuan aturan)",
            flush=True,
        )
    print("Sasaran: bentuk SIASN paling lama 1,5 kali bentuk kita, dengan temuan yang sama.")


if __name__ == "__main__":
    main()
