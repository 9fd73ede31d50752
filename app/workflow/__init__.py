"""Workflows built on the store and the checker: submission, verification, assessment."""
