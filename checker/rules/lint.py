"""Checks on rules/: schema, unique ids, clauses and parameters that exist, known check types,
message fields and filters, and SQL that compiles against the data schema (on empty tables)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

import duckdb

from checker.codes import lint_problem
from checker.data.schema import Table
from checker.errors import Problem
from checker.policy.model import Peraturan
from checker.policy.numbering import number
from checker.rules.compile import compile_rule
from checker.rules.helpers import prepare
from checker.rules.load import load_rules_unchecked
from checker.rules.model import MESSAGE_FIELDS, OPTIONAL_COLUMNS, OUTPUT_COLUMNS, Rule
from checker.rules.registry import REGISTRY
from checker.wording import MESSAGE_FILTERS, column_label, literal_text, placeholders

PERIOD_TYPES = ("period_aggregate", "period_exists")
CONTRACT_TYPES = ("contract_aggregate", "contract_exists")


def check_references(rules: list[Rule], peraturan: Peraturan) -> list[Problem]:
    """Ids unique; clause, parameters, referenced rules and message fields exist."""
    problems: list[Problem] = []
    numbering = number(peraturan)
    by_id: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in by_id:
            first = by_id[rule.id].span
            problems.append(
                lint_problem(
                    rule.where("id"),
                    "rule-duplicate",
                    f"id aturan {rule.id} sudah dipakai di {first.path}:{first.line}",
                )
            )
        by_id.setdefault(rule.id, rule)
    for rule in rules:
        kind = REGISTRY[rule.type]
        if rule.clause not in numbering.addresses:
            problems.append(
                lint_problem(
                    rule.where("clause"),
                    "rule-clause",
                    f"aturan {rule.id} mengutip clause {rule.clause!r} yang "
                    "tidak ada dalam peraturan",
                )
            )
        for name in kind.parameters(rule):
            if name not in peraturan.parameters:
                problems.append(
                    lint_problem(
                        rule.where("check"),
                        "rule-parameter",
                        f"aturan {rule.id} membaca parameter {name!r} yang "
                        "tidak ada di parameter.yml",
                    )
                )
        for ref in kind.references(rule):
            other = by_id.get(ref)
            if other is None or other.type not in kind.reference_types:
                problems.append(
                    lint_problem(
                        rule.where("check"),
                        "rule-reference",
                        f"aturan {rule.id} merujuk aturan {ref!r} yang tidak "
                        f"ada atau bukan bertipe {' / '.join(kind.reference_types)}",
                    )
                )
        problems += check_message(rule)
    return problems


# a snake_case name (a column or table of the data) standing alone in the words of a message
_CODE_NAME = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./-])")


def check_message(rule: Rule) -> list[Problem]:
    """The message template names known fields and known filters, with paired braces, and its
    words name no column by its snake_case name (a person reads "TMT golongan", not
    ``tmt_golongan``)."""
    span = rule.where("message")
    try:
        used = placeholders(rule.message)
    except ValueError:
        return [
            lint_problem(
                span,
                "rule-message",
                f"pesan aturan {rule.id} memuat kurung kurawal yang tidak "
                "berpasangan; tulis kolom sebagai {nama} dan kurung kurawal biasa "
                "sebagai {{ }}",
            )
        ]
    problems = []
    unknown = sorted({p.field or "{}" for p in used} - set(MESSAGE_FIELDS))
    if unknown:
        problems.append(
            lint_problem(
                span,
                "rule-message",
                f"pesan aturan {rule.id} memakai kolom yang tidak dikenal: "
                f"{', '.join(unknown)}; kolom yang tersedia: "
                f"{', '.join(MESSAGE_FIELDS)}",
            )
        )
    # a conversion such as {actual!r} would print Python's spelling of the value
    filters = sorted(
        {p.filter for p in used if p.filter not in ("", *MESSAGE_FILTERS)}
        | {f"!{p.conversion}" for p in used if p.conversion}
    )
    if filters:
        problems.append(
            lint_problem(
                span,
                "rule-message",
                f"pesan aturan {rule.id} memakai penyaring yang tidak "
                f"dikenal: {', '.join(filters)}; penyaring yang tersedia: "
                f"{', '.join(MESSAGE_FILTERS)}",
            )
        )
    codes = sorted(set(_CODE_NAME.findall(literal_text(rule.message))))
    if codes:
        named = ", ".join(f"{code} (tulis: {column_label(code)})" for code in codes)
        problems.append(
            lint_problem(
                span,
                "rule-message",
                f"pesan aturan {rule.id} menyebut nama kolom atau tabel dalam bentuk kode: "
                f"{named}; pesan dibaca orang, tulis judulnya atau pakai {{column}}",
            )
        )
    return problems


def check_sql(
    rules: list[Rule], peraturan: Peraturan, schema: Mapping[str, Table]
) -> list[Problem]:
    """Check every rule against the Table Schema: what its type checks there (such as mapped
    categories), then compile and plan it on empty typed tables: SQL errors, wrong columns."""
    con = duckdb.connect()
    try:
        prepare(con, peraturan, dt.date(2000, 1, 1), [1999], schema)
        by_id = {rule.id: rule for rule in rules}
        problems = []
        for rule in rules:
            population = check_population(rule, schema)
            problems += population
            found = [
                lint_problem(rule.where("check"), "rule-check", message)
                for message in REGISTRY[rule.type].lint(rule, schema)
            ]
            problems += found
            if population:
                continue
            if found:
                continue  # options that contradict each other do not compile to sense
            try:
                sql = compile_rule(rule, by_id)
                columns = [
                    d[0] for d in con.execute(f"SELECT * FROM ({sql}) AS hasil LIMIT 0").description
                ]
            except (duckdb.Error, KeyError) as exc:
                message = str(exc).splitlines()[0]
                problems.append(
                    lint_problem(
                        rule.where("check"),
                        "rule-sql",
                        f"SQL aturan {rule.id} tidak dapat dijalankan: {message}",
                    )
                )
                continue
            extra = columns[len(OUTPUT_COLUMNS) :]
            if (
                columns[: len(OUTPUT_COLUMNS)] != list(OUTPUT_COLUMNS)
                or any(c not in OPTIONAL_COLUMNS for c in extra)
                or len(set(extra)) != len(extra)
            ):
                problems.append(
                    lint_problem(
                        rule.where("check"),
                        "rule-sql",
                        f"SQL aturan {rule.id} harus mengembalikan kolom "
                        f"{', '.join(OUTPUT_COLUMNS)} (dan boleh ditambah "
                        f"{', '.join(OPTIONAL_COLUMNS)}); ditemukan "
                        f"{', '.join(columns)}",
                    )
                )
        return problems
    finally:
        con.close()


def check_population(rule: Rule, schema: Mapping[str, Table]) -> list[Problem]:
    """The population names values and groups the employees' Table Schema has, and per-year
    conditions only where the rule judges employees per checked year."""
    population = rule.population
    where = rule.where("population")
    if rule.type in ("agency_rate", "period_progress"):
        if population is None:
            return []
        return [
            lint_problem(
                where,
                "rule-population",
                f"aturan {rule.id} bertipe {rule.type} menilai populasi aturan "
                f"{rule.check.get('rule')}; hapus population dari aturan ini",
            )
        ]
    if population is None:
        return [
            lint_problem(
                rule.span,
                "rule-population",
                f"aturan {rule.id} tidak menyatakan siapa yang dinilai: tulis population "
                "(status_kepegawaian, kedudukan_hukum, bertugas_sejak, kategori_jabatan, ...) "
                "atau population: semua",
            )
        ]
    if rule.type == "sql" and not population.everyone:
        return [
            lint_problem(
                where,
                "rule-population",
                f"aturan {rule.id} bertipe sql memilih barisnya sendiri dalam kueri, sehingga "
                "populasi di sini tidak diterapkan; tulis population: semua dan uraikan saringan "
                "kuerinya pada description",
            )
        ]
    if "pegawai" not in schema:
        return []
    pegawai = schema["pegawai"]
    messages = []
    if population.per_year and rule.type not in (*PERIOD_TYPES, *CONTRACT_TYPES):
        messages.append(
            f"aturan {rule.id} bertipe {rule.type} tidak menilai per tahun; bertugas_sejak dan "
            f"pengecualian_riwayat hanya berlaku pada {' / '.join(PERIOD_TYPES)}"
        )
    wanted = [("status_kepegawaian", population.status_kepegawaian)]
    if isinstance(population.kedudukan_hukum, str):
        groups = pegawai.field("kedudukan_hukum").groups
        if population.kedudukan_hukum not in groups:
            messages.append(
                f"aturan {rule.id} menyebut kelompok kedudukan hukum "
                f"{population.kedudukan_hukum!r} yang tidak ada; kelompok yang ada: "
                f"{', '.join(sorted(groups)) or '(tidak ada)'}"
            )
    else:
        wanted.append(("kedudukan_hukum", population.kedudukan_hukum))
    for column, values in wanted:
        enum = pegawai.field(column).enum
        unknown = [v for v in values if enum and v not in enum]
        if unknown:
            messages.append(
                f"aturan {rule.id} menyebut {column} yang tidak ada dalam skema: "
                f"{', '.join(unknown)}; nilai yang ada: {', '.join(enum)}"
            )
    return [lint_problem(where, "rule-population", m) for m in messages]


def lint_rules(
    root: str | Path, peraturan: Peraturan | None, schema: Mapping[str, Table] | None = None
) -> list[Problem]:
    """Every problem in ``rules/``; references need a loaded regulation, SQL also a loaded
    Table Schema (``schema``; without it the SQL is not planned)."""
    rules, problems = load_rules_unchecked(root)
    if peraturan is not None:
        problems += check_references(rules, peraturan)
        if schema is not None and not any(p.severity == "error" for p in problems):
            problems += check_sql(rules, peraturan, schema)
    return sorted(problems)
