"""The finding for a free-text column: what the pattern tier finds in a sample of its rows.

A column of writing (notes, comments) is judged by the entities the Presidio engine finds in a
sample of its rows. Hits that are only look-alikes are set aside before the column is called
direct: a weak shape in too few rows, "NHS numbers" that pass the check digit no more often
than chance, and phone-shaped numbers that all follow a reference word ("Order 0517733030").
"""

from __future__ import annotations

import re
from collections.abc import Callable

import polars as pl

from safelink.detect.column_model import ClassifySettings, ColumnFinding, make_finding
from safelink.detect.freetext import RECURRING_NAME
from safelink.detect.headers import names_a_vessel
from safelink.detect.name_slots import slot_name_rows
from safelink.detect.recognisers import modulus11_valid

__all__ = ["DIRECT_TEXT_ENTITIES", "REFERENCE_BEFORE", "free_text_finding"]


def free_text_finding(
    name: str,
    sample: pl.Series,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None,
) -> ColumnFinding:
    """Judge a free-text column by the entities found in its first sampled rows.

    Args:
        name: the column name.
        sample: the column's sample (text).
        settings: ``free_text_sample`` rows are analysed.
        analyse_text: counts entity types in rows (the Presidio engine); None: not analysed.

    Returns:
        A ``FREE_TEXT`` finding, direct when a direct identifier survives the look-alike checks.
        Names in a repeated phrase's slot (:func:`slot_name_rows`) count as people's names.
    """
    if analyse_text is None:
        return make_finding(name, "FREE_TEXT", 0.0, "low", ["free text, not analysed"])
    rows = sample.head(settings.free_text_sample)
    counts = analyse_text(rows)
    evidence = [f"free text; {rows.len()} sampled rows analysed"] + [
        f"{entity} in {n} rows" for entity, n in sorted(counts.items()) if n
    ]
    if counts.get(RECURRING_NAME):
        evidence.append(
            "the only names in those rows are one or two that recur: a place, service or "
            "template named after someone, not people mentioned"
        )
    direct_hits = {e: n for e, n in counts.items() if e in DIRECT_TEXT_ENTITIES and n}
    slotted = slot_name_rows(rows.to_list())
    if slotted > direct_hits.get("PERSON", 0):
        direct_hits["PERSON"] = slotted
        evidence.append(
            f"PERSON in {slotted} rows: a name in a phrase the column repeats, a different "
            "word each time"
        )
    for entity in sorted(_WEAK_TEXT_ENTITIES & set(direct_hits)):
        if direct_hits[entity] < _WEAK_TEXT_MIN_SHARE * rows.len():
            del direct_hits[entity]
            evidence.append(f"{entity} in too few rows to be more than a look-alike")
    if "PERSON" in direct_hits and names_a_vessel(name):
        del direct_hits["PERSON"]  # ships named after people ("RNLB Sir William Hillary")
        evidence.append("names under a header naming a vessel are the vessel's")
    checked = [e for e in ("NHS_NUMBER", "CHI_NUMBER") if e in direct_hits]
    if checked:  # both carry the same check digit, passed by chance 1 time in 11
        passed, numbers = _check_digit_rate(rows)
        outside, unreferenced = _check_digit_rate(rows, unreferenced=True)
        stand = outside >= _MIN_UNREFERENCED and outside >= _NHS_RATE * unreferenced
        if numbers >= _MIN_NUMBERS_FOR_RATE and passed < _NHS_RATE * numbers and not stand:
            for entity in checked:
                del direct_hits[entity]
            evidence.append(
                f"only {passed} of {numbers} ten-digit numbers pass the NHS check digit, as "
                f"about 1 in 11 random numbers do: not {' or '.join(checked)} numbers"
            )
    if "PHONE_NUMBER" in direct_hits:
        referenced, other = _referenced_numbers(rows)
        if referenced and not other and direct_hits["PHONE_NUMBER"] <= referenced:
            del direct_hits["PHONE_NUMBER"]
            evidence.append(
                f"the phone-shaped numbers in {referenced} rows all follow a reference word "
                "(order, invoice, batch): references, not phone numbers"
            )
    share = max(direct_hits.values(), default=0) / max(rows.len(), 1)
    finding = make_finding(name, "FREE_TEXT", share, "medium" if direct_hits else "low", evidence)
    return ColumnFinding(
        column=name,
        entity="FREE_TEXT",
        kind=None,
        direct=bool(direct_hits),
        share=share,
        confidence=finding.confidence,
        evidence=finding.evidence,
        entities=counts,
    )


