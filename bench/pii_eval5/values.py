"""Value generators for pii_eval5. Every value comes from the record's own RNG / seeded faker."""

from __future__ import annotations

import re

from common import digits, fk, iban_check, luhn_digit

NAME_LOCALES = [
    "en_GB", "en_IE", "en_AU", "en_NZ", "en_IN", "en_NG", "fr_FR", "de_DE", "es_ES", "es_MX", "it_IT", "pt_BR",
    "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "sv_SE", "da_DK", "no_NO", "fi_FI", "tr_TR", "hu_HU", "ro_RO", "hr_HR",
    "sk_SK", "sl_SI", "lt_LT", "lv_LV", "et_EE", "vi_VN", "id_ID", "fil_PH", "ga_IE", "de_AT", "de_CH", "fr_CA",
    "en_CA", "en_US", "nl_BE", "fr_CH",
]
ADDR_LOCALES = ["en_GB", "en_US", "en_AU", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_PT", "sv_SE",
                "de_AT", "de_CH", "cs_CZ", "fi_FI", "da_DK", "en_CA", "en_IN", "pt_BR", "no_NO", "hr_HR", "sl_SI"]

# country code, national trunk, groupings of the subscriber number (national form), mobile first digits
PHONE = {
    "en_GB": ("44", "0", [(4, 3, 3)], "7"), "en_IE": ("353", "0", [(2, 3, 4)], "8"), "en_AU": ("61", "0", [(3, 3, 3)], "4"),
    "en_NZ": ("64", "0", [(2, 3, 4)], "2"), "en_IN": ("91", "0", [(5, 5)], "9"), "en_NG": ("234", "0", [(3, 3, 4)], "8"),
    "fr_FR": ("33", "0", [(1, 2, 2, 2, 2)], "6"), "de_DE": ("49", "0", [(3, 8)], "1"), "es_ES": ("34", "", [(3, 3, 3)], "6"),
    "es_MX": ("52", "", [(2, 4, 4)], "5"), "it_IT": ("39", "", [(3, 3, 4)], "3"), "pt_BR": ("55", "0", [(2, 5, 4)], "1"),
    "pt_PT": ("351", "", [(3, 3, 3)], "9"), "nl_NL": ("31", "0", [(1, 8)], "6"), "pl_PL": ("48", "", [(3, 3, 3)], "5"),
    "cs_CZ": ("420", "", [(3, 3, 3)], "7"), "sv_SE": ("46", "0", [(2, 3, 2, 2)], "7"), "da_DK": ("45", "", [(2, 2, 2, 2)], "2"),
    "no_NO": ("47", "", [(3, 2, 3)], "9"), "fi_FI": ("358", "0", [(2, 3, 4)], "4"), "tr_TR": ("90", "0", [(3, 3, 2, 2)], "5"),
    "hu_HU": ("36", "06", [(2, 3, 4)], "3"), "ro_RO": ("40", "0", [(3, 3, 3)], "7"), "hr_HR": ("385", "0", [(2, 3, 4)], "9"),
    "sk_SK": ("421", "0", [(3, 3, 3)], "9"), "sl_SI": ("386", "0", [(2, 3, 3)], "4"), "lt_LT": ("370", "8", [(3, 5)], "6"),
    "lv_LV": ("371", "", [(2, 3, 3)], "2"), "et_EE": ("372", "", [(4, 4)], "5"), "vi_VN": ("84", "0", [(3, 3, 3)], "9"),
    "id_ID": ("62", "0", [(3, 4, 4)], "8"), "fil_PH": ("63", "0", [(3, 3, 4)], "9"), "ga_IE": ("353", "0", [(2, 3, 4)], "8"),
    "de_AT": ("43", "0", [(3, 7)], "6"), "de_CH": ("41", "0", [(2, 3, 2, 2)], "7"), "fr_CA": ("1", "", [(3, 3, 4)], "5"),
    "en_CA": ("1", "", [(3, 3, 4)], "4"), "en_US": ("1", "", [(3, 3, 4)], "2"), "nl_BE": ("32", "0", [(3, 2, 2, 2)], "4"),
    "fr_CH": ("41", "0", [(2, 3, 2, 2)], "7"),
}

