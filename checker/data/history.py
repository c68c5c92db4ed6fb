"""One synthetic employee and their compliant history, as plain records (dicts) per table.

The population is the one a provincial dataset really has: teachers of the SMA, SMK and SLB are the
largest group (retirement age 60), PPPK whose contracts start in any month, employees on CLTN or
tugas belajar (with their period in ``riwayat_cltn``), evaluation rows back to 2019 in the old
scale (a score and a predikat; 2021 as two semesters without ratings), trainings without an end
date, a training that runs over New Year, KPs decreed for the next period, and units with and
without public service.

A *clean* employee built here breaks no rule for the checked years. Every threshold it is built
around (JP minimum and PPPK cap, years in rank, KP periods, ceilings, retirement ages, Satyalancana
years) comes from :class:`checker.data.thresholds.Thresholds`, i.e. from ``policy/parameter.yml``.
Records that sit just on the compliant side of a threshold carry a ``_near`` mark (rule, period):
the sample's answer key lists them as near misses that must *not* be reported.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Any

from checker.data import people
from checker.data.people import EDUCATION, GOLONGAN, Employee, Unit
from checker.data.schema import load_schema
from checker.data.thresholds import Thresholds

AS_OF = dt.date(2026, 6, 30)
JP_YEARS = (2023, 2024, 2025)  # the closed years the answer key covers
EVAL_YEARS = tuple(range(2019, 2026))  # evaluation rows go back to 2019 (old scale before 2022)
SEMESTER_YEAR = 2021  # SE MenPANRB 3/2021: two semesters, no ratings (domain §2)
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
    ("Pelatihan Kurikulum Merdeka", "nonklasikal", "E-learning", "Kemendikdasmen", ""),
    ("Diklat Penguatan Kepala Sekolah", "klasikal", "Pelatihan teknis",
     "BPSDM Provinsi Bengkulu", ""),
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
HEALTH = {"Fungsional Terampil": "Perawat Terampil", "Fungsional Ahli Pertama":
          "Perawat Ahli Pertama", "Fungsional Ahli Muda": "Dokter Ahli Muda",
          "Fungsional Ahli Madya": "Dokter Ahli Madya"}  # fmt: skip
MIN_AGE = {"SLTA": 19, "D-III": 22, "S-1": 23, "D-IV": 23, "S-2": 26, "S-3": 30}


@functools.cache
def _evaluation_schema() -> tuple[float, Any]:
    """The first year of the current evaluation regime and the old scale's score bands, from
    the Table Schema (read once)."""
    table = load_schema()["penilaian_kinerja"]
    bands = table.field("nilai_skp").bands
    assert bands is not None
    return table.regimes[-1].start, bands


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _age(birth: dt.date, on: dt.date = AS_OF) -> float:
    return (on - birth).days / 365.25


def _date_in(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def near(record: Record, rule: str, period: int | None = None) -> None:
    """Note on ``record`` that it sits just on the compliant side of ``rule``."""
    record.setdefault("_near", []).append((rule, period))


def retires_by(emp: Employee, th: Thresholds, on: dt.date = AS_OF) -> bool:
    """Whether ``emp`` has reached the TMT pensiun of their kategori by ``on``."""
    bup = th.bup(emp.kategori, on)
    return people.retirement_date(emp.birth, bup) <= on


def _careers(rng: random.Random, th: Thresholds, emp: Employee, senior: bool) -> None:
    """Ranks from appointment: KP reguler at least the minimum years apart up to the ceiling of
    the education, KP pilihan beyond it; now and then the next KP already decreed for the first
    period after the as-of date."""
    start, pppk_gol = EDUCATION[emp.education][1], EDUCATION[emp.education][2]
    if emp.status == "PPPK":
        emp.ranks = [(pppk_gol, emp.tmt_cpns, "pengangkatan")]
        return
    emp.ranks = [(start, emp.tmt_cpns, "pengangkatan")]
    if emp.status == "CPNS":
        return
    ahead = th.next_kp_after(AS_OF)
    top = GOLONGAN.index("IV/c") if senior else GOLONGAN.index(th.ceiling(emp.education, AS_OF))
    while GOLONGAN.index(emp.golongan) < top:
        last = emp.ranks[-1][1]
        minimum = th.kp_years(last)
        gap = minimum if senior else rng.randint(minimum, minimum + 2)
        when = th.kp_date(last.year + gap, last.month)
        if when > ahead or (when > AS_OF and rng.random() < 0.5):
            break
        rank = GOLONGAN[GOLONGAN.index(emp.golongan) + 1]
        ceiling = th.ceiling(emp.education, when)
        kind = "reguler" if GOLONGAN.index(rank) <= GOLONGAN.index(ceiling) else "pilihan"
        emp.ranks.append((rank, when, kind))


def current_rank(emp: Employee) -> tuple[str, dt.date, str]:
    """The rank in force on the as-of date (a KP decreed ahead is not yet)."""
    return [r for r in emp.ranks if r[1] <= AS_OF][-1]


def _teacher(emp: Employee) -> tuple[str, str]:
    """(jenis jabatan, jabatan) of a teacher by rank: Guru Ahli Pertama, Muda or Madya."""
    if emp.status == "PPPK":
        return "Fungsional Ahli Pertama", "Guru Ahli Pertama"
    g = GOLONGAN.index(current_rank(emp)[0])
    level = "Pertama"
    if g >= GOLONGAN.index("IV/a"):
        level = "Madya"
    elif g >= GOLONGAN.index("III/c"):
        level = "Muda"
    return f"Fungsional Ahli {level}", f"Guru Ahli {level}"


def _office(rng: random.Random, emp: Employee, senior: bool) -> str:
    g = GOLONGAN.index(current_rank(emp)[0]) if emp.status != "PPPK" else -1
    if senior:
        return rng.choice(("Fungsional Ahli Madya", "JPT Pratama"))
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


def _jabatan(rng: random.Random, th: Thresholds, emp: Employee, band: str) -> None:
    """Jenis jabatan and jabatan by the kind of unit: most school staff teach; a hospital has
    nurses and doctors; offices have administrators and analysts. ``senior`` employees (past the
    lowest retirement age) hold a post that retires later; ``bup`` ones are already past the
    retirement age of theirs (a teacher past the teachers' age, else a Pelaksana)."""
    teaches = emp.unit.kind == "sekolah" and emp.education not in ("SLTA", "D-III")
    if band == "bup":
        if teaches and emp.status == "PNS":
            emp.jenis_jabatan, emp.jabatan = _teacher(emp)
            if retires_by(emp, th):
                return
        emp.jenis_jabatan, emp.jabatan = "Pelaksana", JABATAN["Pelaksana"]
        return
    if teaches and (band == "senior" or rng.random() < 0.85):
        emp.jenis_jabatan, emp.jabatan = _teacher(emp)
        return
    emp.jenis_jabatan = _office(rng, emp, band == "senior")
    if emp.unit.kind == "rs" and emp.jenis_jabatan in HEALTH and rng.random() < 0.7:
        emp.jabatan = HEALTH[emp.jenis_jabatan]
    else:
        emp.jabatan = JABATAN.get(emp.jenis_jabatan, emp.jenis_jabatan)
    if emp.unit.pelayanan_publik and emp.jenis_jabatan == "Pelaksana" and rng.random() < 0.3:
        emp.melayani_publik = "Tidak"  # back-office staff of a public unit


def make_employee(
    rng: random.Random, th: Thresholds, index: int, birth: dt.date, unit: Unit, band: str
) -> Employee:
    """A consistent employee born on ``birth``.

    ``band`` is ``clean`` (below every retirement age on the as-of date), ``senior`` (past the
    lowest retirement age: only teachers and posts that retire at 60 remain) or ``bup`` (past the
    retirement age of their post on the as-of date: the planted KAR-BUP fault).
    """
    sex = rng.choice("LP")
    given = rng.choice(people.MALE if sex == "L" else people.FEMALE)
    nama = f"{given} {rng.choice(people.FAMILY)}"
    age = _age(birth)
    pppk_share = 0.3 if unit.kind == "sekolah" else 0.18
    status = "PPPK" if band == "clean" and rng.random() < pppk_share and age < 56 else "PNS"
    names = list(EDUCATION)
    if unit.kind == "sekolah" and rng.random() < 0.85:
        education = "S-2" if rng.random() < 0.15 else "S-1"
    else:
        education = rng.choices(names, [EDUCATION[n][0] for n in names])[0]
    if band == "senior":
        education = "S-2" if unit.kind != "sekolah" else education
        if education in ("SLTA", "D-III"):
            education = "S-1"
    if status == "PPPK":
        # contracts start in any month, the first ones in 2019, the last a few months ago
        earliest = max(dt.date(2019, 2, 1), people.add_years(birth, 20))
        latest = dt.date(AS_OF.year, 3, 1)
        tmt = _month_start(_date_in(rng, earliest, latest)) if earliest <= latest else latest
    else:
        while MIN_AGE[education] > age - 2 and education != "SLTA":
            education = "SLTA"
        low = MIN_AGE[education]
        high = max(low, min(35, int(age - 2)))
        tmt = _month_start(people.add_years(birth, rng.randint(low, high)) + dt.timedelta(days=40))
        if tmt > dt.date(2024, 6, 1):
            status, tmt = "CPNS", dt.date(2025, rng.choice((7, 8, 9)), 1)
    emp = Employee(index, nama, sex, birth, status, education, tmt, unit.instansi, unit)
    _careers(rng, th, emp, band == "senior")
    _jabatan(rng, th, emp, band)
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


def _old_scale(nip: str, year: int, rng: random.Random, penilai: str) -> list[Record]:
    """Penilaian prestasi kerja before PermenPANRB 6/2022: a score and its predikat band for a
    year, or (2021) two semesters with a predikat and no ratings."""
    base = {"nip": nip, "tahun": year, "nip_penilai": penilai, "hasil_kerja": None,
            "perilaku_kerja": None, "umpan_balik_masyarakat": None}  # fmt: skip
    if year == SEMESTER_YEAR:
        semesters: list[Record] = [
            {**base, "periode": "semesteran", "periode_ke": half,
             "predikat": rng.choices(("Baik", "Sangat Baik"), (85, 15))[0]}
            for half in (1, 2)
        ]  # fmt: skip
        if rng.random() < 0.1:  # no ratings to hold the predikat against
            near(semesters[0], "KIN-PREDIKAT-PERIODIK", year)
        return semesters
    bands = _evaluation_schema()[1]
    band = rng.choices([b for b in bands.bands if b.value in ("Baik", "Sangat Baik")], (85, 15))[0]
    low, high = band.minimum or 0, band.maximum or 98
    score = round(rng.uniform(low, high), 2)
    # SIASN's riwayat SKP often carries only the score: the predikat is read from its band
    predikat = band.value if rng.random() < 0.7 else None
    rec = {**base, "periode": "tahunan", "periode_ke": None, "nilai_skp": score,
           "predikat": predikat}  # fmt: skip
    if rng.random() < 0.1:
        near(rec, "KIN-PREDIKAT", year)  # the old scale has no ratings to hold it against
    return [rec]


def on_leave(emp: Employee, year: int) -> bool:
    """Whether a CLTN or tugas belajar period of ``emp`` touches ``year``."""
    return bool(emp.leave) and emp.leave[0].year <= year <= emp.leave[1].year  # type: ignore[index]


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


def trainings(
    rng: random.Random,
    emp: Employee,
    year: int,
    total: int,
    window: tuple[dt.date, dt.date] | None = None,
) -> list[Record]:
    """Trainings counted for ``year`` (see :func:`training_window`, or ``window``) adding up to
    exactly ``total`` JP, with distinct names; some rows have no end date (counted by their
    start, in the same year)."""
    count = 1 if total < 12 else rng.randint(1, 3)
    cuts = sorted(rng.sample(range(1, total), count - 1)) if count > 1 else []
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    window = window or training_window(emp, year)
    start, last = (
        window if window else (max(dt.date(year, 1, 2), emp.tmt_cpns), dt.date(year, 12, 20))
    )
    out = []
    for jp, spec in zip(parts, rng.sample(TRAININGS, len(parts)), strict=True):
        name, jenis, bentuk, penyelenggara, mitra = spec
        begin = _date_in(rng, start, last)
        end = begin + dt.timedelta(days=min(4, jp // 8))
        out.append(rec := {
            "nip": emp.nip, "nama_pelatihan": name, "jenis": jenis, "bentuk": bentuk,
            "penyelenggara": penyelenggara, "mitra": mitra, "tanggal_mulai": begin,
            "tanggal_selesai": None if rng.random() < 0.05 else end, "jp": jp,
            "biaya": 0 if jenis == "nonklasikal" else rng.choice((1500000, 2750000, 4000000)),
        })  # fmt: skip
        if rec["tanggal_selesai"] == begin and rng.random() < 0.2:
            near(rec, "DATA-TANGGAL")  # a one-day training ends the day it starts
    return out


def _over_new_year(rng: random.Random, emp: Employee, year: int, rows: list[Record]) -> None:
    """Move one training of ``year`` to start in the last days of the year before and end in
    the first days of ``year``: it counts for ``year``, the year of its end."""
    dated = [r for r in rows if r["tanggal_selesai"] is not None]
    if not dated or emp.tmt_cpns > dt.date(year - 1, 12, 1):
        return
    rec = rng.choice(dated)
    rec["tanggal_mulai"] = dt.date(year - 1, 12, rng.randint(27, 30))
    rec["tanggal_selesai"] = dt.date(year, 1, rng.randint(2, 5))


def _jp_total(rng: random.Random, th: Thresholds, emp: Employee, year: int) -> tuple[int, bool]:
    """JP for a clean year, and whether it sits exactly on the threshold (a near miss)."""
    if emp.status == "PPPK":
        window = contract_year(emp, year)
        cap = th.pppk_cap(window[1]) if window else th.pppk_cap(dt.date(year, 12, 31))
        if rng.random() < 0.1:
            return cap, True
        return rng.randint(max(2, cap // 3), cap), False
    minimum = th.jp_min(year)
    if rng.random() < 0.08:
        return minimum, True
    return rng.randint(minimum, minimum * 2 + 16), False


def _last_day_only(rng: random.Random, emp: Employee, year: int) -> list[Record]:
    """A PPPK's only training of the contract year ending in ``year``, held on its last day: a
    near miss of KOMP-PPPK-TANPA (one day later it would count for the next contract year)."""
    batch = trainings(rng, emp, year, rng.randint(2, 8))[:1]
    last = contract_year(emp, year)[1]  # type: ignore[index]
    batch[0].update(tanggal_mulai=last, tanggal_selesai=last)
    return batch


def _running_year(rng: random.Random, th: Thresholds, emp: Employee) -> list[Record]:
    """Trainings of the year still running, all ended by the as-of date: some employees have
    already reached the minimum, most have not yet."""
    year = AS_OF.year
    first = max(dt.date(year, 1, 5), emp.tmt_cpns)
    last = AS_OF - dt.timedelta(days=5)
    if first > last or rng.random() < 0.3:
        return []
    if emp.status == "PPPK":
        total = rng.randint(2, max(2, th.pppk_cap(AS_OF) // 3))
    else:
        total = rng.randint(2, th.jp_min(year) + 12)
    return trainings(rng, emp, year, total, (first, last))


def history(
    rng: random.Random, th: Thresholds, emp: Employee, penilai: str
) -> tuple[dict[str, list[Record]], list[tuple[str, int | None]]]:
    """All records of a clean employee, per table, and the near misses that belong on the
    pegawai row (rule, period)."""
    tables = ("pelatihan", "penilaian_kinerja", "riwayat_pangkat", "penghargaan",
              "hukuman_disiplin", "riwayat_cltn")  # fmt: skip
    rows: dict[str, list[Record]] = {t: [] for t in tables}
    marks: list[tuple[str, int | None]] = []
    for year in JP_YEARS:
        window = training_window(emp, year)
        if not window:
            continue
        if on_leave(emp, year):
            if emp.status != "PPPK" and emp.tmt_cpns <= dt.date(year, 1, 1):
                marks.append(("KOMP-JP-MIN", year))
            continue
        total, exact = _jp_total(rng, th, emp, year)
        batch = trainings(rng, emp, year, total)
        if emp.status != "PPPK" and rng.random() < 0.06:
            _over_new_year(rng, emp, year, batch)
        elif emp.status == "PPPK" and not exact and rng.random() < 0.08:
            batch = _last_day_only(rng, emp, year)
            marks.append(("KOMP-PPPK-TANPA", year))
        rows["pelatihan"].extend(batch)
        if exact and emp.tmt_cpns <= dt.date(year, 1, 1):
            marks.append(("KOMP-JP-PPPK" if emp.status == "PPPK" else "KOMP-JP-MIN", year))
    if not emp.leave:
        rows["pelatihan"].extend(_running_year(rng, th, emp))
    public = emp.unit.pelayanan_publik and emp.melayani_publik != "Tidak"
    for year in EVAL_YEARS:
        if year < emp.tmt_cpns.year:
            continue
        if on_leave(emp, year):
            if year in JP_YEARS and emp.tmt_cpns <= dt.date(year, 1, 1):
                marks.append(("KIN-SKP-TAHUNAN", year))
            continue
        if year < _evaluation_schema()[0]:
            rows["penilaian_kinerja"].extend(_old_scale(emp.nip, year, rng, penilai))
            continue
        rec = evaluation(emp.nip, year, rng, public, penilai)
        if emp.unit.pelayanan_publik and not public and year in JP_YEARS:
            rec["umpan_balik_masyarakat"] = ""
            near(rec, "KIN-UMPAN-BALIK", year)
        rows["penilaian_kinerja"].append(rec)
    if rng.random() < 0.1 and emp.tmt_cpns.year <= 2024 and not on_leave(emp, 2025):
        for half in (1, 2):
            rec = evaluation(emp.nip, 2025, rng, False, penilai)
            rec.update(periode="semesteran", periode_ke=half, umpan_balik_masyarakat="")
            rows["penilaian_kinerja"].append(rec)
    _ranks(th, emp, rows)
    if emp.status != "PPPK":
        rows["penghargaan"] = _satyalancana(rng, th, emp)
    if rng.random() < 0.02:
        _penalty_before_kp(rng, th, emp, rows)
    if rng.random() < 0.02:
        rows["hukuman_disiplin"].append({
            "nip": emp.nip, "tingkat": "ringan", "jenis": "Teguran tertulis",
            "tmt_mulai": _date_in(rng, dt.date(2023, 1, 1), dt.date(2025, 12, 1)),
            "tmt_selesai": None,
        })  # fmt: skip
    return rows, marks


def _ranks(th: Thresholds, emp: Employee, rows: dict[str, list[Record]]) -> None:
    """The rank history, each KP reguler of the checked years marked where it sits exactly on a
    threshold: the minimum years in rank, the ceiling of the education, the minimum predikat."""
    tahunan = {r["tahun"]: r["predikat"] for r in rows["penilaian_kinerja"]
               if r["periode"] == "tahunan"}  # fmt: skip
    previous: dt.date | None = None
    for gol, tmt, kind in emp.ranks:
        rec: Record = {"nip": emp.nip, "golongan": gol, "tmt": tmt, "jenis_kp": kind}
        if tmt > AS_OF:
            near(rec, "DATA-TMT-PANGKAT", tmt.year)  # decreed for the next KP period
        if kind == "reguler" and previous and WINDOW[0] <= tmt <= WINDOW[1]:
            minimum = th.kp_years(tmt)
            if tmt == th.kp_date(previous.year + minimum, previous.month):
                near(rec, "KAR-KP-MASA", tmt.year)
            if gol == th.ceiling(emp.education, tmt):
                near(rec, "KAR-KP-PLAFON", tmt.year)
            span = range(tmt.year - th.kp_evaluation_years(tmt), tmt.year)
            if all(tahunan.get(y) == th.predikat_minimum(tmt) for y in span):
                near(rec, "KAR-KP-PREDIKAT", tmt.year)
        rows["riwayat_pangkat"].append(rec)
        previous = tmt


def _penalty_before_kp(
    rng: random.Random, th: Thresholds, emp: Employee, rows: dict[str, list[Record]]
) -> None:
    """A sedang penalty that ended the day before a KP reguler of the checked years (no award
    follows it: an award after a sedang penalty breaks another rule)."""
    promos = [r for r in rows["riwayat_pangkat"]
              if r["jenis_kp"] == "reguler" and WINDOW[0] <= r["tmt"] <= WINDOW[1]]  # fmt: skip
    if not promos:
        return
    kp = promos[-1]
    months = th.penalty_months("sedang", kp["tmt"])
    end = kp["tmt"] - dt.timedelta(days=1)
    index = end.month - 1 - months + 1
    start = dt.date(end.year + index // 12, index % 12 + 1, 1)
    rows["penghargaan"] = [r for r in rows["penghargaan"] if r["tanggal"] < start]
    rows["hukuman_disiplin"].append({
        "nip": emp.nip, "tingkat": "sedang",
        "jenis": f"Pemotongan tunjangan kinerja sebesar 25% selama {months} bulan",
        "tmt_mulai": start, "tmt_selesai": end,
    })  # fmt: skip
    near(kp, "KAR-KP-HUKDIS", kp["tmt"].year)


def _satyalancana(rng: random.Random, th: Thresholds, emp: Employee) -> list[Record]:
    """Awards on the first 17 August on or after the service years are complete (most are
    awarded; one that comes within two months of the date is a near miss)."""
    out: list[Record] = []
    for level in ("X", "XX", "XXX"):
        due = people.add_years(emp.tmt_cpns, th.satyalancana_years(level, AS_OF))
        day = dt.date(due.year + (due > dt.date(due.year, 8, 17)), 8, 17)
        if day <= AS_OF and rng.random() < 0.7:
            rec = {"nip": emp.nip, "jenis": f"Satyalancana Karya Satya {level}", "tanggal": day}
            if (day - due).days < 60:
                near(rec, "KAR-SATYALANCANA")
            out.append(rec)
    return out


def leave(rng: random.Random, emp: Employee) -> Record:
    """Put ``emp`` on CLTN or tugas belajar over part of the checked years; the KPs that would
    fall during it are dropped (a KP needs the evaluations the leave has none of)."""
    if rng.random() < 0.6:
        emp.kedudukan = "Tugas Belajar"
        start = dt.date(rng.choice((2023, 2024)), rng.choice((8, 9)), 1)
        end = people.add_years(start, 2) - dt.timedelta(days=1)
    else:
        emp.kedudukan = "CLTN"
        start = dt.date(2024, rng.randint(1, 12), 1)
        end = people.add_years(start, 3) - dt.timedelta(days=1)
    emp.leave = (start, end)
    emp.ranks = [r for r in emp.ranks if r[1].year <= start.year]
    return {"nip": emp.nip, "jenis": emp.kedudukan, "tanggal_mulai": start,
            "tanggal_selesai": end, "nomor_sk": f"800/{emp.index}/BKD/{start.year}"}  # fmt: skip
