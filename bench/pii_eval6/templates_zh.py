"""Chinese templates and value generators for pii_eval6. TEMPLATES lists (name, split, count, function)."""

from __future__ import annotations

import values as V
from common import cn_id_check, fake, luhn_check, ndigits, rng_for

# (省, 市, 区, 6-digit area code, 邮编, 长途区号, roads)
CITIES = [
    ("北京市", "北京市", "朝阳区", "110105", "100020", "010", ["建国路", "朝阳北路", "望京街", "酒仙桥路"]),
    ("北京市", "北京市", "海淀区", "110108", "100080", "010", ["中关村大街", "学院路", "知春路", "西三环北路"]),
    ("上海市", "上海市", "徐汇区", "310104", "200030", "021", ["漕溪北路", "天钥桥路", "宜山路", "龙华中路"]),
    ("上海市", "上海市", "浦东新区", "310115", "200120", "021", ["张杨路", "世纪大道", "东方路", "锦绣路"]),
    ("广东省", "深圳市", "南山区", "440305", "518057", "0755", ["科技南十二路", "南海大道", "桃园路", "后海大道"]),
    ("广东省", "广州市", "天河区", "440106", "510630", "020", ["天河路", "体育西路", "黄埔大道西", "中山大道"]),
    ("四川省", "成都市", "武侯区", "510107", "610041", "028", ["人民南路四段", "科华北路", "武侯祠大街", "二环路南四段"]),
    ("浙江省", "杭州市", "西湖区", "330106", "310012", "0571", ["文三路", "天目山路", "古墩路", "教工路"]),
    ("湖北省", "武汉市", "武昌区", "420106", "430071", "027", ["中南路", "中北路", "徐东大街", "武珞路"]),
    ("江苏省", "南京市", "鼓楼区", "320106", "210008", "025", ["中山北路", "湖南路", "北京西路", "汉中门大街"]),
    ("陕西省", "西安市", "雁塔区", "610113", "710061", "029", ["小寨东路", "长安南路", "科技路", "雁塔西路"]),
    ("山东省", "青岛市", "市南区", "370202", "266071", "0532", ["香港中路", "闽江路", "东海西路", "福州南路"]),
    ("重庆市", "重庆市", "渝中区", "500103", "400010", "023", ["解放碑民权路", "中山三路", "大坪正街", "长江一路"]),
    ("天津市", "天津市", "和平区", "120101", "300041", "022", ["南京路", "滨江道", "南门外大街"]),
    ("辽宁省", "沈阳市", "和平区", "210102", "110001", "024", ["太原北街", "南京南街", "三好街"]),
    ("福建省", "厦门市", "思明区", "350203", "361001", "0592", ["湖滨南路", "厦禾路", "莲岳路"]),
    ("湖南省", "长沙市", "岳麓区", "430104", "410006", "0731", ["麓山南路", "枫林三路", "岳麓大道"]),
    ("云南省", "昆明市", "五华区", "530102", "650031", "0871", ["东风西路", "人民中路", "学府路"]),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "650102", "830002", "0991", ["解放南路", "新华北路", "光明路"]),
    ("西藏自治区", "拉萨市", "城关区", "540102", "850000", "0891", ["北京中路", "江苏路", "林廓东路"]),
    ("河南省", "郑州市", "金水区", "410105", "450003", "0371", ["花园路", "经三路", "农业路"]),
    ("黑龙江省", "哈尔滨市", "南岗区", "230103", "150001", "0451", ["中山路", "西大直街", "红军街"]),
]
ESTATES = ["阳光花园", "锦绣家园", "翠苑小区", "万科城", "碧桂园", "金地格林小镇", "幸福里", "和平新村", "书香门第", "滨江华府"]
MINORITY = ["阿依古丽·吐尔逊", "买买提·艾力", "热娜古丽·阿布都", "迪丽娜尔·艾合买提", "巴特尔", "乌云其木格", "扎西多吉",
            "次仁卓玛", "古丽米拉·加帕尔", "阿卜杜拉·热合曼", "其其格", "格桑央金"]
