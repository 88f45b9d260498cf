"""Fellegi-Sunter linkage of the residual records with Splink, on tokens only.

Every comparison is built from exact agreement of keyed tokens, full values first, then the
partial tokens that survive the error the level is meant to catch: phonetic codes and initials
(misspellings), forename/surname cross-agreement (swapped names), the day/month-swapped date of
birth and two of three date parts (date errors), year and month or year alone where a date of
birth is partial (``1978``, ``1978-03``: no full-date token), postcode sector and district
(moves nearby), the building and the street of an address written differently, and, when
the tokens files carry them, Dice similarity of keyed Bloom-filter
encodings of names (misspellings that phonetic codes miss). No cleartext is needed. m
probabilities come from EM, u probabilities from random sampling, with term-frequency
adjustment of exact agreement on the columns the config names.

:func:`run_splink` is written once for every engine: the blocked-pair counts and the training
sample are SQL run by the :class:`~safelink.engines.backend.Backend`, and Splink runs through
the database its backend calls for (:func:`splink_database`: Splink's ``DuckDBAPI`` locally,
its ``SparkAPI`` on Spark). Locally the model is trained where it scores; on Spark it is
trained on the driver with DuckDB (on the same records or the same seeded sample as locally)
and scores every blocked pair on Spark, because Splink on Spark estimated some u
probabilities differently from DuckDB on the same records.
"""

from __future__ import annotations

import logging
import math
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import polars as pl

from safelink.config import COMPARISONS, OPTIONAL_COMPARISONS
from safelink.engines import Engine
from safelink.engines.backend import Backend, DuckDBBackend, full_sql, run_query
from safelink.engines.sql import quote
from safelink.errors import LinkageError
from safelink.link.config import ProbabilisticSettings
from safelink.link.generic import generic_levels
from safelink.link.levels import SEX_COMPOSITES, YEAR_MONTH, dob_levels, sex_levels
from safelink.link.waterfall import pair_waterfalls
from safelink.pseudonymise.bloom import ONES_SUFFIX, dice_sql, with_bloom_words

logger = logging.getLogger("safelink.link")
_MIN_RECORDS = 50
_SAMPLE_MODULUS = 2_147_483_647  # 2^31 - 1: every product below stays inside 64 bits
_SAMPLE_MULTIPLIERS = (1_103_515_245, 48_271)
_SAMPLE_SHIFTS = (16, 13)


@dataclass(frozen=True, slots=True)
class ModelResult:
    """What the probabilistic step produced.

    Attributes:
        pairs: scored pairs at or above a low floor (``node_l``, ``node_r``, ``match_weight``,
            ``match_probability``).
        histogram: match-weight histogram of every scored pair (``bin`` lower edge, ``pairs``).
        expected_matches_below: model-expected true matches among pairs under the threshold.
        scored_pairs: pairs compared after blocking.
        threshold_weight: the threshold as a match weight.
        parameters: per comparison level, the trained m, u and Bayes factor.
        timings: seconds per phase.
        skipped: why the step was skipped, when it was.
        residual_records: records the step scored (all sources).
        training_records: records the model was trained on (fewer than ``residual_records``
            when a source's residual exceeded ``max_training_records`` and was sampled).
        blocked_pairs: per prediction blocking rule, the pairs it puts forward
            (:func:`blocked_pairs`).
        trained: the trained model (Splink settings, DuckDB's dialect), to score other pairs
            with (:mod:`safelink.link.estimate`); None when the step was skipped.
        em_rules_skipped: training blocking rules whose EM stopped (a probability underflowed
            below what Splink accepts); the parameters keep the earlier rules' estimates.
        waterfall: a few chosen pairs' waterfalls, tokens only (:mod:`safelink.link.waterfall`).

    """

    pairs: pl.DataFrame
    histogram: pl.DataFrame
    expected_matches_below: float
    scored_pairs: int
    threshold_weight: float
    parameters: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    skipped: str | None = None
    residual_records: int = 0
    training_records: int = 0
    blocked_pairs: list[dict[str, Any]] = field(default_factory=list)
    trained: dict[str, Any] | None = None
    em_rules_skipped: list[list[str]] = field(default_factory=list)
    waterfall: list[dict[str, Any]] = field(default_factory=list)


def probability_to_weight(probability: float) -> float:
    """Convert a match probability to a match weight (log2 Bayes factor)."""
    return math.log2(probability / (1.0 - probability))


