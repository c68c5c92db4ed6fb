"""check applies dispensations: covered findings are kept, marked, counted apart, not failing;
a dispensation applies up to and including its valid_until day, and only once decided."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.dispensasi import apply_dispensasi, load_dispensasi_unchecked
from checker.report.finding import Finding
from checker.report.formats import render_report
from checker.report.report import Report
from tests.dispensasi.fixture import entry, rules_with
from tests.rules.builder import INSTANSI, POLICY, UNIT, Data

AS_OF = dt.date(2026, 1, 15)
OTHER = "Pemerintah Kota Bengkulu"
OTHER_OPD = "Dinas Pendidikan"  # the perangkat daerah of employee "d", in the kota


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Four PNS short of the 20 JP floor in 2025 (one in another instansi and OPD), one
    compliant. The province's employees work in the OPD Badan Kepegawaian Daerah."""
    d = Data()
    n = {
        "a": d.pegawai(jp=10),
        "b": d.pegawai(jp=12),
        "c": d.pegawai(jp=5),
        "d": d.pegawai(jp=8, instansi=OTHER, unit_kerja=OTHER_OPD),
        "ok": d.pegawai(jp=20),
    }
    return d.write(tmp_path_factory.mktemp("dispensasi") / "kiriman"), n


def run(data: Path, rules: Path, as_of: dt.date = AS_OF) -> Report:
    from checker.checking import check

    return check([data], as_of=as_of, years=[2025], policy_root=POLICY, rules_root=rules)


def jp(report: Report) -> dict[str, str | None]:
    """KOMP-JP-MIN findings: NIP → dispensation id (None when it counts)."""
    return {f.nip or "": f.dispensation for f in report.findings if f.rule == "KOMP-JP-MIN"}