FOREIGN = ["约翰·史密斯", "玛丽亚·冈萨雷斯", "金敏俊", "田中美咲", "伊万·彼得罗夫", "安娜·施密特", "阮文雄", "莎拉·奥康纳"]
JOBS = ["总经理", "部门经理", "项目主管", "软件工程师", "护士长", "主治医师", "销售代表", "会计", "人事专员", "快递员", "外卖骑手",
        "保安", "小学教师", "班主任", "副教授", "村支书", "社区网格员", "大堂经理", "店长", "厨师", "前台接待", "行政助理",
        "产品经理", "财务总监", "驾驶员", "仓库管理员", "健身教练", "药剂师", "兽医", "研究生", "退休工人", "个体经营户"]
NRP = ["汉族", "回族", "维吾尔族", "藏族", "蒙古族", "壮族", "满族", "苗族", "土家族", "彝族", "朝鲜族", "哈萨克族", "白族", "侗族"]
NRP_OTHER = ["中共党员", "共青团员", "民盟盟员", "佛教", "伊斯兰教", "基督教", "天主教", "美国籍", "韩国籍", "日本籍"]
HOSP = ["北京协和医院", "复旦大学附属中山医院", "中山大学附属第一医院", "四川大学华西医院", "浙江大学医学院附属第一医院",
        "武汉大学人民医院", "西安交通大学第一附属医院", "青岛市市立医院", "深圳市人民医院", "南京鼓楼医院"]
SCHOOLS = ["清华大学", "华中科技大学", "杭州市学军中学", "南京市第一中学", "成都七中", "深圳大学", "厦门大学", "山东大学",
           "西北工业大学", "长沙市雅礼中学"]
AGENCIES = ["劳动人事争议仲裁委员会", "人力资源和社会保障局", "街道办事处", "派出所", "市场监督管理局", "住房和城乡建设局"]
CHARITY = ["中国红十字会", "壹基金", "中华慈善总会", "中国扶贫基金会", "爱德基金会", "春蕾计划办公室"]
PINYIN = ["zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "ma", "zhu", "hu", "guo",
          "lin", "he", "gao", "luo"]
MAILDOM = ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com", "outlook.com", "aliyun.com"]
CN_NUM = "零一二三四五六七八九"


def cn_words(n):
    if n < 10:
        return CN_NUM[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else CN_NUM[t]) + "十" + (CN_NUM[o] if o else "")


