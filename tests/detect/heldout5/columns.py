"""The fifth blind held-out detection corpus: the columns and their labels.

Written from TRAPS.md without reading the detector. Each column draws from its own
``random.Random(f"heldout5:{seed}:{name}")`` so adding or reordering columns never changes another
column's values. Values are strings as a CSV reader would give them, or None for an empty cell.
"""

from __future__ import annotations

import random

from tests.detect.heldout5 import pools
from tests.detect.heldout5 import values as v
from tests.detect.heldout5.makers import (
    CARE_FILLERS,
    HOUSING_FILLERS,
    MONEY_FILLERS,
    NICKNAMES,
    PLAIN_FILLERS,
    ROLES,
    TRIAGE_FILLERS,
    WARD_FILLERS,
    Maker,
    address_mixed,
    appointment_text,
    blanks,
    chi_mixed,
    clinic,
    dob_in_text,
    dob_text,
    email_mixed,
    hosp_mixed,
    licence_mixed,
    minority,
    name_mixed,
    nhs_any,
    ni_mixed,
    passport_mixed,
    phone_in_text,
    phone_mixed,
    pick,
    postcode_messy,
    reg_mixed,
    sci_full,
    sci_lossy,
    snomed,
    title_initial_surname,
)

NOT_DIRECT = {"date_of_birth", "postcode", "None"}

