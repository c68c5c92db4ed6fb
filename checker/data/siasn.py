"""The sample in SIASN's shapes: what BKN's SIASN and the tools around its API hand an agency.

:func:`to_siasn` rewrites a sample written in our own shapes (:mod:`checker.data.sample`, CSV)
as the files an operator downloads from SIASN, so the whole SIASN route is exercised on the same
employees:

* ``pegawai`` → the bulk "data pegawai" CSV, upper-case headers with ``PNS ID`` (domain notes
  5.1);
* ``riwayat_pangkat`` → ``rw-golongan``; ``pelatihan`` → ``rw-diklat`` (leadership training) and
  ``rw-kursus`` (the rest); annual ``penilaian_kinerja`` → ``rw-skp22`` (2022 on) and ``rw-skp``
  (before, the score only); ``hukuman_disiplin`` → ``rw-hukdis``; ``penghargaan`` →
  ``rw-penghargaan``; CLTN periods → ``rw-cltn`` (field names of the kanekescom/laravel-siasn-simpeg
  migrations, values as SIASN writes them: upper-case ratings, dd-mm-yyyy dates, R/S/B levels);
* what SIASN has no place for stays in our shape, as an operator adds it by hand: ``unit_kerja``,
  periodic evaluations (the period names of rw-kinerjaperiodik are not published), and tugas
  belajar periods (rw-cltn holds CLTN only).

Riwayat that SIASN keys by PNS ID (rw-skp22, rw-skp, rw-hukdis, rw-penghargaan, rw-cltn) carry no
NIP; the PNS ID of an employee is derived from the NIP (32 hex digits, as SIASN's look).
The answer key is copied with its ``row`` left empty: rows are those of our own shapes.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.data.ingest import KEY_FILE
from checker.data.people import PANGKAT

# the bulk "data pegawai" CSV header (domain notes 5.1; kanekescom/laravel-siasn-simpeg
# PegawaiCsvTransformer)
PEGAWAI_HEADER = (  # noqa: SIM905 - the header as the source lists it, one string
    "PNS ID, NIP BARU, NIP LAMA, NAMA, GELAR DEPAN, GELAR BELAKANG, TEMPAT LAHIR ID, "
    "TEMPAT LAHIR NAMA, TANGGAL LAHIR, JENIS KELAMIN, AGAMA ID, AGAMA NAMA, JENIS KAWIN ID, "
    "JENIS KAWIN NAMA, NIK, NOMOR HP, EMAIL, EMAIL GOV, ALAMAT, NPWP NOMOR, BPJS, "
    "JENIS PEGAWAI ID, JENIS PEGAWAI NAMA, KEDUDUKAN HUKUM ID, KEDUDUKAN HUKUM NAMA, "
    "STATUS CPNS PNS, KARTU ASN VIRTUAL, NOMOR SK CPNS, TANGGAL SK CPNS, TMT CPNS, NOMOR SK PNS, "
    "TANGGAL SK PNS, TMT PNS, GOL AWAL ID, GOL AWAL NAMA, GOL AKHIR ID, GOL AKHIR NAMA, "
    "TMT GOLONGAN, MK TAHUN, MK BULAN, JENIS JABATAN ID, JENIS JABATAN NAMA, JABATAN ID, "
    "JABATAN NAMA, TMT JABATAN, TINGKAT PENDIDIKAN ID, TINGKAT PENDIDIKAN NAMA, PENDIDIKAN ID, "
    "PENDIDIKAN NAMA, TAHUN LULUS, KPKN ID, KPKN NAMA, LOKASI KERJA ID, LOKASI KERJA NAMA, "
    "UNOR ID, UNOR NAMA, INSTANSI INDUK ID, INSTANSI INDUK NAMA, INSTANSI KERJA ID, "
    "INSTANSI KERJA NAMA, SATUAN KERJA INDUK ID, SATUAN KERJA INDUK NAMA, SATUAN KERJA KERJA ID, "
    "SATUAN KERJA KERJA NAMA"
).split(", ")
PEGAWAI_FROM = {
    "NIP BARU": "nip", "NAMA": "nama", "TANGGAL LAHIR": "tanggal_lahir",
    "JENIS KELAMIN": "jenis_kelamin", "KEDUDUKAN HUKUM NAMA": "kedudukan_hukum",
    "STATUS CPNS PNS": "status_kepegawaian", "TMT CPNS": "tmt_cpns", "GOL AKHIR NAMA": "golongan",
    "TMT GOLONGAN": "tmt_golongan", "JENIS JABATAN NAMA": "jenis_jabatan",
    "JABATAN NAMA": "jabatan", "TINGKAT PENDIDIKAN NAMA": "pendidikan", "UNOR NAMA": "unit_kerja",
    "INSTANSI KERJA NAMA": "instansi", "SATUAN KERJA KERJA NAMA": "opd",
}  # fmt: skip
GOLONGAN = ("id", "idPns", "nipBaru", "nipLama", "golongan", "skNomor", "skTanggal", "tmtGolongan",
            "noPertekBkn", "tglPertekBkn", "jenisKPNama", "pangkat")  # fmt: skip
KURSUS = ("id", "idPns", "nipBaru", "nipLama", "jenisKursusNama", "jenisKursusSertifikat",
          "institusiPenyelenggara", "jenisKursusId", "jumlahJam", "namaKursus", "noSertipikat",
          "tahunKursus", "tanggalKursus", "tanggalSelesaiKursus")  # fmt: skip
DIKLAT = ("id", "idPns", "nipBaru", "nipLama", "latihanStrukturalNama", "nomor", "tanggal",
          "tahun", "tanggalSelesai", "institusiPenyelenggara", "jumlahJam")  # fmt: skip
SKP22 = ("id", "hasilKinerja", "hasilKinerjaNilai", "kuadranKinerja", "KuadranKinerjaNilai",
         "namaPenilai", "nipNrpPenilai", "penilaiGolonganId", "penilaiJabatanNm", "penilaiUnorNm",
         "perilakuKerja", "PerilakuKerjaNilai", "pnsDinilaiId", "statusPenilai",
         "tahun")  # fmt: skip
SKP = ("id", "tahun", "nilaiSkp", "nilaiPerilakuKerja", "nilaiPrestasiKerja", "pns",
       "penilaiNipNrp")  # fmt: skip
HUKDIS = ("id", "pnsOrang", "jenisHukuman", "jenisHukumanNama", "skNomor", "skTanggal",
          "hukumanTanggal", "akhirHukumTanggal", "masaTahun", "masaBulan",
          "jenisTingkatHukumanId", "keterangan")  # fmt: skip
PENGHARGAAN = ("id", "tahun", "skNomor", "skDate", "hargaNama", "hargaId", "pnsOrangId")
CLTN = ("id", "cltnId", "skNomor", "skTanggal", "tanggalAwal", "tanggalAkhir", "tanggalAktif",
        "pnsOrangId")  # fmt: skip
# our jenis_kp as SIASN's jenisKPNama names it (riwayat_pangkat.yml lists SIASN's names)
KP_NAMES = {
    "pengangkatan": "Gol. dari Pengadaan CPNS/PNS", "reguler": "Reguler",
    "pilihan": "Pilihan (Jabatan Fungsional Tertentu)",
    "penyesuaian ijazah": "Pilihan (Penyesuaian Ijazah)",
    "prestasi luar biasa": "Pilihan (Prestasi Luar Biasa)",
    "penemuan baru": "Pilihan (Penemuan Baru)",
}  # fmt: skip
LEVELS = {"ringan": "R", "sedang": "S", "berat": "B"}  # jenisTingkatHukumanId
STATUS = {"PNS": "P", "CPNS": "C"}  # STATUS CPNS PNS
SEX = {"L": "M", "P": "F"}
LEADERSHIP = "pelatihan kepemimpinan"  # the bentuk that SIASN keeps in rw-diklat
_DMY = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def pns_id(nip: str) -> str:
    """A PNS ID for an employee, derived from the NIP's digits (32 upper-case hex digits)."""
    digits = re.sub(r"\D", "", nip or "")
    return hashlib.md5(digits.encode(), usedforsecurity=False).hexdigest().upper()


