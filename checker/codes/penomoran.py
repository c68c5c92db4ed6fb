"""Lint codes for numbering frozen after enactment (``policy/penomoran.yml``): nothing enacted
may silently disappear or move. The examples assume the previous version, with Pasal
``definisi``, ``hak-jp``, ``rujukan`` and ``berlaku``, was enacted and frozen."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "penomoran"
RECORD = "policy/penomoran.yml"
FIRST = "policy/bab/ketentuan-umum.md"
BAB = "policy/bab/pengembangan-kompetensi.md"
LAST = "policy/bab/ketentuan-penutup.md"

_FRONT = "---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n\n"
_HAK_1 = (
    "(#) {#hak-jp-jumlah} Setiap PNS berhak atas paling sedikit "
    "{{ kompetensi.jp_minimum_pns }} JP.\n"
)
_HAK_2 = "(#) Hak tersebut dilaksanakan melalui jalur pendidikan dan jalur pelatihan.\n"
_RUJUKAN = "#### Pasal {#rujukan}\nPelaksanaan [[hak-jp-jumlah]] dilaporkan kepada Gubernur.\n"
_HAK = "#### Pasal {#hak-jp}\n" + _HAK_1 + _HAK_2
_CLOSING = """\
#### Pasal {#mulai-berlaku}
Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
"""
_PENUTUP = "---\ntitle: KETENTUAN PENUTUP\n---\n\n"
_UMUM = "---\ntitle: KETENTUAN UMUM\n---\n\n"
_DEFINISI = (
    "#### Pasal {#definisi}\nDalam Peraturan Gubernur ini yang dimaksud dengan Daerah "
    "adalah Provinsi Bengkulu.\n"
)
_LINGKUP = (
    "#### Pasal {#ruang-lingkup}\nPeraturan Gubernur ini berlaku bagi Pegawai ASN di "
    "lingkungan Pemerintah Daerah.\n"
)
_FROZEN = """\
# ditulis oleh kebijakan versions bekukan; jangan disunting
ditetapkan: v2027.1
nomor: 12
tahun: 2027
"""

CODES = (
    LintCode(
        "penomoran",
        "error",
        AREA,
        "penomoran.yml, yang ditulis kebijakan versions bekukan, sesuai skemanya; jangan "
        "disunting dengan tangan.",
        RECORD,
        passing="ditetapkan: v2027.1\nnomor: 12\n",
        failing="ditetapkan: v2027.1\nnomer: 12\n",
    ),
    LintCode(
        "pasal-hilang",
        "error",
        AREA,
        "Pasal yang telah ditetapkan tidak boleh hilang; bila dicabut, tulis #### Pasal {#id} "
        "dihapus di tempatnya.",
        LAST,
        passing=_PENUTUP + "#### Pasal {#berlaku} dihapus\n\n" + _CLOSING,
        failing=_PENUTUP + _CLOSING,
    ),
    LintCode(
        "pasal-pindah",
        "error",
        AREA,
        "Pasal yang telah ditetapkan tidak dapat dipindahkan; tandai dihapus di tempatnya dan "
        "sisipkan Pasal baru.",
        BAB,
        passing=_FRONT + _HAK + "\n" + _RUJUKAN,
        failing=_FRONT + _RUJUKAN + "\n" + _HAK,
    ),
    LintCode(
        "sisipan-awal",
        "error",
        AREA,
        "Pasal atau ayat baru tidak dapat disisipkan sebelum Pasal atau ayat pertama yang telah "
        "ditetapkan; sisipkan sesudahnya (Pasal 1A).",
        FIRST,
        passing=_UMUM + _DEFINISI + "\n" + _LINGKUP,
        failing=_UMUM + _LINGKUP + "\n" + _DEFINISI,
    ),
    LintCode(
        "ayat-hilang",
        "error",
        AREA,
        "Ayat yang telah ditetapkan tidak boleh hilang; bila dicabut, tulis (#) dihapus di "
        "tempatnya.",
        BAB,
        passing=_FRONT + "#### Pasal {#hak-jp}\n" + _HAK_1 + "(#) dihapus\n\n" + _RUJUKAN,
        failing=_FRONT + "#### Pasal {#hak-jp}\n" + _HAK_1 + "\n" + _RUJUKAN,
    ),
    LintCode(
        "ayat-tanpa-id",
        "warning",
        AREA,
        "Ayat yang ditambahkan pada Pasal yang telah ditetapkan diberi id, agar nomornya tidak "
        "hanya ditebak dari urutan.",
        BAB,
        passing=_FRONT + _HAK + "(#) {#hak-jp-laporan} Pemenuhan hak dilaporkan setiap tahun.\n"
        "\n" + _RUJUKAN,
        failing=_FRONT + _HAK + "(#) Pemenuhan hak dilaporkan setiap tahun.\n\n" + _RUJUKAN,
    ),
    LintCode(
        "dihapus-berisi",
        "error",
        AREA,
        "Pasal yang dihapus tidak berisi teks lagi.",
        LAST,
        passing=_PENUTUP + "#### Pasal {#berlaku} dihapus\n\n" + _CLOSING,
        failing=_PENUTUP + "#### Pasal {#berlaku} dihapus\n"
        "Peraturan Gubernur ini mulai berlaku pada tanggal ditandatangani.\n\n" + _CLOSING,
    ),
    LintCode(
        "dihapus-rancangan",
        "warning",
        AREA,
        "Hanya Pasal atau ayat yang pernah ditetapkan yang ditandai dihapus; dalam rancangan, "
        "hapus saja.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal {#pelaporan} dihapus\n",
    ),
    LintCode(
        "penomoran-belum-dibekukan",
        "warning",
        AREA,
        "Peraturan yang ditetapkan membekukan penomorannya di penomoran.yml (kebijakan versions "
        "bekukan), lalu berkas itu di-commit.",
        RECORD,
        passing=_FROZEN + "pasal:\n  - {id: definisi, label: '1'}\n  - {id: hak-jp, label: '2'}\n",
        failing="# peraturan.yml berstatus ditetapkan, tetapi penomoran.yml belum ada\n",
    ),
    LintCode(
        "penomoran-usang",
        "warning",
        AREA,
        "Penomoran yang dibekukan berasal dari penetapan yang sama (nomor dan tahun) dengan "
        "peraturan.yml.",
        RECORD,
        passing=_FROZEN,
        failing="# dibekukan dari rancangan; peraturan.yml kini Nomor 12 Tahun 2027\n"
        "ditetapkan: v2026.1-rancangan\nnomor:\ntahun:\n",
    ),
)
