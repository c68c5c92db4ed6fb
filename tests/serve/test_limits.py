"""Limits: body size (declared and chunked), zip bombs, entry counts, file counts. A refused
upload leaves nothing behind and never fills the disk."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.serve.live import KIB, MIB, Live, csv_files, stored_folders, tree_size, upload

BOUNDARY = "batas-unggahan"


def multipart(name: str, data: bytes) -> bytes:
    """A multipart body with one file in ``files`` and the form fields."""
    return (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="as_of"\r\n\r\n2026-06-30\r\n'
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{name}"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        + data
        + (f"\r\n--{BOUNDARY}--\r\n").encode()
    )


def chunks(data: bytes, size: int = 64 * KIB) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def bomb(size: int, names: tuple[str, ...] = ("pegawai.csv",)) -> bytes:
    """A small ZIP whose entries decompress to ``size`` bytes each."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in names:
            zf.writestr(name, b"0" * size)
    return buffer.getvalue()


def lying(data: bytes, claimed: int) -> bytes:
    """The same ZIP with every entry claiming to decompress to only ``claimed`` bytes."""
    out = bytearray(data)
    at = out.find(b"PK\x03\x04")
    while at >= 0:
        out[at + 22 : at + 26] = struct.pack("<I", claimed)
        at = out.find(b"PK\x03\x04", at + 4)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        out[at + 24 : at + 28] = struct.pack("<I", claimed)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_declared_oversize_is_413_before_reading(live: Live) -> None:
    body = multipart("pegawai.csv", b"nip\n" + b"1" * (MIB + 10))
    with live.client("A") as client:
        response = client.post(
            "/api/v1/pengajuan",
            content=body,
            headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
        )
    assert response.status_code == 413
    assert response.json()["detail"].startswith("Unggahan terlalu besar: batasnya 1 MB")


def test_chunked_oversize_is_413_while_streaming(live: Live) -> None:
    before = stored_folders(live)
    body = multipart("pegawai.csv", b"nip\n" + b"1" * (MIB + 10))
    with live.client("A") as client:
        response = client.post(
            "/api/v1/pengajuan",
            content=chunks(body),
            headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
        )
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert response.status_code == 413
    assert "Unggahan terlalu besar" in response.json()["detail"]
    assert stored_folders(live) == before


def test_zip_bomb_is_refused_by_its_declared_size(live: Live) -> None:
    before, size = stored_folders(live), tree_size(live.data_dir)
    data = bomb(64 * MIB)
    assert len(data) < 100 * KIB
    started = time.monotonic()
    response = upload(live, "A", [("files", ("kiriman.zip", data, "application/zip"))])
    assert response.status_code == 413
    assert response.json()["detail"] == (
        "Isi berkas “kiriman.zip” terlalu besar setelah dibuka (batasnya 4 MB untuk satu "
        "unggahan). Bagi datanya menjadi beberapa unggahan atau hubungi BKD."
    )
    assert time.monotonic() - started < 5
    assert stored_folders(live) == before
    assert tree_size(live.data_dir) - size < MIB


def test_zip_bomb_with_lying_sizes_never_writes_past_the_budget(live: Live) -> None:
    before, size = stored_folders(live), tree_size(live.data_dir)
    data = lying(bomb(64 * MIB), claimed=1000)
    response = upload(live, "A", [("files", ("kiriman.zip", data, "application/zip"))])
    # zipfile reads no more than the claimed size, then the CRC check fails
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Berkas “kiriman.zip” tidak dapat dibuka")
    assert stored_folders(live) == before
    assert tree_size(live.data_dir) - size < MIB


def test_workbook_bomb_is_refused(live: Live) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" * (32 * MIB))
    response = upload(live, "A", [("files", ("pegawai.xlsx", buffer.getvalue(), "text/plain"))])
    assert response.status_code == 413
    assert "“pegawai.xlsx” terlalu besar setelah dibuka" in response.json()["detail"]


def test_too_many_zip_entries_is_413(live: Live) -> None:
    data = bomb(10, names=tuple(f"pegawai-{n}.csv" for n in range(60)))
    response = upload(live, "A", [("files", ("kiriman.zip", data, "application/zip"))])
    assert response.status_code == 413
    assert "terlalu banyak bagian (batasnya 40" in response.json()["detail"]


def test_too_many_files_is_refused(live: Live, sample: Path) -> None:
    files = csv_files(sample, "pegawai") * 11
    response = upload(live, "A", files)
    assert response.status_code == 400
    assert "Paling banyak 10 berkas dalam satu unggahan" in response.json()["detail"]


def test_an_overlong_file_name_is_named_as_the_problem(live: Live, sample: Path) -> None:
    data = (sample / "pegawai.csv").read_bytes()
    files = [("files", ("a" * 8000 + ".csv", data, "text/csv"))]
    response = upload(live, "A", files)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "nama berkas terlalu panjang" in detail and "berkas dalam satu unggahan" not in detail


def test_page_form_oversize_is_an_indonesian_page(live: Live) -> None:
    with httpx.Client(base_url=live.url) as client:
        response = client.post(
            "/pengajuan",
            content=multipart("a.csv", b"1" * (MIB + 10)),
            headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
        )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "Unggahan terlalu besar" in response.text
