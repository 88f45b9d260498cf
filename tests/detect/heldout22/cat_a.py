"""Category a: free text with identifiers in a minority of rows."""

from . import values
from .text import prose, sprinkle


def _nhs_fmt(rng):
    n = values.nhs_number(rng)
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])


CRF_PLAIN = [
    "Please confirm visit {n} date - outside window",
    "Weight recorded as {w} kg at V{n}, previous visit {w2} kg. Please verify against source.",
    "HbA1c entered as {x} - units? mmol/mol expected",
    "Con med '{drug}' start date missing",
    "SDV complete, no discrepancy",
    "Query closed by site {date}",
    "eGFR {x} flagged out of range; please confirm source document",
    "Lab ref {lab} not found in central lab upload",
    "Page {k} not signed by investigator",
    "AE onset precedes consent date - please review",
    "Randomisation date later than first dose of {drug}?",
    "Site response: transcription error, corrected {date}",
    "Missing Barthel score at day {k}",
]
CRF_IDENT = [
    "Screening log NHS no {nhs} does not match CRF page 1 - please correct",
    "pt NHS number {nhs} appears twice in randomisation list",
    "NHS {nhs}: duplicate registration at second site? Site to confirm",
    "Consent form shows NHS number {nhs}, eCRF differs by one digit",
]


def crf_query(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.06,
        lambda: prose(rng, CRF_PLAIN),
        lambda: prose(rng, CRF_IDENT, 0.1, nhs=lambda: _nhs_fmt(rng)),
        0.08,
    )


SAE_PLAIN = [
    "Admitted to {hosp} with chest pain {k} days after dose {n} of {drug}. "
    "Treated with {drug2}; resolved.",
    "Known {disease}. Fall at home, #NOF, transferred to {ward}. Not related to IMP.",
    "Hospitalised {date} with hypoglycaemia while on {drug}. Causality: possibly related.",
    "Prolonged admission due to delirium; background of {disease}. Outcome: recovering.",
    "Anaphylaxis within 30 min of infusion of {drug}. Adrenaline given x2. Recovered same day.",
    "Death on {date}: cause per certificate 1a pneumonia, 1b {disease}. Investigator: unrelated.",
    "GI bleed on {drug} + {drug2}; transfused {n} units at {hosp}.",
    "Suspected Stevens-Johnson reaction. Study drug stopped. Referred to dermatology at {hosp}.",
]
SAE_IDENT = [
    "Daughter ({name}) phoned site to report admission to {hosp} on {date}.",
    "{name} found collapsed at home by neighbour; taken to {hosp}. Study drug {drug} held.",
    "Information from husband {name}: participant had stopped {drug} a week earlier.",
    "Participant {name} readmitted with fall; see previous SAE report.",
]


def sae_narrative(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.08,
        lambda: prose(rng, SAE_PLAIN, 0.3),
        lambda: prose(rng, SAE_IDENT, 0.2, name=lambda: values.full_name(rng)),
        0.1,
    )


SURVEY_PLAIN = [
    "The staff on {ward} were kind but the food was cold",
    "Too many questions about mobility, I can't walk far since the operation",
    "no comment",
    "Parking at {hosp} is a nightmare",
    "I found question {n} confusing. What does 'usual activities' mean?",
    "Please send the next survey in large print",
    "Thank you. Physio was excellent and the nurses on {ward} were lovely.",
    "N/A",
    "I would like to stay on the panel",
    "Waited {k} weeks for the follow up letter",
]
SURVEY_EMAIL = [
    "Happy to be contacted: {email}",
    "please email me at {email} rather than post",
    "Contact {email} for the group discussion.",
    "my new email is {email}",
]


def _email_rng(rng):
    return values.email_for(rng, values.fore(rng), values.sur(rng))


def survey_comments(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.05,
        lambda: prose(rng, SURVEY_PLAIN, 0.2),
        lambda: prose(rng, SURVEY_EMAIL, 0.1, email=lambda: _email_rng(rng)),
        0.3,
    )


PANEL_PLAIN = [
    "Knee still stiff at {k} weeks; pain score {n}/10",
    "EQ-5D completed with help",
    "Stopped {drug} because of side effects",
    "Happy with result. Walking {miles} yards with a frame.",
    "Didn't understand the question about anxiety",
    "Had a second operation at {hosp}",
    "Would prefer an online form",
    "Better than before surgery",
]
PANEL_PHONE = [
    "Please ring me on {tel} if you need more",
    "call {tel} after 6pm",
    "Home number changed to {tel}",
    "Contact daughter on {tel}",
]


