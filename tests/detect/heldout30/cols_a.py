"""Category a: free text with identifiers in a minority of rows."""

from __future__ import annotations

import random

from . import pools
from . import values as v


def _pick(rng: random.Random, *parts: list[str]) -> str:
    return " ".join(rng.choice(p) for p in parts)


def _maybe_blank(rng: random.Random, text: str, p: float = 0.12) -> str | None:
    return None if rng.random() < p else text


def _nhs_spaced(rng: random.Random) -> str:
    n = v.nhs_number(rng)
    return rng.choice([n, f"{n[:3]} {n[3:6]} {n[6:]}"])


# a1 ----------------------------------------------------------------------------------
_REASONS = [
    "Referred for 12 wk supervised programme - BMI 34.2, sedentary, pre-diabetic (HbA1c 44).",
    "Post cardiac event, cleared by cardiology, Phase IV. Start low, RPE 11-13.",
    "Knee OA both sides, wants aqua sessions only. Wt 96.4kg.",
    "Low mood + weight gain since retiring. Likes walking, not gyms.",
    "Type 2 DM, on metformin 500mg bd. Aim 150 min/wk.",
    "COPD mild (FEV1 72%), pulmonary rehab done 2022, maintenance.",
    "Hypertension 152/94 on amlodipine, lifestyle advice given at Ridgeway surgery.",
    "Back pain, physio discharged, continue core work at Waterfront LC.",
    "Anxiety, GP suggests group setting, Tues/Thurs am best.",
    "Falls history? none. Balance poor, chair-based to start.",
]


