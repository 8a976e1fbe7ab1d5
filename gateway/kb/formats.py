"""Format readers: bytes of one file to headings and paragraphs. Every problem raises InvalidInput naming the file,
never quoting its content (documents may hold personal data)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree

import yaml

from gateway.errors import InvalidInput
from gateway.kb.documents import Block

_BLANK_LINES = re.compile(r"\n\s*\n")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_META_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_XML_BYTES = 64 * 1024 * 1024


def _paragraphs(text: str) -> list[Block]:
    return [Block("paragraph", " ".join(p.split())) for p in _BLANK_LINES.split(text) if p.strip()]


def decode_text(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{label}: not valid UTF-8 text") from None


def read_text(data: bytes, label: str) -> list[Block]:
    return _paragraphs(decode_text(data, label))


def split_front_matter(data: bytes, label: str) -> tuple[dict[str, Any], bytes]:
    """A Markdown file's YAML front matter (``---`` … ``---`` at the very top) and the rest of the file.

    Values must be scalars (dates become ISO strings) or lists of scalars; anything else is refused by key name,
    never by value. A file without front matter gives ``{}`` and its bytes unchanged."""
    text = decode_text(data, label)
    found = _FRONT_MATTER.match(text)
    if found is None:
        return {}, data
    try:
        raw = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        raise InvalidInput(f"{label}: the front matter is not valid YAML") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise InvalidInput(f"{label}: the front matter must be a mapping of keys to values")
    meta: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not _META_KEY.match(key):
            raise InvalidInput(f"{label}: front matter keys must be identifiers")
        meta[key] = _scalar(value, label, key)
    return meta, text[found.end():].encode("utf-8")


def _scalar(value: Any, label: str, key: str) -> Any:
    if isinstance(value, list) and not any(isinstance(item, list | dict) for item in value):
        return [_scalar(item, label, key) for item in value]
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise InvalidInput(f"{label}: front matter key {key!r} must be a text, a number, a date or a list of them")


def read_markdown(data: bytes, label: str) -> list[Block]:
    """ATX headings become heading blocks; fenced code is kept as one paragraph."""
    blocks: list[Block] = []
    buffer: list[str] = []
    in_fence = False

    def flush() -> None:
        if buffer:
            blocks.extend(_paragraphs("\n".join(buffer)) if not in_fence else [Block("paragraph", "\n".join(buffer))])
            buffer.clear()

    for line in decode_text(data, label).splitlines():
        if line.lstrip().startswith("```"):
            flush()
            in_fence = not in_fence
            continue
        heading = None if in_fence else _MD_HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), len(heading.group(1))))
        else:
            buffer.append(line)
    flush()
    return blocks


class _HtmlBlocks(HTMLParser):
    _BLOCK_TAGS = frozenset({"p", "div", "li", "tr", "td", "th", "pre", "blockquote", "section", "article", "br",
                             "dd", "dt", "table", "ul", "ol", "caption"})
    _SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._text: list[str] = []
        self._skip = 0
        self._heading = 0
        self._in_title = False

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text.clear()
        if text:
            self.blocks.append(Block("heading", text, self._heading) if self._heading else Block("paragraph", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = int(tag[1])
        elif tag in self._BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = 0
        elif tag in self._BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title and not self._skip:
            self.title += data
        elif not self._skip:
            self._text.append(data)


def read_html(data: bytes, label: str) -> tuple[str, list[Block]]:
    parser = _HtmlBlocks()
    parser.feed(decode_text(data, label))
    parser.close()
    parser._flush()
    return " ".join(parser.title.split()), parser.blocks


def read_pdf(data: bytes, label: str) -> tuple[str, list[Block]]:
    """Text of each page, split into paragraphs; encrypted PDFs are refused rather than guessed at."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InvalidInput(f"{label}: the PDF is password-protected or encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(reader.metadata.get("/Title") or "") if reader.metadata else ""
    except InvalidInput:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError, RecursionError) as exc:
        raise InvalidInput(f"{label}: not a readable PDF ({type(exc).__name__})") from None
    blocks: list[Block] = []
    for page in pages:
        blocks.extend(_paragraphs(page.replace("\r", "")) if _BLANK_LINES.search(page) else _lines(page))
    return title, blocks


def _lines(page: str) -> list[Block]:
    """PDF text often has no blank lines: group lines into paragraphs at sentence ends."""
    blocks: list[Block] = []
    current: list[str] = []
    for line in page.splitlines():
        if line.strip():
            current.append(line.strip())
            if line.rstrip().endswith((".", ":", "。", "?", "!")):
                blocks.append(Block("paragraph", " ".join(current)))
                current = []
    if current:
        blocks.append(Block("paragraph", " ".join(current)))
    return blocks


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, label: str) -> tuple[str, list[Block]]:
    """Paragraphs of ``word/document.xml``; ``Heading N`` / ``Title`` styles become headings."""
    if data.startswith(_OLE_MAGIC):
        raise InvalidInput(f"{label}: the document is password-protected or in the legacy .doc format")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_XML_BYTES:
                raise InvalidInput(f"{label}: the document body is too large")
            root = ElementTree.fromstring(archive.read(info))
    except InvalidInput:
        raise
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError) as exc:
        raise InvalidInput(f"{label}: not a readable DOCX file ({type(exc).__name__})") from None
    blocks: list[Block] = []
    title = ""
    for para in root.iter(f"{_W}p"):
        text = " ".join("".join(t.text or "" for t in para.iter(f"{_W}t")).split())
        if not text:
            continue
        style_el = para.find(f"{_W}pPr/{_W}pStyle")
        style = (style_el.get(f"{_W}val") or "") if style_el is not None else ""
        level = re.fullmatch(r"(?i)heading ?(\d)", style)
        if style.lower() == "title":
            title = title or text
            blocks.append(Block("heading", text, 1))
        elif level:
            blocks.append(Block("heading", text, int(level.group(1))))
        else:
            blocks.append(Block("paragraph", text))
    return title, blocks
