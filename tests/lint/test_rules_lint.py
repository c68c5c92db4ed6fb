"""Lint of rules/: each broken rule file gives exactly one problem at an exact position."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker.data.schema import load_schema
from checker.linting import lint
from checker.rules.registry import REGISTRY
from tests.policy_fixture import SCHEMA

POLICY = Path(__file__).resolve().parents[2] / "policy"
# the draft is judged as on a day it could still be enacted (its targets start in 2027)
TODAY = dt.date(2026, 12, 1)

GOOD = """\
- id: UJI-JP
  title: Uji
  clause: hak-kompetensi-pns-jp
  severity: error
  source: Uji
  table: pegawai
  population:
    kedudukan_hukum: bertugas
  check:
    type: period_aggregate
    child: pelatihan
    date_column: tanggal_selesai
    aggregate: SUM(c.jp)
    breach: "<"
    parameter: kompetensi.jp_minimum_pns
  message: "{nama} {actual} {expected:terbilang} {citation}"
"""

CASES = {
    "no-population": (
        GOOD.replace("  population:\n    kedudukan_hukum: bertugas\n", ""),
        "1:3: [error] aturan UJI-JP tidak menyatakan siapa yang dinilai: tulis population "
        "(status_kepegawaian, kedudukan_hukum, bertugas_sejak, kategori_jabatan, ...) atau "
        "population: semua (rule-population)",
    ),
    "per-year-population-on-a-row-rule": (
        GOOD.replace("kedudukan_hukum: bertugas", "bertugas_sejak: awal_tahun").replace(
            "  check:\n    type: period_aggregate\n    child: pelatihan\n"
            '    date_column: tanggal_selesai\n    aggregate: SUM(c.jp)\n    breach: "<"\n'
            "    parameter: kompetensi.jp_minimum_pns\n",
            "  check:\n    type: not_null\n    column: tmt_cpns\n",
        ),
        "7:3: [error] aturan UJI-JP bertipe not_null tidak menilai per tahun; bertugas_sejak "
        "dan pengecualian_riwayat hanya berlaku pada period_aggregate / period_exists "
        "(rule-population)",
    ),
    "unknown-status-group": (
        GOOD.replace("kedudukan_hukum: bertugas", "kedudukan_hukum: aktif"),
        "7:3: [error] aturan UJI-JP menyebut kelompok kedudukan hukum 'aktif' yang tidak ada; "
        "kelompok yang ada: bertugas, dalam_dinas (rule-population)",
    ),
    "unknown-status-value": (
        GOOD.replace("kedudukan_hukum: bertugas", "kedudukan_hukum: [Aktif, Cuti]"),
        "7:3: [error] aturan UJI-JP menyebut kedudukan_hukum yang tidak ada dalam skema: Cuti; "
        "nilai yang ada: "
        + ", ".join(load_schema(SCHEMA)["pegawai"].field("kedudukan_hukum").enum)
        + " (rule-population)",
    ),
    "unknown-type": (
        GOOD.replace("type: period_aggregate", "type: period_sum"),
        "10:11: [error] jenis pemeriksaan 'period_sum' tidak dikenal; jenis yang ada: "
        + ", ".join(sorted(REGISTRY))
        + " (rule-type)",
    ),
    "unknown-clause": (
        GOOD.replace("clause: hak-kompetensi-pns-jp", "clause: hak-jp-pns"),
        "3:3: [error] aturan UJI-JP mengutip clause 'hak-jp-pns' yang tidak ada dalam peraturan "
        "(rule-clause)",
    ),
    "unknown-parameter": (
        GOOD.replace("parameter: kompetensi.jp_minimum_pns", "parameter: kompetensi.jp_min"),
        "9:3: [error] aturan UJI-JP membaca parameter 'kompetensi.jp_min' yang tidak ada di "
        "parameter.yml (rule-parameter)",
    ),
    "unknown-message-field": (
        GOOD.replace("{nama}", "{nama_lengkap}"),
        "16:3: [error] pesan aturan UJI-JP memakai kolom yang tidak dikenal: nama_lengkap; kolom "
        "yang tersedia: file, row, nip, nama, instansi, period, column, expected, actual, "
        "expected_since, opd, citation, rule, title, sapaan, nomor_induk, as_of (rule-message)",
    ),
    "unknown-key": (
        GOOD.replace("  source: Uji\n", "  source: Uji\n  sumber: Uji\n"),
        "6:3: [error] kunci tidak dikenal: sumber; kunci yang diizinkan: category, check, clause, "
        "description, id, message, population, severity, source, table, title (rule-schema)",
    ),
    "unknown-check-key": (
        GOOD.replace('    breach: "<"\n', '    breach: "<"\n    batas: 20\n'),
        "15:5: [error] kunci tidak dikenal: batas; kunci yang diizinkan: aggregate, breach, "
        "child, column, date_column, due_months, parameter, type, where (rule-check)",
    ),
    "bad-severity": (
        GOOD.replace("severity: error", "severity: fatal"),
        "4:13: [error] nilai tidak dikenal; pilih salah satu dari: error, warning, info "
        "(rule-schema)",
    ),
    "sql-error": (
        GOOD.replace("SUM(c.jp)", "SUM(c.jam)"),
        "9:3: [error] SQL aturan UJI-JP tidak dapat dijalankan: Binder Error: Referenced "
        'table "c" not found! (rule-sql)',
    ),
    "duplicate-id": (
        GOOD + GOOD.replace("title: Uji", "title: Uji lagi"),
        "17:3: [error] id aturan UJI-JP sudah dipakai di rules/uji.yml:1 (rule-duplicate)",
    ),
    "rate-of-non-period-rule": (
        GOOD
        + """\
