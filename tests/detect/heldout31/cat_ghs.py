"""Categories g (look-alikes), h (hard names) and s (staff names)."""

from __future__ import annotations

import random
import string

from . import pools
from . import values as v


def _simple(rng: random.Random, rows: int, make, blank: float = 0.06) -> list[str | None]:
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


PUBS = ["Kings Arms", "Red Lion", "Royal Oak", "Miners Welfare", "Jolly Sailor"]
LOOPS = ["Hospital loop", "Moors", "School run", "Bus network"]
SIDES = ["North", "South", "Hill"]
TEAMS = ["Highways", "Claims", "Lighting", "Winter Service", "Concessions"]

# ---------------------------------------------------------------- g


def bus_route_name(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"{r.choice(pools.STREET_STEMS)} - {r.choice(pools.TOWNS)}",
                "The Harrison Flyer",
                "Brontë Bus",
                "Lady Anne Clifford Way",
                "Spirit of Owain Glyndŵr",
                "Captain Cook Coastliner",
                "Dylan Thomas Shuttle",
                "Grace Darling Link",
                f"{r.choice(pools.SAINTS)} Hospital Hopper",
                "Ellis Williams Memorial Express",
                f"{r.choice(['X', 'T', 'N'])}{r.randint(1, 99)} {r.choice(pools.TOWNS)} Connect",
            ]
        ),
    )


def nazwa_przystanku(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"opp {r.choice(pools.SAINTS)} Church",
                f"o/s {r.choice(pools.BRANDS)}",
                f"{v.street(r)} (Stop {r.choice('ABCDEFGH')})",
                f"{r.choice(pools.TOWNS)} Bus Station Stand {r.randint(1, 24)}",
                "nr " + r.choice(PUBS),
                f"adj {r.choice(['Lloyd', 'Parry', 'Evans', 'Baxter'])} Memorial Hall",
                f"{r.choice(pools.STREET_STEMS)} {r.choice(['Shelter', 'Flag', 'Layby'])}",
            ]
        ),
    )


def operator_licence(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: (
            r.choice(["PB", "PC", "PD", "PF", "PG", "PH", "PK", "PM", "OB"])
            + f"{r.randint(0, 9999999):07d}"
        ),
    )


def trip_ref(rng, rows):
    return _simple(rng, rows, lambda r: v.fail_mod11(r, r.choice(["1", "2", "5", "9"])))


def asset_tag(rng, rows):
    def mk(r):
        pc = v.postcode(r).split()[0]
        return r.choice(
            [
                f"SL/{pc}/{r.randint(1, 999):04d}",
                f"{pc}-LC{r.randint(1, 999):03d}",
                f"GB/{pc}/{r.randint(1, 99)}",
            ]
        )

    return _simple(rng, rows, mk)


def mobility_product(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.MOBILITY_PRODUCTS))


def organisation(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.OPERATORS))


def place_of_incident(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"{v.street(r)} / A{r.randint(1, 699)} junction",
                f"outside {r.choice(pools.BRANDS)}, {r.choice(pools.TOWNS)}",
                f"{r.choice(pools.SAINTS)} roundabout",
                f"M{r.randint(1, 90)} J{r.randint(1, 40)} slip road",
                f"Level crossing, {r.choice(pools.TOWNS)}",
                f"Carr Lane / {v.street(r)}",
                f"Ffordd {r.choice(['Dewi Sant', 'Glyndŵr', 'Llywelyn', 'Owain Lawgoch'])}",
            ]
        ),
    )


def medication_at_incident(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.DRUGS), 0.2)


def booking_ref(rng, rows):
    def mk(r):
        bad_first = r.choice("DFIQUV")
        a = bad_first + r.choice(string.ascii_uppercase)
        if r.random() < 0.4:
            a = r.choice(["GB", "BG", "NK", "KN", "TN", "NT", "ZZ"])
        digits = "".join(r.choice(string.digits) for _ in range(6))
        suffix = r.choice("EFGHJKMPXYZ")
        s = a + digits + suffix
        return r.choice([s, f"TXC-{s}", f"{a} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"])

    return _simple(rng, rows, mk)


