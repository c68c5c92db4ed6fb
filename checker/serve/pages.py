"""The pages an agency operator uses, often on a phone: sign in with the token, upload, follow
the check, read the report rule by rule, download it.

Every form carries a CSRF secret: the session's for signed-in forms, a short-lived cookie's for
the sign-in form (double submit); a POST whose Origin is another site is refused as well.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from checker import __version__
from checker.serve import audit
from checker.serve import findings as stored
from checker.serve.access import (
    Session,
    agency_for_token,
    end_session,
    same_secret,
    session_for,
    start_session,
)
from checker.serve.content import KIND_LABELS, UploadRejected, form_problem
from checker.serve.intake import accept_upload
from checker.serve.runner import REPORT_JSON
from checker.serve.settings import MIB, Settings
from checker.serve.state import (
    Service,
    SignInRequired,
    purged_text,
    report_file,
    service,
    visible_agency,
    visible_submission,
)
from checker.serve.uploads import Incoming
from checker.serve.views import PageOf, page_number, render

SESSION_COOKIE, SIGNIN_COOKIE = "kebijakan_sesi", "kebijakan_masuk"
CSRF_FAILED = (
    "Formulir ini sudah kedaluwarsa atau tidak dikirim dari halaman layanan ini. "
    "Muat ulang halaman, lalu coba lagi."
)


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with what every page shows (the signed-in agency, the version)."""
    context.setdefault("session", None)
    body = render(service(request).templates, name, version=__version__, **context)
    return HTMLResponse(body, status_code=status)


def signed_in(request: Request) -> Session | None:
    """The browser's live session, if any."""
    return session_for(service(request).storage, request.cookies.get(SESSION_COOKIE))


def require_session(request: Request) -> Session:
    """The session, or a redirect to the sign-in page that comes back here."""
    session = signed_in(request)
    if session is None:
        query = f"?{request.url.query}" if request.url.query else ""
        raise SignInRequired(request.url.path + query)
    return session


def check_origin(request: Request) -> None:
    """Refuse a form posted from another site (checked before the CSRF secret)."""
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    site = request.headers.get("sec-fetch-site")
    if (origin is not None and origin != own) or site in ("cross-site", "same-site"):
        raise HTTPException(403, CSRF_FAILED)