def _comparisons(columns: set[str], settings: ProbabilisticSettings) -> list[Any]:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    tf = set(settings.term_frequency)
    built: list[Any] = []

    def exact(column: str, label: str) -> Any:
        return cll.ExactMatchLevel(column).configure(label_for_charts=label)

    def custom(sql: str, label: str) -> Any:
        return cll.CustomLevel(sql, label_for_charts=label, base_dialect_str="duckdb")

    year, month = "date_of_birth_year", "date_of_birth_month"
    for name in settings.comparisons:
        if name == "sex" and any(c in columns for c, _ in SEX_COMPOSITES):
            built.append(cl.CustomComparison(sex_levels(columns), output_column_name=name))
            continue
        if name in OPTIONAL_COMPARISONS and name not in columns:
            continue  # e.g. no address in some input
        if name == "household":
            built.append(cl.CustomComparison(household_levels(columns), output_column_name=name))
            continue
        levels: list[Any] = [cll.NullLevel(name)]
        if name not in COMPARISONS:  # a kind: other identifier (safelink.link.generic)
            levels.append(cll.ExactMatchLevel(name, term_frequency_adjustments=name in tf))
            levels += generic_levels(name, columns, custom, exact, bloom=settings.bloom)
            levels.append(cll.ElseLevel())
            built.append(cl.CustomComparison(levels, output_column_name=name))
            continue
        partial = name == "date_of_birth" and {year, month} <= columns
        if name == "date_of_birth" and not partial and YEAR_MONTH in columns:
            # Partial dates by the composite of year and month: a year alone is no evidence.
            levels = [
                cll.CustomLevel(
                    f'"{YEAR_MONTH}_l" IS NULL OR "{YEAR_MONTH}_r" IS NULL',
                    label_for_charts="year and month of birth missing",
                    base_dialect_str="duckdb",
                ).configure(is_null_level=True),
                cll.ExactMatchLevel(name, term_frequency_adjustments=name in tf),
            ]
            levels.append(
                custom(
                    '("date_of_birth_l" IS NULL OR "date_of_birth_r" IS NULL) AND '
                    f'"{YEAR_MONTH}_l" = "{YEAR_MONTH}_r"',
                    "partial date: year and month agree",
                )
            )
            levels += dob_levels(columns, custom, exact)
            levels.append(cll.ElseLevel())
            built.append(cl.CustomComparison(levels, output_column_name=name))
            continue
        if partial:
            # A partial date (year, or year and month) has no full-date token: the comparison
            # is null only where a year is missing, and compares partial dates by their parts.
            levels = [
                cll.CustomLevel(
                    f'"{year}_l" IS NULL OR "{year}_r" IS NULL',
                    label_for_charts="year of birth missing",
                    base_dialect_str="duckdb",
                ).configure(is_null_level=True)
            ]
        levels.append(cll.ExactMatchLevel(name, term_frequency_adjustments=name in tf))
        if partial:
            either = '("date_of_birth_l" IS NULL OR "date_of_birth_r" IS NULL)'
            same = {p: f'"{p}_l" = "{p}_r"' for p in (year, month)}
            levels.append(
                custom(
                    f"{either} AND {same[year]} AND {same[month]}",
                    "partial date: year and month agree",
                )
            )
            levels.append(custom(f"{either} AND {same[year]}", "partial date: year agrees"))
        if name in ("forename", "surname"):
            canonical = f"{name}_canonical"
            if canonical in columns:
                # Bob and Robert: coarser than the exact token, finer than the phonetic codes.
                levels.append(exact(canonical, "canonical forenames agree"))
            other = "surname" if name == "forename" else "forename"
            if other in columns:
                levels.append(
                    cll.ColumnsReversedLevel(name, other).configure(
                        label_for_charts="forename and surname swapped"
                    )
                )
            if name == "surname" and {"surname_first_part", "surname_last_part"} <= columns:
                levels.append(
                    custom(
                        '("surname_first_part_l" = "surname_r" OR "surname_last_part_l" = '
                        '"surname_r" OR "surname_l" = "surname_first_part_r" OR "surname_l" = '
                        '"surname_last_part_r")',
                        "one part of a multi-part surname",
                    )
                )
            bloom = f"{name}_bloom"
            if settings.bloom and bloom in columns:
                dice = dice_sql(bloom, columns)
                levels.append(custom(f"{dice} >= 0.85", "bloom dice >= 0.85"))
                levels.append(custom(f"{dice} >= 0.7", "bloom dice >= 0.7"))
            for suffix in ("nysiis", "soundex", "initial"):
                if f"{name}_{suffix}" in columns:
                    levels.append(exact(f"{name}_{suffix}", f"{suffix} agrees"))
            if f"{name}_initial" not in columns:
                # The initial keyed with the other name, else with the postcode (composites).
                for with_ in (other, "postcode"):
                    if f"{name}_initial_{with_}" in columns:
                        levels.append(
                            exact(f"{name}_initial_{with_}", f"initial and {with_} agree")
                        )
                        break
        elif name == "date_of_birth":
            levels += dob_levels(columns, custom, exact)
        elif name == "postcode":
            for part in ("sector", "district"):
                if f"postcode_{part}" in columns:
                    levels.append(exact(f"postcode_{part}", f"{part} agrees"))
                elif f"postcode_{part}_date_of_birth_year" in columns:
                    levels.append(
                        exact(f"postcode_{part}_date_of_birth_year", f"{part} and birth year agree")
                    )
        elif name == "address":
            levels += _address_levels(columns, custom, exact)
            # A different address is no evidence against: moves are the postcode's to weigh,
            # and counting them twice lost true links (bench_link, hard profile).
            levels.append(
                custom("TRUE", "address differs (no evidence)").configure(is_null_level=True)
            )
            built.append(cl.CustomComparison(levels, output_column_name=name))
            continue
        levels.append(cll.ElseLevel())
        built.append(cl.CustomComparison(levels, output_column_name=name))
    return built


