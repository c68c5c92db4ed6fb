"""Employees as the rules see them, whom each obligation applies to, and calendar helpers.

Sources: the data contract (``rules/schema/pegawai.yml``: kedudukan hukum groups ``bertugas`` and
``dalam_dinas``, jabatan categories Guru/Dosen, the derivation of the perangkat daerah) and the
domain notes (asn-regulations.md §9.4.2: CLTN and tugas belajar carry no JP or evaluation
obligation; §9.4.7: targets per perangkat daerah).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from tests.oracle.contract import INVALID
from tests.oracle.intake import Dataset, Row

# domain §9.4.2: statuses under which no yearly JP or evaluation is owed (SIASN names, which
# are also the values of pegawai.kedudukan_hukum and riwayat_cltn.jenis in the contract)
CLTN = "CLTN"
TUGAS_BELAJAR = "Tugas Belajar"
LEAVE_KINDS = (CLTN, TUGAS_BELAJAR)
# the default when kedudukan_hukum is empty (pegawai.yml: the old column aktif maps)
ACTIVE, INACTIVE = "Aktif", "Tidak Aktif"
# an instansi that is a regional government, not a perangkat daerah (DESIGN.md: instansi such
# as "Pemerintah Provinsi Bengkulu"; domain §7.1)
PEMERINTAH_DAERAH = re.compile(r"^\s*(pemerintah|pemprov|pemkab|pemkot)\b", re.IGNORECASE)


# --- calendar ----------------------------------------------------------------------------------


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def year_start(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


# --- employees ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Employee:
    """One row of ``pegawai`` with what the rules derive from it."""

    row: Row
    nip: str
    status: str | None  # status kepegawaian, None when unknown
    kedudukan: str | None  # effective kedudukan hukum, None when unknown
    kategori: str | None  # Guru / Dosen, else the jenis jabatan
    opd: str | None
    serves_public: bool


@dataclass(frozen=True)
class Leave:
    """A period of CLTN or tugas belajar (``riwayat_cltn``)."""

    kind: str | None  # None when the kind could not be read
    start: dt.date
    end: dt.date | None  # last day; None while open


def _kedudukan(row: Row) -> str | None:
    value = row.get("kedudukan_hukum")
    if value is INVALID:
        return None
    if value is not None:
        return str(value)
    active = row.get("aktif")
    if active is INVALID:
        return None
    return INACTIVE if active is False else ACTIVE


def _kategori(row: Row, categories: dict[str, tuple[str, ...]]) -> str | None:
    name = row.known("jabatan")
    if isinstance(name, str):
        text = name.strip().lower()
        for category, prefixes in categories.items():
            for prefix in prefixes:
                if text == prefix.lower() or text.startswith(prefix.lower() + " "):
                    return category
    jenis = row.known("jenis_jabatan")
    return jenis if isinstance(jenis, str) else None


def _units(data: Dataset) -> dict[tuple[str, str], list[Row]]:
    units: dict[tuple[str, str], list[Row]] = {}
    for unit in data.rows("unit_kerja"):
        instansi, nama = unit.known("instansi"), unit.known("nama")
        if isinstance(instansi, str) and isinstance(nama, str):
            units.setdefault((instansi, nama), []).append(unit)
    return units


def _opd(row: Row, units: list[Row]) -> str | None:
    """pegawai.yml, opd: the row's own, else its unit's in unit_kerja, else the instansi when
    it names a perangkat daerah, else the unit kerja."""
    own = row.known("opd")
    if isinstance(own, str):
        return own
    for unit in units:
        parent = unit.known("opd")
        if isinstance(parent, str):
            return parent
    instansi, unit_name = row.known("instansi"), row.known("unit_kerja")
    if isinstance(instansi, str) and not PEMERINTAH_DAERAH.match(instansi):
        return instansi
    if isinstance(unit_name, str):
        return unit_name
    return instansi if isinstance(instansi, str) else None


def employees(data: Dataset) -> list[Employee]:
    """Every readable row of ``pegawai``, in file order."""
    categories = data.contract["pegawai"].columns["jabatan"].categories
    units = _units(data)
    out = []
    for row in data.rows("pegawai"):
        key = (row.known("instansi") or "", row.known("unit_kerja") or "")
        own_units = units.get(key, [])
        public = any(u.known("pelayanan_publik") is True for u in own_units)
        status = row.known("status_kepegawaian")
        out.append(
            Employee(
                row=row,
                nip=row.nip or "",
                status=status if isinstance(status, str) else None,
                kedudukan=_kedudukan(row),
                kategori=_kategori(row, categories),
                opd=_opd(row, own_units),
                serves_public=public and row.get("melayani_publik") is not False,
            )
        )
    return out


def first_by_nip(people: list[Employee]) -> dict[str, Employee]:
    """The employee of each NIP for reading other tables: the first row of the NIP (an NIP
    listed twice is a DATA-NIP-GANDA finding of its own)."""
    out: dict[str, Employee] = {}
    for person in people:
        out.setdefault(person.nip, person)
    return out


def leaves(data: Dataset) -> dict[str, list[Leave]]:
    """The recorded periods of CLTN and tugas belajar, by NIP. An empty kind means CLTN
    (riwayat_cltn.yml); the last day is the day before an earlier return (tanggal_aktif),
    else tanggal_selesai, else the period is open."""
    out: dict[str, list[Leave]] = {}
    for row in data.rows("riwayat_cltn"):
        start = row.known("tanggal_mulai")
        if not isinstance(start, dt.date) or row.nip is None:
            continue
        kind = row.get("jenis")
        back, until = row.known("tanggal_aktif"), row.known("tanggal_selesai")
        end = back - dt.timedelta(days=1) if isinstance(back, dt.date) else until
        out.setdefault(row.nip, []).append(
            Leave(
                kind=None if kind is INVALID else (kind or CLTN),
                start=start,
                end=end if isinstance(end, dt.date) else None,
            )
        )
    return out


def touches(leave: Leave, first: dt.date, last: dt.date) -> bool:
    """True when the leave overlaps the days ``first``..``last``."""
    return leave.start <= last and (leave.end is None or leave.end >= first)


def group(data: Dataset, name: str) -> tuple[str, ...]:
    """A group of kedudukan hukum values of the contract (``enumGroups``)."""
    return data.contract["pegawai"].columns["kedudukan_hukum"].groups[name]


def owes_yearly(
    person: Employee,
    year: int,
    on_duty: tuple[str, ...],
    periods: dict[str, list[Leave]],
) -> bool:
    """Whether a yearly obligation (JP, annual evaluation) applies to ``person`` in ``year``:
    on duty (kedudukan hukum group ``bertugas``), serving since 1 January, and not on CLTN or
    tugas belajar in that year (domain §9.4.2). Recorded periods decide which years are on
    leave; without them the current kedudukan hukum is all there is to go by."""
    tmt = person.row.known("tmt_cpns")
    if person.kedudukan is None or not isinstance(tmt, dt.date) or tmt > year_start(year):
        return False
    recorded = periods.get(person.nip, [])
    if not recorded:
        return person.kedudukan in on_duty
    if person.kedudukan not in on_duty and person.kedudukan not in LEAVE_KINDS:
        return False
    return not any(touches(p, year_start(year), year_end(year)) for p in recorded)
