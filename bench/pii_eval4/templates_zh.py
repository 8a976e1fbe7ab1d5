"""Chinese templates of pii_eval4: (id, split, family, text, options); slots as in ``values_zh.GENS``.

Dev families: staff questions to the assistant (mixed with English), 护理交班 (SBAR), 网点 CRM notes, 微信/短信
messages, 分号记录.  Test families: 转诊单, 投诉工单, OCR 扫描件, 催收/回访 transcripts, e-mail replies, 名单.
"""

T = []


def t(tid, split, family, text, **opts):
    T.append((tid, split, family, text, opts))


# ============================================================ DEV: questions to the assistant (often mixed)
t("zh4.ask.01", "dev", "ask", "帮我查一下{name}的卡{card}为什么被冻结了，她手机{mobile}，身份证{id}")
t("zh4.ask.02", "dev", "ask", "pls帮忙写个回复给{surname}{xs}，{ta}投诉我们{bank}的app登录不了，网址{url}，邮箱{email}")
t("zh4.ask.03", "dev", "ask", "客户{name}说地址改成{address}了，系统里怎么改？ID是{id}")
t("zh4.ask.04", "dev", "ask", "这个账号{account}是不是对公户？户名{company}，联系人{name}，电话{landline}")
t("zh4.ask.05", "dev", "ask", "summarize一下：患者{name}，{age}岁，住院号{mrn}，{date}入院，{job}")

# ============================================================ DEV: 护理交班 SBAR
t("zh4.sbar.01", "dev", "sbar",
  "【交班】S：{name}，{ta}{age}岁，病历号{mrn}，术后第二天\nB：{nrp}，家住{address_short}，家属{name@2}{mobile@2}\n"
  "A：血压{bp}\nR：继续观察")
t("zh4.sbar.02", "dev", "sbar",
  "夜班交接：3床{name}（{age_words}岁）发热，ID号{mrn}；5床{name@2}明日出院，出生日期{dob@2}，"
  "联系电话{landline@2}")

# ============================================================ DEV: 网点 CRM / 回访记录
t("zh4.crm.01", "dev", "crm",
  "{date} 回访记录：客户{name}，{job}，单位{company}，手机{mobile}，已确认身份证后四位{last4}，无异议。")
t("zh4.crm.02", "dev", "crm",
  "客户{surname}{xs}来{bank}办理挂失，卡号{card}，留存地址{address}，邮编{postcode}。")
t("zh4.crm.03", "dev", "crm",
  "VIP客户{name}（{nrp}）今日到访，护照号{passport}，要求开立外币账户，推荐人{name@2}（{job@2}）。")

# ============================================================ DEV: 微信 / 短信
t("zh4.msg.01", "dev", "msg",
  "{name}：在吗？我换号了，新号{mobile}\n客服：您好{surname}{xs}，请提供一下出生日期\n{name}：{dob}")
t("zh4.msg.02", "dev", "msg",
  "【{hospital}】尊敬的{name}，您预约的门诊时间为{date} {time}，如需改约请致电{landline}。")
t("zh4.msg.03", "dev", "msg",
  "老公你帮我转一下钱给{name@2}，卡号{card@2}，{bank@2}的，她电话{mobile@2}，香港号码{fphone@2}")

# ============================================================ DEV: 分号 / 列表记录
t("zh4.semi.01", "dev", "semi",
  "{name};{id};{mobile};{city}\n{name@2};{id@2};{mobile@2};{city@2}")
t("zh4.semi.02", "dev", "semi",
  "收款人={name}；账号={account}；开户行={bank}；金额={amount}；登录IP={ip}")
t("zh4.semi.03", "dev", "semi",
  "本周值班：{name}（{job}）、{name@2}（{job@2}）、{name@3}，地点{city}")

# ============================================================ DEV: no-PII
t("zh4.neg.01", "dev", "negative", "您的验证码是{code}，5分钟内有效。订单{order}已发货，金额{amount}。", n=6)
t("zh4.neg.02", "dev", "negative", "尾号{last4}的卡本月消费{amount}，工单{ticket}已关闭。", n=6)

