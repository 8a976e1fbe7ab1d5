"""Errors of the corpus sanitizer; messages name lines and settings, never record content."""

from __future__ import annotations

from gateway.errors import InvalidInput


class CorpusError(InvalidInput):
    """The corpus, its options or its checkpoint cannot be processed as asked."""


class BadRecord(ValueError):
    """One record cannot be masked: its reason (never its content) goes into the report with its line number."""
