"""Chinese record templates.  Each template is a function (rng, fk) -> (Doc, locale).

Written for this data set.  Names appear mostly without cues (no 姓名：);
titles such as 先生/女士 are outside PERSON spans.
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import values_en as V
import values_zh as Z
from common import Doc, chance, digits, fill, pick


def zprofile(rng, fk, min_age=18, max_age=88, ref=None, kind=None):
    p = Z.zh_person(rng, fk, kind)
    ref = ref or Z.rdate(rng)
    dob = Z.rdob(rng, min_age, max_age, ref.year)
    region = pick(rng, Z.REGIONS)
    cid, idkind = Z.cn_id(rng, dob, p.sex, region=region)
    addr = Z.zh_address(rng, region if chance(rng, 0.6) else None)
    return SimpleNamespace(p=p, dob=dob, ref=ref, age=Z.age_at(dob, ref), cid=cid, idkind=idkind,
                           addr=addr, mobile=Z.cn_mobile(rng), region=region)


DOCTOR_TITLES = ["主任医师", "副主任医师", "主治医师", "住院医师", "规培医师"]


def sex_word(p):
    return "男" if p.sex == "M" else "女"


def honor(d, rng, p):
    """Surname + title: only the surname is labelled."""
    if p.minority:
        d.v("PERSON", p.name)
    else:
        d.v("PERSON", p.surname).t(p.title(rng))


def ethnic_for(rng, p):
    if p.minority:
        return pick(rng, ["维吾尔族", "藏族", "蒙古族", "彝族", "哈萨克族"])
    return pick(rng, Z.ETHNIC)


# ==========================================================================
# Medical
# ==========================================================================
def z_outpatient(rng, fk):
    pr = zprofile(rng, fk, 1, 92)
    p = pr.p
    d = Doc()
    hosp = Z.zh_org(rng, fk, "hospital")
    d.v("ORGANIZATION", hosp).t("  门诊病历\n\n")
    d.t("姓名：").v("PERSON", p.name).t(f"    性别：{sex_word(p)}    年龄：").v("AGE", Z.zh_age(rng, pr.age)).t("岁\n")
    d.t("门诊号：").v("MEDICAL_RECORD_NUMBER", Z.medical_no(rng, "门诊号")).t("    就诊日期：").v("DATE", Z.zh_date(rng, pr.ref, 0)).t("\n")
    d.t(f"科室：{pick(rng, ['心血管内科', '呼吸内科', '消化内科', '内分泌科', '神经内科', '普外科'])}\n")
    if chance(rng, 0.5):
        d.t("联系电话：").v("CN_MOBILE", pr.mobile).t("\n")
    if chance(rng, 0.4):
        d.t("医保卡号：").v("NATIONAL_ID", Z.social_security_card(rng)).t(f"    费别：{pick(rng, ['城镇职工', '城乡居民', '自费'])}\n")
    d.t("\n主诉：" + pick(rng, ["反复胸闷、气短3天。", "咳嗽咳痰1周，伴发热。", "上腹痛2天，进食后加重。", "多饮多尿2月，体重下降5kg。"]) + "\n")
    d.t("现病史：患者于").v("DATE", Z.zh_date(rng, pr.ref - dt.timedelta(days=rng.randint(2, 20)), 8)).t("无明显诱因出现上述症状，")
    d.t(pick(rng, ["自服药物无缓解，", "曾于当地诊所输液治疗，", "未予重视，"]) + "今由")
    fam = Z.zh_person(rng, fk)
    d.t(pick(rng, ["其女", "其子", "其妻", "其夫", "家属"])).v("PERSON", fam.name).t("陪同来诊。\n")
    d.t("既往史：" + pick(rng, ["高血压病史10年，规律服用氨氯地平5mg qd。", "否认高血压、糖尿病史。", "2型糖尿病史5年。"]) + "\n")
    d.t(f"查体：T 36.{rng.randint(3, 9)}℃，P {rng.randint(60, 110)}次/分，BP {rng.randint(100, 170)}/{rng.randint(60, 100)}mmHg。\n")
    d.t("诊断：" + pick(rng, ["1. 冠心病 不稳定型心绞痛", "1. 社区获得性肺炎", "1. 慢性胃炎", "1. 2型糖尿病"]) + "\n")
    d.t("处理：完善心电图、血常规；" + pick(rng, ["一周后复诊。", "不适随诊。", "建议住院治疗。"]) + "\n\n")
    doc = Z.zh_person(rng, fk)
    d.t("医师：").v("PERSON", doc.name).t("（").v("JOB_TITLE", pick(rng, DOCTOR_TITLES)).t("）\n")
    return d, "zh_CN"


def z_referral(rng, fk):
    pr = zprofile(rng, fk, 1, 92)
    p = pr.p
    d = Doc()
    h1, h2 = Z.zh_org(rng, fk, "hospital"), Z.zh_org(rng, fk, "hospital")
    d.t("双向转诊单（转出）\n\n")
    d.t("转出单位：").v("ORGANIZATION", h1).t("\n转入单位：").v("ORGANIZATION", h2).t("\n\n")
    d.t("患者").v("PERSON", p.name).t(f"，{sex_word(p)}，").v("AGE", Z.zh_age(rng, pr.age)).t("岁，")
    d.t("身份证号").v("CN_RESIDENT_ID", pr.cid).t("，")
    d.t("住址").v("STREET_ADDRESS", pr.addr.full).t("，")
    d.t("联系电话").v("CN_MOBILE", pr.mobile)
    if chance(rng, 0.5):
        d.t("，家庭电话").v("CN_LANDLINE", Z.cn_landline(rng, ext=False))
    d.t("。\n")
    d.t("住院号：").v("MEDICAL_RECORD_NUMBER", Z.medical_no(rng, "住院号")).t("\n")
    d.t("初步诊断：" + pick(rng, ["急性脑梗死", "股骨颈骨折", "慢性肾功能不全（CKD4期）", "肺占位性病变待查"]) + "\n")
    d.t("转诊原因：" + pick(rng, ["需进一步行介入治疗", "本院无相关专科", "患者家属要求"]) + "\n")
    fam = Z.zh_person(rng, fk)
    d.t("家属").v("PERSON", fam.name).t("（" + pick(rng, ["配偶", "儿子", "女儿", "兄弟"]) + "）已知情同意，电话").v("CN_MOBILE", Z.cn_mobile(rng)).t("。\n")
    doc = Z.zh_person(rng, fk)
    d.t("转诊医生：").v("PERSON", doc.name).t("  ").v("JOB_TITLE", pick(rng, DOCTOR_TITLES)).t("  科室电话：").v("CN_LANDLINE", Z.cn_landline(rng)).t("\n")
    d.t("转诊日期：").v("DATE", Z.zh_date(rng, pr.ref)).t("\n")
    return d, "zh_CN"


def z_nursing_handover(rng, fk):
    d = Doc()
    ref = Z.rdate(rng)
    nurse = Z.zh_person(rng, fk)
    d.t(f"{pick(rng, ['心内科', '骨科', '呼吸科', 'ICU', '神经内科'])}护理交接班记录  ").v("DATE", Z.zh_date(rng, ref, pick(rng, [0, 3, 5]))).t("  夜班→白班\n")
    d.t("交班护士：").v("PERSON", nurse.name).t("\n")
    for bed in rng.sample(range(1, 40), rng.randint(3, 5)):
        pr = zprofile(rng, fk, 20, 95, ref=ref)
        p = pr.p
        d.t(f"{bed}床 ").v("PERSON", p.name).t(f" {sex_word(p)} ").v("AGE", str(pr.age)).t("岁 ")
        d.t(pick(rng, ["冠心病PCI术后第1天，穿刺处无渗血，足背动脉搏动好。", "COPD急性加重，鼻导管吸氧2L/min，SpO2 93%。",
                       "脑梗死，左侧肢体肌力3级，留置胃管。", "股骨粗隆间骨折术后，疼痛评分3分。", "糖尿病酮症酸中毒好转，血糖8.6mmol/L。"]))
        if chance(rng, 0.5):
            fam = Z.zh_person(rng, fk)
            d.t("陪护").v("PERSON", fam.name).t("，电话").v("CN_MOBILE", Z.cn_mobile(rng)).t("。")
        if chance(rng, 0.3):
            d.t("住院号").v("MEDICAL_RECORD_NUMBER", Z.medical_no(rng)).t("。")
        if chance(rng, 0.15):
            d.t("患者为").v("NRP", pick(rng, ["回族", "维吾尔族", "哈萨克族"])).t("，饮食需清真。")
        d.t(pick(rng, ["\n", "重点交接：防跌倒。\n", "今晨空腹抽血已完成。\n"]))
    d.t("其他：病区今日空床" + str(rng.randint(0, 6)) + "张，抢救车已检查。\n")
    return d, "zh_CN"


def z_discharge(rng, fk):
    pr = zprofile(rng, fk, 1, 95)
    p = pr.p
    d = Doc()
    d.v("ORGANIZATION", Z.zh_org(rng, fk, "hospital")).t("\n出院小结\n\n")
    adm = pr.ref
    dis = adm + dt.timedelta(days=rng.randint(2, 25))
    d.t("姓名：").v("PERSON", p.name).t(f"  性别：{sex_word(p)}  年龄：").v("AGE", str(pr.age)).t("  民族：").v("NRP", ethnic_for(rng, p)).t("\n")
    d.t("住院号：").v("MEDICAL_RECORD_NUMBER", Z.medical_no(rng, "住院号")).t("  病案号：").v("MEDICAL_RECORD_NUMBER", Z.medical_no(rng, "病案号")).t("\n")
    d.t("入院日期：").v("DATE", Z.zh_date(rng, adm, pick(rng, [0, 3, 6]))).t("  出院日期：").v("DATE", Z.zh_date(rng, dis, pick(rng, [0, 3, 6]))).t(f"  住院天数：{(dis - adm).days}天\n")
    d.t("入院诊断：" + pick(rng, ["急性阑尾炎", "社区获得性肺炎", "2型糖尿病伴血糖控制不佳", "胆囊结石伴急性胆囊炎"]) + "\n")
    d.t("诊疗经过：入院后完善相关检查，予抗感染、补液等对症治疗，病情好转。\n")
    d.t("出院医嘱：1. 低盐低脂饮食；2. 出院后2周门诊复查；3. 如有不适及时就诊。\n")
    d.t("复诊预约：").v("DATE", Z.zh_date(rng, dis + dt.timedelta(days=14), 8)).t(f"上午{rng.randint(8, 11)}点\n")
    doc = Z.zh_person(rng, fk)
    d.t("主治医师：").v("PERSON", doc.name).t("    上级医师：").v("PERSON", Z.zh_person(rng, fk).name).t("\n")
    return d, "zh_CN"


def z_lab(rng, fk):
    pr = zprofile(rng, fk, 1, 95)
    p = pr.p
    d = Doc()
    d.v("ORGANIZATION", Z.zh_org(rng, fk, "hospital")).t("检验报告单\n")
    d.t("-" * 50 + "\n")
    d.t("姓名 ").v("PERSON", p.name).t(f"  性别 {sex_word(p)}  年龄 ").v("AGE", str(pr.age)).t("岁  病历号 ").v("MEDICAL_RECORD_NUMBER", Z.medical_no(rng, "门诊号")).t("\n")
    d.t(f"标本 {pick(rng, ['血清', '全血', '尿液'])}  采样时间 ").v("DATE", pr.ref.isoformat()).t(f" {rng.randint(6, 11):02d}:{rng.randint(0, 59):02d}\n")
    d.t("-" * 50 + "\n项目            结果      单位        参考范围\n")
    tests = [("白细胞计数", 3.5, 9.5, "10^9/L"), ("血红蛋白", 115, 150, "g/L"), ("血小板", 125, 350, "10^9/L"),
             ("谷丙转氨酶", 7, 40, "U/L"), ("肌酐", 41, 81, "μmol/L"), ("空腹血糖", 3.9, 6.1, "mmol/L"),
             ("总胆固醇", 2.8, 5.2, "mmol/L"), ("C反应蛋白", 0, 10, "mg/L")]
    for name, lo, hi, unit in rng.sample(tests, rng.randint(4, 7)):
        val = round(rng.uniform(lo * 0.7, hi * 1.3), 1)
        flag = "↑" if val > hi else ("↓" if val < lo else " ")
        d.t(f"{name:<12}{val:>8}{flag}  {unit:<10}{lo}-{hi}\n")
    d.t("-" * 50 + "\n检验者：").v("PERSON", Z.zh_person(rng, fk).name).t("  审核者：").v("PERSON", Z.zh_person(rng, fk).name).t("\n")
    return d, "zh_CN"


# ==========================================================================
# Insurance / banking
# ==========================================================================
def z_claim(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    ins = pick(rng, ["长城人寿保险股份有限公司", "安泰财产保险有限公司", "华康健康保险股份有限公司"])
    d.v("ORGANIZATION", ins).t(" 理赔申请书\n\n")
    d.t("被保险人").v("PERSON", p.name).t("，证件号码").v("CN_RESIDENT_ID", pr.cid).t("，保单号").v("ACCOUNT_NUMBER", Z.policy_no(rng))
    if chance(rng, 0.4):
        d.t("，社保卡号").v("NATIONAL_ID", Z.social_security_card(rng))
    d.t("。\n")
    inc = pr.ref
    d.t("出险经过：").v("DATE", Z.zh_date(rng, inc)).t(f"{rng.randint(7, 21)}时许，被保险人在")
    if chance(rng, 0.5):
        d.v("STREET_ADDRESS", pr.addr.full)
    else:
        d.v("LOCATION", Z.zh_city(rng)).t(pick(rng, ["某商场", "家中", "单位楼下", "高速服务区"]))
    d.t(pick(rng, ["不慎摔倒致右腕骨折，", "驾车时被追尾，", "突发胸痛，"]) + "送至").v("ORGANIZATION", Z.zh_org(rng, fk, "hospital"))
    d.t(f"救治，共花费医疗费{Z.cny(rng)}。\n")
    d.t("申请人：").v("PERSON", p.name if chance(rng, 0.6) else Z.zh_person(rng, fk).name).t("  与被保险人关系：" + pick(rng, ["本人", "配偶", "子女", "父母"]) + "\n")
    d.t("领款账户：").v("CN_BANK_CARD", Z.cn_bank_card(rng)).t("（").v("ORGANIZATION", pick(rng, ["工商银行", "农业银行", "建设银行", "招商银行"]) + pick(rng, ["杭州分行", "城西支行", "营业部", ""])).t("）\n")
    d.t("联系电话：").v("CN_MOBILE", pr.mobile).t("  电子邮箱：").v("EMAIL_ADDRESS", Z.zh_email(rng, Z.pinyin_for(p))).t("\n")
    d.t(f"报案号：{Z.case_no(rng)}    申请日期：").v("DATE", Z.zh_date(rng, inc + dt.timedelta(days=rng.randint(1, 30)))).t("\n")
    if chance(rng, 0.5):
        d.t("影像资料可通过").v("URL", Z.zh_url(rng)).t("在线上传。\n")
    return d, "zh_CN"


def z_complaint(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    bank = Z.zh_org(rng, fk, "fin")
    d.t(f"投诉工单 {Z.case_no(rng)}\n受理渠道：95xxx客服热线    受理时间：").v("DATE", Z.zh_date(rng, pr.ref, 3)).t(f" {rng.randint(8, 21)}:{rng.randint(0, 59):02d}\n")
    d.t("来电号码：").v("CN_MOBILE", pr.mobile).t("\n\n")
    d.t("投诉内容：客户")
    honor(d, rng, p)
    d.t("来电反映，其尾号" + digits(rng, 4) + "的信用卡于")
    d.v("DATE", Z.zh_date(rng, pr.ref - dt.timedelta(days=rng.randint(1, 40)), 8))
    d.t(f"被扣收年费{rng.randint(100, 2000)}元，客户称办卡时")
    staff = Z.zh_person(rng, fk)
    d.t("客户经理").v("PERSON", staff.name).t("承诺首年免年费。客户情绪激动，表示如不处理将向监管部门投诉。")
    if chance(rng, 0.5):
        d.t("客户另称近期频繁接到自称").v("ORGANIZATION", bank).t("工作人员的推销电话，来电号码为").v("CN_LANDLINE", Z.cn_landline(rng)).t("。")
    d.t("\n\n处理意见：经核实，该卡为").v("DATE", Z.zh_date(rng, Z.rdate(rng, 2019, 2023), 0)).t("申请，")
    d.t(pick(rng, ["已为客户减免年费。", "不符合减免条件，已向客户解释。", "已转信用卡中心跟进。"]) + "\n")
    h = Z.zh_person(rng, fk)
    d.t("处理人：").v("PERSON", h.name).t("（").v("JOB_TITLE", Z.zh_job(rng, "fin")).t("）\n")
    return d, "zh_CN"


def z_aml(rng, fk):
    pr = zprofile(rng, fk, 22, 70)
    p = pr.p
    d = Doc()
    d.t("可疑交易分析报告（内部）\n\n一、客户基本情况\n")
    d.v("PERSON", p.name).t(f"，{sex_word(p)}，").v("DATE_OF_BIRTH", Z.zh_date(rng, pr.dob, pick(rng, [0, 6, 3]))).t("出生，")
    d.v("NRP", ethnic_for(rng, p)).t("，身份证号码").v("CN_RESIDENT_ID", pr.cid).t("，户籍地").v("LOCATION", pr.region[1] + (pr.region[2] or ""))
    d.t("，现住").v("STREET_ADDRESS", pr.addr.full).t("。职业登记为").v("JOB_TITLE", Z.zh_job(rng)).t("，工作单位").v("ORGANIZATION", Z.zh_org(rng, fk)).t("。\n")
    d.t("\n二、交易情况\n")
    card = Z.cn_bank_card(rng)
    d.t("该客户名下借记卡").v("CN_BANK_CARD", card).t("于").v("DATE", Z.zh_date(rng, pr.ref, 0)).t("至").v("DATE", Z.zh_date(rng, pr.ref + dt.timedelta(days=rng.randint(5, 60)), 0))
    d.t(f"期间累计收到{rng.randint(20, 300)}笔转入，合计{Z.cny(rng)}，资金快进快出。主要交易对手：\n")
    for _ in range(rng.randint(2, 4)):
        cp = Z.zh_person(rng, fk)
        d.t("  · ").v("PERSON", cp.name).t("，卡号").v("CN_BANK_CARD", Z.cn_bank_card(rng)).t(f"，{rng.randint(2, 40)}笔\n")
    co = Z.zh_org(rng, fk)
    d.t("  · ").v("ORGANIZATION", co).t("，对公账号").v("ACCOUNT_NUMBER", Z.cn_corp_account(rng)).t("\n")
    d.t("网银登录IP多次为").v("IP_ADDRESS", V.ip(rng, fk)).t("，与客户常住地不符；绑定手机").v("CN_MOBILE", pr.mobile).t("。\n")
    d.t("\n三、分析意见\n疑似为电信诈骗提供资金通道（“跑分”），建议上报并对账户采取管控措施。\n")
    ana = Z.zh_person(rng, fk)
    d.t("分析人：").v("PERSON", ana.name).t("  ").v("JOB_TITLE", "反洗钱合规专员").t("  日期：").v("DATE", Z.zh_date(rng, pr.ref + dt.timedelta(days=61), 3)).t("\n")
    return d, "zh_CN"


def z_credit_approval(rng, fk):
    pr = zprofile(rng, fk, 23, 60)
    p = pr.p
    d = Doc()
    d.t("个人经营贷款审批意见\n\n")
    d.t("借款人").v("PERSON", p.name).t("，").v("AGE", Z.zh_age(rng, pr.age)).t("岁，").v("NRP", pick(rng, Z.POLITICAL)).t("，")
    d.t("现任").v("ORGANIZATION", Z.zh_org(rng, fk)).v("JOB_TITLE", Z.zh_job(rng)).t("，")
    d.t(f"月收入约{rng.randint(6, 80)}千元。家庭住址").v("STREET_ADDRESS", pr.addr.full).t("（自有住房，无抵押）。")
    sp = Z.zh_person(rng, fk)
    d.t("配偶").v("PERSON", sp.name).t("，身份证").v("CN_RESIDENT_ID", Z.cn_id(rng)[0]).t("，同意作为共同借款人。\n")
    d.t(f"申请金额{Z.cny(rng)}，期限{rng.randint(1, 5)}年，用途为{pick(rng, ['购置设备', '店铺装修', '补充流动资金'])}。")
    d.t("征信报告显示近两年逾期" + str(rng.randint(0, 3)) + "次，当前无逾期。\n")
    d.t("还款账户：").v("CN_BANK_CARD", Z.cn_bank_card(rng)).t("\n")
    d.t("审批结论：" + pick(rng, ["同意", "同意，利率上浮10%", "补充材料后再议", "不同意"]) + "\n")
    ap = Z.zh_person(rng, fk)
    d.t("审批人：").v("PERSON", ap.name).t("（").v("JOB_TITLE", pick(rng, ["信贷审批岗", "零售信贷部总经理", "风控专员"])).t("）  ").v("DATE", Z.zh_date(rng, pr.ref)).t("\n")
    return d, "zh_CN"


def z_hr_archive(rng, fk):
    pr = zprofile(rng, fk, 18, 62)
    p = pr.p
    d = Doc()
    d.v("ORGANIZATION", Z.zh_org(rng, fk)).t(" 员工档案登记表\n\n")
    rows = [("姓名", ("PERSON", p.name)), ("性别", sex_word(p)), ("民族", ("NRP", ethnic_for(rng, p))),
            ("出生日期", ("DATE_OF_BIRTH", Z.zh_date(rng, pr.dob, pick(rng, [0, 3, 5, 6])))),
            ("政治面貌", ("NRP", pick(rng, Z.POLITICAL))), ("籍贯", ("LOCATION", pr.region[1] + (pr.region[2] or ""))),
            ("身份证号", ("CN_RESIDENT_ID", pr.cid)), ("学历", pick(rng, ["本科", "硕士研究生", "大专", "高中"])),
            ("部门/职务", [pick(rng, ["财务部", "人力资源部", "技术中心", "市场部"]) + " / ", ("JOB_TITLE", Z.zh_job(rng))]),
            ("入职日期", ("DATE", Z.zh_date(rng, Z.rdate(rng, 2008, 2024), pick(rng, [0, 3, 5])))),
            ("社保卡号", ("NATIONAL_ID", Z.social_security_card(rng))),
            ("联系电话", ("CN_MOBILE", pr.mobile)),
            ("家庭住址", ("STREET_ADDRESS", pr.addr.full)), ("邮编", ("POSTCODE", pr.addr.postcode))]
    if chance(rng, 0.4):
        rows.append(("宗教信仰", ("NRP", pick(rng, Z.RELIGION)) if chance(rng, 0.5) else "无"))
    em = Z.zh_person(rng, fk)
    rows.append(("紧急联系人", [("PERSON", em.name), "（" + pick(rng, ["父亲", "母亲", "配偶", "姐姐"]) + "）", ("CN_MOBILE", Z.cn_mobile(rng))]))
    sep = pick(rng, ["：", "：", " | ", "\t"])
    for k, v in rows:
        d.t(k + sep)
        if isinstance(v, tuple):
            d.v(*v)
        elif isinstance(v, list):
            d.add(*v)
        else:
            d.t(v)
        d.t("\n")
    return d, "zh_CN"


def z_minutes(rng, fk):
    d = Doc()
    ref = Z.rdate(rng)
    okind = pick(rng, ["fin", "hospital", "co"])
    dom = {"fin": "fin", "hospital": "med", "co": "gen"}[okind]
    org = Z.zh_org(rng, fk, okind)
    d.v("ORGANIZATION", org).t(pick(rng, ["风险管理委员会会议纪要", "季度经营分析会纪要", "医疗质量安全例会纪要", "客户投诉专题会纪要"])).t("\n\n")
    d.t("时间：").v("DATE", Z.zh_date(rng, ref, pick(rng, [0, 6]))).t(f"下午{rng.randint(2, 4)}:00\n地点：{rng.randint(3, 28)}楼第{rng.randint(1, 6)}会议室\n")
    d.t("参会人员：")
    ppl = [Z.zh_person(rng, fk) for _ in range(rng.randint(3, 6))]
    for i, pp in enumerate(ppl):
        if i:
            d.t("、")
        d.v("PERSON", pp.name)
        if chance(rng, 0.5):
            d.t("（").v("JOB_TITLE", Z.zh_job(rng, dom)).t("）")
    d.t("\n记录人：").v("PERSON", Z.zh_person(rng, fk).name).t("\n\n")
    d.t("一、会议听取了")
    d.v("PERSON", ppl[0].name).t("关于" + pick(rng, ["三季度不良贷款情况", "客户信息安全自查", "院感防控", "投诉处理时效"]) + "的汇报。\n")
    d.t("二、讨论了客户")
    cust = zprofile(rng, fk, ref=ref)
    honor(d, rng, cust.p)
    d.t("（").v("AGE", str(cust.age)).t("岁）的重组申请，同意展期" + str(rng.randint(3, 12)) + "个月，由")
    d.v("PERSON", ppl[-1].name).t("负责跟进，").v("DATE", Z.zh_date(rng, ref + dt.timedelta(days=rng.randint(5, 30)), 8)).t("前反馈。\n")
    d.t("三、下次会议时间另行通知。\n")
    return d, "zh_CN"


def _cn_phone_with_correction(d, rng, mob):
    k = rng.randrange(4)
    if k == 0:
        d.t("客户：我手机是" + mob[:3] + "……哦不对，那是老号了，新的是").v("CN_MOBILE", mob).t("。\n")
    elif k == 1:
        wrong = Z.cn_mobile(rng, 0)
        d.t("客户：").v("CN_MOBILE", wrong).t("，哎不对不对，是").v("CN_MOBILE", mob).t("。\n")
    elif k == 2:
        d.t("客户：").v("CN_MOBILE", mob).t("。\n坐席：").v("CN_MOBILE", mob).t("，对吗？\n客户：对对对。\n")
    else:
        d.t("客户：你记一下啊，").v("CN_MOBILE", mob[:3] + " " + mob[3:7] + " " + mob[7:] if len(mob) == 11 else mob).t("，嗯，就这个。\n")


def z_call(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    agent = Z.zh_person(rng, fk)
    d.t(f"【通话记录】坐席工号{digits(rng, 5)}  通话时长{rng.randint(2, 15)}分{rng.randint(0, 59)}秒\n")
    d.t("坐席：您好，工号" + digits(rng, 4) + "为您服务，请问有什么可以帮您？\n")
    d.t("客户：喂，你好，我那个，我要改一下预留手机号。\n")
    if p.surname:
        d.t("坐席：好的，请问您贵姓？\n客户：我姓").v("PERSON", p.surname).t("，").v("PERSON", p.name).t("。\n")
    else:
        d.t("坐席：好的，请问您怎么称呼？\n客户：我叫").v("PERSON", p.name).t("。\n")
    d.t("坐席：")
    honor(d, rng, p)
    d.t("您好，麻烦报一下身份证号码。\n")
    cid = pr.cid.replace(" ", "")
    if chance(rng, 0.3):
        d.t("客户：" + cid[:6] + "……等一下我看看，").v("CN_RESIDENT_ID", cid).t("。\n")
    else:
        d.t("客户：").v("CN_RESIDENT_ID", cid).t("。\n")
    d.t("坐席：好的，新的手机号码是多少呢？\n")
    _cn_phone_with_correction(d, rng, pr.mobile.replace(" ", "").replace("-", "")[-11:])
    d.t("坐席：好的。您名下尾号" + digits(rng, 4) + "的卡同步修改吗？\n客户：嗯，都改。还有那个，我地址也变了，现在住")
    d.v("STREET_ADDRESS", pr.addr.full).t("。\n")
    if chance(rng, 0.5):
        d.t("坐席：邮编知道吗？\n客户：").v("POSTCODE", pr.addr.postcode).t("吧，应该是。\n")
    d.t("坐席：好的，已经为您登记，稍后会有短信通知。还有其他问题吗？\n客户：没有了，谢谢啊。\n")
    d.t("坐席：不客气，祝您生活愉快，再见。\n")
    return d, "zh_CN"


def _zrow(rng, fk, cols):
    pr = zprofile(rng, fk)
    out = []
    for c in cols:
        if c == "姓名":
            out.append(("PERSON", pr.p.name))
        elif c == "身份证号":
            out.append(("CN_RESIDENT_ID", pr.cid.replace(" ", "")))
        elif c == "手机":
            out.append(("CN_MOBILE", pr.mobile))
        elif c == "座机":
            out.append(("CN_LANDLINE", Z.cn_landline(rng)))
        elif c == "卡号":
            out.append(("CN_BANK_CARD", Z.cn_bank_card(rng).replace(" ", "")))
        elif c == "地址":
            out.append(("STREET_ADDRESS", pr.addr.full))
        elif c == "年龄":
            out.append(("AGE", str(pr.age)))
        elif c == "出生日期":
            out.append(("DATE_OF_BIRTH", pr.dob.isoformat() if chance(rng, 0.5) else Z.zh_date(rng, pr.dob, 0)))
        elif c == "单位":
            out.append(("ORGANIZATION", Z.zh_org(rng, fk)))
        elif c == "职务":
            out.append(("JOB_TITLE", Z.zh_job(rng)))
        elif c == "民族":
            out.append(("NRP", ethnic_for(rng, pr.p)))
        elif c == "邮箱":
            out.append(("EMAIL_ADDRESS", Z.zh_email(rng, Z.pinyin_for(pr.p))))
        elif c == "金额":
            out.append(Z.cny(rng))
        elif c == "状态":
            out.append(pick(rng, ["正常", "逾期", "已结清", "冻结", "待审核"]))
        elif c == "城市":
            out.append(("LOCATION", Z.zh_city(rng)))
        elif c == "住院号":
            out.append(("MEDICAL_RECORD_NUMBER", Z.medical_no(rng)))
    return out


ZTABLES = [["姓名", "身份证号", "手机", "状态"], ["姓名", "卡号", "金额", "状态"], ["姓名", "年龄", "民族", "地址"],
           ["姓名", "单位", "职务", "手机"], ["住院号", "姓名", "年龄", "出生日期"], ["姓名", "邮箱", "城市", "座机"],
           ["姓名", "出生日期", "身份证号", "地址"]]


def z_table(rng, fk):
    cols = pick(rng, ZTABLES)
    rows = [_zrow(rng, fk, cols) for _ in range(rng.randint(3, 7))]
    header = chance(rng, 0.5)
    style = pick(rng, ["markdown", "pipe", "tsv", "space", "comma"])
    sep = {"markdown": " | ", "pipe": "|", "tsv": "\t", "space": "  ", "comma": "，"}[style]
    d = Doc()
    d.t(pick(rng, ["以下为系统导出名单：\n", "附：核查清单\n", "", "请核对下列客户信息：\n\n"]))
    if header:
        if style == "markdown":
            d.t("| " + " | ".join(cols) + " |\n|" + "|".join("---" for _ in cols) + "|\n")
        else:
            d.t(sep.join(cols) + "\n")
    for r in rows:
        if style == "markdown":
            d.t("| ")
        for i, c in enumerate(r):
            if i:
                d.t(sep)
            d.add(c)
        if style == "markdown":
            d.t(" |")
        d.t("\n")
    if chance(rng, 0.4):
        d.t(f"共{len(rows)}条记录。\n")
    return d, "zh_CN"


def z_kyc(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    d.t("开户尽职调查记录\n\n")
    d.t("客户").v("PERSON", p.name).t("于").v("DATE", Z.zh_date(rng, pr.ref)).t("至我行")
    d.t(pick(rng, ["城西支行", "营业部", "科技园支行"]) + "申请开立个人结算账户。经核验，客户持居民身份证（号码")
    d.v("CN_RESIDENT_ID", pr.cid).t("），")
    if pr.idkind != "valid":
        d.t("联网核查提示证件信息异常，")
    d.t("出生于").v("DATE_OF_BIRTH", Z.zh_date(rng, pr.dob, pick(rng, [0, 6, 7]))).t("，现年").v("AGE", Z.zh_age(rng, pr.age)).t("岁。")
    d.t("客户自述在").v("ORGANIZATION", Z.zh_org(rng, fk)).t("担任").v("JOB_TITLE", Z.zh_job(rng)).t("，")
    d.t("开户用途为" + pick(rng, ["工资代发", "日常消费", "理财", "经营收款"]) + "。")
    if chance(rng, 0.5):
        d.t("客户另持有因私护照").v("PASSPORT_NUMBER", Z.cn_passport(rng)).t("及港澳通行证").v("PASSPORT_NUMBER", Z.hk_macau_permit(rng)).t("，近一年多次往返")
        d.v("LOCATION", pick(rng, ["香港", "澳门", "新加坡", "迪拜"])).t("。")
    if chance(rng, 0.4):
        d.t("客户香港联系电话").v("PHONE_NUMBER", V.phone(rng, "HK")).t("。")
    d.t("预留手机").v("CN_MOBILE", pr.mobile).t("，通讯地址").v("STREET_ADDRESS", pr.addr.full).t("，邮编").v("POSTCODE", pr.addr.postcode).t("。\n")
    off = Z.zh_person(rng, fk)
    d.t("经办：").v("PERSON", off.name).t("  复核：").v("PERSON", Z.zh_person(rng, fk).name).t("\n")
    return d, "zh_CN"


def z_json_log(rng, fk):
    d = Doc()
    ref = Z.rdate(rng)
    for _ in range(rng.randint(3, 6)):
        pr = zprofile(rng, fk, ref=ref)
        d.t('{"ts":"').v("DATE", ref.isoformat()).t(f' {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}","level":"{pick(rng, ["INFO", "WARN", "ERROR"])}","event":"')
        k = rng.randrange(5)
        if k == 0:
            d.t('login","user":"').v("CN_MOBILE", pr.mobile.replace(" ", "")).t('","ip":"').v("IP_ADDRESS", V.ip(rng, fk)).t('"}\n')
        elif k == 1:
            d.t('realname_verify","name":"').v("PERSON", pr.p.name).t('","idNo":"').v("CN_RESIDENT_ID", pr.cid.replace(" ", "")).t(f'","result":"{pick(rng, ["一致", "不一致", "库中无此号"])}"}}\n')
        elif k == 2:
            d.t('bind_card","cardNo":"').v("CN_BANK_CARD", Z.cn_bank_card(rng).replace(" ", "").replace("-", "")).t('","channel":"APP"}\n')
        elif k == 3:
            d.t('update_profile","email":"').v("EMAIL_ADDRESS", Z.zh_email(rng, Z.pinyin_for(pr.p))).t('","addr":"').v("STREET_ADDRESS", pr.addr.full).t('"}\n')
        else:
            d.t(f'order_paid","orderNo":"{Z.order_no(rng)}","amount":{rng.randint(1, 9999)}.{digits(rng, 2)}}}\n')
    return d, "zh_CN"


def z_sms(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    k = rng.randrange(5)
    if k == 0:
        d.t("【").v("ORGANIZATION", Z.zh_org(rng, fk, "hospital")).t("】")
        honor(d, rng, p)
        d.t("您好，您预约的").v("DATE", Z.zh_date(rng, pr.ref, 8)).t(f"上午{rng.randint(8, 11)}:30{pick(rng, ['心内科', '口腔科', '眼科'])}门诊，请携带身份证提前到院取号。")
        if chance(rng, 0.5):
            d.t("取消预约请点击").v("URL", Z.zh_url(rng)).t(" ")
        d.t("退订回T")
    elif k == 1:
        d.t("【").v("ORGANIZATION", Z.zh_org(rng, fk, "fin")).t("】您尾号" + digits(rng, 4) + f"的账户{rng.randint(1, 28)}日{rng.randint(0, 23)}:{rng.randint(10, 59)}转入{Z.cny(rng)}，付款人")
        d.v("PERSON", Z.zh_person(rng, fk).name).t("。")
        if chance(rng, 0.5):
            d.t("详情：").v("URL", Z.zh_url(rng))
    elif k == 2:
        d.t("妈，我换号了，新号").v("CN_MOBILE", pr.mobile).t("，旧号别打了。地址发你：").v("STREET_ADDRESS", pr.addr.full)
    elif k == 3:
        d.t("快递到了，放").v("STREET_ADDRESS", pr.addr.short).t("门卫了，有问题打").v("CN_MOBILE", Z.cn_mobile(rng)).t("。取件码" + digits(rng, 6))
    else:
        d.t("").v("PERSON", p.name).t("：您的贷款本期应还" + Z.cny(rng) + "，请于").v("DATE", Z.zh_date(rng, pr.ref, 8)).t("前存入尾号" + digits(rng, 4) + "账户。详询").v("CN_LANDLINE", Z.cn_landline(rng)).t("。")
    return d, "zh_CN"


def z_email(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    a = Z.zh_person(rng, fk)
    ae = Z.zh_email(rng, Z.pinyin_for(a))
    d.t("发件人：").v("PERSON", a.name).t(" <").v("EMAIL_ADDRESS", ae).t(">\n")
    d.t("收件人：").v("EMAIL_ADDRESS", Z.zh_email(rng, Z.pinyin_for(p))).t("\n")
    d.t("时间：").v("DATE", Z.zh_date(rng, pr.ref, 0)).t(f" {rng.randint(8, 22)}:{rng.randint(10, 59)}\n主题：回复：关于补充理赔材料\n\n")
    honor(d, rng, p)
    d.t("：\n\n您好！您").v("DATE", Z.zh_date(rng, pr.ref - dt.timedelta(days=3), 8)).t("提交的材料已收到，还需补充：\n")
    d.t("1. 被保险人身份证正反面复印件；\n2. 出院小结及费用清单原件；\n3. 收款人银行卡复印件。\n\n")
    oa = Z.zh_address(rng)
    d.t("材料可邮寄至").v("STREET_ADDRESS", oa.full).t("理赔部（邮编").v("POSTCODE", oa.postcode).t("），收件人").v("PERSON", a.name).t("，电话").v("CN_LANDLINE", Z.cn_landline(rng, ext=True)).t("。\n\n")
    d.v("PERSON", a.name).t("\n").v("JOB_TITLE", "理赔专员").t("\n").v("ORGANIZATION", Z.zh_org(rng, fk, "fin")).t("\n\n")
    d.t("------------------ 原始邮件 ------------------\n")
    d.t("> 你好，我是").v("PERSON", p.name).t("，保单号").v("ACCOUNT_NUMBER", Z.policy_no(rng)).t("，\n")
    d.t("> 材料已经快递过去了，单号" + fill(rng, "SF############") + "，麻烦查收。\n")
    d.t("> 我的卡号是").v("CN_BANK_CARD", Z.cn_bank_card(rng)).t("，赔款打这个卡就行。\n")
    return d, "zh_CN"


def z_collection(rng, fk):
    pr = zprofile(rng, fk, 22, 65)
    p = pr.p
    d = Doc()
    d.t("催收记录\n")
    for i in range(rng.randint(3, 5)):
        day = pr.ref + dt.timedelta(days=i * rng.randint(1, 6))
        d.v("DATE", Z.zh_date(rng, day, pick(rng, [3, 4, 5]))).t(" ")
        k = rng.randrange(5)
        if k == 0:
            d.t("致电借款人").v("CN_MOBILE", pr.mobile).t("，无人接听。\n")
        elif k == 1:
            d.t("借款人接听，称已失业，承诺月底还款" + Z.cny(rng) + "。\n")
        elif k == 2:
            c = Z.zh_person(rng, fk)
            d.t("联系紧急联系人").v("PERSON", c.name).t("（" + pick(rng, ["同事", "朋友", "哥哥"]) + "），电话").v("CN_MOBILE", Z.cn_mobile(rng)).t("，对方表示不清楚。\n")
        elif k == 3:
            d.t("致电单位").v("ORGANIZATION", Z.zh_org(rng, fk)).t("座机").v("CN_LANDLINE", Z.cn_landline(rng)).t("，前台称该员工已离职。\n")
        else:
            d.t("外访至").v("STREET_ADDRESS", pr.addr.full).t("，家中无人，已留催收函。\n")
    d.t("催收员：").v("PERSON", Z.zh_person(rng, fk).name).t("\n")
    return d, "zh_CN"


def z_policy_change(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    d.t("保全变更申请\n\n投保人：").v("PERSON", p.name).t("    保单号：").v("ACCOUNT_NUMBER", Z.policy_no(rng)).t("\n")
    d.t("变更项目：")
    items = rng.sample(["电话", "地址", "账户", "邮箱", "职业"], rng.randint(2, 4))
    d.t("、".join(items) + "\n\n")
    for it in items:
        if it == "电话":
            d.t("原联系电话：").v("CN_MOBILE", Z.cn_mobile(rng)).t("  →  新联系电话：").v("CN_MOBILE", pr.mobile).t("\n")
        elif it == "地址":
            d.t("新通讯地址：").v("STREET_ADDRESS", pr.addr.full).t("  邮编：").v("POSTCODE", pr.addr.postcode).t("\n")
        elif it == "账户":
            d.t("新续期扣款账户：").v("CN_BANK_CARD", Z.cn_bank_card(rng)).t("（户名：").v("PERSON", p.name).t("）\n")
        elif it == "邮箱":
            d.t("电子邮箱：").v("EMAIL_ADDRESS", Z.zh_email(rng, Z.pinyin_for(p))).t("\n")
        else:
            d.t("职业变更为：").v("JOB_TITLE", Z.zh_job(rng)).t("（").v("ORGANIZATION", Z.zh_org(rng, fk)).t("）\n")
    d.t("申请日期：").v("DATE", Z.zh_date(rng, pr.ref)).t("\n")
    d.t("投保人签名：").v("PERSON", p.name).t("\n")
    return d, "zh_CN"


def z_travel_docs(rng, fk):
    pr = zprofile(rng, fk)
    p = pr.p
    d = Doc()
    d.t("境外就医直付申请（附证件信息）\n")
    d.v("PERSON", p.name).t(f"，{sex_word(p)}，").v("DATE_OF_BIRTH", Z.zh_date(rng, pr.dob, 3)).t("生，")
    d.t("国籍").v("NRP", "中国").t("。护照号码").v("PASSPORT_NUMBER", Z.cn_passport(rng)).t("，")
    d.t("有效期至").v("DATE", Z.zh_date(rng, Z.rdate(rng, 2026, 2034), 3)).t("；")
    if chance(rng, 0.5):
        d.t("往来港澳通行证").v("PASSPORT_NUMBER", Z.hk_macau_permit(rng)).t("；")
    dest, dcc = pick(rng, [("东京", "JP"), ("曼谷", "TH"), ("新加坡", "SG"), ("悉尼", "AU"), ("伦敦", "GB"), ("首尔", "KR")])
    d.t("目前在").v("LOCATION", dest).t("旅行，入住").v("ORGANIZATION", pick(rng, ["希尔顿酒店", "格兰德酒店", "樱花旅馆"])).t("。")
    d.t("当地联系电话").v("PHONE_NUMBER", V.phone(rng, dcc)).t("，国内紧急联系人")
    c = Z.zh_person(rng, fk)
    d.v("PERSON", c.name).t("，").v("CN_MOBILE", Z.cn_mobile(rng)).t("。\n")
    d.t("就诊医院：").v("ORGANIZATION", pick(rng, ["St Luke's International Hospital", "Bumrungrad International", "Raffles Hospital", "Royal Prince Alfred Hospital"])).t("\n")
    if chance(rng, 0.4):
        d.t("医院收款账户IBAN：").v("IBAN_CODE", V.iban(rng, pick(rng, ["GB", "DE", "FR"]))).t("\n")
    return d, "zh_CN"


def z_prose_family(rng, fk):
    """Free prose with names and no cues (家访/调查笔录)."""
    pr = zprofile(rng, fk, 25, 80)
    p = pr.p
    d = Doc()
    sp = Z.zh_person(rng, fk)
    kid = Z.zh_person(rng, fk)
    d.t(pick(rng, ["走访笔录：", "情况说明：", "调查笔录（摘录）："]) + "\n")
    d.v("DATE", Z.zh_date(rng, pr.ref, 0)).t("上午，")
    d.v("PERSON", Z.zh_person(rng, fk).name).t("、").v("PERSON", Z.zh_person(rng, fk).name).t("到")
    d.v("STREET_ADDRESS", pr.addr.full).t("走访。")
    d.v("PERSON", p.name).t("在家，").v("PERSON", sp.name).t(pick(rng, ["外出打工", "在医院陪护", "上班"]) + "未归。")
    d.v("PERSON", p.name).t("称，其子").v("PERSON", kid.name).t("今年").v("AGE", Z.zh_age(rng, rng.randint(6, 30))).t("岁，")
    d.t(pick(rng, ["在", "就职于"])).v("ORGANIZATION", Z.zh_org(rng, fk)).t("，")
    d.t("每月给家里寄钱，有时通过").v("CN_BANK_CARD", Z.cn_bank_card(rng)).t("这张卡转账。")
    d.v("PERSON", p.name).t("留下电话").v("CN_MOBILE", pr.mobile).t("，表示配合后续调查。\n")
    return d, "zh_CN"


# ==========================================================================
# Negatives
# ==========================================================================
def zn_order(rng, fk):
    d = Doc()
    d.t(f"订单号：{Z.order_no(rng)}\n")
    for _ in range(rng.randint(2, 4)):
        d.t(f"商品编码 {fill(rng, '@@-#####')}  {pick(rng, ['A4打印纸', '硒鼓', '办公椅', '签字笔（黑）'])} ×{rng.randint(1, 20)}  单价{rng.randint(5, 900)}.00元\n")
    d.t(f"合计：{Z.cny(rng)}（含税）  发票号码：{digits(rng, 8)}\n预计{rng.randint(2, 5)}个工作日内送达。\n")
    return d, "zh_CN"


def zn_notice(rng, fk):
    d = Doc()
    d.t("营业时间调整公告\n\n自下月起，本网点营业时间调整为：\n周一至周五 9:00—17:00\n周六 9:30—16:00\n周日及法定节假日休息\n\n")
    d.t(f"自助设备24小时服务。单笔取现超过{rng.randint(5, 20)}万元需提前一个工作日预约。利率调整详见网点公示，一年期定期存款年利率{rng.randint(1, 2)}.{rng.randint(10, 99)}%。\n")
    return d, "zh_CN"


def zn_regulation(rng, fk):
    d = Doc()
    arts = ["第十三条", "第二十八条", "第五十一条", "第六十六条", "第二十九条"]
    d.t(f"合规提示：根据《个人信息保护法》{pick(rng, arts)}及《反洗钱法》第{Z.cn_num(rng.randint(10, 60))}条，")
    d.t(f"金融机构应当在{rng.randint(3, 10)}个工作日内完成自查。内部制度编号{fill(rng, '@@-##-###')}，版本V{rng.randint(1, 5)}.{rng.randint(0, 9)}。")
    d.t(f"抽样差错率{rng.randint(0, 5)}.{rng.randint(0, 9)}%，整改工单{fill(rng, 'ZG########')}。\n")
    return d, "zh_CN"


def zn_lab_ref(rng, fk):
    d = Doc()
    d.t("常用检验项目参考范围（成人）\n项目        参考范围      单位\n")
    for name, rg, u in [("白细胞计数", "3.5-9.5", "10^9/L"), ("血红蛋白", "115-150", "g/L"), ("空腹血糖", "3.9-6.1", "mmol/L"),
                        ("肌酐", "41-81", "μmol/L"), ("尿酸", "155-357", "μmol/L"), ("甘油三酯", "<1.7", "mmol/L")][:rng.randint(3, 6)]:
        d.t(f"{name:<10}{rg:<14}{u}\n")
    d.t(f"标本采集后请于{rng.randint(1, 4)}小时内送检。检验科内线{digits(rng, 4)}。\n")
    return d, "zh_CN"


def zn_ticket(rng, fk):
    d = Doc()
    d.t(f"IT工单 {fill(rng, 'WO########')}  优先级P{rng.randint(1, 4)}\n")
    d.t(f"问题描述：批处理任务{fill(rng, '@@@_####')}在第{rng.randint(1, 20)}步失败，错误码{digits(rng, 4)}，影响{rng.randint(10, 9999)}笔对账。\n")
    d.t(f"处理：已从检查点{digits(rng, 6)}重跑，版本{rng.randint(1, 9)}.{rng.randint(0, 40)}.{rng.randint(300, 9000)}已回滚。\n")
    return d, "zh_CN"


def zn_rates(rng, fk):
    d = Doc()
    d.t("| 产品 | 期限 | 年化利率 | 起存金额 |\n|---|---|---|---|\n")
    for prod in ["整存整取", "大额存单", "零存整取", "通知存款"][:rng.randint(2, 4)]:
        d.t(f"| {prod} | {pick(rng, ['3个月', '1年', '2年', '3年'])} | {rng.randint(1, 3)}.{rng.randint(0, 99):02d}% | {rng.randint(1, 20)}万元 |\n")
    d.t(f"以上利率仅供参考，产品代码{fill(rng, '@@####')}。\n")
    return d, "zh_CN"


POSITIVE = [
    ("zh_outpatient", z_outpatient, 3), ("zh_referral", z_referral, 3),
    ("zh_nursing_handover", z_nursing_handover, 3), ("zh_discharge", z_discharge, 3),
    ("zh_lab", z_lab, 2), ("zh_claim", z_claim, 3), ("zh_complaint", z_complaint, 3),
    ("zh_aml", z_aml, 3), ("zh_credit_approval", z_credit_approval, 3),
    ("zh_hr_archive", z_hr_archive, 3), ("zh_minutes", z_minutes, 3), ("zh_call", z_call, 4),
    ("zh_table", z_table, 5), ("zh_kyc", z_kyc, 3), ("zh_json_log", z_json_log, 2),
    ("zh_sms", z_sms, 4), ("zh_email", z_email, 3), ("zh_collection", z_collection, 2),
    ("zh_policy_change", z_policy_change, 2), ("zh_travel_docs", z_travel_docs, 2),
    ("zh_prose_family", z_prose_family, 3),
]
NEGATIVE = [
    ("zh_neg_order", zn_order, 1), ("zh_neg_notice", zn_notice, 1), ("zh_neg_regulation", zn_regulation, 1),
    ("zh_neg_lab_ref", zn_lab_ref, 1), ("zh_neg_ticket", zn_ticket, 1), ("zh_neg_rates", zn_rates, 1),
]
