"""English / shared value generators for pii_eval6.

Everything here was written for this set: country profiles (real city and region names, postcode, phone,
national-ID, passport and address formats), age and date surface forms, organisations, job titles and near-miss
distractors. faker supplies personal names, street names and some company names.
"""

from __future__ import annotations

import random
import string
import unicodedata

from common import fake, iban_digits, luhn_check, ndigits

UP = string.ascii_uppercase


def pick(r: random.Random, seq):
    return seq[r.randrange(len(seq))]


def d(r, n, lead=False):
    return ndigits(r, n, lead)


# ---------------------------------------------------------------- postcodes (standalone-capable)

_GB_AREAS = ["SW", "SE", "N", "NW", "E", "W", "EC", "WC", "M", "B", "L", "LS", "G", "EH", "CF", "BS", "NE", "S",
             "NG", "LE", "CV", "OX", "CB", "BT", "AB", "DD", "PL", "EX", "YO", "HU", "RG", "GU", "TN", "BN", "SO"]
_GB_IN = "ABDEFGHJLNPQRSTUWXYZ"


def pc_gb(r):
    a = pick(r, _GB_AREAS)
    dist = str(r.randint(1, 28))
    if a in ("SW", "W", "EC", "WC") and r.random() < 0.3:
        dist = str(r.randint(1, 9)) + pick(r, "ABCHMPNVXY")
    return f"{a}{dist} {r.randint(0, 9)}{pick(r, _GB_IN)}{pick(r, _GB_IN)}"


_EIR_KEYS = ["D02", "D04", "D08", "D6W", "D15", "D24", "A94", "A96", "T12", "T23", "H91", "V94", "F94", "X91",
             "R95", "N37", "P31", "W23", "Y35", "K78"]
_EIR_CH = "ACDEFHKNPRTVWXY0123456789"


def pc_ie(r):
    return pick(r, _EIR_KEYS) + " " + "".join(pick(r, _EIR_CH) for _ in range(4))


def pc_ca(r):
    L1 = "ABCEGHJKLMNPRSTVXY"
    L = "ABCEGHJKLMNPRSTVWXYZ"
    return f"{pick(r, L1)}{r.randint(0, 9)}{pick(r, L)} {r.randint(0, 9)}{pick(r, L)}{r.randint(0, 9)}"


def pc_us(r):
    z = f"{r.randint(1001, 99950):05d}"
    return z + "-" + d(r, 4) if r.random() < 0.3 else z


def pc_nl(r):
    while True:
        s = pick(r, UP) + pick(r, UP)
        if s not in ("SA", "SD", "SS"):
            break
    return f"{r.randint(1000, 9999)} {s}"


def pc_jp(r):
    return f"{r.randint(100, 999)}-{d(r, 4)}"


def pc_in(r):
    return f"{r.randint(1, 8)}{d(r, 5)}" if r.random() < 0.8 else f"{r.randint(1, 8)}{d(r, 2)} {d(r, 3)}"


POSTCODE = {
    "en_GB": pc_gb, "en_IE": pc_ie, "en_CA": pc_ca, "en_US": pc_us, "nl_NL": pc_nl, "ja_JP": pc_jp, "en_IN": pc_in,
    "en_AU": lambda r: f"{pick(r, ['2', '3', '4', '5', '6', '7'])}{d(r, 3)}" if r.random() < 0.9 else f"08{d(r, 2)}",
    "en_NZ": lambda r: f"{r.randint(1010, 9893)}",
    "fr_FR": lambda r: f"{r.randint(1, 95):02d}{d(r, 3)}",
    "de_DE": lambda r: f"{r.randint(1067, 99998):05d}",
    "de_AT": lambda r: f"{r.randint(1010, 9992)}",
    "de_CH": lambda r: f"{r.randint(1000, 9658)}",
    "es_ES": lambda r: f"{r.randint(1, 52):02d}{d(r, 3)}",
    "es_MX": lambda r: f"{r.randint(1000, 99999):05d}",
    "it_IT": lambda r: f"{r.randint(10, 98):02d}{d(r, 3)}" if r.random() < 0.7 else f"00{r.randint(118, 199)}",
    "pt_BR": lambda r: f"{r.randint(10000, 99999)}-{d(r, 3)}",
    "pt_PT": lambda r: f"{r.randint(1000, 9999)}-{d(r, 3)}",
    "nl_BE": lambda r: f"{r.randint(1000, 9992)}",
    "pl_PL": lambda r: f"{r.randint(0, 99):02d}-{d(r, 3)}",
    "cs_CZ": lambda r: f"{r.randint(100, 799)} {d(r, 2)}",
    "sv_SE": lambda r: f"{r.randint(100, 984)} {d(r, 2)}",
    "da_DK": lambda r: f"{r.randint(1000, 9990)}",
    "no_NO": lambda r: f"{r.randint(1, 9991):04d}",
    "fi_FI": lambda r: f"{r.randint(0, 99):02d}{d(r, 2)}0",
    "tr_TR": lambda r: f"{r.randint(1, 81):02d}{d(r, 3)}",
    "hu_HU": lambda r: f"{r.randint(1011, 9985)}",
    "ro_RO": lambda r: f"{r.randint(10000, 999999):06d}",
    "el_GR": lambda r: f"{r.randint(100, 851)} {d(r, 2)}",
    "ko_KR": lambda r: f"{r.randint(1000, 63644):05d}",
    "vi_VN": lambda r: f"{r.randint(10000, 99999)}",
    "id_ID": lambda r: f"{r.randint(10110, 99974)}",
    "fil_PH": lambda r: f"{r.randint(400, 9811):04d}",
    "th_TH": lambda r: f"{r.randint(10, 96)}{d(r, 3)}",
}

# Prefixed / styled variants that real forms use.
PC_STYLE = {
    "de_DE": lambda r, p: ("D-" + p) if r.random() < 0.15 else p,
    "de_AT": lambda r, p: ("A-" + p) if r.random() < 0.25 else p,
    "de_CH": lambda r, p: ("CH-" + p) if r.random() < 0.25 else p,
    "sv_SE": lambda r, p: ("SE-" + p) if r.random() < 0.2 else p,
    "da_DK": lambda r, p: ("DK-" + p) if r.random() < 0.2 else p,
    "ja_JP": lambda r, p: ("〒" + p) if r.random() < 0.5 else p,
    "hu_HU": lambda r, p: ("H-" + p) if r.random() < 0.2 else p,
    "fi_FI": lambda r, p: ("FI-" + p) if r.random() < 0.15 else p,
}

PC_CUE = {
    "en_GB": ["postcode", "post code", "Postcode", "PC"], "en_IE": ["Eircode", "eircode", "postcode"],
    "en_US": ["ZIP", "zip code", "ZIP code", "zip"], "en_CA": ["postal code", "Postal Code", "code postal"],
    "en_AU": ["postcode", "P/code"], "en_NZ": ["postcode"], "en_IN": ["PIN code", "PIN", "pincode"],
    "de_DE": ["PLZ", "Postleitzahl"], "de_AT": ["PLZ"], "de_CH": ["PLZ", "NPA"], "fr_FR": ["code postal", "CP"],
    "it_IT": ["CAP", "C.A.P."], "es_ES": ["C.P.", "código postal"], "es_MX": ["C.P.", "CP"],
    "pt_BR": ["CEP"], "pt_PT": ["código postal", "CP"], "nl_NL": ["postcode"], "nl_BE": ["postcode"],
    "pl_PL": ["kod pocztowy", "kod"], "cs_CZ": ["PSČ"], "sv_SE": ["postnummer", "postnr"], "da_DK": ["postnr."],
    "no_NO": ["postnummer"], "fi_FI": ["postinumero"], "tr_TR": ["posta kodu"], "hu_HU": ["irányítószám"],
    "ro_RO": ["cod poștal"], "el_GR": ["T.K.", "postal code"], "ja_JP": ["postal code", "〒"],
    "ko_KR": ["postal code"], "vi_VN": ["postal code"], "id_ID": ["kode pos"], "fil_PH": ["ZIP code"],
    "th_TH": ["postal code"],
}

# ---------------------------------------------------------------- country profiles

