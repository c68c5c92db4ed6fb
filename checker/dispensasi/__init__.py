"""Dispensations (``rules/dispensasi/*.yml``): recorded, justified, temporary exemptions.

A dispensation never hides a finding: ``check`` keeps it, marks it with the dispensation's id,
counts it apart and does not fail on it. ``lint`` reports dispensations that are expired, cite
an unknown rule or clause, or covered nothing in the last check.

Names are imported on first use (PEP 562): a cached policy version needs only the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.lazy import lazy_exports

if TYPE_CHECKING:
    from checker.dispensasi.apply import apply_dispensasi
    from checker.dispensasi.lint import last_check
    from checker.dispensasi.load import dispensasi_root, load_dispensasi_unchecked
    from checker.dispensasi.model import CATEGORIES, Dispensasi, Scope, jakarta_today

__all__ = [
    "CATEGORIES",
    "Dispensasi",
    "Scope",
    "apply_dispensasi",
    "dispensasi_root",
    "jakarta_today",
    "last_check",
    "load_dispensasi_unchecked",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    globals(),
    {
        "apply_dispensasi": "checker.dispensasi.apply",
        "last_check": "checker.dispensasi.lint",
        "dispensasi_root": "checker.dispensasi.load",
        "load_dispensasi_unchecked": "checker.dispensasi.load",
        "CATEGORIES": "checker.dispensasi.model",
        "Dispensasi": "checker.dispensasi.model",
        "Scope": "checker.dispensasi.model",
        "jakarta_today": "checker.dispensasi.model",
    },
)
