"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from litestar import MediaType, Response, get

from gateway.api.guards import permission
from gateway.llm.factory import model_ready, upstream_states
from gateway.observability.metrics import Metrics
from gateway.policy.access import PUBLIC
from gateway.services import Services


@get("/healthz", opt=permission(PUBLIC), media_type=MediaType.JSON)
async def healthz() -> dict[str, str]:
    return {"status": "alive"}


@get("/readyz", opt=permission(PUBLIC), media_type=MediaType.JSON, sync_to_thread=False)
def readyz(services: Services) -> Response[dict[str, object]]:
    checks = {
        "database": services.db.ping(),
        "chat_model": services.chat is not None and model_ready(services.chat.queue.model),
        "embedding_model": services.embedder is not None or not services.settings.embedding.load,
        "policy": services.policy.version[:12],
    }
    ready = all(v for v in checks.values())
    body: dict[str, object] = {"ready": ready, "checks": checks}
    upstreams = upstream_states(services.chat.queue.model) if services.chat is not None else None
    if upstreams is not None:
        body["upstreams"] = upstreams  # each pool member: URL, healthy, in flight, served, failures, ejections
    return Response(body, status_code=200 if ready else 503)


@get("/metrics", opt=permission("metrics:read"), sync_to_thread=False)
def metrics(metrics: Metrics) -> Response[bytes]:
    return Response(metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")