CITIES = {
    "en_GB": [("Leeds", "West Yorkshire"), ("Bristol", "Avon"), ("Norwich", "Norfolk"), ("Swansea", "Wales"),
              ("Aberdeen", "Scotland"), ("Derby", "Derbyshire"), ("Exeter", "Devon"), ("Belfast", "Northern Ireland"),
              ("Sheffield", "South Yorkshire"), ("Reading", "Berkshire"), ("Carlisle", "Cumbria"),
              ("Brighton", "East Sussex"), ("Stockport", "Greater Manchester"), ("Inverness", "Highland")],
    "en_IE": [("Galway", "Connacht"), ("Cork", "Munster"), ("Limerick", "Co. Limerick"), ("Sligo", "Co. Sligo"),
              ("Drogheda", "Co. Louth"), ("Kilkenny", "Co. Kilkenny"), ("Dublin", "Leinster"), ("Tralee", "Co. Kerry")],
    "en_AU": [("Parramatta", "NSW"), ("Geelong", "VIC"), ("Toowoomba", "QLD"), ("Fremantle", "WA"),
              ("Hobart", "TAS"), ("Wollongong", "NSW"), ("Ballarat", "VIC"), ("Cairns", "QLD"), ("Adelaide", "SA")],
    "en_NZ": [("Hamilton", "Waikato"), ("Dunedin", "Otago"), ("Nelson", "Tasman"), ("Tauranga", "Bay of Plenty"),
              ("Napier", "Hawke's Bay"), ("Christchurch", "Canterbury"), ("Palmerston North", "Manawatū")],
    "en_IN": [("Pune", "Maharashtra"), ("Kochi", "Kerala"), ("Jaipur", "Rajasthan"), ("Lucknow", "Uttar Pradesh"),
              ("Bengaluru", "Karnataka"), ("Coimbatore", "Tamil Nadu"), ("Indore", "Madhya Pradesh"),
              ("Bhubaneswar", "Odisha"), ("Chandigarh", "Punjab")],
    "en_CA": [("Halifax", "NS"), ("Kitchener", "ON"), ("Saskatoon", "SK"), ("Victoria", "BC"), ("Laval", "QC"),
              ("Moncton", "NB"), ("Red Deer", "AB"), ("Thunder Bay", "ON"), ("Kelowna", "BC")],
    "en_US": [("Tucson", "AZ"), ("Boise", "ID"), ("Dayton", "OH"), ("Spokane", "WA"), ("Savannah", "GA"),
              ("Albany", "NY"), ("Fresno", "CA"), ("Omaha", "NE"), ("Knoxville", "TN"), ("Providence", "RI"),
              ("Madison", "WI"), ("El Paso", "TX"), ("Baton Rouge", "LA")],
    "fr_FR": [("Lyon", "Auvergne-Rhône-Alpes"), ("Rennes", "Bretagne"), ("Lille", "Hauts-de-France"),
              ("Montpellier", "Occitanie"), ("Nantes", "Pays de la Loire"), ("Dijon", "Bourgogne"),
              ("Besançon", "Franche-Comté"), ("Limoges", "Nouvelle-Aquitaine")],
    "de_DE": [("Leipzig", "Sachsen"), ("Freiburg im Breisgau", "Baden-Württemberg"), ("Münster", "Nordrhein-Westfalen"),
              ("Rostock", "Mecklenburg-Vorpommern"), ("Regensburg", "Bayern"), ("Kassel", "Hessen"),
              ("Würzburg", "Bayern"), ("Kiel", "Schleswig-Holstein")],
    "de_AT": [("Graz", "Steiermark"), ("Linz", "Oberösterreich"), ("Innsbruck", "Tirol"), ("Salzburg", "Salzburg"),
              ("Klagenfurt", "Kärnten"), ("Wien", "Wien")],
    "de_CH": [("Basel", "Basel-Stadt"), ("Winterthur", "Zürich"), ("Luzern", "Luzern"), ("St. Gallen", "St. Gallen"),
              ("Bern", "Bern"), ("Lugano", "Ticino")],
    "es_ES": [("Valencia", "Comunidad Valenciana"), ("Zaragoza", "Aragón"), ("Málaga", "Andalucía"),
              ("Bilbao", "País Vasco"), ("Valladolid", "Castilla y León"), ("Murcia", "Región de Murcia"),
              ("Oviedo", "Asturias")],
    "es_MX": [("Guadalajara", "Jalisco"), ("Monterrey", "Nuevo León"), ("Puebla", "Puebla"), ("Mérida", "Yucatán"),
              ("Querétaro", "Querétaro"), ("Oaxaca de Juárez", "Oaxaca"), ("Tijuana", "Baja California")],
    "it_IT": [("Bologna", "Emilia-Romagna"), ("Torino", "Piemonte"), ("Bari", "Puglia"), ("Verona", "Veneto"),
              ("Palermo", "Sicilia"), ("Firenze", "Toscana"), ("Trieste", "Friuli-Venezia Giulia")],
    "pt_BR": [("Curitiba", "PR"), ("Recife", "PE"), ("Belo Horizonte", "MG"), ("Porto Alegre", "RS"),
              ("Salvador", "BA"), ("Fortaleza", "CE"), ("Campinas", "SP"), ("Manaus", "AM")],
    "pt_PT": [("Porto", "Norte"), ("Braga", "Norte"), ("Coimbra", "Centro"), ("Faro", "Algarve"),
              ("Setúbal", "Área Metropolitana de Lisboa"), ("Aveiro", "Centro")],
    "nl_NL": [("Utrecht", "Utrecht"), ("Groningen", "Groningen"), ("Eindhoven", "Noord-Brabant"),
              ("Haarlem", "Noord-Holland"), ("Nijmegen", "Gelderland"), ("Leeuwarden", "Friesland"), ("Delft", "Zuid-Holland")],
    "nl_BE": [("Gent", "Oost-Vlaanderen"), ("Leuven", "Vlaams-Brabant"), ("Brugge", "West-Vlaanderen"),
              ("Antwerpen", "Antwerpen"), ("Hasselt", "Limburg"), ("Mechelen", "Antwerpen")],
    "pl_PL": [("Kraków", "małopolskie"), ("Wrocław", "dolnośląskie"), ("Gdańsk", "pomorskie"), ("Poznań", "wielkopolskie"),
              ("Lublin", "lubelskie"), ("Łódź", "łódzkie"), ("Białystok", "podlaskie")],
    "cs_CZ": [("Brno", "Jihomoravský kraj"), ("Ostrava", "Moravskoslezský kraj"), ("Plzeň", "Plzeňský kraj"),
              ("Olomouc", "Olomoucký kraj"), ("Liberec", "Liberecký kraj"), ("Praha", "Praha")],
    "sv_SE": [("Göteborg", "Västra Götaland"), ("Malmö", "Skåne"), ("Uppsala", "Uppsala län"), ("Umeå", "Västerbotten"),
              ("Linköping", "Östergötland"), ("Örebro", "Örebro län")],
    "da_DK": [("Aarhus", "Midtjylland"), ("Odense", "Syddanmark"), ("Aalborg", "Nordjylland"), ("Esbjerg", "Syddanmark"),
              ("Roskilde", "Sjælland"), ("København", "Hovedstaden")],
    "no_NO": [("Bergen", "Vestland"), ("Trondheim", "Trøndelag"), ("Stavanger", "Rogaland"), ("Tromsø", "Troms"),
              ("Drammen", "Buskerud"), ("Oslo", "Oslo")],
    "fi_FI": [("Tampere", "Pirkanmaa"), ("Turku", "Varsinais-Suomi"), ("Oulu", "Pohjois-Pohjanmaa"),
              ("Jyväskylä", "Keski-Suomi"), ("Kuopio", "Pohjois-Savo"), ("Espoo", "Uusimaa")],
    "tr_TR": [("İzmir", "Ege"), ("Bursa", "Marmara"), ("Antalya", "Akdeniz"), ("Eskişehir", "İç Anadolu"),
              ("Trabzon", "Karadeniz"), ("Gaziantep", "Güneydoğu Anadolu"), ("Ankara", "İç Anadolu")],
    "hu_HU": [("Debrecen", "Hajdú-Bihar"), ("Szeged", "Csongrád-Csanád"), ("Pécs", "Baranya"), ("Győr", "Győr-Moson-Sopron"),
              ("Miskolc", "Borsod-Abaúj-Zemplén"), ("Budapest", "Pest")],
    "ro_RO": [("Cluj-Napoca", "Cluj"), ("Iași", "Iași"), ("Timișoara", "Timiș"), ("Brașov", "Brașov"),
              ("Constanța", "Constanța"), ("Sibiu", "Sibiu"), ("București", "Ilfov")],
    "el_GR": [("Thessaloniki", "Central Macedonia"), ("Patras", "Western Greece"), ("Heraklion", "Crete"),
              ("Larissa", "Thessaly"), ("Volos", "Thessaly"), ("Ioannina", "Epirus"), ("Athens", "Attica")],
    "ja_JP": [("Osaka", "Osaka-fu"), ("Sapporo", "Hokkaido"), ("Fukuoka", "Fukuoka-ken"), ("Nagoya", "Aichi-ken"),
              ("Sendai", "Miyagi-ken"), ("Kyoto", "Kyoto-fu"), ("Yokohama", "Kanagawa-ken")],
    "ko_KR": [("Busan", "Busan"), ("Daegu", "Daegu"), ("Incheon", "Incheon"), ("Gwangju", "Gwangju"),
              ("Suwon", "Gyeonggi-do"), ("Daejeon", "Daejeon"), ("Jeonju", "Jeollabuk-do")],
    "vi_VN": [("Hà Nội", "Hà Nội"), ("Đà Nẵng", "Đà Nẵng"), ("Huế", "Thừa Thiên Huế"), ("Hải Phòng", "Hải Phòng"),
              ("Cần Thơ", "Cần Thơ"), ("Nha Trang", "Khánh Hòa")],
    "id_ID": [("Surabaya", "Jawa Timur"), ("Bandung", "Jawa Barat"), ("Yogyakarta", "DI Yogyakarta"),
              ("Medan", "Sumatera Utara"), ("Makassar", "Sulawesi Selatan"), ("Denpasar", "Bali"), ("Semarang", "Jawa Tengah")],
    "fil_PH": [("Cebu City", "Cebu"), ("Davao City", "Davao del Sur"), ("Quezon City", "Metro Manila"),
               ("Iloilo City", "Iloilo"), ("Baguio", "Benguet"), ("Pasig", "Metro Manila")],
    "th_TH": [("Chiang Mai", "Chiang Mai"), ("Khon Kaen", "Khon Kaen"), ("Hat Yai", "Songkhla"),
              ("Nakhon Ratchasima", "Nakhon Ratchasima"), ("Udon Thani", "Udon Thani"), ("Bangkok", "Bangkok")],
}

