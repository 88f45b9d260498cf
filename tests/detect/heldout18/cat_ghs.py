"""Categories g (look-alikes), h (hard names) and s (staff names)."""

import datetime as _dt

from . import pools
from . import values as v

# --- g -------------------------------------------------------------------


def pump_serial(rng, rows):
    return [f"{rng.choice(['KF', 'FR', 'NX'])}{rng.randint(0, 9999999):07d}" for _ in range(rows)]


def dressing_product(rng, rows):
    return [rng.choice(pools.DRESSINGS) for _ in range(rows)]


def hearing_aid_model(rng, rows):
    return [
        rng.choice(pools.HEARING_AIDS) + rng.choice(["", " (L)", " (R)", " x2"])
        for _ in range(rows)
    ]


def stoma_pip_code(rng, rows):
    return [
        f"{rng.randint(0, 9999999):07d}"
        if rng.random() < 0.7
        else f"{rng.choice(['CTA', 'DAN', 'SAL'])}{rng.randint(10000, 99999)}"
        for _ in range(rows)
    ]


UNIT_WORDS = ["Renal Unit", "Satellite Dialysis", "Kidney Centre", "Dialysis Unit"]


def dialysis_unit(rng, rows):
    return [f"{rng.choice(pools.PLACES)} {rng.choice(UNIT_WORDS)}" for _ in range(rows)]


def opat_drug(rng, rows):
    return [rng.choice(pools.DRUGS) for _ in range(rows)]


def catchment(rng, rows):
    extra = [
        "Ynys Môn",
        "Ceredigion",
        "Na h-Eileanan Siar",
        "West Yorkshire",
        "Fife",
        "County Down",
        "Powys",
        "Wirral",
    ]
    return [rng.choice(pools.PLACES + pools.TOWNS + extra) for _ in range(rows)]


def grid_ref(rng, rows):
    sq = ["SE", "SJ", "SK", "ST", "SU", "NT", "NS", "NH", "SH", "SN", "SO", "TQ", "NZ", "SD"]
    out = []
    for _ in range(rows):
        s = rng.choice(sq)
        k = rng.randint(0, 2)
        if k == 0:
            out.append(f"{s} {rng.randint(0, 99999):05d} {rng.randint(0, 99999):05d}")
        elif k == 1:
            out.append(f"{s}{rng.randint(0, 9999):04d}{rng.randint(0, 9999):04d}")
        else:
            out.append(f"{s} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}")
    return out


def asset_tag(rng, rows):
    out = []
    for _ in range(rows):
        age = rng.choice([rng.randint(10, 24), rng.randint(60, 74)])
        tail = "".join(rng.choice(v.REG_LETTERS) for _ in range(3))
        out.append(f"{rng.choice(['OT', 'EQ', 'CE'])}{age:02d} {tail}")
    return out


def organisation(rng, rows):
    return [rng.choice(pools.ORGANISATIONS) for _ in range(rows)]


def icd10(rng, rows):
    codes = [
        "L97.4",
        "N18.5",
        "T81.4",
        "L89.1",
        "H93.1",
        "H81.0",
        "E43",
        "K91.4",
        "F84.0",
        "F64.0",
        "Z99.2",
        "M20.1",
        "S82.6",
        "B95.6",
    ]
    return [rng.choice(codes) for _ in range(rows)]


def clinic_code(rng, rows):
    codes = [
        "TINN01",
        "BAL2WED",
        "PODSX-AM",
        "OPAT-V",
        "STOMA3",
        "WNDNR1",
        "ASD-ADLT",
        "GIC-NEW",
        "HEF-REV",
        "DLX-TX",
    ]
    return [rng.choice(codes) for _ in range(rows)]


EXPIRY_FORMATS = ["%d/%m/%Y", "%m/%y", "%Y-%m-%d"]


def batch_expiry(rng, rows):
    out = []
    base = _dt.date(2025, 1, 1).toordinal()
    for _ in range(rows):
        d = _dt.date.fromordinal(base + rng.randint(0, 1100))
        out.append(f"LOT{rng.randint(1000, 99999)} exp {d.strftime(rng.choice(EXPIRY_FORMATS))}")
    return out


def regiment(rng, rows):
    return [rng.choice(pools.REGIMENTS) for _ in range(rows)]


# --- h -------------------------------------------------------------------


def client_full_name(rng, rows):
    out = []
    for _ in range(rows):
        if rng.random() < 0.5:
            f, s = rng.choice(pools.WORLD_FULL)
        else:
            f, s = v.full_name(rng)
        out.append(f"{f} {s}" if rng.random() < 0.85 else f"{f}\u00a0{s}")
    return out


def forename_words(rng, rows):
    return [rng.choice(pools.WORD_FORENAMES) for _ in range(rows)]


def surname_words(rng, rows):
    return [rng.choice(pools.WORD_SURNAMES) for _ in range(rows)]


