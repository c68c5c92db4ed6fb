"""The Report: one object that every output format renders (JSON, text, CSV, Markdown, XLSX)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from checker.errors import InputError
from checker.provenance import Provenance
from checker.report.finding import CATEGORIES, SEVERITIES, ClauseRef, Finding

FAIL_ON = ("error", "warning", "never")


def compliance_percent(employees: int, with_errors: int) -> float | None:
    """Share of employees without an error finding, in percent with one decimal; None when
    there are no employees: an agency with nobody in the data has no compliance rate."""
    if employees <= 0:
        return None
    return round(100.0 * (employees - with_errors) / employees, 1)


@dataclass(frozen=True)
class InputRef:
    """One table read from one file, with its hash so the report can be reproduced."""

    path: str
    table: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class DispensationUse:
    """A dispensation in force on the report's date and how many findings it covered. No
    personal data: the scope is described ("3 pegawai tugas belajar", an instansi)."""

    id: str
    rules: tuple[str, ...]
    scope: str  # "nip" | "instansi" | "category"
    description: str
    valid_until: str
    findings: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        return {**asdict(self), "rules": list(self.rules)}


@dataclass
class Report:
    """The result of one check: inputs, policy, date, findings; nothing else is needed to
    reproduce it (same inputs + policy commit + tool version → same report)."""

    tool_version: str
    policy: Provenance
    as_of: str
    years: list[int]
    inputs: list[InputRef]
    findings: list[Finding]
    rules: dict[str, str] = field(default_factory=dict)  # rule id → title, for summaries
    # employees (distinct NIP) per OPD in the data: the denominator of compliance rates
    employees: dict[str, int] = field(default_factory=dict)
    # the instansi kerja (pemerintah daerah) of each OPD's employees: tells the province's own
    # perangkat daerah from a kabupaten/kota taking part as a voluntary partner; {} in reports
    # written before it was recorded
    opd_instansi: dict[str, str] = field(default_factory=dict)
    # the source rows that findings point at, per table: {"_file", "_row", column: value, ...};
    # for the agency's fix-it workbook only, never serialised to JSON
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # dispensations in force on ``as_of`` (also those that covered nothing), by id
    dispensations: list[DispensationUse] = field(default_factory=list)
    # the regulation applied, named in full from peraturan.yml
    # (:func:`checker.wording.regulation_name`); "" in reports written before it was recorded
    regulation: str = ""

    @property
    def policy_version(self) -> str:
        """The version named in the policy's ``peraturan.yml``."""
        return self.policy.version

    def active(self) -> list[Finding]:
        """Findings no dispensation covers: the ones that count and can fail the check."""
        return [f for f in self.findings if f.dispensation is None]

    def dispensed(self) -> list[Finding]:
        """Findings a dispensation covers: reported, counted apart, never failing."""
        return [f for f in self.findings if f.dispensation is not None]

    def dispensed_summary(self) -> dict[str, Any]:
        """Dispensed findings: how many, per rule, per OPD, and each dispensation in force with
        its count."""
        found = self.dispensed()
        return {
            "findings": len(found),
            "by_rule": dict(sorted(Counter(f.rule for f in found).items())),
            "by_opd": dict(sorted(Counter(f.opd or "" for f in found).items())),
            "dispensations": [d.to_dict() for d in self.dispensations],
        }

    def counts_by_severity(self) -> dict[str, int]:
        """Findings per severity, every severity present (0 when none); dispensed findings are
        counted apart (:meth:`dispensed_summary`)."""
        counts = Counter(f.severity for f in self.active())
        return {severity: counts.get(severity, 0) for severity in SEVERITIES}

    def counts_by_rule(self) -> dict[str, int]:
        """Findings per rule id, sorted by id (dispensed ones apart)."""
        return dict(sorted(Counter(f.rule for f in self.active()).items()))

    def counts_by_category(self) -> dict[str, int]:
        """Findings per category (:data:`CATEGORIES`), every category present; dispensed ones
        apart."""
        counts = Counter(f.category for f in self.active())
        return {category: counts.get(category, 0) for category in CATEGORIES}

    def counts_by_opd(self) -> dict[str, dict[str, int]]:
        """Findings per OPD and severity (findings without OPD under ""); dispensed ones
        apart."""
        out: dict[str, Counter[str]] = {}
        for finding in self.active():
            out.setdefault(finding.opd or "", Counter())[finding.severity] += 1
        return {
            name: {s: counts.get(s, 0) for s in SEVERITIES} for name, counts in sorted(out.items())
        }

    def compliance_by_opd(self) -> dict[str, dict[str, float | int | None]]:
        """Per OPD: employees, employees with at least one error finding, and the share
        (:func:`compliance_percent`) of employees without any error finding. A dispensed
        finding does not count against an employee."""
        with_error: dict[str, set[str]] = {}
        for finding in self.active():
            if finding.severity == "error" and finding.nip and finding.opd:
                with_error.setdefault(finding.opd, set()).add(finding.nip)
        out: dict[str, dict[str, float | int | None]] = {}
        for opd, total in sorted(self.employees.items()):
            bad = len(with_error.get(opd, set()))
            out[opd] = {
                "employees": total,
                "employees_with_errors": bad,
                "compliance_percent": compliance_percent(total, bad),
            }
        return out

    def failed(self, fail_on: str = "error") -> bool:
        """True when a finding no dispensation covers is at or above the failing severity."""
        if fail_on == "never":
            return False
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.active())

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md: English keys, Indonesian messages."""
        return {
            "tool": {"name": "kebijakan", "version": self.tool_version},
            "policy": self.policy.to_dict(),
            "regulation": self.regulation,
            "as_of": self.as_of,
            "years": self.years,
            "inputs": [asdict(i) for i in self.inputs],
            "employees": dict(sorted(self.employees.items())),
            "opd_instansi": dict(sorted(self.opd_instansi.items())),
            "summary": {
                "findings": len(self.findings),
                "by_severity": self.counts_by_severity(),
                "by_category": self.counts_by_category(),
                "by_rule": self.counts_by_rule(),
                "by_opd": self.counts_by_opd(),
                "compliance_by_opd": self.compliance_by_opd(),
                "dispensed": self.dispensed_summary(),
            },
            "rules": dict(sorted(self.rules.items())),
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """A report from the mapping :func:`to_json` wrote. Reports written before
        ``employees`` was a key of its own give it from their compliance summary, and reports
        written before findings named their OPD are read with the instansi as the OPD (then
        each instansi was an OPD). Use :func:`read_report` for a file."""
        findings = []
        for item in data.get("findings", []):
            item = dict(item)
            clause = item.pop("clause", None)
            item.setdefault("opd", item.get("instansi"))
            findings.append(Finding(**item, clause=ClauseRef(**clause) if clause else None))
        used = data.get("summary", {}).get("dispensed", {}).get("dispensations", [])
        return cls(
            tool_version=data["tool"]["version"],
            policy=Provenance.from_dict(data["policy"]),
            as_of=data["as_of"],
            years=list(data.get("years", [])),
            inputs=[InputRef(**i) for i in data.get("inputs", [])],
            findings=findings,
            rules=dict(data.get("rules", {})),
            employees=_employees(data),
            opd_instansi={str(k): str(v) for k, v in data.get("opd_instansi", {}).items()},
            dispensations=[DispensationUse(**{**d, "rules": tuple(d["rules"])}) for d in used],
            regulation=str(data.get("regulation") or ""),
        )


def _employees(data: dict[str, Any]) -> dict[str, int]:
    if "employees" in data:
        return {str(name): int(count) for name, count in data["employees"].items()}
    summary = data.get("summary", {})
    rates = summary.get("compliance_by_opd", summary.get("compliance_by_instansi", {}))
    return {name: int(c["employees"]) for name, c in rates.items()}


def read_report(path: str | Path) -> Report:
    """The report JSON file at ``path`` (as :func:`to_json` wrote it). A file that cannot be
    read, or is not a report, raises :class:`InputError` naming it."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError(f"isinya {type(data).__name__}, bukan objek JSON")
        report = Report.from_dict(data)
        dt.date.fromisoformat(report.as_of)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"bukan laporan kebijakan yang dapat dibaca ({exc})", path) from exc
    return report


def to_json(report: Report) -> str:
    """The report as JSON, byte-identical for the same inputs (sorted, no timestamps).

    orjson writes exactly what ``json.dumps(..., ensure_ascii=False, indent=2)`` writes, in a
    twentieth of the time (a test holds the two equal)."""
    return orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