OTHER_PERSON_M = 0.02
"""Fixed m probability of "same household, other forename": a person rarely does that."""
OTHER_PERSON_U = 0.5
"""Fixed u probability of "same household, other forename" (the level weighs about -4.6:
chosen on ``benchmarks/bench_households.py``, where -9 lost recall on the hard profile's
forename variants and the trained weight, about -0.8, gained less precision)."""


def household_levels(columns: set[str]) -> list[Any]:
    """The levels of the ``household`` comparison (tokens of :mod:`safelink.uprn`).

    Two records of one household (the parent UPRN of a flat, else the UPRN) with different
    full forenames (and different canonical forenames where the tokens carry them: ``Bill``
    and ``William`` are one person) are two people: twins, siblings, spouses. That level comes
    first, with fixed probabilities weighing about -4.6 (:data:`OTHER_PERSON_U`), so that a
    shared home does not count for a pair whose forenames differ; trained, the level weighs
    too little, since among pairs sharing a home most differ in forename. Below it: the same
    property (``uprn``, when present), the same household;
    a different household is no evidence against (people move), except in a comparison with
    no other level to weigh (neither forenames nor UPRNs), where it is an ordinary level.
    """
    import splink.comparison_level_library as cll

    def custom(sql: str, label: str) -> Any:
        return cll.CustomLevel(sql, label_for_charts=label, base_dialect_str="duckdb")

    levels: list[Any] = [cll.NullLevel("household")]
    if "forename" in columns:
        other = '"household_l" = "household_r" AND "forename_l" <> "forename_r"'
        if "forename_canonical" in columns:
            other += ' AND NOT coalesce("forename_canonical_l" = "forename_canonical_r", FALSE)'
        levels.append(
            custom(f"({other})", "same household, other forename (another person)").configure(
                m_probability=OTHER_PERSON_M,
                u_probability=OTHER_PERSON_U,
                fix_m_probability=True,
                fix_u_probability=True,
            )
        )
    if "uprn" in columns:
        levels.append(
            cll.ExactMatchLevel("uprn").configure(label_for_charts="same property (UPRN)")
        )
    levels.append(cll.ExactMatchLevel("household").configure(label_for_charts="same household"))
    if len(levels) == 2:
        # Splink needs two levels that weigh: with one agreeing level, a difference weighs.
        levels.append(cll.ElseLevel().configure(label_for_charts="household differs"))
        return levels
    levels.append(custom("TRUE", "household differs (no evidence)").configure(is_null_level=True))
    return levels


def _address_levels(
    columns: set[str], custom: Callable[[str, str], Any], exact: Callable[[str, str], Any]
) -> list[Any]:
    """The address levels below full agreement: the same building, then the same street.

    The building is the house number with the street or with the postcode
    (:func:`safelink.normalise.rules.address_parts`): ``Flat 1, 21 Ash Grove`` and ``21A Ash
    Grove`` are one building, which the full-address tokens cannot say.
    """
    levels = []
    building = [c for c in ("address_number_street", "address_number_postcode") if c in columns]
    if building:
        agree = " OR ".join(f'"{c}_l" = "{c}_r"' for c in building)
        levels.append(custom(f"({agree})", "same building (house number and street or postcode)"))
    if "address_street" in columns:
        levels.append(exact("address_street", "street agrees"))
    return levels


def _rule(columns: Sequence[str]) -> Any:
    from splink import block_on

    return block_on(*columns)


class SplinkDatabase(Protocol):
    """Where Splink trains and scores for one engine: a Splink ``DatabaseAPI`` and its tables.

    ``LocalSplink`` (DuckDB) is here; the Spark one is
    :class:`safelink.engines.spark_link.SparkSplink`.
    """

    dialect: str
    """The SQL dialect of Splink's settings for this database (``duckdb``, ``spark``)."""
    trains_in_place: bool
    """Whether the model is trained in this database (else on the driver with DuckDB)."""
    supports_bloom: bool
    """Whether the Bloom-filter comparisons' SQL runs here."""
    failed: str
    """How an error message names a failure here (``""``, ``" on Spark"``)."""

    def register(self, frames: Sequence[Any], *, name: str = "src") -> list[Any]:
        """Register tables of records (``node`` renamed ``unique_id``) with Splink.

        ``name`` starts their table names (``src``: the residual records), so that several
        registrations of one run do not collide.
        """
        ...

    def predict(self, linker: Any) -> str:
        """Score every blocked pair; return the name :meth:`sql` knows the predictions by."""
        ...

    def sql(self, query: str) -> pl.DataFrame:
        """Run ``query`` (in this database's dialect) and collect it."""
        ...

    def translate(self, exc: BaseException) -> None:
        """Raise a clear :class:`LinkageError` for an error this database explains; else return."""
        ...

    def close(self) -> None:
        """Release what this run made."""
        ...


