"""The sample generator: deterministic, consistent, and its answer key matches intake exactly."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.data.dataset import Dataset
from checker.data.faults import INTAKE_FAULTS
from checker.data.ingest import ingest
from checker.data.sample import RULE_FAULTS, generate_sample
from checker.errors import UsageError


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _key(folder: Path) -> list[dict[str, str]]:
    with (folder / "kunci_jawaban.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


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
    assert [y for (y,) in years] == [2021, 2022, 2023, 2024, 2025]
    instansi = con.execute("SELECT count(DISTINCT instansi) FROM pegawai").fetchone()
    assert instansi == (11,)


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
        ({"fmt": "ods"}, "csv atau xlsx"),
        ({"fmt": "xlsx", "employees": 200_000}, "--format csv"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        generate_sample(tmp_path, **kwargs)  # type: ignore[arg-type]


# Each rule of the next issue written as plain SQL over the ingested sample: the rows that break
# it must be exactly the rows the answer key lists (clean records break nothing).
AS_OF = "DATE '2026-06-30'"
BREACHES = {
    "KOMP-JP-MIN": """
        SELECT p._row, y FROM pegawai p, range(2023, 2026) t(y)
        WHERE p.status_kepegawaian <> 'PPPK' AND p.tmt_cpns <= make_date(y, 1, 1)
          AND coalesce((SELECT sum(jp) FROM pelatihan l
                        WHERE l.nip = p.nip AND year(l.tanggal_mulai) = y), 0) < 20""",
    # per year of the work contract (PP 49/2018 Pasal 40), in the year the contract year ends
    "KOMP-JP-PPPK": """
        SELECT p._row, y FROM pegawai p, range(2023, 2026) t(y), range(0, 10) c(k)
        WHERE p.status_kepegawaian = 'PPPK'
          AND year(p.tmt_cpns + (k + 1) * INTERVAL 1 YEAR - INTERVAL 1 DAY) = y
          AND (SELECT sum(jp) FROM pelatihan l
               WHERE l.nip = p.nip AND l.tanggal_selesai BETWEEN p.tmt_cpns + k * INTERVAL 1 YEAR
                     AND p.tmt_cpns + (k + 1) * INTERVAL 1 YEAR - INTERVAL 1 DAY) > 24""",
    "KIN-SKP-TAHUNAN": """
        SELECT p._row, y FROM pegawai p, range(2023, 2026) t(y)
        WHERE p.tmt_cpns <= make_date(y, 1, 1) AND NOT EXISTS (SELECT 1 FROM penilaian_kinerja k
              WHERE k.nip = p.nip AND k.tahun = y AND k.periode = 'tahunan')""",
    "KIN-PREDIKAT": """
        SELECT _row, NULL FROM penilaian_kinerja WHERE periode = 'tahunan' AND predikat <>
          CASE WHEN hasil_kerja = 'Di Bawah Ekspektasi' AND perilaku_kerja = 'Di Bawah Ekspektasi'
               THEN 'Sangat Kurang' WHEN perilaku_kerja = 'Di Bawah Ekspektasi'
               THEN 'Kurang/Misconduct' WHEN hasil_kerja = 'Di Bawah Ekspektasi'
               THEN 'Butuh Perbaikan' WHEN hasil_kerja = 'Di Atas Ekspektasi'
               AND perilaku_kerja = 'Di Atas Ekspektasi' THEN 'Sangat Baik' ELSE 'Baik' END""",
    "KIN-UMPAN-BALIK": """
        SELECT DISTINCT k._row, NULL FROM penilaian_kinerja k JOIN pegawai p USING (nip)
        JOIN unit_kerja u ON u.instansi = p.instansi AND u.nama = p.unit_kerja
        WHERE u.pelayanan_publik AND k.periode = 'tahunan' AND k.tahun BETWEEN 2023 AND 2025
          AND NOT coalesce(k.umpan_balik_masyarakat, false)""",
    "KAR-KP-MASA": """
        SELECT _row, NULL FROM (SELECT *, lag(tmt) OVER (PARTITION BY nip ORDER BY tmt) AS prev
                                FROM riwayat_pangkat)
        WHERE jenis_kp = 'reguler' AND tmt < prev + INTERVAL 4 YEAR""",
    "KAR-KP-PLAFON": """
        SELECT DISTINCT r._row, NULL FROM riwayat_pangkat r JOIN pegawai p USING (nip)
        WHERE r.jenis_kp = 'reguler' AND list_position(['I/a','I/b','I/c','I/d','II/a','II/b',
          'II/c','II/d','III/a','III/b','III/c','III/d','IV/a','IV/b','IV/c','IV/d','IV/e'],
          r.golongan) > list_position(['I/a','I/b','I/c','I/d','II/a','II/b','II/c','II/d',
          'III/a','III/b','III/c','III/d','IV/a','IV/b','IV/c','IV/d','IV/e'],
          CASE p.pendidikan WHEN 'SD' THEN 'II/a' WHEN 'SLTP' THEN 'II/c' WHEN 'SLTA' THEN 'III/b'
          WHEN 'D-III' THEN 'III/c' WHEN 'S-1' THEN 'III/d' WHEN 'D-IV' THEN 'III/d'
          WHEN 'S-2' THEN 'IV/a' WHEN 'S-3' THEN 'IV/b' END)""",
    "KAR-KP-PREDIKAT": """
        SELECT DISTINCT r._row, NULL FROM riwayat_pangkat r JOIN penilaian_kinerja k
          ON k.nip = r.nip AND k.periode = 'tahunan' AND k.tahun IN (year(r.tmt) - 1, year(r.tmt) - 2)
        WHERE r.jenis_kp = 'reguler' AND k.predikat NOT IN ('Baik', 'Sangat Baik')""",
    "KAR-KP-HUKDIS": """
        SELECT DISTINCT r._row, NULL FROM riwayat_pangkat r JOIN hukuman_disiplin h USING (nip)
        WHERE r.jenis_kp <> 'pengangkatan' AND h.tingkat IN ('sedang', 'berat')
          AND r.tmt BETWEEN h.tmt_mulai AND h.tmt_selesai""",
    "KAR-BUP": f"""
        SELECT _row, NULL FROM pegawai WHERE coalesce(aktif, true) AND {AS_OF} >=
          date_trunc('month', tanggal_lahir + to_years(CASE WHEN jenis_jabatan IN ('JPT Utama',
          'JPT Madya', 'JPT Pratama', 'Fungsional Ahli Madya') THEN 60 WHEN jenis_jabatan =
          'Fungsional Ahli Utama' THEN 65 ELSE 58 END)) + INTERVAL 1 MONTH""",
    "KAR-SATYALANCANA": """
        SELECT DISTINCT a._row, NULL FROM penghargaan a JOIN pegawai p USING (nip)
        WHERE a.tanggal < p.tmt_cpns + to_years(CASE a.jenis
          WHEN 'Satyalancana Karya Satya X' THEN 10 WHEN 'Satyalancana Karya Satya XX' THEN 20
          WHEN 'Satyalancana Karya Satya XXX' THEN 30 END)
          OR EXISTS (SELECT 1 FROM hukuman_disiplin h WHERE h.nip = a.nip
                     AND h.tingkat IN ('sedang', 'berat') AND h.tmt_mulai <= a.tanggal)""",
    "DATA-TANGGAL": "SELECT _row, NULL FROM pelatihan WHERE tanggal_selesai < tanggal_mulai",
    "DATA-NIP-FORMAT": """
        SELECT _row, NULL FROM pegawai WHERE NOT regexp_full_match(nip, '[0-9]{18}')""",
    "DATA-NIP-LAHIR": """
        SELECT _row, NULL FROM pegawai WHERE regexp_full_match(nip, '[0-9]{18}')
          AND substr(nip, 1, 8) <> strftime(tanggal_lahir, '%Y%m%d')""",
    "DATA-NIP-TMT": """
        SELECT _row, NULL FROM pegawai WHERE regexp_full_match(nip, '[0-9]{18}')
          AND status_kepegawaian <> 'PPPK' AND substr(nip, 9, 6) <> strftime(tmt_cpns, '%Y%m')""",
    "DATA-NIP-JK": """
        SELECT _row, NULL FROM pegawai WHERE regexp_full_match(nip, '[0-9]{18}')
          AND substr(nip, 15, 1) <> CASE jenis_kelamin WHEN 'L' THEN '1' ELSE '2' END""",
    "DATA-NIP-GANDA": """
        SELECT _row, NULL FROM (SELECT _row, row_number() OVER (PARTITION BY nip ORDER BY _row) n
                                FROM pegawai) WHERE n > 1""",
    "DATA-PANGKAT-RIWAYAT": """
        SELECT p._row, NULL FROM pegawai p JOIN (SELECT nip, arg_max(golongan, tmt) AS last
                                                 FROM riwayat_pangkat GROUP BY nip) r USING (nip)
        WHERE p.golongan <> r.last""",
}


@pytest.fixture(scope="module")
def ingested(sample: Path) -> Iterator[Dataset]:
    with ingest([sample]) as ds:
        yield ds


@pytest.mark.parametrize("rule", sorted(BREACHES))
def test_clean_records_break_no_rule(sample: Path, ingested: Dataset, rule: str) -> None:
    planted = {
        (int(r["row"]), int(r["period"]) if r["period"] else None)
        for r in _key(sample)
        if r["rule"] == rule
    }
    found = set(ingested.connection.execute(BREACHES[rule]).fetchall())
    assert planted, rule
    assert found == planted
