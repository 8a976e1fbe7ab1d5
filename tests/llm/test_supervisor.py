"""The supervised llama-server: restarted when it crashes (not ready meanwhile, answering again after), stopped with
the gateway, killed by the kernel when the gateway itself is killed, and a start-up failure is a clear error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gateway.errors import ModelUnavailable
from gateway.llm.server import LlamaServerChatModel
from gateway.llm.supervisor import LlamaServerProcess, ServerCommand
from gateway.llm.types import ChatMessage, Finished, SamplingParams
from gateway.paths import PROJECT_ROOT
from tests.support import llama_server_binary


def command(models_dir: Path, **overrides: object) -> ServerCommand:
    values: dict[str, object] = {"binary": llama_server_binary(), "model_path": models_dir /
                                 "SmolLM2-135M-Instruct.Q4_1.gguf", "slots": 1, "n_ctx": 512, "n_threads": 1}
    values.update(overrides)
    return ServerCommand(**values)  # type: ignore[arg-type]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is dead too
        return stat.read().split()[2] != "Z"


def wait_for(predicate: object, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_a_crashed_server_is_restarted_and_answers_again(models_dir: Path) -> None:
    model = LlamaServerChatModel(command(models_dir), model_id="served")
    try:
        prompt = model.prepare([ChatMessage("user", "Say hello.")])
        params = SamplingParams(max_tokens=4, temperature=0)
        first = model.process.pid  # type: ignore[union-attr]
        assert first is not None
        os.kill(first, signal.SIGKILL)
        assert wait_for(lambda: not model.ready, 10)
        with pytest.raises(ModelUnavailable):
            list(model.generate(prompt, params, lambda: False))
        assert wait_for(lambda: model.ready)
        assert model.process.pid != first and model.process.restarts == 1  # type: ignore[union-attr]
        events = list(model.generate(prompt, params, lambda: False))
        assert isinstance(events[-1], Finished) and events[-1].completion_tokens > 0
    finally:
        model.close()
    assert not alive(first)


def test_closing_stops_the_server(models_dir: Path) -> None:
    process = LlamaServerProcess(command(models_dir))
    process.start()
    pid = process.pid
    assert pid is not None and alive(pid)
    process.close()
    assert not alive(pid)


CHILD = """
import sys, time
from pathlib import Path
from gateway.llm.supervisor import LlamaServerProcess, ServerCommand
process = LlamaServerProcess(ServerCommand(binary=Path(sys.argv[1]), model_path=Path(sys.argv[2]), slots=1,
                                           n_ctx=512, n_threads=1))
process.start()
print(process.pid, flush=True)
time.sleep(600)
"""


def test_a_killed_gateway_takes_its_server_with_it(models_dir: Path) -> None:
    gateway = subprocess.Popen([sys.executable, "-c", CHILD, str(llama_server_binary()),
                                str(models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf")], stdout=subprocess.PIPE,
                               cwd=PROJECT_ROOT, text=True)
    assert gateway.stdout is not None
    server_pid = int(gateway.stdout.readline())
    assert alive(server_pid)
    gateway.kill()  # SIGKILL: no atexit, no close()
    gateway.wait()
    assert wait_for(lambda: not alive(server_pid), 10)


def test_a_server_that_cannot_start_is_a_clear_error(models_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\\0" * 64)
    with pytest.raises(ModelUnavailable, match="exited during start-up"):
        LlamaServerProcess(command(models_dir, model_path=broken), restart=False).start()
    with pytest.raises(ModelUnavailable, match="llama-server not found"):
        LlamaServerProcess(command(models_dir, binary=tmp_path / "missing"))
