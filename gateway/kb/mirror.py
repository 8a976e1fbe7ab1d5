"""Mirroring a folder into a collection (``gateway kb sync``): new and changed files become new versions, files
that are gone are named for erasure.

Idempotent: a file whose bytes are unchanged is an ``unchanged`` no-op (the registry compares keyed content
hashes), so a sync can run again at any time. Documents mirrored from a folder carry a keyed digest of
(collection, folder) in the registry, so a later sync finds the ones whose file is gone without any path being
stored in the clear. Erasing them is the purge workflow's (``gateway.purge``): this module only names them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gateway.errors import InvalidInput, PayloadTooLarge
from gateway.kb.documents import IngestOutcome, IngestReport, SourceDocument
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import FORMATS, read_file
from gateway.policy.schema import Classification


@dataclass(slots=True)
class MirrorRound:
    report: IngestReport
    gone: list[str] = field(default_factory=list)
    """Ids of documents mirrored from the folder whose file no longer exists: to be purged."""
    skipped: int = 0
    """Files not read again: same size and modification time as when last ingested by this mirror."""


class FolderMirror:
    """One folder mirrored into one collection at one classification (front matter may not contradict them)."""

    def __init__(self, kb: KnowledgeBase, folder: Path, *, collection: str, level: Classification) -> None:
        if not folder.is_dir():
            raise InvalidInput("the folder to sync does not exist or is not a folder")
        self.kb = kb
        self.folder = folder.resolve()
        self.collection = collection
        self.level = level
        self._origin = kb.ingestor.origin(collection, str(self.folder))
        self._seen: dict[Path, tuple[tuple[int, int], bytes]] = {}
        """File → ((size, mtime ns), identity) when this mirror last ingested it (a later round skips it while
        both are unchanged)."""

    def files(self) -> list[Path]:
        """The files a sync mirrors: every file ingestion understands, recursively (JSONL bulk files are not
        mirrored: their records are not files, so a removed record could not be told from a kept one)."""
        return sorted(p for p in self.folder.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)

    def sync(self, on_outcome: Callable[[IngestOutcome], None] | None = None) -> MirrorRound:
        """One round: ingest what is new or changed since this mirror last saw it, name what is gone."""
        files = self.files()
        stamps = {path: _stamp(path) for path in files}
        present = {self.kb.ingestor.identity_of(self.collection, str(path.resolve())) for path in files}
        changed: list[Path] = []
        for path in files:
            seen = self._seen.get(path)
            if seen is not None and seen[0] == stamps[path]:
                present.add(seen[1])
            else:
                changed.append(path)
        items: list[SourceDocument | IngestOutcome] = []
        read: dict[str, tuple[Path, bytes]] = {}
        for path in changed:
            label = str(path.relative_to(self.folder))
            try:
                document = read_file(path, collection=self.collection, level=self.level,
                                     max_bytes=self.kb.settings.max_document_bytes)
            except (InvalidInput, PayloadTooLarge) as exc:
                items.append(IngestOutcome(label, "rejected", error=exc.message))
                continue
            document = dataclasses.replace(document, label=label, origin=str(self.folder))
            identity = self.kb.ingestor.identity(document)  # a front-matter source_id is the identity
            present.add(identity)
            read[label] = (path, identity)
            items.append(document)
        report = self.kb.ingest_many(items, on_outcome=on_outcome)
        rejected = {outcome.label for outcome in report.rejected}
        for label, (path, identity) in read.items():
            if label not in rejected:
                self._seen[path] = (stamps[path], identity)
        self._seen = {path: seen for path, seen in self._seen.items() if path in stamps}
        mirrored = self.kb.registry.mirrored_from(self._origin)
        # A file that is there but cannot be read now keeps its document: only a file that is gone is erased.
        gone = sorted(doc_id for identity, doc_id in mirrored.items() if identity not in present)
        return MirrorRound(report=report, gone=gone, skipped=len(files) - len(changed))


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns
