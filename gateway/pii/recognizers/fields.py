"""Values whose meaning comes from where they stand, not from their shape: form fields, tables, speakers, sign-offs.

Staff paste records: ``Name: VALERIE BALL``, ``SURNAME: ÖZTÜRK``, ``{"patient": {"name": "Rushil Rau"}}``,
``country="Sweden"``, a CSV with a ``name,email,phone,dob`` header, a chat log ``[16:05] Sonia: hey``, a question
answered on the next line (``Name?`` / ``- priya raman``), an e-mail signed ``-- Cecilia Pacheco``, a list of
attendees. The value's label (a field name, a column header, the question) says what it is; its shape often does
not (a lower-case name, a bare city, a number of any format). One recognizer reads all of these layouts, because
they share the label vocabulary (``FIELD_TYPES``).
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from gateway.pii import entities as e
from gateway.pii.lexicon import is_first_name
from gateway.pii.recognizers.quasi import DATE
from gateway.pii.recognizers.rule import TextRecognizer, tagged_result
from gateway.pii.vocabulary import NOT_NAMES

# Field labels (lower case, spaces normalised) → the entity type of their value.
FIELD_TYPES: dict[str, str] = {
    **dict.fromkeys(
        ["name", "full name", "names", "surname", "surnames", "last name", "family name", "first name", "first names",
         "given name", "given names", "forename", "forenames", "middle name", "middle names", "maiden name",
         "customer name", "client name", "patient name", "patient", "customer", "client", "applicant", "applicant 1",
         "applicant 2", "account holder", "account name", "holder", "cardholder", "card holder", "beneficiary",
         "beneficiary name", "payee", "payee name", "contact", "contact name", "next of kin", "emergency contact",
         "spouse", "partner", "guardian", "attn", "attention", "employee", "employee name", "staff name",
         "user", "username", "user name", "caller name", "referrer", "gp", "consultant", "doctor", "physician",
         "nurse", "seen by", "signed", "signature", "witness", "from", "to", "cc", "sender", "recipient", "nic",
         "nurse in charge", "named nurse", "key worker", "keyworker", "case handler", "handler", "reviewer",
         "approver", "approved by", "prepared by", "investigator", "adviser", "advisor", "agent name",
         "patient surname", "patient forename", "patient forenames", "referring gp", "referring clinician",
         "insured", "insured name", "name as shown", "requested by", "referred by", "reported by", "completed by",
         "checked by", "verified by", "authorised by", "authorized by", "broker", "nok", "executor",
         # a legal matter's other side: a person as often as a firm, and a person is the one to hide
         "opposing party", "other party", "counterparty", "defendant", "respondent", "claimant", "plaintiff",
         # people a delivery, a booking, a tenancy or a visit names
         "driver", "consignee", "passenger", "guest", "lead guest", "accompanying guest", "lead booker", "tenant",
         "landlord", "guarantor", "pet owner", "member name", "parent", "child",
         "主人", "宠物主人", "房东", "租客", "承租人", "乘客", "旅客", "同住人", "入住人", "司机", "家长", "孩子",
         "姓名", "名字", "户名", "账户名", "联系人", "收件人", "收款人", "付款人", "申请人", "持卡人", "客户", "患者",
         "病人", "家属", "紧急联系人", "担保人", "借款人", "开户人", "经办人"],
        e.PERSON),
    **dict.fromkeys(
        ["city", "town", "village", "country", "country of residence", "country of birth", "country of tax residence",
         "country of issue", "place of birth", "birthplace", "birth place", "state", "province", "region", "county",
         "district", "hometown", "origin", "destination", "issuing country", "issuing state",
         "城市", "籍贯", "出生地", "所在地", "省份"],
        e.LOCATION),
    **dict.fromkeys(
        ["address", "home address", "street", "street address", "address line 1", "address line 2", "address 1",
         "address 2", "billing address", "mailing address", "postal address", "residential address",
         "correspondence address", "shipping address", "delivery address", "addr", "地址", "住址", "家庭住址",
         "通讯地址", "户籍地址", "收货地址", "联系地址", "现住址", "收件地址", "寄件地址", "送货地址", "派送地址",
         "居住地址", "房屋地址", "单位地址", "工作地址", "deliver to", "ship to"],
        e.STREET_ADDRESS),
    **dict.fromkeys(["postcode", "post code", "postal code", "zip", "zip code", "zipcode", "eircode", "pin code",
                     "邮编", "邮政编码"], e.POSTAL_CODE),
    **dict.fromkeys(["nationality", "citizenship", "religion", "ethnicity", "ethnic group", "ethnic origin",
                     "民族", "国籍", "宗教信仰", "政治面貌"], e.NRP),
    **dict.fromkeys(["occupation", "job", "job title", "position", "profession", "employment", "role",
                     "职业", "职务", "职位"], e.JOB_TITLE),
    **dict.fromkeys(["employer", "company", "organisation", "organization", "institution", "school", "university",
                     "hospital", "bank", "工作单位", "单位", "公司"], e.ORGANIZATION),
    **dict.fromkeys(["dob", "d.o.b.", "d.o.b", "date of birth", "birth date", "birthdate", "birthday", "born",
                     "出生日期", "生日", "出生年月"], e.DATE_OF_BIRTH),
    **dict.fromkeys(["age", "年龄"], e.AGE),
    **dict.fromkeys(["phone", "phone number", "telephone", "tel", "t", "m", "ph", "mob", "mobile", "mobile number",
                     "cell", "home phone",
                     "work phone", "contact number", "fax", "电话", "手机", "手机号", "联系电话", "联系方式"],
                    e.PHONE_NUMBER),
    **dict.fromkeys(["email", "e-mail", "email address", "邮箱", "电子邮箱"], e.EMAIL_ADDRESS),
    **dict.fromkeys(["passport", "passport no", "passport no.", "passport number", "护照", "护照号", "护照号码"],
                    e.PASSPORT_NUMBER),
    **dict.fromkeys(["ssn", "social security number", "social security no"], e.US_SSN),
    **dict.fromkeys(["national id", "national_id", "national id number", "id number", "id no", "id no.", "nino",
                     "ni number", "national insurance number", "tax id", "tin", "sin", "social insurance number",
                     "pesel", "cpf", "nif", "nie", "dni", "bsn", "aadhaar", "pan", "curp", "nric", "ppsn",
                     "codice fiscale", "personnummer", "身份证", "身份证号", "身份证号码", "证件号", "证件号码"],
                    e.NATIONAL_ID),
    **dict.fromkeys(["mrn", "mrn no", "mrn number", "medical record number", "medical record no", "med rec no",
                     "hospital no", "hospital number", "hospital id", "hosp no", "nhs no", "nhs number", "chi",
                     "chi number", "patient id", "patient no", "patient number", "record number", "record no",
                     "unit number", "unit no", "ur number", "ur no", "urn", "nhi", "nhi number", "chart number",
                     "chart no", "uhid", "病历号", "住院号", "门诊号"], e.MEDICAL_RECORD_NUMBER),
    **dict.fromkeys(["account", "account no", "account number", "acct", "acct no", "iban", "账号", "帐号", "账户"],
                    e.ACCOUNT_NUMBER),
    **dict.fromkeys(["card", "card number", "card no", "卡号", "银行卡号"], e.CREDIT_CARD),
    **dict.fromkeys(["ip", "ip address", "user_ip", "client ip"], e.IP_ADDRESS),
}
FIELD_TYPES = {" ".join(k.replace("_", " ").replace("-", " ").split()): v for k, v in FIELD_TYPES.items()}
# Labels that alone are too common to trust inside running text; they count only as a line-start field or header.
_LINE_ONLY = {"t", "m", "ph", "mob", "from", "to", "cc", "title", "role", "position", "user", "patient", "customer",
              "client", "partner",
              "signed", "origin", "destination", "location", "job", "state", "district", "region", "school",
              "bank", "hospital", "company", "contact", "doctor", "nurse", "holder", "employee", "card", "account",
              "employment", "born", "age", "pan", "sin", "tin", "chi", "driver", "passenger", "guest", "tenant",
              "landlord", "parent", "child", "孩子", "家长", "主人", "司机", "乘客", "deliver to", "ship to"}
_ROLE_SPEAKERS = frozenset(
    (
        "agent rep representative advisor adviser operator support system bot assistant customer caller client user "
        "patient staff me you admin moderator host bank teller nurse doctor dr officer manager supervisor q a "
        "question answer note notes investigator underwriter handler reviewer"
    ).split()
)
_LABEL = "|".join(sorted((regex.escape(k).replace("\\ ", "[ _\\-]?") for k in FIELD_TYPES), key=len, reverse=True))
"""Field labels, the words joined by a space, ``_``, ``-`` or nothing ("first name", "first_name", "firstName")."""
_SQUASHED = {key.replace(" ", ""): key for key in FIELD_TYPES}
_LEADER = r"(?:[ \t]*(?:[:：=#]|\.{3,}|-{1,2}|\|)[ \t]*|[ \t]*\n[ \t]*(?:[-*•>][ \t]*)?)"
_FIELD_LINE = regex.compile(
    rf"(?im)^[ \t]*(?:[-*•#]+[ \t]*)?(?P<label>{_LABEL})(?:[ \t]*\((?:[^)\n]{{0,20}})\))?[ \t]*(?:[:：=|]|\.{{3,}}|\t|"
    rf"(?<=[ ]{{3}})(?=[^ \t\n])(?!(?:{_LABEL})(?:[ \t]|$))|"
    rf"\?(?=[ \t]*\n))[ \t]*(?:\n[ \t]*(?:[-*•>][ \t]*|(?:customer|caller|client|patient|user|me|a)[ \t]*:[ \t]*)?)?"
    rf"(?P<value>[^\n]{{1,120}})"
)
_INLINE = regex.compile(
    rf"(?i)(?<![\p{{L}}_])[\"']?(?P<label>{_LABEL})[\"']?(?:\((?:s|es)\))?[ \t]*(?:[:：=]|is(?=[ \t]))[ \t]*"
    rf"(?:\"(?P<quoted>[^\"\n]{{1,80}})\"|'(?P<squoted>[^'\n]{{1,80}})'|(?P<bare>(?:(?![ \t]{{3}})[^,;|\n\"]){{1,80}}))"
)
_DELIMITERS = (",", ";", "|", "\t", "  ")
_SPEAKER = regex.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|\(?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[ap]m)?\)?[ \t]*-?[ \t]*)"
    r"(?P<name>\p{L}[\p{L}'’.\-]*(?:[ \t]+\p{L}[\p{L}'’.\-]*){0,2})[ \t]*:"
)
_SIGNATURE = regex.compile(
    r"(?im)(?:^[ \t]*(?:--|—|–)[ \t]*|(?:^|\n)[ \t]*(?:regards|kind regards|best regards|warm regards|best|thanks|"
    r"thank you|many thanks|cheers|sincerely|yours sincerely|yours faithfully|yours truly|respectfully|signed),?"
    r"[ \t]*\n(?:[ \t]*\n)?[ \t]*)(?P<name>\p{L}[\p{L}'’.\-]*(?:[ \t]+\p{L}[\p{L}'’.\-]*){0,3})[ \t]*(?:$|\|)"
)
_PEOPLE_LIST = regex.compile(
    r"(?i)(?<![\p{L}])(?:attendees|participants|present|absent|apologies|staff list|staff|team|members|cc|bcc|"
    r"guests|witnesses|signatories|directors|trustees|beneficiaries|authorised signatories|contacts|"
    r"attended by|joined by|with|invited)[ \t]*[:：\-][ \t]*(?P<items>[^\n]{3,400})"
)
# A person given by initials under their label ("initials AO", "Initials: J.M.", "姓名缩写：WWX").
_INITIALS = regex.compile(r"(?<![\p{L}])(?i:(?:patient[ \t]+|subject[ \t]+)?initials|姓名缩写)[ \t]*[:：=]?[ \t]*"
                          r"(?P<initials>[A-Z](?:\.?[A-Z]){1,3}\.?)(?![\p{L}\d])")
_LAST_FIRST = regex.compile(
    r"(?<![\p{L}])(?P<last>\p{Lu}[\p{Lu}'’\-]+(?:[ \t]+\p{Lu}[\p{Lu}'’\-]+)?),[ \t]+"
    r"(?P<first>\p{Lu}\p{Ll}+(?:[\-][\p{Lu}]?\p{Ll}+)?(?:[ \t]+\p{Lu}\.)?)(?![\p{L}])"
)
_VALUE_END = regex.compile(r"[ \t]*(?:[,;|][ \t]*(?:" + _LABEL + r")[ \t]*[:=].*)?$", regex.IGNORECASE)
_CELL_NAME = regex.compile(
    r"\p{Lu}[\p{L}'’.\-]*(?:,?[ \t]+(?:\p{Lu}[\p{L}'’.\-]*|van|von|de|da|di|del|le|la|du|bin|al)){1,3}")
_CELL_AGE = regex.compile(r"\d{1,3}")
_CELL_ID = regex.compile(r"(?=[A-Z0-9]*\d{5})[A-Z]{0,3}\d[A-Z0-9]{4,14}|\d{3}[ \-]?\d{3}[ \-]?\d{3,4}"
                         r"|[A-Z]{1,3}-\d{3,8}(?:-\d{2,8}){0,2}")
_RULE_LINE = regex.compile(r"[\s\-=+|:_]+")
_CELL_PHONE = regex.compile(r"(?:\+|00)\d[\d \-().]{6,18}\d|\(?0\d[\d \-().]{7,16}\d")
_CELL_SSN = regex.compile(r"(?!000|666|9\d\d)\d{3}[ \-]?(?!00)\d{2}[ \-]?(?!0000)\d{4}")
_ID_COLUMNS = frozenset({e.MEDICAL_RECORD_NUMBER, e.ACCOUNT_NUMBER, e.NATIONAL_ID, e.PASSPORT_NUMBER,
                         e.US_DRIVER_LICENSE, e.US_SSN, e.CREDIT_CARD, e.PHONE_NUMBER, e.POSTAL_CODE})
_COLUMN_NAME = regex.compile(r"[a-z][a-z#.]*(?: [a-z#.]+){0,2}")
_CAPITALISED_ITEM = regex.compile(r"\p{Lu}[\p{L}'’.\-]*(?:[ \t]+\p{Lu}[\p{L}'’.\-]*){0,3}")


_PAIR_BEFORE = regex.compile(r"(?:^|[;&?])[ \t]*$")
_PAIR_AFTER = regex.compile(r"[^;&\n]{1,80}(?:[;&][ \t]*[\p{L}_]+=|$)", regex.MULTILINE)


def _key_value_pair(text: str, match: regex.Match[str]) -> bool:
    """A ``key=value`` pair of a ``k=v;k=v`` record ("payee=…;bank=Barclays;city=Sligo"): there even a short or
    common label ("bank", "account") names its value, as it does at the start of a line."""
    label_end = match.end("label")
    return (text[label_end:label_end + 1] == "=" and _PAIR_BEFORE.search(text, max(0, match.start() - 2),
                                                                           match.start()) is not None
            and _PAIR_AFTER.match(text, label_end + 1) is not None)


def _label(text: str) -> str:
    """The ``FIELD_TYPES`` key a label found in text stands for ("First_Name", "firstName" → "first name")."""
    key = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    return key if key in FIELD_TYPES else _SQUASHED.get(key.replace(" ", ""), key)


class FieldValueRecognizer(TextRecognizer):
    """Values named by a field label, a table header, a speaker tag, a sign-off or a list heading."""

    ENTITIES: ClassVar[list[str]] = sorted(set(FIELD_TYPES.values()))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:  # fmt: skip
        wanted = set(entities)
        found: list[tuple[str, int, int, float]] = []
        found += self._field_lines(text)
        found += self._inline(text)
        found += self._tables(text)
        found += self._speakers(text)
        found += self._signatures(text)
        found += self._people_lists(text)
        found += [(e.PERSON, m.start(), m.end(), 0.6) for m in _LAST_FIRST.finditer(text)]
        found += [(e.PERSON, *m.span("initials"), 0.6) for m in _INITIALS.finditer(text)]
        found += self._delimited_rows(text)
        return [self._result(t, s, end, score) for t, s, end, score in found if t in wanted and end > s]

    def _result(self, entity: str, start: int, end: int, score: float) -> RecognizerResult:
        return tagged_result(self, entity, start, end, score)

    @staticmethod
    def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
        value = text[start:end]
        cut = _VALUE_END.search(value)
        if cut is not None and cut.start() > 0:
            end = start + cut.start()
        while end > start and text[end - 1] in " \t.,;:\"'”’)]}。，；：！？、）】」":
            end -= 1
        while start < end and text[start] in " \t\"'“‘([{（【「":
            start += 1
        return start, end

    def _field_lines(self, text: str) -> list[tuple[str, int, int, float]]:
        found = []
        for match in _FIELD_LINE.finditer(text):
            entity = FIELD_TYPES[_label(match.group("label"))]
            start, end = self._trimmed(text, *match.span("value"))
            end = _value_end(text, start, end, entity)
            if entity == e.PERSON:  # "Driver: Encarnación (van 20)": the name, not the note after it
                bracket = text.find(" (", start, end)
                end = bracket if bracket > start else end
            # A value the label names a surname or forename needs no other evidence ("SURNAME: BELL").
            if end - start < 2 or (entity == e.PERSON and not _plausible_person(text[start:end], labelled=True)):
                continue
            found.append((entity, start, end, 0.7))
        return found

    def _inline(self, text: str) -> list[tuple[str, int, int, float]]:
        found = []
        for match in _INLINE.finditer(text):
            label = _label(match.group("label"))
            if label in _LINE_ONLY and match.group("quoted") is None and match.group("squoted") is None \
                    and not _key_value_pair(text, match):
                continue
            entity = FIELD_TYPES[label]
            group = next(g for g in ("quoted", "squoted", "bare") if match.group(g) is not None)
            start, end = self._trimmed(text, *match.span(group))
            if group == "bare":
                end = _value_end(text, start, end, entity)
            if end - start < 2 or (entity == e.PERSON and not _plausible_person(text[start:end])):
                continue
            found.append((entity, start, end, 0.7))
        return found

    def _tables(self, text: str) -> list[tuple[str, int, int, float]]:
        """Rows under a header that names personal-data columns, each cell typed by its column."""
        found: list[tuple[str, int, int, float]] = []
        columns: list[str | None] | None = None
        delimiter = ","
        for line, offset in _lines(text):
            header = self._header(line)
            if header is not None:
                delimiter, columns = header
                continue
            if columns is None or _RULE_LINE.fullmatch(line):
                continue
            cells = split_cells(line, delimiter)
            if len(cells) != len(columns):
                columns = None
                continue
            lone_id = sum(c is not None for c in columns) == 1
            for (start, end), entity in zip(cells, columns, strict=True):
                start, end = self._trimmed(text, offset + start, offset + end)
                if lone_id and not any(ch.isdigit() for ch in text[start:end]):
                    continue  # under a lone identifier column only what holds a digit is taken for one
                if entity is not None and end - start >= 2:
                    found.append((entity, start, end, 0.7))
        return found

    @staticmethod
    def _header(line: str) -> tuple[str, list[str | None]] | None:
        for delimiter in _DELIMITERS:
            cells = [_label(line[a:b].strip(" \"'")) for a, b in split_cells(line, delimiter)]
            if len(cells) < 2:
                continue
            typed = [FIELD_TYPES.get(c) for c in cells]
            if sum(t is not None for t in typed) >= 2 and all(len(c) <= 30 for c in cells):
                return delimiter, typed
            # One identifier column among plain column names ("mrn,ward,bed,status", "account_no|balance|branch").
            if (len(cells) >= 3 and sum(t is not None for t in typed) == 1 and set(typed) - {None} <= _ID_COLUMNS
                    and all(_COLUMN_NAME.fullmatch(c) for c in cells)):
                return delimiter, typed
        return None

    @staticmethod
    def _delimited_rows(text: str) -> list[tuple[str, int, int, float]]:
        """Rows of a table pasted without its header ("Sean Lewis;235-42-4489;Dec 6, 1989;46742 Tran Court",
        "Zubair Raza,290-39-1239,1983-04-08",
        "Dean Johnson|85|Nigerian|C9821048", fixed-width CRM extracts): in a row of three or more cells with a
        name in form, the name, a small number beside it (an age) and every identifier-like cell (a passport,
        account or ID number: which one, no header says, so it is masked as a national ID)."""
        found = []
        for line, offset in _lines(text):
            # Commas split cells only in a CSV line: no comma followed by a space outside quotes (prose has them).
            csv = ", " not in regex.sub(r'"[^"\n]*"', "", line)
            for delimiter in (";", "|", "\t", "  ", ",") if csv else (";", "|", "\t", "  "):
                cells = split_cells(line, delimiter)
                values = [(a, b, line[a:b]) for a, b in cells if line[a:b].strip(" \"'")]
                if len(values) < 3 or not any(any(ch.isdigit() for ch in v) for _, _, v in values):
                    continue
                named = [(a, b, v) for a, b, v in values if _CELL_NAME.fullmatch(v.strip(" \"'"))
                         and _plausible_person(v.strip(" \"'"))]
                if not named:
                    continue
                for cell_start, cell_end, value in values:
                    stripped = value.strip(" \"'")
                    start = offset + cell_start + value.index(stripped)
                    end = start + len(stripped)
                    if (cell_start, cell_end, value) in named:
                        found.append((e.PERSON, start, end, 0.6))
                    elif _CELL_SSN.fullmatch(stripped):
                        found.append((e.US_SSN, start, end, 0.55))
                    elif _CELL_PHONE.fullmatch(stripped) and 8 <= sum(ch.isdigit() for ch in stripped) <= 15:
                        found.append((e.PHONE_NUMBER, start, end, 0.55))
                    elif delimiter == ",":
                        continue  # a CSV line's other cells: its header, if any, typed them (customer numbers stay)
                    elif _CELL_AGE.fullmatch(stripped) and int(stripped) <= 120:
                        found.append((e.AGE, start, end, 0.5))
                    elif _CELL_ID.fullmatch(stripped):
                        found.append((e.NATIONAL_ID, start, end, 0.55))
                break
        return found

    @staticmethod
    def _speakers(text: str) -> list[tuple[str, int, int, float]]:
        found = []
        matches = list(_SPEAKER.finditer(text))
        # A lower-case name that speaks on two lines of the chat is a speaker, known first name or not.
        turns = Counter(match.group("name").lower() for match in matches)
        for match in matches:
            name = match.group("name")
            first = name.split()[0]
            if (name.lower() in _ROLE_SPEAKERS or name.lower() in NOT_NAMES or first.isupper()
                    or (not name[0].isupper() and not is_first_name(first) and turns[name.lower()] < 2)):
                continue
            # A checklist line ("[x] Nationality: British", "[ ] Proof of address: …") names a field, not a speaker.
            if regex.match(r"[ \t]*\[[ xX✓✔]?\]", match.group()) or _label(name) in FIELD_TYPES \
                    or name.split()[0].lower() in {"proof", "source", "evidence", "date", "type"}:
                continue
            found.append((e.PERSON, *match.span("name"), 0.65))
        return found

    @staticmethod
    def _signatures(text: str) -> list[tuple[str, int, int, float]]:
        return [(e.PERSON, *m.span("name"), 0.6) for m in _SIGNATURE.finditer(text)
                if _plausible_person(m.group("name"))]

    @staticmethod
    def _people_lists(text: str) -> list[tuple[str, int, int, float]]:
        found = []
        for match in _PEOPLE_LIST.finditer(text):
            items_start = match.start("items")
            items = match.group("items")
            # Parentheses hold roles ("(dental nurse)"); they are blanked so the split sees names only, and what they
            # hold after a name is that person's role ("Staff list: Dayar Şama (Neurosurgeon), ...").
            for role in regex.finditer(r"(?<=\p{L}[ \t]?\()[^()\d\n]{2,60}(?=\))", items):
                words = role.group().lower().replace(",", " ").split()
                if 1 <= len(words) <= 6 and not set(words) & _NOT_A_ROLE:
                    found.append((e.JOB_TITLE, items_start + role.start(), items_start + role.end(), 0.5))
            blanked = regex.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), items)
            for part in regex.finditer(r"[^,;]+", regex.sub(r"(?<=\s)(?:and|&)(?=\s)", ",", blanked)):
                name = _CAPITALISED_ITEM.search(part.group())
                if name is None:
                    continue
                value = name.group()
                if _plausible_person(value) and len(value.split()) <= 4:
                    start = items_start + part.start() + name.start()
                    found.append((e.PERSON, start, start + len(value), 0.6))
        return found


_NOT_A_ROLE = frozenset("daughter son wife husband mother father partner brother sister friend carer he she they him "
                        "her them his hers theirs deceased chair minutes apologies absent present remote online tbc "
                        "n/a acting interim cover".split())
_HAN = regex.compile(r"\p{Han}")
_CN_NAME = regex.compile(r"\p{Han}{2,4}|\p{Han}{2,6}[·•・]\p{Han}{2,6}")
_CN_NOT_NAME = regex.compile(r"[的了在是和给被把向对我你他她好请谢吗呢吧啊]|先生|女士|小姐")
_PARTICLES = {"van", "von", "de", "da", "di", "del", "della", "le", "la", "du", "dos", "bin", "binti", "al", "el",
              "ibn", "ter", "ten", "den", "der"}


# What a name field holds when it holds no name: the party by role, or a placeholder.
_NOT_A_NAME_VALUE = frozenset(["patient", "customer", "client", "caller", "agent", "adviser", "advisor", "staff",
                               "investigator", "assistant", "team", "all", "file", "none", "unknown", "tbc", "tba",
                               "n/a", "na", "redacted", "self", "applicant", "member", "user", "gp"])


def _plausible_person(value: str, *, labelled: bool = False) -> bool:
    """A name in form: up to five words, no digits, no function words ("I want to pay my" is not a name). Under a
    name label (``labelled``) a word that is also a common or clinical word still counts ("SURNAME: BELL")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from gateway.pii.recognizers.people import is_plausible_name

    words = value.split()
    if not 0 < len(words) <= 5 or any(ch.isdigit() for ch in value):
        return False
    if _HAN.search(value):  # a Chinese name: two to four characters (or two parts joined by ·), no clause words
        return bool(_CN_NAME.fullmatch(value)) and not _CN_NOT_NAME.search(value)
    if not labelled and not is_plausible_name(value):
        return False
    if len(words) == 1 and value.lower().strip(".,") in _NOT_A_NAME_VALUE:  # "cc: Patient", "Name: N/A"
        return False
    return not any(w.lower().strip(".,") in STOP_WORDS and w.lower() not in _PARTICLES for w in words)


