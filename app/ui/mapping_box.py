"""Map the selected evidence file or stage item to a marking point, with a justification."""

from __future__ import annotations

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


class MappingBox(QGroupBox):
    """Shows the mappings of one item and adds new ones through the session."""

    mapped = Signal()

    def __init__(self, session: PortfolioSession, kind: str, prefix: str) -> None:
        super().__init__("Mapped to marking points")
        self.session = session
        self.kind = kind
        self.item_id: int | None = None
        self.existing = QLabel()
        self.existing.setWordWrap(True)
        self.existing.setObjectName(f"{prefix}.mappings")
        self.point = QComboBox()
        self.point.setObjectName(f"{prefix}.point")
        self.point.setAccessibleName("Marking point")
        # Marking point texts are long: let the box shrink; the list shows them in full.
        self.point.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.point.setMinimumContentsLength(14)
        for point in session.unit.marking_points:
            self.point.addItem(f"{point.short_id} {point.text}", point.id)
            self.point.setItemData(self.point.count() - 1, point.text, Qt.ItemDataRole.ToolTipRole)
        self.why = QLineEdit()
        self.why.setObjectName(f"{prefix}.why")
        self.why.setAccessibleName("Justification")
        self.why.setPlaceholderText("How this shows the marking point")
        self.map = QPushButton("&Map to point")
        self.map.setObjectName(f"{prefix}.map")
        self.map.clicked.connect(self._map)
        row = QHBoxLayout()
        row.addWidget(self.point, 2)
        row.addWidget(self.why, 3)
        row.addWidget(self.map)
        layout = QVBoxLayout(self)
        layout.addWidget(self.existing)
        layout.addLayout(row)

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.setEnabled(item_id is not None)
        lines = [
            f"{link.marking_point_id.rsplit('.', 1)[-1]}: {link.justification or '(no reason)'}"
            for link in self.session.document.evidence_links
            if item_id is not None and link.target == (self.kind, item_id)
        ]
        self.existing.setText("\n".join(lines) or "Not mapped yet.")

    def _map(self) -> None:
        if self.item_id is None:
            return
        if self.session.link_evidence(
            self.point.currentData(), self.kind, self.item_id, self.why.text()
        ):
            self.why.clear()
            self.mapped.emit()
