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
