"""Category a: free text where an identifier appears in a minority of rows."""

from __future__ import annotations

import random
import re

from . import pools
from . import values as v


def _fill(rng: random.Random, templates: list[str]) -> str:
    makers = {
        "n": lambda: str(rng.randint(2, 99)),
        "big": lambda: str(rng.randint(100, 9999)),
        "route": lambda: rng.choice(["7", "X84", "59", "T3", "M1", "500", "K6", "300A"]),
        "town": lambda: rng.choice(pools.TOWNS),
        "street": lambda: v.street(rng),
        "op": lambda: rng.choice(pools.OPERATORS),
        "saint": lambda: rng.choice(pools.SAINTS),
        "brand": lambda: rng.choice(pools.BRANDS),
        "date": lambda: v.date_fmt(v.dob(rng, 2021, 2024), rng.choice([0, 1, 4, 5])),
        "time": lambda: f"{rng.randint(6, 22):02d}:{rng.choice(['00', '15', '30', '45', '05'])}",
        "lc": lambda: f"LC{rng.randint(1, 999):03d}",
        "ref": lambda: (
            f"{rng.choice(['HWY', 'CLM', 'TC', 'RC'])}/{rng.randint(2019, 2024)}"
            f"/{rng.randint(1, 99999):05d}"
        ),
    }
    return re.sub(r"\{(\w+)\}", lambda m: makers[m.group(1)](), rng.choice(templates))


def _column(
    rng: random.Random,
    rows: int,
    templates: list[str],
    inject,
    rate: float,
    blank: float = 0.12,
) -> list[str | None]:
    out: list[str | None] = []
    for _ in range(rows):
        r = rng.random()
        if r < rate:
            out.append(inject(rng))
        elif r < rate + blank:
            out.append(rng.choice([None, None, None, "", " "]) or None)
        else:
            s = _fill(rng, templates)
            if rng.random() < 0.3:
                s = s + rng.choice([" ", "\n", "\r\n", " ... ", ". "]) + _fill(rng, templates)
            out.append(s)
    return out


GRIT = [
    "Steep hill outside {saint} church, requesting grit bin no.{n} to be refilled",
    "Bus {route} can't get up {street} when icy - please add to P2 route",
    "Grit bin {big} empty again since {date}",
    "Resident asks for {street} to be on priority list, elderly on dialysis nearby",
    "Passed to Highways. Route {n} already covers {street}. NFA",
    "School bus ({op}) stuck at {time} on {street}, {town}",
    "Request declined - not on bus route, refer to self-help grit scheme",
    "Cllr enquiry re {street}; gritted 2x on {date}",
]


def gritting_request_notes(rng, rows):
    def inj(r):
        ph = v.fmt_phone(v.phone_digits(r), r.randint(0, 5))
        return r.choice(
            [
                f"Please call back on {ph} re grit bin on {v.street(r)}",
                f"Resident (tel {ph}) says {v.street(r)} is a sheet of ice",
                f"Rang from {ph}, wants bin no.{r.randint(1, 99)} refilled",
                f"Add to P2. contact: {ph}",
            ]
        )

    return _column(rng, rows, GRIT, inj, 0.07)


SCHOOL_CY = [
    "Dim angen cludiant - o fewn 2 filltir i'r ysgol",
    "Tacsi {n} yn hwyr eto bore {date}",
    "Travel assistance agreed, route {route}, pick up {time}",
    "Ysgol Gyfun {town} - bws {route} yn llawn",
    "Appeal stage 1 upheld, distance {n}.{n} miles by safe walking route",
    "Rhiant wedi ffonio am y pasbort bws",
    "Passenger assistant requested (PA) - see escort sheet",
    "Travel training offered, declined; review {date}",
]


def _d(r: random.Random) -> str:
    return v.date_fmt(v.dob(r, 2022, 2024), 0)


def sylwadau_teithio_ysgol(rng, rows):
    def inj(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"{f} {s} yn cael tacsi o {r.choice(pools.TOWNS)}",
                f"Mam {f} {s} wedi ffonio, bws {r.randint(2, 99)} heb gyrraedd",
                f"Pupil {f} {s} moved to route {r.randint(2, 99)} from {_d(r)}",
                f"Child ({f} {s}) needs booster seat",
            ]
        )

    return _column(rng, rows, SCHOOL_CY, inj, 0.08)


DRIVER_PL = [
    "Pasażer czekał {n} min, kurs {ref}",
    "Wózek nie mieści się do auta, zamówić WAV",
    "Trip to {saint} surgery, return {time}",
    "Brak odpowiedzi przy drzwiach, {street}",
    "Fare £{n}.{n} over cap, card swiped x2",
    "Kurs odwołany przez klienta o {time}",
    "Dropped at {brand} {town} instead of home, customer request",
    "Driver badge {big} renewed",
]


