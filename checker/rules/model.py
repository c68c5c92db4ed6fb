"""A rule: one obligation of the regulation, checked set-based over the agency tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.policy.model import Span
from checker.report.finding import default_category
from checker.rules.population import Population

# Columns every compiled check query returns, in this order; the engine turns each row into a
# Finding. Values that do not apply are NULL.
# An sql rule may add a last column "table" when its breaches live in several tables (the
# finding then names that table instead of the rule's own).
# It may also add "opd" (the perangkat daerah); without it the engine finds the employee's.
OPTIONAL_COLUMNS = ("table", "opd")
OUTPUT_COLUMNS = (
    "file",
    "row",
    "nip",
    "nama",
    "instansi",
    "period",
    "column",
    "expected",
    "actual",
    "expected_since",
)
# What a message template may name: the output columns, the OPD, the rendered citation, the
# rule's id and title, the salutation (Sdr./Sdri.) of the employee the finding is about, and the
# as-of date of the check.
MESSAGE_FIELDS = (*OUTPUT_COLUMNS, "opd", "citation", "rule", "title", "sapaan", "nomor_induk",
                  "as_of")  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One entry of ``rules/*.yml``."""

    id: str
    title: str
    clause: str
    severity: str
    source: str
    table: str
    check: dict[str, Any]
    message: str
    span: Span
    description: str = ""
    # whom the rule judges (None: every row of its table)
    population: Population | None = None
    # "ketidakpatuhan", "verifikasi" or "informasi"; "" reads as the severity's default
    category: str = ""
    # positions of the rule's keys, for lint messages
    key_spans: dict[str, Span] = field(default_factory=dict, compare=False, hash=False)

    @property
    def kind(self) -> str:
        """The category of the rule's findings (:data:`checker.report.finding.CATEGORIES`)."""
        return self.category or default_category(self.severity)

    @property
    def type(self) -> str:
        """The registered check type."""
        return str(self.check.get("type", ""))

    def where(self, key: str) -> Span:
        """Position of one key of this rule (the rule itself if unknown)."""
        return self.key_spans.get(key, self.span)
