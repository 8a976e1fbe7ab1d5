"""Prometheus metrics, in a registry of the app's own (so several apps in one process, as in tests, never clash)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from gateway.llm.types import Finished

DEPTH_HISTORY_MINUTES = 24 * 60


class DepthHistory:
    """The model queue's highest depth per minute over the last day, in memory (for the console's dashboard; a
    Prometheus server keeps the long history)."""

    def __init__(self, minutes: int = DEPTH_HISTORY_MINUTES) -> None:
        self._minutes: deque[tuple[int, int]] = deque(maxlen=minutes)
        self._lock = threading.Lock()

    def observe(self, depth: int, now: float | None = None) -> None:
        minute = int((now if now is not None else time.time()) // 60)
        with self._lock:
            if self._minutes and self._minutes[-1][0] == minute:
                self._minutes[-1] = (minute, max(self._minutes[-1][1], depth))
            else:
                self._minutes.append((minute, depth))

    def since(self, start: float) -> list[tuple[int, int]]:
        """(minute since the epoch, highest depth) for the minutes from ``start`` on that saw a change."""
        first = int(start // 60)
        with self._lock:
            return [(m, d) for m, d in self._minutes if m >= first]


_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "gateway_requests_total", "HTTP requests by route and status", ["route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "gateway_request_seconds", "HTTP request latency by route", ["route"], buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "gateway_model_queue_depth", "Requests generating or waiting for the model", registry=self.registry
        )
        self.depth_history = DepthHistory()
        self.tokens_generated = Counter(
            "gateway_tokens_generated_total", "Completion tokens generated", registry=self.registry
        )
        self.prompt_tokens = Counter("gateway_prompt_tokens_total", "Prompt tokens evaluated", registry=self.registry)
        self.rejected = Counter(
            "gateway_queue_rejections_total", "Requests refused with 429 because the queue was full",
            registry=self.registry,
        )
        self.answer_format = Counter(
            "gateway_answer_format_total", "Answers of roles with an answer template or format, by role and whether "
            "they complied (after the retry the policy allows)", ["role", "result"], registry=self.registry,
        )
        self.invalid_citations = Counter(
            "gateway_invalid_citations_total", "[n] markers naming no provided source, removed from answers",
            ["role"], registry=self.registry,
        )
        self.refusals = Counter(
            "gateway_refusals_total", "Questions answered with the policy's no-sources message (model not called)",
            ["role"], registry=self.registry,
        )

    def set_queue_depth(self, depth: int) -> None:
        self.queue_depth.set(depth)
        self.depth_history.observe(depth)

    def count_generation(self, finished: Finished) -> None:
        self.tokens_generated.inc(finished.completion_tokens)
        self.prompt_tokens.inc(finished.prompt_tokens)

    def count_grounding(self, role: str, answer_format: str | None, valid: bool | None, invalid_citations: int,
                        refused: bool) -> None:
        """One answer's grounding: ``role`` is the policy role whose template shaped it (a bounded label set)."""
        if refused:
            self.refusals.labels(role).inc()
        if answer_format is not None and valid is not None:
            self.answer_format.labels(role, "compliant" if valid else "non_compliant").inc()
        self.invalid_citations.labels(role).inc(invalid_citations)  # at 0 too: the series exists once answered

    def watch_upstreams(self, states: Callable[[], list[dict[str, object]]]) -> None:
        """Export a remote pool's per-upstream state, read when scraped."""
        self.registry.register(_UpstreamCollector(states))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _UpstreamCollector(Collector):
    def __init__(self, states: Callable[[], list[dict[str, object]]]) -> None:
        self._states = states

    def collect(self) -> Iterator[Metric]:
        healthy = GaugeMetricFamily("gateway_upstream_healthy", "1 while the upstream passes its health checks",
                                    labels=["upstream"])
        in_flight = GaugeMetricFamily("gateway_upstream_in_flight", "Requests generating on the upstream now",
                                      labels=["upstream"])
        served = CounterMetricFamily("gateway_upstream_requests", "Requests sent to the upstream", labels=["upstream"])
        failures = CounterMetricFamily("gateway_upstream_failures", "Requests that failed on the upstream",
                                       labels=["upstream"])
        ejections = CounterMetricFamily("gateway_upstream_ejections", "Times the upstream was taken out of the pool",
                                        labels=["upstream"])
        for state in self._states():
            url = [str(state["url"])]
            healthy.add_metric(url, 1.0 if state["healthy"] else 0.0)
            in_flight.add_metric(url, float(state["in_flight"]))  # type: ignore[arg-type]
            served.add_metric(url, float(state["served"]))  # type: ignore[arg-type]
            failures.add_metric(url, float(state["failures"]))  # type: ignore[arg-type]
            ejections.add_metric(url, float(state["ejections"]))  # type: ignore[arg-type]
        yield from (healthy, in_flight, served, failures, ejections)


class MetricsMiddleware:
    """ASGI middleware counting every HTTP request by route template and status, and timing it."""

    def __init__(self, app: Any, metrics: Metrics, known_paths: frozenset[str]) -> None:
        self.app = app
        self.metrics = metrics
        self.known_paths = known_paths

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = scope["path"] if scope["path"] in self.known_paths else "other"
        status = {"code": 500}
        started = time.perf_counter()

        async def send_wrapper(message: Any) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            self.metrics.requests.labels(route, str(status["code"])).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)
