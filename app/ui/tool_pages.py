"""The structured tools' pages: the tool's diagram above, its lists and forms below.

The diagrams are the export's own figures (app/export/diagrams.py) drawn to a picture, so the
learner sees exactly what the assessor will get. Editing goes through ordinary stage lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalogue.legislation import load_library
from app.checker.text import join_names
from app.checker.tool_use import option_total, tool_points
from app.export import diagrams
from app.export.model import Figure
from app.export.shapes import fmt
from app.models import KINDS
from app.models.vocab import PROCESS_VERSIONS
from app.store import Change
from app.ui.session import PortfolioSession
from app.ui.stage_page import StagePage, title
from app.ui.translations import CHOICE_TEXT, data_label

#: Pixels per point of a diagram on screen: fitted to the width, within these bounds.
SMALLEST_SCALE, LARGEST_SCALE = 1.0, 2.0


class _Picture(QLabel):
    """The drawn figure; reports clicks in the picture's own pixels."""

    clicked = Signal(float, float, bool)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pixmap = self.pixmap()
        if pixmap is None or pixmap.isNull() or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        left = (self.width() - pixmap.width()) / 2
        top = (self.height() - pixmap.height()) / 2
        position = event.position()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self.clicked.emit(position.x() - left, position.y() - top, control)


class DiagramView(QScrollArea):
    """A figure drawn as a picture; says what to add while there is nothing to draw. A click
    on an item drawn in it reports the item (itemClicked: kind, id, with Ctrl held)."""

    itemClicked = Signal(str, int, bool)

    def __init__(self, name: str, empty_text: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.empty_text = empty_text
        self.picture = _Picture()
        self.picture.setObjectName(f"{name}.picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: white;")
        self.picture.clicked.connect(self._clicked)
        self.setWidget(self.picture)
        self.setWidgetResizable(True)
        self.setMinimumHeight(160)
        self.figure: Figure | None = None
        self.drawn: Figure | None = None
        self.scale = 1.0

    def show_figure(self, figure: Figure | None) -> None:
        self.figure = figure
        if figure is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.empty_text)
            self.picture.setAccessibleName(self.empty_text)
            return
        self.picture.setAccessibleName(figure.alt_text)
        self.picture.setToolTip(figure.alt_text)
        self._draw()

    def _draw(self) -> None:
        figure = self.figure
        if figure is None:
            return
        room = max(1, self.viewport().width() - 8)
        scale = min(LARGEST_SCALE, max(SMALLEST_SCALE, room / figure.width))
        if self.drawn is figure and abs(scale - self.scale) < 0.01:
            return
        from app.exporters.drawing import to_png  # reportlab and Pillow: only when drawn

        pixmap = QPixmap()
        pixmap.loadFromData(to_png(list(figure.shapes), figure.width, figure.height, scale))
        self.picture.setPixmap(pixmap)
        self.drawn, self.scale = figure, scale

    def point_of(self, kind: str, item_id: int) -> QPoint | None:
        """Where an item is drawn, in the picture's coordinates (for tests and focus)."""
        pixmap = self.picture.pixmap()
        if self.figure is None or pixmap is None:
            return None
        spot = next(
            (s for s in self.figure.hotspots if (s.kind, s.item_id) == (kind, item_id)), None
        )
        if spot is None:
            return None
        left = (self.picture.width() - pixmap.width()) / 2
        top = (self.picture.height() - pixmap.height()) / 2
        return QPoint(
            int(left + (spot.x + spot.width / 2) * self.scale),
            int(top + (spot.y + spot.height / 2) * self.scale),
        )

    def _clicked(self, x: float, y: float, control: bool) -> None:
        if self.figure is None:
            return
        spot = self.figure.item_at(x / self.scale, y / self.scale)
        if spot is not None:
            self.itemClicked.emit(spot.kind, spot.item_id, control)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw()


