"""Category a: free text with identifiers in a minority of rows."""

from . import pools
from . import values as v
from .text import fill, free_text, title


def porter_job_comments(rng, rows):
    plain = [
        "Pt to X-ray from {ward} by chair, O2 required",
        "collect bloods from {ward} -> path lab",
        "oxygen cylinder swap {ward} bay {bay}",
        "Deceased transfer {ward} to mortuary - 2 porters",
        "job cancelled by ward",
        "pt not ready, ward asked to rebook",
        "linen cage to Level {lvl}",
        "Notes to {clinic}",
        "wheelchair missing from {ward}",
        "TTOs to discharge lounge",
        "bed move {ward} bay {bay} -> {ward} SR{n}",
        "waited {mins} mins at lift B",
        "Porter redirected - urgent CT",
        "Bariatric bed from {building} store",
        "Specimen run {time}, pneumatic tube down",
    ]

    def hit(r):
        h = v.hospital_number(r)
        return fill(
            r,
            r.choice(
                [
                    f"collect pt {h} from {{ward}} to CT",
                    f"Pt ID {h} - wristband checked",
                    f"transfer {h} {{ward}} -> {{ward}}\nside room",
                    f"wrong pt sent, correct no. is {h}",
                ]
            ),
        )

    return free_text(rng, rows, 0.065, plain, hit)


def bleep_log_free_text(rng, rows):
    plain = [
        "Bleep {bleep} - no answer x2, escalated to site manager",
        "fast bleep arrest team {ward}",
        "FY1 bleeped re fluids {ward}",
        "callback ext {ext}",
        "Outreach bleeped {time} NEWS 7",
        "bleep {bleep} faulty - swapped at switchboard",
        "Reg bleeped for {ward}, answered {mins} min",
        "2222 call {ward} stood down {time}",
    ]

    def hit(r):
        m = v.mobile(r)
        return r.choice(
            [
                f"asked to call back on mobile {m} (on call reg off site)",
                f"pls ring {m}",
                f"Dr on call mob: {m}",
                f"no bleep signal in {r.choice(pools.BENEFACTORS)} - use {m}",
            ]
        )

    return free_text(rng, rows, 0.055, plain, hit)


def flow_board_comment(rng, rows):
    plain = [
        "Awaiting TTOs",
        "MFFD - awaiting POC",
        "D2A pathway 1 referral sent",
        "Needs side room - D&V",
        "Medically optimised, awaiting {site}",
        "Bed cleaning requested {time}",
        "EDD {date}",
        "Waiting transport",
        "Red2Green: red day - awaiting echo",
        "Boarded on {ward}",
        "Outlier from {eponym} ward",
        "Transfer to {eponym} Unit when bed available",
    ]

    def hit(r):
        f, s = v.person(r)
        return fill(
            r,
            r.choice(
                [
                    f"{title(r)} {f} {s} to SR{{n}} (C.diff)",
                    f"{f} {s} - family meeting pm",
                    f"{s.upper()}, {f} - outlier on {{ward}}",
                    f"swap {f} {s} with bay {{bay}} pt",
                ]
            ),
        )

    return free_text(rng, rows, 0.085, plain, hit)


def casenote_tracker_remarks(rng, rows):
    plain = [
        "Vol 2 of 3 sent to {clinic}",
        "Notes tracked to secretary's office (Level {lvl})",
        "Missing - last seen {ward}",
        "Temp folder made",
        "Notes returned to library, shelf {shelf}",
        "Scanned to EDM {date}",
        "merged volumes",
        "Pulled for clinic {date}, {clinic}",
        "Off-site store box {ext}",
    ]

    def hit(r):
        n = v.nhs_number(r)
        spaced = f"{n[:3]} {n[3:6]} {n[6:]}"
        return r.choice(
            [
                f"Temp notes for NHS {spaced}",
                f"duplicate folder - NHS no {n} check with PAS",
                f"{spaced} notes requested for coroner",
            ]
        )

    return free_text(rng, rows, 0.045, plain, hit)


