"""Turning files, uploads, JSON bodies and JSONL lines into SourceDocuments, rejecting bad ones by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from gateway.errors import InvalidInput, PayloadTooLarge, without_input
from gateway.kb import formats
from gateway.kb.documents import MAX_TITLE_CHARS, Block, IngestOutcome, SourceDocument
from gateway.kb.validity import Window, window
from gateway.policy.schema import Classification

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
"""File suffixes ingestion understands (``.jsonl`` is read record by record, see ``read_jsonl``)."""


class JsonlRecord(msgspec.Struct, forbid_unknown_fields=True):
    """One line of a bulk JSONL file."""

    text: str
    title: str = ""
    metadata: dict[str, Any] = {}
    collection: str | None = None
    classification: str | None = None
    id: str | None = None
    """Stable source id; re-ingesting a record with the same id (or title) makes a new version of it."""
    valid_from: str | None = None
    valid_until: str | None = None
    """ISO 8601 dates or times: the record is served only inside this window (``gateway.kb.validity``)."""


def classification(name: str | Classification, *, where: str = "classification") -> Classification:
    if isinstance(name, Classification):
        return name
    try:
        return Classification[name]
    except KeyError:
        raise InvalidInput(f"{where}: must be one of {[c.name for c in Classification]}", param="classification") \
            from None


def parse_document(
    data: bytes, *, label: str, filename: str, source: str, collection: str | None, level: Classification | None,
    max_bytes: int, title: str | None = None, metadata: dict[str, Any] | None = None,
    valid_from: str | None = None, valid_until: str | None = None,
) -> SourceDocument:
    """Parse one file's bytes by its suffix; raises InvalidInput/PayloadTooLarge naming ``label``.

    A Markdown file's front matter (see ``formats.split_front_matter``) supplies what the caller did not: ``title``,
    ``source_id`` (the identity across re-ingests), ``collection``, ``classification``, ``valid_from`` and
    ``valid_until``; every other key (and
    ``source_id``) goes into the document's metadata. A collection or classification the caller gave and the front
    matter contradicts is refused rather than silently chosen, so a file cannot file itself elsewhere."""
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"{label}: {len(data)} bytes exceeds the limit of {max_bytes} (kb.max_document_bytes)")
    kind = FORMATS.get(Path(filename).suffix.lower())
    if kind is None:
        raise InvalidInput(f"{label}: unsupported file type; supported: {sorted(FORMATS)} and .jsonl")
    found_title = ""
    front: dict[str, Any] = {}
    if kind == "text":
        blocks = formats.read_text(data, label)
    elif kind == "markdown":
        front, body = formats.split_front_matter(data, label)
        blocks = formats.read_markdown(body, label)
    elif kind == "html":
        found_title, blocks = formats.read_html(data, label)
    elif kind == "pdf":
        found_title, blocks = formats.read_pdf(data, label)
    else:
        found_title, blocks = formats.read_docx(data, label)
    collection = _agreeing(label, "collection", collection, front.pop("collection", None))
    chosen = _agreeing(label, "classification", level.name if level is not None else None,
                       front.pop("classification", None))
    if chosen is None:
        raise InvalidInput(f"{label}: no classification (give one, or a 'classification' in the front matter)",
                           param="classification")
    starts = _agreeing(label, "valid_from", valid_from, front.pop("valid_from", None))
    ends = _agreeing(label, "valid_until", valid_until, front.pop("valid_until", None))
    front_title = front.pop("title", None)
    if front.get("source_id") is not None:
        source = str(front["source_id"])
    first_heading = next((b.text for b in blocks if b.kind == "heading"), "")
    # A title found in the file (front matter, metadata, first heading, file name) is cut to fit; one the caller
    # gave is checked.
    found = (str(front_title) if front_title else "") or found_title or first_heading or Path(filename).stem
    title = title or found.strip()[:MAX_TITLE_CHARS]
    return build_document(label=label, source=source, title=title, blocks=blocks, collection=collection or "",
                          level=classification(chosen, where=label), metadata={**front, **(metadata or {})},
                          validity=window(starts, ends, label=label))


def _agreeing(label: str, key: str, given: str | None, front: object) -> str | None:
    """The caller's value or the front matter's; both given and different is an error naming neither value."""
    if front is not None and not isinstance(front, str):
        raise InvalidInput(f"{label}: front matter {key!r} must be a text", param=key)
    if given is not None and front is not None and given != front:
        raise InvalidInput(f"{label}: the front matter names another {key} than the one given", param=key)
    return given if given is not None else front


def build_document(
    *, label: str, source: str, title: str, blocks: list[Block], collection: str, level: Classification,
    metadata: dict[str, Any] | None, validity: Window | None = None,
) -> SourceDocument:
    if not collection:
        raise InvalidInput(f"{label}: no collection given", param="collection")
    if not any(b.kind == "paragraph" and b.text.strip() for b in blocks):
        raise InvalidInput(f"{label}: the document contains no text")
    if len(title.strip()) > MAX_TITLE_CHARS:
        raise InvalidInput(f"{label}: the title is longer than {MAX_TITLE_CHARS} characters", param="title")
    check_metadata(metadata, label)
    validity = validity or Window()
    return SourceDocument(label=label, source=source, title=title.strip(), blocks=tuple(blocks),
                          collection=collection, classification=level, metadata=dict(metadata or {}),
                          valid_from=validity.valid_from, valid_until=validity.valid_until)


METADATA_MAX_DEPTH = 8
METADATA_MAX_ITEMS = 256


def check_metadata(metadata: dict[str, Any] | None, label: str) -> None:
    """Metadata is a few facts about a document: at most ``METADATA_MAX_DEPTH`` levels of nesting and
    ``METADATA_MAX_ITEMS`` values in all (deeper structures used to end in a RecursionError, a 500)."""
    budget = [METADATA_MAX_ITEMS]

    def walk(value: Any, depth: int) -> None:
        if depth > METADATA_MAX_DEPTH:
            raise InvalidInput(f"{label}: metadata is nested more than {METADATA_MAX_DEPTH} levels deep",
                               param="metadata")
        budget[0] -= 1
        if budget[0] < 0:
            raise InvalidInput(f"{label}: metadata holds more than {METADATA_MAX_ITEMS} values", param="metadata")
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        for child in children:
            walk(child, depth + 1)

    walk(metadata or {}, 0)


def read_file(path: Path, *, collection: str | None, level: Classification | None, max_bytes: int) -> SourceDocument:
    label = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PayloadTooLarge(f"{label}: {size} bytes exceeds the limit of {max_bytes} (kb.max_document_bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{label}: cannot read file ({exc.strerror})") from None
    return parse_document(data, label=label, filename=path.name, source=str(path.resolve()), collection=collection,
                          level=level, max_bytes=max_bytes)


def text_document(
    text: str, *, title: str, collection: str, level: Classification, metadata: dict[str, Any] | None,
    source: str | None, label: str, max_bytes: int, valid_from: str | None = None, valid_until: str | None = None,
) -> SourceDocument:
    """A document given as plain text (JSON API body, JSONL record): paragraphs at blank lines, Markdown headings;
    served only between ``valid_from`` and ``valid_until`` (ISO 8601) when given."""
    data = text.encode("utf-8")
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"{label}: {len(data)} bytes exceeds the limit of {max_bytes} (kb.max_document_bytes)")
    blocks = formats.read_markdown(data, label)
    validity = window(valid_from, valid_until, label=label)
    return build_document(label=label, source=source or title or label, title=title, blocks=blocks,
                          collection=collection, level=level, metadata=metadata, validity=validity)


def read_jsonl(
    path: Path, *, collection: str | None, level: Classification | None, max_bytes: int,
    on_bytes: Callable[[int], object] | None = None,
) -> Iterator[SourceDocument | IngestOutcome]:
    """Stream a JSONL file: a SourceDocument per good line, a rejected IngestOutcome per bad one (the rest goes on).

    ``on_bytes(n)`` is called with each line's size, for a progress bar."""
    decoder = msgspec.json.Decoder(JsonlRecord)
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if on_bytes is not None:
                on_bytes(len(line))
            if not line.strip():
                continue
            label = f"{path.name} line {number}"
            try:
                if len(line) > max_bytes:
                    raise PayloadTooLarge(f"{label}: the record exceeds {max_bytes} bytes (kb.max_document_bytes)")
                record = _decode(decoder, line, label)
                record_collection = record.collection or collection
                if not record_collection:
                    raise InvalidInput(f"{label}: no collection (give --collection or a 'collection' field)")
                if record.classification is None and level is None:
                    raise InvalidInput(f"{label}: no classification (give --classification or a field)")
                record_level = (classification(record.classification, where=label) if record.classification
                                else level)
                assert record_level is not None
                yield text_document(record.text, title=record.title, collection=record_collection, level=record_level,
                                    metadata=record.metadata, source=record.id or record.title or f"line {number}",
                                    label=label, max_bytes=max_bytes, valid_from=record.valid_from,
                                    valid_until=record.valid_until)
            except (InvalidInput, PayloadTooLarge) as exc:
                yield IngestOutcome(label=label, status="rejected", error=exc.message)


