"""Values left verbatim by the training-corpus sanitizer on text nobody here wrote, beside stock Presidio.

Run: ``.venv/bin/python bench/corpus_recall.py [--split test] [--lang en] [--no-stock] [-v]``. Not a test; it
asserts nothing. ``-v`` prints each value left verbatim (type, value, some context) on the dev split only: values of
the held-out test split are never printed.

Chat corpora are built from the independent evaluation sets (``bench/data/pii_eval_{en,zh}.jsonl``, the held-out
test split by default): each labelled record becomes one training example in OpenAI chat JSONL, ShareGPT or Alpaca
form (the record as the user's turn, a fixed reply as the assistant's), rotating through the three formats. Ours is
``mask_corpus`` (``gateway corpus mask``) in tags mode, in-process, residual scan on; stock is Presidio's
``BatchAnalyzerEngine`` + ``BatchAnonymizerEngine`` with its default recognizers and the same spaCy model, run on the
same user turns. A labelled value counts as left verbatim when its exact text is still in its output record (only
values of four characters or more, so that a masked record cannot contain a short value by chance). The last line
prints the ratio of values left verbatim, ours/stock.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pii_eval.score import load  # noqa: E402

REPLY = "Thank you, I have noted that."


def as_record(i: int, text: str) -> dict:
    kind = i % 3
    if kind == 0:
        return {"messages": [{"role": "user", "content": text}, {"role": "assistant", "content": REPLY}]}
    if kind == 1:
        return {"conversations": [{"from": "human", "value": text}, {"from": "gpt", "value": REPLY}]}
    return {"instruction": "Summarise the note.", "input": text, "output": REPLY}


def left_values(texts: list[str], outputs: list[str], gold: list[tuple[tuple[str, int, int], ...]]) -> list[str]:
    """One line per value left verbatim: its type, the value and its context in the input text."""
    lines = []
    for text, out, spans in zip(texts, outputs, gold, strict=True):
        for entity, a, b in spans:
            value = text[a:b]
            if len(value) >= 4 and value in out:
                context = (text[max(0, a - 60):a] + "[[" + value + "]]" + text[b:b + 40]).replace("\n", " ")
                lines.append(f"   {entity:<16} {value!r:<32} {context}")
    return lines


def verbatim(outputs: list[str], values: list[list[str]]) -> tuple[int, int]:
    left = total = 0
    for out, vals in zip(outputs, values, strict=True):
        for value in vals:
            if len(value) >= 4:
                total += 1
                left += value in out
    return left, total


def run_ours(records: list[dict], fmt: str, work: Path) -> list[str]:
    from gateway.corpus.sanitizer import MaskOptions, mask_corpus
    from gateway.settings import load_settings

    settings = load_settings(data_dir=work / "data")
    source, target = work / f"in-{fmt}.jsonl", work / f"out-{fmt}.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    mask_corpus(source, target, settings.pii_engine, MaskOptions(fmt=fmt, workers=0, progress=False))  # type: ignore[arg-type]
    return target.read_text(encoding="utf-8").splitlines()


def run_stock(texts: list[str]) -> list[str]:
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.batch_analyzer_engine import BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import BatchAnonymizerEngine

    from gateway.pii.detector import DEFAULT_SPACY_MODEL
    from gateway.pii.recognizers.identifiers import OFFLINE_TLD_EXTRACT

    tldextract.tldextract.TLD_EXTRACTOR = OFFLINE_TLD_EXTRACT
    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": DEFAULT_SPACY_MODEL}]}).create_engine()
    analyzer = BatchAnalyzerEngine(AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"]))
    results = analyzer.analyze_iterator(texts, language="en", batch_size=64)
    return [str(t) for t in BatchAnonymizerEngine().anonymize_list(texts, results)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--lang", default="en,zh", help="comma-separated: en, zh")
    parser.add_argument("--no-stock", action="store_true", help="skip stock Presidio")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print the values left verbatim (dev split only; never on the held-out test split)")
    args = parser.parse_args()
    if args.verbose and args.split != "dev":
        parser.error("-v prints values left verbatim: dev split only, the test split's values are never printed")
    work = Path(tempfile.mkdtemp(prefix="corpus-recall-"))
    lines = []
    ratios = []
    shown: list[str] = []
    for lang in args.lang.split(","):
        samples = [s for s in load(f"pii_eval_{lang}.jsonl", args.split) if s.gold]
        values = [[s.text[a:b] for _, a, b in s.gold] for s in samples]
        by_format: dict[str, list[int]] = {"openai": [], "sharegpt": [], "alpaca": []}
        for i in range(len(samples)):
            by_format[("openai", "sharegpt", "alpaca")[i % 3]].append(i)
        started = time.perf_counter()
        ours_out: dict[int, str] = {}
        for fmt, indices in by_format.items():
            records = [as_record(i, samples[i].text) for i in indices]
            for i, line in zip(indices, run_ours(records, fmt, work), strict=True):
                ours_out[i] = line
        ours_seconds = time.perf_counter() - started
        ours_left, total = verbatim([ours_out[i] for i in range(len(samples))], values)
        if args.verbose and args.split == "dev":
            outs = [ours_out[i] for i in range(len(samples))]
            shown += [f"{lang}:", *left_values([s.text for s in samples], outs, [s.gold for s in samples])]
        line = (f"{lang}: {len(samples)} records, {total} labelled values; left verbatim: ours {ours_left} "
                f"({ours_left / total:.1%}, {ours_seconds:.0f} s)")
        if not args.no_stock:
            started = time.perf_counter()
            stock_left, _ = verbatim(run_stock([s.text for s in samples]), values)
            stock_seconds = time.perf_counter() - started
            line += f", stock {stock_left} ({stock_left / total:.1%}, {stock_seconds:.0f} s)"
            ratios.append(f"{lang} {ours_left / max(stock_left, 1):.3f}")
        lines.append(line)
    print(f"independent evaluation set, {args.split} split, as chat corpora (OpenAI, ShareGPT, Alpaca):")
    if shown:
        print("values left verbatim (dev split):")
        print("\n".join(shown))
    print("\n".join(lines))
    if ratios:
        print("ratio of values left verbatim, ours/stock: " + ", ".join(ratios))


if __name__ == "__main__":
    main()
