"""Personal data detection, masking, pseudonym vault and streaming masking for the gateway.

Built once at start-up (``PiiDetector.create()``), then called per request::

    detector = PiiDetector.create()               # the medium English spaCy model under models/
    masker = Masker(detector, pseudonym_key)
    vault = PseudonymVault()                      # one per request / conversation
    masked = masker.mask(prompt, rules, vault)    # what the model sees
    answer = vault.restore(model_answer, rules.entities_revealed)

Detection is Presidio's ``AnalyzerEngine`` with spaCy English NER (offline, NER pipe only) and our rule
recognizers (``gateway/pii/recognizers/``). Chinese text has no spaCy model: it gets the rule recognizers only;
mixed English/Chinese text gets both. Every regex avoids ``\\b`` so identifiers glued to Chinese characters match.

Entity types (``gateway.pii.entities``):

==========================  ===========================================================================
PERSON                      names: spaCy NER (filtered), titles (Mr/Ms/Dr …), role words (patient, account
                            holder, physician …), Chinese names with a cue (先生/女士/患者/客户/姓名 …)
LOCATION                    cities, countries, places (spaCy NER GPE/LOC/FAC, shouted words title-cased for
                            it), places after a residence cue (grew up in, born in …) or in a form field (City:)
STREET_ADDRESS              street addresses (US/UK/European forms, postal blocks, street corners, PO boxes,
                            postcodes after a cue) and Chinese addresses (省/市/区/县 … 路/街/道 … 号)
EMAIL_ADDRESS               e-mail addresses (suffix checked against tldextract's bundled list, offline)
PHONE_NUMBER                North American, international (+/00) and grouped national formats, extensions
CREDIT_CARD                 payment cards, Luhn-validated
IBAN_CODE                   IBANs, country length and mod-97 validated
US_SSN                      US social security numbers (stock Presidio's UK_NHS confusion removed)
ACCOUNT_NUMBER              bank account numbers after an account cue (account, acct, a/c, 账号 …)
MEDICAL_RECORD_NUMBER       MRNs after a record cue (MRN, medical record number, patient ID, 病历号 …)
DATE_OF_BIRTH               dates after a birth cue (DOB, born, date of birth, 出生日期 …); other dates are not
IP_ADDRESS                  IPv4 and IPv6
URL                         scheme/www URLs and bare domains with common suffixes
CN_RESIDENT_ID              GB 11643 resident ID: valid birth date; wrong MOD 11-2 check character → score 0.4
CN_MOBILE                   mainland mobiles 1[3-9]x, optional +86/0086, spaces or dashes
CN_BANK_CARD                UnionPay (62…) and cue-introduced bank cards, 16–19 digits, Luhn-validated
US_DRIVER_LICENSE           US driver's licence numbers after a licence cue (driver's license, DL#)
==========================  ===========================================================================

Chinese names and addresses are rule-based and deliberately conservative: see
``gateway/pii/recognizers/chinese_text.py``. Errors are :class:`PiiError`; no message contains input text.
"""

from __future__ import annotations

from gateway.pii.detection import Detection
from gateway.pii.detector import PiiDetector
from gateway.pii.entities import SUPPORTED_ENTITIES
from gateway.pii.errors import PiiError
from gateway.pii.masker import Masker, MaskResult
from gateway.pii.rules import PiiRules
from gateway.pii.stream import StreamMasker
from gateway.pii.vault import PseudonymVault

__all__ = [
    "SUPPORTED_ENTITIES",
    "Detection",
    "MaskResult",
    "Masker",
    "PiiDetector",
    "PiiError",
    "PiiRules",
    "PseudonymVault",
    "StreamMasker",
]
