"""``/v1/audit`` through Litestar with the real guard, error handlers, bank policy set and API keys."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.datastructures import State
from litestar.testing import TestClient

from gateway.api.audit import AUDIT_ROUTES
from gateway.api.dependencies import DEPENDENCIES
from gateway.api.error_handlers import EXCEPTION_HANDLERS
from gateway.api.guards import PrincipalSlots, require_permission
from gateway.audit import AuditFilter, AuditTrail
from gateway.chat.service import ChatService
from gateway.llm.protocol import ChatModel
from gateway.llm.queue import ModelQueue
from gateway.observability.metrics import Metrics
from gateway.paths import PROJECT_ROOT
from gateway.pii.masker import Masker
from gateway.pii.service import MaskingService
from gateway.policy.access import AccessControl
from gateway.policy.pii_rules import pii_rules_for
from gateway.policy.policy_set import load_policy_set
from gateway.policy.users import UserStore
from gateway.services import STATE_KEY, Services
from tests.support import make_settings

from .conftest import cited, make_event, sql


@dataclass
class Api:
    client: TestClient[Litestar]
    trail: AuditTrail
    officer: dict[str, str]
    teller: dict[str, str]
    keys: tuple[str, str]


class FixedPassages:
    """Stands in for the knowledge base, which does not exist yet (the only fake here)."""

    def passage(self, document_id: str, version: int, chunk_id: str, *, rights: object = None) -> str | None:
        return f"text of {chunk_id}" if document_id == "doc-1" else None


def build_app(trail: AuditTrail, masker: Masker, chat_model: ChatModel, data_dir: Path,
              models_dir: Path) -> tuple[Litestar, str, str]:
    """Only the audit routes, with the real guard, error handlers and dependencies, on the trail under test."""
    policy = load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")
    users = UserStore(trail.db)
    access = AccessControl(policy, {"api_key": users.authenticate})
    access.subscribe(trail.record_decision)
    _, officer_key = users.add_user("olivia", ["compliance_officer"])
    _, teller_key = users.add_user("tom", ["teller"])
    settings = make_settings(data_dir, models_dir)
    masking = MaskingService(masker, partial(pii_rules_for, policy))
    queue = ModelQueue(chat_model, capacity=0, timeout_s=1)
    services = Services(settings=settings, db=trail.db, policy=policy, access=access, users=users, audit=trail,
                        masking=masking, chat=ChatService(queue, policy, settings.llm, masking), metrics=Metrics(),
                        started_at=0)
    app = Litestar(
        route_handlers=AUDIT_ROUTES,
        guards=[require_permission],
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        dependencies=DEPENDENCIES,
        middleware=[PrincipalSlots],
        state=State({STATE_KEY: services}),
        on_shutdown=[masking.close, queue.close],
        openapi_config=None,
    )
    return app, officer_key, teller_key


@pytest.fixture
def api(trail: AuditTrail, masker: Masker, chat_model: ChatModel, tmp_path: Path, models_dir: Path) -> Iterator[Api]:
    app, officer_key, teller_key = build_app(trail, masker, chat_model, tmp_path, models_dir)
    with TestClient(app) as client:
        yield Api(client, trail, {"Authorization": f"Bearer {officer_key}"},
                  {"Authorization": f"Bearer {teller_key}"}, (officer_key, teller_key))


def test_compliance_officer_lists_events_newest_first_with_a_cursor(api: Api) -> None:
    for i in range(5):
        api.trail.append(make_event(i))
    first = api.client.get("/v1/audit?limit=3&action=chat", headers=api.officer)
    assert first.status_code == 200
    body = first.json()
    assert [e["seq"] for e in body["data"]] == [5, 4, 3]
    second = api.client.get(f"/v1/audit?limit=3&action=chat&cursor={body['next_cursor']}", headers=api.officer)
    assert [e["seq"] for e in second.json()["data"]] == [2, 1]
    assert second.json()["next_cursor"] is None


def test_teller_is_denied_403_in_openai_shape_and_the_denial_is_audited(api: Api) -> None:
    response = api.client.get("/v1/audit", headers=api.teller)
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "permission_error"
    denials = api.trail.find(AuditFilter(action="access.denied")).records
    assert [(d.event.user, d.event.http_status) for d in denials] == [("tom", 403)]


def test_missing_credentials_are_401_and_audited(api: Api) -> None:
    assert api.client.get("/v1/audit/verify").status_code == 401
    assert api.trail.find(AuditFilter(action="access.denied")).records[0].event.http_status == 401


def test_every_audit_read_is_itself_audited(api: Api) -> None:
    api.client.get("/v1/audit?user=alice", headers=api.officer)
    record = api.trail.find(AuditFilter(action="audit.list")).records[0]
    assert (record.event.user, record.event.roles, record.event.outcome) == ("olivia", ("compliance_officer",), "ok")
    assert record.event.details == {"filters": ["user"], "returned": 0}
    assert len(record.event.policy_version) == 64


def test_one_event_with_citations_and_passages_read_on_demand_is_audited(api: Api) -> None:
    seq = api.trail.append(make_event(1, citations=cited("doc-1", "doc-2"))).seq
    plain = api.client.get(f"/v1/audit/{seq}", headers=api.officer).json()
    assert [c["document_id"] for c in plain["citations"]] == ["doc-1", "doc-2"]
    assert "passage" not in plain["citations"][0]
    without_source = api.client.get(f"/v1/audit/{seq}?passages=true", headers=api.officer).json()
    assert [c["passage"] for c in without_source["citations"]] == [None, None]
    api.trail.passages = FixedPassages()
    with_source = api.client.get(f"/v1/audit/{seq}?passages=true", headers=api.officer).json()
    assert [c["passage"] for c in with_source["citations"]] == ["text of doc-1-c0", None]
    accesses = api.trail.find(AuditFilter(action="audit.passages")).records
    assert [a.event.details for a in accesses] == [
        {"seq": seq, "passages_available": True, "passages": 1},
        {"seq": seq, "passages_available": False, "passages": 0},
    ]


def test_unknown_event_is_404_and_bad_params_are_400_without_echoing_input(api: Api) -> None:
    assert api.client.get("/v1/audit/12345", headers=api.officer).json()["error"]["code"] == "not_found"
    for query in ("since=yesterday-<PERSON>", "limit=0", "limit=abc", "outcome=maybe", "bogus=1",
                  "since=2026-01-01T00:00:00", "cursor=-4", "since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z"):
        response = api.client.get(f"/v1/audit?{query}", headers=api.officer)
        assert response.status_code == 400, query
        assert response.json()["error"]["type"] == "invalid_request_error"
        assert "<PERSON>" not in response.text and "yesterday" not in response.text
    assert api.client.get("/v1/audit/1?passages=maybe", headers=api.officer).status_code == 400
    failed = api.trail.find(AuditFilter(outcome="error")).records
    assert failed and all(r.event.http_status in (400, 404) for r in failed)


def test_verify_endpoint_reports_intact_then_the_first_broken_link(api: Api) -> None:
    for i in range(12):
        api.trail.append(make_event(i))
    assert api.client.get("/v1/audit/verify", headers=api.officer).json()["intact"] is True
    sql(api.trail, "UPDATE audit_events SET masked_query = 'changed' WHERE seq = 4")
    report = api.client.get("/v1/audit/verify", headers=api.officer).json()
    assert report["intact"] is False
    assert report["first_break"] == {"seq": 4, "kind": "content_modified",
                                     "detail": "content does not match the event's hash"}


def test_export_jsonl_streams_events_then_a_verification_trailer(api: Api) -> None:
    for i in range(4):
        api.trail.append(make_event(i, citations=cited("doc-1")))
    response = api.client.get("/v1/audit/export?format=jsonl&action=chat", headers=api.officer)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [line["seq"] for line in lines[:-1]] == [1, 2, 3, 4]
    assert lines[-1]["type"] == "verification" and lines[-1]["intact"] is True
    assert lines[-1]["events_checked"] == 4


def test_export_csv_has_a_header_rows_and_a_trailer(api: Api) -> None:
    api.trail.append(make_event(0, masked_query="=HYPERLINK(\"http://x\")"))
    response = api.client.get("/v1/audit/export?format=csv", headers=api.officer)
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:4] == ["seq", "prev_hash", "hash", "at"]
    assert rows[1][0] == "1"
    assert rows[1][rows[0].index("masked_query")].startswith("'=")  # no formula injection into spreadsheets
    assert rows[-1][0] == "verification" and json.loads(rows[-1][1])["intact"] is True


def test_export_needs_a_known_format(api: Api) -> None:
    assert api.client.get("/v1/audit/export?format=xml", headers=api.officer).status_code == 400
    assert api.client.get("/v1/audit/export", headers=api.teller).status_code == 403


def test_api_keys_never_reach_the_audit_trail(api: Api) -> None:
    api.client.get("/v1/audit", headers=api.officer)
    api.client.get("/v1/audit", headers=api.teller)
    api.client.get("/v1/audit", headers={"Authorization": "Bearer gwk_notreal_secret"})
    exported = "".join(api.client.get("/v1/audit/export?format=jsonl", headers=api.officer).text)
    for key in (*api.keys, "gwk_notreal_secret"):
        assert key not in exported
        assert key.split("_", 2)[-1] not in exported  # the secret part (it may itself contain "_")
