"""Quasi-identifiers: ages, calendar dates, job titles, nationalities and groups, organisations by their suffix.

None names a person alone; together they narrow one down ("the 42-year-old Nigerian dental nurse at Leeds General
Infirmary"), so policies that say ``mask: all`` hide them. spaCy NER adds organisations, groups and dates too.
"""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from gateway.pii import entities
from gateway.pii.lexicon import COMMON_WORDS, JOB_HEADS, NATIONALITIES, ORG_SUFFIXES, PARTIES, is_known_name, is_place
from gateway.pii.recognizers import chinese_text
from gateway.pii.recognizers.rule import FLAGS, FLAGS_ICASE, RuleRecognizer
from gateway.pii.vocabulary import NOT_NAMES

_PARTNERS_SHAPE = regex.compile(r"[^,\n]+(?:,[ \t]+[^,\n]+)+,?[ \t]+(?:and|&)[ \t]+\S+")
_NOT_PARTNERS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                          "june july august september october november december visa mastercard amex maestro discover "
                          "english french german spanish chinese".split())

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)"
_NUMERIC_DATE = (
    r"(?<![\d/.\-vV])(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}|(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2})"
    r"(?![\d/.\-]?\d|(?!T\d)[A-Za-z])"
    rf"|(?<![\d\p{{L}}])\d{{1,2}}[\-/.]{MONTH}[\-/.](?:19|20)?\d{{2}}(?!\d)"
    rf"|\d{{1,2}}{_ORD}?[ \t]+(?:of[ \t]+)?{MONTH},?[ \t]+(?:19|20)\d{{2}}"
    rf"|(?<![\d\p{{L}}]|\d[.,])\d{{1,2}}{_ORD}?[ \t]+(?:of[ \t]+)?{MONTH}(?![\p{{L}}])"
    # A day and month without the year, after a preposition of time ("chest pain since 21/06", "on 04/05").
    r"|(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])(?![\d/.]?\d)"
    r"(?<=(?<![\p{L}])(?:on|since|from|until|till|before|after|dated)[ \t]+\d{1,2}[/.]\d{1,2})"
    r"|(?:19|20)\d{2}[ \t]*年[ \t]*\d{1,2}[ \t]*月(?:[ \t]*\d{1,2}[ \t]*[日号])?"
    r"|(?<!\d)\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*[日号]"
    r"|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)(?<=(?:生日|出生|日期|时间|date|dob)"
    r"[^\d\n]{0,6}(?:\n[^\d\n]{0,12})?\d{8})"
)
_WORDY_DATE = (
    rf"{MONTH}[ \t]+\d{{1,2}}{_ORD}?,?[ \t]+(?:19|20)\d{{2}}"
    rf"|(?<![\p{{L}}]){MONTH}[ \t]+\d{{1,2}}{_ORD}?(?![\d\p{{L}}])"
    rf"|(?<![\p{{L}}]){MONTH}[ \t]+(?:19|20)\d{{2}}(?!\d)"
)
# Each form starts with a digit or with a month's first letter, and the lookaheads say so before any alternative is
# tried: the same matches (checked on every evaluation text), a third of the time (most positions fail at once).
DATE = rf"(?:(?=\d)(?:{_NUMERIC_DATE})|(?=[adfjmnos])(?:{_WORDY_DATE}))"
"""A calendar date in the common numeric, written-out and Chinese forms (times and durations are not dates)."""

_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \-](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?"
)
_CN_NUMBER = r"[一二三四五六七八九十百零两]{1,4}"
_CN_NAME = (rf"(?:{chinese_text.SURNAME_PATTERN}[\p{{Han}}]{{1,2}}|\p{{Han}}{{2,6}}[·•・]\p{{Han}}{{2,6}})")


_KINDS = (r"(?:Hospital|Hôpital|Ospedale|Clínica|Clinica|Klinikum|Banco|Universidad|Universidade|Università|"
          r"Université|Instituto)")
_KIND_FIRST = regex.compile(_KINDS + r"[ \t]+(?:(?:de|del|do|da|di|la|los|das|dos)[ \t]+)?(\p{Lu}[\p{L}\p{M}\-]+)")
_HYPHEN_PAIR = regex.compile(r"\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+")
_SORT_CODE_BEFORE = regex.compile(r"(?i:sort[ \t\-]?code|sc)[ \t]*[:#=]?[ \t]*$")


