"""How each extract corrupts its people: rates per source and profile, typos, swaps, variants."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import polars as pl

from safelink.errors import InputError
from safelink.normalise.forenames import forename_canonical_table, forename_group
from safelink.normalise.local import normalise_name
from safelink.synthetic.addresses import homes, write_addresses
from safelink.synthetic.population import (
    NONE,
    UNIT_LETTERS,
    PopulationRates,
    name_lists,
)

_SWAP_FACTOR = {"east_asian": 5.0}


_VARIANT_FACTOR = {"south_asian": 1.5, "middle_eastern": 1.5, "black": 1.3}


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


def corrupt(
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
    day = np.minimum(day, days_in_month(year, month))
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
            "forename": text_series(forename),
            "surname": text_series(surname),
            "year": year,
            "month": month,
            "day": day,
            "dob_missing": dob_missing,
            "dob_year_only": year_only,
            "postcode": text_series(postcode),
            "nhs_number": text_series(nhs),
            "sex": text_series(sex),
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


def check_rates(rates: SourceRates, source: str) -> None:
    """Refuse rates outside 0-1, naming the source and the rates."""
    bad = [name for name in SourceRates.__slots__ if not 0.0 <= float(getattr(rates, name)) <= 1.0]
    if bad:
        raise InputError(f"{source}: rate(s) {bad} must be between 0 and 1.")


def text_series(values: np.ndarray) -> pl.Series:
    """A text column from an object array (many nulls defeat dtype inference)."""
    return pl.Series(values.tolist(), dtype=pl.String)


def days_in_month(year: np.ndarray, month: np.ndarray) -> np.ndarray:
    """The number of days in each (year, month)."""
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month]
    return np.where((month == 2) & leap, 29, days)
