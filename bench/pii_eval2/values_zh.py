"""Value generators for the Chinese-language records (hand-written lists,
plus faker ``zh_CN`` for given names and company names)."""
from __future__ import annotations

import datetime as _dt

from common import (chance, cn_id_check, digits, fill, group, group_every, luhn_number,
                    pick, wchoice)

SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
            "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
            "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
            "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
            "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎",
            "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔",
            "向", "汤", "常", "温", "康", "施", "文", "牛", "樊", "葛", "邢", "安", "齐", "易",
            "乔", "伍", "庞", "颜", "倪", "庄", "聂", "章", "鲁", "岳", "翟", "殷", "詹", "申",
            "欧", "耿", "关", "兰", "焦", "俞", "左", "柳", "甘", "祝", "包", "宁", "尚", "符",
            "舒", "阮", "柯", "纪", "梅", "童", "凌", "毕", "单", "季", "裴", "霍", "涂", "成",
            "苗", "谷", "盛", "曲", "翁", "冉", "骆", "蓝", "路", "游", "辛", "靳", "管", "柴",
            "蒙", "鲍", "华", "喻", "祁", "蒲", "房", "滕", "屈", "饶", "解", "牟", "艾", "尤",
            "阳", "时", "穆", "农", "司", "卓", "古", "吉", "缪", "简", "车", "项", "连", "芦",
            "麦", "褚", "娄", "窦", "戚", "岑", "景", "党", "宫", "费", "卜", "冷", "晏", "席",
            "卫", "米", "柏", "宗", "瞿", "桂", "全", "佟", "应", "臧", "闵", "苟", "邬", "边",
            "卞", "姬", "师", "和", "仇", "栾", "隋", "商", "刁", "沙", "荣", "巫", "寇", "桑",
            "郎", "甄", "丛", "仲", "虞", "敖", "巩", "明", "佘", "池", "查", "麻", "苑", "迟",
            "邝", "官", "封", "谈", "匡", "鞠", "惠", "荆", "乐", "冀", "郁", "胥", "南", "班",
            "储", "原", "栗", "燕", "楚", "鄢", "劳", "谌", "奚", "皮", "粟", "冼", "蔺", "楼"]
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
            "司徒", "夏侯", "端木", "长孙", "宇文", "轩辕", "独孤", "南宫", "西门", "呼延"]
GIVEN_1_M = ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "鑫", "斌", "宇",
             "浩", "凯", "昊", "峰", "彬", "平", "波", "辉", "健", "亮"]
GIVEN_1_F = ["芳", "娜", "敏", "静", "丽", "艳", "霞", "颖", "琳", "婷", "雪", "瑶", "欣", "怡",
             "萌", "蕾", "璐", "莉", "薇", "岚", "晨", "桂", "娟", "燕"]
GIVEN_2_M = ["建华", "建国", "志强", "晓明", "俊杰", "梓轩", "浩然", "思远", "宇航", "德胜", "晓东",
             "国庆", "卫东", "明轩", "天佑", "瑞霖", "沐宸", "振华", "立新", "家豪", "冬生", "福来",
             "少华", "鹏飞", "锦程", "一诺", "子墨", "文博", "海涛", "永强"]
GIVEN_2_F = ["秀英", "桂英", "海燕", "丽娟", "子涵", "欣怡", "雨桐", "嘉怡", "文静", "春梅", "玉兰",
             "金凤", "永红", "红梅", "佳琪", "诗涵", "若曦", "婉清", "雅婷", "美玲", "淑芬", "秋菊",
             "小燕", "梦瑶", "一诺", "思彤", "慧敏", "晓丽", "雪梅", "玉珍"]
MINORITY = [("阿依古丽·买买提", "F"), ("买买提·艾力", "M"), ("扎西顿珠", "M"), ("次仁卓玛", "F"),
            ("格桑梅朵", "F"), ("巴特尔", "M"), ("乌兰托娅", "F"), ("阿不都热合曼·吐尔逊", "M"),
            ("热依拉·艾合买提", "F"), ("古丽娜尔·托合提", "F"), ("达瓦次仁", "M"), ("斯琴高娃", "F"),
            ("其木格", "F"), ("那日苏", "M"), ("阿力木江·努尔", "M"), ("努尔兰·别克", "M"),
            ("央金拉姆", "F"), ("索朗旺堆", "M"), ("吉克阿依", "F"), ("阿苏木呷", "M"),
            ("木合塔尔·艾山", "M"), ("帕提古丽·吾斯曼", "F"), ("额尔敦巴雅尔", "M"), ("普布次仁", "M"),
            ("德吉央宗", "F"), ("阿依努尔·加帕尔", "F")]


