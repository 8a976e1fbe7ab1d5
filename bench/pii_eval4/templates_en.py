"""English templates of pii_eval4: (id, split, family, text, options).

Slots are ``{generator}`` or ``{generator@2}`` (second person of the record); see ``values_en.GENS``. Options:
``case`` ("lower" / "upper": the whole record, values included, as typed), ``ocr`` (scanned-form spacing noise on
the literal text), ``n`` (instances instead of the default).

Families are split by kind of text: the dev split has assistant questions, CRM notes and call wrap-ups, SBAR
handovers, KYC checklists, SMS/WhatsApp threads and semicolon records; the test split has e-mail replies with
quoted history, referral letters, complaint logs, OCR'd scanned forms, bulleted case lists, voicemail and
chat-escalation transcripts and pharmacy/lab messages.  Both cover every entity type.
"""

T = []


def t(tid, split, family, text, **opts):
    T.append((tid, split, family, text, opts))


# ============================================================ DEV: questions typed to the staff assistant
t("en4.ask.01", "dev", "ask",
  "hi can you check why {full_lower} cant log in, dob {dob} and the email on file is {email}", case="lower")
t("en4.ask.02", "dev", "ask",
  "customer {fl} says the card {card} was declined at {org} on {date_short}, whats the next step")
t("en4.ask.03", "dev", "ask",
  "pls draft a letter to {title} {last} at {address} explaining the overdraft fee, acct no {account}",
  case="lower")
t("en4.ask.04", "dev", "ask",
  "how do i update the phone for {full}? old one {phone} new one {phone_intl}. he moved to {city}")
t("en4.ask.05", "dev", "ask",
  "is iban {iban} valid? its for {full} who banks with {bank}")
t("en4.ask.06", "dev", "ask",
  "summarise this for me: pt {full_lower} {age}yo {job} admitted {date} hosp no {mrn}", case="lower")
t("en4.ask.07", "dev", "ask",
  "can u translate to spanish - dear {first}, your appointment at {hospital} is on {date}. call {phone} to change")
t("en4.ask.08", "dev", "ask",
  "whats the ssn format? customer gave {ssn} and dl {dl} ({dl_state}) is that ok for kyc", locales=["en_US"])

# ============================================================ DEV: CRM notes and call wrap-ups
t("en4.crm.01", "dev", "crm",
  "Call wrap-up {date} {time}: spoke w/ {full} re missed payment. Cust confirmed DOB {dob} + postcode {postcode}. "
  "Agreed plan, next contact {phone}. Ref {ref}.")
t("en4.crm.02", "dev", "crm",
  "CRM NOTE // {full_caps} // {email} // prefers WhatsApp on {phone_intl} // works as {job} at {org} // "
  "profile {url} // vulnerable flag: no")
t("en4.crm.03", "dev", "crm",
  "Outbound call to {title} {last} - no answer. Left VM on {phone}. 2nd attempt to {phone@2} (daughter {first@2}) "
  "ok, she will pass msg on. Sort code {sortcode} confirmed, acct ending {last4}.")
t("en4.crm.04", "dev", "crm",
  "wrap: {first} called about fraud on card {card}. txns from IP {ip} not hers. card blocked, new one to "
  "{address}. {he} was upset, ref {ref}")
t("en4.crm.05", "dev", "crm",
  "Customer {full} ({nationality}, {age}) opened joint account with partner {full@2}. ID seen: passport "
  "{passport}. Employer {org}.")

# ============================================================ DEV: SBAR clinical handover
t("en4.sbar.01", "dev", "sbar",
  "SBAR handover {ward}\nS: {full}, {age}yo, hosp no {mrn}, chest pain since {date_short}\nB: {job}, lives "
  "{address}, NOK {fl@2} {phone@2}\nA: BP {bp}, stable\nR: repeat trop, r/v by reg")
t("en4.sbar.02", "dev", "sbar",
  "Situation - {fl} (DOB {dob}) fell on ward.\nBackground - admitted from {hospital} on {date}.\n"
  "Assessment - obs fine.\nRecommendation - inform GP at {hospital@2}, family contact {phone}.")
t("en4.sbar.03", "dev", "sbar",
  "handover nights: bed 4 {full_lower} {age}yo mrn {mrn} - sepsis query, nok husband {first_lower@2} on "
  "{phone}. bed 5 {full_lower@2} mrn {mrn@2} for dc tmrw", case="lower")

# ============================================================ DEV: KYC checklist
t("en4.kyc.01", "dev", "kyc",
  "KYC CHECKLIST\n[x] Name: {full}\n[x] DOB: {dob}\n[x] Nationality: {nationality}\n[x] ID doc: passport "
  "{passport} issued by {country}\n[x] Proof of address: utility bill, {address}\n[ ] Source of funds\n"
  "Occupation: {job}")
t("en4.kyc.02", "dev", "kyc",
  "EDD review - {full} - PEP: no - national ID {natid} - tax residence {country} - employer {org} - "
  "contact {email} / {phone}")
