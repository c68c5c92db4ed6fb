"""The intake checks (``SKEMA-*``): what reading an agency's files against the Table Schema can
find, registered once like the rule types, with the title reports group findings under.

Every intake finding is built by :func:`intake_finding`, which refuses an id that is not
registered here; the site's lint-code page lists these checks from this registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.report.finding import SEVERITIES, Finding

# Intake findings cite the Pasal that obliges agencies to send data in the published schema.
INTAKE_CLAUSE = "kewajiban-data-skema"

SKEMA_BERKAS = "SKEMA-BERKAS"
SKEMA_KOLOM = "SKEMA-KOLOM"
SKEMA_BARIS = "SKEMA-BARIS"
SKEMA_WAJIB = "SKEMA-WAJIB"
SKEMA_TIPE = "SKEMA-TIPE"
SKEMA_ENUM = "SKEMA-ENUM"
SKEMA_NIP_RUSAK = "SKEMA-NIP-RUSAK"
SKEMA_UNIK = "SKEMA-UNIK"
SKEMA_RUJUKAN = "SKEMA-RUJUKAN"
SKEMA_SKALA = "SKEMA-SKALA"
SKEMA_OPD = "SKEMA-OPD"


@dataclass(frozen=True)
class IntakeCheck:
    """One intake check. ``severity`` is its usual severity; ``varies`` says (in Indonesian)
    when a finding of it has another, and is empty when it never does."""

    id: str
    title: str
    severity: str
    description: str
    clause: str = INTAKE_CLAUSE
    varies: str = ""

    def __post_init__(self) -> None:
        assert self.id.startswith("SKEMA-"), self.id
        assert self.severity in SEVERITIES, f"{self.id}: severity {self.severity!r}"


INTAKE_CHECKS: dict[str, IntakeCheck] = {
    check.id: check
    for check in (
        IntakeCheck(
            SKEMA_BERKAS,
            "Berkas tidak dapat dipakai sebagaimana mestinya",
            "error",
            "Berkas yang dikirim tidak dapat dibaca sebagai tabel data: kosong, rusak, dilindungi "
            "kata sandi, bukan CSV atau Excel, tabel dan judul kolomnya tidak dikenali, atau "
            "melebihi batas pemeriksaan (jumlah sel per berkas atau buku kerja, jumlah kolom "
            "per tabel).",
            varies="peringatan untuk berkas yang jenisnya tidak didukung dan dilewati",
        ),
        IntakeCheck(
            SKEMA_KOLOM,
            "Kolom tidak sesuai skema data",
            "error",
            "Judul kolom tidak cocok dengan skema tabel: kolom wajib tidak ada, dua kolom berarti "
            "sama, atau kolom tidak dikenal dan diabaikan.",
            varies="peringatan untuk dua kolom yang berarti sama; informasi untuk kolom yang "
            "tidak dikenal",
        ),
        IntakeCheck(
            SKEMA_BARIS,
            "Baris tidak dapat dibaca utuh",
            "error",
            "Baris CSV yang tidak dapat dipisah menjadi kolom-kolomnya, beberapa baris yang "
            "terbaca sebagai satu karena tanda kutip, sel yang memuat karakter NUL tak terlihat "
            "(dibuang), atau baris di atas judul kolom yang diabaikan.",
            varies="peringatan untuk baris yang tergabung karena tanda kutip dan untuk sel yang "
            "karakter NUL-nya dibuang; informasi untuk baris judul laporan di atas judul kolom",
        ),
        IntakeCheck(
            SKEMA_WAJIB,
            "Isian wajib kosong",
            "error",
            "Sel kolom yang wajib diisi menurut skema tabel (constraints.required) kosong.",
        ),
        IntakeCheck(
            SKEMA_TIPE,
            "Isian tidak sesuai jenis data",
            "error",
            "Isi sel tidak dapat dibaca sebagai jenis kolomnya (tanggal, angka, bilangan bulat, "
            "Ya/Tidak) atau di luar batas minimum dan maksimum.",
        ),
        IntakeCheck(
            SKEMA_ENUM,
            "Isian di luar pilihan yang sah",
            "error",
            "Isi sel bukan salah satu nilai yang dikenal kolomnya (constraints.enum beserta "
            "ejaan lainnya di enumAliases).",
        ),
        IntakeCheck(
            SKEMA_NIP_RUSAK,
            "NIP rusak",
            "error",
            "NIP tersimpan sebagai angka di Excel sehingga hanya 15 digit yang tersisa; tiga "
            "digit terakhirnya hilang.",
        ),
        IntakeCheck(
            SKEMA_UNIK,
            "Kunci data tercatat lebih dari sekali",
            "error",
            "Baris mengulang kunci utama (primaryKey) baris sebelumnya, misalnya NIP yang sama "
            "dua kali di tabel pegawai satu instansi.",
        ),
        IntakeCheck(
            SKEMA_RUJUKAN,
            "Rujukan ke tabel lain tidak ditemukan",
            "error",
            "Nilai kunci asing (foreignKeys) tidak ada di tabel yang dirujuknya, misalnya NIP "
            "pelatihan yang tidak ada di tabel pegawai.",
            varies="informasi bila tabel yang dirujuk tidak ikut dikirim sehingga rujukan tidak "
            "diperiksa",
        ),
        IntakeCheck(
            SKEMA_SKALA,
            "Isian tidak sesuai skala penilaian tahunnya",
            "warning",
            "Isi sel adalah nilai yang dikenal, tetapi termasuk skala penilaian yang lain daripada "
            "skala yang berlaku pada tahun barisnya (enumScales), misalnya predikat Cukup (skala "
            "Peraturan Pemerintah Nomor 46 Tahun 2011) pada evaluasi tahun 2023; atau predikat "
            "berbeda dari predikat menurut rentang nilai SKP pada baris yang sama (scoreBands).",
            varies="informasi, satu temuan per berkas, untuk nilai SKP yang tidak dapat dibaca "
            "sebagai predikat karena di luar rentang nilai atau tahunnya tidak memakai nilai angka",
        ),
        IntakeCheck(
            SKEMA_OPD,
            "Baris pegawai perangkat daerah lain",
            "warning",
            "Di layanan pengiriman data, baris pegawai yang tercatat pada perangkat daerah yang "
            "tidak diwakili instansi pengirim (policy/opd.yml dan pendaftaran instansinya) "
            "dilaporkan sebagai jumlah per perangkat daerah, tanpa NIP atau nama; baris itu "
            "beserta riwayatnya tidak diperiksa dan tidak dihitung untuk perangkat daerah mana "
            "pun.",
        ),
    )
}

# the kinds of cell problem the typed SELECT records (``checker.data.convert``) → the check
CELL_CHECKS = {
    "WAJIB": SKEMA_WAJIB,
    "TURUN": SKEMA_WAJIB,
    "TIPE": SKEMA_TIPE,
    "RANGE": SKEMA_TIPE,
    "ENUM": SKEMA_ENUM,
    "NIP": SKEMA_NIP_RUSAK,
}


def intake_check(check_id: str) -> IntakeCheck:
    """The registered intake check ``check_id``; KeyError for an id nobody registered."""
    try:
        return INTAKE_CHECKS[check_id]
    except KeyError:
        raise KeyError(
            f"intake check {check_id!r} is not registered in checker.data.intake_checks"
        ) from None


def intake_finding(
    check_id: str,
    message: str,
    *,
    severity: str | None = None,
    table: str | None = None,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
    nip: str | None = None,
    expected: str | None = None,
    actual: str | None = None,
) -> Finding:
    """A Finding of the registered intake check ``check_id``, at the check's severity unless
    ``severity`` says otherwise (which the check must document in ``varies``)."""
    check = intake_check(check_id)
    level = severity or check.severity
    assert level in SEVERITIES, f"{check_id}: severity {level!r} not in {SEVERITIES}"
    assert level == check.severity or check.varies, (
        f"{check_id} is registered at severity {check.severity}; say in its `varies` when it "
        f"is {level}"
    )
    return Finding(
        rule=check.id,
        severity=level,
        message=message,
        table=table,
        file=file,
        row=row,
        column=column,
        nip=nip,
        expected=expected,
        actual=actual,
    )
