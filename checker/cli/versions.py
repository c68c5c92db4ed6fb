"""Commands for versions: ``export docx``, ``versions`` (and ``versions bekukan``), ``diff``.

Each is a thin layer over :mod:`checker.versions`, imported inside the command so ``--help``
does not load it (nor python-docx); registered on the ``kebijakan`` group in :mod:`checker.cli`.
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
    output_option,
    output_to,
    policy_option,
)
from checker.errors import UsageError

_POLICY_KEY = "kebijakan.policy_root"


def _today(as_of: dt.date | None) -> dt.date:
    return as_of or dt.date.today()


@click.group("export", cls=Group)
def export() -> None:
    """Ekspor peraturan menjadi dokumen resmi untuk ditandatangani.

    \b
    Contoh:
      kebijakan export docx
      kebijakan export docx --ref v2026.1 -o pergub-v2026.1.docx
    """


@export.command("docx")
@policy_option
@as_of_option
@output_to("Berkas .docx yang ditulis (bawaan: peraturan-VERSI.docx).")
@click.option(
    "--ref",
    default=None,
    metavar="GITREF",
    help="Ekspor versi pada tag, cabang, atau commit ini (bawaan: salinan kerja).",
)
@click.option(
    "--redline-from",
    "redline_from",
    default=None,
    metavar="GITREF",
    help="Tandai perubahan sejak versi ini sebagai perubahan terlacak Word.",
)
@click.option(
    "--accept",
    is_flag=True,
    help="Bersama --redline-from: terima semua perubahan (salinan bersih).",
)
def docx(
    policy_root: Path,
    as_of: dt.date | None,
    output: Path | None,
    ref: str | None,
    redline_from: str | None,
    accept: bool,
) -> None:
    """Tulis Peraturan Gubernur dalam tata letak resmi (F4, Bookman Old Style 12).

    \b
    Contoh:
      kebijakan export docx
      kebijakan export docx --ref v2026.1 -o pergub-v2026.1.docx
      kebijakan export docx --redline-from v2026.1 -o perubahan.docx
      kebijakan export docx --redline-from v2026.1 --accept -o naskah-tanda-tangan.docx
    """
    from checker.versions import export_version

    if accept and redline_from is None:
        raise UsageError("--accept hanya berlaku bersama --redline-from REF")
    path = export_version(
        policy_root, output, as_of=_today(as_of), ref=ref, redline_from=redline_from, accept=accept
    )
    click.echo(f"Dokumen Word ditulis ke {path}.", err=True)


def _write_document(document: object, output: Path | None, fmt: str | None, stem: str) -> None:
    """Write a Biro Hukum document: Markdown to the screen unless ``-o`` names a file; Word and
    Excel always to a file (``stem`` plus the extension when no ``-o``)."""
    from checker.export.tabel import format_of, write

    chosen = format_of(output, fmt)
    data = write(document, chosen)  # type: ignore[arg-type]
    if output is None and chosen == "md":
        click.echo(data.decode("utf-8"), nl=False)
        return
    path = output or Path(f"{stem}.{chosen}")
    path.write_bytes(data)
    click.echo(f"Ditulis ke {path}.", err=True)


DOCUMENT_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "xlsx", "md"]),
    default=None,
    help="docx (Word F4 mendatar), xlsx, atau md (untuk komentar pull request). Bawaan: "
    "menurut akhiran -o, atau md ke layar.",
)


@export.command("dim")
@policy_option
@click.option(
    "--versi",
    default=None,
    metavar="REF",
    help="Versi yang dikonsultasikan: versi rancangan (seperti di policy/konsultasi/) atau "
    "tag/commit Git. Bawaan: berkas konsultasi terakhir.",
)
@output_to("Berkas .docx, .xlsx, atau .md yang ditulis (bawaan: md ke layar).")
@DOCUMENT_FORMAT
def dim_cmd(policy_root: Path, versi: str | None, output: Path | None, fmt: str | None) -> None:
    """Daftar Inventarisasi Masalah: setiap masukan konsultasi publik beserta tanggapannya.

    Satu baris per masukan yang diterbitkan: Pasal (nomornya pada versi yang dikonsultasikan
    dan sekarang), rumusan yang dikonsultasikan, masukan, asal, tanggapan, keputusan, dan
    rumusan sekarang bila berubah. Dibaca dari policy/konsultasi/ dan riwayat Git.

    \b
    Contoh:
      kebijakan export dim -o dim.docx
      kebijakan export dim --versi 2026.1-rancangan -o dim.xlsx
      kebijakan export dim --format md
    """
    from checker.export.biro import dim_document

    document = dim_document(policy_root, versi)
    _write_document(document, output, fmt, f"dim-{versi or 'konsultasi'}".replace("/", "-"))


@export.command("matriks")
@policy_option
@as_of_option
@click.option(
    "--from", "ref_a", required=True, metavar="REF", help="Versi lama (tag, cabang, commit)."
)
@click.option(
    "--to", "ref_b", default=None, metavar="REF", help="Versi baru (bawaan: salinan kerja)."
)
@output_to("Berkas .docx, .xlsx, atau .md yang ditulis (bawaan: md ke layar).")
@DOCUMENT_FORMAT
def matriks_cmd(
    policy_root: Path,
    as_of: dt.date | None,
    ref_a: str,
    ref_b: str | None,
    output: Path | None,
    fmt: str | None,
) -> None:
    """Matriks perubahan: rumusan lama | rumusan baru | keterangan, per Pasal yang berubah.

    Satu baris per Pasal yang diubah, ditambah, atau dihapus, bernomor pada kedua versi; kata
    yang dihapus dicoret dan kata yang ditambahkan ditebalkan; keterangan memuat masukan
    konsultasi dan keputusan yang mengubahnya (policy/konsultasi/).

    \b
    Contoh:
      kebijakan export matriks --from v2026.1 -o matriks.docx
      kebijakan export matriks --from v2026.1 --to v2026.2 -o matriks.xlsx
      kebijakan export matriks --from origin/main --format md
    """
    from checker.export.biro import matriks_document

    document = matriks_document(policy_root, ref_a, ref_b, as_of=_today(as_of))
    stem = f"matriks-{ref_a}-{ref_b or 'kerja'}".replace("/", "-")
    _write_document(document, output, fmt, stem)


@click.group("versions", cls=Group, invoke_without_command=True)
@policy_option
@click.pass_context
def versions(ctx: click.Context, policy_root: Path) -> None:
    """Daftar versi peraturan: tag Git beserta tanggal dan statusnya.

    Subperintah bekukan mencatat penomoran versi yang ditetapkan di policy/penomoran.yml,
    sehingga versi berikutnya memakai Pasal 9A, ayat (2a), dan "Pasal 9 dihapus.".

    \b
    Contoh:
      kebijakan versions
      kebijakan versions bekukan v2026.1
    """
    ctx.meta[_POLICY_KEY] = policy_root  # shared with the subcommand's context
    if ctx.invoked_subcommand is not None:
        return
    from checker.versions import list_versions, pending_freeze
    from checker.wording import tanggal

    found = list_versions(policy_root)
    if not found:
        click.echo("Belum ada versi bertag. Beri tag pada commit versi, misalnya: git tag v2026.1")
        return
    rows = [("Versi", "Tanggal", "Status", "Versi peraturan", "Nomor", "Commit")]
    for v in found:
        nomor = f"{v.number} Tahun {v.year}" if v.number and v.year else "—"
        rows.append((v.tag, tanggal(v.date.date()), v.status, v.version, nomor, v.commit[:10]))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    pending = pending_freeze(policy_root, found)
    if pending:
        click.echo(
            f"\nCatatan: {pending} berstatus ditetapkan tetapi penomorannya belum "
            f"dibekukan; jalankan kebijakan versions bekukan {pending}."
        )


@versions.command("bekukan")
@click.argument("ref", required=False)
@click.pass_context
def bekukan(ctx: click.Context, ref: str | None) -> None:
    """Bekukan penomoran versi yang ditetapkan (bawaan: salinan kerja) di penomoran.yml.

    \b
    Contoh:
      kebijakan versions bekukan v2026.1
      kebijakan versions --policy policy bekukan
    """
    from checker.versions import freeze

    path = freeze(ctx.meta[_POLICY_KEY], ref)
    click.echo(
        f"Penomoran {ref or 'salinan kerja'} dibekukan di {path}; commit berkas ini "
        "bersama versinya."
    )


@click.command("diff", cls=Command)
@click.argument("ref_a", required=False)
@click.argument("ref_b", required=False)
@policy_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="text untuk layar (berwarna di terminal); markdown.",
)
@output_option
def diff(
    ref_a: str | None,
    ref_b: str | None,
    policy_root: Path,
    as_of: dt.date | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Perubahan antara dua versi: Pasal ditambah, dihapus, dipindah, diubah kata demi kata.

    REF_A bawaan tag terakhir; REF_B bawaan salinan kerja.

    \b
    Contoh:
      kebijakan diff
      kebijakan diff v2026.1 v2026.2 --format markdown -o perubahan.md
    """
    from checker.diff import render_markdown, render_text
    from checker.versions import compare_versions

    comparison = compare_versions(policy_root, ref_a, ref_b, as_of=_today(as_of))
    if fmt == "markdown":
        text = render_markdown(comparison)
    else:
        text = render_text(comparison, color=output is None and sys.stdout.isatty())
    emit(text, output, "Perubahan")
