"""Bad input, tried systematically: readers, config loader, normalisers.

Each case must give a correct result or a SafelinkError with a clear message; never another
exception, a hang or a partial output. Counts of generated cases are set here (README figures).
"""

from __future__ import annotations

import csv
import io as stdio
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safelink.config import load_config, parse_config
from safelink.errors import ConfigError, InputError, SafelinkError
from safelink.identifiers import Identifier
from safelink.infra.io import read_frame
from safelink.normalise import normalise

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CELL = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30
)  # any Unicode but surrogates


def _write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


@FUZZ
@given(data=st.binary(max_size=400))
def test_read_frame_random_bytes_give_frame_or_input_error(tmp_path_factory, data: bytes):
    path = _write(tmp_path_factory.mktemp("fuzz"), "x.csv", data)
    try:
        frame = read_frame(path)
    except InputError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert isinstance(frame, pl.DataFrame)


@FUZZ
@given(
    header=st.lists(
        st.text(alphabet="abcdefghij_", min_size=1, max_size=6), min_size=1, max_size=5, unique=True
    ),
    rows=st.lists(
        st.lists(CELL.filter(lambda c: "\x00" not in c), min_size=5, max_size=5), max_size=8
    ),
)
def test_read_frame_round_trips_any_quoted_text(tmp_path_factory, header, rows):
    """Embedded newlines, quotes, commas, accents and emoji survive a CSV written by Python."""
    width = len(header)
    table = [row[:width] for row in rows]
    buffer = stdio.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(table)
    path = _write(tmp_path_factory.mktemp("rt"), "x.csv", buffer.getvalue().encode("utf-8"))
    frame = read_frame(path)
    assert frame.columns == header
    expected = [[cell if cell != "" else None for cell in row] for row in table]
    assert [list(r) for r in frame.rows()] == expected


@FUZZ
@given(text=st.text(max_size=300))
def test_config_random_text_gives_config_or_config_error(tmp_path_factory, text: str):
    path = _write(tmp_path_factory.mktemp("cfg"), "c.yaml", text.encode("utf-8"))
    try:
        load_config(path)
    except ConfigError as exc:
        assert exc.problems


@FUZZ
@given(
    document=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_parse_config_any_structure_never_crashes(document):
    try:
        parse_config(document)
    except ConfigError as exc:
        assert exc.problems


@FUZZ
@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.text(max_size=50),
            st.binary(max_size=20).map(lambda b: b.decode("latin-1")),
        ),
        max_size=20,
    ),
    kind=st.sampled_from(list(Identifier)),
)
def test_every_normaliser_total_on_any_text(values, kind: Identifier):
    result = normalise(kind, pl.Series("c", values, dtype=pl.String))
    assert result.values.len() == len(values)
    accepted = int(result.values.is_not_null().sum())
    rejected = int(result.reasons.is_not_null().sum())
    assert accepted + rejected + result.missing == len(values)


@pytest.mark.parametrize(
    ("name", "data", "outcome"),
    [
        ("nul.csv", b"a,b\n1,\x002\n", InputError),
        ("bom.csv", "\ufeffa,b\n1,2\n".encode(), None),
        ("latin1.csv", "name\nJos\xe9 \xa35\n".encode("latin-1"), InputError),
        ("crlf.csv", b"a,b\r\n1,2\r\n", None),
        ("header_only.csv", b"a,b\n", None),
        ("only_newlines.csv", b"\n\n\n", InputError),
        ("dup.csv", b"a,a\n1,2\n", InputError),
        ("ragged.csv", b"a,b\n1\n", InputError),
        ("unterminated.csv", b'a,b\n"1,2\n', InputError),
        ("binary.parquet", bytes(range(256)) * 4, InputError),
    ],
)
def test_read_frame_named_bad_inputs(tmp_path: Path, name: str, data: bytes, outcome):
    path = _write(tmp_path, name, data)
    if outcome is None:
        assert isinstance(read_frame(path), pl.DataFrame)
    else:
        with pytest.raises(outcome):
            read_frame(path)


def test_read_frame_one_megabyte_cell_and_ten_thousand_columns(tmp_path: Path):
    big = "x" * (1 << 20)
    frame = read_frame(_write(tmp_path, "big.csv", f"a,b\n{big},1\n".encode()))
    assert frame["a"].str.len_chars().to_list() == [1 << 20]
    header = ",".join(f"c{i}" for i in range(10_000))
    row = ",".join("1" for _ in range(10_000))
    wide = read_frame(_write(tmp_path, "wide.csv", f"{header}\n{row}\n".encode()))
    assert wide.width == 10_000


def test_windows_1252_text_read_with_its_encoding(tmp_path: Path):
    path = _write(
        tmp_path,
        "w.csv",
        "name,price\nRen\u00e9e,\u00a35 \u2013 \u201cquoted\u201d\n".encode("cp1252"),
    )
    with pytest.raises(InputError, match="encoding"):
        read_frame(path)
    frame = read_frame(path, encoding="cp1252")
    assert frame.row(0) == ("Ren\u00e9e", "\u00a35 \u2013 \u201cquoted\u201d")


def test_errors_are_all_safelink_errors():
    assert issubclass(InputError, SafelinkError) and issubclass(ConfigError, SafelinkError)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(
            st.text(alphabet="abcXYZ09 ", max_size=8),
            st.text(alphabet="abc \n,", max_size=8),  # quoted: commas and line breaks inside
        ),
        min_size=1,
        max_size=30,
    ),
    data=st.data(),
    bad=st.sampled_from([b"\xe9", b"\xff", b"\xc3", b"\x80\x80"]),
    crlf=st.booleans(),
)
def test_read_frame_undecodable_byte_names_its_physical_line(
    tmp_path_factory, rows, data, bad: bytes, crlf: bool
):
    """Wherever the first bad byte is (in any row, inside a multi-line quoted value or not),
    the error names the line an editor shows it on, and never the value."""
    newline = b"\r\n" if crlf else b"\n"
    encoded = [b"plain,quoted"] + [f'{a},"{b}"'.encode() for a, b in rows]
    target = data.draw(st.integers(min_value=1, max_value=len(rows)), label="row")
    plain, quoted = rows[target - 1]
    encoded[target] = f'{plain},"{quoted}'.encode() + bad + b'"'  # at the end of the value
    text = newline.join(encoded) + newline
    expected_line = text[: text.index(bad)].count(b"\n") + 1
    path = _write(tmp_path_factory.mktemp("enc"), "x.csv", text)
    with pytest.raises(InputError) as info:
        read_frame(path)
    assert f"line {expected_line}:" in str(info.value)
    assert "--encoding" in str(info.value)
