"""What the config models share: the load context, field types and the problem helper.

A model is validated in one of two modes. Loaded from a document (:func:`parse_config`), the
validation context is a :class:`LoadContext`: relative paths are resolved from the config's
folder and checked against its project root, and names come from mapping keys. Built in Python
(``JobConfig(...)``, ``dataclasses.replace``), there is no context: paths stay as given.
"""

from __future__ import annotations

from collections.abc import Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Final

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
    ValidationInfo,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from safelink.errors import ConfigError
from safelink.infra.paths import escape_problem, resolve_config_path

#: The pydantic configuration of every config model: unknown keys are errors, field
#: descriptions (for the JSON Schema) come from the attribute docstrings.
MODEL_CONFIG: Final = ConfigDict(extra="forbid", use_attribute_docstrings=True)

#: The error type of a problem written by a safelink validator (its message is final).
PROBLEM = "safelink_problem"
#: The error type pydantic gives a key a model does not have (an unknown setting).
UNKNOWN_SETTING = "unexpected_keyword_argument"


@dataclass(frozen=True, slots=True)
class LoadContext:
    """Where a document came from: the validation context of :func:`parse_config`.

    Attributes:
        base_dir: the folder relative paths are resolved from (None: left as written).
        root: the folder relative paths must stay inside (None: not checked).
        origin: the config's name, for messages.

    """

    base_dir: Path | None = None
    root: Path | None = None
    origin: str = "<dict>"


def load_context(info: ValidationInfo) -> LoadContext | None:
    """The load context of a validation, or None when a model is built in Python."""
    context = info.context
    return context if isinstance(context, LoadContext) else None


def problem(message: str, *at: str | int) -> PydanticCustomError:
    """An error with a final message, located at the validated value or ``at`` below it.

    Args:
        message: what is wrong and how to fix it (never a value from the data).
        at: keys or list indices below the value being validated, e.g. ``("kind",)``.

    Returns:
        The error to raise from a validator.
    """
    return PydanticCustomError(PROBLEM, "{message}", {"message": message, "at": at})


class _Written:
    """Marks a key a document wrote although only safelink sets it (a name, the origin)."""

    def __repr__(self) -> str:
        return "<written in the document>"


#: Put in place of a key that a document may not write; refused as an unknown setting.
WRITTEN: Final = _Written()


def not_written(value: Any) -> Any:
    """Refuse, as an unknown setting, a key a document wrote that only safelink sets."""
    if value is WRITTEN:
        raise PydanticCustomError(UNKNOWN_SETTING, "Unexpected keyword argument")
    return value


#: A field safelink sets, never the document (a name taken from a mapping key, the origin).
Internal = Annotated[SkipJsonSchema[StrictStr], BeforeValidator(not_written)]


def _non_empty(value: Any) -> Any:
    if isinstance(value, Sized) and not isinstance(value, str) and not value:
        raise problem("must not be empty")
    return value


#: Refuses an empty list or mapping before its items are read (pydantic's own length check
#: counts the items that validated, so a list of bad items would get a second problem).
NON_EMPTY: Final = BeforeValidator(_non_empty)
#: The JSON Schema of a list that may not be empty (with :data:`NON_EMPTY`).
AT_LEAST_ONE_ITEM: Final = Field(json_schema_extra={"minItems": 1})


def none_as_empty(value: Any) -> Any:
    """Read an empty YAML section (``cascade:`` with nothing under it) as no settings."""
    return {} if value is None else value


def none_as_no_items(value: Any) -> Any:
    """Read an empty YAML list (``drop:`` with nothing under it) as no items."""
    return () if value is None else value


def one_as_list(value: Any) -> Any:
    """Read one name written without a list as a list of one."""
    return [value] if isinstance(value, str) else value


def _word(value: str) -> str:
    if not value.replace("_", "").isalnum():
        raise problem("must be letters, digits and underscores")
    return value


#: A non-empty name (of a column, a source, a comparison).
Name = Annotated[StrictStr, Field(min_length=1)]
#: A list of names; one name may be written without the list.
Names = Annotated[
    tuple[Name, ...], BeforeValidator(one_as_list, json_schema_input_type=Name | list[Name])
]
#: A list of names that may be left empty in YAML (``drop:`` with nothing under it).
OptionalNames = Annotated[
    Names, BeforeValidator(none_as_no_items, json_schema_input_type=Name | list[Name] | None)
]
#: A name made of letters, digits and underscores (a token column, a match key).
Word = Annotated[StrictStr, AfterValidator(_word), Field(json_schema_extra={"pattern": r"^\w+$"})]


def _path_text(value: Any) -> Any:
    if value == "":
        raise problem("must be a path, not empty")
    return value


def resolve_path(value: Path, info: ValidationInfo) -> Path:
    """Resolve a path as :data:`ConfigPath` does (for a field that loads the file it names)."""
    context = load_context(info)
    if context is None:
        return value
    try:
        return resolve_config_path(value, context.base_dir, "path", root=context.root)
    except ConfigError as exc:  # raised only when there is a root to leave
        raise problem(escape_problem(context.root or Path())) from exc


#: A path written in a config: resolved from the config's folder, and a relative one must
#: stay inside the project root (:mod:`safelink.infra.paths`).
ConfigPath = Annotated[Path, BeforeValidator(_path_text), AfterValidator(resolve_path)]


def document_minimum(minimum: int) -> AfterValidator:
    """A lower bound that binds documents only (a sample size a configured run needs).

    A Python caller (a test training on a few hundred records) may go lower; give the JSON
    Schema the bound with ``Field(json_schema_extra={"minimum": minimum})``.
    """

    def check(value: int, info: ValidationInfo) -> int:
        if load_context(info) is not None and value < minimum:
            raise problem(f"must be an integer of at least {minimum}")
        return value

    return AfterValidator(check)
