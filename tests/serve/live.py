"""Helpers for the upload service tests: uvicorn in a thread on 127.0.0.1, uploads, waiting."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[2]
KIB, MIB = 1 << 10, 1 << 20


class SmallLimits(TypedDict):
    """The Settings numbers the test services use."""

    max_upload_bytes: int
    max_uncompressed_bytes: int
    max_zip_entries: int
    max_files: int
    page_size: int


LIMITS = SmallLimits(
    max_upload_bytes=1 * MIB,
    max_uncompressed_bytes=4 * MIB,
    max_zip_entries=40,
    max_files=10,
    page_size=2,  # small, so that a 60-employee sample has rules over several pages
)


@dataclass
class Live:
    """A running service: its address, data folder and the agencies' tokens."""

    url: str
    data_dir: Path
    tokens: dict[str, str]

    def client(self, code: str | None = None, **kwargs: Any) -> httpx.Client:
        """An HTTP client, with the agency's bearer token when ``code`` is given."""
        headers = {"Authorization": f"Bearer {self.tokens[code]}"} if code else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30, **kwargs)

    def wait(self, code: str, submission_id: str, timeout: float = 60) -> dict[str, Any]:
        """Poll the API until the check has finished; the final status document."""
        deadline = time.monotonic() + timeout
        with self.client(code) as client:
            while time.monotonic() < deadline:
                body: dict[str, Any] = client.get(f"/api/v1/pengajuan/{submission_id}").json()
                if body["status"] in ("done", "failed"):
                    return body
                time.sleep(0.2)
        raise TimeoutError(f"{submission_id} still {body['status']}")


def serve_in_thread(app: Any) -> tuple[str, uvicorn.Server, threading.Thread]:
    """Start uvicorn on a free port of 127.0.0.1 and wait until it answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="on", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server, thread


def csv_files(sample: Path, *names: str) -> list[tuple[str, tuple[str, bytes, str]]]:
    """Multipart ``files`` entries for sample tables (all of them when none are named)."""
    chosen = names or tuple(sorted(p.stem for p in sample.glob("*.csv")))
    return [
        ("files", (f"{name}.csv", (sample / f"{name}.csv").read_bytes(), "text/csv"))
        for name in chosen
    ]


def upload(live: Live, code: str, files: Any, **data: str) -> httpx.Response:
    """POST /api/v1/pengajuan as an agency."""
    with live.client(code) as client:
        return client.post(
            "/api/v1/pengajuan", files=files, data={"as_of": "2026-06-30", "tahun": "2025", **data}
        )


def stored_folders(live: Live) -> set[str]:
    """Names of the submission folders on disk."""
    return {p.name for p in (live.data_dir / "pengajuan").iterdir()}


def tree_size(path: Path) -> int:
    """Bytes under a folder."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def runner_pids(data_dir: Path) -> list[int]:
    """Live check processes (``checker.serve.runner``) working on submissions of ``data_dir``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # ended while we looked
            continue
        if (
            state != "Z"
            and b"checker.serve.runner" in command
            and any(str(data_dir).encode() in part for part in command)
        ):
            found.append(int(entry.name))
    return found


def gone(pid: int) -> bool:
    """The process has ended (a zombie nobody reaps counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


def until(condition: Any, timeout: float, step: float = 0.02) -> Any:
    """Poll ``condition()`` until it is truthy; its value, or TimeoutError."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    raise TimeoutError(getattr(condition, "__name__", "condition"))
