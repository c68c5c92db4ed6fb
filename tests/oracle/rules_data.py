"""DATA-*: accuracy of the Data Kepegawaian (policy/bab/data-pelaporan.md, Pasal data-akurat;
pemeriksaan-data-tanggal) and of the JP dates (pengembangan-kompetensi.md,
hak-kompetensi-pns-hitung)."""

from __future__ import annotations

import datetime as dt
import re

from tests.oracle.model import Context, Expected
from tests.oracle.people import LEAVE_KINDS, add_years
from tests.oracle.rules_common import next_kp_period, rows_by_nip

NIP = re.compile(r"[0-9]{18}")
# domain §4 (cross-checks): a CPNS is at least 18 years old at TMT CPNS; not a parameter of
# the regulation, a plausibility bound of the data
MIN_AGE_AT_TMT = 18
# domain §4.1: digit 15 of the NIP, 1 = male, 2 = female (§4.2: the same place in NI PPPK)
SEX_DIGIT = {"L": "1", "P": "2"}


def nip_format(ctx: Context) -> list[Expected]:
    """DATA-NIP-FORMAT: an NIP that is not 18 digits (domain §4.1; data-akurat-format)."""
    return [
        ctx.finding("DATA-NIP-FORMAT", p.row, column="nip")
        for p in ctx.people
        if not NIP.fullmatch(p.nip)
    ]


def nip_lahir(ctx: Context) -> list[Expected]:
    """DATA-NIP-LAHIR: digits 1–8 of a PNS or CPNS NIP are the birth date (domain §4.1)."""
    out = []
    for p in ctx.people:
        born = p.row.known("tanggal_lahir")
        if (
            p.status in ("PNS", "CPNS")
            and NIP.fullmatch(p.nip)
            and isinstance(born, dt.date)
            and (p.nip[:8] != born.strftime("%Y%m%d"))
        ):
            out.append(ctx.finding("DATA-NIP-LAHIR", p.row, column="tanggal_lahir"))
    return out


def nip_tmt(ctx: Context) -> list[Expected]:
    """DATA-NIP-TMT: digits 9–14 are year and month of TMT CPNS (domain §4.1); in NI PPPK
    digits 9–12 are the year of the first contract (§4.2)."""
    out = []
    for p in ctx.people:
        tmt = p.row.known("tmt_cpns")
        if not NIP.fullmatch(p.nip) or not isinstance(tmt, dt.date):
            continue
        if p.status in ("PNS", "CPNS"):
            wrong = p.nip[8:14] != f"{tmt.year:04d}{tmt.month:02d}"
        elif p.status == "PPPK":
            wrong = p.nip[8:12] != f"{tmt.year:04d}"
        else:
            continue
        if wrong:
            out.append(ctx.finding("DATA-NIP-TMT", p.row, column="tmt_cpns"))
    return out


def nip_jk(ctx: Context) -> list[Expected]:
    """DATA-NIP-JK: digit 15 of a PNS or CPNS NIP is the sex (domain §4.1)."""
    out = []
    for p in ctx.people:
        sex = p.row.known("jenis_kelamin")
        if (
            p.status in ("PNS", "CPNS")
            and NIP.fullmatch(p.nip)
            and sex in SEX_DIGIT
            and p.nip[14] != SEX_DIGIT[sex]
        ):
            out.append(ctx.finding("DATA-NIP-JK", p.row, column="jenis_kelamin"))
    return out


# domain §4.2 (single source): NI PPPK = birth date, TMT year, the digit 2, a period digit, the
# sex digit, a 3-digit serial
PPPK_CODE = "2"


def nip_pppk(ctx: Context) -> list[Expected]:
    """DATA-NIP-PPPK: an 18-digit NI PPPK whose birth date, PPPK code (digit 13) or sex digit
    (15) does not match the row (domain §4.2); the TMT year is DATA-NIP-TMT's."""
    out = []
    for p in ctx.people:
        if p.status != "PPPK" or not NIP.fullmatch(p.nip):
            continue
        born, sex = p.row.known("tanggal_lahir"), p.row.known("jenis_kelamin")
        wrong = p.nip[12] != PPPK_CODE
        wrong |= isinstance(born, dt.date) and p.nip[:8] != born.strftime("%Y%m%d")
        wrong |= sex in SEX_DIGIT and p.nip[14] != SEX_DIGIT[str(sex)]
        if wrong:
            out.append(ctx.finding("DATA-NIP-PPPK", p.row, column="nip"))
    return out


def nip_ganda(ctx: Context) -> list[Expected]:
    """DATA-NIP-GANDA: every row of an NIP after its first (data-akurat-ganda)."""
    seen: set[str] = set()
    out = []
    for p in sorted(ctx.people, key=lambda q: (q.row.file, q.row.line)):
        if p.nip in seen:
            out.append(ctx.finding("DATA-NIP-GANDA", p.row, column="nip"))
        seen.add(p.nip)
    return out


def _future(ctx: Context, table: str, columns: tuple[str, ...]) -> list[Expected]:
    out = []
    for row in ctx.data.rows(table):
        for column in columns:
            day = row.known(column)
            if isinstance(day, dt.date) and day > ctx.as_of:
                out.append(ctx.finding("DATA-TANGGAL", row, column=column))
    return out


