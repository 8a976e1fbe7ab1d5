"""``PseudonymVault``: which real value each pseudonym placeholder stands for, within one request or conversation.

Values are held only as AES-GCM ciphertexts under a key that lives and dies with the vault, so a heap dump, a
``repr`` or an accidental log line of the vault shows no personal data. The vault also holds the conversation's
pseudonym key: placeholders made for it (``Masker``) are consistent inside the conversation and unlinkable to any
other, so nobody can confirm a guessed value by masking candidates in another request.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import regex
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gateway.pii.digest import normalise
from gateway.pii.errors import PiiError

TAG_HEX = 12
"""Hex digits of a pseudonym tag: 48 bits, so values inside one conversation do not collide (a collision that does
happen is refused, never restored as the wrong person)."""
PLACEHOLDER = regex.compile(r"<([A-Z][A-Z_]*?)_([0-9a-f]{12})>")


class PseudonymVault:
    """Placeholder → original value, encrypted in memory; :meth:`restore` puts back only revealed types."""

    __slots__ = ("_aead", "_entries", "pseudonym_key")

    def __init__(self, pseudonym_key: bytes | None = None) -> None:
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self._entries: dict[str, tuple[str, bytes, bytes]] = {}
        self.pseudonym_key = pseudonym_key or os.urandom(32)
        """Keys the placeholders of this conversation (random per vault unless shared through ``sibling``)."""

    def sibling(self) -> PseudonymVault:
        """A vault of the same conversation (same pseudonyms) that records its own entries: placeholders from
        sources with other reveal rights are kept apart (``gateway.chat.reveal``)."""
        return PseudonymVault(self.pseudonym_key)

    def __repr__(self) -> str:
        return f"PseudonymVault(<{len(self._entries)} entries>)"

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, placeholder: object) -> bool:
        return placeholder in self._entries

    def record(self, placeholder: str, entity_type: str, value: str) -> None:
        """Remember that ``placeholder`` (of ``entity_type``) stands for ``value``. Placeholders are keyed on the
        value's normal form (``gateway.pii.digest``), so "JANE DOE" after "Jane Doe", or "+1 217 555 0143" after
        "2175550143", is the same value: the first form seen is the one restored. Two values that differ in their
        normal form under one tag (a 48-bit collision) fail the request."""
        known = self._entries.get(placeholder)
        if known is not None:
            first = self._open(placeholder, known)
            if known[0] != entity_type or normalise(entity_type, first) != normalise(entity_type, value):
                raise PiiError("two values share one pseudonym tag; the request was not completed")
            return
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, value.encode("utf-8"), placeholder.encode("utf-8"))
        self._entries[placeholder] = (entity_type, nonce, sealed)

    def entity_type(self, placeholder: str) -> str | None:
        """The entity type ``placeholder`` stands for, if this vault made it."""
        entry = self._entries.get(placeholder)
        return entry[0] if entry is not None else None

    def relabel(self, text: str, label: Callable[[str, str], str]) -> str:
        """``text`` with every placeholder this vault knows replaced by ``label(entity_type, value)``: how the audit
        trail re-keys a conversation's pseudonyms under its own linkage key."""

        def relabelled(match: regex.Match[str]) -> str:
            entry = self._entries.get(match.group())
            return match.group() if entry is None else label(entry[0], self._open(match.group(), entry))

        return PLACEHOLDER.sub(relabelled, text)

    def _open(self, placeholder: str, entry: tuple[str, bytes, bytes]) -> str:
        entity_type, nonce, sealed = entry
        try:
            return self._aead.decrypt(nonce, sealed, placeholder.encode("utf-8")).decode("utf-8")
        except Exception as exc:
            raise PiiError(f"vault entry for a {entity_type} placeholder cannot be decrypted") from exc

    def restore(self, text: str, revealed_types: frozenset[str] | set[str]) -> str:
        """``text`` with every known placeholder of a revealed type replaced by its original value."""

        def original(match: regex.Match[str]) -> str:
            placeholder = match.group()
            entry = self._entries.get(placeholder)
            if entry is None or entry[0] not in revealed_types:
                return placeholder
            return self._open(placeholder, entry)

        return PLACEHOLDER.sub(original, text)
