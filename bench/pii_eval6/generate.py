"""Generate bench/data/pii_eval6_{en,zh}.jsonl.

    python bench/pii_eval6/generate.py           # write the files, print counts
    python bench/pii_eval6/generate.py --check   # exit 1 if the files on disk are stale
    python bench/pii_eval6/generate.py --counts  # print the markdown count tables only
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import templates_en  # noqa: E402
import templates_zh  # noqa: E402
import values as V  # noqa: E402

DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
OUT = {"en": os.path.join(DATA, "pii_eval6_en.jsonl"), "zh": os.path.join(DATA, "pii_eval6_zh.jsonl")}

_EN_WEIGHTED = [loc for loc in V.LOCALES for _ in range(2 if loc.startswith("en_") else 1)]


def flatten(x):
    for p in x:
        if isinstance(p, list):
            yield from flatten(p)
        else:
            yield p


def build_en():
    recs = []
    for name, split, count, lower, fn in templates_en.TEMPLATES:
        for i in range(count):
            key = f"{common.SEED_PREFIX}|en|{name}|{i}"
            r = common.rng_for(key + "|meta")
            loc = r.choice(_EN_WEIGHTED)
            case = "lower" if r.random() < lower else None
            ctx = templates_en.Ctx(key, loc)
            text, spans = common.assemble(list(flatten(fn(ctx))), case)
            rec = {"id": f"eval6-en-{name}-{i:03d}", "lang": "en", "split": split, "template": name,
                   "locale": ctx.loc, "text": text, "spans": spans}
            common.validate(rec, common.EN_TYPES)
            recs.append(rec)
    return recs


def build_zh():
    recs = []
    for name, split, count, fn in templates_zh.TEMPLATES:
        for i in range(count):
            key = f"{common.SEED_PREFIX}|zh|{name}|{i}"
            ctx = templates_zh.ZCtx(key)
            text, spans = common.assemble(list(flatten(fn(ctx))))
            rec = {"id": f"eval6-zh-{name}-{i:03d}", "lang": "zh", "split": split, "template": name,
                   "locale": "zh_CN", "text": text, "spans": spans}
            common.validate(rec, common.ZH_TYPES)
            recs.append(rec)
    return recs


def dump(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def counts_md(lang, recs):
    c = collections.Counter()
    nrec = collections.Counter(r["split"] for r in recs)
    empty = sum(1 for r in recs if not r["spans"])
    for r in recs:
        for s in r["spans"]:
            c[(s["entity_type"], r["split"])] += 1
    types = sorted({t for t, _ in c})
    tot = {sp: sum(v for (t, s), v in c.items() if s == sp) for sp in ("dev", "test")}
    locs = sorted({r["locale"] for r in recs})
    lines = [f"### {lang}: {len(recs)} records ({nrec['dev']} dev / {nrec['test']} test), "
             f"{tot['dev'] + tot['test']} labelled values, {empty} records without PII, {len(locs)} locales", "",
             "| type | dev | test | total |", "|---|---:|---:|---:|"]
    for t in types:
        lines.append(f"| {t} | {c[(t, 'dev')]} | {c[(t, 'test')]} | {c[(t, 'dev')] + c[(t, 'test')]} |")
    lines.append(f"| **all** | {tot['dev']} | {tot['test']} | {tot['dev'] + tot['test']} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--counts", action="store_true")
    a = ap.parse_args()
    built = {"en": build_en(), "zh": build_zh()}
    if a.check:
        stale = []
        for lang, recs in built.items():
            try:
                with open(OUT[lang], encoding="utf-8") as fh:
                    on_disk = fh.read()
            except FileNotFoundError:
                on_disk = None
            if on_disk != dump(recs):
                stale.append(OUT[lang])
        if stale:
            print("stale: " + ", ".join(stale))
            sys.exit(1)
        print("pii_eval6 data is up to date")
        return
    if not a.counts:
        os.makedirs(DATA, exist_ok=True)
        for lang, recs in built.items():
            with open(OUT[lang], "w", encoding="utf-8") as fh:
                fh.write(dump(recs))
    for lang, recs in built.items():
        print(counts_md(lang, recs))
        print()


if __name__ == "__main__":
    main()
