"""Per-person date shifting: exact intervals, keyed offsets, options, and clear errors."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safelink.errors import InputError
from safelink.keys import Keyring
from safelink.surrogate import allowed_offsets, shift_dates

FORMAT = "%Y-%m-%d"


def _days(series: pl.Series) -> list[int]:
    return [(d - dt.date(2000, 1, 1)).days for d in series.str.strptime(pl.Date, FORMAT)]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C", "D"]),
            st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
            st.integers(0, 400),
        ),
        min_size=1,
        max_size=40,
    ),
    max_days=st.integers(7, 400),
    keep_weekday=st.booleans(),
)
def test_shift_dates_intervals_within_person_exact(
    ring: Keyring, rows: list[tuple[str, dt.date, int]], max_days: int, keep_weekday: bool
) -> None:
    frame = pl.DataFrame(
        {
            "pid": [r[0] for r in rows],
            "start": [r[1].isoformat() for r in rows],
            "end": [(r[1] + dt.timedelta(days=r[2])).isoformat() for r in rows],
        }
    )
    out = shift_dates(
        frame, ["start", "end"], person="pid", keyring=ring, max_days=max_days,
        keep_weekday=keep_weekday,
    ).data  # fmt: skip
    before_start, after_start = _days(frame["start"]), _days(out["start"])
    before_end, after_end = _days(frame["end"]), _days(out["end"])
    offsets: dict[str, int] = {}
    for i, person in enumerate(frame["pid"]):
        shift = after_start[i] - before_start[i]
        assert after_end[i] - before_end[i] == shift  # same row: same shift
        assert offsets.setdefault(person, shift) == shift  # same person: same shift
        assert 1 <= abs(shift) <= max_days
        if keep_weekday:
            assert shift % 7 == 0


def test_shift_dates_keyed_consistent_across_files(ring: Keyring, other_ring: Keyring) -> None:
    people = [f"P{i}" for i in range(300)]
    one = pl.DataFrame({"pid": people, "d": ["2024-06-01"] * 300})
    two = pl.DataFrame({"pid": people[::-1], "d": ["2024-06-01"] * 300})
    a = shift_dates(one, ["d"], person="pid", keyring=ring).data
    b = shift_dates(two, ["d"], person="pid", keyring=ring).data.reverse()
    c = shift_dates(one, ["d"], person="pid", keyring=other_ring).data
    assert a["d"].to_list() == b["d"].to_list()
    assert (a["d"] == c["d"]).mean() < 0.05  # type: ignore[operator]
    assert a["d"].n_unique() > 100  # offsets differ between persons


def test_shift_dates_typed_dates_and_datetimes_keep_dtype(ring: Keyring) -> None:
    frame = pl.DataFrame(
        {
            "pid": ["A", "A"],
            "day": [dt.date(2024, 1, 1), dt.date(2024, 1, 11)],
            "at": [dt.datetime(2024, 1, 1, 9, 30), dt.datetime(2024, 1, 2, 17, 0)],
        }
    )
    out = shift_dates(frame, ["day", "at"], person="pid", keyring=ring).data
    assert out.schema == frame.schema
    assert (out["day"][1] - out["day"][0]).days == 10
    assert out["at"][1] - out["at"][0] == frame["at"][1] - frame["at"][0]
    assert out["at"][0].time() == dt.time(9, 30)


def test_shift_dates_keep_birth_year_clamps_and_counts(ring: Keyring) -> None:
    people = [f"P{i}" for i in range(200)]
    births = [dt.date(1950 + i % 50, 12, 31) if i % 2 else dt.date(1950 + i % 50, 1, 1)
              for i in range(200)]  # fmt: skip
    frame = pl.DataFrame(
        {"pid": people, "seen": ["2024-06-15"] * 200, "dob": [b.isoformat() for b in births]}
    )
    result = shift_dates(
        frame, ["seen"], person="pid", keyring=ring, birth_column="dob", keep_birth_year=True
    )
    offsets = [d - dt.date(2024, 6, 15).toordinal() for d in
               (dt.date.fromisoformat(v).toordinal() for v in result.data["seen"])]  # fmt: skip
    after = [dt.date.fromisoformat(v) for v in result.data["dob"]]
    expected_clamped = 0
    for birth, offset, new in zip(births, offsets, after, strict=True):
        assert new.year == birth.year
        moved = birth + dt.timedelta(days=offset)
        if moved.year != birth.year:
            expected_clamped += 1
            assert new == birth  # 1 Jan moved back, or 31 Dec moved on: clamped to itself
        else:
            assert new == moved  # unclamped births keep exact intervals
    assert result.report.births_clamped == expected_clamped
    assert 0 < expected_clamped < 200
    assert "year of birth" in result.report.preserves


def test_shift_dates_blank_and_missing_dates_kept(extract: pl.DataFrame, ring: Keyring) -> None:
    out = shift_dates(extract, ["admitted", "discharged"], person="person_id", keyring=ring).data
    assert out.height == extract.height
    assert out["admitted"][6] == ""
    assert out["discharged"][6] is None


def test_shift_dates_unparseable_column_named(extract: pl.DataFrame, ring: Keyring) -> None:
    bad = extract.with_columns(pl.col("admitted").str.replace("2024-07-07", "07/07/24"))
    with pytest.raises(InputError, match="date column 'admitted': 1 value"):
        shift_dates(bad, ["admitted"], person="person_id", keyring=ring)


def test_shift_dates_missing_person_named(extract: pl.DataFrame, ring: Keyring) -> None:
    bad = extract.with_columns(
        pl.when(pl.int_range(pl.len()) == 2)
        .then(None)
        .otherwise(pl.col("person_id"))
        .alias("person_id")
    )
    with pytest.raises(InputError, match="person column 'person_id' has 1 missing"):
        shift_dates(bad, ["admitted"], person="person_id", keyring=ring)


@pytest.mark.parametrize(
    ("columns", "options", "pattern"),
    [
        (["nope"], {}, "date column 'nope' is not in the data"),
        (["admitted"], {"person": "who"}, "person column 'who'"),
        (["surname"], {}, "date column 'surname'"),
        (["admitted"], {"keep_birth_year": True}, "birth_column"),
        (["admitted"], {"min_days": 10, "max_days": 5}, "min_days=10"),
        (["admitted"], {"min_days": 1, "max_days": 6, "keep_weekday": True}, "multiple of 7"),
    ],
)
def test_shift_dates_bad_settings_clear_error(
    extract: pl.DataFrame,
    ring: Keyring,
    columns: list[str],
    options: dict[str, object],
    pattern: str,
) -> None:
    settings_ = {"person": "person_id", **options}
    with pytest.raises(InputError, match=pattern):
        shift_dates(extract, columns, keyring=ring, **settings_)  # type: ignore[arg-type]


def test_allowed_offsets_zero_only_when_asked() -> None:
    assert 0 not in allowed_offsets(min_days=1, max_days=30, keep_weekday=False)
    assert 0 in allowed_offsets(min_days=0, max_days=30, keep_weekday=False)
    weekly = allowed_offsets(min_days=1, max_days=30, keep_weekday=True)
    assert weekly == [-28, -21, -14, -7, 7, 14, 21, 28]


def test_shift_report_states_what_is_and_is_not_preserved(
    extract: pl.DataFrame, ring: Keyring
) -> None:
    report = shift_dates(extract, ["admitted"], person="person_id", keyring=ring).report
    record = report.to_dict()
    assert any("intervals" in line for line in record["preserves"])
    assert any("weekday" in line for line in record["does_not_preserve"])
    assert record["persons"] == 6 and record["formats"] == {"admitted": FORMAT}
    for value in extract["admitted"].drop_nulls():
        if value:
            assert value not in str(record)
