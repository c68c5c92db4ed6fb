"""Deterministic synthetic agency data for Bengkulu, with planted faults and an answer key.

``generate_sample(out, employees=N, seed=S, fmt="csv", fault_rate=R)`` writes the seven tables
(``pegawai.csv`` … or one ``sampel.xlsx`` with a sheet per table) for the Provinsi Bengkulu and its
9 kabupaten and 1 kota, and ``kunci_jawaban.csv`` listing every planted fault as
``table,row,nip,rule,period``. Employees are generated in birth-date order and written as they are
made, so memory stays bounded even for 4.5 million employees (national scale).

What the answer key is valid for (the assumptions a rule engine must share):

* **As-of date 2026-06-30.** Ages, retirement (BUP) and "active" are judged on that day.
* **Checked years 2023–2025** for KOMP-JP-MIN (PNS and CPNS, ≥ 20 JP from ``tanggal_mulai``'s
  year), KOMP-JP-PPPK (≤ 24 JP), KIN-SKP-TAHUNAN, KIN-PREDIKAT and KIN-UMPAN-BALIK; a year counts
  for an employee only when their ``tmt_cpns`` is on or before 1 January of that year (clean
  employees appointed during a year still reach 20 JP and have an evaluation for it).
  Evaluations exist for 2021–2025 so that KAR-KP-PREDIKAT can look at the two years before each
  promotion.
* **KAR-KP-MASA / -PREDIKAT / -HUKDIS / -PLAFON** are planted on KP ``reguler`` with TMT in
  2023–2025; clean promotions before 2023 are compliant too. KP ``pilihan`` (above the education
  ceiling, for structural/functional posts) is exempt from the ceiling and the 4-year rule.
* **KIN-UMPAN-BALIK**: ``tahunan`` evaluations of employees whose unit has
  ``pelayanan_publik = Ya``.
* **DATA-NIP-GANDA** is the same NIP listed under two instansi (the key points at the second row;
  the primary key of ``pegawai`` is ``nip, instansi``, so intake does not report it).
* **DATA-TANGGAL**: a training whose ``tanggal_selesai`` precedes its ``tanggal_mulai``.
* **DATA-PANGKAT-RIWAYAT**: ``pegawai.golongan`` differs from the latest ``riwayat_pangkat``.
* **KAR-SATYALANCANA**: an award before 10/20/30 years from ``tmt_cpns``; no clean employee
  receives an award after a sedang or berat penalty.
* **KAR-BUP**: active Pelaksana past 58 (retirement from the first day of the month after the
  birthday month); clean employees aged 57+ are Fungsional Ahli Madya (BUP 60).
* Per-employee rules (DATA-NIP-*, DATA-PANGKAT-RIWAYAT, KOMP-*, KIN-SKP-TAHUNAN, KAR-BUP) point at
  the ``pegawai`` row; the others at the record that breaks the rule.
* Intake faults (``SKEMA-*``) are extra training rows written badly: intake reports exactly those
  rows and nothing else. Clean rows still vary their spelling (apostrophe or spaces in NIPs,
  ``IIId``, rank names, ISO and dd-mm-yyyy dates, lower-case predikat, a blank or SIASN-named
  ``jenis_kp`` on the appointment row), which intake and the rules must accept.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.data import faults, history, people
from checker.data.ingest import KEY_FILE
from checker.data.schema import TABLES, load_schema
from checker.errors import UsageError

XLSX_MAX_EMPLOYEES = 100_000
CLTN_EVERY = 97  # one employee in this many has a past CLTN period on record
RULE_FAULTS = (*faults.NIP_FAULTS, "DATA-NIP-GANDA", *faults.ROW_FAULTS, "KAR-BUP")


@dataclass
class SampleResult:
    """What ``generate_sample`` wrote."""

    files: dict[str, Path]
    key: Path
    rows: dict[str, int] = field(default_factory=dict)
    faults: dict[str, int] = field(default_factory=dict)


def _birth_counts(employees: int, fault_rate: float) -> list[tuple[dt.date, int, str]]:
    """(birth date, count, band) with exactly ``employees`` in total; bands: clean/senior/bup."""
    days: list[tuple[dt.date, float, str]] = []
    day = history.AS_OF - dt.timedelta(days=int(62 * 365.25))
    while day <= history.AS_OF - dt.timedelta(days=int(22 * 365.25)):
        age = (history.AS_OF - day).days / 365.25
        if age < 56.5:
            days.append((day, 1 + 0.04 * (age - 22), "clean"))
        elif 57.0 <= age < 58.2:
            days.append((day, 0.9, "senior"))
        elif age >= 58.4 and fault_rate > 0:
            days.append((day, 1.0, "bup"))
        day += dt.timedelta(days=1)
    bands = {b: sum(w for _, w, band in days if band == b) for b in ("clean", "senior", "bup")}
    share = {"senior": 0.015, "bup": fault_rate / len(RULE_FAULTS) if fault_rate else 0.0}
    share["clean"] = 1 - share["senior"] - share["bup"]
    out, acc, done = [], 0.0, 0
    for day, w, band in days:
        acc += employees * share[band] * w / bands[band]
        count = round(acc) - done
        done += count
        if count:
            out.append((day, count, band))
    return out


class _Writer:
    """Streams records of every table to CSV files (or sheets) and keeps row numbers."""

    def __init__(self, out: Path, fmt: str, rng: random.Random) -> None:
        self.schema = load_schema()
        self.fmt, self.rng, self.line = fmt, rng, dict.fromkeys(TABLES, 1)
        self.rows = dict.fromkeys(TABLES, 0)
        self.files: dict[str, Path] = {}
        self.handles: list[Any] = []
        self.sinks: dict[str, Callable[[list[Any]], None]] = {}
        if fmt == "xlsx":
            from openpyxl import Workbook

            self.book = Workbook(write_only=True)
            for t in TABLES:
                sheet = self.book.create_sheet(t)
                self.sinks[t] = sheet.append
                self.files[t] = out / "sampel.xlsx"
        else:
            for t in TABLES:
                self.files[t] = out / f"{t}.csv"
                fh = self.files[t].open("w", encoding="utf-8", newline="")
                self.handles.append(fh)
                self.sinks[t] = csv.writer(fh, lineterminator="\n").writerow
        for t in TABLES:
            self.sinks[t]([f.name for f in self.schema[t].fields])
        keyfh = (out / KEY_FILE).open("w", encoding="utf-8", newline="")
        self.handles.append(keyfh)
        self.key = csv.writer(keyfh, lineterminator="\n")
        self.key.writerow(["table", "row", "nip", "rule", "period"])
        self.faults: dict[str, int] = {}
        self.last_rows: dict[str, list[dict[str, Any]]] = {}

    def _value(self, name: str, value: Any, noisy: bool) -> Any:
        r = self.rng.random() if noisy else 1.0
        if value is None:
            return ""
        if isinstance(value, dt.date):
            if r < 0.03:
                return value.isoformat()
            if r < 0.06:
                return f"{value.day:02d}-{value.month:02d}-{value.year}"
            return (
                value if self.fmt == "xlsx" else f"{value.day:02d}/{value.month:02d}/{value.year}"
            )
        if name in ("nip", "nip_penilai") and r < 0.04:
            return (
                "'" + value if r < 0.02 else f"{value[:8]} {value[8:14]} {value[14]} {value[15:]}"
            )
        if name == "golongan" and r < 0.04 and "/" in value:
            return value.replace("/", "") if r < 0.02 else people.PANGKAT.get(value, value.upper())
        if name == "predikat" and r < 0.03:
            return value.lower()
        if name == "jenis_kelamin" and r < 0.03:
            return "Laki-laki" if value == "L" else "Perempuan"
        if name == "jenis_kp" and value == "pengangkatan" and r < 0.06:
            # SIASN exports leave the appointment row blank or name it after the procurement
            return "" if r < 0.03 else "Gol. dari Pengadaan CPNS/PNS"
        return value

    def flush_employee(self) -> None:
        """Write the rows of the employee just made, table by table."""
        for table in TABLES:
            for rec in self.last_rows.get(table, ()):
                self.write(table, rec)
        self.last_rows = {}

    def write(self, table: str, rec: dict[str, Any]) -> None:
        """Write one record; note it in the answer key when it carries a planted fault."""
        rule = rec.get("_rule")
        noisy = not (rule and rule.startswith("SKEMA"))
        values = [self._value(f.name, rec.get(f.name), noisy) for f in self.schema[table].fields]
        if rec.get("_short"):
            values = values[:-2]
        if self.fmt == "csv" and table == "pegawai" and self.rng.random() < 0.002:
            self.sinks[table]([])
            self.line[table] += 1
        self.sinks[table](values)
        self.line[table] += 1
        self.rows[table] += 1
        if rule:
            nip = str(rec.get("nip") or rec.get("kode") or "")
            self.key.writerow([table, self.line[table], nip, rule, rec.get("_period", "")])
            self.faults[rule] = self.faults.get(rule, 0) + 1

    def close(self) -> None:
        """Flush and close every output."""
        if self.fmt == "xlsx":
            self.book.save(self.files["pegawai"])
        for fh in self.handles:
            fh.close()


def generate_sample(
    out: str | Path,
    *,
    employees: int = 1000,
    seed: int = 1,
    fmt: str = "csv",
    fault_rate: float = 0.02,
    progress: Callable[[int, int], None] | None = None,
) -> SampleResult:
    """Write a deterministic sample (same arguments → byte-identical files) into ``out``."""
    if employees < 1:
        raise UsageError("Jumlah pegawai (--employees) harus paling sedikit 1.")
    if not 0 <= fault_rate <= 1:
        raise UsageError("Tingkat kesalahan (--fault-rate) harus antara 0 dan 1, contoh 0.02.")
    if fmt not in ("csv", "xlsx"):
        raise UsageError("Format harus csv atau xlsx.")
    if fmt == "xlsx" and employees > XLSX_MAX_EMPLOYEES:
        raise UsageError(
            f"Format xlsx hanya untuk paling banyak {XLSX_MAX_EMPLOYEES:,} pegawai (batas baris "
            "Excel). Gunakan --format csv untuk data yang lebih besar."
        )
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    units = people.units()
    writer = _Writer(target, fmt, rng)
    for unit_list in units.values():
        for u in unit_list:
            public = "Ya" if u.pelayanan_publik else "Tidak"
            record = {"kode": u.kode, "nama": u.nama, "instansi": u.instansi, "opd": u.opd}
            writer.write("unit_kerja", {**record, "pelayanan_publik": public})
    names, sizes = zip(*people.instansi_list(), strict=True)
    intake_kinds = faults.INTAKE_FAULTS if fmt == "csv" else faults.INTAKE_FAULTS[:-1]
    index = 0
    # Faults not applicable to the employee they were drawn for wait for the next one that fits,
    # so every rule keeps its share even when few employees qualify.
    pending: list[str] = []
    penilai = people.nip_pns(dt.date(1975, 5, 17), dt.date(2000, 3, 1), "L", 1)
    for birth, count, band in _birth_counts(employees, fault_rate):
        serials: dict[str, int] = {}
        for _ in range(count):
            unit = rng.choice(units[rng.choices(names, sizes)[0]])
            emp = history.make_employee(rng, index, birth, unit, band == "senior", band == "bup")
            if band != "bup" and rng.random() < fault_rate:
                pending.append(rng.choice(RULE_FAULTS[:-1]))
            rule = "KAR-BUP" if band == "bup" else _early_fault(emp, pending)
            _plant(rng, emp, rule, serials, writer, units, penilai, pending)
            if fault_rate and rng.random() < fault_rate:
                faults.intake_fault(rng, emp, writer.last_rows, intake_kinds)
            writer.flush_employee()
            penilai = emp.nip if emp.status == "PNS" and len(emp.nip) == 18 else penilai
            index += 1
            if progress and index % 10000 == 0:
                progress(index, employees)
    writer.close()
    return SampleResult(
        dict(writer.files), target / KEY_FILE, dict(writer.rows), dict(writer.faults)
    )


def _early_fault(emp: people.Employee, pending: list[str]) -> str | None:
    """A pending fault that must be decided before the history exists (NIP parts, twin row)."""
    for rule in pending:
        if (rule in faults.NIP_FAULTS and emp.status != "PPPK") or rule == "DATA-NIP-GANDA":
            pending.remove(rule)
            return rule
    return None


def _plant(
    rng: random.Random,
    emp: people.Employee,
    rule: str | None,
    serials: dict[str, int],
    writer: _Writer,
    units: dict[str, list[people.Unit]],
    penilai: str,
    pending: list[str],
) -> None:
    """Give ``emp`` a NIP and a history, plant at most one rule fault, hand rows to ``writer``."""
    make = people.nip_pppk if emp.status == "PPPK" else people.nip_pns
    prefix = make(emp.birth, emp.tmt_cpns, emp.sex, 0)[:15]
    if rule in ("DATA-NIP-LAHIR", "DATA-NIP-TMT", "DATA-NIP-JK"):
        prefix = faults.nip_fault(rule, rng, prefix + "001")[:15]
    serials[prefix] = serials.get(prefix, 0) + 1
    serial = 1 + (serials[prefix] - 1) % 999
    if rule == "DATA-NIP-LAHIR":
        # The prefix now names another birth date, whose serials count from 1: stay clear of them.
        serial = 999 - (serials[prefix] - 1) % 99
    emp.nip = prefix + f"{serial:03d}"
    if rule == "DATA-NIP-FORMAT":
        emp.nip = faults.nip_fault(rule, rng, emp.nip)
    rows = history.history(rng, emp, penilai)
    rows["pegawai"] = [{
        "nip": emp.nip, "nama": emp.nama, "tanggal_lahir": emp.birth, "jenis_kelamin": emp.sex,
        "status_kepegawaian": emp.status, "golongan": emp.golongan,
        "tmt_golongan": emp.ranks[-1][1], "jenis_jabatan": emp.jenis_jabatan,
        "jabatan": emp.jabatan, "pendidikan": emp.education, "tmt_cpns": emp.tmt_cpns,
        "instansi": emp.instansi, "unit_kerja": emp.unit.nama, "opd": emp.unit.opd,
        "kedudukan_hukum": "Aktif",
    }]  # fmt: skip
    if emp.index % CLTN_EVERY == 0 and emp.status == "PNS" and emp.tmt_cpns.year < 2015:
        # a few employees took CLTN long before the checked years and came back: the period is
        # on record (riwayat_cltn) and changes nothing in 2023-2025
        rows["riwayat_cltn"] = [{
            "nip": emp.nip, "jenis": "CLTN", "tanggal_mulai": dt.date(2019, 7, 1),
            "tanggal_selesai": dt.date(2020, 6, 30), "nomor_sk": f"800/{emp.index}/BKD/2019",
        }]  # fmt: skip
    if rule in faults.NIP_FAULTS or rule == "KAR-BUP":
        faults.mark(rows["pegawai"][0], rule)
    elif rule == "DATA-NIP-GANDA":
        faults.GANDA(rng, emp, rows, units)
    else:
        for candidate in pending:
            if candidate in faults.ROW_FAULTS and faults.ROW_FAULTS[candidate](rng, emp, rows):
                pending.remove(candidate)
                break
    writer.last_rows = rows
