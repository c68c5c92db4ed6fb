"""Fixtures shared by the intake budget tests."""

from __future__ import annotations

import csv

import pytest

from tests.rules.builder import Data

PEGAWAI = 3  # employees in the small clean table the budget tests damage or inflate


@pytest.fixture(scope="module")
def pegawai_rows(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """A clean ``pegawai`` table of :data:`PEGAWAI` employees, header first."""
    data = Data()
    for _ in range(PEGAWAI):
        data.pegawai()
    folder = data.write(tmp_path_factory.mktemp("asli"))
    with (folder / "pegawai.csv").open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh) if row]
