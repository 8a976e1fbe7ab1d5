"""LlamaServerProcess: llama.cpp's own ``llama-server`` run as a child of the gateway on a loopback port.

Started with N slots (``--parallel``, continuous batching), health-checked until the model is loaded, restarted when
it dies (a watcher thread, with back-off), and stopped with the gateway (``close``, at exit, and by the kernel when
the gateway itself dies: ``PR_SET_PDEATHSIG``). Requests carry a random API key made per start and handed over in
the environment, so other local users cannot drive the model; ``/slots`` (which would show prompts) is disabled and
the server's own log is discarded (it may quote request text at higher verbosity).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import logging
import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from gateway.errors import ModelUnavailable

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(OSError):  # not Linux: close() and atexit still stop it
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True, slots=True)
class ServerCommand:
    """What to run: the binary, the model and how many slots."""

    binary: Path
    model_path: Path
    slots: int
    n_ctx: int
    """Context window of one slot (the server gets ``slots × n_ctx``)."""
    n_threads: int | None = None
    n_batch: int = 512
    n_gpu_layers: int = 0
    lora_paths: tuple[Path, ...] = ()

    def argv(self, port: int) -> list[str]:
        args = [
            str(self.binary), "--model", str(self.model_path), "--host", "127.0.0.1", "--port", str(port),
            "--parallel", str(self.slots), "--ctx-size", str(self.n_ctx * self.slots), "--batch-size",
            str(self.n_batch), "--n-gpu-layers", str(self.n_gpu_layers), "--no-webui", "--no-slots", "--metrics",
            "--log-disable",
        ]
        if self.n_threads:
            args += ["--threads", str(self.n_threads)]
        for path in self.lora_paths:
            args += ["--lora", str(path)]
        if self.lora_paths:
            # Not applied at load; each request still names every adapter's scale (gateway.llm.server): this build
            # applies a loaded adapter at its load scale to a request whose body has no ``lora`` field.
            args.append("--lora-init-without-apply")
        return args


class LlamaServerProcess:
    def __init__(self, command: ServerCommand, *, port: int | None = None, start_timeout_s: float = 120.0,
                 restart: bool = True, api_key: str | None = None) -> None:
        if not command.binary.is_file() or not os.access(command.binary, os.X_OK):
            raise ModelUnavailable(f"llama-server not found at {command.binary} (run `make llama-server`)")
        if not command.model_path.is_file():
            raise ModelUnavailable(f"chat model file not found: {command.model_path} (run `gateway models fetch`)")
        for path in command.lora_paths:
            if not path.is_file():
                raise ModelUnavailable(f"LoRA adapter file not found: {path}")
        self.command = command
        self.port = port or free_loopback_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.api_key = api_key or secrets.token_urlsafe(24)
        self.restarts = 0
        self._start_timeout_s = start_timeout_s
        self._restart = restart
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._ready = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def start(self) -> None:
        """Start the server and wait until its model is loaded; raises ModelUnavailable if it does not come up."""
        self._closed.clear()
        atexit.register(self.close)
        self._spawn()
        self._wait_healthy()
        self._watcher = threading.Thread(target=self._watch, name="llama-server-watch", daemon=True)
        self._watcher.start()

    def wait_ready(self, timeout_s: float) -> bool:
        return self._ready.wait(timeout_s)

    def close(self) -> None:
        self._closed.set()
        self._ready.clear()
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        atexit.unregister(self.close)

    def _spawn(self) -> None:
        env = {**os.environ, "LLAMA_API_KEY": self.api_key}
        with self._lock:
            if self._closed.is_set():
                return
            self._proc = subprocess.Popen(
                self.command.argv(self.port), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, preexec_fn=_die_with_parent, close_fds=True,
            )

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self._start_timeout_s
        with httpx.Client(base_url=self.base_url, timeout=2.0) as client:
            while time.monotonic() < deadline and not self._closed.is_set():
                proc = self._proc
                if proc is None or proc.poll() is not None:
                    code = None if proc is None else proc.returncode
                    raise ModelUnavailable(f"llama-server exited during start-up (exit status {code})")
                try:
                    if client.get("/health").status_code == 200:
                        self._ready.set()
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        raise ModelUnavailable(f"llama-server did not become healthy within {self._start_timeout_s:.0f} s")

    def _watch(self) -> None:
        backoff = 0.5
        while not self._closed.is_set():
            proc = self._proc
            if proc is None:
                return
            code = proc.wait()
            if self._closed.is_set():
                return
            self._ready.clear()
            log.warning("llama-server (pid %s) exited with status %s", proc.pid, code)
            if not self._restart:
                return
            time.sleep(backoff)
            try:
                self._spawn()
                self._wait_healthy()
                self.restarts += 1
                backoff = 0.5
                log.warning("llama-server restarted (pid %s)", self.pid)
            except ModelUnavailable as exc:
                log.error("llama-server restart failed: %s", exc)
                backoff = min(backoff * 2, 30.0)
