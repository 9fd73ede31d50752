"""The audit trail: every change, submission and assessment, with who and when."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import Portfolio


def _detail(text: str) -> str:
    try:
        values = json.loads(text) if text else {}
    except json.JSONDecodeError:
        return text
    return "; ".join(f"{key.replace('_', ' ')}: {value}" for key, value in values.items())


class AuditDialog(QDialog):
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit trail")
        self.setObjectName("auditDialog")
        entries = list(reversed(portfolio.audit_entries))
        self.table = QTableWidget(len(entries), 5)
        self.table.setObjectName("audit.table")
        self.table.setAccessibleName("Audit trail, newest first")
        self.table.setHorizontalHeaderLabels(["When (UTC)", "Who", "What", "Item", "Details"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, entry in enumerate(entries):
            values = (
                entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor,
                entry.action,
                entry.target,
                _detail(entry.detail),
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(980, 560)
