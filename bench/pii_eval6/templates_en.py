"""English templates for pii_eval6. Each returns a (possibly nested) list of pieces: plain strings and
(ENTITY_TYPE, value) tuples. TEMPLATES lists (name, split, count, lower_fraction, function)."""

from __future__ import annotations

import values as V
from common import rng_for


class Ctx:
    def __init__(self, key, loc):
        self.key, self.loc, self.r, self.i = key, loc, rng_for(key), 0
        self.dob_t = None

    def k(self):
        self.i += 1
        return f"{self.key}|{self.i}"

    def ch(self, seq):
        return V.pick(self.r, seq)

    def p(self, x):
        return self.r.random() < x

    def P(self, loc=None):
        return V.person(self.r, loc or self.loc, self.k())

    def nm(self, p, form="style"):
        if form == "style":
            v = p.style(self.r)
        elif form == "full":
            v = p.full
        elif form == "given":
            v = p.given
        elif form == "surname":
            v = p.surname
        elif form == "upper":
            v = p.full.upper()
        elif form == "init":
            v = f"{p.given[:1]}{p.surname[:1]}" if p.given[:1].isalpha() else p.full
        else:
            raise ValueError(form)
        return ("PERSON", v)

    def title(self):
        return self.ch(V.TITLES)

    def addr(self, loc=None, ml=False):
        a, _, _ = V.address(self.r, loc or self.loc, self.k(), multiline=ml)
        return ("STREET_ADDRESS", a)

    def city(self, loc=None):
        return ("LOCATION", V.city_region(self.r, loc or self.loc)[0])

    def region(self, loc=None):
        return ("LOCATION", V.city_region(self.r, loc or self.loc)[1])

    def country(self, loc=None):
        return ("LOCATION", V.COUNTRY[loc or self.loc])

    def hood(self):
        return ("LOCATION", self.ch(V.NEIGHBOURHOODS))

    def anyloc(self):
        return ("LOCATION", self.ch(V.REGIONS_EXTRA + V.NEIGHBOURHOODS + [c for c, _ in V.CITIES[self.loc]]))

    def pc(self, loc=None):
        loc = loc or self.loc
        raw = V.POSTCODE[loc](self.r)
        return ("POSTCODE", V.PC_STYLE.get(loc, lambda r, x: x)(self.r, raw))

    def pccue(self, loc=None):
        return self.ch(V.PC_CUE[loc or self.loc])

    def ph(self, loc=None):
        return ("PHONE_NUMBER", V.phone(self.r, loc or self.loc))

    def em(self, p=None, dom=None):
        return ("EMAIL_ADDRESS", V.email(self.r, p, self.loc, dom))

    def dob(self, y0=1940, y1=2004):
        self.dob_t = V.ymd(self.r, y0, y1)
        return ("DATE_OF_BIRTH", V.date_str(self.r, self.dob_t, self.loc == "en_US"))

    def dt(self, y0=2023, y1=2026):
        return ("DATE", V.date_str(self.r, V.ymd(self.r, y0, y1), self.loc == "en_US"))

    def agev(self):
        return 2025 - self.dob_t[0] if self.dob_t else self.r.randint(19, 91)

    def age(self, n=None, sex=None, child=False):
        return V.age_pieces(self.r, n or self.agev(), sex or self.ch("MF"), child)

    def org(self, kind=None):
        return ("ORGANIZATION", V.org(self.r, kind))

    def co(self, kind=None):
        return ("ORGANIZATION", V.company(self.r, self.loc, self.k(), kind))

    def job(self):
        return ("JOB_TITLE", V.job(self.r, self.loc, self.k()))

    def nrp(self):
        return ("NRP", V.nrp(self.r, self.loc))

    def nat(self, loc=None):
        return ("NRP", V.NATIONALITY[loc or self.loc])

    def nid(self):
        et, val, cue = V.national_id(self.r, self.loc)
        return cue, (et, val)

    def pp(self, loc=None):
        return ("PASSPORT_NUMBER", V.passport(self.r, loc or self.loc))

    def dl(self, p):
        t = self.dob_t or V.ymd(self.r, 1950, 2000)
        return V.driving_licence(self.r, self.loc, p, t)

    def card(self):
        return ("CREDIT_CARD", V.card(self.r))

    def iban(self):
        return ("IBAN_CODE", V.iban(self.r, self.loc))

    def ip(self):
        return ("IP_ADDRESS", V.ip(self.r))

    def mrn(self):
        return ("MEDICAL_RECORD_NUMBER", V.mrn(self.r))

    def acct(self):
        return ("ACCOUNT_NUMBER", V.account_number(self.r, self.loc))

    def url(self, p):
        return ("URL", V.url(self.r, p))

    def miss(self):
        return V.near_miss(self.r)

    def force(self, locs, prob):
        if self.p(prob):
            self.loc = self.ch(locs)

    def n(self, a, b):
        return str(self.r.randint(a, b))


# ============================================================ dev templates


