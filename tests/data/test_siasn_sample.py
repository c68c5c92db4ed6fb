"""The same sample in our shapes and in SIASN's (``kebijakan sample --format siasn``) gives the
same findings, rule by rule and NIP by NIP, file and row aside — apart from what SIASN cannot
feed, which the SIASN files report once each."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from checker.checking import check
from checker.data.sample import generate_sample
from checker.data.siasn import PEGAWAI_HEADER, pns_id, to_siasn
from checker.report.report import Report

AS_OF = dt.date(2026, 6, 30)
YEARS = [2023, 2024, 2025]
# judged only on evaluations that record public feedback, which SIASN has no place for
SIASN_CANNOT_FEED = {"KIN-UMPAN-BALIK"}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report, Path]:
    own = tmp_path_factory.mktemp("sendiri")
    generate_sample(own, employees=700, seed=17, fault_rate=0.08, intake_faults=False)
    siasn = tmp_path_factory.mktemp("siasn")
    to_siasn(own, siasn)
    return (
        check([own], as_of=AS_OF, years=YEARS),
        check([siasn], as_of=AS_OF, years=YEARS),
        siasn,
    )


def _rule_findings(report: Report) -> Counter[tuple[str, str | None, str | None]]:
    return Counter(
        (f.rule, f.nip, f.period)
        for f in report.findings
        if not f.rule.startswith("SKEMA-") and f.rule not in SIASN_CANNOT_FEED and f.nip
    )


def test_same_findings_rule_by_rule_and_nip_by_nip(
    shapes: tuple[Report, Report, Path],
) -> None:
    own, siasn, _ = shapes
    mine, theirs = _rule_findings(own), _rule_findings(siasn)
    assert sum(mine.values()) > 40, "the sample must breach rules for the comparison to mean much"
    assert len({rule for rule, _, _ in mine}) >= 12
    missing, extra = mine - theirs, theirs - mine
    assert not missing and not extra, f"only in our shapes: {missing}; only in SIASN's: {extra}"


def test_dataset_level_findings_agree(shapes: tuple[Report, Report, Path]) -> None:
    own, siasn, _ = shapes
    level = {
        (f.rule, f.period) for f in own.findings if not f.nip and not f.rule.startswith("SKEMA")
    }
    assert level == {
        (f.rule, f.period) for f in siasn.findings if not f.nip and not f.rule.startswith("SKEMA")
    }


def test_siasn_files_are_read_without_intake_errors(shapes: tuple[Report, Report, Path]) -> None:
    _, siasn, folder = shapes
    errors = [f for f in siasn.findings if f.rule.startswith("SKEMA-") and f.severity != "info"]
    assert errors == [], [f"{f.rule} {f.file}:{f.row} {f.message}" for f in errors[:5]]
    read = {Path(i.path).name: i.table for i in siasn.inputs}
    assert read["data_pegawai_siasn.csv"] == "pegawai"
    assert read["rw-kursus.csv"] == read["rw-diklat.csv"] == "pelatihan"
    assert read["rw-skp22.csv"] == read["rw-skp.csv"] == "penilaian_kinerja"
    assert read["rw-golongan.csv"] == "riwayat_pangkat"
    assert read["rw-hukdis.csv"] == "hukuman_disiplin"
    assert read["rw-penghargaan.csv"] == "penghargaan"
    assert read["rw-cltn.csv"] == "riwayat_cltn"
    header = (folder / "data_pegawai_siasn.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == PEGAWAI_HEADER


def test_what_siasn_cannot_feed_is_said_once_per_file(
    shapes: tuple[Report, Report, Path],
) -> None:
    own, siasn, _ = shapes
    assert any(f.rule == "KIN-UMPAN-BALIK" for f in own.findings)
    assert not any(f.rule == "KIN-UMPAN-BALIK" for f in siasn.findings)
    notes = Counter(
        Path(f.file or "").name
        for f in siasn.findings
        if f.rule == "SKEMA-KOLOM" and "berasal dari SIASN" in f.message
    )
    assert notes == {"rw-skp22.csv": 1, "rw-skp.csv": 1, "rw-kursus.csv": 1, "rw-diklat.csv": 1}
    feedback = [f for f in siasn.findings if f.file and f.file.endswith("rw-skp22.csv")
                and "berasal dari SIASN" in f.message]  # fmt: skip
    assert "KIN-UMPAN-BALIK" in feedback[0].message


def test_riwayat_keyed_by_pns_id_carry_no_nip(shapes: tuple[Report, Report, Path]) -> None:
    """The comparison is only worth something if the NIP really comes through the PNS ID."""
    _, siasn, folder = shapes
    for name, key in (("rw-skp22.csv", "pnsDinilaiId"), ("rw-hukdis.csv", "pnsOrang"),
                      ("rw-penghargaan.csv", "pnsOrangId"), ("rw-cltn.csv", "pnsOrangId")):  # fmt: skip
        header = (folder / name).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert key in header and not {"nip", "nipBaru", "NIP BARU"} & set(header), name
    on_skp22 = [f for f in siasn.findings if f.file and f.file.endswith("rw-skp22.csv") and f.nip]
    assert on_skp22, "some rule finding points at an rw-skp22 row"
    assert all(len(f.nip or "") >= 18 for f in on_skp22)


def test_pns_id_is_stable_and_siasn_like() -> None:
    assert pns_id("198503122010011001") == pns_id("'19850312 201001 1 001")
    assert len(pns_id("198503122010011001")) == 32
    assert pns_id("198503122010011001").isupper()


def test_format_siasn_is_reproducible(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate_sample(tmp_path / name, employees=60, seed=3, fmt="siasn")
    first = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert "rw-skp22.csv" in first and "kunci_jawaban.csv" in first
    for file in first:
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes(), file
