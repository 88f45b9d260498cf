"""Categories c (annotated name columns, many blanks) and d (misleading headers)."""

from __future__ import annotations

import random

from . import pools
from . import values as v


def _annotated(rng: random.Random, rows: int, blank: float, make) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(rng.choice([None, None, None, "", "  "]) or None)
        else:
            out.append(make(rng))
    return out


def emergency_contact(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        rel = r.choice(pools.REL_EN)
        return r.choice(
            [
                f"{f} {s} ({rel})",
                f"{f} {s} - {rel}",
                f"{s}, {f} ({rel.upper()})",
                f"{f} {s} ({rel}) see notes",
            ]
        )

    return _annotated(rng, rows, 0.62, mk)


def enw_gofalwr(rng, rows):
    def mk(r):
        n = f"{r.choice(pools.CY_FORE)} {r.choice(pools.CY_SUR)}"
        note = r.choice(
            [
                "gofalwr",
                "carer, works days",
                "gofalwr di-dâl",
                "ffrind",
                "not on Thursdays",
                "Cymraeg yn unig",
                r.choice(pools.REL_CY),
            ]
        )
        return f"{n} - {note}"

    return _annotated(rng, rows, 0.7, mk)


def osoba_kontaktowa(rng, rows):
    def mk(r):
        f, s = v.pl_name(r)
        return r.choice(
            [
                f"{f} {s} ({r.choice(pools.REL_PL)})",
                f"{s} {f} - {r.choice(pools.REL_PL)}, mówi po angielsku",
                f"{f} {s} [{r.choice(pools.REL_PL)}] tel. w notatkach",
            ]
        )

    return _annotated(rng, rows, 0.58, mk)


def nome_do_acompanhante(rng, rows):
    def mk(r):
        n = f"{r.choice(pools.PT_FORE)} {r.choice(pools.PT_SUR)}"
        return r.choice(
            [
                f"{n} ({r.choice(pools.REL_PT)})",
                f"{n} - {r.choice(pools.REL_PT)}",
                f"{n} (acompanhante, {r.choice(pools.REL_PT)})",
            ]
        )

    return _annotated(rng, rows, 0.75, mk)


def escort_name(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        t = r.choice(["MRS", "MR", "MS", "MISS"])
        rel = r.choice(["MUM", "DAD", "NAN", "GRANDAD", "AUNTIE", "STEP DAD"])
        return r.choice(
            [
                f"{t} {f[0]} {s.upper()} ({rel}) - NOT AFTER 3PM",
                f"{t} {f.upper()} {s.upper()} ({rel})",
                f"{f.upper()} {s.upper()} - {rel} - MON/WED ONLY",
            ]
        )

    return _annotated(rng, rows, 0.66, mk)


def named_drivers(rng, rows):
    def mk(r):
        k = r.randint(1, 3)
        parts = []
        for _ in range(k):
            f, s = v.full_name(r)
            parts.append(f"{r.choice([f, f[0]])} {s} ({r.choice(pools.REL_EN)})")
        return "; ".join(parts)

    return _annotated(rng, rows, 0.55, mk)


def next_of_kin_surname(rng, rows):
    def mk(r):
        s = r.choice(pools.SURNAMES)
        return r.choice(
            [
                f"{s.upper()} ({r.choice(pools.REL_EN)})",
                f"{s} - {r.choice(pools.REL_EN)}",
                f"{s} (nok)",
            ]
        )

    return _annotated(rng, rows, 0.72, mk)


def preferred_name(rng, rows):
    def mk(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{f} (prefers this on letters)",
                f"{f} - not {r.choice(pools.FORENAMES)}",
                f"{f} [pronounced differently]",
                f'"{f}"',
            ]
        )

    return _annotated(rng, rows, 0.8, mk)


def witness_names(rng, rows):
    def mk(r):
        k = r.randint(1, 3)
        items = []
        for i in range(k):
            f, s = v.full_name(r)
            items.append(
                f"{i + 1}) {f} {s}{r.choice(['', ' (driver)', ' (passenger)', ' - no statement'])}"
            )
        return r.choice([" ", "\n"]).join(items)

    return _annotated(rng, rows, 0.78, mk)


def authorised_collector(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{f} {s} - ID seen (bus pass)",
                f"{f} {s} (photo ID)",
                f"{r.choice(pools.TITLES)} {s} - collected {v.date_fmt(v.dob(r, 2023, 2024), 0)}",
            ]
        )

    return _annotated(rng, rows, 0.68, mk)


def joint_applicant(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{f} {s} (partner)",
                f"{f} {s} - deceased {r.randint(2015, 2023)}",
                f"{f} {s} (left plot)",
                f"{f} {s} (co-worker on plot)",
            ]
        )

    return _annotated(rng, rows, 0.85, mk)