class ZCtx:
    def __init__(self, key):
        self.key, self.r, self.i = key, rng_for(key), 0
        self.city = V.pick(self.r, CITIES)
        self.birth = None

    def k(self):
        self.i += 1
        return f"{self.key}|{self.i}"

    def ch(self, seq):
        return V.pick(self.r, seq)

    def p(self, x):
        return self.r.random() < x

    def n(self, a, b):
        return str(self.r.randint(a, b))

    # ---- people
    def name(self):
        x = self.r.random()
        if x < 0.08:
            return self.ch(MINORITY)
        if x < 0.12:
            return self.ch(FOREIGN)
        loc = "zh_TW" if x < 0.2 else "zh_CN"
        return fake(loc, self.k()).name()

    def nm(self, v=None):
        return ("PERSON", v or self.name())

    def sur(self, full):
        """Surname of a Han name for 先生/女士 forms (compound surnames kept whole)."""
        if full[:2] in ("欧阳", "司马", "诸葛", "上官", "慕容", "东方"):
            return full[:2]
        return full[:1]

    # ---- ids
    def rid(self, wrong=None):
        c = self.ch(CITIES) if self.p(0.3) else self.city
        y, m, d = self.birth or (self.r.randint(1945, 2006), self.r.randint(1, 12), self.r.randint(1, 28))
        self.birth = (y, m, d)
        body = f"{c[3]}{y}{m:02d}{d:02d}{ndigits(self.r, 3, False)}"
        chk = cn_id_check(body)
        if wrong if wrong is not None else self.p(0.3):
            chk = self.ch([x for x in "0123456789X" if x != chk])
        s = body + chk
        if s.endswith("X") and self.p(0.2):
            s = s[:-1] + "x"
        if self.p(0.1):
            s = f"{s[:6]} {s[6:14]} {s[14:]}"
        return ("CN_RESIDENT_ID", s)

    def mob(self):
        pre = self.ch(["130", "131", "132", "135", "136", "138", "139", "150", "151", "152", "157", "158", "159", "166",
                       "176", "177", "180", "182", "186", "187", "189", "191", "198", "199"])
        b = ndigits(self.r, 8, False)
        s = self.ch([pre + b, f"{pre} {b[:4]} {b[4:]}", f"{pre}-{b[:4]}-{b[4:]}", f"+86 {pre}{b}", f"+86-{pre}-{b[:4]}-{b[4:]}",
                     f"(+86){pre}{b}", pre + b])
        return ("CN_MOBILE", s)

    def land(self):
        ac = self.city[5] if self.p(0.7) else self.ch(CITIES)[5]
        ln = 8 if len(ac) == 3 else self.ch([7, 8])
        b = ndigits(self.r, ln, True)
        return ("CN_LANDLINE", self.ch([f"{ac}-{b}", f"({ac}){b}", f"（{ac}）{b}", f"{ac} {b[:4]} {b[4:]}",
                                        f"+86 {ac[1:]} {b}"]))

    def card(self):
        ln = self.ch([16, 19, 19, 17])
        body = self.ch(["622202", "622848", "621700", "622588", "623668", "621483", "622908"]) + ndigits(self.r, ln - 7, False)
        s = body + luhn_check(body)
        if self.p(0.5):
            s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        return ("CN_BANK_CARD", s)

    def pp(self):
        pre = self.ch(["E", "E", "EA", "EH", "G"])
        return ("PASSPORT_NUMBER", pre + ndigits(self.r, 9 - len(pre) if pre != "G" else 8, False))

    def em(self):
        u = self.ch([self.ch(PINYIN) + self.ch(PINYIN) + self.n(1, 999), ndigits(self.r, self.r.randint(6, 10), True),
                     self.ch(PINYIN) + "_" + self.n(1970, 2005), self.ch(PINYIN)[0] + self.ch(PINYIN)])
        dom = self.ch(MAILDOM)
        if dom == "qq.com" and self.p(0.6):
            u = ndigits(self.r, self.r.randint(6, 10), True)
        return ("EMAIL_ADDRESS", f"{u}@{dom}")

    def ip(self):
        return ("IP_ADDRESS", V.ip(self.r) if self.p(0.6) else f"{self.ch(['112', '117', '183', '221', '36', '59', '101'])}."
                f"{self.n(0, 255)}.{self.n(0, 255)}.{self.n(1, 254)}")

    def mrn(self):
        return ("MEDICAL_RECORD_NUMBER", self.ch([ndigits(self.r, 8, True), ndigits(self.r, 10, True), "ZY" + ndigits(self.r, 8, False),
                                                 "MZ" + ndigits(self.r, 9, False)]))

    def fphone(self):
        loc = self.ch(["en_US", "en_GB", "ja_JP", "ko_KR", "de_DE", "en_AU", "fr_FR"])
        return ("PHONE_NUMBER", V.phone(self.r, loc))

    # ---- places
    def addr(self, full=None):
        c = self.city if self.p(0.7) else self.ch(CITIES)
        prov = "" if c[0] == c[1] else c[0]
        road = self.ch(c[6])
        tail = self.ch([f"{road}{self.n(1, 399)}号{self.ch(ESTATES)}{self.n(1, 30)}栋{self.n(1, 4)}单元{self.n(1, 32)}{self.n(1, 4):0>2}室",
                        f"{road}{self.n(1, 399)}号{self.n(1, 28)}楼{self.ch('ABCD')}座",
                        f"{road}{self.n(1, 999)}号院{self.n(1, 20)}号楼{self.n(101, 2608)}",
                        f"{self.ch(ESTATES)}{self.n(1, 18)}期{self.n(1, 40)}幢{self.n(101, 1802)}室"])
        form = full if full is not None else self.r.random()
        if form < 0.3:
            s = f"{prov}{c[1]}{c[2]}{tail}"
        elif form < 0.55:
            s = f"{c[1]}{c[2]}{tail}"
        elif form < 0.75:
            s = f"{c[2]}{tail}"
        elif form < 0.9:
            s = f"{prov}{c[1]}{c[2]}{tail}（{c[4]}）" if self.p(0.5) else f"{prov}{c[1]}{c[2]}{tail} 邮编{c[4]}"
        else:
            s = "".join(self.ch([("湖北省", "黄冈市", "麻城市"), ("河南省", "周口市", "项城市"), ("四川省", "南充市", "阆中市"),
                                 ("安徽省", "阜阳市", "临泉县")])) + \
                f"{self.ch(['城关镇', '白果镇', '老君镇'])}{self.ch(['张家湾村', '新河村', '李庄村'])}{self.n(1, 12)}组{self.n(1, 80)}号"
        return ("STREET_ADDRESS", s)

    def loc(self, level=None):
        c = self.ch(CITIES)
        level = level or self.ch(["city", "city", "district", "prov"])
        v = {"city": c[1].rstrip("市") if self.p(0.5) else c[1], "district": c[2], "prov": c[0]}[level]
        return ("LOCATION", v)

    def pc(self):
        c = self.city if self.p(0.6) else self.ch(CITIES)
        return ("POSTCODE", c[4][:5] + self.n(0, 9) if self.p(0.4) else c[4])

    # ---- orgs, jobs, nrp
    def org(self, kind=None):
        kind = kind or self.ch(["co", "hosp", "school", "gov", "charity"])
        c = self.city
        v = {"co": lambda: fake("zh_CN", self.k()).company(), "hosp": lambda: self.ch(HOSP),
             "school": lambda: self.ch(SCHOOLS), "gov": lambda: f"{c[1]}{c[2] if self.p(0.5) else ''}{self.ch(AGENCIES)}",
             "charity": lambda: self.ch(CHARITY)}[kind]()
        return ("ORGANIZATION", v)

    def job(self):
        return ("JOB_TITLE", self.ch(JOBS))

    def nrp(self, other=False):
        return ("NRP", self.ch(NRP_OTHER if other else NRP))

    # ---- dates and ages
    def dt(self, y0=2023, y1=2026):
        y, m, d = self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28)
        return ("DATE", self.ch([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}.{m:02d}.{d:02d}", f"{m}月{d}日",
                                 f"{y}年{m:02d}月{d:02d}日"]))

    def dob(self, y0=1940, y1=2006):
        y, m, d = self.birth or (self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28))
        self.birth = (y, m, d)
        return ("DATE_OF_BIRTH", self.ch([f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}.{m}.{d}",
                                          f"{y}年{m:02d}月"]))

    def age(self, n=None, child=False):
        """Span = number + 岁/周岁/个月/旬 etc.; cue words (年龄：, 年满, 年近) stay outside."""
        n = n or (2025 - self.birth[0] if self.birth else self.r.randint(18, 92))
        A = lambda v: ("AGE", v)  # noqa: E731
        if child:
            return self.ch([[A(f"{self.n(2, 23)}个月")], [A(f"{self.n(1, 12)}岁半")], [A(f"{cn_words(self.r.randint(2, 12))}岁")],
                            [A(f"{self.n(3, 14)}周岁")], [A(f"{self.n(1, 11)}个月大")]])
        forms = [[A(f"{n}岁")], [A(f"{cn_words(n)}岁")], ["年龄：", A(str(n))], ["年龄", A(f"{n}岁")], [A(f"{n}周岁")],
                 ["年满", A(f"{max(n, 18)}周岁")], [A(f"{n}岁左右")], [A(f"{cn_words(n // 10 * 10)}多岁")]]
        if n >= 50:
            forms += [[A(f"{cn_words(n // 10)}旬"), "老人"], ["年近", A(f"{cn_words(n // 10 + 1)}旬")]]
        if 30 <= n < 70:
            forms += [[A(f"{cn_words(n // 10 * 10)}出头")]]
        return self.ch(forms)

    def miss(self):
        return self.ch([f"运单号SF{ndigits(self.r, 12, True)}", f"订单号{ndigits(self.r, 18, True)}", f"工单{ndigits(self.r, 10, True)}",
                        f"{self.n(10, 999)}.{self.n(10, 99)}元", f"验证码{ndigits(self.r, 6, False)}", f"{self.n(0, 23)}:{self.n(10, 59)}",
                        f"尾号{ndigits(self.r, 4, False)}", f"取件码{self.n(1, 9)}-{self.n(1, 9)}-{ndigits(self.r, 4, False)}",
                        f"房间{self.n(301, 2218)}", f"航班{self.ch(['CA', 'MU', 'CZ', '3U', 'HU'])}{self.n(1000, 8999)}"])


