"""The Chinese tagger (LAC on ONNX Runtime): a run is tagged the same whatever else the text holds."""

from __future__ import annotations

import numpy as np

from gateway.pii.chinese_ner import ChineseNer

SHORT = "王海涛，男，45岁"
LONG = ("患者陈晓梅于上月在北京协和医院接受检查，主治医生刘建国建议她每周复诊一次，家属联系人为其丈夫周志强，"
        "住址为上海市浦东新区张杨路。")


# Runs whose tags changed when they were padded to the length of a longer run in the same batch (the exported
# encoder does not honour the length in both directions): a Tibetan name, and an address's tower and room.
PADDING_SENSITIVE = ("投诉单：赵建军称其母亲扎西卓玛", "联系地址：福建省厦门市思明区湖滨南路19号海景广场2305室")


def test_a_run_is_tagged_as_if_alone_beside_a_longer_one() -> None:
    ner = ChineseNer()
    for short in (SHORT, *PADDING_SENSITIVE):
        alone = ner._tag([short])[0]
        assert ner._tag([short, LONG])[0] == alone
        assert ner._tag([LONG, short, short])[1:] == [alone, alone]
    assert ("PERSON", 0, 3) in ner._tag([SHORT])[0]


def test_entities_keep_offsets_into_the_whole_text() -> None:
    ner = ChineseNer()
    text = f"Ref 17: {SHORT}. Then: {LONG}"
    found = {(e.entity_type, text[e.start:e.end]) for e in ner.entities(text)}
    assert {("PERSON", "王海涛"), ("PERSON", "陈晓梅"), ("PERSON", "刘建国"), ("PERSON", "周志强")} <= found


def test_equal_lengths_share_a_batch_with_the_same_result() -> None:
    ner = ChineseNer()
    other = "李文静，女，38岁"
    assert len(other) == len(SHORT)
    together = ner._tag([SHORT, other])
    assert together == [ner._tag([SHORT])[0], ner._tag([other])[0]]
    assert np.all([t for t in together])
