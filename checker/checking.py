"""``check``: agency data judged against the regulation — intake, rules, one Report."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from checker import __version__
from checker.data import messages
from checker.data.dataset import Dataset, Gap, connect
from checker.data.ingest import discover, ingest
from checker.data.intake_checks import INTAKE_CLAUSE, SKEMA_KOLOM, intake_finding
from checker.data.normalize import rows_table
from checker.data.schema import Table
from checker.data.scope import set_aside
from checker.dispensasi import apply_dispensasi, jakarta_today
from checker.engine import Engine, Person, employees_of
from checker.errors import UsageError
from checker.kebijakan import Kebijakan, load_kebijakan
from checker.limits import Budget, Limits
from checker.report.finding import ClauseRef, Finding
from checker.report.report import InputRef, Report
from checker.rules.helpers import EMPLOYEE_ROWS, prepare
from checker.rules.model import Rule
from checker.wording import regulation_name


def default_years(as_of: dt.date) -> list[int]:
    """The last completed calendar year before ``as_of``."""
    return [as_of.year - 1]


def check(
    paths: Iterable[str | Path],
    *,
    kebijakan: Kebijakan | None = None,
    policy_root: str | Path | None = None,
    rules_root: str | Path | None = None,
    ref: str | None = None,
    as_of: dt.date | None = None,
    years: list[int] | None = None,
    progress: Callable[[str], None] | None = None,
    with_rows: bool = True,
    limits: Limits | None = None,
    opd: tuple[str, ...] = (),
) -> Report:
    """Ingest agency files, run every rule, apply the dispensations in force, and return the
    Report. The policy version is ``kebijakan`` when given, else the one
    :func:`checker.kebijakan.load_kebijakan` finds for ``policy_root``/``rules_root``/``ref``
    (the working tree, else the bundled copy). ``as_of`` defaults to today in Asia/Jakarta.
    ``with_rows`` keeps the source rows findings point at (for the XLSX fix-it workbook);
    leave it off for other formats at scale. ``limits`` is the budget of the check (default:
    :meth:`checker.limits.Limits.cli`). ``opd`` (codes of ``policy/opd.yml``) are the
    perangkat daerah the sender reports for: employees of any other are set aside, counted in
    a SKEMA-OPD finding without personal data, and judged nowhere (empty: no restriction).

    Bad data never raises: it becomes findings. Raises only when the invocation cannot run
    (no readable table, a broken policy, rule set, Table Schema or dispensation).
    """
    as_of = as_of or jakarta_today()
    years = checked_years(as_of, years)
    if kebijakan is None:
        kebijakan = load_kebijakan(policy_root, rules_root, ref=ref)
    limits = limits or Limits.cli()
    files = discover(paths)
    connection = connect(limits, files)
    with Budget(limits, connection) as budget, closing(connection):
        dataset = ingest(
            files, schema=kebijakan.schema, connection=connection, limits=limits, budget=budget
        )
        budget.check_time()
        budget.count_findings(len(dataset.findings), "pemeriksaan berkas")
        return judge(
            dataset,
            kebijakan,
            as_of=as_of,
            years=years,
            progress=progress,
            with_rows=with_rows,
            budget=budget,
            opd=opd,
        )


def checked_years(as_of: dt.date, years: list[int] | None) -> list[int]:
    """The years to check (default: the last completed one), none after ``as_of``."""
    years = sorted(set(years or default_years(as_of)))
    if any(year > as_of.year for year in years):
        raise UsageError(
            f"tahun yang diperiksa ({', '.join(map(str, years))}) tidak boleh "
            f"sesudah tanggal acuan {as_of.isoformat()}"
        )
    return years


def judge(
    dataset: Dataset,
    kebijakan: Kebijakan,
    *,
    as_of: dt.date,
    years: list[int],
    progress: Callable[[str], None] | None = None,
    with_rows: bool = True,
    budget: Budget | None = None,
    opd: tuple[str, ...] = (),
) -> Report:
    """Run one version of the policy over an ingested dataset. The helper tables are replaced,
    the agency tables are not, so several versions can judge the same ingest in turn."""
    if not kebijakan.complete:
        raise UsageError("versi kebijakan ini dimuat tanpa aturan; muat lengkap untuk memeriksa")
    peraturan, rules, numbering = kebijakan.peraturan, kebijakan.rules, kebijakan.numbering
    intake_clause = ClauseRef(
        INTAKE_CLAUSE, numbering.citation(INTAKE_CLAUSE) or INTAKE_CLAUSE, peraturan.version
    )
    keep = (lambda label: peraturan.opd.resolve(label) in opd) if opd else None
    prepare(dataset.connection, peraturan, as_of, years, kebijakan.schema, keep_opd=keep)
    engine = Engine(dataset.connection, peraturan, numbering)
    skipped, gap_notes = unjudged(dataset.gaps, rules, kebijakan.schema)
    found = engine.run(
        rules,
        progress=(lambda r: progress(r.id)) if progress else None,
        budget=budget,
        skip=skipped,
    )
    instansi = _instansi_of(dataset.connection, dataset.findings)
    people = employees_of(dataset.connection, {f.nip for f in dataset.findings})
    intake = [
        _for_intake(f, intake_clause, instansi, people) for f in [*dataset.findings, *gap_notes]
    ]
    inputs = [InputRef(i.path, i.table, i.rows, i.sha256) for i in dataset.inputs]
    findings = sorted(
        set_aside(dataset.connection, intake + found, opd, intake_clause), key=Finding.sort_key
    )
    findings, used = apply_dispensasi(findings, kebijakan.dispensasi, as_of)
    rows = offending_rows(dataset.connection, findings, dataset.tables) if with_rows else {}
    per_opd = dataset.connection.execute(
        f"SELECT opd, COUNT(DISTINCT nip), min(instansi) FROM {EMPLOYEE_ROWS} "
        "WHERE opd IS NOT NULL AND nip IS NOT NULL GROUP BY opd ORDER BY opd"
    ).fetchall()
    employees = {opd: count for opd, count, _ in per_opd}
    opd_instansi = {opd: instansi for opd, _, instansi in per_opd if instansi}
    return Report(
        tool_version=__version__,
        policy=kebijakan.provenance,
        as_of=as_of.isoformat(),
        years=years,
        inputs=inputs,
        findings=findings,
        rules={rule.id: rule.title for rule in rules},
        rows=rows,
        employees=employees,
        opd_instansi=opd_instansi,
        dispensations=used,
        regulation=regulation_name(peraturan),
    )


def reads(rule: Rule, column: str) -> bool:
    """True when ``rule`` reads ``column`` of its own table (row alias ``t``)."""
    text = json.dumps(rule.check, ensure_ascii=False)
    return rule.check.get("column") == column or re.search(rf"\bt\.{column}\b", text) is not None


def unjudged(
    gaps: list[Gap], rules: list[Rule], schema: Mapping[str, Table]
) -> tuple[dict[str, set[str]], list[Finding]]:
    """The files each rule is not judged on (rule id → files), and one note per such file.

    A file SIASN wrote may lack columns SIASN has no place for (``notInSiasn``). A rule whose
    every such column is missing from the file is not judged on that file's rows (it would
    report every employee); the note names the columns, the rules not judged, and what to add.
    """
    skipped: dict[str, set[str]] = {}
    notes: list[Finding] = []
    for gap in gaps:
        table = schema[gap.table]
        missing = set(gap.columns)
        affected = []
        for rule in rules:
            if rule.table != gap.table:
                continue
            needed = {f.name for f in table.fields if f.not_in_siasn and reads(rule, f.name)}
            if needed and needed <= missing:
                affected.append(rule)
                skipped.setdefault(rule.id, set()).add(gap.file)
        fields = [table.field(name) for name in gap.columns]
        notes.append(
            intake_finding(
                SKEMA_KOLOM,
                messages.siasn_gap(table, fields, [(r.id, r.title) for r in affected]),
                severity="info",
                table=gap.table,
                file=gap.file,
                row=gap.row,
                column=gap.columns[0],
            )
        )
    return skipped, notes


def offending_rows(
    con: duckdb.DuckDBPyConnection, findings: list[Finding], tables: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """The source rows findings point at, per table, in file/row order (set-based lookup)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        keys = sorted(
            {
                (f.file, f.row)
                for f in findings
                if f.table == table and f.file is not None and f.row is not None
            }
        )
        if not keys:
            continue
        rows_table(con, "_kunci", [("_file", "VARCHAR"), ("_row", "BIGINT")], keys)
        cursor = con.execute(
            f'SELECT t.* FROM "{table}" AS t JOIN _kunci AS k '
            "ON k._file = t._file AND k._row = t._row ORDER BY t._file, t._row"
        )
        names = [d[0] for d in cursor.description]
        out[table] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return out


def _instansi_of(con: duckdb.DuckDBPyConnection, findings: list[Finding]) -> dict[str, str]:
    """The instansi of each NIP named by an intake finding, from the employees' table."""
    nips = sorted({f.nip for f in findings if f.nip and not f.instansi})
    if not nips:
        return {}
    rows_table(con, "_nip_temuan", [("nip", "VARCHAR")], [(n,) for n in nips])
    rows = con.execute(
        "SELECT p.nip, MIN(p.instansi) FROM pegawai AS p JOIN _nip_temuan AS n "
        "ON n.nip = p.nip WHERE p.instansi IS NOT NULL GROUP BY p.nip"
    ).fetchall()
    return dict(rows)


def _for_intake(
    finding: Finding,
    clause: ClauseRef,
    instansi: dict[str, str],
    people: dict[str, Person],
) -> Finding:
    """An intake finding cites the data-submission clause and, where its NIP is known, the
    employee's instansi and OPD (so per-OPD counts include problems in training or
    evaluations)."""
    return replace(
        finding,
        clause=finding.clause or clause,
        instansi=finding.instansi or instansi.get(finding.nip or ""),
        opd=finding.opd or people.get(finding.nip or "", (None, None, None))[1],
    )
