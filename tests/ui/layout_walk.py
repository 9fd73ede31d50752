"""What the layout walk visits (visits(): every page, tab and dialog) and what it looks for
on each shown window: cut-off widgets, combo pop-ups narrower than their choices, table cells
cut off with no tooltip, interactive widgets with no name a screen reader could say
(problems()), and strings that bypass translation (untranslated(), with MarkingTranslator).

Used by test_layout_walk.py; kept apart so a failing check can be tried on one window.
"""

from __future__ import annotations

import html
import re
import shutil
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QModelIndex, QRect, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
    QWizard,
)

from app.ui.forms import FORMS

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


# -- what the walk visits ---------------------------------------------------------------------


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _tabs_of(widget: QWidget) -> Iterator[str]:
    """Shows each tab of the tab widgets on the page in turn (tool pages, plan and reviews)."""
    yield ""
    for tabs in widget.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(1, tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            yield f" › {tabs.tabText(index)}"
        tabs.setCurrentIndex(0)


def _until_checked(window: QWidget) -> None:
    """The first verdict comes from the check worker a moment after the window shows, and
    changes the status bar's summary: a page looked at while it arrives would be measured
    before its layout had caught up with the new text."""
    deadline = time.monotonic() + 30
    while not window.session.result_is_current and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def _pages(window: QWidget, who: str, size: tuple[int, int]) -> Iterator[tuple[str, QWidget]]:
    window.resize(*size)
    window.show()
    _until_checked(window)
    for stage, name in window.navigator.labels.items():  # type: ignore[attr-defined]
        window.show_stage(stage)  # type: ignore[attr-defined]
        settle()
        for tab in _tabs_of(window.pages[stage]):  # type: ignore[attr-defined]
            yield f"{who} page {name}{tab}", window


def _shown(dialog: QWidget, where: str) -> Iterator[tuple[str, QWidget]]:
    dialog.show()
    settle()
    yield where, dialog


def _submitted_copy(demo: Path, tmp_path: Path) -> Path:
    from app.checker import check
    from app.store import PortfolioStore
    from app.workflow.submission import submit

    path = tmp_path / "submitted.folio"
    shutil.copyfile(demo, path)
    with PortfolioStore.open(path) as store:
        submit(store, "Priya Shah", check(store.load(), store.unit()))
    return path


def visits(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, settings: QSettings, size: tuple[int, int], name: str
) -> Iterator[tuple[str, QWidget]]:
    """Every page of the navigator (each tab of it) and every dialog, on the demo portfolio as
    its learner and as the assessor of a submitted copy, shown at ``size`` one after another:
    (where, the window shown). What the window is checked for is the caller's."""
    from app.demo.assessment import ASSESSOR
    from app.ui.audit_dialog import AuditDialog
    from app.ui.cohort_window import CohortWindow
    from app.ui.iqa_report_dialog import IqaReportDialog
    from app.ui.main_window import MainWindow
    from app.ui.preferences_dialog import PreferencesDialog
    from app.ui.session import PortfolioSession
    from app.ui.submit_dialog import SubmitDialog
    from app.ui.welcome import WelcomeWindow
    from app.ui.wizard import NewPortfolioWizard
    from tests.conftest import make_demo

    make_demo(tmp_path, "continuous-improvement").close()
    demo = tmp_path / "continuous-improvement.folio"
    assessor_copy = _submitted_copy(demo, tmp_path)

    window = MainWindow(PortfolioSession.open(demo), settings)
    qtbot.addWidget(window)
    yield from _pages(window, f"[{name}] learner", size)
    dialogs: list[tuple[str, QWidget]] = [
        ("export dialog", window.export_dialog()),
        ("submit dialog", SubmitDialog(window.session, window)),
        ("audit trail", AuditDialog(window.session.document, window)),
        ("settings", PreferencesDialog(window)),
    ]
    for where, dialog in dialogs:
        yield from _shown(dialog, f"[{name}] {where}")
        dialog.close()

    wizard = NewPortfolioWizard(folder=tmp_path)
    qtbot.addWidget(wizard)
    yield from _shown(wizard, f"[{name}] wizard, unit page")
    wizard.next()
    yield from _shown(wizard, f"[{name}] wizard, learner page")
    wizard.learner_page.edits["learner_name"].setText("Ada Learner")
    wizard.next()
    yield from _shown(wizard, f"[{name}] wizard, save page")
    wizard.close()

    settings.setValue("recentFiles", [str(demo)])
    welcome = WelcomeWindow(settings)
    qtbot.addWidget(welcome)
    yield from _shown(welcome, f"[{name}] welcome")
    welcome.close()
    settings.setValue("recentFiles", [])
    first_run = WelcomeWindow(settings)
    qtbot.addWidget(first_run)
    yield from _shown(first_run, f"[{name}] welcome, first run")
    first_run.close()
    window.close()

    cohort_folder = tmp_path / "cohort"
    cohort_folder.mkdir()
    for source in (demo, assessor_copy):
        shutil.copyfile(source, cohort_folder / source.name)
    cohort = CohortWindow(cohort_folder, settings)
    qtbot.addWidget(cohort)
    cohort.resize(min(size[0], 1200), min(size[1], 600))
    cohort.show()
    qtbot.waitUntil(lambda: cohort.model.rowCount() == 2, timeout=30_000)
    yield from _shown(cohort, f"[{name}] cohort window")
    cohort.close()

    staff = MainWindow(
        PortfolioSession.open(assessor_copy, actor=f"assessor: {ASSESSOR}"), settings
    )
    qtbot.addWidget(staff)
    yield from _pages(staff, f"[{name}] assessor", size)
    report = IqaReportDialog(staff, reason="new assessor")
    yield from _shown(report, f"[{name}] IQA report")
    report.close()
    staff.close()


# -- strings that bypass translation ------------------------------------------------------------

#: Around every string MarkingTranslator hands back.
OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue(path: Path) -> dict[tuple[str, str, str], bool]:
    """The messages of a .ts file: (context, source, disambiguation) -> whether it is a count
    with plural forms."""
    messages = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = message.get("numerus") == "yes"
    return messages


class MarkingTranslator(QTranslator):
    """Hands back, between ⟦ ⟧, every string a translator is given: its context and source
    are in the .ts file, and a count (tr() with n) is a plural message there. Anything else,
    a plain string or one whose context lupdate saw differently, stays as written: unmarked.
    (self.tr() asks for the object's class first, then each base class in turn.)"""

    def __init__(self, messages: dict[tuple[str, str, str], bool], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.messages = messages
        self.sources = {source for _context, source, _comment in messages}
        #: (context, source) asked for whose source is in no context of the file
        self.missed: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        numerus = self.messages.get((context, source, disambiguation or ""))
        if numerus is None or numerus != (n >= 0):
            if source not in self.sources:
                self.missed.add((context, source))
            return None
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


def unmarked(text: str) -> str:
    """What of ``text`` is outside every ⟦ ⟧ (a marked string holds what it was formatted
    with), tags of rich text left out."""
    if _TAG.search(text):
        text = html.unescape(_TAG.sub(" ", text))
    while True:
        shorter = _MARKED.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


def untranslated_words(text: str) -> str | None:
    """The untranslated part of ``text`` when it has letters, else None."""
    rest = " ".join(unmarked(text).split())
    return rest if any(ch.isalpha() for ch in rest) else None


#: The reference fields' object names (a choice of the learner's items), from the forms.
_REFERENCES = "|".join(
    f"{kind}\\.{spec.name}"
    for kind, specs in FORMS.items()
    for spec in specs
    if spec.widget == "ref"
)

#: Data a translator is never given, by the object name of the widget that shows it (a
#: pattern), the parts of it that are data, and why.
DATA: tuple[tuple[str, frozenset[str], str], ...] = (
    (
        r"(declaration|submit)\.statement",
        frozenset({"text"}),
        "the declaration's wording as the portfolio holds it: the words the learner signs",
    ),
    (
        r"assess\.MP\d+\.title|points\.MP\d+|.*\.point",
        frozenset({"text", "tooltip", "items"}),
        "a marking point's id and text, quoted from the unit guide",
    ),
    (
        r"legislation\.entry|.*\.legislation_entry|legislation_link\.entry_id",
        frozenset({"text", "items"}),
        "the legislation library's titles and summaries: a law is cited by its own words",
    ),
    (
        _REFERENCES,
        frozenset({"items"}),
        "a reference field offers the learner's items, named by what they say",
    ),
    (
        r"assess\.MP\d+\.open\..*",
        frozenset({"text", "tooltip", "accessible"}),
        "a link to an item the point is mapped to: its name and the learner's reason",
    ),
    (
        r".*\.diagram\.picture",
        frozenset({"tooltip", "accessible"}),
        "the figure's description, written by the export (app.export.diagrams)",
    ),
    (
        r"markingPoints",
        frozenset({"cells"}),
        "the unit guide's marking points and the checker's reasons (app.checker)",
    ),
    (
        r"cohort\.table",
        frozenset({"cells"}),
        "each portfolio's row as app.workflow.cohort reads it",
    ),
    (
        r"(?!evidence)\w+\.(list|related)|welcome\.recent|wizard\.units",
        frozenset({"cells"}),
        "the learner's items (a stage's list, the related items to tick), recent files, units",
    ),
    (
        r"audit\.table",
        frozenset({"cells"}),
        "who did it and what they entered, as the audit trail recorded it",
    ),
)


def _data(widget: QWidget, part: str) -> bool:
    name = widget.objectName()
    return any(part in parts and re.fullmatch(pattern, name) for pattern, parts, _ in DATA)


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what part, text) of everything the widget shows or says of itself."""
    if isinstance(widget, QLabel | QAbstractButton):
        yield "text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield "text", widget.title()
    elif isinstance(widget, QProgressBar) and widget.isTextVisible():
        yield "text", widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for row in range(widget.count()):
            yield "items", widget.itemText(row)
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield "text", widget.tabText(index)
    if isinstance(widget, QDockWidget):
        yield "text", widget.windowTitle()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _view_texts(widget)
    yield "tooltip", widget.toolTip()
    yield "accessible", widget.accessibleName()


def _view_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    headers = [
        (Qt.Orientation.Horizontal, getattr(view, "horizontalHeader", lambda: None)()),
        (Qt.Orientation.Vertical, getattr(view, "verticalHeader", lambda: None)()),
    ]
    for orientation, header in headers:
        if header is None or header.isHidden():
            continue
        count = (
            model.columnCount() if orientation == Qt.Orientation.Horizontal else model.rowCount()
        )
        for section in range(count):
            yield "header", str(model.headerData(section, orientation) or "")
    if isinstance(view, QTreeView) and not view.isHeaderHidden():
        for section in range(model.columnCount()):
            yield "header", str(model.headerData(section, Qt.Orientation.Horizontal) or "")
    for index in _indexes(model, QModelIndex(), 40):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield "cells", str(index.data(role) or "")


def _window_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    yield "title", root.windowTitle()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield from _menu_texts(action)
    if isinstance(root, QWizard):
        page = root.currentPage()
        yield "title", page.title()
        yield "title", page.subTitle()


def _menu_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield "menu", action.text()
    menu = action.menu()
    if menu is not None:
        for child in menu.actions():
            if not child.isSeparator():
                yield from _menu_texts(child)


def untranslated(root: QWidget, where: str) -> list[str]:
    """Every visible string on the shown window ``root`` that did not come through
    MarkingTranslator (its letters are outside ⟦ ⟧), unless DATA says it is data."""
    found = []
    for part, text in _window_texts(root):
        words = untranslated_words(text)
        if words is not None:
            found.append(f"{where}: the window's {part} {text!r} is not translated ({words!r})")
    for widget in _visible(root):
        if _internal(widget):
            continue
        for part, text in _texts(widget):
            words = untranslated_words(text)
            if words is not None and not _data(widget, part):
                found.append(
                    f"{where}: {describe(widget)}: its {part} {text[:60]!r} is not translated "
                    f"({words[:40]!r})"
                )
    return found
