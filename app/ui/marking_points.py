"""The marking points panel: every point's status, why, and a link to where to fix it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.checker import CheckResult, Location, Status
from app.checker.result import PointResult
from app.checker.text import quote
from app.ui.status_icons import COLOURS, status_icon, status_label
from app.ui.wrapping import WrappingDelegate

LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1


class MarkingPointsDock(QDockWidget):
    """Dockable; activating a reason or warning emits navigate(Location)."""

    navigate = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Marking points"), parent)
        self.setObjectName("markingPointsDock")
        self.tree = QTreeWidget()
        self.tree.setObjectName("markingPoints")
        self.tree.setAccessibleName(self.tr("Marking points and their status"))
        self.tree.setHeaderHidden(True)
        # Reasons are the panel's content: wrap them in the dock's width, never elide them.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemExpanded.connect(self._fill_readings)
        self.setWidget(self.tree)
        self.points: dict[str, QTreeWidgetItem] = {}
        self.shown: CheckResult | None = None
        #: "what the checker read" groups not filled yet: filled when opened
        self._unread: dict[str, PointResult] = {}

    def show_result(self, result: CheckResult) -> None:
        """Show a verdict; the same verdict again (most keystrokes change none) is left as it
        is, and what the checker read is listed only when asked for."""
        if result == self.shown:
            return
        previous, self.shown = self.shown, result
        if previous is not None and self._update_in_place(previous, result):
            return
        self._unread = {}
        expanded = {key for key, item in self.points.items() if item.isExpanded()}
        self.tree.clear()
        self.points = {}
        for point in result.points:
            item = QTreeWidgetItem(
                self.tree, [self.tr("{0} · {1}").format(point.short_id, status_label(point.status))]
            )
            item.setIcon(0, status_icon(point.status))
            item.setToolTip(0, point.text)
            item.setData(0, Qt.ItemDataRole.UserRole, point.marking_point_id)
            self.points[point.marking_point_id] = item
            QTreeWidgetItem(item, [point.text]).setForeground(0, QBrush(QColor("#374151")))
            for reason in point.reasons:
                self._reason(item, reason.text, reason.status, reason.fixes)
            self._readings(item, point, f"{point.marking_point_id}/read" in expanded)
            item.setExpanded(point.marking_point_id in expanded or point.status is not Status.MET)
        warnings = result.warnings
        if warnings:
            group = QTreeWidgetItem(self.tree, [self.tr("Warnings ({0})").format(len(warnings))])
            for warning in warnings:
                self._reason(group, warning.text, Status.PARTLY, warning.fixes)
            group.setExpanded("warnings" in expanded or True)
            self.points["warnings"] = group

    def show_checking(self) -> None:
        """Until the first verdict: say it is coming instead of showing none."""
        self.shown = None
        self._unread = {}
        self.points = {}
        self.tree.clear()
        QTreeWidgetItem(self.tree, [self.tr("Checking the portfolio…")])

    def _update_in_place(self, previous: CheckResult, result: CheckResult) -> bool:
        """Redraw only the points whose verdict changed (an edit changes one or two of them,
        and rebuilding a panel of a hundred reasons is what would hold up the window); False
        when the list itself changed (points, warnings): it is rebuilt."""
        if previous.warnings != result.warnings or [
            p.marking_point_id for p in previous.points
        ] != [p.marking_point_id for p in result.points]:
            return False
        for old, point in zip(previous.points, result.points, strict=True):
            if old == point:
                continue
            key = point.marking_point_id
            says = (old.status, old.text, old.reasons, bool(old.readings))
            if says == (point.status, point.text, point.reasons, bool(point.readings)):
                self._reread(point)  # what it read changed, not what it says: most edits
                continue
            item = self.points[key]
            reading = self.points.pop(f"{key}/read", None)
            self._unread.pop(f"{key}/read", None)
            expand_readings = reading is not None and reading.isExpanded()
            item.takeChildren()
            item.setText(0, self.tr("{0} · {1}").format(point.short_id, status_label(point.status)))
            item.setIcon(0, status_icon(point.status))
            item.setToolTip(0, point.text)
            QTreeWidgetItem(item, [point.text]).setForeground(0, QBrush(QColor("#374151")))
            for reason in point.reasons:
                self._reason(item, reason.text, reason.status, reason.fixes)
            self._readings(item, point, expand_readings)
            item.setExpanded(item.isExpanded() or point.status is not Status.MET)
        return True

    def _reread(self, point: PointResult) -> None:
        """A point whose verdict and reasons stay as they are, and what it read changed:
        only its "what the checker read" group is told (rows of the tree left alone are
        neither laid out nor painted again)."""
        key = f"{point.marking_point_id}/read"
        group = self.points.get(key)
        if group is None:  # it read nothing, then as now
            return
        group.setText(0, self._readings_title(point))
        group.takeChildren()
        self._unread[key] = point
        if group.isExpanded():
            self._fill_readings(group)

    def _readings_title(self, point: PointResult) -> str:
        counted, rejected = len(point.relied_on), len(point.rejected)
        return (
            self.tr("What the checker read: %n counted", "", counted)
            + ", "
            + self.tr("%n not counted", "", rejected)
        )

    def _readings(self, parent: QTreeWidgetItem, point: PointResult, expand: bool) -> None:
        """What the checker read for this point, counted or not: shown when asked for."""
        if not point.readings:
            return
        group = QTreeWidgetItem(parent, [self._readings_title(point)])
        key = f"{point.marking_point_id}/read"
        group.setData(0, Qt.ItemDataRole.UserRole, key)
        group.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        self.points[key] = group
        self._unread[key] = point
        if expand:
            group.setExpanded(True)

    def _fill_readings(self, group: QTreeWidgetItem) -> None:
        point = self._unread.pop(str(group.data(0, Qt.ItemDataRole.UserRole)), None)
        if point is None:
            return
        for reading in point.rejected + point.relied_on:
            mark = "✓" if reading.counts else "✗"
            text = f"{mark} {reading.location.label}: {quote(reading.text, 80)}"
            if not reading.counts:
                text += f" — {reading.why}"
            child = QTreeWidgetItem(group, [text])
            child.setToolTip(0, reading.text)
            child.setData(0, LOCATION_ROLE, reading.location)
            if not reading.counts:
                child.setForeground(0, QBrush(QColor(COLOURS[Status.PARTLY]).darker(130)))

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

    def readings_of(self, marking_point_id: str) -> QTreeWidgetItem | None:
        """The 'what the checker read' group of a point, filled (None when it read no text)."""
        group = self.points.get(f"{marking_point_id}/read")
        if group is not None:
            self._fill_readings(group)
        return group

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        location = item.data(0, LOCATION_ROLE)
        if location is not None:
            self.navigate.emit(location)
