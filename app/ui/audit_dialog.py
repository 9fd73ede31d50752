"""The audit trail: every change, submission and assessment, with who and when, in plain
words ("Mapped survey.csv to MP1") rather than the store's own codes."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import KINDS, Portfolio
from app.models.audit import AuditEntry
from app.store.fields import format_date
from app.ui.forms import FORMS, field_label
from app.ui.translations import noun

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

#: What each action did, as a verb; {0} is what it was done to.
VERBS: Mapping[str, str] = {
    "create": QT_TRANSLATE_NOOP("AuditDialog", "Created the portfolio"),
    "add": QT_TRANSLATE_NOOP("AuditDialog", "Added {0}"),
    "update": QT_TRANSLATE_NOOP("AuditDialog", "Edited {0}"),
    "delete": QT_TRANSLATE_NOOP("AuditDialog", "Deleted {0}"),
    "restore": QT_TRANSLATE_NOOP("AuditDialog", "Restored {0}"),
    "move": QT_TRANSLATE_NOOP("AuditDialog", "Moved {0}"),
    "relate": QT_TRANSLATE_NOOP("AuditDialog", "Linked {0}"),
    "attach": QT_TRANSLATE_NOOP("AuditDialog", "Attached {0}"),
    "map": QT_TRANSLATE_NOOP("AuditDialog", "Mapped {0}"),
    "score": QT_TRANSLATE_NOOP("AuditDialog", "Scored {0}"),
    "sign": QT_TRANSLATE_NOOP("AuditDialog", "Signed the declaration"),
    "submit": QT_TRANSLATE_NOOP("AuditDialog", "Submitted the portfolio"),
    "new-draft": QT_TRANSLATE_NOOP("AuditDialog", "Started a new draft"),
    "assess": QT_TRANSLATE_NOOP("AuditDialog", "Assessed {0}"),
    "sign-off": QT_TRANSLATE_NOOP("AuditDialog", "Signed off the assessment"),
    "reopen": QT_TRANSLATE_NOOP("AuditDialog", "Reopened the assessment"),
    "countersign": QT_TRANSLATE_NOOP("AuditDialog", "Countersigned the assessment"),
    "iqa-report": QT_TRANSLATE_NOOP("AuditDialog", "Reported on the sampled assessment (IQA)"),
    "compact": QT_TRANSLATE_NOOP("AuditDialog", "Tidied the evidence store"),
}


#: The details an entry of a submission or sign-off shows, by their names.
DETAIL_NAMES: Mapping[str, str] = {
    "decision": QT_TRANSLATE_NOOP("AuditDialog", "Decision"),
    "reason": QT_TRANSLATE_NOOP("AuditDialog", "Reason"),
    "comment": QT_TRANSLATE_NOOP("AuditDialog", "Comment"),
}


def _tr(text: str) -> str:
    """``text``, one of the AuditDialog strings marked above, translated."""
    return QCoreApplication.translate("AuditDialog", text)


def _point(marking_point: object) -> str:
    """'continuous-improvement.MP1' -> 'MP1'."""
    return str(marking_point).rsplit(".", 1)[-1]


class ItemNames:
    """How the learner knows each item ('feedback F2', 'survey.csv'), by its audit target
    ('feedback_item:7'); an item deleted since is named by its kind alone."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.names: dict[str, str] = {}
        for kind, info in KINDS.items():
            for number, item in enumerate(getattr(portfolio, info.collection, ()), start=1):
                if kind == "evidence_file":
                    name = item.original_name
                elif info.prefix:
                    name = f"{noun(kind)} {info.prefix}{number}"
                else:
                    headline = getattr(item, info.headline, "") or ""
                    name = f"{noun(kind)} “{headline}”" if headline else f"{noun(kind)} {number}"
                self.names[f"{kind}:{item.id}"] = name

    def __call__(self, target: str) -> str:
        if target in self.names:
            return self.names[target]
        kind = target.split(":", 1)[0]
        if kind == "portfolio":
            return QCoreApplication.translate("AuditDialog", "the learner details")
        return QCoreApplication.translate("AuditDialog", "a {0} since deleted").format(noun(kind))


def _field_label(kind: str, name: str) -> str:
    spec = next((spec for spec in FORMS.get(kind, ()) if spec.name == name), None)
    return field_label(spec) if spec else name.replace("_", " ").capitalize()


