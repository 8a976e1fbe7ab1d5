"""The knowledge base on object storage beside local disk: the same passages ingested into LanceDB on a local folder
and on an S3-compatible server (moto's standalone server, started here on loopback), then the same questions
searched on both, interleaved, as an administrator. Prints ingest time, search median and p95 per store, and the
ratio S3 / local last.

    .venv/bin/python bench/object_storage.py [--rounds 3]

moto keeps objects in memory in its own process and answers over HTTP on loopback, so the figure is the cost of
LanceDB's object-store path (HTTP requests per read, no local page cache), not of a real network or disk array.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import text_document
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.supervisor import free_loopback_port
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import EffectiveRights
from gateway.policy.schema import Classification

DATA = Path(__file__).parent / "data"
BUCKET = "gateway-kb"


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    program = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    if program is None:
        sys.exit("moto[server] is not installed: .venv/bin/pip install -e '.[test]'")
    port = free_loopback_port()
    server = subprocess.Popen([program, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(endpoint, timeout=0.5)
            break
        except httpx.HTTPError:
            time.sleep(0.05)
    os.environ.update({"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_REGION": "us-east-1",
                       "AWS_ENDPOINT_URL": endpoint, "AWS_ENDPOINT": endpoint, "AWS_ALLOW_HTTP": "true"})
    import boto3

    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
    return server, endpoint


def open_kb(workdir: Path, name: str, kb_uri: str, embedder: LlamaCppEmbedder) -> KnowledgeBase:
    data_dir = workdir / name
    data_dir.mkdir()
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    return open_knowledge_base(KbSettings(), data_dir=data_dir, kb_uri=kb_uri, db=Database(url), embedder=embedder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions on each store")
    args = parser.parse_args()
    passages = [json.loads(line) for line in (DATA / "retrieval_en.jsonl").open(encoding="utf-8")]
    questions = [json.loads(line)["question"] for line in (DATA / "retrieval_en_questions.jsonl").open()]
    embedder = LlamaCppEmbedder(Path(os.environ.get("GATEWAY_MODELS_DIR", PROJECT_ROOT / "models"))
                                / "all-MiniLM-L6-v2.F16.gguf")
    rights = EffectiveRights(roles=("bench",), permissions=frozenset({"search"}),
                             grants={"regulations": Classification.restricted})
    server, _ = start_moto()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            stores = {"local disk": open_kb(Path(tmp), "local", str(Path(tmp) / "local" / "kb"), embedder),
                      "S3 (moto)": open_kb(Path(tmp), "s3", f"s3://{BUCKET}/kb", embedder)}
            for name, kb in stores.items():
                documents = [text_document(p["text"], title=p["title"], collection="regulations",
                                           level=Classification.public, metadata=None, source=p["id"], label=p["id"],
                                           max_bytes=1 << 20) for p in passages]
                started = time.perf_counter()
                kb.ingest_many(documents)
                print(f"{name:<11} ingest of {len(passages)} passages: {time.perf_counter() - started:.1f} s")
            for kb in stores.values():  # warm-up: first reads open the table and fetch its manifest
                for q in questions[:10]:
                    kb.search(q, rights, top_k=5)
            times: dict[str, list[float]] = {name: [] for name in stores}
            for _ in range(args.rounds):
                for q in questions:
                    for name, kb in stores.items():  # interleaved, so drift on the machine hits both alike
                        started = time.perf_counter()
                        kb.search(q, rights, top_k=5)
                        times[name].append((time.perf_counter() - started) * 1000)
            for name, values in times.items():
                p95 = statistics.quantiles(values, n=20)[-1]
                print(f"{name:<11} search k=5, {len(values)} queries: median {statistics.median(values):.1f} ms, "
                      f"p95 {p95:.1f} ms")
            ratio = statistics.median(times["S3 (moto)"]) / statistics.median(times["local disk"])
            print(f"ratio S3 / local disk, median search latency: {ratio:.2f}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
