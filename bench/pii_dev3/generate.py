"""Generate the third, focused PII development set (``dev3``): record numbers, postcodes and driving licences.

Written for issue 14's weakest types on the held-out split (medical record numbers, postcodes, driving licences)
*before* the detector was run on it, from what real records look like rather than from any evaluation set's
templates: hospital number formats of several countries' systems and their cues (MRN, hospital/unit/UR number, NHI,
CHI, chart, patient ID, health card), UK/Canadian/US postcodes in prose, forms and address lines in their ordinary
spellings (spaced, unspaced, lower case), and licence numbers of many US states, the UK, Canada, Australia and
Europe. Standard library only; deterministic (one seed per record), so ``--check`` can tell whether the file is stale.

Run: ``python3 bench/pii_dev3/generate.py [--check]`` → ``bench/data/pii_dev3_en.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "pii_dev3_en.jsonl"
SPLIT = "dev3"
PER_TEMPLATE = 12

U = string.ascii_uppercase
D = string.digits


class Doc:
    """Text built piece by piece; labelled pieces become spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.length = 0

    def add(self, text: str, entity: str | None = None) -> Doc:
        if entity:
            self.spans.append({"entity_type": entity, "start": self.length, "end": self.length + len(text),
                               "value": text})
        self.parts.append(text)
        self.length += len(text)
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(D) for _ in range(n))


def letters(r: random.Random, n: int) -> str:
    return "".join(r.choice(U) for _ in range(n))


# --- medical record numbers -------------------------------------------------------------------------------------

def nhs_number(r: random.Random) -> str:
    while True:
        body = [r.randrange(10) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            raw = "".join(map(str, body)) + str(check)
            return r.choice([raw, f"{raw[:3]} {raw[3:6]} {raw[6:]}", f"{raw[:3]}-{raw[3:6]}-{raw[6:]}"])


def mrn(r: random.Random) -> str:
    kind = r.randrange(16)
    if kind == 0:
        return digits(r, r.choice([6, 7, 8, 9, 10]))                       # Epic / Cerner style
    if kind == 1:
        return "00" + digits(r, r.choice([5, 6, 7]))                        # zero padded
    if kind == 2:
        return r.choice("EMKRHSTV") + digits(r, r.choice([6, 7, 8]))        # one letter prefix
    if kind == 3:
        return letters(r, 3) + digits(r, 4)                                 # NZ NHI (old)
    if kind == 4:
        return f"{digits(r, 2)}-{digits(r, 2)}-{digits(r, 2)}"              # chart number
    if kind == 5:
        return f"{digits(r, 3)}-{digits(r, 3)}-{digits(r, 3)}"
    if kind == 6:
        return f"{r.choice(['2019', '2021', '2022', '2023', '2024'])}-{digits(r, 6)}"  # year-sequence
    if kind == 7:
        return digits(r, 7) + r.choice(U)                                   # trailing letter
    if kind == 8:
        return f"{letters(r, 2)}{digits(r, 6)}{r.choice(U)}"
    if kind == 9:
        return nhs_number(r)
    if kind == 10:
        return f"{r.choice(['MR', 'PT', 'HN', 'UR'])}-{digits(r, 4)}-{digits(r, 3)}"
    if kind == 11:
        return f"{digits(r, 4)} {digits(r, 4)}"                             # grouped as printed on a card
    if kind == 12:
        return f"{letters(r, 1)}{digits(r, 2)}-{digits(r, 5)}"
    if kind == 13:
        return f"{digits(r, 2)}{letters(r, 1)}{digits(r, 5)}"
    if kind == 14:
        return f"{digits(r, 4)}-{digits(r, 3)}-{digits(r, 3)}-{letters(r, 2)}"  # Ontario health card
    return f"{digits(r, 2)} {digits(r, 2)} {digits(r, 2)}"


MRN_CUES = ["MRN", "MRN#", "MR#", "Med Rec No.", "medical record #", "record number", "hospital number", "Hosp. No.",
            "unit number", "UR number", "URN", "NHI", "CHI no.", "patient ID", "Pt ID", "patient no.", "chart #",
            "chart number", "EMR number", "EHR ID", "health record no.", "case number", "clinic number",
            "registration no.", "hospital ID", "K number", "NHS no.", "PHN", "health card number", "OHIP",
            "mrn", "patient number", "medical record no", "hospital reg. no."]


def t_mrn_sentence(r: random.Random) -> Doc:
    d = Doc()
    cue = r.choice(MRN_CUES)
    lead = r.choice([
        "Please pull the notes for {cue}", "Bloods sent under {cue}", "Duplicate record found: {cue}",
        "Re: patient with {cue}", "Can you check {cue}", "Wristband shows {cue}", "Scan uploaded to {cue}",
        "Merged into {cue}", "Letter filed against {cue}", "Pathology result for {cue}",
    ]).format(cue=cue)
    d.add(lead + r.choice([" ", ": ", " ", " - ", " is ", " = ", ":"]))
    d.add(mrn(r), "MEDICAL_RECORD_NUMBER")
    d.add(r.choice([", thanks.", " before clinic.", ". Urgent.", " asap", " - see attached.", ".", " (ward 7).",
                    " and update the GP."]))
    return d


def t_mrn_form(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["ADMISSION FORM\n", "Discharge checklist\n", "Specimen label\n", "REQUEST FOR IMAGING\n",
                    "Theatre list\n"]))
    d.add(r.choice(["Ward: 4B\n", "Dept: Radiology\n", "Clinic: Fracture\n", "Bay 3\n"]))
    cue = r.choice(["MRN", "Hospital No", "Unit No", "UR No", "Patient ID", "Record No", "Chart No", "NHI",
                    "Hosp #", "Med Rec #", "MR Number", "Case No", "PID"])
    d.add(cue + r.choice([": ", ":", " - ", "    ", " | ", "\t"]))
    d.add(mrn(r), "MEDICAL_RECORD_NUMBER")
    d.add(r.choice(["\nPriority: routine\n", "\nConsent: yes\n", "\nAllergies: NKDA\n", "\nSpecimen: EDTA\n"]))
    return d


