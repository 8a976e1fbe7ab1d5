"""The hook through which a compliance officer reads the passages an audited answer cited.

The trail stores citations by reference only (document, version, chunk, content hash). The knowledge base, which
holds the encrypted passages, plugs in here; until it does, no passage text is available.
"""

from __future__ import annotations

from typing import Protocol

from gateway.policy.policy_set import EffectiveRights


class PassageSource(Protocol):
    def passage(self, document_id: str, version: int, chunk_id: str, *, rights: EffectiveRights | None = None
                ) -> str | None:  # fmt: skip
        """The cited chunk's text, decrypted on demand, or None if it no longer exists (purged or re-versioned);
        PolicyDenied when ``rights`` are given and do not clear the chunk's collection and level. Each call is
        itself audited by the caller (``audit.passages``)."""
        ...
