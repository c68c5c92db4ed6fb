"""SIASN exports as they come: the same 8 employees of a provincial OPD (Dinas Kesehatan with a
UPTD hospital, plus an SMA teacher under Dinas Pendidikan dan Kebudayaan). They are stored once as
the tools' CSV (tests/data/siasn/csv) and once as the API's JSON (tests/data/siasn/json). The
files were hand-made from the published field lists only; see tests/data/siasn/README.md.

What SIASN support has to do for these files to give exactly the planted findings:
- recognise each file by its header, whatever it is called;
- read JSON given as ``{"code": 1, "data": [...]}`` or as a bare list;
- join tables keyed by PNS ID only (rw-skp22, rw-skp, rw-hukdis, rw-penghargaan, rw-cltn)
  through ``pegawai.pns_id``;
- count JP from both rw-kursus and rw-diklat;
- read rw-skp22 rows as annual evaluations whose predikat is ``kuadranKinerja``;
- take the penalty level from ``jenisTingkatHukumanId`` or from ``jenisHukumanNama``;
- report what SIASN has no place for once per file, never per employee.

The data is judged for 2025 as of 30 June 2026.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from checker.checking import check
from checker.report.finding import Finding
from checker.report.report import Report

SIASN = Path(__file__).resolve().parent / "siasn"
FORMS = ("csv", "json")
AS_OF = dt.date(2026, 6, 30)
YEAR = 2025

E1 = "198503122010031001"  # on CLTN Mar 2025 - Feb 2026 (rw-cltn by pnsOrangId)
E2 = "198807212015032003"  # 12 JP kursus + 10 JP diklat
E3 = "197911052005011002"  # 8 JP kursus + 6 JP diklat
E4 = "199312092020012006"  # no 2025 rw-skp22 row
E5 = "197203182005081003"  # DIATAS x DIBAWAH recorded as BAIK; exactly 20 JP; SLKS XX on time
E6 = "198602172013031005"  # KP reguler 1 Apr 2025 inside a penalty of level S
E7 = "199109232019031004"  # SLKS X six years after TMT CPNS
E8 = "198906302012032007"  # SLKS X after a sedang penalty named only by jenisHukumanNama
EMPLOYEES = {E1, E2, E3, E4, E5, E6, E7, E8}
ORPHAN = "8ae483a46f7c9d10016f7d8e2b1a3c64"  # a PNS ID in rw-skp22 that no employee has

# the files of each folder (by role), the table each must be read as, and its data rows
FILES = {
    "csv": {
        "pegawai": "export_pegawai_bengkulu.csv",
        "golongan": "rw-golongan.csv",
        "kursus": "rw-kursus.csv",
        "diklat": "rw-diklat.csv",
        "skp22": "rw-skp22_2025.csv",
        "skp": "rw-skp.csv",
        "hukdis": "rw-hukdis.csv",
        "penghargaan": "rw-penghargaan.csv",
        "cltn": "rw-cltn.csv",
        "unit": "unit_kerja.csv",
    },
    "json": {
        "pegawai": "export_pegawai_bengkulu.json",
        "golongan": "rw-golongan.json",
        "kursus": "kursus.json",
        "diklat": "diklat.json",
        "skp22": "rw-skp22_2025.json",
        "skp": "rw-skp.json",
        "hukdis": "hukdis.json",
        "penghargaan": "penghargaan.json",
        "cltn": "rw-cltn.json",
        "unit": "unit_kerja.csv",
    },
}
TABLE_ROWS = {
    "pegawai": ("pegawai", 8),
    "golongan": ("riwayat_pangkat", 11),
    "kursus": ("pelatihan", 10),
    "diklat": ("pelatihan", 3),
    "skp22": ("penilaian_kinerja", 17),
    "skp": ("penilaian_kinerja", 6),
    "hukdis": ("hukuman_disiplin", 3),
    "penghargaan": ("penghargaan", 4),
    "cltn": ("riwayat_cltn", 1),
    "unit": ("unit_kerja", 4),
}
# tables whose SIASN rows name the employee by PNS ID only
BY_PNS_ID = ("skp22", "skp", "hukdis", "penghargaan", "cltn")

# (rule, NIP, table, period, file role, CSV line, why): the planted faults and nothing else
EXPECTED = [
    (
        "KOMP-JP-MIN",
        E3,
        "pegawai",
        "2025",
        "pegawai",
        4,
        "8 JP from rw-kursus + 6 JP from rw-diklat = 14 JP < 20 in 2025",
    ),
    (
        "KIN-SKP-TAHUNAN",
        E4,
        "pegawai",
        "2025",
        "pegawai",
        5,
        "rw-skp22 has her 2024 evaluation but none for 2025",
    ),
    (
        "KIN-PREDIKAT",
        E5,
        "penilaian_kinerja",
        "2025",
        "skp22",
        4,
        "DIATAS EKSPEKTASI x DIBAWAH EKSPEKTASI gives Kurang/Misconduct, kuadranKinerja says BAIK",
    ),
    (
        "KAR-KP-HUKDIS",
        E6,
        "riwayat_pangkat",
        "2025",
        "golongan",
        8,
        "KP reguler TMT 1 Apr 2025 within the level-S penalty 1 Oct 2024 + masaTahun 1",
    ),
    (
        "KAR-SATYALANCANA",
        E7,
        "penghargaan",
        "2025",
        "penghargaan",
        4,
        "Satyalancana Karya Satya X on 14 Aug 2025, 10 years after TMT CPNS only on 1 Mar 2029",
    ),
    (
        "KAR-SATYALANCANA",
        E8,
        "penghargaan",
        "2025",
        "penghargaan",
        5,
        "Satyalancana Karya Satya X after a sedang penalty (pemotongan tunjangan kinerja, 2024)",
    ),
]

# (rule, NIP, why): near misses written into the data on purpose
NEAR_MISSES = [
    ("KOMP-JP-MIN", E1, "CLTN from rw-cltn (pnsOrangId) touches 2025"),
    ("KIN-SKP-TAHUNAN", E1, "CLTN from rw-cltn (pnsOrangId) touches 2025"),
    ("KOMP-JP-MIN", E2, "22 JP once rw-kursus (12) and rw-diklat (10) are added up"),
    ("KOMP-JP-MIN", E5, "exactly 20 JP (12 + 8)"),
    ("KAR-SATYALANCANA", E5, "SLKS XX 13 days after 20 years; his Teguran tertulis is ringan"),
    ("KAR-SATYALANCANA", E3, "SLKS X in 2016, 11 years after TMT CPNS"),
    ("KAR-KP-MASA", E6, "III/c 1 Apr 2021 -> III/d 1 Apr 2025: exactly 4 years"),
    ("KAR-KP-PREDIKAT", E6, "2023 and 2024 both BAIK in rw-skp22"),
    ("KAR-KP-PLAFON", E6, "III/d is the ceiling for S-1"),
    ("KAR-KP-HUKDIS", E8, "KP pilihan 1 Feb 2025 after akhirHukumTanggal 31 Dec 2024"),
    ("KIN-PREDIKAT", E8, "BUTUH PERBAIKAN (2024) and KURANG/MISCONDUCT (2023) fit their ratings"),
    ("DATA-PANGKAT-RIWAYAT", E6, "GOL AKHIR NAMA III/d = last rw-golongan row"),
    ("DATA-PANGKAT-RIWAYAT", E8, "GOL AKHIR NAMA III/b = last rw-golongan row"),
    ("DATA-PANGKAT-RIWAYAT", E2, "GOL AKHIR NAMA III/b = last rw-golongan row"),
]

_REPORTS: dict[str, Report] = {}


def report_of(form: str) -> Report:
    """The report of one folder, computed once per test session."""
    if form not in _REPORTS:
        _REPORTS[form] = check([SIASN / form], as_of=AS_OF, years=[YEAR])
    return _REPORTS[form]


@pytest.fixture(params=FORMS)
def form(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def report(form: str) -> Report:
    return report_of(form)


def rule_findings(report: Report) -> list[Finding]:
    """Findings of the rules in rules/*.yml (intake checks, SKEMA-*, excluded)."""
    return [f for f in report.findings if f.rule in report.rules]


def name(f: Finding) -> str:
    return Path(f.file).name if f.file else ""


def show(findings: list[Finding]) -> str:
    return (
        "\n".join(
            f"  {f.rule} [{f.severity}] table={f.table} file={name(f)} row={f.row} "
            f"column={f.column} nip={f.nip} period={f.period}: {f.message[:140]}"
            for f in findings
        )
        or "  (none)"
    )


def about(f: Finding, column: str, words: str) -> bool:
    """True when a finding is about ``column`` (its column, or its message naming it)."""
    return f.column == column or (f.column is None and words in f.message.lower())


def test_every_file_is_read_as_its_table(form: str, report: Report) -> None:
    """Each file is recognised by its header, whatever it is called, and JSON is read as
    ``{"code": 1, "data": [...]}`` or as a bare list (the employee file)."""
    unread = [f for f in report.findings if f.rule == "SKEMA-BERKAS"]
    assert not unread, f"{form}: files not read as tables:\n{show(unread)}"
    read = {Path(i.path).name: (i.table, i.rows) for i in report.inputs}
    for role, file in FILES[form].items():
        assert read.get(file) == TABLE_ROWS[role], (
            f"{form}/{file} ({role}) should be read as table {TABLE_ROWS[role][0]} with "
            f"{TABLE_ROWS[role][1]} rows; read as {read.get(file)}"
        )


def test_only_the_planted_faults_are_reported(form: str, report: Report) -> None:
    """Each planted fault once (a fault reported twice counts as unexpected), nothing else."""
    got: Counter[tuple[str, str | None]] = Counter((f.rule, f.nip) for f in rule_findings(report))
    want: Counter[tuple[str, str | None]] = Counter((rule, nip) for rule, nip, *_ in EXPECTED)
    why: dict[tuple[str, str | None], str] = {(r, n): reason for r, n, *_, reason in EXPECTED}
    missing = [f"  {r} {n}: {why[(r, n)]}" for r, n in sorted(want - got)]
    extra = [
        f"  {r} {n}:\n" + show([f for f in rule_findings(report) if (f.rule, f.nip) == (r, n)])
        for r, n in sorted(got - want, key=str)
    ]
    assert got == want, (
        f"{form}: rule findings differ from the planted faults\n"
        f"missing ({len(missing)}):\n" + ("\n".join(missing) or "  (none)") + "\n"
        f"unexpected ({len(extra)}):\n" + ("\n".join(extra) or "  (none)")
    )


@pytest.mark.parametrize(
    ("rule", "nip", "table", "period", "role", "line", "why"),
    EXPECTED,
    ids=[f"{rule}-{nip}" for rule, nip, *_ in EXPECTED],
)
def test_each_fault_is_reported_where_it_is(
    form: str,
    report: Report,
    rule: str,
    nip: str,
    table: str,
    period: str,
    role: str,
    line: int,
    why: str,
) -> None:
    """The finding names its table, period and source file; a CSV finding names its line."""
    found = [f for f in report.findings if f.rule == rule and f.nip == nip]
    assert len(found) == 1, f"{form}: one {rule} finding for NIP {nip} ({why}):\n{show(found)}"
    (f,) = found
    assert f.table == table, f"{form}: {rule} {nip} should be about table {table}: {f.table}"
    assert str(f.period) == period, f"{form}: {rule} {nip} should be for {period}: {f.period}"
    assert name(f) == FILES[form][role], (
        f"{form}: {rule} {nip} should point at {FILES[form][role]}, not {f.file}"
    )
    if form == "csv":
        assert f.row == line, f"csv: {rule} {nip} should point at line {line}: row {f.row}"


def test_findings_of_tables_keyed_by_pns_id_carry_the_nip(form: str, report: Report) -> None:
    """rw-skp22 and rw-penghargaan name the employee by PNS ID only; their findings name the
    employee's NIP and perangkat daerah, as findings of NIP-keyed tables do."""
    files = {FILES[form][role] for role in BY_PNS_ID}
    keyed = [f for f in rule_findings(report) if name(f) in files]
    assert {(f.rule, f.nip) for f in keyed} == {
        ("KIN-PREDIKAT", E5),
        ("KAR-SATYALANCANA", E7),
        ("KAR-SATYALANCANA", E8),
    }, f"{form}: findings from PNS-ID-keyed files:\n{show(keyed)}"
    for f in keyed:
        assert f.nip in EMPLOYEES, f"{form}: {f.rule} in {name(f)} carries no known NIP: {f.nip}"
        assert f.opd, f"{form}: {f.rule} for {f.nip} in {name(f)} carries no perangkat daerah"


def test_an_unknown_pns_id_is_one_skema_rujukan(form: str, report: Report) -> None:
    rujukan = [f for f in report.findings if f.rule == "SKEMA-RUJUKAN"]
    assert len(rujukan) == 1, (
        f"{form}: exactly one SKEMA-RUJUKAN expected (rw-skp22 row of PNS ID {ORPHAN}):\n"
        f"{show(rujukan)}"
    )
    (f,) = rujukan
    assert f.severity == "error", f"{form}: the unknown PNS ID is an error: {f.severity}"
    assert f.table == "penilaian_kinerja", f"{form}: table {f.table}"
    assert name(f) == FILES[form]["skp22"], f"{form}: file {f.file}"
    assert f.nip is None, f"{form}: a row of an unknown employee has no NIP: {f.nip}"
    assert ORPHAN in f"{f.actual} {f.message}", (
        f"{form}: the finding should name the PNS ID {ORPHAN}: actual={f.actual!r}, "
        f"message={f.message!r}"
    )
    if form == "csv":
        assert f.row == 8, f"csv: the orphan is on line 8 of rw-skp22_2025.csv: row {f.row}"


def test_no_column_the_files_hold_is_reported_missing(form: str, report: Report) -> None:
    """Every column a rule needs is in the SIASN fields (rw-diklat's ``tanggal`` is its start
    date, rw-skp22 needs no period column, rw-hukdis's level comes from jenisTingkatHukumanId or
    jenisHukumanNama). Only what SIASN has no place for may be missing, and that is information."""
    errors = [f for f in report.findings if f.rule == "SKEMA-KOLOM" and f.severity == "error"]
    assert not errors, f"{form}: columns reported missing:\n{show(errors)}"


def test_the_only_intake_error_is_the_unknown_pns_id(form: str, report: Report) -> None:
    """No cell of these files is unreadable, out of its enum or wrongly empty: SIASN's
    upper-case predikat and ratings, M/F, 'P', the KP kinds, 'R'/'S'/'B' and the NIPs of rows
    keyed by PNS ID are all read."""
    errors = [
        f
        for f in report.findings
        if f.rule.startswith("SKEMA-")
        and f.severity == "error"
        and not (f.rule == "SKEMA-RUJUKAN" and ORPHAN in f"{f.actual} {f.message}")
    ]
    assert not errors, f"{form}: intake errors besides the unknown PNS ID:\n{show(errors)}"


def test_what_siasn_has_no_place_for_is_said_once_per_file(form: str, report: Report) -> None:
    """Training ``jenis`` (klasikal/nonklasikal) and public feedback on evaluations do not
    exist in SIASN: one information finding per file, none per employee."""
    training = {FILES[form]["kursus"], FILES[form]["diklat"]}
    evaluations = {FILES[form]["skp22"], FILES[form]["skp"]}

    def jenis(f: Finding) -> bool:
        return name(f) in training and about(f, "jenis", "jenis")

    def feedback(f: Finding) -> bool:
        return name(f) in evaluations and (
            about(f, "umpan_balik_masyarakat", "umpan balik")
            or about(f, "nilai_umpan_balik", "umpan balik")
        )

    for label, is_about in (("jenis", jenis), ("umpan balik", feedback)):
        per_employee = [f for f in report.findings if is_about(f) and f.nip]
        assert not per_employee, f"{form}: '{label}' reported per employee:\n{show(per_employee)}"
        not_info = [f for f in report.findings if is_about(f) and f.severity != "info"]
        assert not not_info, f"{form}: '{label}' reported above information:\n{show(not_info)}"
    for file in sorted(training):
        said = [f for f in report.findings if name(f) == file and jenis(f)]
        assert len(said) == 1, f"{form}/{file}: one note on the missing jenis:\n{show(said)}"
    said = [f for f in report.findings if name(f) == FILES[form]["skp22"] and feedback(f)]
    assert len(said) == 1, (
        f"{form}/{FILES[form]['skp22']}: one note on the missing public feedback:\n{show(said)}"
    )
    said = [f for f in report.findings if name(f) == FILES[form]["skp"] and feedback(f)]
    assert len(said) <= 1, (
        f"{form}/{FILES[form]['skp']}: at most one note on public feedback:\n{show(said)}"
    )


def test_public_feedback_is_not_judged_on_siasn_evaluations(form: str, report: Report) -> None:
    """E2, E5, E7 and E8 work in public-service units and have 2025 evaluations, but rw-skp22
    cannot record public feedback, so KIN-UMPAN-BALIK does not judge its rows."""
    per_employee = [f for f in report.findings if f.rule == "KIN-UMPAN-BALIK"]
    assert not per_employee, f"{form}: KIN-UMPAN-BALIK judged SIASN rows:\n{show(per_employee)}"


@pytest.mark.parametrize(
    ("rule", "nip", "why"), NEAR_MISSES, ids=[f"{rule}-{nip}" for rule, nip, _ in NEAR_MISSES]
)
def test_near_misses_are_not_reported(
    form: str, report: Report, rule: str, nip: str, why: str
) -> None:
    said = [f for f in report.findings if f.rule == rule and f.nip == nip]
    assert not said, f"{form}: {rule} must not be reported for {nip} ({why}):\n{show(said)}"


def test_every_employee_counts_for_their_perangkat_daerah(form: str, report: Report) -> None:
    """The OPD comes from SATUAN KERJA KERJA NAMA: 7 in Dinas Kesehatan, the teacher in Dinas
    Pendidikan dan Kebudayaan."""
    assert report.employees == {"Dinas Kesehatan": 7, "Dinas Pendidikan dan Kebudayaan": 1}, (
        f"{form}: employees per perangkat daerah: {report.employees}"
    )


def test_csv_and_json_give_the_same_findings() -> None:
    """The two folders hold the same data, so they must give the same rule findings."""
    csv, json = (
        {(f.rule, f.nip, f.table, str(f.period)) for f in rule_findings(report_of(form))}
        for form in FORMS
    )
    assert csv == json, (
        f"only from CSV: {sorted(csv - json, key=str)}\n"
        f"only from JSON: {sorted(json - csv, key=str)}"
    )
