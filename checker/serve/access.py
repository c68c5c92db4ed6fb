"""Who may use the service: agencies with tokens, browser sessions, CSRF secrets.

A token is shown once, when it is made, and stored only as its SHA-256: it carries 256 random
bits, so a fast hash is enough and a leaked database gives nobody a way in. Sessions are stored
the same way; the cookie holds the only copy of the session secret.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import sqlite3
import unicodedata
from dataclasses import dataclass

from checker.errors import UsageError
from checker.serve.storage import Storage, now

TOKEN_PREFIX = "kbj_"
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")


@dataclass(frozen=True)
class Agency:
    """An agency (OPD or kabupaten/kota) that sends data; ``is_admin`` for BKD, which sees all."""

    code: str
    name: str
    is_admin: bool
    created_at: str
    revoked_at: str | None = None
    # the perangkat daerah (codes of policy/opd.yml) it reports for; empty: not bound (BKD, or
    # an agency registered before binding), whose uploads are not restricted
    opd: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """False once the token has been revoked."""
        return self.revoked_at is None


@dataclass(frozen=True)
class Session:
    """A signed-in browser: its agency and the CSRF secret its forms must carry."""

    agency: Agency
    csrf: str
    expires_at: str


def hash_secret(secret: str) -> str:
    """The SHA-256 of a token or session secret, as hex."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_secret(given: str | None, expected: str) -> bool:
    """Compare secrets in constant time; a missing value never matches."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def new_token() -> str:
    """A fresh agency token: ``kbj_`` and 43 URL-safe characters."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def normalize_code(code: str) -> str:
    """``dinkes`` → ``DINKES``; raise UsageError for a code that cannot be one."""
    value = code.strip().upper()
    if not _CODE.match(value):
        raise UsageError(
            f"kode instansi {code!r} tidak sah: pakai huruf, angka dan tanda "
            "hubung saja (paling panjang 32), misalnya DINKES atau KAB-MUKOMUKO"
        )
    return value


def _clean_name(name: str) -> str:
    value = " ".join(name.split())
    if not value or len(value) > 200 or any(unicodedata.category(c) == "Cc" for c in value):
        raise UsageError("nama instansi harus diisi (paling panjang 200 karakter)")
    return value


def _agency(row: sqlite3.Row) -> Agency:
    return Agency(
        row["code"],
        row["name"],
        bool(row["is_admin"]),
        row["created_at"],
        row["revoked_at"],
        tuple((row["opd"] or "").split()),
    )


def add_agency(
    storage: Storage, code: str, name: str, *, admin: bool = False, opd: tuple[str, ...] = ()
) -> tuple[Agency, str]:
    """Register an agency bound to the perangkat daerah ``opd`` (codes, already resolved);
    return it with its token (the only time the token exists in clear)."""
    code, name = normalize_code(code), _clean_name(name)
    if admin and opd:
        raise UsageError("token admin BKD mencakup semua perangkat daerah; jangan sebut --opd")
    token = new_token()
    with storage.connect() as con:
        if con.execute("SELECT 1 FROM agencies WHERE code = ?", (code,)).fetchone():
            raise UsageError(
                f"instansi {code} sudah terdaftar; untuk token baru jalankan "
                f"`kebijakan agency token {code}`"
            )
        con.execute(
            "INSERT INTO agencies (code, name, token_hash, is_admin, created_at, opd) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (code, name, hash_secret(token), int(admin), now(), " ".join(sorted(set(opd)))),
        )
    return get_agency(storage, code), token


def get_agency(storage: Storage, code: str) -> Agency:
    """One agency; UsageError when the code is unknown."""
    code = normalize_code(code)
    with storage.connect() as con:
        row = con.execute("SELECT * FROM agencies WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise UsageError(f"instansi {code} belum terdaftar; lihat `kebijakan agency list`")
    return _agency(row)


def list_agencies(storage: Storage) -> list[Agency]:
    """Every agency, by code, revoked ones included."""
    with storage.connect() as con:
        rows = con.execute("SELECT * FROM agencies ORDER BY code").fetchall()
    return [_agency(row) for row in rows]


def rotate_token(storage: Storage, code: str) -> str:
    """Give an agency a new token (which also lifts a revocation); the old one stops working
    and its browser sessions end."""
    agency = get_agency(storage, code)
    token = new_token()
    with storage.connect() as con:
        con.execute(
            "UPDATE agencies SET token_hash = ?, revoked_at = NULL WHERE code = ?",
            (hash_secret(token), agency.code),
        )
        con.execute("DELETE FROM sessions WHERE agency = ?", (agency.code,))
    return token


def revoke_agency(storage: Storage, code: str) -> Agency:
    """Stop an agency's token at once: API calls answer 401 and its browser sessions end.
    Its submissions are kept."""
    agency = get_agency(storage, code)
    with storage.connect() as con:
        con.execute(
            "UPDATE agencies SET revoked_at = COALESCE(revoked_at, ?) WHERE code = ?",
            (now(), agency.code),
        )
        con.execute("DELETE FROM sessions WHERE agency = ?", (agency.code,))
    return get_agency(storage, code)


def agency_for_token(storage: Storage, token: str | None) -> Agency | None:
    """The active agency holding this token, or None."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with storage.connect() as con:
        row = con.execute(
            "SELECT * FROM agencies WHERE token_hash = ? AND revoked_at IS NULL",
            (hash_secret(token),),
        ).fetchone()
    return _agency(row) if row else None


def start_session(storage: Storage, agency: Agency, hours: int) -> tuple[str, Session]:
    """A new browser session: the cookie value (kept only by the browser) and the session."""
    secret = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with storage.connect() as con:
        con.execute("DELETE FROM sessions WHERE expires_at < ?", (now(),))
        con.execute(
            "INSERT INTO sessions (id_hash, agency, csrf, expires_at) VALUES (?, ?, ?, ?)",
            (hash_secret(secret), agency.code, csrf, expires),
        )
    return secret, Session(agency, csrf, expires)


def session_for(storage: Storage, secret: str | None) -> Session | None:
    """The live session behind a cookie value: not expired, agency not revoked."""
    if not secret or len(secret) > 200:
        return None
    with storage.connect() as con:
        row = con.execute(
            "SELECT s.csrf, s.expires_at, a.* FROM sessions AS s JOIN agencies AS a "
            "ON a.code = s.agency WHERE s.id_hash = ? AND s.expires_at > ? "
            "AND a.revoked_at IS NULL",
            (hash_secret(secret), now()),
        ).fetchone()
    return Session(_agency(row), row["csrf"], row["expires_at"]) if row else None


def end_session(storage: Storage, secret: str | None) -> None:
    """Sign out: forget the session."""
    if secret:
        with storage.connect() as con:
            con.execute("DELETE FROM sessions WHERE id_hash = ?", (hash_secret(secret),))
