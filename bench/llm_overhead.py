"""Gateway overhead over raw llama-cpp-python: the same prompts, the same model, side by side in one run.

Raw: ``llama_cpp.Llama.create_chat_completion`` in this process. Gateway: the real server (``gateway serve``) in a
subprocess, over HTTP with an API key, so auth, policy, PII masking of question and answer, retrieval (query
embedding and a role-filtered search of the knowledge base, empty here), the audit write, queueing, JSON encoding and
HTTP are all counted. Both see the same model input (the role's system prompt and the sources section are given to
the raw model too) at temperature 0, so both generate the same tokens. Rounds alternate raw and gateway so machine
noise hits both alike.

    .venv/bin/python bench/llm_overhead.py [--rounds 3] [--max-tokens 128]

Prints tokens/s of each, the gateway's resident memory with the default models loaded, and last the ratio
gateway/raw of median latency (target: <= 1.10).
"""

from __future__ import annotations

import argparse
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

from gateway.chat.prepare import SOURCES_HEADER  # noqa: E402
from gateway.db.migrate import upgrade  # noqa: E402
from gateway.db.session import Database  # noqa: E402
from gateway.kb.prompt import NO_SOURCES  # noqa: E402
from gateway.policy.policy_set import load_policy_set  # noqa: E402
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


def start_gateway(data_dir: Path, user: str = "bench") -> tuple[subprocess.Popen[bytes], str, str]:
    """``gateway serve`` on ``data_dir`` in a subprocess, once ready: (process, base URL, a teller's API key)."""
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    key = UserStore(Database(url)).add_user(user, [ROLE])[1]
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()

    settings = load_settings()
    # The model input the gateway builds for this role: its system prompt, then the knowledge-base sources section
    # (the bench's knowledge base is empty, so that section says no sources were found).
    system_prompt = "\n\n".join(
        (load_policy_set(settings.policy_file).generation([ROLE]).system_prompt, SOURCES_HEADER + NO_SOURCES)
    )
    raw = llama_cpp.Llama(str(settings.chat_model_path), n_ctx=settings.llm.n_ctx, verbose=False)
    raw.create_chat_completion([{"role": "user", "content": "Hi"}], max_tokens=1)  # warm-up, as the gateway does

    with tempfile.TemporaryDirectory() as tmp:
        proc, base, key = start_gateway(Path(tmp))
        client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=120)
        try:
            rss_mib = psutil.Process(proc.pid).memory_info().rss / 2**20
            results: dict[str, list[tuple[float, int]]] = {"raw": [], "gateway": []}
            for _ in range(args.rounds):
                for prompt in PROMPTS:
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
    print(f"gateway resident memory with default models loaded: {rss_mib:.0f} MiB at start, "
          f"{rss_after_mib:.0f} MiB after the run")
    print(f"ratio gateway/raw of median latency: {medians['gateway'] / medians['raw']:.3f}")


if __name__ == "__main__":
    main()
