"""row_parameter: the value in force on the row's own date (from its ``since`` day on), a
parameter chosen by category (an unmapped category is not judged), the as-of date, checked
years, the previous date of the same NIP, and what lint says about the options."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from checker.data.schema import load_schema
from checker.policy import load_policy
from checker.report.report import Report
from checker.rules.lint import lint_rules
from tests.rules.builder import POLICY, RULES, Data

# karier.kp_masa_pangkat_minimal is 4 years; these tests add 5 years from 2025-07-01
SINCE = "2025-07-01"

RULE_FILE = """\
- id: UJI-MASA
  title: Uji masa dalam pangkat
  clause: kp-reguler-masa
  severity: error
  source: Uji
  table: riwayat_pangkat
  population: semua
  check:
    type: row_parameter
    date: tmt
    parameter: karier.kp_masa_pangkat_minimal
    previous: tmt_lalu
    where: t.jenis_kp = 'reguler'
    breach: t.tmt < t.tmt_lalu + CAST(param.value_num AS INTEGER) * INTERVAL '1' YEAR
    column: tmt
    actual: CAST(t.tmt_lalu AS VARCHAR)
  message: "{sapaan} {nama}: {actual}, paling singkat {expected:terbilang} tahun menurut {citation}"

- id: UJI-MASA-SEMUA
  title: Uji masa dalam pangkat, semua tahun
  clause: kp-reguler-masa
  severity: error
  source: Uji
  table: riwayat_pangkat
  population: semua
  check:
    type: row_parameter
    date: tmt
    checked_years_only: false
    parameter: karier.kp_masa_pangkat_minimal
    previous: tmt_lalu
    where: t.jenis_kp = 'reguler' AND t.nip = '{only}'
    breach: t.tmt < t.tmt_lalu + CAST(param.value_num AS INTEGER) * INTERVAL '1' YEAR
    column: tmt
  message: "{nama}"

- id: UJI-SATYA
  title: Uji satyalancana
  clause: satyalancana
  severity: error
  source: Uji
  table: penghargaan
  population: semua
  check:
    type: row_parameter
    date: tanggal
    checked_years_only: false
    parameter:
      by: t.jenis
      values:
        Satyalancana Karya Satya X: penghargaan.satyalancana_x
        Satyalancana Karya Satya XX: penghargaan.satyalancana_xx
    breach: t.tanggal < k.tmt_cpns + CAST(param.value_num AS INTEGER) * INTERVAL '1' YEAR
    column: tanggal
  message: "{nama}"

- id: UJI-BUP
  title: Uji batas usia pensiun
  clause: bup-usia-batas
  severity: error
  source: Uji
  table: pegawai
  population: semua
  check:
    type: row_parameter
    date: ":as_of"
    parameter:
      by: t.jenis_jabatan
      values: {Pelaksana: pensiun.bup_administrasi}
    breach: ":as_of >= t.tanggal_lahir + CAST(param.value_num AS INTEGER) * INTERVAL '1' YEAR"
    column: tanggal_lahir
  message: "{nama}"
