"""A Plan-Do-Review stage: its items in a list, the selected one in a form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import KINDS, LINK_TARGETS
from app.models.vocab import label
from app.store import Change
from app.ui.forms import (
    FORMS,
    LEARNER_NEW_ITEM,
    LIST_COLUMNS,
    NEW_ITEM,
    NEXT_UNUSED,
    RELATED_WITHIN,
    RELATIONS,
    SCOPE_PARENT,
)
from app.ui.item_form import ItemForm, _display
from app.ui.legislation_box import LINK_FIELD, LegislationBox
from app.ui.mapping_box import MappingBox
from app.ui.session import PortfolioSession
from app.ui.translations import CHOICE_TEXT, FORM_TEXT, data_label, noun

#: Fields whose text is long: their list column takes the spare width.
LONG_TEXT = {
    "text",
    "action",
    "theme",
    "what_done",
    "name",
    "touchpoint",
    "label",
    "justification",
    "title",
    "rationale",
    "evidence",
    "note",
    "role",
    "activity",
    "progress",
    "question",
}

TITLES = {
    "feedback_item": (
        QT_TRANSLATE_NOOP("StagePage", "Plan › Feedback"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Raw customer feedback, one item per comment, survey result, complaint or "
            "observation. Use at least two kinds of source.",
        ),
    ),
    "analysis_finding": (
        QT_TRANSLATE_NOOP("StagePage", "Plan › Analysis"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "What the feedback shows: themes, the touchpoint they happen at, root causes and "
            "the data behind them.",
        ),
    ),
    "action_item": (
        QT_TRANSLATE_NOOP("StagePage", "Plan › Action plan"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "SMART actions that address the findings, with owners, dates, resources, barriers "
            "and the legislation they rely on.",
        ),
    ),
    "log_entry": (
        QT_TRANSLATE_NOOP("StagePage", "Do › Implementation log"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "What you did to implement the actions, when, with whom, what happened, and what "
            "you learned.",
        ),
    ),
    "metric": (
        QT_TRANSLATE_NOOP("StagePage", "Review › Evaluation"),
        QT_TRANSLATE_NOOP("StagePage", "Measures before and after the change, against a target."),
    ),
    "journey_touchpoint": (
        QT_TRANSLATE_NOOP("StagePage", "Touchpoints"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Every point where the customer meets the organisation, stage by stage, with the "
            "channel, how the customer feels there and who or what tells you so.",
        ),
    ),
    "process_lane": (
        QT_TRANSLATE_NOOP("StagePage", "Lanes"),
        QT_TRANSLATE_NOOP("StagePage", "The roles, teams or systems that carry out the process."),
    ),
    "process_step": (
        QT_TRANSLATE_NOOP("StagePage", "Steps"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "The steps of the current and the re-engineered process, each in the lane of the "
            "role that does it; tick the steps each one leads to.",
        ),
    ),
    "decision_option": (
        QT_TRANSLATE_NOOP("StagePage", "Options"),
        QT_TRANSLATE_NOOP("StagePage", "The improvement options you weighed up."),
    ),
    "decision_criterion": (
        QT_TRANSLATE_NOOP("StagePage", "Criteria"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "What the options are judged on (benefits, costs, risks, service standards) and "
            "how much each counts.",
        ),
    ),
    "metric_reading": (
        QT_TRANSLATE_NOOP("StagePage", "Readings"),
        QT_TRANSLATE_NOOP("StagePage", "Measurements taken between the baseline and the result."),
    ),
    "legislation_link": (
        QT_TRANSLATE_NOOP("StagePage", "Legislation and standards"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Link actions and findings to the laws and standards they rely on, and say how "
            "compliance is ensured.",
        ),
    ),
    "complaint_case": (
        QT_TRANSLATE_NOOP("StagePage", "Cases"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Complex customer issues: what made them complex, what the customer needed, what "
            "limited the organisation, and how the solution satisfied both.",
        ),
    ),
    "case_technique": (
        QT_TRANSLATE_NOOP("StagePage", "Resolution techniques"),
        QT_TRANSLATE_NOOP("StagePage", "Techniques used on the selected case, and why."),
    ),
    "rater_score": (
        QT_TRANSLATE_NOOP("StagePage", "RATER self-assessment"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Score the service on reliability, assurance, tangibles, empathy and responsiveness.",
        ),
    ),
    "assessment_record": (
        QT_TRANSLATE_NOOP("StagePage", "Assessment records"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Each use of an assessment method: when and where, what was seen or said, the "
            "judgement and the marking points it evidences. A learner adds the witness "
            "testimonies they collect.",
        ),
    ),
    "record_question": (
        QT_TRANSLATE_NOOP("StagePage", "Questions"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "The questions asked in the selected questioning or professional discussion, the "
            "learner's answers and the assessor's view of each.",
        ),
    ),
    "plan_activity": (
        QT_TRANSLATE_NOOP("StagePage", "Assessment plan"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "The planned assessment activities: what, by which method, when, with whom, and "
            "the marking points each is meant to cover.",
        ),
    ),
    "assessment_review": (
        QT_TRANSLATE_NOOP("StagePage", "Reviews"),
        QT_TRANSLATE_NOOP(
            "StagePage",
            "Reviews of progress against the plan: the assessor's feedback and targets, the "
            "learner's answer and the sign-offs.",
        ),
    ),
}


def title(kind: str) -> tuple[str, str]:
    """The heading and the description of the page listing ``kind``, translated."""
    heading, about = TITLES[kind]
    return (
        QCoreApplication.translate("StagePage", heading),
        QCoreApplication.translate("StagePage", about),
    )


def summary(kind: str, field: str, value: Any, limit: int | None = 90) -> str:
    """The value as one line, shortened to ``limit`` characters (None: whole)."""
    choices = next((spec.choices for spec in FORMS.get(kind, ()) if spec.name == field), None)
    if choices:
        text = data_label(CHOICE_TEXT, label(choices, value))
    elif isinstance(value, bool):
        text = QCoreApplication.translate("StagePage", "yes") if value else ""
    else:
        text = _display(value)
    text = " ".join(text.split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


class ItemListModel(QAbstractTableModel):
    """The rows of a stage list, read straight from the document: a reset per refresh, no
    widget per cell (a list of 2,000 feedback items stays quick)."""

    def __init__(self, kind: str, columns: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.kind = kind
        self.columns = columns
        self.items: list[Any] = []
        #: field -> {id: how the referenced item is named}, for reference columns
        self.references: dict[str, dict[int, str]] = {}

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
        if role not in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole}:
            return None
        if index.column() == 0:
            return f"{KINDS[self.kind].prefix or '#'}{index.row() + 1}"
        field = self.columns[index.column() - 1][0]
        if field in self.references:
            return self.references[field].get(getattr(item, field), "")
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell cut short
            return summary(self.kind, field, getattr(item, field), limit=None)
        return summary(self.kind, field, getattr(item, field))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Ref")
            return data_label(FORM_TEXT, self.columns[section - 1][1])
        return None


ARROWS = {"up": Qt.ArrowType.UpArrow, "down": Qt.ArrowType.DownArrow}


class FormArea(QScrollArea):
    """The scrolling area of a form: never narrower than the form can be (the splitter beside
    it gives way instead), so no field is cut off at the side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = (
            content.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), width), hint.height())


