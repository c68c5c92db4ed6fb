"""One message per rule, as a BKD officer reads it: a golden file of every rule in rules/*.yml.

For each rule the rule set holds, a scenario builds data that breaks it (with the project's data
builder, :mod:`tests.rules.builder`); the finding's message and the found and required values,
as the person-facing reports show them, are written to ``golden/pesan_per_aturan.txt``. The rule
list is read from rules/*.yml, so a new rule without a scenario fails here until it has one and
its wording has been read. Rewrite the golden file with ``UPDATE_GOLDEN=1`` and read the diff.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from checker.report.finding import Finding
from checker.report.labels import category_label, found_text, required_text, severity_label
from checker.report.report import Report
from checker.rules.load import load_rules_unchecked
from tests.report.golden import check_golden
from tests.rules.builder import RULES, Data, make_nip

D = dt.date
# the checked year 2025, after its annual evaluations were due
AS_OF, YEARS = D(2026, 3, 15), (2025,)
# 2026 while it runs: progress, not breaches
RUNNING = D(2026, 11, 27), (2026,)
# 2027, the first year with provincial coverage targets
TARGETS = D(2028, 4, 15), (2027,)

PPPK: dict[str, Any] = {
    "status_kepegawaian": "PPPK",
    "golongan": "IX",
    "jenis_jabatan": "Fungsional Ahli Pertama",
    "tmt_cpns": D(2022, 1, 1),
    "tanggal_lahir": D(1995, 1, 1),
}
BORN, START = D(1985, 3, 12), D(2010, 1, 1)
# a regular promotion on 1 April 2025 after 4 years in the previous rank
PREVIOUS, TMT = D(2021, 4, 1), D(2025, 4, 1)

SNAKE_CASE = re.compile(r"(?<![\w./-])[a-z]+(?:_[a-z]+)+(?![\w./-])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

# a scenario adds the breach to the data and returns the NIPs whose findings are shown (one
# example each; None: the rule's first finding, for findings about a file or an OPD)
Scenario = Callable[[Data], list[str | None]]


@dataclass(frozen=True)
class Case:
    """How a rule is broken, and on which date and years the data is checked."""

    build: Scenario
    when: tuple[dt.date, tuple[int, ...]] = (AS_OF, YEARS)


def _promotion(
    d: Data,
    *,
    previous: dt.date = PREVIOUS,
    tmt: dt.date = TMT,
    golongan: str = "III/c",
    predikat: tuple[str, str] = ("Baik", "Baik"),
    **fields: Any,
) -> str:
    """A regular promotion to ``golongan`` on ``tmt``, with predikat for 2023 and 2024."""
    nip = d.pegawai(golongan=golongan, **fields)
    d.pangkat(nip, "III/a", D(2010, 1, 1), "pengangkatan")
    d.pangkat(nip, "III/b", previous, "reguler")
    d.pangkat(nip, golongan, tmt, "reguler")
    for year, value in zip((2023, 2024), predikat, strict=True):
        d.penilaian(nip, year, predikat=value)
    return nip


def _nip_ganda(d: Data) -> list[str | None]:
    nip = d.pegawai()
    d.unit("BKPSDM", instansi="Pemerintah Kota Bengkulu")
    d.pegawai(nip=nip, instansi="Pemerintah Kota Bengkulu", unit_kerja="BKPSDM", jp=None, skp=False)
    return [nip]


def _jenis_kp(d: Data) -> list[str | None]:
    nip = d.pegawai(golongan="III/b")
    d.pangkat(nip, "III/a", D(2014, 4, 1), "pengangkatan")
    d.tables["riwayat_pangkat"].append(
        {"nip": nip, "golongan": "III/b", "tmt": D(2018, 4, 1), "jenis_kp": None}
    )
    return [nip]


def _pangkat_riwayat(d: Data) -> list[str | None]:
    nip = d.pegawai()
    d.pangkat(nip, "III/b", D(2014, 4, 1), "pengangkatan")
    d.pangkat(nip, "III/d", D(2022, 4, 1))
    return [nip]


def _tmt_pangkat(d: Data) -> list[str | None]:
    nip = d.pegawai()
    d.pangkat(nip, "III/b", D(2014, 4, 1), "pengangkatan")
    d.pangkat(nip, "III/c", D(2018, 4, 1))
    d.pangkat(nip, "III/d", D(2027, 4, 1))
    return [nip]


def _hukdis(d: Data) -> list[str | None]:
    nip = _promotion(d)
    d.hukdis(nip, "sedang", D(2025, 1, 1), None)
    return [nip]


def _satyalancana(d: Data) -> list[str | None]:
    early = d.pegawai(tmt_cpns=D(2015, 3, 1), tanggal_lahir=D(1990, 5, 17))
    d.penghargaan(early, "Satyalancana Karya Satya X", D(2025, 2, 28))
    punished = d.pegawai(tmt_cpns=D(2010, 1, 1), tanggal_lahir=D(1985, 5, 17))
    d.penghargaan(punished, "Satyalancana Karya Satya X", D(2021, 1, 4))
    d.hukdis(punished, "sedang", D(2018, 1, 1), D(2018, 12, 31))
    on_leave = d.pegawai(tmt_cpns=D(2008, 1, 1), tanggal_lahir=D(1983, 5, 17))
    d.penghargaan(on_leave, "Satyalancana Karya Satya X", D(2019, 8, 17))
    d.cltn(on_leave, D(2013, 7, 1), D(2014, 6, 30))
    return [early, punished, on_leave]


def _umpan_balik(d: Data) -> list[str | None]:
    d.unit("Unit Layanan Pengaduan", pelayanan_publik=True)
    nip = d.pegawai(unit_kerja="Unit Layanan Pengaduan", skp=False)
    d.penilaian(nip, 2025, umpan_balik_masyarakat=None)
    return [nip]


def _predikat(d: Data) -> list[str | None]:
    nip = d.pegawai(skp=False)
    d.penilaian(nip, 2025, predikat="Sangat Baik", hasil_kerja="Sesuai Ekspektasi")
    return [nip]


def _predikat_periodik(d: Data) -> list[str | None]:
    nip = d.pegawai()
    d.penilaian(
        nip,
        2025,
        periode="triwulanan",
        periode_ke=2,
        hasil_kerja="Di Bawah Ekspektasi",
        perilaku_kerja="Sesuai Ekspektasi",
    )
    return [nip]


def _kedudukan_asumsi(d: Data) -> list[str | None]:
    d.pegawai(kedudukan_hukum="CLTN", jp=None, skp=False)
    return [None]


def _jp_tanggal_mulai(d: Data) -> list[str | None]:
    nip = d.pegawai(jp=None)
    d.pelatihan(nip, 20, None, tanggal_mulai=D(2025, 6, 2))
    return [None]


def _cakupan(d: Data) -> list[str | None]:
    """Ten employees of one instansi, six of them with 20 JP and an annual evaluation in 2027."""
    d.unit("Sekretariat", instansi="Dinas Kesehatan")
    for index in range(10):
        ok = index < 6
        d.pegawai(
            instansi="Dinas Kesehatan",
            unit_kerja="Sekretariat",
            jp={2027: 20 if ok else 10},
            skp=(2027,) if ok else (),
        )
    return [None]


def _cakupan_pppk(d: Data) -> list[str | None]:
    """Ten PPPK of another perangkat daerah, each with an annual evaluation in 2027; four of
    them followed a training in their 2027 contract year (contracts from 1 January)."""
    d.unit("Sekretariat", instansi="Dinas Pendidikan dan Kebudayaan")
    for index in range(10):
        d.pegawai(
            instansi="Dinas Pendidikan dan Kebudayaan",
            unit_kerja="Sekretariat",
            jp={2027: 2 if index < 4 else None},
            skp=(2027,),
            **PPPK,
        )
    return [None]


CASES: dict[str, Case] = {
    "DATA-NIP-FORMAT": Case(lambda d: [d.pegawai(nip="19850312201001100")]),
    "DATA-NIP-LAHIR": Case(
        lambda d: [d.pegawai(nip=make_nip(BORN, START, serial=906), tanggal_lahir=D(1985, 3, 13))]
    ),
    "DATA-NIP-TMT": Case(
        lambda d: [
            d.pegawai(nip=make_nip(BORN, START, serial=907), tmt_cpns=D(2010, 2, 1)),
            d.pegawai(
                nip=make_nip(D(1995, 1, 1), D(2022, 1, 1), serial=909, status="PPPK"),
                **{**PPPK, "tmt_cpns": D(2023, 1, 1)},
            ),
        ]
    ),
    "DATA-NIP-JK": Case(
        lambda d: [d.pegawai(nip=make_nip(BORN, START, "L", serial=911), jenis_kelamin="P")]
    ),
    "DATA-NIP-PPPK": Case(
        lambda d: [
            d.pegawai(
                nip=make_nip(D(1995, 1, 1), D(2022, 1, 1), "L", serial=913, status="PPPK"),
                **{**PPPK, "tmt_cpns": D(2022, 1, 1), "jenis_kelamin": "P"},
            )
        ]
    ),
    "DATA-NIP-GANDA": Case(_nip_ganda),
    "DATA-TANGGAL": Case(lambda d: [d.pegawai(tmt_cpns=AS_OF + dt.timedelta(days=1))]),
    "DATA-TMT-PANGKAT": Case(_tmt_pangkat),
    "DATA-JENIS-KP": Case(_jenis_kp),
    "DATA-PANGKAT-RIWAYAT": Case(_pangkat_riwayat),
    "DATA-KEDUDUKAN-ASUMSI": Case(_kedudukan_asumsi),
    "DATA-JP-TANGGAL-MULAI": Case(_jp_tanggal_mulai),
    "KAR-KP-MASA": Case(lambda d: [_promotion(d, previous=D(2022, 4, 1))]),
    "KAR-KP-PREDIKAT": Case(lambda d: [_promotion(d, predikat=("Baik", "Butuh Perbaikan"))]),
    "KAR-KP-HUKDIS": Case(_hukdis),
    "KAR-KP-PLAFON": Case(lambda d: [_promotion(d, golongan="III/c", pendidikan="SLTA")]),
    "KAR-BUP": Case(lambda d: [d.pegawai(jenis_jabatan="Pelaksana", tanggal_lahir=D(1967, 5, 31))]),
    "KAR-SATYALANCANA": Case(_satyalancana),
    "KIN-SKP-TAHUNAN": Case(lambda d: [d.pegawai(skp=False)]),
    "KIN-PREDIKAT": Case(_predikat),
    "KIN-UMPAN-BALIK": Case(_umpan_balik),
    "KIN-PREDIKAT-PERIODIK": Case(_predikat_periodik),
    "KIN-CAKUPAN": Case(_cakupan, TARGETS),
    "KOMP-JP-MIN": Case(lambda d: [d.pegawai(jp=None), d.pegawai(jp=12)]),
    "KOMP-JP-PPPK": Case(lambda d: [d.pegawai(jp=30, **PPPK)]),
    "KOMP-PPPK-TANPA": Case(lambda d: [d.pegawai(jp=None, **PPPK)]),
    "KOMP-JP-BERJALAN": Case(
        lambda d: [d.pegawai(jp={2026: 0}, skp=False), d.pegawai(jp={2026: 8}, skp=False)],
        RUNNING,
    ),
    "KOMP-CAKUPAN": Case(_cakupan, TARGETS),
    "KOMP-CAKUPAN-PPPK": Case(_cakupan_pppk, TARGETS),
}


def rule_ids() -> list[str]:
    """Every rule id of rules/*.yml, in file order."""
    rules, _ = load_rules_unchecked(RULES)
    return [rule.id for rule in rules]


def _reports(tmp: Path) -> dict[str, tuple[Report, list[str | None]]]:
    """Each scenario's report and shown NIPs; scenarios checked on the same date share data."""
    by_when: dict[tuple[dt.date, tuple[int, ...]], list[str]] = {}
    for rule, case in CASES.items():
        by_when.setdefault(case.when, []).append(rule)
    out: dict[str, tuple[Report, list[str | None]]] = {}
    for index, ((as_of, years), rules) in enumerate(sorted(by_when.items())):
        d = Data(years=years)
        shown = {rule: CASES[rule].build(d) for rule in rules}
        folder = tmp / f"kiriman-{index}"
        report = _relabel(d.check(folder, as_of=as_of, years=list(years)), folder)
        out |= {rule: (report, shown[rule]) for rule in rules}
    return out


def _relabel(report: Report, folder: Path) -> Report:
    """The temporary folder written as "kiriman" wherever a finding names a file."""

    def fix(text: str | None) -> str | None:
        return None if text is None else text.replace(str(folder), "kiriman")

    findings = [
        replace(f, message=fix(f.message) or "", actual=fix(f.actual), expected=fix(f.expected))
        for f in report.findings
    ]
    return replace(report, findings=findings)


def _example(report: Report, rule: str, nip: str | None) -> Finding:
    found = [f for f in report.findings if f.rule == rule and (nip is None or f.nip == nip)]
    assert found, f"skenario {rule} tidak menghasilkan temuan {rule} (NIP {nip})"
    return found[0]


def _block(rule: str, findings: list[Finding]) -> list[str]:
    first = findings[0]
    lines = [
        f"== {rule} ({severity_label(first.severity)}; {category_label(first.category)})",
    ]
    for finding in findings:
        lines += ["", finding.message]
        found, required = found_text(finding), required_text(finding)
        if found is not None:
            lines.append(f"  Tercatat: {found}")
        if required is not None:
            lines.append(f"  Seharusnya: {required}")
    return [*lines, ""]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, list]]:
    return _reports(tmp_path_factory.mktemp("pesan"))


def test_every_rule_has_a_scenario() -> None:
    """The rule list comes from rules/*.yml: a rule without a scenario fails here."""
    missing = [rule for rule in rule_ids() if rule not in CASES]
    assert not missing, f"aturan tanpa skenario pesan: {', '.join(missing)}"
    assert not set(CASES) - set(rule_ids()), "skenario untuk aturan yang tidak ada"


def test_one_message_per_rule_golden(reports: dict[str, tuple[Report, list]]) -> None:
    report = next(iter(reports.values()))[0]
    lines = [
        "Pesan temuan per aturan, satu contoh untuk setiap aturan (data sintetis).",
        f"Peraturan yang diterapkan: {report.regulation}",
        "",
    ]
    for rule in rule_ids():
        if rule not in CASES:
            continue  # test_every_rule_has_a_scenario names it
        found, nips = reports[rule]
        lines += _block(rule, [_example(found, rule, nip) for nip in nips])
    check_golden("pesan_per_aturan.txt", "\n".join(lines))


def test_messages_carry_no_codes(reports: dict[str, tuple[Report, list]]) -> None:
    """No snake_case column name, ISO date or raw NIP date digits in a message."""
    for rule, (report, nips) in reports.items():
        for nip in nips:
            message = _example(report, rule, nip).message
            assert not SNAKE_CASE.search(message), (rule, message)
            assert not ISO_DATE.search(message), (rule, message)
            assert "naik pangkat" not in message, (rule, message)
            assert " 0 JP" not in message, (rule, message)
