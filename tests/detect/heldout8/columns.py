"""The eighth blind held-out column corpus: 119 labelled columns from imagined UK extracts.

Built from ``TRAPS.md`` (written first) without reading any detector code. Each column draws from
its own random stream ``random.Random(f"heldout8:{seed}:{name}")`` so a column's values do not
depend on the other columns. Values are strings as read from a CSV, or None for an empty cell.
"""

from __future__ import annotations

import datetime
import random
import string
from collections.abc import Callable
from typing import Any

from tests.detect.heldout8 import pools, texts, values

Cell = str | None
Maker = Callable[[random.Random, int], list[Cell]]
INDIRECT_KINDS = frozenset({"date_of_birth", "postcode"})
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def each(make: Callable[[random.Random], str], blank: float = 0.04) -> Maker:
    """A column maker calling ``make`` once a row, leaving ``blank`` of the cells empty."""

    def column(rng: random.Random, rows: int) -> list[Cell]:
        return [values.maybe(rng, make(rng), blank) for _ in range(rows)]

    return column


def pick(pool: tuple[str, ...], blank: float = 0.04) -> Maker:
    """A column maker choosing from a pool."""
    return each(lambda rng: rng.choice(pool), blank)


# --- b: spreadsheet damage ------------------------------------------------------------------


def scientific(number: str, rng: random.Random, cut: float) -> str:
    """A number as Excel shows it in scientific notation: full precision or cut to 3 figures."""
    if rng.random() < cut:
        return f"{int(number):.2E}"
    mantissa, exponent = f"{int(number):.9E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"


def chi_excel(rng: random.Random) -> str:
    chi = str(int(values.chi_number(rng)))
    return chi + ".0" if rng.random() < 0.3 else chi


def phone_int(rng: random.Random) -> str:
    digits = values.phone(rng).replace(" ", "").lstrip("0")
    return digits + ".0" if rng.random() < 0.35 else digits


def thousands(number: str) -> str:
    return f"{int(number):,}"


def dob_serial(rng: random.Random) -> str:
    return str((values.date_of_birth(rng) - EXCEL_EPOCH).days)


def hearing_serial(rng: random.Random) -> str:
    serial = values.invalid_ten_digits(rng)
    return scientific(serial, rng, 0.5) if rng.random() < 0.3 else serial


# --- f: mixed formats -----------------------------------------------------------------------

ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def dob_any(rng: random.Random) -> str:
    d = values.date_of_birth(rng)
    style = rng.randrange(8)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return d.isoformat()
    if style == 2:
        return f"{d.day} {d.strftime('%b %y')}"
    if style == 3:
        return d.strftime("%d.%m.%y")
    if style == 4:
        return f"{d.day}{ORDINAL.get(d.day, 'th')} {d.strftime('%B %Y')}"
    if style == 5:
        return d.strftime("%d-%b-%Y").upper()
    if style == 6:
        return d.strftime("%Y%m%d")
    return f"{d.day}/{d.month}/{d.strftime('%y')}"


def nhs_mixed(rng: random.Random) -> str:
    n = values.nhs_number(rng)
    return rng.choice(
        (
            f"{n[:3]} {n[3:6]} {n[6:]}",
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            n,
            f"NHS: {n[:3]} {n[3:6]} {n[6:]}",
        )
    )


def postcode_odd(rng: random.Random) -> str:
    p = values.postcode(rng)
    return rng.choice((p, p.lower(), p.replace(" ", ""), f" {p.replace(' ', '  ')}", p.title()))


def phone_mixed(rng: random.Random) -> str:
    p = values.phone(rng)
    digits = p.replace(" ", "")
    area, rest = p.split(" ", 1)
    return rng.choice(
        (
            p,
            digits,
            "+44 " + p[1:],
            f"+44 (0){p[1:]}",
            f"({area}) {rest}",
            "-".join(p.split(" ")),
            "0044" + digits[1:],
        )
    )


def chi_mixed(rng: random.Random) -> str:
    c = values.chi_number(rng)
    return rng.choice(
        (f"{c[:6]} {c[6:]}", f"{c[:2]}-{c[2:4]}-{c[4:6]}-{c[6:]}", c, f"{c[:3]}.{c[3:6]}.{c[6:]}")
    )


