"""A Plan-Do-Review stage: its items in a list, the selected one in a form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.checker.context import COLLECTIONS
from app.export.builder import PREFIX
from app.models.vocab import FEEDBACK_SOURCES, label
from app.ui.forms import FORMS, LIST_COLUMNS, NEW_ITEM, RELATIONS
from app.ui.item_form import ItemForm, _display
from app.ui.mapping_box import MappingBox
from app.ui.session import NOUNS, PortfolioSession

#: Fields whose text is long: their list column takes the spare width.
LONG_TEXT = {"text", "action", "theme", "what_done", "name"}

TITLES = {
    "feedback_item": (
        "Plan › Feedback",
        "Raw customer feedback, one item per comment, survey "
        "result, complaint or observation. Use at least two kinds of source.",
    ),
    "analysis_finding": (
        "Plan › Analysis",
        "What the feedback shows: themes, the touchpoint "
        "they happen at, root causes and the data behind them.",
    ),
    "action_item": (
        "Plan › Action plan",
        "SMART actions that address the findings, with "
        "owners, dates, resources, barriers and the legislation they rely on.",
    ),
    "log_entry": (
        "Do › Implementation log",
        "What you did to implement the actions, when, "
        "with whom, what happened, and what you learned.",
    ),
    "metric": ("Review › Evaluation", "Measures before and after the change, against a target."),
}


def summary(kind: str, field: str, value: Any) -> str:
    text = label(FEEDBACK_SOURCES, value) if field == "source_type" else _display(value)
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:89] + "…"


class ItemListModel(QAbstractTableModel):
    """The rows of a stage list, read straight from the document: a reset per refresh, no
    widget per cell (a list of 2,000 feedback items stays quick)."""

    def __init__(self, kind: str, columns: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.kind = kind
        self.columns = columns
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return f"{PREFIX[self.kind]}{index.row() + 1}"
        field = self.columns[index.column() - 1][0]
        return summary(self.kind, field, getattr(item, field))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "Ref" if section == 0 else self.columns[section - 1][1]
        return None


class StagePage(QWidget):
    """List, buttons and form for one kind of item. Talks only to the session."""

    def __init__(self, session: PortfolioSession, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.noun = NOUNS[kind]
        self.columns = LIST_COLUMNS[kind]
        title, description = TITLES[kind]
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        about = QLabel(description)
        about.setWordWrap(True)
        about.setStyleSheet("color: #4b5563;")

        self.model = ItemListModel(kind, self.columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setObjectName(f"{kind}.list")
        self.table.setAccessibleName(f"{self.noun} list")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        wide = next(
            (i for i, (field, _) in enumerate(self.columns, start=1) if field in LONG_TEXT),
            len(self.columns),
        )
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, shortcut in (
            ("add", f"&Add {self.noun}", QKeySequence("Ctrl+Shift+N")),
            ("duplicate", "D&uplicate", QKeySequence("Ctrl+D")),
            ("delete", "&Delete", QKeySequence(QKeySequence.StandardKey.Delete)),
            ("up", "Move &up", QKeySequence("Alt+Up")),
            ("down", "Move do&wn", QKeySequence("Alt+Down")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"{kind}.{key}")
            button.setShortcut(shortcut)
            button.setToolTip(f"{text.replace('&', '')} ({shortcut.toString()})")
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["duplicate"].clicked.connect(self.duplicate)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["up"].clicked.connect(lambda: self.move(-1))
        self.buttons["down"].clicked.connect(lambda: self.move(1))

        self.form = ItemForm(kind)
        self.form.edited.connect(self._edited)
        self.form.relatedChanged.connect(self._related)
        self.mapping = MappingBox(session, kind, kind)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.form)
        form_layout.addWidget(self.mapping)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_box)
        self.empty = QLabel(f"No {self.noun} yet. Press “Add {self.noun}” to start.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7280;")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(self.splitter, 1)
        self.form_area = scroll
        self.selected_id: int | None = None
        self.refresh()

    # -- showing ------------------------------------------------------------------------------

    def items(self) -> list[Any]:
        return list(getattr(self.session.document, COLLECTIONS[self.kind]))

    def refresh(self) -> None:
        items = self.items()
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.set_items(items)
        ids = [item.id for item in items]
        if self.selected_id not in ids:
            self.selected_id = ids[0] if ids else None
        if self.selected_id is not None:
            self.table.selectRow(ids.index(self.selected_id))
        selection.blockSignals(False)
        has_items = bool(items)
        editable = not self.session.read_only
        self.table.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self.form_area.setEnabled(has_items)
        self.form.setEnabled(editable)
        self.mapping.setVisible(editable)
        self.buttons["add"].setEnabled(editable)
        for key in ("duplicate", "delete", "up", "down"):
            self.buttons[key].setEnabled(has_items and editable)
        self._load_form()

    def _load_form(self) -> None:
        self.mapping.show_item(self.selected_id)
        if self.selected_id is None:
            self.form.load({})
            return
        item = self.session.item(self.kind, self.selected_id)
        values = self.session.values(self.kind, self.selected_id)
        references: list[tuple[int, str]] = []
        for spec in FORMS[self.kind]:
            if spec.widget == "ref":
                references = self._options(spec.ref_kind)
        related_options: list[tuple[int, str]] = []
        related_ids: list[int] = []
        if self.kind in RELATIONS:
            attribute, other, _ = RELATIONS[self.kind]
            related_options = self._options(other)
            related_ids = [it.id for it in getattr(item, attribute)]
        self.form.load(values, references, related_options, related_ids)

    def _options(self, kind: str) -> list[tuple[int, str]]:
        headline = {
            "feedback_item": "text",
            "analysis_finding": "theme",
            "action_item": "action",
        }.get(kind, "id")
        return [
            (item.id, f"{PREFIX[kind]}{n} {summary(kind, headline, getattr(item, headline))}")
            for n, item in enumerate(getattr(self.session.document, COLLECTIONS[kind]), 1)
        ]

    def select(self, item_id: int | None) -> None:
        self.selected_id = item_id
        self.refresh()

    def _selection_changed(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.selected_id = self.model.data(rows[0], Qt.ItemDataRole.UserRole)
        self._load_form()

    # -- editing ------------------------------------------------------------------------------

    def add(self) -> None:
        item_id = self.session.add_item(self.kind, **NEW_ITEM[self.kind])
        if item_id is not None:
            self.select(item_id)
            first = self.form.widgets[FORMS[self.kind][0].name]
            first.setFocus()

    def duplicate(self) -> None:
        if self.selected_id is None:
            return
        values = {
            name: value
            for name, value in self.session.values(self.kind, self.selected_id).items()
            if name not in {"id", "portfolio_id", "position"}
        }
        item_id = self.session.add_item(self.kind, **values)
        if item_id is not None:
            self.select(item_id)

    def delete(self) -> None:
        if self.selected_id is None:
            return
        ids = [item.id for item in self.items()]
        index = ids.index(self.selected_id)
        if self.session.delete_item(self.kind, self.selected_id):
            remaining = [i for i in ids if i != self.selected_id]
            self.select(remaining[min(index, len(remaining) - 1)] if remaining else None)

    def move(self, step: int) -> None:
        if self.selected_id is None:
            return
        ids = [item.id for item in self.items()]
        index = ids.index(self.selected_id) + step
        if 0 <= index < len(ids):
            self.session.move_item(self.kind, self.selected_id, index)

    def _edited(self, field: str, value: Any) -> None:
        if self.selected_id is not None:
            self.session.update_item(self.kind, self.selected_id, **{field: value})

    def _related(self, ids: list[int]) -> None:
        if self.selected_id is not None:
            self.session.set_related(self.kind, self.selected_id, ids)
