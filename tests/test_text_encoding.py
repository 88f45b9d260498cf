"""Which CSV encodings are accepted (the --encoding option and the source's 'encoding' key)."""

from __future__ import annotations

import pytest

from safelink.config import parse_config
from safelink.errors import ConfigError, InputError
from safelink.infra.text_encoding import canonical_encoding, suggest_encoding


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("utf8", "utf-8"),
        ("UTF-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("Windows-1252", "cp1252"),
        ("latin1", "iso8859-1"),
        ("ISO-8859-15", "iso8859-15"),
        ("mac_roman", "mac-roman"),
    ],
)
def test_canonical_encoding_alias_gives_python_name(name: str, canonical: str):
    assert canonical_encoding(name) == canonical


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("klingon", "unknown text encoding"),
        ("", "unknown text encoding"),
        ("utf-16", "not ASCII-compatible"),
        ("utf-32", "not ASCII-compatible"),
        ("cp037", "not ASCII-compatible"),
        ("rot13", "not a file encoding"),
        ("base64", "not a file encoding"),
        ("unicode_escape", "not a file encoding"),
        ("idna", "not a file encoding"),
    ],
)
def test_canonical_encoding_unusable_name_refused_with_reason(name: str, reason: str):
    with pytest.raises(InputError, match=reason):
        canonical_encoding(name)


def test_suggest_encoding_utf8_bytes_read_as_cp1252_suggests_utf8():
    assert suggest_encoding("Łódź".encode(), "cp1252") == "utf-8"


def test_suggest_encoding_windows_bytes_read_as_utf8_suggests_cp1252():
    assert suggest_encoding("“José” £5".encode("cp1252"), "utf-8") == "cp1252"


def test_suggest_encoding_undefined_in_cp1252_suggests_latin_1():
    assert suggest_encoding(b"\x81\xff", "cp1252") == "latin-1"


def _config(encoding: object) -> dict[str, object]:
    columns = {"nhs": {"role": "identifier", "kind": "nhs_number"}}
    return {"project": "p", "sources": {"s": {"encoding": encoding, "columns": columns}}}


def test_config_encoding_key_canonicalised():
    assert parse_config(_config("Windows-1252")).sources["s"].encoding == "cp1252"
    assert parse_config(_config("latin1")).sources["s"].encoding == "iso8859-1"


@pytest.mark.parametrize(
    ("encoding", "problem"),
    [
        ("klingon", "sources.s.encoding: unknown text encoding 'klingon'"),
        ("utf-16", "sources.s.encoding: encoding 'utf-16' is not ASCII-compatible"),
        (1252, "sources.s.encoding: must be a string"),
    ],
)
def test_config_encoding_key_unusable_listed_as_config_problem(encoding: object, problem: str):
    with pytest.raises(ConfigError) as info:
        parse_config(_config(encoding))
    assert any(p.startswith(problem) for p in info.value.problems), info.value.problems
