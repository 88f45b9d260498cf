"""Free-text columns: category a (identifiers in a minority of rows) and d (no people)."""

import datetime as _dt
import random

from . import pools
from . import values as v

REF_PREFIXES = ["HB", "OP", "CT", "LC", "ST", "AB"]


def _fill(rng: random.Random, template: str) -> str:
    d1 = v.recent_date(rng)
    d2 = d1 + _dt.timedelta(days=rng.randint(7, 400))
    return template.format(
        amount=f"£{rng.randint(12, 4800):,}.{rng.randint(0, 99):02d}",
        date=d1.strftime(rng.choice(["%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y"])),
        date2=d2.strftime("%d/%m/%Y"),
        ref=f"{rng.choice(REF_PREFIXES)}/{d1.year}/{rng.randint(1, 99999):05d}",
        n=rng.randint(2, 52),
        wk=rng.randint(1, 12),
        org=rng.choice(pools.ORGS),
        place=rng.choice(pools.PLACES),
        council=rng.choice(pools.COUNCILS),
        street=rng.choice(pools.STREETS),
        ward=rng.choice(pools.WARDS),
        acct=v.mod11_invalid(rng),
        prop=f"{rng.randint(10_000_000, 99_999_999)}",
        lic=f"{rng.choice(['STL', 'ABL', 'SMD'])}-{rng.randint(100, 9999)}",
        pct=rng.choice([25, 50, 75, 100]),
    )


