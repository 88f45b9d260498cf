"""Category c: name columns with annotations and many blanks."""

from . import pools as pl
from . import values as vl


def _sparse(rng, rows, make, blank):
    out = []
    for _ in range(rows):
        if rng.random() < blank:
            out.append(rng.choice([None, None, None, None, "", " ", "n/a", "-"]))
        else:
            out.append(make(rng))
    return out


def perthynas_agosaf(rng, rows):
    def make(r):
        n = vl.full_name(r, pl.WELSH_FORENAMES, pl.WELSH_SURNAMES)
        rel = r.choice(pl.RELATIONS_CY)
        return r.choice(
            [f"{n} ({rel})", f"{n} - {rel}", f"{rel}: {n}", f"{n} ({rel}) - siarad Cymraeg"]
        )

    return _sparse(rng, rows, make, 0.6)


def nok_name_relationship(rng, rows):
    def make(r):
        f, s = (
            vl.forename(r, [*pl.GAELIC_FORENAMES, "Donald", "Kenneth", "Ann"]),
            vl.surname(r, pl.SCOTS_SURNAMES),
        )
        rel = r.choice(pl.RELATIONS_EN)
        note = r.choice(
            [
                "",
                " - lives Stornoway",
                " - do not phone after 9pm",
                " - POA",
                " (Uist)",
                " - NOT main contact",
            ]
        )
        return f"{s.upper()}, {f} ({rel}){note}"

    return _sparse(rng, rows, make, 0.55)


def contact_secondaire(rng, rows):
    def make(r):
        n = vl.full_name(r, pl.NORMAN_FORENAMES, pl.NORMAN_SURNAMES)
        rel = r.choice(pl.RELATIONS_FR)
        return r.choice(
            [f"{n} ({rel})", f"Mme {n} - {rel}", f"{n} ({rel}, clé)", f"{n}, {rel} - parle anglais"]
        )

    return _sparse(rng, rows, make, 0.7)


def pessoa_de_contacto(rng, rows):
    def make(r):
        n = vl.full_name(r, pl.PT_FORENAMES, pl.PT_SURNAMES)
        rel = r.choice(pl.RELATIONS_PT)
        return r.choice(
            [
                f"{n} ({rel})",
                f"{n} - {rel}, tel no cartão",
                f"{rel}: {n}",
                f"{n} ({rel}) - em Madeira",
            ]
        )

    return _sparse(rng, rows, make, 0.65)


def escort_name(rng, rows):
    def make(r):
        n = vl.full_name(
            r, pl.MANX_FORENAMES + pl.NORMAN_FORENAMES, pl.MANX_SURNAMES + pl.NORMAN_SURNAMES
        )
        rel = r.choice(pl.RELATIONS_EN)
        return r.choice(
            [
                f"{n} ({rel}) - travelling on boat",
                f"{n} ({rel})",
                f"{n} - {rel}, flying separately",
                f"{n} [{rel}] needs own accommodation",
            ]
        )

    return _sparse(rng, rows, make, 0.75)


def carer_first_name(rng, rows):
    def make(r):
        f = vl.forename(r)
        return r.choice(
            [
                f"{f} (dau)",
                f"{f} - NOT to be called after 8pm",
                f"{f}",
                f"{f} (paid carer)",
                f"{f}?? check",
                f"{f} & {vl.forename(r)}",
            ]
        )

    return _sparse(rng, rows, make, 0.7)


def maiden_surname(rng, rows):
    def make(r):
        s = vl.surname(r)
        return r.choice(
            [
                f"{s} (née)",
                f"née {s}",
                f"{s} (prev. married name)",
                f"{s}",
                f"{s.upper()} - per birth cert",
                f"{s}?",
            ]
        )

    return _sparse(rng, rows, make, 0.8)


def representative(rng, rows):
    def make(r):
        n = vl.full_name(r)
        role = r.choice(
            [
                "brother, arranging flights",
                "insurer contact",
                "consular officer",
                "son, POA",
                "partner",
                "employer",
            ]
        )
        return r.choice(
            [
                f"{r.choice(['Mr', 'Mrs', 'Ms', 'Dr'])} {n} ({role})",
                f"{n} - {role}",
                f"{n} ({role})",
            ]
        )

    return _sparse(rng, rows, make, 0.6)


def ainm_neach_daimh(rng, rows):
    def make(r):
        n = vl.full_name(r, pl.GAELIC_FORENAMES, pl.GAELIC_SURNAMES)
        rel = r.choice(pl.RELATIONS_GD)
        return r.choice([f"{n} ({rel})", f"{n} - {rel}", f"{n} ({rel}), Beurla cuingealaichte"])

    return _sparse(rng, rows, make, 0.7)


def opiekun_prawny(rng, rows):
    def make(r):
        n = vl.full_name(r, pl.POLISH_FORENAMES, pl.POLISH_SURNAMES)
        rel = r.choice(pl.RELATIONS_PL)
        return r.choice([f"{n} ({rel})", f"{n} ({rel}) - mówi tylko po polsku", f"{rel}: {n}"])

    return _sparse(rng, rows, make, 0.8)


def guardian_if_u18(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.25:
            return f"Foster carers: {vl.forename(r)} & {vl.full_name(r)}"
        if c < 0.5:
            return f"{vl.full_name(r)} (mother)"
        return r.choice(
            [
                f"{vl.full_name(r)}",
                f"{vl.full_name(r)} - PR shared with LA",
                f"{vl.full_name(r)} (SGO)",
            ]
        )

    out = []
    for _ in range(rows):
        if rng.random() < 0.85:
            out.append(
                rng.choice([None, None, "n/a", "N/A - adult", "NA", "not applicable", "", "-"])
            )
        else:
            out.append(make(rng))
    return out


def aka(rng, rows):
    def make(r):
        f = r.choice(
            [
                "Bobby",
                "Gwil",
                "Dai",
                "Morag",
                "Sandy",
                "Jock",
                "Nel",
                "Kasia",
                "Jas",
                "Bill",
                "Peggy",
                "Ned",
                "Zé",
                "Lena",
            ]
        )
        return r.choice(
            [f"{f} (prefers)", f"{f}", f'"{f}"', f"{f} - uses this at school", f"known as {f}"]
        )

    return _sparse(rng, rows, make, 0.78)


VESSELS = [
    "RNLB Sir William Hillary",
    "Ben-my-Chree",
    "Manannan",
    "MV Loch Seaforth",
    "MV Isle of Lewis",
    "Commodore Clipper",
    "RNLB Elizabeth and Leonard",
    "Lord of the Isles",
    "MV Hebrides",
    "Spirit of Lewis",
    "RNLB Frank and Lena Clifford",
    "Condor Liberation",
    "Hamnavoe",
    "MV Clansman",
    "Sir David Attenborough",
    "RNLB Ruby and Arthur Reed",
    "Manxman",
]
PORTS = [
    "Douglas",
    "Stornoway",
    "St Peter Port",
    "St Helier",
    "Lerwick",
    "Oban",
    "Ullapool",
    "Poole",
    "Heysham",
]


def vessel(rng, rows):
    def make(r):
        return r.choice(
            [
                f"{r.choice(VESSELS)} ({r.choice(PORTS)})",
                f"{r.choice(VESSELS)} - {r.choice(PORTS)}",
                r.choice(VESSELS).upper(),
            ]
        )

    return _sparse(rng, rows, make, 0.6)
