"""Safe YAML for every safelink config: no Python tags, no aliases, at most 1 MiB."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from safelink.errors import ConfigError

#: The largest config file read (bytes); a config should be small.
MAX_CONFIG_BYTES = 1 << 20


class _NoAliasLoader(yaml.SafeLoader):
    """A safe YAML loader that also refuses anchors and aliases (no alias bombs)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases are not allowed in safelink configs", event.start_mark
            )
        return super().compose_node(parent, index)


def load_yaml(path: Path | str) -> Any:
    """Read a YAML file safely: no Python tags, no aliases, at most 1 MiB.

    Raises:
        ConfigError: the file is missing, too large, or not valid YAML.

    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(["file not found (or is a directory)"], str(path))
    if path.stat().st_size > MAX_CONFIG_BYTES:
        raise ConfigError(["larger than 1 MiB; a config should be small"], str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(["not UTF-8 text"], str(path)) from exc
    return parse_yaml(text, str(path))


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text safely: no Python tags, no aliases (so no alias bombs).

    Args:
        text: the YAML document.
        source: where it came from, for the error message.

    Raises:
        ConfigError: the text is not valid YAML or uses a tag or an alias.

    """
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError([f"{where}{problem}"], source) from exc
