"""Value generators for the English-language records.

Every function takes a ``random.Random`` (and, where faker is used, the
``Fakers`` accessor) so output depends only on the per-record seed.
"""
from __future__ import annotations

import datetime as _dt

from common import (chance, digits, fill, fold, group, group_every, iban_check,
                    letters, luhn_digit, luhn_number, pick, slug, verhoeff_digit,
                    wchoice)
from names import DOUBLE_BARRELLED, NICKNAMES, ORIGINS

# ==========================================================================
# People
# ==========================================================================
FAKER_NAME_LOCALES = ["en_US", "en_GB", "en_IE", "en_AU", "en_CA", "de_DE",
                      "fr_FR", "it_IT", "es_ES", "nl_NL", "pl_PL", "cs_CZ",
                      "sv_SE", "da_DK", "fi_FI", "yo_NG", "zu_ZA", "en_IN",
                      "ga_IE", "tr_TR"]


class Person:
    def __init__(self, given, family, sex, origin, family_first=False):
        self.given = given
        self.family = family
        self.sex = sex
        self.origin = origin
        self.family_first = family_first
        self.nickname = NICKNAMES.get(given.split(" ")[0])

    @property
    def full(self):
        if self.family_first:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"

    @property
    def western(self):
        return f"{self.given} {self.family}"

    @property
    def last_first(self):
        return f"{self.family}, {self.given}"

    @property
    def initial(self):
        return f"{self.given[0]}. {self.family}"

    def title(self, rng, medical=False):
        if medical and chance(rng, 0.25):
            return "Dr"
        if self.sex == "M":
            return pick(rng, ["Mr", "Mr", "Mr."])
        return pick(rng, ["Mrs", "Ms", "Miss", "Ms.", "Mrs."])

    def render(self, rng, style=None):
        style = style or wchoice(rng, [("full", 10), ("caps", 1.2), ("lower", 0.8),
                                       ("last_first", 1.5), ("initial", 0.8),
                                       ("western", 0.6)])
        if style == "caps":
            return self.full.upper()
        if style == "lower":
            return self.full.lower()
        if style == "last_first":
            return self.last_first
        if style == "last_first_caps":
            return f"{self.family.upper()}, {self.given}"
        if style == "initial":
            return self.initial
        if style == "western":
            return self.western
        return self.full

    @property
    def pronoun(self):
        return "he" if self.sex == "M" else "she"

    @property
    def poss(self):
        return "his" if self.sex == "M" else "her"


def person(rng, fk, origin=None):
    if origin is None:
        origin = wchoice(rng, [("faker", 9)] + [(o, 1) for o in ORIGINS])
    sex = pick(rng, "MF")
    if origin == "faker":
        loc = pick(rng, FAKER_NAME_LOCALES)
        f = fk(loc)
        g = f.first_name_male() if sex == "M" else f.first_name_female()
        fam = f.last_name_male() if sex == "M" and hasattr(f, "last_name_male") else f.last_name()
        if loc in ("cs_CZ", "pl_PL") and sex == "F" and hasattr(f, "last_name_female"):
            fam = f.last_name_female()
        if chance(rng, 0.08):
            fam = pick(rng, DOUBLE_BARRELLED)
        elif chance(rng, 0.06):
            fam = f"{fam}-{f.last_name()}"
        return Person(g, fam, sex, loc)
    gm, gf, fams, ff = ORIGINS[origin]
    g = pick(rng, gm if sex == "M" else gf)
    fam = pick(rng, fams)
    if origin == "polish" and sex == "F" and fam.endswith("ski"):
        fam = fam[:-1] + "a"
    if origin == "greek" and sex == "F" and fam.endswith("os"):
        fam = fam[:-2] + "ou"
    if origin == "irish" and sex == "F" and fam.startswith("Ó "):
        fam = "Ní " + fam[2:]
    if origin == "irish" and sex == "F" and fam.startswith("Mac "):
        fam = "Nic " + fam[4:]
    if origin == "arabic" and chance(rng, 0.25):
        g = f"{g} {'bin' if sex == 'M' else 'bint'} {pick(rng, gm)}"
    ff_eff = ff and chance(rng, 0.7)
    return Person(g, fam, sex, origin, ff_eff)


# ==========================================================================
# Email / URL / IP
# ==========================================================================
FREEMAIL = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.co.uk", "yahoo.com",
            "icloud.com", "protonmail.com", "btinternet.com", "web.de", "gmx.de",
            "orange.fr", "libero.it", "wp.pl", "seznam.cz", "freemail.hu",
            "yahoo.com.ng", "rediffmail.com", "naver.com", "me.com", "aol.com",
            "eircom.net", "telia.se", "uol.com.br", "prodigy.net.mx", "mweb.co.za"]


def email(rng, p=None, domain=None, fk=None):
    if p is None:
        base = slug(pick(rng, ["info", "accounts", "hello", "office", "admin"]))
        return f"{base}@{domain or pick(rng, FREEMAIL)}"
    g = slug(p.given.split(" ")[0]) or "x"
    fam = slug(p.family.replace(".", "")) or "y"
    style = rng.randrange(8)
    if style == 0:
        local = f"{g}.{fam}"
    elif style == 1:
        local = f"{g[0]}.{fam}"
    elif style == 2:
        local = f"{fam}{g[0]}{rng.randint(1, 99)}"
    elif style == 3:
        local = f"{g}_{fam}"
    elif style == 4:
        local = f"{g}{fam}{rng.randint(60, 2005)}"
    elif style == 5:
        local = f"{fam}.{g}"
    elif style == 6:
        local = f"{g}.{fam}+{pick(rng, ['bank', 'claims', 'nhs', 'work'])}"
    else:
        local = f"{g[:3]}{fam[:4]}"
    return f"{local}@{domain or pick(rng, FREEMAIL)}"


def org_domain(org):
    words = [w for w in fold(org).lower().replace("&", " ").split()
             if w not in ("ltd", "plc", "llp", "inc.", "inc", "llc", "gmbh", "the",
                          "s.a.", "b.v.", "a/s", "ab", "kft.", "s.r.o.", "pty",
                          "of", "and", "nhs", "trust", "foundation", "n.a.")]
    core = "".join(c for c in "".join(words[:2]) if c.isalnum()) or "example"
    return core + pick(["co.uk", "com", "org", "co.uk", "com"], 0)


def _pick_tld(rng):
    return pick(rng, [".com", ".co.uk", ".org", ".net", ".io", ".com.ng", ".in",
                      ".de", ".ie", ".com.au"])


def url(rng, p=None, org=None):
    k = rng.randrange(6)
    if p is not None and k in (0, 1):
        handle = f"{slug(p.given)}-{slug(p.family)}-{fill(rng, '%##@#').lower()}"
        return f"https://www.linkedin.com/in/{handle}"
    if p is not None and k == 2:
        return f"http://www.{slug(p.family)}{pick(rng, ['photography', 'consulting', 'law', 'designs', 'tutoring'])}{_pick_tld(rng)}"
    if org is not None and k in (3, 4):
        dom = slug(org.split(" ")[0]) + _pick_tld(rng)
        path = pick(rng, ["/secure/upload", "/claims/status", "/patients/portal",
                          "/contact", "/my-account/documents", "/kyc/verify"])
        q = "" if chance(rng, 0.5) else f"?ref={fill(rng, '@@####').lower()}"
        scheme = pick(rng, ["https://", "https://www.", "www."])
        return f"{scheme}{dom}{path}{q}"
    return f"https://{pick(rng, ['docs', 'share', 'files', 'drive'])}.{pick(rng, ['dropbox.com/s', 'wetransfer.com/downloads', 'box.com/s'])}/{fill(rng, '@@##@@##@#').lower()}"


def ip(rng, fk):
    k = rng.randrange(10)
    f = fk("en_US")
    if k < 6:
        return f.ipv4_public()
    if k < 8:
        return f.ipv4_private()
    return f.ipv6()