# ============================================================ dev


def z_express(c: ZCtx):
    who = c.name()
    return [f"【快递异常登记】{c.miss()}\n", "收件人：", c.nm(who), "  电话：", c.mob(), "\n", "收件地址：", c.addr(), "\n",
            "异常原因：", c.ch(["地址不详，联系不上", "小区不让进", "客户拒收", "包裹破损"]), "。派件员", c.nm(), "（工号",
            c.n(10000, 99999), "）于", c.dt(), c.ch(["上午", "下午"]), "两次拨打未接。", "客户后来留言改寄到公司：", c.org("co"),
            "，邮编", c.pc(), "，找前台", c.nm(), "签收，前台座机", c.land(), "。", f"重量{c.n(1, 20)}kg，到付{c.n(10, 80)}元。"]


def z_rent(c: ZCtx):
    t = c.name()
    ag = c.name()
    return ["【租房沟通记录】\n", "中介 ", c.nm(ag), "：", c.nm(c.sur(t)), c.ch(["先生", "女士"]),
            "您好，您看的那套在", c.addr(), "，月租", c.n(2500, 9800), "元，押一付三。\n", "租客：房东能开发票吗？我是", c.org("co"),
            "的", c.job(), "，公司报销。\n", "中介：可以的，签约时带身份证原件，号码先发我登记下。\n", "租客：", c.rid(), "\n",
            "中介：好的，押金请转到房东工行卡 ", c.card(), "，户名", c.nm(), "。有事打我 ", c.mob(), "。"]


