from __future__ import annotations

import pytest

from gateway.pii.detector import PiiDetector
from gateway.pii.masker import Masker

PSEUDONYM_KEY = b"test-pseudonym-key-32-bytes-long"


@pytest.fixture(scope="session")
def detector() -> PiiDetector:
    return PiiDetector.create()


@pytest.fixture(scope="session")
def masker(detector: PiiDetector) -> Masker:
    return Masker(detector, PSEUDONYM_KEY)
