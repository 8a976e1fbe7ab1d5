"""English templates. Each returns (pieces, case). Pieces: str or (ENTITY_TYPE, value)."""

from __future__ import annotations


def V(t, v):
    return (t, v)


def mortgage(g):
    n1, l1 = g.person()
    n2, _ = g.person()
    dob, age = g.dob()
    return [
        "MORTGAGE APPLICATION - ADVISER NOTES\n", "Applicant 1: ", V("PERSON", n1), " (DOB ", V("DATE_OF_BIRTH", dob), ", age ",
        V("AGE", str(age)), ")\nEmployer: ", V("ORGANIZATION", g.org()), ", role ", V("JOB_TITLE", g.job()),
        "\nApplicant 2: ", V("PERSON", n2), "\nSecurity property: ", V("STREET_ADDRESS", g.address()),
        f"\nLoan requested {g.amount()}, ref {g.order()}. Salary credited to acct ", V("ACCOUNT_NUMBER", g.account()),
        f" (last 4 of debit card {g.last4()}); deposit from ", V("IBAN_CODE", g.iban()), ".\nValuation booked for ", V("DATE", g.date()), f" at {g.time()}.",
    ], None


def pharmacy(g):
    n, _ = g.person()
    dob, _ = g.dob()
    rows = [f"{g.time()} | Rx {g.order()} | "]
    return [
        *rows, V("PERSON", n), " | DOB ", V("DATE_OF_BIRTH", dob), " | NHS/MRN ", V("MEDICAL_RECORD_NUMBER", g.mrn()),
        " | amoxicillin 500mg x21 | collected by ", V("PERSON", g.person()[0]), " | tel ", V("PHONE_NUMBER", g.phone()),
        f" | charge {g.amount()} paid by card ", V("CREDIT_CARD", g.card()), f" (auth {g.otp()})",
    ], None


def hr_absence(g):
    n, last = g.person(style="full")
    mgr, _ = g.person(style="full")
    return [
        "Subject: absence - ", V("PERSON", n), "\n\nHi ", V("PERSON", mgr.split()[0]),
        ",\n\nJust letting you know I won't be in from ", V("DATE", g.date()), " until ", V("DATE", g.date()),
        ". My GP has signed me off; the fit note is attached. If anything urgent comes up my personal mobile is ",
        V("PHONE_NUMBER", g.phone()), " or ", V("EMAIL_ADDRESS", g.email(n)),
        f".\n\nPayroll ref {g.order()} - please don't dock the {g.amount()} bonus.\n\nThanks,\n", V("PERSON", n), "\n",
        V("JOB_TITLE", g.job()), ", ", V("ORGANIZATION", g.org()),
    ], None


def visa_chat(g):
    n, _ = g.person()
    dob, _ = g.dob()
    return [
        "[visa desk] agent: hello, how can i help\n[visa desk] customer: hi my passport is ", V("PASSPORT_NUMBER", g.passport()),
        " and i applied on ", V("DATE", g.date()), "\n[visa desk] agent: name as on passport pls\n[visa desk] customer: ",
        V("PERSON", n), "\n[visa desk] customer: born ", V("DATE_OF_BIRTH", dob), " in ", V("LOCATION", g.city()),
        f", i'm ", V("NRP", g.nrp()), "\n[visa desk] customer: i can also show my driving licence ", V("DRIVER_LICENSE", g.dl(n.split()[-1])), f"\n[visa desk] agent: thanks. your appointment code is {g.otp()}, slot {g.time()}. "
        "we will write to ", V("EMAIL_ADDRESS", g.email(n)),
    ], "lower" if g.r.random() < 0.4 else None


def adjuster(g):
    n, last = g.person()
    st, dl = g.us_dl()
    return [
        "Adjuster call notes - claim ", g.order(), "\nSpoke w/ insured ", V("PERSON", n), " on ", V("PHONE_NUMBER", g.phone("en_US")),
        ". Says other driver ", V("PERSON", g.person("en_US")[0]), f" ({st} DL ", V("US_DRIVER_LICENSE", dl),
        ") ran the light near ", V("LOCATION", g.f("en_US").city()), ". Insured SSN on file ", V("US_SSN", g.ssn()),
        ". Claim lodged online from IP ", V("IP_ADDRESS", g.ip()), f". Estimate {g.amount()}. Payout to card ending {g.last4()}. Follow up ", V("DATE", g.date()), ".",
    ], None


def legal_intake(g):
    n, last = g.person()
    dob, age = g.dob()
    return [
        "LEGAL INTAKE FORM\nClient name: ", V("PERSON", n), "\nDate of birth: ", V("DATE_OF_BIRTH", dob),
        "\nAddress: ", V("STREET_ADDRESS", g.address()), "\nNational ID: ", V("NATIONAL_ID", g.national_id()),
        "\nPhone: ", V("PHONE_NUMBER", g.phone()), "\nOpposing party: ", V("ORGANIZATION", g.org()),
        "\nOnline profile: ", V("URL", g.url(n)), "\nBackground (for conflicts check): ", V("NRP", g.nrp()), f"\nMatter no.: {g.order()}\nFee estimate: {g.amount()}",
    ], None