def siasn_date(text: str) -> str:
    """A date as SIASN writes it (dd-mm-yyyy); text that is not a date is left as it is."""
    text = (text or "").strip()
    if m := _DMY.fullmatch(text):
        return f"{m[1]}-{m[2]}-{m[3]}"
    if m := _ISO.fullmatch(text):
        return f"{m[3]}-{m[2]}-{m[1]}"
    return text


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {k: v or "" for k, v in row.items() if k is not None}


class _Out:
    """CSV files of the SIASN-shaped sample, opened as first written."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.handles, self.writers = folder, [], {}  # type: ignore[var-annotated]
        self.counts: dict[str, int] = {}

    def row(self, name: str, header: tuple[str, ...] | list[str], values: dict[str, Any]) -> None:
        if name not in self.writers:
            fh = (self.folder / name).open("w", encoding="utf-8", newline="")
            self.handles.append(fh)
            self.writers[name] = csv.writer(fh, lineterminator="\n")
            self.writers[name].writerow(header)
        self.counts[name] = self.counts.get(name, 0) + 1
        record_id = f"{name.split('.')[0]}-{self.counts[name]:07d}"
        self.writers[name].writerow([values.get(h, record_id if h == "id" else "") for h in header])

    def close(self) -> None:
        for fh in self.handles:
            fh.close()


def to_siasn(source: Path, target: Path) -> dict[str, Path]:
    """Rewrite the own-shape sample in ``source`` as SIASN files in ``target``; the files
    written, by name. The same input gives the same bytes."""
    target.mkdir(parents=True, exist_ok=True)
    out = _Out(target)
    try:
        _write(source, out)
    finally:
        out.close()
    key = source / KEY_FILE
    if key.exists():
        rows = list(_rows(key))
        with (target / KEY_FILE).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["table", "row", "nip", "rule", "period", "kind"])
            for r in rows:
                writer.writerow([r["table"], "", r["nip"], r["rule"], r["period"], r["kind"]])
    return {name: target / name for name in sorted(out.counts)}


def _write(source: Path, out: _Out) -> None:
    for r in _rows(source / "pegawai.csv"):
        values = {h: r.get(col, "") for h, col in PEGAWAI_FROM.items()}
        values["PNS ID"] = pns_id(r["nip"])
        values["STATUS CPNS PNS"] = STATUS.get(r["status_kepegawaian"], r["status_kepegawaian"])
        values["JENIS KELAMIN"] = SEX.get(r["jenis_kelamin"], r["jenis_kelamin"])
        for h in ("TANGGAL LAHIR", "TMT CPNS", "TMT GOLONGAN"):
            values[h] = siasn_date(values[h])
        out.row("data_pegawai_siasn.csv", PEGAWAI_HEADER, values)
    for r in _rows(source / "unit_kerja.csv"):
        out.row("unit_kerja.csv", list(r), r)
    for r in _rows(source / "riwayat_pangkat.csv"):
        kind = r["jenis_kp"]
        values = {
            "idPns": pns_id(r["nip"]), "nipBaru": r["nip"], "golongan": r["golongan"],
            "pangkat": PANGKAT.get(r["golongan"], r["golongan"]),
            "tmtGolongan": siasn_date(r["tmt"]), "jenisKPNama": KP_NAMES.get(kind, kind),
        }  # fmt: skip
        out.row("rw-golongan.csv", GOLONGAN, values)
    for r in _rows(source / "pelatihan.csv"):
        common = {
            "idPns": pns_id(r["nip"]), "nipBaru": r["nip"], "jumlahJam": r["jp"],
            "institusiPenyelenggara": r["penyelenggara"],
        }  # fmt: skip
        start, end = siasn_date(r["tanggal_mulai"]), siasn_date(r["tanggal_selesai"])
        if r["bentuk"].strip().lower() == LEADERSHIP:
            values = {**common, "latihanStrukturalNama": r["nama_pelatihan"], "tanggal": start,
                      "tanggalSelesai": end, "tahun": start[-4:]}  # fmt: skip
            out.row("rw-diklat.csv", DIKLAT, values)
        else:
            values = {**common, "namaKursus": r["nama_pelatihan"], "jenisKursusNama": r["bentuk"],
                      "tanggalKursus": start, "tanggalSelesaiKursus": end,
                      "tahunKursus": start[-4:]}  # fmt: skip
            out.row("rw-kursus.csv", KURSUS, values)
    periodic = []
    for r in _rows(source / "penilaian_kinerja.csv"):
        if r["periode"].strip().lower() != "tahunan":
            periodic.append(r)
            continue
        year = int(r["tahun"])
        if year >= 2022:
            values = {
                "pnsDinilaiId": pns_id(r["nip"]), "tahun": r["tahun"],
                "hasilKinerja": r["hasil_kerja"].upper(),
                "perilakuKerja": r["perilaku_kerja"].upper(),
                "kuadranKinerja": r["predikat"].upper(), "nipNrpPenilai": r["nip_penilai"],
            }  # fmt: skip
            out.row("rw-skp22.csv", SKP22, values)
        else:
            values = {
                "pns": pns_id(r["nip"]),
                "tahun": r["tahun"],
                "nilaiPrestasiKerja": r["nilai_skp"],
                "penilaiNipNrp": r["nip_penilai"],
            }
            out.row("rw-skp.csv", SKP, values)
    for r in periodic:  # rw-kinerjaperiodik names its periods in ways not published
        out.row("penilaian_kinerja_periodik.csv", list(r), r)
    for r in _rows(source / "hukuman_disiplin.csv"):
        values = {
            "pnsOrang": pns_id(r["nip"]), "jenisHukumanNama": r["jenis"],
            "hukumanTanggal": siasn_date(r["tmt_mulai"]),
            "akhirHukumTanggal": siasn_date(r["tmt_selesai"]), "masaTahun": r["masa_tahun"],
            "masaBulan": r["masa_bulan"], "jenisTingkatHukumanId": LEVELS.get(r["tingkat"], ""),
        }  # fmt: skip
        out.row("rw-hukdis.csv", HUKDIS, values)
    for r in _rows(source / "penghargaan.csv"):
        date = siasn_date(r["tanggal"])
        values = {"pnsOrangId": pns_id(r["nip"]), "hargaNama": r["jenis"], "skDate": date,
                  "tahun": date[-4:]}  # fmt: skip
        out.row("rw-penghargaan.csv", PENGHARGAAN, values)
    for r in _rows(source / "riwayat_cltn.csv"):
        if r["jenis"] and r["jenis"].strip().lower() != "cltn":
            out.row("riwayat_tugas_belajar.csv", list(r), r)  # rw-cltn holds CLTN only
            continue
        values = {
            "pnsOrangId": pns_id(r["nip"]), "tanggalAwal": siasn_date(r["tanggal_mulai"]),
            "tanggalAkhir": siasn_date(r["tanggal_selesai"]),
            "tanggalAktif": siasn_date(r["tanggal_aktif"]), "skNomor": r["nomor_sk"],
        }  # fmt: skip
        out.row("rw-cltn.csv", CLTN, values)
