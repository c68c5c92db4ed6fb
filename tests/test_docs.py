"""Documentation cannot drift: every command has help with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from checker.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_command_has_help_with_example(name: str) -> None:
    command = cli.commands[name]
    assert command.help, f"{name} has no docstring"
    assert "Contoh:" in command.help
    assert f"kebijakan {name}" in command.help


@pytest.mark.parametrize("name", _commands())
def test_command_is_in_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"kebijakan {name}" in readme


def test_every_option_has_help() -> None:
    for name, command in cli.commands.items():
        for param in command.params:
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
