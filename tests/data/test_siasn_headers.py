"""SIASN's field names as its API and the tools around it write them (kanekescom/laravel-siasn-
simpeg migrations, issue 17): camelCase word boundaries are kept, so every published field that
one of our columns holds is read into that column.

The header words; tables keyed by PNS ID, JSON, SIASN's values and what SIASN has no place for
are in test_siasn_intake.py, whole exports in test_siasn_fixtures.py and test_siasn_sample.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.data.ingest import ingest
from checker.data.schema import header_key, load_schema

# (table, SIASN field, our column), from the published field lists
FIELDS = [
    ("riwayat_pangkat", "nipBaru", "nip"),
    ("riwayat_pangkat", "golongan", "golongan"),
    ("riwayat_pangkat", "tmtGolongan", "tmt"),
    ("riwayat_pangkat", "jenisKPNama", "jenis_kp"),
    ("pelatihan", "nipBaru", "nip"),
    ("pelatihan", "namaKursus", "nama_pelatihan"),
    ("pelatihan", "jumlahJam", "jp"),
    ("pelatihan", "tanggalKursus", "tanggal_mulai"),
    ("pelatihan", "tanggalSelesaiKursus", "tanggal_selesai"),
    ("pelatihan", "latihanStrukturalNama", "nama_pelatihan"),
    ("pelatihan", "tanggalSelesai", "tanggal_selesai"),
    ("penilaian_kinerja", "tahun", "tahun"),
    ("penilaian_kinerja", "hasilKinerja", "hasil_kerja"),
    ("penilaian_kinerja", "perilakuKerja", "perilaku_kerja"),
    ("penilaian_kinerja", "kuadranKinerja", "predikat"),
    ("hukuman_disiplin", "jenisHukumanNama", "jenis"),
    ("hukuman_disiplin", "hukumanTanggal", "tmt_mulai"),
    ("hukuman_disiplin", "akhirHukumTanggal", "tmt_selesai"),
    ("hukuman_disiplin", "masaTahun", "masa_tahun"),
    ("hukuman_disiplin", "masaBulan", "masa_bulan"),
    ("penghargaan", "hargaNama", "jenis"),
    ("penghargaan", "skDate", "tanggal"),
]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("jenisKPNama", "jenis_kp_nama"),
        ("nipBaru", "nip_baru"),
        ("NIP BARU", "nip_baru"),
        ("PNS ID", "pns_id"),
        ("idPns", "id_pns"),
        ("tanggalSelesaiKursus", "tanggal_selesai_kursus"),
        ("pnsDinilaiId", "pns_dinilai_id"),
        ("rwSkp22", "rw_skp22"),
    ],
)
def test_camel_case_keeps_its_word_boundaries(text: str, key: str) -> None:
    assert header_key(text) == key


@pytest.mark.parametrize(("table", "field", "column"), FIELDS)
def test_siasn_field_is_read_into_its_column(table: str, field: str, column: str) -> None:
    assert load_schema()[table].header_map.get(header_key(field)) == column


RW_GOLONGAN = (
    "golongan,golonganId,id,idPns,jenisKPId,jenisKPNama,jumlahKreditTambahan,jumlahKreditUtama,"
    "masaKerjaGolonganBulan,masaKerjaGolonganTahun,nipBaru,nipLama,noPertekBkn,pangkat,path,"
    "skNomor,skTanggal,tglPertekBkn,tmtGolongan\n"
    "III/a,31,8ae4831,A8ACA7CD,211,Gol. dari Pengadaan CPNS/PNS,0,0,0,0,198602162008031001,,,"
    "Penata Muda,,800/12/2008,01-02-2008,,2008-03-01T00:00:00Z\n"
    "III/c,33,8ae4833,A8ACA7CD,201,Pilihan (Jabatan Struktural),0,0,1,8,198602162008031001,,"
    "MG-1,Penata,,224 TAHUN 2016,31-03-2016,31-03-2016,2016-04-01T00:00:00Z\n"
    "III/d,34,8ae4834,A8ACA7CD,202,Pilihan (Jabatan Fungsional Tertentu),0,0,1,12,"
    "198602162008031001,,MG-2,Penata Tingkat I,,224 TAHUN 2022,31-03-2022,31-03-2022,"
    "2022-04-01T00:00:00Z\n"
    "IV/a,41,8ae4835,A8ACA7CD,208,Pilihan (Prestasi Luar Biasa),0,0,1,14,198602162008031001,,"
    "MG-3,Pembina,,9 TAHUN 2024,01-03-2024,01-03-2024,2024-04-01T00:00:00Z\n"
)


def test_an_api_rank_history_reads_as_it_comes(tmp_path: Path) -> None:
    """The rw-golongan rows of the SIASN API, saved as CSV with its own field names: KP kinds
    named with parentheses and API timestamps are read; the fields the checker does not use are
    not reported one by one."""
    (tmp_path / "rw_golongan.csv").write_text(RW_GOLONGAN, encoding="utf-8")
    with ingest([tmp_path]) as ds:
        rows = ds.connection.execute(
            "SELECT golongan, tmt, jenis_kp FROM riwayat_pangkat ORDER BY _row"
        ).fetchall()
        findings = ds.findings
    assert rows == [
        ("III/a", dt.date(2008, 3, 1), "pengangkatan"),
        ("III/c", dt.date(2016, 4, 1), "pilihan"),
        ("III/d", dt.date(2022, 4, 1), "pilihan"),
        ("IV/a", dt.date(2024, 4, 1), "prestasi luar biasa"),
    ]
    assert not [f for f in findings if f.rule in ("SKEMA-TIPE", "SKEMA-ENUM", "SKEMA-WAJIB")]
    # idPns is the PNS ID; pangkat repeats golongan in words and gives way to it
    assert [f for f in findings if f.rule == "SKEMA-KOLOM"] == []
    with ingest([tmp_path]) as ds:
        assert ds.connection.execute("SELECT DISTINCT pns_id FROM riwayat_pangkat").fetchall() == [
            ("A8ACA7CD",)
        ]
