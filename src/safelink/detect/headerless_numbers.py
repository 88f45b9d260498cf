"""Identifier numbers a header does not name, told from references by their values alone.

Hospital numbers by NHS trusts' organisation codes or hospitals' own letter forms, UPRNs by
AddressBase's ranges, and travel documents' numbers by their machine-readable forms. Each rule
asks of the values what no reference, order or account number shows: several issuers' prefixes,
an allocator's ranges, a person's document numbers spread over their whole range.
"""

from __future__ import annotations

import polars as pl

from safelink.detect.column_model import (
    ColumnFinding,
    Confidence,
    make_finding,
    masked_examples,
    share_of,
)
from safelink.detect.headers import names_a_thing, names_nothing
from safelink.detect.recognisers import modulus11_valid

__all__ = ["addressbase_uprns", "document_numbers", "embedded_nhs_numbers", "trust_numbers"]


# A trust's local number after its NHS organisation code: "R" and two letters or digits
# ("RJ7", "RXH", "RR8"), then the digits ("RJ77790711", "RXH 1078115").
_TRUST_NUMBER = r"^(R[A-Z0-9]{2})[ \-]?[0-9]{6,8}$"
#: Share of values that must carry a trust code, and how many different codes (one code
#: repeated is as likely a reference's own prefix, "REF1234567").
_TRUST_SHARE = 0.3
_TRUST_CODES = 2
# A hospital's own number: one letter and six or seven digits, the digits and a letter, or
# both ("K3983586", "5384614B", "D350590A"). ONS geography codes are a letter and eight
# digits ("E01011229").
_LETTER_NUMBER = r"^([A-Z])[0-9]{6,7}$|^[0-9]{6,7}([A-Z])$|^([A-Z])[0-9]{6}[A-Z]$"
#: Share of values in a hospital's own form or with a trust code, and how many different
#: letters (a reference's one letter repeated, "P1234567", is its own prefix), or different
#: sources, trust codes and letters together (an extract merged from several hospitals).
_LOCAL_SHARE = 0.5
_LOCAL_LETTERS = 3
_SOURCES = 3


def trust_numbers(name: str, sample: pl.Series, shaped: pl.Series) -> ColumnFinding | None:
    """Hospital numbers without a header: by NHS trust codes or hospitals' own letter forms.

    Episode, order and invoice numbers carry one prefix of their own; hospital numbers of a
    merged extract carry their trusts' organisation codes, several of them, or a hospital's
    own letter before or after the digits, several letters (patients registered in different
    years or at different sites).
    """
    upper = sample.str.to_uppercase()
    codes = upper.str.extract(_TRUST_NUMBER)
    share = share_of(codes.is_not_null())
    letters = upper.str.extract_groups(_LETTER_NUMBER)
    letter = letters.struct.field("1").fill_null(letters.struct.field("2"))
    letter = letter.fill_null(letters.struct.field("3"))
    local = share_of(codes.is_not_null() | letter.is_not_null())
    n_codes, n_letters = codes.drop_nulls().n_unique(), letter.drop_nulls().n_unique()
    if share >= _TRUST_SHARE and n_codes >= _TRUST_CODES:
        how = f"{share:.0%} start with an NHS trust's organisation code ({n_codes} different codes)"
    elif local >= _LOCAL_SHARE and (n_letters >= _LOCAL_LETTERS or n_codes + n_letters >= _SOURCES):
        how = (
            f"{local:.0%} are a letter and six or seven digits or carry a trust code "
            f"({n_letters} different letters, {n_codes} trust codes)"
        )
    else:
        return None
    evidence = [
        f"{share_of(shaped):.0%} of values are letters and digits like hospital numbers",
        how,
        "no header context",
    ]
    examples = masked_examples(sample, shaped, "HOSPITAL_NUMBER")
    return make_finding(name, "HOSPITAL_NUMBER", share_of(shaped), "medium", evidence, examples)


# UPRNs as AddressBase allocates most of them: twelve digits from 100 or 200 ("100023336956")
# or eleven from 10 ("10033544614"). Random numbers of those lengths fall there 1 time in 9
# or fewer; references and account numbers have one length of their own.
_ADDRESSBASE = r"^(?:[12]00[0-9]{9}|10[0-9]{9})$"
#: Share of a digits-only column in those ranges for it to be UPRNs without a header.
_ADDRESSBASE_SHARE = 0.4


def addressbase_uprns(name: str, sample: pl.Series, digits: pl.Series) -> ColumnFinding | None:
    """UPRNs without a header: two fifths or more of the numbers in AddressBase's ranges."""
    ranged = sample.str.contains(_ADDRESSBASE).fill_null(False)
    share = share_of(ranged)
    if share < _ADDRESSBASE_SHARE:
        return None
    evidence = [
        f"{share_of(digits):.0%} of values are whole numbers of up to twelve digits",
        f"{share:.0%} in AddressBase's UPRN ranges (12 digits from 100 or 200, 11 from 10)",
        "no header context",
    ]
    examples = masked_examples(sample, ranged, "UPRN")
    return make_finding(name, "UPRN", share_of(digits), "medium", evidence, examples)


# A travel document's number as its machine-readable zone writes it: nine digits (UK
# passports), or one or two letters and digits, eight or nine characters in all (later UK
# and many other states': "AB1234567", "P12345678", "EK123456").
_NINE_DIGITS = r"^[0-9]{9}$"
_LETTERED = r"^(?:[A-Z]{2}[0-9]{6,7}|[A-Z][0-9]{8})$"
#: Each form in at least this share of values, with this many different letter pairs (a
#: reference's own prefix is one pair repeated).
_DOCUMENT_FORM_SHARE = 0.1
_DOCUMENT_PREFIXES = 3


