"""The generation keys a policy may set for grounded answers: templates, json binding, refusals without sources."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from gateway.policy.schema import PolicySetDecl

JSON_FORMAT = {"type": "object", "properties": {"basis": {"type": "array", "items": {"type": "string"}},
                                                "explanation": {"type": "string"}}}
JSON_TEMPLATE = {"format": "json", "sections": [{"name": "basis", "fill": "sources"},
                                                {"name": "explanation", "fill": "model"}]}


def policy(generation: dict[str, Any], knowledge: dict[str, Any] | None = None) -> dict[str, Any]:
    role: dict[str, Any] = {"permissions": ["chat"], "generation": generation}
    if knowledge is not None:
        role["knowledge"] = knowledge
    return {"schema_version": 1, "name": "t", "collections": {"docs": {}}, "roles": {"desk": role}}


def test_a_json_template_binds_properties_of_its_answer_format() -> None:
    decl = PolicySetDecl.model_validate(policy({"answer_format": JSON_FORMAT, "answer_template": JSON_TEMPLATE}))
    template = decl.roles["desk"].generation.answer_template
    assert template is not None and template.format == "json"


@pytest.mark.parametrize(("generation", "message"), [
    ({"answer_template": JSON_TEMPLATE}, "needs answer_format"),
    ({"answer_format": JSON_FORMAT, "answer_template": {**JSON_TEMPLATE, "sections": [
        {"name": "basis", "fill": "sources"}, {"name": "summary", "fill": "model"}]}}, "'summary' is not a property"),
    ({"answer_format": {"type": "object", "properties": {"basis": {"type": "string"}, "explanation": {}}},
      "answer_template": JSON_TEMPLATE}, "its property must be an array"),
    ({"answer_format": JSON_FORMAT, "answer_template": {"sections": [{"name": "a", "fill": "model", "heading": "A"}]}},
     "cannot be combined with answer_format"),
    ({"on_no_sources": "never"}, "on_no_sources"),
    ({"answer_template": {"sections": [{"name": "a", "fill": "model", "heading": "A", "colour": "red"}]}},
     "Extra inputs are not permitted"),
])
def test_inconsistent_generation_settings_are_refused(generation: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PolicySetDecl.model_validate(policy(generation, {"collections": ["docs"]}))


def test_refusing_without_sources_needs_knowledge_access() -> None:
    with pytest.raises(ValidationError, match=r"refuse needs knowledge\.collections"):
        PolicySetDecl.model_validate(policy({"on_no_sources": "refuse"}))
    decl = PolicySetDecl.model_validate(policy({"on_no_sources": "refuse"}, {"collections": ["docs"]}))
    assert decl.roles["desk"].generation.no_sources_message
