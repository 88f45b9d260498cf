"""Discrepancy reports: each owner's records whose linked partners disagree on an identifier.

Registers are corrected at source only if their owners hear of the disagreement. The TTP
compares tokens (never values) over every source and the links, and tells each owner which of
its own records, by its own record key, take part in a disagreement and of which kind:

* ``nhs_number_with_two_dates_of_birth``: records with one NHS-number token carry two or more
  date-of-birth tokens (in any source, linked or not);
* ``person_with_two_nhs_numbers``: the records of one person (``person_id`` in the links)
  carry two or more NHS-number tokens;
* ``sex_mismatch``: the records of one person carry two or more sex tokens. With the project
  keyring, the "not known" and "indeterminate" codes are not taken as a disagreement.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

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

__all__ = ["KINDS", "DiscrepancyReport", "discrepancy_report", "find_discrepancies"]

KINDS: Mapping[str, str] = {
    "nhs_number_with_two_dates_of_birth": "the NHS number is seen with another date of birth",
    "person_with_two_nhs_numbers": "a record linked to this one has another NHS number",
    "sex_mismatch": "a record linked to this one has another sex",
}
"""Each kind of disagreement and what it tells the owner."""
_COMPARED = (Identifier.NHS_NUMBER, Identifier.DATE_OF_BIRTH, Identifier.SEX)
_UNKNOWN_SEX = ("X", "9")  # the data dictionary's "not known" and "indeterminate"


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscrepancyReport:
    """What :func:`discrepancy_report` wrote.

    Attributes:
        path: the report file.
        sha256: its SHA-256.
        summary: records with each kind, small counts suppressed.
    """

    path: Path
    sha256: str
    summary: Mapping[str, Any]


def _token_frame(source: str, path: Path, config: JobConfig) -> tuple[pl.DataFrame, str, int]:
    """``source``, ``record_id`` and the compared token columns (null when absent)."""
    spec = config.sources.get(source)
    if spec is None:
        raise ConfigError(
            [f"tokens of unknown source {source!r}; the job has {list(config.sources)}"]
        )
    metadata = read_tokens_metadata(path)
    columns = {c.kind: c.token_column for c in spec.identifiers if c.kind in _COMPARED}
    frame = io.read_frame(path, columns=[RECORD_ID, *columns.values()])
    return (
        frame.select(
            pl.lit(source).alias("source"),
            pl.col(RECORD_ID).cast(pl.String),
            *(
                (pl.col(columns[k]) if k in columns else pl.lit(None, dtype=pl.String)).alias(k)
                for k in _COMPARED
            ),
        ),
        metadata.get("key_id", ""),
        int(metadata.get("token_length", "16")),
    )


def find_discrepancies(records: pl.DataFrame, ignored_sex: Sequence[str] = ()) -> pl.DataFrame:
    """Every record taking part in a disagreement, and its kind.

    Args:
        records: ``source``, ``record_id``, ``person_id`` and the tokens ``nhs_number``,
            ``date_of_birth`` and ``sex``, one row per record of every source.
        ignored_sex: sex tokens that never disagree (the "not known" codes).

    Returns:
        ``source``, ``record_id``, ``kind``: one row per record and kind, sorted.
    """
    sex = pl.when(pl.col("sex").is_in(list(ignored_sex))).then(None).otherwise(pl.col("sex"))
    frame = records.with_columns(sex.alias("sex"))
    parts = [
        _disagreeing(frame, "nhs_number", "date_of_birth", "nhs_number_with_two_dates_of_birth"),
        _disagreeing(frame, "person_id", "nhs_number", "person_with_two_nhs_numbers"),
        _disagreeing(frame, "person_id", "sex", "sex_mismatch"),
    ]
    return pl.concat(parts).sort("source", RECORD_ID, "kind")


def _disagreeing(frame: pl.DataFrame, group: str, value: str, kind: str) -> pl.DataFrame:
    """Records with ``value`` whose ``group`` holds two or more distinct ``value``."""
    present = frame.filter(pl.col(group).is_not_null() & pl.col(value).is_not_null())
    split = present.group_by(group).agg(pl.col(value).n_unique().alias("n")).filter(pl.col("n") > 1)
    return present.join(split.select(group), on=group).select(
        "source", RECORD_ID, pl.lit(kind).alias("kind")
    )


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
        linked = read_links(links)
        loaded = [_token_frame(s, p, config) for s, p in sorted(by_source.items())]
        records = pl.concat([frame for frame, _, _ in loaded]).join(
            linked, on=["source", RECORD_ID], how="left"
        )
        ignored = _ignored_sex(keys, {k for _, k, _ in loaded if k}, loaded[0][2])
        found = find_discrepancies(records, ignored).filter(pl.col("source") == source)
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
        "threshold": threshold,
    }
    return DiscrepancyReport(path=out, sha256=digest, summary=summary)