COUNTRY = {
    "en_GB": "United Kingdom", "en_IE": "Ireland", "en_AU": "Australia", "en_NZ": "New Zealand", "en_IN": "India",
    "en_CA": "Canada", "en_US": "United States", "fr_FR": "France", "de_DE": "Germany", "de_AT": "Austria",
    "de_CH": "Switzerland", "es_ES": "Spain", "es_MX": "Mexico", "it_IT": "Italy", "pt_BR": "Brazil",
    "pt_PT": "Portugal", "nl_NL": "the Netherlands", "nl_BE": "Belgium", "pl_PL": "Poland", "cs_CZ": "Czechia",
    "sv_SE": "Sweden", "da_DK": "Denmark", "no_NO": "Norway", "fi_FI": "Finland", "tr_TR": "Türkiye",
    "hu_HU": "Hungary", "ro_RO": "Romania", "el_GR": "Greece", "ja_JP": "Japan", "ko_KR": "South Korea",
    "vi_VN": "Vietnam", "id_ID": "Indonesia", "fil_PH": "the Philippines", "th_TH": "Thailand",
}
NATIONALITY = {
    "en_GB": "British", "en_IE": "Irish", "en_AU": "Australian", "en_NZ": "New Zealander", "en_IN": "Indian",
    "en_CA": "Canadian", "en_US": "American", "fr_FR": "French", "de_DE": "German", "de_AT": "Austrian",
    "de_CH": "Swiss", "es_ES": "Spanish", "es_MX": "Mexican", "it_IT": "Italian", "pt_BR": "Brazilian",
    "pt_PT": "Portuguese", "nl_NL": "Dutch", "nl_BE": "Belgian", "pl_PL": "Polish", "cs_CZ": "Czech",
    "sv_SE": "Swedish", "da_DK": "Danish", "no_NO": "Norwegian", "fi_FI": "Finnish", "tr_TR": "Turkish",
    "hu_HU": "Hungarian", "ro_RO": "Romanian", "el_GR": "Greek", "ja_JP": "Japanese", "ko_KR": "South Korean",
    "vi_VN": "Vietnamese", "id_ID": "Indonesian", "fil_PH": "Filipino", "th_TH": "Thai",
}
LOCALES = list(COUNTRY)

NEIGHBOURHOODS = ["Headingley", "Clontarf", "Brunswick East", "Ponsonby", "Koramangala", "Plateau-Mont-Royal",
                  "Capitol Hill", "la Croix-Rousse", "Prenzlauer Berg", "Ottakring", "Kreis 4", "Malasaña",
                  "Coyoacán", "Trastevere", "Vila Madalena", "Alfama", "De Pijp", "Ixelles", "Kazimierz", "Žižkov",
                  "Södermalm", "Nørrebro", "Grünerløkka", "Kallio", "Kadıköy", "Józsefváros", "Floreasca", "Plaka",
                  "Shimokitazawa", "Hongdae", "Ba Đình", "Menteng", "Poblacion", "Ari", "Easton", "Moseley",
                  "Shoreditch", "Govanhill", "Roath", "Jesmond"]
REGIONS_EXTRA = ["the Lake District", "Patagonia", "the Algarve", "Bavaria", "Tuscany", "Provence", "Ontario",
                 "Queensland", "Kerala", "Andalusia", "the Scottish Highlands", "Lapland", "Cappadocia", "Transylvania",
                 "Hokkaido", "Bali", "Mindanao", "Texas", "Connemara", "the Black Forest"]


def city_region(r, loc):
    return pick(r, CITIES[loc])


# ---------------------------------------------------------------- names

_GR_FIRST = ["Giorgos", "Eleni", "Dimitris", "Katerina", "Nikos", "Sofia", "Yannis", "Maria", "Kostas", "Despina"]
_GR_LAST = ["Papadopoulos", "Georgiou", "Nikolaidis", "Karagianni", "Oikonomou", "Vlachos", "Papadaki",
            "Konstantinidis", "Alexiou", "Makri"]
_KR_FIRST = ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yun", "Soo-ah", "Jae-won", "Ye-jin", "Hyun-woo", "Eun-ji"]
_KR_LAST = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
_TH_FIRST = ["Somchai", "Nattaya", "Kittipong", "Siriporn", "Anucha", "Pimchanok", "Thanawat", "Waraporn", "Chaiwat"]
_TH_LAST = ["Wongsakul", "Srisawat", "Chaiyaporn", "Rattanakorn", "Boonmee", "Thongchai", "Kaewmanee", "Saetang"]


def name_parts(r, loc, key):
    """(given, surname) in Latin script where the locale's faker names are not; some native scripts kept."""
    native = r.random() < 0.12
    if loc == "el_GR" and not native:
        return pick(r, _GR_FIRST), pick(r, _GR_LAST)
    if loc == "ko_KR" and not native:
        return pick(r, _KR_FIRST), pick(r, _KR_LAST)
    if loc == "th_TH" and not native:
        return pick(r, _TH_FIRST), pick(r, _TH_LAST)
    f = fake(loc, key)
    if loc == "ja_JP" and not native:
        return f.first_romanized_name(), f.last_romanized_name()
    if r.random() < 0.5:
        try:
            return f.first_name_female(), f.last_name()
        except AttributeError:
            pass
    return f.first_name(), f.last_name()


class Person:
    def __init__(self, given, surname, loc):
        self.given, self.surname, self.loc = given, surname, loc
        self.east = loc in ("ja_JP", "ko_KR", "vi_VN") and not given.isascii()

    @property
    def full(self):
        if self.loc in ("ko_KR", "ja_JP") and not self.given.isascii():
            return f"{self.surname}{self.given}" if self.loc == "ko_KR" else f"{self.surname} {self.given}"
        if self.loc == "vi_VN":
            return f"{self.surname} {self.given}"
        return f"{self.given} {self.surname}"

    def style(self, r):
        """A random surface form of the full name."""
        x = r.random()
        g = self.given
        if x < 0.55 or not g[:1].isalpha():
            return self.full
        if x < 0.68:
            return f"{g[0]}. {self.surname}"
        if x < 0.76:
            return f"{self.surname}, {g}"
        if x < 0.84:
            return f"{self.surname.upper()}, {g}"
        if x < 0.92:
            return f"{g[0]}.{pick(r, UP)}. {self.surname}"
        return f"{g} {pick(r, UP)}. {self.surname}"


def person(r, loc, key):
    g, s = name_parts(r, loc, key)
    if r.random() < 0.08 and loc in ("en_GB", "en_US", "en_AU", "fr_FR", "de_DE", "es_ES", "en_CA"):
        g2, s2 = name_parts(r, loc, key + "|h")
        s = f"{s}-{s2}"
    return Person(g, s, loc)


TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "Prof."]


# ---------------------------------------------------------------- contact details

_MAILDOM = {
    "en_GB": ["btinternet.com", "gmail.com", "outlook.com", "yahoo.co.uk", "sky.com"],
    "en_US": ["gmail.com", "yahoo.com", "icloud.com", "comcast.net", "aol.com"],
    "de_DE": ["web.de", "gmx.de", "t-online.de"], "de_AT": ["gmx.at", "aon.at"], "de_CH": ["bluewin.ch", "gmx.ch"],
    "fr_FR": ["orange.fr", "free.fr", "laposte.net"], "it_IT": ["libero.it", "virgilio.it"],
    "es_ES": ["telefonica.net", "gmail.com"], "pt_BR": ["uol.com.br", "bol.com.br"], "pt_PT": ["sapo.pt"],
    "pl_PL": ["wp.pl", "o2.pl", "onet.pl"], "cs_CZ": ["seznam.cz", "email.cz"], "ja_JP": ["yahoo.co.jp", "docomo.ne.jp"],
    "ko_KR": ["naver.com", "daum.net"], "nl_NL": ["ziggo.nl", "kpnmail.nl"], "sv_SE": ["telia.com"],
    "fi_FI": ["elisanet.fi"], "en_IN": ["rediffmail.com", "gmail.com"], "tr_TR": ["hotmail.com.tr", "yandex.com.tr"],
    "ru": ["mail.ru"], "en_AU": ["bigpond.com", "optusnet.com.au"], "en_NZ": ["xtra.co.nz"],
    "en_IE": ["eircom.net", "gmail.com"], "en_CA": ["rogers.com", "shaw.ca"],
}
_SPECIAL = {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def ascii_slug(s):
    s = "".join(_SPECIAL.get(c, c) for c in s.lower())
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum()))


def email(r, p: Person | None, loc, org_domain=None):
    if p is None or not ascii_slug(p.given) or not ascii_slug(p.surname):
        user = pick(r, ["kestrel", "moonbeam", "rover", "tangerine", "blue.heron", "oakleaf"]) + d(r, 3)
    else:
        g, s = ascii_slug(p.given), ascii_slug(p.surname)
        user = pick(r, [f"{g}.{s}", f"{g[0]}{s}", f"{s}.{g}", f"{g}{s}{d(r, 2)}", f"{g}_{s[:3]}{r.randint(60, 99)}",
                        f"{s}{g[0]}", f"{g}.{s[0]}"])
    dom = org_domain or pick(r, _MAILDOM.get(loc, ["gmail.com", "outlook.com", "hotmail.com", "proton.me"]))
    return f"{user}@{dom}"