def ni_mixed(rng: random.Random) -> str:
    n = values.ni_number(rng)
    pairs = f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"
    return rng.choice((pairs, n.lower(), pairs.replace(" ", "-"), n[:8], f"{n[:8]} {n[8]}", n))


def email_mixed(rng: random.Random) -> str:
    e = values.email(rng)
    first, last = values.person(rng)
    return rng.choice((e, e.upper(), e.title(), f"mailto:{e}", f"{first} {last} <{e}>", f" {e} "))


def vrm_mixed(rng: random.Random) -> str:
    v = values.vehicle_registration(rng)
    return rng.choice((v, v.replace(" ", ""), v.lower(), v.replace(" ", "").lower()))


def dl_mixed(rng: random.Random) -> str:
    d = values.driving_licence(rng)
    return rng.choice((d, f"{d[:5]} {d[5:11]} {d[11:]}", d.lower(), d[:14]))


def passport_mixed(rng: random.Random) -> str:
    p = values.passport(rng)
    return rng.choice((p, f"{p[:3]} {p[3:6]} {p[6:]}", f"GBR{p}", f"GBR {p}"))


def mrn_mixed(rng: random.Random) -> str:
    m = values.hospital_number(rng)
    site, num = m[:-7], m[-7:]
    return rng.choice((m, f"{site} {num}", m.lower(), f"MRN: {num}", num, f"{site}-{num}"))


def hc_mixed(rng: random.Random) -> str:
    h = values.hc_number(rng)
    return f"{h[:3]} {h[3:6]} {h[6:]}" if rng.random() < 0.5 else h


def time_mixed(rng: random.Random) -> str:
    hour, minute = rng.randint(8, 19), rng.choice((0, 15, 30, 45))
    twelve = hour - 12 if hour > 12 else hour
    suffix = "pm" if hour >= 12 else "am"
    return rng.choice(
        (f"{hour:02d}:{minute:02d}", f"{twelve}.{minute:02d}{suffix}", f"{hour:02d}{minute:02d}h")
    )


def dose_mixed(rng: random.Random) -> str:
    return rng.choice(("0.5ml", "0.5 mL", "1/2 ml", "0.25ml", "0.1 ml", "0.5 ML", "1 x 0.5ml"))


# --- c: annotated names ---------------------------------------------------------------------


def next_of_kin(rng: random.Random) -> str:
    rel = rng.choice(pools.RELATIONSHIPS)
    name = values.full_name(rng)
    return rng.choice((f"{name} ({rel})", f"{name} - {rel}", f"{name} ({rel.title()}, NOK)"))


def deceased(rng: random.Random) -> str:
    name = values.full_name(rng)
    return rng.choice(
        (f"{name} - deceased", f"{name} (dec'd)", f"Late {name}", f"{name} (died 2019)")
    )


def preferred(rng: random.Random) -> str:
    first = values.forename(rng)
    nick = rng.choice(pools.NICKNAMES)
    return rng.choice(
        (f'{first} "{nick}"', f'"{nick}"', f"{first} ({values.forename(rng)})", first)
    )


def maiden(rng: random.Random) -> str:
    last = values.surname(rng)
    return rng.choice((f"née {last}", f"formerly {last}", f"{last} (maiden)", last))


def emergency_contact(rng: random.Random) -> str:
    rel = rng.choice(pools.RELATIONSHIPS)
    return f"{values.full_name(rng)} [{rel}{rng.choice(('', ', key holder', ', no key'))}]"


def child_forename(rng: random.Random) -> str:
    first = values.forename(rng)
    return f"{first} (twin {rng.randint(1, 2)})" if rng.random() < 0.15 else first


def lpa(rng: random.Random) -> str:
    first, last = values.person(rng)
    kind = rng.choice(("LPA H&W", "LPA P&F", "EPA", "deputy"))
    return rng.choice(
        (f"{rng.choice(pools.TITLES[:5])} {first[0]}. {last} ({kind})", f"{first} {last} ({kind})")
    )


