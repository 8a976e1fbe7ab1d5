"""Table-driven tests per recognizer: (text, expected spans of that entity type), near-misses included."""

from __future__ import annotations

import pytest

from gateway.pii.detector import PiiDetector
from gateway.pii.rules import PiiRules


def spans(detector: PiiDetector, text: str, entity_type: str, language: str | None = None) -> list[str]:
    rules = PiiRules(entities_masked=frozenset({entity_type}))
    return [text[d.start : d.end] for d in detector.detect(text, language, rules)]  # type: ignore[arg-type]


CASES: list[tuple[str, str, list[str]]] = [
    # e-mail, including glued to Chinese characters
    ("EMAIL_ADDRESS", "Write to jane.doe@example.com today.", ["jane.doe@example.com"]),
    ("EMAIL_ADDRESS", "邮箱wang.fang@163.com谢谢", ["wang.fang@163.com"]),
    ("EMAIL_ADDRESS", "not an address: user@localhost", []),
    ("EMAIL_ADDRESS", "unknown suffix: a@b.notarealtld", []),
    # identity document numbers: a passport card, "travel doc" as staff shorten it, a document number of any kind
    ("PASSPORT_NUMBER", "Scanned her passport-card C12345678 at the desk.", ["C12345678"]),
    ("PASSPORT_NUMBER", "travel doc A12345678 expired last month", ["A12345678"]),
    ("PASSPORT_NUMBER", "Travel document number: K98765432", ["K98765432"]),
    ("NATIONAL_ID", "document number A12345678 on the ID card", ["A12345678"]),
    ("NATIONAL_ID", "ID doc: Z7781234", ["Z7781234"]),
    ("NATIONAL_ID", "Please attach document #12 to the file.", []),
    ("NATIONAL_ID", "Document No. 2023-2024 budget attached", []),
    # a long number right after "patient" is the patient's record number; a short one or a date is not
    ("MEDICAL_RECORD_NUMBER", "Patient 7719204 was discharged this morning.", ["7719204"]),
    ("MEDICAL_RECORD_NUMBER", "the patient, 88123456, left before the review", ["88123456"]),
    ("MEDICAL_RECORD_NUMBER", "patient 2 of 3 seen; patient 2023-2024 cohort", []),
    ("MEDICAL_RECORD_NUMBER", "Visit ID V00123456 closed; visit number 4471902.", ["V00123456", "4471902"]),
    ("ACCOUNT_NUMBER", "send it to bitcoin 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa today",
     ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"]),
    ("ACCOUNT_NUMBER",
     "wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, eth 0x52908400098527886E0F7030069857D2E4169EE7",
     ["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "0x52908400098527886E0F7030069857D2E4169EE7"]),
    ("ACCOUNT_NUMBER", "token 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb fails its checksum", []),
    ("NATIONAL_ID", "PAN ABCPE1234F on the KYC form; pan card AAAPL1234C", ["ABCPE1234F", "AAAPL1234C"]),
    ("NATIONAL_ID", "order ABCDX1234F shipped", []),
    # our own examples of the kinds the fifth set's dev split showed missing
    ("PHONE_NUMBER", "Mum was called on 766 711 729 at 14:00; rang her at 972.08.688 later", ["766 711 729",
                                                                                            "972.08.688"]),
    ("PHONE_NUMBER", "we called on 12 May about it", []),
    ("CREDIT_CARD", "paid by card 5572  0532  2659  1515 (auth 968059)", ["5572  0532  2659  1515"]),
    ("LOCATION", "customer: born 9 aug 1950 in east andrewmouth, i'm irish", ["east andrewmouth"]),
    ("LOCATION", "born 20/11/1973 in Bruck an der Mur; raised in St.-Annaparochie", ["Bruck an der Mur",
                                                                                     "St.-Annaparochie"]),
    ("LOCATION", "she was born in march", []),
    ("LOCATION", "kimberly at the ballarat branch was great; introduced by Paula at the Aarhus fun run",
     ["ballarat", "Aarhus"]),
    ("LOCATION", "LINDA TAYLOR\nKelowna, Canada · 604-519-7494\nYour florist is in Govanhill? Or the Netherlands?",
     ["Kelowna", "Canada", "Govanhill", "the Netherlands"]),
    ("LOCATION", "it is in March; the patient is in Cardiology; the main branch; the bottle store", []),
    ("NRP", "i'm green party member; he is a Labour supporter", ["green party member", "Labour supporter"]),
    ("PERSON", "Sverre (Year 9, age 14) disclosed it; Ana (aged 7) too", ["Sverre", "Ana"]),
    ("PERSON", "The Panel (age 18+) decides", []),
    ("PERSON", "Opposing party: Guibert\nMatter no.: 4471", ["Guibert"]),
    ("ORGANIZATION", "Employer: Blom & Keijser, role Herbalist", ["Blom & Keijser"]),
    # the unit is part of the age: "a <AGE> woman", not "a <AGE>-year-old woman"
    ("AGE", "he's 52 and retired; 45 years of age; at the age of 45; ages 7 and 9",
     ["52", "45 years of age", "45", "7", "9"]),
    ("AGE", "a 72-year-old; 34 y/o; 47yrs; age at consent 55 years, 1 months; the baby is 18 months old",
     ["72-year-old", "34 y/o", "47yrs", "55 years, 1 months", "18 months old"]),
    ("AGE", "I'm (56) and not great with apps; hes aged 25. Owner is forty-two and asked",
     ["56", "25", "forty-two"]),
    ("AGE", "a man, thirty-seven, white trainers; I'm late 70s and; in her seventies", ["thirty-seven", "70s",
                                                                                         "seventies"]),
    ("AGE", "age at consent sixty-nine | sex F; guest: Luna Castro (fifty-two)", ["sixty-nine", "fifty-two"]),
    ("AGE", "同行老人八十多岁需轮椅，年满75周岁，年近九旬，五十出头", ["八十多岁", "75周岁", "九旬", "五十出头"]),
    ("AGE", "he is 6 feet tall; I'm 5 minutes away; there will be 20 guests; it weighs 25.5 kg", []),
    ("POSTAL_CODE", "posta kodu 52329; irányítószám 8655; cod poștal 104528; P/code 5166; C.A.P. 00183",
     ["52329", "8655", "104528", "5166", "00183"]),
    ("POSTAL_CODE", "ZIP / Postcode (work): 168 04\nreject postal code 〒777-0959? irányítószám H-1402",
     ["168 04", "〒777-0959", "H-1402"]),
    ("POSTAL_CODE", "your site says you deliver to 3857 only; we deliver to 12 people", ["3857"]),
    ("PERSON", "Passenger: FORREST/LAURA MRS\nScreening no. S5482 | initials AO | hospital no. 77-163059",
     ["FORREST/LAURA MRS", "AO"]),
    ("PERSON", "Hi Diana & Aylin,\n\nmy mate julia zimmermann might come; hi its noor from the viewing",
     ["Diana", "Aylin", "julia zimmermann", "noor"]),
    ("PERSON", "follow up: 현지 P. 백, or my mate 서순자; signed by อารีย์ ดาตู (lead booker)",
     ["현지 P. 백", "서순자", "อารีย์ ดาตู"]),
    ("PERSON", "Customer John Smith的手机，身份证号; my mate is here; my friend said no", ["John Smith"]),
    ("PERSON", "[13:37] hatin: cheers\n[14:00] me: ok\n[16:22] hatin: brilliant", ["hatin", "hatin"]),
    ("PERSON", "Driver: Encarnación (van 20)\nSurname: Ferrand-Delannoy   First name(s): Margot",
     ["Encarnación", "Ferrand-Delannoy", "Margot"]),
    ("PERSON", "押金转到房东卡，户名次仁卓玛。家长许文来电，孩子金龙，十九岁", ["次仁卓玛", "许文", "金龙"]),
    ("PERSON", "Dear Mx 橋本,\nDear Dr May,\nfollow up: White, Angela, 416-259-3829", ["橋本", "May", "White, Angela"]),
    ("PERSON", "mixed experience. kimberly at the ballarat branch went above and beyond. The staff at the main branch",
     ["kimberly"]),
    ("PERSON", "研究医生：其其格（研究护士）；医生：请按时服药。", ["其其格"]),
    # names joined by "·" sound like names; a chapter and its title or a menu do not; a role before is left out
    ("PERSON", "详见第三章·附则。患者阿依古丽·买买提，联系人次仁·卓玛", ["阿依古丽·买买提", "次仁·卓玛"]),
    ("PERSON", "hi, i'm british and my name is sam; I am Irish; Mr French; hi, i'm alfred.",
     ["sam", "French", "alfred"]),
    ("JOB_TITLE", "You were employed as chef de partie until 2021; it worked as expected", ["chef de partie"]),
    ("JOB_TITLE", "Seen by Zsolt (civil servant). Results-driven HR Business Partner with 3 years' experience",
     ["civil servant", "HR Business Partner"]),
    ("JOB_TITLE", "EXPERIENCE\nAdministrator, arts, Centrelink (2012–2019)\nage 68, retired housekeeper; he retired"
     " early",
     ["Administrator, arts", "housekeeper"]),
    ("NATIONAL_ID", "your AHV-Nr. (756.5791.7414.69); your SV-Nummer (9936 230496); rijksregisternummer "
     "97.05.18-215.84",
     ["756.5791.7414.69", "9936 230496", "97.05.18-215.84"]),
    ("IP_ADDRESS", "网上报名提交IP：2001:ffa9:984a::771:3c06:d4ab；loopback ::1; at 12:30:45",
     ["2001:ffa9:984a::771:3c06:d4ab", "::1"]),
    ("AGE", "a woman in her 40s, F/34, child aged 3 months, Age at death: 81", ["40s", "34", "3 months", "81"]),
    ("AGE", "for 45 years the branch has served; page 7 and 9", []),
    ("POSTAL_CODE", "kod pocztowy 00-950; Postnummer 114 55", ["00-950", "114 55"]),
    ("MEDICAL_RECORD_NUMBER", "a second visit 2024 is planned", []),
    # a lower-case place word before a number is a place in a building, not a town
    ("LOCATION", "Patient in bay 2 is stable; family waiting in reading room 3.", []),
    ("LOCATION", "she moved to praha last year", ["praha"]),
    # phone numbers in common formats
    ("PHONE_NUMBER", "Call (217) 555-0143 now", ["(217) 555-0143"]),
    ("PHONE_NUMBER", "Desk: 986.291.2294x751", ["986.291.2294x751"]),
    ("PHONE_NUMBER", "mobile +44 20 7946 0958", ["+44 20 7946 0958"]),
    ("PHONE_NUMBER", "Can someone call me on (07) 5331 0577?", ["(07) 5331 0577"]),
    ("PHONE_NUMBER", "Mobile: 041-412-293", ["041-412-293"]),
    ("PHONE_NUMBER", "电话：021-6234-5678谢谢", ["021-6234-5678"]),
    ("PHONE_NUMBER", "order 123456789012 shipped", []),
    ("PHONE_NUMBER", "visit on 2024-01-15 confirmed", []),
    ("PHONE_NUMBER", "a loan of 1 250 000 approved", []),
    # payment cards (Luhn)
    ("CREDIT_CARD", "card 4532276644577020 lost", ["4532276644577020"]),
    ("CREDIT_CARD", "card 4532 2766 4457 7020 lost", ["4532 2766 4457 7020"]),
    ("CREDIT_CARD", "card 4532276644577021 lost", ["4532276644577021"]),  # mistyped (Luhn fails), still a card
    ("CREDIT_CARD", "order 4532276644577021 shipped", []),  # no cue and no checksum: not taken for a card
    ("CREDIT_CARD", "卡号4532276644577020已挂失", ["4532276644577020"]),
    # IBAN (mod 97)
    ("IBAN_CODE", "IBAN GB82 WEST 1234 5698 7654 32 please", ["GB82 WEST 1234 5698 7654 32"]),
    ("IBAN_CODE", "to DE89370400440532013000.", ["DE89370400440532013000"]),
    ("IBAN_CODE", "IBAN GB82 WEST 1234 5698 7654 33 please", ["GB82 WEST 1234 5698 7654 33"]),  # mistyped IBAN
    ("IBAN_CODE", "ref GB82 WEST 1234 5698 7654 33 please", ["GB82 WEST 1234 5698 7654 33"]),  # grouped like an IBAN
    ("IBAN_CODE", "ref GB82 WE ST1 2345 698 7654 33 please", []),  # checksum fails, not grouped like one
    ("IBAN_CODE", "转账至DE89370400440532013000谢谢", ["DE89370400440532013000"]),
    # US SSN (and never UK_NHS)
    ("US_SSN", "His social security number is 531-21-7351", ["531-21-7351"]),
    ("US_SSN", "SSN: 531217351", ["531217351"]),
    ("US_SSN", "ref 000-12-3456 and 666-12-3456", []),
    ("US_SSN", "serial 531217351", []),
    # account numbers after a cue
    ("ACCOUNT_NUMBER", "checking account 000123456789 is overdrawn", ["000123456789"]),
    ("ACCOUNT_NUMBER", "账号6212345678901234谢谢", ["6212345678901234"]),
    ("ACCOUNT_NUMBER", "we have 123456789 customers", []),
    # a long digit run no other recognizer explains is a customer's number; amounts and dates run together are not
    ("ACCOUNT_NUMBER", "  * Fixed-rate bond no. 52379355", ["52379355"]),
    ("ACCOUNT_NUMBER", '{"type": "current", "number": "09185592", "balance": 9064.86}', ["09185592"]),
    ("ACCOUNT_NUMBER", "a transfer of £12500000 on 20240131", []),
    # medical record numbers
    ("MEDICAL_RECORD_NUMBER", "Patient MRN: 00482913 admitted", ["00482913"]),
    ("MEDICAL_RECORD_NUMBER", "medical record number MR-1234567.", ["MR-1234567"]),
    ("MEDICAL_RECORD_NUMBER", "病历号10605537。", ["10605537"]),
    ("MEDICAL_RECORD_NUMBER", "room 00482913", []),
    # record numbers under the many names hospitals give them, in their many shapes, listed, in tables, as answers
    ("MEDICAL_RECORD_NUMBER", "Wristband shows URN M8992265, thanks.", ["M8992265"]),
    ("MEDICAL_RECORD_NUMBER", "Seen in ED overnight (NHI 933-556-163) for follow up.", ["933-556-163"]),
    ("MEDICAL_RECORD_NUMBER", "Can you check Pt ID = 52-99-37 and update the GP.", ["52-99-37"]),
    ("MEDICAL_RECORD_NUMBER", "Specimen label\nUR No | CQT2331\nConsent: yes", ["CQT2331"]),
    ("MEDICAL_RECORD_NUMBER", "Merged into EHR ID: 97T61539 asap", ["97T61539"]),
    ("MEDICAL_RECORD_NUMBER", "Please merge hospital numbers K7040869 & HEQ6337.", ["K7040869", "HEQ6337"]),
    ("MEDICAL_RECORD_NUMBER", "quick one - patient id for bed 12?\n75T22872", ["75T22872"]),
    ("MEDICAL_RECORD_NUMBER", "mrn,ward,bed,status\n1881 7135,7A,8,discharged\nQPP7815,ICU,24,pending",
     ["1881 7135", "QPP7815"]),
    ("MEDICAL_RECORD_NUMBER", "UHID: 20240012345 registered", ["20240012345"]),
    ("MEDICAL_RECORD_NUMBER", "MRN 4821 on file", ["4821"]),  # a strong cue needs no five digits
    ("MEDICAL_RECORD_NUMBER", '{"mrnNumber": "K1234567", "hospitalId": "4471"}', ["K1234567", "4471"]),
    ("MEDICAL_RECORD_NUMBER", "Sales record 2023-2024 was strong, chart 12 below", []),
    ("MEDICAL_RECORD_NUMBER", "the UR-9361-328 band", []),
    # dates of birth
    ("DATE_OF_BIRTH", "DOB 03/04/1975, seen today", ["03/04/1975"]),
    ("DATE_OF_BIRTH", "born on March 4, 1975 in Ohio", ["March 4, 1975"]),
    ("DATE_OF_BIRTH", "出生日期：1990年3月7日", ["1990年3月7日"]),
    ("DATE_OF_BIRTH", "Appointment on 03/04/2024 at 10:30", []),
    ("DATE_OF_BIRTH", "DOB 13/13/1975", []),
    # IP addresses and URLs
    ("IP_ADDRESS", "from 58.74.121.78 blocked", ["58.74.121.78"]),
    ("IP_ADDRESS", "version 999.1.2.3 and time 14:48:14", []),
    ("URL", "see https://bank.example.com/help, thanks", ["https://bank.example.com/help"]),
    ("URL", "访问www.example.cn获取", ["www.example.cn"]),
    # street addresses
    (
        "STREET_ADDRESS",
        "He lives at 123 Main Street, Springfield, IL 62704.",
        ["123 Main Street, Springfield, IL 62704"],
    ),
    ("STREET_ADDRESS", "Filip lives on Nassaustraat 123 street.", ["Nassaustraat 123"]),
    ("STREET_ADDRESS", "ship to 48 rue Descartes, Lyon", ["48 rue Descartes, Lyon"]),
    ("STREET_ADDRESS", "the true gender of lilly", []),
    ("STREET_ADDRESS", "I have 2 kids on the road", []),
    # person names in bank and clinical phrasing
    ("PERSON", "Account holder Maria Lopez called.", ["Maria Lopez"]),
    ("PERSON", "Seen by Dr. Okafor in clinic.", ["Okafor"]),
    ("PERSON", "join accounts with ms. wijtze", ["wijtze"]),
    ("PERSON", "Patient has Parkinson's disease and takes Tylenol.", []),
    ("PERSON", "Capitalized words like Wisdom and Discipline are often mistaken with names.", []),
    # multi-line postal blocks: unit lines, blank lines, bullets, postcode + place, lower case
    (
        "STREET_ADDRESS",
        "95 230 Wit Rd\n Suite 246\n Bryanston\n Rwanda 02438",
        ["95 230 Wit Rd\n Suite 246\n Bryanston\n Rwanda 02438"],
    ),
    (
        "STREET_ADDRESS",
        "11 Školní 939\n Apt. 827\n Kaplice 1\n\n Iceland 80392",
        ["11 Školní 939\n Apt. 827\n Kaplice 1\n\n Iceland 80392"],
    ),
    (
        "STREET_ADDRESS",
        "98 árpád fejedelem útja 45.\n apt. 614\n pomáz",
        ["98 árpád fejedelem útja 45.\n apt. 614\n pomáz"],
    ),
    ("STREET_ADDRESS", "* 48 Rue Lepic\n* Apt. 18\n* Paris", ["48 Rue Lepic\n* Apt. 18\n* Paris"]),
    ("STREET_ADDRESS", "She lives at Hauptgasse 14, 6439 Graz with her son", ["Hauptgasse 14, 6439 Graz"]),
    (
        "STREET_ADDRESS",
        "send it to 12 Main Street\n Springfield, IL 62704 before Friday",
        ["12 Main Street\n Springfield, IL 62704"],
    ),
    ("STREET_ADDRESS", "12 Oak Lane\nLooking forward to the visit", ["12 Oak Lane"]),
    ("STREET_ADDRESS", "Room 12 on floor 3 has 2 beds.", []),
    ("STREET_ADDRESS", "We shipped 40 units in 3 boxes.\nApt cleaning at 9.", []),
    # names the rules find without NER
    ("PERSON", "kristin crnić\n\n98 árpád fejedelem útja 45.", ["kristin crnić"]),
    ("PERSON", "Filip lives on Nassaustraat 123 street.", ["Filip"]),
    ("PERSON", "hello there\n12 items are on the list", []),
    ("PERSON", "Nobody lives at 5 Oak Lane.", []),
    # street corners and two streets sharing one type word; near-misses have no street names or no type
    (
        "STREET_ADDRESS",
        "We met at the corner of Elm Street and 5th Avenue yesterday",
        ["the corner of Elm Street and 5th Avenue"],
    ),
    (
        "STREET_ADDRESS",
        "Turn at the intersection of Oak Road & Hill Street to find us",
        ["the intersection of Oak Road & Hill Street"],
    ),
    ("STREET_ADDRESS", "The shop on Queen and Bathurst Streets is closed", ["Queen and Bathurst Streets"]),
    ("STREET_ADDRESS", "in the corner of the room and the hallway", []),
    ("STREET_ADDRESS", "Salt and Pepper Street food", []),
    ("STREET_ADDRESS", "the streets of Rome and Milan", []),
    # postal blocks without a street type, ending in a postcode; lists ending in a year or an amount are not
    (
        "STREET_ADDRESS",
        "Send it to:\n7 Old Mill\nKESWICK\nCumbria\n CA12 5AB",
        ["7 Old Mill\nKESWICK\nCumbria\n CA12 5AB"],
    ),
    ("STREET_ADDRESS", "We ordered 2 Widgets\nTotal\n 1500", []),
    ("STREET_ADDRESS", "Chapter 3 Results\nMethods\nDiscussion\n 2021", []),
    # localities: after a unit with a bare space, joined by "and", with a name in brackets, in lower case at the
    # end of the text, or mangled by a wrong character set; never a lower-case word inside a sentence
    ("STREET_ADDRESS", "12 Oak Lane Apt 4 Springfield", ["12 Oak Lane Apt 4 Springfield"]),
    ("STREET_ADDRESS", "He lives at 12 Oak Lane Apt 4 Please call", ["12 Oak Lane Apt 4"]),
    ("STREET_ADDRESS", "Rua Augusta 25, Sao Tome and Principe", ["Rua Augusta 25, Sao Tome and Principe"]),
    ("STREET_ADDRESS", "Hauptstraße 5, Biel (Bienne)", ["Hauptstraße 5, Biel (Bienne)"]),
    ("STREET_ADDRESS", "his address: 12 lipová 5, brno", ["12 lipová 5, brno"]),
    ("STREET_ADDRESS", "I live at 12 Oak Lane, ok thanks for asking", ["12 Oak Lane"]),
    # any country's layout after a cue: a residence verb, "address (…)", the answer to "the exact address?"
    ("STREET_ADDRESS", "I live at Kyrkogränd 36, lgh 1279, 724 53 Linköping with my partner",
     ["Kyrkogränd 36, lgh 1279, 724 53 Linköping"]),
    ("STREET_ADDRESS", "confirm your correspondence address (Số 112 Lê Thánh Tôn, Phường 3, Quận 6, Hải Phòng) and",
     ["Số 112 Lê Thánh Tôn, Phường 3, Quận 6, Hải Phòng"]),
    ("STREET_ADDRESS", "whats the exact address?\n[11:41] me: atatürk sok. no: 13, 51385 muratpaşa/ankara. buzz 22",
     ["atatürk sok. no: 13, 51385 muratpaşa/ankara"]),
    ("STREET_ADDRESS", "I live at home with my mum; staying at 10:30 tonight; he moved to London in 2019", []),
    ("STREET_ADDRESS", "您看的那套在湖北省武汉市武昌区碧桂园13期11幢1454室，月租；"
     "另一套在天河区黄埔大道西50号翠苑小区24栋4单元3201室。",
     ["湖北省武汉市武昌区碧桂园13期11幢1454室", "天河区黄埔大道西50号翠苑小区24栋4单元3201室"]),
    ("STREET_ADDRESS", "收件地址：北京市海淀区学院路657号院8号楼1192", ["北京市海淀区学院路657号院8号楼1192"]),
    ("STREET_ADDRESS", "Rua Augusta 25, SÃ£o Paulo", ["Rua Augusta 25, SÃ£o Paulo"]),
    # places after a residence cue or in a form field; months, wards and lower-case phrases are not places
    ("LOCATION", "She grew up in Castellammare di Stabia and moved later.", ["Castellammare di Stabia"]),
    ("LOCATION", "He was born in Ústí nad Labem.", ["Ústí nad Labem"]),
    ("LOCATION", "Her hometown is Kraków.", ["Kraków"]),
    ("LOCATION", "City: Zlín\nPhone: 555", ["Zlín"]),
    ("LOCATION", "She was born in March 1990.", []),
    ("LOCATION", "He moved to Cardiology on Monday.", []),
    ("LOCATION", "The baby was born in the ICU.", []),
    ("LOCATION", "Location: Ward 4B", []),
    ("LOCATION", "Where: the lobby", []),
    ("LOCATION", "the hometown of Anna is Brno", ["Brno"]),  # a known city, whatever the phrasing
    # a second title before the name is skipped, not taken for the name
    ("PERSON", "Seen by Dr. Prof. Okafor today", ["Okafor"]),
    # US driver's licence numbers need a licence cue
    ("US_DRIVER_LICENSE", "My driver's license number is 481195160", ["481195160"]),
    ("US_DRIVER_LICENSE", "DL# S1234567, expires 2027", ["S1234567"]),
    ("US_DRIVER_LICENSE", "The driver license renewal fee is 35 dollars.", []),
    ("US_DRIVER_LICENSE", "Photo ID was driving permit S672-598-34-159-5.", ["S672-598-34-159-5"]),
    ("US_DRIVER_LICENSE", "Hire form\nDLN   I9812-52650-41560\nCategory: B", ["I9812-52650-41560"]),
    ("US_DRIVER_LICENSE", "Driver Lic #:A95QWS20C15", ["A95QWS20C15"]),
    ("US_DRIVER_LICENSE", "Order 481195160 shipped.", []),
    # a phone number listed beside an e-mail address; ten digits as five and five (an Indian mobile)
    ("PHONE_NUMBER", "Reach me at tomas.h@example.org or 612 804 377 after six.", ["612 804 377"]),
    ("PHONE_NUMBER", "tomas.h@example.org; 73410 55291; branch 12", ["73410 55291"]),
    ("PHONE_NUMBER", "Ravi Menon (98451 20763) asked for a callback", ["98451 20763"]),
    ("PHONE_NUMBER", "a loan of 612 804 377 was approved", []),
    # a place after a lower-case word of the same run, or before a full stop that ends the sentence
    ("LOCATION", "The couple moved from Glasgow to Cork. They rent now.", ["Glasgow", "Cork"]),
    ("LOCATION", "BP 130/85. Lives alone in Reading.", ["Reading"]),
    ("LOCATION", "Then cork the bottle and store it.", []),
    # a place after a move, a bank branch named after its town
    ("LOCATION", "She relocated to Westbrookton last spring.", ["Westbrookton"]),
    ("LOCATION", "Complaint raised at the Fernhollow branch on Monday.", ["Fernhollow"]),
    ("LOCATION", "Please visit the Main branch or the Online branch.", []),
    # names from where they stand in a note: a sign-on, an age description, who called
    ("PERSON", "Zbigniew here, stuck in traffic, running late", ["Zbigniew"]),
    ("PERSON", "Reviewed today. Prudence is a 58-year-old retired nurse.", ["Prudence"]),
    ("PERSON", "Patient is a 58-year-old retired nurse.", []),
    ("PERSON", "Treasure rang again about the overdraft.", ["Treasure"]),
    ("PERSON", "Customer called again about the overdraft.", []),
    # the job title and the firm in an e-mail's sign-off
    ("JOB_TITLE", "See attached.\n\nBest regards,\nOwen Pryce\nFleet Coordinator\nBarlow-Kemp\nT: 01632 960 123",
     ["Fleet Coordinator"]),
    ("ORGANIZATION", "See attached.\n\nBest regards,\nOwen Pryce\nFleet Coordinator\nBarlow-Kemp\nT: 01632 960 123",
     ["Barlow-Kemp"]),
    ("ORGANIZATION", "Thanks,\nOwen\nSent from my phone", []),
    # an initial and a surname where a name starts: a list of attendees, after "Dear" or "by"
    ("PERSON", "Present:\n  K. Wojcik (external)\n  T. Brennan, chair", ["K. Wojcik", "T. Brennan"]),
    ("PERSON", "Checked by L. Adeyemi on the ward.", ["L. Adeyemi"]),
    ("PERSON", "Hepatitis B. Treatment began in May.", []),
    ("PERSON", "Plan B. Next we ring the branch.", []),
    # a firm named by two surnames after a workplace cue
    ("ORGANIZATION", "She works at Pruett-Galloway as a buyer.", ["Pruett-Galloway"]),
    ("ORGANIZATION", "Book a Follow-Up with Check-In staff.", []),
    # an institution named first by its kind, as Spanish, Portuguese and Italian do
    ("ORGANIZATION", "She was admitted to Hospital Ángeles last week.", ["Hospital Ángeles"]),
    ("ORGANIZATION", "Hospital Number: 5512093", []),
    ("ORGANIZATION", "Please ring the ward at Pinegrove Hospital tonight.", ["Pinegrove Hospital"]),
    # the qualifier of a job title is in lower case: a capitalised word after the comma is something else
    ("JOB_TITLE", "She works as Barista, Mornington Lane branch.", ["Barista"]),
    # a job title with its qualifier after a comma or in brackets
    ("JOB_TITLE", "Customer works as Surveyor, quantity at a firm in town.", ["Surveyor, quantity"]),
    ("JOB_TITLE", "occupation: Engineer (structural).", ["Engineer (structural)"]),
    ("JOB_TITLE", "He works as a plumber, and he is self-employed.", ["plumber"]),
]


@pytest.mark.parametrize(("entity_type", "text", "expected"), CASES)
def test_recognizer_finds_exactly_the_expected_spans(
    detector: PiiDetector, entity_type: str, text: str, expected: list[str]
) -> None:
    assert spans(detector, text, entity_type) == expected


VALID_ID = "11010519491231002X"
WRONG_CHECK = "110105194912310021"

CN_CASES: list[tuple[str, str, list[str]]] = [
    ("CN_RESIDENT_ID", f"身份证号{VALID_ID}，请核对", [VALID_ID]),
    ("CN_RESIDENT_ID", f"ID {VALID_ID.lower()}", [VALID_ID.lower()]),
    # an impossible date or region is still an ID's shape: a mistyped or synthetic ID is hidden (issue 14)
    ("CN_RESIDENT_ID", "身份证110105194913310021", ["110105194913310021"]),  # month 13
    ("CN_RESIDENT_ID", "身份证110105194902300021", ["110105194902300021"]),  # 30 February
    ("CN_RESIDENT_ID", "000000198411284850，17886271753", ["000000198411284850"]),  # region 000000
    ("CN_RESIDENT_ID", "订单号123456789012345678", []),  # no year where an ID has its birth date
    ("CN_RESIDENT_ID", "身份证号码630104 1961 1207 3470，户籍地", ["630104 1961 1207 3470"]),  # grouped 6-4-4-4
    ("CN_RESIDENT_ID", "ID 110105-19491231-002X ok", ["110105-19491231-002X"]),  # grouped 6-8-4
    ("CN_RESIDENT_ID", f"号码{VALID_ID}9", []),  # 19 characters: not an ID
    ("CN_MOBILE", "手机13812345678谢谢", ["13812345678"]),
    ("CN_MOBILE", "call +86 138 1234 5678 or 0086-13912345678", ["+86 138 1234 5678", "0086-13912345678"]),
    ("CN_MOBILE", "电话12812345678", []),  # 12x is not a mobile prefix
    ("CN_MOBILE", "订单138123456789", []),  # 12 digits
    ("CN_BANK_CARD", "银行卡6222021234567890128已冻结", ["6222021234567890128"]),
    ("CN_BANK_CARD", "银行卡6222 0212 3456 7890 128", ["6222 0212 3456 7890 128"]),
    ("CN_BANK_CARD", "银行卡6222021234567890129", ["6222021234567890129"]),  # Luhn fails after a card cue: mistyped
    ("CN_BANK_CARD", "订单6222021234567890129", []),  # Luhn fails, no card cue
    ("PERSON", "患者王小明今日复诊", ["王小明"]),
    ("PERSON", "请联系张伟先生", ["张伟"]),
    ("PERSON", "欧阳娜娜女士来电", ["欧阳娜娜"]),
    ("PERSON", "高血压患者应低盐饮食", []),
    ("PERSON", "今天天气很好", []),
    ("STREET_ADDRESS", "住址：北京市朝阳区建国路88号3栋1201室。", ["北京市朝阳区建国路88号3栋1201室"]),
    ("STREET_ADDRESS", "家住建国路88号", ["建国路88号"]),
    ("STREET_ADDRESS", "我去过上海市", []),
]


@pytest.mark.parametrize(("entity_type", "text", "expected"), CN_CASES)
def test_chinese_recognizer_finds_exactly_the_expected_spans(
    detector: PiiDetector, entity_type: str, text: str, expected: list[str]
) -> None:
    assert spans(detector, text, entity_type) == expected


def test_resident_id_with_wrong_check_digit_is_found_at_a_lower_score(detector: PiiDetector) -> None:
    rules = PiiRules(entities_masked=frozenset({"CN_RESIDENT_ID"}), score_threshold=0.1)
    valid = detector.detect(f"身份证号{VALID_ID}", "zh", rules)
    wrong = detector.detect(f"身份证号{WRONG_CHECK}", "zh", rules)
    assert len(valid) == 1 and len(wrong) == 1
    assert wrong[0].score < valid[0].score


def test_ssn_is_never_reported_as_uk_nhs(detector: PiiDetector) -> None:
    found = detector.detect("His social security number is 531-21-7351")
    assert [d.entity_type for d in found] == ["US_SSN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full UK or Canadian postcode in capitals with its space stands alone at the policies' usual 0.5;
        # lower case, hyphenated or run together, it needs a cue (or a place before it: see test_postal).
        ("We cover SW1A 2AA and nearby.", ["SW1A 2AA"]),
        ("Anyone in R3K 6V3 on the map.", ["R3K 6V3"]),
        ("Anyone in c8p 6h7, sorry.", ["c8p 6h7"]),
        ("postcode: dn16 8sj", ["dn16 8sj"]),
        ("postal code is K1N-5G1", ["K1N-5G1"]),
        ("C: Um, it was D02 H9L7 but we moved, so it might be D02 H4N7.", []),
        ("And the postcode?\nC: Um, it was D02 H9L7 but we moved, so it might be D02 H4N7.", ["D02 H9L7", "D02 H4N7"]),
        ("row b2 3rd seat, we cover ab1 2cd", []),
    ],
)
def test_postcodes_at_the_policy_threshold(detector: PiiDetector, text: str, expected: list[str]) -> None:
    rules = PiiRules(entities_masked=frozenset({"POSTAL_CODE"}), score_threshold=0.5)
    assert [text[d.start:d.end] for d in detector.detect(text, None, rules)] == expected
