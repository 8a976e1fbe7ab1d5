"""Master-key providers: the root of the key hierarchy, behind a two-method protocol so a KMS or HSM can replace them.

A provider wraps and unwraps keys; it never has to hand its master key out (a KMS would not). The local providers
hold a 256-bit key in memory and wrap with AES-256-GCM.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import Protocol

from gateway.errors import ConfigurationError
from gateway.kb.sealing import KEY_BYTES, seal, unseal
from gateway.keyfiles import env_secret, owner_only_secret


class KeyProvider(Protocol):
    """Wraps collection and index keys under the master key."""

    key_id: str
    """Stable id of the master key (a fingerprint), recorded with each key it wraps."""

    def wrap(self, key: bytes, context: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes: ...


class LocalKeyProvider:
    """A master key held in this process; base of the file and environment providers."""

    def __init__(self, master_key: bytes, *, source: str) -> None:
        if len(master_key) != KEY_BYTES:
            raise ConfigurationError(f"{source}: the master key must be {KEY_BYTES} bytes")
        self._key = master_key
        digest = hmac.new(master_key, b"gateway-kb key id", hashlib.sha256).hexdigest()
        self.key_id = f"local:{digest[:16]}"

    def wrap(self, key: bytes, context: bytes) -> bytes:
        return seal(self._key, key, b"wrap|" + context)

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes:
        return unseal(self._key, wrapped, b"wrap|" + context)


def file_key_provider(path: Path, *, create: bool) -> LocalKeyProvider:
    """The master key from a file readable only by its owner; created (mode 0600) when absent and ``create``."""
    if not path.exists() and not create:
        raise ConfigurationError(
            f"kb.master_key_file: {path} does not exist but the key store holds keys wrapped by a master key; "
            "restore the key file (creating a new one would make the knowledge base unreadable)"
        )
    key = owner_only_secret(path, setting="kb.master_key_file", create=create, size=KEY_BYTES)
    return LocalKeyProvider(key, source=f"kb.master_key_file {path}")


def env_key_provider(variable: str) -> LocalKeyProvider:
    """The master key from an environment variable holding base64 (never logged, never echoed)."""
    key = env_secret(variable, setting="kb.master_key_env", size=KEY_BYTES)
    return LocalKeyProvider(key, source=f"kb.master_key_env {variable}")
