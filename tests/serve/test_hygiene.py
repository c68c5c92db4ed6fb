"""The service's hygiene over real HTTP: a check's memory and time budget reach the agency as a
message naming the limit, a check process dies with a killed server and is run again once (never
twice at once), a client that hangs up mid-upload costs one log line, and the report pages read
the findings page by page from the database instead of the report file."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from markupsafe import escape

from checker.limits import MIB, Limits
from checker.report.labels import by_rule
from checker.report.report import read_report, to_json
from checker.serve import Storage, add_agency, create_app
from checker.serve.confine import gave_up, looks_out_of_memory, out_of_memory, timed_out
from checker.serve.findings import forget_findings, overview, rule_summary
from checker.serve.storage import Submission, new_submission_id, now
from checker.serve.worker import MAX_ATTEMPTS
from tests.report.sample import OPD, small_report
from tests.serve.live import (
    LIMITS,
    ROOT,
    Live,
    csv_files,
    gone,
    runner_pids,
    serve_in_thread,
    until,
    upload,
)
from tests.serve.test_worker import dispatcher, queued, wait_for

HIDDEN = re.compile(r'name="csrf" value="([^"]+)"')


class Served:
    """``kebijakan serve`` in a process of its own, so a test can kill it; its log in a file."""

    def __init__(self, data_dir: Path, log: Path, *options: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        with log.open("ab") as sink:
            self.proc = subprocess.Popen(
                [
                    *(sys.executable, "-m", "checker", "serve", "--data-dir", str(data_dir)),
                    *("--port", str(port), "--policy", str(ROOT / "policy")),
                    *("--rules", str(ROOT / "rules"), *options),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=sink,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        until(self.answers, 90, step=0.1)

    def answers(self) -> bool:
        assert self.proc.poll() is None, self.log.read_text()
        try:
            return httpx.get(f"{self.url}/api/v1/kesehatan").status_code == 200
        except httpx.TransportError:
            return False

    def kill(self) -> None:
        """SIGKILL: nothing of the server runs its shutdown."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        """Ctrl+C: the graceful way."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            self.proc.wait(timeout=30)


def send(url: str, token: str, sample: Path) -> str:
    """Upload the sample's employees through the API; the new submission's id."""
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as client:
        response = client.post(
            "/api/v1/pengajuan",
            files=csv_files(sample, "pegawai"),
            data={"as_of": "2026-06-30", "tahun": "2025"},
        )
    assert response.status_code == 202, response.text
    sid: str = response.json()["id"]
    return sid


@contextmanager
def signed_in(url: str, token: str) -> Iterator[httpx.Client]:
    """A browser-like client signed in with the token."""
    with httpx.Client(base_url=url, headers={"Origin": url}, timeout=30) as client:
        form = client.get("/masuk").text
        client.post("/masuk", data={"csrf": HIDDEN.findall(form)[0], "token": token})
        yield client


@pytest.fixture
def budgeted(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Live]:
    """The service with the limits the test is parametrised with."""
    storage = Storage(tmp_path)
    tokens = {"A": add_agency(storage, "A", "Instansi A")[1]}
    app = create_app(
        tmp_path,
        policy_root=ROOT / "policy",
        rules_root=ROOT / "rules",
        limits=request.param,
        **LIMITS,
    )
    url, server, thread = serve_in_thread(app)
    yield Live(url, tmp_path, tokens)
    server.should_exit = True
    thread.join(timeout=30)


SMALL_MEMORY = Limits.service().but(memory_bytes=200 * MIB)
SHORT_TIME = Limits.service().but(seconds=0.5)


