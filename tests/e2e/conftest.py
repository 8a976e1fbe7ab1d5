"""Start the real gateway (``gateway serve``) in a subprocess on a free port, with its own data directory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.policy.users import UserStore


@dataclass
class Server:
    base_url: str
    keys: dict[str, str]
    process: subprocess.Popen[bytes]
    log_path: Path
    data_dir: Path
    env: dict[str, str]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server_factory(tmp_path: Path, models_dir: Path) -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def start(roles: tuple[str, ...] = ("teller", "admin"), *, again: Server | None = None, **env: str) -> Server:
        """A server on a fresh data directory with a user per role; ``again``: restart on that server's data
        directory, environment and keys (after it was stopped or killed)."""
        data_dir = again.data_dir if again is not None else tmp_path / f"data{len(started)}"
        extra = {**(again.env if again is not None else {}), **env}
        environment = {
            **os.environ,
            "GATEWAY_DATA_DIR": str(data_dir),
            "GATEWAY_MODELS_DIR": str(models_dir),
            "GATEWAY_POLICY_SET": "bank",
            **extra,
        }
        url = f"sqlite:///{data_dir / 'gateway.db'}"
        upgrade(url)
        if again is not None:
            keys = again.keys
        else:
            store = UserStore(Database(url))
            keys = {role: store.add_user(role, [role])[1] for role in roles}
        port = _free_port()
        log_path = tmp_path / f"server{len(started)}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "gateway", "serve", "--port", str(port)],
            env=environment,
            stdout=log_path.open("wb"),
            stderr=subprocess.STDOUT,
        )
        server = Server(f"http://127.0.0.1:{port}", keys, process, log_path, data_dir, extra)
        started.append(server)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gateway exited with {process.returncode}:\n{server.log()}")
            try:
                if httpx.get(f"{server.base_url}/readyz", timeout=1).status_code == 200:
                    return server
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        pytest.fail(f"gateway did not become ready:\n{server.log()}")

    yield start
    for server in started:
        server.process.terminate()
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
