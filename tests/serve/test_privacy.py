"""The data dir holds NIPs, names and birth dates: only the service's user may enter it."""

from __future__ import annotations

import stat
from pathlib import Path

from checker.serve.storage import Storage
from tests.serve.live import Live, csv_files, upload


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_data_dir_is_private(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "var")
    assert mode(storage.data_dir) == 0o700
    assert mode(storage.submissions_dir) == 0o700
    assert mode(storage.path) == 0o600


def test_an_existing_open_data_dir_is_closed(tmp_path: Path) -> None:
    (tmp_path / "var").mkdir(mode=0o755)
    (tmp_path / "var").chmod(0o755)
    assert mode(Storage(tmp_path / "var").data_dir) == 0o700


def test_each_submission_folder_is_private(live: Live, sample: Path) -> None:
    response = upload(live, "A", csv_files(sample))
    assert response.status_code == 202, response.text
    folder = live.data_dir / "pengajuan" / response.json()["id"]
    assert mode(folder) == 0o700