def _words_end(text: str, start: int, end: int, limit: int) -> int:
    """End of at most ``limit`` words of ``text[start:end]``."""
    match = regex.match(rf"[^\s]+(?:[ \t]+[^\s]+){{0,{limit - 1}}}", text[start:end])
    return start + match.end() if match else end


_WORDY = {e.PERSON: 5, e.LOCATION: 4, e.JOB_TITLE: 5, e.ORGANIZATION: 6, e.NRP: 5, e.DATE_OF_BIRTH: 4}


# What ends a value inside a line: a separator, a sentence's end (not an initial's full stop), a joining word.
_VALUE_STOP = regex.compile(r"[;|]|(?<!(?:^|[ \t(])\p{Lu})[.!?](?=[ \t]|$)"
                            r"|[ \t](?:and|&|or|my|is|was|but|who|which|with)[ \t]")
_ORG_VALUE_STOP = regex.compile(r"[;|]|(?<!(?:^|[ \t(.])\p{Lu})[.!?](?=[ \t]|$)|,[ \t]+(?=\p{Ll})"
                                r"|[ \t](?:or|my|is|was|but|who|which|with)[ \t]")
_DATE = regex.compile(DATE, regex.IGNORECASE)
_NEXT_COLUMN = regex.compile(r"[ \t]{2,}|[ \t]+[A-Za-z_][A-Za-z0-9_.\-]*=")