def safeguarding(g):
    child, last = g.person(style="full")
    parent, _ = g.person(style="full")
    age = g.r.randrange(5, 17)
    return [
        "Safeguarding note (confidential). ", V("PERSON", child.split()[0]), " (Year ", str(max(1, age - 5)), ", age ",
        V("AGE", str(age)), ") disclosed to ", V("PERSON", g.person()[0]), " that things at home are difficult. Mum, ",
        V("PERSON", parent), ", was called on ", V("PHONE_NUMBER", g.phone()), f" at {g.time()}. Family lives at ",
        V("STREET_ADDRESS", g.address()), ". Concerning posts seen on ", V("URL", g.url(child)), ". DSL informed; referral ", g.order(), " logged ", V("DATE", g.date()), ".",
    ], None


def telehealth(g):
    n, _ = g.person()
    dob, age = g.dob()
    return [
        "Dr. ", V("PERSON", g.person(style="full")[1]), ": Can you confirm your date of birth?\nPatient: ", V("DATE_OF_BIRTH", dob),
        "\nDr.: And your full name?\nPatient: ", V("PERSON", n), "\nPatient: my hospital number is ",
        V("MEDICAL_RECORD_NUMBER", g.mrn()), ", I'm ", V("AGE", str(age)),
        " and I work as a ", V("JOB_TITLE", g.job()), "\nDr.: Thanks. The session link was sent from IP ", V("IP_ADDRESS", g.ip()),
        f"; your code is {g.otp()}.",
    ], None


def fraud_case(g):
    n, _ = g.person()
    return [
        "FRAUD ALERT CASE ", g.order(), "\n- customer: ", V("PERSON", n), "\n- card: ", V("CREDIT_CARD", g.card()),
        "\n- login IP: ", V("IP_ADDRESS", g.ip()), " (", V("LOCATION", g.city()), ")\n- payee IBAN: ", V("IBAN_CODE", g.iban()),
        f"\n- amount: {g.amount()} at {g.time()}\n- contact: ", V("EMAIL_ADDRESS", g.email(n)), " / ", V("PHONE_NUMBER", g.phone()), "\n- SSN (US profile): ", V("US_SSN", g.ssn()), "\n- blocked on ",
        V("DATE", g.date()),
    ], None


def probate(g):
    dec, last = g.person(style="full")
    ex, _ = g.person(style="full")
    dob, _ = g.dob()
    return [
        "Dear ", V("PERSON", ex), ",\n\nRe: the estate of the late ", V("PERSON", dec), " (born ", V("DATE_OF_BIRTH", dob),
        ", died ", V("DATE", g.date()), ")\n\nWe are sorry for your loss. To release the funds held in account ",
        V("ACCOUNT_NUMBER", g.account()), " we need the grant of probate and a copy of your passport (", V("PASSPORT_NUMBER", g.passport()),
        " noted); if easier call us back on ", V("PHONE_NUMBER", g.phone()), ". Funds will be paid to ", V("IBAN_CODE", g.iban()), f". Our reference: {g.order()}.\n\nYours sincerely\n",
        V("PERSON", g.person()[0]), "\nBereavement Team, ", V("ORGANIZATION", g.org()),
    ], None


def dental(g):
    n, last = g.person(style="full")
    title = g.pick(["Mr", "Mrs", "Ms", "Mx", "Dr"])
    return [
        V("STREET_ADDRESS", g.address()), "\n\nDear ", title, " ", V("PERSON", last), ",\n\nYou are due your six-month check-up. "
        "We have pencilled you in for ", V("DATE", g.date()), f" at {g.time()}. Please call {g.pick(['0800 123 000', 'reception'])} to change it. "
        "Patient no. ", V("MEDICAL_RECORD_NUMBER", g.mrn()), f". Outstanding balance {g.amount()}.\n\nDr ",
        V("PERSON", g.person()[0]), "\n", V("ORGANIZATION", g.org()),
    ], None


def sheet_rows(g):
    out = ["name\tdob\temail\tphone\tpostcode\tnotes\n"]
    for _ in range(g.r.randrange(2, 4)):
        n, _ = g.person()
        dob, _ = g.dob()
        out += [V("PERSON", n), "\t", V("DATE_OF_BIRTH", dob), "\t", V("EMAIL_ADDRESS", g.email(n)), "\t",
                V("PHONE_NUMBER", g.phone()), "\t", V("POSTCODE", g.postcode()), f"\tpaid {g.amount()} {g.order()}\n"]
    return out, None


