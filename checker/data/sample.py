"""Deterministic synthetic agency data for Bengkulu, with planted faults and an answer key.

``generate_sample(out, employees=N, seed=S, fmt="csv", fault_rate=R)`` writes the eight tables
(``pegawai.csv`` … or one ``sampel.xlsx`` with a sheet per table) for the perangkat daerah of the
Provinsi Bengkulu and two kabupaten/kota that take part as voluntary partners, and
``kunci_jawaban.csv`` listing ``table,row,nip,rule,period,kind``:
every planted breach (``kind`` ``breach``) and every record placed exactly on the compliant side
of a threshold (``near_miss``: it must not be reported). Employees are generated in birth-date
order and written as they are made, so memory stays bounded even for 4.5 million employees.

**Thresholds are read, not re-typed.** Every number the population is drawn around (JP minimum
and PPPK cap, years in rank, ceilings by education, KP periods, retirement ages, Satyalancana
years, penalty durations) comes from ``policy/parameter.yml`` (or ``policy_root``) through
:class:`checker.data.thresholds.Thresholds`. A sample drawn from a changed policy moves with it.

**The population** is the one a provincial dataset has (see :mod:`checker.data.history`):
teachers are the province's largest group (retirement age 60), PPPK contracts start in any month,
some PNS are on CLTN or tugas belajar (period in ``riwayat_cltn``; one without it), evaluation
rows go back to 2019 (old scale; 2021 as two semesters without ratings), some trainings have no
end date or run over New Year, some KPs are decreed for the next period, units and employees
with and without public service.

What the answer key is valid for:

* **As-of date 2026-06-30, closed years 2023–2025.** Trainings of 2026 up to the as-of date
  exist too (the running year), but the key says nothing about 2026: compare a running-year
  check with the independent oracle (``tests/oracle``) instead.
* Per-employee rules (DATA-NIP-*, DATA-PANGKAT-RIWAYAT, KOMP-*, KIN-SKP-TAHUNAN, KAR-BUP) point
  at the ``pegawai`` row; the others at the record that breaks the rule; DATA-JP-TANGGAL-MULAI and
  DATA-KEDUDUKAN-ASUMSI at no row (one finding for the file or the dataset).
* **DATA-NIP-GANDA** is the same NIP listed under two instansi (the key points at the second row;
  the primary key of ``pegawai`` is ``nip, instansi``, so intake does not report it).
* The agency-rate rules (KIN-CAKUPAN, KOMP-CAKUPAN, KOMP-CAKUPAN-PPPK) have no target before
  2027 and progress (KOMP-JP-BERJALAN) is only for a running year: the closed years exercise
  neither.
* Intake faults (``SKEMA-*``) are extra training rows written badly: intake reports exactly those
  rows and nothing else. Clean rows still vary their spelling (apostrophe or spaces in NIPs,
  ``IIId``, rank names, ISO and dd-mm-yyyy dates, lower-case predikat, a blank or SIASN-named
  ``jenis_kp`` on the appointment row), which intake and the rules must accept.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.data import faults, history, people
from checker.data.ingest import KEY_FILE
from checker.data.schema import TABLES, load_schema
from checker.data.thresholds import Thresholds
from checker.errors import UsageError

XLSX_MAX_EMPLOYEES = 100_000
CLTN_EVERY = 97  # one employee in this many has a past CLTN period on record
LEAVE_SHARE = 0.02  # PNS on CLTN or tugas belajar during the checked years
RULE_FAULTS = (
    *faults.NIP_FAULTS, "DATA-NIP-PPPK", "DATA-NIP-GANDA", *faults.ROW_FAULTS, "KAR-BUP"
)  # fmt: skip
# the posts held past the lowest retirement age (office ones drawn in history._office)
SENIOR_POSTS = ("Guru", "Fungsional Ahli Madya", "JPT Pratama")
BREACH, NEAR_MISS = "breach", "near_miss"  # the kinds of answer-key rows
# a pegawai cell the writer spelled another way must not break the rule that reads it
NOISE_NEAR = (("nip", "DATA-NIP-FORMAT"), ("jenis_kelamin", "DATA-NIP-JK"),
              ("tanggal_lahir", "DATA-NIP-LAHIR"))  # fmt: skip


@dataclass
class SampleResult:
    """What ``generate_sample`` wrote."""

    files: dict[str, Path]
    key: Path
    rows: dict[str, int] = field(default_factory=dict)
    faults: dict[str, int] = field(default_factory=dict)


def _birth_counts(
    employees: int, fault_rate: float, th: Thresholds
) -> list[tuple[dt.date, int, str]]:
    """(birth date, count, band) with exactly ``employees`` in total. Bands: ``clean`` (below the
    lowest retirement age on the as-of date), ``senior`` (past it but below the later one of
    teachers and senior posts) and ``bup`` (past the retirement age: planted KAR-BUP)."""
    low = min(th.bup(k, history.AS_OF) for k in ("Pelaksana", "Fungsional Terampil"))
    high = max(th.bup(k, history.AS_OF) for k in SENIOR_POSTS)
    days: list[tuple[dt.date, float, str]] = []
    day = history.AS_OF - dt.timedelta(days=int((high + 2) * 365.25))
    while day <= history.AS_OF - dt.timedelta(days=int(21 * 365.25)):
        age = (history.AS_OF - day).days / 365.25
        if people.retirement_date(day, low) > history.AS_OF:
            days.append((day, 1 + 0.04 * (age - 22), "clean"))
        elif people.retirement_date(day, high) > history.AS_OF:
            days.append((day, 1.0, "senior"))
            if fault_rate > 0:
                days.append((day, 1.0, "bup"))
        elif fault_rate > 0:
            days.append((day, 1.0, "bup"))
        day += dt.timedelta(days=1)
    bands = {b: sum(w for _, w, band in days if band == b) for b in ("clean", "senior", "bup")}
    share = {"senior": 0.03, "bup": fault_rate / len(RULE_FAULTS) if fault_rate else 0.0}
    share["clean"] = 1 - share["senior"] - share["bup"]
    out, acc, done = [], 0.0, 0
    for day, w, band in sorted(days, key=lambda d: (d[0], d[2])):
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
        self.columns = {t: [f.name for f in self.schema[t].fields] for t in TABLES}
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
            self.sinks[t](self.columns[t])
        keyfh = (out / KEY_FILE).open("w", encoding="utf-8", newline="")
        self.handles.append(keyfh)
        self.key = csv.writer(keyfh, lineterminator="\n")
        self.key.writerow(["table", "row", "nip", "rule", "period", "kind"])
        self.blank_end = False
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
        names = self.columns[table]
        values = [self._value(name, rec.get(name), noisy) for name in names]
        written = dict(zip(names, values, strict=True))
        if table == "pegawai" and not rule:
            for column, near_rule in NOISE_NEAR:
                if written[column] != self._value(column, rec.get(column), noisy=False):
                    rec.setdefault("_near", []).append((near_rule, None))
        if rec.get("jenis_kp") == "pengangkatan" and written["jenis_kp"] == "":
            # a blank kind on the first row is read as the appointment
            rec.setdefault("_near", []).append(("DATA-JENIS-KP", rec["tmt"].year))
        if rec.get("_short"):
            values = values[:-2]
        if self.fmt == "csv" and table == "pegawai" and self.rng.random() < 0.002:
            self.sinks[table]([])
            self.line[table] += 1
        self.sinks[table](values)
        self.line[table] += 1
        self.rows[table] += 1
        nip = str(rec.get("nip") or rec.get("kode") or "")
        if rule:
            self.key.writerow([table, self.line[table], nip, rule, rec.get("_period", ""), BREACH])
            self.faults[rule] = self.faults.get(rule, 0) + 1
        for near_rule, period in rec.get("_near", ()):
            if near_rule == rule:
                continue  # a planted fault changed this record since it was made
            self.key.writerow([table, self.line[table], nip, near_rule, period or "", NEAR_MISS])
        if table == "pelatihan" and noisy and rec.get("tanggal_selesai") is None:
            self.blank_end = True

    def dataset_fault(self, table: str, rule: str, period: str = "") -> None:
        """Note a finding about the whole file or dataset (no row, no NIP)."""
        self.key.writerow([table, "", "", rule, period, BREACH])
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
    policy_root: str | Path | None = None,
    thresholds: Thresholds | None = None,
    intake_faults: bool = True,
) -> SampleResult:
    """Write a deterministic sample (same arguments → byte-identical files) into ``out``.

    Thresholds come from the policy at ``policy_root`` (default: the one the checker uses).
    ``fmt`` is ``csv``, ``xlsx``, or ``siasn``: the CSV sample rewritten in the shapes SIASN
    exports (:mod:`checker.data.siasn`), without the badly written rows of intake faults, which
    are ours, not SIASN's. ``intake_faults=False`` leaves those rows out of any format."""
    if employees < 1:
        raise UsageError("Jumlah pegawai (--employees) harus paling sedikit 1.")
    if not 0 <= fault_rate <= 1:
        raise UsageError("Tingkat kesalahan (--fault-rate) harus antara 0 dan 1, contoh 0.02.")
    if fmt not in ("csv", "xlsx", "siasn"):
        raise UsageError("Format harus csv, xlsx, atau siasn.")
    if fmt == "xlsx" and employees > XLSX_MAX_EMPLOYEES:
        raise UsageError(
            f"Format xlsx hanya untuk paling banyak {XLSX_MAX_EMPLOYEES:,} pegawai (batas baris "
            "Excel). Gunakan --format csv untuk data yang lebih besar."
        )
    th = thresholds or Thresholds.load(policy_root)
    th.require()
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    if fmt == "siasn":
        from checker.data.siasn import to_siasn

        with tempfile.TemporaryDirectory(prefix="kebijakan-sampel-") as tmp:
            own = generate_sample(
                tmp, employees=employees, seed=seed, fault_rate=fault_rate, progress=progress,
                thresholds=th, intake_faults=False,
            )  # fmt: skip
            files = to_siasn(Path(tmp), target)
        return SampleResult(files, target / KEY_FILE, own.rows, own.faults)
    rng = random.Random(seed)
    units = people.units()
    writer = _Writer(target, fmt, rng)
    for unit_list in units.values():
        for u in unit_list:
            public = "Ya" if u.pelayanan_publik else "Tidak"
            record = {"kode": u.kode, "nama": u.nama, "instansi": u.instansi, "opd": u.opd}
            writer.write("unit_kerja", {**record, "pelayanan_publik": public})
    names, sizes = zip(*people.instansi_list(), strict=True)
    weights = {i: [people.UNIT_WEIGHT[u.kind] for u in units[i]] for i in units}
    intake_kinds = faults.INTAKE_FAULTS if fmt == "csv" else faults.INTAKE_FAULTS[:-1]
    state = _State(rng, th, writer, units, pending=[], assumed=fault_rate == 0)
    # Faults not applicable to the employee they were drawn for wait for the next one that fits,
    # so every rule keeps its share even when few employees qualify.
    for birth, count, band in _birth_counts(employees, fault_rate, th):
        serials: dict[str, int] = {}
        for _ in range(count):
            instansi = rng.choices(names, sizes)[0]
            unit = rng.choices(units[instansi], weights[instansi])[0]
            if band == "senior" and unit.kind != "sekolah" and not _office_senior(th, birth):
                # past the age at which the senior office posts retire: only teachers remain
                unit = rng.choice([u for u in units[instansi] if u.kind == "sekolah"])
            emp = history.make_employee(rng, th, state.index, birth, unit, band)
            if band != "bup" and rng.random() < fault_rate:
                state.pending.append(rng.choice(RULE_FAULTS[:-1]))
            rule = "KAR-BUP" if band == "bup" else _early_fault(emp, state.pending)
            _plant(state, emp, rule, serials, band)
            if fault_rate and rng.random() < fault_rate and intake_faults:
                faults.intake_fault(rng, emp, writer.last_rows, intake_kinds)
            writer.flush_employee()
            if emp.status == "PNS" and len(emp.nip) == 18:
                state.penilai = emp.nip
            state.index += 1
            if progress and state.index % 10000 == 0:
                progress(state.index, employees)
    if writer.blank_end:
        writer.dataset_fault("pelatihan", "DATA-JP-TANGGAL-MULAI")
    if state.assumed and fault_rate:
        years = ", ".join(map(str, history.JP_YEARS))
        writer.dataset_fault("pegawai", "DATA-KEDUDUKAN-ASUMSI", years)
    writer.close()
    return SampleResult(
        dict(writer.files), target / KEY_FILE, dict(writer.rows), dict(writer.faults)
    )


