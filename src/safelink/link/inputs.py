"""The tokens to link: loaded into the backend's tables, checked, and numbered as records.

Inputs are tokens files (a local-engine Parquet file, or the ``SOURCE.tokens.parquet/``
directory Spark pseudonymise writes, with its ``_safelink.json``),
:class:`~safelink.pseudonymise.Pseudonymised` results, or DataFrames. Each becomes a table of
the backend (read by the engine itself: polars locally, ``spark.read`` on Spark, so Spark
reads Hadoop-compatible paths too). The checks (keys, sources, columns, record ids) are the
same on every engine, with the same messages; records are numbered 0.. in (source, record_id)
order on every engine, so node numbers, and everything derived from them, agree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from safelink.engines import Engine
from safelink.engines.backend import Backend, DuckDBBackend, run_query
from safelink.engines.sql import Dialect, literal, quote
from safelink.errors import InputError, LinkageError
from safelink.infra import io
from safelink.link.codes import encoded_records
from safelink.link.config import COMPARISONS, LinkConfig
from safelink.link.generic import generic_columns
from safelink.normalise import forename_table_version
from safelink.normalise.composite import COMPOSITES
from safelink.pseudonymise import METADATA_PREFIX, RECORD_ID, read_tokens_metadata, verify_outputs
from safelink.pseudonymise.plan import BIRTH_YEAR
from safelink.pseudonymise.tokens_format import as_hex

TOKENS_DIRECTORY_METADATA = "_safelink.json"
NAMES_WITH_BIRTH_YEAR = "with the year of birth"
"""How names were keyed with ``tokens.names_with_birth_year: true`` (as messages say it)."""
NAMES_ALONE = "alone"
"""How names were keyed without the year of birth (and by every file made before the option)."""
OPTIONAL = (
    "forename", "forename_canonical", "forename_initial", "forename_soundex", "forename_nysiis",
    "forename_bloom",
    "surname_initial", "surname_soundex", "surname_nysiis", "surname_first_part",
    "surname_last_part", "surname_bloom", "date_of_birth_swapped", "date_of_birth_year",
    "date_of_birth_month", "date_of_birth_day", "postcode_sector", "postcode_district",
    "address", "address_number_street", "address_number_postcode", "address_street",
    "uprn", "household", "sex", *COMPOSITES,
)  # fmt: skip
"""Token columns used when every input has them (partial agreement in the model, the
cascade's twin rule, the address and household comparisons)."""


@dataclass(frozen=True, slots=True)
class TokensInput:
    """One input, loaded.

    Attributes:
        source: the source name.
        table: the tokens, a table of the backend.
        columns: its column names.
        empty: whether it has no records.
        key_id: the link key id it was made with, when known.
        where: how messages name it.
        forename_table: the version of the forename table its canonical-forename tokens were
            made with, when known (:func:`safelink.normalise.forename_table_version`).
        names_keyed: ``with the year of birth`` or ``alone`` (``tokens.names_with_birth_year``),
            when known from its purposes.
        path: the Parquet file(s) its records are in, read a few columns at a time (the local
            engine's tokens files; None otherwise).
    """

    source: str
    table: Any
    columns: tuple[str, ...]
    empty: bool
    key_id: str | None
    where: str
    forename_table: str | None = None
    names_keyed: str | None = None
    path: str | None = None


def _differing(inputs: Sequence[TokensInput], attribute: str) -> str | None:
    """``where: value, ...`` of the inputs that know ``attribute``, when they disagree on it."""
    known = [(i.where, getattr(i, attribute)) for i in inputs if getattr(i, attribute)]
    if len({value for _, value in known}) < 2:
        return None
    return ", ".join(f"{where}: {value}" for where, value in known)


def _names_keyed(purposes: str | None) -> str | None:
    """How a file's name tokens were keyed, from its purposes metadata (None: no names)."""
    try:
        written = json.loads(purposes or "{}")
    except ValueError:
        return None
    named = [str(p) for c, p in dict(written).items() if c in ("forename", "surname")]
    if not named:
        return None
    return NAMES_WITH_BIRTH_YEAR if any(p.endswith(BIRTH_YEAR) for p in named) else NAMES_ALONE


def tokens_metadata(raw: Any, where: str) -> dict[str, str]:
    """Return the safelink entries (prefix removed) of a ``_safelink.json`` document.

    Raises:
        InputError: the document is not a safelink tokens directory's metadata.
    """
    metadata = (
        {
            str(k)[len(METADATA_PREFIX) :]: str(v)
            for k, v in raw.items()
            if str(k).startswith(METADATA_PREFIX)
        }
        if isinstance(raw, dict)
        else {}
    )
    if metadata.get("kind") != "tokens":
        raise InputError(
            f"{where}: {TOKENS_DIRECTORY_METADATA} does not describe safelink tokens; "
            "make the directory with 'safelink pseudonymise --engine spark'."
        )
    return metadata


def _unreadable_metadata(where: str) -> InputError:
    return InputError(
        f"{where}: no readable {TOKENS_DIRECTORY_METADATA} (not a safelink tokens "
        "directory); make it with 'safelink pseudonymise --engine spark'."
    )


def _local_metadata(path: Path) -> tuple[dict[str, str], Path | str]:
    """Metadata of a local tokens file or directory, and what to read its records from."""
    io.complete_interrupted_commits(path.parent)  # before reading any of its files
    if path.is_dir():
        # Spark's tokens directory: part files plus _safelink.json, and no per-file hashes in
        # a summary to verify.
        try:
            raw = json.loads((path / TOKENS_DIRECTORY_METADATA).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _unreadable_metadata(str(path)) from exc
        return tokens_metadata(raw, str(path)), str(path / "*.parquet")
    metadata = read_tokens_metadata(path)
    verify_outputs(path)
    return metadata, path


def _read_path(backend: Backend, item: str | Path) -> tuple[Any, dict[str, str], str | None]:
    """Read a tokens file or directory with the backend's engine; the local file(s) to read."""
    text = str(item)
    if backend.engine is Engine.SPARK:
        from safelink.engines.spark_link import read_parquet, read_text

        spark = backend.spark  # type: ignore[attr-defined]
        if "://" in text and not text.startswith("file://"):
            where = text.rstrip("/")
            try:
                raw = json.loads(read_text(spark, f"{where}/{TOKENS_DIRECTORY_METADATA}"))
            except Exception as exc:  # Spark raises AnalysisException and py4j errors here
                raise _unreadable_metadata(where) from exc
            metadata = tokens_metadata(raw, where)
        else:
            path = Path(text.removeprefix("file://"))
            metadata, _ = _local_metadata(path)
            where = str(path.resolve())
        try:
            return read_parquet(spark, where), metadata, None
        except Exception as exc:  # Spark raises AnalysisException and py4j errors here
            raise InputError(f"{text}: cannot read the tokens file.") from exc
    path = Path(text)
    metadata, parts = _local_metadata(path)
    # Read lazily, a few columns at a time as the link needs them: never the whole file.
    try:
        lazy = pl.scan_parquet(parts)
        schema = lazy.collect_schema()
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"{path}: cannot read the tokens file.") from exc
    if isinstance(backend, DuckDBBackend):
        relation = backend.connection.read_parquet(str(parts))
        binary = [name for name, dtype in schema.items() if dtype == pl.Binary]
        if binary:  # tokens format 2: the link reads the hex of each token's bytes
            hexed = ", ".join(f"lower(hex({quote(c)})) AS {quote(c)}" for c in binary)
            relation = relation.project(f"* REPLACE ({hexed})")
        return relation, metadata, str(parts)
    return backend.table(as_hex(lazy)), metadata, str(parts)


def _local_table(backend: Backend, frame: pl.DataFrame) -> Any:
    """The backend's table for a polars frame (DuckDB scans Arrow string views: no copy)."""
    if backend.dialect is Dialect.DUCKDB:
        return backend.table(frame.to_arrow(compat_level=pl.CompatLevel.newest()))
    return backend.table(frame)


def _own_table(backend: Backend, data: Any) -> Any:
    """The backend's table for a frame of any kind (its own, polars, pandas, Arrow)."""
    if backend.engine is Engine.SPARK:
        from safelink.engines.spark_link import is_spark_frame

        if is_spark_frame(data):
            return data
    return _local_table(backend, io.to_polars(data))


def _load(backend: Backend, item: Any, index: int, names: Sequence[str] | None) -> TokensInput:
    table_version: str | None = None
    names_keyed: str | None = None
    path = None
    if isinstance(item, str | Path):
        table, metadata, path = _read_path(backend, item)
        source = metadata.get("source") or Path(str(item).rstrip("/")).name.split(".")[0]
        key_id, where = metadata.get("key_id"), str(item)
        table_version = metadata.get("forename_table")
        names_keyed = _names_keyed(metadata.get("purposes"))
    elif hasattr(item, "tokens") and hasattr(item, "summary"):
        summary = item.summary
        table = _own_table(backend, item.tokens)
        source, key_id, where = summary.source, summary.key_id, summary.source
        # Made in this process, so with this process's forename table.
        token_columns = [p for c in summary.columns for p in c.token_columns]
        if any(p.endswith("_canonical") for p in token_columns):
            table_version = forename_table_version()
    else:
        source = names[index] if names and index < len(names) else f"source_{index + 1}"
        table, key_id, where = _own_table(backend, item), None, f"input {index + 1} ({source})"
    count = backend.collect(run_query(backend, "SELECT count(*) AS n FROM {t}", t=table))
    columns = tuple(
        backend.collect(run_query(backend, "SELECT * FROM {t} LIMIT 0", t=table)).columns
    )
    empty = int(count["n"][0]) == 0
    return TokensInput(
        source, table, columns, empty, key_id, where, table_version, names_keyed, path
    )


def known_input(
    backend: Backend, tokens: pl.DataFrame, source: str, key_id: str | None
) -> TokensInput:
    """The records of a person index as one more input (``person_id`` is not a token)."""
    frame = tokens.drop("person_id")
    return TokensInput(
        source,
        _local_table(backend, frame),
        tuple(frame.columns),
        frame.is_empty(),
        key_id,
        "the person index",
    )


CONTENT_SUFFIX = ".content.parquet"


def content_files(paths: Sequence[Path | str]) -> dict[str, Path]:
    """Content files by source, from files (``SOURCE.content.parquet``) and folders of them.

    Args:
        paths: content files, or folders whose ``*.content.parquet`` files are all taken.

    Returns:
        source -> content file.

    Raises:
        InputError: a path is missing, is not a content file, holds none, or names a source
            twice.
    """
    found: dict[str, Path] = {}
    for item in map(Path, paths):
        if item.is_dir():
            files = sorted(item.glob(f"*{CONTENT_SUFFIX}"))
            if not files:
                raise InputError(
                    f"{item}: no *{CONTENT_SUFFIX} file in this folder; pass the folder "
                    "'safelink pseudonymise' wrote, or the content files themselves."
                )
        elif item.name.endswith(CONTENT_SUFFIX) and item.is_file():
            files = [item]
        else:
            raise InputError(
                f"{item}: not a content file; --content takes SOURCE{CONTENT_SUFFIX} files "
                "(one per --content, or their folder once)."
            )
        for file in files:
            source = file.name.removesuffix(CONTENT_SUFFIX)
            if source in found:
                raise InputError(
                    f"{file}: a second content file for source {source!r} (the first is "
                    f"{found[source]}); pass one content file per source."
                )
            found[source] = file
    return found


def refuse_content_as_tokens(paths: Sequence[Path | str]) -> None:
    """Refuse a content file given where tokens are expected (a misplaced ``--content``).

    Raises:
        InputError: a path is named ``*.content.parquet``.
    """
    for item in paths:
        if str(item).endswith(CONTENT_SUFFIX):
            raise InputError(
                f"{item}: a content file among the tokens files; repeat --content for each "
                "content file (--content A --content B) or pass their folder (--content DIR)."
            )


def load_inputs(
    backend: Backend, tokens: Sequence[Any], names: Sequence[str] | None
) -> list[TokensInput]:
    """Load every input into the backend (see the module docstring for what is accepted).

    Raises:
        InputError: a file cannot be read or is not tokens.
    """
    return [_load(backend, item, i, names) for i, item in enumerate(tokens)]


def shared_columns(inputs: Sequence[TokensInput]) -> set[str]:
    """The columns every non-empty input holds (none when there is no such input)."""
    held = [set(i.columns) for i in inputs if not i.empty]
    return set.intersection(*held) if held else set()


def check_inputs(inputs: Sequence[TokensInput], config: LinkConfig) -> list[str]:
    """Check that the inputs can be linked; return the token columns to link on.

    Raises:
        LinkageError: too few inputs, different link keys or forename tables, a repeated
            source, an empty input, or missing columns (every problem named).
    """
    if len(inputs) < 2 and config.every_source_one_per_person([i.source for i in inputs]):
        raise LinkageError(
            "give at least two tokens files to link (or set link.one_record_per_person: "
            "false to de-duplicate one)."
        )
    unnamed = config.unnamed_sources([i.source for i in inputs])
    if unnamed:
        raise LinkageError(
            f"link.one_record_per_person does not say whether source(s) {unnamed} hold one "
            "record per person; name every source linked (true or false), or give one value "
            "for all."
        )
    key_ids = sorted({i.key_id for i in inputs if i.key_id})
    if len(key_ids) > 1:
        made = ", ".join(f"{i.where}: {i.key_id}" for i in inputs)
        raise LinkageError(
            f"the tokens files were made with different link keys ({made}); tokens under "
            "different keys can never match. Pseudonymise every extract with the same "
            "project key (or keys exported from it)."
        )
    tables = _differing(inputs, "forename_table")
    if tables:
        raise LinkageError(
            f"the tokens files were made with different forename tables ({tables}); their "
            "canonical-forename tokens do not agree for the same name. Pseudonymise every "
            "extract with the same safelink version (see 'safelink.forename_table' in the "
            "tokens files' metadata)."
        )
    keyed = _differing(inputs, "names_keyed")
    if keyed:
        raise LinkageError(
            f"the tokens files' names were keyed differently ({keyed}); their name tokens "
            "never agree. Pseudonymise every extract with the same tokens.names_with_birth_year."
        )
    sources = [i.source for i in inputs]
    repeated = sorted({s for s in sources if sources.count(s) > 1})
    if repeated:
        raise LinkageError(
            f"several inputs are source(s) {repeated}; give each provider's extract once, "
            "under its own source name."
        )
    required = config.required_columns()
    problems = []
    for item in inputs:
        if item.empty:
            problems.append(f"{item.where}: no records")
            continue
        if RECORD_ID not in item.columns:
            problems.append(f"{item.where}: no '{RECORD_ID}' column (not a safelink tokens file)")
        missing = sorted(c for c in required if c not in item.columns)
        if missing:
            needs = "; ".join(f"{c} (needed by {required[c]})" for c in missing)
            problems.append(f"{item.where}: missing token column(s) {needs}")
    if problems:
        raise LinkageError(
            "cannot link: " + "; ".join(problems) + ". Pseudonymise the extracts with the "
            "identifier columns these settings need, or change the link: section."
        )
    shared = set.intersection(*(set(i.columns) for i in inputs))
    optional = [*OPTIONAL]
    if config.probabilistic.enabled:
        generic = [c for c in config.probabilistic.comparisons if c not in COMPARISONS]
        optional += [column for name in generic for column in generic_columns(name)]
    if config.keep_apart_different_nhs_numbers:
        optional += ["nhs_number", "date_of_birth"]  # read by the constraint
    return [*sorted(required), *(c for c in optional if c in shared and c not in required)]


def records(backend: Backend, inputs: Sequence[TokensInput], columns: Sequence[str]) -> Any:
    """Every record as strings, numbered 0.. in (source, token columns, record_id) order.

    Returns:
        A materialised table: ``node``, ``record_id``, ``columns``, ``source``.

    Raises:
        LinkageError: an input's record ids are missing or repeated.
    """
    ordered = sorted(inputs, key=lambda i: i.source)
    selected = ", ".join(
        [f"CAST({quote(RECORD_ID)} AS VARCHAR) AS {quote(RECORD_ID)}"]
        + [f"CAST({quote(c)} AS VARCHAR) AS {quote(c)}" for c in columns]
    )
    tables = {f"t{i}": item.table for i, item in enumerate(ordered)}
    union = " UNION ALL ".join(
        f"SELECT {selected}, CAST({literal(item.source)} AS VARCHAR) AS source FROM {{t{i}}}"  # noqa: S608
        for i, item in enumerate(ordered)
    )
    union_table = run_query(backend, union, **tables)
    counts = backend.collect(
        run_query(
            backend,
            f"SELECT source, count(*) AS n, count({quote(RECORD_ID)}) AS present, "  # noqa: S608
            f"count(DISTINCT {quote(RECORD_ID)}) AS distinct_ids FROM {{u}} GROUP BY source",
            u=union_table,
        )
    )
    by_source = {row["source"]: row for row in counts.iter_rows(named=True)}
    for item in ordered:
        row = by_source[item.source]
        if row["present"] != row["n"] or row["distinct_ids"] != row["n"]:
            raise LinkageError(f"{item.where}: record ids are missing or repeated.")
    if backend.engine is Engine.LOCAL:
        # Tokens as integers (exact, order-keeping): a sixth of the memory (see codes).
        coded = encoded_records(backend, ordered, columns, RECORD_ID)
        union_table = union_table if coded is None else coded
    # Numbered in (source, tokens) order, so the same records in any row order, under any
    # record ids pseudonymise drew, get the same numbers, and so the same links, ties and
    # person ids; the record id only orders records whose tokens are all equal.
    return backend.number_rows(union_table, ["source", *columns, RECORD_ID], "node")


__all__ = [
    "NAMES_ALONE",
    "NAMES_WITH_BIRTH_YEAR",
    "OPTIONAL",
    "TOKENS_DIRECTORY_METADATA",
    "TokensInput",
    "check_inputs",
    "known_input",
    "load_inputs",
    "records",
    "shared_columns",
    "tokens_metadata",
]
