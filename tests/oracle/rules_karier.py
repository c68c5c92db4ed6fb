"""KAR-*: careers (policy/bab/pengembangan-karier.md; domain §3)."""

from __future__ import annotations

import datetime as dt
import re

from tests.oracle.contract import value_key
from tests.oracle.intake import Row
from tests.oracle.model import Context, Expected
from tests.oracle.people import (
    CLTN,
    Employee,
    add_months,
    add_years,
    group,
)
from tests.oracle.rules_common import RANK, predikat_rank, rows_by_nip

REGULER = "reguler"
# riwayat_pangkat.yml: the kinds that are no promotion: the appointment, and a demotion as a
# penalty and its restoration (domain §3.13: penurunan pangkat is a penalty)
NOT_A_PROMOTION = ("pengangkatan", "penurunan pangkat", "pemulihan pangkat")
PENALTY = ("penurunan pangkat", "pemulihan pangkat")
# domain §3.1a, §3.16: sedang and berat penalties block KP while served, and Satyalancana
BLOCKING = ("sedang", "berat")
MAX_PENALTY = {"sedang": "disiplin.masa_hukuman_sedang", "berat": "disiplin.masa_hukuman_berat"}
# the length a penalty's kind states ("selama 12 bulan", "3 (tiga) tahun"), clause kp-hukdis-data
STATED = re.compile(r"([0-9]+) *(\([a-z ]+\) *)?(tahun|thn|th|bulan|bln)\b")

# domain §3.3 (KP reguler ceilings by education): the parameter of each level of the contract's
# pegawai.pendidikan, or the ceiling itself where the regulation has no parameter
CEILING_PARAMETER = {
    "SD": "karier.plafon_pendidikan.sd",
    "SLTP": "karier.plafon_pendidikan.sltp",
    "SLTP Kejuruan": "karier.plafon_pendidikan.sltp_kejuruan",
    "SLTA": "karier.plafon_pendidikan.slta",
    "SLTA Kejuruan": "karier.plafon_pendidikan.slta",
    "SLTA Keguruan": "karier.plafon_pendidikan.slta",  # SPG/SGO: an SLTA-level diploma
    "D-I": "karier.plafon_pendidikan.slta",
    "D-II": "karier.plafon_pendidikan.d2",
    "D-III": "karier.plafon_pendidikan.d3",
    "D-IV": "karier.plafon_pendidikan.s1",
    "S-1": "karier.plafon_pendidikan.s1",
    "S-2": "karier.plafon_pendidikan.s2",
    "Profesi": "karier.plafon_pendidikan.s2",  # dokter, apoteker (§3.3: with S-2)
    "S-3": "karier.plafon_pendidikan.s3",
}
CEILING_FIXED = {"SGPLB": "III/c"}  # domain §3.3: SGPLB starts at II/b, ceiling III/c
# domain §3.3 names dokter and apoteker with S-2; other professions (Ners) have no ceiling there
PROFESSIONS_NOT_LISTED = ("NERS",)

# domain §3.10 (PP 11/2017 Pasal 239(2)), §3.10a and §9.4.1 (Pasal 240, UU 14/2005): the
# retirement age by category of post
BUP_PARAMETER = {
    "Guru": "pensiun.bup_guru",
    "Dosen": "pensiun.bup_dosen",
    "JPT Utama": "pensiun.bup_jpt",
    "JPT Madya": "pensiun.bup_jpt",
    "JPT Pratama": "pensiun.bup_jpt",
    "Administrator": "pensiun.bup_administrasi",
    "Pengawas": "pensiun.bup_administrasi",
    "Pelaksana": "pensiun.bup_administrasi",
    "Fungsional Ahli Utama": "pensiun.bup_fungsional_ahli_utama",
    "Fungsional Ahli Madya": "pensiun.bup_fungsional_ahli_madya",
    "Fungsional Ahli Muda": "pensiun.bup_fungsional_lainnya",
    "Fungsional Ahli Pertama": "pensiun.bup_fungsional_lainnya",
    "Fungsional Penyelia": "pensiun.bup_fungsional_lainnya",  # keterampilan
    "Fungsional Mahir": "pensiun.bup_fungsional_lainnya",
    "Fungsional Terampil": "pensiun.bup_fungsional_lainnya",
    "Fungsional Pemula": "pensiun.bup_fungsional_lainnya",
}
# clause bup-usia-berhenti and domain §3.10: the retirement age applies to PNS
BUP_STATUS = ("PNS",)

# domain §3.12: Satyalancana Karya Satya X, XX, XXX after 10, 20, 30 years (parameters)
SATYALANCANA = {
    "Satyalancana Karya Satya X": "penghargaan.satyalancana_x",
    "Satyalancana Karya Satya XX": "penghargaan.satyalancana_xx",
    "Satyalancana Karya Satya XXX": "penghargaan.satyalancana_xxx",
}