def slack(g):
    n, _ = g.person()
    h = g.pick(["kyc-desk", "ops-lead", "fraud-oncall", "jo.b", "payments-team", "tier2"])
    return [
        f"@{h} can you check this one? customer ", V("PERSON", n.lower()), " says their driving licence ",
        V("DRIVER_LICENSE", g.dl(n.split()[-1])), " was rejected. they're at ", V("POSTCODE", g.postcode()),
        f"\n:eyes: @ops-team ticket {g.order()}\n@{h}: profile ", V("URL", g.url(n)), " matches, dob ", V("DATE_OF_BIRTH", g.dob()[0]), f"\n@{h}: US side says their license is ", V("US_DRIVER_LICENSE", g.us_dl()[1]), " and SSN ", V("US_SSN", g.ssn()),
    ], None


def dictation(g):
    n, _ = g.person(style="full")
    dob, age = g.dob()
    return [
        "dictation begins patient ", V("PERSON", n), " date of birth ", V("DATE_OF_BIRTH", dob), " ", V("AGE", str(age)),
        " year old ", V("NRP", g.nrp()), " ", V("JOB_TITLE", g.job()), " lives at ", V("STREET_ADDRESS", g.address()),
        " seen today ", V("DATE", g.date()), " bp 130 over 85 next of kin ", V("PERSON", g.person(style="full")[0]),
        " phone ", V("PHONE_NUMBER", g.phone(intl=False)), " end of dictation",
    ], "lower"


def debt_letter(g):
    n, last = g.person(style="full")
    return [
        "NOTICE OF INTENDED PROCEEDINGS\n\n", V("PERSON", n.upper()), "\n", V("STREET_ADDRESS", g.address()),
        "\n\nDear ", g.pick(["Mr", "Ms", "Mrs"]), " ", V("PERSON", last), f",\n\nThe balance of {g.amount()} on account ",
        V("ACCOUNT_NUMBER", g.account()), " remains unpaid since ", V("DATE", g.date()), ". Unless payment is received within 14 days "
        "we will issue a claim. Pay by card or to IBAN ", V("IBAN_CODE", g.iban("GB")), f" quoting {g.order()}.\n\n",
        V("ORGANIZATION", g.org()), " Collections",
    ], None


def sar(g):
    n, _ = g.person()
    st, dl = g.us_dl()
    dob, _ = g.dob()
    return [
        "Subject Access Request under Article 15 GDPR\n\nI, ", V("PERSON", n), ", request a copy of all personal data you hold about me. "
        "Identifiers to help you locate it:\n* date of birth: ", V("DATE_OF_BIRTH", dob), "\n* former address: ",
        V("STREET_ADDRESS", g.address()), "\n* email used: ", V("EMAIL_ADDRESS", g.email(n)), "\n* customer number: ",
        V("ACCOUNT_NUMBER", g.account()), "\n* IP addresses I logged in from, e.g. ", V("IP_ADDRESS", g.ip()),
        "\n* national ID: ", V("NATIONAL_ID", g.national_id()), "\n* phone: ", V("PHONE_NUMBER", g.phone()),
        "\n* when I lived in the US, licence ", st, " ", V("US_DRIVER_LICENSE", dl), f"\nPlease reply within one month (by {g.pick(['the deadline', 'law'])}).",
    ], None


def nopii_ops(g):
    return [f"Shift handover {g.time()}: queue at 14, ticket {g.order()} escalated, refund {g.amount()} approved, OTP {g.otp()} "
            f"expired, card ending {g.last4()} replaced. Printer on floor 2 broken again."], None


def nopii_policy(g):
    return [f"REMINDER: never read a full card number aloud. Quote only the last four digits (e.g. {g.last4()}). "
            f"Refunds above {g.amount()} need sign-off. Ref {g.order()}."], None


# name, split, function, count
TEMPLATES = [
    ("en5.mortgage", "dev", mortgage, 40), ("en5.pharmacy", "dev", pharmacy, 45), ("en5.hr_absence", "dev", hr_absence, 40),
    ("en5.visa_chat", "dev", visa_chat, 40), ("en5.adjuster", "dev", adjuster, 38), ("en5.legal_intake", "dev", legal_intake, 36),
    ("en5.safeguarding", "dev", safeguarding, 36), ("en5.sheet_rows", "dev", sheet_rows, 30), ("en5.nopii_ops", "dev", nopii_ops, 15),
    ("en5.telehealth", "test", telehealth, 40), ("en5.fraud_case", "test", fraud_case, 40), ("en5.probate", "test", probate, 36),
    ("en5.dental", "test", dental, 38), ("en5.slack", "test", slack, 40), ("en5.dictation", "test", dictation, 36),
    ("en5.debt_letter", "test", debt_letter, 36), ("en5.sar", "test", sar, 36), ("en5.nopii_policy", "test", nopii_policy, 15),
]
