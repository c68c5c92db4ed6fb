"""Benchmark and visual check of the Word export.

Times the export of ``policy/`` (goal: under 2 s) and of a tracked-changes redline against a
copy with a few edits, then, when LibreOffice and poppler are installed, renders both to PNG
pages under ``build/docx-pages/`` for a look by eye. Without them the rendering is skipped.

    python bench/export_docx.py           # run from the repository root
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# run as a script, this file's folder comes first on sys.path, and this file's name would
# shadow the python-docx package; drop the folder before importing anything that uses it
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
OUT = ROOT / "build" / "docx-pages"
DAY = dt.date(2026, 12, 1)
GOAL = 2.0


def _edited_copy(tmp: Path) -> Path:
    """policy/ with a new Pasal, a changed ayat and a removed rincian, for the redline."""
    copy = tmp / "policy"
    shutil.copytree(ROOT / "policy", copy)
    path = copy / "bab" / "pengembangan-kompetensi.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "#### Pasal {#kewajiban-kompetensi}",
        "#### Pasal {#kompetensi-digital}"
        "\n\nSetiap Pegawai ASN mengikuti Pengembangan Kompetensi literasi "
        "digital paling sedikit 1 (satu) kali dalam 2 (dua) tahun.\n\n"
        "#### Pasal {#kewajiban-kompetensi}",
        1,
    )
    text = text.replace("memiliki hak dan kesempatan yang sama", "memiliki hak yang sama", 1)
    path.write_text(text, encoding="utf-8")
    return copy


def _time(label: str, runs: int, work: Any) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    best = min(times)
    verdict = "ok" if best < GOAL else f"LEBIH dari {GOAL:.0f} s"
    print(
        f"{label}: terbaik {best:.2f} s, rata-rata {statistics.mean(times):.2f} s "
        f"({runs} kali) — {verdict}"
    )
    return best


def _render(docx: Path, prefix: str) -> list[Path]:
    """docx → PDF (LibreOffice) → PNG pages (pdftoppm); returns the pages."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = Path(tmp) / f"{docx.stem}.pdf"
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(pdf), str(OUT / prefix)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        elapsed = time.perf_counter() - start
    pages = sorted(OUT.glob(f"{prefix}-*.png"))
    print(
        f"{docx.name}: {len(pages)} halaman dirender dalam {elapsed:.1f} s → {OUT}/{prefix}-*.png"
    )
    return pages


def main() -> int:
    """Run the benchmark; exit 1 when the export is slower than the goal."""
    from checker.export import export_docx
    from checker.policy import load_policy
    from checker.provenance import Provenance

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    start = time.perf_counter()
    peraturan = load_policy(ROOT / "policy")
    print(
        f"Memuat policy/: {time.perf_counter() - start:.2f} s ({len(peraturan.iter_pasal())} Pasal)"
    )
    clean = OUT / "peraturan.docx"
    redline = OUT / "redline.docx"
    best = _time("Ekspor docx", 5, lambda: export_docx(peraturan, clean, as_of=DAY))
    with tempfile.TemporaryDirectory() as tmp:
        edited = load_policy(_edited_copy(Path(tmp)))
    sides = (
        Provenance(peraturan.version, peraturan.status, label="policy/"),
        Provenance(
            edited.version,
            edited.status,
            label="salinan uji",
            date=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
            author="Bench",
        ),
    )
    best_redline = _time(
        "Ekspor redline",
        5,
        lambda: export_docx(
            edited, redline, as_of=DAY, redline_from=peraturan, redline_sides=sides
        ),
    )
    print(
        f"Ukuran: {clean.stat().st_size / 1024:.0f} KiB bersih, "
        f"{redline.stat().st_size / 1024:.0f} KiB redline"
    )
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        _render(clean, "peraturan")
        _render(redline, "redline")
    else:
        print("LibreOffice (soffice) atau pdftoppm tidak ada: perenderan dilewati.")
    return 0 if max(best, best_redline) < GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
