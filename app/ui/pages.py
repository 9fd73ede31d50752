"""The pages that are not item lists: learner details, evaluation narrative, declaration,
evidence and the unit guide."""

from __future__ import annotations

import datetime as dt
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.catalogue import Unit
from app.catalogue.legislation import load_library
from app.checker.text import word_count
from app.formatting import human_size
from app.models import Portfolio
from app.store import Change
from app.store.fields import format_date, validate_field
from app.ui import attach_prompt
from app.ui.item_form import INVALID_STYLE, _TextBox
from app.ui.mapping_box import MappingBox
from app.ui.session import PortfolioSession
from app.ui.stage_page import StagePage
from app.ui.thumbnails import thumbnail


def _title(text: str, about: str) -> list[QWidget]:
    heading = QLabel(text)
    heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
    description = QLabel(about)
    description.setWordWrap(True)
    description.setStyleSheet("color: #4b5563;")
    return [heading, description]


class DetailsPage(QWidget):
    FIELDS = (
        ("learner_name", QT_TRANSLATE_NOOP("DetailsPage", "Learner name")),
        ("candidate_number", QT_TRANSLATE_NOOP("DetailsPage", "Candidate / enrolment number")),
        ("centre_name", QT_TRANSLATE_NOOP("DetailsPage", "Centre name")),
        ("centre_number", QT_TRANSLATE_NOOP("DetailsPage", "Centre number")),
        ("assessor_name", QT_TRANSLATE_NOOP("DetailsPage", "Assessor")),
        ("qualification_title", QT_TRANSLATE_NOOP("DetailsPage", "Qualification")),
        ("workplace", QT_TRANSLATE_NOOP("DetailsPage", "Workplace / organisation")),
        ("started_on", QT_TRANSLATE_NOOP("DetailsPage", "Started on")),
        ("submission_due_on", QT_TRANSLATE_NOOP("DetailsPage", "Submission due")),
    )

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        for widget in _title(
            self.tr("Learner details"),
            self.tr(
                "Who the portfolio belongs to, where it is assessed and the organisation the "
                "evidence comes from."
            ),
        ):
            layout.addWidget(widget)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name, source in self.FIELDS:
            text = self.tr(source)
            edit = QLineEdit()
            edit.setObjectName(f"details.{name}")
            edit.setAccessibleName(text)
            if name.endswith("_on"):
                edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
            edit.editingFinished.connect(lambda n=name, e=edit: self._commit(n, e))
            label = QLabel(f"&{text}")
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b91c1c;")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        portfolio = self.session.document
        for name, edit in self.edits.items():
            edit.setReadOnly(self.session.read_only)
            if not edit.hasFocus():
                value = getattr(portfolio, name)
                edit.setText(format_date(value) if isinstance(value, dt.date) else (value or ""))

    def apply(self, change: Change) -> bool:
        if change.kind == "portfolio":
            self.refresh()
        return True

    def _commit(self, name: str, edit: QLineEdit) -> None:
        value, message = validate_field("portfolio", Portfolio, name, edit.text())
        if name == "learner_name" and not edit.text().strip():
            message = self.tr("the learner's name is required")
        if message:
            edit.setStyleSheet(INVALID_STYLE)
            self.problem.setText(self.tr("{0}. Not saved.").format(message))
            return
        edit.setStyleSheet("")
        self.problem.clear()
        if value != getattr(self.session.document, name):
            self.session.update_details(**{name: value})


class EvaluationPage(QWidget):
    """Metrics (before/after) above the evaluation narrative, with a word count."""

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.metrics = StagePage(session, "metric")
        narrative = QWidget()
        box = QVBoxLayout(narrative)
        label = QLabel(
            self.tr(
                "Eva&luation narrative: what changed, how you know, what you reported "
                "and to whom, and what you would do differently"
            )
        )
        label.setWordWrap(True)
        self.text = _TextBox()
        self.text.setObjectName("evaluation_narrative")
        self.text.setAccessibleName(self.tr("Evaluation narrative"))
        self.text.setMaximumHeight(16777215)
        label.setBuddy(self.text)
        self.words = QLabel()
        self.words.setObjectName("wordCount")
        self.text.textChanged.connect(self._count)
        self.text.committed.connect(self._commit)
        box.addWidget(label)
        box.addWidget(self.text, 1)
        box.addWidget(self.words)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.metrics)
        splitter.addWidget(narrative)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        self.metrics.refresh()
        self.text.setReadOnly(self.session.read_only)
        if not self.text.hasFocus():
            self.text.set_text(self.session.document.evaluation_narrative)
        self._count()

    def apply(self, change: Change) -> bool:
        if not self.metrics.apply(change):
            return False
        if change.kind == "portfolio" and not self.text.hasFocus():
            self.text.set_text(self.session.document.evaluation_narrative)
            self._count()
        return True

    def _count(self) -> None:
        count = word_count(self.text.toPlainText())
        self.words.setText(self.tr("%n word(s)", "", count))

    def _commit(self) -> None:
        text = self.text.toPlainText()
        if text != self.session.document.evaluation_narrative:
            self.session.update_details(evaluation_narrative=text)


