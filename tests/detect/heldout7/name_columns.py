"""Name columns of the seventh held-out corpus: c (annotated), h (hard names), s (staff)."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.detect.heldout7 import pools, synth
from tests.detect.heldout7.shape import Builder, Cell, Gen, fill, person_name, pick

# ---- category c: annotated name columns with many blanks -----------------------------------


def _nearest_relative(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    rel = rng.choice(pools.RELATIONSHIPS)
    return rng.choice(
        (f"{last}, {first} ({rel})", f"{last.upper()}, {first} - {rel}", f"{first} {last} ({rel})")
    )


def _next_of_kin(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    note = rng.choice(pools.RELATIONSHIPS) + rng.choice((", deceased", "", ", no contact"))
    return f"{rng.choice(pools.TITLES)} {first} {last} ({note})"


def _birth_partner(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    if rng.random() < 0.5:
        return f"{first} '{rng.choice(pools.NICKNAMES)}' {last}"
    return f"{first} {last}" + rng.choice(("", " (husband)", " (wife)", " - partner"))


def _known_as(rng: random.Random) -> str:
    first, nick = synth.forename(rng), rng.choice(pools.NICKNAMES)
    return rng.choice((f"{first} ('{nick}')", first, f"{first} (prefers {nick})", f'"{nick}"'))


def _previous_surname(rng: random.Random) -> str:
    last = synth.surname(rng)
    return rng.choice(
        (f"{last} (maiden)", f"{last} - prev married name", f"{last} (birth name)", f"nee {last}")
    )


def _alias(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    nick = rng.choice(pools.NICKNAMES)
    return rng.choice(
        (
            f"AKA {first} {last}; also '{nick}'",
            f"{first} {last} / {person_name(rng)}",
            f"alias: {last.upper()} {first}",
            f"'{nick}' ({first} {last})",
        )
    )


def _appointee(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    rel = rng.choice(pools.RELATIONSHIPS)
    return rng.choice(
        (
            f"{rng.choice(pools.TITLES)} {first[0]}. {last} ({rel}, appointee)",
            f"{first} {last} - appointee",
            f"{last} {first} (DWP appointee)",
        )
    )


def _nok_relationship(rng: random.Random) -> str:
    rel = rng.choice(pools.RELATIONSHIPS)
    return rng.choice(
        (
            rel,
            f"{rel} (deceased)",
            f"{rel} - no contact",
            "none recorded",
            "declined to give",
            f"{rel.title()}",
            "NOK not known",
        )
    )


def _household(rng: random.Random) -> str:
    last = synth.surname(rng)
    roles = ("head", "spouse", "child", "child", "lodger", "parent")
    members = [f"{synth.forename(rng)} {last} (head)"]
    members += [
        f"{synth.forename(rng)} {last} ({rng.choice(roles[1:])})" for _ in range(rng.randint(0, 3))
    ]
    return ", ".join(members)


def _pupil(rng: random.Random) -> str:
    first, last = synth.full_name(rng)
    return rng.choice(
        (
            f"{rng.choice(('Miss', 'Master', 'Mr', 'Ms'))} {first[0]}. {last}",
            f"{first} {last}",
            f"{last} {first} (Y{rng.randint(1, 11)})",
        )
    )


def _baby(rng: random.Random) -> str:
    last = synth.surname(rng)
    return rng.choice(
        (
            f"Baby of {last}",
            f"Twin {rng.randint(1, 2)} {last}",
            f"Baby Girl {last}",
            f"Baby Boy {last}",
            f"BOY {last.upper()}",
            f"{last} baby",
        )
    )


C_COLUMNS: dict[str, Builder] = {
    "nearest_relative": fill(_nearest_relative, 0.7),
    "next_of_kin_2": fill(_next_of_kin, 0.8),
    "birth_partner": fill(_birth_partner, 0.6),
    "child_known_as": fill(_known_as, 0.55),
    "previous_surname": fill(_previous_surname, 0.85),
    "alias_names": fill(_alias, 0.75),
    "appointee_name": fill(_appointee, 0.65),
    "nok_relationship": fill(_nok_relationship, 0.6),
    "emergency_contact_forename": fill(
        lambda r: f"{synth.forename(r)} ({r.choice(pools.RELATIONSHIPS)})", 0.7
    ),
    "household_members": fill(_household, 0.5),
    "carer_surname": fill(
        lambda r: synth.surname(r) + r.choice((" (paid carer)", " - informal", " (agency)")), 0.8
    ),
    "pupil_name_sn": fill(_pupil, 0.6),
    "name_of_baby": fill(_baby, 0.75),
}


# ---- category h: hard names ----------------------------------------------------------------


def _pair_mix(pairs: tuple[tuple[str, str], ...]) -> Gen:
    """Forename of one pair with the family name of another: invented combinations."""
    return lambda rng: f"{rng.choice(pairs)[0]} {rng.choice(pairs)[1]}"


def _family_first(rng: random.Random) -> str:
    pairs = pools.CHINESE_FAMILY_FIRST if rng.random() < 0.5 else pools.VIETNAMESE_FAMILY_FIRST
    return f"{rng.choice(pairs)[0]} {rng.choice(pairs)[1]}"


def _welsh_forename(rng: random.Random) -> str:
    return rng.choice((*pools.FORENAMES["welsh"], *(p[0] for p in pools.WELSH_FULL)))


def _welsh_surname(rng: random.Random) -> str:
    return rng.choice((*pools.SURNAMES["welsh"], *(p[1] for p in pools.WELSH_FULL)))


H_COLUMNS: dict[str, Builder] = {
    "enw_llawn": fill(_pair_mix(pools.WELSH_FULL), 0.05),
    "ainm": fill(_pair_mix(pools.GAELIC_NAMES), 0.05),
    "patient_surname_uc": fill(
        lambda r: r.choice((synth.surname(r), r.choice(pools.PARTICLE_SURNAMES))).upper()
    ),
    "forename_words": fill(pick(pools.WORD_FORENAMES), 0.05),
    "surname_words": fill(pick(pools.WORD_SURNAMES), 0.05),
    "name_sf": fill(lambda r: f"{synth.surname(r).upper()}, {synth.forename(r)}"),
    "client_name_diacritics": fill(_pair_mix(pools.DIACRITIC_NAMES)),
    "mononym": fill(lambda r: r.choice((*pools.FORENAMES["somali"], *pools.FORENAMES["arabic"]))),
    "surname_particles": fill(
        lambda r: (lambda s: s[0].upper() + s[1:] if r.random() < 0.2 else s)(
            r.choice(pools.PARTICLE_SURNAMES)
        )
    ),
    "hyphen_apostrophe_name": fill(
        lambda r: f"{r.choice(pools.HYPHEN_FIRST)} {r.choice(pools.HYPHEN_LAST)}"
    ),
    "enw_cyntaf": fill(_welsh_forename, 0.05),
    "cyfenw": fill(_welsh_surname, 0.05),
    "name_family_first": fill(_family_first),
    "gum_codename": fill(
        lambda r: (
            f"{r.choice(pools.CODENAME_COLOURS)} {r.choice(pools.CODENAME_THINGS)}"
            + (f" {r.randint(1, 30)}" if r.random() < 0.3 else "")
        )
    ),
}


# ---- category s: staff names ---------------------------------------------------------------


def _staff(render: Callable[[random.Random, str, str], str], size: int = 25) -> Builder:
    """A small roster of invented staff, repeated across rows as in a real extract."""

    def build(rng: random.Random, rows: int) -> list[Cell]:
        roster = [render(rng, *synth.full_name(rng)) for _ in range(size)]
        return [None if rng.random() < 0.05 else rng.choice(roster) for _ in range(rows)]

    return build


S_COLUMNS: dict[str, Builder] = {
    "gp_name": _staff(lambda r, f, s: f"Dr {f[0]}. {s}" if r.random() < 0.7 else f"Dr {f} {s}"),
    "key_worker": _staff(lambda r, f, s: f"{f} {s} (KW)" if r.random() < 0.5 else f"{f} {s}"),
    "referrer": _staff(
        lambda r, f, s: (
            f"{r.choice(pools.TITLES)} {f} {s}, "
            + r.choice(("Health Visitor", "School Nurse", "Social Worker", "GP", "Midwife"))
        )
    ),
    "amhp_name": _staff(lambda r, f, s: f"{f} {s}" if r.random() < 0.6 else f"AMHP {f[0]} {s}"),
    "dispensing_pharmacist": _staff(lambda r, f, s: f"{f[0]}. {s} MRPharmS"),
    "attending_crew": _staff(lambda r, f, s: f"P/M {s} & EMT {synth.surname(r)}"),
}
