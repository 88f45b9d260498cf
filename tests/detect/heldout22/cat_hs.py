"""Categories h (hard names) and s (staff names)."""

from . import pools, values
from .text import column


def word_forename(rng, rows):
    def make():
        n = rng.choice(pools.WORD_FORENAMES) if rng.random() < 0.75 else values.fore(rng)
        return values.messy(rng, n, 0.15)

    return column(rng, rows, 0.02, make)


def word_surname(rng, rows):
    def make():
        n = rng.choice(pools.WORD_SURNAMES) if rng.random() < 0.75 else values.sur(rng)
        return values.messy(rng, n, 0.15)

    return column(rng, rows, 0.02, make)


def welsh_caps(rng, rows):
    def make():
        w = pools.WELSH_FULL
        mid = rng.choice(w["middle"])
        parts = [rng.choice(w["fore"])] + ([mid] if mid else []) + [rng.choice(w["sur"])]
        return " ".join(parts).upper()

    return column(rng, rows, 0.03, make)


def gaelic(rng, rows):
    def make():
        g = pools.GAELIC_FULL
        if rng.random() < 0.5:
            return f"{rng.choice(g['fore_f'])} {rng.choice(g['sur_f'])}"
        return f"{rng.choice(g['fore_m'])} {rng.choice(g['sur_m'])}"

    return column(rng, rows, 0.05, make)


def punjabi(rng, rows):
    def make():
        p = pools.PUNJABI
        f, m, s = rng.choice(p["fore"]), rng.choice(p["mid"]), rng.choice(p["sur"])
        r = rng.random()
        if r < 0.5:
            return " ".join(x for x in (f, m, s) if x)
        if r < 0.7:
            return f"{s.upper()} {f} {m}".strip()
        if r < 0.85:
            return f"{f} {m or 'Kaur'}"
        return f"{f} {s}"

    return column(rng, rows, 0.03, make)


def polish_surname(rng, rows):
    def make():
        s = rng.choice(pools.POLISH_SURNAMES)
        r = rng.random()
        if r < 0.15:
            return s.upper()
        if r < 0.3:
            return values._ascii(s)
        return s

    return column(rng, rows, 0.04, make)


def family_first(rng, rows):
    def make():
        e = pools.EAST_ASIAN
        fam, given = rng.choice(e["fam"]), rng.choice(e["given"])
        r = rng.random()
        if r < 0.6:
            return f"{fam} {given}"
        if r < 0.8:
            return f"{fam}, {given}"
        return f"{fam.title()} {given}"

    return column(rng, rows, 0.02, make)


def mononym_mix(rng, rows):
    def make():
        r = rng.random()
        if r < 0.45:
            return rng.choice(pools.MONONYMS)
        if r < 0.55:
            return rng.choice(pools.MONONYMS).upper()
        if r < 0.65:
            return f"{rng.choice(pools.MONONYMS)} (no surname)"
        return values.full_name(rng)

    return column(rng, rows, 0.02, make)


def particle(rng, rows):
    def make():
        f, s = rng.choice(pools.PARTICLE_NAMES)
        r = rng.random()
        if r < 0.6:
            return f"{f} {s}"
        if r < 0.8:
            return f"{s.upper()}, {f}"
        return f"{f} {s[0].upper()}{s[1:]}"

    return column(rng, rows, 0.03, make)


def hyphenated(rng, rows):
    def make():
        f = rng.choice(pools.HYPHEN_FORE) if rng.random() < 0.6 else values.fore(rng)
        s = rng.choice(pools.HYPHEN_SUR) if rng.random() < 0.7 else values.sur(rng)
        return values.messy(rng, f"{f} {s}", 0.1)

    return column(rng, rows, 0.03, make)


def initials(rng, rows):
    def make():
        s = values.sur(rng)
        a, b = values.fore(rng)[0], values.fore(rng)[0]
        forms = [
            f"{a}.{b}. {s}",
            f"{a} {b} {s}",
            f"{a}. {s}",
            f"{s.upper()} {a}.",
            f"{s}, {a} {b}",
            f"{a}{b} {s}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.04, make)


def short_long(rng, rows):
    def make():
        n = rng.choice(pools.SHORT_FORE) if rng.random() < 0.5 else rng.choice(pools.LONG_FORE)
        return values.messy(rng, n, 0.1)

    return column(rng, rows, 0.03, make)


def titled(rng, rows):
    def make():
        t = rng.choice(pools.TITLES_CONSENT)
        n = (
            values.full_name(rng)
            if rng.random() < 0.8
            else (f"{rng.choice(pools.WORD_FORENAMES)} {rng.choice(pools.WORD_SURNAMES)}")
        )
        pn = f" {rng.choice(pools.POSTNOMINALS)}" if rng.random() < 0.35 else ""
        return f"{t} {n}{pn}"

    return column(rng, rows, 0.05, make)


def pi_name(rng, rows):
    people = [(values.fore(rng), values.sur(rng)) for _ in range(40)]

    def make():
        f, s = rng.choice(people)
        t = rng.choice(pools.STAFF_TITLES)
        pn = rng.choice(pools.STAFF_POSTNOM)
        forms = [
            f"{t} {f} {s} {pn}",
            f"{t} {f[0]}. {s}",
            f"{s}, {f} ({t})",
            f"{t} {s}",
            f"{f} {s}, {pn}",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.02, make)


def nurse(rng, rows):
    people = [values.full_name(rng) for _ in range(60)]

    def make():
        n = rng.choice(people)
        forms = [
            f"{n} (RN)",
            f"Research Nurse: {n}",
            f"{n}, CRN Band 6",
            n,
            f"{n} - RN/RM",
            f"{n.split()[0][0]}. {n.split(' ', 1)[1]} (research nurse)",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.06, make)


def monitor(rng, rows):
    people = [values.full_name(rng) for _ in range(15)]

    def make():
        n = rng.choice(people)
        return rng.choice([n, f"{n} (CRA, Sponsor)", f"{n} / CTU monitor", n.upper()])

    return column(rng, rows, 0.25, make)


def lead_surname(rng, rows):
    people = [values.sur(rng) for _ in range(25)] + rng.sample(pools.WORD_SURNAMES, 5)

    def make():
        s = rng.choice(people)
        return rng.choice([s, s, s.upper(), f"Dr {s}", f"{s} (lead)"])

    return column(rng, rows, 0.05, make)


def orthogeri(rng, rows):
    people = [values.full_name(rng) for _ in range(30)]

    def make():
        n = rng.choice(people)
        forms = [
            f"Dr {n}",
            f"Dr {n}, Consultant Orthogeriatrician",
            f"{n} (StR)",
            f"Dr {n.split()[0][0]} {n.split(' ', 1)[1]}",
            f"{n} ANP",
        ]
        return rng.choice(forms)

    return column(rng, rows, 0.12, make)


def entered_by(rng, rows):
    people = [values.fore(rng) for _ in range(20)] + ["Kate", "Lizzie", "Tom", "Bev"]

    def make():
        f = rng.choice(people)
        forms = [f"{f} (DM)", f"{f} - data clerk", f"{f}/admin", f.lower(), f"{f} [audit clerk]", f]
        return rng.choice(forms)

    return column(rng, rows, 0.03, make)
