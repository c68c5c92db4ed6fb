"""Public consultation through the service: anyone comments on a Pasal of the draft the service
was started with, while the window in ``peraturan.yml`` is open; BKD (an admin token) publishes
or rejects each comment with a reason.

Routes:

- ``GET /konsultasi``: the Pasal of the draft, each with a form (anchor ``#<pasal-id>``);
  ``POST /konsultasi`` takes that form and answers with a page;
- ``POST /api/v1/konsultasi``: the same as JSON or a form, 201 with the comment's id;
- ``GET /api/v1/konsultasi?status=baru`` and ``POST /api/v1/konsultasi/{id}`` (admin): moderation;
- ``GET /konsultasi/moderasi`` and ``POST /konsultasi/moderasi/{id}`` (signed-in admin): the same
  on a page.

Abuse is met with a per-address limit (:class:`RateLimiter`), a hidden field a person leaves
empty (``situs``), and size limits; a comment is stored as text and escaped wherever shown.
Consent to the processing of personal data (UU 27/2022) is required; the email is never shown
or exported, the name only where its author agreed.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections import deque
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from checker.dispensasi.model import jakarta_today
from checker.konsultasi.model import ASAL, MAX_EMAIL, MAX_NAME, MAX_REASON, MAX_TEXT, Draft
from checker.serve import audit
from checker.serve import comments as store
from checker.serve.access import Session, same_secret
from checker.serve.api import bearer
from checker.serve.pages import CSRF_FAILED, check_origin, page, require_session
from checker.serve.settings import Settings
from checker.serve.state import service
from checker.wording import tanggal

MODERATED = ("diterbitkan", "ditolak")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
_ID = re.compile(r"^[a-z0-9]{10}$")
YES = ("1", "true", "ya", "on", "yes")


class CommentRejected(Exception):
    """A comment that cannot be accepted: the HTTP status and the Indonesian reason."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, dict(headers or {})


class RateLimiter:
    """At most ``limit`` attempts per address in ``seconds`` (a sliding window, in memory:
    a restart forgets it, which costs an abuser nothing they could not get by waiting)."""

    def __init__(self, limit: int, seconds: int) -> None:
        self.limit, self.seconds = limit, seconds
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, address: str) -> int:
        """Record an attempt; 0 when allowed, else the seconds until the next one is."""
        clock = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(address, deque())
            while seen and clock - seen[0] >= self.seconds:
                seen.popleft()
            if len(seen) >= self.limit:
                return max(1, int(self.seconds - (clock - seen[0])) + 1)
            seen.append(clock)
            if len(self._seen) > 10_000:  # forget the quiet addresses
                for key in [k for k, v in self._seen.items() if not v]:
                    del self._seen[key]
            return 0


class CommentIn(BaseModel):
    """A comment on one Pasal of the draft under consultation."""

    pasal: str = Field(description="Id klausul Pasal (anchor pada halaman /konsultasi).")
    isi: str = Field(description=f"Isi masukan, paling banyak {MAX_TEXT} karakter.")
    persetujuan: bool = Field(
        description="Persetujuan pemrosesan data pribadi (UU 27/2022); wajib true."
    )
    nama: str | None = Field(None, description="Nama pemberi masukan (opsional).")
    tampilkan_nama: bool = Field(False, description="Setuju namanya ditampilkan bersama masukan.")
    asal: str | None = Field(None, description=f"Salah satu: {', '.join(ASAL)}.")
    email: str | None = Field(None, description="Surel untuk dihubungi BKD; tidak pernah dimuat.")


class CommentOut(BaseModel):
    """A comment as moderators see it (never the email)."""

    id: str
    versi: str
    pasal: str
    pasal_label: str | None
    isi: str
    asal: str | None
    nama: str | None
    tampilkan_nama: bool
    dibuat: str
    status: str
    alasan: str | None
    dimoderasi: str | None
    moderator: str | None


class ModerationIn(BaseModel):
    """A moderator's decision on one comment."""

    status: str = Field(description="diterbitkan atau ditolak.")
    alasan: str | None = Field(None, description="Alasan; wajib bila ditolak.")


def _window_text(draft: Draft) -> str:
    assert draft.window is not None
    return f"{tanggal(draft.window.buka)} sampai dengan {tanggal(draft.window.tutup)}"


def closed_reason(draft: Draft | None, day: dt.date) -> str | None:
    """Why comments cannot be given on ``day``, or None while the window is open."""
    if draft is None:
        return "Layanan ini tidak sedang membuka konsultasi publik atas rancangan peraturan."
    state = draft.state(day)
    if state == "terbuka":
        return None
    if state == "belum":
        return f"Masa konsultasi publik belum dibuka; masukan diterima {_window_text(draft)}."
    if state == "ditutup":
        return (
            f"Masa konsultasi publik sudah ditutup; masukan diterima {_window_text(draft)}. "
            "Masukan yang diterima beserta tanggapannya dimuat di situs kebijakan."
        )
    return "Versi peraturan ini tidak sedang dikonsultasikan kepada publik."


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\x00", "").strip()
    return text or None


