"""Column classification: which columns of an extract hold which identifiers.

Each column is judged on a seeded sample of its non-empty values (default 5,000), combining
two kinds of evidence:

* **header context**: words in the column name (``nhs_no``, ``DateOfBirth``, ``Surname``),
  with words that say the column is *about* an identifier rather than holding one
  (``nhs_number_status``) or belongs to an organisation or a member of staff
  (``gp_practice_postcode``, ``consultant_name``);
* **value evidence**: the share of sampled values that pass the same validators the Presidio
  recognisers use (:data:`safelink.detect.recognisers.VALIDATORS`), plus value shape and the
  bundled name lists for names and addresses.

A column is flagged only when at least ``min_share`` of its values match (a lower share,
``header_min_share``, when its header names the identifier). About 1 in 11 random 10-digit
numbers pass modulus 11, so order ids and timestamps never reach the share thresholds.
Findings carry shares, confidence and evidence, and masked examples only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl

from safelink.detect.column_features import column_features
from safelink.detect.column_model import (
    ENTITY_KINDS,
    ClassifySettings,
    ColumnFinding,
    ColumnProfile,
    Confidence,
    make_finding,
    mask,
    masked_examples,
    share_of,
)
from safelink.detect.column_names import names_with_header, names_without_header, titled_names
from safelink.detect.contact_owner import contact_owner
from safelink.detect.damage import (
    LEADING_ZERO,
    restore_leading_zero,
    rounded_numbers,
    undo_spreadsheet_damage,
)
from safelink.detect.free_text_column import DIRECT_TEXT_ENTITIES, free_text_finding
from safelink.detect.headerless_numbers import (
    addressbase_uprns,
    document_numbers,
    embedded_nhs_numbers,
    trust_numbers,
)
from safelink.detect.headers import (
    header_entities,
    header_words,
    names_a_code,
    names_a_place_or_thing,
    names_a_thing,
    names_half_a_name,
)
from safelink.detect.learned import in_scope, second_opinion
from safelink.detect.prose import looks_free_text, remarks_among_codes
from safelink.detect.recognisers import VALIDATORS, modulus11_valid
from safelink.detect.unplaced import (
    name_shaped_column,
    singleton_text,
    sparse_column,
    unnamed_codes,
)
from safelink.normalise import normalise_date, normalise_sex

__all__ = [
    "DIRECT_TEXT_ENTITIES",
    "ENTITY_KINDS",
    "ClassifySettings",
    "ColumnFinding",
    "ColumnProfile",
    "SampledColumn",
    "as_text",
    "classify_column",
    "classify_sampled",
    "counter_numbers",
    "describe_column",
    "fills_range",
    "header_entities",
    "header_words",
    "is_counter_sample",
    "mask",
    "row_counter",
    "sample_values",
    "trimmed",
    "undo_spreadsheet_damage",
]


# Value evidence alone is enough for these (their validators are specific).
_SELF_EVIDENT = (
    "NI_NUMBER",
    "EMAIL_ADDRESS",
    "CHI_NUMBER",
    "NHS_NUMBER",
    "POSTCODE",
    "PHONE_NUMBER",
    "ADDRESS",
    "UK_DRIVING_LICENCE",
    "UK_VEHICLE_REGISTRATION",
)
_NAME_ENTITIES = ("FORENAME", "SURNAME", "FULL_NAME")
_MAX_CHARS = 1_000


def sample_values(values: pl.Series, settings: ClassifySettings) -> tuple[pl.Series, int]:
    """Return a seeded sample of non-empty values (as text, capped length) and the count."""
    text = as_text(values).drop_nulls()
    non_empty = int(text.len() - (text.str.len_bytes() == 0).sum())
    if text.len() > settings.sample:
        text = text.sample(settings.sample, seed=settings.seed)
    return trimmed(text), non_empty


def as_text(values: pl.Series) -> pl.Series:
    """The column as text, as its sample is taken (nulls kept)."""
    return values.cast(pl.String) if values.dtype != pl.String else values


def trimmed(drawn: pl.Series) -> pl.Series:
    """Sampled text as it is classified: capped in length, stripped, the empty values dropped.

    Values that stand for an empty cell ("-", "n/a", "null", "?") are dropped too: a name
    column half of whose rows say "n/a" holds names, not half names. Runs of spaces (a
    fixed-width export's padding between fields) are one space.
    """
    text = drawn.str.slice(0, _MAX_CHARS).str.strip_chars().str.replace_all(r"[ \t]{2,}", " ")
    return text.filter((text.str.len_chars() > 0) & ~text.str.contains(_EMPTY_CELL))


# What clerks and exports write in a cell that holds nothing.
_EMPTY_CELL = (
    r"^(?i:[-\u2013\u2014.?_/]+|n/?a|n\.a\.|none|null|nil|not known|unknown|not recorded"
    r"|not stated|not applicable)$"
)


def _birth_like(sample: pl.Series, matched: pl.Series) -> bool:
    years = normalise_date(sample.filter(matched)).values.str.slice(0, 4).cast(pl.Int32)
    if years.len() < 20:
        return False
    high, low, middle = years.quantile(0.95), years.quantile(0.05), years.median()
    if high is None or low is None or not isinstance(middle, (int, float)):
        return False
    return high - low >= 30 and middle <= dt.date.today().year - 16


def classify_column(
    name: str,
    values: pl.Series,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None = None,
) -> ColumnProfile:
    """Classify one column from its header and a sample of its values.

    Args:
        name: the column name.
        values: the column (any dtype).
        settings: sampling and thresholds.
        analyse_text: counts entity types in free-text rows (the Presidio engine); free-text
            columns are only profiled by shape when None.

    Returns:
        The column's profile and its finding, if any.
    """
    return classify_sampled(_sampled(name, values, settings), settings, analyse_text)


def describe_column(
    name: str,
    values: pl.Series,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None = None,
) -> tuple[ColumnProfile, np.ndarray]:
    """The rules' profile of a column and its learned-classifier features (for training).

    Args:
        name: the column name.
        values: the column.
        settings: sampling and thresholds (``learned`` is ignored: the rules' profile alone).
        analyse_text: as for :func:`classify_column`.

    Returns:
        The profile and the feature vector (:data:`safelink.detect.column_features.FEATURE_NAMES`).
    """
    column = _sampled(name, values, settings)
    profile, passes = _rules(column, settings, analyse_text)
    return profile, _features(profile, column, passes, settings)


def _sampled(name: str, values: pl.Series, settings: ClassifySettings) -> SampledColumn:
    sample, non_empty = sample_values(values, settings)
    counter = is_counter_sample(sample) and row_counter(as_text(values))
    return SampledColumn(
        name=name,
        dtype=str(values.dtype),
        sample=sample,
        non_empty=non_empty,
        counter=counter,
        rows=values.len(),
    )


def _features(
    profile: ColumnProfile,
    column: SampledColumn,
    passes: dict[str, float] | None,
    settings: ClassifySettings,
) -> np.ndarray:
    return column_features(
        profile.column,
        column.sample,
        non_empty=profile.non_empty,
        rows=column.rows,
        finding=profile.finding,
        free_text=profile.free_text,
        text_rows=min(column.sample.len(), settings.free_text_sample),
        passes=passes,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SampledColumn:
    """What classification reads of a column: its sample and a few whole-column facts.

    Attributes:
        name: the column name.
        dtype: the column's type, as ``str(polars dtype)``.
        sample: the seeded sample (:func:`sample_values`).
        non_empty: the column's non-empty values.
        counter: the whole column numbers its rows (:func:`row_counter`).
        rows: the column's rows, empty ones included.
    """

    name: str
    dtype: str
    sample: pl.Series
    non_empty: int
    counter: bool
    rows: int


def classify_sampled(
    column: SampledColumn,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None = None,
) -> ColumnProfile:
    """Classify one column from its header, its sample and whether it is a row counter.

    :func:`classify_column` on a column in memory, or a streamed file's column
    (:func:`safelink.detect.sampled.sample_file`): the same sample gives the same profile.

    Args:
        column: the column's sample and facts.
        settings: sampling and thresholds.
        analyse_text: as :func:`classify_column`.

    Returns:
        The column's profile and its finding, if any.

    With ``settings.learned``, a column the rules do not find direct is shown to the learned
    classifier (:func:`safelink.detect.learned.second_opinion`), which may flag it for review.
    """
    profile, passes = _rules(column, settings, analyse_text)
    found = profile.finding
    if found is not None and found.direct and found.detected:
        return profile
    if settings.learned and passes is not None and in_scope(found, column.sample.len()):
        features = _features(profile, column, passes, settings)
        learned = second_opinion(column.name, features, finding=found)
        if learned is not None:
            return dataclasses.replace(profile, finding=learned)
    held = _unplaced(profile, column)
    return profile if held is None else dataclasses.replace(profile, finding=held)


def _unplaced(profile: ColumnProfile, column: SampledColumn) -> ColumnFinding | None:
    """A review finding for a column no rule placed that may still identify someone."""
    found = profile.finding
    sparse = sparse_column(column.name, column.sample, non_empty=column.non_empty, rows=column.rows)
    if sparse is not None and (found is None or not found.detected):
        return sparse
    if profile.free_text or column.counter or (found is not None and found.detected):
        return None
    undone = undo_spreadsheet_damage(column.sample)
    return name_shaped_column(column.name, undone) or unnamed_codes(column.name, undone)


def _rules(
    column: SampledColumn,
    settings: ClassifySettings,
    analyse_text: Callable[[pl.Series], dict[str, int]] | None,
) -> tuple[ColumnProfile, dict[str, float] | None]:
    """The rules' profile and the shares passing each recogniser (None if not run)."""
    name, sample = column.name, column.sample
    free_text = looks_free_text(sample)
    finding: ColumnFinding | None = None
    passes: dict[str, float] | None = None
    if column.counter:
        evidence = ["unique whole numbers filling a consecutive range: a row counter"]
        finding = make_finding(name, "ROW_COUNTER", 1.0, "low", evidence)
    elif sample.len():
        undone = undo_spreadsheet_damage(sample)
        matched = {entity: check(undone) for entity, check in VALIDATORS.items()}
        passes = {entity: share_of(m) for entity, m in matched.items()}
        finding = contact_owner(_classify_values(name, undone, settings, matched), undone)
        if free_text and (finding is None or not finding.detected):
            finding = free_text_finding(name, sample, settings, analyse_text)
            if analyse_text is not None:
                finding = singleton_text(finding, sample, settings)
        elif (
            (finding is None or not finding.detected)
            and max(passes.values(), default=0.0) < settings.min_share  # not one kind's values
            and remarks_among_codes(sample)
        ):
            remarks = free_text_finding(name, sample, settings, analyse_text)
            finding = remarks if remarks.direct and remarks.share >= _REMARKS_SHARE else finding
    profile = ColumnProfile(
        column=name,
        dtype=column.dtype,
        non_empty=column.non_empty,
        sampled=sample.len(),
        free_text=free_text,
        finding=finding,
    )
    return profile, passes


#: Share of a column's values an identifier must be found in when the column is mostly not
#: writing (remarks among codes or names): "Victoria Lane" in 2 of 500 street names is a
#: look-alike, a vehicle registration in one remark of twenty is not.
_REMARKS_SHARE = 0.01
#: Fewest values for a column to be judged a row counter.
_MIN_COUNTER_ROWS = 20
_COUNTER = r"^[0-9]{1,9}$"


def is_counter_sample(sample: pl.Series) -> bool:
    """Whether a column's sample is all row-number shaped: only then is the column read whole.

    Row numbers (1..n, or an offset range) identify a row of this file, not a person: no
    issuer's identifier is dense and consecutive (:func:`row_counter`).
    """
    return sample.len() >= _MIN_COUNTER_ROWS and bool(sample.str.contains(_COUNTER).all())


def counter_numbers(text: pl.Series) -> pl.Series | None:
    """A piece of a column as row numbers (blank values left out); None if one is not."""
    text = text.str.strip_chars()
    text = text.filter(text.str.len_chars() > 0)
    if not text.str.contains(_COUNTER).all():
        return None
    return text.cast(pl.Int64)


def fills_range(count: int, low: int, high: int) -> bool:
    """Whether ``count`` distinct numbers from ``low`` to ``high`` number rows.

    Up to a tenth of the range may be missing (blank or filtered rows).
    """
    return count >= _MIN_COUNTER_ROWS and high - low + 1 <= count * 1.1


def row_counter(text: pl.Series) -> bool:
    """Whether a whole column (as text) numbers its rows: unique whole numbers, a range."""
    numbers = counter_numbers(text.drop_nulls())
    if numbers is None or numbers.n_unique() != numbers.len():
        return False
    low, high = numbers.min(), numbers.max()
    if not isinstance(low, int) or not isinstance(high, int):
        return False
    return fills_range(numbers.len(), low, high)


def _classify_values(
    name: str, sample: pl.Series, settings: ClassifySettings, passed: dict[str, pl.Series]
) -> ColumnFinding | None:
    """Judge a column by header and values (``sample`` with spreadsheet damage undone)."""
    hits, meta, subject = header_entities(name)
    if meta:
        hits = []
    matched = dict(passed)
    for entity in set(hits) & set(LEADING_ZERO):  # the header says what the digits were
        matched[entity] = matched[entity] | VALIDATORS[entity](restore_leading_zero(sample))
    rounded = rounded_numbers(sample)
    for entity in set(hits) & set(ROUNDED):  # the header says what the rounded numbers were
        matched[entity] = matched[entity] | rounded
    mod11 = share_of(modulus11_valid(sample))
    shares = {entity: share_of(m) for entity, m in matched.items()}

    def level(share: float, header: bool) -> Confidence:
        if share >= settings.min_share:
            return "high" if header else "medium"
        return "medium" if header and share >= settings.header_min_share else "low"

    # Header first: the strongest context wins; a header the values contradict is a hint.
    hint: ColumnFinding | None = None
    for entity in hits:
        if entity in VALIDATORS:
            share = shares[entity]
            evidence = [
                f"header '{name}' names {entity}",
                f"{share:.0%} of values pass {entity} checks",
            ]
            if entity == "NHS_NUMBER" and mod11 > share:
                share = mod11
                evidence.append(f"{mod11:.0%} pass modulus 11 (outside the issued ranges too)")
            if entity in ROUNDED and rounded.any():
                evidence.append(_ROUNDED_EVIDENCE.format(share_of(rounded)))
            if level(share, True) == "low":
                evidence.append("the values do not bear the header out: a hint, not flagged")
            found = make_finding(
                name,
                entity,
                share,
                level(share, True),
                evidence,
                masked_examples(sample, matched[entity], entity),
                "person" if subject == "person" else "organisation",
            )
            if found.detected:
                return found
            hint = hint or found
        if entity in _NAME_ENTITIES:
            named = names_with_header(name, entity, sample, settings, subject)
            if named is not None and named.confidence == "high" and names_half_a_name(name):
                named = dataclasses.replace(named, confidence="medium")  # "Last": weak context
            if named is not None:
                return named
        if entity == "SEX":
            share = share_of(normalise_sex(sample).values.is_not_null())
            evidence = [f"header '{name}' names SEX", f"{share:.0%} of values are sex codes"]
            return make_finding(name, "SEX", share, level(share, True), evidence)
    titled = titled_names(name, sample, settings, subject)
    if titled is not None:
        return titled
    if subject != "person":
        return hint
    if share_of(rounded) >= _ROUNDED_MIN_SHARE and int((~rounded).sum()) >= _MIN_CHECKABLE:
        by_values = _checkable_values(name, sample, settings, matched, rounded)
    else:
        by_values = _by_values(name, sample, settings, matched, shares, mod11)
    if by_values is None:
        by_values = embedded_nhs_numbers(name, sample, "NHS_NUMBER" in hits)
    if by_values is None and hint is None:
        return _rounded_hint(name, sample, rounded, settings)
    return by_values if by_values is not None else hint


#: Share of values rounded by a spreadsheet from which a column is judged on the rest, and
#: the fewest values left to judge it on.
_ROUNDED_MIN_SHARE = 0.05
_MIN_CHECKABLE = 20


def _checkable_values(
    name: str,
    sample: pl.Series,
    settings: ClassifySettings,
    matched: dict[str, pl.Series],
    rounded: pl.Series,
) -> ColumnFinding | None:
    """A column partly rounded by a spreadsheet, judged by its values alone on those left whole.

    The rounded values lost digits: no check can pass or fail them, so they are unverifiable,
    not evidence against the column ("5.94298E+09" among whole NHS numbers).
    """
    whole = ~rounded
    kept = sample.filter(whole)
    checked = {entity: m.filter(whole) for entity, m in matched.items()}
    shares = {entity: share_of(m) for entity, m in checked.items()}
    found = _by_values(name, kept, settings, checked, shares, share_of(modulus11_valid(kept)))
    if found is None:
        return None
    note = _UNCHECKABLE_EVIDENCE.format(share_of(rounded))
    return dataclasses.replace(found, evidence=(*found.evidence, note))


# Ten digits rounded by a spreadsheet ("9.43477E+09"): the size of NHS and CHI numbers.
_ROUNDED_TEN_DIGITS = r"[eE]\+?0?9$"


def _rounded_hint(
    name: str, sample: pl.Series, rounded: pl.Series, settings: ClassifySettings
) -> ColumnFinding | None:
    """A hint for a column of ten-digit numbers a spreadsheet rounded, too few left to check.

    Not flagged: the lost digits cannot show whether they were NHS numbers. Under a header
    naming a thing's number (a sample's barcode, an order) no hint.
    """
    ten = rounded & sample.str.contains(_ROUNDED_TEN_DIGITS).fill_null(False)
    few_whole = int((~rounded).sum()) < _MIN_CHECKABLE
    if not few_whole or share_of(ten) < settings.header_min_share or names_a_thing(name):
        return None
    evidence = [
        f"{share_of(ten):.0%} of values are ten-digit numbers rounded by a spreadsheet "
        "(scientific notation), as NHS numbers become",
        "too few values left whole to check: a hint, not flagged; re-export the column as text",
    ]
    return make_finding(name, "NHS_NUMBER", share_of(ten), "low", evidence)


_UNCHECKABLE_EVIDENCE = (
    "{:.0%} of values rounded by a spreadsheet (scientific notation) cannot be checked: the "
    "column is judged on the values left whole; re-export the rounded ones as text"
)


#: Header entities whose values a spreadsheet may round to scientific notation.
ROUNDED = ("NHS_NUMBER", "CHI_NUMBER", "PHONE_NUMBER", "UPRN", "HOSPITAL_NUMBER")
_ROUNDED_EVIDENCE = (
    "{:.0%} of values rounded by a spreadsheet (scientific notation): counted as the header "
    "says; the digits lost cannot be recovered, so re-export the column as text"
)


def _by_values(
    name: str,
    sample: pl.Series,
    settings: ClassifySettings,
    matched: dict[str, pl.Series],
    shares: dict[str, float],
    mod11: float,
) -> ColumnFinding | None:
    """A column without (or with a contradicted) header: judged by its values alone."""
    for entity in _SELF_EVIDENT:
        share = shares[entity]
        if share >= settings.min_share:
            evidence = [f"{share:.0%} of values pass {entity} checks", "no header context"]
            return make_finding(
                name,
                entity,
                share,
                "medium",
                evidence,
                masked_examples(sample, matched[entity], entity),
            )
    if mod11 >= settings.min_share and shares["CHI_NUMBER"] < settings.min_share:
        evidence = [
            f"{mod11:.0%} of values are ten digits passing modulus 11 (random numbers: 1 in 11)",
            f"{shares['NHS_NUMBER']:.0%} in the NHS issuing ranges",
            "no header context",
        ]
        examples = masked_examples(sample, modulus11_valid(sample), "NHS_NUMBER")
        return make_finding(name, "NHS_NUMBER", mod11, "medium", evidence, examples)
    if shares["HOSPITAL_NUMBER"] >= settings.min_share:
        found = trust_numbers(name, sample, matched["HOSPITAL_NUMBER"])
        if found is not None:
            return found
    if shares["UPRN"] >= settings.min_share:
        found = addressbase_uprns(name, sample, matched["UPRN"])
        if found is not None:
            return found
    found = document_numbers(name, sample, settings.min_share)
    if found is not None:
        return found
    # Words under a header naming a code name or a place are the code's ("Amber Kestrel") or
    # the place's ("Buxton"), however named.
    unnamed = names_a_code(name) or names_a_place_or_thing(name)
    found = None if unnamed else names_without_header(name, sample, settings)
    if found is not None:
        return found
    if shares["DATE_OF_BIRTH"] >= settings.min_share:
        share = shares["DATE_OF_BIRTH"]
        if _birth_like(sample, matched["DATE_OF_BIRTH"]):
            evidence = [f"{share:.0%} of values are past dates", "spread of years like birth dates"]
            return make_finding(name, "DATE_OF_BIRTH", share, "medium", evidence)
        return make_finding(
            name, "DATE", share, "low", [f"{share:.0%} dates; no birth-date context"]
        )
    return None
