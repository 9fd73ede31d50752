"""Errors a person can act on. Each carries a one-line message and the CLI exit code."""

from __future__ import annotations


class FolioError(Exception):
    """Base of every error Folio reports to a person instead of a traceback."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FolioFileError(FolioError):
    """The file cannot be opened as a portfolio; it has been left untouched."""


class NewerFormatError(FolioFileError):
    """The file was written by a newer Folio whose schema this one does not know."""


class InvalidInputError(FolioError):
    """A value given by the user or a data file is not acceptable."""


class DomainError(FolioError):
    """The request is well formed but the portfolio does not allow it (exit code 1)."""

    exit_code = 1
