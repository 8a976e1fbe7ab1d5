"""Secrets kept in files that only their owner may read (or in environment variables), in one place.

A key file is created with mode 0600 on first use when the caller allows it; a file that group or others may read,
or that another user owns, is refused, because a key anyone on the host can read protects nothing. Messages name
the setting and the path, never the key.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import stat
from pathlib import Path

from gateway.errors import ConfigurationError


def owner_only_secret(path: Path, *, setting: str, create: bool, size: int = 32) -> bytes:
    """The secret in ``path``, created with ``size`` random bytes (mode 0600) when absent and ``create``."""
    if not path.exists():
        if not create:
            raise ConfigurationError(f"{setting}: {path} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first: use theirs
            return owner_only_secret(path, setting=setting, create=False, size=size)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    info = path.stat()
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigurationError(
            f"{setting}: {path} has mode {stat.S_IMODE(info.st_mode):04o}; group or others may access it. "
            f"Run: chmod 600 {path}"
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise ConfigurationError(f"{setting}: {path} is owned by another user")
    data = path.read_bytes()
    if len(data) < size:
        raise ConfigurationError(f"{setting}: {path} holds fewer than {size} bytes")
    return data


def env_secret(variable: str, *, setting: str, size: int = 32) -> bytes:
    """A base64 secret from an environment variable."""
    raw = os.environ.get(variable)
    if not raw:
        raise ConfigurationError(f"{setting}: environment variable {variable} is not set")
    try:
        data = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ConfigurationError(f"{setting}: {variable} is not valid base64") from None
    if len(data) < size:
        raise ConfigurationError(f"{setting}: {variable} must decode to at least {size} bytes")
    return data
