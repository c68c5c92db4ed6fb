"""Lint codes for the dispensations (``rules/dispensasi/*.yml``)."""

from __future__ import annotations

from checker.codes.model import LintCode

AREA = "dispensasi"
FILE = "rules/dispensasi/tugas-belajar.yml"
_NIP = "198503122010011001"


def _entry(*lines: str) -> str:
    return "- id: DISP-2026-001\n" + "".join(f"  {line}\n" for line in lines)


CODES = (
    LintCode(
        "dispensasi-schema",
        "error",
        AREA,
        "Berkas dispensasi berupa daftar; setiap dispensasi memuat kunci wajibnya dengan nilai "
        "yang sah (NIP 18 digit, tanggal TTTT-BB-HH).",
        FILE,
        passing=_entry(f'scope: {{nip: "{_NIP}"}}'),
        failing=_entry(f'scope: {{nip: "{_NIP[:-1]}"}}'),
    ),
    LintCode(
        "dispensasi-tanggal",
        "error",
        AREA,
        "Tanggal dispensasi adalah tanggal kalender; periode tidak berakhir sebelum dimulai, "
        "dan valid_until tidak sebelum tanggal surat keputusan.",
        FILE,
        passing=_entry('period: {from: "2026-01-01", to: "2026-12-31"}'),
        failing=_entry('period: {from: "2026-12-31", to: "2026-01-01"}'),
    ),
    LintCode(
        "dispensasi-lingkup",
        "error",
        AREA,
        "Lingkup dispensasi adalah nip, atau instansi, atau category beserta nip yang disebut "
        "surat keputusannya.",
        FILE,
        passing=_entry(f'scope: {{nip: "{_NIP}"}}'),
        failing=_entry(f'scope: {{nip: "{_NIP}", instansi: Dinas Pendidikan dan Kebudayaan}}'),
    ),
    LintCode(
        "dispensasi-ganda",
        "error",
        AREA,
        "Setiap id dispensasi dipakai sekali di seluruh rules/dispensasi/.",
        FILE,
        passing=_entry(f'scope: {{nip: "{_NIP}"}}')
        + '- id: DISP-2026-002\n  scope: {nip: "199001012015031002"}\n',
        failing=_entry(f'scope: {{nip: "{_NIP}"}}')
        + '- id: DISP-2026-001\n  scope: {nip: "199001012015031002"}\n',
    ),
    LintCode(
        "dispensasi-aturan",
        "error",
        AREA,
        "Aturan yang dikecualikan dispensasi ada di rules/ (atau pemeriksaan SKEMA-*).",
        FILE,
        passing=_entry("rules: [KOMP-JP-MIN]"),
        failing=_entry("rules: [KOMP-JP-MINIMUM]"),
    ),
    LintCode(
        "dispensasi-dasar",
        "error",
        AREA,
        "Dasar hukum dispensasi (legal_basis) adalah id Pasal, ayat atau rincian yang ada "
        "dalam peraturan.",
        FILE,
        passing=_entry("legal_basis: jalur-pendidikan"),
        failing=_entry("legal_basis: hak-tugas-belajar"),
    ),
    LintCode(
        "dispensasi-data-pribadi",
        "error",
        AREA,
        "Alasan dispensasi tampil di situs publik, sehingga tidak memuat NIP; NIP ditulis di "
        "scope.nip saja.",
        FILE,
        passing=_entry("justification: >-", "  Pegawai menjalani tugas belajar program magister."),
        failing=_entry(
            "justification: >-", f"  Pegawai NIP {_NIP} menjalani tugas belajar program magister."
        ),
    ),
    LintCode(
        "dispensasi-kedaluwarsa",
        "warning",
        AREA,
        "Dispensasi yang sudah lewat valid_until tidak berlaku lagi: hapus entrinya atau "
        "perpanjang dengan keputusan baru.",
        FILE,
        passing=_entry('valid_until: "2026-12-31"  # belum lewat'),
        failing=_entry('valid_until: "2025-12-31"  # sudah lewat'),
    ),
    LintCode(
        "dispensasi-yatim",
        "warning",
        AREA,
        "Dispensasi yang masih berlaku mencakup sedikitnya satu temuan pemeriksaan terakhir "
        "(diperiksa bila laporannya diberikan: kebijakan lint --laporan).",
        FILE,
        passing=_entry(f'scope: {{nip: "{_NIP}"}}  # pegawai ini masih punya temuan KOMP-JP-MIN'),
        failing=_entry(f'scope: {{nip: "{_NIP}"}}  # tidak ada temuan untuk NIP ini lagi'),
    ),
)
