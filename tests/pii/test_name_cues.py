"""Names where forms, ward lists, minutes and call notes put them, in capitals and with combining marks too."""

from __future__ import annotations

import pytest

from gateway.pii.detector import PiiDetector


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[d.start:d.end] for d in detector.detect(text) if d.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Patient surname |       O'REILLY\nForename(s) |           Caoimhe\n", ["O'REILLY", "Caoimhe"]),
        ("Patient surname       Ó CARRAGÁIN\nForename(s)           Vera\n", ["Ó CARRAGÁIN", "Vera"]),
        ("Insured: TEMITOPE OLADIPO\nPassport: 531765406", ["TEMITOPE OLADIPO"]),
        ("I called on 17 Apr and spoke to Dimitrios, who promised a call back.", ["Dimitrios"]),
        ("Thank you for calling, my name's Caoimhe, how can I help?", ["Caoimhe"]),
        ("Pls call Folasade back on 0033 683603376 re the claim", ["Folasade"]),
        ("Bed 15: ARUMUGAM Ganesan (21) #NOF post op day 1", ["ARUMUGAM Ganesan"]),
        ("3. Actions:\n   - Federigo: book training for new starters by 24 Jun\n", ["Federigo"]),
        ("Right to work: passport checked by Títílayọ̀ Adeyemi", ["Títílayọ̀ Adeyemi"]),
        ('Zubair Raza,290-39-1239,1983-04-08\n"Hoffmann, Hans-Peter",260-61-6723,1972-10-12', ["Zubair Raza",
                                                                                            "Hoffmann, Hans-Peter"]),
    ],
)
def test_a_name_in_its_place_is_found(detector: PiiDetector, text: str, names: list[str]) -> None:
    assert set(names) <= set(persons(detector, text))


@pytest.mark.parametrize(
    "text", ["Customer: NO RESPONSE", "Name        Age   City", "We will call you back tomorrow."],
)
def test_capitals_headers_and_pronouns_are_not_names(detector: PiiDetector, text: str) -> None:
    assert persons(detector, text) == []


def test_a_phone_in_a_csv_row_is_found_beside_a_date(detector: PiiDetector) -> None:
    text = "Zubair Raza,290-39-1239,1983-04-08,0044 7101 702639"
    assert "0044 7101 702639" in [text[d.start:d.end] for d in detector.detect(text) if d.entity_type == "PHONE_NUMBER"]
