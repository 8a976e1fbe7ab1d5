"""Officers' verdicts and staff feedback through the API: stored masked in their own tables, each an audit event;
bad input is a 4xx in the OpenAI error shape, and nobody rates an answer given to someone else."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from gateway.db.session import Database
from gateway.db.tables import AnswerFeedback, AnswerReview
from tests.support import Gateway

NOTE = "The answer leaked the e-mail anna.kowalski@example.com of Anna Kowalski."


def answer(gateway: Gateway, role: str = "teller") -> dict:  # type: ignore[type-arg]
    body = {"messages": [{"role": "user", "content": "What is a standing order?"}], "max_tokens": 8,
            "temperature": 0}
    response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth(role))
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def chat_seq(gateway: Gateway) -> int:
    events = gateway.client.get("/v1/audit", params={"action": "chat"}, headers=gateway.auth("compliance_officer"))
    return int(events.json()["data"][0]["seq"])


def test_an_officer_records_a_verdict_stored_masked_and_audited(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    answer(gateway)
    seq = chat_seq(gateway)
    officer = gateway.auth("compliance_officer")

    response = gateway.client.post(f"/v1/audit/{seq}/review", json={"verdict": "personal_data_leaked",
                                                                      "note": NOTE}, headers=officer)

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["verdict"] == "personal_data_leaked" and body["reviewer"] == "compliance_officer"
    assert body["answer_role"] == "teller" and body["model_file"] == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert "anna.kowalski@example.com" not in body["note"] and "Anna Kowalski" not in body["note"]
    with Database(gateway.services.settings.sqlalchemy_url).session() as session:
        stored = session.scalars(select(AnswerReview)).one()
        assert stored.audit_seq == seq and "anna.kowalski" not in (stored.note or "")
    recorded = gateway.client.get("/v1/audit", params={"action": "review.record"}, headers=officer).json()["data"]
    assert len(recorded) == 1
    assert recorded[0]["details"] == {"review_id": body["id"], "audit_seq": seq, "verdict": "personal_data_leaked",
                                      "note": True}
    assert recorded[0]["masked_entities"]["EMAIL_ADDRESS"] == 1 and "kowalski" not in str(recorded[0]).lower()
    listed = gateway.client.get(f"/v1/audit/{seq}/reviews", headers=officer).json()["data"]
    assert [v["verdict"] for v in listed] == ["personal_data_leaked"]
    assert gateway.client.get("/v1/audit/verify", headers=officer).json()["intact"] is True


@pytest.mark.parametrize(("body", "status", "param"), [
    ({"verdict": "great"}, 400, "verdict"),
    ({"note": "no verdict"}, 400, None),
    ({"verdict": "correct", "stars": 5}, 400, None),
    ({"verdict": "correct", "note": "x" * 2001}, 400, "note"),
])
def test_a_bad_verdict_is_a_400_in_the_openai_shape(gateway_factory: Callable[..., Gateway],
                                                   body: dict, status: int, param: str | None) -> None:  # type: ignore[type-arg]
    gateway = gateway_factory()
    answer(gateway)
    response = gateway.client.post(f"/v1/audit/{chat_seq(gateway)}/review", json=body,
                                   headers=gateway.auth("compliance_officer"))
    assert response.status_code == status
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and error["param"] == param
    assert "x" * 50 not in error["message"]


def test_verdicts_only_on_chat_answers_and_only_by_reviewers(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    answer(gateway)
    officer = gateway.auth("compliance_officer")
    gateway.client.get("/v1/audit", headers=officer)  # itself audited: an event that is not an answer
    listed = gateway.client.get("/v1/audit", params={"action": "audit.list"}, headers=officer).json()["data"]
    not_chat = listed[0]["seq"]
    response = gateway.client.post(f"/v1/audit/{not_chat}/review", json={"verdict": "correct"}, headers=officer)
    assert response.status_code == 404 and response.json()["error"]["type"] == "not_found_error"
    assert gateway.client.post("/v1/audit/999999/review", json={"verdict": "correct"},
                               headers=officer).status_code == 404
    denied = gateway.client.post(f"/v1/audit/{chat_seq(gateway)}/review", json={"verdict": "correct"},
                                 headers=gateway.auth("teller"))
    assert denied.status_code == 403 and denied.json()["error"]["type"] == "permission_error"


def test_staff_rate_their_own_answer_by_response_id_and_a_second_rating_replaces_the_first(
    gateway_factory: Callable[..., Gateway],
) -> None:
    gateway = gateway_factory()
    completion = answer(gateway)
    teller = gateway.auth("teller")
    first = gateway.client.post("/v1/feedback", json={"response_id": completion["id"], "rating": "down",
                                                      "comment": "Call Anna Kowalski on +44 20 7946 0588."},
                                headers=teller)
    assert first.status_code == 201, first.text
    assert "7946" not in first.json()["comment"] and first.json()["audit_seq"] == chat_seq(gateway)
    again = gateway.client.post("/v1/feedback", json={"response_id": completion["id"], "rating": "up"}, headers=teller)
    assert again.status_code == 201
    with Database(gateway.services.settings.sqlalchemy_url).session() as session:
        rows = session.scalars(select(AnswerFeedback).order_by(AnswerFeedback.id)).all()
        assert [r.rating for r in rows] == ["down", "up"] and "7946" not in (rows[0].comment or "")
    officer = gateway.auth("compliance_officer")
    events = gateway.client.get("/v1/audit", params={"action": "feedback.record"}, headers=officer).json()["data"]
    assert [e["details"]["replaces"] for e in events] == [first.json()["id"], None]  # newest first
    assert "7946" not in str(events)


@pytest.mark.parametrize(("body", "status"), [
    ({"response_id": "chatcmpl-0000", "rating": "up"}, 404),
    ({"response_id": "resp-1", "rating": "up"}, 400),
    ({"response_id": "chatcmpl-1", "rating": "meh"}, 400),
    ({"rating": "up"}, 400),
])
def test_feedback_on_an_unknown_or_malformed_response_is_refused(gateway_factory: Callable[..., Gateway],
                                                                 body: dict, status: int) -> None:  # type: ignore[type-arg]
    gateway = gateway_factory()
    response = gateway.client.post("/v1/feedback", json=body, headers=gateway.auth("teller"))
    assert response.status_code == status
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}


def test_nobody_rates_an_answer_given_to_someone_else(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    completion = answer(gateway, "teller")
    response = gateway.client.post("/v1/feedback", json={"response_id": completion["id"], "rating": "down"},
                                   headers=gateway.auth("relationship_manager"))
    assert response.status_code == 404


def test_a_verdict_whose_audit_event_cannot_be_written_is_not_kept(gateway_factory: Callable[..., Gateway]) -> None:
    gateway = gateway_factory()
    answer(gateway)
    seq = chat_seq(gateway)
    database = Database(gateway.services.settings.sqlalchemy_url)
    with database.engine.begin() as connection:  # the real database refuses this one kind of audit event
        connection.exec_driver_sql("CREATE TRIGGER no_reviews BEFORE INSERT ON audit_events "
                                   "WHEN NEW.action = 'review.record' BEGIN SELECT RAISE(ABORT, 'refused'); END")
    response = gateway.client.post(f"/v1/audit/{seq}/review", json={"verdict": "correct"},
                                   headers=gateway.auth("compliance_officer"))
    assert response.status_code == 500 and response.json()["error"]["code"] == "audit_failed"
    with database.session() as session:
        assert session.scalars(select(AnswerReview)).all() == []
