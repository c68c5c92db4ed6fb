"""Lint codes for the rules (``rules/*.yml``): their keys, check types, references to the
regulation and to each other, message templates and the SQL they compile to."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "aturan"
_UNCHECKED = (
    "- pasal: berlaku\n"
    "  alasan: Tanggal pengundangan tidak tercatat dalam data kepegawaian yang diperiksa.\n"
)
RULES = "rules/kompetensi.yml"

_RATE = """\
- id: KOMP-CAKUPAN
  title: Cakupan PNS yang memenuhi JP minimum di bawah target
  clause: hak-jp-jumlah
  severity: warning
  source: Rancangan Peraturan Gubernur ini
  table: pegawai
  check: {type: agency_rate, rule: KOMP-JP-MIN, target: kompetensi.target_cakupan_jp}
  message: "{instansi}: {actual} persen PNS memenuhi JP minimum; target {expected} persen."
"""
_MESSAGE = """\
- id: KOMP-JP-MIN
  message: >-
    {sapaan} {nama} (NIP {nip}) mengikuti {actual} JP pada tahun {period}; paling sedikit
    {expected:terbilang} JP menurut {citation}.
"""

_POPULATION = """\
- id: KOMP-JP-MIN
  population:
    status_kepegawaian: [PNS, CPNS]
    kedudukan_hukum: bertugas
    bertugas_sejak: awal_tahun
"""


def _check(line: str) -> str:
    return f"- id: KOMP-JP-MIN\n  check:\n    {line}\n"


CODES = (
    LintCode(
        "rule-schema",
        "error",
        AREA,
        "Berkas aturan berupa daftar aturan; setiap aturan memuat kunci yang dikenal, masing-"
        "masing dengan nilai yang sah.",
        RULES,
        passing="- id: KOMP-JP-MIN\n  severity: error\n",
        failing="- id: KOMP-JP-MIN\n  severity: kritis\n",
    ),
    LintCode(
        "rule-type",
        "error",
        AREA,
        "Jenis pemeriksaan (check.type) adalah salah satu jenis terdaftar.",
        RULES,
        passing=_check("type: period_aggregate"),
        failing=_check("type: period_sum"),
    ),
    LintCode(
        "rule-check",
        "error",
        AREA,
        "Opsi pemeriksaan sesuai jenisnya: kunci yang dikenal, nilai yang sah, dan kolom serta "
        "kategori yang ada dalam skema tabel.",
        RULES,
        passing=_check("parameter: kompetensi.jp_minimum_pns"),
        failing=_check("minimum: 20"),
    ),
    LintCode(
        "rule-duplicate",
        "error",
        AREA,
        "Setiap id aturan dipakai sekali di seluruh rules/.",
        RULES,
        passing="- id: KOMP-JP-MIN\n  title: JP pengembangan kompetensi PNS kurang dari minimum\n"
        "- id: KOMP-JP-PPPK\n  title: JP pengembangan kompetensi PPPK melebihi batas\n",
        failing="- id: KOMP-JP-MIN\n  title: JP pengembangan kompetensi PNS kurang dari minimum\n"
        "- id: KOMP-JP-MIN\n  title: JP pengembangan kompetensi PPPK melebihi batas\n",
    ),
    LintCode(
        "rule-clause",
        "error",
        AREA,
        "Clause yang ditegakkan aturan adalah id Pasal, ayat atau rincian yang ada dalam "
        "peraturan.",
        RULES,
        passing="- id: KOMP-JP-MIN\n  clause: hak-jp-jumlah\n",
        failing="- id: KOMP-JP-MIN\n  clause: hak-jp-pns-jumlah\n",
    ),
    LintCode(
        "rule-parameter",
        "error",
        AREA,
        "Parameter yang dibaca aturan didefinisikan di policy/parameter.yml.",
        RULES,
        passing=_check("parameter: kompetensi.jp_minimum_pns"),
        failing=_check("parameter: kompetensi.jp_minimal"),
    ),
    LintCode(
        "rule-reference",
        "error",
        AREA,
        "Aturan yang dirujuk (misalnya oleh agency_rate) ada dan bertipe period_aggregate atau "
        "period_exists.",
        RULES,
        passing=_RATE,
        failing=_RATE.replace("rule: KOMP-JP-MIN", "rule: KOMP-JP-MINIMUM"),
    ),
    LintCode(
        "rule-message",
        "error",
        AREA,
        "Pesan temuan hanya memakai kolom dan penyaring yang dikenal, dengan kurung kurawal "
        "berpasangan.",
        RULES,
        passing=_MESSAGE,
        failing=_MESSAGE.replace("{nama}", "{nama_lengkap}"),
    ),
    LintCode(
        "rule-population",
        "error",
        AREA,
        "Setiap aturan menyatakan siapa yang dinilainya (population, atau population: semua; "
        "aturan agency_rate memakai populasi aturan dasarnya, aturan sql menulis saringannya "
        "dalam kueri). Populasi hanya menyebut nilai dan kelompok yang ada dalam skema tabel "
        "pegawai (status_kepegawaian, kedudukan_hukum dan kelompoknya di enumGroups), dan "
        "syarat per tahun (bertugas_sejak, pengecualian_riwayat) hanya pada aturan per tahun.",
        RULES,
        passing=_POPULATION,
        failing=_POPULATION.replace("kedudukan_hukum: bertugas", "kedudukan_hukum: aktif"),
    ),
    LintCode(
        "rule-sql",
        "error",
        AREA,
        "Kueri yang dihasilkan aturan dapat dijalankan atas tabel kosong menurut skema tabel "
        "dan mengembalikan kolom temuan.",
        RULES,
        passing=_check("aggregate: SUM(c.jp)"),
        failing=_check("aggregate: SUM(c.jam)"),
    ),
    LintCode(
        "tidak-diperiksa",
        "error",
        AREA,
        "Daftar kewajiban yang tidak dapat diperiksa dari data (rules/cakupan/tidak-diperiksa.yml) "
        "menyebut setiap Pasal sekali, dengan id Pasal yang ada dan alasannya, dan tidak "
        "menyebut Pasal yang sudah diperiksa aturan.",
        "rules/cakupan/tidak-diperiksa.yml",
        passing=_UNCHECKED,
        failing=_UNCHECKED.replace("pasal: berlaku", "pasal: berlaku-tidak-ada"),
    ),
)
