"""The reference of lint codes and intake checks, generated from their registries so that the
documentation cannot drift from what ``kebijakan lint`` and ``kebijakan check`` report."""

from __future__ import annotations

import re

from checker.artifacts.markdown import code, escape, link, table
from checker.codes import AREAS, LINT_CODES, LintCode
from checker.data.intake_checks import INTAKE_CHECKS, INTAKE_CLAUSE
from checker.report.labels import SEVERITY_LABELS
from checker.site import links
from checker.site.dashboard import mask_nip
from checker.site.page import Page, join

URI = "aturan/kode-lint.md"
INTAKE_ANCHOR = "pemeriksaan-data-masuk"
_NIP = re.compile(r"(?<!\d)\d{18}(?!\d)")


def area_anchor(area: str) -> str:
    """Anchor of an area's section (``bidang-peraturan``): a code may share an area's name."""
    return f"bidang-{area}"


def _level(entry: LintCode) -> str:
    label = SEVERITY_LABELS[entry.level]
    return f"{label} ({entry.varies})" if entry.varies else label


def _code(entry: LintCode) -> list[str]:
    lines = [
        f"### `{entry.id}` {{#{entry.id}}}",
        "",
        escape(entry.description),
        "",
        f"- **Tingkat:** {escape(_level(entry))}",
        f"- **Berkas contoh:** {code(entry.file)}",
        "",
    ]
    for heading, example in (("Benar:", entry.passing), ("Salah:", entry.failing)):
        # a public page shows no NIP, not even an invented one (see site/dashboard.py)
        shown = _NIP.sub(lambda match: mask_nip(match.group()), example)
        lines += [heading, "", f"```{entry.syntax}", *shown.rstrip("\n").splitlines(), "```", ""]
    return lines


def _intake() -> list[str]:
    lines = [
        f"## Pemeriksaan data masuk {{#{INTAKE_ANCHOR}}}",
        "",
        "`kebijakan check` membaca berkas instansi menurut "
        f"[skema data]({links.relative(URI, links.SKEMA)}) sebelum menjalankan aturan. "
        "Masalah yang ditemukan saat membaca dilaporkan sebagai temuan dengan kode "
        f"`SKEMA-*`, yang mengutip ketentuan `{INTAKE_CLAUSE}`; kode ini juga dapat "
        "disebut dalam `rules` sebuah dispensasi.",
        "",
    ]
    lines += table(
        ("Pemeriksaan", "Judul", "Tingkat", "Keterangan"),
        [
            (
                code(check.id),
                check.title,
                SEVERITY_LABELS[check.severity] + (f" ({check.varies})" if check.varies else ""),
                check.description,
            )
            for check in INTAKE_CHECKS.values()
        ],
    )
    return [*lines, ""]


def lint_codes_page() -> Page:
    """Every lint code by area, with its level, description and a passing and a failing
    example; then the intake checks (``SKEMA-*``) with title, severity and description."""
    lines = [
        "# Kode lint",
        "",
        "`kebijakan lint` memeriksa berkas yang ditulis perancang: teks peraturan, "
        "parameter, penomoran yang dibekukan, aturan, skema tabel data, dan dispensasi. "
        "Setiap masalah dilaporkan dengan berkas, baris, dan kolomnya, diikuti kodenya "
        "dalam kurung, misalnya `policy/bab/pengembangan-kompetensi.md:9:60: [error] ... "
        "(unknown-parameter)`. Halaman ini dihasilkan dari registri kode pemeriksa, "
        f"sehingga memuat seluruh {len(LINT_CODES)} kode yang dapat dilaporkan.",
        "",
        f"- **{SEVERITY_LABELS['error']}** (`error`): kebijakan tidak dapat dimuat sampai "
        "diperbaiki; `kebijakan lint` keluar dengan kode 1.",
        f"- **{SEVERITY_LABELS['warning']}** (`warning`): perlu diperiksa, tetapi tidak "
        "menghalangi pemuatan kebijakan; `kebijakan lint --strict` menganggapnya gagal "
        "juga.",
        "",
        "Contoh hanya memperlihatkan bagian berkas yang bersangkutan; kunci, Pasal, dan "
        "aturan lain di berkas itu tetap seperti biasa. NIP dalam contoh disamarkan, "
        "seperti di seluruh situs publik.",
        "",
    ]
    lines += table(
        ("Bidang", "Jumlah kode"),
        [
            (
                link(title, f"#{area_anchor(area)}"),
                str(sum(1 for e in LINT_CODES.values() if e.area == area)),
            )
            for area, title in AREAS.items()
        ],
        numeric=(1,),
        right="--:",
    )
    lines += [
        "",
        f"Pemeriksaan data masuk (`SKEMA-*`) dijelaskan di [bagian akhir](#{INTAKE_ANCHOR}).",
        "",
    ]
    for area, title in AREAS.items():
        entries = [e for e in LINT_CODES.values() if e.area == area]
        lines += [f"## {title} {{#{area_anchor(area)}}}", ""]
        lines += table(
            ("Kode", "Tingkat", "Keterangan"),
            [(link(code(e.id), f"#{e.id}"), _level(e), e.description) for e in entries],
        )
        lines.append("")
        for entry in entries:
            lines += _code(entry)
    return Page(URI, join(lines + _intake()))
