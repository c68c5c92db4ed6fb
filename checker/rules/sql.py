"""SQL fragments shared by the check types: literals, the standard output row, dated parameters.

The SQL stays close to the standard (CASE, window functions, EXTRACT, INTERVAL arithmetic) so
the rules can move to a server engine. The tables the fragments read are described, and
created, in :mod:`checker.rules.helpers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.data.normalize import lit
from checker.rules.helpers import CONTEXT_TABLE, PARAMETER_TABLE

AS_OF = f"(SELECT as_of FROM {CONTEXT_TABLE})"


def literal(value: object) -> str:
    """A SQL literal for a string, number or None."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    return lit(str(value))


def text(expr: str) -> str:
    """Cast an expression to text (NULL stays NULL)."""
    return f"CAST({expr} AS VARCHAR)"


def year_end(year_expr: str) -> str:
    """31 December of a year, as a DATE (standard: a cast from text)."""
    return f"CAST(CAST({year_expr} AS VARCHAR) || '-12-31' AS DATE)"


def year_start(year_expr: str) -> str:
    """1 January of a year, as a DATE."""
    return f"CAST(CAST({year_expr} AS VARCHAR) || '-01-01' AS DATE)"


def expand(fragment: str) -> str:
    """Replace ``:as_of`` in an author's SQL fragment by the as-of date."""
    return fragment.replace(":as_of", AS_OF)


@dataclass(frozen=True)
class ParamJoin:
    """A dated parameter joined at a date expression: ``alias.value_num``/``value_text``.

    ``name`` is the parameter's name; ``name_sql``, when given, is instead an SQL expression
    naming it per row (a parameter chosen by a category; ``name`` is then empty). ``inner``
    drops rows with no value in force on ``at`` instead of keeping them with NULLs.
    """

    alias: str
    name: str
    at: str
    inner: bool = False
    name_sql: str | None = None

    def sql(self) -> str:
        """The JOIN clause picking the value in force on ``at``."""
        join = "JOIN" if self.inner else "LEFT JOIN"
        name = self.name_sql or literal(self.name)
        return (
            f"{join} {PARAMETER_TABLE} AS {self.alias} ON {self.alias}.name = "
            f"{name} AND ({self.at}) >= {self.alias}.since AND ({self.at}) < "
            f"{self.alias}.until"
        )

    def value(self) -> str:
        """The value as text, for ``expected``."""
        return f"COALESCE({self.alias}.value_text, {text(self.alias + '.value_num')})"


def output(
    *,
    file: str = "NULL",
    row: str = "NULL",
    nip: str = "NULL",
    nama: str = "NULL",
    instansi: str = "NULL",
    period: str = "NULL",
    column: str | None = None,
    expected: str = "NULL",
    actual: str = "NULL",
    expected_since: str = "NULL",
    opd: str | None = None,
) -> str:
    """The SELECT list of the standard output columns (and ``opd`` when given)."""
    parts = [
        f"{file} AS file",
        f'CAST({row} AS INTEGER) AS "row"',
        f"{text(nip)} AS nip",
        f"{text(nama)} AS nama",
        f"{text(instansi)} AS instansi",
        f"{text(period)} AS period",
        f'{literal(column)} AS "column"',
        f"{text(expected)} AS expected",
        f"{text(actual)} AS actual",
        f"CAST({expected_since} AS DATE) AS expected_since",
    ]
    if opd is not None:
        parts.append(f"{text(opd)} AS opd")
    return ",\n       ".join(parts)
