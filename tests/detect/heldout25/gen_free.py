"""Category a: free-text columns where identifiers turn up in a minority of rows."""

from __future__ import annotations

import random
from collections.abc import Callable

from . import values as v


def _inc(r: random.Random) -> str:
    return r.choice(
        [
            f"INC-{r.choice([2023, 2024])}-{r.randrange(10000):05d}",
            f"log {r.randrange(1, 400)}",
            f"CAD {r.randrange(100, 999)}/{r.randrange(1, 31):02d}",
            f"ref RC{r.randrange(100):02d}/{r.randrange(1000):03d}",
            f"ext {r.randrange(2000, 7999)}",
            f"{r.randrange(0, 24):02d}:{r.randrange(60):02d}",
            f"{r.randrange(1, 29)}/{r.randrange(1, 13)}",
            f"bay {r.randrange(1, 40)}",
            f"cot {r.randrange(1, 60)}",
        ]
    )


def _casing(r: random.Random, text: str) -> str:
    roll = r.random()
    if roll < 0.08:
        return text.upper()
    if roll < 0.15:
        return text.lower()
    if roll < 0.22:
        return text.replace(". ", ".\n", 1)
    if roll < 0.27:
        return "  " + text + "   "
    return text


def free_column(
    r: random.Random,
    rows: int,
    fillers: list[str],
    hit: Callable[[random.Random], str],
    rate: float,
    blank: float = 0.12,
) -> list[str | None]:
    """Prose rows; a fixed share `rate` of all rows carries an identifier from `hit`."""
    n_hits = round(rows * rate)
    hit_rows = set(r.sample(range(rows), n_hits))
    out: list[str | None] = []
    for i in range(rows):
        if i in hit_rows:
            out.append(_casing(r, hit(r)))
        elif r.random() < blank:
            out.append(None)
        else:
            text = r.choice(fillers).format(inc=_inc(r), n=r.randrange(2, 60), m=r.randrange(2, 9))
            if r.random() < 0.3:
                text += " " + r.choice(fillers).format(
                    inc=_inc(r), n=r.randrange(2, 60), m=r.randrange(2, 9)
                )
            out.append(_casing(r, text))
    return out


REST_FILL = [
    "Arrived by council minibus {inc}. Given blanket and hot drink.",
    "Family of {m} registered, no medical needs declared.",
    "Requested halal meal, kitchen informed {inc}.",
    "Dog kept in pet area, owner happy.",
    "Left to stay with relatives, signed out {inc}.",
    "Insulin needs fridge - stored in first aid room.",
    "Hearing aid batteries requested. Red Cross to bring.",
    "Camp bed {n} allocated. Quiet area preferred.",
    "No phone signal, used landline at desk {inc}.",
    "Wheelchair user, ground floor space given.",
    "Returning home once EA all-clear given.",
    "Child needs formula - provided from stock.",
    "Anxious about property, spoke to welfare officer.",
    "Insurance company details not known yet.",
    "Transport to B&B arranged by housing {inc}.",
]


def _rest_hit(r: random.Random) -> str:
    p = v.phone(r, mobile=r.random() < 0.8)
    return r.choice(
        [
            f"Callback on {p} if space at hotel.",
            f"Daughter's mobile {p} - ring before 6pm.",
            f"Can be reached on {p}. Going to sister's.",
            f"Left with friends {_inc(r)}, contact no. {p}",
            f"Mob: {p} (own phone, low battery)",
        ]
    )


CB_FILL = [
    "Caller concerned about relative who was on the {n}:15 train. No further info.",
    "Caller asked for update on reception centre location {inc}.",
    "Call transferred to Family Assistance Centre.",
    "Hoax call suspected, supervisor informed {inc}.",
    "Description given: white male, approx 40, blue jacket.",
    "Caller believes friend attended the concert. Descr. passed to mispers team.",
    "Duplicate of earlier record {inc}, merged.",
    "Caller could not give surname, only nickname.",
    "Welsh speaker, call passed to Welsh language line.",
    "Query re hospital list, advised to wait for police call back.",
    "Caller in Poland, interpreter via Language Line {inc}.",
    "No match on survivor list yet {inc}.",
]


def _cb_hit(r: random.Random) -> str:
    f, s = v.person(r)
    name = r.choice([f"{f} {s}", f"{s.upper()}, {f}", f"{f} {s.upper()}"])
    return r.choice(
        [
            f"Missing person: {name}, last seen near the station.",
            f"Caller reports {name} not answering phone since the blast.",
            f"Enquiry for {name}, aged about {r.randrange(18, 90)}. {_inc(r)}",
            f"MISPER {name} - possible match on hospital list.",
            f"Caller's brother {name} was in the building.",
        ]
    )


