"""Each malformed agency file gives exactly the findings (rule, file, row, column) it should."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.data.ingest import ingest
from checker.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Projection = list[tuple[str, str | None, int | None, str | None]]

EXPECTED: dict[str, Projection] = {
    "kosong": [("SKEMA-BERKAS", "pegawai.csv", None, None)],
    "biner": [("SKEMA-BERKAS", "pegawai.csv", None, None)],
    "pegawai_rusak.xlsx": [("SKEMA-BERKAS", "pegawai_rusak.xlsx", None, None)],
    "pegawai_tanpa_judul.csv": [("SKEMA-BERKAS", "pegawai_tanpa_judul.csv", None, None)],
    "export_siasn_20260101.csv": [],
    "pegawai_apostrof.csv": [],
    "pegawai_baris_gabung.csv": [("SKEMA-BARIS", "pegawai_baris_gabung.csv", 2, None)],
    "pegawai_baris_kosong.csv": [],
    "pegawai_baris_pendek.csv": [("SKEMA-BARIS", "pegawai_baris_pendek.csv", 3, None)],
    "pegawai_bom.csv": [],
    "pegawai_cp1252.csv": [],
    "pegawai_enum.csv": [
        ("SKEMA-ENUM", "pegawai_enum.csv", 2, "jenis_kelamin"),
        ("SKEMA-ENUM", "pegawai_enum.csv", 3, "golongan"),
    ],
    "pegawai_format_tanggal.csv": [],
    "pegawai_ganda.csv": [("SKEMA-UNIK", "pegawai_ganda.csv", 4, "nip")],
    "pegawai_judul_laporan.csv": [("SKEMA-BARIS", "pegawai_judul_laporan.csv", 1, None)],
    "pegawai_kolom_asing.csv": [("SKEMA-KOLOM", "pegawai_kolom_asing.csv", 1, "hobi")],
    "pegawai_kolom_berlebih.csv": [("SKEMA-BARIS", "pegawai_kolom_berlebih.csv", 2, None)],
    "pegawai_kutip_terbuka.csv": [("SKEMA-BARIS", "pegawai_kutip_terbuka.csv", 3, None)],
    "pegawai_nip_excel.csv": [
        ("SKEMA-NIP-RUSAK", "pegawai_nip_excel.csv", 2, "nip"),
        ("SKEMA-NIP-RUSAK", "pegawai_nip_excel.csv", 3, "nip"),
    ],
    "pegawai_tanggal_mustahil.csv": [
        ("SKEMA-TIPE", "pegawai_tanggal_mustahil.csv", 3, "tanggal_lahir")
    ],
    "pegawai_tanpa_nip.csv": [("SKEMA-KOLOM", "pegawai_tanpa_nip.csv", 1, "nip")],
    "pegawai_titikkoma.csv": [],
    "pegawai_utf16.txt": [],
    "pegawai_wajib_kosong.csv": [("SKEMA-WAJIB", "pegawai_wajib_kosong.csv", 2, "nama")],
    "pelatihan_teks_angka.csv": [
        ("SKEMA-RUJUKAN", None, None, "nip"),
        ("SKEMA-TIPE", "pelatihan_teks_angka.csv", 3, "jp"),
    ],
    "rujukan": [("SKEMA-RUJUKAN", "pelatihan.csv", 3, "nip")],
}

UNUSABLE = {
    "data_lain.csv": "Tabel dalam berkas ini tidak dikenali.",
    "catatan.pdf": "Jenis berkas ini tidak didukung.",
}


def _project(path: Path) -> Projection:
    ds = ingest([path])
    return [(f.rule, Path(f.file).name if f.file else None, f.row, f.column) for f in ds.findings]


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in FIXTURES.iterdir()}
    assert on_disk == set(EXPECTED) | set(UNUSABLE)
    assert len(on_disk) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings(name: str) -> None:
    assert _project(FIXTURES / name) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(UNUSABLE))
def test_unusable_input_raises_one_clear_message(name: str) -> None:
    with pytest.raises(InputError) as info:
        ingest([FIXTURES / name])
    assert info.value.exit_code == 2
    assert UNUSABLE[name] in info.value.format()
    assert info.value.format().startswith(str(FIXTURES / name))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("kosong", "Berkas ini kosong."),
        ("biner", "bukan CSV atau Excel yang dapat dibaca"),
        ("pegawai_rusak.xlsx", "Berkas Excel ini tidak dapat dibuka (isinya rusak)."),
        ("pegawai_tanpa_judul.csv", "Baris judul kolom tidak ditemukan."),
    ],
)
def test_unreadable_file_of_a_known_table_is_a_finding(name: str, text: str) -> None:
    ds = ingest([FIXTURES / name])
    assert [f.table for f in ds.findings] == ["pegawai"]
    assert text in ds.findings[0].message
    assert ds.count("pegawai") == 0 and ds.inputs == []


def test_missing_path_and_no_path() -> None:
    with pytest.raises(InputError, match="tidak ada"):
        ingest([FIXTURES / "tidak-ada.csv"])
    with pytest.raises(InputError, match="Tidak ada berkas"):
        ingest([])


def test_encodings_keep_the_text() -> None:
    names = ingest([FIXTURES / "pegawai_cp1252.csv"]).rows("pegawai", "nama")
    assert names[0] == ("Budi “Bédi” Saputra",)
    rows = ingest([FIXTURES / "pegawai_utf16.txt"]).rows("pegawai", "_row, nama")
    assert rows == [(2, "Bédi Saputra"), (3, "Siti Rahayu")]


def test_row_numbers_are_what_the_agency_sees() -> None:
    blank = ingest([FIXTURES / "pegawai_baris_kosong.csv"]).rows("pegawai", "_row, nip")
    assert blank == [(3, "198503122010011001"), (6, "199001012015032002")]
    merged = ingest([FIXTURES / "pegawai_baris_gabung.csv"]).rows("pegawai", "_row, nama")
    assert merged == [(2, "Budi\nSaputra"), (4, "Siti Rahayu"), (5, "Dewi Lestari")]
    short = ingest([FIXTURES / "pegawai_baris_pendek.csv"]).rows("pegawai", "_row")
    assert short == [(2,), (4,)]


def test_nip_cleanup_and_spellings() -> None:
    ds = ingest([FIXTURES / "pegawai_apostrof.csv"])
    assert ds.rows("pegawai", "nip") == [("198503122010011001",), ("199001012015032002",)]
    ds = ingest([FIXTURES / "pegawai_format_tanggal.csv"])
    assert ds.rows("pegawai", "tanggal_lahir, tmt_golongan, golongan") == [
        (dt.date(1985, 3, 12), dt.date(2018, 4, 1), "III/c"),
        (dt.date(1990, 1, 1), dt.date(2015, 3, 1), "III/a"),
    ]


def test_siasn_export_loads_as_pegawai_without_mapping() -> None:
    ds = ingest([FIXTURES / "export_siasn_20260101.csv"])
    assert [i.table for i in ds.inputs] == ["pegawai"]
    columns = "nip, jenis_kelamin, golongan, jenis_jabatan, pendidikan, kedudukan_hukum"
    assert ds.rows("pegawai", columns) == [
        ("198503122010011001", "L", "III/c", "Pelaksana", "S-1", "Aktif"),
        ("199001012015032002", "P", "III/a", "Fungsional Ahli Pertama", "Profesi", "Aktif"),
    ]
    assert not ds.findings  # SIASN's KEDUDUKAN HUKUM NAMA is a known value, not a yes/no


def test_messages_say_what_to_do() -> None:
    ds = ingest([FIXTURES / "pegawai_nip_excel.csv"])
    message = ds.findings[0].message
    assert "Teks" in message and "unggah kembali" in message
    assert ds.findings[0].actual == "1,98503E+17"
    assert all(f.clause is None for f in ds.findings)


def test_inputs_record_rows_and_hash() -> None:
    ds = ingest([FIXTURES / "rujukan"])
    assert [(Path(i.path).name, i.table, i.rows) for i in ds.inputs] == [
        ("pegawai.csv", "pegawai", 1),
        ("pelatihan.csv", "pelatihan", 2),
    ]
    assert all(len(i.sha256) == 64 for i in ds.inputs)
    assert ds.present == {"pegawai", "pelatihan"}
    assert ds.count("unit_kerja") == 0


def test_windows_1252_after_a_long_utf8_start(tmp_path: Path) -> None:
    header, first, second = (FIXTURES / "pegawai_bom.csv").read_text("utf-8-sig").splitlines()[:3]
    body = "\n".join([header, *[first] * 1500, "", second.replace("Siti", "Sité")]) + "\n"
    path = tmp_path / "pegawai.csv"
    path.write_bytes(body.encode("cp1252"))
    ds = ingest([path])
    assert [(f.rule, f.row) for f in ds.findings][:1] == [("SKEMA-UNIK", 3)]
    assert ds.rows("pegawai", "_row, nama")[-1] == (1503, "Sité Rahayu")