def z_trial(c: ZCtx):
    p = c.name()
    return ["临床试验受试者筛选表  方案编号：", f"HX-{c.n(2023, 2026)}-{c.n(10, 99)}", "\n研究中心：", c.org("hosp"), "\n",
            "筛选号 S", c.n(100, 999), "  姓名缩写：", ("PERSON", "".join(c.ch("ZWLCYHXMGS") for _ in range(c.r.randint(2, 3)))),
            "  住院号：", c.mrn(), "\n", "出生日期：", c.dob(1950, 2000), "  ", c.age(), "  民族：", c.nrp(), "\n",
            "知情同意日期：", c.dt(), "  研究医生：", c.nm(), "（", ("JOB_TITLE", c.ch(["主治医师", "副主任医师", "研究护士", "临床研究协调员"])), "）\n", "联系电话：", c.mob(), "  居住地：", c.loc(), "\n",
            f"筛选结论：{c.ch(['合格，进入随机', '筛败（肌酐超标）', '筛败（撤回同意）'])}。体重{c.n(45, 95)}kg，血压{c.n(100, 150)}/{c.n(60, 95)}。"]


def z_flight(c: ZCtx):
    p = c.name()
    return ["航班延误/取消旅客登记\n", f"航班：{c.ch(['CA', 'MU', 'CZ', '3U', 'HU'])}{c.n(1000, 8999)}  日期：", c.dt(), "\n", "旅客姓名：", c.nm(p), "  证件：",
            c.ch([["身份证 ", c.rid()], ["护照 ", c.pp()]]), "\n", "联系电话：", c.mob(), "  邮箱：", c.em(), "\n",
            "诉求：因延误错过", c.loc("city"), "转机，要求改签并安排住宿，", "同行老人", c.age(n=c.r.randint(65, 88)),
            "需轮椅。", "补偿款打到 ", c.card(), "。经办：", c.nm(), "。"]


def z_admission(c: ZCtx):
    stu = c.name()
    return ["【招生咨询登记】\n", "家长", c.nm(), "来电，孩子", c.nm(stu), "，", c.age(n=c.r.randint(15, 19)), "，现就读于", c.org("school"),
            "，户籍", c.loc("prov"), "，想了解", c.org("school"), "的强基计划。\n", "家长电话：", c.mob(), "，邮箱：", c.em(), "\n",
            "家庭住址：", c.addr(), "\n", "学生身份证：", c.rid(), "\n", "网上报名提交IP：", c.ip(), "\n", f"已告知{c.n(5, 6)}月{c.n(1, 28)}日开放日安排，报名费{c.n(50, 200)}元。"]


def z_pet(c: ZCtx):
    owner = c.name()
    pet = c.ch(["豆豆", "球球", "咪咪", "旺财", "奶茶", "可乐"])
    return [f"宠物病历  病例号P{c.n(10000, 99999)}\n宠物：{pet}（{c.ch(['泰迪', '英短', '柯基', '布偶猫', '金毛'])}，{c.n(1, 15)}岁，{c.n(2, 30)}kg）\n",
            "主人：", c.nm(owner), "  手机：", c.mob(), "\n", "地址：", c.addr(), "\n", "主诉：", c.dt(), "起食欲差，呕吐",
            c.n(2, 5), "次。\n", "接诊医生：", c.nm(), "（", ("JOB_TITLE", c.ch(["兽医", "执业兽医师", "宠物护士", "院长"])), "）\n", f"费用：{c.n(100, 1500)}元，", "主人用卡", c.card(),
            "支付。主人称自己", c.age(), "，行动不便，希望上门复诊。"]


