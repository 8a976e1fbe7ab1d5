"""Per-role LoRA adapters on llama-server: a real adapter GGUF (scripts/build-example-adapter.py) loaded at scale 0
and applied per request; a role without it answers exactly as a server without adapters; the audit event names it;
backends that cannot apply it per request fail closed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from litestar.testing import TestClient
from pydantic import ValidationError

from gateway.app import Engines, create_app
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.errors import ConfigurationError, ModelUnavailable
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.factory import build_chat_model
from gateway.llm.protocol import ChatModel
from gateway.llm.settings import LlmSettings
from gateway.llm.types import ChatMessage, SamplingParams, TextDelta
from gateway.paths import PROJECT_ROOT
from gateway.pii.masker import Masker
from gateway.policy.policy_set import load_policy_set
from gateway.policy.users import UserStore
from gateway.settings import Settings
from tests.support import Gateway, build_adapter, llama_server_binary, make_settings

QUESTION = "What is a savings account?"
GREEDY = SamplingParams(max_tokens=24, temperature=0.0, seed=0)
LORA_SCALE = 3.0


@pytest.fixture(scope="module")
def adapter(models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_adapter(models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf",
                         tmp_path_factory.mktemp("lora") / "example.gguf")


def served_settings(tmp_path: Path, models_dir: Path, adapter: Path, **overrides: object) -> Settings:
    llm = {"backend": "llama-server", "server_slots": 1, "server_binary": llama_server_binary(),
           "lora_adapters": {"example": adapter}}
    return make_settings(tmp_path, models_dir, llm=llm, **overrides)


@pytest.fixture(scope="module")
def adapted_model(models_dir: Path, adapter: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChatModel]:
    """One slot, so every request below shares it: what one leaves behind the next would see."""
    settings = served_settings(tmp_path_factory.mktemp("adapted"), models_dir, adapter)
    model = build_chat_model(settings.llm, settings.chat_model_path)
    yield model
    model.close()


def answer(model: ChatModel, params: SamplingParams) -> str:
    prompt = model.prepare([ChatMessage("user", QUESTION)])
    return "".join(e.text for e in model.generate(prompt, params, lambda: False) if isinstance(e, TextDelta))


def with_adapter(scale: float = 1.0) -> SamplingParams:
    return SamplingParams(max_tokens=GREEDY.max_tokens, temperature=0.0, seed=0, adapters=(("example", scale),))


def test_the_server_holds_the_declared_adapter(adapted_model: ChatModel) -> None:
    assert adapted_model.adapters == ("example",)
    loaded = adapted_model._client.get("/lora-adapters").json()
    assert [Path(a["path"]).name for a in loaded] == ["example.gguf"]


def test_the_adapter_changes_the_greedy_answer(adapted_model: ChatModel) -> None:
    # Alternating: each change of adapters makes the server drop the slot's cached prompt, so every answer here is
    # decoded from a freshly evaluated prompt (a reused cache may differ in the last bits: llama.cpp's own caveat).
    runs = [answer(adapted_model, params) for params in (GREEDY, with_adapter(), GREEDY, with_adapter())]
    assert all(runs)
    assert runs[0] == runs[2] and runs[1] == runs[3]
    assert runs[1] != runs[0]


def test_a_request_without_the_adapter_answers_as_a_server_without_adapters(
    adapted_model: ChatModel, served_chat_model: ChatModel
) -> None:
    baseline = answer(served_chat_model, GREEDY)
    answer(adapted_model, with_adapter())  # the one slot last ran with the adapter applied
    assert answer(adapted_model, GREEDY) == baseline
    assert adapted_model._body(adapted_model.prepare([ChatMessage("user", "x")]), GREEDY)["lora"] == [
        {"id": 0, "scale": 0.0}]  # named explicitly: this server applies a loaded adapter to a body without "lora"


def test_an_adapter_the_server_does_not_hold_fails_closed(adapted_model: ChatModel) -> None:
    params = SamplingParams(max_tokens=4, temperature=0.0, adapters=(("other", 1.0),))
    with pytest.raises(ModelUnavailable, match="not loaded"):
        answer(adapted_model, params)


def test_the_in_process_model_refuses_a_request_with_adapters(chat_model: ChatModel) -> None:
    with pytest.raises(ModelUnavailable, match="cannot apply LoRA adapters"):
        answer(chat_model, with_adapter())


def test_a_missing_adapter_file_stops_start_up(tmp_path: Path, models_dir: Path) -> None:
    settings = served_settings(tmp_path, models_dir, tmp_path / "absent.gguf")
    with pytest.raises(ConfigurationError, match=r"llm\.lora_adapters\.example: adapter file not found"):
        build_chat_model(settings.llm, settings.chat_model_path)


def policies_with_lora(tmp_path: Path, adapter_name: str = "example") -> Path:
    policy = yaml.safe_load((PROJECT_ROOT / "policies" / "bank.yaml").read_text())
    roles = policy["roles"]
    # The two roles compared generate alike (same system prompt) but for the adapter, applied at a scale large
    # enough that its greedy answer differs on every CPU (at 1.0, one machine's numerics gave the same 24 tokens
    # under this system prompt).
    roles["teller"]["generation"] = dict(roles["relationship_manager"]["generation"])
    roles["relationship_manager"]["generation"]["lora"] = [{"name": adapter_name, "scale": LORA_SCALE}]
    folder = tmp_path / "policies"
    folder.mkdir(exist_ok=True)
    (folder / "bank.yaml").write_text(yaml.safe_dump(policy, allow_unicode=True))
    return folder


def test_a_role_with_an_adapter_on_the_in_process_backend_stops_start_up(
    gateway_factory: Callable[..., Gateway], tmp_path: Path, adapter: Path
) -> None:
    with pytest.raises(ConfigurationError, match=r"cannot be applied per request by llm\.backend = 'local'"):
        gateway_factory(policies_dir=policies_with_lora(tmp_path), llm={"lora_adapters": {"example": adapter}})


@pytest.fixture
def adapted_gateway(tmp_path: Path, models_dir: Path, adapter: Path, adapted_model: ChatModel,
                    embedder: LlamaCppEmbedder, masker: Masker) -> Iterator[Gateway]:
    """The app from the real factory on the adapter-holding llama-server, relationship managers under the adapter
    (as ``tests.support.gateway_factory`` builds it, with this module's model)."""
    settings = served_settings(tmp_path, models_dir, adapter, policies_dir=policies_with_lora(tmp_path))
    upgrade(settings.sqlalchemy_url)
    db = Database(settings.sqlalchemy_url)
    policy = load_policy_set(settings.policy_file, adapters=settings.llm.lora_adapters)
    users = UserStore(db)
    keys = {role: users.add_user(role, [role])[1] for role in policy.role_names}
    engines = Engines(db=db, policy=policy, chat_model=adapted_model, embedder=embedder, masker=masker, kb=None)
    with TestClient(create_app(settings, engines), raise_server_exceptions=False) as client:
        yield Gateway(client=client, keys=keys)


def test_the_audit_event_names_the_adapter_and_only_that_role_gets_it(adapted_gateway: Gateway) -> None:
    gateway = adapted_gateway
    body = {"messages": [{"role": "user", "content": QUESTION}], "max_tokens": 24, "temperature": 0, "seed": 0}
    answers = {}
    for role in ("relationship_manager", "teller", "relationship_manager"):
        response = gateway.client.post("/v1/chat/completions", json=body, headers=gateway.auth(role))
        assert response.status_code == 200
        answers.setdefault(role, set()).add(response.json()["choices"][0]["message"]["content"])
    assert len(answers["relationship_manager"]) == 1  # greedy: the same answer both times
    assert answers["relationship_manager"] != answers["teller"]
    events = gateway.client.get("/v1/audit", params={"action": "chat"},
                                headers=gateway.auth("compliance_officer")).json()["data"]
    lora = {(event["user"], str(event["details"].get("lora"))) for event in events}
    assert lora == {("relationship_manager", f"[{{'name': 'example', 'scale': {LORA_SCALE}}}]"), ("teller", "None")}


@pytest.mark.parametrize("name", ["has space", "1st", "", "x" * 65, "semi;colon"])
def test_an_adapter_name_must_be_a_plain_identifier(name: str) -> None:
    with pytest.raises(ValidationError, match="not a valid adapter name"):
        LlmSettings(lora_adapters={name: Path("a.gguf")})


def test_attaching_to_a_server_that_holds_undeclared_adapters_fails_at_start_up(
    adapted_model: ChatModel, tmp_path: Path, models_dir: Path
) -> None:
    """Its adapters would apply to every request that names none: the settings must declare them."""
    process = adapted_model.process  # type: ignore[attr-defined]
    settings = make_settings(tmp_path, models_dir, llm={"backend": "llama-server", "server_slots": 1,
                                                        "server_url": process.base_url})
    key_file = tmp_path / "key"
    key_file.write_text(process.api_key)
    llm = settings.llm.model_copy(update={"server_api_key_file": key_file})
    with pytest.raises(ModelUnavailable, match="holds 1 LoRA adapters where 0 are configured"):
        build_chat_model(llm, settings.chat_model_path)
