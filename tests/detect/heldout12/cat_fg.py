"""Category f (one identifier in several formats) and g (look-alikes, kind None)."""

from . import pools
from . import values as v


def _col(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn() for _ in range(rows)]


# ----------------------------------------------------------------- f
def foot_clinic_nhs(rng, rows):
    def one():
        n = v.nhs_number(rng)
        return rng.choice(
            [
                n,
                f"{n[:3]} {n[3:6]} {n[6:]}",
                f"{n[:3]}-{n[3:6]}-{n[6:]}",
                f"NHS: {n[:3]} {n[3:6]} {n[6:]}",
                f"nhs no.{n}",
                f" {n} ",
            ]
        )

    return _col(rng, rows, one)


def data_urodzenia(rng, rows):
    return _col(rng, rows, lambda: v.fmt_date(rng, v.dob(rng)))


def oxygen_contact_tel(rng, rows):
    return _col(
        rng,
        rows,
        lambda: v.phone(rng) + rng.choice(["", "", "", " (home)", " mob", " - daughter"]),
        0.08,
    )


def home_postcode_as_given(rng, rows):
    def one():
        p = v.postcode(rng)
        return rng.choice(
            [p, p.lower(), p.replace(" ", ""), p.replace(" ", "  "), p.title(), f" {p}"]
        )

    return _col(rng, rows, one)


def lymph_patient(rng, rows):
    def one():
        f, s = v.forename(rng), v.surname(rng)
        return rng.choice(
            [
                f"{s.upper()}, {f}",
                f"{f} {s}",
                f"{f[0]} {s}",
                f"{f.lower()} {s.lower()}",
                f"{s} {f}",
                f"{s}, {f[0]}.",
            ]
        )

    return _col(rng, rows, one)


def ni_no(rng, rows):
    def one():
        n = v.ni_number(rng)
        return rng.choice(
            [
                n,
                f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
                n.lower(),
                n[:8],
                f"{n[:2]}-{n[2:8]}-{n[8]}",
            ]
        )

    return _col(rng, rows, one)


def aireamh_chi(rng, rows):
    def one():
        c = v.chi_number(rng)
        return rng.choice(
            [
                c,
                f"{c[:6]} {c[6:]}",
                f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}",
                f"{c[:3]} {c[3:6]} {c[6:]}",
                f"CHI {c}",
            ]
        )

    return _col(rng, rows, one)


def taxi_vrm(rng, rows):
    def one():
        r = v.vehicle_reg(rng)
        return rng.choice(
            [r, r.replace(" ", ""), r.lower(), r.replace(" ", "-"), r.replace(" ", "  ")]
        )

    return _col(rng, rows, one)


def discharge_to_address(rng, rows):
    def one():
        return rng.choice(
            [v.address(rng), v.address(rng, "\n"), v.address(rng, " "), v.address(rng, ",").upper()]
        )

    return _col(rng, rows, one, 0.06)


def contact_email_raw(rng, rows):
    def one():
        f, s = v.forename(rng), v.surname(rng)
        e = v.email(rng, f, s)
        return rng.choice(
            [e, f"{f} {s} <{e}>", f"mailto:{e}", e.upper(), f'"{s}, {f}" <{e}>', f"{e};"]
        )

    return _col(rng, rows, one, 0.1)


def mrn(rng, rows):
    def one():
        h = v.hospital_number(rng, rng.choice(["K", "RX", "digits", "M"]))
        return rng.choice([h, h.lower(), h.replace("-", ""), f"MRN {h}"])

    return _col(rng, rows, one)


def travel_doc_no(rng, rows):
    def one():
        p = v.passport(rng)
        s = v.surname(rng).upper().replace("'", "")
        return rng.choice(
            [p, f"GBR {p}", f"{p}GBR", f"P<GBR{s}<<", f"{p[:3]} {p[3:6]} {p[6:]}", f"PP{p}"]
        )

    return _col(rng, rows, one)


def dvla_licence(rng, rows):
    def one():
        d = v.driving_licence(rng)
        return rng.choice(
            [d, f"{d[:5]} {d[5:11]} {d[11:14]} {d[14:]}", d.lower(), f"{d[:5]}-{d[5:11]}-{d[11:]}"]
        )

    return _col(rng, rows, one)


def dx_code(rng, rows):
    codes = [
        "E11.9",
        "I48.0",
        "I89.0",
        "L89.2",
        "N39.4",
        "F00.1",
        "J44.1",
        "A15.0",
        "Z94.0",
        "E10.5",
        "Q87.4",
    ]

    def one():
        c = rng.choice(codes)
        return rng.choice(
            [c, c.replace(".", ""), c.lower(), c.replace(".", "-"), f"{c}X", f"ICD10:{c}"]
        )

    return _col(rng, rows, one)


# ----------------------------------------------------------------- g
def concentrator_serial(rng, rows):
    def one():
        return rng.choice(
            [
                f"SN-{rng.randint(1000000, 9999999)}-{rng.choice('KLMX')}",
                f"EVR{rng.randint(10, 24)}{rng.randint(100000, 999999)}",
                f"IVC{rng.randint(1000000, 9999999)}",
                f"{rng.randint(10, 24)}W{rng.randint(10000, 99999)}",
            ]
        )

    return _col(rng, rows, one)


def anticoag_drug(rng, rows):
    return _col(
        rng,
        rows,
        lambda: (
            rng.choice(pools.DRUGS)
            + rng.choice(
                [" 1mg", " 5mg", " 2.5 mg bd", " 20mg od", "", " (Lixiana)", " 3mg + 0.5mg"]
            )
        ),
    )