def name_caps(rng, rows):
    out = []
    for _ in range(rows):
        f, s = rng.choice(pools.PARTICLE_NAMES + pools.WORLD_FULL + [v.full_name(rng)])
        out.append(f"{s.upper()}, {f.upper()}")
    return out


def enw_llawn(rng, rows):
    return [
        f"{rng.choice(pools.WELSH_FORENAMES)} {rng.choice(pools.WELSH_SURNAMES)}"
        for _ in range(rows)
    ]


def ainm(rng, rows):
    out = []
    for _ in range(rows):
        f = rng.choice(pools.GAELIC_FORENAMES)
        s = rng.choice(pools.GAELIC_SURNAMES_M + pools.GAELIC_SURNAMES_F)
        out.append(f"{f} {s}")
    return out


def naam(rng, rows):
    out = []
    for _ in range(rows):
        f = rng.choice(pools.PUNJABI_FORENAMES)
        k = rng.randint(0, 2)
        if k == 0:
            out.append(f"{f} {rng.choice(pools.PUNJABI_MIDDLE)}")
        elif k == 1:
            out.append(
                f"{f} {rng.choice(pools.PUNJABI_MIDDLE)} {rng.choice(pools.PUNJABI_SURNAMES)}"
            )
        else:
            out.append(f"{f} {rng.choice(pools.PUNJABI_SURNAMES)}")
    return out


def _mojibake(s: str) -> str:
    return s.encode("utf-8").decode("cp1252", errors="replace")


def imie_nazwisko(rng, rows):
    out = []
    for _ in range(rows):
        s = f"{rng.choice(pools.POLISH_FORENAMES)} {rng.choice(pools.POLISH_SURNAMES)}"
        if rng.random() < 0.12:
            s = _mojibake(s)
        elif rng.random() < 0.15:
            s = v.ascii_fold(s)
        out.append(s)
    return out


def mononym(rng, rows):
    return [rng.choice(pools.MONONYMS) for _ in range(rows)]


def initials_surname(rng, rows):
    out = []
    for _ in range(rows):
        s = rng.choice(pools.SURNAMES)
        i = "".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(rng.randint(1, 3)))
        k = rng.randint(0, 2)
        out.append([".".join(i) + ". " + s, f"{i} {s}", f"{s} {i}"][k])
    return out


def particle_names(rng, rows):
    out = []
    for _ in range(rows):
        f, s = rng.choice(pools.PARTICLE_NAMES)
        out.append(f"{f} {s}" if rng.random() < 0.6 else f"{s}, {f}")
    return out


HYPHEN_FIRST = pools.HYPHEN_FORENAMES + pools.FORENAMES


def hyphen_names(rng, rows):
    return [f"{rng.choice(HYPHEN_FIRST)} {rng.choice(pools.HYPHEN_SURNAMES)}" for _ in range(rows)]


def room_eponym(rng, rows):
    return [rng.choice(pools.EPONYMS) for _ in range(rows)]


# --- s -------------------------------------------------------------------


def _staff(rng):
    return rng.choice(pools.STAFF_FORENAMES), rng.choice(pools.STAFF_SURNAMES)


def referrer(rng, rows):
    out = []
    for _ in range(rows):
        f, s = _staff(rng)
        out.append(
            rng.choice(
                [
                    f"Dr {f[0]}. {s} (GP)",
                    f"{f} {s}, ENT SpR",
                    f"Dr {f} {s}",
                    f"{s} {f} - audiologist",
                ]
            )
        )
    return out


def assessing_ot(rng, rows):
    out = []
    for _ in range(rows):
        f, s = _staff(rng)
        out.append(
            rng.choice(
                [
                    f"{f} {s} OT",
                    f"{f[0]}. {s}, Band 6 OT",
                    f"{f} {s} (HCPC OT{rng.randint(10000, 99999)})",
                ]
            )
        )
    return out


def consultant_surname(rng, rows):
    return [
        f"{rng.choice(['Mr', 'Miss', 'Ms', 'Dr', 'Prof'])} {rng.choice(pools.STAFF_SURNAMES)}"
        for _ in range(rows)
    ]


INTERP_TAGS = ["(RSLI)", "(TSLI)", "RSLI/NRCPD", "- deafblind interp", ""]


def interpreter(rng, rows):
    out = []
    for _ in range(rows):
        f, s = _staff(rng)
        out.append(f"{f} {s} {rng.choice(INTERP_TAGS)}".strip())
    return out


GRADES = ["SN", "Staff Nurse", "Sister", "CNS", ""]


def named_nurse(rng, rows):
    return [
        f"{rng.choice(GRADES)} {rng.choice(pools.STAFF_FORENAMES)}".strip() for _ in range(rows)
    ]


def authorised_by(rng, rows):
    out = []
    for _ in range(rows):
        f, s = _staff(rng)
        pn = rng.choice(["FRCS", "FRCP", "MBChB MRCP", "RN MSc", "DPodM FCPodS", "PhD"])
        out.append(rng.choice([f"Prof. {f} {s} {pn}", f"{f} {s}, {pn}", f"Dr {f} {s} {pn}"]))
    return out
