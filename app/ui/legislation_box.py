"""Tie the selected action or finding to a law or standard from the library, with how
compliance is ensured: the same legislation links the Legislation tool lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.catalogue.legislation import load_library
from app.ui.session import PortfolioSession

#: Which reference of a legislation link points at each kind of item.
LINK_FIELD = {"action_item": "action_id", "analysis_finding": "finding_id"}


class LegislationBox(QGroupBox):
    """The item's legislation links, and a row to add one."""

    def __init__(self, session: PortfolioSession, kind: str) -> None:
        super().__init__("Legislation and standards")
        self.session = session
        self.field = LINK_FIELD[kind]
        self.item_id: int | None = None
        self.existing = QLabel()
        self.existing.setWordWrap(True)
        self.existing.setObjectName(f"{kind}.legislation_links")
        self.entry = QComboBox()
        self.entry.setObjectName(f"{kind}.legislation_entry")
        self.entry.setAccessibleName("Law or standard")
        self.entry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.entry.setMinimumContentsLength(14)
        for key, entry in load_library().items():
            self.entry.addItem(entry.title, key)
            self.entry.setItemData(
                self.entry.count() - 1, entry.summary, Qt.ItemDataRole.ToolTipRole
            )
        self.why = QLineEdit()
        self.why.setObjectName(f"{kind}.legislation_why")
        self.why.setAccessibleName("How compliance is ensured")
        self.why.setPlaceholderText("How compliance is ensured")
        self.link = QPushButton("&Link law")
        self.link.setObjectName(f"{kind}.legislation_link")
        self.link.clicked.connect(self._link)
        row = QHBoxLayout()
        row.addWidget(self.entry, 2)
        row.addWidget(self.why, 3)
        row.addWidget(self.link)
        layout = QVBoxLayout(self)
        layout.addWidget(self.existing)
        layout.addLayout(row)

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.setEnabled(item_id is not None)
        library = load_library()
        lines = [
            f"{library[link.entry_id].title if link.entry_id in library else link.entry_id}: "
            f"{link.justification or '(no justification yet)'}"
            for link in self.session.document.legislation_links
            if item_id is not None and getattr(link, self.field) == item_id
        ]
        self.existing.setText("\n".join(lines) or "No law or standard linked yet.")

    def _link(self) -> None:
        if self.item_id is None:
            return
        added = self.session.add_item(
            "legislation_link",
            entry_id=self.entry.currentData(),
            justification=self.why.text(),
            **{self.field: self.item_id},
        )
        if added is not None:
            self.why.clear()
