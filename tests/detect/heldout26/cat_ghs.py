"""Categories g (look-alikes identifying nobody), h (hard names) and s (staff names)."""

from . import pools, values
from .common import fill, messy, pad

# ---------------------------------------------------------------- g: look-alikes


def g_vaccine(rng, rows):
    return fill(rng, rows, lambda r: messy(r, r.choice(pools.VACCINE_PRODUCTS), 0.2), blank=0.1)


def g_venue(rng, rows):
    return fill(rng, rows, lambda r: r.choice(pools.VENUES), blank=0.03)


def g_agency(rng, rows):
    return fill(rng, rows, lambda r: messy(r, r.choice(pools.AGENCIES), 0.2), blank=0.05)


def g_ward(rng, rows):
    return fill(rng, rows, lambda r: r.choice(pools.EPONYM_WARDS), blank=0.02)


def g_course(rng, rows):
    return fill(rng, rows, lambda r: r.choice(pools.COURSE_TITLES))


def g_serial(rng, rows):
    return fill(
        rng,
        rows,
        lambda r: values.invalid_ten(r, first=r.choice(["4", "6", "9", "1", "2"])),
        blank=0.02,
    )


def g_claim_ref(rng, rows):
    return fill(rng, rows, lambda r: values.ni_lookalike(r), blank=0.02)


def g_asset_tag(rng, rows):
    def make(r):
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        prefix = r.choice(["EQ", "MD", "IT", "BM", "PC", "LT", "WH"])
        return f"{prefix}{r.randint(10, 99)} {''.join(r.choice(letters) for _ in range(3))}"

    return fill(rng, rows, make, blank=0.03)


def g_place(rng, rows):
    return fill(
        rng, rows, lambda r: r.choice(pools.TOWNS + pools.OVERSEAS + pools.UNIVERSITIES), blank=0.05
    )


def g_grade(rng, rows):
    grades = [
        "Band 5",
        "Band 6",
        "Band 8a",
        "ST3",
        "FY1",
        "FY2",
        "CT1",
        "Specialty Doctor SD2",
        "Consultant",
        "Specialist",
        "LAS SHO",
        "Trust Grade",
        "AfC 4",
        "Band 7 (ACP)",
        "Nursing Associate",
        "Student",
    ]
    return fill(rng, rows, lambda r: messy(r, r.choice(grades), 0.2))


def g_org_code(rng, rows):
    def make(r):
        return r.choice(
            [
                "R" + "".join(r.choice("ABCDEFGHJKLMNPQRSTVWXYZ0123456789") for _ in range(2)),
                "R"
                + "".join(r.choice("ABCDEFGHJKLMNPQRSTVWXYZ0123456789") for _ in range(2))
                + f"{r.randint(1, 99):02d}",
                "Y0" + str(r.randint(1000, 9999)),
                str(r.randint(1, 9))
                + r.choice("ABCDEFGHJKLMNPQRSTVWXYZ")
                + r.choice("ABCDEFGHJKLMNPQRSTVWXYZ")
                + str(r.randint(10, 99)),
                r.choice("ABCDEFGHJKLMNP") + str(r.randint(10000, 99999)),
                "7A" + str(r.randint(1, 9)) + r.choice("ABCD") + str(r.randint(1, 9)),
            ]
        )

    return fill(rng, rows, make, blank=0.02)


def g_sickness_code(rng, rows):
    codes = [
        "S10 Anxiety/stress/depression/other psychiatric illnesses",
        "S12 Other musculoskeletal problems",
        "S11 Back problems",
        "S13 Cold, Cough, Flu - Influenza",
        "S25 Gastrointestinal problems",
        "S16 Headache / migraine",
        "S27 Infectious diseases",
        "S28 Injury, fracture",
        "S98 Other known causes - not elsewhere classified",
        "S99 Unknown causes / Not specified",
        "S17 Benign and malignant tumours, cancers",
        "S19 Heart, cardiac & circulatory problems",
        "S30 Pregnancy related disorders",
        "S31 Skin disorders",
        "S15 Chest & respiratory problems",
    ]
    return fill(
        rng,
        rows,
        lambda r: r.choice(codes) if r.random() < 0.7 else r.choice(codes).split(" ", 1)[0],
        blank=0.05,
    )


