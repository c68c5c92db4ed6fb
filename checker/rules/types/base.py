"""The interface every check type implements, and what compiling a rule may consult."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from checker.rules.model import Rule

if TYPE_CHECKING:
    from checker.data.schema import Table


@dataclass(frozen=True)
class CompileContext:
    """What a check type may consult while compiling: the other rules (for agency rates), and
    the tables that already hold a rule's per-employee rows (``shared``: rule id → table), so
    a rule and the rate taken of it compute them once."""

    rules: Mapping[str, Rule] = field(default_factory=dict)
    shared: Mapping[str, str] = field(default_factory=dict)

    def per_employee(self, kind: Any, rule: Rule) -> str:
        """The FROM item of ``rule``'s per-employee rows (``kind.per_employee``): its shared
        table when there is one, else the query."""
        return self.shared.get(rule.id) or f"({kind.per_employee(rule)})"


class CheckType:
    """A registered kind of check. Subclasses set the metadata and implement :meth:`compile`.

    The metadata (name, title, description, options, example) is the user documentation: it
    feeds the site's page of check types (``checker/site/aturan.py``) and the rule catalogue.
    """

    name: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str]
    options: ClassVar[dict[str, Any]]  # JSON Schema properties of the check mapping
    required: ClassVar[tuple[str, ...]] = ()
    example: ClassVar[str] = ""
    # the check types of the rules this one may build on (``references``)
    reference_types: ClassVar[tuple[str, ...]] = ()

    def schema(self) -> dict[str, Any]:
        """JSON Schema of the ``check`` mapping for this type."""
        return {
            "type": "object",
            "additionalProperties": False,
            "required": ["type", *self.required],
            "properties": {"type": {"const": self.name}, **self.options},
        }

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        """A SELECT returning :data:`checker.rules.model.OUTPUT_COLUMNS`, one row per breach."""
        raise NotImplementedError

    def parameters(self, rule: Rule) -> list[str]:
        """Names of the dated parameters the check reads (lint verifies they exist)."""
        return []

    def references(self, rule: Rule) -> list[str]:
        """Ids of other rules this check builds on (lint verifies they exist)."""
        return []

    def lint(self, rule: Rule, schema: Mapping[str, Table]) -> list[str]:
        """Authoring mistakes the JSON Schema of the options cannot express, found with the
        data's Table Schema; one Indonesian sentence each."""
        return []


COLUMN = {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"}
SQL = {"type": "string", "minLength": 1}
PARAMS = {
    "type": "object",
    "description": "Parameter bertanggal: alias → {name, at}; dipakai sebagai alias.value_num.",
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "at"],
        "properties": {"name": {"type": "string"}, "at": SQL},
    },
    "propertyNames": {"pattern": "^[a-z_][a-z0-9_]*$"},
}
