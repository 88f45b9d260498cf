"""Discrepancy reports: each owner's records whose linked partners disagree on an identifier.

Registers are corrected at source only if their owners hear of the disagreement. The TTP
compares tokens (never values) over every source and the links, and tells each owner which of
its own records, by its own record key, take part in a disagreement and of which kind:

* ``nhs_number_with_two_dates_of_birth``: records with one NHS-number token carry two or more
  date-of-birth tokens (in any source, linked or not);
* ``person_with_two_nhs_numbers``: the records of one person (``person_id`` in the links)
  carry two or more NHS-number tokens;
* ``sex_mismatch``: records of one person with one date-of-birth token carry two or more
  ``date_of_birth_sex`` tokens (sex keyed with the date of birth: a job's tokens carry no sex
  column, whose two codes would give every record's sex away to the linkage unit). Sex is
  compared only between a person's records whose dates of birth agree; the summary counts the
  pairs of linked records that could not be compared (``sex_pairs``). The "not known" and
  "indeterminate" codes are no sex in a composite (never a disagreement). Where every tokens
  file carries the standalone ``sex`` token (``tokens.enumerable_tokens: [sex]``, or files
  made before), the sex tokens of a person's records are compared instead, and with the
  project keyring the "not known" and "indeterminate" codes are not taken as a disagreement.

A record without the identifier takes no part. The report holds the owner's record key and the
kind, one row per record and kind: never another source's value, token, record or person id.

Example::

    report = discrepancy_report(config, "hospital", "out/hospital.discrepancies.csv",
                                links="linked/links.parquet", tokens=[...],
                                content=["pseudonymised"], record_key="hospital_ref")
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from safelink.config import JobConfig
from safelink.errors import ConfigError, InputError, LinkageError
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.keys import Keyring
from safelink.owners.agreement import agreement_for
from safelink.owners.records import (
    DEFAULT_THRESHOLD,
    ReturnAgreement,
    audited_return,
    check_request,
    content_columns,
    content_files,
    identifier_tokens,
    owner_records,
    read_links,
    suppress_counts,
    write_return,
)
from safelink.owners.returns import ReturnPlan
from safelink.pseudonymise import RECORD_ID, read_tokens_metadata
from safelink.pseudonymise.plan import OWNERS_REPORT_COLUMNS

__all__ = [
    "KINDS",
    "SEX_COMPOSITE",
    "DiscrepancyReport",
    "discrepancy_report",
    "find_discrepancies",
    "sex_pairs",
]

KINDS: Mapping[str, str] = {
    "nhs_number_with_two_dates_of_birth": "the NHS number is seen with another date of birth",
    "person_with_two_nhs_numbers": "a record linked to this one has another NHS number",
    "sex_mismatch": "a record linked to this one, with the same date of birth, has another sex",
}
"""Each kind of disagreement and what it tells the owner."""
_COMPARED = (Identifier.NHS_NUMBER, Identifier.DATE_OF_BIRTH, Identifier.SEX)
SEX_COMPOSITE = "date_of_birth_sex"
"""The token the report compares sex by (:mod:`safelink.normalise.composite`)."""
assert SEX_COMPOSITE in OWNERS_REPORT_COLUMNS
_UNKNOWN_SEX = ("X", "9")  # the data dictionary's "not known" and "indeterminate"


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscrepancyReport:
    """What :func:`discrepancy_report` wrote.

    Attributes:
        path: the report file.
        sha256: its SHA-256.
        summary: records with each kind, and the pairs of linked records (one of them the
            owner's) whose sex was compared or could not be (``sex_pairs``: the dates of
            birth differ, or a sex or date of birth is missing), small counts suppressed;
            ``sex_compared_by`` names the token column read.
    """

    path: Path
    sha256: str
    summary: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class _Tokens:
    """One source's compared tokens and what its file says of them."""

    frame: pl.DataFrame
    key_id: str
    length: int
    has_sex: bool


def _token_frame(source: str, path: Path, config: JobConfig, compact: bool) -> _Tokens:
    """``source``, ``record_id`` and the compared token columns (null when absent).

    Each token column is read alone and made comparable at once (:func:`_comparable`), so
    no more than one column is ever held as stored.
    """
    spec = config.sources.get(source)
    if spec is None:
        raise ConfigError(
            [f"tokens of unknown source {source!r}; the job has {list(config.sources)}"]
        )
    metadata = read_tokens_metadata(path)
    present = set(pq.read_schema(path).names)  # a readable tokens file: checked above
    stored = {
        c.kind.value: c.token_column
        for c in spec.identifiers
        if c.kind in _COMPARED and c.token_column in present
    }
    if SEX_COMPOSITE in present:
        stored[SEX_COMPOSITE] = SEX_COMPOSITE
    ids = io.read_frame(path, columns=[RECORD_ID])
    frame = ids.select(pl.lit(source).alias("source"), pl.col(RECORD_ID).cast(pl.String))
    absent = pl.lit(None, dtype=pl.UInt128 if compact else pl.String)
    for name in _TOKEN_COLUMNS:
        column = _read_comparable(path, stored[name], compact) if name in stored else absent
        frame = frame.with_columns(column.alias(name))
    return _Tokens(
        frame=frame,
        key_id=metadata.get("key_id", ""),
        length=int(metadata.get("token_length", "16")),
        has_sex=Identifier.SEX.value in stored,
    )


