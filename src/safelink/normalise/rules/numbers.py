"""Reference numbers: NHS and CHI (mod 11, ranges), NI, passport, licence, registration, UPRN."""

from __future__ import annotations

from functools import cache

from safelink.engines.sql import literal
from safelink.normalise import constants as c
from safelink.normalise.constants import WS, NhsNumberRange, Reason
from safelink.normalise.rules.sql import (
    Rule,
    _accepted,
    _compact,
    _guarded,
    _reason,
    _shaped,
    _Steps,
    blank,
    matches,
    replace_all,
)


@cache
def nhs_number(source: str, prefix: str = "") -> Rule:
    """NHS numbers: 10 ASCII digits, modulus-11 check digit, placeholders rejected."""
    return _ten_digit(source, prefix, chi=False)


@cache
def nhs_range(canonical: str) -> str:
    """SQL: the issuing range (:class:`NhsNumberRange` value) of a canonical 10-digit number.

    010 101 0000-311 299 9999 Scottish CHI; 320 000 0001-399 999 9999 Northern Ireland H&C;
    400-499 and 600-799 England, Wales and Isle of Man; 5xx never issued; 999 test and
    synthetic numbers; anything else unallocated. NULL for NULL.
    """
    number = f"CAST({canonical} AS BIGINT)"
    first = f"CAST(SUBSTRING({canonical}, 1, 3) AS INTEGER)"
    r = NhsNumberRange
    return (
        f"CASE WHEN {canonical} IS NULL THEN NULL"
        f" WHEN {first} = 999 THEN {literal(r.TEST)}"
        f" WHEN {number} BETWEEN 101010000 AND 3112999999 THEN {literal(r.CHI)}"
        f" WHEN {number} BETWEEN 3200000001 AND 3999999999 THEN {literal(r.NORTHERN_IRELAND)}"
        f" WHEN {first} BETWEEN 400 AND 499 OR {first} BETWEEN 600 AND 799"
        f" THEN {literal(r.ENGLAND_WALES_IOM)}"
        f" WHEN {first} BETWEEN 500 AND 599 THEN {literal(r.NEVER_ISSUED)}"
        f" ELSE {literal(r.UNALLOCATED)} END"
    )


#: Ranges an accepted NHS number may fall in that deserve a warning in the run summary.
WARNED_RANGES = (NhsNumberRange.NEVER_ISSUED, NhsNumberRange.UNALLOCATED)


def nhs_warning(canonical: str) -> str:
    """SQL: ``<range>_range`` for an accepted number in a warned range, else NULL."""
    cases = " ".join(f"WHEN {literal(r)} THEN {literal(f'{r}_range')}" for r in WARNED_RANGES)
    return f"CASE {nhs_range(canonical)} {cases} END"


def chi_number(source: str, prefix: str = "") -> Rule:
    """CHI numbers: as NHS numbers, and the first six digits are DDMMYY."""
    return _ten_digit(source, prefix, chi=True)


def _ten_digit(source: str, prefix: str, *, chi: bool) -> Rule:
    steps = _Steps(prefix)
    (digits,) = steps.add(digits=replace_all(blank(source), rf"[{WS}\-]", ""))
    # Integer arithmetic on the whole number; the cast is guarded (every engine raises on
    # text that is not a number).
    (number,) = steps.add(
        number=f"CAST(CASE WHEN {matches(digits, c.TEN_DIGITS)} THEN {digits} "
        "ELSE '0000000000' END AS BIGINT)"
    )
    total = " + ".join(
        f"(({number} // {10 ** (9 - i)}) % 10) * {w}" for i, w in enumerate(c.WEIGHTS)
    )
    (check,) = steps.add(check=f"11 - ({total}) % 11")
    cases = [
        (matches(digits, c.NINE_DIGITS), Reason.LEADING_ZERO_LOST),
        (f"NOT {matches(digits, c.TEN_DIGITS)}", Reason.NOT_10_DIGITS),
        (matches(digits, c.PLACEHOLDER), Reason.PLACEHOLDER),
        (
            f"CASE WHEN {check} = 11 THEN 0 ELSE {check} END <> {number} % 10",
            Reason.BAD_CHECK_DIGIT,
        ),
    ]
    if chi:
        day, month = f"(({number} // 100000000) % 100)", f"(({number} // 1000000) % 100)"
        valid = f"{day} BETWEEN 1 AND 31 AND {month} BETWEEN 1 AND 12"
        cases.append((f"NOT ({valid})", Reason.INVALID_CHI_DATE))
    (reason,) = steps.add(reason=_guarded(digits, _reason(*cases)))
    steps.add(value=_accepted(reason, digits))
    return steps.rule()


