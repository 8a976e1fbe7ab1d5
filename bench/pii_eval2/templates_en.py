"""English record templates.  Each template is a function (rng, fk) -> (Doc, locale).

Templates were written for this data set.  Labelling conventions are in
README.md; the important ones are repeated in comments where they bite.
"""
from __future__ import annotations

from types import SimpleNamespace

import values_en as V
import values_zh as Z
from common import Doc, chance, digits, fill, group_every, pick, wchoice

ORIGIN_BY_COUNTRY = {
    "NG": ["yoruba", "igbo", "yoruba", "igbo", "faker"], "IN": ["hindi", "tamil"],
    "JP": ["japanese"], "PL": ["polish"], "CZ": ["czech"], "HU": ["hungarian"],
    "IE": ["irish", "faker"], "BR": ["lusophone"], "MX": ["hispanic"],
    "ES": ["hispanic", "faker"], "NL": ["dutch", "faker"], "DE": ["german", "faker", "turkish"],
    "SE": ["scandinavian"], "DK": ["scandinavian"], "ZA": ["faker"], "FR": ["faker", "arabic"],
    "IT": ["faker"], "AU": ["faker", "chinese", "greek", "vietnamese"],
    "CA": ["faker", "korean", "chinese", "cantonese"],
}
ADDR_TO_PHONE = {"GB": "GB", "US": "US", "IE": "IE", "FR": "FR", "DE": "DE", "NL": "NL",
                 "IT": "IT", "ES": "ES", "PL": "PL", "JP": "JP", "IN": "IN", "BR": "BR",
                 "MX": "MX", "ZA": "ZA", "NG": "NG", "AU": "AU", "CA": "CA", "SE": "SE",
                 "CZ": "CZ", "HU": "HU", "DK": "DK"}
NID_BY_COUNTRY = {"GB": "GB", "IN": "IN", "BR": "BR", "PL": "PL", "NL": "NL", "ES": "ES",
                  "CA": "CA", "SE": "SE", "DK": "DK", "ZA": "ZA", "FR": "FR", "JP": "JP",
                  "IT": "IT", "MX": "MX", "NG": "NG", "IE": "IE", "AU": "AU", "CZ": "CZ",
                  "HU": "HU", "DE": "GB"}
PASSPORT_BY_COUNTRY = {"GB": "GB", "US": "US", "IE": "IE", "DE": "DE", "FR": "FR", "IT": "IT",
                       "ES": "ES", "NL": "NL", "PL": "PL", "IN": "IN", "NG": "NG", "JP": "JP",
                       "BR": "BR", "MX": "MX", "ZA": "ZA", "CA": "CA", "AU": "AU", "SE": "SE"}


def profile(rng, fk, country=None, origin=None, min_age=18, max_age=90, ref=None):
    country = country or wchoice(rng, [("GB", 8), ("US", 5), ("IE", 1.2), ("NG", 1.5),
                                       ("IN", 1.5)] + [(c, 0.7) for c in V.ADDR_COUNTRIES
                                                       if c not in ("GB", "US", "IE", "NG", "IN")])
    if origin is None:
        if country in ("GB", "US") or country not in ORIGIN_BY_COUNTRY:
            origin = None
        else:
            origin = pick(rng, ORIGIN_BY_COUNTRY[country])
    p = V.person(rng, fk, origin)
    if V._CURRENCY["cur"] is None:
        V.set_currency(country)
    ref = ref or V.rdate(rng)
    dob = V.rdob(rng, min_age, max_age, ref.year)
    addr = V.address(rng, fk, country)
    ph = V.phone(rng, ADDR_TO_PHONE.get(country, "GB"))
    em = V.email(rng, p)
    return SimpleNamespace(p=p, country=country, addr=addr, dob=dob, ref=ref,
                           age=V.age_at(dob, ref), phone=ph, email=em,
                           locale=addr.locale)


def nat_of(rng, pr):
    from names import ORIGINS
    if pr.p.origin in ORIGINS:
        return V.nationality_for(pr.p.origin, rng)
    return {"GB": "British", "US": "American", "IE": "Irish", "FR": "French", "DE": "German",
            "NL": "Dutch", "IT": "Italian", "ES": "Spanish", "PL": "Polish", "JP": "Japanese",
            "IN": "Indian", "BR": "Brazilian", "MX": "Mexican", "ZA": "South African",
            "NG": "Nigerian", "AU": "Australian", "CA": "Canadian", "SE": "Swedish",
            "CZ": "Czech", "HU": "Hungarian", "DK": "Danish"}[pr.country]


def nid_for(rng, pr):
    c = pr.country
    if c == "US":
        return "US", "SSN", V.ssn(rng)
    if c == "IN":
        c = pick(rng, ["IN", "IN_PAN"])
    elif c == "ES":
        c = pick(rng, ["ES", "ES_NIE"])
    else:
        c = NID_BY_COUNTRY.get(c)
    return V.national_id(rng, pr.p, pr.dob, c)


def passport_for(rng, pr):
    return V.passport(rng, PASSPORT_BY_COUNTRY.get(pr.country))


def staff(rng, fk, domain="bank"):
    p = V.person(rng, fk)
    return p, V.job(rng, domain, fk)


def weekday(d):
    return d.strftime("%A")


def sig_block(d, rng, fk, p, title, org, phone=None, email=None, web=None, compact=False):
    sep = pick(rng, ["--\n", "\n", "Kind regards,\n\n", "Best,\n", "Regards\n"])
    d.t(sep)
    d.v("PERSON", p.western if chance(rng, 0.8) else p.full.upper())
    if compact:
        d.fmt(" | {JOB_TITLE:t} | {ORGANIZATION:o}\n", t=title, o=org)
    else:
        d.fmt("\n{JOB_TITLE:t}\n{ORGANIZATION:o}\n", t=title, o=org)
    if phone:
        d.fmt(pick(rng, ["T: {PHONE_NUMBER:x}\n", "Tel {PHONE_NUMBER:x}\n", "Direct line: {PHONE_NUMBER:x}\n",
                         "DDI {PHONE_NUMBER:x}\n"]), x=phone)
    if email:
        d.fmt("E: {EMAIL_ADDRESS:x}\n" if chance(rng, 0.5) else "{EMAIL_ADDRESS:x}\n", x=email)
    if web:
        d.fmt("{URL:x}\n", x=web)
    k = rng.randrange(5)
    if k == 0:
        d.t("\nThis e-mail and any attachments are confidential. If you have received it in error please notify the sender and delete it.\n")
    elif k == 1:
        d.t("\nPlease consider the environment before printing this e-mail.\n")
    elif k == 2:
        d.t("\nAuthorised and regulated by the ").v("ORGANIZATION", "Financial Conduct Authority")
        d.t(". Firm reference number " + digits(rng, 6) + ".\n")


