"""A dispensation: a recorded, justified, temporary exemption from one or more rules.

Dates are calendar dates in Asia/Jakarta (WIB). A dispensation is *in force* on day ``D`` when
its decision letter is dated on or before ``D`` and ``D`` is on or before ``valid_until``: the
end date is the last day it applies ("berlaku sampai dengan"), the day after it no longer does.
It *covers* a finding of one of its rules, inside its scope, whose period (a year) overlaps the
period it names; findings without a period are covered whatever their date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from checker.policy.model import Span
from checker.report.finding import Finding

JAKARTA = ZoneInfo("Asia/Jakarta")

# Categories of employees a dispensation may name. The data schema has no column for them yet,
# so a category dispensation lists the NIPs its decision letter names; the category says why.
CATEGORIES = {
    "tugas-belajar": "pegawai tugas belajar",
    "cltn": "pegawai cuti di luar tanggungan negara (CLTN)",
}

_YEAR = re.compile(r"^(\d{4})$")


def jakarta_today() -> dt.date:
    """Today's calendar date in Asia/Jakarta, whatever the machine's time zone."""
    return dt.datetime.now(JAKARTA).date()


@dataclass(frozen=True)
class Scope:
    """Who a dispensation covers: listed NIPs, one instansi, or a category (with its NIPs).

    The ``instansi`` scope names either a whole instansi kerja ("Pemerintah Kota Bengkulu") or
    one perangkat daerah (OPD, "Dinas Pendidikan dan Kebudayaan"): dispensations written before
    findings named their OPD put the OPD's name there, and the YAML key stays ``instansi``.
    """

    nips: tuple[str, ...] = ()
    instansi: str | None = None
    category: str | None = None

    @property
    def kind(self) -> str:
        """ "category", "instansi" or "nip"."""
        if self.category:
            return "category"
        return "instansi" if self.instansi else "nip"

    def includes(self, finding: Finding) -> bool:
        """True when the finding is about someone in this scope, or about the instansi or OPD
        it names (the finding's ``opd`` or its ``instansi`` equals that name)."""
        if self.instansi is not None:
            return self.instansi in (finding.opd, finding.instansi)
        return finding.nip is not None and finding.nip in self.nips

    def describe(self) -> str:
        """For people, without personal data: "Pemerintah Kota Bengkulu", "Dinas Pendidikan dan
        Kebudayaan", "3 pegawai tugas belajar", "1 pegawai"."""
        if self.instansi is not None:
            return self.instansi
        count = len(self.nips)
        if self.category:
            return f"{count} {CATEGORIES.get(self.category, self.category)}"
        return f"{count} pegawai"


@dataclass(frozen=True)
class Dispensasi:
    """One entry of ``rules/dispensasi/*.yml``."""

    id: str
    rules: tuple[str, ...]
    scope: Scope
    start: dt.date  # first day of the period covered
    end: dt.date  # last day of the period covered
    justification: str
    legal_basis: str  # a clause id
    office: str
    approver: str
    letter_number: str
    letter_date: dt.date
    valid_until: dt.date  # last day on which it applies (inclusive)
    span: Span
    key_spans: dict[str, Span] = field(default_factory=dict, compare=False, hash=False)

    def where(self, key: str) -> Span:
        """Position of one key of this dispensation (the entry itself if unknown)."""
        return self.key_spans.get(key, self.span)

    def in_force(self, day: dt.date) -> bool:
        """Decided on or before ``day`` and not yet past its last day."""
        return self.letter_date <= day <= self.valid_until

    def expired(self, day: dt.date) -> bool:
        """Its last day is before ``day``."""
        return self.valid_until < day

    def covers(self, finding: Finding) -> bool:
        """A finding of a covered rule, in scope, in the covered period (date not checked)."""
        if finding.rule not in self.rules or not self.scope.includes(finding):
            return False
        match = _YEAR.match(finding.period or "")
        if match is None:
            return True
        year = int(match[1])
        return self.start <= dt.date(year, 12, 31) and dt.date(year, 1, 1) <= self.end


def parse_date(text: str) -> dt.date | None:
    """An ISO date, or None when it is not a calendar date."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
