"""Settings of the audit trail, mounted as ``settings.audit`` (env ``GATEWAY_AUDIT__*``, TOML table ``[audit]``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class AuditSettings(BaseModel):
    """How the tamper-evident audit trail checkpoints, signs, retains and what it records."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    checkpoint_every: int = Field(default=100, ge=1, le=1_000_000)
    """Sign a checkpoint over the chain head every this many events. Rows appended after the newest checkpoint can be
    truncated without detection until the next one, so smaller is safer; each checkpoint costs one small row."""
    signing_key_path: Path | None = None
    """Ed25519 private key that signs checkpoints; default ``<data_dir>/keys/audit-signing.key``. Created with mode
    0600 on first use; the public key is written next to it (``.pub``). Keep it off the database's host or volume
    where you can: whoever holds it and can write the database can rewrite history undetected."""
    checkpoint_interval_s: float = Field(default=60.0, gt=0)
    """Also sign a checkpoint when this many seconds have passed since this process's last one and an event
    arrives, so a quiet trail's tail is not left unsigned for long."""
    checkpoint_file: Path | None = None
    """Append every signed checkpoint to this file as a JSON line (outside the database: another volume, WORM
    storage, a file a log shipper forwards); ``gateway audit verify`` then compares the database with it."""
    mac_key_path: Path | None = None
    """The key of each event's MAC; default ``audit-mac.key`` next to the signing key, created 0600. Every gateway
    process writing the trail needs the same key. Keep it off the database host: with it, the database alone is
    enough to forge events after the newest checkpoint."""
    mac_key_env: str | None = None
    """Instead of the file: the name of an environment variable holding the MAC key as base64 (32 bytes or more)."""
    retention_days: int | None = Field(default=None, ge=1)
    """Events older than this are removed by ``gateway audit prune``; ``None`` keeps every event forever. A legal hold
    on a user or a document keeps its events and every later one (see ``gateway.audit.retention``)."""
    record_grants: bool = False
    """Also record granted access decisions. Off by default: the request's own audit event already records a grant;
    denials are always recorded."""
    open_chat_horizon_s: float = Field(default=300.0, gt=0)
    """A ``chat.started`` event with no ``chat`` event after this many seconds is shown to officers as aborted (the
    process ended mid-answer). Keep it above ``llm.request_timeout_s``: younger ones may still be answering."""
    unauthenticated_window_s: float = Field(default=10.0, ge=0)
    """Requests without valid credentials are recorded one by one only at the first of each window of this many
    seconds; the rest of the window is recorded as one ``access.denied`` event with counts by reason and route
    (``details.aggregated``), so a flood of them costs one durable write per window, not one per request. ``0``
    records each. Up to one window of counts is lost if the process dies."""
    checkpoint_on_read: bool = True
    """Sign a checkpoint over the current head before each verify and export, so what a compliance officer verified
    or exported can no longer be truncated away undetected."""

    def key_path(self, data_dir: Path) -> Path:
        """Where the signing key lives for a gateway whose data directory is ``data_dir``."""
        return self.signing_key_path or data_dir / "keys" / "audit-signing.key"
