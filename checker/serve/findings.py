"""A finished report in the service's database, so the pages load only what they show.

The check process stores, next to ``laporan.json``, the overview the submission page shows (the
counts per severity and per category and the per-OPD table), one summary row per rule and every
finding no dispensation covers, numbered within its rule; the rule page then reads one page of
findings with ``LIMIT``/``OFFSET`` on the primary key. A 264 MB report no longer has to be
parsed into the web process (it held about 800 MB there).

Rows go in short transactions of :data:`BATCH` findings, the overview last: a submission counts
as stored only once its overview row exists, so rows a killed check left behind are replaced on
the next attempt. Reports written before this table existed are stored on their first view, by
parsing their JSON once (the only time the web process reads a whole report). The same holds
for reports stored in the tables used before findings had a category and an OPD
(``report_overviews``, ``rule_summaries``): those tables are dropped when the database is
opened, and each report is stored again from its JSON on its first view.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.report.finding import ClauseRef, Finding
from checker.report.labels import by_rule, group_categories, group_severity, opd_table, rule_title
from checker.report.report import Report, read_report

if TYPE_CHECKING:
    from checker.serve.storage import Storage

SCHEMA = """
DROP TABLE IF EXISTS report_overviews;
DROP TABLE IF EXISTS rule_summaries;
CREATE TABLE IF NOT EXISTS report_summaries (
    submission TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
    findings INTEGER NOT NULL,
    by_severity TEXT NOT NULL,
    by_category TEXT NOT NULL,
    opd TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rule_groups (
    submission TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    severity TEXT NOT NULL,
    categories TEXT NOT NULL,
    findings INTEGER NOT NULL,
    PRIMARY KEY (submission, rule)
);
CREATE TABLE IF NOT EXISTS findings (
    submission TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    seq INTEGER NOT NULL,
    severity TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (submission, rule, seq)
) WITHOUT ROWID;
"""
BATCH = 5_000


@dataclass(frozen=True)
class RuleSummary:
    """One rule's line on the submission page."""

    rule: str
    title: str
    severity: str
    categories: tuple[str, ...]  # the categories of its findings (normally one)
    findings: int


@dataclass(frozen=True)
class Overview:
    """What the submission page shows of a finished report."""

    findings: int  # every finding, dispensed ones included
    by_severity: dict[str, int]  # findings no dispensation covers
    by_category: dict[str, int]  # the same findings per category
    opd: tuple[list[str], list[list[Any]]]  # header and rows of the per-OPD table
    rules: list[RuleSummary]


def store_findings(storage: Storage, submission: str, report: Report) -> None:
    """Store a finished report's overview, rule summaries and findings (replacing any rows a
    previous attempt left)."""
    forget_findings(storage, submission)
    groups = by_rule(report)
    for rule, items in groups:
        numbered = iter(enumerate(items))
        while chunk := list(islice(numbered, BATCH)):
            with storage.connect() as con:
                con.executemany(
                    "INSERT OR REPLACE INTO findings (submission, rule, seq, severity, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (submission, rule, seq, f.severity, json.dumps(f.to_dict()))
                        for seq, f in chunk
                    ],
                )
    with storage.connect() as con:
        con.executemany(
            "INSERT OR REPLACE INTO rule_groups (submission, rule, position, title, "
            "severity, categories, findings) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    submission,
                    rule,
                    position,
                    rule_title(report, rule),
                    group_severity(items),
                    json.dumps(group_categories(items)),
                    len(items),
                )
                for position, (rule, items) in enumerate(groups)
            ],
        )
        con.execute(
            "INSERT OR REPLACE INTO report_summaries (submission, findings, by_severity, "
            "by_category, opd) VALUES (?, ?, ?, ?, ?)",
            (
                submission,
                len(report.findings),
                json.dumps(report.counts_by_severity()),
                json.dumps(report.counts_by_category()),
                json.dumps(opd_table(report), ensure_ascii=False),
            ),
        )


def forget_findings(storage: Storage, submission: str) -> None:
    """Remove a submission's stored report rows (the overview first: the rest is then stale)."""
    with storage.connect() as con:
        for table in ("report_summaries", "rule_groups", "findings"):
            con.execute(f"DELETE FROM {table} WHERE submission = ?", (submission,))


def overview(storage: Storage, submission: str, report_file: Path) -> Overview:
    """The submission page's view of a finished report; a report from before the findings
    table is stored now from ``report_file`` (parsed once)."""
    found = _overview(storage, submission)
    if found is None:
        store_findings(storage, submission, read_report(report_file))
        found = _overview(storage, submission)
        assert found is not None
    return found


def rule_summary(storage: Storage, submission: str, rule: str) -> RuleSummary | None:
    """One rule's summary in a stored report, or None when it has no findings there."""
    with storage.connect() as con:
        row = con.execute(
            "SELECT rule, title, severity, categories, findings FROM rule_groups "
            "WHERE submission = ? AND rule = ?",
            (submission, rule),
        ).fetchone()
    return _rule(row) if row else None


def findings_page(
    storage: Storage, submission: str, rule: str, start: int, size: int
) -> list[Finding]:
    """``size`` findings of one rule from position ``start`` (0-based), in report order."""
    with storage.connect() as con:
        rows = con.execute(
            "SELECT data FROM findings WHERE submission = ? AND rule = ? AND seq >= ? "
            "ORDER BY seq LIMIT ?",
            (submission, rule, start, size),
        ).fetchall()
    return [_finding(json.loads(row["data"])) for row in rows]


def _overview(storage: Storage, submission: str) -> Overview | None:
    with storage.connect() as con:
        head = con.execute(
            "SELECT * FROM report_summaries WHERE submission = ?", (submission,)
        ).fetchone()
        if head is None:
            return None
        rules = con.execute(
            "SELECT rule, title, severity, categories, findings FROM rule_groups "
            "WHERE submission = ? ORDER BY position",
            (submission,),
        ).fetchall()
    header, rows = json.loads(head["opd"])
    return Overview(
        findings=head["findings"],
        by_severity=json.loads(head["by_severity"]),
        by_category=json.loads(head["by_category"]),
        opd=(header, rows),
        rules=[_rule(row) for row in rules],
    )


def _rule(row: Any) -> RuleSummary:
    return RuleSummary(
        rule=row["rule"],
        title=row["title"],
        severity=row["severity"],
        categories=tuple(json.loads(row["categories"])),
        findings=row["findings"],
    )


def _finding(data: dict[str, Any]) -> Finding:
    clause = data.pop("clause", None)
    return Finding(**data, clause=ClauseRef(**clause) if clause else None)
