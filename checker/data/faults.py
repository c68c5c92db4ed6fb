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
from checker.data.history import (
    AS_OF,
    JP_YEARS,
    WINDOW,
    Record,
    contract_year,
    on_leave,
    trainings,
)
from checker.data.people import GOLONGAN, Employee
from checker.data.thresholds import PLAFON_KEY, Thresholds

Rows = dict[str, list[Record]]
NIP_FAULTS = ("DATA-NIP-FORMAT", "DATA-NIP-LAHIR", "DATA-NIP-TMT", "DATA-NIP-JK")
INTAKE_FAULTS = (
    "SKEMA-WAJIB", "SKEMA-TIPE", "SKEMA-ENUM", "SKEMA-NIP-RUSAK", "SKEMA-UNIK", "SKEMA-RUJUKAN",
    "SKEMA-BARIS",
)  # fmt: skip


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
    twin.pop("_near", None)
    rows["pegawai"].append(twin)
    return mark(twin, "DATA-NIP-GANDA")


def _tanggal(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    # a training inside one year, not in its first month: the wrong end date stays in the year
    # it is counted for, so no JP rule changes its outcome
    dated = [
        r for r in rows["pelatihan"]
        if r["tanggal_selesai"] is not None and r["tanggal_mulai"].month > 1
        and r["tanggal_selesai"].year == r["tanggal_mulai"].year
    ]  # fmt: skip
    if not dated:
        return False
    rec = rng.choice(dated)
    rec["tanggal_selesai"] = rec["tanggal_mulai"] - dt.timedelta(days=rng.randint(1, 30))
    return mark(rec, "DATA-TANGGAL")


def _riwayat(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    past = [r for r in emp.ranks if r[1] <= AS_OF]
    if len(past) < 2:
        return False
    rows["pegawai"][0]["golongan"] = past[-2][0]
    return mark(rows["pegawai"][0], "DATA-PANGKAT-RIWAYAT")


def _jp(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows, pppk: bool) -> bool:
    if (emp.status == "PPPK") != pppk or emp.leave:
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

    def counted(r: Record) -> dt.date:
        return r["tanggal_selesai"] or r["tanggal_mulai"]

    kept = [r for r in rows["pelatihan"] if not first <= counted(r) <= last]
    if pppk:
        cap = th.pppk_cap(last)
        total = cap + 1 if rng.random() < 0.3 else rng.randint(cap + 2, cap * 2)
    else:
        minimum = th.jp_min(year)
        total = minimum - 1 if rng.random() < 0.3 else rng.randint(2, minimum - 2)
    rows["pelatihan"] = kept + trainings(rng, emp, year, total)
    return mark(rows["pegawai"][0], "KOMP-JP-PPPK" if pppk else "KOMP-JP-MIN", year)


def _pppk_tanpa(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    """A PPPK with no training at all in one contract year ending in a checked year."""
    if emp.status != "PPPK" or emp.leave:
        return False
    years = [y for y in JP_YEARS if contract_year(emp, y)]
    if not years:
        return False
    year = rng.choice(years)
    first, last = contract_year(emp, year)  # type: ignore[misc]
    rows["pelatihan"] = [
        r
        for r in rows["pelatihan"]
        if not first <= (r["tanggal_selesai"] or r["tanggal_mulai"]) <= last
    ]
    return mark(rows["pegawai"][0], "KOMP-PPPK-TANPA", year)


def _skp(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    promo_years = {
        r["tmt"].year for r in rows["riwayat_pangkat"] if r["jenis_kp"] != "pengangkatan"
    }
    span = th.kp_evaluation_years(AS_OF)
    years = [
        y for y in JP_YEARS
        if emp.tmt_cpns <= dt.date(y, 1, 1)
        and not promo_years & set(range(y + 1, y + span + 1))
        and _tahunan(rows, y)
        and not on_leave(emp, y)
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
    public = emp.unit.pelayanan_publik and emp.melayani_publik != "Tidak"
    if feedback and not public:
        return False
    found = [r for y in JP_YEARS if (r := _tahunan(rows, y)) and r.get("hasil_kerja")]
    if not found:
        return False
    rec = rng.choice(found)
    if feedback:
        rec["umpan_balik_masyarakat"] = "Tidak" if rng.random() < 0.5 else ""
        return mark(rec, "KIN-UMPAN-BALIK", rec["tahun"])
    rec["predikat"] = "Baik" if rec["predikat"] == "Sangat Baik" else "Sangat Baik"
    return mark(rec, "KIN-PREDIKAT", rec["tahun"])


def _periodik(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    found = [
        r for r in rows["penilaian_kinerja"]
        if r["periode"] != "tahunan" and r.get("hasil_kerja") and r["tahun"] in JP_YEARS
    ]  # fmt: skip
    if not found:
        return False
    rec = rng.choice(found)
    rec["predikat"] = "Baik" if rec["predikat"] == "Sangat Baik" else "Sangat Baik"
    return mark(rec, "KIN-PREDIKAT-PERIODIK", rec["tahun"])


def _masa(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    ranks = rows["riwayat_pangkat"]
    for i in range(1, len(ranks)):
        rec, prev = ranks[i], ranks[i - 1]
        if rec["jenis_kp"] != "reguler" or not WINDOW[0] <= rec["tmt"] <= WINDOW[1]:
            continue
        minimum = th.kp_years(rec["tmt"])
        for gap in (minimum - 1, minimum - 2):
            moved = th.kp_date(prev["tmt"].year + gap, prev["tmt"].month)
            if WINDOW[0] <= moved < rec["tmt"]:
                rec["tmt"] = moved
                if rec is ranks[-1] or (i + 1 < len(ranks) and ranks[i + 1]["tmt"] > AS_OF):
                    rows["pegawai"][0]["tmt_golongan"] = moved
                return mark(rec, "KAR-KP-MASA", rec["tmt"].year)
            # Or the previous promotion came later than it should have (never the appointment,
            # whose TMT is in the NIP).
            later = th.kp_date(rec["tmt"].year - gap, rec["tmt"].month)
            if i >= 2 and prev["tmt"] < later < rec["tmt"]:
                prev["tmt"] = later
                return mark(rec, "KAR-KP-MASA", rec["tmt"].year)
    return False


def _kp_predikat(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    for rec in _promotions(emp, rows):
        before = _tahunan(rows, rec["tmt"].year - 1)
        if before and before.get("hasil_kerja"):
            before.update(hasil_kerja="Di Bawah Ekspektasi", perilaku_kerja="Sesuai Ekspektasi",
                          predikat="Butuh Perbaikan")  # fmt: skip
            return mark(rec, "KAR-KP-PREDIKAT", rec["tmt"].year)
    return False


def _hukdis(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    promos = _promotions(emp, rows)
    if not promos:
        return False
    rec = promos[-1]
    start = rec["tmt"] - dt.timedelta(days=rng.randint(60, 150))
    # A Satyalancana after a sedang penalty would break KAR-SATYALANCANA too: leave it out.
    rows["penghargaan"] = [r for r in rows["penghargaan"] if r["tanggal"] < start]
    months = th.penalty_months("sedang", start)
    rows["hukuman_disiplin"].append({
        "nip": emp.nip, "tingkat": "sedang",
        "jenis": f"Penundaan kenaikan pangkat selama {months} bulan",
        "tmt_mulai": start, "tmt_selesai": _plus_months(start, months) - dt.timedelta(days=1),
    })  # fmt: skip
    return mark(rec, "KAR-KP-HUKDIS", rec["tmt"].year)


def _plus_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, min(day.day, 28))


def _plafon(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    last = _promotions(emp, rows)
    if not last or last[-1] is not rows["riwayat_pangkat"][-1]:
        return False
    rec = last[-1]
    below = GOLONGAN[GOLONGAN.index(rec["golongan"]) - 1]
    # an education whose ceiling is exactly the rank before this KP
    lower = [e for e in PLAFON_KEY if th.ceiling(e, rec["tmt"]) == below]
    if not lower:
        return False
    rows["pegawai"][0]["pendidikan"] = lower[0]
    return mark(rec, "KAR-KP-PLAFON", rec["tmt"].year)


def _satya(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    years = th.satyalancana_years("X", AS_OF)
    if emp.status == "PPPK" or people.add_years(emp.tmt_cpns, years - 1) > AS_OF:
        return False
    rows["penghargaan"] = [
        r for r in rows["penghargaan"] if r["jenis"] != "Satyalancana Karya Satya X"
    ]
    day = people.add_years(emp.tmt_cpns, years - rng.randint(1, 4)) + dt.timedelta(
        days=rng.randint(0, 300)
    )
    day = min(day, AS_OF - dt.timedelta(days=rng.randint(1, 60)))  # awarded, not planned
    rec = {"nip": emp.nip, "jenis": "Satyalancana Karya Satya X", "tanggal": day}
    rows["penghargaan"].insert(0, rec)
    return mark(rec, "KAR-SATYALANCANA")


def _jenis_kp(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    """A KP row after the first written without its kind (SIASN leaves it blank now and then)."""
    later = [r for r in rows["riwayat_pangkat"][1:] if r["tmt"] <= AS_OF]
    if not later:
        return False
    rec = rng.choice(later)
    rec["jenis_kp"] = None
    return mark(rec, "DATA-JENIS-KP", rec["tmt"].year)


def _tmt_pangkat(rng: random.Random, th: Thresholds, emp: Employee, rows: Rows) -> bool:
    """The next KP decreed with a TMT well past the next KP period (a typing slip of the
    month): it must be reported, while a KP for the next period is not."""
    if emp.status != "PNS" or emp.leave:
        return False
    ranks = rows["riwayat_pangkat"]
    last = ranks[-1]
    if last["tmt"] > AS_OF:
        return False
    ceiling = th.ceiling(emp.education, AS_OF)
    if GOLONGAN.index(last["golongan"]) >= GOLONGAN.index(ceiling):
        return False
    nxt = th.next_kp_after(AS_OF)
    when = th.kp_date(nxt.year, nxt.month + 3) if nxt.month <= 9 else None
    if when is None or when.year != AS_OF.year:
        return False
    if when < th.kp_date(last["tmt"].year + th.kp_years(when), last["tmt"].month):
        return False
    rec = {"nip": emp.nip, "golongan": GOLONGAN[GOLONGAN.index(last["golongan"]) + 1],
           "tmt": when, "jenis_kp": "reguler"}  # fmt: skip
    ranks.append(rec)
    return mark(rec, "DATA-TMT-PANGKAT", when.year)


Fault = Callable[[random.Random, Thresholds, Employee, Rows], bool]
ROW_FAULTS: dict[str, Fault] = {
    "DATA-TANGGAL": _tanggal,
    "DATA-PANGKAT-RIWAYAT": _riwayat,
    "DATA-JENIS-KP": _jenis_kp,
    "DATA-TMT-PANGKAT": _tmt_pangkat,
    "KOMP-JP-MIN": lambda r, t, e, rows: _jp(r, t, e, rows, pppk=False),
    "KOMP-JP-PPPK": lambda r, t, e, rows: _jp(r, t, e, rows, pppk=True),
    "KOMP-PPPK-TANPA": _pppk_tanpa,
    "KIN-SKP-TAHUNAN": _skp,
    "KIN-PREDIKAT": lambda r, t, e, rows: _predikat(r, e, rows, feedback=False),
    "KIN-UMPAN-BALIK": lambda r, t, e, rows: _predikat(r, e, rows, feedback=True),
    "KIN-PREDIKAT-PERIODIK": _periodik,
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
    if kind == "SKEMA-NIP-RUSAK" and not (len(emp.nip) == 18 and emp.nip.isdigit()):
        kind = "SKEMA-ENUM"  # a NIP already malformed cannot be corrupted the Excel way
    if kind == "SKEMA-UNIK":
        twin = dict(plain[0])
        rows["pelatihan"].append(twin)
        mark(twin, kind)
        return
    day = min(dt.date(max(2023, emp.tmt_cpns.year), 12, 29), AS_OF - dt.timedelta(days=1))
    year = day.year
    rec: Record = {
        "nip": emp.nip, "nama_pelatihan": "Webinar Keterbukaan Informasi Publik",
        "jenis": "nonklasikal", "bentuk": "Seminar", "penyelenggara": "Diskominfo",
        "mitra": "", "tanggal_mulai": day,
        "tanggal_selesai": day, "jp": 0, "biaya": 0,
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
