"""A live upload service on 127.0.0.1 (uvicorn in a thread) with three agencies and BKD, and
small limits so that every limit can be reached by a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.data.sample import generate_sample
from checker.serve import Storage, add_agency, create_app
from tests.serve.live import LIMITS, ROOT, Live, serve_in_thread


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic agency CSV files (60 employees, many planted faults)."""
    out = tmp_path_factory.mktemp("sampel")
    generate_sample(out, employees=60, seed=3, fmt="csv", fault_rate=0.3)
    (out / "kunci_jawaban.csv").unlink()
    return out


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """The service with agencies A, B, R (to be revoked) and BKD (admin)."""
    data_dir = tmp_path_factory.mktemp("var")
    storage = Storage(data_dir)
    tokens = {
        "A": add_agency(storage, "A", "Dinas <script>alert('A')</script> Kesehatan")[1],
        "B": add_agency(storage, "B", "BKPSDM Kabupaten Kaur")[1],
        "R": add_agency(storage, "R", "Instansi yang dicabut")[1],
        "BKD": add_agency(storage, "BKD", "BKD Provinsi Bengkulu", admin=True)[1],
    }
    app = create_app(
        data_dir,
        policy_root=ROOT / "policy",
        rules_root=ROOT / "rules",
        max_concurrent_checks=2,
        **LIMITS,
    )
    url, server, thread = serve_in_thread(app)
    yield Live(url, data_dir, tokens)
    server.should_exit = True
    thread.join(timeout=30)
