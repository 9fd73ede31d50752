"""The editor for one stage item: a form built from app/ui/forms.py.

Every field saves as soon as the learner leaves it (or pauses typing); a value the store
would refuse is marked in place with the reason and not saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from app.catalogue import Unit
from app.models import ITEM_MODELS
from app.store.fields import format_date, parse_date, validate_field
from app.ui.forms import FORMS, LEARNER_CHOICES, RELATIONS, SHOWN_WHEN, FieldSpec, field_label
from app.ui.points_picker import MarkingPointsPicker
from app.ui.translations import CHOICE_TEXT, FORM_TEXT, data_label
from app.ui.wrapping import WrappingCombo

INVALID_STYLE = "border: 1px solid #dc2626; background: #fef2f2;"


class _TextBox(QPlainTextEdit):
    """Multi-line text that saves when focus leaves it or typing pauses."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._timer = QTimer(self, singleShot=True, interval=900)
        self._timer.timeout.connect(self.committed)
        self.textChanged.connect(self._typed)
        self._loading = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(64)
        self.setMaximumHeight(200)

    def set_text(self, text: str) -> None:
        self._loading = True
        if self.toPlainText() != text:
            self.setPlainText(text)
        self._loading = False

    def _typed(self) -> None:
        if not self._loading:
            self._timer.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.committed.emit()
        super().focusOutEvent(event)