@pytest.mark.parametrize(
    ("budgeted", "message", "named"),
    [
        (SMALL_MEMORY, out_of_memory(SMALL_MEMORY), "memori lebih dari 200 MiB"),
        (SHORT_TIME, timed_out(SHORT_TIME), "berjalan lebih dari 0,5 detik"),
    ],
    indirect=["budgeted"],
    ids=["memory", "time"],
)
def test_an_over_budget_check_fails_with_the_limit_named(
    budgeted: Live, sample: Path, message: str, named: str
) -> None:
    sid = send(budgeted.url, budgeted.tokens["A"], sample)
    body = budgeted.wait("A", sid)
    assert body["status"] == "failed"
    assert body["error"] == message and named in message
    assert "batas satu pemeriksaan di layanan ini" in message
    with signed_in(budgeted.url, budgeted.tokens["A"]) as client:
        page = client.get(f"/pengajuan/{sid}").text
    assert "Gagal." in page and named in page
    assert runner_pids(budgeted.data_dir) == []  # the killed check left nothing running


def test_the_default_budget_is_one_place() -> None:
    assert out_of_memory(Limits.service()).startswith(
        "Pemeriksaan dihentikan karena memerlukan memori lebih dari 1 GiB, batas satu "
        "pemeriksaan di layanan ini."
    )
    assert "berjalan lebih dari 120 detik" in timed_out(Limits.service())


@pytest.mark.parametrize(
    "stderr",
    [
        "MemoryError",
        "memory allocation of 1048576 bytes failed",
        "cannot allocate memory for thread-local data: ABORT",  # glibc, a late library's TLS
    ],
)
def test_a_check_dying_of_a_failed_allocation_is_out_of_memory(stderr: str) -> None:
    assert looks_out_of_memory(127, f"...\n{stderr}\n")
    assert not looks_out_of_memory(1, "Traceback ...\nKeyError: 'nip'\n")


def test_a_killed_server_takes_its_check_along_and_it_runs_again_once(
    tmp_path: Path, sample: Path
) -> None:
    data_dir, log = tmp_path / "var", tmp_path / "server.log"
    storage = Storage(data_dir)
    token = add_agency(storage, "A", "Instansi A")[1]

    first = Served(data_dir, log)
    sid = send(first.url, token, sample)
    (check,) = until(lambda: runner_pids(data_dir), 30)
    first.kill()
    until(lambda: gone(check), 5)  # not an orphan: it died with the server
    assert storage.submission(sid).status == "running"  # type: ignore[union-attr]
    assert storage.attempts(sid) == 1

    second = Served(data_dir, log)  # resumes the interrupted check: its second start
    (again,) = until(lambda: runner_pids(data_dir), 30)
    assert again != check and storage.attempts(sid) == 2
    second.kill()
    until(lambda: gone(again), 5)

    third = Served(data_dir, log)  # two interrupted starts: not a third one
    try:
        sub = storage.submission(sid)
        assert sub is not None and sub.status == "failed"
        assert sub.error == gave_up(MAX_ATTEMPTS)
        assert storage.attempts(sid) == MAX_ATTEMPTS
        assert runner_pids(data_dir) == []
        later = send(third.url, token, sample)  # the service itself goes on checking
        with httpx.Client(base_url=third.url, headers={"Authorization": f"Bearer {token}"}) as c:
            until(lambda: c.get(f"/api/v1/pengajuan/{later}").json()["status"] == "done", 60)
    finally:
        third.stop()
    assert "Traceback" not in log.read_text()


def test_a_submission_is_claimed_once(tmp_path: Path, sample: Path) -> None:
    storage = Storage(tmp_path)
    add_agency(storage, "A", "Instansi A")
    sid = queued(storage, sample)
    assert storage.claim(sid) is True
    assert storage.claim(sid) is False  # already running: a second check does not start
    storage.release(sid)
    assert storage.attempts(sid) == 0
    # the same submission handed to the dispatcher twice is checked once
    work = dispatcher(storage)
    work.submit(sid)
    work.submit(sid)
    assert wait_for(storage, sid, "done", "failed") == "done"
    work.shutdown()
    assert storage.attempts(sid) == 1


