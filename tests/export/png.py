"""A tiny valid PNG, built byte by byte, to stand in for the Garuda Pancasila emblem."""

from __future__ import annotations

import struct
import zlib


def tiny_png(width: int = 11, height: int = 12) -> bytes:
    """A gold ``width`` x ``height`` RGB image (8 bits per channel, no interlace)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\xc9\xa2\x27" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
