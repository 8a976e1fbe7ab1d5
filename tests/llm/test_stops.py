"""StopScanner: stop strings are never emitted, not even in part, whatever the chunking."""

from __future__ import annotations

import pytest

from gateway.llm.stops import StopScanner


def run(chunks: list[str], stops: tuple[str, ...]) -> tuple[str, bool]:
    scanner = StopScanner(stops)
    out = "".join(scanner.feed(c) for c in chunks) + scanner.flush()
    return out, scanner.stopped


@pytest.mark.parametrize(
    ("text", "stops", "expected", "stopped"),
    [
        ("one, two, three", ("two",), "one, ", True),
        ("one, two, three", ("four",), "one, two, three", False),
        ("abcabd", ("abd",), "abc", True),
        ("a<|im_end|>b", ("<|im_end|>",), "a", True),
        ("no stops here", (), "no stops here", False),
        ("ends with a partial sto", ("stop",), "ends with a partial sto", False),
    ],
)
def test_output_is_cut_before_the_first_stop_for_every_split(
    text: str, stops: tuple[str, ...], expected: str, stopped: bool
) -> None:
    for i in range(len(text) + 1):
        assert run([text[:i], text[i:]], stops) == (expected, stopped)
    assert run(list(text), stops) == (expected, stopped)


def test_a_possible_stop_prefix_is_held_back_until_resolved() -> None:
    scanner = StopScanner(("END",))
    assert scanner.feed("hello E") == "hello "
    assert scanner.feed("N") == ""
    assert scanner.feed("X") == "ENX"
