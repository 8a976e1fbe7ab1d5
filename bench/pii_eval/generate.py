"""Generate the independent labelled PII evaluation set (English + Chinese).

Run from the repository root::

    python3 -m venv /tmp/pii-gen-venv
    /tmp/pii-gen-venv/bin/pip install faker==40.54.0
    /tmp/pii-gen-venv/bin/python bench/pii_eval/generate.py

It needs only the standard library and ``faker`` -- pinned to exactly 40.54.0, because
faker's word lists and random streams change between releases and the output must be
byte-identical on every run (the generator refuses to run under another version).

Outputs (JSON Lines, UTF-8, one record per line), all rewritten on every run:

* bench/data/pii_eval_en.jsonl          -- English, dev + test splits
* bench/data/pii_eval_zh.jsonl          -- Chinese, dev + test splits
* bench/data/pii_eval_sample_en.jsonl   -- fixed stratified sample of the English TEST split
* bench/data/pii_eval_sample_zh.jsonl   -- fixed stratified sample of the Chinese TEST split

Record schema::

    {"id": "en-00001", "lang": "en"|"zh", "split": "dev"|"test", "template": "<template id>",
     "locale": "<faker locale>", "text": "...",
     "spans": [{"entity_type": "...", "start": int, "end": int, "value": "..."}]}

``text[start:end] == value`` is asserted for every span.  The split of a record is the split of
its template; dev and test templates are disjoint families (see README.md).  The set was
written without reference to the project's detector, its rules or its test fixtures.

Options: ``--counts-only`` prints the count tables without writing files;
``--check`` regenerates in memory and fails if the files on disk differ.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import faker  # noqa: E402
import templates_en  # noqa: E402
import templates_zh  # noqa: E402
import values_en  # noqa: E402
import values_zh  # noqa: E402
from common import Ctx, luhn_valid, render, wchoice  # noqa: E402

FAKER_VERSION = "40.54.0"
SEED = "pii-eval-2025-v1"
REPO = os.path.dirname(os.path.dirname(HERE))
DATA_DIR = os.path.join(REPO, "bench", "data")

EN_TYPES = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
            "US_DRIVER_LICENSE", "PASSPORT_NUMBER", "POSTCODE", "STREET_ADDRESS", "LOCATION", "URL",
            "ACCOUNT_NUMBER", "MEDICAL_RECORD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID", "ORGANIZATION", "JOB_TITLE",
            "AGE", "DATE", "NRP"]
ZH_TYPES = ["PERSON", "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "CN_BANK_CARD", "PHONE_NUMBER", "EMAIL_ADDRESS",
            "PASSPORT_NUMBER", "STREET_ADDRESS", "POSTCODE", "LOCATION", "ORGANIZATION", "JOB_TITLE", "AGE", "DATE",
            "DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER", "ACCOUNT_NUMBER", "NRP", "IP_ADDRESS", "URL"]

LANGS = {
    "en": {"templates": templates_en.TEMPLATES, "gens": values_en.GENS, "persona": values_en.make_persona,
           "types": EN_TYPES, "n": 12, "n_neg": 8, "sample_values": 400},
    "zh": {"templates": templates_zh.TEMPLATES, "gens": values_zh.GENS, "persona": values_zh.make_persona,
           "types": ZH_TYPES, "n": 9, "n_neg": 6, "sample_values": 400},
}


def pick_locale(lang: str, split: str, opts: dict, rng: random.Random) -> str:
    if lang == "zh":
        return "zh_CN"
    allowed = {loc for loc, _ in values_en.locale_pool(split)}
    if opts.get("locales"):
        bad = [loc for loc in opts["locales"] if loc not in allowed]
        assert not bad, f"locales {bad} not allowed in split {split}"
        return rng.choice(opts["locales"])
    return wchoice(rng, values_en.locale_pool(split))


def generate_lang(lang: str) -> tuple[list[dict], dict]:
    cfg = LANGS[lang]
    values_zh.reset()
    records = []
    stats: dict = collections.defaultdict(list)
    seen_ids = set()
    for tid, split, family, text, opts in cfg["templates"]:
        assert tid not in seen_ids, tid
        seen_ids.add(tid)
        assert split in ("dev", "test")
        base = cfg["n_neg"] if family == "negative" else cfg["n"]
        n = max(1, round(base * opts.get("n_scale", 1.0)))
        for i in range(n):
            seed = f"{SEED}|{lang}|{tid}|{i}"
            rng = random.Random(seed + "|locale")
            locale = pick_locale(lang, split, opts, rng)
            ctx = Ctx(lang, split, locale, seed, cfg["persona"])
            full, spans = render(text, ctx, cfg["gens"])
            if family == "negative":
                assert not spans, (tid, spans)
            for s in spans:
                assert s["entity_type"] in cfg["types"], (tid, s)
            stats["cn_id_kinds"].extend(ctx.memo.get("cn_id_kinds", []))
            records.append({"lang": lang, "split": split, "template": tid, "locale": locale, "text": full,
                            "spans": spans, "_family": family})
    random.Random(f"{SEED}|{lang}|order").shuffle(records)
    for i, r in enumerate(records, 1):
        r["id"] = f"{lang}-{i:05d}"
    return records, stats


def stratified_sample(records: list[dict], types: list[str], target: int, seed: str) -> list[dict]:
    rng = random.Random(seed)
    test = [r for r in records if r["split"] == "test"]
    pool = test[:]
    rng.shuffle(pool)
    total = collections.Counter(s["entity_type"] for r in test for s in r["spans"])
    grand = sum(total.values())
    quota = {t: min(total[t], max(10, int(target * total[t] / grand * 0.55))) for t in types if total[t]}
    chosen: list[dict] = []
    chosen_ids: set[str] = set()
    have: collections.Counter = collections.Counter()
    for t in sorted(quota, key=lambda t: (total[t], t)):
        for r in pool:
            if have[t] >= quota[t]:
                break
            if r["id"] in chosen_ids or not any(s["entity_type"] == t for s in r["spans"]):
                continue
            chosen.append(r)
            chosen_ids.add(r["id"])
            have.update(s["entity_type"] for s in r["spans"])
    for r in pool:  # top up towards the target with any record
        if sum(have.values()) >= target:
            break
        if r["id"] not in chosen_ids and r["spans"]:
            chosen.append(r)
            chosen_ids.add(r["id"])
            have.update(s["entity_type"] for s in r["spans"])
    negatives = [r for r in pool if not r["spans"] and r["id"] not in chosen_ids][:20]
    chosen.extend(negatives)
    return sorted(chosen, key=lambda r: r["id"])


def dump(records: list[dict]) -> str:
    keys = ["id", "lang", "split", "template", "locale", "text", "spans"]
    lines = [json.dumps({k: r[k] for k in keys}, ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


def count_table(records: list[dict], types: list[str], title: str) -> str:
    c = {sp: collections.Counter(s["entity_type"] for r in records if r["split"] == sp for s in r["spans"])
         for sp in ("dev", "test")}
    nrec = collections.Counter(r["split"] for r in records)
    nneg = collections.Counter(r["split"] for r in records if not r["spans"])
    ntpl = {sp: len({r["template"] for r in records if r["split"] == sp}) for sp in ("dev", "test")}
    out = [f"### {title}", "", "| entity_type | dev | test | total |", "|---|---:|---:|---:|"]
    for t in types:
        if c["dev"][t] or c["test"][t]:
            out.append(f"| {t} | {c['dev'][t]} | {c['test'][t]} | {c['dev'][t] + c['test'][t]} |")
    tv = {sp: sum(c[sp].values()) for sp in c}
    out.append(f"| **all values** | {tv['dev']} | {tv['test']} | {tv['dev'] + tv['test']} |")
    out.append(f"| records | {nrec['dev']} | {nrec['test']} | {nrec['dev'] + nrec['test']} |")
    out.append(f"| records without PII | {nneg['dev']} | {nneg['test']} | {nneg['dev'] + nneg['test']} |")
    out.append(f"| templates | {ntpl['dev']} | {ntpl['test']} | {ntpl['dev'] + ntpl['test']} |")
    return "\n".join(out) + "\n"


def sample_table(sample: list[dict], types: list[str], title: str) -> str:
    c = collections.Counter(s["entity_type"] for r in sample for s in r["spans"])
    out = [f"### {title}", "", "| entity_type | values |", "|---|---:|"]
    out += [f"| {t} | {c[t]} |" for t in types if c[t]]
    out.append(f"| **all values** | {sum(c.values())} |")
    out.append(f"| records | {len(sample)} (of which {sum(1 for r in sample if not r['spans'])} without PII) |")
    return "\n".join(out) + "\n"


def extra_stats(lang: str, records: list[dict], stats: dict) -> str:
    lines = []
    if lang == "en":
        cards = [s["value"] for r in records for s in r["spans"] if s["entity_type"] == "CREDIT_CARD"]
        bad = sum(1 for v in cards if not luhn_valid("".join(ch for ch in v if ch.isdigit())))
        lines.append(f"- CREDIT_CARD values failing the Luhn check (deliberately mistyped): {bad} of {len(cards)}")
        locs = collections.Counter((r["split"], r["locale"]) for r in records)
        for sp in ("dev", "test"):
            ls = sorted({loc for (s, loc) in locs if s == sp})
            lines.append(f"- {sp} locales ({len(ls)}): {', '.join(ls)}")
    else:
        kinds = collections.Counter(stats["cn_id_kinds"])
        tot = sum(kinds.values())
        inval = tot - kinds["valid"]
        pct = 100 * inval / max(tot, 1)
        lines.append(f"- CN_RESIDENT_ID: {tot} values, {inval} deliberately invalid ({pct:.1f}%): "
                     f"wrong check digit {kinds['bad_check']}, impossible region {kinds['bad_region']}, "
                     f"impossible birth date {kinds['bad_date']}")
        cards = [s["value"] for r in records for s in r["spans"] if s["entity_type"] == "CN_BANK_CARD"]
        bad = sum(1 for v in cards if not luhn_valid("".join(ch for ch in v if ch.isdigit())))
        lines.append(f"- CN_BANK_CARD values failing the Luhn check: {bad} of {len(cards)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--counts-only", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if faker.VERSION != FAKER_VERSION:
        print(f"faker=={FAKER_VERSION} is required (found {faker.VERSION})", file=sys.stderr)
        return 2
    outputs: dict[str, str] = {}
    report = []
    for lang, cfg in LANGS.items():
        records, stats = generate_lang(lang)
        for sp in ("dev", "test"):
            present = {s["entity_type"] for r in records if r["split"] == sp for s in r["spans"]}
            missing = [t for t in cfg["types"] if t not in present]
            assert not missing, f"{lang}/{sp} lacks {missing}"
        tids = {sp: {r["template"] for r in records if r["split"] == sp} for sp in ("dev", "test")}
        assert not tids["dev"] & tids["test"]
        nvals = sum(len(r["spans"]) for r in records)
        if lang == "en":
            assert nvals >= 3000 and len(records) >= 1200, (nvals, len(records))
        else:
            assert nvals >= 1500 and len(records) >= 600, (nvals, len(records))
        sample = stratified_sample(records, cfg["types"], cfg["sample_values"], f"{SEED}|{lang}|sample")
        present = {s["entity_type"] for r in sample for s in r["spans"]}
        assert all(t in present for t in cfg["types"]), [t for t in cfg["types"] if t not in present]
        outputs[f"pii_eval_{lang}.jsonl"] = dump(records)
        outputs[f"pii_eval_sample_{lang}.jsonl"] = dump(sample)
        name = "English" if lang == "en" else "Chinese"
        report.append(count_table(records, cfg["types"], f"{name} (`pii_eval_{lang}.jsonl`)"))
        report.append(sample_table(sample, cfg["types"], f"{name} CI sample (`pii_eval_sample_{lang}.jsonl`)"))
        report.append(extra_stats(lang, records, stats))
    print("\n".join(report))
    if args.counts_only:
        return 0
    if args.check:
        diff = []
        for fn, content in outputs.items():
            path = os.path.join(DATA_DIR, fn)
            if not os.path.exists(path):
                diff.append(fn)
                continue
            with open(path, encoding="utf-8") as fh:
                if fh.read() != content:
                    diff.append(fn)
        if diff:
            print(f"out of date: {diff}", file=sys.stderr)
            return 1
        print("data files are up to date")
        return 0
    os.makedirs(DATA_DIR, exist_ok=True)
    for fn, content in outputs.items():
        with open(os.path.join(DATA_DIR, fn), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        print(f"wrote bench/data/{fn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
