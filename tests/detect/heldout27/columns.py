"""Column table for held-out 27, in TRAPS.md order."""

from . import cat_a as a
from . import cat_b as b
from . import cat_c as c
from . import cat_d as d
from . import cat_e as e
from . import cat_f as f
from . import cat_g as g
from . import cat_h as h
from . import cat_s as s

QUASI = {"date_of_birth", "postcode"}

# (name, generator, kind, free_text, category); direct is derived from kind
_TABLE = [
    # a
    ("mash_referral_narrative", a.mash_referral_narrative, "full_name", True, "a"),
    ("early_help_assessment_summary", a.early_help_assessment_summary, "phone", True, "a"),
    ("Sylwadau'r teulu", a.sylwadau_r_teulu, "email", True, "a"),
    ("return_interview_notes", a.return_interview_notes, "address", True, "a"),
    ("cp_conference_minutes_extract", a.cp_conference_minutes_extract, "nhs_number", True, "a"),
    ("uasc_keyworker_log", a.uasc_keyworker_log, "passport_number", True, "a"),
    ("kinship_assessment_narrative", a.kinship_assessment_narrative, "ni_number", True, "a"),
    ("family_hub_drop_in_comments", a.family_hub_drop_in_comments, "forename", True, "a"),
    ("attendance_officer_visit_note", a.attendance_officer_visit_note, "postcode", True, "a"),
    ("cafcass_s7_report_excerpt", a.cafcass_s7_report_excerpt, "date_of_birth", True, "a"),
    ("haf_booking_comments", a.haf_booking_comments, "chi_number", True, "a"),
    ("youth_club_incident_text", a.youth_club_incident_text, "vehicle_registration", True, "a"),
    ("baby_bank_referral_reason", a.baby_bank_referral_reason, "hospital_number", True, "a"),
    ("contact_centre_handover_notes", a.contact_centre_handover_notes, "surname", True, "a"),
    # b
    ("NHS_No", b.nhs_no_float, "nhs_number", False, "b"),
    ("nhs number (xlsx)", b.nhs_number_xlsx, "nhs_number", False, "b"),
    ("CHI", b.chi_lost_zero, "chi_number", False, "b"),
    ("Tel", b.tel_lost_zero, "phone", False, "b"),
    ("UPRN", b.uprn_damaged, "uprn", False, "b"),
    ("hospital_no", b.hospital_no_lost_zeros, "hospital_number", False, "b"),
    ("NINO", b.nino_separators, "ni_number", False, "b"),
    ("haf_voucher_serial", b.haf_voucher_serial, None, False, "b"),
    ("school_urn", b.school_urn, None, False, "b"),
    ("grant_total_gbp", b.grant_total_gbp, None, False, "b"),
    ("estab_no (LAESTAB)", b.estab_no, None, False, "b"),
    ("session_datecode", b.session_datecode, None, False, "b"),
    ("room_ext", b.room_ext, None, False, "b"),
    ("invoice_no", b.invoice_no, None, False, "b"),
    # c
    ("Contact Name (relationship)", c.contact_name_relationship, "full_name", False, "c"),
    ("kinship_carer", c.kinship_carer, "full_name", False, "c"),
    ("father_name", c.father_name, "full_name", False, "c"),
    ("sibling_names", c.sibling_names, "forename", False, "c"),
    ("mother_maiden_surname", c.mother_maiden_surname, "surname", False, "c"),
    ("Imię i nazwisko opiekuna", c.imie_nazwisko_opiekuna, "full_name", False, "c"),
    ("alleged_perpetrator", c.alleged_perpetrator, "full_name", False, "c"),
    ("Enw'r plentyn", c.enw_r_plentyn, "full_name", False, "c"),
    ("household_members", c.household_members, "full_name", False, "c"),
    ("uk_relative_claimed", c.uk_relative_claimed, "full_name", False, "c"),
    ("Ainm neach-conaltraidh", c.ainm_neach_conaltraidh, "full_name", False, "c"),
    ("preferred_first_name", c.preferred_first_name, "forename", False, "c"),
    ("relationship_to_child", c.relationship_to_child, None, False, "c"),
    ("name_change_reason", c.name_change_reason, None, False, "c"),
    # d
    ("notes", d.notes, None, True, "d"),
    ("nhs_ref", d.nhs_ref, None, False, "d"),
    ("child_name", d.child_name, None, False, "d"),
    ("DOB", d.dob_booking, None, False, "d"),
    ("Email", d.email_consent, None, False, "d"),
    ("surname_soundex", d.surname_soundex, None, False, "d"),
    ("address", d.address_placeholder, None, False, "d"),
    ("ref", d.ref_nhs, "nhs_number", False, "d"),
    ("info", d.info_email, "email", False, "d"),
    ("value", d.value_name, "full_name", False, "d"),
    ("detail_2", d.detail_2_phone, "phone", False, "d"),
    ("location", d.location_address, "address", False, "d"),
    ("code", d.code_ni, "ni_number", False, "d"),
    ("misc", d.misc_dob, "date_of_birth", False, "d"),
    # e
    ("Unnamed: 0", e.unnamed_0, None, False, "e"),
    ("field_23", e.field_23, "nhs_number", False, "e"),
    ("col_17", e.col_17, "full_name", False, "e"),
    ("Unnamed: 4", e.unnamed_4, "postcode", False, "e"),
    ("LLC_PER_FNAME", e.llc_per_fname, "forename", False, "e"),
    ("P_SURN_TXT", e.p_surn_txt, "surname", False, "e"),
    ("EHA_ADR_LN1", e.eha_adr_ln1, "address", False, "e"),
    ("X_TEL_MOB", e.x_tel_mob, "phone", False, "e"),
    ("c_0031", e.c_0031, "email", False, "e"),
    ("fld_dob8", e.fld_dob8, "date_of_birth", False, "e"),
    ("Unnamed: 12", e.unnamed_12, "driving_licence", False, "e"),
    ("attr_07", e.attr_07, None, False, "e"),
    ("col_5", e.col_5, None, False, "e"),
    ("F9", e.f9, None, False, "e"),
    ("Unnamed: 9", e.unnamed_9, None, False, "e"),
    # f
    ("nhs_number", f.nhs_mixed, "nhs_number", False, "f"),
    ("child_dob", f.child_dob_mixed, "date_of_birth", False, "f"),
    ("parent_phone", f.parent_phone_mixed, "phone", False, "f"),
    ("home_postcode", f.home_postcode_mixed, "postcode", False, "f"),
    ("carer_email", f.carer_email_mixed, "email", False, "f"),
    ("Adres zamieszkania", f.adres_mixed, "address", False, "f"),
    ("chi_no", f.chi_mixed, "chi_number", False, "f"),
    ("ni_no", f.ni_mixed, "ni_number", False, "f"),
    ("child", f.child_mixed, "full_name", False, "f"),
    ("passport_no", f.passport_mixed, "passport_number", False, "f"),
    ("vrm", f.vrm_mixed, "vehicle_registration", False, "f"),
    ("mrn", f.mrn_mixed, "hospital_number", False, "f"),
    ("Rhif trwydded yrru", f.licence_mixed, "driving_licence", False, "f"),
    ("meeting_date", f.meeting_date_mixed, None, False, "f"),
    # g
    ("school_name", g.school_name, None, False, "g"),
    ("placing_authority", g.placing_authority, None, False, "g"),
    ("current_medication", g.current_medication, None, False, "g"),
    ("youth_club_venue", g.youth_club_venue, None, False, "g"),
    ("mash_case_ref", g.mash_case_ref, None, False, "g"),
    ("ofsted_urn", g.ofsted_urn, None, False, "g"),
    ("interpreter_language", g.interpreter_language, None, False, "g"),
    ("referring_agency", g.referring_agency, None, False, "g"),
    ("toy_library_item", g.toy_library_item, None, False, "g"),
    ("group_name", g.group_name, None, False, "g"),
    ("lsoa_code", g.lsoa_code, None, False, "g"),
    ("donation_barcode", g.donation_barcode, None, False, "g"),
    ("legislation_ref", g.legislation_ref, None, False, "g"),
    ("team", g.team, None, False, "g"),
    # h
    ("child_full_name", h.child_full_name, "full_name", False, "h"),
    ("forename", h.forename_words, "forename", False, "h"),
    ("surname", h.surname_words, "surname", False, "h"),
    ("PUPIL_NAME", h.pupil_name, "full_name", False, "h"),
    ("name", h.name_particles, "full_name", False, "h"),
    ("uasc_name_as_recorded", h.uasc_name_as_recorded, "full_name", False, "h"),
    ("family_name", h.family_name, "surname", False, "h"),
    ("Enw llawn", h.enw_llawn, "full_name", False, "h"),
    ("nom_prenom", h.nom_prenom, "full_name", False, "h"),
    ("known_as", h.known_as, "forename", False, "h"),
    ("attendee", h.attendee, "full_name", False, "h"),
    ("Naam", h.naam, "full_name", False, "h"),
    ("Imię", h.imie, "forename", False, "h"),
    # s
    ("allocated_social_worker", s.allocated_social_worker, "full_name", False, "s"),
    ("conference_chair", s.conference_chair, "full_name", False, "s"),
    ("referrer_name", s.referrer_name, "full_name", False, "s"),
    ("return_interviewer", s.return_interviewer, "forename", False, "s"),
    ("fca_name", s.fca_name, "full_name", False, "s"),
    ("keyworker_surname", s.keyworker_surname, "surname", False, "s"),
]

COLUMNS = [
    {
        "name": name,
        "make": make,
        "kind": kind,
        "direct": kind is not None and kind not in QUASI,
        "free_text": free_text,
        "category": category,
    }
    for name, make, kind, free_text, category in _TABLE
]
