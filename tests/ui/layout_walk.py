"""What the layout walk looks for on a shown window: cut-off widgets, combo pop-ups narrower
than their choices, table cells cut off with no tooltip, and interactive widgets with no name
a screen reader could say.

Used by test_layout_walk.py; kept apart so a failing check can be tried on one window.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QRect, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: How much longer every translated string gets (German and Finnish run ~30–40 % longer).
GROWTH = 0.4

_ACCENTS = str.maketrans("aeiouAEIOUcnyCNY", "àéîöüÀÉÎÖÜçñÿÇÑŸ")


class PseudoTranslator(QTranslator):
    """Every string that goes through tr() comes back accented and about 40 % longer, so a
    layout that only fits English shows up; strings not routed through tr() stay as written."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source or source.isspace():
            return source
        # placeholders (%1, %n, {0}) and mnemonics (&) survive: only letters are accented
        grown = source.translate(_ACCENTS)
        padding = "·" * max(1, round(len(source) * GROWTH))
        return unicodedata.normalize("NFC", grown) + padding

    def isEmpty(self) -> bool:
        return False


def grown(text: str) -> str:
    """What PseudoTranslator makes of ``text``."""
    return PseudoTranslator().translate("", text)


INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName() or "-"
    short = " ".join(text.split())
    if len(short) > 50:
        short = short[:49] + "…"
    return f"{type(widget).__name__} {name!r}" + (f" {short!r}" if short else "")


def _internal(widget: QWidget) -> bool:
    """A part of a composite widget Qt draws itself (a spin box's line edit, a tab bar's
    scroll arrows, a table's corner button, a dock's title buttons, a calendar's grid)."""
    parent = widget.parentWidget()
    if isinstance(widget, QScrollBar | QHeaderView):
        return True
    if widget.objectName() in {
        "qt_tableview_cornerbutton",
        "qt_dockwidget_closebutton",
        "qt_dockwidget_floatbutton",
    }:
        return True
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QCalendarWidget):
            return True
        if isinstance(parent, QDockWidget) and widget.parentWidget() is parent:
            return isinstance(widget, QAbstractButton)
        parent = parent.parentWidget()
    return False


