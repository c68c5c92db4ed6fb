"""The access log: who signed in, uploaded, viewed or downloaded which report, and what an
admin did, when and from which address; append-only, in the service's database.

A BKD must be able to show an employee or an auditor who read their data (UU 27/2022). The log
names the submission and the action, never the report's content. SQLite triggers refuse to
change or delete an entry, so not even the service can rewrite what it recorded (the table is
created with the others: ``ACCESS_LOG_SCHEMA`` in :mod:`checker.serve.storage`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass

from checker.serve.storage import Storage, now, where

# what is recorded, and how the audit calls it
ACTIONS = {
    "masuk": "masuk dengan token",
    "masuk-gagal": "gagal masuk (token tidak dikenal atau dicabut)",
    "keluar": "keluar",
    "unggah": "mengunggah data",
    "lihat-daftar": "melihat daftar pengajuan",
    "lihat-pengajuan": "melihat laporan pengajuan",
    "lihat-temuan": "melihat temuan satu aturan",
    "unduh": "mengunduh laporan",
    "arsip": "mengunduh arsip data instansi",
    "hapus-pengajuan": "menghapus pengajuan (admin)",
    "moderasi": "memoderasi masukan konsultasi (admin)",
    "purge": "membersihkan data yang habis masa simpannya",
}
COLUMNS = ("seq", "at", "agency", "action", "target", "address", "detail")


@dataclass(frozen=True)
class Entry:
    """One recorded access."""

    seq: int
    at: str
    agency: str | None
    action: str
    target: str | None
    address: str | None
    detail: str | None


def record(
    storage: Storage,
    action: str,
    *,
    agency: str | None = None,
    target: str | None = None,
    address: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one entry (``action`` one of :data:`ACTIONS`)."""
    assert action in ACTIONS, action
    with storage.connect() as con:
        con.execute(
            "INSERT INTO access_log (at, agency, action, target, address, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (now(), agency, action, target, address, detail),
        )


def entries(
    storage: Storage,
    *,
    agency: str | None = None,
    since: str | None = None,
    target: str | None = None,
) -> list[Entry]:
    """Entries in the order they were made, optionally of one agency, from a date (``since``,
    TTTT-BB-HH, UTC) or about one submission (``target``)."""
    clause, args = where({"agency = ?": agency, "at >= ?": since, "target = ?": target})
    with storage.connect() as con:
        rows = con.execute(
            f"SELECT {', '.join(COLUMNS)} FROM access_log {clause} ORDER BY seq", args
        ).fetchall()
    return [Entry(*tuple(row)) for row in rows]


def to_csv(found: list[Entry]) -> str:
    """The entries as CSV (UTF-8, header first; text that a spreadsheet would take for a
    formula is quote-prefixed)."""
    from checker.report.tabular import neutralise

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in found:
        writer.writerow(
            [neutralise(str(v)) if isinstance(v, str) else v for v in asdict(entry).values()]
        )
    return out.getvalue()


def to_json(found: list[Entry]) -> str:
    """The entries as a JSON list."""
    return json.dumps([asdict(e) for e in found], ensure_ascii=False, indent=2) + "\n"


def log(
    request: object,
    action: str,
    *,
    agency: str | None = None,
    target: str | None = None,
    detail: str | None = None,
) -> None:
    """Record what a request did, from the address it came from."""
    from checker.serve.state import service

    client = getattr(request, "client", None)
    record(
        service(request).storage,  # type: ignore[arg-type]
        action,
        agency=agency,
        target=target,
        address=client.host if client else None,
        detail=detail,
    )
