"""Keyed surrogates: realistic fake values that stay the same for the same input and key.

A surrogate is a deterministic keyed choice: the canonical form of a value (see
:mod:`safelink.normalise`) is HMAC'd under the subkey ``surrogate:<label>`` (the label is the
column name unless given), and the digest selects from a weighted list or fills a format. The
same value and key give the same surrogate in every file, run and process; without the key the
surrogate says nothing about the original. A surrogate never equals its own original (when a
choice would, the next entry of the list is taken), except for ``category``, where that rule
would leak (with two categories it would make the surrogate the other one).

============  ===================================================================================
kind          surrogate
============  ===================================================================================
surname       a surname, weighted like England and Wales (British, South Asian, Black, Eastern
              European, East Asian and Middle Eastern names)
forename      a forename, of the same sex when a sex column is given (``1`` male, ``2`` female)
nhs_number    ``999`` + 6 digits + a valid modulus-11 check digit: the 999 range is never issued,
              so a surrogate can never be a real patient's number (about 909,000 possible)
postcode      a real-format postcode (a real area, district number and inward code); with
              ``keep_district`` only the inward code changes. Not necessarily an allocated one.
phone         an Ofcom drama number (below): a mobile for a mobile, otherwise a landline
email         ``forename.surname[NN]@example.{com,org,net}`` (RFC 2606 reserved domains)
address       ``NN Street Type, Town`` with invented town names
category      one of the column's own distinct values (uniformly), or of ``values``
============  ===================================================================================

Ofcom's numbers reserved for TV and radio drama (never allocated to a line), 1,000 each:
``07700 900000``-``900999`` (mobile); ``01632 960000``-``960999`` (no area); ``020 7946 0000``-
``0999`` (London); ``0113 496 0xxx`` Leeds, ``0114`` Sheffield, ``0115`` Nottingham, ``0116``
Leicester, ``0117`` Bristol, ``0118`` Reading, ``0121`` Birmingham, ``0131`` Edinburgh,
``0141`` Glasgow, ``0151`` Liverpool, ``0161`` Manchester (all ``496 0000``-``0999``);
``0191 498 0000``-``0999`` (Tyneside, Durham, Sunderland); ``029 2018 0000``-``0999``
(Cardiff). Northern Ireland's range is left out: published copies disagree (``028 9018 0xxx``
in older ones, ``028 9649 6xxx`` in newer ones), and a wrong guess could reach a real line.
Only 1,000 mobile numbers exist, so mobile surrogates collide as soon as a column has more than
a few dozen distinct numbers (collisions are counted in every report). Category surrogates are
the same across files that hold the same set of categories; give ``values`` to make them the
same whatever each file holds.

Values a normaliser rejects (a malformed NHS number, postcode or phone) still get a surrogate,
keyed on their trimmed upper-case text, so no value passes through unchanged; missing values
stay missing and rows are never dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import polars as pl

from safelink.errors import InputError
from safelink.identifiers import Identifier
from safelink.infra.blank import WHITESPACE, blank_to_null
from safelink.infra.io import to_polars
from safelink.normalise import (
    Normalised,
    name_canonical_expr,
    normalise,
    normalise_email,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
    normalise_text,
)
from safelink.surrogate._draw import (
    KeySource,
    Table,
    TokenKey,
    address_table,
    forename_table,
    keyed_draws,
    postcode_areas,
    surname_table,
)
from safelink.surrogate.collisions import Collisions


class Kind(StrEnum):
    """The kinds of surrogate (see the module docstring)."""

    ADDRESS = "address"
    CATEGORY = "category"
    EMAIL = "email"
    FORENAME = "forename"
    NHS_NUMBER = "nhs_number"
    PHONE = "phone"
    POSTCODE = "postcode"
    SURNAME = "surname"


@dataclass(frozen=True, slots=True, kw_only=True)
class SurrogateReport:
    """What a surrogate step did to one column (counts only, never values).

    Attributes:
        column: the column replaced.
        kind: the surrogate kind.
        purpose: the key purpose used (``surrogate:<label>``).
        key_id: the public id of that subkey.
        rows: rows in the data (all kept).
        missing: missing values (left missing).
        non_canonical: values the normaliser rejected, surrogated from their plain text.
        cells_changed: cells whose value changed.
        collisions: distinct originals that share a surrogate.
        parameters: the options used, JSON-ready.
    """

    column: str
    kind: str
    purpose: str
    key_id: str
    rows: int
    missing: int
    non_canonical: int
    cells_changed: int
    collisions: Collisions
    parameters: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {
            "column": self.column,
            "kind": self.kind,
            "purpose": self.purpose,
            "key_id": self.key_id,
            "rows": self.rows,
            "missing": self.missing,
            "non_canonical": self.non_canonical,
            "cells_changed": self.cells_changed,
            "collisions": self.collisions.to_dict(),
            "parameters": dict(self.parameters),
        }


@dataclass(frozen=True, slots=True)
class SurrogateResult:
    """A surrogate column and its report.

    Attributes:
        values: the surrogate column (same name and length as the original; text).
        report: what was done.
    """

    values: pl.Series
    report: SurrogateReport


# -- canonical keys ---------------------------------------------------------------------------

_NORMALISERS: dict[Kind, Callable[[pl.Series], Normalised]] = {
    Kind.NHS_NUMBER: normalise_nhs_number,
    Kind.POSTCODE: normalise_postcode,
    Kind.PHONE: normalise_phone,
    Kind.EMAIL: normalise_email,
    Kind.ADDRESS: normalise_text,
}


def _plain(text: pl.Expr) -> pl.Expr:
    """The fallback key of a rejected value: as :func:`normalise_text` makes it."""
    return text.str.to_uppercase().str.replace_all(r"\s+", " ")


def _canonical(kind: Kind, raw: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Return the HMAC key per row (null where missing) and whether it is canonical."""
    text = blank_to_null(pl.col("raw"))
    if kind is Kind.CATEGORY:
        # A category is its exact text; only blank counts as missing.
        frame = pl.DataFrame({"raw": raw}).select(
            pl.when(text.is_not_null()).then(pl.col("raw")).alias("key")
        )
        return frame["key"], frame["key"].is_not_null()
    if kind in (Kind.SURNAME, Kind.FORENAME):
        # normalise_name's canonical form, computed once (it is the costly part).
        stage = pl.DataFrame({"raw": raw}).select(
            text.alias("text"), name_canonical_expr(text).alias("name")
        )
        name = pl.col("name")
        accepted = (name != "") & ~name.str.contains(r"\d")
        frame = stage.select(
            pl.when(accepted).then(name).otherwise(_plain(pl.col("text"))).alias("key"),
            accepted.fill_null(False).alias("ok"),
        )
        return frame["key"], frame["ok"]
    values = _NORMALISERS[kind](raw).values
    frame = pl.DataFrame({"raw": raw, "v": values}).select(
        pl.coalesce(pl.col("v"), _plain(text)).alias("key"), pl.col("v").is_not_null().alias("ok")
    )
    return frame["key"], frame["ok"]