class ZhPerson:
    def __init__(self, name, surname, sex, minority=False):
        self.name = name
        self.surname = surname
        self.sex = sex
        self.minority = minority

    def title(self, rng):
        if self.minority:
            return ""
        return pick(rng, ["先生"] if self.sex == "M" else ["女士", "女士", "小姐"])


def zh_person(rng, fk=None, kind=None):
    kind = kind or wchoice(rng, [("normal", 70), ("single", 14), ("compound", 7),
                                 ("minority", 7), ("faker", 10)])
    sex = pick(rng, "MF")
    if kind == "minority":
        name, sex = pick(rng, MINORITY)
        return ZhPerson(name, None, sex, True)
    if kind == "faker" and fk is not None:
        f = fk("zh_CN")
        sur = f.last_name()
        given = f.first_name_male() if sex == "M" else f.first_name_female()
        return ZhPerson(sur + given, sur, sex)
    sur = pick(rng, COMPOUND) if kind == "compound" else pick(rng, SURNAMES)
    g1 = GIVEN_1_M if sex == "M" else GIVEN_1_F
    g2 = GIVEN_2_M if sex == "M" else GIVEN_2_F
    if kind == "single":
        given = pick(rng, g1)
    elif kind == "compound":
        given = pick(rng, g1) if chance(rng, 0.5) else pick(rng, g2)
    else:
        given = pick(rng, g2) if chance(rng, 0.8) else pick(rng, g1) + pick(rng, g1)
    return ZhPerson(sur + given, sur, sex)


# --------------------------------------------------------------------------
# Regions (real administrative division codes) and addresses
# --------------------------------------------------------------------------
REGIONS = [
    ("110108", "北京市", "", "海淀区", "100080"), ("110105", "北京市", "", "朝阳区", "100020"),
    ("310115", "上海市", "", "浦东新区", "200120"), ("310104", "上海市", "", "徐汇区", "200030"),
    ("440305", "广东省", "深圳市", "南山区", "518052"), ("440106", "广东省", "广州市", "天河区", "510630"),
    ("330106", "浙江省", "杭州市", "西湖区", "310012"), ("330212", "浙江省", "宁波市", "鄞州区", "315100"),
    ("320106", "江苏省", "南京市", "鼓楼区", "210009"), ("320508", "江苏省", "苏州市", "姑苏区", "215008"),
    ("510107", "四川省", "成都市", "武侯区", "610041"), ("420111", "湖北省", "武汉市", "洪山区", "430070"),
    ("370102", "山东省", "济南市", "历下区", "250011"), ("370202", "山东省", "青岛市", "市南区", "266001"),
    ("610113", "陕西省", "西安市", "雁塔区", "710061"), ("500103", "重庆市", "", "渝中区", "400010"),
    ("120101", "天津市", "", "和平区", "300041"), ("430104", "湖南省", "长沙市", "岳麓区", "410006"),
    ("350102", "福建省", "福州市", "鼓楼区", "350001"), ("350203", "福建省", "厦门市", "思明区", "361001"),
    ("530102", "云南省", "昆明市", "五华区", "650031"), ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "830000"),
    ("540102", "西藏自治区", "拉萨市", "城关区", "850000"), ("150102", "内蒙古自治区", "呼和浩特市", "新城区", "010050"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区", "750001"), ("450105", "河南省", "郑州市", "金水区", "450003"),
    ("210102", "辽宁省", "沈阳市", "和平区", "110001"), ("220102", "吉林省", "长春市", "南关区", "130022"),
    ("230102", "黑龙江省", "哈尔滨市", "道里区", "150010"), ("340104", "安徽省", "合肥市", "蜀山区", "230031"),
    ("360102", "江西省", "南昌市", "东湖区", "330006"), ("450103", "广西壮族自治区", "南宁市", "青秀区", "530022"),
    ("520102", "贵州省", "贵阳市", "南明区", "550001"), ("460106", "海南省", "海口市", "龙华区", "570105"),
    ("130102", "河北省", "石家庄市", "长安区", "050011"), ("140105", "山西省", "太原市", "小店区", "030032"),
    ("620102", "甘肃省", "兰州市", "城关区", "730030"), ("630104", "青海省", "西宁市", "城西区", "810001"),
]
RURAL = [  # (code, province, city, county, town, village, postcode)
    ("330727", "浙江省", "金华市", "磐安县", "尖山镇", "管头村", "322300"),
    ("511623", "四川省", "广安市", "邻水县", "柑子镇", "石板村", "638500"),
    ("431228", "湖南省", "怀化市", "芷江侗族自治县", "罗旧镇", "大塘村", "419100"),
    ("371526", "山东省", "聊城市", "高唐县", "梁村镇", "后屯村", "252800"),
    ("412728", "河南省", "周口市", "沈丘县", "槐店回族镇", "小王庄村", "466300"),
    ("522631", "贵州省", "黔东南苗族侗族自治州", "黎平县", "肇兴镇", "堂安村", "557300"),
    ("653101", "新疆维吾尔自治区", "喀什地区", "喀什市", "浩罕乡", "阿亚格曼干村", "844000"),
    ("360721", "江西省", "赣州市", "赣县区", "江口镇", "夏潭村", "341100"),
]
ROADS = ["中山路", "人民路", "建设路", "解放大道", "科技园南路", "文三路", "南京西路", "长江路",
         "和平大街", "延安路", "学院路", "滨江大道", "青年路", "幸福路", "迎宾大道", "天府大道",
         "东风路", "黄河路", "新华街", "胜利路", "朝阳北路", "五四路", "环城东路", "紫荆路"]
