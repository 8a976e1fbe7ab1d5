"""``RevealScopes``: which placeholders an answer may put the real values back into, by where each value came from.

A principal's roles may reveal different entity types, and may read different collections. A value is restored
only under the rights that govern every place it was seen: what the caller wrote (and what the model invented) under
the union of the roles' reveal rights, a retrieved passage under the reveal rights of the roles that may read that
passage's collection at its level. A hospital registrar who is also a clinician sees patient names restored in
clinical guidelines (a clinician reads those and may see names) but never in admissions passages (only the
registrar reads those, and it reveals nothing). A value seen in several places is restored only if each allows it.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from gateway.pii.vault import PLACEHOLDER, PseudonymVault

RevealedFor = Callable[[str, int], frozenset[str]]
"""The entity types a passage of (collection, classification level) may reveal to this principal."""


class RevealScopes:
    def __init__(self, base: PseudonymVault, revealed: frozenset[str], revealed_for: RevealedFor) -> None:
        """``base`` records what the caller sent and what the model says, revealed by ``revealed``."""
        self.base = base
        self._revealed_for = revealed_for
        self._scopes: list[tuple[PseudonymVault, frozenset[str]]] = [(base, revealed)]
        self._by_source: dict[tuple[str, int], PseudonymVault] = {}

    def vault_for(self, collection: str, level: int) -> PseudonymVault:
        """The vault a passage of ``collection`` at ``level`` is masked into (one per distinct source)."""
        key = (collection, int(level))
        vault = self._by_source.get(key)
        if vault is None:
            vault = self._by_source[key] = self.base.sibling()
            self._scopes.append((vault, self._revealed_for(collection, int(level))))
        return vault

    @property
    def reveals_anything(self) -> bool:
        return any(types for _vault, types in self._scopes)

    def restore(self, text: str) -> str:
        """``text`` with each placeholder restored where every scope that holds it reveals its type."""
        if not self.reveals_anything:
            return text

        def original(match: regex.Match[str]) -> str:
            placeholder = match.group()
            holding = [(vault, types) for vault, types in self._scopes if placeholder in vault]
            if not holding:
                return placeholder
            entity_type = holding[0][0].entity_type(placeholder)
            if entity_type is None or any(entity_type not in types for _vault, types in holding):
                return placeholder
            return holding[0][0].restore(placeholder, frozenset({entity_type}))

        return PLACEHOLDER.sub(original, text)

    def relabel(self, text: str, label: Callable[[str, str], str]) -> str:
        """Re-key every known placeholder with ``label(entity_type, value)`` (the audit trail's linkage pseudonyms)."""

        def relabelled(match: regex.Match[str]) -> str:
            placeholder = match.group()
            for vault, _types in self._scopes:
                if placeholder in vault:
                    return vault.relabel(placeholder, label)
            return placeholder

        return PLACEHOLDER.sub(relabelled, text)