@cache
def ni_number(source: str, prefix: str = "") -> Rule:
    """National Insurance numbers: ``AB123456C`` with the prefix rules."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(f"UPPER({present})", rf"[{WS}\-]", ""))
    bad = ", ".join(map(literal, c.NI_BAD_PREFIXES))
    reason = _reason(
        (f"NOT {matches(compact, c.NI_SHAPE)}", Reason.INVALID_FORMAT),
        (
            f"NOT {matches(compact, c.NI_PATTERN)} OR SUBSTRING({compact}, 1, 2) IN ({bad})",
            Reason.INVALID_PREFIX,
        ),
        (f"NOT {matches(compact, c.NI_SUFFIX)}", Reason.INVALID_SUFFIX),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, compact))
    return steps.rule()


@cache
def uprn(source: str, prefix: str = "") -> Rule:
    """UPRNs: 1 to 12 digits, spreadsheet damage repaired or refused.

    Spaces and thousands separators are removed and a trailing ``.0`` (a spreadsheet's number
    format) is repaired; scientific notation (``1.00023E+11``) is refused with its own reason,
    since its last digits may be lost: re-export the column as text.
    """
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(present, f"[{WS},]+", ""))
    (repaired,) = steps.add(repaired=replace_all(compact, r"[.]0+$", ""))
    reason = _reason(
        (matches(compact, c.SCIENTIFIC), Reason.SCIENTIFIC_NOTATION),
        (f"NOT {matches(repaired, c.UPRN)}", Reason.INVALID_FORMAT),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, repaired))
    return steps.rule()


@cache
def passport_number(source: str, prefix: str = "") -> Rule:
    """UK passport numbers: ``123456789`` or ``AB1234567``, not one repeated digit."""
    return _shaped(source, prefix, valid=c.PASSPORT, invalid=c.PASSPORT_REPEATED)


@cache
def driving_licence(source: str, prefix: str = "") -> Rule:
    """UK (DVLA) driving licence numbers: the shape, and a real month and day of birth."""
    steps = _Steps(prefix)
    present, compact = _compact(steps, source)
    shaped = matches(compact, c.DRIVING_LICENCE)
    coded = f"CAST(CASE WHEN {shaped} THEN SUBSTRING({compact}, 7, 2) ELSE '01' END AS INTEGER)"
    (month,) = steps.add(month=f"CASE WHEN {coded} > 50 THEN {coded} - 50 ELSE {coded} END")
    day = f"CAST(CASE WHEN {shaped} THEN SUBSTRING({compact}, 9, 2) ELSE '01' END AS INTEGER)"
    longest = " ".join(f"WHEN {m} THEN {n}" for m, n in enumerate(c.DAYS_IN_MONTH, 1))
    reason = _reason(
        (f"NOT {shaped}", Reason.INVALID_FORMAT),
        (
            f"NOT ({month} BETWEEN 1 AND 12) OR {day} < 1 OR {day} > CASE {month} {longest} END",
            Reason.IMPOSSIBLE_DATE,
        ),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, compact))
    return steps.rule()


@cache
def vehicle_registration(source: str, prefix: str = "") -> Rule:
    """UK vehicle registration marks (current, prefix and suffix formats), without spaces."""
    return _shaped(source, prefix, valid=c.VEHICLE_REGISTRATION)