def father(rng: random.Random) -> str:
    return (
        rng.choice(("Unknown", "not stated", "Not known"))
        if rng.random() < 0.2
        else values.full_name(rng)
    )


def relationship(rng: random.Random) -> str:
    rel = rng.choice(pools.RELATIONSHIPS)
    return rng.choice((rel, f"({rel})", rel.title(), rel.upper()))


def surname_if_differs(rng: random.Random) -> str:
    last = values.surname(rng)
    return f"{last} (formerly {values.surname(rng)})" if rng.random() < 0.5 else last


def baby_forename(rng: random.Random) -> str:
    return (
        rng.choice(("not yet named", "Baby", "TBC"))
        if rng.random() < 0.15
        else values.forename(rng)
    )


# --- d, e, g: misleading headers, coded headers, look-alikes --------------------------------


def title_surname(rng: random.Random) -> str:
    return f"{rng.choice(pools.TITLES)} {values.surname(rng)}"


def nhs_334(rng: random.Random) -> str:
    n = values.nhs_number(rng)
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def snomed(rng: random.Random) -> str:
    length = 10 if rng.random() < 0.25 else rng.choice((6, 7, 8, 9, 11, 15, 16, 18))
    return (
        str(rng.randint(1, 9))
        + "".join(rng.choices(string.digits, k=length - 4))
        + "00"
        + rng.choice(string.digits)
    )


def grid_ref(rng: random.Random) -> str:
    square = rng.choice(("SE", "ST", "NZ", "NT", "SH", "SS", "NO", "NH"))
    return f"{square} {rng.randint(0, 99999):05d} {rng.randint(0, 99999):05d}"


def lens_rx(rng: random.Random) -> str:
    sph = rng.randint(-32, 24) * 0.25
    cyl = -rng.randint(0, 12) * 0.25
    return f"{sph:+.2f}/{cyl:.2f}x{rng.randint(1, 180)}"


def session_code(rng: random.Random) -> str:
    service = rng.choice(("AUD", "OPT", "IMM", "SH", "CHC"))
    day = rng.choice(("MON", "TUE", "WED", "THU", "FRI"))
    return f"{service}-{rng.choice(('AM', 'PM', 'EV'))}-{day}"


def rota_code(rng: random.Random) -> str:
    return (
        f"{rng.choice(('LD', 'E', 'N', 'TW', 'SD'))}/{rng.choice('NDLE')}/{rng.randint(1, 20):02d}"
    )


def index_column(rng: random.Random, rows: int) -> list[Cell]:
    return [str(i) for i in range(rows)]


def case_111(rng: random.Random) -> str:
    d = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(366))
    return f"111-{d:%Y%m%d}-{rng.randint(1, 9999):06d}"


# --- h and s: hard names and staff ----------------------------------------------------------


def caps_surname_first(rng: random.Random) -> str:
    first, last = values.person(rng)
    return f"{last}, {first}".upper()


def surname_first(rng: random.Random) -> str:
    first, last = values.person(rng)
    return f"{last}, {first}"


def registered(rng: random.Random) -> str:
    return rng.choice(pools.MONONYMS) if rng.random() < 0.2 else values.full_name(rng)


def vietnamese(rng: random.Random) -> str:
    middle = rng.choice(("Thị", "Văn", "Đức", "Ngọc", "Minh"))
    return f"{values.surname(rng, 'vietnamese')} {middle} {values.forename(rng, 'vietnamese')}"


def portuguese(rng: random.Random) -> str:
    f1 = values.forename(rng, "portuguese")
    f2 = values.forename(rng, "portuguese")
    return f"{f1} {f2} {values.surname(rng, 'portuguese')} {values.surname(rng, 'portuguese')}"


def somali(rng: random.Random) -> str:
    father, grandfather = values.surname(rng, "somali"), values.surname(rng, "somali")
    return f"{values.forename(rng, 'somali')} {father} {grandfather}"


def irish(rng: random.Random) -> str:
    return f"{values.forename(rng, 'irish')} {values.surname(rng, 'irish')}"


def gp_name(rng: random.Random) -> str:
    first, last = values.person(rng)
    return f"Dr {first} {last}" if rng.random() < 0.6 else f"Dr {first[0]}. {last}"


