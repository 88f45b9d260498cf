"""Category g (look-alikes), h (hard names) and s (staff names)."""

from . import pools
from . import values as v

# ---- category g -----------------------------------------------------------


def medication(rng, rows):
    out = []
    for _ in range(rows):
        drug = rng.choice(pools.DRUGS)
        dose = rng.choice(["5mg", "10mg", "20 mg", "2.5mg", "500mg", "1 sachet", "4.6mg/24h patch"])
        out.append(
            rng.choice([f"{drug} {dose}", drug.upper(), f"{drug} {dose} OD", f"{drug} {dose} BD"])
        )
    return out


def venue(rng, rows):
    return [f"{rng.choice(pools.VENUES)}, {rng.choice(pools.TOWNS)}" for _ in range(rows)]


def provider_org(rng, rows):
    return [rng.choice(pools.PROVIDER_ORGS) for _ in range(rows)]


def device_serial(rng, rows):
    chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    out = []
    for _ in range(rows):
        s = "".join(rng.choice(chars) for _ in range(8))
        out.append(rng.choice([f"DX-{s[:4]}-{s[4:]}", f"R9{s}", f"SN {s}{rng.randint(10, 99)}"]))
    return out


def course_code(rng, rows):
    out = []
    for _ in range(rows):
        lvl = rng.choice(["E1", "E2", "E3", "L1", "L2", "PE"])
        out.append(f"ESOL-{lvl}-{rng.randint(2023, 2025)}-{rng.choice('ABCD')}{rng.randint(1, 9)}")
    return out


def route(rng, rows):
    out = []
    for _ in range(rows):
        a, b = rng.sample(pools.TOWNS, 2)
        out.append(
            rng.choice(
                [
                    f"Route {rng.randint(1, 30)}: {a} \u2013 {b}",
                    f"{a} Dial-a-Ride",
                    f"R{rng.randint(1, 30)} {a}/{b}",
                ]
            )
        )
    return out


def street_name(rng, rows):
    return [rng.choice(pools.STREETS) for _ in range(rows)]


def room_booked(rng, rows):
    return [rng.choice(pools.EPONYMS) for _ in range(rows)]


def team(rng, rows):
    return [rng.choice(pools.TEAMS) for _ in range(rows)]


def haf_voucher(rng, rows):
    chars = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return [
        "HAF" + str(rng.randint(24, 25)) + "-" + "".join(rng.choice(chars) for _ in range(6))
        for _ in range(rows)
    ]


def batch_ref(rng, rows):
    out = []
    for _ in range(rows):
        n = v.mod11_invalid(rng)
        out.append(f"{n[:3]} {n[3:6]} {n[6:]}")
    return out


def sort_code(rng, rows):
    return [
        f"{rng.randint(10, 99)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"
        for _ in range(rows)
    ]


def ref_code(rng, rows):
    out = []
    for _ in range(rows):
        digits = "".join(rng.choice("0123456789") for _ in range(6))
        code = "QQ" + digits + rng.choice("ABCD")
        out.append(rng.choice([code, f"QQ {digits[:2]} {digits[2:4]} {digits[4:]} {code[-1]}"]))
    return out


def grid_ref(rng, rows):
    squares = ["SJ", "SH", "SN", "SO", "NH", "NC", "NG", "SE", "SK", "TQ", "SU", "NY", "SD", "NZ"]
    out = []
    for _ in range(rows):
        sq = rng.choice(squares)
        e, n = rng.randint(0, 999), rng.randint(0, 999)
        out.append(
            rng.choice(
                [
                    f"{sq} {e:03d} {n:03d}",
                    f"{sq}{e:03d}{n:03d}",
                    f"{sq} {e // 10:02d} {n // 10:02d}",
                ]
            )
        )
    return out


# ---- category h -----------------------------------------------------------


def learner_forename(rng, rows):
    return [rng.choice(pools.WORD_FORENAMES) for _ in range(rows)]


