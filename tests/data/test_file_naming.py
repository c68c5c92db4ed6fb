"""Name what was given: files without an extension, with an odd one, or a zip named like a
table are recognised by content; when nothing can be read the check stops with exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.data.ingest import ingest
from tests.rules.builder import Data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pegawai_csv(tmp_path: Path) -> bytes:
    data = Data()
    data.pegawai()
    data.pegawai()
    return (data.write(tmp_path / "asli") / "pegawai.csv").read_bytes()


@pytest.mark.parametrize("name", ["pegawai", "pegawai.CSV ", "pegawai.Csv", "data pegawai"])
def test_a_csv_is_read_whatever_its_extension(
    tmp_path: Path, pegawai_csv: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(pegawai_csv)
    with ingest([path]) as dataset:
        assert [(i.table, i.rows) for i in dataset.inputs] == [("pegawai", 2)]


def check(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2026-01-15"])
    return result.exit_code, result.output


def test_a_zip_named_like_a_table_is_not_a_pass(
    tmp_path: Path, pegawai_csv: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pegawai.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pegawai.csv", pegawai_csv)
    code, output = check(path, monkeypatch)
    assert code == 2
    assert "Berkas ini arsip ZIP, bukan tabel. Ekstrak isinya" in output


def test_an_unsupported_file_named_like_a_table_is_not_a_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pegawai.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    code, output = check(path, monkeypatch)
    assert code == 2
    assert "Jenis berkas ini tidak didukung" in output
