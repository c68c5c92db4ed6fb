"""Small Reports built by hand: every kind of finding the formats must show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from checker.provenance import Provenance
from checker.report.finding import ClauseRef, Finding
from checker.report.report import InputRef, Report

# the regulation as checking names it from peraturan.yml (checker.wording.regulation_name)
REGULATION = (
    "Rancangan Peraturan Gubernur Bengkulu tentang Pengelolaan Sumber Daya Aparatur Sipil Negara"
)

ATTACK = "=cmd|' /C calc'!A0"
JP = ClauseRef("hak-kompetensi-pns-jp", "Pasal 6 ayat (1)", "2026.1")
SKP = ClauseRef("evaluasi-tahunan-wajib", "Pasal 19 ayat (1)", "2026.1")
DATA = ClauseRef("kewajiban-data-skema", "Pasal 50", "2026.1")
KP = ClauseRef("kp-reguler-masa", "Pasal 27 ayat (1)", "2026.1")
RULES = {
    "KOMP-JP-MIN": "JP pengembangan kompetensi PNS kurang dari minimum",
    "KIN-CAKUPAN": "Cakupan evaluasi kinerja tahunan di bawah target",
    "KIN-SKP-TAHUNAN": "Evaluasi kinerja tahunan tidak ada",
    "KAR-KP-MASA": "Kenaikan pangkat reguler sebelum masa dalam pangkat terpenuhi",
}
PEGAWAI = "kiriman/pegawai.csv"
RIWAYAT = "kiriman/riwayat_pangkat.csv"
# SIASN's instansi kerja, and the perangkat daerah (OPD) the findings belong to
INSTANSI = "Pemerintah Provinsi Bengkulu"
OPD = "Dinas Pendidikan dan Kebudayaan"
VERIFIKASI = "temuan yang memerlukan verifikasi"


def jp(row: int, nip: str, nama: str, actual: str = "12") -> Finding:
    """A KOMP-JP-MIN finding on a pegawai row."""
    return Finding(
        rule="KOMP-JP-MIN",
        severity="error",
        table="pegawai",
        file=PEGAWAI,
        row=row,
        column="jp",
        nip=nip,
        instansi=INSTANSI,
        opd=OPD,
        period="2025",
        expected="20",
        actual=actual,
        clause=JP,
        expected_since="2017-03-30",
        message=f"Sdr. {nama} (NIP {nip}) pada tahun 2025 tercatat mengikuti {actual} JP "
        "pengembangan kompetensi, sedangkan setiap PNS wajib mengikuti pengembangan kompetensi "
        "paling sedikit 20 (dua puluh) JP dalam 1 (satu) tahun sebagaimana disyaratkan dalam "
        "Pasal 6 ayat (1).",
    )


def kp(row: int, nip: str, nama: str) -> Finding:
    """A KAR-KP-MASA finding: a promotion the record dates before the minimum time in rank, a
    decision already taken by the competent authority, so a finding to verify (an error all
    the same: severity and category are separate)."""
    return Finding(
        rule="KAR-KP-MASA",
        severity="error",
        category="verifikasi",
        table="riwayat_pangkat",
        file=RIWAYAT,
        row=row,
        column="tmt",
        nip=nip,
        instansi=INSTANSI,
        opd=OPD,
        period="2025",
        expected="4",
        actual="2025-04-01 (TMT pangkat sebelumnya 2023-04-01)",
        clause=KP,
        message=f"Sdr. {nama} (NIP {nip}) tercatat memperoleh kenaikan pangkat reguler dengan "
        "TMT 1 April 2025 (TMT pangkat sebelumnya 1 April 2023), padahal masa kerja dalam pangkat "
        "terakhir sebelum kenaikan pangkat tersebut belum mencapai 4 (empat) tahun sebagaimana "
        "disyaratkan dalam Pasal 27 ayat (1). Cocokkan TMT dan jenis kenaikan pangkat dengan "
        "keputusan kenaikan pangkatnya, lalu perbaiki data yang keliru.",
    )


def pegawai_row(row: int, nip: str, nama: str, **extra: Any) -> dict[str, Any]:
    """A source row as ``check`` hands it to the workbook."""
    return {
        "_file": PEGAWAI,
        "_row": row,
        "nip": nip,
        "nama": nama,
        "tanggal_lahir": dt.date(1985, 3, 12),
        "aktif": True,
        "instansi": INSTANSI,
        **extra,
    }


def small_report(
    *, findings: list[Finding] | None = None, rows: dict[str, list[dict[str, Any]]] | None = None
) -> Report:
    """Two people (one name with an apostrophe, one with diacritics), a promotion to verify, an
    intake finding, an OPD-level warning and an info; or the given findings and rows."""
    if findings is None:
        findings = [
            jp(2, "198503122010011001", "Ma'ruf Hidayat"),
            Finding(
                rule="KIN-SKP-TAHUNAN",
                severity="error",
                table="pegawai",
                file=PEGAWAI,
                row=2,
                column="tahun",
                nip="198503122010011001",
                instansi=INSTANSI,
                opd=OPD,
                period="2025",
                expected="evaluasi kinerja tahunan",
                actual="tidak ada",
                clause=SKP,
                message="Sdr. Ma'ruf Hidayat (NIP 198503122010011001) tidak "
                "memiliki evaluasi kinerja tahunan untuk tahun 2025.",
            ),
            jp(3, "198703122010012002", "Désirée Nur'aini Siregar", actual="8"),
            kp(5, "198503122010011001", "Ma'ruf Hidayat"),
            Finding(
                rule="SKEMA-TIPE",
                severity="info",
                table="pegawai",
                file=PEGAWAI,
                row=4,
                column="tanggal_lahir",
                nip="199001012015031003",
                expected="tanggal",
                actual="31/02/1990",
                clause=DATA,
                message="Tanggal 31/02/1990 tidak ada di kalender; isian diabaikan.",
            ),
            Finding(
                rule="KIN-CAKUPAN",
                severity="warning",
                instansi=INSTANSI,
                opd=OPD,
                period="2025",
                expected="95",
                actual="50.0",
                clause=SKP,
                expected_since="2026-01-01",
                message=f"Cakupan evaluasi kinerja tahunan {OPD} pada tahun 2025 "
                "50,0%; target 95%.",
            ),
        ]
        rows = {
            "pegawai": [
                pegawai_row(2, "198503122010011001", "Ma'ruf Hidayat"),
                pegawai_row(3, "198703122010012002", "Désirée Nur'aini Siregar"),
                pegawai_row(4, "199001012015031003", "I Gusti Ngurah Rai", tanggal_lahir=None),
            ]
        }
    return Report(
        tool_version="0.1.0",
        policy=Provenance("2026.1", "rancangan", commit="0123abc"),
        as_of="2026-06-30",
        years=[2025],
        inputs=[
            InputRef(PEGAWAI, "pegawai", 3, "ab" * 32),
            InputRef("kiriman/pelatihan.csv", "pelatihan", 1234, "cd" * 32),
        ],
        findings=sorted(findings, key=Finding.sort_key),
        rules=dict(RULES),
        rows=rows or {},
        regulation=REGULATION,
    )
