"""Check-digit algorithms that turn "looks like a number of that kind" into "is one", and the generators of the same
check digits (for surrogates that must validate like the values they replace)."""

from __future__ import annotations

import datetime as dt

_GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_GB11643_CHECK = "10X98765432"

# ISO 13616 lengths per country; an IBAN of the wrong length for its country is not an IBAN.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip


def digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def luhn_check_digit(payload: str) -> str:
    """The Luhn check digit that makes ``payload + digit`` valid."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        value = int(char)
        if index % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return str((10 - total % 10) % 10)


def gb11643_check_char(first17: str) -> str:
    """The GB 11643-1999 MOD 11-2 check character (0–9 or X) of the first 17 digits of a resident ID."""
    return _GB11643_CHECK[sum(int(ch) * w for ch, w in zip(first17, _GB11643_WEIGHTS, strict=True)) % 11]


def luhn_valid(number: str) -> bool:
    """Luhn (mod 10) check over the digits of ``number``, separators ignored."""
    digits = digits_only(number)
    if not 12 <= len(digits) <= 19:
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def iban_valid(candidate: str) -> bool:
    """ISO 13616 mod-97 check plus the country's registered length."""
    iban = "".join(candidate.split()).upper()
    if len(iban) < 15 or IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


def cn_resident_id_birth_date_valid(candidate: str) -> bool:
    """Characters 7–14 of a GB 11643 number are a real calendar date between 1900 and today."""
    try:
        born = dt.date(int(candidate[6:10]), int(candidate[10:12]), int(candidate[12:14]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


def cn_resident_id_check_valid(candidate: str) -> bool:
    """GB 11643-1999 MOD 11-2 check character (the 18th, 0–9 or X)."""
    if len(candidate) != 18 or not candidate[:17].isdigit():
        return False
    return gb11643_check_char(candidate[:17]) == candidate[17].upper()


def nhs_number_valid(candidate: str) -> bool:
    """NHS (England, Wales, Isle of Man) number: ten digits, the last a mod-11 check of the first nine."""
    digits = digits_only(candidate)
    if len(digits) != 10 or digits[0] in "012":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return check != 10 and (0 if check == 11 else check) == int(digits[9])