t("en4.kyc.03", "dev", "kyc",
  "Verification done for {full}: licence {dl} ({dl_state}), SSN last 4 {last4}, full SSN {ssn} held in vault. "
  "Religion recorded as {nrp} for chaplaincy only.", locales=["en_US"])

# ============================================================ DEV: SMS / WhatsApp
t("en4.sms.01", "dev", "sms",
  "[{time}] {first}: hiya its {fl} my new no is {phone} pls update\n[{time}] Bank: Thanks {first}, "
  "can you confirm your date of birth?\n[{time}] {first}: {dob}")
t("en4.sms.02", "dev", "sms",
  "Reminder: {first}, your appt at {hospital} is {date} at {time}. Reply STOP to opt out. Queries: {phone_local}")
t("en4.sms.03", "dev", "sms",
  "omg {first_lower} my card got swallowed at the atm on {street} lol. can u send me ur iban {iban} so i can pay "
  "u back", case="lower")
t("en4.sms.04", "dev", "sms",
  "Hi this is {full} from {org}, just checking {first@2} got the docs? my email is {work_email} if easier, or see {url}")

# ============================================================ DEV: semicolon-separated records and lists
t("en4.semi.01", "dev", "semi",
  "{last_first}; {dob}; {email}; {phone}; {postcode}\n{last_first@2}; {dob@2}; {email@2}; {phone@2}; {postcode@2}")
t("en4.semi.02", "dev", "semi",
  "payee={full};iban={iban};bank={bank};city={city};amount={amount}")
t("en4.semi.03", "dev", "semi",
  "Staff list: {full} ({job}), {full@2} ({job@2}), {full@3} ({job@3}) - all based in {city}")
t("en4.semi.04", "dev", "semi",
  "patient;mrn;dob;gp\n{full};{mrn};{dob};{hospital}\n{full@2};{mrn@2};{dob@2};{hospital@2}")

# ============================================================ DEV: no-PII / near-miss
t("en4.neg.01", "dev", "negative",
  "Reminder to all staff: the branch closes at {time} on Friday. Case {ref} is closed, amount {amount} refunded.", n=8)
t("en4.neg.02", "dev", "negative",
  "can you explain what a sort code like {sortcode} is and why card ending {last4} shows twice? order {order}",
  n=8)

# ============================================================ TEST: e-mail replies with quoted history
t("en4.mail.01", "test", "mail",
  "Hi {first},\n\nThanks, that's sorted now.\n\nKind regards\n{full@2}\n{job@2} | {org}\nT: {phone@2}\n\n"
  "> On {date}, {full} <{email}> wrote:\n> My account {account} still shows the old address {address}.\n"
  "> Can you fix it?")
t("en4.mail.02", "test", "mail",
  "RE: RE: complaint {ref}\n\nDear {title} {last},\nWe have received your passport copy ({passport}) and "
  "updated your record.\n\nBest,\n{first@2}\n\n-----Original Message-----\nFrom: {full} [mailto:{email}]\n"
  "Sent: {date}\nPhone: {phone_intl}")
t("en4.mail.03", "test", "mail",
  "Forwarding below - can someone call {first} back on {phone_ext}?\n\n---------- Forwarded message ---------\n"
  "From: {email}\nI was born {dob} and my NI is {nino}. I live in {city} now.\n\nSent from my iPhone")

# ============================================================ TEST: referral letters
t("en4.ref.01", "test", "referral",
  "{hospital}\n\nDear Dr {last@2},\n\nRe: {full}, DOB {dob}, NHS/Hosp No {mrn}\n{address_ml}\n\n"
  "Thank you for seeing this {age} year old {job} with worsening breathlessness since {date}. "
  "{He} is {nationality} and speaks little English.\n\nYours sincerely,\n{full@3}\nGP")
t("en4.ref.02", "test", "referral",
  "URGENT REFERRAL - 2WW\nPatient: {last_first}   D.O.B. {dob}   Tel {phone}\nAddress: {address}\n"
  "Referrer: {initial_last@2}, {hospital@2}\nNext of kin: {full@3}, {phone@3}")

# ============================================================ TEST: complaint logs
t("en4.cmp.01", "test", "complaint",
  "Complaint log #{ref} | received {date} | complainant: {full} | channel: phone ({phone}) | summary: "
  "charged twice on card {card} at {org} | handler {full@2}")
t("en4.cmp.02", "test", "complaint",
  "{date} - {fl} rang again, third time. Says staff member {first@2} at the {city} branch was rude. "
  "Wants written reply to {email}. Escalated to {job@3} {full@3}.")
t("en4.cmp.03", "test", "complaint",
  "Ombudsman case: {full_caps}, {address}. Account {account}, IBAN {iban}. Customer is {age} and {nrp}; asked "
  "for reasonable adjustments.")