def alarm_responder_1(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        role = r.choice(["Neighbour", "Son", "Daughter", "Key holder", "Warden", "Friend"])
        t = r.choice(pools.TITLES)
        return r.choice(
            [f"{role}: {t} {f} {s}", f"{role} - {f} {s} (has key)", f"{f} {s} ({role.lower()})"]
        )

    return _annotated(rng, rows, 0.6, mk)


def relationship_to_claimant(rng, rows):
    def mk(r):
        return r.choice(
            [
                f"({r.choice(pools.REL_EN)})",
                r.choice(pools.REL_EN),
                r.choice(pools.REL_EN).title(),
                "Next of kin - see notes",
                "self",
                "Litigation friend",
                "Solicitor (acting)",
                "Appointee",
                "n/k",
                f"{r.choice(pools.REL_EN)} (lives with)",
                "Power of attorney",
                "Parent / guardian",
                "Not related",
            ]
        )

    return _annotated(rng, rows, 0.65, mk)


def child_first_name_note(rng, rows):
    def mk(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{f} [twin]",
                f"{f} (sibling on same route)",
                f"{f} - Y{r.randint(1, 13)}",
                f"{f} (uses PA)",
            ]
        )

    return _annotated(rng, rows, 0.7, mk)


# ---------------------------------------------------------------- d


def _simple(rng: random.Random, rows: int, make, blank: float = 0.06) -> list[str | None]:
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def notes(rng, rows):
    def mk(r):
        parts = [
            f"Met {r.choice(pools.OPERATORS)} at {r.choice(pools.SAINTS)} hall re route changes",
            f"Diversion via {v.street(r)} while {r.choice(pools.BRANDS)} car park resurfaced",
            f"{r.choice(pools.TOWNS)} and {r.choice(pools.TOWNS)} depots to share gritter",
            f"Feedback from {r.choice(pools.OPERATORS)}: {r.choice(pools.TOWNS)} timetable unclear",
            f"Shelter outside {r.choice(pools.BRANDS)} on {v.street(r)} vandalised",
            f"Consultation drop-in at {r.choice(pools.SAINTS)} church, {r.choice(pools.TOWNS)}",
            f"Victoria Park event - road closed, {r.choice(pools.OPERATORS)} informed",
            f"Lewis and Harris sailings disrupted, {r.choice(pools.OPERATORS)} bulletin",
            "Kingsley Court and Windsor House sheltered schemes on new route",
            "Morgan Stanley Way closed for resurfacing (Cyngor Sir Gâr)",
        ]
        return " ".join(r.sample(parts, r.randint(1, 3)))

    return _simple(rng, rows, mk, 0.1)


def nhs_number_supplied(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                "Y",
                "N",
                "Yes",
                "No",
                "not known",
                "N/K",
                "Y - verified",
                "refused",
                "TRUE",
                "FALSE",
                "1",
                "0",
            ]
        ),
    )


def passport_check(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                "seen",
                "copy on file",
                "expired",
                "not seen",
                "n/a - used driving licence",
                "SEEN",
                "pending",
                "original returned by post",
            ]
        ),
    )


def postcode_area(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"Zone {r.randint(1, 9)} {r.choice(['North', 'South', 'East', 'West', 'Central'])}",
                f"P{r.randint(1, 3)} network",
                f"Ward {r.randint(1, 30):02d}",
                f"{r.choice(pools.TOWNS)} rural",
                "Hill routes (>250m)",
                f"Parth {r.randint(1, 6)}",
            ]
        ),
    )


def driver(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                f"Fleet {r.randint(1000, 39999)}",
                f"{r.randint(1000, 39999)} ({r.choice(pools.TOWNS)} depot)",
                f"#{r.randint(100, 999)}",
                f"Spare bus {r.randint(1, 20)}",
                f"DEPOT {r.choice(pools.TOWNS).upper()}",
            ]
        ),
    )


def name(rng, rows):
    return _simple(rng, rows, lambda r: r.choice(pools.LANTERNS))


def reg_no(rng, rows):
    return _simple(
        rng,
        rows,
        lambda r: r.choice(
            [
                str(r.randint(200000, 1199999)),
                f"SC0{r.randint(10000, 52999)}",
                f"NIC{r.randint(100000, 109999)}",
                f"{r.randint(200000, 1199999)}-{r.randint(1, 9)}",
            ]
        ),
    )


def reference(rng, rows):
    return _simple(rng, rows, lambda r: v.fmt_nhs(v.nhs_number(r), r.choice([1, 1, 1, 0, 3])))


def value(rng, rows):
    return _simple(rng, rows, lambda r: v.messy(r, v.email(r)))


def info(rng, rows):
    return _simple(rng, rows, lambda r: v.date_fmt(v.dob(r, 1928, 2015), r.choice([0, 0, 1, 3])))


def description(rng, rows):
    def mk(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{r.choice(pools.TITLES)} {f} {s}",
                f"{f} {s}",
                f"{r.choice(pools.TITLES)} {f[0]}. {s}",
            ]
        )

    return _simple(rng, rows, mk)


def code(rng, rows):
    return _simple(rng, rows, lambda r: v.fmt_ni(v.ni_number(r), r.choice([0, 0, 1, 4])))


def route_id(rng, rows):
    return _simple(rng, rows, lambda r: v.vrm(r, r.choice([0, 0, 0, 1, 2])))


def observacoes(rng, rows):
    return _simple(rng, rows, lambda r: v.fmt_phone(v.phone_digits(r), r.randint(0, 5)), 0.3)
