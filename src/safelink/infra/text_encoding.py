"""Text encodings of CSV extracts: which names are accepted, and what to suggest on failure.

Any text encoding in Python's codec registry that leaves ASCII as it is (so commas, quotes and
newlines are the bytes a CSV reader looks for) is accepted: UTF-8, Windows-1252 (``cp1252``),
ISO-8859-1 (``latin-1``), ISO-8859-15, Mac Roman, Shift-JIS and so on. UTF-16 and UTF-32 are
refused with a hint to re-export as UTF-8; so are the codecs that are not file encodings
(``unicode_escape``, ``idna``, ``rot13``, ``base64``...).
"""

from __future__ import annotations

import codecs

from safelink.errors import InputError

#: Shown as examples wherever an encoding is asked for.
COMMON_ENCODINGS = ("utf-8", "cp1252", "latin-1")

# Registered text codecs that transform text rather than encode a file's characters.
_NOT_FILE_ENCODINGS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7"}
)
_ASCII = bytes(range(128))


def canonical_encoding(name: str) -> str:
    """Return Python's canonical name for a CSV text encoding, or raise if it cannot be used.

    Args:
        name: an encoding name or alias, e.g. ``utf8``, ``windows-1252``, ``latin1``.

    Returns:
        The codec's canonical name (``utf-8``, ``cp1252``, ``iso8859-1``...).

    Raises:
        InputError: the name is unknown, not a text encoding, or not ASCII-compatible.

    Example:
        >>> canonical_encoding("Windows-1252")
        'cp1252'

    """
    examples = ", ".join(COMMON_ENCODINGS)
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError) as exc:
        raise InputError(
            f"unknown text encoding {name!r}; give one Python knows, such as {examples}."
        ) from exc
    canonical = info.name
    if not info._is_text_encoding or canonical in _NOT_FILE_ENCODINGS:
        raise InputError(f"{name!r} is not a file encoding; give one such as {examples}.")
    try:
        ascii_compatible = _ASCII.decode(canonical) == _ASCII.decode("ascii")
    except (UnicodeError, LookupError):
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(
            f"encoding {name!r} is not ASCII-compatible (as UTF-16 and EBCDIC are not); "
            "re-export the file as UTF-8."
        )
    return canonical


def suggest_encoding(sample: bytes, tried: str) -> str:
    """Name the first common encoding, other than the one tried, that decodes ``sample``.

    Args:
        sample: bytes around the first undecodable byte (never shown to anyone).
        tried: the canonical name of the encoding that failed.

    Returns:
        ``utf-8``, ``cp1252`` (Windows exports) or, as it decodes any bytes, ``latin-1``.

    """
    for candidate in COMMON_ENCODINGS:
        if codecs.lookup(candidate).name == tried:
            continue
        try:
            sample.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return "latin-1"
