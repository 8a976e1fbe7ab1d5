"""Logging set-up. The gateway logs events, names and counts; never request or document text."""

from __future__ import annotations

import logging


class AccessLogWithoutQuery(logging.Filter):
    """Drops the query string from uvicorn's access lines: audit filters (``?user=…``) and search parameters may
    name a person, and the access log is read by more people than the audit trail."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Third-party loggers that might echo request content at debug level stay at WARNING.
    for noisy in ("presidio-analyzer", "presidio-anonymizer", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("uvicorn.access").addFilter(AccessLogWithoutQuery())