def _phone_fmt(r, loc):
    g = lambda n: d(r, n)  # noqa: E731
    intl = r.random() < 0.4
    if loc == "en_GB":
        if r.random() < 0.6:
            m = "7" + g(3) + " " + g(6)
            return pick(r, ["+44 " + m, "+44 (0)" + m, "0" + m, "0044 " + m]) if intl else "0" + m
        return pick(r, ["020 " + g(4) + " " + g(4), "0113 " + g(3) + " " + g(4), "0161 " + g(3) + " " + g(4),
                        "+44 1" + g(3) + " " + g(6), "01" + g(3) + " " + g(6)])
    if loc == "en_IE":
        return pick(r, ["08" + pick(r, "35679") + " " + g(3) + " " + g(4), "+353 8" + pick(r, "35679") + " " + g(3) + " " + g(4),
                        "(01) " + g(3) + " " + g(4), "+353 91 " + g(6)])
    if loc == "en_AU":
        return pick(r, ["04" + g(2) + " " + g(3) + " " + g(3), "+61 4" + g(2) + " " + g(3) + " " + g(3),
                        "(0" + pick(r, "2378") + ") " + g(4) + " " + g(4), "+61 " + pick(r, "2378") + " " + g(4) + " " + g(4)])
    if loc == "en_NZ":
        return pick(r, ["021 " + g(3) + " " + g(4), "+64 21 " + g(3) + " " + g(4), "(09) " + g(3) + " " + g(4),
                        "027-" + g(3) + "-" + g(4)])
    if loc == "en_IN":
        m = pick(r, "6789") + g(4)
        return pick(r, ["+91 " + m + " " + g(5), "+91-" + m + g(5), "0" + m + g(5), m + "-" + g(5), "080-" + g(8)])
    if loc in ("en_US", "en_CA"):
        ac = pick(r, ["416", "604", "514", "902", "306"] if loc == "en_CA" else
                  ["520", "208", "937", "509", "912", "518", "559", "402", "865", "401", "608", "915"])
        x, y = str(r.randint(200, 989)), g(4)
        return pick(r, [f"({ac}) {x}-{y}", f"{ac}-{x}-{y}", f"+1 {ac} {x} {y}", f"{ac}.{x}.{y}", f"+1-{ac}-{x}-{y}",
                        f"1 ({ac}) {x}-{y}"])
    if loc == "fr_FR":
        m = pick(r, "67") + " " + " ".join(g(2) for _ in range(4))
        return pick(r, ["0" + m, "+33 " + m, "+33 (0)" + m, "01 " + " ".join(g(2) for _ in range(4)),
                        "0" + m.replace(" ", ".")])
    if loc == "de_DE":
        return pick(r, ["01" + pick(r, ["51", "52", "57", "60", "70", "76"]) + " " + g(8), "+49 1" + pick(r, ["51", "71", "76"]) + " " + g(7),
                        "+49 (0)" + pick(r, ["30", "40", "89", "221", "341"]) + " " + g(7), "0341 / " + g(6), "030-" + g(8)])
    if loc == "de_AT":
        return pick(r, ["0664 " + g(7), "+43 664 " + g(7), "+43 1 " + g(7), "0316 " + g(6)])
    if loc == "de_CH":
        return pick(r, ["079 " + g(3) + " " + g(2) + " " + g(2), "+41 79 " + g(3) + " " + g(2) + " " + g(2),
                        "+41 (0)44 " + g(3) + " " + g(2) + " " + g(2), "061 " + g(3) + " " + g(2) + " " + g(2)])
    if loc == "es_ES":
        return pick(r, ["6" + g(2) + " " + g(2) + " " + g(2) + " " + g(2), "+34 6" + g(2) + " " + g(3) + " " + g(3),
                        "91 " + g(3) + " " + g(2) + " " + g(2), "+34 96 " + g(3) + " " + g(2) + " " + g(2)])
    if loc == "es_MX":
        return pick(r, ["55 " + g(4) + " " + g(4), "+52 55 " + g(4) + " " + g(4), "+52 33 " + g(4) + " " + g(4),
                        "(81) " + g(4) + "-" + g(4)])
    if loc == "it_IT":
        return pick(r, ["3" + g(2) + " " + g(3) + " " + g(4), "+39 3" + g(2) + " " + g(7), "+39 06 " + g(4) + " " + g(4),
                        "051 " + g(6), "+39 347.123." + g(4)])
    if loc == "pt_BR":
        ddd = pick(r, ["11", "21", "31", "41", "51", "71", "81", "85"])
        return pick(r, [f"({ddd}) 9{g(4)}-{g(4)}", f"+55 {ddd} 9{g(4)}-{g(4)}", f"+55 ({ddd}) 9{g(4)} {g(4)}",
                        f"({ddd}) {pick(r, '2345')}{g(3)}-{g(4)}"])
    if loc == "pt_PT":
        return pick(r, ["9" + pick(r, "1236") + g(1) + " " + g(3) + " " + g(3), "+351 9" + pick(r, "1236") + g(1) + " " + g(3) + " " + g(3),
                        "+351 21 " + g(3) + " " + g(4), "22 " + g(3) + " " + g(4)])
    if loc == "nl_NL":
        return pick(r, ["06-" + g(8), "+31 6 " + g(8), "+31 (0)6 " + g(4) + " " + g(4), "020-" + g(7), "030 " + g(3) + " " + g(4)])
    if loc == "nl_BE":
        return pick(r, ["04" + pick(r, "789") + g(1) + " " + g(2) + " " + g(2) + " " + g(2),
                        "+32 4" + pick(r, "789") + g(1) + " " + g(2) + " " + g(2) + " " + g(2), "02 " + g(3) + " " + g(2) + " " + g(2),
                        "09/" + g(3) + "." + g(2) + "." + g(2)])
    if loc == "pl_PL":
        return pick(r, [pick(r, "5678") + g(2) + " " + g(3) + " " + g(3), "+48 " + pick(r, "5678") + g(2) + " " + g(3) + " " + g(3),
                        "+48 22 " + g(3) + " " + g(2) + " " + g(2), pick(r, "5678") + g(2) + "-" + g(3) + "-" + g(3)])
    if loc == "cs_CZ":
        return pick(r, ["6" + g(2) + " " + g(3) + " " + g(3), "+420 7" + g(2) + " " + g(3) + " " + g(3), "+420 2" + g(8)])
    if loc == "sv_SE":
        return pick(r, ["07" + pick(r, "0236") + "-" + g(3) + " " + g(2) + " " + g(2), "+46 7" + pick(r, "0236") + " " + g(3) + " " + g(2) + " " + g(2),
                        "08-" + g(3) + " " + g(3) + " " + g(2), "031-" + g(2) + " " + g(2) + " " + g(2)])
    if loc == "da_DK":
        return pick(r, [" ".join(g(2) for _ in range(4)), "+45 " + " ".join(g(2) for _ in range(4)), "+45" + g(8)]).strip()
    if loc == "no_NO":
        return pick(r, [pick(r, "49") + g(2) + " " + g(2) + " " + g(3), "+47 " + pick(r, "49") + g(2) + " " + g(2) + " " + g(3),
                        "+47 22 " + g(2) + " " + g(2) + " " + g(2)])
    if loc == "fi_FI":
        return pick(r, ["04" + pick(r, "0124") + " " + g(3) + " " + g(4), "+358 4" + pick(r, "0124") + " " + g(3) + " " + g(4),
                        "09 " + g(3) + " " + g(4), "050-" + g(7)])
    if loc == "tr_TR":
        return pick(r, ["05" + pick(r, "345") + g(1) + " " + g(3) + " " + g(2) + " " + g(2),
                        "+90 5" + pick(r, "345") + g(1) + " " + g(3) + " " + g(2) + " " + g(2), "0 (212) " + g(3) + " " + g(2) + " " + g(2)])
    if loc == "hu_HU":
        return pick(r, ["06 " + pick(r, ["20", "30", "70"]) + " " + g(3) + " " + g(4), "+36 " + pick(r, ["20", "30", "70"]) + " " + g(3) + " " + g(4),
                        "+36 1 " + g(3) + " " + g(4), "06-30/" + g(3) + "-" + g(4)])
    if loc == "ro_RO":
        return pick(r, ["07" + pick(r, "2456") + g(1) + " " + g(3) + " " + g(3), "+40 7" + pick(r, "2456") + g(1) + " " + g(3) + " " + g(3),
                        "021 " + g(3) + " " + g(4), "+40 (0)264 " + g(6)])
    if loc == "el_GR":
        return pick(r, ["69" + pick(r, "3479") + " " + g(3) + " " + g(4), "+30 69" + pick(r, "3479") + " " + g(3) + " " + g(4),
                        "210 " + g(3) + " " + g(4), "+30 2310 " + g(6)])
    if loc == "ja_JP":
        return pick(r, ["0" + pick(r, "789") + "0-" + g(4) + "-" + g(4), "+81 " + pick(r, "789") + "0-" + g(4) + "-" + g(4),
                        "03-" + g(4) + "-" + g(4), "06-" + g(4) + "-" + g(4), "+81 3 " + g(4) + " " + g(4)])
    if loc == "ko_KR":
        return pick(r, ["010-" + g(4) + "-" + g(4), "+82 10-" + g(4) + "-" + g(4), "+82 10 " + g(4) + " " + g(4), "02-" + g(3) + "-" + g(4),
                        "051-" + g(3) + "-" + g(4)])
    if loc == "vi_VN":
        return pick(r, ["09" + g(1) + " " + g(3) + " " + g(4), "+84 9" + g(1) + " " + g(3) + " " + g(4), "+84 (0)3" + g(1) + " " + g(3) + " " + g(4),
                        "024 " + g(4) + " " + g(4)])
    if loc == "id_ID":
        return pick(r, ["08" + pick(r, "15") + g(1) + "-" + g(4) + "-" + g(4), "+62 8" + pick(r, "15") + g(1) + " " + g(4) + " " + g(4),
                        "(021) " + g(4) + " " + g(4), "+62 21 " + g(8)])
    if loc == "fil_PH":
        return pick(r, ["09" + g(2) + " " + g(3) + " " + g(4), "+63 9" + g(2) + " " + g(3) + " " + g(4), "(02) " + g(4) + " " + g(4),
                        "+63 (2) " + g(4) + "-" + g(4)])
    if loc == "th_TH":
        return pick(r, ["08" + g(1) + " " + g(3) + " " + g(4), "+66 8" + g(1) + " " + g(3) + " " + g(4), "02 " + g(3) + " " + g(4),
                        "+66 (0)53 " + g(3) + " " + g(3)])
    raise KeyError(loc)


