"""The ``kebijakan`` command line: one thin function per command over the library.

Each command parses its options, calls one library function, renders the result and maps
library errors to exit codes (0 fine, 1 findings/problems, 2 unusable input or usage).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

import checker
from checker import __version__
from checker.errors import CheckerError, UsageError
from checker.policy.render import FORMATS

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


# -- shared options ----------------------------------------------------------------------

def policy_option(func: F) -> F:
    """``--policy DIR``: where the regulation lives (default ``policy``)."""
    return click.option(
        "--policy", "policy_root", default="policy", show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder kebijakan (peraturan.yml, parameter.yml, bab/).",
    )(func)


def as_of_option(func: F) -> F:
    """``--as-of DATE``: the date whose parameter values apply (default today)."""
    return click.option(
        "--as-of", "as_of", default=None, metavar="TTTT-BB-HH",
        callback=_parse_date,
        help="Tanggal acuan nilai parameter (bawaan: hari ini).",
    )(func)


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} bukan tanggal; tulis TTTT-BB-HH, misalnya 2027-01-01") from None


def _require_dir(path: Path) -> None:
    if not path.is_dir():
        raise UsageError(f"folder kebijakan {path} tidak ditemukan; jalankan dari akar "
                         "repositori atau beri --policy FOLDER")


# -- commands ----------------------------------------------------------------------------

@cli.command()
@policy_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: berkas:baris:kolom: [tingkat] pesan; json: daftar.")
@click.option("--strict", is_flag=True, help="Peringatan juga membuat kode keluar 1.")
@handle_errors
def lint(policy_root: Path, fmt: str, strict: bool) -> None:
    """Periksa kebijakan: skema, id, rujukan, parameter, dan kaidah perancangan.

    Kode keluar: 0 bersih, 1 ada kesalahan (atau peringatan dengan --strict), 2 tidak dapat
    dijalankan.

    \b
    Contoh:
      kebijakan lint
      kebijakan lint --format json --policy policy
    """
    _require_dir(policy_root)
    problems = checker.lint_policy(policy_root)
    if fmt == "json":
        click.echo(json.dumps([dataclasses.asdict(p) for p in problems], ensure_ascii=False,
                              indent=2))
    else:
        for problem in problems:
            click.echo(problem.format())
        errors = sum(p.severity == "error" for p in problems)
        warnings = len(problems) - errors
        click.echo(f"{errors} kesalahan, {warnings} peringatan.", err=True)
    failing = [p for p in problems if p.severity == "error" or strict]
    click.get_current_context().exit(1 if failing else 0)


@cli.command("render")
@policy_option
@as_of_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="text seperti di kertas; markdown untuk situs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tulis ke berkas ini (bawaan: layar).")
@handle_errors
def render_cmd(policy_root: Path, as_of: dt.date | None, fmt: str, output: Path | None) -> None:
    """Cetak seluruh peraturan: nomor dihitung, rujukan dan parameter dirender.

    \b
    Contoh:
      kebijakan render
      kebijakan render --format markdown --as-of 2028-01-01 -o peraturan.md
    """
    _require_dir(policy_root)
    text = checker.render(checker.load_policy(policy_root), fmt, as_of)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Peraturan ditulis ke {output}.", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@policy_option
@as_of_option
@click.option("-o", "--output", "out_dir", default="demo-out", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder hasil.")
@handle_errors
def demo(policy_root: Path, as_of: dt.date | None, out_dir: Path) -> None:
    """Jalankan pekerjaan utama pada contoh bawaan dan tulis hasilnya ke demo-out/.

    \b
    Contoh:
      kebijakan demo
      kebijakan demo -o /tmp/hasil
    """
    _require_dir(policy_root)
    result = checker.run_demo(out_dir, policy_root, as_of)
    warnings = sum(p.severity == "warning" for p in result.problems)
    click.echo(f"Lint kebijakan: 0 kesalahan, {warnings} peringatan.")
    for path in result.written:
        click.echo(f"Ditulis: {path}")


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kebijakan")


if __name__ == "__main__":  # pragma: no cover
    main()