def t_mrn_paren(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["Seen in ED overnight (", "Transferred from ICU (", "Booked for MRI (", "Reviewed on the ward (",
                    "Referred to dietetics ("]))
    d.add(r.choice(["MRN ", "hosp no ", "UR ", "ID ", "record ", "unit no. ", "NHI ", "chart "]))
    d.add(mrn(r), "MEDICAL_RECORD_NUMBER")
    d.add(r.choice([") - stable.", "); plan as below.", ") for follow up.", "), no concerns."]))
    return d


def t_mrn_two(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["Two records exist for this patient: ", "Please merge hospital numbers ",
                    "Duplicate MRNs ", "Records "]))
    d.add(mrn(r), "MEDICAL_RECORD_NUMBER")
    d.add(r.choice([" and ", " / ", ", ", " & "]))
    d.add(mrn(r), "MEDICAL_RECORD_NUMBER")
    d.add(r.choice([" - keep the older one.", ".", " need merging by IT.", " (same DOB)."]))
    return d


def t_mrn_chat(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["hi, what's the ", "can u send me the ", "quick one - "]))
    d.add(r.choice(["mrn", "hospital number", "record number", "unit number", "patient id"]))
    d.add(r.choice([" for bed 12?\n", " of the lady in bay 2?\n", "?\n"]))
    d.add(r.choice(["sure it's ", "", "it is ", "yep: ", "should be "]))
    d.add(mrn(r), "MEDICAL_RECORD_NUMBER")
    return d


def t_mrn_csv(r: random.Random) -> Doc:
    d = Doc()
    header = r.choice(["mrn,ward,bed,status", "hospital_number,ward,bed,status", "patient_id,ward,bed,status",
                       "MRN\tWard\tBed\tStatus"])
    sep = "\t" if "\t" in header else ","
    d.add(header + "\n")
    for _ in range(r.choice([2, 3])):
        d.add(mrn(r).replace(",", ""), "MEDICAL_RECORD_NUMBER")
        d.add(f"{sep}{r.choice(['4B', '7A', 'ICU', 'CCU'])}{sep}{r.randrange(1, 30)}{sep}"
              f"{r.choice(['admitted', 'discharged', 'pending'])}\n")
    return d


# --- postcodes ----------------------------------------------------------------------------------------------------

def uk_postcode(r: random.Random) -> str:
    area = r.choice(["SW", "EC", "N", "W", "E", "SE", "M", "B", "LS", "G", "EH", "CF", "BT", "NE", "L", "BS", "OX",
                     "CB", "KT", "RG", "S", "DN", "PL", "AB", "IV", "TR", "YO", "HU", "NG", "LE"])
    shape = r.randrange(4)
    if shape == 0:
        outward = f"{area}{r.randrange(1, 10)}"
    elif shape == 1:
        outward = f"{area}{r.randrange(10, 30)}"
    elif shape == 2 and area in {"SW", "EC", "W", "N", "E", "SE"}:
        outward = f"{area}{r.randrange(1, 10)}{r.choice('ABCEHMNPRVWXY')}"
    else:
        outward = f"{area}{r.randrange(1, 20)}"
    inward = f"{r.randrange(10)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    code = f"{outward} {inward}"
    return r.choice([code, code, code, code.replace(" ", ""), code.lower()])


def ca_postcode(r: random.Random) -> str:
    a = "ABCEGHJKLMNPRSTVXY"
    code = f"{r.choice(a)}{r.randrange(10)}{r.choice(a)} {r.randrange(10)}{r.choice(a)}{r.randrange(10)}"
    return r.choice([code, code, code.replace(" ", ""), code.lower(), code.replace(" ", "-")])


