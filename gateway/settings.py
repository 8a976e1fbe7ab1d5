"""The gateway's settings: one typed object, loaded once, validated at start-up.

Each section lives next to its domain (``gateway/llm/settings.py``, ``gateway/kb/settings.py``,
``gateway/audit/settings.py``, ``gateway/pii/settings.py``, ``gateway/policy/jwt_auth.py``) and each domain's factory
takes its own section; this module composes them and derives the default locations under ``data_dir``.

Sources, highest priority first: keyword arguments (tests), environment variables ``GATEWAY_*`` (nested fields with
``__``, e.g. ``GATEWAY_LLM__N_GPU_LAYERS``), a TOML file named by ``GATEWAY_CONFIG``, then the defaults below.
An invalid value stops the process with a message that names the setting (``load_settings``).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from gateway.audit.settings import AuditSettings
from gateway.coordination.settings import CoordinationSettings
from gateway.errors import ConfigurationError
from gateway.kb.settings import KbSettings
from gateway.keyfiles import loose_permissions
from gateway.llm.settings import EmbeddingSettings, LlmSettings
from gateway.paths import PROJECT_ROOT
from gateway.pii.settings import PiiEngineSpec, PiiSettings
from gateway.policy.jwt_auth import JwtSettings
from gateway.policy.limits import LimitSettings
from gateway.policy.sessions import ConsoleSettings


def kb_for_embedder(kb: KbSettings, embedding: EmbeddingSettings) -> KbSettings:
    """``kb`` with the retrieval defaults measured best for the chosen embedding model (``kb.dense_weight_cjk``,
    ``kb.min_relevance``), where they were not set explicitly."""
    profile = embedding.profile
    update = {name: getattr(profile, name) for name in ("dense_weight_cjk", "min_relevance")
              if name not in kb.model_fields_set}
    return kb.model_copy(update=update) if update else kb


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
    spacy_model: str | None = None
    """The English spaCy model for names, places and organisations (a package name or a directory); default the
    medium model ``gateway models fetch`` unpacks under ``models_dir`` (``spacy/en_core_web_md-3.8.0``)."""
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    """Request bodies larger than this are rejected with 413."""
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    profile: Literal["dev", "production"] = "production"
    """``production`` warns at start-up (and ``gateway doctor`` reports) when key files sit inside the data
    directory, where every copy or backup of it carries them; ``dev`` accepts the convenient default layout."""
    llm: LlmSettings = LlmSettings()
    embedding: EmbeddingSettings = EmbeddingSettings()
    pii: PiiSettings = PiiSettings()
    kb: KbSettings = KbSettings()
    """The encrypted knowledge base (chunking, retrieval, ANN index, master key)."""
    audit: AuditSettings = AuditSettings()
    """The tamper-evident audit trail (checkpoints, signing key, retention)."""
    jwt: JwtSettings = JwtSettings()
    """OIDC/JWT bearer tokens from the institution's identity provider (off by default)."""
    limits: LimitSettings = LimitSettings()
    """Per-principal limits: text checked per request, concurrent requests, the /v1/mask rate."""
    console: ConsoleSettings = ConsoleSettings()
    """The web console at ``/console`` (sessions, cookies)."""
    coordination: CoordinationSettings = CoordinationSettings()
    """Limits shared by several gateway processes (Redis); off by default: each process keeps its own."""

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("only sqlite:// and postgresql:// URLs are supported")
        return value

    @model_validator(mode="after")
    def _kb_follows_embedder(self) -> Settings:
        object.__setattr__(self, "kb", kb_for_embedder(self.kb, self.embedding))  # frozen: set once, here
        return self

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
        return self.embedding.model_path or self.models_dir / self.embedding.profile.file.name

    @property
    def pii_key_file(self) -> Path:
        return self.pii.key_file or self.data_dir / "keys" / "pii.key"

    @property
    def pii_engine(self) -> PiiEngineSpec:
        return PiiEngineSpec(self.spacy_model_name, self.pii_key_file, self.pii.key_env)

    @property
    def spacy_model_name(self) -> str:
        return self.spacy_model or str(self.models_dir / "spacy" / "en_core_web_md-3.8.0")

    @property
    def audit_key_path(self) -> Path:
        return self.audit.key_path(self.data_dir)

    @property
    def policy_file(self) -> Path:
        return self.policies_dir / f"{self.policy_set}.yaml"

    @property
    def key_files(self) -> dict[str, Path]:
        """Every secret this deployment keeps in a file (keys taken from environment variables are not listed)."""
        files: dict[str, Path] = {"audit.signing_key_path": self.audit_key_path}
        if not self.pii.key_env:
            files["pii.key_file"] = self.pii_key_file
        if self.kb.key_provider == "file":
            files["kb.master_key_file"] = self.kb.master_key_file or self.data_dir / "keys" / "kb-master.key"
        if not self.audit.mac_key_env:
            files["audit.mac_key_path"] = self.audit.mac_key_path or self.audit_key_path.with_name("audit-mac.key")
        for name, path in (("llm.server_api_key_file", self.llm.server_api_key_file),
                           ("llm.remote_api_key_file", self.llm.remote_api_key_file),
                           ("coordination.redis_password_file", self.coordination.redis_password_file)):
            if path is not None:
                files[name] = path
        return files

    @property
    def data_paths(self) -> dict[str, Path]:
        """The local files and directories holding data, which must be private to the gateway's user."""
        paths: dict[str, Path] = {"data_dir": self.data_dir}
        if self.sqlalchemy_url.startswith("sqlite:///"):
            paths["database_url"] = Path(self.sqlalchemy_url.removeprefix("sqlite:///"))
        if "://" not in self.kb_uri:
            paths["lancedb_uri"] = Path(self.kb_uri)
        return paths

    def exposure(self, *, walk: bool = False) -> list[tuple[str, str]]:
        """What leaves keys or data readable beyond the gateway's user: ``(level, message)`` pairs, level ``warn``
        (keys inside the data directory outside the dev profile; no checkpoint file) or ``fail`` (a key or data
        path group or others may access). ``walk`` also checks every file under the data directory."""
        found: list[tuple[str, str]] = []
        if self.profile != "dev":
            for name in self.keys_inside_data_dir():
                found.append(("warn", f"{name}: {self.key_files[name]} is inside the data directory, so every copy "
                                      f"or backup of it carries the key; keep keys on another volume or in "
                                      f"environment variables (or set profile = \"dev\")"))
            if self.audit.checkpoint_file is None:
                found.append(("warn", "audit.checkpoint_file is not set: a roll-back of the database together with "
                                      "its checkpoints can only be found against an export kept elsewhere"))
        for name, path in {**self.key_files, **self.data_paths}.items():
            problem = loose_permissions(path)
            if problem is not None:
                found.append(("fail", f"{name}: {path} {problem}"))
        if walk and self.data_dir.is_dir():
            loose = [p for p in sorted(self.data_dir.rglob("*")) if loose_permissions(p) is not None]
            if loose:
                shown = ", ".join(str(p.relative_to(self.data_dir)) for p in loose[:5])
                found.append(("fail", f"data_dir: {len(loose)} files or directories under {self.data_dir} are "
                                      f"open to group or others (e.g. {shown}); run: chmod -R go-rwx {self.data_dir}"))
        return found

    def keys_inside_data_dir(self) -> list[str]:
        """The key settings whose file lies inside ``data_dir``: a copy of the data directory carries them."""
        data = self.data_dir.resolve()
        return [name for name, path in self.key_files.items() if path.resolve().is_relative_to(data)]


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
