"""``check``: agency data judged against the regulation — intake, rules, one Report."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb

from checker import __version__
from checker.data.dataset import Dataset
from checker.data.ingest import ingest
from checker.data.schema import load_schema
from checker.dispensasi import (
    Dispensasi,
    apply_dispensasi,
    dispensasi_root,
    jakarta_today,
    load_dispensasi_unchecked,
)
from checker.dispensasi.lint import check_references as check_dispensasi
from checker.engine import Engine, prepare
from checker.errors import PolicyError, UsageError
from checker.policy import load_policy
from checker.policy.model import Peraturan
from checker.policy.numbering import number
from checker.report.finding import ClauseRef, Finding
from checker.report.report import InputRef, Report
from checker.rules.lint import lint_rules
from checker.rules.load import load_rules_unchecked
from checker.rules.model import Rule

# Intake findings cite the Pasal that obliges agencies to send data in the published schema.
INTAKE_CLAUSE = "kewajiban-data-skema"


def default_years(as_of: dt.date) -> list[int]:
    """The last completed calendar year before ``as_of``."""
    return [as_of.year - 1]


def git_commit(*paths: Path) -> str | None:
    """The commit of the repository holding the first path (None outside Git); "+dirty" when
    one of the paths has uncommitted changes, so a report never claims a commit it did not use."""
    try:
        commit = subprocess.run(["git", "-C", str(paths[0]), "rev-parse", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(paths[0]), "status", "--porcelain", "--",
                                *(str(p.resolve()) for p in paths)],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return commit + ("+dirty" if dirty else "")


def load_rules(rules_root: str | Path, policy_root: str | Path = "policy") -> list[Rule]:
    """Rules that lint clean against the regulation; raise PolicyError otherwise."""
    peraturan = load_policy(policy_root)
    problems = lint_rules(rules_root, peraturan, load_schema())
    if any(p.severity == "error" for p in problems):
        raise PolicyError(problems)
    return load_rules_unchecked(rules_root)[0]


def load_dispensasi(rules_root: str | Path, peraturan: Peraturan, rules: list[Rule]
                    ) -> list[Dispensasi]:
    """The dispensations in ``rules_root/dispensasi``; raise PolicyError when one is broken or
    cites an unknown rule or clause (an expired one is only a lint warning: it just stops
    applying)."""
    records, problems = load_dispensasi_unchecked(dispensasi_root(rules_root))
    problems += check_dispensasi(records, {rule.id for rule in rules}, peraturan)
    if any(p.severity == "error" for p in problems):
        raise PolicyError(problems)
    return records


@dataclass(frozen=True)
class Kebijakan:
    """One version of the policy as the checker enforces it: the regulation, its rules, its
    dispensations, and the commit they were read at."""

    peraturan: Peraturan
    rules: list[Rule]
    dispensasi: list[Dispensasi] = field(default_factory=list)
    commit: str | None = None


def load_kebijakan(policy_root: str | Path = "policy", rules_root: str | Path = "rules", *,
                   dispensations: bool = True, commit: str | None = None) -> Kebijakan:
    """Load and lint policy/, rules/ and rules/dispensasi/ (PolicyError with every problem);
    ``commit`` defaults to the Git commit of the working tree."""
    peraturan = load_policy(policy_root)
    rules = load_rules(rules_root, policy_root)
    records = load_dispensasi(rules_root, peraturan, rules) if dispensations else []
    return Kebijakan(peraturan, rules, records,
                     commit or git_commit(Path(policy_root), Path(rules_root)))


def check(paths: Iterable[str | Path], *, as_of: dt.date | None = None,
          years: list[int] | None = None, policy_root: str | Path = "policy",
          rules_root: str | Path = "rules",
          progress: Callable[[str], None] | None = None,
          dispensations: bool = True, with_rows: bool = True) -> Report:
    """Ingest agency files, run every rule, apply the dispensations in force, and return the
    Report. ``as_of`` defaults to today in Asia/Jakarta. ``with_rows`` keeps the source rows
    findings point at (for the XLSX fix-it workbook); leave it off for other formats at scale.

    Bad data never raises: it becomes findings. Raises only when the invocation cannot run
    (no readable table, a broken policy, rule set or dispensation).
    """
    as_of = as_of or jakarta_today()
    years = checked_years(as_of, years)
    kebijakan = load_kebijakan(policy_root, rules_root, dispensations=dispensations)
    with ingest(paths) as dataset:
        return judge(dataset, kebijakan, as_of=as_of, years=years, progress=progress,
                     with_rows=with_rows)


def checked_years(as_of: dt.date, years: list[int] | None) -> list[int]:
    """The years to check (default: the last completed one), none after ``as_of``."""
    years = sorted(set(years or default_years(as_of)))
    if any(year > as_of.year for year in years):
        raise UsageError(f"tahun yang diperiksa ({', '.join(map(str, years))}) tidak boleh "
                         f"sesudah tanggal acuan {as_of.isoformat()}")
    return years


def judge(dataset: Dataset, kebijakan: Kebijakan, *, as_of: dt.date, years: list[int],
          progress: Callable[[str], None] | None = None, with_rows: bool = True) -> Report:
    """Run one version of the policy over an ingested dataset. The helper tables are replaced,
    the agency tables are not, so several versions can judge the same ingest in turn."""
    peraturan, rules = kebijakan.peraturan, kebijakan.rules
    numbering = number(peraturan)
    intake_clause = ClauseRef(INTAKE_CLAUSE, numbering.citation(INTAKE_CLAUSE) or INTAKE_CLAUSE,
                              peraturan.version)
    prepare(dataset.connection, peraturan, as_of, years, load_schema())
    engine = Engine(dataset.connection, peraturan, numbering)
    found = engine.run(rules, progress=(lambda r: progress(r.id)) if progress else None)
    instansi = _instansi_of(dataset.connection, dataset.findings)
    intake = [_for_intake(f, intake_clause, instansi) for f in dataset.findings]
    inputs = [InputRef(i.path, i.table, i.rows, i.sha256) for i in dataset.inputs]
    findings = sorted(intake + found, key=Finding.sort_key)
    findings, used = apply_dispensasi(findings, kebijakan.dispensasi, as_of)
    rows = offending_rows(dataset.connection, findings, dataset.tables) if with_rows else {}
    employees = dict(dataset.connection.execute(
        "SELECT instansi, COUNT(DISTINCT nip) FROM pegawai WHERE instansi IS NOT NULL "
        "AND nip IS NOT NULL GROUP BY instansi ORDER BY instansi").fetchall())
    return Report(tool_version=__version__, policy_version=peraturan.version,
                  policy_commit=kebijakan.commit, as_of=as_of.isoformat(),
                  years=years, inputs=inputs, findings=findings,
                  rules={rule.id: rule.title for rule in rules}, rows=rows,
                  employees=employees, dispensations=used)


def offending_rows(con: duckdb.DuckDBPyConnection, findings: list[Finding],
                   tables: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The source rows findings point at, per table, in file/row order (set-based lookup)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        keys = sorted({(f.file, f.row) for f in findings
                       if f.table == table and f.file is not None and f.row is not None})
        if not keys:
            continue
        con.execute("CREATE OR REPLACE TEMP TABLE _kunci (_file VARCHAR, _row BIGINT)")
        con.executemany("INSERT INTO _kunci VALUES (?, ?)", keys)
        cursor = con.execute(f'SELECT t.* FROM "{table}" AS t JOIN _kunci AS k '
                             "ON k._file = t._file AND k._row = t._row ORDER BY t._file, t._row")
        names = [d[0] for d in cursor.description]
        out[table] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return out


def _instansi_of(con: duckdb.DuckDBPyConnection, findings: list[Finding]) -> dict[str, str]:
    """The instansi of each NIP named by an intake finding, from the employees' table."""
    nips = sorted({f.nip for f in findings if f.nip and not f.instansi})
    if not nips:
        return {}
    con.execute("CREATE OR REPLACE TEMP TABLE _nip_temuan (nip VARCHAR)")
    con.executemany("INSERT INTO _nip_temuan VALUES (?)", [(n,) for n in nips])
    rows = con.execute("SELECT p.nip, MIN(p.instansi) FROM pegawai AS p JOIN _nip_temuan AS n "
                       "ON n.nip = p.nip WHERE p.instansi IS NOT NULL GROUP BY p.nip").fetchall()
    return dict(rows)


def _for_intake(finding: Finding, clause: ClauseRef, instansi: dict[str, str]) -> Finding:
    """An intake finding cites the data-submission clause and, where its NIP is known, the
    employee's instansi (so per-instansi counts include problems in training or evaluations)."""
    return replace(finding, clause=finding.clause or clause,
                   instansi=finding.instansi or instansi.get(finding.nip or ""))
