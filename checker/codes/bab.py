"""Lint codes for the text of a BAB file (``policy/bab/*.md``): its structure, stable ids,
inline markup and the drafting rules of UU 12/2011 Lampiran II."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "peraturan"
BAB = "policy/bab/pengembangan-kompetensi.md"
FIRST = "policy/bab/ketentuan-umum.md"
LAST = "policy/bab/ketentuan-penutup.md"

_BERLAKU = """\
#### Pasal {#berlaku}
Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
"""
_PERINTAH = (
    " Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Gubernur ini dengan "
    "penempatannya dalam Berita Daerah Provinsi Bengkulu."
)

STRUCTURE = (
    LintCode(
        "front-matter",
        "error",
        AREA,
        "Berkas BAB diawali front matter YAML yang hanya memuat title (dan description), "
        "ditutup baris ---.",
        BAB,
        passing="---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n",
        failing="---\ntitle: PENGEMBANGAN KOMPETENSI\nnomor: III\n---\n",
    ),
    LintCode(
        "heading-unknown",
        "error",
        AREA,
        "Judul di dalam BAB hanya Bagian (##), Paragraf (###) atau Pasal (####); BAB adalah "
        "berkasnya sendiri.",
        BAB,
        passing="## Bagian: Pelaporan\n\n#### Pasal {#pelaporan}\n"
        "Pelaksanaan [[hak-jp-jumlah]] dilaporkan kepada Gubernur.\n",
        failing="## Bab: Pelaporan\n\n#### Pasal {#pelaporan}\n"
        "Pelaksanaan [[hak-jp-jumlah]] dilaporkan kepada Gubernur.\n",
    ),
    LintCode(
        "heading-title",
        "error",
        AREA,
        "Bagian dan Paragraf harus memiliki judul sesudah titik dua.",
        BAB,
        passing="## Bagian: Pelaporan\n\n#### Pasal {#pelaporan}\n"
        "Pelaksanaan [[hak-jp-jumlah]] dilaporkan kepada Gubernur.\n",
        failing="## Bagian\n\n#### Pasal {#pelaporan}\n"
        "Pelaksanaan [[hak-jp-jumlah]] dilaporkan kepada Gubernur.\n",
    ),
    LintCode(
        "paragraf-outside",
        "error",
        AREA,
        "Paragraf hanya boleh berada di dalam Bagian.",
        BAB,
        passing="---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n\n"
        "## Bagian: Hak Pegawai\n\n### Paragraf: Pegawai Negeri Sipil\n\n"
        "#### Pasal {#hak-jp}\nSetiap PNS berhak atas pengembangan kompetensi.\n",
        failing="---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n\n"
        "### Paragraf: Pegawai Negeri Sipil\n\n"
        "#### Pasal {#hak-jp}\nSetiap PNS berhak atas pengembangan kompetensi.\n",
    ),
    LintCode(
        "pasal-id",
        "error",
        AREA,
        "Setiap Pasal memiliki id tetap, #### Pasal {#id}, yang dipakai rujukan dan aturan; "
        "nomornya dihitung otomatis.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal\nLaporan disampaikan kepada Gubernur.\n",
    ),
    LintCode(
        "pasal-heading",
        "error",
        AREA,
        "Judul Pasal hanya berisi kata Pasal dan id-nya, atau kata dihapus untuk Pasal yang "
        "dicabut; tidak ada nomor atau judul.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal {#pelaporan} Pelaporan\nLaporan disampaikan kepada Gubernur.\n",
    ),
    LintCode(
        "id-format",
        "error",
        AREA,
        "Id Pasal, ayat atau rincian ditulis dengan huruf kecil, angka dan tanda hubung.",
        BAB,
        passing="#### Pasal {#pelaporan-jp}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal {#Pelaporan_JP}\nLaporan disampaikan kepada Gubernur.\n",
    ),
    LintCode(
        "text-outside",
        "error",
        AREA,
        "Teks, ayat dan rincian harus berada di bawah judul Pasal.",
        BAB,
        passing="---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n\n"
        "#### Pasal {#hak-jp}\nSetiap PNS berhak atas pengembangan kompetensi.\n",
        failing="---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n\n"
        "BAB ini mengatur pengembangan kompetensi.\n\n"
        "#### Pasal {#hak-jp}\nSetiap PNS berhak atas pengembangan kompetensi.\n",
    ),
    LintCode(
        "ayat-mixed",
        "error",
        AREA,
        "Pasal yang terdiri atas beberapa ayat mengawali setiap ayatnya dengan (#); teks tanpa "
        "penanda tidak dicampur dengan ayat.",
        BAB,
        passing="#### Pasal {#pelaporan}\n(#) Pelaksanaan [[hak-jp-jumlah]] dilaporkan kepada "
        "Gubernur.\n(#) Laporan disampaikan setiap tahun.\n",
        failing="#### Pasal {#pelaporan}\nPelaksanaan [[hak-jp-jumlah]] dilaporkan kepada "
        "Gubernur.\n(#) Laporan disampaikan setiap tahun.\n",
    ),
    LintCode(
        "list-after-tail",
        "error",
        AREA,
        "Sesudah kalimat penutup ayat tidak boleh ada rincian lagi.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP; dan\n"
        "- jalur pengembangan kompetensi.\n\nLaporan disampaikan setiap tahun.\n",
        failing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP; dan\n"
        "- jalur pengembangan kompetensi.\n\nLaporan disampaikan setiap tahun.\n"
        "- kepada Gubernur.\n",
    ),
    LintCode(
        "tail-duplicate",
        "error",
        AREA,
        "Ayat hanya boleh memiliki satu kalimat penutup sesudah rinciannya; kalimat berikutnya "
        "menjadi ayat baru.",
        BAB,
        passing="#### Pasal {#pelaporan}\n(#) Laporan memuat:\n- jumlah JP; dan\n"
        "- jalur pengembangan kompetensi.\n\nLaporan disampaikan setiap tahun.\n\n"
        "(#) Laporan ditandatangani Kepala Badan.\n",
        failing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP; dan\n"
        "- jalur pengembangan kompetensi.\n\nLaporan disampaikan setiap tahun.\n\n"
        "Laporan ditandatangani Kepala Badan.\n",
    ),
)

REFERENCES = (
    LintCode(
        "duplicate-id",
        "error",
        AREA,
        "Setiap id Pasal, ayat dan rincian dipakai sekali dalam seluruh peraturan.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n\n"
        "#### Pasal {#pelaporan-tanda-tangan}\nLaporan ditandatangani Kepala Badan.\n",
        failing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n\n"
        "#### Pasal {#pelaporan}\nLaporan ditandatangani Kepala Badan.\n",
    ),
    LintCode(
        "unresolved-ref",
        "error",
        AREA,
        "Rujukan [[id]] menunjuk id Pasal, ayat atau rincian yang ada.",
        BAB,
        passing="#### Pasal {#pelaporan}\n"
        "Pelaksanaan [[hak-jp-jumlah]] dilaporkan kepada Gubernur.\n",
        failing="#### Pasal {#pelaporan}\n"
        "Pelaksanaan [[hak-jp-jumlh]] dilaporkan kepada Gubernur.\n",
    ),
    LintCode(
        "rujukan-dihapus",
        "error",
        AREA,
        "Rujukan tidak boleh menunjuk Pasal atau ayat yang telah dihapus.",
        BAB,
        passing="#### Pasal {#pelaporan} dihapus\n\n#### Pasal {#evaluasi}\n"
        "Pelaksanaan [[hak-jp-jumlah]] dievaluasi setiap tahun.\n",
        failing="#### Pasal {#pelaporan} dihapus\n\n#### Pasal {#evaluasi}\n"
        "Hasil pelaporan sebagaimana dimaksud dalam [[pelaporan]] dievaluasi setiap "
        "tahun.\n",
    ),
    LintCode(
        "unknown-filter",
        "error",
        AREA,
        "Penyaring parameter ({{ nama | penyaring }}) harus salah satu yang dikenal: angka, "
        "terbilang, jadwal.",
        BAB,
        passing="#### Pasal {#jp-minimum}\n"
        "Paling sedikit {{ kompetensi.jp_minimum_pns | terbilang }} JP.\n",
        failing="#### Pasal {#jp-minimum}\n"
        "Paling sedikit {{ kompetensi.jp_minimum_pns | romawi }} JP.\n",
    ),
    LintCode(
        "unclosed-inline",
        "error",
        AREA,
        "Penanda {{ dan [[ ditutup dengan }} dan ]] pada baris yang sama.",
        BAB,
        passing="#### Pasal {#jp-minimum}\nPaling sedikit {{ kompetensi.jp_minimum_pns }} JP.\n",
        failing="#### Pasal {#jp-minimum}\nPaling sedikit {{ kompetensi.jp_minimum_pns JP.\n",
    ),
)

DRAFTING = (
    LintCode(
        "bab-title-caps",
        "error",
        AREA,
        "Judul BAB (title di front matter) ditulis dengan huruf kapital.",
        BAB,
        passing="---\ntitle: PENGEMBANGAN KOMPETENSI\n---\n",
        failing="---\ntitle: Pengembangan Kompetensi\n---\n",
    ),
    LintCode(
        "first-bab",
        "warning",
        AREA,
        "BAB I lazimnya berjudul KETENTUAN UMUM dan memuat batasan pengertian.",
        FIRST,
        passing="---\ntitle: KETENTUAN UMUM\n---\n\n#### Pasal {#definisi}\n"
        "Dalam Peraturan Gubernur ini yang dimaksud dengan Daerah adalah Provinsi "
        "Bengkulu.\n",
        failing="---\ntitle: PENGERTIAN\n---\n\n#### Pasal {#definisi}\n"
        "Dalam Peraturan Gubernur ini yang dimaksud dengan Daerah adalah Provinsi "
        "Bengkulu.\n",
    ),
    LintCode(
        "empty-pasal",
        "error",
        AREA,
        "Pasal yang tidak dihapus berisi teks atau ayat.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal {#pelaporan}\n\n#### Pasal {#evaluasi}\n"
        "Laporan dievaluasi setiap tahun.\n",
    ),
    LintCode(
        "single-ayat",
        "error",
        AREA,
        "Pasal yang hanya terdiri atas satu ayat tidak diberi nomor ayat: tanpa penanda (#).",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal {#pelaporan}\n(#) Laporan disampaikan kepada Gubernur.\n",
    ),
    LintCode(
        "empty-ayat",
        "error",
        AREA,
        "Setiap ayat berisi teks atau rincian.",
        BAB,
        passing="#### Pasal {#pelaporan}\n(#) Laporan disampaikan kepada Gubernur.\n"
        "(#) Laporan ditandatangani Kepala Badan.\n",
        failing="#### Pasal {#pelaporan}\n(#) Laporan disampaikan kepada Gubernur.\n(#)\n",
    ),
    LintCode(
        "ayat-punctuation",
        "warning",
        AREA,
        "Kalimat ayat diakhiri tanda titik (atau titik dua bila disusul rincian).",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur.\n",
        failing="#### Pasal {#pelaporan}\nLaporan disampaikan kepada Gubernur\n",
    ),
    LintCode(
        "single-item",
        "warning",
        AREA,
        "Rincian yang hanya terdiri atas satu butir digabungkan ke dalam kalimatnya.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan memuat jumlah JP setiap pegawai.\n",
        failing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP setiap pegawai.\n",
    ),
    LintCode(
        "empty-item",
        "error",
        AREA,
        "Setiap butir rincian berisi teks.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP; dan\n"
        "- {#jalur-jp} jalur pengembangan kompetensi.\n",
        failing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP; dan\n- {#jalur-jp}\n",
    ),
    LintCode(
        "item-punctuation",
        "warning",
        AREA,
        "Butir rincian diakhiri titik koma (boleh disertai dan, atau, dan/atau), titik, atau "
        "titik dua.",
        BAB,
        passing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP; dan\n"
        "- jalur pengembangan kompetensi.\n",
        failing="#### Pasal {#pelaporan}\nLaporan memuat:\n- jumlah JP dan\n"
        "- jalur pengembangan kompetensi.\n",
    ),
    LintCode(
        "closing-berlaku",
        "error",
        AREA,
        'BAB terakhir memuat ketentuan "Peraturan Gubernur ini mulai berlaku pada tanggal '
        'diundangkan."',
        LAST,
        passing="---\ntitle: KETENTUAN PENUTUP\n---\n\n" + _BERLAKU,
        failing="---\ntitle: KETENTUAN PENUTUP\n---\n\n"
        + _BERLAKU.replace(
            "mulai berlaku pada tanggal diundangkan", "berlaku sejak ditandatangani"
        ),
    ),
    LintCode(
        "closing-berita-daerah",
        "error",
        AREA,
        "Perintah pengundangan (penempatan dalam Berita Daerah Provinsi Bengkulu) tidak ditulis "
        "di dalam Pasal: pemeriksa mencetaknya sendiri sesudah Pasal terakhir, sebagai bagian "
        "penutup.",
        LAST,
        passing="---\ntitle: KETENTUAN PENUTUP\n---\n\n" + _BERLAKU,
        failing="---\ntitle: KETENTUAN PENUTUP\n---\n\n"
        + _BERLAKU.replace("diundangkan.", "diundangkan." + _PERINTAH),
    ),
)

CODES = STRUCTURE + REFERENCES + DRAFTING