def panel_feedback(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.06,
        lambda: prose(rng, PANEL_PLAIN, 0.25),
        lambda: prose(rng, PANEL_PHONE, 0.1, tel=lambda: values.phone_any(rng)),
        0.25,
    )


CY_PLAIN = [
    "Diolch am y gwasanaeth",
    "Roedd y nyrs yn garedig iawn",
    "Staff were lovely / Roedd y staff yn hyfryd",
    "Gormod o aros yn {hosp}",
    "Hoffwn gael yr holiadur yn Gymraeg y tro nesaf",
    "Dim sylw",
    "The Welsh version had question {n} missing",
    "Parcio yn anodd iawn",
    "Taith hir o {town} i'r clinig",
]
CY_IDENT = [
    "Fy merch {name} filled in the form for me",
    "Roedd {name} yn help mawr gyda'r holiadur",
    "Helped by my neighbour {name}",
    "Cysylltwch a {name} (gwr) os oes angen",
]


def welsh_comments(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.07,
        lambda: prose(rng, CY_PLAIN, 0.2),
        lambda: prose(rng, CY_IDENT, 0.1, name=lambda: values.full_name(rng)),
        0.3,
    )


REG_PLAIN = [
    "Antenatal dx at 20/40 anomaly scan; {eponym} confirmed on karyotype",
    "Postnatal echo at {hosp}: {eponym}",
    "TOPFA at {k}/40",
    "Notified by fetal medicine unit, {hosp}",
    "Chromosomes normal. Isolated cleft lip",
    "Case reviewed at clinical genetics MDT {date}",
    "Linked to maternity record via {system}",
    "Outcome: live birth, {w} kg",
    "Mother's residence at delivery: {town}",
]
REG_IDENT = [
    "Mother moved - new address {addr}",
    "Correspondence address: {addr}",
    "Maternal address at booking {addr}; changed before delivery",
]


def registry_notes(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.04,
        lambda: prose(rng, REG_PLAIN, 0.3),
        lambda: prose(rng, REG_IDENT, 0.0, addr=lambda: values.address(rng)),
        0.15,
    )


NHFD_PLAIN = [
    "Mobilised day 1",
    "Delay to theatre: awaiting reversal of {drug}",
    "Fascia iliaca block given in ED",
    "Not mobilised - hypotension",
    "Surgery {k}h after admission (no theatre slot)",
    "{implant} used",
    "Delirium (4AT {n}) post-op",
    "Discharged to {town} community hospital",
    "Bone protection: {drug} started",
    "Orthogeriatric review within 72h",
]
NHFD_IDENT = [
    "Duplicate record - see {mrn}",
    "MRN {mrn} merged with old PAS number",
    "Readmission, original hosp no {mrn}",
    "Data entered under wrong hospital number ({mrn}) - corrected",
]


def nhfd_comments(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.10,
        lambda: prose(rng, NHFD_PLAIN, 0.3),
        lambda: prose(rng, NHFD_IDENT, 0.1, mrn=lambda: values.hospital_number(rng)),
        0.2,
    )


def _chi_fmt(rng):
    c = values.chi_number(rng)
    return rng.choice([c, f"{c[:6]} {c[6:]}"])


RECON_PLAIN = [
    "Matched on surname + DOB; CHI absent in source",
    "Record in extract but not in registry",
    "Registry date of death differs by {k} days from NRS",
    "Resolved - typo in date of birth",
    "Unmatched after deterministic + probabilistic pass (score {pct})",
    "Site code changed after health board reorganisation",
    "Duplicate rows removed ({rows})",
    "Awaiting eDRIS response",
]
RECON_IDENT = [
    "CHI {chi} in extract maps to two cohort IDs",
    "CHI corrected to {chi} after SCI Store lookup",
    "Source CHI {chi} fails date check? - confirmed OK",
    "Linked on CHI {chi}",
]


def recon_note(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.12,
        lambda: prose(rng, RECON_PLAIN, 0.2),
        lambda: prose(rng, RECON_IDENT, 0.1, chi=lambda: _chi_fmt(rng)),
        0.05,
    )


def _ni_fmt(rng):
    n = values.ni_number(rng)
    return rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])


