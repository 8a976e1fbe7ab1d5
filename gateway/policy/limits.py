"""How much one principal may ask of the gateway at once: a text cap before masking, concurrent requests, and a
rate on ``/v1/mask``. Settings section ``limits`` (env ``GATEWAY_LIMITS__*``).

Detection costs about 20 µs per character on the single PII worker that every request shares, so one request with
a megabyte of text would hold everyone's masking for some twenty seconds: text beyond ``max_text_chars`` is refused
(413, naming the limit) before any of it is masked. A principal holding more than ``max_concurrent_per_principal``
requests open gets 429, so one caller cannot occupy every worker; ``/v1/mask`` is also rate-limited per principal
(a token bucket), which slows down anyone trying masks at scale.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from gateway.errors import ConcurrencyLimited, PayloadTooLarge, RateLimited


class LimitSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_text_chars: int = Field(default=32_768, ge=256)
    """Characters of text one request may hand to the PII engine (chat messages and stop sequences, a mask text,
    a search query); more is refused with 413 before masking."""
    max_concurrent_per_principal: int = Field(default=8, ge=1)
    """Requests one user or service may have open at once (a stream counts until it ends); more get 429."""
    mask_per_minute: int = Field(default=120, ge=1)
    """``POST /v1/mask`` calls per principal per minute (bursts up to the same number); more get 429."""


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


class RequestLimits:
    """The per-principal limits of one process (thread-safe)."""

    def __init__(self, settings: LimitSettings | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings or LimitSettings()
        self._clock = clock
        self._lock = threading.Lock()
        self._open: dict[str, int] = {}
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def check_text(self, chars: int, *, param: str | None = None) -> None:
        """PayloadTooLarge (413) when a request holds more text than the PII engine is given at once."""
        limit = self.settings.max_text_chars
        if chars > limit:
            raise PayloadTooLarge(f"the request holds {chars} characters of text to check for personal data; the "
                                  f"limit is {limit} (limits.max_text_chars)", param=param)

    def enter(self, principal: str) -> Callable[[], None]:
        """Take one of ``principal``'s request slots; returns the function that gives it back (call it once)."""
        limit = self.settings.max_concurrent_per_principal
        with self._lock:
            held = self._open.get(principal, 0)
            if held >= limit:
                raise ConcurrencyLimited(f"too many requests open at once for this caller (at most {limit}; "
                                         "limits.max_concurrent_per_principal)", retry_after=1)
            self._open[principal] = held + 1
        released = False

        def release() -> None:
            nonlocal released
            if released:
                return
            released = True
            with self._lock:
                left = self._open.get(principal, 1) - 1
                if left > 0:
                    self._open[principal] = left
                else:
                    self._open.pop(principal, None)

        return release

    def open_requests(self, principal: str) -> int:
        with self._lock:
            return self._open.get(principal, 0)

    def take_mask(self, principal: str) -> None:
        """One ``/v1/mask`` call for ``principal``, or RateLimited (429, Retry-After) when its bucket is empty."""
        self._take(principal, "mask", self.settings.mask_per_minute)

    def _take(self, principal: str, what: str, per_minute: int) -> None:
        now = self._clock()
        rate = per_minute / 60.0
        with self._lock:
            bucket = self._buckets.get((principal, what))
            if bucket is None:
                bucket = self._buckets[(principal, what)] = _Bucket(float(per_minute), now)
            bucket.tokens = min(float(per_minute), bucket.tokens + (now - bucket.at) * rate)
            bucket.at = now
            if bucket.tokens < 1.0:
                wait = math.ceil((1.0 - bucket.tokens) / rate)
                raise RateLimited(f"at most {per_minute} {what} requests a minute for this caller "
                                  f"(limits.{what}_per_minute)", retry_after=max(1, wait))
            bucket.tokens -= 1.0