# ==========================================================================
# Phones (national and international forms for 40 countries)
# ==========================================================================
PHONE_PATTERNS = {
    "US": ["(^##) ^##-####", "^##-^##-####", "^##.^##.####", "+1 ^##-^##-####",
           "+1 (^##) ^##-####", "1-^##-^##-####", "+1^##^######"],
    "CA": ["(^##) ^##-####", "+1 ^##-^##-####", "^##-^##-####"],
    "GB": ["07### ######", "07### ### ###", "+44 7### ######", "+44 (0)7### ######",
           "020 7### ####", "+44 20 7### ####", "0161 ### ####", "+44 161 ### ####",
           "0113 ### ####", "0044 7### ######", "(0131) ### ####"],
    "IE": ["08# ### ####", "+353 8# ### ####", "(01) ### ####", "+353 1 ### ####",
           "021 ### ####"],
    "FR": ["06 ## ## ## ##", "07 ## ## ## ##", "+33 6 ## ## ## ##",
           "+33 (0)1 ## ## ## ##", "01.##.##.##.##", "0033 6########"],
    "DE": ["0151 ########", "+49 151 ########", "+49 (0)30 ########", "030 ########",
           "089/#######", "+49 171 #######", "0176-########"],
    "NL": ["06-########", "06 ## ## ## ##", "+31 6 ########", "020 ### ####",
           "+31 (0)20 ### ####"],
    "BE": ["04## ## ## ##", "+32 4## ## ## ##", "02 ### ## ##"],
    "ES": ["6## ### ###", "+34 6## ## ## ##", "91 ### ## ##", "+34 91 ### ####"],
    "IT": ["3## ### ####", "+39 3## ### ####", "06 ########", "+39 02 ########"],
    "PT": ["9## ### ###", "+351 9## ### ###", "21# ### ###"],
    "PL": ["5## ### ###", "+48 6## ### ###", "(22) ### ## ##", "+48 22 ### ## ##"],
    "CZ": ["+420 6## ### ###", "7## ### ###", "+420 2## ### ###"],
    "HU": ["+36 30 ### ####", "06 20 ### ####", "06 1 ### ####", "+36 1 ### ####"],
    "SE": ["07#-### ## ##", "+46 7# ### ## ##", "08-### ### ##", "+46 (0)8 ### ### ##"],
    "NO": ["+47 4## ## ###", "9## ## ###", "+47 22 ## ## ##"],
    "DK": ["+45 ## ## ## ##", "%# ## ## ##"],
    "FI": ["04# ### ####", "+358 4# ### ####", "09 ### ####"],
    "CH": ["07# ### ## ##", "+41 7# ### ## ##", "044 ### ## ##"],
    "AT": ["0664 #######", "+43 664 #######", "+43 1 ########"],
    "GR": ["69# ### ####", "+30 69# ### ####", "21# ### ####"],
    "TR": ["05## ### ## ##", "+90 5## ### ## ##", "0 (212) ### ## ##"],
    "RU": ["+7 9## ###-##-##", "8 (9##) ###-##-##"],
    "UA": ["+380 ## ### ## ##", "0## ### ## ##"],
    "IN": ["+91 9#### #####", "09#########", "98### #####", "+91-80-########",
           "080 ########", "+91 22 #### ####"],
    "PK": ["+92 3## #######", "03##-#######"],
    "BD": ["+880 1### ######", "01###-######"],
    "JP": ["090-####-####", "+81 90-####-####", "03-####-####", "+81 3 #### ####",
           "080 #### ####", "06-####-####"],
    "KR": ["010-####-####", "+82 10-####-####", "02-###-####", "+82 2 #### ####"],
    "HK": ["+852 9### ####", "6### ####", "+852 2### ####"],
    "SG": ["+65 9### ####", "8### ####", "6### ####"],
    "MY": ["+60 12-### ####", "012-### ####"],
    "PH": ["+63 917 ### ####", "0917 ### ####"],
    "VN": ["+84 9# ### ## ##", "09# ### ## ##"],
    "TH": ["+66 8# ### ####", "08#-###-####"],
    "ID": ["+62 812-####-####", "0812-####-####"],
    "AU": ["04## ### ###", "+61 4## ### ###", "(02) #### ####", "+61 2 #### ####"],
    "NZ": ["021 ### ####", "+64 21 ### ####", "(09) ### ####"],
    "BR": ["(11) 9####-####", "+55 11 9####-####", "+55 (21) 9####-####",
           "(21) ####-####"],
    "MX": ["55 #### ####", "+52 55 #### ####", "+52 1 33 #### ####", "(81) ####-####"],
    "AR": ["+54 9 11 ####-####", "011 ####-####"],
    "ZA": ["08# ### ####", "+27 8# ### ####", "(011) ### ####", "+27 11 ### ####"],
    "NG": ["080# ### ####", "+234 80# ### ####", "+234 (0)803 ### ####",
           "0703 ### ####", "+2348#########"],
    "KE": ["07## ######", "+254 7## ######"],
    "EG": ["+20 10 #### ####", "010 #### ####"],
    "AE": ["+971 5# ### ####", "05# ### ####", "04 ### ####"],
    "SA": ["+966 5# ### ####", "05# ### ####"],
    "IL": ["+972 5#-###-####", "05#-###-####"],
}
PHONE_COUNTRIES = list(PHONE_PATTERNS)


def phone(rng, country=None, ext=None):
    country = country or pick(rng, PHONE_COUNTRIES)
    num = fill(rng, pick(rng, PHONE_PATTERNS[country]))
    if ext is None:
        ext = chance(rng, 0.07)
    if ext:
        num += pick(rng, [" ext. ", " x", " ext ", " Ext. "]) + digits(rng, rng.randint(2, 4), True)
    return num


def phone_variant(rng, country):
    """Two renderings of the same national number (used for corrections)."""
    return phone(rng, country, ext=False)


# ==========================================================================
# Addresses
# ==========================================================================
class Addr:
    def __init__(self, lines, street, city, postcode, country, region=None,
                 locale="en_GB", code=""):
        self.lines = [l for l in lines if l]
        self.street = street
        self.city = city
        self.postcode = postcode
        self.country = country
        self.region = region
        self.locale = locale
        self.code = code

    def block(self, with_country=False):
        lines = list(self.lines)
        if with_country:
            lines.append(self.country)
        return "\n".join(lines)

    def oneline(self, with_country=False):
        s = ", ".join(l.replace("\n", ", ") for l in self.lines)
        if with_country:
            s += ", " + self.country
        return s


NG_STREETS = ["Adeola Odeku Street", "Awolowo Road", "Allen Avenue",
              "Herbert Macaulay Way", "Ogui Road", "Aminu Kano Crescent",
              "Ahmadu Bello Way", "Bode Thomas Street", "Isaac John Street",
              "Agbani Road", "Ring Road"]
NG_AREAS = [("Victoria Island", "Lagos", "101241", "Lagos State"),
            ("Ikeja", "Lagos", "100271", "Lagos State"),
            ("Surulere", "Lagos", "101283", "Lagos State"),
            ("Wuse II", "Abuja", "904101", "FCT"),
            ("Garki", "Abuja", "900103", "FCT"),
            ("GRA", "Enugu", "400102", "Enugu State"),
            ("Bodija", "Ibadan", "200212", "Oyo State"),
            ("Trans-Amadi", "Port Harcourt", "500272", "Rivers State")]
ZA_STREETS = ["Jan Smuts Avenue", "Oxford Road", "Long Street", "Florida Road",
              "Church Street", "Voortrekker Road", "Main Road", "Rivonia Road",
              "Beach Road", "Bree Street"]
ZA_AREAS = [("Rosebank", "Johannesburg", "2196"), ("Sandton", "Johannesburg", "2146"),
            ("Sea Point", "Cape Town", "8005"), ("Morningside", "Durban", "4001"),
            ("Hatfield", "Pretoria", "0083"), ("Newlands", "Cape Town", "7700"),
            ("Summerstrand", "Gqeberha", "6001"), ("Soweto", "Johannesburg", "1804")]
ZA_COMPLEX = ["Rosewood Court", "Jacaranda Gardens", "Silverleaf Estate",
              "Protea Place", "Milkwood Mews"]
IN_BUILDINGS = ["Sai Krupa Apartments", "Prestige Lakeside Habitat", "Shanti Niketan",
                "Green Valley Residency", "Sunrise Towers", "Gokul Dham Society"]
IN_STREETS = ["4th Cross", "100 Feet Road", "MG Road", "Linking Road", "Anna Salai",
              "Park Street", "2nd Main Road", "Nehru Nagar Road"]
