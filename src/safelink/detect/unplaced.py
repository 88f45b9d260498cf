"""Columns the scan could not place: held for the operator's review, not passed as content.

The rules name what they recognise; a column they cannot explain is not thereby safe. Four
kinds of column are held as possible direct identifiers (``DIRECT_IDENTIFIER`` or a direct
``FREE_TEXT`` finding, medium confidence, "review" in the evidence), so ``--fail-on direct``
and the release's identifier gate stop on them until an operator has looked:

* **too few values to judge**: a column with values in under 20 rows and at most 2% of them
  (one passport number in 2,000 rows) gives no share to judge; held when a value is long
  enough to identify someone (five or more letters and digits);
* **words that occur in one row only, in free text**: names of people mentioned in a few
  notes ("Met Isla at cafe") and record numbers ("Linked record K663402") each occur in one
  row, while the places, services and templates of notes recur; a column is held when at least
  2.5% of its analysed rows carry such a word (a capitalised word inside a sentence, not a
  service or place word) or a code of five or more digits (not after a reference word:
  "Order 0517733030" is an order);
* **values shaped like people's names**: a structured column whose values are mostly one to
  four capitalised words with no service or place word, at least 50 different and at least
  10% of them written once (clinics, teams, wards and code names recur; people's names do
  not), under a header that does not name a code or a thing, that no rule placed.

None of these reads a value into a report: counts and shares only.
"""

from __future__ import annotations

import re
from collections import Counter

import polars as pl

from safelink.detect.column_model import (
    ClassifySettings,
    ColumnFinding,
    review_finding,
    share_of,
)
from safelink.detect.free_text_column import REFERENCE_BEFORE
from safelink.detect.headers import (
    header_entities,
    names_a_code,
    names_a_place_or_thing,
    names_a_thing,
    names_nothing,
)
from safelink.detect.name_slots import PLACE_PREPOSITIONS
from safelink.detect.names import NOT_NAME_WORDS, PLACE_WORDS
from safelink.detect.recognisers import modulus11_valid, ni_number_valid, place_names
from safelink.normalise.constants import MONTH_WORDS

__all__ = ["name_shaped_column", "singleton_text", "sparse_column", "unnamed_codes"]

#: A column with values in fewer rows than this, and at most ``_SPARSE_SHARE`` of its rows, is
#: too sparse to judge by the share of its values.
SPARSE_VALUES = 20
_SPARSE_SHARE = 0.02
#: Letters and digits a value needs to identify someone (not "Y", "N/K", "12").
_IDENTIFYING_CHARS = 5
#: Share (and least number) of analysed free-text rows carrying a word found in no other row.
SINGLETON_ROW_SHARE = 0.025
_SINGLETON_MIN_ROWS = 5
#: Name-shaped columns: share of values, different values, and the share written once.
NAME_SHAPED_SHARE = 0.5
NAME_SHAPED_DISTINCT = 50
NAME_SHAPED_ONCE = 0.1
#: Codes under a header that says nothing: share of values code-shaped, share distinct, and
#: the fewest values to judge by.
CODE_SHARE = 0.8
CODE_DISTINCT = 0.9
CODE_MIN_VALUES = 50
#: A code: seven to fourteen letters, digits and separators, with five digits in a row (an
#: organisation's ODS code, "A81330", is six).
_CODE_VALUE = r"^[A-Za-z0-9][A-Za-z0-9 /\-]{5,12}[A-Za-z0-9]$"
#: Eight digits that read as a date (19850903, 03091985): a date, not a record's number.
_DATE_AS_DIGITS = (
    r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:[0-2][0-9]|3[01])"
    r"|(?:[0-2][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}"
)
#: Values that number something other than a record: dates written as digits, Unix times (in
#: seconds or milliseconds, 2000 to 2033) and ONS geography codes ("E01011229").
_NOT_RECORD_CODES = (
    rf"^(?:{_DATE_AS_DIGITS})$"
    r"|^1[0-9]{9}(?:[0-9]{3})?$|^9[5-9][0-9]{7}(?:[0-9]{3})?$"
    r"|^[EWSN][0-9]{8}$"
)