def z_gym(c: ZCtx):
    m = c.name()
    rows = [("姓名", c.nm(m)), ("身份证号", c.rid()), ("出生日期", c.dob()), ("年龄", ("AGE", str(2025 - c.birth[0]))),
            ("手机", c.mob()), ("紧急联系人", c.nm()), ("紧急联系电话", c.mob()), ("工作单位", c.org("co")), ("职位", c.job()),
            ("住址", c.addr()), ("邮编", c.pc())]
    c.r.shuffle(rows)
    sep = c.ch(["：", ":", " | "])
    out = [f"{c.ch(['乐动', '超燃', '力美', '悦跑'])}健身 会员登记表（{c.ch(['年卡', '季卡', '次卡'])}，{c.n(999, 4999)}元）\n"]
    for k, v in rows[: c.r.randint(8, 11)]:
        out += [k, sep, v, "\n"]
    out += [f"体测：体脂率{c.n(12, 35)}%，签约时间{c.n(9, 21)}:{c.n(10, 59)}。"]
    return out


def z_hotel(c: ZCtx):
    g = c.name()
    return [f"酒店入住登记  {c.miss()}\n", "宾客：", c.nm(g), "  性别：", c.ch(["男", "女"]), "  民族：", c.nrp(), "\n", "证件：",
            c.ch([["居民身份证 ", c.rid()], ["护照 ", c.pp()]]), "\n", "来自：", c.loc(), "  手机：", c.mob(), "\n",
            "同住人：", c.nm(), "（", c.age(), "）", (["，境外电话 ", c.fphone()] if c.p(0.6) else []), "\n", "入住：", c.dt(), f"  离店：{c.n(1, 12)}月{c.n(1, 28)}日\n",
            "押金：", c.card(), f" 预授权{c.n(300, 2000)}元；发票抬头：", c.org("co"), "。"]


def z_resume(c: ZCtx):
    p = c.name()
    return ["个人简历\n", "姓名：", c.nm(p), "  ", c.ch(["男", "女"]), "  ", c.age(n=c.r.randint(22, 50)), "  ", c.nrp(), "  ",
            c.nrp(other=True), "\n", "现居：", c.loc("city"), "  电话：", c.mob(), "  邮箱：", c.em(), "\n\n",
            "工作经历\n", f"{c.n(2015, 2020)}.{c.n(1, 12)}—至今  ", c.org("co"), "  ", c.job(), "\n",
            f"{c.n(2008, 2014)}.{c.n(1, 12)}—{c.n(2015, 2019)}.{c.n(1, 12)}  ", c.org(c.ch(["hosp", "school", "co"])), "  ", c.job(), "\n\n",
            "教育背景\n", c.org("school"), "  ", c.ch(["计算机科学与技术", "会计学", "临床医学", "市场营销"]), "  本科\n",
            "证明人：", c.nm(), "，", c.job(), "，", c.ch([c.mob(), c.land(), c.fphone()])]


def z_nopii_express(c: ZCtx):
    return ["【快递服务公告】\n", f"受天气影响，{c.n(1, 12)}月{c.n(1, 28)}日起部分线路时效延长{c.n(1, 3)}天。",
            f"驿站营业时间调整为{c.n(7, 9)}:00—{c.n(19, 22)}:00，取件码保留{c.n(3, 7)}天。", f"超过{c.n(20, 30)}kg的包裹需另付{c.n(5, 30)}元。",
            f"查询请提供{c.miss()}及{c.miss()}，客服将在{c.n(2, 48)}小时内回复。投诉热线按{c.n(1, 9)}号键转人工。"]


# ============================================================ test