def g_hospital(rng, rows):
    return fill(rng, rows, lambda r: r.choice(pools.EPONYM_HOSPITALS))


def g_dbs_issue(rng, rows):
    def make(r):
        d = values.random_date(r, 2015, 2025)
        return r.choice([d.strftime("%d/%m/%Y"), d.isoformat(), d.strftime("%d-%b-%Y")])

    return fill(rng, rows, make, blank=0.05)


# ---------------------------------------------------------------- h: hard names


def h_forename(rng, rows):
    return fill(rng, rows, lambda r: messy(r, r.choice(pools.WORD_FORENAMES), 0.15), blank=0.03)


def h_surname(rng, rows):
    return fill(rng, rows, lambda r: messy(r, r.choice(pools.WORD_SURNAMES), 0.2), blank=0.03)


def h_full_name(rng, rows):
    def make(r):
        style = r.randrange(7)
        if style == 0:
            return r.choice(pools.MONONYMS)
        if style == 1:
            return f"{r.choice(pools.WORD_FORENAMES)} {r.choice(pools.WORD_SURNAMES)}"
        if style == 2:
            fam, given = r.choice(pools.EAST_ASIAN_NAMES)
            return f"{given} {fam}"
        if style == 3:
            f, s = r.choice(pools.AFRICAN_FRENCH_NAMES)
            return f"{f} {s}"
        if style == 4:
            return r.choice(pools.ARABIC_SOMALI_NAMES)
        if style == 5:
            return f"{values.forename(r)} {r.choice(pools.PARTICLE_SURNAMES)}"
        return f"{values.forename(r)} {values.surname(r)}"

    return fill(rng, rows, make, blank=0.03)


def h_caps_particles(rng, rows):
    return fill(
        rng, rows, lambda r: pad(r, r.choice(pools.PARTICLE_SURNAMES).upper(), 20, 0.25), blank=0.03
    )


def h_initials(rng, rows):
    def make(r):
        s = r.choice(pools.SURNAMES + pools.WORD_SURNAMES + pools.HYPHEN_SURNAMES)
        letters = "ABCDEFGHIJKLMNOPRSTWY"
        return r.choice(
            [
                f"{r.choice(letters)}. {s}",
                f"{r.choice(letters)}.{r.choice(letters)}. {s}",
                f"{r.choice(letters)} {r.choice(letters)} {s}",
                f"J-P {s}",
                f"{r.choice(letters)}{r.choice(letters)} {s}",
                f"{s} {r.choice(letters)}{r.choice(letters)}",
            ]
        )

    return fill(rng, rows, make, blank=0.03)


def h_polish_forename(rng, rows):
    def make(r):
        pol, ascii_ = r.choice(pools.POLISH_FORENAMES)
        return r.choice([pol, pol, ascii_, pol.upper()])

    return fill(rng, rows, make, blank=0.05)


def h_gaelic(rng, rows):
    def make(r):
        male = r.random() < 0.5
        f = r.choice(pools.GAELIC_FORENAMES_M if male else pools.GAELIC_FORENAMES_F)
        m, fem = r.choice(pools.GAELIC_SURNAME_ROOTS)
        return f"{f} {m if male else fem}"

    return fill(rng, rows, make, blank=0.04)


def h_punjabi(rng, rows):
    def make(r):
        f = r.choice(pools.PUNJABI_FORENAMES)
        mid = r.choice(["Kaur", "Singh"])
        s = r.choice(pools.PUNJABI_SURNAMES)
        return r.choice([f"{f} {mid} {s}", f"{f} {mid}", f"{f} {s}", f"{mid.upper()} {f}"])

    return fill(rng, rows, make, blank=0.03)