def phone(r, loc):
    return _phone_fmt(r, loc).strip()


# ---------------------------------------------------------------- addresses


def _street(r, loc, key):
    f = fake(loc, key)
    try:
        s = f.street_name()
    except AttributeError:
        s = fake("en_GB", key).street_name()
    if not s.isascii() and loc in ("ja_JP", "ko_KR", "th_TH", "el_GR"):
        s = pick(r, {"ja_JP": ["Jingumae", "Nishi-Shinjuku", "Umeda", "Tenjin", "Sakae", "Kita 3-jo Nishi"],
                     "ko_KR": ["Teheran-ro", "Sejong-daero", "Haeundae-ro", "Dongseong-ro", "Gwanggyo-ro"],
                     "th_TH": ["Soi Sukhumvit 31", "Nimmanhaemin Rd", "Mittraphap Rd", "Charoen Krung Rd"],
                     "el_GR": ["Ermou", "Egnatia", "Tsimiski", "Panepistimiou", "Kifisias Ave"]}[loc])
    return s


def address(r, loc, key, multiline=False):
    """Return (full address string, city, postcode). The whole string is one STREET_ADDRESS span."""
    city, region = city_region(r, loc)
    pc = PC_STYLE.get(loc, lambda r, p: p)(r, POSTCODE[loc](r)) if loc not in ("ja_JP",) else POSTCODE[loc](r)
    st = _street(r, loc, key)
    no = str(r.randint(1, 240))
    unit = r.random() < 0.35
    lines: list[str]
    if loc == "en_GB":
        if r.random() < 0.08:
            lines = [f"Unit {r.randint(1, 30)}, {pick(r, ['Riverside', 'Meadowbank', 'Kingsway', 'Canal Side'])} Business Park", city, pc]
        elif r.random() < 0.1:
            lines = [f"{pick(r, ['Rose', 'Ivy', 'Holly', 'Wren'])} Cottage", f"{pick(r, ['Lower', 'Upper', 'Little'])} "
                     f"{pick(r, ['Harwood', 'Thornby', 'Ashcombe'])}", city, pc]
        else:
            lines = ([f"Flat {r.randint(1, 40)}"] if unit else []) + [f"{no} {st}", city, pc]
    elif loc == "en_IE":
        lines = ([f"Apt {r.randint(1, 60)}"] if unit else []) + [f"{no} {st}", city, f"Co. {pick(r, ['Cork', 'Galway', 'Mayo', 'Kerry', 'Louth', 'Clare'])}", pc]
    elif loc == "en_AU":
        lines = [(f"Unit {r.randint(1, 30)}/" if unit else "") + f"{no} {st}", f"{city} {region} {pc}"]
    elif loc == "en_NZ":
        lines = [(f"{r.randint(1, 12)}/" if unit else "") + f"{no} {st}", pick(r, NEIGHBOURHOODS[:5]), f"{city} {pc}"]
    elif loc == "en_IN":
        lines = [f"Flat {r.randint(101, 904)}, {pick(r, ['Sai Krupa', 'Green Glen', 'Shanti Niketan', 'Lotus'])} Apartments",
                 f"{no}, {pick(r, ['MG Road', '2nd Cross', '14th Main', 'Station Road', 'Link Road'])}", f"{city} - {pc}", region]
    elif loc in ("en_US", "en_CA"):
        if r.random() < 0.12:
            lines = [f"{pick(r, ['PO Box', 'P.O. Box'])} {r.randint(10, 9999)}", f"{city}, {region} {pc}"]
        elif loc == "en_US" and r.random() < 0.08:
            lines = [f"{r.randint(100, 9999)} County Road {r.randint(1, 400)}", f"{city}, {region} {pc}"]
        else:
            u = (f" {pick(r, ['Apt', 'Unit', 'Ste', '#'])} {r.randint(1, 40)}{pick(r, ['', 'B', 'C'])}") if unit else ""
            lines = [f"{r.randint(10, 9999)} {st}{u}", f"{city}, {region} {pc}"]
    elif loc == "fr_FR":
        lines = ([f"Bât. {pick(r, 'ABC')}, appt {r.randint(1, 40)}"] if unit else []) + [f"{no} {st}", f"{pc} {city}"]
    elif loc in ("de_DE", "de_AT", "de_CH"):
        if loc == "de_DE" and r.random() < 0.1:
            lines = [f"Postfach {d(r, 2, True)} {d(r, 2)} {d(r, 2)}", f"{pc} {city}"]
        else:
            n = f"{no}/{r.randint(1, 9)}/{r.randint(1, 20)}" if loc == "de_AT" and unit else no
            lines = [f"{st} {n}", f"{pc} {city}"]
    elif loc == "es_ES":
        lines = [f"{st} {no}, {r.randint(1, 9)}º {r.randint(1, 4)}ª" if unit else f"{st}, {no}", f"{pc} {city}"]
    elif loc == "es_MX":
        lines = [f"{st} {no}" + (f" Int. {r.randint(1, 20)}" if unit else ""), f"Col. {pick(r, ['Centro', 'Roma Norte', 'Del Valle', 'Americana'])}",
                 f"C.P. {pc}, {city}, {region}"]
    elif loc == "it_IT":
        lines = [f"{st} {no}" + (f", int. {r.randint(1, 20)}" if unit else ""), f"{pc} {city} ({region[:2].upper()})"]
    elif loc == "pt_BR":
        lines = [f"{st}, {no}" + (f", apto {r.randint(11, 204)}" if unit else "") + f" - {pick(r, ['Centro', 'Boa Viagem', 'Savassi', 'Batel'])}",
                 f"{city} - {region}", pc]
    elif loc == "pt_PT":
        lines = [f"{st}, {no}" + (f", {r.randint(1, 8)}.º {pick(r, ['Esq.', 'Dto.'])}" if unit else ""), f"{pc} {city}"]
    elif loc == "nl_NL":
        lines = [f"{st} {no}" + (pick(r, ["-II", "A", " bis", "-1"]) if unit else ""), f"{pc} {city}"]
    elif loc == "nl_BE":
        lines = [f"{st} {no}" + (f" bus {r.randint(1, 12)}" if unit else ""), f"{pc} {city}"]
    elif loc == "pl_PL":
        lines = [f"ul. {st} {no}" + (f" m. {r.randint(1, 80)}" if unit else ""), f"{pc} {city}"]
    elif loc == "cs_CZ":
        lines = [f"{st} {r.randint(100, 2999)}/{no}", f"{pc} {city}"]
    elif loc == "sv_SE":
        lines = [f"{st} {no}" + (f", lgh {r.randint(1001, 1403)}" if unit else ""), f"{pc} {city}"]
    elif loc == "da_DK":
        lines = [f"{st} {no}" + (f", {r.randint(1, 5)}. {pick(r, ['th.', 'tv.', 'mf.'])}" if unit else ""), f"{pc} {city}"]
    elif loc == "no_NO":
        lines = [f"{st} {no}{pick(r, ['', 'B', 'C'])}", f"{pc} {city.upper() if r.random() < 0.5 else city}"]
    elif loc == "fi_FI":
        lines = [f"{st} {no}" + (f" {pick(r, 'ABC')} {r.randint(1, 40)}" if unit else ""), f"{pc} {city}"]
    elif loc == "tr_TR":
        lines = [f"{pick(r, ['Atatürk', 'Cumhuriyet', 'İnönü', 'Bağdat', 'Gazi'])} {pick(r, ['Cad.', 'Bulvarı', 'Sok.'])} No: {no}" +
                 (f" D: {r.randint(1, 20)}" if unit else ""), f"{pc} {pick(r, ['Çankaya', 'Konak', 'Nilüfer', 'Muratpaşa'])}/{city}"]
    elif loc == "hu_HU":
        lines = [f"{pc} {city}", f"{st} {no}." + (f" {r.randint(1, 6)}/{r.randint(1, 12)}" if unit else "")]
    elif loc == "ro_RO":
        lines = [f"{st} nr. {no}" + (f", bl. {pick(r, 'ABCM')}{r.randint(1, 9)}, ap. {r.randint(1, 60)}" if unit else ""),
                 f"{pc} {city}"]
    elif loc == "el_GR":
        lines = [f"{st} {no}", f"{pc} {city}"]
    elif loc == "ja_JP":
        lines = [f"〒{pc}" if r.random() < 0.5 else pc, f"{r.randint(1, 5)}-{r.randint(1, 30)}-{r.randint(1, 20)} {st}" +
                 (f" {pick(r, ['Sunny Heights', 'Maison', 'Grand Court'])} {r.randint(101, 905)}" if unit else ""), f"{city}, {region}"]
    elif loc == "ko_KR":
        lines = [f"{no} {st} {r.randint(1, 30)}-gil" + (f", Apt {r.randint(101, 1805)}" if unit else ""),
                 f"{pick(r, ['Haeundae-gu', 'Suseong-gu', 'Yeonsu-gu', 'Buk-gu', 'Yuseong-gu'])}, {city} {pc}"]
    elif loc == "vi_VN":
        lines = [f"Số {no} {st}", f"Phường {r.randint(1, 15)}, Quận {r.randint(1, 12)}", city]
    elif loc == "id_ID":
        lines = [f"{st} No. {no}", f"RT {r.randint(1, 12):02d}/RW {r.randint(1, 9):02d}", f"{city} {pc}"]
    elif loc == "fil_PH":
        lines = [(f"Unit {r.randint(1, 30)}{pick(r, 'ABC')}, " if unit else "") + f"{no} {st}",
                 f"Brgy. {pick(r, ['San Antonio', 'Poblacion', 'Kapitolyo', 'Lahug', 'Talamban'])}", f"{city} {pc}"]
    elif loc == "th_TH":
        lines = [f"{no}/{r.randint(1, 99)} Moo {r.randint(1, 12)}, {st}", f"{pick(r, ['Khlong Toei', 'Suthep', 'Nai Mueang', 'Chang Phueak'])}",
                 f"{city} {pc}"]
    else:
        raise KeyError(loc)
    sep = "\n" if multiline else ", "
    return sep.join(lines), city, pc


