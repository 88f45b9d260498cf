# ruff: noqa: RUF001  (real names and headers use look-alike letters and dashes on purpose)
"""Held-out corpus 9: 115 labelled columns, built blind from TRAPS.md.

`make_heldout9_columns` returns the values (strings as read from a CSV, None for a blank cell)
and the labels of every column, in the order of TRAPS.md. Each column draws from its own
`random.Random(f"heldout9:{seed}:{name}")`, so adding or changing one column leaves the others
unchanged.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from tests.detect.heldout9 import makers as mk
from tests.detect.heldout9 import pools

Maker = Callable[[random.Random], str | None]
INDIRECT_KINDS = frozenset({"date_of_birth", "postcode"})


@dataclass(frozen=True)
class Column:
    """One column of the corpus: its header, label and a per-row value maker."""

    name: str
    kind: str | None
    category: str
    make: Maker
    free_text: bool = False

    @property
    def direct(self) -> bool:
        """Whether the column is a direct identifier (every kind but DOB, postcode, None)."""
        return self.kind is not None and self.kind not in INDIRECT_KINDS


def _text(rng: random.Random, fragments: tuple[str, ...], low: int = 1, high: int = 3) -> str:
    """Join a few distinct fragments into one note."""
    picked = rng.sample(fragments, rng.randint(low, high))
    return ". ".join(picked) + "."


def _minority(fragments: tuple[str, ...], share: float, inject: Maker) -> Maker:
    """Return a maker of notes of which about `share` carry an identifier."""

    def make(rng: random.Random) -> str | None:
        if rng.random() < 0.05:
            return None
        note = _text(rng, fragments)
        if rng.random() < share:
            planted = inject(rng)
            return f"{note} {planted}" if rng.random() < 0.5 else f"{planted} {note}"
        return note

    return make


def _spaced_nhs(n: str) -> str:
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def _excel_sci(number: str) -> str:
    """Return "9.43477E+09"-style text (Excel keeps six significant digits)."""
    mantissa, exponent = f"{int(number):.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"


def _title(rng: random.Random) -> str:
    return rng.choice(("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"))


# --- category a: identifiers in a minority of free-text rows --------------------------------
RENAL = (
    "Dialysed 4h via AVF, no issues",
    "Target weight reviewed",
    "Hb low, ESA dose up",
    "Needling difficult, used buttonhole",
    "Transport late from Barry",
    "BP dropped in last hour, fluids given",
    "Pre-dialysis bloods sent",
    "Patient asked about home haemo",
    "Line site clean",
    "K+ 6.1 repeat next session",
)
STROKE = (
    "Thrombolysed at 14:20",
    "Swallow screen passed",
    "Referred to ESD",
    "CT head no bleed",
    "NIHSS improved on day 3",
    "Discharged to rehab unit",
    "AF new, started anticoagulation",
    "Family updated on ward round",
    "OT assessment booked",
)
MDT = (
    "Discussed at lung MDT",
    "For CT-guided biopsy",
    "PET shows nodal disease",
    "Refer to oncology for SABR",
    "Watch and wait agreed",
    "Breaching 62-day target",
    "Awaiting histology",
    "Patient informed by CNS",
    "Repeat imaging in 3 months",
)
FALLS = (
    "Two falls in last 6 months",
    "Timed up and go 18s",
    "Postural drop noted",
    "Footwear advice given",
    "Referred for strength and balance group",
    "Pendant alarm in place",
    "Meds review requested from GP",
    "Vision check advised",
)
WHEELCHAIR = (
    "Seating assessment done",
    "Cushion upgraded to air cell",
    "Tilt-in-space needed",
    "Repair logged with approved repairer",
    "Footplates adjusted",
    "Powerchair trial booked",
    "Client happy with new chair",
    "Ramp access checked",
)
HCLIC = (
    "Fleeing domestic abuse",
    "Sofa surfing with friends",
    "Rent arrears after UC change",
    "Needs ground floor due to mobility",
    "History of rough sleeping",
    "Mental health support required",
    "Prison release date confirmed",
    "Temporary accommodation offered in Gateshead",
)
DOLS = (
    "Lacks capacity re residence",
    "Standard authorisation requested",
    "Urgent authorisation granted for 7 days",
    "Restrictions: locked door, supervision",
    "Family object to placement",
    "RPR to be appointed",
    "Review conditions attached",
)
REGISTRAR = (
    "Informant was daughter",
    "MCCD received from GP",
    "Referred to coroner",
    "Cremation forms complete",
    "Amended entry by correction",
    "Death registered late",
    "Tell Us Once offered",
    "Informant attended by video",
)
BUDGET = (
    "Direct payment account audited",
    "Surplus of over 8 weeks to recover",
    "PA hours increased to 14",
    "Used for day trips and respite",
    "Mobility car funded",
    "Managed account via provider",
    "Receipts missing for March",
    "Review in 12 months",
)
COVID = (
    "LFD negative",
    "PCR positive, isolate 10 days",
    "Symptomatic, tested at drive-through",
    "Retest requested - void result",
    "Lateral flow registered online",
    "Care home staff routine test",
    "Pre-travel certificate issued",
    "Barcode mismatch",
)
DISTRICT = (
    "Leg ulcer dressed",
    "Insulin given",
    "Catheter changed",
    "Pressure areas intact",
    "Key safe code on system",
    "Syringe driver rebuilt",
    "Wound swab sent",
    "Patient not in - card left",
    "Visit moved to PM",
)
INVOICE = (
    "Invoice disputed - hours do not match rota",
    "Credit note requested",
    "Mileage claim attached",
    "Duplicate invoice",
    "Rate uplift not agreed",
    "Transport run to satellite unit",
    "Query resolved",
    "Paid on account",
)
SUPPORT_EXIT = (
    "Moved on to social housing",
    "Planned exit, goals met",
    "Abandoned tenancy",
    "Evicted for arrears",
    "Transferred to floating support",
    "Exit interview declined",
    "Returned to family",
    "Support ended - no engagement",
)


def _ni_spaced(rng: random.Random) -> str:
    n = mk.ni_number(rng)
    return f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}"


def _licence_spaced(rng: random.Random) -> str:
    n = mk.driving_licence(rng)
    return f"{n[:5]} {n[5:11]} {n[11:]}"


CAT_A = (
    Column(
        "DialysisSessionNotes",
        "nhs_number",
        "a",
        _minority(
            RENAL,
            0.08,
            lambda r: rng_choice_fmt(
                r, ("NHS no {s} - query bloods", "(NHS {n})", "nhs number {s} checked")
            ),
        ),
    ),
    Column(
        "stroke_reg_comments",
        "phone",
        "a",
        _minority(
            STROKE,
            0.10,
            lambda r: r.choice(("NOK tel ", "Wife on ", "Contact son: ")) + mk.phone(r),
        ),
    ),
    Column(
        "MDT Outcome (free text)",
        "full_name",
        "a",
        _minority(
            MDT,
            0.07,
            lambda r: f"Discussed {r.choice(('Mr', 'Mrs', 'Ms', 'Miss'))} {mk.full_name(r)}.",
        ),
    ),
    Column(
        "falls_assessment_narrative",
        "email",
        "a",
        _minority(FALLS, 0.12, lambda r: f"Exercise plan e-mailed to {mk.email(r)}"),
    ),
    Column(
        "wheelchair_svc_notes",
        "address",
        "a",
        _minority(WHEELCHAIR, 0.09, lambda r: f"Deliver to {mk.address(r)}."),
    ),
    Column(
        "HCLIC_support_needs_text",
        "ni_number",
        "a",
        _minority(HCLIC, 0.10, lambda r: f"UC checked, NINO {_ni_spaced(r)}."),
    ),
    Column(
        "DoLS_reason_text",
        "hospital_number",
        "a",
        _minority(DOLS, 0.06, lambda r: f"Managing authority ref MRN {mk.hospital_number(r)}"),
    ),
    Column(
        "registrar_remarks",
        "chi_number",
        "a",
        _minority(REGISTRAR, 0.11, lambda r: f"Died in Scotland, CHI {mk.chi_number(r)}."),
    ),
    Column(
        "PB_review_notes",
        "vehicle_registration",
        "a",
        _minority(BUDGET, 0.08, lambda r: f"Motability car reg {mk.vehicle_registration(r)}."),
    ),
    Column(
        "covid_test_freetext_2021",
        "passport_number",
        "a",
        _minority(COVID, 0.10, lambda r: f"Passport {mk.passport_number(r)} for fit-to-fly."),
    ),
    Column(
        "DN_visit_log",
        "uprn",
        "a",
        _minority(DISTRICT, 0.07, lambda r: f"Key safe at UPRN {mk.uprn(r)}."),
    ),
    Column(
        "invoice_query_text",
        "driving_licence",
        "a",
        _minority(INVOICE, 0.09, lambda r: f"Driver licence {_licence_spaced(r)} on file."),
    ),
    Column(
        "Supporting People – Exit Notes",
        "surname",
        "a",
        _minority(
            SUPPORT_EXIT,
            0.10,
            lambda r: f"{_title(r)} {mk.surname(r).upper()} declined exit survey.",
        ),
    ),
)


def rng_choice_fmt(rng: random.Random, templates: tuple[str, ...]) -> str:
    """Fill a template with a fresh NHS number, spaced ({s}) or not ({n})."""
    number = mk.nhs_number(rng)
    return rng.choice(templates).format(s=_spaced_nhs(number), n=number)


# --- category b: spreadsheet damage and numeric look-alikes ---------------------------------
def _tel_numeric(rng: random.Random) -> str:
    area, prefix, tail = mk.phone_parts(rng)
    number = (area + prefix + tail).lstrip("0")
    return number + ".0" if rng.random() < 0.3 else number


def _pds_trace(rng: random.Random) -> str:
    number = mk.nhs_number(rng)
    return _excel_sci(number) if rng.random() < 0.7 else number


def _po_number(rng: random.Random) -> str:
    number = mk.invalid_ten_digits(rng)
    roll = rng.random()
    return number + ".0" if roll < 0.3 else _excel_sci(number) if roll < 0.6 else number


def _egfr(rng: random.Random) -> str:
    return ">90" if rng.random() < 0.1 else str(rng.randint(4, 89))


def _budget(rng: random.Random) -> str:
    return f"{rng.randint(500, 95000):,}.{rng.randint(0, 99):02d}"


CAT_B = (
    Column("NHS_NO", "nhs_number", "b", lambda r: mk.nhs_number(r) + ".0"),
    Column("PDS Trace NHS Number", "nhs_number", "b", _pds_trace),
    Column("CHI", "chi_number", "b", lambda r: str(int(mk.chi_number(r)))),
    Column("Tel_Home", "phone", "b", _tel_numeric),
    Column("UPRN_num", "uprn", "b", lambda r: f"{int(mk.uprn(r)):,}"),
    Column(
        "HospNo (numeric)",
        "hospital_number",
        "b",
        lambda r: str(r.randint(10**6, 10**8 - 1)) + ".0",
    ),
    Column("renal_pt_nhs", "nhs_number", "b", lambda r: f"{int(mk.nhs_number(r)):,}"),
    Column("ACCOUNT_NO_10", None, "b", mk.invalid_ten_digits),
    Column("eGFR (mL/min/1.73m2)", None, "b", _egfr),
    Column("Budget £ 2023/24", None, "b", _budget),
    Column("creatinine_umol_L", None, "b", lambda r: f"{r.randint(45, 1100)}.0"),
    Column("episode_count", None, "b", lambda r: str(r.randint(0, 480))),
    Column("PO Number", None, "b", _po_number),
    Column("NIHSS_score", None, "b", lambda r: str(r.randint(0, 42))),
    Column("Serial (batch)", None, "b", lambda r: _excel_sci(str(r.randint(10**11, 10**12 - 1)))),
)


# --- category c: annotated name columns with many blanks ------------------------------------
def _nok(rng: random.Random) -> str:
    return f"{mk.full_name(rng)} ({rng.choice(pools.RELATIONSHIPS)})"


def _deceased(rng: random.Random) -> str:
    name = mk.full_name(rng)
    return rng.choice(
        (f"{name} (deceased)", f"{name} - dec'd", f"late {name}", f"{name} (RIP 2019)")
    )


def _emergency(rng: random.Random) -> str:
    first, last = mk.person(rng)
    text = f"{_title(rng)} {first[0]}. {last} - {rng.choice(pools.RELATIONSHIPS)}"
    return f"{text} - {mk.phone(rng)}" if rng.random() < 0.4 else text


def _attorneys(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{mk.full_name(rng)} ({rng.choice(('H&W', 'P&FA'))})"
    last = mk.surname(rng)
    return f"{mk.forename(rng)} {last} & {mk.forename(rng)} {last} (joint)"


def _previous(rng: random.Random) -> str:
    return f"{rng.choice(('née', 'formerly', 'prev.', 'maiden name'))} {mk.surname(rng)}"


def _relationship(rng: random.Random) -> str:
    rel = rng.choice(pools.RELATIONSHIPS)
    return rng.choice(
        (rel, f"{rel} (deceased)", f"{rel} - key holder", f"{rel} (NOK)", rel.upper())
    )


CAT_C = (
    Column("NOK_Name", "full_name", "c", lambda r: mk.blanks(r, 0.7, _nok(r))),
    Column(
        "Birth Mother",
        "full_name",
        "c",
        lambda r: mk.blanks(r, 0.6, f"{r.choice(('Mrs', 'Ms', 'Miss'))} {mk.full_name(r)}"),
    ),
    Column("deceased_spouse", "full_name", "c", lambda r: mk.blanks(r, 0.8, _deceased(r))),
    Column(
        "Known As", "forename", "c", lambda r: mk.blanks(r, 0.75, f'"{r.choice(pools.NICKNAMES)}"')
    ),
    Column(
        "Carer 2 Surname",
        "surname",
        "c",
        lambda r: mk.blanks(r, 0.85, f"{mk.surname(r).upper()} ({r.choice(pools.RELATIONSHIPS)})"),
    ),
    Column("Emergency Contact 1", "full_name", "c", lambda r: mk.blanks(r, 0.65, _emergency(r))),
    Column(
        "Appointee (DWP)",
        "full_name",
        "c",
        lambda r: mk.blanks(
            r,
            0.8,
            f"{_title(r)} {mk.initial(mk.forename(r))}. {mk.surname(r)} "
            + r.choice(("(appointee)", "(Corporate)")),
        ),
    ),
    Column("LPA_Attorney_Names", "full_name", "c", lambda r: mk.blanks(r, 0.75, _attorneys(r))),
    Column(
        "Foster Carer Forename",
        "forename",
        "c",
        lambda r: mk.blanks(r, 0.7, f"{mk.forename(r)} ({_title(r)})"),
    ),
    Column("Previous Surname(s)", "surname", "c", lambda r: mk.blanks(r, 0.85, _previous(r))),
    Column("Relationship to client", None, "c", _relationship),
    Column("Title", None, "c", lambda r: mk.blanks(r, 0.5, r.choice(pools.TITLES))),
)

# --- category d: misleading headers ---------------------------------------------------------
PROPER_NOUN_NOTES = (f"Transferred from {h}" for h in pools.HOSPITALS)
RENAL_PROPER = (
    tuple(PROPER_NOUN_NOTES)
    + tuple(f"Dialysis moved to {d}" for d in pools.WEEKDAYS)
    + tuple(f"Started {d.split()[0]}" for d in pools.DRUGS)
    + (
        "Satellite unit in Merthyr Tydfil full",
        "Seen by Welsh Kidney Network",
        "Transport via Welsh Ambulance Service",
        "Holiday dialysis in Tenerife booked",
        "Bloods to Llandough lab",
        "Moved to Mary Seacole Ward",
        "Christmas schedule agreed",
    )
)
STROKE_PROPER = (
    "Admitted via Ninewells ED",
    "CT at the Freeman",
    "Repatriated to Gateshead",
    "ESD team Sunderland",
    "Thrombectomy at the Royal Victoria Infirmary",
    "MRI Tuesday",
    "Carotid dopplers at St James's",
    "Rehab at Walter Tull Ward",
    "Easter weekend admission",
    "SSNAP data submitted",
    "Reviewed by Stroke Association",
)


def _clinic_session(rng: random.Random) -> str:
    return rng.choice(pools.SESSION_NAMES)


def _email_sent(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(("Y", "N"))
    return mk.date_between(rng, 2022, 2024).strftime("%d/%m/%Y")


CAT_D = (
    Column("notes", None, "d", lambda r: _text(r, RENAL_PROPER), free_text=True),
    Column("nhs_ref", None, "d", lambda r: f"NHSSC-{r.randrange(10**7):07d}"),
    Column("Patient Name", None, "d", _clinic_session),
    Column("DOB_flag", None, "d", lambda r: r.choice(("Y", "N", "U", "Y", "Y"))),
    Column("ref", "nhs_number", "d", mk.nhs_number),
    Column("Contact", "email", "d", mk.email),
    Column("Other info", "ni_number", "d", mk.ni_number),
    Column(
        "Description",
        "full_name",
        "d",
        lambda r: f"{_title(r)} {mk.initial(mk.forename(r))} {mk.surname(r).upper()}",
    ),
    Column("Location", "address", "d", mk.address),
    Column(
        "id2",
        "hospital_number",
        "d",
        lambda r: r.choice(("RHW", "RWD", "RTD")) + f"{r.randrange(10**7):07d}",
    ),
    Column("Comments", None, "d", lambda r: _text(r, STROKE_PROPER), free_text=True),
    Column("email_sent", None, "d", _email_sent),
    Column("passport", None, "d", lambda r: r.choice(("Seen", "Not seen", "Copy on file", "N/A"))),
    Column("vehicle", "vehicle_registration", "d", mk.vehicle_registration),
    Column("Driver", "driving_licence", "d", mk.driving_licence),
)

# --- category e: coded or missing headers ---------------------------------------------------
CAT_E = (
    Column("field_23", "nhs_number", "e", lambda r: _spaced_nhs(mk.nhs_number(r))),
    Column("col_17", "surname", "e", mk.surname),
    Column("Unnamed: 3", "phone", "e", mk.phone),
    Column("F12", "postcode", "e", mk.postcode),
    Column("_c4", "email", "e", mk.email),
    Column("attr9", "date_of_birth", "e", lambda r: mk.date_of_birth(r).strftime("%d/%m/%Y")),
    Column("V0042", "passport_number", "e", mk.passport_number),
    Column("fld_PX_07", "uprn", "e", mk.uprn),
    Column("Column1", "forename", "e", mk.forename),
    Column("F3", None, "e", lambda r: r.choice(pools.WARD_CODES)),
    Column("_c11", None, "e", lambda r: f"{r.randint(8, 17):02d}:{r.choice((0, 15, 30, 45)):02d}"),
    Column("attr2", None, "e", lambda r: r.choice(("0", "1"))),
    Column("Unnamed: 8", None, "e", lambda r: r.choice(pools.SNOMED_CODES)),
    Column("col_5", None, "e", lambda r: r.choice(pools.HRG_CODES)),
    Column("X_22", "driving_licence", "e", mk.driving_licence),
)


# --- category f: mixed formats --------------------------------------------------------------
def _nhs_mixed(rng: random.Random) -> str:
    n = mk.nhs_number(rng)
    return rng.choice(
        (
            _spaced_nhs(n),
            f"{n[:3]}-{n[3:6]}-{n[6:]}",
            n,
            f"NHS: {_spaced_nhs(n)}",
            f"{n}V",
            f"{_spaced_nhs(n)} v",
            f"NHS No. {n}",
        )
    )


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _dob_mixed(rng: random.Random) -> str:
    d = mk.date_of_birth(rng)
    return rng.choice(
        (
            d.strftime("%d/%m/%Y"),
            d.isoformat(),
            f"{d.day} {d.strftime('%b %y')}",
            d.strftime("%d.%m.%y"),
            f"{_ordinal(d.day)} {d.strftime('%B %Y')}",
            d.strftime("%d-%b-%Y").upper(),
            d.strftime("%Y%m%d"),
            f"{d.day}/{d.month}/{d.year}",
        )
    )


def _postcode_odd(rng: random.Random) -> str:
    p = mk.postcode(rng)
    out, inward = p.split()
    return rng.choice(
        (
            p.lower(),
            out + inward,
            f"{out.capitalize()}  {inward}",
            p,
            f" {p} ",
            f"{out.lower()} {inward}",
        )
    )


def _phone_mixed(rng: random.Random) -> str:
    area, prefix, tail = mk.phone_parts(rng)
    national = area[1:]
    ext = f"{rng.choice((' ext ', ' x', ' Ext. '))}{rng.randint(100, 9999)}"
    return rng.choice(
        (
            f"+44 ({0}){national} {prefix} {tail}".replace("({0})", "(0)"),
            f"+44 {national} {prefix}{tail}",
            f"({area}) {prefix} {tail}{ext}",
            f"{area}.{prefix}.{tail}",
            f"{area} {prefix} {tail}{ext}",
            f"{area}{prefix}{tail}",
            f"+44{national}{prefix}{tail}",
        )
    )


def _email_mixed(rng: random.Random) -> str:
    e = mk.email(rng)
    return rng.choice((e, f"{mk.full_name(rng)} <{e}>", e.upper(), f"mailto:{e}", f"<{e}>"))


def _chi_mixed(rng: random.Random) -> str:
    c = mk.chi_number(rng)
    return rng.choice((f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}", c))


def _nino_mixed(rng: random.Random) -> str:
    n = mk.ni_number(rng)
    return rng.choice(
        (
            f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:8]} {n[8]}",
            n.lower(),
            n[:8],
            f"{n[:2]} {n[2:8]} {n[8]}",
            n,
        )
    )


def _mrn_mixed(rng: random.Random) -> str:
    digits = f"{rng.randrange(10**6):06d}"
    return rng.choice(
        (
            f"k{digits}",
            f"K {digits}",
            f"RHW-0{digits}",
            f"rhw0{digits}",
            f"M0{digits}",
            f"K{digits}",
        )
    )


def _reg_mixed(rng: random.Random) -> str:
    v = mk.vehicle_registration(rng)
    return rng.choice((v, v.lower().replace(" ", ""), v.replace(" ", "-"), v.replace(" ", "")))


def _licence_mixed(rng: random.Random) -> str:
    n = mk.driving_licence(rng)
    return rng.choice((n, n.lower(), f"{n[:5]} {n[5:11]} {n[11:]}", f"{n[:5]}{n[5:11]} {n[11:]}"))


def _address_mixed(rng: random.Random) -> str:
    a = mk.address(rng, rng.choice((", ", "; ", "\n", " ")))
    return rng.choice((a, a.upper(), a.lower()))


def _clerk_name(rng: random.Random) -> str:
    first, last = mk.person(rng)
    return rng.choice(
        (
            f"{last.upper()}, {first}",
            f"{_title(rng)} {first[0]} {last.upper()}",
            f"{last.upper()} {first} ({_title(rng)})",
            f"{first[0].lower()}. {last.lower()}",
            f"{first} {last}",
            f"{last}, {first[0]}.",
        )
    )


def _test_time(rng: random.Random) -> str:
    d = datetime.datetime.combine(
        mk.date_between(rng, 2020, 2022), datetime.time(rng.randint(7, 20), rng.randint(0, 59))
    )
    return rng.choice(
        (
            d.strftime("%d/%m/%Y %H:%M"),
            d.isoformat(timespec="seconds"),
            d.strftime("%d-%b-%y %H.%M"),
            d.strftime("%Y%m%d%H%M"),
        )
    )


CAT_F = (
    Column("NHS Number (PDS)", "nhs_number", "f", _nhs_mixed),
    Column("Date of Birth", "date_of_birth", "f", _dob_mixed),
    Column("POST CODE", "postcode", "f", _postcode_odd),
    Column("Tel (inc. ext)", "phone", "f", _phone_mixed),
    Column("E-mail addr", "email", "f", _email_mixed),
    Column("CHI No.", "chi_number", "f", _chi_mixed),
    Column("NINO", "ni_number", "f", _nino_mixed),
    Column("MRN / Hosp No", "hospital_number", "f", _mrn_mixed),
    Column("Veh Reg", "vehicle_registration", "f", _reg_mixed),
    Column("Licence No", "driving_licence", "f", _licence_mixed),
    Column("Address (single line)", "address", "f", _address_mixed),
    Column("Patient (name)", "full_name", "f", _clerk_name),
    Column("Test date / time", None, "f", _test_time),
)


# --- category g: look-alikes of kind None ---------------------------------------------------
def _ods(rng: random.Random) -> str:
    return rng.choice(
        (
            "R" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTVWXYZ") for _ in range(2)),
            f"Y0{rng.randint(1000, 9999)}",
            f"{rng.choice('CDEFGHJKLMNP')}{rng.randint(81000, 89999)}",
            f"7A{rng.randint(1, 7)}",
        )
    )


def _grid(rng: random.Random) -> str:
    square = rng.choice(("ST", "SS", "SJ", "NZ", "SE", "NO", "NS"))
    return f"{square} {rng.randrange(10**5):05d} {rng.randrange(10**5):05d}"


CAT_G = (
    Column(
        "InvoiceNo", None, "g", lambda r: f"INV-{r.randint(2019, 2024)}-{r.randrange(10**6):06d}"
    ),
    Column(
        "BatchLot",
        None,
        "g",
        lambda r: r.choice(("FK", "EW", "PCA", "1F", "MD")) + str(r.randint(100, 9999)),
    ),
    Column("SNOMED_CT", None, "g", lambda r: r.choice(pools.SNOMED_CODES)),
    Column("ODS Code", None, "g", _ods),
    Column("Bed", None, "g", lambda r: f"W{r.randint(1, 30):02d}-B{r.randint(1, 28):02d}"),
    Column(
        "RotaCode",
        None,
        "g",
        lambda r: (
            f"DN-{r.choice('NESW')}{r.randint(1, 6)}-{r.choice(('EARLY', 'LATE', 'TWI', 'NIGHT'))}"
        ),
    ),
    Column("Clinic", None, "g", lambda r: r.choice(pools.CLINICS)),
    Column("Ward", None, "g", lambda r: r.choice(pools.PEOPLE_WARDS)),
    Column("Drug", None, "g", lambda r: r.choice(pools.DRUGS)),
    Column(
        "Dialysis Start Time",
        None,
        "g",
        lambda r: r.choice(("07:30", "08:00", "12:15", "12:45", "17:30", "18:00")),
    ),
    Column("Grid Ref", None, "g", _grid),
    Column("HCLIC_Reason_Code", None, "g", lambda r: r.choice(pools.HCLIC_CODES)),
    Column(
        "EHCP Ref", None, "g", lambda r: f"EHC/{r.randint(2018, 2024)}/{r.randrange(10**5):05d}"
    ),
    Column("ICD10", None, "g", lambda r: r.choice(pools.ICD10_CODES)),
)

# --- category h: hard names -----------------------------------------------------------------
GAELIC_FIRST = ("Seonaidh", "Màiri", "Eilidh", "Calum", "Seumas", "Ciorstaidh", "Dòmhnall")
GAELIC_LAST = (
    "Mac an t-Saoir",
    "NicDhòmhnaill",
    "MacLeòid",
    "Ní Bhriain",
    "Ó Floinn",
    "MacCoinnich",
    "NicLeòid",
    "Mac Cárthaigh",
)
HARD_LAST = (
    "O'Sullivan",
    "de Souza",
    "Kowalska-Smith",
    "van der Berg",
    "al-Rashid",
    "Mensah-Bonsu",
    "ap Rhys",
    "dos Santos",
    "D'Souza",
    "Coleman-Burgess",
    "Le",
    "Mac an t-Saoir",
    "St John",
    "Ní Bhriain",
)
DIACRITIC_FIRST = (
    "Zoë",
    "Łucja",
    "Seán",
    "Çağla",
    "Gülşen",
    "João",
    "Inês",
    "Ciarán",
    "Małgorzata",
    "Gráinne",
    "Conceição",
    "Oğuz",
    "Renée",
    "Bríd",
)


def _gaelic_full(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return f"{rng.choice(GAELIC_FIRST)} {rng.choice(GAELIC_LAST)}"
    return mk.full_name(rng)


def _initials(rng: random.Random) -> str:
    letters = ".".join(rng.choice("ABCDEFGHJKLMNPRSTW") for _ in range(rng.randint(1, 2)))
    return f"{letters}. {rng.choice(HARD_LAST + tuple(pools.SURNAMES['south_asian']))}"


CAT_H = (
    Column("Enw Cyntaf", "forename", "h", mk.forename),
    Column("Cyfenw", "surname", "h", mk.surname),
    Column("Ainm", "full_name", "h", _gaelic_full),
    Column(
        "Sloinneadh",
        "surname",
        "h",
        lambda r: r.choice(GAELIC_LAST) if r.random() < 0.6 else mk.surname(r),
    ),
    Column("NAME_UPPER", "full_name", "h", lambda r: mk.full_name(r).upper()),
    Column(
        "Client (Surname, Forename)",
        "full_name",
        "h",
        lambda r: (lambda p: f"{p[1].upper()}, {p[0]}")(mk.person(r)),
    ),
    Column(
        "Forename(s)",
        "forename",
        "h",
        lambda r: r.choice(DIACRITIC_FIRST) if r.random() < 0.6 else mk.forename(r),
    ),
    Column(
        "family_name",
        "surname",
        "h",
        lambda r: r.choice(HARD_LAST) if r.random() < 0.6 else mk.surname(r),
    ),
    Column(
        "Preferred name", "forename", "h", lambda r: r.choice(pools.WORD_FORENAMES + pools.MONONYMS)
    ),
    Column("Last", "surname", "h", lambda r: r.choice(pools.WORD_SURNAMES)),
    Column("Referred Pt", "full_name", "h", _initials),
    Column("CLIENT_FORENAME", "forename", "h", lambda r: mk.forename(r).lower()),
)


# --- category s: staff names ----------------------------------------------------------------
def _staff(rng: random.Random) -> str:
    first, last = mk.person(rng)
    return f"{first} {last}"


CAT_S = (
    Column(
        "ConsultantNephrologist",
        "full_name",
        "s",
        lambda r: f"Dr {mk.initial(mk.forename(r))}. {mk.surname(r)}",
    ),
    Column("key_worker", "full_name", "s", _staff),
    Column(
        "referrer",
        "full_name",
        "s",
        lambda r: (
            f"{_title(r)} {mk.initial(mk.forename(r))} {mk.surname(r)} "
            f"({r.choice(('HV', 'GP', 'SW', 'OT', 'DN', 'CPN'))})"
        ),
    ),
    Column("BestInterestsAssessor", "full_name", "s", _staff),
    Column(
        "Registrar",
        "full_name",
        "s",
        lambda r: f"{mk.surname(r).upper()} {mk.forename(r)} ({r.choice(('Reg.', 'Dep. Reg.'))})",
    ),
    Column("District Nurse (Band 6)", "full_name", "s", _staff),
)

COLUMNS: tuple[Column, ...] = CAT_A + CAT_B + CAT_C + CAT_D + CAT_E + CAT_F + CAT_G + CAT_H + CAT_S


def make_heldout9_columns(
    seed: int = 31, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict[str, object]]]:
    """Build held-out corpus 9.

    Args:
        seed: Seed of the whole corpus; each column uses `heldout9:{seed}:{name}`.
        rows: Number of rows in every column.

    Returns:
        (values, labels): values maps each header to its cells (strings, None for blank);
        labels maps each header to {"kind", "direct", "free_text", "category"}.
    """
    values: dict[str, list[str | None]] = {}
    labels: dict[str, dict[str, object]] = {}
    for column in COLUMNS:
        rng = random.Random(f"heldout9:{seed}:{column.name}")
        values[column.name] = [column.make(rng) for _ in range(rows)]
        labels[column.name] = {
            "kind": column.kind,
            "direct": column.direct,
            "free_text": column.free_text or column.category == "a",
            "category": column.category,
        }
    return values, labels
