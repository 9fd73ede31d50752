"""The Qt binding itself must not lose references to None (PySide6 6.12.0 does, on calls
Folio makes for every item of a list, and Python then aborts once None's count runs out)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


class _Empty(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 500

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


def test_list_items_and_model_data_keep_none_alive(qtbot) -> None:
    before = sys.getrefcount(None)
    widget = QListWidget()
    qtbot.addWidget(widget)
    for number in range(1000):
        item = QListWidgetItem(f"item {number}")
        item.setData(Qt.ItemDataRole.UserRole, number)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        widget.addItem(item)
    model = _Empty()
    for row in range(500):
        assert model.index(row, 0).data(Qt.ItemDataRole.FontRole) is None
    assert sys.getrefcount(None) >= before - 50
