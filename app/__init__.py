"""Folio: an offline learner portfolio and assessment-evidence builder."""

__version__ = "0.1.0"
APP_NAME = "Folio"