def courier_exception(c: Ctx):
    p = c.P()
    alt = c.P()
    reason = c.ch(["no safe place", "recipient not at home", "access code refused", "building closed",
                   "address incomplete", "dog loose in garden", "gate locked"])
    out = [f"DELIVERY EXCEPTION — {c.miss()}\nDriver: ", c.nm(c.P(), "given"), f" (van {c.n(10, 99)})\n",
           "Consignee: ", c.nm(p), "\nDeliver to: ", c.addr(), "\n",
           f"Reason: {reason}. Called ", c.ph(), " at ", f"{c.n(7, 19)}:{c.n(10, 59)}", ", no answer. "]
    if c.p(0.6):
        out += ["Neighbour ", c.nm(alt, "given"), " at no. ", c.n(2, 90), " offered to take it but is not on the list. "]
    out += ["Customer asked by text to re-route to depot serving ", c.pccue(), " ", c.pc(), ". ",
            "Re-attempt booked for ", c.dt(), f". Parcel {c.n(1, 4)}/{c.n(4, 6)}, {c.n(2, 25)} kg."]
    return out


def letting_email(c: Ctx):
    c.force(["en_US"], 0.3)
    p, ag = c.P(), c.P("en_GB")
    cue, nid = c.nid()
    t = c.title()
    co = c.co("Lettings")
    return [f"Subject: Re: application for ", c.addr(), "\n\nDear ", t, " ", c.nm(p, "surname"), ",\n\n",
            "Thanks for sending the referencing pack. Your employer, ", c.co(), ", confirmed you started as ", c.job(),
            " on ", c.dt(2018, 2024), f" and the credit check on your {cue} (", nid, ") came back clear, so the landlord is happy to proceed. We still need a guarantor: please ask ",
            c.nm(c.P()), " to call me on ", c.ph("en_GB"), " or e-mail ", c.em(ag, "lettings.example.co.uk"),
            ". The holding deposit can go to ", c.iban(), " (ref: surname + flat no., not ", c.miss(), ").\n\n",
            "Move-in is pencilled for ", c.dt(), ".\n\nKind regards,\n", c.nm(ag, "full"), "\nLettings Negotiator, ", co]


def trial_screening(c: Ctx):
    p = c.P()
    sex = c.ch("MF")
    site = c.org("hosp")
    res = c.ch(["eligible — randomised", "screen fail (eGFR below threshold)", "screen fail (withdrew consent)",
                "eligible — awaiting baseline MRI", "screen fail (HbA1c out of range)"])
    return [f"SCREENING LOG — protocol NX-{c.n(100, 999)}, site {c.n(1, 40):0>3}\n", "Site: ", site, "\n",
            f"Screening no. S{c.n(1000, 9999)} | initials ", c.nm(p, "init"), " | hospital no. ", c.mrn(), "\n",
            "DOB ", c.dob(1945, 2000), " | age at consent ", c.age(sex=sex), f" | sex {sex}\n",
            "Ethnicity (self-reported): ", c.nrp(), "\n", "Referred by ", c.ch(["Dr", "Prof.", "Nurse"]), " ",
            c.nm(c.P(), "surname"), f" on ", c.dt(), "; lives in ", c.city(), ", travel reimbursed.\n",
            f"Outcome: {res}. BP {c.n(105, 160)}/{c.n(60, 99)}, weight {c.n(48, 120)} kg."]


def airline_pir(c: Ctx):
    p = c.P()
    fl = f"{c.ch(['BA', 'LH', 'AF', 'KL', 'EI', 'QF', 'AC', 'TK', 'SK', 'AY'])}{c.n(100, 1999)}"
    bag = f"{c.ch(['LHR', 'DUB', 'FRA', 'CDG', 'AMS', 'MAD'])}{c.ch(['BA', 'EI', 'LH'])}{c.n(10000, 99999)}"
    return [f"PROPERTY IRREGULARITY REPORT {bag}\nFlight {fl} ", c.dt(), "\n",
            "Passenger: ", ("PERSON", f"{p.surname.upper()}/{p.given.upper()}"), f" {c.ch(['MR', 'MS', 'MRS'])}\n",
            "Nationality: ", c.nat(), " | passport ", c.pp(), "\n",
            "Temporary address: ", c.addr(c.ch(["en_GB", "en_IE", "de_DE", "fr_FR", "nl_NL", "es_ES"])), "\n",
            "Permanent address: ", c.addr(), "\n", "Contact: ", c.ph(), " / ", c.em(p), "\n",
            f"Bag: {c.ch(['black hard-shell', 'red duffel', 'navy trolley case', 'grey rucksack'])}, last seen at ",
            c.city(), f". Compensation interim €{c.n(50, 300)} approved."]


def admissions(c: Ctx):
    p = c.P()
    school = c.org("school")
    return ["Dear ", c.nm(p, "given"), ",\n\nThank you for your application to study ",
            c.ch(["Mechanical Engineering", "Nursing", "History", "Computer Science", "Veterinary Medicine", "Law"]), " at ",
            ("ORGANIZATION", V.pick(c.r, ["University of Eastbrook", "Carrowmore University", "Hollins Institute of Technology"])),
            ". Our records show your date of birth as ", c.dob(2003, 2008), " and your current school as ", school,
            ". As you will be ", c.age(), " at the start of term, ",
            c.ch(["no guardian consent is needed", "a parent or guardian must countersign the housing contract"]),
            ". Please confirm your correspondence address (", c.addr(), ") and your ", c.pccue(), " at home, ",
            c.pc(), ", is also right. Applicant ID ", f"{c.n(10000000, 99999999)}", " is not your ", c.nid()[0], ".\n\nAdmissions Office"]