SPECS: tuple[tuple[str, str, str, bool, Maker], ...] = (
    # a) identifiers in a minority of free-text rows
    ("duty_log_entry", "phone", "a", True, minority(0.08, CARE_FILLERS, phone_in_text)),
    (
        "triage_note",
        "nhs_number",
        "a",
        True,
        minority(
            0.10,
            TRIAGE_FILLERS,
            lambda r: r.choice(
                [
                    f"NHS no {v.spaced_nhs(v.nhs_number(r))} confirmed with pt",
                    f"pt gave NHS number {v.nhs_number(r)} verbally",
                ]
            ),
        ),
    ),
    (
        "safeguarding_narrative",
        "full_name",
        "a",
        True,
        minority(
            0.07,
            CARE_FILLERS,
            lambda r: r.choice(
                [
                    f"{v.full_name(r)} (child) seen at school with bruising to arm",
                    f"Strategy meeting held re {v.full_name(r)}, plan agreed",
                ]
            ),
        ),
    ),
    (
        "housing_repair_desc",
        "email",
        "a",
        True,
        minority(0.06, HOUSING_FILLERS, lambda r: f"Tenant wants updates by email to {v.email(r)}"),
    ),
    ("school_nurse_obs", "date_of_birth", "a", True, minority(0.12, PLAIN_FILLERS, dob_in_text)),
    (
        "discharge_comment",
        "address",
        "a",
        True,
        minority(0.09, WARD_FILLERS, lambda r: f"Discharged to daughter's at {v.address(r)}"),
    ),
    (
        "benefit_claim_memo",
        "ni_number",
        "a",
        True,
        minority(
            0.10,
            MONEY_FILLERS,
            lambda r: r.choice(
                [
                    f"NINO {v.ni_number(r)} confirmed with DWP",
                    f"claimant NI no. {ni_mixed(r)} on file",
                ]
            ),
        ),
    ),
    (
        "ambulance_handover_text",
        "hospital_number",
        "a",
        True,
        minority(
            0.08,
            TRIAGE_FILLERS,
            lambda r: f"Known to us, MRN {v.hospital_number(r)} from last attendance",
        ),
    ),
    (
        "gp_consult_freetext",
        "chi_number",
        "a",
        True,
        minority(
            0.06, PLAIN_FILLERS, lambda r: f"Temp resident, CHI {chi_mixed(r)} checked on SCI Store"
        ),
    ),
    (
        "blue_badge_note",
        "vehicle_registration",
        "a",
        True,
        minority(
            0.09,
            PLAIN_FILLERS,
            lambda r: f"Car reg {v.vehicle_registration(r)} parked on drive at visit",
        ),
    ),
    (
        "travel_clinic_remark",
        "passport_number",
        "a",
        True,
        minority(
            0.07,
            PLAIN_FILLERS,
            lambda r: f"Passport no {v.passport_number(r)} seen for yellow fever certificate",
        ),
    ),
    (
        "transport_eligibility_note",
        "driving_licence",
        "a",
        True,
        minority(
            0.08,
            PLAIN_FILLERS,
            lambda r: f"Still drives, licence {v.driving_licence(r)} - not eligible",
        ),
    ),
    (
        "council_tax_query",
        "uprn",
        "a",
        True,
        minority(0.10, MONEY_FILLERS, lambda r: f"Band query for UPRN {v.uprn(r)}, passed to VOA"),
    ),
    (
        "outreach_contact_note",
        "postcode",
        "a",
        True,
        minority(
            0.11,
            CARE_FILLERS,
            lambda r: r.choice(
                [f"Bedded down near {v.postcode(r)}", f"Moved into hostel, {v.postcode(r)}"]
            ),
        ),
    ),
    # b) spreadsheet damage and numeric look-alikes
    ("nhs_no_xls", "nhs_number", "b", False, lambda r: f"{v.nhs_number(r)}.0"),
    (
        "NHSNumber_sci",
        "nhs_number",
        "b",
        False,
        lambda r: (sci_lossy if r.random() < 0.7 else str)(v.nhs_number(r)),
    ),
    ("chi_lost_zero", "chi_number", "b", False, lambda r: str(int(v.chi_number(r)))),
    ("uprn_commas", "uprn", "b", False, lambda r: f"{int(v.uprn(r)):,}"),
    ("hosp_no_float", "hospital_number", "b", False, lambda r: f"{r.randint(1000000, 99999999)}.0"),
    ("tel_lost_zero", "phone", "b", False, lambda r: v.phone_digits(r)[1:]),
    (
        "nhs_no_int_export",
        "nhs_number",
        "b",
        False,
        lambda r: r.choice([sci_full, lambda n: f"{n}.0", str])(v.nhs_number(r)),
    ),
    ("ten_digit_ref_fail11", "None", "b", False, v.failing_ten_digit),
    ("invoice_total_gbp", "None", "b", False, lambda r: f"{r.uniform(5, 25000):,.2f}"),
    (
        "egfr_result",
        "None",
        "b",
        False,
        lambda r: r.choice([">90", f"{r.randint(8, 89)}.0", str(r.randint(8, 89))]),
    ),
    ("hba1c_mmol", "None", "b", False, lambda r: f"{r.uniform(30, 110):.1f}"),
    (
        "attendance_count",
        "None",
        "b",
        False,
        lambda r: r.choice(["{}", "{}.0"]).format(r.randint(0, 40)),
    ),
    (
        "case_ref_numeric",
        "None",
        "b",
        False,
        lambda r: (sci_lossy if r.random() < 0.6 else sci_full)(v.failing_ten_digit(r)),
    ),
    ("payroll_no", "None", "b", False, lambda r: f"{r.randint(10000000, 99999999)}.0"),
    # c) annotated name columns, mostly blank
    (
        "next_of_kin",
        "full_name",
        "c",
        False,
        blanks(0.6, lambda r: f"{v.full_name(r)} ({r.choice(pools.RELATIONSHIPS)})"),
    ),
    (
        "emergency_contact_2",
        "full_name",
        "c",
        False,
        blanks(
            0.8,
            lambda r: (
                f"{r.choice(pools.TITLES)} {v.full_name(r)} - {r.choice(pools.RELATIONSHIPS)}"
            ),
        ),
    ),
    (
        "father_name",
        "full_name",
        "c",
        False,
        blanks(0.7, lambda r: v.full_name(r) + (" (deceased)" if r.random() < 0.25 else "")),
    ),
    ("known_as", "forename", "c", False, blanks(0.75, lambda r: f'"{r.choice(NICKNAMES)}"')),
    (
        "carer_name_if_any",
        "full_name",
        "c",
        False,
        blanks(
            0.85,
            lambda r: (
                f"{title_initial_surname(r, ('Mr', 'Mrs', 'Ms'))} ({r.choice(pools.RELATIONSHIPS)})"
            ),
        ),
    ),
    (
        "previous_surname",
        "surname",
        "c",
        False,
        blanks(0.88, lambda r: r.choice(["", "née "]) + v.surname(r)),
    ),
    (
        "alias_names",
        "full_name",
        "c",
        False,
        blanks(0.9, lambda r: f"{v.full_name(r)} aka '{r.choice(NICKNAMES)}'"),
    ),
    (
        "household_member_3",
        "full_name",
        "c",
        False,
        blanks(
            0.8,
            lambda r: (
                f"{v.full_name(r)} ({r.choice(['daughter', 'son', 'lodger'])}, "
                f"b. {r.randint(1990, 2020)})"
            ),
        ),
    ),
    (
        "lpa_attorney",
        "full_name",
        "c",
        False,
        blanks(
            0.85,
            lambda r: (
                f"{v.full_name(r)} (LPA {r.choice(['health & welfare', 'property & finance'])})"
            ),
        ),
    ),
    (
        "deceased_partner",
        "full_name",
        "c",
        False,
        blanks(
            0.9,
            lambda r: (
                f"Late {r.choice(['husband', 'wife', 'partner'])}: {v.full_name(r)} "
                f"(d. {r.randint(1995, 2024)})"
            ),
        ),
    ),
    (
        "child_first_names",
        "forename",
        "c",
        False,
        blanks(0.55, lambda r: "; ".join(v.forename(r) for _ in range(r.randint(1, 4)))),
    ),
    ("relationship_to_patient", "None", "c", False, blanks(0.6, pick(pools.RELATIONSHIPS))),
    ("title", "None", "c", False, blanks(0.5, pick(pools.TITLES))),
    # d) misleading headers
    (
        "comments",
        "None",
        "d",
        True,
        lambda r: r.choice(
            [
                "Transferred from {p} to {w} on {d}",
                "Started {b}, review at {s}",
                "{p} bed manager aware, {w} full",
                "Seen in {p} ED {d}, sent to {w}",
                "{s} closed {d}, rebooked with {p}",
            ]
        ).format(
            p=r.choice(pools.PLACES),
            w=r.choice(pools.WARDS),
            d=r.choice(pools.WEEKDAYS),
            b=r.choice(pools.BRAND_DRUGS),
            s=r.choice(pools.SERVICES),
        ),
    ),
    (
        "nhs_ref",
        "None",
        "d",
        False,
        lambda r: f"PO-{r.randint(2019, 2025)}-{r.randint(1, 999999):06d}",
    ),
    ("contact", "email", "d", False, v.email),
    ("ref", "ni_number", "d", False, v.ni_number),
    ("info", "phone", "d", False, lambda r: v.phone_spaced(v.phone_digits(r))),
    ("details", "address", "d", False, v.address),
    ("dob_verified", "None", "d", False, pick(("Y", "N"))),
    ("postcode_valid", "None", "d", False, pick(("TRUE", "FALSE"))),
    ("name_of_service", "None", "d", False, pick(pools.SERVICES)),
    (
        "surname_soundex",
        "None",
        "d",
        False,
        lambda r: r.choice("ABCDGHKLMNOPRSTW") + str(r.randint(0, 6)) + v.digits(r, 2),
    ),
    ("value", "chi_number", "d", False, v.chi_number),
    ("other", "passport_number", "d", False, v.passport_number),
    ("key", "vehicle_registration", "d", False, v.vehicle_registration),
    ("email_opt_in", "None", "d", False, pick(("Yes", "No"))),
    # e) headerless or coded headers
    ("field_23", "nhs_number", "e", False, v.nhs_number),
    ("col_17", "forename", "e", False, v.forename),
    ("Unnamed: 3", "postcode", "e", False, v.postcode),
    ("F12", "date_of_birth", "e", False, lambda r: f"{v.date_of_birth(r):%d/%m/%Y}"),
    ("_c4", "surname", "e", False, v.surname),
    ("attr9", "None", "e", False, lambda r: f"WD{r.randint(1, 60):02d}"),
    ("field_24", "None", "e", False, lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"),
    ("col_18", "None", "e", False, lambda r: f"{r.uniform(0, 900):.2f}"),
    ("Unnamed: 7", "email", "e", False, v.email),
    ("F13", "driving_licence", "e", False, v.driving_licence),
    ("_c5", "None", "e", False, pick(("A", "B", "C", "D", "H", "J", "M", "R", "S", "Z"))),
    ("attr10", "uprn", "e", False, v.uprn),
    ("_c6", "hospital_number", "e", False, lambda r: r.choice("KMRJST") + v.digits(r, 7)),
    ("Unnamed: 9", "None", "e", False, blanks(0.8, pick(("Yes", "No")))),
    # f) mixed formats in one column
    ("nhs_number_mixed", "nhs_number", "f", False, nhs_any),
    ("dob_mixed", "date_of_birth", "f", False, dob_text),
    ("postcode_messy", "postcode", "f", False, postcode_messy),
    ("phone_mixed", "phone", "f", False, phone_mixed),
    ("ni_mixed", "ni_number", "f", False, ni_mixed),
    ("chi_mixed", "chi_number", "f", False, chi_mixed),
    ("reg_mixed", "vehicle_registration", "f", False, reg_mixed),
    ("email_mixed", "email", "f", False, email_mixed),
    ("address_mixed", "address", "f", False, address_mixed),
    ("passport_mixed", "passport_number", "f", False, passport_mixed),
    ("licence_mixed", "driving_licence", "f", False, licence_mixed),
    ("name_mixed", "full_name", "f", False, name_mixed),
    ("appt_date_mixed", "None", "f", False, appointment_text),
    ("hosp_no_mixed", "hospital_number", "f", False, hosp_mixed),
    # g) look-alikes that are not identifiers
    ("order_number", "None", "g", False, lambda r: f"ORD{v.digits(r, 8)}"),
    ("invoice_no", "None", "g", False, lambda r: f"INV {v.spaced_nhs(v.failing_ten_digit(r))}"),
    (
        "batch_no",
        "None",
        "g",
        False,
        lambda r: r.choice(["FK", "EW", "FH", "PCA", "MX"]) + v.digits(r, r.choice([4, 5])),
    ),
    ("snomed_code", "None", "g", False, snomed),
    (
        "ods_code",
        "None",
        "g",
        False,
        pick(
            (
                "RR8",
                "RAE",
                "RWA",
                "RX1CC",
                "RTH",
                "B86001",
                "B83005",
                "Y02345",
                "7A4",
                "RR801",
                "M85063",
                "N81013",
            )
        ),
    ),
    ("bed_code", "None", "g", False, lambda r: f"WD{r.randint(1, 40):02d}-B{r.randint(1, 30):02d}"),
    (
        "rota_code",
        "None",
        "g",
        False,
        lambda r: (
            f"{r.choice(['EN', 'LD', 'NT', 'E', 'L'])}-{r.choice(['LD', 'SD', 'TW'])}-"
            f"{r.randint(1, 12):02d}"
        ),
    ),
    ("clinic_name", "None", "g", False, clinic),
    ("ward_name", "None", "g", False, pick(pools.WARDS)),
    (
        "drug_name",
        "None",
        "g",
        False,
        lambda r: f"{r.choice(pools.DRUGS)} {r.choice(['2.5', '5', '10', '20', '40', '500'])}mg",
    ),
    (
        "arrival_time",
        "None",
        "g",
        False,
        lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
    ),
    (
        "grid_ref",
        "None",
        "g",
        False,
        lambda r: (
            f"{r.choice(['SE', 'ST', 'NZ', 'NS', 'SS', 'SJ'])} {v.digits(r, 5)} {v.digits(r, 5)}"
        ),
    ),
    (
        "ambulance_incident_no",
        "None",
        "g",
        False,
        lambda r: f"AI-{v.date_of_birth(r, 2022, 2025):%Y%m%d}-{r.randint(1, 9999):04d}",
    ),
    ("lsoa_code", "None", "g", False, lambda r: r.choice(["E01", "W01", "S01"]) + v.digits(r, 6)),
    # h) hard names
    ("forename_diacritics", "forename", "h", False, pick(pools.DIACRITIC_FORENAMES)),
    ("surname_apostrophe", "surname", "h", False, pick(pools.APOSTROPHE_SURNAMES)),
    ("surname_hyphen_particle", "surname", "h", False, pick(pools.PARTICLE_SURNAMES)),
    (
        "patient_name_upper",
        "full_name",
        "h",
        False,
        lambda r: f"{v.surname(r).upper()}, {v.forename(r)}",
    ),
    ("enw_cyntaf", "forename", "h", False, v.forename),
    ("cyfenw", "surname", "h", False, v.surname),
    ("ainm", "full_name", "h", False, v.full_name),
    ("sloinneadh", "surname", "h", False, v.surname),
    (
        "client",
        "full_name",
        "h",
        False,
        lambda r: r.choice(pools.MONONYMS) if r.random() < 0.25 else v.full_name(r),
    ),
    ("forename_word", "forename", "h", False, pick(pools.WORD_FORENAMES)),
    ("surname_word", "surname", "h", False, pick(pools.WORD_SURNAMES)),
    ("family_name_first", "full_name", "h", False, pick(pools.FAMILY_FIRST_NAMES)),
    (
        "somali_name",
        "full_name",
        "h",
        False,
        lambda r: " ".join(r.sample(pools.SOMALI_FORENAMES, 3)),
    ),
    # s) staff names
    ("gp_name", "full_name", "s", False, lambda r: title_initial_surname(r, ("Dr",))),
    ("key_worker", "full_name", "s", False, v.full_name),
    ("referrer", "full_name", "s", False, lambda r: f"{v.full_name(r)} ({r.choice(ROLES)})"),
    (
        "triage_nurse",
        "full_name",
        "s",
        False,
        lambda r: ("RN " if r.random() < 0.3 else "") + v.full_name(r),
    ),
    (
        "consultant",
        "full_name",
        "s",
        False,
        lambda r: title_initial_surname(r, ("Mr", "Ms", "Dr", "Prof")),
    ),
    (
        "allocated_social_worker",
        "full_name",
        "s",
        False,
        lambda r: f"{v.surname(r)}, {v.forename(r)}",
    ),
)


def label(kind: str, category: str, free_text: bool) -> dict[str, object]:
    """Return the label of one column."""
    return {
        "kind": None if kind == "None" else kind,
        "direct": kind not in NOT_DIRECT,
        "free_text": free_text,
        "category": category,
    }


def make_heldout5_columns(
    seed: int = 13, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict]]:
    """Return the corpus columns and their labels.

    Args:
        seed: Seed mixed into every column's own random stream.
        rows: Number of rows in every column.

    Returns:
        ``(columns, labels)``: column name to cell values (strings or None), and column name
        to ``{"kind", "direct", "free_text", "category"}``.
    """
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict] = {}
    for name, kind, category, free_text, make in SPECS:
        rng = random.Random(f"heldout5:{seed}:{name}")
        columns[name] = [make(rng) for _ in range(rows)]
        labels[name] = label(kind, category, free_text)
    return columns, labels