#: Free-text entities found by a generic shape (digits, letters and digits) whose context words
#: are common in notes ("unit", "property"): a few hits in a column are look-alikes (order,
#: Datix and bed numbers), so they count only in at least ``_WEAK_TEXT_MIN_SHARE`` of rows.
_WEAK_TEXT_ENTITIES = frozenset(
    {"HOSPITAL_NUMBER", "UPRN", "UK_PASSPORT", "UK_VEHICLE_REGISTRATION"}
)
_WEAK_TEXT_MIN_SHARE = 0.01
# NHS numbers in a column's notes pass the check digit; other ten-digit numbers (orders,
# batches) pass about 1 time in 11. Below half passing, the column's "NHS numbers" are chance.
_NHS_RATE = 0.5
_MIN_NUMBERS_FOR_RATE = 10
#: Numbers passing the check, outside references, for a column's NHS numbers to stand when
#: the references around them fail it.
_MIN_UNREFERENCED = 5
_TEN_DIGITS = re.compile(r"(?<![\w-])(?:\d{10}|\d{3}[ -]\d{3}[ -]\d{4})(?![\w-])")


# A UK phone's shape in text (0 or +44, then ten digits, perhaps spaced) and the words that
# make such a number a reference instead ("Order 0517733030", "invoice no. 0123456789"), a
# research study's among them ("IRAS 259264", "ISRCTN 87438484", "REC ref").
_PHONE_LIKE = re.compile(r"(?<![\w-])(?:\+44\s?|0)\d(?:[ ]?\d){8,10}(?![\w-])")
REFERENCE_BEFORE = re.compile(
    r"(?i)\b(?:order|ref|reference|invoice|po|batch|lot|claim|account|acct|job|ticket|receipt"
    r"|transaction|booking|serial|barcode|sample|specimen|accession|episode|tracking|incident"
    r"|datix|iras|isrctn|nct|eudract|rec|protocol|study|trial|project|grant|award)"
    r"(?:\s*(?:no|number|num|id)\b)?\W{0,3}$"
)


def _referenced_numbers(rows: pl.Series) -> tuple[int, int]:
    """(rows, rows): with a phone-shaped number after a reference word, and with one not."""
    referenced = other = 0
    for text in rows.to_list():
        kinds = {
            bool(REFERENCE_BEFORE.search(text, max(0, m.start() - 30), m.start()))
            for m in _PHONE_LIKE.finditer(text or "")
        }
        referenced += True in kinds
        other += False in kinds
    return referenced, other


def _check_digit_rate(rows: pl.Series, *, unreferenced: bool = False) -> tuple[int, int]:
    """(passing, all): ten-digit numbers in free-text rows and how many pass modulus 11.

    With ``unreferenced``, numbers after a reference word ("Report ref 6382906439") are left
    out: a template's references must not outvote the NHS numbers a few rows carry.
    """
    found = [
        m.group(0)
        for text in rows.to_list()
        for m in _TEN_DIGITS.finditer(text or "")
        if not (unreferenced and REFERENCE_BEFORE.search(text, max(0, m.start() - 30), m.start()))
    ]
    digits = pl.Series(found, dtype=pl.String).str.replace_all(r"[ -]", "")
    passed = int(modulus11_valid(digits).sum())
    return passed, digits.len()


#: Free-text entity types that are direct identifiers.
DIRECT_TEXT_ENTITIES = frozenset(
    {
        "NHS_NUMBER",
        "CHI_NUMBER",
        "NI_NUMBER",
        "PERSON",
        "ADDRESS",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "UPRN",
        "HOSPITAL_NUMBER",
        "UK_DRIVING_LICENCE",
        "UK_PASSPORT",
        "UK_VEHICLE_REGISTRATION",
    }
)