def vet_record(c: Ctx):
    p = c.P()
    pet = c.ch(["Biscuit", "Luna", "Otto", "Pepper", "Mochi", "Rex", "Bella", "Kiwi"])
    species = c.ch(["Labrador", "domestic shorthair cat", "French bulldog", "rabbit", "cockapoo", "Maine Coon"])
    return [f"PATIENT: {pet} ({species}, {c.n(1, 14)} yrs, {c.n(3, 40)} kg) — chip {c.n(900000, 985999)}{c.n(100000000, 999999999)}\n",
            "Owner: ", c.nm(p), " | tel ", c.ph(), " | ", c.em(p), "\n", "Address: ", c.addr(), "\n",
            f"Hx: vomiting x{c.n(2, 6)} since ", c.dt(), f". Vacc due. Seen by ", c.nm(c.P(), "given"), " (", c.job(), ").\n",
            "Payment: card ", c.card(), f" — £{c.n(40, 600)}.{c.n(10, 99)} incl. VAT. Owner is ", c.age(),
            " and asked for reminders by post only."]


def gym_form(c: Ctx):
    p = c.P()
    ec = c.P()
    rows = [("Full name", c.nm(p, "full")), ("Date of birth", c.dob(1950, 2006)), ("Age", ("AGE", str(c.agev()))),
            ("Home address", c.addr()), (c.ch(["Postcode", "Postal code", "ZIP / Postcode"]) + " (work)", c.pc()),
            ("Mobile", c.ph()), ("E-mail", c.em(p)), ("Occupation", c.job()), ("Employer (corporate rate)", c.co()),
            ("Emergency contact", c.nm(ec)), ("Emergency phone", c.ph()), ("Direct debit IBAN", c.iban())]
    c.r.shuffle(rows)
    sep = c.ch([" | ", ": ", "\t"])
    out = [f"{c.ch(['PULSE', 'IRONWORKS', 'ZENITH', 'CORE'])} FITNESS — MEMBERSHIP FORM (plan {c.ch(['off-peak', 'anytime', 'student'])}, £{c.n(19, 59)}.99/m)\n"]
    for k, val in rows[: c.r.randint(8, 12)]:
        out += [k, sep, val, "\n"]
    out += ["Signed up online from ", c.ip(), "\n"] if c.p(0.5) else []
    out += ["PAR-Q: ", c.ch(["no conditions declared", "asthma (inhaler)", "knee surgery 2019"]), f"; induction {c.n(6, 20)}:00."]
    return out


def witness_statement(c: Ctx):
    c.force(["en_US"], 0.35)
    c.force(["en_GB"], 0.3)
    p = c.P()
    sx = c.ch(["M", "F"])
    return ["WITNESS STATEMENT (CJ Act 1967, s.9)\nStatement of: ", c.nm(p, "upper"), "\nAge if under 18: ",
            c.ch(["over 18", "over 18", "N/A"]), "   Occupation: ", c.job(), "\n\n",
            "I live at ", c.addr(), " with my partner ", c.nm(c.P(), "given"), ". On ", c.dt(),
            f" at about {c.n(18, 23)}:{c.n(10, 59)} I was outside ", c.org("biz"), " on ",
            ("LOCATION", c.ch(["the High Street", "Market Square", "Station Road"])), " in ", c.city(), ". I saw a man, ",
            c.age(n=c.r.randint(25, 49), sex="M"), ", white trainers, shouting at the woman I now know as ",
            c.nm(c.P()), ". I can be contacted on ", c.ph(), ". My date of birth is ", c.dob(), "."]


def survey_free(c: Ctx):
    p = c.P()
    staff = c.P()
    lines = [c.ch(["Q7. Anything else you'd like to tell us?\n", "Comments:\n", "Free text (optional):\n"]),
             c.ch(["Honestly the best service I've had. ", "Mixed experience. ", "Not impressed. "]),
             c.nm(staff, "given"), " at the ", c.city(), " branch went above and beyond. ",
             "I'm ", c.age(), " and not great with apps, so please don't make online the only option. "]
    if c.p(0.5):
        lines += ["Your site says you deliver to ", c.pc(), " only, but my ", c.pccue(), " is ", c.pc(),
                  " and that's ten minutes away! "]
    else:
        lines += ["Why does the checkout reject ", c.pccue(), " ", c.pc(), "? I had to use my work one. "]
    lines += ["If you want to follow up: ", c.nm(p), ", ", c.ph(), f". Rating {c.n(1, 5)}/5, order {c.miss()}."]
    if c.p(0.6):
        lines += ["\n[submitted from ", c.ip(), "]"]
    return lines


