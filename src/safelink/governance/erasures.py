"""The erasure register: persons erased at their request, kept out of every later release.

``safelink subject --erase`` removes a person from the person index and adds an entry here:
the person ids they had and the keyed token of their NHS number (never the number). A release
given the register (``release.erasures``, or ``erasures=``) leaves out every record of a person
whose id is registered, or any of whose records carries a registered NHS-number token, so a
later delivery that links them under a new person id still leaves them out. The tokens files
are read from beside the content files (``SOURCE.tokens.parquet``), their NHS-number column
only; tokens made under another link key than the register's are refused, as they could never
match.

The register is one JSON file, replaced whole (atomically) at each erasure::

    {"format": "safelink-erasures/1", "key_id": "kid_...",
     "entries": [{"person_ids": ["psn_..."], "nhs_number_token": "...", "date": "2026-12-05"}]}
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import JobConfig
from safelink.errors import InputError, LinkageError
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.pseudonymise import RECORD_ID, read_tokens_metadata
from safelink.pseudonymise.tokens_format import as_hex

__all__ = [
    "ERASURES_FORMAT",
    "Erasure",
    "ErasureRegister",
    "erased_persons",
    "nhs_token_column",
    "read_erasures",
    "write_erasures",
]

ERASURES_FORMAT = "safelink-erasures/1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Erasure:
    """One erased person.

    Attributes:
        person_ids: the person ids they had (current and earlier).
        nhs_number_token: the link token of their NHS number.
        date: the day of the erasure (ISO).
    """

    person_ids: tuple[str, ...]
    nhs_number_token: str
    date: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ErasureRegister:
    """Every erasure so far, and the link key id their tokens were made under."""

    key_id: str | None = None
    entries: tuple[Erasure, ...] = field(default_factory=tuple)

    def person_ids(self) -> set[str]:
        """Every registered person id."""
        return {p for entry in self.entries for p in entry.person_ids}

    def tokens(self) -> set[str]:
        """Every registered NHS-number token (an entry may have none)."""
        return {entry.nhs_number_token for entry in self.entries if entry.nhs_number_token}

    def to_dict(self) -> dict[str, Any]:
        """The register as JSON."""
        return {
            "format": ERASURES_FORMAT,
            "key_id": self.key_id,
            "entries": [
                {"person_ids": list(e.person_ids), "nhs_number_token": e.nhs_number_token,
                 "date": e.date}
                for e in self.entries
            ],
        }  # fmt: skip


def read_erasures(path: Path | str, *, missing_ok: bool = False) -> ErasureRegister:
    """Read an erasure register.

    Args:
        path: the register file.
        missing_ok: an absent file is an empty register (when adding the first erasure).

    Raises:
        InputError: the file is missing (unless ``missing_ok``), unreadable or not a register.
    """
    where = Path(path)
    if missing_ok and not where.exists():
        return ErasureRegister()
    try:
        document = json.loads(where.read_text(encoding="utf-8"))
        if document.get("format") != ERASURES_FORMAT:
            raise ValueError(document.get("format"))
        entries = tuple(
            Erasure(
                person_ids=tuple(str(p) for p in e["person_ids"]),
                nhs_number_token=str(e["nhs_number_token"]),
                date=str(e["date"]),
            )
            for e in document["entries"]
        )
    except OSError as exc:
        raise InputError(
            f"{where}: cannot read the erasure register ({exc.strerror}); check the path "
            "(release.erasures or --erasures)."
        ) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"{where}: not a safelink erasure register ({ERASURES_FORMAT}); restore it from "
            "its last copy."
        ) from exc
    return ErasureRegister(key_id=document.get("key_id"), entries=entries)


def write_erasures(register: ErasureRegister, path: Path | str) -> Path:
    """Write the register atomically (replaced whole) and return its path."""
    return io.write_json(register.to_dict(), path)


def nhs_token_column(config: JobConfig, source: str) -> str | None:
    """The NHS-number token column of a source (None: it has no NHS number)."""
    spec = config.sources[source]
    return next((c.token_column for c in spec.identifiers if c.kind is Identifier.NHS_NUMBER), None)


def _nhs_column(metadata: Mapping[str, str]) -> str | None:
    """The tokens file's NHS-number token column, from the purposes it records."""
    try:
        purposes = json.loads(metadata.get("purposes", "{}"))
    except ValueError:
        return None
    return next((c for c, p in sorted(purposes.items()) if p == "link:nhs_number"), None)


def erased_persons(
    register: ErasureRegister,
    links: pl.DataFrame,
    tokens: Mapping[str, Path],
    config: JobConfig | None = None,
) -> set[str]:
    """The person ids of ``links`` to leave out: registered, or holding a registered token.

    Args:
        register: the erasure register.
        links: ``source``, ``record_id``, ``person_id``.
        tokens: each source's tokens file (its NHS-number column is found from the purposes
            it records).
        config: the job config: a source it gives no NHS number needs no tokens file.

    Returns:
        The person ids to leave out.

    Raises:
        InputError: a source that may hold NHS numbers has no tokens file.
        LinkageError: tokens made under another link key than the register's.
    """
    erased = register.person_ids() & set(links["person_id"].cast(pl.String).to_list())
    wanted = register.tokens()
    if not wanted:
        return erased
    for source in links["source"].unique().sort().to_list():
        listed = config is not None and source in config.sources
        if listed and config is not None and nhs_token_column(config, source) is None:
            continue  # the config gives this source no NHS number
        path = tokens.get(source)
        if path is None or not Path(path).exists():
            raise InputError(
                f"the erasure register needs the tokens file of source {source!r} to find "
                f"erased persons in later deliveries (a release reads {source}.tokens.parquet "
                f"from beside {source}.content.parquet); put it there and run again."
            )
        metadata = read_tokens_metadata(path)
        key_id = metadata.get("key_id", "")
        if register.key_id and not hmac.compare_digest(key_id.encode(), register.key_id.encode()):
            raise LinkageError(
                f"{path}: made under link key {key_id}, the erasure register under "
                f"{register.key_id}: erased persons could not be found. Use this project's files."
            )
        column = _nhs_column(metadata)
        if column is None:
            continue
        frame = as_hex(io.read_frame(path, columns=[RECORD_ID, column]))
        hits = frame.filter(pl.col(column).is_in(list(wanted)))[RECORD_ID].cast(pl.String)
        persons = links.filter(
            (pl.col("source") == source) & pl.col(RECORD_ID).is_in(hits.implode())
        )["person_id"]
        erased |= set(persons.cast(pl.String).to_list())
    return erased
