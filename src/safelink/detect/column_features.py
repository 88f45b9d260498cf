"""A column as numbers for the learned classifier: header, value shape and the rules' verdict.

:func:`column_features` turns one column (its header, the scan's seeded sample of non-empty
values and the rules' finding) into a fixed-length vector of floats. No value is kept: every
feature is a share, a length or a hashed header token. Three groups:

* **header**: the normalised header words and character trigrams of the joined header,
  hashed (CRC-32, stable across runs and machines) into :data:`HEADER_BUCKETS` buckets, and the
  entities, metadata flag and subject the header rules read from it;
* **values**: shares of digits, letters, spaces and punctuation, lengths, words per value,
  capitalised and upper-case words, values passing modulus 11 and each recogniser the scan
  runs (:data:`safelink.detect.recognisers.VALIDATORS`), words in the bundled name lists,
  distinct and blank shares, values with a place or service word ("Ward", "Road", "Team"),
  words that are not names, hashes; how far the values pass the check of the entity their
  header names (an "nhs_ref" of order numbers, a "phone_outcome" of call results);
* **rules**: whose identifier the rules read the column as (person, organisation, staff),
  whether they judged it free text, and the free-text entities they counted in it.

The rules' verdict itself (entity, confidence, direct) is not a feature: the rules were tuned
on every labelled corpus, so on them the verdict is almost always right, and a model given it
learns to copy the rules and adds nothing where they miss (leave-one-corpus-out, see the
README's "Learned second opinion"). Eight header buckets, not more, for the same reason: more
let the model learn each corpus's own headers.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import polars as pl

from safelink.detect.column_model import ColumnFinding
from safelink.detect.damage import undo_spreadsheet_damage
from safelink.detect.headers import header_entities, header_words
from safelink.detect.names import NOT_NAME_WORDS, PLACE_WORDS
from safelink.detect.recognisers import VALIDATORS, modulus11_valid, name_lists

#: Buckets the hashed header tokens fall into.
HEADER_BUCKETS = 8
_HEADER_ENTITIES = tuple(
    sorted({*VALIDATORS, "FORENAME", "SURNAME", "FULL_NAME", "SEX", "DATE_OF_BIRTH"})
)
_SUBJECTS = ("person", "organisation", "staff")
# Free-text entity types whose share of analysed rows is a feature.
_TEXT_ENTITIES = ("PERSON", "NHS_NUMBER", "PHONE_NUMBER", "ADDRESS", "EMAIL_ADDRESS", "POSTCODE")
# Below this share passing the check of the entity its header names, the values contradict it.
_CONTRADICTED = 0.1
_CHAR_KEYS = ("digits", "letters", "spaces", "punctuation", "upper_chars")
# Fewer distinct values than this in a sample is a code list, whoever's values they are.
_FEW_DISTINCT = 30
_CHECKS = tuple(VALIDATORS.items())
# As one-element list series: ``is_in`` reads them as the set to look in (built at import).
_PLACES = pl.Series(sorted(PLACE_WORDS), dtype=pl.String).implode()
_NOT_NAMES = pl.Series(sorted(NOT_NAME_WORDS), dtype=pl.String).implode()
# A hash or pseudonym: sixteen or more hexadecimal characters, letters among them.
_HEX_RUN = r"^[0-9a-fA-F]{16,}$"
_CAPITALISED = r"^\p{Lu}\p{Ll}+(?:[-'\u2019]\p{Lu}?\p{Ll}+)?$"


def _shape_names() -> tuple[str, ...]:
    return (
        "blank_share",
        "distinct_share",
        "log_distinct",
        "few_distinct",
        "log_sampled",
        "log_mean_length",
        "length_spread",
        "digit_chars",
        "letter_chars",
        "space_chars",
        "punctuation_chars",
        "upper_chars",
        "all_digits",
        "has_digit",
        "words_per_value",
        "one_word",
        "two_or_three_words",
        "capitalised_words",
        "upper_words",
        "title_case_values",
        "listed_forename_first",
        "listed_surname_last",
        "listed_words",
        "modulus11",
        "place_values",
        "not_name_words",
        "hex_tokens",
    )


#: The name of every feature, in vector order.
FEATURE_NAMES: tuple[str, ...] = (
    *(f"header_hash_{i}" for i in range(HEADER_BUCKETS)),
    *(f"header_names_{e}" for e in _HEADER_ENTITIES),
    "header_meta",
    *(f"header_subject_{s}" for s in _SUBJECTS),
    *_shape_names(),
    *(f"passes_{e}" for e in VALIDATORS),
    "header_validated",
    "header_contradicted",
    *(f"rules_subject_{s}" for s in _SUBJECTS),
    "free_text_shape",
    *(f"text_{e}" for e in _TEXT_ENTITIES),
)


def header_tokens(name: str) -> list[str]:
    """The header's normalised words and the character trigrams of its joined form."""
    words, joined = header_words(name)
    padded = f"^{joined}$"
    return [f"w:{w}" for w in words] + [f"c:{padded[i : i + 3]}" for i in range(len(padded) - 2)]