IN_AREAS = [("Indiranagar", "Bengaluru", "Karnataka", "560038"),
            ("Bandra West", "Mumbai", "Maharashtra", "400050"),
            ("T. Nagar", "Chennai", "Tamil Nadu", "600017"),
            ("Salt Lake", "Kolkata", "West Bengal", "700091"),
            ("Koramangala", "Bengaluru", "Karnataka", "560034"),
            ("Sector 62", "Noida", "Uttar Pradesh", "201309"),
            ("Banjara Hills", "Hyderabad", "Telangana", "500034"),
            ("Vasant Kunj", "New Delhi", "Delhi", "110070"),
            ("Anna Nagar", "Madurai", "Tamil Nadu", "625020")]
JP_AREAS = [("Nakameguro", "Meguro-ku", "Tokyo", "153-0061"),
            ("Jingumae", "Shibuya-ku", "Tokyo", "150-0001"),
            ("Umeda", "Kita-ku", "Osaka", "530-0001"),
            ("Sakae", "Naka-ku", "Nagoya", "460-0008"),
            ("Tenjin", "Chuo-ku", "Fukuoka", "810-0001"),
            ("Minatomirai", "Nishi-ku", "Yokohama", "220-0012"),
            ("Gion-machi", "Higashiyama-ku", "Kyoto", "605-0073")]
JP_BUILDINGS = ["Sunny Heights", "Maison Aoba", "Park Court", "Grand Forest",
                "Belle Vue Kōen", "Lions Mansion"]
BR_STREETS = ["Rua das Flores", "Avenida Paulista", "Rua Augusta",
              "Rua Barão de Itapetininga", "Avenida Atlântica", "Rua XV de Novembro",
              "Rua Padre Chagas", "Rua da Consolação"]
BR_AREAS = [("Bela Vista", "São Paulo", "SP", "01310"),
            ("Copacabana", "Rio de Janeiro", "RJ", "22021"),
            ("Moinhos de Vento", "Porto Alegre", "RS", "90570"),
            ("Savassi", "Belo Horizonte", "MG", "30140"),
            ("Boa Viagem", "Recife", "PE", "51020"),
            ("Centro", "Curitiba", "PR", "80020")]
MX_STREETS = ["Av. Insurgentes Sur", "Calle Durango", "Paseo de la Reforma",
              "Calle Hidalgo", "Av. Vallarta", "Calle Morelos", "Av. Constitución"]
MX_AREAS = [("Col. Roma Norte", "Cuauhtémoc", "Ciudad de México", "CDMX", "06700"),
            ("Col. Del Valle", "Benito Juárez", "Ciudad de México", "CDMX", "03100"),
            ("Col. Americana", "Guadalajara", "Guadalajara", "Jal.", "44160"),
            ("Col. Centro", "Monterrey", "Monterrey", "N.L.", "64000"),
            ("Col. Polanco", "Miguel Hidalgo", "Ciudad de México", "CDMX", "11560")]
IT_STREETS = ["Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II",
              "Viale dei Mille", "Via Dante Alighieri", "Via del Corso", "Via Toledo"]
IT_CITIES = [("Milano", "MI", "20121"), ("Roma", "RM", "00184"), ("Napoli", "NA", "80134"),
             ("Torino", "TO", "10123"), ("Bologna", "BO", "40126"),
             ("Firenze", "FI", "50122"), ("Palermo", "PA", "90133")]
ES_STREETS = ["Calle de Alcalá", "Calle Mayor", "Avinguda Diagonal", "Gran Vía",
              "Calle Sierpes", "Paseo de la Castellana", "Carrer de Balmes"]
ES_CITIES = [("Madrid", "28014"), ("Barcelona", "08008"), ("Sevilla", "41004"),
             ("Valencia", "46002"), ("Bilbao", "48001"), ("Málaga", "29015")]
PL_STREETS = ["Marszałkowska", "Piotrkowska", "Długa", "Floriańska",
              "Świętokrzyska", "Grunwaldzka", "Mickiewicza", "Żeromskiego"]
PL_CITIES = [("Warszawa", "00-514"), ("Łódź", "90-102"), ("Kraków", "31-019"),
             ("Gdańsk", "80-831"), ("Wrocław", "50-079"), ("Poznań", "61-816")]
IE_STREETS = ["Main Street", "Patrick Street", "Grafton Street", "Shop Street",
              "O'Connell Street", "Strand Road", "Bóthar na Trá"]
IE_TOWNS = [("Dublin 2", "Co. Dublin", "D02"), ("Cork", "Co. Cork", "T12"),
            ("Galway", "Co. Galway", "H91"), ("Limerick", "Co. Limerick", "V94"),
            ("Sligo", "Co. Sligo", "F91"), ("Dundalk", "Co. Louth", "A91")]

COUNTRY_NAMES = {"GB": "United Kingdom", "US": "USA", "IE": "Ireland", "FR": "France",
                 "DE": "Germany", "NL": "The Netherlands", "IT": "Italy", "ES": "Spain",
                 "PL": "Poland", "JP": "Japan", "IN": "India", "BR": "Brazil",
                 "MX": "Mexico", "ZA": "South Africa", "NG": "Nigeria",
                 "AU": "Australia", "CA": "Canada", "SE": "Sweden", "CZ": "Czech Republic",
                 "HU": "Hungary", "DK": "Denmark"}
ADDR_COUNTRIES = list(COUNTRY_NAMES)