DOOR_FILL = [
    "No answer, card left {inc}.",
    "Occupant refused to leave, advised of risk.",
    "House empty, neighbour says family away.",
    "Elderly resident, agreed to go to rest centre.",
    "Water at doorstep level at {inc}.",
    "Sandbags in place, occupants staying upstairs.",
    "Dog barking inside, no response - RSPCA informed.",
    "Self-evacuated to friends.",
    "Vulnerable occupant, oxygen user - ambulance liaison.",
    "Property flooded to {n}cm, occupants out.",
    "Holiday let, no one present.",
    "Caravan on site unoccupied.",
]


def _door_hit(r: random.Random) -> str:
    addr = v.address(r, with_postcode=r.random() < 0.6)
    if r.random() < 0.25:
        addr = addr.replace(", ", "\n")
    return r.choice(
        [
            f"Moved to {addr} (son's house).",
            f"Staying at {addr} until further notice.",
            f"Forwarding address given: {addr}",
            f"Gone to mother's - {addr}",
        ]
    )


PSR_FILL = [
    "Called re planned outage {inc}. Customer aware.",
    "Generator delivered, customer confirmed running.",
    "Ventilator user, battery 6 hrs - escalated {inc}.",
    "No answer, voicemail left.",
    "Hot meal van attended {inc}.",
    "Customer on dialysis at home, asked for priority restore.",
    "Power restored {inc}, call closed.",
    "Stairlift not working, customer upstairs with carer.",
    "Oxygen concentrator - cylinders ordered via supplier.",
    "Wrong number on register, updated.",
    "Customer moved to hotel for the night.",
    "Fridge medicines at risk, cool bag provided.",
]


def _psr_hit(r: random.Random) -> str:
    n = v.nhs(r)
    shown = r.choice([n, v.spaced_334(n), f"{n[:3]}-{n[3:6]}-{n[6:]}"])
    return r.choice(
        [
            f"Medical equipment dependency confirmed by GP, NHS no {shown}.",
            f"Care agency quoted NHS number {shown} for hospital bed check.",
            f"Added to medical dependency list (NHS {shown}).",
            f"Home oxygen supplier ref uses NHS no: {shown}",
        ]
    )


MORT_FILL = [
    "Received from {inc}. Property bag sealed.",
    "Awaiting identification, photographs taken.",
    "Transferred to temporary mortuary unit {inc}.",
    "Funeral director collected, paperwork complete.",
    "Coroner's referral, PM requested.",
    "Cold store {m}, shelf 2. Seal intact.",
    "Next of kin informed by police FLO.",
    "Excess deaths surge: overflow unit in use.",
    "Jewellery logged, 2 rings, 1 watch.",
    "Medical examiner review complete {inc}.",
    "Release authorised, awaiting undertaker.",
]


def _mort_hit(r: random.Random) -> str:
    h = v.hospital_number(r)
    return r.choice(
        [
            f"Ward transfer, hosp no {h}.",
            f"Wrist band reads {h}, cross-checked with ward.",
            f"From ITU, MRN {h}. Body bag seal checked.",
            f"Hospital number on toe tag: {h}",
        ]
    )


HEAT_FILL = [
    "Called, resident well, drinking water, curtains closed.",
    "Fan delivered {inc}.",
    "No answer x{m}, neighbour check requested.",
    "Resident feeling dizzy, advised to call 111.",
    "Carer visits twice daily, aware of amber alert.",
    "Declined further calls.",
    "Temp in flat {n}C, advised cool room downstairs.",
    "Lives alone, on diuretics, GP informed {inc}.",
    "Cooling centre at library suggested.",
    "Relative will check in tomorrow.",
]


def _heat_hit(r: random.Random) -> str:
    e = v.email(r)
    return r.choice(
        [
            f"Son prefers updates by email {e}.",
            f"Niece asked to be copied in: {e}",
            f"Relative abroad, contact via {e} {_inc(r)}",
            f"Email welfare summary to daughter <{e}>",
        ]
    )


