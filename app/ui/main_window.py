"""The main window: stage navigator, stage pages, marking points panel, menus."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.checker import CheckResult, Location
from app.checker.result import TOOL_STAGES
from app.checker.tool_use import tool_points
from app.store import Change
from app.ui.marking_points import MarkingPointsDock
from app.ui.navigator import StageNavigator
from app.ui.page_set import PageSet
from app.ui.session import PortfolioSession
from app.ui.stage_page import StagePage

if TYPE_CHECKING:
    from app.ui.export_dialog import ExportDialog

STAGE_KINDS = {
    "feedback": "feedback_item",
    "analysis": "analysis_finding",
    "action_plan": "action_item",
    "implementation_log": "log_entry",
}
MAX_RECENT = 8


#: Each page in the navigator's order: the module under app.ui that holds it and its class.
_PAGES = {
    "details": ("pages", "DetailsPage"),
    **{stage: ("stage_page", "StagePage") for stage in STAGE_KINDS},
    "evaluation": ("pages", "EvaluationPage"),
    "journey_map": ("tool_pages", "JourneyMapPage"),
    "process_map": ("tool_pages", "ProcessMapPage"),
    "decision": ("tool_pages", "DecisionPage"),
    "kpi_tracker": ("tool_pages", "KpiTrackerPage"),
    "rater": ("tool_pages", "RaterPage"),
    "complaint_cases": ("tool_pages", "CasesPage"),
    "legislation": ("tool_pages", "LegislationPage"),
    "evidence": ("pages", "EvidencePage"),
    "declaration": ("pages", "DeclarationPage"),
    "assessment_plan": ("assessment_records", "PlanReviewsPage"),
    "assessment_records": ("assessment_records", "RecordsPage"),
    "assessment": ("assessment_page", "AssessmentPage"),
    "unit_guide": ("pages", "UnitGuidePage"),
}


def _page_factories(session: PortfolioSession) -> dict[str, Callable[[], QWidget]]:
    """How to make each page. A page's module is imported when the page is first made: the
    window opens on a stage list, and the other pages' modules (the tools with their
    diagrams, the assessment record, the evidence list) are not needed before then."""

    def made(stage: str) -> Callable[[], QWidget]:
        module, name = _PAGES[stage]

        def make() -> QWidget:
            page = getattr(import_module(f"app.ui.{module}"), name)
            if stage in STAGE_KINDS:
                return page(session, STAGE_KINDS[stage])
            return page(session.unit if stage == "unit_guide" else session)

        return make

    return {stage: made(stage) for stage in _PAGES}


class MainWindow(QMainWindow):
    #: The window has closed and saved its layout; the file can be released.
    closed = Signal()

    def __init__(self, session: PortfolioSession, settings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or QSettings()
        self._opening = True
        self.setObjectName("mainWindow")
        self.navigator = StageNavigator()
        self.stack = QStackedWidget()
        self.pages = PageSet(self.stack, _page_factories(session), self._page_built)
        # a page is built the first time it is shown, and fills itself then (tool pages build
        # their tabs then too), so opening a large portfolio does not lay out lists nobody has
        # looked at
        self.dirty: set[str] = set(self.pages) - {"unit_guide"}
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #eff6ff; color: #1e3a8a; padding: 6px;")
        self.new_draft_button = QPushButton(self.tr("Start a &new draft"))
        self.new_draft_button.setObjectName("newDraft")
        self.new_draft_button.clicked.connect(self.start_new_draft)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.new_draft_button)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addLayout(banner_row)
        central_layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.points = MarkingPointsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.points)
        self.resizeDocks([self.points], [270], Qt.Orientation.Horizontal)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.statusBar().addPermanentWidget(self.summary)
        self._build_menus()
        self._connect()
        self.navigator.mark_optional(TOOL_STAGES - set(tool_points(session.unit)))
        if session.result is not None:
            self.show_result(session.result)
        else:  # the first verdict comes from the check worker once the window is up
            self.points.show_checking()
            self.summary.setText(self.tr("Checking the portfolio…"))
        self._show_read_only()
        self.navigator.select("feedback")
        self._update_title()
        self._remember(session.path)
        self._restore_layout()
        self._opening = False

    # -- wiring ---------------------------------------------------------------------------------

    def _connect(self) -> None:
        """Every domain signal is connected here, in one place."""
        self.session.setParent(self)  # the session and its undo stack live as long as the window
        self.session.documentChanged.connect(self._document_changed)
        self.session.checked.connect(self.show_result)
        self.session.documentChanged.connect(self._update_title)
        self.session.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.navigator.stageSelected.connect(self.show_stage)
        self.points.navigate.connect(self.go_to)

    def _settings(self) -> None:
        from app.ui.preferences_dialog import PreferencesDialog

        PreferencesDialog(self).exec()

    def _page_built(self, stage: str, page: QWidget) -> None:
        """A page's own signals, connected when the page is first built."""
        if stage == "assessment":
            page.navigate.connect(self.go_to)  # type: ignore[attr-defined]
        elif stage == "declaration":
            page.submitRequested.connect(self.submit)  # type: ignore[attr-defined]
        elif stage == "evidence":
            page.filesDropped.connect(self.session.attach_files)  # type: ignore[attr-defined]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_action = QAction(
            self.tr("&New portfolio…"), self, shortcut=QKeySequence.StandardKey.New
        )
        new_action.triggered.connect(self.new_portfolio)
        file_menu.addAction(new_action)
        open_action = QAction(self.tr("&Open…"), self, shortcut=QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.open_other)
        file_menu.addAction(open_action)
        cohort_action = QAction(self.tr("&Cohort view…"), self)
        cohort_action.triggered.connect(self.open_cohort)
        file_menu.addAction(cohort_action)
        assessor_action = QAction(self.tr("Open as &assessor…"), self)
        assessor_action.triggered.connect(self.open_as_assessor)
        file_menu.addAction(assessor_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.export_action = QAction(self.tr("&Export…"), self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        file_menu.addAction(self.export_action)
        self.submit_action = QAction(self.tr("&Submit…"), self)
        self.submit_action.triggered.connect(self.submit)
        file_menu.addAction(self.submit_action)
        self.audit_action = QAction(self.tr("&Audit trail"), self)
        self.audit_action.triggered.connect(self.audit_trail)
        file_menu.addAction(self.audit_action)
        self.preview_action = QAction(
            self.tr("Pre&view"), self, shortcut=QKeySequence("Ctrl+Shift+P")
        )
        self.preview_action.triggered.connect(self.preview)
        file_menu.addAction(self.preview_action)
        settings_action = QAction(self.tr("Se&ttings…"), self)
        settings_action.triggered.connect(self._settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.points.toggleViewAction())
        # the keyboard's way back to the stage list from anywhere (then arrows pick a stage)
        stages_action = QAction(self.tr("&Stages"), self, shortcut=QKeySequence("Ctrl+0"))
        stages_action.triggered.connect(
            lambda: self.navigator.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        view_menu.addAction(stages_action)

    # -- reacting ---------------------------------------------------------------------------------

    def _document_changed(self, _document: object, change: Change | None) -> None:
        """Each page that is up to date applies the change where it can (a list redraws the
        row that changed); the others are marked to be refilled when next shown."""
        self._show_read_only()
        for stage, page in self.pages.built().items():
            if stage == "unit_guide" or stage in self.dirty:
                continue
            apply = getattr(page, "apply", None)
            if change is None or apply is None or not apply(change):
                self.dirty.add(stage)
        self._refresh(self.current_stage())

    def _refresh(self, stage: str) -> None:
        if self._opening:
            # filled when the window shows: a list laid out on screen sizes its columns from
            # the rows in view; off screen it reads every row (a second for 2,000 items)
            return
        if stage in self.dirty:
            self.pages[stage].refresh()  # type: ignore[attr-defined]
            self.dirty.discard(stage)

    def show_result(self, result: CheckResult) -> None:
        self.points.show_result(result)
        self.navigator.show_result(result)
        if hasattr(self, "stack"):  # the judgements page shows the checker's advice too
            self.dirty.add("assessment")
            self._refresh(self.current_stage())
        document = self.session.document
        met = self.tr("{0} of {1} marking points met").format(result.met_count, len(result.points))
        if document.status == "submitted":
            met = self.tr("{0} — version {1} submitted").format(met, document.draft_version)
        elif result.complete:
            met = self.tr("{0} — ready to submit").format(met)
        self.summary.setText(met)

    def current_stage(self) -> str:
        return self.pages.stage_of(self.stack.currentWidget()) or "feedback"

    def show_stage(self, stage: str) -> None:
        page = self.pages.get(stage)
        if page is None:
            return
        self._refresh(stage)
        self.stack.setCurrentWidget(page)
        self.navigator.select(stage)

    def go_to(self, location: Location) -> None:
        """Open the stage, item and field a checker reason points at."""
        from app.ui.pages import EvaluationPage
        from app.ui.tool_pages import ToolPage

        stage = location.stage
        self.show_stage(stage)
        page = self.pages.get(stage)
        if isinstance(page, EvaluationPage):
            if location.field == "evaluation_narrative":
                page.text.setFocus()
                return
            page = page.metrics
        if isinstance(page, ToolPage):
            page = page.page_for(location.kind)
        if isinstance(page, StagePage) and location.item_id is not None:
            page.select(location.item_id)
            widget = page.form.widgets.get(location.field or "")
            if widget is not None:
                widget.setFocus()

    # -- files, title, layout --------------------------------------------------------------------

    def _update_title(self, *_args: object) -> None:
        portfolio = self.session.document
        self.setWindowTitle(
            self.tr("{0} — {1} — {2} — Folio").format(
                portfolio.learner_name, self.session.unit.id, self.session.path.name
            )
        )

    def open_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open portfolio"),
            str(self.session.path.parent),
            self.tr("Folio portfolios (*.folio)"),
        )
        if path:
            from app.ui.application import open_window

            open_window(Path(path), self.settings)

    def _show_read_only(self) -> None:
        """A submitted version (or an assessor's view) can be read, not edited."""
        document = self.session.document
        read_only = self.session.read_only
        role = self.session.store.role
        assessor = role != "learner"
        if assessor:
            self.banner.setText(
                self.tr("Opened as IQA: the learner's work is read-only.")
                if role == "iqa"
                else self.tr("Opened as assessor: the learner's work is read-only.")
            )
        elif read_only:
            self.banner.setText(
                self.tr(
                    "Version {0} was submitted and is read-only. Start a new draft to keep working."
                ).format(document.draft_version)
            )
        notes = self.session.store.notes
        if notes:  # e.g. an interrupted save undone on opening
            text = " ".join(notes)
            self.banner.setText(text + (" " + self.banner.text() if read_only else ""))
        self.banner.setVisible(read_only or bool(notes))
        self.new_draft_button.setVisible(read_only and not assessor)
        self.submit_action.setEnabled(not read_only)

    def submit(self) -> None:
        from app.ui.submit_dialog import SubmitDialog

        self._commit_focused_field()
        SubmitDialog(self.session, self).exec()

    def start_new_draft(self) -> None:
        version = self.session.start_new_draft()
        self.statusBar().showMessage(self.tr("Version {0} is a new draft.").format(version), 8000)

    def audit_trail(self) -> None:
        from app.ui.audit_dialog import AuditDialog

        self.session.flush()  # the entries of the edits still being written
        self.audit_dialog = AuditDialog(self.session.document, self)
        self.audit_dialog.show()

    def new_portfolio(self) -> None:
        from app.ui.application import open_window
        from app.ui.wizard import NewPortfolioWizard

        wizard = NewPortfolioWizard(self)
        if wizard.exec() and wizard.created is not None:
            open_window(wizard.created, self.settings)

    def export_dialog(self) -> ExportDialog:
        from app.ui.export_dialog import ExportDialog  # loaded on first use: start-up stays quick

        self._commit_focused_field()
        document = self.session.document
        current = document.current_submission
        can_sign = (
            self.session.staff_certificate() is not None
            and current is not None
            and document.decision_for(current) is not None
        )
        return ExportDialog(
            self.session.path,
            self.session.current_result(),
            document.learner_name,
            self,
            unlock=self.session.unlock if can_sign else None,
            signer_label=self.session.signer_label(),
        )

    def export(self) -> None:
        self.export_dialog().exec()

    def preview(self) -> None:
        """A print-style preview of the export, inside the app."""
        from app.export.builder import build_document
        from app.export.images import store_image_source
        from app.exporters.html import render_html_text

        self._commit_focused_field()
        result = self.session.current_result()
        document = build_document(
            self.session.document, self.session.unit, result, draft=not result.complete
        )
        html = render_html_text(
            document, store_image_source(self.session.store), raster_charts=True
        )
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Preview"))
        dialog.setObjectName("previewDialog")
        browser = QTextBrowser(dialog)
        browser.setObjectName("preview")
        browser.setHtml(html)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        dialog.resize(900, 760)
        self.preview_dialog = dialog
        dialog.show()

    def _commit_focused_field(self) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()

    def open_cohort(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Cohort folder"), str(self.session.path.parent)
        )
        if folder:
            from app.ui.cohort_window import CohortWindow

            self.cohort_window = CohortWindow(Path(folder), self.settings)
            self.cohort_window.show()

    def open_as_assessor(self) -> None:
        """Open a learner's file to mark it: the learner's work is read-only there."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open portfolio to assess"),
            str(self.session.path.parent),
            self.tr("Folio portfolios (*.folio)"),
        )
        if not path:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Assessor"), self.tr("Your name (recorded with each judgement):")
        )
        if ok and name.strip():
            from app.ui.application import open_window

            open_window(Path(path), self.settings, actor=f"assessor: {name.strip()}")

    def _remember(self, path: Path) -> None:
        recent = [p for p in self.settings.value("recentFiles", [], list) if p != str(path)]
        self.settings.setValue("recentFiles", [str(path), *recent][:MAX_RECENT])
        self.settings.setValue("lastFile", str(path))

    def _fill_recent(self) -> None:
        from app.ui.application import open_window

        self.recent_menu.clear()
        for entry in self.settings.value("recentFiles", [], list):
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _c=False, p=entry: open_window(Path(p), self.settings))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh(self.current_stage())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_focused_field()  # saves a field still being edited
        if self.session.flush():  # a write was refused: its message shows, the window stays
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()
