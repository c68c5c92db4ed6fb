"""KIN-*: performance evaluation (policy/bab/evaluasi-kinerja.md; domain §2)."""

from __future__ import annotations

from tests.oracle.model import Context, Expected
from tests.oracle.people import Employee, add_months, group, owes_yearly, year_end
from tests.oracle.rules_common import MATRIX
from tests.oracle.rules_kompetensi import below_target

DEADLINE = "kinerja.batas_evaluasi_tahunan"
TARGET = "kinerja.target_cakupan_evaluasi"
ANNUAL = "tahunan"


def _due(ctx: Context, year: int) -> bool:
    """A year's annual evaluation is judged once the deadline after the year has passed
    (evaluasi-tahunan-batas); a year before the deadline rule existed is not judged."""
    months = ctx.params.whole(DEADLINE, year_end(year))
    return months is not None and ctx.as_of > add_months(year_end(year), months)


def _evaluated(ctx: Context) -> set[tuple[str, int]]:
    return {
        (r.nip or "", r.known("tahun"))
        for r in ctx.data.rows("penilaian_kinerja")
        if r.known("periode") == ANNUAL and isinstance(r.known("tahun"), int)
    }


def _owing(ctx: Context, year: int) -> list[Employee]:
    """Every ASN (PNS, CPNS, PPPK: evaluasi-tahunan-wajib, "setiap Pegawai ASN") on duty since
    1 January and not on CLTN or tugas belajar in ``year``."""
    on_duty = group(ctx.data, "bertugas")
    return [p for p in ctx.people if owes_yearly(p, year, on_duty, ctx.periods)]


def skp_tahunan(ctx: Context) -> list[Expected]:
    """KIN-SKP-TAHUNAN: no annual evaluation for a year that is due."""
    done = _evaluated(ctx)
    out = []
    for year in ctx.years:
        if not _due(ctx, year):
            continue
        for p in _owing(ctx, year):
            if (p.nip, year) not in done:
                out.append(ctx.finding("KIN-SKP-TAHUNAN", p.row, period=year, column="tahun"))
    return out


def cakupan(ctx: Context) -> list[Expected]:
    """KIN-CAKUPAN: per perangkat daerah and due year, the share of the KIN-SKP-TAHUNAN
    population with an annual evaluation below the target in force at the year's end."""
    done = _evaluated(ctx)
    out = []
    for year in ctx.years:
        target = ctx.params.number(TARGET, year_end(year))
        if not _due(ctx, year) or target is None:
            continue
        tally: dict[str | None, list[int]] = {}
        for p in _owing(ctx, year):
            counts = tally.setdefault(p.opd, [0, 0])
            counts[0] += 1
            counts[1] += (p.nip, year) in done
        out += below_target(ctx, "KIN-CAKUPAN", year, tally, target)
    return out


def _predikat(ctx: Context, rule: str, annual: bool) -> list[Expected]:
    out = []
    for row in ctx.data.rows("penilaian_kinerja"):
        periode = row.known("periode")
        hasil, perilaku = row.known("hasil_kerja"), row.known("perilaku_kerja")
        predikat = row.known("predikat")
        if periode is None or (periode == ANNUAL) != annual:
            continue
        if predikat is None or hasil is None or perilaku is None:
            continue  # evaluations before PermenPANRB 6/2022 carry no ratings (§9.4.3)
        if MATRIX[(hasil, perilaku)] != predikat:
            out.append(ctx.finding(rule, row, period=row.known("tahun"), column="predikat"))
    return out


def predikat(ctx: Context) -> list[Expected]:
    """KIN-PREDIKAT: an annual predikat that is not the matrix's (domain §2.2)."""
    return _predikat(ctx, "KIN-PREDIKAT", annual=True)


def predikat_periodik(ctx: Context) -> list[Expected]:
    """KIN-PREDIKAT-PERIODIK: the same for periodic evaluations (domain §2.3)."""
    return _predikat(ctx, "KIN-PREDIKAT-PERIODIK", annual=False)


def umpan_balik(ctx: Context) -> list[Expected]:
    """KIN-UMPAN-BALIK: an annual evaluation of a checked year, of an employee who serves the
    public in a public-service unit, that records no public feedback, neither as Ya nor as a
    score (umpan-balik-masyarakat-catat)."""
    out = []
    for row in ctx.data.rows("penilaian_kinerja"):
        person = ctx.by_nip.get(row.nip or "")
        if person is None or not person.serves_public:
            continue
        if row.known("periode") != ANNUAL or row.known("tahun") not in ctx.years:
            continue
        if row.get("umpan_balik_masyarakat") in (None, False) and (
            row.get("nilai_umpan_balik") is None
        ):
            out.append(
                ctx.finding(
                    "KIN-UMPAN-BALIK",
                    row,
                    period=row.known("tahun"),
                    column="umpan_balik_masyarakat",
                )
            )
    return out
