"""Lint codes for what a Biro Hukum reads a draft for (:mod:`checker.policy.lint_perancangan`):
the Governor's authority, closed delegations, the order of the Mengingat, dates before the
regulation can take effect, defined terms and foreign words. Their levels are the ones the
harmonisation review applies; none may be lowered to let a draft pass."""

from __future__ import annotations

from checker.codes.bab import AREA, BAB, FIRST
from checker.codes.model import LintCode

META = "policy/peraturan.yml"
PARAMETERS = "policy/parameter.yml"

_UU_9_1967 = (
    "  - Undang-Undang Nomor 9 Tahun 1967 tentang Pembentukan Provinsi Bengkulu (Lembaran Negara "
    "Republik Indonesia Tahun 1967 Nomor 19, Tambahan Lembaran Negara Republik Indonesia Nomor "
    "2828);\n"
)
_UU_ASN = (
    "  - Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Lembaran Negara "
    "Republik Indonesia Tahun 2023 Nomor 141, Tambahan Lembaran Negara Republik Indonesia Nomor "
    "6897);\n"
)
_PP_11_2017 = (
    "  - Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
    "(Lembaran Negara Republik Indonesia Tahun 2017 Nomor 63, Tambahan Lembaran Negara Republik "
    "Indonesia Nomor 6037);\n"
)
_DEFINISI = """\
---
title: KETENTUAN UMUM
---

#### Pasal {#definisi}

Dalam Peraturan Gubernur ini yang dimaksud dengan:

1. Daerah adalah Provinsi Bengkulu.
"""
_GUBERNUR = "1. Gubernur adalah Gubernur Bengkulu.\n"
_PEMDA = (
    "1. Pemerintah Daerah adalah Gubernur sebagai unsur penyelenggara pemerintahan daerah yang "
    "memimpin pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom.\n"
)
_REST = (
    "1. Pegawai Negeri Sipil yang selanjutnya disingkat PNS adalah pegawai negeri sipil.\n"
    "1. JP adalah jam pelajaran.\n"
)
_TARGET = """\
kompetensi.target_cakupan_jp:
  values:
    - since: "{since}"
      value: 80
      reference:
        title: Rancangan Peraturan Gubernur Bengkulu
"""

CODES = (
    LintCode(
        "duty-outside-authority",
        "error",
        AREA,
        "Peraturan Gubernur hanya mengikat Perangkat Daerah Provinsi Bengkulu dan pegawainya: "
        "bupati, wali kota, pemerintah kabupaten/kota, atau pejabatnya tidak menjadi subjek "
        '"wajib" atau "harus"; keikutsertaan mereka dirumuskan sebagai kesempatan (kesepakatan '
        "bersama).",
        BAB,
        passing="#### Pasal {#data-kabupaten}\nPemerintah kabupaten/kota dapat menyampaikan data "
        "kepegawaiannya kepada Gubernur berdasarkan kesepakatan bersama.\n",
        failing="#### Pasal {#data-kabupaten}\nPemerintah kabupaten/kota wajib menyampaikan data "
        "kepegawaiannya kepada Gubernur.\n",
    ),
    LintCode(
        "open-delegation",
        "error",
        AREA,
        'Tidak ada delegasi terbuka: tidak ada yang "ditetapkan oleh Kepala ..." (kepala Perangkat '
        'Daerah tidak membentuk peraturan), dan tidak ada "jangka waktu yang ditetapkan" tanpa '
        "angkanya atau tanpa menyebut Keputusan Gubernur yang menetapkannya.",
        BAB,
        passing="#### Pasal {#laporan-berkala}\nLaporan disampaikan kepada Gubernur paling lambat "
        "tanggal 31 Maret setiap tahun.\n",
        failing="#### Pasal {#laporan-berkala}\nLaporan disampaikan kepada Gubernur dalam jangka "
        "waktu yang ditetapkan oleh Kepala Badan.\n",
    ),
    LintCode(
        "mengingat-order",
        "error",
        AREA,
        "Butir Mengingat diurutkan menurut hierarki peraturan perundang-undangan (Undang-Undang, "
        "Peraturan Pemerintah, Peraturan Presiden, peraturan menteri atau lembaga, Peraturan "
        "Daerah), lalu menurut tahun dan nomornya.",
        META,
        passing="mengingat:\n" + _UU_9_1967 + _UU_ASN + _PP_11_2017,
        failing="mengingat:\n" + _UU_9_1967 + _PP_11_2017 + _UU_ASN,
    ),
    LintCode(
        "starts-before-effect",
        "error",
        AREA,
        "Target bertanggal (parameter target_*) dan kewajiban yang bertanggal dalam teks "
        '("mulai 1 Januari 2026", "untuk tahun 2026") tidak dimulai sebelum Peraturan Gubernur '
        "dapat berlaku: tanggal pengundangannya, atau bagi rancangan, hari pemeriksaan.",
        PARAMETERS,
        passing=_TARGET.format(since="2027-01-01"),
        failing=_TARGET.format(since="2026-01-01"),
    ),
    LintCode(
        "term-undefined",
        "warning",
        AREA,
        "Istilah berhuruf kapital dalam batang tubuh didefinisikan dalam Pasal 1, atau merupakan "
        "nama (peraturan, lembaga, jabatan, wilayah) yang tercantum dalam policy/kamus.yml.",
        BAB,
        passing="#### Pasal {#tim-penilai}\nTim penilai kinerja membahas capaian JP setiap PNS.\n",
        failing="#### Pasal {#tim-penilai}\nTim Penilai Kinerja membahas capaian JP setiap PNS.\n",
    ),
    LintCode(
        "term-before-definition",
        "warning",
        AREA,
        "Dalam Pasal 1, definisi tidak memakai istilah yang baru didefinisikan pada angka "
        "sesudahnya.",
        FIRST,
        passing=_DEFINISI + _GUBERNUR + _PEMDA + _REST,
        failing=_DEFINISI + _PEMDA + _GUBERNUR + _REST,
    ),
    LintCode(
        "foreign-word-italics",
        "warning",
        AREA,
        "Kata asing yang tercantum dalam policy/kamus.yml dicetak miring (*e-learning*), "
        "sebaiknya sesudah padanan bahasa Indonesianya.",
        BAB,
        passing="#### Pasal {#jalur-elektronik}\nPengembangan kompetensi dapat dilaksanakan "
        "melalui pembelajaran elektronik (*e-learning*).\n",
        failing="#### Pasal {#jalur-elektronik}\nPengembangan kompetensi dapat dilaksanakan "
        "melalui e-learning.\n",
    ),
)
