"""Small coloured status badges, drawn once; status is also given in text (never colour only)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from app.checker import Status

COLOURS = {Status.MET: "#16a34a", Status.PARTLY: "#d97706", Status.MISSING: "#9ca3af"}
STAGE_WORDS = {Status.MET: "complete", Status.PARTLY: "partial", Status.MISSING: "empty"}


@cache
def status_icon(status: Status) -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLOURS[status]))
    painter.setPen(Qt.PenStyle.NoPen)
    if status is Status.PARTLY:
        painter.drawPie(4, 4, 24, 24, 90 * 16, 180 * 16)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor(COLOURS[status]))
        painter.drawEllipse(4, 4, 24, 24)
    elif status is Status.MISSING:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor(COLOURS[status]))
        painter.drawEllipse(5, 5, 22, 22)
    else:
        painter.drawEllipse(4, 4, 24, 24)
    painter.end()
    return QIcon(pixmap)
