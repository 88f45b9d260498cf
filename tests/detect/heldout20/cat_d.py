"""Category d: misleading headers."""

import datetime as _dt

from . import pools as pl
from . import values as vl


def _fill(rng, rows, make, blank=0.05):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def notes(rng, rows):
    base = [
        "Referred from {board} to {hosp}.",
        "Transferred to {hosp} ({board}) for specialist review.",
        "Discussed at {board} bed meeting, plan agreed.",
        "Letter copied to Marie Curie nursing service, {place}.",
        "Macmillan benefits adviser at {place} contacted.",
        "Bwrdd Iechyd Prifysgol Betsi Cadwaladr - cyfeiriad wedi'i dderbyn.",
        "Aneurin Bevan UHB community team to follow up.",
        "Patient moved from Ysbyty Gwynedd to Alder Hey.",
        "Sue Ryder Leckhampton Court hospice declined - out of area.",
        "Sailing from {place} to Heysham booked.",
        "Seen at the Walton Centre, report to Noble's Hospital.",
        "St John Ambulance Guernsey transported to the PEH.",
        "Leonard Cheshire respite in {place}.",
    ]

    def make(r):
        place = r.choice(pl.WELSH_PLACES + pl.SCOTS_PLACES + pl.MANX_PLACES + pl.JERSEY_PARISHES)
        t = r.choice(base).format(
            board=r.choice(pl.HEALTH_BOARDS), hosp=r.choice(pl.HOSPITALS), place=place
        )
        if r.random() < 0.25:
            t += " " + r.choice(base).format(
                board=r.choice(pl.HEALTH_BOARDS), hosp=r.choice(pl.HOSPITALS), place=place
            )
        return t

    return _fill(rng, rows, make, 0.1)


def nhs_number_wales(rng, rows):
    return _fill(rng, rows, lambda r: vl.invalid_ten(r, r.choice(["4", "6", "7"])))


def patient_name(rng, rows):
    def make(r):
        return r.choice(
            [
                f"PATIENT {r.choice('ABCDEFGHJKLMN')}",
                "[redacted]",
                "[name removed]",
                f"Patient {r.randint(1, 999):04d}",
                "XXXXX XXXXX",
                "REDACTED",
                "Anonymous",
                f"Claf {r.randint(1, 400)}",
                "*** ***",
                "Unknown Male",
                "Unknown Female",
                f"Test Patient {r.randint(1, 9)}",
                "DO NOT USE",
                "Baby of (unnamed)",
            ]
        )

    return _fill(rng, rows, make)


def dob_booking(rng, rows):
    def make(r):
        d = _dt.date(2024, 1, 1) + _dt.timedelta(days=r.randint(0, 1000))
        return r.choice(
            [
                d.strftime("%d/%m/%Y"),
                d.isoformat(),
                d.strftime("%d/%m/%Y %H:%M").replace(
                    "00:00", f"{r.randint(8, 17):02d}:{r.choice(['00', '30'])}"
                ),
            ]
        )

    return _fill(rng, rows, make)


def postcode_district(rng, rows):
    return _fill(
        rng,
        rows,
        lambda r: r.choice(vl.ALL_OUT) if r.random() < 0.8 else r.choice(vl.ALL_OUT).lower(),
    )


TEAM_BOXES = [
    "wpas.helpdesk",
    "referrals.bcu",
    "cross.border.transfers",
    "ovm.team",
    "off.island.travel",
    "s1.enquiries",
    "patient.transport",
    "bed.bureau",
    "repatriation.desk",
    "ward7a",
    "hcs.records",
    "ospadal.admin",
    "triniaeth",
    "cyfeiriadau",
    "manxcare.pals",
]


def email_team(rng, rows):
    return _fill(rng, rows, lambda r: f"{r.choice(TEAM_BOXES)}@{r.choice(vl.EMAIL_DOMAINS)}")


def mobile_devices(rng, rows):
    def make(r):
        c = r.random()
        if c < 0.6:
            return vl.luhn_complete("35" + "".join(r.choice(vl.DIGITS) for _ in range(12)))
        if c < 0.85:
            return f"MOB-{r.randint(1, 9999):05d}"
        return f"iPhone SE ({r.choice(['ward 7A', 'CNS team', 'bed bureau', 'escort kit'])})"

    return _fill(rng, rows, make)


SITES = [
    "Ysbyty Gwynedd, Penrhosgarnedd, Bangor LL57 2PW",
    "Western Isles Hospital, MacAulay Road, Stornoway HS1 2AF",
    "Noble's Hospital, Strang Road, Braddan IM4 4RJ",
    "Jersey General Hospital, Gloucester Street, St Helier JE1 3QS",
    "Princess Elizabeth Hospital, Le Vauquiedor, St Martin GY4 6UU",
    "Ysbyty Glan Clwyd, Bodelwyddan LL18 5UJ",
    "Raigmore Hospital, Old Perth Road, Inverness IV2 3UJ",
    "Southampton General Hospital, Tremona Road, Southampton SO16 6YD",
    "Ramsey Cottage Hospital, Bowring Road, Ramsey IM8 2RA",
    "Mignot Memorial Hospital, Crabby, Alderney GY9 3XY",
    "Ysbyty Bronglais, Caradog Road, Aberystwyth SY23 1ER",
    "Balfour Hospital, Foreland Road, Kirkwall KW15 1NZ",
]


def address_sites(rng, rows):
    return _fill(
        rng, rows, lambda r: r.choice(SITES) if r.random() < 0.8 else r.choice(SITES).upper()
    )


SERVICES = [
    "Clinig Llygaid",
    "Tîm Iechyd Meddwl Cymunedol",
    "Clinig Diabetes",
    "Uned Mân Anafiadau",
    "Gwasanaeth Therapi Galwedigaethol",
    "Clinig Poen",
    "Ward Dewi",
    "Ward Alaw",
    "Ward Tegid",
    "Canolfan Iechyd Bro Ffestiniog",
    "Tîm Adnoddau Cymunedol",
    "Clinig Menywod",
    "Ward Enlli",
]


def enw_services(rng, rows):
    return _fill(rng, rows, lambda r: r.choice(SERVICES))


def ref_nhs(rng, rows):
    def make(r):
        n = vl.nhs_number(r)
        return f"{n[:3]} {n[3:6]} {n[6:]}"

    return _fill(rng, rows, make)


def info_email(rng, rows):
    return _fill(rng, rows, vl.email, 0.2)


def value_address(rng, rows):
    return _fill(rng, rows, lambda r: vl.address(r, r.choice(["je", "gy", "im"])))


def description_names(rng, rows):
    return _fill(rng, rows, lambda r: f"{vl.surname(r)}, {vl.forename(r)}")


def extra_ni(rng, rows):
    return _fill(rng, rows, vl.ni_number, 0.3)
