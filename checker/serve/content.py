"""What an uploaded file is, decided by its bytes and never by its name.

``PK\\x03\\x04`` opens a ZIP container: an XLSX/XLSB workbook (``xl/workbook.*``), an ODS
spreadsheet (its ``mimetype`` entry), a Word or PowerPoint file (refused), or a plain ZIP of data
files. ``\\xd0\\xcf\\x11\\xe0`` opens an OLE file: an Excel 97-2003 workbook, a password-protected
workbook (refused with advice) or another Office document (refused). Anything else must be text
that decodes (UTF-8, UTF-16 or Windows-1252, as the intake reads it): then it is JSON (the SIASN
API's answer) when it opens with ``[`` or ``{``, else CSV.
"""

from __future__ import annotations

import mmap
import re
import struct
import unicodedata
import zipfile
from pathlib import Path

from checker.data.sniff import detect_encoding

SNIFF_BYTES = 64 * 1024
ZIP_MAGIC, EMPTY_ZIP_MAGIC, OLE_MAGIC = b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0"
WORKBOOKS = ("xlsx", "xlsb", "ods", "xls")
EXTENSIONS = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "xlsb": ".xlsb",
    "ods": ".ods",
    "xls": ".xls",
    "zip": ".zip",
    "json": ".json",
}
KIND_LABELS = {
    "csv": "CSV",
    "xlsx": "Excel (.xlsx)",
    "xlsb": "Excel biner (.xlsb)",
    "ods": "OpenDocument (.ods)",
    "xls": "Excel 97-2003 (.xls)",
    "zip": "ZIP",
    "json": "JSON (API SIASN)",
    "skipped": "tidak diperiksa",
}
ADVICE = (
    "Kirim data sebagai CSV, Excel (.xlsx), JSON dari API SIASN, atau ZIP berisi berkas-berkas itu."
)
_BINARY = (
    (b"%PDF", "dokumen PDF"),
    (b"\x89PNG", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF8", "gambar GIF"),
    (b"RIFF", "berkas media"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf", "arsip 7-Zip"),
    (b"\x1f\x8b", "arsip gzip"),
    (b"MZ", "program Windows"),
    (b"\x7fELF", "program"),
    (b"{\\rtf", "dokumen RTF"),
)
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html|<table|<head|<body)", re.I)
_OPENDOCUMENT_SHEET = b"application/vnd.oasis.opendocument.spreadsheet"


class UploadRejected(Exception):
    """An upload the service will not store; ``message`` is shown to the operator as it is."""

    def __init__(self, message: str, status: int = 415) -> None:
        self.message = message
        self.status = status
        super().__init__(message)


# python-multipart refuses a part header (which carries the file name) longer than this
MAX_PART_HEADER_BYTES = 4096 + 128


def form_problem(detail: str, max_files: int) -> str:
    """What an operator reads when the upload form itself cannot be parsed: the limit that
    was really hit (Starlette's ``detail``), not always the file count."""
    if detail.startswith("Too many files"):
        return (
            f"Paling banyak {max_files} berkas dalam satu unggahan; gabungkan berkas CSV "
            "ke dalam satu ZIP."
        )
    if detail.startswith("Too many fields"):
        return "Formulir unggahan berisi terlalu banyak isian; muat ulang halaman unggah."
    if "exceeded maximum size" in detail:
        return "Salah satu isian formulir terlalu panjang; muat ulang halaman unggah."
    return (
        "Formulir unggahan tidak dapat dibaca: datanya tidak utuh, atau nama berkas terlalu "
        f"panjang (paling panjang sekitar {MAX_PART_HEADER_BYTES // 1000}.000 byte). "
        "Pendekkan nama berkas lalu unggah kembali."
    )


def not_data(name: str, what: str) -> UploadRejected:
    """The refusal for a file that is not a spreadsheet."""
    return UploadRejected(
        f"Berkas “{name}” bukan data yang dapat diperiksa: isinya {what}. " + ADVICE
    )


def damaged(name: str, detail: str = "isinya rusak atau terpotong") -> UploadRejected:
    """The refusal for a container that cannot be opened."""
    return UploadRejected(
        f"Berkas “{name}” tidak dapat dibuka ({detail}). Simpan ulang atau "
        "buat ulang berkasnya, lalu unggah kembali.",
        422,
    )


def detect_kind(path: Path, name: str) -> str:
    """``csv``, ``json``, ``xlsx``, ``xlsb``, ``ods``, ``xls`` or ``zip``; UploadRejected
    otherwise."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head:
        raise UploadRejected(
            f"Berkas “{name}” kosong. Ekspor ulang datanya, lalu unggah kembali.", 422
        )
    if head.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return _zip_kind(path, name)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path, name)
    for magic, what in _BINARY:
        if head.startswith(magic):
            raise not_data(name, what)
    text = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML.match(text):
        raise UploadRejected(
            f"Berkas “{name}” adalah halaman web (HTML), walaupun namanya mungkin berakhiran "
            ".xls. Buka berkas itu di Excel, simpan sebagai Excel Workbook (.xlsx), lalu unggah "
            "kembali."
        )
    if text.lstrip().startswith(b"<?xml"):
        raise UploadRejected(
            f"Berkas “{name}” berformat XML Spreadsheet 2003. Buka di Excel, simpan sebagai "
            "Excel Workbook (.xlsx), lalu unggah kembali."
        )
    encoding = detect_encoding(head)
    if encoding is None or not _mostly_text(head, encoding):
        raise not_data(name, "data biner")
    if text.lstrip()[:1] in (b"[", b"{"):
        return "json"  # a CSV never opens with a bracket; the SIASN API's answer does
    return "csv"


def _mostly_text(head: bytes, encoding: str) -> bool:
    """At most 1 % control or undecodable characters once decoded (tab, line ends excepted)."""
    text = head.decode(encoding, errors="replace")
    bad = sum(
        1
        for c in text
        if c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    )
    return bad <= max(1, len(text) // 100)


def zip_entry_count(path: Path) -> int | None:
    """The entry count the end-of-central-directory record declares (read before anything
    else is parsed); None when the record is missing or ZIP64 hides the count."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    at = tail.rfind(EMPTY_ZIP_MAGIC)
    if at < 0 or len(tail) < at + 22:
        return None
    (total,) = struct.unpack("<H", tail[at + 10 : at + 12])
    return None if total == 0xFFFF else int(total)


def _zip_kind(path: Path, name: str) -> str:
    if zip_entry_count(path) is None:
        raise damaged(name)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = _small_entry(zf, "mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise damaged(name) from None
    if not names:
        raise UploadRejected(f"Berkas ZIP “{name}” kosong. " + ADVICE, 422)
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if mimetype.strip() == _OPENDOCUMENT_SHEET:
        return "ods"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise not_data(name, "dokumen OpenDocument yang bukan lembar kerja")
    if "word/document.xml" in names:
        raise not_data(name, "dokumen Word")
    if "ppt/presentation.xml" in names:
        raise not_data(name, "presentasi PowerPoint")
    return "zip"


def _small_entry(zf: zipfile.ZipFile, member: str) -> bytes:
    with zf.open(member) as fh:
        return fh.read(200)


def _ole_kind(path: Path, name: str) -> str:
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data.find("EncryptedPackage".encode("utf-16-le")) >= 0:
            raise UploadRejected(
                f"Berkas “{name}” dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                "(File › Info › Protect Workbook), simpan, lalu unggah kembali.",
                422,
            )
        if data.find("WordDocument".encode("utf-16-le")) >= 0:
            raise not_data(name, "dokumen Word")
        if (
            data.find("Workbook".encode("utf-16-le")) >= 0
            or data.find("Book".encode("utf-16-le")) >= 0
        ):
            return "xls"
    raise not_data(name, "dokumen Office yang bukan lembar kerja")