def gritting_route(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"Route {r.randint(1, 24)} - Priority {r.randint(1, 3)} ({r.choice(LOOPS)})",
                f"{r.choice(pools.TOWNS)} {r.choice(SIDES)} P{r.randint(1, 2)}",
                f"Llwybr {r.randint(1, 12)} - {r.choice(['Blaenoriaeth 1', 'Blaenoriaeth 2'])}",
                f"Trasa {r.randint(1, 9)} (Zima)",
            ]
        ),
    )


def modelo_veiculo(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(pools.CAR_MODELS) + r.choice(["", "", " Auto", " 1.2", " Hybrid"]),
    )


def os_grid_ref(rng, rows):
    def mk(r):
        sq = r.choice(["SE", "SD", "SN", "SS", "ST", "SJ", "NG", "NM", "NB", "NH", "NZ", "TQ"])
        k = r.choice([4, 5])
        e, n = r.randint(0, 10**k - 1), r.randint(0, 10**k - 1)
        return r.choice(
            [
                f"{sq} {e:0{k}d} {n:0{k}d}",
                f"{sq}{e:0{k}d}{n:0{k}d}",
                f"{sq.lower()}{e:0{k}d} {n:0{k}d}",
            ]
        )

    return _simple(rng, rows, mk)


def dept_mailbox(rng, rows):
    boxes = [
        "highways",
        "gritting",
        "streetlighting",
        "taxicard",
        "concessionary.travel",
        "schooltransport",
        "claims",
        "allotments",
        "noreply",
        "lostproperty",
        "teithio.ysgol",
        "priffyrdd",
        "railcards",
        "motability.enquiries",
        "info",
    ]
    doms = ["example.org", "council.example", "example.com", "example.net", "cyngor.example"]
    return _simple(rng, rows, lambda r: f"{r.choice(boxes)}@{r.choice(doms)}")


# ---------------------------------------------------------------- h


def forename(rng, rows):
    return _simple(rng, rows, lambda r: v.messy(r, r.choice(pools.WORD_FORENAMES)))


def surname(rng, rows):
    return _simple(rng, rows, lambda r: v.messy(r, r.choice(pools.WORD_SURNAMES)))


def imie_i_nazwisko(rng, rows):
    def mk(r):
        f, s = v.pl_name(r)
        if r.random() < 0.2:
            s = s + "-" + r.choice(pools.PL_SUR_M)
        n = r.choice([f"{f} {s}", f"{s} {f}", f"{f} {s}".upper()])
        return n

    return _simple(rng, rows, mk)


def nome_completo(rng, rows):
    def mk(r):
        parts = [r.choice(pools.PT_FORE)]
        if r.random() < 0.5:
            parts.append(r.choice(pools.PT_FORE))
        for _ in range(r.randint(1, 3)):
            if r.random() < 0.6:
                parts.append(r.choice(pools.PT_PART))
            parts.append(r.choice(pools.PT_SUR))
        return " ".join(parts)

    return _simple(rng, rows, mk)


def enw_llawn(rng, rows):
    return _simple(rng, rows, lambda r: f"{r.choice(pools.CY_FORE)} {r.choice(pools.CY_SUR)}")


def passenger(rng, rows):
    def mk(r):
        k = r.random()
        if k < 0.35:
            return r.choice(pools.MONONYMS)
        f, s = r.choice(pools.WORLD_FULL)
        return r.choice([f"{f} {s}", f"{s} {f}", f"{s.upper()} {f}"])

    return _simple(rng, rows, mk)


