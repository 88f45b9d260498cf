"""What every result sent back to a data owner is built from: its records, files and counts.

A data owner gets back only its own records, named by its own record key (the provider's local
id, kept as a content column when it pseudonymised), never a ``record_id`` or ``person_id`` of
the linkage unit. Counts in the summaries printed at the TTP are suppressed below a threshold,
with the complementary count suppressed too, so that no small number can be worked out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import polars as pl
import pyarrow.parquet as pq

from safelink.config import ColumnRole, ColumnSpec, JobConfig, TokenSettings
from safelink.errors import ConfigError, InputError, LinkageError
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.infra.audit import audited
from safelink.keys import Keyring
from safelink.link.inputs import CONTENT_SUFFIX
from safelink.link.inputs import content_files as link_content_files
from safelink.normalise import normalise
from safelink.pseudonymise import RECORD_ID
from safelink.pseudonymise.plan import token_plan

__all__ = [
    "DEFAULT_THRESHOLD",
    "ReturnAgreement",
    "ReturnRequest",
    "audit_log_of",
    "audited_return",
    "check_request",
    "content_columns",
    "content_files",
    "identifier_tokens",
    "owner_records",
    "read_links",
    "suppress_counts",
    "write_return",
]

DEFAULT_THRESHOLD = 10
"""Counts from 1 to this less one are shown as ``<10`` in summaries."""
_OUTPUT_SUFFIXES = (".csv", ".parquet")


class ReturnRequest(Protocol):
    """What is about to leave the TTP for a data owner (see :class:`ReturnAgreement`)."""

    @property
    def command(self) -> str:
        """``return`` or ``discrepancies``."""

    @property
    def source(self) -> str:
        """The owner's source."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The owner's own columns that leave (its record key first)."""

    @property
    def flags(self) -> Mapping[str, str]:
        """Each flag's name and expression (or each discrepancy kind and its meaning)."""


class ReturnAgreement(Protocol):
    """The extension point where a data sharing agreement covers a return.

    Governance (data sharing agreements) is not part of this module. A caller that has it
    passes an object with this method to :func:`~safelink.owners.returns.return_file` and
    :func:`~safelink.owners.discrepancies.discrepancy_report`: it is called before anything is
    read or written, and refuses a return the agreement does not cover by raising a
    :class:`~safelink.errors.SafelinkError` (the refusal is audited). Its ``name`` is recorded
    in the audit entry of every return it allowed.
    """

    @property
    def name(self) -> str:
        """The agreement's reference, for the audit log."""

    def check(self, request: ReturnRequest) -> None:
        """Raise unless the agreement covers ``request``."""


def content_files(paths: Sequence[Path | str] | Mapping[str, Path | str]) -> dict[str, Path]:
    """Each source's content file: from ``source -> file``, files, or folders of them.

    Args:
        paths: a mapping, or ``SOURCE.content.parquet`` files and folders holding them (the
            source is the name's first part, as ``safelink pseudonymise`` writes it).

    Returns:
        Source -> content file.

    Raises:
        InputError: a path is missing, a folder holds no content file, or a source is given
            twice.
    """
    if isinstance(paths, Mapping):
        return {str(source): Path(path) for source, path in paths.items()}
    return link_content_files(paths)


def content_columns(files: Mapping[str, Path]) -> dict[str, tuple[str, ...]]:
    """Each source's content columns (``record_id`` left out), read from the file's schema.

    Raises:
        InputError: a file is not a readable Parquet content file.
    """
    columns = {}
    for source, path in files.items():
        try:
            names = pq.read_schema(path).names
        except (OSError, ValueError) as exc:
            raise InputError(
                f"{path}: not a readable Parquet content file; give the "
                f"{source}{CONTENT_SUFFIX} that 'safelink pseudonymise' wrote."
            ) from exc
        if RECORD_ID not in names:
            raise InputError(f"{path}: not a safelink content file (no {RECORD_ID} column).")
        columns[source] = tuple(n for n in names if n != RECORD_ID)
    return columns


def read_links(path: Path | str, where: pl.Expr | None = None) -> pl.DataFrame:
    """The ``source``, ``record_id`` and ``person_id`` of every record in a links file.

    With ``where`` (an expression over those three columns), only the rows it keeps, read a
    batch at a time (:func:`safelink.infra.io.read_rows`: never the whole file).

    Raises:
        InputError: the file is missing or not a links file.
    """
    path = Path(path)
    io.complete_interrupted_commits(path.parent)
    columns = ["source", RECORD_ID, "person_id"]
    if where is None:
        return io.read_frame(path, columns=columns).cast(pl.String)
    return io.read_rows(path, columns=columns, where=where).cast(pl.String)


def owner_records(
    links: pl.DataFrame, source: str, content: Path, columns: Sequence[str]
) -> pl.DataFrame:
    """One source's records: ``record_id``, ``person_id`` and the named content columns.

    Args:
        links: the links (``source``, ``record_id``, ``person_id``).
        source: the source.
        content: its content file.
        columns: the content columns to read.

    Raises:
        LinkageError: a content record has no row in the links (files of different runs).
    """
    names = list(dict.fromkeys([RECORD_ID, *columns]))
    frame = io.read_frame(content, columns=names)
    ids = links.filter(pl.col("source") == source).select(RECORD_ID, "person_id")
    joined = frame.with_columns(pl.col(RECORD_ID).cast(pl.String)).join(
        ids, on=RECORD_ID, how="left"
    )
    unmatched = int(joined["person_id"].null_count())
    if unmatched:
        raise LinkageError(
            f"{content}: {unmatched} record(s) have no row in the links file; the content and "
            "links files come from different runs. Give the links of these pseudonymised files."
        )
    return joined


