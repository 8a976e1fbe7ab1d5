"""Secrets kept in files that only their owner may read (or in environment variables), in one place.

A key file is created with mode 0600 on first use when the caller allows it; a file that group or others may read,
or that another user owns, is refused, because a key anyone on the host can read protects nothing. Messages name
the setting and the path, never the key.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
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
        private_dir(path.parent)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first: use theirs
            return owner_only_secret(path, setting=setting, create=False, size=size)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
    check_owner_only(path, setting=setting)
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


def check_owner_only(path: Path, *, setting: str) -> None:
    """ConfigurationError unless ``path`` is readable by its owner only, and that owner is this process's user."""
    problem = loose_permissions(path)
    if problem is not None:
        raise ConfigurationError(f"{setting}: {path} {problem}")


def loose_permissions(path: Path) -> str | None:
    """Why ``path`` is not private to this user (group or others may reach it, or another user owns it); None
    when it is private or does not exist."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        wanted = "700" if path.is_dir() else "600"
        return (f"has mode {stat.S_IMODE(info.st_mode):04o}; group or others may access it. "
                f"Run: chmod {wanted} {path}")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "is owned by another user"
    return None


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700 directories; an existing one is left as it is (``gateway
    doctor`` reports it if it is too open)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for directory in reversed(missing):
        directory.mkdir(mode=0o700, exist_ok=True)
        os.chmod(directory, 0o700)  # mkdir's mode is filtered by the umask; a private directory must not be
    return path


def private_file(path: Path) -> Path:
    """Create an empty ``path`` with mode 0600 unless it exists, so a library that opens it later (SQLite) keeps
    that mode instead of the umask's."""
    private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path
