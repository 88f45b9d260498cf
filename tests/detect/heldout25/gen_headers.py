"""Categories d (misleading headers) and e (headerless or coded headers)."""

from __future__ import annotations

import random

from . import pools
from . import values as v


def _rows(r: random.Random, rows: int, make, blank: float = 0.04) -> list[str | None]:
    return [None if r.random() < blank else make(r) for _ in range(rows)]


def _col(make, blank: float):
    def gen(r: random.Random, rows: int) -> list[str | None]:
        return _rows(r, rows, make, blank)

    return gen


# ---- category d: notes with proper nouns, no people -------------------------


def _ops(r: random.Random) -> str:
    t = f"{r.randrange(24):02d}{r.randrange(60):02d}"
    return r.choice(
        [
            f"{t} {r.choice(pools.RIVERS)} at {r.choice(pools.TOWNS)} "
            f"peaked {r.uniform(2, 7):.2f}m.",
            f"{t} {r.choice(pools.AGENCIES)} confirm road closure at "
            f"{r.choice(pools.ROADS)}, {r.choice(pools.TOWNS)}.",
            f"{t} Rest centre opened at {r.choice(pools.VENUES)}.",
            f"{t} {r.choice(pools.AGENCIES)} on scene. Liaison with {r.choice(pools.AGENCIES)}.",
            f"{t} Severe Flood Warning issued for {r.choice(pools.TOWNS)}.",
            f"{t} Storm {r.choice(pools.STORMS)}: trees down on "
            f"A{r.randrange(1, 999)} near {r.choice(pools.TOWNS)}.",
            f"{t} {r.choice(pools.CALLSIGNS)} handed over to {r.choice(pools.CALLSIGNS)}.",
            f"{t} Sandbag station at {r.choice(pools.VENUES)} restocked.",
        ]
    )


def _lrf(r: random.Random) -> str:
    return r.choice(
        [
            f"ACTION: {r.choice(pools.AGENCIES)} to liaise with {r.choice(pools.AGENCIES)} "
            f"re {r.choice(pools.TOWNS)} evacuation.",
            f"{r.choice(pools.AGENCIES)} to confirm capacity at {r.choice(pools.VENUES)}.",
            f"Recovery Coordinating Group chaired by {r.choice(pools.AGENCIES)}; "
            "next meeting Tuesday.",
            f"Mutual aid request from {r.choice(pools.AGENCIES)} - approved.",
            f"Comms: joint release with {r.choice(pools.AGENCIES)} and {r.choice(pools.AGENCIES)}.",
            f"Closed. {r.choice(pools.AGENCIES)} completed door knocking in "
            f"{r.choice(pools.TOWNS)}.",
        ]
    )


SHOPS = [
    "Tesco Extra",
    "Morrisons",
    "Asda",
    "Co-op",
    "Aldi",
    "Lidl",
    "Sainsbury's",
    "Greggs",
    "Boots",
    "Iceland",
    "B&M",
    "Home Bargains",
    "Marks & Spencer",
    "John Lewis",
    "Screwfix",
]
DONATED = ["blankets", "meals", "toiletry packs", "nappies", "bottles of water"]
CHURCHES = [
    "St Mary's",
    "St Peter's",
    "Gurdwara Sahib",
    "Central Mosque",
    "Bethel Chapel",
    "Ukrainian Catholic Church",
    "Quakers",
    "Methodist Church",
    "Salvation Army citadel",
]


def _donation(r: random.Random) -> str:
    return r.choice(
        [
            f"{r.choice(SHOPS)} donated {r.randrange(5, 200)} {r.choice(DONATED)}.",
            f"Van from {r.choice(pools.AGENCIES)} with {r.choice(pools.PRODUCTS)}.",
            f"{r.choice(CHURCHES)} dropped off clothes at {r.choice(pools.VENUES)}.",
            f"{r.choice(SHOPS)} voucher x{r.randrange(2, 50)} via {r.choice(pools.AGENCIES)}.",
            f"Collected from {r.choice(CHURCHES)}, {r.choice(pools.TOWNS)}.",
        ]
    )


REGIONS = [
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
]


def _heat_alert(r: random.Random) -> str:
    return r.choice(
        [
            f"UKHSA {r.choice(['Yellow', 'Amber', 'Red'])} Heat-Health Alert for "
            f"{r.choice(REGIONS)} until 0900 {r.choice(['Monday', 'Friday', 'Sunday'])}.",
            f"Met Office forecasts {r.randrange(27, 40)}C in {r.choice(REGIONS)}; "
            f"{r.choice(pools.AGENCIES)} cascading.",
            f"Cold-Health Alert {r.choice(['Yellow', 'Amber'])}: "
            f"{r.choice(REGIONS)} and {r.choice(REGIONS)}.",
            f"Alert stepped down for {r.choice(REGIONS)}. Next update from Met Office Exeter.",
        ]
    )


CROSSINGS = ["Dover", "Calais", "Dunkirk", "Folkestone", "Hull", "Zeebrugge", "Rotterdam"]
WAYPOINTS = [
    "Berlin",
    "Poznań",
    "Rzeszów",
    "Przemyśl",
    "Medyka",
    "Lublin",
    "Kraków",
    "Lviv",
    "Warsaw",
    "Dresden",
    "Brussels",
    "Hannover",
    "Korczowa",
    "Uzhhorod",
]


