"""Run compiled rules over the agency tables in DuckDB and turn result rows into Findings.

Everything is set-based: each rule is one SQL query; Python only words the breaches. Rules
compile themselves (:mod:`checker.rules.compile`) against the helper tables that
:func:`checker.rules.helpers.prepare` creates; the engine only runs them.

The queries run side by side on the cursors of :func:`checker.data.dataset.cursors`. Results
are taken in the rules' order and the findings sorted, so the report does not depend on which
query finished first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, wait
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb

from checker.data.dataset import Cursors, cursors
from checker.data.normalize import ident, lit, rows_table
from checker.errors import CheckerError
from checker.limits import Budget
from checker.policy.model import Peraturan
from checker.policy.numbering import Numbering
from checker.report.finding import ClauseRef, Finding
from checker.rules.compile import compile_rule
from checker.rules.helpers import CONTEXT_TABLE, EMPLOYEE_ROWS, ROW_KEY
from checker.rules.model import Rule
from checker.rules.types.rate import shared_bases
from checker.wording import nomor_induk, render_message, sapaan, tidy

# jenis_kelamin, opd and status_kepegawaian of an employee a finding names
Person = tuple[str | None, str | None, str | None]

__all__ = ["Engine"]


T = TypeVar("T")

# the employee columns a per-employee finding reads (``employee_output`` of the period types)
FINDING_COLUMNS = ("_file", "_row", "nip", "nama", "instansi", "opd")


class _Room:
    """The findings still allowed, shared by the queries running at once: each fetches no more
    rows than fit, plus one to tell that the budget is exceeded."""

    def __init__(self, budget: Budget | None) -> None:
        self._left = budget.room() if budget is not None else None
        self._lock = threading.Lock()

    def fetch(self, cursor: duckdb.DuckDBPyConnection) -> list[Any]:
        with self._lock:
            left = self._left
        if left is None:
            return cursor.fetchall()
        rows = cursor.fetchmany(left + 1)
        with self._lock:
            assert self._left is not None
            self._left = max(0, self._left - len(rows))
        return rows


def _outcome(
    rule: Rule, future: Future[T], running: list[tuple[Rule, Future[Any]]], budget: Budget | None
) -> T:
    """The result of ``rule``'s query; the error of any query of ``running`` that failed while
    this one ran is raised at once (the others are then interrupted), naming its rule."""
    while not wait([future], timeout=0.05).done:
        for other, done in running:
            if done.done() and not done.cancelled() and done.exception() is not None:
                _outcome(other, done, [], budget)
    try:
        return future.result()
    except duckdb.Error as exc:
        if budget is not None:
            budget.check_time()  # interrupted by the time limit: say so
        raise CheckerError(
            f"aturan {rule.id} gagal dijalankan: {exc}", rule.span.path, rule.span.line
        ) from exc


@dataclass
class Engine:
    """Runs rules over one prepared connection."""

    con: duckdb.DuckDBPyConnection
    peraturan: Peraturan
    numbering: Numbering

    def citation(self, rule: Rule) -> ClauseRef:
        """The clause a rule enforces, rendered as the regulation reads."""
        text = self.numbering.citation(rule.clause) or rule.clause
        return ClauseRef(rule.clause, text, self.peraturan.version)

    def run(
        self,
        rules: list[Rule],
        progress: Callable[[Rule], None] | None = None,
        budget: Budget | None = None,
        skip: Mapping[str, set[str]] | None = None,
    ) -> list[Finding]:
        """Every finding of every rule, sorted. With a ``budget``, no more findings are fetched
        than it has room for: one more means the check stops with :class:`BudgetError`.
        ``skip`` names, per rule id, the files whose rows that rule does not judge."""
        by_id = {rule.id: rule for rule in rules}
        results: list[tuple[Rule, list[dict[str, Any]]]] = []
        room = _Room(budget)

        def fetch(sql: str) -> Callable[[duckdb.DuckDBPyConnection], tuple[list[str], list[Any]]]:
            def work(cursor: duckdb.DuckDBPyConnection) -> tuple[list[str], list[Any]]:
                found = cursor.execute(sql)
                names = [d[0] for d in found.description]
                return names, room.fetch(found)

            return work

        with cursors(self.con, budget) as pool:
            shared = self._share(rules, by_id, pool, budget)
            pending = []
            for rule in rules:
                sql = compile_rule(rule, by_id, shared)
                if skip and skip.get(rule.id):
                    files = ", ".join(lit(f) for f in sorted(skip[rule.id]))
                    sql = f"SELECT * FROM ({sql}) WHERE file IS NULL OR file NOT IN ({files})"
                pending.append((rule, pool.submit(fetch(sql))))
            for rule, future in pending:
                if budget is not None:
                    budget.check_time()
                names, rows = _outcome(rule, future, pending, budget)
                if budget is not None:
                    budget.count_findings(len(rows), rule.id)
                results.append((rule, [dict(zip(names, row, strict=True)) for row in rows]))
                if progress:
                    progress(rule)
        for view in shared.values():
            self.con.execute(f"DROP VIEW IF EXISTS {view}")
            self.con.execute(f"DROP TABLE IF EXISTS {view}_k")
        people = self.employees({row["nip"] for _, rows in results for row in rows})
        (day,) = self.con.execute(f"SELECT as_of FROM {CONTEXT_TABLE}").fetchone() or (None,)
        as_of = day.isoformat() if day is not None else None
        findings = [
            self.finding(rule, self.citation(rule), {**row, "as_of": as_of}, people)
            for rule, rows in results
            for row in rows
        ]
        return sorted(findings, key=Finding.sort_key)

    def _share(
        self, rules: list[Rule], by_id: dict[str, Rule], pool: Cursors, budget: Budget | None
    ) -> dict[str, str]:
        """Materialise, once, the per-employee rows of each rule an agency rate is taken of:
        the rule and its rate both read them (rule id → view, built side by side).

        Only the row key ``_k`` of :data:`EMPLOYEE_ROWS` and the rule's own columns are stored
        (``<view>_k``); the view joins the employee columns a finding names back. Storing those
        strings for every employee and year took a gigabyte at 1 M employees, half of DuckDB's
        memory, and the rest of the check then spilled to disk."""
        bases = shared_bases(rules, by_id)
        if not bases:
            return {}
        employee = [
            ident(name)
            for (name, *_) in self.con.execute(f"DESCRIBE {EMPLOYEE_ROWS}").fetchall()
            if name != ROW_KEY
        ]
        named = ", ".join(f"a.{ident(name)}" for name in FINDING_COLUMNS)

        def build(view: str, sql: str) -> Callable[[duckdb.DuckDBPyConnection], None]:
            def work(cursor: duckdb.DuckDBPyConnection) -> None:
                cursor.execute(
                    f"CREATE OR REPLACE TABLE {view}_k AS "
                    f"SELECT * EXCLUDE ({', '.join(employee)}) FROM ({sql})"
                )
                cursor.execute(
                    f"CREATE OR REPLACE VIEW {view} AS SELECT {named}, s.* EXCLUDE ({ROW_KEY}) "
                    f"FROM {view}_k AS s JOIN {EMPLOYEE_ROWS} AS a ON a.{ROW_KEY} = s.{ROW_KEY}"
                )

            return work

        shared = {rule_id: f"_per_employee_{number}" for number, rule_id in enumerate(bases)}
        built = [
            (by_id[rule_id], pool.submit(build(shared[rule_id], sql)))
            for rule_id, sql in bases.items()
        ]
        for rule, future in built:
            _outcome(rule, future, built, budget)
        return shared

    def employees(self, nips: set[str | None]) -> dict[str, Person]:
        """(jenis_kelamin, opd, status) of the employees findings name (one set-based lookup)."""
        return employees_of(self.con, nips)

    def finding(
        self,
        rule: Rule,
        clause: ClauseRef,
        row: dict[str, Any],
        people: dict[str, Person] | None = None,
    ) -> Finding:
        """One result row → one Finding with its Indonesian message."""
        sex, opd, status = (people or {}).get(row["nip"] or "", (None, None, None))
        opd = row.get("opd") or opd
        fields = {
            **row,
            "opd": opd,
            "citation": clause.citation,
            "rule": rule.id,
            "title": rule.title,
            "sapaan": sapaan(sex),
            "nomor_induk": nomor_induk(status),
        }
        try:
            message = render_message(rule.message, fields)
        except (ValueError, KeyError, IndexError) as exc:
            # rule lint rejects such templates; this guards rules that bypassed it
            raise CheckerError(
                f"pesan aturan {rule.id} tidak dapat disusun: {exc}", rule.span.path, rule.span.line
            ) from exc
        since = row["expected_since"]
        return Finding(
            rule=rule.id,
            severity=rule.severity,
            message=message,
            category=rule.kind,
            table=row.get("table") or rule.table,
            file=row["file"],
            row=row["row"],
            column=row["column"],
            nip=row["nip"],
            instansi=row["instansi"],
            opd=opd,
            period=row["period"],
            expected=tidy(row["expected"]),
            actual=tidy(row["actual"]),
            clause=clause,
            expected_since=since.isoformat() if since is not None else None,
        )


def employees_of(con: duckdb.DuckDBPyConnection, nips: set[str | None]) -> dict[str, Person]:
    """(jenis_kelamin, opd, status_kepegawaian) per NIP, read from the employees as the rules
    see them (the helper view of :func:`checker.rules.helpers.prepare`); NIPs not in
    ``pegawai`` are left out."""
    wanted = sorted(n for n in nips if n)
    if not wanted:
        return {}
    rows_table(con, "_nip_temuan", [("nip", "VARCHAR")], [(n,) for n in wanted])
    rows = con.execute(
        f"SELECT p.nip, MIN(p.jenis_kelamin), MIN(p.opd), MIN(p.status_kepegawaian) "
        f"FROM {EMPLOYEE_ROWS} AS p JOIN _nip_temuan AS n ON n.nip = p.nip GROUP BY p.nip"
    ).fetchall()
    return {nip: (sex, opd, status) for nip, sex, opd, status in rows}
