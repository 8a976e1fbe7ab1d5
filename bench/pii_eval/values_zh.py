# ruff: noqa: E501
"""Chinese-side value generators (Simplified Chinese; faker zh_CN plus own lists and check digits)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import values_en as en
from common import (
    Ctx,
    corrupt_digit,
    digits,
    fill,
    group,
    group_every,
    luhn_check_digit,
    number_words_zh,
    wchoice,
    zh_year_digits,
)
from faker.providers.ssn.zh_CN import Provider as _ZhSsnProvider

# --------------------------------------------------------------------------- geography
# (province or municipality, city, districts, landline area code, postcode prefix, ID prefix)
GEO = [
    ("北京市", "北京市", ["朝阳区", "海淀区", "东城区", "西城区", "丰台区", "昌平区", "通州区"], "010", "100", "1101"),
    ("上海市", "上海市", ["浦东新区", "徐汇区", "静安区", "黄浦区", "闵行区", "杨浦区", "长宁区"], "021", "200", "3101"),
    ("天津市", "天津市", ["和平区", "南开区", "河西区", "滨海新区"], "022", "300", "1201"),
    ("重庆市", "重庆市", ["渝中区", "江北区", "沙坪坝区", "九龙坡区", "渝北区"], "023", "400", "5001"),
    ("广东省", "广州市", ["天河区", "越秀区", "海珠区", "番禺区", "白云区"], "020", "510", "4401"),
    ("广东省", "深圳市", ["南山区", "福田区", "罗湖区", "宝安区", "龙岗区"], "0755", "518", "4403"),
    ("广东省", "佛山市", ["禅城区", "南海区", "顺德区"], "0757", "528", "4406"),
    ("广东省", "东莞市", ["南城街道", "东城街道", "长安镇"], "0769", "523", "4419"),
    ("浙江省", "杭州市", ["西湖区", "上城区", "拱墅区", "滨江区", "余杭区"], "0571", "310", "3301"),
    ("浙江省", "宁波市", ["鄞州区", "海曙区", "江北区"], "0574", "315", "3302"),
    ("浙江省", "温州市", ["鹿城区", "瓯海区"], "0577", "325", "3303"),
    ("江苏省", "南京市", ["玄武区", "鼓楼区", "建邺区", "江宁区", "秦淮区"], "025", "210", "3201"),
    ("江苏省", "苏州市", ["姑苏区", "吴中区", "虎丘区", "相城区"], "0512", "215", "3205"),
    ("江苏省", "无锡市", ["梁溪区", "滨湖区", "新吴区"], "0510", "214", "3202"),
    ("四川省", "成都市", ["武侯区", "锦江区", "青羊区", "金牛区", "成华区"], "028", "610", "5101"),
    ("湖北省", "武汉市", ["武昌区", "洪山区", "江汉区", "江岸区"], "027", "430", "4201"),
    ("湖南省", "长沙市", ["岳麓区", "芙蓉区", "天心区", "雨花区"], "0731", "410", "4301"),
    ("山东省", "济南市", ["历下区", "市中区", "槐荫区"], "0531", "250", "3701"),
    ("山东省", "青岛市", ["市南区", "市北区", "崂山区", "黄岛区"], "0532", "266", "3702"),
    ("河南省", "郑州市", ["金水区", "二七区", "中原区"], "0371", "450", "4101"),
    ("陕西省", "西安市", ["雁塔区", "碑林区", "未央区", "莲湖区"], "029", "710", "6101"),
    ("福建省", "福州市", ["鼓楼区", "台江区", "仓山区"], "0591", "350", "3501"),
    ("福建省", "厦门市", ["思明区", "湖里区", "集美区"], "0592", "361", "3502"),
    ("辽宁省", "沈阳市", ["和平区", "沈河区", "皇姑区"], "024", "110", "2101"),
    ("辽宁省", "大连市", ["中山区", "沙河口区", "甘井子区"], "0411", "116", "2102"),
    ("云南省", "昆明市", ["五华区", "盘龙区", "官渡区"], "0871", "650", "5301"),
    ("黑龙江省", "哈尔滨市", ["南岗区", "道里区", "香坊区"], "0451", "150", "2301"),
    ("安徽省", "合肥市", ["蜀山区", "包河区", "庐阳区"], "0551", "230", "3401"),
    ("河北省", "石家庄市", ["长安区", "桥西区", "裕华区"], "0311", "050", "1301"),
    ("江西省", "南昌市", ["东湖区", "西湖区", "红谷滩区"], "0791", "330", "3601"),
    ("广西壮族自治区", "南宁市", ["青秀区", "兴宁区", "西乡塘区"], "0771", "530", "4501"),
    ("海南省", "海口市", ["美兰区", "龙华区"], "0898", "570", "4601"),
    ("贵州省", "贵阳市", ["南明区", "云岩区", "观山湖区"], "0851", "550", "5201"),
    ("山西省", "太原市", ["小店区", "迎泽区", "杏花岭区"], "0351", "030", "1401"),
    ("吉林省", "长春市", ["朝阳区", "南关区", "宽城区"], "0431", "130", "2201"),
    ("新疆维吾尔自治区", "乌鲁木齐市", ["天山区", "沙依巴克区", "新市区"], "0991", "830", "6501"),
    ("内蒙古自治区", "呼和浩特市", ["新城区", "赛罕区", "回民区"], "0471", "010", "1501"),
]
ZH_COUNTRIES = ["美国", "加拿大", "英国", "澳大利亚", "日本", "韩国", "新加坡", "马来西亚", "德国", "法国", "新西兰",
                "泰国", "越南", "俄罗斯", "意大利"]
ZH_AREA_CODES = list(_ZhSsnProvider.area_codes)

# --------------------------------------------------------------------------- names
SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 "
            "袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 "
            "熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 温 易 常 葛").split()
COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "慕容", "令狐", "夏侯", "公孙", "长孙",
                     "宇文", "尉迟", "端木", "南宫"]
GIVEN_CHARS = ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 兰 萍 红 鹏 辉 宇 浩 轩 梓 涵 欣 "
               "怡 子 晨 一 诺 雨 思 佳 嘉 俊 博 文 昊 然 泽 睿 瑞 琪 悦 彤 萱 婷 雪 琳 晓 建 国 志 海 波 斌 宁 春 燕 飞 亮 "
               "龙 林 凯 丹 冰 倩 慧 颖 璐 露 薇 莹 蕾 琦 晶 妍 菲 楠 雅 远 航 毅 峰 帆 鑫 健 阳 晖 翔 腾 铭 哲 锐 淼 森 楷 "
               "焱 炜 煜 熙 琛 瑶 瑾 璇 馨 蓉 蕊 若 汐 沐 宸 逸 骁 钰 淑 凤 德 福 荣 贵 生 祥 成 永 保 金 松 柏 梅 兵 "
               "立 新 光 耀 朝 锦 秋 冬 岚 琴 婉 珊 霖 添 岩 峻 昕 恒 卓 奕 彬 诚 乐 安 心 语 豪 旭 鸿 振").split()
MINORITY_NAMES = ["阿依古丽·买买提", "热依扎·艾力", "古丽娜尔·吐尔逊", "艾克拜尔·依明", "买买提江·阿布都", "扎西次仁",
                  "格桑卓玛", "次仁央金", "巴特尔", "乌兰图雅", "其其格", "阿卜杜拉·热合曼"]
SURNAME_PY = {
    "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang", "赵": "zhao",
    "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu", "胡": "hu", "郭": "guo", "何": "he",
    "高": "gao", "林": "lin", "罗": "luo", "郑": "zheng", "梁": "liang", "谢": "xie", "宋": "song", "唐": "tang",
    "许": "xu", "韩": "han", "冯": "feng", "邓": "deng", "曹": "cao", "彭": "peng", "曾": "zeng", "肖": "xiao",
    "田": "tian", "董": "dong", "袁": "yuan", "潘": "pan", "于": "yu", "蒋": "jiang", "蔡": "cai", "余": "yu",
    "杜": "du", "叶": "ye", "程": "cheng", "苏": "su", "魏": "wei", "吕": "lv", "丁": "ding", "任": "ren",
    "沈": "shen", "姚": "yao", "卢": "lu", "姜": "jiang", "崔": "cui", "钟": "zhong", "谭": "tan", "陆": "lu",
    "汪": "wang", "范": "fan", "金": "jin", "石": "shi", "廖": "liao", "贾": "jia", "夏": "xia", "韦": "wei",
    "付": "fu", "方": "fang", "白": "bai", "邹": "zou", "孟": "meng", "熊": "xiong", "秦": "qin", "邱": "qiu",
    "江": "jiang", "尹": "yin", "薛": "xue", "欧阳": "ouyang", "司马": "sima", "诸葛": "zhuge", "上官": "shangguan",
    "司徒": "situ", "东方": "dongfang", "慕容": "murong", "令狐": "linghu",
}
PY_SYLLABLES = ("wei fang na min jing qiang lei jun yang yong yan jie tao ming chao xiu ying hua yu hao xuan zi han "
                "xin yi chen nuo si jia bo wen ran ze rui qi yue tong ting xue lin xiao jian guo zhi hai bin ning chun "
                "fei liang long kai dan bing qian hui lu ying shan xin yuan hang feng fan peng").split()


@dataclass
class ZhPersona:
    surname: str
    given: str
    full: str
    gender: str
    dob: dt.date
    age: int
    geo: tuple


def _zh_name(ctx: Ctx, gender: str) -> tuple[str, str, str]:
    rng = ctx.rng
    r = rng.random()
    if r < 0.02:
        n = rng.choice(MINORITY_NAMES)
        return n[0], n[1:], n
    if r < 0.33:
        f = ctx.faker("zh_CN")
        s = f.last_name()
        g = f.first_name_male() if gender == "M" else f.first_name_female()
        return s, g, s + g
    s = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.09 else rng.choice(SURNAMES)
    n_given = 1 if rng.random() < 0.28 else 2
    g = "".join(rng.choice(GIVEN_CHARS) for _ in range(n_given))
    return s, g, s + g


def make_persona(ctx: Ctx, k: int) -> ZhPersona:
    rng = ctx.rng
    gender = rng.choice("MF")
    s, g, full = _zh_name(ctx, gender)
    age = int(wchoice(rng, [(rng.randint(18, 30), 3), (rng.randint(31, 50), 4), (rng.randint(51, 70), 3),
                            (rng.randint(71, 95), 2)]))
    dob = ctx.ref_date - dt.timedelta(days=age * 365 + rng.randrange(1, 364) + age // 4)
    return ZhPersona(s, g, full, gender, dob, age, rng.choice(GEO))


def g_zh_name(ctx, k):
    return ctx.persona(k).full


def g_zh_surname(ctx, k):
    return ctx.persona(k).surname


def g_zh_given(ctx, k):
    return ctx.persona(k).given


def g_zh_name2(ctx, k):
    """Always a two-character name (single surname + one given character)."""
    p = ctx.persona(k)
    s = p.surname if len(p.surname) == 1 else ctx.rng.choice(SURNAMES)
    return s + ctx.rng.choice(GIVEN_CHARS)


def g_zh_name_compound(ctx, k):
    rng = ctx.rng
    return rng.choice(COMPOUND_SURNAMES) + "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice([1, 2, 2])))


def g_zh_gender(ctx, k):
    return "男" if ctx.persona(k).gender == "M" else "女"


def g_zh_honorific(ctx, k):
    return "先生" if ctx.persona(k).gender == "M" else ctx.rng.choice(["女士", "女士", "小姐"])


def g_zh_pinyin_name(ctx, k):
    """Name written in pinyin, as in English-language forms ('ZHANG Wei')."""
    p = ctx.persona(k)
    s = SURNAME_PY.get(p.surname, "wang")
    given = "".join(ctx.rng.choice(PY_SYLLABLES) for _ in range(max(1, len(p.given))))
    return wchoice(ctx.rng, [(f"{s.upper()} {given.capitalize()}", 2), (f"{given.capitalize()} {s.capitalize()}", 1),
                             (f"{s.capitalize()} {given.capitalize()}", 1)])


# --------------------------------------------------------------------------- resident ID
_ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
BAD_PROVINCE = ["00", "19", "20", "30", "38", "47", "48", "55", "59", "60", "66", "68", "70", "72", "77", "80", "88",
                "90", "96", "99"]


def id_check(body17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, _ID_W, strict=True)) % 11]


def _region_for(ctx, k):
    p = ctx.persona(k)
    if ctx.rng.random() < 0.5:
        pre = p.geo[5]
        pool = [c for c in ZH_AREA_CODES if c.startswith(pre) and not c.endswith("00")]
        if pool:
            return ctx.rng.choice(pool)
    return ctx.rng.choice([c for c in ZH_AREA_CODES if not c.endswith("00")][::7])


_ID_COUNTER = [0]
_INVALID_PLAN = {3: "bad_check", 10: "bad_region", 17: "bad_check", 23: "bad_date", 30: "bad_check", 36: "bad_region"}


def reset() -> None:
    _ID_COUNTER[0] = 0


def make_cn_id(ctx, k, kind=None):
    """kind: None (plan below), 'valid', 'bad_check', 'bad_region', 'bad_date'."""
    rng = ctx.rng
    p = ctx.persona(k)
    if kind is None:
        # deterministic 15% invalid: 6 of every 40 IDs generated (3 bad check digit, 2 bad region, 1 bad date)
        _ID_COUNTER[0] += 1
        kind = _INVALID_PLAN.get(_ID_COUNTER[0] % 40, "valid")
    region = _region_for(ctx, k)
    birth = f"{p.dob.year}{p.dob.month:02d}{p.dob.day:02d}"
    seq = f"{rng.randint(0, 99):02d}{rng.choice('13579' if p.gender == 'M' else '02468')}"
    if kind == "bad_region":
        region = rng.choice(BAD_PROVINCE) + digits(rng, 4)
    if kind == "bad_date":
        y = p.dob.year
        birth = rng.choice([f"{y}{rng.choice(['00', '13', '14', '15', '18', '19'])}{rng.randint(1, 28):02d}",
                            f"{y}{rng.randint(1, 12):02d}{rng.choice(['00', '32', '33', '35', '38', '39'])}",
                            f"{y}02{rng.choice(['30', '31'])}", f"{y}04{31}", f"{y}11{31}"])
    body = region + birth + seq
    chk = id_check(body)
    if kind == "bad_check":
        chk = rng.choice([c for c in "0123456789X" if c != chk])
    v = body + chk
    if v.endswith("X") and rng.random() < 0.2:
        v = v[:-1] + "x"
    return v, kind


def g_cn_id(ctx, k):
    v, kind = make_cn_id(ctx, k)
    ctx.memo.setdefault("cn_id_kinds", []).append(kind)
    if ctx.rng.random() < 0.05:
        return f"{v[:6]} {v[6:14]} {v[14:]}"
    return v


# --------------------------------------------------------------------------- phones
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151",
                 "152", "153", "155", "156", "157", "158", "159", "166", "170", "171", "173", "175", "176", "177",
                 "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "195", "197",
                 "198", "199"]


def g_cn_mobile(ctx, k):
    rng = ctx.rng
    n = rng.choice(MOBILE_PREFIX) + digits(rng, 8)
    return wchoice(rng, [
        (n, 55), (f"{n[:3]} {n[3:7]} {n[7:]}", 15), (f"{n[:3]}-{n[3:7]}-{n[7:]}", 8), (f"+86 {n[:3]} {n[3:7]} {n[7:]}", 6),
        (f"+86{n}", 5), (f"(+86){n}", 2), (f"0086-{n}", 2), (f"+86-{n[:3]}-{n[3:7]}-{n[7:]}", 2), (f"+86 {n}", 3),
    ])


def g_cn_landline(ctx, k):
    rng = ctx.rng
    geo = ctx.persona(k).geo if rng.random() < 0.5 else rng.choice(GEO)
    area = geo[3]
    local = rng.choice("2345678") + digits(rng, 7)
    if len(area) == 4 and rng.random() < 0.15:
        local = local[:7]
    half = len(local) // 2
    ext = f"转{digits(rng, rng.choice([3, 4]))}"
    a0 = area[1:]
    return wchoice(rng, [
        (f"{area}-{local}", 30), (f"({area}){local[:half]} {local[half:]}", 8), (f"{area}-{local[:half]} {local[half:]}", 8),
        (f"{area} {local[:half]} {local[half:]}", 6), (f"{area}-{local}{ext}", 6), (f"（{area}）{local}", 5),
        (f"{area}－{local}", 4), (f"+86 {a0} {local[:half]} {local[half:]}", 5), (f"+86-{a0}-{local}", 4),
        (f"({area}) {local[:half]}-{local[half:]}", 4), (f"{area}{local}", 3), (f"{area}-{local}-{digits(rng, 3)}", 2),
    ])


def g_phone_hk(ctx, k):
    return en.phone_intl(ctx, ctx.rng.choice(["hk", "hk", "sg", "us", "gb", "au", "ca", "jp"]))


# --------------------------------------------------------------------------- bank cards & accounts
CN_BINS = ["622202", "622208", "622848", "621700", "622700", "622588", "621483", "621661", "622262", "623668",
           "622609", "621226", "622155", "628288", "625911", "622630", "621799", "622309", "625807", "621559"]


def g_cn_bank_card(ctx, k):
    rng = ctx.rng
    n = wchoice(rng, [(19, 6), (16, 3), (17, 0.5), (18, 0.5)])
    body = rng.choice(CN_BINS) + digits(rng, n - 7)
    num = body + luhn_check_digit(body)
    if rng.random() < 0.1:
        num = corrupt_digit(rng, num, keep_prefix=6)
    style = wchoice(rng, [("none", 50), ("space4", 26), ("dash4", 7), ("6rest", 5), ("space4x", 7), ("dash6", 5)])
    if style == "space4":
        return group_every(num, 4, " ")
    if style == "dash4":
        return group_every(num, 4, "-")
    if style == "6rest":
        return f"{num[:6]} {num[6:]}"
    if style == "space4x":
        return group_every(num, 4, "  ")
    if style == "dash6":
        return group(num, [6, 6, 7], "-") if len(num) == 19 else group_every(num, 4, "-")
    return num


def g_zh_acct(ctx, k):
    rng = ctx.rng
    n = rng.choice([12, 13, 14, 15, 20, 20, 21, 22])
    s = rng.choice("123456789") + digits(rng, n - 1)
    r = rng.random()
    if r < 0.3:
        return group_every(s, 4, " ")
    if r < 0.38:
        return group(s, [4, 4, 4, 4, 4, 4], "-")
    return s


def g_last4(ctx, k):
    return digits(ctx.rng, 4)


# --------------------------------------------------------------------------- addresses / places
ROAD_PRE = ["人民", "中山", "解放", "建设", "和平", "新华", "胜利", "文化", "长江", "黄河", "南京东", "淮海中", "深南",
            "滨江", "文三", "天府", "建国", "朝阳", "学院", "友谊", "青年", "光明", "迎宾", "工业", "科技", "东风", "花园",
            "湖滨", "环城北", "延安西", "北京西", "江南", "金融", "世纪", "望京", "桂花", "复兴", "体育", "高新", "珠江"]
ROAD_SUF = [("路", 10), ("大道", 3), ("街", 3), ("中路", 2), ("东路", 2), ("南路", 2), ("西路", 2), ("北路", 2),
            ("大街", 2), ("巷", 0.5)]
ESTATE_PRE = ["阳光", "金色", "碧桂", "万科", "翠湖", "锦绣", "幸福", "和谐", "紫荆", "丽都", "华府", "绿城", "世纪",
              "蓝湾", "怡景", "康乐", "东方", "金地", "保利", "龙湖", "春晓", "枫林", "香榭", "御景"]
ESTATE_SUF = ["小区", "花园", "家园", "苑", "新村", "公寓", "华庭", "名苑", "佳苑", "城"]
BLDG_SUF = ["大厦", "广场", "中心", "国际中心", "商务楼", "科技园"]


def _road(rng):
    road = rng.choice(ROAD_PRE) + wchoice(rng, ROAD_SUF)
    if rng.random() < 0.08:
        road += rng.choice(["一段", "二段", "三段", "四段"])
    return road


def _unit(rng):
    return wchoice(rng, [
        (f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 33)}{rng.randint(1, 8):02d}室", 4),
        (f"{rng.randint(1, 20)}号楼{rng.randint(1, 33)}{rng.randint(1, 8):02d}室", 3),
        (f"{rng.randint(1, 18)}幢{rng.randint(1, 28)}{rng.randint(1, 6):02d}", 1),
        (f"{rng.choice('ABCD')}座{rng.randint(1, 40)}{rng.randint(1, 12):02d}", 2),
        (f"{rng.randint(2, 40)}楼", 1), (f"{rng.randint(1, 6)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}", 1),
        (f"{rng.randint(1, 33)}{rng.randint(1, 8):02d}室", 1),
    ])


def _zh_address(ctx, k, short=False):
    rng = ctx.rng
    geo = ctx.persona(k).geo if rng.random() < 0.6 else rng.choice(GEO)
    prov, city, dists, *_ = geo
    dist = rng.choice(dists)
    road = _road(rng)
    num = f"{rng.randint(1, 999)}号"
    if rng.random() < 0.08 and city == "上海市":
        num = f"{rng.randint(1, 1500)}弄{rng.randint(1, 60)}号"
    place = wchoice(rng, [
        (rng.choice(ESTATE_PRE) + rng.choice(ESTATE_SUF), 5), (rng.choice(ESTATE_PRE) + rng.choice(BLDG_SUF), 3), ("", 3),
    ])
    tail = _unit(rng) if rng.random() < 0.85 else ""
    if short:
        head = dist
    else:
        municipality = prov == city
        r = rng.random()
        if municipality:
            head = city + dist if r < 0.85 else city.rstrip("市") + dist
        else:
            head = prov + city + dist if r < 0.5 else (city + dist if r < 0.9 else prov.rstrip("省") + city.rstrip("市") + dist)
    parts = [head, road + num, place, tail]
    sep = " " if rng.random() < 0.12 else ""
    return sep.join(p for p in parts if p)


def g_zh_addr(ctx, k):
    return _zh_address(ctx, k)


def g_zh_addr_short(ctx, k):
    return _zh_address(ctx, k, short=True)


def g_zh_estate_addr(ctx, k):
    rng = ctx.rng
    return rng.choice(ESTATE_PRE) + rng.choice(ESTATE_SUF) + _unit(rng)


def g_zh_city(ctx, k):
    rng = ctx.rng
    geo = ctx.persona(k).geo if rng.random() < 0.5 else rng.choice(GEO)
    c = geo[1]
    return c if rng.random() < 0.6 else c.rstrip("市")


def g_zh_district(ctx, k):
    rng = ctx.rng
    geo = rng.choice(GEO)
    return rng.choice(geo[2])


def g_zh_city_district(ctx, k):
    rng = ctx.rng
    geo = ctx.persona(k).geo if rng.random() < 0.5 else rng.choice(GEO)
    return geo[1] + rng.choice(geo[2])


def g_zh_province(ctx, k):
    rng = ctx.rng
    p = rng.choice(GEO)[0]
    return p if rng.random() < 0.6 else p.replace("省", "").replace("壮族自治区", "").replace("维吾尔自治区", "").replace(
        "自治区", "")


def g_zh_country(ctx, k):
    return ctx.rng.choice(ZH_COUNTRIES)


def g_zh_location(ctx, k):
    r = ctx.rng.random()
    if r < 0.45:
        return g_zh_city(ctx, k)
    if r < 0.7:
        return g_zh_city_district(ctx, k)
    if r < 0.85:
        return g_zh_province(ctx, k)
    return g_zh_country(ctx, k)


def g_zh_postcode(ctx, k):
    rng = ctx.rng
    geo = ctx.persona(k).geo if rng.random() < 0.7 else rng.choice(GEO)
    return geo[4] + digits(rng, 3)


# --------------------------------------------------------------------------- organisations & jobs
BANKS = ["中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "交通银行", "招商银行", "浦发银行", "兴业银行",
         "中信银行", "民生银行", "平安银行", "光大银行", "邮储银行", "北京银行", "上海银行", "宁波银行", "工行", "建行",
         "农行", "招行"]
FAMOUS_HOSPITALS = ["北京协和医院", "四川大学华西医院", "复旦大学附属中山医院", "复旦大学附属华山医院", "中山大学附属第一医院",
                    "浙江大学医学院附属第一医院", "武汉大学人民医院", "首都医科大学附属北京朝阳医院", "上海交通大学医学院附属瑞金医院",
                    "中南大学湘雅医院", "华中科技大学同济医学院附属协和医院", "南方医科大学南方医院"]
INDUSTRY = ["科技", "电子", "贸易", "物流", "建设工程", "餐饮管理", "医药", "教育咨询", "网络科技", "信息技术", "房地产开发",
            "文化传媒", "机械制造", "服装", "食品", "新能源"]
BRAND_CHARS = "华 盛 宏 达 鑫 恒 泰 安 嘉 瑞 德 信 诚 汇 通 中 天 金 海 明 远 创 新 联 科 博 兴 隆 祥 和 腾 飞 众 益".split()


def g_zh_bank(ctx, k):
    rng = ctx.rng
    b = rng.choice(BANKS)
    geo = ctx.persona(k).geo if rng.random() < 0.5 else rng.choice(GEO)
    return wchoice(rng, [
        (b, 3), (f"{b}{geo[1].rstrip('市')}分行", 3), (f"{b}{geo[1].rstrip('市')}{rng.choice(geo[2])}支行", 3),
        (f"{b}{rng.choice(ROAD_PRE)}路支行", 2),
    ])


def g_zh_hospital(ctx, k):
    rng = ctx.rng
    geo = ctx.persona(k).geo if rng.random() < 0.5 else rng.choice(GEO)
    city = geo[1].rstrip("市")
    nth = rng.choice("一二三四五六七")
    return wchoice(rng, [
        (rng.choice(FAMOUS_HOSPITALS), 3), (f"{city}市第{nth}人民医院", 3), (f"{city}市中医院", 1),
        (f"{city}市妇幼保健院", 1), (f"{rng.choice(geo[2])}人民医院", 2), (f"{city}儿童医院", 1),
        (f"{city}市肿瘤医院", 0.5), (f"{city}口腔医院", 0.5), (f"{rng.choice(geo[2])}社区卫生服务中心", 1),
    ])


def g_zh_company(ctx, k):
    rng = ctx.rng
    if rng.random() < 0.4:
        return ctx.faker("zh_CN").company()
    geo = rng.choice(GEO)
    brand = rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
    ind = rng.choice(INDUSTRY)
    return wchoice(rng, [(f"{geo[1]}{brand}{ind}有限公司", 3), (f"{brand}{ind}股份有限公司", 2),
                         (f"{geo[1].rstrip('市')}{brand}{ind}有限责任公司", 1), (f"{brand}集团", 1)])


def g_zh_org(ctx, k):
    r = ctx.rng.random()
    if r < 0.5:
        return g_zh_company(ctx, k)
    if r < 0.75:
        return g_zh_bank(ctx, k)
    return g_zh_hospital(ctx, k)


ZH_JOBS = ["护士", "护士长", "主治医师", "副主任医师", "住院医师", "药剂师", "客户经理", "理财经理", "大堂经理", "柜员",
           "软件工程师", "前端开发工程师", "产品经理", "教师", "小学教师", "大学讲师", "会计", "出纳", "财务总监", "销售总监",
           "销售代表", "司机", "货车司机", "网约车司机", "外卖骑手", "快递员", "保安", "保洁员", "厨师", "服务员", "公务员",
           "律师", "建筑工程师", "电工", "个体工商户", "农民", "工人", "行政专员", "人力资源经理", "总经理", "董事长",
           "设计师", "程序员", "记者", "警察", "护工", "保险代理人", "房产中介", "店长", "退休工人", "营业员", "采购经理",
           "数据分析师", "客服专员", "HR", "UI设计师", "项目经理", "CFO"]


def g_zh_job(ctx, k):
    rng = ctx.rng
    if rng.random() < 0.2:
        j = ctx.faker("zh_CN").job()
        if "/" not in j and "其他" not in j and "（" not in j and "(" not in j and len(j) <= 10:
            return j
    return rng.choice(ZH_JOBS)


# --------------------------------------------------------------------------- NRP
ETHNIC = [("汉族", 20), ("回族", 2), ("满族", 2), ("壮族", 2), ("维吾尔族", 1.5), ("苗族", 1), ("彝族", 1), ("土家族", 1),
          ("藏族", 1), ("蒙古族", 1), ("朝鲜族", 1), ("侗族", 0.5), ("瑶族", 0.5), ("白族", 0.5), ("汉", 4)]
PARTY = ["中共党员", "中共预备党员", "共青团员", "民盟盟员", "九三学社社员", "民革党员", "民进会员", "致公党党员"]
RELIGION = ["佛教", "基督教", "天主教", "伊斯兰教", "道教"]
BELIEVER = ["基督徒", "佛教徒", "穆斯林", "天主教徒"]
NATIONALITY = ["美国籍", "加拿大籍", "英国籍", "澳大利亚籍", "马来西亚籍", "新加坡籍", "韩国籍", "日本籍", "中国籍"]


def g_zh_ethnic(ctx, k):
    return wchoice(ctx.rng, ETHNIC)


def g_zh_party(ctx, k):
    return ctx.rng.choice(PARTY)


def g_zh_religion(ctx, k):
    return ctx.rng.choice(RELIGION)


def g_zh_believer(ctx, k):
    return ctx.rng.choice(BELIEVER)


def g_zh_nationality(ctx, k):
    return ctx.rng.choice(NATIONALITY)


# --------------------------------------------------------------------------- dates & ages
def fmt_zh_date(rng, d, with_year=True, birth=False):
    y, m, day = d.year, d.month, d.day
    opts = [(f"{y}年{m}月{day}日", 35), (f"{y}-{m:02d}-{day:02d}", 20), (f"{y}/{m}/{day}", 10), (f"{y}.{m:02d}.{day:02d}", 8),
            (f"{y}年{m:02d}月{day:02d}日", 8), (f"{zh_year_digits(y)}年{number_words_zh(m)}月{number_words_zh(day)}日", 2)]
    if birth:
        opts.append((f"{y}{m:02d}{day:02d}", 5))
    if not with_year:
        return wchoice(rng, [(f"{m}月{day}日", 5), (f"{m}月{day}号", 2), (f"{m:02d}-{day:02d}", 1)])
    return wchoice(rng, opts)


def g_zh_date(ctx, k):
    d = en._event_date(ctx, k)
    return fmt_zh_date(ctx.rng, d, with_year=ctx.rng.random() > 0.12)


def g_zh_date_full(ctx, k):
    return fmt_zh_date(ctx.rng, en._event_date(ctx, k))


def g_zh_dob(ctx, k):
    return fmt_zh_date(ctx.rng, ctx.persona(k).dob, birth=True)


def g_zh_age(ctx, k):
    return str(ctx.persona(k).age)


def g_zh_age_words(ctx, k):
    return number_words_zh(ctx.persona(k).age)


def g_zh_age_child(ctx, k):
    return str(ctx.rng.randint(2, 15))


# --------------------------------------------------------------------------- contact / documents
ZH_MAIL = [("163.com", 8), ("qq.com", 10), ("126.com", 4), ("sina.com", 2), ("foxmail.com", 2), ("139.com", 1),
           ("outlook.com", 2), ("gmail.com", 2), ("yeah.net", 1), ("aliyun.com", 1), ("hotmail.com", 1),
           ("sohu.com", 1)]


def g_zh_email(ctx, k):
    rng = ctx.rng
    p = ctx.persona(k)
    s = SURNAME_PY.get(p.surname, rng.choice(PY_SYLLABLES))
    g = "".join(rng.choice(PY_SYLLABLES) for _ in range(max(1, len(p.given))))
    dom = wchoice(rng, ZH_MAIL)
    if dom == "qq.com" and rng.random() < 0.7:
        return f"{rng.randint(10000, 3999999999)}@qq.com"
    if rng.random() < 0.2:
        brand = "".join(rng.choice(PY_SYLLABLES)[:2] for _ in range(2))
        dom = f"{brand}{rng.choice(['tech', 'group', 'med', ''])}.{rng.choice(['com.cn', 'com', 'cn', 'net'])}"
    lp = wchoice(rng, [(f"{s}{g}", 4), (f"{s}{g}{p.dob.year}", 2), (f"{s}.{g}", 2), (f"{g}_{s}", 1),
                       (f"{s[0]}{g[0]}{rng.randint(1, 9999)}", 1), (f"{s}{g}{rng.randint(1, 99)}", 2),
                       (f"{g}{s[0]}", 1)])
    return f"{lp}@{dom}"


def g_zh_passport(ctx, k):
    rng = ctx.rng
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return wchoice(rng, [("E" + digits(rng, 8), 45), ("E" + rng.choice(letters) + digits(rng, 7), 35),
                         ("G" + digits(rng, 8), 15)])


def g_zh_mrn(ctx, k):
    rng = ctx.rng
    y = ctx.ref_date.year
    return wchoice(rng, [(digits(rng, 10), 3), (digits(rng, 12), 2), ("MZ" + digits(rng, 10), 2),
                         (f"{y}{digits(rng, 6)}", 2), ("00" + digits(rng, 8), 1), ("H" + digits(rng, 7), 1),
                         (fill(rng, "##-######"), 1)])


def g_zh_zyh(ctx, k):
    rng = ctx.rng
    y = ctx.ref_date.year
    return wchoice(rng, [("ZY" + f"{y}" + digits(rng, 6), 3), (digits(rng, 8), 2), (digits(rng, 7), 1),
                         (f"{y % 100:02d}{digits(rng, 6)}", 1)])


def g_zh_url(ctx, k):
    rng = ctx.rng
    brand = "".join(rng.choice(PY_SYLLABLES) for _ in range(2))
    path = rng.choice(["login", "m/verify", "h5/kyc", "app/download", "service/complaint", "pay/confirm", "s/"
                       + fill(rng, "XXXXXX").lower()])
    return f"{rng.choice(['https://', 'http://', 'https://www.', 'www.'])}{brand}.{rng.choice(['com.cn', 'cn', 'com'])}/{path}"


# --------------------------------------------------------------------------- unlabelled near-misses
def g_zh_order(ctx, k):
    rng = ctx.rng
    y = ctx.ref_date.year
    return wchoice(rng, [(digits(rng, 19), 2), (f"DD{y}{digits(rng, 10)}", 1), (f"{y}{digits(rng, 12)}", 1),
                         (fill(rng, "JD###########"), 1)])


def g_zh_amount(ctx, k):
    rng = ctx.rng
    v = rng.choice([rng.uniform(10, 999), rng.uniform(1000, 99999), rng.uniform(100000, 900000)])
    return wchoice(rng, [(f"¥{v:,.2f}", 3), (f"{int(v)}元", 3), (f"{v / 10000:.1f}万元", 1), ("人民币伍万元整", 0.5),
                         (f"RMB {v:,.2f}", 1), (f"{v:,.2f}元", 2)])


def g_zh_article(ctx, k):
    rng = ctx.rng
    n = rng.randint(1, 74)
    return rng.choice([f"第{number_words_zh(n)}条", f"第{n}条", f"第{number_words_zh(n)}条第{number_words_zh(rng.randint(1, 4))}款"])


def g_zh_hours(ctx, k):
    return ctx.rng.choice(["周一至周五9:00-17:00", "每日8:30-20:00", "工作日上午9点至下午5点", "周六日10:00-16:00",
                           "7×24小时", "9:00—17:30（节假日除外）"])


def g_zh_ticket(ctx, k):
    rng = ctx.rng
    return rng.choice([f"GD{ctx.ref_date.year}{digits(rng, 8)}", fill(rng, "TS########"), fill(rng, "KF-######")])


def g_zh_product(ctx, k):
    rng = ctx.rng
    return rng.choice([fill(rng, "ZH####A"), fill(rng, "AA####"), fill(rng, "理财A###"), fill(rng, "XYZ-####-##")])


def g_zh_model(ctx, k):
    return fill(ctx.rng, "AA-####")


def g_zh_bed(ctx, k):
    return f"{ctx.rng.randint(1, 60)}床"


def g_zh_time(ctx, k):
    rng = ctx.rng
    h, m = rng.randint(8, 18), rng.choice([0, 10, 15, 20, 30, 40, 45])
    return rng.choice([f"{h}:{m:02d}", f"{'上午' if h < 12 else '下午'}{h if h <= 12 else h - 12}点", f"{h}点{m}分" if m else f"{h}点"])


def g_zh_dept(ctx, k):
    return ctx.rng.choice(["心内科", "呼吸内科", "消化内科", "神经内科", "骨科", "急诊科", "内分泌科", "儿科", "妇产科",
                           "普外科", "肾内科", "眼科"])


def g_zh_relation(ctx, k):
    return ctx.rng.choice(["爱人", "丈夫", "妻子", "女儿", "儿子", "母亲", "父亲", "姐姐", "弟弟", "朋友"])


GENS = {
    "zh_name": ("PERSON", g_zh_name), "zh_surname": ("PERSON", g_zh_surname), "zh_given": ("PERSON", g_zh_given),
    "zh_name2": ("PERSON", g_zh_name2), "zh_name_compound": ("PERSON", g_zh_name_compound),
    "zh_pinyin_name": ("PERSON", g_zh_pinyin_name),
    "cn_id": ("CN_RESIDENT_ID", g_cn_id), "cn_mobile": ("CN_MOBILE", g_cn_mobile),
    "cn_landline": ("CN_LANDLINE", g_cn_landline), "cn_bank_card": ("CN_BANK_CARD", g_cn_bank_card),
    "phone_hk": ("PHONE_NUMBER", g_phone_hk),
    "zh_acct": ("ACCOUNT_NUMBER", g_zh_acct),
    "zh_addr": ("STREET_ADDRESS", g_zh_addr), "zh_addr_short": ("STREET_ADDRESS", g_zh_addr_short),
    "zh_estate_addr": ("STREET_ADDRESS", g_zh_estate_addr),
    "zh_city": ("LOCATION", g_zh_city), "zh_district": ("LOCATION", g_zh_district),
    "zh_city_district": ("LOCATION", g_zh_city_district), "zh_province": ("LOCATION", g_zh_province),
    "zh_country": ("LOCATION", g_zh_country), "zh_location": ("LOCATION", g_zh_location),
    "zh_postcode": ("POSTCODE", g_zh_postcode),
    "zh_bank": ("ORGANIZATION", g_zh_bank), "zh_hospital": ("ORGANIZATION", g_zh_hospital),
    "zh_company": ("ORGANIZATION", g_zh_company), "zh_org": ("ORGANIZATION", g_zh_org),
    "zh_job": ("JOB_TITLE", g_zh_job),
    "zh_ethnic": ("NRP", g_zh_ethnic), "zh_party": ("NRP", g_zh_party), "zh_religion": ("NRP", g_zh_religion),
    "zh_believer": ("NRP", g_zh_believer), "zh_nationality": ("NRP", g_zh_nationality),
    "zh_date": ("DATE", g_zh_date), "zh_date_full": ("DATE", g_zh_date_full), "zh_dob": ("DATE_OF_BIRTH", g_zh_dob),
    "zh_age": ("AGE", g_zh_age), "zh_age_words": ("AGE", g_zh_age_words), "zh_age_child": ("AGE", g_zh_age_child),
    "zh_email": ("EMAIL_ADDRESS", g_zh_email), "zh_passport": ("PASSPORT_NUMBER", g_zh_passport),
    "zh_mrn": ("MEDICAL_RECORD_NUMBER", g_zh_mrn), "zh_zyh": ("MEDICAL_RECORD_NUMBER", g_zh_zyh),
    "zh_url": ("URL", g_zh_url), "ipv4": ("IP_ADDRESS", en.g_ipv4), "ipv6": ("IP_ADDRESS", en.g_ipv6),
    "email_en": ("EMAIL_ADDRESS", en.g_email_any),
    # unlabelled
    "zh_gender": (None, g_zh_gender), "zh_honorific": (None, g_zh_honorific), "last4": (None, g_last4),
    "zh_order": (None, g_zh_order), "zh_amount": (None, g_zh_amount), "zh_article": (None, g_zh_article),
    "zh_hours": (None, g_zh_hours), "otp": (None, en.g_otp), "zh_ticket": (None, g_zh_ticket),
    "zh_product": (None, g_zh_product), "rate": (None, en.g_rate), "zh_model": (None, g_zh_model),
    "bp": (None, en.g_bp), "hr": (None, en.g_hr), "temp": (None, en.g_temp), "zh_bed": (None, g_zh_bed),
    "zh_time": (None, g_zh_time), "zh_dept": (None, g_zh_dept), "zh_relation": (None, g_zh_relation),
    "count": (None, en.g_count), "version": (None, en.g_version), "hms": (None, en.g_timestamp_time),
}
