"""Postal blocks: the lines or comma-separated parts of one address joined into one ``STREET_ADDRESS``.

Recognizers find the parts of an address one at a time: the street ("34, Agbani Road"), a town the gazetteer
knows, a postcode. Masked part by part, the rest stays in clear ("Studio 53, <PERSON>, <PERSON>, <POSTAL_CODE>"
leaves the flat number; an unknown town between two masks is still there). A postal block is a run of short parts,
separated by commas or single line breaks, that starts with a street part (a house number with words, words with a
house number, a flat or plot and its number) and holds a postcode or a street a recognizer already found; the whole
run, up to the postcode and at most two place parts after it (a state, a country), becomes one address.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from gateway.pii import entities
from gateway.pii.detection import Detection

_SCORE = 0.6
_PART = regex.compile(r"[^,\n]+")
# A postcode in the world's common shapes, as a whole token (UK and Canadian ones in any case: "ls6 2ab").
_POSTCODE = (
    r"(?:(?i:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})|[A-Z]\d{2}[ \t]?[A-Z0-9]{4}|(?i:[A-Z]\d[A-Z][ \t\-]?\d[A-Z]\d)|"
    r"\d{4}[ \t]?[A-Z]{2}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{5}(?:-\d{4})?|\d{4,6}|[A-Z]{1,2}-\d{4,5})"
)
_MONTH = (r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
          r"apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?[ \t]+\d")
# A capitalised word (a full stop only after an abbreviation: "Co.", "St."), or a particle of a place name.
_PLACE_WORD = (rf"(?:(?!{_MONTH})\p{{Lu}}[\p{{L}}\p{{M}}'’\-]*|\p{{Lu}}\p{{L}}{{0,2}}\.|"
               r"(?i:de|del|la|le|na|an|am|upon|on|sur|da|do|dos|di|van|von|the|and))")
_PLACE_WORDS = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,4}}"
_POST_PART = regex.compile(
    rf"(?:{_PLACE_WORDS}[ \t]{{1,3}})?(?<![\w\-]){_POSTCODE}(?![\w\-])(?:[ \t]{{1,3}}{_PLACE_WORDS})?"
)
_UNIT = r"(?i:flat|unit|apt|apartment|suite|studio|plot|house|block|no|bât|bldg|building|room|level)\.?"
_NUMBER = r"\d{1,5}[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?"
_STREET_PART = regex.compile(
    rf"(?:{_UNIT}[ \t]*#?[ \t]*{_NUMBER}(?:[ \t]+(?:{_NUMBER}[ \t]+)?{_PLACE_WORDS})?"
    rf"|{_NUMBER}(?:[ \t]+{_PLACE_WORDS})?(?:[ \t]+{_UNIT}[ \t]*{_NUMBER})?"
    rf"|(?:(?i:ul|al|pl)\.[ \t]*)?{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_WORD}|(?i:út|utca|ulica|straße)))"
    rf"{{0,4}}[ \t]+{_NUMBER}\.?)"
)
# The start of a street part inside a sentence ("… write to the customer at No. 160").
_STREET_TAIL = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{_UNIT}[ \t]*#?[ \t]*{_NUMBER}|{_NUMBER}(?:[ \t]+{_PLACE_WORD}){{1,4}}"
    rf"|{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}[ \t]+{_NUMBER}|{_NUMBER})$"
)
_PLACE_PART = regex.compile(rf"(?:(?i:co|st|mt|ft)\.[ \t]*)?{_PLACE_WORDS}")
_ADDRESSISH = {entities.STREET_ADDRESS, entities.LOCATION, entities.POSTAL_CODE}


def postal_blocks(text: str, found: Sequence[Detection]) -> list[Detection]:
    """One ``STREET_ADDRESS`` over each postal block of ``text`` (``found``: what recognizers already found)."""
    if not regex.search(r"\d", text):
        return []
    streets = [(d.start, d.end) for d in found if d.entity_type == entities.STREET_ADDRESS]
    blocks: list[Detection] = []
    parts = list(_PART.finditer(text))
    i = 0
    while i < len(parts):
        start = _street_start(text, parts[i], streets)
        if start is None:
            i += 1
            continue
        end, has_post, has_street = _trimmed_end(parts[i]), False, _overlaps(start, _trimmed_end(parts[i]), streets)
        last_post, places_after, j = None, 0, i + 1
        while j < len(parts) and _joined(text, parts[j - 1], parts[j]):
            part = parts[j]
            head_start = part.start() + len(part.group()) - len(part.group().lstrip())
            body = text[head_start:_trimmed_end(part)]
            post = _POST_PART.fullmatch(body)
            if post is None and (head := _POST_PART.match(body)) and _sentence_follows(body[head.end():]):
                post = head
            # A bare run of digits is a postcode only beside a place name ("Abuja 904101", "6439 Graz").
            if post and (regex.search(r"\p{L}", post.group()) or not regex.fullmatch(r"\d{4,6}", post.group())):
                has_post, last_post, places_after = True, head_start + post.end(), 0
            elif _STREET_PART.fullmatch(body):
                has_street = has_street or _overlaps(head_start, head_start + len(body), streets)
                if last_post is not None:
                    break
            elif _PLACE_PART.fullmatch(body) and len(body.split()) <= 5:
                if last_post is not None:
                    places_after += 1
                    if places_after > 2:
                        break
                    last_post = head_start + len(body)
            elif any(s <= head_start < e for s, e in streets):
                # A found street runs into this part and the rest of it is prose: the block ends with the street.
                if last_post is None:
                    end = max(e for s, e in streets if s <= head_start < e)
                    has_street = True
                    j += 1
                break
            else:
                place = _PLACE_PART.match(body)
                if place and _sentence_follows(body[place.end():]) and last_post is None and has_street:
                    end = head_start + place.end()
                break
            end = head_start + len(body) if last_post is None else last_post
            j += 1
        if last_post is not None:
            end = last_post
        if j > i + 1 and (has_post or has_street) and end > start:
            blocks.append(Detection(entities.STREET_ADDRESS, start, end, _SCORE))
            i = j
        else:
            i += 1
    return blocks


def _street_start(text: str, part: regex.Match[str], streets: list[tuple[int, int]]) -> int | None:
    """Where a street part begins in ``part``: the whole part when it is one, else a street ending the part."""
    body = part.group().strip()
    start = part.start() + len(part.group()) - len(part.group().lstrip())
    if not body or len(body.split()) > 8:
        tail = _STREET_TAIL.search(part.group())
        return part.start() + tail.start() if tail and part.end() == _trimmed_end(part) else None
    if _STREET_PART.fullmatch(body):
        return start
    for s, e in streets:
        if part.start() <= s < part.end() and e >= _trimmed_end(part):
            return s
    tail = _STREET_TAIL.search(part.group().rstrip())
    return part.start() + tail.start() if tail else None


def _trimmed_end(part: regex.Match[str]) -> int:
    return part.start() + len(part.group().rstrip(" \t.;:"))


def _joined(text: str, before: regex.Match[str], after: regex.Match[str]) -> bool:
    """Two parts of one block: a comma or one line break between them, never a blank line or a sentence end."""
    gap = text[before.end():after.start()]
    if gap == "," and text[before.end() - 1:before.end()].isdigit() and text[after.start():after.start() + 1].isdigit():
        return False  # a thousands separator: "£19,009.16"
    return gap in {",", "\n"} and not text[before.start():before.end()].rstrip().endswith((".", ":", ";", "?", "!"))


def _sentence_follows(rest: str) -> bool:
    return bool(regex.match(r"[ \t]*(?:[.;)(]|$|(?:in|since|is|was|and|from|until)[ \t])", rest))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


_CODE_BEFORE = regex.compile(
    r"(?<![\w\-])(?:(?:[A-Z]{1,2}-)?(?:\d{4,6}|\d{3}[ ]\d{2}|\d{2}-\d{3}|\d{5}-\d{3})|\d{4}[ ]?[A-Z]{2}|〒?\d{3}-\d{4})"
    r"[ \t]+$")
_CODE_AFTER = regex.compile(r"[ \t]*,?[ \t]*(?P<state>[A-Z]{2,3}[ \t]+)?(?P<code>\d{4,6}(?:-\d{3,4})?)(?![\w\-])")


def place_postcodes(text: str, found: Sequence[Detection]) -> list[Detection]:
    """Postcodes written beside a place: "10115 Berlin", "SE-114 55 Stockholm", "Wien 1010", "Sydney NSW 2000",
    "Springfield, IL 62704". A four-digit number after a place that reads as a year (1900-2099) counts only after
    a state's abbreviation."""
    from gateway.pii.lexicon import is_place

    codes: list[Detection] = []
    for d in found:
        if d.entity_type != entities.LOCATION and not (d.entity_type in _PLACE_LIKE and is_place(text[d.start:d.end])):
            continue
        before = _CODE_BEFORE.search(text, max(0, d.start - 16), d.start)
        if before is not None:
            code = before.group().rstrip()
            codes.append(Detection(entities.POSTAL_CODE, before.start(), before.start() + len(code), _SCORE))
        after = _CODE_AFTER.match(text, d.end)
        if after is not None:
            value = after.group("code")
            if after.group("state") or not (len(value) == 4 and 1900 <= int(value) <= 2099):
                codes.append(Detection(entities.POSTAL_CODE, *after.span("code"), _SCORE))
    return codes


_PLACE_LIKE = {entities.ORGANIZATION, entities.PERSON}

__all__ = ["place_postcodes", "postal_blocks"]
