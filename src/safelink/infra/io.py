"""Reading extracts and writing outputs safely.

Reading: CSV and Parquet, every CSV column read as text (identifiers keep their leading zeros),
streamed in record batches for inputs larger than memory. Errors name the file, the line where
known, what is wrong and how to fix it, and never quote a value from the data: a library's own
message may contain a row, so it is replaced, never passed on.

Writing: Parquet, JSON and spreadsheet-safe CSV (formula injection neutralised), each through
the atomic outputs of :mod:`safelink.infra.atomic` (re-exported here: ``atomic_path``,
``atomic_directory``, ``atomic_files``, ``complete_interrupted_commits``,
``ensure_output_directory``), so a crash or a full disk never leaves a half-written file or a
mixed set, and no output is ever readable by other users, whatever the umask.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from safelink.errors import InputError
from safelink.infra.atomic import JOURNAL_SUFFIX as JOURNAL_SUFFIX
from safelink.infra.atomic import atomic_directory as atomic_directory
from safelink.infra.atomic import atomic_files as atomic_files
from safelink.infra.atomic import atomic_path as atomic_path
from safelink.infra.atomic import complete_interrupted_commits as complete_interrupted_commits
from safelink.infra.atomic import ensure_output_directory as ensure_output_directory
from safelink.infra.atomic import remove_stale_temporaries as remove_stale_temporaries
from safelink.infra.text_encoding import canonical_encoding, suggest_encoding

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Bytes a decoder could not read, kept as lone surrogates by the "surrogateescape" handler.
_UNDECODED = re.compile("[\udc80-\udcff]")
_CHUNK_BYTES = 1 << 20
_UTF8 = frozenset({"utf-8", "utf-8-sig"})
# Encodings in which every byte sequence is valid text (nothing to check before reading).
_TOTAL_ENCODINGS = frozenset({"iso8859-1"})


def _check_readable(path: Path) -> str:
    """Return the input's format ("csv" or "parquet") or raise a clear InputError."""
    if not path.exists():
        raise InputError(f"{path}: file not found. Check the path and try again.")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a CSV or Parquet file.")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        fmt = "csv"
    elif suffix in PARQUET_SUFFIXES:
        fmt = "parquet"
    else:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; give a .csv or .parquet file."
        )
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty; expected a header row and data.")
    return fmt


def _check_encoding(encoding: str) -> str:
    """Python's canonical name for a CSV encoding, or an InputError (see ``text_encoding``)."""
    return canonical_encoding(encoding)