_NOT_NAMES = NOT_NAME_WORDS | PLACE_WORDS | frozenset(MONTH_WORDS) | {"sept"}
#: A word after these is a place ("moved from Rhyl", "seen at Haverhill").
_PLACE_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(PLACE_PREPOSITIONS | {'of'}))})\s+$")
_DATE_DIGITS = re.compile(_DATE_AS_DIGITS)
_APOSTROPHES = "'\u2019"
_WORD = rf"[A-ZÀ-Þ][a-zß-ÿ{_APOSTROPHES}]+(?:-[A-ZÀ-Þ][a-zß-ÿ{_APOSTROPHES}]+)?"
_CAPITALISED_RUN = re.compile(
    rf"(?<![\w{_APOSTROPHES}-]){_WORD}(?:[ ]{_WORD})*(?![\w{_APOSTROPHES}-])"
)
_NEXT_WORD = re.compile(r"[ ]+([\w'\u2019]+)")
#: Words that make the capitalised words before them an organisation or a place.
_SERVICE_WORDS = frozenset(
    ("council", "trust", "nhs", "hospital", "infirmary", "ward", "unit", "clinic", "surgery",
     "practice", "centre", "service", "team")
)  # fmt: skip
#: Words that make the capitalised word before them a condition, a sign or a procedure named
#: after someone ("Addison's crisis", "Hodgkin lymphoma", "Bell's palsy", "Whipple procedure").
_EPONYM_WORDS = frozenset(
    ("syndrome", "disease", "crisis", "lymphoma", "sarcoma", "palsy", "reaction", "tumour",
     "tumor", "sign", "test", "score", "scale", "criteria", "procedure", "operation", "repair",
     "fracture", "manoeuvre", "cardiomyopathy", "encephalopathy", "ulcer", "block", "catheter",
     "phenomenon", "contracture", "anomaly", "malformation", "myeloma", "cyst", "diverticulum")
)  # fmt: skip
#: Drugs' names by their stems ("Empagliflozin", "Semaglutide", "Ramipril", "Apixaban").
_DRUG_STEM = re.compile(
    r"(?i).{3,}(?:mab|nib|pril|sartan|olol|statin|azole|mycin|cillin|floxacin|tide|gliflozin"
    r"|gliptin|parin|xaban|gatran|oxetine|azepam|dronate|prazole|setron|triptan|vir|morph"
    r"|profen|fenac|tidine|lukast|sone|olone|asone|amine|arin|idine|azine|oxacin|cycline)"
)
_CODE = re.compile(r"(?<![\w/.-])(?=[A-Z0-9]*[0-9])[A-Z]{0,4}[0-9]{5,10}[A-Z]?(?![\w/-])")
_SENTENCE_END = ".!?:;\n"
_NAME_WORD = rf"(?:{_WORD}|[A-Z]\.?)"
_PARTICLE = r"(?:van|von|de|der|den|da|dos|du|di|le|la|bin|ibn|al|el|ap)"
_NAME_SHAPE = re.compile(rf"{_NAME_WORD}(?:,?\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,3}}")


def sparse_column(
    name: str, sample: pl.Series, *, non_empty: int, rows: int
) -> ColumnFinding | None:
    """Hold a column with too few values to judge, if a value could identify someone.

    Args:
        name: the column header.
        sample: its sampled non-empty values (text).
        non_empty: its non-empty values.
        rows: its rows, empty ones included.

    Returns:
        A ``DIRECT_IDENTIFIER`` finding for review, or None.
    """
    if not 0 < non_empty < SPARSE_VALUES or non_empty > _SPARSE_SHARE * rows:
        return None
    letters_digits = sample.str.count_matches(r"[\p{L}\p{N}]")
    if not (letters_digits >= _IDENTIFYING_CHARS).any():
        return None
    evidence = [
        f"values in only {non_empty} of {rows:,} rows: too few to judge from their share; "
        "review the column before release"
    ]
    return review_finding(name, evidence)


def name_shaped_column(name: str, sample: pl.Series) -> ColumnFinding | None:
    """Hold a structured column whose values look like people's names that no rule placed.

    Args:
        name: the column header.
        sample: its sampled non-empty values (text).

    Returns:
        A ``DIRECT_IDENTIFIER`` finding for review, or None.
    """
    if names_a_code(name) or names_a_thing(name) or names_a_place_or_thing(name):
        return None
    values = [v.strip() for v in sample.to_list()]
    shaped = Counter(v for v in values if _NAME_SHAPE.fullmatch(v) and not _has_other_words(v))
    count = sum(shaped.values())
    once = sum(1 for n in shaped.values() if n == 1)
    if (
        count < NAME_SHAPED_SHARE * len(values)
        or len(shaped) < NAME_SHAPED_DISTINCT
        or once < NAME_SHAPED_ONCE * count
    ):
        return None
    evidence = [
        f"{count / len(values):.0%} of values are capitalised words shaped like people's "
        f"names, {len(shaped)} different, {once / count:.0%} written once (names of places, "
        "services and code names recur); no rule placed them: review the column before release"
    ]
    return review_finding(name, evidence)


