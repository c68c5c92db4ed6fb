"""lint on rules/dispensasi: schema and references with file:line, expired records, orphans
against the last check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checking import check
from checker.cli import cli
from checker.errors import PolicyError
from checker.linting import lint
from checker.report.report import to_json
from tests.dispensasi.fixture import entry, rules_with
from tests.rules.builder import POLICY, Data

TODAY = dt.date(2026, 3, 1)
NIP = "198503122010011001"


def problems(rules: Path, **kwargs: object) -> list[tuple[str, int, str, str]]:
    """(file name, line, severity, code) of every dispensation problem."""
    found = lint(POLICY, rules, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return [
        (Path(p.path).name, p.line, p.severity, p.code)
        for p in found
        if p.code.startswith("dispensasi")
    ]


def test_clean_dispensation_has_no_problem(tmp_path: Path) -> None:
    rules = rules_with(tmp_path, satu=entry("DISP-2026-001", f'{{nip: "{NIP}"}}'))
    assert problems(rules) == []


def test_expired_is_a_warning_at_its_valid_until_line(tmp_path: Path) -> None:
    rules = rules_with(
        tmp_path, lama=entry("DISP-2025-009", f'{{nip: "{NIP}"}}', until="2026-02-28")
    )
    assert problems(rules) == [("lama.yml", 10, "warning", "dispensasi-kedaluwarsa")]
    (problem,) = [p for p in lint(POLICY, rules, today=TODAY) if p.code.startswith("dispensasi")]
    assert "berakhir pada 28 Februari 2026 dan tidak berlaku lagi" in problem.message
    # on its last day it is still in force
    assert (
        problems(
            rules_with(
                tmp_path / "b", lama=entry("DISP-2025-009", f'{{nip: "{NIP}"}}', until="2026-03-01")
            )
        )
        == []
    )


def test_unknown_rule_and_clause_are_errors_at_their_lines(tmp_path: Path) -> None:
    text = entry(
        "DISP-2026-001",
        f'{{nip: "{NIP}"}}',
        rules="[KOMP-JP-MIN, KOMP-TIDAK-ADA]",
        basis="pasal-fiktif",
    )
    rules = rules_with(tmp_path, salah=text)
    assert problems(rules) == [
        ("salah.yml", 2, "error", "dispensasi-aturan"),
        ("salah.yml", 7, "error", "dispensasi-dasar"),
    ]
    with pytest.raises(PolicyError, match=r"salah\.yml:2: .*KOMP-TIDAK-ADA"):
        check([tmp_path], as_of=TODAY, policy_root=POLICY, rules_root=rules)


def test_schema_errors_name_file_and_line(tmp_path: Path) -> None:
    text = entry("DISP-2026-001", "{category: cltn}").replace('  valid_until: "2026-06-30"\n', "")
    text += entry("DISP-2026-002", f'{{nip: "{NIP}"}}', start="2026-13-01")
    rules = rules_with(tmp_path, rusak=text)
    assert problems(rules) == [
        ("rusak.yml", 1, "error", "dispensasi-schema"),
        ("rusak.yml", 13, "error", "dispensasi-tanggal"),
    ]
    messages = [
        p.message for p in lint(POLICY, rules, today=TODAY) if p.code.startswith("dispensasi")
    ]
    assert messages[0] == "kunci wajib tidak ada: valid_until"


def test_category_needs_its_nips_and_justification_no_nip(tmp_path: Path) -> None:
    rules = rules_with(
        tmp_path,
        a=entry("DISP-CLTN-1", "{category: cltn}"),
        b=entry(
            "DISP-2026-002",
            f'{{nip: "{NIP}"}}',
            justification=f"Sdr. NIP {NIP} sedang tugas belajar.",
        ),
    )
    assert problems(rules) == [
        ("a.yml", 3, "error", "dispensasi-lingkup"),
        ("b.yml", 5, "error", "dispensasi-data-pribadi"),
    ]


def test_orphan_against_the_last_check(tmp_path: Path) -> None:
    d = Data()
    short = d.pegawai(jp=10)
    fine = d.pegawai(jp=20)
    rules = rules_with(
        tmp_path,
        a=entry("DISP-2026-001", f'{{nip: "{short}"}}'),
        b=entry("DISP-2026-002", f'{{nip: "{fine}"}}'),
    )
    report = check(
        [d.write(tmp_path / "kiriman")],
        as_of=dt.date(2026, 1, 15),
        years=[2025],
        policy_root=POLICY,
        rules_root=rules,
    )
    reports = tmp_path / "laporan"
    reports.mkdir()
    (reports / "lama.json").write_text(
        to_json(report).replace('"as_of": "2026-01-15"', '"as_of": "2025-06-30"')
    )
    (reports / "baru.json").write_text(to_json(report), encoding="utf-8")
    assert problems(rules, reports=reports) == [("b.yml", 1, "warning", "dispensasi-yatim")]
    (orphan,) = [
        p for p in lint(POLICY, rules, today=TODAY, reports=reports) if p.code == "dispensasi-yatim"
    ]
    assert orphan.message.startswith(
        "dispensasi DISP-2026-002 tidak mencakup satu temuan pun "
        "pada pemeriksaan terakhir (15 Januari 2026: baru.json)"
    )
    assert problems(rules, reports=reports / "baru.json") == problems(rules, reports=reports)
    assert problems(rules) == []  # no last check given: no orphan claim


def test_cli_lint_reports_an_expired_dispensation(tmp_path: Path) -> None:
    rules = rules_with(
        tmp_path,
        lama=entry("DISP-2020-001", f'{{nip: "{NIP}"}}', letter="2020-01-02", until="2020-12-31"),
    )
    result = CliRunner().invoke(
        cli, ["lint", "--policy", str(POLICY), "--rules", str(rules)], catch_exceptions=False
    )
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if "dispensasi-kedaluwarsa" in x)
    assert line.endswith(
        "lama.yml:10:16: [warning] dispensasi DISP-2020-001 berakhir pada 31 "
        "Desember 2020 dan tidak berlaku lagi; hapus entrinya atau perpanjang "
        "dengan keputusan baru (dispensasi-kedaluwarsa)"
    )
    strict = CliRunner().invoke(
        cli, ["lint", "--strict", "--policy", str(POLICY), "--rules", str(rules)]
    )
    assert strict.exit_code == 1