def property_book_entry(rng, rows):
    plain = [
        "1 x yellow metal ring (worn), 1 x mobile phone (black)",
        "Wallet containing bank cards x3 and {money} cash",
        "Clothing bag x2, walking stick",
        "Hearing aids (pair) in case",
        "Dentures - upper only",
        "Handbag - not itemised, pt declined",
        "white metal watch, keys on fob",
        "Rosary beads, prayer book",
        "Glasses x2 (reading), slippers",
        "Cash {money} to General Office safe, receipt given",
    ]

    def hit(r):
        d = v.driving_licence(r)
        return r.choice(
            [
                f"Wallet: bank cards x2, driving licence {d}, £5 note",
                f"Photocard driving licence no. {d} returned to pt",
                f"DL {d} + bus pass in purse",
            ]
        )

    return free_text(rng, rows, 0.055, plain, hit)


def photo_request_narrative(rng, rows):
    plain = [
        "Wound photography weekly - sacral PU cat 3",
        "Pre-op photos for plastics, consent form 3 signed",
        "Dermatology: lesion L forearm, ruler in shot",
        "Images uploaded to PACS, patient declined copies",
        "Tissue viability review, photo via MedPhoto app",
        "Studio booking {day} {time}, {building}",
        "Burns dressing change photos, theatre 4",
    ]

    def hit(r):
        e = v.email(r)
        return r.choice(
            [
                f"Pt requested copies by e-mail to {e}",
                f"send images to {e} (pt's own, consent obtained)",
            ]
        )

    return free_text(rng, rows, 0.065, plain, hit)


def viewing_booking_notes(rng, rows):
    plain = [
        "Viewing booked {day} {time}, 3 family members, chapel of rest",
        "Family asked for chaplain to attend",
        "Funeral director to collect after viewing",
        "Viewing room 2 (multi-faith), shoes off",
        "Rebooked - family delayed on M62",
        "Release for burial within 24h requested",
        "Bereavement office to ring family {day}",
    ]

    def hit(r):
        a = v.address(r)
        return r.choice(
            [
                f"family travelling from {a} - please call on arrival",
                f"Condolence letter to {a}",
                f"Property to be posted to {a}",
            ]
        )

    return free_text(rng, rows, 0.055, plain, hit)