def z_arbitration(c: ZCtx):
    a = c.name()
    return [("ORGANIZATION", f"{c.city[1]}劳动人事争议仲裁委员会"), f"\n仲裁裁决书（摘要）  劳人仲案字〔{c.n(2023, 2025)}〕第{c.n(100, 999)}号\n", "申请人：", c.nm(a), "，", c.ch(["男", "女"]), "，", c.nrp(), "，", c.dob(1965, 2000), "出生，身份证号",
            c.rid(), "，住", c.addr(), "。\n", "被申请人：", c.org("co"), "，法定代表人", c.nm(), "，", c.job(), "。\n",
            "申请人于", c.dt(2015, 2022), "入职，任", c.job(), "，", c.dt(), "被解除劳动合同。", f"本委裁决被申请人支付经济补偿金{c.n(10000, 200000)}元，",
            "汇入申请人账户", c.card(), "。"]


def z_community(c: ZCtx):
    p = c.name()
    return [f"社区走访记录  网格{c.n(1, 30)}\n", "走访对象：", c.nm(p), "，", c.age(n=c.r.randint(60, 96)), "，", c.nrp(), "，独居\n",
            "住址：", c.addr(), "\n", "走访人：", c.nm(), "（", c.job(), "）  时间：", c.dt(), "\n",
            "情况：老人", c.ch(["血压偏高", "腿脚不便", "记忆力下降"]), "，儿子", c.nm(), "在", c.loc("city"), "工作，电话", c.mob(),
            "。家中座机", c.land(), "。已联系", c.org("hosp"), "家庭医生上门。"]


def z_callback(c: ZCtx):
    p = c.name()
    s = c.sur(p) if not ("·" in p or len(p) > 4) else None
    return ["满意度回访记录\n", "回访对象：", c.nm(p), "  ", c.mob(), "\n", "坐席：您好，请问是",
            [c.nm(s), c.ch(["先生", "女士"])] if s else [c.nm(p)], "吗？我们是", c.org("co"), "的回访专员。\n",
            "客户：是我。上次来装宽带的师傅", c.nm(), "挺好的，就是迟到了。\n", "坐席：抱歉。请问您的安装地址是", c.addr(), "吗？\n",
            "客户：对。我", c.age(), "了，不太会用手机，以后直接打家里座机", c.land(), "。\n", f"坐席：好的，评分{c.n(1, 5)}分已记录。"]


def z_repair(c: ZCtx):
    p = c.name()
    return [f"【水电燃气报修】{c.miss()}\n", "报修人：", c.nm(p), "  联系方式：", c.ch([[c.mob()], [c.land()], [c.mob(), " / ", c.land()]]), "\n",
            "地址：", c.addr(), "\n", "问题：", c.ch(["燃气表读数异常，账单翻倍", "水管漏水，楼下投诉", "电表跳闸，冰箱停了"]),
            "。户号", c.n(10000000, 99999999), "。\n", "派单：", c.org("co"), "师傅", c.nm(), "，预约", c.dt(), c.ch(["上午", "下午"]),
            "上门。", "客户邮编", c.pc(), "（用于寄送纸质账单）。"]


def z_charity(c: ZCtx):
    p = c.name()
    return [c.org("charity"), " 捐赠登记\n", "捐赠人：", c.nm(p), "  ", c.ch([["身份证：", c.rid()], ["护照：", c.pp()]]), "\n",
            "工作单位：", c.org("co"), "  职务：", c.job(), "\n", "通讯地址：", c.addr(), "  邮政编码：", c.pc(), "\n",
            "电话：", c.mob(), "  邮箱：", c.em(), "\n", f"捐赠金额：{c.n(100, 50000)}元，", "扣款卡号", c.card(), "，需开具捐赠票据。", (["线上捐赠来源IP：", c.ip(), "。"] if c.p(0.7) else [])]


def z_120(c: ZCtx):
    p = c.name()
    return [f"120急救交接单  {c.n(0, 23)}:{c.n(10, 59)}\n", "患者：", c.ch([[c.nm(p)], ["无名氏（男）"], [c.nm(p)]]), "，",
            c.ch(["男", "女"]), "，", c.age(), "\n", "呼救地点：", c.addr(), "\n", "主诉：", c.ch(["胸痛2小时", "车祸外伤", "突发意识不清"]),
            f"。BP {c.n(80, 180)}/{c.n(40, 110)}，HR {c.n(50, 140)}，SpO2 {c.n(85, 100)}%。\n", "送往：", c.org("hosp"),
            "  既往住院号：", c.mrn(), "\n", "家属：", c.nm(), "，", c.mob(), "。交接医生：", c.nm(), "。"]