class CalendarDateRecognizer(RuleRecognizer):
    """Calendar dates (a visit, a transaction, an admission); a date after a birth cue is DATE_OF_BIRTH instead."""

    ENTITY = entities.DATE
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("date", DATE, 0.6)]
    REGEX_FLAGS = FLAGS_ICASE
    REQUIRES: ClassVar[dict[str, str]] = {"date": r"\d"}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        # "Sort code: 49-07-10" is shaped like a date and is a bank's branch code.
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not _SORT_CODE_BEFORE.search(text, max(0, r.start - 16), r.start)]

    def validate_result(self, pattern_text: str) -> bool | None:
        numbers = [int(n) for n in re.findall(r"\d+", pattern_text)]
        if len(numbers) == 3 and re.fullmatch(r"[\d/.\-]+", pattern_text.strip()):
            a, b, c = numbers
            year_first = len(re.findall(r"\d+", pattern_text)[0]) == 4
            day, month = (c, b) if year_first else (a, b)
            if not (1 <= month <= 12 or (1 <= day <= 12 and 1 <= month <= 31)):
                return False
        return None


# What may follow an age's number as part of it: "-year-old", " years old", " years of age", "yrs", " y/o",
# " years, 3 months", " months old", "岁", "周岁左右". The unit is masked with the number ("a <AGE> woman").
_AGE_UNIT = regex.compile(
    r"(?:[ \t]?-?[ \t]?(?:years?|yrs?)(?:[ \t\-]*old|[ \t]+of[ \t]+age)?"
    r"(?:,?[ \t]+(?:and[ \t]+)?\d{1,2}[ \t]+(?:months?|mos?)(?:[ \t\-]*old)?)?"
    r"|[ \t]?(?:y/o|y\.o\.|yo)"
    r"|[ \t]?-?[ \t]?(?:months?|mos?|weeks?|wks?|days?)(?:[ \t\-]*old)?)(?![\p{L}\d])"
    r"|[ \t]?多?(?:周岁|岁)(?:半|左右)?",
    regex.IGNORECASE,
)
_DECADES = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[1-9]0['’]?s)"


class AgeRecognizer(RuleRecognizer):
    """Ages: "42-year-old", "aged 42", "age: 42", "42 y/o", "42 years old", "(42)" after a name, "19岁", "六十五岁".
    The span holds the unit that follows the number ("42-year-old", "42 yrs", "19周岁")."""

    ENTITY = entities.AGE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("n-year-old", rf"(?<![\d.])(?:\d{{1,3}}|{_NUMBER_WORDS})"
                              r"(?=[ \-]?(?:years?|yrs?|months?|weeks?|days?)[ \-]?old\b)", 0.7),
        Pattern("y/o", r"(?<![\d.])\d{1,3}(?=[ \t]?(?:y/?o|yo|yrs?|y\.o\.)(?![\p{L}]))", 0.6),
        Pattern("aged", rf"(?<![\p{{L}}])(?:aged?|age[ \t]+at[ \t]+\p{{L}}+|age[ \t]*[:=\-–\[(|])"
                        r"[ \t]*[:=\-–\[(|]?[ \t]*\K"
                        rf"(?:\d{{1,3}}|{_NUMBER_WORDS})(?!\d|\.\d|\p{{L}})"
                        r"(?:[ \t]*(?:months?|mos?|weeks?|wks?|days?)(?![\p{L}]))?", 0.7),
        # "45 years of age", "at the age of 45", "ages 7 and 9", "in her 40s", "F/34", "DOB 1/2/1980 (44)"
        Pattern("years of age", r"(?<![\d.])\d{1,3}(?=[ \t]+years?[ \t]+of[ \t]+age(?![\p{L}]))", 0.7),
        Pattern("age of", r"(?<=(?<![\p{L}])age[ \t]+of[ \t]+)\d{1,3}(?![\d.])", 0.7),
        Pattern("ages", r"(?<=(?<![\p{L}])ages[ \t]+(?:\d{1,3}(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+))*)"
                        r"\d{1,3}(?![\d.])", 0.6),
        Pattern("decade", r"(?<=(?<![\p{L}])(?:(?:his|her|their|my|your)[ \t]+(?:(?:early|mid|late)[ \t\-]*)?|"
                          r"(?:is|was|am|are|be|i['’]m|he['’]s|she['’]s|hes|shes)[ \t]+(?:early|mid|late)[ \t\-]*))"
                          rf"{_DECADES}(?![\p{{L}}])", 0.5),
        Pattern("sex/age", r"(?<=(?<![\p{L}\d])[MF]/)\d{1,3}(?![\d.])", 0.5),
        Pattern("age after a date", r"(?<=\d{4}[ \t]?\()\d{1,3}(?=\))", 0.55),
        Pattern("male/female age", r"(?<![\p{L}\d])\d{1,3}(?=[ \t]?(?:M|F|m|f)(?![\p{L}\d]))(?<=[ (,]\d{1,3})", 0.3),
        Pattern("age and sex", r"(?<=[ (,/]|^)\d{1,3}(?=(?:M|F|yo|y)(?:[,;) /]|$))", 0.5),
        # An age in words after the person: "Customer states she is sixty-three and works as ...".
        Pattern("is n in words", r"(?<=(?<![\p{L}])(?:he|she|they|i|patient|customer|who)[ \t]+(?:is|was|am)[ \t]+|"
                r"(?<![\p{L}])(?:i'm|aged|turned|turns)[ \t]+)"
                r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \-](?:one|two|three|four|five|six|"
                r"seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![\p{L}\-])",
                0.55),
        Pattern("is n and", r"(?<=(?:\b(?:is|was|am|turned|turns|now|aged|age of)|(?<=\p{L})['’]s)[ \t]+)\d{1,3}"
                r"(?=[ \t]+(?:and|but|now|today|years?|yrs?|in|this|next|last|,)(?![\p{L}]))", 0.5),
        Pattern("name (age)", rf"(?<=\p{{Lu}}\p{{Ll}}+[ \t]?\(\(?)(?:\d{{1,3}}|{_NUMBER_WORDS})(?=\))", 0.6),
        # The age among a person's descriptors in brackets: "Aurora López (Chilean, 77)", "Kim (F, 24)".
        Pattern("descriptor, age", r"(?<![\d])\d{1,3}(?=\))"
                r"(?<=\p{Lu}[\p{Ll}\p{M}]+[ \t]?\((?:[\p{L}\p{M} \-]{1,30},[ \t]?){1,2}\d{1,3})", 0.55),
        Pattern("name, age,", r"(?<=\p{Lu}[\p{Ll}.]+,[ \t])\d{1,3}(?=,[ \t]+\p{Ll}|[ \t]+(?:years?|yrs?)(?![\p{L}]))",
                0.55),
        # "hes 42yrs", "I'm (56) and", "Owner is forty-two and", "As you will be 19yo at", "a man, (39),"
        Pattern("person is n", r"(?<=(?<![\p{L}])(?:(?:i['’]m|im|i[ \t]+am|he['’]s|hes|she['’]s|shes|they['’]re|"
                r"(?:he|she|they|you|owner|guest|applicant|client|patient|customer|caller|member|child|son|daughter)"
                r"[ \t]+(?:is|was|will[ \t]+be|would[ \t]+be))"
                r"|(?:man|woman|male|female|boy|girl|lady|gentleman|person|guest|child),)[ \t]+\(?)"
                rf"(?:\d{{1,3}}|{_NUMBER_WORDS})(?=\)?[MF]?(?:[ \t]*[,.;!?)]|[ \t]+(?:and|but|now|today|at|in|so|"
                r"this|next|last|with|when)(?![\p{L}])|[ \t]?-?[ \t]?(?:years?|yrs?|y/o|y\.o\.|yo)(?![\p{L}])))",
                0.55),
        Pattern("chinese", rf"(?<!\d)(?:\d{{1,3}}|{_CN_NUMBER})(?=[ \t]?多?(?:岁|周岁))", 0.8),
        Pattern("chinese decade", rf"(?<![一二三四五六七八九十百零两]){_CN_NUMBER}(?:旬|出头)", 0.6),
        Pattern("chinese age cue", r"年龄[:：]?[ \t]*\K\d{1,3}(?!\d)", 0.8),
        # A column of ages in an aligned table, right after a person's name ("蒲海涛  39  蒙古族",
        # "伍平  52  1971-06-21").
        Pattern("age column after a chinese name",
                rf"(?<![\d])\d{{1,3}}(?=[ \t]{{2,}}(?:\p{{Han}}|(?:19|20)\d{{2}}[\-/年]))"
                rf"(?<=(?:^|[ \t]){_CN_NAME}[ \t]{{2,}}\d{{1,3}})", 0.55),
    ]
    REGEX_FLAGS = FLAGS | regex.IGNORECASE
    REQUIRES: ClassVar[dict[str, str]] = {"descriptor, age": r",[ \t]?\d{1,3}\)",
                                          "age column after a chinese name": r"\p{Han}[ \t]{2,}\d",
                                          "is n in words": r"(?i:ty|teen)(?![\p{L}])"}

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = re.sub(r"\D", "", pattern_text)
        return False if digits and int(digits) > 125 else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        found = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in found:
            unit = _AGE_UNIT.match(text, result.end)
            if unit is not None:
                result.end = unit.end()
        return found


