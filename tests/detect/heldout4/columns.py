"""The fourth blind held-out detection corpus: ``make_heldout4_columns``.

Built from TRAPS.md (written first, without reading the detector). Each column is drawn from its
own ``random.Random(f"heldout4:{seed}:{name}")``, so a column never changes when another does.
Values are strings as read from a CSV, or None for an empty cell.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from tests.detect.heldout4 import cells, free_text, pools, values
from tests.detect.heldout4.values import (
    birth_date,
    email,
    failing_ten_digits,
    forename,
    full_name,
    hospital_number,
    nhs_number,
    ni_number,
    phone,
    postcode,
    surname,
    uprn,
)

Column = list[str | None]
Builder = Callable[[random.Random, int], Column]


def _col(make: Callable[[random.Random], str], blank: float = 0.0) -> Builder:
    def build(rng: random.Random, rows: int) -> Column:
        return [None if rng.random() < blank else make(rng) for _ in range(rows)]

    return build


def _pick(options: tuple[str, ...], blank: float = 0.0) -> Builder:
    return _col(lambda rng: rng.choice(options), blank)


def _planted(name: str) -> Builder:
    return lambda rng, rows: free_text.planted_column(rng, name, rows)


# ---- g: look-alikes of kind None ------------------------------------------------------------


def _snomed(rng: random.Random) -> str:
    length = rng.choice((6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18))
    return str(rng.randint(1, 9)) + "".join(rng.choices(string.digits, k=length - 1))


def _ods(rng: random.Random) -> str:
    return rng.choice(
        (
            f"R{rng.choice(string.ascii_uppercase)}{rng.randint(0, 9)}",
            f"{rng.choice('ABCDEFGHJKLMNP')}{rng.randint(80000, 89999)}",
            f"Y0{rng.randint(1000, 9999)}",
            f"RR8{rng.randint(10, 99)}",
        )
    )


def _grid(rng: random.Random) -> str:
    square = rng.choice(("SE", "NZ", "SJ", "ST", "NT", "NS", "SK", "TQ", "SU", "NH", "SS"))
    width = rng.choice((2, 3, 5))
    east = f"{rng.randint(0, 10**width - 1):0{width}d}"
    north = f"{rng.randint(0, 10**width - 1):0{width}d}"
    return rng.choice((f"{square} {east} {north}", f"{square}{east}{north}"))


WARD_NAMES = (
    "Florence Nightingale Ward",
    "Mary Seacole Unit",
    "Aneurin Bevan Ward",
    "Edith Cavell Ward",
    "Joseph Lister Ward",
    "Elsie Inglis Unit",
    "Betsi Cadwaladr Ward",
    "Elizabeth Garrett Anderson Ward",
    "Jenner Ward",
    "Nye Bevan Day Unit",
    "Cicely Saunders Hospice Suite",
)
DRUGS = (
    "Co-amoxiclav 625mg tablets",
    "Metformin 500mg",
    "Amlodipine 5mg",
    "Apixaban 2.5mg",
    "Sertraline 50mg",
    "Salbutamol 100mcg",
    "Lansoprazole 30mg",
    "Morphine sulfate 10mg/5ml",
    "Levothyroxine 75mcg",
    "Ferrous fumarate 210mg",
)
CLINICS = (
    "Hepatology (Chapel Allerton)",
    "Fracture Clinic - Pinderfields",
    "Diabetic Eye Screening",
    "Memory Clinic (Otley)",
    "Anticoagulation - St James's",
    "Paediatric Asthma Clinic",
    "Wound Care Hub Harehills",
)
TRUSTS = (
    "Leeds Teaching Hospitals NHS Trust",
    "Cardiff and Vale University Health Board",
    "NHS Tayside",
    "Newcastle upon Tyne Hospitals NHS Foundation Trust",
    "Bradford Teaching Hospitals NHS Foundation Trust",
    "NHS Highland",
    "Airedale NHS Foundation Trust",
)
ROTA = ("LD", "N12", "E07/L", "ON", "AL", "SD", "N", "E", "L", "TOIL", "LD/N", "E08", "SL")


# ---- h and s: hard names and staff ----------------------------------------------------------


def _mononym_or_full(rng: random.Random) -> str:
    return rng.choice(pools.MONONYMS) if rng.random() < 0.25 else full_name(rng)


def _surname_comma(rng: random.Random) -> str:
    given = forename(rng) + (f" {forename(rng)}" if rng.random() < 0.3 else "")
    return f"{surname(rng).upper()}, {given}"


def _family_first(rng: random.Random) -> str:
    origin = rng.choice(("chinese", "vietnamese", "chinese", "somali", "turkish"))
    return f"{rng.choice(pools.SURNAMES[origin]).upper()} {rng.choice(pools.FORENAMES[origin])}"


def _welsh_forename(rng: random.Random) -> str:
    return rng.choice(pools.FORENAMES["welsh"]) if rng.random() < 0.5 else forename(rng)


def _irish_surname(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES["irish"]) if rng.random() < 0.5 else surname(rng)


def _gp(rng: random.Random) -> str:
    given = forename(rng)
    return rng.choice(
        (
            f"Dr {given[0]} {surname(rng)}",
            f"Dr {given} {surname(rng)}",
            f"DR {surname(rng).upper()}",
        )
    )


def _referrer(rng: random.Random) -> str:
    role = rng.choice(("GP", "practice nurse", "health visitor", "school nurse", "SALT"))
    title = "Dr " if role == "GP" else ""
    return f"{title}{full_name(rng)} ({role})"


def _consultant(rng: random.Random) -> str:
    return f"{rng.choice(('Mr', 'Ms', 'Dr', 'Prof.', 'Miss'))} {full_name(rng)}"


def _named_nurse(rng: random.Random) -> str:
    return full_name(rng) + rng.choice(("", " RN", " (Band 5)", ", RMN", ""))


def _clinician_comma(rng: random.Random) -> str:
    return f"{surname(rng)}, {forename(rng)[0]}"


def _signed_off(rng: random.Random) -> str:
    return f"{forename(rng)[0]}. {surname(rng)} (Band {rng.randint(5, 8)})"


# name -> (builder, kind, direct, free_text, category); order is the TRAPS.md order
SPEC: tuple[tuple[str, Builder, str | None, bool, str], ...] = (
    *(
        (name, _planted(name), kind, kind not in ("date_of_birth", "postcode"), "a")
        for name, kind in (
            ("triage_comment", "nhs_number"),
            ("callback_note", "phone"),
            ("correspondence_log", "email"),
            ("safeguarding_memo", "full_name"),
            ("transport_request", "address"),
            ("pharmacy_query", "date_of_birth"),
            ("outreach_diary", "postcode"),
            ("benefits_advice_note", "ni_number"),
            ("scottish_referral_text", "chi_number"),
            ("records_request_text", "hospital_number"),
            ("travel_clinic_note", "passport_number"),
            ("parking_permit_comment", "vehicle_registration"),
            ("fitness_to_drive_note", "driving_licence"),
        )
    ),
    ("nhs_no_xl", _col(lambda r: nhs_number(r) + ".0", 0.05), "nhs_number", True, "b"),
    ("nhs_sci", _col(cells.nhs_sci, 0.05), "nhs_number", True, "b"),
    ("chi_lost_zero", _col(cells.chi_lost_zero, 0.03), "chi_number", True, "b"),
    ("uprn_commas", _col(lambda r: f"{int(uprn(r)):,}", 0.08), "uprn", True, "b"),
    ("phone_no_zero", _col(lambda r: values.phone_compact(phone(r))[1:], 0.1), "phone", True, "b"),
    ("telephone_sci", _col(cells.telephone_sci, 0.1), "phone", True, "b"),
    (
        "hosp_num_float",
        _col(lambda r: f"{r.choice(('400', '100', '700'))}{r.randint(0, 99999):05d}.0", 0.02),
        "hospital_number",
        True,
        "b",
    ),
    ("case_ref", _col(failing_ten_digits), None, False, "b"),
    ("invoice_total", _col(cells.invoice_total, 0.02), None, False, "b"),
    ("egfr_result", _col(cells.egfr, 0.15), None, False, "b"),
    ("steps_count", _col(lambda r: f"{r.randint(40, 28000):,}", 0.1), None, False, "b"),
    ("sample_barcode_sci", _col(cells.barcode_sci), None, False, "b"),
    ("cost_centre_code", _col(lambda r: failing_ten_digits(r) + ".0"), None, False, "b"),
    ("next_of_kin", _col(cells.next_of_kin, 0.70), "full_name", True, "c"),
    ("contact_person_2", _col(cells.contact_person_2, 0.80), "full_name", True, "c"),
    ("deceased_relative", _col(cells.deceased_relative, 0.85), "full_name", True, "c"),
    ("preferred_name", _col(cells.preferred_name, 0.60), "forename", True, "c"),
    ("carer_names", _col(cells.carer_names, 0.75), "full_name", True, "c"),
    ("mothers_maiden_name", _col(cells.maiden, 0.65), "surname", True, "c"),
    ("emergency_contact", _col(cells.emergency_contact, 0.55), "full_name", True, "c"),
    ("guardian", _col(cells.guardian, 0.86), "surname", True, "c"),
    ("alias_forename", _col(cells.alias, 0.80), "forename", True, "c"),
    ("household_members", _col(cells.household, 0.70), "forename", True, "c"),
    ("witness_name", _col(cells.witness, 0.88), "full_name", True, "c"),
    ("patient_name_flagged", _col(cells.flagged, 0.55), "full_name", True, "c"),
    ("surname_at_birth", _col(cells.surname_at_birth, 0.75), "surname", True, "c"),
    ("notes", lambda r, n: free_text.notes_column(r, n, free_text.NOTES), None, False, "d"),
    ("comments", lambda r, n: free_text.notes_column(r, n, free_text.COMMENTS), None, False, "d"),
    (
        "nhs_ref",
        _col(lambda r: f"PO-{r.randint(2019, 2026)}-{r.randint(0, 999999):06d}"),
        None,
        False,
        "d",
    ),
    ("patient_id", _col(cells.hex_token), None, False, "d"),
    ("ref", _col(nhs_number, 0.05), "nhs_number", True, "d"),
    ("value", _col(email, 0.1), "email", True, "d"),
    ("contact", _col(phone, 0.1), "phone", True, "d"),
    ("name", _pick(pools.SERVICES), None, False, "d"),
    ("dob_flag", _pick(("Y", "N", "U", "Y", "Y")), None, False, "d"),
    (
        "address_type",
        _pick(("Home", "Care home", "NFA", "Temporary", "Hostel", "Home")),
        None,
        False,
        "d",
    ),
    ("info", _col(cells.dmy, 0.05), "date_of_birth", False, "d"),
    ("id", lambda r, n: [str(i + 1) for i in range(n)], None, False, "d"),
    ("desc", _col(full_name, 0.05), "full_name", True, "d"),
    ("location", _col(postcode, 0.05), "postcode", False, "d"),
    ("field_23", _col(lambda r: cells.spaced(nhs_number(r)), 0.03), "nhs_number", True, "e"),
    ("col_17", _col(cells.admission), None, False, "e"),
    ("Unnamed: 3", _col(full_name, 0.02), "full_name", True, "e"),
    ("F12", _col(postcode, 0.04), "postcode", False, "e"),
    ("_c4", _col(cells.amount), None, False, "e"),
    ("attr9", _col(email, 0.2), "email", True, "e"),
    ("field_24", _col(failing_ten_digits), None, False, "e"),
    ("col_18", _col(cells.phone_mixed, 0.15), "phone", True, "e"),
    ("Unnamed: 4", _pick(("yes", "no", "unknown", "no"), 0.1), None, False, "e"),
    ("F13", _col(ni_number, 0.1), "ni_number", True, "e"),
    ("_c5", _col(lambda r: birth_date(r).isoformat(), 0.02), "date_of_birth", False, "e"),
    (
        "attr10",
        _pick(("GP", "A&E", "111", "Self", "School nurse", "Health visitor")),
        None,
        False,
        "e",
    ),
    ("V7", _col(surname, 0.02), "surname", True, "e"),
    ("column_8", _col(hospital_number, 0.02), "hospital_number", True, "e"),
    ("nhs_number_mixed", _col(cells.nhs_mixed, 0.05), "nhs_number", True, "f"),
    ("dob_mixed", _col(cells.dob_mixed, 0.05), "date_of_birth", False, "f"),
    ("postcode_mixed", _col(cells.postcode_mixed, 0.05), "postcode", False, "f"),
    ("phone_mixed", _col(cells.phone_mixed, 0.1), "phone", True, "f"),
    ("chi_mixed", _col(cells.chi_mixed, 0.05), "chi_number", True, "f"),
    ("ni_mixed", _col(cells.ni_mixed, 0.1), "ni_number", True, "f"),
    ("email_mixed", _col(cells.email_mixed, 0.1), "email", True, "f"),
    ("dob_with_age", _col(cells.dob_with_age, 0.05), "date_of_birth", False, "f"),
    ("vrm_mixed", _col(cells.vrm_mixed, 0.2), "vehicle_registration", True, "f"),
    ("driving_licence_mixed", _col(cells.licence_mixed, 0.3), "driving_licence", True, "f"),
    ("passport_mixed", _col(cells.passport_mixed, 0.4), "passport_number", True, "f"),
    ("hosp_no_mixed", _col(cells.hosp_mixed, 0.02), "hospital_number", True, "f"),
    ("uprn_mixed", _col(cells.uprn_mixed, 0.1), "uprn", True, "f"),
    ("address_mixed", _col(cells.address_mixed, 0.05), "address", True, "f"),
    ("order_number", _col(lambda r: f"ORD-{r.randint(0, 99999999):08d}"), None, False, "g"),
    (
        "invoice_no",
        _col(lambda r: f"INV/{r.randint(2020, 2026)}/{r.randint(1, 99999):05d}"),
        None,
        False,
        "g",
    ),
    (
        "batch_number",
        _col(
            lambda r: "".join(r.choices(string.ascii_uppercase, k=2)) + f"{r.randint(1000, 9999)}"
        ),
        None,
        False,
        "g",
    ),
    ("snomed_code", _col(_snomed), None, False, "g"),
    ("ods_code", _col(_ods), None, False, "g"),
    (
        "bed_code",
        _col(lambda r: f"WD{r.randint(1, 40):02d}-{r.choice('ABCDEF')}{r.randint(1, 12):02d}"),
        None,
        False,
        "g",
    ),
    ("rota_code", _pick(ROTA), None, False, "g"),
    ("clinic_name", _pick(CLINICS), None, False, "g"),
    ("ward_name", _pick(WARD_NAMES), None, False, "g"),
    ("drug_name", _pick(DRUGS), None, False, "g"),
    (
        "appointment_time",
        _col(
            lambda r: (
                f"{r.randint(8, 17):02d}:{r.choice((0, 15, 30, 45)):02d}" + r.choice(("", ":00"))
            )
        ),
        None,
        False,
        "g",
    ),
    ("grid_reference", _col(_grid), None, False, "g"),
    (
        "specimen_id",
        _col(lambda r: f"{r.randint(19, 26)}{r.choice('HBMQ')}{r.randint(0, 999999):06d}"),
        None,
        False,
        "g",
    ),
    ("nhs_trust_name", _pick(TRUSTS), None, False, "g"),
    ("forename_diacritics", _pick(pools.DIACRITIC_FORENAMES, 0.05), "forename", True, "h"),
    ("surname_apostrophe", _pick(pools.APOSTROPHE_SURNAMES, 0.05), "surname", True, "h"),
    ("surname_hyphen", _pick(pools.HYPHEN_SURNAMES, 0.05), "surname", True, "h"),
    ("surname_particle", _pick(pools.PARTICLE_SURNAMES, 0.05), "surname", True, "h"),
    ("patient_name_mono", _col(_mononym_or_full, 0.03), "full_name", True, "h"),
    ("NAME_UPPER", _col(lambda r: full_name(r).upper(), 0.03), "full_name", True, "h"),
    ("word_surnames", _pick(pools.WORD_SURNAMES, 0.05), "surname", True, "h"),
    ("word_forenames", _pick(pools.WORD_FORENAMES, 0.05), "forename", True, "h"),
    ("enw_cyntaf", _col(_welsh_forename, 0.05), "forename", True, "h"),
    ("cyfenw", _col(surname, 0.05), "surname", True, "h"),
    ("ainm", _col(full_name, 0.05), "full_name", True, "h"),
    ("sloinne", _col(_irish_surname, 0.05), "surname", True, "h"),
    ("surname_comma_forename", _col(_surname_comma, 0.03), "full_name", True, "h"),
    ("family_name_first", _col(_family_first, 0.03), "full_name", True, "h"),
    ("gp_name", _col(_gp, 0.05), "full_name", True, "s"),
    ("key_worker", _col(full_name, 0.3), "full_name", True, "s"),
    ("referrer", _col(_referrer, 0.1), "full_name", True, "s"),
    ("consultant", _col(_consultant, 0.1), "full_name", True, "s"),
    ("named_nurse", _col(_named_nurse, 0.2), "full_name", True, "s"),
    ("discharging_clinician", _col(_clinician_comma, 0.15), "full_name", True, "s"),
    ("signed_off_by", _col(_signed_off, 0.1), "full_name", True, "s"),
)

FREE_TEXT_NOTES = ("notes", "comments")


def make_heldout4_columns(
    seed: int = 7, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict[str, object]]]:
    """Build the fourth held-out corpus.

    Args:
        seed: Corpus seed; each column uses ``random.Random(f"heldout4:{seed}:{name}")``.
        rows: Number of rows in every column.

    Returns:
        ``(columns, labels)``: columns map a header to CSV-style string values (None is an empty
        cell); labels map the header to ``{"kind", "direct", "free_text", "category"}``.
    """
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict[str, object]] = {}
    for name, build, kind, direct, category in SPEC:
        rng = random.Random(f"heldout4:{seed}:{name}")
        columns[name] = build(rng, rows)
        labels[name] = {
            "kind": kind,
            "direct": direct,
            "free_text": category == "a" or name in FREE_TEXT_NOTES,
            "category": category,
        }
    return columns, labels