def test_one_nip_is_dispensed_counted_apart_and_passes(
    people: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data, n = people
    rules = rules_with(tmp_path, satu=entry("DISP-2026-001", f'{{nip: "{n["a"]}"}}'))
    report = run(data, rules)
    assert jp(report) == {n["a"]: "DISP-2026-001", n["b"]: None, n["c"]: None, n["d"]: None}
    assert report.counts_by_rule()["KOMP-JP-MIN"] == 3
    summary = report.to_dict()["summary"]["dispensed"]
    assert summary["findings"] == 1
    assert summary["by_rule"] == {"KOMP-JP-MIN": 1}
    assert summary["dispensations"] == [
        {
            "id": "DISP-2026-001",
            "rules": ["KOMP-JP-MIN"],
            "scope": "nip",
            "description": "1 pegawai",
            "valid_until": "2026-06-30",
            "findings": 1,
        }
    ]
    assert report.compliance_by_opd()[UNIT]["employees_with_errors"] == 2


def test_all_errors_dispensed_exit_code_zero(
    people: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data, n = people
    nips = ", ".join(f'"{n[k]}"' for k in "abc")
    rules = rules_with(
        tmp_path,
        instansi=entry("DISP-2026-002", f"{{instansi: {OTHER}}}"),
        orang=entry("DISP-2026-003", f"{{nip: [{nips}]}}", rules="[KOMP-JP-MIN, KOMP-CAKUPAN]"),
    )
    args = [
        "check",
        str(data),
        "--policy",
        str(POLICY),
        "--rules",
        str(rules),
        "--as-of",
        AS_OF.isoformat(),
        "--tahun",
        "2025",
    ]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "0 kesalahan" in result.output and "4 temuan didispensasi." in result.output
    assert "Temuan yang didispensasi (dicatat, tidak menggagalkan pemeriksaan):" in result.output
    # the text report may add the finding's category after its severity
    assert re.search(
        r"\[didispensasi, kesalahan[^\]]*\] kiriman/pegawai\.csv:5",
        result.output.replace(str(data.parent) + "/", ""),
    )
    # without the dispensations the same data fails
    bare = CliRunner().invoke(
        cli, [*args[:4], "--rules", str(rules_with(tmp_path / "x")), *args[6:]]
    )
    assert bare.exit_code == 1


def test_category_covers_exactly_its_listed_employees(
    people: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data, n = people
    scope = f'{{category: tugas-belajar, nip: ["{n["b"]}", "{n["d"]}"]}}'
    rules = rules_with(tmp_path, tb=entry("DISP-TB-2026", scope))
    report = run(data, rules)
    assert jp(report) == {
        n["a"]: None,
        n["b"]: "DISP-TB-2026",
        n["c"]: None,
        n["d"]: "DISP-TB-2026",
    }
    # other rules on the same people are not covered
    assert all(f.dispensation is None for f in report.findings if f.rule != "KOMP-JP-MIN")
    (use,) = report.dispensations
    assert (use.scope, use.description, use.findings) == ("category", "2 pegawai tugas belajar", 2)


@pytest.mark.parametrize(
    ("as_of", "applies"),
    [
        (dt.date(2026, 6, 29), True),
        (dt.date(2026, 6, 30), True),  # the last day: "berlaku sampai dengan"
        (dt.date(2026, 7, 1), False),  # the day after: no longer applies
        (dt.date(2025, 1, 9), False),  # before its decision letter
    ],
)
def test_in_force_up_to_and_including_valid_until(
    people: tuple[Path, dict[str, str]], tmp_path: Path, as_of: dt.date, applies: bool
) -> None:
    data, n = people
    rules = rules_with(
        tmp_path,
        satu=entry(
            "DISP-2026-001", f'{{nip: "{n["a"]}"}}', letter="2025-01-10", until="2026-06-30"
        ),
    )
    years = [2025] if as_of.year > 2025 else [2024]
    from checker.checking import check

    report = check([data], as_of=as_of, years=years, policy_root=POLICY, rules_root=rules)
    marked = {f.dispensation for f in report.findings if f.nip == n["a"]}
    assert marked == ({"DISP-2026-001"} if applies else {None})
    assert [d.id for d in report.dispensations] == (["DISP-2026-001"] if applies else [])


def test_period_limits_what_is_covered(people: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    data, n = people
    rules = rules_with(
        tmp_path,
        satu=entry("DISP-2026-001", f'{{nip: "{n["a"]}"}}', start="2026-01-01", end="2026-12-31"),
    )
    report = run(data, rules)  # the finding is about 2025: outside the covered period
    assert jp(report)[n["a"]] is None
    assert report.dispensations[0].findings == 0


def test_every_format_shows_dispensed_findings(
    people: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    data, n = people
    rules = rules_with(tmp_path, satu=entry("DISP-2026-001", f'{{nip: "{n["a"]}"}}'))
    report = run(data, rules)
    text = render_report(report, "text").decode()
    assert "DISP-2026-001 (1 temuan; KOMP-JP-MIN; 1 pegawai; berlaku s.d. 30 Juni 2026)" in text
    markdown = render_report(report, "md").decode()
    assert "## Temuan yang didispensasi" in markdown and "### DISP-2026-001" in markdown
    assert "| DISP-2026-001 | KOMP-JP-MIN | 1 pegawai | 30 Juni 2026 | 1 |" in markdown
    rows = render_report(report, "csv").decode("utf-8-sig").splitlines()
    assert rows[0].startswith("rule,severity,dispensation,")
    assert sum(",DISP-2026-001," in row for row in rows) == 1
    data_json = json.loads(render_report(report, "json"))
    dispensed = [f for f in data_json["findings"] if "dispensation" in f]
    assert [(f["nip"], f["dispensation"]) for f in dispensed] == [(n["a"], "DISP-2026-001")]
    assert Report.from_dict(data_json).dispensed()[0].dispensation == "DISP-2026-001"
    assert render_report(Report.from_dict(data_json), "json") == render_report(report, "json")


def test_xlsx_marks_dispensed_rows(people: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    import io

    from openpyxl import load_workbook

    data, n = people
    rules = rules_with(tmp_path, satu=entry("DISP-2026-001", f'{{nip: "{n["a"]}"}}'))
    book = load_workbook(io.BytesIO(render_report(run(data, rules), "xlsx")))
    sheet = book["Temuan"]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "Dispensasi"
    (row,) = [
        r
        for r in sheet.iter_rows(min_row=2)
        if r[header.index("NIP")].value == n["a"] and r[1].value == "KOMP-JP-MIN"
    ]
    assert row[0].value == "kesalahan (didispensasi)"
    assert row[0].fill.fgColor.rgb == "00EDEDED"
    assert row[-1].value == "DISP-2026-001"
    summary = [[c.value for c in r] for r in book["Ringkasan"].iter_rows()]
    assert ["DISP-2026-001", "KOMP-JP-MIN", "1 pegawai"] in [r[:3] for r in summary]


def _findings_of(nip: str, opd: str | None, instansi: str | None) -> Finding:
    return Finding(
        rule="KOMP-JP-MIN",
        severity="error",
        message="JP kurang.",
        nip=nip,
        instansi=instansi,
        opd=opd,
        period="2025",
    )


def test_instansi_scope_naming_an_opd_covers_that_opd_only(tmp_path: Path) -> None:
    """A dispensation written with an OPD's name in its ``instansi`` scope covers the findings
    of that OPD, whose instansi kerja is the whole province; the province's other OPDs stay
    uncovered, and a scope naming the province still covers all of them."""
    rules = rules_with(
        tmp_path,
        opd=entry("DISP-OPD", "{instansi: Dinas Pendidikan dan Kebudayaan}"),
        daerah=entry("DISP-KOTA", f"{{instansi: {OTHER}}}"),
    )
    records, problems = load_dispensasi_unchecked(rules / "dispensasi")
    assert problems == []
    findings = [
        _findings_of("1", "Dinas Pendidikan dan Kebudayaan", INSTANSI),
        _findings_of("2", "Dinas Kesehatan", INSTANSI),
        _findings_of("3", OTHER_OPD, OTHER),
    ]
    marked, used = apply_dispensasi(findings, records, AS_OF)
    assert [f.dispensation for f in marked] == ["DISP-OPD", None, "DISP-KOTA"]
    assert {u.id: (u.scope, u.description, u.findings) for u in used} == {
        "DISP-OPD": ("instansi", "Dinas Pendidikan dan Kebudayaan", 1),
        "DISP-KOTA": ("instansi", OTHER, 1),
    }


def test_check_applies_an_opd_named_scope(
    people: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """End to end: the check names employee d's OPD (Dinas Pendidikan, in the kota) and the
    dispensation scoped to that OPD covers exactly d's finding."""
    data, n = people
    rules = rules_with(tmp_path, opd=entry("DISP-OPD", f"{{instansi: {OTHER_OPD}}}"))
    report = run(data, rules)
    (finding,) = [f for f in report.findings if f.rule == "KOMP-JP-MIN" and f.nip == n["d"]]
    assert (finding.instansi, finding.opd) == (OTHER, OTHER_OPD)
    assert jp(report) == {n["a"]: None, n["b"]: None, n["c"]: None, n["d"]: "DISP-OPD"}