class ToolPage(QWidget):
    """Heading, a diagram and tabs of item lists for one tool. The lists and the diagram are
    built the first time the page is shown, so opening a portfolio stays quick."""

    def __init__(
        self,
        session: PortfolioSession,
        title: str,
        about: str,
        kinds: tuple[tuple[str, str | None], ...],
        draw: Callable[[Any], Figure | None] | None = None,
        empty_text: str = "",
        stage: str = "",
    ) -> None:
        super().__init__()
        self.session = session
        self.draw = draw
        self.kinds = kinds
        self.empty_text = empty_text
        self.stage = stage
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        description = QLabel(about)
        description.setWordWrap(True)
        description.setStyleSheet("color: #4b5563;")
        points = tool_points(session.unit).get(stage, [])
        self.uses = QLabel(
            self.tr("Your unit's %1 uses this tool.", "", len(points)).replace(
                "%1", join_names(points)
            )
            if points
            else self.tr("Optional for your unit: no marking point asks for this tool.")
        )
        self.uses.setObjectName(f"{stage}.uses")
        self.uses.setStyleSheet(
            "color: #1e3a8a; font-weight: 600;" if points else "color: #6b7280;"
        )
        self.header = QHBoxLayout()
        self.header.addWidget(description, 1)
        self.lists: dict[str, StagePage] = {}
        self.diagram: DiagramView | None = None
        self.built = False
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.uses)
        layout.addLayout(self.header)

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        self.lists = {
            kind: StagePage(self.session, kind, scope=scope) for kind, scope in self.kinds
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{self.stage}.tabs")
        for kind, page in self.lists.items():
            self.tabs.addTab(page, title(kind)[0])
        if self.draw is not None:
            self.diagram = DiagramView(f"{self.stage}.diagram", self.empty_text)
            self.diagram.itemClicked.connect(self.item_clicked)
        self.body = QSplitter(Qt.Orientation.Vertical)
        if self.diagram is not None:
            self.body.addWidget(self.diagram)
        self.body.addWidget(self.tabs)
        self.body.setSizes([330, 420])
        self.layout().addWidget(self.body, 1)  # type: ignore[union-attr]
        self.setup()

    def setup(self) -> None:
        """Widgets a tool adds to the built page."""

    def refresh(self) -> None:
        self.build()
        for page in self.lists.values():
            page.refresh()
        self.redraw()

    #: Kinds the diagram (or grid) draws besides the lists' own.
    draws: frozenset[str] = frozenset()

    def apply(self, change: Change) -> bool:
        """A change to what the tool draws redraws it all (a tool holds tens of items, not
        thousands); elsewhere each list applies what it shows."""
        if not self.built:
            return False
        if change.kind in self.draws | set(self.lists):
            return False
        return all(page.apply(change) for page in self.lists.values())

    def redraw(self) -> None:
        if self.diagram is not None and self.draw is not None:
            self.diagram.show_figure(self.draw(self.session.document))

    def item_clicked(self, kind: str, item_id: int, _control: bool) -> None:
        """A click on an item in the diagram opens it in its list and form."""
        page = self.page_for(kind)
        if page is not None and kind == page.kind:
            page.select(item_id)

    def page_for(self, kind: str | None) -> StagePage | None:
        self.build()
        page = self.lists.get(kind or "") or next(iter(self.lists.values()))
        self.tabs.setCurrentWidget(page)
        return page


def _refs(document: Any, kind: str) -> dict[int, str]:
    """Each item's reference (J3, S7 …), numbered as the export numbers them."""
    info = KINDS[kind]
    return {
        item.id: f"{info.prefix}{n}" for n, item in enumerate(getattr(document, info.collection), 1)
    }


class JourneyMapPage(ToolPage):
    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Tools › Customer journey map"),
            self.tr(
                "The customer's journey end to end: every touchpoint and channel, front stage "
                "and back office, where it hurts and what could be better."
            ),
            (("journey_touchpoint", None),),
            lambda document: diagrams.journey_map(
                document.touchpoints, _refs(document, "journey_touchpoint")
            ),
            self.tr("Add touchpoints below: the journey map is drawn as you go."),
            "journey_map",
        )


