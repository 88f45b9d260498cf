"""Category a: free-text columns where identifiers appear in a minority of rows."""

from . import values as v


def _free_text(rng, rows, p_id, p_blank, filler, make_id_sentence):
    out = []
    for _ in range(rows):
        r = rng.random()
        if r < p_id:
            parts = rng.sample(filler, rng.randint(0, 2))
            parts.insert(rng.randint(0, len(parts)), make_id_sentence())
            out.append(_join(rng, parts))
        elif r < p_id + p_blank:
            out.append(None)
        else:
            out.append(_join(rng, rng.sample(filler, rng.randint(1, 3))))
    return out


def _join(rng, parts):
    sep = rng.choice([" ", " ", "  ", "\n", " - ", "; "])
    text = sep.join(parts)
    if rng.random() < 0.1:
        text = text.lower()
    if rng.random() < 0.05:
        text = " " + text + " "
    return text


ADULT_ED = [
    "Good progress on Entry 3 functional skills maths.",
    "Attendance patchy this term, missed two sessions due to shift work.",
    "ESOL level 1 - speaking strong, writing needs support.",
    "Enrolled on the digital skills taster, brought own laptop.",
    "Requested large print handouts.",
    "Childcare bursary approved by the learner support fund.",
    "Completed the initial assessment, placed in the Tuesday evening group.",
    "Withdrawn - moved out of area.",
    "Achieved the unit on budgeting and consumer rights.",
    "Tutor to chase the ILP review before half term.",
    "Very engaged, asked about the Access to HE diploma.",
]


def adult_ed_tutor_comments(rng, rows):
    def ident():
        name = v.full_name(rng)
        return rng.choice(
            [
                f"Learner {name} asked to swap groups.",
                f"Spoke to {name} after class about the exam date.",
                f"{name} - certificate posted.",
                f"Buddy pairing with {name} working well.",
            ]
        )

    return _free_text(rng, rows, 0.08, 0.12, ADULT_ED, ident)


MEMORY = [
    "Seen with daughter. ACE-III 71/100, down from 78 last year.",
    "MoCA 19/30; attention and delayed recall most affected.",
    "CT head shows small vessel disease, no mass lesion.",
    "Started donepezil 5mg nocte, review in 6 weeks.",
    "Carer stress noted, referred to the Admiral nurse.",
    "Driving discussed; advised to inform the DVLA.",
    "Lives alone, meals on wheels twice daily.",
    "Diagnosis: mixed Alzheimer's and vascular dementia.",
    "Declined the research register for now.",
    "Bloods (B12, folate, TFTs) within normal limits.",
]


def memory_clinic_narrative(rng, rows):
    def ident():
        n = v.nhs_number(rng)
        n = rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])
        return rng.choice(
            [
                f"NHS no {n} confirmed with patient.",
                f"Letter copied to GP (ref {n}).",
                f"Old notes under NHS number {n}.",
            ]
        )

    return _free_text(rng, rows, 0.06, 0.1, MEMORY, ident)


CONTINENCE = [
    "Using 2 pads/day, size M, leakage at night only.",
    "Bladder diary returned - frequency 11 x per day.",
    "Pelvic floor exercises taught, leaflet given.",
    "Catheter changed, 14Ch, next due in 12 weeks.",
    "Product order amended to Tena Slip Plus.",
    "UTI symptoms, dipstick positive for nitrites, GP informed.",
    "Bowel chart: Bristol type 6, 3 x daily.",
    "Home delivery every 12 weeks confirmed.",
    "Skin intact, barrier cream continued.",
]


def continence_review_notes(rng, rows):
    def ident():
        h = v.hospital_number(rng)
        return rng.choice(
            [
                f"Urodynamics booked under hosp no {h}.",
                f"Clinic letter filed against {h}.",
                f"MRN/hospital number {h} - duplicate record merged.",
            ]
        )

    return _free_text(rng, rows, 0.05, 0.15, CONTINENCE, ident)


LYMPH = [
    "Mesuriadau: right arm 12% larger than left.",
    "Class 2 flat-knit sleeve fitted, review 3 months.",
    "MLD taught to carer, good technique.",
    "Cellulitis episode in June, antibiotics via GP.",
    "Skin care advice given; emollient twice daily.",
    "Bandaging reduced to 3 times a week.",
    "Patient prefers appointments in Welsh.",
    "Limb volume stable since last visit.",
    "Wrap system ordered, delivery 10 working days.",
]


