"""Known disagreements between the rule engine and the oracle, each a test on the data that
says why one finding is on one side only.

A comparison may leave a difference only when one of these explains it; everything else is a
failure. Each entry names the side it explains ("check" = reported by the checker only,
"oracle" = expected by the oracle only), the rule(s), and the source the oracle follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.oracle.model import Context

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


def _rejected(ctx: Context, key: Key) -> bool:
    """The finding's record was left out at intake (NIP missing, damaged or not in pegawai,
    or a repeated primary key)."""
    return any(r.line == key[2] for r in ctx.data.rejected.get(key[1], []))


def _duplicate_training(ctx: Context, key: Key) -> bool:
    """A training of the employee was left out as a repeated record (the engine adds its JP
    twice)."""
    return any(r.nip == key[3] for r in ctx.data.rejected.get("pelatihan", []))


KNOWN: tuple[Disagreement, ...] = (
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
