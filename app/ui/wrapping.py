"""Tree rows that wrap their text to the view's width instead of eliding it.

Qt's tree view lays out every row one line high unless the delegate says otherwise, so a
reason longer than the dock is cut off with "…". This delegate measures each row's text at
the width its column has left after indentation and icon, and the view re-lays out its rows
when it is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

_PADDING = 6


class WrappingDelegate(QStyledItemDelegate):
    """Word-wrapped rows whose height fits their text at the column's current width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def _depth(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return depth

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self._view
        width = view.viewport().width() - view.indentation() * (self._depth(index) + 1)
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width -= view.iconSize().width() + _PADDING
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        metrics = view.fontMetrics() if font is None else type(view.fontMetrics())(font)
        bounds = metrics.boundingRect(
            QRect(0, 0, max(width - _PADDING, 40), 100_000), Qt.TextFlag.TextWordWrap, text
        )
        height = max(bounds.height(), metrics.height()) + _PADDING
        return QSize(max(width, 40), height)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._view.scheduleDelayedItemsLayout()
        return False


class _PopupDelegate(QStyledItemDelegate):
    """A combo pop-up's rows, word-wrapped at the pop-up's width."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self._combo.view()
        width = max(view.viewport().width(), popup_width(self._combo)) - 2 * _PADDING
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = view.fontMetrics()
        bounds = metrics.boundingRect(QRect(0, 0, max(width, 40), 100_000), WRAP, text)
        return QSize(width, max(bounds.height(), metrics.height()) + _PADDING)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone


WRAP = Qt.TextFlag.TextWordWrap


def popup_width(combo: QComboBox) -> int:
    """As wide as the longest choice, within the screen (two thirds of it at most)."""
    metrics = combo.view().fontMetrics()
    longest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    screen = combo.screen().availableGeometry().width() if combo.screen() else 1024
    return min(longest + 4 * _PADDING + 24, screen * 2 // 3)


class WrappingCombo(QComboBox):
    """A combo whose pop-up shows every choice whole: as wide as the longest (within the
    screen), and long choices (a marking point, a law's title) wrap onto more lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view().setWordWrap(True)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(_PopupDelegate(self))

    def showPopup(self) -> None:
        self.view().setMinimumWidth(max(self.width(), popup_width(self)))
        super().showPopup()
