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
from checker.errors import CheckerError
from checker.kebijakan import Kebijakan
from checker.provenance import BUNDLE, FOLDER, REF

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


def policy_option(func: F) -> F:
    """``--policy DIR``: where the regulation lives (default: ``policy/`` here, else the copy
    installed with the package)."""
    return click.option(
        "--policy", "policy_root", default=None,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder kebijakan (peraturan.yml, parameter.yml, bab/). Bawaan: policy/ di folder "
             "ini, atau salinan bawaan paket bila tidak ada.",
    )(func)


def ref_option(func: F) -> F:
    """``--ref GITREF``: read policy/ and rules/ as they were at a tag, branch or commit."""
    return click.option(
        "--ref", "ref", default=None, metavar="GITREF",
        help="Pakai kebijakan dan aturan pada tag, cabang, atau commit ini (bawaan: salinan "
             "kerja).",
    )(func)


def note_source(kebijakan: Kebijakan) -> None:
    """Say on stderr which version is used when it is not the working tree of this folder —
    the bundled copy, or the checkout an editable install points at — so a report made outside
    a checkout never passes for one made from the drafters' text."""
    source = kebijakan.source
    if source.kind == FOLDER and source.policy.resolve().is_relative_to(Path.cwd().resolve()):
        return
    if source.kind == REF:
        return  # the user named the ref
    where = "" if source.kind == BUNDLE else f" di {source.policy.parent}"
    click.echo(f"Memakai kebijakan {kebijakan.describe()}{where}.", err=True)


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


def rules_option(func: F) -> F:
    """``--rules DIR``: where the rules and the Table Schema live (default: ``rules/`` beside
    the policy folder)."""
    return click.option(
        "--rules", "rules_root", default=None,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder aturan (rules/*.yml, rules/schema/, rules/dispensasi/). Bawaan: rules/ di "
             "samping folder kebijakan.",
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
