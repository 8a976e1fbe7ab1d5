#!/usr/bin/env python3
"""Generate the second PII development set (``dev2``) for English and Chinese.

How to run (from the repository root)::

    python3 -m venv /tmp/pii-gen2-venv
    /tmp/pii-gen2-venv/bin/pip install faker==40.54.0
    /tmp/pii-gen2-venv/bin/python bench/pii_eval2/generate.py          # (re)write the data
    /tmp/pii-gen2-venv/bin/python bench/pii_eval2/generate.py --check  # exit 1 if stale

Outputs ``bench/data/pii_dev2_en.jsonl`` and ``bench/data/pii_dev2_zh.jsonl``
and prints per-type counts.  Generation is deterministic: every record uses
its own ``random.Random`` seeded from ``SEED``, the language and the record
index, and faker instances are re-seeded from that generator, so rerunning
rewrites the files byte-identically.  Output depends on the faker version,
which is pinned to 40.54.0 (MIT licence); a different version is refused.

Only the standard library and faker are used.  The templates and word lists
in this folder were written for this set; no public PII benchmark data or
templates were used, and no detector is run here.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import faker  # noqa: E402

from common import ENTITY_TYPES, Fakers, validate  # noqa: E402
import templates_en  # noqa: E402
import templates_zh  # noqa: E402

FAKER_VERSION = "40.54.0"
SEED = 20240917
SPLIT = "dev2"
LEFTOVER = re.compile(r"\{[A-Z_]+:[a-z_]+\}")
DATA_DIR = os.path.normpath(os.path.join(HERE, "..", "data"))
PLAN = {
    # lang: (module, number of records, every k-th record is a negative)
    "en": (templates_en, 1000, 8),
    "zh": (templates_zh, 520, 8),
}


def build(lang: str):
    mod, n, neg_every = PLAN[lang]
    fk = Fakers()
    pos = [(tid, fn, w) for tid, fn, w in mod.POSITIVE]
    neg = [(tid, fn, w) for tid, fn, w in mod.NEGATIVE]
    # Balanced schedule: each template appears in proportion to its weight,
    # in an order shuffled once with a fixed seed.
    def schedule(pool, count, tag):
        bag = [(t, f) for t, f, w in pool for _ in range(w)]
        order = []
        srng = random.Random(f"{SEED}|{lang}|schedule|{tag}")
        while len(order) < count:
            chunk = list(bag)
            srng.shuffle(chunk)
            order.extend(chunk)
        return order[:count]

    n_neg = sum(1 for i in range(n) if i % neg_every == 3)
    neg_order = iter(schedule(neg, n_neg, "neg"))
    pos_order = iter(schedule(pos, n - n_neg, "pos"))
    records = []
    for i in range(n):
        rng = random.Random(f"{SEED}|{lang}|{i}")
        fk.reseed(rng.getrandbits(32))
        negative = i % neg_every == 3
        templates_en.V.set_currency("GB" if negative else None)
        tid, fn = next(neg_order) if negative else next(pos_order)
        doc, locale = fn(rng, fk)
        text = doc.text
        spans = doc.spans
        validate(text, spans)
        if negative:
            assert not spans, (tid, spans)
        else:
            assert spans, tid
        assert not LEFTOVER.search(text), (tid, text[:200])
        records.append({
            "id": f"{SPLIT}-{lang}-{i:05d}",
            "lang": lang,
            "split": SPLIT,
            "template": tid,
            "locale": locale,
            "text": text,
            "spans": spans,
        })
    return records


def serialise(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def counts_table(all_records) -> str:
    per = {lang: collections.Counter() for lang in all_records}
    for lang, recs in all_records.items():
        for r in recs:
            for s in r["spans"]:
                per[lang][s["entity_type"]] += 1
    langs = list(all_records)
    lines = ["| entity_type | " + " | ".join(langs) + " |", "|---|" + "---:|" * len(langs)]
    for t in ENTITY_TYPES:
        lines.append(f"| {t} | " + " | ".join(str(per[l][t]) for l in langs) + " |")
    lines.append("| **total values** | " + " | ".join(str(sum(per[l].values())) for l in langs) + " |")
    lines.append("| records | " + " | ".join(str(len(all_records[l])) for l in langs) + " |")
    lines.append("| records without spans (near-miss negatives) | " +
                 " | ".join(str(sum(1 for r in all_records[l] if not r["spans"])) for l in langs) + " |")
    lines.append("| templates | " + " | ".join(str(len({r['template'] for r in all_records[l]})) for l in langs) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the data files are stale")
    ap.add_argument("--out-dir", default=DATA_DIR)
    args = ap.parse_args(argv)
    if faker.VERSION != FAKER_VERSION:
        print(f"faker {FAKER_VERSION} required, found {faker.VERSION}", file=sys.stderr)
        return 2
    all_records = {lang: build(lang) for lang in PLAN}
    stale = []
    for lang, recs in all_records.items():
        path = os.path.join(args.out_dir, f"pii_{SPLIT}_{lang}.jsonl")
        data = serialise(recs)
        if args.check:
            try:
                with open(path, "rb") as fh:
                    if fh.read() != data:
                        stale.append(path)
            except FileNotFoundError:
                stale.append(path)
        else:
            os.makedirs(args.out_dir, exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
    print(counts_table(all_records))
    if args.check:
        if stale:
            print("STALE: " + ", ".join(stale), file=sys.stderr)
            return 1
        print("up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
