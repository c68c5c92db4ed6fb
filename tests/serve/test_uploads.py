"""Uploads judged by their bytes, stored under the server's names, ZIPs opened within budget."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from checker.data.schema import load_schema
from checker.serve.content import UploadRejected, detect_kind
from checker.serve.uploads import Budget, Incoming, display_name, store_uploads

SCHEMA = load_schema(Path(__file__).resolve().parents[2] / "rules" / "schema")

UTF16 = "nip\tnama\n198503152010011001\tSiti\n".encode("utf-16")


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "pegawai"
    book.active.append(["nip", "nama"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def kind_of(tmp_path: Path, data: bytes, name: str = "berkas") -> str:
    path = tmp_path / "masuk"
    path.write_bytes(data)
    return detect_kind(path, name)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"nip,nama\n198503152010011001,Siti\n", "csv"),
        (b"\xef\xbb\xbfnip;nama\n198503152010011001;Jos\xc3\xa9\n", "csv"),
        (b"nip;nama\n198503152010011001;Jos\xe9 \x93Ucok\x94\n", "csv"),  # Windows-1252
        (UTF16, "csv"),
        (xlsx(), "xlsx"),
        (
            zipped(
                {
                    "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": b"<x/>",
                }
            ),
            "ods",
        ),
        (zipped({"pegawai.csv": b"nip\n1\n"}), "zip"),
        (b'{"code": 1, "data": [{"pnsDinilaiId": "A1", "tahun": 2025}]}', "json"),
        (b'\xef\xbb\xbf\n  [{"idPns": "A1", "golongan": "III/b"}]', "json"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200) + "Workbook".encode("utf-16-le"), "xls"),
    ],
)
def test_kind_is_decided_by_content(tmp_path: Path, data: bytes, kind: str) -> None:
    assert kind_of(tmp_path, data, "nama-apa-saja.pdf") == kind


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n", "isinya dokumen PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(20), "isinya gambar PNG"),
        (b"\xff\xd8\xff\xe0" + bytes(20), "isinya gambar JPEG"),
        (zipped({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<t/>"}), "dokumen Word"),
        (b"\x00\x01\x02\x03" * 100, "isinya data biner"),
        (b"<html><body><table><tr><td>nip</td></tr></table>", "halaman web (HTML)"),
        (
            b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
            "XML Spreadsheet 2003",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "dilindungi kata sandi",
        ),
        (b"", "kosong"),
        (b"PK\x03\x04 this is not really a zip", "tidak dapat dibuka"),
    ],
)
def test_what_is_not_data_is_refused_clearly(tmp_path: Path, data: bytes, words: str) -> None:
    with pytest.raises(UploadRejected) as caught:
        kind_of(tmp_path, data, "pegawai.xlsx")
    assert "“pegawai.xlsx”" in caught.value.message
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("../../../etc/passwd", "passwd"),
        ("C:\\Users\\operator\\Desktop\\pegawai.csv", "pegawai.csv"),
        ("peg\x00awai\r\n.csv", "pegawai.csv"),
        ("", "berkas-1"),
        (None, "berkas-1"),
        ("..", "berkas-1"),
        ("a" * 300 + ".csv", "a" * 116 + ".csv"),
    ],
)
def test_display_names_are_only_shown(raw: str | None, shown: str) -> None:
    assert display_name(raw, "berkas-1") == shown


def test_uploaded_names_never_become_paths(tmp_path: Path) -> None:
    archive = zipped(
        {
            "../../keluar/pegawai.csv": b"nip\n1\n",
            "/etc/pelatihan.csv": b"nip\n1\n",
            "data/../../x.csv": b"nip\n1\n",
        }
    )
    incoming = [
        Incoming("../../../pegawai.csv", io.BytesIO(b"nip\n1\n")),
        Incoming("../../../pegawai.csv", io.BytesIO(b"nip\n2\n")),
        Incoming("..\\..\\kiriman.zip", io.BytesIO(archive)),
    ]
    folder = tmp_path / "pengajuan" / "x"
    folder.mkdir(parents=True)
    files = store_uploads(incoming, folder, Budget(1 << 20, 10), SCHEMA)
    assert [(f.name, f.stored) for f in files] == [
        ("pegawai.csv", "berkas/01/pegawai.csv"),
        ("pegawai (2).csv", "berkas/02/pegawai.csv"),
        ("kiriman.zip", "berkas/03/arsip.zip"),
        ("kiriman.zip/keluar/pegawai.csv", "berkas/03/001/pegawai.csv"),
        ("kiriman.zip/etc/pelatihan.csv", "berkas/03/002/pelatihan.csv"),
        ("kiriman.zip/data/x.csv", "berkas/03/003/data.csv"),
    ]
    on_disk = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert on_disk == sorted(f"pengajuan/x/{f.stored}" for f in files)


def test_encrypted_zip_entries_are_refused(tmp_path: Path) -> None:
    data = bytearray(zipped({"pegawai.csv": b"nip\n1\n"}))
    for magic, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(magic)
        flags = struct.unpack("<H", data[at + offset : at + offset + 2])[0] | 1
        data[at + offset : at + offset + 2] = struct.pack("<H", flags)
    with pytest.raises(UploadRejected, match="dilindungi kata sandi"):
        store_uploads(
            [Incoming("kiriman.zip", io.BytesIO(bytes(data)))],
            tmp_path,
            Budget(1 << 20, 10),
            SCHEMA,
        )


def test_budget_is_shared_by_the_whole_upload(tmp_path: Path) -> None:
    one = zipped({"pegawai.csv": b"1" * 600})
    with pytest.raises(UploadRejected) as caught:
        store_uploads(
            [Incoming("a.zip", io.BytesIO(one)), Incoming("b.zip", io.BytesIO(one))],
            tmp_path,
            Budget(1000, 10),
            SCHEMA,
        )
    assert caught.value.status == 413
    assert "“b.zip” terlalu besar" in caught.value.message
