"""The column table of heldout24, in TRAPS.md order.

Each row: (name, kind, direct, free_text, category, generator(rng, rows)).
"""

from . import gen_formats as f
from . import gen_headers as hd
from . import gen_lookalikes as g
from . import gen_names as nm
from . import gen_numeric as b
from . import gen_text as t

QUASI = {"date_of_birth", "postcode"}

_A = [
    ("hb_overpayment_narrative", "full_name"),
    ("spd_review_comments", "forename"),
    ("ea_referral_notes", "phone"),
    ("debt_advice_casenote", "email"),
    ("uniform_grant_comments", "ni_number"),
    ("tell_us_once_notes", "nhs_number"),
    ("llc_search_remarks", "address"),
    ("street_trading_officer_notes", "vehicle_registration"),
    ("boarding_inspection_notes", "postcode"),
    ("ctr_appeal_grounds", "date_of_birth"),
    ("tribunal_bundle_notes", "surname"),
    ("hsf_award_notes", "uprn"),
    ("scrap_metal_licence_notes", "driving_licence"),
    ("Notaichean cùise", "chi_number"),
]

_B = [
    ("nhs_no", "nhs_number", b.nhs_no),
    ("chi_no", "chi_number", b.chi_no),
    ("uprn", "uprn", b.uprn),
    ("tel_mobile", "phone", b.tel_mobile),
    ("pas_mrn", "hospital_number", b.pas_mrn),
    ("tel_home", "phone", b.tel_home),
    ("dob_serial", "date_of_birth", b.dob_serial),
    ("ctax_account", None, b.ctax_account),
    ("hb_claim_ref", None, b.hb_claim_ref),
    ("nndr_property_ref", None, b.nndr_property_ref),
    ("sort_code", None, b.sort_code),
    ("debt_case_id", None, b.debt_case_id),
    ("voucher_barcode", None, b.voucher_barcode),
    ("award_date_serial", None, b.award_date_serial),
]

_C = [
    ("joint_liable_party", "full_name", nm.joint_liable_party),
    ("other_adults_resident", "full_name", nm.other_adults_resident),
    ("spd_occupant_declared", "full_name", nm.spd_occupant_declared),
    ("appellant_representative", "full_name", nm.appellant_representative),
    ("nok_forename", "forename", nm.nok_forename),
    ("debtor_surname", "surname", nm.debtor_surname),
    ("tuo_deceased_name", "full_name", nm.tuo_deceased_name),
    ("licence_holder_partner", "full_name", nm.licence_holder_partner),
    ("household_relationship", None, nm.household_relationship),
    ("enw_perthynas", "full_name", nm.enw_perthynas),
    ("appointee_name", "full_name", nm.appointee_name),
    ("children_in_household", "forename", nm.children_in_household),
    ("previous_surname", "surname", nm.previous_surname),
    ("wspollokatorzy", "full_name", nm.wspollokatorzy),
]

_D = [
    ("notes", None, t.notes, True),
    ("search_comments", None, t.search_comments, True),
    ("nhs_ref", None, hd.nhs_ref, False),
    ("ni_no", None, hd.ni_no, False),
    ("DOB", None, hd.dob_flags, False),
    ("licensee_name", None, hd.licensee_name, False),
    ("email", None, hd.email_flags, False),
    ("mobile", None, hd.mobile_flags, False),
    ("postcode", None, hd.postcode_lsoa, False),
    ("ref", "nhs_number", hd.ref_nhs, False),
    ("value", "ni_number", hd.value_ni, False),
    ("details", "email", hd.details_email, False),
    ("description", "full_name", hd.description_name, False),
    ("misc", "address", hd.misc_address, False),
]