def test_restart_requeues_a_running_check_once(tmp_path: Path, sample: Path) -> None:
    storage = Storage(tmp_path)
    add_agency(storage, "A", "Instansi A")
    once, twice = queued(storage, sample), queued(storage, sample)
    message = gave_up(MAX_ATTEMPTS)
    assert storage.claim(once) and storage.claim(twice)  # both start; the server dies
    assert storage.requeue_interrupted(MAX_ATTEMPTS, message) == []  # both queued again
    assert storage.claim(twice)  # started again; the server dies again
    assert storage.requeue_interrupted(MAX_ATTEMPTS, message) == [twice]
    assert storage.submission(once).status == "queued"  # type: ignore[union-attr]
    failed = storage.submission(twice)
    assert failed is not None and failed.status == "failed"
    assert failed.error == gave_up(2) and "sudah dimulai 2 kali" in failed.error


def test_a_timed_out_check_is_killed_with_its_process_group(tmp_path: Path, sample: Path) -> None:
    storage = Storage(tmp_path)
    add_agency(storage, "A", "Instansi A")
    sid = queued(storage, sample)
    limits = Limits.service().but(seconds=1.0)
    work = dispatcher(storage, limits)
    work.submit(sid)
    (check,) = until(lambda: runner_pids(tmp_path), 10)
    assert os.getpgid(check) == check  # it leads a process group of its own
    assert wait_for(storage, sid, "done", "failed") == "failed"
    work.shutdown()
    assert gone(check) and runner_pids(tmp_path) == []
    assert storage.submission(sid).error == timed_out(limits)  # type: ignore[union-attr]


