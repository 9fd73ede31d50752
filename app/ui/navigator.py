"""The stage navigator: Plan, Do, Review and the rest, each with a badge from the checker."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.checker import CheckResult, Status
from app.ui.status_icons import STAGE_WORDS, status_icon
from app.ui.wrapping import WrappingDelegate

GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Portfolio", (("details", "Learner details"),)),
    ("Plan", (("feedback", "Feedback"), ("analysis", "Analysis"), ("action_plan", "Action plan"))),
    ("Do", (("implementation_log", "Implementation log"),)),
    ("Review", (("evaluation", "Evaluation"),)),
    (
        "Tools",
        (
            ("journey_map", "Journey map"),
            ("process_map", "Process map"),
            ("decision", "Decision matrix"),
            ("kpi_tracker", "KPI tracker"),
            ("rater", "RATER"),
            ("complaint_cases", "Complaint cases"),
            ("legislation", "Legislation"),
        ),
    ),
    (
        "Submit",
        (("evidence", "Evidence"), ("declaration", "Declaration")),
    ),
    (
        "Assessment",
        (
            ("assessment_plan", "Plan and reviews"),
            ("assessment_records", "Records"),
            ("assessment", "Judgements and sign-off"),
        ),
    ),
    ("Help", (("unit_guide", "Unit guide"),)),
)


class StageNavigator(QTreeWidget):
    stageSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Stages")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.entries: dict[str, QTreeWidgetItem] = {}
        self.labels: dict[str, str] = {}
        for group, stages in GROUPS:
            parent_item = QTreeWidgetItem(self, [group])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = parent_item.font(0)
            font.setBold(True)
            parent_item.setFont(0, font)
            for key, text in stages:
                entry = QTreeWidgetItem(parent_item, [text])
                entry.setData(0, Qt.ItemDataRole.UserRole, key)
                entry.setToolTip(0, text)
                self.entries[key] = entry
                self.labels[key] = text
        self.expandAll()
        # a long stage name (or a large font) wraps rather than being cut off with "…"
        self.setWordWrap(True)
        self.setItemDelegate(WrappingDelegate(self))
        self.currentItemChanged.connect(self._changed)
        self.setMinimumWidth(190)
        #: tools the unit does not ask for: greyed, and shown with no status
        self.optional: set[str] = set()

    def _changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None and current.data(0, Qt.ItemDataRole.UserRole):
            self.stageSelected.emit(current.data(0, Qt.ItemDataRole.UserRole))

    def mark_optional(self, stages: set[str]) -> None:
        """Grey the tools the unit does not ask for: there if wanted, not on the way, and
        with no status of their own (a green dot would say the unit wants them done)."""
        self.optional = set(stages)
        for stage in stages:
            entry = self.entries.get(stage)
            if entry is not None:
                entry.setForeground(0, QBrush(QColor("#9ca3af")))
                entry.setToolTip(0, f"{self.labels[stage]}: optional for this unit")

    def select(self, stage: str) -> None:
        if stage in self.entries:
            self.setCurrentItem(self.entries[stage])

    def show_result(self, result: CheckResult) -> None:
        for stage, entry in self.entries.items():
            status = result.stage_status.get(stage)
            if stage in self.optional:
                entry.setIcon(0, _blank_icon())
                continue
            if status is None:
                continue
            entry.setIcon(0, status_icon(status))
            word = STAGE_WORDS[status]
            entry.setToolTip(0, f"{self.labels[stage]}: {word}")
            entry.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, word)

    def badge(self, stage: str) -> str:
        return self.entries[stage].toolTip(0).rsplit(": ", 1)[-1]


def _blank_icon() -> QIcon:
    """An empty icon the size of a status dot, so the names stay in line."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


__all__ = ["StageNavigator", "Status"]