def _convoy(r: random.Random) -> str:
    stops = r.sample(WAYPOINTS, r.randrange(2, 5))
    return r.choice(
        [
            f"{r.choice(CROSSINGS)} - {r.choice(CROSSINGS)} - " + " - ".join(stops),
            f"Via {r.choice(CROSSINGS)}, overnight {stops[0]}, handover at {stops[-1]}.",
            f"Route: M20 to {r.choice(CROSSINGS)}, E40 then " + ", ".join(stops),
            f"{stops[0]} warehouse to {stops[-1]} (St Nicholas parish hall).",
        ]
    )


def _po_fix(r: random.Random) -> str:
    """Purchase order numbers; bare ten-digit ones always fail modulus 11."""
    roll = r.random()
    if roll < 0.25:
        return f"PO-{r.choice([2023, 2024])}-{r.randrange(10**6):06d}"
    while True:
        s = "45" + "".join(str(r.randrange(10)) for _ in range(8))
        if not v.mod11_valid(s):
            return s


ROOMS = [
    "Main Hall",
    "Sports Hall",
    "Room 2",
    "Quiet Room",
    "Family Area",
    "Lounge B",
    "Dining Room",
    "Cot Area",
    "Sensory Room",
]


def _building(r: random.Random) -> str:
    return r.choice(
        [
            r.choice(pools.VENUES),
            f"{r.choice(pools.VENUES)} - {r.choice(ROOMS)}",
            f"{r.choice(ROOMS)}, {r.choice(pools.VENUES)}",
            r.choice(pools.VENUES).upper(),
        ]
    )


def _booking_date(r: random.Random) -> str:
    d = v.event_date(r)
    return r.choice(
        [
            d.strftime("%d/%m/%Y"),
            d.isoformat(),
            d.strftime("%d-%b-%y"),
            d.strftime("%d/%m/%Y 00:00"),
        ]
    )


def _warning_area(r: random.Random) -> str:
    code = (
        f"{r.choice(pools.FLOOD_AREAS_PREFIX)}{r.choice(['FWF', 'WAF', 'FWT', 'WAC'])}"
        f"{r.randrange(1, 99):02d}{r.choice(pools.FLOOD_AREAS_SUFFIX)}"
    )
    return r.choice([code, code, code.upper()])


MAILBOXES = [
    "LRF-Duty-Officer",
    "casbureau.mailbox",
    "restcentre_ops",
    "EPRR on-call",
    "Recovery Cell",
    "HfU team inbox",
    "Resettlement shared mailbox",
    "SCG secretariat",
]


def _email_status(r: random.Random) -> str:
    d = v.event_date(r)
    return r.choice(
        [
            f"Y - sent {d.strftime('%d/%m')}",
            "N",
            "bounced",
            f"sent to {r.choice(MAILBOXES)}",
            r.choice(MAILBOXES),
            "no email",
            "Y",
            "declined",
            f"cc {r.choice(MAILBOXES)}",
        ]
    )


def _surname_first(r: random.Random) -> str:
    f, s = v.person(r)
    return r.choice([f"{s}, {f}", f"{s.upper()}, {f}", f"{s} {f}"])


ops_notes = _col(_ops, 0.05)
lrf_actions = _col(_lrf, 0.08)
donations_log = _col(_donation, 0.1)
heat_health_alert_text = _col(_heat_alert, 0.05)
convoy_route_description = _col(_convoy, 0.1)
nhs_ref = _col(_po_fix, 0.02)
patient_name = _col(_building, 0.03)
dob_booking = _col(_booking_date, 0.03)
postcode_warning = _col(_warning_area, 0.05)
email_status = _col(_email_status, 0.1)
ref_nhs = _col(lambda q: v.spaced_334(v.nhs(q)), 0.03)
contact_phone = _col(v.phone, 0.06)
details_name = _col(_surname_first, 0.03)
info_email = _col(lambda q: v.email(q), 0.08)


# ---- category e: coded headers ---------------------------------------------


def _fixed(r: random.Random, text: str, width: int) -> str:
    return text.ljust(width) if r.random() < 0.5 else text


def _dob_text(r: random.Random) -> str:
    d = v.dob(r, 0, 100)
    return r.choice([d.strftime("%Y%m%d"), d.strftime("%d/%m/%Y"), d.isoformat()])


def _hexhash(r: random.Random) -> str:
    return "".join(r.choice("0123456789abcdef") for _ in range(r.choice([16, 32, 40])))


def _latlon(r: random.Random) -> str:
    lat = r.uniform(50.1, 58.6)
    lon = r.uniform(-5.5, 1.6)
    return r.choice([f"{lat:.4f},{lon:.4f}", f"{lat:.5f}, {lon:.5f}", f"({lat:.3f}, {lon:.3f})"])


field_23 = _col(lambda q: _fixed(q, v.ni(q), 12), 0.05)
col_17 = _col(lambda q: _fixed(q, v.postcode(q), 10), 0.04)
unnamed_4 = _col(v.full_name, 0.03)
rc_reg_f07 = _col(_dob_text, 0.04)
column1 = _col(lambda q: v.email(q), 0.1)
x12 = _col(lambda q: v.phone(q).replace(" ", ""), 0.05)
attr_0045 = _col(lambda q: v.vehicle_reg(q).replace(" ", ""), 0.1)
rd_exp_c009 = _col(lambda q: v.passport(q), 0.06)
v3 = _col(lambda q: v.surname(q).upper(), 0.03)
unnamed_11 = _col(lambda q: _fixed(q, v.uprn(q), 12), 0.03)
fld_cb_082 = _col(lambda q: q.choice(pools.TRIAGE), 0.05)
unnamed_19 = _col(_hexhash, 0.02)
col_44 = _col(lambda q: q.choice(pools.ODS_CODES), 0.03)
f_0091 = _col(_latlon, 0.03)
