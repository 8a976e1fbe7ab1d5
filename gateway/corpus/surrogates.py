"""Realistic, format-preserving surrogates, chosen deterministically from the keyed digest of the original value.

The same value (after the masker's normalisation) always gets the same surrogate within a deployment, so a person
stays one person across a corpus. Surrogates are drawn from fixed fake lists and reserved ranges (``example.invalid``
mail, ``10.0.0.0/8`` and ``2001:db8::/32`` addresses); generated numbers carry valid check digits so a model trained
on them still learns what a card or a resident ID looks like.
"""

from __future__ import annotations

import datetime as dt
import random
import string

import regex

from gateway.pii import entities
from gateway.pii.recognizers.checksums import IBAN_LENGTHS, gb11643_check_char, luhn_check_digit

FIRST_NAMES = (
    "Avery", "Blake", "Carmen", "Dorian", "Elena", "Felix", "Greta", "Hugo", "Ingrid", "Jonas", "Kira", "Lionel",
    "Marta", "Nolan", "Olive", "Pavel", "Quinn", "Rosa", "Silas", "Tessa", "Umar", "Vera", "Wendell", "Yara",
)  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Brightwater", "Castellan", "Dunmore", "Ellery", "Fairbrook", "Galloway", "Hollister", "Ironside",
    "Jarrow", "Kettering", "Lindqvist", "Marlowe", "Northcott", "Oakhurst", "Pemberton", "Quennell", "Ravensworth",
    "Stanhope", "Thornbury", "Underhill", "Vantongeren", "Whitlock", "Yardley",
)  # fmt: skip
CN_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
CN_GIVEN = ("子涵", "欣怡", "梓轩", "浩然", "雨桐", "思远", "嘉怡", "俊杰", "一鸣", "若曦", "明轩", "婉清")
CITIES = ("Northbridge", "Eastmere", "Westfield", "Southport", "Lakeview", "Millbrook", "Riverton", "Fairhaven")
STREETS = ("Maple", "Cedar", "Willow", "Juniper", "Harbor", "Orchard", "Linden", "Aspen")
STREET_KINDS = ("Street", "Avenue", "Road", "Lane", "Drive", "Court")
CN_ADDRESSES = ("江南省临川市东湖区梧桐路{n}号", "河西省青石市南山区柳荫街{n}号", "海东省云港市北塘区杏花道{n}号")
CN_REGIONS = ("110101", "310104", "440305", "330106", "510107", "320102", "420106", "610113")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
_TITLE = regex.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)", regex.IGNORECASE)
_CJK = regex.compile(r"\p{Han}")
_MONTH = regex.compile("|".join(m[:3] + r"[a-z]*\.?" for m in MONTHS), regex.IGNORECASE)


def _reshape(template: str, digits: str) -> str:
    """``digits`` laid out where ``template`` has digits; every other character kept."""
    it = iter(digits)
    return "".join(next(it) if ch.isdigit() else ch for ch in template)


def _shuffle_alnum(rng: random.Random, value: str) -> str:
    return "".join(
        rng.choice(string.digits) if ch.isdigit()
        else rng.choice(string.ascii_uppercase) if ch.isupper()
        else rng.choice(string.ascii_lowercase) if ch.isascii() and ch.isalpha()
        else ch
        for ch in value
    )  # fmt: skip


def _person(rng: random.Random, value: str) -> str:
    if _CJK.search(value):
        return rng.choice(CN_SURNAMES) + rng.choice(CN_GIVEN)[: max(1, len(value) - 1)]
    title = _TITLE.match(value)
    prefix = title.group() if title else ""
    words = value[len(prefix) :].split()
    last = rng.choice(LAST_NAMES)
    return prefix + (last if len(words) <= 1 else f"{rng.choice(FIRST_NAMES)} {last}")


def _card(rng: random.Random, value: str) -> str:
    digits = [c for c in value if c.isdigit()]
    keep = 2 if "".join(digits[:2]) == "62" else 1  # keep the scheme (UnionPay 62, Visa 4, …)
    payload = "".join(digits[:keep]) + "".join(rng.choice(string.digits) for _ in range(len(digits) - keep - 1))
    return _reshape(value, payload + luhn_check_digit(payload))


def _cn_resident_id(rng: random.Random, value: str) -> str:
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
    first17 = rng.choice(CN_REGIONS) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    check = gb11643_check_char(first17)
    return first17 + (check.lower() if value[-1:] == "x" else check)


