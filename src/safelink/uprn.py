"""Addresses to UPRNs: match written addresses against a gazetteer, where the cleartext is.

A gazetteer is a canonical list of addresses (an AddressBase or OS NGD extract, or any list
of ``uprn, parent_uprn, address, postcode``, CSV or Parquet). A UPRN may appear on several
rows: AddressBase holds a property's delivery-point and local-authority spellings (``Flat 1,
21 Ash Grove``, ``Ground Floor Flat, 21 Ash Grove``, ``21A Ash Grove``), and each is a way
to find it. ``parent_uprn`` is the building of a flat (empty for a house).

:func:`resolve_uprns` matches each written address, Fellegi-Sunter style on DuckDB:

1. Both sides are normalised by the address rule (:func:`safelink.normalise.normalise_address`)
   and split into parts: house number, street (no spaces), unit (the flat, ``GROUND``, or the
   house number's letter: ``21A``), the named block of a flat (``BEECHCOURT``: ``Flat 12,
   Beech Court, 4 Mill Lane``, ``12 Beech Court, Mill Lane`` and ``Beech Ct Flat 12`` are all
   flat 12 of Beech Court; :data:`BLOCK_TYPES`), the full postcode (written in the address,
   else the record's postcode column), and the words.
2. Candidates are blocked on the full postcode, on house number and street, or on house number
   and the street's first three letters (a misspelt street still finds its building), or on
   the named block; an address without a house number (``Ivy Cottage``) only on its full
   postcode, and then compared by its name (its first two words). A flat written with its
   block and without the block's number is not penalised for the missing number.
3. Each comparison adds a match weight (log2 of a Bayes factor; :data:`WEIGHTS`): house
   number, street (exact or Jaro-Winkler), unit, named block, postcode (unit, sector or
   district) and the share of words in common. The weight with :data:`PRIOR_WEIGHT` gives a
   match probability.
4. A record takes the UPRN of its best candidate when that probability reaches the
   threshold and no other UPRN comes within :data:`AMBIGUITY_MARGIN` of its weight; else it
   is left unresolved with a reason (:class:`UnresolvedReason`), counted, never shown.

``uk-address-matcher`` (the Ministry of Justice's Splink-based matcher) is not used: every
release of it requires ``duckdb<2.0`` (or ``splink==4.0.8``), and safelink pins DuckDB 2 and
Splink 5. The weights here are fixed priors, not trained: the benchmark
(``benchmarks/bench_uprn.py``) measures their precision and recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import polars as pl

from safelink.engines.duckdb_connection import connect
from safelink.errors import InputError
from safelink.infra.io import read_frame
from safelink.normalise import address_parts, normalise_address, normalise_postcode, normalise_uprn
from safelink.normalise.constants import STREET_TYPES

GAZETTEER_COLUMNS = ("uprn", "parent_uprn", "address", "postcode")
"""The columns a gazetteer holds (``parent_uprn`` may be empty)."""

DEFAULT_THRESHOLD = 0.9
"""The match probability a record's best candidate must reach to be accepted."""

PRIOR_WEIGHT = -5.0
"""The match weight before any comparison (a candidate that agrees on nothing is unlikely)."""

AMBIGUITY_MARGIN = 2.0
"""A second UPRN within this match weight of the best leaves the record ambiguous."""