def _messy(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.08:
        text = text.upper()
    elif r < 0.16:
        text = text.lower()
    if rng.random() < 0.1:
        text = "  " + text
    if rng.random() < 0.1:
        text = text.replace(". ", ".\n", 1)
    if rng.random() < 0.06:
        text = text + " "
    return text


def free_text(rng, rows, fillers, id_sentences, make_id, p_id, p_blank=0.06):
    out = []
    for _ in range(rows):
        if rng.random() < p_blank:
            out.append(None)
            continue
        parts = [_fill(rng, rng.choice(fillers))]
        if rng.random() < 0.4:
            parts.append(_fill(rng, rng.choice(fillers)))
        if rng.random() < p_id:
            sentence = rng.choice(id_sentences).replace("{id}", make_id(rng))
            parts.insert(rng.randint(0, len(parts)), _fill(rng, sentence))
        out.append(_messy(rng, " ".join(parts)))
    return out


HB_FILL = [
    "Overpayment of {amount} raised for period {date} to {date2}.",
    "Cause: failure to declare change in earnings; classified claimant error.",
    "Recovery from ongoing HB at £{n}.00 pw per reg 102.",
    "Invoice {ref} issued {date}; 1 month to pay.",
    "LA error overpayment, not recoverable under reg 100(2).",
    "Official error - DWP notified late via ATLAS; underlying entitlement checked.",
    "Direct earnings attachment requested from employer, HB OP balance {amount}.",
    "Appeal received {date}; recovery suspended pending reconsideration.",
    "Referred to {org} for sanction decision.",
    "Written off: under £{n} threshold.",
    "Landlord recovery considered - tenant still resident at property.",
    "Blocked payments from wk {wk}; see document workflow item {prop}.",
]
HB_ID = [
    "Claimant {id} phoned to dispute the amount.",
    "Letter returned addressed to {id}, gone away.",
    "Spoke to {id} who agreed £{n} per week.",
    "{id} says the wages were already reported on {date}.",
]

SPD_FILL = [
    "SPD review form returned {date}, sole occupier confirmed.",
    "No response to review letter; reminder sent {date}.",
    "Credit reference data shows second adult linked to address since {date2}.",
    "Discount removed from {date}, new bill {ref} for {amount}.",
    "Student exemption certificate seen for second adult.",
    "Visiting officer attended {date}; two toothbrushes noted, evidence inconclusive.",
    "Civil penalty of £70 considered for failure to notify.",
    "Discount reinstated after review, adult disregarded (SMI certificate).",
    "Review matched against electoral register for {ward} ward.",
    "Case closed - no further action.",
]
SPD_ID = [
    "Occupant states her daughter {id} moved back in after university.",
    "Second adult on form named only as '{id}', surname left blank.",
    "Caller said {id} is staying temporarily, not resident.",
    "Lodger first name {id} given, refused surname.",
]

EA_FILL = [
    "Liability order granted {date}; referred to enforcement agent, debt {amount}.",
    "Compliance stage fee £75 added; enforcement stage £235.",
    "Vulnerability flagged, case returned to council for review.",
    "Goods taken into control under TCGA 2007 Sch 12, walking possession agreement signed.",
    "EA attended {n} times, no contact.",
    "Payment arrangement £{n} pcm agreed, first payment {date}.",
    "Case {ref} returned nulla bona.",
    "Hold placed {wk} weeks pending breathing space moratorium.",
    "Account {prop} paid in full {date}.",
    "Address trace returned new forwarding address in {place}.",
]
EA_ID = [
    "Debtor asks that agent calls {id} before visiting.",
    "New contact number given: {id}.",
    "Left card with callback {id}.",
    "Daughter rang from {id} to arrange payment.",
]

DEBT_FILL = [
    "Priority debts: council tax {amount}, rent arrears {amount}.",
    "Income and expenditure completed, surplus £{n} per month.",
    "Debt relief order considered; assets under limit.",
    "Breathing space registered {date}, ends {date2}.",
    "Referred to {org} for fuel voucher.",
    "Client has {n} non-priority creditors, total {amount}.",
    "Standard financial statement shared with creditors.",
    "Token payment offer £1 pm sent to each creditor.",
    "Appointment at {place} hub rebooked for {date}.",
    "Client vulnerable (mental health), consent form on file.",
]
DEBT_ID = [
    "Client prefers contact by e-mail: {id}.",
    "Statements forwarded from {id}.",
    "Send SFS copy to {id} please.",
    "Consent to correspond via {id} confirmed.",
]

UNIFORM_FILL = [
    "Grant of £{n}0.00 awarded for Year 7 transition.",
    "Eligibility checked via FSM list {date}.",
    "Voucher posted to parent, school notified.",
    "Applied late; discretion used by {council}.",
    "Two children eligible, £{n}0.00 each.",
    "Refused - income above threshold.",
    "PE kit included, receipt requested.",
    "Paid by BACS {date}, remittance {ref}.",
    "School: {place} High School, Year {wk}.",
]
UNIFORM_ID = [
    "Parent's NI number {id} used for eligibility check.",
    "NINO {id} matched on DWP ECS.",
    "ECS check failed for {id}, manual evidence requested.",
]

TUO_FILL = [
    "Tell Us Once notification received {date}.",
    "Council tax account {acct} closed from date of death.",
    "Blue badge return requested, bus pass cancelled.",
    "Housing benefit claim ended; overpayment check pending.",
    "Electoral registration updated for {ward} ward.",
    "Library membership closed.",
    "Executor correspondence to solicitor {org}.",
    "Account {acct} transferred to estate.",
    "Notification passed to pensions team {date}.",
    "Duplicate TUO record, merged with {ref}.",
]
TUO_ID = [
    "NHS number on TUO record {id}.",
    "Registrar supplied NHS no {id} for matching.",
    "Match made on NHS number ({id}).",
]

LLC_FILL = [
    "Official search CON29 completed {date}; no entries in part 3.",
    "Smoke control order applies across {ward} ward.",
    "Tree preservation order TPO/{n}/1998 affects adjoining land.",
    "Conservation area: {place} Town Centre.",
    "Article 4 direction noted in register part 4.",
    "Search fee {amount} received, ref {ref}.",
    "Financial charge registered in favour of {council}.",
    "Planning permission {ref} granted {date2}.",
    "Land Registry LLC migration completed for this parcel.",
    "Personal search - register made available {date}.",
]
LLC_ID = [
    "Search relates to {id}.",
    "Property searched: {id}.",
    "Charge registered against {id} (deferred payment).",
    "Requisition concerns {id}.",
]

STREET_FILL = [
    "Consent renewed for pitch {n} on {street}, {place}.",
    "Hot food trading hours 17:00-23:00.",
    "Food hygiene rating {wk} confirmed.",
    "Gas safety certificate seen {date}.",
    "Complaint received about litter near pitch.",
    "Fee {amount} paid, licence {lic} issued.",
    "Trading on prohibited street reported by {org}.",
    "Market day only, Saturdays.",
    "Public liability insurance expires {date}.",
]
STREET_ID = [
    "Trading van reg {id} observed on site.",
    "Vehicle {id} parked outside the permitted pitch.",
    "Catering trailer towed by {id}.",
]

BOARD_FILL = [
    "Inspection {date}: licence granted 4 stars.",
    "Max {n} dogs, {wk} cats.",
    "Isolation kennel adequate.",
    "Vaccination records checked for all boarders.",
    "Fire risk assessment out of date; re-inspect.",
    "Licence {lic} expires {date}.",
    "Home boarder, one household only.",
    "Vet practice: {place} Veterinary Centre.",
    "Fee {amount} paid.",
]
BOARD_ID = [
    "Home boarding address postcode {id}.",
    "Operator's home postcode is {id}, not the business premises.",
    "Dogs exercised away from home (pc {id}).",
]

CTR_FILL = [
    "Appellant says reduction miscalculated from {date}.",
    "Capital over £16,000 disregarded incorrectly.",
    "Decision letter dated {date} not received.",
    "Self-employed income averaged over {n} weeks.",
    "Non-dependant deduction disputed.",
    "Hearing listed {date2} at {org}.",
    "Backdating request from {date} refused.",
    "Reconsideration outcome issued {date}.",
    "Appeal lodged out of time; reasons given.",
]
CTR_ID = [
    "Appellant DOB {id}.",
    "DoB {id} (pension age - different scheme).",
    "born {id}, states she reached state pension age.",
    "d.o.b. {id} per claim form.",
]

TRIB_FILL = [
    "Tab {n}: decision notice dated {date}.",
    "Tab {wk}: council's submission, {n} pages.",
    "Bundle paginated 1-{n}0.",
    "Late evidence admitted by direction {date}.",
    "Statement of reasons requested.",
    "Tab {n}: medical evidence (GP letter).",
    "Valuation Tribunal hearing at {place}.",
    "Bundle served on all parties {date}.",
    "Index amended after case management hearing.",
]
TRIB_ID = [
    "{id}'s representative asks for adjournment.",
    "Statement of {id} at tab {n}.",
    "Witness statement from {id} added late.",
    "Letter from {id} re hearing dates.",
]

HSF_FILL = [
    "Household support fund award £{n}0 supermarket voucher.",
    "Energy top-up {amount} paid via PayPoint.",
    "Referred by {org}.",
    "Second award this scheme year - refused.",
    "Property ref {prop} checked for previous awards.",
    "Voucher code issued {date}.",
    "Eligible: pensioner household.",
    "Award approved by panel {date}.",
]
HSF_ID = [
    "Address matched to UPRN {id}.",
    "UPRN {id} flagged for duplicate check.",
    "Gazetteer match uprn:{id}.",
]

SCRAP_FILL = [
    "Site licence application received {date}.",
    "Basic disclosure certificate seen.",
    "Environment Agency waste permit ref EPR/{prop}.",
    "Police consulted, no objection.",
    "Collector's licence, covers {council} area.",
    "Fee {amount} paid; licence {lic}.",
    "Cashless payment records inspected.",
    "Renewal due {date}.",
]
SCRAP_ID = [
    "Identity checked against driving licence {id}.",
    "Photocard licence no. {id} copied to file.",
    "DL {id} verified.",
]

GAELIC_FILL = [
    "Fios bho {org} {date}.",
    "Council tax reduction reviewed, account {acct}.",
    "Visit to {place} office, {date}.",
    "Housing benefit ended {date2}.",
    "Reference {ref}, papers to Social Security Scotland.",
    "Letter sent in Gàidhlig and English.",
    "Client on Uibhist a Deas, phone appointment.",
    "Payment {amount} made.",
]
GAELIC_ID = [
    "CHI {id} supplied by health board for matching.",
    "Matched on CHI no {id}.",
    "CHI: {id}.",
]

NOTES_FILL = [
    "Referred under reg 14 of the Council Tax Reduction Schemes Regulations 2013.",
    "Papers sent to {org}.",
    "Case heard at {place} Magistrates' Court.",
    "Visit to St Mary's Court sheltered scheme, {street}.",
    "Joint working with {council}.",
    "Queen Elizabeth House office closed for refurbishment.",
    "King George V Playing Fields used as pitch during {place} gala.",
    "Albert Dock units excluded from the review.",
    "Victoria Wing of the Civic Centre, room {n}.",
    "Hamilton House team now handles {ward} ward cases.",
    "Checked against Valuation Office Agency list for {place}.",
    "Bishop Auckland pilot rules applied.",
    "Discussed at St Andrew's Day panel.",
    "Old Trafford area properties re-banded.",
    "Prince of Wales Road depot, bay {n}.",
    "Caerphilly and Rhondda Cynon Taf joint scheme.",
]

SEARCH_FILL = [
    "Search covers land at {street}, {ward} ward.",
    "St Michael and All Angels church adjoins, listed grade II.",
    "Highways England consulted re trunk road.",
    "Lady Margaret Hall playing field is common land.",
    "Sir John Moores building subject to article 4.",
    "Network Rail land to the north.",
    "Duke of York Inn car park excluded.",
    "Florence Nightingale Walk is unadopted.",
    "Fee {amount}, ref {ref}.",
    "Llyn Brianne water main easement.",
    "Elizabeth Line safeguarding zone does not apply.",
    "Grace Darling Court licence area boundary.",
    "Cadw scheduled monument within 50m.",
    "Victoria Park conservation area extension {date}.",
]


def _name(rng):
    f, s = v.full_name(rng)
    t = rng.random()
    if t < 0.25:
        return f"{rng.choice(pools.TITLES)} {f} {s}"
    return f"{f} {s}"


def _surname_titled(rng):
    return f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'])} {v.surname(rng)}"


def _dob_text(rng):
    d = v.dob(rng, 1935, 2004)
    return d.strftime(rng.choice(["%d/%m/%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%y"]))


def _vrm_text(rng):
    s = v.vrm(rng)
    return s.replace(" ", "") if rng.random() < 0.4 else s


def _uprn12(rng):
    return "100" + "".join(rng.choice("0123456789") for _ in range(9))


def _dl(rng):
    f, s = v.full_name(rng)
    return v.driving_licence(rng, f, s, v.dob(rng, 1950, 2004))


def _email_text(rng):
    f, s = v.full_name(rng)
    return v.email(rng, f, s)


def _nhs_text(rng):
    n = v.nhs_number(rng)
    return f"{n[:3]} {n[3:6]} {n[6:]}" if rng.random() < 0.5 else n


A_SPECS = {
    "hb_overpayment_narrative": (HB_FILL, HB_ID, _name, 0.08),
    "spd_review_comments": (SPD_FILL, SPD_ID, v.forename, 0.07),
    "ea_referral_notes": (EA_FILL, EA_ID, v.phone, 0.06),
    "debt_advice_casenote": (DEBT_FILL, DEBT_ID, _email_text, 0.10),
    "uniform_grant_comments": (UNIFORM_FILL, UNIFORM_ID, v.ni_number, 0.06),
    "tell_us_once_notes": (TUO_FILL, TUO_ID, _nhs_text, 0.07),
    "llc_search_remarks": (LLC_FILL, LLC_ID, v.address, 0.09),
    "street_trading_officer_notes": (STREET_FILL, STREET_ID, _vrm_text, 0.06),
    "boarding_inspection_notes": (BOARD_FILL, BOARD_ID, v.postcode, 0.07),
    "ctr_appeal_grounds": (CTR_FILL, CTR_ID, _dob_text, 0.12),
    "tribunal_bundle_notes": (TRIB_FILL, TRIB_ID, _surname_titled, 0.07),
    "hsf_award_notes": (HSF_FILL, HSF_ID, _uprn12, 0.08),
    "scrap_metal_licence_notes": (SCRAP_FILL, SCRAP_ID, _dl, 0.06),
    "Notaichean cùise": (GAELIC_FILL, GAELIC_ID, v.chi_number, 0.06),
}


def make_a(name):
    fillers, ids, make_id, p = A_SPECS[name]

    def gen(rng, rows):
        return free_text(rng, rows, fillers, ids, make_id, p)

    return gen


def notes(rng, rows):
    return free_text(rng, rows, NOTES_FILL, ["x"], lambda r: "", 0.0, p_blank=0.2)


def search_comments(rng, rows):
    return free_text(rng, rows, SEARCH_FILL, ["x"], lambda r: "", 0.0, p_blank=0.15)
