"""pydantic's validation errors -> one short line per problem, named by its YAML path.

A line reads ``sources.hospital.columns.nhs_no.kind: must be one of [...]``. The path is
written with the document's own keys (a column list is a mapping in YAML, so an index becomes
the column's name) and what is expected comes from the job's JSON Schema, so that a message
says what the document should hold. No message holds the value that was written.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from safelink.config._fields import PROBLEM, UNKNOWN_SETTING, LoadContext
from safelink.errors import ConfigError

_UNKNOWN = frozenset({UNKNOWN_SETTING, "extra_forbidden"})
_MISSING = frozenset({"missing", "missing_keyword_only_argument", "missing_argument"})

Schema = Mapping[str, Any]
T = TypeVar("T")


@functools.cache
def _own_schema(adapter: TypeAdapter[Any]) -> Schema:
    return adapter.json_schema(mode="validation")


def validate(
    adapter: TypeAdapter[T],
    value: Any,
    *,
    origin: str,
    base_dir: Path | None = None,
    root: Path | None = None,
    schema: Schema | None = None,
    prefix: tuple[str, ...] = (),
    context: LoadContext | None = None,
) -> T:
    """Validate a document (or a section of one) as it is loaded, every problem at once.

    Args:
        adapter: the model's type adapter.
        value: the document or section as written.
        origin: where it came from, for messages.
        base_dir: the folder relative paths are resolved from (None: left as written).
        root: the folder relative paths must stay inside (None: not checked).
        schema: the JSON Schema of the whole document (default: the adapter's own).
        prefix: where ``value`` sits in that document, e.g. ``("release",)``.
        context: the load context, when the model needs more than the folders.

    Returns:
        The validated model.

    Raises:
        ConfigError: listing every problem, each named by its YAML path.
    """
    context = context or LoadContext(base_dir=base_dir, root=root, origin=origin)
    try:
        return adapter.validate_python(value, context=context)
    except ValidationError as exc:
        document = value
        for key in reversed(prefix):
            document = {key: document}
        schema = schema if schema is not None else _own_schema(adapter)
        raise ConfigError(problems(exc, document, schema, prefix), origin) from exc


def problems(
    error: ValidationError, document: Any, schema: Schema, prefix: tuple[str, ...] = ()
) -> list[str]:
    """One line per problem in ``error``, in the order found, without repeats.

    Args:
        error: what pydantic found.
        document: the document as written (for the names in paths).
        schema: the JSON Schema of the whole job document.
        prefix: where the validated value sits in the job document, e.g. ``("link",)``.

    Returns:
        Lines of the form ``path: what is wrong``.
    """
    lines: list[str] = []
    for detail in error.errors(include_url=False, include_input=False):
        context = detail.get("ctx") or {}
        location = (*prefix, *detail["loc"], *context.get("at", ()))
        path, node, parent = _locate(location, document, schema)
        if detail["type"] == "invalid_key" or "[key]" in detail["loc"]:
            message = "the name must be a string (quote it in YAML)"
        else:
            message = _message(detail["type"], detail["msg"], schema, node, parent)
        line = f"{path or 'top level'}: {message}"
        if line not in lines:
            lines.append(line)
    return lines


def _locate(
    location: Sequence[str | int], document: Any, schema: Schema
) -> tuple[str, Schema | None, Schema | None]:
    """The YAML path of ``location``, and the schema of the value there and of its parent."""
    path = ""
    written: Any = document
    node: Schema | None = schema
    parent: Schema | None = None
    for part in location:
        if part == "[key]":  # pydantic's marker for a mapping key that is itself invalid
            continue
        if isinstance(part, str) and _transparent(part, written, schema, node):
            continue
        kinds = _kinds(schema, node) if isinstance(part, str) else {}
        if part in kinds:  # the tag of a tagged union: the kind of the value, not a key
            path += f" ({part})"
            node = kinds[str(part)]
            continue
        parent, node = node, _child(schema, node, part)
        if isinstance(part, int) and not isinstance(written, Mapping):
            path += f"[{part}]"
            in_list = isinstance(written, list) and 0 <= part < len(written)
            written = written[part] if in_list else None
            continue
        key: Any = part
        if isinstance(part, int) and isinstance(written, Mapping) and part not in written:
            names = list(written)  # a mapping the model reads as a list (columns)
            key = names[part] if part < len(names) else part
        path += f".{key}" if path else str(key)
        written = written.get(key) if isinstance(written, Mapping) else None
    return path, node, parent


def _transparent(part: str, written: Any, schema: Schema, node: Schema | None) -> bool:
    """Whether ``part`` is the model's own key, not the document's.

    Either a ``<branch>`` tag of a union, or a field that groups keys the document writes
    beside each other (a released column's sources).
    """
    if part.startswith("<") and part.endswith(">"):
        return True
    if node is None or not isinstance(written, Mapping) or part in written:
        return False
    return not any(part in branch.get("properties", {}) for branch in _resolve(schema, node))


def _kinds(schema: Schema, node: Schema | None) -> dict[str, Schema]:
    """The branches of a tagged union (a step), by the key that names each one's kind."""
    if node is None:
        return {}
    reference = node.get("$ref")
    if isinstance(reference, str):
        node = schema["$defs"][reference.rsplit("/", 1)[-1]]
    kinds: dict[str, Schema] = {}
    for branch in node.get("oneOf", ()):
        for resolved in _resolve(schema, branch):
            properties = resolved.get("properties", {})
            required = resolved.get("required", ())
            kinds.update({key: resolved for key in required[:1] if key in properties})
    return kinds


def _resolve(schema: Schema, node: Schema) -> list[Schema]:
    """The alternatives a schema node allows (references followed, null left out)."""
    reference = node.get("$ref")
    if isinstance(reference, str):
        node = schema["$defs"][reference.rsplit("/", 1)[-1]]
    for union in ("anyOf", "oneOf"):
        if union in node:
            return [b for a in node[union] for b in _resolve(schema, a) if b.get("type") != "null"]
    return [node]


def _child(schema: Schema, node: Schema | None, part: str | int) -> Schema | None:
    if node is None:
        return None
    for branch in _resolve(schema, node):
        properties = branch.get("properties", {})
        if isinstance(part, str) and part in properties:
            return properties[part]  # type: ignore[no-any-return]
        if isinstance(part, int) and branch.get("type") == "array":
            prefix = branch.get("prefixItems", [])
            return prefix[part] if part < len(prefix) else branch.get("items")
        if isinstance(branch.get("additionalProperties"), Mapping):
            return branch["additionalProperties"]  # type: ignore[no-any-return]
    return None


def _message(
    kind: str, text: str, schema: Schema, node: Schema | None, parent: Schema | None
) -> str:
    if kind == PROBLEM:
        return text
    if kind in _UNKNOWN:
        return _unknown(schema, parent)
    if kind in _MISSING:
        return "required"
    if node is None:  # not in the schema: pydantic's own words (they hold no value)
        return text[:1].lower() + text[1:]
    return "must be " + " or ".join(dict.fromkeys(_expected(b) for b in _resolve(schema, node)))


def _unknown(schema: Schema, parent: Schema | None) -> str:
    allowed = sorted(
        key
        for branch in (_resolve(schema, parent) if parent is not None else [])
        for key in branch.get("properties", {})
    )
    return f"unknown setting; allowed: {', '.join(allowed)}" if allowed else "unknown setting"


def _expected(node: Schema) -> str:
    """What a value must be, in words, from its schema (one alternative)."""
    if "enum" in node:
        return f"one of {list(node['enum'])}"
    kind = node.get("type")
    if kind == "boolean":
        return "true or false"
    if kind in ("integer", "number"):
        return ("an integer" if kind == "integer" else "a number") + _bounds(node)
    if kind == "string":
        if node.get("format") == "path":
            return "a path"
        return "a non-empty string" if node.get("minLength") else "a string"
    if kind == "array":
        return "a non-empty list" if node.get("minItems") else "a list"
    if kind == "object":
        if "properties" in node:
            return "a mapping of settings"
        return "a non-empty mapping" if node.get("minProperties") else "a mapping"
    return "valid"


def _bounds(node: Schema) -> str:
    low, high = node.get("minimum"), node.get("maximum")
    above, below = node.get("exclusiveMinimum"), node.get("exclusiveMaximum")
    if above is not None and below is not None:
        return f" between {above} and {below}"
    if above is not None:
        return f" above {above}" + (f" and at most {high}" if high is not None else "")
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of at least {low}"
    if high is not None:
        return f" of at most {high}"
    return ""