def lymphoedema_sylw(rng, rows):
    def ident():
        e = v.email(rng)
        return rng.choice(
            [
                f"Prefers contact by e-mail: {e}",
                f"Ebost / email {e} for appointment letters.",
                f"Send garment prescription to {e}.",
            ]
        )

    return _free_text(rng, rows, 0.07, 0.1, LYMPH, ident)


PREVENT = [
    "Concerns raised by college DSL about online material.",
    "No further action at gateway assessment.",
    "Referred to Channel; consent discussed with family.",
    "Ideology unclear / mixed; vulnerability factors include isolation.",
    "Police information check completed, nothing of note.",
    "Mentor allocated, weekly sessions.",
    "Case closed at panel - needs met by early help.",
    "School reports improved engagement this half term.",
]


def prevent_referral_summary(rng, rows):
    def ident():
        a = v.address(rng, one_line=rng.random() < 0.7)
        return rng.choice(
            [
                f"Home visit to {a}.",
                f"Lives at {a} with grandparents.",
                f"Address given as {a}.",
            ]
        )

    return _free_text(rng, rows, 0.05, 0.1, PREVENT, ident)


NRM = [
    "Reasonable grounds decision received, positive.",
    "First responder referral completed by the council.",
    "Interpreter (Albanian) used throughout.",
    "Accommodation via the Salvation Army contract.",
    "Indicators of labour exploitation at a car wash.",
    "Safe house move agreed, 45 day recovery period.",
    "Declined NRM, duty to notify form submitted instead.",
    "Documents reportedly held by the employer.",
    "Conclusive grounds pending.",
]


def modern_slavery_nrm_notes(rng, rows):
    def ident():
        p = v.passport(rng)
        return rng.choice(
            [
                f"Passport no. {p} recovered by police.",
                f"Travel document {p} copy on file.",
                f"Passport {p} (expired) seen at visit.",
            ]
        )

    return _free_text(rng, rows, 0.04, 0.1, NRM, ident)


SEND_LOG = [
    "Picked up 08:05, dropped at school 08:40.",
    "Passenger assistant on board, harness checked.",
    "Traffic on the ring road, 15 min late.",
    "Child unsettled, calmed with ear defenders.",
    "Wheelchair clamps checked, tail lift OK.",
    "No show at pick-up, office informed.",
    "Route 14 changed to avoid roadworks.",
    "Fuel card used at 16:10.",
    "Minibus cleaned after journey.",
]


def send_transport_driver_log(rng, rows):
    def ident():
        r = v.vrm(rng)
        return rng.choice(
            [
                f"Vehicle {r} used today (spare).",
                f"Reg {r} - tyre warning light on.",
                f"Swapped to {r} after breakdown.",
            ]
        )

    return _free_text(rng, rows, 0.10, 0.05, SEND_LOG, ident)


DFG = [
    "Level access shower recommended by the OT.",
    "Stairlift: straight run, 13 steps.",
    "Ramp gradient 1:12 achievable at the rear.",
    "Means test complete, no contribution.",
    "Landlord consent received.",
    "Through-floor lift not feasible (joists).",
    "Asbestos survey required before works.",
    "Ground floor extension, planning needed.",
    "Works completed, sign-off by the surveyor.",
]


def dfg_surveyor_remarks(rng, rows):
    def ident():
        u = v.uprn(rng)
        return rng.choice(
            [
                f"UPRN {u} checked on the LLPG.",
                f"Property ref (UPRN) {u}.",
                f"Matched to uprn {u}.",
            ]
        )

    return _free_text(rng, rows, 0.06, 0.1, DFG, ident)


PEDIGREE = [
    "Three-generation pedigree drawn.",
    "Maternal side: two cases of breast cancer under 50.",
    "Paternal grandfather colon cancer at 62.",
    "Consanguinity: parents are first cousins.",
    "Predictive testing offered to the sister.",
    "Proband tested negative for the familial variant.",
    "Family originally from the Punjab, relatives in Canada.",
    "Twin pregnancy in the second generation, both well.",
    "Confirmation of diagnosis requested from another centre.",
]


