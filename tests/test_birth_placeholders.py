"""Placeholder dates of birth are a job setting (``tokens.unknown_birth_dates``, ...)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from safelink.config import parse_config
from safelink.errors import ConfigError
from safelink.keys import Keyring
from safelink.normalise import BirthDatePlaceholders, normalise_date_of_birth
from safelink.pseudonymise import pseudonymise

TODAY = dt.date(2025, 6, 1)
WRITTEN = ["1900-01-01", "01/01/1978", "1978-07-01", "1901-01-01", "14/03/1978"]


def _normalised(placeholders: BirthDatePlaceholders) -> list[tuple[str | None, str | None]]:
    result = normalise_date_of_birth(pl.Series(WRITTEN), today=TODAY, placeholders=placeholders)
    return list(zip(result.values.to_list(), result.reasons.to_list(), strict=True))


def test_birth_placeholders_default_rejects_unknown_and_reads_1_january_as_year() -> None:
    assert _normalised(BirthDatePlaceholders()) == [
        (None, "placeholder"),
        ("1978", None),
        ("1978-07-01", None),
        ("1901", None),
        ("1978-03-14", None),
    ]


def test_birth_placeholders_configured_lists_replace_the_defaults() -> None:
    placeholders = BirthDatePlaceholders(unknown=(dt.date(1901, 1, 1),), year_only=((7, 1),))
    assert _normalised(placeholders) == [
        ("1900-01-01", None),  # no longer a placeholder, and 1 January is a real day
        ("1978-01-01", None),
        ("1978", None),  # 1 July is this system's "year only"
        (None, "placeholder"),
        ("1978-03-14", None),
    ]


def test_birth_placeholders_empty_lists_read_every_date_as_written() -> None:
    values = [v for v, _ in _normalised(BirthDatePlaceholders(unknown=(), year_only=()))]
    assert values == ["1900-01-01", "1978-01-01", "1978-07-01", "1901-01-01", "1978-03-14"]


def _config(tokens: dict[str, object]) -> object:
    return parse_config(
        {
            "project": "test",
            "tokens": tokens,
            "sources": {"s": {"columns": {"dob": {"role": "identifier", "kind": "date_of_birth"}}}},
            # A job makes the derived tokens its link section reads: this one reads the year.
            "link": {
                "cascade": {"match_keys": [{"name": "year", "columns": ["date_of_birth_year"]}]}
            },
        }
    )


def test_pseudonymise_reads_placeholders_from_the_job_config(keyring: Keyring) -> None:
    frame = pl.DataFrame({"dob": ["01/01/1978", "1978-01-01", "1900-01-01"]})
    default = pseudonymise(frame, _config({}), keyring)
    # 1 January is the year alone by default: no full-date token, a year token.
    assert default.tokens["date_of_birth"].to_list()[:2] == [None, None]
    assert default.tokens["date_of_birth_year"].null_count() == 1
    assert dict(default.summary.columns[0].rejected) == {"placeholder": 1}
    written = pseudonymise(
        frame, _config({"year_only_birth_days": [], "unknown_birth_dates": []}), keyring
    )
    full = written.tokens["date_of_birth"].to_list()
    assert None not in full and full[0] == full[1] != full[2]
    assert dict(written.summary.columns[0].rejected) == {}


def test_birth_placeholders_config_refuses_what_is_not_a_date_or_day() -> None:
    with pytest.raises(ConfigError) as caught:
        _config({"unknown_birth_dates": ["1900-02-30"], "year_only_birth_days": ["13-01"]})
    message = str(caught.value)
    assert "tokens.unknown_birth_dates[0]: must be a real date written YYYY-MM-DD" in message
    assert "tokens.year_only_birth_days[0]: must be a day of the year written MM-DD" in message
