"""AES-256-GCM sealing with associated data: the ciphertext format every stored secret in the knowledge base uses.

A sealed blob is ``0x01 | nonce (12 bytes) | ciphertext+tag``. The associated data is not stored: the reader rebuilds
it from where the blob sits (document id, version, chunk id, field), so a blob copied to another row fails to open.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gateway.errors import ServerError

FORMAT_V1 = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_V1 + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Open a sealed blob; a wrong key, wrong associated data or any tampering raises ServerError (integrity)."""
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_V1:
        raise ServerError("stored ciphertext has an unknown format", code="integrity_error")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise ServerError("stored ciphertext failed authentication", code="integrity_error") from None


def chunk_aad(doc_id: str, version: int, chunk_id: str, field: str) -> bytes:
    """Binds a chunk's ciphertext to its document, version, chunk and field (``text`` or ``meta``)."""
    return f"gateway-kb/v1|{doc_id}|{version}|{chunk_id}|{field}".encode()