def test_a_client_hanging_up_mid_upload_is_one_log_line(tmp_path: Path) -> None:
    data_dir, log = tmp_path / "var", tmp_path / "server.log"
    token = add_agency(Storage(data_dir), "A", "Instansi A")[1]
    served = Served(data_dir, log)
    try:
        host, port = served.url.removeprefix("http://").split(":")
        head = (
            "POST /api/v1/pengajuan HTTP/1.1\r\n"
            f"Host: {host}\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: multipart/form-data; boundary=batas\r\n"
            "Content-Length: 5000000\r\n\r\n"
            '--batas\r\nContent-Disposition: form-data; name="files"; '
            'filename="pegawai.csv"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(head + b"nip,nama\n" * 20_000)
        until(lambda: "client disconnected" in log.read_text(), 10)
        assert served.answers()  # and the service goes on
    finally:
        served.stop()
    text = log.read_text()
    assert [line for line in text.splitlines() if "disconnected" in line] == [
        "client disconnected during upload of /api/v1/pengajuan"
    ]
    assert "Traceback" not in text
    assert list((data_dir / "pengajuan").iterdir()) == []  # nothing of it was kept


def test_report_pages_read_findings_from_the_database(live: Live, sample: Path) -> None:
    response = upload(live, "B", csv_files(sample))
    sid = response.json()["id"]
    assert live.wait("B", sid)["status"] == "done"
    storage = Storage(live.data_dir)
    report_file = storage.folder(sid) / "laporan.json"
    report = read_report(report_file)
    groups = by_rule(report)
    with storage.connect() as con:
        stored = con.execute(
            "SELECT rule, findings FROM rule_groups WHERE submission = ? ORDER BY position",
            (sid,),
        ).fetchall()
        rows = con.execute("SELECT COUNT(*) FROM findings WHERE submission = ?", (sid,)).fetchone()
    assert [tuple(row) for row in stored] == [(rule, len(items)) for rule, items in groups]
    assert rows[0] == len(report.active())
    rule = next(rule for rule, items in groups if len(items) > LIMITS["page_size"])

    with signed_in(live.url, live.tokens["B"]) as client:

        def pages() -> list[str]:
            return [
                client.get(f"/pengajuan/{sid}").text,
                client.get(f"/pengajuan/{sid}/aturan/{rule}").text,
                client.get(f"/pengajuan/{sid}/aturan/{rule}", params={"halaman": 2}).text,
            ]

        shown = pages()
        assert "Temuan per aturan" in shown[0] and "Halaman 2 dari" in shown[2]
        items = dict(groups)[rule]
        assert escape(items[0].message) in shown[1]
        assert escape(items[LIMITS["page_size"]].message) in shown[2]
        # without the report file the pages are the same: they never read it
        report_file.rename(report_file.with_suffix(".disimpan"))
        assert pages() == shown
        report_file.with_suffix(".disimpan").rename(report_file)
        # a report stored before the findings table existed is stored on its first view
        forget_findings(storage, sid)
        assert pages() == shown
    with storage.connect() as con:
        again = con.execute("SELECT COUNT(*) FROM findings WHERE submission = ?", (sid,)).fetchone()
    assert again[0] == rows[0]
    assert json.loads(report_file.read_text(encoding="utf-8"))["findings"]  # kept as a file


# the tables the pages read before findings had a category and an OPD
OLD_TABLES = """
CREATE TABLE report_overviews (submission TEXT PRIMARY KEY, findings INTEGER NOT NULL,
    by_severity TEXT NOT NULL, instansi TEXT NOT NULL);
CREATE TABLE rule_summaries (submission TEXT NOT NULL, rule TEXT NOT NULL,
    position INTEGER NOT NULL, title TEXT NOT NULL, severity TEXT NOT NULL,
    findings INTEGER NOT NULL, PRIMARY KEY (submission, rule));
"""


def test_a_report_stored_before_categories_is_stored_again_from_its_file(tmp_path: Path) -> None:
    storage = Storage(tmp_path)
    add_agency(storage, "A", "Instansi A")
    sid = new_submission_id()
    storage.folder(sid).mkdir()
    storage.add_submission(Submission(sid, "A", "", now(), "2026-06-30", [2025], "done", "0"))
    report_file = storage.folder(sid) / "laporan.json"
    report_file.write_text(to_json(small_report()), encoding="utf-8")
    with storage.connect() as con:  # as the service left it before the upgrade
        con.executescript(OLD_TABLES)
        con.execute("INSERT INTO report_overviews VALUES (?, 6, '{}', '[[], []]')", (sid,))
    Storage(tmp_path)  # the upgraded service opens the database
    with storage.connect() as con:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    assert not tables & {"report_overviews", "rule_summaries"}
    shown = overview(storage, sid, report_file)
    assert shown.by_category == {"ketidakpatuhan": 4, "verifikasi": 1, "informasi": 1}
    assert shown.opd[0][0] == "Perangkat daerah" and [OPD, 4, 1, 0] in shown.opd[1]
    found = rule_summary(storage, sid, "KAR-KP-MASA")
    assert found is not None and found.categories == ("verifikasi",)


@pytest.mark.parametrize(
    "budgeted", [Limits.service().but(cells_per_file=100)], indirect=True, ids=["cells"]
)
def test_a_file_over_the_cells_budget_is_a_finding_naming_the_limit(
    budgeted: Live, sample: Path
) -> None:
    sid = send(budgeted.url, budgeted.tokens["A"], sample)
    body = budgeted.wait("A", sid)
    assert body["status"] == "done"  # the agency gets a report: which files were too large
    with signed_in(budgeted.url, budgeted.tokens["A"]) as client:
        page = client.get(f"/pengajuan/{sid}/aturan/SKEMA-BERKAS").text
    assert "melebihi batas 100 sel per berkas" in page


@pytest.mark.parametrize(
    "budgeted", [Limits.service().but(findings=5)], indirect=True, ids=["findings"]
)
def test_a_check_over_the_findings_budget_fails_naming_it(budgeted: Live, sample: Path) -> None:
    sid = send(budgeted.url, budgeted.tokens["A"], sample)
    body = budgeted.wait("A", sid)
    assert body["status"] == "failed"
    assert "lebih dari 5 temuan" in body["error"]
    assert "batas satu laporan" in body["error"]


def test_a_check_loads_its_libraries_before_the_memory_limit() -> None:
    """The package imports libraries on first use; the runner loads what a check needs before
    it limits its memory, so the limit is spent on the agency's data, not on the libraries."""
    code = (
        "import sys; from checker.serve.runner import preload; preload(); "
        "print(sorted(m for m in ('duckdb', 'openpyxl', 'checker.checking', "
        "'checker.serve.findings') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.strip() == str(
        sorted(["duckdb", "openpyxl", "checker.checking", "checker.serve.findings"])
    )
