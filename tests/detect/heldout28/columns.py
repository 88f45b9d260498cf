"""Column table for held-out corpus 28, in TRAPS.md order.

Each row: (header, generator, kind, direct, free_text, category).
"""

from . import gen_a as a
from . import gen_b as b
from . import gen_c as c
from . import gen_d as d
from . import gen_e as e
from . import gen_f as f
from . import gen_g as g
from . import gen_h as h

NN = "nhs_number"
FN = "full_name"

COLUMNS = [
    # a
    ("porter_job_comments", a.porter_job_comments, "hospital_number", True, True, "a"),
    ("bleep_log_free_text", a.bleep_log_free_text, "phone", True, True, "a"),
    ("flow_board_comment", a.flow_board_comment, FN, True, True, "a"),
    ("casenote_tracker_remarks", a.casenote_tracker_remarks, NN, True, True, "a"),
    ("property_book_entry", a.property_book_entry, "driving_licence", True, True, "a"),
    ("photo_request_narrative", a.photo_request_narrative, "email", True, True, "a"),
    ("viewing_booking_notes", a.viewing_booking_notes, "address", True, True, "a"),
    ("switchboard_call_summary", a.switchboard_call_summary, "date_of_birth", False, True, "a"),
    ("catering_special_instructions", a.catering_special_instructions, "surname", True, True, "a"),
    ("concession_reason_text", a.concession_reason_text, "vehicle_registration", True, True, "a"),
    ("specimen_rejection_comment", a.specimen_rejection_comment, "chi_number", True, True, "a"),
    ("sylwadau_asesydd", a.sylwadau_asesydd, "postcode", False, True, "a"),
    ("ward_visitor_diary", a.ward_visitor_diary, "ni_number", True, True, "a"),
    ("radio_dedication_message", a.radio_dedication_message, "forename", True, True, "a"),
    # b
    ("PAS.NHS_NO", b.pas_nhs_no, NN, True, False, "b"),
    ("nhs_no_xlsx", b.nhs_no_xlsx, NN, True, False, "b"),
    ("chi_num", b.chi_num, "chi_number", True, False, "b"),
    ("UPRN_home", b.uprn_home, "uprn", True, False, "b"),
    ("contact_tel (numeric)", b.contact_tel_numeric, "phone", True, False, "b"),
    ("hosp_no (int)", b.hosp_no_int, "hospital_number", True, False, "b"),
    ("birth_serial", b.birth_serial, "date_of_birth", False, False, "b"),
    ("nhs_num_sep", b.nhs_num_sep, NN, True, False, "b"),
    ("bed_request_id", b.bed_request_id, None, False, False, "b"),
    ("specimen_barcode_no", b.specimen_barcode_no, None, False, False, "b"),
    ("volume_barcode", b.volume_barcode, None, False, False, "b"),
    ("porter_job_number", b.porter_job_number, None, False, False, "b"),
    ("permit_serial", b.permit_serial, None, False, False, "b"),
    ("mortuary_register_no", b.mortuary_register_no, None, False, False, "b"),
    # c
    ("next_of_kin", c.next_of_kin, FN, True, False, "c"),
    ("NOK_NAME_REL", c.nok_name_rel, FN, True, False, "c"),
    ("valuables_collected_by", c.valuables_collected_by, FN, True, False, "c"),
    ("viewing_attendees", c.viewing_attendees, FN, True, False, "c"),
    ("preferred_name", c.preferred_name, "forename", True, False, "c"),
    ("previous_surname", c.previous_surname, "surname", True, False, "c"),
    ("visitor_requested", c.visitor_requested, FN, True, False, "c"),
    ("key_holder_contact", c.key_holder_contact, FN, True, False, "c"),
    ("tray_for", c.tray_for, "surname", True, False, "c"),
    ("photo_consent_by", c.photo_consent_by, FN, True, False, "c"),
    ("permit_holder", c.permit_holder, FN, True, False, "c"),
    ("known_as", c.known_as, "forename", True, False, "c"),
    ("nok_relationship", c.nok_relationship, None, False, False, "c"),
    ("escort_name", c.escort_name, FN, True, False, "c"),
    # d
    ("notes", d.notes, None, False, True, "d"),
    ("nhs_ref", d.nhs_ref, None, False, False, "d"),
    ("patient_name", d.patient_name, None, False, False, "d"),
    ("Surname", d.surname, None, False, False, "d"),
    ("DOB", d.dob, None, False, False, "d"),
    ("post_code", d.post_code, None, False, False, "d"),
    ("email", d.email, None, False, False, "d"),
    ("contact_number", d.contact_number, None, False, False, "d"),
    ("passport_no", d.passport_no, None, False, False, "d"),
    ("ref", d.ref, NN, True, False, "d"),
    ("value", d.value, "phone", True, False, "d"),
    ("label", d.label, FN, True, False, "d"),
    ("location", d.location, "address", True, False, "d"),
    ("misc", d.misc, "passport_number", True, False, "d"),
    # e
    ("field_23", e.field_23, NN, True, False, "e"),
    ("col_17", e.col_17, FN, True, False, "e"),
    ("Unnamed: 4", e.unnamed_4, "postcode", False, False, "e"),
    ("Unnamed: 5", e.unnamed_5, None, False, False, "e"),
    ("PTFLW_F03", e.ptflw_f03, "hospital_number", True, False, "e"),
    ("ZZ_ATTR_9", e.zz_attr_9, "date_of_birth", False, False, "e"),
    ("X1", e.x1, "phone", True, False, "e"),
    ("c12", e.c12, None, False, False, "e"),
    ("EXT_COL_004", e.ext_col_004, "email", True, False, "e"),
    ("field_24", e.field_24, None, False, False, "e"),
    ("SWB.FLD_8", e.swb_fld_8, None, False, False, "e"),
    ("V008", e.v008, "vehicle_registration", True, False, "e"),
    ("attr_x7f", e.attr_x7f, "uprn", True, False, "e"),
    ("Unnamed: 13", e.unnamed_13, "forename", True, False, "e"),
    # f
    ("Rhif GIG / NHS No", f.rhif_gig, NN, True, False, "f"),
    ("caller_tel", f.caller_tel, "phone", True, False, "f"),
    ("data_urodzenia", f.data_urodzenia, "date_of_birth", False, False, "f"),
    ("pt_postcode", f.pt_postcode, "postcode", False, False, "f"),
    ("TRAK_patient", f.trak_patient, FN, True, False, "f"),
    ("e-mail address(es)", f.email_addresses, "email", True, False, "f"),
    ("ni_no", f.ni_no, "ni_number", True, False, "f"),
    ("Àireamh CHI", f.aireamh_chi, "chi_number", True, False, "f"),
    ("hospital_no", f.hospital_no, "hospital_number", True, False, "f"),
    ("vehicle_reg", f.vehicle_reg, "vehicle_registration", True, False, "f"),
    ("home_address", f.home_address, "address", True, False, "f"),
    ("driving_licence_no", f.driving_licence_no, "driving_licence", True, False, "f"),
    ("specimen_no", f.specimen_no, None, False, False, "f"),
    ("diet_order_no", f.diet_order_no, None, False, False, "f"),
    # g
    ("asset_tag [EST]", g.asset_tag, None, False, False, "g"),
    ("product_name", g.product_name, None, False, False, "g"),
    ("drug_name", g.drug_name, None, False, False, "g"),
    ("building", g.building, None, False, False, "g"),
    ("radio_request_song", g.radio_request_song, None, False, False, "g"),
    ("site_name", g.site_name, None, False, False, "g"),
    ("supplier", g.supplier, None, False, False, "g"),
    ("fridge_serial", g.fridge_serial, None, False, False, "g"),
    ("tv_unit_mac", g.tv_unit_mac, None, False, False, "g"),
    ("catchment_district", g.catchment_district, None, False, False, "g"),
    ("equipment_model", g.equipment_model, None, False, False, "g"),
    ("hsdu_tray_id", g.hsdu_tray_id, None, False, False, "g"),
    ("organism", g.organism, None, False, False, "g"),
    ("linen_batch_code", g.linen_batch_code, None, False, False, "g"),
    # h
    ("forename", h.forename, "forename", True, False, "h"),
    ("surname", h.surname, "surname", True, False, "h"),
    ("PATIENT FULL NAME", h.patient_full_name, FN, True, False, "h"),
    ("deceased_name", h.deceased_name, FN, True, False, "h"),
    ("name", h.name, FN, True, False, "h"),
    ("nm_init", h.nm_init, FN, True, False, "h"),
    ("enw_claf", h.enw_claf, FN, True, False, "h"),
    ("ainm_an_euslaintich", h.ainm, FN, True, False, "h"),
    ("imię i nazwisko", h.imie_nazwisko, FN, True, False, "h"),
    ("mareez_da_naam", h.mareez_da_naam, FN, True, False, "h"),
    ("family_name", h.family_name, "surname", True, False, "h"),
    ("given_names", h.given_names, FN, True, False, "h"),
    # s
    ("porter_name", h.porter_name, FN, True, False, "s"),
    ("requesting_clinician", h.requesting_clinician, FN, True, False, "s"),
    ("photographer", h.photographer, FN, True, False, "s"),
    ("property_witnessed_by", h.property_witnessed_by, FN, True, False, "s"),
    ("switchboard_operator", h.switchboard_operator, "forename", True, False, "s"),
    ("volunteer_visitor", h.volunteer_visitor, FN, True, False, "s"),
]
