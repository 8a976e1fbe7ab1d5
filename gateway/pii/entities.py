"""Entity type names the PII engine emits, in one place so policies, recognizers and tests agree."""

from __future__ import annotations

PERSON = "PERSON"
LOCATION = "LOCATION"
STREET_ADDRESS = "STREET_ADDRESS"
EMAIL_ADDRESS = "EMAIL_ADDRESS"
PHONE_NUMBER = "PHONE_NUMBER"
CREDIT_CARD = "CREDIT_CARD"
IBAN_CODE = "IBAN_CODE"
US_SSN = "US_SSN"
ACCOUNT_NUMBER = "ACCOUNT_NUMBER"
MEDICAL_RECORD_NUMBER = "MEDICAL_RECORD_NUMBER"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
IP_ADDRESS = "IP_ADDRESS"
URL = "URL"
CN_RESIDENT_ID = "CN_RESIDENT_ID"
CN_MOBILE = "CN_MOBILE"
CN_BANK_CARD = "CN_BANK_CARD"
US_DRIVER_LICENSE = "US_DRIVER_LICENSE"
PASSPORT_NUMBER = "PASSPORT_NUMBER"
NATIONAL_ID = "NATIONAL_ID"
"""Other national identity and tax numbers (UK NI, Canadian SIN, Aadhaar, PESEL, CPF, codice fiscale …)."""
POSTAL_CODE = "POSTAL_CODE"
"""A postcode or ZIP code on its own (inside a full address it is part of STREET_ADDRESS)."""

# Quasi-identifiers: not a person on their own, but they narrow one down. Policies mask them with ``mask: all``.
ORGANIZATION = "ORGANIZATION"
JOB_TITLE = "JOB_TITLE"
AGE = "AGE"
DATE = "DATE"
"""A calendar date other than a date of birth."""
NRP = "NRP"
"""Nationality, religious or political group, ethnicity."""

QUASI_IDENTIFIERS: frozenset[str] = frozenset({ORGANIZATION, JOB_TITLE, AGE, DATE, NRP})

DIRECT_IDENTIFIERS: frozenset[str] = frozenset(
    {
        PERSON,
        LOCATION,
        STREET_ADDRESS,
        EMAIL_ADDRESS,
        PHONE_NUMBER,
        CREDIT_CARD,
        IBAN_CODE,
        US_SSN,
        ACCOUNT_NUMBER,
        MEDICAL_RECORD_NUMBER,
        DATE_OF_BIRTH,
        IP_ADDRESS,
        URL,
        CN_RESIDENT_ID,
        CN_MOBILE,
        CN_BANK_CARD,
        US_DRIVER_LICENSE,
        PASSPORT_NUMBER,
        NATIONAL_ID,
        POSTAL_CODE,
    }
)

SUPPORTED_ENTITIES: frozenset[str] = DIRECT_IDENTIFIERS | QUASI_IDENTIFIERS

# When two detections cover exactly the same characters with the same score, the more specific type wins
# (a UnionPay number is reported as CN_BANK_CARD rather than CREDIT_CARD). Higher is more specific.
SPECIFICITY: dict[str, int] = {
    CN_BANK_CARD: 3,
    CN_RESIDENT_ID: 3,
    CN_MOBILE: 3,
    IBAN_CODE: 3,
    US_SSN: 2,
    CREDIT_CARD: 2,
    MEDICAL_RECORD_NUMBER: 2,
    DATE_OF_BIRTH: 2,
    EMAIL_ADDRESS: 2,
    PASSPORT_NUMBER: 2,
    NATIONAL_ID: 2,
    STREET_ADDRESS: 1,
    POSTAL_CODE: 1,
    ORGANIZATION: -1,
    JOB_TITLE: -1,
    DATE: -1,
    NRP: -1,
    AGE: -1,
}
