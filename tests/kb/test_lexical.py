"""The blind index normalises terms, stems English words, keeps legal references whole (Chinese article numbers
too), keys references named in headings apart, and stores no plain words."""

from __future__ import annotations

import pytest

from gateway.kb.lexical import BlindIndex, asked_definitions, chinese_numeral, definitions, references, terms


@pytest.mark.parametrize(("text", "expected"), [
    ("Art. 5(1) GDPR", ["art:5(1)", "art", "~art", "5(1)", "5", "1", "gdpr", "~gdpr"]),
    ("ARTICLE 5(1)", ["art:5(1)", "article", "~articl", "5(1)", "5", "1"]),
    ("§ 12 KWG", ["sec:12", "12", "kwg", "~kwg"]),
    ("ＡＢＣ　Bank", ["abc", "~abc", "bank", "~bank"]),
    ("AML-2024/17 applies", ["aml-2024/17", "aml", "~aml", "2024", "17", "applies", "~appli"]),
    ("客户身份", ["客户", "户身", "身份", "~客", "~户", "~身", "~份"]),
    ("卡", ["卡"]),
    ("the of and", []),
])
def test_terms(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


def test_blind_tokens_hide_words_and_match_across_spellings() -> None:
    index = BlindIndex(b"k" * 32)
    blinded = index.blind("Article 5(1) of the Payment Regulation")
    assert "payment" not in blinded.lower() and "5(1)" not in blinded
    assert index.token("art:5(1)") in blinded.split()
    assert index.blind_query("art. 5(1)").split()[0] == index.blind_query("Art 5(1)").split()[0]
    assert BlindIndex(b"j" * 32).blind("payment") != index.blind("payment")


def test_full_width_and_invisible_characters_give_the_same_terms() -> None:
    assert terms("手机１３８００１３８０００") == terms("手机13800138000")
    assert terms("call 415\u200b555\u200b0132") == terms("call 4155550132")


def test_inflections_share_a_stem_and_keep_their_words() -> None:
    required, requirements = terms("required"), terms("requirements")
    assert required[0] == "required" and requirements[0] == "requirements"
    assert required[1] == requirements[1] == "~requir"
    assert terms("disclosures")[1] == terms("disclosure")[1]


@pytest.mark.parametrize(("text", "expected"), [
    ("What does § 101.3 provide?", ["sec:101.3"]),
    ("section 101.4 and § 101.3(b)", ["sec:101.4", "sec:101.3(b)"]),
    ("《个人信息保护法》第十三条是怎么规定的？", ["art:13"]),
    ("第13条", ["art:13"]),
    ("依照本法第四十条和第一百零五条", ["art:40", "art:105"]),
    ("第二十条 第七十三条", ["art:20", "art:73"]),
    ("十三个条件", []),
])
def test_references(text: str, expected: list[str]) -> None:
    assert references(text) == expected


@pytest.mark.parametrize(("numeral", "value"), [("一", 1), ("十", 10), ("十三", 13), ("二十", 20), ("七十四", 74),
                                                ("一百零五", 105), ("两千", 2000), ("42", 42), ("十x", None)])
def test_chinese_numerals(numeral: str, value: int | None) -> None:
    assert chinese_numeral(numeral) == value


def test_a_reference_in_a_heading_is_keyed_apart_from_one_in_the_text() -> None:
    index = BlindIndex(b"k" * 32)
    headed = index.blind("Funds are available next day.", headings="§ 101.6 Funds availability").split()
    citing = index.blind("See § 101.6 for funds availability.").split()
    named = index.blind_references("What does § 101.6 provide?").split()
    assert named and set(named) <= set(headed) and not set(named) & set(citing)
    assert index.token("sec:101.6") in citing  # the citation still matches the plain lexical ranking
    assert index.blind_references("how are funds made available") == ""


def test_chinese_question_phrasing_is_not_searched_for() -> None:
    index = BlindIndex(b"k" * 32)
    asked = index.blind_query("什么是敏感个人信息？").split()
    assert index.token("什么") not in asked and index.token("敏感") in asked
    assert index.token("什么") in index.blind("什么").split()  # the index keeps every bigram


@pytest.mark.parametrize(("text", "expected"), [
    ("本法下列用语的含义：（一）个人信息处理者，是指在个人信息处理活动中自主决定处理目的的组织。（二）匿名化，是指个人信息"
     "经过处理无法识别特定自然人的过程。", ["个人信息处理者", "匿名化"]),
    ("前款所称征信机构，是指依法设立的机构。", ["征信机构"]),
    ("敏感个人信息是一旦泄露，容易导致人身安全受到危害的个人信息，包括生物识别。", ["敏感个人信息"]),
    ("银行是一家很大的机构，每天开门。", []),  # opens with "X是" but no clause ends in X's head noun
    ("Business day means any day on which the bank is open. (b) “Access devices” means a card.",
     ["busi day", "access devic"]),
    ("This means that fees apply.", []),
])
def test_definitions(text: str, expected: list[str]) -> None:
    assert definitions(text) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("什么是匿名化？", ["匿名化"]), ("个人信息的定义是什么？", ["个人信息"]), ("何谓征信机构", ["征信机构"]),
    ("What does the term business day mean?", ["busi day"]), ("Define access device as used here.", ["access devic"]),
    ("How long is the cut-off?", []),
])
def test_asked_definitions(query: str, expected: list[str]) -> None:
    assert asked_definitions(query) == expected


def test_a_question_about_a_term_matches_the_passage_defining_it_not_those_using_it() -> None:
    index = BlindIndex(b"k" * 32)
    defining = index.blind("（三）去标识化，是指个人信息经过处理，使其在不借助额外信息的情况下无法识别的过程。").split()
    using = index.blind("处理者应当采取去标识化等安全技术措施。").split()
    asked = index.blind_references("什么是去标识化？").split()
    assert asked and set(asked) <= set(defining) and not set(asked) & set(using)
