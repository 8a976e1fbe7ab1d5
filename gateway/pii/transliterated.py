"""Names written in Chinese characters by sound, their parts joined by a middle dot: "阿依古丽·买买提", "约翰·史密斯".

Uyghur, Kazakh and other minority names, and foreign names in Chinese, are spelt with a small set of characters
chosen for their sound (the transliteration tables of Xinhua's naming guides), and their parts are joined by "·".
The statistical tagger reads such a name as several words and tags one part or none ("阿依古丽" of "阿依古丽·买买提"):
half a name hidden still names the person. Here a run of sound characters on both sides of a middle dot is one
name: it widens a PERSON detection that touches it, and stands as one on its own when every part has two
characters or more (a lone "·" between ordinary words, "咖啡·甜点" or "《史记·项羽本纪》", is no name: those
characters are not sound characters, or not all of them are).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from gateway.pii import entities
from gateway.pii.detection import Detection

SOUND_CHARACTERS = frozenset(
    # The common syllables of foreign names in Chinese (Xinhua's transliteration tables).
    "阿埃艾爱安昂奥澳巴芭拜班邦包保鲍贝本比彼毕碧宾波博伯勃布查达黛戴丹道德迪蒂底丁东杜敦顿多厄恩尔法凡范菲斐费芬丰"
    "冯佛弗福夫盖甘冈高戈哥格葛古瓜圭哈海汉豪赫黑亨洪侯胡华霍基吉纪加嘉贾简杰捷金卡凯坎康考柯科可克肯库夸奎昆拉莱"
    "赖兰朗劳勒雷蕾黎里理莉利丽连琳林铃隆卢鲁陆路露伦罗洛吕马玛迈麦曼芒毛梅美门蒙孟米密明缪莫默姆穆纳娜乃奈南楠内"
    "妮尼涅宁纽努诺欧帕潘庞佩彭皮珀普奇齐契恰乔切钦琴丘屈萨塞赛桑瑟森莎沙尚绍舍申什施史士斯松苏素索塔泰坦汤唐陶"
    "特提汀廷通图托瓦万旺威韦维温文沃乌伍武西希锡席夏萧肖谢辛欣休雅亚扬耶叶伊依因英尤于约泽扎詹兹祖佐"
    # Uyghur and Kazakh names ("买买提", "吐尔逊", "热合曼", "古丽", "努尔", "阿不都", "迪丽娜尔", "帕提古丽").
    "买提吐逊热合曼都不力孜木则江汗娜依丽古努尔帕迪拉克衣塔西亚别克哈孜尼牙麦赛热甫吾玉素甫艾则孜扎提喀什库"
)
_DOTS = "·・•‧･"
_DOT = regex.compile(rf"(?<=\p{{Han}})[{_DOTS}](?=\p{{Han}})")


def _sound_run(text: str, start: int, step: int) -> int:
    """Where the run of sound characters beginning at ``start`` and going in direction ``step`` ends."""
    i = start
    while 0 <= i < len(text) and text[i] in SOUND_CHARACTERS:
        i += step
    return i


def dotted_names(text: str) -> list[tuple[int, int, bool]]:
    """Each dotted name in ``text``: (start, end, whether every part has two characters or more)."""
    names: list[tuple[int, int, bool]] = []
    for dot in _DOT.finditer(text):
        left = _sound_run(text, dot.start() - 1, -1) + 1
        right = _sound_run(text, dot.end(), 1)
        if left == dot.start() or right == dot.end():
            continue
        long_parts = dot.start() - left >= 2 and right - dot.end() >= 2
        if names and names[-1][1] == dot.start():  # "A·B·C": the middle part joins both dots
            start, _, long_before = names.pop()
            names.append((start, right, long_before and long_parts))
        else:
            names.append((left, right, long_parts))
    return names


def transliterated_names(text: str, detections: Iterable[Detection], score: float = 0.6) -> list[Detection]:
    """PERSON detections for the dotted names of ``text``: the whole name where a PERSON detection touches part of
    it (with that detection's score), or on its own where every part has two characters or more."""
    if not _DOT.search(text):
        return []
    people = [d for d in detections if d.entity_type == entities.PERSON]
    found = []
    for start, end, long_parts in dotted_names(text):
        touching = [d.score for d in people if d.start < end and start < d.end]
        if touching:
            found.append(Detection(entities.PERSON, start, end, max(touching)))
        elif long_parts:
            found.append(Detection(entities.PERSON, start, end, score))
    return found


__all__ = ["SOUND_CHARACTERS", "dotted_names", "transliterated_names"]