# ---------------------------------------------------------------- numbers & ids


def card(r):
    kind = r.random()
    if kind < 0.35:
        body, n = "4" + d(r, 14), 16
    elif kind < 0.6:
        body, n = pick(r, ["51", "52", "53", "54", "55", "2221", "2720"]) , 16
        body += d(r, 15 - len(body))
    elif kind < 0.75:
        body, n = pick(r, ["34", "37"]) + d(r, 12), 15
    elif kind < 0.85:
        body, n = "6011" + d(r, 11), 16
    elif kind < 0.93:
        body, n = "35" + str(r.randint(28, 89)) + d(r, 11), 16
    else:
        body, n = "36" + d(r, 11), 14
    num = body + luhn_check(body)
    sep = pick(r, [" ", " ", "-", "", " "])
    if n == 15:
        return sep.join([num[:4], num[4:10], num[10:]]) if sep else num
    if n == 14:
        return sep.join([num[:4], num[4:10], num[10:]]) if sep else num
    return sep.join(num[i:i + 4] for i in range(0, 16, 4)) if sep else num


_IBAN = {"GB": lambda r: "".join(pick(r, UP) for _ in range(4)) + d(r, 14), "IE": lambda r: "".join(pick(r, UP) for _ in range(4)) + d(r, 14),
         "DE": lambda r: d(r, 18), "FR": lambda r: d(r, 23), "ES": lambda r: d(r, 20), "IT": lambda r: pick(r, UP) + d(r, 22),
         "NL": lambda r: "".join(pick(r, UP) for _ in range(4)) + d(r, 10), "BE": lambda r: d(r, 12), "PT": lambda r: d(r, 21),
         "PL": lambda r: d(r, 24), "CZ": lambda r: d(r, 20), "SE": lambda r: d(r, 20), "DK": lambda r: d(r, 14),
         "NO": lambda r: d(r, 11), "FI": lambda r: d(r, 14), "AT": lambda r: d(r, 16), "CH": lambda r: d(r, 17),
         "TR": lambda r: d(r, 5) + "0" + d(r, 16), "HU": lambda r: d(r, 24), "RO": lambda r: "".join(pick(r, UP) for _ in range(4)) + d(r, 16),
         "GR": lambda r: d(r, 23), "LU": lambda r: d(r, 16), "HR": lambda r: d(r, 17)}
_IBAN_OF = {"en_GB": "GB", "en_IE": "IE", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL",
            "nl_BE": "BE", "pt_PT": "PT", "pl_PL": "PL", "cs_CZ": "CZ", "sv_SE": "SE", "da_DK": "DK", "no_NO": "NO",
            "fi_FI": "FI", "de_AT": "AT", "de_CH": "CH", "tr_TR": "TR", "hu_HU": "HU", "ro_RO": "RO", "el_GR": "GR"}


def iban(r, loc):
    cc = _IBAN_OF.get(loc) or pick(r, sorted(_IBAN))
    bban = _IBAN[cc](r)
    s = cc + iban_digits(cc, bban) + bban
    if r.random() < 0.6:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def ipv4(r):
    a = pick(r, [81, 86, 92, 109, 145, 178, 185, 203, 212, 62, 77, 90, 151, 188, 194, 213, 31, 46, 5, 37])
    return f"{a}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def ipv6(r):
    groups = [pick(r, ["2a02", "2001", "2a01", "2600", "2404", "2c0f"]), f"{r.randint(0, 0xffff):x}", f"{r.randint(0, 0xffff):x}"]
    tail = [f"{r.randint(0, 0xffff):x}" for _ in range(r.choice([2, 3, 5]))]
    if len(tail) == 5:
        return ":".join(groups + tail)
    return ":".join(groups) + "::" + ":".join(tail)


def ip(r):
    return ipv6(r) if r.random() < 0.3 else ipv4(r)


def ssn(r):
    a = r.randint(1, 899)
    while a == 666:
        a = r.randint(1, 899)
    s = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    return s.replace("-", " ") if r.random() < 0.15 else s


def _cpf(r):
    b = [r.randrange(10) for _ in range(9)]
    for n in (10, 11):
        s = sum(x * w for x, w in zip(b, range(n, 1, -1)))
        c = (s * 10) % 11
        b.append(0 if c == 10 else c)
    s = "".join(map(str, b))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


def _dni(r):
    n = r.randint(10000000, 99999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def _pesel(r):
    y, m, dd = r.randint(50, 99), r.randint(1, 12), r.randint(1, 28)
    b = f"{y:02d}{m:02d}{dd:02d}{d(r, 4)}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return b + str((10 - sum(int(c) * x for c, x in zip(b, w)) % 10) % 10)


def _bsn(r):
    while True:
        b = d(r, 8, True)
        s = sum(int(c) * w for c, w in zip(b, range(9, 1, -1)))
        for last in range(10):
            if (s - last) % 11 == 0:
                return b + str(last)


def _tckn(r):
    b = [r.randint(1, 9)] + [r.randrange(10) for _ in range(8)]
    d10 = ((b[0] + b[2] + b[4] + b[6] + b[8]) * 7 - (b[1] + b[3] + b[5] + b[7])) % 10
    b.append(d10)
    b.append(sum(b) % 10)
    return "".join(map(str, b))


def _sin(r):
    b = pick(r, "1234567") + d(r, 7)
    s = b + luhn_check(b)
    return f"{s[:3]} {s[3:6]} {s[6:]}" if r.random() < 0.7 else f"{s[:3]}-{s[3:6]}-{s[6:]}"


def _nino(r):
    p1 = "ABCEGHJKLMNOPRSTWXYZ"
    p2 = "ABCEGHJKLMNPRSTWXYZ"
    body = pick(r, p1) + pick(r, p2) + d(r, 6) + pick(r, "ABCD")
    return f"{body[:2]} {body[2:4]} {body[4:6]} {body[6:8]} {body[8]}" if r.random() < 0.5 else body


def _pnr_se(r):
    b = f"{r.randint(50, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{d(r, 3)}"
    return f"{b[:6]}-{b[6:]}{luhn_check(b)}"


NATIONAL_ID = {
    "en_GB": _nino, "en_IE": lambda r: d(r, 7) + pick(r, UP) + pick(r, ["", "", "W", "A"]),
    "en_AU": lambda r: f"{d(r, 3)} {d(r, 3)} {d(r, 3)}", "en_NZ": lambda r: f"{d(r, 3)}-{d(r, 3)}-{d(r, 3)}",
    "en_IN": lambda r: f"{r.randint(2, 9)}{d(r, 3)} {d(r, 4)} {d(r, 4)}" if r.random() < 0.6 else
    "".join(pick(r, UP) for _ in range(3)) + pick(r, "PCHF") + pick(r, UP) + d(r, 4) + pick(r, UP),
    "en_CA": _sin,
    "fr_FR": lambda r: f"{pick(r, '12')} {r.randint(50, 99)} {r.randint(1, 12):02d} {r.randint(1, 95):02d} {d(r, 3)} {d(r, 3)} {d(r, 2)}",
    "de_DE": lambda r: f"{d(r, 2, True)} {d(r, 3)} {d(r, 3)} {d(r, 3)}",
    "de_AT": lambda r: f"{d(r, 4, True)} {r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(50, 99)}",
    "de_CH": lambda r: f"756.{d(r, 4)}.{d(r, 4)}.{d(r, 2)}",
    "es_ES": lambda r: _dni(r) if r.random() < 0.8 else pick(r, "XYZ") + _dni(r)[1:],
    "es_MX": lambda r: "".join(pick(r, UP) for _ in range(4)) + f"{r.randint(50, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    + pick(r, "HM") + pick(r, ["DF", "JC", "NL", "PL", "YN", "QT"]) + "".join(pick(r, "BCDFGHJKLMNPRSTVZ") for _ in range(3)) + pick(r, "0A") + d(r, 1),
    "it_IT": lambda r: "".join(pick(r, "BCDFGLMNPRSTVZ") for _ in range(6)) + f"{r.randint(50, 99)}" + pick(r, "ABCDEHLMPRST")
    + f"{r.randint(1, 71):02d}" + pick(r, "ABCDEFGHLM") + d(r, 3) + pick(r, UP),
    "pt_BR": _cpf, "pt_PT": lambda r: f"{d(r, 8, True)} {r.randint(0, 9)} {pick(r, UP)}{pick(r, UP)}{r.randint(0, 9)}",
    "nl_NL": _bsn, "nl_BE": lambda r: f"{r.randint(50, 99)}.{r.randint(1, 12):02d}.{r.randint(1, 28):02d}-{d(r, 3)}.{d(r, 2)}",
    "pl_PL": _pesel, "cs_CZ": lambda r: f"{r.randint(50, 99)}{pick(r, [r.randint(1, 12), r.randint(51, 62)]):02d}{r.randint(1, 28):02d}/{d(r, 4)}",
    "sv_SE": _pnr_se, "da_DK": lambda r: f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(50, 99)}-{d(r, 4)}",
    "no_NO": lambda r: f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(50, 99)}{d(r, 5)}",
    "fi_FI": lambda r: f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(50, 99)}-{d(r, 3)}{pick(r, '0123456789ABCDEFHJKLMNPRSTUVWXY')}",
    "tr_TR": _tckn, "hu_HU": lambda r: f"{d(r, 3)} {d(r, 3)} {d(r, 3)}",
    "ro_RO": lambda r: f"{pick(r, '12')}{r.randint(50, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{d(r, 6)}",
    "el_GR": lambda r: f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(50, 99)}{d(r, 5)}",
    "ja_JP": lambda r: f"{d(r, 4, True)} {d(r, 4)} {d(r, 4)}", "ko_KR": lambda r: f"{r.randint(50, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{pick(r, '12')}{d(r, 6)}",
    "vi_VN": lambda r: "0" + d(r, 11), "id_ID": lambda r: f"{r.randint(11, 94)}{d(r, 4)}{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(50, 99)}{d(r, 4)}",
    "fil_PH": lambda r: f"{d(r, 4, True)}-{d(r, 4)}-{d(r, 4)}-{d(r, 4)}" if r.random() < 0.5 else f"{d(r, 2, True)}-{d(r, 7)}-{d(r, 1)}",
    "th_TH": lambda r: f"{r.randint(1, 8)} {d(r, 4)} {d(r, 5)} {d(r, 2)} {d(r, 1)}",
}
NID_NAME = {"en_GB": "NI number", "en_IE": "PPSN", "en_AU": "TFN", "en_NZ": "IRD no.", "en_IN": "Aadhaar/PAN",
            "en_CA": "SIN", "fr_FR": "n° de sécurité sociale", "de_DE": "Steuer-ID", "de_AT": "SV-Nummer",
            "de_CH": "AHV-Nr.", "es_ES": "DNI/NIE", "es_MX": "CURP", "it_IT": "codice fiscale", "pt_BR": "CPF",
            "pt_PT": "Cartão de Cidadão", "nl_NL": "BSN", "nl_BE": "rijksregisternummer", "pl_PL": "PESEL",
            "cs_CZ": "rodné číslo", "sv_SE": "personnummer", "da_DK": "CPR", "no_NO": "fødselsnummer",
            "fi_FI": "henkilötunnus", "tr_TR": "TC kimlik no", "hu_HU": "TAJ", "ro_RO": "CNP", "el_GR": "AMKA",
            "ja_JP": "My Number", "ko_KR": "RRN", "vi_VN": "CCCD", "id_ID": "NIK", "fil_PH": "PhilSys/SSS no.",
            "th_TH": "Thai ID"}


