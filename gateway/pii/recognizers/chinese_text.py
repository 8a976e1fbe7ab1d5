"""Chinese personal names and postal addresses, by rule. Deliberately conservative; see the package docstring.

Names: a common surname plus one or two given-name characters, only where a cue marks it as a person — a title
after it (先生, 女士, 医生 …) or a role before it (患者, 客户, 姓名 …). A bare name with no cue is not found.
Addresses: a run of administrative units (省/市/区/县 …) ending in a road and house number (路/街/道 … 号), or a
road and house number after an address cue.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from gateway.pii import entities
from gateway.pii.recognizers.rule import FLAGS, RuleRecognizer
from gateway.pii.transliterated import SOUND_CHARACTERS

SURNAMES_COMPOUND = [
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "端木",
    "公孙",
    "轩辕",
    "南宫",
    "独孤",
    "西门",
    "呼延",
]
SURNAMES_SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞"
    "颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟臧闵苟邬边卞姬师仇"
    "栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_SURNAME = "(?:" + "|".join(SURNAMES_COMPOUND) + "|[" + SURNAMES_SINGLE + "])"
SURNAME_PATTERN = _SURNAME
# Characters that end a given name rather than continue it: particles, verbs and titles that follow names.
_NOT_GIVEN = (
    "的了在是和与及等于因已将被从向到今昨去来说要会也都就还又并或但而把给对为以之其这那先女医患客护您你我他她们着过吗呢吧啊年月日号"
    "请找问叫让跟同由经致谢感联系称应需可须均"
)
_GIVEN = rf"[\p{{Han}}--[{_NOT_GIVEN}]]{{1,2}}"
_TITLE_AFTER = r"(?:先生|女士|小姐|医生|大夫|医师|护士|教授|老师|经理|主任|同志|律师|会计|总|院长|科长|行长)"
# What follows a name that opens a clause ("刘明远出现头晕", "林雅楠，19岁", "邻居班诚长期噪音扰民").
_AFTER_NAME = (r"(?:[，,。：:；;、（(]|[0-9]{1,3}岁|称|出现|说|表示|反映|陪同|来电|来访|投诉|申请|办理|确认|"
               r"到|于|在|因|"
               r"的母亲|的父亲|先生|女士|长期|$)")
_ROLE_BEFORE = (
    r"(?:患者|病人|客户|姓名|名字|户名|持卡人|开户人|账户名|联系人|收件人|收款人|付款人|申请人|借款人|担保人|受益人|"
    r"投保人|被保险人|主治医生|主治医师|医生|护士|经办人|负责人|家属|我叫|我是|本人|叫做|名叫|签名|签字|用户|员工|新员工|"
    r"邻居|同事|顾客|租客|房东|嫌疑人|当事人|受害人|被害人|证人|法人|法定代表人|代理人|经办|复核|复核人|录入人|记录人|"
    r"处理人|审批人|审核人|陪护|参会人员|出席|列席|主持人|交易对手|推荐人|介绍人|委托人|监护人|代办人|尊敬的|"
    r"其子|其女|其夫|其妻|其母|其父|配偶|检验者|审核者|转诊医生|交班护士|接班护士|"
    r"孩子|家长|主人|乘客|旅客|同住人|入住人|司机|"
    r"name|customer|patient)[:：]?\s*"
)

PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|"
    "陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
CITIES = (
    "广州|深圳|杭州|南京|苏州|武汉|成都|西安|长沙|郑州|济南|青岛|大连|沈阳|哈尔滨|长春|厦门|福州|宁波|无锡|合肥|南昌|昆明|"
    "贵阳|南宁|海口|兰州|西宁|银川|乌鲁木齐|拉萨|呼和浩特|石家庄|太原|东莞|佛山|珠海|温州|绍兴|常州|徐州|烟台|洛阳"
)
_HAN = r"[\p{Han}--[在住于到的址是我他她你和与从往去来号]]"
_ADMIN = (
    rf"(?:(?:{PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?|(?:{CITIES})市?)"
    rf"(?:{_HAN}{{1,5}}?(?:自治州|地区|市|州|盟|区|县|旗|镇|乡|街道)){{0,3}}"
)
_ROAD = (rf"{_HAN}{{1,8}}?(?:大道|大街|路|街|道|巷|胡同|弄|里|村)(?:[东西南北中](?=[0-9一二三四五六七八九十]))?"
         r"(?:[一二三四五六七八九十0-9]+段)?"
         r"(?:[0-9一二三四五六七八九十]{1,3}(?:组|队|社))?")
# An estate, tower or park after the house number ("锦绣名苑", "丽都科技园", "万科华庭").
_ESTATE = (r"(?:[ \t]?\p{Han}{1,8}?(?:小区|花园|公寓|大厦|广场|中心|科技园|产业园|商务楼|大楼|家园|新村|名苑|雅苑|"
           r"嘉园|华庭|华府|公馆|苑|园|府|城|庭|楼)(?:小区|花园|公寓|大厦)?(?:[东西南北中]?[塔座区])?"
           r"|[ \t]?\p{Han}{2,8}?(?=[0-9A-Za-z]{1,4}(?:号楼|栋|幢|座|期)))")
"""An estate, tower or park after the house number ("锦绣名苑", "时代广场西塔"), or any name a building number follows
("保利香槟国际19栋")."""
_UNIT = (r"(?:[ \t]?[0-9A-Za-z\-]{1,6}(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|户|门|期)"
         r"(?:[0-9A-Za-z\-]{1,6}(?![号楼栋幢座单元层室户门期]))?)")
_HOUSE = (
    r"(?:[0-9０-９]+|[一二三四五六七八九十百零]+)(?:号|號)院?"  # "学院路657号院8号楼"
    rf"{_ESTATE}?{_UNIT}*"
)
# A district first ("云岩区复兴路963号…"), for cities the list above does not name.
_DISTRICT = rf"{_HAN}{{1,4}}?(?:区|县|市|镇)[ \t]?"
_ADDRESS_CUE = r"(?:地址|住址|住在|家住|居住于|位于|寄到|寄往|送到|收货地址|通讯地址|户籍地|现居)[:：]?\s*"


_HAN_CHARACTER = regex.compile(r"\p{Han}")
# Syllables of names written by sound: the transliteration table, and Tibetan and Mongolian names ("次仁·卓玛",
# "其其格", "斯琴·图雅").
_NAME_SOUNDS = SOUND_CHARACTERS | frozenset("次仁卓堆格桑央姆措珠朗瓦白旦曲珍强边普布益其特尔乌兰斯琴图雅宝音朝鲁额敦")


# Words that open with a surname character and stand where a name could: a field label, a role, a breed.
_NOT_NAME_WORDS = tuple(
    "费用 金额 金毛 房东 租客 司机 乘客 家长 主人 宠物 时间 方式 明细 高度 安全 文件 "
    "单位 向日 华为 余额 车辆 车牌 毛重 邮编 邮箱 江湖".split()
)



class CnPersonNameRecognizer(RuleRecognizer):
    ENTITY = entities.PERSON
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("name before title", rf"(?<![\p{{Han}}--[{_NOT_GIVEN}]]){_SURNAME}{_GIVEN}(?={_TITLE_AFTER})", 0.6),
        Pattern(
            "surname before title", rf"(?:(?<![\p{{Han}}--[{_NOT_GIVEN}]])|(?<=您好|你好)){_SURNAME}"
                                    rf"(?=先生|女士|小姐|医生|大夫|老师)", 0.5
        ),
        Pattern("name after role", rf"{_ROLE_BEFORE}\K{_SURNAME}{_GIVEN}", 0.65),
        # A role before the name is left out of it ("患者阿依古丽·买买提" → "阿依古丽·买买提").
        Pattern("minority name", rf"(?<![\p{{Han}}]|[和、与及])(?:{_ROLE_BEFORE})?\K"
                rf"\p{{Han}}{{2,6}}[·•・]\p{{Han}}{{2,5}}?"
                rf"(?={_AFTER_NAME}|(?<![·•・]\p{{Han}}{{1,4}})(?![\p{{Han}}]))", 0.7),
        Pattern(
            "name opening a clause",
            rf"(?<=^|[\n：:，,。；;、（(|\t]|^[ \t]*[·•\-*][ \t]*|称|由|向|与|和|及|跟|给|替|陪同|联系人|邻居|"
            rf"[0-9]{{1,3}}床|"
            rf"同事|爱人|"
            rf"母亲|父亲|儿子|女儿)"
            rf"{_SURNAME}{_GIVEN}(?={_AFTER_NAME})",
            0.5,
        ),
        # Under a name label a name needs no known surname: "户名次仁卓玛。", "姓名：那日苏".
        Pattern("after a name label", r"(?:户名|开户名|账户名|姓名|持卡人|收款人)[:：为是]?[ \t]*\K\p{Han}{2,4}"
                                      r"(?=[，,。；;\s）)]|$)", 0.6),
        # A role's field names its holder, known surname or not: "研究医生：其其格（研究护士）".
        Pattern("after a role field", r"(?:医生|医师|护士|经办人|经办|联系人|负责人|接诊|主治)[:：][ \t]*\K\p{Han}{2,4}"
                                      r"(?=[（(，,。；;\s]|$)", 0.55),
        Pattern("surname given", rf"(?<=我姓|免贵姓|本人姓|贵姓是){_SURNAME}(?![\p{{Han}}])", 0.6),
        # A ward list: "18床 管峰超 男 75岁", "3床韦诺兰（十九岁）".
        Pattern("after a bed number",
                rf"(?<=[0-9]{{1,3}}床[ \t]?){_SURNAME}{_GIVEN}(?=[ \t（(，,]|[0-9]{{1,3}}岁)", 0.6),
        Pattern("names in a list",
                rf"(?<=[、和及与])(?:{_SURNAME}{_GIVEN})(?=[、和及，,。]|的)|{_SURNAME}{_GIVEN}(?=、)", 0.6),
    ]
    REGEX_FLAGS = FLAGS | regex.VERSION1  # VERSION1 enables set difference: [\p{Han}--[的]]
    REQUIRES: ClassVar[dict[str, str]] = {pattern.name: r"\p{Han}" for pattern in PATTERNS}

    def validate_result(self, pattern_text: str) -> bool | None:
        # A surname character that opens a common word or a role ("费用：", "房东能开发票吗", "金毛，3岁") names no one.
        if pattern_text.startswith(_NOT_NAME_WORDS):
            return False
        # Two parts joined by "·" are a name when they sound like one ("阿依古丽·买买提", "次仁·卓玛"), not a chapter
        # and its title or a menu ("详见第三章·附则", "拿铁·燕麦奶").
        if any(dot in pattern_text for dot in "·•・"):
            han = _HAN_CHARACTER.findall(pattern_text)
            if sum(ch in _NAME_SOUNDS for ch in han) < 0.5 * len(han):
                return False
        return None


class CnAddressRecognizer(RuleRecognizer):
    ENTITY = entities.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("administrative units to house", rf"{_ADMIN}(?:{_ROAD}{_HOUSE}|{_ROAD}|{_HOUSE})?", 0.5),
        Pattern("road and house after cue", rf"{_ADDRESS_CUE}\K{_ROAD}{_HOUSE}", 0.7),
        Pattern("road and house", rf"(?<!{_HAN}){_ROAD}{_HOUSE}", 0.5),
        Pattern("district road house", rf"{_DISTRICT}[ \t]?{_ROAD}[ \t]?{_HOUSE}", 0.55),
        Pattern("estate and unit", rf"(?<![\p{{Han}}]){_HAN}{{2,8}}?(?:小区|花园|公寓|大厦|家园|新村|名苑|华庭)"
                rf"{_UNIT}+", 0.5),
        # "家住和平区阳光花园29栋2456": after a cue or at a boundary, any district name (和平区 too).
        Pattern("district, estate and unit",
                rf"(?:{_ADDRESS_CUE}\K|(?<![\p{{Han}}])|(?<=套在|房子在|房源在|小区在|住))(?:{_ADMIN}|\p{{Han}}{{1,4}}?(?:区|县|市|镇))?"
                rf"{_HAN}{{1,8}}?"
                rf"(?:小区|花园|公寓|大厦|家园|新村|名苑|华庭|华府|新城|城|苑|园|湾|第)(?:[0-9]{{1,3}}期)?"
                rf"(?:[0-9]{{1,3}}(?:号楼|栋|幢|座))"
                rf"{_UNIT}*(?:[0-9]{{1,5}})?", 0.5),
    ]
    CONTEXT: ClassVar[list[str]] = ["地址", "住址", "住在", "家住", "寄", "address"]
    REGEX_FLAGS = FLAGS | regex.VERSION1
    REQUIRES: ClassVar[dict[str, str]] = {pattern.name: r"\p{Han}" for pattern in PATTERNS}

    def validate_result(self, pattern_text: str) -> bool | None:
        # A province or city name alone is a LOCATION, not an address; require a road, a house or a building number.
        has_road_or_house = any(
            mark in pattern_text
            for mark in ("路", "街", "道", "巷", "胡同", "弄", "号", "號", "村", "栋", "幢", "单元")
        )
        return None if has_road_or_house else False