"""

Row = tuple[
    str,
    str | None,
    int | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
]


def _policy_with_five_years(folder: Path) -> Path:
    """A copy of policy/ where karier.kp_masa_pangkat_minimal is 5 years from SINCE."""
    policy = folder / "policy"
    shutil.copytree(POLICY, policy)
    path = policy / "parameter.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["karier.kp_masa_pangkat_minimal"]["values"].append(
        {"since": SINCE, "value": 5, "reference": {"title": "Nilai kedua untuk pengujian"}}
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return policy


def _rules(folder: Path, text: str) -> Path:
    rules = folder / "rules"
    rules.mkdir()
    shutil.copytree(RULES / "schema", rules / "schema")
    (rules / "uji.yml").write_text(text, encoding="utf-8")
    return rules


def _project(report: Report, rule: str) -> list[Row]:
    return [
        (
            f.rule,
            Path(f.file).name if f.file else None,
            f.row,
            f.column,
            f.nip,
            f.period,
            f.expected,
            f.actual,
            f.expected_since,
        )
        for f in report.findings
        if f.rule == rule
    ]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, dict[str, str]]:
    folder = tmp_path_factory.mktemp("row_parameter")
    d = Data()
    nips: dict[str, str] = {}
    # promoted the day before SINCE: 4 years are enough, 5 would not be
    nips["before"] = d.pegawai(nama="Sehari Sebelum")
    d.pangkat(nips["before"], "III/b", dt.date(2021, 1, 1), "pengangkatan")
    d.pangkat(nips["before"], "III/c", dt.date(2025, 6, 30))
    # promoted on SINCE itself: judged by the new value, 5 years
    nips["on"] = d.pegawai(nama="Tepat Sejak", jenis_kelamin="P")
    d.pangkat(nips["on"], "III/b", dt.date(2021, 1, 1), "pengangkatan")
    d.pangkat(nips["on"], "III/c", dt.date(2025, 7, 1))
    # a promotion in 2024, outside the checked year 2025
    nips["earlier"] = d.pegawai(nama="Tahun Lalu")
    d.pangkat(nips["earlier"], "III/b", dt.date(2023, 1, 1), "pengangkatan")
    d.pangkat(nips["earlier"], "III/c", dt.date(2024, 3, 1))
    # two rows on one date: the earlier file row is the previous one of the later row
    nips["twice"] = d.pegawai(nama="Dua Kali")
    d.pangkat(nips["twice"], "III/a", dt.date(2020, 1, 1), "pengangkatan")
    d.pangkat(nips["twice"], "III/b", dt.date(2025, 3, 1))
    d.pangkat(nips["twice"], "III/c", dt.date(2025, 3, 1))
    # awards 5 years after TMT CPNS: X and XX breach; an unmapped category, and an award
    # dated before the parameter's first value, have no parameter and are not judged
    nips["award"] = d.pegawai(nama="Penerima", tmt_cpns=dt.date(2020, 1, 1))
    for jenis in (
        "Satyalancana Karya Satya X",
        "Satyalancana Karya Satya XX",
        "Satyalancana Karya Satya XXX",
        "Pegawai Teladan",
    ):
        d.penghargaan(nips["award"], jenis, dt.date(2025, 1, 1))
    d.penghargaan(nips["award"], "Satyalancana Karya Satya X", dt.date(1993, 12, 31))
    # the second value of satyalancana_x starts 2010-02-12: the day before reads the first
    nips["boundary"] = d.pegawai(nama="Batas", tmt_cpns=dt.date(2005, 1, 1))
    d.penghargaan(nips["boundary"], "Satyalancana Karya Satya X", dt.date(2010, 2, 11))
    d.penghargaan(nips["boundary"], "Satyalancana Karya Satya X", dt.date(2010, 2, 12))
    # past the retirement age on the as-of date: Pelaksana is mapped, a fungsional is not
    nips["old"] = d.pegawai(
        nama="Pelaksana Tua", tanggal_lahir=dt.date(1960, 1, 1), tmt_cpns=dt.date(1985, 1, 1)
    )
    nips["old_fungsional"] = d.pegawai(
        nama="Fungsional Tua",
        tanggal_lahir=dt.date(1960, 1, 1),
        tmt_cpns=dt.date(1985, 1, 1),
        jenis_jabatan="Fungsional Ahli Muda",
    )
    rules = _rules(folder, RULE_FILE.replace("{only}", nips["earlier"]))
    report = d.check(
        folder / "kiriman", policy_root=_policy_with_five_years(folder), rules_root=rules
    )
    return report, nips


def test_value_in_force_on_the_row_date_from_its_since_day(
    checked: tuple[Report, dict[str, str]],
) -> None:
    report, nips = checked
    assert _project(report, "UJI-MASA") == [
        ("UJI-MASA", "riwayat_pangkat.csv", 5, "tmt", nips["on"], "2025", "5", "2021-01-01", SINCE),
        (
            "UJI-MASA",
            "riwayat_pangkat.csv",
            10,
            "tmt",
            nips["twice"],
            "2025",
            "4",
            "2025-03-01",
            "2002-04-17",
        ),
    ]
    [on] = [f for f in report.findings if f.rule == "UJI-MASA" and f.nip == nips["on"]]
    assert on.message == (
        "Sdri. Tepat Sejak: 1 Januari 2021, paling singkat 5 (lima) tahun "
        f"menurut {on.clause.citation if on.clause else ''}"
    )


def test_rows_outside_the_checked_years_only_when_asked(
    checked: tuple[Report, dict[str, str]],
) -> None:
    report, nips = checked
    assert _project(report, "UJI-MASA-SEMUA") == [
        (
            "UJI-MASA-SEMUA",
            "riwayat_pangkat.csv",
            7,
            "tmt",
            nips["earlier"],
            "2024",
            "4",
            "2024-03-01",
            "2002-04-17",
        ),
    ]


def test_parameter_chosen_by_category(checked: tuple[Report, dict[str, str]]) -> None:
    report, nips = checked
    assert _project(report, "UJI-SATYA") == [
        (
            "UJI-SATYA",
            "penghargaan.csv",
            2,
            "tanggal",
            nips["award"],
            "2025",
            "10",
            "2025-01-01",
            "2010-02-12",
        ),
        (
            "UJI-SATYA",
            "penghargaan.csv",
            3,
            "tanggal",
            nips["award"],
            "2025",
            "20",
            "2025-01-01",
            "2010-02-12",
        ),
        (
            "UJI-SATYA",
            "penghargaan.csv",
            7,
            "tanggal",
            nips["boundary"],
            "2010",
            "10",
            "2010-02-11",
            "1994-08-29",
        ),
        (
            "UJI-SATYA",
            "penghargaan.csv",
            8,
            "tanggal",
            nips["boundary"],
            "2010",
            "10",
            "2010-02-12",
            "2010-02-12",
        ),
    ]


def test_parameter_at_the_as_of_date_without_period(checked: tuple[Report, dict[str, str]]) -> None:
    report, nips = checked
    [finding] = [f for f in report.findings if f.rule == "UJI-BUP"]
    assert (
        finding.nip,
        finding.column,
        finding.period,
        finding.expected,
        finding.actual,
        finding.expected_since,
    ) == (nips["old"], "tanggal_lahir", None, "58", "1960-01-01", "2017-04-07")


# --- lint ------------------------------------------------------------------------------------

GOOD = """\
- id: UJI-KATEGORI
  title: Uji
  clause: satyalancana
  severity: error
  source: Uji
  table: penghargaan
  population: semua
  check:
    type: row_parameter
    date: tanggal
    parameter:
      by: t.jenis
      values:
        Satyalancana Karya Satya X: penghargaan.satyalancana_x
    breach: t.tanggal < k.tmt_cpns + CAST(param.value_num AS INTEGER) * INTERVAL '1' YEAR
    column: tanggal
  message: "{nama} {expected:terbilang}"