def sms_thread(c: Ctx):
    a, b = c.P(), c.P()
    return [f"[{c.n(8, 11)}:{c.n(10, 59)}] ", c.ph(), ": hi its ", c.nm(a, "given"), " from the flat viewing, whats the exact address?\n",
            f"[{c.n(11, 12)}:{c.n(10, 59)}] Me: ", c.addr(), ". buzz ", c.n(1, 30), "\n",
            f"[{c.n(12, 13)}:{c.n(10, 59)}] ", c.nm(a, "given"), ": cheers. satnav wants a ", c.pccue(), "?\n",
            f"[{c.n(13, 14)}:{c.n(10, 59)}] Me: ", c.pc(), "\n",
            f"[{c.n(14, 15)}:{c.n(10, 59)}] ", c.nm(a, "given"), ": and your name again?\n",
            f"[{c.n(15, 16)}:{c.n(10, 59)}] Me: ", c.nm(b, "given"), "\n",
            f"[{c.n(16, 17)}:{c.n(10, 59)}] ", c.nm(a, "given"), ": brilliant. my mate ", c.nm(c.P()),
            " might come too, hes ", c.age(), ". his number ", c.ph(), "\n",
            f"[{c.n(17, 18)}:{c.n(10, 59)}] Me: fine, see you at {c.n(5, 7)}.{c.n(10, 59)}"]


def pension_transfer(c: Ctx):
    p = c.P("en_GB")
    c.loc = "en_GB"
    cue, nid = c.nid()
    return [c.org("biz"), "\nPensions Administration\n\n", c.nm(p, "full"), "\n", c.addr(ml=True), "\n\n", c.dt(), "\n\n",
            "Dear ", c.title(), " ", c.nm(p, "surname"), ",\n\nTransfer of your benefits — scheme ref ", c.miss(), "\n\n",
            "We have received a request to transfer your benefits to ", c.co("Pensions"), ". Our records show your date of birth as ",
            c.dob(1958, 1972), f" and your {cue} as ", nid, ". As you ", c.ch(["turned ", "are now "]), ("AGE", str(c.agev())),
            " this year you may take up to 25% tax-free. Funds will be paid to account ", c.acct(), f" (sort code {c.n(10, 99)}-{c.n(10, 99)}-{c.n(10, 99)}).",
            " You were employed as ", c.job(), " until ", c.dt(2015, 2024), ".\n\nYours sincerely,\n", c.nm(c.P("en_GB"), "full")]


def cv_snippet(c: Ctx):
    p = c.P()
    return [c.nm(p, "upper"), "\n", c.city(), ", ", c.country(), " · ", c.ph(), " · ", c.em(p), " · ", c.url(p), "\n\n",
            "PROFILE\n", c.ch(["Results-driven ", "Friendly, reliable ", "Bilingual "]), c.job(), " with ", c.n(3, 20),
            " years' experience. ", c.nat(), " citizen, full right to work.\n\nEXPERIENCE\n", c.job(), ", ", c.co(), " — ",
            c.city(), f" ({c.n(2015, 2020)}–present)\n", c.job(), ", ", c.org(c.ch(["hosp", "school", "charity", "gov"])),
            f" ({c.n(2008, 2014)}–{c.n(2015, 2020)})\n\nReferences: ", c.nm(c.P()), ", ", c.job(), ", available on request."]


def hotel_registration(c: Ctx):
    c.force(["en_US"], 0.3)
    c.force(["en_GB"], 0.2)
    p = c.P()
    g2 = c.P()
    idp = (["Passport/ID no.: ", c.pp()] if c.p(0.55) else ["Driving licence no.: ", c.dl(p)])
    return [f"GUEST REGISTRATION CARD — room {c.n(101, 950)} — arr. ", c.dt(), f" — {c.n(1, 9)} nights\n",
            "Surname: ", c.nm(p, "surname"), "   First name(s): ", c.nm(p, "given"), "\n",
            "Nationality: ", c.nat(), "   ", idp, "   DOB: ", c.dob(), "\n",
            "Home address: ", c.addr(), "\nTel: ", c.ph(), "   E-mail: ", c.em(p), "\n",
            "Accompanying guest: ", c.nm(g2, "full"), " (", c.age(), ")\n",
            "Card on file: ", c.card(), f" exp {c.n(1, 12):0>2}/{c.n(26, 31)}; pre-auth €{c.n(100, 500)}\n",
            "Car reg: ", c.ch(["none", f"{c.n(10, 99)} km"]), f" | breakfast {c.ch(['yes', 'no'])}"]


def donor_record(c: Ctx):
    p = c.P()
    return [c.org("charity"), " — supporter record\n", "• Name: ", c.title(), " ", c.nm(p), "\n",
            "• Address: ", c.addr(), "\n", "• Phone: ", c.ph(), "\n", "• Email: ", c.em(p), "\n",
            "• Gift Aid: ", c.ch(["yes, declaration signed ", "no, not a UK taxpayer as of "]), c.dt(), "\n",
            f"• Regular gift: £{c.n(3, 50)}/month by DD from ", c.iban(), "\n",
            "• Notes: legacy pledger; age ", ("AGE", str(c.r.randint(55, 94))), ", retired ", c.job(),
            "; prefers not to be called after 6pm. Introduced by ", c.nm(c.P(), "given"), " at the ", c.city(), " fun run."]


