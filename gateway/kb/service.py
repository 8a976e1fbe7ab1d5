"""KnowledgeBase: the knowledge-base service the API, the CLI and the chat call; and its factory."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gateway.db.session import Database
from gateway.errors import InvalidInput, PolicyDenied
from gateway.kb.detections import ChunkDetector
from gateway.kb.documents import IngestOutcome, IngestReport, SourceDocument
from gateway.kb.ingest import Ingestor
from gateway.kb.keyring import KeyRing
from gateway.kb.keys import KeyProvider, env_key_provider, file_key_provider
from gateway.kb.listing import MAX_LISTED, DocumentQuery, DocumentSummary, readable_documents, with_titles
from gateway.kb.prompt import relevant
from gateway.kb.readwrite import ReadWriteLock
from gateway.kb.redetect import Redetector
from gateway.kb.reembed import Reembedder, ReembedReport
from gateway.kb.registry import DocumentRegistry
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.search import Hit, Ranking, Retriever
from gateway.kb.settings import KbSettings
from gateway.kb.store import ChunkStore
from gateway.kb.subjects import INDEXED, SubjectIndex
from gateway.kb.validity import ServedWindows
from gateway.keyfiles import private_dir
from gateway.llm.protocol import Embedder
from gateway.policy.policy_set import EffectiveRights

if TYPE_CHECKING:
    from gateway.pii.detector import PiiDetector


class KnowledgeBase:
    """Ingests documents (encrypted at rest, atomically per batch) and retrieves passages a role may see."""

    def __init__(
        self, *, store: ChunkStore, keyring: KeyRing, registry: DocumentRegistry, embedder: Embedder,
        settings: KbSettings, collections: frozenset[str] | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.keyring = keyring
        self.registry = registry
        self.ingestor = Ingestor(store=store, registry=registry, keyring=keyring, embedder=embedder,
                                 settings=settings, collections=collections)
        self.windows = ServedWindows(registry.served_windows, settings.validity_refresh_s)
        self.retriever = Retriever(store=store, keyring=keyring, embedder=embedder, settings=settings,
                                   windows=self.windows)
        self.writes = threading.RLock()
        """Held by ingestion and purges: a purge's vacuum deletes files an unfinished write would still need."""
        self.subjects: SubjectIndex | None = None
        self.redetector: Redetector | None = None
        """Brings chunks' stored PII candidates up to the running engine (with a detector attached)."""
        self.readers = ReadWriteLock()
        """Searches share it; a purge holds it alone while it hides rows and while it deletes older versions."""

    # -- ingestion ----------------------------------------------------------------------------------------------------
    def ingest(self, document: SourceDocument) -> IngestOutcome:
        """Ingest one document; a rejected one raises InvalidInput naming it (nothing of it is stored)."""
        with self.writes:
            outcome = self.ingestor.ingest_batch([document])[0]
            self.windows.invalidate()
            if outcome.status == "rejected":
                raise InvalidInput(outcome.error or f"{document.label}: rejected")
            self.store.maintain()
        return outcome

    def ingest_many(
        self, items: Iterable[SourceDocument | IngestOutcome],
        on_outcome: Callable[[IngestOutcome], None] | None = None,
    ) -> IngestReport:
        """Bulk ingestion: batches of ``kb.ingest_batch_documents``, each made searchable in one commit.

        ``items`` may carry already-rejected outcomes (bad JSONL lines); they are reported and skipped."""
        report = IngestReport()

        def record(outcomes: Iterable[IngestOutcome]) -> None:
            for outcome in outcomes:
                report.outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)

        batch: list[SourceDocument] = []
        identities: set[bytes] = set()
        for item in items:
            if isinstance(item, IngestOutcome):
                record([item])
                continue
            identity = self.ingestor.identity(item)
            if identity in identities or len(batch) >= self.settings.ingest_batch_documents:
                with self.writes:
                    record(self.ingestor.ingest_batch(batch))
                    self.windows.invalidate()
                batch, identities = [], set()
            batch.append(item)
            identities.add(identity)
        with self.writes:
            if batch:
                record(self.ingestor.ingest_batch(batch))
                self.windows.invalidate()
            self.store.maintain()
        return report

    # -- moving to another embedding model ----------------------------------------------------------------------
    def reembed(self, on_batch: Callable[[int, int], None] | None = None) -> ReembedReport:
        """Give every row a vector of the configured embedder (``gateway.kb.reembed``); opened with ``reembed``."""
        with self.writes:
            return Reembedder(store=self.store, keyring=self.keyring, embedder=self.ingestor.embedder).run(on_batch)

    # -- the data-subject index (erasure itself is gateway.purge) ----------------------------------------------
    def attach_subject_index(self, detector: PiiDetector, floor: float | None = None) -> SubjectIndex:
        """Detect personal data in every chunk ingested from now on: its candidates are sealed with it (detect once,
        mask per reader: ``gateway.kb.detections``) and its direct identifiers indexed as keyed HMACs, for purge by
        subject. ``floor``: the lowest threshold of any reader's rules (``detection_floor`` of the policy set)."""
        floor = INDEXED.score_threshold if floor is None else min(floor, INDEXED.score_threshold)
        self.subjects = SubjectIndex(self.registry.db, self.keyring.derive("subject"), detector)
        self.ingestor.detector = ChunkDetector(detector, floor)
        self.ingestor.on_chunks = self.subjects.index
        self.redetector = Redetector(store=self.store, keyring=self.keyring, detector=self.ingestor.detector,
                                     writes=self.writes)
        return self.subjects

    # -- retrieval ----------------------------------------------------------------------------------------------------
    def search(
        self, query: str, rights: EffectiveRights, top_k: int | None = None,
        collections: Iterable[str] | None = None, *, ranking: Ranking = "fused", exact: bool = False,
    ) -> list[Hit]:
        """The top-k passages ``rights`` may see, best first, decrypted."""
        with self.readers.shared():
            return self.retriever.search(query, rights, top_k, collections, ranking=ranking, exact=exact)

    def passage(self, document_id: str, version: int, chunk_id: str, *, rights: EffectiveRights | None = None
                ) -> str | None:  # fmt: skip
        """A cited chunk's text, decrypted on demand for a compliance officer (the audit trail's PassageSource);
        None once the chunk or its document key is gone (purged); PolicyDenied when ``rights`` do not clear it."""
        with self.readers.shared():
            row = self.store.chunk(document_id, version, chunk_id)
        if row is None:
            return None
        if rights is not None and not rights.may_read(row["collection"], row["classification"]):
            raise PolicyDenied("the cited passage is above the caller's clearance")
        key = self.keyring.document_keys([document_id]).get(document_id)
        if key is None:
            return None
        return unseal(key, row["text_ct"], chunk_aad(document_id, version, chunk_id, "text")).decode()

    def list_documents(self, rights: EffectiveRights, *, limit: int = MAX_LISTED,
                       query: DocumentQuery | None = None) -> list[DocumentSummary]:
        """Documents ``rights`` may read, newest first (one page of them with ``query``), with their (plain)
        titles and sources: mask them before showing."""
        found = readable_documents(self.registry, rights, limit=limit, query=query)
        with self.readers.shared():
            return with_titles(self.store, self.keyring, found)

    def document(self, document_id: str, rights: EffectiveRights) -> tuple[DocumentSummary, dict[str, Any]] | None:
        """One document's summary (title and source plain: mask them) and its registry record with every version;
        None when there is none or ``rights`` may not read all of it (callers answer both the same way)."""
        record = self.registry.describe(document_id)
        if record is None or not rights.may_read(record["collection"], record["classification"]):
            return None
        summary = DocumentSummary(id=record["id"], collection=record["collection"],
                                  classification=record["classification"], active_version=record["active_version"],
                                  versions=len(record["versions"]), updated_at=record["updated_at"])
        served = next((v for v in record["versions"] if v["version"] == record["active_version"]), None)
        if served is not None:
            summary = replace(summary, chunks=served["chunks"], ingested_at=served["activated_at"],
                              valid_from=served["valid_from"], valid_until=served["valid_until"])
        with self.readers.shared():
            return with_titles(self.store, self.keyring, [summary])[0], record

    def retrieve_for_chat(self, question: str, rights: EffectiveRights, top_k: int | None = None) -> list[Hit]:
        """Passages relevant enough to ground an answer; empty when nothing reaches ``kb.min_relevance``."""
        return relevant(self.search(question, rights, top_k), self.settings.min_relevance)


