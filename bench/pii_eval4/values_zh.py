"""Chinese-side value generators for pii_eval4: names, 身份证, 手机, 座机, 银行卡, addresses, organisations, dates."""

from __future__ import annotations

import datetime as dt

from common import digits, fk, luhn_check_digit

REF_DAY = dt.date(2026, 6, 15)

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
COMPOUND = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "端木", "公孙", "长孙", "宇文"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞辉建波宁斌凯琳雪梅晨阳浩宇轩子涵欣怡"
             "思雨嘉俊晓峰志远文博佳琪梓萱一诺雅婷海燕春生建国德福淑珍秀兰振华天佑若曦沐晴")
MINORITY = ["阿依古丽·买买提", "热依拉·艾力", "古丽娜尔·吐尔逊", "艾克拜尔·阿不都", "扎西多吉", "次仁卓玛",
            "格桑拉姆", "巴特尔", "乌兰图雅", "帕提古丽·阿木提"]

# (province, city, district, region code of the district, landline area code, postcode prefix)
REGIONS = [
    ("北京市", "北京市", "朝阳区", "110105", "010", "100"), ("北京市", "北京市", "海淀区", "110108", "010", "100"),
    ("上海市", "上海市", "浦东新区", "310115", "021", "200"), ("上海市", "上海市", "徐汇区", "310104", "021", "200"),
    ("广东省", "广州市", "天河区", "440106", "020", "510"), ("广东省", "深圳市", "南山区", "440305", "0755", "518"),
    ("广东省", "东莞市", "", "441900", "0769", "523"), ("浙江省", "杭州市", "西湖区", "330106", "0571", "310"),
    ("浙江省", "宁波市", "鄞州区", "330212", "0574", "315"), ("江苏省", "南京市", "鼓楼区", "320106", "025", "210"),
    ("江苏省", "苏州市", "吴中区", "320506", "0512", "215"), ("四川省", "成都市", "武侯区", "510107", "028", "610"),
    ("湖北省", "武汉市", "洪山区", "420111", "027", "430"), ("陕西省", "西安市", "雁塔区", "610113", "029", "710"),
    ("山东省", "青岛市", "市南区", "370202", "0532", "266"), ("山东省", "济南市", "历下区", "370102", "0531", "250"),
    ("河南省", "郑州市", "金水区", "410105", "0371", "450"), ("湖南省", "长沙市", "岳麓区", "430104", "0731", "410"),
    ("福建省", "厦门市", "思明区", "350203", "0592", "361"), ("天津市", "天津市", "南开区", "120104", "022", "300"),
    ("重庆市", "重庆市", "渝中区", "500103", "023", "400"), ("辽宁省", "沈阳市", "和平区", "210102", "024", "110"),
    ("云南省", "昆明市", "五华区", "530102", "0871", "650"), ("黑龙江省", "哈尔滨市", "南岗区", "230103", "0451", "150"),
    ("安徽省", "合肥市", "蜀山区", "340104", "0551", "230"), ("广西壮族自治区", "南宁市", "青秀区", "450103", "0771", "530"),
]
ROADS = ["人民路", "解放路", "中山路", "建设大道", "长江路", "科技园路", "文化路", "滨河路", "朝阳北路", "和平街",
         "新华路", "迎宾大道", "学府路", "金融街", "光明路", "东风路", "胜利街", "青年路"]
ESTATES = ["阳光花园", "翠苑小区", "金色家园", "万科城", "碧桂园", "锦绣华庭", "紫荆公寓", "幸福里", "海棠湾",
           "丽景苑", "世纪新城", "龙湖春江郦城"]
BANKS = ["中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "招商银行", "交通银行", "兴业银行", "浦发银行",
         "中信银行", "平安银行", "民生银行", "邮储银行", "宁波银行", "北京农商银行"]
CARD_BINS = ["622202", "621700", "622848", "621661", "622588", "622260", "622909", "622521", "621771", "622630",
             "623058", "621799", "625965", "628288"]
HOSPITALS = ["第一人民医院", "中心医院", "妇幼保健院", "中医院", "肿瘤医院", "附属第二医院", "儿童医院", "口腔医院",
             "社区卫生服务中心", "精神卫生中心"]