def wedding_booking(c: Ctx):
    a, b = c.P(), c.P()
    return ["Hi ", c.nm(a, "given"), " & ", c.nm(b, "given"), ",\n\nLovely to meet you both at ", c.co("Events"),
            " last week! Here's a summary of your provisional booking for ", c.dt(2026, 2027), ":\n",
            f"- Ceremony in the Orangery, {c.n(60, 180)} day guests, {c.n(20, 80)} evening\n",
            "- Registrar from ", c.org("gov"), " to be booked by you\n",
            "- Planner contact: ", c.nm(c.P(), "full"), ", ", c.ph(), "\n",
            "- Contract to be signed by ", c.nm(a, "full"), " (lead booker), ", c.addr(), "\n",
            f"- Deposit £{c.n(500, 3000)} paid with card ", c.card(), "\n\n",
            "Your florist is in ", c.anyloc(), "? We have a great one in ", c.city(), " too. Any questions, reply here or email ",
            c.em(c.P(), "weddings.example.com"), ".\n\nWarmly,\nThe events team"]


def nopii_courier_faq(c: Ctx):
    return [c.ch(["Parcel locker FAQ", "Delivery help", "Returns & collections"]), "\n",
            f"Lockers hold parcels up to {c.n(15, 25)} kg and {c.n(40, 60)}×{c.n(30, 45)}×{c.n(20, 40)} cm. ",
            f"Your 6-digit collection code is valid for {c.n(48, 72)} hours. ",
            f"Missed deliveries are re-attempted the next working day between {c.n(7, 9)}:00 and {c.n(18, 21)}:00. ",
            f"Orders over £{c.n(20, 60)} ship free; express is £{c.n(3, 9)}.{c.n(10, 99)}. ",
            f"Quote your tracking number (e.g. {c.miss()}) and {c.miss()} when you contact us. Depot {c.n(10, 99)} closes at {c.n(17, 20)}:30."]


def nopii_gym_timetable(c: Ctx):
    return ["Studio timetable (week ", c.n(1, 52), ")\n",
            f"Mon {c.n(6, 7)}:{c.ch(['00', '15', '30'])} Spin (45 min, {c.n(12, 24)} bikes)\n",
            f"Tue {c.n(12, 13)}:{c.ch(['00', '30'])} Pilates, room {c.n(1, 4)}\n",
            f"Thu {c.n(18, 19)}:{c.ch(['00', '15'])} HIIT — max {c.n(15, 30)} people\n",
            f"Sat {c.n(9, 10)}:00 Family swim, lanes {c.n(1, 3)}–{c.n(4, 8)}\n",
            f"Price rises to £{c.n(20, 49)}.99 from month {c.n(1, 12)}; locker tokens {c.n(1, 2)}.{c.n(10, 99)}. ",
            f"Report faults quoting {c.miss()}."]


# ============================================================ test templates


def tribunal_summary(c: Ctx):
    cl, wit = c.P(), c.P()
    resp = c.co()
    return [f"EMPLOYMENT TRIBUNALS — Case No: {c.n(1000000, 9999999)}/{c.n(2023, 2025)}\n",
            "Claimant: ", c.nm(cl, "full"), "    Respondent: ", resp, "\nHeard at: ", c.city(), " on ", c.dt(),
            "\n\nSUMMARY OF REASONS\n1. The claimant, then ", c.age(), ", was employed as ", c.job(), " from ",
            c.dt(2012, 2020), " until dismissal. ", "2. The claimant is ", c.nrp(), " and alleges direct discrimination. ",
            "3. We heard from ", c.nm(wit, "full"), " (", c.job(), ") and from the claimant's former manager, ",
            c.title(), " ", c.nm(c.P(), "surname"), ". ", f"4. Basic award £{c.r.randint(2000, 20000):,}; ", "compensation to be paid to ",
            c.nm(cl, "surname"), f" within {c.n(14, 28)} days into account ", c.acct(), "."]


def social_care_log(c: Ctx):
    p = c.P()
    nok = c.P()
    return [f"VISIT LOG — call {c.n(1, 4)} of {c.n(2, 4)}\n", "Service user: ", c.nm(p), " (", c.age(), ")\n",
            "Address: ", c.addr(), f" — keysafe {c.n(1000, 9999)}\n", f"{c.n(7, 9)}:{c.n(10, 59)} arrived. ",
            c.nm(p, "given"), " in good spirits, ate breakfast, meds from blister pack given. ",
            "Faith: ", c.nrp(), " — asked for a visit from the chaplain. ", "Daughter ", c.nm(nok, "given"), " rang on ",
            c.ph(), " worried about the stairs. ", "GP surgery ", c.org("hosp"), " to review; NHS no. ",
            ("MEDICAL_RECORD_NUMBER", V.nhs_number(c.r)), f". Left {c.n(8, 10)}:{c.n(10, 59)}. Carer: ", c.nm(c.P(), "given"), "."]


