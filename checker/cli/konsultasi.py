"""``kebijakan konsultasi``: the public consultation's comments, from the service into Git."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli.common import Group
from checker.cli.serve import data_dir_option


@click.group("konsultasi", cls=Group)
def konsultasi() -> None:
    """Masukan konsultasi publik atas rancangan, dari layanan ke policy/konsultasi/.

    Masukan dikirim masyarakat dan ASN melalui halaman /konsultasi layanan (`kebijakan
    serve`) dan diterbitkan atau ditolak oleh BKD. Perintah ini menulis masukan yang
    diterbitkan ke berkas YAML di repositori; perancang mengisi tanggapan dan keputusannya.

    \b
    Contoh:
      kebijakan konsultasi ekspor --data-dir var/
    """


@konsultasi.command("ekspor")
@data_dir_option
@click.option(
    "--policy",
    "policy_root",
    default="policy",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder kebijakan tempat policy/konsultasi/ ditulis.",
)
@click.option("--versi", default=None, help="Hanya masukan atas versi rancangan ini.")
def ekspor(data_dir: Path, policy_root: Path, versi: str | None) -> None:
    """Tulis masukan yang diterbitkan ke policy/konsultasi/<versi>.yml.

    Satu berkas per versi rancangan yang dikonsultasikan. Tanggapan, keputusan, dan
    pasal_diubah yang sudah diisi perancang tetap tersimpan; alamat surel tidak pernah
    ditulis, nama hanya bila pemiliknya setuju. Sesudahnya: isi tanggapan, jalankan
    `kebijakan lint`, lalu commit berkasnya.

    \b
    Contoh:
      kebijakan konsultasi ekspor --data-dir var/
      kebijakan konsultasi ekspor --data-dir /srv/kebijakan/var --versi 2026.1-rancangan
    """
    from checker.konsultasi.ekspor import export

    done = export(data_dir, policy_root, versi)
    if not done:
        click.echo("Belum ada masukan yang diterbitkan; tidak ada berkas yang ditulis.", err=True)
    for item in done:
        click.echo(
            f"{item.path}: {item.comments} masukan ({item.added} baru), "
            f"{item.answered} sudah ditanggapi, {item.comments - item.answered} belum.",
            err=True,
        )
        for comment_id in item.dropped:
            click.echo(
                f"  masukan {comment_id} sudah tidak berstatus diterbitkan; tanggapannya tidak "
                "lagi dimuat (masih ada di riwayat Git).",
                err=True,
            )
