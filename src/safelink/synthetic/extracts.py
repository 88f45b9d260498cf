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
from safelink.normalise.forenames import forename_canonical_table, forename_group
from safelink.normalise.local import normalise_name
from safelink.synthetic.addresses import homes, write_addresses
from safelink.synthetic.gazetteer import synthetic_gazetteer
from safelink.synthetic.population import (
    NONE,
    REFERENCE_DATE,
    UNIT_LETTERS,
    PopulationRates,
    draw_population,
    name_lists,
    valid_test_nhs_numbers,
)

__all__ = [
    "HOSPITAL_RATES",
    "MAX_PEOPLE",
    "REFERENCE_DATE",
    "REF_COLUMNS",
    "SOCIAL_CARE_RATES",
    "SOURCES",
    "PopulationRates",
    "SourceRates",
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
_SWAP_FACTOR = {"east_asian": 5.0}
_VARIANT_FACTOR = {"south_asian": 1.5, "middle_eastern": 1.5, "black": 1.3}
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


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRates:
    """Per-record corruption rates for one extract (probabilities from 0 to 1).

    Attributes:
        coverage: share of the population with a record in this extract.
        nhs_missing: NHS number blank.
        nhs_wrong: NHS number present but wrong (half another person's valid number, half
            two adjacent digits transposed, which usually fails the check digit).
        forename_typo: one edit (substitution, deletion, insertion or transposition).
        surname_typo: as ``forename_typo`` for the surname.
        nickname: forename replaced by a nickname or spelling variant when one is known.
        name_swap: forename and surname written in each other's field.
        dob_swap: date of birth with day and month swapped (when the day is 12 or less).
        dob_error: one part of the date of birth off by one (day, month or year).
        dob_missing: date of birth blank.
        postcode_missing: postcode blank.
        postcode_typo: one character of the inward code changed.
        sex_missing: sex blank.
        duplicates: extra records of people already in the extract, corrupted independently.
        nickname_extended: forename replaced by another name of its group in the whole forename
            table (Welsh, Irish and Scottish Gaelic equivalents, transliterations; see
            :mod:`safelink.normalise.forenames`), when it is in a group.
        forename_initial: forename given as its initial only.
        dob_year_only: date of birth given as the year alone.
        address_written: share of records with an address; above zero the extract has an
            ``address`` column (:mod:`safelink.synthetic.addresses`).
        address_abbreviated: street type abbreviated (and the town left off half the time).
        address_flat_form: a flat written another way (``FL 2``, ``21B``, no flat, ...).
        address_number_missing: address without its house number.

    The last seven are zero by default, and no random numbers are drawn for a zero rate (the
    addresses draw from their own generator), so the default extracts do not depend on them.

    """

    coverage: float
    nhs_missing: float
    nhs_wrong: float
    forename_typo: float
    surname_typo: float
    nickname: float
    name_swap: float
    dob_swap: float
    dob_error: float
    dob_missing: float
    postcode_missing: float
    postcode_typo: float
    sex_missing: float
    duplicates: float = 0.0
    nickname_extended: float = 0.0
    forename_initial: float = 0.0
    dob_year_only: float = 0.0
    address_written: float = 0.0
    address_abbreviated: float = 0.0
    address_flat_form: float = 0.0
    address_number_missing: float = 0.0


HOSPITAL_RATES = SourceRates(
    coverage=0.8, nhs_missing=0.02, nhs_wrong=0.005, forename_typo=0.02, surname_typo=0.015,
    nickname=0.03, name_swap=0.005, dob_swap=0.005, dob_error=0.005, dob_missing=0.001,
    postcode_missing=0.01, postcode_typo=0.005, sex_missing=0.005,
)  # fmt: skip
SOCIAL_CARE_RATES = SourceRates(
    coverage=0.4, nhs_missing=0.33, nhs_wrong=0.03, forename_typo=0.04, surname_typo=0.03,
    nickname=0.10, name_swap=0.015, dob_swap=0.02, dob_error=0.015, dob_missing=0.005,
    postcode_missing=0.03, postcode_typo=0.01, sex_missing=0.01,
)  # fmt: skip


HARD_HOSPITAL_RATES = replace(
    HOSPITAL_RATES,
    address_written=0.97,
    address_abbreviated=0.15,
    address_flat_form=0.1,
    address_number_missing=0.02,
)
"""The hospital in the hard profile: the standard rates, and an address (3% missing, 15% with
the street type abbreviated, 10% of flats written another way, 2% without a house number)."""
HARD_SOCIAL_CARE_RATES = replace(
    SOCIAL_CARE_RATES,
    nhs_missing=0.8,
    duplicates=0.15,
    nickname_extended=0.06,
    forename_initial=0.03,
    dob_year_only=0.05,
    address_written=0.95,
    address_abbreviated=0.3,
    address_flat_form=0.2,
    address_number_missing=0.05,
)
"""Social care in the hard profile: most NHS numbers missing, duplicate case records, 6% more
nicknames, Gaelic equivalents and transliteration variants, 3% forenames as initials and 5%
dates of birth as the year alone; an address (5% missing, 30% abbreviated, 20% of flats
written another way, 5% without a house number), the new one for people who moved."""
ADDRESS_HOSPITAL_RATES = replace(
    HOSPITAL_RATES,
    address_written=0.99,
    address_abbreviated=0.15,
    address_flat_form=0.1,
    address_number_missing=0.01,
)
"""The standard hospital with an address (the demo's): 1% missing, 15% abbreviated, 10% of
flats written another way, 1% without a house number."""
ADDRESS_SOCIAL_CARE_RATES = replace(
    SOCIAL_CARE_RATES,
    address_written=0.98,
    address_abbreviated=0.3,
    address_flat_form=0.2,
    address_number_missing=0.02,
)
"""Standard social care with an address (the demo's): 2% missing, 30% abbreviated, 20% of
flats written another way, 2% without a house number."""
HARD_POPULATION = PopulationRates(twins=0.04, siblings=0.15)
"""The hard profile's population: twins and siblings at one address."""
PROFILES: dict[str, dict[str, SourceRates | PopulationRates]] = {
    "standard": {"hospital": HOSPITAL_RATES, "social_care": SOCIAL_CARE_RATES},
    "addresses": {"hospital": ADDRESS_HOSPITAL_RATES, "social_care": ADDRESS_SOCIAL_CARE_RATES},
    "hard": {
        "hospital": HARD_HOSPITAL_RATES,
        "social_care": HARD_SOCIAL_CARE_RATES,
        "population": HARD_POPULATION,
    },
}
"""Named generator settings: ``generate(people, seed=s, **PROFILES["hard"])``. ``addresses``
is the standard one with an ``address`` column in both extracts (and a gazetteer of every
home: :attr:`SyntheticExtracts.gazetteer`); its other columns are the standard ones, since
addresses draw from their own generator. The hard one
has twins (4% of people) and siblings (15%) at one address, 80% of social-care NHS numbers
missing, 15% duplicate social-care records, and in social care 6% more forename variants
(drawn from the whole forename table), 3% forenames given as initials and 5% dates of birth
given as the year alone; the hospital holds one record per person. Both extracts have an
``address`` column written with the variations of :mod:`safelink.synthetic.addresses`."""


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


def _typo(rng: np.random.Generator, values: list[str | None], rows: np.ndarray) -> None:
    """Apply one random edit to each selected value, in place (names stay letters only)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for row in rows.tolist():
        text = values[row]
        if not text or len(text) < 3:
            continue
        pos = int(rng.integers(1, len(text)))  # keep the first letter, as most typos do
        op = int(rng.integers(0, 4))
        char = letters[int(rng.integers(0, 26))]
        if op == 0:
            text = text[:pos] + char + text[pos + 1 :]
        elif op == 1:
            text = text[:pos] + text[pos + 1 :]
        elif op == 2:
            text = text[:pos] + char + text[pos:]
        elif pos < len(text) - 1:
            text = text[:pos] + text[pos + 1] + text[pos] + text[pos + 2 :]
        else:
            text = text[: pos - 1] + text[pos] + text[pos - 1]
        values[row] = text
    return None


def _corrupt(
    rng: np.random.Generator,
    records: pl.DataFrame,
    rates: SourceRates,
    *,
    recent: bool,
    all_numbers: np.ndarray,
    address_rng: np.random.Generator,
) -> pl.DataFrame:
    """Draw one extract's view of each record: names, dates, postcodes, NHS numbers, address."""
    n = records.height

    def hit(rate: float) -> np.ndarray:
        return rng.random(n) < rate

    community = records["community"].to_numpy()
    # Surname: birth or married name, independently per record.
    married = records["married_surname"].to_numpy()
    use_married = (married != None) & (rng.random(n) < 0.5)  # noqa: E711 - numpy elementwise
    surname = np.where(use_married, married, records["surname"].to_numpy())
    forename = records["forename"].to_numpy().copy()
    # Nicknames and spelling variants.
    _, _, nicknames = name_lists()
    # The first edition of the table only: later rows feed ``nickname_extended``.
    variants = (
        nicknames.filter(pl.col("edition") == "1")
        .group_by("name", maintain_order=True)
        .agg("variant")
    )
    lookup = dict(zip(variants["name"].to_list(), variants["variant"].to_list(), strict=True))
    factor = np.array([_VARIANT_FACTOR.get(c, 1.0) for c in community]) if n else np.ones(0)
    for row in np.nonzero(rng.random(n) < rates.nickname * factor)[0].tolist():
        options = lookup.get(forename[row])
        if options:
            forename[row] = options[int(rng.integers(0, len(options)))]
    forename_list = forename.tolist()
    surname_list = surname.tolist()
    _typo(rng, forename_list, np.nonzero(hit(rates.forename_typo))[0])
    _typo(rng, surname_list, np.nonzero(hit(rates.surname_typo))[0])
    forename = np.asarray(forename_list, dtype=object)
    surname = np.asarray(surname_list, dtype=object)
    swap_factor = np.array([_SWAP_FACTOR.get(c, 1.0) for c in community]) if n else np.ones(0)
    swap = rng.random(n) < rates.name_swap * swap_factor
    forename, surname = np.where(swap, surname, forename), np.where(swap, forename, surname)
    forename = _forename_traps(rng, forename, rates)
    # Dates of birth.
    dob = records["date_of_birth"]
    year, month, day = dob.dt.year().to_numpy(), dob.dt.month().to_numpy(), dob.dt.day().to_numpy()
    swap_dob = hit(rates.dob_swap) & (day <= 12) & (day != month)
    month, day = np.where(swap_dob, day, month), np.where(swap_dob, month, day)
    error = hit(rates.dob_error)
    part = rng.integers(0, 3, n)
    step = np.where(rng.random(n) < 0.5, -1, 1)
    day = np.where(error & (part == 0), np.clip(day + step, 1, 28), day)
    month = np.where(error & (part == 1), np.clip(month + step, 1, 12), month)
    year = np.where(error & (part == 2), year + step, year)
    day = np.minimum(day, _days_in_month(year, month))
    dob_missing = hit(rates.dob_missing)
    # Postcodes: the more recent extract has moved people's new address.
    postcode = records["postcode_new" if recent else "postcode_old"].to_numpy().copy()
    typo = np.nonzero(hit(rates.postcode_typo))[0]
    if typo.size:
        letters = UNIT_LETTERS[rng.integers(0, 20, typo.size)]
        postcode[typo] = np.array(
            [p[:-1] + letter for p, letter in zip(postcode[typo], letters, strict=True)],
            dtype=object,
        )
    postcode = np.where(hit(rates.postcode_missing), NONE, postcode)
    # NHS numbers.
    nhs = records["nhs_number"].to_numpy().copy()
    wrong = np.nonzero(hit(rates.nhs_wrong))[0]
    if wrong.size:
        other = rng.choice(all_numbers, size=wrong.size).astype(str)
        transposed = np.array([s[:4] + s[5] + s[4] + s[6:] for s in nhs[wrong]], dtype=object)
        nhs[wrong] = np.where(rng.random(wrong.size) < 0.5, other, transposed)
    nhs = np.where(hit(rates.nhs_missing), NONE, nhs)
    sex = np.where(hit(rates.sex_missing), NONE, records["sex"].to_numpy())
    year_only = hit(rates.dob_year_only) if rates.dob_year_only else np.zeros(n, dtype=bool)
    addresses = {}
    if rates.address_written:
        home = homes(records["postcode_new" if recent else "postcode_old"], records["surname"])
        addresses["address"] = write_addresses(
            address_rng,
            home,
            written=rates.address_written,
            abbreviated=rates.address_abbreviated,
            flat_form=rates.address_flat_form,
            number_missing=rates.address_number_missing,
        )
    return pl.DataFrame(
        {
            "forename": _text(forename),
            "surname": _text(surname),
            "year": year,
            "month": month,
            "day": day,
            "dob_missing": dob_missing,
            "dob_year_only": year_only,
            "postcode": _text(postcode),
            "nhs_number": _text(nhs),
            "sex": _text(sex),
            **addresses,
        }
    )


def _forename_traps(
    rng: np.random.Generator, forename: np.ndarray, rates: SourceRates
) -> np.ndarray:
    """Forenames replaced by another name of their group, or by their initial (hard profile)."""
    n = forename.size
    forename = forename.copy()
    if rates.nickname_extended:
        rows = np.nonzero(rng.random(n) < rates.nickname_extended)[0]
        present = [int(r) for r in rows if forename[r] is not None]
        if present:
            values = pl.Series([forename[r] for r in present], dtype=pl.String)
            keys = normalise_name(values).values.to_list()
            table = forename_canonical_table()
            for row, key in zip(present, keys, strict=True):
                if key is None or key not in table:
                    continue
                group = forename_group(table[key])
                options = [g for g in group if g.upper() != forename[row].upper()]
                if options:
                    forename[row] = options[int(rng.integers(0, len(options)))]
    if rates.forename_initial:
        rows = np.nonzero(rng.random(n) < rates.forename_initial)[0]
        for row in rows.tolist():
            if forename[row]:
                forename[row] = str(forename[row])[0]
    return forename


def _text(values: np.ndarray) -> pl.Series:
    # Object arrays with many nulls defeat dtype inference; build text columns explicitly.
    return pl.Series(values.tolist(), dtype=pl.String)


def _days_in_month(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month]
    return np.where((month == 2) & leap, 29, days)


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
    _check_rates(hospital, "hospital")
    _check_rates(social_care, "social_care")
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
        view = _corrupt(
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


def _check_rates(rates: SourceRates, source: str) -> None:
    bad = [name for name in SourceRates.__slots__ if not 0.0 <= float(getattr(rates, name)) <= 1.0]
    if bad:
        raise InputError(f"{source}: rate(s) {bad} must be between 0 and 1.")
