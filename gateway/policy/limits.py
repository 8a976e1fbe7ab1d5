"""How much one principal may ask of the gateway at once: a text cap before masking, concurrent requests, and a
rate on ``/v1/mask``. Settings section ``limits`` (env ``GATEWAY_LIMITS__*``).

Detection costs about 20 µs per character on the single PII worker that every request shares, so one request with
a megabyte of text would hold everyone's masking for some twenty seconds: text beyond ``max_text_chars`` is refused
(413, naming the limit) before any of it is masked. A principal holding more than ``max_concurrent_per_principal``
requests open gets 429, so one caller cannot occupy every worker; ``/v1/mask`` is also rate-limited per principal
(a token bucket), which slows down anyone trying masks at scale.

The counts live in a ``Counters`` store: this process's own by default, or Redis (``coordination.redis_url``) so
that a principal's limits hold across every gateway process of the deployment.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from gateway.coordination.counters import Counters, LocalCounters, retry_after
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


class RequestLimits:
    """The per-principal limits, counted in ``counters`` (thread-safe)."""

    def __init__(self, settings: LimitSettings | None = None, *, counters: Counters | None = None) -> None:
        self.settings = settings or LimitSettings()
        self._counters: Counters = counters or LocalCounters()

    def check_text(self, chars: int, *, param: str | None = None) -> None:
        """PayloadTooLarge (413) when a request holds more text than the PII engine is given at once."""
        limit = self.settings.max_text_chars
        if chars > limit:
            raise PayloadTooLarge(f"the request holds {chars} characters of text to check for personal data; the "
                                  f"limit is {limit} (limits.max_text_chars)", param=param)

    def enter(self, principal: str) -> Callable[[], None]:
        """Take one of ``principal``'s request slots; returns the function that gives it back (call it once)."""
        limit = self.settings.max_concurrent_per_principal
        key = f"open:{principal}"
        lease = self._counters.acquire(key, limit)
        if lease is None:
            raise ConcurrencyLimited(f"too many requests open at once for this caller (at most {limit}; "
                                     "limits.max_concurrent_per_principal)", retry_after=1)
        once = threading.Lock()

        def release() -> None:
            if once.acquire(blocking=False):
                self._counters.release(key, lease)

        return release

    def open_requests(self, principal: str) -> int:
        return self._counters.held(f"open:{principal}")

    def take_mask(self, principal: str) -> None:
        """One ``/v1/mask`` call for ``principal``, or RateLimited (429, Retry-After) when its bucket is empty."""
        self._take(principal, "mask", self.settings.mask_per_minute)

    def _take(self, principal: str, what: str, per_minute: int) -> None:
        wait = self._counters.take(f"{what}:{principal}", per_minute)
        if wait > 0:
            raise RateLimited(f"at most {per_minute} {what} requests a minute for this caller "
                              f"(limits.{what}_per_minute)", retry_after=retry_after(wait))
