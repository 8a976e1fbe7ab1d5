"""English-side value generators for pii_eval4: personas of ~45 locales, phones, addresses, IDs, cards, dates.

Every generator is ``func(ctx, persona) -> str`` (or ``(str, entity_type)``); all randomness comes from
``ctx.rng`` or from faker instances re-seeded per record, so output is deterministic.
"""

from __future__ import annotations

import datetime as dt
import string
import unicodedata

from common import digits, fk, iban_check, luhn_check_digit, wchoice

U = string.ascii_uppercase
REF_DAY = dt.date(2026, 6, 15)  # "today" of the records, so ages and dates are stable

# locale -> (country code, weight). Latin-script faker locales plus three of our own romanised pools.
LOCALES = [
    ("en_US", "US", 8), ("en_GB", "GB", 8), ("en_IE", "IE", 3), ("ga_IE", "IE", 1), ("en_AU", "AU", 3),
    ("en_NZ", "NZ", 2), ("en_CA", "CA", 3), ("fr_CA", "CA", 1), ("en_IN", "IN", 4), ("yo_NG", "NG", 2),
    ("ig_NG", "NG", 2), ("ha_NG", "NG", 1), ("zu_ZA", "ZA", 2), ("en_KE", "KE", 1), ("sw", "KE", 1),
    ("tw_GH", "GH", 1), ("de_DE", "DE", 2), ("de_AT", "AT", 1), ("de_CH", "CH", 1), ("fr_FR", "FR", 2),
    ("nl_NL", "NL", 1), ("nl_BE", "BE", 1), ("es_ES", "ES", 2), ("es_MX", "MX", 2), ("es_AR", "AR", 1),
    ("es_CO", "CO", 1), ("es_CL", "CL", 1), ("pt_BR", "BR", 2), ("pt_PT", "PT", 1), ("it_IT", "IT", 2),
    ("pl_PL", "PL", 2), ("cs_CZ", "CZ", 1), ("sk_SK", "SK", 1), ("hu_HU", "HU", 1), ("ro_RO", "RO", 1),
    ("hr_HR", "HR", 1), ("sl_SI", "SI", 1), ("tr_TR", "TR", 2), ("az_AZ", "AZ", 1), ("sv_SE", "SE", 1),
    ("no_NO", "NO", 1), ("da_DK", "DK", 1), ("fi_FI", "FI", 1), ("is_IS", "IS", 1), ("lt_LT", "LT", 1),
    ("lv_LV", "LV", 1), ("vi_VN", "VN", 2), ("id_ID", "ID", 2), ("en_PH", "PH", 2), ("en_PK", "PK", 2),
    ("en_TH", "TH", 1), ("uz_UZ", "UZ", 1), ("ja_JP", "JP", 1), ("own_ar", "AE", 2), ("own_ko", "KR", 1),
    ("own_zh", "SG", 2),
]
LOCALE_COUNTRY = {loc: cc for loc, cc, _ in LOCALES}

AR_FIRST_M = ["Omar", "Khalid", "Yousef", "Tariq", "Hamza", "Faisal", "Ibrahim", "Bilal", "Nasser", "Zayed", "Rashid",
              "Mahmoud", "Anas", "Waleed", "Sami"]
AR_FIRST_F = ["Fatima", "Aisha", "Layla", "Mariam", "Noor", "Huda", "Rania", "Salma", "Yasmin", "Dana", "Reem",
              "Hala", "Lina", "Amal"]
AR_LAST = ["Al-Mansouri", "Haddad", "Khoury", "Al Nuaimi", "El-Sayed", "Abdullah", "Nasser", "Saleh", "Al-Farsi",
           "Mustafa", "Hamdan", "Qureshi", "Bakr", "Al Hashimi", "Darwish", "Suleiman"]
KO_FIRST_M = ["Min-jun", "Seo-jun", "Ji-hoon", "Hyun-woo", "Dong-hyun", "Jae-won", "Sung-min", "Tae-yang"]
KO_FIRST_F = ["Ji-woo", "Seo-yeon", "Min-seo", "Ha-eun", "Soo-ah", "Ye-jin", "Eun-ji", "Hye-won"]
KO_LAST = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
ZH_FIRST = ["Wei", "Jia Hui", "Xiaoming", "Li Na", "Jun Jie", "Mei Ling", "Zhiwei", "Hui Min", "Kai", "Yan",
            "Shu Fen", "Jian", "Wen Jun", "Xin Yi", "Hao"]
ZH_LAST = ["Tan", "Lim", "Ng", "Wong", "Chen", "Zhang", "Liu", "Huang", "Goh", "Koh", "Teo", "Chua", "Ong", "Yeo"]


class Persona:
    def __init__(self, ctx, idx: int, locale: str | None):
        rng = ctx.rng
        if locale is None:
            locale = wchoice(rng, [(loc, w) for loc, _, w in LOCALES])
        self.locale = locale
        self.country = LOCALE_COUNTRY[locale]
        self.gender = rng.choice("MF")
        seed = f"{ctx.seed}|p{idx}"
        if locale == "own_ar":
            self.first = rng.choice(AR_FIRST_M if self.gender == "M" else AR_FIRST_F)
            self.last = rng.choice(AR_LAST)
        elif locale == "own_ko":
            self.first = rng.choice(KO_FIRST_M if self.gender == "M" else KO_FIRST_F)
            self.last = rng.choice(KO_LAST)
        elif locale == "own_zh":
            self.first = rng.choice(ZH_FIRST)
            self.last = rng.choice(ZH_LAST)
        elif locale == "ja_JP":
            f = fk(locale, seed)
            self.first = f.first_romanized_name_male() if self.gender == "M" else f.first_romanized_name_female()
            self.last = f.last_romanized_name()
        else:
            f = fk(locale, seed)
            self.first = f.first_name_male() if self.gender == "M" else f.first_name_female()
            self.last = f.last_name()
        self.middle = ""
        if rng.random() < 0.15 and locale not in ("own_zh", "own_ko"):
            self.middle = rng.choice(U.replace("Q", "").replace("X", "")) + "."
        age = rng.randint(18, 91)
        self.dob = REF_DAY - dt.timedelta(days=age * 365 + rng.randint(1, 360))
        self.age = (REF_DAY - self.dob).days // 365
        if (REF_DAY.month, REF_DAY.day) < (self.dob.month, self.dob.day) and self.age > 0:
            pass
        self.age = REF_DAY.year - self.dob.year - ((REF_DAY.month, REF_DAY.day) < (self.dob.month, self.dob.day))

    @property
    def full(self) -> str:
        return " ".join(x for x in (self.first, self.middle, self.last) if x)