IBAN = {  # country: bban spec (n=digit, a=upper letter)
    "GB": "aaaannnnnnnnnnnnnn", "IE": "aaaannnnnnnnnnnnnn", "DE": "nnnnnnnnnnnnnnnnnn", "FR": "nnnnnnnnnnnnnnnnnnnnnnn",
    "ES": "nnnnnnnnnnnnnnnnnnnn", "IT": "annnnnnnnnnnnnnnnnnnnnn", "NL": "aaaannnnnnnnnn", "PL": "nnnnnnnnnnnnnnnnnnnnnnnn",
    "PT": "nnnnnnnnnnnnnnnnnnnnn", "BE": "nnnnnnnnnnnn", "AT": "nnnnnnnnnnnnnnnn", "CH": "nnnnnnnnnnnnnnnnn",
    "SE": "nnnnnnnnnnnnnnnnnnnn", "DK": "nnnnnnnnnnnnnn", "FI": "nnnnnnnnnnnnnn", "NO": "nnnnnnnnnnn",
    "CZ": "nnnnnnnnnnnnnnnnnnnn", "HR": "nnnnnnnnnnnnnnnnn", "RO": "aaaannnnnnnnnnnnnnnn", "TR": "nnnnnnnnnnnnnnnnnnnnnnnn",
    "HU": "nnnnnnnnnnnnnnnnnnnnnnnn", "LT": "nnnnnnnnnnnnnnnn", "SI": "nnnnnnnnnnnnnnn",
}
LOC_COUNTRY = {"en_GB": "GB", "en_IE": "IE", "ga_IE": "IE", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT",
               "nl_NL": "NL", "pl_PL": "PL", "pt_PT": "PT", "nl_BE": "BE", "de_AT": "AT", "de_CH": "CH", "fr_CH": "CH",
               "sv_SE": "SE", "da_DK": "DK", "fi_FI": "FI", "no_NO": "NO", "cs_CZ": "CZ", "hr_HR": "HR", "ro_RO": "RO",
               "tr_TR": "TR", "hu_HU": "HU", "lt_LT": "LT", "sl_SI": "SI"}

NRP = ["Sikh", "Muslim", "Catholic", "Jewish", "Hindu", "Buddhist", "Methodist", "Orthodox Christian", "Polish",
       "Nigerian", "Irish Traveller", "Romani", "Kurdish", "Somali", "Brazilian", "Vietnamese", "Filipino",
       "Black Caribbean", "British Pakistani", "Jehovah's Witness", "Green Party member", "Labour Party member",
       "Conservative", "Tamil", "Eritrean", "Hungarian", "Turkish Cypriot", "Quaker", "Lithuanian", "Portuguese"]
APOS = ["O'Brien", "D'Souza", "O'Connell", "D'Angelo", "N'Diaye", "O'Neill", "Dell'Acqua", "McAuliffe-O'Hara"]
CARD_PREFIX = [("4", 16), ("4", 13), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16),
               ("35", 16), ("62", 19), ("36", 14), ("6759", 18), ("4", 19), ("65", 17)]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
US_STATES = ["CA", "NY", "FL", "TX", "IL", "WA", "PA", "OH", "MI", "NJ"]


