"""Lint codes for the consultation files (``policy/konsultasi/*.yml``, see
:mod:`checker.konsultasi.berkas`): every published comment is about a clause of the draft, and
gets an answer before the regulation is enacted (UU 12/2011 Pasal 96 ayat (8) as amended by
UU 13/2022: the right to an explanation of what became of one's input)."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "konsultasi"
FILE = "policy/konsultasi/uji-1.yml"


def _file(*lines: str) -> str:
    head = (
        "versi: uji-1\nmasukan:\n  - id: 7k2m9q4xbd\n    tanggal: '2026-12-03'\n"
        "    asal: ASN\n    isi: JP guru sebaiknya dihitung per tahun ajaran.\n"
    )
    return head + "".join(f"    {line}\n" for line in lines)


_ANSWERED = ("tanggapan: Diterima; tahun ajaran dipakai untuk guru.", "keputusan: diterima")

CODES = (
    LintCode(
        "konsultasi-schema",
        "error",
        AREA,
        "Berkas konsultasi memuat versi dan daftar masukan; setiap masukan memuat id, pasal, "
        "tanggal, dan isi, dengan asal dan keputusan dari daftar yang tersedia.",
        FILE,
        passing=_file("pasal: hak-jp", *_ANSWERED),
        failing=_file("pasal: hak-jp", "tanggapan: Diterima.", "keputusan: setuju"),
    ),
    LintCode(
        "konsultasi-pasal",
        "error",
        AREA,
        "Masukan dan pasal_diubah menyebut id klausul yang ada dalam rancangan (id Pasal, ayat, "
        "atau rincian), bukan nomor Pasal.",
        FILE,
        passing=_file("pasal: hak-jp", *_ANSWERED, "pasal_diubah: [hak-jp-jumlah]"),
        failing=_file("pasal: pasal-2", *_ANSWERED),
        varies="peringatan bila berkasnya tentang versi sebelumnya, yang klausulnya mungkin "
        "sudah dihapus",
    ),
    LintCode(
        "konsultasi-tanggapan",
        "warning",
        AREA,
        "Setiap masukan yang diterbitkan diberi tanggapan dan keputusan: penjelasan atas "
        "masukan adalah hak masyarakat (UU 13/2022), dan peraturan tidak ditetapkan sebelum "
        "semua masukan dijawab.",
        FILE,
        passing=_file("pasal: hak-jp", *_ANSWERED),
        failing=_file("pasal: hak-jp"),
        varies="kesalahan bila peraturan berstatus ditetapkan",
    ),
)
