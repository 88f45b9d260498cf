"""Category h: hard names; category s: staff names."""

from . import pools
from . import values as v


def forename(rng):
    if rng.random() < 0.03:
        return None
    f = rng.choice(pools.FORENAMES + pools.MONONYMS)
    return v.space_noise(rng, v.case_noise(rng, f))


def surname(rng):
    if rng.random() < 0.03:
        return None
    s = rng.choice(pools.SURNAMES + pools.PARTICLE_SUR + pools.GAELIC_SUR)
    return v.space_noise(rng, v.case_noise(rng, s))


def patient_full_name(rng):
    f = rng.choice(pools.FORENAMES)
    if rng.random() < 0.4:
        f = f"{f}-{rng.choice(pools.FORENAMES)}"
    s = rng.choice(pools.SURNAMES)
    if rng.random() < 0.5:
        s = f"{s}-{rng.choice(pools.SURNAMES + pools.POLISH_SUR_M)}"
    return f"{f} {s}".upper()


def _polish_f_surname(s: str) -> str:
    if s.endswith("ski"):
        return s[:-3] + "ska"
    if s.endswith("cki"):
        return s[:-3] + "cka"
    if s.endswith("dzki"):
        return s[:-4] + "dzka"
    return s


def imie_i_nazwisko(rng):
    if rng.random() < 0.05:
        return None
    s = rng.choice(pools.POLISH_SUR_M)
    if rng.random() < 0.5:
        f, s = rng.choice(pools.POLISH_F), _polish_f_surname(s)
    else:
        f = rng.choice(pools.POLISH_M)
    return rng.choice([f"{f} {s}", f"{s} {f}", f"{f} {s}".upper()])


def display_name(rng):
    r = rng.random()
    if r < 0.2:
        return rng.choice(pools.MONONYMS)
    if r < 0.35:
        f, s = v.name(rng)
        return f"{f[0]}.{rng.choice('ABDJMRS')}. {s}"
    if r < 0.5:
        return f"{rng.choice(pools.NICKNAMES)} {rng.choice(pools.SURNAMES)}"
    if r < 0.6:
        return f"Mx {rng.choice(pools.SURNAMES)}"
    f, s = v.name(rng)
    return f"{f} {s}"


def poora_naam(rng):
    if rng.random() < 0.04:
        return None
    if rng.random() < 0.5:
        f, s = rng.choice(pools.SOUTH_ASIAN_F), rng.choice(pools.SOUTH_ASIAN_SUR)
    else:
        f, s = rng.choice(pools.SOUTH_ASIAN_M), rng.choice(pools.SOUTH_ASIAN_SUR)
    return rng.choice([f"{f} {s}", f"{f} {rng.choice(['Kaur', 'Singh'])} {s}", f"{s} {f}".upper()])


def sloinne(rng):
    if rng.random() < 0.05:
        return None
    s = rng.choice(pools.GAELIC_SUR)
    return s.upper() if rng.random() < 0.15 else s


def given_names(rng):
    if rng.random() < 0.04:
        return None
    g = rng.choice(pools.ASIAN_GIVEN)
    return rng.choice([g, g.upper(), g.replace(" ", "-")])


def family_name(rng):
    if rng.random() < 0.04:
        return None
    s = rng.choice(pools.PARTICLE_SUR)
    return s.upper() if rng.random() < 0.2 else s


def initials_surname(rng):
    f, s = v.name(rng)
    i2 = rng.choice("ABCDEGJKLMNPRST")
    return rng.choice(
        [
            f"{f[0]}.{i2}. {s}",
            f"{f[0]} {s}",
            f"{s.upper()} {f[0]}",
            f"{s}, {f[0]}.{i2}.",
            f"{f[0]}{i2} {s}",
        ]
    )


def kin_name_lower(rng):
    if rng.random() < 0.3:
        return None
    f, s = v.name(rng)
    s = s.replace("'", " ").replace("-", " ")
    return rng.choice(
        [f"{f} {s}".lower(), f" {f.lower()}  {s.lower()}", f"{f.lower()} {s.lower()} "]
    )


def ward_name(rng):
    w = rng.choice(pools.FAMOUS_WARDS)
    return rng.choice([w, w.upper(), f"{w} (Level {rng.randint(0, 5)})"])


def therapy_dog(rng):
    if rng.random() < 0.1:
        return None
    return f"{rng.choice(pools.DOG_NAMES)} ({rng.choice(pools.DOG_BREEDS)})"


# ------------------------------------------------------------------ staff


def _staff_name(rng):
    return v.name(rng)


def referring_clinician(rng):
    if rng.random() < 0.1:
        return None
    f, s = _staff_name(rng)
    t = rng.choice(["Dr", "Dr", "Mr", "Ms", "Prof"])
    pn = " ".join(rng.sample(pools.POSTNOMINALS, rng.randint(0, 2)))
    return rng.choice([f"{t} {f[0]}. {s} {pn}".strip(), f"{t} {f} {s}", f"{s.upper()}, {f} ({t})"])


def reviewed_by(rng):
    f, s = _staff_name(rng)
    slug = v._slug(s)
    return rng.choice(
        [f"{f[0].lower()}.{slug}", f"{f} {s}", f"{f[0]}{s[0]}{slug[-1].upper()} - {f} {s}"]
    )


def ig_case_officer(rng):
    if rng.random() < 0.2:
        return None
    f, s = _staff_name(rng)
    return f"{f} {s}, {rng.choice(pools.JOB_TITLES)}"


def dispatch_staff_forename(rng):
    if rng.random() < 0.1:
        return None
    return rng.choice(pools.FORENAMES + pools.NICKNAMES)


def vc_host(rng):
    f, s = _staff_name(rng)
    t = rng.choice(["Dr", "Dr", "Nurse", "Sister", "Mr"])
    pn = ", ".join(rng.sample(pools.POSTNOMINALS, rng.randint(1, 3)))
    return rng.choice([f"{t} {f} {s} {pn}", f"{f} {s} ({t})", f"{t} {s}"])


def approver_surname(rng):
    if rng.random() < 0.15:
        return None
    return rng.choice(pools.SURNAMES)
