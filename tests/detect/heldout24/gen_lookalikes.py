"""Category g: values that look like identifiers or names but identify nobody."""

from . import pools
from . import values as v


def _rows(rng, rows, make, p_blank):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def llc_register_ref(rng, rows):
    def make(r):
        return r.choice(
            [
                f"LLC1/{r.randint(2019, 2025)}/{r.randint(1, 99999):06d}",
                f"CON29-{r.randint(10000, 99999)}",
                f"Part {r.randint(1, 12)} entry {r.randint(1, 4000)}",
                f"LC{r.randint(100000, 999999)}",
            ]
        )

    return _rows(rng, rows, make, 0.02)


def pitch_description(rng, rows):
    kinds = [
        "Hot food",
        "Flowers",
        "Fruit & veg",
        "Ice cream",
        "Hog roast",
        "Christmas trees",
        "Coffee cart",
        "Burger van",
        "Crepes",
    ]

    def make(r):
        return f"{r.choice(pools.STREETS)} pitch {r.randint(1, 12)} ({r.choice(kinds)})"

    return _rows(rng, rows, make, 0.03)


def boarding_premises_name(rng, rows):
    return _rows(rng, rows, lambda r: r.choice(pools.KENNELS), 0.02)


def uniform_item(rng, rows):
    return _rows(rng, rows, lambda r: r.choice(pools.UNIFORM_ITEMS), 0.02)


def creditor(rng, rows):
    return _rows(rng, rows, lambda r: r.choice(pools.CREDITORS), 0.02)


def ward(rng, rows):
    def make(r):
        w = r.choice(pools.WARDS)
        return r.choice([w, w.upper(), f"{w} Ward", f"{w} & District"])

    return _rows(rng, rows, make, 0.01)


def referring_agency(rng, rows):
    return _rows(rng, rows, lambda r: r.choice(pools.ORGS), 0.05)


def meter_serial(rng, rows):
    def make(r):
        n = v.mod11_invalid(r, r.choice(["", "9", "4", "7"]))
        return n if r.random() < 0.8 else f"{n[:2]}M{n[2:]}"

    return _rows(rng, rows, make, 0.04)


def batch_id(rng, rows):
    def make(r):
        d = v.recent_date(r, 2022, 2025)
        return v.chi_invalid(r, d)

    return _rows(rng, rows, make, 0.01)


def case_code(rng, rows):
    bad_first = "DFIQUV"

    def make(r):
        digits = "".join(r.choice("0123456789") for _ in range(6))
        x = r.random()
        if x < 0.4:
            pre = r.choice(bad_first) + r.choice(v.LETTERS)
            suf = r.choice("ABCD")
        elif x < 0.7:
            pre = r.choice(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
            suf = r.choice("ABCD")
        else:
            pre = r.choice("ABCEGHJKLMNPRSTWXYZ") + r.choice("ABCEGHJKLMNPRSTWXYZ")
            suf = r.choice("EFGHJKLMNPRTWXYZ")
        return pre + digits + suf

    return _rows(rng, rows, make, 0.02)


def title_number(rng, rows):
    prefixes = ["WYK", "CYM", "SYK", "GM", "MAN", "LAN", "YY", "WA", "CB", "DN", "NT", "TY"]

    def make(r):
        return f"{r.choice(prefixes)}{r.randint(1000, 999999)}"

    return _rows(rng, rows, make, 0.05)


def vat_reg_no(rng, rows):
    def make(r):
        n = f"{r.randint(100, 999)} {r.randint(1000, 9999)} {r.randint(10, 99)}"
        return r.choice([f"GB {n}", f"GB{n.replace(' ', '')}", n, n.replace(" ", "")])

    return _rows(rng, rows, make, 0.25)


def medication_listed(rng, rows):
    def make(r):
        k = r.choice([1, 1, 2, 3])
        return "; ".join(r.sample(pools.DRUGS, k))

    return _rows(rng, rows, make, 0.15)


def animal_names(rng, rows):
    def make(r):
        k = r.choice([1, 1, 2])
        names = r.sample(pools.ANIMAL_NAMES, k)
        species = r.choice(["dog", "dogs", "cat", "cats", ""])
        return " & ".join(names) + (f" ({species})" if species else "")

    return _rows(rng, rows, make, 0.03)
