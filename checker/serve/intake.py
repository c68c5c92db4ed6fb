"""Accepting one upload, the same way for the web form and the API: read the reference date and
the years, refuse when the queue or the disk is full, store the files, queue the check."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence

from checker import __version__
from checker.data.schema import load_schema
from checker.kebijakan.source import SCHEMA_DIR
from checker.serve.access import Agency
from checker.serve.content import UploadRejected
from checker.serve.settings import Settings
from checker.serve.storage import PRIVATE_DIR, Storage, Submission, new_submission_id, now
from checker.serve.uploads import Budget, Incoming, store_uploads
from checker.serve.worker import Dispatcher

MAX_YEARS = 10
EARLIEST = dt.date(2000, 1, 1)


def parse_as_of(value: str | None, today: dt.date) -> dt.date:
    """The reference date (``TTTT-BB-HH``; empty means today), at most a year ahead."""
    if value is None or not value.strip():
        return today
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UploadRejected(
            f"Tanggal acuan “{value}” tidak dapat dibaca. Tulis sebagai "
            "TTTT-BB-HH, misalnya 2026-06-30.",
            422,
        ) from None
    if not EARLIEST <= day <= today + dt.timedelta(days=366):
        raise UploadRejected(
            f"Tanggal acuan {day.isoformat()} di luar rentang yang dapat "
            "diperiksa (sejak 2000 sampai setahun ke depan).",
            422,
        )
    return day


def parse_years(values: Sequence[str], as_of: dt.date) -> list[int]:
    """Checked years from form fields ("2025", or "2024,2025"); empty means the year before
    the reference date."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if not parts:
        return [as_of.year - 1]
    try:
        years = sorted({int(part) for part in parts})
    except ValueError:
        raise UploadRejected(
            f"Tahun “{', '.join(parts)}” tidak dapat dibaca. Tulis tahun "
            "empat angka, misalnya 2025.",
            422,
        ) from None
    if any(year < 1950 or year > as_of.year for year in years):
        raise UploadRejected(
            f"Tahun yang diperiksa harus di antara 1950 dan {as_of.year} (tahun tanggal acuan).",
            422,
        )
    if len(years) > MAX_YEARS:
        raise UploadRejected(f"Paling banyak {MAX_YEARS} tahun dalam satu pengajuan.", 422)
    return years


def accept_upload(
    storage: Storage,
    settings: Settings,
    dispatcher: Dispatcher,
    agency: Agency,
    files: Sequence[Incoming],
    as_of_text: str | None,
    years_text: Sequence[str],
    today: dt.date | None = None,
) -> Submission:
    """Store an upload as a new queued submission and hand it to the dispatcher.

    Raises :class:`UploadRejected` (with the HTTP status to answer) when it cannot be accepted;
    nothing stays on disk then.
    """
    as_of = parse_as_of(as_of_text, today or dt.date.today())
    years = parse_years(years_text, as_of)
    if not files:
        raise UploadRejected("Pilih paling sedikit satu berkas data untuk diunggah.", 422)
    if len(files) > settings.max_files:
        raise UploadRejected(
            f"Paling banyak {settings.max_files} berkas dalam satu unggahan; "
            "gabungkan berkas CSV ke dalam satu ZIP.",
            422,
        )
    if storage.count("queued") >= settings.max_queued:
        raise UploadRejected(
            "Antrean pemeriksaan sedang penuh. Coba unggah lagi beberapa menit lagi.", 503
        )
    needed = settings.max_upload_bytes + settings.max_uncompressed_bytes
    if shutil.disk_usage(storage.data_dir).free < needed:
        raise UploadRejected(
            "Ruang penyimpanan server hampir penuh. Coba lagi nanti atau hubungi BKD.", 507
        )
    submission_id = new_submission_id()
    while storage.folder(submission_id).exists():
        submission_id = new_submission_id()
    folder = storage.folder(submission_id)
    folder.mkdir(parents=True, mode=PRIVATE_DIR)
    try:
        budget = Budget(settings.max_uncompressed_bytes, settings.max_zip_entries)
        stored = store_uploads(files, folder, budget, load_schema(settings.rules_root / SCHEMA_DIR))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    sub = Submission(
        id=submission_id,
        agency=agency.code,
        agency_name=agency.name,
        created_at=now(),
        as_of=as_of.isoformat(),
        years=years,
        status="queued",
        tool_version=__version__,
        files=stored,
    )
    storage.add_submission(sub)
    dispatcher.submit(submission_id)
    return sub
