"""The keyed digest of a personal value: ``HMAC-SHA256(key, entity type + 0x1F + normalised value)``.

One definition for every place that must recognise the same value again without storing it: keyed pseudonyms
(``Masker``), the data-subject index of the knowledge base, and corpus tags and surrogates. The normal form folds
what does not change who or what a value names: full-width and invisible characters (``gateway.pii.normalise``),
case, runs of spaces, and for identifiers every separator ("+1 (217) 555-0143" and "12175550143" are one phone).
"""

from __future__ import annotations

import hashlib
import hmac

import regex

from gateway.pii import entities
from gateway.pii.normalise import fold

# Types whose separators carry no meaning: "+1 (217) 555-0143" and "12175550143" get the same digest.
_COMPACT_TYPES = frozenset(
    {
        entities.PHONE_NUMBER, entities.CREDIT_CARD, entities.IBAN_CODE, entities.US_SSN, entities.ACCOUNT_NUMBER,
        entities.MEDICAL_RECORD_NUMBER, entities.CN_RESIDENT_ID, entities.CN_MOBILE, entities.CN_BANK_CARD,
    }
)  # fmt: skip
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_SPACES = regex.compile(r"\s+")


def normalise(entity_type: str, value: str) -> str:
    """The form of a value that decides its digest: case-folded, whitespace collapsed, separators dropped."""
    folded = _SPACES.sub(" ", fold(value).strip()).casefold()
    if entity_type in _COMPACT_TYPES:
        folded = _NOT_ALNUM.sub("", folded)
        if entity_type == entities.CN_MOBILE and len(folded) > 11:
            folded = folded[-11:]
    return folded


def value_digest(key: bytes, entity_type: str, value: str) -> bytes:
    """``HMAC-SHA256(key, entity_type + "\\x1f" + normalise(entity_type, value))``, raw bytes."""
    message = (entity_type + "\x1f" + normalise(entity_type, value)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).digest()