def _value_end(text: str, start: int, end: int, entity: str) -> int:
    """Where the value of a field of type ``entity`` ends: a few words for names and places, the whole rest for an
    address, the identifier's own shape for numbers and codes (so "is that enough?" after an IBAN is not taken)."""
    # The next column ("07.12.1990     Sex: M") or the next key ("dob=1992-07-04 result=PASS") ends any value.
    column = _NEXT_COLUMN.search(text, start, end)
    if column is not None and (entity != e.STREET_ADDRESS or len(column.group()) > 2 or "=" in column.group()):
        end = column.start()
    # "and" and "&" join the names of a firm ("Johnson, King and Smith", "Blom & Keijser"), not two values.
    stop = (_ORG_VALUE_STOP if entity == e.ORGANIZATION else _VALUE_STOP).search(text, start, end)
    if stop is not None and entity != e.STREET_ADDRESS:
        end = stop.start()
    if entity == e.DATE_OF_BIRTH and (date := _DATE.match(text, start, end)):  # "14 August 1954 in Pécs"
        return date.end()
    if entity in _WORDY:
        return _words_end(text, start, end, _WORDY[entity])
    if entity == e.STREET_ADDRESS:
        return end
    shape = _SHAPES.get(entity, _ID_SHAPE)
    match = shape.match(text, start, end)
    return match.end() if match else start


