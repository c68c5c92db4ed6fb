"""Intake of SIASN files, mechanism by mechanism (issue 17): the NIP of a riwayat keyed by PNS ID,
JSON answers of the API, repeated columns that give way, values derived or given for a whole file,
and the columns SIASN has no place for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.data.dataset import Dataset
from checker.data.ingest import ingest
from checker.limits import Limits

NIP_A, NIP_B = "198503122010011001", "199001152015032002"
PEGAWAI = (
    "PNS ID,NIP BARU,NAMA,TANGGAL LAHIR,JENIS KELAMIN,STATUS CPNS PNS,GOL AKHIR NAMA,"
    "JENIS JABATAN NAMA,TMT CPNS,INSTANSI KERJA NAMA,UNOR NAMA\n"
    f"A1,{NIP_A},Budi,12-03-1985,M,P,III/c,Pelaksana,01-01-2010,Pemerintah Provinsi Bengkulu,BKD\n"
    f"B2,{NIP_B},Sari,15-01-1990,F,P,III/b,Pelaksana,01-03-2015,Pemerintah Provinsi Bengkulu,BKD\n"
)


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "kiriman"
    folder.mkdir()
    (folder / "data_pegawai.csv").write_text(PEGAWAI, encoding="utf-8")
    for name, text in files.items():
        path = folder / name
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, "utf-8")
    return folder


def _rows(ds: Dataset, sql: str) -> list[tuple[object, ...]]:
    return ds.connection.execute(sql).fetchall()


def test_a_riwayat_keyed_by_pns_id_takes_the_employees_nip(tmp_path: Path) -> None:
    skp22 = (
        "id,pnsDinilaiId,tahun,hasilKinerja,perilakuKerja,kuadranKinerja\n"
        "s1,A1,2025,SESUAI EKSPEKTASI,SESUAI EKSPEKTASI,BAIK\n"
        "s2,B2,2025,DIATAS EKSPEKTASI,DIATAS EKSPEKTASI,SANGAT BAIK\n"
        "s3,ZZ,2025,SESUAI EKSPEKTASI,SESUAI EKSPEKTASI,BAIK\n"
    )
    with ingest([_folder(tmp_path, {"rw-skp22.csv": skp22})]) as ds:
        rows = _rows(ds, "SELECT _row, nip, periode, predikat FROM penilaian_kinerja ORDER BY _row")
        findings = ds.findings
    assert rows == [
        (2, NIP_A, "tahunan", "Baik"),
        (3, NIP_B, "tahunan", "Sangat Baik"),
        (4, None, "tahunan", "Baik"),
    ]
    (orphan,) = [f for f in findings if f.rule == "SKEMA-RUJUKAN"]
    assert (orphan.row, orphan.column, orphan.actual) == (4, "pns_id", "ZZ")
    assert "PNS ID-nya tidak ada di tabel pegawai" in orphan.message
    # no NIP column, and the NIP of each row is not missing: it comes through the PNS ID
    assert not [
        f for f in findings if f.rule in ("SKEMA-KOLOM", "SKEMA-WAJIB") and f.severity != "info"
    ]


def test_a_bad_cell_of_a_pns_id_row_names_the_employee(tmp_path: Path) -> None:
    skp22 = "pnsDinilaiId,tahun,hasilKinerja,perilakuKerja,kuadranKinerja\nB2,dua ribu,,,BAIK\n"
    with ingest([_folder(tmp_path, {"rw-skp22.csv": skp22})]) as ds:
        (bad,) = [f for f in ds.findings if f.rule == "SKEMA-TIPE"]
    assert (bad.nip, bad.column, bad.row) == (NIP_B, "tahun", 2)


@pytest.mark.parametrize("missing", [False, True])
def test_the_pns_id_join_is_made_only_when_a_row_needs_it(tmp_path: Path, missing: bool) -> None:
    """A file with both NIP and PNS ID on every row is served as a view (no join, no copy);
    one row with only a PNS ID makes assembly look its NIP up, and only then."""
    nip = "" if missing else NIP_B
    skp = (
        "nip,pnsDinilaiId,tahun,hasilKinerja,perilakuKerja,kuadranKinerja\n"
        f"{NIP_A},A1,2025,SESUAI EKSPEKTASI,SESUAI EKSPEKTASI,BAIK\n"
        f"{nip},B2,2025,DIATAS EKSPEKTASI,DIATAS EKSPEKTASI,SANGAT BAIK\n"
    )
    with ingest([_folder(tmp_path, {"rw-skp22.csv": skp})]) as ds:
        rows = _rows(ds, "SELECT _row, nip FROM penilaian_kinerja ORDER BY _row")
        views = {v for (v,) in _rows(ds, "SELECT view_name FROM duckdb_views()")}
    assert rows == [(2, NIP_A), (3, NIP_B)]
    assert ("penilaian_kinerja" in views) is not missing


def test_without_nip_and_pns_id_the_nip_is_missing(tmp_path: Path) -> None:
    kursus = "namaKursus,jumlahJam,tanggalKursus\nPelatihan A,10,01-02-2025\n"
    with ingest([_folder(tmp_path, {"kursus.csv": kursus})]) as ds:
        missing = [f for f in ds.findings if f.rule == "SKEMA-KOLOM" and f.severity == "error"]
    assert sorted(f.column or "" for f in missing) == ["jenis", "nip"]


def test_api_json_list_and_data_wrapper(tmp_path: Path) -> None:
    wrapped = {
        "code": 1,
        "data": [
            {"id": "k1", "idPns": "A1", "nipBaru": None, "namaKursus": "Kursus A", "jumlahJam": 12,
             "tanggalKursus": "03-02-2025", "tanggalSelesaiKursus": "05-02-2025",
             "path": [{"dok_id": "1", "dok_uri": "x"}]},
            {"id": "k2", "idPns": "B2", "namaKursus": "Kursus B", "jumlahJam": 7.5,
             "tanggalKursus": "2025-03-01T00:00:00Z", "path": {}},
        ],
    }  # fmt: skip
    bare = [{"id": "d1", "idPns": "A1", "latihanStrukturalNama": "PKP", "jumlahJam": 40,
             "tanggal": "01-06-2025", "tanggalSelesai": "30-06-2025"}]  # fmt: skip
    files = {"kursus.json": json.dumps(wrapped), "unduhan": json.dumps(bare)}
    with ingest([_folder(tmp_path, files)]) as ds:
        rows = _rows(ds, "SELECT _file, _row, nip, jp, tanggal_mulai FROM pelatihan ORDER BY 1, 2")
        findings, gaps = ds.findings, ds.gaps
        inputs = {Path(i.path).name: (i.table, i.rows) for i in ds.inputs}
    assert [(Path(f).name, r, n, jp, str(d)) for f, r, n, jp, d in rows] == [
        ("kursus.json", 1, NIP_A, 12.0, "2025-02-03"),
        ("kursus.json", 2, NIP_B, 7.5, "2025-03-01"),
        ("unduhan", 1, NIP_A, 40.0, "2025-06-01"),
    ]
    assert inputs["kursus.json"] == ("pelatihan", 2) and inputs["unduhan"] == ("pelatihan", 1)
    # path (documents) is nested: left out, not reported; the header of JSON has no line
    assert not [f for f in findings if f.column == "path"]
    gaps = {Path(g.file).name: (g.row, g.columns) for g in gaps}
    assert gaps == {"kursus.json": (None, ("jenis",)), "unduhan": (None, ("jenis",))}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"code": 1, "data": [{"idPns": "A1",', "penulisannya rusak pada baris 1"),
        (b'{"code": 0, "message": "token kedaluwarsa"}', "tidak berisi daftar data"),
        (b"[1, 2, 3]", "tidak berisi daftar data"),
        (b'[{"a": "\xff\xfe"}]', "bukan CSV atau Excel"),
    ],
)
def test_a_json_that_is_no_table_is_one_finding(tmp_path: Path, content: bytes, words: str) -> None:
    with ingest([_folder(tmp_path, {"rw-skp22.json": content})]) as ds:
        (problem,) = [f for f in ds.findings if f.rule == "SKEMA-BERKAS"]
    assert words in problem.message
    assert problem.file and problem.file.endswith("rw-skp22.json")


def test_a_json_over_its_budget_is_not_parsed(tmp_path: Path) -> None:
    records = [{"idPns": "A1", "namaKursus": f"K{i}", "jumlahJam": 2} for i in range(2000)]
    folder = _folder(tmp_path, {"kursus.json": json.dumps(records)})
    with ingest([folder], limits=Limits.service().but(json_bytes=10_000)) as ds:
        (problem,) = [f for f in ds.findings if f.rule == "SKEMA-BERKAS"]
        assert ds.count("pelatihan") == 0
    assert "melebihi batas" in problem.message and "sebagai CSV" in problem.message


def test_repeated_columns_give_way(tmp_path: Path) -> None:
    """rw-skp's nilaiSkp is only the SKP part: nilaiPrestasiKerja is the score; a database
    copy of a column (tanggalKursus_) is not a second column; hukdis' jenisHukuman is a code."""
    skp = "id,pns,tahun,nilaiSkp,nilaiPrestasiKerja\nx,A1,2020,95,85.5\n"
    kursus = (
        "idPns,namaKursus,jumlahJam,tanggalKursus,tanggalKursus_\nA1,K,4,03-02-2025,2025-02-03\n"
    )
    hukdis = (
        "pnsOrang,jenisHukuman,jenisHukumanNama,hukumanTanggal,masaTahun,masaBulan\n"
        "B2,05,Pemotongan Tunjangan Kinerja sebesar 25% selama 6 bulan,01-03-2025,0,6\n"
    )
    files = {"rw-skp.csv": skp, "rw-kursus.csv": kursus, "rw-hukdis.csv": hukdis}
    with ingest([_folder(tmp_path, files)]) as ds:
        assert _rows(ds, "SELECT nilai_skp, predikat FROM penilaian_kinerja") == [(85.5, "Baik")]
        assert _rows(ds, "SELECT jenis, tingkat FROM hukuman_disiplin") == [
            ("Pemotongan Tunjangan Kinerja sebesar 25% selama 6 bulan", "sedang")
        ]
        assert not [f for f in ds.findings if f.rule == "SKEMA-KOLOM" and f.severity != "info"]
        assert not [f for f in ds.findings if f.column in ("nilaiSkp", "tanggalKursus_")]


