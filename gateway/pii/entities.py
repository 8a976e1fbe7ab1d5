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

SUPPORTED_ENTITIES: frozenset[str] = frozenset(
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
    }
)

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
    STREET_ADDRESS: 1,
}
