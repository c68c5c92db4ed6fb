"""Upload service benchmark: ``python bench/serve.py`` (data generated once under ``bench/data/``).

Starts the service on 127.0.0.1 with a fresh data folder, has 20 agencies upload the seven CSV
tables of a 1 000-employee agency at the same moment, and polls the health check every 100 ms
until every check has finished. Prints throughput and latency percentiles for the uploads
(until 202), the whole round (until the report is ready) and the health check, which must keep
answering while the checks run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
# bench/ holds scripts named like packages (docx.py): import from the repository root instead
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]

from checker.serve import Storage, add_agency, create_app  # noqa: E402
from checker.wording import digits  # noqa: E402
from tests.serve.live import serve_in_thread  # noqa: E402

DATA = ROOT / "bench" / "data"


def sample(employees: int) -> Path:
    """The seven tables of one agency, made once with ``kebijakan sample``."""
    out = DATA / f"serve-{employees}"
    if not (out / "pegawai.csv").exists():
        print(f"  membuat data contoh {employees:,} pegawai …", file=sys.stderr, flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                "sample",
                "-o",
                str(out),
                "--employees",
                str(employees),
                "--seed",
                "1",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out


def decimal(value: float) -> str:
    """One decimal, Indonesian style: 35,4."""
    return f"{value:.1f}".replace(".", ",")


def percentiles(values: list[float]) -> str:
    """p50 / p90 / p99 / max in milliseconds."""
    if not values:
        return "-"
    ordered = sorted(values)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000

    return (
        f"p50 {at(0.5):7.0f} ms   p90 {at(0.9):7.0f} ms   p99 {at(0.99):7.0f} ms   "
        f"maks {ordered[-1] * 1000:7.0f} ms"
    )


def one_agency(
    url: str,
    token: str,
    files: list[Path],
    results: list[tuple[float, float]],
    start: threading.Event,
) -> None:
    """Upload, then poll until the check is done; record (upload, round trip) seconds."""
    with httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=600
    ) as client:
        parts = [("files", (p.name, p.read_bytes(), "text/csv")) for p in files]
        start.wait()
        began = time.perf_counter()
        response = client.post(
            "/api/v1/pengajuan", files=parts, data={"as_of": "2026-06-30", "tahun": "2025"}
        )
        uploaded = time.perf_counter() - began
        response.raise_for_status()
        path = f"/api/v1/pengajuan/{response.json()['id']}"
        while (status := client.get(path).json()["status"]) in ("queued", "running"):
            time.sleep(0.1)
        if status != "done":
            raise RuntimeError(f"{path}: {status}")
        results.append((uploaded, time.perf_counter() - began))


def health(url: str, stop: threading.Event, latencies: list[float], failures: list[str]) -> None:
    """Ask the health check every 100 ms until stopped."""
    with httpx.Client(base_url=url, timeout=5) as client:
        while not stop.is_set():
            began = time.perf_counter()
            try:
                client.get("/api/v1/kesehatan").raise_for_status()
                latencies.append(time.perf_counter() - began)
            except httpx.HTTPError as exc:
                failures.append(repr(exc))
            stop.wait(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=20, help="unggahan bersamaan")
    parser.add_argument("--employees", type=int, default=1000, help="pegawai per unggahan")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 2,
        help="pemeriksaan bersamaan (bawaan: jumlah inti)",
    )
    args = parser.parse_args()
    files = sorted(p for p in sample(args.employees).glob("*.csv") if p.name != "kunci_jawaban.csv")
    size = sum(p.stat().st_size for p in files)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        storage = Storage(tmp)
        tokens = [
            add_agency(storage, f"INSTANSI-{n:02d}", f"Instansi {n}")[1]
            for n in range(args.uploads)
        ]
        app = create_app(
            tmp,
            policy_root=ROOT / "policy",
            rules_root=ROOT / "rules",
            max_concurrent_checks=args.workers,
        )
        url, server, thread = serve_in_thread(app)
        results: list[tuple[float, float]] = []
        beats: list[float] = []
        failures: list[str] = []
        start, stop = threading.Event(), threading.Event()
        agents = [
            threading.Thread(target=one_agency, args=(url, token, files, results, start))
            for token in tokens
        ]
        pulse = threading.Thread(target=health, args=(url, stop, beats, failures))
        for agent in agents:
            agent.start()
        pulse.start()
        began = time.perf_counter()
        start.set()
        for agent in agents:
            agent.join()
        elapsed = time.perf_counter() - began
        stop.set()
        pulse.join()
        server.should_exit = True
        thread.join()

    done = len(results)
    print(
        f"{done}/{args.uploads} unggahan selesai diperiksa; {digits(args.employees)} pegawai, "
        f"{len(files)} berkas CSV, {decimal(size / 2**20)} MB per unggahan; "
        f"{args.workers} pemeriksaan bersamaan"
    )
    print(
        f"waktu total     {decimal(elapsed):>6} s   throughput "
        f"{decimal(done / elapsed * 60)} unggahan/menit "
        f"({digits(round(done * args.employees / elapsed))} pegawai/s)"
    )
    print(f"unggah (202)    {percentiles([r[0] for r in results])}")
    print(f"sampai laporan  {percentiles([r[1] for r in results])}")
    print(
        f"cek kesehatan   {percentiles(beats)}   ({len(beats)} jawaban, "
        f"{len(failures)} gagal, rata-rata {statistics.fmean(beats) * 1000:.0f} ms)"
    )
    if failures or done != args.uploads:
        sys.exit(1)


if __name__ == "__main__":
    main()