def surname(rng, rows):
    return [rng.choice(pools.WORD_SURNAMES) for _ in range(rows)]


def uasc_name(rng, rows):
    out = []
    for _ in range(rows):
        g = rng.choice(pools.UASC_GIVEN)
        r = rng.random()
        if r < 0.3:
            out.append(g)
        elif r < 0.45:
            out.append(f"{g} (no family name given)")
        else:
            out.append(f"{g} {rng.choice(pools.UASC_FAMILY)}")
    return out


def full_name_particles(rng, rows):
    return [" ".join(rng.choice(pools.PARTICLE_NAMES)) for _ in range(rows)]


def name_upper(rng, rows):
    return [" ".join(rng.choice(pools.FAMILY_FIRST)).upper() for _ in range(rows)]


def initials_name(rng, rows):
    out = []
    for _ in range(rows):
        s = rng.choice(pools.SURNAMES)
        a, b, c = (rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(3))
        out.append(rng.choice([f"{a}.{b}. {s}", f"{a} {b} {c} {s}", f"{s} {a}{b}", f"{a}. {s}"]))
    return out


def enw_llawn(rng, rows):
    return [" ".join(rng.choice(pools.WELSH_GAELIC)) for _ in range(rows)]


def imie_nazwisko(rng, rows):
    out = []
    for _ in range(rows):
        m, f = rng.choice(pools.POLISH_SUR)
        if rng.random() < 0.5:
            out.append(f"{rng.choice(pools.POLISH_FIRST_M)} {m}")
        else:
            out.append(f"{rng.choice(pools.POLISH_FIRST_F)} {f}")
    return out


def naam(rng, rows):
    out = []
    for _ in range(rows):
        first = rng.choice(pools.PUNJABI_FIRST)
        mid = rng.choice(["Kaur", "Singh", "Kaur", "Singh", ""])
        s = rng.choice([*pools.PUNJABI_SUR, ""])
        out.append(" ".join(p for p in (first, mid, s) if p) if (mid or s) else f"{first} Kaur")
    return out


def family_name_short(rng, rows):
    return [rng.choice(pools.SHORT_SURNAMES) for _ in range(rows)]


def client_full_name(rng, rows):
    return [rng.choice(pools.ARABIC_AFRICAN) for _ in range(rows)]


def child_forename(rng, rows):
    return [rng.choice(pools.UNUSUAL_FORENAMES) for _ in range(rows)]


# ---- category s -----------------------------------------------------------


def allocated_sw(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(
            rng.choice(
                [f"{f} {s} (SW)", f"{f} {s} - Senior Practitioner", f"{s}, {f} (SSW)", f"{f} {s}"]
            )
        )
    return v.blank_some(rng, out, 0.1)


def referrer(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        pn = rng.choice(pools.POSTNOMINALS)
        out.append(
            rng.choice(
                [
                    f"Dr {f[0]} {s} GP",
                    f"Dr {f} {s} {pn}",
                    f"{f} {s} {pn}, district nurse",
                    f"{s} (HV)",
                ]
            )
        )
    return out


def financial_assessor(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(
            rng.choice([f"{f[0]}. {s}, FAO", f"{s} {f[0]} (FA{rng.randint(10, 99)})", f"{f} {s}"])
        )
    return out


def edt_worker(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(rng.choice([f"AMHP: {f} {s}", f"{f} {s} (EDT)", f"Duty SW {f} {s}", f"{f} {s}"]))
    return out


def cafcass_fca(rng, rows):
    out = []
    for _ in range(rows):
        f, s = v.full_name(rng)
        out.append(
            rng.choice(
                [f"{rng.choice(pools.TITLES[:5])} {f[0]}. {s}", f"{f} {s} (FCA)", f"{s}, {f}"]
            )
        )
    return v.blank_some(rng, out, 0.15)


def tutor_first_name(rng, rows):
    return [rng.choice(pools.FORENAMES_UK) for _ in range(rows)]
