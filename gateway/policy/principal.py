"""The authenticated caller, as every service sees it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a user of the gateway (by API key) or of the institution's identity provider (by token)."""

    name: str
    roles: tuple[str, ...]
    user_id: int | None = None
    auth_method: str = "api_key"
