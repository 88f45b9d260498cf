"""The tenth blind held-out detection corpus: ~115 labelled columns, built from TRAPS.md.

``make_heldout10_columns(seed=37, rows=2000)`` returns ``(columns, labels)``: each column is a
list of strings as read from a CSV (``None`` for an empty cell), and each label is
``{"kind": str | None, "direct": bool, "free_text": bool, "category": str}``. ``kind`` is one
of the identifier kind labels of TRAPS.md, or ``None`` for a column that holds no identifier.
Every column draws from its own ``random.Random(f"heldout10:{seed}:{name}")``, so adding or
reordering columns never changes another column.
"""

from __future__ import annotations

import random

from tests.detect.heldout10 import (
    formats,
    free_text,
    headers,
    lookalikes,
    names,
    pools,
    spreadsheet,
)
from tests.detect.heldout10.builders import Builder

NOT_DIRECT_KINDS = frozenset({None, "date_of_birth", "postcode"})

# None columns whose 10-digit numbers must all fail the mod 11 check (the self-check enforces it).
MUST_FAIL_MOD11 = ("unit_serial", "eye_screen_episode_id")


# ---------------------------------------------------------------- the columns, in TRAPS.md order

# (name, kind, category, free_text, builder)
SPEC: tuple[tuple[str, str | None, str, bool, Builder], ...] = (
    ("audiology_session_note", "phone", "a", True, free_text.audiology_session_note),
    ("podiatry.footcare_comments", "full_name", "a", True, free_text.podiatry_comments),
    ("DESP grader remarks", "nhs_number", "a", True, free_text.desp_remarks),
    ("transfusionLabComment", "hospital_number", "a", True, free_text.transfusion_comment),
    ("chis_outreach_log", "email", "a", True, free_text.chis_outreach_log),
    ("quitline_adviser_notes", "address", "a", True, free_text.quitline_notes),
    ("bb_assessor_notes", "vehicle_registration", "a", True, free_text.bb_assessor_notes),
    ("interp_booking_notes", "passport_number", "a", True, free_text.interp_booking_notes),
    ("ctr_claim_memo", "ni_number", "a", True, free_text.ctr_claim_memo),
    ("PALS concern text", "date_of_birth", "a", True, free_text.pals_concern),
    ("ot_loan_delivery_note", "uprn", "a", True, free_text.ot_loan_delivery_note),
    ("pf_referral_narrative", "chi_number", "a", True, free_text.pf_referral_narrative),
    ("careleaver_pa_contact_log", "forename", "a", True, free_text.careleaver_log),
    ("ptsEligibilityNotes", "driving_licence", "a", True, free_text.pts_eligibility_notes),
    ("NHSNo", "nhs_number", "b", False, spreadsheet.nhs_dot_zero),
    ("nhs_number_xl", "nhs_number", "b", False, spreadsheet.nhs_xl),
    ("CHI_NUMBER", "chi_number", "b", False, spreadsheet.chi_lost_zero),
    ("uprn_num", "uprn", "b", False, spreadsheet.uprn_thousands),
    ("passport_no_numeric", "passport_number", "b", False, spreadsheet.passport_numeric),
    ("tel_home_num", "phone", "b", False, spreadsheet.tel_home_num),
    ("mobile_as_number", "phone", "b", False, spreadsheet.mobile_as_number),
    ("NHS_NO_TXT", "nhs_number", "b", False, spreadsheet.nhs_apostrophe),
    ("unit_serial", None, "b", False, spreadsheet.unit_serial),
    ("hba1c_mmol_mol", None, "b", False, spreadsheet.hba1c),
    ("ferritin_ug_l", None, "b", False, spreadsheet.ferritin),
    ("ctr_weekly_award_gbp", None, "b", False, spreadsheet.ctr_award),
    ("eye_screen_episode_id", None, "b", False, spreadsheet.eye_episode),
    ("pack_years", None, "b", False, spreadsheet.pack_years),
    ("next_of_kin_1", "full_name", "c", False, names.next_of_kin_1),
    ("deceased_spouse", "full_name", "c", False, names.deceased_spouse),
    ("alias_known_as", "full_name", "c", False, names.alias_known_as),
    ("mothers_maiden_name", "surname", "c", False, names.mothers_maiden_name),
    ("donor_title_surname", "surname", "c", False, names.donor_title_surname),
    ("emerg_contact", "full_name", "c", False, names.emerg_contact),
    ("pt.preferred_name", "forename", "c", False, names.preferred_name),
    ("lpa_attorney", "full_name", "c", False, names.lpa_attorney),
    ("relationship_to_patient", None, "c", False, names.relationship),
    ("nok_flag", None, "c", False, names.nok_flag),
    ("foster_carer_names", "full_name", "c", False, names.foster_carers),
    ("baby_name_at_birth", "full_name", "c", False, names.baby_name),
    ("title", None, "c", False, names.title),
    ("nhs_ref", None, "d", False, headers.nhs_ref),
    ("client_code", None, "d", False, headers.client_code),
    ("details", "email", "d", False, headers.details_email),
    ("comments", None, "d", True, headers.comments),
    ("name", None, "d", False, headers.name_services),
    ("reference", "ni_number", "d", False, headers.reference_ni),
    ("contact", "postcode", "d", False, headers.contact_postcode),
    ("id", "nhs_number", "d", False, headers.id_nhs),
    ("location", "address", "d", False, headers.location_address),
    ("dl_ref", None, "d", False, headers.dl_ref),
    ("reg", "vehicle_registration", "d", False, headers.reg),
    ("passport", None, "d", False, headers.passport_flag),
    ("mobile", None, "d", False, headers.mobile_asset),
    ("field_23", "nhs_number", "e", False, headers.id_nhs),
    ("col_17", None, "e", False, headers.bed_counts),
    ("Unnamed: 3", "full_name", "e", False, headers.full_names),
    ("F12", "date_of_birth", "e", False, headers.dob_slash),
    ("_c4", "email", "e", False, headers.details_email),
    ("attr9", None, "e", False, headers.times),
    ("PAT_FNAME_01", "forename", "e", False, headers.vendor_forenames),
    ("X_ADDR_L1", "address", "e", False, headers.addr_line1),
    ("var_0042", None, "e", False, headers.session_codes),
    ("column12", "phone", "e", False, headers.mobiles),
    ("_c11", "hospital_number", "e", False, headers.hospital_numbers),
    ("Unnamed: 8", None, "e", False, headers.one_barcode),
    ("F7", "passport_number", "e", False, headers.one_passport),
    ("attr2", None, "e", False, headers.consent_flags),
    ("NHS Number (10 digits)", "nhs_number", "f", False, formats.nhs_mixed),
    ("DOB (dd/mm/yyyy)", "date_of_birth", "f", False, formats.dob_mixed),
    ("post code", "postcode", "f", False, formats.postcode_mixed),
    ("tel.", "phone", "f", False, formats.phone_mixed),
    ("chi_no", "chi_number", "f", False, formats.chi_mixed),
    ("ni_no", "ni_number", "f", False, formats.ni_mixed),
    ("email_addr", "email", "f", False, formats.email_mixed),
    ("hosp_no", "hospital_number", "f", False, formats.hosp_mixed),
    ("vrm", "vehicle_registration", "f", False, formats.vrm_mixed),
    ("driver_licence_no", "driving_licence", "f", False, formats.licence_mixed),
    ("ref_with_nhs", "nhs_number", "f", False, formats.ref_with_nhs),
    ("uprn", "uprn", "f", False, formats.uprn_mixed),
    ("appt_datetime", None, "f", False, formats.appt_mixed),
    ("hearing_level_db", None, "f", False, formats.hearing_level),
    ("snomed_ct_code", None, "g", False, lookalikes.snomed),
    ("ods_code", None, "g", False, lookalikes.ods),
    ("bed_code", None, "g", False, lookalikes.bed_code),
    ("rota_code", None, "g", False, lookalikes.rota_code),
    ("clinic_name", None, "g", False, lookalikes.choice_column(pools.CLINICS, 0.02)),
    ("ward", None, "g", False, lookalikes.choice_column(pools.WARDS, 0.02)),
    ("drug_name", None, "g", False, lookalikes.choice_column(pools.DRUGS, 0.05)),
    ("dispensed_time", None, "g", False, lookalikes.dispensed_time),
    ("grid_ref", None, "g", False, lookalikes.grid_ref),
    (
        "blood_group",
        None,
        "g",
        False,
        lookalikes.choice_column(
            (
                "O RhD neg",
                "O RhD pos",
                "A RhD pos",
                "A RhD neg",
                "B RhD pos",
                "AB RhD pos",
                "O+",
                "A-",
                "B neg",
                "AB pos",
            ),
            0.05,
        ),
    ),
    ("bnf_code", None, "g", False, lookalikes.bnf_code),
    ("vaccine_batch", None, "g", False, lookalikes.vaccine_batch),
    ("ambulance_callsign", None, "g", False, lookalikes.callsign),
    ("equipment_asset", None, "g", False, lookalikes.equipment_asset),
    ("pt.surname", "surname", "h", False, names.hard_surnames),
    ("PATIENT NAME", "full_name", "h", False, names.surname_first_upper),
    ("enw_cyntaf", "forename", "h", False, names.origin_forenames("welsh", 0.6)),
    ("sloinneadh", "surname", "h", False, names.origin_surnames(["scottish", "irish"], 0.6)),
    ("naam", "full_name", "h", False, names.naam),
    ("walid_ka_naam", "full_name", "h", False, names.father_name),
    ("known_as", "forename", "h", False, names.known_as),
    ("surname_words", "surname", "h", False, names.word_surnames),
    ("client_forename", "forename", "h", False, names.word_forenames),
    ("name_with_suffix", "full_name", "h", False, names.name_with_suffix),
    ("cyfenw", "surname", "h", False, names.origin_surnames(["welsh"], 0.6)),
    ("patient_name_vn", "full_name", "h", False, names.family_first),
    ("maiden_in_brackets", "full_name", "h", False, names.maiden_in_brackets),
    ("enw_clinig", None, "h", False, lookalikes.choice_column(pools.WELSH_CLINICS, 0.05)),
    ("gp_name", "full_name", "s", False, names.gp_name),
    ("key_worker", "full_name", "s", False, names.key_worker),
    ("referrer", "full_name", "s", False, names.referrer),
    ("audiologist", "full_name", "s", False, names.audiologist),
    ("chc_panel_chair", "full_name", "s", False, names.panel_chair),
    ("interpreter_booked", "full_name", "s", False, names.interpreter),
)


def make_heldout10_columns(
    seed: int = 37, rows: int = 2000
) -> tuple[dict[str, list[str | None]], dict[str, dict[str, object]]]:
    """Build every column of the corpus and its label.

    Args:
        seed: Seeds each column's own ``random.Random(f"heldout10:{seed}:{name}")``.
        rows: Rows per column (at least 1).

    Returns:
        ``(columns, labels)`` keyed by column name, in TRAPS.md order.
    """
    if rows < 1:
        raise ValueError("rows must be at least 1; pass rows=2000 for the standard corpus")
    columns: dict[str, list[str | None]] = {}
    labels: dict[str, dict[str, object]] = {}
    for name, kind, category, is_free_text, build in SPEC:
        rng = random.Random(f"heldout10:{seed}:{name}")
        columns[name] = build(rng, rows)
        labels[name] = {
            "kind": kind,
            "direct": kind not in NOT_DIRECT_KINDS,
            "free_text": is_free_text,
            "category": category,
        }
    return columns, labels
