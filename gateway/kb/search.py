"""Role-filtered hybrid retrieval: dense and blind-lexical rankings, both filtered inside LanceDB, fused by weighted
RRF (the dense ranking weighs less on Chinese queries, which the bundled English embedder does not understand).

The role's collections and classification ceiling are a prefilter of each search, so a teller's top-k is the best
k among what a teller may see: never a top-k of everything with forbidden rows dropped afterwards.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pyarrow as pa

from gateway.errors import InvalidInput
from gateway.kb.detections import QUOTED_METADATA, ChunkCandidates
from gateway.kb.documents import document_of
from gateway.kb.keyring import KeyRing
from gateway.kb.lexical import BlindIndex, references
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.settings import KbSettings
from gateway.kb.store import ChunkStore, sql_list
from gateway.kb.validity import ServedWindows
from gateway.llm.protocol import Embedder
from gateway.pii.candidates import Candidates
from gateway.policy.policy_set import EffectiveRights
from gateway.policy.schema import Classification

log = logging.getLogger("gateway.kb")

Ranking = Literal["fused", "dense", "lexical"]
_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")


@dataclass(frozen=True, slots=True)
class Hit:
    """One retrieved passage, decrypted for the caller (masking by role is applied by the caller's layer)."""

    document_id: str
    version: int
    chunk_id: str
    collection: str
    classification: str
    title: str
    text: str
    score: float
    """Fused reciprocal-rank score (or the single ranking's score): orders hits, not comparable across queries."""
    similarity: float
    """Cosine similarity of query and passage: the absolute relevance the chat threshold uses."""
    chunk_hash: str = ""
    """Keyed HMAC-SHA256 of chunk id and passage text (``Retriever.citation_hash``): cites the passage by reference
    in the audit trail. Keyed, so that nobody holding the trail can confirm a guessed passage by hashing it."""
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: tuple[str, ...] = ()
    """Heading paths (``Title > Section``) the passage holds, first first; empty for chunks ingested before sections
    were recorded, or from documents without headings."""
    candidates: ChunkCandidates | None = None
    """The personal data found in text, title, sections and quoted metadata at ingestion (``gateway.kb.detections``):
    what masking per reader selects from; None for chunks stored without them."""

    def texts_to_mask(self) -> list[tuple[str, Candidates | None]]:
        """Every text of the hit that leaves the knowledge base, with its stored candidates where it has them:
        passage, title, each quoted metadata field the document has (``QUOTED_METADATA`` order), each section."""
        found = self.candidates
        quoted = [str(self.metadata.get(key) or "") for key in QUOTED_METADATA]
        items: list[tuple[str, Candidates | None]] = [
            (self.text, found.text if found else None), (self.title, found.title if found else None)]
        items += [(value, found.fields.get(key) if found and value else None)
                  for key, value in zip(QUOTED_METADATA, quoted, strict=True)]
        stored_sections = found.sections if found and len(found.sections) == len(self.sections) else None
        items += [(section, stored_sections[i] if stored_sections else None) for i, section in enumerate(self.sections)]
        return items


def visibility_filter(rights: EffectiveRights, collections: Iterable[str] | None = None) -> str | None:
    """The LanceDB predicate of what ``rights`` may see (within ``collections`` if given); None: nothing.

    An OR of per-collection grants, ``(collection IN (...) AND classification <= level)``, one term per level: a
    principal with two roles sees each collection only up to the level some role grants *in that collection*."""
    wanted = None if collections is None else set(collections)
    by_level: dict[int, list[str]] = {}
    for collection, level in rights.grants.items():
        if wanted is None or collection in wanted:
            by_level.setdefault(int(level), []).append(collection)
    if not by_level:
        return None
    terms = [f"(collection IN ({sql_list(sorted(names))}) AND classification <= {level})"
             for level, names in sorted(by_level.items())]
    return f"active = true AND ({' OR '.join(terms)})"


class Retriever:
    def __init__(self, *, store: ChunkStore, keyring: KeyRing, embedder: Embedder, settings: KbSettings,
                 windows: ServedWindows | None = None) -> None:
        self.store = store
        self.windows = windows
        """Validity of served versions: documents out of their window are excluded in the prefilter."""
        self.keyring = keyring
        self.embedder = embedder
        self.settings = settings
        self.blind_index = BlindIndex(keyring.derive("lexical"))
        self._citation_key = keyring.derive("citation")
        self._helpers = ThreadPoolExecutor(max_workers=8, thread_name_prefix="kb-search")
        """Runs the lexical ranking and the key fetch beside the embedding and passage reads of each search."""

    def citation_hash(self, chunk_id: str, text: str) -> str:
        return hmac.new(self._citation_key, f"{chunk_id}\x00{text}".encode(), hashlib.sha256).hexdigest()

    def search(
        self, query: str, rights: EffectiveRights, top_k: int | None = None, collections: Iterable[str] | None = None,
        *, ranking: Ranking = "fused", exact: bool = False,
    ) -> list[Hit]:
        if not query.strip():
            raise InvalidInput("query must not be empty", param="query")
        k = top_k or self.settings.default_top_k
        if not 1 <= k <= self.settings.max_top_k:
            raise InvalidInput(f"top_k must be between 1 and {self.settings.max_top_k}", param="top_k")
        where = visibility_filter(rights, collections)
        if where is None:
            return []
        unserved = self.windows.unserved() if self.windows is not None else []
        if unserved:
            where = f"{where} AND doc_id NOT IN ({sql_list(unserved)})"
        pool = max(self.settings.candidates, k)
        # The lexical search needs no vector: it runs while the query is embedded and the dense search runs.
        snapshot = self.store.snapshot()
        lexical_future = (self._helpers.submit(self.store.lexical, snapshot, self.blind_index.blind_query(query),
                                               where, pool) if ranking != "dense" else None)
        named = self.blind_index.blind_references(query) if ranking == "fused" else ""
        # A query naming a section or article also ranks the passages headed by it (a third, small ranking).
        named_future = self._helpers.submit(self.store.lexical, snapshot, named, where, pool) if named else None
        vector = np.asarray(self.embedder.embed_query(query), dtype=np.float32)
        dense = self.store.dense(snapshot, vector, where, pool, exact=exact) if ranking != "lexical" else None
        lexical = lexical_future.result() if lexical_future is not None else None
        headed = named_future.result() if named_future is not None else None
        dense_weight = self.dense_weight(query)
        best = self._fuse([(ranked, weight) for ranked, weight in ((dense, dense_weight), (lexical, 1.0),
                                                                   (headed, self.settings.reference_weight))
                           if ranked is not None])[:k]
        # The data keys (a database read when not cached) are fetched while the passages are read.
        keys = self._helpers.submit(self.keyring.document_keys, [document_of(c) for c, _, _ in best])
        rows = self.store.hits(snapshot, [row_id for _, row_id, _ in best])
        return self._decrypt(best, rows, keys.result(), vector)

    def dense_weight(self, query: str) -> float:
        """The dense ranking's weight in the fusion for this query (the lexical ranking's is 1): lower for CJK
        queries (the bundled embedder does not understand them) and for queries naming a section or article."""
        letters = [c for c in query if c.isalpha()]
        cjk = sum(1 for c in letters if _CJK_CHAR.match(c))
        weight = self.settings.dense_weight_cjk if letters and cjk / len(letters) >= 0.3 else self.settings.dense_weight
        if references(query):
            weight *= self.settings.reference_dense_factor
        return weight

    def _fuse(self, rankings: list[tuple[pa.Table, float]]) -> list[tuple[str, int, float]]:
        """Weighted reciprocal rank fusion: ``(chunk id, row address, fused score)``, best first."""
        scores: dict[str, float] = {}
        addresses: dict[str, int] = {}
        for ranking, weight in rankings:
            ids, row_ids = ranking.column("chunk_id").to_pylist(), ranking.column("_rowid").to_pylist()
            for rank, (chunk_id, row_id) in enumerate(zip(ids, row_ids, strict=True), start=1):
                scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (self.settings.rrf_k + rank)
                addresses.setdefault(chunk_id, row_id)
        ordered = sorted(scores, key=lambda chunk_id: scores[chunk_id], reverse=True)
        return [(chunk_id, addresses[chunk_id], scores[chunk_id]) for chunk_id in ordered]

    def _decrypt(self, best: list[tuple[str, int, float]], rows: pa.Table, keys: dict[str, bytes],
                 vector: np.ndarray) -> list[Hit]:
        """Hits in fused order, decrypted; similarity from the stored vectors (one matrix product)."""
        if not best:
            return []
        position = {chunk_id: i for i, chunk_id in enumerate(rows.column("chunk_id").to_pylist())}
        vectors = rows.column("vector").combine_chunks().flatten().to_numpy().reshape(rows.num_rows, -1)
        similarities = (vectors @ vector).tolist()
        columns = {name: rows.column(name).to_pylist()
                   for name in ("doc_id", "version", "collection", "classification", "text_ct", "meta_ct")}
        hits = []
        for chunk_id, _, score in best:
            i = position[chunk_id]
            doc_id, version = columns["doc_id"][i], columns["version"][i]
            key = keys.get(doc_id)
            if key is None:  # crypto-shredded: the document was purged after this search began
                log.warning("skipping chunk %s: its document key was destroyed", chunk_id)
                continue
            text = unseal(key, columns["text_ct"][i], chunk_aad(doc_id, version, chunk_id, "text")).decode()
            meta = json.loads(unseal(key, columns["meta_ct"][i], chunk_aad(doc_id, version, chunk_id, "meta")))
            hits.append(Hit(document_id=doc_id, version=version, chunk_id=chunk_id,
                            collection=columns["collection"][i],
                            classification=Classification(columns["classification"][i]).name, title=meta["title"],
                            text=text, score=score, similarity=float(similarities[i]),
                            chunk_hash=self.citation_hash(chunk_id, text), metadata=meta["metadata"],
                            sections=tuple(meta.get("sections", ())),
                            candidates=ChunkCandidates.from_json(meta.get("pii"))))
        return hits
