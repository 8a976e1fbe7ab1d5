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

    def section(self, text: str) -> str:
        """A whole piece the gateway wrote (a refusal), masked and released at once so it can go out as its own
        chunk; anything the model wrote before it is released first."""
        return self._release(self._stream.feed(text) + self._stream.finish())

    def masked_section(self, masked: str) -> str:
        """A piece the gateway built from values it masked one by one (a template's source section): released as
        it is, after anything still held back, with the placeholders the role may see restored."""
        return self._release(self._stream.finish()) + self._release(masked)

    @property
    def masked_answer(self) -> str:
        return "".join(self.masked_parts)

    def _release(self, masked: str) -> str:
        if not masked:
            return ""
        self.masked_parts.append(masked)
        return self._restore(masked) if self._restore is not None else masked