@pytest.mark.parametrize(
    ("level", "name", "tingkat"),
    [
        ("R", "Teguran Lisan", "ringan"),
        ("", "Teguran tertulis", "ringan"),
        ("", "Pernyataan Tidak Puas Secara Tertulis", "ringan"),
        ("", "Penurunan Jabatan Setingkat Lebih Rendah Selama 12 Bulan", "berat"),
        ("", "Pembebasan dari Jabatannya menjadi Jabatan Pelaksana selama 12 bulan", "berat"),
        ("", "Pemberhentian dengan Hormat Tidak Atas Permintaan Sendiri sebagai PNS", "berat"),
        ("B", "Penundaan Kenaikan Pangkat selama 1 tahun", "berat"),  # the level written wins
    ],
)
def test_penalty_level_from_its_id_or_its_pp_94_type(
    tmp_path: Path, level: str, name: str, tingkat: str
) -> None:
    hukdis = f"pnsOrang,jenisHukumanNama,hukumanTanggal,jenisTingkatHukumanId\nA1,{name},01-03-2025,{level}\n"
    with ingest([_folder(tmp_path, {"rw-hukdis.csv": hukdis})]) as ds:
        assert _rows(ds, "SELECT tingkat FROM hukuman_disiplin") == [(tingkat,)]
        assert not [f for f in ds.findings if f.rule == "SKEMA-WAJIB"]