- id: UJI-CAKUPAN
  title: Uji
  clause: target-kompetensi-cakupan
  severity: warning
  source: Uji
  table: pegawai
  check: {type: agency_rate, rule: UJI-TIDAK-ADA, target: kompetensi.target_cakupan_jp}
  message: "{instansi}"
""",
        "23:3: [error] aturan UJI-CAKUPAN merujuk aturan 'UJI-TIDAK-ADA' yang tidak ada atau "
        "bukan bertipe period_aggregate / period_exists / contract_aggregate / contract_exists "
        "(rule-reference)",
    ),
    # progress is reported per calendar year: a contract-year rule has none to report on
    "progress-of-contract-rule": (
        GOOD
        + """\
- id: UJI-PPPK
  title: Uji
  clause: target-kompetensi-pppk-cakupan
  severity: info
  source: Uji
  table: pegawai
  population: {status_kepegawaian: [PPPK]}
  check: {type: contract_exists, child: pelatihan, date_column: tanggal_selesai}
  message: "{nama} {period} {citation}"
- id: UJI-BERJALAN
  title: Uji
  clause: target-kompetensi-pppk-cakupan
  severity: info
  source: Uji
  table: pegawai
  check: {type: period_progress, rule: UJI-PPPK}
  message: "{nama} {citation}"
""",
        "32:3: [error] aturan UJI-BERJALAN merujuk aturan 'UJI-PPPK' yang tidak ada atau "
        "bukan bertipe period_aggregate / period_exists (rule-reference)",
    ),
}


@pytest.fixture
def rules_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir(exist_ok=True)
    # a rule set is a version's: its Table Schema beside it (the SQL is planned against it)
    shutil.copytree(SCHEMA, tmp_path / "rules" / "schema")
    return tmp_path / "rules"


def test_good_rule_is_clean(rules_dir: Path) -> None:
    (rules_dir / "uji.yml").write_text(GOOD, encoding="utf-8")
    assert lint(POLICY, rules_dir, today=TODAY) == [
        p for p in lint(POLICY, rules_dir, today=TODAY) if p.code == "citation-incomplete"
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_rule(rules_dir: Path, name: str) -> None:
    text, expected = CASES[name]
    (rules_dir / "uji.yml").write_text(text, encoding="utf-8")
    found = [
        p.format() for p in lint(POLICY, rules_dir, today=TODAY) if p.code != "citation-incomplete"
    ]
    assert found == [f"rules/uji.yml:{expected}"]


def test_repository_rules_are_clean() -> None:
    root = POLICY.parent
    problems = lint(root / "policy", root / "rules", today=TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
