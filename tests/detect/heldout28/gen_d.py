"""Category d: misleading headers."""

import datetime as dt

from . import pools
from . import values as v
from .text import fill, mess


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def notes(rng, rows):
    templates = [
        "Transferred to {eponym} from {ward}, porter via Lift B",
        "{eponym} Unit closed for deep clean (norovirus)",
        "Estates: leak above bay {bay} on {eponym}, reported to helpdesk",
        "Linen delivery late from laundry, {building} short of sheets",
        "Lift 3 in {building} out of order until {day}",
        "HSDU trays returned to {site}",
        "Fire door held open on {eponym} - removed wedge",
        "PLACE walk-round {day}: {building} and {eponym}",
        "Water flushing outlets {ward}, Legionella log signed",
        "Mortuary fridge 4 alarm {time}, engineer called",
        "Pharmacy top-up of {drug} on {eponym}",
        "Chaplaincy room booked for Eid prayers",
        "{site} bed meeting {time}: OPEL 3",
        "Culture {org} - side room needed on {eponym}",
        "Switchboard: Welsh-language line diverted to {building}",
        "Parc Ceir C closed, use Multi-storey Level {lvl}",
    ]
    return _col(rng, rows, 0.1, lambda r: mess(r, fill(r, r.choice(templates))))


def nhs_ref(rng, rows):
    def make(r):
        t = v.failing_ten(r, "45")
        return r.choice([t, f"PO {t}", t, f"{t}/1"])

    return _col(rng, rows, 0.03, make)


def patient_name(rng, rows):
    vals = [
        "anon",
        "Anonymous",
        "declined",
        "Declined to give",
        "not given",
        "N/K",
        "n/a",
        "PATIENT",
        "Patient (anonymous)",
        "unknown",
        "Not recorded",
        "-",
        "withheld",
        "Prefer not to say",
        "ANON.",
    ]
    return _col(rng, rows, 0.25, lambda r: r.choice(vals))


def surname(rng, rows):
    def make(r):
        e = r.choice(pools.WARD_EPONYMS)
        return r.choice([e, e.upper(), e, f"{e} ", e.lower()])

    return _col(rng, rows, 0.02, make)


def dob(rng, rows):
    def make(r):
        d = dt.date(2023, 1, 1) + dt.timedelta(days=r.randint(0, 700))
        return r.choice(
            [d.strftime("%d/%m/%Y"), d.strftime("%d/%m/%Y"), d.isoformat(), d.strftime("%d-%b-%y")]
        )

    return _col(rng, rows, 0.03, make)


def post_code(rng, rows):
    def make(r):
        return r.choice(
            [
                f"PP {r.randint(1, 350)}",
                f"IM-{r.choice('ABCDE')}{r.randint(1, 40)}",
                f"Post Point {r.randint(1, 350)}",
                f"MAILROOM {r.randint(1, 9)}",
                f"PP{r.randint(1, 350):03d}",
            ]
        )

    return _col(rng, rows, 0.05, make)


def email(rng, rows):
    boxes = [
        "porters.helpdesk",
        "bed.bureau",
        "switchboard",
        "mortuary.bookings",
        "catering.orders",
        "medical.photography",
        "car.parking",
        "casenotes.library",
        "estates.helpdesk",
        "place.assessments",
        "voluntary.services",
        "hospital.radio",
        "hsdu.tracking",
        "linen.services",
    ]

    def make(r):
        d = r.choice((*v.EMAIL_DOMAINS, "trust.example"))
        val = f"{r.choice(boxes)}@{d}"
        return val.upper() if r.random() < 0.1 else val

    return _col(rng, rows, 0.08, make)


def contact_number(rng, rows):
    def make(r):
        return r.choice(
            [
                f"x{r.randint(2000, 6999)}",
                f"ext {r.randint(2000, 6999)}",
                f"bleep {r.randint(1000, 1999)}",
                f"{r.randint(2000, 6999)}",
                f"B{r.randint(1000, 1999)}",
                f"ext. {r.randint(20000, 69999)}",
            ]
        )

    return _col(rng, rows, 0.06, make)


def passport_no(rng, rows):
    vals = [
        "Y - in notes",
        "Y",
        "N",
        "Copy on ward",
        "Not seen",
        "Hospital passport with carer",
        "LD passport - yes",
        "no passport",
        "Requested from home",
        "YES (red folder)",
        "Yes - reasonable adjustments",
        "N/A",
    ]
    return _col(rng, rows, 0.35, lambda r: r.choice(vals))


def ref(rng, rows):
    return _col(rng, rows, 0.03, lambda r: v.nhs_number(r))


def value(rng, rows):
    return _col(rng, rows, 0.05, lambda r: v.phone_parts(r)[1])


def label(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice([f"{s.upper()}, {f}", f"{s.upper()}, {f.upper()}", f"{s.upper()} {f}"])

    return _col(rng, rows, 0.02, make)


def location(rng, rows):
    def make(r):
        parts = v.address_parts(r)
        return r.choice([", ".join(parts), "\n".join(parts), ", ".join(parts).upper()])

    return _col(rng, rows, 0.04, make)


def misc(rng, rows):
    return _col(rng, rows, 0.1, lambda r: v.passport_number(r))