def _short(value: Any, limit: int = 60) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditDialog", "yes")
            if value
            else QCoreApplication.translate("AuditDialog", "no")
        )
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return format_date(dt.date.fromisoformat(value))
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(entry: AuditEntry, names: ItemNames) -> tuple[str, str]:
    """(what happened, the details) for one entry, in plain words."""
    try:
        detail = json.loads(entry.detail) if entry.detail else {}
    except json.JSONDecodeError:
        detail = {"": entry.detail}
    if not isinstance(detail, dict):
        detail = {"": detail}
    kind = entry.target.split(":", 1)[0]
    subject = names(entry.target)
    action = entry.action
    details = ""
    if action == "delete" and entry.target not in names.names:
        what = QCoreApplication.translate("AuditDialog", "Deleted a {0}").format(noun(kind))
    elif action == "map":
        what = QCoreApplication.translate("AuditDialog", "Mapped {0} to {1}").format(
            names(str(detail.get("target", ""))), _point(detail.get("marking_point", ""))
        )
    elif action == "relate":
        others = [names(f"{other}:{item_id}") for other, ids in detail.items() for item_id in ids]
        what = (
            QCoreApplication.translate("AuditDialog", "Linked {0} to {1}").format(
                subject, ", ".join(others)
            )
            if others
            else QCoreApplication.translate("AuditDialog", "Unlinked everything from {0}").format(
                subject
            )
        )
    elif action == "move":
        what = QCoreApplication.translate("AuditDialog", "Moved {0} to place {1}").format(
            subject, int(detail.get("to", 0)) + 1
        )
    elif action == "assess":
        what = QCoreApplication.translate("AuditDialog", "Assessed {0} as {1}").format(
            _point(detail.get("marking_point", "")), detail.get("judgement", "")
        )
        details = _short(detail.get("comment", ""), 120)
    elif action in {"submit", "new-draft", "sign-off", "reopen", "countersign", "iqa-report"}:
        what = _tr(VERBS[action])
        if "version" in detail:
            what += QCoreApplication.translate("AuditDialog", " (version {0})").format(
                detail["version"]
            )
        extra = {k: v for k, v in detail.items() if k in {"decision", "reason", "comment"}}
        details = "; ".join(f"{_tr(DETAIL_NAMES[k])}: {_short(v, 120)}" for k, v in extra.items())
    elif action == "score":
        what = QCoreApplication.translate("AuditDialog", "Scored {0} on {1}: {2}").format(
            subject, names(f"decision_criterion:{detail.get('criterion')}"), detail.get("score")
        )
    elif action == "compact":
        what = _tr(VERBS[action])
        # AuditDialog.tr: plural forms are read from tr() calls only
        details = AuditDialog.tr("%n unused file(s) removed", "", int(detail.get("removed", 0)))
    elif action == "attach":
        what = QCoreApplication.translate("AuditDialog", "Attached {0}").format(
            detail.get("name") or subject
        )
    elif action in VERBS:
        what = _tr(VERBS[action]).format(subject)
        if action in {"add", "update", "create", "sign"}:
            details = "; ".join(
                f"{_field_label(kind, name)}: {_short(value)}"
                for name, value in detail.items()
                if value not in (None, "")
            )
    else:
        what = f"{action.replace('-', ' ').capitalize()} {subject}"
        details = "; ".join(f"{k}: {_short(v)}" for k, v in detail.items())
    return what, details


class AuditDialog(QDialog):
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        self.setObjectName("auditDialog")
        entries = list(reversed(portfolio.audit_entries))
        names = ItemNames(portfolio)
        count = QLabel(self.tr("%n change(s), newest first. Times are UTC.", "", len(entries)))
        self.table = QTableWidget(len(entries), 4)
        self.table.setObjectName("audit.table")
        self.table.setAccessibleName(self.tr("Audit trail, newest first"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When (UTC)"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMaximumSectionSize(460)
        header.setStretchLastSection(True)
        for row, entry in enumerate(entries):
            what, details = describe(entry, names)
            values = (entry.at.strftime("%d/%m/%Y %H:%M:%S"), entry.actor, what, details)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if column == 2:
                    cell.setData(Qt.ItemDataRole.UserRole, entry.action)
                self.table.setItem(row, column, cell)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.table)
        self.resize(1180, 640)
