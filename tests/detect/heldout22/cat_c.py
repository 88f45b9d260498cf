"""Category c: name columns with annotations and many blanks."""

from . import pools, values
from .text import column


def _pick(rng, options):
    return rng.choice(options)()


def next_of_kin(rng, rows):
    def make():
        f, s, rel = values.fore(rng), values.sur(rng), rng.choice(pools.RELATIONS)
        return _pick(
            rng,
            [
                lambda: f"{f} {s} ({rel})",
                lambda: f"{f[0]}. {s} - {rel}",
                lambda: f"{s.upper()}, {f} [{rel}]",
                lambda: f"{f} {s} ({rel}) - lives abroad",
                lambda: f"{rng.choice(['Mr', 'Mrs', 'Ms', 'Miss'])} {f} {s} ({rel}) NOK & LPA",
                lambda: f"{f} {s}\n({rel}, key holder)",
                lambda: rng.choice(["none", "NONE GIVEN", "n/k"]),
            ],
        )

    return column(rng, rows, 0.62, make)


def nok_forename(rng, rows):
    def make():
        f, rel = values.fore(rng), rng.choice(pools.RELATIONS)
        return _pick(
            rng,
            [
                lambda: f"{f} ({rel})",
                lambda: f"{f} - {rel}",
                lambda: f"{f} [{rel}] prefers phone",
                lambda: f"{f.lower()} {rel}",
                lambda: f"{f} ({rel}, not NOK)",
            ],
        )

    return column(rng, rows, 0.7, make)


def maiden_name(rng, rows):
    def make():
        s = values.sur(rng)
        return _pick(
            rng,
            [
                lambda: f"née {s}",
                lambda: f"{s} (prev.)",
                lambda: f"prev. {s}",
                lambda: s.upper(),
                lambda: f"{s} - maiden",
                lambda: f"{s} (birth surname)",
            ],
        )

    return column(rng, rows, 0.78, make)


def mother_name(rng, rows):
    def make():
        f, s = values.fore(rng), values.sur(rng)
        return _pick(
            rng,
            [
                lambda: f"Mother: {f} {s}",
                lambda: f"{f} {s}",
                lambda: f"{s.upper()} {f}",
                lambda: f"Ms {f} {s} (surrogate)",
                lambda: f"{f} {s} - see linked maternity record",
                lambda: "mother not stated",
            ],
        )

    return column(rng, rows, 0.55, make)


def partner_name(rng, rows):
    def make():
        f, s = values.fore(rng), values.sur(rng)
        d = values.random_date(rng, 2021, 2024).strftime("%d/%m/%y")
        return _pick(
            rng,
            [
                lambda: f"{f} {s} (consented {d})",
                lambda: f"{f} {s} - verbal consent only",
                lambda: f"{f} {s}",
                lambda: f"{s}, {f} (partner cohort)",
                lambda: "declined",
            ],
        )

    return column(rng, rows, 0.8, make)


DIMINUTIVES = [
    "Bex",
    "Mo",
    "Kasia",
    "Gosia",
    "Bob",
    "Sandy",
    "Bobby",
    "Tosh",
    "Liz",
    "Ade",
    "Seun",
    "Chi-chi",
    "Raj",
    "Pete",
    "Wojtek",
    "Ellie",
    "Jonny",
]


def known_as(rng, rows):
    def make():
        f = values.fore(rng) if rng.random() < 0.6 else rng.choice(DIMINUTIVES)
        return _pick(
            rng,
            [
                lambda: f"AKA {f}",
                lambda: f"prefers {f}",
                lambda: f"known as '{f}'",
                lambda: f'"{f}"',
                lambda: f"{f} (preferred name)",
                lambda: f,
            ],
        )

    return column(rng, rows, 0.7, make)


def welsh_nok(rng, rows):
    def make():
        f = rng.choice(pools.WELSH_FULL["fore"] + pools.FORENAMES["welsh"])
        s = rng.choice(pools.WELSH_FULL["sur"] + pools.SURNAMES["welsh"])
        rel = rng.choice(pools.WELSH_RELATIONS)
        return _pick(
            rng,
            [
                lambda: f"{f} {s} ({rel})",
                lambda: f"{f} {s} - {rel}",
                lambda: f"{rel}: {f} {s}",
                lambda: f"{f.upper()} {s.upper()} ({rel})",
            ],
        )

    return column(rng, rows, 0.65, make)


def gaelic_relative(rng, rows):
    def make():
        if rng.random() < 0.5:
            f, s = rng.choice(pools.GAELIC_FULL["fore_f"]), rng.choice(pools.GAELIC_FULL["sur_f"])
        else:
            f, s = rng.choice(pools.GAELIC_FULL["fore_m"]), rng.choice(pools.GAELIC_FULL["sur_m"])
        rel = rng.choice(pools.GAELIC_RELATIONS)
        return _pick(
            rng,
            [
                lambda: f"{f} {s} ({rel})",
                lambda: f"{f} {s}, {rel}",
                lambda: f"{rel} - {f} {s}",
            ],
        )

    return column(rng, rows, 0.72, make)


def polish_carer(rng, rows):
    def make():
        f = rng.choice(pools.FORENAMES["polish_baltic"])
        rel = rng.choice(pools.POLISH_RELATIONS)
        return _pick(
            rng,
            [
                lambda: f"{f} ({rel})",
                lambda: f"{f} \u2013 {rel}",
                lambda: f"{f} {rel}, mówi po angielsku",
                lambda: f"{f.upper()} ({rel})",
            ],
        )

    return column(rng, rows, 0.83, make)


def proxy_completed_by(rng, rows):
    def make():
        n, rel = values.full_name(rng), rng.choice(pools.RELATIONS)
        return _pick(
            rng,
            [
                lambda: f"Completed by {n} ({rel}) as patient unable to write",
                lambda: f"filled in by my {rel} {n}",
                lambda: f"helped by {rel} - {n}",
                lambda: f"{n}, {rel}",
                lambda: f"Proxy: {n} [{rel}]",
            ],
        )

    return column(rng, rows, 0.75, make)


def prev_surname(rng, rows):
    def make():
        s = values.sur(rng)
        y = rng.randint(1975, 2024)
        return _pick(
            rng,
            [
                lambda: f"{s} (deed poll {y})",
                lambda: f"{s} - changed on marriage",
                lambda: f"was {s.upper()}",
                lambda: f"{s} until {y}",
                lambda: f"{s} (see alias table)",
            ],
        )

    return column(rng, rows, 0.85, make)


def co_twin(rng, rows):
    def make():
        n = values.full_name(rng)
        z = rng.choice(["MZ", "DZ", "zygosity unknown", "DZ opp-sex"])
        return _pick(
            rng,
            [
                lambda: f"Twin B: {n} ({z})",
                lambda: f"co-twin {n}, {z}, not enrolled",
                lambda: f"{n} [{z}]",
                lambda: f"{n} - deceased",
            ],
        )

    return column(rng, rows, 0.6, make)


def witness_signature(rng, rows):
    opts = [
        "signed",
        "[illegible]",
        "declined",
        "✓",
        "Y",
        "witnessed",
        "see paper CRF",
        "n/a - capacity",
        "signature on file",
        "SIGNED",
        "(signed)",
        "x",
        "yes - 2nd page",
        "not required",
        "[scanned]",
    ]

    def make():
        return values.messy(rng, rng.choice(opts), 0.15)

    return column(rng, rows, 0.6, make)
