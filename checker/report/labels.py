"""Words and groupings shared by the person-facing report formats (text, Markdown, XLSX).

Labels are Indonesian because people read them; the keys they translate stay English.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from checker.data.intake_checks import INTAKE_CHECKS
from checker.formats import SHOWN_PER_GROUP as SHOWN_PER_GROUP  # re-exported for the renderers
from checker.report.finding import CATEGORIES, SEVERITIES, Finding
from checker.report.report import Report
from checker.wording import digits, shown_value, tanggal

# the one table of severity words: reports, the upload service and the site all read it
SEVERITY_LABELS = {"error": "kesalahan", "warning": "peringatan", "info": "informasi"}
# the one table of category words, as the Pergub names them (clause pemeriksaan-data-jenis-temuan)
CATEGORY_LABELS = {
    "ketidakpatuhan": "temuan ketidakpatuhan",
    "verifikasi": "temuan yang memerlukan verifikasi",
    "informasi": "informasi",
}
# what each category asks of the operator, for legends on pages and in reports
CATEGORY_MEANINGS = {
    "ketidakpatuhan": "kewajiban menurut peraturan ini yang belum dipenuhi perangkat daerah",
    "verifikasi": (
        "data yang bertentangan dengan keputusan yang telah ditetapkan pejabat yang berwenang "
        "(kenaikan pangkat, Satyalancana, pensiun); umumnya kesalahan data yang perlu dicocokkan "
        "dengan surat keputusannya"
    ),
    "informasi": "keterangan tentang cara data dibaca; tidak memerlukan tindakan",
}
NO_RATE = "–"  # the compliance rate of an OPD with no employees in the data

# Intake findings (data/) carry SKEMA-* ids that are not in the rule set, so the report's rule
# titles do not name them; these keep every group in a report titled.
INTAKE_TITLES = {check.id: check.title for check in INTAKE_CHECKS.values()}

NO_FINDINGS = "Tidak ada temuan. Data memenuhi seluruh aturan yang diperiksa."
NO_OPD = "(tanpa perangkat daerah)"


def severity_label(severity: str) -> str:
    """The Indonesian word for a severity ("kesalahan", "peringatan", "informasi")."""
    return SEVERITY_LABELS.get(severity, severity)


def category_label(category: str) -> str:
    """The Pergub's words for a category ("temuan yang memerlukan verifikasi")."""
    return CATEGORY_LABELS.get(category, category)


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info; unknown severities sort last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def rule_title(report: Report, rule: str) -> str:
    """The rule's title from the report, else the intake title, else an empty string."""
    return report.rules.get(rule) or INTAKE_TITLES.get(rule, "")


def by_rule(report: Report) -> list[tuple[str, list[Finding]]]:
    """Findings no dispensation covers, grouped by rule: most severe rules first, then by id;
    report order within."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.active():
        groups.setdefault(finding.rule, []).append(finding)
    return sorted(
        groups.items(), key=lambda item: (min(severity_rank(f.severity) for f in item[1]), item[0])
    )


def group_categories(findings: list[Finding]) -> list[str]:
    """The categories of a group's findings, in the order of :data:`CATEGORIES` (unknown ones
    last); a rule's findings normally share one."""
    found = {f.category for f in findings}
    order = {name: rank for rank, name in enumerate(CATEGORIES)}
    return sorted(found, key=lambda name: (order.get(name, len(CATEGORIES)), name))


def group_category_text(findings: list[Finding]) -> str:
    """The category labels of a group's findings ("temuan ketidakpatuhan", or several joined by
    " dan ")."""
    return " dan ".join(category_label(c) for c in group_categories(findings))


def group_severity(findings: list[Finding]) -> str:
    """The most severe severity among findings (a rule normally has exactly one)."""
    return min((f.severity for f in findings), key=severity_rank)