WEIGHTS = {
    "number_agrees": 4.0,
    "number_differs": -6.0,
    "street_agrees": 5.0,
    "street_close": 3.0,  # Jaro-Winkler >= 0.92
    "street_similar": 1.0,  # Jaro-Winkler >= 0.80
    "street_differs": -4.0,
    "unit_agrees": 4.0,
    "unit_both_none": 1.0,
    "unit_record_none": -2.0,  # a flat in the gazetteer, none written: the building is likelier
    "unit_candidate_none": -1.0,  # a flat written, the candidate is its building
    "unit_differs": -5.0,
    "postcode_agrees": 6.0,
    "sector_agrees": 2.0,
    "district_agrees": 0.5,
    "postcode_differs": -3.0,
    "name_agrees": 4.0,  # a named property's first two words (no house number either side)
    "name_close": 2.0,  # Jaro-Winkler >= 0.92
    "name_differs": -4.0,
    "block_agrees": 3.0,  # the named block of a flat (``BEECHCOURT``)
    "block_close": 1.5,  # Jaro-Winkler >= 0.92
    "block_differs": -3.0,
    "words_most": 2.0,  # share of words in common >= 0.8
    "words_half": 1.0,  # >= 0.5
}
"""Match weights (log2 Bayes factors) of each comparison level; absent levels weigh nothing."""


class UnresolvedReason(StrEnum):
    """Why an address was not resolved to a UPRN."""

    NO_ADDRESS = "no_address"
    NO_HOUSE_NUMBER = "no_house_number"
    """No house number, named block or postcode: nothing places the address."""
    NO_CANDIDATE = "no_candidate"
    BELOW_THRESHOLD = "below_threshold"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """A validated gazetteer with its addresses split into parts (see :func:`load_gazetteer`).

    Attributes:
        entries: one row per address spelling: ``uprn``, ``household`` (the parent UPRN of a
            flat, else the UPRN) and the match parts.
        rows: the number of rows read.

    """

    entries: pl.DataFrame
    rows: int

    @property
    def uprns(self) -> int:
        """The number of distinct UPRNs."""
        return int(self.entries.get_column("uprn").n_unique())


@dataclass(frozen=True, slots=True)
class Resolution:
    """The UPRN of each written address, row for row.

    Attributes:
        uprn: the resolved UPRN, null where unresolved.
        household: the parent UPRN of a resolved flat, else its UPRN; null where unresolved.
        score: the best candidate's match probability (null where there was none).
        reasons: an :class:`UnresolvedReason` value where unresolved, else null.

    """

    uprn: pl.Series
    household: pl.Series
    score: pl.Series
    reasons: pl.Series

    def counts(self) -> dict[str, int]:
        """Resolved and unresolved records by reason (counts only, never an address)."""
        counts = {"resolved": int(self.uprn.is_not_null().sum())}
        for reason in UnresolvedReason:
            counts[reason.value] = int((self.reasons == reason.value).sum())
        return counts


BLOCK_TYPES = ("COURT", "HOUSE", "LODGE", "MANSIONS", "HEIGHTS", "POINT", "TOWER", "APARTMENTS")
"""Canonical words that end a named block of flats (``BEECH COURT``, ``MILL HOUSE``)."""

_FLAT_TYPOS = "LAT|FAT|FLT|FLA|LFAT|FALT|FLTA|FFLAT|FLLAT|FLAAT|FLATT"
_UNIT = "[0-9]{1,4}[A-Z]?"
_HOUSE = "[0-9]{1,5}[A-Z]?"
_BLOCK = f"(?:[A-Z]+ ){{1,3}}?(?:{'|'.join(BLOCK_TYPES)})"
_STREET = f"(?:[A-Z]+ ){{1,3}}?(?:{'|'.join(STREET_TYPES)})(?: |$)"
_FLAT_FORMS = (
    # The block before its flat: ``Beech Ct Flat 12, Mill Lane`` is flat 12 of Beech Court.
    (f"^({_BLOCK}) FLAT ({_UNIT})( |$)", "FLAT $2 $1$3"),
    # A number, a block and a street: ``12 Beech Court, Mill Lane`` is flat 12 of the block.
    (f"^({_UNIT}) ({_BLOCK}) ((?:{_HOUSE} )?{_STREET})", "FLAT $1 $2 $3"),
    # A misspelt flat designator before a number: ``Falt 1``, ``Fllat 3``.
    (f"^(?:{_FLAT_TYPOS}) ({_UNIT}) ", "FLAT $1 "),
    # A floor and a flat number: ``Second Floor Flat 1, 23 Oak Grove`` is flat 1 of 23.
    (f"^FLAT [A-Z]+ ({_UNIT}) ({_HOUSE}) ", "FLAT $1 $2 "),
    # Two numbers, the flat's first: ``1, 3 Ash Road`` is flat 1 of 3.
    (f"^({_UNIT}) ({_HOUSE}) ", "FLAT $1 $2 "),
)
"""Flat forms the address rule leaves for the matcher (regex, replacement on canonical text)."""