class Gen:
    def __init__(self, r, seed: str, locale: str):
        self.r = r
        self.seed = seed
        self.locale = locale
        self.n = 0

    def f(self, locale=None):
        self.n += 1
        return fk(locale or self.locale, f"{self.seed}|{self.n}")

    def pick(self, seq):
        return self.r.choice(seq)

    # ---- names
    def name_parts(self, locale=None):
        f = self.f(locale)
        first = f.first_name()
        last = f.last_name()
        x = self.r.random()
        if x < 0.08:
            last = self.pick(APOS)
        elif x < 0.14 and "-" not in last:
            last = f"{last}-{f.last_name()}"
        return first, last

    def person(self, locale=None, style=None):
        first, last = self.name_parts(locale)
        style = style or self.r.choices(["full", "full", "full", "full", "init", "init2", "lastfirst"], k=1)[0]
        if style == "init":
            return f"{first[0]}. {last}", last
        if style == "init2":
            mid = self.f(locale).first_name()
            return f"{first[0]}. {mid[0]}. {last}", last
        if style == "lastfirst":
            return f"{last}, {first}", last
        return f"{first} {last}", last

    def email(self, name=None):
        f = self.f()
        if name:
            base = re.sub(r"[^a-z0-9.]", "", self.ascii(name).lower().replace(" ", self.pick([".", "_", ""])))
            base = base.strip(".") or f.user_name()
        else:
            base = f.user_name()
        dom = self.pick(["gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "web.de", "orange.fr", "icloud.com",
                         "hotmail.com", "libero.it", "wp.pl", "seznam.cz", "gmx.at", f.free_email_domain()])
        if self.r.random() < 0.3:
            base += digits(self.r, 2)
        return f"{base}@{dom}"

    @staticmethod
    def ascii(s):
        import unicodedata
        s = s.replace("ø", "o").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("ß", "ss").replace("'", "")
        return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()

    # ---- contact
    def phone(self, locale=None, intl=None):
        loc = locale or self.locale
        cc, trunk, groups, mob = PHONE.get(loc, PHONE["en_GB"])
        g = self.pick(groups)
        total = sum(g)
        nat = mob + digits(self.r, total - 1) if self.r.random() < 0.7 else str(self.r.randrange(2, 9)) + digits(self.r, total - 1)
        chunks, i = [], 0
        for k in g:
            chunks.append(nat[i:i + k])
            i += k
        if intl is None:
            intl = self.r.random() < 0.5
        sep = self.pick([" ", " ", "-", ".", ""]) if cc != "1" else self.pick(["-", ".", " "])
        if cc == "1":
            if intl:
                return f"+1 {chunks[0]}-{chunks[1]}-{chunks[2]}"
            return self.pick([f"({chunks[0]}) {chunks[1]}-{chunks[2]}", sep.join(chunks)])
        if intl:
            pre = self.pick([f"+{cc} ", f"+{cc} ", f"00{cc} ", f"+{cc}"])
            if self.r.random() < 0.2 and trunk == "0":
                return f"+{cc} (0){' '.join(chunks)}"
            return pre + sep.join(chunks)
        return trunk + (chunks[0] + " " + sep.join(chunks[1:]) if sep == "" else sep.join(chunks))

    def ip(self):
        if self.r.random() < 0.2:
            return ":".join(f"{self.r.randrange(65536):x}" for _ in range(8))
        return ".".join(str(x) for x in [self.pick([81, 86, 92, 109, 176, 188, 203, 41, 62, 151]), self.r.randrange(256),
                                         self.r.randrange(256), self.r.randrange(1, 255)])

    def url(self, name=None):
        slug = re.sub(r"[^a-z0-9]+", "-", self.ascii(name or self.f().user_name()).lower()).strip("-")
        return self.pick([f"https://www.linkedin.com/in/{slug}-{digits(self.r, 3)}", f"https://{slug}.blog/about",
                          f"https://github.com/{slug.replace('-', '')}", f"www.facebook.com/{slug.replace('-', '.')}",
                          f"https://instagram.com/{slug.replace('-', '_')}", f"https://{slug.replace('-', '')}.me"])

    # ---- finance
    def card(self):
        pre, n = self.pick(CARD_PREFIX)
        body = pre + digits(self.r, n - len(pre) - 1)
        num = body + luhn_digit(body)
        style = self.r.random()
        if n == 15 and style < 0.6:
            return f"{num[:4]} {num[4:10]} {num[10:]}"
        sep = self.pick([" ", " ", "-", "", ".", "  "]) if style < 0.85 else ""
        return sep.join(num[i:i + 4] for i in range(0, n, 4))

    def iban(self, country=None):
        c = country or LOC_COUNTRY.get(self.locale) or self.pick(sorted(IBAN))
        bban = "".join(chr(65 + self.r.randrange(26)) if ch == "a" else str(self.r.randrange(10)) for ch in IBAN[c])
        s = c + iban_check(c, bban) + bban
        if self.r.random() < 0.6:
            return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        return s

    def ssn(self):
        a = self.r.choice([x for x in range(1, 900) if x != 666])
        s = f"{a:03d}-{self.r.randrange(1, 100):02d}-{self.r.randrange(1, 10000):04d}"
        return s if self.r.random() < 0.8 else s.replace("-", self.pick([" ", ""]))

    def account(self):
        return self.pick([digits(self.r, 8), digits(self.r, 10, True), digits(self.r, 12, True),
                          f"{digits(self.r, 4)}-{digits(self.r, 6)}-{digits(self.r, 2)}"])

    def sortcode(self):
        return f"{digits(self.r, 2)}-{digits(self.r, 2)}-{digits(self.r, 2)}"

    def mrn(self):
        return self.pick([f"MRN{digits(self.r, 7)}", f"{digits(self.r, 3)} {digits(self.r, 3)} {digits(self.r, 4)}",
                          f"H{digits(self.r, 6)}", f"RX-{digits(self.r, 8)}", f"{chr(65 + self.r.randrange(26))}{digits(self.r, 7)}",
                          f"PT{digits(self.r, 6)}-{self.r.randrange(10)}"])

    # ---- dates
    def ymd(self, lo=1938, hi=2008):
        return self.r.randrange(lo, hi + 1), self.r.randrange(1, 13), self.r.randrange(1, 29)

    def fmt_date(self, y, m, d):
        return self.pick([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}",
                          f"{MONTHS[m - 1]} {d}, {y}", f"{d} {MONTHS[m - 1][:3]} {y}", f"{m:02d}/{d:02d}/{y}",
                          f"{d:02d}.{m:02d}.{y}"])

    def dob(self):
        y, m, d = self.ymd()
        return self.fmt_date(y, m, d), 2026 - y

    def date(self):
        return self.fmt_date(*self.ymd(2019, 2026))

    # ---- places / ids
    def addr_locale(self):
        return self.locale if self.locale in ADDR_LOCALES else self.pick(ADDR_LOCALES)

    def address(self):
        a = self.f(self.addr_locale()).address()
        return re.sub(r"\s*\n\s*", ", ", a).replace(" ,", ",").strip()

    def postcode(self):
        return self.f(self.addr_locale()).postcode()

    def city(self):
        loc = self.addr_locale()
        if self.r.random() < 0.2:
            return self.f("en_GB").country()
        return self.f(loc).city()

    def org(self):
        return self.f(self.pick(["en_GB", "en_US", "de_DE", "fr_FR", "nl_NL", "en_AU", "it_IT", "es_ES"])).company()

    def job(self):
        return self.f(self.pick(["en_GB", "en_US"])).job()

    def passport(self):
        c = self.locale
        if c in ("en_GB", "en_US", "en_AU", "en_NZ", "en_IE", "en_CA"):
            return self.pick([digits(self.r, 9, True), f"P{digits(self.r, 7)}", f"PA{digits(self.r, 7)}"])
        if c in ("de_DE", "de_AT", "de_CH"):
            return "C" + "".join(self.pick("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
        if c in ("fr_FR", "fr_CA", "fr_CH"):
            return f"{digits(self.r, 2)}{chr(65 + self.r.randrange(26))}{chr(65 + self.r.randrange(26))}{digits(self.r, 5)}"
        return self.pick([f"{chr(65 + self.r.randrange(26))}{digits(self.r, 7)}",
                          f"{chr(65 + self.r.randrange(26))}{chr(65 + self.r.randrange(26))}{digits(self.r, 7)}",
                          f"{chr(65 + self.r.randrange(26))}{digits(self.r, 8)}"])

    def national_id(self, locale=None):
        loc = locale or self.locale
        if loc == "en_US":
            loc = "en_GB"
        L = lambda: chr(65 + self.r.randrange(26))  # noqa: E731
        own = {
            "en_GB": lambda: f"{self.pick('ABCEGHJKLMNOPRSTWXY')}{self.pick('ABCEGHJKLMNPRSTWXYZ')} {digits(self.r, 2)} {digits(self.r, 2)} {digits(self.r, 2)} {self.pick('ABCD')}",
            "en_IE": lambda: f"{digits(self.r, 7)}{L()}", "ga_IE": lambda: f"{digits(self.r, 7)}{L()}{self.pick(['', 'A', 'W'])}",
            "en_AU": lambda: f"{digits(self.r, 3)} {digits(self.r, 3)} {digits(self.r, 3)}",
            "en_NZ": lambda: f"{digits(self.r, 3)}-{digits(self.r, 3)}-{digits(self.r, 3)}",
            "en_IN": lambda: f"{digits(self.r, 4, True)} {digits(self.r, 4)} {digits(self.r, 4)}",
            "en_NG": lambda: digits(self.r, 11, True), "de_DE": lambda: digits(self.r, 11, True),
            "es_ES": lambda: (lambda n: f"{n:08d}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}")(self.r.randrange(10 ** 7, 10 ** 8)),
            "pt_PT": lambda: f"{self.pick('123')}{digits(self.r, 8)}",
            "cs_CZ": lambda: f"{digits(self.r, 6)}/{digits(self.r, 4)}", "sk_SK": lambda: f"{digits(self.r, 6)}/{digits(self.r, 4)}",
            "sl_SI": lambda: digits(self.r, 13, True), "lt_LT": lambda: f"{self.pick('3456')}{digits(self.r, 10)}",
            "da_DK": lambda: f"{self.r.randrange(1, 29):02d}{self.r.randrange(1, 13):02d}{digits(self.r, 2)}-{digits(self.r, 4)}",
            "vi_VN": lambda: "0" + digits(self.r, 11), "id_ID": lambda: digits(self.r, 16, True),
            "fr_CA": lambda: f"{digits(self.r, 3, True)} {digits(self.r, 3)} {digits(self.r, 3)}",
        }
        if loc in own:
            return own[loc]()
        try:
            s = self.f(loc).ssn()
        except Exception:
            s = ""
        if not s or re.fullmatch(r"\d{3}-\d{2}-\d{4}", s):
            return digits(self.r, 11, True)
        return s

    def us_dl(self):
        st = self.pick(US_STATES)
        L = chr(65 + self.r.randrange(26))
        v = {"CA": f"{L}{digits(self.r, 7)}", "NY": f"{digits(self.r, 3)} {digits(self.r, 3)} {digits(self.r, 3)}",
             "FL": f"{L}{digits(self.r, 3)}-{digits(self.r, 3)}-{digits(self.r, 2)}-{digits(self.r, 3)}-{digits(self.r, 1)}",
             "TX": digits(self.r, 8), "IL": f"{L}{digits(self.r, 3)}-{digits(self.r, 4)}-{digits(self.r, 4)}",
             "WA": f"WDL{digits(self.r, 6)}{L}{L}", "PA": f"{digits(self.r, 2)} {digits(self.r, 3)} {digits(self.r, 3)}",
             "OH": f"{L}{L}{digits(self.r, 6)}", "MI": f"{L} {digits(self.r, 3)} {digits(self.r, 3)} {digits(self.r, 3)} {digits(self.r, 3)}",
             "NJ": f"{L}{digits(self.r, 4)} {digits(self.r, 5)} {digits(self.r, 5)}"}[st]
        return st, v

    def dl(self, last="SMITH"):
        la = re.sub(r"[^A-Z]", "", self.ascii(last).upper())[:5].ljust(5, "9")
        return self.pick([f"{la}{digits(self.r, 6)}{chr(65 + self.r.randrange(26))}{chr(65 + self.r.randrange(26))}9{chr(65 + self.r.randrange(26))}{chr(65 + self.r.randrange(26))}",
                          f"B{digits(self.r, 3)}{chr(65 + self.r.randrange(26))}{digits(self.r, 4)}{chr(65 + self.r.randrange(26))}{digits(self.r, 1)}",
                          digits(self.r, 9, True), f"{digits(self.r, 2)}{chr(65 + self.r.randrange(26))}{chr(65 + self.r.randrange(26))}{digits(self.r, 5)}"])

    def nrp(self):
        return self.pick(NRP)

    # ---- distractors (never labelled)
    def order(self):
        return self.pick([f"ORD-{digits(self.r, 7)}", f"#{digits(self.r, 6)}", f"INC{digits(self.r, 7)}", f"REF/{digits(self.r, 5)}/{self.r.randrange(20, 27)}",
                          f"TKT-{digits(self.r, 5)}", f"case {digits(self.r, 8)}"])

    def amount(self):
        return self.pick([f"£{self.r.randrange(10, 99999):,}.{digits(self.r, 2)}", f"${self.r.randrange(10, 9999)}.{digits(self.r, 2)}",
                          f"EUR {self.r.randrange(100, 250000):,}", f"{self.r.randrange(1, 900)}.{digits(self.r, 2)} GBP"])

    def otp(self):
        return digits(self.r, 6)

    def time(self):
        return f"{self.r.randrange(7, 20):02d}:{self.r.randrange(60):02d}"

    def last4(self):
        return digits(self.r, 4)