def switchboard_call_summary(rng, rows):
    plain = [
        "Caller asked for {ward}, transferred",
        "Enquiry re visiting times",
        "Wrong number",
        "Caller wanted PALS, given ext {ext}",
        "Fire alarm test - informed security",
        "Bleeped on-call surgical reg, no answer x3",
        "Taxi firm asking for {building}",
        "Caller cut off during transfer to {ward}",
    ]

    def hit(r):
        d = v.date_of_birth(r)
        shown = r.choice([d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%y"), d.strftime("%d %b %Y")])
        return r.choice(
            [
                f"Caller confirmed ID: DOB {shown}",
                f"Relative checking on pt, gave pt DOB {shown} - put through to ward",
                f"born {shown} per caller, could not find on PAS",
            ]
        )

    return free_text(rng, rows, 0.075, plain, hit)


def catering_special_instructions(rng, rows):
    plain = [
        "Soft & bite-sized (IDDSI L6)",
        "No pork, halal meals only",
        "Fortified diet, 2 x snacks",
        "Finger food please - dementia",
        "Coeliac - GF menu",
        "Renal diet, low potassium",
        "nil by mouth from midnight",
        "Level 4 puree, thickened fluids level 2",
        "Vegan, no honey",
        "Extra {drug} with breakfast",
    ]

    def hit(r):
        s = r.choice(pools.SURNAMES)
        s = s.upper() if r.random() < 0.4 else s
        return r.choice(
            [
                f"{title(r)} {s} requests extra custard",
                f"for {title(r)} {s} bed {r.randint(1, 30)} - kosher sealed meal",
                f"{title(r)} {s} will not eat fish",
            ]
        )

    return free_text(rng, rows, 0.065, plain, hit)


def concession_reason_text(rng, rows):
    plain = [
        "Weekly chemotherapy - 6 week concession",
        "Parent of NICU baby",
        "Relative of end-of-life pt ({ward})",
        "Renal dialysis 3x weekly",
        "Long-stay pt > 14 days visitor",
        "Volunteer - {building}",
        "Carer attending daily, {ward}",
    ]

    def hit(r):
        reg = v.vehicle_reg(r)
        return r.choice(
            [
                f"Concession for reg {reg}, valid 4 weeks",
                f"car {reg} - blue badge holder",
                f"Vehicle {reg} on ANPR whitelist",
            ]
        )

    return free_text(rng, rows, 0.095, plain, hit)


def specimen_rejection_comment(rng, rows):
    plain = [
        "Unlabelled sample - rejected",
        "Haemolysed, please repeat",
        "Insufficient sample for coag",
        "Request form and tube details do not match",
        "Sample > 4 hrs old",
        "Leaking container - discarded per SOP",
        "Query {org}, sent to reference lab",
        "Wrong tube (EDTA) for U&E",
    ]

    def hit(r):
        c = v.chi_number(r)
        return r.choice(
            [
                f"Tube labelled CHI {c} but form differs",
                f"Form CHI {c}, addressograph illegible",
                f"CHI {c[:6]} {c[6:]} on tube only",
            ]
        )

    return free_text(rng, rows, 0.055, plain, hit)


def sylwadau_asesydd(rng, rows):
    plain = [
        "Toilets clean, handrail loose on {ward}",
        "Food tasted good, portion sizes fine",
        "Signage confusing near Outpatients B",
        "Dementia-friendly clocks missing in bays",
        "Cyfleusterau'n lân iawn",
        "Bwyd yn dda, ond yn oer",
        "Arwyddion dwyieithog ar goll ger y dderbynfa",
        "Privacy curtains torn in {ward} bay {bay}",
        "Hand gel empty at entrance to {building}",
    ]

    def hit(r):
        p = v.postcode(r)
        return r.choice(
            [
                f"Assessor mileage from {p}",
                f"Assessor lives at {p} - send claim form",
                f"Cyfeiriad yr asesydd: {p}",
            ]
        )

    return free_text(rng, rows, 0.045, plain, hit)


def ward_visitor_diary(rng, rows):
    plain = [
        "Chatted with gentleman in bay {bay} about football",
        "Read newspaper to lady in SR{n}",
        "Played dominoes, pt enjoyed",
        "Pt tired, short visit",
        "Helped with menu card",
        "Brought talking book from {building} library",
        "Pt asked for chaplain - passed to nurse in charge",
    ]

    def hit(r):
        n = v.ni_number(r)
        if r.random() < 0.5:
            n = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
        return r.choice(
            [
                f"Helped pt with PIP form - NI number {n} written on form",
                f"Pt asked me to note NI no {n} for the benefits advisor",
            ]
        )

    return free_text(rng, rows, 0.055, plain, hit)


def radio_dedication_message(rng, rows):
    plain = [
        "For everyone on {ward}, get well soon",
        "For all the nurses on night shift",
        "To the staff of the Discharge Lounge - thank you",
        "Birthday wishes to the whole of Ward 9",
        "For the porters - you're stars",
        "Please play {song} for {eponym} ward",
        "Request: {song}, for everyone in {building}",
    ]

    def hit(r):
        f = r.choice(pools.FORENAMES)
        return fill(
            r,
            r.choice(
                [
                    f"For {f} on {{ward}}, love from all the family",
                    f"Happy 90th {f}! from the grandchildren",
                    f"{f} - we miss you at home, get well soon",
                    f"Play {{song}} for {f} in bay {{bay}}",
                ]
            ),
        )

    return free_text(rng, rows, 0.12, plain, hit)