class ProcessMapPage(ToolPage):
    def __init__(self, session: PortfolioSession) -> None:
        self.version = QComboBox()
        self.version.setObjectName("process_map.version")
        self.version.setAccessibleName(self.tr("Process map shown"))
        for value, text in PROCESS_VERSIONS.items():
            self.version.addItem(data_label(CHOICE_TEXT, text), value)
        super().__init__(
            session,
            self.tr("Tools › Swimlane process map"),
            self.tr(
                "Map the current process and the re-engineered one: a lane per role, the steps "
                "in order, the arrows between them (handoffs cross lanes) and the bottlenecks. "
                "Click a step to edit it; Ctrl+click another step to draw or remove an arrow to "
                "it."
            ),
            (("process_step", None), ("process_lane", None)),
            self._draw,
            self.tr("Add lanes (roles) and steps below: the map is drawn as you go."),
            "process_map",
        )
        self.header.addWidget(QLabel(self.tr("&Show:"), buddy=self.version))
        self.header.addWidget(self.version)
        self.version.currentIndexChanged.connect(self.redraw)

    def item_clicked(self, kind: str, item_id: int, control: bool) -> None:
        """Ctrl+click on a step draws an arrow to it from the selected step, or removes it."""
        steps = self.lists["process_step"]
        if not control or steps.selected_id is None or steps.selected_id == item_id:
            super().item_clicked(kind, item_id, control)
            return
        current = self.session.item("process_step", steps.selected_id)
        following = [step.id for step in current.next_steps]
        if item_id in following:
            following.remove(item_id)
        else:
            following.append(item_id)
        self.session.set_related("process_step", current.id, following)

    def _draw(self, document: Any) -> Figure | None:
        return diagrams.swimlane(
            self.version.currentData(),
            document.lanes,
            document.process_steps,
            _refs(document, "process_step"),
        )


#: Columns before the criteria in the score grid: the total and the rank, always in view.
TOTALS = 2


class ScoreGrid(QTableWidget):
    """Options × criteria: type a score (0–5) in a cell; totals and ranks follow."""

    def __init__(self, session: PortfolioSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("decision.scores")
        self.setAccessibleName(self.tr("Decision matrix scores"))
        self.options: list[Any] = []
        self.criteria: list[Any] = []
        self._loading = False
        self.itemChanged.connect(self._changed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(220)
        header.setStretchLastSection(True)

    def refresh(self) -> None:
        document = self.session.document
        self.options, self.criteria = list(document.options), list(document.criteria)
        weights = {c.id: c.weight for c in self.criteria}
        totals = {o.id: option_total(o, weights) for o in self.options}
        ranking = sorted(self.options, key=lambda o: -totals[o.id])
        self._loading = True
        self.clear()
        self.setRowCount(len(self.options))
        self.setColumnCount(len(self.criteria) + 2)
        self.setHorizontalHeaderLabels(
            [self.tr("Total"), self.tr("Rank")]
            + [f"{c.name}\n× {fmt(c.weight)}" for c in self.criteria]
        )
        self.setVerticalHeaderLabels([o.name + (" ✓" if o.chosen else "") for o in self.options])
        read_only = self.session.read_only
        for row, option in enumerate(self.options):
            scores = {s.criterion_id: s.score for s in option.scores}
            for column, criterion in enumerate(self.criteria):
                cell = QTableWidgetItem(fmt(scores[criterion.id]) if criterion.id in scores else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if read_only:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, TOTALS + column, cell)
            for offset, text in enumerate((fmt(totals[option.id]), str(ranking.index(option) + 1))):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, offset, cell)
        self._loading = False

    def _changed(self, cell: QTableWidgetItem) -> None:
        if self._loading or cell.column() < TOTALS:
            return
        option = self.options[cell.row()]
        criterion = self.criteria[cell.column() - TOTALS]
        if not self.session.set_score(option.id, criterion.id, cell.text().strip()):
            self.refresh()  # refused: show the stored value again


class DecisionPage(ToolPage):
    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Tools › Decision matrix"),
            self.tr(
                "Weigh the options against criteria: score each option 0–5 on each criterion "
                "in the grid (5 is best: for a cost or a risk, the cheapest or safest); weights "
                "multiply the scores; mark the option you chose and say why the others were "
                "rejected."
            ),
            (("decision_option", None), ("decision_criterion", None)),
            lambda document: diagrams.matrix_totals(document.options, document.criteria),
            self.tr("Add options and criteria below, then score them in the grid."),
            "decision",
        )

    def setup(self) -> None:
        self.grid = ScoreGrid(self.session)
        self.tabs.insertTab(0, self.grid, self.tr("Scores"))
        self.tabs.setCurrentIndex(0)

    def refresh(self) -> None:
        super().refresh()
        self.grid.refresh()


