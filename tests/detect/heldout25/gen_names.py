"""Categories c (annotated names), h (hard names) and s (staff names)."""

from __future__ import annotations

import random
from collections.abc import Callable

from . import pools
from . import values as v


def _column(
    r: random.Random, rows: int, make: Callable[[random.Random], str], blank: float
) -> list[str | None]:
    return [None if r.random() < blank else make(r) for _ in range(rows)]


def _sparse(make: Callable[[random.Random], str], lo: float, hi: float):
    def gen(r: random.Random, rows: int) -> list[str | None]:
        return _column(r, rows, make, r.uniform(lo, hi))

    return gen


def _dense(make: Callable[[random.Random], str], blank: float = 0.03):
    def gen(r: random.Random, rows: int) -> list[str | None]:
        return _column(r, rows, make, blank)

    return gen


# ---- category c ------------------------------------------------------------


def _nok(r: random.Random) -> str:
    f, s = v.person(r)
    rel = r.choice(pools.RELATIONSHIPS)
    return r.choice(
        [
            f"{f} {s} ({rel})",
            f"{f} {s} - {rel}",
            f"{s.upper()} {f} ({rel.upper()})",
            f"{f} {s} [{rel}, lives abroad]",
            f"{r.choice(pools.TITLES)} {f} {s} ({rel})",
        ]
    )


def _evacuee(r: random.Random) -> str:
    f, s = v.person(r)
    note = r.choice(
        [
            "refused to leave",
            "gone to rest centre",
            "self-evacuated",
            "RTH",
            "oxygen user",
            "not known at address",
            "deaf - text only",
            "wheelchair",
            "returned 14:20",
            "with 2 cats",
            "see log 44",
        ]
    )
    return r.choice(
        [f"{s.upper()}, {f} - {note}", f"{f} {s} - {note}", f"{f} {s} ({note})", f"{f} {s}\n{note}"]
    )


def _lead_forename(r: random.Random) -> str:
    f = v.forename(r, r.choice(["ukrainian", "afghan", "syrian", "english", "polish"]))
    role = r.choice(
        [
            "mother",
            "lead applicant",
            "head of household",
            "grandmother",
            "eldest son",
            "speaks English",
            "main contact",
            "HoH",
        ]
    )
    return r.choice([f"{f} ({role})", f"{f} - {role}", f"{f.upper()} ({role})", f"{f} [{role}]"])


def _family_surname(r: random.Random) -> str:
    s = v.surname(r, r.choice(["ukrainian", "afghan", "syrian", "english", "welsh"]))
    size = r.randrange(1, 9)
    return r.choice(
        [
            f"{s.upper()} (family of {size})",
            f"{s} x{size}",
            f"{s} household ({size})",
            f"{s} - {size} pax",
            f"{s} family",
        ]
    )


