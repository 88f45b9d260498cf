"""A persistent person index: person ids that last from one delivery to the next.

A TTP links the same populations every month; researchers need the same person next month.
The index is one Parquet file holding, for every record linked so far, its source, its token
columns, its person id and the delivery it first came in; never content, never a value. Its
metadata holds the format, the link key id, the number of deliveries and the id history.

Linking a delivery against the index (:func:`link_with_index`) runs the one linkage flow with
the index's records as one more source, never linked within itself, each person's records
joined by the strongest links (so a person already known is never split); then:

* a new person whose records link to a known person keeps that person's id;
* a person holding records of several known persons (a delivery showed they are one) keeps the
  id first issued, and each other id is recorded in the history as merged into it;
* a person with no known record gets a new id (``psn_`` and 20 hex digits of the SHA-256 of the
  delivery number and the run's own id: the same inputs give the same ids).

The delivery's records not in the index yet (by source and tokens) are added. The history is a
list of ``{"old", "new", "why", "delivery", "date"}``. An index is refused, before any work,
when it is not a safelink index, is cut short, was written by a newer format, or was made
under another link key; it is only ever replaced whole (an atomic rename), after the links and
report are written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from safelink.engines.backend import Backend, PolarsBackend
from safelink.errors import InputError, LinkageError
from safelink.link import inputs
from safelink.link.config import LinkConfig
from safelink.link.flow import Known, LinkageResult, run_link
from safelink.link.quality import read_frame, truth_table
from safelink.pseudonymise import RECORD_ID

INDEX_FORMAT = "safelink-person-index/1"
"""The format this version writes and reads."""
INDEX_SOURCE = "person_index"
"""The index's source name in a linkage run (an extract may not use it)."""
_METADATA_KEY = b"safelink.person_index"
_FIXED = ("source", RECORD_ID, "person_id", "delivery")


@dataclass(frozen=True, slots=True)
class PersonIndex:
    """The persons known so far.

    Attributes:
        records: ``source``, ``record_id`` (the index's own), ``person_id``, ``delivery``
            (first seen) and token columns, one row per record.
        key_id: the link key id of its tokens (None while empty).
        deliveries: how many deliveries it holds.
        history: id changes, oldest first.
        names_keyed: how its name tokens were keyed (``with the year of birth`` or
            ``alone``; an index written before names could be keyed with the year holds them
            alone), None while it holds no name tokens.
    """

    records: pl.DataFrame
    key_id: str | None = None
    deliveries: int = 0
    history: tuple[Mapping[str, Any], ...] = field(default_factory=tuple)
    names_keyed: str | None = None

    @property
    def persons(self) -> int:
        """The number of persons."""
        return self.records["person_id"].n_unique() if self.records.height else 0


def empty_index() -> PersonIndex:
    """An index with no delivery yet."""
    return PersonIndex(
        records=pl.DataFrame(
            schema={
                "source": pl.String,
                RECORD_ID: pl.String,
                "person_id": pl.String,
                "delivery": pl.Int64,
            }
        )
    )


def read_index(path: Path | str) -> PersonIndex:
    """Read a person index written by :func:`write_index`.

    Raises:
        InputError: the file cannot be read, is cut short, is not a person index, or was
            written by a newer format (the message says which, never a value).
    """
    where = Path(path)
    try:
        parquet = pq.ParquetFile(where)
        raw = (parquet.schema_arrow.metadata or {}).get(_METADATA_KEY)
    except (OSError, ValueError) as exc:  # pyarrow raises ArrowInvalid (a ValueError)
        raise InputError(
            f"{where}: cannot read the person index (missing, cut short or not Parquet); "
            "restore it from the copy made at the last delivery, or start a new one by "
            "giving a path that does not exist."
        ) from exc
    if raw is None:
        raise InputError(f"{where}: not a safelink person index (no index metadata).")
    meta = json.loads(raw)
    if meta.get("format") != INDEX_FORMAT:
        raise InputError(
            f"{where}: written in format {meta.get('format')!r}; this safelink reads "
            f"{INDEX_FORMAT!r}. Use the safelink version that wrote it, or a newer one."
        )
    try:
        records = pl.read_parquet(where)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"{where}: cannot read the person index (cut short?).") from exc
    missing = [c for c in _FIXED if c not in records.columns]
    if missing:
        raise InputError(f"{where}: not a safelink person index (no column(s) {missing}).")
    return PersonIndex(
        records=records,
        key_id=meta.get("key_id"),
        deliveries=int(meta.get("deliveries", 0)),
        history=tuple(meta.get("history", ())),
        names_keyed=meta.get("names_keyed") or _names_keyed_before_the_option(records),
    )


