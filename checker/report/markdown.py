"""The Markdown report, for the site and for pull requests: summaries first, then details.

Cells are escaped (:mod:`checker.artifacts.markdown`) so data cannot break a table (``|``,
newlines) nor inject HTML or Markdown markup into a published page.

Each rule's table (and each dispensation's) lists its first
:data:`~checker.report.labels.SHOWN_PER_GROUP` findings and one line counting the rest, unless
``limit=None``; the summaries always count every finding.
"""

from __future__ import annotations

import datetime as dt

from checker.artifacts.markdown import escape, table
from checker.report.finding import CATEGORIES, SEVERITIES, Finding
from checker.report.labels import (
    CATEGORY_MEANINGS,
    DISPENSED_MEANING,
    DISPENSED_TITLE,
    NO_FINDINGS,
    SHOWN_PER_GROUP,
    as_of_text,
    by_dispensation,
    by_rule,
    category_label,
    found_text,
    group_category_text,
    group_severity,
    header_facts,
    location,
    more_findings,
    opd_table,
    required_text,
    rule_title,
    severity_label,
    shown,
    summary_sentence,
    years_text,
)
from checker.report.report import Report
from checker.wording import digits, tanggal

# severity and category are two labels: only the severity decides whether a check fails
TIER_NOTE = (
    "Tingkat temuan menentukan apakah pemeriksaan dinyatakan gagal; jenis temuan menunjukkan "
    "tindak lanjut yang diperlukan."
)


def render_markdown(report: Report, *, limit: int | None = SHOWN_PER_GROUP) -> str:
    """The report as Markdown with Indonesian headings and labels; each rule's table lists its
    first ``limit`` findings and a line counting the rest (all when ``limit`` is None)."""
    lines = [
        "# Laporan Pemeriksaan Data Kepegawaian",
        "",
        *(f"- {label}: {escape(text)}" for label, text in header_facts(report)),
        f"- Tanggal acuan: {as_of_text(report)}",
        f"- Tahun diperiksa: {years_text(report)}",
        f"- Alat: kebijakan {escape(report.tool_version)}",
        "",
        "## Berkas masukan",
        "",
    ]
    lines += (
        table(
            ("Berkas", "Tabel", "Baris", "SHA-256"),
            ((i.path, i.table, digits(i.rows), i.sha256) for i in report.inputs),
            numeric=(2,),
        )
        if report.inputs
        else ["Tidak ada berkas yang terbaca."]
    )
    lines += ["", "## Ringkasan", ""]
    if not report.findings:
        return "\n".join([*lines, NO_FINDINGS]) + "\n"
    counts = report.counts_by_severity()
    lines += [summary_sentence(report), ""]
    lines += table(
        ("Tingkat", "Jumlah"),
        ((severity_label(s).capitalize(), digits(counts[s])) for s in SEVERITIES),
        numeric=(1,),
    )
    lines += [""]
    by_category = report.counts_by_category()
    lines += table(
        ("Jenis temuan", "Jumlah", "Artinya"),
        (
            (category_label(c).capitalize(), digits(by_category[c]), CATEGORY_MEANINGS.get(c, ""))
            for c in CATEGORIES
        ),
        numeric=(1,),
    )
    lines += ["", TIER_NOTE]
    lines += _by_rule_and_opd(report)
    groups = by_rule(report)
    if groups:
        lines += ["", "## Rincian temuan"]
    for rule, findings in groups:
        lines += ["", *_rule_section(report, rule, findings, limit)]
    lines += _dispensed(report, limit)
    return "\n".join(lines) + "\n"


def _dispensed(report: Report, limit: int | None) -> list[str]:
    """The dispensations in force and the findings they cover, apart from the rest."""
    groups = dict(by_dispensation(report))
    if not groups:
        return []
    lines = ["", f"## {DISPENSED_TITLE}", "", DISPENSED_MEANING, ""]
    lines += table(
        ("Dispensasi", "Aturan", "Lingkup", "Berlaku s.d.", "Temuan"),
        (
            (
                d.id,
                ", ".join(d.rules),
                d.description,
                tanggal(dt.date.fromisoformat(d.valid_until)),
                digits(d.findings),
            )
            for d in report.dispensations
        ),
        numeric=(4,),
    )
    for ident, findings in groups.items():
        listed, hidden = shown(findings, limit)
        lines += ["", f"### {escape(ident)}", ""]
        lines += table(
            ("Aturan", "Tingkat", "Jenis temuan", "Baris", "NIP", "Periode", "Pesan"),
            (
                (
                    f.rule,
                    severity_label(f.severity),
                    category_label(f.category),
                    location(f),
                    f.nip,
                    f.period,
                    f.message,
                )
                for f in listed
            ),
        )
        lines += _more(hidden)
    return lines


def _more(hidden: int) -> list[str]:
    """A paragraph after a cut table counting the findings left out (nothing when none)."""
    return ["", more_findings(hidden)] if hidden else []


def _by_rule_and_opd(report: Report) -> list[str]:
    groups = by_rule(report)
    lines = ["", "## Temuan per aturan", ""]
    lines += table(
        ("Aturan", "Judul", "Tingkat", "Jenis temuan", "Jumlah"),
        (
            (
                rule,
                rule_title(report, rule),
                severity_label(group_severity(found)).capitalize(),
                group_category_text(found).capitalize(),
                digits(len(found)),
            )
            for rule, found in groups
        ),
        numeric=(4,),
    )
    lines += ["", "## Temuan per perangkat daerah", ""]
    header, rows = opd_table(report)
    lines += table(
        header,
        ([name, *(_figure(v) for v in values)] for name, *values in rows),
        numeric=range(1, len(header)),
    )
    return lines


def _figure(value: float | int | str | None) -> str:
    if value is None or isinstance(value, str):
        return value or ""
    return digits(value)


def _rule_section(
    report: Report, rule: str, findings: list[Finding], limit: int | None
) -> list[str]:
    title = rule_title(report, rule)
    citations = sorted({f.clause.citation for f in findings if f.clause and f.clause.citation})
    facts = [
        severity_label(group_severity(findings)).capitalize(),
        f"Jenis: {escape(group_category_text(findings))}",
        *(escape(c) for c in citations),
        f"{digits(len(findings))} temuan",
    ]
    lines = [
        f"### {escape(rule)}" + (f" — {escape(title)}" if title else ""),
        "",
        " · ".join(facts),
        "",
    ]
    listed, hidden = shown(findings, limit)
    lines += table(
        ("Baris", "NIP", "Periode", "Seharusnya", "Tercatat", "Pesan"),
        (
            (location(f), f.nip, f.period, required_text(f), found_text(f), f.message)
            for f in listed
        ),
    )
    return lines + _more(hidden)
