"""Attacks on every token column against public-like distributions, scored with the key.

What a linkage unit holding a tokens file could recover without the key, by two attacks:

1. **Frequency alignment**: rank a column's tokens by frequency, rank the column's public
   distribution (the same derivation of a public population's values) by frequency, and guess
   that the i-th commonest token is the i-th commonest value.
2. **Graph matching** (in the style of Vidanage, Christen, Ranbaduge and Schnell, 2020): the
   tokens of a file form a co-occurrence graph (two tokens are joined when one record holds
   both); so do the public population's values. The attacker takes the commonest tokens of the
   lowest-cardinality columns, aligned by frequency, as anchors, describes every node by its
   frequency and by how its records spread over the anchors of the other columns (its
   neighbourhood), and matches token nodes to value nodes of the same column by the nearest
   description, one to one.

The "public" distributions are a population drawn by :mod:`safelink.synthetic.population`
(the bundled forename and surname lists, its age pyramid and postcode-area populations) with
its own seed: the distributions the synthetic extracts are drawn from, so on synthetic data the
attacks are an upper bound (a real attacker's lists fit a real population less well). Without
the key the attacker cannot check a guess; the TTP, which holds it, scores each attack as the
share of a column's records whose value it recovers. Figures only: no value is reported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from safelink.config import ColumnRole, ColumnSpec, TokenSettings
from safelink.identifiers import Identifier
from safelink.keys import Keyring, ProviderKey
from safelink.normalise import normalise
from safelink.normalise.composite import composite_plan, composite_values, joined_with
from safelink.pseudonymise import RECORD_ID, token_plan
from safelink.pseudonymise.plan import BIRTH_YEAR, birth_years
from safelink.synthetic.population import PopulationRates, draw_population

#: People in the public-like population (seeded: the same every run).
PUBLIC_PEOPLE = 100_000
PUBLIC_SEED = 29
#: Graph matching: token nodes matched per column (its commonest), value nodes they may match,
#: anchors per anchor column and anchor columns (those with the fewest distinct tokens).
GRAPH_TOKENS = 300
GRAPH_VALUES = 600
ANCHORS_PER_COLUMN = 20
ANCHOR_COLUMNS = 8
_KINDS = (
    Identifier.NHS_NUMBER,
    Identifier.FORENAME,
    Identifier.SURNAME,
    Identifier.DATE_OF_BIRTH,
    Identifier.POSTCODE,
    Identifier.SEX,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnAttack:
    """Both attacks on one token column (shares of its non-null records; counts only).

    Attributes:
        column: the token column.
        distinct: distinct tokens in the file.
        public_values: distinct values of the column in the public distribution.
        frequency_recovered: share of records whose value frequency alignment recovers
            (None without the key to score it).
        graph_recovered: the same for graph matching.
    """

    column: str
    distinct: int
    public_values: int
    frequency_recovered: float | None
    graph_recovered: float | None


def public_population(people: int = PUBLIC_PEOPLE, seed: int = PUBLIC_SEED) -> pl.DataFrame:
    """A public-like population: one row per person, an identifier column per UK kind."""
    drawn = draw_population(np.random.default_rng(seed), people, PopulationRates())
    return drawn.select(
        pl.col("nhs_number").alias(str(Identifier.NHS_NUMBER)),
        pl.col("forename").alias(str(Identifier.FORENAME)),
        pl.col("surname").alias(str(Identifier.SURNAME)),
        pl.col("date_of_birth").cast(pl.String).alias(str(Identifier.DATE_OF_BIRTH)),
        pl.col("postcode_old").alias(str(Identifier.POSTCODE)),
        pl.col("sex").alias(str(Identifier.SEX)),
    )


def _specs() -> list[ColumnSpec]:
    return [ColumnSpec(name=str(k), role=ColumnRole.IDENTIFIER, kind=k) for k in _KINDS]


def public_values(
    columns: Sequence[str],
    population: pl.DataFrame | None = None,
    settings: TokenSettings | None = None,
) -> tuple[pl.DataFrame, dict[str, str]]:
    """The public population's values of ``columns``, derived as ``pseudonymise`` would.

    Args:
        columns: token columns (those no UK kind's plan or composite makes are left out).
        population: the population (default: :func:`public_population`).
        settings: the token settings the file was made with (default: the defaults; names
            keyed with the year of birth).

    Returns:
        A frame with one column per token column it could derive (the canonical or derived
        value, before keying), and each column's key purpose.
    """
    people = public_population() if population is None else population
    settings = TokenSettings() if settings is None else settings
    plain: dict[str, pl.Series] = {}
    purposes: dict[str, str] = {}
    canonical = {
        spec.name: normalise(spec.kind, people.get_column(spec.name)).values  # type: ignore[arg-type]
        for spec in _specs()
    }
    years = birth_years(canonical[str(Identifier.DATE_OF_BIRTH)])
    for spec in _specs():
        for column, purpose, derive in token_plan(spec, settings):
            plain[column] = derive(canonical[spec.name]).alias(column)
            if purpose.endswith(BIRTH_YEAR):  # a name keyed with the year of birth
                plain[column] = joined_with(plain[column], years)
            purposes[column] = purpose
    composites = composite_plan(plain, set(columns))
    purposes |= {c.column: c.purpose for c in composites}
    plain |= composite_values(composites, plain)
    kept = [c for c in columns if c in plain]
    return pl.DataFrame([plain[c] for c in kept]), {c: purposes[c] for c in kept}


def _ranked(values: pl.Series) -> pl.DataFrame:
    """Values by count, commonest first (ties by value, so the ranking is deterministic)."""
    name = values.name
    counted = values.drop_nulls().value_counts()
    return counted.sort(["count", name], descending=[True, False])


def _truth(
    tokens: pl.Series, values: pl.Series, purpose: str, keys: Keyring | ProviderKey, length: int
) -> dict[str, str]:
    """Token -> the public value it encodes (the key's view: only the TTP can compute it)."""
    distinct = values.drop_nulls().unique().sort()
    encoded = pl.Series(keys.subkey(purpose).tokens(distinct.to_arrow(), length=length))
    return dict(zip(encoded.to_list(), distinct.to_list(), strict=True))


def _frequency_guess(tokens: pl.Series, values: pl.Series) -> dict[str, str]:
    observed, public = _ranked(tokens), _ranked(values)
    n = min(observed.height, public.height)
    return dict(
        zip(
            observed.to_series(0).head(n).to_list(),
            public.to_series(0).head(n).to_list(),
            strict=True,
        )
    )


def _recovered(
    guess: Mapping[str, str], truth: Mapping[str, str], counts: Mapping[str, int], total: int
) -> float:
    right = sum(counts[t] for t, v in guess.items() if truth.get(t) == v)
    return round(right / total, 4) if total else 0.0


def _profile(
    frame: pl.DataFrame, column: str, nodes: list[str], anchors: Mapping[str, list[str]]
) -> np.ndarray:
    """Per node: log frequency, then the share of its records on each anchor of each column."""
    counts = frame.get_column(column).value_counts()
    size = dict(
        zip(counts.to_series(0).to_list(), counts.get_column("count").to_list(), strict=True)
    )
    total = max(frame.get_column(column).drop_nulls().len(), 1)
    row = {node: i for i, node in enumerate(nodes)}
    blocks = [np.log([size[n] / total for n in nodes])[:, None]]
    for other, points in anchors.items():
        block = np.zeros((len(nodes), len(points)))
        col = {p: j for j, p in enumerate(points)}
        pairs = (
            frame.select(column, other)
            .filter(pl.col(column).is_in(nodes) & pl.col(other).is_in(points))
            .group_by(column, other)
            .len()
        )
        for node, point, n in pairs.iter_rows():
            block[row[node], col[point]] = n / size[node]
        blocks.append(block)
    return np.hstack(blocks)


def _graph_guess(
    tokens: pl.DataFrame, public: pl.DataFrame, column: str, anchors: Mapping[str, list[str]],
    aligned: Mapping[str, Mapping[str, str]],
) -> dict[str, str]:  # fmt: skip
    """Match the column's commonest token nodes to value nodes by their descriptions."""
    others = {c: pts for c, pts in anchors.items() if c != column}
    token_nodes = _ranked(tokens.get_column(column)).to_series(0).head(GRAPH_TOKENS).to_list()
    value_nodes = _ranked(public.get_column(column)).to_series(0).head(GRAPH_VALUES).to_list()
    if not token_nodes or not value_nodes:
        return {}
    # The anchors are tokens on one side and their frequency-aligned values on the other.
    mapped = {c: [aligned[c][p] for p in pts] for c, pts in others.items()}
    left = _profile(tokens, column, token_nodes, others)
    right = _profile(public, column, value_nodes, mapped)
    cost = np.abs(left[:, None, :] - right[None, :, :]).sum(axis=2)
    order = np.argsort(cost, axis=None, kind="stable")
    guess: dict[str, str] = {}
    taken: set[int] = set()
    for flat in order:
        i, j = divmod(int(flat), len(value_nodes))
        if token_nodes[i] in guess or j in taken:
            continue
        guess[token_nodes[i]] = value_nodes[j]
        taken.add(j)
        if len(guess) == len(token_nodes):
            break
    return guess


def attack_columns(
    tokens: pl.DataFrame,
    keys: Keyring | ProviderKey | None,
    *,
    population: pl.DataFrame | None = None,
    token_length: int = 16,
    settings: TokenSettings | None = None,
) -> tuple[ColumnAttack, ...]:
    """Run both attacks on every token column with a public distribution.

    Args:
        tokens: the tokens file's records.
        keys: the project keyring (or the link key); with it, each attack is scored.
        population: the public-like population (default: :func:`public_population`).
        token_length: bytes per token of the file (its metadata's ``token_length``).
        settings: the token settings the file was made with (default: the defaults); the
            attacker's values are derived (names keyed with the year of birth or not) alike.

    Returns:
        One result per token column the public population can derive, in the file's order.
    """
    candidates = [c for c in tokens.columns if c != RECORD_ID]
    public, purposes = public_values(candidates, population, settings)
    columns = [c for c in candidates if c in purposes]
    # Without the key no guess can be scored: the attacks are not run.
    scored = columns if keys is not None else []
    aligned = {c: _frequency_guess(tokens.get_column(c), public.get_column(c)) for c in scored}
    by_cardinality = sorted(scored, key=lambda c: (tokens.get_column(c).n_unique(), c))
    anchors = {
        c: _ranked(tokens.get_column(c)).to_series(0).head(ANCHORS_PER_COLUMN).to_list()
        for c in by_cardinality[:ANCHOR_COLUMNS]
    }
    anchors = {c: [p for p in pts if p in aligned[c]] for c, pts in anchors.items()}
    results = []
    for column in columns:
        observed = tokens.get_column(column)
        counted = _ranked(observed)
        counts = dict(
            zip(counted.to_series(0).to_list(), counted.get_column("count").to_list(), strict=True)
        )
        total = observed.drop_nulls().len()
        frequency = graph = None
        if keys is not None:
            truth = _truth(
                observed, public.get_column(column), purposes[column], keys, token_length
            )
            frequency = _recovered(aligned[column], truth, counts, total)
            guess = _graph_guess(tokens, public, column, anchors, aligned)
            graph = _recovered(guess, truth, counts, total)
        results.append(
            ColumnAttack(
                column=column,
                distinct=len(counts),
                public_values=public.get_column(column).drop_nulls().n_unique(),
                frequency_recovered=frequency,
                graph_recovered=graph,
            )
        )
    return tuple(results)
