"""Reveal rights follow the passage's collection (issue 15, finding 1): a principal holding two roles gets a value
restored only from a passage that one of its roles may read *and* may see that type in."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient

from gateway.app import Engines, create_app
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import open_knowledge_base
from gateway.kb.sources import text_document
from gateway.llm.protocol import ChatModel
from gateway.llm.types import Finished, GenerationEvent, Prompt, SamplingParams, TextDelta
from gateway.pii.masker import Masker
from gateway.policy.policy_set import load_policy_set
from gateway.policy.schema import Classification
from gateway.policy.users import UserStore
from tests.chat.test_masking_in_chat import RecordingModel
from tests.support import make_settings

CLINICAL = "Sepsis protocol for patients: give antibiotics within one hour. Patient Anna Schmidt was the index case."
ADMISSION = "Sepsis patients are admitted through the emergency desk. Patient Boris Petrov was admitted on a Sunday."


class SourceParrot(RecordingModel):
    """Repeats the numbered sources it was given (masked), as a model quoting its sources would. The bundled model
    cannot be made to quote a passage's name on demand, so this stands in for one that does."""

    def generate(self, prompt: Prompt, params: SamplingParams, should_stop: Callable[[], bool]
                 ) -> Iterator[GenerationEvent]:  # fmt: skip
        system = prompt.messages[0].content
        said = system[system.index("[1]"):]
        for i in range(0, len(said), 5):
            yield TextDelta(said[i : i + 5])
        yield Finished("stop", prompt.n_tokens, len(said) // 5)


@pytest.fixture
def hospital_client(tmp_path: Path, models_dir: Path, chat_model: ChatModel, embedder, masker: Masker
                    ) -> Iterator[tuple[TestClient, dict[str, str]]]:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path, models_dir, policy_set="hospital")
    upgrade(settings.sqlalchemy_url)
    db = Database(settings.sqlalchemy_url)
    policy = load_policy_set(settings.policy_file)
    users = UserStore(db)
    keys = {"dual": users.add_user("dual", ["registrar", "clinician"])[1],
            "clinician": users.add_user("clin", ["clinician"])[1]}
    kb = open_knowledge_base(settings.kb, data_dir=settings.data_dir, kb_uri=settings.kb_uri, db=db,
                             embedder=embedder, collections=policy.decl.collections, detector=masker.detector)
    for title, text, collection, level in (("Sepsis protocol", CLINICAL, "clinical-guidelines", "confidential"),
                                           ("Sepsis admission", ADMISSION, "admissions", "internal")):
        kb.ingest(text_document(text, title=title, collection=collection, level=Classification[level], metadata={},
                                source=None, label=title, max_bytes=100_000))
    engines = Engines(db=db, policy=policy, chat_model=SourceParrot(chat_model), embedder=embedder, masker=masker,
                      kb=kb)
    with TestClient(create_app(settings, engines), raise_server_exceptions=False) as client:
        yield client, keys


@pytest.mark.parametrize("stream", [False, True])
def test_two_roles_reveal_names_only_in_passages_a_revealing_role_may_read(hospital_client, stream: bool) -> None:  # type: ignore[no-untyped-def]
    client, keys = hospital_client
    body = {"messages": [{"role": "user", "content": "How are sepsis patients handled?"}], "max_tokens": 64,
            "stream": stream}
    headers = {"Authorization": f"Bearer {keys['dual']}"}
    if stream:
        with client.stream("POST", "/v1/chat/completions", json=body, headers=headers) as response:

            chunks = [json.loads(line[6:]) for line in response.iter_lines() if line.startswith("data: {")]
        answer = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c.get("choices"))
        titles = [c["title"] for c in chunks[0]["citations"]]
    else:
        response = client.post("/v1/chat/completions", json=body, headers=headers)
        assert response.status_code == 200, response.text
        answer = response.json()["choices"][0]["message"]["content"]
        titles = [c["title"] for c in response.json()["citations"]]
    assert sorted(titles) == ["Sepsis admission", "Sepsis protocol"]
    assert "Anna Schmidt" in answer  # clinical guideline: the clinician role reads it and may see names
    assert "Boris Petrov" not in answer  # admissions: only the registrar role reads it, and it reveals nothing
    assert re.search(r"<PERSON_[0-9a-f]+>", answer)