def make_persona(ctx, idx, locale):
    return Persona(ctx, idx, locale)


def ascii_fold(s: str) -> str:
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    s = s.replace("ı", "i").replace("đ", "d").replace("Đ", "D").replace("æ", "ae").replace("þ", "th")
    s = s.replace("ð", "d").replace("ə", "e")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# ---------------------------------------------------------------- names
def g_full(ctx, p):
    return p.full


def g_fl(ctx, p):
    return f"{p.first} {p.last}"


def g_first(ctx, p):
    return p.first


def g_last(ctx, p):
    return p.last


def g_full_lower(ctx, p):
    return f"{p.first} {p.last}".lower()


def g_first_lower(ctx, p):
    return p.first.lower()


def g_full_caps(ctx, p):
    return f"{p.first} {p.last}".upper()


def g_last_first(ctx, p):
    return f"{p.last.upper()}, {p.first}"


def g_initial_last(ctx, p):
    return f"{p.first[0]}. {p.last}"


def g_title(ctx, p):  # unlabelled
    if p.gender == "M":
        return ctx.rng.choice(["Mr", "Mr.", "Mr", "Dr"])
    return ctx.rng.choice(["Ms", "Mrs", "Miss", "Ms.", "Dr"])


def g_he(ctx, p):
    return "he" if p.gender == "M" else "she"


def g_He(ctx, p):
    return "He" if p.gender == "M" else "She"


def g_his(ctx, p):
    return "his" if p.gender == "M" else "her"


# ---------------------------------------------------------------- e-mail, web, ip
FREEMAIL = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "proton.me", "aol.com",
            "yahoo.co.uk", "btinternet.com", "gmx.de", "web.de", "orange.fr", "libero.it", "wp.pl", "seznam.cz",
            "hotmail.co.uk", "live.com", "mail.com", "rediffmail.com", "bigpond.com", "xtra.co.nz", "sky.com",
            "eircom.net", "yandex.com", "zoho.com", "fastmail.com"]


def g_email(ctx, p):
    rng = ctx.rng
    first = ascii_fold(p.first).lower().replace(" ", "").replace("-", "").replace("'", "")
    last = ascii_fold(p.last).lower().replace(" ", "").replace("-", "").replace("'", "")
    style = rng.randrange(7)
    user = [f"{first}.{last}", f"{first}{last}{rng.randint(1, 99)}", f"{first[0]}{last}", f"{last}.{first[0]}",
            f"{first}_{last}", f"{first}{p.dob.year % 100:02d}", f"{last}{first[0]}{rng.randint(10, 999)}"][style]
    if rng.random() < 0.25:
        dom = fk("en_US", ctx.seed + "|dom").domain_name()
    else:
        dom = rng.choice(FREEMAIL)
    return f"{user}@{dom}"


def g_work_email(ctx, p):
    first = ascii_fold(p.first).lower().replace(" ", "").replace("-", "")
    last = ascii_fold(p.last).lower().replace(" ", "").replace("-", "")
    dom = ctx.memo.setdefault("org_domain", fk("en_GB", ctx.seed + "|odom").domain_name())
    return f"{first}.{last}@{dom}"


def g_url(ctx, p):
    rng = ctx.rng
    f = fk("en_US", ctx.seed + "|url")
    kind = rng.randrange(5)
    first = ascii_fold(p.first).lower().replace(" ", "")
    last = ascii_fold(p.last).lower().replace(" ", "")
    if kind == 0:
        return f"https://www.linkedin.com/in/{first}-{last}-{rng.randint(100, 9999)}"
    if kind == 1:
        return f"https://{f.domain_name()}/{f.uri_path()}"
    if kind == 2:
        return f"www.{f.domain_name()}"
    if kind == 3:
        return f"https://facebook.com/{first}.{last}"
    return f"http://{f.domain_word()}.{rng.choice(['co.uk', 'ie', 'com.au', 'de', 'in', 'ng', 'io'])}/{f.uri_page()}"


def g_ip(ctx, p):
    f = fk("en_US", ctx.seed + "|ip")
    r = ctx.rng.random()
    if r < 0.5:
        return f.ipv4_public()
    if r < 0.75:
        return f.ipv4_private()
    v6 = f.ipv6()
    return v6 if ctx.rng.random() < 0.5 else v6.upper()


# ---------------------------------------------------------------- phones
def _nanp(rng):
    a = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    b = f"{rng.randint(2, 9)}{digits(rng, 2)}"
    c = digits(rng, 4)
    return a, b, c