ARAP_FILL = [
    "Arrived Heathrow {inc}, bridging hotel allocated.",
    "Family of {m}, Pashto speakers, interpreter needed.",
    "Biometric residence permits pending.",
    "Children need school places, education team informed.",
    "GP registration requested {inc}.",
    "Dari interpreter booked for induction.",
    "Husband former interpreter for British forces.",
    "Medical needs: diabetes, medication supply 2 weeks.",
    "Moved from bridging hotel to settled accommodation.",
    "Winter clothes provided from donations.",
    "Bank account opening appointment {inc}.",
]


def _arap_hit(r: random.Random) -> str:
    p = v.passport(r, r.choice(["afg", "afg", "uk"]))
    return r.choice(
        [
            f"Passport {p} seen and copied.",
            f"Travel doc no. {p}, expired, HO aware.",
            f"ID: passport {p} (father)",
            f"Only one passport for family: {p}",
        ]
    )


HFU_FILL = [
    "Property visit complete, two bedrooms suitable.",
    "Smoke alarms fitted on both floors {inc}.",
    "Host has a dog, guests happy with this.",
    "Spare room small but adequate for 1 adult.",
    "Gas safety certificate seen.",
    "Guests arriving from Warsaw {inc}.",
    "Host lives rurally, bus every 2 hours.",
    "Damp in rear bedroom, advised dehumidifier.",
    "Thank-you payment set up {inc}.",
    "Host concerned about length of stay.",
    "Rematch requested, relationship breakdown.",
]


def _hfu_hit(r: random.Random) -> str:
    reg = v.vehicle_reg(r)
    return r.choice(
        [
            f"Host will drive guests, car {reg}.",
            f"Parking: host's vehicle {reg} on drive.",
            f"Host car reg {reg} noted for school run permit.",
            f"Guests given lift in {reg} from station.",
        ]
    )


DBS_FILL = [
    "Enhanced DBS applied {inc}.",
    "Two forms of ID seen, utility bill and bank statement.",
    "Other adults in household: 1, DBS also required.",
    "ID check done by video call.",
    "DBS returned clear {inc}.",
    "Awaiting proof of address.",
    "Host's partner refused check, escalated.",
    "ID verified via Post Office route.",
]


def _dbs_hit(r: random.Random) -> str:
    dl = v.driving_licence(r)
    if r.random() < 0.3:
        dl = f"{dl[:5]} {dl[5:11]} {dl[11:]}"
    return r.choice(
        [
            f"Photo driving licence {dl} seen.",
            f"DL no: {dl}",
            f"ID checked: licence {dl}, address matches.",
            f"Licence number recorded {dl} {_inc(r)}",
        ]
    )


COLD_FILL = [
    "Heating working, resident warm.",
    "Oil tank empty, emergency delivery arranged {inc}.",
    "Warm pack delivered: blanket, flask, hat.",
    "Resident using one room only to save money.",
    "Pipes frozen, plumber contacted.",
    "Gritting of path requested {inc}.",
    "Prepayment meter out of credit, voucher issued.",
    "Winter fuel payment query passed to advice service.",
    "Well, family nearby.",
    "Referral to warm spaces scheme {inc}.",
]


def _cold_hit(r: random.Random) -> str:
    n = v.ni(r)
    shown = r.choice([n, f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}", n.lower()])
    return r.choice(
        [
            f"Pension credit check needed, NI {shown}.",
            f"Benefit advice referral, NINO {shown}.",
            f"Gave NI no {shown} for Warm Home Discount claim.",
        ]
    )


FRG_FILL = [
    "Household flooded internally, grant eligible.",
    "Business premises, referred to business grant {inc}.",
    "Council tax discount applied for {m} months.",
    "Evidence: photos of flood damage submitted.",
    "Second home, not eligible.",
    "Grant paid {inc}.",
    "Property flood resilience survey booked.",
    "Garage flooded only, not eligible.",
    "Tenant applied, landlord informed.",
    "Appeal received {inc}.",
]


def _frg_hit(r: random.Random) -> str:
    u = v.uprn(r)
    return r.choice(
        [
            f"Address matched to UPRN {u}.",
            f"LLPG lookup ok - {u}",
            f"Duplicate claim on uprn {u}, checked.",
            f"Property ref (UPRN): {u} {_inc(r)}",
        ]
    )


MRT_FILL = [
    "Callout via Police Scotland {inc}. Team paged.",
    "Walker overdue, found safe at bothy.",
    "Lower leg injury, stretcher carry {n}0m.",
    "Coastguard helicopter Rescue 151 tasked.",
    "Stood down before deployment.",
    "Casualty handed to Scottish Ambulance Service {inc}.",
    "Search of corrie, nil found, resume at first light.",
    "Hypothermic casualty, rewarmed in vehicle.",
    "Dog recovered from ledge {inc}.",
    "Avalanche risk considerable, route altered.",
]


def _mrt_hit(r: random.Random) -> str:
    c = v.chi(r, v.dob(r, 14, 85))
    shown = r.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}"])
    return r.choice(
        [
            f"Casualty CHI {shown} given to SAS crew.",
            f"ECS checked, CHI no {shown}.",
            f"Hospital asked for CHI: {shown}",
        ]
    )


