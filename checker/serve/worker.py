"""Checking submissions away from the web server: a bounded number of check processes.

Each check runs in a fresh Python process (:mod:`checker.serve.runner`), at most
``workers`` at a time, so a large file never stalls the pages or the health check, a crash
takes only its own submission down, and a check that runs past the time limit is killed.
A submission left queued or running when the service stops is checked again on the next start.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from checker.serve.runner import CheckJob, CheckOutcome
from checker.serve.storage import Storage

log = logging.getLogger(__name__)

JOB_FILE = "tugas.json"
CRASHED = (
    "Pemeriksaan terhenti karena kesalahan pada server (kemungkinan berkas terlalu besar "
    "untuk memori server). Unggah ulang; bila terulang, hubungi BKD dengan nomor "
    "pengajuan ini."
)
TIMED_OUT = (
    "Pemeriksaan melewati batas waktu dan dihentikan. Bagi data menjadi beberapa "
    "unggahan yang lebih kecil, atau hubungi BKD dengan nomor pengajuan ini."
)


class Dispatcher:
    """Runs queued submissions, at most ``workers`` at a time, each in its own process."""

    def __init__(
        self,
        storage: Storage,
        *,
        workers: int,
        policy_root: Path,
        rules_root: Path,
        timeout: float = 900,
    ) -> None:
        self.storage = storage
        self.policy_root = policy_root.resolve()
        self.rules_root = rules_root.resolve()
        self.timeout = timeout
        self._threads = ThreadPoolExecutor(workers, thread_name_prefix="kebijakan-periksa")
        self._running: dict[str, subprocess.Popen[bytes]] = {}
        self._lock = threading.Lock()
        self._stopping = False

    def resume(self) -> None:
        """Queue again whatever a previous run left queued or running."""
        for submission_id in self.storage.with_status("running", "queued"):
            self.submit(submission_id)

    def submit(self, submission_id: str) -> None:
        """Queue a stored submission for checking."""
        self._threads.submit(self._run, submission_id)

    def _run(self, submission_id: str) -> None:
        sub = self.storage.submission(submission_id)
        if sub is None or self._stopping:
            return
        self.storage.mark_running(submission_id)
        folder = self.storage.folder(submission_id).resolve()
        checked = [f for f in sub.files if f.checked]
        job = CheckJob(
            folder=str(folder),
            paths=[str(folder / f.stored) for f in checked],
            names={str(folder / f.stored): f.name for f in checked},
            as_of=sub.as_of,
            years=sub.years,
            policy_root=str(self.policy_root),
            rules_root=str(self.rules_root),
        )
        (folder / JOB_FILE).write_text(
            json.dumps(asdict(job), ensure_ascii=False), encoding="utf-8"
        )
        outcome = self._execute(submission_id, folder)
        if outcome is None:  # stopped by shutdown: stays "running", resumed on the next start
            return
        self.storage.finish(
            submission_id,
            error=outcome.error,
            policy_version=outcome.policy_version,
            policy_commit=outcome.policy_commit,
            summary=outcome.summary,
        )

    def _execute(self, submission_id: str, folder: Path) -> CheckOutcome | None:
        with self._lock:
            if self._stopping:
                return None
            proc = subprocess.Popen(
                [sys.executable, "-m", "checker.serve.runner", str(folder / JOB_FILE)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            self._running[submission_id] = proc
        try:
            out, err = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            log.error("check of %s timed out after %s s", submission_id, self.timeout)
            return CheckOutcome(error=TIMED_OUT)
        finally:
            with self._lock:
                self._running.pop(submission_id, None)
        if self._stopping and proc.returncode != 0:
            return None
        try:
            data: dict[str, Any] = json.loads(out.decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError):
            log.error(
                "check of %s ended with code %s: %s",
                submission_id,
                proc.returncode,
                err.decode("utf-8", "replace")[-4000:],
            )
            return CheckOutcome(error=CRASHED)
        outcome = CheckOutcome(**data)
        if outcome.error and err.strip():
            log.warning("check of %s: %s", submission_id, err.decode("utf-8", "replace")[-4000:])
        return outcome

    def shutdown(self) -> None:
        """Stop: queued submissions wait for the next start, running checks are ended and
        will run again then."""
        with self._lock:
            self._stopping = True
            for proc in self._running.values():
                proc.terminate()
        self._threads.shutdown(wait=True, cancel_futures=True)