def _visible(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and widget.window() is root and widget.width() > 0:
            yield widget


def _visible_width(widget: QWidget, root: QWidget, scroll_ok: bool) -> tuple[int, int] | None:
    """The part of the widget's width (left, right in its own coordinates) that its
    ancestors leave visible; None when an ancestor lets it scroll sideways (``scroll_ok``)."""
    left, right = 0, widget.width()
    parent = widget.parentWidget()
    while parent is not None:
        offset = widget.mapTo(parent, widget.rect().topLeft()).x()
        area = parent.parentWidget()
        scrolls = (
            isinstance(area, QAbstractScrollArea)
            and area.viewport() is parent
            and area.horizontalScrollBar().maximum() > 0
            and area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if scrolls and scroll_ok:
            return None
        left = max(left, -offset)
        right = min(right, parent.width() - offset)
        if parent is root:
            break
        parent = parent.parentWidget()
    return left, right


def clipped(widget: QWidget) -> str | None:
    """Why the widget's own text does not fit in it, or None."""
    width = widget.width()
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        if widget.wordWrap():
            need = widget.minimumSizeHint().width()
            if width < need:
                return f"{width} px wide, its longest word needs {need}"
            height = widget.heightForWidth(width)
            if height > 0 and widget.height() < height:
                return f"{widget.height()} px high, its wrapped text needs {height}"
            return None
        need = widget.sizeHint().width()
        if width < need:
            return f"{width} px wide, its text needs {need} (no word wrap)"
        return None
    if isinstance(widget, QAbstractButton | QLineEdit | QComboBox):
        need = widget.minimumSizeHint().width()
        if width < need:
            return f"{width} px wide, narrower than its minimum {need}"
    return None


def popup_problem(combo: QComboBox) -> str | None:
    """A combo's pop-up must show each choice whole: wide enough, or wrapping it."""
    if combo.count() == 0:
        return None
    view = combo.view()
    metrics = view.fontMetrics()
    combo.showPopup()
    QApplication.processEvents()
    try:
        shown = view.viewport().width()
        for row in range(combo.count()):
            text = combo.itemText(row)
            rect = view.visualRect(view.model().index(row, combo.modelColumn()))
            need = metrics.horizontalAdvance(text) + 8
            if need <= shown:
                continue
            if not view.wordWrap():
                return f"its pop-up is {shown} px wide, the choice {text[:40]!r} needs {need}"
            lines = metrics.boundingRect(
                QRect(0, 0, rect.width() - 8, 100_000), Qt.TextFlag.TextWordWrap, text
            )
            if lines.height() > rect.height():
                return (
                    f"its pop-up row for {text[:40]!r} is {rect.height()} px high, "
                    f"the wrapped choice needs {lines.height()}"
                )
    finally:
        combo.hidePopup()
    return None


def cell_problems(view: QAbstractItemView, rows: int = 40) -> list[str]:
    """Cells cut off (elided) must give their whole text in a tooltip."""
    model = view.model()
    if model is None or isinstance(view, QHeaderView):
        return []
    found = []
    metrics = view.fontMetrics()
    wraps = bool(getattr(view, "wordWrap", lambda: False)())
    delegate_wraps = type(view.itemDelegate()).__name__ == "WrappingDelegate"
    for index in _indexes(model, QModelIndex(), rows):
        column = index.column()
        if getattr(view, "isColumnHidden", lambda _c: False)(column):
            continue
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        rect: QRect = view.visualRect(index)
        if rect.width() <= 0:
            continue
        longest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        icon = 0 if index.data(Qt.ItemDataRole.DecorationRole) is None else 22
        fits = view.sizeHintForIndex(index).width() <= rect.width()
        if not fits and (wraps or delegate_wraps):
            bounds = metrics.boundingRect(
                QRect(0, 0, rect.width() - icon - 10, 100_000),
                Qt.TextFlag.TextWordWrap,
                text,
            )
            fits = bounds.height() <= rect.height()
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        if not fits and text.rstrip("…") not in tip:
            found.append(
                f"cell ({index.row()}, {column}) {text[:40]!r} is cut off "
                f"({rect.width()} px for {longest}) with no tooltip"
            )
            break
    return found


def _indexes(model, parent: QModelIndex, limit: int) -> list[QModelIndex]:  # type: ignore[no-untyped-def]
    """The cells of the first ``limit`` rows, children (a tree's) included."""
    found: list[QModelIndex] = []
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(_columns(model, parent)):
            found.append(model.index(row, column, parent))
        first = model.index(row, 0, parent)
        if not parent.isValid() and _columns(model, parent) and _rows(model, first):
            found += _indexes(model, first, limit)
    return found


def _has_name(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if id(widget) in buddies:
        return True
    return bool(isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip())


def problems(root: QWidget, where: str, scroll_ok: bool = False) -> list[str]:
    """Every problem on the shown window ``root``, each naming ``where`` and the widget."""
    found: list[str] = []
    widgets = list(_visible(root))
    buddies = {
        id(label.buddy())
        for label in root.findChildren(QLabel)
        if label.buddy() is not None and label.buddy().window() is root
    }
    for widget in widgets:
        if _internal(widget):
            continue
        why = clipped(widget)
        if why is None and isinstance(widget, QLabel | QAbstractButton | QLineEdit | QComboBox):
            span = _visible_width(widget, root, scroll_ok)
            if span is not None and (span[0] > 0 or span[1] < widget.width() - 1):
                if span[1] <= span[0]:
                    why = "entirely outside the visible area sideways"
                else:
                    why = (
                        f"only {span[1] - span[0]} of its {widget.width()} px are visible "
                        "(cut off at the side)"
                    )
        if why is None and isinstance(widget, QComboBox):
            why = popup_problem(widget)
        if why is not None:
            found.append(f"{where}: {describe(widget)} is clipped: {why}")
        if isinstance(widget, QAbstractItemView):
            found += [f"{where}: {describe(widget)}: {p}" for p in cell_problems(widget)]
        if isinstance(widget, INTERACTIVE) and not _has_name(widget, buddies):
            found.append(f"{where}: {describe(widget)} has no accessible name, buddy label or text")
    return found


def _columns(model, parent: QModelIndex) -> int:  # type: ignore[no-untyped-def]
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model's is private
        return 0 if parent.isValid() else 1


def _rows(model, parent: QModelIndex) -> int:  # type: ignore[no-untyped-def]
    try:
        return model.rowCount(parent)
    except TypeError:
        return 0
