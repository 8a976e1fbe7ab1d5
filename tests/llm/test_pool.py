"""The remote backend's upstream pool on real llama-server processes: least-busy routing, a dead upstream ejected
and its request retried elsewhere, no retry once text has gone out, re-admission after a health check, and the
per-upstream state in /readyz and the metrics."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.errors import ModelUnavailable
from gateway.llm.remote import RemoteChatModel
from gateway.llm.supervisor import LlamaServerProcess, ServerCommand, free_loopback_port
from gateway.llm.types import ChatMessage, Finished, SamplingParams, TextDelta
from tests.support import llama_server_binary

KEY = "pool-test-key"


@pytest.fixture(scope="module")
def upstreams(models_dir: Path) -> Iterator[list[LlamaServerProcess]]:
    command = ServerCommand(binary=llama_server_binary(), model_path=models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf",
                            slots=2, n_ctx=1024, n_threads=1)
    servers = [LlamaServerProcess(command, api_key=KEY, restart=False) for _ in range(2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        server.close()


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "upstream.key"
    path.write_text(KEY)
    return path


def pool_of(urls: list[str], key_file: Path) -> RemoteChatModel:
    return RemoteChatModel(urls, model_id="pooled", api_key_file=key_file, concurrency=4, timeout_s=60,
                           health_interval_s=3600)  # checks run when a test calls check_now


def answer(model: RemoteChatModel, max_tokens: int = 8) -> list[object]:
    prompt = model.prepare([ChatMessage("user", "Name a colour.")])
    return list(model.generate(prompt, SamplingParams(max_tokens=max_tokens, temperature=0), lambda: False))


def test_a_dead_upstream_is_ejected_and_its_request_served_by_a_live_one(
    upstreams: list[LlamaServerProcess], key_file: Path,
) -> None:
    dead = f"http://127.0.0.1:{free_loopback_port()}/v1"
    model = pool_of([dead, f"{upstreams[0].base_url}/v1"], key_file)
    try:
        for _ in range(3):
            events = answer(model)
            assert isinstance(events[-1], Finished) and events[-1].completion_tokens > 0
        dead_state, live_state = model.upstream_states()
        assert dead_state["healthy"] is False and dead_state["ejections"] == 1 and dead_state["failures"] == 1
        assert live_state["healthy"] is True and live_state["served"] == 3
        model.pool.check_now()
        assert [s["healthy"] for s in model.upstream_states()] == [False, True]  # the check keeps it out
        assert model.ready
    finally:
        model.close()


def test_no_live_upstream_is_a_model_unavailable(key_file: Path) -> None:
    model = pool_of([f"http://127.0.0.1:{free_loopback_port()}/v1", f"http://127.0.0.1:{free_loopback_port()}/v1"],
                    key_file)
    try:
        with pytest.raises(ModelUnavailable):
            answer(model)
        assert not model.ready
    finally:
        model.close()


def test_concurrent_requests_go_to_the_least_busy_upstream(upstreams: list[LlamaServerProcess],
                                                           key_file: Path) -> None:
    model = pool_of([f"{s.base_url}/v1" for s in upstreams], key_file)
    try:
        prompt = model.prepare([ChatMessage("user", "Tell me a long story about a bank.")])
        streams = [model.generate(prompt, SamplingParams(max_tokens=32, temperature=0.8), lambda: False)
                   for _ in range(2)]
        firsts = [next(stream) for stream in streams]  # both in flight at once
        assert all(isinstance(first, TextDelta) for first in firsts)
        assert [s["in_flight"] for s in model.upstream_states()] == [1, 1]
        for stream in streams:
            assert isinstance(list(stream)[-1], Finished)
        assert [s["served"] for s in model.upstream_states()] == [1, 1]
    finally:
        model.close()


def test_a_failure_after_the_first_token_is_not_retried_and_a_checked_upstream_is_readmitted(
    models_dir: Path, key_file: Path, upstreams: list[LlamaServerProcess],
) -> None:
    command = ServerCommand(binary=llama_server_binary(), model_path=models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf",
                            slots=1, n_ctx=1024, n_threads=1)
    doomed = LlamaServerProcess(command, api_key=KEY, restart=False)
    doomed.start()
    model = pool_of([f"{doomed.base_url}/v1", f"{upstreams[1].base_url}/v1"], key_file)
    try:
        before = model.upstream_states()[1]["served"]
        prompt = model.prepare([ChatMessage("user", "Tell me a long story about a hospital.")])
        stream = model.generate(prompt, SamplingParams(max_tokens=400, temperature=0.8), lambda: False)
        assert isinstance(next(stream), TextDelta)  # the first token came from the first upstream
        doomed.close()  # it dies mid-answer
        with pytest.raises(ModelUnavailable):
            list(stream)
        states = model.upstream_states()
        assert states[0]["healthy"] is False and states[0]["failures"] == 1
        assert states[1]["served"] == before  # never spliced onto the other upstream
        doomed.start()  # back on the same port
        model.pool.check_now()
        assert model.upstream_states()[0]["healthy"] is True
    finally:
        model.close()
        doomed.close()


def test_readyz_and_metrics_report_each_upstream(upstreams: list[LlamaServerProcess], key_file: Path,
                                                 tmp_path: Path, models_dir: Path) -> None:
    from litestar.testing import TestClient

    from gateway.app import Engines, create_app
    from gateway.db.migrate import upgrade
    from gateway.db.session import Database
    from gateway.llm.factory import build_chat_model
    from gateway.policy.policy_set import load_policy_set
    from gateway.policy.users import UserStore
    from tests.support import make_settings

    dead = f"http://127.0.0.1:{free_loopback_port()}/v1"
    settings = make_settings(tmp_path, models_dir, embedding={"load": False}, llm={
        "backend": "remote", "remote_base_urls": [dead, f"{upstreams[0].base_url}/v1"],
        "remote_api_key_file": key_file, "remote_health_interval_s": 3600})
    upgrade(settings.sqlalchemy_url)
    db = Database(settings.sqlalchemy_url)
    model = build_chat_model(settings.llm, settings.chat_model_path)
    engines = Engines(db=db, policy=load_policy_set(settings.policy_file), chat_model=model, embedder=None,
                      masker=settings.pii_engine.masker())
    admin = UserStore(db).add_user("ops", ["admin"])[1]
    try:
        with TestClient(create_app(settings, engines)) as client:
            model.pool.check_now()  # type: ignore[attr-defined]
            ready = client.get("/readyz").json()
            assert ready["ready"] is True
            assert [(u["url"], u["healthy"]) for u in ready["upstreams"]] == [
                (dead, False), (f"{upstreams[0].base_url}/v1", True)]
            text = client.get("/metrics", headers={"Authorization": f"Bearer {admin}"}).text
            assert f'gateway_upstream_healthy{{upstream="{dead}"}} 0.0' in text
            assert f'gateway_upstream_healthy{{upstream="{upstreams[0].base_url}/v1"}} 1.0' in text
    finally:
        model.close()  # type: ignore[attr-defined]


def test_the_health_checker_runs_by_itself(upstreams: list[LlamaServerProcess], key_file: Path) -> None:
    dead = f"http://127.0.0.1:{free_loopback_port()}/v1"
    model = RemoteChatModel([dead, f"{upstreams[0].base_url}/v1"], model_id="pooled", api_key_file=key_file,
                            health_interval_s=0.1)
    try:
        done = threading.Event()
        for _ in range(100):
            if not model.upstream_states()[0]["healthy"]:
                done.set()
                break
            done.wait(0.05)
        assert done.is_set()
    finally:
        model.close()
