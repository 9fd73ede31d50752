"""The welcome window: recent portfolios, a new one, or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import load_catalogue
from app.demo import DEMO_UNIT, ensure_demo_copy
from app.paths import data_dir
from app.ui.wizard import NewPortfolioWizard


class WelcomeWindow(QWidget):
    """Emits chosen(path) when the learner picks or creates a portfolio."""

    chosen = Signal(object)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("welcome")
        self.setWindowTitle("Welcome — Folio")
        title = QLabel("Folio")
        title.setStyleSheet("font-size: 26pt; font-weight: 700;")
        about = QLabel(
            "Build your customer service portfolio, stage by stage, and check it "
            "against the examiner's marking points before you send it."
        )
        about.setWordWrap(True)
        about.setStyleSheet("color: #4b5563; font-size: 11pt;")
        self.recent = QListWidget()
        self.recent.setObjectName("welcome.recent")
        self.recent.setAccessibleName("Recent portfolios")
        for entry in settings.value("recentFiles", [], list):
            path = Path(entry)
            item = QListWidgetItem(f"{path.stem}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(entry)
            if not path.exists():
                item.setText(f"{path.stem}  (missing)\n{path.parent}")
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(
            lambda item: self.chosen.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, slot in (
            ("new", "&New portfolio…", self.new_portfolio),
            ("open", "&Open…", self.open_file),
            ("demo", "Open the &demo", self.open_demo),
        ):
            button = QPushButton(text)
            button.setObjectName(f"welcome.{key}")
            button.setMinimumHeight(36)
            button.clicked.connect(slot)
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)
        body = QHBoxLayout()
        recent_box = QVBoxLayout()
        recent_label = QLabel("&Recent portfolios")
        recent_label.setBuddy(self.recent)
        recent_box.addWidget(recent_label)
        recent_box.addWidget(self.recent)
        body.addLayout(recent_box, 3)
        body.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addLayout(body, 1)
        self.resize(760, 460)

    def new_portfolio(self) -> None:
        wizard = NewPortfolioWizard(self)
        if wizard.exec() and wizard.created is not None:
            self.chosen.emit(wizard.created)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open portfolio", "", "Folio portfolios (*.folio)"
        )
        if path:
            self.chosen.emit(Path(path))

    def open_demo(self) -> None:
        self.chosen.emit(ensure_demo_copy(load_catalogue().get(DEMO_UNIT), data_dir()))
