# ruff: noqa: RUF001  (en dashes and dotless i are deliberate: clerks type them)
"""Category d: misleading headers."""

from . import pools
from . import values as v

NOTE_BITS = [
    "Mediation at {venue} – both parties attended, agreed summer holiday split.",
    "Dad works shifts at Amazon {town}; weekends difficult.",
    "Kids support Leeds United / Man City – use as ice-breaker.",
    "Family hub in {town} running Stay & Play on Tuesdays at {venue}.",
    "Referred to {org} and {org}.",
    "Mum shops at Aldi and Lidl; food vouchers for Tesco only – issue raised.",
    "Christmas presents via {org} appeal.",
    "Meeting moved to {venue} because {school} hall flooded.",
    "Son loves Minecraft and Bluey; daughter into Taylor Swift.",
    "Eid on Monday – avoid booking sessions.",
    "{team} picked up the case from the Duty team on Friday.",
    "Travelled by Arriva bus from {town} to {town}.",
    "Primark vouchers given for school uniform (St Ninian's colours).",
    "Caseworker to liaise with Ofsted-registered childminder in {town}.",
    "MIAM exemption claimed – Family Court at {town} notified.",
    "Dog called Biscuit at the property; staff to be aware.",
    "Grandparents moving to Spain in March.",
    "Greggs breakfast voucher scheme at {school}.",
    "Ramadan and Diwali dates added to the hub calendar.",
    "Used the Welsh-medium stay and play (Cylch Ti a Fi) at {venue}.",
]


def _fill(rng, text):
    reps = {
        "{venue}": lambda: rng.choice(pools.VENUES),
        "{town}": lambda: rng.choice(pools.TOWNS),
        "{org}": lambda: rng.choice(pools.ORGS),
        "{school}": lambda: rng.choice(pools.SCHOOLS),
        "{team}": lambda: "Team " + rng.choice(pools.TEAM_NAMES),
    }
    for key, fn in reps.items():
        while key in text:
            text = text.replace(key, fn(), 1)
    return text


def _each(rng, rows, fn, p_blank=0.04):
    return [None if rng.random() < p_blank else fn(rng) for _ in range(rows)]


def notes(rng, rows):
    def one(r):
        n = r.choice([1, 2, 2, 3])
        return r.choice([" ", "\n", "  "]).join(_fill(r, r.choice(NOTE_BITS)) for _ in range(n))

    return _each(rng, rows, one, p_blank=0.15)


def nhs_ref(rng, rows):
    def one(r):
        k = r.random()
        if k < 0.4:
            return f"PO-{r.choice([2023, 2024, 2025])}-{r.randint(1, 99999):06d}"
        if k < 0.8:
            return v.mod11_fail(r, first="45")  # SAP-style PO numbers, never valid NHS
        return f"REQ{r.randint(100000, 999999)}"

    return _each(rng, rows, one)


def child_name(rng, rows):
    def one(r):
        g = r.choice(pools.SESSION_GROUPS)
        return r.choice([g, g.upper(), f"{g} ({r.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} am)"])

    return _each(rng, rows, one)


def dob_booking(rng, rows):
    return _each(rng, rows, lambda r: v.fmt_date(v.recent_date(r), r.choice([0, 0, 0, 6, 8])))


def email_consent(rng, rows):
    opts = [
        "Y",
        "N",
        "Yes",
        "No",
        "opted in",
        "no – post only",
        "declined",
        "Y (GDPR form 2024)",
        "consent withdrawn",
        "not asked",
        "TRUE",
        "FALSE",
    ]
    return _each(rng, rows, lambda r: r.choice(opts))


def soundex(name: str) -> str:
    codes = {}
    for letters, digit in (
        ("BFPV", "1"),
        ("CGJKQSXZ", "2"),
        ("DT", "3"),
        ("L", "4"),
        ("MN", "5"),
        ("R", "6"),
    ):
        for ch in letters:
            codes[ch] = digit
    s = "".join(ch for ch in name.upper() if ch.isalpha() and ch.isascii())
    if not s:
        return "Z000"
    first, out, last = s[0], [], codes.get(s[0], "")
    for ch in s[1:]:
        d = codes.get(ch, "")
        if d and d != last:
            out.append(d)
        if ch not in "HW":
            last = d
    return (first + "".join(out) + "000")[:4]


def surname_soundex(rng, rows):
    pool = pools.SURNAMES + pools.WORD_SURNAMES + pools.POLISH_SURNAMES
    return _each(rng, rows, lambda r: soundex(r.choice(pool)))


def address_placeholder(rng, rows):
    opts = [
        "NFA",
        "see Mosaic",
        "as per referral",
        "Withheld – refuge",
        "c/o Social Services",
        "Address confidential (DA)",
        "TBC",
        "sofa surfing",
        "unknown",
        "Same as mother",
        "Temp accommodation – see housing",
        "abroad",
        "Travelling",
        "In custody (HMP)",
        "Placed out of area – see LAC record",
    ]
    return _each(rng, rows, lambda r: v.messy(r, r.choice(opts), p_case=0.2))


def ref_nhs(rng, rows):
    return _each(rng, rows, lambda r: v.nhs_number(r))


def info_email(rng, rows):
    return _each(rng, rows, lambda r: v.messy(r, v.email(r), p_case=0.1), p_blank=0.1)


def value_name(rng, rows):
    def one(r):
        f, s = v.full_name(r)
        return v.messy(r, f"{f} {s}", p_case=0.15)

    return _each(rng, rows, one)


def detail_2_phone(rng, rows):
    return _each(rng, rows, lambda r: v.phone_text(r), p_blank=0.1)


def location_address(rng, rows):
    return _each(rng, rows, lambda r: v.address(r))


def code_ni(rng, rows):
    return _each(rng, rows, lambda r: v.ni_number(r))


def misc_dob(rng, rows):
    def one(r):
        d = v.child_dob(r) if r.random() < 0.7 else v.adult_dob(r)
        return v.fmt_date(d, 0)

    return _each(rng, rows, one)