def h_hyphenated(rng, rows):
    def make(r):
        f = r.choice(pools.HYPHEN_FORENAMES + pools.FORENAMES)
        s = r.choice(pools.HYPHEN_SURNAMES)
        return r.choice(
            [f"{f} {s}", f"{f} {s}", f"{f} {s.replace('-', ' - ')}", f"{f} {s.replace('-', ' ')}"]
        )

    return fill(rng, rows, make, blank=0.03)


def h_african_french(rng, rows):
    def make(r):
        f, s = r.choice(pools.AFRICAN_FRENCH_NAMES)
        f2, _ = r.choice(pools.AFRICAN_FRENCH_NAMES)
        return r.choice([f"{f} {s}", f"{s.upper()} {f}", f"{f} {f2} {s}", f"{f} {s}"])

    return fill(rng, rows, make, blank=0.03)


def h_east_asian(rng, rows):
    def make(r):
        fam, given = r.choice(pools.EAST_ASIAN_NAMES)
        return r.choice(
            [
                f"{fam.upper()} {given}",
                f"{fam} {given}",
                f"{fam.upper()} {given.upper()}",
                f"{fam}, {given}",
            ]
        )

    return fill(rng, rows, make, blank=0.03)


def h_short(rng, rows):
    return fill(rng, rows, lambda r: r.choice(pools.SHORT_FORENAMES), blank=0.1)


def h_mononym(rng, rows):
    def make(r):
        m = r.choice(pools.MONONYMS)
        return r.choice([m, m.upper(), f"FNU {m}", f"{m} LNU", f"{m.upper()} (no surname)", m])

    return fill(rng, rows, make, blank=0.03)


def h_arabic(rng, rows):
    return fill(
        rng, rows, lambda r: messy(r, r.choice(pools.ARABIC_SOMALI_NAMES), 0.25), blank=0.03
    )


# ---------------------------------------------------------------- s: staff names


def s_line_manager(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice(
            [
                f"Sister {f[0]}. {s}",
                f"{r.choice(['Mr', 'Mrs', 'Ms'])} {f[0]} {s} (Matron)",
                f"{f} {s}, Ward Manager",
                f"{f} {s} (B7)",
                f"Charge Nurse {f} {s}",
            ]
        )

    return fill(rng, rows, make, blank=0.05)


def s_appraiser(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        pn = " ".join(r.sample(pools.POST_NOMINALS, r.randint(1, 3)))
        return r.choice([f"Dr {f} {s} {pn}", f"Dr {f[0]}. {s}, {pn}", f"{f} {s} {pn}"])

    return fill(rng, rows, make, blank=0.08)


def s_responsible_officer(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice(
            [
                f"Prof. {f} {s} {r.choice(pools.HONOURS)}",
                f"Dr {f} {s}",
                f"Professor {f} {s} {r.choice(pools.HONOURS)} {r.choice(pools.POST_NOMINALS)}",
            ]
        )

    return fill(rng, rows, make, blank=0.02)


def s_signed_off(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice(
            [
                f"{f[0]}. {s} RN1 Band 7",
                f"{f[0]} {s} (NMC reg) B6",
                f"{s} {f[0]} - RMN",
                f"{f[0]}.{s}, RGN",
            ]
        )

    return fill(rng, rows, make, blank=0.1)


def s_locum(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice(
            [
                f"Dr {f[0]} {s} (locum ST4)",
                f"Dr {f} {s}",
                f"{s.upper()} {f} - locum cons",
                f"Dr {s} (agency)",
            ]
        )

    return fill(rng, rows, make, blank=0.03)


def s_facilitator(rng, rows):
    return fill(rng, rows, lambda r: values.forename(r), blank=0.05)
