"""UpstreamPool: several OpenAI-compatible upstreams (llama-server, vLLM, another gateway) behind one remote backend.

Each request goes to the least busy healthy upstream (fewest requests in flight, then fewest served). An upstream
that refuses a connection or answers 5xx is ejected at once; a health check (``GET <base>/models``) every
``interval_s`` ejects those that stop answering and re-admits those that answer again. Per-upstream state feeds
``/readyz`` and the metrics.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx


@dataclass(slots=True)
class Upstream:
    base_url: str
    healthy: bool = True
    in_flight: int = 0
    served: int = 0
    failures: int = 0
    """Requests that failed on this upstream (connection refused, 5xx, broken stream)."""
    ejections: int = 0

    def state(self) -> dict[str, object]:
        return {"url": self.base_url, "healthy": self.healthy, "in_flight": self.in_flight, "served": self.served,
                "failures": self.failures, "ejections": self.ejections}


class UpstreamPool:
    def __init__(self, base_urls: list[str], *, headers: dict[str, str], interval_s: float = 5.0,
                 timeout_s: float = 2.0) -> None:
        if not base_urls:
            raise ValueError("an upstream pool needs at least one base URL")
        self.upstreams = [Upstream(url.rstrip("/")) for url in base_urls]
        self._headers = headers
        self._lock = threading.Lock()
        self._interval_s = interval_s
        self._timeout_s = timeout_s
        self._closed = threading.Event()
        self._on_change: Callable[[], None] = lambda: None
        self._checker = threading.Thread(target=self._check_loop, name="upstream-health", daemon=True)
        self._checker.start()

    @property
    def ready(self) -> bool:
        return any(u.healthy for u in self.upstreams)

    def states(self) -> list[dict[str, object]]:
        with self._lock:
            return [u.state() for u in self.upstreams]

    def candidates(self) -> list[Upstream]:
        """Healthy upstreams, least busy first; when none is healthy, all of them (a check may be stale)."""
        with self._lock:
            pool = [u for u in self.upstreams if u.healthy] or list(self.upstreams)
            return sorted(pool, key=lambda u: (u.in_flight, u.served))

    @contextmanager
    def use(self, upstream: Upstream) -> Iterator[None]:
        with self._lock:
            upstream.in_flight += 1
        try:
            yield
        finally:
            with self._lock:
                upstream.in_flight -= 1
                upstream.served += 1

    def eject(self, upstream: Upstream) -> None:
        with self._lock:
            upstream.failures += 1
            if upstream.healthy:
                upstream.healthy = False
                upstream.ejections += 1

    def check_now(self) -> None:
        """One round of health checks (the background thread runs one every ``interval_s``)."""
        with httpx.Client(headers=self._headers, timeout=self._timeout_s) as client:
            for upstream in self.upstreams:
                try:
                    ok = client.get(f"{upstream.base_url}/models").status_code == 200
                except httpx.HTTPError:
                    ok = False
                with self._lock:
                    if upstream.healthy and not ok:
                        upstream.ejections += 1
                    upstream.healthy = ok

    def close(self) -> None:
        self._closed.set()

    def _check_loop(self) -> None:
        while not self._closed.wait(self._interval_s):
            self.check_now()