def _dated(rows: list[Row]) -> list[Row]:
    """Rows with a readable TMT, by TMT then file position."""
    return sorted(
        (r for r in rows if isinstance(r.known("tmt"), dt.date)),
        key=lambda r: (r.known("tmt"), r.file, r.line),
    )


def _pns_promotions(ctx: Context) -> list[tuple[Row, Employee, list[Row]]]:
    """KP reguler rows of PNS with TMT in a checked year, with the employee's rank history."""
    out = []
    for nip, rows in rows_by_nip(ctx.data.rows("riwayat_pangkat")).items():
        person = ctx.by_nip.get(nip)
        if person is None or person.status != "PNS":
            continue
        history = _dated(rows)
        for row in history:
            if row.known("jenis_kp") == REGULER and row.known("tmt").year in ctx.years:
                out.append((row, person, history))
    return out


def kp_masa(ctx: Context) -> list[Expected]:
    """KAR-KP-MASA: a KP reguler before the minimum years in the previous rank (domain §3.1),
    the previous rank being the last earlier row that is not a penalty demotion or its
    restoration."""
    out = []
    for row, _, history in _pns_promotions(ctx):
        tmt = row.known("tmt")
        earlier = [
            r.known("tmt")
            for r in history
            if r.known("tmt") < tmt and r.known("jenis_kp") not in PENALTY
        ]
        years = ctx.params.whole("karier.kp_masa_pangkat_minimal", tmt)
        if earlier and years is not None and tmt < add_years(max(earlier), years):
            out.append(ctx.finding("KAR-KP-MASA", row, period=tmt.year, column="tmt"))
    return out


def _year_met(rows: list[Row], minimum: int, ranks: dict[str, int]) -> bool:
    """A year meets the minimum by its annual predikat, or, without one (2021 was evaluated
    per semester, domain §2.5), by every semester predikat."""
    graded = [(r.known("periode"), ranks.get(r.known("predikat") or "")) for r in rows]
    annual = [rank for periode, rank in graded if periode == "tahunan" and rank is not None]
    if annual:
        return any(rank >= minimum for rank in annual)
    semesters = [rank for periode, rank in graded if periode == "semesteran" and rank is not None]
    return bool(semesters) and all(rank >= minimum for rank in semesters)


def kp_predikat(ctx: Context) -> list[Expected]:
    """KAR-KP-PREDIKAT: a KP reguler without the minimum predikat in each of the required last
    years (domain §2.8, §3.1); a year without an evaluation does not meet it."""
    ranks = predikat_rank(ctx)
    evaluations = rows_by_nip(ctx.data.rows("penilaian_kinerja"))
    out = []
    for row, person, _ in _pns_promotions(ctx):
        tmt = row.known("tmt")
        lowest = ctx.params.value("karier.kp_predikat_minimal", tmt)
        count = ctx.params.whole("karier.kp_tahun_penilaian", tmt)
        if lowest is None or count is None:
            continue
        mine = evaluations.get(person.nip, [])
        met = sum(
            _year_met([r for r in mine if r.known("tahun") == year], ranks[lowest], ranks)
            for year in range(tmt.year - count, tmt.year)
        )
        if met < count:
            out.append(ctx.finding("KAR-KP-PREDIKAT", row, period=tmt.year, column="tmt"))
    return out


def _promotions_of_any_kind(history: list[Row]) -> list[Row]:
    """Rows that raise the rank: a kind other than appointment, demotion or restoration, or,
    with the kind left empty, a rank above the previous row's. The first row with an empty
    kind is the appointment."""
    out = []
    for index, row in enumerate(history):
        kind = row.known("jenis_kp")
        if kind is not None:
            if kind not in NOT_A_PROMOTION:
                out.append(row)
            continue
        if index == 0 or row.known("tmt") == history[0].known("tmt"):
            continue
        now = RANK.get(row.known("golongan") or "")
        before = RANK.get(history[index - 1].known("golongan") or "")
        if now is not None and before is not None and now > before:
            out.append(row)
    return out


def _penalty_end(ctx: Context, row: Row) -> dt.date | None:
    """The last day of a penalty: as recorded, else from its start and length (recorded in
    masa_tahun/masa_bulan, else stated in its kind, else the longest for its level), the
    length capped at the longest for its level in force at its start (kp-hukdis-data)."""
    start = row.known("tmt_mulai")
    end = row.known("tmt_selesai")
    if isinstance(end, dt.date):
        return end
    longest = ctx.params.whole(MAX_PENALTY[row.known("tingkat")], start)
    recorded = (row.known("masa_tahun") or 0) * 12 + (row.known("masa_bulan") or 0)
    months: int | None = recorded or None
    if months is None:
        kind = row.known("jenis")
        stated = STATED.search(kind.lower()) if isinstance(kind, str) else None
        if stated:
            months = int(stated.group(1)) * (1 if stated.group(3).startswith("b") else 12)
            months = min(months, longest) if longest is not None else months
        else:
            months = longest
    if months is None:
        return None
    return add_months(start, months) - dt.timedelta(days=1)