def us_zip(r: random.Random) -> str:
    z = f"{r.randrange(1, 99999):05d}"
    return r.choice([z, z, f"{z}-{r.randrange(10000):04d}"])


UK_TOWNS = ["Leeds", "Croydon", "Swansea", "Dundee", "Truro", "Hull", "Reading", "Salford", "Bootle", "Inverness"]
CA_PLACES = [("Halifax", "NS"), ("Winnipeg", "MB"), ("Laval", "QC"), ("Kelowna", "BC"), ("Regina", "SK"),
             ("Moncton", "NB"), ("Barrie", "ON")]
US_PLACES = [("Boise", "ID"), ("Tulsa", "OK"), ("Dayton", "OH"), ("Fresno", "CA"), ("Albany", "NY"),
             ("Provo", "UT"), ("Macon", "GA"), ("Akron", "OH")]
STREETS = ["Mill Lane", "Station Road", "Oak Avenue", "Elm Street", "Church Walk", "Kingsway", "Rue Principale",
           "Maple Drive"]


def postcode_any(r: random.Random) -> tuple[str, str]:
    kind = r.randrange(3)
    return (("uk", uk_postcode(r)), ("ca", ca_postcode(r)), ("us", us_zip(r)))[kind]


def t_post_sentence(r: random.Random) -> Doc:
    d = Doc()
    kind, code = postcode_any(r)
    cue = {"uk": ["postcode", "post code", "postcode is", "my postcode's"],
           "ca": ["postal code", "postal code is", "postcode"],
           "us": ["zip", "zip code", "ZIP", "zipcode is"]}[kind]
    d.add(r.choice(["The caller confirmed her ", "Can you confirm the ", "Delivery failed - customer says ",
                    "For verification, the ", "Updated the ", "He gave the "]))
    d.add(r.choice(cue) + r.choice([" ", ": ", " as "]))
    d.add(code, "POSTCODE")
    d.add(r.choice([".", " - matches file.", ", not the old one.", " this morning.", " but the door number is wrong."]))
    return d


def t_post_address_line(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["Send the card to ", "New address: ", "Moved to ", "Correspondence to ", "Ship to "]))
    kind, code = postcode_any(r)
    d.add(f"{r.randrange(1, 300)} {r.choice(STREETS)}", "STREET_ADDRESS")
    d.add(", ")
    if kind == "uk":
        d.add(r.choice(UK_TOWNS), "LOCATION")
        d.add(r.choice([" ", ", "]))
    elif kind == "ca":
        town, prov = r.choice(CA_PLACES)
        d.add(town, "LOCATION")
        d.add(", ")
        d.add(prov, "LOCATION")
        d.add(" ")
    else:
        town, state = r.choice(US_PLACES)
        d.add(town, "LOCATION")
        d.add(", ")
        d.add(state, "LOCATION")
        d.add(" ")
    d.add(code, "POSTCODE")
    d.add(r.choice([" from Monday.", ".", " please.", " (flat above the shop)."]))
    return d


def t_post_area(r: random.Random) -> Doc:
    d = Doc()
    _, code = postcode_any(r)
    d.add(r.choice(["Anyone in ", "We cover ", "Outage reported around ", "Engineer booked for ",
                    "Only one branch near "]))
    d.add(code, "POSTCODE")
    d.add(r.choice([" today?", " and nearby.", " - ETA 2h.", ", sorry.", " on the map."]))
    return d


def t_post_form(r: random.Random) -> Doc:
    d = Doc()
    kind, code = postcode_any(r)
    label = {"uk": ["Postcode", "POST CODE", "Post Code"], "ca": ["Postal Code", "POSTAL CODE", "Postal code"],
             "us": ["ZIP", "Zip Code", "ZIP/Postal"]}[kind]
    d.add(r.choice(["Town: Somewhere\n", "County: n/a\n", "Country: as below\n"]))
    d.add(r.choice(label) + r.choice([": ", ":", "  ", " | ", "\t"]))
    d.add(code, "POSTCODE")
    d.add(r.choice(["\nContact by: post\n", "\n", "\nVerified: Y\n"]))
    return d


def t_post_chat(r: random.Random) -> Doc:
    d = Doc()
    _, code = postcode_any(r)
    d.add(r.choice(["agent: and the postcode?\ncustomer: ", "Agent: what's your zip?\nCaller: ",
                    "Q: Postal code?\nA: ", "bot: postcode please\nuser: "]))
    d.add(code, "POSTCODE")
    return d


# --- driving licences -----------------------------------------------------------------------------------------

