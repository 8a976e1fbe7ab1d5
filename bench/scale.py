"""Scale-out: the gateway on llama.cpp's own server (several slots, continuous batching) against the in-process
backend, and the gateway's own cost over llama-server alone, in one run on one machine.

1. Load: ``--clients`` (16) concurrent clients for ``--seconds`` (30) each, asking for ``--tokens`` (64) token
   answers (half of them streamed), against ``gateway serve`` with ``llm.backend = "local"`` (the baseline: one
   answer at a time) and then with ``llm.backend = "llama-server"`` (``--slots``, 4). Both gateways get the same
   settings otherwise (queue of ``--clients`` places, so nothing is refused, the bank policy set, no retrieval).
   Prints completion tokens/s over the phase, requests, 429s, 5xx and latency p50 / p95 per backend.
2. Single stream: the same 64-token question ``--single`` (15) times, alternately straight to llama-server's
   ``/v1/chat/completions`` and through the gateway attached to that very server; medians of both.

    .venv/bin/python bench/scale.py [--clients 16] [--seconds 30] [--tokens 64] [--slots 4]

The ratios come last: gateway over llama-server / gateway in process tokens/s (goal >= 3), and gateway over
llama-server / llama-server alone single-stream latency (goal <= 1.05).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gateway.db.migrate import upgrade  # noqa: E402
from gateway.db.session import Database  # noqa: E402
from gateway.llm.factory import default_server_binary  # noqa: E402
from gateway.llm.supervisor import LlamaServerProcess, ServerCommand, free_loopback_port  # noqa: E402
from gateway.policy.policy_set import load_policy_set  # noqa: E402
from gateway.policy.users import UserStore  # noqa: E402

MODELS = Path(os.environ.get("GATEWAY_MODELS_DIR", ROOT / "models"))
MODEL = MODELS / "SmolLM2-135M-Instruct.Q4_1.gguf"
TOPICS = ["a lighthouse keeper", "a night at the hospital", "a bank branch in winter", "a lost library card",
          "a ferry crossing", "an old clock tower", "a market in spring", "a mountain railway"]


@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    tokens: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0

    def add(self, status: int, seconds: float, tokens: int) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == 200:
            self.latencies.append(seconds)
            self.tokens += tokens

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def p(self, pct: int) -> float:
        values = sorted(self.latencies)
        return values[min(len(values) - 1, int(len(values) * pct / 100))] if values else float("nan")


def start_gateway(data_dir: Path, env_extra: dict[str, str]) -> tuple[subprocess.Popen[bytes], str, str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    key = UserStore(Database(url)).add_user("teller-bench", ["teller"])[1]
    port = free_loopback_port()
    env = {**os.environ, "GATEWAY_DATA_DIR": str(data_dir), "GATEWAY_MODELS_DIR": str(MODELS),
           "GATEWAY_LOG_LEVEL": "WARNING", "GATEWAY_PROFILE": "dev", "GATEWAY_EMBEDDING__LOAD": "false",
           "GATEWAY_LIMITS__MAX_CONCURRENT_PER_PRINCIPAL": "64", **env_extra}
    log = (data_dir / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "gateway", "serve", "--port", str(port)], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        if proc.poll() is not None:
            raise SystemExit(f"gateway exited: {(data_dir / 'server.log').read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return proc, base, key
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("gateway did not start")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def question(n: int, k: int) -> str:
    return f"Write a long story about {TOPICS[(n + k) % len(TOPICS)]}."


async def client(base: str, key: str, n: int, until: float, tokens: int, phase: Phase) -> None:
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=600) as http:
        k = 0
        while time.monotonic() < until:
            stream = (n + k) % 2 == 0
            body = {"messages": [{"role": "user", "content": question(n, k)}], "max_tokens": tokens,
                    "temperature": 0.7, "seed": n * 1000 + k, "stream": stream,
                    **({"stream_options": {"include_usage": True}} if stream else {})}
            started = time.perf_counter()
            try:
                if stream:
                    used = 0
                    async with http.stream("POST", "/v1/chat/completions", json=body) as response:
                        async for line in response.aiter_lines():
                            if line.startswith("data: {") and '"usage"' in line:
                                usage = json.loads(line[6:]).get("usage") or {}
                                used = int(usage.get("completion_tokens") or used)
                    phase.add(response.status_code, time.perf_counter() - started, used)
                else:
                    response = await http.post("/v1/chat/completions", json=body)
                    used = response.json().get("usage", {}).get("completion_tokens", 0) if response.is_success else 0
                    phase.add(response.status_code, time.perf_counter() - started, int(used))
            except httpx.HTTPError:
                phase.errors += 1
            k += 1


async def load(base: str, key: str, clients: int, seconds: float, tokens: int) -> Phase:
    phase = Phase()
    started = time.monotonic()
    await asyncio.gather(*(client(base, key, n, started + seconds, tokens, phase) for n in range(clients)))
    phase.seconds = time.monotonic() - started  # until the last answer in flight at the deadline has come back
    return phase


def report(name: str, phase: Phase) -> None:
    fivexx = sum(n for s, n in phase.statuses.items() if s >= 500)
    print(f"{name:34}{phase.tokens_per_s:>10.1f}{sum(phase.statuses.values()):>7}{phase.statuses.get(429, 0):>6}"
          f"{fivexx:>6}{phase.errors:>5}{phase.p(50) * 1000:>9.0f}{phase.p(95) * 1000:>9.0f}")


def single_stream(server: LlamaServerProcess, base: str, key: str, tokens: int, runs: int
                  ) -> tuple[float, float, float, float]:  # fmt: skip
    """Medians of the same question straight to llama-server and through the gateway: seconds per answer and
    seconds per completion token (the two prompts differ by what the gateway adds, so the answers may differ in
    length; the per-token figure compares like with like). The direct request carries the teller's system prompt
    too, so both ask the model for the same work."""
    direct: list[tuple[float, int]] = []
    gateway: list[tuple[float, int]] = []
    user = {"role": "user", "content": "Write a long story about a lighthouse keeper."}
    system = {"role": "system", "content": TELLER_SYSTEM_PROMPT}
    with httpx.Client(timeout=600) as http:
        for i in range(runs + 1):
            body = {"max_tokens": tokens, "temperature": 0, "seed": 1, "model": "smollm2-135m-instruct"}
            for target, url, auth, messages in (
                (direct, f"{server.base_url}/v1/chat/completions", server.api_key, [system, user]),
                (gateway, f"{base}/v1/chat/completions", key, [user]),
            ):
                started = time.perf_counter()
                response = http.post(url, json={**body, "messages": messages},
                                     headers={"Authorization": f"Bearer {auth}"})
                response.raise_for_status()
                if i:  # the first round warms both up
                    target.append((time.perf_counter() - started, int(response.json()["usage"]["completion_tokens"])))
    return (statistics.median(t for t, _ in direct), statistics.median(t for t, _ in gateway),
            statistics.median(t / max(1, n) for t, n in direct), statistics.median(t / max(1, n) for t, n in gateway))


TELLER = load_policy_set(ROOT / "policies" / "bank.yaml").decl.roles["teller"]
TELLER_SYSTEM_PROMPT = str(TELLER.generation.system_prompt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--tokens", type=int, default=64)
    parser.add_argument("--slots", type=int, default=4)
    parser.add_argument("--single", type=int, default=15)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    binary = default_server_binary()
    if not binary.is_file():
        raise SystemExit(f"{binary} missing: run `make llama-server`")
    common = {"GATEWAY_LLM__QUEUE_SIZE": str(args.clients), "GATEWAY_LLM__N_THREADS": str(args.threads),
              "GATEWAY_LLM__MAX_TOKENS_CAP": str(args.tokens)}
    print(f"{args.clients} clients x {args.seconds:.0f} s, {args.tokens}-token answers, {args.threads} threads, "
          f"llama-server with {args.slots} slots; {os.cpu_count()} CPUs")
    server = LlamaServerProcess(ServerCommand(binary=binary, model_path=MODEL, slots=args.slots, n_ctx=2048,
                                              n_threads=args.threads), api_key="bench-model-tier")
    with tempfile.TemporaryDirectory() as tmp:
        key_file = Path(tmp) / "server.key"
        key_file.write_text(server.api_key)
        key_file.chmod(0o600)
        proc, base, key = start_gateway(Path(tmp) / "local", {**common, "GATEWAY_LLM__BACKEND": "local"})
        try:
            in_process = asyncio.run(load(base, key, args.clients, args.seconds, args.tokens))
        finally:
            stop(proc)
        server.start()
        try:
            proc, base, key = start_gateway(Path(tmp) / "served", {
                **common, "GATEWAY_LLM__BACKEND": "llama-server", "GATEWAY_LLM__SERVER_URL": server.base_url,
                "GATEWAY_LLM__SERVER_API_KEY_FILE": str(key_file), "GATEWAY_LLM__SERVER_SLOTS": str(args.slots)})
            try:
                served = asyncio.run(load(base, key, args.clients, args.seconds, args.tokens))
                direct, through, direct_tok, through_tok = single_stream(server, base, key, args.tokens, args.single)
            finally:
                stop(proc)
        finally:
            server.close()
    print(f"\n{'backend':34}{'tok/s':>10}{'reqs':>7}{'429':>6}{'5xx':>6}{'err':>5}{'p50 ms':>9}{'p95 ms':>9}")
    report("gateway, in process (baseline)", in_process)
    report(f"gateway + llama-server ({args.slots} slots)", served)
    print(f"\nsingle stream, up to {args.tokens} tokens, median of {args.single}: llama-server alone "
          f"{direct * 1000:.0f} ms ({direct_tok * 1000:.1f} ms/token), through the gateway {through * 1000:.0f} ms "
          f"({through_tok * 1000:.1f} ms/token)")
    print(f"single-stream latency ratio, gateway over llama-server / llama-server alone: {through / direct:.3f} "
          f"per answer, {through_tok / direct_tok:.3f} per token")
    print(f"throughput ratio, gateway + llama-server / in process: "
          f"{served.tokens_per_s / in_process.tokens_per_s:.2f}")


if __name__ == "__main__":
    main()