def test_a_pp_53_type_without_level_asks_for_the_level(tmp_path: Path) -> None:
    hukdis = "pnsOrang,jenisHukumanNama,hukumanTanggal\nA1,Penundaan Kenaikan Gaji Berkala selama 1 tahun,01-03-2024\n"
    with ingest([_folder(tmp_path, {"rw-hukdis.csv": hukdis})]) as ds:
        (problem,) = [f for f in ds.findings if f.rule == "SKEMA-WAJIB"]
    assert (problem.column, problem.nip, problem.row) == ("tingkat", NIP_A, 2)
    assert "Penundaan Kenaikan Gaji Berkala" in problem.message
    assert "ringan, sedang, berat" in problem.message


def test_our_own_files_still_need_what_siasn_lacks(tmp_path: Path) -> None:
    """Not SIASN-shaped (no PNS ID): a training file without jenis is an error as before."""
    pelatihan = f"nip,nama_pelatihan,tanggal_mulai,jp\n{NIP_A},Pelatihan A,01-02-2025,10\n"
    with ingest([_folder(tmp_path, {"pelatihan.csv": pelatihan})]) as ds:
        missing = [f for f in ds.findings if f.rule == "SKEMA-KOLOM" and f.severity == "error"]
        assert [f.column for f in missing] == ["jenis"]
        assert ds.gaps == []
