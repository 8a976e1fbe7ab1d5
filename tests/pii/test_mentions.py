"""Names found from where they stand: answers to a name question, XML elements, note shorthand, sign-offs."""

from __future__ import annotations

import pytest

from gateway.pii.detector import PiiDetector


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Can I take your full name please?\nC: It's Sphiwe Guliwe.\nA: And your date of birth?", "Sphiwe Guliwe"),
        ("[07:11] Bot: full name and date of birth.\n[07:11] You: kovács lászló 1984-09-30\n", "kovács lászló"),
        ("<Name><Given>Tariq</Given><Family>Al-Qahtani</Family></Name>", "Al-Qahtani"),
        ('{"customer": {"firstName": "Amitabh", "lastName": "Gupta"}}', "Amitabh"),
        ("Bed 2: pt ágnes németh, 81 y/o female, AKI on CKD3", "ágnes németh"),
        ("stable overnight. nok dtr Michał tel 0113 427 0992.", "Michał"),
        ("Crestwood Underwriting policy services, Gundhild speaking.", "Gundhild"),
        ("sander van dijk wrote:\n\ni did NOT make these payments", "sander van dijk"),
        ("allergic to penicillin - checked. - Esther\n", "Esther"),
        ("Actions:\n   - Seo-yeon: chase legal by 26 Mar\n", "Seo-yeon"),
        ("12/1/22 20:03 M. Dempsey: 3rd party says is neighbour", "M. Dempsey"),
        ("Private and confidential\nMr OLUWADAMILARE OGUNDIPE\n132, Bode Thomas Street", "OLUWADAMILARE OGUNDIPE"),
    ],
)
def test_a_name_is_found_from_where_it_stands(detector: PiiDetector, text: str, name: str) -> None:
    assert ("PERSON", name) in [(d.entity_type, text[d.start:d.end]) for d in detector.detect(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Actions:\n   - Action: none\n   - Owner: compliance\n",
        "What is your full name?\nSorry, I did not catch that.",
        "Dear Sirs\n\nRe: your claim",
        "CUSTOMER: Um, 60005.\nAGENT: Lovely.",
        "Ward handover  31/03/2024  20:00  NIC: see rota",
    ],
)
def test_words_standing_where_a_name_could_are_not_names(detector: PiiDetector, text: str) -> None:
    assert not [d for d in detector.detect(text) if d.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Inés called again re mortgage offer. Inés says the valuation is late.", "Inés"),
        ("Moved from Leeds to York; the Leeds branch closed.", "Leeds"),
    ],
)
def test_a_value_found_once_is_hidden_wherever_it_recurs(detector: PiiDetector, text: str, value: str) -> None:
    masked = [text[d.start:d.end] for d in detector.detect(text)]
    assert masked.count(value) == text.count(value)


def test_short_numbers_do_not_recur_as_values(detector: PiiDetector) -> None:
    text = "Age 51. Room 51, bed 51."
    assert [text[d.start:d.end] for d in detector.detect(text)].count("51") <= 1
