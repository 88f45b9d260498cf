"""The kinds of identifier safelink knows, as one enum used everywhere."""

from __future__ import annotations

from enum import StrEnum


class Identifier(StrEnum):
    """A kind of personal identifier found in UK health and social-care extracts."""

    NHS_NUMBER = "nhs_number"
    CHI_NUMBER = "chi_number"
    NI_NUMBER = "ni_number"
    FORENAME = "forename"
    SURNAME = "surname"
    FULL_NAME = "full_name"
    DATE_OF_BIRTH = "date_of_birth"
    POSTCODE = "postcode"
    ADDRESS = "address"
    SEX = "sex"
    PHONE = "phone"
    EMAIL = "email"
    UPRN = "uprn"
    HOSPITAL_NUMBER = "hospital_number"
    PASSPORT_NUMBER = "passport_number"
    DRIVING_LICENCE = "driving_licence"
    VEHICLE_REGISTRATION = "vehicle_registration"
    OTHER = "other"
    """Any other identifier, normalised and compared as its column's config says."""


#: Identifiers that single a person out on their own (a release must never contain them).
DIRECT_IDENTIFIERS = frozenset(
    {
        Identifier.NHS_NUMBER,
        Identifier.CHI_NUMBER,
        Identifier.NI_NUMBER,
        Identifier.FORENAME,
        Identifier.SURNAME,
        Identifier.FULL_NAME,
        Identifier.ADDRESS,
        Identifier.PHONE,
        Identifier.EMAIL,
        Identifier.UPRN,
        Identifier.HOSPITAL_NUMBER,
        Identifier.PASSPORT_NUMBER,
        Identifier.DRIVING_LICENCE,
        Identifier.VEHICLE_REGISTRATION,
        Identifier.OTHER,
    }
)

#: Identifiers that single a person out only in combination (quasi-identifiers): a release may
#: hold them generalised, under the disclosure control.
QUASI_IDENTIFIERS = frozenset({Identifier.DATE_OF_BIRTH, Identifier.POSTCODE, Identifier.SEX})
