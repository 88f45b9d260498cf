from __future__ import annotations

import subprocess
import sys
import types

import safelink


def isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete():
    assert safelink.__all__ == sorted(safelink.__all__, key=isort_key)
    public = {
        name
        for name in dir(safelink)
        if not name.startswith("_") and not isinstance(getattr(safelink, name), types.ModuleType)
    }
    assert public | {"__version__"} == set(safelink.__all__)


def test_import_is_lazy_so_executors_and_the_cli_load_only_what_they_use():
    # The public names resolve on first use: importing the package (or a module under it, as
    # Spark executors do) loads neither Presidio/spaCy nor the data engines.
    code = (
        "import sys, safelink, safelink.errors; "
        "print(sorted(m for m in ('presidio_analyzer', 'spacy', 'polars', 'duckdb', 'splink') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
    assert safelink.scan.__module__.startswith("safelink.detect")


def test_public_functions_and_classes_have_docstrings():
    for name in safelink.__all__:
        value = getattr(safelink, name)
        if callable(value) and not isinstance(value, type(safelink.Identifier.NHS_NUMBER)):
            assert value.__doc__, name


def test_errors_share_one_base_with_exit_codes():
    for name in safelink.__all__:
        value = getattr(safelink, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, safelink.SafelinkError)
            assert value.exit_code in {1, 2, 3, 4}
