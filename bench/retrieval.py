"""Retrieval quality on the project's own development sets: the gateway's ranking (blind-index BM25 and MiniLM,
fused) beside plain BM25 baselines over the same passages, unencrypted: words for English, character bigrams for
Chinese. Each passage is one document; a question's gold is its passage; rankings are the first 10 distinct
documents. Prints recall@10, MAP@10 and MRR@10 for each ranking and set, and the gateway/baseline ratios last.

    .venv/bin/python bench/retrieval.py [--set en] [--set zh] [--kb candidates=40] \
        [--embedder all-MiniLM-L6-v2] [--embedder multilingual-e5-small]

Several ``--embedder`` options measure each embedder on the same sets in one run, with the ``kb`` defaults the
gateway uses for it (``kb.dense_weight_cjk``, unless ``--kb`` sets it), and print them side by side at the end
(with the ingest time and the mean search time, which include embedding).

The sets (``bench/data/retrieval_{en,zh}{,_questions}.jsonl``) are built by ``bench/retrieval_sets.py``; the
passages go through the gateway's own bulk ingest and ``KnowledgeBase.search`` (as an administrator).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.search import Ranking
from gateway.kb.service import open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.sources import text_document
from gateway.llm.embedder import EMBEDDING_MODELS, LlamaCppEmbedder
from gateway.llm.settings import EmbeddingSettings
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import EffectiveRights
from gateway.policy.schema import Classification
from gateway.settings import kb_for_embedder

DATA = Path(__file__).parent / "data"
DEPTH = 10
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def words(text: str) -> list[str]:
    """The plain English baseline's tokens: case-folded words, nothing removed, nothing stemmed."""
    return re.findall(r"\w+", text.casefold())


def bigrams(text: str) -> list[str]:
    """The plain Chinese baseline's tokens: overlapping character bigrams of each CJK run (words elsewhere)."""
    out: list[str] = []
    for run in _CJK.findall(text):
        out.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
    out.extend(words(_CJK.sub(" ", text)))
    return out


