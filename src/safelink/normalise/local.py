"""Canonical forms for UK identifiers, vectorised over a polars Series (the local engine).

Every normaliser takes a Series of text and returns a :class:`Normalised`: the canonical value
(null where the input was missing or rejected) and the rejection reason (null where accepted or
missing). Values are never dropped silently and never logged: callers count reasons per column.
The rules themselves are SQL written once (:mod:`safelink.normalise.rules`), run here on polars
and by the Spark engine on Spark; phone numbers alone use a Python library (``phonenumbers``).

Canonical forms:

========================  ===========================================================
NHS number, CHI number    10 digits, no separators; modulus-11 check digit valid
NI number                 ``AB123456C`` (upper case, no spaces), prefix rules applied
name                      NFKD, accents removed, upper case, titles and punctuation removed
date of birth             ISO ``YYYY-MM-DD`` (``04/03/1975`` read day first)
postcode                  ``SW1A 1AA`` (one space before the inward code)
sex                       NHS data dictionary: ``1`` male, ``2`` female, ``9`` indeterminate,
                          ``X`` not known
phone                     E.164 via ``phonenumbers`` (GB by default)
email                     trimmed, lower case
address                   ``FLAT 1 21 ASH GROVE LONDON NW2 3LN``: upper case, no punctuation,
                          flat designators and street types spelt out, postcode written
========================  ===========================================================
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
import polars as pl
import pyarrow.compute as pc

from safelink.config._generic import GenericNormalise
from safelink.engines.backend import PolarsBackend
from safelink.engines.sql import quote
from safelink.identifiers import Identifier
from safelink.infra.blank import blank_to_null
from safelink.normalise import rules
from safelink.normalise.constants import (
    DEFAULT_BIRTH_DATE_PLACEHOLDERS,
    BirthDatePlaceholders,
    Reason,
)

_BACKEND = PolarsBackend()
_RAW = "raw"
_SOURCE = quote(_RAW)


@dataclass(frozen=True, slots=True)
class Normalised:
    """The result of normalising a column.

    Attributes:
        values: canonical values; null where the input was missing or rejected.
        reasons: rejection reasons (:class:`Reason` values); null where accepted or missing.

    """

    values: pl.Series
    reasons: pl.Series

    def rejected_counts(self) -> dict[str, int]:
        """Count rejected values by reason (never the values themselves)."""
        counts = self.reasons.drop_nulls().value_counts()
        return {str(r): int(n) for r, n in counts.iter_rows()}

    @property
    def missing(self) -> int:
        """Number of inputs that were missing (null or blank), not rejected."""
        return int((self.values.is_null() & self.reasons.is_null()).sum())


_SAMPLE_ROWS = 20_000
_NEARLY_ALL = 0.9


def mostly_distinct(values: pl.Series) -> bool:
    """Whether nearly all of a column's first 20,000 values differ (over 90%).

    A cheap test before :func:`distinct_positions`: for a column of identifiers that never
    repeat (NHS numbers, postcodes, addresses) the hash pass would be wasted. Values that
    repeat only over a whole batch pass it: 20,000 dates of birth over a century are about
    77% distinct, 250,000 about 15%.
    """
    sample = values.head(_SAMPLE_ROWS)
    return sample.n_unique() > _NEARLY_ALL * sample.len()


def distinct_positions(values: pl.Series) -> tuple[pl.Series, pl.Series]:
    """The distinct values of a text column and each row's position among them.

    One hash pass (Arrow's dictionary encoding; a null is one of the distinct values), so
    that work done once per distinct value is mapped back row for row by a gather:
    ``distinct.gather(positions)`` is ``values``.
    """
    encoded = pc.dictionary_encode(values.to_arrow(), null_encoding="encode")
    distinct = pl.Series(values.name, encoded.dictionary, dtype=pl.String)
    positions = pl.Series("positions", encoded.indices).cast(pl.UInt32)
    return distinct, positions


def _finish(
    frame: pl.DataFrame, name: str, value: str = "value", reason: str = "reason"
) -> Normalised:
    values = frame.get_column(value).alias(name)
    reasons = frame.get_column(reason).cast(pl.String).alias(name)
    return Normalised(values=values, reasons=reasons)


def run_rule(rule: rules.Rule, values: pl.Series) -> Normalised:
    """Evaluate a SQL rule (on the column ``"raw"``) over ``values`` with polars."""
    frame = pl.LazyFrame({_RAW: values})
    added = rules.apply_rule(_BACKEND, frame, rule).select(rule.value, rule.reason).collect()
    return _finish(added, values.name, rule.value, rule.reason)


def normalise_nhs_number(values: pl.Series) -> Normalised:
    """Normalise NHS numbers (``9434765919``, ``943 476 5919``, ``943-476-5919``).

    Rejects non-10-digit values, a lost leading zero (9 digits: a number stored as an
    integer), a failing modulus-11 check digit, and placeholders (ten repeated digits, which
    pass the check).

    Args:
        values: text column.

    Returns:
        Canonical 10-digit strings and rejection reasons.

    """
    return run_rule(rules.nhs_number(_SOURCE), values)


def normalise_chi_number(values: pl.Series) -> Normalised:
    """Normalise Scottish CHI numbers: as NHS numbers, and the first six digits are DDMMYY.

    A 9-digit value (a CHI for someone born on days 1-9 stored as an integer) is rejected as
    ``leading_zero_lost`` rather than repaired, because the repair cannot be checked.
    """
    return run_rule(rules.chi_number(_SOURCE), values)


def normalise_ni_number(values: pl.Series) -> Normalised:
    """Normalise National Insurance numbers to ``AB123456C`` with the real prefix rules."""
    return run_rule(rules.ni_number(_SOURCE), values)


def name_canonical_expr(raw: pl.Expr) -> pl.Expr:
    """Polars expression: the canonical form of a name column (see module docstring)."""
    return raw.cast(pl.String).map_batches(
        _name_canonical, return_dtype=pl.String, is_elementwise=True
    )


def _name_canonical(values: pl.Series) -> pl.Series:
    return run_rule(rules.name_canonical(_SOURCE), values).values


def normalise_name(values: pl.Series) -> Normalised:
    """Normalise a forename or surname.

    Unicode NFKD with accents removed, upper case, titles (MR, MRS, DR, ...) and suffixes
    (JR, III, ...) removed, apostrophes dropped, other punctuation and spaces collapsed to one
    space. ``"Mrs. Zoë O'Brien-Smith"`` becomes ``"ZOE OBRIEN SMITH"``. Values with digits
    are rejected. Use :func:`~safelink.normalise.name_parts` for the parts of multi-part names.
    """
    return run_rule(rules.name(_SOURCE), values)


def normalise_date_of_birth(
    values: pl.Series,
    *,
    today: dt.date | None = None,
    placeholders: BirthDatePlaceholders = DEFAULT_BIRTH_DATE_PLACEHOLDERS,
) -> Normalised:
    """Normalise dates of birth to ISO ``YYYY-MM-DD`` (``YYYY-MM`` or ``YYYY`` when partial).

    Accepts ``04/03/1975`` (day first, as UK extracts write it), ``1975-03-04``,
    ``4 Mar 1975``, ``4 March 1975``, ``19750304`` and ISO timestamps. Two-digit years are
    rejected as ambiguous; impossible (31/02), future and pre-1890 dates are rejected.
    Partial dates are accepted: ``1978`` -> ``1978``; ``1978-03`` and ``03/1978`` ->
    ``1978-03``. Placeholders: 1 January of a year (what systems write when only the year is
    known) becomes the year alone; 1900-01-01 and 1800-01-01 (an unknown date of birth) are
    rejected as ``placeholder``. Both lists are ``placeholders`` (the job config's
    ``tokens.unknown_birth_dates`` and ``tokens.year_only_birth_days``).

    Args:
        values: text column.
        today: the reference date for "future" (defaults to the current date).
        placeholders: the dates written for an unknown date of birth, and the days written
            when only the year is known.

    """
    today = today or dt.date.today()
    rule = rules.date_of_birth(_SOURCE, today=today, placeholders=placeholders)
    return run_rule(rule, values)


def normalise_date(values: pl.Series, *, today: dt.date | None = None) -> Normalised:
    """Normalise dates that are not births (event dates) to ISO ``YYYY-MM-DD``.

    The forms :func:`normalise_date_of_birth` reads, full dates only and without its
    placeholders (1 January is a real day here).
    """
    today = today or dt.date.today()
    return run_rule(rules.date_of_birth(_SOURCE, today=today, partial=False), values)


def normalise_uprn(values: pl.Series) -> Normalised:
    """Normalise UPRNs: 1 to 12 digits; a trailing ``.0`` repaired, scientific notation refused."""
    return run_rule(rules.uprn(_SOURCE), values)


def normalise_postcode(values: pl.Series) -> Normalised:
    """Normalise UK postcodes to upper case with one space before the inward code."""
    return run_rule(rules.postcode(_SOURCE), values)


def normalise_sex(values: pl.Series) -> Normalised:
    """Map sex/gender codes (M/F/Male/Female/1/2/U/9/...) to the NHS data dictionary codes."""
    return run_rule(rules.sex(_SOURCE), values)


def normalise_phone(values: pl.Series, *, region: str = "GB") -> Normalised:
    """Normalise phone numbers to E.164 with ``phonenumbers`` (default region GB).

    The only normaliser with no SQL rule: it runs on the local engine only.
    """

    def to_e164(text: str) -> str | None:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
        # "Possible" (right length for its region) rather than "valid": Ofcom's drama ranges,
        # used for synthetic data, and newly allocated ranges are not in the metadata.
        if not phonenumbers.is_possible_number(number):
            return None
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    cleaned = pl.DataFrame({"raw": values}).select(blank_to_null(pl.col("raw")).alias("t"))["t"]
    distinct = cleaned.drop_nulls().unique()
    table = pl.DataFrame(
        {
            "t": distinct,
            "value": pl.Series([to_e164(v) for v in distinct.to_list()], dtype=pl.String),
        }
    )
    frame = pl.DataFrame({"t": cleaned}).join(table, on="t", how="left", maintain_order="left")
    frame = frame.with_columns(
        pl.when(pl.col("t").is_not_null() & pl.col("value").is_null())
        .then(pl.lit(Reason.INVALID_PHONE.value))
        .otherwise(None)
        .alias("reason")
    )
    return _finish(frame, values.name)


def normalise_email(values: pl.Series) -> Normalised:
    """Normalise email addresses: trimmed and lower-cased, with a basic shape check."""
    return run_rule(rules.email(_SOURCE), values)


def normalise_text(values: pl.Series) -> Normalised:
    """Generic normaliser for identifiers without special rules: trimmed, upper case."""
    return run_rule(rules.text(_SOURCE), values)


def normalise_address(values: pl.Series) -> Normalised:
    """Normalise addresses: one spelling for the ways one address is written.

    Upper case without accents or punctuation, flat and floor designators as ``FLAT <n>``,
    street types spelt out, a closing postcode written as postcodes are
    (:func:`safelink.normalise.rules.address`): ``Flat 1, 21 Ash Gr. London NW23LN`` becomes
    ``FLAT 1 21 ASH GROVE LONDON NW2 3LN``. A value with no letter or digit is rejected as
    ``empty_after_cleaning``. Its parts are :func:`safelink.normalise.address_parts`.
    """
    return run_rule(rules.address(_SOURCE), values)


def normalise_passport_number(values: pl.Series) -> Normalised:
    """Normalise UK passport numbers: upper case, no spaces (``123456789``, ``AB1234567``)."""
    return run_rule(rules.passport_number(_SOURCE), values)


def normalise_driving_licence(values: pl.Series) -> Normalised:
    """Normalise UK driving licence numbers: 16 characters, month and day of birth checked."""
    return run_rule(rules.driving_licence(_SOURCE), values)


def normalise_vehicle_registration(values: pl.Series) -> Normalised:
    """Normalise UK vehicle registration marks: upper case, no spaces (``AB51ABC``)."""
    return run_rule(rules.vehicle_registration(_SOURCE), values)


def normalise_other(values: pl.Series, settings: GenericNormalise | None = None) -> Normalised:
    """Normalise a ``kind: other`` identifier with its declared steps.

    Args:
        values: text column.
        settings: the column's ``normalise:`` steps (default: trimmed, upper case).

    Returns:
        Canonical values, and ``invalid_format`` where the settings' pattern does not match.
    """
    rule = rules.rule_for(Identifier.OTHER, _SOURCE, today=dt.date.today(), generic=settings)
    return run_rule(rule, values)


NORMALISERS: dict[Identifier, Callable[[pl.Series], Normalised]] = {
    Identifier.NHS_NUMBER: normalise_nhs_number,
    Identifier.CHI_NUMBER: normalise_chi_number,
    Identifier.NI_NUMBER: normalise_ni_number,
    Identifier.FORENAME: normalise_name,
    Identifier.SURNAME: normalise_name,
    Identifier.FULL_NAME: normalise_name,
    Identifier.DATE_OF_BIRTH: normalise_date_of_birth,
    Identifier.POSTCODE: normalise_postcode,
    Identifier.SEX: normalise_sex,
    Identifier.PHONE: normalise_phone,
    Identifier.EMAIL: normalise_email,
    Identifier.ADDRESS: normalise_address,
    Identifier.UPRN: normalise_uprn,
    Identifier.HOSPITAL_NUMBER: normalise_text,
    Identifier.PASSPORT_NUMBER: normalise_passport_number,
    Identifier.DRIVING_LICENCE: normalise_driving_licence,
    Identifier.VEHICLE_REGISTRATION: normalise_vehicle_registration,
    Identifier.OTHER: normalise_other,
}


def normalise(
    kind: Identifier,
    values: pl.Series,
    *,
    placeholders: BirthDatePlaceholders = DEFAULT_BIRTH_DATE_PLACEHOLDERS,
    generic: GenericNormalise | None = None,
    today: dt.date | None = None,
) -> Normalised:
    """Normalise a column with the normaliser for its identifier kind.

    Columns with many repeats (names, dates, postcodes, sex) are normalised once per distinct
    value and mapped back, which is several times faster and gives identical results.

    Args:
        kind: the identifier kind.
        values: the column (any dtype; cast to text).
        placeholders: for dates of birth, the placeholder dates
            (:func:`normalise_date_of_birth`).
        generic: for ``kind: other``, the column's declared steps (default: trimmed, upper
            case).
        today: for dates of birth, the reference date for "future" (default: the current
            date); an engine that tokenises on many machines fixes it once per run.

    Returns:
        Canonical values and rejection reasons, row for row.

    """
    normaliser = NORMALISERS[kind]
    if kind is Identifier.OTHER:
        normaliser = functools.partial(normalise_other, settings=generic)
    if kind is Identifier.DATE_OF_BIRTH and (
        placeholders != DEFAULT_BIRTH_DATE_PLACEHOLDERS or today is not None
    ):
        normaliser = functools.partial(
            normalise_date_of_birth, placeholders=placeholders, today=today
        )
    text = values.cast(pl.String)
    if mostly_distinct(text):
        return normaliser(text)
    distinct, positions = distinct_positions(text)
    if distinct.len() * 2 > text.len():
        return normaliser(text)
    result = normaliser(distinct)
    return Normalised(
        values=result.values.gather(positions).alias(values.name),
        reasons=result.reasons.gather(positions).cast(pl.String).alias(values.name),
    )