def claimant_name_caps(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        i = "".join(r.choice("ABCDEFGHJKLMNPRSTW") + " " for _ in range(r.randint(0, 2)))
        s2 = s.upper() + (f"-{r.choice(pools.SURNAMES).upper()}" if r.random() < 0.3 else "")
        return r.choice([f"{f.upper()} {i}{s2}", f"{f[0]} {i}{s2}", f"{s2} {f.upper()}"])

    return _simple(rng, rows, mk)


def initials_surname(rng, rows):
    def mk(r):
        s = r.choice(pools.SURNAMES + pools.PARTICLE_SURNAMES)
        ini = r.choice(["A.B.", "K", "J.R.", "M. A.", "P", "S.J.", "T", "E.M."])
        return r.choice([f"{ini} {s}", f"{r.choice(pools.TITLES)} {ini} {s}", f"{s}, {ini}"])

    return _simple(rng, rows, mk)


def ainm(rng, rows):
    def mk(r):
        f = r.choice(pools.GD_FORE)
        s = r.choice(pools.GD_SUR_F if r.random() < 0.5 else pools.GD_SUR_M)
        return f"{f} {s}"

    return _simple(rng, rows, mk)


def naam(rng, rows):
    def mk(r):
        if r.random() < 0.5:
            f, mid = r.choice(pools.PA_FORE_M), "Singh"
        else:
            f, mid = r.choice(pools.PA_FORE_F), "Kaur"
        k = r.random()
        if k < 0.3:
            return f"{f} {mid}"
        if k < 0.8:
            return f"{f} {mid} {r.choice(pools.PA_SUR)}"
        return f"{f} {r.choice(pools.PA_SUR)}".upper()

    return _simple(rng, rows, mk)


def surname_particles(rng, rows):
    return _simple(rng, rows, lambda r: v.messy(r, r.choice(pools.PARTICLE_SURNAMES)))


def child_forename(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.UNUSUAL_FORENAMES))


def gritter_name(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.GRITTER_NAMES), 0.3)


def ferry_vessel(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.FERRY_VESSELS))


# ---------------------------------------------------------------- s


def caseworker(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{f} {s} (TA team)",
                f"{f} {s}",
                f"{f[0]}.{s} - Travel Assist",
                f"{f} {s} (Cydlynydd Teithio)",
            ]
        )

    return _simple(rng, rows, mk, 0.1)


def assessed_by(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"Dr {f[0]}. {s} MBBS MRCGP",
                f"{f} {s} HCPC OT",
                f"{f} {s}, RGN",
                f"{f} {s} BSc (Hons) OT",
                f"Dr {s} (IMA)",
                f"{f} {s} - Independent Assessor",
            ]
        )

    return _simple(rng, rows, mk, 0.1)


def travel_trainer(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                "Kasia",
                "Tiago",
                "Bethan",
                "Jordan",
                "Priya",
                "Cai",
                "Olu",
                "Magda",
                "Iwan",
                "Shereen",
                "Rhys",
                "Joana",
            ]
        ),
        0.15,
    )


def referrer_surname(rng, rows):
    def mk(r):
        s = r.choice(pools.SURNAMES)
        return r.choice(
            [
                f"PC {r.randint(100, 9999)} {s.upper()}",
                f"PCSO {s}",
                f"{s} ({r.randint(1000, 9999)})",
                f"DC {s}",
                f"Sgt {s}",
            ]
        )

    return _simple(rng, rows, mk, 0.2)


def handled_by_user(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return f"{s}, {f} ({r.choice(TEAMS)})"

    return _simple(rng, rows, mk, 0.05)


def pracownik_socjalny(rng, rows):
    def mk(r):
        f = r.choice(pools.PL_FORE_F + pools.PL_FORE_M + pools.FORENAMES)
        s = r.choice(pools.PL_SUR_M + pools.SURNAMES)
        return r.choice([f"{f} {s}", f"{s} {f}", f"mgr {f} {s}"])

    return _simple(rng, rows, mk, 0.1)
