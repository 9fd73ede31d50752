"""The welcome window: recent portfolios, a new one, or the demo; the first time (no recent
portfolios), a start panel offering a new portfolio, opening one, the demo and the unit
guides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import Unit, load_catalogue
from app.paths import data_dir
from app.ui.pages import UnitGuidePage
from app.ui.wizard import NewPortfolioWizard


class WelcomeWindow(QWidget):
    """Emits chosen(path) when the learner picks or creates a portfolio."""

    chosen = Signal(object)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Welcome — Folio"))
        title = QLabel(self.tr("Folio"))
        title.setStyleSheet("font-size: 26pt; font-weight: 700;")
        about = QLabel(
            self.tr(
                "Build your customer service portfolio, stage by stage, and check it "
                "against the examiner's marking points before you send it."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet("color: #4b5563; font-size: 11pt;")
        self.recent = QListWidget()
        self.recent.setObjectName("welcome.recent")
        self.recent.setAccessibleName(self.tr("Recent portfolios"))
        for entry in settings.value("recentFiles", [], list):
            path = Path(entry)
            item = QListWidgetItem(f"{path.stem}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(entry)
            if not path.exists():
                item.setText(self.tr("{0}  (missing)\n{1}").format(path.stem, path.parent))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(
            lambda item: self.chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.buttons: dict[str, QPushButton] = {}
        choices = (
            (
                "new",
                self.tr("&New portfolio…"),
                self.tr("Choose your unit and give your name: Folio sets out its stages."),
                self.new_portfolio,
            ),
            (
                "open",
                self.tr("&Open…"),
                self.tr("A portfolio saved before, from this computer or a USB stick."),
                self.open_file,
            ),
            (
                "demo",
                self.tr("Open the &demo"),
                self.tr("A finished example portfolio to look around; it is a copy to try."),
                self.open_demo,
            ),
        )
        for key, text, _about, slot in choices:
            button = QPushButton(text)
            button.setObjectName(f"welcome.{key}")
            button.setMinimumHeight(36)
            button.clicked.connect(slot)
            self.buttons[key] = button
        self.guide_dialog: QDialog | None = None
        body = QHBoxLayout()
        if self.recent.count():
            column = QVBoxLayout()
            for key, *_ in choices:
                column.addWidget(self.buttons[key])
            column.addStretch(1)
            recent_box = QVBoxLayout()
            recent_label = QLabel(self.tr("&Recent portfolios"))
            recent_label.setBuddy(self.recent)
            recent_box.addWidget(recent_label)
            recent_box.addWidget(self.recent)
            body.addLayout(recent_box, 3)
            body.addLayout(column, 1)
        else:
            self.recent.hide()
            body.addWidget(self._start_panel(choices), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addLayout(body, 1)
        self.resize(760, 460 if self.recent.count() else 520)

    def _start_panel(self, choices: tuple[tuple[str, str, str, object], ...]) -> QWidget:
        """What a first start offers instead of an empty list of recent portfolios."""
        panel = QWidget()
        panel.setObjectName("welcome.start")
        grid = QGridLayout(panel)
        grid.setColumnStretch(1, 1)
        heading = QLabel(self.tr("Get started"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        grid.addWidget(heading, 0, 0, 1, 2)
        row = 1
        for key, _text, about, _slot in choices:
            self.buttons[key].setMinimumWidth(200)
            grid.addWidget(self.buttons[key], row, 0)
            note = QLabel(about)
            note.setWordWrap(True)
            note.setStyleSheet("color: #4b5563;")
            grid.addWidget(note, row, 1)
            row += 1
        guides = QLabel(self.tr("Unit guides: what each unit asks for, before you start"))
        guides.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 12px;")
        grid.addWidget(guides, row, 0, 1, 2)
        row += 1
        for unit in load_catalogue():
            button = QPushButton(self.tr("Guide: %1").replace("%1", unit.title))
            button.setObjectName(f"welcome.guide.{unit.id}")
            button.setToolTip(self.tr("{0} · {1}").format(unit.qualification, unit.id))
            button.setStyleSheet("text-align: left; padding: 4px 10px;")
            button.clicked.connect(lambda _=False, u=unit: self.show_guide(u))
            self.buttons[f"guide.{unit.id}"] = button
            grid.addWidget(button, row, 0, 1, 2)
            row += 1
        grid.setRowStretch(row, 1)
        return panel

    def show_guide(self, unit: Unit) -> None:
        """The unit's guide (marking points, tips, legislation) in a window of its own."""
        dialog = QDialog(self)
        dialog.setObjectName("welcome.guideDialog")
        dialog.setWindowTitle(self.tr("Unit guide — %1").replace("%1", unit.title))
        layout = QVBoxLayout(dialog)
        layout.addWidget(UnitGuidePage(unit, dialog))
        dialog.resize(860, 680)
        self.guide_dialog = dialog
        dialog.show()

    def new_portfolio(self) -> None:
        wizard = NewPortfolioWizard(self)
        if wizard.exec() and wizard.created is not None:
            self.chosen.emit(wizard.created)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open portfolio"), "", self.tr("Folio portfolios (*.folio)")
        )
        if path:
            self.chosen.emit(Path(path))

    def open_demo(self) -> None:
        from app.demo import DEMO_UNIT, ensure_demo_copy  # building it needs the whole demo

        self.chosen.emit(ensure_demo_copy(load_catalogue().get(DEMO_UNIT), data_dir()))
