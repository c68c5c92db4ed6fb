"""SQLite storage under the data dir: agencies, sessions, submissions and their files, and the
findings of finished reports (:mod:`checker.serve.findings`).

Every operation opens its own short connection (WAL mode, a busy timeout), so the web server's
threads, the check dispatcher and a ``kebijakan agency`` command in another process can all use
the same file. Submission files live in ``pengajuan/<id>/`` under names the server chose.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.serve.findings import SCHEMA as FINDINGS_SCHEMA

# the consultation's comments live in the same database (checker.serve.comments, which imports
# this module: its schema is written here so that one Storage creates every table)
COMMENTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS comments (
    id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    pasal TEXT NOT NULL,
    text TEXT NOT NULL,
    origin TEXT,
    name TEXT,
    show_name INTEGER NOT NULL DEFAULT 0,
    email TEXT,
    consented_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'diterbitkan', 'ditolak')),
    reason TEXT,
    moderated_at TEXT,
    moderated_by TEXT,
    contact_erased_at TEXT
);
CREATE INDEX IF NOT EXISTS comments_by_status ON comments (status, created_at);
"""

# the access log (checker.serve.audit): append-only, triggers refuse an update or a delete
ACCESS_LOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS access_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    agency TEXT,
    action TEXT NOT NULL,
    target TEXT,
    address TEXT,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS access_log_by_agency ON access_log (agency, at);
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'catatan akses tidak dapat diubah'); END;
CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'catatan akses tidak dapat dihapus'); END;
"""


SCHEMA = """
CREATE TABLE IF NOT EXISTS agencies (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    -- the perangkat daerah it reports for: codes of policy/opd.yml, space-separated
    opd TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
    id_hash TEXT PRIMARY KEY,
    agency TEXT NOT NULL REFERENCES agencies(code) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY,
    agency TEXT NOT NULL REFERENCES agencies(code),
    created_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    years TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    started_at TEXT,
    finished_at TEXT,
    error TEXT,
    tool_version TEXT NOT NULL,
    policy_version TEXT,
    policy_commit TEXT,
    summary TEXT,
    -- checks started for this submission: a check interrupted by a dying server is started
    -- again once, then the submission fails (:meth:`Storage.requeue_interrupted`)
    attempts INTEGER NOT NULL DEFAULT 0,
    -- when the uploaded files and the full report were removed (checker.serve.retention)
    uploads_purged_at TEXT,
    reports_purged_at TEXT
);
CREATE INDEX IF NOT EXISTS submissions_by_agency ON submissions (agency, created_at);
CREATE TABLE IF NOT EXISTS files (
    submission TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    parent INTEGER,
    name TEXT NOT NULL,
    stored TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    checked INTEGER NOT NULL,
    PRIMARY KEY (submission, position)
);
"""

DATABASE = "kebijakan.sqlite3"
STATUSES = ("queued", "running", "done", "failed")
# readable over the phone: no 0/o, 1/l/i
_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def now() -> str:
    """The current UTC time as ISO 8601 with seconds ("2026-06-30T01:15:00Z")."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def where(conditions: Mapping[str, object]) -> tuple[str, list[object]]:
    """The WHERE clause of the conditions whose value is given (``{"status = ?": "baru"}``)
    and its arguments; empty when none is."""
    chosen = [(sql, value) for sql, value in conditions.items() if value]
    clause = f"WHERE {' AND '.join(sql for sql, _ in chosen)}" if chosen else ""
    return clause, [value for _, value in chosen]