def _sponsor(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice(
        [
            f"Mr & Mrs {s}",
            f"Dr. {f[0]}. {s} (sponsor)",
            f"{f} {s} - checks complete",
            f"{f} and {v.forename(r)} {s}",
            f"{r.choice(pools.TITLES)} {f} {s} (withdrawn)",
            f"{s}, {f} (rematch host)",
        ]
    )


def _deceased(r: random.Random) -> str:
    f, s = v.person(r)
    status = r.choice(
        [
            "ID pending",
            "identified",
            "awaiting PM",
            "released",
            "coroner",
            "ME reviewed",
            "visual ID only",
            "DVI",
        ]
    )
    return r.choice(
        [
            f"Late {r.choice(['Mr', 'Mrs', 'Ms'])} {f} {s} ({status})",
            f"{s.upper()}, {f} - {status}",
            f"{f} {s} [{status}]",
            f"{f} {s} (aka {v.forename(r)})",
        ]
    )


def _informant(r: random.Random) -> str:
    f, s = v.person(r)
    rel = r.choice(pools.RELATIONSHIPS)
    return r.choice(
        [
            f"{rel} - {f} {s}",
            f"{rel.title()}: {f} {s}",
            f"{rel} {f} {s.upper()}",
            f"{f} {s} (informant, {rel})",
        ]
    )


def _rc_contact(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice(
        [
            f"ask for {f} {s} @ desk {r.randrange(1, 5)}",
            f"{f} {s} (nights)",
            f"{f} {s} - Red Cross team leader",
            f"{f} {s}, day shift",
        ]
    )


def _neighbour(r: random.Random) -> str:
    s = v.surname(r)
    return r.choice(
        [
            f"Mrs {s} (no {r.randrange(1, 90)})",
            f"Mr {s} opposite",
            f"{s} - next door, has key",
            f"{r.choice(['Mr', 'Mrs', 'Ms', 'Dr'])} {s} (key safe)",
            f"{s.upper()} no. {r.randrange(1, 90)}",
        ]
    )


def _reporter(r: random.Random) -> str:
    f, s = v.person(r)
    rel = r.choice(pools.RELATIONSHIPS)
    return r.choice(
        [
            f"reported by {rel} {f} {s}",
            f"{f} {s} ({rel}) - called twice",
            f"{rel}: {f} {s}, rang from abroad",
            f"{f} {s}",
        ]
    )


def _pet_owner(r: random.Random) -> str:
    f, s = v.person(r)
    pet = r.choice(
        [
            "2 dogs",
            "cat",
            "rabbit",
            "parrot",
            "3 chickens",
            "ferret",
            "tortoise",
            "assistance dog",
            "horse at livery",
        ]
    )
    return r.choice([f"{f[0]}. {s} ({pet})", f"{f} {s} - {pet}", f"{f} {s} ({pet})"])


def _welsh_contact(r: random.Random) -> str:
    f = v.forename(r, r.choice(["welsh", "welsh", "english"]))
    s = v.surname(r, r.choice(["welsh", "welsh", "english"]))
    return r.choice(
        [
            f"{f} {s} ({r.choice(pools.WELSH_REL)})",
            f"{f} {s} - {r.choice(pools.WELSH_REL)}",
            f"{f} {s}",
        ]
    )


def _polish_guardian(r: random.Random) -> str:
    f = v.forename(r, "polish")
    s = v.surname(r, "polish")
    return r.choice(
        [
            f"{f} {s} ({r.choice(pools.POLISH_REL)})",
            f"{s.upper()} {f} - {r.choice(pools.POLISH_REL)}",
            f"{f} {s}",
        ]
    )


next_of_kin = _sparse(_nok, 0.55, 0.65)
evacuee_name_annotated = _sparse(_evacuee, 0.5, 0.6)
household_lead_forename = _sparse(_lead_forename, 0.6, 0.75)
family_surname = _sparse(_family_surname, 0.55, 0.7)
hfu_sponsor_name = _sparse(_sponsor, 0.6, 0.8)
deceased_name = _sparse(_deceased, 0.7, 0.85)
informant = _sparse(_informant, 0.7, 0.85)
rest_centre_contact_person = _sparse(_rc_contact, 0.75, 0.85)
neighbour_key_holder = _sparse(_neighbour, 0.7, 0.85)
missing_person_reported_by = _sparse(_reporter, 0.6, 0.8)
pet_owner = _sparse(_pet_owner, 0.75, 0.88)
enw_cyswllt = _sparse(_welsh_contact, 0.55, 0.75)
imie_i_nazwisko_opiekuna = _sparse(_polish_guardian, 0.6, 0.8)


# ---- category h ------------------------------------------------------------


def _many_origins(r: random.Random) -> str:
    origin = r.choice(list(pools.FORENAMES))
    f = v.forename(r, origin)
    s = v.surname(r, origin) if origin in pools.SURNAMES else v.surname(r)
    if origin in ("chinese", "vietnamese") and r.random() < 0.6:
        return f"{s.upper()} {f}"
    if origin in ("afghan",) and r.random() < 0.3:
        return f
    return r.choice([f"{f} {s}", f"{f} {s}", f"{s} {f}", f"{f}  {s}", f"{f.lower()} {s.lower()}"])


def _afghan_forename(r: random.Random) -> str:
    f = v.forename(r, "afghan")
    return r.choice(
        [
            f,
            f,
            f.replace("Mohammad", r.choice(["Mohammed", "Muhammad", "Mohd", "M."])),
            f.upper(),
            f.replace(" ", ""),
        ]
    )


def _ukr_surname(r: random.Random) -> str:
    key = r.choice(list(pools.UKR_SURNAME_VARIANTS))
    return r.choice(pools.UKR_SURNAME_VARIANTS[key])


def _mononym(r: random.Random) -> str:
    m = r.choice(pools.MONONYMS)
    return r.choice([m, m, m.upper(), f"{m} (FNU)", f"{m} ."])


def _word_like(r: random.Random) -> str:
    f = r.choice(pools.WORD_FORENAMES)
    s = r.choice(pools.WORD_SURNAMES)
    return r.choice([f"{f} {s}", f"{f} {s}", f"{s}, {f}", f"{f.lower()} {s.lower()}"])


def _particles(r: random.Random) -> str:
    f, _ = v.person(r)
    s = r.choice(pools.PARTICLE_SURNAMES)
    return r.choice([f"{f} {s}", f"{f} {s}", f"{s}, {f}", f"{f.upper()} {s.upper()}"])


def _caps_hyph(r: random.Random) -> str:
    f1, s1 = v.person(r)
    f2, s2 = v.person(r)
    first = f1 if r.random() < 0.5 else f"{f1}-{f2}"
    last = f"{s1}-{s2}" if r.random() < 0.7 else s1
    return r.choice(
        [
            f"{last.upper()}, {first.upper()}",
            f"{last.upper()} {first.upper()}",
            f"{last.upper()}, {first}",
        ]
    )


def _initials(r: random.Random) -> str:
    f, s = v.person(r)
    g = v.forename(r)
    return r.choice(
        [
            f"{f[0]}.{g[0]}. {s}",
            f"{f[0]} {s}",
            f"{f[0]}. {s}",
            f"{s} {f[0]}{g[0]}",
            f"{f[0]}.{s}",
            f"{s.upper()} {f[0]}.",
        ]
    )


def _welsh_fore(r: random.Random) -> str:
    f = v.forename(r, "welsh")
    return r.choice([f, f, f.upper(), f.replace("ô", "o")])


def _gaelic_sur(r: random.Random) -> str:
    s = r.choice(pools.GAELIC_SURNAMES)
    return r.choice([s, s, s.upper()])


def _polish_fore(r: random.Random) -> str:
    f = v.forename(r, "polish")
    return r.choice([f, f, f.upper(), v._ascii(f)])


def _punjabi(r: random.Random) -> str:
    f = v.forename(r, "punjabi")
    if r.random() < 0.25:
        f2 = v.forename(r, "pakistani")
        return r.choice([f"{f2} {v.surname(r, 'pakistani')}", f"{f2} Bibi", f"Mohammed {f2}"])
    mid = r.choice(["Kaur", "Singh"])
    return r.choice(
        [
            f"{f} {mid}",
            f"{f} {mid} {v.surname(r, 'punjabi')}",
            f"{f} {v.surname(r, 'punjabi')}",
            f"{mid} {f}",
        ]
    )


evacuee_full_name = _dense(_many_origins)
forename_resettled = _dense(_afghan_forename, 0.05)
prizvyshche = _dense(_ukr_surname)
single_name = _dense(_mononym)
name_word_like = _dense(_word_like)
name_particles = _dense(_particles)
name_caps_hyph = _dense(_caps_hyph)
initials_name = _dense(_initials)
enw_cyntaf = _dense(_welsh_fore)
sloinneadh = _dense(_gaelic_sur)
imie = _dense(_polish_fore)
naam = _dense(_punjabi)


# ---- category s ------------------------------------------------------------


def _manager(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice(
        [f"Cllr {f[0]}. {s}", f"{f} {s}", f"{f} {s} (RCM)", f"{s}, {f} - council officer"]
    )


def _loggist(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice([f"{f[0]}.{s} (loggist)", f"{f} {s}", f"{f} {s} - relief", f"{s.upper()} {f}"])


def _apt(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice([f"{f} {s} RAnTech", f"{f} {s} MAAPT", f"{f[0]}. {s} (APT)", f"{f} {s}"])


def _call_taker(r: random.Random) -> str:
    f, s = v.person(r)
    rank = r.choice(["PC", "DC", "PS", "PCSO", "Staff"])
    return r.choice(
        [
            f"{rank} {r.randrange(100, 9999)} {s.upper()}",
            f"{rank} {f} {s}",
            f"{f} {s} ({rank} {r.randrange(100, 9999)})",
            f"{f} {s}",
        ]
    )


def _checker(r: random.Random) -> str:
    f = v.forename(r)
    return r.choice([f, f, f.lower(), f"{f}."])


def _clinician(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice(
        [
            f"Dr {f} {s} MRCP",
            f"Prof. {f[0]}. {s} FRCS",
            f"Dr {s}",
            f"{f} {s} RGN",
            f"Dr. {f} {s} MBChB FRCEM",
            f"{s} {f} (ED consultant)",
        ]
    )


rest_centre_manager = _dense(_manager, 0.1)
loggist = _dense(_loggist, 0.08)
apt_on_duty = _dense(_apt, 0.1)
call_taker = _dense(_call_taker, 0.05)
checked_by = _dense(_checker, 0.2)
reviewing_clinician = _dense(_clinician, 0.15)