JOBS = ["客户经理", "理财经理", "柜员", "护士长", "主治医师", "外卖骑手", "快递员", "出租车司机", "程序员", "会计",
        "个体工商户", "退休教师", "销售总监", "保安", "厨师", "大学生", "自由职业", "车间主任", "行政专员", "药剂师",
        "项目经理", "网约车司机", "保洁员", "工程师"]
NRP = ["汉族", "回族", "壮族", "满族", "维吾尔族", "苗族", "土家族", "藏族", "蒙古族", "中共党员", "共青团员",
       "群众", "佛教", "基督教", "伊斯兰教", "民革党员", "九三学社社员", "美国籍", "加拿大籍", "新加坡籍"]


class ZhPersona:
    def __init__(self, ctx, idx: int, locale: str | None):
        rng = ctx.rng
        self.locale = "zh_CN"
        self.gender = rng.choice("MF")
        r = rng.random()
        if r < 0.05:
            self.name = rng.choice(MINORITY)
            self.surname = self.name
        else:
            self.surname = rng.choice(COMPOUND) if r < 0.12 else rng.choice(SURNAMES)
            given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
            self.name = self.surname + given
        self.region = rng.choice(REGIONS)
        self.home = rng.choice(REGIONS) if rng.random() < 0.5 else self.region
        age = rng.randint(18, 88)
        self.dob = REF_DAY - dt.timedelta(days=age * 365 + rng.randint(1, 360))
        self.age = REF_DAY.year - self.dob.year - ((REF_DAY.month, REF_DAY.day) < (self.dob.month, self.dob.day))


def make_persona(ctx, idx, locale):
    return ZhPersona(ctx, idx, locale)


def g_name(ctx, p):
    return p.name


def g_surname(ctx, p):
    return p.surname


def g_xiansheng(ctx, p):  # unlabelled honorific matching the persona
    return "先生" if p.gender == "M" else ctx.rng.choice(["女士", "小姐", "女士"])


def g_ta(ctx, p):
    return "他" if p.gender == "M" else "她"


def g_pinyin(ctx, p):
    f = fk("zh_CN", ctx.seed + "|py")
    return f"{f.last_romanized_name().upper()} {f.first_romanized_name()}"


def cn_id(ctx, p) -> str:
    rng = ctx.rng
    body = p.home[3] + p.dob.strftime("%Y%m%d") + digits(rng, 2) + str(rng.choice([1, 3, 5, 7, 9] if p.gender == "M"
                                                                                  else [0, 2, 4, 6, 8]))
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]
    if rng.random() < 0.08:  # mistyped check digit, still labelled
        check = "10X98765432"[("10X98765432".index(check) + 3) % 11]
    s = body + check
    if s.endswith("X") and rng.random() < 0.3:
        s = s[:-1] + "x"
    if rng.random() < 0.06:
        s = f"{s[:6]} {s[6:14]} {s[14:]}"
    return s


def g_id(ctx, p):
    return cn_id(ctx, p)


def g_mobile(ctx, p):
    rng = ctx.rng
    n = rng.choice(["13", "15", "18", "17", "19", "14", "16"]) + str(rng.randrange(10)) + digits(rng, 8)
    k = rng.randrange(8)
    return [n, n, n, f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}", f"+86 {n}", f"+86-{n[:3]}-{n[3:7]}-{n[7:]}",
            f"(+86){n}"][k]


def g_landline(ctx, p):
    rng = ctx.rng
    area = p.region[4]
    n = digits(rng, 8 if len(area) == 3 else rng.choice([7, 8]), first_nonzero=True).replace("0", "6", 1)
    k = rng.randrange(6)
    mid = len(n) // 2
    s = [f"{area}-{n}", f"({area}){n}", f"{area} {n[:mid]} {n[mid:]}", f"（{area}）{n}", f"{area}{n}",
         f"+86 {area[1:]} {n}"][k]
    if rng.random() < 0.15:
        s += f"转{rng.randint(100, 8999)}"
    return s


def g_foreign_phone(ctx, p):
    rng = ctx.rng
    k = rng.randrange(5)
    return [f"+852 {rng.choice('569')}{digits(rng, 3)} {digits(rng, 4)}", f"+65 {rng.choice('89')}{digits(rng, 3)} {digits(rng, 4)}",
            f"+853 6{digits(rng, 3)} {digits(rng, 4)}", f"+886 9{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
            f"+1 {rng.randint(201, 989)} {rng.randint(201, 989)} {digits(rng, 4)}"][k]


