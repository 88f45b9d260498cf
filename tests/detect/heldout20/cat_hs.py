"""Category h (hard names) and s (staff names)."""

from . import pools as pl
from . import values as vl


def _fill(rng, rows, make, blank=0.05):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def enw_cyntaf(rng, rows):
    return _fill(rng, rows, lambda r: vl.forename(r, pl.WELSH_FORENAMES))


def ainm(rng, rows):
    return _fill(rng, rows, lambda r: vl.forename(r, pl.GAELIC_FORENAMES))


def sloinneadh(rng, rows):
    return _fill(rng, rows, lambda r: vl.surname(r, pl.GAELIC_SURNAMES))


def nom_de_famille(rng, rows):
    return _fill(
        rng,
        rows,
        lambda r: (
            vl.surname(r, pl.NORMAN_SURNAMES)
            if r.random() < 0.8
            else vl.surname(r, pl.NORMAN_SURNAMES).upper()
        ),
    )


def nome_completo(rng, rows):
    def make(r):
        parts = [vl.forename(r, pl.PT_FORENAMES)]
        if r.random() < 0.5:
            parts.append(
                r.choice(
                    ["da Conceição", "de Jesus", "do Rosário", vl.forename(r, pl.PT_FORENAMES)]
                )
            )
        parts.append(vl.surname(r, pl.PT_SURNAMES))
        if r.random() < 0.6:
            parts.append(vl.surname(r, pl.PT_SURNAMES))
        return " ".join(parts)

    return _fill(rng, rows, make)


def ennym(rng, rows):
    return _fill(rng, rows, lambda r: vl.full_name(r, pl.MANX_FORENAMES, pl.MANX_SURNAMES))


def name_upper(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.25:
            given = r.choice(["HOA", "LAN", "MAI", "HUONG"])
            return f"{r.choice(['NGUYEN', 'TRAN', 'LE', 'PHAM'])} THI {given}"
        if c < 0.4:
            given = r.choice(["WEI", "XIAOLING", "JUN", "MEI"])
            return f"{r.choice(['ZHANG', 'LI', 'WANG', 'CHEN'])} {given}"
        if c < 0.7:
            return f"{vl.surname(r).upper()}, {vl.forename(r).upper()}"
        return f"{vl.surname(r).upper()}, {vl.forename(r)[0]}."

    return _fill(rng, rows, make)


def preferred_forename(rng, rows):
    return _fill(rng, rows, lambda r: vl.forename(r, pl.WORD_FORENAMES))


def patient_mononym(rng, rows):
    return _fill(
        rng,
        rows,
        lambda r: r.choice(pl.MONONYMS) if r.random() < 0.45 else r.choice(pl.PATRONYMICS),
    )


def surname_at_birth(rng, rows):
    return _fill(rng, rows, lambda r: r.choice(pl.HYPHEN_SURNAMES))


def imie_nazwisko(rng, rows):
    return _fill(rng, rows, lambda r: vl.full_name(r, pl.POLISH_FORENAMES, pl.POLISH_SURNAMES))


def naam(rng, rows):
    def make(r):
        f = vl.forename(r, pl.PUNJABI_FORENAMES)
        mid = r.choice(["Kaur", "Singh", ""])
        s = vl.surname(r, pl.PUNJABI_SURNAMES) if r.random() < 0.7 else ""
        return (
            " ".join(x for x in [f, mid, s] if x)
            if (mid or s)
            else f"{f} {r.choice(['Kaur', 'Singh'])}"
        )

    return _fill(rng, rows, make)


def client_initials(rng, rows):
    def make(r):
        a, b = r.choice("ABCDEGHJKLMNPRST"), r.choice("ABCDEGHJKLMNPRST")
        s = vl.surname(r)
        return r.choice(
            [
                f"{a}. {b}. {s}",
                f"{a}.{b}. {s}",
                f"{a}{b} {s}",
                f"{s} {a}{b}",
                f"J-P {s}",
                f"{a}. {s}",
            ]
        )

    return _fill(rng, rows, make)


# --------------------------------------------------------------------- staff
def meddyg_ymgynghorol(rng, rows):
    def make(r):
        t = r.choice(["Dr", "Mr", "Miss", "Prof", "Dr."])
        pn = r.choice(["FRCP", "FRCS(Orth)", "MRCP", "FRCA", "MBBCh", "FRCR", "", ""])
        n = vl.full_name(r, pl.WELSH_FORENAMES, pl.WELSH_SURNAMES + pl.HYPHEN_SURNAMES[:4])
        return f"{t} {n} {pn}".strip()

    return _fill(rng, rows, make)


def referring_clinician(rng, rows):
    def make(r):
        s = vl.surname(r, pl.SCOTS_SURNAMES + pl.OTHER_SURNAMES)
        i = vl.forename(r)[0]
        where = r.choice(
            [
                "GP, Lewis",
                "Barra Medical Practice",
                "GP, Stornoway",
                "Uist",
                "Raigmore ED",
                "Portree",
            ]
        )
        return r.choice(
            [f"Dr {i}. {s} ({where})", f"{s}, {vl.forename(r)} - {where}", f"DR {s.upper()} {i}"]
        )

    return _fill(rng, rows, make)


def transfer_accepted_by(rng, rows):
    def make(r):
        n = vl.full_name(r)
        return r.choice(
            [
                f"Sister {n} RN",
                f"{n} (CNM)",
                f"Dr {n}, SpR",
                f"{n} - bed manager",
                f"Charge Nurse {n}",
            ]
        )

    return _fill(rng, rows, make, 0.1)


def gweithiwr_cymdeithasol(rng, rows):
    def make(r):
        n = vl.full_name(r, pl.WELSH_FORENAMES, pl.WELSH_SURNAMES)
        team = r.choice(["SW", "Tîm Plant", "Tîm Oedolion", "EDT", "Gwynedd", "Ynys Môn"])
        return f"{n} ({team})"

    return _fill(rng, rows, make, 0.15)


def escort_nurse_surname(rng, rows):
    return _fill(
        rng,
        rows,
        lambda r: vl.surname(r, pl.NORMAN_SURNAMES + pl.MANX_SURNAMES + pl.PT_SURNAMES),
        0.3,
    )


def authorised_by(rng, rows):
    def make(r):
        s = vl.surname(r)
        f = vl.forename(r)
        g = r.choice(["ST4", "FY2", "Cons", "ANP", "CT1", "SAS"])
        return r.choice([f"Dr. {f[0]}. {s} ({g})", f"{f} {s} {g}", f"{s} {f[0]} - {g}"])

    return _fill(rng, rows, make)
