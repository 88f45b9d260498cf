"""Public testing helpers: synthetic identifiers and hypothesis strategies.

Everything here is synthetic. NHS numbers come only from the 999 range, which is never issued
to patients, and carry a valid modulus-11 check digit, so they exercise validators without ever
being a real person's number.
"""

from __future__ import annotations

import random
from typing import Any

from safelink.normalise import nhs_check_digit_valid

_WEIGHTS = range(10, 1, -1)


def nhs_check_digit(first_nine: str) -> int | None:
    """Return the modulus-11 check digit for nine digits, or None when none exists (10)."""
    total = sum(int(d) * w for d, w in zip(first_nine, _WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def synthetic_nhs_number(rng: random.Random) -> str:
    """Draw a valid-check-digit NHS number from the never-issued 999 range."""
    while True:
        first_nine = "999" + f"{rng.randrange(1_000_000):06d}"
        check = nhs_check_digit(first_nine)
        if check is not None and len(set(first_nine + str(check))) > 1:
            return first_nine + str(check)


def synthetic_nhs_numbers(count: int, *, seed: int = 0, unique: bool = True) -> list[str]:
    """Draw ``count`` synthetic 999-range NHS numbers (distinct when ``unique``)."""
    rng = random.Random(seed)
    if not unique:
        return [synthetic_nhs_number(rng) for _ in range(count)]
    valid = [
        f"999{n:06d}{c}"
        for n in range(1_000_000)
        if (c := nhs_check_digit(f"999{n:06d}")) is not None and (n, c) != (999_999, 9)
    ]
    if count > len(valid):
        raise ValueError(f"only {len(valid)} distinct valid numbers exist in the 999 range")
    return rng.sample(valid, count)


def is_synthetic_nhs_number(value: str) -> bool:
    """Whether a value is a valid 999-range (test) NHS number."""
    return value.startswith("999") and nhs_check_digit_valid(value)


def nhs_number_strategy() -> Any:
    """A hypothesis strategy for valid synthetic NHS numbers (needs hypothesis installed)."""
    from hypothesis import strategies as st

    return (
        st.integers(min_value=0, max_value=999_999)
        .map(lambda n: f"999{n:06d}")
        .filter(lambda nine: nhs_check_digit(nine) is not None)
        .map(lambda nine: nine + str(nhs_check_digit(nine)))
        .filter(lambda number: len(set(number)) > 1)  # ten repeated digits is a placeholder
    )


def nhs_number_formats_strategy() -> Any:
    """A strategy of (canonical, written) pairs: one number written the ways extracts do."""
    from hypothesis import strategies as st

    def written(number: str) -> Any:
        spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
        dashed = f"{number[:3]}-{number[3:6]}-{number[6:]}"
        return st.sampled_from([number, spaced, dashed, f" {spaced} "]).map(
            lambda text: (number, text)
        )

    return nhs_number_strategy().flatmap(written)
