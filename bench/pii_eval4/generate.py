"""Generate the fourth independent labelled PII set (``pii_eval4``: English + Chinese, dev and test splits).

Run from the repository root::

    python3 -m venv /tmp/pii-gen-venv
    /tmp/pii-gen-venv/bin/pip install faker==40.54.0
    /tmp/pii-gen-venv/bin/python bench/pii_eval4/generate.py            # rewrite both files, print counts
    /tmp/pii-gen-venv/bin/python bench/pii_eval4/generate.py --check    # exit 1 if the files are stale

Standard library + faker (pinned to 40.54.0: its word lists and random streams change between releases). Each record
has its own seed ``SEED|lang|template|instance``; faker instances are re-seeded from it for every value, so the
output is byte-identical on every run and under any PYTHONHASHSEED. Written without reference to the gateway's
detector; see README.md.
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
from common import Ctx, render, wchoice  # noqa: E402

FAKER_VERSION = "40.54.0"
SEED = "pii-eval4-2026"
DATA_DIR = os.path.join(os.path.dirname(os.path.dirname(HERE)), "bench", "data")

EN_TYPES = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
            "US_DRIVER_LICENSE", "PASSPORT_NUMBER", "POSTCODE", "STREET_ADDRESS", "LOCATION", "URL",
            "ACCOUNT_NUMBER", "MEDICAL_RECORD_NUMBER", "DATE_OF_BIRTH", "NATIONAL_ID", "ORGANIZATION", "JOB_TITLE",
            "AGE", "DATE", "NRP"]
EN_OPTIONAL = ["DRIVER_LICENSE"]  # non-US licences: present, not required in both splits
ZH_TYPES = ["PERSON", "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "CN_BANK_CARD", "PHONE_NUMBER", "EMAIL_ADDRESS",
            "PASSPORT_NUMBER", "STREET_ADDRESS", "POSTCODE", "LOCATION", "ORGANIZATION", "JOB_TITLE", "AGE", "DATE",
            "DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER", "ACCOUNT_NUMBER", "NRP", "IP_ADDRESS", "URL"]

LANGS = {
    "en": {"templates": templates_en.TEMPLATES, "gens": values_en.GENS, "persona": values_en.make_persona,
           "types": EN_TYPES, "optional": EN_OPTIONAL, "n": 12},
    "zh": {"templates": templates_zh.TEMPLATES, "gens": values_zh.GENS, "persona": values_zh.make_persona,
           "types": ZH_TYPES, "optional": [], "n": 9},
}
EN_LOCALE_POOL = [(loc, w) for loc, _, w in values_en.LOCALES]


def ocr_noise(rng: random.Random):
    """Scanned-form noise on literal text only: doubled spaces, a space before colons, stray dots."""
    def fn(piece: str, is_value: bool) -> str:
        if is_value:
            return piece
        out = []
        for ch in piece:
            if ch == " " and rng.random() < 0.3:
                out.append("  ")
            elif ch == ":" and rng.random() < 0.3:
                out.append(" :")
            elif ch == "\n" and rng.random() < 0.15:
                out.append(" .\n")
            else:
                out.append(ch)
        return "".join(out)
    return fn


def make_transform(opts: dict, rng: random.Random):
    if opts.get("case") == "lower":
        return lambda piece, is_value: piece.lower()
    if opts.get("case") == "upper":
        return lambda piece, is_value: piece.upper()
    if opts.get("ocr"):
        return ocr_noise(rng)
    return None


def generate_lang(lang: str) -> list[dict]:
    cfg = LANGS[lang]
    records = []
    seen = set()
    for tid, split, family, text, opts in cfg["templates"]:
        assert tid not in seen, tid
        seen.add(tid)
        assert split in ("dev", "test")
        n = opts.get("n", cfg["n"])
        for i in range(n):
            seed = f"{SEED}|{lang}|{tid}|{i}"
            rng = random.Random(seed + "|locale")
            if lang == "zh":
                locale = "zh_CN"
            elif opts.get("locales"):
                locale = rng.choice(opts["locales"])
            else:
                locale = wchoice(rng, EN_LOCALE_POOL)
            ctx = Ctx(lang, split, locale, seed, cfg["persona"])
            full, spans = render(text, ctx, cfg["gens"], make_transform(opts, random.Random(seed + "|noise")))
            if family == "negative":
                assert not spans, (tid, spans)
            for s in spans:
                assert s["entity_type"] in cfg["types"] + cfg["optional"], (tid, s)
                assert full.lower().count(s["value"].lower()) >= 1
            records.append({"lang": lang, "split": split, "template": tid, "locale": ctx.persona(1).locale
                            if lang == "en" else "zh_CN", "text": full, "spans": spans})
    random.Random(f"{SEED}|{lang}|order").shuffle(records)
    for i, r in enumerate(records, 1):
        r["id"] = f"{lang}4-{i:05d}"
    return records


def dump(records: list[dict]) -> str:
    keys = ["id", "lang", "split", "template", "locale", "text", "spans"]
    return "\n".join(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) for r in records) + "\n"


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
    if records[0]["lang"] == "en":
        for sp in ("dev", "test"):
            locs = sorted({r["locale"] for r in records if r["split"] == sp})
            out.append(f"\n{sp} name locales ({len(locs)}): {', '.join(locs)}")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--counts-only", action="store_true")
    args = ap.parse_args()
    if faker.VERSION != FAKER_VERSION:
        print(f"faker=={FAKER_VERSION} is required (found {faker.VERSION})", file=sys.stderr)
        return 2
    outputs = {}
    for lang, cfg in LANGS.items():
        records = generate_lang(lang)
        for sp in ("dev", "test"):
            present = {s["entity_type"] for r in records if r["split"] == sp for s in r["spans"]}
            missing = [t for t in cfg["types"] if t not in present]
            assert not missing, f"{lang}/{sp} lacks {missing}"
        tids = {sp: {r["template"] for r in records if r["split"] == sp} for sp in ("dev", "test")}
        assert not tids["dev"] & tids["test"]
        nvals = sum(len(r["spans"]) for r in records)
        assert nvals >= (2000 if lang == "en" else 1000), (lang, nvals)
        outputs[f"pii_eval4_{lang}.jsonl"] = dump(records)
        print(count_table(records, cfg["types"] + cfg["optional"], f"{lang} (`bench/data/pii_eval4_{lang}.jsonl`)"))
    if args.counts_only:
        return 0
    if args.check:
        stale = [fn for fn, content in outputs.items() if not os.path.exists(os.path.join(DATA_DIR, fn))
                 or open(os.path.join(DATA_DIR, fn), encoding="utf-8").read() != content]
        if stale:
            print(f"out of date: {stale}", file=sys.stderr)
            return 1
        print("data files are up to date")
        return 0
    for fn, content in outputs.items():
        with open(os.path.join(DATA_DIR, fn), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        print(f"wrote bench/data/{fn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