def _local(target: str | None) -> str:
    """Only paths of this service are followed after sign-in (no open redirect)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/pengajuan"


def router(settings: Settings) -> APIRouter:
    """The page routes (left out of the OpenAPI schema)."""
    routes = APIRouter(include_in_schema=False)

    @routes.get("/")
    def home(request: Request) -> Response:
        return RedirectResponse("/pengajuan" if signed_in(request) else "/masuk", 303)

    @routes.get("/masuk")
    def sign_in_form(request: Request, lanjut: str | None = None) -> Response:
        if signed_in(request):
            return RedirectResponse(_local(lanjut), 303)
        return _sign_in_page(request, lanjut)

    @routes.post("/masuk", max_body_size=settings.max_form_bytes)
    async def sign_in(request: Request) -> Response:
        check_origin(request)
        form = await request.form()
        lanjut = str(form.get("lanjut") or "")
        expected = request.cookies.get(SIGNIN_COOKIE)
        if not expected or not same_secret(str(form.get("csrf") or ""), expected):
            raise HTTPException(403, CSRF_FAILED)
        svc = service(request)
        agency = agency_for_token(svc.storage, str(form.get("token") or "").strip())
        if agency is None:
            audit.log(request, "masuk-gagal")
            return _sign_in_page(
                request,
                lanjut,
                status=401,
                error="Token tidak dikenal atau sudah dicabut. Periksa "
                "kembali token dari BKD (tanpa spasi).",
            )
        secret, _ = start_session(svc.storage, agency, svc.settings.session_hours)
        audit.log(request, "masuk", agency=agency.code)
        response = RedirectResponse(_local(lanjut), 303)
        response.set_cookie(
            SESSION_COOKIE,
            secret,
            max_age=svc.settings.session_hours * 3600,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
        response.delete_cookie(SIGNIN_COOKIE, path="/masuk")
        return response

    @routes.post("/keluar", max_body_size=settings.max_form_bytes)
    async def sign_out(request: Request) -> Response:
        check_origin(request)
        session = require_session(request)
        form = await request.form()
        if not same_secret(str(form.get("csrf") or ""), session.csrf):
            raise HTTPException(403, CSRF_FAILED)
        end_session(service(request).storage, request.cookies.get(SESSION_COOKIE))
        audit.log(request, "keluar", agency=session.agency.code)
        response = RedirectResponse("/masuk", 303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @routes.get("/pengajuan")
    def submissions(request: Request, instansi: str | None = None) -> Response:
        session = require_session(request)
        audit.log(request, "lihat-daftar", agency=session.agency.code, detail=instansi)
        return _list_page(request, session, only=instansi)

    @routes.post("/pengajuan", max_body_size=settings.max_upload_bytes)
    async def upload(request: Request) -> Response:
        check_origin(request)
        session = require_session(request)
        svc = service(request)
        as_of, years = "", []
        try:
            async with request.form(max_files=settings.max_files, max_fields=30) as form:
                if not same_secret(str(form.get("csrf") or ""), session.csrf):
                    raise HTTPException(403, CSRF_FAILED)
                files = [
                    Incoming(f.filename, f.file)
                    for f in form.getlist("berkas")
                    if isinstance(f, UploadFile) and (f.filename or f.size)
                ]
                as_of = str(form.get("as_of") or "")
                years = [str(v) for v in form.getlist("tahun")]
                sub = await run_in_threadpool(
                    accept_upload,
                    svc.storage,
                    svc.settings,
                    svc.dispatcher,
                    session.agency,
                    files,
                    as_of,
                    years,
                )
        except UploadRejected as exc:
            return _list_page(
                request, session, error=exc.message, status=exc.status, as_of=as_of, chosen=years
            )
        except StarletteHTTPException as exc:
            if exc.status_code != 400:
                raise
            return _list_page(
                request,
                session,
                status=400,
                error=form_problem(str(exc.detail), settings.max_files),
            )
        audit.log(request, "unggah", agency=session.agency.code, target=sub.id)
        return RedirectResponse(f"/pengajuan/{sub.id}", 303)

    @routes.get("/pengajuan/arsip")
    def own_archive(request: Request, instansi: str | None = None) -> Response:
        from checker.serve.api import archive_response

        return archive_response(request, require_session(request).agency, instansi)

    @routes.get("/pengajuan/{submission_id}")
    def submission(request: Request, submission_id: str) -> Response:
        session = require_session(request)
        svc = service(request)
        sub = visible_submission(svc, session.agency, submission_id)
        if sub.status == "done":  # a report is shown (the page refreshes until then)
            audit.log(request, "lihat-pengajuan", agency=session.agency.code, target=sub.id)
        context: dict[str, Any] = {"sub": sub, "kinds": KIND_LABELS, "overview": None}
        if sub.status == "done":
            context["overview"] = stored.overview(
                svc.storage, sub.id, svc.storage.folder(sub.id) / REPORT_JSON
            )
        return page(
            request,
            "pengajuan.html",
            session=session,
            title=f"Pengajuan {sub.id}",
            refresh=3 if sub.status in ("queued", "running") else None,
            **context,
        )

    @routes.get("/pengajuan/{submission_id}/aturan/{rule}")
    def findings(request: Request, submission_id: str, rule: str, halaman: int = 1) -> Response:
        session = require_session(request)
        svc = service(request)
        sub = visible_submission(svc, session.agency, submission_id)
        if sub.status != "done":
            return RedirectResponse(f"/pengajuan/{sub.id}", 303)
        if sub.reports_purged_at:
            raise HTTPException(410, purged_text(sub))
        audit.log(request, "lihat-temuan", agency=session.agency.code, target=sub.id, detail=rule)
        stored.overview(svc.storage, sub.id, svc.storage.folder(sub.id) / REPORT_JSON)
        summary = stored.rule_summary(svc.storage, sub.id, rule)
        if summary is None:
            raise HTTPException(404, f"Aturan {rule} tidak punya temuan di pengajuan ini.")
        size = svc.settings.page_size
        number, count = page_number(summary.findings, halaman, size)
        items = stored.findings_page(svc.storage, sub.id, rule, (number - 1) * size, size)
        return page(
            request,
            "aturan.html",
            session=session,
            title=f"{rule} · {sub.id}",
            sub=sub,
            rule=rule,
            rule_title=summary.title,
            severity=summary.severity,
            rule_categories=summary.categories,
            page_of=PageOf(items, number, count, summary.findings, size),
        )

    @routes.get("/pengajuan/{submission_id}/laporan.{fmt}")
    def download(request: Request, submission_id: str, fmt: str) -> Response:
        session = require_session(request)
        if fmt not in ("json", "xlsx"):
            raise HTTPException(404)
        svc = service(request)
        sub = visible_submission(svc, session.agency, submission_id)
        path, media, name = report_file(svc, sub, fmt)
        audit.log(request, "unduh", agency=session.agency.code, target=sub.id, detail=fmt)
        return FileResponse(path, media_type=media, filename=name)

    @routes.get("/api")
    def api_help(request: Request) -> Response:
        return page(
            request,
            "api.html",
            session=signed_in(request),
            title="API",
            base=str(request.base_url).rstrip("/"),
            limit_mb=settings.max_upload_bytes // MIB,
        )

    return routes


def _sign_in_page(
    request: Request, lanjut: str | None, status: int = 200, error: str | None = None
) -> Response:
    csrf = secrets.token_urlsafe(32)
    response = page(
        request,
        "masuk.html",
        status=status,
        title="Masuk",
        csrf=csrf,
        lanjut=_local(lanjut),
        error=error,
    )
    response.set_cookie(
        SIGNIN_COOKIE,
        csrf,
        max_age=3600,
        path="/masuk",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


def _list_page(
    request: Request,
    session: Session,
    error: str | None = None,
    status: int = 200,
    as_of: str = "",
    chosen: list[str] | None = None,
    only: str | None = None,
) -> Response:
    svc: Service = service(request)
    agency = session.agency
    today = dt.date.today()
    subs = svc.storage.submissions(visible_agency(agency, only))
    years = list(range(today.year - 5, today.year + 1))
    picked = {int(y) for y in chosen or [] if y.isdigit()} or {today.year - 1}
    return page(
        request,
        "daftar.html",
        status=status,
        session=session,
        title="Pengajuan data",
        subs=subs,
        error=error,
        as_of=as_of or today.isoformat(),
        max_date=today.isoformat(),
        years=years,
        picked=picked,
        limit_mb=svc.settings.max_upload_bytes // MIB,
        max_files=svc.settings.max_files,
        only=only if agency.is_admin else None,
    )
