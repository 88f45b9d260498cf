"""Per-recipient household pseudonyms and household size (RALF-style), for ``release.households``.

A record's ``household`` token (``link:household``: the parent UPRN of a flat, else its UPRN;
see :mod:`safelink.uprn`) is read from its source's tokens file, beside the content file, and
re-keyed under the recipient's own subkey, ``release:RECIPIENT:household``: persons of one
household share one ``h_`` pseudonym, two recipients' household ids never join, and no token
leaves. ``household_size`` counts the released persons sharing a household, so a release's
disclosure section can declare it a quasi-identifier like any other column.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from safelink.errors import InputError
from safelink.keys import Keyring, SubKey
from safelink.pseudonymise import RECORD_ID, read_tokens_metadata
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.release.pseudonyms import check_recipient, keyed_pseudonyms

HOUSEHOLD = "household"
HOUSEHOLD_SIZE = "household_size"
HOUSEHOLD_PREFIX = "h_"
HOUSEHOLD_PURPOSE = "link:household"


def household_key(keys: Keyring, recipient: str, links_sha256: str | None = None) -> SubKey:
    """The recipient's subkey for household pseudonyms (``release:RECIPIENT:household``).

    Args:
        keys: the project keyring.
        recipient: who the release is for.
        links_sha256: with ``per_release`` person pseudonyms, the links file's hash: the
            household ids of two releases then never join either.

    Raises:
        ConfigError: an invalid recipient name.
    """
    name = f"release:{check_recipient(recipient)}:household"
    return keys.subkey(name if links_sha256 is None else f"{name}:{links_sha256[:32]}")


def record_households(source: str, tokens: Path) -> pl.DataFrame:
    """Each record's household token from a source's tokens file: ``record_id``, ``household``.

    Raises:
        InputError: the tokens file is missing, or holds no household tokens (its address was
            not resolved to UPRNs: set ``resolve_uprn`` and a gazetteer on the address column).
    """
    if not tokens.is_file():
        raise InputError(
            f"release.households needs the tokens file of source {source!r} ({tokens.name}, "
            "beside its content file); put it there and release again."
        )
    try:
        purposes = json.loads(read_tokens_metadata(tokens).get("purposes", "{}"))
    except ValueError:
        purposes = {}
    column = next((c for c, p in sorted(purposes.items()) if p == HOUSEHOLD_PURPOSE), None)
    if column is None:
        raise InputError(
            f"{tokens.name}: source {source!r} has no household tokens; resolve its address "
            "column to UPRNs (resolve_uprn: true with a gazetteer) and pseudonymise again, or "
            "set release.households: false."
        )
    frame = read_tokens(tokens, columns=[RECORD_ID, column])
    return frame.rename({column: HOUSEHOLD})


def with_households(data: pl.DataFrame, key: SubKey, *, person_id: str) -> pl.DataFrame:
    """Replace the ``household`` tokens by pseudonyms and add ``household_size``.

    Args:
        data: records with ``person_id`` and ``household`` (a token, null where unresolved).
        key: the subkey from :func:`household_key`.
        person_id: the column of linkage-unit person ids.

    Returns:
        ``data`` with ``household`` pseudonymised and ``household_size`` (the distinct
        persons of ``data`` in the record's household; null where the household is unknown).
    """
    size = pl.col(person_id).n_unique().over(HOUSEHOLD).cast(pl.Int64)
    sized = data.with_columns(
        pl.when(pl.col(HOUSEHOLD).is_not_null()).then(size).alias(HOUSEHOLD_SIZE)
    )
    pseudonyms = keyed_pseudonyms(sized[HOUSEHOLD], key, prefix=HOUSEHOLD_PREFIX, name=HOUSEHOLD)
    return sized.with_columns(pseudonyms)


def household_pseudonym_scheme(per_release: bool) -> dict[str, str]:
    """The manifest's account of how household pseudonyms were made."""
    bound = " bound to this release's links file" if per_release else ""
    return {
        "column": HOUSEHOLD,
        "size_column": HOUSEHOLD_SIZE,
        "derived_from": f"the household token (link:household), under the recipient's household "
        f"key{bound}: other recipients' household ids never join; no token leaves",
        "size": "distinct released persons sharing the household (null where unknown)",
    }
