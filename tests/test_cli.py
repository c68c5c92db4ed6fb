"""The command line: exact output and exit codes (0 fine, 1 problems, 2 unusable)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from checker.cli import cli
from tests.policy_fixture import HAK, MakePolicy


def run(*args: str, catch: bool = True) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=catch, prog_name="kebijakan")
    return result.exit_code, result.stdout, result.stderr


def test_lint_clean_exits_0(make_policy: MakePolicy) -> None:
    make_policy()
    code, out, err = run("lint", catch=False)
    assert (code, out, err) == (0, "", "0 kesalahan, 0 peringatan.\n")


def test_lint_problem_exits_1_with_parsable_line(make_policy: MakePolicy) -> None:
    make_policy(bab__hak_md=HAK.replace("[[jalur-pendidikan]]", "[[tidak-ada]]"))
    code, out, err = run("lint")
    assert code == 1
    assert out == (
        "policy/bab/hak.md:16:35: [error] rujukan [[tidak-ada]] tidak menunjuk Pasal, "
        "ayat atau rincian mana pun; periksa id-nya (unresolved-ref)\n"
    )
    assert err == "1 kesalahan, 0 peringatan.\n"


def test_lint_warning_fails_only_with_strict(make_policy: MakePolicy) -> None:
    make_policy(bab__hak_md=HAK.replace("jalur pendidikan; dan", "jalur pendidikan"))
    assert run("lint")[0] == 0
    assert run("lint", "--strict")[0] == 1


def test_lint_json(make_policy: MakePolicy) -> None:
    make_policy(bab__hak_md=HAK.replace("[[jalur-pendidikan]]", "[[tidak-ada]]"))
    code, out, _ = run("lint", "--format", "json")
    assert code == 1
    assert json.loads(out) == [
        {
            "path": "policy/bab/hak.md",
            "line": 16,
            "column": 35,
            "severity": "error",
            "code": "unresolved-ref",
            "message": "rujukan [[tidak-ada]] tidak menunjuk Pasal, ayat atau rincian mana pun; "
            "periksa id-nya",
        }
    ]


def test_missing_policy_folder_exits_2_with_one_message(
    tmp_path: Path, monkeypatch: object
) -> None:
    code, out, err = run("lint", "--policy", str(tmp_path / "tidak-ada"))
    assert code == 2
    assert out == ""
    assert err.startswith("kebijakan: folder kebijakan ")
    assert "Traceback" not in err


def test_render_broken_policy_exits_2_with_file_and_line(make_policy: MakePolicy) -> None:
    make_policy(bab__hak_md=HAK.replace("[[jalur-pendidikan]]", "[[tidak-ada]]"))
    code, out, err = run("render")
    assert (code, out) == (2, "")
    assert err == (
        "kebijakan: policy/bab/hak.md:16: rujukan [[tidak-ada]] tidak menunjuk Pasal, "
        "ayat atau rincian mana pun; periksa id-nya\n"
    )


def test_render_to_file_and_as_of(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy()
    target = tmp_path / "out.md"
    code, _, err = run(
        "render", "--format", "markdown", "--as-of", "2027-01-01", "-o", str(target), catch=False
    )
    assert code == 0
    assert err == f"Peraturan ditulis ke {target}.\n"
    assert "24 (dua puluh empat)" in target.read_text(encoding="utf-8")


def test_bad_date_is_a_usage_error(make_policy: MakePolicy) -> None:
    make_policy()
    code, _, err = run("render", "--as-of", "31/12/2026")
    assert code == 2
    assert "'31/12/2026' bukan tanggal; tulis TTTT-BB-HH" in err


def test_demo_writes_rendered_regulation(make_policy: MakePolicy, tmp_path: Path) -> None:
    make_policy()
    code, out, _ = run("demo", "-o", str(tmp_path / "hasil"), "--as-of", "2026-12-01", catch=False)
    assert code == 0
    assert out.splitlines()[0] == "Lint kebijakan dan aturan: 0 kesalahan, 0 peringatan."
    text = (tmp_path / "hasil" / "peraturan.txt").read_text(encoding="utf-8")
    assert "BERITA DAERAH PROVINSI BENGKULU TAHUN … NOMOR …" in text
    assert (tmp_path / "hasil" / "peraturan.md").is_file()
    # the tiny regulation lacks the parameters the sample is drawn from: said, not raised
    assert "Data contoh tidak dibuat dan tidak diperiksa: Parameter " in out


def test_unexpected_error_is_one_line_without_debug(
    make_policy: MakePolicy, monkeypatch: object
) -> None:
    make_policy()
    import checker

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rusak")

    monkeypatch.setattr(checker, "lint", boom)  # type: ignore[attr-defined]
    code, _, err = run("lint")
    assert code == 2
    assert err.startswith("kebijakan: terjadi kesalahan internal (RuntimeError: rusak).")
    result = CliRunner().invoke(cli, ["--debug", "lint"])
    assert isinstance(result.exception, RuntimeError)


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.startswith("kebijakan, versi ")


def test_click_messages_are_indonesian(make_policy: MakePolicy) -> None:
    make_policy()
    code, out, err = run("lint", "--formt", "json")
    assert (code, out) == (2, "")
    assert err == (
        "Pemakaian: kebijakan lint [OPSI]\n"
        "Jalankan 'kebijakan lint --help' untuk bantuan.\n\n"
        "Kesalahan: Opsi '--formt' tidak ada. Maksud Anda '--format'?\n"
    )
    help_text = run("render", "--help")[1]
    assert help_text.startswith("Pemakaian: kebijakan render [OPSI]")
    assert "Tampilkan bantuan ini lalu keluar." in help_text


def test_checker_error_with_debug_shows_traceback_then_the_line(
    make_policy: MakePolicy, monkeypatch: object
) -> None:
    make_policy()
    import checker
    from checker.errors import InputError

    def unreadable(*args: object, **kwargs: object) -> None:
        raise InputError("berkas rusak", "kiriman/pegawai.csv", 3)

    monkeypatch.setattr(checker, "lint", unreadable)  # type: ignore[attr-defined]
    assert run("lint") == (2, "", "kebijakan: kiriman/pegawai.csv:3: berkas rusak\n")
    code, out, err = run("--debug", "lint")
    assert (code, out) == (2, "")
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith("\nkebijakan: kiriman/pegawai.csv:3: berkas rusak\n")


def test_console_script_is_the_package_main() -> None:
    from importlib.metadata import entry_points

    import checker.cli

    (script,) = entry_points(group="console_scripts", name="kebijakan")
    assert script.value == "checker.cli:main"
    assert script.load() is checker.cli.main


def test_every_command_and_group_maps_errors_and_reads_indonesian() -> None:
    from checker.cli.common import Command, Group

    def walk(command: click.Command) -> list[click.Command]:
        subs = command.commands.values() if isinstance(command, click.Group) else []
        return [command, *(c for sub in subs for c in walk(sub))]

    for command in walk(cli):
        assert isinstance(command, Group if isinstance(command, click.Group) else Command), (
            command.name
        )
        assert command.options_metavar == "[OPSI]"
