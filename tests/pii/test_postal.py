"""Postal blocks: an address's parts, found one by one, are masked as one address."""

from __future__ import annotations

import pytest

from gateway.pii.detector import PiiDetector


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("New one is Studio 53, Michael Inlet, New Douglas, E9 2AQ\n", "Studio 53, Michael Inlet, New Douglas, E9 2AQ"),
        ("write to the customer at No. 160, Ogui Road, Wuse II, Abuja 904101, FCT.\n3. Actions",
         "No. 160, Ogui Road, Wuse II, Abuja 904101, FCT"),
        ("Mrs. Bhanumati Bail\n34, Agbani Road\nGarki\nAbuja 900103\nFCT\n\n28th January 2023",
         "34, Agbani Road\nGarki\nAbuja 900103\nFCT"),
        ("Břetislav Pokorný\nDoubravínova 52\n636 09 Zákupy\n+420 618 213 285", "Doubravínova 52\n636 09 Zákupy"),
        ("Current address: ul. Marszałkowska 57/35, 50-079 Wrocław (since 2008)",
         "ul. Marszałkowska 57/35, 50-079 Wrocław"),
        # a postcode run together, hyphenated or in lower case ends the address whole, not at its first letters
        ("Moved to 199 Rue Principale, Swansea, TR221YP please.", "199 Rue Principale, Swansea, TR221YP"),
        ("Moved to 251 Rue Principale, Laval, QC G4N-1P4 please.", "251 Rue Principale, Laval, QC G4N-1P4"),
        ("Moved to 14 Elm Street, Hull, kt4 8zb (flat above the shop).", "14 Elm Street, Hull, kt4 8zb"),
    ],
)
def test_the_whole_block_is_one_address(detector: PiiDetector, text: str, address: str) -> None:
    found = [(d.entity_type, text[d.start:d.end]) for d in detector.detect(text)]
    assert ("STREET_ADDRESS", address) in found


@pytest.mark.parametrize(
    "text",
    [
        "Sodium 135, Potassium 4.5, Urea 6.1\nBed 3, Ward 7B, Room 12",
        "Meeting on 12 March 2021, London. Invoice 12345, total 500 EUR.",
    ],
)
def test_lists_and_sentences_are_not_postal_blocks(detector: PiiDetector, text: str) -> None:
    assert not [d for d in detector.detect(text) if d.entity_type == "STREET_ADDRESS"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I moved to 10115 Berlin last year.", "10115"),
        ("SE-114 55 Stockholm", "SE-114 55"),
        ("1012 AB Amsterdam", "1012 AB"),
        ("Sydney NSW 2000", "2000"),
        ("Springfield, IL 62704", "62704"),
        ("CEP 01310-100, São Paulo", "01310-100"),
    ],
)
def test_a_postcode_beside_a_place_is_a_postcode(detector: PiiDetector, text: str, code: str) -> None:
    assert code in [text[d.start:d.end] for d in detector.detect(text)]


def test_a_year_after_a_place_is_not_a_postcode(detector: PiiDetector) -> None:
    text = "Berlin 2016 was great, and we moved to Paris in 2019"
    assert not [d for d in detector.detect(text) if d.entity_type == "POSTAL_CODE"]


def test_an_amount_before_a_sentence_with_a_street_does_not_start_a_block(detector: PiiDetector) -> None:
    text = ("An annual income of £19,009.16. Identity was checked. Source of wealth: sale of a property at "
            "60 Voortrekker Road, Rosebank, Johannesburg, 2196 in 2023.")
    addresses = [text[d.start:d.end] for d in detector.detect(text) if d.entity_type == "STREET_ADDRESS"]
    assert addresses == ["60 Voortrekker Road, Rosebank, Johannesburg, 2196"]