_HEAD = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(sorted(JOB_HEADS, key=len, reverse=True)) + r")s?(?![\p{L}])", regex.IGNORECASE
)
_LABEL_AFTER = regex.compile(r"s?[ \t]+(?:required|needed|notes?|details|comments|name|report|review|fees?|"
                              r"licen[cs]e|permit|services?)(?![\p{L}])", regex.IGNORECASE)
_WORD_BEFORE = regex.compile(r"([A-Za-z][A-Za-z&/\-]*)[ ]+$")  # a tab ends a cell: "Occupation\tsous chef"
_NOT_MODIFIER = frozenset(STOP_WORDS) | {"dear", "hi", "hello", "thanks", "called", "spoke", "ask", "asked",
                                         "contact", "contacted", "told", "tell", "said", "says", "email", "emailed",
                                         "call", "phone", "rang", "see", "seen", "saw", "met", "meet", "with",
                                         "occupation", "job", "title", "role", "position", "profession"}


_CN_JOBS = ("工程师|分析师|设计师|会计师|律师|医师|药师|厨师|讲师|教师|老师|技师|理财师|咨询师|营养师|架构师|程序员|"
            "快递员|外卖骑手|骑手|司机|警察|民警|辅警|护士|医生|农民|教授|职员|专员|店员|营业员|销售员|销售|客服|"
            "经理|主任|主管|总监|总经理|董事长|店长|厂长|秘书|顾问|助理|保安|保洁员|个体户|自由职业者|公务员|"
            "工人|电工|焊工|钳工|车工|木工|瓦工|复卷工|操作工|普工|技术员|研究员|记者|编辑|演员|画家|作家|翻译|"
            "导游|厨工|保姆|家政|护工|快递|出纳|会计|审计|柜员|行长|科长|处长|局长|院长|校长|学生|研究生|博士生|"
            "退休人员|无业|待业|岗|厨师长|护士长|组长|班长|部长|总裁|董事|监事|合伙人|督导|稽核员|审批员|"
            "调查员|理赔员|核保员|客户经理|规培医师|驾驶员|健身教练|教练|网格员|销售代表|村支书|兽医")


