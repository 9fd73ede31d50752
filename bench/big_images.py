"""Large pictures for the memory bench and its tests, written without holding them in memory.

A 9000 x 9000 PNG of simple shapes is a small file (a few hundred KB) that decodes to a
quarter of a gigabyte: the kind of picture that tests whether an export decodes images at
the size it shows them.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _row(width: int, y: int, height: int) -> bytes:
    """One RGB row: a white page with a dark band across the middle third and a red stripe
    down the left quarter, so the picture read back has something to recognise."""
    if height // 3 <= y < 2 * height // 3:
        return b"\x20\x30\x60" * width
    stripe = width // 4
    return b"\xc0\x10\x10" * stripe + b"\xff\xff\xff" * (width - stripe)


def write_png(path: Path, width: int = 9000, height: int = 9000) -> Path:
    """An RGB PNG of ``width`` x ``height`` pixels at ``path``, compressed row by row."""
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        compressor = zlib.compressobj(9)
        pending = b""
        for y in range(height):
            pending += compressor.compress(b"\x00" + _row(width, y, height))
            if len(pending) > 1 << 20:
                out.write(_chunk(b"IDAT", pending))
                pending = b""
        pending += compressor.flush()
        out.write(_chunk(b"IDAT", pending))
        out.write(_chunk(b"IEND", b""))
    return path