def national_id(r, loc):
    """(entity_type, value, cue)."""
    if loc == "en_US":
        return "US_SSN", ssn(r), "SSN"
    return "NATIONAL_ID", NATIONAL_ID[loc](r), NID_NAME[loc]


def passport(r, loc):
    pat = {"en_GB": lambda: d(r, 9, True), "en_US": lambda: pick(r, [d(r, 9, True), pick(r, UP) + d(r, 8)]),
           "en_IE": lambda: pick(r, UP) + pick(r, UP) + d(r, 7), "en_AU": lambda: pick(r, "NPE") + pick(r, UP) + d(r, 7),
           "en_IN": lambda: pick(r, "JKLMNPRSTUVWZ") + d(r, 7), "en_CA": lambda: pick(r, UP) + pick(r, UP) + d(r, 6),
           "de_DE": lambda: "C" + "".join(pick(r, "CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8)),
           "fr_FR": lambda: d(r, 2) + pick(r, UP) + pick(r, UP) + d(r, 5), "es_ES": lambda: pick(r, UP) + pick(r, UP) + pick(r, UP) + d(r, 6),
           "it_IT": lambda: pick(r, UP) + pick(r, UP) + d(r, 7), "nl_NL": lambda: "".join(pick(r, UP) for _ in range(2)) + "".join(pick(r, UP + "0123456789") for _ in range(6)) + d(r, 1),
           "pt_BR": lambda: pick(r, UP) + pick(r, UP) + d(r, 6), "ja_JP": lambda: pick(r, "MT") + pick(r, UP) + d(r, 7),
           "ko_KR": lambda: "M" + d(r, 8), "pl_PL": lambda: pick(r, UP) + pick(r, UP) + d(r, 7)}
    f = pat.get(loc, lambda: pick(r, UP) + d(r, 7 + r.randint(0, 1)))
    return f()


def _dvla(r, p: Person, dob):
    y, m, dd = dob
    sur = ascii_slug(p.surname).upper()[:5].ljust(5, "9")
    mm = m + (50 if r.random() < 0.5 else 0)
    ini = (ascii_slug(p.given)[:1].upper() or "X") + pick(r, UP + "9")
    return f"{sur}{str(y)[2]}{mm:02d}{dd:02d}{str(y)[3]}{ini}{r.randint(0, 9)}{pick(r, UP)}{pick(r, UP)}"


def driving_licence(r, loc, p: Person, dob):
    """(entity_type, value)."""
    if loc == "en_US":
        f = pick(r, [lambda: pick(r, UP) + d(r, 7), lambda: f"{d(r, 3)} {d(r, 3)} {d(r, 3)}",
                     lambda: f"{pick(r, UP)}{d(r, 3)}-{d(r, 3)}-{d(r, 2)}-{d(r, 3)}-{d(r, 1)}", lambda: d(r, 8, True),
                     lambda: f"{pick(r, UP)}{d(r, 3)}-{d(r, 4)}-{d(r, 4)}", lambda: pick(r, UP) + d(r, 12)])
        return "US_DRIVER_LICENSE", f()
    if loc == "en_GB":
        return "DRIVER_LICENSE", _dvla(r, p, dob)
    f = {"en_AU": lambda: d(r, 8 + r.randint(0, 2), True), "en_IE": lambda: f"{d(r, 3)} {d(r, 3)} {d(r, 3)}",
         "en_CA": lambda: f"{pick(r, UP)}{d(r, 4)}-{d(r, 5)}-{d(r, 5)}", "en_IN": lambda: f"{pick(r, ['MH', 'KA', 'DL', 'TN', 'KL'])}{d(r, 2)} {d(r, 11)}",
         "de_DE": lambda: "".join(pick(r, UP + "0123456789") for _ in range(11)), "fr_FR": lambda: d(r, 12),
         "es_ES": lambda: _dni(r), "it_IT": lambda: pick(r, ["U1", "UA"]) + "".join(pick(r, UP + "0123456789") for _ in range(8))}.get(
        loc, lambda: pick(r, UP) + d(r, 8))
    return "DRIVER_LICENSE", f()


def nhs_number(r):
    while True:
        b = d(r, 9, True)
        s = sum(int(c) * w for c, w in zip(b, range(10, 1, -1)))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c != 10:
            n = b + str(c)
            return f"{n[:3]} {n[3:6]} {n[6:]}" if r.random() < 0.7 else n


def mrn(r):
    return pick(r, [lambda: "MRN" + d(r, 7), lambda: d(r, 8), lambda: pick(r, UP) + pick(r, UP) + d(r, 6),
                    lambda: f"H{d(r, 7)}", lambda: f"{d(r, 2)}-{d(r, 6)}", lambda: nhs_number(r)])()


def account_number(r, loc):
    if loc in ("en_GB", "en_IE"):
        return d(r, 8)
    if loc in ("en_US", "en_CA"):
        return d(r, r.randint(9, 12), True)
    if loc == "en_AU":
        return f"{d(r, 3)} {d(r, 3)} {d(r, 3)}"
    if loc == "en_IN":
        return d(r, r.randint(11, 16), True)
    return d(r, r.randint(8, 12), True)


def url(r, p: Person):
    g, s = ascii_slug(p.given) or "x", ascii_slug(p.surname) or "y"
    return pick(r, [f"https://www.linkedin.com/in/{g}-{s}-{d(r, 3)}", f"linkedin.com/in/{g}{s}", f"https://{g}{s}.com",
                    f"https://github.com/{g[0]}{s}", f"www.{s}-{g}.me", f"https://instagram.com/{g}.{s}{d(r, 2)}"])


# ---------------------------------------------------------------- dates and ages

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December"]


def ymd(r, y0, y1):
    return r.randint(y0, y1), r.randint(1, 12), r.randint(1, 28)


def date_str(r, dt, us=False):
    y, m, dd = dt
    mon = MONTHS[m - 1]
    if us:
        return pick(r, [f"{m}/{dd}/{y}", f"{mon} {dd}, {y}", f"{m:02d}/{dd:02d}/{y}", f"{mon[:3]} {dd} {y}", f"{y}-{m:02d}-{dd:02d}"])
    return pick(r, [f"{dd} {mon} {y}", f"{dd:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{dd:02d}", f"{dd}.{m:02d}.{y}",
                    f"{dd} {mon[:3]} {y}", f"{dd}-{mon[:3]}-{y}", f"{dd}/{m}/{str(y)[2:]}", f"{dd}{_sfx(dd)} {mon} {y}"])


def _sfx(n):
    return "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n, hyphen=True):
    if n < 20:
        return _ONES[n]
    t, o = divmod(n, 10)
    if n >= 100:
        return "one hundred" + (" and " + words(n - 100) if n > 100 else "")
    return _TENS[t] + (("-" if hyphen else " ") + _ONES[o] if o else "")


DECADE_WORD = {2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties", 7: "seventies", 8: "eighties",
               9: "nineties"}


def age_pieces(r, n, sex="F", child=False):
    """Pieces (plain strings and ("AGE", v)) for an age in one of many surface forms.

    Convention: the number and a unit glued to it ("42-year-old", "42 yrs", "42yo", "forty-two years old",
    "18 months old", "42 years, 3 months") form the span; cue words around it ("aged", "age:", "turned",
    "in her") stay outside. "42M" labels only "42"."""
    A = lambda v: ("AGE", v)  # noqa: E731
    her = "her" if sex == "F" else "his"
    if child:
        forms = [[A(f"{r.randint(2, 23)} months old")], [A(f"{r.randint(2, 11)} weeks old")],
                 ["aged ", A(f"{r.randint(1, 14)}")], [A(f"{r.randint(2, 15)}-year-old")],
                 [A(f"{r.randint(1, 6)} years {r.randint(1, 11)} months")], [A(f"{words(r.randint(2, 12))} years old")],
                 [A(f"{r.randint(3, 16)}yo")], ["age ", A(str(r.randint(2, 16)))]]
        return pick(r, forms)
    forms = [
        [A(f"{n}-year-old")], [A(f"{n} years old")], ["aged ", A(str(n))], [A(f"{n} y/o")], [A(f"{n}yo")],
        ["age: ", A(str(n))], ["Age ", A(str(n))], [A(f"{n}{'F' if sex == 'F' else 'M'}"[:-1]), "F" if sex == "F" else "M"],
        [A(words(n))], [A(f"{words(n)}-year-old")], [A(f"{words(n, False)} years old")], [A(f"{n} yrs")],
        [A(f"{n} years, {r.randint(1, 11)} months")], ["turned ", A(str(n)), " last month"], ["(", A(str(n)), ")"],
        [f"in {her} ", A(DECADE_WORD.get(n // 10, "forties"))], [pick(r, ["early ", "mid-", "late "]), A(f"{(n // 10) * 10}s")],
        [A(f"{n} years of age")], [A(f"{n} y.o.")], ["aged ", A(words(n))], [A(f"{n}yrs")],
    ]
    return pick(r, forms)


# ---------------------------------------------------------------- organisations, jobs, NRP

_HOSP = ["St Brigid's University Hospital", "Royal Wexley Infirmary", "Northgate General Hospital",
         "Mercy Valley Medical Center", "Klinikum Am Nordpark", "Hôpital Saint-Roch", "Ospedale San Gerardo",
         "Hospital Universitario La Fe", "Lakeshore Children's Hospital", "Harbourview Community Hospital",
         "Aalborg Universitetshospital", "Tampere University Hospital", "Ramathibodi Hospital", "Manipal Hospital",
         "Toronto Western Hospital", "Waikato Hospital", "Prince of Wales Private Hospital"]
_SCHOOL = ["Kingsmead Academy", "University of Eastbrook", "Trinity Hall College", "Ashford Grammar School",
           "Sacred Heart Secondary School", "Technische Hochschule Mittelweser", "Université Lumière Lyon 2",
           "Politecnico di Torino", "Riverside Community College", "Lincoln High School", "Delft University of Technology",
           "National University of Singapore", "Universidad de Salamanca", "Westfield Primary School"]
_CHARITY = ["Shelter Cymru", "Hope for Paws Rescue", "The Harbour Foodbank", "Médecins du Monde", "Age Concern Northside",
            "Oxfam", "Kindred Minds Trust", "Red Cross", "Save the Children", "the Cedar Hospice Foundation",
            "Brightwater Carers Network"]
_GOV = ["HM Revenue & Customs", "the Department for Work and Pensions", "Service Canada", "the Social Security Administration",
        "Centrelink", "the DVLA", "Revenue Commissioners", "Bundesagentur für Arbeit", "the Home Office", "USCIS",
        "Kela", "Skatteverket", "Leeds City Council", "the Housing Executive", "Inland Revenue NZ", "the IND"]
_BIZ_SUFFIX = ["Ltd", "Limited", "plc", "LLC", "Inc.", "GmbH", "S.A.", "B.V.", "Pty Ltd", "AG", "SRL", "Oy", "AB", "A/S"]
_BIZ_STEM = ["Northwind", "Brightline", "Kestrel", "Halcyon", "Meridian", "Copperleaf", "Bluefin", "Ironbridge",
             "Silverbirch", "Arden", "Lumen", "Tern", "Quayside", "Greyhound", "Orchard", "Pinecrest"]
_BIZ_KIND = ["Logistics", "Lettings", "Property Management", "Recruitment", "Analytics", "Foods", "Engineering",
             "Couriers", "Insurance Brokers", "Energy", "Water", "Mortgages", "Vets", "Fitness", "Hotels", "Events"]


def company(r, loc=None, key=None, kind=None):
    if loc and key and r.random() < 0.3:
        try:
            return fake(loc, key + "|co").company()
        except AttributeError:
            pass
    k = kind or pick(r, _BIZ_KIND)
    return f"{pick(r, _BIZ_STEM)} {k} {pick(r, _BIZ_SUFFIX)}" if r.random() < 0.7 else f"{pick(r, _BIZ_STEM)} {k}"


def org(r, kind=None):
    kind = kind or pick(r, ["hosp", "school", "charity", "gov", "biz"])
    return {"hosp": lambda: pick(r, _HOSP), "school": lambda: pick(r, _SCHOOL), "charity": lambda: pick(r, _CHARITY),
            "gov": lambda: pick(r, _GOV), "biz": lambda: company(r)}[kind]()


JOBS = ["staff nurse", "Senior Software Engineer", "warehouse operative", "HGV driver", "primary school teacher",
        "Head of Finance", "care assistant", "Marketing Manager", "paralegal", "sous chef", "Chief Operating Officer",
        "plumber", "pharmacist", "barista", "Data Analyst", "site foreman", "receptionist", "Lecturer in Economics",
        "physiotherapist", "electrician", "Account Executive", "postdoctoral researcher", "bus driver", "dental hygienist",
        "Customer Service Advisor", "self-employed joiner", "civil servant", "Operations Director", "veterinary nurse",
        "retired police officer", "Store Manager", "solicitor", "Graduate Trainee", "forklift driver", "midwife",
        "UX designer", "security guard", "Assistant Professor", "cleaner", "sales assistant", "Project Coordinator",
        "machine operator", "taxi driver", "accountant", "HR Business Partner", "lab technician", "farm manager",
        "software developer", "delivery driver", "Registered Nurse", "social worker", "Senior Lecturer", "welder",
        "occupational therapist", "Finance Director", "housekeeper", "quantity surveyor", "Team Leader",
        "fitness instructor", "chef de partie", "architect", "firefighter", "hairdresser", "optometrist", "CEO"]


def job(r, loc=None, key=None):
    if loc and key and r.random() < 0.2:
        j = fake("en_GB", key + "|job").job()
        return j
    return pick(r, JOBS)


NRP = ["Catholic", "Muslim", "Sikh", "Hindu", "Jewish", "Buddhist", "Protestant", "Methodist", "Greek Orthodox",
       "Jehovah's Witness", "Romani", "Irish Traveller", "Kurdish", "Tamil", "Somali", "Māori", "Aboriginal",
       "Pakistani", "Polish", "Nigerian", "Eritrean", "Syrian", "Ukrainian", "Afghan", "Hong Konger", "Filipino",
       "Black Caribbean", "White British", "Mixed White and Asian", "Bangladeshi", "Labour Party member",
       "Conservative Party member", "Green Party member", "SNP member", "Quaker", "atheist", "Rastafarian",
       "Latino", "Vietnamese", "Sinhalese"]


def nrp(r, loc=None):
    if loc and r.random() < 0.4:
        return NATIONALITY[loc]
    return pick(r, NRP)


# ---------------------------------------------------------------- near misses (never labelled)


def near_miss(r):
    return pick(r, [
        lambda: f"order #{d(r, 7, True)}", lambda: f"ticket INC-{d(r, 6, True)}", lambda: f"£{r.randint(12, 980)}.{d(r, 2)}",
        lambda: f"€{r.randint(5, 4999)},{d(r, 2)}", lambda: f"${r.randint(20, 9000):,}", lambda: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
        lambda: f"ref {pick(r, UP)}{pick(r, UP)}{d(r, 5, True)}", lambda: f"card ending {d(r, 4)}", lambda: f"code {d(r, 6)}",
        lambda: f"booking {pick(r, UP)}{pick(r, UP)}{pick(r, UP)}{d(r, 3)}", lambda: f"{r.randint(2, 48)} kg",
        lambda: f"invoice {d(r, 4, True)}/{r.randint(20, 26)}", lambda: f"room {r.randint(101, 950)}",
        lambda: f"flight {pick(r, ['BA', 'LH', 'AF', 'KL', 'EI', 'QF', 'AC', 'TK'])}{r.randint(100, 1999)}",
        lambda: f"case {d(r, 2, True)}/{d(r, 5)}", lambda: f"{r.randint(2, 40)}% off",
    ])()
