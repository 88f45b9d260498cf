"""Per-recipient person pseudonyms: a keyed token of the linkage unit's person id.

Each recipient has its own subkey, ``release:RECIPIENT``, so the same person has unrelated
pseudonyms in two recipients' releases and the releases cannot be joined. Person ids that last
(a persistent person index) give pseudonyms that last: a recipient's monthly releases join.
``per_release`` binds the subkey to the release's links file too, so no two releases join. A
pseudonym is ``p_`` + 24 hex characters (96 bits of HMAC-SHA256): its shape differs from a
linkage token (32 or more hex characters) so the release gate can tell them apart.
"""

from __future__ import annotations

import re

import polars as pl

from safelink.errors import ConfigError, LinkageError
from safelink.keys import Keyring, SubKey

PSEUDONYM_PREFIX = "p_"
PSEUDONYM_HEX = 24
_RECIPIENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def check_recipient(recipient: str) -> str:
    """Return ``recipient`` if it is a valid recipient name.

    Raises:
        ConfigError: the name is empty, too long, or has characters other than letters,
            digits, ``-`` and ``_``.
    """
    if not isinstance(recipient, str) or not _RECIPIENT.match(recipient):
        raise ConfigError(
            ["release.recipient must be 1-64 letters, digits, '-' or '_' (e.g. uni_research)"],
            "<release>",
        )
    return recipient


def recipient_key(keys: Keyring, recipient: str) -> SubKey:
    """Return the subkey for a recipient's pseudonyms (``release:RECIPIENT``).

    Raises:
        ConfigError: an invalid recipient name.
        KeyringError: the key source cannot derive release keys.
    """
    return keys.subkey(f"release:{check_recipient(recipient)}")


def per_release_key(keys: Keyring, recipient: str, links_sha256: str) -> SubKey:
    """The subkey of per-release pseudonyms: the recipient's, bound to this release's links.

    Releases of other links files (another month) get unrelated pseudonyms; the same links
    released again to the same recipient get the same ones (same inputs, same outputs).
    """
    return keys.subkey(f"release:{check_recipient(recipient)}:{links_sha256[:32]}")


def person_pseudonym_scheme(scheme: str) -> dict[str, str]:
    """The manifest's account of how person pseudonyms were made."""
    if scheme == "per_release":
        return {
            "scheme": "per_release",
            "derived_from": "the person id, under the recipient's key bound to this release's "
            "links file: no other release joins",
        }
    return {
        "scheme": "stable",
        "derived_from": "the person id, under the recipient's key: releases to this recipient "
        "from a persistent person index join; other recipients' never do",
    }


def pseudonymise_persons(person_ids: pl.Series, key: SubKey) -> pl.Series:
    """Map linkage-unit person ids to the recipient's pseudonyms (same order, nulls kept).

    Args:
        person_ids: the ``person_id`` column of ``links.parquet``.
        key: the recipient's subkey from :func:`recipient_key`.

    Returns:
        A text Series named ``person``.

    Raises:
        LinkageError: two distinct person ids got the same pseudonym (never expected at
            96 bits; checked so that a collision can never merge two people silently).
    """
    return keyed_pseudonyms(person_ids, key, prefix=PSEUDONYM_PREFIX, name="person")


def keyed_pseudonyms(values: pl.Series, key: SubKey, *, prefix: str, name: str) -> pl.Series:
    """Map values to ``prefix`` + 24 hex characters of their keyed token (nulls kept).

    Args:
        values: what to pseudonymise (person ids, household tokens).
        key: the recipient's subkey for this kind of pseudonym.
        prefix: the pseudonym's prefix (``p_`` for persons, ``h_`` for households).
        name: the returned Series' name (also what the collision message calls the values).

    Returns:
        A text Series named ``name``, row for row.

    Raises:
        LinkageError: two distinct values got the same pseudonym (never expected at 96 bits;
            checked so that a collision can never merge two of them silently).
    """
    text = values.cast(pl.String)
    tokens = pl.Series(name, key.tokens(text.to_arrow(), length=16), dtype=pl.String)
    pseudonyms = (prefix + tokens.str.slice(0, PSEUDONYM_HEX)).alias(name)
    pairs = pl.DataFrame({"id": text, "p": pseudonyms}).drop_nulls().unique()
    if pairs["p"].n_unique() != pairs["id"].n_unique():
        raise LinkageError(f"two {name}s received the same release pseudonym; release again.")
    return pseudonyms