class KpiTrackerPage(ToolPage):
    draws = frozenset({"metric"})

    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Tools › KPI tracker"),
            self.tr(
                "Readings of your metrics over time, between the baseline and the result "
                "(the metrics themselves are on Review › Evaluation)."
            ),
            (("metric_reading", None),),
            lambda document: diagrams.kpi_trend(document.metrics, document.readings),
            self.tr(
                "Add readings below (and baselines and results on the Evaluation page): "
                "each metric's trend is drawn here."
            ),
            "kpi_tracker",
        )


class RaterPage(ToolPage):
    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Tools › RATER self-assessment"),
            self.tr(
                "Rate the service on the five RATER dimensions (1 poor – 5 excellent), each "
                "with the evidence behind the score; use it in your analysis."
            ),
            (("rater_score", None),),
            lambda document: diagrams.rater_profile(document.rater_scores),
            self.tr("Add a score for each dimension below: the profile is drawn here."),
            "rater",
        )


class CasesPage(ToolPage):
    """Cases on the left, the techniques of the selected case on the right."""

    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Tools › Complaint case log"),
            self.tr(
                "Complex customer issues and how they were resolved: the techniques applied "
                "and why, the customer's requirements, the organisation's constraints, and how "
                "the solution met both."
            ),
            (("complaint_case", None), ("case_technique", "case_id")),
            stage="complaint_cases",
        )

    def setup(self) -> None:
        cases, techniques = self.lists["complaint_case"], self.lists["case_technique"]
        self.tabs.clear()
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(cases)
        side.addWidget(techniques)
        side.setSizes([460, 300])
        cases.show()
        techniques.show()
        self.tabs.insertTab(0, side, self.tr("Cases and techniques"))
        self.tabs.setCurrentIndex(0)
        cases.shown.connect(techniques.set_scope)
        techniques.set_scope(cases.selected_id)

    def page_for(self, kind: str | None) -> StagePage | None:
        self.build()
        self.tabs.setCurrentIndex(0)
        return self.lists.get(kind or "", self.lists["complaint_case"])


class LegislationPage(ToolPage):
    def __init__(self, session: PortfolioSession) -> None:
        super().__init__(
            session,
            self.tr("Tools › Legislation and standards"),
            self.tr(
                "Tie actions and findings to the laws and standards in the library (see the "
                "Unit guide for what each requires) and justify how compliance is ensured."
            ),
            (("legislation_link", None),),
            stage="legislation",
        )

    def setup(self) -> None:
        self.entry = QLabel()
        self.entry.setObjectName("legislation.entry")
        self.entry.setWordWrap(True)
        self.entry.setTextFormat(Qt.TextFormat.PlainText)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.entry.setStyleSheet("background: #f8fafc; padding: 8px; border: 1px solid #e5e7eb;")
        self.body.addWidget(self.entry)
        self.body.setSizes([480, 190])
        self.lists["legislation_link"].shown.connect(self._show_entry)

    def _show_entry(self, link_id: int | None) -> None:
        """What the chosen law or standard requires, to write the justification against."""
        link = self.session.item("legislation_link", link_id) if link_id is not None else None
        entry = load_library().get(link.entry_id) if link is not None else None
        if entry is None:
            self.entry.setText(self.tr("Choose a law or standard to see what it requires."))
            return
        requires = "\n".join(f"• {line}" for line in entry.requires)
        status = (
            ""
            if entry.current
            else "\n" + self.tr("No longer current: {0}.").format(entry.status_text())
        )
        self.entry.setText(f"{entry.title}: {entry.summary}{status}\n{requires}")