def _header_features(name: str) -> list[float]:
    buckets = [0.0] * HEADER_BUCKETS
    tokens = header_tokens(name)
    for token in tokens:
        buckets[zlib.crc32(token.encode("utf-8")) % HEADER_BUCKETS] += 1.0
    norm = math.sqrt(sum(b * b for b in buckets)) or 1.0
    hits, meta, subject = header_entities(name)
    return [
        *(b / norm for b in buckets),
        *(float(e in hits) for e in _HEADER_ENTITIES),
        float(meta),
        *(float(subject == s) for s in _SUBJECTS),
    ]


def _mean(series: pl.Series) -> float:
    value = series.mean() if series.len() else None
    return float(value) if isinstance(value, (int, float)) else 0.0


@lru_cache(maxsize=1)
def _listed() -> tuple[pl.Series, pl.Series, pl.Series]:
    """The bundled forenames, surnames and both, as one-element list series (built once)."""
    forenames, surnames = name_lists()
    return (
        pl.Series(sorted(forenames), dtype=pl.String).implode(),
        pl.Series(sorted(surnames), dtype=pl.String).implode(),
        pl.Series(sorted(forenames | surnames), dtype=pl.String).implode(),
    )


def _shape_features(sample: pl.Series, non_empty: int, rows: int) -> list[float]:
    n = sample.len()
    if n == 0:
        return [1.0 - non_empty / max(rows, 1)] + [0.0] * (len(_shape_names()) - 1)
    # One select over the sample: polars runs the expressions together (the scan's cost).
    forenames, surnames, either = _listed()
    v, words = pl.col("v"), pl.col("w")
    counts = words.list.len().cast(pl.Float64)
    lengths = v.str.len_chars().cast(pl.Float64)

    def per_word(test: pl.Expr) -> pl.Expr:
        return words.list.eval(test.cast(pl.Float64)).list.sum().sum()

    def chars(pattern: str) -> pl.Expr:
        return v.str.count_matches(pattern).sum().cast(pl.Float64)

    def share(test: pl.Expr) -> pl.Expr:
        return test.fill_null(False).cast(pl.Float64).mean()

    plain = pl.element().str.replace_all(r"[^\p{L}'\-]", "").str.to_uppercase()
    first = words.list.first().str.to_uppercase().str.replace_all("'", "")
    last = words.list.last().str.to_uppercase().str.replace_all(r"[',]", "")
    got = (
        pl.DataFrame({"v": sample})
        .with_columns(w=v.str.split(" ").list.eval(pl.element().filter(pl.element() != "")))
        .select(
            distinct=v.n_unique(),
            mean_length=lengths.mean(),
            spread=lengths.std(),
            chars=lengths.sum(),
            digits=chars(r"\d"),
            letters=chars(r"\p{L}"),
            spaces=chars(r"\s"),
            punctuation=chars(r"[^\p{L}\d\s]"),
            upper_chars=chars(r"\p{Lu}"),
            all_digits=share(v.str.contains(r"^\d+$")),
            has_digit=share(v.str.contains(r"\d")),
            words_per_value=counts.mean(),
            one_word=share(counts == 1),
            two_or_three=share((counts >= 2) & (counts <= 3)),
            words=counts.sum(),
            capitalised=per_word(pl.element().str.contains(_CAPITALISED)),
            upper_words=per_word(pl.element().str.contains(r"^\p{Lu}{2,}$")),
            title_case=share(words.list.eval(pl.element().str.contains(_CAPITALISED)).list.all()),
            forename_first=share(first.is_in(forenames)),
            surname_last=share(last.is_in(surnames)),
            listed=per_word(plain.str.replace_all("'", "").is_in(either)),
            places=share(
                words.list.eval(pl.element().str.to_lowercase().is_in(_PLACES)).list.any()
            ),
            not_names=per_word(
                pl.element().str.to_lowercase().str.strip_chars(".,;:()").is_in(_NOT_NAMES)
            ),
            hex_tokens=share(v.str.contains(_HEX_RUN) & v.str.contains(r"[a-fA-F]")),
        )
        .row(0, named=True)
    )
    distinct = int(got["distinct"])
    mean_length = float(got["mean_length"] or 0.0)
    total = max(float(got["chars"] or 0.0), 1.0)
    n_words = float(got["words"] or 0.0)

    def of_words(key: str) -> float:
        return float(got[key] or 0.0) / n_words if n_words else 0.0

    return [
        1.0 - non_empty / max(rows, 1),
        distinct / n,
        math.log1p(distinct) / 10.0,
        float(distinct < _FEW_DISTINCT),
        math.log1p(n) / 10.0,
        math.log1p(mean_length),
        float(got["spread"] or 0.0) / max(mean_length, 1.0),
        *(float(got[k] or 0.0) / total for k in _CHAR_KEYS),
        float(got["all_digits"] or 0.0),
        float(got["has_digit"] or 0.0),
        min(float(got["words_per_value"] or 0.0), 20.0) / 20.0,
        float(got["one_word"] or 0.0),
        float(got["two_or_three"] or 0.0),
        of_words("capitalised"),
        of_words("upper_words"),
        float(got["title_case"] or 0.0),
        float(got["forename_first"] or 0.0),
        float(got["surname_last"] or 0.0),
        of_words("listed"),
        _mean(modulus11_valid(sample)),
        float(got["places"] or 0.0),
        of_words("not_names"),
        float(got["hex_tokens"] or 0.0),
    ]


