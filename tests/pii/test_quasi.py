"""Quasi-identifiers (employers, job titles, ages, dates, nationalities): found for policies that mask them all."""

from __future__ import annotations

import pytest

from gateway.paths import PROJECT_ROOT
from gateway.pii.detector import PiiDetector
from gateway.policy.pii_rules import pii_rules_for
from gateway.policy.policy_set import load_policy_set

MASK_ALL = pii_rules_for(load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml"), ["admin"])


def found(detector: PiiDetector, text: str, entity_type: str) -> list[str]:
    return [text[d.start:d.end] for d in detector.detect(text, None, MASK_ALL) if d.entity_type == entity_type]


@pytest.mark.parametrize(
    ("text", "job"),
    [
        ("Matthew is a thirty-four-year-old waiter who smokes 10/day.", "waiter"),
        ("I saw this 77-year-old taxi driver in clinic today.", "taxi driver"),
        ("Ms Kuhl is joining us as barrister's clerk on 30/08/2023.", "barrister's clerk"),
        ("Reviewed by Dr A. Singh, FY2, on the ward.", "FY2"),
    ],
)
def test_an_occupation_where_a_history_or_a_signature_puts_it(detector: PiiDetector, text: str, job: str) -> None:
    assert job in found(detector, text, "JOB_TITLE")


@pytest.mark.parametrize(
    "text",
    ["A 45-year-old British woman who smokes.", "a 3-year-old boy with fever", "an 80-year-old patient from Leeds"],
)
def test_who_a_patient_is_is_not_an_occupation(detector: PiiDetector, text: str) -> None:
    assert found(detector, text, "JOB_TITLE") == []
