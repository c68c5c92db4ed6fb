"""Synthetic Bengkulu agencies, names and careers for the sample generator.

Every name here is made up from common Indonesian given names; no record describes a real person.
Careers follow the domain notes: NIP = birth date + TMT CPNS (YYYYMM) + sex digit + serial (§4.1),
NI PPPK = birth date + TMT year + ``2`` + period digit + sex digit + serial (§4.2);
starting rank and KP-reguler ceiling by education (§3.3); KP reguler at least 4 years apart
(§3.1) on the KP period dates in force (§3.4); beyond the ceiling only KP pilihan;
retirement ages 58/60/65 (§3.10).
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
# education: (weight, starting rank, KP-reguler ceiling, PPPK golongan)
EDUCATION = {
    "SLTA": (20, "II/a", "III/b", "V"),
    "D-III": (12, "II/c", "III/c", "VII"),
    "S-1": (50, "III/a", "III/d", "IX"),
    "D-IV": (4, "III/a", "III/d", "IX"),
    "S-2": (12, "III/b", "IV/a", "X"),
    "S-3": (2, "III/c", "IV/b", "XI"),
}
BUP = {"JPT Pratama": 60, "JPT Madya": 60, "Fungsional Ahli Madya": 60, "Fungsional Ahli Utama": 65}

PROVINSI = "Pemerintah Provinsi Bengkulu"
KABKOTA = (
    "Bengkulu Selatan", "Bengkulu Utara", "Bengkulu Tengah", "Kaur", "Kepahiang", "Lebong",
    "Mukomuko", "Rejang Lebong", "Seluma",
)  # fmt: skip
PROV_UNITS = (
    ("Badan Kepegawaian Daerah", False), ("Dinas Pendidikan dan Kebudayaan", False),
    ("Dinas Kesehatan", False), ("RSUD dr. M. Yunus", True), ("Dinas Sosial", True),
    ("Biro Hukum Sekretariat Daerah", False), ("Biro Umum Sekretariat Daerah", False),
    ("Sekretariat DPRD", False), ("Badan Pengelolaan Keuangan dan Aset Daerah", False),
    ("Badan Pendapatan Daerah", True), ("Dinas Kependudukan dan Pencatatan Sipil", True),
    ("Dinas Penanaman Modal dan PTSP", True), ("Dinas Lingkungan Hidup dan Kehutanan", False),
    ("Dinas Perindustrian dan Perdagangan", False),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", False),
    ("Badan Pengembangan Sumber Daya Manusia", False), ("SMA Negeri 2 Kota Bengkulu", True),
    ("SMK Negeri 1 Kota Bengkulu", True),
    ("Rumah Sakit Jiwa dan Ketergantungan Obat Soeprapto", True),
)  # fmt: skip
KAB_UNITS = (
    ("Sekretariat Daerah", False), ("Badan Kepegawaian dan Pengembangan SDM", False),
    ("Dinas Pendidikan dan Kebudayaan", False), ("Dinas Kesehatan", False), ("RSUD", True),
    ("Puskesmas Kecamatan Kota", True), ("Dinas Kependudukan dan Pencatatan Sipil", True),
    ("Dinas Sosial", True), ("Dinas Pertanian", False), ("Dinas Penanaman Modal dan PTSP", True),
    ("SD Negeri 1", True), ("SMP Negeri 1", True),
)  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """A unit kerja of one instansi, and the perangkat daerah (OPD) it belongs to."""

    kode: str
    nama: str
    instansi: str
    pelayanan_publik: bool
    opd: str = ""


# the perangkat daerah of units that are not one themselves (schools, health centres)
PARENT_OPD = {
    "SMA Negeri": "Dinas Pendidikan dan Kebudayaan",
    "SMK Negeri": "Dinas Pendidikan dan Kebudayaan",
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
    """(instansi, relative size): the province and its 9 kabupaten and 1 kota (notes §7)."""
    out = [(PROVINSI, 10)]
    out += [(f"Pemerintah Kabupaten {name}", 5) for name in KABKOTA]
    out.append(("Pemerintah Kota Bengkulu", 6))
    return out


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
            for nama, _ in table
        ]
        out[inst] = [
            Unit(f"17{i:02d}{j + 1:03d}", nama, inst, public, unit_opd(nama, inst))
            for j, (nama, (_, public)) in enumerate(zip(names, table, strict=True))
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

    @property
    def golongan(self) -> str:
        """The current (latest) golongan."""
        return self.ranks[-1][0]

    @property
    def bup(self) -> int:
        """Retirement age for the position type (PP 11/2017 Pasal 239)."""
        return BUP.get(self.jenis_jabatan, 58)


def retirement_date(birth: dt.date, bup: int) -> dt.date:
    """First day of the month after the month in which the employee reaches ``bup``."""
    year, month = birth.year + bup, birth.month + 1
    if month == 13:
        year, month = year + 1, 1
    return dt.date(year, month, 1)


def kp_date(year: int, month: int) -> dt.date:
    """The KP period date on or after (year, month) under the rules in force (§3.4)."""
    periods: tuple[int, ...]
    if year < 2023:
        periods = (4, 10)
    elif year < 2025 or (year == 2025 and month < 10):
        periods = (2, 4, 6, 8, 10, 12)
    else:
        periods = tuple(range(1, 13))
    for p in periods:
        if p >= month:
            return dt.date(year, p, 1)
    return kp_date(year + 1, 1)


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