def suppress_counts(counts: Mapping[str, int], threshold: int) -> dict[str, int | str]:
    """Counts safe to print: ``1..threshold-1`` as ``<threshold``, their complement hidden.

    The counts of one mapping are parts of one total (yes and no of a flag). When exactly one
    part is small, a second part is suppressed as well (``suppressed``), so that no small
    count can be worked out from the total and the others.

    Args:
        counts: name -> count.
        threshold: the smallest count shown (1 shows every count).

    Returns:
        Name -> the count, ``<threshold`` or ``suppressed``.

    Example:
        >>> suppress_counts({"yes": 3, "no": 97}, 10)
        {'yes': '<10', 'no': 'suppressed'}
    """
    shown: dict[str, int | str] = {
        name: f"<{threshold}" if 0 < count < threshold else count for name, count in counts.items()
    }
    small = [name for name, value in shown.items() if isinstance(value, str)]
    if len(small) == 1:
        others = [n for n, v in shown.items() if isinstance(v, int) and v > 0]
        if others:
            shown[min(others, key=lambda n: counts[n])] = "suppressed"
    return shown


def _check_threshold(threshold: int) -> int:
    """Validate a suppression threshold (1 or more).

    Raises:
        ConfigError: it is below 1.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise ConfigError(
            ["the suppression threshold must be a whole number of 1 or more (default 10)"],
            "arguments",
        )
    return threshold


def _check_output(out: Path | str) -> Path:
    """Validate a return's output path: a ``.csv`` or ``.parquet`` file name.

    Raises:
        ConfigError: another suffix, or a folder.
    """
    path = Path(out)
    if path.suffix.lower() not in _OUTPUT_SUFFIXES or path.is_dir():
        raise ConfigError(
            [f"{path}: the output must be a file ending .csv or .parquet"], "arguments"
        )
    return path


def write_return(frame: pl.DataFrame, out: Path) -> str:
    """Write a return file atomically (CSV spreadsheet-safe) and return its SHA-256."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".csv":
        io.write_csv_safe(frame, out)
    else:
        io.write_parquet(frame, out, metadata={"safelink.kind": "return"})
    return io.sha256_file(out)


def audit_log_of(config: JobConfig, audit_log: Path | str | None) -> Path:
    """The audit log a return is recorded in: ``audit_log``, else the job's.

    Raises:
        ConfigError: neither is set (every return must be audited).
    """
    chosen = audit_log if audit_log is not None else config.audit_log
    if chosen is None:
        raise ConfigError(
            ["every return to a data owner is audited: set audit_log in the job config or "
             "pass --audit-log"],
            config.origin,
        )  # fmt: skip
    return Path(chosen)


def audited_return(
    log: Path,
    command: str,
    arguments: Mapping[str, Any],
    inputs: Sequence[Path],
    key_ids: Mapping[str, str] | None = None,
) -> Any:
    """The audit context of a return (``safelink.infra.audit.audited``) with its inputs' hashes.

    ``arguments`` is read when the entry is written, so counts known only at the end can be
    added to it inside the block.
    """
    hashes = {path.name: io.sha256_file(path) for path in inputs if path.is_file()}
    return audited(log, command, arguments=arguments, inputs=hashes, key_ids=key_ids)


def identifier_tokens(keys: Keyring, kind: Identifier, values: pl.Series, length: int) -> pl.Series:
    """The full-value link tokens of raw ``values``, as ``safelink pseudonymise`` makes them.

    Args:
        keys: the project keyring.
        kind: the identifier kind (its purpose is ``link:KIND``).
        values: raw values (normalised here; a value that fails its rules gives null).
        length: the token length in bytes (the tokens files' ``token_length``).

    Returns:
        Hex tokens, null where a value was missing or rejected.
    """
    spec = ColumnSpec(name=str(kind), role=ColumnRole.IDENTIFIER, kind=kind)
    _, purpose, derive = token_plan(spec, TokenSettings(derived=False))[0]
    canonical = derive(normalise(kind, values.cast(pl.String)).values)
    subkey = keys.namespace_key("link").subkey(purpose)
    return pl.Series(values.name, subkey.tokens(canonical.to_arrow(), length=length), pl.String)


def check_request(
    config: JobConfig,
    source: str,
    out: Path | str,
    threshold: int,
    audit_log: Path | str | None,
) -> tuple[Path, int, Path]:
    """Validate what every return takes: the source, the output, the threshold, the log.

    Returns:
        The output path, the threshold and the audit log.

    Raises:
        ConfigError: an unknown source, a bad output name or threshold, no audit log.
    """
    checked = (_check_output(out), _check_threshold(threshold), audit_log_of(config, audit_log))
    if source not in config.sources:
        raise ConfigError([f"unknown source {source!r}; the job has {list(config.sources)}"])
    return checked
