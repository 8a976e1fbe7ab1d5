"""Corpus formats: detect one from the first record, find a record's strings, write it back in the same shape.

Only string contents change; keys, order and nesting stay as they were. A record with nothing to mask is written
back byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from gateway.corpus.errors import BadRecord, CorpusError

Format = Literal["openai", "sharegpt", "alpaca", "text", "csv"]
FORMATS: tuple[str, ...] = ("openai", "sharegpt", "alpaca", "text", "csv")

# A slot reads one string of a parsed record and writes its masked form back.
Slot = tuple[Any, Any]


def detect_format(first_line: bytes, filename: str, columns: tuple[str, ...] | None) -> Format:
    """The format of a corpus from its first record: CSV by name or ``--columns``, JSON by its keys, else text."""
    if columns or filename.lower().endswith(".csv"):
        return "csv"
    try:
        obj = json.loads(first_line)
    except (ValueError, UnicodeDecodeError):
        return "text"
    if isinstance(obj, dict):
        if "messages" in obj:
            return "openai"
        if "conversations" in obj:
            return "sharegpt"
        if "instruction" in obj:
            return "alpaca"
    raise CorpusError("the first record is JSON but neither chat nor Alpaca; name the format with --format")


# Keys whose values are vocabulary of the format, not text anyone wrote: never masked.
_STRUCTURAL = frozenset({"role", "from", "type", "tool_call_id", "finish_reason", "model", "lang", "language",
                         "format", "mime_type", "media_type", "detail", "parameters", "strict"})


def _json_slots(fmt: Format, obj: Any) -> list[Slot]:
    """Every string of the record that people wrote: the format's text fields first (checked for its shape), then
    every other string leaf — a message's ``name``, tool-call arguments, ShareGPT's and Alpaca's ``system``, Alpaca's
    ``history``, top-level metadata — except format vocabulary (``role``, ``type`` …) and tool and function names."""
    slots = _text_slots(fmt, obj)
    seen = {(id(container), key) for container, key in slots}
    for container, key in _string_leaves(obj):
        if (id(container), key) not in seen:
            slots.append((container, key))
    return slots


def _string_leaves(node: Any, parent_key: str | None = None) -> list[Slot]:
    found: list[Slot] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _STRUCTURAL or (key == "name" and parent_key in ("function", "tools", "tool")):
                continue
            if isinstance(value, str):
                found.append((node, key))
            else:
                found.extend(_string_leaves(value, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, str):
                found.append((node, index))
            else:
                found.extend(_string_leaves(value, parent_key))
    return found


def _text_slots(fmt: Format, obj: Any) -> list[Slot]:
    if not isinstance(obj, dict):
        raise BadRecord("record is not a JSON object")
    slots: list[Slot] = []
    if fmt == "alpaca":
        for key in ("instruction", "output"):
            if not isinstance(obj.get(key), str):
                raise BadRecord(f"missing or non-string field {key!r}")
        return [(obj, k) for k in ("instruction", "input", "output") if isinstance(obj.get(k), str)]
    key, text_key = ("messages", "content") if fmt == "openai" else ("conversations", "value")
    turns = obj.get(key)
    if not isinstance(turns, list) or not turns:
        raise BadRecord(f"missing or empty {key!r} list")
    for turn in turns:
        if not isinstance(turn, dict) or text_key not in turn:
            raise BadRecord(f"a turn without {text_key!r}")
        content = turn[text_key]
        if isinstance(content, str):
            slots.append((turn, text_key))
        elif fmt == "openai" and isinstance(content, list):  # multi-part content: mask the text parts
            slots.extend(
                (part, "text") for part in content if isinstance(part, dict) and isinstance(part.get("text"), str)
            )
        elif content is not None:
            raise BadRecord(f"{text_key!r} is neither a string nor a list of parts")
    return slots


class RecordCodec:
    """Parses one raw record of a format into string slots and serialises it back."""

    def __init__(self, fmt: Format, header: list[str] | None = None, columns: tuple[str, ...] | None = None) -> None:
        self.fmt = fmt
        self.header = header
        self._mask_columns: list[int] = []
        if fmt == "csv":
            if header is None:
                raise CorpusError("a CSV corpus needs a header line")
            wanted = columns or tuple(header)
            unknown = [c for c in wanted if c not in header]
            if unknown:
                raise CorpusError(f"--columns: not in the CSV header: {', '.join(unknown)}")
            self._mask_columns = [header.index(c) for c in wanted]

    def parse(self, text: str) -> tuple[Any, list[Slot]]:
        """The parsed record and its string slots; :class:`BadRecord` when it does not fit the format."""
        if self.fmt == "text":
            box = [text]
            return box, [(box, 0)]
        if self.fmt == "csv":
            rows = list(csv.reader(io.StringIO(text)))
            if len(rows) != 1:
                raise BadRecord("not exactly one CSV row")
            row = rows[0]
            if self.header is not None and len(row) != len(self.header):
                raise BadRecord(f"{len(row)} fields where the header has {len(self.header)}")
            return row, [(row, i) for i in self._mask_columns]
        try:
            obj = json.loads(text)
        except ValueError as exc:
            raise BadRecord(f"invalid JSON (column {getattr(exc, 'colno', '?')})") from None
        return obj, _json_slots(self.fmt, obj)

    def dump(self, record: Any) -> str:
        """The record serialised without its line terminator."""
        if self.fmt == "text":
            return str(record[0])
        if self.fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="").writerow(record)
            return buffer.getvalue()
        return json.dumps(record, ensure_ascii=False)


def canary_record(
    fmt: Format, header: list[str] | None, columns: tuple[str, ...] | None, question: str, answer: str
) -> str:
    """A record of the corpus's own format carrying a canary sentence (``question`` then ``answer``)."""
    if fmt == "openai":
        obj: Any = {"messages": [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]}
    elif fmt == "sharegpt":
        obj = {"conversations": [{"from": "human", "value": question}, {"from": "gpt", "value": answer}]}
    elif fmt == "alpaca":
        obj = {"instruction": question, "input": "", "output": answer}
    elif fmt == "text":
        return f"{question} {answer}"
    else:
        assert header is not None
        row = [""] * len(header)
        targets = [header.index(c) for c in (columns or tuple(header))]
        row[targets[0]] = f"{question} {answer}"
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(row)
        return buffer.getvalue()
    return json.dumps(obj, ensure_ascii=False)


def split_terminator(raw: bytes) -> tuple[bytes, bytes]:
    """A raw line and its terminator (``\\r\\n``, ``\\n`` or none), so output keeps the input's line endings."""
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], b"\n"
    return raw, b""


def csv_row_complete(raw: bytes) -> bool:
    """Whether the lines gathered so far close every quoted CSV field (RFC 4180 quotes come in pairs)."""
    return raw.count(b'"') % 2 == 0
