"""row_expression and sql: a breach condition per row, or a whole query (the escape hatch)."""

from __future__ import annotations

from typing import Any, ClassVar

from checker.rules.model import OUTPUT_COLUMNS, Rule
from checker.rules.sql import ParamJoin, expand, output
from checker.rules.types.base import COLUMN, PARAMS, SQL, CheckType, CompileContext
from checker.rules.types.simple import row_from, row_output


def param_joins(rule: Rule) -> list[ParamJoin]:
    """The dated parameters a rule declares under ``check.params``."""
    return [
        ParamJoin(alias, spec["name"], expand(spec["at"]))
        for alias, spec in sorted((rule.check.get("params") or {}).items())
    ]


class RowExpression(CheckType):
    name = "row_expression"
    title = "Ungkapan per baris"
    description = (
        "Setiap baris tabel yang memenuhi `condition` (SQL) adalah pelanggaran. "
        "Parameter bertanggal dapat digabungkan melalui `params` dan dipakai sebagai "
        "`alias.value_num` atau `alias.value_text`."
    )
    options: ClassVar[dict[str, Any]] = {
        "condition": SQL,
        "column": COLUMN,
        "expected": {**SQL, "description": "Ungkapan SQL nilai yang seharusnya."},
        "actual": {**SQL, "description": "Ungkapan SQL nilai yang ditemukan."},
        "period": {**SQL, "description": "Ungkapan SQL periode temuan."},
        "params": PARAMS,
    }
    required = ("condition", "column")
    example = (
        "check:\n  type: row_expression\n  column: predikat\n"
        "  condition: t.predikat <> 'Baik'\n  actual: t.predikat"
    )

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        check = rule.check
        joins = param_joins(rule)
        select = row_output(
            rule,
            check["column"],
            expand(check.get("actual", "NULL")),
            expand(check.get("expected", "NULL")),
            period=expand(check.get("period") or "NULL"),
            expected_since=f"{joins[0].alias}.since" if joins else "NULL",
        )
        join_sql = "".join("\n" + j.sql() for j in joins)
        return f"SELECT {select}\n{row_from(rule)}{join_sql}\nWHERE {expand(check['condition'])}"

    def parameters(self, rule: Rule) -> list[str]:
        return [j.name for j in param_joins(rule)]


class Sql(CheckType):
    name = "sql"
    title = "SQL bebas"
    description = (
        "Jalan keluar: kueri SELECT lengkap yang mengembalikan kolom standar "
        f"({', '.join(OUTPUT_COLUMNS)}, dan boleh ditambah kolom table bila "
        "pelanggarannya berada di beberapa tabel); satu baris per pelanggaran. "
        "Tabel bantu: kebijakan_parameter, kebijakan_tahun, kebijakan_konteks, "
        "kebijakan_pegawai, kebijakan_golongan, kebijakan_predikat; `:as_of` adalah "
        "tanggal acuan."
    )
    options: ClassVar[dict[str, Any]] = {
        "query": SQL,
        "parameters": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Nama parameter yang dibaca kueri (diperiksa lint).",
        },
    }
    required = ("query",)
    example = "check:\n  type: sql\n  query: |\n    SELECT ... FROM pegawai AS t WHERE ..."

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        return expand(rule.check["query"]).strip().rstrip(";")

    def parameters(self, rule: Rule) -> list[str]:
        return list(rule.check.get("parameters", []))


__all__ = ["RowExpression", "Sql", "output"]