_NOT_OCCUPATION = ("man|woman|men|women|boy|girl|male|female|patient|gentleman|lady|child|son|daughter|mother|"
                   "father|wife|husband|individual|person|client|customer|resident|smoker|non-smoker|ex-smoker|"
                   "widow|widower|national|citizen|twin|infant|baby|teenager|adult|primigravida|multigravida")
_OCCUPATION_WORD = rf"(?!(?:{_NOT_OCCUPATION})(?![\p{{L}}\-]))[A-Za-z][A-Za-z'’\-]*"


# A CV's experience line: the job, the employer, perhaps its town, and the years
# ("Administrator, arts, Centrelink (2012–2019)", "Patent attorney, Lumen Analytics Inc. — Cork (2020–present)").
_EXPERIENCE_JOB = r"(?=\p{L})[^\n,()•·|]{2,50}?(?:,[ \t]+\p{Ll}[^\n,()]{1,30})?"  # "Surveyor, building control"
_EXPERIENCE_EMPLOYER = r"[^\n,()]{2,60}?"
_EXPERIENCE_YEARS = r"(?:[ \t]+[—–\-][ \t]+[^\n()]{2,40}?)?[ \t]*\((?:19|20)\d{2}[ \t]*[–\-]"  # " — Leeds (2019–"