class DeclarationPage(QWidget):
    submitRequested = Signal()

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        for widget in _title(
            self.tr("Declaration of authenticity"),
            self.tr("Type your name and the date to sign. It is part of every export."),
        ):
            layout.addWidget(widget)
        self.statement = QLabel()  # the declaration's wording as the portfolio holds it
        self.statement.setObjectName("declaration.statement")
        self.statement.setWordWrap(True)
        self.statement.setStyleSheet("font-size: 11pt; padding: 8px; background: #f9fafb;")
        layout.addWidget(self.statement)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("declaration.name")
        self.name.setAccessibleName(self.tr("Your name (signature)"))
        self.date = QLineEdit()
        self.date.setObjectName("declaration.date")
        self.date.setAccessibleName(self.tr("Date signed"))
        self.date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        form.addRow(self.tr("Your &name"), self.name)
        form.addRow(self.tr("&Date"), self.date)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.sign = QPushButton(self.tr("&Sign declaration"))
        self.sign.setObjectName("declaration.sign")
        self.sign.clicked.connect(self._sign)
        today = QPushButton(self.tr("&Today"))
        today.clicked.connect(lambda: self.date.setText(format_date(dt.date.today())))
        row.addWidget(self.sign)
        row.addWidget(today)
        row.addStretch(1)
        self.submit = QPushButton(self.tr("Su&bmit portfolio…"))
        self.submit.setObjectName("declaration.submit")
        self.submit.setToolTip(
            self.tr("Confirm the declaration and freeze this version for assessment")
        )
        self.submit.clicked.connect(self.submitRequested)
        row.addWidget(self.submit)
        layout.addLayout(row)
        self.state = QLabel()
        self.state.setObjectName("declaration.state")
        layout.addWidget(self.state)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        declaration = self.session.document.declaration
        if declaration is None:
            return
        self.statement.setText(declaration.statement)
        for widget in (self.name, self.date):
            widget.setReadOnly(self.session.read_only)
        self.sign.setEnabled(not self.session.read_only)
        self.submit.setEnabled(not self.session.read_only)
        if not self.name.hasFocus():
            self.name.setText(declaration.signed_name)
        if not self.date.hasFocus():
            self.date.setText(format_date(declaration.signed_on) if declaration.signed_on else "")
        self.state.setText(
            self.tr("Signed by {0} on {1}.").format(
                declaration.signed_name, f"{declaration.signed_on:%d %B %Y}"
            )
            if declaration.is_signed
            else self.tr("Not signed yet.")
        )

    def apply(self, change: Change) -> bool:
        if change.kind == "declaration":
            self.refresh()
        return True

    def _sign(self) -> None:
        self.session.sign_declaration(self.name.text(), self.date.text())