def address(rng, fk, country=None):
    c = country or wchoice(rng, [("GB", 6), ("US", 5)] + [(k, 1) for k in ADDR_COUNTRIES[2:]])
    cn = COUNTRY_NAMES[c]
    if c == "GB":
        f = fk("en_GB")
        st = f.street_address()
        if chance(rng, 0.2):
            st = f"Flat {rng.randint(1, 40)}, {st}" if "\n" not in st else st
        city, pc = f.city(), f.postcode()
        lines = [st, city.upper() if chance(rng, 0.3) else city, pc]
        return Addr(lines, st, city, pc, cn, None, "en_GB", c)
    if c == "US":
        f = fk("en_US")
        st, city, state, z = f.street_address(), f.city(), f.state_abbr(), f.zipcode()
        if chance(rng, 0.2):
            z = f"{z}-{digits(rng, 4)}"
        return Addr([st, f"{city}, {state} {z}"], st, city, z, cn, state, "en_US", c)
    if c == "CA":
        f = fk("en_CA")
        st, city, prov, pc = f.street_address(), f.city(), f.province_abbr(), f.postalcode()
        return Addr([st, f"{city} {prov}  {pc}"], st, city, pc, cn, prov, "en_CA", c)
    if c == "AU":
        f = fk("en_AU")
        st, city, stt, pc = f.street_address(), f.city(), f.state_abbr(), f.postcode()
        return Addr([st, f"{city.upper()} {stt} {pc}"], st, city, pc, cn, stt, "en_AU", c)
    if c == "IE":
        st = f"{rng.randint(1, 120)} {pick(rng, IE_STREETS)}"
        town, county, rk = pick(rng, IE_TOWNS)
        eir = f"{rk} {fill(rng, '@#@#')}"
        return Addr([st, town, county, eir], st, town, eir, cn, county, "en_IE", c)
    if c == "FR":
        f = fk("fr_FR")
        st, pc, city = f.street_address(), f.postcode(), f.city()
        return Addr([st, f"{pc} {city.upper()}"], st, city, pc, cn, None, "fr_FR", c)
    if c == "DE":
        f = fk("de_DE")
        st, pc, city = f.street_address(), f.postcode(), f.city()
        return Addr([st, f"{pc} {city}"], st, city, pc, cn, None, "de_DE", c)
    if c == "NL":
        f = fk("nl_NL")
        st, pc, city = f.street_address(), f.postcode(), f.city()
        return Addr([st, f"{pc}  {city.upper()}"], st, city, pc, cn, None, "nl_NL", c)
    if c == "SE":
        f = fk("sv_SE")
        st, pc, city = f.street_address(), f.postcode(), f.city()
        return Addr([st, f"{pc} {city.upper()}"], st, city, pc, cn, None, "sv_SE", c)
    if c == "DK":
        f = fk("da_DK")
        st, pc, city = f.street_address(), f.postcode(), f.city()
        return Addr([st, f"{pc} {city}"], st, city, pc, cn, None, "da_DK", c)
    if c == "CZ":
        f = fk("cs_CZ")
        st, pc, city = f.street_address(), f.postcode(), f.city()
        return Addr([st, f"{pc} {city}"], st, city, pc, cn, None, "cs_CZ", c)
    if c == "HU":
        f = fk("hu_HU")
        st, city = f.street_address(), f.city()
        pc = digits(rng, 4, True)
        if chance(rng, 0.5):
            return Addr([city, st, pc], st, city, pc, cn, None, "hu_HU", c)
        return Addr([f"{pc} {city}, {st}"], st, city, pc, cn, None, "hu_HU", c)
    if c == "IT":
        city, prov, cap = pick(rng, IT_CITIES)
        st = f"{pick(rng, IT_STREETS)}, {rng.randint(1, 200)}"
        if chance(rng, 0.3):
            st += f" int. {rng.randint(1, 30)}"
        return Addr([st, f"{cap} {city} ({prov})" if chance(rng, 0.5) else f"{cap} {city} {prov}"],
                    st, city, cap, cn, prov, "it_IT", c)
    if c == "ES":
        city, cp = pick(rng, ES_CITIES)
        st = f"{pick(rng, ES_STREETS)} {rng.randint(1, 150)}, {rng.randint(1, 9)}º {pick(rng, 'ABCD')}"
        return Addr([st, f"{cp} {city}"], st, city, cp, cn, None, "es_ES", c)
    if c == "PL":
        city, pc = pick(rng, PL_CITIES)
        st = f"ul. {pick(rng, PL_STREETS)} {rng.randint(1, 120)}"
        if chance(rng, 0.6):
            st += f"/{rng.randint(1, 80)}" if chance(rng, 0.5) else f" m. {rng.randint(1, 80)}"
        return Addr([st, f"{pc} {city}"], st, city, pc, cn, None, "pl_PL", c)
    if c == "JP":
        if chance(rng, 0.35):
            f = fk("ja_JP")
            z = f.zipcode()
            body = f"{f.prefecture()}{f.city()}{f.town()}{f.chome()}{f.ban()}{f.gou()}"
            return Addr([f"〒{z}", body], body, None, z, cn, None, "ja_JP", c)
        area, ward, city, pc = pick(rng, JP_AREAS)
        bld = f"{pick(rng, JP_BUILDINGS)} {rng.randint(1, 9)}0{rng.randint(1, 9)}"
        num = f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
        st = f"{bld}, {num} {area}"
        return Addr([st, f"{ward}, {city} {pc}"], st, city, pc, cn, None, "ja_JP", c)
    if c == "IN":
        area, city, state, pin = pick(rng, IN_AREAS)
        st = f"Flat {rng.randint(1, 12)}0{rng.randint(1, 9)}, {pick(rng, IN_BUILDINGS)}, {pick(rng, IN_STREETS)}"
        if chance(rng, 0.5):
            return Addr([st, area, f"{city}, {state} {pin}"], st, city, pin, cn, state, "en_IN", c)
        return Addr([f"{st}, {area}, {city} - {pin}"], st, city, pin, cn, state, "en_IN", c)
    if c == "BR":
        area, city, uf, cep5 = pick(rng, BR_AREAS)
        cep = f"{cep5}-{digits(rng, 3)}"
        st = f"{pick(rng, BR_STREETS)}, {rng.randint(10, 3000)}"
        if chance(rng, 0.5):
            st += f", apto {rng.randint(11, 190)}"
        if chance(rng, 0.5):
            return Addr([st, area, f"{cep} {city} - {uf}"], st, city, cep, cn, uf, "pt_BR", c)
        return Addr([f"{st} - {area}, {city} - {uf}, {cep}"], st, city, cep, cn, uf, "pt_BR", c)
    if c == "MX":
        col, mun, city, est, cp = pick(rng, MX_AREAS)
        st = f"{pick(rng, MX_STREETS)} {rng.randint(10, 2500)}"
        if chance(rng, 0.5):
            st += f", Int. {rng.randint(1, 40)}"
        return Addr([st, f"{col}, {mun}", f"C.P. {cp}, {city}, {est}"], st, city, cp, cn, est, "es_MX", c)
    if c == "ZA":
        area, city, pc = pick(rng, ZA_AREAS)
        st = f"{rng.randint(1, 300)} {pick(rng, ZA_STREETS)}"
        lines = ([f"Unit {rng.randint(1, 40)}, {pick(rng, ZA_COMPLEX)}"] if chance(rng, 0.4) else []) + [st, area, city, pc]
        return Addr(lines, st, city, pc, cn, None, "zu_ZA", c)
    if c == "NG":
        area, city, pc, state = pick(rng, NG_AREAS)
        st = f"{pick(rng, ['Plot ', 'No. ', ''])}{rng.randint(1, 250)}, {pick(rng, NG_STREETS)}"
        return Addr([st, area, f"{city} {pc}", state], st, city, pc, cn, state, "en_NG", c)
    raise ValueError(c)


CITIES = ["Lagos", "Manchester", "Kraków", "Bengaluru", "Leeds", "Glasgow", "Cork",
          "Lyon", "Hamburg", "Rotterdam", "Naples", "Seville", "Osaka", "Busan",
          "Hanoi", "Ho Chi Minh City", "Izmir", "Thessaloniki", "Bergen", "Gothenburg",
          "Galway", "São Paulo", "Guadalajara", "Durban", "Abuja", "Enugu", "Chennai",
          "Karachi", "Dhaka", "Nairobi", "Cairo", "Dubai", "Riyadh", "Toronto",
          "Chicago", "Houston", "Birmingham", "Bristol", "Brno", "Debrecen", "Aarhus",
          "Tampere", "Shenzhen", "Chengdu", "Hong Kong", "Kyoto", "Lahore", "Kumasi"]
COUNTRIES = ["Nigeria", "Poland", "India", "Pakistan", "Bangladesh", "Ireland",
             "France", "Germany", "the Netherlands", "Italy", "Spain", "Japan",
             "South Korea", "Vietnam", "Turkey", "Greece", "Norway", "Sweden",
             "Brazil", "Mexico", "South Africa", "Kenya", "Egypt", "the UAE",
             "Saudi Arabia", "Canada", "the USA", "China", "Ghana", "Hungary",
             "the Czech Republic", "Denmark", "Finland", "Jamaica", "Somalia"]

# ==========================================================================
# NRP
# ==========================================================================
NATIONALITIES = ["British", "Nigerian", "Indian", "Pakistani", "Polish", "Irish",
                 "Chinese", "Japanese", "South Korean", "Vietnamese", "Turkish",
                 "Greek", "Brazilian", "Mexican", "South African", "Dutch", "Italian",
                 "Spanish", "German", "French", "American", "Canadian", "Ghanaian",
                 "Somali", "Bangladeshi", "Filipino", "Egyptian", "Saudi", "Emirati",
                 "Swedish", "Norwegian", "Danish", "Hungarian", "Czech", "Romanian",
                 "Ukrainian", "Kenyan", "Jamaican", "Sri Lankan"]
RELIGIONS = ["Christian", "Muslim", "Hindu", "Sikh", "Jewish", "Buddhist",
             "Roman Catholic", "Church of England", "Greek Orthodox",
             "Jehovah's Witness", "Sunni Muslim", "Shia Muslim", "Methodist",
             "Pentecostal", "Seventh-day Adventist", "Jain"]
ETHNICITIES = ["White British", "Black African", "Black Caribbean", "Asian British",
               "White Irish", "Han Chinese", "Hispanic", "Latina", "Yoruba", "Igbo",
               "Hausa", "Tamil", "Kurdish", "Roma", "Punjabi", "Gujarati", "Pashtun",
               "Zulu", "Xhosa", "Berber", "Irish Traveller"]
POLITICAL = ["Labour Party", "Conservative Party", "Liberal Democrats", "Green Party",
             "Democratic Party", "Republican Party", "SNP", "Plaid Cymru",
             "Sinn Féin", "Christian Democratic Union", "Law and Justice party"]