ESTATES = ["阳光花园", "翠苑小区", "金地名郡", "万科城", "碧桂园", "世纪城", "丽景湾",
           "锦绣江南", "和谐家园", "龙湖春江郦城", "恒大绿洲", "保利香槟国际", "绿城桂花园",
           "幸福里", "滨江花园", "桃源新村", "东方明珠苑", "华润二十四城"]
TOWERS = ["国贸大厦", "华润大厦", "世纪大厦", "金融中心", "环球中心", "汇丰大厦", "创新大厦",
          "科技大厦", "时代广场", "中天广场"]
STREETS_JD = ["西溪街道", "湖滨街道", "五里墩街道", "南头街道", "石牌街道", "陆家嘴街道",
              "中关村街道", "解放路街道", "玉林街道"]


class ZhAddr:
    def __init__(self, full, province, city, district, postcode, short):
        self.full = full
        self.province = province
        self.city = city
        self.district = district
        self.postcode = postcode
        self.short = short  # without province/city


def zh_address(rng, region=None):
    if chance(rng, 0.18):
        code, prov, city, county, town, village, pc = pick(rng, RURAL)
        grp = f"{rng.randint(1, 12)}组" if chance(rng, 0.6) else ""
        short = f"{town}{village}{grp}{rng.randint(1, 99)}号"
        return ZhAddr(f"{prov}{city}{county}{short}", prov, city, county, pc, short)
    code, prov, city, dist, pc = region or pick(rng, REGIONS)
    road = pick(rng, ROADS)
    no = rng.randint(1, 999)
    k = rng.randrange(4)
    if k == 0:
        tail = f"{pick(rng, ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 33)}0{rng.randint(1, 6)}室"
    elif k == 1:
        tail = f"{pick(rng, TOWERS)}{pick(rng, ['A座', 'B座', '东塔', '西塔', ''])}{rng.randint(2, 48)}层{rng.randint(1, 30):02d}室"
    elif k == 2:
        tail = f"{pick(rng, ESTATES)}{rng.randint(1, 20)}幢{rng.randint(1, 25)}0{rng.randint(1, 4)}室"
    else:
        tail = f"{rng.randint(1, 12)}号楼{rng.randint(1, 5)}单元{rng.randint(1, 20)}0{rng.randint(1, 4)}"
    jd = pick(rng, STREETS_JD) if chance(rng, 0.15) else ""
    short = f"{dist}{jd}{road}{no}号{tail}"
    cityp = city if city else ""
    full = f"{prov}{cityp}{short}" if chance(rng, 0.75) else f"{cityp or prov}{short}"
    return ZhAddr(full, prov, city or prov, dist, pc, short)


def zh_city(rng):
    r = pick(rng, REGIONS)
    return r[2] or r[1]


