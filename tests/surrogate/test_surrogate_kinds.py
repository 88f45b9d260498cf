"""Keyed surrogates: determinism, key separation, validity of each kind, errors, collisions."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from safelink.errors import InputError
from safelink.infra.blank import is_blank
from safelink.keys import Keyring
from safelink.normalise import nhs_check_digit_valid, normalise_phone, postcode_district
from safelink.surrogate import (
    DRAMA_LANDLINE,
    DRAMA_MOBILE,
    Kind,
    count_collisions,
    surrogate_column,
)
from safelink.synthetic.testing import nhs_number_strategy, synthetic_nhs_numbers

ALL_KINDS = [
    ("surname", {}),
    ("forename", {"sex": "sex"}),
    ("nhs_number", {}),
    ("postcode", {}),
    ("postcode", {"keep_district": True}),
    ("phone", {}),
    ("email", {}),
    ("address", {}),
    ("ethnicity", {}),
]
KIND_OF = {"ethnicity": "category"}


def _surrogate(frame: object, column: str, ring: Keyring, **options: object) -> pl.Series:
    kind = KIND_OF.get(column, column)
    return surrogate_column(frame, column, kind=kind, keyring=ring, **options).values  # type: ignore[arg-type]


@pytest.mark.parametrize(("column", "options"), ALL_KINDS)
def test_surrogate_column_same_key_twice_identical(
    extract: pl.DataFrame, ring: Keyring, column: str, options: dict[str, object]
) -> None:
    first = _surrogate(extract, column, ring, **options)
    again = _surrogate(extract.reverse(), column, ring, **options).reverse()
    assert first.to_list() == again.to_list()


@pytest.mark.parametrize(("column", "options"), ALL_KINDS)
def test_surrogate_column_pandas_and_polars_identical(
    extract: pl.DataFrame, ring: Keyring, column: str, options: dict[str, object]
) -> None:
    from_polars = _surrogate(extract, column, ring, **options)
    from_pandas = _surrogate(extract.to_pandas(), column, ring, **options)
    assert from_polars.to_list() == from_pandas.to_list()


@pytest.mark.parametrize(("column", "options"), ALL_KINDS)
def test_surrogate_column_rows_kept_and_missing_stay_missing(
    extract: pl.DataFrame, ring: Keyring, column: str, options: dict[str, object]
) -> None:
    out = _surrogate(extract, column, ring, **options)
    assert out.len() == extract.height
    assert out.name == column
    blank = extract[column].is_null()
    assert out.is_null().to_list() == blank.to_list()


@pytest.mark.parametrize(("column", "options"), ALL_KINDS[:-1])
def test_surrogate_column_no_row_keeps_its_original(
    extract: pl.DataFrame, ring: Keyring, column: str, options: dict[str, object]
) -> None:
    out = _surrogate(extract, column, ring, **options)
    original = extract[column]
    same = (out.str.to_uppercase().str.replace_all(r"\s", "")
            == original.str.to_uppercase().str.replace_all(r"\s", ""))  # fmt: skip
    assert not same.fill_null(False).any()


def test_surrogate_column_same_canonical_value_same_surrogate(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    surnames = _surrogate(extract, "surname", ring)
    # "Quillfeather" and "QUILLFEATHER" are one name: one surrogate, case kept.
    assert surnames[0].upper() == surnames[1]
    postcodes = _surrogate(extract, "postcode", ring)
    assert postcodes[0] == postcodes[1]


def test_surrogate_column_different_keys_unrelated(ring: Keyring, other_ring: Keyring) -> None:
    numbers = pl.DataFrame({"nhs_number": synthetic_nhs_numbers(2000, seed=11, unique=False)})
    mine = _surrogate(numbers, "nhs_number", ring)
    theirs = _surrogate(numbers, "nhs_number", other_ring)
    assert (mine == theirs).sum() <= 2
    names = pl.DataFrame({"surname": [f"Name{i}x" for i in range(2000)]})
    agree = (_surrogate(names, "surname", ring) == _surrogate(names, "surname", other_ring)).mean()
    # Two independent weighted draws agree about as often as the commonest names' share squared.
    assert agree is not None and agree < 0.05


def test_surrogate_column_label_gives_same_surrogates_across_column_names(ring: Keyring) -> None:
    a = pl.DataFrame({"surname": ["Ashdown", "Birtwistle"]})
    b = pl.DataFrame({"last_name": ["Ashdown", "Birtwistle"]})
    left = surrogate_column(a, "surname", kind="surname", keyring=ring, label="surname").values
    right = surrogate_column(b, "last_name", kind="surname", keyring=ring, label="surname").values
    unlabelled = surrogate_column(b, "last_name", kind="surname", keyring=ring).values
    assert left.to_list() == right.to_list()
    assert unlabelled.to_list() != left.to_list()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(numbers=st.lists(nhs_number_strategy() | st.text(max_size=12), min_size=1, max_size=30))
@example(numbers=["\x1f", " \u3000", ""])  # a unit separator is data; ideographic space blank
def test_surrogate_nhs_number_always_valid_test_range(ring: Keyring, numbers: list[str]) -> None:
    out = _surrogate(pl.DataFrame({"nhs_number": numbers}), "nhs_number", ring)
    assert out.null_count() == sum(1 for n in numbers if is_blank(n))
    for value in out.drop_nulls().to_list():
        assert value.startswith("999")
        assert nhs_check_digit_valid(value)


def test_surrogate_forename_sex_consistent(ring: Keyring) -> None:
    import csv
    from importlib import resources

    text = (resources.files("safelink") / "data" / "forenames.csv").read_text(encoding="utf-8")
    by_sex: dict[str, set[str]] = {"M": set(), "F": set()}
    for row in csv.DictReader(text.splitlines()):
        by_sex[row["sex"]].add(row["name"])
    names = [f"Given{i}q" for i in range(300)]
    frame = pl.DataFrame({"forename": names * 2, "sex": ["Male"] * 300 + ["2"] * 300})
    out = _surrogate(frame, "forename", ring, sex="sex").to_list()
    assert set(out[:300]) <= by_sex["M"]
    assert set(out[300:]) <= by_sex["F"]


def test_surrogate_postcode_keep_district_keeps_district(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    out = _surrogate(extract, "postcode", ring, keep_district=True)
    valid = extract["postcode"].str.contains(r"\d[A-Za-z]{2}$").fill_null(False)
    kept = postcode_district(out.filter(valid))
    assert (
        kept.to_list()
        == postcode_district(
            extract["postcode"].filter(valid).str.to_uppercase().str.replace(r"\s*(\d\w\w)$", " $1")
        ).to_list()
    )
    assert out.drop_nulls().str.contains(r"^[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$").all()


def test_surrogate_phone_only_drama_numbers_mobile_for_mobile(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    out = _surrogate(extract, "phone", ring)
    e164 = normalise_phone(out).values.drop_nulls().to_list()
    assert len(e164) == out.drop_nulls().len()
    ranges = [(p, s, s + n) for _, p, s, n in (*DRAMA_MOBILE, *DRAMA_LANDLINE)]
    for number in e164:
        assert any(
            number.startswith(prefix) and lo <= int(number[len(prefix) :]) < hi
            for prefix, lo, hi in ranges
        ), "not an Ofcom drama number"
    assert out[0].startswith("07700 900")  # the original is a mobile


def test_surrogate_email_reserved_domains_only(extract: pl.DataFrame, ring: Keyring) -> None:
    out = _surrogate(extract, "email", ring).drop_nulls()
    assert out.str.contains(r"^[a-z]+\.[a-z]+(\.?\d+)?@example\.(com|org|net)$").all()


def test_surrogate_category_observed_or_given_values(extract: pl.DataFrame, ring: Keyring) -> None:
    observed = set(extract["ethnicity"].drop_nulls())
    out = _surrogate(extract, "ethnicity", ring)
    assert set(out.drop_nulls()) <= observed
    given = surrogate_column(
        extract, "ethnicity", kind="category", keyring=ring, values=["X1", "X2"]
    ).values
    assert set(given.drop_nulls()) <= {"X1", "X2"}


def test_surrogate_column_unknown_kind_names_column(extract: pl.DataFrame, ring: Keyring) -> None:
    with pytest.raises(InputError, match=r"'surname'.*unknown surrogate kind"):
        surrogate_column(extract, "surname", kind="shoe_size", keyring=ring)


@pytest.mark.parametrize(
    ("options", "pattern"),
    [
        ({"column": "nope", "kind": "surname"}, "surrogate column 'nope'"),
        ({"column": "forename", "kind": "forename", "sex": "gender"}, "sex column 'gender'"),
        ({"column": "surname", "kind": "surname", "keep_district": True}, "keep_district"),
        ({"column": "surname", "kind": "surname", "values": ["a"]}, "values="),
    ],
)
def test_surrogate_column_bad_options_clear_error(
    extract: pl.DataFrame, ring: Keyring, options: dict[str, object], pattern: str
) -> None:
    with pytest.raises(InputError, match=pattern):
        surrogate_column(extract, keyring=ring, **options)  # type: ignore[arg-type]


def test_surrogate_column_collisions_reported(ring: Keyring) -> None:
    # 400 distinct mobiles into 1,000 drama numbers: collisions are certain in practice.
    phones = [f"07911 {n:06d}" for n in range(400)]
    result = surrogate_column(pl.DataFrame({"phone": phones}), "phone", kind="phone", keyring=ring)
    collisions = result.report.collisions
    assert collisions.distinct_originals == 400
    assert collisions.shared_surrogates > 0
    assert collisions.distinct_surrogates == result.values.n_unique()
    assert collisions.originals_affected >= 2 * collisions.shared_surrogates


def test_count_collisions_counts_shared_surrogates() -> None:
    found = count_collisions(
        pl.Series(["a", "b", "c", "d", "a", None]), pl.Series(["x", "x", "x", "y", "x", "z"])
    )
    assert (found.distinct_originals, found.shared_surrogates, found.originals_affected) == (
        4,
        1,
        3,
    )


def test_surrogate_report_has_counts_not_values(extract: pl.DataFrame, ring: Keyring) -> None:
    report = surrogate_column(extract, "nhs_number", kind=Kind.NHS_NUMBER, keyring=ring).report
    record = str(report.to_dict())
    assert report.missing == 1 and report.rows == extract.height
    assert report.purpose == "surrogate:nhs_number" and report.key_id.startswith("kid_")
    for value in extract["nhs_number"].drop_nulls():
        assert value not in record


def test_surrogate_name_keys_match_normalise_name() -> None:
    from safelink.normalise import normalise_name
    from safelink.surrogate.kinds import _canonical

    raw = pl.Series(
        ["Mrs. Zoë O'Brien-Smith", "  ", "x1", "DR", "Łukasz", None, "smith jr", "A  B"]
    )
    key, accepted = _canonical(Kind.SURNAME, raw)
    expected = normalise_name(raw).values.to_list()
    assert [k if ok else None for k, ok in zip(key, accepted, strict=True)] == expected


@pytest.mark.parametrize(("column", "options"), ALL_KINDS)
def test_surrogate_column_repeated_and_distinct_inputs_agree(
    extract: pl.DataFrame, ring: Keyring, column: str, options: dict[str, object]
) -> None:
    # Many repeats take the de-duplicated path; all-distinct input the direct one.
    once = extract.unique(subset=[column, "sex"], keep="first", maintain_order=True)
    repeated = pl.concat([once] * 5)
    direct = _surrogate(once, column, ring, **options).to_list()
    via_dedup = _surrogate(repeated, column, ring, **options).to_list()
    assert via_dedup == direct * 5


@pytest.mark.parametrize("kind", [k.value for k in Kind])
def test_surrogate_column_empty_or_all_missing_column_kept(ring: Keyring, kind: str) -> None:
    for values in ([], [None, None, ""]):
        frame = pl.DataFrame({"c": pl.Series(values, dtype=pl.String)})
        out = surrogate_column(frame, "c", kind=kind, keyring=ring).values
        assert out.len() == len(values)
        assert out.null_count() == len(values)
