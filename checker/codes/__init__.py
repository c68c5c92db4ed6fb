"""The lint code registry and the one adapter that turns a position and a code into a Problem.

Every code a linter emits (``kebijakan lint``: policy text, parameters, frozen numbering, rules,
Table Schema, dispensations, unreadable files) is registered once, with its default level, its
area, an Indonesian description and a passing and a failing example; the site page
``aturan/kode-lint.md`` is generated from here. :func:`lint_problem` refuses a code that is not
registered: that is a bug in the checker, never in the author's files.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from checker.codes.aturan import CODES as ATURAN
from checker.codes.berkas import CODES as BERKAS
from checker.codes.dispensasi import CODES as DISPENSASI
from checker.codes.konsultasi import CODES as KONSULTASI
from checker.codes.model import AREAS, LEVELS, LintCode
from checker.codes.parameter import CODES as PARAMETER
from checker.codes.penomoran import CODES as PENOMORAN
from checker.codes.peraturan import CODES as PERATURAN
from checker.codes.skema_tabel import CODES as SKEMA_TABEL
from checker.errors import Problem

__all__ = ["AREAS", "LEVELS", "LINT_CODES", "At", "LintCode", "Where", "lint_code", "lint_problem"]


def _register(*groups: tuple[LintCode, ...]) -> dict[str, LintCode]:
    registry: dict[str, LintCode] = {}
    for group in groups:
        for entry in group:
            assert entry.id not in registry, f"lint code {entry.id} is registered twice"
            registry[entry.id] = entry
    return registry


LINT_CODES: dict[str, LintCode] = _register(
    PERATURAN, PARAMETER, PENOMORAN, ATURAN, SKEMA_TABEL, DISPENSASI, KONSULTASI, BERKAS
)


class Where(Protocol):
    """Anything that names a file and a 1-based line and column (a Span, an :class:`At`)."""

    @property
    def path(self) -> str: ...

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class At(NamedTuple):
    """A position for modules that sit below ``checker.policy`` and cannot use its Span."""

    path: str
    line: int = 1
    column: int = 1


def lint_code(code: str) -> LintCode:
    """The registered entry of ``code``; KeyError for a code nobody registered."""
    try:
        return LINT_CODES[code]
    except KeyError:
        raise KeyError(f"lint code {code!r} is not registered in checker.codes") from None


def lint_problem(where: Where, code: str, message: str, severity: str | None = None) -> Problem:
    """A Problem at ``where`` with a registered ``code``, at the code's level unless
    ``severity`` says otherwise (which the entry must document in ``varies``)."""
    entry = lint_code(code)
    level = severity or entry.level
    assert level in LEVELS, f"{code}: severity {level!r} not in {LEVELS}"
    assert level == entry.level or entry.varies, (
        f"{code} is registered at level {entry.level}; say in its `varies` when it is {level}"
    )
    return Problem(where.path, where.line, where.column, level, code, message)
