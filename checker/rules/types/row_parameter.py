"""row_parameter: each row judged against the dated parameter in force on the row's own date.

Two patterns that hand-written SQL kept repeating: the value in force *on the date the record
concerns* (a promotion against the minimum years in rank in force on its TMT), and a parameter
*chosen by a category* of the row (the retirement age by jenis jabatan). The type writes the
joins, the checked-year filter, the period and ``expected``/``expected_since``; the author
writes only when a row is judged (``where``) and what breaks the rule (``breach``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from checker.rules.helpers import YEARS_TABLE
from checker.rules.model import Rule
from checker.rules.sql import AS_OF, ParamJoin, expand, literal
from checker.rules.types.base import COLUMN, SQL, CheckType, CompileContext
from checker.rules.types.simple import row_from, row_output

if TYPE_CHECKING:
    from checker.data.schema import Table

AT_AS_OF = ":as_of"
MAIN = "param"  # the alias of the judged parameter in the author's SQL
RESERVED = ("t", "k", "y", MAIN)
PARAMETER_NAME = {"type": "string", "minLength": 1}
ALIAS = "^(?!(?:" + "|".join(RESERVED) + ")$)[a-z_][a-z0-9_]*$"
CATEGORY = r"^[tk]\.[a-z_][a-z0-9_]*$"  # a column of the row (t) or of its employee (k)


class RowParameter(CheckType):
    name = "row_parameter"
    title = "Baris terhadap parameter pada tanggalnya"
    description = (
        "Setiap baris tabel aturan (t) dinilai terhadap parameter bertanggal yang berlaku pada "
        "tanggal baris itu sendiri (`date`, misalnya TMT kenaikan pangkat), atau pada tanggal "
        "acuan bila `date` bernilai `:as_of`. Parameternya satu nama, atau dipilih menurut "
        "kategori baris: `parameter: {by: t.jenis_jabatan, values: {kategori: parameter}}`. "
        "Baris tanpa nilai parameter yang berlaku (tanggal kosong, tanggal sebelum nilai "
        "pertama, atau kategori yang tidak dipetakan) tidak dinilai. Di `where`, `breach`, "
        "`expected` dan `actual` nilai parameter ditulis `param.value_num` atau "
        "`param.value_text`; pada tabel selain pegawai, data pegawai pemilik NIP tersedia "
        "sebagai `k` (misalnya `k.tmt_cpns`). Temuan mencatat nilai parameter sebagai nilai "
        "yang seharusnya, sejak kapan nilai itu berlaku, dan tahun `date` sebagai periode."
    )
    options: ClassVar[dict[str, Any]] = {
        "date": {
            "type": "string",
            "pattern": f"^({AT_AS_OF}|[a-z_][a-z0-9_]*)$",
            "description": "Kolom tanggal baris yang menentukan nilai parameter, atau "
            "`:as_of` untuk tanggal acuan.",
        },
        "parameter": {
            "type": ["string", "object"],
            "minLength": 1,
            "description": "Nama parameter, atau `by` (kolom t atau k) dan `values` (kategori "
            "→ nama parameter) untuk parameter menurut kategori.",
            "additionalProperties": False,
            "required": ["by", "values"],
            "properties": {
                "by": {"type": "string", "pattern": CATEGORY},
                "values": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": PARAMETER_NAME,
                },
            },
        },
        "also": {
            "type": "object",
            "additionalProperties": PARAMETER_NAME,
            "propertyNames": {"pattern": ALIAS},
            "description": "Parameter lain yang dibaca pada tanggal yang sama: alias → "
            "nama; dipakai sebagai `alias.value_num`.",
        },
        "checked_years_only": {
            "type": "boolean",
            "description": "Hanya baris yang tahun `date`-nya termasuk tahun "
            "yang diperiksa (bawaan: ya).",
        },
        "previous": {
            **COLUMN,
            "description": "Nama kolom tambahan berisi `date` baris "
            "sebelumnya milik NIP yang sama.",
        },
        "where": {**SQL, "description": "Syarat SQL baris yang dinilai."},
        "breach": {**SQL, "description": "Syarat SQL pelanggaran."},
        "column": {**COLUMN, "description": "Kolom yang disebut temuan."},
        "expected": {
            **SQL,
            "description": "Ungkapan SQL nilai yang seharusnya (bawaan: nilai parameter).",
        },
        "actual": {
            **SQL,
            "description": "Ungkapan SQL nilai yang ditemukan (bawaan: kolom `column`).",
        },
    }
    required = ("date", "parameter", "breach", "column")
    example = (
        "check:\n  type: row_parameter\n  date: tmt\n"
        "  parameter: karier.kp_masa_pangkat_minimal\n  previous: tmt_lalu\n"
        "  where: t.jenis_kp = 'reguler'\n"
        "  breach: t.tmt < t.tmt_lalu + CAST(param.value_num AS INTEGER) * INTERVAL '1' YEAR\n"
        "  column: tmt"
    )

    def compile(self, rule: Rule, ctx: CompileContext) -> str:
        check = rule.check
        date = check["date"]
        at = AS_OF if date == AT_AS_OF else f"t.{date}"
        joins = [self._main(rule, at).sql()]
        joins += [
            ParamJoin(alias, name, at, inner=True).sql()
            for alias, name in (check.get("also") or {}).items()
        ]
        period = "NULL"
        if date != AT_AS_OF:
            period = f"EXTRACT(YEAR FROM t.{date})"
            if check.get("checked_years_only", True):
                joins.insert(0, f"JOIN {YEARS_TABLE} AS y ON y.tahun = {period}")
        select = row_output(
            rule,
            check["column"],
            expand(check.get("actual", f"t.{check['column']}")),
            expand(check["expected"]) if "expected" in check else self._main(rule, at).value(),
            period=period,
            expected_since=f"{MAIN}.since",
        )
        condition = f"({expand(check['breach'])})"
        if check.get("where"):
            condition += f" AND ({expand(check['where'])})"
        return (
            f"SELECT {select}\n{row_from(rule, self._source(rule))}\n"
            + "\n".join(joins)
            + f"\nWHERE {condition}"
        )

    def _main(self, rule: Rule, at: str) -> ParamJoin:
        """The judged parameter: one name, or the name mapped from the row's category."""
        parameter = rule.check["parameter"]
        if isinstance(parameter, str):
            return ParamJoin(MAIN, parameter, at, inner=True)
        cases = " ".join(
            f"WHEN {literal(str(category))} THEN {literal(name)}"
            for category, name in parameter["values"].items()
        )
        # an unmapped category gives NULL, which joins no parameter: the row is not judged
        return ParamJoin(MAIN, "", at, inner=True, name_sql=f"CASE {parameter['by']} {cases} END")

    def _source(self, rule: Rule) -> str | None:
        """The rule's table, with the previous date of the same NIP when asked for."""
        previous = rule.check.get("previous")
        if not previous:
            return None
        date = rule.check["date"]
        # the file position breaks ties between two rows of one NIP on the same date
        return (
            f"(SELECT r.*, LAG(r.{date}) OVER (PARTITION BY r.nip ORDER BY r.{date}, "
            f"r._file, r._row) AS {previous} FROM {rule.table} AS r "
            f"WHERE r.nip IS NOT NULL AND r.{date} IS NOT NULL)"
        )

    def parameters(self, rule: Rule) -> list[str]:
        parameter = rule.check["parameter"]
        names = [parameter] if isinstance(parameter, str) else list(parameter["values"].values())
        names += list((rule.check.get("also") or {}).values())
        return list(dict.fromkeys(names))

    def lint(self, rule: Rule, schema: Mapping[str, Table]) -> list[str]:
        check = rule.check
        problems = []
        if check["date"] == AT_AS_OF:
            misplaced = [key for key in ("previous", "checked_years_only") if key in check]
            if misplaced:
                problems.append(
                    f"aturan {rule.id}: {' dan '.join(misplaced)} hanya berlaku bila "
                    "date adalah kolom tanggal, bukan :as_of"
                )
        parameter = check["parameter"]
        if isinstance(parameter, dict):
            problems += self._categories(rule, parameter, schema)
        return problems

    def _categories(
        self, rule: Rule, parameter: dict[str, Any], schema: Mapping[str, Table]
    ) -> list[str]:
        """A mapped category must be a value the column can hold (a typo would never match)."""
        if not re.match(CATEGORY, parameter["by"]):
            return []
        alias, column = parameter["by"].split(".")
        table = schema.get(rule.table if alias == "t" else "pegawai")
        if table is None:
            return []
        field = next((f for f in table.fields if f.name == column), None)
        if field is None or not field.enum:
            return []  # an unknown column is reported when the SQL is planned
        unknown = [str(c) for c in parameter["values"] if str(c) not in field.enum]
        if not unknown:
            return []
        return [
            f"aturan {rule.id} memetakan kategori yang tidak ada dalam enum "
            f"{table.name}.{field.name}: {', '.join(unknown)}; nilai yang ada: "
            f"{', '.join(field.enum)}"
        ]
