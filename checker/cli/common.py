"""What every ``kebijakan`` command shares: how errors become exit codes, Indonesian usage lines,
and the common options. The command modules import from here, so none of them needs another.

Errors are mapped in one place, :func:`checker_errors`, which :class:`Command` and
:class:`Group` run around every invocation: whether a command is reached through the
``kebijakan`` group or invoked on its own (as the tests do), a :class:`CheckerError` prints as
``kebijakan: path:line: message`` with its exit code (2), and anything unexpected prints one
line and exits 2, or is raised with its traceback under ``--debug``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from checker.cli import i18n
from checker.errors import CheckerError
from checker.provenance import BUNDLE, FOLDER, REF

if TYPE_CHECKING:
    from checker.kebijakan import Kebijakan

F = TypeVar("F", bound=Callable[..., Any])

i18n.install()


class Context:
    """What the ``kebijakan`` group passes to its commands: whether --debug was given."""

    debug: bool = False


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root().obj
    return bool(root and root.debug)


@contextlib.contextmanager
def checker_errors(ctx: click.Context) -> Iterator[None]:
    """Turn CheckerError (and, without --debug, anything unexpected) into a message on stderr
    and an exit code: the CLI's only catch."""
    try:
        yield
    except CheckerError as exc:
        if _debug(ctx):
            traceback.print_exc()
        click.echo(f"kebijakan: {exc.format()}", err=True)
        ctx.exit(exc.exit_code)
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except Exception as exc:  # the outermost boundary: never a bare traceback
        if _debug(ctx):
            raise
        click.echo(
            f"kebijakan: terjadi kesalahan internal ({type(exc).__name__}: {exc}). "
            "Jalankan ulang dengan --debug untuk rinciannya dan laporkan kepada pengelola.",
            err=True,
        )
        ctx.exit(2)


class Command(click.Command):
    """A ``kebijakan`` command: usage reads ``[OPSI]``; errors map to exit codes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command inside :func:`checker_errors`."""
        with checker_errors(ctx):
            return super().invoke(ctx)


class Group(click.Group):
    """A ``kebijakan`` group: usage reads ``[OPSI] PERINTAH [ARGUMEN]...``; its commands are
    :class:`Command`, its subgroups :class:`Group`; errors of its own callback map to exit
    codes as a command's do."""

    command_class = Command
    group_class = type  # subgroups are of this class too

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the group (and, through it, the chosen command) inside :func:`checker_errors`;
        a command's own errors were already mapped by :meth:`Command.invoke`."""
        with checker_errors(ctx):
            return super().invoke(ctx)


def policy_option(func: F) -> F:
    """``--policy DIR``: where the regulation lives (default: ``policy/`` here, else the copy
    installed with the package)."""
    return click.option(
        "--policy",
        "policy_root",
        default=None,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder kebijakan (peraturan.yml, parameter.yml, bab/). Bawaan: policy/ di folder "
        "ini, atau salinan bawaan paket bila tidak ada.",
    )(func)


def ref_option(func: F) -> F:
    """``--ref GITREF``: read policy/ and rules/ as they were at a tag, branch or commit."""
    return click.option(
        "--ref",
        "ref",
        default=None,
        metavar="GITREF",
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
        "--as-of",
        "as_of",
        default=None,
        metavar="TTTT-BB-HH",
        callback=parse_date,
        help="Tanggal acuan nilai parameter (bawaan: hari ini).",
    )(func)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """The value of a date option (``TTTT-BB-HH``), or a usage error in Indonesian."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} bukan tanggal; tulis TTTT-BB-HH, misalnya 2027-01-01"
        ) from None


def rules_option(func: F) -> F:
    """``--rules DIR``: where the rules and the Table Schema live (default: ``rules/`` beside
    the policy folder)."""
    return click.option(
        "--rules",
        "rules_root",
        default=None,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder aturan (rules/*.yml, rules/schema/, rules/dispensasi/). Bawaan: rules/ di "
        "samping folder kebijakan.",
    )(func)


def parse_years(ctx: click.Context, param: click.Parameter, value: str | None) -> list[int] | None:
    """The value of ``--tahun`` (``2025`` or ``2024,2025``), sorted, or a usage error."""
    if not value:
        return None
    try:
        years = sorted({int(part) for part in value.replace(" ", "").split(",") if part})
    except ValueError:
        raise click.BadParameter(
            f"{value!r} bukan daftar tahun; tulis misalnya 2025 atau 2024,2025"
        ) from None
    if not years or any(year < 1950 or year > 2100 for year in years):
        raise click.BadParameter(f"{value!r}: tahun harus di antara 1950 dan 2100")
    return years


def output_to(help_text: str) -> Callable[[F], F]:
    """``-o/--output FILE`` with ``help_text``: write the result to a file."""

    def decorate(func: F) -> F:
        return click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=help_text,
        )(func)

    return decorate


# the usual -o: a file instead of the screen
output_option = output_to("Tulis ke berkas ini (bawaan: layar).")


def years_option(func: F) -> F:
    """``--tahun TTTT[,TTTT]``: the years checked (default: the last completed one)."""
    return click.option(
        "--tahun",
        "years",
        callback=parse_years,
        metavar="TTTT[,TTTT]",
        help="Tahun yang diperiksa (bawaan: tahun kalender terakhir sebelum --as-of).",
    )(func)


def emit(data: str | bytes, output: Path | None, what: str) -> None:
    """Write ``data`` to ``output`` and say so on stderr ("Laporan ditulis ke …"), or print it
    when no file was asked for."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output:
        output.write_bytes(raw)
        click.echo(f"{what} ditulis ke {output}.", err=True)
    else:
        click.echo(raw.decode("utf-8"), nl=False)