def referral_reason(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        n = _nhs_spaced(r)
        return r.choice(
            [
                f"{r.choice(_REASONS)} NHS no {n} - pls confirm on SystmOne.",
                f"Pt NHS {n}. {r.choice(_REASONS)}",
                f"{r.choice(_REASONS)}\n(NHS number: {n})",
            ]
        )

    return v.with_exact_share(rng, rows, 0.08, hit, lambda r: _maybe_blank(r, r.choice(_REASONS)))


# a2 ----------------------------------------------------------------------------------
_INSTR = [
    "Completed induction 10:15, resting HR 78, post 112. Happy with cross trainer L4.",
    "Did 20 mins bike, 3x12 leg press @ 40kg. BP 138/86 pre.",
    "DNA today - 2nd in a row, left vm.",
    "Swapped to Fri 14:00 Aquafit, pool 2.",
    "Weight 88.7 kg (-2.1 since wk1). Waist 101cm.",
    "Struggled on treadmill at 4.5 km/h, used rower instead.",
    "Brought own water bottle & towel, asked about concession card renewal.",
    "Review wk 6: 9/12 sessions attended, 2 cancelled (hospital appt).",
]


def instructor_notes(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        m = v.mobile(r)
        m = r.choice([m, f"{m[:5]} {m[5:]}", f"{m[:5]} {m[5:8]} {m[8:]}"])
        return r.choice(
            [
                f"{r.choice(_INSTR)} Prefers text on {m}.",
                f"New mob {m} - update Gladstone. {r.choice(_INSTR)}",
                f"{r.choice(_INSTR)} ring {m} if class cancelled",
            ]
        )

    return v.with_exact_share(rng, rows, 0.06, hit, lambda r: _maybe_blank(r, r.choice(_INSTR)))


# a3 ----------------------------------------------------------------------------------
_VOL = [
    "Marshal at the turnaround at {ev}, v cold, 214 finishers.",
    "Tail walker at {ev} - last finisher 58:41, lovely morning.",
    "Barcode scanning at {ev}; scanner 2 died, used app.",
    "Run director briefing at {ev}, new course due to flooding by the lake.",
    "Timekeeper #2 at {ev}. 1st finisher 16:03.",
    "Pacer 30 min at {ev}, came in 29:52.",
    "Token sorting after {ev}, tokens 1-400 all back.",
    "Photographer at {ev}, pics on Flickr.",
]


def volunteer_comments(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        return r.choice(_VOL).format(ev=r.choice(pools.PARKRUN_EVENTS))

    def hit(r):
        e = v.email(r)
        return r.choice(
            [f"{base(r)} Contact {e} for roster swaps.", f"{base(r)} ({e})", f"{e} - {base(r)}"]
        )

    return v.with_exact_share(rng, rows, 0.05, hit, lambda r: _maybe_blank(r, base(r)))


# a4 ----------------------------------------------------------------------------------
_WALK = [
    "Taith gerdded i {h} - tywydd braf, 14 ar y daith.",
    "Walk to {h} and back via {p}, 6.2 miles, 11 walkers.",
    "Cerdded o'r maes parcio i {h}. Mwd ofnadwy ger y gamfa.",
    "Short walk round {t} park, 2 miles, new walkers from {t} Library.",
    "Route changed - {h} path closed. Lunch at {p}.",
    "Cancelled: amber weather warning for {t}.",
]


def sylwadau(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        return r.choice(_WALK).format(
            h=r.choice(pools.HILLS_AND_SIGHTS), p=r.choice(pools.PUBS), t=r.choice(pools.TOWNS)
        )

    def hit(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"{base(r)} {n} wedi troi ei ffêr - wedi ffonio adref.",
                f"{base(r)} First walk for {n}, referred from surgery.",
                f"{n} led the back markers. {base(r)}",
            ]
        )

    return v.with_exact_share(rng, rows, 0.10, hit, lambda r: _maybe_blank(r, base(r)))


# a5 ----------------------------------------------------------------------------------
_ARTS = [
    "Lino printing at {g} - inspired by {a}, very absorbed, talked more than last week.",
    "Visit to {g} to see the {a} room. Said it reminded her of the mills.",
    "Watercolour session, skies after {a}. Group of 7.",
    "Clay workshop, made a pinch pot. Quiet but stayed to the end.",
    "Collage on 'home' theme; used maps of {t}.",
    "Found the {a} exhibition at {g} overwhelming, left at the break.",
]


def session_reflection(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        return r.choice(_ARTS).format(
            g=r.choice(pools.GALLERIES), a=r.choice(pools.ARTISTS), t=r.choice(pools.TOWNS)
        )

    def hit(r):
        addr = v.address(r, sep=r.choice([", ", " ", "\n"]))
        return r.choice(
            [
                f"{base(r)} Taxi to collect from {addr} next week.",
                f"Materials pack posted to {addr}. {base(r)}",
            ]
        )

    return v.with_exact_share(rng, rows, 0.04, hit, lambda r: _maybe_blank(r, base(r)))


# a6 ----------------------------------------------------------------------------------
_CHOIR = [
    "Sang all of the second half, tapping along to Daisy Bell.",
    "Agitated at start, settled once the warm-up began.",
    "Carer says he hums the songs at home all week.",
    "Joined in with the actions for the Okey Cokey, big smiles.",
    "Tired today - new medication? Sat out after the tea break.",
    "Remembered the words to We'll Meet Again without the sheet.",
    "Came with daughter, both enjoyed the harmonies.",
]


def carer_notes(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        t = r.choice(["Mr", "Mrs", "Ms", "Miss", "Mr.", "Mrs."])
        s = v.surname(r)
        return r.choice(
            [
                f"{t} {s} {r.choice(_CHOIR).lower()}",
                f"{r.choice(_CHOIR)} {t} {s} asked for a lift home.",
            ]
        )

    return v.with_exact_share(rng, rows, 0.08, hit, lambda r: _maybe_blank(r, r.choice(_CHOIR)))


# a7 ----------------------------------------------------------------------------------
_MUSEUM = [
    "Handled the 1920s flat iron and Victorian washboard; lots of memories of wash day.",
    "Object box 'Seaside' - postcards c.1935, bucket and spade, Punch puppet.",
    "Roman coin replica (AD 79) passed round, 9 residents.",
    "Talked about the 1953 Coronation using the souvenir mug.",
    "Mining lamp (c.1910) and snap tin; two residents ex-miners.",
    "War-time ration book 1942, gas mask box. Some distress, moved on.",
    "Handling session cancelled - norovirus on unit 2.",
]


def outreach_log(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        d = v.fmt_date(r, v.dob(r))
        return r.choice(
            [
                f"{r.choice(_MUSEUM)} New resident joined (DOB {d}).",
                f"Resident born {d} shared wedding photos. {r.choice(_MUSEUM)}",
                f"{r.choice(_MUSEUM)} d.o.b. {d} added to consent form.",
            ]
        )

    return v.with_exact_share(rng, rows, 0.09, hit, lambda r: _maybe_blank(r, r.choice(_MUSEUM)))


# a8 ----------------------------------------------------------------------------------
_PLOT = [
    "Plot {p}: uncultivated >50%, first warning letter.",
    "Plot {p} well kept, brassicas netted. No action.",
    "Plot {p} shed roof off after storm, tenant informed.",
    "Plot {p}: bonfire reported by neighbour, reminded of rules.",
    "Plot {p} water trough leaking near gate 2.",
    "Plot {p} - hedge over path, 3rd notice.",
]


def plot_inspection_notes(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        return r.choice(_PLOT).format(p=f"{r.choice('ABCDEF')}{r.randint(1, 60)}")

    def hit(r):
        reg = v.vehicle_registration(r)
        return r.choice(
            [
                f"{base(r)} Car {reg} parked on the path again.",
                f"{base(r)} Van reg {reg.replace(' ', '')} blocking gate.",
            ]
        )

    return v.with_exact_share(rng, rows, 0.06, hit, lambda r: _maybe_blank(r, base(r)))


# a9 ----------------------------------------------------------------------------------
_LARDER = [
    "Parcel for 2 adults 3 kids, no pork. 14.2kg.",
    "Top-up shop, £3.50 paid, membership week 7 of 12.",
    "Fresh veg only, fridge broken at home.",
    "Referred on to Citizens Advice re: energy arrears.",
    "Halal box + nappies size 4.",
    "Didn't collect, parcel kept till Thurs.",
    "Vouchers x2 (Healthy Start) signposted.",
]


def larder_notes(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        ni = v.ni_number(r)
        ni = r.choice([ni, f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"])
        return r.choice(
            [
                f"{r.choice(_LARDER)} NI {ni} for DWP letter.",
                f"Benefits check started, NINO {ni}. {r.choice(_LARDER)}",
            ]
        )

    return v.with_exact_share(rng, rows, 0.05, hit, lambda r: _maybe_blank(r, r.choice(_LARDER)))


# a10 ---------------------------------------------------------------------------------
_SHED = [
    "Lathe serviced, new drive belt fitted.",
    "Bird boxes x12 finished for the primary school.",
    "Bandsaw blade snapped, ordered 2 more.",
    "Tea urn descaled. Biscuit fund £4.20.",
    "Bench for the memorial garden - sanded, 1st coat.",
    "Sharpening day: chisels, planes, 3 spades from the allotments.",
    "Quiet day, 5 in. Radio on, crossword done.",
]


def shed_log(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        f = v.forename(r)
        return r.choice(
            [
                f"{f} {r.choice(_SHED)[0].lower()}{r.choice(_SHED)[1:]}",
                f"{r.choice(_SHED)} {f} brought cake.",
                f"{r.choice(_SHED)} {f} not in - hospital.",
            ]
        )

    return v.with_exact_share(rng, rows, 0.10, hit, lambda r: _maybe_blank(r, r.choice(_SHED)))


# a11 ---------------------------------------------------------------------------------
_FAIR = [
    "BP 164/98 repeat 158/95 - advised GP within 1 week.",
    "Cholesterol 6.8, non-fasting. Leaflet given (Urdu).",
    "Glucose 11.2 random, already known diabetic, follows up at clinic.",
    "BMI 31, interested in walking group after Jummah.",
    "No concerns, pulse regular.",
    "Pulse irregular ?AF - urgent GP letter given.",
]


def fair_followup(rng: random.Random, rows: int) -> list[str | None]:
    def hit(r):
        h = v.hospital_number(r)
        return r.choice(
            [
                f"{r.choice(_FAIR)} Known to cardiology, hosp no {h}.",
                f"Hospital no. {h} - {r.choice(_FAIR)}",
            ]
        )

    return v.with_exact_share(rng, rows, 0.12, hit, lambda r: _maybe_blank(r, r.choice(_FAIR)))


# a12 ---------------------------------------------------------------------------------
_BP = [
    "{s}/{d} sitting, 2nd reading {s2}/{d2}. Cut done first, relaxed.",
    "Reading {s}/{d}, pulse {p}. Happy, knows his numbers.",
    "High {s}/{d} - card given, see pharmacist at Boots.",
    "{s}/{d} normal. Chatted about the football.",
]


def bp_check_notes(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        return r.choice(_BP).format(
            s=r.randint(110, 185),
            d=r.randint(65, 110),
            s2=r.randint(110, 180),
            d2=r.randint(65, 105),
            p=r.randint(52, 104),
        )

    def hit(r):
        n = v.full_name(r)
        return r.choice(
            [f"{base(r)} {n} referred to GP.", f"{n}: {base(r)}", f"{base(r)} (client {n})"]
        )

    return v.with_exact_share(rng, rows, 0.07, hit, lambda r: _maybe_blank(r, base(r)))


# a13 ---------------------------------------------------------------------------------
_REPAIR = [
    "Toaster, element gone, not economical. Recycled.",
    "Kettle {m} - new thermostat, PAT tested OK.",
    "Lamp rewired, fuse 3A.",
    "Trousers hemmed, zip replaced.",
    "Laptop {m} - slow, reinstalled OS, 4GB RAM added.",
    "Vacuum {m} belt replaced, £2 donation.",
    "Bike puncture + brake cables, back on the road.",
]


def repair_cafe_notes(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        m = r.choice(["KX-TG6821", "HD 7546", "DC25", "TM-400", "VK 12", "X230", "MS 6000"])
        return r.choice(_REPAIR).format(m=m)

    def hit(r):
        pc = v.postcode(r)
        pc = r.choice([pc, pc.replace(" ", ""), pc.lower()])
        return r.choice(
            [
                f"{base(r)} Volunteer to drop back to {pc}.",
                f"Collection from {pc} (library of things). {base(r)}",
            ]
        )

    return v.with_exact_share(rng, rows, 0.06, hit, lambda r: _maybe_blank(r, base(r)))


# a14 ---------------------------------------------------------------------------------
_FISH = [
    "Peg {p}: 3 roach, 1 perch, total 1lb 4oz. Calm, chatted lots.",
    "Peg {p} blank but enjoyed the morning. Heron on the far bank.",
    "Peg {p}: pike 8lb 2oz returned. Big grin.",
    "Loch bank session, 6 attended, 2 brown trout.",
    "Casting practice on the field, windy.",
    "Peg {p} - left early, low mood, follow-up call booked.",
]


def angling_notes(rng: random.Random, rows: int) -> list[str | None]:
    def base(r):
        return r.choice(_FISH).format(p=r.randint(1, 40))

    def hit(r):
        c = v.chi_number(r)
        return r.choice([f"{base(r)} CHI {c} for NHS Highland letter.", f"CHI: {c}. {base(r)}"])

    return v.with_exact_share(rng, rows, 0.04, hit, lambda r: _maybe_blank(r, base(r)))
