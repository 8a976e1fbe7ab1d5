"""Words that are capitalised in bank and clinical text but are not names (false positives of NER and name rules).

Kept as plain data so a deployment can review it; policies add their own terms through ``PiiRules.allow_list``.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

MEDICAL_TERMS: frozenset[str] = frozenset(
    """
    alzheimer alzheimers parkinson parkinsons crohn crohns hodgkin hodgkins cushing cushings addison addisons graves
    hashimoto hashimotos huntington huntingtons tourette tourettes asperger aspergers down downs bell bells raynaud
    sjogren kawasaki guillain barre epstein barr lyme babinski apgar glasgow gleason whipple foley swan ganz
    metformin insulin lisinopril atorvastatin amlodipine warfarin heparin aspirin ibuprofen tylenol advil motrin
    acetaminophen paracetamol amoxicillin penicillin prednisone omeprazole levothyroxine albuterol gabapentin
    losartan simvastatin hydrochlorothiazide furosemide clopidogrel eliquis xarelto lipitor zoloft prozac xanax
    ozempic humira keytruda morphine oxycodone codeine tramadol naloxone
    diabetes hypertension asthma copd pneumonia sepsis anemia covid influenza hepatitis cirrhosis carcinoma
    lymphoma leukemia melanoma arthritis migraine angina stroke dementia tachycardia bradycardia arrhythmia
    fibrillation hypothyroidism hyperthyroidism neuropathy nephropathy retinopathy
    cardiology oncology radiology neurology pediatrics orthopedics dermatology gastroenterology psychiatry
    emergency triage icu er ed mri ct ekg ecg cbc bmp a1c hba1c bp hr rr spo2 bmi iv po prn bid tid qid
    patient physician nurse doctor surgeon clinic hospital ward discharge admission diagnosis prognosis
    """.split()
)

COMMON_WORDS: frozenset[str] = frozenset(
    """
    account accounts holder balance bank banking branch card cards credit debit loan loans mortgage payment payments
    transfer transfers wire deposit deposits savings checking statement statements fee fees interest rate rates
    overdraft limit pin iban swift bic routing sort code ssn dob mrn id number address email phone mobile fax
    customer customers client clients member members service support team manager officer teller advisor
    hello hi dear thanks thank regards sincerely please kindly yes no ok okay sir madam
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
    january february march april june july august september october november december
    wisdom discipline faith hope grace joy love peace justice liberty honor glory
    name names person people someone anyone everyone nobody insurance policy claim claims benefit benefits
    report reports result results test tests lab labs scan scans blood urine pain fever cough
    morning evening night note notes plan plans follow visit visits appointment appointments
    """.split()
)

ACRONYMS: frozenset[str] = frozenset(
    "dob mrn ssn iban swift bic pin atm ach kyc aml icu er ed mri ct ekg ecg cbc bmp bp hr id usa uk eu".split()
)

NOT_NAMES: frozenset[str] = MEDICAL_TERMS | COMMON_WORDS | frozenset(STOP_WORDS)
