"""Regenerate ``tests/data/fixtures/``: the malformed agency files the intake tests read.

Run ``python tests/data/make_fixtures.py`` after changing a fixture here; the files are committed so
that the tests read exactly the bytes an agency might send (encodings, BOMs, delimiters).
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"
HEADER = (
    "nip,nama,tanggal_lahir,jenis_kelamin,status_kepegawaian,golongan,tmt_golongan,"
    "jenis_jabatan,jabatan,pendidikan,tmt_cpns,instansi,unit_kerja,aktif"
)
R1 = (
    "198503122010011001,Budi Saputra,12/03/1985,L,PNS,III/c,01/04/2018,Pelaksana,"
    "Pengadministrasi Perkantoran,S-1,01/01/2010,Pemerintah Kota Bengkulu,Dinas Sosial,Ya"
)
R2 = (
    "199001012015032002,Siti Rahayu,01/01/1990,P,PNS,III/a,01/03/2015,Fungsional Ahli Pertama,"
    "Analis Kebijakan Ahli Pertama,S-1,01/03/2015,Pemerintah Kota Bengkulu,Dinas Sosial,Ya"
)
R3 = (
    "199505052022212003,Dewi Lestari,05/05/1995,P,PPPK,IX,01/01/2022,Fungsional Ahli Pertama,"
    "Guru Ahli Pertama,S-1,01/01/2022,Pemerintah Kota Bengkulu,SD Negeri 1,Ya"
)
SIASN = (
    "PNS ID,NIP BARU,NIP LAMA,NAMA,GELAR DEPAN,GELAR BELAKANG,TANGGAL LAHIR,JENIS KELAMIN,"
    "STATUS CPNS PNS,GOL AKHIR ID,GOL AKHIR NAMA,TMT GOLONGAN,JENIS JABATAN NAMA,JABATAN NAMA,"
    "TINGKAT PENDIDIKAN ID,TINGKAT PENDIDIKAN NAMA,TMT CPNS,INSTANSI INDUK NAMA,INSTANSI KERJA NAMA,"
    "UNOR NAMA,KEDUDUKAN HUKUM NAMA"
)


def _csv(*lines: str, end: str = "\n") -> str:
    return end.join(lines) + end


def fixtures() -> dict[str, bytes]:
    """File name → exact bytes."""
    rng = random.Random(3)
    semi = [line.replace(",", ";") for line in (HEADER, R1, R2)]
    return {
        "kosong/pegawai.csv": b"",
        "biner/pegawai.csv": bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00",
        "pegawai_kutip_terbuka.csv": _csv(HEADER, R1, R2.replace("Siti", '"Siti'), R3).encode(),
        "pegawai_baris_pendek.csv": _csv(
            HEADER, R1, "199001012015032002,Siti Rahayu,01/01/1990", R3
        ).encode(),
        "pegawai_kolom_berlebih.csv": _csv(
            HEADER, R1.replace("Budi Saputra", "Saputra, Budi"), R2
        ).encode(),
        "pegawai_tanggal_mustahil.csv": _csv(
            HEADER, R1, R2.replace("01/01/1990", "31/02/1990")
        ).encode(),
        "pelatihan_teks_angka.csv": _csv(
            "nip,nama_pelatihan,jenis,tanggal_mulai,jp",
            "198503122010011001,Latsar CPNS,klasikal,01/02/2024,24",
            "198503122010011001,Bimtek SKP,klasikal,01/03/2024,dua puluh",
        ).encode(),
        "pegawai_utf16.txt": codecs.BOM_UTF16_LE
        + _csv(
            *(ln.replace(",", "\t") for ln in (HEADER, R1.replace("Budi", "Bédi"), R2)), end="\r\n"
        ).encode("utf-16-le"),
        "pegawai_tanpa_nip.csv": _csv(*(ln.split(",", 1)[1] for ln in (HEADER, R1, R2))).encode(),
        "pegawai_titikkoma.csv": _csv(*semi).encode(),
        "pegawai_cp1252.csv": _csv(
            HEADER, R1.replace("Budi Saputra", "Budi “Bédi” Saputra"), R2
        ).encode("cp1252"),
        "pegawai_bom.csv": codecs.BOM_UTF8 + _csv(HEADER, R1, R2).encode(),
        "pegawai_nip_excel.csv": _csv(
            semi[0],
            semi[1].replace("198503122010011001", "1,98503E+17"),
            semi[2].replace("199001012015032002", "199001012015032000"),
        ).encode(),
        "pegawai_apostrof.csv": _csv(
            HEADER, "'" + R1, R2.replace("199001012015032002", "19900101 201503 2 002")
        ).encode(),
        "pegawai_baris_kosong.csv": _csv(HEADER, "", R1, ",,,,,,,,,,,,,", "   ", R2, "").encode(),
        "pegawai_kolom_asing.csv": _csv(HEADER + ",hobi", R1 + ",catur", R2 + ",").encode(),
        "pegawai_wajib_kosong.csv": _csv(HEADER, R1.replace("Budi Saputra", ""), R2).encode(),
        "pegawai_enum.csv": _csv(
            HEADER, R1.replace(",L,", ",X,"), R2.replace("III/a", "III/f")
        ).encode(),
        "pegawai_ganda.csv": _csv(HEADER, R1, R2, R1.replace("Budi Saputra", "Budi S.")).encode(),
        "rujukan/pegawai.csv": _csv(HEADER, R1).encode(),
        "rujukan/pelatihan.csv": _csv(
            "nip,nama_pelatihan,jenis,tanggal_mulai,jp",
            "198503122010011001,Latsar CPNS,klasikal,01/02/2024,24",
            "198503122010011009,Latsar CPNS,klasikal,01/02/2024,24",
        ).encode(),
        "pegawai_baris_gabung.csv": _csv(
            HEADER, R1.replace("Budi Saputra", '"Budi\nSaputra"'), R2, R3
        ).encode(),
        "data_lain.csv": _csv("kode_barang,nama_barang,jumlah", "A1,Meja,3").encode(),
        "pegawai_judul_laporan.csv": _csv(
            "DAFTAR PEGAWAI PEMERINTAH KOTA BENGKULU", "Keadaan 31 Desember 2025", HEADER, R1
        ).encode(),
        "export_siasn_20260101.csv": _csv(
            SIASN,
            "A8F0,198503122010011001,123456789,Budi Saputra,,S.Kom.,12-03-1985,M,P,33,III/c,"
            "01-04-2018,Jabatan Fungsional Umum,Pengadministrasi Perkantoran,40,S-1/Sarjana,"
            "01-01-2010,Pemerintah Kota Bengkulu,Pemerintah Kota Bengkulu,Dinas Sosial,Aktif",
            "B9E1,'199001012015032002,,Siti Rahayu,dr.,,01-01-1990,F,P,31,III/a,01-03-2015,"
            "Ahli Pertama,Dokter Ahli Pertama,42,Profesi,01-03-2015,Pemerintah Kota Bengkulu,"
            "Pemerintah Kota Bengkulu,RSUD,Aktif",
        ).encode(),
        "pegawai_format_tanggal.csv": _csv(
            HEADER,
            R1.replace("12/03/1985", "1985-03-12").replace("01/04/2018", "43191"),
            R2.replace("01/01/1990", "01-01-1990").replace("III/a", "Penata Muda"),
        ).encode(),
        "pegawai_rusak.xlsx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(512)),
        "pegawai_tanpa_judul.csv": _csv("a,b,c", "1,2,3").encode(),
        "catatan.pdf": b"%PDF-1.4\n% bukan data kepegawaian\n",
    }


def main() -> None:
    """Write every fixture file."""
    for name, data in fixtures().items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


if __name__ == "__main__":
    main()
