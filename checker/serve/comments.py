"""Consultation comments in the service's database: taken in, moderated, read for export, and
their contact data erased when it is no longer needed.

A comment keeps what its author gave: the text, an optional name (shown only when the author
agreed, ``show_name``), an optional origin (asal) and an optional email, which is never
published, exported or shown on any page; it lets BKD answer the author directly until the
retention period ends (:func:`purge_contacts`). The table is created with the others
(``COMMENTS_SCHEMA`` in :mod:`checker.serve.storage`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from checker.serve.storage import Storage, new_submission_id, now, where


@dataclass(frozen=True)
class Comment:
    """One comment as the service reads it: without the email, which never leaves the
    database."""

    id: str
    version: str
    pasal: str
    text: str
    origin: str | None
    name: str | None
    show_name: bool
    created_at: str
    status: str
    reason: str | None = None
    moderated_at: str | None = None
    moderated_by: str | None = None

    @property
    def public_name(self) -> str | None:
        """The name as it may be published: only with its author's consent."""
        return self.name if self.show_name and self.name else None

    @property
    def day(self) -> str:
        """The date the comment was given (UTC date of ``created_at``)."""
        return self.created_at[:10]


def _comment(row: sqlite3.Row) -> Comment:
    return Comment(
        id=row["id"],
        version=row["version"],
        pasal=row["pasal"],
        text=row["text"],
        origin=row["origin"],
        name=row["name"],
        show_name=bool(row["show_name"]),
        created_at=row["created_at"],
        status=row["status"],
        reason=row["reason"],
        moderated_at=row["moderated_at"],
        moderated_by=row["moderated_by"],
    )


_COLUMNS = (
    "id, version, pasal, text, origin, name, show_name, created_at, status, reason, "
    "moderated_at, moderated_by"
)


def add_comment(
    storage: Storage,
    *,
    version: str,
    pasal: str,
    text: str,
    origin: str | None,
    name: str | None,
    show_name: bool,
    email: str | None,
) -> Comment:
    """Store a new comment (status ``baru``) given with consent now; its id is returned in the
    Comment."""
    stamp = now()
    comment_id = new_submission_id()
    with storage.connect() as con:
        con.execute(
            "INSERT INTO comments (id, version, pasal, text, origin, name, show_name, email, "
            "consented_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (comment_id, version, pasal, text, origin, name, int(show_name), email, stamp, stamp),
        )
    found = comment(storage, comment_id)
    assert found is not None
    return found


def comment(storage: Storage, comment_id: str) -> Comment | None:
    """One comment by id."""
    with storage.connect() as con:
        row = con.execute(f"SELECT {_COLUMNS} FROM comments WHERE id = ?", (comment_id,)).fetchone()
    return _comment(row) if row else None


def comments(
    storage: Storage, *, status: str | None = None, version: str | None = None
) -> list[Comment]:
    """Comments, oldest first, optionally of one status and one version."""
    clause, args = where({"status = ?": status, "version = ?": version})
    with storage.connect() as con:
        rows = con.execute(
            f"SELECT {_COLUMNS} FROM comments {clause} ORDER BY created_at, id", args
        ).fetchall()
    return [_comment(r) for r in rows]


def moderate(
    storage: Storage, comment_id: str, status: str, reason: str | None, by: str
) -> Comment | None:
    """Publish or reject a comment (again, if a moderator changes their mind); None when no
    comment has that id."""
    with storage.connect() as con:
        done = con.execute(
            "UPDATE comments SET status = ?, reason = ?, moderated_at = ?, moderated_by = ? "
            "WHERE id = ?",
            (status, reason, now(), by, comment_id),
        )
    return comment(storage, comment_id) if done.rowcount else None


def purge_contacts(storage: Storage, days: int, today: dt.date | None = None) -> int:
    """Erase the email, and the name its author did not want shown, of comments older than
    ``days``; delete rejected comments older than that altogether. Returns how many comments
    were touched."""
    day = today or dt.datetime.now(dt.UTC).date()
    cutoff = (day - dt.timedelta(days=days)).isoformat()
    with storage.connect() as con:
        erased = con.execute(
            "UPDATE comments SET email = NULL, name = CASE WHEN show_name = 1 THEN name END, "
            "contact_erased_at = ? WHERE substr(created_at, 1, 10) < ? "
            "AND contact_erased_at IS NULL AND status <> 'ditolak'",
            (now(), cutoff),
        ).rowcount
        deleted = con.execute(
            "DELETE FROM comments WHERE status = 'ditolak' AND substr(created_at, 1, 10) < ?",
            (cutoff,),
        ).rowcount
    return erased + deleted