class JobTitleRecognizer(RuleRecognizer):
    """Job titles: a job head noun with the modifier words before it ("senior software engineer", "dental nurse"),
    "head of X", or the words after a job cue ("occupation:", "works as")."""

    ENTITY = entities.JOB_TITLE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("head of", r"(?<![\p{L}])(?:head|director|vice president|vp)[ \t]+of[ \t]+"
                r"(?!the\b|a\b|an\b)[A-Za-z][A-Za-z&\-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][A-Za-z&\-]*){0,2}", 0.5),
        Pattern("after job cue", r"(?<![\p{L}])(?:occupation|job title|job|position|profession|employment|"
                r"works as|working as|employed as|job as|career as|salary as|joining us as|joins us as|hired as|"
                r"appointed as|retired as)(?:[ \t]*[:=][ \t]*|[ \t]+(?:an?[ \t]+)?)"
                r"(?!title\b)\K[A-Za-z][A-Za-z&/'’\-]*(?:[ \t]+[A-Za-z][A-Za-z&/'’\-]*){0,4}?"
                # A title's qualifier after a comma or in brackets: "Nurse, adult", "Scientist, research (life
                # sciences)", "Engineer (civil)".
                r"(?-i:,[ \t]+(?!(?:and|but|or|so|then|which|who|she|he|they|i|we|it|the|a|an|since|now)(?![a-z]))"
                r"[a-z][a-z\-]*(?:[ \t]+[a-z][a-z\-]*){0,2}?(?:[ \t]+\([a-z][a-z \-]{1,30}\))?"
                r"|[ \t]+\([a-z][a-z \-]{1,30}\))?"
                r"(?=[ \t]*(?:[.,;\n)]|$|[ \t](?:at|in|for|with|since|on|from)[ \t]))", 0.6),
        # "You were employed as chef de partie until …", "confirmed you started as self-employed joiner on …"
        Pattern("employed as", r"(?<![\p{L}])(?:employed|worked|working|works|work|started|starting|joined|hired|"
                r"promoted|retired|served|serving|trained|qualified|practising|practicing)[ \t]+as[ \t]+"
                r"(?:(?:an?|the)[ \t]+)?\K(?!(?:expected|usual|normal|planned|intended|before|required|needed|agreed|"
                r"described|shown|above|below|follows|such|well|part|one|soon|long|much|far|good|possible)"
                r"(?![\p{L}]))[A-Za-z][A-Za-z'’\-]*(?:[ \t]+[A-Za-z][A-Za-z'’\-]*){0,3}?"
                r"(?=[ \t]+(?:until|on|from|since|at|with|for|in|between|before|after|and)(?![\p{L}])|[ \t]*[,.;)]|$)",
                0.5),
        # "Seen by Zsolt (civil servant)", "reviewed by Amal Haddad (Ergonomist)": the role of the one who acted.
        Pattern("role in brackets after an actor",
                r"(?<=(?<![\p{L}])(?i:seen|treated|examined|reviewed|attended|signed|prepared|checked|assessed|"
                r"approved|referred|written|completed)[ \t]+(?i:by)[ \t]+\p{Lu}[\p{L}\p{M}'’\-]+"
                r"(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]+)?[ \t]*\()(?=[\p{L}])[^()\n\d]{3,60}(?=\))", 0.5),
        # A CV: "Results-driven civil servant with 15 years' experience", "retired housekeeper".
        Pattern("with years of experience",
                r"(?<![\p{L}\-])(?!(?i:results-driven|friendly|reliable|experienced|dedicated|motivated|passionate|"
                r"qualified|hard-working|hardworking|enthusiastic|a|an|the)(?![\p{L}\-]))[A-Za-z][A-Za-z'’\-/]*"
                r"(?:[ \t]+(?!(?i:with)(?![\p{L}]))[A-Za-z][A-Za-z'’\-/]*){0,4}?"
                r"(?=[ \t]+with[ \t]+(?:\d{1,2}|over[ \t]+\d{1,2}|\p{L}+)[ \t]+years?['’]?[ \t]+"
                r"(?:of[ \t]+)?experience)", 0.5),
        Pattern("retired", r"(?<=(?<![\p{L}])(?i:retired|former|ex-)[ \t]?)(?!(?i:early|now|since|in|last|from|and|"
                           r"at|on)(?![\p{L}]))\p{Ll}[\p{Ll}\-]+(?:[ \t]+\p{Ll}[\p{Ll}\-]+)?(?=[ \t]*[;,.)]|$)", 0.5),
        # A CV's experience line: "Surveyor, building control, Lumen Vets SRL — Leeds (2019–present)".
        Pattern("experience line", r"(?m)^[ \t]*\K" + _EXPERIENCE_JOB
                + rf"(?=,[ \t]+{_EXPERIENCE_EMPLOYER}{_EXPERIENCE_YEARS})", 0.5),
        # A clinical history's "a forty-two-year-old barista who ...": the noun after the age, unless it says who.
        Pattern("after age", rf"(?<![\p{{L}}])year[ -]old[ \t]+\K{_OCCUPATION_WORD}(?:[ \t]+{_OCCUPATION_WORD})?"
                r"(?=[ \t]+(?:who|with|from|presenting|attending|living|working|in|at)\b)", 0.5),
        Pattern("chinese", r"(?:职业|职务|岗位|职位)[:：]?[ \t]*\K\p{Han}{2,8}?(?=[，。；,;\s]|$)", 0.6),
        # Grades of hospital doctors and staff, written as they sign ("Dr A. Singh, FY2", "Senior BMS").
        Pattern("clinical grade", r"(?-i:(?<![\p{L}\d])(?:(?:Senior|Chief|Lead)[ \t]+)?(?:FY[12]|CT[1-3]|ST[1-8]|SpR|"
                r"SHO|StR|HCA|BMS|RMN|RGN|ANP|CNS|ACP)(?![\p{L}\d]))(?<=(?:,|\||Dr[^\n]{0,40}|\n|:|\()[ \t]*"
                r"(?:(?:Senior|Chief|Lead)[ \t]+)?\w+)", 0.5),
        Pattern("chinese job noun", rf"(?<=退休|现任|担任|任职|兼任|是一名|是名|做|当|从事|变更为|[，,、：:（(/]|"
                rf"公司|集团|医院|银行|学校|公司的|集团的|医院的|银行的|学校的|^|[ \t])(?!的)"
                rf"(?:\p{{Han}}{{1,8}}/)*\p{{Han}}{{0,7}}?(?:{_CN_JOBS}|药剂师|\p{{Han}}师|工商户)"
                rf"(?=[，,。；;、）)（( \t/]|$)"
                rf"(?<!客户|用户|账户|帐户|住户|会员|成员)", 0.55),
        # In brackets after a name, a clause ending in an occupation suffix, or a list of roles joined by "/"
        # ("推荐人雷晓晓（配色工）", "龚凯辉（寻呼员/话务员）", "乌兰图雅（首席执行官CEO/总裁/总经理）").
        Pattern("chinese role in brackets", rf"(?<=\p{{Han}}{{2}}[（(])(?:[\p{{Han}}A-Za-z]{{1,12}}/)*"
                rf"(?:\p{{Han}}{{1,10}}?(?:{_CN_JOBS}|师|员|工|官|商户|手|匠)|[\p{{Han}}A-Za-z]{{1,12}}(?:/[\p{{Han}}A-Za-z]{{1,12}})+)"
                rf"(?=[）)])(?<!客户|用户|账户|帐户|住户|会员|成员|党员|团员|社员|盟员)", 0.55),
    ]
    CONTEXT: ClassVar[list[str]] = ["works as", "occupation", "job", "position", "employed", "career", "profession",
                                    "salary as", "title"]
    REGEX_FLAGS = FLAGS_ICASE
    REQUIRES: ClassVar[dict[str, str]] = {"chinese role in brackets": r"\p{Han}[（(]", "chinese job noun": r"\p{Han}",
                                          "experience line": r"\((?:19|20)\d{2}",
                                          "with years of experience": r"(?i:experience)",
                                          "role in brackets after an actor": r"(?i:by)[ \t]",
                                          "retired": r"(?i:retired|former|ex-)"}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for match in _HEAD.finditer(text):
            # "Agent: …", "Consultant: Dr X": a role heading a line or a field is a label, not someone's job.
            if regex.match(r"[ \t]*:", text[match.end():match.end() + 3]) or text[match.end():].startswith(("'s",
                                                                                                             "’s")):
                continue
            # "Interpreter required:", "Underwriter notes:", "driver licence": the role names a field or a document.
            if _LABEL_AFTER.match(text, match.end()):
                continue
            if match.group().lower() == "assistant" and _WORD_BEFORE.search(text, 0, match.start()) and \
                    _WORD_BEFORE.search(text, 0, match.start()).group(1).lower() in {"virtual", "digital", "ai"}:
                continue
            start, modifiers = match.start(), 0
            while modifiers < 3:
                before = _WORD_BEFORE.search(text, 0, start)
                if before is None or before.group(1).lower() in _NOT_MODIFIER or before.group(1).lower().endswith(
                        ("year-old", "-old", "-aged")):  # "85-year-old student": the age is not part of the job
                    break
                start, modifiers = before.start(1), modifiers + 1
            before = text[max(0, start - 8):start]
            framed = bool(regex.search(r"(?:\(|\bas(?: an?)?[ \t]|\b(?:is|was) an?[ \t]|^|\n|\p{L},|\|)[ \t]*$",
                                       before))
            results.append(self.result(start, match.end(), 0.5 if modifiers or framed else 0.4))
        return results


