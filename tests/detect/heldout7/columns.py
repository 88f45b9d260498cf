"""The seventh blind held-out detection corpus: 117 columns with their true labels.

Built from TRAPS.md (written first) without reading the detector. Each column draws from its own
`random.Random(f"heldout7:{seed}:{name}")`, so changing one column never shifts another. Values are
strings as read from a CSV, or None for an empty cell.
"""

from __future__ import annotations

import random
from typing import Any

from tests.detect.heldout7.code_columns import B_COLUMNS, E_COLUMNS, F_COLUMNS, G_COLUMNS
from tests.detect.heldout7.name_columns import C_COLUMNS, H_COLUMNS, S_COLUMNS
from tests.detect.heldout7.shape import Builder
from tests.detect.heldout7.text_columns import A_COLUMNS, D_COLUMNS

FREE_TEXT = frozenset({"patient_notes", "comments"})
MOD11_INVALID_COLUMNS = ("lab_accession", "cad_incident_no")

# ---- the corpus ----------------------------------------------------------------------------

CATEGORY_COLUMNS: dict[str, dict[str, Builder]] = {
    "a": A_COLUMNS,
    "b": B_COLUMNS,
    "c": C_COLUMNS,
    "d": D_COLUMNS,
    "e": E_COLUMNS,
    "f": F_COLUMNS,
    "g": G_COLUMNS,
    "h": H_COLUMNS,
    "s": S_COLUMNS,
}

KINDS: dict[str, str | None] = {
    # a
    "mha_section_notes": "full_name",
    "dispatch_free_text": "phone",
    "birth_plan_comments": "email",
    "dental_recall_note": "nhs_number",
    "yot_case_narrative": "ni_number",
    "safeguarding_concern": "address",
    "dispensing_note": "hospital_number",
    "reception_property_note": "passport_number",
    "panel_minutes": "vehicle_registration",
    "repairs_log": "uprn",
    "badge_assessor_notes": "driving_licence",
    "consult_text_scot": "chi_number",
    "gum_triage_text": "forename",
    "handover_text": None,
    # b
    "nhs_no": "nhs_number",
    "NHSNumber_xl": "nhs_number",
    "chi": "chi_number",
    "uprn_num": "uprn",
    "passport_no": "passport_number",
    "tel_numeric": "phone",
    "mobile_float": "phone",
    "dob_serial": "date_of_birth",
    "hosp_no_numeric": "hospital_number",
    "lab_accession": None,
    "invoice_total": None,
    "egfr_result": None,
    "bed_days": None,
    "cad_incident_no": None,
    # c
    "nearest_relative": "full_name",
    "next_of_kin_2": "full_name",
    "birth_partner": "full_name",
    "child_known_as": "forename",
    "previous_surname": "surname",
    "alias_names": "full_name",
    "appointee_name": "full_name",
    "nok_relationship": None,
    "emergency_contact_forename": "forename",
    "household_members": "full_name",
    "carer_surname": "surname",
    "pupil_name_sn": "full_name",
    "name_of_baby": "surname",
    # d
    "nhs_ref": None,
    "patient_notes": None,
    "comments": None,
    "reference": "ni_number",
    "contact": "email",
    "info": "address",
    "id": "hospital_number",
    "value": "vehicle_registration",
    "surname_code": None,
    "patient_name_flag": None,
    "location": "postcode",
    "document_no": "passport_number",
    "client_key": "driving_licence",
    "nhs_number_verified": None,
    # e
    "field_23": "nhs_number",
    "col_17": "forename",
    "Unnamed: 3": None,
    "F12": None,
    "_c4": "chi_number",
    "attr9": "surname",
    "Unnamed: 11": None,
    "F7": "date_of_birth",
    "col_4": "email",
    "field_8": None,
    "_c12": "uprn",
    "attr2": None,
    "V23": "address",
    "X_1": None,
    # f
    "nhs_number_mixed": "nhs_number",
    "dob_any": "date_of_birth",
    "dob_text": "date_of_birth",
    "postcode_mixed": "postcode",
    "phone_mixed": "phone",
    "mobile_any": "phone",
    "chi_mixed": "chi_number",
    "ni_any": "ni_number",
    "reg_mark": "vehicle_registration",
    "dl_number": "driving_licence",
    "email_mixed": "email",
    "hosp_id_mixed": "hospital_number",
    "dose_mixed": None,
    "arrival_time": None,
    # g: every look-alike is of kind None
    **dict.fromkeys(G_COLUMNS, None),
    # h
    "enw_llawn": "full_name",
    "ainm": "full_name",
    "patient_surname_uc": "surname",
    "forename_words": "forename",
    "surname_words": "surname",
    "name_sf": "full_name",
    "client_name_diacritics": "full_name",
    "mononym": "full_name",
    "surname_particles": "surname",
    "hyphen_apostrophe_name": "full_name",
    "enw_cyntaf": "forename",
    "cyfenw": "surname",
    "name_family_first": "full_name",
    "gum_codename": None,
    # s: staff
    **dict.fromkeys(S_COLUMNS, "full_name"),
}

NOT_DIRECT = frozenset({"date_of_birth", "postcode", None})


def make_heldout7_columns(
    seed: int = 23, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict[str, Any]]]:
    """Build the corpus: (column name -> cells, column name -> label).

    Args:
        seed: mixed into every column's random generator.
        rows: number of rows in every column; at least 100 so the minority rates hold.

    Returns:
        The columns in TRAPS.md order, and for each a label
        `{"kind": str | None, "direct": bool, "free_text": bool, "category": str}`.
    """
    if rows < 100:
        raise ValueError(f"rows must be at least 100 (got {rows}); the minority rates need them")
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict[str, Any]] = {}
    for category, builders in CATEGORY_COLUMNS.items():
        for name, build in builders.items():
            columns[name] = build(random.Random(f"heldout7:{seed}:{name}"), rows)
            kind = KINDS[name]
            labels[name] = {
                "kind": kind,
                "direct": kind not in NOT_DIRECT,
                "free_text": category == "a" or name in FREE_TEXT,
                "category": category,
            }
    return columns, labels
