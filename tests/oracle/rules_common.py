"""Facts and helpers several rule families share: rank order, the predikat matrix and order,
KP periods, the year of a training, and which years are closed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tests.oracle.intake import Row
from tests.oracle.model import Context
from tests.oracle.people import add_months, year_end

# domain §3a: the 17 rungs of the PNS rank ladder, lowest first
GOLONGAN = (
    "I/a", "I/b", "I/c", "I/d",
    "II/a", "II/b", "II/c", "II/d",
    "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
)  # fmt: skip
RANK = {g: i for i, g in enumerate(GOLONGAN, start=1)}

# domain §2.2 (and policy/bab/evaluasi-kinerja.md, predikat-kinerja-matriks): predikat by
# (rating hasil kerja, rating perilaku kerja)
ATAS, SESUAI, BAWAH = "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"
MATRIX = {
    (ATAS, ATAS): "Sangat Baik",
    (ATAS, SESUAI): "Baik",
    (ATAS, BAWAH): "Kurang/Misconduct",
    (SESUAI, ATAS): "Baik",
    (SESUAI, SESUAI): "Baik",
    (SESUAI, BAWAH): "Kurang/Misconduct",
    (BAWAH, ATAS): "Butuh Perbaikan",
    (BAWAH, SESUAI): "Butuh Perbaikan",
    (BAWAH, BAWAH): "Sangat Kurang",
}

# domain §3.4: KP periods fall on the 1st of April and of the months a whole number of
# periods (parameter karier.kp_periode_bulan) away from it: April/October, every two months
# from February, every month
KP_ANCHOR_MONTH = 4


def next_kp_period(ctx: Context) -> dt.date | None:
    """The first KP period after the check date (within a year)."""
    month = dt.date(ctx.as_of.year, ctx.as_of.month, 1)
    for n in range(1, 13):
        day = add_months(month, n)
        step = ctx.params.whole("karier.kp_periode_bulan", day)
        if step and (day.month - KP_ANCHOR_MONTH) % step == 0:
            return day
    return None


def rows_by_nip(rows: Iterable[Row]) -> dict[str, list[Row]]:
    """Rows grouped by NIP, each group in file order."""
    out: dict[str, list[Row]] = {}
    for row in rows:
        if row.nip is not None:
            out.setdefault(row.nip, []).append(row)
    return out


def training_day(row: Row) -> dt.date | None:
    """The day a training counts on: its end, or its start when the end is empty
    (hak-kompetensi-pns-hitung: completed in the year; DATA-JP-TANGGAL-MULAI). An unreadable
    end date leaves the day unknown."""
    end = row.get("tanggal_selesai")
    if isinstance(end, dt.date):
        return end
    start = row.known("tanggal_mulai")
    if end is None and isinstance(start, dt.date):
        return start
    return None


def jp(row: Row) -> float:
    value = row.known("jp")
    return float(value) if isinstance(value, int | float) else 0.0


def closed(ctx: Context, year: int) -> bool:
    """A calendar year is over at the check date."""
    return ctx.as_of > year_end(year)


def predikat_rank(ctx: Context) -> dict[str, int]:
    """Rank of each predikat, 1 = lowest, the scales of the contract (``enumScales``, best
    first) ranked position by position, so "at least Baik" reads old and new alike (domain
    §9.4.3: Sangat Baik, Baik, Cukup, Kurang, Buruk)."""
    column = ctx.data.contract["penilaian_kinerja"].columns["predikat"]
    ranks: dict[str, int] = {}
    for values in column.scales.values():
        for index, value in enumerate(values):
            ranks.setdefault(value, len(values) - index)
    return ranks