class _DateBox(QLineEdit):
    """A date typed day-first (31/12/2026, 31 Dec 2026) or picked from a calendar that the
    button at its right end, or Alt+Down, opens. Emits picked() when a day is chosen."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.button = QToolButton(self)
        self.button.setObjectName("datePicker")
        self.button.setText("▾")
        self.button.setCursor(Qt.CursorShape.ArrowCursor)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setAccessibleName(self.tr("Pick a date"))
        self.button.setToolTip(self.tr("Pick a date from a calendar (Alt+Down)"))
        self.button.setStyleSheet("QToolButton { border: none; padding: 0 4px; }")
        self.button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setObjectName("dateCalendar")
        self.calendar.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._chosen)
        self.calendar.activated.connect(self._chosen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.button.sizeHint().width()
        self.button.setGeometry(self.width() - width - 2, 1, width, self.height() - 2)
        self.setTextMargins(0, 0, width, 0)

    @staticmethod
    def _opens_calendar(event: QKeyEvent) -> bool:
        return event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )

    def event(self, event: QEvent) -> bool:
        # Alt+Down is also the page's "Move down": in a date field it opens the calendar
        if event.type() == QEvent.Type.ShortcutOverride and self._opens_calendar(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._opens_calendar(event):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Show the calendar under the field, on the typed date or else today."""
        try:
            day = parse_date(self.text())
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        except ValueError:
            self.calendar.setSelectedDate(QDate.currentDate())
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _chosen(self, day: QDate) -> None:
        self.calendar.hide()
        self.setText(format_date(dt.date(day.year(), day.month(), day.day())))
        self.picked.emit()


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class ItemForm(QWidget):
    """Fields of one item. Emits edited(field, value) with values the store will accept."""

    edited = Signal(str, object)
    relatedChanged = Signal(list)

    def __init__(
        self,
        kind: str,
        parent: QWidget | None = None,
        unit: Unit | None = None,
        role: str = "learner",
    ) -> None:
        """``unit`` gives the marking points of a points field; ``role`` the choices offered
        (a learner picks from fewer methods than an assessor)."""
        super().__init__(parent)
        self.kind = kind
        self.unit = unit
        self.role = role
        self.model = ITEM_MODELS[kind]
        self.specs = FORMS[kind]
        self.widgets: dict[str, QWidget] = {}
        self.values: dict[str, Any] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # the form's minimum is minimumSizeHint() below (labels above the fields), not the
        # side-by-side layout's: else once side by side it could never get narrow again
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._layout = layout
        for spec in self.specs:
            widget = self._make(spec)
            widget.setObjectName(f"{kind}.{spec.name}")
            text = field_label(spec)
            widget.setAccessibleName(text)
            self.widgets[spec.name] = widget
            # a check box's label is in the label column too (above it when narrow)
            label = QLabel(f"&{text}")
            label.setBuddy(widget)
            layout.addRow(label, widget)
        self.related: QListWidget | None = None
        if kind in RELATIONS:
            title = data_label(FORM_TEXT, RELATIONS[kind][2])
            self.related = QListWidget()
            self.related.setObjectName(f"{kind}.related")
            self.related.setAccessibleName(title)
            self.related.setMaximumHeight(130)
            self.related.setTextElideMode(Qt.TextElideMode.ElideRight)
            self.related.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.related.itemChanged.connect(self._related_changed)
            label = QLabel(f"&{title}")
            label.setBuddy(self.related)
            layout.addRow(label, self.related)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        layout.addRow(self.problem)
        self._loading = False

    #: Narrower than this, labels go above their fields (a laptop screen with the marking
    #: points panel open) instead of squeezing every field into a sliver or cutting it off.
    NARROW = 560

    def resizeEvent(self, event: QResizeEvent) -> None:
        wrap = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if event.size().width() < max(self.NARROW, self._side_by_side_width())
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )
        if self._layout.rowWrapPolicy() != wrap:
            self._layout.setRowWrapPolicy(wrap)
        super().resizeEvent(event)

    def _side_by_side_width(self) -> int:
        """The width the form needs with each label beside its field (long labels in a
        longer language may need more than NARROW)."""
        layout = self._layout
        labels = fields = 0
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and label.widget() is not None:
                widget = label.widget()
                labels = max(labels, widget.sizeHint().width())
            if field is not None and field.widget() is not None:
                fields = max(fields, field.widget().minimumSizeHint().width())
        margins = layout.contentsMargins()
        spacing = max(layout.horizontalSpacing(), 6)
        return labels + spacing + fields + margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:
        # The width it needs with labels above the fields, which it switches to when narrow.
        hint = super().minimumSizeHint()
        widest = max((w.minimumSizeHint().width() for w in self.widgets.values()), default=0)
        labels = [self._layout.labelForField(w) for w in self.widgets.values()]
        widest = max([widest, *(label.sizeHint().width() for label in labels if label)])
        margins = self._layout.contentsMargins()
        return QSize(min(hint.width(), widest + margins.left() + margins.right()), hint.height())

    # -- building -------------------------------------------------------------------------

    def _make(self, spec: FieldSpec) -> QWidget:
        if spec.widget == "text":
            box = _TextBox()
            box.committed.connect(lambda name=spec.name, w=box: self._commit(name, w.toPlainText()))
            return box
        if spec.widget == "check":
            check = QCheckBox()
            check.clicked.connect(lambda on, name=spec.name: self._commit(name, on))
            return check
        if spec.widget == "points" and self.unit is not None:
            picker = MarkingPointsPicker(self.unit)
            picker.changed.connect(lambda value, name=spec.name: self._commit(name, value))
            return picker
        if spec.widget in {"choice", "ref"}:
            combo = WrappingCombo()
            # long choices (an action, a law's full title) must not widen the form
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            # but as wide as the form allows, so a choice is read whole where it fits
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if spec.choices:
                allowed = LEARNER_CHOICES.get(self.kind, {}).get(spec.name)
                for value, text in spec.choices.items():
                    combo.addItem(data_label(CHOICE_TEXT, text), value)
                    if allowed is not None and self.role == "learner" and value not in allowed:
                        # still shown when an item holds it; not offered to pick
                        combo.model().item(combo.count() - 1).setEnabled(False)  # type: ignore[attr-defined]
            combo.activated.connect(
                lambda _index, name=spec.name, c=combo: self._commit(name, c.currentData())
            )
            return combo
        if spec.widget == "date":
            date = _DateBox()
            for signal in (date.editingFinished, date.picked):
                signal.connect(lambda name=spec.name, w=date: self._commit(name, w.text()))
            return date
        line = QLineEdit()
        line.setPlaceholderText(
            data_label(FORM_TEXT, spec.placeholder)
            or {"number": self.tr("a number")}.get(spec.widget, "")
        )
        line.editingFinished.connect(lambda name=spec.name, w=line: self._commit(name, w.text()))
        return line

    # -- loading ----------------------------------------------------------------------------

    def load(
        self,
        values: Mapping[str, Any],
        references: Mapping[str, Sequence[tuple[int, str]]] | None = None,
        related_options: Sequence[tuple[int, str]] = (),
        related_ids: Sequence[int] = (),
    ) -> None:
        """Show an item's values. A field holding unsaved typing keeps it."""
        self._loading = True
        previous = self.values
        self.values = dict(values)
        for spec in self.specs:
            self._show(spec, previous.get(spec.name), references)
        self._show_rows()
        if self.related is not None:
            self.related.clear()
            for item_id, text in related_options:
                entry = QListWidgetItem(text)
                entry.setData(Qt.ItemDataRole.UserRole, item_id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = item_id in related_ids
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.related.addItem(entry)
        self.problem.clear()
        self._loading = False

    def show_values(self, values: Mapping[str, Any]) -> bool:
        """Show new values of some fields of the item shown (an edit, its undo), leaving the
        others as they are; False when a field names another item (use load())."""
        specs = [spec for spec in self.specs if spec.name in values]
        if any(spec.widget == "ref" for spec in specs):
            return False
        self._loading = True
        previous = self.values
        self.values = {**previous, **values}
        for spec in specs:
            self._show(spec, previous.get(spec.name))
        self._show_rows()
        self._loading = False
        return True

    def _show(
        self,
        spec: FieldSpec,
        saved: Any,
        references: Mapping[str, Sequence[tuple[int, str]]] | None = None,
    ) -> None:
        """Put ``self.values[spec.name]`` in its widget, unless the widget holds typing that
        differs from ``saved`` (the value it was showing)."""
        widget = self.widgets[spec.name]
        value = self.values.get(spec.name)
        if self._has_unsaved_typing(widget, saved):
            return
        if isinstance(widget, _TextBox):
            widget.set_text(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            if spec.widget == "ref":
                widget.clear()
                widget.addItem(self.tr("— none —"), None)
                for item_id, text in (references or {}).get(spec.name, ()):
                    widget.addItem(text, item_id)
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLineEdit):
            widget.setText(_display(value))
            widget.setCursorPosition(0)
        elif isinstance(widget, MarkingPointsPicker):
            widget.set_value(value or "")
        widget.setStyleSheet("")
        if not isinstance(widget, MarkingPointsPicker):
            widget.setToolTip("")

    def _show_rows(self) -> None:
        for name, (other, shown_for) in SHOWN_WHEN.get(self.kind, {}).items():
            self._layout.setRowVisible(self.widgets[name], self.values.get(other) in shown_for)

    @staticmethod
    def _has_unsaved_typing(widget: QWidget, saved: Any) -> bool:
        if isinstance(widget, _TextBox):
            return widget.hasFocus() and widget.toPlainText() != (saved or "")
        if isinstance(widget, QLineEdit):
            return widget.hasFocus() and widget.text() != _display(saved)
        return False

    # -- saving -----------------------------------------------------------------------------

    def _commit(self, name: str, raw: Any) -> None:
        if self._loading:
            return
        value, message = validate_field(self.kind, self.model, name, raw, self.values)
        widget = self.widgets[name]
        if message:
            widget.setStyleSheet(INVALID_STYLE)
            if not isinstance(widget, MarkingPointsPicker):
                widget.setToolTip(message)
            spec = next(s for s in self.specs if s.name == name)
            self.problem.setText(self.tr("{0}: {1}. Not saved.").format(field_label(spec), message))
            return
        widget.setStyleSheet("")
        if not isinstance(widget, MarkingPointsPicker):
            widget.setToolTip("")
        if isinstance(widget, QLineEdit) and widget.text() != _display(value):
            # what was saved, as it is shown ("31 Dec 2026" -> 31/12/2026), while the field
            # still has the focus: a redraw from the store leaves focused typing alone
            widget.setText(_display(value))
        self.problem.clear()
        if value != self.values.get(name):
            self.values[name] = value
            self.edited.emit(name, value)

    def _related_changed(self, _item: QListWidgetItem) -> None:
        if self._loading or self.related is None:
            return
        ids = [
            self.related.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.related.count())
            if self.related.item(row).checkState() == Qt.CheckState.Checked
        ]
        self.relatedChanged.emit(ids)