def _yes(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in YES


def accept(request: Request, data: Mapping[str, Any]) -> store.Comment:
    """Check and store one comment given as ``data`` (JSON or form fields); raises
    :class:`CommentRejected` with the status and reason."""
    svc = service(request)
    draft: Draft | None = request.app.state.draft
    address = request.client.host if request.client else "?"
    wait = request.app.state.limiter.wait(address)
    if wait:
        raise CommentRejected(
            429,
            f"Terlalu banyak masukan dari alamat ini dalam waktu singkat. Coba lagi {wait} detik "
            "lagi.",
            {"Retry-After": str(wait)},
        )
    if _text(data.get("situs")):  # the hidden field a person never fills in
        raise CommentRejected(400, "Masukan ditolak karena terkirim sebagai kiriman otomatis.")
    closed = closed_reason(draft, jakarta_today())
    if closed:
        raise CommentRejected(403, closed)
    assert draft is not None
    pasal_id = _text(data.get("pasal")) or ""
    pasal = draft.find(pasal_id)
    if pasal is None:
        raise CommentRejected(
            404 if pasal_id else 422,
            f"Pasal dengan id {pasal_id!r} tidak ada dalam rancangan versi {draft.version}. "
            "Pilih Pasal dari halaman /konsultasi."
            if pasal_id
            else "Pilih Pasal yang diberi masukan (isian pasal).",
        )
    text = _text(data.get("isi"))
    if text is None:
        raise CommentRejected(422, "Isi masukan masih kosong.")
    if len(text) > MAX_TEXT:
        raise CommentRejected(
            413,
            f"Masukan terlalu panjang: {len(text):,} karakter, paling banyak {MAX_TEXT:,}. "
            "Ringkas masukan atau bagi menjadi beberapa masukan.".replace(",", "."),
        )
    if not _yes(data.get("persetujuan")):
        raise CommentRejected(
            422,
            "Masukan hanya dapat diterima dengan persetujuan pemrosesan data pribadi "
            "(Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi). Centang "
            "persetujuan, lalu kirim lagi.",
        )
    name = _text(data.get("nama"))
    if name is not None and len(name) > MAX_NAME:
        raise CommentRejected(422, f"Nama terlalu panjang: paling banyak {MAX_NAME} karakter.")
    origin = _text(data.get("asal"))
    if origin is not None and origin not in ASAL:
        raise CommentRejected(422, f"Asal {origin!r} tidak dikenal; pilih {', '.join(ASAL)}.")
    email = _text(data.get("email"))
    if email is not None and (len(email) > MAX_EMAIL or not _EMAIL.match(email)):
        raise CommentRejected(422, "Alamat surel tidak sah; kosongkan bila tidak ingin dihubungi.")
    return store.add_comment(
        svc.storage,
        version=draft.version,
        pasal=pasal.id,
        text=text,
        origin=origin,
        name=name,
        show_name=bool(name) and _yes(data.get("tampilkan_nama")),
        email=email,
    )


def comment_out(comment: store.Comment, draft: Draft | None) -> CommentOut:
    """The API form of a comment."""
    pasal = draft.find(comment.pasal) if draft and draft.version == comment.version else None
    return CommentOut(
        id=comment.id,
        versi=comment.version,
        pasal=comment.pasal,
        pasal_label=pasal.label if pasal else None,
        isi=comment.text,
        asal=comment.origin,
        nama=comment.name,
        tampilkan_nama=comment.show_name,
        dibuat=comment.created_at,
        status=comment.status,
        alasan=comment.reason,
        dimoderasi=comment.moderated_at,
        moderator=comment.moderated_by,
    )


def decide(
    request: Request, comment_id: str, status: str, reason: str | None, by: str
) -> store.Comment:
    """Apply a moderator's decision; 404 for an unknown id, 422 for a bad one."""
    if status not in MODERATED:
        raise HTTPException(
            422, f"Status {status!r} tidak dikenal; pilih diterbitkan atau ditolak."
        )
    reason = _text(reason)
    if status == "ditolak" and not reason:
        raise HTTPException(422, "Tuliskan alasan penolakan; pemberi masukan berhak mengetahuinya.")
    if reason and len(reason) > MAX_REASON:
        raise HTTPException(422, f"Alasan terlalu panjang: paling banyak {MAX_REASON} karakter.")
    found = (
        store.moderate(service(request).storage, comment_id, status, reason, by)
        if _ID.match(comment_id)
        else None
    )
    if found is None:
        raise HTTPException(404, "Masukan tidak ditemukan.")
    return found


def _admin_page(request: Request) -> Session:
    session = require_session(request)
    if not session.agency.is_admin:
        raise HTTPException(403, "Halaman moderasi hanya untuk BKD.")
    return session


def router(settings: Settings) -> APIRouter:
    """The consultation's pages and API."""
    routes = APIRouter()

    @routes.post(
        "/api/v1/konsultasi",
        status_code=201,
        tags=["konsultasi"],
        summary="Kirim masukan atas satu Pasal rancangan",
        max_body_size=settings.max_form_bytes,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": CommentIn.model_json_schema()},
                    "application/x-www-form-urlencoded": {"schema": CommentIn.model_json_schema()},
                },
            }
        },
    )
    async def post_comment(request: Request) -> Response:
        data = await _body(request)
        try:
            found = await run_in_threadpool(accept, request, data)
        except CommentRejected as exc:
            return JSONResponse({"detail": exc.message}, exc.status, headers=exc.headers)
        return JSONResponse(
            {
                "id": found.id,
                "status": found.status,
                "pasal": found.pasal,
                "versi": found.version,
                "pesan": "Terima kasih. Masukan diterima dan akan diperiksa sebelum dimuat.",
            },
            201,
        )

    @routes.get(
        "/api/v1/konsultasi",
        tags=["konsultasi"],
        summary="Daftar masukan untuk moderasi (token BKD)",
    )
    def list_comments(request: Request, status: str | None = None) -> list[CommentOut]:
        agency = bearer(request)
        if not agency.is_admin:
            raise HTTPException(403, "Moderasi masukan hanya untuk token BKD.")
        if status is not None and status not in ("baru", *MODERATED):
            raise HTTPException(422, "Status dipilih dari: baru, diterbitkan, ditolak.")
        draft = request.app.state.draft
        return [
            comment_out(c, draft) for c in store.comments(service(request).storage, status=status)
        ]

    @routes.post(
        "/api/v1/konsultasi/{comment_id}",
        tags=["konsultasi"],
        summary="Terbitkan atau tolak satu masukan (token BKD)",
    )
    def moderate_comment(request: Request, comment_id: str, body: ModerationIn) -> CommentOut:
        agency = bearer(request)
        if not agency.is_admin:
            raise HTTPException(403, "Moderasi masukan hanya untuk token BKD.")
        found = decide(request, comment_id, body.status, body.alasan, agency.code)
        audit.log(request, "moderasi", agency=agency.code, target=found.id, detail=found.status)
        return comment_out(found, request.app.state.draft)

    @routes.get("/konsultasi", include_in_schema=False)
    def consultation_page(request: Request) -> Response:
        return _consultation(request)

    @routes.post("/konsultasi", include_in_schema=False, max_body_size=settings.max_form_bytes)
    async def consultation_form(request: Request) -> Response:
        check_origin(request)
        data = dict(await request.form())
        try:
            found = await run_in_threadpool(accept, request, data)
        except CommentRejected as exc:
            return _consultation(request, status=exc.status, error=exc.message, given=data)
        return page(
            request,
            "konsultasi_terima.html",
            status=201,
            title="Masukan diterima",
            comment=found,
            pasal=request.app.state.draft.find(found.pasal),
            publik=True,
        )

    @routes.get("/konsultasi/moderasi", include_in_schema=False)
    def moderation_page(request: Request, status: str = "baru") -> Response:
        session = _admin_page(request)
        status = status if status in ("baru", *MODERATED) else "baru"
        draft = request.app.state.draft
        found = store.comments(service(request).storage, status=status)
        return page(
            request,
            "konsultasi_moderasi.html",
            title="Moderasi masukan",
            session=session,
            dipilih=status,
            comments=[(c, draft.find(c.pasal) if draft else None) for c in found],
        )

    @routes.post(
        "/konsultasi/moderasi/{comment_id}",
        include_in_schema=False,
        max_body_size=settings.max_form_bytes,
    )
    async def moderation_form(request: Request, comment_id: str) -> Response:
        check_origin(request)
        session = _admin_page(request)
        form = await request.form()
        if not same_secret(str(form.get("csrf") or ""), session.csrf):
            raise HTTPException(403, CSRF_FAILED)
        found = decide(
            request,
            comment_id,
            str(form.get("status") or ""),
            str(form.get("alasan") or ""),
            session.agency.code,
        )
        audit.log(
            request, "moderasi", agency=session.agency.code, target=found.id, detail=found.status
        )
        back = str(form.get("kembali") or "baru")
        return RedirectResponse(
            f"/konsultasi/moderasi?status={back if back in ('baru', *MODERATED) else 'baru'}", 303
        )

    return routes


async def _body(request: Request) -> dict[str, Any]:
    """The fields of a JSON or form request (422 for anything else)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            data = await request.json()
        except ValueError:
            raise HTTPException(400, "Isi permintaan bukan JSON yang sah.") from None
        if not isinstance(data, dict):
            raise HTTPException(422, "Kirim satu objek JSON dengan isian pasal, isi, persetujuan.")
        return data
    if kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    raise HTTPException(415, "Kirim masukan sebagai JSON atau formulir.")


def _consultation(
    request: Request,
    *,
    status: int = 200,
    error: str | None = None,
    given: Mapping[str, Any] | None = None,
) -> HTMLResponse:
    draft: Draft | None = request.app.state.draft
    return page(
        request,
        "konsultasi.html",
        status=status,
        title="Konsultasi publik",
        draft=draft,
        closed=closed_reason(draft, jakarta_today()),
        window=_window_text(draft) if draft and draft.window else None,
        asal=ASAL,
        max_text=MAX_TEXT,
        error=error,
        given=given or {},
        publik=True,
    )
