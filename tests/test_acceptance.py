"""Acceptance: on generated sample data every planted breach is found — with the right rule,
table, row and NIP — and nothing else is reported, at any severity."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from checker import check, to_json
from checker.data.sample import generate_sample

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 6, 30)  # the sample's answer key is valid for this date and these years
YEARS = [2023, 2024, 2025]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sampel")
    generate_sample(out, employees=2000, seed=7, fmt="csv", fault_rate=0.1)
    return out


def _key(sample: Path) -> list[dict[str, str]]:
    with (sample / "kunci_jawaban.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_planted_breach_is_found_and_nothing_else(sample: Path) -> None:
    report = check(
        [sample], as_of=AS_OF, years=YEARS, policy_root=ROOT / "policy", rules_root=ROOT / "rules"
    )
    planted = sorted((k["rule"], k["table"], int(k["row"])) for k in _key(sample))
    found = sorted((f.rule, f.table or "", f.row or 0) for f in report.findings)
    assert len(planted) > 50
    assert found == planted
    # rule findings name the employee the key names
    nips = {(k["rule"], k["table"], int(k["row"])): k["nip"] for k in _key(sample)}
    for finding in report.findings:
        if not finding.rule.startswith("SKEMA-"):
            assert finding.nip == nips[(finding.rule, finding.table, finding.row)], finding


def test_every_required_rule_is_exercised(sample: Path) -> None:
    rules = {k["rule"] for k in _key(sample)}
    required = {
        "DATA-NIP-FORMAT",
        "DATA-NIP-LAHIR",
        "DATA-NIP-TMT",
        "DATA-NIP-JK",
        "DATA-NIP-GANDA",
        "DATA-TANGGAL",
        "DATA-PANGKAT-RIWAYAT",
        "KOMP-JP-MIN",
        "KOMP-JP-PPPK",
        "KIN-SKP-TAHUNAN",
        "KIN-PREDIKAT",
        "KIN-UMPAN-BALIK",
        "KAR-KP-MASA",
        "KAR-KP-PREDIKAT",
        "KAR-KP-HUKDIS",
        "KAR-KP-PLAFON",
        "KAR-BUP",
        "KAR-SATYALANCANA",
    }
    assert required - rules == set()


def test_report_is_byte_identical_on_rerun(sample: Path) -> None:
    first = to_json(
        check(
            [sample],
            as_of=AS_OF,
            years=YEARS,
            policy_root=ROOT / "policy",
            rules_root=ROOT / "rules",
        )
    )
    second = to_json(
        check(
            [sample],
            as_of=AS_OF,
            years=YEARS,
            policy_root=ROOT / "policy",
            rules_root=ROOT / "rules",
        )
    )
    assert first == second
    assert json.loads(first)["summary"]["findings"] == len(_key(sample))
