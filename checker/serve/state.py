"""What the page and API routes share: the service object and the one rule of who sees what."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from fastapi import HTTPException, Request

from checker.serve.access import Agency
from checker.serve.runner import REPORT_JSON, REPORT_XLSX
from checker.serve.settings import Settings
from checker.serve.storage import Storage, Submission
from checker.serve.worker import Dispatcher

_ID = re.compile(r"^[a-z0-9]{10}$")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOT_FOUND = "Pengajuan tidak ditemukan."


@dataclass
class Service:
    """What every route needs: settings, storage, the dispatcher and the templates."""

    settings: Settings
    storage: Storage
    dispatcher: Dispatcher
    templates: jinja2.Environment


class SignInRequired(Exception):
    """A page needs a signed-in browser; answered with a redirect to the sign-in page."""

    def __init__(self, target: str) -> None:
        self.target = target
        super().__init__(target)


def service(request: Request) -> Service:
    """The service the application was started with."""
    found: Service = request.app.state.service
    return found


def visible_submission(svc: Service, agency: Agency, submission_id: str) -> Submission:
    """The submission if this agency may see it: its own, or any for BKD. Everything else,
    including another agency's submission, is 404, so ids of others reveal nothing."""
    sub = svc.storage.submission(submission_id) if _ID.match(submission_id) else None
    if sub is None or not (agency.is_admin or sub.agency == agency.code):
        raise HTTPException(404, NOT_FOUND)
    return sub


def visible_agency(agency: Agency, only: str | None) -> str | None:
    """Whose submissions a list shows: an agency its own; BKD everybody's, or one agency's
    when it asks for ``only`` (an agency code)."""
    if not agency.is_admin:
        return agency.code
    return only.strip().upper() if only and only.strip() else None


def purged_text(sub: Submission) -> str:
    """Why a report can no longer be read."""
    day = (sub.reports_purged_at or "")[:10]
    return (
        f"Laporan lengkap pengajuan {sub.id} telah dihapus pada {day} karena masa simpan data "
        "pribadinya berakhir (Peraturan Gubernur, masa simpan data pribadi); ringkasannya tetap "
        "ditampilkan."
    )


def report_file(svc: Service, sub: Submission, fmt: str) -> tuple[Path, str, str]:
    """(path, media type, download name) of a finished report; 409 while it is not ready."""
    if sub.status != "done":
        state = "pemeriksaannya gagal" if sub.status == "failed" else "masih diperiksa"
        raise HTTPException(409, f"Laporan pengajuan {sub.id} belum tersedia: {state}.")
    if sub.reports_purged_at:
        raise HTTPException(410, purged_text(sub))
    name = REPORT_JSON if fmt == "json" else REPORT_XLSX
    media = "application/json" if fmt == "json" else XLSX_TYPE
    download = f"laporan-{sub.agency.lower()}-{sub.as_of}-{sub.id}.{fmt}"
    return svc.storage.folder(sub.id) / name, media, download