def _penalties(ctx: Context) -> dict[str, list[tuple[dt.date, dt.date]]]:
    out: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for row in ctx.data.rows("hukuman_disiplin"):
        start = row.known("tmt_mulai")
        if row.known("tingkat") not in BLOCKING or not isinstance(start, dt.date):
            continue
        end = _penalty_end(ctx, row)
        if end is not None and row.nip is not None:
            out.setdefault(row.nip, []).append((start, end))
    return out


def _blocking_starts(ctx: Context) -> dict[str, list[dt.date]]:
    """The start of every sedang or berat penalty, by NIP."""
    out: dict[str, list[dt.date]] = {}
    for row in ctx.data.rows("hukuman_disiplin"):
        start = row.known("tmt_mulai")
        if row.known("tingkat") in BLOCKING and isinstance(start, dt.date) and row.nip:
            out.setdefault(row.nip, []).append(start)
    return out


def kp_hukdis(ctx: Context) -> list[Expected]:
    """KAR-KP-HUKDIS: a promotion of any kind with TMT in a checked year while a sedang or
    berat penalty is served (kp-hukdis-larangan; domain §3.16), once per such penalty."""
    penalties = _penalties(ctx)
    out = []
    for nip, rows in rows_by_nip(ctx.data.rows("riwayat_pangkat")).items():
        for row in _promotions_of_any_kind(_dated(rows)):
            tmt = row.known("tmt")
            if tmt.year not in ctx.years:
                continue
            for start, end in penalties.get(nip, []):
                if start <= tmt <= end:
                    out.append(ctx.finding("KAR-KP-HUKDIS", row, period=tmt.year, column="tmt"))
    return out


def _ceiling(ctx: Context, person: Employee, on: dt.date) -> str | None:
    level = person.row.known("pendidikan")
    if not isinstance(level, str):
        return None
    if level == "Profesi" and value_key(person.row.raw.get("pendidikan") or "") in (
        PROFESSIONS_NOT_LISTED
    ):
        return None
    if level in CEILING_FIXED:
        return CEILING_FIXED[level]
    name = CEILING_PARAMETER.get(level)
    value = ctx.params.value(name, on) if name is not None else None
    return None if value is None else str(value)


def kp_plafon(ctx: Context) -> list[Expected]:
    """KAR-KP-PLAFON: a KP reguler to a rank above the ceiling of the employee's education
    (domain §3.3; kp-reguler-plafon)."""
    out = []
    for row, person, _ in _pns_promotions(ctx):
        tmt = row.known("tmt")
        ceiling = _ceiling(ctx, person, tmt)
        rank = RANK.get(row.known("golongan") or "")
        if ceiling is not None and rank is not None and rank > RANK[ceiling]:
            out.append(ctx.finding("KAR-KP-PLAFON", row, period=tmt.year, column="golongan"))
    return out


def bup(ctx: Context) -> list[Expected]:
    """KAR-BUP: a PNS still in service on the check date although the retirement TMT (the
    first day of the month after the birth month in the year the retirement age is reached,
    bup-usia-tmt) has passed."""
    in_service = group(ctx.data, "dalam_dinas")
    out = []
    for p in ctx.people:
        born = p.row.known("tanggal_lahir")
        name = BUP_PARAMETER.get(p.kategori or "")
        if p.status not in BUP_STATUS or p.kedudukan not in in_service or name is None:
            continue
        age = ctx.params.whole(name, ctx.as_of)
        if not isinstance(born, dt.date) or age is None:
            continue
        retires = add_months(dt.date(born.year + age, born.month, 1), 1)
        if ctx.as_of >= retires:
            out.append(ctx.finding("KAR-BUP", p.row, column="tanggal_lahir"))
    return out


def satyalancana(ctx: Context) -> list[Expected]:
    """KAR-SATYALANCANA: a Satyalancana Karya Satya to a PNS dated before the years of
    service counted from TMT CPNS (domain §3.12, §3.12a), or after a sedang or berat penalty
    (§3.12b), or after a CLTN, which breaks the continuous service (§3.12c)."""
    penalties = _blocking_starts(ctx)
    out = []
    for row in ctx.data.rows("penghargaan"):
        person = ctx.by_nip.get(row.nip or "")
        name = SATYALANCANA.get(row.known("jenis") or "")
        day = row.known("tanggal")
        if person is None or person.status != "PNS" or name is None:
            continue
        tmt = person.row.known("tmt_cpns")
        years = ctx.params.whole(name, day) if isinstance(day, dt.date) else None
        if not isinstance(tmt, dt.date) or years is None:
            continue
        early = day < add_years(tmt, years)
        punished = any(start <= day for start in penalties.get(person.nip, []))
        on_leave = any(p.kind == CLTN and p.start <= day for p in ctx.periods.get(person.nip, []))
        if early or punished or on_leave:
            out.append(ctx.finding("KAR-SATYALANCANA", row, period=day.year, column="tanggal"))
    return out