def _names_keyed_before_the_option(records: pl.DataFrame) -> str | None:
    """How an index written before names could be keyed with the year holds them (alone)."""
    return inputs.NAMES_ALONE if {"forename", "surname"} & set(records.columns) else None


def write_index(index: PersonIndex, destination: Path | str) -> None:
    """Write ``index`` to ``destination`` (the caller makes it atomic)."""
    meta = {
        "format": INDEX_FORMAT,
        "key_id": index.key_id,
        "deliveries": index.deliveries,
        "persons": index.persons,
        "records": index.records.height,
        "history": list(index.history),
        "names_keyed": index.names_keyed,
    }
    table = index.records.to_arrow()
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _METADATA_KEY: json.dumps(meta, sort_keys=True)}
    )
    pq.write_table(table, destination)


def _delivery_records(
    tokens: Sequence[Any], sources: Sequence[str] | None
) -> tuple[pl.DataFrame, set[str], set[str]]:
    """The delivery's tokens as one frame, the link key ids and how its names were keyed.

    The frame has ``source``, ``record_id`` and the token columns every input has.
    """
    backend = PolarsBackend()
    loaded = inputs.load_inputs(backend, tokens, sources)
    frames = [
        backend.collect(item.table).with_columns(pl.lit(item.source).alias("source"))
        for item in loaded
    ]
    shared = set.intersection(*(set(f.columns) for f in frames)) if frames else set()
    columns = ["source", RECORD_ID, *sorted(shared - {"source", RECORD_ID})]
    records = pl.concat([f.select(columns).cast(pl.String) for f in frames])
    keyed = {item.names_keyed for item in loaded if item.names_keyed}
    return records, {item.key_id for item in loaded if item.key_id}, keyed


def _new_id(delivery: int, run_id: str) -> str:
    if delivery == 1:
        return run_id  # the first delivery's ids are those of a run without an index
    digest = hashlib.sha256(f"{delivery}\n{run_id}".encode()).hexdigest()
    return f"psn_{digest[:20]}"