_E = [
    ("field_23", "nhs_number", hd.field_23),
    ("col_17", "full_name", hd.col_17),
    ("Unnamed: 4", "email", hd.unnamed_4),
    ("Unnamed: 7", None, hd.unnamed_7),
    ("CTX_PER_FNAM", "forename", hd.ctx_fnam),
    ("CTX_PER_SNAM", "surname", hd.ctx_snam),
    ("HBX_CLM_K07", "ni_number", hd.hbx_k07),
    ("A3_F09", "postcode", hd.a3_f09),
    ("X_0012", "date_of_birth", hd.x_0012),
    ("attr_5", "phone", hd.attr_5),
    ("c14", None, hd.c14),
    ("Column1", None, hd.column1),
    ("FLD_4", "address", hd.fld_4),
    ("TX_FLD_88", None, hd.tx_fld_88),
]

_F = [
    ("patient_nhs_no", "nhs_number", f.patient_nhs_no),
    ("contact_tel", "phone", f.contact_tel),
    ("claimant_dob", "date_of_birth", f.claimant_dob),
    ("supply_postcode", "postcode", f.supply_postcode),
    ("nino", "ni_number", f.nino),
    ("debtor_name", "full_name", f.debtor_name),
    ("correspondence_address", "address", f.correspondence_address),
    ("email_addr", "email", f.email_addr),
    ("chi", "chi_number", f.chi),
    ("property_uprn", "uprn", f.property_uprn),
    ("vehicle_reg", "vehicle_registration", f.vehicle_reg),
    ("passport_no", "passport_number", f.passport_no),
    ("dvla_licence", "driving_licence", f.dvla_licence),
    ("hearing_date", None, f.hearing_date),
]

_G = [
    ("llc_register_ref", g.llc_register_ref),
    ("pitch_description", g.pitch_description),
    ("boarding_premises_name", g.boarding_premises_name),
    ("uniform_item", g.uniform_item),
    ("creditor", g.creditor),
    ("ward", g.ward),
    ("referring_agency", g.referring_agency),
    ("meter_serial", g.meter_serial),
    ("batch_id", g.batch_id),
    ("case_code", g.case_code),
    ("title_number", g.title_number),
    ("vat_reg_no", g.vat_reg_no),
    ("medication_listed", g.medication_listed),
    ("animal_names", g.animal_names),
]

_H = [
    ("claimant_name", "full_name", nm.claimant_name),
    ("first_name", "forename", nm.first_name),
    ("last_name", "surname", nm.last_name),
    ("applicant", "full_name", nm.applicant),
    ("tenant_name", "full_name", nm.tenant_name),
    ("respondent_name", "full_name", nm.respondent_name),
    ("NAME_UPPER", "full_name", nm.name_upper),
    ("signatory", "full_name", nm.signatory),
    ("enw_llawn", "full_name", nm.enw_llawn),
    ("ainm", "full_name", nm.ainm),
    ("nazwisko", "surname", nm.nazwisko),
    ("naam", "full_name", nm.naam),
    ("payee_name", "full_name", nm.payee_name),
    ("account_holder", "full_name", nm.account_holder),
]

_S = [
    ("assessing_officer", "full_name", nm.assessing_officer),
    ("enforcement_agent", "full_name", nm.enforcement_agent),
    ("tribunal_judge", "full_name", nm.tribunal_judge),
    ("licensing_officer_first", "forename", nm.licensing_officer_first),
    ("debt_adviser", "full_name", nm.debt_adviser),
    ("signed_off_by", "full_name", nm.signed_off_by),
]


def _direct(kind):
    return kind is not None and kind not in QUASI


COLUMNS = (
    [(n, k, _direct(k), True, "a", t.make_a(n)) for n, k in _A]
    + [(n, k, _direct(k), False, "b", fn) for n, k, fn in _B]
    + [(n, k, _direct(k), False, "c", fn) for n, k, fn in _C]
    + [(n, k, _direct(k), ft, "d", fn) for n, k, fn, ft in _D]
    + [(n, k, _direct(k), False, "e", fn) for n, k, fn in _E]
    + [(n, k, _direct(k), False, "f", fn) for n, k, fn in _F]
    + [(n, None, False, False, "g", fn) for n, fn in _G]
    + [(n, k, _direct(k), False, "h", fn) for n, k, fn in _H]
    + [(n, k, _direct(k), False, "s", fn) for n, k, fn in _S]
)
