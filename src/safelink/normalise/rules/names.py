"""Names: canonical forms for matching (case, accents, titles, suffixes, punctuation)."""

from __future__ import annotations

from functools import cache

from safelink.engines.sql import literal
from safelink.normalise import constants as c
from safelink.normalise.constants import WS, Reason
from safelink.normalise.rules.sql import (
    Rule,
    _accepted,
    _guarded,
    _reason,
    _Steps,
    blank,
    matches,
    replace_all,
    trim,
)


def name_canonical_steps(steps: _Steps, source: str) -> str:
    """Add the steps giving the canonical form of the text column named ``source``.

    NFKD without accents, upper case, special letters spelt out, apostrophes dropped, other
    punctuation and spaces collapsed to one space, titles and suffixes removed. Returns the
    canonical column's reference.
    """
    folded = steps.fold("folded", source)
    text = f"UPPER({folded})"
    for letter, plain in c.SPECIAL_LETTERS.items():
        text = f"REPLACE({text}, {literal(letter)}, {literal(plain)})"
    # Apostrophes join (O'Brien -> OBRIEN); other punctuation separates parts.
    text = replace_all(text, c.APOSTROPHES, "")
    text = trim(replace_all(text, c.NOT_LETTER_OR_NUMBER, " "))
    text = replace_all(text, rf"^(?:(?:{'|'.join(c.TITLES)})[{WS}]+)+", "")
    text = replace_all(text, rf"^(?:{'|'.join(c.BARE_HONORIFICS)})$", "")
    text = replace_all(text, rf"(?:[{WS}]+(?:{'|'.join(c.SUFFIXES)}))+$", "")
    (canonical,) = steps.add(canonical=text)
    return canonical


@cache
def name_canonical(source: str, prefix: str = "") -> Rule:
    """The canonical form of a name, unchecked (``value``; no ``reason``): for surrogates."""
    steps = _Steps(prefix)
    steps.add(text=f"CAST({source} AS VARCHAR)")
    canonical = name_canonical_steps(steps, "text")
    return steps.finish(canonical, "CAST(NULL AS VARCHAR)")


@cache
def name(source: str, prefix: str = "") -> Rule:
    """Forenames, surnames and full names; values holding digits are rejected."""
    steps = _Steps(prefix)
    (present,) = steps.add(present=blank(source))
    canonical = name_canonical_steps(steps, "present")
    reason = _reason(
        (matches(canonical, c.ANY_DIGIT), Reason.CONTAINS_DIGITS),
        (f"{canonical} = ''", Reason.EMPTY_AFTER_CLEANING),
    )
    (reason_ref,) = steps.add(reason=_guarded(present, reason))
    steps.add(value=_accepted(reason_ref, canonical))
    return steps.rule()