def _assign(
    links: pl.DataFrame, index: PersonIndex, delivery: int, date: str
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Each run person id -> its lasting id, and the history entries of this delivery."""
    known = links.filter(pl.col("source") == INDEX_SOURCE).join(
        index.records.select(
            RECORD_ID, pl.col("person_id").alias("old"), pl.col("delivery").alias("since")
        ),
        on=RECORD_ID,
    )
    counts = known.group_by("person_id", "old", "since").len()
    # Each known id goes to the run person holding most of its records (ties: smallest id).
    owner = counts.sort(["old", "len", "person_id"], descending=[False, True, False]).unique(
        "old", keep="first", maintain_order=True
    )
    history: list[dict[str, Any]] = []
    lasting: dict[str, str] = {}
    for run_id, group in owner.sort("since", "old").group_by("person_id", maintain_order=True):
        olds = group["old"].to_list()
        kept = olds[0]
        lasting[str(run_id[0])] = kept
        history += [_entry(old, kept, "merged", delivery, date) for old in olds[1:]]
    for run_id in links["person_id"].unique(maintain_order=True).to_list():
        if run_id in lasting:
            continue
        lasting[run_id] = _new_id(delivery, run_id)
        split = counts.filter(pl.col("person_id") == run_id)["old"].unique().sort().to_list()
        history += [_entry(old, lasting[run_id], "split", delivery, date) for old in split]
    return lasting, history


def _entry(old: str, new: str, why: str, delivery: int, date: str) -> dict[str, Any]:
    return {"old": old, "new": new, "why": why, "delivery": delivery, "date": date}


def link_with_index(
    backend: Backend,
    tokens: Sequence[Any],
    settings: LinkConfig,
    index: PersonIndex,
    *,
    truth: Any = None,
    content: Mapping[str, Any] | None = None,
    sources: Sequence[str] | None = None,
    today: dt.date | None = None,
) -> tuple[LinkageResult, PersonIndex]:
    """Link a delivery against ``index``: known persons keep their ids.

    Args:
        backend: the engine to run on.
        tokens: the delivery's tokens (as for :func:`safelink.link.link`).
        settings: the link settings.
        index: the persons known so far (:func:`read_index`, or :func:`empty_index`).
        truth: optional ground truth of the delivery's records (measured P/R/F1 over them).
        content: optional content by source (bias table).
        sources: source names for plain frames.
        today: the date the history records (default: today).

    Returns:
        The delivery's links (lasting person ids; the index's own rows left out) and report
        (with an ``index`` section), and the updated index.

    Raises:
        LinkageError: the index was made under another key, or the inputs cannot be linked.
    """
    delivery = index.deliveries + 1
    date = (today or dt.date.today()).isoformat()
    records, key_ids, keyed = _delivery_records(tokens, sources)
    if INDEX_SOURCE in records["source"].unique().to_list():
        raise LinkageError(
            f"{INDEX_SOURCE!r} is the person index's source name; give the extract another."
        )
    index_key = index.key_id
    if index_key and any(not hmac.compare_digest(k.encode(), index_key.encode()) for k in key_ids):
        raise LinkageError(
            f"the person index was made under link key {index_key}, these tokens under "
            f"{sorted(key_ids)}: tokens under different keys never match. Use "
            "the index of this project and key, or move the index to the new key first (see "
            "SECURITY.md, 'Rotating the link key under a person index')."
        )
    if index.names_keyed and keyed - {index.names_keyed}:
        raise LinkageError(
            f"the person index holds name tokens keyed {index.names_keyed}, this delivery's "
            f"are keyed {', '.join(sorted(keyed))}: they would never match. Pseudonymise the "
            "delivery with tokens.names_with_birth_year set as the index was made "
            f"({str(index.names_keyed == inputs.NAMES_WITH_BIRTH_YEAR).lower()}), or start a new "
            "index."
        )
    known = None
    if index.records.height:
        known = Known(
            source=INDEX_SOURCE,
            tokens=index.records.drop("source", "delivery"),
            key_id=index.key_id,
        )
    result = run_link(
        backend, tokens, settings, truth=None, content=content, sources=sources, known=known
    )
    lasting, history = _assign(result.links, index, delivery, date)
    links = result.links.filter(pl.col("source") != INDEX_SOURCE).with_columns(
        pl.col("person_id").replace_strict(lasting)
    )
    kept_ids = set(index.records["person_id"].unique().to_list())
    new_ids = set(links["person_id"].unique().to_list())
    fresh = _fresh_records(records, index, links, delivery)
    renamed = index.records.with_columns(
        pl.col("person_id").replace({h["old"]: h["new"] for h in history if h["why"] == "merged"})
    )
    updated = PersonIndex(
        records=pl.concat([renamed, fresh], how="diagonal_relaxed"),
        key_id=index.key_id or next(iter(sorted(key_ids)), None),
        deliveries=delivery,
        history=(*index.history, *history),
        names_keyed=index.names_keyed or next(iter(sorted(keyed)), None),
    )
    summary = {
        "delivery": delivery,
        "persons_in_delivery": len(new_ids),
        "persons_kept": len(new_ids & kept_ids),
        "persons_new": len(new_ids - kept_ids),
        "merged": sum(1 for h in history if h["why"] == "merged"),
        "split": sum(1 for h in history if h["why"] == "split"),
        "records_added": fresh.height,
        "index_records": updated.records.height,
        "index_persons": updated.persons,
    }
    measured = None
    if truth is not None:
        measured = truth_table(
            links.select("source", RECORD_ID, "person_id"),
            read_frame(truth),
            pl.DataFrame(schema={"node_l": pl.Int64, "node_r": pl.Int64, "step": pl.String}),
            pl.DataFrame(schema={"node": pl.Int64, "source": pl.String, RECORD_ID: pl.String}),
        )
    report = dataclasses.replace(result.report, truth=measured, index=summary)
    return LinkageResult(links=links, report=report), updated


def _fresh_records(
    records: pl.DataFrame, index: PersonIndex, links: pl.DataFrame, delivery: int
) -> pl.DataFrame:
    """The delivery's records not in the index yet (by source and tokens), as index rows."""
    tokens = [c for c in records.columns if c not in ("source", RECORD_ID)]
    fresh = records
    if index.records.height:
        on = ["source", *(c for c in tokens if c in index.records.columns)]
        fresh = records.join(index.records.select(on), on=on, how="anti", nulls_equal=True)
    fresh = fresh.unique(["source", *tokens], keep="first", maintain_order=True)
    return (
        fresh.join(links.select("source", RECORD_ID, "person_id"), on=["source", RECORD_ID])
        .sort(["source", *tokens, RECORD_ID], nulls_last=True)
        .with_row_index("row")
        .with_columns(
            (pl.lit(f"d{delivery}-") + pl.col("row").cast(pl.String)).alias(RECORD_ID),
            pl.lit(delivery, dtype=pl.Int64).alias("delivery"),
        )
        .drop("row")
    )


__all__ = [
    "INDEX_FORMAT",
    "INDEX_SOURCE",
    "PersonIndex",
    "empty_index",
    "link_with_index",
    "read_index",
    "write_index",
]