def stopping_place(rng, rows):
    def one():
        t = rng.choice(pools.TOWNS)
        return rng.choice(
            [
                f"{rng.choice(pools.STREET_STEMS)} Lane Transit Site",
                f"{t} Council Site, pitch {rng.randint(1, 24)}",
                f"Roadside - A{rng.randint(30, 700)} lay-by nr {t}",
                "Appleby Fair",
                f"{t} Showmen's Yard",
                f"Private site ({t})",
                f"Negotiated stopping place, {t}",
            ]
        )

    return _col(rng, rows, one)


def discharge_destination(rng, rows):
    return _col(
        rng,
        rows,
        lambda: rng.choice(
            pools.CARE_HOMES
            + pools.COMMUNITY_HOSPITALS
            + ["Usual place of residence", "D2A bed - interim"]
        ),
    )


def recycled_item(rng, rows):
    items = [
        "Derby heavy-duty commode",
        "Rollator Oxford 3-wheel",
        "Perching stool",
        "Mangar Elk lifting cushion",
        "Atlas profiling bed",
        "Sara Stedy",
        "Raised toilet seat 4in",
        "Zimmer frame (adj.)",
        "Lilly wheelchair cushion",
        "Theraposture Riser Recliner",
        "Molift Smart 150",
        "Bath board Savanah",
    ]
    return _col(
        rng,
        rows,
        lambda: rng.choice(items) + rng.choice(["", "", " - refurbished", " x2", " (returned)"]),
    )


def snomed_ct(rng, rows):
    def one():
        length = rng.choice([8, 9, 10, 10, 11, 15, 16])
        while True:
            digits = (
                str(rng.randint(1, 9))
                + "".join(rng.choice("0123456789") for _ in range(length - 4))
                + "100"
                + str(rng.randint(0, 9))
            )
            digits = digits[:length]
            if length != 10 or not v.mod11_ok(digits):
                return digits

    return _col(rng, rows, one)


def invoice_no(rng, rows):
    return _col(rng, rows, lambda: v.mod11_fail(rng, "4679"))


def ods_code(rng, rows):
    def one():
        return rng.choice(
            [
                f"{rng.choice('ABCDFGHJKLMNPY')}{rng.randint(10000, 99999)}",
                f"R{rng.choice('ABCDEFHJKMNQRTVWXY')}{rng.randint(1, 9)}",
                f"7A{rng.randint(1, 7)}",
                f"ZT{rng.randint(1, 9)}{rng.randint(10, 99)}",
                f"{rng.randint(0, 9)}{rng.choice('ABCDEFGH')}{rng.randint(10, 99)}A",
            ]
        )

    return _col(rng, rows, one)


def vaccine_batch(rng, rows):
    def one():
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"

        def pick():
            return rng.choice(letters)

        return rng.choice(
            [
                f"{pick()}{pick()}{rng.randint(1000, 9999)}",
                f"{pick()}{rng.randint(100, 999)}{pick()}{pick()}",
                f"{pick()}{pick()}{rng.randint(10, 99)}{pick()}{pick()}{pick()}",
                f"{rng.randint(100000, 999999)}-{pick()}",
            ]
        )

    return _col(rng, rows, one)


def course_code(rng, rows):
    def one():
        p = v.ni_bad_prefix(rng)
        n = "".join(rng.choice("0123456789") for _ in range(6))
        return rng.choice(
            [
                f"{p}{n}{rng.choice('ABCD')}",
                f"{p}{n}",
                f"{p} {n[:2]} {n[2:4]} {n[4:]} {rng.choice('ABCD')}",
            ]
        )

    return _col(rng, rows, one)


def _town_slug(rng):
    return rng.choice(pools.TOWNS).lower().replace(" ", "")


def team_mailbox(rng, rows):
    teams = [
        "referrals",
        "memory.clinic",
        "tb.nurses",
        "homeoxygen",
        "tissueviability",
        "d2a.hub",
        "marac.coordinator",
        "send.transport",
        "admissions",
        "pestcontrol",
        "licensing",
        "portheath.duty",
    ]
    doms = [
        "example.com",
        "example.org",
        "nhs.example",
        "council.example",
        "cyngor.example",
        "hscni.example",
    ]
    return _col(
        rng,
        rows,
        lambda: (
            f"{rng.choice(teams)}{rng.choice(['', '', '-' + _town_slug(rng)])}@{rng.choice(doms)}"
        ),
    )


def licence_expiry(rng, rows):
    return _col(rng, rows, lambda: v.fmt_date(rng, v.rand_date(rng, 2024, 2029)))


def street_name(rng, rows):
    return _col(
        rng,
        rows,
        lambda: rng.choice(
            [
                v.street(rng),
                f"{rng.choice(pools.SURNAMES)} {rng.choice(pools.STREET_TYPES)}",
                f"{rng.choice(pools.FORENAMES)} {rng.choice(['Court', 'House', 'Close'])}",
            ]
        ),
    )


def bleep_ext(rng, rows):
    def one():
        return rng.choice(
            [
                f"bleep {rng.randint(1000, 9999)}",
                f"ext. {rng.randint(40000, 49999)}",
                f"x{rng.randint(2000, 7999)}",
                f"pager {rng.randint(100, 999)}",
                f"Vocera - {rng.choice(pools.WARD_WORDS)} coordinator",
                f"{rng.randint(1000, 9999)}",
            ]
        )

    return _col(rng, rows, one)
