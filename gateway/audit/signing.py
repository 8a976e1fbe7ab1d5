"""The Ed25519 key that signs checkpoints. It lives in its own file, apart from the database, so that write access
to the database alone is not enough to forge a checkpoint. Key material is never logged."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from gateway.keyfiles import check_owner_only, private_dir

log = logging.getLogger("gateway.audit")


def public_key_path(key_path: Path) -> Path:
    return key_path.with_suffix(".pub")


def key_id_of(public: Ed25519PublicKey) -> str:
    """A short fingerprint stored with each checkpoint, to tell keys apart after a rotation."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


class CheckpointVerifier:
    """Checks checkpoint signatures with the public key only (what an auditor needs)."""

    def __init__(self, public: Ed25519PublicKey) -> None:
        self.public = public
        self.key_id = key_id_of(public)

    @classmethod
    def load(cls, key_path: Path) -> CheckpointVerifier | None:
        """The verifier for the key at ``key_path`` (public file, else derived from the private file); None if
        neither exists."""
        pub = public_key_path(key_path)
        if pub.is_file():
            loaded = serialization.load_pem_public_key(pub.read_bytes())
            if not isinstance(loaded, Ed25519PublicKey):
                raise ValueError("the audit public key is not an Ed25519 key")
            return cls(loaded)
        if key_path.is_file():
            return cls(CheckpointSigner.load(key_path).private.public_key())
        return None

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            self.public.verify(signature, message)
            return True
        except InvalidSignature:
            return False


class CheckpointSigner:
    """Signs checkpoints with the private key."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self.private = private
        self.verifier = CheckpointVerifier(private.public_key())
        self.key_id = self.verifier.key_id

    @classmethod
    def load(cls, key_path: Path) -> CheckpointSigner:
        """The key in ``key_path``; ConfigurationError if group or others may read it (a key anyone on the host
        can read protects nothing), as for every other key file."""
        check_owner_only(key_path, setting="audit.signing_key_path")
        loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(loaded, Ed25519PrivateKey):
            raise ValueError("the audit signing key is not an Ed25519 key")
        return cls(loaded)

    @classmethod
    def load_or_create(cls, key_path: Path) -> CheckpointSigner:
        """Load the key, creating it (mode 0600, public key next to it) if absent. Safe when several processes
        start at once: the file appears atomically, complete, and only the first creator's key is kept."""
        if not key_path.is_file():
            cls._create(key_path)
        signer = cls.load(key_path)
        pub = public_key_path(key_path)
        if not pub.is_file():
            _write_atomically(pub, signer.private.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo), mode=0o600)
        return signer

    @staticmethod
    def _create(key_path: Path) -> None:
        private_dir(key_path.parent)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        fd, tmp = tempfile.mkstemp(dir=key_path.parent, prefix=".audit-key-")  # mkstemp creates it 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(tmp, key_path)  # fails if another process won the race; its key is the one kept
                log.info("created the audit signing key file %s", key_path)
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)


def _write_atomically(path: Path, data: bytes, *, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".audit-pub-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
