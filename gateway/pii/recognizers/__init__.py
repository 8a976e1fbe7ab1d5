"""The recognizers the detector registers, built per language.

Every rule recognizer runs for both languages: identifiers look the same in English and Chinese text, and the
Chinese name and address rules need Chinese characters to match, so they cost nothing on English text. Only the
spaCy NER recognizer is English-only.
"""

from __future__ import annotations

from collections.abc import Callable

from presidio_analyzer import EntityRecognizer

from gateway.pii.recognizers.addresses import CuedAddressRecognizer, StreetAddressRecognizer
from gateway.pii.recognizers.chinese_ids import CnBankCardRecognizer, CnMobileRecognizer, CnResidentIdRecognizer
from gateway.pii.recognizers.chinese_text import CnAddressRecognizer, CnPersonNameRecognizer
from gateway.pii.recognizers.cued import CuedIdentifierRecognizer
from gateway.pii.recognizers.dates import DateOfBirthRecognizer
from gateway.pii.recognizers.fields import FieldValueRecognizer
from gateway.pii.recognizers.identifiers import (
    AccountNumberRecognizer,
    CryptoWalletRecognizer,
    DriverLicenseRecognizer,
    EmailAddressRecognizer,
    IbanCodeRecognizer,
    IpAddressRecognizer,
    MedicalRecordNumberRecognizer,
    PaymentCardRecognizer,
    PhoneNumberRecognizer,
    SocialSecurityNumberRecognizer,
    WebAddressRecognizer,
)
from gateway.pii.recognizers.mentions import NameMentionRecognizer
from gateway.pii.recognizers.people import (
    AddressedNameRecognizer,
    FilteredSpacyRecognizer,
    LexiconNameRecognizer,
    OtherScriptNameRecognizer,
    RoleNameRecognizer,
    TitledNameRecognizer,
)
from gateway.pii.recognizers.places import GazetteerPlaceRecognizer, ResidencePlaceRecognizer
from gateway.pii.recognizers.quasi import (
    AgeRecognizer,
    CalendarDateRecognizer,
    JobTitleRecognizer,
    NrpRecognizer,
    OrganizationRecognizer,
)
from gateway.pii.recognizers.rule import RuleRecognizer
from gateway.pii.recognizers.shapes import (
    AccountShapeRecognizer,
    DriverLicenseShapeRecognizer,
    MedicalRecordShapeRecognizer,
    NationalIdShapeRecognizer,
    PassportShapeRecognizer,
    PostalCodeRecognizer,
)
from gateway.pii.recognizers.signatures import SignatureRecognizer

RULE_RECOGNIZERS: tuple[type[RuleRecognizer], ...] = (
    EmailAddressRecognizer,
    PhoneNumberRecognizer,
    PaymentCardRecognizer,
    IbanCodeRecognizer,
    SocialSecurityNumberRecognizer,
    AccountNumberRecognizer,
    CryptoWalletRecognizer,
    MedicalRecordNumberRecognizer,
    DriverLicenseRecognizer,
    IpAddressRecognizer,
    WebAddressRecognizer,
    DateOfBirthRecognizer,
    TitledNameRecognizer,
    RoleNameRecognizer,
    AddressedNameRecognizer,
    OtherScriptNameRecognizer,
    StreetAddressRecognizer,
    CuedAddressRecognizer,
    ResidencePlaceRecognizer,
    CnResidentIdRecognizer,
    CnMobileRecognizer,
    CnBankCardRecognizer,
    CnPersonNameRecognizer,
    CnAddressRecognizer,
    CalendarDateRecognizer,
    AgeRecognizer,
    JobTitleRecognizer,
    NrpRecognizer,
    OrganizationRecognizer,
    PassportShapeRecognizer,
    DriverLicenseShapeRecognizer,
    MedicalRecordShapeRecognizer,
    AccountShapeRecognizer,
    NationalIdShapeRecognizer,
    PostalCodeRecognizer,
)
OTHER_RECOGNIZERS: tuple[Callable[..., EntityRecognizer], ...] = (
    FieldValueRecognizer, CuedIdentifierRecognizer, LexiconNameRecognizer, GazetteerPlaceRecognizer,
    NameMentionRecognizer, SignatureRecognizer,
)


def build_recognizers(language: str, *, with_ner: bool) -> list[EntityRecognizer]:
    """One instance of every rule recognizer for ``language``, plus filtered spaCy NER when ``with_ner``."""
    recognizers: list[EntityRecognizer] = [cls(supported_language=language) for cls in RULE_RECOGNIZERS]
    recognizers += [make(supported_language=language) for make in OTHER_RECOGNIZERS]
    if with_ner:
        recognizers.append(FilteredSpacyRecognizer(supported_language=language))
    return recognizers


__all__ = ["RULE_RECOGNIZERS", "build_recognizers"]