def _first_undecodable(path: Path, encoding: str) -> tuple[int, bytes] | None:
    """Find the first byte of a file that ``encoding`` cannot decode.

    The file is decoded as a byte stream, so the line is exact whatever the CSV quoting (a
    value spanning lines counts each of its lines, as an editor does).

    Returns:
        The line number of that byte (1-based; the header is line 1) and the bytes of its line
        (at most 1 MiB, for :func:`suggest_encoding`, never shown); None if the file decodes.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = None
    fed = 0
    with path.open("rb") as handle:
        while offset is None:
            chunk = handle.read(_CHUNK_BYTES)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                # ``exc.object`` is the decoder's pending bytes followed by this chunk.
                pending = len(exc.object) - len(chunk) if isinstance(exc.object, bytes) else 0
                offset = max(fed - pending + exc.start, 0)
            if not chunk:
                break
            fed += len(chunk)
        if offset is None:
            return None
        handle.seek(0)
        line, line_start, position = 1, 0, 0
        while position < offset:
            chunk = handle.read(min(_CHUNK_BYTES, offset - position))
            if not chunk:
                break
            newlines = chunk.count(b"\n")
            if newlines:
                line += newlines
                line_start = position + chunk.rindex(b"\n") + 1
            position += len(chunk)
        handle.seek(line_start)
        sample = handle.read(_CHUNK_BYTES).split(b"\n", 1)[0]
    return line, sample


def _encoding_problem(path: Path, encoding: str, what: str = "text") -> str:
    """Where a file first fails to decode and how to fix it (no value from the data)."""
    found = _first_undecodable(path, encoding)
    where, sample = (f"line {found[0]}: ", found[1]) if found else ("", b"")
    fix = suggest_encoding(sample, encoding)
    return (
        f"{where}{what} is not valid {encoding}; give the file's encoding, e.g. "
        f"--encoding {fix} on the command line or 'encoding: {fix}' for the source in the "
        "job config."
    )


def read_csv_header(path: Path, *, encoding: str = "utf-8", delimiter: str = ",") -> list[str]:
    """Read and validate the header row of a CSV file.

    Args:
        path: the CSV file.
        encoding: its text encoding.
        delimiter: the field separator.

    Returns:
        The column names, in order.

    Raises:
        InputError: the header is missing, undecodable, has empty or duplicated names.

    """
    _check_readable(path)
    encoding = _check_encoding(encoding)
    try:
        # Undecodable bytes are kept as surrogates, so that a bad byte further down the file
        # (read ahead with the header) is reported on its own line, not as a header problem.
        with path.open("r", encoding=encoding, errors="surrogateescape", newline="") as handle:
            header = next(csv.reader(handle, delimiter=delimiter), None)
    except csv.Error as exc:
        raise InputError(f"{path}: line 1: the header row cannot be parsed as CSV.") from exc
    if header is not None and any(_UNDECODED.search(name) for name in header):
        raise InputError(f"{path}: {_encoding_problem(path, encoding, 'the header')}")
    if not header or all(not name.strip() for name in header):
        raise InputError(f"{path}: line 1: no header row; the first line must name the columns.")
    header = [name.lstrip("\ufeff").strip() for name in header]
    problems = []
    for position, name in enumerate(header, start=1):
        if not name:
            problems.append(f"column {position} has no name")
        if "\x00" in name:
            problems.append(f"column {position} name contains a NUL byte")
    duplicated = sorted(name for name, count in Counter(header).items() if count > 1)
    if duplicated:
        problems.append(f"duplicated column names {duplicated}")
    if problems:
        raise InputError(
            f"{path}: line 1: " + "; ".join(problems) + ". Give every column a unique name."
        )
    return header


def _diagnose_csv(path: Path, encoding: str, delimiter: str, width: int) -> str:
    """Find the first structural problem in a CSV (slow path, only after a fast read failed)."""
    line_number = 1
    try:
        with path.open("r", encoding=encoding, errors="surrogateescape", newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            for row in reader:
                line_number = reader.line_num
                text = "".join(row)
                if _UNDECODED.search(text):
                    return _encoding_problem(path, encoding)
                if "\x00" in text:
                    return f"line {line_number}: contains a NUL byte; remove it or re-export."
                if row and len(row) != width:
                    return (
                        f"line {line_number}: has {len(row)} fields, the header has {width}; "
                        "fix the row (unquoted delimiter or missing field?)."
                    )
    except csv.Error:
        return f"line {line_number + 1}: malformed quoting; check quotes in that row."
    return "the file cannot be parsed as CSV; check that it is a CSV export."


def _block_size_for(path: Path, batch_rows: int) -> int:
    """Bytes per CSV block so that a block holds about ``batch_rows`` rows (bounds memory)."""
    with path.open("rb") as handle:
        sample = handle.read(1 << 20)
    lines = max(sample.count(b"\n"), 1)
    bytes_per_row = max(len(sample) // lines, 16)
    return max(1 << 16, min(batch_rows * bytes_per_row, 1 << 28))


def _csv_read_options(columns: Sequence[str], encoding: str, block_size: int) -> Any:
    # The header (with any byte-order mark) is skipped, so UTF-8 with a BOM is plain UTF-8 to
    # Arrow, which then reads it natively instead of through a Python transcoder.
    arrow_encoding = "utf8" if encoding in _UTF8 else encoding
    return pacsv.ReadOptions(
        column_names=list(columns), skip_rows=1, encoding=arrow_encoding, block_size=block_size
    )


def iter_batches(
    path: Path | str,
    *,
    batch_rows: int = 500_000,
    columns: Sequence[str] | None = None,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Iterator[pa.RecordBatch]:
    """Stream a CSV or Parquet file as Arrow record batches (CSV columns all text).

    Args:
        path: the input file.
        batch_rows: rows per batch (approximate for CSV).
        columns: read only these columns (all when None); each must exist and, in Parquet,
            hold one value per cell (not a list, struct or map).
        encoding: text encoding of a CSV input: any ASCII-compatible encoding Python knows
            (``utf-8``, ``cp1252``, ``latin-1``...).
        delimiter: field separator of a CSV input.

    Yields:
        Record batches in file order.

    Raises:
        InputError: the file is missing, empty, malformed, not valid text in ``encoding``
            (naming the line of the first bad byte), lacks a named column, or a named
            Parquet column is nested.

    """
    path = Path(path)
    fmt = _check_readable(path)
    if fmt == "parquet":
        yield from _iter_parquet(path, batch_rows, columns)
        return
    encoding = _check_encoding(encoding)
    header = read_csv_header(path, encoding=encoding, delimiter=delimiter)
    _require_columns(path, header, columns)
    wanted = list(columns) if columns is not None else header
    if encoding not in _UTF8 | _TOTAL_ENCODINGS and _first_undecodable(path, encoding):
        # Arrow decodes other encodings through Python on a read-ahead thread; a decoding
        # error there can abort the whole process at exit, so the text is checked first.
        raise InputError(f"{path}: {_diagnose_csv(path, encoding, delimiter, len(header))}")
    block_size = _block_size_for(path, batch_rows)
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(header, pa.large_string()),
        include_columns=wanted,
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    parse = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True)
    try:
        reader = pacsv.open_csv(
            path,
            read_options=_csv_read_options(header, encoding, block_size),
            parse_options=parse,
            convert_options=convert,
        )
        for batch in reader:
            if _has_nul(batch):
                # A NUL byte means a binary or UTF-16 file, or a corrupt export.
                raise InputError(f"{path}: {_diagnose_csv(path, encoding, delimiter, len(header))}")
            if batch.num_rows:
                yield batch
    except (pa.ArrowInvalid, UnicodeDecodeError, pa.ArrowException) as exc:
        where = _diagnose_csv(path, encoding, delimiter, len(header))
        raise InputError(f"{path}: {where}") from exc


def _has_nul(batch: pa.RecordBatch) -> bool:
    text = (
        c for c in batch.columns if pa.types.is_large_string(c.type) or pa.types.is_string(c.type)
    )
    return any(pc.any(pc.match_substring(column, "\x00")).as_py() for column in text)


def _open_parquet(path: Path, columns: Sequence[str] | None) -> pq.ParquetFile:
    """The Parquet file, once its footer, column names and the named columns are checked."""
    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            f"{path}: not a readable Parquet file (corrupt or truncated); re-export it."
        ) from exc
    names = parquet.schema_arrow.names
    duplicated = sorted(name for name, count in Counter(names).items() if count > 1)
    if duplicated:
        raise InputError(f"{path}: duplicated column names {duplicated}; rename them.")
    _require_columns(path, names, columns)
    _require_flat(path, parquet.schema_arrow, columns)
    return parquet


def _unreadable_row_group(path: Path) -> InputError:
    return InputError(f"{path}: a Parquet row group cannot be read; re-export it.")


def _iter_parquet(
    path: Path, batch_rows: int, columns: Sequence[str] | None
) -> Iterator[pa.RecordBatch]:
    parquet = _open_parquet(path, columns)
    try:
        yield from parquet.iter_batches(batch_size=batch_rows, columns=columns)
    except (pa.ArrowException, OSError) as exc:
        raise _unreadable_row_group(path) from exc


def _require_flat(path: Path, schema: pa.Schema, wanted: Sequence[str] | None) -> None:
    """Refuse a named column of a nested type (list, struct, map): safelink reads values."""
    for name in wanted or ():
        data_type = schema.field(name).type
        if pa.types.is_nested(data_type):
            raise InputError(
                f"{path}: column {name!r} has the nested Parquet type {data_type}; safelink "
                "reads one value per cell. Flatten it (or cast it to text) and re-export."
            )


def _require_columns(path: Path, available: Sequence[str], wanted: Sequence[str] | None) -> None:
    if wanted is None:
        return
    missing = [c for c in wanted if c not in set(available)]
    if missing:
        raise InputError(
            f"{path}: missing column(s) {missing}; the file has {list(available)}. "
            "Fix the config's column names or the extract."
        )


def read_frame(
    path: Path | str,
    *,
    columns: Sequence[str] | None = None,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> pl.DataFrame:
    """Read a whole CSV or Parquet file into a polars DataFrame (CSV columns as text).

    Args:
        path: the input file.
        columns: read only these columns (all when None).
        encoding: text encoding of a CSV input.
        delimiter: field separator of a CSV input.

    Returns:
        The table; a header-only CSV gives an empty frame with its columns.

    Raises:
        InputError: see :func:`iter_batches`.

    """
    path = Path(path)
    if _check_readable(path) == "parquet":
        # Checked as a stream would be, then read whole by polars: several times faster than
        # joining the stream's batches (a 10M-row links file: 1.3 s against 4.6-22 s).
        _open_parquet(path, columns)
        try:
            return pl.read_parquet(path, columns=list(columns) if columns is not None else None)
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise _unreadable_row_group(path) from exc
    batches = list(iter_batches(path, columns=columns, encoding=encoding, delimiter=delimiter))
    if batches:
        frame = pl.from_arrow(pa.Table.from_batches(batches))
        assert isinstance(frame, pl.DataFrame)
        return frame
    header = read_csv_header(path, encoding=encoding, delimiter=delimiter)
    names = list(columns) if columns is not None else header
    return pl.DataFrame({name: pl.Series(name, [], dtype=pl.String) for name in names})


def read_rows(
    path: Path | str,
    *,
    columns: Sequence[str],
    where: pl.Expr,
    batch_rows: int = 500_000,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> pl.DataFrame:
    """The rows of a CSV or Parquet file that ``where`` keeps, read a batch at a time.

    Unlike :func:`read_frame`, it never holds the whole file: memory is one batch
    (:func:`iter_batches`) and the rows kept, so a lookup of a few records in a national
    file costs a pass over it, not its size in memory.

    Args:
        path: the input file.
        columns: the columns to read (and return); ``where`` may use only these.
        where: a boolean expression over ``columns``.
        batch_rows: rows per batch (approximate for CSV).
        encoding: text encoding of a CSV input.
        delimiter: field separator of a CSV input.

    Raises:
        InputError: see :func:`iter_batches`.
    """
    kept = []
    batches = iter_batches(
        path, batch_rows=batch_rows, columns=columns, encoding=encoding, delimiter=delimiter
    )
    for batch in batches:
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        kept.append(frame.filter(where))
    if kept:
        return pl.concat(kept)
    return read_frame(path, columns=columns, encoding=encoding, delimiter=delimiter)


def is_pandas(frame: Any) -> bool:
    """Whether ``frame`` is a pandas DataFrame (or a result holding pandas ``tokens``).

    Checked by module name, so that pandas is never imported to find out.
    """
    held = getattr(frame, "tokens", frame) if hasattr(frame, "summary") else frame
    return type(held).__module__.split(".")[0] == "pandas"


def as_given(result: pl.DataFrame, *given: Any) -> Any:
    """``result`` as pandas when any of ``given`` is pandas (pandas in, pandas out), else as is.

    The pandas frame has a fresh default index and the same column names.
    """
    return result.to_pandas() if any(is_pandas(frame) for frame in given) else result


def to_polars(frame: Any) -> pl.DataFrame:
    """Return a polars DataFrame for a polars or pandas DataFrame (pandas' index is ignored).

    Raises:
        InputError: the object is not a DataFrame, or has duplicated column names.

    """
    if isinstance(frame, pl.DataFrame):
        return frame
    if isinstance(frame, pl.LazyFrame):
        return frame.collect()
    import pandas as pd

    if isinstance(frame, pd.DataFrame):
        names = [str(c) for c in frame.columns]
        duplicated = sorted(name for name, count in Counter(names).items() if count > 1)
        if duplicated:
            raise InputError(f"DataFrame has duplicated column names {duplicated}; rename them.")
        plain = frame.reset_index(drop=True)
        plain.columns = names
        return pl.from_pandas(plain)
    raise InputError(
        f"expected a polars or pandas DataFrame, got {type(frame).__name__}; convert it first."
    )


# -- writing ---------------------------------------------------------------------------------


def write_parquet(
    frame: pl.DataFrame, destination: Path | str, *, metadata: Mapping[str, str] | None = None
) -> Path:
    """Write a DataFrame as Parquet atomically, with optional key-value file metadata.

    Returns:
        The destination path.

    """
    destination = Path(destination)
    table = frame.to_arrow()
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    with atomic_path(destination) as temporary:
        pq.write_table(table, temporary, compression="zstd")
    return destination


def write_json(document: Any, destination: Path | str) -> Path:
    """Write a JSON document atomically (sorted keys, UTF-8, trailing newline).

    Returns:
        The destination path.

    """
    destination = Path(destination)
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False, default=str)
    with atomic_path(destination) as temporary:
        temporary.write_text(text + "\n", encoding="utf-8")
    return destination


def neutralise_formula(cell: str) -> str:
    """Make a text cell safe to open in a spreadsheet (no formula execution).

    A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with a
    single quote, as OWASP advises against CSV injection.
    """
    return "'" + cell if cell.startswith(_FORMULA_PREFIXES) else cell


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Neutralise every text cell of a frame that would start a spreadsheet formula.

    See :func:`neutralise_formula`; vectorised over the frame's text columns.
    """
    text_columns = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    pattern = r"^[=+\-@\t\r]"
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(pattern))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text_columns
    )


