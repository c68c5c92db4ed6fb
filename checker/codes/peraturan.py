"""Lint codes for the regulation's metadata (``policy/peraturan.yml``): its keys, chapters,
Menimbang, Mengingat, title and status. The codes of the BAB text are in :mod:`.bab`."""

from __future__ import annotations

from checker.codes.bab import CODES as BAB
from checker.codes.model import LintCode
from checker.codes.perancangan import CODES as PERANCANGAN

AREA = "peraturan"
META = "policy/peraturan.yml"

_LAST_MENIMBANG = """\
  - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan
    Peraturan Gubernur tentang Pengelolaan Sumber Daya Aparatur Sipil Negara;
"""
_UU_9_1967 = """\
  - Undang-Undang Nomor 9 Tahun 1967 tentang Pembentukan Provinsi Bengkulu (Lembaran Negara
    Republik Indonesia Tahun 1967 Nomor 19, Tambahan Lembaran Negara Republik Indonesia
    Nomor 2828);
"""
_UU_ASN = """\
  - Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Lembaran Negara Republik
    Indonesia Tahun 2023 Nomor 141, Tambahan Lembaran Negara Republik Indonesia Nomor 6897);
"""
_CHAPTERS = "chapters:\n  - ketentuan-umum\n  - pengembangan-kompetensi\n"
_ENACTED = """\
status: ditetapkan
number: 12
year: 2027
penetapan:
  date: "2027-03-01"
  name: Drs. Contoh Pejabat, M.Si.
"""

METADATA = (
    LintCode(
        "schema",
        "error",
        AREA,
        "Kunci dan nilai peraturan.yml dan parameter.yml sesuai skemanya: tidak ada kunci yang "
        "tidak dikenal, nilai berjenis dan bernilai sah.",
        META,
        passing="status: rancangan\n",
        failing="status: draf\n",
    ),
    LintCode(
        "chapter-duplicate",
        "error",
        AREA,
        "Setiap BAB tercantum sekali dalam chapters.",
        META,
        passing=_CHAPTERS + "  - ketentuan-penutup\n",
        failing=_CHAPTERS + "  - pengembangan-kompetensi\n  - ketentuan-penutup\n",
    ),
    LintCode(
        "chapter-missing",
        "error",
        AREA,
        "Setiap BAB dalam chapters memiliki berkas bab/<nama>.md.",
        META,
        passing=_CHAPTERS + "  - ketentuan-penutup\n",
        failing=_CHAPTERS + "  - ketentuan-peralihan  # bab/ketentuan-peralihan.md belum ada\n"
        "  - ketentuan-penutup\n",
    ),
    LintCode(
        "chapter-unlisted",
        "warning",
        AREA,
        "Berkas di bab/ yang tidak tercantum dalam chapters tidak ikut dicetak.",
        META,
        passing=_CHAPTERS + "  - ketentuan-penutup\n",
        failing=_CHAPTERS + "# bab/ketentuan-penutup.md ada, tetapi tidak tercantum\n",
    ),
    LintCode(
        "title-punctuation",
        "error",
        AREA,
        "Judul peraturan tidak diakhiri tanda baca.",
        META,
        passing="title: Pengelolaan Sumber Daya Aparatur Sipil Negara\n",
        failing="title: Pengelolaan Sumber Daya Aparatur Sipil Negara.\n",
    ),
    LintCode(
        "status-number",
        "error",
        AREA,
        "Peraturan berstatus ditetapkan mengisi nomor, tahun, tanggal dan nama penandatangan; "
        "rancangan belum bernomor.",
        META,
        passing=_ENACTED,
        failing=_ENACTED.replace("number: 12", "number:"),
        varies="peringatan bila rancangan sudah diberi nomor",
    ),
)

PEMBUKAAN = (
    LintCode(
        "menimbang-bahwa",
        "error",
        AREA,
        'Setiap butir Menimbang diawali kata "bahwa".',
        META,
        passing="menimbang:\n  - bahwa pengembangan kompetensi pegawai perlu diatur;\n"
        + _LAST_MENIMBANG,
        failing="menimbang:\n  - pengembangan kompetensi pegawai perlu diatur;\n" + _LAST_MENIMBANG,
    ),
    LintCode(
        "menimbang-end",
        "error",
        AREA,
        "Setiap butir Menimbang diakhiri tanda titik koma.",
        META,
        passing="menimbang:\n  - bahwa pengembangan kompetensi pegawai perlu diatur;\n"
        + _LAST_MENIMBANG,
        failing="menimbang:\n  - bahwa pengembangan kompetensi pegawai perlu diatur\n"
        + _LAST_MENIMBANG,
    ),
    LintCode(
        "menimbang-last",
        "error",
        AREA,
        'Butir terakhir Menimbang berbunyi "bahwa berdasarkan pertimbangan sebagaimana '
        'dimaksud dalam huruf a ... perlu menetapkan Peraturan Gubernur tentang <judul>;".',
        META,
        passing="menimbang:\n  - bahwa pengembangan kompetensi pegawai perlu diatur;\n"
        + _LAST_MENIMBANG,
        failing="menimbang:\n  - bahwa pengembangan kompetensi pegawai perlu diatur;\n"
        "  - bahwa oleh karena itu perlu menetapkan Peraturan Gubernur;\n",
    ),
    LintCode(
        "mengingat-end",
        "error",
        AREA,
        "Setiap butir Mengingat diakhiri tanda titik koma (butir terakhir boleh titik).",
        META,
        passing="mengingat:\n" + _UU_9_1967 + _UU_ASN,
        failing="mengingat:\n" + _UU_9_1967 + _UU_ASN.replace("6897);", "6897)"),
    ),
    LintCode(
        "mengingat-first",
        "warning",
        AREA,
        "Butir Mengingat pertama Peraturan Gubernur Bengkulu lazimnya Undang-Undang Nomor 9 "
        "Tahun 1967 tentang Pembentukan Provinsi Bengkulu.",
        META,
        passing="mengingat:\n" + _UU_9_1967 + _UU_ASN,
        failing="mengingat:\n" + _UU_ASN + _UU_9_1967,
    ),
    LintCode(
        "citation-incomplete",
        "warning",
        AREA,
        "Kutipan dasar hukum Mengingat tidak memuat … lagi: nomor Lembaran Negara dilengkapi "
        "dari JDIH sebelum penetapan; selama belum, pesannya menampilkan catatan perancang "
        "bertanggal tentang kutipan itu.",
        META,
        passing="mengingat:\n" + _UU_9_1967 + _UU_ASN,
        failing="mengingat:\n" + _UU_9_1967 + _UU_ASN.replace("141", "…").replace("6897", "…"),
        varies="kesalahan bila peraturan berstatus ditetapkan",
    ),
)

_OPD = (
    "perangkat_daerah:\n  - kode: BKD\n    nama: Badan Kepegawaian Daerah Provinsi Bengkulu\n"
    "    alias: [BKD]\n  - kode: DINSOS\n    nama: Dinas Sosial Provinsi Bengkulu\n"
    "    alias: [{alias}]\n"
)
OPD = (
    LintCode(
        "opd-ganda",
        "error",
        AREA,
        "Dalam policy/opd.yml setiap kode, nama, alias, dan id unor SIASN menunjuk satu "
        "perangkat daerah saja, sehingga baris data tidak dihitung untuk dua perangkat daerah.",
        "policy/opd.yml",
        passing=_OPD.format(alias="Dinas Sosial"),
        failing=_OPD.format(alias="BKD"),
    ),
)

CODES = METADATA + PEMBUKAAN + BAB + PERANCANGAN + OPD
