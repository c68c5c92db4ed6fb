"""KOMP-*: competency development (policy/bab/pengembangan-kompetensi.md; domain §1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.oracle.model import Context, Expected
from tests.oracle.people import Employee, add_years, group, owes_yearly, year_end
from tests.oracle.rules_common import closed, jp, rows_by_nip, training_day

MINIMUM = "kompetensi.jp_minimum_pns"
MAXIMUM = "kompetensi.jp_maksimum_pppk"
TARGET = "kompetensi.target_cakupan_jp"
TARGET_PPPK = "kompetensi.target_cakupan_pppk"
# domain §1.1 and clause hak-kompetensi-pns-jp: the right (and the target) is "setiap PNS"
JP_STATUS = ("PNS",)
# domain §1.4: the cap does not bind PPPK in (certain) JPT utama and JPT madya posts
PPPK_CAP_EXEMPT = ("JPT Utama", "JPT Madya")


def _days(ctx: Context) -> dict[str, list[tuple[dt.date, float]]]:
    """(day it counts on, JP) of every training, by NIP."""
    out: dict[str, list[tuple[dt.date, float]]] = {}
    for nip, rows in rows_by_nip(ctx.data.rows("pelatihan")).items():
        for row in rows:
            day = training_day(row)
            if day is not None:
                out.setdefault(nip, []).append((day, jp(row)))
    return out


def _total(days: list[tuple[dt.date, float]], keep: Callable[[dt.date], bool]) -> float:
    return sum(value for day, value in days if keep(day))


def _between(first: dt.date, last: dt.date) -> Callable[[dt.date], bool]:
    def keep(day: dt.date) -> bool:
        return first <= day <= last

    return keep


def _owing(ctx: Context, year: int) -> list[Employee]:
    """PNS who owe the yearly minimum in ``year`` (on duty since 1 January, not on leave)."""
    on_duty = group(ctx.data, "bertugas")
    return [
        p
        for p in ctx.people
        if p.status in JP_STATUS and owes_yearly(p, year, on_duty, ctx.periods)
    ]


def _year_totals(ctx: Context, year: int, until: dt.date) -> list[tuple[Employee, float]]:
    days = _days(ctx)
    return [
        (p, _total(days.get(p.nip, []), lambda d: d.year == year and d <= until))
        for p in _owing(ctx, year)
    ]


def jp_min(ctx: Context) -> list[Expected]:
    """KOMP-JP-MIN: a PNS with fewer JP in a closed year than the minimum in force at its end."""
    out = []
    for year in ctx.years:
        minimum = ctx.params.number(MINIMUM, year_end(year))
        if not closed(ctx, year) or minimum is None:
            continue
        for p, total in _year_totals(ctx, year, year_end(year)):
            if total < minimum:
                out.append(ctx.finding("KOMP-JP-MIN", p.row, period=year, column="jp"))
    return out


def jp_berjalan(ctx: Context) -> list[Expected]:
    """KOMP-JP-BERJALAN (info): in a year not yet over, a PNS who so far (trainings that
    count on a day up to the check date) has fewer JP than the minimum."""
    out = []
    for year in ctx.years:
        minimum = ctx.params.number(MINIMUM, year_end(year))
        if closed(ctx, year) or minimum is None:
            continue
        for p, total in _year_totals(ctx, year, ctx.as_of):
            if total < minimum:
                out.append(ctx.finding("KOMP-JP-BERJALAN", p.row, period=year, column="jp"))
    return out


def _contract_years(start: dt.date, year: int) -> list[tuple[dt.date, dt.date]]:
    """The contract years (first and last day) counted from ``start`` that end in ``year``
    (domain §9.4.4: "dalam 1 (satu) tahun masa perjanjian kerja")."""
    out: list[tuple[dt.date, dt.date]] = []
    n = 0
    while True:
        first, last = add_years(start, n), add_years(start, n + 1) - dt.timedelta(days=1)
        if last.year > year:
            return out
        if last.year == year:
            out.append((first, last))
        n += 1


def jp_pppk(ctx: Context) -> list[Expected]:
    """KOMP-JP-PPPK: a PPPK on duty with more JP in a finished contract year (ending in a
    checked year, before the check date) than the cap in force on its last day."""
    on_duty = group(ctx.data, "bertugas")
    days = _days(ctx)
    out = []
    for p in ctx.people:
        start = p.row.known("tmt_cpns")
        if p.status != "PPPK" or p.kedudukan not in on_duty or p.kategori in PPPK_CAP_EXEMPT:
            continue
        if p.kategori is None or not isinstance(start, dt.date):
            continue
        for year in ctx.years:
            for first, last in _contract_years(start, year):
                cap = ctx.params.number(MAXIMUM, last)
                if last >= ctx.as_of or cap is None:
                    continue
                total = _total(days.get(p.nip, []), _between(first, last))
                if total > cap:
                    out.append(ctx.finding("KOMP-JP-PPPK", p.row, period=f"{first} s.d. {last}"))
    return out


def _pppk_years(ctx: Context, year: int) -> list[tuple[Employee, dt.date, dt.date, bool]]:
    """PPPK on duty with each contract year that ends in ``year`` and is over at the check date
    (first day, last day), and whether any training counts inside it (clause
    target-kompetensi-pppk-cakupan: "mengikuti Pengembangan Kompetensi dalam 1 (satu) tahun
    masa perjanjian kerja"; PP 49/2018 Pasal 39 ayat (2), domain §1.4)."""
    on_duty = group(ctx.data, "bertugas")
    days = _days(ctx)
    out = []
    for p in ctx.people:
        start = p.row.known("tmt_cpns")
        if p.status != "PPPK" or p.kedudukan not in on_duty or not isinstance(start, dt.date):
            continue
        for first, last in _contract_years(start, year):
            if last < ctx.as_of:
                inside = _between(first, last)
                out.append((p, first, last, any(inside(d) for d, _ in days.get(p.nip, []))))
    return out


def pppk_tanpa(ctx: Context) -> list[Expected]:
    """KOMP-PPPK-TANPA (info): a PPPK on duty with no training at all in a finished contract
    year ending in a checked year."""
    return [
        ctx.finding("KOMP-PPPK-TANPA", p.row, period=f"{first} s.d. {last}")
        for year in ctx.years
        for p, first, last, trained in _pppk_years(ctx, year)
        if not trained
    ]


def cakupan_pppk(ctx: Context) -> list[Expected]:
    """KOMP-CAKUPAN-PPPK: per perangkat daerah and closed calendar year, the share of those
    PPPK contract years (ending in the year) with any training, below the target in force at
    the year's end."""
    out = []
    for year in ctx.years:
        target = ctx.params.number(TARGET_PPPK, year_end(year))
        if not closed(ctx, year) or target is None:
            continue
        tally: dict[str | None, list[int]] = {}
        for p, _, _, trained in _pppk_years(ctx, year):
            counts = tally.setdefault(p.opd, [0, 0])
            counts[0] += 1
            counts[1] += trained
        out += _below(ctx, "KOMP-CAKUPAN-PPPK", year, tally, target)
    return out


def cakupan(ctx: Context) -> list[Expected]:
    """KOMP-CAKUPAN: per perangkat daerah and closed year, the share of the KOMP-JP-MIN
    population meeting the minimum below the target in force at the year's end."""
    out = []
    for year in ctx.years:
        minimum = ctx.params.number(MINIMUM, year_end(year))
        target = ctx.params.number(TARGET, year_end(year))
        if not closed(ctx, year) or minimum is None or target is None:
            continue
        tally: dict[str | None, list[int]] = {}
        for p, total in _year_totals(ctx, year, year_end(year)):
            counts = tally.setdefault(p.opd, [0, 0])
            counts[0] += 1
            counts[1] += total >= minimum
        out += _below(ctx, "KOMP-CAKUPAN", year, tally, target)
    return out


def _below(
    ctx: Context, rule: str, year: int, tally: dict[str | None, list[int]], target: float
) -> list[Expected]:
    return [
        Expected(rule, "pegawai", None, None, period=str(year), opd=opd)
        for opd, (population, met) in tally.items()
        if population and 100.0 * met / population < target
    ]


below_target = _below
