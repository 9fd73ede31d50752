"""The assessor's page: a judgement and feedback per marking point, then the decision and
its signed sign-off. Learners see the same page read-only, with the feedback. The decision's
trust (what verify found) is shown beside it; signing asks for the staff key's passphrase."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.checker import Location
from app.errors import FolioError
from app.models import KINDS
from app.models.vocab import ASSESSMENT_METHODS, label
from app.store.fields import format_date
from app.ui.comment_bank import BUILT_IN, CommentBank
from app.ui.iqa_report_dialog import IqaReportDialog
from app.ui.session import PortfolioSession
from app.ui.stage_page import FormArea
from app.ui.status_icons import status_icon, status_label
from app.ui.translations import CHOICE_TEXT, data_label, noun
from app.ui.wrapping import WrappingDelegate

JUDGEMENTS = {
    "": QT_TRANSLATE_NOOP("AssessmentPage", "Not judged"),
    "met": QT_TRANSLATE_NOOP("AssessmentPage", "Met"),
    "not-yet": QT_TRANSLATE_NOOP("AssessmentPage", "Not yet met"),
}
#: The assessor's decisions, as offered.
DECISIONS = {
    "competent": QT_TRANSLATE_NOOP("AssessmentPage", "Competent"),
    "refer": QT_TRANSLATE_NOOP("AssessmentPage", "Refer"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AssessmentPage", text)


#: Longest name of an item on an "open" button; the whole text is its tooltip.
LINK_TEXT = 60


def _short(text: str, length: int = LINK_TEXT) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


class _PointRow:
    """The widgets of one marking point on the page."""

    def __init__(self, page: AssessmentPage, point: Any, layout: QVBoxLayout) -> None:
        short = point.short_id
        # the marking point's own words, as the unit guide has them
        self.title = QLabel(f"<b>{short}</b> {point.text}")
        self.title.setObjectName(f"assess.{short}.title")
        self.title.setWordWrap(True)
        self.checker = QLabel()
        self.checker.setObjectName(f"assess.{short}.checker")
        self.checker.setWordWrap(True)
        self.checker.setStyleSheet("color: #4b5563; font-style: italic;")
        self.status = QLabel()
        self.judgement = QComboBox()
        self.judgement.setObjectName(f"assess.{short}.judgement")
        self.judgement.setAccessibleName(
            QCoreApplication.translate("AssessmentPage", "{0} judgement").format(short)
        )
        for value, text in JUDGEMENTS.items():
            self.judgement.addItem(_tr(text), value)
        self.feedback = QPlainTextEdit()
        self.feedback.setObjectName(f"assess.{short}.feedback")
        self.feedback.setAccessibleName(
            QCoreApplication.translate("AssessmentPage", "{0} feedback").format(short)
        )
        self.feedback.setPlaceholderText(
            QCoreApplication.translate("AssessmentPage", "Feedback to the learner")
        )
        self.feedback.setTabChangesFocus(True)
        self.feedback.setFixedHeight(64)
        self.feedback.installEventFilter(page)
        self.feedback.viewport().installEventFilter(page)
        self.evidence = QVBoxLayout()
        self.records = QVBoxLayout()
        for box in (self.evidence, self.records):
            box.setSpacing(0)
        self.links: list[QWidget] = []
        judged = QHBoxLayout()
        judged.addWidget(self.status)
        judged.addWidget(self.judgement)
        judged.addStretch(1)
        mapped = QFormLayout()
        mapped.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        mapped.addRow(QCoreApplication.translate("AssessmentPage", "Evidence:"), self.evidence)
        mapped.addRow(QCoreApplication.translate("AssessmentPage", "Records:"), self.records)
        layout.addWidget(self.title)
        layout.addWidget(self.checker)
        layout.addLayout(mapped)
        layout.addLayout(judged)
        layout.addWidget(self.feedback)
        layout.addSpacing(10)


class AssessmentPage(QWidget):
    """Per marking point: the evidence and records mapped to it (each opens in one click),
    what the checker found (advisory), the judgement and feedback; a comment bank beside."""

    #: Open an item the page lists (Location), as the marking points panel's links do.
    navigate = Signal(object)

    def __init__(
        self,
        session: PortfolioSession,
        parent: QWidget | None = None,
        bank: CommentBank | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.bank = bank or CommentBank()
        heading = QLabel(self.tr("Assessment"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #4b5563;")
        self.points: dict[str, _PointRow] = {}
        self.rows: dict[str, tuple[QComboBox, QPlainTextEdit, QLabel]] = {}
        #: the marking point whose feedback a phrase from the bank goes into
        self.target: str | None = None
        grid = QWidget()
        form = QVBoxLayout(grid)
        for point in session.unit.marking_points:
            row = _PointRow(self, point, form)
            self.points[point.id] = row
            self.rows[point.id] = (row.judgement, row.feedback, row.status)
        self.target = next(iter(self.points), None)
        self.record = QPushButton(self.tr("&Record judgements"))
        self.record.setObjectName("assess.record")
        self.record.clicked.connect(self._record)
        form.addWidget(self.record)
        decision_box = QFormLayout()
        decision_box.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.decision = QComboBox()
        self.decision.setObjectName("assess.decision")
        for value, text in DECISIONS.items():
            self.decision.addItem(self.tr(text), value)
        self.action_points = QPlainTextEdit()
        self.action_points.setObjectName("assess.action_points")
        self.action_points.setMaximumHeight(80)
        self.sign = QPushButton(self.tr("&Sign off…"))
        self.sign.setObjectName("assess.sign")
        self.sign.clicked.connect(self._sign)
        self.reopen = QPushButton(self.tr("&Reopen…"))
        self.reopen.setObjectName("assess.reopen")
        self.reopen.setToolTip(self.tr("Void the sign-off, saying why, to judge again"))
        self.reopen.clicked.connect(self._reopen)
        self.countersign = QPushButton(self.tr("&Countersign (IQA)…"))
        self.countersign.setObjectName("assess.countersign")
        self.countersign.clicked.connect(self._countersign)
        self.iqa_button = QPushButton(self.tr("IQA re&port…"))
        self.iqa_button.setObjectName("assess.iqa_report")
        self.iqa_button.setToolTip(
            self.tr("Report on this sampled portfolio: agree or disagree, signed with your key")
        )
        self.iqa_button.clicked.connect(self._open_iqa_report)
        self.iqa_dialog: IqaReportDialog | None = None
        self.iqa_state = QLabel()
        self.iqa_state.setObjectName("assess.iqa_state")
        self.iqa_state.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.sign, self.reopen, self.countersign, self.iqa_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.trust = QLabel()
        self.trust.setObjectName("assess.trust")
        self.trust.setWordWrap(True)
        self.key_state = QLabel()
        self.key_state.setObjectName("assess.key")
        self.key_state.setWordWrap(True)
        self.key_state.setStyleSheet("color: #4b5563;")
        decision_box.addRow(self.tr("&Decision"), self.decision)
        decision_box.addRow(self.tr("&Action points"), self.action_points)
        decision_box.addRow("", buttons)
        decision_box.addRow(self.tr("Signature"), self.trust)
        decision_box.addRow("", self.key_state)
        decision_box.addRow(self.tr("IQA"), self.iqa_state)
        form.addLayout(decision_box)
        self.problem = QLabel()
        self.problem.setObjectName("assess.problem")
        self.problem.setStyleSheet("color: #b91c1c;")
        form.addWidget(self.problem)
        form.addStretch(1)
        scroll = FormArea()
        scroll.setWidget(grid)
        self.bank_panel = self._bank_panel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.bank_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 230])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.about)
        layout.addWidget(self.splitter, 1)
        # filled by refresh() when first shown (the window marks every page to be filled)

    # -- the comment bank ---------------------------------------------------------------------

    def _bank_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("assess.bank")
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Comment bank"))
        title.setStyleSheet("font-weight: 600;")
        self.bank_target = QLabel()
        self.bank_target.setObjectName("assess.bankTarget")
        self.bank_target.setWordWrap(True)
        self.bank_target.setStyleSheet("color: #4b5563;")
        self.phrases = QTreeWidget()
        self.phrases.setObjectName("assess.phrases")
        self.phrases.setAccessibleName(self.tr("Comment bank: click a phrase to insert it"))
        self.phrases.setHeaderHidden(True)
        self.phrases.setRootIsDecorated(False)
        self.phrases.setIndentation(0)
        self.phrases.setWordWrap(True)
        self.phrases.setUniformRowHeights(False)
        self.phrases.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.phrases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.phrases.setItemDelegate(WrappingDelegate(self.phrases))
        self.phrases.itemClicked.connect(lambda item, _c: self.insert_phrase(item.text(0)))
        self.phrases.itemActivated.connect(lambda item, _c: self.insert_phrase(item.text(0)))
        self.new_phrase = QLineEdit()
        self.new_phrase.setObjectName("assess.newPhrase")
        self.new_phrase.setAccessibleName(self.tr("New phrase for the comment bank"))
        self.new_phrase.setPlaceholderText(self.tr("A phrase of your own"))
        self.new_phrase.returnPressed.connect(self.save_phrase)
        self.save_button = QPushButton(self.tr("Sa&ve to the bank"))
        self.save_button.setObjectName("assess.savePhrase")
        self.save_button.setToolTip(
            self.tr(
                "Keep this phrase for every portfolio you assess (saved on this computer, not "
                "in the portfolio); with the box empty, the text selected in the feedback is "
                "saved"
            )
        )
        self.save_button.clicked.connect(self.save_phrase)
        box.addWidget(title)
        box.addWidget(self.bank_target)
        box.addWidget(self.phrases, 1)
        box.addWidget(self.new_phrase)
        box.addWidget(self.save_button)
        self._fill_bank()
        return panel

    def _fill_bank(self) -> None:
        self.phrases.clear()
        for phrase in self.bank.phrases:
            if phrase in BUILT_IN:
                phrase = QCoreApplication.translate("CommentBank", phrase)
            item = QTreeWidgetItem(self.phrases, [phrase])
            item.setToolTip(0, phrase)
            if phrase in self.bank.own:
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("your phrase"))

    def _show_target(self) -> None:
        short = self.target.rsplit(".", 1)[-1] if self.target else ""
        self.bank_target.setText(
            self.tr("Click a phrase to add it to the {0} feedback.").format(short)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the feedback worked on last (focused, typed in or clicked) takes the next phrase
        if event.type() in {
            QEvent.Type.FocusIn,
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
        }:
            for point_id, row in self.points.items():
                if watched in (row.feedback, row.feedback.viewport()) and self.target != point_id:
                    self.target = point_id
                    self._show_target()
        return super().eventFilter(watched, event)

    def insert_phrase(self, phrase: str) -> None:
        """Add the phrase at the cursor of the feedback last worked on."""
        row = self.points.get(self.target or "")
        if row is None or row.feedback.isReadOnly():
            return
        box = row.feedback
        cursor = box.textCursor()
        before = box.toPlainText()[: cursor.position()]
        if before and not before.endswith((" ", "\n")):
            phrase = " " + phrase
        cursor.insertText(phrase)
        box.setTextCursor(cursor)
        box.setFocus()

    def save_phrase(self) -> None:
        phrase = self.new_phrase.text()
        if not phrase.strip():
            row = self.points.get(self.target or "")
            phrase = row.feedback.textCursor().selectedText() if row is not None else ""
        if self.bank.add(phrase):
            self.new_phrase.clear()
            self._fill_bank()

    def refresh(self) -> None:
        document = self.session.document
        current = document.current_submission
        role = self.session.store.role
        judged = document.judgements_for(current) if current is not None else {}
        decision = document.decision_for(current) if current is not None else None
        can_mark = role == "assessor" and current is not None and decision is None
        result = self.session.result  # None until the first verdict comes from the worker
        for point in result.points if result is not None else ():
            row = self.points[point.marking_point_id]
            row.status.setPixmap(status_icon(point.status).pixmap(16, 16))
            status = status_label(point.status)
            row.status.setToolTip(self.tr("Checker (advisory): {0}").format(status))
            found = " ".join(reason.text for reason in point.reasons)
            row.checker.setText(
                self.tr("Checker (advisory): {0} — {1}").format(status, found)
                if found
                else self.tr("Checker (advisory): {0}").format(status)
            )
        for point in self.session.unit.marking_points:
            row = self.points[point.id]
            self._show_links(row, point.id, point.short_id)
            record = judged.get(point.id)
            row.judgement.setCurrentIndex(
                row.judgement.findData(record.judgement if record else "")
            )
            if not row.feedback.hasFocus():
                row.feedback.setPlainText(record.feedback if record else "")
            row.judgement.setEnabled(can_mark)
            row.feedback.setReadOnly(not can_mark)
        self.bank_panel.setVisible(role == "assessor")
        self.bank_panel.setEnabled(can_mark)
        self._show_target()
        has_key = self.session.staff_certificate() is not None
        self.record.setEnabled(can_mark)
        self.sign.setEnabled(can_mark and has_key)
        self.decision.setEnabled(can_mark)
        self.action_points.setReadOnly(not can_mark)
        self.reopen.setEnabled(role != "learner" and decision is not None)
        self.countersign.setVisible(role == "iqa")
        self.countersign.setEnabled(role == "iqa" and decision is not None and has_key)
        self.iqa_button.setVisible(role == "iqa")
        self.iqa_button.setEnabled(role == "iqa" and decision is not None and has_key)
        self._show_iqa(current)
        self._show_key(role, has_key)
        self._show_trust(current)
        if current is None:
            self.about.setText(
                self.tr("Version {0} is a draft; an assessor marks a submitted version.").format(
                    document.draft_version
                )
                if document.submissions
                else self.tr(
                    "Nothing has been submitted yet; an assessor marks a submitted version."
                )
            )
        elif decision is not None:
            self.about.setText(
                self.tr("Version {0} was signed off by {1} on {2}: {3}.").format(
                    current.version,
                    decision.assessor_name,
                    f"{decision.signed_on:%d %B %Y}",
                    self.tr(DECISIONS.get(decision.decision, decision.decision)),
                )
            )
            self.decision.setCurrentIndex(self.decision.findData(decision.decision))
            self.action_points.setPlainText(decision.action_points)
        else:
            self.about.setText(
                self.tr("Version {0}, submitted by {1}. Digest {2}…").format(
                    current.version, current.submitted_by, current.digest[:16]
                )
            )

    def _show_links(self, row: _PointRow, point_id: str, short: str) -> None:
        """The evidence mapped to the point and the records that evidence it, as buttons
        that open each item where it is edited."""
        for widget in row.links:
            widget.setParent(None)  # out of the layout now, not at the next event loop
            widget.deleteLater()
        row.links = []
        document = self.session.document
        evidence = []
        for link in document.evidence_links:
            if link.marking_point_id != point_id:
                continue
            kind, item_id = link.target
            evidence.append((kind, item_id, link.justification))
        records = [
            ("assessment_record", record.id, record.activity)
            for record in document.records
            if short in record.points
        ]
        for layout, items in ((row.evidence, evidence), (row.records, records)):
            if not items:
                none = QLabel(self.tr("none mapped"))
                none.setStyleSheet("color: #6b7280; padding: 1px 4px;")
                layout.addWidget(none)
                row.links.append(none)
            for kind, item_id, about in items:
                name = self._item_name(kind, item_id)
                button = self._link_button(
                    name, Location(KINDS[kind].stage, kind, item_id, name), about
                )
                button.setObjectName(f"assess.{short}.open.{kind}.{item_id}")
                layout.addWidget(button)
                row.links.append(button)

    def _link_button(self, text: str, location: Location | None, about: str) -> QPushButton:
        button = QPushButton(_short(text))
        button.setFlat(True)
        button.setStyleSheet(
            "QPushButton { text-align: left; color: #1d4ed8; text-decoration: underline;"
            " padding: 1px 4px; }"
        )
        if location is not None:
            button.setAccessibleName(self.tr("Open {0}").format(text))
            button.setToolTip(self.tr("Open {0}").format(text) + (f"\n{about}" if about else ""))
            button.clicked.connect(lambda _c=False, at=location: self.navigate.emit(at))
        return button

    def _item_name(self, kind: str, item_id: int) -> str:
        """'AR2 Questioning, 12/10/2026', 'F3 what the customer said', 'E1 statement.pdf'."""
        info = KINDS[kind]
        items = list(getattr(self.session.document, KINDS[kind].collection))
        number = next((n for n, it in enumerate(items, 1) if it.id == item_id), 0)
        item = items[number - 1] if number else None
        if item is None:
            return f"{noun(kind)} #{item_id}"
        if kind == "assessment_record":
            when = f", {format_date(item.held_on)}" if item.held_on else ""
            method = data_label(CHOICE_TEXT, label(ASSESSMENT_METHODS, item.method))
            return f"{info.prefix}{number} {method}{when}"
        return f"{info.prefix}{number} {getattr(item, info.headline)}"

    def _show_key(self, role: str, has_key: bool) -> None:
        if role == "learner":
            self.key_state.clear()
        elif has_key:
            self.key_state.setText(self.tr("Signing as {0}.").format(self.session.signer_label()))
        else:
            self.key_state.setText(
                self.tr(
                    "No staff key for {0} on this machine: you can record judgements, but "
                    "signing off needs a key from your centre (folio key add)."
                ).format(self.session.staff_name or self.tr("you"))
            )

    def _show_trust(self, current) -> None:  # type: ignore[no-untyped-def]
        """The decision's signature as verify sees it: verified, unsigned or altered."""
        if current is None or self.session.document.decision_for(current) is None:
            self.trust.setText(self.tr("Not signed off."))
            self.trust.setStyleSheet("color: #4b5563;")
            return
        report = self.session.verification()
        version = next((v for v in report.versions if v.version == current.version), None)
        text = report.trust() if report.altered or version is None else version.trust()
        good = text.startswith("signed by")
        self.trust.setText(text)
        self.trust.setStyleSheet("color: #15803d;" if good else "color: #b91c1c; font-weight: 600;")

    def _passphrase(self, action: str) -> str | None:
        """Ask for the staff key's passphrase (never echoed); None when cancelled."""
        text, ok = QInputDialog.getText(
            self,
            action,
            self.tr("Passphrase for {0}:").format(self.session.signer_label()),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _record(self) -> None:
        values = {
            point_id: (judgement.currentData(), feedback.toPlainText())
            for point_id, (judgement, feedback, _status) in self.rows.items()
        }
        self._run(lambda: self.session.assess(values))

    def _sign(self) -> None:
        self._record()
        if self.problem.text():
            return
        passphrase = self._passphrase(self.tr("Sign off"))
        if passphrase is not None:
            self._run(
                lambda: self.session.sign_off(
                    self.decision.currentData(), self.action_points.toPlainText(), passphrase
                )
            )
        self.refresh()

    def _reopen(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Reopen"), self.tr("Why reopen this decision? (kept in the record)")
        )
        if not ok:
            return
        passphrase = self._passphrase(self.tr("Reopen")) if self.session.staff_certificate() else ""
        if passphrase is not None:
            self._run(lambda: self.session.reopen(reason, passphrase))
        self.refresh()

    def _countersign(self) -> None:
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Countersign"), self.tr("IQA comment (optional)")
        )
        if not ok:
            return
        passphrase = self._passphrase(self.tr("Countersign"))
        if passphrase is not None:
            self._run(lambda: self.session.countersign(comment, passphrase))
        self.refresh()

    def _show_iqa(self, current) -> None:  # type: ignore[no-untyped-def]
        """The IQA's reports on the version shown, in a line each."""
        reports = [
            r
            for r in self.session.document.iqa_reports
            if current is not None and r.version == current.version
        ]
        self.iqa_state.setText(
            "\n".join(
                self.tr("Reported by {0} on {1}: {2} with the decision.").format(
                    r.iqa_name,
                    format_date(r.sampled_on),
                    self.tr("agrees") if r.agrees else self.tr("disagrees"),
                )
                + (
                    " " + self.tr("Action points: {0}").format(r.action_points)
                    if r.action_points
                    else ""
                )
                for r in reports
            )
            or self.tr("Not sampled yet.")
        )

    def _open_iqa_report(self) -> None:
        """Open the report form (kept, with what was typed, until the report is signed)."""
        if self.iqa_dialog is None:
            self.iqa_dialog = IqaReportDialog(self)
            self.iqa_dialog.accepted.connect(self._sign_iqa_report)
        self.iqa_dialog.open()

    def _sign_iqa_report(self) -> None:
        dialog = self.iqa_dialog
        assert dialog is not None
        passphrase = self._passphrase(self.tr("IQA report"))
        if passphrase is None:
            dialog.open()
            return
        try:
            self.session.iqa_report(*dialog.values(), passphrase)
        except FolioError as error:
            dialog.problem.setText(error.message)
            dialog.open()
            return
        self.iqa_dialog = None
        dialog.deleteLater()
        self.problem.clear()
        self.refresh()

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except FolioError as error:
            self.problem.setText(error.message)
            return
        self.problem.clear()