"""

LINT_CASES = {
    "category-not-in-enum": (
        GOOD.replace("Satyalancana Karya Satya X:", "Satyalancana Karya Satya 10:"),
        "8:3: [error] aturan UJI-KATEGORI memetakan kategori yang tidak ada dalam enum "
        "penghargaan.jenis: Satyalancana Karya Satya 10; nilai yang ada: Satyalancana Karya "
        "Satya X, Satyalancana Karya Satya XX, Satyalancana Karya Satya XXX, Satyalancana Wira "
        "Karya, Satyalancana Pembangunan, Satyalancana Kebaktian Sosial, Pegawai Teladan, "
        "Lainnya (rule-check)",
    ),
    "unknown-parameter-in-mapping": (
        GOOD.replace(": penghargaan.satyalancana_x", ": penghargaan.satyalancana_10"),
        "8:3: [error] aturan UJI-KATEGORI membaca parameter 'penghargaan.satyalancana_10' yang "
        "tidak ada di parameter.yml (rule-parameter)",
    ),
    "previous-at-as-of": (
        GOOD.replace("date: tanggal", 'date: ":as_of"\n    previous: tanggal_lalu'),
        "8:3: [error] aturan UJI-KATEGORI: previous hanya berlaku bila date adalah kolom "
        "tanggal, bukan :as_of (rule-check)",
    ),
    "category-not-a-column": (
        GOOD.replace("by: t.jenis", "by: UPPER(t.jenis)"),
        "12:11: [error] nilai 'UPPER(t.jenis)' tidak sesuai pola ^[tk]\\.[a-z_][a-z0-9_]*$ "
        "(rule-check)",
    ),
}


def _lint(folder: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(folder)
    rules = _rules(folder, text)
    problems = lint_rules(rules, load_policy(POLICY), load_schema(rules / "schema"))
    return [p.format() for p in problems]


def test_good_rule_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _lint(tmp_path, GOOD, monkeypatch) == []


@pytest.mark.parametrize("name", sorted(LINT_CASES))
def test_lint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    text, expected = LINT_CASES[name]
    assert _lint(tmp_path, text, monkeypatch) == [f"rules/uji.yml:{expected}"]
