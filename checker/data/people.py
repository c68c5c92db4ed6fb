"""Synthetic Bengkulu agencies, names and careers for the sample generator.

Every name here is made up from common Indonesian given names; no record describes a real person.
Careers follow the domain notes: NIP = birth date + TMT CPNS (YYYYMM) + sex digit + serial (§4.1),
NI PPPK = birth date + TMT year + ``2`` + period digit + sex digit + serial (§4.2);
starting rank by education (§3b). The thresholds themselves (years in rank, ceilings, KP periods,
retirement ages) are read from ``policy/parameter.yml`` through
:class:`checker.data.thresholds.Thresholds`, never re-typed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MALE = _words(
    "Agus Ahmad Andi Arif Bambang Budi Dedi Doni Eko Fajar Hendra Herman Irfan Joko Kurniawan "
    "Rahmat Rizki Rudi Sofyan Suryadi Taufik Wahyu Yudi Zulkifli Hasan Ilham Imam Iwan Jefri "
    "Made Nanang Novri Putra Rian Robi Sapta Teguh Yusuf Zainal Darmawan Firman Gilang Hadi "
    "Indra"
)
FEMALE = _words(
    "Ani Ayu Dewi Desi Eka Fitri Indah Intan Lestari Lina Maya Mega Nia Novi Nurul Putri Rina "
    "Rini Sari Siti Sri Tuti Wati Winda Yanti Yuni Zahra Anisa Citra Dian Elsa Evi Febri "
    "Hesti Ira Juwita Kartika Lusi Mira Ratna Reni Santi Tri Vivi Yulia"
)
FAMILY = _words(
    "Saputra Pratama Wijaya Hidayat Santoso Gunawan Susanto Siregar Harahap Nasution Lubis "
    "Syahputra Rahman Hakim Firdaus Kusuma Permana Setiawan Wibowo Nugroho Hartono Rahayu "
    "Anggraini Handayani Utami Purnama Ramadhan Fauzi Maulana Safitri Oktaviani Wulandari "
    "Marlina Yusuf Junaidi Effendi Syarif Kasim Arsyad Mahmud Zulkarnain Azhari Basri Hamid"
)

GOLONGAN = _words(
    "I/a I/b I/c I/d II/a II/b II/c II/d III/a III/b III/c III/d IV/a IV/b IV/c IV/d IV/e"
)
PANGKAT = {
    "I/a": "Juru Muda", "II/a": "Pengatur Muda", "II/c": "Pengatur", "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
    "IV/a": "Pembina", "IV/b": "Pembina Tingkat I",
}  # fmt: skip
# education: (weight, starting rank, PPPK golongan); the KP-reguler ceiling of each is a parameter
EDUCATION = {
    "SLTA": (20, "II/a", "V"),
    "D-III": (12, "II/c", "VII"),
    "S-1": (50, "III/a", "IX"),
    "D-IV": (4, "III/a", "IX"),
    "S-2": (12, "III/b", "X"),
    "S-3": (2, "III/c", "XI"),
}
PROVINSI = "Pemerintah Provinsi Bengkulu"
# The Pergub binds the province's own perangkat daerah; a kabupaten/kota sends its data only as
# a voluntary partner under a kesepakatan bersama (Pasal kabupaten-kota-sukarela). The sample
# has two such partners, reported apart from the province.
MITRA = ("Pemerintah Kota Bengkulu", "Pemerintah Kabupaten Rejang Lebong")
# (nama, pelayanan publik, kind): kind ``sekolah`` units are staffed mostly by teachers, ``rs``
# units by health workers, ``kantor`` units by administrators and analysts. Since UU 23/2014 the
# province runs the SMA, SMK and SLB, so teachers are its largest group of employees.
PROV_UNITS = (
    ("Badan Kepegawaian Daerah", False, "kantor"),
    ("Dinas Pendidikan dan Kebudayaan", False, "kantor"),
    ("Dinas Kesehatan", False, "kantor"),
    ("RSUD dr. M. Yunus", True, "rs"),
    ("Dinas Sosial", True, "kantor"),
    ("Biro Hukum Sekretariat Daerah", False, "kantor"),
    ("Biro Umum Sekretariat Daerah", False, "kantor"),
    ("Sekretariat DPRD", False, "kantor"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", False, "kantor"),
    ("Badan Pendapatan Daerah", True, "kantor"),
    ("Dinas Kependudukan dan Pencatatan Sipil", True, "kantor"),
    ("Dinas Penanaman Modal dan PTSP", True, "kantor"),
    ("Dinas Lingkungan Hidup dan Kehutanan", False, "kantor"),
    ("Dinas Perindustrian dan Perdagangan", False, "kantor"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", False, "kantor"),
    ("Badan Pengembangan Sumber Daya Manusia", False, "kantor"),
    ("Badan Perencanaan Pembangunan Daerah", False, "kantor"),
    ("SMA Negeri 2 Kota Bengkulu", True, "sekolah"),
    ("SMA Negeri 5 Kota Bengkulu", True, "sekolah"),
    ("SMA Negeri 1 Rejang Lebong", True, "sekolah"),
    ("SMA Negeri 1 Bengkulu Utara", True, "sekolah"),
    ("SMA Negeri 2 Seluma", True, "sekolah"),
    ("SMK Negeri 1 Kota Bengkulu", True, "sekolah"),
    ("SMK Negeri 3 Kaur", True, "sekolah"),
    ("SLB Negeri 1 Kota Bengkulu", True, "sekolah"),
    ("Rumah Sakit Jiwa dan Ketergantungan Obat Soeprapto", True, "rs"),
)
KAB_UNITS = (
    ("Sekretariat Daerah", False, "kantor"),
    ("Badan Kepegawaian dan Pengembangan SDM", False, "kantor"),
    ("Dinas Pendidikan dan Kebudayaan", False, "kantor"),
    ("Dinas Kesehatan", False, "kantor"),
    ("RSUD", True, "rs"),
    ("Puskesmas Kecamatan Kota", True, "rs"),
    ("Dinas Kependudukan dan Pencatatan Sipil", True, "kantor"),
    ("Dinas Sosial", True, "kantor"),
    ("Dinas Pertanian", False, "kantor"),
    ("Dinas Penanaman Modal dan PTSP", True, "kantor"),
    ("SD Negeri 1", True, "sekolah"),
    ("SMP Negeri 1", True, "sekolah"),
)
# how many employees a unit of each kind holds, relative to an office
UNIT_WEIGHT = {"kantor": 1.0, "rs": 4.0, "sekolah": 3.0}


@dataclass(frozen=True)
class Unit:
    """A unit kerja of one instansi, and the perangkat daerah (OPD) it belongs to."""

    kode: str
    nama: str
    instansi: str
    pelayanan_publik: bool
    opd: str = ""
    kind: str = "kantor"


# the perangkat daerah of units that are not one themselves (schools, health centres)
PARENT_OPD = {
    "SMA Negeri": "Dinas Pendidikan dan Kebudayaan",
    "SMK Negeri": "Dinas Pendidikan dan Kebudayaan",
    "SLB Negeri": "Dinas Pendidikan dan Kebudayaan",
    "SD Negeri": "Dinas Pendidikan dan Kebudayaan",
    "SMP Negeri": "Dinas Pendidikan dan Kebudayaan",
    "Puskesmas": "Dinas Kesehatan",
}


def unit_opd(nama: str, instansi: str) -> str:
    """The OPD of a unit: its parent office for schools and health centres, else the unit
    itself; a kabupaten/kota OPD carries its region so that OPD names stay unique."""
    parent = next((p for prefix, p in PARENT_OPD.items() if nama.startswith(prefix)), None)
    if instansi == PROVINSI:
        return parent or nama
    region = instansi.removeprefix("Pemerintah ")
    if parent:
        return f"{parent} {region}"
    return nama if nama.endswith(region.split(" ", 1)[1]) else f"{nama} {region}"


def instansi_list() -> list[tuple[str, int]]:
    """(instansi, relative size): the province, and the kabupaten/kota that take part as
    voluntary partners (:data:`MITRA`)."""
    return [(PROVINSI, 40), (MITRA[0], 5), (MITRA[1], 4)]


def units() -> dict[str, list[Unit]]:
    """Unit kerja per instansi, with stable codes."""
    out: dict[str, list[Unit]] = {}
    for i, (inst, _) in enumerate(instansi_list()):
        table = PROV_UNITS if inst == PROVINSI else KAB_UNITS
        region = inst.replace("Pemerintah Kabupaten ", "").replace("Pemerintah Kota ", "Kota ")
        names = [
            nama
            if inst == PROVINSI or nama.startswith(("Sekretariat", "Dinas", "Badan"))
            else f"{nama} {region}"
            for nama, _, _ in table
        ]
        out[inst] = [
            Unit(f"17{i:02d}{j + 1:03d}", nama, inst, public, unit_opd(nama, inst), kind)
            for j, (nama, (_, public, kind)) in enumerate(zip(names, table, strict=True))
        ]
    return out


@dataclass
class Employee:
    """One synthetic ASN with the facts every table is derived from."""

    index: int
    nama: str
    sex: str  # "L" | "P"
    birth: dt.date
    status: str  # PNS | CPNS | PPPK
    education: str
    tmt_cpns: dt.date
    instansi: str
    unit: Unit
    jenis_jabatan: str = "Pelaksana"
    jabatan: str = ""
    ranks: list[tuple[str, dt.date, str]] = field(default_factory=list)  # golongan, tmt, jenis_kp
    nip: str = ""
    kedudukan: str = "Aktif"  # SIASN kedudukan hukum: Aktif, CLTN, Tugas Belajar
    leave: tuple[dt.date, dt.date] | None = None  # the CLTN or tugas belajar period
    melayani_publik: str = ""  # "Tidak" for staff of a public unit who serve no one directly

    @property
    def golongan(self) -> str:
        """The current (latest) golongan."""
        return self.ranks[-1][0]

    @property
    def kategori(self) -> str:
        """The jabatan kategori whose retirement age applies: Guru for teachers, else the
        jenis jabatan (PP 11/2017 Pasal 239–240)."""
        return "Guru" if self.jabatan.startswith(("Guru", "Kepala Sekolah")) else self.jenis_jabatan


def retirement_date(birth: dt.date, bup: int) -> dt.date:
    """First day of the month after the month in which the employee reaches ``bup``."""
    year, month = birth.year + bup, birth.month + 1
    if month == 13:
        year, month = year + 1, 1
    return dt.date(year, month, 1)


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def nip_pns(birth: dt.date, tmt: dt.date, sex: str, serial: int) -> str:
    """NIP PNS: YYYYMMDD birth, YYYYMM TMT CPNS, sex digit, 3-digit serial."""
    return f"{birth:%Y%m%d}{tmt:%Y%m}{1 if sex == 'L' else 2}{serial:03d}"


def nip_pppk(birth: dt.date, tmt: dt.date, sex: str, serial: int) -> str:
    """NI PPPK: YYYYMMDD birth, YYYY TMT, ``2``, period digit, sex digit, 3-digit serial."""
    period = 1 + (tmt.month - 1) // 4
    return f"{birth:%Y%m%d}{tmt:%Y}2{period}{1 if sex == 'L' else 2}{serial:03d}"