def opd_table(report: Report) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the per-OPD summary: findings per severity and, when the report
    knows its employees, how many there are and the share without any error finding
    (:data:`NO_RATE` for an OPD without employees; None where the report does not know the
    OPD's employees)."""
    counts = report.counts_by_opd()
    compliance = report.compliance_by_opd()
    header = ["Perangkat daerah", *(severity_label(s).capitalize() for s in SEVERITIES)]
    if compliance:
        header += ["Pegawai", "Tanpa kesalahan (%)"]
    rows: list[list[Any]] = []
    for name in sorted(set(counts) | set(compliance)):
        row: list[Any] = [
            name or NO_OPD,
            *counts.get(name, dict.fromkeys(SEVERITIES, 0)).values(),
        ]
        if compliance:
            share = compliance.get(name)
            if share is None:
                row += [None, None]
            else:
                rate = share["compliance_percent"]
                row += [share["employees"], NO_RATE if rate is None else rate]
        rows.append(row)
    return header, rows


def summary_sentence(report: Report) -> str:
    """ "3 kesalahan, 1 peringatan, 0 informasi." — every severity named, zeros included — then
    the categories ("Menurut jenisnya: 2 temuan ketidakpatuhan, 2 temuan yang memerlukan
    verifikasi, 0 informasi."), then " 2 temuan didispensasi." when dispensations covered
    any."""
    counts = report.counts_by_severity()
    text = ", ".join(f"{digits(counts[s])} {severity_label(s)}" for s in SEVERITIES) + "."
    return text + " " + category_sentence(report) + dispensed_note(report)


def category_sentence(report: Report) -> str:
    """ "Menurut jenisnya: 2 temuan ketidakpatuhan, 1 temuan yang memerlukan verifikasi,
    0 informasi." """
    counts = report.counts_by_category()
    parts = ", ".join(f"{digits(counts[c])} {category_label(c)}" for c in CATEGORIES)
    return f"Menurut jenisnya: {parts}."


DISPENSED_TITLE = "Temuan yang didispensasi"
DISPENSED_MEANING = (
    "Temuan ini tetap dicatat, tetapi dicakup dispensasi yang berlaku sehingga "
    "tidak dihitung sebagai ketidakpatuhan dan tidak menggagalkan pemeriksaan."
)


def dispensed_note(report: Report) -> str:
    """ " 2 temuan didispensasi." (with a leading space), or "" when none."""
    count = len(report.dispensed())
    return f" {digits(count)} temuan didispensasi." if count else ""


def by_dispensation(report: Report) -> list[tuple[str, list[Finding]]]:
    """Dispensed findings grouped by dispensation id (sorted); report order within."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.dispensed():
        groups.setdefault(finding.dispensation or "", []).append(finding)
    return sorted(groups.items())


def dispensation_facts(report: Report, ident: str) -> str:
    """ "KOMP-JP-MIN; 3 pegawai tugas belajar; berlaku s.d. 31 Desember 2026" for one
    dispensation of the report (just its id when the report does not describe it)."""
    use = next((d for d in report.dispensations if d.id == ident), None)
    if use is None:
        return ""
    until = tanggal(dt.date.fromisoformat(use.valid_until))
    return f"{', '.join(use.rules)}; {use.description}; berlaku s.d. {until}"


def shown(findings: list[Finding], limit: int | None) -> tuple[list[Finding], int]:
    """The first ``limit`` findings of a group (all when ``limit`` is None) and how many are
    left out."""
    if limit is None or len(findings) <= limit:
        return findings, 0
    return findings[:limit], len(findings) - limit


def more_findings(hidden: int) -> str:
    """The line that stands for the findings a person-facing report leaves out."""
    return (
        f"… dan {digits(hidden)} temuan serupa lainnya; "
        "selengkapnya lihat laporan JSON, CSV, atau XLSX."
    )


def location(finding: Finding) -> str:
    """Where the operator finds the problem: ``file:row``, the file, the OPD, the instansi, or
    "-"."""
    if finding.file and finding.row is not None:
        return f"{finding.file}:{finding.row}"
    return finding.file or finding.opd or finding.instansi or "-"


def as_of_date(report: Report) -> dt.date:
    """The report's reference date as a date."""
    return dt.date.fromisoformat(report.as_of)


def as_of_text(report: Report) -> str:
    """The reference date in Indonesian ("30 Juni 2026")."""
    return tanggal(as_of_date(report))


def years_text(report: Report) -> str:
    """Checked years as "2024, 2025" ("-" when none)."""
    return ", ".join(str(year) for year in report.years) or "-"


def policy_text(report: Report) -> str:
    """The policy version the report was made with, as every output names it."""
    return report.policy.describe()


REGULATION_LABEL = "Peraturan yang diterapkan"
VERSION_LABEL = "Versi kebijakan"


def header_facts(report: Report) -> list[tuple[str, str]]:
    """(label, text) naming what the report applied: the regulation once, in full ("Rancangan
    Peraturan Gubernur Bengkulu tentang ..."; left out for a report written before it was
    recorded), then the policy version it was read from. Every person-facing format opens
    with these."""
    facts = [(REGULATION_LABEL, report.regulation)] if report.regulation else []
    return [*facts, (VERSION_LABEL, policy_text(report))]


def found_text(finding: Finding) -> str | None:
    """What the data holds, in the words of the message ("perempuan", "13 Maret 1985")."""
    return shown_value(finding.actual, finding.column)


def required_text(finding: Finding) -> str | None:
    """What the regulation requires, in the words of the message ("laki-laki")."""
    return shown_value(finding.expected, finding.column)


def one_line(text: str) -> str:
    """Text with every control character (newline, tab, ESC, ...) turned into a space, so data
    cannot break a one-line-per-finding layout or send escape sequences to a terminal."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
