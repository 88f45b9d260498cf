"""Loading a job config: YAML -> the typed model, every problem at once; its JSON Schema."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from safelink.config._fields import LoadContext, none_as_empty
from safelink.config._job import JobConfig
from safelink.config._link import LinkConfig
from safelink.config._problems import problems
from safelink.config._yaml import load_yaml
from safelink.errors import ConfigError
from safelink.infra.paths import project_root

_JOB = TypeAdapter(JobConfig)
_LINK = TypeAdapter(LinkConfig)

#: The sections the model keeps as written for now; their steps validate them at load.
_SECTION_SCHEMAS: dict[str, dict[str, Any]] = {
    "disclosure": {
        "description": "A disclosure-control config (as for 'safelink check'), kept as written.",
        "type": ["object", "null"],
    },
    "scan": {
        "description": "Settings for 'safelink scan', kept as written.",
        "type": ["object", "null"],
    },
}


@functools.cache
def _schema() -> dict[str, Any]:
    # Imported here: the release step is built on this package, not the other way round.
    from safelink.release.settings import release_schema

    schema = _JOB.json_schema(mode="validation")
    schema["properties"].update(_SECTION_SCHEMAS)
    release = release_schema()
    definitions = schema.setdefault("$defs", {})
    for name, definition in release.pop("$defs", {}).items():
        if definitions.setdefault(name, definition) != definition:  # pragma: no cover
            raise AssertionError(f"two config models are named {name}")
    schema["properties"]["release"] = {
        "anyOf": [release, {"type": "null"}],
        "description": (
            "The release: recipient, links, content, signing key, released columns and the "
            "disclosure config they must meet."
        ),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "safelink job config",
        "description": (
            "A safelink job: project, key file, audit log, each source's column roles, and "
            "the settings of the later steps. Relative paths are read from the config's "
            "folder and must stay inside its project."
        ),
    }


def config_schema() -> dict[str, Any]:
    """The JSON Schema of a job config, for editors and other tools.

    Returns:
        A JSON Schema (draft 2020-12) document; a fresh copy on every call.

    Example:
        >>> sorted(config_schema()["properties"])[:3]
        ['audit_log', 'disclosure', 'key_file']

    """
    return copy.deepcopy(_schema())


def load_config(path: Path | str) -> JobConfig:
    """Load and validate a job config from YAML. Relative paths are resolved from its folder.

    A relative path must stay inside the config's project root (see :mod:`safelink.infra.paths`).
    The whole job is validated before anything runs, the ``link:`` and ``release:`` sections
    included.

    Raises:
        ConfigError: listing every problem found, each named by its YAML path.

    """
    path = Path(path)
    document = load_yaml(path)
    return parse_config(
        document, origin=str(path), base_dir=path.parent, root=project_root(path.parent)
    )


def parse_config(
    document: Any,
    *,
    origin: str = "<dict>",
    base_dir: Path | None = None,
    root: Path | None = None,
) -> JobConfig:
    """Validate a config given as a mapping (the Python-API twin of :func:`load_config`).

    Args:
        document: the parsed YAML.
        origin: where it came from, for messages.
        base_dir: the folder relative paths are resolved from (None: left as written).
        root: the folder relative paths must stay inside (None: not checked); see
            :func:`safelink.infra.paths.resolve_config_path`.

    Returns:
        The typed, frozen job config.

    Raises:
        ConfigError: listing every problem found, each named by its YAML path.

    """
    context = LoadContext(base_dir=base_dir, root=root, origin=origin)
    try:
        job = _JOB.validate_python(document, context=context)
    except ValidationError as exc:
        raise ConfigError(problems(exc, document, _schema()), origin) from exc
    if job.sections.get("release") is not None:
        # Imported here: the release step is built on this package, not the other way round.
        from safelink.release.settings import check_release

        # As the release step will read it: from the config file's folder, or from the
        # folder a Python caller gave (a mapping with no file behind it).
        check_release(job, base_dir=base_dir if root is None else None)
    return job


def parse_link_config(section: Any, *, origin: str = "<dict>") -> LinkConfig:
    """Validate a ``link:`` section on its own (the one a job config holds is ``job.link``).

    Args:
        section: the section as written (None: every default).
        origin: where it came from, for messages.

    Returns:
        The typed, frozen link settings.

    Raises:
        ConfigError: listing every problem found, each named by its YAML path (``link.*``).

    """
    try:
        return _LINK.validate_python(none_as_empty(section), context=LoadContext(origin=origin))
    except ValidationError as exc:
        found = problems(exc, {"link": section}, _schema(), prefix=("link",))
        raise ConfigError(found, origin) from exc