# ==========================================================================
# E-mails
# ==========================================================================
def t_email_address_change(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    bank = V.org(rng, fk, "bank")
    dom = V.slug(bank.split(" ")[0]) + pick(rng, [".co.uk", ".com", ".bank"])
    agent, title = staff(rng, fk, "bank")
    agent_email = V.email(rng, agent, dom)
    old = V.address(rng, fk, pr.country)
    d = Doc()
    sent = pr.ref
    d.fmt("From: {PERSON:a} <{EMAIL_ADDRESS:ae}>\n", a=agent.western, ae=agent_email)
    d.t(f"Sent: {weekday(sent)}, ") .v("DATE", V.fdate(rng, sent, pick(rng, ["d_month_y", "d_mon_y", "month_d_y"])))
    d.t(f" {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}\n")
    d.fmt("To: '{PERSON:n}' <{EMAIL_ADDRESS:e}>\n", n=p.western, e=pr.email)
    d.t(f"Subject: RE: Change of address - account ending {digits(rng, 4)}\n\n")
    d.fmt(pick(rng, ["Hi {PERSON:g},\n\n", "Dear {PERSON:g},\n\n", "Hello {PERSON:g}\n\n"]), g=p.given)
    d.t("Thanks for coming back to me. I have now updated the correspondence address held on account ")
    d.v("ACCOUNT_NUMBER", V.uk_account(rng) if pr.country == "GB" else V.us_account(rng))
    d.t(f" (sort code {V.sort_code(rng)}) to:\n\n")
    d.v("STREET_ADDRESS", pr.addr.block(with_country=chance(rng, 0.3)))
    d.t(f"\n\nCards and statements will go to the new address from the next cycle. Your reference for this change is {V.order_ref(rng)}.\n")
    if chance(rng, 0.5):
        d.t("I also noticed the mobile we hold is ")
        d.v("PHONE_NUMBER", V.phone(rng, V.pick(rng, ["GB", "US", "IE"])))
        d.t(" - is that still right?\n")
    sig_block(d, rng, fk, agent, title, bank, phone=V.phone(rng, "GB", ext=chance(rng, 0.4)),
              web=V.url(rng, None, bank) if chance(rng, 0.5) else None)
    d.t("\n-----Original Message-----\n")
    d.fmt("From: {PERSON:n} <{EMAIL_ADDRESS:e}>\n", n=p.western, e=pr.email)
    d.t("Sent: ").v("DATE", V.fdate(rng, sent, "dmy_slash")).t(f" {rng.randint(18, 23)}:{rng.randint(10, 59)}\n")
    d.fmt("To: Customer Services <{EMAIL_ADDRESS:cs}>\nSubject: Change of address\n\n", cs=f"customer.services@{dom}")
    q = pick(rng, ["> ", "> ", ">"])
    d.t(f"{q}Hello,\n{q}I moved last month, my old address was ")
    d.v("STREET_ADDRESS", old.oneline())
    d.t(f".\n{q}New one is ")
    d.v("STREET_ADDRESS", pr.addr.oneline())
    d.t(f"\n{q}Can you update please, also my mobile changed to ")
    d.v("PHONE_NUMBER", pr.phone)
    d.t(f"\n{q}\n{q}Thanks\n{q}")
    d.v("PERSON", p.nickname if p.nickname and chance(rng, 0.6) else p.given)
    d.t("\n")
    return d, pr.locale


def t_email_kyc_docs(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    bank = V.org(rng, fk, "bank")
    rm, title = staff(rng, fk, "bank")
    cc, ctitle = staff(rng, fk, "bank")
    d = Doc()
    dom = V.slug(bank.split(" ")[0]) + ".com"
    d.fmt("To: {EMAIL_ADDRESS:e}\nCc: {EMAIL_ADDRESS:c}\n", e=pr.email, c=V.email(rng, cc, dom))
    d.t("Date: ").v("DATE", V.fdate(rng, pr.ref, pick(rng, ["iso", "d_mon_y", "month_d_y"]))).t("\n")
    d.t("Subject: Outstanding documents for your account opening\n\n")
    d.fmt("Dear {t} {PERSON:f},\n\n", t=p.title(rng), f=p.family)
    pc, pnat, pno = passport_for(rng, pr)
    d.t("Thank you for the documents you sent. To complete our checks we still need the items below. ")
    d.t("For your information, we have recorded the following details:\n\n")
    d.fmt("  - Full name: {PERSON:n}\n", n=p.full if chance(rng, 0.5) else p.full.upper())
    d.t("  - Date of birth: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob)).t("\n")
    d.fmt("  - Passport: {NRP:nat} passport no. {PASSPORT_NUMBER:pn}, expiring ", nat=pnat, pn=pno)
    d.v("DATE", V.fdate(rng, V.rdate(rng, 2026, 2034))).t("\n")
    d.t("  - Residential address: ").v("STREET_ADDRESS", pr.addr.oneline(with_country=chance(rng, 0.4))).t("\n")
    if chance(rng, 0.6):
        c, scheme, nid = nid_for(rng, pr)
        d.t(f"  - {scheme}: ").v("US_SSN" if c == "US" else "NATIONAL_ID", nid).t("\n")
    d.t("\nStill needed:\n  1. A utility bill or council tax letter dated within the last 3 months\n")
    d.t("  2. Proof of source of funds for the initial deposit of " + V.amount(rng) + "\n")
    d.t("  3. Your employer's name and your job title\n\n")
    d.t("You can upload these securely at ").v("URL", V.url(rng, None, bank)).t(" .\n\n")
    sig_block(d, rng, fk, rm, title, bank, phone=V.phone(rng, pick(rng, ["GB", "IE", "NG", "IN"])),
              email=V.email(rng, rm, dom))
    if chance(rng, 0.7):
        emp = V.org(rng, fk, "co")
        job = V.job(rng, "gen", fk)
        d.t("\n\nOn ").v("DATE", V.fdate(rng, pr.ref, "short")).t(", ")
        d.v("PERSON", p.western).t(" wrote:\n")
        d.t(f"> hi, sorry for the delay. I work as {'an' if job[0] in 'AEIOU' else 'a'} ")
        d.v("JOB_TITLE", job).t(" at ").v("ORGANIZATION", emp)
        d.t(pick(rng, [" since 2019.\n", ", full time.\n", " (contract).\n"]))
        d.t("> my new number is ").v("PHONE_NUMBER", pr.phone).t(" if easier to call\n")
    return d, pr.locale


def t_email_fraud_alert_reply(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "US", "IE", "AU", "CA"]))
    p = pr.p
    bank = V.org(rng, fk, "bank")
    d = Doc()
    d.fmt("{PERSON:n} wrote:\n\n", n=p.render(rng, "lower") if chance(rng, 0.4) else p.western)
    d.t("i did NOT make these payments!! someone has used my card ")
    d.v("CREDIT_CARD", V.card(rng))
    d.t(f" for {V.amount(rng)} and {V.amount(rng)} at 3am. ")
    d.t("I got a text from a number i dont know ").v("PHONE_NUMBER", V.phone(rng))
    d.t(" asking me to confirm. please call me on ").v("PHONE_NUMBER", pr.phone)
    d.t(" asap, im at work until 6 (")
    d.v("ORGANIZATION", V.org(rng, fk, "co")).t(")\n\n")
    d.t("----\n")
    inv, title = staff(rng, fk, "bank")
    d.fmt("Dear {PERSON:g},\n\nI am sorry to hear this. I have blocked the card and raised dispute {r}. ", g=p.given, r=V.order_ref(rng))
    d.t(f"The transactions were attempted from IP address ").v("IP_ADDRESS", V.ip(rng, fk))
    d.t(" and the device was registered to the e-mail ").v("EMAIL_ADDRESS", V.email(rng, V.person(rng, fk)))
    d.t(", which is not yours. A replacement card will be sent to your home address within 5 working days.\n")
    d.t("If you did not share your one-time passcode, you are covered in full.\n")
    sig_block(d, rng, fk, inv, title, bank, compact=True)
    return d, pr.locale


def t_email_hr_onboarding(rng, fk):
    pr = profile(rng, fk, min_age=21, max_age=60)
    p = pr.p
    emp = V.org(rng, fk, "co", suffix=True)
    hr, hrt = staff(rng, fk, "gen")
    mgr = V.person(rng, fk)
    d = Doc()
    d.t("Subject: New starter - ").v("PERSON", p.full).t(" - ").v("DATE", V.fdate(rng, pr.ref, "d_mon_y")).t("\n\n")
    d.t("Hi all,\n\nPlease set up the following new starter:\n\n")
    d.t("Name: ").v("PERSON", p.render(rng, pick(rng, ["full", "last_first", "caps"]))).t("\n")
    d.t("Role: ").v("JOB_TITLE", V.job(rng, "gen", fk)).t("\n")
    d.t("Line manager: ").v("PERSON", mgr.western).t("\n")
    d.t("Start date: ").v("DATE", V.fdate(rng, V.rdate(rng, pr.ref.year, pr.ref.year + 1))).t("\n")
    d.t("Personal e-mail: ").v("EMAIL_ADDRESS", pr.email).t("\n")
    d.t("Home address: ").v("STREET_ADDRESS", pr.addr.oneline()).t("\n")
    if pr.country == "GB":
        d.t("NI number: ").v("NATIONAL_ID", V.nino(rng)).t("\n")
    elif pr.country == "US":
        d.t("SSN: ").v("US_SSN", V.ssn(rng)).t("\n")
    else:
        c, scheme, nid = nid_for(rng, pr)
        d.t(f"{scheme}: ").v("US_SSN" if c == "US" else "NATIONAL_ID", nid).t("\n")
    d.t("Salary: " + V.amount(rng) + " p.a. (band " + fill(rng, "@#") + ")\n")
    d.t("Right to work: ").v("NRP", nat_of(rng, pr)).t(" passport checked by ").v("PERSON", hr.western).t("\n\n")
    d.t("Laptop to be couriered to the address above. Desk " + fill(rng, "#@-##") + ".\n")
    sig_block(d, rng, fk, hr, hrt, emp, phone=V.phone(rng, ADDR_TO_PHONE.get(pr.country, "GB"), ext=True))
    return d, pr.locale


# ==========================================================================
# Letters
# ==========================================================================
def letterhead(d, rng, fk, org, country="GB"):
    a = V.address(rng, fk, country)
    d.v("ORGANIZATION", org.upper() if chance(rng, 0.4) else org).t("\n")
    if chance(rng, 0.5):
        d.v("STREET_ADDRESS", a.oneline()).t("\n")
    else:
        d.v("STREET_ADDRESS", a.block()).t("\n")
    d.t(pick(rng, ["Tel: ", "Telephone ", "T "])).v("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE.get(country, "GB")))
    if chance(rng, 0.6):
        d.t(pick(rng, ["  |  ", "   Web: ", " - "])).v("URL", V.url(rng, None, org))
    d.t("\n\n")


def t_letter_overdraft(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "GB", "IE", "US", "AU", "CA", "ZA", "NG"]))
    p = pr.p
    bank = V.org(rng, fk, "bank")
    d = Doc()
    letterhead(d, rng, fk, bank, pr.country if pr.country in ADDR_TO_PHONE else "GB")
    d.t("Private and confidential\n")
    title = p.title(rng)
    d.t(f"{title} ").v("PERSON", p.western.upper() if chance(rng, 0.3) else p.western).t("\n")
    d.v("STREET_ADDRESS", pr.addr.block()).t("\n\n")
    d.v("DATE", V.fdate(rng, pr.ref, pick(rng, ["d_month_y", "month_d_y", "dth_of_month_y"]))).t("\n\n")
    d.t("Account number: ").v("ACCOUNT_NUMBER", V.uk_account(rng) if pr.country in ("GB", "IE") else V.us_account(rng))
    d.t(f"\nSort code: {V.sort_code(rng)}\n\n")
    d.fmt("Dear {t} {PERSON:f}\n\n", t=title, f=p.family)
    d.t(f"Your account has been over its arranged overdraft limit of {V.amount(rng)} for 14 days. The balance on ")
    d.v("DATE", V.fdate(rng, V.rdate(rng, pr.ref.year, pr.ref.year), "d_month_y"))
    d.t(f" was {V.amount(rng)} overdrawn. Please pay in at least {V.amount(rng)} by ")
    d.v("DATE", V.fdate(rng, V.rdate(rng, pr.ref.year, pr.ref.year), "d_month_y"))
    d.t(".\n\nIf you are struggling, our support team can help - call ")
    d.v("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE.get(pr.country, "GB")))
    d.t(" (8am to 8pm, Monday to Saturday). Free, confidential advice is also available from independent debt charities.\n\n")
    off, t2 = staff(rng, fk, "bank")
    d.t("Yours sincerely\n\n\n").v("PERSON", off.western).t("\n").v("JOB_TITLE", t2).t("\n")
    return d, pr.locale


def t_letter_claim_decision(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    ins = V.org(rng, fk, "ins")
    d = Doc()
    letterhead(d, rng, fk, ins, pick(rng, ["GB", "IE", "US"]))
    d.t("Our ref: " + V.claim_ref(rng) + "\nPolicy number: ").v("ACCOUNT_NUMBER", V.policy_no(rng)).t("\n")
    d.t("Date: ").v("DATE", V.fdate(rng, pr.ref)).t("\n\n")
    d.v("PERSON", p.render(rng, pick(rng, ["full", "caps", "western"]))).t("\n")
    d.v("STREET_ADDRESS", pr.addr.block(with_country=chance(rng, 0.5))).t("\n\n")
    d.fmt("Dear {PERSON:n},\n\n", n=p.western if chance(rng, 0.5) else p.given)
    kind = pick(rng, ["escape of water", "theft from vehicle", "accidental damage", "storm damage",
                      "travel medical expenses", "burglary"])
    inc = V.rdate(rng, pr.ref.year - 1, pr.ref.year)
    d.t(f"Re: Claim for {kind} on ").v("DATE", V.fdate(rng, inc, "d_month_y")).t("\n\n")
    if chance(rng, 0.5):
        d.t(f"We are pleased to confirm your claim has been accepted. We will pay {V.amount(rng)} (after the policy excess of {V.amount(rng)}) to the account ending {digits(rng, 4)} within 5 working days.\n")
    else:
        d.t("Having reviewed the report from our loss adjuster, ")
        la = V.person(rng, fk)
        d.v("PERSON", la.western).t(" of ").v("ORGANIZATION", V.org(rng, fk, "co", suffix=True))
        d.t(", we are unable to accept the claim. The damage was caused by gradual deterioration, which is excluded under section 4.2 of your policy wording.\n")
    if chance(rng, 0.5):
        tp = V.person(rng, fk)
        d.t("We have also written to the third party, ").v("PERSON", tp.full).t(", at ")
        d.v("STREET_ADDRESS", V.address(rng, fk, pr.country).oneline()).t(".\n")
    d.t("\nIf you disagree with our decision you may contact the ").v("ORGANIZATION", "Financial Ombudsman Service").t(" within six months.\n\n")
    h, t = staff(rng, fk, "ins")
    d.t("Yours sincerely,\n").v("PERSON", h.western).t("\n").v("JOB_TITLE", t).t(", ").v("ORGANIZATION", ins).t("\n")
    return d, pr.locale


def t_letter_clinic(rng, fk):
    pr = profile(rng, fk, country="GB", min_age=1, max_age=95)
    p = pr.p
    hosp = V.org(rng, fk, "hospital")
    cons = V.person(rng, fk)
    gp = V.person(rng, fk)
    d = Doc()
    d.v("ORGANIZATION", hosp).t("\n")
    d.t(pick(rng, ["Department of Cardiology", "Diabetes & Endocrinology", "Respiratory Medicine",
                   "Rheumatology Outpatients", "Gastroenterology"]) + "\n")
    d.v("STREET_ADDRESS", V.address(rng, fk, "GB").oneline()).t("\n")
    d.t("Secretary: ").v("PHONE_NUMBER", V.phone(rng, "GB", ext=chance(rng, 0.5))).t("\n\n")
    d.t("Dictated: ").v("DATE", V.fdate(rng, pr.ref, "dd.mm.yyyy")).t("   Typed: ")
    d.v("DATE", V.fdate(rng, pr.ref, "dd.mm.yyyy")).t("\n\n")
    d.t("Dr ").v("PERSON", gp.western).t("\n").v("ORGANIZATION", pick(rng, ["Bramley Road Surgery", "Harrowgate Medical Practice",
                                                                         "The Elms Health Centre", "Riverside Family Practice"])).t("\n")
    d.v("STREET_ADDRESS", V.address(rng, fk, "GB").block()).t("\n\n")
    d.t("Dear Dr ").v("PERSON", gp.family).t("\n\n")
    d.t("Re: ").v("PERSON", p.full.upper() if chance(rng, 0.6) else p.full)
    d.t("   DOB: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dmy_slash", "dd.mm.yyyy", "d_mon_y"])))
    d.t("\nNHS No: ").v("MEDICAL_RECORD_NUMBER", V.nhs_number(rng, valid=not chance(rng, 0.1)))
    d.t("   Hosp No: ").v("MEDICAL_RECORD_NUMBER", V.mrn(rng)).t("\n")
    d.v("STREET_ADDRESS", pr.addr.oneline()).t("\n\n")
    d.t("Diagnosis:\n1. Paroxysmal atrial fibrillation\n2. Hypertension\n\nMedication: apixaban 5 mg bd, ramipril 2.5 mg od\n\n")
    d.t("I saw this ").v("AGE", V.age_text(rng, pr.age, 0.3)).t(f"-year-old {pick(rng, ['man', 'woman', 'retired teacher', 'taxi driver', 'student'])} ")
    d.t("in clinic today with " + pick(rng, ["their daughter", "their son", "their partner", "a friend"]) + " ")
    d.v("PERSON", V.person(rng, fk).given)
    d.t(pick(rng, [", who is the next of kin", "", " (NOK)"]))
    d.t(". Blood pressure was 142/88, heart rate 74 irregular. ECG confirmed AF with a ventricular rate of 80-90. ")
    d.t("Echo on ").v("DATE", V.fdate(rng, V.rdate(rng, pr.ref.year, pr.ref.year), "d_mon_y"))
    d.t(" showed an LVEF of 55%.\n\n")
    if chance(rng, 0.4):
        d.t("The patient is a practising ").v("NRP", pick(rng, V.RELIGIONS)).t(" and asked that ")
        d.t("any blood products be discussed with the family first.\n\n")
    d.t("Plan: continue anticoagulation, repeat U&E in 2 weeks, review in 6 months.\n\nYours sincerely\n\n")
    d.v("PERSON", cons.western).t("\n").v("JOB_TITLE", pick(rng, ["Consultant Cardiologist", "Consultant Physician",
                                                               "Specialty Registrar", "Associate Specialist"])).t("\n")
    d.t("cc: Patient\n")
    return d, "en_GB"


