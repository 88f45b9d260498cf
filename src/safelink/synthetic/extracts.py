"""Synthetic health and social-care extracts with ground truth, for demos, tests and benchmarks.

:func:`generate` draws a population of synthetic people, then writes two extracts the way two
real providers would: an acute hospital's admissions (PAS export) and a council's adult
social-care case list, each with its own column names and formats, and each corrupted
independently at the rates below. Everything is seeded, vectorised, and synthetic: names come
from the bundled lists in ``safelink/data`` (first names by sex and surnames from the main
communities of England and Wales, with rough frequency weights), NHS numbers only from the
never-issued 999 test range with a valid modulus-11 check digit.

Default corruption rates (per record, independently per source; see :class:`SourceRates`):

=========================================  ==========  =============
corruption                                 hospital    social care
=========================================  ==========  =============
NHS number missing                         2%          33%
NHS number wrong (when present)            0.5%        3%
forename typo / surname typo               2% / 1.5%   4% / 3%
nickname or spelling variant of forename   3%          10%
forename and surname swapped               0.5%        1.5%
date of birth day/month swapped            0.5%        2%
date of birth other error (one part off)   0.5%        1.5%
date of birth missing                      0.1%        0.5%
postcode missing / typo                    1% / 0.5%   3% / 1%
sex missing                                0.5%        1%
=========================================  ==========  =============

Person-level events shared by both extracts: 12% of women of 20 or more changed surname on
marriage (each record independently shows the birth or married name; a fifth of them use the
double-barrelled form); 15% of people moved house (the social-care record, being more recent,
has the new postcode: 60% within the same postcode district). Name swaps are five times more
frequent for names from East Asian communities, where family-name-first order is common, and
spelling variants are commoner for transliterated names, because linkage error falls hardest on
such groups: the bias table of the linkage report should show it.

The population itself (names, ages, NHS numbers, postcodes, marriages and moves) is drawn by
:mod:`safelink.synthetic.population`.

The truth table maps each record's source reference (``hospital_ref`` / ``case_id``, kept as
content, so it survives pseudonymisation) to the true ``person_id``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import polars as pl

from safelink.errors import InputError
from safelink.infra import io
from safelink.synthetic.corruption import (
    HOSPITAL_RATES,
    SOCIAL_CARE_RATES,
    SourceRates,
    check_rates,
    corrupt,
)
from safelink.synthetic.gazetteer import synthetic_gazetteer
from safelink.synthetic.population import (
    REFERENCE_DATE,
    PopulationRates,
    draw_population,
    valid_test_nhs_numbers,
)

__all__ = [
    "MAX_PEOPLE",
    "REFERENCE_DATE",
    "REF_COLUMNS",
    "SOURCES",
    "SyntheticExtracts",
    "generate",
    "record_truth",
    "valid_test_nhs_numbers",
]

SOURCES = ("hospital", "social_care")
REF_COLUMNS = {"hospital": "hospital_ref", "social_care": "case_id"}
MAX_PEOPLE = 20_000_000

_ETHNICITY_TEXT = {
    "A": "White - British", "B": "White - Irish", "C": "White - Any other White background",
    "D": "Mixed - White and Black Caribbean", "E": "Mixed - White and Black African",
    "F": "Mixed - White and Asian", "G": "Mixed - Any other mixed background",
    "H": "Asian or Asian British - Indian", "J": "Asian or Asian British - Pakistani",
    "K": "Asian or Asian British - Bangladeshi", "L": "Asian or Asian British - Any other Asian",
    "M": "Black or Black British - Caribbean", "N": "Black or Black British - African",
    "P": "Black or Black British - Any other Black", "R": "Other Ethnic Groups - Chinese",
    "S": "Other Ethnic Groups - Any other ethnic group", "Z": "Not stated",
}  # fmt: skip
_DIAGNOSES = (
    "I21.9", "I50.0", "J18.9", "J44.1", "N39.0", "S72.0", "E11.9", "I63.9", "R07.4", "K80.2",
    "A41.9", "F05.9", "R55", "C34.9", "C50.9", "O80", "K35.8", "I48.9", "M17.1", "G40.9",
)  # fmt: skip
_CARE_PACKAGES = (
    "Home care", "Residential care", "Nursing care", "Day care", "Direct payment",
    "Reablement", "Supported living", "Equipment and adaptations", "Carer support",
)  # fmt: skip
_SUPPORT_REASONS = (
    "Physical support", "Sensory support", "Support with memory and cognition",
    "Learning disability support", "Mental health support", "Social support",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SyntheticExtracts:
    """Two synthetic extracts and their ground truth.

    Attributes:
        hospital: the hospital admissions extract (one row per record).
        social_care: the adult social-care extract.
        truth: ``source``, ``ref`` (the record's ``hospital_ref`` or ``case_id``) and
            ``person_id`` (the true person), one row per record of each extract.
        people: the size of the population drawn.
        seed: the seed used.
        gazetteer: where the extracts have addresses, every home of the population as a
            gazetteer (:func:`safelink.synthetic.gazetteer.synthetic_gazetteer`:
            ``uprn, parent_uprn, address, postcode``); else None.

    """

    hospital: pl.DataFrame
    social_care: pl.DataFrame
    truth: pl.DataFrame
    people: int
    seed: int
    gazetteer: pl.DataFrame | None = None

    def frames(self) -> dict[str, pl.DataFrame]:
        """Return the extracts by source name (``hospital``, ``social_care``)."""
        return {"hospital": self.hospital, "social_care": self.social_care}

    def write_csv(self, out_dir: Path | str) -> dict[str, Path]:
        """Write ``hospital.csv``, ``social_care.csv`` and ``truth.csv`` atomically.

        With a :attr:`gazetteer`, ``gazetteer.csv`` too.

        Args:
            out_dir: the folder (created if missing).

        Returns:
            The path of each file by name (``hospital``, ``social_care``, ``truth`` and
            ``gazetteer`` when there is one).

        """
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written: dict[str, Path] = {}
        frames = {**self.frames(), "truth": self.truth}
        if self.gazetteer is not None:
            frames["gazetteer"] = self.gazetteer
        for name, frame in frames.items():
            destination = out / f"{name}.csv"
            with io.atomic_path(destination) as temporary:
                frame.write_csv(temporary)
            written[name] = destination
        return written


def record_truth(truth: pl.DataFrame, content: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """Map the truth from source references to pseudonymised record ids.

    Args:
        truth: the ``truth`` table of :class:`SyntheticExtracts`.
        content: each source's content frame (``record_id`` and its reference column).

    Returns:
        ``source``, ``record_id``, ``person_id``: the truth file ``safelink link --truth`` reads.

    """
    parts = []
    for source, frame in content.items():
        ref = REF_COLUMNS.get(source, "ref")
        part = frame.select("record_id", pl.col(ref).cast(pl.String).alias("ref")).join(
            truth.filter(pl.col("source") == source).select("ref", "person_id"), on="ref"
        )
        parts.append(part.select(pl.lit(source).alias("source"), "record_id", "person_id"))
    return (
        pl.concat(parts)
        if parts
        else pl.DataFrame(
            schema={"source": pl.String, "record_id": pl.String, "person_id": pl.String}
        )
    )


def _select(rng: np.random.Generator, population: pl.DataFrame, rates: SourceRates) -> pl.DataFrame:
    chosen = population.filter(pl.Series(rng.random(population.height) < rates.coverage))
    if rates.duplicates > 0 and chosen.height:
        extra = rng.choice(chosen.height, size=round(chosen.height * rates.duplicates))
        chosen = pl.concat([chosen, chosen[np.sort(extra)]])
    return chosen[rng.permutation(chosen.height)]


def _event_dates(rng: np.random.Generator, n: int, dob: pl.Series) -> pl.Series:
    start = np.datetime64(REFERENCE_DATE) - np.timedelta64(730, "D")
    dates = start + rng.integers(0, 731, n).astype("timedelta64[D]")
    earliest = dob.to_numpy().astype("datetime64[D]")
    return pl.Series(np.maximum(dates, earliest))


def _hospital(rng: np.random.Generator, records: pl.DataFrame, view: pl.DataFrame) -> pl.DataFrame:
    n = records.height
    spaced = rng.random(n) < 0.7
    nhs = view["nhs_number"]
    nhs_text = pl.select(
        pl.when(pl.lit(pl.Series(spaced)))
        .then(nhs.str.slice(0, 3) + " " + nhs.str.slice(3, 3) + " " + nhs.str.slice(6))
        .otherwise(nhs)
    ).to_series()
    admission = _event_dates(rng, n, records["date_of_birth"])
    dob_text = _dob_text(view, "{y}-{m}-{d}")
    sex = view["sex"].replace_strict({"M": "Male", "F": "Female"}, default=None)
    age = (admission.dt.year() - records["date_of_birth"].dt.year()).clip(0, None)
    return pl.DataFrame(
        {
            "hospital_ref": pl.Series(np.arange(n)).cast(pl.String).str.zfill(8),
            "nhs_number": nhs_text,
            "forename": view["forename"],
            "surname": view["surname"].str.to_uppercase(),
            "date_of_birth": dob_text,
            "sex": sex,
            "postcode": view["postcode"],
            "admission_date": admission.dt.strftime("%Y-%m-%d"),
            "age_on_admission": age.cast(pl.Int64),
            "diagnosis": np.asarray(_DIAGNOSES, dtype=object)[rng.integers(0, len(_DIAGNOSES), n)],
            "ethnicity": records["ethnicity"],
        },
        schema_overrides={"diagnosis": pl.String},
    ).with_columns((pl.lit("RX1") + pl.col("hospital_ref")).alias("hospital_ref"))


def _social_care(
    rng: np.random.Generator, records: pl.DataFrame, view: pl.DataFrame
) -> pl.DataFrame:
    n = records.height
    start = _event_dates(rng, n, records["date_of_birth"])
    lower = rng.random(n) < 0.15
    postcode = view["postcode"]
    postcode = pl.select(
        pl.when(pl.lit(pl.Series(lower)))
        .then(postcode.str.to_lowercase().str.replace(" ", ""))
        .otherwise(postcode)
    ).to_series()
    ethnicity_text = records["ethnicity"].replace_strict(_ETHNICITY_TEXT, return_dtype=pl.String)
    return pl.DataFrame(
        {
            "case_id": pl.Series(np.arange(n)).cast(pl.String).str.zfill(7),
            "nhs_no": view["nhs_number"],
            "first_name": view["forename"],
            "last_name": view["surname"],
            "dob": _dob_text(view, "{d}/{m}/{y}"),
            "gender": view["sex"],
            "postcode": postcode,
            "care_package": np.asarray(_CARE_PACKAGES, dtype=object)[
                rng.integers(0, len(_CARE_PACKAGES), n)
            ],
            "primary_support_reason": np.asarray(_SUPPORT_REASONS, dtype=object)[
                rng.integers(0, len(_SUPPORT_REASONS), n)
            ],
            "start_date": start.dt.strftime("%d/%m/%Y"),
            "age": (start.dt.year() - records["date_of_birth"].dt.year()).clip(0, None),
            "ethnicity": ethnicity_text,
        },
        schema_overrides={"care_package": pl.String, "primary_support_reason": pl.String},
    ).with_columns((pl.lit("SC-") + pl.col("case_id")).alias("case_id"))


def _with_address(frame: pl.DataFrame, view: pl.DataFrame) -> pl.DataFrame:
    """The extract with the view's address (when it has one) after its postcode."""
    if "address" not in view.columns:
        return frame
    return frame.insert_column(frame.columns.index("postcode") + 1, view["address"])


def _dob_text(view: pl.DataFrame, pattern: str) -> pl.Series:
    y = pl.col("year").cast(pl.String)
    m = pl.col("month").cast(pl.String).str.zfill(2)
    d = pl.col("day").cast(pl.String).str.zfill(2)
    parts = {"{y}": y, "{m}": m, "{d}": d}
    pieces: list[pl.Expr] = []
    rest = pattern
    while rest:
        token = rest[:3]
        if token in parts:
            pieces.append(parts[token])
            rest = rest[3:]
        else:
            pieces.append(pl.lit(rest[0]))
            rest = rest[1:]
    text = pl.concat_str(pieces)
    return view.select(
        pl.when(pl.col("dob_missing"))
        .then(None)
        .when(pl.col("dob_year_only"))
        .then(y)
        .otherwise(text)
        .alias("dob")
    ).to_series()


def generate(
    people: int,
    *,
    seed: int = 0,
    hospital: SourceRates = HOSPITAL_RATES,
    social_care: SourceRates = SOCIAL_CARE_RATES,
    population: PopulationRates | None = None,
    duplicates: float | None = None,
) -> SyntheticExtracts:
    """Draw a synthetic population and a hospital and a social-care extract of it.

    Args:
        people: population size (1 to 20,000,000). With the default coverages the hospital
            extract has about 0.8 x ``people`` records and the social-care extract 0.4 x.
        seed: the random seed; the same seed and arguments give identical extracts.
        hospital: corruption rates and coverage of the hospital extract.
        social_care: corruption rates and coverage of the social-care extract.
        population: person-level events (marriage, house moves).
        duplicates: if given, overrides both sources' within-source duplicate rate.

    Returns:
        The two extracts and the truth table.

    Raises:
        InputError: ``people`` or a rate is out of range.

    Example:
        >>> data = generate(1_000, seed=1)
        >>> sorted(data.truth["source"].unique().to_list())
        ['hospital', 'social_care']

    """
    population = population or PopulationRates()
    if isinstance(people, bool) or not isinstance(people, int) or not 1 <= people <= MAX_PEOPLE:
        raise InputError(f"people must be an integer from 1 to {MAX_PEOPLE:,}.")
    if duplicates is not None:
        hospital = replace(hospital, duplicates=duplicates)
        social_care = replace(social_care, duplicates=duplicates)
    check_rates(hospital, "hospital")
    check_rates(social_care, "social_care")
    rng = np.random.default_rng(seed)
    # Addresses draw from their own generator, so extracts without them are unchanged.
    address_rng = np.random.default_rng([seed, 18])
    everyone = draw_population(rng, people, population)
    all_numbers = everyone["nhs_number"].to_numpy()
    frames: dict[str, pl.DataFrame] = {}
    truth_parts = []
    for source, rates, recent in (
        ("hospital", hospital, False),
        ("social_care", social_care, True),
    ):
        records = _select(rng, everyone, rates)
        view = corrupt(
            rng, records, rates, recent=recent, all_numbers=all_numbers, address_rng=address_rng
        )
        build = _hospital if source == "hospital" else _social_care
        frame = _with_address(build(rng, records, view), view)
        frames[source] = frame
        truth_parts.append(
            pl.DataFrame(
                {
                    "source": pl.Series([source] * frame.height, dtype=pl.String),
                    "ref": frame[REF_COLUMNS[source]],
                    "person_id": records["person_id"],
                }
            )
        )
    addressed = hospital.address_written > 0 or social_care.address_written > 0
    return SyntheticExtracts(
        hospital=frames["hospital"],
        social_care=frames["social_care"],
        truth=pl.concat(truth_parts),
        people=people,
        seed=seed,
        gazetteer=synthetic_gazetteer(everyone) if addressed else None,
    )