def atmist(c: Ctx):
    sx = c.ch("MF")
    n = c.r.randint(18, 95)
    p = c.P()
    return [f"ATMIST pre-alert {c.n(10, 23)}:{c.n(10, 59)}\n", "A: ",
            c.ch([[("AGE", str(n)), sx], [("AGE", f"{n}yo"), " ", sx], [("AGE", f"{n} years"), f" {sx}"],
                  ["approx ", ("AGE", f"{(n // 10) * 10}s"), f" {sx}"]]), ", named ", c.nm(p), ", DOB ", c.dob(1930, 2006),
            "\nT: ", f"{c.n(10, 23)}:{c.n(10, 59)}", "\nM: ", c.ch(["cyclist vs car, ~30 mph", "fall from ladder ~3 m",
                                                                 "collapsed at home", "assault, kicked to head"]),
            " at ", c.addr(), "\nI: ", c.ch(["# L wrist, abrasions", "head lac, ?LOC", "chest pain, no trauma"]),
            "\nS: ", f"HR {c.n(55, 140)}, BP {c.n(80, 180)}/{c.n(40, 100)}, RR {c.n(12, 32)}, SpO2 {c.n(88, 100)}%, GCS {c.n(9, 15)}",
            "\nT: ", c.ch(["O2, IV access, morphine 5 mg", "collar, splint, paracetamol", "aspirin 300 mg, GTN"]),
            "\nETA ", c.org("hosp"), f" {c.n(5, 25)} min. Hosp no. if known: ", c.mrn(), ". NOK ", c.nm(c.P(), "given"), " on ", c.ph()]


def court_listing(c: Ctx):
    out = [c.ch(["MAGISTRATES' COURT", "CROWN COURT", "COUNTY COURT"]), " AT ", ("LOCATION", V.city_region(c.r, c.loc)[0].upper()),
           " — DAILY LIST — ", c.dt(), f"\nCourtroom {c.n(1, 9)}, sitting at 10:00\n"]
    for i in range(c.r.randint(3, 4)):
        p = c.P()
        out += [f"{i + 1}. ", ("PERSON", f"{p.surname.upper()} {p.given}"), " (", ("AGE", c.n(18, 78)), "), ", c.addr(),
                f" — {c.ch(['s.5 RTA 1988', 'theft from shop', 'common assault', 'TV licence', 'breach of CBO'])} — URN {c.n(10, 99)}{c.ch(['AA', 'KH', 'YT'])}{c.n(100000, 999999)}\n"]
    out += ["Prosecutor: ", ("ORGANIZATION", c.ch(["Crown Prosecution Service", "Public Prosecution Service", "Public Prosecution Service of Canada", "the District Attorney's Office", "Office of the DPP"])), "; duty solicitor ", c.nm(c.P(), "full"), "."]
    return out


def meter_complaint(c: Ctx):
    p = c.P()
    return ["Complaint ", c.miss(), " — meter reading dispute\n", "From: ", c.nm(p, "full"), " <", c.em(p), ">\n\n",
            "I've been billed on an estimate again even though I sent a reading of ", c.n(10000, 99999), " on ",
            c.dt(), ". The property is ", c.addr(), f" (MPAN {c.n(10, 99)} {c.n(1000, 9999)} {c.n(1000, 9999)} {c.n(100, 999)}). ",
            "Your app won't accept my ", c.pccue(), ", ", c.pc(), ", and keeps changing it to ", c.pc(), ". ",
            "I'm ", c.age(), " and registered as a priority customer. Please call ", c.ph(), " or my son ",
            c.nm(c.P(), "given"), " on ", c.ph(), f". Bill £{c.n(90, 900)}.{c.n(10, 99)}. Refund the credit to ", c.iban(), " please."]


def address_change(c: Ctx):
    p = c.P()
    old_loc = c.ch(V.LOCALES)
    new_loc = c.loc
    sep = c.ch([": ", " | ", " — ", "\t"])
    return ["CHANGE OF ADDRESS NOTIFICATION\n", "Name", sep, c.nm(p, "full"), "\n", "Customer since", sep, c.dt(2005, 2022), "\n",
            "Previous address", sep, c.addr(old_loc), "\n", "New address", sep, c.addr(new_loc, ml=c.p(0.3)), "\n",
            "Correspondence ", c.pccue(new_loc), " (if different)", sep, c.pc(new_loc), "\n",
            "Billing ", c.pccue(old_loc), sep, c.pc(old_loc), "\n", "Effective from", sep, c.dt(), "\n",
            "Phone", sep, c.ph(new_loc), "\n", "Signed", sep, c.nm(p, "style"), f"  (ref {c.miss()})"]


def customs_decl(c: Ctx):
    s, rcp = c.P(), c.P()
    dst = c.ch(V.LOCALES)
    return [f"CN23 CUSTOMS DECLARATION — item {c.n(1, 3)} of {c.n(3, 5)}\n", "Sender: ", c.nm(s, "full"), ", ",
            c.addr(), ", ", c.country(), " | tel ", c.ph(), "\n", "Addressee: ", c.nm(rcp, "full"), ", ",
            ("ORGANIZATION", V.company(c.r)), ", ", c.addr(dst), ", ", c.country(dst), " | ", c.em(rcp), "\n",
            "Importer ID / passport: ", c.pp(dst), "\n",
            (["Addressee SSN (required for US duty refund): ", ("US_SSN", V.ssn(c.r)), "\n"] if dst == "en_US" or c.p(0.2) else []),
            f"Contents: {c.ch(['books', 'clothing (used)', 'spare parts', 'tea', 'ceramics'])}, {c.n(1, 12)} pcs, value €{c.n(10, 450)}, HS {c.n(1000, 9999)}.{c.n(10, 99)}\n",
            "Date and sender's signature: ", c.dt(), " ", c.nm(s, "init")]


