"""PII detection latency per ~300-character query: our engine vs stock Presidio, in one run, warmed up first.

Run: ``.venv/bin/python bench/pii_latency.py``. Not a test; it asserts nothing. Queries are built by joining records
of the independent evaluation sets' test split (``bench/data/pii_eval_*.jsonl``) until they reach about 300
characters, English and Chinese. Both engines use the same spaCy model (the medium English one); ours runs with
every entity type (the ``mask: all`` of the admin and compliance roles). Calls alternate between the engines query
by query, so load on a shared machine falls on both alike; medians are printed, and the ratio last.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tldextract.tldextract  # noqa: E402
from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

from gateway.pii.detector import DEFAULT_SPACY_MODEL, PiiDetector  # noqa: E402
from gateway.pii.recognizers.identifiers import OFFLINE_TLD_EXTRACT  # noqa: E402

SPACY_MODEL = DEFAULT_SPACY_MODEL


def queries(name: str, target: int = 300) -> list[str]:
    path = ROOT / "bench" / "data" / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [row["text"] for row in rows if row.get("split") == "test"]
    out, current = [], ""
    for sentence in sentences:
        current = f"{current} {sentence}".strip()
        if len(current) >= target - 40:
            out.append(current[: target + 40])
            current = ""
    return out


def interleaved(runs: list[Callable[[str], object]], texts: list[str], rounds: int = 3) -> list[list[float]]:
    """Milliseconds of each run on each text, the runs alternating text by text."""
    for run in runs:
        for text in texts[:20]:
            run(text)
    samples: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for text in texts:
            for i, run in enumerate(runs):
                start = time.perf_counter()
                run(text)
                samples[i].append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return sorted(samples)[int(0.95 * (len(samples) - 1))]


def main() -> None:
    tldextract.tldextract.TLD_EXTRACTOR = OFFLINE_TLD_EXTRACT
    detector = PiiDetector.create()
    engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
    ).create_engine()
    stock = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    english, mixed = queries("pii_eval_en.jsonl"), queries("pii_eval_zh.jsonl")
    print(
        f"{len(english)} English queries, mean {statistics.mean(map(len, english)):.0f} chars; "
        f"{len(mixed)} Chinese queries, mean {statistics.mean(map(len, mixed)):.0f} chars"
    )
    print(f"{'engine':34} {'median ms':>10} {'p95 ms':>8}")
    results = {}
    for language, texts, ours_label in (("English", english, "ours, English"), ("Chinese", mixed, "ours, Chinese")):
        stock_times, our_times = interleaved([lambda t: stock.analyze(t, language="en"), detector.detect], texts)
        for label, samples in ((f"stock Presidio, {language}", stock_times), (ours_label, our_times)):
            results[label] = statistics.median(samples)
            print(f"{label:34} {results[label]:10.2f} {p95(samples):8.2f}")
    start = time.perf_counter()
    list(detector.detect_batch(english * 3))
    batch_ms = (time.perf_counter() - start) * 1000 / (len(english) * 3)
    print(f"{'ours, English, detect_batch':34} {batch_ms:10.2f} {'(mean)':>8}")
    print(f"\nmedian ratio ours/stock, English: {results['ours, English'] / results['stock Presidio, English']:.2f}; "
          f"Chinese: {results['ours, Chinese'] / results['stock Presidio, Chinese']:.2f}")


if __name__ == "__main__":
    main()
