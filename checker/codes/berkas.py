"""Lint codes for files that cannot be read at all: unreadable files and YAML syntax."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "berkas"

CODES = (
    LintCode(
        "yaml",
        "error",
        AREA,
        "Berkas YAML tidak dapat dibaca karena sintaksnya salah (misalnya titik dua di dalam "
        "nilai yang tidak diberi tanda petik).",
        "policy/peraturan.yml",
        passing='title: "Pengelolaan ASN: Kompetensi, Kinerja, dan Karier"\n',
        failing="title: Pengelolaan ASN: Kompetensi, Kinerja, dan Karier\n",
    ),
    LintCode(
        "berkas",
        "error",
        AREA,
        "Berkas atau folder yang diperlukan tidak ada, atau tidak dapat dibaca sebagai teks UTF-8.",
        "policy/parameter.yml",
        passing="# parameter.yml disimpan sebagai teks UTF-8 (bawaan penyunting teks)\n",
        failing="# parameter.yml disimpan sebagai teks Windows-1252, bukan UTF-8\n",
    ),
)
