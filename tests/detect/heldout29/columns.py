"""Column table for held-out 29, in TRAPS.md order: (name, kind, direct, free_text, category)."""

from . import gen_formats, gen_headers, gen_lookalikes, gen_names, gen_numeric, gen_text

QUASI = {"date_of_birth", "postcode"}


def _rows(category, specs, free_text=False):
    out = []
    for name, kind in specs:
        direct = kind is not None and kind not in QUASI
        out.append((name, kind, direct, free_text, category))
    return out


COLUMNS = (
    _rows("a", [(name, kind) for name, kind, _ in gen_text.A_COLUMNS], free_text=True)
    + _rows(
        "b",
        [
            ("NHS_No", "nhs_number"),
            ("nhs_number_xl", "nhs_number"),
            ("chi_num", "chi_number"),
            ("uprn_val", "uprn"),
            ("tel_home", "phone"),
            ("nhs_no_sep", "nhs_number"),
            ("hosp_no", "hospital_number"),
            ("ledger_batch_id", None),
            ("court_fee_receipt", None),
            ("property_value_gbp", None),
            ("cheque_serial", None),
            ("dd_mandate_ref", None),
            ("bacs_run_ref", None),
            ("meter_serial", None),
        ],
    )
    + _rows(
        "c",
        [
            ("next_of_kin", "full_name"),
            ("deputy_name", "full_name"),
            ("attorney_1", "full_name"),
            ("attorney_replacement", "full_name"),
            ("dwp_appointee", "full_name"),
            ("topup_payer", "full_name"),
            ("executor_1", "full_name"),
            ("funeral_contact", "full_name"),
            ("magaca_qaraabada", "full_name"),
            ("rishtedar_ka_naam", "full_name"),
            ("nume_apartinator", "surname"),
            ("prenume_contact", "forename"),
            ("nearest_relative_first", "forename"),
            ("nok_relationship", None),
        ],
    )
    + _rows("d", [("case_notes", None)], free_text=True)
    + _rows(
        "d",
        [
            ("nhs_ref", None),
            ("patient_name", None),
            ("dob", None),
            ("ni_number", None),
            ("address", None),
            ("surname_soundex", None),
            ("executor", None),
            ("ref", "nhs_number"),
            ("contact", "email"),
            ("details", "full_name"),
            ("value", "phone"),
            ("misc", "ni_number"),
            ("area", "postcode"),
        ],
    )
    + _rows(
        "e",
        [
            ("field_23", "nhs_number"),
            ("col_17", "full_name"),
            ("Unnamed: 4", "address"),
            ("Unnamed: 11", "phone"),
            ("FA0342", "ni_number"),
            ("PRS_SNM", "surname"),
            ("X_EML_ADR", "email"),
            ("c09", "date_of_birth"),
            ("field_24", None),
            ("col_18", None),
            ("Unnamed: 5", None),
            ("FA0343", None),
            ("CLNT_SRC_CD", None),
            ("c10", None),
        ],
    )
    + _rows(
        "f",
        [
            ("nhs_number", "nhs_number"),
            ("telephone", "phone"),
            ("postcode", "postcode"),
            ("date_of_birth", "date_of_birth"),
            ("ni_no", "ni_number"),
            ("client_name", "full_name"),
            ("email_address", "email"),
            ("chi_no", "chi_number"),
            ("uprn", "uprn"),
            ("motability_reg_mark", "vehicle_registration"),
            ("passport_no", "passport_number"),
            ("driving_licence_no", "driving_licence"),
            ("assessment_date", None),
            ("amount_owed", None),
        ],
    )
    + _rows("g", [(name, None) for name in gen_lookalikes.G_GENERATORS])
    + _rows(
        "h",
        [
            ("forename", "forename"),
            ("surname", "surname"),
            ("name_on_benefit_record", "full_name"),
            ("naam_poora", "full_name"),
            ("purno_nam", "full_name"),
            ("magaca_buuxa", "full_name"),
            ("nume_complet", "full_name"),
            ("ainm_iomlán", "full_name"),
            ("DECEASED_NAME", "full_name"),
            ("signatory", "full_name"),
            ("maiden_name", "surname"),
            ("name_as_on_passport", "full_name"),
            ("beneficiary", "full_name"),
            ("donor_name", "full_name"),
        ],
    )
    + _rows(
        "s",
        [
            ("allocated_worker", "full_name"),
            ("assessing_officer", "full_name"),
            ("capacity_assessor", "full_name"),
            ("caseworker_first", "forename"),
            ("opg_visitor", "full_name"),
            ("panel_member_surname", "surname"),
        ],
    )
)

GENERATORS = {
    **gen_text.GENERATORS,
    **gen_numeric.GENERATORS,
    **gen_names.C_GENERATORS,
    **gen_headers.D_GENERATORS,
    **gen_headers.E_GENERATORS,
    **gen_formats.F_GENERATORS,
    **gen_lookalikes.G_GENERATORS,
    **gen_names.H_GENERATORS,
    **gen_names.S_GENERATORS,
}
