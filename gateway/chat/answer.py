"""AnswerGuard: what the model says is masked before it leaves, then placeholders the role may see are restored.

Streamed or not, the answer goes through the same StreamMasker, so a plain answer and a streamed one are masked
alike. The model only ever saw placeholders; any personal data in its output is its own and is masked like input.
A failure fails closed: the chat turn runs every step through ``MaskingService``, which turns it into
``MaskingFailed`` and sends nothing more. Restoring happens after masking and only for entity types the role's
policy reveals. A placeholder is a single non-space token, which the StreamMasker never splits, so restoration always
sees whole placeholders.
"""

from __future__ import annotations

from collections.abc import Callable

from gateway.pii.masker import Masker
from gateway.pii.rules import PiiRules
from gateway.pii.stream import StreamMasker
from gateway.pii.vault import PseudonymVault


class AnswerGuard:
    def __init__(self, masker: Masker, rules: PiiRules, vault: PseudonymVault,
                 restore: Callable[[str], str] | None = None) -> None:
        """``restore`` puts back the values the role may see (``RevealScopes.restore``); None restores nothing."""
        self._stream = StreamMasker(masker, rules, vault)
        self._restore = restore
        self.masked_parts: list[str] = []
        """The answer as masked before restoration: what the audit trail may keep."""

    def feed(self, delta: str) -> str:
        """The masked text now safe to send (run on the PII worker: ``MaskingService`` maps failures)."""
        return self._release(self._stream.feed(delta))

    def finish(self) -> str:
        return self._release(self._stream.finish())

    @property
    def masked_answer(self) -> str:
        return "".join(self.masked_parts)

    def _release(self, masked: str) -> str:
        if not masked:
            return ""
        self.masked_parts.append(masked)
        return self._restore(masked) if self._restore is not None else masked
