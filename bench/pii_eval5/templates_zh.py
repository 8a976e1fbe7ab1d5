"""Chinese templates and values."""

from __future__ import annotations

from common import digits, luhn_digit

MINORITY = ["阿依古丽·买买提", "热依拉·阿不都", "艾力·吐尔逊", "迪丽娜尔·艾山", "巴特尔·乌力吉", "扎西·顿珠", "古丽米热·热合曼",
            "约翰·史密斯", "玛丽亚·加西亚", "阿卜杜拉·哈桑", "娜仁·其其格", "穆罕默德·伊明"]
AREAS = ["110101", "310104", "440305", "330106", "510107", "420106", "320102", "370202", "610113", "500103", "650102", "210102"]
LAND_AREA = ["010", "021", "020", "0755", "0571", "028", "027", "025", "0532", "029", "023", "0991"]
NRP_ZH = ["汉族", "回族", "维吾尔族", "藏族", "蒙古族", "壮族", "满族", "苗族", "中共党员", "基督徒", "佛教徒", "伊斯兰教"]


def V(t, v):
    return (t, v)


def rid(g):
    y, m, d = g.ymd(1950, 2006)
    body = g.pick(AREAS) + f"{y}{m:02d}{d:02d}" + digits(g.r, 3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    chk = "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]
    if g.r.random() < 0.33:
        chk = g.pick([c for c in "0123456789X" if c != chk])
    return body + chk, (y, m, d)


def name(g):
    x = g.r.random()
    if x < 0.12:
        return g.pick(MINORITY)
    return g.f("zh_TW" if x < 0.35 else "zh_CN").name()


def mobile(g):
    n = g.pick(["13", "15", "18", "17", "19", "14"]) + str(g.r.randrange(10)) + digits(g.r, 8)
    return g.pick([n, n, f"{n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]}-{n[3:7]}-{n[7:]}", f"+86 {n}", f"+86-{n}"])


def landline(g):
    a = g.pick(LAND_AREA)
    n = digits(g.r, 8 if len(a) == 3 else g.pick([7, 8]), True)
    return g.pick([f"{a}-{n}", f"({a}){n}", f"{a} {n}", f"{a}-{n[:4]} {n[4:]}"])


def bank(g):
    n = g.pick([16, 17, 19])
    body = g.pick(["62", "6228", "6222", "6217", "4367"]) 
    body += digits(g.r, n - len(body) - 1)
    s = body + luhn_digit(body)
    return g.pick([s, " ".join(s[i:i + 4] for i in range(0, n, 4))])


def addr(g):
    return g.f("zh_CN").address()


def zdate(g, lo=2020, hi=2026):
    y, m, d = g.ymd(lo, hi)
    return g.pick([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}.{m:02d}.{d:02d}"])


def zdob(g, ymd):
    y, m, d = ymd
    return g.pick([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}{m:02d}{d:02d}"])


def org(g):
    return g.f("zh_CN").company()


def job(g):
    for _ in range(5):
        j = g.f("zh_CN").job()
        if j not in ("其他", "其它"):
            return j
    return "会计"


def city(g):
    return g.f("zh_CN").city()


def amt(g):
    return g.pick([f"{g.r.randrange(100, 999999)}元", f"¥{g.r.randrange(10, 99999)}.{digits(g.r, 2)}", f"人民币{g.r.randrange(1, 300)}万元"])


def order(g):
    return g.pick([f"订单号{digits(g.r, 12)}", f"工单{digits(g.r, 8)}", f"流水号{digits(g.r, 14)}", f"案号(2025)京0105民初{digits(g.r, 5)}号"])


def t_mortgage(g):
    n = name(g); idn, ymd = rid(g)
    return ["房贷面签记录\n借款人：", V("PERSON", n), "\n身份证号：", V("CN_RESIDENT_ID", idn), "\n工作单位：", V("ORGANIZATION", org(g)),
            "　职务：", V("JOB_TITLE", job(g)), "\n抵押房产：", V("STREET_ADDRESS", addr(g)), "\n还款卡：", V("CN_BANK_CARD", bank(g)),
            f"\n贷款金额：{amt(g)}　{order(g)}\n面签日期：", V("DATE", zdate(g))]


def t_pharmacy(g):
    n = name(g)
    return [f"{g.time()} 药房配药 | 处方{digits(g.r, 10)} | 患者 ", V("PERSON", n), " | 病历号 ", V("MEDICAL_RECORD_NUMBER", g.pick(["ZY", "MZ", ""]) + digits(g.r, 8)),
            " | 年龄 ", V("AGE", str(g.r.randrange(3, 90))), " | 阿莫西林胶囊 0.25g×24 | 代取人 ", V("PERSON", name(g)), " ", V("CN_MOBILE", mobile(g)),
            f" | 自付{amt(g)}"]


def t_leave(g):
    n = name(g); m = name(g)
    return ["主题：请假申请-", V("PERSON", n), "\n\n", V("PERSON", m), "经理您好：\n本人因家中有事，需于", V("DATE", zdate(g)), "至",
            V("DATE", zdate(g)), "请假，工作已交接给同事。紧急情况请联系", V("CN_MOBILE", mobile(g)), "或邮箱", V("EMAIL_ADDRESS", g.email()),
            f"。工号{digits(g.r, 6)}。\n\n", V("PERSON", n), "\n", V("ORGANIZATION", org(g)), " ", V("JOB_TITLE", job(g))]


def t_visa(g):
    n = name(g)
    return ["签证中心咨询记录\n客户：你好，我的护照号是", V("PASSPORT_NUMBER", g.pick(["E", "EA", "EB", "G"]) + digits(g.r, 8 if g.r.random() < .5 else 7)),
            "，名字", V("PERSON", n), "\n客服：请问出生日期？\n客户：", V("DATE_OF_BIRTH", zdate(g, 1960, 2005)), "，户籍", V("LOCATION", city(g)), "，国外联系电话", V("PHONE_NUMBER", g.phone(g.pick(["en_GB", "de_DE", "fr_FR", "en_AU", "it_IT"]))),
            f"\n客服：好的，预约码{g.otp()}，{g.time()}到馆。结果会发到", V("EMAIL_ADDRESS", g.email())]


def t_car(g):
    n = name(g)
    return ["车险查勘记录：报案人", V("PERSON", n), "（电话", V("CN_MOBILE", mobile(g)), "）称", V("DATE", zdate(g)), "在",
            V("LOCATION", city(g)), "追尾，对方驾驶人", V("PERSON", name(g)), "，驾驶证号", V("CN_RESIDENT_ID", rid(g)[0]),
            f"。估损{amt(g)}，报案号{digits(g.r, 15)}。"]


def t_legal(g):
    n = name(g); idn, ymd = rid(g)
    return ["法律援助登记表\n申请人：", V("PERSON", n), "　民族：", V("NRP", g.pick(NRP_ZH)), "\n出生日期：", V("DATE_OF_BIRTH", zdob(g, ymd)),
            "\n身份证：", V("CN_RESIDENT_ID", idn), "\n住址：", V("STREET_ADDRESS", addr(g)), "\n邮编：", V("POSTCODE", g.f("zh_CN").postcode()), "\n联系电话：", V("CN_LANDLINE", landline(g)),
            f"\n案由：劳动争议　{order(g)}"]


def t_telehealth(g):
    n = name(g)
    return ["【远程问诊】\n医生：请报一下姓名和年龄\n患者：", V("PERSON", n), "，", V("AGE", str(g.r.randrange(18, 85))), "岁\n医生：病历号？\n患者：",
            V("MEDICAL_RECORD_NUMBER", digits(g.r, 10)), "\n患者：我在", V("ORGANIZATION", org(g)), "上班，住", V("LOCATION", city(g)),
            f"\n医生：好的，本次视频从IP ", V("IP_ADDRESS", g.ip()), f" 接入，验证码{g.otp()}已发送到", V("CN_MOBILE", mobile(g))]


def t_fraud(g):
    n = name(g)
    return [f"反诈预警工单 {order(g)}\n- 预警对象：", V("PERSON", n), "\n- 身份证：", V("CN_RESIDENT_ID", rid(g)[0]), "\n- 护照：", V("PASSPORT_NUMBER", g.pick(["E", "EJ", "G"]) + digits(g.r, 7 if g.r.random() < .5 else 8)), "\n- 涉案卡号：",
            V("CN_BANK_CARD", bank(g)), "\n- 登录IP：", V("IP_ADDRESS", g.ip()), f"\n- 转账{amt(g)}，时间{g.time()}\n- 回访电话：", V("CN_MOBILE", mobile(g))]


def t_inherit(g):
    d = name(g); h = name(g); idn, ymd = rid(g)
    return ["继承公证材料\n被继承人", V("PERSON", d), "（出生于", V("DATE_OF_BIRTH", zdob(g, ymd)), "，", V("NRP", g.pick(NRP_ZH)), "）于", V("DATE", zdate(g)),
            "去世，生前住所", V("STREET_ADDRESS", addr(g)), "。继承人", V("PERSON", h), "，身份证", V("CN_RESIDENT_ID", rid(g)[0]),
            "，申请继承其名下存款，账号", V("CN_BANK_CARD", bank(g)), "。"]


def t_dental(g):
    n = name(g)
    title = g.pick(["先生", "女士"])
    sur = n[0] if "·" not in n else n
    return ["【口腔复诊通知】", V("PERSON", sur), title, "您好，您预约的复诊时间为", V("DATE", zdate(g)), f" {g.time()}，",
            "地点", V("ORGANIZATION", org(g)), "口腔科，病历号", V("MEDICAL_RECORD_NUMBER", "KQ" + digits(g.r, 7)), "。如需改约请致电", V("CN_LANDLINE", landline(g)), f"。退订回T，费用{amt(g)}。"]


def t_sheet(g):
    out = ["姓名|手机|身份证号|城市|备注\n"]
    for _ in range(g.r.randrange(2, 4)):
        out += [V("PERSON", name(g)), "|", V("CN_MOBILE", mobile(g)), "|", V("CN_RESIDENT_ID", rid(g)[0]), "|", V("LOCATION", city(g)),
                f"|{order(g)}\n"]
    return out


def t_wecom(g):
    n = name(g)
    return [f"@", V("PERSON", n), " 客户来电说卡号", V("CN_BANK_CARD", bank(g)), "被冻结了，帮忙看下\n", V("PERSON", name(g)),
            "：收到，客户邮箱", V("EMAIL_ADDRESS", g.email()), "，海外号码", V("PHONE_NUMBER", g.phone(g.pick(["en_US", "en_GB", "de_DE", "vi_VN", "id_ID"]))), f"，工单{digits(g.r, 8)}\n群公告：今天{g.time()}系统升级"]


def t_voice(g):
    n = name(g)
    return ["语音转写 我叫", V("PERSON", n), "今年", V("AGE", str(g.r.randrange(20, 80))), "岁 手机", V("CN_MOBILE", mobile(g).replace(" ", "").replace("-", "")),
            " 住在", V("STREET_ADDRESS", addr(g)), " 我是", V("JOB_TITLE", job(g)), " 验证码", g.otp()]


def t_collect(g):
    n = name(g)
    return ["催收函\n", V("PERSON", n), "：\n您于", V("DATE", zdate(g)), "在我司办理的借款（合同号", digits(g.r, 12), "）已逾期，欠款", amt(g),
            "。请尽快还款至", V("CN_BANK_CARD", bank(g)), "。联系人", V("PERSON", name(g)), " ", V("CN_LANDLINE", landline(g)), "\n",
            V("ORGANIZATION", org(g))]


def t_piq(g):
    n = name(g); idn, ymd = rid(g)
    return ["个人信息查询申请\n本人", V("PERSON", n), "，身份证号", V("CN_RESIDENT_ID", idn), "，依据《个人信息保护法》第四十五条，申请查阅贵司处理的本人信息。"
            "注册手机", V("CN_MOBILE", mobile(g)), "，常用地址", V("STREET_ADDRESS", addr(g)), "（邮编", V("POSTCODE", g.f("zh_CN").postcode()), "），出生日期", V("DATE_OF_BIRTH", zdob(g, ymd)), "。"]


def t_nopii(g):
    return [f"系统通知：{g.time()}起暂停转账服务，{order(g)}已处理，退款{amt(g)}，验证码{g.otp()}请勿泄露，尾号{g.last4()}的卡已挂失。"]


def t_nopii2(g):
    return [f"培训提示：客服不得完整朗读卡号，只可核对尾号{g.last4()}；单笔超过{amt(g)}需主管复核。{order(g)}"]


def wrap(f):
    return lambda g: (f(g), None)


TEMPLATES = [
    ("zh5.mortgage", "dev", wrap(t_mortgage), 24), ("zh5.pharmacy", "dev", wrap(t_pharmacy), 24), ("zh5.leave", "dev", wrap(t_leave), 22),
    ("zh5.visa", "dev", wrap(t_visa), 22), ("zh5.car", "dev", wrap(t_car), 22), ("zh5.legal", "dev", wrap(t_legal), 20),
    ("zh5.telehealth", "dev", wrap(t_telehealth), 20), ("zh5.nopii", "dev", wrap(t_nopii), 8),
    ("zh5.fraud", "test", wrap(t_fraud), 22), ("zh5.inherit", "test", wrap(t_inherit), 20), ("zh5.dental", "test", wrap(t_dental), 20),
    ("zh5.sheet", "test", wrap(t_sheet), 18), ("zh5.wecom", "test", wrap(t_wecom), 22), ("zh5.voice", "test", wrap(t_voice), 20),
    ("zh5.collect", "test", wrap(t_collect), 20), ("zh5.piq", "test", wrap(t_piq), 20), ("zh5.nopii2", "test", wrap(t_nopii2), 8),
]