# ============================================================ TEST: 转诊单
t("zh4.ref.01", "test", "referral",
  "转诊单\n转出医院：{hospital}\n患者姓名：{name}  性别：{ta}  年龄：{age}\n身份证号：{id}\n门诊号：{mrn}\n"
  "现住址：{address}\n联系电话：{mobile}\n转入医院：{hospital@2}\n接诊医生：{name@2}")
t("zh4.ref.02", "test", "referral",
  "{name}医生您好，现转诊患者{name@2}，{age_words@2}岁，{job@2}，{date@2}起咳嗽，家属{name@3}（{mobile@3}）陪同。")

# ============================================================ TEST: 投诉工单
t("zh4.cmp.01", "test", "complaint",
  "投诉工单{ticket}｜来电人：{name}｜来电号码：{mobile}｜投诉对象：{company}｜{date}受理｜处理人：{name@2}")
t("zh4.cmp.02", "test", "complaint",
  "客户{surname}{xs}反映在{city}的{bank}网点被多收费用，要求回电{landline}，或发邮件到{email}。")
t("zh4.cmp.03", "test", "complaint",
  "12315转办：消费者{name}，身份证号码{id}，住{address}，投诉{company}虚假宣传。")

# ============================================================ TEST: OCR 扫描件
t("zh4.ocr.01", "test", "ocr",
  "个 人 信 息 登 记 表\n姓  名 ： {name}    民  族 ： {nrp}\n出生日期 ： {dob}\n身份证号 ： {id}\n"
  "住  址 ： {address}\n手  机 ： {mobile}\n工作单位 ： {company}")
t("zh4.ocr.02", "test", "ocr",
  "银 行 卡 挂 失 申 请\n户 名 {name}\n卡 号 {card}\n证 件 号 码 {id}\n联 系 电 话 {landline}\n"
  "邮 政 编 码 {postcode}")

# ============================================================ TEST: 催收 / 回访 transcripts
t("zh4.call.01", "test", "call",
  "坐席：请问是{name}吗？\n客户：是我。\n坐席：您在{bank}的账户{account}逾期了，您现在还在{company}上班吗？\n"
  "客户：换工作了，现在做{job}。")
t("zh4.call.02", "test", "call",
  "坐席：核实一下，您的出生日期？\n客户：{dob}。\n坐席：护照号呢？\n客户：{passport}，我现在在香港，"
  "电话{fphone}。")

# ============================================================ TEST: e-mail replies, lists
t("zh4.mail.01", "test", "mail",
  "{name}您好：\n附件是您要的对账单。\n\n{name@2}\n{job@2}｜{company@2}\n电话：{landline@2}\n\n"
  "> {date}，{name}<{email}>写道：\n> 我的登录IP是{ip}，网址{url}打不开")
t("zh4.list.01", "test", "list",
  "本月新开户名单：\n1. {name}，{mobile}，{address_short}\n2. {name@2}，{mobile@2}，{address_short@2}\n"
  "3. {pinyin@3}（外籍，{nrp@3}），护照{passport@3}")

# ============================================================ TEST: 保险理赔、外卖/快递客服
t("zh4.claim.01", "test", "claim",
  "理赔报案：被保险人{name}，{age}岁，{dob}出生，证件号{id}，{date}在{city}就诊于{hospital}，"
  "赔款请打入{bank}卡{card}。")
t("zh4.kf.01", "test", "courier",
  "骑手反馈收件人{name}电话{mobile}一直打不通，地址{address}，备用电话{landline}，邮箱{email}，已联系{company}处理。")

# ============================================================ TEST: no-PII
t("zh4.neg.03", "test", "negative", "提醒：{time}后系统维护，工单{ticket}请在明天处理，血压计{bp}已校准。", n=6)
t("zh4.neg.04", "test", "negative", "订单号{order}，退款{amount}将原路返回尾号{last4}的卡。", n=6)

TEMPLATES = T
