"""Where a path written in a config may point: the one rule every config loader applies.

A config file names other files (key files, audit logs, extracts, hierarchies, ...). The rule:

* An **absolute** path is accepted as written: it is the operator's explicit choice.
* A **relative** path is resolved against the config file's folder. After following every
  symbolic link (``Path.resolve``), it must land inside the config's **project root**:
  the nearest folder at or above the config's folder that holds a ``.safelink`` marker file or a
  ``pyproject.toml``, or the config's own folder when there is none. A relative path that
  leaves it, by ``..`` or through a symbolic link, is a :class:`~safelink.errors.ConfigError`
  naming the setting.

So a config in ``project/configs/`` may name ``../keys/demo.key`` when ``project/`` holds a
``.safelink`` file (create an empty one to mark a project), but a config copied elsewhere
cannot quietly read or write through ``../../`` or a planted link. A mapping passed to the
Python API without a config file has no root and is not checked: the caller chose its paths.
"""

from __future__ import annotations

from pathlib import Path

from safelink.errors import ConfigError

#: Files whose presence marks a folder as a project root.
PROJECT_MARKERS = (".safelink", "pyproject.toml")


def project_root(config_dir: Path | str) -> Path:
    """Return the project root of a config folder (see the module docstring).

    Args:
        config_dir: the folder holding the config file.

    Returns:
        The nearest folder at or above ``config_dir`` (symbolic links resolved) holding a
        ``.safelink`` or ``pyproject.toml`` file; else ``config_dir`` itself, resolved.
    """
    start = Path(config_dir).resolve(strict=False)
    for folder in (start, *start.parents):
        if any((folder / marker).is_file() for marker in PROJECT_MARKERS):
            return folder
    return start


def resolve_config_path(
    text: str | Path,
    base_dir: Path | None,
    what: str,
    *,
    root: Path | None = None,
    origin: str = "<config>",
) -> Path:
    """Resolve a path written in a config, refusing a relative path that escapes the project.

    Args:
        text: the path as written in the config.
        base_dir: the config file's folder (None: the path is returned as written).
        what: the setting's name for messages, e.g. ``key_file`` or ``sources.hospital.path``.
        root: the folder a relative path must stay inside (usually :func:`project_root` of
            ``base_dir``); None checks nothing (a mapping from the Python API).
        origin: the config's name for messages.

    Returns:
        An absolute path as written; a relative one joined to ``base_dir`` (fully resolved
        when it was checked against ``root``).

    Raises:
        ConfigError: a relative path leaves ``root`` once ``..`` and symbolic links are followed.
    """
    path = Path(text)
    if path.is_absolute() or base_dir is None:
        return path
    joined = base_dir / path
    if root is None:
        return joined
    resolved = joined.resolve(strict=False)
    if not resolved.is_relative_to(root.resolve(strict=False)):
        raise ConfigError([f"{what}: {escape_problem(root)}"], origin)
    return resolved


def escape_problem(root: Path) -> str:
    """The message for a relative path that leaves ``root`` (without the setting's name).

    Args:
        root: the project root the path had to stay inside.

    Returns:
        What is wrong and how to fix it, for :func:`resolve_config_path` and the config model.
    """
    return (
        f"the relative path leaves the project folder {root} (through '..' or a symbolic "
        "link); move the file inside the project, or write an absolute path if that location "
        "is really intended"
    )
