"""The ``kebijakan`` command line: one thin function per command over the library.

Each command parses its options, calls one library function and renders the result; library
errors become exit codes (0 fine, 1 findings/problems, 2 unusable input or usage) in one place,
:func:`checker.cli.common.checker_errors`. This module holds the group and the everyday
commands; :mod:`checker.cli.versions`, :mod:`checker.cli.serve` and :mod:`checker.cli.impact`
hold the rest.

Commands import the library modules they run inside their functions (and call the public API
through ``checker.<name>``, itself imported on first use), so ``kebijakan --help`` and every
``--help`` load click and little else: no database, spreadsheet, Word or web library.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

import checker
from checker import __version__
from checker.cli.common import (
    Context,
    Group,
    as_of_option,
    emit,
    note_source,
    output_option,
    output_to,
    parse_date,
    policy_option,
    ref_option,
    rules_option,
    years_option,
)
from checker.cli.impact import dispensasi, impact
from checker.cli.konsultasi import konsultasi
from checker.cli.serve import agency, audit, publish, purge, serve
from checker.cli.versions import diff, export, versions
from checker.errors import UsageError
from checker.formats import REGULATION_FORMATS, REPORT_FORMATS, SHOWN_PER_GROUP


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
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
    ctx.obj = Context()
    ctx.obj.debug = debug


# -- commands ----------------------------------------------------------------------------


@cli.command()
@policy_option
@rules_option
@ref_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: berkas:baris:kolom: [tingkat] pesan; json: daftar.",
)
@click.option("--strict", is_flag=True, help="Peringatan juga membuat kode keluar 1.")
@click.option(
    "--laporan",
    "reports",
    default=None,
    type=click.Path(exists=True, path_type=Path),
    help="Laporan JSON pemeriksaan terakhir, atau folder laporan (tanggal terbaru "
    "dipakai): dispensasi yang tidak mencakup temuan apa pun dilaporkan.",
)
@click.option(
    "--tanggal",
    "today",
    default=None,
    metavar="TTTT-BB-HH",
    callback=parse_date,
    help="Hari pemeriksaan (bawaan: hari ini, WIB): menentukan dispensasi yang kedaluwarsa dan "
    "apakah target rancangan dimulai sebelum rancangan itu dapat ditetapkan.",
)
def lint(
    policy_root: Path | None,
    rules_root: Path | None,
    ref: str | None,
    fmt: str,
    strict: bool,
    reports: Path | None,
    today: dt.date | None,
) -> None:
    """Periksa kebijakan dan aturan: skema, id, rujukan, parameter, SQL, kaidah perancangan.

    Memeriksa policy/, rules/*.yml, skema tabel rules/schema/, dan rules/dispensasi/.
    Kode keluar: 0 bersih, 1 ada kesalahan (atau peringatan dengan --strict), 2 tidak dapat
    dijalankan.

    \b
    Contoh:
      kebijakan lint
      kebijakan lint --format json --policy policy --rules rules
      kebijakan lint --laporan reports/contoh
      kebijakan lint --ref v2026.1
      kebijakan lint --tanggal 2027-03-01
    """
    problems = checker.lint(policy_root, rules_root, reports=reports, ref=ref, today=today)
    if fmt == "json":
        click.echo(
            json.dumps([dataclasses.asdict(p) for p in problems], ensure_ascii=False, indent=2)
        )
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
@ref_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REGULATION_FORMATS)),
    default="text",
    show_default=True,
    help="text seperti di kertas; markdown untuk situs.",
)
@output_option
def render_cmd(
    policy_root: Path | None, ref: str | None, as_of: dt.date | None, fmt: str, output: Path | None
) -> None:
    """Cetak seluruh peraturan: nomor dihitung, rujukan dan parameter dirender.

    \b
    Contoh:
      kebijakan render
      kebijakan render --format markdown --as-of 2028-01-01 -o peraturan.md
      kebijakan render --ref v2026.1
    """
    kebijakan = checker.load_kebijakan(policy_root, ref=ref, text_only=True)
    note_source(kebijakan)
    text = checker.render(kebijakan.peraturan, fmt, as_of)
    emit(text, output, "Peraturan")


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@policy_option
@rules_option
@ref_option
@as_of_option
@years_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help="Bentuk laporan.",
)
@output_to("Tulis laporan ke berkas ini (wajib untuk xlsx; bawaan: layar).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Tingkat temuan yang membuat kode keluar 1.",
)
@click.option(
    "--semua",
    is_flag=True,
    help=f"Laporan text dan md memuat semua temuan (bawaan: {SHOWN_PER_GROUP} pertama per aturan).",
)
@click.option(
    "--batas-waktu",
    "seconds",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="DETIK",
    help="Hentikan pemeriksaan yang berjalan lebih lama dari ini (kode keluar 2; bawaan: "
    "tanpa batas).",
)
def check_cmd(
    paths: tuple[Path, ...],
    policy_root: Path | None,
    rules_root: Path | None,
    ref: str | None,
    as_of: dt.date | None,
    years: list[int] | None,
    fmt: str,
    output: Path | None,
    fail_on: str,
    semua: bool,
    seconds: float | None,
) -> None:
    """Periksa data kepegawaian instansi terhadap peraturan dan buat laporannya.

    PATHS: folder berisi berkas per tabel (pegawai.csv, pelatihan.csv, ...), berkas CSV/XLSX,
    satu workbook templat, atau ekspor SIASN. Kebijakan yang dipakai: policy/ dan rules/ di
    folder ini, atau salinan bawaan paket bila tidak ada (disebutkan di laporan), atau yang
    dipilih dengan --policy/--rules/--ref.

    \b
    Contoh:
      kebijakan check kiriman/ --as-of 2026-06-30
      kebijakan check data.xlsx --tahun 2024,2025 --format xlsx -o perbaikan.xlsx
      kebijakan check kiriman/ --format json -o laporan.json --fail-on warning
      kebijakan check kiriman/ --ref v2026.1
      kebijakan check nasional/ --format json -o laporan.json --batas-waktu 3600
    """
    from checker.limits import Limits

    if fmt == "xlsx" and output is None:
        raise UsageError("laporan xlsx harus ditulis ke berkas: tambahkan -o LAPORAN.xlsx")
    kebijakan = checker.load_kebijakan(policy_root, rules_root, ref=ref)
    note_source(kebijakan)
    progress = _progress()
    report = checker.check(
        paths,
        kebijakan=kebijakan,
        as_of=as_of,
        years=years,
        progress=progress,
        with_rows=fmt == "xlsx",
        limits=Limits.cli().but(seconds=seconds),
    )
    if progress is not None:  # clear the progress line before the report
        click.echo("\r" + " " * 44 + "\r", err=True, nl=False)
    color = output is None and sys.stdout.isatty()
    data = checker.render_report(report, fmt, color=color, limit=None if semua else SHOWN_PER_GROUP)
    emit(data, output, "Laporan")
    click.get_current_context().exit(1 if report.failed(fail_on) else 0)


def _progress() -> Callable[[str], None] | None:
    """A one-line progress display on stderr when it is a terminal (rules checked so far);
    intake itself is silent, so the line starts with the first rule."""
    if not sys.stderr.isatty():
        return None
    done = [0]

    def show(rule_id: str) -> None:
        done[0] += 1
        click.echo(f"\rMemeriksa aturan {done[0]}: {rule_id:<24}", err=True, nl=False)

    return show


@cli.command()
@policy_option
@rules_option
@click.option(
    "--as-of",
    "as_of",
    default=None,
    metavar="TTTT-BB-HH",
    callback=parse_date,
    help="Tanggal acuan (bawaan: 2026-06-30, tanggal kunci jawaban data contoh).",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    default="demo-out",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder hasil.",
)
def demo(
    policy_root: Path | None, rules_root: Path | None, as_of: dt.date | None, out_dir: Path
) -> None:
    """Jalankan pekerjaan utama pada contoh bawaan dan tulis hasilnya ke demo-out/.

    Memeriksa kebijakan dan aturan, mencetak peraturan (teks, Markdown, Word), membuat templat
    Excel dan data contoh sintetis berisi kesalahan tertanam, lalu memeriksa data itu dan menulis
    laporannya dalam semua bentuk.

    \b
    Contoh:
      kebijakan demo
      kebijakan demo -o /tmp/hasil
    """
    from checker.report.finding import SEVERITIES
    from checker.report.labels import severity_label

    result = checker.run_demo(
        out_dir,
        policy_root,
        rules_root,
        as_of,
        progress=lambda message: click.echo(f"… {message}", err=True),
    )
    warnings = sum(p.severity == "warning" for p in result.problems)
    click.echo(f"Lint kebijakan dan aturan: 0 kesalahan, {warnings} peringatan.")
    if result.report is not None:
        counts = result.report.counts_by_severity()
        found = ", ".join(f"{counts[s]} {severity_label(s)}" for s in SEVERITIES)
        click.echo(
            f"Pemeriksaan data contoh: {found} (kesalahan tertanam yang memang harus ditemukan)."
        )
    if result.skipped:
        click.echo(f"Data contoh tidak dibuat dan tidak diperiksa: {result.skipped}")
    for path in result.written:
        click.echo(f"Ditulis: {path}")


@cli.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default="templat-kepegawaian.xlsx",
    show_default=True,
    help="Berkas templat Excel (.xlsx) yang ditulis.",
)
@policy_option
@rules_option
@ref_option
def template(
    output: Path, policy_root: Path | None, rules_root: Path | None, ref: str | None
) -> None:
    """Tulis templat Excel untuk data kepegawaian: satu lembar per tabel, dengan petunjuk.

    Kolom dan pilihan nilainya diambil dari skema tabel (rules/schema/) versi kebijakan yang
    dipakai.

    \b
    Contoh:
      kebijakan template -o templat-kepegawaian.xlsx
      kebijakan template --ref v2026.1 -o templat-v2026.1.xlsx
    """
    from checker.data.template import write_template

    kebijakan = checker.load_kebijakan(policy_root, rules_root, ref=ref)
    note_source(kebijakan)
    click.echo(f"Templat ditulis ke {write_template(output, kebijakan.schema)}.")


@cli.command()
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder hasil.",
)
@click.option(
    "--employees", type=int, default=1000, show_default=True, help="Jumlah pegawai yang dibuat."
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Benih acak; benih dan jumlah yang sama menghasilkan berkas yang sama persis.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "siasn"]),
    default="csv",
    show_default=True,
    help="csv (satu berkas per tabel), xlsx (satu workbook), atau siasn (berkas seperti "
    "unduhan SIASN: data pegawai dan riwayat rw-golongan, rw-kursus, rw-diklat, rw-skp22, …).",
)
@click.option(
    "--fault-rate",
    type=float,
    default=0.02,
    show_default=True,
    help="Bagian pegawai yang diberi kesalahan tertanam (0 sampai 1).",
)
@policy_option
@ref_option
def sample(
    out_dir: Path,
    employees: int,
    seed: int,
    fmt: str,
    fault_rate: float,
    policy_root: Path | None,
    ref: str | None,
) -> None:
    """Buat data contoh sintetis instansi di Bengkulu beserta kunci jawaban kesalahannya.

    Semua ambang (JP paling sedikit, batas JP PPPK, batas usia pensiun, masa dalam pangkat,
    plafon pendidikan, periode kenaikan pangkat) dibaca dari parameter.yml kebijakan yang
    dipakai (--ref: kebijakan pada tag atau commit itu, misalnya versi terakhir, agar pratinjau
    dampak suatu usulan memakai data yang tidak disusun dari ambang usulan itu sendiri). Kunci
    jawaban (kunci_jawaban.csv) memuat setiap pelanggaran tertanam (kind breach) dan setiap data
    yang tepat berada di sisi patuh suatu ambang (kind near_miss), yang tidak boleh dilaporkan.

    --format siasn menulis data yang sama dalam bentuk unduhan SIASN (panduan: Data dari SIASN);
    kolom baris kunci jawabannya dikosongkan karena barisnya tidak sama dengan berkas SIASN.

    \b
    Contoh:
      kebijakan sample -o sampel --employees 5000 --seed 7
      kebijakan sample -o sampel-xlsx --format xlsx --employees 500 --fault-rate 0.05
      kebijakan sample -o sampel-siasn --format siasn --employees 500
      kebijakan sample -o sampel-uji --policy policy-usulan
      kebijakan sample -o build/sampel --ref v2026.1
    """
    from checker.data.sample import generate_sample
    from checker.data.thresholds import Thresholds

    result = generate_sample(
        out_dir,
        employees=employees,
        seed=seed,
        fmt=fmt,
        fault_rate=fault_rate,
        thresholds=Thresholds.load(policy_root, ref=ref),
    )
    planted = sum(result.faults.values())
    click.echo(
        f"Ditulis {result.rows['pegawai']} baris pegawai ke {out_dir}/ "
        f"dengan {planted} kesalahan tertanam; kunci jawaban: {result.key}."
    )


for _command in (
    export,
    versions,
    diff,
    agency,
    serve,
    publish,
    audit,
    purge,
    impact,
    dispensasi,
    konsultasi,
):
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kebijakan")
