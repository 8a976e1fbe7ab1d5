"""Several gateway processes on one PostgreSQL, one Redis and one llama-server (the model tier): sixteen clients
chatting at once across two gateways get no 5xx, the per-principal limit holds across the processes, and the audit
chain both appended to at once verifies intact afterwards (four processes appending at once:
tests/audit/test_concurrency.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from gateway.coordination.counters import RedisCounters
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.db.tables import AuditEntry
from gateway.llm.supervisor import LlamaServerProcess, ServerCommand, free_loopback_port
from gateway.policy.users import UserStore
from tests.coordination.test_counters import REDIS_URL
from tests.support import llama_server_binary

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

GATEWAYS = 2
CLIENTS = 16


@pytest.fixture(scope="module")
def model_tier(models_dir: Path) -> Iterator[LlamaServerProcess]:
    command = ServerCommand(binary=llama_server_binary(), model_path=models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf",
                            slots=4, n_ctx=2048)
    server = LlamaServerProcess(command, api_key="model-tier-key")
    server.start()
    yield server
    server.close()


def _redis() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {type(exc).__name__}")
    return REDIS_URL


def _busy_slots(server: LlamaServerProcess) -> int:
    """Slots generating now, from llama-server's Prometheus metrics (its ``/slots`` is disabled: it shows prompts)."""
    metrics = httpx.get(f"{server.base_url}/metrics", headers={"Authorization": f"Bearer {server.api_key}"},
                        timeout=5)
    metrics.raise_for_status()
    for line in metrics.text.splitlines():
        if line.startswith("llamacpp:requests_processing "):
            return int(float(line.split()[1]))
    raise AssertionError("llama-server reports no llamacpp:requests_processing")


def _wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_two_gateways_share_limits_and_keep_one_intact_audit_chain(
    model_tier: LlamaServerProcess, pg_url: str, models_dir: Path, tmp_path: Path,
) -> None:
    redis_url = _redis()
    upgrade(pg_url)
    users = UserStore(Database(pg_url))
    tellers = [users.add_user(f"teller{i}", ["teller"])[1] for i in range(CLIENTS)]
    key_file = tmp_path / "model-tier.key"
    key_file.write_text(model_tier.api_key)
    key_file.chmod(0o600)
    data_dir = tmp_path / "data"
    env = {
        **os.environ,
        "GATEWAY_DATA_DIR": str(data_dir), "GATEWAY_MODELS_DIR": str(models_dir), "GATEWAY_POLICY_SET": "bank",
        "GATEWAY_DATABASE_URL": pg_url, "GATEWAY_EMBEDDING__LOAD": "false",
        "GATEWAY_LLM__BACKEND": "llama-server", "GATEWAY_LLM__SERVER_URL": model_tier.base_url,
        "GATEWAY_LLM__SERVER_API_KEY_FILE": str(key_file), "GATEWAY_LLM__SERVER_SLOTS": "4",
        "GATEWAY_LLM__QUEUE_SIZE": "32",
        "GATEWAY_COORDINATION__REDIS_URL": redis_url,
        "GATEWAY_COORDINATION__KEY_PREFIX": f"gwtest-{uuid.uuid4().hex[:10]}",
        "GATEWAY_LIMITS__MAX_CONCURRENT_PER_PRINCIPAL": "2",
    }
    ports = [free_loopback_port() for _ in range(GATEWAYS)]
    processes: list[subprocess.Popen[bytes]] = []

    def start(port: int) -> None:
        log = (tmp_path / f"gateway{port}.log").open("wb")
        processes.append(subprocess.Popen([sys.executable, "-m", "gateway", "serve", "--port", str(port)], env=env,
                                          stdout=log, stderr=subprocess.STDOUT))

    def wait_ready(port: int) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        pytest.fail((tmp_path / f"gateway{port}.log").read_text(errors="replace"))

    try:
        start(ports[0])  # the first creates the data directory's key files; the others then share them
        wait_ready(ports[0])
        for port in ports[1:]:
            start(port)
        for port in ports[1:]:
            wait_ready(port)

        def client(n: int) -> list[int]:
            statuses = []
            with httpx.Client(timeout=120) as http:
                for turn in range(2):
                    port = ports[(n + turn) % GATEWAYS]
                    body = {"messages": [{"role": "user", "content": f"Name a colour, please ({n}/{turn})."}],
                            "max_tokens": 16, "temperature": 0, "stream": n % 2 == 0}
                    response = http.post(f"http://127.0.0.1:{port}/v1/chat/completions", json=body,
                                         headers={"Authorization": f"Bearer {tellers[n]}"})
                    statuses.append(response.status_code)
            return statuses

        with ThreadPoolExecutor(CLIENTS) as pool:
            statuses = [s for batch in pool.map(client, range(CLIENTS)) for s in batch]
        assert all(s < 500 for s in statuses), statuses
        assert statuses.count(200) == 2 * CLIENTS, statuses  # 16 × 2 fits in 4 slots + 32 waiting

        # One principal, two gateways: the limit of 2 open requests holds across the processes. The model tier's
        # four slots are first filled with answers that cannot end early (ignore_eos), so the two streams wait for
        # a slot, holding their leases, for as long as the third request needs: nothing depends on how soon the
        # model would have stopped by itself.
        hold = {"prompt": "Count slowly:", "n_predict": 400, "ignore_eos": True, "temperature": 0}
        slow = {"messages": [{"role": "user", "content": "Tell me a long story."}], "max_tokens": 16,
                "temperature": 0, "stream": True}
        auth = {"Authorization": f"Bearer {tellers[0]}"}
        held = RedisCounters.connect(redis_url, prefix=env["GATEWAY_COORDINATION__KEY_PREFIX"], lease_s=60,
                                     timeout_s=5)

        def occupy_slot() -> int:
            return httpx.post(f"{model_tier.base_url}/completion", json=hold, timeout=300,
                              headers={"Authorization": f"Bearer {model_tier.api_key}"}).status_code

        def stream_slowly(port: int) -> int:
            with httpx.Client(timeout=300) as http, http.stream(
                    "POST", f"http://127.0.0.1:{port}/v1/chat/completions", json=slow, headers=auth) as response:
                response.read()
                return response.status_code

        with ThreadPoolExecutor(4 + GATEWAYS) as pool:
            occupying = [pool.submit(occupy_slot) for _ in range(4)]
            _wait_for(lambda: _busy_slots(model_tier) == 4, "the model tier's four slots to fill")
            streams = [pool.submit(stream_slowly, port) for port in ports]
            _wait_for(lambda: held.held("open:teller0") == 2, "both streams to hold teller0's two leases")
            third = httpx.post(f"http://127.0.0.1:{ports[0]}/v1/chat/completions", json=slow, headers=auth)
            assert third.status_code == 429
            assert third.json()["error"]["code"] == "too_many_concurrent_requests"
            assert [future.result() for future in streams] == [200, 200]
            assert [future.result() for future in occupying] == [200] * 4
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)

    verified = subprocess.run([sys.executable, "-m", "gateway", "audit", "verify"], env=env, capture_output=True,
                              text=True, timeout=120)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    with Database(pg_url).session() as session:
        answered = session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "chat", AuditEntry.outcome == "ok"))
        writers = session.scalar(select(func.count(func.distinct(AuditEntry.request_id))))
    assert answered is not None and answered >= 2 * CLIENTS
    assert writers is not None and writers >= 2 * CLIENTS
