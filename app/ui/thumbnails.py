"""Thumbnails of evidence pictures, decoded at the size they are shown.

Qt reads the picture through a device over the portfolio's blob, so it is never copied into
memory whole. Where Qt's reader decodes at a reduced size (JPEG, with
QImageReader.setScaledSize) Qt makes the thumbnail; formats Qt decodes only whole (PNG among
them, refused above Qt's allocation limit) go through the exports' picture reader, which
reduces a PNG a strip of rows at a time.
"""

from __future__ import annotations

from typing import BinaryIO

from PySide6.QtCore import QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from app.store import PortfolioStore


class _StreamDevice(QIODevice):
    """A read-only QIODevice over a seekable Python file (a SQLite blob handle)."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream
        stream.seek(0, 2)
        self._size = stream.tell()
        stream.seek(0)

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._size

    def readData(self, maxlen: int) -> bytes:
        self._stream.seek(self.pos())
        return self._stream.read(maxlen)

    def writeData(self, data: bytes) -> int:
        return -1


def _scaled_by_qt(stream: BinaryIO, side: int) -> QImage:
    """The picture decoded by Qt at about ``side`` pixels; a null image when Qt's reader
    for it cannot decode at a reduced size."""
    from app.export.images import LARGEST_PICTURE  # with Pillow: only once a picture shows

    device = _StreamDevice(stream)
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(device)
    full = reader.size()
    if not reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize) or full.isEmpty():
        return QImage()
    if full.width() * full.height() > LARGEST_PICTURE:
        return QImage()
    if max(full.width(), full.height()) > side:
        reader.setScaledSize(full.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    device.close()
    return image


def thumbnail(store: PortfolioStore, sha256: str, side: int = 96) -> QImage:
    """A picture of the stored image ``sha256`` at most ``side`` pixels across; a null
    image when it cannot be shown (unreadable, or too large to decode at all)."""
    with store.open_content(sha256) as stream:
        image = _scaled_by_qt(stream, side)
        if not image.isNull():
            return image
        from app.export.images import downscale_file

        stream.seek(0)
        reduced = downscale_file(stream, side)
    return QImage.fromData(reduced.data) if reduced is not None else QImage()