def uwagi_kierowcy(rng, rows):
    def inj(r):
        e = v.email(r)
        return r.choice(
            [
                f"Klient prosi o potwierdzenie na e-mail {e}",
                f"receipt to {e}",
                f"Send journey summary: {e.upper()}",
                f"Pasażer podał maila {e} do faktury",
            ]
        )

    return _column(rng, rows, DRIVER_PL, inj, 0.05)


CLAIM_PT = [
    "Buraco na estrada em {street}, profundidade {n} mm",
    "Claimant tripped on raised flag outside {brand}, {town}",
    "Inspecção de {date}: defeito não encontrado",
    "Section 58 defence applicable, inspected {date}",
    "Pedido de indemnização {ref} recusado",
    "Photos received x{n}, pothole {n}0mm deep",
    "Solicitor letter received re {ref}",
    "Sem testemunhas. Chuva forte às {time}",
]


def observacoes_sinistro(rng, rows):
    def inj(r):
        ni = v.fmt_ni(v.ni_number(r), r.randint(0, 4))
        return r.choice(
            [
                f"Número NI do requerente: {ni}",
                f"Claimant NI {ni} - CRU certificate requested",
                f"NINO {ni} supplied for CRU",
                f"NI no. {ni} (verificar)",
            ]
        )

    return _column(rng, rows, CLAIM_PT, inj, 0.10)


RTC = [
    "Collision on {street}, {town} at {time}; client pedestrian, two cars involved",
    "Victim support contact made {date}, client declined further calls",
    "Referred by police ref {ref}. Whiplash, off work {n} days",
    "Client anxious travelling by bus {route} since incident",
    "Court date listed {date} at {town} Magistrates",
    "Signposted to {op} for counselling",
    "Driver left scene; CCTV from {brand} requested",
    "Ongoing pain, GP at {saint} practice aware",
]


def rtc_victim_support_narrative(rng, rows):
    def inj(r):
        n = v.fmt_nhs(v.nhs_number(r), r.randint(0, 3))
        return r.choice(
            [
                f"Discharged from A&E, NHS no {n}. Follow-up by GP",
                f"Hospital letter quotes NHS number {n}",
                f"NHS: {n} - consent to share obtained",
                f"Client gave her NHS No. ({n}) for the medical report",
            ]
        )

    return _column(rng, rows, RTC, inj, 0.07)


LIGHT = [
    "Light out on column {lc}, {street}",
    "Lamp {lc} flickering at night, outside no. {n}",
    "Day burner - {lc} on all day, {street}, {town}",
    "Column {lc} leaning after RTC on {date}",
    "Door missing from column {lc}, wires exposed",
    "Whole street dark from {lc} to {lc}",
    "Tree obscuring lamp near {saint}",
    "Reported via app {ref}",
]


def lighting_fault_description(rng, rows):
    def inj(r):
        a = ", ".join(v.address_parts(r))
        return r.choice(
            [
                f"I live at {a} and the lamp outside has been out for weeks",
                f"Light shining into my bedroom - {a}",
                f"Reporter's address: {a}",
                f"Please reply by post to {a}",
            ]
        )

    return _column(rng, rows, LIGHT, inj, 0.04)


RAIL = [
    "Appeal against refusal dated {date}; evidence of PIP not enclosed",
    "Customer says DLA award letter from {date} lost",
    "Railcard expired {date}, renewal declined by system",
    "Travels with companion to {town} for hospital appointments",
    "Evidence: Blue Badge, expiry {date}",
    "Epilepsy - no driving licence since {date}",
    "Called {op} customer services on {date}",
    "Appeal upheld, card issued {date}",
]


def railcard_appeal_text(rng, rows):
    def inj(r):
        d = v.date_fmt(v.dob(r, 1930, 2006), r.choice([0, 1, 3, 4, 5]))
        return r.choice(
            [
                f"Customer born {d}, so eligible under age rules",
                f"DOB {d} checked against passport",
                f"d.o.b. {d} - photo ID matches",
                f"Date of birth: {d}. Appeal stage 2",
            ]
        )

    return _column(rng, rows, RAIL, inj, 0.09)


ALARM = [
    "Alarm pressed at {time} on service {route} near {street}",
    "False activation, bag against button. Depot informed",
    "Passenger unwell, ambulance called, bus held {n} mins",
    "Control room ({op}) contacted at {time}",
    "Alarm cord pulled near {brand}, no issue found",
    "Driver assisted passenger off at {saint}",
    "Test activation of unit {big}",
    "Pendant activation - no response from passenger, CCTV pulled",
]


def bus_alarm_activation_log(rng, rows):
    def inj(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"Passenger {f} {s} fell on lower deck, alarm pressed",
                f"Pendant belongs to {s.upper()}, {f} - known to control",
                f"{f} {s} confused, wanted {r.choice(pools.TOWNS)}",
                f"Spoke with daughter of {f} {s}",
            ]
        )

    return _column(rng, rows, ALARM, inj, 0.06)


HANDLER = [
    "Liability denied, defect below intervention level ({n}mm)",
    "Insurer ref {ref}; reserve £{big}",
    "Claimant driving at time, pothole on {street}",
    "Awaiting inspection records for {date}",
    "Offer of £{big} made on {date}",
    "Vehicle damage only, tyre and alloy, {town}",
    "Passed to {op} as their road",
    "File closed {date}",
]