class LocalSplink:
    """Splink's ``DuckDBAPI`` on a new in-memory DuckDB, for the local engine."""

    dialect = "duckdb"
    trains_in_place = True
    supports_bloom = True
    failed = ""

    def __init__(self) -> None:
        """Open the in-memory database."""
        import duckdb
        from splink import DuckDBAPI

        self.connection = duckdb.connect(":memory:")
        self.connection.execute("SET enable_progress_bar = false")
        self.api = DuckDBAPI(self.connection)

    def register(self, frames: Sequence[Any], *, name: str = "src") -> list[Any]:
        """See :meth:`SplinkDatabase.register` (polars frames, through Arrow)."""
        return [
            self.api.register(splink_input(frame), table_name=f"{name}_{i}")
            for i, frame in enumerate(frames)
        ]

    def predict(self, linker: Any) -> str:
        """See :meth:`SplinkDatabase.predict`."""
        return str(linker.inference.predict().physical_name)

    def sql(self, query: str) -> pl.DataFrame:
        """See :meth:`SplinkDatabase.sql`."""
        return pl.from_arrow(self.connection.sql(query).to_arrow_table())  # type: ignore[return-value]

    def translate(self, exc: BaseException) -> None:
        """See :meth:`SplinkDatabase.translate` (nothing to explain locally)."""

    def close(self) -> None:
        """See :meth:`SplinkDatabase.close`."""
        self.connection.close()


def splink_input(frame: pl.DataFrame) -> Any:
    """A polars frame as DuckDB's Splink reads it: ``node`` as ``unique_id``, through Arrow.

    Each hex Bloom column (``*_bloom``) gains its integer form (:func:`with_bloom_words`)
    unless it has it, so the Dice levels of any model (trained here or read back to score
    pairs) find the columns they compare.
    """
    return with_words(frame).rename({"node": "unique_id"}).to_arrow()


