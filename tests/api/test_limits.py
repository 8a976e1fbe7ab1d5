"""One caller cannot stall or flood the gateway (issue 15, finding 4; the /v1/mask rate is finding 5).

Text beyond ``limits.max_text_chars`` is refused with 413 before any of it is masked; a principal holding too many
open requests gets 429; ``/v1/mask`` is rate-limited per principal; requests without valid credentials cost one
audit row per window, not one each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient

from gateway.app import Engines, create_app
from gateway.audit import AuditFilter
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import open_knowledge_base
from gateway.llm.protocol import ChatModel
from gateway.pii.masker import Masker
from gateway.policy.policy_set import load_policy_set
from gateway.policy.users import UserStore
from tests.support import Gateway, make_settings


class ExplodingDetector:
    """Fails if it is ever asked to detect anything: proves a refusal came before masking."""

    def detect(self, *args: object, **kwargs: object) -> list[object]:
        raise AssertionError("masking ran")

    detect_batch = detect


@pytest.fixture
def unmaskable(tmp_path: Path, models_dir: Path, chat_model: ChatModel, embedder) -> Iterator[tuple[TestClient, str]]:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path, models_dir, limits={"max_text_chars": 1000})
    upgrade(settings.sqlalchemy_url)
    db = Database(settings.sqlalchemy_url)
    key = UserStore(db).add_user("teller", ["teller"])[1]
    masker = Masker(ExplodingDetector(), pseudonym_key=b"k" * 32)  # type: ignore[arg-type]
    policy = load_policy_set(settings.policy_file)
    kb = open_knowledge_base(settings.kb, data_dir=settings.data_dir, kb_uri=settings.kb_uri, db=db,
                             embedder=embedder, collections=policy.decl.collections)
    engines = Engines(db=db, policy=policy, chat_model=chat_model, embedder=embedder, masker=masker, kb=kb)
    with TestClient(create_app(settings, engines), raise_server_exceptions=False) as client:
        yield client, key


@pytest.mark.parametrize(("path", "body"), [
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x" * 600},
                                           {"role": "user", "content": "y" * 600}]}),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x" * 990}], "stop": ["a" * 20]}),
    ("/v1/mask", {"text": "x" * 1001}),
    ("/v1/search", {"query": "x" * 1001}),
])
def test_text_over_the_cap_is_a_413_naming_the_limit_before_any_masking(unmaskable, path: str, body: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    client, key = unmaskable
    response = client.post(path, json=body, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 413, response.text
    error = response.json()["error"]
    assert error["code"] == "payload_too_large" and error["type"] == "invalid_request_error"
    assert "limit is 1000 (limits.max_text_chars)" in error["message"]


def test_a_principal_over_its_open_request_limit_gets_429_others_do_not(
    gateway_factory: Callable[..., Gateway],
) -> None:
    gateway = gateway_factory(limits={"max_concurrent_per_principal": 2})
    limits = gateway.services.limits
    held = [limits.enter("teller"), limits.enter("teller")]  # two requests of this caller still open
    refused = gateway.client.get("/v1/models", headers=gateway.auth("teller"))
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "too_many_concurrent_requests"
    assert refused.headers["retry-after"] == "1"
    assert gateway.client.get("/v1/models", headers=gateway.auth("admin")).status_code == 200
    held.pop()()
    assert gateway.client.get("/v1/models", headers=gateway.auth("teller")).status_code == 200
    assert limits.open_requests("teller") == 1  # the finished request gave its slot back
    body = {"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 2, "stream": True}
    with gateway.client.stream("POST", "/v1/chat/completions", json=body, headers=gateway.auth("teller")) as r:
        assert r.status_code == 200
        list(r.iter_lines())
    assert limits.open_requests("teller") == 1  # a stream's slot is given back when it ends


def test_mask_is_rate_limited_per_principal(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory(limits={"mask_per_minute": 3})
    codes = [gateway.client.post("/v1/mask", json={"text": "Call Maria."}, headers=gateway.auth("teller")).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = gateway.client.post("/v1/mask", json={"text": "x"}, headers=gateway.auth("teller"))
    assert limited.json()["error"]["code"] == "rate_limited" and int(limited.headers["retry-after"]) >= 1
    assert gateway.client.post("/v1/mask", json={"text": "x"}, headers=gateway.auth("admin")).status_code == 200


def test_an_unauthenticated_flood_costs_one_audit_row_per_window(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory(audit={"unauthenticated_window_s": 60})
    trail = gateway.services.audit
    for n in range(50):
        headers = {"Authorization": f"Bearer gwk_{n:016x}_{'A' * 43}"} if n % 2 else {}
        assert gateway.client.get("/v1/models", headers=headers).status_code == 401
    denied = trail.find(AuditFilter(action="access.denied")).records
    assert len(denied) == 1  # the first of the window, recorded at once
    trail.flush_denials()
    denied = trail.find(AuditFilter(action="access.denied")).records
    assert len(denied) == 2
    aggregate = denied[0].event
    assert aggregate.details["aggregated"] == 49 and aggregate.http_status == 401
    assert sum(aggregate.details["reasons"].values()) == 49
    assert aggregate.details["paths"] == {"/v1/models": 49}
    assert trail.verify().intact
