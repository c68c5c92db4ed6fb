"""The README's first command: ``kebijakan demo`` on the real repository writes every output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import openpyxl

from checker.demo import run_demo

ROOT = Path(__file__).resolve().parents[1]


def test_demo_on_the_repository_writes_every_output(tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    result = run_demo(out, ROOT / "policy", ROOT / "rules")
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "kiriman-contoh",
        "laporan.csv",
        "laporan.json",
        "laporan.md",
        "laporan.txt",
        "laporan.xlsx",
        "peraturan.docx",
        "peraturan.md",
        "peraturan.txt",
        "templat-data-kepegawaian.xlsx",
    ]
    # the report finds exactly the faults the sample planted
    with (out / "kiriman-contoh" / "kunci_jawaban.csv").open(encoding="utf-8") as handle:
        planted = sorted(
            (k["rule"], int(k["row"] or 0)) for k in csv.DictReader(handle) if k["kind"] == "breach"
        )
    report = json.loads((out / "laporan.json").read_text(encoding="utf-8"))
    assert sorted((f["rule"], f["row"] or 0) for f in report["findings"]) == planted
    assert result.report is not None and len(result.report.findings) == len(planted) > 0
    # every other output is a real document of its kind
    assert "BERITA DAERAH PROVINSI BENGKULU" in (out / "peraturan.txt").read_text("utf-8")
    assert docx.Document(str(out / "peraturan.docx")).paragraphs[0].text.strip()
    assert openpyxl.load_workbook(out / "laporan.xlsx").sheetnames[:2] == ["Ringkasan", "Temuan"]
    assert "kesalahan" in (out / "laporan.txt").read_text("utf-8")
