"""Checking submissions away from the web server: a bounded number of check processes.

Each check runs in a fresh Python process (:mod:`checker.serve.runner`), at most ``workers`` at a
time, so a large file never stalls the pages or the health check, a crash takes only its own
submission down, and a check that runs past the time limit is killed.

A check process leads its own process group, which is ended as a whole on timeout and on
shutdown, and dies with the server even when the server is killed (``PR_SET_PDEATHSIG``, set by
the runner). A submission is claimed atomically before its check starts, so it is never checked
twice at once. One left queued is checked on the next start; one left running by a server that
died is started again once, and fails after :data:`MAX_ATTEMPTS` starts.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from checker.limits import Limits
from checker.serve.confine import CRASHED, gave_up, looks_out_of_memory, out_of_memory, timed_out
from checker.serve.findings import forget_findings
from checker.serve.runner import CheckJob, CheckOutcome
from checker.serve.storage import Storage

log = logging.getLogger(__name__)

JOB_FILE = "tugas.json"
# a check interrupted by a dying server runs again once; the second death fails it
MAX_ATTEMPTS = 2
# checker.check stops itself at the time limit (BudgetError, naming it); writing the report files
# and the findings gets a quarter more, then the process group is killed
KILL_AFTER = 1.25


class Dispatcher:
    """Runs queued submissions, at most ``workers`` at a time, each in its own process."""

    def __init__(
        self,
        storage: Storage,
        *,
        workers: int,
        policy_root: Path,
        rules_root: Path,
        limits: Limits | None = None,
    ) -> None:
        self.storage = storage
        self.policy_root = policy_root.resolve()
        self.rules_root = rules_root.resolve()
        self.limits = limits or Limits.service()
        self._threads = ThreadPoolExecutor(workers, thread_name_prefix="kebijakan-periksa")
        self._running: dict[str, subprocess.Popen[bytes]] = {}
        self._lock = threading.Lock()
        self._stopping = False

    @property
    def timeout(self) -> float | None:
        """Seconds after which a check process is killed (None: never)."""
        return self.limits.seconds * KILL_AFTER if self.limits.seconds else None

    def resume(self) -> None:
        """Queue again whatever a previous run left queued, or running when it died (once)."""
        for submission_id in self.storage.requeue_interrupted(MAX_ATTEMPTS, gave_up(MAX_ATTEMPTS)):
            log.error(
                "check of %s interrupted %s times: not started again", submission_id, MAX_ATTEMPTS
            )
        for submission_id in self.storage.with_status("queued"):
            self.submit(submission_id)

    def submit(self, submission_id: str) -> None:
        """Queue a stored submission for checking."""
        self._threads.submit(self._run, submission_id)

    def _run(self, submission_id: str) -> None:
        if self._stopping or not self.storage.claim(submission_id):
            return
        sub = self.storage.submission(submission_id)
        assert sub is not None  # claimed just now
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
            submission=submission_id,
            data_dir=str(self.storage.data_dir.resolve()),
            parent=os.getpid(),
            limits=asdict(self.limits),
            opd=list(self._opd_of(sub.agency)),
        )
        (folder / JOB_FILE).write_text(
            json.dumps(asdict(job), ensure_ascii=False), encoding="utf-8"
        )
        outcome = self._execute(submission_id, folder)
        if outcome is None:  # ended by shutdown: queued again for the next start
            self.storage.release(submission_id)
            return
        if outcome.error:  # rows a check killed while storing them left behind
            forget_findings(self.storage, submission_id)
        self.storage.finish(
            submission_id,
            error=outcome.error,
            policy_version=outcome.policy_version,
            policy_commit=outcome.policy_commit,
            summary=outcome.summary,
        )

    def _opd_of(self, agency: str) -> tuple[str, ...]:
        """The perangkat daerah an agency is bound to (none: its uploads are not restricted)."""
        with self.storage.connect() as con:
            row = con.execute("SELECT opd FROM agencies WHERE code = ?", (agency,)).fetchone()
        return tuple((row["opd"] or "").split()) if row else ()

    def _execute(self, submission_id: str, folder: Path) -> CheckOutcome | None:
        with self._lock:
            if self._stopping:
                return None
            proc = subprocess.Popen(
                [sys.executable, "-m", "checker.serve.runner", str(folder / JOB_FILE)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,  # its own process group, ended as a whole
            )
            self._running[submission_id] = proc
        try:
            out, err = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            end_group(proc)
            proc.communicate()
            log.error("check of %s timed out after %s s", submission_id, self.timeout)
            return CheckOutcome(error=timed_out(self.limits))
        finally:
            with self._lock:
                self._running.pop(submission_id, None)
        if self._stopping and proc.returncode != 0:
            return None
        errors = err.decode("utf-8", "replace")
        try:
            data: dict[str, Any] = json.loads(out.decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError):
            log.error(
                "check of %s ended with code %s: %s",
                submission_id,
                proc.returncode,
                errors[-4000:],
            )
            if looks_out_of_memory(proc.returncode, errors):
                return CheckOutcome(error=out_of_memory(self.limits))
            return CheckOutcome(error=CRASHED)
        outcome = CheckOutcome(**data)
        if outcome.error and errors.strip():
            log.warning("check of %s: %s", submission_id, errors[-4000:])
        return outcome

    def shutdown(self) -> None:
        """Stop: queued submissions wait for the next start, running checks are ended (their
        whole process group) and queued again for then."""
        with self._lock:
            self._stopping = True
            for proc in self._running.values():
                end_group(proc)
        self._threads.shutdown(wait=True, cancel_futures=True)


def end_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill a check process and everything it started (its process group)."""
    if proc.returncode is not None:  # reaped: its id may belong to another process by now
        return
    with contextlib.suppress(ProcessLookupError):  # it ended on its own just now
        os.killpg(proc.pid, signal.SIGKILL)