_PARTY = r"(?<![\p{L}])(?:" + "|".join(regex.escape(p) for p in sorted(PARTIES, key=len, reverse=True)) + ")"
"""A party's name, longest first, not inside a word."""


class NrpRecognizer(RuleRecognizer):
    """Nationalities, religions, ethnic and political groups (a short list; spaCy's NORP adds more)."""

    ENTITY = entities.NRP
    _WORDS = "|".join(sorted((w.replace("-", "[ -]") for w in NATIONALITIES), key=len, reverse=True))
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("group", rf"(?<![\p{{L}}])(?:(?:mixed|white|black|british|asian|other)[ \t]+(?:and[ \t]+)?)*"
                rf"(?:{_WORDS})(?:[ \t]+(?:british|american|irish|caribbean|african|asian|other))?(?![\p{{L}}])",
                0.5),
        # Faiths named in more than one word, or by a word the adjective list lacks.
        Pattern("faith", r"(?<![\p{L}])(?:Seventh[ \-]day Adventists?|Jehovah['’]?s Witness(?:es)?|Church of "
                r"(?:England|Scotland|Ireland|Wales)|Latter[ \-]day Saints?|Greek Orthodox|Russian Orthodox|"
                r"Plymouth Brethren|Pentecostal|Adventist|Quaker|Rastafarian|Baha['’]?i)(?![\p{L}])", 0.55),
        Pattern("chinese", r"(?:汉族|回族|藏族|维吾尔族|苗族|彝族|壮族|满族|蒙古族|土家族|布依族|朝鲜族|侗族|瑶族|白族|"
                r"哈尼族|"
                r"哈萨克族|傣族|黎族|傈僳族|佤族|畲族|高山族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|"
                r"达斡尔族|羌族|基督徒|天主教徒|佛教徒|穆斯林|中共党员|共青团员|民主党派|群众)", 0.6),
        Pattern("party", rf"{_PARTY}(?![\p{{L}}])(?<=(?:vot\w*|member|supporter|support|about|for|of|joined|with)"
                         r"[^\n]{0,20})", 0.55),
        # Membership named after the party ("i'm Green Party member", "Labour supporters"): the whole phrase.
        Pattern("party member", rf"{_PARTY}[ \t]+(?:party[ \t]+)?(?:member|supporter|voter|activist|councillor|"
                                r"candidate)s?(?![\p{L}])", 0.55),
        Pattern("chinese party", r"(?<![\p{Han}])\p{Han}{1,6}?(?:党员|社员|团员|盟员|会员)(?=[，,。；;、）)]|$)", 0.55),
        Pattern("chinese nationality",
                r"(?<=为|是|系)?\p{Han}{1,8}?籍(?=华人|华侨|人士|公民|客户|，|,|。|）|\)|、|；|$)"
                r"|(?<![\p{Han}])(?:华人|华侨|港澳同胞|台湾同胞|外籍)(?![\p{Han}])", 0.55),
    ]
    # Not VERSION1: its full case folding made the nationality list three to five times slower, and no pattern
    # here uses a set operation (the same matches on every evaluation text).
    REGEX_FLAGS = FLAGS_ICASE
    REQUIRES: ClassVar[dict[str, str]] = {"faith": r"(?i:adventist|witness|church of|saints?|orthodox|brethren|"
                                                   r"pentecostal|quaker|rastafarian|baha)"}

    def validate_result(self, pattern_text: str) -> bool | None:
        lowered = pattern_text.lower()
        # Colour words and "other" alone are not a group ("a white card", "other fees").
        return False if lowered in {"white", "black", "green", "other", "mixed", "asian and"} else None


