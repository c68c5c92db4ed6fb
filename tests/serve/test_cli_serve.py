"""``kebijakan agency``, ``publish`` and ``serve --help``: exact output and exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.cli.serve import agency, publish, serve
from checker.serve import Storage
from checker.serve.access import agency_for_token, hash_secret

TOKEN = re.compile(r"^kbj_[A-Za-z0-9_-]{43}\n$")


@click.group()
def group() -> None:
    """The commands as ``kebijakan`` registers them."""


for command in (agency, publish, serve):
    group.add_command(command)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(group, list(args), prog_name="kebijakan")
    return result.exit_code, result.stdout, result.stderr


def test_add_prints_the_token_once_and_stores_only_its_hash(tmp_path: Path) -> None:
    code, out, err = run(
        "agency", "add", "dinkes", "--nama", "Dinas  Kesehatan", "--data-dir", str(tmp_path)
    )
    assert code == 0
    assert TOKEN.match(out)
    assert err == (
        "Instansi DINKES — Dinas Kesehatan terdaftar.\n"
        "Token (simpan sekarang; tidak dapat ditampilkan lagi):\n"
    )
    token = out.strip()
    database = (tmp_path / "kebijakan.sqlite3").read_bytes()
    assert token.encode() not in database and hash_secret(token).encode() in database
    found = agency_for_token(Storage(tmp_path), token)
    assert found is not None and found.code == "DINKES"


def test_list_revoke_and_new_token(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path)]
    run("agency", "add", "BKD", "--nama", "BKD Provinsi Bengkulu", "--admin", *data)
    first = run("agency", "add", "KAB-KAUR", "--nama", "BKPSDM Kabupaten Kaur", *data)[1]
    assert run("agency", "revoke", "kab-kaur", *data) == (
        0,
        "Token KAB-KAUR — BKPSDM Kabupaten Kaur dicabut.\n",
        "",
    )
    code, out, _ = run("agency", "list", *data)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "BKD\tadmin\taktif\tsemua\tBKD Provinsi Bengkulu"
    assert re.match(
        r"^KAB-KAUR\tinstansi\tdicabut \d{4}-\d\d-\d\dT[\d:]+Z\t-\tBKPSDM Kabupaten "
        r"Kaur$",
        lines[1],
    )
    code, second, _ = run("agency", "token", "KAB-KAUR", *data)
    assert code == 0 and TOKEN.match(second)
    storage = Storage(tmp_path)
    assert agency_for_token(storage, first.strip()) is None
    assert agency_for_token(storage, second.strip()) is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("agency", "add", "dinas kesehatan", "--nama", "X"),
            "kebijakan: kode instansi 'dinas kesehatan' tidak sah: pakai huruf, angka dan tanda "
            "hubung saja (paling panjang 32), misalnya DINKES atau KAB-MUKOMUKO\n",
        ),
        (
            ("agency", "revoke", "TIDAK-ADA"),
            "kebijakan: instansi TIDAK-ADA belum terdaftar; lihat `kebijakan agency list`\n",
        ),
    ],
)
def test_mistakes_exit_2_with_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    assert run(*args, "--data-dir", str(tmp_path)) == (2, "", message)


def test_adding_twice_points_to_token(tmp_path: Path) -> None:
    run("agency", "add", "DINKES", "--nama", "Dinas Kesehatan", "--data-dir", str(tmp_path))
    code, out, err = run("agency", "add", "DINKES", "--nama", "Lain", "--data-dir", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        "kebijakan: instansi DINKES sudah terdaftar; untuk token baru jalankan "
        "`kebijakan agency token DINKES`\n"
    )


def test_publish_without_service_data_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("publish", "--data-dir", str(tmp_path / "var"), "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert "tidak berisi basis data" in err


def test_publish_with_nothing_accepted_writes_nothing(tmp_path: Path) -> None:
    Storage(tmp_path / "var")
    code, out, err = run(
        "publish", "--data-dir", str(tmp_path / "var"), "-o", str(tmp_path / "reports")
    )
    assert (code, out) == (0, "")
    assert err == f"0 laporan ditulis ke {tmp_path / 'reports'}.\n"


def test_every_command_has_an_example_and_option_help() -> None:
    commands: list[click.Command] = [serve, publish, agency, *agency.commands.values()]
    for command in commands:
        assert command.help and "Contoh:" in command.help
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, (command.name, param.opts)
