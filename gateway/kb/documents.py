"""What ingestion works on: a source document as structured blocks, and the outcome of ingesting it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from gateway.policy.schema import Classification

MAX_TITLE_CHARS = 512
"""Longest title a document may have: what the audit trail's citation rows hold (``audit_citations.title``), so a
cited document can never make an answer's audit event invalid."""


def chunk_id(doc_id: str, version: int, index: int) -> str:
    """A chunk's id: its document (a hex uuid, no colon), version and position."""
    return f"{doc_id}:{version}:{index}"


def document_of(chunk: str) -> str:
    """The document id inside a chunk id."""
    return chunk.partition(":")[0]


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a paragraph (list items, table rows and code blocks are paragraphs)."""

    kind: Literal["heading", "paragraph"]
    text: str
    level: int = 0
    """Heading level, 1 for a title-level heading."""


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document ready for chunking. ``label`` names it in errors and reports (a file name or "file line N"),
    ``source`` identifies it across re-ingests within its collection (a path, a record id, or the title)."""

    label: str
    source: str
    title: str
    blocks: tuple[Block, ...]
    collection: str
    classification: Classification
    metadata: dict[str, Any] = field(default_factory=dict)
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    """When the document is in force (``gateway.kb.validity``); outside it, it is listed but not served."""
    origin: str | None = None
    """The folder ``gateway kb sync`` mirrors it from: a file gone from there is purged by the next sync."""

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """One document's result: ``added`` (first version), ``updated`` (new version), ``unchanged`` or ``rejected``."""

    label: str
    status: Literal["added", "updated", "unchanged", "rejected"]
    document_id: str | None = None
    version: int | None = None
    chunks: int = 0
    error: str | None = None
    """Why it was rejected; names the file or line, never quotes content."""


@dataclass(slots=True)
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def chunks(self) -> int:
        return sum(o.chunks for o in self.outcomes)

    @property
    def rejected(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "rejected"]