@dataclass
class _State:
    """What the generation loop carries from one employee to the next."""

    rng: random.Random
    th: Thresholds
    writer: _Writer
    units: dict[str, list[people.Unit]]
    pending: list[str]
    assumed: bool  # whether the one leave without its period on record has been written
    index: int = 0
    penilai: str = field(
        default_factory=lambda: people.nip_pns(dt.date(1975, 5, 17), dt.date(2000, 3, 1), "L", 1)
    )


def _office_senior(th: Thresholds, birth: dt.date) -> bool:
    """Whether someone born on ``birth`` may still hold a senior office post on the as-of date."""
    bup = min(th.bup(k, history.AS_OF) for k in SENIOR_POSTS if k != "Guru")
    return people.retirement_date(birth, bup) > history.AS_OF


def _early_fault(emp: people.Employee, pending: list[str]) -> str | None:
    """A pending fault that must be decided before the history exists (NIP parts, twin row)."""
    for rule in pending:
        if (
            (rule in faults.NIP_FAULTS and emp.status != "PPPK")
            or (rule == "DATA-NIP-PPPK" and emp.status == "PPPK")
            or rule == "DATA-NIP-GANDA"
        ):
            pending.remove(rule)
            return rule
    return None


def _plant(
    state: _State, emp: people.Employee, rule: str | None, serials: dict[str, int], band: str
) -> None:
    """Give ``emp`` a NIP and a history, plant at most one rule fault, hand rows to the writer."""
    rng, th = state.rng, state.th
    make = people.nip_pppk if emp.status == "PPPK" else people.nip_pns
    prefix = make(emp.birth, emp.tmt_cpns, emp.sex, 0)[:15]
    if rule in ("DATA-NIP-LAHIR", "DATA-NIP-TMT", "DATA-NIP-JK"):
        prefix = faults.nip_fault(rule, rng, prefix + "001")[:15]
    elif rule == "DATA-NIP-PPPK":  # the sex digit of the NI PPPK typed wrong
        prefix = faults.nip_fault("DATA-NIP-JK", rng, prefix + "001")[:15]
    serials[prefix] = serials.get(prefix, 0) + 1
    serial = 1 + (serials[prefix] - 1) % 999
    if rule == "DATA-NIP-LAHIR":
        # The prefix now names another birth date, whose serials count from 1: stay clear of them.
        serial = 999 - (serials[prefix] - 1) % 99
    emp.nip = prefix + f"{serial:03d}"
    twin_prefix = serial > 1 and rule != "DATA-NIP-LAHIR"  # same birth date, TMT and sex
    if rule == "DATA-NIP-FORMAT":
        emp.nip = faults.nip_fault(rule, rng, emp.nip)
    cltn = None
    if (
        band == "clean" and rule is None and emp.status == "PNS"
        and emp.tmt_cpns.year < 2018 and rng.random() < LEAVE_SHARE
    ):  # fmt: skip
        cltn = history.leave(rng, emp)
    rows, marks = history.history(rng, th, emp, state.penilai)
    gol, tmt_gol, _ = history.current_rank(emp)
    pegawai: dict[str, Any] = {
        "nip": emp.nip, "nama": emp.nama, "tanggal_lahir": emp.birth, "jenis_kelamin": emp.sex,
        "status_kepegawaian": emp.status, "golongan": gol, "tmt_golongan": tmt_gol,
        "jenis_jabatan": emp.jenis_jabatan, "jabatan": emp.jabatan, "pendidikan": emp.education,
        "tmt_cpns": emp.tmt_cpns, "instansi": emp.instansi, "unit_kerja": emp.unit.nama,
        "opd": emp.unit.opd, "kedudukan_hukum": emp.kedudukan,
        "melayani_publik": emp.melayani_publik,
    }  # fmt: skip
    rows["pegawai"] = [pegawai]
    for near_rule, period in marks:
        history.near(pegawai, near_rule, period)
    if emp.ranks[-1][1] > history.AS_OF:
        history.near(pegawai, "DATA-PANGKAT-RIWAYAT")  # the KP decreed ahead is not yet in force
    if emp.status == "PPPK" and rule != "DATA-NIP-PPPK":
        history.near(pegawai, "DATA-NIP-TMT")  # the NI PPPK holds the TMT year only
        history.near(pegawai, "DATA-NIP-PPPK")  # birth date, code 2 and sex digit in place
    if twin_prefix and rule is None:
        history.near(pegawai, "DATA-NIP-GANDA")  # the first 15 digits of another NIP
    if band == "senior" or (
        band == "clean"
        and people.retirement_date(emp.birth, th.bup(emp.kategori, history.AS_OF))
        <= th.next_kp_after(history.AS_OF)
    ):
        history.near(pegawai, "KAR-BUP")  # past the lowest age, or retiring next month
    if cltn and not state.assumed:
        # one leave is reported without its period: the checker must assume it spans the years
        state.assumed = True
    elif cltn:
        rows["riwayat_cltn"] = [cltn]
    elif emp.index % CLTN_EVERY == 0 and emp.status == "PNS" and emp.tmt_cpns.year < 2015:
        # a few employees took CLTN long before the checked years and came back: the period is
        # on record (riwayat_cltn) and changes nothing in 2023-2025
        rows["riwayat_cltn"] = [{
            "nip": emp.nip, "jenis": "CLTN", "tanggal_mulai": dt.date(2019, 7, 1),
            "tanggal_selesai": dt.date(2020, 6, 30), "nomor_sk": f"800/{emp.index}/BKD/2019",
        }]  # fmt: skip
    for leave in rows["riwayat_cltn"]:
        if leave["jenis"] == "CLTN":
            # service is counted continuously: no Satyalancana follows a CLTN
            start = leave["tanggal_mulai"]
            rows["penghargaan"] = [r for r in rows["penghargaan"] if r["tanggal"] < start]
    if rule in faults.NIP_FAULTS or rule in ("DATA-NIP-PPPK", "KAR-BUP"):
        faults.mark(pegawai, rule)
    elif rule == "DATA-NIP-GANDA":
        faults.GANDA(rng, emp, rows, state.units)
    else:
        for candidate in state.pending:
            fault = faults.ROW_FAULTS.get(candidate)
            if fault and not emp.leave and fault(rng, th, emp, rows):
                state.pending.remove(candidate)
                break
    state.writer.last_rows = rows
