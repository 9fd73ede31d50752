"""The marking points picker: a tick box per marking point of the unit, its text as tooltip.

Reads and writes the form of the store's ``marking_points`` fields: "MP1, MP3".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from app.catalogue import Unit

#: Tick boxes per row before the picker starts another (a unit has a handful of points).
PER_ROW = 4


class MarkingPointsPicker(QWidget):
    """Emits changed("MP1, MP3") when a box is ticked or cleared by the user."""

    changed = Signal(str)

    def __init__(self, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        for number, point in enumerate(unit.marking_points):
            box = QCheckBox(point.short_id)
            box.setObjectName(f"points.{point.short_id}")
            box.setToolTip(f"{point.short_id}: {point.text}")
            box.setAccessibleName(self.tr("Marking point {0}").format(point.short_id))
            box.setAccessibleDescription(point.text)
            box.clicked.connect(lambda _on: self.changed.emit(self.value()))
            layout.addWidget(box, number // PER_ROW, number % PER_ROW)
            self.boxes[point.short_id] = box
        layout.setColumnStretch(PER_ROW, 1)

    def value(self) -> str:
        return ", ".join(short for short, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: str) -> None:
        wanted = {part.strip().upper() for part in (value or "").split(",") if part.strip()}
        for short, box in self.boxes.items():
            box.setChecked(short in wanted)
