"""Web console sessions: who signed in, until when, with which credential; stored server-side, by token hash.

A browser signs in once with an API key or an identity-provider token and then holds a random 256-bit session
token in an httpOnly cookie. The database keeps only the token's SHA-256, so a copy of it opens no session. A
session ends at the first of: its absolute lifetime (``console.session_ttl_s``), idleness (``idle_timeout_s``), the
expiry of the token it was opened with, sign-out, and, for an API-key session, the key being revoked or its user
disabled (checked on every request; the roles are re-read then too, so a role change applies at once).

Forms carry a CSRF token derived from the session token (an HMAC), so it needs no storage and is worthless
without the cookie it is bound to.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete

from gateway.db.base import utcnow
from gateway.db.session import Database
from gateway.db.tables import ApiKey, ConsoleSession
from gateway.policy.principal import Principal

_TOUCH_EVERY = timedelta(seconds=30)
"""``last_seen_at`` is written at most this often per session (a write per page view is not needed)."""


class ConsoleSettings(BaseModel):
    """Settings section ``console``: the web console at ``/console``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    """Serve the console. Off: every ``/console`` path answers 404."""
    session_ttl_s: int = Field(default=8 * 3600, ge=60, le=7 * 86400)
    """A session's absolute lifetime (and the cookie's ``Max-Age``); an identity-provider token's own expiry ends
    it sooner."""
    idle_timeout_s: int = Field(default=1800, ge=60, le=86400)
    """A session unused this long has ended."""
    cookie_secure: Literal["auto", "always"] = "auto"
    """``auto``: cookies are ``Secure`` when the request came over https (behind a TLS-terminating proxy, run
    uvicorn with ``--proxy-headers`` so the scheme is known); ``always``: always ``Secure`` (browsers then keep them
    over https and on localhost only)."""


@dataclass(frozen=True, slots=True)
class OpenSession:
    """A live session, as the console edge sees it."""

    principal: Principal
    csrf: str
    """The token every form of this session carries."""
    locale: str | None
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def csrf_for(token: str) -> str:
    return hmac.new(token.encode("ascii", "replace"), b"gateway-console-csrf/v1", hashlib.sha256).hexdigest()


class ConsoleSessions:
    def __init__(self, db: Database, settings: ConsoleSettings) -> None:
        self._db = db
        self.settings = settings

    def open(self, principal: Principal, *, key_id: str | None, credential_expires: datetime | None = None,
             locale: str | None = None, now: datetime | None = None) -> tuple[str, OpenSession]:
        """Start a session for an authenticated principal; returns the token (for the cookie, never stored)."""
        now = now or utcnow()
        expires = now + timedelta(seconds=self.settings.session_ttl_s)
        if credential_expires is not None:
            expires = min(expires, credential_expires)
        token = secrets.token_urlsafe(32)
        with self._db.session() as session:
            session.execute(delete(ConsoleSession).where(ConsoleSession.expires_at <= now))
            session.add(ConsoleSession(id=_digest(token), user_name=principal.name, roles=",".join(principal.roles),
                                       auth_method=principal.auth_method, key_id=key_id, locale=locale,
                                       created_at=now, last_seen_at=now, expires_at=expires))
        return token, OpenSession(principal, csrf_for(token), locale, expires)

    def resolve(self, token: str | None, *, now: datetime | None = None) -> OpenSession | None:
        """The live session behind a cookie value, or None (unknown, expired, idle, or its key revoked)."""
        if not token or len(token) > 128:
            return None
        now = now or utcnow()
        with self._db.session() as session:
            row = session.get(ConsoleSession, _digest(token))
            if row is None:
                return None
            idle = now - row.last_seen_at > timedelta(seconds=self.settings.idle_timeout_s)
            roles = tuple(r for r in row.roles.split(",") if r)
            live = row.expires_at > now and not idle
            if live and row.key_id is not None:
                key = session.get(ApiKey, row.key_id)
                live = key is not None and key.revoked_at is None and not key.user.disabled \
                    and key.user.name == row.user_name
                roles = key.user.role_names if live and key is not None else roles
            if not live:
                session.delete(row)
                return None
            if now - row.last_seen_at >= _TOUCH_EVERY:
                row.last_seen_at = now
            principal = Principal(name=row.user_name, roles=roles, auth_method=row.auth_method)
            return OpenSession(principal, csrf_for(token), row.locale, row.expires_at)

    def close(self, token: str | None) -> bool:
        """End a session (sign-out); False when there was none."""
        if not token or len(token) > 128:
            return False
        with self._db.session() as session:
            return bool(session.execute(delete(ConsoleSession).where(ConsoleSession.id == _digest(token))
                                        ).rowcount)  # type: ignore[attr-defined]

    def set_locale(self, token: str, locale: str) -> None:
        with self._db.session() as session:
            row = session.get(ConsoleSession, _digest(token))
            if row is not None:
                row.locale = locale