# --------------------------------------------------------------------------
# 身份证
# --------------------------------------------------------------------------
def cn_id(rng, dob=None, sex=None, invalid=None, region=None):
    """Returns (id_string, kind) where kind in {valid, bad_check, bad_region, bad_date}."""
    if invalid is None:
        invalid = chance(rng, 0.15)
    code = (region or pick(rng, REGIONS + RURAL))[0]
    dob = dob or _dt.date(rng.randint(1950, 2006), rng.randint(1, 12), rng.randint(1, 28))
    ds = dob.strftime("%Y%m%d")
    kind = "valid"
    if invalid:
        kind = pick(rng, ["bad_check", "bad_check", "bad_region", "bad_date"])
        if kind == "bad_region":
            code = pick(rng, ["990101", "000000", "830102", "960305", "100101"])
        elif kind == "bad_date":
            ds = pick(rng, [f"{dob.year}0231", f"{dob.year}1332", f"{dob.year}0000", f"{dob.year}0631",
                            f"2{rng.randint(100, 999)}0101"])
    seq = f"{rng.randint(0, 99):02d}"
    sexd = rng.choice([1, 3, 5, 7, 9] if sex == "M" else [0, 2, 4, 6, 8]) if sex else rng.randint(0, 9)
    body = code + ds + seq + str(sexd)
    chk = cn_id_check(body)
    if kind == "bad_check":
        alt = "0123456789X"
        chk = alt[(alt.index(chk) + rng.randint(1, 10)) % 11]
    s = body + chk
    if s.endswith("X") and chance(rng, 0.25):
        s = s[:-1] + "x"
    fmt = rng.randrange(10)
    if fmt == 0:
        s = f"{s[:6]} {s[6:14]} {s[14:]}"
    elif fmt == 1:
        s = group(s, [6, 4, 4, 4])
    return s, kind


# --------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145",
                 "147", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
                 "170", "171", "173", "175", "176", "177", "178", "180", "181", "182", "183",
                 "184", "185", "186", "187", "188", "189", "191", "193", "195", "196", "198",
                 "199"]


def cn_mobile(rng, style=None):
    n = pick(rng, MOBILE_PREFIX) + digits(rng, 8)
    style = style if style is not None else rng.randrange(12)
    if style <= 4:
        return n
    if style == 5:
        return f"{n[:3]} {n[3:7]} {n[7:]}"
    if style == 6:
        return f"{n[:3]}-{n[3:7]}-{n[7:]}"
    if style == 7:
        return f"+86 {n[:3]} {n[3:7]} {n[7:]}"
    if style == 8:
        return f"+86-{n}"
    if style == 9:
        return f"(+86){n}"
    if style == 10:
        return f"86{n}"
    return f"+86 {n}"


AREA_CODES = [("010", 8), ("020", 8), ("021", 8), ("022", 8), ("023", 8), ("024", 8),
              ("025", 8), ("027", 8), ("028", 8), ("029", 8), ("0571", 8), ("0755", 8),
              ("0512", 8), ("0731", 8), ("0871", 8), ("0991", 7), ("0891", 7), ("0471", 7),
              ("0531", 8), ("0591", 8), ("0898", 8), ("0851", 8), ("0574", 8), ("0592", 7)]


def cn_landline(rng, ext=None):
    code, n = pick(rng, AREA_CODES)
    num = str(rng.randint(2, 8)) + digits(rng, n - 1)
    k = rng.randrange(9)
    if k <= 2:
        s = f"{code}-{num}"
    elif k == 3:
        s = f"({code}){num}"
    elif k == 4:
        s = f"({code}) {num[:4]} {num[4:]}"
    elif k == 5:
        s = f"{code} {num[:4]} {num[4:]}"
    elif k == 6:
        s = f"+86 {code[1:]} {num[:4]} {num[4:]}"
    elif k == 7:
        s = f"{code}{num}"
    else:
        s = f"{code}－{num}"
    if ext is None:
        ext = chance(rng, 0.25)
    if ext:
        e = digits(rng, rng.randint(3, 4), True)
        s += pick(rng, [f"转{e}", f" 转 {e}", f"-{e}", f" 分机{e}", f"转{e}"])
    return s


# --------------------------------------------------------------------------
# Cards / accounts / IDs
# --------------------------------------------------------------------------
BINS = ["622202", "622848", "621700", "601382", "622588", "622262", "436742", "625965",
        "621483", "623058", "622609", "628288", "622908", "621226", "356833", "518710",
        "625804", "621799"]


def cn_bank_card(rng, valid=None):
    if valid is None:
        valid = not chance(rng, 0.12)
    length = pick(rng, [16, 19, 19, 19, 18, 17])
    n = luhn_number(rng, pick(rng, BINS), length, valid)
    k = rng.randrange(6)
    if k == 0:
        return group_every(n, 4)
    if k == 1:
        return f"{n[:6]} {n[6:]}"
    if k == 2:
        return group_every(n, 4, "-")
    return n