def genetics_pedigree_text(rng, rows):
    def ident():
        s = v.surname(rng)
        return rng.choice(
            [
                f"Links to the {s} family file.",
                f"Maiden name {s}.",
                f"Cousins ({s}) seen in another clinic.",
            ]
        )

    return _free_text(rng, rows, 0.07, 0.1, PEDIGREE, ident)


FERTILITY = [
    "Cykl 2: stymulacja rozpoczęta / stimulation started day 2.",
    "AMH 12.4 pmol/L, AFC 9.",
    "Egg collection: 8 oocytes, 5 mature.",
    "Two blastocysts frozen.",
    "Semen analysis within WHO range.",
    "Counselling session offered and accepted.",
    "Funding criteria met (1 NHS cycle).",
    "Embryo transfer day 5, single embryo.",
    "Pregnancy test negative, follow-up call booked.",
]


def fertility_clinic_uwagi(rng, rows):
    def ident():
        c = v.chi_number(rng)
        c = rng.choice([c, f"{c[:6]} {c[6:]}"])
        return rng.choice(
            [
                f"CHI {c} verified.",
                f"Partner CHI: {c}.",
                f"Nr CHI {c}.",
            ]
        )

    return _free_text(rng, rows, 0.05, 0.1, FERTILITY, ident)


PORT = [
    "Boarded at berth 4, master cooperative.",
    "Ship sanitation certificate extended one month.",
    "Crew member with fever isolated in cabin.",
    "Water samples taken from the galley.",
    "Rodent evidence in the dry store.",
    "Maritime declaration of health received late.",
    "Pilot boarded 06:30, no concerns.",
    "Galley deep clean requested.",
]


def port_health_boarding_notes(rng, rows):
    def ident():
        n = v.ni_number(rng)
        n = rng.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"])
        return rng.choice(
            [
                f"UK-based crew member, NI no {n}.",
                f"Agent NINO {n} recorded.",
                f"Stevedore's NI {n} taken for the accident form.",
            ]
        )

    return _free_text(rng, rows, 0.04, 0.05, PORT, ident)


TELECARE = [
    "Pendant activated in error, client fine.",
    "Fall detector triggered, responder attended in 25 mins.",
    "Smoke alarm test call, all OK.",
    "Client confused, asked what day it is.",
    "No answer via speech unit, keyholder contacted.",
    "Ambulance requested, ETA 2 hrs.",
    "Battery low signal from the base unit.",
    "Welfare call completed.",
]


def telecare_call_transcript(rng, rows):
    def ident():
        p = v.phone(rng)
        return rng.choice(
            [
                f"Daughter asked to be rung on {p}.",
                f"Called keyholder on {p}, no answer.",
                f"New mobile {p} added to the call list.",
            ]
        )

    return _free_text(rng, rows, 0.08, 0.08, TELECARE, ident)


WARM = [
    "EPC band E, loft insulation 100mm.",
    "Cavity wall insulation recommended.",
    "Air source heat pump survey booked.",
    "Solid wall, external wall insulation quote.",
    "Condensing boiler installed 2012.",
    "Occupant in receipt of pension credit.",
    "Damp in the rear bedroom.",
    "Smart meter already fitted.",
]


def warm_homes_assessor_notes(rng, rows):
    def ident():
        pc = v.postcode(rng)
        return rng.choice(
            [
                f"Neighbouring street in {pc} already done.",
                f"Postcode {pc} eligible area.",
                f"Check the IMD for {pc}.",
            ]
        )

    return _free_text(rng, rows, 0.06, 0.1, WARM, ident)


FUNERAL = [
    "No next of kin traced after searches.",
    "Cremation at the municipal crematorium, 10:30.",
    "Estate referred to the Government Legal Department.",
    "Ashes retained for 12 months.",
    "Belongings collected from the flat.",
    "Minister of religion attended.",
    "Costs recovered in part from the bank account.",
    "Funeral date 14/03 confirmed with the contractor.",
]


def pph_funeral_notes(rng, rows):
    def ident():
        d = v.dob(rng)
        ds = v.date_formats(rng, d, rng.choice([0, 1, 2, 3, 5]))
        return rng.choice(
            [
                f"DOB {ds} per the hospital.",
                f"Born {ds}.",
                f"Date of birth {ds} from the death certificate.",
            ]
        )

    return _free_text(rng, rows, 0.05, 0.1, FUNERAL, ident)
