"""Category c: annotated name columns with many blanks."""

from . import pools
from . import values as v


def _sparse(rng, rows, make, p_blank):
    out = []
    for _ in range(rows):
        if rng.random() < p_blank:
            out.append(None)
        else:
            out.append(v.messy(rng, make(rng), 0.08))
    return out


def next_of_kin(rng, rows):
    def make(r):
        name = v.full_name(r)
        rel = r.choice(pools.RELATIONS)
        return r.choice(
            [
                f"{name} ({rel})",
                f"{name} - {rel}",
                f"{rel.title()}: {name}",
                f"{name} ({rel}, lives abroad)",
                f"{r.choice(pools.TITLES)} {name} ({rel})",
            ]
        )

    return _sparse(rng, rows, make, 0.62)


def main_carer(rng, rows):
    def make(r):
        name = v.full_name(r)
        note = r.choice(
            [
                "- lives with",
                "(unpaid)",
                "(young carer)",
                "- not coping",
                "- carer's assessment offered",
                "(paid, via DP)",
                "",
            ]
        )
        return f"{name} {note}".strip()

    return _sparse(rng, rows, make, 0.7)


def emergency_contact(rng, rows):
    def make(r):
        return r.choice(
            [
                "As NOK",
                "Same as above",
                "Warden call",
                "Care home office",
                "See NOK",
                "None given",
                "Declined to give",
                "Pendant alarm - Careline",
                "Ward staff",
                "n/k",
                "Via social worker",
                "Use landline on file",
                "Refer to PAS",
                "Key safe - code with district nurses",
            ]
        )

    return _sparse(rng, rows, make, 0.6)


def forename_known_as(rng, rows):
    nicks = {
        "Joey": "Jo",
        "Mo": "Mohammed",
        "Bex": "Rebecca",
        "Tom": "Tomasz",
        "Aggie": "Agnieszka",
        "Dima": "Dmitri",
        "Raj": "Rajesh",
    }

    def make(r):
        if r.random() < 0.3:
            nick, full = r.choice(list(nicks.items()))
            return r.choice(
                [f"{full} (prefers {nick})", f"{nick} (known as)", f"{full} aka {nick}"]
            )
        f = v.forename(r)
        return r.choice(
            [f, f"{f} (known as)", f"{f} - prefers first name", f"{f} (not {v.forename(r)})"]
        )

    return _sparse(rng, rows, make, 0.55)


def previous_surname(rng, rows):
    def make(r):
        s = v.surname(r)
        return r.choice(
            [
                f"née {s}",
                f"{s} (maiden)",
                f"prev. {s}",
                f"{s} (prev married)",
                f"formerly {s}",
                s,
                f"{s.upper()} (birth name)",
            ]
        )

    return _sparse(rng, rows, make, 0.75)


def appointee_name(rng, rows):
    def make(r):
        t = r.choice(pools.TITLES)
        f, s = v.forename(r), v.surname(r)
        return r.choice(
            [
                f"{t} {f[0]} {s} (DWP appointee)",
                f"{t} {f} {s} - appointee",
                f"{f} {s} (appointee since 2019)",
                f"Appointee: {t} {s}, {f}",
            ]
        )

    return _sparse(rng, rows, make, 0.8)


def enw_eiriolwr(rng, rows):
    def make(r):
        n = (
            v.full_name(r)
            if r.random() < 0.6
            else (f"{r.choice(pools.WELSH_FORE)} {r.choice(pools.WELSH_SUR)}")
        )
        return r.choice(
            [f"{n} (eiriolwr)", f"Enw: {n}", f"{n} - IMCA", f"{n} (eiriolwr annibynnol)", n]
        )

    return _sparse(rng, rows, make, 0.7)


def lpa_attorney_hw(rng, rows):
    def make(r):
        a = v.full_name(r)
        rel = r.choice(pools.RELATIONS)
        if r.random() < 0.3:
            b = v.full_name(r)
            return f"{a} & {b} (jointly and severally)"
        return r.choice(
            [f"Attorney: {a} ({rel}, H&W)", f"{a} - LPA H&W registered", f"{a} ({rel})"]
        )

    return _sparse(rng, rows, make, 0.78)


def alias_aka(rng, rows):
    def make(r):
        n = v.full_name(r)
        return r.choice(
            [
                f"AKA {n}",
                f"a.k.a. {n}",
                f"{n} ('Big {v.forename(r)}')",
                f"uses {n}",
                f"{n} / {v.full_name(r)}",
            ]
        )

    return _sparse(rng, rows, make, 0.85)


def named_person(rng, rows):
    def make(r):
        return r.choice(
            [
                "Not appointed",
                "Declined",
                "See file",
                "Pending",
                "N/A - over 18",
                "Not required",
                "TBC",
                "Discussed, none",
                "Refer to court order",
                "Nominated - awaiting form",
            ]
        )

    return _sparse(rng, rows, make, 0.7)


def deceased_name(rng, rows):
    def make(r):
        n = v.full_name(r)
        rel = r.choice(
            ["husband", "wife", "son", "daughter", "mother", "partner", "brother", "baby"]
        )
        return r.choice(
            [
                f"Late {rel} - {n}",
                f"{n} ({rel}, d. {r.randint(2015, 2024)})",
                f"{n} [{rel}]",
                f"{rel.title()} {n} RIP",
            ]
        )

    return _sparse(rng, rows, make, 0.58)


def preferred_name(rng, rows):
    def make(r):
        f = v.forename(r)
        return r.choice(
            [
                f,
                f"{f}!",
                f"{f} (preferred)",
                f"{f} - do not use legal name",
                f"'{f}'",
                f"{f} (pronounced {f.lower()}-ee)",
            ]
        )

    return _sparse(rng, rows, make, 0.66)


def parent_guardian_school(rng, rows):
    def make(r):
        a, b = v.forename(r), v.forename(r)
        return r.choice(
            [
                f"Mum - {a}; Dad - not involved",
                f"Mum {a} / Dad {b}",
                f"Gran ({a}) has PR",
                f"{a} (mum)",
                f"Dad - {a}",
                f"Foster carer {a}",
            ]
        )

    return _sparse(rng, rows, make, 0.64)


def host_surname(rng, rows):
    def make(r):
        s = v.surname(r)
        return r.choice(
            [
                f"{s.upper()} (host family)",
                f"The {s} family",
                f"{s} - Homes for Ukraine",
                s,
                f"{s} household",
            ]
        )

    return _sparse(rng, rows, make, 0.72)
