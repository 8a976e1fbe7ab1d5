"""Seeding, assembly, validation and check digits for pii_eval6 (standard library + faker only)."""

from __future__ import annotations

import hashlib
import random

import faker

FAKER_VERSION = "40.63.0"
SEED_PREFIX = "pii-eval6-2026"

# Same fixed type list as pii_eval5 (no new types).
EN_TYPES = frozenset({
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "ACCOUNT_NUMBER",
    "MEDICAL_RECORD_NUMBER", "DATE_OF_BIRTH", "STREET_ADDRESS", "POSTCODE", "LOCATION", "IP_ADDRESS", "URL",
    "PASSPORT_NUMBER", "NATIONAL_ID", "US_DRIVER_LICENSE", "DRIVER_LICENSE", "ORGANIZATION", "JOB_TITLE", "AGE",
    "DATE", "NRP",
})
ZH_TYPES = EN_TYPES | {"CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "CN_BANK_CARD"}

if faker.VERSION != FAKER_VERSION:
    raise SystemExit(f"pii_eval6 needs faker=={FAKER_VERSION}, found {faker.VERSION}")

# Some faker providers keep word lists in sets; make their order independent of PYTHONHASHSEED.
import faker.providers.address.it_IT as _it_address  # noqa: E402

_it_address.Provider.cities = sorted(_it_address.Provider.cities)

_FAKER_CACHE: dict[str, faker.Faker] = {}


def seed_int(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


def rng_for(key: str) -> random.Random:
    return random.Random(seed_int(key))


def fake(locale: str, key: str) -> faker.Faker:
    f = _FAKER_CACHE.get(locale)
    if f is None:
        f = _FAKER_CACHE[locale] = faker.Faker(locale)
    f.seed_instance(seed_int(key + "|" + locale))
    return f


def ndigits(r: random.Random, n: int, lead_nonzero: bool = True) -> str:
    out = [str(r.randrange(10)) for _ in range(n)]
    if lead_nonzero and n:
        out[0] = str(r.randrange(1, 10))
    return "".join(out)


def luhn_check(body: str) -> str:
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def iban_digits(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    return f"{98 - num % 97:02d}"


CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_ID_CHECK = "10X98765432"


def cn_id_check(body17: str) -> str:
    return CN_ID_CHECK[sum(int(c) * w for c, w in zip(body17, CN_ID_WEIGHTS)) % 11]


class E(tuple):
    """A labelled piece: E("PERSON", "Ann Lee")."""

    def __new__(cls, et: str, value: str):
        return super().__new__(cls, (et, value))


def assemble(pieces, case: str | None = None):
    """pieces: plain strings, (entity_type, value) tuples, or None. Returns (text, spans)."""
    parts: list[str] = []
    spans = []
    pos = 0

    def fix(s: str) -> str:
        if case == "lower":
            return s.lower()
        if case == "upper":
            return s.upper()
        return s

    for p in pieces:
        if p is None:
            continue
        if isinstance(p, tuple):
            et, val = p
            val = fix(val)
            core = val.strip()
            lead = val[: len(val) - len(val.lstrip())]
            trail = val[len(val.rstrip()):]
            if lead:
                parts.append(lead)
                pos += len(lead)
            if core:
                spans.append({"entity_type": et, "start": pos, "end": pos + len(core), "value": core})
                parts.append(core)
                pos += len(core)
            if trail:
                parts.append(trail)
                pos += len(trail)
        else:
            s = fix(str(p))
            parts.append(s)
            pos += len(s)
    return "".join(parts), spans


def validate(rec: dict, allowed) -> None:
    text = rec["text"]
    prev_end = -1
    for sp in rec["spans"]:
        assert sp["entity_type"] in allowed, (rec["id"], sp)
        assert text[sp["start"]:sp["end"]] == sp["value"], (rec["id"], sp)
        v = sp["value"]
        assert v and v == v.strip(), (rec["id"], sp)
        assert sp["start"] >= prev_end, (rec["id"], sp)
        prev_end = sp["end"]