def document_numbers(name: str, sample: pl.Series, min_share: float) -> ColumnFinding | None:
    """Passport numbers without a header: document numbers in both forms.

    Nine digits alone are any number's shape; a column mixing them with one or two letters
    and digits, under many different prefixes, holds travel documents of several issuing
    series, as no reference or account number does. Nine digits alone are judged by
    :func:`_nine_digit_documents`.
    """
    upper = sample.str.to_uppercase().str.replace_all(" ", "")
    digits = upper.str.contains(_NINE_DIGITS).fill_null(False)
    lettered = upper.str.contains(_LETTERED).fill_null(False)
    prefixes = upper.filter(lettered).str.extract(r"^([A-Z]+)")
    share = share_of(digits | lettered)
    if (
        share < min_share
        or min(share_of(digits), share_of(lettered)) < _DOCUMENT_FORM_SHARE
        or prefixes.drop_nulls().n_unique() < _DOCUMENT_PREFIXES
    ):
        return _nine_digit_documents(name, upper, digits, min_share)
    evidence = [
        f"{share:.0%} of values are travel documents' numbers",
        f"{share_of(digits):.0%} nine digits, {share_of(lettered):.0%} letters and digits "
        f"({prefixes.drop_nulls().n_unique()} different prefixes)",
        "no header context",
    ]
    examples = masked_examples(sample, digits | lettered, "UK_PASSPORT")
    return make_finding(name, "UK_PASSPORT", share, "medium", evidence, examples)


#: Share of a column's nine-digit values that differ (a person's document is theirs alone; a
#: code or an amount repeats), and how far they spread: numbers allocated in turn (invoices
#: 100200300 to 100204299) fill a narrow run, documents issued over years spread over
#: hundreds of times more numbers than a column holds.
_DOCUMENT_DISTINCT = 0.9
_DOCUMENT_SPREAD = 100


def _nine_digit_documents(
    name: str, upper: pl.Series, digits: pl.Series, min_share: float
) -> ColumnFinding | None:
    """Nine-digit numbers alone (UK passports' form), judged with what the header says.

    Distinct numbers spread far over their range are a person's documents when the header
    names nothing (``Other``, ``V0042``): flagged for review at medium confidence. Under a
    header naming a thing's number (order, invoice, sample, case) they are not flagged; under
    any other header (``Pt No``, ``Holder``) they are a hint.
    """
    share = share_of(digits)
    numbers = upper.filter(digits)
    if share < min_share or names_a_thing(name) or numbers.len() < _MIN_NUMBERS:
        return None
    distinct = numbers.n_unique() / numbers.len()
    values = numbers.cast(pl.Int64)
    low, high = values.min(), values.max()
    if not isinstance(low, int) or not isinstance(high, int):
        return None
    spread = (high - low + 1) / numbers.len()
    if distinct < _DOCUMENT_DISTINCT or spread < _DOCUMENT_SPREAD:
        return None
    evidence = [
        f"{share:.0%} of values are nine digits, the form of UK passport numbers",
        f"{distinct:.0%} of them different, spread far over their range (not numbers "
        "allocated in turn)",
    ]
    blank = names_nothing(name)
    evidence.append(
        "the header names nothing: a person's document number; review"
        if blank
        else f"header '{name}' does not say whose numbers they are: a hint; review"
    )
    examples = masked_examples(upper, digits, "UK_PASSPORT")
    return make_finding(
        name, "UK_PASSPORT", share, "medium" if blank else "low", evidence, examples
    )


#: Fewest nine-digit values for their spread and distinctness to mean anything.
_MIN_NUMBERS = 20


# Ten digits inside a longer code, not touching other digits: "REF-9434765919-A",
# "CHIS_943 476 5919_v3", "9434765919-AUD".
_EMBEDDED_TEN = r"(?:^|[^0-9])([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4})(?:[^0-9]|$)"
#: Share of values carrying such a run, and share of the runs passing modulus 11 (a random
#: ten-digit run passes about 1 time in 11; order and batch numbers do not pass as a rule).
_EMBEDDED_SHARE = 0.5
_EMBEDDED_PASS = 0.9
#: Different passing numbers needed: one code repeated ("psn_0123456789abcdef") is a constant.
_EMBEDDED_DISTINCT = 20


def embedded_nhs_numbers(
    name: str, sample: pl.Series, header_names_it: bool
) -> ColumnFinding | None:
    """NHS numbers inside longer codes: ten digits that nearly all pass the check digit.

    A system that builds its references from the NHS number ("REF-9434765919-A") hides it
    from a whole-value check, but not its check digit: ten-digit runs in order, batch or
    account references pass modulus 11 about 1 time in 11; NHS numbers always do.
    """
    runs = sample.str.extract(_EMBEDDED_TEN).str.replace_all(r"[ -]", "")
    carried = runs.is_not_null()
    carrying = share_of(carried)
    if carrying < _EMBEDDED_SHARE:
        return None
    shaped = carried & modulus11_valid(runs.fill_null(""))
    passing = share_of(shaped.filter(carried))
    if passing < _EMBEDDED_PASS or runs.filter(shaped).n_unique() < _EMBEDDED_DISTINCT:
        return None
    evidence = [
        f"{carrying:.0%} of values carry ten digits inside a longer code",
        f"{passing:.0%} of those pass the NHS modulus-11 check digit (chance: about 9%)",
        f"header '{name}' names the NHS number" if header_names_it else "no header context",
    ]
    examples = masked_examples(sample, shaped, "NHS_NUMBER")
    confidence: Confidence = "high" if header_names_it else "medium"
    return make_finding(name, "NHS_NUMBER", carrying * passing, confidence, evidence, examples)