def t_letter_appointment(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "US", "IE", "AU"]))
    p = pr.p
    hosp = V.org(rng, fk, "hospital")
    d = Doc()
    d.v("ORGANIZATION", hosp).t("\nOutpatient Appointments\n\n")
    d.v("PERSON", p.western).t("\n").v("STREET_ADDRESS", pr.addr.block()).t("\n\n")
    d.t("Hospital number: ").v("MEDICAL_RECORD_NUMBER", V.mrn(rng)).t("\n\n")
    d.fmt("Dear {t} {PERSON:f}\n\n", t=p.title(rng), f=p.family)
    appt = V.rdate(rng, pr.ref.year, pr.ref.year + 1)
    d.t("An appointment has been made for you on ").v("DATE", V.fdate(rng, appt, pick(rng, ["d_month_y", "month_dth_y", "dth_of_month_y"])))
    d.t(f" at {rng.randint(8, 16)}:{pick(rng, ['00', '15', '30', '45'])} in Clinic {pick(rng, 'ABCDEFG')}, Level {rng.randint(0, 5)}, to see ")
    doc = V.person(rng, fk)
    d.t("Dr ").v("PERSON", doc.family).t(".\n")
    d.t("Please bring a list of your current medicines. If you need an interpreter, please tell us which language; we currently book interpreters for ")
    d.t("Polish, Punjabi, Arabic and Romanian at no charge.\n")
    d.t("To change or cancel, call ").v("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE[pr.country])).t(" or e-mail ")
    d.v("EMAIL_ADDRESS", "appointments@" + V.slug(hosp.split(" ")[0]) + pick(rng, [".nhs.uk", ".org", ".health"])).t(".\n")
    d.t("Text reminders are sent to ").v("PHONE_NUMBER", pr.phone).t(".\n")
    return d, pr.locale


def t_letter_bereavement(rng, fk):
    pr = profile(rng, fk, min_age=60, max_age=98)
    p = pr.p
    ex = V.person(rng, fk)
    exa = V.address(rng, fk, pick(rng, ["GB", "GB", "IE", "US", "AU", "ZA", "NG"]))
    sol = V.org(rng, fk, "co", suffix=True).replace("Logistics", "Law").replace("Engineering", "Legal")
    bank = V.org(rng, fk, "bank")
    d = Doc()
    d.v("ORGANIZATION", sol).t("\n").v("STREET_ADDRESS", exa.oneline()).t("\n\n")
    d.t("Bereavement Services\n").v("ORGANIZATION", bank).t("\n\n")
    dod = V.rdate(rng, pr.ref.year - 1, pr.ref.year)
    d.v("DATE", V.fdate(rng, pr.ref)).t("\n\nDear Sirs\n\n")
    d.t("Re: the estate of ").v("PERSON", p.full).t(" deceased, late of ").v("STREET_ADDRESS", pr.addr.oneline())
    d.t("\nDate of birth: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob)).t("   Date of death: ").v("DATE", V.fdate(rng, dod)).t("\n\n")
    d.t("We act for the executor, ").v("PERSON", ex.full).t(", the deceased's ")
    d.t(pick(rng, ["son", "daughter", "nephew", "niece", "brother", "sister", "friend"]) + ". ")
    d.t("Please find enclosed a certified copy of the death certificate. We understand the deceased held the following with you:\n\n")
    for _ in range(rng.randint(1, 3)):
        d.t("  * " + pick(rng, ["Current account", "Cash ISA", "Fixed-rate bond", "Savings account"]) + " no. ")
        d.v("ACCOUNT_NUMBER", V.uk_account(rng) if chance(rng, 0.7) else V.customer_no(rng)).t("\n")
    d.t("  * Credit card ").v("CREDIT_CARD", V.card(rng)).t("\n\n")
    d.t("Please freeze these accounts and let us have date-of-death balances. Correspondence to this office, reference ")
    d.t(fill(rng, "@@@/####/##") + ", or by e-mail to ").v("EMAIL_ADDRESS", V.email(rng, V.person(rng, fk), V.slug(sol.split(' ')[0]) + ".co.uk")).t(".\n\n")
    d.t("Yours faithfully\n\n").v("ORGANIZATION", sol).t("\n")
    return d, exa.locale


# ==========================================================================
# Call-centre transcripts / chat
# ==========================================================================
def _frag(s):
    digs = [i for i, c in enumerate(s) if c.isdigit()]
    cut = digs[min(len(digs) - 1, 1 + (len(digs) % 3))] + 1
    return s[:cut]


def t_call_card_block(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "GB", "US", "IE", "AU", "NG", "IN", "ZA"]))
    p = pr.p
    agent = V.person(rng, fk)
    bank = V.org(rng, fk, "bank")
    A, C = pick(rng, [("Agent", "Caller"), ("AGENT", "CUSTOMER"), ("A", "C"), ("Adviser", "Customer")])
    d = Doc()
    d.t(f"[Call recording transcript - {A.lower()} {digits(rng, 5)} - {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}]\n\n")
    d.t(f"{A}: Good morning, you're through to ").v("ORGANIZATION", bank).t(", my name's ").v("PERSON", agent.given).t(", how can I help?\n")
    d.t(f"{C}: Hi, yeah, I think my card's been- I've lost my card, or it's been nicked, I don't know.\n")
    d.t(f"{A}: Oh no, sorry to hear that. Can I take your full name please?\n")
    d.t(f"{C}: It's ").v("PERSON", p.western).t(".\n")
    d.t(f"{A}: And your date of birth?\n{C}: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dth_of_month_y", "d_month_y", "dmy_slash", "month_dth_y"])))
    d.t(".\n")
    d.t(f"{A}: Thank you. And the postcode on the account?\n{C}: Um, ")
    if chance(rng, 0.4):
        old = V.address(rng, fk, pr.country)
        d.t("it was ").v("POSTCODE", old.postcode).t(" but we moved, so it might be ").v("POSTCODE", pr.addr.postcode).t(".\n")
    else:
        d.v("POSTCODE", pr.addr.postcode).t(".\n")
    d.t(f"{A}: Lovely. And a contact number in case we get cut off?\n")
    k = rng.randrange(3)
    if k == 0:
        d.t(f"{C}: It's {_frag(pr.phone)}... sorry, ").v("PHONE_NUMBER", pr.phone).t(".\n")
    elif k == 1:
        wrong = V.phone(rng, ADDR_TO_PHONE[pr.country], ext=False)
        d.t(f"{C}: ").v("PHONE_NUMBER", wrong).t(" - no wait, that's my old one. It's ").v("PHONE_NUMBER", pr.phone).t(".\n")
    else:
        d.t(f"{C}: ").v("PHONE_NUMBER", pr.phone).t(f".\n{A}: Sorry, was that {_frag(pr.phone)}-\n{C}: Yeah. ").v("PHONE_NUMBER", pr.phone).t(".\n")
    d.t(f"{A}: Do you have the card number by any chance, or the last four digits?\n")
    if chance(rng, 0.5):
        c = V.card(rng).replace(" ", "").replace("-", "").replace(".", "")
        chunks = ", ".join(c[i:i + 4] for i in range(0, len(c), 4))
        d.t(f"{C}: I've got a photo of it, hang on... ").v("CREDIT_CARD", chunks).t(".\n")
    else:
        d.t(f"{C}: Only the last four, {digits(rng, 4)}.\n")
    d.t(f"{A}: That's fine, I can see it. I've put a block on it now. The new card will go to ")
    d.v("STREET_ADDRESS", pr.addr.oneline()).t(", is that still correct?\n")
    d.t(f"{C}: Yes.\n{A}: Great. Is there anything else?\n{C}: No, that's- actually, can you e-mail me a confirmation? It's ")
    d.v("EMAIL_ADDRESS", pr.email).t(".\n")
    d.t(f"{A}: Done. Your reference is {V.order_ref(rng)}. Thanks for calling, ").v("PERSON", p.given).t(".\n")
    return d, pr.locale


