"""Settings sections ``llm`` (the chat model runtime) and ``embedding`` (the knowledge base's embedder), mounted on
the gateway's settings (env ``GATEWAY_LLM__*``, ``GATEWAY_EMBEDDING__*``; TOML tables ``[llm]``, ``[embedding]``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class LlmSettings(BaseModel):
    """The chat model runtime."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: Literal["local", "remote"] = "local"
    """``local``: llama.cpp in this process. ``remote``: an OpenAI-compatible upstream (llama.cpp server, vLLM)."""
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
    """Optional LoRA adapter GGUF applied on top of the chat model."""
    max_tokens_cap: int = Field(default=512, ge=1)
    """Upper bound on ``max_tokens`` whatever the client asks."""
    default_max_tokens: int = Field(default=256, ge=1)
    request_timeout_s: float = Field(default=120.0, gt=0)
    """Wall-clock limit for one generation, queue wait included."""
    queue_size: int = Field(default=8, ge=0)
    """Requests allowed to wait for the model; one more is answered 429 with Retry-After."""
    remote_base_url: str | None = None
    """``backend=remote``: base URL of the upstream, e.g. ``http://10.0.0.5:8080/v1`` (on the institution's network)."""
    remote_api_key_file: Path | None = None
    """``backend=remote``: file holding the upstream's API key, if it needs one."""
    remote_model: str | None = None

    @model_validator(mode="after")
    def _remote_needs_url(self) -> LlmSettings:
        if self.backend == "remote" and not self.remote_base_url:
            raise ValueError("llm.remote_base_url is required when llm.backend is 'remote'")
        return self


class EmbeddingSettings(BaseModel):
    """The embedding model used by the knowledge base."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_path: Path | None = None
    """GGUF embedding model; default ``<models_dir>/all-MiniLM-L6-v2.F16.gguf``."""
    n_threads: int | None = Field(default=None, ge=1)
    """CPU threads per embedding call. Default: 1 in the server (a query is a dozen tokens: a second thread costs
    more in hand-over and spinning than it saves, and leaves no core for the concurrent lexical search), every
    core for ``gateway kb ingest`` (bulk batches)."""
    load: bool = True
    """Load the embedder at start-up (needed for retrieval)."""