TRACE_PLAIN = [
    "Letter returned 'not known at this address'",
    "Traced via GP; moved out of area",
    "No response after {n} reminders",
    "Deceased per NHS Central Register {date}",
    "Emigrated (embarkation flag)",
    "Re-consented by phone",
    "Moved to care home in {town}",
    "Follow-up questionnaire received late",
]
TRACE_IDENT = [
    "DWP trace on NINO {ni} - new address held",
    "NI {ni} used for HMRC tracing, no result",
    "Traced via national insurance no. {ni}",
]


def tracing_outcome(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.05,
        lambda: prose(rng, TRACE_PLAIN, 0.2),
        lambda: prose(rng, TRACE_IDENT, 0.1, ni=lambda: _ni_fmt(rng)),
        0.1,
    )


WD_PLAIN = [
    "Too many visits",
    "Travel to {hosp} too far",
    "Did not like the injections",
    "Moved abroad",
    "Felt study drug not helping",
    "Lost capacity; consultee advised withdrawal",
    "Started on {drug} by GP (excluded med)",
    "No reason given",
    "Family situation",
]
WD_IDENT = [
    "Son {f} says mum is too tired for visits",
    "Her daughter {f} asked us to stop calling",
    "Carer {f} reports he is confused by the questionnaires",
    "Husband {f} rang to withdraw",
]


def withdrawal_reason(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.04,
        lambda: prose(rng, WD_PLAIN, 0.1),
        lambda: prose(rng, WD_IDENT, 0.0, f=lambda: values.fore(rng)),
        0.55,
    )


EXP_PLAIN = [
    "Bus fare from {town} £{gbp}",
    "Taxi booked by site",
    "Mileage {miles} miles @ 45p",
    "car park receipt attached",
    "Train ticket {town} - {town2}, £{gbp}",
    "Lunch voucher £{gbp}",
    "Claim rejected: no receipt",
    "Paid by BACS {date}",
]
EXP_IDENT = [
    "Parking at {hosp} for {vrm}",
    "Reg {vrm} - Pay & Display 3 hrs",
    "Permit issued for car {vrm}",
    "Mileage {miles} miles, vehicle {vrm}",
]


def expenses_note(rng, rows):
    return sprinkle(
        rng,
        rows,
        0.07,
        lambda: prose(rng, EXP_PLAIN, 0.15),
        lambda: prose(rng, EXP_IDENT, 0.0, vrm=lambda: values.vrm(rng)),
        0.2,
    )


AE_TERMS = [
    "worsening {disease}",
    "rash after {drug}",
    "{disease} flare",
    "fall at {town} bus station",
    "Bell's palsy L side",
    "Takotsubo cardiomyopathy",
    "dizzy ++ after {drug2}",
    "Guillain-Barre ?",
    "query Addison's crisis",
    "UTI - trimethoprim",
    "hypo x{n} overnight",
    "C. diff on {ward}",
    "Hodgkin lymphoma relapse",
    "Raynaud's worse in cold",
]


def ae_terms(rng, rows):
    from .text import column

    return column(rng, rows, 0.06, lambda: prose(rng, AE_TERMS, 0.2))


DQ_MSG = [
    "NHS number fails modulus 11 check ({rows} records)",
    "Postcode not found in ONS lookup: {rows} records",
    "Forename contains digits ({rows})",
    "Surname blank where consent = Y",
    "Date of birth after date of admission ({rows})",
    "Duplicate NHS number across sites ({rows} pairs)",
    "Email address malformed ({rows})",
    "Phone number has wrong length ({rows} rows)",
    "CHI number date part invalid ({rows})",
    "Name and NHS number do not match PDS ({pct}%)",
    "Address line 1 missing ({rows})",
    "Completeness of ethnicity {pct}%",
    "Hospital number format not recognised for site {hosp}",
]


def dq_messages(rng, rows):
    from .text import column

    return column(rng, rows, 0.02, lambda: prose(rng, DQ_MSG, 0.15))


PD_MSG = [
    "Visit {n} out of window by {k} days",
    "IMP lot {lot} dispensed after expiry",
    "Dose {mg} mg given instead of {mg2} mg",
    "Consent form v{n}.0 used after v{k}.0 approved (REC {rec})",
    "Eligibility: eGFR {x} below threshold, enrolled in error",
    "Temperature excursion at pharmacy, {hosp}",
    "Blood sample not taken at V{n} - centrifuge broken",
    "Substantial amendment (IRAS {iras}) not implemented at site",
    "Randomised before baseline {system} data complete",
    "ISRCTN{isrctn} registry entry out of date",
]


def protocol_deviation(rng, rows):
    from .text import column

    return column(rng, rows, 0.1, lambda: prose(rng, PD_MSG, 0.2))