_TOKEN_COLUMNS = (*(k.value for k in _COMPARED), SEX_COMPOSITE)
_CODE_BYTES = 16  # tokens of this length are compared as 128-bit numbers (exactly)


def _comparable(column: pl.Expr, dtype: pl.DataType, compact: bool) -> pl.Expr:
    """A token column as every source's tokens are compared: equal exactly when their hex is.

    Compact (every source's tokens 16 bytes, the default length): a 128-bit unsigned number
    of the token's bytes, 16 bytes a value against 32 characters and a 16-byte view as hex
    text (15M linked records' four tokens held gigabytes as text). Otherwise lowercase hex.
    """
    if not compact:
        return column.bin.encode("hex") if dtype == pl.Binary else column
    raw = column.str.decode("hex", strict=False) if dtype == pl.String else column
    return raw.bin.reinterpret(dtype=pl.UInt128)


def _read_comparable(path: Path, column: str, compact: bool) -> pl.Series:
    """One token column of a tokens file, made comparable (:func:`_comparable`).

    Raises:
        InputError: a token is not of the length its file records (or not hex).
    """
    stored = io.read_frame(path, columns=[column]).to_series()
    coded = stored.to_frame().select(_comparable(pl.col(column), stored.dtype, compact))
    if coded.to_series().null_count() != stored.null_count():  # a token of another length
        raise InputError(
            f"{path}: column {column!r} holds tokens that are not {_CODE_BYTES}-byte tokens, "
            "as its file says they are; the file is damaged: pseudonymise the extract again."
        )
    return coded.to_series()


def _sex_groups(sex_column: str) -> list[str]:
    """The columns whose records' sex tokens are comparable: one person (and one birth date)."""
    if sex_column == SEX_COMPOSITE:
        return ["person_id", "date_of_birth"]
    if sex_column == "sex":
        return ["person_id"]
    raise ValueError(f"sex_column must be 'sex' or {SEX_COMPOSITE!r}, not {sex_column!r}")


def find_discrepancies(
    records: pl.DataFrame,
    ignored_sex: Sequence[str] | pl.Series = (),
    *,
    sex_column: str = SEX_COMPOSITE,
) -> pl.DataFrame:
    """Every record taking part in a disagreement, and its kind.

    Args:
        records: ``source``, ``record_id``, ``person_id`` and the tokens ``nhs_number``,
            ``date_of_birth`` and ``sex_column``, one row per record of every source.
        ignored_sex: sex tokens that never disagree (the "not known" codes; ``sex`` only).
        sex_column: ``date_of_birth_sex`` (sex keyed with the date of birth: records of one
            person with one date-of-birth token and two of these differ in sex) or ``sex``
            (the standalone tokens, compared over all of a person's records).

    Returns:
        ``source``, ``record_id``, ``kind``: one row per record and kind, sorted.
    """
    groups = _sex_groups(sex_column)
    sex = pl.col(sex_column)
    frame = records
    if len(ignored_sex):
        ignored = pl.Series(ignored_sex).implode()
        frame = records.with_columns(
            pl.when(sex.is_in(ignored)).then(None).otherwise(sex).alias(sex_column)
        )
    parts = [
        _disagreeing(frame, ["nhs_number"], "date_of_birth", "nhs_number_with_two_dates_of_birth"),
        _disagreeing(frame, ["person_id"], "nhs_number", "person_with_two_nhs_numbers"),
        _disagreeing(frame, groups, sex_column, "sex_mismatch"),
    ]
    return pl.concat(parts).sort("source", RECORD_ID, "kind")


def _disagreeing(frame: pl.DataFrame, group: list[str], value: str, kind: str) -> pl.DataFrame:
    """Records with ``value`` whose ``group`` holds two or more distinct ``value``.

    Two or more distinct values is a smallest and a largest that differ: two numbers a group
    (where a distinct count holds a set of values), read lazily from only the columns used.
    """
    columns = list(dict.fromkeys(["source", RECORD_ID, *group, value]))
    present = (
        frame.lazy()
        .select(columns)
        .filter(pl.all_horizontal(pl.col([*group, value]).is_not_null()))
    )
    split = (
        present.group_by(group)
        .agg((pl.col(value).min() != pl.col(value).max()).alias("split"))
        .filter(pl.col("split"))
        .select(group)
    )
    return (
        present.join(split, on=group, how="semi")
        .select("source", RECORD_ID, pl.lit(kind).alias("kind"))
        .collect()
    )


