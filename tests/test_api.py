from __future__ import annotations

import types

import safelink


def isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_complete():
    assert safelink.__all__ == sorted(safelink.__all__, key=isort_key)
    public = {
        name
        for name, value in vars(safelink).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public | {"__version__"} == set(safelink.__all__)


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
