"""Checks on ``rules/dispensasi/``: schema, unique ids, rules and clauses that exist, no
personal data in the public justification, expired records, and orphans.

An *orphan* is a dispensation that covers none of the findings of the last check. The last
check is what the caller hands in: a report JSON file, or a folder of them (the reports the
site publishes), of which the newest date counts. Without reports there is no orphan check.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from checker.codes import lint_problem
from checker.data.intake_checks import INTAKE_CHECKS
from checker.dispensasi.model import Dispensasi
from checker.errors import Problem
from checker.policy.model import Peraturan
from checker.policy.numbering import number
from checker.report.report import Report, read_report
from checker.wording import tanggal

_NIP_LIKE = re.compile(r"(?<!\d)\d{18}(?!\d)")


def last_check(path: str | Path) -> list[tuple[str, Report]]:
    """The reports of the last check: ``path`` itself, or the newest-dated ``*.json`` reports in
    the folder ``path``. An unreadable report raises InputError naming it."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    reports = [(file.name, read_report(file)) for file in files]
    if not reports:
        return []
    newest = max(report.as_of for _, report in reports)
    return [(name, report) for name, report in reports if report.as_of == newest]


def check_references(
    records: list[Dispensasi], rule_ids: set[str], peraturan: Peraturan | None
) -> list[Problem]:
    """Unique ids; every rule and the legal basis exist; no NIP in the justification."""
    problems: list[Problem] = []
    known = rule_ids | set(INTAKE_CHECKS)
    addresses = number(peraturan).addresses if peraturan is not None else None
    seen: dict[str, Dispensasi] = {}
    for record in records:
        first = seen.setdefault(record.id, record)
        if first is not record:
            problems.append(
                lint_problem(
                    record.where("id"),
                    "dispensasi-ganda",
                    f"id dispensasi {record.id} sudah dipakai di "
                    f"{first.span.path}:{first.span.line}",
                )
            )
        for index, rule in enumerate(record.rules):
            if rule not in known:
                problems.append(
                    lint_problem(
                        record.where(f"rules.{index}"),
                        "dispensasi-aturan",
                        f"dispensasi {record.id} menyebut aturan {rule!r} yang tidak ada di rules/",
                    )
                )
        if addresses is not None and record.legal_basis not in addresses:
            problems.append(
                lint_problem(
                    record.where("legal_basis"),
                    "dispensasi-dasar",
                    f"dispensasi {record.id} berdasar clause "
                    f"{record.legal_basis!r} yang tidak ada dalam peraturan",
                )
            )
        if _NIP_LIKE.search(record.justification):
            problems.append(
                lint_problem(
                    record.where("justification"),
                    "dispensasi-data-pribadi",
                    f"alasan dispensasi {record.id} memuat angka 18 digit "
                    "(NIP?); alasan tampil di situs publik, tulis NIP hanya "
                    "di scope.nip",
                )
            )
    return problems


def check_dates(records: list[Dispensasi], today: dt.date) -> list[Problem]:
    """Dispensations whose last day has passed: they no longer apply."""
    return [
        lint_problem(
            r.where("valid_until"),
            "dispensasi-kedaluwarsa",
            f"dispensasi {r.id} berakhir pada {tanggal(r.valid_until)} dan tidak "
            "berlaku lagi; hapus entrinya atau perpanjang dengan keputusan baru",
            "warning",
        )
        for r in records
        if r.expired(today)
    ]


def check_orphans(
    records: list[Dispensasi], reports: list[tuple[str, Report]], today: dt.date
) -> list[Problem]:
    """Dispensations still in force that cover none of the last check's findings."""
    if not reports:
        return []
    findings = [f for _, report in reports for f in report.findings]
    names = ", ".join(name for name, _ in reports)
    day = tanggal(dt.date.fromisoformat(reports[0][1].as_of))
    return [
        lint_problem(
            r.where("id"),
            "dispensasi-yatim",
            f"dispensasi {r.id} tidak mencakup satu temuan pun pada pemeriksaan "
            f"terakhir ({day}: {names}); periksa NIP, instansi, aturan, dan periodenya, "
            "atau cabut bila tidak diperlukan lagi",
            "warning",
        )
        for r in records
        if not r.expired(today) and not any(r.covers(f) for f in findings)
    ]