def sex_pairs(
    records: pl.DataFrame, source: str, *, sex_column: str = SEX_COMPOSITE
) -> dict[str, int]:
    """Pairs of linked records, one of them ``source``'s, whose sex was compared or not.

    A pair is compared when both records carry ``sex_column`` (and, for the composite, the
    same date-of-birth token); otherwise its sex could not be compared (the dates of birth
    differ, or one lacks a sex or a date of birth).

    Args:
        records: as :func:`find_discrepancies` reads them (``ignored_sex`` already null).
        source: the owner's source.
        sex_column: as :func:`find_discrepancies`.

    Returns:
        ``{"compared": ..., "not_compared": ...}``.
    """
    groups = _sex_groups(sex_column)
    linked = (
        records.lazy()
        .select(list(dict.fromkeys(["source", *groups, sex_column])))
        .filter(pl.col("person_id").is_not_null())
    )
    own = (pl.col("source") == source).cast(pl.Int64)

    def pairs(frame: pl.LazyFrame, group: list[str]) -> int:
        sizes = frame.group_by(group).agg(pl.len().alias("n"), own.sum().alias("o"))
        n, rest = pl.col("n"), pl.col("n") - pl.col("o")
        pairs = (n * (n - 1) - rest * (rest - 1)) // 2
        return int(sizes.select(pairs.sum()).collect().item() or 0)

    every = pairs(linked, ["person_id"])
    comparable = linked.filter(pl.all_horizontal(pl.col(_sex_groups(sex_column)).is_not_null()))
    compared = pairs(comparable.filter(pl.col(sex_column).is_not_null()), _sex_groups(sex_column))
    return {"compared": compared, "not_compared": every - compared}


def _coded_persons(linked: pl.DataFrame) -> pl.DataFrame:
    """The links with each person id as a number (its rank: the same groups, 4 bytes a row)."""
    return linked.with_columns(pl.col("person_id").rank("dense"))


def _records(
    by_source: Mapping[str, Path], linked: pl.DataFrame, owner: str, config: JobConfig
) -> tuple[pl.DataFrame, list[_Tokens], bool]:
    """Every source's records with their person: what :func:`find_discrepancies` reads.

    A source at a time, its tokens made comparable (:func:`_comparable`) and joined to its
    links; only the owner's records keep their record ids (the report names no other
    source's records), so the frame holds little but numbers. Also each source's token
    file facts (their frames emptied) and whether the tokens were compared as numbers.
    """
    lengths = {int(read_tokens_metadata(p).get("token_length", "16")) for p in by_source.values()}
    compact = lengths == {_CODE_BYTES}
    frames, loaded = [], []
    for name, path in sorted(by_source.items()):
        tokens = _token_frame(name, path, config, compact)
        persons = linked.filter(pl.col("source") == name).select(RECORD_ID, "person_id")
        frame = tokens.frame.join(persons, on=RECORD_ID, how="left")
        if name != owner:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(RECORD_ID))
        frames.append(frame)
        loaded.append(replace(tokens, frame=tokens.frame.clear()))
    return pl.concat(frames), loaded, compact


def _without_ignored(records: pl.DataFrame, ignored: pl.Series, sex_column: str) -> pl.DataFrame:
    """The records :func:`sex_pairs` reads, with the ignored sex tokens as no sex."""
    sex = pl.col(sex_column)
    columns = ["source", "person_id", *_sex_groups(sex_column)[1:], sex_column]
    frame = records.select(columns)
    if not ignored.len():
        return frame
    return frame.with_columns(pl.when(sex.is_in(ignored.implode())).then(None).otherwise(sex))


def _ignored_sex(keys: Keyring | None, key_ids: set[str], length: int) -> list[str]:
    if keys is None:
        return []
    link_key = keys.namespace_key("link").key_id
    if any(not hmac.compare_digest(k.encode(), link_key.encode()) for k in key_ids):
        raise LinkageError(
            "the tokens were made under another link key than this keyring's; give the "
            "project's keyring, or leave it out (then 'not known' sex codes count too)."
        )
    codes = pl.Series("sex", list(_UNKNOWN_SEX))
    return [str(t) for t in identifier_tokens(keys, Identifier.SEX, codes, length).to_list()]


