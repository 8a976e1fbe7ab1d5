"""English-side value generators: personas, identifiers, addresses, quasi-identifiers, near-misses.

Every generator is ``fn(ctx, k) -> str`` (or ``(str, label)``), registered in ``GENS`` with the
entity label it produces (``None`` for unlabelled filler / near-miss values).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass, field

from common import (
    ALNUM,
    DIGITS,
    MONTHS,
    MONTHS_ABBR,
    UPPER,
    Ctx,
    ascii_fold,
    corrupt_digit,
    digits,
    fill,
    fmt_date_en,
    group,
    group_every,
    iban_valid,
    is_latin_name,
    luhn_check_digit,
    mod97_iban,
    number_words_en,
    ordinal_en,
    random_date,
    wchoice,
)

# --------------------------------------------------------------------------- locale pools
# (locale, weight, splits) -- 'b' both, 'd' dev only, 't' test only.
EN_LOCALES = [
    ("en_US", 18, "b"), ("en_GB", 16, "b"), ("en_IN", 7, "b"), ("en_CA", 5, "b"), ("en_AU", 4, "b"),
    ("en_NG", 3, "d"), ("de_DE", 3, "d"), ("fr_FR", 3, "d"), ("es_ES", 2, "d"), ("it_IT", 2, "d"),
    ("nl_NL", 2, "d"), ("pl_PL", 3, "d"), ("pt_BR", 2, "d"), ("ja_JP", 2, "d"), ("sv_SE", 1, "d"),
    ("ar_AA", 2, "d"), ("ko_KR", 1, "d"),
    ("en_IE", 3, "t"), ("zu_ZA", 2, "t"), ("en_KE", 2, "t"), ("es_MX", 2, "t"), ("tr_TR", 2, "t"),
    ("vi_VN", 2, "t"), ("is_IS", 2, "t"), ("cs_CZ", 2, "t"), ("fr_CA", 2, "t"), ("pt_PT", 1, "t"),
    ("fi_FI", 1, "t"), ("da_DK", 1, "t"), ("en_PH", 1, "t"), ("id_ID", 1, "t"), ("ga_IE", 1, "t"),
    ("zh_CN", 2, "t"), ("de_CH", 1, "t"), ("en_NZ", 1, "t"),
]


def locale_pool(split: str) -> list[tuple[str, float]]:
    tag = split[0]
    return [(loc, w) for loc, w, s in EN_LOCALES if s in ("b", tag)]


LOCALE_COUNTRY = {
    "en_US": "us", "en_GB": "gb", "en_IN": "in", "en_CA": "ca", "en_AU": "au", "en_NG": "ng", "de_DE": "de",
    "fr_FR": "fr", "es_ES": "es", "it_IT": "it", "nl_NL": "nl", "pl_PL": "pl", "pt_BR": "br", "ja_JP": "jp",
    "sv_SE": "se", "ar_AA": "ae", "ko_KR": "kr", "en_IE": "ie", "zu_ZA": "za", "en_KE": "ke", "es_MX": "mx",
    "tr_TR": "tr", "vi_VN": "vn", "is_IS": "is", "cs_CZ": "cz", "fr_CA": "ca", "pt_PT": "pt", "fi_FI": "fi",
    "da_DK": "dk", "en_PH": "ph", "id_ID": "id", "ga_IE": "ie", "zh_CN": "gb", "de_CH": "ch", "en_NZ": "nz",
}

# --------------------------------------------------------------------------- own name lists
AR_FIRST_M = ["Mohammed", "Ahmed", "Omar", "Khalid", "Youssef", "Hassan", "Hussein", "Abdullah", "Tariq", "Samir",
              "Karim", "Faisal", "Ibrahim", "Mustafa", "Bilal", "Hamza", "Rashid", "Walid", "Nabil", "Ziad"]
AR_FIRST_F = ["Fatima", "Aisha", "Layla", "Noor", "Mariam", "Zainab", "Rania", "Hana", "Yasmin", "Salma",
              "Amira", "Dalia", "Huda", "Leila", "Nadia", "Reem", "Samira", "Lina", "Safa", "Iman"]
AR_LAST = ["Al-Hashimi", "Haddad", "El-Sayed", "Abdel-Rahman", "Al-Farsi", "Nasser", "Mansour", "Khoury", "Saleh",
           "Al-Qahtani", "Bakr", "Aziz", "Hamdan", "Othman", "Al-Masri", "Darwish", "Suleiman", "Abu-Zayd",
           "El-Amin", "Khalil", "Ben Ali", "Bouzid", "Al-Rashid", "Farah"]
ZH_PINYIN_LAST = ["Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
                  "Zhu", "Hu", "Guo", "Lin", "He", "Gao", "Luo", "Zheng", "Liang", "Xie", "Tang", "Ouyang"]
ZH_PINYIN_FIRST = ["Wei", "Fang", "Na", "Min", "Jing", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Tao",
                   "Ming", "Chao", "Xiuying", "Xiaoming", "Jianguo", "Yuxuan", "Zihan", "Haoran", "Yiwen", "Mengyao",
                   "Zhiwei", "Lihua", "Xinyi", "Junjie", "Yufei", "Shuang", "Hui"]
KO_LAST = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
KO_FIRST = ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun", "Ji-woo", "Soo-ah", "Jae-won", "Hye-jin",
            "Sung-min", "Eun-ji", "Hyun-woo", "Ye-jin", "Dong-hyun"]
# Names with letters outside ASCII, mixed into every locale now and then.
DIACRITIC_FIRST_F = ["Zoë", "Chloë", "Małgorzata", "Sigríður", "Siân", "Aoife", "Inés", "Hélène", "Renée", "Zoé",
                     "Dóra", "Şebnem", "Thảo", "Björk", "Anaïs", "Noémie", "Jōko", "Ayşe", "Žofie", "Åsa"]
DIACRITIC_FIRST_M = ["Łukasz", "Søren", "Bjørn", "Ólafur", "Ruairí", "Seán", "José", "François", "Jürgen", "Görkem",
                     "Đức", "Jiří", "Tomáš", "Noël", "Ramón", "Jérôme", "Çağan", "Mikaël", "Þórður", "Dávid"]
DIACRITIC_LAST = ["Müller", "Ólafsdóttir", "Ngô", "Gonçalves", "Łukaszewski", "Brontë", "Núñez", "Öztürk", "Çelik",
                  "Dvořák", "Østergaard", "Sánchez", "Mäkinen", "Lefèvre", "Jiménez", "Şahin", "Nguyễn", "Đặng",
                  "Ó Súilleabháin", "O'Brien", "D'Angelo", "McAllister", "van der Berg", "Schäfer", "Błaszczyk",
                  "Grünewald", "Kovačević", "Ríos", "Björnsson", "Lindqvist"]

TITLES_M = [("Mr", 6), ("Mr.", 3), ("Dr", 1.5), ("Dr.", 1), ("Prof.", 0.3), ("Mx", 0.3)]
TITLES_F = [("Mrs", 4), ("Ms", 4), ("Miss", 1.5), ("Mrs.", 1), ("Ms.", 1), ("Dr", 1.5), ("Prof.", 0.3), ("Mx", 0.3)]


@dataclass
class Persona:
    locale: str
    country: str
    gender: str
    first: str
    last: str
    middle: str
    dob: dt.date
    age: int
    extra: dict = field(default_factory=dict)


def _faker_name(ctx: Ctx, loc: str, gender: str) -> tuple[str, str, str]:
    rng = ctx.rng
    if loc == "ar_AA":
        first = rng.choice(AR_FIRST_M if gender == "M" else AR_FIRST_F)
        return first, rng.choice(AR_LAST), rng.choice(AR_FIRST_M)
    if loc == "zh_CN":
        return rng.choice(ZH_PINYIN_FIRST), rng.choice(ZH_PINYIN_LAST), ""
    if loc == "ko_KR":
        return rng.choice(KO_FIRST), rng.choice(KO_LAST), ""
    f = ctx.faker(loc)
    if loc == "ja_JP":
        first = f.first_romanized_name_male() if gender == "M" else f.first_romanized_name_female()
        return first, f.last_romanized_name(), ""
    for _ in range(20):
        first = f.first_name_male() if gender == "M" else f.first_name_female()
        if loc in ("cs_CZ", "pl_PL", "is_IS"):
            last = f.last_name_male() if gender == "M" else f.last_name_female()
        else:
            last = f.last_name()
        middle = f.first_name_male() if rng.random() < 0.5 else f.first_name_female()
        if loc == "vi_VN":
            middle = f.middle_name()
        if is_latin_name(first) and is_latin_name(last) and is_latin_name(middle):
            if loc in ("es_ES", "es_MX") and rng.random() < 0.5:
                second = f.last_name()
                if is_latin_name(second) and second != last:
                    last = f"{last} {second}"
            return first, last, middle
    f = ctx.faker("en_US")
    return f.first_name(), f.last_name(), f.first_name()


def make_persona(ctx: Ctx, k: int) -> Persona:
    rng = ctx.rng
    if k == 1 or rng.random() < 0.4:
        loc = ctx.locale if k == 1 else ctx.persona(1).locale
    else:
        loc = wchoice(rng, locale_pool(ctx.split))
    gender = rng.choice("MF")
    first, last, middle = _faker_name(ctx, loc, gender)
    r = rng.random() if loc not in ("ar_AA", "zh_CN", "ko_KR", "ja_JP", "vi_VN") else 1.0
    if r < 0.07:
        first = rng.choice(DIACRITIC_FIRST_M if gender == "M" else DIACRITIC_FIRST_F)
    elif r < 0.14:
        last = rng.choice(DIACRITIC_LAST)
    if not middle:
        middle = ctx.faker("en_US").first_name_male() if gender == "M" else ctx.faker("en_US").first_name_female()
    age = int(wchoice(rng, [(rng.randint(18, 30), 3), (rng.randint(31, 50), 4), (rng.randint(51, 70), 3),
                            (rng.randint(71, 96), 2)]))
    dob = ctx.ref_date - dt.timedelta(days=age * 365 + rng.randrange(1, 364) + age // 4)
    return Persona(loc, LOCALE_COUNTRY.get(loc, "us"), gender, first, last, middle, dob, age)


# --------------------------------------------------------------------------- names


def g_first(ctx, k):
    return ctx.persona(k).first


def g_last(ctx, k):
    return ctx.persona(k).last


def g_middle(ctx, k):
    return ctx.persona(k).middle


def g_fullname(ctx, k):
    p = ctx.persona(k)
    if p.locale == "vi_VN":
        return f"{p.last} {p.middle} {p.first}"
    if p.locale == "zh_CN" and ctx.rng.random() < 0.5:
        return f"{p.last} {p.first}"
    return f"{p.first} {p.last}"


def _hyphen_first(ctx, p):
    f = ctx.faker("en_US" if p.locale not in ("fr_FR", "fr_CA", "de_DE") else p.locale)
    other = f.first_name_male() if p.gender == "M" else f.first_name_female()
    if not is_latin_name(other) or " " in other or "-" in p.first:
        return p.first
    return f"{p.first}-{other}"


def g_name(ctx, k):
    """Full name in one of several written forms."""
    p = ctx.persona(k)
    rng = ctx.rng
    mi = ascii_fold(p.middle)[:1].upper() or "J"
    fi = p.first[:1]
    form = wchoice(rng, [("fl", 58), ("fml", 10), ("fmidl", 6), ("f.l", 6), ("f.m.l", 5), ("hyph", 5),
                         ("dbl", 4), ("native", 6)])
    if form == "fml":
        return f"{p.first} {mi}. {p.last}"
    if form == "fmidl":
        return f"{p.first} {p.middle} {p.last}"
    if form == "f.l":
        return f"{fi}. {p.last}"
    if form == "f.m.l":
        return f"{fi}. {mi}. {p.last}" if rng.random() < 0.6 else f"{fi}.{mi}. {p.last}"
    if form == "hyph":
        return f"{_hyphen_first(ctx, p)} {p.last}"
    if form == "dbl" and " " not in p.last:
        other = ctx.faker("en_GB").last_name()
        return f"{p.first} {p.last}-{other}"
    return g_fullname(ctx, k)


def g_name_mi(ctx, k):
    p = ctx.persona(k)
    mi = ascii_fold(p.middle)[:1].upper() or "K"
    first = _hyphen_first(ctx, p) if ctx.rng.random() < 0.5 else p.first
    return f"{first} {mi}. {p.last}"


def g_name_initials(ctx, k):
    p = ctx.persona(k)
    mi = ascii_fold(p.middle)[:1].upper() or "R"
    fi = ascii_fold(p.first)[:1].upper() or p.first[:1]
    return f"{fi}. {mi}. {p.last}" if ctx.rng.random() < 0.6 else f"{fi}.{mi}. {p.last}"


def g_name_lf(ctx, k):
    p = ctx.persona(k)
    r = ctx.rng.random()
    if r < 0.4:
        return f"{p.last}, {p.first}"
    if r < 0.7:
        return f"{p.last.upper()}, {p.first}"
    mi = ascii_fold(p.middle)[:1].upper() or "A"
    return f"{p.last}, {p.first} {mi}."


def g_forenames(ctx, k):
    p = ctx.persona(k)
    return f"{p.first} {p.middle}"


def g_name_rev(ctx, k):
    p = ctx.persona(k)
    return f"{p.last.upper()} {p.first}"


def g_title(ctx, k):
    p = ctx.persona(k)
    return wchoice(ctx.rng, TITLES_M if p.gender == "M" else TITLES_F)


def g_sex(ctx, k):
    return "male" if ctx.persona(k).gender == "M" else "female"


def g_sexm(ctx, k):
    return ctx.persona(k).gender


def g_he(ctx, k):
    return "he" if ctx.persona(k).gender == "M" else "she"


def g_his(ctx, k):
    return "his" if ctx.persona(k).gender == "M" else "her"


def g_him(ctx, k):
    return "him" if ctx.persona(k).gender == "M" else "her"


def g_relation(ctx, k):
    return ctx.rng.choice(["wife", "husband", "daughter", "son", "partner", "mother", "father", "sister", "brother",
                           "niece", "friend", "neighbour"])


# --------------------------------------------------------------------------- e-mail / web
FREE_MAIL = [("gmail.com", 30), ("outlook.com", 8), ("hotmail.com", 6), ("hotmail.co.uk", 4), ("yahoo.com", 6),
             ("yahoo.co.uk", 3), ("icloud.com", 5), ("proton.me", 2), ("protonmail.com", 2), ("aol.com", 2),
             ("live.com", 2), ("btinternet.com", 2), ("web.de", 1.5), ("gmx.de", 1.5), ("orange.fr", 1.5),
             ("libero.it", 1), ("wp.pl", 1), ("rediffmail.com", 1), ("yahoo.co.in", 1.5), ("mail.ru", 0.5),
             ("me.com", 1), ("sky.com", 1), ("virginmedia.com", 1), ("comcast.net", 1.5), ("shaw.ca", 1),
             ("bigpond.com", 1), ("eircom.net", 0.5), ("seznam.cz", 0.5), ("t-online.de", 1), ("free.fr", 0.5)]


def _local_part(ctx, p):
    rng = ctx.rng
    f = ascii_fold(p.first).lower().replace(" ", "").replace("'", "")
    la = ascii_fold(p.last).lower().replace(" ", "").replace("'", "")
    yy = f"{p.dob.year % 100:02d}"
    return wchoice(rng, [
        (f"{f}.{la}", 8), (f"{f}{la}", 4), (f"{f[:1]}{la}", 4), (f"{f}_{la}", 2), (f"{f}{la[:1]}", 1),
        (f"{f}{rng.randint(1, 999)}", 3), (f"{f}.{la}{yy}", 2), (f"{la}.{f}", 1), (f"{f[:1]}.{la}", 2),
        (f"{f}{la}{p.dob.year}", 1), (f"{la}{f[:1]}{rng.randint(1, 99)}", 1), (f"{f}.{la}+bank", 0.5),
    ])


def g_email(ctx, k):
    p = ctx.persona(k)
    dom = wchoice(ctx.rng, FREE_MAIL) if ctx.rng.random() < 0.75 else ctx.faker("en_US").domain_name()
    e = f"{_local_part(ctx, p)}@{dom}"
    return e.upper() if ctx.rng.random() < 0.03 else e


def g_email_work(ctx, k):
    p = ctx.persona(k)
    dom = ctx.once(("workdomain", k), lambda: _company_domain(ctx, k))
    f = ascii_fold(p.first).lower().replace(" ", "").replace("'", "")
    la = ascii_fold(p.last).lower().replace(" ", "").replace("'", "")
    lp = wchoice(ctx.rng, [(f"{f}.{la}", 6), (f"{f[:1]}{la}", 3), (f"{f}", 1), (f"{f}.{la[:1]}", 1)])
    return f"{lp}@{dom}"


def _company_domain(ctx, k):
    org = ctx.once(("slot", "org", k), lambda: g_org(ctx, k))
    base = ascii_fold(org).lower()
    for junk in [" and ", " & ", ",", ".", "'", " llc", " ltd", " plc", " inc", " group", " sons", " gmbh", " kg",
                 " s.a.", " sa", " sarl", " s.l."]:
        base = base.replace(junk, " ")
    words = [w for w in base.split() if w.isalnum()]
    stem = "-".join(words[:2]) if words else "mail"
    tld = wchoice(ctx.rng, [("com", 6), ("co.uk", 3), ("org", 1), ("net", 1), ("io", 1), ("de", 0.5), ("ca", 0.5),
                            ("com.au", 0.5), ("in", 0.5), ("ie", 0.3)])
    return f"{stem}.{tld}"


def g_email_any(ctx, k):
    f = ctx.faker(wchoice(ctx.rng, [("en_US", 3), ("en_GB", 2), ("en_IN", 1), ("en_CA", 1)]))
    r = ctx.rng.random()
    if r < 0.4:
        return f.free_email()
    if r < 0.7:
        return f.company_email()
    return f"{f.user_name()}@{wchoice(ctx.rng, FREE_MAIL)}"


URL_PATHS = ["login", "account/reset-password", "claims/upload", "my/appointments", "secure/verify",
             "patient-portal/results", "track", "forms/kyc", "support/ticket", "s/profile", "pay/invoice",
             "docs/statement.pdf", "share/folder", "u/settings", "booking/confirm"]


def g_url(ctx, k):
    rng = ctx.rng
    f = ctx.faker("en_US")
    r = rng.random()
    if r < 0.25:
        return f.url().rstrip("/") if rng.random() < 0.5 else f.url()
    if r < 0.45:
        return f.uri()
    dom = f.domain_name()
    sub = rng.choice(["www.", "portal.", "my.", "secure.", "app.", "", ""])
    path = rng.choice(URL_PATHS)
    q = ""
    if rng.random() < 0.4:
        q = "?" + rng.choice(["ref", "token", "id", "session", "u"]) + "=" + fill(rng, "XXXXXXXX").lower()
    return f"{rng.choice(['https://', 'https://', 'http://'])}{sub}{dom}/{path}{q}"


def g_domain(ctx, k):
    rng = ctx.rng
    f = ctx.faker(rng.choice(["en_US", "en_GB", "en_AU", "de_DE", "fr_FR"]))
    d = f.domain_name()
    return ("www." + d) if rng.random() < 0.4 else d


def g_social(ctx, k):
    p = ctx.persona(k)
    handle = ascii_fold(p.first + p.last).lower().replace(" ", "").replace("'", "")
    site = ctx.rng.choice(["linkedin.com/in/", "facebook.com/", "instagram.com/", "x.com/", "github.com/"])
    return f"https://www.{site}{handle}{ctx.rng.randint(1, 99) if ctx.rng.random() < 0.5 else ''}"


# --------------------------------------------------------------------------- phones
# country: (calling code, trunk prefix or '', [national patterns with weights])
PHONE_FORMATS = {
    "us": ("1", "", [("(N##) N##-####", 5), ("N##-N##-####", 5), ("N##.N##.####", 2), ("N## N## ####", 1),
                     ("1-N##-N##-####", 1), ("N##N######", 1)]),
    "ca": ("1", "", [("(N##) N##-####", 4), ("N##-N##-####", 5), ("N## N## ####", 2), ("1 N## N##-####", 1)]),
    "gb": ("44", "0", [("07### ######", 6), ("07### ### ###", 3), ("020 #### ####", 3), ("0161 ### ####", 2),
                       ("0113 ### ####", 1), ("0121 ### ####", 1), ("0141 ### ####", 1), ("0131 ### ####", 1),
                       ("029 #### ####", 1), ("028 90## ####", 1), ("01632 ######", 1), ("07#########", 1)]),
    "ie": ("353", "0", [("08# ### ####", 5), ("01 ### ####", 2), ("021 ### ####", 1), ("091 ######", 1)]),
    "fr": ("33", "0", [("06 ## ## ## ##", 5), ("07 ## ## ## ##", 2), ("01 ## ## ## ##", 2), ("04 ## ## ## ##", 1),
                       ("06.##.##.##.##", 1)]),
    "de": ("49", "0", [("0151 ########", 2), ("0170 #######", 2), ("0176 ########", 2), ("030 ########", 2),
                       ("089 #######", 1), ("040/#######", 1), ("069 ########", 1)]),
    "es": ("34", "", [("6## ### ###", 5), ("9## ## ## ##", 2), ("6########", 1)]),
    "it": ("39", "", [("3## ### ####", 5), ("06 #### ####", 2), ("02 #### ####", 2)]),
    "nl": ("31", "0", [("06-########", 3), ("06 ## ## ## ##", 2), ("020-### ####", 2), ("010 ### ####", 1)]),
    "pl": ("48", "", [("5## ### ###", 3), ("6## ### ###", 2), ("7## ### ###", 2), ("22 ### ## ##", 1)]),
    "tr": ("90", "0", [("05## ### ## ##", 5), ("0212 ### ## ##", 2), ("0312 ### ## ##", 1)]),
    "vn": ("84", "0", [("09# ### ####", 4), ("03# ### ####", 2), ("028 #### ####", 1), ("024 #### ####", 1)]),
    "jp": ("81", "0", [("090-####-####", 4), ("080-####-####", 3), ("03-####-####", 2), ("06-####-####", 1)]),
    "in": ("91", "", [("9#### #####", 5), ("8#### #####", 2), ("7#### #####", 2), ("9#########", 2),
                      ("011-#### ####", 1), ("022 #### ####", 1)]),
    "ng": ("234", "0", [("080# ### ####", 4), ("070# ### ####", 2), ("081# ### ####", 2), ("090########", 1)]),
    "za": ("27", "0", [("08# ### ####", 4), ("07# ### ####", 3), ("011 ### ####", 2), ("021 ### ####", 1)]),
    "au": ("61", "0", [("04## ### ###", 6), ("(02) #### ####", 2), ("(03) #### ####", 2), ("02 #### ####", 1),
                       ("04########", 1), ("(08) #### ####", 1)]),
    "nz": ("64", "0", [("021 ### ####", 3), ("027 ### ####", 2), ("09 ### ####", 2), ("04 ### ####", 1)]),
    "br": ("55", "", [("(11) 9####-####", 4), ("(21) 9####-####", 2), ("(31) ####-####", 1), ("11 9########", 1)]),
    "mx": ("52", "", [("55 #### ####", 4), ("33 #### ####", 2), ("81 #### ####", 2), ("(55) ####-####", 1)]),
    "ae": ("971", "0", [("05# ### ####", 5), ("04 ### ####", 2)]),
    "sa": ("966", "0", [("05# ### ####", 5), ("011 ### ####", 1)]),
    "eg": ("20", "0", [("01# #### ####", 5), ("02 #### ####", 1)]),
    "sg": ("65", "", [("9### ####", 4), ("8### ####", 3), ("6### ####", 2)]),
    "hk": ("852", "", [("9### ####", 4), ("6### ####", 3), ("2### ####", 2)]),
    "se": ("46", "0", [("07#-### ## ##", 5), ("08-### ### ##", 2)]),
    "cz": ("420", "", [("6## ### ###", 3), ("7## ### ###", 3), ("2## ### ###", 1)]),
    "is": ("354", "", [("6## ####", 3), ("7## ####", 2), ("8## ####", 3), ("5## ####", 1)]),
    "fi": ("358", "0", [("04# ### ####", 4), ("050 ### ####", 3), ("09 ### ####", 1)]),
    "dk": ("45", "", [("## ## ## ##", 5), ("########", 1)]),
    "pt": ("351", "", [("9## ### ###", 5), ("21# ### ###", 2)]),
    "ke": ("254", "0", [("07## ######", 4), ("07## ### ###", 3), ("011# ### ###", 1)]),
    "ph": ("63", "0", [("09## ### ####", 5), ("02 #### ####", 1)]),
    "id": ("62", "0", [("08##-####-####", 4), ("08## #### ####", 3), ("021 #### ####", 1)]),
    "pk": ("92", "0", [("03##-#######", 5), ("042 ########", 1)]),
    "ch": ("41", "0", [("07# ### ## ##", 5), ("044 ### ## ##", 2)]),
    "be": ("32", "0", [("04## ## ## ##", 5), ("02 ### ## ##", 1)]),
    "at": ("43", "0", [("0664 #######", 4), ("01 #######", 1)]),
    "kr": ("82", "0", [("010-####-####", 5), ("02-####-####", 1)]),
}
INTL_ONLY_COUNTRIES = ["de", "fr", "es", "it", "nl", "pl", "tr", "vn", "jp", "ng", "za", "nz", "br", "mx", "ae", "sa",
                       "eg", "sg", "hk", "se", "cz", "is", "fi", "dk", "pt", "ke", "ph", "id", "pk", "ch", "be", "at",
                       "kr", "ie", "in", "au", "gb", "us"]


def phone_national(ctx, country):
    _cc, _trunk, pats = PHONE_FORMATS[country]
    return fill(ctx.rng, wchoice(ctx.rng, pats))


def phone_intl(ctx, country):
    rng = ctx.rng
    cc, trunk, pats = PHONE_FORMATS[country]
    nat = fill(rng, wchoice(rng, pats))
    if country in ("us", "ca") and nat.startswith("1"):
        nat = nat[1:].lstrip(" -")
    t = nat.replace("(", "").replace(")", "")
    had_trunk = bool(trunk) and t.startswith(trunk)
    if had_trunk:
        t = t[len(trunk):]
    t = t.replace("/", " ").lstrip(" -.")
    style = wchoice(rng, [("space", 6), ("e164", 3), ("dash", 1), ("00", 1), ("paren0", 1 if had_trunk else 0)])
    if country in ("us", "ca") and style == "space" and rng.random() < 0.4:
        d = "".join(c for c in t if c.isdigit())
        return f"+1 ({d[:3]}) {d[3:6]}-{d[6:]}"
    if style == "e164":
        return "+" + cc + "".join(c for c in t if c.isdigit())
    if style == "dash":
        return f"+{cc}-" + t.replace(" ", "-").replace(".", "-")
    if style == "00":
        return f"00{cc} {t}"
    if style == "paren0":
        return f"+{cc} (0){t}"
    return f"+{cc} {t}"


def _phone_country(ctx, k):
    p = ctx.persona(k)
    return p.country if p.country in PHONE_FORMATS else "us"


def g_phone(ctx, k):
    rng = ctx.rng
    c = _phone_country(ctx, k)
    r = rng.random()
    if r < 0.58:
        return phone_national(ctx, c)
    if r < 0.85:
        return phone_intl(ctx, c)
    return phone_national(ctx, rng.choice(["us", "gb"]))


def g_phone_intl(ctx, k):
    rng = ctx.rng
    c = _phone_country(ctx, k) if rng.random() < 0.45 else rng.choice(INTL_ONLY_COUNTRIES)
    return phone_intl(ctx, c)


def g_phone_na(ctx, k):
    return phone_national(ctx, ctx.rng.choice(["us", "us", "ca"]))


def g_phone_uk(ctx, k):
    return phone_national(ctx, "gb")


def g_phone_fr(ctx, k):
    return phone_national(ctx, "fr")


def g_phone_au(ctx, k):
    return phone_national(ctx, "au")


def g_phone_in(ctx, k):
    return phone_national(ctx, "in")


def g_phone_de(ctx, k):
    return phone_national(ctx, "de")


def g_phone_mobile(ctx, k):
    rng = ctx.rng
    c = _phone_country(ctx, k)
    mob = {"gb": "07### ######", "fr": "06 ## ## ## ##", "au": "04## ### ###", "in": "9#### #####",
           "de": "0151 ########", "ie": "087 ### ####", "ng": "080# ### ####", "za": "082 ### ####"}
    if c in mob and rng.random() < 0.8:
        return fill(rng, mob[c])
    return g_phone(ctx, k)


def g_phone_ext(ctx, k):
    rng = ctx.rng
    base = phone_national(ctx, rng.choice(["us", "us", "gb", "ca"]))
    ext = rng.choice([" ext. ", " ext ", " x", " x ", " extn ", " Ext. "]) + digits(rng, rng.choice([2, 3, 4]))
    return base + ext


# --------------------------------------------------------------------------- cards
CARD_BRANDS = [
    ("visa", lambda r: "4", [(16, 8), (13, 0.5), (19, 0.5)], 30),
    ("mastercard", lambda r: r.choice(["51", "52", "53", "54", "55", str(r.randint(2221, 2720))]), [(16, 1)], 25),
    ("amex", lambda r: r.choice(["34", "37"]), [(15, 1)], 10),
    ("discover", lambda r: r.choice(["6011", "644", "645", "65"]), [(16, 4), (19, 1)], 6),
    ("jcb", lambda r: str(r.randint(3528, 3589)), [(16, 4), (19, 1)], 4),
    ("diners", lambda r: r.choice(["36", "300", "305", "38"]), [(14, 1)], 3),
    ("maestro", lambda r: r.choice(["5018", "5020", "5038", "6304", "6759", "6761", "6763"]),
     [(12, 1), (13, 1), (16, 3), (19, 1)], 5),
    ("unionpay", lambda r: "62" + str(r.randint(2126, 2925)), [(16, 3), (19, 1)], 3),
]


def make_card(ctx, brand=None, valid_p=0.88):
    rng = ctx.rng
    b = next(x for x in CARD_BRANDS if x[0] == brand) if brand else wchoice(rng, [(x, x[3]) for x in CARD_BRANDS])
    name, pre_fn, lengths, _ = b
    n = wchoice(rng, lengths)
    pre = pre_fn(rng)
    body = pre + digits(rng, n - len(pre) - 1)
    num = body + luhn_check_digit(body)
    if rng.random() > valid_p:
        num = corrupt_digit(rng, num, keep_prefix=len(pre))
    return name, num


def format_card(ctx, name, num):
    rng = ctx.rng
    sep = wchoice(rng, [(" ", 50), ("-", 18), ("", 32)])
    n = len(num)
    if not sep:
        return num
    if name == "amex":
        return group(num, [4, 6, 5], sep)
    if name == "diners":
        return group(num, [4, 6, 4], sep)
    if n == 19 and rng.random() < 0.3:
        return group(num, [6, 13], sep)
    return group_every(num, 4, sep)


def g_card(ctx, k):
    name, num = make_card(ctx)
    return format_card(ctx, name, num)


def g_card_amex(ctx, k):
    name, num = make_card(ctx, "amex")
    return format_card(ctx, name, num)


def g_card_plain(ctx, k):
    return make_card(ctx)[1]


def g_card_visa(ctx, k):
    name, num = make_card(ctx, ctx.rng.choice(["visa", "mastercard"]))
    return format_card(ctx, name, num)


def g_last4(ctx, k):
    return digits(ctx.rng, 4)


def g_expiry(ctx, k):
    r = ctx.rng
    return f"{r.randint(1, 12):02d}/{r.randint(25, 31)}"


def g_cvv(ctx, k):
    return digits(ctx.rng, 3)


# --------------------------------------------------------------------------- IBAN
# country -> bban pattern ('#' digit, 'A' letter, 'X' alnum) and split tag
IBAN_SPECS = {
    "GB": ("AAAA##############", "b"), "DE": ("##################", "b"), "FR": ("##########XXXXXXXXXXX##", "b"),
    "ES": ("####################", "b"), "NL": ("AAAA##########", "d"), "IT": ("A######################", "d"),
    "BE": ("############", "d"), "PL": ("########################", "d"), "CH": ("#####XXXXXXXXXXXX", "d"),
    "AT": ("################", "d"), "SE": ("####################", "d"), "AE": ("###################", "d"),
    "DK": ("##############", "d"),
    "IE": ("AAAA##############", "t"), "PT": ("#####################", "t"), "NO": ("###########", "t"),
    "FI": ("##############", "t"), "LU": ("###XXXXXXXXXXXXX", "t"), "SA": ("##XXXXXXXXXXXXXXXXXX", "t"),
    "TR": ("#####0XXXXXXXXXXXXXXXX", "t"), "GR": ("#######XXXXXXXXXXXXXXXX", "t"), "CZ": ("####################", "t"),
    "HU": ("########################", "t"), "RO": ("AAAAXXXXXXXXXXXXXXXX", "t"),
    "BR": ("#######################AX", "t"),
}


def g_iban(ctx, k, grouped=None):
    rng = ctx.rng
    tag = ctx.split[0]
    pool = [c for c, (_, s) in IBAN_SPECS.items() if s in ("b", tag)]
    country = rng.choice(pool)
    pat = IBAN_SPECS[country][0]
    # account parts of FR/IT/CH/... are mostly numeric in practice
    pat = "".join("#" if (ch == "X" and rng.random() < 0.85) else ch for ch in pat)
    iban = mod97_iban(country, fill(rng, pat))
    if rng.random() < 0.05:  # mistyped: one digit changed, check digits no longer match
        iban = iban[:-6] + corrupt_digit(rng, iban[-6:], keep_prefix=0)
        if iban_valid(iban):
            iban = iban[:-1] + ("1" if iban[-1] != "1" else "2")
    if grouped is None:
        grouped = rng.random() < 0.6
    return group_every(iban, 4, " ") if grouped else iban


def g_iban_grouped(ctx, k):
    return g_iban(ctx, k, True)


def g_iban_plain(ctx, k):
    return g_iban(ctx, k, False)


def g_bic(ctx, k):
    r = ctx.rng
    return fill(r, "AAAA") + r.choice(["GB", "DE", "FR", "ES", "IE", "NL", "IT"]) + fill(r, "XX") + (
        fill(r, "XXX") if r.random() < 0.5 else "")


# --------------------------------------------------------------------------- network
def g_ipv4(ctx, k):
    f = ctx.faker("en_US")
    r = ctx.rng.random()
    if r < 0.6:
        return f.ipv4_public()
    if r < 0.9:
        return f.ipv4_private()
    return f.ipv4()


def g_ipv6(ctx, k):
    raw = ctx.faker("en_US").ipv6()
    r = ctx.rng.random()
    if r < 0.35:
        return raw
    if r < 0.75:
        # realistic: global unicast prefix with a compressed run of zeros
        a = ipaddress.IPv6Address(raw)
        words = list(a.exploded.split(":"))
        words[0] = ctx.rng.choice(["2001", "2a02", "2a01", "2600", "2607", "2804", "240e", "2409"])
        words[3:6] = ["0000", "0000", "0000"] if ctx.rng.random() < 0.5 else words[3:6]
        return str(ipaddress.IPv6Address(":".join(words)))
    if r < 0.85:
        return "fe80::" + ":".join(f"{ctx.rng.randrange(65536):x}" for _ in range(4))
    return str(ipaddress.IPv6Address(raw)).upper()


def g_ip(ctx, k):
    return g_ipv4(ctx, k) if ctx.rng.random() < 0.7 else g_ipv6(ctx, k)


def g_mac(ctx, k):
    return ctx.faker("en_US").mac_address()


def g_port(ctx, k):
    return str(ctx.rng.choice([443, 8443, 22, 3389, 8080, 51515, 993]))


# --------------------------------------------------------------------------- US identifiers
def g_ssn(ctx, k):
    rng = ctx.rng
    area = 666
    while area == 666:
        area = rng.randint(1, 899)
    s = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
    style = wchoice(rng, [("dash", 70), ("space", 14), ("plain", 16)])
    if style == "dash":
        return f"{s[:3]}-{s[3:5]}-{s[5:]}"
    if style == "space":
        return f"{s[:3]} {s[3:5]} {s[5:]}"
    return s


def g_ssn_dash(ctx, k):
    s = g_ssn(ctx, k).replace(" ", "").replace("-", "")
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


# state -> (pattern, split tag)
DL_STATES = {
    "California": ("A#######", "b"), "New York": ("### ### ###", "b"), "Texas": ("########", "b"),
    "Florida": ("A###-###-##-###-#", "b"), "Illinois": ("A###-####-####", "d"), "Pennsylvania": ("## ### ###", "d"),
    "Ohio": ("AA######", "d"), "Georgia": ("#########", "d"), "Massachusetts": ("S########", "d"),
    "Arizona": ("A########", "d"), "New Jersey": ("A#### ##### #####", "t"), "Michigan": ("A ### ### ### ###", "t"),
    "Washington": ("WDLXXXXXXXXX", "t"), "Colorado": ("##-###-####", "t"), "Virginia": ("A##-##-####", "t"),
    "Wisconsin": ("A###-####-####-##", "t"), "Maryland": ("A-###-###-###-###", "t"),
    "Minnesota": ("A############", "t"),
}


def _dl_state(ctx, k):
    def pick():
        tag = ctx.split[0]
        return ctx.rng.choice([s for s, (_, t) in DL_STATES.items() if t in ("b", tag)])
    return ctx.once(("dlstate", k), pick)


def g_dl(ctx, k):
    st = _dl_state(ctx, k)
    pat = DL_STATES[st][0]
    v = fill(ctx.rng, pat)
    if st == "New York" and ctx.rng.random() < 0.5:
        v = v.replace(" ", "")
    return v


def g_dl_state(ctx, k):
    return _dl_state(ctx, k)


US_STATE_ABBR = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
                 "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
                 "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"]


def g_routing(ctx, k):
    rng = ctx.rng
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.choice([0, 1, 2, 3])
        for c in range(10):
            dd = [*d, c]
            if (3 * (dd[0] + dd[3] + dd[6]) + 7 * (dd[1] + dd[4] + dd[7]) + (dd[2] + dd[5] + dd[8])) % 10 == 0:
                return "".join(map(str, dd))


# --------------------------------------------------------------------------- passports
# country -> (adjective, pattern, split tag)
PASSPORTS = {
    "United States": ("US", "#########", "b"), "United Kingdom": ("British", "#########", "b"),
    "Canada": ("Canadian", "AA######", "b"), "India": ("Indian", "A#######", "b"),
    "Germany": ("German", "CXXXXXXXX", "d"), "France": ("French", "##AA#####", "d"),
    "Australia": ("Australian", "PA#######", "d"), "Spain": ("Spanish", "PAA######", "d"),
    "Italy": ("Italian", "YA#######", "d"), "Nigeria": ("Nigerian", "A########", "d"),
    "Brazil": ("Brazilian", "FZ######", "d"),
    "Ireland": ("Irish", "PX#######", "t"), "Netherlands": ("Dutch", "NXXXXXXX#", "t"),
    "Japan": ("Japanese", "TK#######", "t"), "Mexico": ("Mexican", "G########", "t"),
    "South Africa": ("South African", "M########", "t"), "Poland": ("Polish", "EA#######", "t"),
    "Turkey": ("Turkish", "U########", "t"), "China": ("Chinese", "E########", "t"),
    "Philippines": ("Philippine", "P#######A", "t"),
}
PASSPORT_COUNTRY_FOR = {"us": "United States", "gb": "United Kingdom", "ca": "Canada", "in": "India",
                        "de": "Germany", "fr": "France", "au": "Australia", "es": "Spain", "it": "Italy",
                        "ng": "Nigeria", "br": "Brazil", "ie": "Ireland", "jp": "Japan", "mx": "Mexico",
                        "za": "South Africa", "tr": "Turkey", "ph": "Philippines"}


def _pp_country(ctx, k):
    def pick():
        tag = ctx.split[0]
        pool = [c for c, (_, _, t) in PASSPORTS.items() if t in ("b", tag)]
        own = PASSPORT_COUNTRY_FOR.get(ctx.persona(k).country)
        if own in pool and ctx.rng.random() < 0.5:
            return own
        return ctx.rng.choice(pool)
    return ctx.once(("ppcountry", k), pick)


def g_passport(ctx, k):
    c = _pp_country(ctx, k)
    pat = PASSPORTS[c][1]
    rng = ctx.rng
    if c == "United States" and rng.random() < 0.3:
        pat = "A########"
    if c == "Germany":
        return rng.choice("CFGHJK") + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    v = fill(rng, pat)
    return v.replace("O", "0") if c == "Netherlands" else v


def g_pp_country(ctx, k):
    return _pp_country(ctx, k)


def g_pp_adj(ctx, k):
    return PASSPORTS[_pp_country(ctx, k)][0]


# --------------------------------------------------------------------------- national IDs (non-US)
def _nino(ctx):
    rng = ctx.rng
    bad = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
    while True:
        a = rng.choice([c for c in UPPER if c not in "DFIQUV"])
        b = rng.choice([c for c in UPPER if c not in "DFIQUVO"])
        if a + b not in bad:
            break
    num = digits(rng, 6)
    suf = rng.choice("ABCD")
    style = wchoice(rng, [("plain", 5), ("pairs", 4), ("six", 1)])
    if style == "pairs":
        return f"{a}{b} {num[:2]} {num[2:4]} {num[4:]} {suf}"
    if style == "six":
        return f"{a}{b} {num} {suf}"
    return f"{a}{b}{num}{suf}"


def _sin(ctx):
    rng = ctx.rng
    body = rng.choice("1234567") + digits(rng, 7)
    s = body + luhn_check_digit(body)
    sep = rng.choice([" ", "-", ""])
    return group(s, [3, 3, 3], sep)


def _aadhaar(ctx):
    s = ctx.faker("en_IN").aadhaar_id()
    return group(s, [4, 4, 4], " ") if ctx.rng.random() < 0.7 else s


def _pan(ctx):
    rng = ctx.rng
    return fill(rng, "AAA") + "P" + rng.choice(UPPER) + digits(rng, 4) + rng.choice(UPPER)


def _ppsn(ctx):
    rng = ctx.rng
    d = digits(rng, 7)
    total = sum(int(c) * w for c, w in zip(d, range(8, 1, -1), strict=True))
    r = total % 23
    return d + ("W" if r == 0 else chr(64 + r)) + ("A" if rng.random() < 0.2 else "")


def _nric(ctx):
    rng = ctx.rng
    pre = rng.choice("ST")
    d = digits(rng, 7)
    total = sum(int(c) * w for c, w in zip(d, [2, 7, 6, 5, 4, 3, 2], strict=True)) + (4 if pre == "T" else 0)
    return pre + d + "JZIHGFEDCBA"[total % 11]


def _za_id(ctx, k):
    rng = ctx.rng
    dob = ctx.persona(k).dob
    body = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}" + f"{rng.randint(0, 9999):04d}" + "08"
    return body + luhn_check_digit(body)


def _insee(ctx):
    s = ctx.faker("fr_FR").ssn()
    if ctx.rng.random() < 0.5:
        return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:]}"
    return s


# kind -> (cue words, split tag, maker)
NATID_KINDS = {
    "nino": (["National Insurance number", "NI number", "NI no.", "NINO"], "b", lambda c, k: _nino(c)),
    "sin": (["SIN", "Social Insurance Number", "SIN #"], "b", lambda c, k: _sin(c)),
    "aadhaar": (["Aadhaar", "Aadhaar no.", "Aadhaar number"], "d", lambda c, k: _aadhaar(c)),
    "dni": (["DNI", "DNI/NIF"], "d", lambda c, k: c.faker("es_ES").nif()),
    "pesel": (["PESEL"], "d", lambda c, k: c.faker("pl_PL").pesel()),
    "bsn": (["BSN", "BSN number"], "d", lambda c, k: c.faker("nl_NL").ssn()),
    "cf": (["codice fiscale", "CF"], "d", lambda c, k: c.faker("it_IT").ssn()),
    "cpf": (["CPF"], "d", lambda c, k: c.faker("pt_BR").cpf()),
    "nric": (["NRIC", "NRIC no."], "d", lambda c, k: _nric(c)),
    "ppsn": (["PPS number", "PPSN"], "t", lambda c, k: _ppsn(c)),
    "nie": (["NIE"], "t", lambda c, k: c.faker("es_ES").nie()),
    "personnummer": (["personnummer"], "t", lambda c, k: c.faker("sv_SE").ssn()),
    "hetu": (["HETU", "henkilötunnus"], "t", lambda c, k: c.faker("fi_FI").ssn()),
    "tckn": (["TC Kimlik No", "T.C. kimlik number"], "t", lambda c, k: c.faker("tr_TR").ssn()),
    "insee": (["numéro de sécurité sociale", "INSEE number"], "t", lambda c, k: _insee(c)),
    "curp": (["CURP"], "t", lambda c, k: c.faker("es_MX").curp()),
    "za_id": (["SA ID number", "South African ID"], "t", _za_id),
    "pan": (["PAN", "PAN card no."], "t", lambda c, k: _pan(c)),
}
NATID_FOR_COUNTRY = {"gb": "nino", "ca": "sin", "in": "aadhaar", "es": "dni", "pl": "pesel", "nl": "bsn",
                     "it": "cf", "br": "cpf", "sg": "nric", "ie": "ppsn", "se": "personnummer", "fi": "hetu",
                     "tr": "tckn", "fr": "insee", "mx": "curp", "za": "za_id"}


def _natid_kind(ctx, k):
    def pick():
        tag = ctx.split[0]
        pool = [n for n, (_, t, _) in NATID_KINDS.items() if t in ("b", tag)]
        if tag == "t" and ctx.persona(k).country == "in":
            pool.append("pan")
        own = NATID_FOR_COUNTRY.get(ctx.persona(k).country)
        if own in pool and ctx.rng.random() < 0.6:
            return own
        return ctx.rng.choice(pool)
    return ctx.once(("natid", k), pick)


def g_natid(ctx, k):
    kind = _natid_kind(ctx, k)
    return NATID_KINDS[kind][2](ctx, k)


def g_natid_kind(ctx, k):
    kind = _natid_kind(ctx, k)
    return ctx.rng.choice(NATID_KINDS[kind][0])


def g_nino(ctx, k):
    return _nino(ctx)


def g_sin(ctx, k):
    return _sin(ctx)


# --------------------------------------------------------------------------- bank accounts, MRN
def g_acct(ctx, k):
    rng = ctx.rng
    c = ctx.persona(k).country
    if c == "gb" or (c not in ("us", "ca", "in", "ng", "au", "nz") and rng.random() < 0.5):
        return fill(rng, "########")
    pats = {
        "us": [("##########", 3), ("############", 2), ("#########", 1), ("####-####-##", 1), ("00########", 1)],
        "ca": [("#######", 3), ("##-#####", 1), ("#### ###", 1)],
        "in": [("##############", 2), ("###########", 2), ("################", 1)],
        "ng": [("##########", 1)],
        "au": [("### ### ###", 2), ("#########", 1), ("######", 1)],
        "nz": [("##-####-#######-##", 1)],
    }.get(c, [("##########", 2), ("###-######-#", 1), ("########", 1)])
    return fill(rng, wchoice(rng, pats))


def g_acct_uk(ctx, k):
    return fill(ctx.rng, "########")


def g_acct_us(ctx, k):
    return fill(ctx.rng, wchoice(ctx.rng, [("##########", 3), ("############", 2), ("#########", 1),
                                           ("########", 1)]))


def g_sortcode(ctx, k):
    return fill(ctx.rng, "##-##-##")


def g_bsb(ctx, k):
    return fill(ctx.rng, "0##-###")


def g_ifsc(ctx, k):
    return ctx.rng.choice(["HDFC", "ICIC", "SBIN", "UTIB", "KKBK"]) + "0" + digits(ctx.rng, 6)


def _nhs(ctx):
    rng = ctx.rng
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        d[0] = rng.randint(4, 7)
        total = sum(x * w for x, w in zip(d, range(10, 1, -1), strict=True))
        c = 11 - total % 11
        if c == 11:
            c = 0
        if c != 10:
            s = "".join(map(str, d)) + str(c)
            return wchoice(rng, [(f"{s[:3]} {s[3:6]} {s[6:]}", 7), (s, 2), (f"{s[:3]}-{s[3:6]}-{s[6:]}", 1)])


def g_nhs(ctx, k):
    return _nhs(ctx)


def g_chi(ctx, k):
    dob = ctx.persona(k).dob
    return f"{dob.day:02d}{dob.month:02d}{dob.year % 100:02d}{digits(ctx.rng, 4)}"


def g_mrn(ctx, k):
    rng = ctx.rng
    tag = ctx.split[0]
    pats = [("########", 5), ("#######", 4), ("##########", 2), ("A#######", 2), ("####-######", 1),
            ("MR######", 1)]
    if tag == "d":
        pats += [("H#########", 1), ("RX#######", 1)]
    else:
        pats += [("##-##-####", 1), ("E######", 1), ("MRN########", 0.5)]
    return fill(rng, wchoice(rng, pats))


# --------------------------------------------------------------------------- dates / ages
def _date_style(ctx, k):
    return "us" if ctx.persona(k).country in ("us", "ph") else "uk"


def _fmt_dob(ctx, k, style):
    return fmt_date_en(ctx.rng, ctx.persona(k).dob, style)


def g_dob(ctx, k):
    r = ctx.rng.random()
    style = _date_style(ctx, k) if r < 0.75 else ("iso" if r < 0.88 else "long")
    return _fmt_dob(ctx, k, style)


def g_dob_us(ctx, k):
    return _fmt_dob(ctx, k, "us")


def g_dob_uk(ctx, k):
    return _fmt_dob(ctx, k, "uk")


def g_dob_iso(ctx, k):
    return _fmt_dob(ctx, k, "iso")


def g_dob_long(ctx, k):
    return _fmt_dob(ctx, k, "long")


def _event_date(ctx, k):
    return ctx.once(("eventdate", k), lambda: random_date(ctx.rng, ctx.ref_date - dt.timedelta(days=420),
                                                          ctx.ref_date + dt.timedelta(days=60)))


def g_date(ctx, k):
    r = ctx.rng.random()
    style = _date_style(ctx, 1) if r < 0.7 else ("iso" if r < 0.85 else "long")
    return fmt_date_en(ctx.rng, _event_date(ctx, k), style)


def g_date_us(ctx, k):
    return fmt_date_en(ctx.rng, _event_date(ctx, k), "us")


def g_date_uk(ctx, k):
    return fmt_date_en(ctx.rng, _event_date(ctx, k), "uk")


def g_date_iso(ctx, k):
    return fmt_date_en(ctx.rng, _event_date(ctx, k), "iso")


def g_date_long(ctx, k):
    return fmt_date_en(ctx.rng, _event_date(ctx, k), "long")


def g_date_short(ctx, k):
    """Day and month without a year: '12 March', 'March 12th', '3rd Jan'."""
    d = _event_date(ctx, k)
    return wchoice(ctx.rng, [(f"{d.day} {MONTHS[d.month - 1]}", 3), (f"{MONTHS[d.month - 1]} {ordinal_en(d.day)}", 2),
                             (f"{ordinal_en(d.day)} {MONTHS_ABBR[d.month - 1]}", 1),
                             (f"{MONTHS_ABBR[d.month - 1]} {d.day}", 2)])


def g_age(ctx, k):
    return str(ctx.persona(k).age)


def g_age_words(ctx, k):
    return number_words_en(ctx.persona(k).age)


def g_age_child(ctx, k):
    return str(ctx.rng.randint(2, 16))


def g_time(ctx, k):
    r = ctx.rng
    h, m = r.randint(7, 19), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    return wchoice(r, [(f"{h:02d}:{m:02d}", 3), (f"{(h - 1) % 12 + 1}:{m:02d}{'am' if h < 12 else 'pm'}", 2),
                       (f"{(h - 1) % 12 + 1}.{m:02d} {'AM' if h < 12 else 'PM'}", 1)])


def g_timestamp_time(ctx, k):
    r = ctx.rng
    return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"


# --------------------------------------------------------------------------- places
CITIES = {
    "us": ["New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego",
           "Dallas", "Austin", "Jacksonville", "Columbus", "Charlotte", "Indianapolis", "Seattle", "Denver", "Boston",
           "Nashville", "Detroit", "Portland", "Memphis", "Baltimore", "Milwaukee", "Albuquerque", "Tucson",
           "Sacramento", "Atlanta", "Miami", "Omaha", "Raleigh", "Minneapolis", "Tulsa", "Cleveland", "New Orleans",
           "Pittsburgh", "Cincinnati", "St. Louis", "Boise", "Spokane", "Fresno"],
    "gb": ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Liverpool", "Bristol", "Sheffield",
           "Cardiff", "Belfast", "Newcastle upon Tyne", "Nottingham", "Leicester", "Coventry", "Bradford",
           "Stoke-on-Trent", "Southampton", "Portsmouth", "Brighton", "Plymouth", "Reading", "Aberdeen", "Dundee",
           "Swansea", "York", "Norwich", "Exeter", "Milton Keynes", "Sunderland", "Wolverhampton", "Derby", "Hull",
           "Preston", "Oldham", "Bolton", "Luton", "Slough", "Ipswich", "Inverness"],
    "ca": ["Toronto", "Montreal", "Vancouver", "Calgary", "Edmonton", "Ottawa", "Winnipeg", "Quebec City", "Hamilton",
           "Kitchener", "Halifax", "Victoria", "Saskatoon", "Regina", "St. John's", "Mississauga", "Brampton"],
    "au": ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Gold Coast", "Canberra", "Newcastle", "Hobart",
           "Darwin", "Geelong", "Townsville", "Cairns", "Wollongong"],
    "in": ["Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Chennai", "Kolkata", "Pune", "Ahmedabad", "Jaipur",
           "Lucknow", "Kochi", "Chandigarh", "Indore", "Nagpur", "Coimbatore"],
    "ie": ["Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny", "Drogheda", "Sligo", "Athlone"],
    "ng": ["Lagos", "Abuja", "Ibadan", "Kano", "Port Harcourt", "Enugu", "Benin City", "Kaduna"],
    "za": ["Johannesburg", "Cape Town", "Durban", "Pretoria", "Gqeberha", "Bloemfontein", "Soweto",
           "Pietermaritzburg"],
    "ke": ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"],
    "de": ["Berlin", "Hamburg", "München", "Munich", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf",
           "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg"],
    "fr": ["Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux",
           "Lille", "Rennes", "Reims"],
    "es": ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Bilbao", "Alicante", "Córdoba"],
    "it": ["Roma", "Rome", "Milano", "Milan", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Firenze", "Bari"],
    "nl": ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda"],
    "pl": ["Warszawa", "Warsaw", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin", "Lublin", "Katowice"],
    "br": ["São Paulo", "Rio de Janeiro", "Brasília", "Salvador", "Fortaleza", "Belo Horizonte", "Curitiba",
           "Recife", "Porto Alegre"],
    "jp": ["Tokyo", "Osaka", "Yokohama", "Nagoya", "Sapporo", "Kobe", "Kyoto", "Fukuoka", "Sendai"],
    "se": ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro"],
    "ae": ["Dubai", "Abu Dhabi", "Sharjah", "Riyadh", "Jeddah", "Cairo", "Alexandria", "Amman", "Doha"],
    "kr": ["Seoul", "Busan", "Incheon", "Daegu"],
    "mx": ["Ciudad de México", "Mexico City", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "León", "Mérida"],
    "tr": ["İstanbul", "Istanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Adana", "Konya"],
    "vn": ["Hà Nội", "Hanoi", "Ho Chi Minh City", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"],
    "is": ["Reykjavík", "Kópavogur", "Hafnarfjörður", "Akureyri"],
    "cz": ["Praha", "Prague", "Brno", "Ostrava", "Plzeň", "Olomouc"],
    "pt": ["Lisboa", "Lisbon", "Porto", "Braga", "Coimbra", "Faro"],
    "fi": ["Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku"],
    "dk": ["København", "Copenhagen", "Aarhus", "Odense", "Aalborg"],
    "ph": ["Manila", "Quezon City", "Cebu City", "Davao City"],
    "id": ["Jakarta", "Surabaya", "Bandung", "Medan", "Denpasar"],
    "ch": ["Zürich", "Genève", "Geneva", "Basel", "Bern", "Lausanne"],
    "nz": ["Auckland", "Wellington", "Christchurch", "Hamilton", "Dunedin"],
}
REGIONS = ["Greater Manchester", "West Yorkshire", "Kent", "Essex", "Cornwall", "Scotland", "Wales", "Northern Ireland",
           "County Durham", "Merseyside", "Ontario", "British Columbia", "Alberta", "Quebec", "Nova Scotia",
           "New South Wales", "Victoria", "Queensland", "Western Australia", "Tasmania", "Bavaria", "Bayern",
           "Nordrhein-Westfalen", "Île-de-France", "Bretagne", "Catalonia", "Andalucía", "Lombardy", "Maharashtra",
           "Karnataka", "Kerala", "Tamil Nadu", "Punjab", "Lagos State", "Gauteng", "KwaZulu-Natal", "California",
           "Texas", "Florida", "New York State", "Ohio", "Michigan", "Arizona", "County Cork", "Co. Galway"]
COUNTRIES = ["United Kingdom", "UK", "England", "Ireland", "United States", "USA", "Canada", "Australia",
             "New Zealand", "India", "Pakistan", "Bangladesh", "Nigeria", "Ghana", "Kenya", "South Africa", "Germany",
             "France", "Spain", "Portugal", "Italy", "Poland", "Romania", "Netherlands", "Belgium", "Sweden",
             "Norway", "Turkey", "Greece", "Brazil", "Mexico", "Argentina", "Japan", "China", "Vietnam",
             "Philippines", "Thailand", "UAE", "Saudi Arabia", "Egypt", "Morocco", "Jamaica", "Ukraine", "Iceland",
             "Czech Republic", "Switzerland", "Singapore", "Hong Kong", "Malaysia", "Sri Lanka"]


def g_city(ctx, k):
    rng = ctx.rng
    p = ctx.persona(k)
    c = p.country if rng.random() < 0.7 else rng.choice(list(CITIES))
    if rng.random() < 0.2 and p.locale in ("en_US", "en_GB", "de_DE", "es_ES", "pl_PL", "en_IN", "nl_NL"):
        city = ctx.faker(p.locale).city()
        if is_latin_name(city):
            return city
    return rng.choice(CITIES.get(c, CITIES["us"]))


def g_country(ctx, k):
    rng = ctx.rng
    if rng.random() < 0.15:
        c = ctx.faker("en_US").country()
        if "," not in c and "(" not in c:
            return c
    return rng.choice(COUNTRIES)


def g_region(ctx, k):
    rng = ctx.rng
    if rng.random() < 0.25:
        return ctx.faker("en_US").state()
    return rng.choice(REGIONS)


def g_location(ctx, k):
    r = ctx.rng.random()
    if r < 0.6:
        return g_city(ctx, k)
    if r < 0.85:
        return g_country(ctx, k)
    return g_region(ctx, k)


# --------------------------------------------------------------------------- addresses & postcodes
def _uk_postcode(ctx):
    pc = ctx.faker("en_GB").postcode()
    r = ctx.rng.random()
    if r < 0.06:
        return pc.replace(" ", "")
    if r < 0.1:
        return pc.lower()
    return pc


def _us_zip(ctx):
    f = ctx.faker("en_US")
    return f.zipcode_plus4() if ctx.rng.random() < 0.25 else f.zipcode()


def _ca_postal(ctx):
    pc = ctx.faker("en_CA").postcode()
    return pc.replace(" ", "") if ctx.rng.random() < 0.2 else pc


AU_STATES = [("NSW", "2"), ("VIC", "3"), ("QLD", "4"), ("SA", "5"), ("WA", "6"), ("TAS", "7"), ("ACT", "26"),
             ("NT", "08")]
AU_SUBURBS = ["Parramatta", "Bondi", "Fitzroy", "Toowong", "Fremantle", "Glenelg", "Chatswood", "Carlton",
              "Southport", "Sandy Bay", "Belconnen", "Hurstville", "Footscray", "Indooroopilly", "Subiaco"]
EIRCODE_KEYS = ["D02", "D04", "D06", "D08", "D12", "D15", "D24", "T12", "T23", "H91", "V94", "X91", "N37", "A65",
                "F91", "R95", "W23", "K78"]


def _eircode(ctx):
    rng = ctx.rng
    chars = "ACDEFHKNPRTVWXY0123456789"
    return rng.choice(EIRCODE_KEYS) + " " + "".join(rng.choice(chars) for _ in range(4))


def g_postcode(ctx, k):
    c = ctx.persona(k).country
    rng = ctx.rng
    if c == "us" or (c not in ("gb", "ca", "au", "de", "nl", "ie", "in") and rng.random() < 0.3):
        return _us_zip(ctx)
    if c == "ca":
        return _ca_postal(ctx)
    if c == "au":
        _st, pre = rng.choice(AU_STATES)
        return pre + digits(rng, 4 - len(pre))
    if c == "de":
        return digits(rng, 5)
    if c == "nl":
        return ctx.faker("nl_NL").postcode()
    if c == "ie":
        return _eircode(ctx)
    if c == "in":
        return str(rng.randint(110001, 855999))
    return _uk_postcode(ctx)


def g_postcode_uk(ctx, k):
    return _uk_postcode(ctx)


def g_zip(ctx, k):
    return _us_zip(ctx)


def g_postcode_ca(ctx, k):
    return _ca_postal(ctx)


def g_eircode(ctx, k):
    return _eircode(ctx)


def _us_street(ctx):
    rng = ctx.rng
    f = ctx.faker("en_US")
    sec = ""
    if rng.random() < 0.3:
        sec = rng.choice([", Apt ", " Apt ", " Apt. ", ", Suite ", " Unit ", " #"]) + fill(
            rng, rng.choice(["#", "##", "#A", "###", "#B"]))
    name = f.street_name()
    if rng.random() < 0.3:
        name = name.replace(" Street", " St").replace(" Avenue", " Ave").replace(" Road", " Rd").replace(
            " Drive", " Dr").replace(" Boulevard", " Blvd").replace(" Lane", " Ln")
    if rng.random() < 0.15:
        name = rng.choice(["N ", "S ", "E ", "W "]) + name
    return f"{f.building_number()} {name}{sec}"


def _us_addr(ctx, ml):
    rng = ctx.rng
    f = ctx.faker("en_US")
    city = rng.choice(CITIES["us"]) if rng.random() < 0.6 else f.city()
    st = rng.choice(US_STATE_ABBR)
    line2 = f"{city}, {st} {_us_zip(ctx)}" if rng.random() < 0.85 else f"{city} {st} {_us_zip(ctx)}"
    return f"{_us_street(ctx)}{chr(10) if ml else ', '}{line2}"


def _uk_street(ctx):
    rng = ctx.rng
    f = ctx.faker("en_GB")
    pre = ""
    r = rng.random()
    if r < 0.2:
        pre = f"Flat {rng.randint(1, 40)}{rng.choice(['', '', 'A', 'B'])}, "
    elif r < 0.27:
        pre = rng.choice(["Rose Cottage, ", "The Old Rectory, ", "Ivy House, ", "2 The Mews, "])
    return f"{pre}{f.building_number()} {f.street_name()}"


def _uk_addr(ctx, ml):
    rng = ctx.rng
    city = rng.choice(CITIES["gb"]) if rng.random() < 0.7 else ctx.faker("en_GB").city()
    if ml:
        street = _uk_street(ctx).replace(", ", "\n", 1) if rng.random() < 0.5 else _uk_street(ctx)
        return f"{street}\n{city.upper() if rng.random() < 0.3 else city}\n{_uk_postcode(ctx)}"
    return f"{_uk_street(ctx)}, {city}{',' if rng.random() < 0.5 else ''} {_uk_postcode(ctx)}"


def _ca_addr(ctx, ml):
    rng = ctx.rng
    f = ctx.faker("en_CA")
    unit = f"{rng.randint(101, 2405)}-" if rng.random() < 0.25 else ""
    street = f"{unit}{f.building_number()} {f.street_name()}"
    city = rng.choice(CITIES["ca"]) if rng.random() < 0.7 else f.city()
    line2 = f"{city}, {f.province_abbr()} {_ca_postal(ctx)}" if rng.random() < 0.8 else \
        f"{city} {f.province_abbr()}  {_ca_postal(ctx)}"
    return f"{street}{chr(10) if ml else ', '}{line2}"


def _au_addr(ctx, ml):
    rng = ctx.rng
    f = ctx.faker("en_AU")
    st, pre = rng.choice(AU_STATES)
    pc = pre + digits(rng, 4 - len(pre))
    unit = rng.choice(["", "", "", f"Unit {rng.randint(1, 30)}, ", f"{rng.randint(1, 30)}/"])
    street = f"{unit}{f.building_number()} {f.street_name()}"
    suburb = rng.choice(AU_SUBURBS + CITIES["au"])
    if rng.random() < 0.6:
        suburb = suburb.upper()
    return f"{street}{chr(10) if ml else ', '}{suburb} {st} {pc}"


def _de_addr(ctx, ml):
    rng = ctx.rng
    f = ctx.faker("de_DE")
    city = rng.choice(CITIES["de"])
    street = f"{f.street_name()} {rng.randint(1, 140)}{rng.choice(['', '', '', 'a', 'b'])}"
    return f"{street}{chr(10) if ml else ', '}{digits(rng, 5)} {city}"


def _fr_addr(ctx, ml):
    rng = ctx.rng
    f = ctx.faker("fr_FR")
    street = f.street_address()
    if not street[0].isdigit():
        street = f"{rng.randint(1, 120)} {street}"
    city = rng.choice(CITIES["fr"])
    extra = rng.choice(["", "", "", "Bât. B, ", "Appt 12, "])
    return f"{extra}{street}{chr(10) if ml else ', '}{digits(rng, 5)} {city.upper() if rng.random() < 0.4 else city}"


def _ie_addr(ctx, ml):
    rng = ctx.rng
    f = ctx.faker("en_IE")
    city = rng.choice(CITIES["ie"])
    county = rng.choice(["Co. Dublin", "Co. Cork", "Co. Galway", "Co. Westmeath", "Co. Kerry", "Co. Mayo"])
    parts = [f"{rng.randint(1, 180)} {f.street_name()}", city, county, _eircode(ctx)]
    return ("\n" if ml else ", ").join(parts)


def _in_addr(ctx, ml):
    rng = ctx.rng
    city = rng.choice(CITIES["in"])
    flat = f"Flat {rng.randint(101, 1204)}, " if rng.random() < 0.6 else f"{rng.randint(1, 99)}/{rng.randint(1, 40)}, "
    bldg = rng.choice(["Sai Residency", "Green Park Apartments", "Shanti Niketan", "Lotus Towers", "Prestige Heights",
                       "Krishna Enclave", "Sunrise CHS"])
    road = rng.choice(["14th Cross", "MG Road", "Link Road", "2nd Main", "Nehru Nagar", "Station Road", "Ring Road"])
    area = rng.choice(["Indiranagar", "Andheri East", "Koramangala", "Salt Lake", "Banjara Hills", "Kothrud",
                       "T. Nagar", "Sector 21"])
    pin = str(rng.randint(110001, 855999))
    if ml:
        return f"{flat}{bldg}\n{road}, {area}\n{city} {pin}"
    return f"{flat}{bldg}, {road}, {area}, {city} - {pin}"


ADDR_FUNCS = {"us": _us_addr, "gb": _uk_addr, "ca": _ca_addr, "au": _au_addr, "de": _de_addr, "fr": _fr_addr,
              "ie": _ie_addr, "in": _in_addr}


def _addr_any(ctx, k, ml):
    c = ctx.persona(k).country
    if c not in ADDR_FUNCS or ctx.rng.random() < 0.25:
        tag = ctx.split[0]
        pool = ["us", "gb", "ca", "au", "de", "fr"] + (["in"] if tag == "d" else ["ie"])
        c = ctx.rng.choice(pool)
    return ADDR_FUNCS[c](ctx, ml)


def g_addr(ctx, k):
    return _addr_any(ctx, k, False)


def g_addr_ml(ctx, k):
    return _addr_any(ctx, k, True)


def _mk_addr(country, ml):
    return lambda ctx, k: ADDR_FUNCS[country](ctx, ml)


def g_street(ctx, k):
    c = ctx.persona(k).country
    if c == "us" or ctx.rng.random() < 0.3:
        return _us_street(ctx)
    return _uk_street(ctx)


def g_street_us(ctx, k):
    return _us_street(ctx)


def g_street_uk(ctx, k):
    return _uk_street(ctx)


# --------------------------------------------------------------------------- organisations & jobs
BANK_PRE = ["First Heritage", "Granite", "Northern", "Midlands", "Harbour", "Pacific", "Summit", "Riverside", "Union",
            "Cedar", "Pinnacle", "Coastal", "Lakeshore", "Ironbridge", "Kingsway", "Meridian", "Oakfield",
            "Silverline", "Redwood", "Thistle", "Maple Leaf", "Southern Cross", "Evergreen", "Bluewater"]
BANK_SUF = ["Bank", "Savings Bank", "Building Society", "Credit Union", "Federal Credit Union", "Bancorp", "Trust",
            "Mutual", "Bank plc", "Community Bank"]
SAINTS = ["Mary", "Thomas", "George", "Luke", "James", "Bartholomew", "Joseph", "Michael", "Catherine", "Anne",
          "Vincent", "Jude", "Margaret", "Elizabeth", "Patrick"]


def g_org(ctx, k):
    rng = ctx.rng
    p = ctx.persona(k)
    loc = p.locale if p.locale not in ("ar_AA", "zh_CN", "ko_KR", "ja_JP", "vi_VN") else "en_US"
    if rng.random() < 0.5:
        loc = rng.choice(["en_US", "en_GB", "en_GB", "en_CA", "en_AU"])
    for _ in range(5):
        name = ctx.faker(loc).company()
        if is_latin_name(name.replace(",", "").replace("&", "").replace(".", "")):
            if (rng.random() < 0.25 and loc.startswith("en_")
                    and not name.endswith(("Ltd", "LLC", "Inc", "PLC", "plc", "Group"))):
                name += rng.choice([" Ltd", " Ltd.", " Inc.", " Group", " LLP"])
            return name
    return ctx.faker("en_US").company()


def g_bank(ctx, k):
    rng = ctx.rng
    if rng.random() < 0.2:
        city = rng.choice(CITIES["gb"] + CITIES["us"])
        return f"{city} {rng.choice(['Savings Bank', 'Building Society', 'Credit Union'])}"
    return f"{rng.choice(BANK_PRE)} {rng.choice(BANK_SUF)}"


def g_hospital(ctx, k):
    rng = ctx.rng
    c = ctx.persona(k).country
    city = rng.choice(CITIES.get(c, CITIES["gb"]) if rng.random() < 0.6 else CITIES["gb"] + CITIES["us"])
    last = ctx.faker("en_US").last_name()
    return wchoice(rng, [
        (f"{city} General Hospital", 4), (f"St {rng.choice(SAINTS)}'s Hospital", 3),
        (f"St. {rng.choice(SAINTS)}'s Medical Centre", 1), (f"Royal {city} Infirmary", 2),
        (f"{city} Medical Center", 2), (f"{last} Memorial Hospital", 2), (f"{city} Children's Hospital", 1),
        (f"{last} Family Practice", 2), (f"{city} Community Health Centre", 1), (f"{last} Road Surgery", 1),
        (f"{city} University Hospitals NHS Foundation Trust", 1), (f"{last} Dental Clinic", 1),
    ])


JOBS = ["nurse", "staff nurse", "registered nurse", "care assistant", "paramedic", "pharmacist", "teacher",
        "primary school teacher", "lecturer", "software engineer", "data analyst", "accountant", "bookkeeper",
        "solicitor", "paralegal", "HGV driver", "bus driver", "delivery driver", "warehouse operative", "electrician",
        "plumber", "carpenter", "chef", "waiter", "barista", "retail assistant", "store manager", "sales manager",
        "account manager", "relationship manager", "branch manager", "customer service advisor", "HR manager",
        "project manager", "civil engineer", "mechanical engineer", "architect", "dentist", "dental nurse",
        "physiotherapist", "social worker", "police officer", "firefighter", "pilot", "flight attendant", "farmer",
        "cleaner", "security guard", "receptionist", "hairdresser", "journalist", "graphic designer",
        "marketing executive", "financial adviser", "mortgage adviser", "loan officer", "bank teller", "cashier",
        "CEO", "CFO", "managing director", "operations director", "IT support technician", "web developer",
        "taxi driver", "carer", "midwife", "radiographer", "lab technician", "postman", "estate agent",
        "insurance broker", "consultant cardiologist", "junior doctor", "surgeon", "veterinary surgeon", "builder",
        "Senior Relationship Manager", "Head of Compliance", "Claims Handler", "Fraud Analyst", "Team Leader",
        "Practice Manager", "Ward Sister", "Clinical Nurse Specialist", "Customer Experience Manager",
        "Underwriter", "Data Protection Officer", "software developer", "truck driver", "school principal",
        "warehouse supervisor", "registered dietitian", "occupational therapist", "pharmacy technician"]


def g_job(ctx, k):
    rng = ctx.rng
    if rng.random() < 0.25:
        j = ctx.faker("en_US").job()
        if "," not in j and "/" not in j and "(" not in j:
            return j.lower() if rng.random() < 0.5 else j
    return rng.choice(JOBS)


def g_job_title(ctx, k):
    j = g_job(ctx, k)
    return " ".join(w if w.isupper() else w.capitalize() for w in j.split())


# --------------------------------------------------------------------------- NRP
NATIONALITIES = ["British", "American", "Canadian", "Irish", "Nigerian", "Ghanaian", "Indian", "Pakistani",
                 "Bangladeshi", "Chinese", "Vietnamese", "Filipino", "Polish", "Romanian", "German", "French",
                 "Spanish", "Italian", "Portuguese", "Brazilian", "Mexican", "Turkish", "Syrian", "Iraqi", "Afghan",
                 "Somali", "Kenyan", "South African", "Australian", "Japanese", "Korean", "Ukrainian", "Russian",
                 "Jamaican", "Eritrean", "Iranian", "Lithuanian", "Dutch", "Scottish", "Welsh"]
RELIGIONS = ["Muslim", "Christian", "Catholic", "Roman Catholic", "Protestant", "Anglican", "Jewish", "Hindu", "Sikh",
             "Buddhist", "Jehovah's Witness", "Orthodox Christian", "Methodist", "Baptist", "Evangelical", "Mormon"]
POLITICAL = ["Labour", "Conservative", "Tory", "Liberal Democrat", "Green Party", "SNP", "Plaid Cymru", "Reform UK",
             "Republican", "Democrat", "Democratic", "Libertarian", "Sinn Féin", "NDP"]
ETHNIC = ["White British", "Black British", "Black African", "Black Caribbean", "British Asian", "Hispanic",
          "Latino", "White Irish", "Mixed White and Asian", "Asian British"]


def g_nationality(ctx, k):
    return ctx.rng.choice(NATIONALITIES)


def g_religion(ctx, k):
    return ctx.rng.choice(RELIGIONS)


def g_political(ctx, k):
    return ctx.rng.choice(POLITICAL)


def g_ethnicity(ctx, k):
    return ctx.rng.choice(ETHNIC)


def g_nrp(ctx, k):
    r = ctx.rng.random()
    if r < 0.5:
        return g_nationality(ctx, k)
    if r < 0.8:
        return g_religion(ctx, k)
    return g_political(ctx, k)


# --------------------------------------------------------------------------- unlabelled filler / near-misses
def g_order_no(ctx, k):
    r = ctx.rng
    return wchoice(r, [(fill(r, "#A-######"), 1), (fill(r, "###-#######-#######"), 1), (fill(r, "ORD-2024-#####"), 1),
                       (fill(r, "#########"), 0.5), (fill(r, "WEB######"), 1)])


def g_sku(ctx, k):
    r = ctx.rng
    return wchoice(r, [(fill(r, "##-####-A"), 1), (fill(r, "AA-####-##"), 1), (fill(r, "AAA#####"), 1),
                       (fill(r, "#####-###"), 1)])


def g_amount(ctx, k):
    r = ctx.rng
    v = r.choice([r.uniform(3, 99), r.uniform(100, 999), r.uniform(1000, 25000)])
    s = f"{v:,.2f}"
    return wchoice(r, [(f"${s}", 3), (f"£{s}", 3), (f"€{s}", 2), (f"{s} GBP", 1), (f"USD {s}", 1), (f"₹{s}", 0.5),
                       (f"CA${s}", 0.5), (f"AU${s}", 0.5)])


def g_ticket(ctx, k):
    r = ctx.rng
    return wchoice(r, [(fill(r, "INC#######"), 2), (fill(r, "CS-#####"), 1), (fill(r, "TKT-######"), 1),
                       (fill(r, "CASE-####-####"), 1), (fill(r, "SR#######"), 1), (fill(r, "CHG#######"), 0.5)])


def g_article(ctx, k):
    r = ctx.rng
    return r.choice([f"Article {r.randint(5, 49)}", f"Art. 6(1)({r.choice('abcdef')})", f"Section {r.randint(1, 12)}"
                     f".{r.randint(1, 9)}", "Regulation (EU) 2016/679", f"Article {r.randint(12, 22)}(3)",
                     "Schedule 1, Part 2", f"Rule {r.randint(1, 9)}.{r.randint(1, 20)}", "s.45 DPA 2018",
                     f"clause {r.randint(2, 30)}.{r.randint(1, 9)}", "PCI DSS 3.2.1", "ISO/IEC 27001:2022"])


def g_hours(ctx, k):
    r = ctx.rng
    return r.choice(["Mon–Fri 9:00–17:30", "Monday to Friday, 8am to 8pm", "9am-5pm weekdays", "Sat 9:00-13:00",
                     "08:00–20:00, 7 days a week", "Mon-Sat 10am–6pm", "24/7", "Tue & Thu 09:30-16:00"])


def g_version(ctx, k):
    r = ctx.rng
    return f"v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 30)}"


def g_otp(ctx, k):
    return digits(ctx.rng, 6)


def g_rate(ctx, k):
    return f"{ctx.rng.uniform(0.5, 9.9):.2f}%"


def g_invoice(ctx, k):
    r = ctx.rng
    return r.choice([fill(r, "INV-#####"), fill(r, "INV/2024/####"), fill(r, "RENT ###"), "Invoice " + fill(r, "####"),
                     fill(r, "REF AA####")])


def g_tracking(ctx, k):
    r = ctx.rng
    return r.choice([fill(r, "1Z###AA##########"), fill(r, "AA#########GB"), fill(r, "############"),
                     fill(r, "JD###############")])


def g_err(ctx, k):
    r = ctx.rng
    return r.choice([fill(r, "ERR-####"), f"HTTP {r.choice([401, 403, 500, 502, 503, 504])}", fill(r, "E##-###"),
                     fill(r, "0x800#####")])


def g_qty(ctx, k):
    return str(ctx.rng.randint(1, 250))


def g_mins(ctx, k):
    return str(ctx.rng.randint(2, 55))


def g_dosage(ctx, k):
    r = ctx.rng
    return r.choice(["500 mg", "1 g", "20mg", "5 mg", "250mg", "10 units", "2.5 mg", "40 mg", "75 mcg", "0.5 ml"])


def g_bp(ctx, k):
    r = ctx.rng
    return f"{r.randint(95, 185)}/{r.randint(55, 110)}"


def g_hr(ctx, k):
    return str(ctx.rng.randint(52, 130))


def g_spo2(ctx, k):
    return str(ctx.rng.randint(88, 100))


def g_temp(ctx, k):
    return f"{ctx.rng.uniform(35.8, 39.6):.1f}"


def g_ward(ctx, k):
    r = ctx.rng
    return r.choice([f"Ward {r.randint(1, 40)}{r.choice(['', 'A', 'B', 'C'])}", f"Bay {r.randint(1, 8)}",
                     f"Bed {r.randint(1, 30)}", f"Room {r.randint(100, 499)}"])


def g_custid(ctx, k):
    r = ctx.rng
    return r.choice([fill(r, "C######"), fill(r, "CUST-#####"), str(r.randint(1000, 99999))])


def g_count(ctx, k):
    return str(ctx.rng.randint(2, 40))


def g_pct(ctx, k):
    return str(ctx.rng.randint(5, 95))


def g_flight(ctx, k):
    r = ctx.rng
    return r.choice(["BA", "AA", "LH", "EK", "FR", "U2", "AC", "QF"]) + str(r.randint(10, 2999))


def g_hba1c(ctx, k):
    return str(ctx.rng.randint(38, 95))


def g_weight(ctx, k):
    return str(ctx.rng.randint(45, 130))


def g_loan(ctx, k):
    r = ctx.rng
    return f"{r.choice(['£', '$', '€'])}{r.randint(5, 450) * 1000:,}"


def g_term(ctx, k):
    return str(ctx.rng.choice([12, 24, 36, 48, 60, 120, 240, 300]))


def g_branch_code(ctx, k):
    return fill(ctx.rng, "BR-###")


# --------------------------------------------------------------------------- registry
GENS = {
    # PERSON
    "name": ("PERSON", g_name), "fullname": ("PERSON", g_fullname), "first": ("PERSON", g_first),
    "last": ("PERSON", g_last), "middle": ("PERSON", g_middle), "name_mi": ("PERSON", g_name_mi),
    "name_initials": ("PERSON", g_name_initials), "name_lf": ("PERSON", g_name_lf),
    "forenames": ("PERSON", g_forenames), "name_rev": ("PERSON", g_name_rev),
    # contact
    "email": ("EMAIL_ADDRESS", g_email), "email_work": ("EMAIL_ADDRESS", g_email_work),
    "email_any": ("EMAIL_ADDRESS", g_email_any),
    "phone": ("PHONE_NUMBER", g_phone), "phone_intl": ("PHONE_NUMBER", g_phone_intl),
    "phone_na": ("PHONE_NUMBER", g_phone_na), "phone_uk": ("PHONE_NUMBER", g_phone_uk),
    "phone_fr": ("PHONE_NUMBER", g_phone_fr), "phone_au": ("PHONE_NUMBER", g_phone_au),
    "phone_in": ("PHONE_NUMBER", g_phone_in), "phone_de": ("PHONE_NUMBER", g_phone_de),
    "phone_mobile": ("PHONE_NUMBER", g_phone_mobile), "phone_ext": ("PHONE_NUMBER", g_phone_ext),
    "url": ("URL", g_url), "domain": ("URL", g_domain), "social": ("URL", g_social),
    "ipv4": ("IP_ADDRESS", g_ipv4), "ipv6": ("IP_ADDRESS", g_ipv6), "ip": ("IP_ADDRESS", g_ip),
    # finance
    "card": ("CREDIT_CARD", g_card), "card_amex": ("CREDIT_CARD", g_card_amex),
    "card_plain": ("CREDIT_CARD", g_card_plain), "card_visa": ("CREDIT_CARD", g_card_visa),
    "iban": ("IBAN_CODE", g_iban), "iban_grouped": ("IBAN_CODE", g_iban_grouped),
    "iban_plain": ("IBAN_CODE", g_iban_plain),
    "acct": ("ACCOUNT_NUMBER", g_acct), "acct_uk": ("ACCOUNT_NUMBER", g_acct_uk),
    "acct_us": ("ACCOUNT_NUMBER", g_acct_us),
    # government
    "ssn": ("US_SSN", g_ssn), "ssn_dash": ("US_SSN", g_ssn_dash),
    "dl": ("US_DRIVER_LICENSE", g_dl), "dl_state": ("LOCATION", g_dl_state),
    "passport": ("PASSPORT_NUMBER", g_passport), "pp_country": ("LOCATION", g_pp_country),
    "pp_adj": ("NRP", g_pp_adj),
    "natid": ("NATIONAL_ID", g_natid), "nino": ("NATIONAL_ID", g_nino), "sin": ("NATIONAL_ID", g_sin),
    # health
    "mrn": ("MEDICAL_RECORD_NUMBER", g_mrn), "nhs": ("MEDICAL_RECORD_NUMBER", g_nhs),
    "chi": ("MEDICAL_RECORD_NUMBER", g_chi),
    # dates & ages
    "dob": ("DATE_OF_BIRTH", g_dob), "dob_us": ("DATE_OF_BIRTH", g_dob_us), "dob_uk": ("DATE_OF_BIRTH", g_dob_uk),
    "dob_iso": ("DATE_OF_BIRTH", g_dob_iso), "dob_long": ("DATE_OF_BIRTH", g_dob_long),
    "date": ("DATE", g_date), "date_us": ("DATE", g_date_us), "date_uk": ("DATE", g_date_uk),
    "date_iso": ("DATE", g_date_iso), "date_long": ("DATE", g_date_long), "date_short": ("DATE", g_date_short),
    "age": ("AGE", g_age), "age_words": ("AGE", g_age_words), "age_child": ("AGE", g_age_child),
    # places
    "addr": ("STREET_ADDRESS", g_addr), "addr_ml": ("STREET_ADDRESS", g_addr_ml),
    "street": ("STREET_ADDRESS", g_street), "street_us": ("STREET_ADDRESS", g_street_us),
    "street_uk": ("STREET_ADDRESS", g_street_uk),
    "postcode": ("POSTCODE", g_postcode), "postcode_uk": ("POSTCODE", g_postcode_uk), "zip": ("POSTCODE", g_zip),
    "postcode_ca": ("POSTCODE", g_postcode_ca), "eircode": ("POSTCODE", g_eircode),
    "city": ("LOCATION", g_city), "country": ("LOCATION", g_country), "region": ("LOCATION", g_region),
    "location": ("LOCATION", g_location),
    # quasi
    "org": ("ORGANIZATION", g_org), "bank": ("ORGANIZATION", g_bank), "hospital": ("ORGANIZATION", g_hospital),
    "job": ("JOB_TITLE", g_job), "job_title": ("JOB_TITLE", g_job_title),
    "nationality": ("NRP", g_nationality), "religion": ("NRP", g_religion), "political": ("NRP", g_political),
    "ethnicity": ("NRP", g_ethnicity), "nrp": ("NRP", g_nrp),
    # unlabelled
    "title": (None, g_title), "sex": (None, g_sex), "sexm": (None, g_sexm), "he": (None, g_he), "his": (None, g_his),
    "him": (None, g_him), "relation": (None, g_relation), "last4": (None, g_last4), "expiry": (None, g_expiry),
    "cvv": (None, g_cvv), "bic": (None, g_bic), "routing": (None, g_routing), "sortcode": (None, g_sortcode),
    "bsb": (None, g_bsb), "ifsc": (None, g_ifsc), "natid_kind": (None, g_natid_kind), "time": (None, g_time),
    "hms": (None, g_timestamp_time), "mac": (None, g_mac), "port": (None, g_port), "order_no": (None, g_order_no),
    "sku": (None, g_sku), "amount": (None, g_amount), "ticket": (None, g_ticket), "article": (None, g_article),
    "hours": (None, g_hours), "version": (None, g_version), "otp": (None, g_otp), "rate": (None, g_rate),
    "invoice": (None, g_invoice), "tracking": (None, g_tracking), "err": (None, g_err), "qty": (None, g_qty),
    "mins": (None, g_mins), "dosage": (None, g_dosage), "bp": (None, g_bp), "hr": (None, g_hr),
    "spo2": (None, g_spo2), "temp": (None, g_temp), "ward": (None, g_ward), "custid": (None, g_custid),
    "count": (None, g_count), "pct": (None, g_pct), "flight": (None, g_flight), "hba1c": (None, g_hba1c),
    "weight": (None, g_weight), "loan": (None, g_loan), "term": (None, g_term), "branch_code": (None, g_branch_code),
}
for _c in ADDR_FUNCS:
    GENS[f"addr_{_c}"] = ("STREET_ADDRESS", _mk_addr(_c, False))
    GENS[f"addr_{_c}_ml"] = ("STREET_ADDRESS", _mk_addr(_c, True))

__all__ = ["ALNUM", "DIGITS", "GENS", "locale_pool", "make_persona"]
