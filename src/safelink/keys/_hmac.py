"""Keyed HMAC-SHA256 tokens over Arrow string columns (private; used by :mod:`safelink.keys`).

A token is ``hex(HMAC-SHA256(key, value_utf8)[:length])``, lowercase, ``2 * length`` characters
(:func:`hmac_hex_array`), or the same ``length`` bytes as they are (:func:`hmac_binary_array`: a
``fixed_size_binary(length)`` array, how tokens files store them since tokens format 2).

Two backends give byte-identical results:

- ``native``: the C extension :mod:`safelink.keys._native` (no OpenSSL; SHA-NI when the CPU has it).
  It reads the Arrow array's buffers in place, hashes with the GIL released, and returns one
  contiguous hex buffer that becomes the result array without another copy.
- ``python``: :mod:`hashlib` with the key's inner and outer states computed once and copied per
  value. Used when the extension was not built (no C compiler at install time).

The key is only ever passed as an argument to a function call: it is never put into a query
plan, an expression, a repr or a log message. Error messages never contain a key or a value.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any, Literal

import pyarrow as pa
import pyarrow.compute as pc

from safelink.errors import InputError, SafelinkError

_native: ModuleType | None
try:  # the extension is optional: setup.py builds it only when a C compiler is available
    _native = importlib.import_module("safelink.keys._native")
except ImportError:  # pragma: no cover - depends on how the package was installed
    _native = None

__all__ = [
    "Backend",
    "hmac_binary_array",
    "hmac_hex_array",
    "hmac_sha256",
    "native_available",
    "native_implementation",
]

Backend = Literal["auto", "native", "python"]

_BLOCK_SIZE = 64  # SHA-256 block size in bytes (RFC 2104's B)
_DIGEST_SIZE = 32
_BACKENDS = ("auto", "native", "python")
_BUILD_HINT = (
    "the native HMAC extension (safelink.keys._native) is not built; install a C compiler "
    "(gcc or clang, plus the Python headers) and reinstall safelink "
    "(pip install --force-reinstall --no-deps safelink, or `python setup.py build_ext --inplace` "
    "in a source checkout), or use backend='python'"
)


def native_available() -> bool:
    """Return whether the native extension was built and can be used.

    Returns:
        True when :mod:`safelink.keys._native` imported.
    """
    return _native is not None


def native_implementation() -> str | None:
    """Return which SHA-256 routine the native extension uses.

    Returns:
        ``"sha-ni"`` (x86-64 SHA extensions), ``"portable"`` (plain C), or None when the
        extension is not built.
    """
    if _native is None:
        return None
    return str(_native.implementation())


def hmac_sha256(key: bytes, message: bytes) -> bytes:
    """Return the full 32-byte HMAC-SHA256 of one message.

    Args:
        key: the secret key (any length but empty; longer than 64 bytes is hashed first).
        message: the bytes to authenticate.

    Returns:
        The 32-byte MAC.

    Raises:
        InputError: the key or message is not bytes, or the key is empty.
    """
    _check_key(key)
    if not isinstance(message, bytes | bytearray | memoryview):
        raise InputError("HMAC message must be bytes; encode text as UTF-8 first")
    return hmac.digest(key, message, "sha256")


def hmac_hex_array(
    key: bytes,
    values: pa.Array | pa.ChunkedArray,
    *,
    length: int = 16,
    backend: Backend = "auto",
) -> pa.Array | pa.ChunkedArray:
    """Return hex HMAC-SHA256 tokens for every value of a text column.

    Each value's UTF-8 bytes are authenticated under ``key`` and the first ``length`` bytes of
    the MAC are written as ``2 * length`` lowercase hex characters. Nulls stay null.

    Args:
        key: the secret key (non-empty bytes).
        values: a ``string``, ``large_string``, ``string_view``, ``binary``, ``large_binary``
            or dictionary-of-strings array, or a chunked array of one of those. An all-null
            (``null`` type) array is accepted too.
        length: how many leading bytes of each MAC to keep, 1 to 32.
        backend: ``"native"`` (the C extension), ``"python"`` (hashlib), or ``"auto"`` (native
            when built, else python). Both give identical tokens.

    Returns:
        A ``large_string`` array of the same length, or a ``ChunkedArray`` of ``large_string``
        chunks (one per input chunk) when ``values`` is chunked. Null values are empty slots
        under the null bitmap, so no bytes of any null input reach the output.

    Raises:
        InputError: the key, ``length``, ``backend`` or the array's type is not usable.
        SafelinkError: ``backend="native"`` was asked for but the extension is not built.

    Example:
        >>> tokens = hmac_hex_array(subkey_bytes, pa.array(["9991549803", None]), length=8)
        >>> tokens.type
        DataType(large_string)
    """
    return _token_array(key, values, length, backend, binary=False)


def hmac_binary_array(
    key: bytes,
    values: pa.Array | pa.ChunkedArray,
    *,
    length: int = 16,
    backend: Backend = "auto",
) -> pa.Array | pa.ChunkedArray:
    """Return binary HMAC-SHA256 tokens: :func:`hmac_hex_array`'s bytes, not their hex.

    Returns:
        A ``fixed_size_binary(length)`` array (chunked like ``values``); a null value's slot
        is zero bytes under the null bitmap, so no bytes of any null input reach the output.

    Raises:
        InputError: as :func:`hmac_hex_array`.
        SafelinkError: as :func:`hmac_hex_array`.
    """
    return _token_array(key, values, length, backend, binary=True)


def _token_array(
    key: bytes, values: pa.Array | pa.ChunkedArray, length: int, backend: object, *, binary: bool
) -> pa.Array | pa.ChunkedArray:
    _check_key(key)
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= _DIGEST_SIZE:
        raise InputError(f"token length must be a whole number of bytes from 1 to {_DIGEST_SIZE}")
    hash_array = _choose_backend(backend)
    kind = pa.binary(length) if binary else pa.large_string()
    if isinstance(values, pa.ChunkedArray):
        chunks = [hash_array(key, _prepare(chunk), length, binary) for chunk in values.chunks]
        return pa.chunked_array(chunks, type=kind)
    if isinstance(values, pa.Array):
        return hash_array(key, _prepare(values), length, binary)
    raise InputError(
        "values to tokenise must be a pyarrow Array or ChunkedArray of text "
        "(convert with pyarrow.array(...) or polars Series.to_arrow())"
    )


def _check_key(key: object) -> None:
    if not isinstance(key, bytes | bytearray):
        raise InputError("HMAC key must be bytes (a derived subkey), not text or another type")
    if len(key) == 0:
        raise InputError("HMAC key is empty; derive a subkey from the project key instead")


def _choose_backend(backend: object) -> Callable[[bytes, pa.Array, int, bool], pa.Array]:
    if backend not in _BACKENDS:
        raise InputError(f"unknown HMAC backend; choose one of {', '.join(_BACKENDS)}")
    if backend == "python" or (backend == "auto" and _native is None):
        return _python_array
    if _native is None:
        raise SafelinkError(_BUILD_HINT)
    return _native_array


def _prepare(array: pa.Array) -> pa.Array:
    """Return ``array`` as a (large_)string/binary array whose buffers the backends can read."""
    kind = array.type
    if pa.types.is_dictionary(kind):
        array = array.dictionary_decode()
        kind = array.type
    if pa.types.is_string_view(kind):
        return array.cast(pa.large_string())
    if pa.types.is_binary_view(kind):
        return array.cast(pa.large_binary())
    if (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
        or pa.types.is_null(kind)
    ):
        return array
    raise InputError(
        f"values to tokenise must be text, but the column has Arrow type {kind}; "
        "normalise it to strings first"
    )


def _is_large(array: pa.Array) -> bool:
    return bool(pa.types.is_large_string(array.type) or pa.types.is_large_binary(array.type))


def _output_validity(array: pa.Array) -> pa.Buffer | None:
    """Return the input's null bitmap from offset 0, shared without a copy when aligned."""
    if array.null_count == 0:
        return None
    validity = array.buffers()[0]
    if validity is not None and array.offset % 8 == 0:
        return validity.slice(array.offset // 8, (len(array) + 7) // 8)
    mask = pc.is_valid(array)
    buffer = mask.buffers()[1]
    if mask.offset == 0 and buffer is not None:
        return buffer
    return pa.array(mask.to_pylist(), pa.bool_()).buffers()[1]  # pragma: no cover


def _native_array(key: bytes, array: pa.Array, length: int, binary: bool) -> pa.Array:
    assert _native is not None
    count = len(array)
    if pa.types.is_null(array.type):
        return pa.nulls(count, pa.binary(length) if binary else pa.large_string())
    validity, offsets, data = array.buffers()[:3]
    hex_bytes, hex_offsets = _native.hmac_sha256_hex(
        key,
        data if data is not None else b"",
        offsets if offsets is not None else bytes(8),
        _is_large(array),
        array.offset,
        count,
        length,
        validity if array.null_count else None,
        raw=binary,
    )
    if binary:
        return pa.Array.from_buffers(
            pa.binary(length),
            count,
            [_output_validity(array), pa.py_buffer(hex_bytes)],
            null_count=array.null_count,
        )
    return pa.Array.from_buffers(
        pa.large_string(),
        count,
        [_output_validity(array), pa.py_buffer(hex_offsets), pa.py_buffer(hex_bytes)],
        null_count=array.null_count,
    )


def key_blocks(key: bytes) -> tuple[bytes, bytes]:
    """Return the HMAC-SHA256 key blocks ``(K' xor ipad, K' xor opad)`` of RFC 2104.

    K' is the key (hashed first when longer than the 64-byte SHA-256 block) padded with zeros
    to the block. The one place safelink pads a key: the pure Python HMAC, the key blocks the
    Spark engine computes HMAC with, and the per-run record-id key all use it.
    """
    block = hashlib.sha256(key).digest() if len(key) > _BLOCK_SIZE else bytes(key)
    block = block.ljust(_BLOCK_SIZE, b"\0")
    return bytes(b ^ 0x36 for b in block), bytes(b ^ 0x5C for b in block)


def key_from_inner_block(inner: bytes) -> bytes:
    """Return K' (the padded key) from its inner block ``K' xor ipad`` (see :func:`key_blocks`).

    HMAC under K' equals HMAC under the key it was padded from (RFC 2104 pads the key to K'
    first), so an engine's worker that received only the inner block computes the same tokens.
    """
    if len(inner) != _BLOCK_SIZE:
        raise InputError(f"an HMAC key block has {_BLOCK_SIZE} bytes")
    return bytes(b ^ 0x36 for b in inner)


def _key_states(key: bytes) -> tuple[Any, Any]:
    """Return hashlib objects that have absorbed key XOR ipad and key XOR opad (RFC 2104)."""
    inner, outer = key_blocks(key)
    return hashlib.sha256(inner), hashlib.sha256(outer)


def _python_array(key: bytes, array: pa.Array, length: int, binary: bool) -> pa.Array:
    hex_tokens = _python_hex_array(key, array, length)
    if not binary:
        return hex_tokens
    return pa.array(
        [None if t is None else bytes.fromhex(t) for t in hex_tokens.to_pylist()],
        pa.binary(length),
    )


def _python_hex_array(key: bytes, array: pa.Array, length: int) -> pa.Array:
    count = len(array)
    if pa.types.is_null(array.type) or array.null_count == count:
        return pa.nulls(count, pa.large_string())
    _, offsets_buffer, data_buffer = array.buffers()[:3]
    item = 8 if _is_large(array) else 4
    start = array.offset * item
    offsets = (
        memoryview(offsets_buffer)[start : start + (count + 1) * item]
        .cast("q" if item == 8 else "i")
        .tolist()
    )
    data = memoryview(data_buffer) if data_buffer is not None else memoryview(b"")
    inner, outer = _key_states(key)
    new_inner, new_outer = inner.copy, outer.copy
    tokens: list[str | None] = []
    append = tokens.append
    if array.null_count == 0:
        lo = offsets[0]
        for hi in offsets[1:]:
            mac = new_inner()
            mac.update(data[lo:hi])
            tag = new_outer()
            tag.update(mac.digest())
            append(tag.digest()[:length].hex())
            lo = hi
    else:
        valid = array.is_valid().to_pylist()
        for index, is_valid in enumerate(valid):
            if not is_valid:
                append(None)
                continue
            mac = new_inner()
            mac.update(data[offsets[index] : offsets[index + 1]])
            tag = new_outer()
            tag.update(mac.digest())
            append(tag.digest()[:length].hex())
    del inner, outer, new_inner, new_outer
    return pa.array(tokens, pa.large_string())
