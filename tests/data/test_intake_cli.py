"""``kebijakan template`` and ``kebijakan sample``: exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from checker.cli import cli


def test_template_writes_the_workbook(tmp_path: Path) -> None:
    target = tmp_path / "templat.xlsx"
    result = CliRunner().invoke(cli, ["template", "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output == f"Templat ditulis ke {target}.\n"
    assert "pegawai" in load_workbook(target).sheetnames


def test_sample_writes_tables_and_key(tmp_path: Path) -> None:
    out = tmp_path / "sampel"
    args = ["sample", "-o", str(out), "--employees", "30", "--seed", "4", "--fault-rate", "0.2"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Ditulis 3") and "kunci jawaban" in result.output
    assert (out / "pegawai.csv").exists() and (out / "kunci_jawaban.csv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--employees", "0"], "kebijakan: Jumlah pegawai (--employees) harus paling sedikit 1.\n"),
        (
            ["--fault-rate", "1.5"],
            "kebijakan: Tingkat kesalahan (--fault-rate) harus antara 0 dan 1",
        ),
        (["--employees", "banyak"], "Nilai tidak sah untuk '--employees': 'banyak' bukan"),
        (["--format", "ods"], "Nilai tidak sah untuk '--format'"),
    ],
)
def test_sample_bad_option_exits_2_with_one_message(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["sample", "-o", str(tmp_path / "s"), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_sample_needs_an_output_folder() -> None:
    result = CliRunner().invoke(cli, ["sample"])
    assert result.exit_code == 2
    assert "'-o' / '--output'" in result.output
