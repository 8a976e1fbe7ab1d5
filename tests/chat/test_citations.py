"""The citation check: markers naming no provided source are removed and counted, whole or split across deltas."""

from __future__ import annotations

import pytest

from gateway.chat.citations import CitationFilter

CASES = [
    ("It costs EUR 10 [1].", "It costs EUR 10 [1].", [1], []),
    ("It costs EUR 10 [7].", "It costs EUR 10.", [], [7]),
    ("See [2] and [0], then [3][4].", "See [2] and, then [3].", [2, 3], [0, 4]),
    ("Both [1, 7] apply.", "Both [1] apply.", [1], [7]),
    ("A list [1,2,3] stays.", "A list [1,2,3] stays.", [1, 2, 3], []),
    ("Arrays like [a] or [12x] are text.", "Arrays like [a] or [12x] are text.", [], []),
    ("【政策依据】见[9]。", "【政策依据】见。", [], [9]),
]


@pytest.mark.parametrize(("text", "expected", "cited", "invalid"), CASES)
def test_whole_text(text: str, expected: str, cited: list[int], invalid: list[int]) -> None:
    check = CitationFilter(sources=3)
    assert check.check(text) == expected
    assert (check.cited, check.invalid) == (cited, invalid)


@pytest.mark.parametrize(("text", "expected", "cited", "invalid"), CASES)
def test_streamed_one_character_at_a_time_gives_the_same_text(text: str, expected: str, cited: list[int],
                                                              invalid: list[int]) -> None:
    check = CitationFilter(sources=3)
    out = "".join(check.feed(c) for c in text) + check.finish()
    assert out == expected
    assert (check.cited, check.invalid) == (cited, invalid)


def test_only_a_possible_marker_is_held_back() -> None:
    check = CitationFilter(sources=3)
    assert check.feed("Fees are EUR 10 ") == "Fees are EUR 10"
    assert check.feed("[") == ""
    assert check.feed("7") == ""
    assert check.feed("] and more") == " and more"
    assert check.invalid == [7]


def test_without_sources_every_marker_is_invalid() -> None:
    check = CitationFilter(sources=0)
    assert check.check("Answer [1].") == "Answer."
    assert check.invalid == [1]


def test_a_flood_of_invalid_citations_stays_within_what_an_audit_event_can_hold() -> None:
    import json

    from gateway.audit.events import DETAILS_MAX_BYTES
    from gateway.chat.grounding import Grounding

    check = CitationFilter(sources=3)
    assert check.check("[99] " * 5000).strip() == ""
    grounding = Grounding(sources=3, invalid_citations=check.invalid)
    details = json.dumps({"grounding": grounding.as_json(), "answer_role": "teller"})
    assert len(details) < DETAILS_MAX_BYTES and grounding.as_json()["invalid_citation_count"] == 5000
