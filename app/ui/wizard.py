"""New portfolio wizard: the unit (with its synopsis), the learner and centre, where to save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.catalogue import Catalogue, load_catalogue
from app.errors import FolioError
from app.paths import data_dir
from app.store import PortfolioStore
from app.store.evidence_io import safe_file_name


class UnitPage(QWizardPage):
    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose the unit"))
        self.setSubTitle(
            self.tr("The unit decides the marking points your portfolio is checked against.")
        )
        self.catalogue = catalogue
        self.units = QListWidget()
        self.units.setObjectName("wizard.units")
        self.units.setAccessibleName(self.tr("Units"))
        self.units.setWordWrap(True)
        self.units.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.units.setSpacing(3)
        for unit in catalogue:
            item = QListWidgetItem(f"{unit.title}\n{unit.id}")
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            self.units.addItem(item)
        self.synopsis = QTextBrowser()
        self.synopsis.setObjectName("wizard.synopsis")
        self.synopsis.setAccessibleName(self.tr("About the unit"))
        self.units.currentItemChanged.connect(self._show)
        self.units.currentItemChanged.connect(self.completeChanged)
        layout = QHBoxLayout(self)
        layout.addWidget(self.units, 1)
        layout.addWidget(self.synopsis, 1)
        self.units.setCurrentRow(0)

    def unit_id(self) -> str | None:
        item = self.units.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show(self) -> None:
        unit_id = self.unit_id()
        if unit_id is None:
            return
        unit = self.catalogue.get(unit_id)
        points = "".join(f"<li>{p.text}</li>" for p in unit.marking_points)
        heading = self.tr("Marking points")
        self.synopsis.setHtml(
            f"<h3>{unit.title}</h3><p>{unit.synopsis}</p><p><b>{heading}</b></p><ol>{points}</ol>"
        )

    def isComplete(self) -> bool:
        return self.unit_id() is not None


class LearnerPage(QWizardPage):
    FIELDS = (
        ("learner_name", QT_TRANSLATE_NOOP("LearnerPage", "Your &name (required)")),
        ("candidate_number", QT_TRANSLATE_NOOP("LearnerPage", "&Candidate / enrolment number")),
        ("centre_name", QT_TRANSLATE_NOOP("LearnerPage", "C&entre name")),
        ("centre_number", QT_TRANSLATE_NOOP("LearnerPage", "Centre n&umber")),
        ("assessor_name", QT_TRANSLATE_NOOP("LearnerPage", "&Assessor")),
        ("workplace", QT_TRANSLATE_NOOP("LearnerPage", "&Workplace / organisation")),
    )

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("About you and your centre"))
        self.setSubTitle(self.tr("These go on the cover sheet; you can change them later."))
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for name, source in self.FIELDS:
            label = self.tr(source)
            edit = QLineEdit()
            edit.setObjectName(f"wizard.{name}")
            edit.setAccessibleName(label.replace("&", ""))
            title = QLabel(label)
            title.setBuddy(edit)
            form.addRow(title, edit)
            self.edits[name] = edit
        self.edits["learner_name"].textChanged.connect(self.completeChanged)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def isComplete(self) -> bool:
        return bool(self.edits["learner_name"].text().strip())


class SavePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Where to keep it"))
        self.setSubTitle(
            self.tr("A portfolio is one .folio file: email it to your assessor when ready.")
        )
        self.path = QLineEdit()
        self.path.setObjectName("wizard.path")
        self.path.setAccessibleName(self.tr("File"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.path.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save portfolio as"),
            self.path.text(),
            self.tr("Folio portfolios (*.folio)"),
        )
        if chosen:
            self.path.setText(chosen if chosen.endswith(".folio") else f"{chosen}.folio")

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())


class NewPortfolioWizard(QWizard):
    """Creates the file itself when finished; ``created`` is its path."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New portfolio"))
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.setObjectName("newPortfolioWizard")
        self.catalogue = load_catalogue()
        self.folder = folder or data_dir()
        self.unit_page = UnitPage(self.catalogue)
        self.learner_page = LearnerPage()
        self.save_page = SavePage()
        for page in (self.unit_page, self.learner_page, self.save_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._suggest_path)
        self.created: Path | None = None
        self.resize(860, 560)

    def _suggest_path(self, page_id: int) -> None:
        if self.page(page_id) is self.save_page and not self.save_page.path.text():
            name = self.learner_page.values()["learner_name"] or self.tr("Portfolio")
            stem = safe_file_name(f"{name} - {self.unit_page.unit_id()}")
            self.save_page.path.setText(str(self.folder / f"{stem}.folio"))

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.save_page:
            return True
        path = Path(self.save_page.path.text().strip()).expanduser()
        if path.suffix != ".folio":
            path = path.with_name(path.name + ".folio")
        values = self.learner_page.values()
        unit = self.catalogue.get(self.unit_page.unit_id() or "")
        try:
            PortfolioStore.create(path, unit, **values).close()  # type: ignore[arg-type]
        except FolioError as error:
            self.save_page.problem.setText(error.message)
            return False
        self.created = path
        return True
