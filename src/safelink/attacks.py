"""Attack self-test: what could an attacker holding a tokens file learn?

``audit_tokens`` plays three attacks against a tokens file and reports figures, never values:

1. **Frequency profile** of every token column: distinct tokens, the share of the commonest,
   and whether the column is *enumerable* (so few distinct values that a public distribution
   recovers them: sex, initials, DOB parts). Address tokens also report how many records
   share a token (households for a building token, streets for a street token).
2. **Frequency attack** on name tokens (the canonical forename's too, against the public list
   folded into the same groups, and Bloom encodings of names): rank tokens by
   frequency, rank a public name list by frequency, and guess that the i-th commonest token is
   the i-th commonest name. Without the key the attacker cannot check a guess; the TTP, which
   holds the key, can, so when a keyring is given the attack is *scored*: the share of records
   whose name the guess gets right.
3. **Dictionary attack if the key leaked**: for each identifier, the size of its candidate space
   and the time to try it all at the HMAC rate measured on this machine. It shows why a leaked
   key is fatal (rotate at once) and why safelink never uses unkeyed hashes.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from safelink.config import TokenSettings
from safelink.errors import InputError
from safelink.keys import Keyring, ProviderKey, _hmac
from safelink.normalise import forename_canonical, normalise_name
from safelink.pseudonymise import RECORD_ID, read_tokens_metadata
from safelink.pseudonymise.bloom import bloom_encode
from safelink.pseudonymise.plan import BIRTH_YEAR
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.token_attacks import ColumnAttack, attack_columns

ENUMERABLE_LIMIT = 1_000
#: Candidate spaces for a dictionary attack with a leaked key (documented approximations).
CANDIDATE_SPACES = {
    "nhs_number": 909_090_910,  # 10^9 nine-digit stems, 10 in 11 have a valid check digit
    "date_of_birth": 47_500,  # 130 years of days
    "postcode": 1_800_000,  # live and terminated UK postcodes (ONS postcode directory scale)
    "postcode_district": 3_000,
    "postcode_sector": 12_500,
    "surname": 1_000_000,  # a large surname list
    "forename": 200_000,
    "forename_canonical": 200_000,  # a canonical form is a name: the forename's space at most
    "sex": 4,
    "address": 40_000_000,  # addressable locations in Great Britain (AddressBase scale)
    "address_number_street": 100_000_000,  # ~1M street names x house numbers 1-100
    "address_number_postcode": 180_000_000,  # 1.8M postcodes x house numbers 1-100
    "address_street": 1_000_000,  # named streets in the UK
}
#: The address tokens (:func:`safelink.normalise.rules.address_parts`), finest first.
ADDRESS_COLUMNS = ("address", "address_number_street", "address_number_postcode", "address_street")
_NAME_COLUMNS = ("surname", "forename")
_CANONICAL_COLUMNS = ("forename_canonical",)
"""Coarser name tokens: one token per group of names (Bob, Rob, Robert)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnExposure:
    """Frequency profile of one token column (counts only)."""

    column: str
    rows: int
    non_null: int
    distinct: int
    top_share: float
    enumerable: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class AddressExposure:
    """How much an address token column groups records (counts only).

    A building token shared by several records is a household (twins, siblings, a carer);
    a street token groups a street's households. The linkage unit sees these groups.
    """

    column: str
    non_null: int
    distinct: int
    shared_share: float
    """Share of the records with a token that share it with at least one other record."""
    largest_group: int
    """Records holding the commonest token."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BloomExposure:
    """What one Bloom-encoding column shows (counts only).

    An encoding is deterministic, so equal values share it (its frequency profile is the
    value's), and the share of set bits grows with the value's length: a column of few
    distinct encodings (a state, a short code) is as enumerable as its plain tokens.
    """

    column: str
    non_null: int
    distinct: int
    top_share: float
    mean_fill: float
    """Mean share of the bits set per encoding."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FrequencyAttack:
    """The rank-matching frequency attack on one name column."""

    column: str
    public_names: int
    tokens_guessed: int
    scored: bool
    records_correct_share: float | None = None
    top20_tokens_correct: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DictionaryCost:
    """Time to try every candidate value of an identifier with a leaked key."""

    identifier: str
    candidates: int
    seconds_one_core: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TokenAudit:
    """What an attacker holding the tokens file could learn."""

    source: str
    key_id: str
    rows: int
    hmac_per_second: float
    columns: tuple[ColumnExposure, ...]
    frequency_attacks: tuple[FrequencyAttack, ...]
    dictionary_costs: tuple[DictionaryCost, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    address_exposures: tuple[AddressExposure, ...] = field(default_factory=tuple)
    bloom_exposures: tuple[BloomExposure, ...] = field(default_factory=tuple)
    column_attacks: tuple[ColumnAttack, ...] = field(default_factory=tuple)
    """Frequency alignment and graph matching on every column with a public distribution
    (:mod:`safelink.token_attacks`): the share of records each recovers, with the key."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return asdict(self)


def public_name_list(kind: str = "surname") -> pl.DataFrame:
    """A public-like name frequency list (``name``, ``weight``), from the bundled lists.

    These are the lists the synthetic data is drawn from, which makes the demo's attack an
    upper bound: a real attacker's list matches a real population less well.
    """
    file = "surnames.csv" if kind == "surname" else "forenames.csv"
    text = (resources.files("safelink") / "data" / file).read_bytes()
    table = pl.read_csv(text, infer_schema_length=0)
    return (
        table.group_by("name")
        .agg(pl.col("weight").cast(pl.Float64).sum())
        .sort(["weight", "name"], descending=[True, False])
    )


def measure_hmac_rate(values: int = 500_000) -> float:
    """HMAC-SHA256 tokens per second on one core, on 10-digit strings, with a throwaway key."""
    numbers = pa.array([f"{999_000_000_0 + i:010d}" for i in range(values)])
    throwaway = secrets.token_bytes(32)
    started = time.perf_counter()
    _hmac.hmac_hex_array(throwaway, numbers, length=16)
    return values / (time.perf_counter() - started)


def _exposures(tokens: pl.DataFrame) -> list[ColumnExposure]:
    rows = tokens.height
    exposures = []
    for column in tokens.columns:
        if column == RECORD_ID:
            continue
        values = tokens.get_column(column).drop_nulls()
        counts = values.value_counts(sort=True)
        top = int(counts.get_column("count")[0]) if counts.height else 0
        exposures.append(
            ColumnExposure(
                column=column,
                rows=rows,
                non_null=values.len(),
                distinct=counts.height,
                top_share=round(top / values.len(), 4) if values.len() else 0.0,
                enumerable=0 < counts.height <= ENUMERABLE_LIMIT,
            )
        )
    return exposures


def _address_exposures(tokens: pl.DataFrame) -> list[AddressExposure]:
    exposures = []
    for column in ADDRESS_COLUMNS:
        if column not in tokens.columns:
            continue
        counts = tokens.get_column(column).drop_nulls().value_counts().get_column("count")
        sizes = counts.to_list()
        non_null, shared = sum(sizes), sum(n for n in sizes if n > 1)
        exposures.append(
            AddressExposure(
                column=column,
                non_null=non_null,
                distinct=len(sizes),
                shared_share=round(shared / non_null, 4) if non_null else 0.0,
                largest_group=max(sizes, default=0),
            )
        )
    return exposures


def _bloom_exposures(tokens: pl.DataFrame) -> list[BloomExposure]:
    exposures = []
    for column in tokens.columns:
        if not column.endswith("_bloom"):
            continue
        values = tokens.get_column(column).drop_nulls()
        counts = values.value_counts(sort=True).get_column("count")
        # Bits set per encoding, from its hex digits.
        bits = values.str.len_chars() * 4
        ones = values.map_elements(lambda h: int(h, 16).bit_count(), return_dtype=pl.Int64)
        fill = float((ones / bits).sum()) / values.len() if values.len() else 0.0
        exposures.append(
            BloomExposure(
                column=column,
                non_null=values.len(),
                distinct=counts.len(),
                top_share=round(int(counts[0]) / values.len(), 4) if values.len() else 0.0,
                mean_fill=round(fill, 4),
            )
        )
    return exposures


def _frequency_attack(
    tokens: pl.DataFrame, column: str, keys: Keyring | ProviderKey | None
) -> FrequencyAttack:
    kind = "surname" if column.startswith("surname") else "forename"
    public = public_name_list(kind)
    canonical_column = column in _CANONICAL_COLUMNS
    if canonical_column:
        # The attacker folds the public list into groups too: a group's weight is its names'.
        public = (
            public.with_columns(
                pl.col("name").map_batches(lambda s: forename_canonical(normalise_name(s).values))
            )
            .drop_nulls("name")
            .group_by("name")
            .agg(pl.col("weight").sum())
            .sort(["weight", "name"], descending=[True, False])
        )
    observed = tokens.get_column(column).drop_nulls().value_counts(sort=True)
    guesses = min(observed.height, public.height)
    # The attacker's guess: i-th commonest token is the i-th commonest public name.
    guess = pl.DataFrame(
        {
            "token": observed.get_column(column).head(guesses),
            "records": observed.get_column("count").head(guesses),
            "guessed": public.get_column("name").head(guesses),
        }
    )
    if keys is None:
        return FrequencyAttack(
            column=column, public_names=public.height, tokens_guessed=guesses, scored=False
        )
    # Scoring needs the key: encode every public name as the pipeline would.
    canonical = normalise_name(public.get_column("name")).values
    if column.endswith("_bloom"):
        truth_tokens = bloom_encode(canonical, keys.subkey(f"link:bloom_{kind}"))
    elif canonical_column:
        subkey = keys.subkey("link:name_canonical")
        truth_tokens = pl.Series(subkey.tokens(canonical.to_arrow()), dtype=pl.String)
    else:
        subkey = keys.subkey("link:name")
        truth_tokens = pl.Series(subkey.tokens(canonical.to_arrow()), dtype=pl.String)
    truth = pl.DataFrame({"token": truth_tokens, "true": canonical})
    scored = guess.with_columns(
        pl.col("guessed").map_batches(lambda s: normalise_name(s).values).alias("guessed")
    ).join(truth, on="token", how="left")
    correct = scored.filter(pl.col("guessed") == pl.col("true"))
    total_records = int(observed.get_column("count").sum())
    top20 = scored.head(20).filter(pl.col("guessed") == pl.col("true")).height
    return FrequencyAttack(
        column=column,
        public_names=public.height,
        tokens_guessed=guesses,
        scored=True,
        records_correct_share=(
            round(int(correct.get_column("records").sum()) / total_records, 4)
            if total_records
            else 0.0
        ),
        top20_tokens_correct=top20,
    )


def _token_length(frame: pl.DataFrame) -> int:
    """Bytes per token of a tokens frame (hex: two characters a byte); 16 when it has none."""
    for column in frame.columns:
        if column == RECORD_ID or column.endswith("_bloom") or frame.schema[column] != pl.String:
            continue
        values = frame.get_column(column).drop_nulls()
        if values.len():
            return len(str(values[0])) // 2
    return 16


def audit_tokens(
    tokens: Path | str | pl.DataFrame,
    *,
    keys: Keyring | ProviderKey | None = None,
    hmac_sample: int = 500_000,
    attacks: bool = True,
) -> TokenAudit:
    """Report what an attacker holding a tokens file could learn (figures only, no values).

    Args:
        tokens: a ``*.tokens.parquet`` file or its DataFrame.
        keys: the project keyring; when given, the frequency attack is scored.
        hmac_sample: values hashed to measure the HMAC rate for the dictionary costs.
        attacks: run frequency alignment and graph matching on every column
            (:mod:`safelink.token_attacks`; scored only with ``keys``).

    Returns:
        The audit.

    Raises:
        InputError: the file is not a safelink tokens file.
    """
    source, key_id, length = "frame", "", 16
    settings = TokenSettings()  # a frame: as a default job makes it
    if isinstance(tokens, pl.DataFrame):
        frame = tokens
        length = _token_length(frame)
    else:
        metadata = read_tokens_metadata(tokens)
        source, key_id = metadata.get("source", ""), metadata.get("key_id", "")
        length = int(metadata.get("token_length", "16"))
        purposes = json.loads(metadata.get("purposes", "{}"))
        # Names keyed with the year of birth or alone, as the file's purposes say.
        keyed = any(str(p).endswith(BIRTH_YEAR) for p in purposes.values())
        settings = TokenSettings(names_with_birth_year=keyed)
        frame = read_tokens(tokens)
    if RECORD_ID not in frame.columns:
        raise InputError("not a tokens table: it has no record_id column.")
    rate = measure_hmac_rate(hmac_sample)
    name_attacks = tuple(
        _frequency_attack(frame, column, keys)
        for column in frame.columns
        if column in _NAME_COLUMNS
        or column in _CANONICAL_COLUMNS
        or column in {f"{n}_bloom" for n in _NAME_COLUMNS}
    )
    costs = tuple(
        DictionaryCost(identifier=name, candidates=size, seconds_one_core=round(size / rate, 3))
        for name, size in CANDIDATE_SPACES.items()
        if name in frame.columns
    )
    notes: tuple[str, ...] = (
        "Enumerable columns (few distinct tokens) are recoverable by matching their frequencies "
        "to public distributions; only the linkage unit may hold tokens files.",
        "Dictionary costs assume the key has leaked: every listed identifier falls in minutes "
        "or less. Keep keys wrapped, rotate on suspicion, and re-pseudonymise.",
    )
    if any(column in frame.columns for column in _CANONICAL_COLUMNS):
        notes += (
            "forename_canonical is coarser than forename: one token stands for a group of names "
            "(Bob, Rob, Robert), so its commonest tokens are commoner, its frequency attack "
            "needs fewer guesses, and equal tokens say two forenames are variants of one name.",
        )
    addresses = tuple(_address_exposures(frame))
    if addresses:
        notes += (
            "Address tokens group records: equal building tokens (house number and street, or "
            "house number and postcode) mark one household, equal street tokens one street. "
            "They are linkage tokens like the others (keyed, never reversible without the key), "
            "but the groups they show are household structure: see address_exposures.",
        )
    blooms = tuple(_bloom_exposures(frame))
    generic = [b.column for b in blooms if b.column not in {f"{n}_bloom" for n in _NAME_COLUMNS}]
    if generic:
        notes += (
            f"Bloom encodings of {generic} (kind: other, compare: bloom) are keyed and hardened "
            "like the names' (a per-column key, XOR-folded), but Dice similarity between two "
            "encodings estimates the bigram overlap of their values, and equal values share an "
            "encoding: a column of few distinct encodings (see bloom_exposures) is enumerable. "
            "Compare short or enumerable identifiers exactly, not by bloom.",
        )
    return TokenAudit(
        source=source,
        key_id=key_id,
        rows=frame.height,
        hmac_per_second=round(rate),
        columns=tuple(_exposures(frame)),
        frequency_attacks=name_attacks,
        dictionary_costs=costs,
        notes=notes,
        address_exposures=addresses,
        bloom_exposures=blooms,
        column_attacks=(
            attack_columns(frame, keys, token_length=length, settings=settings) if attacks else ()
        ),
    )
