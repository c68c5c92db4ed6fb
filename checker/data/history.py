"""One synthetic employee and their compliant history, as plain records (dicts) per table.

A *clean* employee built here breaks none of the rule-engine rules listed in ``sample.py`` for the
checked years: at least 20 JP a year (PNS/CPNS) or at most 24 (PPPK), one ``tahunan`` evaluation a
year with the predikat the matrix gives (Baik or Sangat Baik), community feedback in public-service
units, KP reguler at least 4 years apart and never above the education ceiling, Satyalancana only
after 10/20/30 years, and an age below the retirement age of the position on the as-of date.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from checker.data import people
from checker.data.people import EDUCATION, GOLONGAN, Employee, Unit

AS_OF = dt.date(2026, 6, 30)
JP_YEARS = (2023, 2024, 2025)
EVAL_YEARS = (2021, 2022, 2023, 2024, 2025)
WINDOW = (dt.date(2023, 1, 1), dt.date(2025, 12, 31))
Record = dict[str, Any]

MATRIX = {
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi"): "Sangat Baik",
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi"): "Baik",
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi"): "Baik",
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi"): "Baik",
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"): "Butuh Perbaikan",
}
TRAININGS = (
    ("Bimbingan Teknis Penyusunan SKP", "klasikal", "Bimbingan teknis", "BKD Provinsi Bengkulu",
     ""),
    ("Pelatihan Pengadaan Barang dan Jasa", "klasikal", "Pelatihan teknis", "LKPP", ""),
    ("E-learning Manajemen ASN", "nonklasikal", "E-learning", "BKN", ""),
    ("Seminar Pelayanan Publik Prima", "klasikal", "Seminar", "BPSDM Provinsi Bengkulu", ""),
    ("Coaching Penilaian Kinerja", "nonklasikal", "Coaching", "BKD Provinsi Bengkulu", ""),
    ("Magang Layanan Perbankan Daerah", "nonklasikal", "Magang", "BPSDM Provinsi Bengkulu",
     "PT Bank Pembangunan Daerah Bengkulu"),
    ("Pertukaran Pegawai dengan Sektor Swasta", "nonklasikal", "Pertukaran dengan pegawai swasta",
     "BPSDM Provinsi Bengkulu", "Kamar Dagang dan Industri Bengkulu"),
    ("Pelatihan Literasi Digital", "klasikal", "Pelatihan teknis", "Universitas Bengkulu",
     "Universitas Bengkulu"),
    ("Pelatihan Kepemimpinan Pengawas", "klasikal", "Pelatihan kepemimpinan", "LAN", ""),
    ("Mentoring Inovasi Pelayanan", "nonklasikal", "Mentoring", "BPSDM Provinsi Bengkulu", ""),
    ("Belajar Mandiri Kebijakan Publik", "nonklasikal", "Belajar mandiri", "LAN", ""),
)  # fmt: skip
JABATAN = {
    "Pelaksana": "Pengadministrasi Perkantoran",
    "Pengawas": "Kepala Subbagian Umum dan Kepegawaian",
    "Administrator": "Kepala Bidang Pengembangan",
    "JPT Pratama": "Kepala Dinas",
    "Fungsional Ahli Pertama": "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
    "Fungsional Ahli Muda": "Analis Kebijakan Ahli Muda",
    "Fungsional Ahli Madya": "Perencana Ahli Madya",
    "Fungsional Terampil": "Pranata Komputer Terampil",
    "Fungsional Mahir": "Pranata Keuangan APBN Mahir",
}
MIN_AGE = {"SLTA": 19, "D-III": 22, "S-1": 23, "D-IV": 23, "S-2": 26, "S-3": 30}


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _age(birth: dt.date, on: dt.date = AS_OF) -> float:
    return (on - birth).days / 365.25


def _date_in(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _careers(rng: random.Random, emp: Employee, senior: bool) -> None:
    """Ranks from appointment: KP reguler 4–6 years apart up to the ceiling, KP pilihan beyond."""
    start, ceiling, pppk_gol = EDUCATION[emp.education][1:]
    if emp.status == "PPPK":
        emp.ranks = [(pppk_gol, emp.tmt_cpns, "pengangkatan")]
        return
    emp.ranks = [(start, emp.tmt_cpns, "pengangkatan")]
    if emp.status == "CPNS":
        return
    top = GOLONGAN.index("IV/c") if senior else GOLONGAN.index(ceiling)
    while GOLONGAN.index(emp.golongan) < top:
        last = emp.ranks[-1][1]
        gap = rng.randint(4, 6) if not senior else 4
        when = people.kp_date(last.year + gap, last.month)
        if when > AS_OF:
            break
        rank = GOLONGAN[GOLONGAN.index(emp.golongan) + 1]
        kind = "reguler" if GOLONGAN.index(rank) <= GOLONGAN.index(ceiling) else "pilihan"
        emp.ranks.append((rank, when, kind))


def _jabatan(rng: random.Random, emp: Employee, senior: bool) -> str:
    g = GOLONGAN.index(emp.golongan) if emp.status != "PPPK" else -1
    if senior:
        return "Fungsional Ahli Madya"
    if emp.status == "PPPK":
        return (
            "Fungsional Ahli Pertama"
            if emp.education in ("S-1", "S-2", "S-3", "D-IV")
            else (rng.choice(("Fungsional Terampil", "Pelaksana")))
        )
    if g >= GOLONGAN.index("IV/a"):
        return rng.choice(("Administrator", "Fungsional Ahli Madya", "Administrator"))
    if g >= GOLONGAN.index("III/c"):
        return rng.choice(("Pengawas", "Fungsional Ahli Muda", "Pelaksana"))
    if g >= GOLONGAN.index("III/a"):
        return rng.choice(("Fungsional Ahli Pertama", "Pelaksana", "Fungsional Mahir"))
    return rng.choice(("Pelaksana", "Fungsional Terampil"))


def make_employee(
    rng: random.Random,
    index: int,
    birth: dt.date,
    unit: Unit,
    senior: bool = False,
    past_bup: bool = False,
) -> Employee:
    """A consistent employee born on ``birth``.

    ``senior`` ones (aged 57+) hold BUP-60 positions; ``past_bup`` ones are Pelaksana (BUP 58)
    already past retirement age: the planted KAR-BUP fault.
    """
    sex = rng.choice("LP")
    given = rng.choice(people.MALE if sex == "L" else people.FEMALE)
    nama = f"{given} {rng.choice(people.FAMILY)}"
    age = _age(birth)
    status = "PPPK" if rng.random() < 0.16 and not (senior or past_bup) else "PNS"
    names = list(EDUCATION)
    education = "S-2" if senior else rng.choices(names, [EDUCATION[n][0] for n in names])[0]
    if status == "PPPK":
        earliest = max(dt.date(2019, 2, 1), people.add_years(birth, 20))
        tmt = _month_start(_date_in(rng, earliest, dt.date(2025, 6, 1)))
        if earliest > dt.date(2025, 6, 1):
            tmt = dt.date(2025, 6, 1)
    else:
        while MIN_AGE[education] > age - 2 and education != "SLTA":
            education = "SLTA"
        low = MIN_AGE[education]
        high = max(low, min(35, int(age - 2)))
        tmt = _month_start(people.add_years(birth, rng.randint(low, high)) + dt.timedelta(days=40))
        if tmt > dt.date(2024, 6, 1):
            status, tmt = "CPNS", dt.date(2025, rng.choice((7, 8, 9)), 1)
    emp = Employee(index, nama, sex, birth, status, education, tmt, unit.instansi, unit)
    _careers(rng, emp, senior)
    emp.jenis_jabatan = "Pelaksana" if past_bup else _jabatan(rng, emp, senior)
    emp.jabatan = JABATAN.get(emp.jenis_jabatan, emp.jenis_jabatan)
    return emp


def evaluation(nip: str, year: int, rng: random.Random, public: bool, penilai: str) -> Record:
    """A tahunan evaluation consistent with the matrix (Baik 85 %, Sangat Baik 15 %)."""
    combos = list(MATRIX)[:4]
    hasil, perilaku = rng.choices(combos, (15, 5, 5, 75))[0]
    return {
        "nip": nip, "tahun": year, "periode": "tahunan", "periode_ke": None,
        "hasil_kerja": hasil, "perilaku_kerja": perilaku, "predikat": MATRIX[hasil, perilaku],
        "nip_penilai": penilai,
        "umpan_balik_masyarakat": "Ya" if public else rng.choice(("Tidak", "")),
    }  # fmt: skip


def contract_year(emp: Employee, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of the PPPK's contract year that ends in ``year`` (contract years run
    from the start of the work contract, ``tmt_cpns``), or None when no whole one does."""
    start, day = emp.tmt_cpns, dt.timedelta(days=1)
    end = people.add_years(start, year - start.year + 1) - day
    if end.year != year:
        end = people.add_years(start, year - start.year) - day
    first = people.add_years(end + dt.timedelta(days=1), -1)
    return (first, end) if first >= start else None


