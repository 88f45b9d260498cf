"""Column table for heldout22, in TRAPS.md order.

Each row: (name, kind, free_text, category, generator). `direct` follows from kind.
"""

from . import cat_a as ca
from . import cat_b as cb
from . import cat_c as cc
from . import cat_d as cd
from . import cat_e as ce
from . import cat_f as cf
from . import cat_g as cg
from . import cat_hs as chs

QUASI = {"date_of_birth", "postcode"}

COLUMNS = [
    # a
    ("CRF_QUERY_TEXT", "nhs_number", True, "a", ca.crf_query),
    ("SAE narrative (free text)", "full_name", True, "a", ca.sae_narrative),
    ("q31_any_other_comments", "email", True, "a", ca.survey_comments),
    ("panel_feedback_txt", "phone", True, "a", ca.panel_feedback),
    ("sylwadau_ychwanegol", "full_name", True, "a", ca.welsh_comments),
    ("registry_free_text", "address", True, "a", ca.registry_notes),
    ("nhfd_comments", "hospital_number", True, "a", ca.nhfd_comments),
    ("recon_note", "chi_number", True, "a", ca.recon_note),
    ("tracing_outcome", "ni_number", True, "a", ca.tracing_outcome),
    ("withdrawal_reason_other", "forename", True, "a", ca.withdrawal_reason),
    ("expenses_note", "vehicle_registration", True, "a", ca.expenses_note),
    ("ae_term_verbatim", None, True, "a", ca.ae_terms),
    ("dq_rule_message", None, True, "a", ca.dq_messages),
    ("protocol_deviation_desc", None, True, "a", ca.protocol_deviation),
    # b
    ("nhs_number", "nhs_number", False, "b", cb.nhs_float),
    ("NHS_NO (num fmt)", "nhs_number", False, "b", cb.nhs_separators),
    ("chi_no", "chi_number", False, "b", cb.chi_lost_zero),
    ("UPRN", "uprn", False, "b", cb.uprn_float),
    ("contact_tel_num", "phone", False, "b", cb.phone_numeric),
    ("tel_intl", "phone", False, "b", cb.phone_intl_sci),
    ("hosp_no_numeric", "hospital_number", False, "b", cb.hospno_numeric),
    ("passport_no", "passport_number", False, "b", cb.passport_numeric),
    ("dob_serial", "date_of_birth", False, "b", cb.dob_serial),
    ("lab_accession", None, False, "b", cb.lab_accession),
    ("kit_barcode_ean", None, False, "b", cb.kit_barcode),
    ("last_modified_epoch", None, False, "b", cb.epoch_seconds),
    ("visit_date_serial", None, False, "b", cb.visit_serial),
    ("cost_gbp", None, False, "b", cb.cost_gbp),
    # c
    ("next_of_kin", "full_name", False, "c", cc.next_of_kin),
    ("nok_forename", "forename", False, "c", cc.nok_forename),
    ("maiden_name", "surname", False, "c", cc.maiden_name),
    ("mother_name (registry)", "full_name", False, "c", cc.mother_name),
    ("partner_name_if_consented", "full_name", False, "c", cc.partner_name),
    ("known_as", "forename", False, "c", cc.known_as),
    ("enw_perthynas_agosaf", "full_name", False, "c", cc.welsh_nok),
    ("ainm_neach_daimh", "full_name", False, "c", cc.gaelic_relative),
    ("imie_opiekuna", "forename", False, "c", cc.polish_carer),
    ("proxy_completed_by", "full_name", False, "c", cc.proxy_completed_by),
    ("prev_surname_deed_poll", "surname", False, "c", cc.prev_surname),
    ("twin_co_twin_name", "full_name", False, "c", cc.co_twin),
    ("witness_signature", None, False, "c", cc.witness_signature),
    # d
    ("notes", None, True, "d", cd.notes),
    ("nhs_no_status", None, False, "d", cd.nhs_status),
    ("dob_source", None, False, "d", cd.dob_source),
    ("postcode_imd_decile", None, False, "d", cd.imd_decile),
    ("email_subject", None, False, "d", cd.email_subject),
    ("nhs_number_sha256", None, False, "d", cd.sha_digest),
    ("consultant", None, False, "d", cd.consultant_specialty),
    ("ref", "nhs_number", False, "d", cd.nhs_spaced),
    ("contact", "email", False, "d", cd.email_plain),
    ("label", "full_name", False, "d", cd.mailing_label),
    ("key", "ni_number", False, "d", cd.ni_key),
    ("value", "phone", False, "d", cd.phone_value),
    ("linkage_id", "chi_number", False, "d", cd.chi_linkage),
    ("area", "postcode", False, "d", cd.postcode_area),
    # e
    ("field_23", "nhs_number", False, "e", ce.nhs_plain),
    ("col_17", "email", False, "e", ce.email_col),
    ("Unnamed: 4", "full_name", False, "e", ce.surname_first),
    ("CRF03_Q2", "date_of_birth", False, "e", ce.dob_text),
    ("var042", "ni_number", False, "e", ce.ni_plain),
    ("q17b", "phone", False, "e", ce.mobile),
    ("F0012", "hospital_number", False, "e", ce.hospno),
    ("Unnamed: 11", "uprn", False, "e", ce.uprn_plain),
    ("V7", "vehicle_registration", False, "e", ce.vrm_plain),
    ("col_18", None, False, "e", ce.snomed),
    ("field_24", None, False, "e", ce.icd10),
    ("Unnamed: 5", None, False, "e", ce.ods_codes),
    ("XX_ATT9", None, False, "e", ce.allocation),
    ("var043", None, False, "e", ce.lsoa),
    # f
    ("NHS No.", "nhs_number", False, "f", cf.nhs_mixed),
    ("Rhif GIG", "nhs_number", False, "f", cf.nhs_mixed_welsh),
    ("tel (home/mob)", "phone", False, "f", cf.phone_mixed),
    ("cyfeiriad e-bost", "email", False, "f", cf.email_mixed),
    ("NINO", "ni_number", False, "f", cf.ni_mixed),
    ("CHI", "chi_number", False, "f", cf.chi_mixed),
    ("data_urodzenia", "date_of_birth", False, "f", cf.dob_mixed),
    ("kod_pocztowy", "postcode", False, "f", cf.postcode_mixed),
    ("participant_name", "full_name", False, "f", cf.name_mixed),
    ("pata", "address", False, "f", cf.address_mixed),
    ("passport / ID doc", "passport_number", False, "f", cf.passport_mixed),
    ("DVLA_licence_no", "driving_licence", False, "f", cf.licence_mixed),
    ("reg_mark", "vehicle_registration", False, "f", cf.vrm_mixed),
    ("appt_date", None, False, "f", cf.appt_mixed),
    # g
    ("batch_no", None, False, "g", cg.batch_no),
    ("device_serial", None, False, "g", cg.device_serial),
    ("variant_hgvs", None, False, "g", cg.variant),
    ("site_name", None, False, "g", cg.site_name),
    ("study_drug", None, False, "g", cg.study_drug),
    ("anomaly_eponym", None, False, "g", cg.anomaly_eponym),
    ("implant_model", None, False, "g", cg.implant),
    ("sample_store_loc", None, False, "g", cg.store_loc),
    ("study_mailbox", None, False, "g", cg.mailbox),
    ("site_switchboard", None, False, "g", cg.switchboard),
    ("source_system", None, False, "g", cg.source_system),
    ("tnm_stage", None, False, "g", cg.tnm),
    ("ward_name", None, False, "g", cg.ward_name),
    ("publication_ref", None, False, "g", cg.publication),
    # h
    ("Forename", "forename", False, "h", chs.word_forename),
    ("surname", "surname", False, "h", chs.word_surname),
    ("ENW LLAWN", "full_name", False, "h", chs.welsh_caps),
    ("ainm", "full_name", False, "h", chs.gaelic),
    ("naam", "full_name", False, "h", chs.punjabi),
    ("nazwisko", "surname", False, "h", chs.polish_surname),
    ("name_family_first", "full_name", False, "h", chs.family_first),
    ("patient", "full_name", False, "h", chs.mononym_mix),
    ("name_with_particle", "full_name", False, "h", chs.particle),
    ("full_name_hyph", "full_name", False, "h", chs.hyphenated),
    ("initials_surname", "full_name", False, "h", chs.initials),
    ("first_name_s", "forename", False, "h", chs.short_long),
    ("name_as_on_consent", "full_name", False, "h", chs.titled),
    # s
    ("PI", "full_name", False, "s", chs.pi_name),
    ("consent_taken_by", "full_name", False, "s", chs.nurse),
    ("monitor_name", "full_name", False, "s", chs.monitor),
    ("audit_lead_surname", "surname", False, "s", chs.lead_surname),
    ("orthogeriatrician", "full_name", False, "s", chs.orthogeri),
    ("entered_by", "forename", False, "s", chs.entered_by),
]


def is_direct(kind):
    return kind is not None and kind not in QUASI