def funeral_arrangements(c: Ctx):
    dec, nok = c.P(), c.P()
    n = c.r.randint(58, 101)
    return [c.co(), " Funeral Directors — arrangement sheet\n", "Deceased: ", c.nm(dec, "full"), ", aged ",
            ("AGE", c.ch([str(n), V.words(n)])), ", of ", c.addr(), "\nDate of birth: ", c.dob(1922, 1966), "   Date of death: ", c.dt(),
            "\nFaith/tradition: ", c.nrp(), "\nService at ", c.ch(["St Mary's Church", "the crematorium chapel", "Al-Noor Mosque",
                                                                   "the Kingdom Hall", "Beth Shalom Synagogue"]), ", ",
            c.city(), ", on ", c.dt(), f" at {c.n(10, 15)}:{c.ch(['00', '30'])}.\n", "Informant: ", c.nm(nok, "full"),
            " (", c.ch(["son", "daughter", "niece", "husband", "wife"]), "), ", c.ph(), ", ", c.em(nok), ".\n",
            "Former ", c.job(), " at ", c.org(), f"; donations to ", c.org("charity"), "."]


def junior_club(c: Ctx):
    par = c.P()
    kid = V.Person(V.name_parts(c.r, c.loc, c.k())[0], par.surname, c.loc)
    return [f"{c.ch(['Riverside', 'St Jude', 'Eastfield', 'Hillcrest'])} Juniors FC — player registration {c.n(2025, 2026)}\n",
            "Player: ", c.nm(kid, "full"), "   DOB: ", c.dob(2010, 2020), "   Age group: U", c.n(7, 16), "\n",
            "School: ", ("ORGANIZATION", c.ch([x for x in V._SCHOOL if "School" in x or "Academy" in x])), "\nParent/guardian: ", c.nm(par), " — ", c.ph(), " — ", c.em(par), "\n",
            "Home ", c.pccue(), ": ", c.pc(), "\nSibling also joining: ", c.nm(V.Person(V.name_parts(c.r, c.loc, c.k())[0], par.surname, c.loc), "given"),
            ", ", c.age(child=True), "\nMedical: ", c.ch(["none", "asthma", "nut allergy (EpiPen)"]),
            f". Subs £{c.n(80, 250)} — sibling discount {c.n(10, 25)}%."]


def car_rental(c: Ctx):
    c.force(["en_US"], 0.4)
    c.force(["en_GB", "en_AU", "en_CA", "en_IE"], 0.3)
    p = c.P()
    et, lic = None, None
    return_pieces = [f"RENTAL AGREEMENT RA{c.n(1000000, 9999999)} — {c.ch(['Compact', 'SUV', 'Van', 'Estate'])}\n",
                     "Main driver: ", c.nm(p, "style"), "\nDate of birth: ", c.dob(1950, 2003), " (driver is ", c.age(), ")\n"]
    lic = c.dl(p)
    return_pieces += ["Licence no.: ", lic, f" (issued {c.country()})\n", "Address: ", c.addr(), "\n",
                      "Passport: ", c.pp(), "\nMobile: ", c.ph(), "\nCard: ", c.card(),
                      f" — excess hold €{c.n(300, 1500)}\nPick-up ", c.city(), " ", c.dt(), f" {c.n(8, 20)}:00, return in ", c.anyloc(),
                      f". Fuel {c.ch(['full', '3/4', '1/2'])}, km {c.n(1000, 90000)}."]
    return return_pieces


def breakdown_call(c: Ctx):
    p = c.P()
    return ["call log roadside assistance ", c.miss(), "\n", "caller ", c.nm(p, "full"), " says car stuck on ",
            c.ch(["the hard shoulder", "a farm track", "a side street", "the ring road"]), " near ", c.anyloc(), ". ",
            "home is ", c.addr(), ". ", "member since ", c.dt(2001, 2020), ". ", "wife ", c.nm(c.P(), "given"),
            " in car, shes ", c.age(sex="F"), ", plus baby ", c.age(child=True), ". ",
            "callback number ", c.ph(), ". ", "works as ", c.job(), " at ", c.co(), ". ",
            f"eta {c.n(30, 90)} mins, patrol {c.n(100, 999)}. account pays by card ", c.card(), "."]


def housing_application(c: Ctx):
    c.force(["en_US"], 0.35)
    p = c.P()
    part = c.P()
    cue, nid = c.nid()
    return [c.ch(["Housing Register application", "Homelessness assessment", "Transfer request"]), " — ", c.org("gov"), "\n\n",
            "Applicant: ", c.nm(p, "full"), ", born ", c.dob(1955, 2004), ", ", c.nat(), "\n", f"{cue}: ", nid, "\n",
            "Current address: ", c.addr(ml=c.p(0.4)), "\n", "Household: partner ", c.nm(part, "given"), " (", c.age(), "), ",
            "child ", c.age(child=True), "\n", "Ethnic group (monitoring): ", c.nrp(), "\n",
            "Contact: ", c.ph(), " / ", c.em(p), "\n", "Support worker: ", c.nm(c.P()), ", ", c.org("charity"), "\n",
            f"Band {c.ch(['A', 'B', 'C'])}; bedroom need {c.n(1, 4)}; rent arrears £{c.n(0, 3000)}."]