def nationality_for(origin, rng):
    table = {"arabic": ["Egyptian", "Saudi", "Emirati", "Jordanian", "Moroccan"],
             "yoruba": ["Nigerian"], "igbo": ["Nigerian"], "tamil": ["Indian", "Sri Lankan"],
             "hindi": ["Indian"], "korean": ["South Korean"], "japanese": ["Japanese"],
             "chinese": ["Chinese"], "cantonese": ["Chinese", "Hong Kong"],
             "vietnamese": ["Vietnamese"], "polish": ["Polish"], "czech": ["Czech"],
             "hungarian": ["Hungarian"], "turkish": ["Turkish"], "greek": ["Greek", "Cypriot"],
             "scandinavian": ["Norwegian", "Swedish", "Danish"], "irish": ["Irish"],
             "hispanic": ["Spanish", "Mexican", "Colombian"], "lusophone": ["Brazilian", "Portuguese"],
             "dutch": ["Dutch"], "german": ["German", "Austrian"], "swahili": ["Kenyan", "Tanzanian"],
             "pakistani": ["Pakistani"]}
    return pick(rng, table.get(origin, NATIONALITIES))


# ==========================================================================
# Organisations and job titles
# ==========================================================================
_ORG_A = ["Harbourline", "Northbridge", "Castlegate", "Meridian", "Kestrel", "Aldgate",
          "Pennant", "Ravenscourt", "Silverbirch", "Thamesmead", "Halcyon", "Bramwell",
          "Crestwood", "Larkspur", "Oakhurst", "Marlowe", "Wexford", "Greyfriars",
          "Tidewater", "Juniper", "Sable Point", "Lindqvist", "Adeyemi", "Orbis"]
_ORG_B_BANK = ["Bank", "Mutual", "Building Society", "Savings Bank", "Private Bank",
               "Trust Bank", "Credit Union", "Finance"]
_ORG_B_INS = ["Insurance", "Life Assurance", "General Insurance", "Assurance",
              "Underwriting", "Health Insurance"]
_ORG_B_CO = ["Logistics", "Engineering", "Foods", "Textiles", "Consulting", "Software",
             "Construction", "Pharmaceuticals", "Media", "Shipping", "Property",
             "Solar", "Analytics", "Recruitment"]
_SUFFIX = ["Ltd", "plc", "LLP", "Limited", "Inc.", "LLC", "GmbH", "S.A.", "B.V.",
           "S.p.A.", "Sp. z o.o.", "s.r.o.", "Kft.", "AB", "A/S", "Pty Ltd",
           "K.K.", "Pvt Ltd", "Nigeria Ltd", "S.A. de C.V.", "Ltda."]
HOSPITALS = ["St Aldhelm's University Hospital", "Riverside General Hospital",
             "Mercy Vale Medical Center", "Queen Adelaide Infirmary",
             "Northgate Community Hospital", "Royal Wexmoor Hospital",
             "Lakeshore Children's Hospital", "St Brigid's Hospital",
             "Greyfriars Mental Health Unit", "Eastfield Maternity Unit",
             "Harrowgate Medical Practice", "Bramley Road Surgery",
             "Oakhurst Dialysis Centre", "Pinewood Hospice"]
SCHOOLS = ["University of Wexmoor", "Northgate College", "Kestrel Academy",
           "St Columba's High School", "Ravenscourt Institute of Technology"]


def org(rng, fk=None, kind=None, suffix=None):
    kind = kind or pick(rng, ["bank", "ins", "co", "co", "co", "faker"])
    if kind == "hospital":
        h = pick(rng, HOSPITALS)
        if chance(rng, 0.25) and h.endswith("Hospital"):
            h += " NHS Foundation Trust"
        return h
    if kind == "school":
        return pick(rng, SCHOOLS)
    if kind == "faker" and fk is not None:
        name = fk(pick(rng, ["en_US", "en_GB", "de_DE", "nl_NL", "en_IN"])).company()
        return name
    a = pick(rng, _ORG_A)
    b = pick(rng, {"bank": _ORG_B_BANK, "ins": _ORG_B_INS}.get(kind, _ORG_B_CO))
    name = f"{a} {b}"
    if suffix is None:
        suffix = chance(rng, 0.6)
    if suffix:
        name += " " + pick(rng, _SUFFIX if kind == "co" else ["plc", "Ltd", "Limited", "N.A.", "AG", "S.A."])
    return name


_SENIORITY = ["Senior", "Junior", "Lead", "Principal", "Assistant", "Deputy", "Chief",
              "Head of", "Associate", "Trainee", "Graduate"]
_ROLES_BANK = ["Relationship Manager", "Financial Crime Analyst", "Fraud Investigator",
               "Customer Service Adviser", "Credit Risk Officer", "Mortgage Adviser",
               "KYC Analyst", "Branch Manager", "Compliance Officer", "Teller",
               "Wealth Manager", "Collections Agent", "Underwriter"]
_ROLES_INS = ["Claims Handler", "Loss Adjuster", "Underwriter", "Actuary",
              "Claims Investigator", "Broker", "Customer Care Agent"]
_ROLES_MED = ["Staff Nurse", "Ward Manager", "Consultant Cardiologist",
              "Specialty Registrar", "Charge Nurse", "Healthcare Assistant",
              "Consultant Physician", "Clinical Nurse Specialist", "Pharmacist",
              "Foundation Year 2 Doctor", "Physiotherapist", "General Practitioner",
              "Biomedical Scientist", "Midwife", "Consultant Psychiatrist",
              "Discharge Coordinator", "Occupational Therapist"]
_ROLES_GEN = ["Software Engineer", "Accountant", "Teacher", "Electrician", "Warehouse Operative",
              "Project Manager", "HR Business Partner", "Solicitor", "Civil Engineer",
              "Bus Driver", "Chef", "Sales Executive", "Data Scientist", "Pharmacy Technician",
              "Marketing Manager", "Care Worker", "Quantity Surveyor", "Dentist",
              "Taxi Driver", "Lecturer", "Architect", "Paralegal", "Shop Manager",
              "Operations Director", "Payroll Administrator", "Security Officer"]


_SENIOR_OK = {"Software Engineer", "Accountant", "Project Manager", "HR Business Partner",
              "Solicitor", "Civil Engineer", "Sales Executive", "Data Scientist",
              "Marketing Manager", "Lecturer", "Architect", "Paralegal", "Quantity Surveyor",
              "Payroll Administrator", "Pharmacy Technician"}


def job(rng, domain="gen", fk=None):
    roles = {"bank": _ROLES_BANK, "ins": _ROLES_INS, "med": _ROLES_MED}.get(domain, _ROLES_GEN)
    if domain == "gen" and fk is not None and chance(rng, 0.25):
        j = fk("en_GB").job()
        if "," not in j and len(j) < 40:
            return j
    r = pick(rng, roles)
    if domain == "gen" and r not in _SENIOR_OK:
        return r
    if chance(rng, 0.45) and not r.startswith(("Consultant", "Chief", "Head")):
        s = pick(rng, _SENIORITY)
        if s == "Head of":
            return f"Head of {pick(rng, ['Fraud Operations', 'Claims', 'Retail Credit', 'Nursing', 'Compliance', 'Payments'])}"
        return f"{s} {r}"
    return r


# ==========================================================================
# Identifiers
# ==========================================================================
def card(rng, valid=None):
    if valid is None:
        valid = not chance(rng, 0.12)
    kind = wchoice(rng, [("visa", 5), ("mc", 4), ("amex", 1.5), ("disc", 0.7),
                         ("jcb", 0.5), ("up", 0.5), ("diners", 0.3)])
    if kind == "visa":
        n = luhn_number(rng, "4", 16, valid)
    elif kind == "mc":
        n = luhn_number(rng, pick(rng, ["51", "52", "53", "54", "55", "2221", "2720", "2304"]), 16, valid)
    elif kind == "amex":
        n = luhn_number(rng, pick(rng, ["34", "37"]), 15, valid)
        return pick(rng, [group(n, [4, 6, 5]), group(n, [4, 6, 5], "-"), n])
    elif kind == "disc":
        n = luhn_number(rng, "6011", 16, valid)
    elif kind == "jcb":
        n = luhn_number(rng, "35" + str(rng.randint(28, 89)), 16, valid)
    elif kind == "diners":
        n = luhn_number(rng, "36", 14, valid)
        return pick(rng, [group(n, [4, 6, 4]), n])
    else:
        n = luhn_number(rng, "62", pick(rng, [16, 19]), valid)
    return pick(rng, [group_every(n, 4), group_every(n, 4), group_every(n, 4, "-"), n,
                      group_every(n, 4, ".")])


