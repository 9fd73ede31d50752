"""A box under an item's form: what the item is linked to, and a row to add a link (a choice,
a justification, a button). Mappings to marking points and links to laws are both this."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.ui.session import PortfolioSession
from app.ui.wrapping import WrappingCombo


class LinkBox(QGroupBox):
    """Subclasses list an item's links (lines) and add one (add)."""

    linked = Signal()

    def __init__(
        self,
        session: PortfolioSession,
        title: str,
        prefix: str,
        names: tuple[str, str, str, str],
        choices: Iterable[tuple[str, object, str]],
        choice_label: str,
        why_label: str,
        button_text: str,
        empty_text: str,
    ) -> None:
        """``names``: object names of the list, the choice, the justification and the button
        (after ``prefix``.); ``choices``: (text, value, tooltip)."""
        super().__init__(title)
        self.session = session
        self.item_id: int | None = None
        self.empty_text = empty_text
        existing, choice, why, button = names
        self.existing = QLabel()
        self.existing.setWordWrap(True)
        self.existing.setObjectName(f"{prefix}.{existing}")
        self.choice = WrappingCombo()
        self.choice.setObjectName(f"{prefix}.{choice}")
        self.choice.setAccessibleName(choice_label)
        # Long choices (a marking point, a law's title): the box shrinks, the list shows all.
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(14)
        for text, value, tooltip in choices:
            self.choice.addItem(text, value)
            self.choice.setItemData(self.choice.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        self.why = QLineEdit()
        self.why.setObjectName(f"{prefix}.{why}")
        self.why.setAccessibleName(why_label)
        self.why.setPlaceholderText(why_label)
        self.button = QPushButton(button_text)
        self.button.setObjectName(f"{prefix}.{button}")
        self.button.clicked.connect(self._clicked)
        # The justification is the part that matters (a mapping without one never counts): it
        # gets a line of its own, under the choice and the button, so it is never a sliver.
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.existing)
        layout.addLayout(row)
        layout.addWidget(self.why)

    def lines(self, item_id: int) -> list[str]:
        raise NotImplementedError

    def add(self, item_id: int, choice: object, why: str) -> bool:
        raise NotImplementedError

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.setEnabled(item_id is not None)
        lines = self.lines(item_id) if item_id is not None else []
        self.existing.setText("\n".join(lines) or self.empty_text)

    def _clicked(self) -> None:
        if self.item_id is not None and self.add(
            self.item_id, self.choice.currentData(), self.why.text()
        ):
            self.why.clear()
            self.linked.emit()
