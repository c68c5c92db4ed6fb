"""What every ``kebijakan`` command shares: error handling, Indonesian usage lines, and the
common options. Command modules (cli.py, cli_versions.py, cli_serve.py, cli_impact.py) import
from here, so none of them needs another."""

from __future__ import annotations

import datetime as dt
import functools
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import cli_i18n
from checker.errors import CheckerError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

cli_i18n.install()


class Context:
    """What the ``kebijakan`` group passes to its commands: whether --debug was given."""

    debug: bool = False


def handle_errors(func: F) -> F:
    """Turn CheckerError (and, without --debug, anything unexpected) into exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().obj and ctx.find_root().obj.debug)
        try:
            return func(*args, **kwargs)
        except CheckerError as exc:
            if debug:
                traceback.print_exc()
            click.echo(f"kebijakan: {exc.format()}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # the outermost boundary: never a bare traceback
            if debug:
                raise
            click.echo(
                f"kebijakan: terjadi kesalahan internal ({type(exc).__name__}: {exc}). "
                "Jalankan ulang dengan --debug untuk rinciannya dan laporkan kepada pengelola.",
                err=True,
            )
            ctx.exit(2)

    return wrapper  # type: ignore[return-value]


class Command(click.Command):
    """A command whose usage line reads in Indonesian: ``[OPSI]``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """The ``kebijakan`` group; its commands use :class:`Command`."""

    command_class = Command


# The repository this package was installed from (an editable install): its policy/ and
# rules/ are used when the working directory has neither, so commands work from anywhere.
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def default_root(name: str) -> Callable[[click.Context, click.Parameter, Path], Path]:
    def resolve(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
        here = Path("policy").is_dir() or Path("rules").is_dir()
        if value == Path(name) and not here and (PROJECT_ROOT / name).is_dir():
            return PROJECT_ROOT / name
        return value

    return resolve


def policy_option(func: F) -> F:
    """``--policy DIR``: where the regulation lives (default ``policy``, else the project's)."""
    return click.option(
        "--policy", "policy_root", default=Path("policy"), show_default=True,
        type=click.Path(file_okay=False, path_type=Path), callback=default_root("policy"),
        help="Folder kebijakan (peraturan.yml, parameter.yml, bab/).",
    )(func)


def as_of_option(func: F) -> F:
    """``--as-of DATE``: the date whose parameter values apply (default today)."""
    return click.option(
        "--as-of", "as_of", default=None, metavar="TTTT-BB-HH",
        callback=parse_date,
        help="Tanggal acuan nilai parameter (bawaan: hari ini).",
    )(func)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} bukan tanggal; tulis TTTT-BB-HH, misalnya 2027-01-01") from None


def require_dir(path: Path) -> None:
    if not path.is_dir():
        raise UsageError(f"folder kebijakan {path} tidak ditemukan; jalankan dari akar "
                         "repositori atau beri --policy FOLDER")


def rules_option(func: F) -> F:
    """``--rules DIR``: where the rules live (default ``rules``)."""
    return click.option(
        "--rules", "rules_root", default=Path("rules"), show_default=True,
        type=click.Path(file_okay=False, path_type=Path), callback=default_root("rules"),
        help="Folder aturan (rules/*.yml dan rules/schema/).",
    )(func)


def parse_years(ctx: click.Context, param: click.Parameter, value: str | None
                 ) -> list[int] | None:
    if not value:
        return None
    try:
        years = sorted({int(part) for part in value.replace(" ", "").split(",") if part})
    except ValueError:
        raise click.BadParameter(
            f"{value!r} bukan daftar tahun; tulis misalnya 2025 atau 2024,2025") from None
    if not years or any(year < 1950 or year > 2100 for year in years):
        raise click.BadParameter(f"{value!r}: tahun harus di antara 1950 dan 2100")
    return years


def indonesian_usage(command: click.Command) -> click.Command:
    """Usage lines of commands defined in other modules read ``[OPSI]`` too."""
    command.options_metavar = "[OPSI]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "PERINTAH [ARGUMEN]..."
        for sub in command.commands.values():
            indonesian_usage(sub)
    return command