def key_provider(kb: KbSettings, data_dir: Path, *, create: bool) -> KeyProvider:
    if kb.key_provider == "env":
        return env_key_provider(kb.master_key_env)
    return file_key_provider(kb.master_key_file or data_dir / "keys" / "kb-master.key", create=create)


def open_knowledge_base(
    kb: KbSettings, *, data_dir: Path, kb_uri: str, db: Database, embedder: Embedder,
    collections: Iterable[str] | None = None, detector: PiiDetector | None = None, detection_floor: float | None = None,
    reembed: bool = False,
) -> KnowledgeBase:
    """Open (or initialise) the knowledge base: master key, key ring, LanceDB table, registry. The app's, the
    CLI's and the benchmarks' factory, from the ``kb`` settings section and the locations derived by ``Settings``.

    ``collections`` are the policy set's declared collections; documents for any other are rejected. A wrong or
    group-readable master key raises ConfigurationError (start-up stops with a message naming the setting). With a
    ``detector``, every chunk ingested is entered in the data-subject index (erasure by subject); every path that
    ingests (the app, ``gateway kb ingest``) passes one, and the policy set's ``detection_floor``. ``reembed``: open
    a table built by another embedding model of the same dimension, for :meth:`KnowledgeBase.reembed` only."""
    if "://" not in kb_uri:
        private_dir(Path(kb_uri))  # LanceDB's files inherit nothing: the directory is what keeps them private
    provider = key_provider(kb, data_dir, create=not KeyRing.holds_keys(db))
    keyring = KeyRing(db, provider)
    keyring.verify()
    store = ChunkStore(kb_uri, kb, embedder.dimensions, embedder.identity, reembedding=reembed)
    knowledge = KnowledgeBase(store=store, keyring=keyring, registry=DocumentRegistry(db), embedder=embedder,
                              settings=kb, collections=frozenset(collections) if collections is not None else None)
    if detector is not None:
        knowledge.attach_subject_index(detector, detection_floor)
    return knowledge
