"""Knowledge-base settings, mounted as ``settings.kb`` (environment: ``GATEWAY_KB__<FIELD>``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class KbSettings(BaseModel):
    """Ingestion, encryption at rest and retrieval of the knowledge base."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key_provider: Literal["file", "env"] = "file"
    """Where the master key comes from: ``file`` (``master_key_file``) or ``env`` (``master_key_env``)."""
    master_key_file: Path | None = None
    """Master key file (32 raw bytes, mode 0600); default ``<data_dir>/keys/kb-master.key``, created on first use."""
    master_key_env: str = "KB_MASTER_KEY"
    """``key_provider=env``: the environment variable holding the base64 master key (32 bytes decoded)."""
    table_name: str = Field(default="chunks", pattern=r"^[a-z][a-z0-9_]{0,63}$")
    """LanceDB table holding every collection's chunks (collections are a filtered column)."""

    chunk_tokens: int = Field(default=256, ge=32, le=512)
    """Target chunk size in embedder tokens; never above the embedder's own limit."""
    chunk_overlap_tokens: int = Field(default=32, ge=0, le=128)
    """Tokens repeated between consecutive pieces of a paragraph too long for one chunk."""
    embed_batch_size: int = Field(default=32, ge=1, le=512)
    """Texts per embedder call."""
    ingest_batch_documents: int = Field(default=128, ge=1, le=10_000)
    """Documents written (and made searchable) per LanceDB commit during bulk ingestion."""
    max_document_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    """Files or texts larger than this are rejected before parsing."""
    max_chunks_per_document: int = Field(default=5_000, ge=1)
    """A document that splits into more chunks is rejected as oversized."""

    fragment_rows: int = Field(default=16_384, ge=1024, le=1 << 20)
    """Largest Lance fragment (rows) compaction builds. Erasing one document rewrites the fragments that held it,
    so this bounds a purge's cost; fewer, larger fragments make a scan a little faster."""
    ann_min_rows: int = Field(default=50_000, ge=256)
    """Build the vector (ANN) index once the table holds this many chunks; below it, exact search is fast enough."""
    ann_index_type: Literal["IVF_SQ", "IVF_PQ", "IVF_HNSW_SQ"] = "IVF_SQ"
    """IVF_SQ (8-bit scalar quantisation: distances close to exact, so a small refine restores full recall, and
    no per-query product-quantisation tables to build). On a 100k-chunk table with a teller's filter it searched in
    about half the time of IVF_PQ at equal recall, and builds in seconds instead of minutes; its index is 4x larger
    (one byte per dimension: 38 MB per 100k MiniLM vectors). IVF_PQ for tables too large for that;
    IVF_HNSW_SQ has higher latency variance under filters."""
    ann_nprobes: int = Field(default=32, ge=1)
    """IVF partitions scanned per query (of about sqrt(rows)): a tenth of them at 100k chunks. On the benchmark
    table recall@10 against exact search was 1.00 from 28 partitions up, 0.97 at 24 and 0.63 at 16."""
    ann_refine_factor: int = Field(default=2, ge=1)
    """Re-rank ``top_k * refine_factor`` ANN candidates with exact distances (restores what quantisation lost)."""

    candidates: int = Field(default=20, ge=1, le=1000)
    """Candidates each ranker (dense, lexical) contributes before reciprocal rank fusion (at least top_k). 20 and
    40 gave the same retrieval recall@10 on the labelled questions; 20 reads half the vectors to re-rank."""
    rrf_k: int = Field(default=10, ge=1)
    """Reciprocal rank fusion constant: fused = sum(weight / (rrf_k + rank))."""
    dense_weight: float = Field(default=1.0, ge=0.0, le=10.0)
    """Weight of the dense (embedding) ranking in the fusion for queries in Latin script; the lexical ranking's
    weight is 1."""
    dense_weight_cjk: float = Field(default=0.05, ge=0.0, le=10.0)
    """The same for Chinese (and other CJK) queries: the default MiniLM embedder is English-only, so its ranking of
    Chinese text must not outvote the lexical one (it stays as a tie-breaker and a fallback). Unless set, it
    follows ``embedding.model``: 0.05 with MiniLM, 1.5 with multilingual-e5-small (best on ``bench/retrieval.py``)."""
    reference_dense_factor: float = Field(default=0.1, ge=0.0, le=1.0)
    """Multiplies the dense weight when the query names a section or article (``§ 101.3``, ``第十三条``): the
    embedder does not know which section a number names; the blind index keys the reference exactly."""
    reference_weight: float = Field(default=1.0, ge=0.0, le=10.0)
    """Weight of the ranking of passages whose title or section heading names the section or article the query
    names (only for such queries)."""
    default_top_k: int = Field(default=5, ge=1)
    max_top_k: int = Field(default=50, ge=1)
    """Upper bound on ``top_k`` whatever the client asks."""
    min_relevance: float = Field(default=0.30, ge=-1.0, le=1.0)
    """Cosine similarity below which a passage is not relevant for chat (the chat then says it found nothing).
    Unless set, it follows ``embedding.model`` (e5's similarities lie higher): 0.30 with MiniLM, 0.80 with
    multilingual-e5-small."""
    validity_refresh_s: float = Field(default=1.0, ge=0.0)
    """How often a search re-reads which served versions have a validity window (``valid_from``/``valid_until``);
    this process's own ingests take effect at once, another process's (``gateway kb sync``) within this time."""
    read_consistency_s: float = Field(default=1.0, ge=0.0)
    """How stale this process's view of the table may be when another process (the CLI) writes to it."""
    redetect_on_start: bool = True
    """At start-up, re-detect in the background the chunks whose stored PII candidates this engine would not use
    (after an upgrade of the PII engine or a lower policy threshold; ``gateway kb redetect`` does it in the
    foreground). Until then such chunks are detected afresh on every read."""

    @model_validator(mode="after")
    def _overlap_below_chunk(self) -> KbSettings:
        if self.chunk_overlap_tokens >= self.chunk_tokens // 2:
            raise ValueError("kb.chunk_overlap_tokens must be less than half of kb.chunk_tokens")
        if self.default_top_k > self.max_top_k:
            raise ValueError("kb.default_top_k must not exceed kb.max_top_k")
        return self
