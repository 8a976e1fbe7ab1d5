"""Gateway overhead over raw llama-cpp-python: the same prompts, the same model, side by side in one run.

Raw: ``llama_cpp.Llama.create_chat_completion`` in this process. Gateway: the real server (``gateway serve``) in a
subprocess, over HTTP with an API key, so auth, policy, PII masking of question and answer, retrieval (query
embedding and a role-filtered search of the knowledge base), the audit write, queueing, JSON encoding and HTTP are
all counted. Both see the same model input at temperature 0, so both generate the same tokens. Rounds alternate raw
and gateway so machine noise hits both alike.

By default the knowledge base is empty (the raw model is given the role's system prompt and the "no sources"
section the gateway adds). With ``--kb`` the example knowledge base (``examples/bank/docs``) is ingested first, so
every question is answered with retrieved, masked sources; the raw model then gets the very tokens the gateway's
prompt builder produces for the same question (built in this process on the same data directory), so both sides
prefill the same grounded prompt and the difference is the gateway's own work.

    .venv/bin/python bench/llm_overhead.py [--rounds 3] [--max-tokens 128] [--kb]

Prints tokens/s of each, the gateway's resident memory with the default models loaded, and last the ratio
gateway/raw of median latency (target: <= 1.10).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import llama_cpp
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gateway.app import build_engines  # noqa: E402
from gateway.chat.ask import ChatAsk  # noqa: E402
from gateway.chat.prepare import SOURCES_HEADER, PromptBuilder  # noqa: E402
from gateway.db.migrate import upgrade  # noqa: E402
from gateway.db.session import Database  # noqa: E402
from gateway.kb.prompt import NO_SOURCES  # noqa: E402
from gateway.pii.service import MaskingService  # noqa: E402
from gateway.policy.limits import RequestLimits  # noqa: E402
from gateway.policy.pii_rules import pii_rules_for  # noqa: E402
from gateway.policy.policy_set import load_policy_set  # noqa: E402
from gateway.policy.principal import Principal  # noqa: E402
from gateway.policy.users import UserStore  # noqa: E402
from gateway.settings import load_settings  # noqa: E402

PROMPTS = [
    "What documents does a customer need to open a savings account?",
    "Explain in two sentences what a wire transfer cut-off time is.",
    "How should a teller respond when a customer forgets their PIN?",
    "What is the difference between a debit card and a credit card?",
    "Summarise why banks verify the identity of new customers.",
    "What should staff do if they suspect a fraudulent cheque?",
    "Give one tip for explaining overdraft fees clearly.",
    "What is a standing order?",
]
ROLE = "teller"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gateway(data_dir: Path, user: str = "bench", role: str = ROLE) -> tuple[subprocess.Popen[bytes], str, str]:
    """``gateway serve`` on ``data_dir`` in a subprocess, once ready: (process, base URL, an API key of ``role``)."""
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    key = UserStore(Database(url)).add_user(user, [role])[1]
    port = free_port()
    env = {**os.environ, "GATEWAY_DATA_DIR": str(data_dir), "GATEWAY_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gateway", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return proc, base, key
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gateway did not start")


def seed_examples(base: str, data_dir: Path) -> int:
    """Ingest ``examples/bank/docs`` through the API as an administrator; the number of documents added."""
    from bench.load import seed

    admin = UserStore(Database(f"sqlite:///{data_dir / 'gateway.db'}")).add_user("bench-admin", ["admin"])[1]
    return seed(base, admin)


class GroundedPrompts:
    """The gateway's own prompt builder on the gateway's data directory, in this process: the exact tokens the
    server gives its model for a question (masked question, retrieved and masked sources, system prompt)."""

    def __init__(self, data_dir: Path) -> None:
        os.environ["GATEWAY_DATA_DIR"] = str(data_dir)
        settings = load_settings()
        engines = build_engines(settings)
        masking = MaskingService(engines.masker, lambda roles: pii_rules_for(engines.policy, roles))
        self._builder = PromptBuilder(engines.chat_model, engines.policy, settings.llm, masking, engines.kb,
                                      RequestLimits(settings.limits))
        self._principal = Principal(name="bench", roles=(ROLE,))

    def tokens(self, prompt: str, max_tokens: int) -> tuple[list[int], int]:
        """(prompt tokens, number of sources) for ``prompt`` asked by the bench's role."""
        ask = ChatAsk(messages=[("user", prompt)], max_tokens=max_tokens, temperature=0.0, top_p=1.0, stop=(),
                      seed=1)
        prepared = asyncio.run(self._builder.prepare(self._principal, ask))
        return list(prepared.prompt.tokens), len(prepared.sources)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--kb", action="store_true", help="ingest the example knowledge base first")
    args = parser.parse_args()

    settings = load_settings()
    # The model input the gateway builds for this role: its system prompt, then the knowledge-base sources section
    # (the bench's knowledge base is empty, so that section says no sources were found).
    system_prompt = "\n\n".join(
        (load_policy_set(settings.policy_file).generation([ROLE]).system_prompt, SOURCES_HEADER + NO_SOURCES)
    )
    raw = llama_cpp.Llama(str(settings.chat_model_path), n_ctx=settings.llm.n_ctx, verbose=False)
    raw.create_chat_completion([{"role": "user", "content": "Hi"}], max_tokens=1)  # warm-up, as the gateway does

    stages: dict[str, list[float]] = {}
    sources: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        proc, base, key = start_gateway(Path(tmp))
        client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=120)
        try:
            grounded = None
            if args.kb:
                print(f"ingested {seed_examples(base, Path(tmp))} example documents")
                grounded = GroundedPrompts(Path(tmp))
            rss_mib = psutil.Process(proc.pid).memory_info().rss / 2**20
            results: dict[str, list[tuple[float, int]]] = {"raw": [], "gateway": []}
            for _ in range(args.rounds):
                for prompt in PROMPTS:
                    if grounded is not None:
                        tokens, n_sources = grounded.tokens(prompt, args.max_tokens)
                        sources.append(n_sources)
                        t = time.perf_counter()
                        out = raw.create_completion(tokens, max_tokens=args.max_tokens, temperature=0.0, seed=1)
                    else:
                        t = time.perf_counter()
                        out = raw.create_chat_completion(
                            [{"role": "system", "content": system_prompt}, {"role": "user", "content": prompt}],
                            max_tokens=args.max_tokens, temperature=0.0, seed=1,
                        )
                    results["raw"].append((time.perf_counter() - t, out["usage"]["completion_tokens"]))
                    t = time.perf_counter()
                    response = client.post(
                        "/v1/chat/completions",
                        json={"messages": [{"role": "user", "content": prompt}], "max_tokens": args.max_tokens,
                              "temperature": 0.0, "seed": 1},
                    )
                    response.raise_for_status()
                    results["gateway"].append((time.perf_counter() - t, response.json()["usage"]["completion_tokens"]))
                    for stage, ms in server_timing(response.headers.get("server-timing", "")):
                        stages.setdefault(stage, []).append(ms)
            rss_after_mib = psutil.Process(proc.pid).memory_info().rss / 2**20
        finally:
            client.close()
            proc.terminate()
            proc.wait(30)

    print(f"{'':10}{'requests':>10}{'tokens':>8}{'median ms':>12}{'p95 ms':>10}{'tokens/s':>10}")
    medians = {}
    for name, rows in results.items():
        latencies = sorted(r[0] for r in rows)
        tokens = sum(r[1] for r in rows)
        medians[name] = statistics.median(latencies)
        p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
        print(f"{name:10}{len(rows):>10}{tokens:>8}{medians[name] * 1000:>12.1f}{p95 * 1000:>10.1f}"
              f"{tokens / sum(latencies):>10.1f}")
    if sources:
        print(f"sources per grounded prompt: median {statistics.median(sources):.0f} (min {min(sources)})")
    print("gateway stages (Server-Timing), median ms: "
          + ", ".join(f"{stage} {statistics.median(values):.1f}" for stage, values in stages.items()))
    print(f"gateway resident memory with default models loaded: {rss_mib:.0f} MiB at start, "
          f"{rss_after_mib:.0f} MiB after the run")
    print(f"ratio gateway/raw of median latency: {medians['gateway'] / medians['raw']:.3f}")


def server_timing(header: str) -> list[tuple[str, float]]:
    """``name;dur=12.3, ...`` as (name, milliseconds)."""
    out = []
    for part in header.split(","):
        name, _, rest = part.strip().partition(";dur=")
        if name and rest:
            out.append((name, float(rest)))
    return out


if __name__ == "__main__":
    main()