def training_window(emp: Employee, year: int) -> tuple[dt.date, dt.date] | None:
    """Where the trainings counted for ``year`` start: the calendar year for PNS/CPNS (JP
    minimum), the contract year ending in ``year`` for PPPK (JP cap); None when not in
    service for it. The last start leaves room for a 4-day training inside the window."""
    if emp.status == "PPPK":
        window = contract_year(emp, year)
        return (window[0], window[1] - dt.timedelta(days=5)) if window else None
    if year < emp.tmt_cpns.year:
        return None
    return max(dt.date(year, 1, 2), emp.tmt_cpns), dt.date(year, 12, 20)


def trainings(rng: random.Random, emp: Employee, year: int, total: int) -> list[Record]:
    """Trainings counted for ``year`` (see :func:`training_window`) adding up to exactly
    ``total`` JP, with distinct names."""
    count = 1 if total < 12 else rng.randint(1, 3)
    cuts = sorted(rng.sample(range(1, total), count - 1)) if count > 1 else []
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    window = training_window(emp, year)
    start, last = (
        window if window else (max(dt.date(year, 1, 2), emp.tmt_cpns), dt.date(year, 12, 20))
    )
    out = []
    for jp, spec in zip(parts, rng.sample(TRAININGS, len(parts)), strict=True):
        name, jenis, bentuk, penyelenggara, mitra = spec
        begin = _date_in(rng, start, last)
        out.append({
            "nip": emp.nip, "nama_pelatihan": name, "jenis": jenis, "bentuk": bentuk,
            "penyelenggara": penyelenggara, "mitra": mitra, "tanggal_mulai": begin,
            "tanggal_selesai": begin + dt.timedelta(days=min(4, jp // 8)), "jp": jp,
            "biaya": 0 if jenis == "nonklasikal" else rng.choice((1500000, 2750000, 4000000)),
        })  # fmt: skip
    return out


def history(rng: random.Random, emp: Employee, penilai: str) -> dict[str, list[Record]]:
    """All records of a clean employee, per table."""
    rows: dict[str, list[Record]] = {t: [] for t in ("pelatihan", "penilaian_kinerja",
                                                     "riwayat_pangkat", "penghargaan",
                                                     "hukuman_disiplin")}  # fmt: skip
    for year in JP_YEARS:
        if training_window(emp, year):
            total = rng.randint(8, 24) if emp.status == "PPPK" else rng.randint(20, 56)
            rows["pelatihan"].extend(trainings(rng, emp, year, total))
    for year in EVAL_YEARS:
        if year >= emp.tmt_cpns.year:
            rows["penilaian_kinerja"].append(
                evaluation(emp.nip, year, rng, emp.unit.pelayanan_publik, penilai)
            )
    if rng.random() < 0.1 and emp.tmt_cpns.year <= 2024:
        for half in (1, 2):
            rec = evaluation(emp.nip, 2025, rng, False, penilai)
            rec.update(periode="semesteran", periode_ke=half, umpan_balik_masyarakat="")
            rows["penilaian_kinerja"].append(rec)
    for gol, tmt, kind in emp.ranks:
        rows["riwayat_pangkat"].append(
            {"nip": emp.nip, "golongan": gol, "tmt": tmt, "jenis_kp": kind}
        )
    if emp.status != "PPPK":
        for years, level in ((10, "X"), (20, "XX"), (30, "XXX")):
            due = people.add_years(emp.tmt_cpns, years)
            day = dt.date(due.year + (due > dt.date(due.year, 8, 17)), 8, 17)
            if day <= AS_OF and rng.random() < 0.7:
                rows["penghargaan"].append(
                    {"nip": emp.nip, "jenis": f"Satyalancana Karya Satya {level}", "tanggal": day}
                )
    if rng.random() < 0.02:
        rows["hukuman_disiplin"].append({
            "nip": emp.nip, "tingkat": "ringan", "jenis": "Teguran tertulis",
            "tmt_mulai": _date_in(rng, dt.date(2023, 1, 1), dt.date(2025, 12, 1)),
            "tmt_selesai": None,
        })  # fmt: skip
    return rows