def tanggal(ctx: Context) -> list[Expected]:
    """DATA-TANGGAL (data-akurat-tanggal: every date reasonable and chronological):

    * an event that cannot lie ahead of the check date: birth, TMT CPNS, start and end of a
      training, an award, the start of a penalty;
    * the TMT of the last rank after the next KP period: a KP decree precedes its TMT, and a
      TMT in the next period is normal (domain §9.4.5), as for rank history rows;
    * an annual or periodic evaluation of a year after the check date (the clause names
      "tanggal penilaian kinerja");
    * TMT CPNS before the age of 18 (domain §4 cross-checks);
    * a training that ends before it starts.
    """
    out = _future(ctx, "pegawai", ("tanggal_lahir", "tmt_cpns"))
    period = next_kp_period(ctx)
    for p in ctx.people:
        tmt = p.row.known("tmt_golongan")
        if isinstance(tmt, dt.date) and period is not None and tmt > period:
            out.append(ctx.finding("DATA-TANGGAL", p.row, column="tmt_golongan"))
    out += _future(ctx, "pelatihan", ("tanggal_mulai", "tanggal_selesai"))
    out += _future(ctx, "penghargaan", ("tanggal",))
    out += _future(ctx, "hukuman_disiplin", ("tmt_mulai",))
    for row in ctx.data.rows("penilaian_kinerja"):
        year = row.known("tahun")
        if isinstance(year, int) and year > ctx.as_of.year:
            out.append(ctx.finding("DATA-TANGGAL", row, column="tahun"))
    for p in ctx.people:
        born, tmt = p.row.known("tanggal_lahir"), p.row.known("tmt_cpns")
        if not isinstance(born, dt.date) or not isinstance(tmt, dt.date):
            continue
        if tmt <= ctx.as_of and tmt < add_years(born, MIN_AGE_AT_TMT):
            out.append(ctx.finding("DATA-TANGGAL", p.row, column="tmt_cpns"))
    for row in ctx.data.rows("pelatihan"):
        start, end = row.known("tanggal_mulai"), row.known("tanggal_selesai")
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            continue
        if end < start and end <= ctx.as_of:
            out.append(ctx.finding("DATA-TANGGAL", row, column="tanggal_selesai"))
    return out


def tmt_pangkat(ctx: Context) -> list[Expected]:
    """DATA-TMT-PANGKAT: a rank TMT after the first KP period after the check date (domain
    §3.4 periods, §9.4.5 decrees precede their TMT)."""
    period = next_kp_period(ctx)
    if period is None:
        return []
    out = []
    for row in ctx.data.rows("riwayat_pangkat"):
        tmt = row.known("tmt")
        if isinstance(tmt, dt.date) and tmt > period:
            out.append(ctx.finding("DATA-TMT-PANGKAT", row, period=tmt.year, column="tmt"))
    return out


def jenis_kp(ctx: Context) -> list[Expected]:
    """DATA-JENIS-KP: the kind of KP left empty on a row that is not the employee's first
    (riwayat_pangkat.yml: only the first row may be empty, read as the appointment). An
    unreadable kind is not an empty one (intake reports it)."""
    out = []
    for rows in rows_by_nip(ctx.data.rows("riwayat_pangkat")).values():
        dates = [r.known("tmt") for r in rows if isinstance(r.known("tmt"), dt.date)]
        for row in rows:
            tmt = row.known("tmt")
            if row.get("jenis_kp") is not None or not isinstance(tmt, dt.date):
                continue
            if any(d < tmt for d in dates):
                out.append(ctx.finding("DATA-JENIS-KP", row, period=tmt.year, column="jenis_kp"))
    return out


def pangkat_riwayat(ctx: Context) -> list[Expected]:
    """DATA-PANGKAT-RIWAYAT: the employee's golongan differs from the last rank in force on
    the check date, unless it is a rank already decreed with a later TMT (§9.4.5)."""
    history = rows_by_nip(ctx.data.rows("riwayat_pangkat"))
    out = []
    for p in ctx.people:
        golongan = p.row.known("golongan")
        rows = [r for r in history.get(p.nip, []) if isinstance(r.known("tmt"), dt.date)]
        past = [r for r in rows if r.known("tmt") <= ctx.as_of]
        if golongan is None or not past:
            continue
        last = max(past, key=lambda r: r.known("tmt")).known("golongan")
        ahead = {r.known("golongan") for r in rows if r.known("tmt") > ctx.as_of}
        if last is not None and last != golongan and golongan not in ahead:
            out.append(ctx.finding("DATA-PANGKAT-RIWAYAT", p.row, column="golongan"))
    return out


def kedudukan_asumsi(ctx: Context) -> list[Expected]:
    """DATA-KEDUDUKAN-ASUMSI (info): employees recorded on CLTN or tugas belajar whose
    periods are not in riwayat_cltn, once for the whole dataset."""
    recorded = {r.nip for r in ctx.data.rows("riwayat_cltn")}
    if not any(p.kedudukan in LEAVE_KINDS and p.nip not in recorded for p in ctx.people):
        return []
    years = ", ".join(str(y) for y in sorted(set(ctx.years)))
    return [Expected("DATA-KEDUDUKAN-ASUMSI", "pegawai", None, None, period=years)]


def jp_tanggal_mulai(ctx: Context) -> list[Expected]:
    """DATA-JP-TANGGAL-MULAI (info): a training file with rows without an end date (counted
    by their start date), once per file."""
    files = sorted(
        {
            r.file
            for r in ctx.data.rows("pelatihan")
            if r.get("tanggal_selesai") is None and isinstance(r.known("tanggal_mulai"), dt.date)
        }
    )
    return [Expected("DATA-JP-TANGGAL-MULAI", "pelatihan", None, None) for _ in files]
