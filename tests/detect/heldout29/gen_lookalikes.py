"""Category g: look-alikes that identify nobody."""

from . import pools
from . import values as v


def _col(fn, blank_p):
    def make(rng, rows):
        return [None if rng.random() < blank_p else fn(rng) for _ in range(rows)]

    return make


def cop_case(rng):
    n = f"{rng.randint(1000000, 1499999)}"
    return rng.choice([f"{n}T", f"COP {n}T", f"1{n}", f"{n}T "])


def lpa_ref(rng):
    return f"7000-{rng.randint(0, 9999):04d}-{rng.randint(0, 9999):04d}"


def drug(rng):
    d = rng.choice(pools.DRUGS)
    return rng.choice([d, f"{d} {rng.choice(['5mg', '10mg', '2.5 mg', '500mg', '1g'])}", d.upper()])


def land_title(rng):
    return rng.choice(["WYK", "YY", "CYM", "GM", "LA", "MS", "WM", "EGL", "NGL"]) + str(
        rng.randint(10000, 999999)
    )


def funeral_plan_code(rng):
    # outward code shaped letters+digit(s), inward digit+2 letters: a valid postcode shape
    out = rng.choice(["FP", "PP", "GP", "CP", "SP"]) + str(rng.randint(1, 12))
    inn = f"{rng.randint(0, 9)}{rng.choice(v.POSTCODE_INWARD)}{rng.choice(v.POSTCODE_INWARD)}"
    return rng.choice([f"{out} {inn}", f"{out}{inn}"])


def _three_letters(rng):
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUWXYZ") for _ in range(3))


def motability_agreement(rng):
    return rng.choice(
        [
            f"MB{rng.randint(10, 99)} {_three_letters(rng)}",
            f"MOT-{rng.randint(10, 99)}{_three_letters(rng)}",
        ]
    )


def lgsco_ref(rng):
    return rng.choice(
        [
            f"{rng.randint(18, 24)} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}",
            f"{rng.randint(18, 24)}{rng.randint(0, 999999):06d}",
        ]
    )


def masked_pan(rng):
    last = f"{rng.randint(0, 9999):04d}"
    bin6 = rng.choice(["535522", "465901", "400344", "516001"])
    return rng.choice(
        [
            f"{bin6[:4]} {bin6[4:]}** **** {last}",
            f"************{last}",
            f"{bin6}******{last}",
            f"XXXX XXXX XXXX {last}",
        ]
    )


def grave_plot(rng):
    return rng.choice(
        [
            f"Sec {rng.choice('ABCDEFGH')} Row {rng.randint(1, 40)} Plot {rng.randint(1, 60)}",
            f"{rng.choice('ABCDEFGH')}/{rng.randint(1, 40)}/{rng.randint(1, 60)}",
            f"Muslim section {rng.choice('ABC')}-{rng.randint(100, 999)}",
            f"Grave {rng.randint(1000, 9999)}{rng.choice(['', 'A', 'B'])}",
        ]
    )


G_GENERATORS = {
    "cop_case_no": _col(cop_case, 0.1),
    "lpa_reference": _col(lpa_ref, 0.4),
    "care_home": _col(lambda r: r.choice(pools.CARE_HOMES), 0.05),
    "dawai_ka_naam": _col(drug, 0.1),
    "solicitor_firm": _col(lambda r: r.choice(pools.LAW_FIRMS), 0.35),
    "land_registry_title": _col(land_title, 0.3),
    "banca_sucursala": _col(lambda r: r.choice(pools.BANK_BRANCHES), 0.1),
    "funeral_plan_code": _col(funeral_plan_code, 0.5),
    "motability_agreement_no": _col(motability_agreement, 0.6),
    "lgsco_ref": _col(lgsco_ref, 0.7),
    "magaalada": _col(lambda r: r.choice(pools.TOWNS_SURNAMES), 0.05),
    "card_pan_masked": _col(masked_pan, 0.3),
    "iomann_sochraide": _col(lambda r: r.choice(pools.HYMNS), 0.6),
    "kobor_plot": _col(grave_plot, 0.6),
}