def z_banquet(c: ZCtx):
    a, b = c.name(), c.name()
    return ["婚宴预订确认\n", "新郎：", c.nm(a), "  新娘：", c.nm(b), "\n", "婚期：", c.dt(2026, 2027), f"，{c.n(10, 60)}桌，每桌{c.n(2888, 8888)}元\n",
            "联系人：", c.nm(a), " ", c.mob(), "；伴娘", c.nm(), " ", c.mob(), "\n", "定金已付，付款卡", c.card(), "\n",
            "新娘家在", c.loc(), "，有", c.n(2, 8), "位亲友从", c.loc("city"), "过来，需安排酒店。", "男方父亲", c.age(n=c.r.randint(50, 78)), "，行动不便，请安排靠门桌位。"]


def z_witness(c: ZCtx):
    p = c.name()
    return [("ORGANIZATION", f"{c.city[1]}公安局{c.city[2]}分局"), " 询问笔录\n", "被询问人：", c.nm(p), "  性别：", c.ch(["男", "女"]), "  ", c.age(), "\n", "民族：", c.nrp(),
            "  文化程度：", c.ch(["大专", "高中", "本科"]), "  职业：", c.job(), "\n", "身份证号：", c.rid(), "\n", "户籍地：",
            c.addr(), "\n联系电话：", c.mob(), "\n", "问：", c.dt(), "晚上你在哪里？\n答：我在", c.loc("district"), "的",
            c.org("co"), "门口，看见一个", ("AGE", c.ch(["三十岁左右", "四十来岁", "二十多岁"])), "的男子抢了", c.nm(), "的包。"]


def z_social_security(c: ZCtx):
    p = c.name()
    return ["基本养老保险关系转移申请\n", "参保人：", c.nm(p), "  社会保障号码：", c.rid(False), "\n", "出生日期：", c.dob(),
            "  ", c.age(), "\n", "转出地：", c.loc("city"), "  转入地：", c.loc("city"), "\n", "原单位：", c.org("co"), "\n",
            "现单位：", c.org("co"), "  职务：", c.job(), "\n", "通讯地址：", c.addr(), "  邮编：", c.pc(), "\n", "联系电话：",
            c.mob(), "  海外联系电话：", c.fphone(), "\n", "经办人：", c.nm(), "  ", c.dt()]


def z_nopii_water(c: ZCtx):
    return ["【停水通知】\n", f"因管网改造，{c.n(1, 12)}月{c.n(1, 28)}日{c.n(8, 10)}:00至{c.n(16, 20)}:00停水，",
            f"涉及{c.n(3, 12)}号楼至{c.n(13, 24)}号楼。", f"请提前储水。本月水费单价{c.n(3, 5)}.{c.n(10, 99)}元/吨，",
            f"滞纳金按日{c.n(1, 3)}‰计收。", f"咨询请报工单{c.n(1000000, 9999999)}，缴费户号{c.n(10000000, 99999999)}，金额{c.n(20, 300)}.{c.n(10, 99)}元。物业服务中心（{c.n(1, 5)}号楼{c.n(101, 120)}室）。"]


TEMPLATES = [
    ("zh_express_exception", "dev", 20, z_express),
    ("zh_rental_agent_chat", "dev", 20, z_rent),
    ("zh_trial_screening", "dev", 20, z_trial),
    ("zh_flight_delay_register", "dev", 20, z_flight),
    ("zh_admissions_enquiry", "dev", 20, z_admission),
    ("zh_pet_clinic_record", "dev", 20, z_pet),
    ("zh_gym_member_form", "dev", 20, z_gym),
    ("zh_hotel_checkin", "dev", 20, z_hotel),
    ("zh_resume", "dev", 18, z_resume),
    ("zh_nopii_express_notice", "dev", 8, z_nopii_express),
    ("zh_labour_arbitration", "test", 20, z_arbitration),
    ("zh_community_visit", "test", 20, z_community),
    ("zh_satisfaction_callback", "test", 20, z_callback),
    ("zh_utility_repair", "test", 20, z_repair),
    ("zh_charity_donation", "test", 20, z_charity),
    ("zh_120_handover", "test", 20, z_120),
    ("zh_wedding_banquet", "test", 18, z_banquet),
    ("zh_witness_record", "test", 20, z_witness),
    ("zh_pension_transfer", "test", 20, z_social_security),
    ("zh_nopii_water_notice", "test", 8, z_nopii_water),
]