class Bm25:
    """Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's idf), in memory, over the same passages the gateway ingests."""

    def __init__(self, texts: Sequence[str], tokens: Callable[[str], list[str]]) -> None:
        self.tokens = tokens
        self.docs = [Counter(tokens(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.mean = sum(self.lengths) / len(self.lengths)
        frequency: Counter[str] = Counter()
        for d in self.docs:
            frequency.update(d.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}

    def rank(self, query: str, k: int = DEPTH) -> list[int]:
        terms = set(self.tokens(query))
        scores = []
        for i, (doc, length) in enumerate(zip(self.docs, self.lengths, strict=True)):
            s = 0.0
            for t in terms:
                f = doc.get(t)
                if f:
                    s += self.idf[t] * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * length / self.mean))
            if s > 0:
                scores.append((s, i))
        return [i for _, i in sorted(scores, key=lambda x: (-x[0], x[1]))[:k]]


def scores(ranked: list[list[str]], golds: list[list[str]]) -> dict[str, float]:
    recall = ap = rr = 0.0
    for found, gold in zip(ranked, golds, strict=True):
        found = list(dict.fromkeys(found))  # distinct documents: a passage's second chunk is not a second hit
        wanted = set(gold)
        hits, precisions, first = 0, 0.0, 0.0
        for rank, pid in enumerate(found[:DEPTH], start=1):
            if pid in wanted:
                hits += 1
                precisions += hits / rank
                first = first or 1.0 / rank
        recall += hits / len(wanted)
        ap += precisions / min(len(wanted), DEPTH)
        rr += first
    n = len(golds)
    return {"recall@10": recall / n, "MAP@10": ap / n, "MRR@10": rr / n}


def run_set(name: str, embedder: LlamaCppEmbedder, settings: KbSettings, workdir: Path) -> dict[str, dict[str, float]]:
    passages = [json.loads(line) for line in (DATA / f"retrieval_{name}.jsonl").open(encoding="utf-8")]
    questions = [json.loads(line) for line in (DATA / f"retrieval_{name}_questions.jsonl").open(encoding="utf-8")]
    data_dir = workdir / name
    data_dir.mkdir()
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    kb = open_knowledge_base(settings, data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=Database(url),
                             embedder=embedder)
    documents = [text_document(p["text"], title=p["title"], collection="regulations", level=Classification.public,
                               metadata=None, source=p["id"], label=p["id"], max_bytes=1 << 20) for p in passages]
    started = time.perf_counter()
    report = kb.ingest_many(documents)
    ingest_s = time.perf_counter() - started
    passage_of = {o.document_id: o.label for o in report.outcomes}
    rights = EffectiveRights(roles=("bench",), permissions=frozenset({"search"}),
                             grants={"regulations": Classification.restricted})
    golds = [q["gold"] for q in questions]
    results: dict[str, dict[str, float]] = {}
    rankings: list[tuple[str, Ranking]] = [("gateway (fused)", "fused"), ("gateway lexical only", "lexical"),
                                           ("gateway dense only", "dense")]
    search_s = 0.0
    for label, ranking in rankings:
        ranked = []
        started = time.perf_counter()
        for q in questions:
            seen: list[str] = []
            for hit in kb.search(q["question"], rights, top_k=DEPTH * 2, ranking=ranking):
                pid = passage_of[hit.document_id]
                if pid not in seen:
                    seen.append(pid)
            ranked.append(seen[:DEPTH])
        if ranking == "fused":
            search_s = (time.perf_counter() - started) / len(questions)
        results[label] = scores(ranked, golds)
    baseline = Bm25([f"{p['title']}\n{p['text']}" for p in passages], words if name == "en" else bigrams)
    ids = [p["id"] for p in passages]
    label = "plain BM25, words" if name == "en" else "plain BM25, character bigrams"
    results[label] = scores([[ids[i] for i in baseline.rank(q["question"])] for q in questions], golds)
    kinds = sorted({q["kind"] for q in questions})
    for kind in kinds:
        chosen = [i for i, q in enumerate(questions) if q["kind"] == kind]
        results[f"  gateway (fused), {kind} ({len(chosen)})"] = scores(
            [[passage_of[h.document_id] for h in kb.search(questions[i]["question"], rights, top_k=DEPTH * 2)]
             for i in chosen], [golds[i] for i in chosen])
    results["timing"] = {"ingest_s": ingest_s, "search_ms": search_s * 1000}
    print(f"\n{name} [{embedder.model.name}, dense_weight_cjk {settings.dense_weight_cjk}]: {len(passages)} passages, "
          f"{len(questions)} questions; ingest {ingest_s:.1f} s, fused search {search_s * 1000:.1f} ms a query")
    print(f"{'ranking':<44} {'recall@10':>9} {'MAP@10':>8} {'MRR@10':>8}")
    for label, row in results.items():
        if label != "timing":
            print(f"{label:<44} {row['recall@10']:9.3f} {row['MAP@10']:8.3f} {row['MRR@10']:8.3f}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", choices=["en", "zh"])
    parser.add_argument("--kb", action="append", default=[], metavar="SETTING=VALUE",
                        help="a kb setting for this run, e.g. --kb candidates=40 --kb dense_weight_cjk=0.5")
    parser.add_argument("--embedder", dest="embedders", action="append", choices=sorted(EMBEDDING_MODELS),
                        help="embedding model (repeat to compare; default all-MiniLM-L6-v2)")
    args = parser.parse_args()
    overrides: dict[str, Any] = dict(item.split("=", 1) for item in args.kb)
    models = Path(os.environ.get("GATEWAY_MODELS_DIR", PROJECT_ROOT / "models"))
    summary: list[tuple[str, str, dict[str, dict[str, float]]]] = []
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        for model in args.embedders or ["all-MiniLM-L6-v2"]:
            embedding = EmbeddingSettings(model=model)
            settings = kb_for_embedder(KbSettings(**overrides), embedding)
            embedder = LlamaCppEmbedder(models / embedding.profile.file.name, model=model)
            for name in args.sets or ["en", "zh"]:
                workdir = Path(tmp) / model
                workdir.mkdir(exist_ok=True)
                results = run_set(name, embedder, settings, workdir)
                summary.append((model, name, results))
                base = results["plain BM25, words" if name == "en" else "plain BM25, character bigrams"]
                ours = results["gateway (fused)"]
                ratios.append(f"{model} {name} MAP@10 {ours['MAP@10'] / base['MAP@10']:.3f}, "
                              f"MRR@10 {ours['MRR@10'] / base['MRR@10']:.3f}, "
                              f"recall@10 {ours['recall@10'] / base['recall@10']:.3f}")
            del embedder
    print("\nratio gateway/baseline: " + "; ".join(ratios))
    print(f"\n{'embedder':<22} {'set':<4} {'fused MRR@10':>12} {'dense MRR@10':>12} {'fused rec@10':>12} "
          f"{'ingest s':>9} {'search ms':>9}")
    for model, name, results in summary:
        fused, dense, timing = results["gateway (fused)"], results["gateway dense only"], results["timing"]
        print(f"{model:<22} {name:<4} {fused['MRR@10']:12.3f} {dense['MRR@10']:12.3f} {fused['recall@10']:12.3f} "
              f"{timing['ingest_s']:9.1f} {timing['search_ms']:9.1f}")


if __name__ == "__main__":
    main()
