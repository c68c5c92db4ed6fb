"""The ``kebijakan`` command line: one thin function per command over the library.

Each command parses its options, calls one library function, renders the result and maps
library errors to exit codes (0 fine, 1 findings/problems, 2 unusable input or usage).
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from checker import __version__
from checker.errors import CheckerError

F = TypeVar("F", bound=Callable[..., Any])


class _Context:
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kebijakan")
@click.option("--debug", is_flag=True, help="Tampilkan traceback lengkap bila terjadi kesalahan.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Kebijakan ASN Bengkulu: regulasi sebagai kode.

    \b
    Contoh:
      kebijakan lint
      kebijakan render --format markdown --as-of 2027-01-01
      kebijakan demo
    """
    ctx.obj = _Context()
    ctx.obj.debug = debug


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kebijakan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
