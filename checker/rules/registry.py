"""The one explicit registry of check types: the name in YAML → the class that compiles it."""

from __future__ import annotations

from checker.rules.types.base import CheckType
from checker.rules.types.contract import ContractAggregate, ContractExists
from checker.rules.types.expression import RowExpression, Sql
from checker.rules.types.period import PeriodAggregate, PeriodExists
from checker.rules.types.progress import PeriodProgress
from checker.rules.types.rate import AgencyRate
from checker.rules.types.row_parameter import RowParameter
from checker.rules.types.simple import AllowedValues, NotNull, Pattern, Reference, Unique

REGISTRY: dict[str, CheckType] = {
    check.name: check
    for check in (
        NotNull(),
        Unique(),
        AllowedValues(),
        Pattern(),
        Reference(),
        RowExpression(),
        RowParameter(),
        PeriodAggregate(),
        PeriodExists(),
        PeriodProgress(),
        ContractAggregate(),
        ContractExists(),
        AgencyRate(),
        Sql(),
    )
}


def check_type(name: str) -> CheckType | None:
    """The registered check type called ``name``, or None."""
    return REGISTRY.get(name)
