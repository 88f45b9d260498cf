"""The rule of each identifier kind, chosen in one place, and the rules run on any backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from safelink.config._generic import GenericNormalise
from safelink.engines.backend import Backend
from safelink.engines.sql import literal
from safelink.identifiers import Identifier
from safelink.normalise import constants as c
from safelink.normalise.constants import WS, Reason
from safelink.normalise.rules.dates import (
    date_of_birth,
)
from safelink.normalise.rules.names import name
from safelink.normalise.rules.numbers import (
    chi_number,
    driving_licence,
    nhs_number,
    ni_number,
    passport_number,
    uprn,
    vehicle_registration,
)
from safelink.normalise.rules.places import (
    address,
    postcode,
)
from safelink.normalise.rules.sql import (
    Fold,
    Rule,
    _accepted,
    _guarded,
    _reason,
    _Steps,
    blank,
    matches,
    replace_all,
)

# -- NHS and CHI numbers ---------------------------------------------------------------------


# -- National Insurance numbers --------------------------------------------------------------


# -- names -----------------------------------------------------------------------------------


# -- dates of birth --------------------------------------------------------------------------


#: What joins the parts of a composite token's value (never in a canonical value).
COMPOSITE_SEPARATOR = "|"


def composite(parts: Sequence[str]) -> str:
    """SQL: the value of a composite token, its parts' values joined; NULL if any part is.

    ``1978|03`` for a date of birth's year and month: keyed as one token, it has the
    cardinality of the pair, not of each part (:mod:`safelink.normalise.composite`).
    """
    present = " AND ".join(f"{p} IS NOT NULL" for p in parts)
    joined = f" || '{COMPOSITE_SEPARATOR}' || ".join(parts)
    return f"CASE WHEN {present} THEN {joined} END"


# -- postcodes -------------------------------------------------------------------------------


# -- sex, e-mail, text -----------------------------------------------------------------------


@cache
def sex(source: str, prefix: str = "") -> Rule:
    """Sex and gender codes to the NHS data dictionary codes (``1``, ``2``, ``9``, ``X``)."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (key,) = steps.add(key=replace_all(f"UPPER({present})", f"[{WS}]+", " "))
    codes = " ".join(f"WHEN {literal(k)} THEN {literal(v)}" for k, v in c.SEX_CODES.items())
    (value,) = steps.add(value=f"CASE {key} {codes} END")
    steps.add(reason=_guarded(present, _reason((f"{value} IS NULL", Reason.UNKNOWN_CODE))))
    return steps.rule()


@cache
def email(source: str, prefix: str = "") -> Rule:
    """E-mail addresses: trimmed and lower case, with a basic shape check."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (lowered,) = steps.add(lowered=f"LOWER({present})")
    reason = _reason((f"NOT {matches(lowered, c.EMAIL)}", Reason.INVALID_EMAIL))
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, lowered))
    return steps.rule()


@cache
def text(source: str, prefix: str = "") -> Rule:
    """Identifiers without special rules: trimmed, upper case, runs of whitespace one space."""
    steps = _Steps(prefix)
    value = replace_all(f"UPPER({blank(source)})", f"[{WS}]+", " ")
    return steps.finish(value, "CAST(NULL AS VARCHAR)")


# -- addresses -------------------------------------------------------------------------------


# -- passports, driving licences, vehicle registrations -------------------------------------


# -- every kind ------------------------------------------------------------------------------

RuleMaker = Callable[[str, str], Rule]

RULES: dict[Identifier, RuleMaker] = {
    Identifier.NHS_NUMBER: nhs_number,
    Identifier.CHI_NUMBER: chi_number,
    Identifier.NI_NUMBER: ni_number,
    Identifier.FORENAME: name,
    Identifier.SURNAME: name,
    Identifier.FULL_NAME: name,
    Identifier.POSTCODE: postcode,
    Identifier.SEX: sex,
    Identifier.EMAIL: email,
    Identifier.ADDRESS: address,
    Identifier.UPRN: uprn,
    Identifier.HOSPITAL_NUMBER: text,
    Identifier.PASSPORT_NUMBER: passport_number,
    Identifier.DRIVING_LICENCE: driving_licence,
    Identifier.VEHICLE_REGISTRATION: vehicle_registration,
}
"""Identifier kind -> rule, for every kind but dates of birth (see :func:`rule_for`) and phone
numbers (no rule: ``phonenumbers`` is Python)."""

SQL_KINDS = frozenset(RULES) | {Identifier.DATE_OF_BIRTH, Identifier.OTHER}
"""The identifier kinds with a SQL rule (every kind but phone numbers)."""


def rule_for(
    kind: Identifier,
    source: str,
    prefix: str = "",
    *,
    today: dt.date,
    placeholders: c.BirthDatePlaceholders = c.DEFAULT_BIRTH_DATE_PLACEHOLDERS,
    generic: GenericNormalise | None = None,
) -> Rule:
    """The rule for ``kind`` on the column ``source`` (a SQL reference).

    ``today`` and ``placeholders`` are read by the date-of-birth rule only, ``generic`` (the
    column's declared steps; default trimmed, upper case) by ``kind: other`` only.

    Raises:
        KeyError: ``kind`` has no SQL rule (phone numbers).
    """
    if kind is Identifier.DATE_OF_BIRTH:
        return date_of_birth(source, prefix, today=today, placeholders=placeholders)
    if kind is Identifier.OTHER:
        from safelink.normalise.generic import generic as generic_rule  # it builds on this module

        return generic_rule(source, prefix, generic or GenericNormalise())
    return RULES[kind](source, prefix)


def apply_rule(backend: Backend, table: Any, rule: Rule) -> Any:
    """``table`` with the rule's columns added on ``backend`` (scratch columns included)."""
    for step in rule.steps:
        if isinstance(step, Fold):
            table = backend.fold_accents(table, {step.target: step.source})
        else:
            table = backend.with_columns(table, step)
    return table
