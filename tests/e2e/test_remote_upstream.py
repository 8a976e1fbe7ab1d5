"""The remote backend: one gateway generating on another OpenAI-compatible server (here: a second real gateway)."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from litestar.testing import TestClient

from gateway.app import Engines, create_app
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.llm.factory import build_chat_model, close_chat_model
from gateway.llm.protocol import ChatModel
from gateway.policy.policy_set import load_policy_set
from gateway.policy.users import UserStore
from tests.support import make_settings

pytestmark = pytest.mark.e2e


@pytest.fixture
def built() -> Iterator[list[ChatModel]]:
    """Chat models the test built, closed after it: a remote model's health checker must not outlive its test."""
    models: list[ChatModel] = []
    yield models
    for model in models:
        close_chat_model(model)


def front_gateway(tmp_path: Path, models_dir: Path, base_url: str, key: str | None,
                  built: list[ChatModel]) -> tuple[TestClient, str]:
    key_file = tmp_path / "upstream.key"
    key_file.write_text(key or "none")
    key_file.chmod(0o600)
    settings = make_settings(
        tmp_path / "front", models_dir,
        llm={"backend": "remote", "remote_base_url": f"{base_url}/v1", "remote_api_key_file": key_file,
             "model_name": "upstream-smollm2", "remote_model": "smollm2-135m-instruct", "request_timeout_s": 30},
        embedding={"load": False},
    )
    upgrade(settings.sqlalchemy_url)
    db = Database(settings.sqlalchemy_url)
    model = build_chat_model(settings.llm, settings.chat_model_path)
    built.append(model)
    engines = Engines(db=db, policy=load_policy_set(settings.policy_file), chat_model=model, embedder=None,
                      masker=settings.pii_engine.masker())
    user_key = UserStore(db).add_user("front-teller", ["teller"])[1]
    return TestClient(create_app(settings, engines), raise_server_exceptions=False), user_key


def test_chat_is_generated_by_the_remote_upstream(server_factory: Callable[..., object], tmp_path: Path,
                                                  models_dir: Path, built: list[ChatModel]) -> None:
    upstream = server_factory()
    client, key = front_gateway(tmp_path, models_dir, upstream.base_url, upstream.keys["teller"], built)  # type: ignore[attr-defined]
    with client:
        body = {"messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 8, "temperature": 0}
        response = client.post("/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["model"] == "upstream-smollm2"
        assert data["choices"][0]["message"]["content"]
        assert data["usage"]["completion_tokens"] > 0
        with client.stream("POST", "/v1/chat/completions", json={**body, "stream": True},
                           headers={"Authorization": f"Bearer {key}"}) as stream:
            lines = [line for line in stream.iter_lines() if line]
        assert lines[-1] == "data: [DONE]"


def test_an_unreachable_upstream_is_a_503(tmp_path: Path, models_dir: Path, built: list[ChatModel]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead_port = s.getsockname()[1]
    client, key = front_gateway(tmp_path, models_dir, f"http://127.0.0.1:{dead_port}", None, built)
    with client:
        body = {"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 4}
        response = client.post("/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "model_unavailable"