def with_words(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with the integer form of each hex Bloom column that lacks it."""
    bare = [c for c in frame.columns if c.endswith("_bloom") and f"{c}{ONES_SUFFIX}" not in frame]
    return with_bloom_words(frame, bare)


def splink_database(backend: Backend) -> SplinkDatabase:
    """The Splink database for ``backend``'s engine: DuckDB locally, Spark on Spark."""
    if backend.engine is Engine.SPARK:
        from safelink.engines.spark_link import SparkSplink

        return SparkSplink(backend.spark)  # type: ignore[attr-defined]
    return LocalSplink()


def _local_frames(backend: Backend, frames: Sequence[Any]) -> list[pl.DataFrame]:
    return [f if isinstance(f, pl.DataFrame) else backend.collect(f) for f in frames]


def table_sizes(backend: Backend, frames: Sequence[Any]) -> list[int]:
    """The number of records of each table."""
    sizes = []
    for frame in frames:
        if isinstance(frame, pl.DataFrame):
            sizes.append(frame.height)
            continue
        counted = backend.collect(run_query(backend, "SELECT count(*) AS n FROM {t}", t=frame))
        sizes.append(int(counted["n"][0]))
    return sizes


def run_splink(
    frames: Sequence[Any],
    settings: ProbabilisticSettings,
    *,
    link_type: str = "link_only",
    backend: Backend | None = None,
) -> ModelResult:
    """Train a Fellegi-Sunter model on the residual records and score blocked pairs.

    Args:
        frames: one table per source (``node`` int id plus token columns), residual records:
            tables of ``backend`` or polars frames.
        settings: the probabilistic settings.
        link_type: ``link_only`` (across sources) or ``dedupe_only``.
        backend: the engine (default: DuckDB on this machine).

    Returns:
        The scored pairs, the weight histogram and the model's expectations.

    Raises:
        LinkageError: Splink could not train or score the model (or, on Spark, a result
            exceeded the driver's limit).

    """
    backend = backend if backend is not None else DuckDBBackend()
    if backend.engine is Engine.LOCAL:
        # Locally Splink reads polars frames through Arrow, and the counts and the sample are
        # DuckDB SQL (polars' has no bit operators).
        frames = _local_frames(backend, frames)
        if settings.bloom:
            # Each filter as integer words and its set bits, once per record: Dice on a pair
            # is then integer AND and popcounts (safelink.pseudonymise.bloom.dice_sql).
            frames = [with_words(f) for f in frames]
        backend = full_sql(backend)
    threshold_weight = probability_to_weight(settings.threshold)
    sizes = table_sizes(backend, frames)
    if min(sizes, default=0) < _MIN_RECORDS and link_type == "link_only":
        return skipped_model(threshold_weight, f"too few residual records ({min(sizes)}) to train")
    database = splink_database(backend)
    splink_logger = logging.getLogger("splink")
    level = splink_logger.level
    # Splink reports untrained levels and similar chatter as log warnings; keep them off
    # the user's terminal (our report says what matters) for the duration of the run.
    splink_logger.setLevel(logging.ERROR)
    try:
        columns = _columns(backend, frames[0])
        if (
            settings.bloom
            and not database.supports_bloom
            and any(c.endswith("_bloom") for c in columns)
        ):
            raise LinkageError(
                "Bloom-filter comparisons are not available on the Spark engine; set "
                "link.probabilistic.bloom: false or use --engine local."
            )
        with warnings.catch_warnings():
            # Splink warns when a level never occurs in the u sample; that is expected on
            # small residuals and changes nothing we report.
            warnings.filterwarnings("ignore", module=r"splink\..*")
            warnings.filterwarnings("ignore", module=r"pyspark\..*")
            return _run(
                backend, database, frames, sizes, columns, settings, link_type, threshold_weight
            )
    except LinkageError:
        raise
    except Exception as exc:  # Splink and its databases raise many kinds
        database.translate(exc)
        raise LinkageError(
            f"the probabilistic step failed{database.failed} ({type(exc).__name__}); check the "
            "blocking rules and comparisons in link.probabilistic, or disable it."
        ) from exc
    finally:
        database.close()
        splink_logger.setLevel(level)


def _columns(backend: Backend, frame: Any) -> set[str]:
    if isinstance(frame, pl.DataFrame):
        return set(frame.columns)
    return set(backend.collect(run_query(backend, "SELECT * FROM {t} LIMIT 0", t=frame)).columns)


def sample_order_key(value: Any, offset: Any, xor_shift: Callable[[Any, int], Any]) -> Any:
    """The training sample's order key of ``value``, for any engine's integer expressions.

    ``h = ((value mod P) * A + offset) mod P; h ^= h >> 16; h = h * B mod P; h ^= h >> 13``
    with P = 2^31 - 1, all in 64-bit integers without overflow, so Python, polars and Spark
    compute the same keys. The multiplications spread consecutive values; the xor-shifts make
    the key non-linear, so the smallest keys are not a regular lattice of node numbers.

    Args:
        value: a Python int or an engine's 64-bit integer expression (the node number).
        offset: the seed term (:func:`sample_seed_offset`).
        xor_shift: the engine's ``h ^ (h >> n)`` for non-negative ``h``.
    """
    first, second = _SAMPLE_MULTIPLIERS
    key = (value % _SAMPLE_MODULUS * first + offset) % _SAMPLE_MODULUS
    key = xor_shift(key, _SAMPLE_SHIFTS[0])
    key = key * second % _SAMPLE_MODULUS
    return xor_shift(key, _SAMPLE_SHIFTS[1])


def sample_seed_offset(settings: ProbabilisticSettings) -> int:
    """The seed term of the order key: the seed through the same mix.

    Mixed, so that nearby seeds (1 and 2) offset the keys by unrelated amounts and pick
    unrelated samples.
    """
    return int(sample_order_key(settings.seed, 0, lambda key, n: key ^ (key >> n)))


def sample_key_sql(settings: ProbabilisticSettings) -> str:
    """The training sample's order key of ``node`` (:func:`sample_order_key`) as a SQL query.

    Over a table ``{t}`` with ``node`` (BIGINT); gives ``node`` and ``k``.
    """
    modulus = _SAMPLE_MODULUS
    first, second = _SAMPLE_MULTIPLIERS
    shift_1, shift_2 = _SAMPLE_SHIFTS
    offset = sample_seed_offset(settings)
    mixed = f"((CAST(node AS BIGINT) % {modulus}) * {first} + {offset}) % {modulus}"
    # One operation a stage: sqlglot drops the brackets of xor(...) * n when writing Spark's
    # ``^``, which binds more loosely than ``*`` there.
    return (
        f"SELECT node, xor(h, h >> {shift_2}) AS k FROM ("  # noqa: S608
        f"SELECT node, (g * {second}) % {modulus} AS h FROM ("
        f"SELECT node, xor(h, h >> {shift_1}) AS g FROM ("
        f"SELECT node, {mixed} AS h FROM {{t}}) AS one) AS two) AS three"
    )


def training_sample(
    frames: Sequence[Any],
    settings: ProbabilisticSettings,
    *,
    backend: Backend | None = None,
    sizes: Sequence[int] | None = None,
) -> list[pl.DataFrame] | None:
    """The records to train on when a source's residual exceeds ``max_training_records``.

    Each larger source keeps the ``max_training_records`` records with the smallest order key
    (:func:`sample_order_key`; ties by node), in node order, selected by the backend's engine,
    so only the sample reaches the driver. Sampling each source independently keeps the share
    of true matches among record pairs (the model's prior) the same in expectation.

    Args:
        frames: the residual records, one table per source (``node`` plus token columns).
        settings: the probabilistic settings.
        backend: the engine (default: DuckDB on this machine).
        sizes: the records in each table, when known.

    Returns:
        The sampled frames (smaller sources whole), collected, or None when every source is
        within the limit (train on all).
    """
    backend = backend if backend is not None else DuckDBBackend()
    limit = settings.max_training_records
    sizes = list(sizes) if sizes is not None else table_sizes(backend, frames)
    if all(size <= limit for size in sizes):
        return None
    chosen = []
    for frame, size in zip(frames, sizes, strict=True):
        if size <= limit:
            chosen.append(_local_frames(backend, [frame])[0])
            continue
        sql = (
            "SELECT t.* FROM {t} AS t JOIN ("  # noqa: S608
            f"SELECT node FROM ({sample_key_sql(settings)}) AS keyed ORDER BY k, node LIMIT {limit}"
            ") AS s ON s.node = t.node ORDER BY t.node"
        )
        chosen.append(backend.collect(run_query(backend, sql, t=backend.table(frame))))
    return chosen


def twice_blocked_pairs(keyed: str, squared: str, link_type: str) -> str:
    """Twice the pairs one blocking key gives, as SQL over two integer columns.

    ``keyed`` is the number of residual records with the key (all sources), ``squared`` the sum
    over sources of the square of each source's number. Across sources (``link_only``) that is
    ``keyed^2 - squared``; within and across (``dedupe_only``, ``link_and_dedupe``) it is
    ``keyed^2 - keyed``.
    """
    return f"{keyed} * {keyed} - {squared if link_type == 'link_only' else keyed}"


def blocked_pairs(
    frames: Sequence[Any],
    settings: ProbabilisticSettings,
    link_type: str,
    *,
    backend: Backend | None = None,
) -> list[dict[str, Any]]:
    """Count the candidate pairs each prediction blocking rule gives, from key frequencies.

    Cheap (one group-by per rule and source, run by the backend; one number per rule reaches
    the driver), so it runs before any pair is made. A pair two rules both find counts under
    each, as each rule's join makes it before Splink drops repeats: the total measures the
    work of blocking, not the distinct pairs scored.

    Returns:
        One ``{"rule": [columns], "pairs": n}`` per rule, in the config's order.
    """
    backend = backend if backend is not None else DuckDBBackend()
    tables = {f"f{i}": backend.table(frame) for i, frame in enumerate(frames)}
    rows = []
    for rule in settings.blocking:
        columns = list(rule)
        keys = ", ".join(quote(c) for c in columns)
        present = " AND ".join(f"{quote(c)} IS NOT NULL" for c in columns)
        counts = " UNION ALL ".join(
            f"SELECT {keys}, count(*) AS n FROM {{{name}}} WHERE {present} GROUP BY {keys}"  # noqa: S608
            for name in tables
        )
        twice = twice_blocked_pairs("keyed", "sq", link_type)
        sql = (
            f"SELECT CAST(coalesce(sum({twice}), 0) AS BIGINT) AS twice FROM ("  # noqa: S608
            f"SELECT sum(n) AS keyed, sum(n * n) AS sq FROM ({counts}) AS counts "
            f"GROUP BY {keys}) AS keyed"
        )
        twice_count = backend.collect(run_query(backend, sql, **tables))["twice"][0]
        rows.append({"rule": columns, "pairs": int(twice_count or 0) // 2})
    return rows


def check_blocked_pairs(rows: Sequence[dict[str, Any]], settings: ProbabilisticSettings) -> None:
    """Stop before scoring when the blocking rules put forward more pairs than allowed.

    Raises:
        LinkageError: the total exceeds ``link.probabilistic.max_blocked_pairs``; names the
            largest rule (column names and counts only).
    """
    total = sum(row["pairs"] for row in rows)
    if total <= settings.max_blocked_pairs:
        return
    largest = max(rows, key=lambda row: row["pairs"])
    raise LinkageError(
        f"the blocking rules put forward {total:,} candidate pairs, more than "
        f"link.probabilistic.max_blocked_pairs ({settings.max_blocked_pairs:,}); the largest, "
        f"{largest['rule']}, gives {largest['pairs']:,}. Add a column to the largest rules "
        "in link.probabilistic.blocking (for example [date_of_birth, surname_nysiis]), or "
        "raise max_blocked_pairs if this machine or cluster can score that many."
    )


def skipped_model(threshold_weight: float, why: str) -> ModelResult:
    """The result of a probabilistic step that did not run, and why."""
    return ModelResult(
        pairs=pl.DataFrame(
            schema={
                "node_l": pl.Int64,
                "node_r": pl.Int64,
                "match_weight": pl.Float64,
                "match_probability": pl.Float64,
            }
        ),
        histogram=pl.DataFrame(schema={"bin": pl.Float64, "pairs": pl.Int64}),
        expected_matches_below=0.0,
        scored_pairs=0,
        threshold_weight=threshold_weight,
        skipped=why,
    )


def _run(
    backend: Backend,
    database: SplinkDatabase,
    frames: Sequence[Any],
    sizes: Sequence[int],
    columns: set[str],
    settings: ProbabilisticSettings,
    link_type: str,
    threshold_weight: float,
) -> ModelResult:
    from splink import Linker

    timings: dict[str, float] = {}
    tick = time.perf_counter()
    blocked = blocked_pairs(frames, settings, link_type, backend=backend)
    check_blocked_pairs(blocked, settings)
    timings["count_blocked_pairs_seconds"] = time.perf_counter() - tick
    tick = time.perf_counter()
    sample = training_sample(frames, settings, backend=backend, sizes=sizes)
    em_skipped: list[list[str]] = []
    if database.trains_in_place:
        frames = _local_frames(backend, frames)
    if sample is None and database.trains_in_place:
        tables = database.register(frames)
        linker = train_model(
            tables, columns, settings, link_type, timings, started=tick, em_skipped=em_skipped
        )
    else:
        # Train on the sample (or every record) with DuckDB on the driver, then score every
        # residual record with the trained model.
        training = sample if sample is not None else _local_frames(backend, frames)
        model = trained_settings(
            training,
            settings,
            link_type=link_type,
            dialect=database.dialect,
            timings=timings,
            em_skipped=em_skipped,
        )
        tables = database.register(frames)
        linker = Linker(tables if len(tables) > 1 else tables[0], model, log_level=None)
    tick = time.perf_counter()
    table = database.predict(linker)
    timings["predict_seconds"] = time.perf_counter() - tick
    floor = min(settings.threshold, 0.01)
    pairs = database.sql(
        "SELECT CAST(unique_id_l AS BIGINT) AS node_l, CAST(unique_id_r AS BIGINT) AS node_r, "  # noqa: S608
        f"match_weight, match_probability FROM {table} WHERE match_probability >= {floor!r} "
        "ORDER BY node_l, node_r"
    )
    histogram = database.sql(
        f"SELECT CAST(floor(match_weight) AS DOUBLE) AS bin, count(*) AS pairs FROM {table} "  # noqa: S608
        "GROUP BY 1 ORDER BY 1"
    )
    totals = database.sql(
        f"SELECT coalesce(sum(CASE WHEN match_probability < {settings.threshold!r} "  # noqa: S608
        f"THEN match_probability ELSE 0 END), 0) AS below, count(*) AS scored FROM {table}"
    )
    parameters = _parameters(linker)
    trained = in_duckdb_dialect(linker.misc.save_model_to_json(), database.dialect)
    timings["collect_seconds"] = time.perf_counter() - tick - timings["predict_seconds"]
    tick = time.perf_counter()
    pairs_shown = pair_waterfalls(
        backend, database, linker, table, frames, trained, threshold_weight
    )
    timings["waterfall_seconds"] = time.perf_counter() - tick
    return model_result(
        pairs,
        histogram,
        totals["below"][0],
        totals["scored"][0],
        threshold_weight,
        parameters,
        timings,
        residual_records=sum(sizes),
        training_records=sum(frame.height for frame in sample) if sample else sum(sizes),
        blocked_pairs=blocked,
        trained=trained,
        em_rules_skipped=em_skipped,
        waterfall=pairs_shown,
    )


#: The smallest m or u probability Splink accepts in a saved model (its own floor).
PROBABILITY_FLOOR = 1e-300


def loadable(model: dict[str, Any]) -> dict[str, Any]:
    """A saved Splink model another linker can load: m and u of at least the floor.

    EM can leave an m probability below the floor (3.6e-315 was seen on a small hard residual);
    a linker built from the saved model then refuses it. At the floor the level's weight is
    still about -1,000 bits: no pair's decision changes.
    """
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            for name in ("m_probability", "u_probability"):
                value = level.get(name)
                if isinstance(value, float) and value < PROBABILITY_FLOOR:
                    level[name] = PROBABILITY_FLOOR
    return model


def in_duckdb_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    """A saved Splink model (loadable) with every comparison's SQL in DuckDB's dialect."""
    import sqlglot

    model = loadable(model)
    model["sql_dialect"] = "duckdb"
    for comparison in model.get("comparisons", []) if dialect != "duckdb" else []:
        for level in comparison.get("comparison_levels", []):
            condition = level.get("sql_condition")
            if condition and condition != "ELSE":
                level["sql_condition"] = sqlglot.transpile(condition, read=dialect, write="duckdb")[
                    0
                ]
    return model


def _duckdb_trained(
    frames: Sequence[pl.DataFrame],
    settings: ProbabilisticSettings,
    link_type: str,
    timings: dict[str, float],
    *,
    started: float,
    em_skipped: list[list[str]] | None = None,
) -> tuple[Any, Any]:
    """Register the frames in an in-memory DuckDB and train the model; return both."""
    connection, tables = _duckdb_tables(frames)
    columns = set(frames[0].columns)
    linker = train_model(
        tables, columns, settings, link_type, timings, started=started, em_skipped=em_skipped
    )
    return connection, linker


def _duckdb_tables(frames: Sequence[pl.DataFrame]) -> tuple[Any, list[Any]]:
    """Register the frames (``node`` as ``unique_id``) in a new in-memory DuckDB."""
    import duckdb
    from splink import DuckDBAPI

    connection = duckdb.connect(":memory:")
    connection.execute("SET enable_progress_bar = false")
    db_api = DuckDBAPI(connection)
    tables = [
        db_api.register(splink_input(frame), table_name=f"src_{i}")
        for i, frame in enumerate(frames)
    ]
    return connection, tables


def trained_settings(
    frames: Sequence[pl.DataFrame],
    settings: ProbabilisticSettings,
    *,
    link_type: str,
    dialect: str,
    timings: dict[str, float],
    em_skipped: list[list[str]] | None = None,
) -> dict[str, Any]:
    """Train the model exactly as the local engine does and return it for another backend.

    Training (u by seeded random sampling, m by EM) runs in DuckDB on the frames given, so any
    engine that scores pairs with the returned model gives the local engine's weights (Splink
    on Spark estimated some u probabilities differently from DuckDB on the same records).

    Args:
        frames: the residual records, one frame per source (``node`` plus token columns).
        settings: the probabilistic settings.
        link_type: ``link_only`` or ``dedupe_only``.
        dialect: the SQL dialect of the backend that will score (e.g. ``spark``); every
            comparison's SQL is transpiled to it.
        timings: seconds per phase are added here.
        em_skipped: training rules whose EM stopped are added here.

    Returns:
        A Splink settings dictionary with the trained m and u probabilities and the prior.
    """
    import sqlglot

    connection, linker = _duckdb_trained(
        frames, settings, link_type, timings, started=time.perf_counter(), em_skipped=em_skipped
    )
    model: dict[str, Any] = loadable(linker.misc.save_model_to_json())
    connection.close()
    model["sql_dialect"] = dialect
    for comparison in model.get("comparisons", []) if dialect != "duckdb" else []:
        for level in comparison.get("comparison_levels", []):
            condition = level.get("sql_condition")
            if condition and condition != "ELSE":
                level["sql_condition"] = sqlglot.transpile(condition, read="duckdb", write=dialect)[
                    0
                ]
    return model


def train_model(
    tables: Sequence[Any],
    columns: set[str],
    settings: ProbabilisticSettings,
    link_type: str,
    timings: dict[str, float],
    *,
    started: float,
    em_skipped: list[list[str]] | None = None,
) -> Any:
    """Build and train a Splink linker on registered tables, for any Splink backend.

    The prior comes from deterministic rules where they match (else EM sets it), u from random
    sampling, m from EM on the training blocking rules. Timings are added to ``timings``; a
    training rule whose EM stops because a probability underflowed (Splink refuses values
    under 1e-300) is skipped, the earlier estimates kept, and the rule added to ``em_skipped``.

    Returns:
        The trained ``splink.Linker``.
    """
    from splink import Linker, SettingsCreator

    creator = SettingsCreator(
        link_type=link_type,  # type: ignore[arg-type]
        comparisons=_comparisons(columns, settings),
        blocking_rules_to_generate_predictions=[_rule(r) for r in settings.blocking],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        max_iterations=20,
    )
    linker = Linker(list(tables) if len(tables) > 1 else tables[0], creator, log_level=None)
    training = linker.training
    deterministic = [
        _rule(r)
        for r in (("date_of_birth", "surname_nysiis"), ("forename", "surname", "postcode_district"))
        if set(r) <= columns
    ]
    if deterministic:
        try:
            training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
        except Exception:  # no deterministic match in a small residual: EM sets the prior
            logger.debug("prior not estimated from deterministic rules; EM will set it")
    training.estimate_u_using_random_sampling(
        max_pairs=settings.max_pairs_for_u, seed=settings.seed
    )
    timings["estimate_u_seconds"] = time.perf_counter() - started
    tick = time.perf_counter()
    for rule in settings.training_blocking:
        if set(rule) <= columns:
            try:
                training.estimate_parameters_using_expectation_maximisation(
                    _rule(rule), estimate_without_term_frequencies=True
                )
            except ValueError as exc:
                if "below the minimum allowed value" not in str(exc):
                    raise
                logger.info("EM on training rule %s stopped: a probability underflowed", rule)
                if em_skipped is not None:
                    em_skipped.append(list(rule))
    timings["em_seconds"] = time.perf_counter() - tick
    return linker


def model_result(
    pairs: Any,
    histogram: Any,
    below: Any,
    scored: Any,
    threshold_weight: float,
    parameters: list[dict[str, Any]],
    timings: dict[str, float],
    *,
    residual_records: int,
    training_records: int,
    blocked_pairs: list[dict[str, Any]],
    trained: dict[str, Any] | None = None,
    em_rules_skipped: list[list[str]] | None = None,
    waterfall: list[dict[str, Any]] | None = None,
) -> ModelResult:
    """Assemble a :class:`ModelResult` from any Splink backend's collected outputs.

    Pair nodes are ordered (smaller first) and weights rounded, so that backends and runs agree
    to the last printed digit.
    """
    assert isinstance(pairs, pl.DataFrame) and isinstance(histogram, pl.DataFrame)
    pairs = pairs.with_columns(
        pl.min_horizontal("node_l", "node_r").cast(pl.Int64).alias("node_l"),
        pl.max_horizontal("node_l", "node_r").cast(pl.Int64).alias("node_r"),
        pl.col("match_weight").round(6),
        pl.col("match_probability").round(9),
    ).sort("node_l", "node_r")
    return ModelResult(
        pairs=pairs,
        histogram=histogram.with_columns(
            pl.col("bin").cast(pl.Float64), pl.col("pairs").cast(pl.Int64)
        ),
        expected_matches_below=float(below),
        scored_pairs=int(scored),
        threshold_weight=threshold_weight,
        parameters=parameters,
        timings=timings,
        residual_records=residual_records,
        training_records=training_records,
        blocked_pairs=blocked_pairs,
        trained=trained,
        em_rules_skipped=em_rules_skipped or [],
        waterfall=waterfall or [],
    )


def _parameters(linker: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    model = linker.misc.save_model_to_json()
    rows.append(
        {"probability_two_random_records_match": model.get("probability_two_random_records_match")}
    )
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            if level.get("is_null_level"):
                continue
            m = level.get("m_probability")
            u = level.get("u_probability")
            rows.append(
                {
                    "comparison": comparison.get("output_column_name"),
                    "level": level.get("label_for_charts"),
                    "m_probability": m,
                    "u_probability": u,
                    "match_weight": math.log2(m / u) if m and u else None,
                }
            )
    return rows
