"""The stage navigator: Plan, Do, Review and the rest, each with a badge from the checker."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.checker import CheckResult, Status
from app.ui.status_icons import stage_word, status_icon
from app.ui.wrapping import WrappingDelegate

GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Portfolio"),
        (("details", QT_TRANSLATE_NOOP("StageNavigator", "Learner details")),),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Plan"),
        (
            ("feedback", QT_TRANSLATE_NOOP("StageNavigator", "Feedback")),
            ("analysis", QT_TRANSLATE_NOOP("StageNavigator", "Analysis")),
            ("action_plan", QT_TRANSLATE_NOOP("StageNavigator", "Action plan")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Do"),
        (("implementation_log", QT_TRANSLATE_NOOP("StageNavigator", "Implementation log")),),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Review"),
        (("evaluation", QT_TRANSLATE_NOOP("StageNavigator", "Evaluation")),),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Tools"),
        (
            ("journey_map", QT_TRANSLATE_NOOP("StageNavigator", "Journey map")),
            ("process_map", QT_TRANSLATE_NOOP("StageNavigator", "Process map")),
            ("decision", QT_TRANSLATE_NOOP("StageNavigator", "Decision matrix")),
            ("kpi_tracker", QT_TRANSLATE_NOOP("StageNavigator", "KPI tracker")),
            ("rater", QT_TRANSLATE_NOOP("StageNavigator", "RATER")),
            ("complaint_cases", QT_TRANSLATE_NOOP("StageNavigator", "Complaint cases")),
            ("legislation", QT_TRANSLATE_NOOP("StageNavigator", "Legislation")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Submit"),
        (
            ("evidence", QT_TRANSLATE_NOOP("StageNavigator", "Evidence")),
            ("declaration", QT_TRANSLATE_NOOP("StageNavigator", "Declaration")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Assessment"),
        (
            ("assessment_plan", QT_TRANSLATE_NOOP("StageNavigator", "Plan and reviews")),
            ("assessment_records", QT_TRANSLATE_NOOP("StageNavigator", "Records")),
            ("assessment", QT_TRANSLATE_NOOP("StageNavigator", "Judgements and sign-off")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("StageNavigator", "Help"),
        (("unit_guide", QT_TRANSLATE_NOOP("StageNavigator", "Unit guide")),),
    ),
)


class StageNavigator(QTreeWidget):
    stageSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName(self.tr("Stages"))
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.entries: dict[str, QTreeWidgetItem] = {}
        self.labels: dict[str, str] = {}
        for group, stages in GROUPS:
            parent_item = QTreeWidgetItem(self, [self.tr(group)])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = parent_item.font(0)
            font.setBold(True)
            parent_item.setFont(0, font)
            for key, source in stages:
                text = self.tr(source)
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
                entry.setToolTip(
                    0, self.tr("{0}: optional for this unit").format(self.labels[stage])
                )

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
            word = stage_word(status)
            entry.setToolTip(0, self.tr("{0}: {1}").format(self.labels[stage], word))
            entry.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, word)

    def badge(self, stage: str) -> str:
        return self.entries[stage].toolTip(0).rsplit(": ", 1)[-1]


def _blank_icon() -> QIcon:
    """An empty icon the size of a status dot, so the names stay in line."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


__all__ = ["StageNavigator", "Status"]
