"""Tree rows that wrap their text to the view's width instead of eliding it.

Qt's tree view lays out every row one line high unless the delegate says otherwise, so a
reason longer than the dock is cut off with "…". This delegate measures each row's text at
the width its column has left after indentation and icon, and the view re-lays out its rows
when it is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

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
