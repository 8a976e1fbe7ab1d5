"""Personal data in the chat path: the model sees placeholders, answers are masked, revealed types restored."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from litestar.testing import TestClient

from gateway.app import Engines, create_app
from gateway.audit import AuditFilter
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.llm.protocol import ChatModel
from gateway.llm.types import ChatMessage, Finished, GenerationEvent, Prompt, SamplingParams, TextDelta
from gateway.pii.masker import Masker
from gateway.pii.vault import PLACEHOLDER
from gateway.policy.policy_set import load_policy_set
from gateway.policy.users import UserStore
from gateway.services import Services
from tests.support import make_settings

NAME, EMAIL, CARD = "John Smith", "john.smith@example.com", "4111 1111 1111 1111"
QUESTION = f"My name is {NAME}, my email is {EMAIL} and my card is {CARD}. Can I raise my card limit?"
INVENTED_SSN = "536-22-8471"


@dataclass
class RecordingModel:
    """The real model, recording the prompts it is given (to prove what the model saw)."""

    inner: ChatModel
    seen: list[tuple[ChatMessage, ...]] = field(default_factory=list)

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def prepare(self, messages: Sequence[ChatMessage]) -> Prompt:
        self.seen.append(tuple(messages))
        return self.inner.prepare(messages)

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        return self.inner.generate(prompt, params, should_stop)


@dataclass
class ParrotModel(RecordingModel):
    """Answers by repeating the masked question and adding an SSN of its own, a few characters at a time.

    The bundled model cannot be made to emit personal data on demand, so this stands in for one that does."""

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        said = prompt.messages[-1].content + f" Your SSN on file is {INVENTED_SSN}, thank you."
        for i in range(0, len(said), 3):
            yield TextDelta(said[i : i + 3])
        yield Finished("stop", prompt.n_tokens, len(said) // 3)


@pytest.fixture
def build(tmp_path: Path, models_dir: Path, chat_model: ChatModel, embedder, masker: Masker):  # type: ignore[no-untyped-def]
    def make(model_type: type[RecordingModel], use_masker: Masker | None = None):  # type: ignore[no-untyped-def]
        settings = make_settings(tmp_path, models_dir)
        upgrade(settings.sqlalchemy_url)
        db = Database(settings.sqlalchemy_url)
        policy = load_policy_set(settings.policy_file)
        keys = {r: UserStore(db).add_user(r, [r])[1] for r in ("teller", "relationship_manager")}
        model = model_type(chat_model)
        engines = Engines(db=db, policy=policy, chat_model=model, embedder=embedder, masker=use_masker or masker)
        return TestClient(create_app(settings, engines), raise_server_exceptions=False), keys, model

    return make


def chat(client: TestClient, key: str, stream: bool = False) -> tuple[int, str]:
    body = {"messages": [{"role": "user", "content": QUESTION}], "max_tokens": 12, "temperature": 0, "stream": stream}
    headers = {"Authorization": f"Bearer {key}"}
    if not stream:
        response = client.post("/v1/chat/completions", json=body, headers=headers)
        return response.status_code, response.json()["choices"][0]["message"]["content"]
    with client.stream("POST", "/v1/chat/completions", json=body, headers=headers) as response:
        lines = [line.removeprefix("data: ") for line in response.iter_lines() if line.startswith("data: {")]
    text = "".join(json.loads(x)["choices"][0]["delta"].get("content", "") for x in lines if json.loads(x)["choices"])
    return response.status_code, text


def test_the_model_sees_placeholders_never_the_values(build) -> None:  # type: ignore[no-untyped-def]
    client, keys, model = build(RecordingModel)
    with client:
        status, _ = chat(client, keys["teller"])
    assert status == 200
    seen = "\n".join(m.content for m in model.seen[-1])
    for value in (NAME, EMAIL, CARD, "4111"):
        assert value not in seen
    assert "<PERSON_" in seen and "<EMAIL_ADDRESS_" in seen
    assert "[REDACTED]" in seen  # the bank policy redacts card numbers for tellers


@pytest.mark.parametrize("stream", [False, True])
def test_teller_answers_keep_placeholders_and_mask_what_the_model_invents(build, stream: bool) -> None:  # type: ignore[no-untyped-def]
    client, keys, _ = build(ParrotModel)
    with client:
        status, answer = chat(client, keys["teller"], stream=stream)
    assert status == 200, answer
    assert NAME not in answer, answer
    assert EMAIL not in answer, answer
    assert INVENTED_SSN not in answer, answer
    assert "<PERSON_" in answer
    assert "SSN on file is [REDACTED]" in answer  # the bank policy redacts SSNs for tellers


@pytest.mark.parametrize("stream", [False, True])
def test_relationship_manager_sees_revealed_types_restored_only(build, stream: bool) -> None:  # type: ignore[no-untyped-def]
    client, keys, _ = build(ParrotModel)
    with client:
        status, answer = chat(client, keys["relationship_manager"], stream=stream)
    assert status == 200
    assert NAME in answer and EMAIL in answer  # PERSON and EMAIL_ADDRESS are revealed to this role
    assert INVENTED_SSN not in answer and "<US_SSN_" in answer  # US_SSN is not
    assert CARD not in answer


def test_streamed_and_plain_answers_are_masked_alike(build) -> None:  # type: ignore[no-untyped-def]
    client, keys, _ = build(ParrotModel)
    untagged = lambda text: PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", text)  # noqa: E731  (tags are per request)
    with client:
        plain, streamed = chat(client, keys["teller"], stream=False)[1], chat(client, keys["teller"], stream=True)[1]
    assert untagged(plain) == untagged(streamed)


class BrokenDetector:
    def detect(self, *args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("detector crashed")


def test_a_detection_failure_fails_the_request_before_the_model(build, masker: Masker) -> None:  # type: ignore[no-untyped-def]
    broken = Masker(BrokenDetector(), pseudonym_key=b"k" * 32)  # type: ignore[arg-type]
    client, keys, model = build(RecordingModel, broken)
    with client:
        response = client.post(
            "/v1/chat/completions",
            json={"messages": [{"role": "user", "content": QUESTION}], "max_tokens": 4},
            headers={"Authorization": f"Bearer {keys['teller']}"},
        )
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "masking_failed"
    assert EMAIL not in response.text
    assert model.seen == []


@dataclass
class StopRecordingModel(RecordingModel):
    """The real model, also recording the sampling parameters (the stop sequences) it is given."""

    params: list[SamplingParams] = field(default_factory=list)

    def generate(
        self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
    ) -> Iterator[GenerationEvent]:
        self.params.append(params)
        return self.inner.generate(prompt, params, should_stop)


def test_stop_sequences_reach_the_model_and_the_audit_trail_masked(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 15, finding 6: a stop sequence holding personal data is masked like the messages, and audited."""
    client, keys, model = build(StopRecordingModel)
    body = {"messages": [{"role": "user", "content": "Write to the customer."}], "max_tokens": 4, "temperature": 0,
            "stop": [EMAIL, "Regards"]}
    with client:
        response = client.post("/v1/chat/completions", json=body,
                               headers={"Authorization": f"Bearer {keys['teller']}"})
        assert response.status_code == 200, response.text
        events = Services.of(client).audit.find(AuditFilter(action="chat.started")).records
    stops = model.params[-1].stop
    assert EMAIL not in stops and stops[1] == "Regards"
    assert PLACEHOLDER.fullmatch(stops[0]) and stops[0].startswith("<EMAIL_ADDRESS_")
    recorded = events[0].event.details["stop"]
    assert recorded[1] == "Regards" and recorded[0].startswith("<EMAIL_ADDRESS_") and EMAIL not in str(recorded)
    assert events[0].event.masked_entities["EMAIL_ADDRESS"] == 1
    data = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("gateway.db*"))
    assert EMAIL.encode() not in data
