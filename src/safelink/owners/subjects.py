"""Subject requests: where one person's records are, and erasure carried through.

Run by the TTP with the project key. The NHS number is tokenised as ``safelink pseudonymise``
tokenises it and looked up in every source's tokens file and in the person index; the persons
holding it are listed with the sources holding their records (counts), their person id, and the
releases that included them, by release id (``rel_`` and the first 16 hex digits of the
SHA-256 of the release's signed ``manifest.json``), never data. A release included a person
when its ``person`` column holds the pseudonym the release's recipient key gives one of their
person ids (current, or earlier ones the index history merged into them).

Erasure (:func:`erase_subject`) removes the persons from the person index (their records and
the history entries naming them) and registers them (:mod:`safelink.governance.erasures`), so every
later release leaves them out, under their person ids or, in a later delivery, their NHS-number
token. Both are recorded in the audit log with counts only: never the number, its token or a
person id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from safelink.config import JobConfig
from safelink.errors import InputError, LinkageError
from safelink.governance.erasures import (
    Erasure,
    nhs_token_column,
    read_erasures,
    write_erasures,
)
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.keys import Keyring
from safelink.link import read_index
from safelink.link.index import PersonIndex, write_index
from safelink.owners.records import audit_log_of, audited_return, identifier_tokens, read_links
from safelink.pseudonymise import RECORD_ID, read_tokens_metadata
from safelink.pseudonymise.tokens_format import stored_token
from safelink.release.manifest import MANIFEST_FILE
from safelink.release.pseudonyms import per_release_key, pseudonymise_persons, recipient_key

__all__ = ["SubjectPerson", "SubjectReport", "erase_subject", "release_id", "subject_lookup"]

_DATA = "data.parquet"


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectPerson:
    """One person holding the NHS number.

    Attributes:
        person_id: their person id (the links', else the index's).
        sources: source -> their records in the links.
        index_records: source -> their records in the person index.
        releases: the releases that included them: ``release_id``, ``recipient``, ``created``.
    """

    person_id: str
    sources: Mapping[str, int]
    index_records: Mapping[str, int]
    releases: tuple[Mapping[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectReport:
    """The answer to a subject request (no NHS number, no token).

    Attributes:
        persons: each person holding the number (none: no record holds it).
        releases_checked: the release ids looked in.
        erased: whether the persons were erased.
    """

    persons: tuple[SubjectPerson, ...]
    releases_checked: tuple[str, ...] = ()
    erased: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "found": bool(self.persons),
            "persons": [dataclasses.asdict(p) for p in self.persons],
            "releases_checked": list(self.releases_checked),
            "erased": self.erased,
        }


def release_id(bundle: Path | str) -> str:
    """A release's id: ``rel_`` and 16 hex digits of the SHA-256 of its signed manifest.

    Raises:
        InputError: the folder holds no manifest.json.
    """
    path = Path(bundle) / MANIFEST_FILE
    if not path.is_file():
        raise InputError(f"{bundle}: not a release bundle (no {MANIFEST_FILE}).")
    return f"rel_{io.sha256_file(path)[:16]}"


def _nhs_token(nhs_number: str, keys: Keyring, length: int) -> str:
    token = identifier_tokens(keys, Identifier.NHS_NUMBER, pl.Series([nhs_number]), length)[0]
    if token is None:
        raise InputError(
            "the NHS number is not valid (10 digits with a correct check digit); check it and "
            "enter it again."
        )
    return str(token)


def _matching_records(
    config: JobConfig, tokens: Sequence[Path], token: str, key_id: str
) -> pl.DataFrame:
    """``source``, ``record_id`` of every tokens-file record holding ``token``."""
    parts = []
    for path in tokens:
        metadata = read_tokens_metadata(path)
        source = metadata.get("source", path.name.split(".")[0])
        if not hmac.compare_digest(metadata.get("key_id", "").encode(), key_id.encode()):
            raise LinkageError(
                f"{path}: made under another link key than this keyring's; give the project's "
                "key file."
            )
        column = nhs_token_column(config, source) if source in config.sources else None
        if column is None:
            continue
        wanted = pl.lit(stored_token(path, column, token))
        frame = io.read_rows(path, columns=[RECORD_ID, column], where=pl.col(column) == wanted)
        hits = frame.select(pl.lit(source).alias("source"), pl.col(RECORD_ID).cast(pl.String))
        parts.append(hits)
    schema = {"source": pl.String, RECORD_ID: pl.String}
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)


def _index_persons(config: JobConfig, index: PersonIndex | None, token: str) -> set[str]:
    if index is None:
        return set()
    columns = sorted({c for s in config.sources if (c := nhs_token_column(config, s))})
    column = next((c for c in columns if c in index.records.columns), None)
    if column is None:
        return set()
    hits = index.records.filter(pl.col(column) == token)["person_id"]
    return set(hits.cast(pl.String).to_list())


def _earlier_ids(index: PersonIndex | None, person_id: str) -> set[str]:
    """``person_id`` and every id the index history merged or split into it."""
    ids = {person_id}
    history = index.history if index is not None else ()
    changed = True
    while changed:
        changed = False
        for entry in history:
            if entry.get("new") in ids and entry.get("old") not in ids:
                ids.add(str(entry["old"]))
                changed = True
    return ids


def _releases_with(
    bundles: Sequence[Path], keys: Keyring, ids: Mapping[str, set[str]]
) -> tuple[dict[str, list[dict[str, str]]], list[str]]:
    """Person id -> the releases including them; and every release id looked in."""
    found: dict[str, list[dict[str, str]]] = {person: [] for person in ids}
    checked = []
    for bundle in bundles:
        rid = release_id(bundle)
        checked.append(rid)
        try:
            manifest = json.loads((Path(bundle) / MANIFEST_FILE).read_text(encoding="utf-8"))
            recipient = str(manifest["recipient"])
            scheme = manifest.get("person_pseudonyms", {}).get("scheme", "stable")
            links_sha = str(manifest["inputs"]["links"]["sha256"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{bundle}: its manifest.json is not a safelink manifest.") from exc
        key = (
            per_release_key(keys, recipient, links_sha)
            if scheme == "per_release"
            else recipient_key(keys, recipient)
        )
        pseudonyms = {
            person: pseudonymise_persons(pl.Series(sorted(candidates), dtype=pl.String), key)
            for person, candidates in ids.items()
        }
        wanted = [value for values in pseudonyms.values() for value in values.to_list()]
        released = io.read_rows(
            Path(bundle) / _DATA, columns=["person"], where=pl.col("person").is_in(wanted)
        )["person"]
        for person, candidate_pseudonyms in pseudonyms.items():
            if bool(candidate_pseudonyms.is_in(released.implode()).any()):
                entry = {"release_id": rid, "recipient": recipient}
                found[person].append(entry | {"created": str(manifest.get("created", ""))})
    return found, checked


def _inputs(
    links: Path | str, tokens: Sequence[Path | str], index: Path | str | None
) -> list[Path]:
    return [Path(links), *map(Path, tokens), *([Path(index)] if index is not None else [])]


def _lookup(
    config: JobConfig,
    nhs_number: str,
    keys: Keyring,
    tokens: Sequence[Path | str],
    links: Path | str,
    index: PersonIndex | None,
    releases: Sequence[Path | str],
) -> tuple[SubjectReport, str]:
    paths = [Path(p) for p in tokens]
    if not paths:
        raise InputError("give every source's tokens file (--tokens) to look the person up in.")
    length = int(read_tokens_metadata(paths[0]).get("token_length", "16"))
    key_id = keys.namespace_key("link").key_id
    if index is not None and index.key_id and not hmac.compare_digest(index.key_id, key_id):
        raise LinkageError("the person index was made under another link key than this keyring's.")
    token = _nhs_token(nhs_number, keys, length)
    records = _matching_records(config, paths, token, key_id)
    # Two passes over the links file, a batch at a time: the number's records' persons, then
    # every record of those persons (a lookup never holds the national file).
    held = read_links(
        links, where=pl.col(RECORD_ID).cast(pl.String).is_in(records[RECORD_ID].to_list())
    )
    persons = set(held.join(records, on=["source", RECORD_ID])["person_id"].to_list())
    persons |= _index_persons(config, index, token)
    candidates = {p: _earlier_ids(index, p) for p in sorted(persons)}
    found, checked = _releases_with([Path(b) for b in releases], keys, candidates)
    linked = read_links(links, where=pl.col("person_id").cast(pl.String).is_in(sorted(persons)))
    people = []
    for person in sorted(persons):
        mine = linked.filter(pl.col("person_id") == person).group_by("source").len().sort("source")
        held = (
            index.records.filter(pl.col("person_id") == person).group_by("source").len()
            if index is not None
            else pl.DataFrame(schema={"source": pl.String, "len": pl.UInt32})
        ).sort("source")
        people.append(
            SubjectPerson(
                person_id=person,
                sources=dict(zip(mine["source"], mine["len"], strict=True)),
                index_records=dict(zip(held["source"], held["len"], strict=True)),
                releases=tuple(found[person]),
            )
        )
    return SubjectReport(persons=tuple(people), releases_checked=tuple(checked)), token


def subject_lookup(
    config: JobConfig,
    nhs_number: str,
    *,
    keys: Keyring,
    tokens: Sequence[Path | str],
    links: Path | str,
    index: Path | str | None = None,
    releases: Sequence[Path | str] = (),
    audit_log: Path | str | None = None,
) -> SubjectReport:
    """List where the person holding ``nhs_number`` is: sources, person id, releases.

    Args:
        config: the job config (its sources' NHS-number token columns; its audit log).
        nhs_number: the NHS number (read from a prompt or stdin, never the command line).
        keys: the project keyring (tokenises the number, derives recipients' pseudonyms).
        tokens: every source's tokens file.
        links: ``links.parquet`` from ``safelink link``.
        index: the person index, if one is kept.
        releases: release bundles to look in.
        audit_log: the audit log (default: the job's; one is required).

    Returns:
        A :class:`SubjectReport` (no NHS number, no token).

    Raises:
        InputError: the number is not a valid NHS number, or an input is missing.
        LinkageError: the files were made under another link key.
        ConfigError: no audit log.
    """
    log = audit_log_of(config, audit_log)
    known = read_index(index) if index is not None and Path(index).exists() else None
    # Counts only: never the number, its token or a person id (filled in before the entry).
    arguments: dict[str, Any] = {"erase": False}
    key_ids = {"link": keys.namespace_key("link").key_id}
    with audited_return(log, "subject", arguments, _inputs(links, tokens, index), key_ids):
        report, _ = _lookup(config, nhs_number, keys, tokens, links, known, releases)
        arguments["persons_found"] = len(report.persons)
    return report


def erase_subject(
    config: JobConfig,
    nhs_number: str,
    *,
    keys: Keyring,
    tokens: Sequence[Path | str],
    links: Path | str,
    index: Path | str,
    erasures: Path | str,
    releases: Sequence[Path | str] = (),
    audit_log: Path | str | None = None,
    today: dt.date | None = None,
) -> SubjectReport:
    """Erase the person holding ``nhs_number``: out of the index and of every later release.

    Args:
        config: the job config.
        nhs_number: the NHS number (from a prompt or stdin).
        keys: the project keyring.
        tokens: every source's tokens file.
        links: ``links.parquet``.
        index: the person index (rewritten without the persons).
        erasures: the erasure register (created if missing; the entry is added).
        releases: release bundles to report (they are not changed: already sent).
        audit_log: the audit log (default: the job's; one is required).
        today: the date recorded (default: today).

    Returns:
        The :class:`SubjectReport` of what was erased (``erased`` true when someone was).

    Raises:
        InputError: an invalid NHS number, a missing input, or a bad register.
        LinkageError: files made under another link key.
        OutputError: the index, register or audit log cannot be written.
    """
    log = audit_log_of(config, audit_log)
    known = read_index(index) if Path(index).exists() else None
    register = read_erasures(erasures, missing_ok=True)
    key_id = keys.namespace_key("link").key_id
    if register.key_id and not hmac.compare_digest(register.key_id, key_id):
        raise LinkageError(f"{erasures}: made under another link key than this keyring's.")
    arguments: dict[str, Any] = {"erase": True}
    inputs = _inputs(links, tokens, index)
    with audited_return(log, "subject", arguments, inputs, {"link": key_id}) as outputs:
        report, token = _lookup(config, nhs_number, keys, tokens, links, known, releases)
        arguments["persons_found"] = len(report.persons)
        if not report.persons:
            return report
        ids = {i for p in report.persons for i in _earlier_ids(known, p.person_id)}
        entry = Erasure(
            person_ids=tuple(sorted(ids)),
            nhs_number_token=token,
            date=(today or dt.date.today()).isoformat(),
        )
        updated = dataclasses.replace(register, key_id=key_id, entries=(*register.entries, entry))
        write_erasures(updated, erasures)
        outputs[Path(erasures).name] = io.sha256_file(erasures)
        if known is not None:
            kept = dataclasses.replace(  # every other field (key, keying of names) kept
                known,
                records=known.records.filter(~pl.col("person_id").is_in(sorted(ids))),
                history=tuple(
                    h for h in known.history if h.get("old") not in ids and h.get("new") not in ids
                ),
            )
            with io.atomic_path(index) as temporary:
                write_index(kept, temporary)
            outputs[Path(index).name] = io.sha256_file(index)
    return dataclasses.replace(report, erased=True)
