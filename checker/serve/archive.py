"""An agency's own data, on request, and a submission deleted by BKD with its reason on record.

The archive holds everything the service keeps about the agency's submissions: the files it
sent, the reports, each submission's record, and the access-log entries about them or made
with its token; nothing of any other agency. It is written to a private temporary file (an
agency's uploads can be hundreds of megabytes) and removed once sent.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import asdict
from pathlib import Path

from checker.serve import audit
from checker.serve.storage import Storage, Submission

ARCHIVE_README = """\
Arsip data instansi {agency} pada layanan pengiriman data kepegawaian BKD Provinsi Bengkulu.

pengajuan/<nomor>/pengajuan.json  catatan pengajuan: tanggal, status, berkas yang diterima
pengajuan/<nomor>/...             berkas yang diunggah dan laporan pemeriksaannya
catatan-akses.json                setiap akses ke pengajuan tersebut dan setiap tindakan dengan
                                  token instansi ini (siapa, kapan, apa, dari alamat mana)

Arsip ini memuat data pribadi pegawai (UU 27/2022): simpan dan bagikan seperlunya.
"""


def submissions_of(storage: Storage, agency: str) -> list[Submission]:
    """Every submission of one agency, oldest first (no limit: the archive holds them all)."""
    with storage.connect() as con:
        ids = [
            row[0]
            for row in con.execute(
                "SELECT id FROM submissions WHERE agency = ? ORDER BY created_at, id", (agency,)
            )
        ]
    found = [storage.submission(i) for i in ids]
    return [s for s in found if s is not None]


def write_archive(storage: Storage, agency: str) -> Path:
    """The ZIP of one agency's data, in a private temporary file the caller removes."""
    subs = submissions_of(storage, agency)
    ids = {s.id for s in subs}
    log = [asdict(e) for e in audit.entries(storage) if e.agency == agency or e.target in ids]
    descriptor, name = tempfile.mkstemp(prefix="arsip-", suffix=".zip", dir=storage.data_dir)
    os.close(descriptor)  # a private (0600) file, written again by ZipFile below
    path = Path(name)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("BACA.txt", ARCHIVE_README.format(agency=agency))
        for sub in subs:
            base = f"pengajuan/{sub.id}"
            record = asdict(sub)
            archive.writestr(f"{base}/pengajuan.json", json.dumps(record, indent=2) + "\n")
            folder = storage.folder(sub.id)
            for item in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if item.is_file() and not item.is_symlink():
                    archive.write(item, f"{base}/{item.relative_to(folder).as_posix()}")
        archive.writestr("catatan-akses.json", json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    return path


class StillRunning(Exception):
    """A submission whose check has not finished cannot be deleted yet."""


def delete_submission(storage: Storage, submission_id: str) -> Submission | None:
    """Remove a finished submission: its files, report and stored findings (the access log
    keeps that it existed). None when there is no such submission."""
    sub = storage.submission(submission_id)
    if sub is None:
        return None
    if sub.status in ("queued", "running"):
        raise StillRunning(submission_id)
    with storage.connect() as con:
        con.execute("DELETE FROM submissions WHERE id = ?", (submission_id,))
    shutil.rmtree(storage.folder(submission_id), ignore_errors=True)
    return sub
