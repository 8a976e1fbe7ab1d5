"""Names spelt by sound and joined by a middle dot are hidden whole, and a dot between ordinary words is no name."""

from __future__ import annotations

import pytest

from gateway.pii.detector import PiiDetector
from gateway.pii.transliterated import dotted_names


def test_a_name_of_three_parts_is_one_name() -> None:
    text = "联系人买买提·艾力·吐尔逊，电话"
    assert [(text[s:e], whole) for s, e, whole in dotted_names(text)] == [("买买提·艾力·吐尔逊", True)]


def test_a_one_character_part_counts_only_beside_a_found_name() -> None:
    text = "达·芬奇的画"
    assert [(text[s:e], whole) for s, e, whole in dotted_names(text)] == [("达·芬奇", False)]


def test_two_names_side_by_side_stay_two() -> None:
    text = "热合曼·吐尔逊和迪丽娜尔·阿不都来办理开户"
    assert [text[s:e] for s, e, _ in dotted_names(text)] == ["热合曼·吐尔逊", "迪丽娜尔·阿不都"]


@pytest.mark.parametrize(("text", "name"), [
    ("本周值班：龚凯辉（主治医师）、阿依古丽·买买提，地点上海市", "阿依古丽·买买提"),
    ("患者阿不都热合曼·吐尔逊，男，45岁，主诉胸痛。", "阿不都热合曼·吐尔逊"),
    ("联系人：玛丽亚·冈萨雷斯，电话13800138000", "玛丽亚·冈萨雷斯"),
    ("请把材料交给买买提・艾力。", "买买提・艾力"),
])
def test_the_whole_name_is_hidden(detector: PiiDetector, text: str, name: str) -> None:
    found = [text[d.start:d.end] for d in detector.detect(text, "zh") if d.entity_type == "PERSON"]
    assert any(name in value for value in found), found


@pytest.mark.parametrize("text", ["今天读了《红楼梦·第一回》和《史记·项羽本纪》。"])
def test_a_dot_between_ordinary_words_is_no_name(detector: PiiDetector, text: str) -> None:
    assert not [d for d in detector.detect(text, "zh") if d.entity_type == "PERSON"]