def travel_amend(c: Ctx):
    p = c.P()
    q = c.P()
    return ["From: ", c.nm(p, "full"), " <", c.em(p), ">\nTo: bookings@", c.ch(["sunhaven", "trailblaze", "bluepeak"]), "-travel.example\n",
            "Subject: change of names on booking ", c.miss(), "\n\n", "Hi, my partner ", c.nm(q, "full"),
            " can't travel, so please swap in my sister ", c.nm(c.P()), " (passport ", c.pp(), ", DOB ", c.dob(), "). ",
            "She's ", c.age(), " so no child fare. We fly out of ", c.city(), " to ", c.anyloc(), " on ", c.dt(),
            ". Hotel invoice to ", c.addr(), ". Logged in from ", c.ip(), " if that helps your fraud check. ",
            "Thanks, ", c.nm(p, "given"), "\n", c.url(p)]


def nopii_maintenance(c: Ctx):
    return [f"Planned maintenance {c.miss()}\n", f"Window: {c.n(0, 3):0>2}:00–{c.n(4, 6):0>2}:30 (UTC). ",
            f"Expected impact: up to {c.n(5, 40)} minutes of read-only mode for ledger v{c.n(2, 9)}.{c.n(0, 20)}. ",
            f"Jobs queued after {c.n(22, 23)}:45 will retry {c.n(3, 5)} times. ", f"Change record {c.miss()}, ",
            f"approval quorum {c.n(2, 4)}/{c.n(5, 7)}. Rollback if error rate > {c.n(1, 5)}.{c.n(0, 9)}% or p99 > {c.n(200, 900)} ms."]


def nopii_bus_notice(c: Ctx):
    return [f"Service update: route {c.n(1, 299)}{c.ch(['', 'A', 'X'])}\n", f"From {c.n(5, 7)}:{c.ch(['05', '20', '35'])} buses run every {c.n(8, 20)} minutes. ",
            f"Fares: single £{c.n(1, 3)}.{c.n(10, 90)}, day ticket £{c.n(4, 7)}.{c.n(10, 90)}, {c.n(10, 30)}-trip carnet £{c.n(20, 40)}. ",
            f"Stop {c.n(1000, 9999)} is closed; use stop {c.n(1000, 9999)}. ",
            f"Lost property quote {c.miss()}; refund claims within {c.n(14, 28)} days. Platform {c.n(1, 12)} for the {c.n(10, 23)}:{c.n(10, 59)}."]


TEMPLATES = [
    # name, split, count, lower-case fraction, function
    ("courier_exception", "dev", 32, 0.0, courier_exception),
    ("letting_agency_email", "dev", 32, 0.0, letting_email),
    ("trial_screening_log", "dev", 32, 0.0, trial_screening),
    ("airline_pir", "dev", 30, 0.0, airline_pir),
    ("admissions_letter", "dev", 30, 0.0, admissions),
    ("vet_record", "dev", 30, 0.0, vet_record),
    ("gym_membership_form", "dev", 32, 0.0, gym_form),
    ("witness_statement", "dev", 30, 0.0, witness_statement),
    ("survey_free_text", "dev", 32, 0.3, survey_free),
    ("sms_thread", "dev", 32, 0.3, sms_thread),
    ("pension_transfer_letter", "dev", 30, 0.0, pension_transfer),
    ("cv_snippet", "dev", 30, 0.0, cv_snippet),
    ("hotel_registration", "dev", 30, 0.0, hotel_registration),
    ("charity_donor_record", "dev", 30, 0.0, donor_record),
    ("wedding_venue_booking", "dev", 30, 0.0, wedding_booking),
    ("nopii_courier_faq", "dev", 10, 0.0, nopii_courier_faq),
    ("nopii_gym_timetable", "dev", 10, 0.0, nopii_gym_timetable),
    ("employment_tribunal", "test", 30, 0.0, tribunal_summary),
    ("social_care_visit_log", "test", 32, 0.2, social_care_log),
    ("ambulance_atmist", "test", 32, 0.0, atmist),
    ("court_listing", "test", 30, 0.0, court_listing),
    ("meter_reading_complaint", "test", 32, 0.0, meter_complaint),
    ("change_of_address_form", "test", 32, 0.0, address_change),
    ("customs_declaration", "test", 30, 0.0, customs_decl),
    ("funeral_arrangements", "test", 30, 0.0, funeral_arrangements),
    ("junior_club_registration", "test", 30, 0.0, junior_club),
    ("car_rental_agreement", "test", 30, 0.0, car_rental),
    ("breakdown_call_log", "test", 32, 1.0, breakdown_call),
    ("housing_application", "test", 30, 0.0, housing_application),
    ("travel_booking_amendment", "test", 30, 0.0, travel_amend),
    ("nopii_maintenance_notice", "test", 10, 0.0, nopii_maintenance),
    ("nopii_bus_notice", "test", 10, 0.0, nopii_bus_notice),
]
