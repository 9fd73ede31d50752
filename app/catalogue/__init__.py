"""The unit catalogue: units, guidance and examiner marking points. Qt-free."""

from app.catalogue.loader import (
    Catalogue,
    import_unit_file,
    load_catalogue,
    read_unit_file,
    validate_unit_document,
)
from app.catalogue.model import KeyConcept, MarkingPoint, Misconception, Unit

__all__ = [
    "Catalogue",
    "KeyConcept",
    "MarkingPoint",
    "Misconception",
    "Unit",
    "import_unit_file",
    "load_catalogue",
    "read_unit_file",
    "validate_unit_document",
]
