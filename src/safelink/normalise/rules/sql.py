"""SQL building blocks of the rules: steps, Unicode folding, matching, replacing, shapes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from safelink.engines.sql import check_portable, literal, quote
from safelink.normalise.constants import WS, Reason

_EDGES = f"^[{WS}]+|[{WS}]+$"


@dataclass(frozen=True, slots=True)
class Fold:
    """A step the backend performs: ``target`` is ``source`` in NFKD without combining marks."""

    target: str
    source: str


Step = Mapping[str, str] | Fold
"""Column name -> SQL expression over earlier columns (evaluated together), or a fold."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A normaliser as steps over one table.

    Attributes:
        steps: evaluated in order; each reads the input columns and earlier steps' columns.
        value: the name of the canonical-value column.
        reason: the name of the rejection-reason column.
        scratch: the intermediate columns the steps add (drop them when done).

    """

    steps: tuple[Step, ...]
    value: str
    reason: str
    scratch: tuple[str, ...]


class _Steps:
    """Builds a rule's steps, naming every column with the rule's prefix."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.steps: list[Step] = []

    def add(self, **columns: str) -> tuple[str, ...]:
        """One step adding ``columns``; returns their SQL references, in order."""
        self.steps.append({self.prefix + name: sql for name, sql in columns.items()})
        return tuple(quote(self.prefix + name) for name in columns)

    def fold(self, name: str, source: str) -> str:
        """A fold step from the column named ``source``; returns the new column's reference."""
        self.steps.append(Fold(self.prefix + name, self.prefix + source))
        return quote(self.prefix + name)

    def finish(self, value: str, reason: str) -> Rule:
        """The rule, ending in ``value`` and ``reason`` (SQL expressions) as the last step."""
        self.add(value=value, reason=reason)
        return self.rule()

    def rule(self) -> Rule:
        """The rule whose last step already added ``value`` and ``reason``."""
        names = [n for s in self.steps for n in (s if isinstance(s, Mapping) else [s.target])]
        out = (self.prefix + "value", self.prefix + "reason")
        return Rule(tuple(self.steps), *out, tuple(n for n in names if n not in out))


def matches(sql: str, pattern: str) -> str:
    """SQL: whether ``sql`` matches the regex ``pattern`` (checked portable)."""
    return f"REGEXP_MATCHES({sql}, {literal(check_portable(pattern))})"


def replace_all(sql: str, pattern: str, replacement: str) -> str:
    """SQL: every match of ``pattern`` (checked portable) in ``sql`` replaced by literal text.

    Every engine replaces all matches (DuckDB's ``'g'`` flag; Spark always). An anchored
    pattern matches once, so it also stands for polars' replace-first.
    """
    pattern = check_portable(pattern)
    return f"REGEXP_REPLACE({sql}, {literal(pattern)}, {literal(replacement)}, 'g')"


#: Longest masked shape reported; longer values end in an ellipsis.
SHAPE_LENGTH = 24


def value_shape(sql: str) -> str:
    """SQL: the masked shape of a raw value: digits -> ``9``, letters -> ``A``, spaces -> `` ``.

    ``'NW1 4BX'`` -> ``'AA9 9AA'``; punctuation is kept, so an operator sees why a value was
    rejected (``'999-999-999'``, ``'99/99/9999'``) without seeing the value. Longer than
    :data:`SHAPE_LENGTH` characters, it is cut and ends in ``'…'``.
    """
    text = f"CAST({sql} AS VARCHAR)"
    # Combining marks go first, so that a decomposed accent leaves nothing of its letter.
    bare = replace_all(text, r"\p{M}", "")
    masked = replace_all(replace_all(bare, r"\p{Nd}", "9"), r"\p{L}", "A")
    spaced = replace_all(masked, f"[{WS}]", " ")
    cut = f"SUBSTRING({spaced}, 1, {SHAPE_LENGTH})"
    return f"CASE WHEN LENGTH({spaced}) > {SHAPE_LENGTH} THEN {cut} || '…' ELSE {spaced} END"


def trim(sql: str) -> str:
    """SQL: ``sql`` without leading and trailing Unicode whitespace."""
    return replace_all(sql, _EDGES, "")


def blank(source: str) -> str:
    """SQL: the text trimmed of Unicode whitespace, null where blank (``blank_to_null``)."""
    return f"NULLIF({trim(f'CAST({source} AS VARCHAR)')}, '')"


def _reason(*cases: tuple[str, Reason]) -> str:
    whens = " ".join(f"WHEN {test} THEN {literal(reason.value)}" for test, reason in cases)
    return f"CASE {whens} END"


def _accepted(reason: str, value: str) -> str:
    return f"CASE WHEN {reason} IS NULL THEN {value} END"


def _guarded(present: str, reason: str) -> str:
    """A reason, null where the input is missing."""
    return f"CASE WHEN {present} IS NULL THEN NULL ELSE {reason} END"


def _any(sql: str, patterns: tuple[str, ...]) -> str:
    return "(" + " OR ".join(matches(sql, p) for p in patterns) + ")"


def _int(sql: str) -> str:
    return f"TRY_CAST({sql} AS INTEGER)"


def _compact(steps: _Steps, source: str) -> tuple[str, str]:
    """(present, compact): the value trimmed, and upper case without spaces or hyphens."""
    (present,) = steps.add(present=blank(source))
    (compact,) = steps.add(compact=replace_all(f"UPPER({present})", rf"[{WS}\-]", ""))
    return present, compact


def _shaped(source: str, prefix: str, *, valid: str, invalid: str | None = None) -> Rule:
    """Compact upper case, accepted when it matches ``valid`` (and not ``invalid``)."""
    steps = _Steps(prefix)
    present, compact = _compact(steps, source)
    test = f"NOT {matches(compact, valid)}"
    if invalid is not None:
        test += f" OR {matches(compact, invalid)}"
    (reason_ref,) = steps.add(reason=_guarded(present, _reason((test, Reason.INVALID_FORMAT))))
    steps.add(value=_accepted(reason_ref, compact))
    return steps.rule()