def claim_handler_commentary(rng, rows):
    def inj(r):
        dl = v.driving_licence(r)
        if r.random() < 0.3:
            dl = f"{dl[:5]} {dl[5:11]} {dl[11:13]}{dl[13]} {dl[14:]}"
        return r.choice(
            [
                f"Driving licence {dl} checked with DVLA",
                f"Claimant's licence no. {dl}, no endorsements",
                f"DL: {dl}",
                f"Copy of licence ({dl}) on file",
            ]
        )

    return _column(rng, rows, HANDLER, inj, 0.12)


CARER = [
    "Companion pass renewal, evidence of care received {date}",
    "Card {big} reported lost, replacement issued",
    "Renewal letter sent {date}, no reply",
    "Caller wanted to know if pass valid on {op} trains",
    "Photo rejected - sunglasses",
    "Carer element confirmed, pass valid to {date}",
    "Posted to old address, returned",
    "Request for +1 pass declined",
]


def carer_pass_renewal_comments(rng, rows):
    def inj(r):
        f = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"Spoke to {f}, new photo to follow",
                f"{f} rang about the carer pass",
                f"Left message for {f}",
                f"Call from {f} re renewal - said she cares for her dad",
            ]
        )

    return _column(rng, rows, CARER, inj, 0.08)


ALLOT = [
    "Wants half plot at {street} site, plot {n}",
    "Offered plot {n}B, declined (too far)",
    "Waiting since {date}",
    "Raised bed requested, uses wheelchair",
    "On list for {town} and {street} sites",
    "Plot {n} returned overgrown",
    "Shed permission granted {date}",
    "Rent £{n}.00 paid",
]


def allotment_waiting_list_remarks(rng, rows):
    def inj(r):
        pc = v.postcode(r)
        if r.random() < 0.3:
            pc = pc.lower()
        return r.choice(
            [
                f"Lives at {pc}, nearest site is {v.street(r)}",
                f"Postcode {pc} - out of area?",
                f"Moved to {pc}, keep on list",
                f"Home: {pc}",
            ]
        )

    return _column(rng, rows, ALLOT, inj, 0.05)


SCOOT = [
    "Rider fell on {street} at {time}, scooter {big} recovered",
    "Scooter parked across dropped kerb near {brand}",
    "Pedestrian clipped by scooter, minor bruising",
    "Two riders on one scooter, account suspended",
    "Scooter {big} battery fire at depot",
    "Taken to A&E at {town} by ambulance",
    "Complaint from Guide Dogs re parking on {street}",
    "Geo-fence fault near {saint}",
]


def escooter_incident_free_text(rng, rows):
    def inj(r):
        h = v.hospital_number(r)
        return r.choice(
            [
                f"A&E letter received, hosp no {h}",
                f"Rider's hospital number {h} quoted by ward",
                f"Pedestrian admitted ({h}), fractured wrist",
                f"Ref from trauma clinic: {h}",
            ]
        )

    return _column(rng, rows, SCOOT, inj, 0.07)


TAXI_CY = [
    "Cais wedi'i dderbyn {date}",
    "Tystiolaeth feddygol ar goll",
    "Card posted to applicant, {n} vouchers",
    "Angen cadair olwyn - WAV yn unig",
    "Application incomplete, photo missing",
    "Wedi symud i {town}",
    "Approved under mobility criteria",
    "Ffurflen {ref} yn ôl i'r cleient",
]


def nodiadau_cais_tacsi(rng, rows):
    def inj(r):
        p = v.passport(r)
        if r.random() < 0.3:
            p = f"{p[:3]} {p[3:6]} {p[6:]}"
        return r.choice(
            [
                f"Pasbort wedi'i weld: {p}",
                f"ID seen - passport {p}",
                f"Passport no {p} (exp {v.date_fmt(v.dob(r, 2025, 2033), 0)})",
                f"Rhif pasbort {p}",
            ]
        )

    return _column(rng, rows, TAXI_CY, inj, 0.10)


FERRY = [
    "Islander concession card renewed, valid on {route} sailings",
    "Travelling to Raigmore for appointment {date}",
    "Card {big} lost on crossing, replacement",
    "Vehicle deck concession applied, car + 2",
    "Escort travels free (medical letter on file)",
    "Sailing cancelled {date}, voucher reissued",
    "Address on island confirmed by council tax",
    "Student concession, term ends {date}",
]


def ferry_concession_notes(rng, rows):
    def inj(r):
        c = v.chi_number(r)
        if r.random() < 0.3:
            c = f"{c[:6]} {c[6:]}"
        return r.choice(
            [
                f"CHI {c} on hospital letter",
                f"Medical escort approved, CHI no. {c}",
                f"Letter from NHS Highland quotes {c}",
                f"chi: {c}",
            ]
        )

    return _column(rng, rows, FERRY, inj, 0.06)
