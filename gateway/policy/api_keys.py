"""API keys: ``gwk_<key id>_<secret>``. The id finds the row; only a salted SHA-256 of the secret is stored.

The secret is 256 bits from ``secrets``, so a fast salted hash is enough: nothing here is guessable enough to need a
slow password hash, and verification sits on every request's path.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

PREFIX = "gwk_"
_KEY_RE = re.compile(r"^gwk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")


@dataclass(frozen=True, slots=True)
class IssuedKey:
    key_id: str
    salt: bytes
    secret_hash: bytes
    plaintext: str
    """The whole key; shown to its owner once and never stored."""


def issue() -> IssuedKey:
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    salt = secrets.token_bytes(16)
    return IssuedKey(key_id, salt, _hash(salt, secret), f"{PREFIX}{key_id}_{secret}")


def parse(presented: str) -> tuple[str, str] | None:
    """Split a presented key into (key id, secret); None when it is not shaped like one of ours."""
    match = _KEY_RE.fullmatch(presented)
    return (match.group(1), match.group(2)) if match else None


def verify(secret: str, salt: bytes, secret_hash: bytes) -> bool:
    return hmac.compare_digest(_hash(salt, secret), secret_hash)


def _hash(salt: bytes, secret: str) -> bytes:
    return hashlib.sha256(salt + secret.encode("ascii")).digest()
