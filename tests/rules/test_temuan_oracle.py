"""Cases the independent oracle (tests/oracle) found the engine judging otherwise than the domain
notes and the regulation's own clauses, each with its near miss.

* Satyalancana Karya Satya: service is counted continuously (Pasal satyalancana-masa; domain
  §3e 3.12c, one source: a CLTN during the service), so an award after a CLTN is to be verified;
  an award before the CLTN is not.
* KP ceilings (PP 99/2000, domain §3b): SGPLB reaches III/c; Ners is not among the educations
  with the S-2 ceiling (dokter, apoteker), so it is not judged.
* DATA-TANGGAL: an evaluation for a year after the as-of date cannot exist yet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.rules.builder import Data, of_rule

D = dt.date
X = "Satyalancana Karya Satya X"


def test_satyalancana_after_a_cltn_is_to_be_verified(tmp_path: Path) -> None:
    d = Data()
    after = d.pegawai(tmt_cpns=D(2008, 1, 1))
    d.cltn(after, D(2013, 7, 1), D(2014, 6, 30))
    d.penghargaan(after, X, D(2019, 8, 17))
    before = d.pegawai(tmt_cpns=D(2008, 1, 1))
    d.penghargaan(before, X, D(2018, 8, 17))
    d.cltn(before, D(2020, 7, 1), D(2021, 6, 30))
    study = d.pegawai(tmt_cpns=D(2008, 1, 1))  # tugas belajar is service, not CLTN
    d.cltn(study, D(2013, 7, 1), D(2015, 6, 30), jenis="Tugas Belajar")
    d.penghargaan(study, X, D(2019, 8, 17))
    report = d.check(tmp_path / "kiriman", years=[2025])
    (finding,) = of_rule(report, "KAR-SATYALANCANA", after)
    assert (finding.severity, finding.category) == ("warning", "verifikasi")
    assert "tanpa CLTN (tercatat CLTN sejak 1 Juli 2013)" in finding.message
    assert not of_rule(report, "KAR-SATYALANCANA", before)
    assert not of_rule(report, "KAR-SATYALANCANA", study)


def test_kp_ceiling_of_sgplb_and_ners(tmp_path: Path) -> None:
    d = Data()
    people = {}
    for key, pendidikan, golongan in (
        ("sgplb_above", "SGPLB", "III/d"),
        ("sgplb_at", "SGPLB", "III/c"),
        ("ners", "Ners", "IV/b"),
    ):
        nip = d.pegawai(pendidikan=pendidikan, golongan=golongan, tmt_golongan=D(2025, 4, 1))
        below = {"III/d": "III/c", "III/c": "III/b", "IV/b": "IV/a"}[golongan]
        d.pangkat(nip, below, D(2021, 4, 1))
        d.pangkat(nip, golongan, D(2025, 4, 1))
        people[key] = nip
    report = d.check(tmp_path / "kiriman", years=[2025])
    (finding,) = of_rule(report, "KAR-KP-PLAFON", people["sgplb_above"])
    assert finding.expected == "III/c"
    assert not of_rule(report, "KAR-KP-PLAFON", people["sgplb_at"])
    assert not of_rule(report, "KAR-KP-PLAFON", people["ners"])
    assert not [f for f in report.findings if f.rule.startswith("SKEMA")]


def test_an_evaluation_for_a_year_not_yet_begun(tmp_path: Path) -> None:
    d = Data()
    ahead = d.pegawai()
    d.penilaian(ahead, 2027)
    running = d.pegawai()
    d.penilaian(running, 2026)
    report = d.check(tmp_path / "kiriman", years=[2025])
    (finding,) = of_rule(report, "DATA-TANGGAL", ahead)
    assert (finding.table, finding.column, finding.actual) == ("penilaian_kinerja", "tahun", "2027")
    assert not of_rule(report, "DATA-TANGGAL", running)
