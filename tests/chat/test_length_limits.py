"""Length limits that agree (issue 15, finding 7): what the audit trail cannot hold is refused where it enters,
at ingest and at login, and an audit event that does not validate fails the request before the model runs."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from gateway.audit import AuditFilter
from gateway.errors import InvalidInput, Unauthenticated
from gateway.kb.documents import Block, SourceDocument
from gateway.policy.jwt_auth import JwtAuthenticator, JwtSettings
from gateway.policy.schema import Classification
from tests.support import Gateway

DOC = {"text": "Replacing a lost debit card costs 10 EUR.", "collection": "retail-products",
       "classification": "internal"}


def test_a_title_longer_than_the_audit_trail_holds_is_refused_at_ingest(gateway: Gateway) -> None:
    response = gateway.client.post("/v1/documents", json={**DOC, "title": "T" * 513}, headers=gateway.auth("admin"))
    assert response.status_code == 400
    assert "longer than 512 characters" in response.json()["error"]["message"]
    assert gateway.client.post("/v1/documents", json={**DOC, "title": "T" * 512},
                               headers=gateway.auth("admin")).status_code == 201


def test_a_stored_title_too_long_for_the_audit_trail_fails_the_chat_before_generation(gateway: Gateway) -> None:
    """A document stored before titles were checked: its citation cannot be audited, so nothing is generated."""
    kb = gateway.services.kb
    assert kb is not None
    legacy = SourceDocument(label="legacy", source="legacy", title="Lost card fees " + "x" * 600,
                            blocks=(Block("paragraph", DOC["text"]),), collection="retail-products",
                            classification=Classification.internal)
    kb.ingestor.ingest_batch([legacy])
    generated: list[object] = []
    queue = gateway.services.chat.queue
    original = queue.generate
    queue.generate = lambda *a, **k: (generated.append(a), original(*a, **k))[1]  # type: ignore[method-assign]
    body = {"messages": [{"role": "user", "content": "How much does replacing a lost debit card cost?"}],
            "max_tokens": 8, "stream": True}
    with gateway.client.stream("POST", "/v1/chat/completions", json=body, headers=gateway.auth("teller")) as r:
        status, text = r.status_code, r.read().decode()
    assert status == 500 and json.loads(text)["error"]["code"] == "audit_failed"  # not a 200 stream
    assert generated == []  # the model never ran
    assert queue.depth == 0  # and its place was given back
    ended = gateway.services.audit.find(AuditFilter(action="chat")).records
    assert [(e.event.outcome, e.event.http_status) for e in ended] == [("error", 500)]  # still a row


def test_nul_characters_in_a_message_are_a_400(gateway: Gateway) -> None:
    body = {"messages": [{"role": "user", "content": "hello\x00world"}], "max_tokens": 2}
    response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth("teller"))
    assert response.status_code == 400 and "NUL" in response.json()["error"]["message"]


def test_an_identity_provider_user_name_too_long_for_the_trail_is_refused_at_login(tmp_path: Path) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = {**RSAAlgorithm.to_jwk(private.public_key(), as_dict=True), "kid": "k1", "alg": "RS256"}
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [jwk]}))
    settings = JwtSettings(enabled=True, jwks_file=tmp_path / "jwks.json", issuer="https://idp", audience="gw",
                           role_map={"tellers": "teller"})
    authenticator = JwtAuthenticator(settings)

    def token(name: str) -> str:
        claims = {"iss": "https://idp", "aud": "gw", "exp": int(time.time()) + 60, "preferred_username": name,
                  "roles": ["tellers"]}
        return jwt.encode(claims, private, algorithm="RS256", headers={"kid": "k1"})

    assert authenticator.authenticate(token("a" * 124)).name == "jwt:" + "a" * 124
    for length in (125, 129, 256):
        with pytest.raises(Unauthenticated, match="longer than 124"):
            authenticator.authenticate(token("a" * length))


@pytest.mark.parametrize("name", ["jwt:alice", "cli:root", "tab\there"])
def test_api_key_users_cannot_take_names_of_identity_provider_users_or_commands(
    gateway_factory: Callable[..., Gateway], name: str
) -> None:
    users = gateway_factory().services.users
    with pytest.raises(InvalidInput):
        users.add_user(name, ["teller"])
