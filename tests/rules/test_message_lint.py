"""Lint of rule messages: fields and filters must be known, braces must pair, so that no message
fails or prints nonsense while a report is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.policy import load_policy
from checker.rules.lint import lint_rules
from tests.rules.builder import POLICY

RULE = """\
- id: UJI-PESAN
  title: Uji
  clause: hak-kompetensi-pns-jp
  severity: error
  source: Uji
  table: pegawai
  check: {type: not_null, column: nama}
  message: "MESSAGE"
"""

FIELDS = (
    "file, row, nip, nama, instansi, period, column, expected, actual, expected_since, "
    "opd, citation, rule, title, sapaan, nomor_induk, as_of"
)
CASES = {
    "unknown-filter": (
        "{sapaan} {nama}: {expected:terbilng} {actual:persen} {period:>6}",
        [
            "pesan aturan UJI-PESAN memakai penyaring yang tidak dikenal: >6, terbilng; penyaring "
            "yang tersedia: angka, terbilang, persen, jp"
        ],
    ),
    "clause-text-only-filter": (
        "{expected:jadwal}",
        [
            "pesan aturan UJI-PESAN memakai penyaring yang tidak dikenal: jadwal; penyaring yang "
            "tersedia: angka, terbilang, persen, jp"
        ],
    ),
    "conversion": (
        "{actual!r}",
        [
            "pesan aturan UJI-PESAN memakai penyaring yang tidak dikenal: !r; penyaring yang "
            "tersedia: angka, terbilang, persen, jp"
        ],
    ),
    "unknown-field-and-filter": (
        "{nama_lengkap} {expected:rupiah} {}",
        [
            f"pesan aturan UJI-PESAN memakai kolom yang tidak dikenal: nama_lengkap, {{}}; kolom "
            f"yang tersedia: {FIELDS}",
            "pesan aturan UJI-PESAN memakai penyaring yang tidak dikenal: rupiah; penyaring yang "
            "tersedia: angka, terbilang, persen, jp",
        ],
    ),
    "snake-case-column": (
        "{sapaan} {nama}: kolom tmt_golongan dan tabel riwayat_cltn, berkas riwayat_cltn.csv",
        [
            "pesan aturan UJI-PESAN menyebut nama kolom atau tabel dalam bentuk kode: "
            "riwayat_cltn (tulis: riwayat CLTN dan tugas belajar), tmt_golongan (tulis: TMT "
            "golongan); pesan dibaca orang, tulis judulnya atau pakai {column}"
        ],
    ),
    "unpaired-brace": (
        "{nama tidak diisi",
        [
            "pesan aturan UJI-PESAN memuat kurung kurawal yang tidak berpasangan; tulis kolom "
            "sebagai {nama} dan kurung kurawal biasa sebagai {{ }}"
        ],
    ),
}


def _messages(tmp_path: Path, message: str) -> list[tuple[str, int, str, str]]:
    (tmp_path / "uji.yml").write_text(RULE.replace("MESSAGE", message), encoding="utf-8")
    return [
        (p.code, p.line, p.severity, p.message) for p in lint_rules(tmp_path, load_policy(POLICY))
    ]


def test_known_fields_and_filters_are_clean(tmp_path: Path) -> None:
    message = "{sapaan} {nama} {expected:terbilang} {actual:angka} {period:persen} {{teks}}"
    assert _messages(tmp_path, message) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_message(tmp_path: Path, name: str) -> None:
    message, expected = CASES[name]
    assert _messages(tmp_path, message) == [("rule-message", 8, "error", text) for text in expected]