def referrer(rng: random.Random) -> str:
    role = rng.choice(("Nurse", "HV", "SN", "Dr", "OT", "Midwife"))
    service = rng.choice(
        ("School Nursing", "Health Visiting", "Audiology", "GP", "Hospice at Home")
    )
    return f"{role} {values.full_name(rng)} ({service})"


def social_worker(rng: random.Random) -> str:
    return "Unallocated" if rng.random() < 0.3 else values.full_name(rng)


def interpreter(rng: random.Random) -> str:
    name = values.full_name(rng)
    return f"{name} ({rng.choice(pools.LANGUAGES)})" if rng.random() < 0.3 else name


def panel_chair(rng: random.Random) -> str:
    name = values.full_name(rng)
    return f"{name}, Deputy Director of Nursing" if rng.random() < 0.25 else name


def structured() -> list[tuple[str, str | None, str, Maker]]:
    """The structured columns in TRAPS.md order: (name, kind, category, maker)."""
    v = values
    return [
        ("NHSNo_xlsx", "nhs_number", "b", each(lambda r: v.nhs_number(r) + ".0")),
        ("CHI No (excel)", "chi_number", "b", each(chi_excel)),
        ("nhs number sci", "nhs_number", "b", each(lambda r: scientific(v.nhs_number(r), r, 0.25))),
        ("UPRN_num", "uprn", "b", each(lambda r: thousands(v.uprn(r)))),
        ("TelNo_int", "phone", "b", each(phone_int)),
        ("Passport (xlsx)", "passport_number", "b", each(lambda r: v.passport(r) + ".0")),
        ("claim_ref_10d", None, "b", each(v.invalid_ten_digits)),
        ("CT_account_no", None, "b", each(lambda r: f"{r.randint(10_000_000, 99_999_999)}.0")),
        (
            "weekly_award_gbp",
            None,
            "b",
            each(lambda r: f"{r.randint(20, 2400) + r.randint(0, 99) / 100:,.2f}"),
        ),
        ("HbA1c_mmol_mol", None, "b", each(lambda r: f"{r.randint(30, 110)}.0")),
        (
            "units_dispensed",
            None,
            "b",
            each(lambda r: f"{r.choice((28, 56, 84, 100, 1200, 2500, 10000, 14000)):,}"),
        ),
        ("HearingAidSerial", None, "b", each(hearing_serial)),
        (
            "AudiogramThresholds_dB",
            None,
            "b",
            each(lambda r: ";".join(str(r.randrange(0, 100, 5)) for _ in range(6))),
        ),
        ("dob_serial", "date_of_birth", "b", each(dob_serial)),
        ("NextOfKin", "full_name", "c", each(next_of_kin, 0.70)),
        ("Deceased Partner", "full_name", "c", each(deceased, 0.80)),
        ("Preferred Name", "forename", "c", each(preferred, 0.60)),
        ("Title & Surname", "surname", "c", each(title_surname, 0.50)),
        ("Maiden/Previous Surname", "surname", "c", each(maiden, 0.85)),
        ("Title", None, "c", pick(pools.TITLES, 0.55)),
        ("Emergency contact 2", "full_name", "c", each(emergency_contact, 0.75)),
        ("Child1_Forename", "forename", "c", each(child_forename, 0.75)),
        ("LPA", "full_name", "c", each(lpa, 0.85)),
        ("Father's name (if known)", "full_name", "c", each(father, 0.65)),
        ("Relationship to patient", None, "c", each(relationship, 0.50)),
        ("Patient_Surname_if_differs", "surname", "c", each(surname_if_differs, 0.90)),
        ("Baby forename (if given)", "forename", "c", each(baby_forename, 0.70)),
        ("notes", None, "d", texts.makers()["notes"]),
        ("nhs_ref_no", None, "d", each(v.invalid_ten_digits)),
        ("Comments", "email", "d", each(v.email, 0.1)),
        ("Ref", "nhs_number", "d", each(nhs_334)),
        ("Info", None, "d", pick(pools.LEAFLETS, 0.2)),
        ("Other", "passport_number", "d", each(v.passport, 0.1)),
        ("Contact", "full_name", "d", each(v.full_name)),
        ("Description", "address", "d", each(v.address)),
        ("postcode_district_lookup", None, "d", pick(pools.DISTRICTS)),
        (
            "DOB_Check",
            None,
            "d",
            pick(("Verified", "Not verified", "Verified (passport)", "Pending")),
        ),
        ("email_consent", None, "d", pick(("Y", "N", "Withdrawn", "Y", "N"))),
        ("Reg", "vehicle_registration", "d", each(v.vehicle_registration)),
        ("Number", "driving_licence", "d", each(v.driving_licence)),
        (
            "Hospital No.",
            None,
            "d",
            each(lambda r: str(min(r.randint(0, 4) * r.randint(0, 4), 14))),
        ),
        ("Area", "postcode", "d", each(v.postcode)),
        ("field_23", "nhs_number", "e", each(v.nhs_number, 0.02)),
        ("col_17", None, "e", pick(pools.WARDS, 0.02)),
        ("Unnamed: 3", "phone", "e", each(v.phone, 0.02)),
        (
            "F12",
            None,
            "e",
            each(lambda r: f"{r.randint(8, 18):02d}:{r.choice(('00', '20', '40'))}"),
        ),
        ("_c4", "surname", "e", each(v.surname, 0.02)),
        ("attr9", "date_of_birth", "e", each(lambda r: v.date_of_birth(r).isoformat(), 0.02)),
        ("COL_0031", "email", "e", each(v.email, 0.02)),
        ("V7", "ni_number", "e", each(v.ni_number, 0.02)),
        ("fld_cd_112", None, "e", each(snomed, 0.02)),
        ("Column5", "forename", "e", each(v.forename, 0.02)),
        ("EX_ATTR_04", "hospital_number", "e", each(v.hospital_number, 0.02)),
        ("u_field_9", "uprn", "e", each(v.uprn, 0.02)),
        ("attr12", None, "e", each(session_code, 0.02)),
        ("Unnamed: 11", None, "e", index_column),
        ("NHS No.", "nhs_number", "f", each(nhs_mixed)),
        ("Date of Birth (any)", "date_of_birth", "f", each(dob_any)),
        ("Post Code", "postcode", "f", each(postcode_odd)),
        ("Tel (home/mob)", "phone", "f", each(phone_mixed)),
        ("CHI Number", "chi_number", "f", each(chi_mixed)),
        ("NINO", "ni_number", "f", each(ni_mixed)),
        ("E-mail", "email", "f", each(email_mixed)),
        ("VRM", "vehicle_registration", "f", each(vrm_mixed)),
        ("Driving Licence No", "driving_licence", "f", each(dl_mixed)),
        ("Passport", "passport_number", "f", each(passport_mixed)),
        ("Hospital Number / MRN", "hospital_number", "f", each(mrn_mixed)),
        (
            "Address (single field)",
            "address",
            "f",
            each(lambda r: v.address(r, r.choice((", ", " | ", "; ")))),
        ),
        ("H&C Number", "nhs_number", "f", each(hc_mixed)),
        ("appt_time", None, "f", each(time_mixed)),
        ("Dose", None, "f", each(dose_mixed)),
        (
            "ImmsBatchNo",
            None,
            "g",
            each(
                lambda r: (
                    "".join(r.choices(string.ascii_uppercase, k=2)) + str(r.randint(1000, 9999))
                )
            ),
        ),
        ("SNOMED_CT", None, "g", each(snomed)),
        (
            "Practice ODS",
            None,
            "g",
            each(lambda r: r.choice("ABCDEFGHJKLMNPWYZ") + str(r.randint(10000, 99999))),
        ),
        (
            "BedCode",
            None,
            "g",
            each(lambda r: f"W{r.randint(1, 40)}-{r.choice('ABCD')}{r.randint(1, 24):02d}"),
        ),
        (
            "Rota Code",
            None,
            "g",
            each(rota_code),
        ),
        ("Ward", None, "g", pick(pools.WARDS)),
        ("Clinic", None, "g", pick(pools.CLINICS)),
        ("Drug", None, "g", pick(pools.DRUGS)),
        ("GridRef", None, "g", each(grid_ref)),
        ("Hearing aid model", None, "g", pick(pools.HEARING_AIDS, 0.3)),
        ("Lens Rx", None, "g", each(lens_rx)),
        (
            "Invoice No",
            None,
            "g",
            each(lambda r: f"INV-{r.randint(2019, 2025)}-{r.randint(1, 99999):06d}"),
        ),
        ("NHS111 Case ID", None, "g", each(case_111)),
        (
            "Coroner case ref",
            None,
            "g",
            each(lambda r: f"CR/{r.randint(2018, 2025)}/{r.randint(1, 2999):04d}"),
        ),
        ("Enw Cyntaf", "forename", "h", each(lambda r: v.forename(r, "welsh"))),
        ("Cyfenw", "surname", "h", each(lambda r: v.surname(r, "welsh"))),
        ("Ainm", "full_name", "h", each(irish)),
        ("PATIENT NAME (CAPS)", "full_name", "h", each(caps_surname_first)),
        ("Surname, Forename", "full_name", "h", each(surname_first)),
        ("SurnameWithParticle", "surname", "h", pick(pools.PARTICLE_SURNAMES)),
        ("RegisteredName", "full_name", "h", each(registered)),
        ("Forename(s)", "forename", "h", pick(pools.WORD_FORENAMES)),
        ("Family name", "surname", "h", pick(pools.WORD_SURNAMES)),
        ("Họ và tên", "full_name", "h", each(vietnamese)),
        ("Nome completo", "full_name", "h", each(portuguese)),
        ("Imię", "forename", "h", each(lambda r: v.forename(r, "polish"))),
        ("Nazwisko", "surname", "h", each(lambda r: v.surname(r, "polish"))),
        ("Magaca", "full_name", "h", each(somali)),
        ("GP Name", "full_name", "s", each(gp_name)),
        ("KeyWorker", "full_name", "s", each(v.full_name)),
        ("referrer", "full_name", "s", each(referrer)),
        ("Allocated SW", "full_name", "s", each(social_worker)),
        ("Booked Interpreter", "full_name", "s", each(interpreter)),
        ("CHC Panel Chair", "full_name", "s", each(panel_chair)),
    ]


