"""``MaskingService``: the one way the gateway's request paths reach the PII engine.

Detection runs on one worker thread owned by this service, in arrival order, off the event loop: spaCy documents
its pipelines as not safe to call concurrently, so the detector also serialises its own calls (``PiiDetector``), and
every path — chat messages, retrieved passages, answers and streams, ``/v1/mask``, search results, passages shown
to officers — goes through this worker instead of calling the engine on whatever thread it happens to be on.
Knowledge-base passages whose personal data was found at ingestion (``gateway.pii.candidates``) are masked from
those spans without the worker (``mask_found``). A
failure inside detection or masking becomes ``MaskingFailed`` here, in one place, and the request fails closed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from gateway.errors import GatewayError, MaskingFailed
from gateway.pii.candidates import Candidates, reader_spans
from gateway.pii.detection import Detection
from gateway.pii.detector import Language, PiiDetector
from gateway.pii.masker import Masker, MaskResult
from gateway.pii.rules import PiiRules
from gateway.pii.vault import PseudonymVault

T = TypeVar("T")

RulesFor = Callable[[Iterable[str]], PiiRules]
"""The PII rules of a principal holding these roles (the policy set decides)."""

DETECTION_FAILED = "personal data detection failed"


class MaskingService:
    def __init__(self, masker: Masker, rules_for: RulesFor) -> None:
        self.masker = masker
        self.detector: PiiDetector = masker.detector
        self._rules_for = rules_for
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pii")

    def rules_for(self, roles: Iterable[str]) -> PiiRules:
        """The rules the policy applies to a principal holding ``roles``."""
        return self._rules_for(roles)

    def submit(self, work: Callable[..., T], *args: Any, failure: str = DETECTION_FAILED) -> asyncio.Future[T]:
        """Queue ``work(*args)`` on the PII worker now (call on the event loop); any error in it becomes
        ``MaskingFailed(failure)``. Work is done in the order it is submitted."""
        return asyncio.get_running_loop().run_in_executor(self._executor, _guarded, work, args, failure)

    async def run(self, work: Callable[..., T], *args: Any, failure: str = DETECTION_FAILED) -> T:
        """``work(*args)`` on the PII worker, awaited."""
        return await self.submit(work, *args, failure=failure)

    def run_blocking(self, work: Callable[..., T], *args: Any, failure: str = DETECTION_FAILED) -> T:
        """The same from a worker thread that may block (sync handlers); never call it on the event loop."""
        return self._executor.submit(_guarded, work, args, failure).result()

    async def mask(self, text: str, rules: PiiRules, vault: PseudonymVault | None = None,
                   language: Language | None = None, *, failure: str = DETECTION_FAILED) -> MaskResult:
        return await self.run(self.masker.mask, text, rules, vault, language, failure=failure)

    async def mask_all(self, texts: Sequence[str], rules: PiiRules, vault: PseudonymVault | None = None, *,
                       failure: str = DETECTION_FAILED) -> list[MaskResult]:
        """Mask several texts with one NLP batch, in order."""
        return await self.run(self.mask_all_now, texts, rules, vault, failure=failure)

    def mask_all_now(self, texts: Sequence[str], rules: PiiRules, vault: PseudonymVault | None = None, *,
                     vaults: Sequence[PseudonymVault] | None = None) -> list[MaskResult]:
        """``mask_all`` on the calling thread: for work already running on the PII worker. ``vaults``, when given,
        names the vault of each text (passages of different sources keep their placeholders apart)."""
        found = self.detector.detect_batch(texts, rules=rules)
        chosen: Sequence[PseudonymVault | None] = vaults if vaults is not None else [vault] * len(texts)
        return [self.masker.apply(text, spans, rules, v) for text, spans, v in zip(texts, found, chosen, strict=True)]

    async def mask_found(self, items: Sequence[tuple[str, Candidates | None]], rules: PiiRules,
                         vaults: Sequence[PseudonymVault], *, failure: str = DETECTION_FAILED) -> list[MaskResult]:
        """Mask texts whose personal data was found before (detect once, mask per reader: stored knowledge-base
        passages) under ``rules``, each into its vault. When every text's candidates serve ``rules``, no NER runs and
        nothing waits for the PII worker; otherwise the whole lot goes to the worker, the others detected there."""
        if all(self._usable(text, found, rules) for text, found in items):
            return _guarded(self.mask_found_now, (items, rules, vaults), failure)
        return await self.run(self.mask_found_now, items, rules, vaults, failure=failure)

    def mask_found_now(self, items: Sequence[tuple[str, Candidates | None]], rules: PiiRules,
                       vaults: Sequence[PseudonymVault]) -> list[MaskResult]:
        """``mask_found`` on the calling thread (the PII worker, when some texts need detecting)."""
        spans: list[list[Detection] | None] = [
            (reader_spans(text, found, rules) if found is not None else []) if self._usable(text, found, rules)
            else None for text, found in items]
        missing = [i for i, s in enumerate(spans) if s is None]
        if missing:
            detected = self.detector.detect_batch([items[i][0] for i in missing], rules=rules)
            for i, found in zip(missing, detected, strict=True):
                spans[i] = found
        return [self.masker.apply(text, found or [], rules, vault)
                for (text, _), found, vault in zip(items, spans, vaults, strict=True)]

    def _usable(self, text: str, found: Candidates | None, rules: PiiRules) -> bool:
        """Whether ``found`` serves ``rules`` on this engine (an empty text needs none)."""
        if not text.strip():
            return True
        return (found is not None and found.covers(rules, self.detector.version)
                and all(d.end <= len(text) for d in found.spans))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _guarded(work: Callable[..., T], args: tuple[Any, ...], failure: str) -> T:
    try:
        return work(*args)
    except GatewayError:
        raise
    except Exception as exc:  # fail closed; a library message may quote the text, so it is not passed on
        raise MaskingFailed(failure) from exc
