"""The check dispatcher without HTTP: checks run in their own processes, a check past the time
limit is killed, and work left by a stopped service is picked up on the next start."""

from __future__ import annotations

import io
import time
from pathlib import Path

from checker.data.schema import load_schema
from checker.limits import Limits
from checker.serve.access import add_agency
from checker.serve.confine import timed_out
from checker.serve.runner import POLICY_BROKEN
from checker.serve.storage import Storage, Submission, new_submission_id, now
from checker.serve.uploads import Budget, Incoming, store_uploads
from checker.serve.worker import Dispatcher
from tests.serve.live import ROOT


def queued(storage: Storage, sample: Path) -> str:
    """A stored submission waiting for its check, as an upload leaves it."""
    sid = new_submission_id()
    folder = storage.folder(sid)
    folder.mkdir()
    files = store_uploads(
        [Incoming("pegawai.csv", io.BytesIO((sample / "pegawai.csv").read_bytes()))],
        folder,
        Budget(1 << 20, 10),
        load_schema(ROOT / "rules" / "schema"),
    )
    storage.add_submission(
        Submission(sid, "A", "Instansi A", now(), "2026-06-30", [2025], "queued", "0", files=files)
    )
    return sid


def dispatcher(storage: Storage, limits: Limits | None = None) -> Dispatcher:
    return Dispatcher(
        storage, workers=1, policy_root=ROOT / "policy", rules_root=ROOT / "rules", limits=limits
    )


def wait_for(storage: Storage, sid: str, *states: str, limit: float = 60) -> str:
    deadline = time.monotonic() + limit
    while (status := storage.submission(sid).status) not in states:  # type: ignore[union-attr]
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    return status


def test_work_left_by_a_stopped_service_is_resumed(tmp_path: Path, sample: Path) -> None:
    storage = Storage(tmp_path)
    add_agency(storage, "A", "Instansi A")
    sid = queued(storage, sample)
    first = dispatcher(storage)
    first.submit(sid)
    wait_for(storage, sid, "running")
    first.shutdown()  # the check process is ended; the submission waits for the next start
    assert storage.submission(sid).status == "queued"  # type: ignore[union-attr]
    assert storage.attempts(sid) == 0  # a check ended by a shutdown is not held against it
    second = dispatcher(storage)
    second.resume()
    assert wait_for(storage, sid, "done", "failed") == "done"
    second.shutdown()
    assert (storage.folder(sid) / "laporan.json").is_file()


def test_a_check_past_the_time_limit_fails_with_a_reason(tmp_path: Path, sample: Path) -> None:
    storage = Storage(tmp_path)
    add_agency(storage, "A", "Instansi A")
    sid = queued(storage, sample)
    limits = Limits.service().but(seconds=0.05)
    slow = dispatcher(storage, limits)
    slow.submit(sid)
    assert wait_for(storage, sid, "done", "failed") == "failed"
    slow.shutdown()
    assert storage.submission(sid).error == timed_out(limits)  # type: ignore[union-attr]
    assert "lebih dari 0,05 detik, batas satu pemeriksaan" in timed_out(limits)


def test_a_broken_policy_on_the_server_is_not_blamed_on_the_agency(
    tmp_path: Path, sample: Path
) -> None:
    storage = Storage(tmp_path / "var")
    add_agency(storage, "A", "Instansi A")
    sid = queued(storage, sample)
    (tmp_path / "kosong").mkdir()
    broken = Dispatcher(
        storage, workers=1, policy_root=tmp_path / "kosong", rules_root=ROOT / "rules"
    )
    broken.submit(sid)
    assert wait_for(storage, sid, "done", "failed") == "failed"
    broken.shutdown()
    assert storage.submission(sid).error == POLICY_BROKEN  # type: ignore[union-attr]
