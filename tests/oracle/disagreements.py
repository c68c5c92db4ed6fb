"""Known disagreements between the rule engine and the oracle, each a test on the data that
says why one finding is on one side only.

A comparison may leave a difference only when one of these explains it; everything else is a
failure. Each entry names the side it explains ("check" = reported by the checker only,
"oracle" = expected by the oracle only), the rule(s), and the source the oracle follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tests.oracle.intake import Row
from tests.oracle.model import Context
from tests.oracle.people import CLTN, add_years
from tests.oracle.rules_common import next_kp_period
from tests.oracle.rules_karier import SATYALANCANA, _blocking_starts

# (rule, table, row, nip, period, opd) of one finding
Key = tuple[str, str, int, str, str, str]


@dataclass(frozen=True)
class Disagreement:
    """One documented reason a finding is on one side only."""

    name: str
    side: str  # "check" or "oracle"
    rules: tuple[str, ...]
    source: str  # what the oracle follows
    applies: Callable[[Context, Key], bool]


def _row(ctx: Context, table: str, line: int) -> Row | None:
    return next((r for r in ctx.data.rows(table) if r.line == line), None)


def _rejected(ctx: Context, key: Key) -> bool:
    """The finding's record was left out at intake (NIP missing, damaged or not in pegawai,
    or a repeated primary key)."""
    return any(r.line == key[2] for r in ctx.data.rejected.get(key[1], []))


def _status(ctx: Context, key: Key, status: str) -> bool:
    row = _row(ctx, "pegawai", key[2])
    return row is not None and row.known("status_kepegawaian") == status


def _cpns(ctx: Context, key: Key) -> bool:
    return _status(ctx, key, "CPNS")


def _satyalancana_cltn(ctx: Context, key: Key) -> bool:
    """The award meets the years of service and follows no penalty, but follows a CLTN."""
    row = _row(ctx, "penghargaan", key[2])
    person = ctx.by_nip.get(key[3])
    if row is None or person is None:
        return False
    day, tmt = row.known("tanggal"), person.row.known("tmt_cpns")
    name = SATYALANCANA.get(row.known("jenis") or "")
    if not isinstance(day, dt.date) or not isinstance(tmt, dt.date) or name is None:
        return False
    years = ctx.params.whole(name, day)
    if years is None or day < add_years(tmt, years):
        return False
    if any(start <= day for start in _blocking_starts(ctx).get(person.nip, [])):
        return False
    return any(p.kind == CLTN and p.start <= day for p in ctx.periods.get(person.nip, []))


def _tmt_golongan_ahead(ctx: Context, key: Key) -> bool:
    """The employee's last rank has a TMT after the check date but not after the next KP
    period."""
    row = _row(ctx, "pegawai", key[2])
    period = next_kp_period(ctx)
    tmt = row.known("tmt_golongan") if row is not None else None
    return isinstance(tmt, dt.date) and period is not None and ctx.as_of < tmt <= period


def _evaluation_ahead(ctx: Context, key: Key) -> bool:
    row = _row(ctx, "penilaian_kinerja", key[2])
    year = row.known("tahun") if row is not None else None
    return isinstance(year, int) and year > ctx.as_of.year


def _education(ctx: Context, key: Key, level: str) -> bool:
    person = ctx.by_nip.get(key[3])
    return person is not None and person.row.known("pendidikan") == level


def _ners(ctx: Context, key: Key) -> bool:
    person = ctx.by_nip.get(key[3])
    raw = (person.row.raw.get("pendidikan") or "") if person is not None else ""
    return raw.strip().lower() == "ners"


def _duplicate_training(ctx: Context, key: Key) -> bool:
    """A training of the employee was left out as a repeated record (the engine adds its JP
    twice)."""
    return any(r.nip == key[3] for r in ctx.data.rejected.get("pelatihan", []))


KNOWN: tuple[Disagreement, ...] = (
    Disagreement(
        "satyalancana-cltn",
        "oracle",
        ("KAR-SATYALANCANA",),
        "domain §3.12c: no CLTN during the service counted for Satyalancana Karya Satya "
        "(clause satyalancana-masa: service counted continuously)",
        _satyalancana_cltn,
    ),
    Disagreement(
        "jp-cpns",
        "check",
        ("KOMP-JP-MIN", "KOMP-JP-BERJALAN"),
        "domain §1.1 and clause hak-kompetensi-pns-jp: the 20 JP right is of every PNS; a CPNS "
        "follows the pelatihan dasar of the probation instead",
        _cpns,
    ),
    Disagreement(
        "bup-cpns",
        "check",
        ("KAR-BUP",),
        "clause bup-usia-berhenti, domain §3.10: the retirement age is set for PNS",
        _cpns,
    ),
    Disagreement(
        "tmt-golongan-next-period",
        "check",
        ("DATA-TANGGAL",),
        "domain §9.4.5: a KP TMT in the next period after the check date is normal",
        _tmt_golongan_ahead,
    ),
    Disagreement(
        "evaluation-year-ahead",
        "oracle",
        ("DATA-TANGGAL",),
        "clause data-akurat-tanggal names the date of the performance evaluation",
        _evaluation_ahead,
    ),
    Disagreement(
        "plafon-sgplb",
        "oracle",
        ("KAR-KP-PLAFON",),
        "domain §3.3: SGPLB, ceiling III/c",
        lambda ctx, key: _education(ctx, key, "SGPLB"),
    ),
    Disagreement(
        "plafon-ners",
        "check",
        ("KAR-KP-PLAFON",),
        "domain §3.3 sets IV/a for S-2, dokter and apoteker only; Ners is not listed",
        _ners,
    ),
    Disagreement(
        "rejected-record",
        "check",
        (),  # any rule
        "brief/DESIGN: a record intake rejects (orphan NIP, damaged NIP, repeated key) neither "
        "creates nor hides a finding",
        _rejected,
    ),
    Disagreement(
        "duplicate-training",
        "oracle",
        ("KOMP-JP-MIN", "KOMP-JP-BERJALAN"),
        "a training repeated with the same key is one training; its JP count once",
        _duplicate_training,
    ),
    Disagreement(
        "duplicate-training-cap",
        "check",
        ("KOMP-JP-PPPK",),
        "a training repeated with the same key is one training; its JP count once",
        _duplicate_training,
    ),
)


def explain(ctx: Context, side: str, key: Key) -> Disagreement | None:
    """The known disagreement that explains ``key`` being on ``side`` only, if any."""
    for known in KNOWN:
        relevant = known.side == side and (not known.rules or key[0] in known.rules)
        if relevant and known.applies(ctx, key):
            return known
    return None