class EvidencePage(QWidget):
    """Evidence files in the portfolio: add (or drop) files, open them, map them."""

    filesDropped = Signal(list)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        for widget in _title(
            self.tr("Evidence"),
            self.tr(
                "Photos, documents and exports kept inside the portfolio. Drop files here or "
                "use Add files. Map each one to the marking points it shows, saying how."
            ),
        ):
            layout.addWidget(widget)
        row = QHBoxLayout()
        self.add = QPushButton(self.tr("&Add files…"))
        self.add.setObjectName("evidence.add")
        self.add.clicked.connect(self._choose)
        self.open = QPushButton(self.tr("&Open"))
        self.open.clicked.connect(self._open_selected)
        row.addWidget(self.add)
        row.addWidget(self.open)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy = QProgressBar()
        self.busy.setObjectName("evidence.progress")
        self.busy.setVisible(False)
        session.importProgress.connect(self._importing)
        session.importFinished.connect(lambda: self.busy.setVisible(False))
        layout.addWidget(self.busy)
        self._thumbnails: dict[str, QIcon] = {}
        #: Folders of downscaled photo copies, removed with the page.
        self._downscaled: list[tempfile.TemporaryDirectory] = []
        self.list = QListWidget()
        self.list.setIconSize(QSize(48, 48))
        self.list.setObjectName("evidence.list")
        self.list.setAccessibleName(self.tr("Evidence files"))
        layout.addWidget(self.list, 1)
        self.mapping = MappingBox(session, "evidence_file", "evidence")
        layout.addWidget(self.mapping)
        self.list.currentItemChanged.connect(lambda *_: self.mapping.show_item(self._selected()))
        self.refresh()

    def refresh(self) -> None:
        self.add.setEnabled(not self.session.read_only)
        self.setAcceptDrops(not self.session.read_only)
        self.mapping.setVisible(not self.session.read_only)
        selected = self._selected()
        self.list.clear()
        mapped: dict[int, list[str]] = {}
        for link in self.session.document.evidence_links:
            if link.evidence_file_id:
                mapped.setdefault(link.evidence_file_id, []).append(
                    link.marking_point_id.rsplit(".", 1)[-1]
                )
        for number, item in enumerate(self.session.document.evidence_files, start=1):
            points = ", ".join(mapped.get(item.id, [])) or self.tr("not mapped")
            entry = QListWidgetItem(
                self.tr("E{0}  {1}   ({2}, {3}) — {4}").format(
                    number, item.original_name, item.media_type, human_size(item.size), points
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            if item.is_image:
                entry.setIcon(self._thumbnail(item.id, item.blob_sha256))
            self.list.addItem(entry)
            if item.id == selected:
                self.list.setCurrentItem(entry)
        self.mapping.show_item(self._selected())

    def apply(self, change: Change) -> bool:
        return change.kind not in {"evidence_file", "evidence_link"}

    def _thumbnail(self, file_id: int, sha256: str) -> QIcon:
        """A small picture of an image file, made once per content."""
        if sha256 not in self._thumbnails:
            picture = thumbnail(self.session.store, sha256, 96)
            self._thumbnails[sha256] = QIcon(QPixmap.fromImage(picture))
        return self._thumbnails[sha256]

    def _importing(self, index: int, total: int, name: str) -> None:
        self.busy.setVisible(True)
        self.busy.setRange(0, total)
        self.busy.setValue(index - 1)
        self.busy.setFormat(self.tr("Adding {0} ({1} of {2})…").format(name, index, total))

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Add files as evidence, after asking what to do if they make the portfolio too big
        to email."""
        prepared = attach_prompt.prepare(self, self.session.path, paths, self._downscaled)
        if prepared:
            self.filesDropped.emit(prepared)

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)

    def _open_selected(self) -> None:
        file_id = self._selected()
        if file_id is None:
            return
        item = self.session.item("evidence_file", file_id)
        target = self.session.export_evidence_copy(file_id, item.original_name)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


class UnitGuidePage(QTextBrowser):
    """The unit's own guide (its text is the unit's, as written) under translated headings."""

    def __init__(self, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitGuide")
        self.setAccessibleName(self.tr("Unit guide"))
        self.setOpenExternalLinks(False)
        headings = {
            "concepts": self.tr("Key concepts"),
            "points": self.tr("Examiner marking points"),
            "tips": self.tr("Exam tips"),
            "mistakes": self.tr("Common mistakes to avoid"),
            "law": self.tr("Legislation and standards"),
            "repealed": self.tr("No longer current: do not cite"),
            "advice": self.tr("Plain-English summaries, not legal advice."),
        }
        h = {key: escape(text) for key, text in headings.items()}
        parts = [
            f"<h1>{escape(unit.title)}</h1>",
            f"<p style='color:#4b5563'>{escape(unit.qualification)} · {escape(unit.id)}</p>",
            f"<p>{escape(unit.synopsis)}</p>",
            f"<h2>{h['concepts']}</h2><ul>",
        ]
        parts += [f"<li><b>{escape(c.term)}</b>: {escape(c.text)}</li>" for c in unit.key_concepts]
        parts.append(f"</ul><h2>{h['points']}</h2><ol>")
        parts += [f"<li>{escape(p.text)}</li>" for p in unit.marking_points]
        parts.append(f"</ol><h2>{h['tips']}</h2><ul>")
        parts += [f"<li>{escape(tip)}</li>" for tip in unit.exam_tips]
        parts.append(f"</ul><h2>{h['mistakes']}</h2><ul>")
        parts += [f"<li>{escape(m.text)}</li>" for m in unit.misconceptions]
        parts.append(f"</ul><h2>{h['law']}</h2>")
        library = load_library().values()
        for entry in (e for e in library if e.current):
            parts.append(f"<h3>{escape(entry.title)}</h3><p>{escape(entry.summary)}</p><ul>")
            parts += [f"<li>{escape(line)}</li>" for line in entry.requires]
            parts.append("</ul>")
        parts.append(f"<h3>{h['repealed']}</h3><ul>")
        parts += [f"<li>{escape(e.status_text())}.</li>" for e in library if not e.current]
        parts.append("</ul>")
        parts.append(f"<p style='color:#6b7280'>{h['advice']}</p>")
        self.setHtml("".join(parts))
