"""Errors that mean "this cannot run". Bad data never raises: it becomes findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


class CheckerError(Exception):
    """Base for every error that stops a command. The CLI maps it to exit code 2."""

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.format())

    def format(self) -> str:
        """Render as ``path:line: message`` (parts that are unknown are left out)."""
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class UsageError(CheckerError):
    """The invocation itself is unusable (bad option value, missing path)."""


class InputError(CheckerError):
    """An input file cannot be read at all."""


@dataclass(frozen=True, order=True)
class Problem:
    """One authoring problem in policy/ or rules/, at a 1-based line and column."""

    path: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    code: str
    message: str

    def format(self) -> str:
        """The ``parsable`` form: ``file:line:col: [level] message (code)``."""
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: [{self.severity}] {self.message} ({self.code})"


@dataclass
class PolicyError(CheckerError):
    """Loading policy/ or rules/ found errors; all of them are carried, not just the first."""

    problems: Sequence[Problem] = field(default_factory=list)

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        head = errors[0] if errors else (self.problems[0] if self.problems else None)
        if head is None:
            super().__init__("kebijakan tidak dapat dimuat")
        else:
            more = f" (dan {len(errors) - 1} kesalahan lain)" if len(errors) > 1 else ""
            super().__init__(head.message + more, head.path, head.line)