def write_csv_safe(frame: pl.DataFrame, destination: Path | str) -> Path:
    """Write a DataFrame as CSV that is safe to open in a spreadsheet, atomically.

    Text cells that would start a formula are neutralised (see :func:`neutralise_formula`).

    Returns:
        The destination path.
    """
    destination = Path(destination)
    with atomic_path(destination) as temporary:
        neutralise_formulas(frame).write_csv(temporary)
    return destination


def sha256_file(path: Path | str) -> str:
    """Return the hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_tree(path: Path | str) -> str:
    """Return the hex SHA-256 of a directory: of each file's relative path and SHA-256, sorted.

    Any added, removed, renamed or changed file (a Spark tokens directory's parts, CRC files
    and ``_safelink.json`` included) changes the digest; symbolic links are not followed.
    """
    root = Path(path)
    lines = []
    for folder, _, files in os.walk(root, followlinks=False):
        for name in files:
            file = Path(folder) / name
            if file.is_file() and not file.is_symlink():
                lines.append(f"{file.relative_to(root).as_posix()}\0{sha256_file(file)}\n")
    return sha256_bytes("".join(sorted(lines)).encode("utf-8"))


def sha256_bytes(data: bytes) -> str:
    """Return the hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def csv_text(frame: pl.DataFrame) -> str:
    """Render a DataFrame as CSV text (for small tables in reports)."""
    buffer = io.StringIO()
    frame.write_csv(buffer)
    return buffer.getvalue()
