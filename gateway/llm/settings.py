"""Settings sections ``llm`` (the chat model runtime) and ``embedding`` (the knowledge base's embedder), mounted on
the gateway's settings (env ``GATEWAY_LLM__*``, ``GATEWAY_EMBEDDING__*``; TOML tables ``[llm]``, ``[embedding]``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gateway.llm.embedder import DEFAULT_EMBEDDING_MODEL, EMBEDDING_MODELS, EmbeddingModel, EmbeddingModelName

_ADAPTER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")


class LlmSettings(BaseModel):
    """The chat model runtime."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: Literal["local", "llama-server", "remote"] = "local"
    """``local``: llama.cpp in this process (one answer at a time). ``llama-server``: llama.cpp's own server, started
    and supervised by the gateway on a loopback port with ``server_slots`` parallel slots. ``remote``: one or more
    OpenAI-compatible upstreams (llama-server, vLLM, another gateway)."""
    model_path: Path | None = None
    """GGUF chat model; default ``<models_dir>/SmolLM2-135M-Instruct.Q4_1.gguf``."""
    model_name: str = "smollm2-135m-instruct"
    """The id clients see in ``/v1/models`` and pass as ``model``."""
    n_ctx: int = Field(default=2048, ge=256, le=131072)
    """Context window in tokens; prompts that do not fit are rejected with 400."""
    n_threads: int | None = Field(default=None, ge=1)
    """CPU threads for generation; default: all cores."""
    n_batch: int = Field(default=512, ge=32)
    n_gpu_layers: int = Field(default=0, ge=-1)
    """Layers offloaded to the GPU (``-1``: all). Needs a CUDA build of llama-cpp-python (README)."""
    lora_path: Path | None = None
    """Optional LoRA adapter GGUF applied on top of the chat model, to every answer at scale 1."""
    lora_adapters: dict[str, Path] = Field(default_factory=dict)
    """``backend=llama-server``: LoRA adapter GGUFs by name (``{tone = "models/adapters/tone.gguf"}``), loaded into
    the server at scale 0 and applied per request to the roles whose policy names them (``generation.lora``)."""
    server_binary: Path | None = None
    """``backend=llama-server``: the ``llama-server`` program; default ``<virtualenv>/bin/llama-server``, which
    ``make llama-server`` builds from the pinned llama.cpp source (scripts/build-llama-server.sh)."""
    server_slots: int = Field(default=4, ge=1, le=256)
    """``backend=llama-server``: answers decoded at once (``--parallel``); each slot has ``n_ctx`` tokens of
    context. The queue admits this many at once plus ``queue_size`` waiting."""
    server_port: int | None = Field(default=None, ge=1, le=65535)
    """``backend=llama-server``: loopback port for the child server; default: a free one chosen at start."""
    server_url: str | None = None
    """``backend=llama-server``: use a llama-server that runs elsewhere (e.g. ``http://10.0.0.5:8080``, the model
    tier shared by several gateways) instead of starting one; it must serve the same ``model_path`` with
    ``server_slots`` slots of ``n_ctx`` tokens. Prompts still go as token ids rendered here."""
    server_api_key_file: Path | None = None
    """``backend=llama-server`` with ``server_url``: file holding that server's API key (``--api-key-file``)."""
    server_start_timeout_s: float = Field(default=120.0, gt=0)
    """``backend=llama-server``: how long the model may take to load before start-up fails."""
    max_tokens_cap: int = Field(default=512, ge=1)
    """Upper bound on ``max_tokens`` whatever the client asks."""
    default_max_tokens: int = Field(default=256, ge=1)
    request_timeout_s: float = Field(default=120.0, gt=0)
    """Wall-clock limit for one generation, queue wait included."""
    queue_size: int = Field(default=8, ge=0)
    """Requests allowed to wait for the model; one more is answered 429 with Retry-After."""
    remote_base_url: str | None = None
    """``backend=remote``: base URL of the upstream, e.g. ``http://10.0.0.5:8080/v1`` (on the institution's network)."""
    remote_base_urls: list[str] = Field(default_factory=list)
    """``backend=remote``: several upstreams forming a pool (least busy healthy one first; a request is retried on
    another only before its first token). Used instead of ``remote_base_url`` when given."""
    remote_concurrency: int = Field(default=4, ge=1, le=1024)
    """``backend=remote``: requests generating at once across the pool (the queue admits this many plus
    ``queue_size``); about the sum of the upstreams' slots."""
    remote_health_interval_s: float = Field(default=5.0, gt=0)
    """``backend=remote``: seconds between health checks (``GET <base>/models``) that eject and re-admit upstreams."""
    remote_api_key_file: Path | None = None
    """``backend=remote``: file holding the upstream's API key, if it needs one."""
    remote_model: str | None = None

    @model_validator(mode="after")
    def _remote_needs_url(self) -> LlmSettings:
        if self.backend == "remote" and not self.remote_urls:
            raise ValueError("llm.remote_base_url or llm.remote_base_urls is required when llm.backend is 'remote'")
        return self

    @field_validator("lora_adapters")
    @classmethod
    def _adapter_names(cls, value: dict[str, Path]) -> dict[str, Path]:
        for name in value:
            if not _ADAPTER_NAME.fullmatch(name):
                raise ValueError(f"llm.lora_adapters: {name!r} is not a valid adapter name (letters, digits, - and _)")
        return value

    @property
    def remote_urls(self) -> list[str]:
        return list(self.remote_base_urls) or ([self.remote_base_url] if self.remote_base_url else [])


class EmbeddingSettings(BaseModel):
    """The embedding model used by the knowledge base."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: EmbeddingModelName = DEFAULT_EMBEDDING_MODEL
    """Which embedding model: ``all-MiniLM-L6-v2`` (English only, the default) or ``multilingual-e5-small``
    (opt-in, for Chinese and other languages: ``gateway models fetch --embedder multilingual-e5-small``; about 1.8x
    slower on English and 365 MB more memory). It sets the default file, the query and passage prefixes, the input
    normalisation, and the defaults of ``kb.dense_weight_cjk`` and ``kb.min_relevance`` (unless those are set).
    A knowledge base is searched only with the model that built it: changing this means re-ingesting."""
    model_path: Path | None = None
    """GGUF embedding model; default ``<models_dir>/all-MiniLM-L6-v2.F16.gguf`` (``model``'s file)."""
    n_threads: int | None = Field(default=None, ge=1)
    """CPU threads per embedding call. Default: 1 in the server (a query is a dozen tokens: a second thread costs
    more in hand-over and spinning than it saves, and leaves no core for the concurrent lexical search), every
    core for ``gateway kb ingest`` (bulk batches)."""
    load: bool = True
    """Load the embedder at start-up (needed for retrieval)."""

    @property
    def profile(self) -> EmbeddingModel:
        """The chosen model's file, prefixes, normalisation and measured retrieval defaults."""
        return EMBEDDING_MODELS[self.model]