class OrganizationRecognizer(RuleRecognizer):
    """Organisations named with a legal or institutional suffix ("Harwick Mutual Ltd", "St Mary's Hospital",
    "Leeds General Infirmary", "中国银行长江路支行")."""

    ENTITY = entities.ORGANIZATION
    _SUFFIX = "|".join(regex.escape(s) for s in sorted(ORG_SUFFIXES, key=len, reverse=True))
    _CAP = r"(?:\p{Lu}[\p{L}'’&.\-]*|&|of|and|the|de|du|la|für|St\.?)"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("suffixed", rf"(?<![\p{{L}}])\p{{Lu}}[\p{{L}}'’&.\-]*(?:[ \t]+{_CAP}){{0,5}}[ \t,]+(?:{_SUFFIX})"
                rf"(?![\p{{L}}])", 0.55),
        # Partnerships are named by their partners: "Cummings, Fox and Atkinson", "Carroll and Sons".
        Pattern("partners", r"(?<![\p{L}])\p{Lu}\p{Ll}[\p{L}'’\-]*(?:,[ \t]+\p{Lu}\p{Ll}[\p{L}'’\-]*)+,?[ \t]+(?:and|&)"
                r"[ \t]+\p{Lu}\p{Ll}[\p{L}'’\-]*(?![\p{L}])", 0.5),
        Pattern("and sons", r"(?<![\p{L}])\p{Lu}\p{Ll}[\p{L}'’\-]*[ \t]+(?:and|&)[ \t]+"
                r"(?:Sons|Daughters|Partners|Co\.?)(?![\p{L}])", 0.55),
        Pattern("of-form", r"(?<![\p{L}])(?:University|Bank|Ministry|Department|Hospital|College|Institute|Academy|"
                r"Royal Bank|National Bank)[ \t]+of[ \t]+\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,3}", 0.55),
        # A hospital, clinic, bank or university named first by its kind, as Spanish, Portuguese, Italian and French
        # do: "Hospital Ángeles", "Clínica Alemana", "Banco Galicia", "Università Bocconi".
        Pattern("kind first", r"(?<![\p{L}])" + _KINDS + r"[ \t]+(?:(?:de|del|do|da|di|la|los|das|dos)[ \t]+)?"
                r"\p{Lu}[\p{L}\p{M}\-]+(?![\p{L}])", 0.5),
        # The employer on a CV's experience line, after the job.
        Pattern("employer on an experience line", r"(?m)^[ \t]*" + _EXPERIENCE_JOB
                + rf",[ \t]+\K(?=\p{{Lu}}){_EXPERIENCE_EMPLOYER}(?={_EXPERIENCE_YEARS})", 0.6),
        # Firms named by two surnames after a workplace cue: "works at Moon-Castillo", "Kashif from Sen-Mall".
        Pattern("hyphenated firm", r"(?<=(?<![\p{L}])(?i:at|from|with|for|employer|company|firm|banks[ \t]+with|"
                r"joined|joining|left|leaving)[ \t]*:?[ \t]+)\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+(?![\p{L}\-])", 0.5),
        Pattern("chinese", r"(?:(?<![\p{Han}])|(?<=入住|住在|前往|就职于|任职于|工作于|来自|位于|单位|在|于|到|去))"
                r"(?!入住|住在|前往|就职|任职|工作|来自|位于|致电|单位)"
                r"(?:(?!的|了|在|是|和|给|被|把|向|对|通过|我|你|他|她)\p{Han})"
                r"{2,14}?(?:有限责任公司|股份有限公司|有限公司|集团|银行|支行|分行|"
                r"医院|"
                r"卫生院|诊所|大学|学院|中学|小学|研究院|研究所|事务所|保险公司|证券|基金|委员会|管理局|公安局|派出所|"
                r"旅馆|酒店|宾馆|律师事务所|软件|科技|教育|贸易|医药|物流|餐饮|超市|药房)"
                r"(?:股份有限公司|有限责任公司|有限公司|集团(?:有限公司)?|股份公司|公司)?"
                r"(?:[\p{Han}]{0,6}?(?:支行|分行|分院|分公司|营业部))?", 0.55),
    ]
    REGEX_FLAGS = FLAGS | regex.VERSION1
    REQUIRES: ClassVar[dict[str, str]] = {"chinese": r"\p{Han}", "partners": r"[ \t](?:and|&)[ \t]+\p{Lu}",
                                          "and sons": r"[ \t](?:and|&)[ \t]+(?:Sons|Daughters|Partners|Co)",
                                          "hyphenated firm": r"\p{Ll}-\p{Lu}\p{Ll}",
                                          "employer on an experience line": r"\((?:19|20)\d{2}",
                                          "kind first": r"(?:Hospital|Hôpital|Ospedale|Cl[íi]nica|Klinikum|Banco|"
                                                        r"Universi|Instituto)[ \t]+\p{L}"}

    def validate_result(self, pattern_text: str) -> bool | None:
        kind_first = _KIND_FIRST.fullmatch(pattern_text)
        if kind_first:
            # "Hospital Number", "Hospital Discharge": a field, not a name; the name is known, a place or foreign.
            name = kind_first.group(1)
            lowered = name.lower()
            if lowered in STOP_WORDS or lowered in NOT_NAMES or lowered in COMMON_WORDS:
                return False
            return None if (is_known_name(name) or is_place(name) or not name.isascii()) else False
        if _HYPHEN_PAIR.fullmatch(pattern_text):
            parts = [p.lower() for p in pattern_text.split("-")]
            if any(p in STOP_WORDS for p in parts):
                return False
            if not any(is_known_name(p) for p in parts) and any(p in NOT_NAMES or p in COMMON_WORDS for p in parts):
                return False
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        kept = []
        for result in results:
            words = text[result.start:result.end].split()
            # "Our Bank", "The Hospital": a suffix after a function word only is not a name.
            if len(words) >= 2 and words[0].lower() in {"our", "the", "your", "my", "this", "that", "a", "an"} \
                    and len(words) == 2:
                continue
            # "Monday, Tuesday and Friday", "Visa, Mastercard and Amex": words, not partners' names.
            if _PARTNERS_SHAPE.fullmatch(text, result.start, result.end) and any(
                    w.strip(",").lower() in NOT_NAMES or w.strip(",").lower() in _NOT_PARTNERS for w in words
                    if w not in {"and", "&"}):
                continue
            # "National Insurance number", "Social Security card": the name of an identifier, not an insurer.
            if text[result.start:result.end].lower() in {"national insurance", "social security"}:
                continue
            kept.append(result)
        return kept


__all__ = ["AgeRecognizer", "CalendarDateRecognizer", "JobTitleRecognizer", "NrpRecognizer", "OrganizationRecognizer"]