# ============================================================ TEST: OCR'd scanned forms
t("en4.ocr.01", "test", "ocr",
  "APPLlCATION FOR DIRECT DEBIT\nSurname : {last}   Forename(s) : {first}\nAddress : {address}\n"
  "Post Code : {postcode}\nTel No : {phone}\nEmail : {email}\nDate of Birth : {dob}\nSignature ______ Date {date}",
  ocr=True)
t("en4.ocr.02", "test", "ocr",
  "PATIENT REGlSTRATION\nFull name {full_caps}\nDOB {dob}     Age {age}\nNHS / hosp no {mrn}\n"
  "Ethnicity {nrp}\nOccupation {job}\nEmergency contact {full@2}  tel {phone@2}", ocr=True)
t("en4.ocr.03", "test", "ocr",
  "IDENTITY DOCUMENT SCAN\nDocument no {passport}\nNationality {nationality}\nGiven names {first}\n"
  "Surname {last}\nDate of birth {dob}\nDriving licence {dl}", ocr=True)

# ============================================================ TEST: bulleted case lists
t("en4.list.01", "test", "list",
  "Today's callbacks:\n- {full} - {phone} - re mortgage\n- {full@2} - {phone@2} - card {card@2} stuck\n"
  "- {full@3} - {email@3} - wants statement")
t("en4.list.02", "test", "list",
  "Safeguarding review {date}\n1. {fl} ({age}), {address}\n2. {fl@2} ({age@2}), "
  "{street@2}, {city@2}\n3. referred by {org}")
t("en4.list.03", "test", "list",
  "* new joiners: {full} ({job}), starts {date}, laptop IP {ip}; {full@2} ({job@2}), SSN {ssn@2}")

# ============================================================ TEST: voicemail / chat escalation transcripts
t("en4.vm.01", "test", "voicemail",
  "Voicemail transcript ({time}): hi this is {fl} calling about my loan, my date of birth is {dob}, "
  "you can reach me on {phone} or email {email}, thanks bye")
t("en4.vm.02", "test", "voicemail",
  "CHAT ESCALATION\nbot: how can I help?\nuser: its {full_lower}, card {card} stolen in {city}\nbot: "
  "transferring\nagent ({staff}): Hi {first}, can you confirm your postcode?\nuser: {postcode}", case="lower")
t("en4.vm.03", "test", "voicemail",
  "user: i need to change my address to {address} and my mobile {phone_intl}. website says {url} but it doesnt "
  "work\nagent: no problem {first}")

# ============================================================ TEST: pharmacy / lab messages
t("en4.lab.01", "test", "lab",
  "LAB RESULT ALERT: {full} ({age}y, MRN {mrn}) potassium 6.1, taken {date}. Please inform Dr {last@2} on "
  "{phone_ext@2}.")
t("en4.lab.02", "test", "lab",
  "Pharmacy note: prescription for {title} {last}, DOB {dob}, collected by {fl@2} ({nationality@2} "
  "passport {passport@2}). GP {hospital}.")
t("en4.lab.03", "test", "lab",
  "Portal access request: {full}, {email}, login from {ip}, national id {natid}, employer {org}, {country}")

# ============================================================ TEST: insurance claim narratives, IT-desk tickets
t("en4.claim.01", "test", "claim",
  "Claim FNOL taken {date}. Policyholder {full} ({age}), {job}, of {address}, licence {dl}. Third party {full@2} "
  "gave phone {phone@2}. Payout to IBAN {iban} requested.", locales=["en_US", "en_US", "en_GB", "en_CA", "en_AU"])
t("en4.claim.02", "test", "claim",
  "Travel claim: insured {fl}, passport {passport}, hospitalised in {city@2}, {country@2} on {date}; "
  "treating clinic {hospital@2}; reimburse to account {account}.")
t("en4.it.01", "test", "itdesk",
  "IT ticket: user {full} ({work_email}) locked out after 5 attempts from {ip} and {ip@2}. Manager {full@2}, "
  "ext {phone_ext@2}. Asset tag and ticket {ref} not PII.")
t("en4.it.02", "test", "itdesk",
  "access review - {last_first} - {job} - SSN on HR file {ssn} - home {street}, {city} {postcode}",
  locales=["en_US"])
t("en4.it.03", "test", "itdesk",
  "Please whitelist {url} for {full}; {he} also needs the NI number field ({natid}) unmasked for payroll at "
  "{org}.", locales=["en_GB", "en_IE", "en_IN", "en_CA", "en_AU", "pl_PL", "nl_NL", "es_ES", "pt_BR", "zu_ZA",
                     "sv_SE"])

# ============================================================ TEST: no-PII / near-miss
t("en4.neg.03", "test", "negative",
  "Ops update: {ward} at capacity; BP cuffs {bp} calibrated. Ticket {ref} for the printer; PO {order}.", n=8)
t("en4.neg.04", "test", "negative",
  "your one-time code is {otp}. never share it. payments of {amount} from card ending {last4} were approved.", n=8)

TEMPLATES = T
