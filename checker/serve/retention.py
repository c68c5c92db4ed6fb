"""How long the service keeps personal data, and the purge that ends it.

Three kinds of record carry personal data, each with its own period (days since it was
received): the uploaded files, the full reports (``laporan.json``/``laporan.xlsx`` and the
findings stored for the report pages), and the contact data of consultation comments. The
Pergub caps all of them (``data.masa_simpan_data_pribadi``, clause ``masa-simpan-data-pribadi``):
a longer setting is refused before the service starts. What the dashboards and the submission
pages need afterwards stays: the submission's record, its summary and its per-rule counts,
none of which names an employee.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.errors import UsageError
from checker.serve import audit
from checker.serve.comments import purge_contacts
from checker.serve.runner import REPORT_JSON, REPORT_XLSX
from checker.serve.storage import Storage, now

if TYPE_CHECKING:
    from checker.policy.model import Peraturan

PARAMETER = "data.masa_simpan_data_pribadi"
REPORTS = (REPORT_JSON, REPORT_XLSX)
# what stays of a purged report for the dashboard's history: every finding without personal
# data (see :func:`anonymised`)
SUMMARY_JSON = "ringkasan.json"


@dataclass(frozen=True)
class Retention:
    """Days each kind of record is kept (the defaults are the Panduan's)."""

    uploads_days: int = 90
    reports_days: int = 365
    contacts_days: int = 180

    def check(self, max_years: float | None) -> None:
        """Refuse a period longer than the Pergub allows (``max_years``, None: no cap)."""
        if max_years is None:
            return
        limit = round(max_years * 365.25)
        long = {
            "berkas unggahan": self.uploads_days,
            "laporan lengkap": self.reports_days,
            "kontak pemberi masukan": self.contacts_days,
        }
        over = [f"{name} {days} hari" for name, days in long.items() if days > limit]
        if over:
            raise UsageError(
                f"masa simpan melebihi batas Peraturan Gubernur ({PARAMETER}: {max_years:g} "
                f"tahun, {limit} hari): {', '.join(over)}; pilih paling lama {limit} hari"
            )


def pergub_limit(peraturan: Peraturan, day: dt.date) -> float | None:
    """The Pergub's cap in years on ``day``, or None when the version sets none."""
    parameter = peraturan.parameters.get(PARAMETER)
    dated = parameter.value_at(day) if parameter is not None else None
    number = dated.value if dated is not None else None
    return float(number) if isinstance(number, int | float) else None


@dataclass
class Purged:
    """What one purge removed (or, dry, would remove)."""

    uploads: list[str] = field(default_factory=list)  # submission ids
    reports: list[str] = field(default_factory=list)
    comments: int = 0

    def text(self) -> str:
        """One Indonesian line for the log and the command line."""
        return (
            f"berkas unggahan {len(self.uploads)} pengajuan, laporan lengkap "
            f"{len(self.reports)} pengajuan, kontak {self.comments} masukan"
        )


# finding keys that may hold personal data: who (NIP), where in the agency's file, the values
# found and asked for (a birth date, a name), and the message that says it in words
_PERSONAL = ("file", "row", "column", "expected", "actual", "expected_since")


def anonymised(report: dict[str, Any]) -> dict[str, Any]:
    """A report the dashboard can still count from, with no personal data: each NIP replaced
    by a number that holds within this report only (so employees with an error can still be
    counted per OPD) and is recorded nowhere, each message by its rule's title, and the places
    and values of the findings dropped; the inputs' file names dropped too."""
    numbers: dict[str, str] = {}
    titles = report.get("rules", {})
    findings = []
    for finding in report.get("findings", []):
        item = dict(finding)
        nip = item.get("nip")
        if nip:
            item["nip"] = numbers.setdefault(nip, f"pegawai-{len(numbers) + 1}")
        item["message"] = titles.get(item.get("rule"), "") or str(item.get("rule", ""))
        for key in _PERSONAL:
            if key in item:
                item[key] = None
        findings.append(item)
    out = dict(report, findings=findings)
    out["inputs"] = [dict(i, path="", sha256="") for i in report.get("inputs", [])]
    return out


def _due(storage: Storage, column: str, days: int, day: dt.date) -> list[str]:
    cutoff = (day - dt.timedelta(days=days)).isoformat()
    with storage.connect() as con:
        rows = con.execute(
            f"SELECT id FROM submissions WHERE status IN ('done', 'failed') "
            f"AND {column} IS NULL AND substr(created_at, 1, 10) < ? ORDER BY id",
            (cutoff,),
        ).fetchall()
    return [row[0] for row in rows]


def purge(
    storage: Storage, retention: Retention, *, today: dt.date | None = None, dry_run: bool = False
) -> Purged:
    """Remove what has outlived its period; with ``dry_run`` only say what that would be."""
    day = today or dt.datetime.now(dt.UTC).date()
    found = Purged(
        uploads=_due(storage, "uploads_purged_at", retention.uploads_days, day),
        reports=_due(storage, "reports_purged_at", retention.reports_days, day),
    )
    if dry_run:
        cutoff = (day - dt.timedelta(days=retention.contacts_days)).isoformat()
        with storage.connect() as con:
            (found.comments,) = con.execute(
                "SELECT count(*) FROM comments WHERE substr(created_at, 1, 10) < ? "
                "AND (contact_erased_at IS NULL AND status <> 'ditolak' OR status = 'ditolak')",
                (cutoff,),
            ).fetchone()
        return found
    stamp = now()
    for sub in found.uploads:
        folder = storage.folder(sub)
        for item in folder.iterdir() if folder.is_dir() else []:
            if item.name in REPORTS:
                continue
            if item.is_dir() and not item.is_symlink():
                shutil.rmtree(item)
            else:
                item.unlink(missing_ok=True)
        with storage.connect() as con:
            con.execute("UPDATE submissions SET uploads_purged_at = ? WHERE id = ?", (stamp, sub))
    for sub in found.reports:
        report = storage.folder(sub) / REPORT_JSON
        if report.is_file():
            kept = anonymised(json.loads(report.read_text(encoding="utf-8")))
            (storage.folder(sub) / SUMMARY_JSON).write_text(
                json.dumps(kept, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        for name in REPORTS:
            (storage.folder(sub) / name).unlink(missing_ok=True)
        with storage.connect() as con:
            con.execute("DELETE FROM findings WHERE submission = ?", (sub,))
            con.execute("UPDATE submissions SET reports_purged_at = ? WHERE id = ?", (stamp, sub))
    found.comments = purge_contacts(storage, retention.contacts_days, today=day)
    if found.uploads or found.reports or found.comments:
        audit.record(storage, "purge", detail=found.text())
    return found
