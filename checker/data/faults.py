"""Planted faults: each changes one clean employee so that exactly one rule is broken.

A fault marks the record the finding belongs on with ``_rule`` (and ``_period`` for per-year rules);
the sample writer turns the marks into answer-key rows. Rule-engine faults change facts; intake
faults change how a cell is *written* (see :func:`intake_fault`), always on an extra training row
so that the facts the rule engine reads stay compliant.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from checker.data import people
from checker.data.history import AS_OF, JP_YEARS, WINDOW, Record, contract_year, trainings
from checker.data.people import GOLONGAN, Employee

Rows = dict[str, list[Record]]
NIP_FAULTS = ("DATA-NIP-FORMAT", "DATA-NIP-LAHIR", "DATA-NIP-TMT", "DATA-NIP-JK")
INTAKE_FAULTS = (
    "SKEMA-WAJIB", "SKEMA-TIPE", "SKEMA-ENUM", "SKEMA-NIP-RUSAK", "SKEMA-UNIK", "SKEMA-RUJUKAN",
    "SKEMA-BARIS",
)  # fmt: skip
CEILING_OF = {"II/a": "SD", "II/c": "SLTP", "III/b": "SLTA", "III/c": "D-III", "III/d": "S-1",
              "IV/a": "S-2", "IV/b": "S-3"}  # fmt: skip


def mark(record: Record, rule: str, period: int | None = None) -> bool:
    """Mark ``record`` as the place of a planted ``rule`` fault."""
    record["_rule"] = rule
    if period is not None:
        record["_period"] = period
    return True


def nip_fault(rule: str, rng: random.Random, nip: str) -> str:
    """Damage a correct NIP the way ``rule`` describes (format, birth date, TMT, sex digit)."""
    if rule == "DATA-NIP-LAHIR":
        day = int(nip[6:8]) % 28 + 1
        return nip[:6] + f"{day:02d}" + nip[8:]
    if rule == "DATA-NIP-FORMAT":
        return nip[:-1] if rng.random() < 0.5 else nip[:8] + "O" + nip[9:]
    if rule == "DATA-NIP-TMT":
        month = int(nip[12:14]) % 12 + 1
        return nip[:12] + f"{month:02d}" + nip[14:]
    return nip[:14] + ("2" if nip[14] == "1" else "1") + nip[15:]


def _promotions(emp: Employee, rows: Rows, kind: str = "reguler") -> list[Record]:
    return [
        r for r in rows["riwayat_pangkat"]
        if r["jenis_kp"] == kind and WINDOW[0] <= r["tmt"] <= WINDOW[1]
    ]  # fmt: skip


def _tahunan(rows: Rows, year: int) -> Record | None:
    for r in rows["penilaian_kinerja"]:
        if r["tahun"] == year and r["periode"] == "tahunan":
            return r
    return None


def _ganda(
    rng: random.Random, emp: Employee, rows: Rows, units: dict[str, list[people.Unit]]
) -> bool:
    # Same kind of unit (public service or not) in another instansi, so the twin row changes no
    # other rule's outcome.
    others = [i for i in units if i != emp.instansi]
    fits = [u for u in units[rng.choice(others)] if u.pelayanan_publik == emp.unit.pelayanan_publik]
    unit = rng.choice(fits)
    twin = dict(rows["pegawai"][0], instansi=unit.instansi, unit_kerja=unit.nama, opd=unit.opd)
    twin.pop("_rule", None)
    rows["pegawai"].append(twin)
    return mark(twin, "DATA-NIP-GANDA")


def _tanggal(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    if not rows["pelatihan"]:
        return False
    rec = rng.choice(rows["pelatihan"])
    rec["tanggal_selesai"] = rec["tanggal_mulai"] - dt.timedelta(days=rng.randint(1, 30))
    return mark(rec, "DATA-TANGGAL")


def _riwayat(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    if len(emp.ranks) < 2:
        return False
    rows["pegawai"][0]["golongan"] = emp.ranks[-2][0]
    return mark(rows["pegawai"][0], "DATA-PANGKAT-RIWAYAT")


def _jp(rng: random.Random, emp: Employee, rows: Rows, pppk: bool) -> bool:
    if (emp.status == "PPPK") != pppk:
        return False
    if pppk:
        years = [y for y in JP_YEARS if contract_year(emp, y)]
    else:
        years = [y for y in JP_YEARS if emp.tmt_cpns <= dt.date(y, 1, 1)]
    if not years:
        return False
    year = rng.choice(years)
    window = contract_year(emp, year) if pppk else None
    first, last = window or (dt.date(year, 1, 1), dt.date(year, 12, 31))
    kept = [r for r in rows["pelatihan"] if not first <= r["tanggal_selesai"] <= last]
    total = rng.randint(28, 48) if pppk else rng.randint(4, 16)
    rows["pelatihan"] = kept + trainings(rng, emp, year, total)
    return mark(rows["pegawai"][0], "KOMP-JP-PPPK" if pppk else "KOMP-JP-MIN", year)


def _skp(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    promo_years = {
        r["tmt"].year for r in rows["riwayat_pangkat"] if r["jenis_kp"] != "pengangkatan"
    }
    years = [
        y for y in JP_YEARS
        if emp.tmt_cpns <= dt.date(y, 1, 1)
        and not promo_years & {y + 1, y + 2}
        and _tahunan(rows, y)
    ]  # fmt: skip
    if not years:
        return False
    year = rng.choice(years)
    rows["penilaian_kinerja"] = [
        r
        for r in rows["penilaian_kinerja"]
        if not (r["tahun"] == year and r["periode"] == "tahunan")
    ]
    return mark(rows["pegawai"][0], "KIN-SKP-TAHUNAN", year)


def _predikat(rng: random.Random, emp: Employee, rows: Rows, feedback: bool) -> bool:
    if feedback and not emp.unit.pelayanan_publik:
        return False
    found = [r for y in JP_YEARS if (r := _tahunan(rows, y))]
    if not found:
        return False
    rec = rng.choice(found)
    if feedback:
        rec["umpan_balik_masyarakat"] = "Tidak"
        return mark(rec, "KIN-UMPAN-BALIK")
    rec["predikat"] = "Baik" if rec["predikat"] == "Sangat Baik" else "Sangat Baik"
    return mark(rec, "KIN-PREDIKAT")


def _masa(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    ranks = rows["riwayat_pangkat"]
    for i in range(1, len(ranks)):
        rec, prev = ranks[i], ranks[i - 1]
        if rec["jenis_kp"] != "reguler" or not WINDOW[0] <= rec["tmt"] <= WINDOW[1]:
            continue
        for gap in (3, 2):
            moved = people.kp_date(prev["tmt"].year + gap, prev["tmt"].month)
            if WINDOW[0] <= moved < rec["tmt"]:
                rec["tmt"] = moved
                if i == len(ranks) - 1:
                    rows["pegawai"][0]["tmt_golongan"] = moved
                return mark(rec, "KAR-KP-MASA")
            # Or the previous promotion came later than it should have (never the appointment,
            # whose TMT is in the NIP).
            later = people.kp_date(rec["tmt"].year - gap, rec["tmt"].month)
            if i >= 2 and prev["tmt"] < later < rec["tmt"]:
                prev["tmt"] = later
                return mark(rec, "KAR-KP-MASA")
    return False


def _kp_predikat(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    for rec in _promotions(emp, rows):
        before = _tahunan(rows, rec["tmt"].year - 1)
        if before:
            before.update(hasil_kerja="Di Bawah Ekspektasi", perilaku_kerja="Sesuai Ekspektasi",
                          predikat="Butuh Perbaikan")  # fmt: skip
            return mark(rec, "KAR-KP-PREDIKAT")
    return False


def _hukdis(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    promos = _promotions(emp, rows)
    if not promos:
        return False
    rec = promos[-1]
    start = rec["tmt"] - dt.timedelta(days=rng.randint(60, 150))
    # A Satyalancana after a sedang penalty would break KAR-SATYALANCANA too: leave it out.
    rows["penghargaan"] = [r for r in rows["penghargaan"] if r["tanggal"] < start]
    rows["hukuman_disiplin"].append({
        "nip": emp.nip, "tingkat": "sedang", "jenis": "Penundaan kenaikan pangkat selama 1 tahun",
        "tmt_mulai": start, "tmt_selesai": people.add_years(start, 1) - dt.timedelta(days=1),
    })  # fmt: skip
    return mark(rec, "KAR-KP-HUKDIS")


def _plafon(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    last = rows["riwayat_pangkat"][-1]
    if last["jenis_kp"] != "reguler" or not WINDOW[0] <= last["tmt"] <= WINDOW[1]:
        return False
    below = GOLONGAN[GOLONGAN.index(last["golongan"]) - 1]
    if below not in CEILING_OF:
        return False
    rows["pegawai"][0]["pendidikan"] = CEILING_OF[below]
    return mark(last, "KAR-KP-PLAFON")


def _satya(rng: random.Random, emp: Employee, rows: Rows) -> bool:
    if emp.status == "PPPK" or people.add_years(emp.tmt_cpns, 9) > AS_OF:
        return False
    rows["penghargaan"] = [
        r for r in rows["penghargaan"] if r["jenis"] != "Satyalancana Karya Satya X"
    ]
    day = people.add_years(emp.tmt_cpns, rng.randint(6, 8)) + dt.timedelta(days=rng.randint(0, 300))
    rec = {"nip": emp.nip, "jenis": "Satyalancana Karya Satya X", "tanggal": day}
    rows["penghargaan"].insert(0, rec)
    return mark(rec, "KAR-SATYALANCANA")


Fault = Callable[[random.Random, Employee, Rows], bool]
ROW_FAULTS: dict[str, Fault] = {
    "DATA-TANGGAL": _tanggal,
    "DATA-PANGKAT-RIWAYAT": _riwayat,
    "KOMP-JP-MIN": lambda r, e, rows: _jp(r, e, rows, pppk=False),
    "KOMP-JP-PPPK": lambda r, e, rows: _jp(r, e, rows, pppk=True),
    "KIN-SKP-TAHUNAN": _skp,
    "KIN-PREDIKAT": lambda r, e, rows: _predikat(r, e, rows, feedback=False),
    "KIN-UMPAN-BALIK": lambda r, e, rows: _predikat(r, e, rows, feedback=True),
    "KAR-KP-MASA": _masa,
    "KAR-KP-PREDIKAT": _kp_predikat,
    "KAR-KP-HUKDIS": _hukdis,
    "KAR-KP-PLAFON": _plafon,
    "KAR-SATYALANCANA": _satya,
}
GANDA = _ganda


def intake_fault(rng: random.Random, emp: Employee, rows: Rows, kinds: tuple[str, ...]) -> None:
    """Add one extra training row written so that intake must report exactly one finding."""
    kind = rng.choice(kinds)
    plain = [r for r in rows["pelatihan"] if "_rule" not in r]
    if kind == "SKEMA-UNIK" and (emp.status == "PPPK" or not plain):
        kind = "SKEMA-ENUM"
    if kind == "SKEMA-UNIK":
        twin = dict(plain[0])
        rows["pelatihan"].append(twin)
        mark(twin, kind)
        return
    year = max(2023, emp.tmt_cpns.year)
    rec: Record = {
        "nip": emp.nip, "nama_pelatihan": "Webinar Keterbukaan Informasi Publik",
        "jenis": "nonklasikal", "bentuk": "Seminar", "penyelenggara": "Diskominfo",
        "mitra": "", "tanggal_mulai": dt.date(year, 12, 29),
        "tanggal_selesai": dt.date(year, 12, 29), "jp": 0, "biaya": 0,
    }  # fmt: skip
    if kind == "SKEMA-WAJIB":
        rec["nama_pelatihan"] = ""
    elif kind == "SKEMA-TIPE":
        rec.update(jp="dua") if rng.random() < 0.5 else rec.update(tanggal_mulai=f"31/02/{year}")
    elif kind == "SKEMA-ENUM":
        rec["jenis"] = "daring"
    elif kind == "SKEMA-NIP-RUSAK":
        rec["nip"] = (
            f"{emp.nip[0]}.{emp.nip[1:6]}E+17" if rng.random() < 0.5 else emp.nip[:15] + "000"
        )
    elif kind == "SKEMA-RUJUKAN":
        # Born before anyone in the sample: cannot match a real NIP.
        born = dt.date(1950, 1, 1) + dt.timedelta(days=emp.index // 999)
        rec["nip"] = people.nip_pns(born, dt.date(1975, 3, 1), emp.sex, 1 + emp.index % 999)
    elif kind == "SKEMA-BARIS":
        rec["_short"] = True
    rows["pelatihan"].append(rec)
    mark(rec, kind)