def _rule_features(finding: ColumnFinding | None, free_text: bool, text_rows: int) -> list[float]:
    subject = None if finding is None else finding.subject
    entities: dict[str, int] = {} if finding is None else finding.entities
    analysed = float(text_rows) if entities else 0.0
    return [
        *(float(subject == s) for s in _SUBJECTS),
        float(free_text),
        *((entities.get(e, 0) / analysed if analysed else 0.0) for e in _TEXT_ENTITIES),
    ]


def column_features(
    name: str,
    sample: pl.Series,
    *,
    non_empty: int,
    rows: int,
    finding: ColumnFinding | None,
    free_text: bool,
    text_rows: int,
    passes: Mapping[str, float] | None = None,
) -> np.ndarray:
    """The feature vector of one column (see :data:`FEATURE_NAMES`); no value is kept.

    Args:
        name: the column header.
        sample: the scan's sample of non-empty values, as text, stripped.
        non_empty: non-empty values in the whole column.
        rows: rows in the column.
        finding: the rules' finding for the column, or None.
        free_text: whether the rules judged the column free text by shape.
        text_rows: rows the rules analysed when they read the column as free text.
        passes: the share of values passing each recogniser, when the rules computed them
            (on the sample with spreadsheet damage undone); computed here when None.

    Returns:
        A float64 vector of length ``len(FEATURE_NAMES)``.
    """
    if passes is None:
        undone = undo_spreadsheet_damage(sample) if sample.len() else sample
        passes = {
            e: _mean(check(undone)) if undone.len() else 0.0 for e, check in VALIDATORS.items()
        }
    named = [passes[e] for e in header_entities(name)[0] if e in passes]
    vector = [
        *_header_features(name),
        *_shape_features(sample, non_empty, rows),
        *(passes[e] for e in VALIDATORS),
        max(named, default=0.0),
        float(bool(named) and max(named) < _CONTRADICTED),
        *_rule_features(finding, free_text, text_rows),
    ]
    return np.asarray(vector, dtype=np.float64)