def cn_corp_account(rng):
    n = digits(rng, pick(rng, [17, 19, 20, 21]), True)
    return n if chance(rng, 0.6) else group_every(n, 4)


def cn_passport(rng):
    return fill(rng, pick(rng, ["E########", "E@#######", "G########", "EA#######", "EH#######"]))


def hk_macau_permit(rng):
    return fill(rng, pick(rng, ["C########", "C@#######", "CA#######", "H########"]))


def social_security_card(rng):
    return fill(rng, pick(rng, ["@########", "@@#######", "##########", "@########"]))


def zh_url(rng, kind="portal"):
    host = pick(rng, ["m.hxbank-demo.cn", "e.antai-ins.com.cn", "wx.renji-kf.cn", "service.hengtong-bank.cn"])
    path = pick(rng, ["/claim/upload", "/u/", "/s/", "/appointment", "/card/activate"])
    tail = fill(rng, "@@##@#").lower() if path in ("/u/", "/s/") else ("?c=" + fill(rng, "######") if chance(rng, 0.5) else "")
    return pick(rng, ["https://", "http://", ""]) + host + path + tail


def medical_no(rng, kind="住院号"):
    if kind == "住院号":
        return fill(rng, pick(rng, ["ZY20#######", "#######", "ZY-####-#####", "20########"]))
    if kind == "门诊号":
        return fill(rng, pick(rng, ["MZ##########", "##########", "00########"]))
    return fill(rng, pick(rng, ["B-########", "BA#######", "########"]))


def policy_no(rng):
    return fill(rng, pick(rng, ["P###############", "8############", "BD2024########", "########"]))


def customer_no(rng):
    return fill(rng, pick(rng, ["KH########", "##########", "C##########"]))


def order_no(rng):  # NOT labelled
    return fill(rng, pick(rng, ["DD2024########", "#################", "GD-#######", "TS########",
                                "WO########", "LP########"]))


def case_no(rng):  # NOT labelled
    return fill(rng, pick(rng, ["LP2024######", "TS-######", "AML-2024-####", "XD########"]))


EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com",
                 "aliyun.com", "sohu.com", "outlook.com", "gmail.com", "yeah.net"]


def zh_email(rng, pinyin_name=None):
    if pinyin_name and chance(rng, 0.6):
        local = pinyin_name + pick(rng, ["", str(rng.randint(1, 99)), "_" + str(rng.randint(1970, 2005))])
    elif chance(rng, 0.5):
        local = digits(rng, rng.randint(6, 10), True)
    else:
        local = pick(rng, ["xiaoyu", "happy", "sunny", "wl", "zz", "lucky", "tiger", "momo"]) + digits(rng, 3)
    return f"{local}@{pick(rng, EMAIL_DOMAINS)}"


PINYIN = {"王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang",
          "黄": "huang", "赵": "zhao", "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun",
          "马": "ma", "朱": "zhu", "胡": "hu", "郭": "guo", "何": "he", "高": "gao",
          "林": "lin", "罗": "luo", "郑": "zheng", "梁": "liang", "欧阳": "ouyang",
          "司马": "sima", "诸葛": "zhuge", "上官": "shangguan"}


def pinyin_for(p):
    if p.surname and p.surname in PINYIN:
        return PINYIN[p.surname] + pick_static(len(p.name))
    return None


def pick_static(n):
    return ["", "", "xm", "xy", "jh", "wl"][min(n, 5)]


# --------------------------------------------------------------------------
# Dates / ages / misc
# --------------------------------------------------------------------------
CN_DIGITS = "〇一二三四五六七八九"