CY_FILL = [
    "Wedi cyrraedd am {inc}. Blanced a diod boeth.",
    "Teulu o {m}, dim anghenion meddygol.",
    "Siaradwr Cymraeg yn unig, cyfieithydd ddim angen.",
    "Arrived with carer, needs ground floor.",
    "Angen bwyd llysieuol.",
    "Ci yn yr ardal anifeiliaid.",
    "Gadawodd i aros gyda pherthnasau {inc}.",
    "Gwely {n} wedi'i roi.",
    "Poeni am y tŷ, siarad â swyddog lles.",
    "Bws i'r gwesty wedi'i drefnu.",
    "No phone, used desk landline {inc}.",
]


def _cy_hit(r: random.Random) -> str:
    f = v.forename(r, r.choice(["welsh", "welsh", "english", "polish", "afghan"]))
    return r.choice(
        [
            f"Siaradodd â {f} ar y ddesg.",
            f"{f} yn aros gyda'i chwaer.",
            f"Gofynnodd {f} am feddyginiaeth.",
            f"Spoke to {f} re meds. Diolch.",
            f"Mae {f} angen cadair olwyn.",
        ]
    )


TRIAGE_FILL = [
    "Walking wounded, minor cuts, cleaned and dressed.",
    "Uninjured, shaken, tea given.",
    "Smoke inhalation, O2 sats {n}%? recheck {inc}.",
    "Transferred to hospital by ambulance {inc}.",
    "Lost handbag, police informed.",
    "Child separated from parent, reunited {inc}.",
    "Declined medical assessment.",
    "Glass in hand, referred to minor injuries.",
    "Panic attack, settled with first aider.",
    "Asthma, own inhaler used.",
]


def _triage_hit(r: random.Random) -> str:
    d = v.dob(r, 1, 95)
    shown = r.choice(
        [
            d.strftime("%d/%m/%Y"),
            d.strftime("%d.%m.%Y"),
            d.strftime("%d/%m/%y"),
            f"{d.day} {d.strftime('%b %Y')}",
        ]
    )
    return r.choice(
        [
            f"DOB {shown}, no allergies.",
            f"Gave date of birth {shown} for ambulance crew.",
            f"d.o.b. {shown} - confused about own address.",
            f"Born {shown}, diabetic.",
        ]
    )


def _mk(fill: list[str], hit: Callable[[random.Random], str], lo: float, hi: float):
    def gen(r: random.Random, rows: int) -> list[str | None]:
        return free_column(r, rows, fill, hit, r.uniform(lo, hi))

    return gen


rest_centre_welfare_notes = _mk(REST_FILL, _rest_hit, 0.06, 0.10)
cb_call_narrative = _mk(CB_FILL, _cb_hit, 0.05, 0.08)
door_knock_comments = _mk(DOOR_FILL, _door_hit, 0.08, 0.12)
psr_outage_call_log = _mk(PSR_FILL, _psr_hit, 0.04, 0.06)
mortuary_admission_remarks = _mk(MORT_FILL, _mort_hit, 0.035, 0.05)
heatwave_check_outcome = _mk(HEAT_FILL, _heat_hit, 0.09, 0.13)
arap_arrival_notes = _mk(ARAP_FILL, _arap_hit, 0.06, 0.08)
hfu_host_visit_summary = _mk(HFU_FILL, _hfu_hit, 0.07, 0.10)
dbs_id_check_comments = _mk(DBS_FILL, _dbs_hit, 0.05, 0.07)
cold_weather_welfare_notes = _mk(COLD_FILL, _cold_hit, 0.04, 0.06)
flood_recovery_grant_narrative = _mk(FRG_FILL, _frg_hit, 0.07, 0.09)
mrt_callout_log = _mk(MRT_FILL, _mrt_hit, 0.04, 0.06)
nodiadau_canolfan_orffwys = _mk(CY_FILL, _cy_hit, 0.08, 0.11)
reception_centre_triage_text = _mk(TRIAGE_FILL, _triage_hit, 0.06, 0.09)
