"""Logging set-up. The gateway logs events, names and counts; never request or document text."""

from __future__ import annotations

import logging


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Third-party loggers that might echo request content at debug level stay at WARNING.
    for noisy in ("presidio-analyzer", "presidio-anonymizer", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
