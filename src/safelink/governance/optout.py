"""Opt-outs: people who objected (the national data opt-out, a local objection register).

A list of NHS numbers (a text file, one per line; blank lines, ``#`` comments and a
``nhs_number`` header line are ignored) is normalised exactly as an NHS-number column is, and
tokenised under the project's ``link:nhs_number`` key with the job's token length: the same
token an extract's NHS number gets. The NHS numbers themselves are held only while they are
tokenised. :func:`safelink.pseudonymise_file` then drops, before anything is written, every
record whose NHS-number token is on the list, so those people never reach linkage or a
release; each source's run summary, and every release manifest, count them (never list them).

A record of an opted-out person that carries no NHS number cannot be recognised by it, and is
kept: the list is matched on NHS numbers only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from safelink.errors import InputError
from safelink.identifiers import Identifier
from safelink.infra import io
from safelink.keys import Keyring, NamespaceKey, ProviderKey
from safelink.normalise import normalise

#: The key purpose of NHS-number tokens (as :func:`safelink.pseudonymise.token_plan` uses).
PURPOSE = f"link:{Identifier.NHS_NUMBER}"
_HEADER = "nhs_number"
_SHOWN_LINES = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class OptOuts:
    """A tokenised opt-out list (tokens only; ``repr`` shows counts and ids).

    Attributes:
        tokens: the NHS-number tokens of the people who opted out.
        entries: how many distinct NHS numbers the list holds.
        sha256: the SHA-256 of the list file (to tell which list was applied).
        key_id: the id of the namespace key the tokens were made under.
    """

    tokens: frozenset[str]
    entries: int
    sha256: str
    key_id: str

    def __repr__(self) -> str:
        return f"OptOuts(entries={self.entries}, sha256={self.sha256[:12]}…, key_id={self.key_id})"

    def record(self, opted_out: int) -> dict[str, Any]:
        """The run summary's record: the list applied and how many records it dropped."""
        return {
            "list_sha256": self.sha256,
            "entries": self.entries,
            "key_id": self.key_id,
            "records_dropped": opted_out,
        }

    def mask(self, tokens: pa.Table, columns: Sequence[str]) -> pa.Array:
        """True for each row whose token in any of ``columns`` (NHS-number tokens) is listed.

        The columns may hold hex text or, as tokens files store them, raw bytes.
        """
        hit = pa.repeat(pa.scalar(False), tokens.num_rows)
        listed = sorted(self.tokens)
        for column in columns:
            values = tokens.column(column)
            if pa.types.is_fixed_size_binary(values.type):
                listed_array = pa.array([bytes.fromhex(t) for t in listed], values.type)
            else:
                listed_array = pa.array(listed, values.type)
            found = pc.fill_null(pc.is_in(values, value_set=listed_array), False)
            hit = pc.or_(hit, found)
        return hit.combine_chunks() if isinstance(hit, pa.ChunkedArray) else hit


def load_opt_outs(
    path: Path | str, keys: Keyring | ProviderKey | NamespaceKey, *, length: int = 16
) -> OptOuts:
    """Read an opt-out list of NHS numbers and tokenise it as NHS-number tokens are.

    Args:
        path: the list (UTF-8 text, one NHS number per line, with or without spaces).
        keys: the project keyring, a provider's link key, or the ``link`` namespace key.
        length: bytes kept per token (the job's ``tokens.length``).

    Returns:
        The tokenised list.

    Raises:
        InputError: the file is missing or unreadable, holds no NHS number, or a line is not
            a valid NHS number (named by line number, never by value).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the opt-out list as UTF-8 text.") from exc
    numbers: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.split("#", 1)[0].strip()
        if not value or (not numbers and not lines and value.lower() == _HEADER):
            continue
        numbers.append(value)
        lines.append(number)
    if not numbers:
        raise InputError(f"{path}: the opt-out list holds no NHS numbers; give one per line.")
    result = normalise(Identifier.NHS_NUMBER, pl.Series(numbers, dtype=pl.String))
    bad = [lines[i] for i in result.values.is_null().arg_true().to_list()]
    if bad:
        shown = ", ".join(str(n) for n in bad[:_SHOWN_LINES])
        more = f" and {len(bad) - _SHOWN_LINES} more" if len(bad) > _SHOWN_LINES else ""
        raise InputError(
            f"{path}: line(s) {shown}{more} are not valid NHS numbers (10 digits with a valid "
            "check digit); correct or remove them, so that no objection is silently ignored."
        )
    namespace = keys if isinstance(keys, NamespaceKey) else keys.namespace_key("link")
    canonical = result.values.unique()
    tokens = namespace.subkey(PURPOSE).tokens(canonical.to_arrow(), length=length)
    return OptOuts(
        tokens=frozenset(str(t) for t in pl.Series(tokens).to_list()),
        entries=canonical.len(),
        sha256=io.sha256_file(path),
        key_id=namespace.key_id,
    )