# -- generators (one row per distinct key) ----------------------------------------------------

Generator = Callable[[pl.DataFrame], pl.Series]


def _names(frame: pl.DataFrame, table: Table) -> pl.Series:
    return table.choose(frame["u0"], avoid=frame["key"])


def _forenames(frame: pl.DataFrame) -> pl.Series:
    choices = {sex: _names(frame, forename_table(sex)) for sex in ("1", "2", None)}
    sex = pl.lit(frame["sex"])
    return pl.select(
        pl.when(sex == "1")
        .then(pl.lit(choices["1"]))
        .when(sex == "2")
        .then(pl.lit(choices["2"]))
        .otherwise(pl.lit(choices[None]))
    ).to_series()


@functools.cache
def _test_range_numbers() -> Table:
    """Every valid-check-digit number in the 999 range except the ten-nines placeholder."""
    frame = pl.DataFrame({"n": pl.int_range(0, 1_000_000, eager=True)})
    nine = pl.lit(999_000_000, dtype=pl.Int64) + pl.col("n")
    total = sum((nine // 10 ** (8 - i)) % 10 * (10 - i) for i in range(9))
    check = (11 - total % 11) % 11
    frame = frame.select(
        (nine.cast(pl.String) + check.cast(pl.String)).alias("number"), check.alias("check")
    ).filter((pl.col("check") != 10) & (pl.col("number") != "9999999999"))
    numbers = frame["number"]
    return Table(numbers, numbers, pl.int_range(1, numbers.len() + 1, eager=True))


def _nhs_numbers(frame: pl.DataFrame) -> pl.Series:
    return _test_range_numbers().choose(frame["u0"], avoid=frame["key"])


_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward code


def _inward(draw: pl.Expr) -> pl.Expr:
    letters = pl.lit(list(_INWARD_LETTERS), dtype=pl.List(pl.String))
    first = letters.list.get(draw % 20)
    second = letters.list.get((draw // 20) % 20)
    return ((draw // 400) % 10).cast(pl.String) + first + second


def _postcodes(frame: pl.DataFrame, *, keep_district: bool) -> pl.Series:
    key, ok = pl.col("key"), pl.col("ok")
    if keep_district:
        outward = key.str.split(" ").list.first()
        first = outward + " " + _inward(pl.col("u1"))
        second = outward + " " + _inward(pl.col("u2"))
        kept = pl.when(first == key).then(second).otherwise(first)
        # A rejected value has no district to keep: it gets a postcode anywhere.
        anywhere = _postcodes(frame, keep_district=False)
        return frame.select(pl.when(ok).then(kept).otherwise(pl.lit(anywhere))).to_series()
    areas, caps = postcode_areas()
    index = areas.index(frame["u0"])
    area = areas.values.gather(index)
    cap = caps.gather(index)
    work = frame.with_columns(area=area, cap=cap)
    outward = pl.col("area") + (pl.col("u1") % pl.col("cap") + 1).cast(pl.String)
    first = outward + " " + _inward(pl.col("u2"))
    second = outward + " " + _inward(pl.col("u3"))
    return work.select(pl.when(first == key).then(second).otherwise(first)).to_series()


# Ofcom drama ranges: (national prefix as written, E.164 prefix, first number, count)
DRAMA_MOBILE = (("07700 900", "+447700900", 0, 1000),)
DRAMA_LANDLINE = (
    ("01632 960", "+441632960", 0, 1000),
    ("020 7946 0", "+442079460", 0, 1000),
    ("0113 496 0", "+441134960", 0, 1000),
    ("0114 496 0", "+441144960", 0, 1000),
    ("0115 496 0", "+441154960", 0, 1000),
    ("0116 496 0", "+441164960", 0, 1000),
    ("0117 496 0", "+441174960", 0, 1000),
    ("0118 496 0", "+441184960", 0, 1000),
    ("0121 496 0", "+441214960", 0, 1000),
    ("0131 496 0", "+441314960", 0, 1000),
    ("0141 496 0", "+441414960", 0, 1000),
    ("0151 496 0", "+441514960", 0, 1000),
    ("0161 496 0", "+441614960", 0, 1000),
    ("0191 498 0", "+441914980", 0, 1000),
    ("029 2018 0", "+442920180", 0, 1000),
)


@functools.cache
def _phone_table(mobile: bool) -> Table:
    national: list[str] = []
    e164: list[str] = []
    for written, international, start, count in DRAMA_MOBILE if mobile else DRAMA_LANDLINE:
        for n in range(start, start + count):
            national.append(f"{written}{n:03d}")
            e164.append(f"{international}{n:03d}")
    return Table(
        pl.Series(national), pl.Series(e164), pl.int_range(1, len(national) + 1, eager=True)
    )


def _phones(frame: pl.DataFrame) -> pl.Series:
    mobile = _phone_table(mobile=True).choose(frame["u0"], avoid=frame["key"])
    landline = _phone_table(mobile=False).choose(frame["u0"], avoid=frame["key"])
    is_mobile = pl.lit(frame["key"]).str.starts_with("+447") & pl.lit(frame["ok"])
    return pl.select(
        pl.when(is_mobile).then(pl.lit(mobile)).otherwise(pl.lit(landline))
    ).to_series()


_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


def _emails(frame: pl.DataFrame) -> pl.Series:
    def part(names: pl.Series) -> pl.Expr:
        return name_canonical_expr(pl.lit(names)).str.to_lowercase().str.replace_all(" ", "")

    forename = forename_table(None).choose(frame["u0"])
    surname = surname_table().choose(frame["u1"])
    digits = pl.col("u2") % 200
    suffix = pl.when(digits < 100).then(pl.lit("")).otherwise((digits - 100).cast(pl.String))
    domains = pl.lit(list(_EMAIL_DOMAINS), dtype=pl.List(pl.String))
    domain = domains.list.get(pl.col("u3") % len(_EMAIL_DOMAINS))
    local = part(forename) + "." + part(surname)
    first = local + suffix + "@" + domain
    second = local + "." + (pl.col("u2") % 1000).cast(pl.String) + "@" + domain
    return frame.select(pl.when(first == pl.col("key")).then(second).otherwise(first)).to_series()


def _addresses(frame: pl.DataFrame) -> pl.Series:
    street = address_table("street").choose(frame["u1"])
    kind = address_table("type").choose(frame["u2"])
    town = address_table("town").choose(frame["u3"])
    rest = " " + pl.lit(street) + " " + pl.lit(kind) + ", " + pl.lit(town)
    number = pl.col("u0") % 199 + 1
    first = number.cast(pl.String) + rest
    second = (number + 1).cast(pl.String) + rest
    return frame.select(
        pl.when(first.str.to_uppercase() == pl.col("key")).then(second).otherwise(first)
    ).to_series()


def _category_table(raw: pl.Series, values: Sequence[str] | None) -> Table:
    """Categories to choose from, uniformly: the given ones, or the observed ones (sorted).

    Uniform rather than frequency-weighted so that two files with the same set of categories
    give the same surrogates whatever their counts.
    """
    if values is not None:
        chosen = pl.Series([str(v) for v in values], dtype=pl.String).unique(maintain_order=True)
    else:
        chosen = raw.filter(raw.str.strip_chars(WHITESPACE) != "").unique().sort()
    return Table.build(chosen, pl.Series([1.0] * chosen.len()), chosen)


def _generator(kind: Kind, *, keep_district: bool, category: Table | None) -> Generator:
    if kind is Kind.SURNAME:
        return lambda frame: _names(frame, surname_table())
    if kind is Kind.FORENAME:
        return _forenames
    if kind is Kind.NHS_NUMBER:
        return _nhs_numbers
    if kind is Kind.POSTCODE:
        return functools.partial(_postcodes, keep_district=keep_district)
    if kind is Kind.PHONE:
        return _phones
    if kind is Kind.EMAIL:
        return _emails
    if kind is Kind.ADDRESS:
        return _addresses
    assert category is not None
    return lambda frame: category.choose(frame["u0"])


# -- the public function ----------------------------------------------------------------------


def parse_kind(kind: str | Kind, column: str) -> Kind:
    """Return the :class:`Kind` named ``kind``.

    Raises:
        InputError: an unknown kind (the message names the column and the known kinds).
    """
    try:
        return Kind(kind)
    except ValueError as exc:
        raise InputError(
            f"column {column!r}: unknown surrogate kind {str(kind)[:40]!r}; "
            f"use one of {sorted(k.value for k in Kind)}."
        ) from exc


def _require(columns: Sequence[str], column: str, role: str) -> None:
    if column not in columns:
        raise InputError(
            f"{role} column {column!r} is not in the data; columns are {sorted(columns)}."
        )


def _match_case(raw: pl.Series, surrogate: pl.Series) -> pl.Series:
    """Upper-case surrogates where the original was upper case (``SMITH`` -> ``JONES``)."""
    frame = pl.DataFrame({"r": raw, "s": surrogate})
    upper = (pl.col("r") == pl.col("r").str.to_uppercase()) & pl.col("r").str.contains(r"\p{L}")
    return frame.select(
        pl.when(upper).then(pl.col("s").str.to_uppercase()).otherwise(pl.col("s"))
    ).to_series()


def surrogate_column(
    data: Any,
    column: str,
    *,
    kind: str | Kind,
    keyring: KeySource,
    sex: str | None = None,
    keep_district: bool = False,
    values: Sequence[str] | None = None,
    label: str | None = None,
) -> SurrogateResult:
    """Make a keyed surrogate for one column.

    Args:
        data: a pandas or polars DataFrame.
        column: the column to replace.
        kind: the kind of surrogate (see :class:`Kind`).
        keyring: the project keyring (its ``surrogate`` namespace is used).
        sex: a sex column, for sex-consistent forenames (any of the codes
            :func:`~safelink.normalise.normalise_sex` reads).
        keep_district: postcodes: keep the outward code (district), change the inward code.
        values: categories: choose among these instead of the column's observed values.
        label: the key label (default: the column name). Give the same label to columns that
            hold the same thing under different names in different files, so that they get
            the same surrogates.

    Returns:
        The surrogate column (text, same name, same length) and a report.

    Raises:
        InputError: unknown column or kind, or an option that does not fit the kind.

    Example:
        >>> result = surrogate_column(df, "surname", kind="surname", keyring=ring)  # doctest: +SKIP
        >>> result.report.collisions.shared_surrogates  # doctest: +SKIP
        3
    """
    from safelink.engines.backend import PolarsBackend
    from safelink.surrogate.records import surrogate_records

    frame = to_polars(data)
    records, report = surrogate_records(
        PolarsBackend(),
        frame,
        column,
        kind=kind,
        keyring=keyring,
        sex=sex,
        keep_district=keep_district,
        values=values,
        label=label,
    )
    return SurrogateResult(values=records.collect()[column], report=report)


def check_options(
    columns: Sequence[str],
    column: str,
    kind: str | Kind,
    *,
    sex: str | None,
    keep_district: bool,
    values: Sequence[str] | None,
) -> Kind:
    """The kind, once the column and options are known to fit it (see :func:`surrogate_column`).

    Raises:
        InputError: unknown column or kind, or an option that does not fit the kind.
    """
    chosen = parse_kind(kind, column)
    _require(columns, column, "surrogate")
    if sex is not None:
        if chosen is not Kind.FORENAME:
            raise InputError(f"column {column!r}: sex= applies to kind 'forename' only.")
        _require(columns, sex, "sex")
    if keep_district and chosen is not Kind.POSTCODE:
        raise InputError(f"column {column!r}: keep_district applies to kind 'postcode' only.")
    if values is not None and (chosen is not Kind.CATEGORY or len(values) == 0):
        raise InputError(
            f"column {column!r}: values= applies to kind 'category' only, with at least one value."
        )
    return chosen


def surrogate_rows(
    frame: pl.DataFrame,
    column: str,
    kind: Kind,
    key: TokenKey,
    *,
    sex: str | None,
    keep_district: bool,
    category: Sequence[str] | None,
) -> pl.DataFrame:
    """The surrogates of one batch of rows: ``surrogate``, ``key`` (canonical) and ``ok``.

    The row work of every engine (:mod:`safelink.surrogate.records`): the same value, sex and
    key give the same surrogate in any batch.

    Args:
        frame: the rows.
        column: the column to replace.
        kind: the kind of surrogate.
        key: the purpose key (tokens).
        sex: the sex column (forenames).
        keep_district: postcodes: keep the district.
        category: categories: the values to choose among (the whole column's, sorted).

    Raises:
        InputError: a column that cannot be read as text.
    """
    try:
        raw = frame[column].cast(pl.String)
    except pl.exceptions.PolarsError as exc:
        raise InputError(f"column {column!r}: cannot be read as text for a surrogate.") from exc
    sex_codes = (
        normalise(Identifier.SEX, frame[sex].cast(pl.String)).values
        if sex is not None
        else pl.repeat(None, raw.len(), dtype=pl.String, eager=True)
    )
    rows = pl.DataFrame({"raw": raw, "sex": sex_codes.cast(pl.String)})
    # Work once per distinct (value, sex) when values repeat (names and codes repeat a lot);
    # when most are distinct, the de-duplication and join back would cost more than they save.
    work = rows.unique()
    deduplicated = work.height * 2 <= rows.height
    if not deduplicated:
        work = rows
    canonical_key, canonical = _canonical(kind, work["raw"])
    work = work.with_columns(key=canonical_key, ok=canonical)
    draws = keyed_draws(key, work["key"].fill_null(""))
    work = pl.concat([work, draws], how="horizontal")
    table = None
    if category is not None:
        chosen = pl.Series(list(category), dtype=pl.String)
        table = Table.build(chosen, pl.Series([1.0] * chosen.len()), chosen)
    generate = _generator(kind, keep_district=keep_district, category=table)
    if work["key"].null_count() < work.height:
        made = generate(work)
    else:  # nothing but missing values: nothing to choose
        made = pl.repeat(None, work.height, dtype=pl.String, eager=True)
    work = work.select(
        "raw",
        "sex",
        "key",
        "ok",
        pl.when(pl.col("key").is_not_null()).then(pl.lit(made)).alias("surrogate"),
    )
    if kind in (Kind.SURNAME, Kind.FORENAME, Kind.ADDRESS):
        work = work.with_columns(_match_case(work["raw"], work["surrogate"]).alias("surrogate"))
    joined = (
        rows.join(
            work.select("raw", "sex", "key", "ok", "surrogate"),
            on=["raw", "sex"],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        if deduplicated
        else work
    )
    return joined.select(
        "surrogate",
        "key",
        pl.col("ok").fill_null(False),
        pl.col("surrogate").ne_missing(pl.col("raw")).alias("changed"),
    )


def category_values(observed: pl.Series, values: Sequence[str] | None) -> list[str]:
    """The categories a category surrogate chooses among (see :func:`_category_table`).

    Args:
        observed: the column's distinct values (any order), when ``values`` is None.
        values: the configured values, if any.
    """
    return _category_table(observed.cast(pl.String), values).values.to_list()