def licence(r: random.Random) -> str:
    kind = r.randrange(14)
    if kind == 0:
        return r.choice(U) + digits(r, 7)                                         # California
    if kind == 1:
        return f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}"                    # New York
    if kind == 2:
        return f"{r.choice(U)}{digits(r, 3)}-{digits(r, 3)}-{digits(r, 2)}-{digits(r, 3)}-{digits(r, 1)}"  # Florida
    if kind == 3:
        return f"{r.choice(U)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}"       # Illinois
    if kind == 4:
        return digits(r, 8)                                                       # Texas
    if kind == 5:
        return f"{r.choice(U)}{digits(r, 12)}"                                    # Michigan / Minnesota
    if kind == 6:
        surname = r.choice(["MORGA", "SMITH", "PATEL", "JONES", "WILLI", "OBRIE"])
        return f"{surname}{digits(r, 6)}{letters(r, 2)}{r.choice(D)}{letters(r, 2)}"  # UK DVLA
    if kind == 7:
        return f"{r.choice(U)}{digits(r, 4)}-{digits(r, 5)}-{digits(r, 5)}"       # Ontario
    if kind == 8:
        return digits(r, r.choice([7, 9]))                                        # BC / Australia
    if kind == 9:
        return f"{r.choice(U)}{digits(r, 2)}{letters(r, 3)}{digits(r, 2)}{r.choice(U)}{digits(r, 2)}"  # Germany
    if kind == 10:
        return f"{digits(r, 2)}{letters(r, 2)}{digits(r, 5)}"
    if kind == 11:
        return f"{letters(r, 2)}{digits(r, 6)}"                                   # Washington-ish / Ireland
    if kind == 12:
        return f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 4)}"                    # Virginia-like
    return f"{r.choice(U)}{digits(r, 3)} {digits(r, 3)} {digits(r, 3)} {digits(r, 3)}"  # Wisconsin style


DL_CUES = ["driver's license", "driver license no.", "DL#", "DL:", "licence number", "driving licence",
           "driving licence no.", "DLN", "lic. no.", "license #", "drivers licence", "driver's lic", "DL number",
           "license no", "driving permit", "DL"]


def t_dl_sentence(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["ID checked against ", "Customer presented ", "Copy on file: ", "Verified with ",
                    "Renter's ", "Photo ID was "]))
    d.add(r.choice(DL_CUES) + r.choice([" ", ": ", " - "]))
    d.add(licence(r), "US_DRIVER_LICENSE")
    d.add(r.choice([".", ", expiry next year.", " (state issued).", " and a utility bill.", " - OK."]))
    return d


def t_dl_form(r: random.Random) -> Doc:
    d = Doc()
    d.add(r.choice(["RENTAL AGREEMENT\n", "KYC checklist\n", "Hire form\n"]))
    d.add(r.choice(["Licence No", "License Number", "DL No.", "Driver Lic #", "Driving licence", "DLN"]))
    d.add(r.choice([": ", ":", " | ", "\t", "   "]))
    d.add(licence(r), "US_DRIVER_LICENSE")
    d.add(r.choice(["\nIssuing state: see card\n", "\nCategory: B\n", "\n"]))
    return d


TEMPLATES: dict[str, Callable[[random.Random], Doc]] = {
    "mrn.sentence": t_mrn_sentence, "mrn.form": t_mrn_form, "mrn.paren": t_mrn_paren, "mrn.two": t_mrn_two,
    "mrn.chat": t_mrn_chat, "mrn.csv": t_mrn_csv,
    "post.sentence": t_post_sentence, "post.address": t_post_address_line, "post.area": t_post_area,
    "post.form": t_post_form, "post.chat": t_post_chat,
    "dl.sentence": t_dl_sentence, "dl.form": t_dl_form,
}
COUNTS = {"mrn.sentence": 40, "mrn.form": 30, "mrn.paren": 20, "mrn.two": 12, "mrn.chat": 16, "mrn.csv": 10,
          "post.sentence": 30, "post.address": 30, "post.area": 12, "post.form": 20, "post.chat": 12,
          "dl.sentence": 30, "dl.form": 20}


def build() -> str:
    rows = []
    for name, template in TEMPLATES.items():
        for i in range(COUNTS.get(name, PER_TEMPLATE)):
            doc = template(random.Random(f"dev3|en|{name}|{i}"))
            text = doc.text
            for s in doc.spans:
                assert text[s["start"]:s["end"]] == s["value"]
            rows.append({"id": f"dev3-en-{len(rows):05d}", "lang": "en", "split": SPLIT, "template": name,
                         "locale": "mixed", "text": text, "spans": doc.spans})
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    content = build()
    if args.check:
        sys.exit(0 if OUT.exists() and OUT.read_text(encoding="utf-8") == content else 1)
    OUT.write_text(content, encoding="utf-8")
    print(f"wrote {OUT.name}: {content.count(chr(10))} records")


if __name__ == "__main__":
    main()