def cn_num(n):
    units = "零一二三四五六七八九"
    if n < 10:
        return units[n]
    if n < 20:
        return "十" + (units[n % 10] if n % 10 else "")
    if n < 100:
        return units[n // 10] + "十" + (units[n % 10] if n % 10 else "")
    return "一百" + ("零" + units[n % 10] if n < 110 and n % 10 else (cn_num(n - 100) if n > 100 else ""))


def zh_date(rng, d, style=None):
    style = style if style is not None else rng.randrange(9)
    if style <= 2:
        return f"{d.year}年{d.month}月{d.day}日"
    if style == 3:
        return d.isoformat()
    if style == 4:
        return f"{d.year}/{d.month}/{d.day}"
    if style == 5:
        return d.strftime("%Y.%m.%d")
    if style == 6:
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == 7:
        y = "".join(CN_DIGITS[int(c)] for c in str(d.year))
        return f"{y}年{cn_num(d.month)}月{cn_num(d.day)}日"
    return f"{d.month}月{d.day}日"


def zh_age(rng, n):
    return cn_num(n) if chance(rng, 0.15) else str(n)


ETHNIC = ["汉族"] * 12 + ["回族", "维吾尔族", "藏族", "蒙古族", "壮族", "满族", "苗族", "彝族",
                          "土家族", "朝鲜族", "哈萨克族", "侗族", "瑶族", "白族", "傣族"]
POLITICAL = ["中共党员", "中共党员", "共青团员", "群众", "群众", "中共预备党员", "民盟盟员",
             "九三学社社员", "无党派人士", "民进会员"]
RELIGION = ["佛教", "伊斯兰教", "基督教", "天主教", "道教"]
NATION = ["中国", "中国", "美国", "加拿大", "新加坡", "马来西亚", "日本", "韩国", "澳大利亚", "英国"]

JOBS_MED = ["主任医师", "副主任医师", "主治医师", "住院医师", "护士长", "责任护士", "主管护师",
            "护师", "规培医师", "药剂师", "检验技师", "康复治疗师"]
JOBS_FIN = ["客户经理", "高级客户经理", "信贷审批岗", "风控专员", "反洗钱合规专员", "理赔专员",
            "柜员", "支行行长", "理财经理", "核保员", "保全专员", "催收专员", "大堂经理",
            "合规部副经理", "零售信贷部总经理"]
JOBS_GEN = ["部门经理", "副总经理", "财务总监", "人事专员", "高级工程师", "教师", "个体工商户",
            "科员", "处长", "总经理助理", "销售主管", "软件工程师", "会计", "出租车司机",
            "外卖骑手", "行政主管", "项目经理", "车间主任", "退休教师", "法务专员", "厨师长",
            "公务员", "技术总监", "研发工程师", "店长"]
HOSPITALS = ["杭州市第三人民医院", "南山区人民医院", "华西协和医院", "东湖第一人民医院",
             "江城市中心医院", "西湖区妇幼保健院", "滨江社区卫生服务中心", "省立中医院",
             "仁济康复医院", "江北市第二人民医院", "明德肿瘤医院", "和平区中心医院"]
BANKS = ["华信银行", "江南农村商业银行", "恒通银行股份有限公司", "东方汇金银行", "长城人寿保险股份有限公司",
         "安泰财产保险有限公司", "瑞丰消费金融有限公司", "鼎盛证券", "信和小额贷款有限公司",
         "汇丰源村镇银行"]
ORG_SHORT = ["鼎盛科技", "恒泰电子", "华纳物流", "新元建设", "青禾教育", "星河传媒", "锦程贸易",
             "瑞和医药", "同创软件", "海纳百川咨询"]


def zh_org(rng, fk=None, kind="co"):
    if kind == "hospital":
        return pick(rng, HOSPITALS)
    if kind == "fin":
        return pick(rng, BANKS)
    if fk is not None and chance(rng, 0.5):
        return fk("zh_CN").company()
    if chance(rng, 0.4):
        return pick(rng, ORG_SHORT)
    return f"{zh_city(rng).rstrip('市')}{pick(rng, ORG_SHORT)}{pick(rng, ['有限公司', '股份有限公司', '集团有限公司'])}"


def zh_job(rng, domain="gen"):
    return pick(rng, {"med": JOBS_MED, "fin": JOBS_FIN}.get(domain, JOBS_GEN))


def rdob(rng, min_age=18, max_age=90, ref_year=2024):
    y = ref_year - rng.randint(min_age, max_age)
    return _dt.date.fromordinal(rng.randint(_dt.date(y, 1, 1).toordinal(), _dt.date(y, 12, 31).toordinal()))


def rdate(rng, start=2022, end=2025):
    a = _dt.date(start, 1, 1).toordinal()
    b = _dt.date(end, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(a, b))


def age_at(dob, ref):
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


def cny(rng):
    return pick(rng, [f"{rng.randint(100, 500000):,}.{rng.randint(0, 99):02d}元", f"¥{rng.randint(50, 99999)}",
                      f"人民币{rng.randint(1, 300)}万元", f"{rng.randint(1000, 90000)}元"])