def phone_for(rng, cc: str, intl: bool | None = None) -> str:
    if intl is None:
        intl = rng.random() < 0.4
    d = lambda n: digits(rng, n)  # noqa: E731
    if cc in ("US", "CA"):
        a, b, c = _nanp(rng)
        fmt = rng.randrange(6)
        if intl:
            return [f"+1 {a} {b} {c}", f"+1-{a}-{b}-{c}", f"+1 ({a}) {b}-{c}", f"+1{a}{b}{c}"][fmt % 4]
        return [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"{a}{b}{c}",
                f"1-{a}-{b}-{c}"][fmt]
    if cc == "GB":
        if rng.random() < 0.6:
            n = "7" + str(rng.randint(4, 9)) + d(8)
            if intl:
                return rng.choice([f"+44 {n[:4]} {n[4:]}", f"+44 (0){n[:4]} {n[4:]}", f"0044 {n[:4]} {n[4:]}",
                                   f"+44{n}"])
            return rng.choice([f"0{n[:4]} {n[4:]}", f"0{n}", f"0{n[:4]} {n[4:7]} {n[7:]}"])
        area = rng.choice(["20", "161", "113", "121", "131", "141", "117", "1632", "28", "29", "1865", "1223"])
        rest = d(10 - len(area))
        if intl:
            return f"+44 {area} {rest[:len(rest) // 2]} {rest[len(rest) // 2:]}"
        if area in ("20", "28", "29"):
            return f"0{area} {rest[:4]} {rest[4:]}"
        return f"0{area} {rest[:3]} {rest[3:]}" if len(rest) == 7 else f"0{area} {rest}"
    if cc == "IE":
        n = rng.choice(["83", "85", "86", "87", "89"]) + d(7)
        return f"+353 {n[:2]} {n[2:5]} {n[5:]}" if intl else rng.choice([f"0{n[:2]} {n[2:5]} {n[5:]}", f"0{n}"])
    if cc == "AU":
        if rng.random() < 0.6:
            n = "4" + d(8)
            return f"+61 {n[:3]} {n[3:6]} {n[6:]}" if intl else rng.choice([f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n}"])
        a = rng.choice(["2", "3", "7", "8"])
        n = d(8)
        return f"+61 {a} {n[:4]} {n[4:]}" if intl else f"(0{a}) {n[:4]} {n[4:]}"
    if cc == "NZ":
        n = "2" + rng.choice("1257") + d(7)
        return f"+64 {n[:2]} {n[2:5]} {n[5:]}" if intl else f"0{n[:2]} {n[2:5]} {n[5:]}"
    if cc == "IN":
        n = rng.choice("6789") + d(9)
        return rng.choice([f"+91 {n[:5]} {n[5:]}", f"+91-{n}", f"+91{n}"]) if intl else rng.choice(
            [f"{n[:5]} {n[5:]}", f"0{n}", n])
    if cc == "NG":
        n = rng.choice(["803", "806", "813", "703", "802", "805", "807", "809", "908"]) + d(7)
        return f"+234 {n[:3]} {n[3:6]} {n[6:]}" if intl else rng.choice([f"0{n[:3]} {n[3:6]} {n[6:]}", f"0{n}"])
    if cc == "ZA":
        n = rng.choice(["82", "83", "72", "71", "84", "61"]) + d(7)
        return f"+27 {n[:2]} {n[2:5]} {n[5:]}" if intl else f"0{n[:2]} {n[2:5]} {n[5:]}"
    if cc in ("KE", "GH"):
        code = "254" if cc == "KE" else "233"
        n = rng.choice(["7", "2", "5"]) + d(8)
        return f"+{code} {n[:3]} {n[3:]}" if intl else f"0{n[:3]} {n[3:6]} {n[6:]}"
    if cc in ("DE", "AT", "CH"):
        code = {"DE": "49", "AT": "43", "CH": "41"}[cc]
        n = rng.choice(["151", "160", "170", "176", "30", "89", "40", "79", "664", "44"]) + d(7)
        return f"+{code} {n[:3]} {n[3:]}" if intl else f"0{n[:3]} {n[3:]}"
    if cc in ("FR", "BE"):
        code = "33" if cc == "FR" else "32"
        n = rng.choice("67") + d(8)
        return f"+{code} {n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}" if intl else \
            f"0{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}"
    if cc == "NL":
        n = "6" + d(8)
        return f"+31 6 {n[1:]}" if intl else rng.choice([f"06-{n[1:]}", f"06 {n[1:3]} {n[3:5]} {n[5:7]} {n[7:]}"])
    if cc in ("ES", "PT", "IT", "PL", "CZ", "SK", "HU", "RO", "HR", "SI", "TR", "AZ", "LT", "LV", "SE", "NO", "DK",
              "FI", "IS"):
        code = {"ES": "34", "PT": "351", "IT": "39", "PL": "48", "CZ": "420", "SK": "421", "HU": "36", "RO": "40",
                "HR": "385", "SI": "386", "TR": "90", "AZ": "994", "LT": "370", "LV": "371", "SE": "46", "NO": "47",
                "DK": "45", "FI": "358", "IS": "354"}[cc]
        n = rng.choice("6793") + d(8)
        if intl or cc in ("DK", "NO", "IS"):
            return rng.choice([f"+{code} {n[:3]} {n[3:6]} {n[6:]}", f"00{code} {n}", f"+{code}{n}"])
        if cc in ("TR",):
            return f"0{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}"
        if cc in ("SE", "FI"):
            return f"0{n[:2]}-{n[2:5]} {n[5:7]} {n[7:]}"
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if cc in ("MX", "AR", "CO", "CL", "BR"):
        code = {"MX": "52", "AR": "54", "CO": "57", "CL": "56", "BR": "55"}[cc]
        if cc == "BR":
            n = d(2) + "9" + d(8)
            return f"+55 {n[:2]} {n[2:7]}-{n[7:]}" if intl else f"({n[:2]}) {n[2:7]}-{n[7:]}"
        n = d(10)
        return f"+{code} {n[:2]} {n[2:6]} {n[6:]}" if intl else f"{n[:2]} {n[2:6]} {n[6:]}"
    if cc in ("SG", "HK"):
        code = "65" if cc == "SG" else "852"
        n = rng.choice("689") + d(7)
        return f"+{code} {n[:4]} {n[4:]}" if intl or rng.random() < 0.5 else f"{n[:4]} {n[4:]}"
    if cc in ("PH", "PK", "VN", "ID", "TH", "UZ", "JP", "KR", "AE"):
        code = {"PH": "63", "PK": "92", "VN": "84", "ID": "62", "TH": "66", "UZ": "998", "JP": "81", "KR": "82",
                "AE": "971"}[cc]
        if cc == "JP":
            n = rng.choice(["90", "80", "70"]) + d(8)
            return f"+81 {n[:2]}-{n[2:6]}-{n[6:]}" if intl else f"0{n[:2]}-{n[2:6]}-{n[6:]}"
        if cc == "AE":
            n = "5" + rng.choice("0245") + d(7)
            return f"+971 {n[:2]} {n[2:5]} {n[5:]}" if intl else f"0{n[:2]} {n[2:5]} {n[5:]}"
        n = rng.choice("39") + d(9)
        return f"+{code} {n[:3]} {n[3:6]} {n[6:]}" if intl else f"0{n[:3]} {n[3:6]} {n[6:]}"
    a, b, c = _nanp(rng)
    return f"+1 {a} {b} {c}"


def g_phone(ctx, p):
    return phone_for(ctx.rng, p.country)


def g_phone_intl(ctx, p):
    return phone_for(ctx.rng, p.country, intl=True)


def g_phone_ext(ctx, p):
    return phone_for(ctx.rng, p.country, intl=False) + ctx.rng.choice([" ext 2", " ext. 31", " x408", " ext 1174"])


def g_phone_local(ctx, p):
    return phone_for(ctx.rng, ctx.rng.choice(["GB", "US", "AU", "IE", "CA", "IN"]), intl=False)


# ---------------------------------------------------------------- places
CITIES = {
    "US": [("Columbus", "OH"), ("Tucson", "AZ"), ("Albany", "NY"), ("Fresno", "CA"), ("Raleigh", "NC"),
           ("Boise", "ID"), ("Omaha", "NE"), ("Tampa", "FL"), ("Spokane", "WA"), ("Madison", "WI"),
           ("Richmond", "VA"), ("Denver", "CO"), ("Newark", "NJ"), ("Dayton", "OH"), ("Baton Rouge", "LA")],
    "GB": [("Leeds", ""), ("Sheffield", ""), ("Norwich", ""), ("Cardiff", ""), ("Derby", ""), ("Swansea", ""),
           ("Aberdeen", ""), ("Bristol", ""), ("Stockport", ""), ("Luton", ""), ("Exeter", ""), ("Belfast", "")],
    "IE": [("Galway", "Co. Galway"), ("Ennis", "Co. Clare"), ("Navan", "Co. Meath"), ("Tralee", "Co. Kerry"),
           ("Sligo", "Co. Sligo"), ("Dundalk", "Co. Louth")],
    "AU": [("Parramatta", "NSW"), ("Geelong", "VIC"), ("Toowoomba", "QLD"), ("Fremantle", "WA"),
           ("Ballarat", "VIC"), ("Launceston", "TAS")],
    "NZ": [("Hamilton", ""), ("Tauranga", ""), ("Dunedin", ""), ("Palmerston North", "")],
    "CA": [("Mississauga", "ON"), ("Laval", "QC"), ("Surrey", "BC"), ("Halifax", "NS"), ("Regina", "SK"),
           ("Kelowna", "BC"), ("Moncton", "NB")],
    "IN": [("Pune", "Maharashtra"), ("Coimbatore", "Tamil Nadu"), ("Lucknow", "Uttar Pradesh"), ("Mysuru", "Karnataka"),
           ("Indore", "Madhya Pradesh"), ("Kochi", "Kerala"), ("Vadodara", "Gujarat")],
    "NG": [("Ibadan", "Oyo"), ("Enugu", "Enugu"), ("Kano", "Kano"), ("Port Harcourt", "Rivers"), ("Abeokuta", "Ogun")],
    "ZA": [("Durban", "KwaZulu-Natal"), ("Pretoria", "Gauteng"), ("Gqeberha", "Eastern Cape")],
    "DE": [("Leipzig", ""), ("Dortmund", ""), ("Bremen", ""), ("Nürnberg", ""), ("Mainz", "")],
    "FR": [("Lille", ""), ("Nantes", ""), ("Rennes", ""), ("Grenoble", ""), ("Montpellier", "")],
}
COUNTRY_NAMES = {"US": "United States", "GB": "United Kingdom", "IE": "Ireland", "AU": "Australia", "NZ": "New Zealand",
                 "CA": "Canada", "IN": "India", "NG": "Nigeria", "ZA": "South Africa", "KE": "Kenya", "GH": "Ghana",
                 "DE": "Germany", "AT": "Austria", "CH": "Switzerland", "FR": "France", "NL": "the Netherlands",
                 "BE": "Belgium", "ES": "Spain", "MX": "Mexico", "AR": "Argentina", "CO": "Colombia", "CL": "Chile",
                 "BR": "Brazil", "PT": "Portugal", "IT": "Italy", "PL": "Poland", "CZ": "Czechia", "SK": "Slovakia",
                 "HU": "Hungary", "RO": "Romania", "HR": "Croatia", "SI": "Slovenia", "TR": "Turkey",
                 "AZ": "Azerbaijan", "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland",
                 "IS": "Iceland", "LT": "Lithuania", "LV": "Latvia", "VN": "Vietnam", "ID": "Indonesia",
                 "PH": "the Philippines", "PK": "Pakistan", "TH": "Thailand", "UZ": "Uzbekistan", "JP": "Japan",
                 "AE": "the UAE", "KR": "South Korea", "SG": "Singapore"}
NATIONALITY = {"US": "American", "GB": "British", "IE": "Irish", "AU": "Australian", "NZ": "New Zealander",
               "CA": "Canadian", "IN": "Indian", "NG": "Nigerian", "ZA": "South African", "KE": "Kenyan",
               "GH": "Ghanaian", "DE": "German", "AT": "Austrian", "CH": "Swiss", "FR": "French", "NL": "Dutch",
               "BE": "Belgian", "ES": "Spanish", "MX": "Mexican", "AR": "Argentine", "CO": "Colombian",
               "CL": "Chilean", "BR": "Brazilian", "PT": "Portuguese", "IT": "Italian", "PL": "Polish",
               "CZ": "Czech", "SK": "Slovak", "HU": "Hungarian", "RO": "Romanian", "HR": "Croatian",
               "SI": "Slovenian", "TR": "Turkish", "AZ": "Azerbaijani", "SE": "Swedish", "NO": "Norwegian",
               "DK": "Danish", "FI": "Finnish", "IS": "Icelandic", "LT": "Lithuanian", "LV": "Latvian",
               "VN": "Vietnamese", "ID": "Indonesian", "PH": "Filipino", "PK": "Pakistani", "TH": "Thai",
               "UZ": "Uzbek", "JP": "Japanese", "AE": "Emirati", "KR": "South Korean", "SG": "Singaporean"}
OTHER_NRP = ["Muslim", "Catholic", "Hindu", "Sikh", "Jewish", "Buddhist", "Methodist", "Orthodox Christian",
             "White Irish", "Black Caribbean", "Mixed White and Asian", "Pakistani British", "Conservative",
             "Green Party", "Anglican", "Jain", "Baptist", "Seventh-day Adventist"]


def _addr_country(ctx, p):
    cc = p.country if p.country in CITIES else ctx.rng.choice(["US", "GB", "IE", "AU", "CA", "IN", "GB", "US"])
    return cc


def uk_postcode(rng) -> str:
    area = rng.choice(["LS", "S", "NR", "CF", "DE", "SA", "AB", "BS", "SK", "LU", "EX", "BT", "M", "B", "G", "EH",
                       "NG", "L", "SW", "E", "N", "CB", "OX", "RG", "PO", "HU", "YO", "TS", "DN", "PL"])
    dist = str(rng.randint(1, 29))
    if rng.random() < 0.1 and len(area) == 1:
        dist += rng.choice("AB")
    return f"{area}{dist} {rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def ca_postcode(rng) -> str:
    L = "ABCEGHJKLMNPRSTVXY"
    return f"{rng.choice(L)}{rng.randint(0, 9)}{rng.choice(L)} {rng.randint(0, 9)}{rng.choice(L)}{rng.randint(0, 9)}"


def eircode(rng) -> str:
    return f"{rng.choice(['D', 'V', 'H', 'F', 'A', 'T', 'R', 'P', 'Y', 'N'])}{rng.randint(10, 99)} " + \
        "".join(rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(4))


def postcode_for(rng, cc: str) -> str:
    if cc == "GB":
        return uk_postcode(rng)
    if cc == "US":
        z = digits(rng, 5, first_nonzero=True)
        return z + ("-" + digits(rng, 4) if rng.random() < 0.2 else "")
    if cc == "CA":
        return ca_postcode(rng)
    if cc == "IE":
        return eircode(rng)
    if cc in ("AU", "NZ", "ZA"):
        return str(rng.randint(1000, 8999))
    if cc == "IN":
        return f"{rng.randint(110, 855)}{digits(rng, 3)}"
    if cc == "NG":
        return f"{rng.randint(100, 999)}{digits(rng, 3)}"
    return digits(rng, 5, first_nonzero=True)


def street_line(ctx, cc: str) -> str:
    rng = ctx.rng
    loc = {"US": "en_US", "GB": "en_GB", "IE": "en_IE", "AU": "en_AU", "NZ": "en_NZ", "CA": "en_CA",
           "IN": "en_IN", "NG": "en_GB", "ZA": "en_GB", "DE": "de_DE", "FR": "fr_FR"}[cc]
    f = fk(loc, ctx.seed + f"|street{rng.random()}")
    if cc == "DE":
        return f"{f.street_name()} {rng.randint(1, 140)}"
    if cc == "FR":
        return f"{rng.randint(1, 90)} {f.street_name()}"
    num = rng.randint(1, 240)
    if cc == "US":
        name = f"{num} {f.street_name()}"
        if rng.random() < 0.2:
            name += rng.choice([f" Apt {rng.randint(1, 40)}", f" Unit {rng.randint(1, 9)}{rng.choice('ABC')}",
                                f" #{rng.randint(100, 999)}"])
        return name
    name = f"{num} {f.street_name()}"
    if cc in ("GB", "IE", "AU", "NZ") and rng.random() < 0.25:
        name = rng.choice([f"Flat {rng.randint(1, 30)}, ", f"Unit {rng.randint(1, 12)}/", f"Apartment {rng.randint(1, 60)}, "]) + name
    if cc == "IN":
        name = f"Flat {rng.randint(101, 904)}, {rng.choice(['Sai', 'Shanti', 'Green', 'Royal', 'Lotus'])} " \
               f"{rng.choice(['Residency', 'Heights', 'Apartments', 'Enclave'])}, {f.street_name()}"
    return name


def g_street(ctx, p):
    return street_line(ctx, _addr_country(ctx, p))


def full_address(ctx, p, sep: str = ", ") -> str:
    rng = ctx.rng
    cc = _addr_country(ctx, p)
    city, region = rng.choice(CITIES[cc])
    street = street_line(ctx, cc)
    pc = postcode_for(rng, cc)
    if cc == "US":
        return f"{street}{sep}{city}, {region} {pc}"
    if cc == "CA":
        return f"{street}{sep}{city}, {region} {pc}"
    if cc == "AU":
        return f"{street}{sep}{city} {region} {pc}"
    if cc == "GB":
        return f"{street}{sep}{city}{sep}{pc}" if sep != ", " or rng.random() < 0.5 else f"{street}, {city} {pc}"
    if cc == "IE":
        return f"{street}{sep}{city}{sep}{region}{sep}{pc}"
    if cc == "IN":
        return f"{street}{sep}{city}, {region} {pc}"
    if cc in ("DE", "FR"):
        return f"{street}{sep}{pc} {city}"
    if cc == "NG":
        return f"{street}{sep}{city}, {region} State"
    return f"{street}{sep}{city}{sep}{pc}"


def g_address(ctx, p):
    return full_address(ctx, p)


def g_address_ml(ctx, p):
    return full_address(ctx, p, sep="\n")


def g_city(ctx, p):
    cc = _addr_country(ctx, p)
    return ctx.rng.choice(CITIES[cc])[0]


def g_country(ctx, p):
    return COUNTRY_NAMES[p.country]


def g_postcode(ctx, p):
    cc = _addr_country(ctx, p)
    pc = postcode_for(ctx.rng, cc)
    if cc == "GB" and ctx.rng.random() < 0.25:
        pc = ctx.rng.choice([pc.replace(" ", ""), pc.lower()])
    return pc


def g_nationality(ctx, p):
    return NATIONALITY[p.country]


def g_nrp(ctx, p):
    return ctx.rng.choice(OTHER_NRP)


# ---------------------------------------------------------------- orgs, jobs
BANKS = ["Barclays", "NatWest", "Lloyds Bank", "HSBC UK", "Santander UK", "Nationwide Building Society",
         "Bank of Ireland", "AIB", "Wells Fargo", "Chase", "TD Bank", "RBC Royal Bank", "Westpac", "ANZ",
         "Commonwealth Bank", "ICICI Bank", "HDFC Bank", "GTBank", "Access Bank", "Standard Bank", "Monzo", "Revolut",
         "Credit Union of Kerry", "Deutsche Bank", "ING", "Rabobank"]
HOSPITALS = ["St James's University Hospital", "Royal Victoria Infirmary", "Northwick Park Hospital",
             "Mater Misericordiae University Hospital", "Westmead Hospital", "Toronto General Hospital",
             "Mercy Medical Center", "Christchurch Hospital", "Apollo Hospitals", "Lagos University Teaching Hospital",
             "Groote Schuur Hospital", "University Hospital Limerick", "Ninewells Hospital", "Riverside Health Centre",
             "Oakwood Medical Practice", "Bridge Street Surgery", "Hillcrest Family Clinic", "Kingsway Dental Care"]
JOBS = ["bus driver", "pharmacist", "HGV driver", "primary school teacher", "staff nurse", "software developer",
        "warehouse operative", "plumber", "barista", "care assistant", "civil engineer", "solicitor", "electrician",
        "chef", "accountant", "security guard", "dental hygienist", "taxi driver", "retired", "self-employed builder",
        "Senior Relationship Manager", "Branch Manager", "Head of Compliance", "Claims Handler", "Data Analyst",
        "Operations Director", "Physiotherapist", "Paramedic", "Consultant Cardiologist", "Midwife", "Student",
        "Unemployed", "Sales Assistant", "Project Manager", "Site Foreman", "Hairdresser", "Dairy Farmer"]


def g_org(ctx, p):
    return fk(ctx.rng.choice(["en_US", "en_GB", "en_AU", "en_IE", "de_DE", "fr_FR", "en_IN"]),
              ctx.seed + f"|org{ctx.rng.random()}").company()


def g_bank(ctx, p):
    return ctx.rng.choice(BANKS)


def g_hospital(ctx, p):
    return ctx.rng.choice(HOSPITALS)


def g_job(ctx, p):
    if ctx.rng.random() < 0.4:
        return fk("en_GB", ctx.seed + f"|job{ctx.rng.random()}").job()
    return ctx.rng.choice(JOBS)


# ---------------------------------------------------------------- dates, ages
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fmt_date(rng, d: dt.date, us: bool = False) -> str:
    k = rng.randrange(8)
    if k == 0:
        return d.isoformat()
    if k == 1:
        return f"{d.month:02d}/{d.day:02d}/{d.year}" if us else f"{d.day:02d}/{d.month:02d}/{d.year}"
    if k == 2:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if k == 3:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if k == 4:
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if k == 5:
        return f"{d.day}.{d.month}.{d.year}"
    if k == 6:
        return f"{d.month}/{d.day}/{d.year % 100:02d}" if us else f"{d.day}/{d.month}/{d.year % 100:02d}"
    return f"{d.day}{['th', 'st', 'nd', 'rd'][d.day % 10 if d.day % 10 < 4 and d.day not in (11, 12, 13) else 0]} " \
           f"{MONTHS[d.month - 1][:3]} {d.year}"


def g_dob(ctx, p):
    return fmt_date(ctx.rng, p.dob, us=p.country == "US")


def g_date(ctx, p):
    d = REF_DAY + dt.timedelta(days=ctx.rng.randint(-400, 120))
    return fmt_date(ctx.rng, d, us=p.country == "US")


def g_date_short(ctx, p):
    d = REF_DAY + dt.timedelta(days=ctx.rng.randint(-60, 60))
    return ctx.rng.choice([f"{d.day} {MONTHS[d.month - 1][:3]}", f"{MONTHS[d.month - 1]} {d.day}",
                           f"{d.day:02d}/{d.month:02d}"])


def g_age(ctx, p):
    return str(p.age)


# ---------------------------------------------------------------- identifiers
CARD_PREFIX = [("4", 16), ("51", 16), ("53", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("35", 16),
               ("36", 14), ("62", 16), ("6759", 18), ("4", 13)]


def g_card(ctx, p):
    rng = ctx.rng
    pre, n = rng.choice(CARD_PREFIX)
    body = pre + digits(rng, n - len(pre) - 1)
    num = body + luhn_check_digit(body)
    if rng.random() < 0.08:  # mistyped: one digit changed
        i = rng.randrange(2, n - 1)
        num = num[:i] + str((int(num[i]) + 3) % 10) + num[i + 1:]
    style = rng.randrange(4)
    if n == 15:
        return f"{num[:4]} {num[4:10]} {num[10:]}" if style < 2 else num
    if n == 14:
        return f"{num[:4]} {num[4:10]} {num[10:]}" if style < 2 else num
    if style == 0:
        return " ".join(num[i:i + 4] for i in range(0, n, 4))
    if style == 1:
        return "-".join(num[i:i + 4] for i in range(0, n, 4))
    return num


IBAN_SPECS = {"GB": (4, 14, 0), "IE": (4, 14, 0), "DE": (0, 18, 0), "FR": (0, 23, 0), "ES": (0, 20, 0),
              "IT": (1, 22, 0), "NL": (4, 10, 0), "BE": (0, 12, 0), "PT": (0, 21, 0), "PL": (0, 24, 0),
              "AT": (0, 16, 0), "CH": (0, 17, 0), "SE": (0, 20, 0), "NO": (0, 11, 0), "DK": (0, 14, 0),
              "FI": (0, 14, 0), "CZ": (0, 20, 0), "HU": (0, 24, 0), "RO": (4, 0, 16), "HR": (0, 17, 0),
              "SI": (0, 15, 0), "LT": (0, 16, 0), "LV": (4, 0, 13), "TR": (0, 22, 0), "AE": (0, 19, 0),
              "SA": (0, 20, 0)}


def _bban(rng, spec) -> str:
    letters, nd, na = spec
    return ("".join(rng.choice(U) for _ in range(letters)) + digits(rng, nd)
            + "".join(rng.choice(U + "0123456789") for _ in range(na)))


def g_iban(ctx, p):
    rng = ctx.rng
    cc = p.country if p.country in IBAN_SPECS else rng.choice(list(IBAN_SPECS))
    bban = _bban(rng, IBAN_SPECS[cc])
    iban = cc + iban_check(cc, bban) + bban
    if rng.random() < 0.05:
        iban = iban[:6] + str((int(iban[6]) + 1) % 10) + iban[7:] if iban[6].isdigit() else iban
    if rng.random() < 0.55:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def g_account(ctx, p):
    rng = ctx.rng
    cc = p.country
    if cc in ("GB", "IE"):
        return digits(rng, 8)
    if cc == "NG":
        return digits(rng, 10)
    if cc == "IN":
        return digits(rng, rng.choice([11, 12, 14]))
    if cc == "AU":
        return digits(rng, 9)
    if cc == "NZ":
        return f"{digits(rng, 2)}-{digits(rng, 4)}-{digits(rng, 7)}-{digits(rng, 2)}"
    return digits(rng, rng.choice([9, 10, 12]), first_nonzero=True)


def g_ssn(ctx, p):
    rng = ctx.rng
    area = rng.choice([x for x in range(1, 900) if x != 666])
    s = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    return s if rng.random() < 0.8 else s.replace("-", " ") if rng.random() < 0.5 else s.replace("-", "")


def g_nino(ctx, p):
    rng = ctx.rng
    a = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    b = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    n = digits(rng, 6)
    s = f"{a}{b}{n}{rng.choice('ABCD')}"
    return s if rng.random() < 0.6 else f"{a}{b} {n[:2]} {n[2:4]} {n[4:]} {s[-1]}"


def _pesel(rng, dob):
    m = dob.month + (20 if dob.year >= 2000 else 0)
    body = f"{dob.year % 100:02d}{m:02d}{dob.day:02d}{digits(rng, 4)}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(c) * x for c, x in zip(body, w)) % 10) % 10)


def _bsn(rng):
    while True:
        body = digits(rng, 8, first_nonzero=True)
        s = sum(int(c) * w for c, w in zip(body, range(9, 1, -1)))
        last = s % 11
        if last < 10:
            return body + str(last)


def _cpf(rng):
    b = [rng.randrange(10) for _ in range(9)]
    for n in (10, 11):
        s = sum(d * w for d, w in zip(b, range(n, 1, -1)))
        b.append((s * 10 % 11) % 10)
    t = "".join(map(str, b))
    return f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}"


def _dni(rng):
    n = rng.randint(10000000, 99999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def _nric(rng, dob):
    pre = "S" if dob.year < 2000 else "T"
    body = digits(rng, 7)
    w = [2, 7, 6, 5, 4, 3, 2]
    s = sum(int(c) * x for c, x in zip(body, w)) + (4 if pre == "T" else 0)
    return pre + body + "JZIHGFEDCBA"[s % 11]


def _ppsn(rng):
    body = digits(rng, 7)
    s = sum(int(c) * w for c, w in zip(body, range(8, 1, -1)))
    return body + "WABCDEFGHIJKLMNOPQRSTUV"[s % 23] + rng.choice(["", "A", "W"])


def _sa_id(rng, dob, gender):
    g = rng.randint(5000, 9999) if gender == "M" else rng.randint(0, 4999)
    body = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{g:04d}0{rng.randint(8, 9)}"
    return body + luhn_check_digit(body)


def _personnummer(rng, dob):
    body = f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}{digits(rng, 3)}"
    return f"{body[:6]}-{body[6:]}{luhn_check_digit(body)}"


def _sin(rng):
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + digits(rng, 7)
    s = body + luhn_check_digit(body)
    return f"{s[:3]} {s[3:6]} {s[6:]}" if rng.random() < 0.6 else f"{s[:3]}-{s[3:6]}-{s[6:]}"


def _aadhaar(rng):
    n = str(rng.randint(2, 9)) + digits(rng, 11)
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def _pan(rng):
    return "".join(rng.choice(U) for _ in range(3)) + "P" + rng.choice(U) + digits(rng, 4) + rng.choice(U)


def _hkid(rng):
    letter = rng.choice(U)
    body = digits(rng, 6)
    s = 36 * 9 + (ord(letter) - 55) * 8 + sum(int(c) * w for c, w in zip(body, range(7, 1, -1)))
    ch = (11 - s % 11) % 11
    return f"{letter}{body}({'A' if ch == 10 else ch})"


def _mykad(rng, dob):
    return f"{dob.year % 100:02d}{dob.month:02d}{dob.day:02d}-{rng.randint(1, 16):02d}-{digits(rng, 4)}"


def _medicare(rng):
    n = str(rng.randint(2, 6)) + digits(rng, 9)
    return f"{n[:4]} {n[4:9]} {n[9]}"


def _nigeria_nin(rng):
    return digits(rng, 11, first_nonzero=True)


def _tckn(rng):
    d = [rng.randint(1, 9)] + [rng.randrange(10) for _ in range(8)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(d10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def g_natid(ctx, p):
    """A national ID of the persona's country where one exists, otherwise a common one."""
    rng = ctx.rng
    cc = p.country
    table = {"GB": lambda: g_nino(ctx, p), "CA": lambda: _sin(rng), "IN": lambda: rng.choice([_aadhaar, _pan])(rng),
             "PL": lambda: _pesel(rng, p.dob), "NL": lambda: _bsn(rng), "BR": lambda: _cpf(rng),
             "ES": lambda: _dni(rng), "SG": lambda: _nric(rng, p.dob), "IE": lambda: _ppsn(rng),
             "ZA": lambda: _sa_id(rng, p.dob, p.gender), "SE": lambda: _personnummer(rng, p.dob),
             "AU": lambda: _medicare(rng), "NG": lambda: _nigeria_nin(rng), "TR": lambda: _tckn(rng)}
    if cc == "US":
        return g_ssn(ctx, p), "US_SSN"
    fn = table.get(cc)
    if fn is None:
        fn = rng.choice([lambda: _hkid(rng), lambda: _mykad(rng, p.dob), lambda: g_nino(ctx, p), lambda: _sin(rng),
                         lambda: _ppsn(rng), lambda: _nric(rng, p.dob)])
    return fn()


def g_passport(ctx, p):
    rng = ctx.rng
    cc = p.country
    if cc == "US":
        return rng.choice(["", "A", "C"]) + digits(rng, 9 if rng.random() < 0.5 else 8, first_nonzero=True)
    if cc in ("GB", "NZ"):
        return digits(rng, 9, first_nonzero=True) if cc == "GB" else rng.choice(U[:6]) + rng.choice(U) + digits(rng, 6)
    if cc == "IE":
        return rng.choice(U) + rng.choice(U) + digits(rng, 7)
    if cc in ("IN", "AU", "CA"):
        return rng.choice(U) + (rng.choice(U) if cc == "CA" else "") + digits(rng, 7)
    if cc in ("DE", "FR", "NL"):
        return "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(9))
    if cc == "NG":
        return "A" + digits(rng, 8)
    return rng.choice(U) + rng.choice(U) + digits(rng, 7)


def g_dl(ctx, p):
    rng = ctx.rng
    cc = p.country
    if cc == "GB":
        last = (ascii_fold(p.last).upper().replace(" ", "").replace("-", "").replace("'", "") + "99999")[:5]
        m = p.dob.month + (50 if p.gender == "F" else 0)
        dec = p.dob.year % 100
        s = f"{last}{dec // 10}{m:02d}{p.dob.day:02d}{dec % 10}{ascii_fold(p.first)[0].upper()}9{rng.choice(U)}" \
            f"{rng.choice(U)}"
        return (s if rng.random() < 0.6 else f"{s[:5]} {s[5:11]} {s[11:]}"), "DRIVER_LICENSE"
    if cc == "AU":
        return digits(rng, rng.choice([8, 9, 10])), "DRIVER_LICENSE"
    if cc == "CA":
        return f"{rng.choice(U)}{digits(rng, 4)}-{digits(rng, 5)}-{digits(rng, 5)}", "DRIVER_LICENSE"
    if cc == "IE":
        return f"{digits(rng, 9)}", "DRIVER_LICENSE"
    if cc != "US":
        return "".join(rng.choice(U + "0123456789") for _ in range(rng.choice([8, 9, 10]))), "DRIVER_LICENSE"
    st = rng.choice(["CA", "NY", "TX", "FL", "IL", "PA", "OH", "GA", "NC", "MI", "NJ", "WA", "AZ", "MA", "CO", "VA"])
    ctx.memo["dl_state"] = st
    fmt = {"CA": lambda: rng.choice(U) + digits(rng, 7), "NY": lambda: digits(rng, 9),
           "TX": lambda: digits(rng, 8), "FL": lambda: f"{rng.choice(U)}{digits(rng, 3)}-{digits(rng, 3)}-"
                                                        f"{digits(rng, 2)}-{digits(rng, 3)}-{digits(rng, 1)}",
           "IL": lambda: f"{rng.choice(U)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}",
           "PA": lambda: f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
           "OH": lambda: rng.choice(U) + rng.choice(U) + digits(rng, 6),
           "GA": lambda: digits(rng, 9), "NC": lambda: digits(rng, 12),
           "MI": lambda: f"{rng.choice(U)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
           "NJ": lambda: f"{rng.choice(U)}{digits(rng, 4)} {digits(rng, 5)} {digits(rng, 5)}",
           "WA": lambda: "WDL" + "".join(rng.choice(U + "0123456789") for _ in range(9)),
           "AZ": lambda: rng.choice(U) + digits(rng, 8), "MA": lambda: "S" + digits(rng, 8),
           "CO": lambda: f"{digits(rng, 2)}-{digits(rng, 3)}-{digits(rng, 4)}",
           "VA": lambda: rng.choice(U) + digits(rng, 8)}[st]
    return fmt(), "US_DRIVER_LICENSE"


def g_dl_state(ctx, p):
    return ctx.memo.get("dl_state", "TX") if p.country == "US" else COUNTRY_NAMES[p.country]


def g_mrn(ctx, p):
    rng = ctx.rng
    k = rng.randrange(9)
    if k == 0 and p.country == "GB":  # NHS number with a valid mod-11 check
        while True:
            body = digits(rng, 9, first_nonzero=True)
            c = 11 - sum(int(d) * w for d, w in zip(body, range(10, 1, -1))) % 11
            c = 0 if c == 11 else c
            if c != 10:
                n = body + str(c)
                return f"{n[:3]} {n[3:6]} {n[6:]}"
    return [lambda: digits(rng, 7, True), lambda: "MRN" + digits(rng, 7), lambda: f"{digits(rng, 3)}-{digits(rng, 4)}",
            lambda: rng.choice(U) + digits(rng, 6), lambda: f"{rng.choice(['RVJ', 'KGH', 'WMH', 'QEH'])}{digits(rng, 6)}",
            lambda: f"{digits(rng, 2)}{rng.choice(U)}{digits(rng, 5)}", lambda: digits(rng, 8, True),
            lambda: f"HN{digits(rng, 6)}", lambda: f"{rng.choice(U)}{rng.choice(U)}{digits(rng, 6)}"][k]()


# ---------------------------------------------------------------- unlabelled filler (near-misses)
def f_ref(ctx, p):
    return rng_ref(ctx.rng)


def rng_ref(rng):
    return rng.choice(["CASE-", "INC", "TKT-", "REF ", "SR-", "CMP/"]) + digits(rng, rng.choice([5, 6, 7]))


def f_amount(ctx, p):
    r = ctx.rng
    return r.choice(["£", "$", "€", "GBP ", "USD ", "AUD ", "R"]) + f"{r.randint(5, 9000):,}.{r.randint(0, 99):02d}"


def f_last4(ctx, p):
    return digits(ctx.rng, 4)


def f_time(ctx, p):
    return f"{ctx.rng.randint(7, 21):02d}:{ctx.rng.choice(['00', '15', '30', '45', '05', '50'])}"


def f_otp(ctx, p):
    return digits(ctx.rng, 6)


def f_sortcode(ctx, p):
    return f"{digits(ctx.rng, 2)}-{digits(ctx.rng, 2)}-{digits(ctx.rng, 2)}"


def f_bp(ctx, p):
    return f"{ctx.rng.randint(95, 170)}/{ctx.rng.randint(55, 100)}"


def f_ward(ctx, p):
    return ctx.rng.choice(["Ward 7", "Ward 22", "AMU", "Bay 3 bed 4", "CCU", "Ward 14B"])


def f_order(ctx, p):
    return ctx.rng.choice(["ORD-", "#", "PO"]) + digits(ctx.rng, 8)


def f_staff(ctx, p):
    return ctx.rng.choice(["agent", "CSR", "adviser", "colleague"]) + " " + digits(ctx.rng, 4)


GENS = {
    "full": ("PERSON", g_full), "first": ("PERSON", g_first), "fl": ("PERSON", g_fl), "last": ("PERSON", g_last),
    "full_lower": ("PERSON", g_full_lower), "first_lower": ("PERSON", g_first_lower),
    "full_caps": ("PERSON", g_full_caps), "last_first": ("PERSON", g_last_first),
    "initial_last": ("PERSON", g_initial_last),
    "title": (None, g_title), "he": (None, g_he), "He": (None, g_He), "his": (None, g_his),
    "email": ("EMAIL_ADDRESS", g_email), "work_email": ("EMAIL_ADDRESS", g_work_email), "url": ("URL", g_url),
    "ip": ("IP_ADDRESS", g_ip),
    "phone": ("PHONE_NUMBER", g_phone), "phone_intl": ("PHONE_NUMBER", g_phone_intl),
    "phone_ext": ("PHONE_NUMBER", g_phone_ext), "phone_local": ("PHONE_NUMBER", g_phone_local),
    "street": ("STREET_ADDRESS", g_street), "address": ("STREET_ADDRESS", g_address),
    "address_ml": ("STREET_ADDRESS", g_address_ml), "city": ("LOCATION", g_city), "country": ("LOCATION", g_country),
    "postcode": ("POSTCODE", g_postcode), "nationality": ("NRP", g_nationality), "nrp": ("NRP", g_nrp),
    "org": ("ORGANIZATION", g_org), "bank": ("ORGANIZATION", g_bank), "hospital": ("ORGANIZATION", g_hospital),
    "job": ("JOB_TITLE", g_job),
    "dob": ("DATE_OF_BIRTH", g_dob), "date": ("DATE", g_date), "date_short": ("DATE", g_date_short),
    "age": ("AGE", g_age),
    "card": ("CREDIT_CARD", g_card), "iban": ("IBAN_CODE", g_iban), "account": ("ACCOUNT_NUMBER", g_account),
    "ssn": ("US_SSN", g_ssn), "nino": ("NATIONAL_ID", g_nino), "natid": ("NATIONAL_ID", g_natid),
    "passport": ("PASSPORT_NUMBER", g_passport), "dl": ("US_DRIVER_LICENSE", g_dl), "dl_state": ("LOCATION", g_dl_state),
    "mrn": ("MEDICAL_RECORD_NUMBER", g_mrn),
    "ref": (None, f_ref), "amount": (None, f_amount), "last4": (None, f_last4), "time": (None, f_time),
    "otp": (None, f_otp), "sortcode": (None, f_sortcode), "bp": (None, f_bp), "ward": (None, f_ward),
    "order": (None, f_order), "staff": (None, f_staff),
}
