"""Compliance figures from report JSON files: per perangkat daerah (OPD), per submission date,
per clause.

Only counts leave this module, except :attr:`Snapshot.findings`, which holds masked NIPs and
is filled only for a private build. A later report replaces an earlier one for the same OPD
and date (files are read in date, then name order).

Reports written before findings named their OPD read each instansi as one OPD
(:meth:`Report.from_dict`). Once a later report splits that instansi into its OPDs, the older
whole-instansi figure is history, no longer part of the current picture (:meth:`Dashboard.latest`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.report.finding import SEVERITIES, Finding
from checker.report.report import compliance_percent
from checker.site.context import NamedReport


def mask_nip(nip: str) -> str:
    """Keep the first 6 and last 4 characters: 198503152010011001 → 198503********1001."""
    if len(nip) < 12:
        return "*" * len(nip)
    return nip[:6] + "*" * (len(nip) - 10) + nip[-4:]


@dataclass(frozen=True)
class MaskedFinding:
    """One finding for BKD's internal build: no name, no message, the NIP masked."""

    nip: str
    rule: str
    clause: str | None
    period: str | None
    table: str | None
    row: int | None
    column: str | None


# instansi names of the kabupaten/kota governments, which take part only as voluntary partners
PARTNERS = ("Pemerintah Kabupaten ", "Pemerintah Kota ")


@dataclass(frozen=True)
class Snapshot:
    """One perangkat daerah (OPD) on one date ("" gathers findings that name no OPD)."""

    opd: str
    as_of: str
    source: str
    employees: int
    with_errors: int
    by_severity: dict[str, int]
    by_rule: dict[str, int]
    by_clause: dict[str, dict[str, int]]  # clause id → rule id → findings
    citations: dict[str, str]  # clause id → citation as the report rendered it
    findings: tuple[MaskedFinding, ...] = ()
    # the instansi kerja (pemerintah daerah) its findings name, for telling a split instansi
    instansi: tuple[str, ...] = ()

    @property
    def compliance(self) -> float | None:
        """Percent of employees without an error finding (None without employees)."""
        return compliance_percent(self.employees, self.with_errors)

    @property
    def partner(self) -> str | None:
        """The kabupaten/kota government this OPD belongs to when it reports as a voluntary
        partner (every instansi its findings name is one), else None: the province's own."""
        if self.opd and self.instansi and all(i.startswith(PARTNERS) for i in self.instansi):
            return ", ".join(self.instansi)
        return None


@dataclass(frozen=True)
class Submission:
    """Every perangkat daerah reported on one date."""

    as_of: str
    snapshots: tuple[Snapshot, ...]

    @property
    def own(self) -> tuple[Snapshot, ...]:
        """The province's snapshots: voluntary partners (kabupaten/kota) are never counted in
        the province's compliance (Pasal kabupaten-kota-sukarela)."""
        return tuple(s for s in self.snapshots if s.partner is None)

    @property
    def employees(self) -> int:
        """Employees of every perangkat daerah of the province in this submission."""
        return sum(s.employees for s in self.own)

    @property
    def with_errors(self) -> int:
        """Employees of the province with at least one error finding."""
        return sum(s.with_errors for s in self.own)

    @property
    def opd(self) -> int:
        """How many perangkat daerah of the province reported."""
        return sum(1 for s in self.own if s.opd)

    @property
    def findings(self) -> int:
        """Findings of every severity in the province's perangkat daerah."""
        return sum(sum(s.by_severity.values()) for s in self.own)


@dataclass
class Dashboard:
    """Every snapshot, by date; the latest one per OPD is the current picture."""

    submissions: list[Submission] = field(default_factory=list)

    def latest(self) -> dict[str, Snapshot]:
        """Each OPD's most recent snapshot, sorted by OPD name.

        A snapshot named after an instansi (a report from before findings named their OPD)
        is left out once a later submission reports that instansi's OPDs separately: its
        employees are counted again in those OPDs.
        """
        out: dict[str, Snapshot] = {}
        split: dict[str, str] = {}  # instansi → last date its OPDs were reported separately
        for submission in self.submissions:
            for snap in submission.snapshots:
                out[snap.opd] = snap
                for instansi in snap.instansi if snap.opd else ():
                    if instansi != snap.opd:
                        split[instansi] = submission.as_of
        return {
            name: snap
            for name, snap in sorted(out.items())
            if not (name in split and snap.as_of < split[name])
        }

    def history(self, opd: str) -> list[Snapshot]:
        """One OPD's snapshots, oldest first."""
        return [s for sub in self.submissions for s in sub.snapshots if s.opd == opd]


def _snapshot(
    named: NamedReport,
    opd: str,
    findings: list[Finding],
    rates: dict[str, float | int | None],
    private: bool,
) -> Snapshot:
    report = named.report
    severities = Counter(f.severity for f in findings)
    clauses: dict[str, Counter[str]] = {}
    for f in findings:
        if f.clause:
            clauses.setdefault(f.clause.id, Counter())[f.rule] += 1
    masked = (
        tuple(
            MaskedFinding(
                mask_nip(f.nip) if f.nip else "",
                f.rule,
                f.clause.id if f.clause else None,
                f.period,
                f.table,
                f.row,
                f.column,
            )
            for f in findings
        )
        if private
        else ()
    )
    return Snapshot(
        opd=opd,
        as_of=report.as_of,
        source=named.name,
        employees=int(rates.get("employees") or 0),
        with_errors=int(rates.get("employees_with_errors") or 0),
        by_severity={s: severities.get(s, 0) for s in SEVERITIES},
        by_rule=dict(sorted(Counter(f.rule for f in findings).items())),
        by_clause={c: dict(sorted(rules.items())) for c, rules in sorted(clauses.items())},
        citations={f.clause.id: f.clause.citation for f in findings if f.clause},
        findings=masked,
        instansi=tuple(
            sorted(
                {f.instansi for f in findings if f.instansi}
                | ({report.opd_instansi[opd]} if opd in report.opd_instansi else set())
            )
        ),
    )


def build_dashboard(reports: list[NamedReport], private: bool = False) -> Dashboard:
    """Aggregate reports (already sorted by date and name) into snapshots."""
    by_date: dict[str, dict[str, Snapshot]] = {}
    for named in reports:
        groups: dict[str, list[Finding]] = {name: [] for name in named.report.employees}
        for finding in named.report.active():  # dispensed findings are not counted
            groups.setdefault(finding.opd or "", []).append(finding)
        rates = named.report.compliance_by_opd()
        day = by_date.setdefault(named.report.as_of, {})
        for opd, findings in groups.items():
            if opd or findings:
                day[opd] = _snapshot(named, opd, findings, rates.get(opd, {}), private)
    return Dashboard(
        [
            Submission(day, tuple(snaps[k] for k in sorted(snaps)))
            for day, snaps in sorted(by_date.items())
        ]
    )
