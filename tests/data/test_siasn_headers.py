"""SIASN's field names as its API and the tools around it write them (kanekescom/laravel-siasn-
simpeg migrations, issue 17): camelCase word boundaries are kept, so every published field that
one of our columns holds is read into that column.

This is the first step of the SIASN route: the header words. Tables keyed by PNS ID only, SIASN's
upper-case values and the fields SIASN has no place for are the next steps.
"""

from __future__ import annotations

import pytest

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
