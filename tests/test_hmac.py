"""Keyed HMAC-SHA256 tokens over Arrow arrays: both backends against RFC 4231 and the stdlib."""

from __future__ import annotations

import hmac
import struct
from collections.abc import Iterator

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safelink.errors import InputError, SafelinkError
from safelink.keys import _hmac
from safelink.synthetic.testing import synthetic_nhs_numbers

BACKENDS = [
    "python",
    pytest.param(
        "native",
        marks=pytest.mark.skipif(
            not _hmac.native_available(), reason="safelink.keys._native is not built"
        ),
    ),
]
needs_native = pytest.mark.skipif(
    not _hmac.native_available(), reason="safelink.keys._native is not built"
)

KEY = bytes(range(1, 33))  # synthetic test key

# RFC 4231 section 4: (key, data, HMAC-SHA-256). Case 5 is truncated to 128 bits.
RFC4231 = [
    (
        b"\x0b" * 20,
        b"Hi There",
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    ),
    (
        b"Jefe",
        b"what do ya want for nothing?",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    ),
    (
        b"\xaa" * 20,
        b"\xdd" * 50,
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
    ),
    (
        bytes(range(1, 26)),
        b"\xcd" * 50,
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
    ),
    (b"\x0c" * 20, b"Test With Truncation", "a3b6167473100ee06e0c796c2955552b"),
    (
        b"\xaa" * 131,
        b"Test Using Larger Than Block-Size Key - Hash Key First",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    ),
    (
        b"\xaa" * 131,
        b"This is a test using a larger than block-size key and a larger than block-size data."
        b" The key needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    ),
]
RFC4231_IDS = [f"case{n}" for n in range(1, 8)]


def expected_tokens(key: bytes, values: list[str | None], length: int) -> list[str | None]:
    """The stdlib oracle."""
    return [
        None if v is None else hmac.digest(key, v.encode(), "sha256")[:length].hex() for v in values
    ]


@pytest.fixture(params=[True, False], ids=["accelerated", "portable"])
def native_path(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a native test once with the CPU-specific SHA-256 routine and once without."""
    if not _hmac.native_available():
        pytest.skip("safelink.keys._native is not built")
    from safelink.keys import _native

    chosen = _native._set_accelerated(request.param)
    try:
        yield chosen
    finally:
        _native._set_accelerated(True)


# --- RFC 4231 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "data", "expected"), RFC4231, ids=RFC4231_IDS)
def test_hmac_sha256_rfc4231_vector_matches(key: bytes, data: bytes, expected: str) -> None:
    assert _hmac.hmac_sha256(key, data).hex()[: len(expected)] == expected


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("key", "data", "expected"), RFC4231, ids=RFC4231_IDS)
def test_hmac_hex_array_rfc4231_vector_matches(
    key: bytes, data: bytes, expected: str, backend: str
) -> None:
    length = len(expected) // 2
    array = pa.array([data, None, data], pa.binary())
    out = _hmac.hmac_hex_array(key, array, length=length, backend=backend)  # type: ignore[arg-type]
    assert out.to_pylist() == [expected, None, expected]


@pytest.mark.parametrize(("key", "data", "expected"), RFC4231, ids=RFC4231_IDS)
def test_native_kernel_rfc4231_vector_matches_on_both_paths(
    key: bytes, data: bytes, expected: str, native_path: str
) -> None:
    out = _hmac.hmac_hex_array(key, pa.array([data], pa.large_binary()), length=len(expected) // 2)
    assert out.to_pylist() == [expected]


# --- agreement with the stdlib ----------------------------------------------------------------

text_values = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=80),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=50, max_size=70),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=110, max_size=135),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=201, max_size=400),
)


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.binary(min_size=1, max_size=200),
    values=st.lists(st.one_of(st.none(), text_values), max_size=40),
    length=st.integers(min_value=1, max_value=32),
    large=st.booleans(),
)
def test_hmac_hex_array_random_values_match_stdlib(
    backend: str, key: bytes, values: list[str | None], length: int, large: bool
) -> None:
    array = pa.array(values, pa.large_string() if large else pa.string())
    out = _hmac.hmac_hex_array(key, array, length=length, backend=backend)  # type: ignore[arg-type]
    out.validate(full=True)
    assert out.type == pa.large_string()
    assert out.to_pylist() == expected_tokens(key, values, length)


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.one_of(st.none(), text_values), min_size=1, max_size=40),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_hmac_hex_array_random_slice_matches_stdlib(
    backend: str, values: list[str | None], bounds: tuple[int, int]
) -> None:
    start, size = bounds
    sliced = pa.array(values, pa.string()).slice(start, size)
    out = _hmac.hmac_hex_array(KEY, sliced, backend=backend)  # type: ignore[arg-type]
    out.validate(full=True)
    assert out.to_pylist() == expected_tokens(KEY, values[start : start + size], 16)


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_every_padding_boundary_matches_stdlib(backend: str) -> None:
    # Byte lengths 0..200 cover 55/56 (one or two padding blocks), 63/64/65 and 119/120.
    values = ["é" * (n // 2) + "x" * (n % 2) for n in range(201)]
    assert [len(v.encode()) for v in values] == list(range(201))
    for key in (b"k", KEY, b"\x5c" * 64, b"\x36" * 65, bytes(range(200))):
        out = _hmac.hmac_hex_array(key, pa.array(values), length=32, backend=backend)  # type: ignore[arg-type]
        assert out.to_pylist() == expected_tokens(key, values, 32)


def test_native_kernel_boundaries_match_stdlib_on_both_paths(native_path: str) -> None:
    values = ["7" * n for n in range(260)]
    values[5::7] = [None] * len(values[5::7])  # type: ignore[list-item]
    out = _hmac.hmac_hex_array(KEY, pa.array(values), length=32)
    assert out.to_pylist() == expected_tokens(KEY, values, 32)


def test_hmac_hex_array_backends_agree_on_nhs_numbers() -> None:
    if not _hmac.native_available():
        pytest.skip("safelink.keys._native is not built")
    array = pa.array(synthetic_nhs_numbers(2000, seed=7))
    native = _hmac.hmac_hex_array(KEY, array, backend="native")
    python = _hmac.hmac_hex_array(KEY, array, backend="python")
    assert native.equals(python)
    assert native.to_pylist() == expected_tokens(KEY, array.to_pylist(), 16)


# --- nulls, slices, types, chunks -------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_nulls_stay_null(backend: str) -> None:
    values = ["9991549803", None, "", None, "9996565386", None, None, None, None, "x"]
    out = _hmac.hmac_hex_array(KEY, pa.array(values), backend=backend)  # type: ignore[arg-type]
    out.validate(full=True)
    assert out.null_count == 6
    assert [v is None for v in out.to_pylist()] == [v is None for v in values]
    assert out.to_pylist() == expected_tokens(KEY, values, 16)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("typ", [pa.string(), pa.large_string()], ids=["string", "large_string"])
def test_hmac_hex_array_sliced_array_matches_slice_of_values(
    backend: str, typ: pa.DataType
) -> None:
    values = [None if i % 4 == 1 else f"value-{i}" for i in range(20)]
    sliced = pa.array(values, typ).slice(3, 10)
    assert sliced.offset == 3
    out = _hmac.hmac_hex_array(KEY, sliced, backend=backend)  # type: ignore[arg-type]
    out.validate(full=True)
    assert len(out) == 10
    assert out.to_pylist() == expected_tokens(KEY, values[3:13], 16)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("offset", [0, 8, 16])
def test_hmac_hex_array_byte_aligned_slice_keeps_nulls(backend: str, offset: int) -> None:
    values = [None if i % 3 == 0 else str(i) for i in range(40)]
    sliced = pa.array(values, pa.large_string()).slice(offset, 17)
    out = _hmac.hmac_hex_array(KEY, sliced, backend=backend)  # type: ignore[arg-type]
    out.validate(full=True)
    assert out.to_pylist() == expected_tokens(KEY, values[offset : offset + 17], 16)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "typ",
    [pa.string(), pa.large_string(), pa.string_view(), pa.binary(), pa.large_binary()],
    ids=str,
)
def test_hmac_hex_array_text_types_give_same_tokens(backend: str, typ: pa.DataType) -> None:
    values = ["9991549803", None, "Ōmura", ""]
    raw = [None if v is None else v.encode() for v in values]
    array = pa.array(
        raw if pa.types.is_binary(typ) or pa.types.is_large_binary(typ) else values, typ
    )
    out = _hmac.hmac_hex_array(KEY, array, backend=backend)  # type: ignore[arg-type]
    assert out.type == pa.large_string()
    assert out.to_pylist() == expected_tokens(KEY, values, 16)


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_dictionary_array_is_decoded(backend: str) -> None:
    values = ["a", "b", None, "a"]
    array = pa.array(values).dictionary_encode()
    out = _hmac.hmac_hex_array(KEY, array, backend=backend)  # type: ignore[arg-type]
    assert out.to_pylist() == expected_tokens(KEY, values, 16)


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_chunked_input_gives_chunked_output(backend: str) -> None:
    chunks = [["1", None, "3"], [], ["4", "5"], [None]]
    chunked = pa.chunked_array([pa.array(c, pa.string()) for c in chunks], type=pa.string())
    out = _hmac.hmac_hex_array(KEY, chunked, backend=backend)  # type: ignore[arg-type]
    assert isinstance(out, pa.ChunkedArray)
    assert out.type == pa.large_string()
    assert [len(c) for c in out.chunks] == [len(c) for c in chunks]
    flat = [v for c in chunks for v in c]
    assert out.to_pylist() == expected_tokens(KEY, flat, 16)


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_empty_and_all_null_arrays_keep_length(backend: str) -> None:
    for array in (pa.array([], pa.string()), pa.array([None, None], pa.large_string())):
        out = _hmac.hmac_hex_array(KEY, array, backend=backend)  # type: ignore[arg-type]
        out.validate(full=True)
        assert out.type == pa.large_string()
        assert out.to_pylist() == [None] * len(array)
    null_typed = _hmac.hmac_hex_array(KEY, pa.nulls(3), backend=backend)  # type: ignore[arg-type]
    assert null_typed.type == pa.large_string()
    assert null_typed.to_pylist() == [None, None, None]


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_every_length_is_prefix_of_full_mac(backend: str) -> None:
    values = ["9991549803", "", "a" * 100]
    full = expected_tokens(KEY, values, 32)
    for length in range(1, 33):
        out = _hmac.hmac_hex_array(KEY, pa.array(values), length=length, backend=backend)  # type: ignore[arg-type]
        tokens = out.to_pylist()
        assert all(len(t) == 2 * length for t in tokens)
        assert tokens == [f[: 2 * length] for f in full]  # type: ignore[index]


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_hex_array_different_keys_give_different_tokens(backend: str) -> None:
    array = pa.array(synthetic_nhs_numbers(50, seed=3))
    one = _hmac.hmac_hex_array(KEY, array, backend=backend)  # type: ignore[arg-type]
    two = _hmac.hmac_hex_array(KEY[:-1] + b"\x00", array, backend=backend)  # type: ignore[arg-type]
    assert not set(one.to_pylist()) & set(two.to_pylist())


# --- errors -----------------------------------------------------------------------------------

SECRET_KEY = b"very-secret-key-material-0123456789"
SECRET_VALUE = "9991549803"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("key", "values", "kwargs"),
    [
        ("text key", pa.array([SECRET_VALUE]), {}),
        (b"", pa.array([SECRET_VALUE]), {}),
        (SECRET_KEY, pa.array([SECRET_VALUE]), {"length": 0}),
        (SECRET_KEY, pa.array([SECRET_VALUE]), {"length": 33}),
        (SECRET_KEY, pa.array([SECRET_VALUE]), {"length": True}),
        (SECRET_KEY, pa.array([SECRET_VALUE]), {"length": 16.0}),
        (SECRET_KEY, pa.array([SECRET_VALUE]), {"backend": "fast"}),
        (SECRET_KEY, pa.array([9991549803]), {}),
        (SECRET_KEY, [SECRET_VALUE], {}),
    ],
    ids=[
        "str-key",
        "empty-key",
        "length-0",
        "length-33",
        "length-bool",
        "length-float",
        "unknown-backend",
        "int-array",
        "python-list",
    ],
)
def test_hmac_hex_array_bad_argument_raises_input_error_without_secrets(
    backend: str, key: object, values: object, kwargs: dict[str, object]
) -> None:
    options: dict[str, object] = {"backend": backend, **kwargs}
    with pytest.raises(InputError) as info:
        _hmac.hmac_hex_array(key, values, **options)  # type: ignore[arg-type]
    message = str(info.value)
    assert SECRET_KEY.decode() not in message
    assert SECRET_VALUE not in message


def test_hmac_sha256_bad_arguments_raise_input_error() -> None:
    with pytest.raises(InputError):
        _hmac.hmac_sha256(b"", b"message")
    with pytest.raises(InputError):
        _hmac.hmac_sha256("key", b"message")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        _hmac.hmac_sha256(SECRET_KEY, SECRET_VALUE)  # type: ignore[arg-type]


def test_hmac_hex_array_native_missing_raises_with_build_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_hmac, "_native", None)
    assert not _hmac.native_available()
    assert _hmac.native_implementation() is None
    with pytest.raises(SafelinkError, match="C compiler") as info:
        _hmac.hmac_hex_array(KEY, pa.array(["a"]), backend="native")
    assert "reinstall" in str(info.value)


def test_hmac_hex_array_auto_without_native_uses_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_hmac, "_native", None)
    out = _hmac.hmac_hex_array(KEY, pa.array(["a", None]))
    assert out.to_pylist() == expected_tokens(KEY, ["a", None], 16)


@needs_native
def test_native_kernel_bad_buffers_raise_value_error_without_secrets() -> None:
    from safelink.keys import _native

    data = SECRET_VALUE.encode()
    good = struct.pack("<2i", 0, len(data))
    call = _native.hmac_sha256_hex
    with pytest.raises(ValueError, match="offsets") as info:
        call(SECRET_KEY, data, struct.pack("<2i", 0, len(data) + 1), False, 0, 1, 16)
    assert SECRET_VALUE not in str(info.value)
    assert SECRET_KEY.decode() not in str(info.value)
    with pytest.raises(ValueError, match="offsets"):
        call(SECRET_KEY, data, struct.pack("<2i", 5, 2), False, 0, 1, 16)
    with pytest.raises(ValueError, match="offsets"):
        call(SECRET_KEY, data, struct.pack("<2i", -1, 2), False, 0, 1, 16)
    with pytest.raises(ValueError, match="too short"):
        call(SECRET_KEY, data, good, False, 0, 2, 16)
    with pytest.raises(ValueError, match="too short"):
        call(SECRET_KEY, data, good, True, 0, 1, 16)
    with pytest.raises(ValueError, match="too short"):
        call(SECRET_KEY, data, struct.pack("<9i", *range(9)), False, 0, 8, 16, b"")
    with pytest.raises(ValueError, match="length"):
        call(SECRET_KEY, data, good, False, 0, 1, 0)
    with pytest.raises(ValueError, match="negative"):
        call(SECRET_KEY, data, good, False, -1, 1, 16)
    with pytest.raises(ValueError, match="empty"):
        call(b"", data, good, False, 0, 1, 16)
    with pytest.raises(TypeError, match="key"):
        call("key", data, good, False, 0, 1, 16)
    with pytest.raises(TypeError, match="data"):
        call(SECRET_KEY, 5, good, False, 0, 1, 16)
    hex_bytes, offsets = call(SECRET_KEY, data, good, False, 0, 1, 16)
    assert hex_bytes.decode() == hmac.digest(SECRET_KEY, data, "sha256")[:16].hex()
    assert struct.unpack("<2q", offsets) == (0, 32)


@needs_native
def test_native_implementation_is_reported() -> None:
    assert _hmac.native_implementation() in {"sha-ni", "portable"}


@pytest.mark.parametrize("length", [0, 16, 32, 64, 65, 100])
def test_key_blocks_give_rfc_2104_hmac_for_any_key_length(length: int) -> None:
    import hashlib
    import hmac as std_hmac

    from safelink.keys._hmac import key_blocks

    key = bytes(range(length))
    inner, outer = key_blocks(key)
    message = b"9990000018"
    manual = hashlib.sha256(outer + hashlib.sha256(inner + message).digest()).digest()
    assert manual == std_hmac.digest(key, message, "sha256")
    assert len(inner) == len(outer) == 64


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(st.one_of(st.none(), text_values), max_size=40),
    length=st.integers(min_value=1, max_value=32),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_hmac_binary_array_holds_the_bytes_of_the_hex_tokens(
    backend: str, values: list[str | None], length: int, bounds: tuple[int, int]
) -> None:
    # Tokens format 2 stores the raw bytes: fixed width, nulls null (zero-filled slots).
    start, size = bounds
    sliced = pa.array(values, pa.string()).slice(start, size)
    out = _hmac.hmac_binary_array(KEY, sliced, length=length, backend=backend)  # type: ignore[arg-type]
    out.validate(full=True)
    assert out.type == pa.binary(length)
    expected = expected_tokens(KEY, values[start : start + size], length)
    assert out.to_pylist() == [None if t is None else bytes.fromhex(t) for t in expected]
    if out.null_count:
        data = out.buffers()[1].to_pybytes()
        nulls = [i for i, v in enumerate(out.to_pylist()) if v is None]
        assert all(data[i * length : (i + 1) * length] == bytes(length) for i in nulls)


@pytest.mark.parametrize("backend", BACKENDS)
def test_hmac_binary_array_chunked_and_all_null_inputs(backend: str) -> None:
    chunked = pa.chunked_array([pa.array(["1", None], pa.string()), pa.array([], pa.string())])
    out = _hmac.hmac_binary_array(KEY, chunked, backend=backend)  # type: ignore[arg-type]
    assert isinstance(out, pa.ChunkedArray) and out.type == pa.binary(16)
    assert out.to_pylist() == [bytes.fromhex(expected_tokens(KEY, ["1"], 16)[0]), None]
    empty = _hmac.hmac_binary_array(KEY, pa.nulls(3), backend=backend)  # type: ignore[arg-type]
    assert empty.type == pa.binary(16) and empty.null_count == 3