def new_submission_id() -> str:
    """A random, unguessable id of 10 characters (about 49 bits)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(10))


@dataclass(frozen=True)
class StoredFile:
    """One file of a submission: an upload, or an entry taken out of an uploaded ZIP.

    ``name`` is what the agency called it (shown, never used as a path); ``stored`` is the
    server-chosen path relative to the submission folder.
    """

    position: int
    name: str
    stored: str
    kind: str
    size: int
    sha256: str
    checked: bool
    parent: int | None = None


@dataclass(frozen=True)
class Submission:
    """One upload and what became of it."""

    id: str
    agency: str
    agency_name: str
    created_at: str
    as_of: str
    years: list[int]
    status: str
    tool_version: str
    started_at: str | None = None
    finished_at: str | None = None
    error: str | None = None
    policy_version: str | None = None
    policy_commit: str | None = None
    summary: dict[str, Any] = field(default_factory=dict)
    files: list[StoredFile] = field(default_factory=list)
    uploads_purged_at: str | None = None  # the files sent were removed (their period ended)
    reports_purged_at: str | None = None  # the full report was removed; its summary stays


# the data dir holds NIPs, names and birth dates (UU 27/2022): only the service's own user
# may enter it or read what is in it
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


class Storage:
    """The service's SQLite database and submission folders under ``data_dir``, readable by
    the service's user only (folders 0700, the database 0600)."""

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATABASE
        self.submissions_dir = self.data_dir / "pengajuan"
        self.submissions_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        for folder in (self.data_dir, self.submissions_dir):
            folder.chmod(PRIVATE_DIR)  # also when it existed before, or the umask widened it
        with self.connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(SCHEMA + FINDINGS_SCHEMA + COMMENTS_SCHEMA + ACCESS_LOG_SCHEMA)
            columns = {row["name"] for row in con.execute("PRAGMA table_info(submissions)")}
            if "attempts" not in columns:  # a data dir from before attempts were counted
                con.execute(
                    "ALTER TABLE submissions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"
                )
            bound = {row["name"] for row in con.execute("PRAGMA table_info(agencies)")}
            if "opd" not in bound:  # a data dir from before agencies were bound to an OPD
                con.execute("ALTER TABLE agencies ADD COLUMN opd TEXT")
            # when the uploaded files and the full report were removed (checker.serve.retention)
            for column in ("uploads_purged_at", "reports_purged_at"):
                if column not in columns:
                    con.execute(f"ALTER TABLE submissions ADD COLUMN {column} TEXT")
        self.path.chmod(PRIVATE_FILE)

    @classmethod
    def existing(cls, data_dir: str | Path) -> Storage:
        """The storage of a data dir the service already made; InputError naming the folder
        when it holds no service database (a command must not create one by mistake)."""
        from checker.errors import InputError

        if not (Path(data_dir) / DATABASE).is_file():
            raise InputError(f"bukan folder data layanan ({DATABASE} tidak ada)", Path(data_dir))
        return cls(data_dir)

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success, rolls back on error and is always closed."""
        con = sqlite3.connect(self.path, timeout=15)
        con.row_factory = sqlite3.Row
        try:
            con.execute("PRAGMA foreign_keys=ON")
            with con:
                yield con
        finally:
            con.close()

    def folder(self, submission_id: str) -> Path:
        """The folder holding a submission's files and report."""
        return self.submissions_dir / submission_id

    # -- submissions ------------------------------------------------------------------------

    def add_submission(self, sub: Submission) -> None:
        """Record a new submission and its files (status ``queued``)."""
        with self.connect() as con:
            con.execute(
                "INSERT INTO submissions (id, agency, created_at, as_of, years, status, "
                "tool_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    sub.id,
                    sub.agency,
                    sub.created_at,
                    sub.as_of,
                    json.dumps(sub.years),
                    sub.status,
                    sub.tool_version,
                ),
            )
            con.executemany(
                "INSERT INTO files (submission, position, parent, name, stored, kind, size, "
                "sha256, checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        sub.id,
                        f.position,
                        f.parent,
                        f.name,
                        f.stored,
                        f.kind,
                        f.size,
                        f.sha256,
                        int(f.checked),
                    )
                    for f in sub.files
                ],
            )

    def submission(self, submission_id: str) -> Submission | None:
        """One submission with its files, or None."""
        with self.connect() as con:
            row = con.execute(_SELECT + " WHERE s.id = ?", (submission_id,)).fetchone()
            if row is None:
                return None
            files = con.execute(
                "SELECT * FROM files WHERE submission = ? ORDER BY position", (submission_id,)
            ).fetchall()
        return _submission(row, files)

    def submissions(self, agency: str | None = None, limit: int = 100) -> list[Submission]:
        """The newest submissions first: one agency's, or everybody's when ``agency`` is None."""
        where, args = ("WHERE s.agency = ?", [agency]) if agency else ("", [])
        with self.connect() as con:
            rows = con.execute(
                f"{_SELECT} {where} ORDER BY s.created_at DESC, s.rowid DESC LIMIT ?",
                [*args, limit],
            ).fetchall()
        return [_submission(row, []) for row in rows]

    def with_status(self, *statuses: str) -> list[str]:
        """Ids of submissions in these states, oldest first."""
        marks = ", ".join("?" for _ in statuses)
        with self.connect() as con:
            rows = con.execute(
                f"SELECT id FROM submissions WHERE status IN ({marks}) ORDER BY created_at, rowid",
                statuses,
            ).fetchall()
        return [row["id"] for row in rows]

    def count(self, status: str) -> int:
        """How many submissions are in this state."""
        with self.connect() as con:
            row = con.execute(
                "SELECT COUNT(*) FROM submissions WHERE status = ?", (status,)
            ).fetchone()
        return int(row[0])

    def claim(self, submission_id: str) -> bool:
        """Mark a queued submission running and count the attempt; False when it is not queued
        (already claimed, finished or gone), so a check never starts twice."""
        with self.connect() as con:
            cursor = con.execute(
                "UPDATE submissions SET status = 'running', started_at = ?, "
                "attempts = attempts + 1 WHERE id = ? AND status = 'queued'",
                (now(), submission_id),
            )
        return cursor.rowcount == 1

    def release(self, submission_id: str) -> None:
        """Queue a running submission again without counting its attempt (the service is
        stopping, the check did nothing wrong)."""
        with self.connect() as con:
            con.execute(
                "UPDATE submissions SET status = 'queued', started_at = NULL, "
                "attempts = MAX(attempts - 1, 0) WHERE id = ? AND status = 'running'",
                (submission_id,),
            )

    def requeue_interrupted(self, max_attempts: int, error: str) -> list[str]:
        """At start: submissions a dead server left ``running`` are queued again, unless they
        were started ``max_attempts`` times already; those fail with ``error``. The ids of the
        failed ones."""
        with self.connect() as con:
            failed = [
                row["id"]
                for row in con.execute(
                    "SELECT id FROM submissions WHERE status = 'running' AND attempts >= ?",
                    (max_attempts,),
                )
            ]
            con.execute(
                "UPDATE submissions SET status = 'failed', finished_at = ?, error = ? "
                "WHERE status = 'running' AND attempts >= ?",
                (now(), error, max_attempts),
            )
            con.execute(
                "UPDATE submissions SET status = 'queued', started_at = NULL "
                "WHERE status = 'running'"
            )
        return failed

    def attempts(self, submission_id: str) -> int:
        """How many times a check of this submission has started."""
        with self.connect() as con:
            row = con.execute(
                "SELECT attempts FROM submissions WHERE id = ?", (submission_id,)
            ).fetchone()
        return int(row["attempts"]) if row else 0

    def finish(
        self,
        submission_id: str,
        *,
        error: str | None,
        policy_version: str | None,
        policy_commit: str | None,
        summary: dict[str, Any],
    ) -> None:
        """The check has ended: ``done`` with a summary, or ``failed`` with an error."""
        with self.connect() as con:
            con.execute(
                "UPDATE submissions SET status = ?, finished_at = ?, error = ?, "
                "policy_version = ?, policy_commit = ?, summary = ? WHERE id = ?",
                (
                    "failed" if error else "done",
                    now(),
                    error,
                    policy_version,
                    policy_commit,
                    json.dumps(summary, ensure_ascii=False),
                    submission_id,
                ),
            )

    def latest_done(self, per_date: bool = False) -> list[Submission]:
        """The newest finished submission of every agency (or of every agency and reference
        date with ``per_date``), sorted by agency code and date."""
        key = "s.agency, s.as_of" if per_date else "s.agency"
        with self.connect() as con:
            rows = con.execute(
                f"{_SELECT} WHERE s.rowid IN (SELECT rowid FROM (SELECT rowid, ROW_NUMBER() "
                f"OVER (PARTITION BY {key.replace('s.', '')} ORDER BY created_at DESC, "
                "rowid DESC) AS n FROM submissions WHERE status = 'done') WHERE n = 1) "
                "ORDER BY s.agency, s.as_of"
            ).fetchall()
        return [_submission(row, []) for row in rows]


_SELECT = (
    "SELECT s.*, a.name AS agency_name FROM submissions AS s "
    "JOIN agencies AS a ON a.code = s.agency"
)


def _submission(row: sqlite3.Row, files: list[sqlite3.Row]) -> Submission:
    return Submission(
        id=row["id"],
        agency=row["agency"],
        agency_name=row["agency_name"],
        created_at=row["created_at"],
        as_of=row["as_of"],
        years=json.loads(row["years"]),
        status=row["status"],
        tool_version=row["tool_version"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        error=row["error"],
        policy_version=row["policy_version"],
        policy_commit=row["policy_commit"],
        summary=json.loads(row["summary"]) if row["summary"] else {},
        uploads_purged_at=row["uploads_purged_at"],
        reports_purged_at=row["reports_purged_at"],
        files=[
            StoredFile(
                position=f["position"],
                name=f["name"],
                stored=f["stored"],
                kind=f["kind"],
                size=f["size"],
                sha256=f["sha256"],
                checked=bool(f["checked"]),
                parent=f["parent"],
            )
            for f in files
        ],
    )
