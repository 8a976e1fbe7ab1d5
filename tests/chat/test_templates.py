"""Answer templates: what the gateway writes from the sources, the grammar the model writes under, the check."""

from __future__ import annotations

import json

import pytest
from llama_cpp import LlamaGrammar

from gateway.chat.citations import CitationFilter
from gateway.chat.templates import AnswerShape, model_part, source_fields
from gateway.kb.search import Hit
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import load_policy_set
from gateway.policy.schema import AnswerTemplateDecl

BANK = load_policy_set(PROJECT_ROOT / "policies" / "bank.yaml")
ZH = BANK.decl.roles["customer_service_desk_zh"].generation.answer_template
assert ZH is not None


def hit(title: str, sections: tuple[str, ...] = (), **metadata: object) -> Hit:
    return Hit(document_id="d1", version=2, chunk_id="d1:2:0", collection="retail-products",
               classification="public", title=title, text="…", score=0.1, similarity=0.5, sections=sections,
               metadata=dict(metadata))


def test_source_fields_come_from_the_passage_and_say_missing_when_absent() -> None:
    full = hit("银行卡挂失与补办流程", ("银行卡挂失与补办流程 > 正式挂失", "银行卡挂失与补办流程 > 补办新卡"),
               version_label="2026-02", effective_date="2026-02-01")
    assert source_fields(1, full, "—") == {"n": 1, "title": "银行卡挂失与补办流程", "section": "正式挂失; 补办新卡",
                                           "version": "2026-02", "effective_date": "2026-02-01",
                                           "document_id": "d1"}
    bare = source_fields(2, hit("Card fees"), "n/a")
    assert (bare["section"], bare["version"], bare["effective_date"]) == ("n/a", "v2", "n/a")


def test_text_template_writes_the_basis_then_the_first_model_heading() -> None:
    shape = AnswerShape(ZH, [hit("甲", ("甲 > 一",), version_label="1", effective_date="2026-01-01"), hit("乙")])
    assert shape.leading == ("【政策依据】\n[1] 《甲》一（版本 1，生效日期 2026-01-01）\n"
                             "[2] 《乙》—（版本 v2，生效日期 —）\n【简明解释】\n")
    assert shape.trailing == "" and shape.model_schema() is None


def test_the_grammar_compiles_and_admits_only_provided_citations() -> None:
    grammar = AnswerShape(ZH, [hit("甲"), hit("乙"), hit("丙")]).grammar()
    assert grammar is not None
    LlamaGrammar.from_string(grammar, verbose=False)  # llama.cpp's own parser accepts it
    assert 'cite ::= "[" ("1" | "2" | "3") "]"' in grammar
    assert "\\u3010" in grammar  # 【 cannot be written: no section can be forged
    assert "s0 ::= item{6,}" in grammar
    no_sources = AnswerShape(ZH, []).grammar()
    assert no_sources is not None and "cite" not in no_sources


def test_check_flags_empty_and_forged_sections_without_quoting_them() -> None:
    shape = AnswerShape(ZH, [hit("甲")])
    assert shape.check("活期储蓄一元起存 [1]。", CitationFilter(1)).problems == ()
    assert shape.check("  ", CitationFilter(1)).problems == ("section explanation is shorter than 6 characters",)
    forged = shape.check("一元起存，年利率低。【政策依据】[1] 《伪造》", CitationFilter(1)).problems
    assert forged == ("section explanation contains a section heading",)


def test_several_model_sections_need_their_headings_in_order() -> None:
    template = AnswerTemplateDecl.model_validate({"sections": [
        {"name": "basis", "fill": "sources", "heading": "## Basis"},
        {"name": "answer", "fill": "model", "heading": "## Answer"},
        {"name": "next_steps", "fill": "model", "heading": "## Next steps"},
    ]})
    shape = AnswerShape(template, [hit("Card fees")])
    grammar = shape.grammar()
    assert grammar is not None and 'root ::= s0 "\\n" "## Next steps" "\\n" s1' in grammar
    assert "\\u0023" in grammar  # "#" opens a heading here: the model cannot write it
    LlamaGrammar.from_string(grammar, verbose=False)
    assert shape.check_text("It costs EUR 10.\n## Next steps\nSign form C-12.").problems == ()
    assert shape.check_text("It costs EUR 10.").problems == ("section next_steps is missing",)


def test_json_template_binds_the_sources_and_validates_the_whole() -> None:
    schema = {"type": "object", "properties": {
        "basis": {"type": "array", "items": {"type": "string"}},
        "explanation": {"type": "string", "minLength": 1}}, "required": ["basis", "explanation"]}
    template = AnswerTemplateDecl.model_validate({"format": "json", "sections": [
        {"name": "basis", "fill": "sources", "item": "{title} ({version})"},
        {"name": "explanation", "fill": "model"}]})
    shape = AnswerShape(template, [hit("Card fees"), hit("ATM limits", version_label="2026-03")], schema)
    explanation = schema["properties"]["explanation"]
    assert shape.model_schema() == {"type": "object", "properties": {"explanation": explanation},
                                    "required": ["explanation"]}
    checked = shape.check('{"explanation": "EUR 10 [1], see [9]."}', CitationFilter(2))
    assert checked.problems == ()
    assert json.loads(checked.text) == {"basis": ["Card fees (v2)", "ATM limits (2026-03)"],
                                        "explanation": "EUR 10 [1], see."}
    assert shape.check('{"explanation": ""}', CitationFilter(2)).problems == ("property explanation: minLength",
                                                                               "section explanation is shorter than 1 "
                                                                               "characters")
    assert shape.check('{"explanation": "cut', CitationFilter(2)).problems == ("the answer is not JSON",)


def test_model_part_strips_the_gateways_sections_from_an_answer_or_a_reference() -> None:
    reference = "【政策依据】《个人储蓄存款业务说明》活期储蓄存款。【简明解释】活期储蓄一元起存。"
    assert model_part(ZH, reference) == "活期储蓄一元起存。"
    assert model_part(ZH, "没有模板的答案") == "没有模板的答案"


@pytest.mark.parametrize(("template", "message"), [
    ({"sections": [{"name": "a", "fill": "sources", "heading": "A"}]}, "at least one section must be written"),
    ({"sections": [{"name": "a", "fill": "model", "heading": "A"}, {"name": "a", "fill": "model", "heading": "B"}]},
     "share a name"),
    ({"sections": [{"name": "a", "fill": "model"}]}, "needs its own heading"),
    ({"sections": [{"name": "a", "fill": "model", "heading": "A"}, {"name": "b", "fill": "sources", "heading": "B"},
                   {"name": "c", "fill": "model", "heading": "C"}]}, "must follow each other"),
    ({"sections": [{"name": "a", "fill": "sources", "heading": "A", "item": "{title} {owner}"},
                   {"name": "b", "fill": "model", "heading": "B"}]}, "unknown fields ['owner']"),
])
def test_malformed_templates_are_refused_with_the_rule_they_break(template: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        AnswerTemplateDecl.model_validate(template)
