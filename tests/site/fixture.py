"""A tiny site: the fixture regulation of tests/policy_fixture.py, two rules, two reports.

Both reports come from one instansi kerja, the province, and count its two perangkat daerah
(OPD) apart: the dashboard, its pages and the impact page group by OPD."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from checker.provenance import Provenance
from checker.report.finding import ClauseRef, Finding
from checker.report.report import Report, to_json

AS_OF = dt.date(2026, 6, 30)
RULES = """\
- id: KOMP-JP-MIN
  title: JP pengembangan kompetensi PNS kurang dari minimum
  description: PNS aktif harus mengikuti paling sedikit JP minimum dalam setahun.
  clause: hak-jp-jumlah
  severity: error
  source: Peraturan Pemerintah Nomor 11 Tahun 2017
  table: pegawai
  population:
    status_kepegawaian: [PNS]
    kedudukan_hukum: bertugas
  check:
    type: period_aggregate
    child: pelatihan
    date_column: tanggal_selesai
    aggregate: SUM(c.jp)
    breach: "<"
    parameter: kompetensi.jp_minimum_pns
    column: jp
  message: >-
    Sdr. {nama} (NIP {nip}) mengikuti {actual} JP pada tahun {period}; paling sedikit
    {expected:terbilang} JP menurut {citation}.
- id: DATA-NIP-FORMAT
  title: NIP bukan 18 digit angka
  clause: rujukan
  severity: warning
  source: Struktur NIP
  table: pegawai
  population: semua
  check:
    type: pattern
    column: nip
    pattern: "[0-9]{18}"
  message: NIP {actual} pada data pegawai {nama} tidak terdiri atas 18 digit angka.
"""

# the fixture's penutup with one more Pasal: an obligation no rule checks
PENUTUP = """\
---
title: KETENTUAN PENUTUP
---

#### Pasal {#laporan-instansi}

Setiap Instansi wajib menyampaikan laporan pelaksanaan kepada Gubernur paling lama 30 (tiga puluh) hari setelah akhir tahun.

#### Pasal {#berlaku}

Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
"""

PROVINSI = "Pemerintah Provinsi Bengkulu"  # the instansi kerja of every fixture finding
KOTA = "Pemerintah Kota Bengkulu"
# the province's perangkat daerah the fixture counts apart
DIKBUD = "Dinas Pendidikan dan Kebudayaan"
DINKES = "Dinas Kesehatan"
# made-up people whose NIP and name must never reach the public site
PEOPLE = {
    "198503152010011001": "Budi Santoso",
    "199001012015032002": "Siti Rahayu",
    "198812122012121003": "Andi Wijaya",
}


def _finding(
    rule: str,
    nip: str,
    opd: str | None,
    clause: str,
    citation: str,
    severity: str = "error",
    period: str | None = "2025",
) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        table="pegawai",
        file="pegawai.csv",
        row=2,
        column="jp",
        nip=nip,
        instansi=PROVINSI if opd else None,
        opd=opd,
        period=period,
        message=f"Sdr. {PEOPLE.get(nip, 'X')} (NIP {nip}) melanggar {citation}.",
        clause=ClauseRef(clause, citation, "uji-1"),
    )


def reports() -> list[tuple[str, Report]]:
    """Two submissions of the province: Dinas Kesehatan improves, Dinas Pendidikan dan
    Kebudayaan stays; one finding names no OPD (nor instansi)."""
    nips = list(PEOPLE)
    first = Report(
        "0.1.0",
        Provenance("uji-1", "rancangan"),
        "2026-01-15",
        [2025],
        [],
        [
            _finding("KOMP-JP-MIN", nips[0], DIKBUD, "hak-jp-jumlah", "Pasal 2 ayat (1)"),
            _finding("KOMP-JP-MIN", nips[1], DINKES, "hak-jp-jumlah", "Pasal 2 ayat (1)"),
            _finding("DATA-NIP-FORMAT", nips[2], DINKES, "rujukan", "Pasal 3", "warning", None),
        ],
        employees={DIKBUD: 10, DINKES: 4},
    )
    second = Report(
        "0.1.0",
        Provenance("uji-1", "rancangan"),
        "2026-06-30",
        [2025],
        [],
        [
            _finding("KOMP-JP-MIN", nips[0], DIKBUD, "hak-jp-jumlah", "Pasal 2 ayat (1)"),
            _finding("SKEMA-BARIS", "", None, "hak-jp", "Pasal 2", period=None),
        ],
        employees={DIKBUD: 10, DINKES: 5},
    )
    return [("2026-01.json", first), ("2026-06.json", second)]


def write_inputs(root: Path) -> tuple[Path, Path]:
    """Write rules/ and reports/ next to the fixture policy; return their paths."""
    rules = root / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "aturan.yml").write_text(RULES, encoding="utf-8")
    folder = root / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    for name, report in reports():
        (folder / name).write_text(to_json(report), encoding="utf-8")
    return rules, folder


def mkdocs_build(folder: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` in ``folder`` (its mkdocs.yml), in a fresh interpreter, output kept."""
    args = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-q"]
    return subprocess.run(
        args,
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
