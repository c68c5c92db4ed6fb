"""Documentation cannot drift: every command has help with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from checker.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _walk(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    """Every command and subcommand by its full name ("agency add", "export docx", ...)."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        found[full] = command
        if isinstance(command, click.Group):
            found.update(_walk(command, f"{full} "))
    return found


COMMANDS = _walk(cli)


def test_subcommands_are_walked() -> None:
    # the walk must reach the nested commands, or the tests below check too little
    assert {"agency add", "export docx", "versions bekukan", "dispensasi periksa"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_with_example(name: str) -> None:
    command = COMMANDS[name]
    assert command.help, f"{name} has no docstring"
    assert "Contoh:" in command.help
    assert f"kebijakan {name}" in command.help


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_in_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kebijakan {name}" in readme


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_has_help(name: str) -> None:
    for param in COMMANDS[name].params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```")
    first_block = blocks[1].strip().splitlines()
    commands = [line for line in first_block if line and not line.startswith(("#", "bash", "sh"))]
    assert commands == ['pip install -e ".[dev]" && kebijakan demo', "python -m pytest"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in ci


def test_golden_updates_are_refused_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.golden import check_golden

    target = tmp_path / "a.md"
    target.write_text("lama\n", encoding="utf-8")
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="refused under CI"):
        check_golden(target, "baru\n")
    assert target.read_text(encoding="utf-8") == "lama\n"
    monkeypatch.delenv("CI")
    check_golden(target, "baru\n")
    assert target.read_text(encoding="utf-8") == "baru\n"
