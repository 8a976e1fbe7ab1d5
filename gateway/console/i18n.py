"""Languages of the console: English and Simplified Chinese, chosen by the persisted switch, else Accept-Language.

Every string a page shows comes from ``messages.CATALOG`` (a test checks that each key the templates use exists in
both languages). Times are rendered server-side in UTC in the language's own date format and marked up as
``<time datetime=…>``; the console's script rewrites them into the browser's time zone with ``Intl``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from markupsafe import Markup

from gateway.console.messages import CATALOG

LOCALES = ("en", "zh")
DEFAULT = "en"
HTML_LANG = {"en": "en", "zh": "zh-CN"}


def negotiate(accept_language: str | None) -> str:
    """The best of our locales for an ``Accept-Language`` header (q-values honoured), else English."""
    best, best_q = DEFAULT, -1.0
    for position, part in enumerate((accept_language or "").split(",")[:32]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LOCALES and q > best_q and q > 0:
            best, best_q = primary, q - position * 1e-6  # equal q: the earlier tag wins
    return best


def choose(*, session_locale: str | None, cookie: str | None, accept_language: str | None) -> str:
    for candidate in (session_locale, cookie):
        if candidate in LOCALES:
            return str(candidate)
    return negotiate(accept_language)


class Translator:
    """``t(key, **values)`` for one locale; a key missing in Chinese falls back to English, never to nothing."""

    def __init__(self, locale: str) -> None:
        self.locale = locale if locale in LOCALES else DEFAULT
        self._table = CATALOG[self.locale]

    def __call__(self, message: str, /, **values: Any) -> str:
        text = self._table.get(message) or CATALOG[DEFAULT].get(message)
        if text is None:
            raise KeyError(f"no console message {message!r}")
        return text.format(**values) if values else text

    def when(self, moment: datetime | str | None) -> Markup:
        """A ``<time>`` element: the moment in UTC, written the way this locale writes dates."""
        if moment is None:
            return Markup("—")
        if isinstance(moment, str):
            try:
                moment = datetime.fromisoformat(moment)
            except ValueError:
                return Markup("{}").format(moment)
        moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
        if self.locale == "zh":
            shown = f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M:%S} UTC"
        else:
            shown = f"{moment:%d %b %Y, %H:%M:%S} UTC"
        return Markup('<time datetime="{}">{}</time>').format(moment.isoformat(), shown)

    def number(self, value: float | int | None, digits: int = 0) -> str:
        if value is None:
            return "—"
        return f"{value:,.{digits}f}"
