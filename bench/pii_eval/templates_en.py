"""English templates.  Each is ``(template_id, split, family, text, options)``.

Slots are ``{generator}`` / ``{generator#k}`` (k = which persona / which value) with optional
``|lower`` / ``|upper`` modifiers; see values_en.GENS for the generators and their labels.
Literal text never contains personal data: every name, place, organisation, number and date
that a reader would treat as personal sits in a slot.
"""

from __future__ import annotations

NL = "\n"

DEV = "dev"
TEST = "test"

TEMPLATES: list[tuple[str, str, str, str, dict]] = [
    # ======================================================================= DEV family
    # ---- contact-centre chat
    ("en.chat.01", DEV, "chat",
     "hi, this is {fullname|lower}. my card {card} got declined at {org} this morning, can you check?", {}),
    ("en.chat.02", DEV, "chat",
     "Agent: Can I take your full name please?\nCustomer: {name}\nAgent: And the first line of your address?\n"
     "Customer: {street_uk}\nAgent: Thanks. And the postcode?\nCustomer: {postcode_uk}",
     {"locales": ["en_GB", "en_IN", "pl_PL", "en_NG"]}),
    ("en.chat.03", DEV, "chat",
     "omg ok so my name is {fullname|lower} and my email is {email|lower}, i moved to {city|lower} "
     "last month so pls update", {}),
    ("en.chat.04", DEV, "chat",
     "Name?\n- {fullname|lower}\nBest number to reach you?\n- {phone}\nAnd your date of birth?\n- {dob}", {}),
    ("en.chat.05", DEV, "chat",
     "[{time}] {first}: hey, can someone call me back on {phone_mobile}? been on hold 40 mins\n"
     "[{time}] Agent: Sorry about that {first}, I can see your account ending {last4}. Calling you now.", {}),
    ("en.chat.06", DEV, "chat",
     "Customer: I want to pay my bill but the site {url} just shows {err}\nAgent: Sorry! Could you try "
     "{domain} instead?", {}),
    ("en.chat.07", DEV, "chat",
     "hola, soy {fullname}. I need to send money to my brother, his IBAN is {iban} - is that enough or do you "
     "need the BIC too?", {"locales": ["es_ES", "pt_BR", "it_IT", "fr_FR", "de_DE", "nl_NL"]}),
    ("en.chat.08", DEV, "chat",
     "me: is the card number {card} still active??\nme: it's for {fullname#2}, my {relation#2}", {}),
    # ---- ticket / CRM notes
    ("en.ticket.01", DEV, "ticket",
     "Caller {name} ({phone}) reports unrecognised transaction of {amount} on card ending {last4}. Advised to "
     "freeze card. Callback booked for {date}.", {}),
    ("en.ticket.02", DEV, "ticket",
     "{last}'s card {card} was reissued on {date}; the old one was destroyed in branch. Cust confirmed new address "
     "{addr}.", {}),
    ("en.ticket.03", DEV, "ticket",
     "{first} called again re mortgage offer. {first} says {org} still hasn't sent the valuation. Loan {loan} "
     "over {term} months. Next contact {date_short}.", {}),
    ("en.ticket.04", DEV, "ticket",
     "Vulnerable customer flag added: {name}, {age}, recently bereaved. Prefers contact by email ({email}) and not "
     "before {time}.", {}),
    ("en.ticket.05", DEV, "ticket",
     "Account holder: {name_mi}; joint holder: {name_initials#2}. Both attended {bank} branch with passports "
     "(#{passport} and #{passport#2}).", {}),
    ("en.ticket.06", DEV, "ticket",
     "Complaint logged {ticket}: customer {fullname} ({email}) says payment to {iban_plain} was returned. "
     "Ref {invoice}. Escalated to team lead.", {}),
    ("en.ticket.07", DEV, "ticket",
     "Fraud: suspicious wire to {iban} (beneficiary {fullname#2}) initiated from IP {ipv4} at {time} on {date}. "
     "Customer {fullname} denies making it.", {}),
    ("en.ticket.08", DEV, "ticket",
     "Cx moved from {city} to {city#2}. New address: {addr_ml}\nNew landline {phone}.", {}),
    ("en.ticket.09", DEV, "ticket",
     "Direct deposit set up: routing {routing}, account {acct_us}, {bank}. Employer: {org}.",
     {"locales": ["en_US"]}),
    ("en.ticket.10", DEV, "ticket",
     "Called {title} {last} on {phone_ext} to confirm identity. {he|title} gave SSN {ssn} and DOB {dob_us}.",
     {"locales": ["en_US", "en_IN", "es_ES", "ko_KR"]}),
    # ---- clinical
    ("en.clin.01", DEV, "clinical",
     "{age}-year-old {nationality} {sex} presented to A&E at {hospital} on {date} with chest pain. MRN {mrn}. "
     "BP {bp}, HR {hr}. Lives with partner in {city}.", {}),
    ("en.clin.02", DEV, "clinical",
     "Referral: {title} {name}, NHS no. {nhs}, DOB {dob_uk}. Registered at {hospital}. Address: {addr_gb}. "
     "Tel {phone_uk}.", {"locales": ["en_GB", "en_IN", "pl_PL", "en_NG", "ar_AA"]}),
    ("en.clin.03", DEV, "clinical",
     "Pt is a {age} y/o {religion} {sex}; requests a chaplain visit. NOK: {fullname#2} ({relation#2}) "
     "{phone#2}.", {}),
    ("en.clin.04", DEV, "clinical",
     "Discharge summary\nPatient: {name_lf}\nHospital no: {mrn}\nAdmitted: {date_uk}  Discharged: {date_uk#2}\n"
     "Consultant: Dr {last#2}\nFollow-up at {hospital} in 6 weeks.", {}),
    ("en.clin.05", DEV, "clinical",
     "Rx for {name}, DOB {dob}: amoxicillin {dosage} TDS x7 days. HbA1c {hba1c} mmol/mol. Works as a {job}, "
     "night shifts.", {}),
    ("en.clin.06", DEV, "clinical",
     "Seen in clinic. {first} is a {age_words}-year-old {job} who smokes 10/day. Weight {weight} kg. "
     "Plan: bloods, review {date_short}.", {}),
    ("en.clin.07", DEV, "clinical",
     "{fullname} brought in {his} son ({age_child}) with fever {temp}C. Contact {phone}. "
     "Interpreter not needed. Address on file: {street}.", {}),
    ("en.clin.08", DEV, "clinical",
     "{{\"patient\": {{\"name\": \"{fullname}\", \"mrn\": \"{mrn}\", \"dob\": \"{dob_iso}\", \"ward\": "
     "\"{ward}\", \"gp\": \"{hospital}\"}}}}", {"raw_braces": True}),
    # ---- KYC / forms
    ("en.kyc.01", DEV, "kyc",
     "Name: {fullname|upper}\nDOB: {dob}\nAddress: {addr_us}\nSSN: {ssn}\nOccupation: {job}\nEmployer: {org}",
     {"locales": ["en_US", "en_IN", "es_ES", "ja_JP", "ko_KR"]}),
    ("en.kyc.02", DEV, "kyc",
     "SURNAME: {last|upper}\nFORENAMES: {forenames|upper}\nDATE OF BIRTH: {dob_uk}\n"
     "NATIONALITY: {nationality|upper}\nPASSPORT NO: {passport}\nCOUNTRY OF ISSUE: {pp_country|upper}", {}),
    ("en.kyc.03", DEV, "kyc",
     "ID verified: {pp_adj} passport {passport}, expiry {date}. Customer {name}, born {dob}. Proof of address: "
     "council tax bill for {addr}.", {}),
    ("en.kyc.04", DEV, "kyc",
     "Customer presented a {dl_state} driver's license, number {dl}, and a utility bill for {street_us}.",
     {"locales": ["en_US"]}),
    ("en.kyc.05", DEV, "kyc",
     "Applicant {fullname}, {natid_kind} {natid}, resident in {city}, {country}. Source of funds: salary as "
     "{job} at {org}.", {}),
    ("en.kyc.06", DEV, "kyc",
     "Beneficiary details:\n- Name: {fullname}\n- IBAN: {iban}\n- Bank: {bank}\n- BIC: {bic}\n- Reference: "
     "{invoice}", {}),
    ("en.kyc.07", DEV, "kyc",
     "Title: {title}\nFirst name: {first}\nLast name: {last}\nEmail: {email}\nMobile: {phone_mobile}\n"
     "Postcode: {postcode}\nMarketing consent: N", {}),
    ("en.kyc.08", DEV, "kyc",
     "Occupation: {job_title}\nEmployer: {org}\nAnnual income: {amount}\nPolitically exposed: no\n"
     "Religion (optional): {religion}\nEthnicity (optional): {ethnicity}", {}),
    # ---- e-mails / letters
    ("en.email.01", DEV, "email",
     "From: {email}\nTo: {email_any#2}\nSubject: Change of address\n\nHi,\n\nPlease update my address to:\n"
     "{addr_gb_ml}\n\nMy account number is {acct_uk} (sort code {sortcode}).\n\nThanks,\n{first}", {}),
    ("en.email.02", DEV, "email",
     "Dear {title} {last},\n\nThank you for your application dated {date_long}. Before we can proceed we need a "
     "copy of your passport and a bank statement for account {acct}.\n\nKind regards,\n{fullname#2}\n{job_title#2}\n"
     "{bank#2}", {}),
    ("en.email.03", DEV, "email",
     "Kind regards,\n\n{fullname}\n{job_title}\n{org}\nT: {phone}\nE: {email_work}\nW: {url}", {}),
    ("en.email.04", DEV, "email",
     "Hi team, {name} from {org} is joining us as {job} on {date}. Desk phone {phone_ext}. Please set "
     "up access from {ip}.", {}),
    ("en.email.05", DEV, "email",
     "Hello, I am writing to complain. I have banked with {bank} for 12 years and my account {acct} was closed "
     "without notice on {date}. Contact me at {email} or {phone}.\n-- {fullname}", {}),
    # ---- CSV / JSON / logs
    ("en.csv.01", DEV, "csv",
     "customer_id,name,email,phone,dob\n{custid},{fullname},{email},{phone},{dob_iso}\n"
     "{custid#2},{fullname#2},{email#2},{phone#2},{dob_iso#2}\n{custid#3},{fullname#3},{email#3},{phone#3},"
     "{dob_iso#3}", {"n_scale": 0.7}),
    ("en.csv.02", DEV, "csv",
     "{fullname};{ssn};{dob_us};{addr_us}", {"locales": ["en_US"]}),
    ("en.json.01", DEV, "json",
     "{{\"user\": \"{email}\", \"ip\": \"{ipv4}\", \"last_login\": \"{date_iso}\", \"display_name\": "
     "\"{name}\"}}", {"raw_braces": True}),
    ("en.log.01", DEV, "log",
     "[{date_iso} {hms}] WARN auth: 5 failed logins user={email} src={ipv6} ua=Mozilla/5.0", {}),
    ("en.log.02", DEV, "log",
     "{date_iso} {hms} INFO payment.captured order={order_no} card={card_plain} amount={amount} ip={ipv4}", {}),
    # ---- transcripts / SMS / lists
    ("en.call.01", DEV, "transcript",
     "Rep: For verification, can you confirm the last four of your social?\nCaller: Just take the whole thing, "
     "it's {ssn}.\nRep: Thank you, {title} {last}. And the date of birth on file?\nCaller: {dob_long}.",
     {"locales": ["en_US", "es_ES", "en_NG"]}),
    ("en.call.02", DEV, "transcript",
     "Agent: Which card is this about?\nCaller: The {card_amex}, it's an Amex. Expiry {expiry}.\n"
     "Agent: And the billing zip?\nCaller: {zip}", {"locales": ["en_US", "en_CA", "ja_JP"]}),
    ("en.sms.01", DEV, "sms",
     "{first} here, running 10 min late. call me on {phone_mobile} if the clinic needs me", {}),
    ("en.sms.02", DEV, "sms",
     "Reminder: your appointment at {hospital} is on {date_long} at {time}. Reply STOP to opt out.", {}),
    ("en.list.01", DEV, "list",
     "Attendees: {first}, {first#2}, {first#3} and {first#4} from the {city} branch.", {}),
    ("en.list.02", DEV, "list",
     "Contact numbers on file for {fullname}:\n* mobile {phone_intl}\n* home {phone}\n* work {phone_ext}", {}),
    ("en.list.03", DEV, "list",
     "Shipping to:\n{fullname}\n{addr_au_ml}", {"locales": ["en_AU", "en_GB", "en_IN"]}),
    ("en.misc.01", DEV, "note",
     "Rechnungsadresse / billing address: {addr_de}. Contact person: {name}, {email}, {phone_de}.",
     {"locales": ["de_DE", "pl_PL", "nl_NL"]}),
    ("en.misc.02", DEV, "note",
     "Mailing address on file is {addr_ca}; customer says postal code should actually be {postcode_ca}.",
     {"locales": ["en_CA"]}),
    ("en.misc.03", DEV, "note",
     "Caller was abusive about {political} policy and said he has voted {political#2} all his life. "
     "Call ended by agent.", {}),
    ("en.misc.04", DEV, "note",
     "{fullname} is a {nationality} national working as a {job} in {country}; needs statements posted to "
     "{addr_fr}.", {"locales": ["fr_FR", "en_GB", "en_NG", "ar_AA"]}),
    ("en.misc.05", DEV, "note",
     "Staff list: {name_lf} ({job}), {name_lf#2} ({job#2}), {name_lf#3} ({job#3}).", {}),
    ("en.misc.06", DEV, "note",
     "Payee added: {fullname}, account {acct}, sort code {sortcode}. Amount {amount}. Customer's IP {ip}.", {}),
    ("en.kyc.09", DEV, "kyc",
     "Photo ID: {dl_state} DL {dl} (exp {date_us})\nSecondary: Social Security card, SSN {ssn}\n"
     "Name on ID: {name|upper}", {"locales": ["en_US"]}),
    ("en.kyc.10", DEV, "kyc",
     "Tax residency self-certification\nName: {fullname}\nCountry of tax residence: {country}\n"
     "Tax ID / {natid_kind}: {natid}\nDate of birth: {dob}", {}),
    ("en.ticket.20", DEV, "ticket",
     "Address check failed for {name}: DL {dl} issued in {dl_state} shows {street_us}, but the application says "
     "{addr_us}.", {"locales": ["en_US"]}),
    ("en.chat.09", DEV, "chat",
     "pls send the form to {email} or i can upload it at {url}. my {natid_kind} is {natid} btw", {}),
    ("en.chat.10", DEV, "chat",
     "is {domain} legit?? got a text saying my card {card} is suspended and to log in at {url}", {}),
    ("en.email.06", DEV, "email",
     "Hi {first},\n\nWe have replaced your card {card} after the data breach. The new card ending {last4} is on "
     "its way. Manage it at {url}.\n\n{bank}", {}),
    ("en.log.03", DEV, "log",
     "POST /v1/kyc 422 national_id=\"{natid}\" country=\"{country}\" user_ip={ip}", {}),
    ("en.misc.07", DEV, "note",
     "New payee {fullname}: IBAN {iban_grouped}, {bank}, {city}. Added by the customer from {ipv6}.", {}),
    # ---- dev negatives / near-misses (no personal data)
    ("en.neg.01", DEV, "negative", "Order {order_no} shipped; total {amount} incl. VAT. Track with ref {tracking}.",
     {}),
    ("en.neg.02", DEV, "negative", "Branch opening hours: {hours}. Closed on bank holidays.", {}),
    ("en.neg.03", DEV, "negative", "Per {article}, we must respond to the request within one month.", {}),
    ("en.neg.04", DEV, "negative", "Product code {sku}, qty {qty}, unit price {amount}. Backorder expected.", {}),
    ("en.neg.05", DEV, "negative", "Error {err} on release {version}; rollback completed in {mins} minutes.", {}),
    ("en.neg.06", DEV, "negative",
     "Your one-time passcode is {otp}. It expires in 10 minutes. Never share it with anyone, including us.", {}),
    ("en.neg.07", DEV, "negative",
     "Standard variable rate is now {rate}; the 2-year fixed is {rate#2} with a {amount} fee.", {}),
    ("en.neg.08", DEV, "negative", "Ticket {ticket} closed as duplicate of {ticket#2}. No customer impact.", {}),
    ("en.neg.09", DEV, "negative",
     "BP {bp}, HR {hr}, SpO2 {spo2}%. Plan: repeat bloods in 48h, continue paracetamol {dosage} QDS.", {}),
    ("en.neg.10", DEV, "negative",
     "Card ending {last4} has been blocked. Please use the app to order a replacement.", {}),
    ("en.neg.11", DEV, "negative",
     "Will the new overdraft limit apply from next month? Please mark the form as urgent, see page {count}.",
     {"n_scale": 0.5}),

    # ======================================================================= TEST family
    # ---- chat
    ("en.chat.11", TEST, "chat",
     "Customer: hi im locked out of online banking\nAgent: I can help. What's the email on the account?\n"
     "Customer: {email}\nAgent: And your full name as it appears on the account?\nCustomer: {fullname|upper}", {}),
    ("en.chat.12", TEST, "chat",
     "{first|lower}: do u still need my passport no? its {passport}\n{first|lower}: {pp_adj} one, expires {date}",
     {}),
    ("en.chat.13", TEST, "chat",
     "WhatsApp from {phone_intl}: Hi it's {name}, I lost my card {card} in {city} - please block it!!", {}),
    ("en.chat.14", TEST, "chat",
     "> Who is the account for?\n{name_mi}\n> Relationship to you?\nmy {relation}\n> Their date of birth?\n"
     "{dob}", {}),
    ("en.chat.15", TEST, "chat",
     "sorry wrong number earlier, the right one is {phone}. also my new address is {addr|lower}", {}),
    ("en.chat.16", TEST, "chat",
     "Visitor: can i update my driving licence? new no. {dl}, issued in {dl_state}\nBot: Thanks! An agent will "
     "verify it within 24h.", {"locales": ["en_US", "es_MX", "vi_VN", "zh_CN"]}),
    ("en.chat.17", TEST, "chat",
     "{fullname}: Good morning. I'd like to close the account of my late {relation#2}, {fullname#2}. "
     "{he#2|title} died on {date}.", {}),
    ("en.chat.18", TEST, "chat",
     "ok so {first}, {first#2}, {first#3} and {first#4} all need access to the joint account - is that possible?",
     {}),
    # ---- tickets / CRM
    ("en.ticket.11", TEST, "ticket",
     "INC notes: user {name_initials} reported phishing e-mail from {email_any#2} linking to {url}. Source IP "
     "{ipv4}. Mailbox quarantined.", {}),
    ("en.ticket.12", TEST, "ticket",
     "CALL 14:02 - {fullname} rang re standing order to {fullname#2}, {iban_grouped}. Wants it cancelled from "
     "{date_long}.", {}),
    ("en.ticket.13", TEST, "ticket",
     "Note: {title} {last} ({age}) asked for large print statements. Lives alone in {city}, {region}. "
     "Daughter {first#2} has POA.", {}),
    ("en.ticket.14", TEST, "ticket",
     "Chargeback raised on {card_visa} for {amount}. Merchant: {org}. Cardholder {name} disputes, "
     "says card never left {his} wallet.", {}),
    ("en.ticket.15", TEST, "ticket",
     "KYC refresh overdue for {name_lf}. Last docs: {natid_kind} {natid}, utility bill ({addr}).", {}),
    ("en.ticket.16", TEST, "ticket",
     "Customer {fullname} (cust ref {custid}) confirmed DL {dl} ({dl_state}) and SSN {ssn_dash} for the "
     "auto-loan application.", {"locales": ["en_US", "en_IN", "es_MX"]}),
    ("en.ticket.17", TEST, "ticket",
     "{name_rev} - returned mail from {addr_ie}. Try e-mail {email} or mobile {phone_mobile}.",
     {"locales": ["en_IE", "ga_IE", "en_GB"]}),
    ("en.ticket.18", TEST, "ticket",
     "Update: {first}'s new employer is {org}; {he} started as {job} on {date_short}. Salary credited to "
     "{acct}.", {}),
    ("en.ticket.19", TEST, "ticket",
     "Account takeover suspected. Logins for {email} from {ipv6} and {ipv4}; MAC {mac}. Password reset link "
     "sent to {phone}.", {}),
    # ---- clinical
    ("en.clin.11", TEST, "clinical",
     "Dear Dr {last#2},\n\nRe: {fullname}, DOB {dob}, MRN {mrn}\n\nI saw this {age}-year-old {job} in clinic on "
     "{date}. {he|title} reports a three-month history of joint pain.\n\nYours sincerely,\n{name#3}\n"
     "{hospital#3}", {}),
    ("en.clin.12", TEST, "clinical",
     "A&E triage: {name}, {age}{sexm}, brought in by ambulance from {street}. Known {religion}; declines blood "
     "products. Temp {temp}.", {}),
    ("en.clin.13", TEST, "clinical",
     "Pharmacy note - {fullname} collected prescription. Patient no. {mrn}. Rep collected for {him}: "
     "{fullname#2}, tel {phone#2}.", {}),
    ("en.clin.14", TEST, "clinical",
     "PATIENT: {name_lf|upper}\nCHI: {chi}\nDOB: {dob_uk}\nGP: {hospital}\nPOSTCODE: {postcode_uk}",
     {"locales": ["en_GB", "en_IE", "zh_CN", "vi_VN"]}),
    ("en.clin.15", TEST, "clinical",
     "{title} {last}, {age_words}, {nationality}, admitted {date_uk} with pneumonia. Partner {first#2} is a "
     "{job#2}; can be reached on {phone#2}.", {}),
    ("en.clin.16", TEST, "clinical",
     "mrn,patient,dob,admit_date,ward\n{mrn},{fullname},{dob_iso},{date_iso},{ward}\n"
     "{mrn#2},{fullname#2},{dob_iso#2},{date_iso#2},{ward#2}", {}),
    ("en.clin.17", TEST, "clinical",
     "Telephone consult. {first} says {his} {relation#2} {first#2} ({age#2}) has been confused since {date_short}. "
     "Lives at {addr_ml}.", {}),
    # ---- KYC / forms
    ("en.kyc.11", TEST, "kyc",
     "Full legal name: {name}\nDate of birth: {dob_long}\nPlace of birth: {city}, {country}\nNationality: "
     "{nationality}\n{natid_kind}: {natid}", {}),
    ("en.kyc.12", TEST, "kyc",
     "APPLICANT 1\nName ........ {fullname|upper}\nD.O.B ....... {dob}\nNI No ....... {nino}\n"
     "Address ..... {addr_gb}\nTel ......... {phone_uk}", {"locales": ["en_GB", "en_IE", "zu_ZA", "tr_TR"]}),
    ("en.kyc.13", TEST, "kyc",
     "{{\"applicant\": {{\"first_name\": \"{first}\", \"last_name\": \"{last}\", \"dob\": \"{dob_iso}\", "
     "\"ssn\": \"{ssn}\", \"dl\": {{\"state\": \"{dl_state}\", \"number\": \"{dl}\"}}}}}}",
     {"raw_braces": True, "locales": ["en_US", "es_MX", "vi_VN"]}),
    ("en.kyc.14", TEST, "kyc",
     "Passport: {passport} ({pp_country})\nSurname / Nom: {last|upper}\nGiven names / Prénoms: {first|upper}\n"
     "Date of birth: {dob_uk}", {}),
    ("en.kyc.15", TEST, "kyc",
     "SIN: {sin}\nName: {fullname}\nAddress: {addr_ca_ml}\nEmployer: {org}, {job_title}",
     {"locales": ["en_CA", "fr_CA"]}),
    ("en.kyc.16", TEST, "kyc",
     "Source of wealth: {name} states {he} worked {count} years as {job} at {org} and inherited property in "
     "{location}. PEP check: clear. Religion recorded as {religion}.", {}),
    ("en.kyc.17", TEST, "kyc",
     "| Field | Value |\n|---|---|\n| Name | {fullname} |\n| IBAN | {iban_plain} |\n| Email | {email} |\n"
     "| Phone | {phone_intl} |", {}),
    ("en.kyc.18", TEST, "kyc",
     "Payee: {fullname}\nAccount no: {acct}\nBSB: {bsb}\nBank: {bank}\nDescription: {invoice}",
     {"locales": ["en_AU", "en_NZ"]}),
    # ---- e-mail / letters
    ("en.email.11", TEST, "email",
     "Subject: Re: your recent call\n\nHi {first},\n\nAs discussed, the refund of {amount} will go to the card "
     "ending {last4}. If you have questions reply here or call {phone_ext}.\n\nBest,\n{first#2}\n{org#2}", {}),
    ("en.email.12", TEST, "email",
     "To whom it may concern,\n\nI, {fullname}, of {addr_ml}, authorise {fullname#2} to discuss my account "
     "{acct} with you.\n\nSigned {date_uk}", {}),
    ("en.email.13", TEST, "email",
     "{fullname} | {job_title} | {org}\nm. {phone_intl} | {email_work} | {domain}", {}),
    ("en.email.14", TEST, "email",
     "Hello,\nPlease find attached the statement for IBAN {iban}. The payment from {fullname} on {date} was "
     "credited the next day.\nRegards", {}),
    ("en.email.15", TEST, "email",
     "Fwd: New patient registration\n\nName: {fullname}\nEmail: {email}\nPhone: {phone}\nDOB: {dob}\n"
     "Preferred clinic: {hospital}", {}),
    # ---- CSV / logs / code
    ("en.csv.11", TEST, "csv",
     "\"{name_lf}\",\"{email}\",\"{card_plain}\",\"{expiry}\"", {}),
    ("en.csv.12", TEST, "csv",
     "id|full_name|passport|nationality|city\n{custid}|{fullname}|{passport}|{nationality}|{city}\n"
     "{custid#2}|{fullname#2}|{passport#2}|{nationality#2}|{city#2}", {}),
    ("en.log.11", TEST, "log",
     "{date_iso}T{hms}Z level=error msg=\"kyc lookup failed\" email={email} client_ip={ip} ssn={ssn}", {}),
    ("en.log.12", TEST, "log",
     "GET /api/v2/customers?email={email} 200 {mins}ms from {ipv4}:{port}", {}),
    # ---- transcripts / SMS / lists
    ("en.call.11", TEST, "transcript",
     "AGENT: Thank you for calling, who am I speaking with?\nCALLER: Yeah it's {fullname}.\n"
     "AGENT: Thanks {first}. Postcode please?\nCALLER: {postcode}\nAGENT: And first line of the address?\n"
     "CALLER: {street}", {}),
    ("en.call.12", TEST, "transcript",
     "Speaker 1: ...so the account is in my wife's name, {fullname#2}.\nSpeaker 2: Okay, and her date of birth?\n"
     "Speaker 1: {dob#2}. She's {nationality#2}, if that matters for the form.", {}),
    ("en.call.13", TEST, "transcript",
     "Operator: What's the best number?\nCaller: {phone_fr}, or my husband's, {phone_fr#2}.\n"
     "Operator: And the address of the property in {city}?\nCaller: {addr_fr}",
     {"locales": ["fr_CA", "en_GB", "pt_PT"]}),
    ("en.sms.11", TEST, "sms",
     "Hi {first}, your {org} order is ready for collection from {date_short}. Questions? Text {phone_mobile}.", {}),
    ("en.sms.12", TEST, "sms",
     "Dr {last} can see you {date_long} {time} at {hospital}. Bring photo ID. Ref {mrn}.", {}),
    ("en.list.11", TEST, "list",
     "Emergency contacts:\n1. {fullname} ({relation}) - {phone}\n2. {fullname#2} ({relation#2}) - {phone#2}\n"
     "3. {fullname#3} ({relation#3}) - {email#3}", {}),
    ("en.list.12", TEST, "list",
     "Known addresses for {name}:\n- {addr}\n- {addr#2}\n- {postcode#3} (PO box only)", {}),
    ("en.list.13", TEST, "list",
     "Cards on profile: {card}; {card#2}; {card#3}", {"n_scale": 0.7}),
    ("en.misc.11", TEST, "note",
     "{name} ({nationality}, {religion}) asked that {his} {political} party membership not be recorded.", {}),
    ("en.misc.12", TEST, "note",
     "Landlord: {fullname}, {addr_us}. Tenant: {fullname#2}, {age#2}, employed by {org#2}.",
     {"locales": ["en_US", "es_MX", "en_PH"]}),
    ("en.misc.13", TEST, "note",
     "Visit log - engineer {first} attended {addr_gb} on {date}. Customer {fullname#2} "
     "signed.", {"locales": ["en_GB", "en_IE", "cs_CZ"]}),
    ("en.misc.14", TEST, "note",
     "Wire details: {iban} / {bic}. Ultimate beneficiary {fullname} of {org}, {city}, {country}.", {}),
    ("en.misc.15", TEST, "note",
     "Interview notes: {first} ({age}) is a {ethnicity} {job} from {location}; {he} moved here {count} years ago.",
     {}),
    ("en.email.16", TEST, "email",
     "Your statement is ready: {url} - if you did not request it, reply to {email_any} within 7 days.", {}),
    ("en.chat.19", TEST, "chat",
     "bro my linkedin is {social} and my cell {phone_na}, send the contract to {email}", {}),
    ("en.ticket.22", TEST, "ticket",
     "ACH return R03 for {fullname}: account {acct_us}, routing {routing}. Customer says the account is with "
     "{bank}.", {"locales": ["en_US", "es_MX"]}),
    ("en.misc.16", TEST, "note",
     "Dispute form\nCardholder: {name}\nCard number: {card}\nTransaction date: {date}\nMerchant website: "
     "{domain}\nAmount: {amount}", {}),
    ("en.kyc.19", TEST, "kyc",
     "Tax ID: {natid} ({natid_kind})\nSSN (US persons only): {ssn}\nName: {name_lf}\nResidence: {country}", {}),
    # ---- test negatives / near-misses
    ("en.neg.21", TEST, "negative",
     "Invoice {invoice} for {amount} is due in 30 days. Quote PO number {order_no} on remittance.", {}),
    ("en.neg.22", TEST, "negative", "Our lines are open {hours}. Calls may be recorded for training purposes.", {}),
    ("en.neg.23", TEST, "negative",
     "Under {article}, the controller shall provide information without undue delay.", {}),
    ("en.neg.24", TEST, "negative",
     "SKU {sku} is out of stock; {qty} units on order, ETA {count} days. Price {amount}.", {}),
    ("en.neg.25", TEST, "negative",
     "Deployment {version} failed health check ({err}); {pct}% of pods restarted.", {}),
    ("en.neg.26", TEST, "negative",
     "Use code {otp} to confirm the payment of {amount}. We will never ask for this code by phone.", {}),
    ("en.neg.27", TEST, "negative", "Tracking {tracking}: parcel out for delivery, {qty} items.", {}),
    ("en.neg.28", TEST, "negative",
     "Obs: BP {bp}, pulse {hr}, temp {temp}, sats {spo2}%. Continue {dosage} BD; review at ward round.", {}),
    ("en.neg.29", TEST, "negative",
     "The refund for card ending {last4} was processed; allow 3-5 working days. Case {ticket}.", {}),
    ("en.neg.30", TEST, "negative", "Flight {flight} delayed; rebooking fee waived, {amount} credit applied.",
     {"n_scale": 0.5}),
]