def g_card(ctx, p):
    rng = ctx.rng
    n = rng.choice([16, 16, 19, 19, 17, 18])
    body = rng.choice(CARD_BINS) + digits(rng, n - 7)
    num = body + luhn_check_digit(body)
    k = rng.randrange(4)
    if k == 0:
        return " ".join(num[i:i + 4] for i in range(0, n, 4))
    if k == 1 and n == 19:
        return f"{num[:6]} {num[6:]}"
    return num


def g_account(ctx, p):
    return digits(ctx.rng, ctx.rng.choice([12, 13, 14, 15, 20, 21, 22]), first_nonzero=True)


def g_bank(ctx, p):
    r = ctx.rng
    b = r.choice(BANKS)
    if r.random() < 0.5:
        return b + p.region[1].rstrip("市") + r.choice(["分行", p.region[2].rstrip("区") + "支行" if p.region[2] else "支行"])
    return b


def g_hospital(ctx, p):
    r = ctx.rng
    return p.region[1] + r.choice(HOSPITALS) if r.random() < 0.7 else r.choice(["协和医院", "华山医院", "湘雅医院",
                                                                            "华西医院", "同济医院", "瑞金医院"])


def g_company(ctx, p):
    return fk("zh_CN", ctx.seed + f"|co{ctx.rng.random()}").company()


def g_job(ctx, p):
    if ctx.rng.random() < 0.35:
        return fk("zh_CN", ctx.seed + f"|job{ctx.rng.random()}").job()
    return ctx.rng.choice(JOBS)


def g_address(ctx, p):
    rng = ctx.rng
    prov, city, dist, _, _, _ = p.home
    head = (prov if prov != city and rng.random() < 0.6 else "") + city + dist
    road = rng.choice(ROADS) + f"{rng.randint(1, 999)}号"
    k = rng.randrange(4)
    if k == 0:
        tail = f"{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 33)}{rng.randint(1, 4):02d}室"
    elif k == 1:
        tail = f"{rng.choice(['国贸大厦', '环球中心', '时代广场', '财富中心'])}{rng.choice('ABC')}座{rng.randint(3, 40)}{rng.randint(1, 20):02d}"
    elif k == 2:
        tail = f"{rng.randint(1, 20)}号楼{rng.randint(1, 3)}门{rng.randint(101, 2404)}"
    else:
        tail = ""
    return head + road + tail


def g_address_short(ctx, p):
    rng = ctx.rng
    return f"{p.home[2] or p.home[1]}{rng.choice(ESTATES)}{rng.randint(1, 30)}栋{rng.randint(101, 2802)}"


def g_city(ctx, p):
    return ctx.rng.choice([p.region[1], p.region[0], p.region[1] + p.region[2]]) if p.region[2] else p.region[1]


def g_postcode(ctx, p):
    return p.home[5] + digits(ctx.rng, 3)


def fmt_date(rng, d: dt.date) -> str:
    k = rng.randrange(6)
    return [f"{d.year}年{d.month}月{d.day}日", d.isoformat(), f"{d.year}/{d.month}/{d.day}", d.strftime("%Y%m%d"),
            f"{d.year}.{d.month:02d}.{d.day:02d}", f"{d.year}年{d.month:02d}月{d.day:02d}日"][k]


def g_dob(ctx, p):
    return fmt_date(ctx.rng, p.dob)


def g_date(ctx, p):
    d = REF_DAY + dt.timedelta(days=ctx.rng.randint(-300, 90))
    if ctx.rng.random() < 0.3:
        return f"{d.month}月{d.day}日"
    return fmt_date(ctx.rng, d)


def g_age(ctx, p):
    return str(p.age)


CN_NUM = "零一二三四五六七八九"


def g_age_words(ctx, p):
    a = p.age
    tens, ones = divmod(a, 10)
    return (CN_NUM[tens] if tens > 1 else "") + ("十" if tens else "") + (CN_NUM[ones] if ones else "")