IBAN_SPECS = {  # country: BBAN pattern (# digit, @ letter, ? alnum)
    "GB": "@@@@##############",
    "DE": "##################", "FR": "##########???????????##", "NL": "@@@@##########",
    "ES": "####################", "IT": "@######????????????", "PL": "########################",
    "BE": "############", "IE": "@@@@##############", "CH": "#####????????????",
    "AT": "################", "SE": "####################", "DK": "##############",
    "FI": "##############", "NO": "###########", "PT": "#####################",
    "GR": "#######????????????????", "CZ": "####################",
    "HU": "########################", "TR": "#####0????????????????",
    "AE": "###################", "SA": "##??????????????????", "LU": "###?????????????",
}
_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def iban(rng, country=None, valid=None):
    country = country or wchoice(rng, [("GB", 5), ("DE", 3), ("FR", 2), ("NL", 2), ("ES", 2),
                                        ("IT", 2)] + [(k, 1) for k in IBAN_SPECS])
    if valid is None:
        valid = not chance(rng, 0.1)
    bban = []
    for ch in IBAN_SPECS[country]:
        if ch == "#":
            bban.append(pick(rng, "0123456789"))
        elif ch == "@":
            bban.append(pick(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        elif ch == "?":
            bban.append(pick(rng, _ALNUM))
        else:
            bban.append(ch)
    bban = "".join(bban)
    chk = iban_check(country, bban)
    if not valid:
        chk = "%02d" % ((int(chk) + rng.randint(1, 50)) % 97 + 2)
        if chk == iban_check(country, bban):
            chk = "%02d" % ((int(chk) + 1) % 97 + 2)
    raw = country + chk + bban
    if chance(rng, 0.6):
        return group_every(raw, 4)
    return raw


def ssn(rng):
    area = rng.randint(1, 899)
    while area == 666:
        area = rng.randint(1, 899)
    s = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
    k = rng.randrange(10)
    if k == 0:
        return s.replace("-", "")
    if k == 1:
        return s.replace("-", " ")
    return s


US_DL = {
    "CA": ["@#######"], "NY": ["### ### ###", "#########"], "FL": ["@###-###-##-###-#", "@############"],
    "TX": ["########"], "IL": ["@###-####-####"], "WA": ["WDL@@@@###@@", "WDL#########"],
    "PA": ["## ### ###"], "NJ": ["@#### ##### #####"], "MI": ["@ ### ### ### ###"],
    "OH": ["@@######"], "GA": ["#########"], "MA": ["S########"], "AZ": ["@########"],
    "CO": ["##-###-####"], "VA": ["@##-##-####"],
}
US_STATE_NAMES = {"CA": "California", "NY": "New York", "FL": "Florida", "TX": "Texas",
                  "IL": "Illinois", "WA": "Washington", "PA": "Pennsylvania",
                  "NJ": "New Jersey", "MI": "Michigan", "OH": "Ohio", "GA": "Georgia",
                  "MA": "Massachusetts", "AZ": "Arizona", "CO": "Colorado", "VA": "Virginia"}


def us_dl(rng, state=None):
    state = state or pick(rng, list(US_DL))
    return state, fill(rng, pick(rng, US_DL[state]))


PASSPORT_FORMATS = {
    "GB": ("British", ["#########"]), "US": ("American", ["#########", "@########"]),
    "IE": ("Irish", ["@@#######"]), "DE": ("German", ["C@@##@@##", "C########"]),
    "FR": ("French", ["##@@#####"]), "IT": ("Italian", ["@@#######"]),
    "ES": ("Spanish", ["@@@######"]), "NL": ("Dutch", ["@@@#####%", "N@#####@#"]),
    "PL": ("Polish", ["@@#######"]), "IN": ("Indian", ["@#######"]),
    "NG": ("Nigerian", ["@########", "@#######"]), "CN": ("Chinese", ["E########", "EA#######"]),
    "JP": ("Japanese", ["@@#######"]), "KR": ("Korean", ["M########", "M###@####"]),
    "BR": ("Brazilian", ["@@######"]), "MX": ("Mexican", ["@########"]),
    "ZA": ("South African", ["@########", "M########"]), "CA": ("Canadian", ["@@######"]),
    "AU": ("Australian", ["P@#######", "@#######"]), "TR": ("Turkish", ["U########"]),
    "GR": ("Greek", ["@@#######"]), "PK": ("Pakistani", ["@@#######"]),
    "VN": ("Vietnamese", ["@#######"]), "SE": ("Swedish", ["########"]),
}


def passport(rng, country=None):
    country = country or pick(rng, list(PASSPORT_FORMATS))
    nat, pats = PASSPORT_FORMATS[country]
    return country, nat, fill(rng, pick(rng, pats))


def nhs_number(rng, valid=True):
    while True:
        body = digits(rng, 9, True)
        s = sum(int(d) * w for d, w in zip(body, range(10, 1, -1)))
        chk = 11 - s % 11
        if chk == 11:
            chk = 0
        if chk == 10:
            continue
        if not valid:
            chk = (chk + rng.randint(1, 9)) % 10
        n = body + str(chk)
        return pick(rng, [group(n, [3, 3, 4]), group(n, [3, 3, 4]), n, group(n, [3, 3, 4], "-")])


def mrn(rng):
    return fill(rng, pick(rng, ["MRN#######", "########", "@######", "RX-######",
                                "H#########", "K#######", "#######@", "MR-####-####",
                                "E#######", "00######"]))


def nino(rng):
    first = pick(rng, "ABCEGHJKLMNOPRSTWXYZ")
    second = pick(rng, "ABCEGHJKLMNPRSTWXYZ")
    while first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        second = pick(rng, "ABCEGHJKLMNPRSTWXYZ")
    d = digits(rng, 6)
    suf = pick(rng, "ABCD")
    return pick(rng, [f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {suf}", f"{first}{second}{d}{suf}",
                      f"{first}{second} {d} {suf}"])


def aadhaar(rng, valid=True):
    body = str(rng.randint(2, 9)) + digits(rng, 10)
    chk = verhoeff_digit(body)
    if not valid:
        chk = str((int(chk) + rng.randint(1, 9)) % 10)
    n = body + chk
    return pick(rng, [group_every(n, 4), n, group_every(n, 4, "-")])


def pan(rng, p=None):
    fam = fold(p.family if p else "X").upper()
    ch = fam[0] if fam and fam[0].isalpha() else "K"
    return letters(rng, 3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "P" + ch + digits(rng, 4) + letters(rng, 1)


def cpf(rng, valid=True):
    b = [rng.randint(0, 9) for _ in range(9)]
    d1 = (sum(x * w for x, w in zip(b, range(10, 1, -1))) * 10) % 11 % 10
    d2 = (sum(x * w for x, w in zip(b + [d1], range(11, 1, -1))) * 10) % 11 % 10
    if not valid:
        d2 = (d2 + 3) % 10
    s = "".join(map(str, b)) + f"{d1}{d2}"
    return pick(rng, [f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}", s])


def pesel(rng, dob, sex, valid=True):
    y, m, d = dob.year, dob.month, dob.day
    mm = m + (20 if y >= 2000 else 0)
    serial = digits(rng, 3) + str(rng.choice([1, 3, 5, 7, 9] if sex == "M" else [0, 2, 4, 6, 8]))
    body = f"{y % 100:02d}{mm:02d}{d:02d}{serial}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    chk = (10 - sum(int(c) * k for c, k in zip(body, w)) % 10) % 10
    if not valid:
        chk = (chk + 5) % 10
    return body + str(chk)


def bsn(rng, valid=True):
    while True:
        b = [rng.randint(0, 9) for _ in range(8)]
        b[0] = rng.randint(1, 6)
        s = sum(x * w for x, w in zip(b, range(9, 1, -1)))
        last = s % 11
        if last < 10:
            break
    if not valid:
        last = (last + 1) % 10
    return "".join(map(str, b)) + str(last)


def dni(rng, nie=False, valid=True):
    table = "TRWAGMYFPDXBNJZSQVHLCKE"
    if nie:
        p = rng.randint(0, 2)
        n = digits(rng, 7)
        letter = table[int(str(p) + n) % 23]
        if not valid:
            letter = table[(table.index(letter) + 1) % 23]
        return f"{'XYZ'[p]}{n}{letter}" if chance(rng, 0.6) else f"{'XYZ'[p]}-{n}-{letter}"
    n = digits(rng, 8)
    letter = table[int(n) % 23]
    if not valid:
        letter = table[(table.index(letter) + 2) % 23]
    return f"{n}{letter}" if chance(rng, 0.7) else f"{n}-{letter}"


def sin_ca(rng, valid=True):
    n = luhn_number(rng, str(pick(rng, [1, 2, 3, 4, 5, 6, 7, 9])), 9, valid)
    return pick(rng, [group(n, [3, 3, 3]), group(n, [3, 3, 3], "-"), n])


def personnummer(rng, dob, valid=True):
    body = dob.strftime("%y%m%d") + digits(rng, 3)
    chk = luhn_digit(body)
    if not valid:
        chk = str((int(chk) + 4) % 10)
    return pick(rng, [f"{body[:6]}-{body[6:]}{chk}", f"{dob.year}{body[2:6]}-{body[6:]}{chk}"])


def hetu(rng, dob, valid=True):
    base = dob.strftime("%d%m%y")
    ind = f"{rng.randint(2, 899):03d}"
    chars = "0123456789ABCDEFHJKLMNPRSTUVWXY"
    c = chars[int(base + ind) % 31]
    if not valid:
        c = chars[(chars.index(c) + 7) % 31]
    sign = "-" if dob.year < 2000 else "A"
    return f"{base}{sign}{ind}{c}"


def cpr(rng, dob):
    return dob.strftime("%d%m%y") + "-" + digits(rng, 4)


def za_id(rng, dob, sex, valid=True):
    g = rng.randint(5000, 9999) if sex == "M" else rng.randint(0, 4999)
    body = dob.strftime("%y%m%d") + f"{g:04d}" + pick(rng, "01") + "8"
    chk = luhn_digit(body)
    if not valid:
        chk = str((int(chk) + 2) % 10)
    n = body + chk
    return pick(rng, [n, f"{n[:6]} {n[6:10]} {n[10:]}"])


def rrn(rng, dob, sex, valid=True):
    g = (1 if sex == "M" else 2) if dob.year < 2000 else (3 if sex == "M" else 4)
    body = dob.strftime("%y%m%d") + str(g) + digits(rng, 5)
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    chk = (11 - sum(int(c) * k for c, k in zip(body, w)) % 11) % 10
    if not valid:
        chk = (chk + 1) % 10
    return f"{body[:6]}-{body[6:]}{chk}"


def nric(rng, valid=True):
    pre = pick(rng, "ST")
    d = digits(rng, 7)
    w = [2, 7, 6, 5, 4, 3, 2]
    s = sum(int(c) * k for c, k in zip(d, w)) + (4 if pre == "T" else 0)
    letter = "JZIHGFEDCBA"[s % 11]
    if not valid:
        letter = "JZIHGFEDCBA"[(s + 3) % 11]
    return f"{pre}{d}{letter}"


def tc_kimlik(rng, valid=True):
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    if not valid:
        d11 = (d11 + 1) % 10
    return "".join(map(str, d)) + f"{d10}{d11}"


def nir(rng, dob, sex, valid=True):
    dep = pick(rng, ["75", "69", "13", "33", "59", "2A", "44", "92", "93"])
    commune = f"{rng.randint(1, 999):03d}"
    order = f"{rng.randint(1, 999):03d}"
    s = f"{1 if sex == 'M' else 2}{dob.year % 100:02d}{dob.month:02d}{dep}{commune}{order}"
    numeric = s.replace("2A", "19")
    key = 97 - int(numeric) % 97
    if not valid:
        key = (key % 96) + 1
    return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {key:02d}"


def my_number(rng, valid=True):
    b = digits(rng, 11)
    total = 0
    for n in range(1, 12):
        p = int(b[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    r = total % 11
    chk = 0 if r <= 1 else 11 - r
    if not valid:
        chk = (chk + 1) % 10
    n = b + str(chk)
    return pick(rng, [group_every(n, 4), n])


def hkid(rng, valid=True):
    letter = pick(rng, "ABCDEGHKMPRVYZ")
    d = digits(rng, 6)
    s = 36 * 9 + (ord(letter) - 55) * 8 + sum(int(c) * w for c, w in zip(d, range(7, 1, -1)))
    r = 11 - s % 11
    chk = "0" if r == 11 else ("A" if r == 10 else str(r))
    if not valid:
        chk = str((int(chk) + 1) % 10) if chk.isdigit() else "3"
    return f"{letter}{d}({chk})"


_CF_ODD = {c: v for c, v in zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                 [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17,
                                  19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23])}


def codice_fiscale(p, dob, rng, valid=True):
    def cons(s):
        return [c for c in s if c.isalpha() and c not in "AEIOU"]

    def vows(s):
        return [c for c in s if c in "AEIOU"]

    sur = fold(p.family).upper().replace(" ", "").replace("'", "")
    nam = fold(p.given.split(" ")[0]).upper()
    s3 = (cons(sur) + vows(sur) + ["X"] * 3)[:3]
    nc = cons(nam)
    n3 = [nc[0], nc[2], nc[3]] if len(nc) >= 4 else (nc + vows(nam) + ["X"] * 3)[:3]
    day = dob.day + (40 if p.sex == "F" else 0)
    muni = pick(rng, ["H501", "F205", "F839", "L219", "A944", "D612", "G273"])
    body = "".join(s3 + n3) + f"{dob.year % 100:02d}" + "ABCDEHLMPRST"[dob.month - 1] + f"{day:02d}" + muni
    tot = 0
    for i, c in enumerate(body):
        if i % 2 == 0:
            tot += _CF_ODD[c]
        else:
            tot += int(c) if c.isdigit() else ord(c) - 65
    chk = chr(65 + tot % 26)
    if not valid:
        chk = chr(65 + (tot + 5) % 26)
    return body + chk


def curp(p, dob, rng):
    fam = fold(p.family).upper().split(" ")
    g = fold(p.given).upper()
    f1 = fam[0] if fam[0] not in ("DE", "LA", "DEL") else (fam[-1] if len(fam) > 1 else "X")
    f2 = fam[1] if len(fam) > 1 and fam[1] not in ("DE", "LA", "DEL") else "X"
    vow = next((c for c in f1[1:] if c in "AEIOU"), "X")

    def ic(s):
        return next((c for c in s[1:] if c.isalpha() and c not in "AEIOU"), "X")
    state = pick(rng, ["DF", "JC", "NL", "PL", "VZ", "GT", "MC"])
    body = (f1[0] + vow + f2[0] + g[0] + dob.strftime("%y%m%d") + ("H" if p.sex == "M" else "M")
            + state + ic(f1) + ic(f2) + ic(g) + ("0" if dob.year < 2000 else "A"))
    alpha = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    s = sum(alpha.index(c) * (18 - i) for i, c in enumerate(body) if c in alpha)
    return body + str((10 - s % 10) % 10)


def ppsn(rng, valid=True):
    d = digits(rng, 7)
    second = pick(rng, ["", "", "A", "W"])
    tot = sum(int(c) * w for c, w in zip(d, range(8, 1, -1))) + (9 if second == "A" else 0)
    table = "WABCDEFGHIJKLMNOPQRSTUV"
    c = table[tot % 23]
    if not valid:
        c = table[(tot + 4) % 23]
    return d + c + second


def tfn(rng, valid=True):
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        b = digits(rng, 8, True)
        s = sum(int(c) * k for c, k in zip(b, w))
        for last in range(10):
            if (s + last * 10) % 11 == 0:
                n = b + str(last)
                if not valid:
                    n = b + str((last + 1) % 10)
                return pick(rng, [f"{n[:3]} {n[3:6]} {n[6:]}", n])


def rodne_cislo(rng, dob, sex, valid=True):
    mm = dob.month + (50 if sex == "F" else 0)
    head = f"{dob.year % 100:02d}{mm:02d}{dob.day:02d}"
    while True:
        tail = digits(rng, 3)
        base = int(head + tail)
        chk = (11 - (base * 10) % 11) % 11
        if chk < 10:
            break
    if not valid:
        chk = (chk + 1) % 10
    return f"{head}/{tail}{chk}"


def taj(rng, valid=True):
    b = digits(rng, 8, True)
    s = sum(int(c) * (3 if i % 2 == 0 else 7) for i, c in enumerate(b))
    chk = s % 10
    if not valid:
        chk = (chk + 1) % 10
    n = b + str(chk)
    return pick(rng, [f"{n[:3]} {n[3:6]} {n[6:]}", n])


def nin_ng(rng):
    return digits(rng, 11, True)


def national_id(rng, p, dob, country=None, valid=None):
    """Returns (country, scheme_name, value)."""
    if valid is None:
        valid = not chance(rng, 0.1)
    country = country or pick(rng, ["GB", "IN", "IN_PAN", "BR", "PL", "NL", "ES", "ES_NIE", "CA",
                                    "SE", "FI", "DK", "ZA", "KR", "SG", "TR", "FR", "JP", "HK",
                                    "IT", "MX", "NG", "IE", "AU", "CZ", "HU"])
    if country == "GB":
        return country, "National Insurance number", nino(rng)
    if country == "IN":
        return country, "Aadhaar", aadhaar(rng, valid)
    if country == "IN_PAN":
        return country, "PAN", pan(rng, p)
    if country == "BR":
        return country, "CPF", cpf(rng, valid)
    if country == "PL":
        return country, "PESEL", pesel(rng, dob, p.sex, valid)
    if country == "NL":
        return country, "BSN", bsn(rng, valid)
    if country == "ES":
        return country, "DNI", dni(rng, False, valid)
    if country == "ES_NIE":
        return country, "NIE", dni(rng, True, valid)
    if country == "CA":
        return country, "SIN", sin_ca(rng, valid)
    if country == "SE":
        return country, "personnummer", personnummer(rng, dob, valid)
    if country == "FI":
        return country, "henkilötunnus", hetu(rng, dob, valid)
    if country == "DK":
        return country, "CPR number", cpr(rng, dob)
    if country == "ZA":
        return country, "SA ID number", za_id(rng, dob, p.sex, valid)
    if country == "KR":
        return country, "resident registration number", rrn(rng, dob, p.sex, valid)
    if country == "SG":
        return country, "NRIC", nric(rng, valid)
    if country == "TR":
        return country, "T.C. Kimlik No", tc_kimlik(rng, valid)
    if country == "FR":
        return country, "numéro de sécurité sociale", nir(rng, dob, p.sex, valid)
    if country == "JP":
        return country, "My Number", my_number(rng, valid)
    if country == "HK":
        return country, "HKID", hkid(rng, valid)
    if country == "IT":
        return country, "codice fiscale", codice_fiscale(p, dob, rng, valid)
    if country == "MX":
        return country, "CURP", curp(p, dob, rng)
    if country == "IE":
        return country, "PPS number", ppsn(rng, valid)
    if country == "AU":
        return country, "TFN", tfn(rng, valid)
    if country == "CZ":
        return country, "rodné číslo", rodne_cislo(rng, dob, p.sex, valid)
    if country == "HU":
        return country, "TAJ number", taj(rng, valid)
    return "NG", "NIN", nin_ng(rng)


def uk_account(rng):
    return digits(rng, 8)


def sort_code(rng):
    return f"{rng.randint(10, 99)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"


def us_account(rng):
    return digits(rng, rng.randint(10, 12), True)


def routing(rng):
    return digits(rng, 9, True)


def bic(rng):
    return letters(rng, 4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + pick(rng, ["GB", "DE", "FR", "NL", "NG", "IN"]) + \
        letters(rng, 2, "ABCDEFGHJKLMNPRSTUVWXYZ23") + (pick(rng, ["", "XXX", "123"]))


def policy_no(rng):
    return fill(rng, pick(rng, ["POL-#######", "@@########", "HL/####/#####", "MTR-##-######",
                                "LP########", "#########-@"]))


def customer_no(rng):
    return fill(rng, pick(rng, ["CUS-########", "C########", "##########", "MBR-#######",
                                "########-##"]))


def claim_ref(rng):  # NOT labelled
    return fill(rng, pick(rng, ["CLM-####-#####", "CL########", "#######/CL", "C-2024-######"]))


def order_ref(rng):  # NOT labelled
    return fill(rng, pick(rng, ["ORD-#########", "#@@-########", "INV-2024-#####", "PO######",
                                "TKT-######", "SR-#######", "CASE-######", "REF@@####"]))


_CURRENCY = {"cur": None}
COUNTRY_CURRENCY = {"GB": "£", "US": "$", "IE": "€", "FR": "€", "DE": "€", "NL": "€", "IT": "€",
                    "ES": "€", "PL": "PLN ", "JP": "¥", "IN": "₹", "BR": "R$", "MX": "MXN ",
                    "ZA": "R", "NG": "₦", "AU": "A$", "CA": "C$", "SE": "SEK ", "CZ": "CZK ",
                    "HU": "HUF ", "DK": "DKK "}


def set_currency(country):
    _CURRENCY["cur"] = COUNTRY_CURRENCY.get(country) if country else None


def amount(rng):
    cur = pick(rng, ["£", "$", "€", "GBP ", "USD ", "EUR ", "₦", "R", "₹"])
    if _CURRENCY["cur"] and chance(rng, 0.85):
        cur = _CURRENCY["cur"]
    return f"{cur}{rng.randint(5, 25000):,}.{rng.randint(0, 99):02d}"


def vehicle_reg(rng):
    return fill(rng, pick(rng, ["@@## @@@", "@### @@@", "@@##@@@"]))


# ==========================================================================
# Dates and ages
# ==========================================================================
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def rdate(rng, start=2021, end=2025):
    a = _dt.date(start, 1, 1).toordinal()
    b = _dt.date(end, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(a, b))


def rdob(rng, min_age=18, max_age=92, ref_year=2024):
    y = ref_year - rng.randint(min_age, max_age)
    return _dt.date.fromordinal(rng.randint(_dt.date(y, 1, 1).toordinal(), _dt.date(y, 12, 31).toordinal()))


def age_at(dob, ref):
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


DATE_STYLES = ["iso", "dmy_slash", "d_mon_y", "d_month_y", "month_d_y", "month_dth_y",
               "dd.mm.yy", "dd.mm.yyyy", "mon_d_y", "dth_of_month_y", "dd-mon-yyyy",
               "m/d/yyyy", "ymd_slash", "d/m/yy", "DD-MON-YYYY"]


def fdate(rng, d, style=None, us=False):
    style = style or pick(rng, DATE_STYLES)
    mon = MONTHS[d.month - 1]
    if style == "iso":
        return d.isoformat()
    if style == "dmy_slash":
        return d.strftime("%m/%d/%Y") if us else d.strftime("%d/%m/%Y")
    if style == "d_mon_y":
        return f"{d.day} {mon[:3]} {d.year}"
    if style == "d_month_y":
        return f"{d.day} {mon} {d.year}"
    if style == "month_d_y":
        return f"{mon} {d.day}, {d.year}"
    if style == "month_dth_y":
        return f"{mon} {ordinal(d.day)}, {d.year}" if chance(rng, 0.5) else f"{mon} {ordinal(d.day)} {d.year}"
    if style == "dd.mm.yy":
        return d.strftime("%d.%m.%y")
    if style == "dd.mm.yyyy":
        return d.strftime("%d.%m.%Y")
    if style == "mon_d_y":
        return f"{mon[:3]} {d.day} {d.year}"
    if style == "dth_of_month_y":
        return f"{ordinal(d.day)} of {mon} {d.year}" if chance(rng, 0.5) else f"{ordinal(d.day)} {mon} {d.year}"
    if style == "dd-mon-yyyy":
        return f"{d.day:02d}-{mon[:3]}-{d.year}"
    if style == "DD-MON-YYYY":
        return f"{d.day:02d}-{mon[:3].upper()}-{d.year}"
    if style == "m/d/yyyy":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "ymd_slash":
        return d.strftime("%Y/%m/%d")
    if style == "d/m/yy":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if style == "short":  # no year
        return f"{mon} {ordinal(d.day)}" if chance(rng, 0.5) else f"{d.day} {mon[:3]}"
    if style == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    raise ValueError(style)


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def num_words(n):
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    return "one hundred" + (" and " + num_words(n - 100) if n > 100 else "")


def age_text(rng, n, words_p=0.2):
    return num_words(n) if chance(rng, words_p) else str(n)
