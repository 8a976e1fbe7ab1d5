"""Master-key rotation: re-wrap the keys the master key protects under a new one, without touching any ciphertext.

Only the index key and the collection keys are wrapped by the master key; document keys are wrapped by their
collection keys and the chunks are sealed by document keys, so a rotation rewrites a handful of rows in one
transaction, however large the knowledge base.

With the file provider the new key is written next to the old one (``kb-master.key.new``, 0600), the key store is
re-wrapped, the new key is checked to open it, and only then does the new file replace the old one. Interrupted at
any point, running the rotation again finishes it (re-wrapping skips keys the new key already wraps). With the
environment provider the new key comes from another variable; the operator then moves it into the configured one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from gateway.db.session import Database
from gateway.errors import ConfigurationError
from gateway.kb.keyring import KeyRing
from gateway.kb.keys import KeyProvider, env_key_provider, file_key_provider
from gateway.kb.settings import KbSettings


@dataclass(frozen=True, slots=True)
class Rotation:
    old_key_id: str
    new_key_id: str
    keys_rewrapped: int
    key_file: Path | None
    """Where the new master key now is (file provider); None for the environment provider."""


def master_key_path(kb: KbSettings, data_dir: Path) -> Path:
    return kb.master_key_file or data_dir / "keys" / "kb-master.key"


def rotate_master_key(kb: KbSettings, data_dir: Path, db: Database, *, new_env: str | None = None) -> Rotation:
    """Rotate the knowledge base's master key (see the module docstring); stop the gateway first."""
    if kb.key_provider == "env":
        if not new_env:
            raise ConfigurationError("kb.key_provider is env: name the variable holding the new key (--new-key-env)")
        if new_env == kb.master_key_env:
            raise ConfigurationError("the new master key must come from another variable than kb.master_key_env")
        return _rotate(db, env_key_provider(kb.master_key_env), env_key_provider(new_env), None, None)
    path = master_key_path(kb, data_dir)
    pending = path.with_name(path.name + ".new")
    return _rotate(db, file_key_provider(path, create=False), file_key_provider(pending, create=True), path, pending)


def _rotate(db: Database, old: KeyProvider, new: KeyProvider, path: Path | None, pending: Path | None) -> Rotation:
    if old.key_id == new.key_id:
        raise ConfigurationError("the new master key is the same as the current one")
    moved = KeyRing(db, old).rewrap_master(new)
    KeyRing(db, new).verify()  # the new key opens the store before the old one is let go
    if path is not None and pending is not None:
        os.replace(pending, path)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return Rotation(old.key_id, new.key_id, moved, path)
