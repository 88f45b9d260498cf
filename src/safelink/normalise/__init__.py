"""Canonical forms for UK identifiers (see :mod:`safelink.normalise.local`).

The rules are SQL written once (:mod:`safelink.normalise.rules`, with the shared vocabulary in
:mod:`safelink.normalise.constants`) and run on polars here and on Spark by the Spark engine.
This package only re-exports the public API.
"""

from safelink.normalise.constants import (
    EARLIEST_BIRTH,
    BirthDatePlaceholders,
    NhsNumberRange,
    Reason,
)
from safelink.normalise.derive import (
    address_parts,
    canonical_sql,
    classify_nhs_number,
    name_parts,
    nhs_check_digit_valid,
    nhs_warnings,
    nysiis,
    postcode_area,
    postcode_district,
    postcode_sector,
    soundex,
)
from safelink.normalise.forenames import (
    forename_canonical,
    forename_canonical_table,
    forename_table_version,
)
from safelink.normalise.local import (
    NORMALISERS,
    Normalised,
    name_canonical_expr,
    normalise,
    normalise_address,
    normalise_chi_number,
    normalise_date,
    normalise_date_of_birth,
    normalise_driving_licence,
    normalise_email,
    normalise_name,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_passport_number,
    normalise_phone,
    normalise_postcode,
    normalise_sex,
    normalise_text,
    normalise_uprn,
    normalise_vehicle_registration,
)

__all__ = [
    "EARLIEST_BIRTH",
    "NORMALISERS",
    "BirthDatePlaceholders",
    "NhsNumberRange",
    "Normalised",
    "Reason",
    "address_parts",
    "canonical_sql",
    "classify_nhs_number",
    "forename_canonical",
    "forename_canonical_table",
    "forename_table_version",
    "name_canonical_expr",
    "name_parts",
    "nhs_check_digit_valid",
    "nhs_warnings",
    "normalise",
    "normalise_address",
    "normalise_chi_number",
    "normalise_date",
    "normalise_date_of_birth",
    "normalise_driving_licence",
    "normalise_email",
    "normalise_name",
    "normalise_nhs_number",
    "normalise_ni_number",
    "normalise_passport_number",
    "normalise_phone",
    "normalise_postcode",
    "normalise_sex",
    "normalise_text",
    "normalise_uprn",
    "normalise_vehicle_registration",
    "nysiis",
    "postcode_area",
    "postcode_district",
    "postcode_sector",
    "soundex",
]