def discrepancy_report(
    config: JobConfig,
    source: str,
    out: Path | str,
    *,
    links: Path | str,
    tokens: Sequence[Path | str],
    content: Sequence[Path | str] | Mapping[str, Path | str],
    record_key: str,
    keys: Keyring | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    audit_log: Path | str | None = None,
    agreement: ReturnAgreement | None = None,
) -> DiscrepancyReport:
    """Write one owner's discrepancy report: its record keys and the kind of disagreement.

    Args:
        config: the job config (its sources' token columns; its audit log by default).
        source: the owner's source.
        out: the report (``.csv``, spreadsheet-safe, or ``.parquet``), written atomically.
        links: ``links.parquet`` from ``safelink link``.
        tokens: every source's tokens file (``SOURCE.tokens.parquet``).
        content: the owner's content file (or files, or their folder), for its record key.
        record_key: the owner's own record key (a content column of its source).
        keys: the project keyring: "not known" sex codes then never disagree.
        threshold: counts below it are suppressed in the summary (default 10).
        audit_log: the audit log (default: the job's; one is required).
        agreement: the data sharing agreement's check (see
            :class:`~safelink.owners.records.ReturnAgreement`); default: the job's governance
            agreement (:func:`~safelink.owners.agreement.agreement_for`).

    Returns:
        A :class:`DiscrepancyReport`.

    Raises:
        ConfigError: an unknown source or column, a bad threshold or output, no audit log.
        InputError: an input is missing or unreadable, or a source's tokens are missing.
        LinkageError: the files come from different runs or keys.
        OutputError: the report or the audit log cannot be written.
    """
    out, threshold, log = check_request(config, source, out, threshold, audit_log)
    files = content_files(content)
    if source not in files:
        raise ConfigError([f"no content file for source {source!r}; add it to --content"])
    if record_key not in content_columns({source: files[source]})[source]:
        raise ConfigError(
            [f"{record_key!r} is not a content column of source {source!r}; --record-key "
             "names the owner's own record key"],
            "arguments",
        )  # fmt: skip
    by_source = {Path(p).name.split(".")[0]: Path(p) for p in tokens}
    if source not in by_source:
        raise InputError(f"no tokens file for source {source!r}; add {source}.tokens.parquet.")
    if agreement is None:  # where the job has governance, its agreement covers the return
        agreement = agreement_for(config)
    plan = ReturnPlan(command="discrepancies", source=source, columns=(record_key,), flags=KINDS)
    arguments = {
        "source": source,
        "columns": [record_key],
        "threshold": threshold,
        "output": str(out),
        "agreement": agreement.name if agreement is not None else None,
    }
    inputs = [Path(links), *by_source.values(), files[source]]
    key_ids = {"link": keys.namespace_key("link").key_id} if keys is not None else None
    with audited_return(log, "discrepancies", arguments, inputs, key_ids) as outputs:
        if agreement is not None:
            agreement.check(plan)
        linked = _coded_persons(read_links(links))
        records, loaded, compact = _records(by_source, linked, source, config)
        linked = linked.filter(pl.col("source") == source)  # only the owner's are read again
        # The standalone sex tokens where every file carries them; else sex keyed with the
        # date of birth (a default job's tokens have no sex column).
        sex_column = "sex" if all(t.has_sex for t in loaded) else SEX_COMPOSITE
        ignored = (
            _ignored_sex(keys, {t.key_id for t in loaded if t.key_id}, loaded[0].length)
            if sex_column == "sex"
            else []
        )
        codes = pl.Series("sex", ignored, dtype=pl.String)
        ignored_tokens = pl.select(_comparable(pl.lit(codes), pl.String(), compact)).to_series()
        found = find_discrepancies(records, ignored_tokens, sex_column=sex_column)
        found = found.filter(pl.col("source") == source)
        pairs = sex_pairs(
            _without_ignored(records, ignored_tokens, sex_column), source, sex_column=sex_column
        )
        del records
        own = owner_records(linked, source, files[source], [record_key])
        report = (
            found.join(own.select(RECORD_ID, record_key), on=RECORD_ID, how="inner")
            .select(record_key, "kind")
            .sort(record_key, "kind", nulls_last=True)
        )
        digest = write_return(report, out)
        outputs[out.name] = digest
    counts = report.group_by("kind").agg(pl.col(record_key).len().alias("n"))
    by_kind = dict(zip(counts["kind"], counts["n"], strict=True))
    summary = {
        "source": source,
        "kinds": {
            kind: suppress_counts({kind: int(by_kind.get(kind, 0))}, threshold)[kind]
            for kind in KINDS
        },
        "sex_compared_by": sex_column,
        "sex_pairs": suppress_counts(pairs, threshold),
        "threshold": threshold,
    }
    return DiscrepancyReport(path=out, sha256=digest, summary=summary)
