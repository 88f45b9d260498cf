"""Released content joined to persons through the links file, less erased persons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import JobConfig
from safelink.errors import ConfigError, LinkageError
from safelink.governance.erasures import erased_persons, read_erasures
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.normalise import normalise, normalise_date
from safelink.pseudonymise import RECORD_ID
from safelink.release.households import HOUSEHOLD
from safelink.release.settings import ReleaseColumn, ReleaseSettings

SOURCE = "source"


_HOME_COLUMN = "__household_in"  # the joined household token, before it is re-keyed


def _harmonise(values: pl.Series, normaliser: str | None) -> tuple[pl.Series, int]:
    """Normalise a column's codes; return the values and how many could not be normalised."""
    if normaliser is None:
        return values, 0
    if normaliser == "sex":
        result = normalise(Identifier.SEX, values.cast(pl.String))
    else:  # event dates: full dates only, 1 January a real day
        result = normalise_date(values.cast(pl.String))
    rejected = int(result.values.is_null().sum()) - int(values.is_null().sum())
    return result.values.alias(values.name), max(rejected, 0)


def gather_content(
    links: pl.DataFrame,
    settings: ReleaseSettings,
    columns: Sequence[ReleaseColumn],
    sources: Sequence[str],
    households: Mapping[str, pl.DataFrame] | None = None,
) -> tuple[pl.DataFrame, dict[str, Any], list[dict[str, Any]]]:
    """Join each source's content to its person id; return data, input record, harmonisation.

    With ``households`` (source -> ``record_id``, ``household``), each record's household
    token is joined too, as the ``household`` column.
    """
    frames, inputs, harmonised = [], {}, []
    for source in sources:
        path = settings.content_path(source)
        if path is None:
            raise ConfigError(
                [f"release.content: no content file for source {source!r}"], "<release>"
            )
        wanted = [c for c in columns if source in c.sources]
        names = sorted({RECORD_ID, *(c.sources[source] for c in wanted)})
        content = io.read_frame(path, columns=names)
        inputs[f"content:{source}"] = {
            "file": path.name,
            "sha256": io.sha256_file(path),
            "rows": content.height,
        }
        ids = links.filter(pl.col("source") == source).select(RECORD_ID, "person_id")
        joined = content.join(ids, on=RECORD_ID, how="left")
        if households is not None:
            homes = households[source].rename({HOUSEHOLD: _HOME_COLUMN})
            joined = joined.join(homes, on=RECORD_ID, how="left")
        unmatched = int(joined["person_id"].null_count())
        if unmatched:
            raise LinkageError(
                f"{path}: {unmatched} record(s) have no row in the links file; the content and "
                "links files come from different runs. Link the same pseudonymised files."
            )
        selected: list[pl.Series] = [
            joined["person_id"],
            pl.Series(SOURCE, [source] * joined.height, dtype=pl.String),
        ]
        if households is not None:
            selected.append(joined[_HOME_COLUMN].cast(pl.String).alias(HOUSEHOLD))
        for column in wanted:
            values, rejected = _harmonise(
                joined[column.sources[source]].alias(column.name), column.normalise
            )
            if column.normalise:
                harmonised.append(
                    {
                        "action": "harmonise",
                        "column": column.name,
                        "source": source,
                        "normaliser": column.normalise,
                        "values_not_recognised": rejected,
                    }
                )
            selected.append(values)
        frames.append(pl.DataFrame(selected))
    data = pl.concat(frames, how="diagonal_relaxed")
    order = ["person_id", SOURCE, HOUSEHOLD, *(c.name for c in columns)]
    return data.select([c for c in order if c in data.columns]), inputs, harmonised


def exact_id_leaks(data: pl.DataFrame, links: pl.DataFrame) -> dict[str, int]:
    """Count released values equal to any record id or linkage person id (exact check).

    Each text column's distinct values (with their counts) are looked up in one set of the
    ids, built once: not a set of every id per column (at 15M records, 30M ids a column).
    """
    known = pl.concat([links[RECORD_ID].cast(pl.String), links["person_id"].cast(pl.String)])
    names = [name for name, dtype in data.schema.items() if dtype == pl.String]
    if not names:
        return {}
    values = pl.concat(
        data.select(pl.col(name).alias("value"))
        .group_by("value")
        .agg(pl.len().alias("rows"))
        .select(pl.lit(name).alias("column"), "value", "rows")
        for name in names
    )
    hits = (
        values.filter(pl.col("value").is_in(known.implode()))
        .group_by("column")
        .agg(pl.col("rows").sum())
    )
    found = dict(zip(hits["column"], hits["rows"], strict=True))
    return {name: int(found[name]) for name in names if found.get(name)}


def without_erased(
    joined: pl.DataFrame, links: pl.DataFrame, settings: ReleaseSettings, job: JobConfig
) -> pl.DataFrame:
    """``joined`` less every record of a person in the erasure register."""
    assert settings.erasures is not None
    register = read_erasures(settings.erasures)
    erased = erased_persons(register, links, tokens_paths(settings, list(job.sources)), job)
    return joined.filter(~pl.col("person_id").is_in(sorted(erased)))


def tokens_paths(settings: ReleaseSettings, sources: Sequence[str]) -> dict[str, Path]:
    """Each source's tokens file, ``SOURCE.tokens.parquet`` beside its content file."""
    tokens = {}
    for source in sources:
        content = settings.content_path(source)
        if content is not None:
            tokens[source] = content.with_name(f"{source}.tokens.parquet")
    return tokens
