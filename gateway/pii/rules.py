"""``PiiRules``: what one role's policy says about personal data, as the PII engine needs it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

import regex

from gateway.pii.detection import Detection
from gateway.pii.entities import SUPPORTED_ENTITIES

Operator = Literal["redact", "tag", "pseudonym", "hash", "encrypt"]
OPERATORS: frozenset[str] = frozenset({"redact", "tag", "pseudonym", "hash", "encrypt"})


def _frozen_mapping(items: Mapping[str, object] | None = None) -> Mapping:
    return MappingProxyType(dict(items or {}))


@dataclass(frozen=True)
class PiiRules:
    """One role's PII policy.

    ``entities_masked`` are hidden from the model; ``entities_revealed`` may be put back into answers shown to the
    role. ``deny_list`` maps terms that are always masked to the entity type they are masked as; ``allow_list``
    terms are never masked (exact, case-insensitive).
    """

    entities_masked: frozenset[str] = SUPPORTED_ENTITIES
    entities_revealed: frozenset[str] = frozenset()
    operators: Mapping[str, Operator] = field(default_factory=_frozen_mapping)
    default_operator: Operator = "pseudonym"
    score_threshold: float = 0.4
    thresholds: Mapping[str, float] = field(default_factory=_frozen_mapping)
    allow_list: frozenset[str] = frozenset()
    deny_list: Mapping[str, str] = field(default_factory=_frozen_mapping)

    def __post_init__(self) -> None:
        for operator in (self.default_operator, *self.operators.values()):
            if operator not in OPERATORS:
                raise ValueError(f"unknown PII operator {operator!r}; expected one of {sorted(OPERATORS)}")
        for name, value in (("score_threshold", self.score_threshold), *self.thresholds.items()):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"threshold for {name} must be between 0 and 1")
        object.__setattr__(self, "operators", _frozen_mapping(self.operators))
        object.__setattr__(self, "thresholds", _frozen_mapping(self.thresholds))
        object.__setattr__(self, "deny_list", _frozen_mapping(self.deny_list))
        object.__setattr__(self, "_allowed", frozenset(term.casefold() for term in self.allow_list))
        object.__setattr__(self, "_deny_regex", _deny_regex(self.deny_list))

    @classmethod
    def default(cls) -> PiiRules:
        """Mask every supported type with keyed pseudonyms; reveal nothing."""
        return _DEFAULT

    def operator_for(self, entity_type: str) -> Operator:
        return self.operators.get(entity_type, self.default_operator)

    def threshold_for(self, entity_type: str) -> float:
        return self.thresholds.get(entity_type, self.score_threshold)

    def is_allowed(self, value: str) -> bool:
        return value.casefold() in self._allowed  # type: ignore[attr-defined]

    def deny_list_detections(self, text: str) -> list[Detection]:
        pattern: regex.Pattern[str] | None = self._deny_regex  # type: ignore[attr-defined]
        if pattern is None:
            return []
        by_term = {term.casefold(): entity for term, entity in self.deny_list.items()}
        return [Detection(by_term[m.group().casefold()], m.start(), m.end(), 1.0) for m in pattern.finditer(text)]


def _deny_regex(deny_list: Mapping[str, str]) -> regex.Pattern[str] | None:
    if not deny_list:
        return None
    terms = sorted(deny_list, key=len, reverse=True)
    alternatives = "|".join(regex.escape(term) for term in terms)
    return regex.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", regex.IGNORECASE)


_DEFAULT = PiiRules()
