"""Generate bench/data/pii_eval5_{en,zh}.jsonl. Usage: generate.py [--check] [--counts]"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import faker  # noqa: E402

from common import EN_TYPES, FAKER_VERSION, ZH_TYPES, assemble, rng_for, validate  # noqa: E402

if faker.VERSION != FAKER_VERSION:
    sys.exit(f"pii_eval5 needs faker=={FAKER_VERSION}, found {faker.VERSION}")

import templates_en  # noqa: E402
import templates_zh  # noqa: E402
from values import NAME_LOCALES, Gen  # noqa: E402

DATA = HERE.parent / "data"
SEED = "pii-eval5-2026"


def build(lang: str) -> list[dict]:
    tpls = templates_en.TEMPLATES if lang == "en" else templates_zh.TEMPLATES
    allowed = EN_TYPES if lang == "en" else ZH_TYPES
    recs = []
    for name, split, fn, count in tpls:
        for i in range(count):
            seed = f"{SEED}|{lang}|{name}|{i}"
            r = rng_for(seed)
            locale = NAME_LOCALES[(i + sum(map(ord, name))) % len(NAME_LOCALES)] if lang == "en" else "zh_CN"
            g = Gen(r, seed, locale)
            pieces, case = fn(g)
            text, spans = assemble(pieces, case)
            recs.append({"lang": lang, "split": split, "template": name, "locale": locale, "text": text, "spans": spans,
                         "_order": rng_for(seed + "|order").random()})
    recs.sort(key=lambda x: x["_order"])
    out = []
    for k, rec in enumerate(recs, 1):
        rec.pop("_order")
        rec = {"id": f"{lang}5-{k:05d}", **rec}
        validate(rec, allowed)
        out.append(rec)
    return out


def dump(recs) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def counts(lang, recs):
    c = Counter()
    for r in recs:
        for s in r["spans"]:
            c[(s["entity_type"], r["split"])] += 1
    types = sorted({t for t, _ in c})
    lines = [f"### {lang}: {len(recs)} records ({sum(r['split'] == 'dev' for r in recs)} dev / "
             f"{sum(r['split'] == 'test' for r in recs)} test), {sum(c.values())} labelled values, "
             f"{sum(not r['spans'] for r in recs)} records without PII, "
             f"{len({r['locale'] for r in recs})} locales", "", "| type | dev | test | total |", "|---|---:|---:|---:|"]
    for t in types:
        lines.append(f"| {t} | {c[(t, 'dev')]} | {c[(t, 'test')]} | {c[(t, 'dev')] + c[(t, 'test')]} |")
    lines.append(f"| **all** | {sum(v for (t, s), v in c.items() if s == 'dev')} | {sum(v for (t, s), v in c.items() if s == 'test')} | {sum(c.values())} |")
    return "\n".join(lines)


def main() -> int:
    check = "--check" in sys.argv
    stale = False
    for lang in ("en", "zh"):
        recs = build(lang)
        body = dump(recs)
        path = DATA / f"pii_eval5_{lang}.jsonl"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != body:
                print(f"STALE: {path}")
                stale = True
        else:
            path.write_text(body, encoding="utf-8")
        if "--counts" in sys.argv or not check:
            print(counts(lang, recs) + "\n")
    if check:
        print("stale" if stale else "up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