def _decode(decoder: msgspec.json.Decoder[JsonlRecord], line: bytes, label: str) -> JsonlRecord:
    try:
        return decoder.decode(line)
    except msgspec.ValidationError as exc:
        raise InvalidInput(f"{label}: invalid record: {without_input(str(exc))}") from None
    except msgspec.DecodeError:
        raise InvalidInput(f"{label}: not valid JSON") from None
    except RecursionError:
        raise InvalidInput(f"{label}: the record is nested too deeply") from None


def read_paths(
    paths: Sequence[Path], *, collection: str | None, level: Classification | None, max_bytes: int,
    on_bytes: Callable[[int], object] | None = None,
) -> Iterator[SourceDocument | IngestOutcome]:
    """Documents from files and JSONL files, in order; an unreadable or invalid one becomes a rejected outcome
    naming it, and the rest goes on."""
    for path in paths:
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path, collection=collection, level=level, max_bytes=max_bytes, on_bytes=on_bytes)
            continue
        try:
            yield read_file(path, collection=collection, level=level, max_bytes=max_bytes)
        except (InvalidInput, PayloadTooLarge) as exc:
            yield IngestOutcome(path.name, "rejected", error=exc.message)
        finally:
            if on_bytes is not None:
                on_bytes(path.stat().st_size)
