"""The sample generator: deterministic, consistent, and its answer key matches intake exactly."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from checker.data.faults import INTAKE_FAULTS
from checker.data.ingest import ingest
from checker.data.sample import RULE_FAULTS, generate_sample
from checker.errors import UsageError


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _key(folder: Path, kind: str = "breach") -> list[dict[str, str]]:
    with (folder / "kunci_jawaban.csv").open(encoding="utf-8", newline="") as fh:
        return [k for k in csv.DictReader(fh) if k["kind"] == kind]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sampel")
    generate_sample(out, employees=2500, seed=11, fault_rate=0.08)
    return out


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate_sample(tmp_path / "a", employees=150, seed=5, fault_rate=0.1)
    generate_sample(tmp_path / "b", employees=150, seed=5, fault_rate=0.1)
    generate_sample(tmp_path / "c", employees=150, seed=6, fault_rate=0.1)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_intake_finds_exactly_the_planted_intake_faults(sample: Path) -> None:
    planted = sorted(
        (r["table"], int(r["row"]), r["rule"])
        for r in _key(sample)
        if r["rule"].startswith("SKEMA")
    )
    ds = ingest([sample])
    found = sorted((f.table or "", f.row or 0, f.rule) for f in ds.findings)
    assert found == planted
    assert {rule for _, _, rule in planted} == set(INTAKE_FAULTS)


def test_every_rule_fault_is_planted_and_recorded(sample: Path) -> None:
    key = _key(sample)
    assert {r["rule"] for r in key} >= set(RULE_FAULTS)
    per_year = {"KOMP-JP-MIN", "KOMP-JP-PPPK", "KIN-SKP-TAHUNAN"}
    assert all(r["period"] in ("2023", "2024", "2025") for r in key if r["rule"] in per_year)


def test_sample_is_consistent(sample: Path) -> None:
    ds = ingest([sample])
    con = ds.connection
    assert ds.count("pegawai") >= 2500
    # NIPs of clean employees carry the birth date, TMT CPNS month and sex digit.
    bad = con.execute(
        "SELECT count(*) FROM pegawai WHERE status_kepegawaian <> 'PPPK' "
        "AND regexp_full_match(nip, '[0-9]{18}') "
        "AND (substr(nip, 1, 8) <> strftime(tanggal_lahir, '%Y%m%d') "
        "OR substr(nip, 9, 6) <> strftime(tmt_cpns, '%Y%m') "
        "OR substr(nip, 15, 1) <> CASE jenis_kelamin WHEN 'L' THEN '1' ELSE '2' END)"
    ).fetchone()
    nip_rules = ("DATA-NIP-LAHIR", "DATA-NIP-TMT", "DATA-NIP-JK")
    planted = sum(1 for r in _key(sample) if r["rule"] in nip_rules)
    assert bad == (planted,)
    years = con.execute("SELECT DISTINCT tahun FROM penilaian_kinerja ORDER BY 1").fetchall()
    assert [y for (y,) in years] == [2019, 2020, 2021, 2022, 2023, 2024, 2025]
    # the province and its two voluntary partners (a kabupaten and a kota)
    instansi = con.execute("SELECT DISTINCT instansi FROM pegawai ORDER BY 1").fetchall()
    assert [i for (i,) in instansi] == [
        "Pemerintah Kabupaten Rejang Lebong",
        "Pemerintah Kota Bengkulu",
        "Pemerintah Provinsi Bengkulu",
    ]


def test_xlsx_sample_loads_clean(tmp_path: Path) -> None:
    result = generate_sample(tmp_path, employees=60, seed=2, fmt="xlsx", fault_rate=0)
    assert result.files["pegawai"].name == "sampel.xlsx"
    ds = ingest([tmp_path])
    assert ds.findings == []
    assert ds.count("pegawai") == 60


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"employees": 0}, "--employees"),
        ({"fault_rate": 2.0}, "--fault-rate"),
        ({"fmt": "ods"}, "csv, xlsx, atau siasn"),
        ({"fmt": "xlsx", "employees": 200_000}, "--format csv"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        generate_sample(tmp_path, **kwargs)  # type: ignore[arg-type]
