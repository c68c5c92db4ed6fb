"""The terminal report: a short header, findings grouped by rule, one summary line.

One finding per line, ``file:row [column] message``, so the output greps and diffs well; each
rule's heading names its severity and the category of its findings (the Pergub's words, from
:data:`~checker.report.labels.CATEGORY_LABELS`)::

    KIN-SKP-TAHUNAN (kesalahan, 120 temuan; jenis: temuan ketidakpatuhan): Evaluasi ... — Pasal 19
      data/pegawai.csv:2 [tahun] Sdr. Ahmad Fauzi (NIP 198503122010011001) tidak memiliki ...
      ...
      … dan 70 temuan serupa lainnya; selengkapnya lihat laporan JSON, CSV, atau XLSX.

    120 kesalahan, 0 peringatan, 0 informasi. Menurut jenisnya: 120 temuan ketidakpatuhan, ...

Each rule lists its first :data:`~checker.report.labels.SHOWN_PER_GROUP` findings unless
``limit=None`` asks for all; the heading always counts every finding.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from checker.report.finding import SEVERITIES, Finding
from checker.report.labels import (
    DISPENSED_TITLE,
    NO_FINDINGS,
    SHOWN_PER_GROUP,
    as_of_text,
    by_dispensation,
    by_rule,
    category_label,
    category_sentence,
    dispensation_facts,
    dispensed_note,
    group_category_text,
    group_severity,
    header_facts,
    location,
    more_findings,
    one_line,
    rule_title,
    severity_label,
    shown,
    years_text,
)
from checker.report.report import Report
from checker.wording import digits

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(report: Report, *, color: bool = False, limit: int | None = SHOWN_PER_GROUP) -> str:
    """The report as terminal text; ``color`` adds ANSI colours to severities. Each rule lists
    its first ``limit`` findings and one line counting the rest (all when ``limit`` is None)."""
    lines = header(report)
    if not report.findings:
        lines += ["", NO_FINDINGS]
        return "\n".join(lines) + "\n"
    for rule, findings in by_rule(report):
        lines += ["", group_heading(report, rule, findings, color=color)]
        lines += _listed(findings, limit, finding_line)
    lines += dispensed_section(report, limit=limit)
    lines += ["", summary(report, color=color)]
    return "\n".join(lines) + "\n"


def header(report: Report) -> list[str]:
    """The regulation applied, policy version and commit, reference date, checked years, and
    the inputs read."""
    lines = [
        f"Laporan pemeriksaan data kepegawaian (kebijakan {report.tool_version})",
        *(f"{label}: {one_line(text)}" for label, text in header_facts(report)),
        f"Tanggal acuan: {as_of_text(report)}",
        f"Tahun diperiksa: {years_text(report)}",
    ]
    if report.inputs:
        lines.append("Berkas masukan:")
        lines += [
            f"  {one_line(i.path)} ({one_line(i.table)}, {digits(i.rows)} baris)"
            for i in report.inputs
        ]
    else:
        lines.append("Berkas masukan: tidak ada")
    return lines


def group_heading(
    report: Report, rule: str, findings: list[Finding], *, color: bool = False
) -> str:
    """``RULE (severity, n temuan; jenis: category): title — citation`` for one rule's group."""
    severity = group_severity(findings)
    label = _paint(severity_label(severity), severity, color)
    title = one_line(rule_title(report, rule))
    citations = sorted({f.clause.citation for f in findings if f.clause and f.clause.citation})
    heading = (
        f"{rule} ({label}, {digits(len(findings))} temuan; "
        f"jenis: {one_line(group_category_text(findings))})"
    )
    if title:
        heading += f": {title}"
    if citations:
        heading += f" — {one_line('; '.join(citations))}"
    return heading


def finding_line(finding: Finding) -> str:
    """``file:row [column] message`` (column left out when the finding has none); a finding
    about a whole OPD reads ``OPD — message``."""
    column = f" [{one_line(finding.column)}]" if finding.column else ""
    where = one_line(location(finding))
    if not finding.file:
        where += " —"
    return f"{where}{column} {one_line(finding.message)}"


def dispensed_section(report: Report, *, limit: int | None = SHOWN_PER_GROUP) -> list[str]:
    """Dispensed findings apart, per dispensation (the first ``limit`` of each); each line
    says ``[didispensasi]`` and the severity the finding would have had."""
    groups = by_dispensation(report)
    if not groups:
        return []
    lines = ["", f"{DISPENSED_TITLE} (dicatat, tidak menggagalkan pemeriksaan):"]
    for ident, findings in groups:
        facts = dispensation_facts(report, ident)
        lines += [
            "",
            f"{ident} ({digits(len(findings))} temuan"
            + (f"; {one_line(facts)})" if facts else ")"),
        ]
        lines += _listed(findings, limit, dispensed_line)
    return lines


def dispensed_line(finding: Finding) -> str:
    """``[didispensasi, kesalahan, temuan ketidakpatuhan] file:row [column] message``."""
    labels = f"{severity_label(finding.severity)}, {one_line(category_label(finding.category))}"
    return f"[didispensasi, {labels}] {finding_line(finding)}"


def _listed(
    findings: list[Finding], limit: int | None, line: Callable[[Finding], str]
) -> list[str]:
    """The group's findings as indented lines, cut to ``limit`` with a line for the rest."""
    listed, hidden = shown(findings, limit)
    lines = [f"  {line(finding)}" for finding in listed]
    return [*lines, f"  {more_findings(hidden)}"] if hidden else lines


def summary(report: Report, *, color: bool = False) -> str:
    """ "3 kesalahan, 1 peringatan, 0 informasi." with non-zero counts coloured when asked, then
    the count per category ("Menurut jenisnya: 2 temuan ketidakpatuhan, ..."), then
    " 2 temuan didispensasi." when dispensations covered any: the words of
    :func:`~checker.report.labels.summary_sentence`."""
    counts = report.counts_by_severity()
    parts = []
    for severity in SEVERITIES:
        part = f"{digits(counts[severity])} {severity_label(severity)}"
        parts.append(_paint(part, severity, color and counts[severity] > 0))
    return ", ".join(parts) + ". " + category_sentence(report) + dispensed_note(report)


def _paint(text: str, severity: str, color: bool) -> str:
    if not color:
        return text
    return click.style(text, fg=COLOURS.get(severity), bold=True if severity == "error" else None)
