"""The JSON API for agencies' own systems: ``Authorization: Bearer <token>``, no cookies (so no
CSRF), the same checks and limits as the upload form."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from checker import __version__
from checker.serve import audit
from checker.serve.access import Agency, agency_for_token
from checker.serve.archive import StillRunning, delete_submission, write_archive
from checker.serve.content import UploadRejected, form_problem
from checker.serve.intake import accept_upload
from checker.serve.settings import Settings
from checker.serve.state import report_file, service, visible_agency, visible_submission
from checker.serve.storage import Submission
from checker.serve.uploads import Incoming

UNAUTHORIZED = "Token tidak dikenal atau sudah dicabut. Kirim `Authorization: Bearer <token>`."


class FileOut(BaseModel):
    """One file of the receipt."""

    name: str = Field(description="Nama berkas dari instansi (ZIP/isi untuk isi ZIP).")
    kind: str = Field(
        description="Jenis menurut isinya: csv, xlsx, xlsb, ods, xls, zip, "
        "skipped (isi ZIP yang bukan data)."
    )
    size: int = Field(description="Ukuran dalam byte.")
    sha256: str
    checked: bool = Field(description="Dibaca oleh pemeriksa.")


class ReceiptOut(BaseModel):
    """What was received and which versions judged it."""

    files: list[FileOut]
    tool_version: str
    policy_version: str | None = Field(description="Versi peraturan (setelah diperiksa).")
    policy_commit: str | None = Field(description="Commit Git peraturan (setelah diperiksa).")


class SubmissionOut(BaseModel):
    """A submission: status, receipt, summary and links."""

    id: str
    agency: str
    agency_name: str
    status: str = Field(description="queued, running, done, atau failed.")
    created_at: str
    finished_at: str | None
    as_of: str
    years: list[int]
    error: str | None = Field(description="Alasan kegagalan (status failed).")
    summary: dict[str, Any] = Field(description="Jumlah temuan per tingkat dan pegawai.")
    receipt: ReceiptOut
    links: dict[str, str]


class Health(BaseModel):
    """The service answers; how busy the checker is."""

    status: str
    version: str
    queued: int
    running: int


def submission_out(sub: Submission) -> SubmissionOut:
    """The API form of a submission."""
    base = f"/api/v1/pengajuan/{sub.id}"
    links = {"self": base, "page": f"/pengajuan/{sub.id}"}
    if sub.status == "done":
        links |= {"report_json": f"{base}/laporan.json", "report_xlsx": f"{base}/laporan.xlsx"}
    return SubmissionOut(
        id=sub.id,
        agency=sub.agency,
        agency_name=sub.agency_name,
        status=sub.status,
        created_at=sub.created_at,
        finished_at=sub.finished_at,
        as_of=sub.as_of,
        years=sub.years,
        error=sub.error,
        summary=sub.summary,
        links=links,
        receipt=ReceiptOut(
            files=[
                FileOut(name=f.name, kind=f.kind, size=f.size, sha256=f.sha256, checked=f.checked)
                for f in sub.files
            ],
            tool_version=sub.tool_version,
            policy_version=sub.policy_version,
            policy_commit=sub.policy_commit,
        ),
    )


class DeletionIn(BaseModel):
    """Why a submission is deleted."""

    alasan: str = Field(description="Alasan penghapusan; dicatat dalam catatan akses.")


def archive_response(request: Request, agency: Agency, instansi: str | None) -> FileResponse:
    """The ZIP of an agency's data (BKD: of ``instansi``), removed from disk once sent."""
    code = agency.code
    if agency.is_admin and instansi and instansi.strip():
        code = instansi.strip().upper()
    path = write_archive(service(request).storage, code)
    audit.log(request, "arsip", agency=agency.code, target=code)
    return FileResponse(
        path,
        media_type="application/zip",
        filename=f"arsip-{code.lower()}.zip",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


def bearer(request: Request) -> Agency:
    """The agency behind the bearer token; 401 otherwise (revoked tokens included)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    agency = (
        agency_for_token(service(request).storage, token.strip())
        if scheme.lower() == "bearer"
        else None
    )
    if agency is None:
        raise HTTPException(401, UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"})
    return agency


UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": (
                                "Satu atau lebih berkas: CSV, XLSX, atau ZIP berisi CSV."
                            ),
                        },
                        "as_of": {
                            "type": "string",
                            "format": "date",
                            "description": "Tanggal acuan TTTT-BB-HH (bawaan: hari ini).",
                        },
                        "tahun": {
                            "type": "string",
                            "description": "Tahun yang diperiksa, misalnya 2025 "
                            "atau 2024,2025 (bawaan: tahun sebelum tanggal acuan).",
                        },
                    },
                }
            }
        },
    }
}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": text}
    for code, text in (
        (401, "Token tidak ada, salah, atau dicabut."),
        (404, "Pengajuan tidak ada atau milik instansi lain."),
        (409, "Laporan belum tersedia (masih diperiksa atau gagal)."),
        (413, "Unggahan atau isi ZIP/XLSX melebihi batas."),
        (415, "Berkas bukan CSV, Excel, atau ZIP berisi data."),
        (422, "Isian atau berkas tidak dapat diterima."),
    )
}


def router(settings: Settings) -> APIRouter:
    """The ``/api/v1`` routes."""
    routes = APIRouter(prefix="/api/v1", tags=["pengajuan"])

    @routes.get("/kesehatan", tags=["layanan"])
    def health(request: Request) -> Health:
        """Layanan hidup; jumlah pengajuan yang menunggu dan sedang diperiksa."""
        storage = service(request).storage
        return Health(
            status="ok",
            version=__version__,
            queued=storage.count("queued"),
            running=storage.count("running"),
        )

    @routes.post(
        "/pengajuan",
        status_code=202,
        responses=ERRORS,
        max_body_size=settings.max_upload_bytes,
        openapi_extra=UPLOAD_BODY,
        response_model=SubmissionOut,
    )
    async def create(request: Request) -> JSONResponse:
        """Unggah data; pemeriksaan berjalan di latar belakang. Pantau dengan GET.

        Token diperiksa sebelum isi permintaan dibaca.
        """
        agency = bearer(request)
        svc = service(request)
        try:
            async with request.form(max_files=settings.max_files, max_fields=30) as form:
                files = [
                    Incoming(f.filename, f.file)
                    for f in form.getlist("files")
                    if isinstance(f, UploadFile)
                ]
                as_of = form.get("as_of")
                years = [str(v) for v in form.getlist("tahun")]
                sub = await run_in_threadpool(
                    accept_upload,
                    svc.storage,
                    svc.settings,
                    svc.dispatcher,
                    agency,
                    files,
                    as_of if isinstance(as_of, str) else None,
                    years,
                )
        except StarletteHTTPException as exc:
            if exc.status_code != 400:
                raise
            raise UploadRejected(form_problem(str(exc.detail), settings.max_files), 400) from None
        audit.log(request, "unggah", agency=agency.code, target=sub.id, detail="api")
        return JSONResponse(
            submission_out(sub).model_dump(mode="json"),
            status_code=202,
            headers={"Location": f"/api/v1/pengajuan/{sub.id}"},
        )

    @routes.get("/pengajuan", responses=ERRORS)
    def listing(request: Request, instansi: str | None = None) -> list[SubmissionOut]:
        """Pengajuan terbaru instansi ini, paling banyak 100. Token BKD melihat semua instansi,
        atau satu instansi dengan `?instansi=KODE`."""
        agency = bearer(request)
        audit.log(request, "lihat-daftar", agency=agency.code, detail=instansi)
        subs = service(request).storage.submissions(visible_agency(agency, instansi))
        return [submission_out(sub) for sub in subs]

    @routes.get("/pengajuan/{submission_id}", responses=ERRORS)
    def status(request: Request, submission_id: str) -> SubmissionOut:
        """Status, tanda terima, dan ringkasan satu pengajuan."""
        svc = service(request)
        agency = bearer(request)
        sub = visible_submission(svc, agency, submission_id)
        if sub.status == "done":  # its summary is read (clients poll until then)
            audit.log(request, "lihat-pengajuan", agency=agency.code, target=sub.id, detail="api")
        return submission_out(sub)

    def download(fmt: str, summary: str) -> None:
        """The report download of one format (409 until the check has finished)."""

        @routes.get(
            f"/pengajuan/{{submission_id}}/laporan.{fmt}",
            responses=ERRORS,
            response_class=FileResponse,
            summary=summary,
            name=f"report_{fmt}",
        )
        def report(request: Request, submission_id: str) -> FileResponse:
            svc = service(request)
            agency = bearer(request)
            sub = visible_submission(svc, agency, submission_id)
            path, media, name = report_file(svc, sub, fmt)
            audit.log(request, "unduh", agency=agency.code, target=sub.id, detail=fmt)
            return FileResponse(path, media_type=media, filename=name)

    @routes.get(
        "/arsip",
        responses=ERRORS,
        response_class=FileResponse,
        summary="Semua data instansi ini di layanan, sebagai satu ZIP",
    )
    def own_archive(request: Request, instansi: str | None = None) -> FileResponse:
        """Berkas yang diunggah, laporan, catatan pengajuan, dan catatan akses instansi ini.
        Token BKD memilih instansi dengan `?instansi=KODE`."""
        agency = bearer(request)
        return archive_response(request, agency, instansi)

    @routes.post("/pengajuan/{submission_id}/hapus", responses=ERRORS)
    def delete(request: Request, submission_id: str, body: DeletionIn) -> dict[str, Any]:
        """Hapus satu pengajuan beserta berkas dan laporannya (token BKD); alasannya dicatat."""
        agency = bearer(request)
        if not agency.is_admin:
            raise HTTPException(403, "Menghapus pengajuan hanya dapat dilakukan BKD.")
        reason = (body.alasan or "").strip()
        if not reason:
            raise HTTPException(422, "Tuliskan alasan penghapusan; alasan itu dicatat.")
        try:
            gone = delete_submission(service(request).storage, submission_id)
        except StillRunning:
            raise HTTPException(
                409, f"Pengajuan {submission_id} masih diperiksa; hapus setelah selesai."
            ) from None
        if gone is None:
            raise HTTPException(404, "Pengajuan tidak ditemukan.")
        audit.log(
            request, "hapus-pengajuan", agency=agency.code, target=gone.id, detail=reason[:1000]
        )
        return {"id": gone.id, "instansi": gone.agency, "dihapus": True, "alasan": reason}

    download("json", "Laporan lengkap sebagai JSON (409 bila belum selesai)")
    download(
        "xlsx", "Buku kerja perbaikan (Excel) dengan baris yang bermasalah (409 bila belum selesai)"
    )

    return routes
