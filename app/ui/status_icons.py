"""Small coloured status badges, drawn once; status is also given in text (never colour only)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from app.checker import Status

COLOURS = {Status.MET: "#16a34a", Status.PARTLY: "#d97706", Status.MISSING: "#9ca3af"}
STAGE_WORDS = {
    Status.MET: QT_TRANSLATE_NOOP("status", "complete"),
    Status.PARTLY: QT_TRANSLATE_NOOP("status", "partial"),
    Status.MISSING: QT_TRANSLATE_NOOP("status", "empty"),
}
#: A marking point's status as the window names it (the checker's Status.label, translated).
STATUS_LABELS = {
    Status.MET: QT_TRANSLATE_NOOP("status", "Met"),
    Status.PARTLY: QT_TRANSLATE_NOOP("status", "Partly met"),
    Status.MISSING: QT_TRANSLATE_NOOP("status", "Missing"),
}


def status_label(status: Status) -> str:
    """'Met', 'Partly met' or 'Missing' in the user's language."""
    return QCoreApplication.translate("status", STATUS_LABELS[status])


def stage_word(status: Status) -> str:
    """A stage's badge word ('complete', 'partial', 'empty') in the user's language."""
    return QCoreApplication.translate("status", STAGE_WORDS[status])


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