def _parts(addresses: pl.Series, postcodes: pl.Series | None) -> pl.DataFrame:
    """The match parts of written addresses (row ``i`` is ``addresses[i]``)."""
    canonical = normalise_address(addresses).values
    for pattern, replacement in _FLAT_FORMS:
        canonical = canonical.str.replace(pattern, replacement)
    written_postcode = canonical.str.extract(r" ([A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2})$", 1)
    if postcodes is not None:
        column = normalise_postcode(postcodes.cast(pl.String)).values
        written_postcode = written_postcode.fill_null(column)
    parts = address_parts(canonical)
    number_street = parts.get_column("number_street")
    flat = canonical.str.extract(r"(?:^| )FLAT ([A-Z0-9]+) ", 1)
    letter = canonical.str.extract(r"(?:^| )[0-9]{1,5}([A-Z]) ", 1)
    block = _blocks(canonical)
    # A block's flat written without the block's number: its street follows the block.
    after_block = canonical.str.replace(f"^(?:FLAT [A-Z0-9]+ )?{_BLOCK} ", "0 ")
    nothing = pl.Series([None] * addresses.len(), dtype=pl.String)
    streeted = block.is_not_null() & after_block.str.contains(f"^0 {_STREET}")
    block_street = address_parts(after_block.zip_with(streeted, nothing)).get_column("street")
    unnumbered = number_street.is_null()
    return pl.DataFrame(
        {
            "row": pl.int_range(0, addresses.len(), eager=True, dtype=pl.Int64),
            "present": canonical.is_not_null(),
            "number": number_street.str.split(" ").list.first(),
            "street": parts.get_column("street").fill_null(block_street),
            "number_street": number_street,
            "unit": flat.fill_null(letter),
            "block": block,
            "postcode": written_postcode,
            "words": canonical.str.split(" "),
            # A named property without a number (``ROSE COTTAGE``): its first two words.
            "name": canonical.str.extract(r"^([A-Z]+(?: [A-Z]+)?)", 1).zip_with(
                unnumbered & block.is_null(), nothing
            ),
        }
    )


def _blocks(canonical: pl.Series) -> pl.Series:
    """The named block of each canonical address, without spaces (null where none).

    A block follows a flat (``FLAT 12 BEECH COURT ...``), or begins the address and is
    followed by a number or a street (``BEECH COURT 4 MILL LANE``: the block itself); a street
    named like a block (``12 BEECH COURT LEEDS``) is not one.
    """
    after_flat = canonical.str.extract(f"^FLAT [A-Z0-9]+ ({_BLOCK})(?: |$)", 1)
    leading = canonical.str.extract(f"^({_BLOCK}) (?:[0-9]|{_STREET})", 1)
    return after_flat.fill_null(leading).str.replace_all(" ", "")