def t_call_address_update(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    ins = V.org(rng, fk, "ins")
    d = Doc()
    agent = V.person(rng, fk)
    d.t("Transcript (auto-generated, may contain errors)\n")
    d.t("Date: ").v("DATE", V.fdate(rng, pr.ref, "iso")).t(f"  Duration: {rng.randint(3, 19)}m{rng.randint(0, 59):02d}s\n\n")
    d.t("SPEAKER 1: ").v("ORGANIZATION", ins).t(" policy services, ").v("PERSON", agent.given).t(" speaking.\n")
    d.t("SPEAKER 2: hi, i need to change my address on my car insurance\n")
    d.t("SPEAKER 1: no problem. policy number?\n")
    pol = V.policy_no(rng)
    d.t("SPEAKER 2: it's ").v("ACCOUNT_NUMBER", pol).t("\n")
    d.t("SPEAKER 1: and who am i speaking to?\n")
    d.t("SPEAKER 2: ").v("PERSON", p.full.lower()).t("\n")
    d.t("SPEAKER 1: thanks ").v("PERSON", p.given.lower() if chance(rng, 0.5) else p.given).t(". and the new address?\n")
    a = pr.addr
    if chance(rng, 0.5) and "\n" not in a.street and a.city:
        d.t("SPEAKER 2: ").v("STREET_ADDRESS", a.street).t(", er, in ").v("LOCATION", a.city)
        d.t(". postcode ").v("POSTCODE", a.postcode).t("\n")
    else:
        d.t("SPEAKER 2: ").v("STREET_ADDRESS", a.oneline()).t("\n")
    d.t("SPEAKER 1: and is the car kept on the drive overnight?\nSPEAKER 2: on the road. registration ")
    d.t(V.vehicle_reg(rng) + "\n")
    d.t("SPEAKER 1: ok. that changes your premium by " + V.amount(rng) + " for the rest of the year. ")
    d.t("any other drivers?\nSPEAKER 2: my ").t(pick(rng, ["wife", "husband", "partner", "son", "daughter"])).t(", ")
    other = V.person(rng, fk)
    odob = V.rdob(rng, 18, 70, pr.ref.year)
    d.v("PERSON", other.western).t(", born ").v("DATE_OF_BIRTH", V.fdate(rng, odob, pick(rng, ["d_month_y", "month_d_y", "dd.mm.yyyy"])))
    d.t(", licence number... ")
    if pr.country == "US":
        st, dl = V.us_dl(rng)
        d.t(f"{V.US_STATE_NAMES[st]} ").v("US_DRIVER_LICENSE", dl).t("\n")
    else:
        d.t("i'll have to find it and send it over\n")
    d.t("SPEAKER 1: that's fine, you can e-mail it to us. i'll text you the link on ").v("PHONE_NUMBER", pr.phone).t("\n")
    d.t("SPEAKER 2: thanks\n")
    return d, pr.locale


def t_chat_web(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    bot = pick(rng, ["Ava", "Max", "Bankbot", "Assistant"])
    ts = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    d.t(f"[{ts}] {bot}: Hi! I'm {bot}, the virtual assistant. What can I help with today?\n")
    d.t(f"[{ts}] You: {pick(rng, ['need to update my phone', 'change phone number', 'my number changed'])}\n")
    d.t(f"[{ts}] {bot}: I can help with that. For security, please tell me your full name and date of birth.\n")
    d.t(f"[{ts}] You: ").v("PERSON", p.render(rng, pick(rng, ["lower", "full", "caps"]))).t(" ")
    d.v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dmy_slash", "d/m/yy", "dd.mm.yy", "iso"]))).t("\n")
    d.t(f"[{ts}] {bot}: Thanks. What's the new number?\n")
    ph = pr.phone
    if chance(rng, 0.5) and len(ph) > 8:
        cut = ph.rfind(" ")
        if cut > 3:
            d.t(f"[{ts}] You: ").v("PHONE_NUMBER", ph[:cut] + "\n" + ph[cut + 1:]).t("\n")
        else:
            d.t(f"[{ts}] You: ").v("PHONE_NUMBER", ph).t("\n")
    else:
        d.t(f"[{ts}] You: ").v("PHONE_NUMBER", ph).t(pick(rng, ["", " thx", " pls"])).t("\n")
    d.t(f"[{ts}] {bot}: I'll transfer you to a colleague to complete this.\n")
    ag = V.person(rng, fk)
    d.t(f"[{ts}] ").v("PERSON", ag.given).t(" joined the chat\n")
    d.t(f"[{ts}] ").v("PERSON", ag.given).t(": Hello, I can see your request. I'll send a code to your old number ending ")
    d.t(digits(rng, 3) + " and to ").v("EMAIL_ADDRESS", pr.email).t(" - is that still your e-mail?\n")
    if chance(rng, 0.4):
        d.t(f"[{ts}] You: {pick(rng, ['no its ', 'use ', 'changed, its '])}").v("EMAIL_ADDRESS", V.email(rng, p)).t(pick(rng, [" now", "", " pls"]))
    else:
        d.t(f"[{ts}] You: {pick(rng, ['yes', 'yep thats right', 'correct'])}")
    d.t("\n")
    return d, pr.locale


# ==========================================================================
# Clinical
# ==========================================================================
def t_nursing_handover(rng, fk):
    d = Doc()
    ward = pick(rng, ["Ward 7B", "AMU", "Elm Ward", "CCU", "Ward 22 (Ortho)", "Maple Ward"])
    nurse = V.person(rng, fk)
    ref = V.rdate(rng)
    d.t(f"{ward} handover  ").v("DATE", V.fdate(rng, ref, pick(rng, ["dmy_slash", "d/m/yy", "dd.mm.yy"])))
    d.t(f"  {pick(rng, ['07:30', '19:30', '20:00', 'night -> day'])}  NIC: ").v("PERSON", nurse.given).t("\n")
    d.t("-" * 40 + "\n")
    for bed in rng.sample(range(1, 28), rng.randint(3, 5)):
        pr = profile(rng, fk, country=pick(rng, ["GB", "GB", "IE"]), min_age=19, max_age=99, ref=ref)
        p = pr.p
        sex = "M" if p.sex == "M" else "F"
        style = rng.randrange(3)
        d.t(f"Bed {bed}: ")
        if style == 0:
            d.t(f"{p.title(rng)} ").v("PERSON", p.initial).t(", ").v("AGE", str(pr.age)).t(f"{sex}, ")
        elif style == 1:
            d.v("PERSON", p.family.upper()).t(" ").v("PERSON", p.given).t(" (").v("AGE", str(pr.age)).t(f"{pick(rng, ['y', 'yo', ''])}) ")
        else:
            d.t("pt ").v("PERSON", p.full.lower()).t(", ").v("AGE", str(pr.age)).t(f" y/o {'male' if sex == 'M' else 'female'}, ")
        d.t(pick(rng, ["adm with CAP, on IV abx day 3, sats 94% on 2L", "#NOF post op day 1, pain controlled, mobilised w/ physio",
                       "DKA resolving, VRIII stopped 0400, BMs 6-9", "NSTEMI, awaiting angio, trop 340", "UTI + delirium, 1:1 overnight",
                       "falls, CT head NAD, lying/standing BP due", "AKI on CKD3, cr 212, fluids @ 125ml/h"]))
        if chance(rng, 0.5):
            nok = V.person(rng, fk)
            d.t(". nok ").t(pick(rng, ["dtr", "son", "wife", "husb", "partner", "bro"])).t(" ")
            d.v("PERSON", nok.given if chance(rng, 0.5) else nok.western).t(" tel ").v("PHONE_NUMBER", V.phone(rng, "GB"))
        if chance(rng, 0.3):
            d.t(". Hosp no ").v("MEDICAL_RECORD_NUMBER", V.mrn(rng))
        if chance(rng, 0.15):
            d.t(". ").v("NRP", pick(rng, ["Jehovah's Witness", "Muslim", "Orthodox Jewish", "Sikh", "Hindu"])).t(" - see care plan")
        d.t(pick(rng, [". DNACPR in notes.\n", ". for d/c tmrw if bloods ok.\n", ". NBM from midnight.\n", ".\n", ". NEWS 3.\n"]))
    d.t("\nStaffing: 1 HCA short, bank requested (" + fill(rng, "BNK-#####") + "). Controlled drug check done.\n")
    return d, "en_GB"


def t_discharge_summary(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "US", "IE", "AU", "CA", "IN", "ZA"]), min_age=1, max_age=96)
    p = pr.p
    hosp = V.org(rng, fk, "hospital")
    d = Doc()
    adm = V.rdate(rng)
    import datetime as dt
    dis = adm + dt.timedelta(days=rng.randint(1, 21))
    d.t("DISCHARGE SUMMARY\n").v("ORGANIZATION", hosp).t("\n\n")
    us = pr.country == "US"
    d.t("Patient: ").v("PERSON", p.render(rng, pick(rng, ["last_first", "last_first_caps", "caps", "full"])))
    d.t("\nMRN: ").v("MEDICAL_RECORD_NUMBER", V.mrn(rng)).t("     DOB: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, "m/d/yyyy" if us else "dd-mon-yyyy"))
    d.t("   Age: ").v("AGE", str(pr.age)).t("   Sex: " + ("M" if p.sex == "M" else "F") + "\n")
    if chance(rng, 0.5):
        d.t("Ethnicity: ").v("NRP", pick(rng, V.ETHNICITIES)).t("   Religion: ").v("NRP", pick(rng, V.RELIGIONS)).t("\n")
    d.t("Address: ").v("STREET_ADDRESS", pr.addr.oneline()).t("\n")
    d.t("Admitted: ").v("DATE", V.fdate(rng, adm, "dd-mon-yyyy" if not us else "m/d/yyyy"))
    d.t("    Discharged: ").v("DATE", V.fdate(rng, dis, "dd-mon-yyyy" if not us else "m/d/yyyy")).t("\n")
    cons = V.person(rng, fk)
    d.t("Consultant: ").v("PERSON", cons.western).t(" (").v("JOB_TITLE", pick(rng, ["Consultant Geriatrician", "Consultant Physician", "Attending Physician", "Consultant Surgeon"])).t(")\n")
    if us:
        d.t("Insurance member ID: ").v("ACCOUNT_NUMBER", fill(rng, "@@@#########")).t("   SSN: ").v("US_SSN", V.ssn(rng)).t("\n")
    d.t("\nPresenting complaint: " + pick(rng, ["SOB and productive cough x5/7", "collapse at home", "abdo pain RIF 2/7",
                                                  "chest pain radiating to L arm", "confusion, reduced oral intake"]) + "\n")
    d.t("Diagnosis: " + pick(rng, ["Community-acquired pneumonia (CURB-65 = 2)", "Syncope ?vasovagal", "Acute appendicitis - lap appendicectomy",
                                     "NSTEMI - PCI to LAD", "Hyponatraemia (Na 121) secondary to thiazide"]) + "\n")
    d.t("\nMedications on discharge:\n  amoxicillin 500 mg TDS 5/7\n  paracetamol 1 g QDS PRN\n  bisoprolol 2.5 mg OD\n\n")
    d.t("Follow-up: GP review in 1/52; outpatient clinic ").v("DATE", V.fdate(rng, dis + dt.timedelta(days=rng.randint(14, 60)), "d_mon_y")).t("\n")
    nok = V.person(rng, fk)
    d.t("NOK: ").v("PERSON", nok.western).t(f" ({pick(rng, ['son', 'daughter', 'wife', 'husband', 'neighbour', 'carer'])}) ")
    d.v("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE[pr.country])).t("\n")
    jd = V.person(rng, fk)
    d.t("Completed by: Dr ").v("PERSON", jd.initial).t(", ").v("JOB_TITLE", pick(rng, ["FY1", "FY2", "CT1", "Specialty Registrar", "Resident"])).t(f", bleep {digits(rng, 4)}\n")
    return d, pr.locale


def t_referral_form(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "GB", "GB", "IE"]), min_age=2, max_age=90)
    p = pr.p
    d = Doc()
    d.t("URGENT SUSPECTED CANCER REFERRAL (2WW)\n\n")
    rows = []
    rows.append(("Patient surname", ("PERSON", p.family.upper())))
    rows.append(("Forename(s)", ("PERSON", p.given)))
    rows.append(("Date of birth", ("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dmy_slash", "dd.mm.yyyy", "iso"])))))
    rows.append(("NHS number", ("MEDICAL_RECORD_NUMBER", V.nhs_number(rng))))
    rows.append(("Address", ("STREET_ADDRESS", pr.addr.oneline())))
    rows.append(("Tel (home)", ("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE.get(pr.country, "GB")))))
    rows.append(("Tel (mobile)", ("PHONE_NUMBER", pr.phone)))
    if chance(rng, 0.6):
        rows.append(("Interpreter required", "Yes - language: " + pick(rng, ["Polish", "Tamil", "Yoruba", "Cantonese", "Arabic", "Turkish"])))
    if chance(rng, 0.5):
        rows.append(("Ethnic origin", ("NRP", pick(rng, V.ETHNICITIES))))
    gp = V.person(rng, fk)
    rows.append(("Referring GP", ("PERSON", gp.western)))
    rows.append(("Practice", ("ORGANIZATION", pick(rng, ["Bramley Road Surgery", "The Elms Health Centre", "Harrowgate Medical Practice"]))))
    rows.append(("Practice e-mail", ("EMAIL_ADDRESS", f"{pick(rng, ['referrals', 'admin', 'gp'])}.{fill(rng, '@#####').lower()}@nhs.net")))
    rows.append(("Date of referral", ("DATE", V.fdate(rng, pr.ref, "dmy_slash"))))
    width = max(len(k) for k, _ in rows) + 2
    sep = pick(rng, [":", "", " |"])
    for k, v in rows:
        d.t(f"{k}{sep}".ljust(width + len(sep)))
        if isinstance(v, tuple):
            d.v(*v)
        else:
            d.t(v)
        d.t("\n")
    d.t("\nClinical details:\n")
    d.v("AGE", V.age_text(rng, pr.age, 0.25)).t(f" yr old, {pick(rng, ['6/52', '3/12', '8 wks'])} hx of {pick(rng, ['PR bleeding', 'dysphagia', 'breast lump', 'haematuria', 'weight loss 6kg'])}. ")
    d.t(pick(rng, ["FIT 142.", "Hb 98, ferritin 9.", "Ex-smoker 30 pack-yrs.", "FHx: mother - ca colon."]) + "\n")
    return d, pr.locale


def t_lab_report(rng, fk):
    pr = profile(rng, fk, min_age=1, max_age=95)
    p = pr.p
    d = Doc()
    lab = pick(rng, ["Pathology Department", "Blood Sciences", "Clinical Biochemistry"])
    hosp = V.org(rng, fk, "hospital")
    d.v("ORGANIZATION", hosp).t(f" - {lab}\n")
    d.t("=" * 60 + "\n")
    d.t("Name    : ").v("PERSON", p.render(rng, pick(rng, ["last_first_caps", "caps", "last_first"]))).t("\n")
    d.t("DOB     : ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["DD-MON-YYYY", "dd.mm.yyyy", "dmy_slash"])))
    d.t("     Sex: " + ("M" if p.sex == "M" else "F") + "   Age: ").v("AGE", str(pr.age)).t("Y\n" if chance(rng, 0.5) else "\n")
    d.t("Hosp No : ").v("MEDICAL_RECORD_NUMBER", V.mrn(rng)).t("\n")
    d.t("Lab No  : " + fill(rng, "##@######") + "   Collected: ").v("DATE", V.fdate(rng, pr.ref, "DD-MON-YYYY")).t(f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}\n")
    req = V.person(rng, fk)
    d.t("Requested by: ").v("PERSON", req.initial.upper()).t(" / " + pick(rng, ["AMU", "GP", "ED", "Ward 9"]) + "\n")
    d.t("-" * 60 + "\n")
    d.t(f"{'Test':<22}{'Result':>8}  {'Units':<10}{'Ref range':<14}\n")
    tests = [("Sodium", 133, 146, "mmol/L"), ("Potassium", 3.5, 5.3, "mmol/L"), ("Urea", 2.5, 7.8, "mmol/L"),
             ("Creatinine", 59, 104, "umol/L"), ("eGFR", 60, 90, "mL/min"), ("CRP", 0, 5, "mg/L"),
             ("Haemoglobin", 130, 180, "g/L"), ("WCC", 4.0, 11.0, "x10^9/L"), ("Platelets", 150, 400, "x10^9/L"),
             ("HbA1c", 20, 41, "mmol/mol"), ("ALT", 0, 40, "U/L"), ("TSH", 0.27, 4.2, "mU/L")]
    for name, lo, hi, unit in rng.sample(tests, rng.randint(4, 8)):
        val = round(rng.uniform(lo * 0.7, hi * 1.3), 1)
        flag = " H" if val > hi else (" L" if val < lo else "")
        d.t(f"{name:<22}{val:>8} {flag.strip():<2} {unit:<10}{lo}-{hi}\n")
    d.t("-" * 60 + "\n")
    d.t("Authorised: ").v("PERSON", V.person(rng, fk).western).t(", ").v("JOB_TITLE", pick(rng, ["Biomedical Scientist", "Senior BMS", "Consultant Chemical Pathologist"])).t("\n")
    return d, pr.locale


def t_prescription_note(rng, fk):
    pr = profile(rng, fk, country=pick(rng, ["GB", "US", "IN", "NG", "IE"]), min_age=2, max_age=90)
    p = pr.p
    d = Doc()
    phar = V.person(rng, fk)
    d.t("pharmacy note - ").v("DATE", V.fdate(rng, pr.ref, pick(rng, ["d/m/yy", "dmy_slash"]))).t("\n")
    d.t("cx ").v("PERSON", p.full.lower() if chance(rng, 0.5) else p.initial).t(" (dob ")
    d.v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["d/m/yy", "dd.mm.yy", "dmy_slash"]))).t(") came in re repeat rx. ")
    d.t("says GP (Dr ").v("PERSON", V.person(rng, fk).family).t(") hasnt signed. ")
    d.t("tel ").v("PHONE_NUMBER", pr.phone).t(". ")
    d.t(pick(rng, ["gave 3 days emergency supply metformin 500mg.", "advised to call surgery after 2pm.",
                   "owing slip for 14 x co-codamol 30/500.", "allergic to penicillin - checked."]))
    d.t(" - ")
    d.v("PERSON", phar.given).t("\n")
    return d, pr.locale


# ==========================================================================
# Insurance / claims / fraud / KYC
# ==========================================================================
def t_claim_form_prose(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    ins = V.org(rng, fk, "ins")
    d.t("MOTOR CLAIM NOTIFICATION - ").v("ORGANIZATION", ins).t("\n\n")
    d.t("Policyholder: ").v("PERSON", p.full).t("   Policy: ").v("ACCOUNT_NUMBER", V.policy_no(rng)).t("\n")
    d.t("Claim ref: " + V.claim_ref(rng) + "\n\n")
    inc = V.rdate(rng)
    d.t("Description of incident (in your own words):\n")
    d.t("On ").v("DATE", V.fdate(rng, inc, pick(rng, ["d_month_y", "month_dth_y", "dmy_slash"])))
    d.t(f" at about {rng.randint(7, 22)}.{rng.randint(0, 5)}0 I was driving along ")
    loc_a = V.address(rng, fk, pr.country)
    if "\n" not in loc_a.street:
        d.v("STREET_ADDRESS", loc_a.street).t(" in ").v("LOCATION", loc_a.city or pick(rng, V.CITIES))
    else:
        d.t("the high street in ").v("LOCATION", loc_a.city or pick(rng, V.CITIES))
    d.t(" when the other car pulled out of a side road without looking. The other driver, ")
    tp = V.person(rng, fk)
    d.v("PERSON", tp.western).t(f", admitted it was {tp.poss} fault and gave me {tp.poss} number ").v("PHONE_NUMBER", V.phone(rng))
    d.t(f". {tp.poss.capitalize()} insurer is ").v("ORGANIZATION", V.org(rng, fk, "ins")).t(f" and {tp.poss} reg is {V.vehicle_reg(rng)}. ")
    if chance(rng, 0.6):
        w = V.person(rng, fk)
        d.t("A witness, ").v("PERSON", w.full).t(pick(rng, [", who lives at ", " of "])).v("STREET_ADDRESS", V.address(rng, fk, pr.country).oneline())
        d.t(", saw everything.")
    d.t(f" Damage to my front bumper and headlight, quote from the garage is {V.amount(rng)}.\n\n")
    d.t("Were the police called? " + pick(rng, ["No", "Yes - crime ref " + fill(rng, "##/#####/24")]) + "\n")
    d.t("Injuries: " + pick(rng, ["none", "whiplash, seen at A&E", "bruised knee"]) + "\n")
    d.t("Your contact number: ").v("PHONE_NUMBER", pr.phone).t("   e-mail: ").v("EMAIL_ADDRESS", pr.email).t("\n")
    d.t("Bank details for settlement: ")
    if pr.country in ("GB", "IE") or chance(rng, 0.4):
        d.v("IBAN_CODE", V.iban(rng, pick(rng, ["GB", "IE", "DE", "FR", "NL"])))
        d.t(" BIC " + V.bic(rng) + "\n")
    else:
        d.t("acct ").v("ACCOUNT_NUMBER", V.us_account(rng)).t(f" routing {V.routing(rng)}\n")
    d.t("Signed: ").v("PERSON", p.western).t("   Date: ").v("DATE", V.fdate(rng, pr.ref, "dmy_slash")).t("\n")
    return d, pr.locale


def t_travel_claim(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    pc, nat, pno = passport_for(rng, pr)
    dest = pick(rng, V.CITIES)
    d.t("Travel insurance - medical expenses claim\n\n")
    d.t("Insured: ").v("PERSON", p.render(rng, "caps" if chance(rng, 0.5) else "full")).t("\n")
    d.t("Passport: ").v("PASSPORT_NUMBER", pno).t(" (").v("NRP", nat).t(")\n")
    d.t("Date of birth: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob)).t("\n")
    dep = V.rdate(rng)
    import datetime as dt
    d.t("Trip: departed ").v("DATE", V.fdate(rng, dep, "d_mon_y")).t(", returned ").v("DATE", V.fdate(rng, dep + dt.timedelta(days=rng.randint(3, 20)), "d_mon_y"))
    d.t(", destination ").v("LOCATION", dest).t("\n\n")
    hosp = pick(rng, ["Hospital Quirónsalud", "Clinica San Marco", "Bumrungrad", "Mediclinic City Hospital", "Hospital Ángeles"])
    d.t("While in ").v("LOCATION", dest).t(" I fell ill with " + pick(rng, ["gastroenteritis", "a chest infection", "a fractured wrist", "dengue fever"]))
    d.t(" and was treated at ").v("ORGANIZATION", hosp).t(". The doctor, ").v("PERSON", V.person(rng, fk).western)
    d.t(", said I could not fly for 4 days. I paid " + V.amount(rng) + " by card ").v("CREDIT_CARD", V.card(rng)).t(".\n")
    d.t("Contact me on ").v("PHONE_NUMBER", pr.phone).t(" or at ").v("EMAIL_ADDRESS", pr.email).t(".\n")
    if chance(rng, 0.5):
        comp = V.person(rng, fk)
        d.t("Travelling companion: ").v("PERSON", comp.full).t(", age ").v("AGE", str(rng.randint(18, 80))).t("\n")
    return d, pr.locale


def t_fraud_notes(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    inv = V.person(rng, fk)
    d.t(f"FINANCIAL CRIME - CASE NOTES  (case {fill(rng, 'FC-####-#####')})\n")
    d.t("Subject: ").v("PERSON", p.render(rng, "last_first_caps")).t("   DOB ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, "dmy_slash")).t("\n")
    d.t("Customer no: ").v("ACCOUNT_NUMBER", V.customer_no(rng)).t("\n")
    d.t("Investigator: ").v("PERSON", inv.western).t(", ").v("JOB_TITLE", pick(rng, ["Senior Fraud Investigator", "Financial Crime Analyst", "Fraud Investigator"])).t("\n\n")
    import datetime as dt
    t0 = pr.ref
    day = t0
    for i in range(rng.randint(4, 7)):
        day = day + dt.timedelta(days=rng.randint(0, 3))
        d.v("DATE", V.fdate(rng, day, pick(rng, ["iso", "dd.mm.yy", "d_mon_y"]))).t(" - ")
        k = rng.randrange(7)
        if k == 0:
            d.t("login from new device, IP ").v("IP_ADDRESS", V.ip(rng, fk)).t(f" (geo: ").v("LOCATION", pick(rng, V.CITIES)).t("), 2FA passed via SMS.\n")
        elif k == 1:
            d.t(f"payee added: ").v("PERSON", V.person(rng, fk).full.upper()).t(", IBAN ").v("IBAN_CODE", V.iban(rng)).t(f"; {V.amount(rng)} sent.\n")
        elif k == 2:
            d.t("e-mail on file changed to ").v("EMAIL_ADDRESS", V.email(rng, V.person(rng, fk))).t(" - customer denies making this change.\n")
        elif k == 3:
            d.t("phoned customer on ").v("PHONE_NUMBER", pr.phone).t(". States " + pr.p.pronoun + " was called by 'the bank' from ").v("PHONE_NUMBER", V.phone(rng)).t(" and read out OTP.\n")
        elif k == 4:
            alias = V.person(rng, fk)
            d.t("same device fingerprint seen on account of ").v("PERSON", alias.western).t(" (aka ").v("PERSON", alias.nickname or alias.given).t("), cust no ").v("ACCOUNT_NUMBER", V.customer_no(rng)).t(". Possible mule.\n")
        elif k == 5:
            d.t("card ").v("CREDIT_CARD", V.card(rng)).t(f" used at ATM in ").v("LOCATION", pick(rng, V.CITIES + V.COUNTRIES)).t(f", {V.amount(rng)}. CCTV requested.\n")
        else:
            d.t("outbound crypto exchange transfer, ref " + V.order_ref(rng) + ", wallet address withheld. SAR considered.\n")
    d.t("\nOutcome: " + pick(rng, ["APP scam - reimburse under CRM code", "first-party fraud suspected - exit relationship",
                                     "refer to police, crime ref " + fill(rng, "NFRC##########"), "no further action"]) + "\n")
    return d, pr.locale


def t_kyc_prose(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    d.t("Enhanced due diligence - customer narrative\n\n")
    born_in = pick(rng, V.CITIES)
    d.t("The applicant, ").v("PERSON", p.full).t(", was born on ")
    d.v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dth_of_month_y", "d_month_y", "month_d_y"])))
    d.t(" in ").v("LOCATION", born_in).t(" and holds ")
    n1 = nat_of(rng, pr)
    n2 = pick(rng, V.NATIONALITIES)
    if chance(rng, 0.5) and n1 != n2:
        d.v("NRP", n1).t(" and ").v("NRP", n2).t(" citizenship. ")
    else:
        d.v("NRP", n1).t(" citizenship. ")
    d.fmt("{PRONOUN} currently lives at {STREET_ADDRESS:a} with {POSS} {fam}. ", PRONOUN=p.pronoun.capitalize(),
          a=pr.addr.oneline(with_country=chance(rng, 0.5)), POSS=p.poss, fam=pick(rng, ["spouse", "two children", "parents", "partner"]))
    emp = V.org(rng, fk, pick(rng, ["co", "faker", "bank"]))
    d.t(f"{p.pronoun.capitalize()} is employed as ").v("JOB_TITLE", V.job(rng, "gen", fk)).t(" at ").v("ORGANIZATION", emp)
    d.t(f", declaring an annual income of {V.amount(rng)}. ")
    if chance(rng, 0.5):
        d.t("The customer is a politically exposed person by association: ")
        rel = V.person(rng, fk)
        d.t(f"{p.poss} {pick(rng, ['uncle', 'brother-in-law', 'cousin', 'mother'])}, ").v("PERSON", rel.full)
        d.t(", is a member of the ").v("NRP", pick(rng, V.POLITICAL)).t(" and sits on a regional council. ")
    pc, nat, pno = passport_for(rng, pr)
    d.t("Identity was verified against passport ").v("PASSPORT_NUMBER", pno)
    if chance(rng, 0.6):
        c, scheme, nid = nid_for(rng, pr)
        d.t(f" and {scheme} ").v("US_SSN" if c == "US" else "NATIONAL_ID", nid)
    d.t(". Source of wealth: sale of a property at ").v("STREET_ADDRESS", V.address(rng, fk).oneline())
    d.t(f" in {rng.randint(2015, 2023)}. Funds will arrive from ").v("IBAN_CODE", V.iban(rng)).t(".\n")
    if chance(rng, 0.5):
        d.t("Religion (volunteered, not required): ").v("NRP", pick(rng, V.RELIGIONS)).t(".\n")
    d.t("Risk rating: " + pick(rng, ["HIGH", "MEDIUM", "LOW"]) + ". Reviewed by ").v("PERSON", V.person(rng, fk).initial).t(" on ")
    d.v("DATE", V.fdate(rng, pr.ref)).t(".\n")
    return d, pr.locale


def t_wire_request(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    ben = profile(rng, fk, country=pick(rng, ["DE", "FR", "NL", "ES", "IT", "PL", "IE", "SE", "DK", "CZ", "HU"]))
    d = Doc()
    d.t("INTERNATIONAL PAYMENT INSTRUCTION\n\n")
    d.t("Ordering customer: ").v("PERSON", p.full.upper()).t("\n")
    d.t("Debit account: ").v("ACCOUNT_NUMBER", V.uk_account(rng)).t(f"   Sort code: {V.sort_code(rng)}\n")
    d.t("Amount: " + V.amount(rng) + "\n\n")
    d.t("Beneficiary name: ").v("PERSON", ben.p.full).t("\n")
    d.t("Beneficiary address: ").v("STREET_ADDRESS", ben.addr.oneline(with_country=True)).t("\n")
    ib = V.iban(rng, {"DK": "DK", "SE": "SE", "CZ": "CZ", "HU": "HU"}.get(ben.country, ben.country if ben.country in V.IBAN_SPECS else "DE"))
    if chance(rng, 0.25) and " " in ib:
        mid = ib.find(" ", len(ib) // 2)
        ib = ib[:mid] + "\n" + ib[mid + 1:]
    d.t("IBAN: ").v("IBAN_CODE", ib).t("\n")
    d.t("SWIFT/BIC: " + V.bic(rng) + "\n")
    d.t("Beneficiary bank: ").v("ORGANIZATION", V.org(rng, fk, "bank")).t("\n")
    d.t("Payment reference: " + pick(rng, ["rent", "invoice " + V.order_ref(rng), "family support", "school fees"]) + "\n")
    d.t("Requested execution date: ").v("DATE", V.fdate(rng, pr.ref, "dd.mm.yyyy")).t("\n\n")
    d.t("Call-back verification done by ").v("PERSON", V.person(rng, fk).western).t(" to ").v("PHONE_NUMBER", pr.phone).t(" (number on file).\n")
    return d, pr.locale


def t_complaint_letter(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    org = V.org(rng, fk, pick(rng, ["bank", "ins"]))
    d = Doc()
    d.v("PERSON", p.western).t("\n").v("STREET_ADDRESS", pr.addr.block()).t("\n").v("PHONE_NUMBER", pr.phone).t("\n").v("EMAIL_ADDRESS", pr.email).t("\n\n")
    d.v("DATE", V.fdate(rng, pr.ref, pick(rng, ["d_month_y", "month_d_y", "dth_of_month_y"]))).t("\n\n")
    d.t("Complaints Department\n").v("ORGANIZATION", org).t("\n\n")
    d.t("Dear Sir or Madam,\n\n")
    d.t("I am writing to complain, for the third time, about the way my ")
    d.t(pick(rng, ["mortgage application", "home insurance claim", "account closure", "ISA transfer"]))
    d.t(" has been handled. I first called on ").v("DATE", V.fdate(rng, V.rdate(rng, pr.ref.year, pr.ref.year), "short"))
    d.t(" and spoke to ").v("PERSON", V.person(rng, fk).given).t(", who promised a call back within 48 hours. Nobody called. ")
    d.t("On the second occasion your colleague ").v("PERSON", V.person(rng, fk).western).t(" told me the file had been 'lost'.\n\n")
    d.t("As a ").v("AGE", V.num_words(pr.age) if chance(rng, 0.4) else str(pr.age)).t("-year-old ")
    d.t(pick(rng, ["pensioner", "self-employed person", "single parent", "carer"]) + ", I cannot keep taking time off to chase this. ")
    d.t("My account number is ").v("ACCOUNT_NUMBER", V.uk_account(rng) if pr.country == "GB" else V.customer_no(rng)).t(". ")
    d.t(f"I expect compensation of at least {V.amount(rng)} for the distress caused.\n\n")
    d.t("Yours faithfully,\n\n").v("PERSON", p.western).t("\n")
    return d, pr.locale


# ==========================================================================
# HR / meetings / misc
# ==========================================================================
def t_hr_record(rng, fk):
    pr = profile(rng, fk, min_age=18, max_age=66)
    p = pr.p
    emp = V.org(rng, fk, "co")
    d = Doc()
    d.t("EMPLOYEE RECORD - CONFIDENTIAL\n").v("ORGANIZATION", emp).t(" / People Team\n\n")
    fields = [
        ("Employee ID", fill(rng, "E######")),
        ("Surname", ("PERSON", p.family)), ("First name(s)", ("PERSON", p.given)),
        ("Known as", ("PERSON", p.nickname) if p.nickname else "-"),
        ("Date of birth", ("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dmy_slash", "iso", "d_mon_y"])))),
        ("Job title", ("JOB_TITLE", V.job(rng, "gen", fk))),
        ("Start date", ("DATE", V.fdate(rng, V.rdate(rng, 2010, 2024), "dmy_slash"))),
        ("Home address", ("STREET_ADDRESS", pr.addr.oneline())),
        ("Personal mobile", ("PHONE_NUMBER", pr.phone)),
        ("Personal e-mail", ("EMAIL_ADDRESS", pr.email)),
    ]
    if pr.country == "US":
        fields.append(("SSN", ("US_SSN", V.ssn(rng))))
    else:
        c, scheme, nid = nid_for(rng, pr)
        fields.append((scheme, ("US_SSN" if c == "US" else "NATIONAL_ID", nid)))
    fields.append(("Bank a/c", ("ACCOUNT_NUMBER", V.uk_account(rng))))
    fields.append(("Sort code", V.sort_code(rng)))
    fields.append(("Nationality", ("NRP", nat_of(rng, pr))))
    if chance(rng, 0.5):
        fields.append(("Religion/belief (optional)", ("NRP", pick(rng, V.RELIGIONS + ["None", "Prefer not to say"]))))
    em = V.person(rng, fk)
    fields.append(("Emergency contact", [("PERSON", em.western), f" ({pick(rng, ['mother', 'spouse', 'partner', 'brother', 'friend'])}) ",
                                         ("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE.get(pr.country, 'GB')))]))
    fields.append(("Salary", V.amount(rng)))
    for k, v in fields:
        d.t(f"{k}: ")
        if isinstance(v, tuple):
            if v[1] in ("None", "Prefer not to say"):
                d.t(v[1])
            else:
                d.v(*v)
        elif isinstance(v, list):
            d.add(*v)
        else:
            d.t(v)
        d.t("\n")
    d.t("\nNotes: ")
    d.t(pick(rng, ["Reasonable adjustments agreed - see OH report.", "Probation passed.", "Flexible working request approved (compressed hours).",
                   "Maternity leave from ", "Final written warning issued "]))
    if d.text.endswith("from ") or d.text.endswith("issued "):
        d.v("DATE", V.fdate(rng, V.rdate(rng), "d_month_y")).t(".")
    d.t("\n")
    return d, pr.locale


def t_meeting_minutes(rng, fk):
    d = Doc()
    kind = pick(rng, ["bank", "ins", "hospital"])
    dom = {"bank": "bank", "ins": "ins", "hospital": "med"}[kind]
    org = V.org(rng, fk, kind)
    ref = V.rdate(rng)
    d.t("MINUTES - ").t(pick(rng, {"bank": ["Credit Risk Committee", "Fraud Operations Weekly", "Complaints Review Panel"],
                                   "ins": ["Claims Review Panel", "Complaints Review Panel", "Underwriting Forum"],
                                   "hospital": ["Safeguarding Huddle", "Clinical Governance Group", "Bed Management Meeting"]}[kind])).t("\n")
    d.v("ORGANIZATION", org).t("\n")
    d.t("Date: ").v("DATE", V.fdate(rng, ref, pick(rng, ["d_month_y", "iso", "dmy_slash"]))).t(f"   Time: {rng.randint(9, 15)}:00-{rng.randint(16, 17)}:30   Location: Room {fill(rng, '#.##')}\n\n")
    d.t("Present:\n")
    people = []
    for _ in range(rng.randint(3, 6)):
        pp = V.person(rng, fk)
        people.append(pp)
        style = rng.randrange(3)
        if style == 0:
            d.t("  ").v("PERSON", pp.western).t(" (").v("JOB_TITLE", V.job(rng, dom)).t(") - Chair\n" if not people[1:] else ")\n")
        elif style == 1:
            d.t("  ").v("PERSON", pp.western).t(", ").v("JOB_TITLE", V.job(rng, dom)).t("\n")
        else:
            d.t("  ").v("PERSON", pp.initial).t(" - ").v("ORGANIZATION", V.org(rng, fk, "co")).t(" (external)\n")
    d.t("Apologies: ")
    ap = V.person(rng, fk)
    d.v("PERSON", ap.western).t("\n\n")
    d.t("1. Minutes of the last meeting were approved.\n")
    d.t("2. Case review: ")
    cust = profile(rng, fk, ref=ref)
    d.v("PERSON", cust.p.full).t(" (cust no ").v("ACCOUNT_NUMBER", V.customer_no(rng)).t(", aged ").v("AGE", str(cust.age))
    d.t(f"). {pick(rng, ['Vulnerable customer flag agreed.', 'Forbearance extended 3 months.', 'Refer to safeguarding lead.'])} ")
    d.v("PERSON", people[0].given).t(" to write to the customer at ").v("STREET_ADDRESS", cust.addr.oneline()).t(".\n")
    d.t("3. Actions:\n")
    for pp in people[:rng.randint(2, len(people))]:
        d.t("   - ")
        d.v("PERSON", pp.given).t(": " + pick(rng, ["update the risk appetite paper", "chase legal on the DSAR", "circulate KPI pack",
                                                    "review audit findings", "book training for new starters"]) + " by ")
        d.v("DATE", V.fdate(rng, V.rdate(rng, ref.year, ref.year + 1), "short")).t("\n")
    d.t(f"\nNext meeting: ").v("DATE", V.fdate(rng, V.rdate(rng, ref.year, ref.year + 1), "d_month_y")).t("\n")
    return d, "en_GB"


def t_sms(rng, fk):
    d = Doc()
    pr = profile(rng, fk)
    p = pr.p
    k = rng.randrange(6)
    if k == 0:
        d.t(f"{pick(rng, ['Hosp', 'Clinic', 'Surgery'])}: Hi ").v("PERSON", p.given).t(", reminder of your appt on ")
        d.v("DATE", V.fdate(rng, V.rdate(rng), "short")).t(f" at {rng.randint(8, 17)}:{pick(rng, ['00', '20', '40'])}. Reply C to cancel or call ").v("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE[pr.country])).t(".")
    elif k == 1:
        d.t("hey its ").v("PERSON", p.given.lower()).t(" - new number, save this one. old one ").v("PHONE_NUMBER", V.phone(rng, ADDR_TO_PHONE[pr.country])).t(" is dead x")
    elif k == 2:
        d.t("Your verification code is " + digits(rng, 6) + ". Never share it. If you didn't request this call ").v("PHONE_NUMBER", V.phone(rng, "GB")).t(".")
    elif k == 3:
        d.t("mum can u send me ur bank details again, need the IBAN for the transfer. is it ").v("IBAN_CODE", V.iban(rng)).t("?")
    elif k == 4:
        d.t("Parcel for ").v("PERSON", p.full.upper()).t(" could not be delivered to ").v("STREET_ADDRESS", pr.addr.oneline()).t(". Rebook: ").v("URL", f"http://{fill(rng, '@@@@').lower()}-redeliver.com/{fill(rng, '##@@#').lower()}")
    else:
        d.t("Pls call ").v("PERSON", V.person(rng, fk).given).t(" back on ").v("PHONE_NUMBER", V.phone(rng)).t(" re the claim, she said your dob is wrong on file (").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, "d/m/yy")).t(")")
    return d, pr.locale


def t_free_notes(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    agent = V.person(rng, fk)
    d.v("DATE", V.fdate(rng, pr.ref, pick(rng, ["d/m/yy", "dd.mm.yy", "iso"]))).t(f" {rng.randint(8, 20)}:{rng.randint(0, 59):02d} ")
    d.v("PERSON", agent.initial)
    d.t(": ")
    k = rng.randrange(4)
    if k == 0:
        d.t("cx called re dd bounce. dob ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["d/m/yy", "dmy_slash"]))).t(" + pc ")
        d.v("POSTCODE", pr.addr.postcode).t(" verified. advised re fee refund, cx happy. tel ").v("PHONE_NUMBER", pr.phone).t(" confirmed. ")
    elif k == 1:
        d.t("wi from ").v("PERSON", p.full.lower()).t(f" - says {p.pronoun} never rec'd stmt. addr on sys is ").v("STREET_ADDRESS", pr.addr.oneline()).t(", cx says thats correct. resent. ")
    elif k == 2:
        d.t("3rd party (").v("PERSON", V.person(rng, fk).western).t(", says is ").t(pick(rng, ["son", "dtr", "neighbour", "POA"])).t(") called on behalf of cx ").v("PERSON", p.western)
        d.t(". no auth on file - DPA failed, no info given. advised cx to call from ").v("PHONE_NUMBER", pr.phone).t(". ")
    else:
        d.t("cx in branch w/ ").v("NRP", nat_of(rng, pr)).t(" passport ").v("PASSPORT_NUMBER", passport_for(rng, pr)[2]).t(" + proof of addr. e-mail updated to ").v("EMAIL_ADDRESS", pr.email).t(". ")
    d.t(pick(rng, ["nfa.", "cb booked tmrw am.", "logged compl " + fill(rng, "C######") + ".", "closed."]) + "\n")
    return d, pr.locale


def t_json_api(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    ind = "  " if chance(rng, 0.6) else "    "
    d.t('{\n' + ind + '"requestId": "' + fill(rng, '########-####-####-####-############').lower() + '",\n')
    d.t(ind + '"customer": {\n')
    i2 = ind * 2
    d.t(i2 + '"firstName": "').v("PERSON", p.given).t('",\n')
    d.t(i2 + '"lastName": "').v("PERSON", p.family).t('",\n')
    d.t(i2 + '"dateOfBirth": "').v("DATE_OF_BIRTH", pr.dob.isoformat()).t('",\n')
    d.t(i2 + '"email": "').v("EMAIL_ADDRESS", pr.email).t('",\n')
    d.t(i2 + '"phone": "').v("PHONE_NUMBER", pr.phone).t('",\n')
    a = pr.addr
    if chance(rng, 0.5) and "\n" not in a.street and a.city:
        d.t(i2 + '"address": {"line1": "').v("STREET_ADDRESS", a.street).t('", "city": "').v("LOCATION", a.city)
        d.t('", "postcode": "').v("POSTCODE", a.postcode).t('"},\n')
    else:
        d.t(i2 + '"address": "').v("STREET_ADDRESS", a.oneline()).t('",\n')
    if chance(rng, 0.5):
        c, scheme, nid = nid_for(rng, pr)
        d.t(i2 + '"taxId": "').v("US_SSN" if c == "US" else "NATIONAL_ID", nid).t('",\n')
    d.t(i2 + '"accounts": [{"type": "current", "number": "').v("ACCOUNT_NUMBER", V.uk_account(rng)).t('", "balance": ' + str(rng.randint(-500, 90000)) + '.' + digits(rng, 2) + '}]\n')
    d.t(ind + '},\n')
    d.t(ind + '"channel": "mobile",\n' + ind + '"clientIp": "').v("IP_ADDRESS", V.ip(rng, fk)).t('",\n')
    d.t(ind + '"timestamp": "').v("DATE", pr.ref.isoformat()).t(f'T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z",\n')
    d.t(ind + '"riskScore": ' + str(rng.randint(0, 999)) + '\n}\n')
    return d, pr.locale


def t_xml_record(rng, fk):
    pr = profile(rng, fk)
    p = pr.p
    d = Doc()
    d.t('<?xml version="1.0" encoding="UTF-8"?>\n<PolicyHolder id="' + digits(rng, 7) + '">\n')
    d.t("  <Name><Given>").v("PERSON", p.given).t("</Given><Family>").v("PERSON", p.family).t("</Family></Name>\n")
    d.t("  <BirthDate>").v("DATE_OF_BIRTH", pr.dob.isoformat()).t("</BirthDate>\n")
    d.t("  <Policy number=\"").v("ACCOUNT_NUMBER", V.policy_no(rng)).t('" product="HOME-PLUS" premium="' + str(rng.randint(100, 2000)) + '.00"/>\n')
    d.t("  <Contact>\n    <Email>").v("EMAIL_ADDRESS", pr.email).t("</Email>\n    <Mobile>").v("PHONE_NUMBER", pr.phone).t("</Mobile>\n  </Contact>\n")
    a = pr.addr
    d.t("  <Address>").v("STREET_ADDRESS", a.oneline()).t("</Address>\n")
    if chance(rng, 0.5):
        d.t("  <Occupation>").v("JOB_TITLE", V.job(rng, "gen", fk)).t("</Occupation>\n")
        d.t("  <Employer>").v("ORGANIZATION", V.org(rng, fk)).t("</Employer>\n")
    if chance(rng, 0.4):
        d.t("  <PaymentCard masked=\"false\">").v("CREDIT_CARD", V.card(rng).replace(" ", "")).t("</PaymentCard>\n")
    d.t("  <Created>").v("DATE", pr.ref.isoformat()).t("</Created>\n</PolicyHolder>\n")
    return d, pr.locale


def t_log_lines(rng, fk):
    d = Doc()
    ref = V.rdate(rng)
    svc = pick(rng, ["auth-svc", "payments-api", "kyc-worker", "portal-web", "claims-gw"])
    secs = sorted(rng.randrange(86400) for _ in range(rng.randint(4, 8)))
    for sec in secs:
        ts = f"{ref.isoformat()}T{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}.{digits(rng, 3)}Z"
        k = rng.randrange(8)
        level = "WARN" if k in (1, 7) else pick(rng, ["INFO", "INFO", "DEBUG"])
        d.v("DATE", ref.isoformat()).t(ts[10:] + f" {level:<5} [{svc}] ")
        if k == 0:
            d.t("login ok user=").v("EMAIL_ADDRESS", V.email(rng, V.person(rng, fk))).t(" src=").v("IP_ADDRESS", V.ip(rng, fk)).t("\n")
        elif k == 1:
            d.t("failed login attempts=5 src_ip=").v("IP_ADDRESS", V.ip(rng, fk)).t(" ua=\"Mozilla/5.0\" locked\n")
        elif k == 2:
            d.t("GET ").v("URL", f"https://portal.{V.slug(V.org(rng, fk, 'bank').split()[0])}.com/api/v2/customers/{digits(rng, 8)}/statements?from=2024-01").t(f" 200 {rng.randint(5, 900)}ms\n")
        elif k == 3:
            d.t("kyc.check name=\"").v("PERSON", V.person(rng, fk).full).t("\" dob=").v("DATE_OF_BIRTH", V.rdob(rng).isoformat()).t(f" result={pick(rng, ['PASS', 'REFER', 'FAIL'])}\n")
        elif k == 4:
            d.t("payment.created id=" + fill(rng, "pay_@@@@####@@") + " amount=" + str(rng.randint(1, 9999)) + " GBP to=").v("IBAN_CODE", V.iban(rng).replace(" ", "")).t("\n")
        elif k == 5:
            d.t("sms.sent to=").v("PHONE_NUMBER", V.phone(rng)).t(f" template=OTP len={rng.randint(4, 8)}\n")
        elif k == 6:
            d.t("healthcheck ok latency_ms=" + str(rng.randint(1, 80)) + " build=" + f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(300, 9999)}" + "\n")
        else:
            d.t("pan detected in free text, value=").v("CREDIT_CARD", V.card(rng)).t(" - redaction failed\n")
    return d, "en_GB"


# ==========================================================================
# Tables
# ==========================================================================
def _table_rows(rng, fk, n, cols):
    rows = []
    for _ in range(n):
        pr = profile(rng, fk)
        row = []
        for c in cols:
            if c == "Name":
                row.append(("PERSON", pr.p.render(rng, pick(rng, ["full", "last_first", "caps", "western"]))))
            elif c == "DOB":
                row.append(("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["iso", "dmy_slash", "d_mon_y"]))))
            elif c == "Phone":
                row.append(("PHONE_NUMBER", pr.phone))
            elif c == "Email":
                row.append(("EMAIL_ADDRESS", pr.email))
            elif c == "City":
                row.append(("LOCATION", pr.addr.city or pick(rng, V.CITIES)))
            elif c == "Postcode":
                row.append(("POSTCODE", pr.addr.postcode))
            elif c == "Account":
                row.append(("ACCOUNT_NUMBER", V.uk_account(rng)))
            elif c == "IBAN":
                row.append(("IBAN_CODE", V.iban(rng)))
            elif c == "Card":
                row.append(("CREDIT_CARD", V.card(rng)))
            elif c == "Age":
                row.append(("AGE", str(pr.age)))
            elif c == "Nationality":
                row.append(("NRP", nat_of(rng, pr)))
            elif c == "Job":
                row.append(("JOB_TITLE", V.job(rng, "gen", fk)))
            elif c == "Employer":
                row.append(("ORGANIZATION", V.org(rng, fk)))
            elif c == "Passport":
                row.append(("PASSPORT_NUMBER", passport_for(rng, pr)[2]))
            elif c == "SSN":
                row.append(("US_SSN", V.ssn(rng)))
            elif c == "MRN":
                row.append(("MEDICAL_RECORD_NUMBER", V.mrn(rng)))
            elif c == "IP":
                row.append(("IP_ADDRESS", V.ip(rng, fk)))
            elif c == "Balance":
                row.append(V.amount(rng))
            elif c == "Status":
                row.append(pick(rng, ["active", "dormant", "closed", "in arrears", "pending"]))
            elif c == "Ref":
                row.append(V.order_ref(rng))
        rows.append(row)
    return rows


TABLE_SETS = [["Name", "DOB", "Phone", "Postcode", "Status"], ["Name", "Email", "Account", "Balance"],
              ["Ref", "Name", "Card", "Balance"], ["Name", "Age", "Nationality", "Passport"],
              ["Name", "Job", "Employer", "Email"], ["MRN", "Name", "DOB", "Age"],
              ["Name", "IBAN", "City", "Balance"], ["Name", "SSN", "DOB", "Phone"],
              ["Email", "IP", "Status", "Ref"]]


def _cell_text(c):
    return c[1] if isinstance(c, tuple) else c


def t_table(rng, fk):
    cols = pick(rng, TABLE_SETS)
    rows = _table_rows(rng, fk, rng.randint(3, 7), cols)
    header = chance(rng, 0.55)
    style = pick(rng, ["markdown", "fixed", "pipe", "tsv", "csv"])
    d = Doc()
    d.t(pick(rng, ["Extract from CRM (pasted):\n", "Please check these records:\n", "", "See below - the ones flagged by the batch job\n\n"]))
    widths = [max([len(c)] + [len(_cell_text(r[i])) for r in rows]) + 2 for i, c in enumerate(cols)]

    def emit_cell(cell, i, last):
        if style == "fixed":
            txt = _cell_text(cell)
            d.add(cell)
            if not last:
                d.t(" " * (widths[i] - len(txt)))
        else:
            d.add(cell)

    seps = {"markdown": " | ", "pipe": "|", "tsv": "\t", "csv": ","}
    if header:
        if style == "markdown":
            d.t("| " + " | ".join(cols) + " |\n|" + "|".join("---" for _ in cols) + "|\n")
        elif style == "fixed":
            d.t("".join(c.ljust(widths[i]) for i, c in enumerate(cols)).rstrip() + "\n")
            d.t("".join(("-" * (widths[i] - 2)).ljust(widths[i]) for i in range(len(cols))).rstrip() + "\n")
        else:
            d.t(seps[style].join(cols) + "\n")
    for r in rows:
        if style == "markdown":
            d.t("| ")
        for i, cell in enumerate(r):
            last = i == len(r) - 1
            if style == "csv" and "," in _cell_text(cell):
                d.t('"').add(cell).t('"')
            else:
                emit_cell(cell, i, last)
            if not last and style != "fixed":
                d.t(seps[style])
        if style == "markdown":
            d.t(" |")
        d.t("\n")
    if chance(rng, 0.4):
        d.t("\n" + pick(rng, ["Total rows: ", "Count: "]) + str(len(rows)) + "\n")
    return d, "en_GB"


# ==========================================================================
# US-specific and Asia-specific
# ==========================================================================
def t_us_medical_billing(rng, fk):
    pr = profile(rng, fk, country="US")
    p = pr.p
    d = Doc()
    hosp = pick(rng, ["Mercy Vale Medical Center", "Lakeshore Children's Hospital", "Riverside General Hospital"])
    d.t("PATIENT ACCOUNT STATEMENT\n").v("ORGANIZATION", hosp).t("\n").v("STREET_ADDRESS", V.address(rng, fk, "US").oneline()).t("\n\n")
    d.t("Guarantor: ").v("PERSON", p.render(rng, "last_first_caps")).t("\n").v("STREET_ADDRESS", pr.addr.block()).t("\n\n")
    d.t("Patient acct #: ").v("ACCOUNT_NUMBER", digits(rng, 10, True)).t("    MRN: ").v("MEDICAL_RECORD_NUMBER", V.mrn(rng)).t("\n")
    d.t("Statement date: ").v("DATE", V.fdate(rng, pr.ref, "m/d/yyyy")).t("\n")
    s1 = V.rdate(rng, pr.ref.year - 1, pr.ref.year - 1)
    import datetime as dt
    d.t("Service dates: ").v("DATE", V.fdate(rng, s1, "m/d/yyyy")).t(" - ").v("DATE", V.fdate(rng, s1 + dt.timedelta(days=rng.randint(0, 6)), "m/d/yyyy")).t("\n\n")
    d.t(f"CPT 99284  ED visit, level 4          ${rng.randint(300, 2000)}.00\nCPT 71046  Chest X-ray 2 views          ${rng.randint(50, 400)}.00\n")
    d.t(f"Insurance adjustment                  -${rng.randint(50, 900)}.00\nAMOUNT DUE                            ${rng.randint(20, 900)}.{digits(rng, 2)}\n\n")
    d.t("For billing questions call ").v("PHONE_NUMBER", V.phone(rng, "US", ext=True)).t(".\n")
    d.t("Verification on file: SSN ").v("US_SSN", V.ssn(rng)).t(", ")
    st, dl = V.us_dl(rng)
    d.t(f"{st} driver license ").v("US_DRIVER_LICENSE", dl).t(".\n")
    d.t("Pay online at ").v("URL", "https://pay." + V.slug(hosp.split()[0]) + ".org/bill").t(" using code " + fill(rng, "@@##-####") + ".\n")
    return d, "en_US"


def t_us_dmv_check(rng, fk):
    pr = profile(rng, fk, country="US")
    p = pr.p
    d = Doc()
    st, dl = V.us_dl(rng, pick(rng, list(V.US_DL)))
    d.t("Identity verification worksheet (branch use)\n\n")
    d.t(f"1. Primary ID: {V.US_STATE_NAMES[st]} driver's license no. ").v("US_DRIVER_LICENSE", dl)
    d.t(", class " + pick(rng, ["C", "D", "M", "A"]) + ", exp. ").v("DATE", V.fdate(rng, V.rdate(rng, 2025, 2031), "m/d/yyyy")).t("\n")
    d.t("   Name as shown: ").v("PERSON", p.full.upper()).t("\n")
    d.t("   DOB: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, "m/d/yyyy")).t("   Height 5-" + str(rng.randint(0, 11)) + "  Eyes " + pick(rng, ["BRN", "BLU", "GRN", "HAZ"]) + "\n")
    d.t("   Address on license: ").v("STREET_ADDRESS", pr.addr.oneline()).t("\n")
    d.t("2. Secondary ID: ")
    if chance(rng, 0.5):
        d.t("US passport ").v("PASSPORT_NUMBER", V.passport(rng, "US")[2]).t("\n")
    else:
        d.t("Social Security card, SSN ").v("US_SSN", V.ssn(rng)).t("\n")
    d.t("3. Customer states " + p.pronoun + " is ").v("AGE", V.num_words(pr.age) if chance(rng, 0.3) else str(pr.age))
    d.t(" and works as ").v("JOB_TITLE", V.job(rng, "gen", fk)).t(" for ").v("ORGANIZATION", V.org(rng, fk, "co", suffix=True)).t(".\n")
    d.t("4. Mismatch? " + pick(rng, ["No", "Yes - middle initial missing on license", "Yes - old address"]) + "\n")
    d.t("Checked by: ").v("PERSON", V.person(rng, fk).initial).t(" / teller #" + digits(rng, 3) + "\n")
    return d, "en_US"


def t_asia_kyc(rng, fk):
    d = Doc()
    k = rng.randrange(4)
    if k == 0:
        p = V.person(rng, fk, "japanese")
        dob = V.rdob(rng)
        d.t("Non-resident account application (").v("LOCATION", "Japan").t(")\nName (romaji): ").v("PERSON", p.full.upper()).t("\n")
        d.t("Date of birth: ").v("DATE_OF_BIRTH", V.fdate(rng, dob, pick(rng, ["iso", "ymd_slash", "d_mon_y"]))).t("\n")
        d.t("Address: ").v("STREET_ADDRESS", V.address(rng, fk, "JP").oneline()).t("\n")
        d.t("Phone: ").v("PHONE_NUMBER", V.phone(rng, "JP")).t("\nMy Number (individual number): ").v("NATIONAL_ID", V.my_number(rng)).t("\n")
        d.t("Passport: ").v("PASSPORT_NUMBER", V.passport(rng, "JP")[2]).t("\n")
        loc = "ja_JP"
    elif k == 1:
        p = V.person(rng, fk, "korean")
        dob = V.rdob(rng)
        d.t("Applicant ").v("PERSON", p.full).t(" (").v("NRP", "South Korean").t("), RRN ").v("NATIONAL_ID", V.rrn(rng, dob, p.sex)).t(", born ")
        d.v("DATE_OF_BIRTH", V.fdate(rng, dob, "iso")).t(". Mobile ").v("PHONE_NUMBER", V.phone(rng, "KR")).t(", e-mail ").v("EMAIL_ADDRESS", V.email(rng, p, "naver.com")).t(".\n")
        d.t("Employer: ").v("ORGANIZATION", pick(rng, ["Hanbit Electronics Co., Ltd.", "Daeil Shipping", "Seoul Semicon Corp."])).t(", ").v("JOB_TITLE", pick(rng, ["Senior Researcher", "Team Leader", "Assistant Manager"])).t(".\n")
        loc = "ko_KR"
    elif k == 2:
        p = V.person(rng, fk, pick(rng, ["chinese", "cantonese"]))
        dob = V.rdob(rng)
        d.v("LOCATION", "Hong Kong").t(" client onboarding - ").v("PERSON", p.full).t("\nHKID: ").v("NATIONAL_ID", V.hkid(rng, not chance(rng, 0.1))).t("\nDOB: ")
        d.v("DATE_OF_BIRTH", V.fdate(rng, dob, "dmy_slash")).t("\nTel: ").v("PHONE_NUMBER", V.phone(rng, "HK")).t("\n")
        if chance(rng, 0.6):
            d.t("Mainland mobile: ").v("CN_MOBILE", Z.cn_mobile(rng, 7)).t("\nMainland ID: ").v("CN_RESIDENT_ID", Z.cn_id(rng, dob, p.sex)[0]).t("\n")
        d.t("Nationality: ").v("NRP", "Chinese").t("\n")
        loc = "zh_CN"
    else:
        p = V.person(rng, fk, pick(rng, ["vietnamese", "chinese", "tamil"]))
        dob = V.rdob(rng)
        d.v("LOCATION", "Singapore").t(" branch - joint account second holder: ").v("PERSON", p.full).t(", NRIC ").v("NATIONAL_ID", V.nric(rng, not chance(rng, 0.1)))
        d.t(", DOB ").v("DATE_OF_BIRTH", V.fdate(rng, dob, "d_mon_y")).t(", mobile ").v("PHONE_NUMBER", V.phone(rng, "SG")).t(".\n")
        blk = rng.randint(100, 999)
        sg = f"Blk {blk} {pick(rng, ['Tampines Street 81', 'Ang Mo Kio Avenue 3', 'Jurong West Street 42', 'Bedok North Road'])}, #{rng.randint(2, 20):02d}-{rng.randint(1, 400)}, Singapore {rng.randint(1, 82):02d}{blk % 10000:04d}"
        d.t("Lives at ").v("STREET_ADDRESS", sg).t(". Religion: ").v("NRP", pick(rng, ["Buddhist", "Muslim", "Hindu", "Christian", "Taoist"])).t(".\n")
        loc = "en_US"
    return d, loc


def t_europe_kyc(rng, fk):
    c = pick(rng, ["PL", "NL", "ES", "IT", "SE", "DK", "FR", "DE", "CZ", "HU", "BR", "MX", "ZA", "NG", "IN"])
    pr = profile(rng, fk, country=c)
    p = pr.p
    d = Doc()
    d.t(pick(rng, ["Customer due diligence record\n", "Account opening - manual review\n", "Identity summary\n"]))
    d.t("Holder: ").v("PERSON", p.full).t("\n")
    d.t("Born: ").v("DATE_OF_BIRTH", V.fdate(rng, pr.dob, pick(rng, ["dd.mm.yyyy", "dmy_slash", "iso", "d_month_y"])))
    d.t(" in ").v("LOCATION", pr.addr.city or pick(rng, V.CITIES)).t("\n")
    cc, scheme, nid = nid_for(rng, pr)
    d.t(f"{scheme}: ").v("US_SSN" if cc == "US" else "NATIONAL_ID", nid).t("\n")
    d.t("Address:\n").v("STREET_ADDRESS", pr.addr.block(with_country=chance(rng, 0.5))).t("\n")
    d.t("Phone: ").v("PHONE_NUMBER", pr.phone).t("\n")
    if c in V.IBAN_SPECS:
        d.t("Salary account: ").v("IBAN_CODE", V.iban(rng, c)).t("\n")
    d.t("Occupation: ").v("JOB_TITLE", V.job(rng, "gen", fk)).t(", ").v("ORGANIZATION", V.org(rng, fk, "co", suffix=True)).t("\n")
    d.t("Nationality: ").v("NRP", nat_of(rng, pr)).t("\n")
    return d, pr.locale


def t_mortgage_summary(rng, fk):
    pr = profile(rng, fk, min_age=22, max_age=60)
    p = pr.p
    p2 = profile(rng, fk, country=pr.country, min_age=22, max_age=60)
    d = Doc()
    bank = V.org(rng, fk, "bank")
    d.t("Mortgage application summary - ").v("ORGANIZATION", bank).t("\n\n")
    d.t("Applicant 1: ").v("PERSON", p.full).t(", ").v("AGE", str(pr.age)).t(", ").v("JOB_TITLE", V.job(rng, "gen", fk)).t(" at ").v("ORGANIZATION", V.org(rng, fk)).t("\n")
    d.t("Applicant 2: ").v("PERSON", p2.p.full).t(", ").v("AGE", str(p2.age)).t(", ").v("JOB_TITLE", V.job(rng, "gen", fk)).t("\n")
    d.t("Security property: ").v("STREET_ADDRESS", V.address(rng, fk, pr.country).oneline()).t("\n")
    d.t("Current address: ").v("STREET_ADDRESS", pr.addr.oneline()).t(" (since " + str(rng.randint(2005, 2023)) + ")\n")
    d.t(f"Loan: {V.amount(rng)} over {rng.randint(15, 35)} years, LTV {rng.randint(50, 95)}%, rate {rng.randint(3, 6)}.{rng.randint(0, 99):02d}% fixed 5 yrs\n")
    d.t("Deposit source: gift from ").v("PERSON", V.person(rng, fk).western).t(f" ({pick(rng, ['mother', 'father', 'grandparent', 'uncle'])}) - gifted deposit letter received ")
    d.v("DATE", V.fdate(rng, pr.ref, "d_mon_y")).t("\n")
    d.t("Broker: ").v("PERSON", V.person(rng, fk).western).t(", ").v("ORGANIZATION", V.org(rng, fk, "co", suffix=True)).t(", ").v("EMAIL_ADDRESS", V.email(rng, V.person(rng, fk))).t("\n")
    d.t("Underwriter notes: credit file shows 1 late payment (").v("DATE", V.fdate(rng, V.rdate(rng, 2021, 2023), "short")).t("), explained. Approve subject to valuation.\n")
    return d, pr.locale


# ==========================================================================
# Negative templates (no personal data, near misses)
# ==========================================================================
def n_order_confirmation(rng, fk):
    d = Doc()
    d.t(f"Order {V.order_ref(rng)} confirmed\n\n")
    for _ in range(rng.randint(2, 5)):
        d.t(f"  {fill(rng, '@@@-#####-@')}  {pick(rng, ['USB-C cable 2m', 'A4 paper 5 reams', 'Toner cartridge 305A', 'Desk lamp', 'Lanyards x50'])}  x{rng.randint(1, 9)}  {V.amount(rng)}\n")
    d.t(f"\nSubtotal {V.amount(rng)}\nVAT (20%) {V.amount(rng)}\nDelivery: standard, 3-5 working days\nTracking: {fill(rng, '@@#########GB')}\n")
    d.t(f"Invoice {fill(rng, 'INV-#####')} will follow. Card payment authorised for the card ending {digits(rng, 4)}.\n")
    return d, "en_GB"


def n_branch_notice(rng, fk):
    d = Doc()
    d.t("Branch opening hours (from next month)\n\n")
    d.t(f"Mon-Fri  09:{pick(rng, ['00', '30'])} - 16:{pick(rng, ['30', '00'])}\nSat      09:00 - 12:30\nSun      closed\n\n")
    d.t(f"Cash machines are available 24/7. The night safe will close at 17:45. Coin deposits over {V.amount(rng)} need 48 hours' notice.\n")
    d.t(f"Sort code {V.sort_code(rng)} remains unchanged. BIC {V.bic(rng)}.\n")
    return d, "en_GB"


def n_regulatory_memo(rng, fk):
    d = Doc()
    d.t("Compliance memo - retention of call recordings\n\n")
    d.t(f"Under Article {rng.randint(5, 99)}({rng.randint(1, 5)})({pick(rng, 'abcdef')}) of the Regulation and rule SYSC {rng.randint(3, 10)}.{rng.randint(1, 9)}.{rng.randint(1, 20)}R, recordings must be kept for ")
    d.t(f"{rng.randint(5, 7)} years. Section {rng.randint(1, 12)}.{rng.randint(1, 9)} of the internal policy (v{rng.randint(1, 9)}.{rng.randint(0, 9)}) applies. ")
    d.t(f"Exceptions need sign-off under control {fill(rng, '@@-###')}. Error rate in Q{rng.randint(1, 4)} sampling: {rng.randint(1, 9)}.{rng.randint(0, 9)}%.\n")
    d.t(f"Ticket {fill(rng, 'CHG#######')} tracks the config change to the archive (build {rng.randint(2, 9)}.{rng.randint(10, 99)}.{rng.randint(256, 9999)}.{rng.randint(256, 999)}).\n")
    return d, "en_GB"


def n_lab_reference(rng, fk):
    d = Doc()
    d.t("Reference ranges - adult (biochemistry)\n")
    d.t(f"{'Analyte':<16}{'Range':<16}{'Units':<10}\n")
    for name, rngs, unit in [("Sodium", "133-146", "mmol/L"), ("Potassium", "3.5-5.3", "mmol/L"), ("Urea", "2.5-7.8", "mmol/L"),
                             ("Creatinine", "59-104", "umol/L"), ("CRP", "<5", "mg/L"), ("HbA1c", "20-41", "mmol/mol"),
                             ("Ferritin", "30-400", "ug/L"), ("Vit B12", "197-771", "ng/L")][:rng.randint(4, 8)]:
        d.t(f"{name:<16}{rngs:<16}{unit:<10}\n")
    d.t(f"\nSamples received after 16:00 are processed next day. Haemolysed samples (HI > {rng.randint(50, 200)}) will be rejected. Tube code {fill(rng, '@@##')}.\n")
    return d, "en_GB"


def n_it_ticket(rng, fk):
    d = Doc()
    d.t(f"Ticket {fill(rng, 'INC#######')} - Priority P{rng.randint(1, 4)}\n")
    d.t(f"Summary: batch job {fill(rng, '@@@_####')} failed at step {rng.randint(1, 30)} with exit code {rng.randint(1, 255)}\n")
    d.t(f"Impact: {rng.randint(10, 9000)} statements delayed. Queue depth {rng.randint(100, 99999)}. Error ORA-{digits(rng, 5)}.\n")
    d.t(f"Workaround: rerun from checkpoint {digits(rng, 6)}; increase heap to {rng.randint(2, 16)} GB. SLA breach at 14:00.\n")
    return d, "en_GB"


def n_rate_sheet(rng, fk):
    d = Doc()
    d.t("Savings rates (gross/AER)\n")
    for prod in ["Easy Access", "Fixed 1 Year Bond", "Fixed 2 Year Bond", "Cash ISA", "Regular Saver"][:rng.randint(3, 5)]:
        d.t(f"  {prod:<20} {rng.randint(1, 5)}.{rng.randint(0, 99):02d}%   min deposit {V.amount(rng)}   product code {fill(rng, '@@###')}\n")
    d.t(f"Rates correct at time of printing. Tier 2 applies over {V.amount(rng)}. Reference {fill(rng, 'RS/##/###')}.\n")
    return d, "en_GB"


def n_faq(rng, fk):
    d = Doc()
    d.t("Q: How long does a card replacement take?\nA: Usually 3 to 5 working days. Express delivery costs " + V.amount(rng) + ".\n\n")
    d.t("Q: Can I see my full card number in the app?\nA: The app shows only the last four digits, e.g. **** **** **** " + digits(rng, 4) + ".\n\n")
    d.t(f"Q: What is the daily cash limit?\nA: {V.amount(rng)} at cash machines, {V.amount(rng)} over the counter. Chip and PIN transactions above {V.amount(rng)} may be declined abroad.\n")
    return d, "en_GB"


def n_claims_stats(rng, fk):
    d = Doc()
    d.t("| Month | Claims opened | Closed | Avg days | Fraud referrals |\n|---|---|---|---|---|\n")
    for m in rng.sample(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"], rng.randint(3, 6)):
        d.t(f"| {m} | {rng.randint(100, 5000)} | {rng.randint(100, 5000)} | {rng.randint(3, 60)}.{rng.randint(0, 9)} | {rng.randint(0, 90)} |\n")
    d.t(f"\nTarget: close 80% within 30 days. Report id {fill(rng, 'MI-####-@@')}.\n")
    return d, "en_GB"


POSITIVE = [
    ("en_email_address_change", t_email_address_change, 4),
    ("en_email_kyc_docs", t_email_kyc_docs, 4),
    ("en_email_fraud_alert_reply", t_email_fraud_alert_reply, 3),
    ("en_email_hr_onboarding", t_email_hr_onboarding, 3),
    ("en_letter_overdraft", t_letter_overdraft, 3),
    ("en_letter_claim_decision", t_letter_claim_decision, 3),
    ("en_letter_clinic", t_letter_clinic, 3),
    ("en_letter_appointment", t_letter_appointment, 3),
    ("en_letter_bereavement", t_letter_bereavement, 2),
    ("en_call_card_block", t_call_card_block, 4),
    ("en_call_address_update", t_call_address_update, 3),
    ("en_chat_web", t_chat_web, 3),
    ("en_nursing_handover", t_nursing_handover, 3),
    ("en_discharge_summary", t_discharge_summary, 3),
    ("en_referral_form", t_referral_form, 3),
    ("en_lab_report", t_lab_report, 3),
    ("en_prescription_note", t_prescription_note, 2),
    ("en_claim_form_prose", t_claim_form_prose, 3),
    ("en_travel_claim", t_travel_claim, 3),
    ("en_fraud_notes", t_fraud_notes, 3),
    ("en_kyc_prose", t_kyc_prose, 4),
    ("en_wire_request", t_wire_request, 3),
    ("en_complaint_letter", t_complaint_letter, 2),
    ("en_hr_record", t_hr_record, 3),
    ("en_meeting_minutes", t_meeting_minutes, 3),
    ("en_sms", t_sms, 4),
    ("en_free_notes", t_free_notes, 4),
    ("en_json_api", t_json_api, 3),
    ("en_xml_record", t_xml_record, 2),
    ("en_log_lines", t_log_lines, 3),
    ("en_table", t_table, 6),
    ("en_us_medical_billing", t_us_medical_billing, 2),
    ("en_us_dmv_check", t_us_dmv_check, 3),
    ("en_asia_kyc", t_asia_kyc, 3),
    ("en_europe_kyc", t_europe_kyc, 4),
    ("en_mortgage_summary", t_mortgage_summary, 2),
]
NEGATIVE = [
    ("en_neg_order_confirmation", n_order_confirmation, 1),
    ("en_neg_branch_notice", n_branch_notice, 1),
    ("en_neg_regulatory_memo", n_regulatory_memo, 1),
    ("en_neg_lab_reference", n_lab_reference, 1),
    ("en_neg_it_ticket", n_it_ticket, 1),
    ("en_neg_rate_sheet", n_rate_sheet, 1),
    ("en_neg_faq", n_faq, 1),
    ("en_neg_claims_stats", n_claims_stats, 1),
]
