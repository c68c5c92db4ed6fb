"""A rules folder with dispensations, written into tmp_path next to a copy of the real rules."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tests.rules.builder import RULES

OFFICE = "Kepala Badan Kepegawaian Daerah Provinsi Bengkulu"


def rules_with(folder: Path, **files: str) -> Path:
    """``folder/rules``: the real rules/*.yml and ``dispensasi/NAME.yml`` for each keyword
    (``tugas_belajar="..."`` → ``dispensasi/tugas_belajar.yml``), YAML dedented."""
    rules = folder / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    for path in RULES.glob("*.yml"):
        shutil.copy(path, rules / path.name)
    if not (rules / "schema").exists():  # the Table Schema belongs to the rule set's version
        shutil.copytree(RULES / "schema", rules / "schema")
    target = rules / "dispensasi"
    target.mkdir(exist_ok=True)
    for name, text in files.items():
        (target / f"{name}.yml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return rules


def entry(
    ident: str,
    scope: str,
    *,
    rules: str = "[KOMP-JP-MIN]",
    start: str = "2025-01-01",
    end: str = "2026-12-31",
    letter: str = "2025-01-10",
    until: str = "2026-06-30",
    basis: str = "jalur-pendidikan",
    justification: str = "Pegawai menjalani tugas belajar "
    "program magister sesuai keputusan pemberian tugas belajar.",
) -> str:
    """One dispensation as YAML (a list item), with ``scope`` given as a flow mapping."""
    return f"""\
- id: {ident}
  rules: {rules}
  scope: {scope}
  period: {{from: "{start}", to: "{end}"}}
  justification: >-
    {justification}
  legal_basis: {basis}
  approved_by: {{office: {OFFICE}, name: "Drs. Contoh Pejabat, M.Si."}}
  decision_letter: {{number: "800.1.6/012/BKD/2025", date: "{letter}"}}
  valid_until: "{until}"
"""
