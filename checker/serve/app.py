"""The FastAPI application: pages for agency operators, a JSON API, a health check.

``create_app(data_dir)`` builds everything from the settings; the check dispatcher starts with
the application and stops with it. Swagger UI and ReDoc are switched off because FastAPI loads
them from a CDN (which the service must not depend on and its CSP forbids); the OpenAPI schema is
at ``/openapi.json`` and ``/api`` explains the API in Indonesian.
"""

from __future__ import annotations

import asyncio
import http
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from checker import __version__
from checker.konsultasi.model import Draft
from checker.limits import Limits
from checker.serve import api, konsultasi, pages
from checker.serve.content import UploadRejected
from checker.serve.guard import Guard, wants_json
from checker.serve.konsultasi import RateLimiter
from checker.serve.retention import purge
from checker.serve.settings import MIB, Settings
from checker.serve.state import Service, SignInRequired
from checker.serve.storage import Storage
from checker.serve.views import STATIC, environment, render
from checker.serve.worker import Dispatcher

log = logging.getLogger(__name__)

MESSAGES = {
    400: "Permintaan tidak dapat dibaca.",
    401: "Token tidak dikenal atau sudah dicabut. Minta token baru kepada BKD.",
    403: "Permintaan ditolak.",
    404: "Halaman atau pengajuan tidak ditemukan.",
    405: "Cara permintaan ini tidak didukung di alamat ini.",
    413: "Unggahan terlalu besar.",
    415: "Jenis berkas tidak didukung.",
    500: "Terjadi kesalahan pada server. Coba lagi; bila terulang, hubungi BKD.",
}


def create_app(
    data_dir: str | Path,
    *,
    policy_root: str | Path = "policy",
    rules_root: str | Path = "rules",
    max_upload_bytes: int = 64 * MIB,
    max_concurrent_checks: int = 2,
    limits: Limits | None = None,
    draft: Draft | None = None,
    **options: int,
) -> FastAPI:
    """The upload service over ``data_dir`` (created if missing).

    ``limits`` is the budget of one check (default :meth:`Limits.service`: 1 GiB, 120 s);
    ``draft`` the version under public consultation (default: the one in ``policy_root``,
    when it loads);
    ``options`` may set any other :class:`Settings` number (``max_files``,
    ``max_uncompressed_bytes``, ``max_zip_entries``, ``max_queued``, ``session_hours``,
    ``page_size``).
    """
    settings = Settings(
        data_dir=Path(data_dir),
        policy_root=Path(policy_root),
        rules_root=Path(rules_root),
        max_upload_bytes=max_upload_bytes,
        max_concurrent_checks=max_concurrent_checks,
        limits=limits or Limits.service(),
        **options,
    )
    storage = Storage(settings.data_dir)
    if draft is None:
        draft = _draft(settings.policy_root)

    async def purge_every_hour() -> None:
        while True:
            await run_in_threadpool(purge, storage, settings.retention)
            await asyncio.sleep(3600)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        dispatcher = Dispatcher(
            storage,
            workers=settings.max_concurrent_checks,
            policy_root=settings.policy_root,
            rules_root=settings.rules_root,
            limits=settings.limits,
        )
        app.state.service = Service(settings, storage, dispatcher, environment())
        dispatcher.resume()
        purging = asyncio.create_task(purge_every_hour())
        try:
            yield
        finally:
            purging.cancel()
            dispatcher.shutdown()

    app = FastAPI(
        title="Kebijakan ASN Bengkulu: pengiriman data kepegawaian",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Instansi mengunggah data kepegawaian dan menerima laporan "
        "pemeriksaan terhadap peraturan. Autentikasi: `Authorization: Bearer <token>`.",
    )
    app.state.settings = settings
    app.state.draft = draft
    app.state.limiter = RateLimiter(settings.comments_per_address, settings.comment_window_seconds)
    app.add_middleware(
        Guard,
        upload_paths=("/pengajuan", "/api/v1/pengajuan"),
        max_upload_bytes=settings.max_upload_bytes,
        max_form_bytes=settings.max_form_bytes,
        message=_too_large(settings),
    )
    app.include_router(pages.router(settings))
    app.include_router(api.router(settings))
    app.include_router(konsultasi.router(settings))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _handlers(app)
    return app


def _draft(policy_root: Path) -> Draft | None:
    """The draft in ``policy_root`` (its text only), or None when it does not load: the service
    then takes no comments, and says so on the consultation page."""
    from checker.errors import CheckerError
    from checker.kebijakan import load_kebijakan

    try:
        return Draft.of(load_kebijakan(policy_root, None, text_only=True).peraturan)
    except CheckerError as exc:
        log.warning("no public consultation: %s", exc)
        return None


def _too_large(settings: Settings) -> str:
    return (
        f"Unggahan terlalu besar: batasnya {settings.max_upload_bytes // MIB} MB untuk "
        "satu unggahan. Kirim berkas CSV dalam ZIP atau bagi menjadi beberapa unggahan."
    )


def _handlers(app: FastAPI) -> None:
    def answer(
        request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        if wants_json(request.scope):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        service: Service | None = getattr(request.app.state, "service", None)
        if service is None:
            return Response(message, status_code=status, media_type="text/plain")
        body = render(
            service.templates,
            "galat.html",
            title=_title(status),
            message=message,
            session=None,
            version=__version__,
        )
        return HTMLResponse(body, status_code=status, headers=headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 413:
            detail = _too_large(request.app.state.settings)
        elif detail == http.HTTPStatus(exc.status_code).phrase or not detail:
            detail = MESSAGES.get(exc.status_code, detail)
        return answer(request, exc.status_code, detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
        return answer(
            request,
            422,
            "Isian tidak sah atau belum diisi: "
            + ", ".join(fields)
            + ". Lihat /api untuk bentuk permintaan yang benar.",
        )

    @app.exception_handler(UploadRejected)
    async def rejected(request: Request, exc: UploadRejected) -> Response:
        headers = {"Retry-After": "120"} if exc.status == 503 else None
        return answer(request, exc.status, exc.message, headers)

    @app.exception_handler(ClientDisconnect)
    async def disconnected(request: Request, exc: ClientDisconnect) -> Response:
        # the browser went away mid-upload (closed tab, lost signal): one line, no traceback;
        # the partial files were temporary and are gone with the request
        log.warning("client disconnected during upload of %s", request.url.path)
        return Response(status_code=400)  # nobody is left to read it

    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(f"/masuk?{urlencode({'lanjut': exc.target})}", status_code=303)


def _title(status: int) -> str:
    return {401: "Tidak berhak", 403: "Ditolak", 404: "Tidak ditemukan", 413: "Terlalu besar"}.get(
        status, "Tidak dapat diproses"
    )
