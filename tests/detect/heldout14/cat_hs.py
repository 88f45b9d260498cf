"""Category h (hard names) and s (staff names)."""

import random

from . import pools as pl
from . import values as vl


def _col(rng: random.Random, rows: int, blank: float, one) -> list[str | None]:
    return [vl.blank_or(rng, blank, one) for _ in range(rows)]


# ------------------------------------------------------------------ h
def client_forename(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = rng.choice(pl.WORD_FORENAMES)
        return rng.choice([f, f, f.upper(), f.lower(), f" {f}"])

    return _col(rng, rows, 0.03, one)


def surname_hard(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        s = rng.choice(pl.PARTICLE_SURNAMES)
        return rng.choice([s, s, s.upper(), s.replace("'", "\u2019")])

    return _col(rng, rows, 0.04, one)


def full_name_caps(rng: random.Random, rows: int) -> list[str | None]:
    pools = [
        (pl.FORENAMES, pl.SURNAMES),
        (pl.PUNJABI_FORENAMES, pl.PUNJABI_SURNAMES),
        (pl.POLISH_FORENAMES, pl.POLISH_SURNAMES),
        (pl.EAST_ASIAN_GIVEN, pl.EAST_ASIAN_FAMILY),
        (pl.ARABIC_GIVEN, pl.ARABIC_FAMILY),
    ]

    def one() -> str:
        fs, ss = rng.choice(pools)
        if fs is pl.EAST_ASIAN_GIVEN:
            return f"{rng.choice(ss)} {rng.choice(fs)}".upper()
        return f"{rng.choice(fs)} {rng.choice(ss)}".upper()

    return _col(rng, rows, 0.03, one)


def mononym(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        m = rng.choice(pl.MONONYMS)
        return rng.choice([m, m.upper(), f"{m} (no surname)", f"{m} {m}", f"FNU {m}"])

    return _col(rng, rows, 0.05, one)


def initials_surname(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        a, b = rng.choice("ABCDEFGHJKLMNPRSTW"), rng.choice("ABCDEFGHJKLMNPRSTW")
        s = rng.choice(pl.SURNAMES + pl.PARTICLE_SURNAMES)
        return rng.choice(
            [
                f"{a}.{b}. {s.upper()}",
                f"{a.lower()} {b.lower()} {s.lower()}",
                f"{a}{b} {s}",
                f"{s}, {a}.{b}.",
                f"{a} {s}",
            ]
        )

    return _col(rng, rows, 0.04, one)


def imie_nazwisko(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f, s = rng.choice(pl.POLISH_FORENAMES), rng.choice(pl.POLISH_SURNAMES)
        return rng.choice(
            [
                f"{f} {s}",
                f"{s} {f}",
                f"{vl.ascii_fold(f)} {vl.ascii_fold(s)}",
                f"{f} {s}-{rng.choice(pl.POLISH_SURNAMES)}",
            ]
        )

    return _col(rng, rows, 0.05, one)


def enw_llawn(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        return f"{rng.choice(pl.WELSH_FORENAMES)} {rng.choice(pl.WELSH_SURNAMES)}"

    return _col(rng, rows, 0.05, one)


def ainm(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = rng.choice(pl.GAELIC_FORENAMES)
        s = rng.choice(pl.GAELIC_SURNAMES_F if rng.random() < 0.5 else pl.GAELIC_SURNAMES_M)
        return rng.choice([f"{f} {s}", f"{f} {s}", vl.ascii_fold(f"{f} {s}")])

    return _col(rng, rows, 0.06, one)


def naam(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = rng.choice(pl.PUNJABI_FORENAMES)
        mid = rng.choice(["Kaur", "Singh", ""])
        s = rng.choice([*pl.PUNJABI_SURNAMES, ""])
        return " ".join(p for p in (f, mid, s) if p) if (mid or s) else f"{f} Kaur"

    return _col(rng, rows, 0.04, one)


def pt_name_arabic(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        g1, g2 = rng.sample(pl.ARABIC_GIVEN, 2)
        fam = rng.choice(pl.ARABIC_FAMILY)
        link = rng.choice(["bin", "bint", "ibn", "Abu", "Umm"])
        return rng.choice(
            [f"{g1} {link} {g2} {fam}", f"{g1} {fam}", f"{fam.upper()}, {g1}", f"{link} {g2}"]
        )

    return _col(rng, rows, 0.05, one)


def pt_name_east_asian(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        fam, giv = rng.choice(pl.EAST_ASIAN_FAMILY), rng.choice(pl.EAST_ASIAN_GIVEN)
        return rng.choice(
            [
                f"{fam.upper()} {giv}",
                f"{giv} {fam}",
                f"{fam} {giv}",
                f"{giv} {fam.upper()}",
                f"{fam}, {giv} (Kevin)",
            ]
        )

    return _col(rng, rows, 0.05, one)


def surname_words(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        s = rng.choice(pl.WORD_SURNAMES)
        return rng.choice([s, s, s.upper(), s.lower()])

    return _col(rng, rows, 0.04, one)


def name_with_titles(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        name = vl.full_name(rng)
        return rng.choice(
            [
                f"{rng.choice(pl.HONORIFICS)} {name} {rng.choice(pl.POST_NOMINALS)}",
                f"{rng.choice(pl.HONORIFICS)} {name}",
                f"{name}, {rng.choice(pl.POST_NOMINALS)}",
                f"{rng.choice(pl.TITLES)} {name} ({rng.choice(pl.POST_NOMINALS)}, retd)",
            ]
        )

    return _col(rng, rows, 0.05, one)


def pref_name(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        full, nick = rng.choice(pl.NICKNAMES)
        s = vl.surname(rng)
        return rng.choice(
            [
                f"{full} '{nick}' {s}",
                f'{full} "{nick}" {s}',
                f"{nick} ({full}) {s}",
                f"{s}, {full} (known as {nick})",
            ]
        )

    return _col(rng, rows, 0.05, one)


def pet_name(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        n = rng.choice(pl.PET_NAMES)
        return rng.choice(
            [
                n,
                f"{n} ({rng.choice(pl.PET_SPECIES)})",
                f"{n} & {rng.choice(pl.PET_NAMES)}",
                n.upper(),
            ]
        )

    return _col(rng, rows, 0.35, one)


# ------------------------------------------------------------------ s
def referring_clinician(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f, s = vl.forename(rng), vl.surname(rng)
        return rng.choice(
            [
                f"Dr {f[0]}. {s} (GP)",
                f"Mr {f[0]} {s} FRCOphth",
                f"Dr {f} {s}",
                f"{s.upper()}, {f} (Dr)",
                f"Dr {s} - {rng.choice(pl.CLINIC_PLACES)} Surgery",
            ]
        )

    return _col(rng, rows, 0.05, one)


def link_worker(rng: random.Random, rows: int) -> list[str | None]:
    extra = ["Kerry-Ann", "Lee-Anne", "Mary-Jo", "Jean-Luc"]
    return _col(rng, rows, 0.1, lambda: f"{rng.choice(pl.FORENAMES + extra)} {vl.surname(rng)}")


def iapt_therapist(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        f = rng.choice([*pl.FORENAMES, "Siân", "Zoë", "Niamh"])
        return rng.choice([f"{f} (PWP)", f"{f} - CBT", f, f"{f} (trainee HIT)"])

    return _col(rng, rows, 0.08, one)


def seen_by(rng: random.Random, rows: int) -> list[str | None]:
    def one() -> str:
        s = vl.surname(rng)
        return rng.choice([f"SN {s}", f"RN {s}", f"{s} (HCA)", f"Sr {s}", s.upper()])

    return _col(rng, rows, 0.1, one)


def enw_aseswr(rng: random.Random, rows: int) -> list[str | None]:
    return _col(
        rng,
        rows,
        0.12,
        lambda: " ".join(
            (
                rng.choice(pl.WELSH_FORENAMES + pl.FORENAMES),
                rng.choice(pl.WELSH_SURNAMES + pl.SURNAMES),
            )
        ),
    )


def consultant(rng: random.Random, rows: int) -> list[str | None]:
    spec = [
        "Consultant Gastroenterologist",
        "Consultant Ophthalmologist",
        "Consultant Haematologist",
        "Consultant Psychiatrist (CAMHS)",
        "Consultant Dermatologist",
    ]

    def one() -> str:
        name = vl.full_name(rng)
        title = rng.choice(["Prof.", "Dr", "Mr", "Ms", "Miss"])
        return rng.choice(
            [
                f"{title} {name}, {rng.choice(spec)}",
                f"{title} {name}",
                f"{name.split()[-1].upper()} ({title})",
            ]
        )

    return _col(rng, rows, 0.02, one)


GENERATORS = {
    "client_forename": client_forename,
    "surname_hard": surname_hard,
    "full_name_caps": full_name_caps,
    "mononym": mononym,
    "initials_surname": initials_surname,
    "imie_nazwisko": imie_nazwisko,
    "enw_llawn": enw_llawn,
    "ainm": ainm,
    "naam": naam,
    "pt_name_arabic": pt_name_arabic,
    "pt_name_east_asian": pt_name_east_asian,
    "surname_words": surname_words,
    "name_with_titles": name_with_titles,
    "pref_name": pref_name,
    "pet_name": pet_name,
    "referring_clinician": referring_clinician,
    "link_worker": link_worker,
    "iapt_therapist": iapt_therapist,
    "seen_by": seen_by,
    "enw_aseswr": enw_aseswr,
    "consultant": consultant,
}
