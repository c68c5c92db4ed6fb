"""Point in time (a parameter with two dated values), byte-identical reruns, and a compliant data
set that yields no finding at all."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker.checking import check
from checker.report.report import Report, to_json
from tests.rules.builder import POLICY, RULES, Data, of_rule, project

REQUIRED_RULES = {
    "DATA-NIP-FORMAT",
    "DATA-NIP-LAHIR",
    "DATA-NIP-TMT",
    "DATA-NIP-JK",
    "DATA-NIP-GANDA",
    "DATA-TANGGAL",
    "DATA-PANGKAT-RIWAYAT",
    "KOMP-JP-MIN",
    "KOMP-JP-PPPK",
    "KOMP-CAKUPAN",
    "KOMP-PPPK-TANPA",
    "KOMP-CAKUPAN-PPPK",
    "KIN-SKP-TAHUNAN",
    "KIN-PREDIKAT",
    "KIN-UMPAN-BALIK",
    "KIN-CAKUPAN",
    "KAR-KP-MASA",
    "KAR-KP-PREDIKAT",
    "KAR-KP-HUKDIS",
    "KAR-KP-PLAFON",
    "KAR-BUP",
    "KAR-SATYALANCANA",
}

FIRST_VALUE = (
    "        title: Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil, "
    "Pasal 203 ayat (4)\n"
)
SECOND_VALUE = """\
    - since: "2026-01-01"
      value: 24
      reference:
        title: Nilai kedua untuk pengujian titik waktu
"""


def _policy_with_24_jp_from_2026(folder: Path) -> Path:
    """A copy of policy/ where kompetensi.jp_minimum_pns is 20, then 24 from 2026-01-01."""
    policy = folder / "policy"
    shutil.copytree(POLICY, policy)
    path = policy / "parameter.yml"
    text = path.read_text(encoding="utf-8")
    block = text.index("kompetensi.jp_minimum_pns:")
    at = text.index(FIRST_VALUE, block) + len(FIRST_VALUE)
    assert text.index("\n\n", block) + 1 == at, "the first value is not the last of its block"
    path.write_text(text[:at] + SECOND_VALUE + text[at:], encoding="utf-8")
    return policy


def test_point_in_time_each_year_gets_the_value_in_force(tmp_path: Path) -> None:
    policy = _policy_with_24_jp_from_2026(tmp_path)
    d = Data(years=(2025, 2026))
    both = d.pegawai(jp=22)
    first = d.pegawai(jp={2025: 19, 2026: 24})
    report = d.check(
        tmp_path / "kiriman", as_of=dt.date(2027, 1, 15), policy_root=policy, rules_root=RULES
    )
    assert project(report, "KOMP-JP-MIN") == [
        ("KOMP-JP-MIN", 2, both, "2026", "24", "22"),
        ("KOMP-JP-MIN", 3, first, "2025", "20", "19"),
    ]
    since = {(f.nip, f.period): f.expected_since for f in of_rule(report, "KOMP-JP-MIN")}
    assert since == {(both, "2026"): "2026-01-01", (first, "2025"): "2017-04-07"}
    message = of_rule(report, "KOMP-JP-MIN", both)[0].message
    assert (
        "pada tahun 2026 tercatat mengikuti 22 JP pengembangan kompetensi, sedangkan setiap PNS "
        "wajib mengikuti pengembangan kompetensi paling sedikit 24 (dua puluh empat) JP" in message
    )


def test_point_in_time_default_policy_has_one_value(tmp_path: Path) -> None:
    """The same data against the real policy: 22 JP is enough in both years."""
    d = Data(years=(2025, 2026))
    d.pegawai(jp=22)
    report = d.check(tmp_path / "kiriman", as_of=dt.date(2027, 1, 15))
    assert project(report, "KOMP-JP-MIN") == []


def _mixed(tmp_path: Path) -> Path:
    d = Data()
    d.pegawai(jp=12, nama="Ahmad")
    d.pegawai(skp=False, jenis_kelamin="P", nama="=cmd|' /C calc'!A0")
    nip = d.pegawai()
    d.pangkat(nip, "III/b", dt.date(2022, 4, 1))
    d.pangkat(nip, "III/c", dt.date(2025, 4, 1))
    return d.write(tmp_path / "kiriman")


def test_json_is_byte_identical_on_rerun(tmp_path: Path) -> None:
    folder = _mixed(tmp_path)
    first = to_json(
        check([folder], as_of=dt.date(2026, 1, 15), policy_root=POLICY, rules_root=RULES)
    )
    second = to_json(
        check([folder], as_of=dt.date(2026, 1, 15), policy_root=POLICY, rules_root=RULES)
    )
    assert first == second
    for rule in ("KOMP-JP-MIN", "KIN-SKP-TAHUNAN", "DATA-NIP-JK", "KAR-KP-MASA", "KAR-KP-PREDIKAT"):
        assert f'"{rule}"' in first


@pytest.fixture(scope="module")
def compliant(tmp_path_factory: pytest.TempPathFactory) -> Report:
    d = Data()
    d.pegawai()
    d.pegawai(
        status_kepegawaian="CPNS",
        tmt_cpns=dt.date(2024, 12, 1),
        golongan="III/a",
        tanggal_lahir=dt.date(1999, 9, 9),
        jenis_kelamin="P",
    )
    pppk = d.pegawai(
        status_kepegawaian="PPPK",
        golongan="IX",
        jenis_jabatan="Fungsional Ahli Pertama",
        tmt_cpns=dt.date(2022, 3, 1),
        tanggal_lahir=dt.date(1995, 1, 1),
        jp=24,
    )
    # the contract year ending in 2025 runs from 1 March 2024 to 28 February 2025
    d.pelatihan(pppk, 8, dt.date(2024, 9, 10))
    d.unit("Puskesmas", pelayanan_publik=True)
    served = d.pegawai(unit_kerja="Puskesmas", jenis_jabatan="Fungsional Ahli Muda")
    d.pangkat(served, "III/a", dt.date(2010, 1, 1), "pengangkatan")
    d.pangkat(served, "III/b", dt.date(2014, 4, 1))
    d.pangkat(served, "III/c", dt.date(2018, 4, 1))
    d.penghargaan(served, "Satyalancana Karya Satya X", dt.date(2020, 8, 17))
    promoted = d.pegawai(golongan="III/d", tanggal_lahir=dt.date(1980, 1, 5))
    d.pangkat(promoted, "III/c", dt.date(2021, 4, 1))
    d.pangkat(promoted, "III/d", dt.date(2025, 4, 1))
    d.penilaian(promoted, 2023)
    d.penilaian(promoted, 2024, predikat="Sangat Baik")
    d.hukdis(promoted, "ringan", dt.date(2025, 2, 1), None)
    return d.check(tmp_path_factory.mktemp("patuh") / "kiriman")


def test_compliant_data_has_no_finding(compliant: Report) -> None:
    assert [(f.rule, f.nip, f.message) for f in compliant.findings] == []


def test_every_required_rule_is_loaded(compliant: Report) -> None:
    assert set(compliant.rules) >= REQUIRED_RULES
