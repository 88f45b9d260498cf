"""Return files: one data owner's own records, with flags computed at the TTP over the linkage.

A council finds the children entitled to free school meals but not claiming; a hospital learns
which of its patients are known to adult social care. The TTP computes each flag
(:mod:`safelink.owners.flags`) over the links and every source's content, and the owner gets
one row per record of its own: its record key, the columns of its own it asked for, and one
``true``/``false`` per agreed flag. Nothing of another source leaves: no value, no token, no
record or person id.

Example::

    result = return_file(config, "hospital", "out/hospital.return.csv",
                         links="linked/links.parquet", content=["pseudonymised"],
                         record_key="hospital_ref",
                         flags=["known_to_social_care=linked(social_care)"])
    result.summary["flags"]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import JobConfig
from safelink.errors import ConfigError
from safelink.owners.agreement import agreement_for
from safelink.owners.flags import (
    FlagRule,
    Linked,
    check_flags,
    columns_read,
    condition,
    parse_flags,
    walk,
)
from safelink.owners.records import (
    DEFAULT_THRESHOLD,
    ReturnAgreement,
    audited_return,
    check_request,
    content_columns,
    content_files,
    owner_records,
    read_links,
    suppress_counts,
    write_return,
)
from safelink.pseudonymise import RECORD_ID

__all__ = ["ReturnPlan", "ReturnResult", "return_file"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReturnPlan:
    """What a return will send (a :class:`~safelink.owners.records.ReturnRequest`).

    Attributes:
        command: ``return`` or ``discrepancies``.
        source: the owner's source.
        columns: the owner's own columns that leave, its record key first.
        flags: each flag's name and expression (each kind of disagreement and its meaning).
    """

    command: str
    source: str
    columns: tuple[str, ...]
    flags: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReturnResult:
    """What :func:`return_file` wrote.

    Attributes:
        path: the return file.
        sha256: its SHA-256.
        columns: its columns, in order.
        summary: records and each flag's yes/no counts, small counts suppressed.
    """

    path: Path
    sha256: str
    columns: tuple[str, ...]
    summary: Mapping[str, Any]


def _linked_flags(
    frame: pl.DataFrame,
    rules: Sequence[FlagRule],
    source: str,
    links: pl.DataFrame,
    files: Mapping[str, Path],
) -> tuple[pl.DataFrame, dict[Linked, str]]:
    """``frame`` with one boolean column per distinct ``linked(...)`` of the flags."""
    nodes = list(dict.fromkeys(n for r in rules for n in walk(r.node) if isinstance(n, Linked)))
    names: dict[Linked, str] = {}
    for number, node in enumerate(nodes):
        name = f"__linked_{number}"
        wanted = columns_read(node.where) if node.where is not None else []
        partners = owner_records(links, node.source, files[node.source], wanted)
        if node.where is not None:
            partners = partners.filter(condition(node.where, lambda _: pl.lit(False)))
        pairs = frame.select(RECORD_ID, "person_id").join(
            partners.select(pl.col(RECORD_ID).alias("partner"), "person_id"), on="person_id"
        )
        if node.source == source:
            pairs = pairs.filter(pl.col("partner") != pl.col(RECORD_ID))
        hit = pairs[RECORD_ID].unique().implode()
        frame = frame.with_columns(pl.col(RECORD_ID).is_in(hit).alias(name))
        names[node] = name
    return frame, names


def return_file(
    config: JobConfig,
    source: str,
    out: Path | str,
    *,
    links: Path | str,
    content: Sequence[Path | str] | Mapping[str, Path | str],
    record_key: str,
    flags: Sequence[str | FlagRule] = (),
    columns: Sequence[str] = (),
    threshold: int = DEFAULT_THRESHOLD,
    audit_log: Path | str | None = None,
    agreement: ReturnAgreement | None = None,
) -> ReturnResult:
    """Write one data owner's return file: its record keys, own columns and agreed flags.

    Args:
        config: the job config (its sources; its audit log unless ``audit_log`` is given).
        source: the owner's source.
        out: the return file (``.csv``, spreadsheet-safe, or ``.parquet``), written atomically.
        links: ``links.parquet`` from ``safelink link``.
        content: content files, folders of them, or source -> file; the owner's and those of
            every source a flag reads.
        record_key: the owner's own record key (a content column of its source).
        flags: ``NAME=EXPRESSION`` flags (:mod:`safelink.owners.flags`).
        columns: more of the owner's own content columns to return.
        threshold: counts below it are suppressed in the summary (default 10).
        audit_log: the audit log (default: the job's; one is required).
        agreement: the data sharing agreement's check (:class:`ReturnAgreement`); default:
            the job's governance agreement (:func:`~safelink.owners.agreement.agreement_for`).

    Returns:
        A :class:`ReturnResult`.

    Raises:
        ConfigError: an unknown source, column or flag, a malformed flag, a bad threshold or
            output name, or no audit log.
        InputError: an input file is missing or unreadable.
        LinkageError: the content and links files come from different runs.
        OutputError: the return file or the audit log cannot be written.
        VerificationError: the audit log's chain is broken.
    """
    out, threshold, log = check_request(config, source, out, threshold, audit_log)
    rules = parse_flags(flags)
    files = content_files(content)
    needed = [source, *(s for r in rules for s in r.sources())]
    missing = [s for s in dict.fromkeys(needed) if s not in files]
    if missing:
        raise ConfigError(
            [f"no content file for source(s) {missing}; add them to --content"], "arguments"
        )
    available = content_columns({s: files[s] for s in dict.fromkeys(needed)})
    own = available[source]
    kept = tuple(dict.fromkeys([record_key, *columns]))
    unknown = [c for c in kept if c not in own]
    if unknown:
        raise ConfigError(
            [f"{unknown} not content column(s) of source {source!r} (its content columns: "
             f"{list(own)}); the record key and --column name the owner's own columns"],
            "arguments",
        )  # fmt: skip
    check_flags(rules, source, available, reserved=kept)
    if agreement is None:  # where the job has governance, its agreement covers the return
        agreement = agreement_for(config)
    plan = ReturnPlan(
        command="return", source=source, columns=kept, flags={r.name: r.expression for r in rules}
    )
    arguments = {
        "source": source,
        "columns": list(kept),
        "flags": {r.name: r.record() for r in rules},
        "threshold": threshold,
        "output": str(out),
        "agreement": agreement.name if agreement is not None else None,
    }
    inputs = [Path(links), *(files[s] for s in dict.fromkeys(needed))]
    with audited_return(log, "return", arguments, inputs) as outputs:
        if agreement is not None:
            agreement.check(plan)
        linked = read_links(links)
        read = [*kept, *(c for r in rules for c in columns_read(r.node))]
        frame = owner_records(linked, source, files[source], list(dict.fromkeys(read)))
        frame, names = _linked_flags(frame, rules, source, linked, files)
        flagged = frame.select(
            *kept, *(condition(r.node, lambda n: pl.col(names[n])).alias(r.name) for r in rules)
        )
        digest = write_return(flagged, out)
        outputs[out.name] = digest
    counts = {
        r.name: suppress_counts(
            {"yes": int(flagged[r.name].sum()), "no": int((~flagged[r.name]).sum())}, threshold
        )
        for r in rules
    }
    summary = {
        "source": source,
        "records": suppress_counts({"records": flagged.height}, threshold)["records"],
        "columns": list(flagged.columns),
        "flags": counts,
        "threshold": threshold,
    }
    return ReturnResult(path=out, sha256=digest, columns=tuple(flagged.columns), summary=summary)