def gazetteer_from_frame(frame: pl.DataFrame, *, where: str = "the gazetteer") -> Gazetteer:
    """Validate a gazetteer frame (:data:`GAZETTEER_COLUMNS`) and split its addresses.

    Raises:
        InputError: a column is missing, or a UPRN is missing, malformed or given two parents.

    """
    missing = [c for c in GAZETTEER_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"{where} lacks the column(s) {', '.join(missing)}: a gazetteer holds "
            f"{', '.join(GAZETTEER_COLUMNS)} (parent_uprn empty for a house)"
        )
    uprn = normalise_uprn(frame.get_column("uprn").cast(pl.String))
    parent = normalise_uprn(frame.get_column("parent_uprn").cast(pl.String))
    bad = int(uprn.values.is_null().sum()) + int(parent.reasons.is_not_null().sum())
    if bad:
        raise InputError(
            f"{where} has {bad} row(s) whose uprn or parent_uprn is missing or not 1 to 12 "
            "digits: export the UPRN columns as text and fill every uprn"
        )
    pairs = pl.DataFrame({"u": uprn.values, "p": parent.values}).unique()
    if pairs.height != pairs.get_column("u").n_unique():
        raise InputError(
            f"{where} gives some UPRN(s) two different parent_uprn values: "
            "each property has one parent (or none)"
        )
    parts = _parts(frame.get_column("address").cast(pl.String), frame.get_column("postcode"))
    entries = parts.with_columns(
        uprn=uprn.values, household=parent.values.fill_null(uprn.values)
    ).filter(pl.col("present"))
    return Gazetteer(entries=entries.drop("present", "row"), rows=frame.height)


def load_gazetteer(path: Path | str) -> Gazetteer:
    """Read and validate a gazetteer file (CSV or Parquet; see :func:`gazetteer_from_frame`)."""
    path = Path(path)
    frame = read_frame(path)
    return gazetteer_from_frame(frame, where=f"gazetteer {path.name}")


def _weight_sql() -> str:
    w = WEIGHTS
    return f"""
    CASE WHEN r.number IS NULL AND g.number IS NULL THEN 0
         WHEN r.number IS NULL AND r.block IS NOT NULL THEN 0
         WHEN r.number = g.number THEN {w["number_agrees"]}
         ELSE {w["number_differs"]} END
    + CASE WHEN r.street IS NULL AND g.street IS NULL THEN 0
           WHEN r.street IS NULL AND r.block IS NOT NULL THEN 0
           WHEN r.street = g.street THEN {w["street_agrees"]}
           WHEN jaro_winkler_similarity(r.street, g.street) >= 0.92 THEN {w["street_close"]}
           WHEN jaro_winkler_similarity(r.street, g.street) >= 0.80 THEN {w["street_similar"]}
           ELSE {w["street_differs"]} END
    + CASE WHEN r.unit IS NULL AND g.unit IS NULL THEN {w["unit_both_none"]}
           WHEN r.unit = g.unit THEN {w["unit_agrees"]}
           WHEN r.unit IS NULL THEN {w["unit_record_none"]}
           WHEN g.unit IS NULL THEN {w["unit_candidate_none"]}
           ELSE {w["unit_differs"]} END
    + CASE WHEN r.postcode IS NULL OR g.postcode IS NULL THEN 0
           WHEN r.postcode = g.postcode THEN {w["postcode_agrees"]}
           WHEN left(r.postcode, length(r.postcode) - 2)
                = left(g.postcode, length(g.postcode) - 2) THEN {w["sector_agrees"]}
           WHEN split_part(r.postcode, ' ', 1) = split_part(g.postcode, ' ', 1)
                THEN {w["district_agrees"]}
           ELSE {w["postcode_differs"]} END
    + CASE WHEN r.name IS NULL OR g.name IS NULL THEN 0
           WHEN r.name = g.name THEN {w["name_agrees"]}
           WHEN jaro_winkler_similarity(r.name, g.name) >= 0.92 THEN {w["name_close"]}
           ELSE {w["name_differs"]} END
    + CASE WHEN r.block IS NULL OR g.block IS NULL THEN 0
           WHEN r.block = g.block THEN {w["block_agrees"]}
           WHEN jaro_winkler_similarity(r.block, g.block) >= 0.92 THEN {w["block_close"]}
           ELSE {w["block_differs"]} END
    + CASE WHEN share >= 0.8 THEN {w["words_most"]}
           WHEN share >= 0.5 THEN {w["words_half"]}
           ELSE 0 END
    """


