"""Categories c (annotated name columns, many blanks) and d (misleading headers)."""

import random

from . import pools, values
from .common import fill, fill_exact_blank, join_sentences, messy, pad

# ---------------------------------------------------------------- c: annotated names


def c_next_of_kin(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        rel = r.choice(pools.RELATIONSHIPS)
        style = r.randrange(6)
        if style == 0:
            return f"{f} {s} ({rel})"
        if style == 1:
            return f"{f} {s} - {rel}"
        if style == 2:
            return f"{r.choice(pools.TITLES)} {f[0]} {s} ({rel})"
        if style == 3:
            return f"{s.upper()} {f} ({rel})"
        if style == 4:
            return f"{f} {s} [{rel}] - same address"
        note = r.choice(["lives abroad", "POA", "do not contact before 9am", "deaf - text only"])
        return f"{f} {s} ({rel}, {note})"

    return fill_exact_blank(rng, rows, lambda r: messy(r, make(r)), 0.60)


def c_emergency(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        rel = r.choice(pools.RELATIONSHIPS)
        note = r.choice(
            [
                "call after 6",
                "works nights",
                "mobile only",
                "speaks Polish",
                "try twice",
                "may be abroad",
                "ok to leave msg",
            ]
        )
        style = r.randrange(4)
        if style == 0:
            return f"{f} {s} - {rel} - {note}"
        if style == 1:
            return f"{f} {s} / {rel} / {note}"
        if style == 2:
            return f"{rel.capitalize()} - {f} {s}"
        return f"{f} {s} ({rel}) {note}"

    return fill_exact_blank(rng, rows, make, 0.70)


def c_referee1(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        role = r.choice(
            [
                "line manager",
                "Ward Manager",
                "clinical lead",
                "Matron",
                "tutor",
                "practice manager",
                "Head of Nursing",
            ]
        )
        place = r.choice(pools.EPONYM_HOSPITALS + pools.UNIVERSITIES)
        y = r.randint(2012, 2021)
        name = r.choice(
            [
                f"{r.choice(['Dr', 'Mrs', 'Mr', 'Ms'])} {f[0]}. {s}",
                f"{f} {s}",
                f"{r.choice(['Dr', 'Prof'])} {f} {s}",
            ]
        )
        return r.choice(
            [
                f"{name} ({role}, {y}-{y + r.randint(1, 4)})",
                f"{name} ({role}, {place} {y}-{str(y + 2)[2:]})",
                f"{name} - {role}",
            ]
        )

    return fill_exact_blank(rng, rows, make, 0.55)


def c_referee2(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        note = r.choice(
            [
                "former employer; ref not yet received",
                "chased x2",
                "character ref",
                "received 12/01",
                "academic",
                "ref unsatisfactory - see HR",
                "unable to contact",
            ]
        )
        name = r.choice(
            [
                f"{r.choice(pools.TITLES)} {f} {s}",
                f"{f} {s}",
                f"{r.choice(pools.TITLES)} {f[0]} {s}",
            ]
        )
        return f"{name} [{note}]" if r.random() < 0.7 else f"[{note}] {name}"

    return fill_exact_blank(rng, rows, make, 0.75)


def c_preceptor(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        suffix = r.choice(["RN (band 6)", "RMN", "RN, Band 6", "RNLD", "RM", "Band 7", "(RN)"])
        style = r.randrange(4)
        if style == 0:
            return f"{f} {s} {suffix} \u2013 cover: see rota"
        if style == 1:
            return f"{f} {s}, {suffix}"
        if style == 2:
            return f"TBC - {f} {s} until {r.randint(1, 28):02d}/{r.randint(1, 12):02d}"
        return f"{f} {s} {suffix}"

    return fill_exact_blank(rng, rows, make, 0.52)


def c_assessor_forename(rng, rows):
    def make(r):
        f = values.forename(r)
        style = r.randrange(4)
        if style == 0:
            return f"{f} (acting)"
        if style == 1:
            return f"{f} (cover)"
        if style == 2:
            return f"{f} / {values.forename(r)} (job share)"
        return f

    return fill_exact_blank(rng, rows, make, 0.65)


def c_previous_surname(rng, rows):
    def make(r):
        s = values.surname(r)
        return r.choice(
            [
                f"née {s}",
                f"{s} (until {r.randint(1995, 2023)})",
                f"{s} - changed on marriage {r.randint(2000, 2023)}",
                f"formerly {s}",
                f"{s} (deed poll)",
                s,
            ]
        )

    return fill_exact_blank(rng, rows, make, 0.85)


def c_welsh_nok(rng, rows):
    def make(r):
        if r.random() < 0.5:
            f, s = r.choice(pools.WELSH_NAMES)
        else:
            f, s = values.full_name(r)
        rel = r.choice(pools.WELSH_RELATIONSHIPS)
        return r.choice(
            [
                f"{f} {s} ({rel})",
                f"{f} {s} \u2013 {rel}",
                f"{f} {s} (ei {rel})",
                f"{s}, {f} ({rel})",
            ]
        )

    return fill_exact_blank(rng, rows, make, 0.60)


def c_witness(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        if r.random() < 0.2:
            s = r.choice(pools.WORD_SURNAMES)
        role = r.choice(
            ["Union rep", "HR", "RCN rep", "Unison steward", "GMB", "Note taker", "HRBP"]
        )
        return r.choice([f"{role}: {f} {s}", f"{role} - {f} {s}", f"{f} {s} ({role})"])

    return fill_exact_blank(rng, rows, make, 0.80)


NICKNAMES = [
    ("Bex", "Rebecca"),
    ("Kasia", "Katarzyna"),
    ("Gosia", "Małgorzata"),
    ("Tomek", "Tomasz"),
    ("Seun", "Oluwaseun"),
    ("Emeka", "Chukwuemeka"),
    ("Jide", "Babajide"),
    ("Fola", "Folasade"),
    ("Ric", "Ricardo"),
    ("Manny", "Emmanuel"),
    ("Sunny", "Sundeep"),
    ("Raj", "Rajinder"),
    ("Ade", "Adewale"),
    ("Nikki", "Nicola"),
    ("Jas", "Jaswinder"),
    ("Dee", "Deepa"),
    ("Bobby", "Babatunde"),
    ("Shaz", "Sharon"),
    ("Gaz", "Gareth"),
    ("Wojtek", "Wojciech"),
    ("Lachie", "Lachlan"),
    ("Mairi", "Mary"),
    ("Ifan", "Ieuan"),
    ("Xiao", "Xiaoling"),
]


def c_known_as(rng, rows):
    def make(r):
        nick, legal = r.choice(NICKNAMES)
        return r.choice(
            [f"{nick} ({legal})", f"{nick}", f"{nick} - legal name {legal}", f'"{nick}"']
        )

    return fill_exact_blank(rng, rows, make, 0.70)


def c_dependants(rng, rows):
    def make(r):
        a = r.choice(pools.FORENAMES + pools.WORD_FORENAMES)
        b = r.choice(pools.FORENAMES + pools.WORD_FORENAMES)
        rel = r.choice(["dtr", "son", "s", "d", "stepson", "córka", "syn"])
        return r.choice(
            [
                f"{a} ({rel}, {r.randint(1, 11)})",
                f"{a} + {b} (twins, {r.randint(1, 6)})",
                f"{a} {r.randint(1, 11)}y, {b} {r.randint(1, 11)}y",
            ]
        )

    return fill_exact_blank(rng, rows, make, 0.80)


def c_polish_guardian(rng, rows):
    def make(r):
        pf = r.choice(pools.POLISH_FORENAMES)[0]
        s = r.choice(
            ["Wiśniewski", "Nowak", "Kowalczyk", "Wójcik", "Kaczmarek", "Zielińska", "Lewandowski"]
        )
        rel = r.choice(pools.POLISH_RELATIONSHIPS)
        return r.choice(
            [
                f"{pf} {s} ({rel})",
                f"Pan {pf} {s} \u2013 {rel}",
                f"Pani {pf} {s} ({rel})",
                f"{s} {pf}, {rel}",
            ]
        )

    return fill_exact_blank(rng, rows, make, 0.88)


def c_nok_relationship(rng, rows):
    def make(r):
        rel = r.choice(pools.RELATIONSHIPS)
        return r.choice(
            [
                f"({rel})",
                f"{rel.capitalize()} - lives abroad",
                f"{rel.capitalize()} (deceased)",
                "NOK declined",
                f"{rel}, same address",
                f"{rel.capitalize()} - POA",
                rel,
                f"{rel} / {r.choice(pools.RELATIONSHIPS)}",
            ]
        )

    return fill_exact_blank(rng, rows, make, 0.60)


# ---------------------------------------------------------------- d: misleading headers

NOTES_BG = [
    "Session moved to {v} at {h}",
    "Trainer from {o} delivered BLS",
    "Room double booked, moved to {v}",
    "Cohort from {u} joined",
    "{o} speaker cancelled",
    "Next session at {h}, {t}",
    "Catering from {o} café",
    "Parking at {h} full, use {t} park and ride",
    "Joint session with {u} students",
    "Certificates posted to {h} education centre",
]
PLACEMENT_BG = [
    "Placed on {w} at {h}",
    "Excellent placement on {w}",
    "Moved from {w} to {w2}",
    "{u} link lecturer visited",
    "Spoke Welsh with patients on {w}",
    "Travel from {t} difficult",
    "Spoke placement at {o}",
    "Final placement at {h}, {t}",
    "Half day at {v}",
]
REVAL_NOTES_BG = [
    "Reflection on a patient with {c}",
    "Used the {s} to document",
    "CPD on {c} (2h)",
    "Case discussion: {c} and {c2}",
    "Teaching on {s}",
    "Learning re {s} after incident",
    "Updated knowledge of {c}",
    "Audit of {s} compliance on {w}",
]
SYLWADAU_BG = [
    "Volunteered with {o} before",
    "Interested in {o} fundraising",
    "Completed {a}",
    "Referred by {o}",
    "Gwirfoddolwr gyda {o}",
    "Wedi gweithio i {o}",
    "{o} shop in {t}",
    "Previous role at {o} in {t}",
    "Gold {a} holder",
    "Link with {o} shop on the High Street",
]


def _fill_template(r: random.Random, tpl: str) -> str:
    return tpl.format(
        v=r.choice(pools.VENUES),
        h=r.choice(pools.EPONYM_HOSPITALS),
        o=r.choice(pools.ORGANISATIONS),
        u=r.choice(pools.UNIVERSITIES),
        t=r.choice(pools.TOWNS),
        w=r.choice(pools.EPONYM_WARDS),
        w2=r.choice(pools.EPONYM_WARDS),
        c=r.choice(pools.EPONYM_CONDITIONS),
        c2=r.choice(pools.EPONYM_CONDITIONS),
        s=r.choice(pools.EPONYM_SCORES),
        a=r.choice(
            [
                "Duke of Edinburgh's Award",
                "Prince's Trust Team programme",
                "Queen's Scout award",
                "John Muir Award",
                "Jack Petchey award",
            ]
        ),
    )


def _notes(rng, rows, templates, blank):
    def make(r):
        return messy(
            r,
            join_sentences(
                r, [_fill_template(r, r.choice(templates)) for _ in range(r.randint(1, 3))]
            ),
            0.06,
            0.05,
        )

    return fill(rng, rows, make, blank=blank)


def d_notes(rng, rows):
    return _notes(rng, rows, NOTES_BG, 0.15)


def d_placement(rng, rows):
    return _notes(rng, rows, PLACEMENT_BG, 0.1)


def d_reval_notes(rng, rows):
    return _notes(rng, rows, REVAL_NOTES_BG, 0.1)


def d_sylwadau(rng, rows):
    return _notes(rng, rows, SYLWADAU_BG, 0.2)


def _po_number(r: random.Random) -> str:
    while True:
        n = "4500" + "".join(str(r.randrange(10)) for _ in range(6))
        if not values.mod11_valid(n):
            return n


def d_nhs_ref(rng, rows):
    return fill(
        rng,
        rows,
        lambda r: r.choice(
            [_po_number(r), _po_number(r), "PO-" + _po_number(r), "PO" + _po_number(r)[4:]]
        ),
    )


def d_ni_contrib(rng, rows):
    return fill(
        rng,
        rows,
        lambda r: r.choice(
            ["A", "A", "A", "B", "C", "H", "J", "M", "Z", "X", "F", "V", "Cat A", "a ", "A (std)"]
        ),
        blank=0.03,
    )


def d_staff_name(rng, rows):
    roles = [
        "Band 5 Staff Nurse",
        "VACANT",
        "Agency",
        "Bank HCA",
        "TBC",
        "Locum Reg",
        "Ward Clerk",
        "Nurse Associate (NA)",
        "Student Nurse yr2",
        "Sister - nights",
        "Agency RMN",
        "vacant (advert out)",
        "FY1",
        "Consultant (locum)",
        "Physio B6",
        "Housekeeper",
        "Porter",
        "Matron",
        "ACP",
        "Band 2 HCA (bank)",
    ]
    return fill(rng, rows, lambda r: messy(r, r.choice(roles)), blank=0.05)


def d_dob_check(rng, rows):
    return fill(
        rng,
        rows,
        lambda r: r.choice(
            [
                "Y",
                "N",
                "Verified",
                "Seen original",
                "Mismatch - query",
                "Y (passport)",
                "y",
                "Not checked",
                "✓",
            ]
        ),
        blank=0.1,
    )


def d_email_sent(rng, rows):
    def make(r):
        d = values.random_date(r, 2023, 2025)
        return r.choice(
            [
                f"Yes {d:%d/%m/%Y}",
                "No - bounced",
                "Sent",
                "Resent x2",
                "Y",
                "N",
                f"sent {d:%d %b}",
                "Out of office reply",
            ]
        )

    return fill(rng, rows, make, blank=0.1)


def d_doc_type(rng, rows):
    docs = [
        "UK passport",
        "BRP",
        "Share code",
        "EU settled status (share code)",
        "Birth cert + NI letter",
        "Irish passport",
        "Non-UK passport + visa",
        "eVisa",
        "Certificate of naturalisation",
        "Frontier worker permit",
        "Positive verification notice (Home Office ECS)",
        "Passport (expired)",
    ]
    return fill(rng, rows, lambda r: r.choice(docs), blank=0.05)


def d_reference(rng, rows):
    return fill(rng, rows, lambda r: pad(r, values.nhs_number(r), 12, 0.1), blank=0.04)


def d_contact(rng, rows):
    return fill(rng, rows, lambda r: values.email(r, *values.full_name(r)), blank=0.1)


def d_details(rng, rows):
    def make(r):
        f, s = values.full_name(r)
        return r.choice([f"{f} {s}", f"{f} {s}", f"{r.choice(pools.TITLES)} {f} {s}", f"{s}, {f}"])

    return fill(rng, rows, make, blank=0.05)


def d_area(rng, rows):
    return fill(rng, rows, lambda r: messy(r, values.postcode(r), 0.2, 0.05), blank=0.05)
