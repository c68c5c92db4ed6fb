"""The Finding: one breach of one rule (or one intake problem), as frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

# The kinds of finding the Pergub names (clause ``pemeriksaan-data-jenis-temuan``): a breach by
# the agency, a record that contradicts a decision the competent authority already took (KP,
# Satyalancana, pension: usually a data error to verify), and information. ``severity`` alone
# drives ``--fail-on``; the category says what kind of follow-up a finding asks for.
CATEGORIES = ("ketidakpatuhan", "verifikasi", "informasi")


def default_category(severity: str) -> str:
    """The category of a finding whose rule names none: information for ``info``, otherwise a
    breach."""
    return "informasi" if severity == "info" else "ketidakpatuhan"


@dataclass(frozen=True)
class ClauseRef:
    """The clause a finding breaks: stable id, rendered citation, policy version."""

    id: str
    citation: str
    policy_version: str = ""


@dataclass(frozen=True)
class Finding:
    """One finding, in the shape of DESIGN.md's findings contract.

    ``row`` is the row number the agency sees in its spreadsheet (header = 1) or the physical
    line of a CSV file. Fields that do not apply are ``None``.
    """

    rule: str
    severity: str
    message: str
    category: str = ""  # one of CATEGORIES; "" is read as default_category(severity)
    table: str | None = None
    file: str | None = None
    row: int | None = None
    column: str | None = None
    nip: str | None = None
    instansi: str | None = None
    # the perangkat daerah (OPD) responsible: what coverage, dashboards and publishing group by
    opd: str | None = None
    period: str | None = None
    expected: str | None = None
    actual: str | None = None
    clause: ClauseRef | None = None
    # the date from which the parameter value in ``expected`` is in force
    expected_since: str | None = None
    # the id of the dispensation that covers this finding: kept and shown, but not failing
    dispensation: str | None = None

    def __post_init__(self) -> None:
        if not self.category:
            object.__setattr__(self, "category", default_category(self.severity))

    def sort_key(self) -> tuple[Any, ...]:
        """Deterministic order: file, row, column, then rule (severity breaks ties)."""
        return (
            self.file or "",
            self.table or "",
            self.row if self.row is not None else -1,
            self.column or "",
            self.rule,
            _SEVERITY_RANK.get(self.severity, 9),
            self.nip or "",
            self.period or "",
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping with English keys; ``clause`` nested as id/citation/policy_version.
        ``dispensation`` appears only on dispensed findings."""
        # (``asdict`` deep-copies field by field: a tenth of a millisecond per finding, seconds
        # for a national report; the fields are plain values but the clause)
        data = dict(self.__dict__)
        if self.clause is not None:
            data["clause"] = dict(self.clause.__dict__)
        if data["dispensation"] is None:
            del data["dispensation"]
        return data
