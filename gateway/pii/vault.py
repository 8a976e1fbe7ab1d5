"""``PseudonymVault``: which real value each pseudonym placeholder stands for, within one request or conversation.

Values are held only as AES-GCM ciphertexts under a key that lives and dies with the vault, so a heap dump, a
``repr`` or an accidental log line of the vault shows no personal data.
"""

from __future__ import annotations

import os

import regex
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gateway.pii.errors import PiiError

PLACEHOLDER = regex.compile(r"<([A-Z][A-Z_]*?)_([0-9a-f]{8})>")


class PseudonymVault:
    """Placeholder → original value, encrypted in memory; :meth:`restore` puts back only revealed types."""

    __slots__ = ("_aead", "_entries")

    def __init__(self) -> None:
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self._entries: dict[str, tuple[str, bytes, bytes]] = {}

    def __repr__(self) -> str:
        return f"PseudonymVault(<{len(self._entries)} entries>)"

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, placeholder: object) -> bool:
        return placeholder in self._entries

    def record(self, placeholder: str, entity_type: str, value: str) -> None:
        """Remember that ``placeholder`` (of ``entity_type``) stands for ``value``."""
        if placeholder in self._entries:
            return
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, value.encode("utf-8"), placeholder.encode("utf-8"))
        self._entries[placeholder] = (entity_type, nonce, sealed)

    def restore(self, text: str, revealed_types: frozenset[str] | set[str]) -> str:
        """``text`` with every known placeholder of a revealed type replaced by its original value."""

        def original(match: regex.Match[str]) -> str:
            placeholder = match.group()
            entry = self._entries.get(placeholder)
            if entry is None or entry[0] not in revealed_types:
                return placeholder
            entity_type, nonce, sealed = entry
            try:
                return self._aead.decrypt(nonce, sealed, placeholder.encode("utf-8")).decode("utf-8")
            except Exception as exc:
                raise PiiError(f"vault entry for a {entity_type} placeholder cannot be decrypted") from exc

        return PLACEHOLDER.sub(original, text)