class StagePage(QWidget):
    """List, buttons and form for one kind of item. Talks only to the session."""

    #: The item shown in the form (its id, or None): pages that depend on it follow.
    shown = Signal(object)

    def __init__(
        self,
        session: PortfolioSession,
        kind: str,
        parent: QWidget | None = None,
        scope: str | None = None,
    ):
        """``scope`` names a reference field (e.g. case_id): the page then lists only the
        items that refer to the item set with set_scope(), and adds new ones to it."""
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.scope = scope
        self.scope_id: int | None = None
        self.noun = noun(kind)
        self.columns = LIST_COLUMNS[kind]
        heading_text, description = title(kind)
        heading = QLabel(heading_text)
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        about = QLabel(description)
        about.setWordWrap(True)
        about.setStyleSheet("color: #4b5563;")

        self.model = ItemListModel(kind, self.columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setObjectName(f"{kind}.list")
        self.table.setAccessibleName(self.tr("{0} list").format(self.noun))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(180)
        # sized from the rows in view: an edit redraws its row without reading thousands
        header.setResizeContentsPrecision(0)
        wide = next(
            (i for i, (field, _) in enumerate(self.columns, start=1) if field in LONG_TEXT),
            len(self.columns),
        )
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.buttons: dict[str, QAbstractButton] = {}
        bar = QHBoxLayout()
        for key, text, shortcut in (
            ("add", self.tr("&Add {0}").format(self.noun), QKeySequence("Ctrl+Shift+N")),
            ("duplicate", self.tr("D&uplicate"), QKeySequence("Ctrl+D")),
            ("delete", self.tr("&Delete"), QKeySequence(QKeySequence.StandardKey.Delete)),
            ("up", self.tr("Move &up"), QKeySequence("Alt+Up")),
            ("down", self.tr("Move do&wn"), QKeySequence("Alt+Down")),
        ):
            button: QAbstractButton
            if key in ARROWS:  # arrows, not words: the bar fits a narrow list
                button = QToolButton()
                button.setArrowType(ARROWS[key])
                button.setAccessibleName(text.replace("&", ""))
            else:
                button = QPushButton(text)
            button.setObjectName(f"{kind}.{key}")
            button.setShortcut(shortcut)
            button.setToolTip(
                self.tr("{0} ({1})").format(text.replace("&", ""), shortcut.toString())
            )
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["duplicate"].clicked.connect(self.duplicate)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["up"].clicked.connect(lambda: self.move(-1))
        self.buttons["down"].clicked.connect(lambda: self.move(1))

        self.form = ItemForm(kind, unit=session.unit, role=session.store.role)
        self.form.edited.connect(self._edited)
        self.form.relatedChanged.connect(self._related)
        self.mapping = MappingBox(session, kind, kind)
        #: Why the item shown cannot be changed here (a record locked by a sign-off, the
        #: assessor's record opened by the learner); hidden when it can.
        self.notice = QLabel()
        self.notice.setObjectName(f"{kind}.readOnly")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #eff6ff; color: #1e3a8a; padding: 6px;")
        self.notice.hide()
        form_box = QWidget()
        self.form_layout = form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.notice)
        form_layout.addWidget(self.form)
        form_layout.addWidget(self.mapping)
        self.legislation = LegislationBox(session, kind) if kind in LINK_FIELD else None
        if self.legislation is not None:
            form_layout.addWidget(self.legislation)
        form_layout.addStretch(1)
        scroll = FormArea()
        scroll.setWidget(form_box)
        self.empty = QLabel(self.tr("No {0} yet. Press “Add {0}” to start.").format(self.noun))
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
        # filled by refresh() when first shown: a list of thousands builds only if looked at

    #: Narrower than this, the form goes under the list instead of beside it (a laptop
    #: screen with the marking points panel open).
    NARROW = 760

    def resizeEvent(self, event: QResizeEvent) -> None:
        beside = sum(self.splitter.widget(i).minimumSizeHint().width() for i in range(2))
        beside += self.splitter.handleWidth() + 24  # the page's margins
        orientation = (
            Qt.Orientation.Vertical
            if event.size().width() < max(self.NARROW, beside)
            else Qt.Orientation.Horizontal
        )
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # what it needs with the form under the list, which it switches to when narrow
        hint = super().minimumSizeHint()
        parts = [self.splitter.widget(i).minimumSizeHint().width() for i in range(2)]
        margins = self.layout().contentsMargins()
        return QSize(
            min(hint.width(), max(parts) + margins.left() + margins.right()), hint.height()
        )

    # -- showing ------------------------------------------------------------------------------

    def all_items(self) -> list[Any]:
        return list(getattr(self.session.document, KINDS[self.kind].collection))

    def items(self) -> list[Any]:
        items = self.all_items()
        if self.scope is None:
            return items
        return [item for item in items if getattr(item, self.scope) == self.scope_id]

    def set_scope(self, item_id: int | None) -> None:
        if item_id != self.scope_id:
            self.scope_id = item_id
            self.selected_id = None
            self.refresh()

    def refresh(self) -> None:
        items = self.items()
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.model.references = {
            spec.name: dict(self._options(spec.ref_kind))
            for spec in FORMS[self.kind]
            if spec.widget == "ref" and spec.name in {field for field, _ in self.columns}
        }
        self.model.set_items(items)
        ids = [item.id for item in items]
        if self.selected_id not in ids:
            self.selected_id = ids[0] if ids else None
        if self.selected_id is not None:
            self.table.selectRow(ids.index(self.selected_id))
        selection.blockSignals(False)
        has_items = bool(items)
        editable = self.session.refusal(self.kind) is None
        self.table.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self.form_area.setEnabled(has_items)
        self.mapping.setVisible(editable and self.kind in LINK_TARGETS)
        if self.legislation is not None:
            self.legislation.setVisible(editable)
        self.buttons["add"].setEnabled(self._can_add())
        self._load_form()

    # -- applying a change ---------------------------------------------------------------------

    def reads(self) -> set[str]:
        """The kinds this page shows: its own, the ones its references and links name."""
        kinds = {self.kind} | {spec.ref_kind for spec in FORMS[self.kind] if spec.widget == "ref"}
        if self.kind in RELATIONS:
            kinds.add(RELATIONS[self.kind][1])
        if self.kind in SCOPE_PARENT:
            kinds.add(SCOPE_PARENT[self.kind])
        return kinds

    def apply(self, change: Change) -> bool:
        """Show ``change`` without rebuilding the list: an edit redraws its own row; a new
        mapping or legislation link refreshes its box. False: the page needs refresh()."""
        if change.kind == self.kind and change.action == "update":
            return self._apply_update(change)
        if change.kind in self.reads():
            return False
        if change.kind == "evidence_link":
            self.mapping.show_item(self.selected_id)
        elif change.kind == "legislation_link" and self.legislation is not None:
            self.legislation.show_item(self.selected_id)
        return True

    def _apply_update(self, change: Change) -> bool:
        fields = set(change.after or {})
        references = {spec.name for spec in FORMS[self.kind] if spec.widget == "ref"}
        if fields & (references | {self.scope} | {"position"}):
            return False  # the item may change place, list or what it names
        row = next((n for n, item in enumerate(self.model.items) if item.id == change.item_id), -1)
        if row >= 0:
            self.model.dataChanged.emit(
                self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1)
            )
        if change.item_id == self.selected_id:
            # only the fields it changed, as the form shows them (a date day-first)
            self._show_editable()
            if not self.form.show_values(change.after or {}):
                self._load_form()
                return True
            self.shown.emit(self.selected_id)  # what follows the item may read those fields
            refused = change.extra.get("refused")
            if refused:
                self.form.problem.setText(f"Not saved: {refused}.")
        return True

    def _can_add(self) -> bool:
        if self.scope is not None:
            if self.scope_id is None:
                return False
            parent = SCOPE_PARENT.get(self.kind)
            if parent is not None:  # e.g. a question goes in a record that can still change
                return (
                    self.session.refusal(parent, self.session.item(parent, self.scope_id)) is None
                )
        return self.session.refusal(self.kind) is None

    def _show_editable(self) -> None:
        """The form and the item's buttons follow what the store would allow for this item;
        for the assessment record the reason it is read-only is shown above the form."""
        item = None if self.selected_id is None else self.session.item(self.kind, self.selected_id)
        refusal = self.session.refusal(self.kind, item)
        self.form.setEnabled(refusal is None)
        for key in ("duplicate", "delete", "up", "down"):
            self.buttons[key].setEnabled(item is not None and refusal is None)
        staff = KINDS[self.kind].owner == "assessor"
        self.notice.setVisible(staff and item is not None and refusal is not None)
        if refusal is not None:
            self.notice.setText(self.tr("Read-only: {0}.").format(refusal))

    def _load_form(self) -> None:
        self._show_editable()
        self.shown.emit(self.selected_id)
        self.mapping.show_item(self.selected_id)
        if self.legislation is not None:
            self.legislation.show_item(self.selected_id)
        if self.selected_id is None:
            self.form.load({})
            return
        item = self.session.item(self.kind, self.selected_id)
        values = self.session.values(self.kind, self.selected_id)
        references = {
            spec.name: self._options(spec.ref_kind)
            for spec in FORMS[self.kind]
            if spec.widget == "ref"
        }
        related_options: list[tuple[int, str]] = []
        related_ids: list[int] = []
        if self.kind in RELATIONS:
            attribute, other, _ = RELATIONS[self.kind]
            related_options = self._options(other)
            same = RELATED_WITHIN.get(self.kind)
            if same is not None:  # e.g. arrows join steps of the same process map only
                allowed = {
                    it.id
                    for it in getattr(self.session.document, KINDS[other].collection)
                    if getattr(it, same) == getattr(item, same) and it.id != item.id
                }
                related_options = [option for option in related_options if option[0] in allowed]
            related_ids = [it.id for it in getattr(item, attribute)]
        self.form.load(values, references, related_options, related_ids)

    def _options(self, kind: str) -> list[tuple[int, str]]:
        """(id, "F3 what it says") for the items of ``kind``; kinds without reference
        letters (lanes, criteria) by their name alone."""
        headline, prefix = KINDS[kind].headline, KINDS[kind].prefix
        options = []
        for number, item in enumerate(getattr(self.session.document, KINDS[kind].collection), 1):
            text = summary(kind, headline, getattr(item, headline))
            options.append((item.id, f"{prefix}{number} {text}" if prefix else text))
        return options

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
        fields = dict(NEW_ITEM.get(self.kind, {}))
        if self.session.store.role == "learner":
            fields.update(LEARNER_NEW_ITEM.get(self.kind, {}))
        if self.kind in NEXT_UNUSED:
            name = NEXT_UNUSED[self.kind]
            choices = next(spec.choices for spec in FORMS[self.kind] if spec.name == name) or {}
            used = {getattr(item, name) for item in self.items()}
            unused = [value for value in choices if value not in used]
            if unused:
                fields[name] = unused[0]
        if self.scope is not None:
            fields[self.scope] = self.scope_id
        item_id = self.session.add_item(self.kind, **fields)
        if item_id is None:
            self.notice.setText(self.tr("Not added: {0}.").format(self.session.last_error))
            self.notice.show()
        else:
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
        if self.selected_id is None or not self._delete_confirmed(self.selected_id):
            return
        ids = [item.id for item in self.items()]
        index = ids.index(self.selected_id)
        if self.session.delete_item(self.kind, self.selected_id):
            remaining = [i for i in ids if i != self.selected_id]
            self.select(remaining[min(index, len(remaining) - 1)] if remaining else None)

    def _delete_confirmed(self, item_id: int) -> bool:
        """Ask first when the item is linked to others or mapped as evidence; a lone item
        goes at once (undo puts either back)."""
        counts = self.session.dependents(self.kind, item_id)
        mappings = counts.pop("evidence_link", 0)
        links = sum(counts.values())
        if not links and not mappings:
            return True
        ids = [item.id for item in self.items()]
        name = f"{KINDS[self.kind].prefix or '#'}{ids.index(item_id) + 1}"
        lines = [self.tr("Delete %1?").replace("%1", f"{self.noun} {name}")]
        if links:
            lines.append(self.tr("It is linked to %n other item(s).", "", links))
        if mappings:
            lines.append(self.tr("It is mapped as evidence to %n marking point(s).", "", mappings))
        lines.append(self.tr("The links go with it. Edit › Undo puts it all back."))
        answer = QMessageBox.question(
            self,
            self.tr("Delete %1").replace("%1", self.noun),
            "\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def move(self, step: int) -> None:
        if self.selected_id is None:
            return
        ids = [item.id for item in self.items()]
        index = ids.index(self.selected_id) + step
        if 0 <= index < len(ids):
            # positions run over all items of the kind: move to the neighbour's place
            every = [item.id for item in self.all_items()]
            self.session.move_item(self.kind, self.selected_id, every.index(ids[index]))

    def _edited(self, field: str, value: Any) -> None:
        if self.selected_id is not None and not self.session.update_item(
            self.kind, self.selected_id, **{field: value}
        ):
            # the store refused: say why beside the field; what was typed stays in it
            self.form.problem.setText(self.tr("Not saved: {0}.").format(self.session.last_error))

    def _related(self, ids: list[int]) -> None:
        if self.selected_id is not None:
            self.session.set_related(self.kind, self.selected_id, ids)
