"""Lint codes for the Table Schema of the agency data (``rules/schema/*.yml``)."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "skema-tabel"
PEGAWAI = "rules/schema/pegawai.yml"
KINERJA = "rules/schema/penilaian_kinerja.yml"

_KELAMIN = """\
fields:
  - name: jenis_kelamin
    constraints: {required: true, enum: [L, P]}
    enumAliases:
      L: [Laki-laki, Pria]
"""
_FK = """\
foreignKeys:
  - fields: [instansi, unit_kerja]
    reference: {resource: unit_kerja, fields: [instansi, nama]}
"""

CODES = (
    LintCode(
        "table-schema",
        "error",
        AREA,
        "Deskriptor tabel hanya memuat kunci yang dibaca pemeriksa, dengan nilai berjenis "
        "benar (ejaan selalu teks).",
        PEGAWAI,
        passing="fields:\n  - name: nip\n    constraints: {required: true}\n",
        failing="fields:\n  - name: nip\n    wajib: true\n",
    ),
    LintCode(
        "table-enum-alias",
        "error",
        AREA,
        "enumAliases hanya untuk nilai yang ada di constraints.enum, dan satu ejaan tidak "
        "berarti dua nilai.",
        PEGAWAI,
        passing=_KELAMIN + "      P: [Perempuan, Wanita]\n",
        failing=_KELAMIN + "      W: [Perempuan, Wanita]\n",
    ),
    LintCode(
        "table-header-alias",
        "error",
        AREA,
        "Satu judul kolom (nama atau alias) hanya berarti satu kolom tabel; huruf besar/kecil, "
        "spasi dan tanda baca diabaikan.",
        PEGAWAI,
        passing="fields:\n  - name: nama\n    aliases: [nama pegawai, nama lengkap]\n",
        failing="fields:\n  - name: nama\n    aliases: [nama pegawai, nama lengkap, nip pegawai]\n",
    ),
    LintCode(
        "table-alias",
        "error",
        AREA,
        "Satu nama berkas atau lembar kerja (aliases tabel) hanya berarti satu tabel.",
        PEGAWAI,
        passing="aliases: [data pegawai, daftar pegawai, pegawai asn]\n",
        failing="aliases: [data pegawai, daftar pegawai, opd]  # opd adalah tabel unit_kerja\n",
    ),
    LintCode(
        "table-primary-key",
        "error",
        AREA,
        "primaryKey hanya menyebut kolom tabel itu sendiri.",
        PEGAWAI,
        passing="primaryKey: [nip, instansi]\n",
        failing="primaryKey: [nip, instansi_kerja]\n",
    ),
    LintCode(
        "table-foreign-key",
        "error",
        AREA,
        "foreignKeys menyebut kolom yang ada, merujuk tabel dan kolom yang ada, dengan jumlah "
        "kolom yang sama di kedua sisi.",
        PEGAWAI,
        passing=_FK,
        failing=_FK.replace("fields: [instansi, nama]", "fields: [nama]"),
    ),
    LintCode(
        "table-regime",
        "error",
        AREA,
        "Rezim penilaian (regimeField, regimes) dan kunci yang merujuknya (requiredIn, "
        "enumScales, scoreBands) menyebut rezim, kolom, dan nilai yang ada; skala dan rentang "
        "nilai tidak saling bertentangan.",
        KINERJA,
        passing="fields:\n  - name: hasil_kerja\n    requiredIn: [permenpanrb_6_2022]\n",
        failing="fields:\n  - name: hasil_kerja\n    requiredIn: [permenpanrb_2022]\n",
    ),
    LintCode(
        "table-derived-value",
        "error",
        AREA,
        "Nilai yang diturunkan (fillFrom, deriveFrom, absentValue) menyebut tabel dan kolom yang "
        "ada, dan nilai yang diberikannya ada dalam constraints.enum kolomnya.",
        "rules/schema/hukuman_disiplin.yml",
        passing="fields:\n  - name: tingkat\n    deriveFrom:\n      field: jenis\n"
        "      prefixes: {ringan: [teguran lisan]}\n",
        failing="fields:\n  - name: tingkat\n    deriveFrom:\n      field: jenis_hukuman\n"
        "      prefixes: {ringan: [teguran lisan]}\n",
    ),
    LintCode(
        "table-duplicate",
        "error",
        AREA,
        "Setiap tabel dideskripsikan sekali, dan setiap kolom sekali dalam tabelnya.",
        PEGAWAI,
        passing="fields:\n  - name: nip\n    title: NIP\n  - name: nip_lama\n    title: NIP lama\n",
        failing="fields:\n  - name: nip\n    title: NIP\n  - name: nip\n    title: NIP lama\n",
    ),
    LintCode(
        "table-name",
        "error",
        AREA,
        "Nama tabel (name, atau nama berkas) adalah salah satu dari tujuh tabel data kepegawaian.",
        PEGAWAI,
        passing="name: pegawai\n",
        failing="name: pegawai_asn\n",
    ),
    LintCode(
        "table-missing",
        "error",
        AREA,
        "Ketujuh tabel data kepegawaian masing-masing memiliki deskriptor di rules/schema/.",
        "rules/schema/unit_kerja.yml",
        passing="# rules/schema/unit_kerja.yml ada dan berisi name: unit_kerja\nname: unit_kerja\n",
        failing="# rules/schema/unit_kerja.yml terhapus: tabel unit_kerja tidak dideskripsikan\n",
    ),
)