_SCORE_SQL = """
WITH pairs AS (
    SELECT r.row, g.id FROM records r JOIN gaz g ON r.postcode = g.postcode
                                              AND r.number = g.number
    UNION
    SELECT r.row, g.id FROM records r JOIN gaz g ON r.number_street = g.number_street
    UNION
    SELECT r.row, g.id FROM records r JOIN gaz g
        ON r.number = g.number AND left(r.street, 3) = left(g.street, 3)
    UNION
    SELECT r.row, g.id FROM records r JOIN gaz g
        ON r.number IS NULL AND g.number IS NULL AND r.postcode = g.postcode
    UNION
    SELECT r.row, g.id FROM records r JOIN gaz g ON r.block = g.block
),
scored AS (
    SELECT r.row, g.uprn, g.household, ({weight}) AS weight
    FROM (
        SELECT p.row, p.id,
               len(list_intersect(r.words, g.words)) * 1.0
                   / greatest(len(list_distinct(r.words)), 1) AS share
        FROM pairs p JOIN records r USING (row) JOIN gaz g USING (id)
    ) s
    JOIN records r USING (row) JOIN gaz g USING (id)
),
per_uprn AS (
    SELECT row, uprn, any_value(household) AS household, max(weight) AS weight
    FROM scored GROUP BY row, uprn
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY row ORDER BY weight DESC, uprn) AS rank
    FROM per_uprn
)
SELECT b.row, b.uprn, b.household, b.weight, s.weight AS second
FROM ranked b LEFT JOIN ranked s ON s.row = b.row AND s.rank = 2
WHERE b.rank = 1
"""