def _cn_mobile(rng: random.Random, value: str) -> str:
    digits = [c for c in value if c.isdigit()]
    country = len(digits) - 11  # +86 / 0086 prefix digits kept as they were
    mobile = "1" + rng.choice("3456789") + "".join(rng.choice(string.digits) for _ in range(9))
    return _reshape(value, "".join(digits[:country]) + mobile)


def _phone(rng: random.Random, value: str) -> str:
    stripped = value.lstrip()
    keep = 0
    if stripped.startswith(("+", "00")):  # the country code is not personal: keep it
        keep = len(regex.match(r"\+?0*\d{1,3}", stripped).group()) - (1 if stripped.startswith("+") else 0)
    digits = [c for c in value if c.isdigit()]
    fresh = "".join(digits[:keep]) + "".join(rng.choice("23456789" if i == keep else string.digits)
                                             for i in range(keep, len(digits)))  # fmt: skip
    return _reshape(value, fresh)


def _iban(rng: random.Random, value: str) -> str:
    compact = "".join(value.split()).upper()
    country = compact[:2] if compact[:2] in IBAN_LENGTHS else "DE"
    bban = _shuffle_alnum(rng, compact[4:])
    check = 98 - int("".join(str(int(c, 36)) for c in bban + country + "00")) % 97
    fresh = f"{country}{check:02d}{bban}"
    it = iter(fresh)
    return "".join(ch if ch.isspace() else next(it) for ch in value)


def _date(rng: random.Random, value: str) -> str:
    out = regex.sub(r"\d{4}", lambda _: str(rng.randrange(1940, 2005)), value)
    out = regex.sub(r"(?<!\d)\d{1,2}(?!\d)", lambda m: f"{rng.randrange(1, 13):0{len(m.group())}d}", out)
    return _MONTH.sub(lambda _: rng.choice(MONTHS), out)


def _ssn(rng: random.Random, value: str) -> str:
    fresh = f"{rng.randrange(100, 666):03d}{rng.randrange(10, 99):02d}{rng.randrange(1000, 9999):04d}"
    return _reshape(value, fresh) if sum(c.isdigit() for c in value) == 9 else _shuffle_alnum(rng, value)


def _ip(rng: random.Random, value: str) -> str:
    if ":" in value:
        return "2001:db8::" + ":".join(f"{rng.randrange(65536):x}" for _ in range(2))
    return "10." + ".".join(str(rng.randrange(1, 255)) for _ in range(3))


def surrogate(entity_type: str, value: str, digest: bytes) -> str:
    """The surrogate of ``value``, a pure function of its keyed ``digest`` (and the value's layout)."""
    rng = random.Random(digest)
    if entity_type == entities.PERSON:
        return _person(rng, value)
    if entity_type == entities.EMAIL_ADDRESS:
        return f"{rng.choice(FIRST_NAMES).lower()}.{rng.choice(LAST_NAMES).lower()}{rng.randrange(100)}@example.invalid"
    if entity_type in (entities.CREDIT_CARD, entities.CN_BANK_CARD) and sum(c.isdigit() for c in value) >= 12:
        return _card(rng, value)
    if entity_type == entities.CN_RESIDENT_ID and len(value) == 18:
        return _cn_resident_id(rng, value)
    if entity_type == entities.CN_MOBILE and sum(c.isdigit() for c in value) >= 11:
        return _cn_mobile(rng, value)
    if entity_type == entities.PHONE_NUMBER:
        return _phone(rng, value)
    if entity_type == entities.IBAN_CODE:
        return _iban(rng, value)
    if entity_type == entities.DATE_OF_BIRTH:
        return _date(rng, value)
    if entity_type == entities.US_SSN:
        return _ssn(rng, value)
    if entity_type == entities.IP_ADDRESS:
        return _ip(rng, value)
    if entity_type == entities.URL:
        return f"https://{rng.choice(CITIES).lower()}.example.invalid/{rng.randrange(16**6):06x}"
    if entity_type == entities.LOCATION:
        return rng.choice(CITIES)
    if entity_type == entities.STREET_ADDRESS:
        if _CJK.search(value):
            return rng.choice(CN_ADDRESSES).format(n=rng.randrange(1, 300))
        return f"{rng.randrange(1, 999)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"
    return _shuffle_alnum(rng, value)  # account, MRN, licence numbers: same layout, other characters
