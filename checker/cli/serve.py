"""The commands of the upload service: ``agency`` (who may send), ``serve``, ``publish``.

Registered on the ``kebijakan`` group in :mod:`checker.cli`; each is a thin layer over
:mod:`checker.serve`.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from checker.cli.common import (
    Command,
    Group,
    note_source,
    output_option,
    parse_date,
    policy_option,
    rules_option,
)

MIB = 1 << 20


def retention_options(func: click.decorators.FC) -> click.decorators.FC:
    """How long the service keeps each kind of personal data, in days (``serve`` and
    ``purge`` take the same options and defaults: checker.serve.retention.Retention)."""
    cap = " Paling lama masa simpan data pribadi Peraturan Gubernur."
    for name, default, words in reversed(
        (
            ("--upload-days", 90, "Lama berkas yang diunggah instansi disimpan, dalam hari."),
            (
                "--report-days",
                365,
                "Lama laporan lengkap (dengan NIP dan nama) dan temuannya disimpan, dalam hari.",
            ),
            (
                "--comment-contact-days",
                180,
                "Lama surel pemberi masukan konsultasi (dan nama yang tidak untuk dimuat) "
                "disimpan, dalam hari; masukan yang ditolak dihapus seluruhnya setelah selama itu.",
            ),
        )
    ):
        func = click.option(
            name,
            default=default,
            show_default=True,
            type=click.IntRange(1, 36_500),
            help=words + cap,
        )(func)
    return func


def data_dir_option(func: click.decorators.FC) -> click.decorators.FC:
    """``--data-dir DIR``: where the service keeps its database and submissions."""
    return click.option(
        "--data-dir",
        default="var",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder data layanan: basis data SQLite dan berkas setiap pengajuan.",
    )(func)


@click.group("agency", cls=Group)
def agency() -> None:
    """Kelola instansi yang boleh mengirim data ke layanan, beserta tokennya.

    Token dicetak sekali saat dibuat dan hanya sidiknya (SHA-256) yang disimpan; serahkan
    kepada operator instansi melalui saluran yang aman.

    \b
    Contoh:
      kebijakan agency add DINKES --nama "Dinas Kesehatan Provinsi Bengkulu"
      kebijakan agency add BKD --nama "BKD Provinsi Bengkulu" --admin
      kebijakan agency list
      kebijakan agency token DINKES
      kebijakan agency revoke DINKES
    """


@agency.command("add")
@click.argument("kode")
@click.option("--nama", required=True, help="Nama lengkap instansi, seperti tampil di halaman.")
@click.option("--admin", is_flag=True, help="Token BKD: melihat pengajuan semua instansi.")
@click.option(
    "--opd",
    "opd",
    multiple=True,
    metavar="OPD",
    help="Perangkat daerah yang diwakili (kode, nama, atau alias di policy/opd.yml); boleh "
    "lebih dari satu. Baris pegawai perangkat daerah lain dalam unggahannya tidak diperiksa.",
)
@policy_option
@data_dir_option
def agency_add(
    kode: str,
    nama: str,
    admin: bool,
    opd: tuple[str, ...],
    policy_root: Path | None,
    data_dir: Path,
) -> None:
    """Daftarkan instansi dan cetak tokennya (sekali saja).

    KODE: huruf, angka dan tanda hubung, misalnya DINKES atau KAB-MUKOMUKO.

    \b
    Contoh:
      kebijakan agency add KAB-MUKOMUKO --nama "BKPSDM Kabupaten Mukomuko"
      kebijakan agency add DINSOS --nama "Dinas Sosial Provinsi Bengkulu" --opd DINSOS
      kebijakan agency add BKD --nama "BKD Provinsi Bengkulu" --admin --data-dir var/
    """
    from checker.serve import Storage, add_agency

    codes = _opd_codes(opd, policy_root) if opd else ()
    found, token = add_agency(Storage(data_dir), kode, nama, admin=admin, opd=codes)
    role = " (admin BKD)" if found.is_admin else ""
    if found.opd:
        role += f" untuk perangkat daerah {', '.join(found.opd)}"
    click.echo(f"Instansi {found.code} — {found.name}{role} terdaftar.", err=True)
    click.echo("Token (simpan sekarang; tidak dapat ditampilkan lagi):", err=True)
    click.echo(token)


def _opd_codes(given: tuple[str, ...], policy_root: Path | None) -> tuple[str, ...]:
    """The codes of policy/opd.yml the given codes, names or aliases name."""
    from checker.errors import UsageError
    from checker.kebijakan import load_kebijakan

    known = load_kebijakan(policy_root, None, text_only=True).peraturan.opd
    codes = []
    for text in given:
        code = known.resolve(text)
        if code is None:
            listed = ", ".join(known.codes()) or "(belum ada: isi policy/opd.yml)"
            raise UsageError(
                f"perangkat daerah {text!r} tidak ada di policy/opd.yml; pilih: {listed}"
            )
        codes.append(code)
    return tuple(codes)


@agency.command("list")
@data_dir_option
def agency_list(data_dir: Path) -> None:
    """Daftar instansi: kode, peran, status token, perangkat daerah yang diwakili, dan nama.

    \b
    Contoh:
      kebijakan agency list --data-dir var/
    """
    from checker.serve import Storage, list_agencies

    agencies = list_agencies(Storage(data_dir))
    if not agencies:
        click.echo("Belum ada instansi. Tambahkan dengan `kebijakan agency add`.", err=True)
    for item in agencies:
        role = "admin" if item.is_admin else "instansi"
        state = "aktif" if item.active else f"dicabut {item.revoked_at}"
        bound = ",".join(item.opd) or ("semua" if item.is_admin else "-")
        click.echo(f"{item.code}\t{role}\t{state}\t{bound}\t{item.name}")


@agency.command("revoke")
@click.argument("kode")
@data_dir_option
def agency_revoke(kode: str, data_dir: Path) -> None:
    """Cabut token instansi seketika: API menjawab 401 dan sesi peramban berakhir.

    Pengajuan yang sudah masuk tetap tersimpan. Token baru: `kebijakan agency token KODE`.

    \b
    Contoh:
      kebijakan agency revoke DINKES
    """
    from checker.serve import Storage, revoke_agency

    found = revoke_agency(Storage(data_dir), kode)
    click.echo(f"Token {found.code} — {found.name} dicabut.")


@agency.command("token")
@click.argument("kode")
@data_dir_option
def agency_token(kode: str, data_dir: Path) -> None:
    """Buat token baru untuk instansi (token lama langsung tidak berlaku, pencabutan berakhir).

    \b
    Contoh:
      kebijakan agency token DINKES
    """
    from checker.serve import Storage, rotate_token

    token = rotate_token(Storage(data_dir), kode)
    click.echo("Token baru (simpan sekarang; tidak dapat ditampilkan lagi):", err=True)
    click.echo(token)


@click.command("serve", cls=Command)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Alamat yang didengarkan; biarkan 127.0.0.1 di belakang proxy HTTPS.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Nomor port HTTP.",
)
@data_dir_option
@policy_option
@rules_option
@click.option(
    "--max-upload-mb",
    default=64,
    show_default=True,
    type=click.IntRange(1, 4096),
    help="Batas ukuran satu unggahan (semua berkas), dalam MB.",
)
@click.option(
    "--max-uncompressed-mb",
    default=512,
    show_default=True,
    type=click.IntRange(1, 65536),
    help="Batas isi ZIP dan XLSX satu unggahan setelah dibuka, dalam MB.",
)
@click.option(
    "--check-memory-mb",
    default=1024,
    show_default=True,
    type=click.IntRange(128, 1 << 20),
    help="Memori paling banyak untuk satu pemeriksaan, dalam MB; pemeriksaan yang "
    "memerlukan lebih dihentikan dengan pesan yang menyebut batas ini.",
)
@click.option(
    "--check-seconds",
    default=120,
    show_default=True,
    type=click.IntRange(1, 86_400),
    help="Lama paling lama satu pemeriksaan, dalam detik.",
)
@retention_options
@click.option(
    "--ref",
    default=None,
    metavar="GITREF",
    help="Versi rancangan yang dibuka untuk konsultasi publik di /konsultasi (tag, cabang, "
    "atau commit); bawaan: versi --policy. Pemeriksaan data tetap memakai --policy/--rules.",
)
@click.option(
    "--workers",
    "max_concurrent_checks",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Pemeriksaan yang berjalan bersamaan.",
)
def serve(
    host: str,
    port: int,
    data_dir: Path,
    policy_root: Path | None,
    rules_root: Path | None,
    max_upload_mb: int,
    max_uncompressed_mb: int,
    check_memory_mb: int,
    check_seconds: int,
    upload_days: int,
    report_days: int,
    comment_contact_days: int,
    ref: str | None,
    max_concurrent_checks: int,
) -> None:
    """Jalankan layanan pengiriman data: halaman unggah untuk operator instansi dan API.

    Operator masuk dengan token dari `kebijakan agency add`, mengunggah CSV/XLSX/ZIP, dan
    menerima laporan. Masyarakat dan ASN memberi masukan atas rancangan Pasal demi Pasal di
    /konsultasi selama masa konsultasi di peraturan.yml. Pasang di belakang proxy HTTPS bila
    dibuka ke jaringan lain.

    \b
    Contoh:
      kebijakan serve
      kebijakan serve --host 0.0.0.0 --port 8080 --data-dir /srv/kebijakan/var
      kebijakan serve --workers 4 --check-memory-mb 2048 --check-seconds 300
      kebijakan serve --ref v2026.1-rancangan
    """
    import uvicorn

    from checker.dispensasi.model import jakarta_today
    from checker.kebijakan import load_kebijakan
    from checker.konsultasi.model import Draft
    from checker.limits import Limits
    from checker.serve import create_app
    from checker.serve.retention import Retention, pergub_limit

    # checked once here so a broken policy is seen before agencies upload; every check then
    # loads the same folders in its own process
    kebijakan = load_kebijakan(policy_root, rules_root)
    note_source(kebijakan)
    policy_root, rules_root = kebijakan.source.policy, kebijakan.source.rules
    retention = Retention(upload_days, report_days, comment_contact_days)
    retention.check(pergub_limit(kebijakan.peraturan, jakarta_today()))
    consulted = load_kebijakan(policy_root, None, ref=ref, text_only=True) if ref else kebijakan
    app = create_app(
        data_dir,
        policy_root=policy_root,
        rules_root=rules_root,
        max_upload_bytes=max_upload_mb * MIB,
        max_uncompressed_bytes=max_uncompressed_mb * MIB,
        max_concurrent_checks=max_concurrent_checks,
        limits=Limits.service().but(memory_bytes=check_memory_mb * MIB, seconds=check_seconds),
        draft=Draft.of(consulted.peraturan),
        upload_days=upload_days,
        report_days=report_days,
        comment_contact_days=comment_contact_days,
    )
    # every file the service and its checks write (uploads, reports with NIPs) is its own
    os.umask(0o077)
    click.echo(f"Layanan berjalan di http://{host}:{port}/ (hentikan dengan Ctrl+C).", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        ws="none",
        log_level="info",
        server_header=False,
        date_header=True,
    )


@click.command("audit", cls=Command)
@data_dir_option
@click.option("--agency", "agency", default=None, metavar="KODE", help="Hanya instansi ini.")
@click.option(
    "--since",
    default=None,
    metavar="TTTT-BB-HH",
    callback=parse_date,
    help="Hanya sejak tanggal ini (UTC).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="Bentuk keluaran.",
)
@output_option
def audit(
    data_dir: Path, agency: str | None, since: dt.date | None, fmt: str, output: Path | None
) -> None:
    """Catatan akses layanan: siapa masuk, mengunggah, melihat, atau mengunduh laporan mana,
    dan tindakan admin, kapan, dari alamat mana.

    Catatan hanya ditambah, tidak pernah diubah atau dihapus, dan tidak memuat isi laporan.

    \b
    Contoh:
      kebijakan audit --data-dir var/
      kebijakan audit --data-dir var/ --agency DINKES --since 2026-12-01 --format json
    """
    from checker.serve import Storage
    from checker.serve import audit as log

    found = log.entries(
        Storage.existing(data_dir),
        agency=agency.strip().upper() if agency else None,
        since=since.isoformat() if since else None,
    )
    text = log.to_json(found) if fmt == "json" else log.to_csv(found)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{len(found)} catatan ditulis ke {output}.", err=True)


@click.command("purge", cls=Command)
@data_dir_option
@policy_option
@retention_options
@click.option("--dry-run", is_flag=True, help="Hanya sebutkan yang akan dihapus.")
def purge(
    data_dir: Path,
    policy_root: Path | None,
    upload_days: int,
    report_days: int,
    comment_contact_days: int,
    dry_run: bool,
) -> None:
    """Hapus data pribadi yang masa simpannya berakhir: berkas unggahan, laporan lengkap, dan
    kontak pemberi masukan konsultasi.

    Catatan pengajuan, ringkasannya, dan jumlah temuan per aturan tetap disimpan (tanpa data
    pribadi). `kebijakan serve` menjalankan pembersihan ini setiap jam dengan masa simpan yang
    sama; perintah ini untuk menjalankannya sekarang. Masa simpan tidak boleh melebihi batas
    Peraturan Gubernur (data.masa_simpan_data_pribadi).

    \b
    Contoh:
      kebijakan purge --data-dir var/ --dry-run
      kebijakan purge --data-dir var/ --report-days 180
    """
    from checker.dispensasi.model import jakarta_today
    from checker.kebijakan import load_kebijakan
    from checker.serve import Storage
    from checker.serve.retention import Retention, pergub_limit
    from checker.serve.retention import purge as run_purge

    storage = Storage.existing(data_dir)
    retention = Retention(upload_days, report_days, comment_contact_days)
    peraturan = load_kebijakan(policy_root, None, text_only=True).peraturan
    retention.check(pergub_limit(peraturan, jakarta_today()))
    found = run_purge(storage, retention, dry_run=dry_run)
    verb = "Akan dihapus" if dry_run else "Dihapus"
    click.echo(f"{verb}: {found.text()}.", err=True)
    for label, ids in (("berkas unggahan", found.uploads), ("laporan lengkap", found.reports)):
        for sub in ids:
            click.echo(f"  {label}: pengajuan {sub}", err=True)


@click.command("publish", cls=Command)
@data_dir_option
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder laporan yang dibaca dasbor situs (opsi `reports` di mkdocs.yml).",
)
@click.option(
    "--riwayat",
    "per_date",
    is_flag=True,
    help="Juga laporan terakhir setiap tanggal acuan sebelumnya (perkembangan).",
)
def publish(data_dir: Path, out_dir: Path, per_date: bool) -> None:
    """Tulis laporan terakhir yang diterima dari setiap instansi pengirim untuk dasbor
    kepatuhan; dasbor menghitung kepatuhan per perangkat daerah yang dimuat laporan itu.

    Berkas bernama KODE-TANGGAL.json; laporan lama yang ditulis perintah ini sebelumnya dan
    sudah tidak terbaru dihapus. Laporan memuat data pribadi (NIP, nama): jangan simpan di
    repositori publik.

    \b
    Contoh:
      kebijakan publish --data-dir var/ -o reports/
      kebijakan publish --data-dir var/ -o reports/ --riwayat
    """
    from checker.serve import publish as write

    written = write(data_dir, out_dir, per_date=per_date)
    for item in written:
        opd = f"; {len(item.opd)} perangkat daerah" if item.opd else ""
        click.echo(f"Ditulis: {item.path} (pengajuan {item.submission}{opd})")
    click.echo(f"{len(written)} laporan ditulis ke {out_dir}.", err=True)
