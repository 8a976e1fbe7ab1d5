"""Record assembly, seeding and validation for pii_eval5 (stdlib + faker)."""

from __future__ import annotations

import hashlib
import random

import faker

FAKER_VERSION = "40.63.0"

EN_TYPES = {
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "ACCOUNT_NUMBER",
    "MEDICAL_RECORD_NUMBER", "DATE_OF_BIRTH", "STREET_ADDRESS", "POSTCODE", "LOCATION", "IP_ADDRESS", "URL",
    "PASSPORT_NUMBER", "NATIONAL_ID", "US_DRIVER_LICENSE", "DRIVER_LICENSE", "ORGANIZATION", "JOB_TITLE", "AGE",
    "DATE", "NRP",
}
ZH_TYPES = EN_TYPES | {"CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "CN_BANK_CARD"}

_FAKERS: dict[str, faker.Faker] = {}

# faker's it_IT address provider builds its city list from a set, so its order (and hence city()) depends on
# PYTHONHASHSEED; sort it once so the output is reproducible.
import faker.providers.address.it_IT as _it_addr  # noqa: E402

_it_addr.Provider.cities = sorted(_it_addr.Provider.cities)


def seed_int(s: str) -> int:
    return int.from_bytes(hashlib.sha256(s.encode("utf-8")).digest()[:8], "big")


def fk(locale: str, seed: str) -> faker.Faker:
    inst = _FAKERS.get(locale)
    if inst is None:
        inst = _FAKERS[locale] = faker.Faker(locale)
    inst.seed_instance(seed_int(seed))
    return inst


def rng_for(seed: str) -> random.Random:
    return random.Random(seed_int(seed))


def digits(r: random.Random, n: int, first_nonzero: bool = False) -> str:
    s = "".join(str(r.randrange(10)) for _ in range(n))
    if first_nonzero and n:
        s = str(r.randrange(1, 10)) + s[1:]
    return s


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def iban_check(country: str, bban: str) -> str:
    num = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(num) % 97:02d}"


def assemble(pieces, case: str | None = None, sep: str = ""):
    """pieces: str (plain text) or (entity_type, value) tuples. Returns (text, spans)."""
    text_parts: list[str] = []
    spans = []
    pos = 0
    for p in pieces:
        if p is None:
            continue
        if isinstance(p, tuple):
            et, val = p
            if case == "lower":
                val = val.lower()
            elif case == "upper":
                val = val.upper()
            val = val.strip()
            spans.append({"entity_type": et, "start": pos, "end": pos + len(val), "value": val})
            text_parts.append(val)
            pos += len(val)
        else:
            s = str(p)
            if case == "lower":
                s = s.lower()
            elif case == "upper":
                s = s.upper()
            text_parts.append(s)
            pos += len(s)
    return "".join(text_parts), spans


def validate(rec: dict, allowed: set[str]) -> None:
    text = rec["text"]
    last_end = -1
    for sp in rec["spans"]:
        assert sp["entity_type"] in allowed, (rec["id"], sp)
        assert text[sp["start"]:sp["end"]] == sp["value"], (rec["id"], sp)
        assert sp["value"] and sp["value"] == sp["value"].strip(), (rec["id"], sp)
        assert sp["start"] >= last_end, (rec["id"], sp)
        last_end = sp["end"]
