"""The sixth blind held-out detection corpus: columns and their labels.

Written from TRAPS.md alone, without reading the detector, its tests or any earlier corpus.
Each column draws from its own `random.Random(f"heldout6:{seed}:{name}")`, so a column's values
never depend on another column. Values are strings as a CSV reader would give them, or None for
an empty cell.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Callable
from typing import NamedTuple

from tests.detect.heldout6 import pools
from tests.detect.heldout6 import values as v

Cell = str | None
Gen = Callable[[random.Random], Cell]


class Column(NamedTuple):
    """One trap column: its header, label and a per-row value generator."""

    name: str
    kind: str | None
    category: str
    gen: Gen
    free_text: bool = False


def _sometimes(r: random.Random, p: float, make: Callable[[], str]) -> Cell:
    """`make()` with probability p, else None (a blank cell)."""
    return make() if r.random() < p else None


def _title(r: random.Random) -> str:
    return r.choice(pools.TITLES)


# ---------------------------------------------------------------- a) minority free text


def _narrative(
    r: random.Random, p: float, base: tuple[str, ...], sentence: Callable[[], str]
) -> str:
    text = r.choice(base).format(
        place=r.choice(pools.PLACES),
        team=r.choice(pools.TEAMS),
        n=r.randint(2, 14),
        t=f"{r.randint(8, 18):02d}:{r.choice(('00', '15', '30', '45'))}",
        town=r.choice(pools.TOWNS).title(),
    )
    if r.random() < p:
        return f"{text} {sentence()}" if r.random() < 0.6 else f"{sentence()} {text}"
    return text


SW_BASE = (
    "Visited at {t}. Client in good spirits, kitchen tidy, fridge stocked.",
    "No answer at door at {t}; left calling card and rang {team}.",
    "Client reports falls x{n} this month. Referred to {team}.",
    "Discussed care package; daughter present. Review in {n} weeks.",
    "Home cold, heating off. Emergency grant form completed.",
    "Medication blister pack checked, {n} doses missed.",
)
ED_BASE = (
    "Pt in majors bay {n}, awaiting bed on {place}.",
    "Obs stable. For CT head, porter booked {t}.",
    "Brought in by ambulance from {town}, fall at home.",
    "Waiting for {team} review. Analgesia given {t}.",
    "Left without being seen at {t}.",
    "Breach risk, escalated to site manager.",
)
REPAIRS_BASE = (
    "Leak under kitchen sink, plumber booked for {t}.",
    "Damp and mould in back bedroom, surveyor visit within {n} days.",
    "Boiler no heat, engineer attended, part ordered.",
    "Communal door entry faulty, {n} flats affected.",
    "Tenant reports broken window latch. Priority 3.",
    "No access at {t}, card left.",
)
SCHOOL_NURSE_BASE = (
    "Year {n} height and weight completed.",
    "Drop-in session: low mood, signposted to {team}.",
    "Immunisation catch-up given at {t}.",
    "Enuresis advice given; review in {n} weeks.",
    "Asthma plan updated, inhaler in school office.",
)
BENEFIT_BASE = (
    "Claim suspended pending evidence of rent, {n} days to respond.",
    "Change of circumstances: moved to {town}.",
    "Discretionary housing payment awarded for {n} weeks.",
    "Council tax reduction recalculated after UC award.",
    "Overpayment identified, recovery at {n} GBP per week.",
)
GP_BASE = (
    "c/o cough {n}/7, chest clear, safety-netted.",
    "BP review, home readings satisfactory. Continue ramipril.",
    "Letter from {place} reviewed; plan to repeat bloods in {n} weeks.",
    "Med review done, {n} items on repeat.",
    "Seen with interpreter; referred to {team}.",
)
SCI_BASE = (
    "Dear colleague, I would be grateful if you could see this patient at {place}.",
    "Progressive breathlessness over {n} months, please assess.",
    "Known to {team}. Urgent suspected cancer referral.",
    "Thank you for seeing this lady from {town}.",
    "Referral via SCI Gateway, routine priority.",
)
ASB_BASE = (
    "Noise complaint from neighbours after {t}.",
    "Group of youths gathering by garages, {n} reports this week.",
    "Fly-tipping at rear lane, photos taken.",
    "Verbal abuse reported to warden at {t}.",
    "Car parked on verge for {n} days, tyres flat.",
)
NRPF_BASE = (
    "Family of {n} in temporary accommodation in {town}.",
    "Subsistence paid weekly, reviewed by {team}.",
    "Awaiting Home Office decision; solicitor instructed.",
    "Children attending school, no concerns raised.",
    "Section 17 support agreed for {n} weeks.",
)
BLUE_BADGE_BASE = (
    "Walked {n} metres with frame, breathless.",
    "Mobility assessment completed at {t}.",
    "Eligible under non-visible condition criteria.",
    "Renewal, no change in condition since last award.",
    "Photo and proof of address provided.",
)
ENV_HEALTH_BASE = (
    "Category 1 hazard: excess cold. Notice served.",
    "Pest control treatment {n} of 3 completed.",
    "Accumulation of waste in rear yard, letter sent.",
    "Noise monitoring equipment installed for {n} nights.",
    "HMO licence inspection, fire doors inadequate.",
)
MEALS_BASE = (
    "Ring bell twice, client slow to door.",
    "Leave with neighbour if no answer by {t}.",
    "Diabetic meal, no pudding.",
    "Key safe code with office, do not write down.",
    "Client likes hot meal before {t}.",
    "Soft diet, cut food small.",
)
DISCHARGE_BASE = (
    "Waiting for TTOs from pharmacy, ready {t}.",
    "Transport booked for {t}, stretcher.",
    "Family collecting; dressing supplies given for {n} days.",
    "District nurse referral sent.",
    "Awaiting {team} sign-off before leaving.",
)
INTERPRETER_BASE = (
    "{lang} interpreter needed, face to face, {t}.",
    "Prefers female {lang} interpreter; from {country}.",
    "{lang} (dialect from {country}) via telephone line, {n} minutes.",
    "Family member NOT to interpret. Book {lang}.",
    "{lang} booked for clinic at {t}, cancelled, rebooked for {n} days' time.",
)
CLINIC_BOILER_BASE = (
    "Continue {drug}, review in {n} weeks at {place}.",
    "Seen in clinic at {t}. Plan: bloods, ECG, {n}-week follow up.",
    "Discharged to GP care in {town}. Stop {drug} after {n} days.",
    "Copy to {team}. Please increase {drug} from {n} to {m} units.",
    "Appointment made for {t} at {place}, {town}.",
)


def _interpreter(r: random.Random) -> str:
    return r.choice(INTERPRETER_BASE).format(
        lang=r.choice(pools.LANGUAGES),
        country=r.choice(pools.COUNTRIES),
        t=f"{r.randint(8, 17):02d}:{r.choice(('00', '30'))}",
        n=r.randint(10, 90),
    )


def _boilerplate(r: random.Random) -> str:
    return r.choice(CLINIC_BOILER_BASE).format(
        drug=r.choice(pools.DRUGS),
        n=r.randint(2, 12),
        m=r.randint(13, 40),
        t=f"{r.randint(8, 17):02d}:{r.choice(('00', '20', '40'))}",
        place=r.choice(pools.PLACES),
        town=r.choice(pools.TOWNS).title(),
        team=r.choice(pools.TEAMS),
    )


def _minority(base: tuple[str, ...], p: float, sentence: Callable[[random.Random], str]) -> Gen:
    def gen(r: random.Random) -> Cell:
        if r.random() < 0.04:
            return None
        return _narrative(r, p, base, lambda: sentence(r))

    return gen


def _nhs_sentence(r: random.Random) -> str:
    return r.choice(("NHS no {x}.", "(NHS {x})", "NHS number confirmed as {x}.")).format(
        x=r.choice((v.nhs_number(r), " ".join(_nhs_groups(v.nhs_number(r)))))
    )


def _nhs_groups(ten: str) -> tuple[str, str, str]:
    return ten[:3], ten[3:6], ten[6:]


def _phone_sentence(r: random.Random) -> str:
    d = v.phone_digits(r)
    shown = r.choice((d, v.phone_pretty(d)))
    return r.choice(("NOK {who} on {x}.", "Contact {who} - {x}", "{who} mob {x}")).format(
        who=r.choice(pools.RELATIONSHIPS), x=shown
    )


def _email_sentence(r: random.Random) -> str:
    return r.choice(("Tenant wants updates by email: {x}", "email {x} re appointment.")).format(
        x=v.email(r)
    )


def _parent_sentence(r: random.Random) -> str:
    who = r.choice(("Mum", "Dad", "Stepmum", "Gran"))
    return f"{who}, {v.full_name(r)}, attended."


def _ni_sentence(r: random.Random) -> str:
    ni = v.ni_number(r)
    shown = r.choice((ni, f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"))
    return r.choice(("NINO {x} verified.", "NI no. {x} on file.", "Claimant NI {x}.")).format(
        x=shown
    )


def _hosp_sentence(r: random.Random) -> str:
    return r.choice(("Hosp no {x}.", "(clinic letter ref {x})", "MRN {x} at {p}.")).format(
        x=v.hospital_number(r), p=r.choice(pools.PLACES)
    )


def _chi_sentence(r: random.Random) -> str:
    return r.choice(("CHI {x}", "CHI no: {x}.", "Patient CHI {x} - please check.")).format(
        x=v.chi_number(r)
    )


def _vrm_sentence(r: random.Random) -> str:
    style = r.choice(("current", "current", "prefix", "suffix"))
    return r.choice(("Vehicle {x} seen.", "Reg {x} noted by warden.", "car reg {x}")).format(
        x=v.vehicle_registration(r, style)
    )


def _passport_sentence(r: random.Random) -> str:
    return r.choice(
        ("Passport {x} seen.", "Passport no. {x} (expired).", "ID: passport {x}")
    ).format(x=v.passport_number(r))


def _licence_sentence(r: random.Random) -> str:
    return r.choice(("Photo ID: driving licence {x}.", "DL no {x}", "Licence {x} checked.")).format(
        x=v.driving_licence(r)
    )


def _uprn_sentence(r: random.Random) -> str:
    return r.choice(("UPRN {x}.", "(UPRN: {x})", "Property UPRN {x} on Uniform.")).format(
        x=v.uprn(r)
    )


def _address_sentence(r: random.Random) -> str:
    return r.choice(("Deliver to {x}.", "NEW ADDRESS: {x}", "Now at {x} from Monday.")).format(
        x=v.address(r)
    )


def _dob_sentence(r: random.Random) -> str:
    born = v.date_of_birth(r)
    return r.choice(("DOB {x}.", "(born {x})", "d.o.b. {x} confirmed with patient.")).format(
        x=born.strftime(r.choice(("%d/%m/%Y", "%d.%m.%Y", "%d %B %Y")))
    )


# ---------------------------------------------------------------- b) spreadsheet damage


def _nhs_xl(r: random.Random) -> Cell:
    return _sometimes(r, 0.9, lambda: v.nhs_number(r) + ".0")


def _nhs_sci(r: random.Random) -> Cell:
    def make() -> str:
        ten = v.nhs_number(r)
        return v.sci(ten, r.choice((3, 3, 3, 6))) if r.random() < 0.8 else ten

    return _sometimes(r, 0.93, make)


def _chi_lost_zero(r: random.Random) -> Cell:
    return _sometimes(r, 0.9, lambda: v.chi_number(r).lstrip("0"))


def _tel_numeric(r: random.Random) -> Cell:
    def make() -> str:
        digits = v.phone_digits(r)[1:]
        return v.sci(digits, 5) if r.random() < 0.25 else digits

    return _sometimes(r, 0.8, make)


def _uprn_float(r: random.Random) -> Cell:
    return _sometimes(r, 0.95, lambda: v.uprn(r) + ".0")


def _mrn_commas(r: random.Random) -> Cell:
    return _sometimes(r, 0.97, lambda: v.thousands(str(r.randint(1_000_000, 9_999_999))))


def _nhs_thousands(r: random.Random) -> Cell:
    return _sometimes(r, 0.9, lambda: v.thousands(v.nhs_number(r)))


def _dob_serial(r: random.Random) -> Cell:
    return _sometimes(r, 0.97, lambda: v.excel_serial(v.date_of_birth(r)))


def _lab_sample(r: random.Random) -> Cell:
    return v.ten_digits_failing(r, r.choice(("24", "25", "61")))


def _hb_claim(r: random.Random) -> Cell:
    return _sometimes(r, 0.95, lambda: v.ten_digits_failing(r, "50") + ".0")


def _invoice(r: random.Random) -> Cell:
    return f"{r.randint(5, 250_000) + r.randint(0, 99) / 100:,.2f}"


def _hba1c(r: random.Random) -> Cell:
    return _sometimes(
        r, 0.7, lambda: r.choice((f"{r.randint(28, 120)}.0", str(r.randint(28, 120))))
    )


def _egfr(r: random.Random) -> Cell:
    return _sometimes(r, 0.8, lambda: r.choice((">90", "<15", str(r.randint(15, 90)))))


def _bed_days(r: random.Random) -> Cell:
    n = int(r.expovariate(1 / 40)) if r.random() < 0.97 else r.randint(1000, 1300)
    return f"{n:,}"


def _fp10_barcode(r: random.Random) -> Cell:
    return v.sci(str(r.randint(100_000_000_000, 999_999_999_999)), 6)


# ---------------------------------------------------------------- c) annotated names


def _nok_name(r: random.Random) -> Cell:
    return _sometimes(r, 0.3, lambda: f"{v.full_name(r)} ({r.choice(pools.RELATIONSHIPS)})")


def _carer_names(r: random.Random) -> Cell:
    def make() -> str:
        shape = r.randrange(3)
        if shape == 0:
            return f"{_title(r)} {v.forename(r)[0]}. {v.surname(r)}"
        if shape == 1:
            return f"{_title(r)} {v.full_name(r)}"
        return f"{v.full_name(r)} & {v.full_name(r)}"

    return _sometimes(r, 0.4, make)


def _household_2(r: random.Random) -> Cell:
    return _sometimes(r, 0.2, lambda: v.full_name(r) + (" (deceased)" if r.random() < 0.3 else ""))


def _known_as(r: random.Random) -> Cell:
    nick = ("Bobby", "Dee", "Bunny", "Taz", "Mo", "Jojo", "Sunny", "Kiki", "Nana", "Biggie")
    return _sometimes(
        r, 0.25, lambda: r.choice((f'"{r.choice(nick)}"', f'"{v.forename(r)}"', v.forename(r)))
    )


def _maiden(r: random.Random) -> Cell:
    return _sometimes(r, 0.15, lambda: r.choice(("née ", "nee ", "")) + v.surname(r))


def _emergency(r: random.Random) -> Cell:
    rel = r.choice(pools.RELATIONSHIPS).capitalize()
    return _sometimes(r, 0.45, lambda: f"{rel} - {v.full_name(r)}")


def _previous_surname(r: random.Random) -> Cell:
    note = ("(prev. married name)", "(birth name)", "(changed by deed poll)", "")
    return _sometimes(r, 0.1, lambda: f"{v.surname(r)} {r.choice(note)}".strip())


def _alias(r: random.Random) -> Cell:
    return _sometimes(r, 0.12, lambda: f"AKA '{v.forename(r)[:3]}' {v.full_name(r)}")


def _appointee(r: random.Random) -> Cell:
    return _sometimes(r, 0.2, lambda: f"{_title(r)} {v.full_name(r)} (appointee)")


def _child_forename(r: random.Random) -> Cell:
    note = ("(twin 1)", "(twin 2)", "(LAC)", "(CP plan)", "", "", "")
    return _sometimes(r, 0.35, lambda: f"{v.forename(r)} {r.choice(note)}".strip())


def _lpa(r: random.Random) -> Cell:
    kind = ("LPA H&W", "LPA P&FA", "EPA", "deputy")
    return _sometimes(r, 0.15, lambda: f"Attorney: {v.full_name(r)} ({r.choice(kind)})")


def _parent_guardian(r: random.Random) -> Cell:
    def make() -> str:
        role = r.choice(("Father", "Mother", "SGO carer", "Foster carer", "Grandmother"))
        pr = r.choice(("(has PR)", "(no PR)", ""))
        return f"{role}: {_title(r)} {v.full_name(r)} {pr}".strip()

    return _sometimes(r, 0.45, make)


# ---------------------------------------------------------------- d) misleading headers

COMMENT_BASE = (
    "Transferred to {place}, reviewed by {team}.",
    "Discussed at {team} huddle; {org} involved.",
    "Moved from {town} to {town2} in March; {org} supporting.",
    "Awaiting {place} bed; {team} aware.",
    "Referred to {org}. Declined {team}.",
    "Attends {clinic} on Tuesdays.",
)


def _comments(r: random.Random) -> Cell:
    if r.random() < 0.1:
        return None
    return r.choice(COMMENT_BASE).format(
        place=r.choice(pools.PLACES),
        team=r.choice(pools.TEAMS),
        org=r.choice(pools.ORGANISATIONS),
        town=r.choice(pools.TOWNS).title(),
        town2=r.choice(pools.TOWNS).title(),
        clinic=r.choice(pools.CLINIC_NAMES),
    )


def _supplies(r: random.Random) -> Cell:
    return "".join(r.choice(string.ascii_uppercase) for _ in range(3)) + str(r.randint(100, 9999))


def _hosp_id(r: random.Random) -> Cell:
    return v.hospital_number(r)


# ---------------------------------------------------------------- e) coded headers


def _session_code(r: random.Random) -> Cell:
    return r.choice(("AM", "PM", "EVE")) + str(r.randint(1, 4))


def _lsoa(r: random.Random) -> Cell:
    return r.choice(("E01", "W01")) + f"{r.randint(0, 34_000):06d}"


def _appt_date(r: random.Random) -> Cell:
    day = dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, 600))
    return day.isoformat()


def _bp(r: random.Random) -> Cell:
    return _sometimes(r, 0.85, lambda: f"{r.randint(95, 190)}/{r.randint(50, 110)}")


# ---------------------------------------------------------------- f) mixed formats


def _nhs_mixed(r: random.Random) -> Cell:
    ten = v.nhs_number(r)
    sep = r.choice(("", " ", "-", " - "))
    return sep.join(_nhs_groups(ten)) if sep else ten


def _postcode_raw(r: random.Random) -> Cell:
    pc = v.postcode(r)
    shape = r.randrange(5)
    if shape == 0:
        return pc.lower()
    if shape == 1:
        return pc.replace(" ", "")
    if shape == 2:
        return pc.replace(" ", "  ")
    if shape == 3:
        return f" {pc.title()} "
    return pc


def _tel_mixed(r: random.Random) -> Cell:
    d = v.phone_digits(r)
    shape = r.randrange(6)
    if shape == 0:
        return f"+44 {v.phone_pretty(d)[1:]}"
    if shape == 1:
        return f"+44 (0){v.phone_pretty(d)[1:]}"
    if shape == 2:
        pretty = v.phone_pretty(d)
        head, _, rest = pretty.partition(" ")
        return f"({head}) {rest}"
    if shape == 3:
        return v.phone_pretty(d).replace(" ", ".")
    if shape == 4:
        return "0044" + d[1:]
    return d


def _chi_mixed(r: random.Random) -> Cell:
    chi = v.chi_number(r)
    return r.choice(
        (
            chi,
            f"{chi[:6]} {chi[6:]}",
            f"{chi[:6]}-{chi[6:]}",
            f"{chi[:2]} {chi[2:4]} {chi[4:6]} {chi[6:]}",
        )
    )


def _ni_mixed(r: random.Random) -> Cell:
    ni = v.ni_number(r)
    shape = r.randrange(4)
    if shape == 0:
        return f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}"
    if shape == 1:
        return ni.lower()
    if shape == 2:
        return ni[:8]
    return ni


def _email_mixed(r: random.Random) -> Cell:
    addr = v.email(r)
    shape = r.randrange(4)
    if shape == 0:
        return addr.upper() if r.random() < 0.5 else addr.title()
    if shape == 1:
        return f"mailto:{addr}"
    if shape == 2:
        return f"{v.full_name(r)} <{addr}>"
    return addr


def _vrm_mixed(r: random.Random) -> Cell:
    plate = v.vehicle_registration(r, r.choice(("current", "current", "prefix", "suffix")))
    shape = r.randrange(3)
    if shape == 0:
        return plate.replace(" ", "")
    if shape == 1:
        return plate.lower()
    return plate


def _dl_mixed(r: random.Random) -> Cell:
    dl = v.driving_licence(r)
    shape = r.randrange(3)
    if shape == 0:
        return f"{dl[:5]} {dl[5:11]} {dl[11:13]} {dl[13:]}"
    if shape == 1:
        return dl.lower()
    return dl


def _hosp_mixed(r: random.Random) -> Cell:
    digits = "".join(r.choice(string.digits) for _ in range(7))
    prefix = r.choice(("RXH", "rxh", "RXH-", "RXH ", "H", "h-", ""))
    return prefix + digits


def _uprn_mixed(r: random.Random) -> Cell:
    u = v.uprn(r)
    return r.choice((u.zfill(12), f"UPRN:{u}", f"UPRN {u}", u))


def _name_mixed(r: random.Random) -> Cell:
    first, last = v.forename(r), v.surname(r)
    return r.choice(
        (
            f"{last.upper()} {first}",
            f"{first} {last.upper()}",
            f"{last.lower()}, {first.lower()}",
            f"{first} {last}",
        )
    )


# ---------------------------------------------------------------- g) look-alikes


def _po_number(r: random.Random) -> Cell:
    return "PO-" + v.ten_digits_failing(r, "45")


def _batch(r: random.Random) -> Cell:
    return "".join(r.choice(string.ascii_uppercase) for _ in range(2)) + str(r.randint(1000, 9999))


VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
VERHOEFF_INV = (0, 4, 3, 2, 1, 5, 6, 7, 8, 9)


def _verhoeff_digit(body: str) -> str:
    c = 0
    for i, d in enumerate(reversed(body)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(d)]]
    return str(VERHOEFF_INV[c])


def _snomed(r: random.Random) -> Cell:
    while True:
        item = str(r.randint(1, 9)) + "".join(
            r.choice(string.digits) for _ in range(r.choice((3, 4, 5, 6, 6, 7, 9)))
        )
        body = item + r.choice(("00", "10"))
        sctid = body + _verhoeff_digit(body)
        if not v.mod11_valid(sctid):
            return sctid


def _ods(r: random.Random) -> Cell:
    shape = r.randrange(3)
    if shape == 0:
        return "R" + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(2))
    if shape == 1:
        return r.choice("ABCDEFGHJKLMNPY") + f"{r.randint(81000, 89999)}"
    return f"{r.randint(0, 9)}{r.choice(string.ascii_uppercase)}{r.randint(1, 9)}"


def _bed(r: random.Random) -> Cell:
    return f"W{r.randint(1, 40)}-B{r.randint(1, 30):02d}" + r.choice(("", "", "A", "SR"))


def _rota(r: random.Random) -> Cell:
    return f"{r.choice(('LD', 'E', 'N', 'L', 'SD'))}/{r.choice('NDEL')}/{r.randint(1, 28):02d}"


def _appt_time(r: random.Random) -> Cell:
    return f"{r.randint(8, 19):02d}:{r.choice(('00', '10', '15', '20', '30', '40', '45', '50'))}"


def _grid_ref(r: random.Random) -> Cell:
    square = r.choice(("SE", "ST", "NZ", "NS", "SS", "SJ", "NO", "TQ"))
    digits = r.choice((3, 4, 5))
    east, north = r.randint(0, 10**digits - 1), r.randint(0, 10**digits - 1)
    return f"{square} {east:0{digits}d} {north:0{digits}d}"


def _bnf(r: random.Random) -> Cell:
    chapter = f"{r.randint(1, 15):02d}{r.randint(1, 12):02d}{r.randint(0, 9)}{r.randint(0, 9)}0"
    chemical = r.choice(string.ascii_uppercase) + r.choice(string.digits + string.ascii_uppercase)
    rest = (
        "".join(r.choice(string.ascii_uppercase) for _ in range(2))
        + "AA"
        + "".join(r.choice("ABCDEFGHIJK") for _ in range(2))
    )
    return chapter + chemical + rest[:6]


def _urn(r: random.Random) -> Cell:
    return str(r.randint(100_000, 149_999))


# ---------------------------------------------------------------- h) hard names


def _enw_cyntaf(r: random.Random) -> Cell:
    special = ("Siân", "Zoë", "Łukasz", "Llŷr", "Siôn", "Gwenllïan", "Efa", "Tomós", "Dyddgu")
    return r.choice(special) if r.random() < 0.4 else v.forename(r)


def _cyfenw(r: random.Random) -> Cell:
    welsh = ("ap Rhys", "Llŷr", "ab Owain", "Prydderch", "Llwyd", "ap Siôn", "Gruffydd")
    return r.choice(welsh) if r.random() < 0.4 else v.surname(r)


def _ainm(r: random.Random) -> Cell:
    irish_first = ("Seán", "Máire", "Pádraig", "Órlaith", "Dónall", "Séamus", "Áine")
    irish_last = ("Ó Briain", "Ní Dhomhnaill", "Mac Giolla Phádraig", "Ó Súilleabháin", "de Búrca")
    if r.random() < 0.4:
        return f"{r.choice(irish_first)} {r.choice(irish_last)}"
    return v.full_name(r)


def _sloinneadh(r: random.Random) -> Cell:
    gaelic = ("MacDhòmhnaill", "NicLeòid", "Mac an tSaoir", "MacIlleMhoire", "Caimbeul")
    return r.choice(gaelic) if r.random() < 0.4 else v.surname(r)


def _sname_upper(r: random.Random) -> Cell:
    extra = ("O'NEILL", "SMITH-OKAFOR", "D'ARCY", "MCKENNA-BOATENG", "AL-AMIN", "N'DIAYE")
    return r.choice(extra) if r.random() < 0.3 else v.surname(r).upper()


def _client(r: random.Random) -> Cell:
    last = v.surname(r)
    return f"{last.upper()}, {v.forename(r)}" if r.random() < 0.8 else f"{last}, {v.forename(r)}"


def _given(r: random.Random) -> Cell:
    return r.choice(pools.WORD_FORENAMES) if r.random() < 0.6 else v.forename(r)


def _family(r: random.Random) -> Cell:
    return r.choice(pools.WORD_SURNAMES) if r.random() < 0.6 else v.surname(r)


def _resident(r: random.Random) -> Cell:
    return r.choice(pools.MONONYMS) if r.random() < 0.35 else v.full_name(r)


def _nom(r: random.Random) -> Cell:
    return f"{v.forename(r)} {r.choice(pools.PARTICLE_SURNAMES)}"


def _polish(r: random.Random) -> Cell:
    return f"{r.choice(pools.FORENAMES['polish'])} {r.choice(pools.SURNAMES['polish'])}"


def _double_barrel(r: random.Random) -> Cell:
    parts: list[str] = []
    while len(parts) < 2:
        name = v.surname(r)
        if " " not in name:
            parts.append(name)
    return "-".join(parts)


def _vietnamese(r: random.Random) -> Cell:
    middle = r.choice(("Thị", "Văn", "Đức", "Minh", "Ngọc", "Hữu"))
    first = r.choice(pools.FORENAMES["vietnamese"])
    return f"{r.choice(pools.SURNAMES['vietnamese'])} {middle} {first}"


# ---------------------------------------------------------------- s) staff


def _gp(r: random.Random) -> Cell:
    return f"Dr {v.forename(r)[0]}. {v.surname(r)}" if r.random() < 0.7 else f"Dr {v.full_name(r)}"


def _key_worker(r: random.Random) -> Cell:
    return _sometimes(r, 0.7, lambda: v.full_name(r))


def _referrer(r: random.Random) -> Cell:
    role = ("HV", "SW", "GP", "CPN", "DN", "school nurse", "OT", "PC 4471")
    return f"{v.full_name(r)}, {r.choice(role)}"


def _allocated_sw(r: random.Random) -> Cell:
    return _sometimes(
        r, 0.8, lambda: r.choice((v.full_name(r), f"{v.forename(r)[0]} {v.surname(r)}"))
    )


def _triage_nurse(r: random.Random) -> Cell:
    return v.full_name(r).upper()


def _authorised_by(r: random.Random) -> Cell:
    return r.choice(("pp. ", "", "Auth: ")) + f"{v.forename(r)[0]}. {v.surname(r)}"


def _choice(options: tuple[str, ...]) -> Gen:
    def gen(r: random.Random) -> Cell:
        return r.choice(options)

    return gen


def _plain(make: Callable[[random.Random], str], p: float = 1.0) -> Gen:
    def gen(r: random.Random) -> Cell:
        return _sometimes(r, p, lambda: make(r))

    return gen


def _dob_under(r: random.Random) -> Cell:
    return v.date_of_birth(r).strftime("%d/%m/%Y")


def _dob_any(r: random.Random) -> Cell:
    return v.dob_text(v.date_of_birth(r), r)


def _interp_gen(r: random.Random) -> Cell:
    return _interpreter(r) if r.random() < 0.9 else None


def _boiler_gen(r: random.Random) -> Cell:
    return _boilerplate(r)


def _ward_gen(r: random.Random) -> Cell:
    return r.choice(pools.WARD_NAMES)


COLUMNS: tuple[Column, ...] = (
    # a) minority free text
    Column("sw_visit_narrative", "nhs_number", "a", _minority(SW_BASE, 0.08, _nhs_sentence), True),
    Column("ed_board_comment", "phone", "a", _minority(ED_BASE, 0.10, _phone_sentence), True),
    Column("repairs_job_notes", "email", "a", _minority(REPAIRS_BASE, 0.06, _email_sentence), True),
    Column(
        "school_nurse_comments",
        "full_name",
        "a",
        _minority(SCHOOL_NURSE_BASE, 0.12, _parent_sentence),
        True,
    ),
    Column(
        "benefit_claim_memo", "ni_number", "a", _minority(BENEFIT_BASE, 0.07, _ni_sentence), True
    ),
    Column(
        "gp_consult_freetext",
        "hospital_number",
        "a",
        _minority(GP_BASE, 0.09, _hosp_sentence),
        True,
    ),
    Column(
        "sci_gateway_referral_text",
        "chi_number",
        "a",
        _minority(SCI_BASE, 0.10, _chi_sentence),
        True,
    ),
    Column(
        "asb_incident_log",
        "vehicle_registration",
        "a",
        _minority(ASB_BASE, 0.08, _vrm_sentence),
        True,
    ),
    Column(
        "nrpf_support_note",
        "passport_number",
        "a",
        _minority(NRPF_BASE, 0.05, _passport_sentence),
        True,
    ),
    Column(
        "blue_badge_assessor_notes",
        "driving_licence",
        "a",
        _minority(BLUE_BADGE_BASE, 0.09, _licence_sentence),
        True,
    ),
    Column(
        "environmental_health_note",
        "uprn",
        "a",
        _minority(ENV_HEALTH_BASE, 0.11, _uprn_sentence),
        True,
    ),
    Column(
        "meals_delivery_instructions",
        "address",
        "a",
        _minority(MEALS_BASE, 0.10, _address_sentence),
        True,
    ),
    Column(
        "discharge_lounge_note",
        "date_of_birth",
        "a",
        _minority(DISCHARGE_BASE, 0.07, _dob_sentence),
        True,
    ),
    Column("interpreter_request_notes", None, "a", _interp_gen, True),
    Column("clinic_letter_boilerplate", None, "a", _boiler_gen, True),
    # b) spreadsheet damage and numeric look-alikes
    Column("nhs_no_xl", "nhs_number", "b", _nhs_xl),
    Column("nhsnumber_sci", "nhs_number", "b", _nhs_sci),
    Column("chi_lost_zero", "chi_number", "b", _chi_lost_zero),
    Column("home_tel_numeric", "phone", "b", _tel_numeric),
    Column("uprn_float", "uprn", "b", _uprn_float),
    Column("mrn_commas", "hospital_number", "b", _mrn_commas),
    Column("nhs_no_formatted_number", "nhs_number", "b", _nhs_thousands),
    Column("dob_excel_serial", "date_of_birth", "b", _dob_serial),
    Column("lab_sample_id", None, "b", _lab_sample),
    Column("hb_claim_ref", None, "b", _hb_claim),
    Column("invoice_amount_gbp", None, "b", _invoice),
    Column("hba1c_result", None, "b", _hba1c),
    Column("egfr_result", None, "b", _egfr),
    Column("bed_days", None, "b", _bed_days),
    Column("fp10_barcode_sci", None, "b", _fp10_barcode),
    # c) annotated name columns, mostly blank
    Column("nok_name", "full_name", "c", _nok_name),
    Column("carer_names", "full_name", "c", _carer_names),
    Column("household_member_2", "full_name", "c", _household_2),
    Column("known_as", "forename", "c", _known_as),
    Column("maiden_surname", "surname", "c", _maiden),
    Column("emergency_contact_1", "full_name", "c", _emergency),
    Column("previous_surname", "surname", "c", _previous_surname),
    Column("alias_names", "full_name", "c", _alias),
    Column("dwp_appointee", "full_name", "c", _appointee),
    Column("child_forename", "forename", "c", _child_forename),
    Column("lpa_attorney", "full_name", "c", _lpa),
    Column("parent_guardian", "full_name", "c", _parent_guardian),
    # d) misleading headers
    Column("nhs_ref_supplies", None, "d", _supplies),
    Column("comments", None, "d", _comments, True),
    Column("ref", "ni_number", "d", _plain(v.ni_number, 0.9)),
    Column("info", "email", "d", _plain(v.email, 0.75)),
    Column("contact_name", None, "d", _choice(pools.ORGANISATIONS)),
    Column("name", None, "d", _choice(pools.DOCUMENT_TYPES)),
    Column("patient_name", None, "d", _choice(pools.PLACEHOLDERS)),
    Column("passport_flag", None, "d", _choice(("Y", "N", "Unknown", "N", "N"))),
    Column("other", "date_of_birth", "d", _dob_under),
    Column("value", "postcode", "d", _plain(v.postcode, 0.95)),
    Column("id", "hospital_number", "d", _hosp_id),
    Column("location", "address", "d", _plain(v.address, 0.92)),
    Column("description", "full_name", "d", _plain(v.full_name)),
    Column("tag", "vehicle_registration", "d", _plain(v.vehicle_registration, 0.85)),
    # e) coded or missing headers
    Column("field_23", "nhs_number", "e", _plain(v.nhs_number)),
    Column("col_17", None, "e", _plain(lambda r: str(r.randint(1, 48)))),
    Column("Unnamed: 3", "surname", "e", _plain(v.surname)),
    Column("Unnamed: 7", None, "e", _session_code),
    Column("F12", "phone", "e", _plain(lambda r: v.phone_pretty(v.phone_digits(r)), 0.85)),
    Column("F4", None, "e", _plain(lambda r: f"{r.uniform(0, 100):.1f}%")),
    Column("_c4", "email", "e", _plain(v.email, 0.8)),
    Column("_c9", None, "e", _appt_date),
    Column("attr9", "forename", "e", _plain(v.forename)),
    Column("attr2", None, "e", _lsoa),
    Column("X.1", "passport_number", "e", _plain(v.passport_number, 0.6)),
    Column("V5", "chi_number", "e", _plain(v.chi_number)),
    Column("column_b", "address", "e", _plain(v.address)),
    Column("var_031", None, "e", _choice(("ATT", "DNA", "CNA", "PCA", "WLK", "ATT", "ATT"))),
    Column("_c11", None, "e", _bp),
    # f) mixed formats
    Column("nhs_num_mixed", "nhs_number", "f", _nhs_mixed),
    Column("dob_any", "date_of_birth", "f", _dob_any),
    Column("postcode_raw", "postcode", "f", _postcode_raw),
    Column("tel_mixed", "phone", "f", _tel_mixed),
    Column("chi_mixed", "chi_number", "f", _chi_mixed),
    Column("ni_mixed", "ni_number", "f", _ni_mixed),
    Column("email_mixed", "email", "f", _email_mixed),
    Column("vrm_mixed", "vehicle_registration", "f", _vrm_mixed),
    Column("dl_mixed", "driving_licence", "f", _dl_mixed),
    Column("hosp_no_mixed", "hospital_number", "f", _hosp_mixed),
    Column("uprn_mixed", "uprn", "f", _uprn_mixed),
    Column("name_mixed_order", "full_name", "f", _name_mixed),
    # g) look-alikes that are not identifiers
    Column("po_number", None, "g", _po_number),
    Column("vaccine_batch", None, "g", _batch),
    Column("snomed_concept", None, "g", _snomed),
    Column("ods_code", None, "g", _ods),
    Column("bed_code", None, "g", _bed),
    Column("rota_code", None, "g", _rota),
    Column("clinic_name", None, "g", _choice(pools.CLINIC_NAMES)),
    Column("ward_name", None, "g", _ward_gen),
    Column("drug_name", None, "g", _choice(pools.DRUGS)),
    Column("appt_time", None, "g", _appt_time),
    Column("grid_ref", None, "g", _grid_ref),
    Column("bnf_code", None, "g", _bnf),
    Column("school_urn", None, "g", _urn),
    # h) hard names
    Column("enw_cyntaf", "forename", "h", _enw_cyntaf),
    Column("cyfenw", "surname", "h", _cyfenw),
    Column("ainm", "full_name", "h", _ainm),
    Column("sloinneadh", "surname", "h", _sloinneadh),
    Column("SNAME", "surname", "h", _sname_upper),
    Column("client", "full_name", "h", _client),
    Column("given", "forename", "h", _given),
    Column("family", "surname", "h", _family),
    Column("resident", "full_name", "h", _resident),
    Column("nom", "full_name", "h", _nom),
    Column("imie_nazwisko", "full_name", "h", _polish),
    Column("s_name2", "surname", "h", _double_barrel),
    Column("ten_benh_nhan", "full_name", "h", _vietnamese),
    # s) staff names
    Column("gp_usual", "full_name", "s", _gp),
    Column("key_worker", "full_name", "s", _key_worker),
    Column("referrer", "full_name", "s", _referrer),
    Column("allocated_sw", "full_name", "s", _allocated_sw),
    Column("triage_nurse", "full_name", "s", _triage_nurse),
    Column("authorised_by", "full_name", "s", _authorised_by),
)

NON_DIRECT_KINDS = frozenset({"date_of_birth", "postcode"})


def make_heldout6_columns(
    seed: int = 17, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    """Build the corpus: column values (strings or None) and their labels.

    Labels per column: `kind` (a kind name, or None for a non-identifier), `direct` (True for
    every kind but date_of_birth and postcode), `free_text` and `category` (a-h, or s for staff).
    """
    if rows < 1:
        raise ValueError("rows must be at least 1")
    data: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for col in COLUMNS:
        rng = random.Random(f"heldout6:{seed}:{col.name}")
        data[col.name] = [col.gen(rng) for _ in range(rows)]
        labels[col.name] = {
            "kind": col.kind,
            "direct": col.kind is not None and col.kind not in NON_DIRECT_KINDS,
            "free_text": col.free_text,
            "category": col.category,
        }
    return data, labels
