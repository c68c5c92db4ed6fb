"""Commands for decisions with evidence: ``impact`` (what a draft change does to the findings)
and ``dispensasi`` (the dispensations in force, and their checks against the last check).

Thin layers over :mod:`checker.impact` and :mod:`checker.dispensasi`, imported inside the
commands so ``--help`` loads neither; registered on the ``kebijakan`` group in :mod:`checker.cli`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from checker.cli.common import (
    Command,
    Group,
    as_of_option,
    emit,
    note_source,
    output_option,
    policy_option,
    rules_option,
    years_option,
)
from checker.errors import PolicyError, Problem

_ROOTS_KEY = "kebijakan.dispensasi_roots"


@click.command("impact", cls=Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--from",
    "ref_from",
    default=None,
    metavar="GITREF",
    help="Versi lama: tag, cabang, atau commit (bawaan: tag terakhir).",
)
@click.option(
    "--to",
    "ref_to",
    default=None,
    metavar="GITREF",
    help="Versi baru: tag, cabang, atau commit (bawaan: salinan kerja).",
)
@policy_option
@rules_option
@as_of_option
@years_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text untuk layar; markdown untuk pull request atau situs; json untuk mesin "
    "dan halaman Dampak rancangan.",
)
@click.option(
    "--tanpa-redline",
    "no_redline",
    is_flag=True,
    help="Jangan sertakan redline Pasal (text dan markdown).",
)
@output_option
def impact(
    paths: tuple[Path, ...],
    ref_from: str | None,
    ref_to: str | None,
    policy_root: Path,
    rules_root: Path,
    as_of: dt.date | None,
    years: list[int] | None,
    fmt: str,
    no_redline: bool,
    output: Path | None,
) -> None:
    """Pratinjau dampak perubahan kebijakan dan aturan terhadap temuan pada data yang sama.

    Data dibaca sekali lalu diperiksa dengan dua versi policy/ + rules/ (termasuk dispensasi).
    Hasilnya hanya angka per aturan, perangkat daerah, dan Pasal, tanpa NIP atau nama, ditambah
    redline Pasal yang berubah. Kode keluar 0 bila pratinjau selesai.

    \b
    Contoh:
      kebijakan impact kiriman/ --from v2026.1
      kebijakan impact kiriman/ --from v2026.1 --to rancangan-jp --tahun 2025
      kebijakan impact kiriman/ --format markdown -o dampak.md
      kebijakan impact kiriman/ --format json -o build/dampak.json
    """
    from checker.impact import impact as run_impact
    from checker.impact import render_markdown, render_text, to_json

    found = run_impact(
        paths,
        policy_root=policy_root,
        rules_root=rules_root,
        ref_from=ref_from,
        ref_to=ref_to,
        as_of=as_of,
        years=years,
    )
    if fmt == "json":
        text = to_json(found)
    elif fmt == "markdown":
        text = render_markdown(found, redline=not no_redline)
    else:
        text = render_text(
            found, color=output is None and sys.stdout.isatty(), redline=not no_redline
        )
    emit(text, output, "Pratinjau dampak")


@click.group("dispensasi", cls=Group, invoke_without_command=True)
@policy_option
@rules_option
@as_of_option
@click.pass_context
def dispensasi(
    ctx: click.Context, policy_root: Path, rules_root: Path, as_of: dt.date | None
) -> None:
    """Daftar dispensasi di rules/dispensasi/: berlaku, belum berlaku, atau berakhir.

    Tanggal menurut waktu Asia/Jakarta; sebuah dispensasi berlaku sampai dengan tanggal
    valid_until. Subperintah periksa mencari dispensasi yang kedaluwarsa, salah rujukan, atau
    tidak mencakup satu temuan pun pada pemeriksaan terakhir.

    \b
    Contoh:
      kebijakan dispensasi
      kebijakan dispensasi --as-of 2026-12-31
      kebijakan dispensasi periksa --laporan reports/2026-06-30/
    """
    ctx.meta[_ROOTS_KEY] = (policy_root, rules_root)
    if ctx.invoked_subcommand is not None:
        return
    from checker.dispensasi import jakarta_today
    from checker.kebijakan import load_kebijakan
    from checker.wording import digits, tanggal

    day = as_of or jakarta_today()
    kebijakan = load_kebijakan(policy_root, rules_root)
    note_source(kebijakan)
    records = sorted(kebijakan.dispensasi, key=lambda d: (d.valid_until, d.id))
    if not records:
        click.echo(f"Belum ada dispensasi di {kebijakan.source.rules}/dispensasi/.")
        return
    rows = [("Dispensasi", "Aturan", "Lingkup", "Berlaku s.d.", "Status")]
    for record in records:
        if record.in_force(day):
            left = (record.valid_until - day).days
            status = "berlaku" + (f", sisa {digits(left)} hari" if left < 60 else "")
        else:
            status = "berakhir" if record.expired(day) else "belum berlaku"
        rows.append(
            (
                record.id,
                ", ".join(record.rules),
                record.scope.describe(),
                tanggal(record.valid_until),
                status,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


@dispensasi.command("periksa")
@click.option(
    "--laporan",
    "reports",
    default=None,
    type=click.Path(exists=True, path_type=Path),
    help="Laporan JSON pemeriksaan terakhir, atau folder laporan (tanggal terbaru "
    "dipakai), untuk menemukan dispensasi yang tidak mencakup temuan apa pun.",
)
@click.option("--strict", is_flag=True, help="Peringatan juga membuat kode keluar 1.")
@click.pass_context
def periksa(ctx: click.Context, reports: Path | None, strict: bool) -> None:
    """Periksa dispensasi: skema, aturan dan Pasal yang dirujuk, kedaluwarsa, yatim.

    \b
    Contoh:
      kebijakan dispensasi periksa
      kebijakan dispensasi periksa --laporan reports/contoh --strict
    """
    from checker.dispensasi import dispensasi_root
    from checker.kebijakan import inspect, opened

    policy_root, rules_root = ctx.meta[_ROOTS_KEY]
    with opened(policy_root, rules_root) as source:
        found = inspect(source, reports=reports)
        folder = dispensasi_root(source.rules).resolve()

    def ours(problem: Problem) -> bool:
        return problem.code.startswith("dispensasi") or Path(problem.path).resolve().is_relative_to(
            folder
        )

    # the policy and rules must load for the references to be judged; their own problems
    # belong to `kebijakan lint`
    problems = [p for p in found.problems if ours(p)]
    others = [p for p in found.errors if not ours(p)]
    if others:
        raise PolicyError(others)
    for problem in problems:
        click.echo(problem.format())
    errors = sum(p.severity == "error" for p in problems)
    click.echo(f"{errors} kesalahan, {len(problems) - errors} peringatan.", err=True)
    failing = [p for p in problems if p.severity == "error" or strict]
    ctx.exit(1 if failing else 0)
