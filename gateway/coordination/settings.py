"""Settings section ``coordination`` (env ``GATEWAY_COORDINATION__*``; TOML table ``[coordination]``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class CoordinationSettings(BaseModel):
    """Where gateway processes share their limits. Without Redis each process enforces its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    redis_url: str | None = None
    """e.g. ``redis://10.0.0.7:6379/0``: per-principal limits and queue admission hold across every gateway process
    using the same Redis and ``key_prefix``. A password belongs in ``redis_password_file``, not in the URL."""
    redis_password_file: Path | None = None
    """File holding the Redis password (owner-only), if the server needs one."""
    key_prefix: str = Field(default="gw", min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    """Prefix of every key; gateways of one deployment share it, two deployments on one Redis must not."""
    lease_s: float = Field(default=900.0, gt=0)
    """How long a slot taken by a process that then died stays taken (a live process gives it back at once)."""
    timeout_s: float = Field(default=2.0, gt=0)
    """Socket timeout for each Redis call; an unreachable Redis fails the request (503), never waives a limit."""
