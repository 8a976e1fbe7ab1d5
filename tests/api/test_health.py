"""Liveness, readiness, metrics and authentication on every non-health route."""

from __future__ import annotations

from tests.support import Gateway


def test_health_and_readiness_need_no_credentials(gateway: Gateway) -> None:
    assert gateway.client.get("/healthz").json() == {"status": "alive"}
    ready = gateway.client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["ready"] is True
    assert ready.json()["checks"]["database"] is True


def test_every_other_route_rejects_a_missing_or_bad_key(gateway: Gateway) -> None:
    for path in ("/v1/models", "/metrics"):
        missing = gateway.client.get(path)
        assert missing.status_code == 401
        assert missing.json()["error"]["type"] == "authentication_error"
        bad = gateway.client.get(path, headers={"Authorization": "Bearer gwk_0000000000000000_" + "A" * 43})
        assert bad.status_code == 401
    wrong_scheme = gateway.client.get("/v1/models", headers={"Authorization": f"Basic {gateway.keys['teller']}"})
    assert wrong_scheme.status_code == 401


def test_models_lists_the_served_model(gateway: Gateway) -> None:
    body = gateway.client.get("/v1/models", headers=gateway.auth("teller")).json()
    assert body["object"] == "list"
    assert [m["id"] for m in body["data"]] == ["smollm2-135m-instruct"]


def test_metrics_count_requests_and_tokens_for_admins_only(gateway: Gateway) -> None:
    gateway.client.post(
        "/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 3},
        headers=gateway.auth("teller"),
    )
    assert gateway.client.get("/metrics", headers=gateway.auth("teller")).status_code == 403
    text = gateway.client.get("/metrics", headers=gateway.auth("admin")).text
    assert 'gateway_requests_total{route="/v1/chat/completions",status="200"} 1.0' in text
    assert "gateway_tokens_generated_total" in text
    assert "gateway_model_queue_depth 0.0" in text
    assert "gateway_request_seconds_bucket" in text
