"""Prose filler for heldout22 free-text columns (no identifiers unless inserted)."""

import string

from . import pools, values

_FMT = string.Formatter()
REC_CODES = ["WA", "NE", "SC", "LO", "YH", "NI", "WM"]


def _lot(rng) -> str:
    return (
        f"{rng.choice('ABCDEFGHKLMNPRSTWXYZ')}{rng.randint(100, 999)}{rng.choice('ABCDEFGHKLMN')}"
    )


def _date(rng) -> str:
    d = values.random_date(rng, 2021, 2025)
    return rng.choice([d.strftime("%d/%m/%Y"), d.strftime("%d/%m/%y"), d.strftime("%d %b")])


FILLERS = {
    "drug": lambda r: r.choice(pools.DRUGS),
    "drug2": lambda r: r.choice(pools.DRUGS),
    "hosp": lambda r: r.choice(pools.HOSPITALS),
    "hosp2": lambda r: r.choice(pools.HOSPITALS),
    "town2": lambda r: r.choice(pools.TOWNS),
    "ward2": lambda r: r.choice(pools.WARDS),
    "w2": lambda r: f"{r.uniform(42, 118):.1f}",
    "mg2": lambda r: str(r.choice([2.5, 15, 25, 50, 150, 200, 1000])),
    "town": lambda r: r.choice(pools.TOWNS),
    "eponym": lambda r: r.choice(pools.EPONYMS),
    "disease": lambda r: r.choice(pools.DISEASE_EPONYMS),
    "ward": lambda r: r.choice(pools.WARDS),
    "system": lambda r: r.choice(pools.SYSTEMS),
    "n": lambda r: str(r.randint(1, 12)),
    "k": lambda r: str(r.randint(2, 21)),
    "x": lambda r: str(r.randint(30, 140)),
    "w": lambda r: f"{r.uniform(42, 118):.1f}",
    "mg": lambda r: str(r.choice([5, 10, 20, 40, 70, 80, 100, 250, 500])),
    "lot": _lot,
    "date": _date,
    "lab": lambda r: values.ten_digit_failing(r, "12"),
    "pct": lambda r: str(r.randint(2, 97)),
    "rows": lambda r: str(r.randint(1, 480)),
    "gbp": lambda r: f"{r.uniform(2, 60):.2f}",
    "miles": lambda r: str(r.randint(3, 140)),
    "iras": lambda r: str(r.randint(200000, 349999)),
    "isrctn": lambda r: str(r.randint(10000000, 99999999)),
    "rec": lambda r: f"{r.randint(19, 25)}/{r.choice(REC_CODES)}/{r.randint(1, 399):04d}",
    "place": lambda r: r.choice(pools.ETHNIC_PLACES),
    "spec": lambda r: r.choice(pools.SPECIALTIES),
    "implant": lambda r: r.choice(pools.IMPLANTS),
}


def fill(rng, template: str, **extra) -> str:
    vals = {}
    for _, field, _, _ in _FMT.parse(template):
        if field and field not in vals:
            vals[field] = extra[field]() if field in extra else FILLERS[field](rng)
    return template.format(**vals)


def prose(rng, templates, join_p=0.25, **extra) -> str:
    first = rng.choice(templates)
    text = fill(rng, first, **extra)
    if rng.random() < join_p:
        sep = rng.choice([" ", ". ", "\n", " - ", "; "])
        second = rng.choice([t for t in templates if t != first] or templates)
        text = text + sep + fill(rng, second, **extra)
    return values.messy(rng, text, 0.12)


def sprinkle(rng, rows, rate, plain, ident, blank_p=0.04):
    """Exactly round(rows*rate) rows hold an identifier; the rest are prose or blank."""
    hits = set(rng.sample(range(rows), round(rows * rate)))
    out = []
    for i in range(rows):
        if i in hits:
            out.append(ident())
        elif rng.random() < blank_p:
            out.append(None)
        else:
            out.append(plain())
    return out


def column(rng, rows, blank_p, make):
    return [None if rng.random() < blank_p else make() for _ in range(rows)]
