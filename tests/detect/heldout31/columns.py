"""Column table for held-out 31, in TRAPS.md order."""

from __future__ import annotations

from . import cat_a as a
from . import cat_b as b
from . import cat_cd as cd
from . import cat_ef as ef
from . import cat_ghs as g

NAME_KINDS = {"full_name", "forename", "surname"}
QUASI = {"date_of_birth", "postcode"}

# (name, kind, free_text, category, generator)
COLUMNS = [
    # a
    ("gritting_request_notes", "phone", True, "a", a.gritting_request_notes),
    ("sylwadau_teithio_ysgol", "full_name", True, "a", a.sylwadau_teithio_ysgol),
    ("uwagi_kierowcy", "email", True, "a", a.uwagi_kierowcy),
    ("observacoes_sinistro", "ni_number", True, "a", a.observacoes_sinistro),
    ("rtc_victim_support_narrative", "nhs_number", True, "a", a.rtc_victim_support_narrative),
    ("lighting_fault_description", "address", True, "a", a.lighting_fault_description),
    ("railcard_appeal_text", "date_of_birth", True, "a", a.railcard_appeal_text),
    ("bus_alarm_activation_log", "full_name", True, "a", a.bus_alarm_activation_log),
    ("claim_handler_commentary", "driving_licence", True, "a", a.claim_handler_commentary),
    ("carer_pass_renewal_comments", "forename", True, "a", a.carer_pass_renewal_comments),
    ("allotment_waiting_list_remarks", "postcode", True, "a", a.allotment_waiting_list_remarks),
    ("escooter_incident_free_text", "hospital_number", True, "a", a.escooter_incident_free_text),
    ("nodiadau_cais_tacsi", "passport_number", True, "a", a.nodiadau_cais_tacsi),
    ("ferry_concession_notes", "chi_number", True, "a", a.ferry_concession_notes),
    # b
    ("nhs_no", "nhs_number", False, "b", b.nhs_no),
    ("NHS Number (Excel)", "nhs_number", False, "b", b.nhs_number_excel),
    ("chi", "chi_number", False, "b", b.chi),
    ("patient_phone", "phone", False, "b", b.patient_phone),
    ("uprn_float", "uprn", False, "b", b.uprn_float),
    ("hosp_no_numeric", "hospital_number", False, "b", b.hosp_no_numeric),
    ("dob_excel_serial", "date_of_birth", False, "b", b.dob_excel_serial),
    ("nhs_number_text", "nhs_number", False, "b", b.nhs_number_text),
    ("railcard_number", None, False, "b", b.railcard_number),
    ("taxicard_no", None, False, "b", b.taxicard_no),
    ("claim_value_gbp", None, False, "b", b.claim_value_gbp),
    ("easting_m", None, False, "b", b.easting_m),
    ("ticket_machine_serial", None, False, "b", b.ticket_machine_serial),
    ("odometer_miles", None, False, "b", b.odometer_miles),
    # c
    ("emergency_contact", "full_name", False, "c", cd.emergency_contact),
    ("enw_gofalwr", "full_name", False, "c", cd.enw_gofalwr),
    ("osoba_kontaktowa", "full_name", False, "c", cd.osoba_kontaktowa),
    ("nome_do_acompanhante", "full_name", False, "c", cd.nome_do_acompanhante),
    ("escort_name", "full_name", False, "c", cd.escort_name),
    ("named_drivers", "full_name", False, "c", cd.named_drivers),
    ("next_of_kin_surname", "surname", False, "c", cd.next_of_kin_surname),
    ("preferred_name", "forename", False, "c", cd.preferred_name),
    ("witness_names", "full_name", False, "c", cd.witness_names),
    ("authorised_collector", "full_name", False, "c", cd.authorised_collector),
    ("joint_applicant", "full_name", False, "c", cd.joint_applicant),
    ("alarm_responder_1", "full_name", False, "c", cd.alarm_responder_1),
    ("relationship_to_claimant", None, False, "c", cd.relationship_to_claimant),
    ("child_first_name_note", "forename", False, "c", cd.child_first_name_note),
    # d
    ("notes", None, True, "d", cd.notes),
    ("nhs_number_supplied", None, False, "d", cd.nhs_number_supplied),
    ("passport_check", None, False, "d", cd.passport_check),
    ("postcode_area", None, False, "d", cd.postcode_area),
    ("driver", None, False, "d", cd.driver),
    ("name", None, False, "d", cd.name),
    ("reg_no", None, False, "d", cd.reg_no),
    ("reference", "nhs_number", False, "d", cd.reference),
    ("value", "email", False, "d", cd.value),
    ("info", "date_of_birth", False, "d", cd.info),
    ("description", "full_name", False, "d", cd.description),
    ("code", "ni_number", False, "d", cd.code),
    ("route_id", "vehicle_registration", False, "d", cd.route_id),
    ("observações", "phone", False, "d", cd.observacoes),
    # e
    ("field_23", "nhs_number", False, "e", ef.field_23),
    ("col_17", "postcode", False, "e", ef.col_17),
    ("Unnamed: 4", "full_name", False, "e", ef.unnamed_4),
    ("Unnamed: 11", None, False, "e", ef.unnamed_11),
    ("F0042_TXT", "email", False, "e", ef.f0042_txt),
    ("Q7b", "driving_licence", False, "e", ef.q7b),
    ("", "phone", False, "e", ef.empty_header),
    ("c_0009", None, False, "e", ef.c_0009),
    ("TRV_ASSIST_A1", "surname", False, "e", ef.trv_assist_a1),
    ("2", "hospital_number", False, "e", ef.header_2),
    ("ZZ_FLD_88", None, False, "e", ef.zz_fld_88),
    ("attr_5", "uprn", False, "e", ef.attr_5),
    ("kolumna_12", "ni_number", False, "e", ef.kolumna_12),
    ("campo_9", None, False, "e", ef.campo_9),
    # f
    ("nhs_number_mixed", "nhs_number", False, "f", ef.nhs_number_mixed),
    ("data_urodzenia", "date_of_birth", False, "f", ef.data_urodzenia),
    ("cod_postal", "postcode", False, "f", ef.cod_postal),
    ("ffon_symudol", "phone", False, "f", ef.ffon_symudol),
    ("ni_num", "ni_number", False, "f", ef.ni_num),
    ("contact_email", "email", False, "f", ef.contact_email),
    ("vrm", "vehicle_registration", False, "f", ef.vrm),
    ("licence_no", "driving_licence", False, "f", ef.licence_no),
    ("passport", "passport_number", False, "f", ef.passport),
    ("chi_no", "chi_number", False, "f", ef.chi_no),
    ("applicant_name", "full_name", False, "f", ef.applicant_name),
    ("home_address", "address", False, "f", ef.home_address),
    ("incident_date", None, False, "f", ef.incident_date),
    ("hospital_no", "hospital_number", False, "f", ef.hospital_no),
    # g
    ("bus_route_name", None, False, "g", g.bus_route_name),
    ("nazwa_przystanku", None, False, "g", g.nazwa_przystanku),
    ("operator_licence", None, False, "g", g.operator_licence),
    ("trip_ref", None, False, "g", g.trip_ref),
    ("asset_tag", None, False, "g", g.asset_tag),
    ("mobility_product", None, False, "g", g.mobility_product),
    ("organisation", None, False, "g", g.organisation),
    ("place_of_incident", None, False, "g", g.place_of_incident),
    ("medication_at_incident", None, False, "g", g.medication_at_incident),
    ("booking_ref", None, False, "g", g.booking_ref),
    ("gritting_route", None, False, "g", g.gritting_route),
    ("modelo_veiculo", None, False, "g", g.modelo_veiculo),
    ("os_grid_ref", None, False, "g", g.os_grid_ref),
    ("dept_mailbox", None, False, "g", g.dept_mailbox),
    # h
    ("forename", "forename", False, "h", g.forename),
    ("surname", "surname", False, "h", g.surname),
    ("imie_i_nazwisko", "full_name", False, "h", g.imie_i_nazwisko),
    ("nome_completo", "full_name", False, "h", g.nome_completo),
    ("enw_llawn", "full_name", False, "h", g.enw_llawn),
    ("passenger", "full_name", False, "h", g.passenger),
    ("claimant_name_caps", "full_name", False, "h", g.claimant_name_caps),
    ("initials_surname", "full_name", False, "h", g.initials_surname),
    ("ainm", "full_name", False, "h", g.ainm),
    ("naam", "full_name", False, "h", g.naam),
    ("surname_particles", "surname", False, "h", g.surname_particles),
    ("child_forename", "forename", False, "h", g.child_forename),
    ("gritter_name", None, False, "h", g.gritter_name),
    ("ferry_vessel", None, False, "h", g.ferry_vessel),
    # s
    ("caseworker", "full_name", False, "s", g.caseworker),
    ("assessed_by", "full_name", False, "s", g.assessed_by),
    ("travel_trainer", "forename", False, "s", g.travel_trainer),
    ("referrer_surname", "surname", False, "s", g.referrer_surname),
    ("handled_by_user", "full_name", False, "s", g.handled_by_user),
    ("pracownik_socjalny", "full_name", False, "s", g.pracownik_socjalny),
]


def is_direct(kind: str | None) -> bool:
    return kind is not None and kind not in QUASI
