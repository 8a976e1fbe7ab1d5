"""``Masker``: replaces detected personal data with what the role's policy says (pseudonym, tag, hash, …).

The replacement is done here rather than with presidio-anonymizer: one pass over spans we already hold, no
per-entity ``OperatorConfig`` objects, and the vault has to see each placeholder/value pair as it is made.
"""

from __future__ import annotations

import base64
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from gateway.pii.detection import Detection
from gateway.pii.detector import Language, PiiDetector
from gateway.pii.digest import value_digest
from gateway.pii.errors import PiiError
from gateway.pii.rules import PiiRules
from gateway.pii.vault import TAG_HEX, PseudonymVault


@dataclass(frozen=True)
class MaskResult:
    """The masked text, what was found (offsets into the original), and how many of each type."""

    text: str
    detections: tuple[Detection, ...]
    entity_counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


class Masker:
    """Masks text with a :class:`PiiDetector`. ``pseudonym_key`` keys hashes and, through subkeys, the audit
    trail's linkage pseudonyms; ``encryption_key`` (32 bytes; derived from ``pseudonym_key`` when omitted) keys the
    ``encrypt`` operator.

    Pseudonyms a caller sees are keyed by the conversation's vault (a random key per request), so the same person
    gets a different tag in every request and tags cannot be used to confirm a guessed value. Without a vault they
    are keyed by the linkage key: one person, one tag across the whole deployment; that form is for the audit trail
    (``linkage_placeholder``), not for callers."""

    def __init__(self, detector: PiiDetector, pseudonym_key: bytes, encryption_key: bytes | None = None) -> None:
        if len(pseudonym_key) < 16:
            raise PiiError("pseudonym key must be at least 16 bytes")
        self.detector = detector
        self._pseudonym_key = pseudonym_key
        key = encryption_key or HKDF(hashes.SHA256(), 32, None, b"gateway.pii.encrypt").derive(pseudonym_key)
        self._aead = AESGCM(key)
        self._linkage_key = HKDF(hashes.SHA256(), 32, None, b"gateway.pii.audit-linkage").derive(pseudonym_key)

    def mask(
        self, text: str, rules: PiiRules | None = None, vault: PseudonymVault | None = None,
        language: Language | None = None,
    ) -> MaskResult:  # fmt: skip
        """Detect and replace personal data in ``text``; pseudonyms are recorded in ``vault`` when given."""
        rules = rules or PiiRules.default()
        detections = self.detector.detect(text, language, rules)
        return self.apply(text, detections, rules, vault)

    def apply(
        self, text: str, detections: Sequence[Detection], rules: PiiRules, vault: PseudonymVault | None = None
    ) -> MaskResult:
        """Replace the given non-overlapping ``detections`` in ``text``."""
        pieces: list[str] = []
        cursor = 0
        for detection in sorted(detections, key=lambda d: d.start):
            if detection.start < cursor:
                raise PiiError("detections overlap")
            value = text[detection.start : detection.end]
            pieces.append(text[cursor : detection.start])
            pieces.append(self.replacement(detection.entity_type, value, rules, vault))
            cursor = detection.end
        pieces.append(text[cursor:])
        counts = Counter(d.entity_type for d in detections)
        return MaskResult("".join(pieces), tuple(detections), MappingProxyType(dict(counts)))

    def replacement(self, entity_type: str, value: str, rules: PiiRules, vault: PseudonymVault | None) -> str:
        operator = rules.operator_for(entity_type)
        if operator == "redact":
            return "[REDACTED]"
        if operator == "tag":
            return f"<{entity_type}>"
        if operator == "hash":
            return self._digest(entity_type, value)[:16]
        if operator == "encrypt":
            nonce = os.urandom(12)
            sealed = self._aead.encrypt(nonce, value.encode("utf-8"), entity_type.encode("ascii"))
            return f"<{entity_type}:" + base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=") + ">"
        key = vault.pseudonym_key if vault is not None else self._linkage_key
        placeholder = f"<{entity_type}_{value_digest(key, entity_type, value).hex()[:TAG_HEX]}>"
        if vault is not None:
            vault.record(placeholder, entity_type, value)
        return placeholder

    def linkage_placeholder(self, entity_type: str, value: str) -> str:
        """The deployment-wide pseudonym of a value, under the audit linkage key (never shown to callers)."""
        return f"<{entity_type}_{value_digest(self._linkage_key, entity_type, value).hex()[:TAG_HEX]}>"

    def decrypt(self, token: str) -> str:
        """The value inside an ``encrypt`` token ``<TYPE:...>``."""
        entity_type, _, body = token.strip("<>").partition(":")
        try:
            raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            return self._aead.decrypt(raw[:12], raw[12:], entity_type.encode("ascii")).decode("utf-8")
        except Exception as exc:
            raise PiiError("encrypted PII token cannot be decrypted") from exc

    def _digest(self, entity_type: str, value: str) -> str:
        return value_digest(self._pseudonym_key, entity_type, value).hex()