FREE_TEXT_KINDS: dict[str, str | None] = {
    "111_call_narrative": "phone",
    "InterpreterBookingNotes": "email",
    "coroner_referral_circumstances": "nhs_number",
    "EQUIP_LOAN_DELIVERY_NOTES": "address",
    "dom care visit log": "full_name",
    "immunisation_comments": "chi_number",
    "ctr_support_notes": "ni_number",
    "BlueBadgeAssessorNotes": "vehicle_registration",
    "audiology_referral_text": "hospital_number",
    "optom_gos_claim_remarks": "driving_licence",
    "sh_clinic_triage_free": "forename",
    "LLPG_match_comment": "uprn",
    "housing_repair_desc": None,
    "imms_reaction_notes": None,
}


def specs() -> list[tuple[str, str | None, bool, str, Maker]]:
    """Every column in TRAPS.md order: (name, kind, free_text, category, maker)."""
    free = texts.makers()
    rows: list[tuple[str, str | None, bool, str, Maker]] = [
        (name, kind, True, "a", free[name]) for name, kind in FREE_TEXT_KINDS.items()
    ]
    for name, kind, category, maker in structured():
        rows.append((name, kind, name == "notes", category, maker))
    return rows


def make_heldout8_columns(
    seed: int = 29, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict[str, Any]]]:
    """Build the corpus: column values and labels ``{kind, direct, free_text, category}``."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    data: dict[str, list[str | None]] = {}
    labels: dict[str, dict[str, Any]] = {}
    for name, kind, free_text, category, maker in specs():
        rng = random.Random(f"heldout8:{seed}:{name}")
        data[name] = maker(rng, rows)
        labels[name] = {
            "kind": kind,
            "direct": kind is not None and kind not in INDIRECT_KINDS,
            "free_text": free_text,
            "category": category,
        }
    return data, labels
