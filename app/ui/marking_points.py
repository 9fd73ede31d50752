"""The marking points panel: every point's status, why, and a link to where to fix it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from app.checker import CheckResult, Location, Status
from app.ui.status_icons import COLOURS, status_icon

LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1


class MarkingPointsDock(QDockWidget):
    """Dockable; activating a reason or warning emits navigate(Location)."""

    navigate = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Marking points", parent)
        self.setObjectName("markingPointsDock")
        self.tree = QTreeWidget()
        self.tree.setObjectName("markingPoints")
        self.tree.setAccessibleName("Marking points and their status")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.setWidget(self.tree)
        self.points: dict[str, QTreeWidgetItem] = {}

    def show_result(self, result: CheckResult) -> None:
        expanded = {key for key, item in self.points.items() if item.isExpanded()}
        self.tree.clear()
        self.points = {}
        for point in result.points:
            item = QTreeWidgetItem(self.tree, [f"{point.short_id} · {point.status.label}"])
            item.setIcon(0, status_icon(point.status))
            item.setToolTip(0, point.text)
            item.setData(0, Qt.ItemDataRole.UserRole, point.marking_point_id)
            self.points[point.marking_point_id] = item
            QTreeWidgetItem(item, [point.text]).setForeground(0, QBrush(QColor("#374151")))
            for reason in point.reasons:
                self._reason(item, reason.text, reason.status, reason.fixes)
            item.setExpanded(point.marking_point_id in expanded or point.status is not Status.MET)
        warnings = result.warnings
        if warnings:
            group = QTreeWidgetItem(self.tree, [f"Warnings ({len(warnings)})"])
            for warning in warnings:
                self._reason(group, warning.text, Status.PARTLY, warning.fixes)
            group.setExpanded("warnings" in expanded or True)
            self.points["warnings"] = group

    def _reason(
        self, parent: QTreeWidgetItem, text: str, status: Status, fixes: tuple[Location, ...]
    ) -> None:
        child = QTreeWidgetItem(parent, [text])
        child.setToolTip(0, text)
        if status is not Status.MET:
            child.setForeground(0, QBrush(QColor(COLOURS[status]).darker(130)))
        if fixes:
            child.setData(0, LOCATION_ROLE, fixes[0])
            child.setText(0, f"{text}  → {fixes[0].label}")
            font = child.font(0)
            font.setUnderline(True)
            child.setFont(0, font)

    def status_of(self, marking_point_id: str) -> str:
        return self.points[marking_point_id].text(0).split(" · ", 1)[1]

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        location = item.data(0, LOCATION_ROLE)
        if location is not None:
            self.navigate.emit(location)
