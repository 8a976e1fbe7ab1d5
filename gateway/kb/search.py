"""Role-filtered hybrid retrieval: dense and blind-lexical rankings, both filtered inside LanceDB, fused by RRF.

The role's collections and classification ceiling are a prefilter of each search, so a teller's top-k is the best
k among what a teller may see: never a top-k of everything with forbidden rows dropped afterwards.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from gateway.errors import InvalidInput
from gateway.kb.keyring import KeyRing
from gateway.kb.lexical import BlindIndex
from gateway.kb.sealing import chunk_aad, unseal
from gateway.kb.settings import KbSettings
from gateway.kb.store import ChunkStore, sql_list
from gateway.llm.protocol import Embedder
from gateway.policy.policy_set import EffectiveRights
from gateway.policy.schema import Classification

log = logging.getLogger("gateway.kb")

Ranking = Literal["fused", "dense", "lexical"]


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


def visibility_filter(rights: EffectiveRights, collections: Iterable[str] | None = None) -> str | None:
    """The LanceDB predicate of what ``rights`` may see (within ``collections`` if given); None: nothing."""
    allowed = set(rights.collections) if collections is None else set(rights.collections) & set(collections)
    if not allowed:
        return None
    return (f"active = true AND classification <= {int(rights.max_classification)} "
            f"AND collection IN ({sql_list(sorted(allowed))})")


class Retriever:
    def __init__(self, *, store: ChunkStore, keyring: KeyRing, embedder: Embedder, settings: KbSettings) -> None:
        self.store = store
        self.keyring = keyring
        self.embedder = embedder
        self.settings = settings
        self.blind_index = BlindIndex(keyring.derive("lexical"))
        self._citation_key = keyring.derive("citation")
        self._lexical_runner = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kb-lexical")

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
        pool = max(self.settings.candidates, k)
        # The lexical search needs no vector: it runs while the query is embedded and the dense search runs.
        lexical_future = (self._lexical_runner.submit(self.store.lexical, self.blind_index.blind_query(query), where,
                                                      pool) if ranking != "dense" else None)
        vector = self.embedder.embed([query])[0]
        dense = self.store.dense(vector, where, pool, exact=exact) if ranking != "lexical" else []
        lexical = lexical_future.result() if lexical_future is not None else []
        rows = self._fuse([dense, lexical])[:k]
        return self._decrypt(rows, vector)

    def _fuse(self, rankings: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
        scores: dict[str, float] = {}
        rows: dict[str, dict[str, Any]] = {}
        for ranking in rankings:
            for rank, row in enumerate(ranking, start=1):
                scores[row["chunk_id"]] = scores.get(row["chunk_id"], 0.0) + 1.0 / (self.settings.rrf_k + rank)
                rows.setdefault(row["chunk_id"], row)
        ordered = sorted(scores, key=lambda chunk_id: scores[chunk_id], reverse=True)
        return [{**rows[c], "_fused": scores[c]} for c in ordered]

    def _decrypt(self, rows: list[dict[str, Any]], vector: list[float]) -> list[Hit]:
        keys = self.keyring.document_keys(row["doc_id"] for row in rows)
        hits = []
        for row in rows:
            key = keys.get(row["doc_id"])
            if key is None:  # crypto-shredded: the document was purged after this search began
                log.warning("skipping chunk %s: its document key was destroyed", row["chunk_id"])
                continue
            doc_id, version, chunk_id = row["doc_id"], row["version"], row["chunk_id"]
            text = unseal(key, row["text_ct"], chunk_aad(doc_id, version, chunk_id, "text")).decode()
            meta = json.loads(unseal(key, row["meta_ct"], chunk_aad(doc_id, version, chunk_id, "meta")))
            similarity = sum(a * b for a, b in zip(vector, row["vector"], strict=True))
            hits.append(Hit(document_id=doc_id, version=version, chunk_id=chunk_id, collection=row["collection"],
                            classification=Classification(row["classification"]).name, title=meta["title"],
                            text=text, score=row["_fused"], similarity=float(similarity),
                            chunk_hash=self.citation_hash(chunk_id, text), metadata=meta["metadata"]))
        return hits