def resolve_uprns(
    addresses: pl.Series,
    gazetteer: Gazetteer,
    *,
    postcodes: pl.Series | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Resolution:
    """Resolve written addresses to UPRNs (see the module docstring for the method).

    Args:
        addresses: the addresses as written.
        gazetteer: from :func:`load_gazetteer` or :func:`gazetteer_from_frame`.
        postcodes: the extract's postcode column, row for row (used where an address ends
            without a full postcode).
        threshold: the match probability to accept, above 0 and at most 1.

    Returns:
        The UPRN, household, score and reason of each address, row for row.

    Raises:
        InputError: the threshold is out of range or ``postcodes`` is not row for row.

    """
    if not 0 < threshold <= 1:
        raise InputError(f"threshold {threshold} is out of range: give a number in (0, 1]")
    if postcodes is not None and postcodes.len() != addresses.len():
        raise InputError(
            "the postcodes are not row for row with the addresses: pass one per address"
        )
    records = _parts(addresses.cast(pl.String), postcodes)
    gaz = gazetteer.entries.with_row_index("id")
    connection = connect()
    try:
        blockable = pl.col("number").is_not_null() | pl.col("postcode").is_not_null()
        blockable = blockable | pl.col("block").is_not_null()
        connection.register("records", records.filter(pl.col("present") & blockable))
        connection.register("gaz", gaz)
        best = connection.sql(_SCORE_SQL.format(weight=_weight_sql())).pl()
    finally:
        connection.close()
    joined = records.select("row", "present", "number", "block", "postcode").join(
        best, on="row", how="left", maintain_order="left"
    )
    probability = 1 / (1 + (2.0 ** -(pl.col("weight") + PRIOR_WEIGHT)))
    accepted = probability >= threshold
    second = 1 / (1 + (2.0 ** -(pl.col("second") + PRIOR_WEIGHT)))
    ambiguous = (
        accepted
        & (second >= threshold)
        & ((pl.col("weight") - pl.col("second")) < AMBIGUITY_MARGIN)
    )
    reason = (
        pl.when(~pl.col("present"))
        .then(pl.lit(UnresolvedReason.NO_ADDRESS.value))
        .when(pl.col("number").is_null() & pl.col("postcode").is_null() & pl.col("block").is_null())
        .then(pl.lit(UnresolvedReason.NO_HOUSE_NUMBER.value))
        .when(pl.col("weight").is_null())
        .then(pl.lit(UnresolvedReason.NO_CANDIDATE.value))
        .when(~accepted)
        .then(pl.lit(UnresolvedReason.BELOW_THRESHOLD.value))
        .when(ambiguous)
        .then(pl.lit(UnresolvedReason.AMBIGUOUS.value))
    )
    out = joined.select(
        score=probability,
        reason=reason,
        uprn=pl.col("uprn"),
        household=pl.col("household"),
    ).with_columns(
        uprn=pl.when(pl.col("reason").is_null()).then(pl.col("uprn")),
        household=pl.when(pl.col("reason").is_null()).then(pl.col("household")),
    )
    name = addresses.name
    return Resolution(
        uprn=out.get_column("uprn").cast(pl.String).alias(name),
        household=out.get_column("household").cast(pl.String).alias(name),
        score=out.get_column("score").alias(name),
        reasons=out.get_column("reason").cast(pl.String).alias(name),
    )


def synthetic_gazetteer_path() -> Path:
    """The small synthetic gazetteer shipped for tests and the demo (CSV).

    It holds the seeds' flat (UPRN 200004525, parent 200219244, ``Flat 1, 21 Ash Grove,
    London NW2 3LN``, also spelt ``Ground Floor Flat`` and ``21A``), its building, the flat
    above, and neighbouring and look-alike addresses (19 and 23 Ash Grove, 21 Elm Grove, 21
    Ash Road, 21 Oak Grove), named cottages without a number in Leeds (Ivy Cottage, Holly
    Cottage), and two named blocks of flats on Mill Lane, Leeds (Beech Court at number 4, with
    flats 1, 2 and 12 under it; Elm Court at 6, with its flat 12) beside a house on a street
    called Beech Court. Synthetic: not an AddressBase extract.
    """
    return Path(__file__).parent / "data" / "gazetteer.csv"


@cache
def _cached_gazetteer(path: Path, modified: int) -> Gazetteer:
    return load_gazetteer(path)


def gazetteer_at(path: Path | str) -> Gazetteer:
    """:func:`load_gazetteer`, read once per file version (a run's batches share it)."""
    path = Path(path)
    try:
        modified = path.stat().st_mtime_ns
    except OSError as exc:
        raise InputError(
            f"gazetteer {path.name} cannot be read ({exc.strerror}): check the gazetteer path"
        ) from exc
    return _cached_gazetteer(path, modified)


class UprnResolver:
    """Resolves one batch's addresses once for its ``uprn`` and ``household`` tokens.

    The tokeniser derives a batch's tokens one after another from the same canonical address
    column; the resolution of the last column seen is kept until the next one comes. Set
    ``postcodes`` (the batch's postcode column, row for row) before deriving.
    """

    def __init__(self, gazetteer: Path, threshold: float) -> None:
        self.gazetteer = gazetteer
        self.threshold = threshold
        self.postcodes: pl.Series | None = None
        self._seen: tuple[pl.Series, pl.Series | None] | None = None
        self._resolution: Resolution | None = None

    def resolve(self, addresses: pl.Series) -> Resolution:
        """The resolution of ``addresses`` (computed once per batch)."""
        seen = self._seen
        if (
            self._resolution is None
            or seen is None
            or not (seen[0] is addresses and seen[1] is self.postcodes)
        ):
            self._resolution = resolve_uprns(
                addresses,
                gazetteer_at(self.gazetteer),
                postcodes=self.postcodes,
                threshold=self.threshold,
            )
            self._seen = (addresses, self.postcodes)
        return self._resolution


@dataclass(frozen=True, slots=True)
class UprnToken:
    """The token deriver of ``uprn`` or ``household`` from an address column."""

    resolver: UprnResolver
    which: str

    def __call__(self, canonical: pl.Series) -> pl.Series:
        """The UPRN or household of each canonical address (null where unresolved)."""
        resolution = self.resolver.resolve(canonical)
        chosen = resolution.uprn if self.which == "uprn" else resolution.household
        return chosen.alias(canonical.name)