def g_email(ctx, p):
    rng = ctx.rng
    f = fk("zh_CN", ctx.seed + "|mail")
    k = rng.randrange(4)
    if k == 0:
        return f"{rng.randint(10000, 3999999999)}@qq.com"
    if k == 1:
        return f"{f.last_romanized_name().lower()}{f.first_romanized_name().lower()}{rng.randint(1, 99)}@" \
               f"{rng.choice(['163.com', '126.com', 'sina.com', 'foxmail.com', 'aliyun.com'])}"
    if k == 2:
        return f"{f.first_romanized_name().lower()}.{f.last_romanized_name().lower()}@{f.domain_name()}"
    return f"{f.user_name()}@{rng.choice(['163.com', 'hotmail.com', 'gmail.com'])}"


def g_passport(ctx, p):
    rng = ctx.rng
    return rng.choice([f"E{digits(rng, 8)}", f"E{rng.choice('ABCDEFGH')}{digits(rng, 7)}", f"G{digits(rng, 8)}"])


def g_mrn(ctx, p):
    rng = ctx.rng
    return rng.choice([digits(rng, 7, True), f"ZY{digits(rng, 8)}", f"MZ{digits(rng, 7)}", digits(rng, 10, True),
                       f"{REF_DAY.year}{digits(rng, 6)}"])


def g_ip(ctx, p):
    f = fk("zh_CN", ctx.seed + "|ip")
    return f.ipv4_public() if ctx.rng.random() < 0.7 else f.ipv4_private()


def g_url(ctx, p):
    f = fk("zh_CN", ctx.seed + "|url")
    return ctx.rng.choice([f"https://{f.domain_name()}/{f.uri_path()}", f"www.{f.domain_name()}",
                           f"https://weibo.com/u/{digits(ctx.rng, 10, True)}"])


def g_nrp(ctx, p):
    return ctx.rng.choice(NRP)


def f_order(ctx, p):
    return digits(ctx.rng, ctx.rng.choice([16, 18]), True)


def f_amount(ctx, p):
    return f"{ctx.rng.randint(50, 99999)}{ctx.rng.choice(['元', '.00元', '块'])}"


def f_last4(ctx, p):
    return digits(ctx.rng, 4)


def f_code(ctx, p):
    return digits(ctx.rng, 6)


def f_ticket(ctx, p):
    return ctx.rng.choice(["TS", "GD", "KF"]) + digits(ctx.rng, 10)


def f_bp(ctx, p):
    return f"{ctx.rng.randint(95, 170)}/{ctx.rng.randint(55, 100)}mmHg"


def f_time(ctx, p):
    return f"{ctx.rng.randint(7, 21)}:{ctx.rng.choice(['00', '30', '15', '45'])}"


GENS = {
    "name": ("PERSON", g_name), "surname": ("PERSON", g_surname), "xs": (None, g_xiansheng), "ta": (None, g_ta),
    "pinyin": ("PERSON", g_pinyin), "id": ("CN_RESIDENT_ID", g_id), "mobile": ("CN_MOBILE", g_mobile),
    "landline": ("CN_LANDLINE", g_landline), "fphone": ("PHONE_NUMBER", g_foreign_phone),
    "card": ("CN_BANK_CARD", g_card), "account": ("ACCOUNT_NUMBER", g_account), "bank": ("ORGANIZATION", g_bank),
    "hospital": ("ORGANIZATION", g_hospital), "company": ("ORGANIZATION", g_company), "job": ("JOB_TITLE", g_job),
    "address": ("STREET_ADDRESS", g_address), "address_short": ("STREET_ADDRESS", g_address_short),
    "city": ("LOCATION", g_city), "postcode": ("POSTCODE", g_postcode), "dob": ("DATE_OF_BIRTH", g_dob),
    "date": ("DATE", g_date), "age": ("AGE", g_age), "age_words": ("AGE", g_age_words),
    "email": ("EMAIL_ADDRESS", g_email), "passport": ("PASSPORT_NUMBER", g_passport),
    "mrn": ("MEDICAL_RECORD_NUMBER", g_mrn), "ip": ("IP_ADDRESS", g_ip), "url": ("URL", g_url), "nrp": ("NRP", g_nrp),
    "order": (None, f_order), "amount": (None, f_amount), "last4": (None, f_last4), "code": (None, f_code),
    "ticket": (None, f_ticket), "bp": (None, f_bp), "time": (None, f_time),
}
