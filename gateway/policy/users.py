"""The user store: users, their roles and their API keys, in the gateway's database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from gateway.db.base import utcnow
from gateway.db.session import Database
from gateway.db.tables import ApiKey, User, UserRole
from gateway.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from gateway.policy import api_keys
from gateway.policy.principal import Principal

_NAME_MAX = 128
RESERVED_PREFIXES = ("jwt:", "cli:")
"""Names the audit trail gives identity-provider users (``jwt:alice``) and commands (``cli:root``)."""


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """An API key as an administrator sees it: its public id and dates, never the secret or its hash."""

    key_id: str
    created_at: datetime
    revoked_at: datetime | None


class UserStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_user(self, name: str, roles: Iterable[str]) -> tuple[Principal, str]:
        """Create a user with its first API key; returns the principal and the key (shown once)."""
        name = name.strip()
        role_list = sorted(set(roles))
        if not name or len(name) > _NAME_MAX:
            raise InvalidInput(f"user name must be 1 to {_NAME_MAX} characters", param="name")
        if name.startswith(RESERVED_PREFIXES) or not name.isprintable():
            raise InvalidInput("user names may not start with jwt: or cli: (identity-provider users and commands "
                               "are named so) nor contain control characters", param="name")
        if not role_list:
            raise InvalidInput("a user needs at least one role", param="roles")
        with self._db.session() as session:
            if session.scalar(select(User.id).where(User.name == name)) is not None:
                raise Conflict("a user with that name already exists", param="name")
            user = User(name=name, roles=[UserRole(role=r) for r in role_list])
            session.add(user)
            session.flush()
            key = self._add_key(session, user)
            return Principal(name=user.name, roles=tuple(role_list), user_id=user.id), key

    def issue_key(self, name: str) -> str:
        """Give an existing user another API key (for rotation); returns it, once."""
        with self._db.session() as session:
            user = session.scalar(select(User).where(User.name == name))
            if user is None:
                raise NotFound("no such user")
            return self._add_key(session, user)

    def revoke_key(self, key_id: str) -> None:
        with self._db.session() as session:
            row = session.get(ApiKey, key_id)
            if row is None:
                raise NotFound("no such API key")
            row.revoked_at = row.revoked_at or utcnow()

    def list_users(self) -> list[Principal]:
        with self._db.session() as session:
            users = session.scalars(select(User).order_by(User.name)).all()
            return [Principal(name=u.name, roles=u.role_names, user_id=u.id) for u in users]

    def keys_by_user(self) -> dict[str, list[KeyInfo]]:
        """Every user's API keys, oldest first (public ids and dates only)."""
        with self._db.session() as session:
            rows = session.execute(select(User.name, ApiKey.id, ApiKey.created_at, ApiKey.revoked_at)
                                   .join(ApiKey, ApiKey.user_id == User.id).order_by(ApiKey.created_at)).all()
        found: dict[str, list[KeyInfo]] = {}
        for name, key_id, created, revoked in rows:
            found.setdefault(name, []).append(KeyInfo(key_id, created, revoked))
        return found

    def authenticate(self, presented: str) -> Principal:
        """The principal behind an API key; Unauthenticated for anything else (one message, no hints)."""
        parsed = api_keys.parse(presented)
        if parsed is None:
            raise Unauthenticated("invalid API key")
        key_id, secret = parsed
        with self._db.session() as session:
            row = session.get(ApiKey, key_id)
            if row is None or row.revoked_at is not None or row.user.disabled:
                raise Unauthenticated("invalid API key")
            if not api_keys.verify(secret, row.salt, row.secret_hash):
                raise Unauthenticated("invalid API key")
            return Principal(name=row.user.name, roles=row.user.role_names, user_id=row.user.id)

    @staticmethod
    def _add_key(session: object, user: User) -> str:
        issued = api_keys.issue()
        user.api_keys.append(ApiKey(id=issued.key_id, salt=issued.salt, secret_hash=issued.secret_hash))
        return issued.plaintext