def unnamed_codes(name: str, sample: pl.Series) -> ColumnFinding | None:
    """Hold a column of codes each written once under a header that says nothing of them.

    Args:
        name: the column header.
        sample: its sampled non-empty values (text, spreadsheet damage undone).

    Returns:
        A ``DIRECT_IDENTIFIER`` finding for review, or None.
    """
    values = sample.str.strip_chars()
    if values.len() < CODE_MIN_VALUES or not names_nothing(name):
        return None
    if header_entities(name)[0]:
        return None  # "ni_no" names an identifier, whose checks the values failed: not one
    shaped = values.str.contains(_CODE_VALUE) & values.str.contains(r"[0-9]{5}")
    codes = values.filter(shaped.fill_null(False))
    if codes.len() < CODE_SHARE * values.len() or values.n_unique() < CODE_DISTINCT * values.len():
        return None
    if share_of(codes.str.contains(_NOT_RECORD_CODES).fill_null(False)) >= CODE_SHARE:
        return None
    if _failed_look_alikes(codes):
        return None
    evidence = [
        f"{codes.len() / values.len():.0%} of values are codes of five or more digits, "
        f"{values.n_unique() / values.len():.0%} different, under a header that says nothing "
        "of them: a record's identifier, possibly a person's; review the column before release"
    ]
    return review_finding(name, evidence)


#: An identifier's shape, and the check its values pass: ten digits (NHS and CHI numbers,
#: modulus 11) and two letters, six digits and a letter (National Insurance numbers).
_CHECKED_SHAPES = (
    (r"^[0-9]{10}$", modulus11_valid),
    (r"^[A-Za-z]{2}[0-9]{6}[A-Za-z]$", ni_number_valid),
)
#: Share of such values passing the check below which they are the identifier's look-alikes.
_LOOK_ALIKE_PASS = 0.5


def _failed_look_alikes(codes: pl.Series) -> bool:
    """Whether the codes are an identifier's shape, most of them failing its check.

    Ten-digit numbers of which a random tenth pass modulus 11 are no NHS or CHI numbers, and
    NI-shaped codes with letters the scheme never issues are no NI numbers: made to look like
    one (test data, a system's own references), not a record's identifier left unnamed.
    """
    for shape, check in _CHECKED_SHAPES:
        shaped = codes.filter(codes.str.contains(shape).fill_null(False))
        if shaped.len() >= CODE_SHARE * codes.len():
            return share_of(check(shaped)) < _LOOK_ALIKE_PASS
    return False


def singleton_text(
    finding: ColumnFinding, sample: pl.Series, settings: ClassifySettings
) -> ColumnFinding:
    """A free-text finding made direct when enough rows carry a word found in no other row.

    Args:
        finding: the column's ``FREE_TEXT`` finding (returned unchanged if direct already).
        sample: the column's sample (text); the first ``settings.free_text_sample`` rows count.
        settings: the classification settings.

    Returns:
        The finding, direct at medium confidence with the reason added, or unchanged.
    """
    if finding.direct:
        return finding
    rows = [text or "" for text in sample.head(settings.free_text_sample).to_list()]
    words = [_row_words(text) for text in rows]
    seen = Counter(word for row in words for word in row)
    held = sum(1 for row in words if any(seen[word] == 1 for word in row))
    if held < _SINGLETON_MIN_ROWS or held < SINGLETON_ROW_SHARE * len(rows):
        return finding
    reason = (
        f"{held} of {len(rows)} rows ({held / len(rows):.1%}) carry a capitalised word or a "
        "number of five or more digits found in no other row, as people's names and record "
        "numbers are (places, services and templates recur): review before release"
    )
    return ColumnFinding(
        column=finding.column,
        entity=finding.entity,
        kind=finding.kind,
        direct=True,
        share=held / len(rows),
        confidence="medium",
        evidence=(*finding.evidence, reason),
        examples=finding.examples,
        subject=finding.subject,
        entities=finding.entities,
    )


def _row_words(text: str) -> set[str]:
    """The capitalised words inside sentences and the unreferenced codes of one row.

    A run of capitalised words next to a place or service word ("Mary Seacole Ward", "Wigan
    Council") names a place, and a word after a preposition of place ("from Rhyl") too.
    """
    not_names = _NOT_NAMES | place_names()
    words = {
        word
        for m in _CAPITALISED_RUN.finditer(text)
        if not _PLACE_BEFORE.search(text, max(0, m.start() - 10), m.start())
        and not _names_a_place(m.group(0), text[m.end() :])
        for word in m.group(0).split()[1 if _starts_sentence(text, m.start()) else 0 :]
        if word.lower() not in not_names and not _DRUG_STEM.fullmatch(word)
    }
    codes = {
        m.group(0)
        for m in _CODE.finditer(text)
        if not REFERENCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        and not _DATE_DIGITS.fullmatch(m.group(0))
    }
    return words | codes


def _names_a_place(run: str, after: str) -> bool:
    following = _NEXT_WORD.match(after)
    words = [*run.lower().split(), following.group(1).lower() if following else ""]
    return any(
        word in PLACE_WORDS or word in _SERVICE_WORDS or word in _EPONYM_WORDS for word in words
    )


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END


def _has_other_words(value: str) -> bool:
    return any(word.lower().strip(".,") in _NOT_NAMES for word in value.split())