_ID_SHAPE = regex.compile(r"(?=[^\s]*\d)[A-Za-z0-9+(][A-Za-z0-9()]*(?:[ .\-/][A-Za-z0-9()]*\d[A-Za-z0-9()]*|"
                          r"[.\-/][A-Za-z0-9()]+|[ ](?-i:[A-Z]{1,2})(?![A-Za-z]))*")
_SHAPES = {
    e.EMAIL_ADDRESS: regex.compile(r"[^\s,;]+@[^\s,;]+"),
    e.POSTAL_CODE: regex.compile(r"[A-Za-z0-9]{2,5}(?:[ \-][A-Za-z0-9]{2,4})?"),
    e.AGE: regex.compile(r"\d{1,3}"),
    e.PHONE_NUMBER: regex.compile(r"\+?\(?\d[\d ().\-]{4,22}\d(?:[ \t]?(?:x|ext\.?|extn\.?)[ \t]?\d{1,6})?"),
}


def _lines(text: str) -> list[tuple[str, int]]:
    """Each line of ``text`` with its offset."""
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((line, offset))
        offset += len(line) + 1
    return out


def split_cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """The (start, end) of each cell of a delimited line; quotes are respected (a comma inside "€1,823.55" does
    not split it); ``"  "`` splits fixed-width columns at runs of two or more spaces."""
    if delimiter == "  ":
        return [m.span() for m in regex.finditer(r"\S+(?: \S+)*", line)] if "  " in line else []
    if delimiter not in line:
        return []
    cells, start, quoted = [], 0, False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            cells.append((start, i))
            start = i + 1
    cells.append((start, len(line)))
    return cells if len(cells) > 1 else []


def table_header(line: str) -> tuple[str, list[str | None]] | None:
    """The delimiter and column types of ``line`` when it is a table header naming personal-data columns."""
    return FieldValueRecognizer._header(line)


__all__ = ["FIELD_TYPES", "FieldValueRecognizer", "table_header"]
