"""Typed job configuration, loaded from YAML and validated as a whole.

A job config names the project's key file (never a secret), each data source with the role of
every column, and sections for the later steps (``link``, ``disclosure``, ``release``), which
their own modules validate. Every problem is reported at once in one :class:`ConfigError`.

Example::

    project: demo
    key_file: ../keys/demo.key
    sources:
      hospital:
        path: ../examples/data/hospital.csv
        encoding: cp1252          # optional, default utf-8 (any ASCII-compatible encoding)
        columns:
          nhs_no:   {role: identifier, kind: nhs_number}
          dob:      {role: identifier, kind: date_of_birth}
          sex:      {role: identifier, kind: sex, also_content: true}
          episode:  {role: content}
          notes:    {role: drop}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from safelink.errors import ConfigError, InputError
from safelink.identifiers import Identifier
from safelink.paths import project_root, resolve_config_path
from safelink.text_encoding import canonical_encoding

_TOP_LEVEL_KEYS = frozenset(
    {
        "project",
        "key_file",
        "audit_log",
        "sources",
        "tokens",
        "link",
        "disclosure",
        "release",
        "scan",
    }
)
_SOURCE_KEYS = frozenset({"path", "columns", "encoding", "delimiter"})
_COLUMN_KEYS = frozenset({"role", "kind", "also_content", "token_name"})
MAX_CONFIG_BYTES = 1 << 20


class ColumnRole(StrEnum):
    """What happens to a column when an extract is pseudonymised."""

    IDENTIFIER = "identifier"
    CONTENT = "content"
    DROP = "drop"


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnSpec:
    """The role of one input column.

    Attributes:
        name: the column's name in the extract.
        role: identifier (tokenised), content (kept for the analyst) or drop.
        kind: the identifier kind (identifiers only).
        also_content: keep the raw value in the content file too (e.g. sex for analysis).
        token_name: the token column's name (defaults to the kind).

    """

    name: str
    role: ColumnRole
    kind: Identifier | None = None
    also_content: bool = False
    token_name: str | None = None

    @property
    def token_column(self) -> str:
        """The name of this identifier's token column in the tokens file."""
        return self.token_name or str(self.kind)


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceConfig:
    """One data provider's extract and the role of each of its columns.

    ``encoding`` is the CSV's text encoding (Python's canonical name; ``--encoding`` on the
    command line overrides it) and ``delimiter`` its field separator.
    """

    name: str
    columns: tuple[ColumnSpec, ...]
    path: Path | None = None
    encoding: str = "utf-8"
    delimiter: str = ","

    @property
    def identifiers(self) -> tuple[ColumnSpec, ...]:
        """Columns to tokenise."""
        return tuple(c for c in self.columns if c.role is ColumnRole.IDENTIFIER)

    @property
    def content(self) -> tuple[str, ...]:
        """Columns to keep in the content file."""
        return tuple(
            c.name
            for c in self.columns
            if c.role is ColumnRole.CONTENT or (c.role is ColumnRole.IDENTIFIER and c.also_content)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class TokenSettings:
    """How tokens are made.

    Attributes:
        length: bytes of HMAC-SHA256 kept per token (16 to 32; hex doubles it).
        derived: also make the derived tokens for fuzzy linkage (phonetic codes, DOB parts, ...).
        bloom: also make hardened keyed Bloom-filter encodings of forenames and surnames
            (``forename_bloom``, ``surname_bloom``) for Dice-similarity comparison.

    """

    length: int = 16
    derived: bool = True
    bloom: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class JobConfig:
    """A whole job: project, key file, audit log, sources and the sections for later steps.

    Every command run with this config appends to ``audit_log`` (a hash-chained JSON-lines
    file, see :mod:`safelink.audit`) when it is set.
    """

    project: str
    sources: Mapping[str, SourceConfig]
    key_file: Path | None = None
    audit_log: Path | None = None
    tokens: TokenSettings = field(default_factory=TokenSettings)
    sections: Mapping[str, Any] = field(default_factory=dict)
    origin: str = "<dict>"

    def source(self, name: str | None = None) -> SourceConfig:
        """Return the named source, or the only one when ``name`` is None.

        Raises:
            ConfigError: the name is unknown, or None while there are several sources.

        """
        if name is None:
            if len(self.sources) == 1:
                return next(iter(self.sources.values()))
            raise ConfigError(
                [f"several sources ({', '.join(self.sources)}); choose one with --source"],
                self.origin,
            )
        if name not in self.sources:
            raise ConfigError(
                [f"no source named {name!r}; the config has {', '.join(self.sources)}"],
                self.origin,
            )
        return self.sources[name]


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


def load_config(path: Path | str) -> JobConfig:
    """Load and validate a job config from YAML. Relative paths are resolved from its folder.

    A relative path must stay inside the config's project root (see :mod:`safelink.paths`).

    Raises:
        ConfigError: listing every problem found.

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
            :func:`safelink.paths.resolve_config_path`.

    Raises:
        ConfigError: listing every problem found.

    """
    problems: list[str] = []
    if not isinstance(document, Mapping):
        raise ConfigError(["the top level must be a mapping of settings"], origin)
    unknown = sorted(set(document) - _TOP_LEVEL_KEYS)
    if unknown:
        problems.append(f"unknown setting(s) {unknown}; allowed: {sorted(_TOP_LEVEL_KEYS)}")
    project = document.get("project")
    if not isinstance(project, str) or not project:
        problems.append("'project' must be a non-empty name")
    key_file = document.get("key_file")
    key_path = None
    if key_file is not None:
        if isinstance(key_file, str):
            key_path = _resolve(key_file, base_dir, "key_file", root, problems)
        else:
            problems.append("'key_file' must be a path")
    audit_log = document.get("audit_log")
    audit_path = None
    if audit_log is not None:
        if isinstance(audit_log, str):
            audit_path = _resolve(audit_log, base_dir, "audit_log", root, problems)
        else:
            problems.append("'audit_log' must be a path")
    tokens = _parse_tokens(document.get("tokens", {}), problems)
    sources: dict[str, SourceConfig] = {}
    raw_sources = document.get("sources")
    if not isinstance(raw_sources, Mapping) or not raw_sources:
        problems.append("'sources' must map each source name to its columns")
    else:
        for name, raw in raw_sources.items():
            source = _parse_source(str(name), raw, base_dir, root, problems)
            if source is not None:
                sources[str(name)] = source
    sections = {k: document[k] for k in ("link", "disclosure", "release", "scan") if k in document}
    if problems:
        raise ConfigError(problems, origin)
    assert isinstance(project, str)
    return JobConfig(
        project=project,
        sources=sources,
        key_file=key_path,
        audit_log=audit_path,
        tokens=tokens,
        sections=sections,
        origin=origin,
    )


def _resolve(
    text: str, base_dir: Path | None, what: str, root: Path | None, problems: list[str]
) -> Path | None:
    try:
        return resolve_config_path(text, base_dir, what, root=root)
    except ConfigError as exc:
        problems.extend(exc.problems)
        return None


def _parse_tokens(raw: Any, problems: list[str]) -> TokenSettings:
    if not isinstance(raw, Mapping):
        problems.append("'tokens' must be a mapping (length, derived, bloom)")
        return TokenSettings()
    unknown = sorted(set(raw) - {"length", "derived", "bloom"})
    if unknown:
        problems.append(f"tokens: unknown setting(s) {unknown}")
    length = raw.get("length", 16)
    if not isinstance(length, int) or isinstance(length, bool) or not 16 <= length <= 32:
        problems.append("tokens.length must be an integer from 16 to 32 (bytes; 128-256 bits)")
        length = 16
    derived = raw.get("derived", True)
    if not isinstance(derived, bool):
        problems.append("tokens.derived must be true or false")
        derived = True
    bloom = raw.get("bloom", False)
    if not isinstance(bloom, bool):
        problems.append("tokens.bloom must be true or false")
        bloom = False
    return TokenSettings(length=length, derived=derived, bloom=bloom)


def _parse_source(
    name: str, raw: Any, base_dir: Path | None, root: Path | None, problems: list[str]
) -> SourceConfig | None:
    where = f"sources.{name}"
    if not isinstance(raw, Mapping):
        problems.append(f"{where} must be a mapping with 'columns'")
        return None
    unknown = sorted(set(raw) - _SOURCE_KEYS)
    if unknown:
        problems.append(f"{where}: unknown setting(s) {unknown}; allowed: {sorted(_SOURCE_KEYS)}")
    path = raw.get("path")
    if path is not None and not isinstance(path, str):
        problems.append(f"{where}.path must be a path")
        path = None
    raw_columns = raw.get("columns")
    if not isinstance(raw_columns, Mapping) or not raw_columns:
        problems.append(f"{where}.columns must map each column name to its role")
        return None
    columns = []
    for column_name, spec in raw_columns.items():
        column = _parse_column(f"{where}.columns.{column_name}", str(column_name), spec, problems)
        if column is not None:
            columns.append(column)
    token_names = [c.token_column for c in columns if c.role is ColumnRole.IDENTIFIER]
    clashes = sorted({t for t in token_names if token_names.count(t) > 1})
    if clashes:
        problems.append(
            f"{where}: several identifier columns make token column(s) {clashes}; "
            "give all but one a distinct 'token_name'"
        )
    if not any(c.role is ColumnRole.IDENTIFIER for c in columns):
        problems.append(f"{where}: no identifier columns; at least one is needed to link")
    encoding = raw.get("encoding", "utf-8")
    delimiter = raw.get("delimiter", ",")
    if not isinstance(encoding, str):
        problems.append(f"{where}.encoding must be a string such as utf-8 or cp1252")
        encoding = "utf-8"
    else:
        try:
            encoding = canonical_encoding(encoding)
        except InputError as exc:
            problems.append(f"{where}.encoding: {exc}")
            encoding = "utf-8"
    if not isinstance(delimiter, str) or len(delimiter) != 1:
        problems.append(f"{where}.delimiter must be a single character")
        delimiter = ","
    return SourceConfig(
        name=name,
        columns=tuple(columns),
        path=_resolve(path, base_dir, f"{where}.path", root, problems) if path else None,
        encoding=encoding,
        delimiter=delimiter,
    )


def _parse_column(where: str, name: str, spec: Any, problems: list[str]) -> ColumnSpec | None:
    if isinstance(spec, str):
        spec = {"role": spec}
    if not isinstance(spec, Mapping):
        problems.append(f"{where} must be a role name or a mapping with 'role'")
        return None
    unknown = sorted(set(spec) - _COLUMN_KEYS)
    if unknown:
        problems.append(f"{where}: unknown setting(s) {unknown}; allowed: {sorted(_COLUMN_KEYS)}")
    roles = [r.value for r in ColumnRole]
    role_text = spec.get("role")
    if role_text not in roles:
        problems.append(f"{where}.role must be one of {roles}")
        return None
    role = ColumnRole(role_text)
    kind = None
    kind_text = spec.get("kind")
    kinds = [k.value for k in Identifier]
    if role is ColumnRole.IDENTIFIER:
        if kind_text not in kinds:
            problems.append(f"{where}.kind must be one of {kinds}")
            return None
        kind = Identifier(kind_text)
    elif kind_text is not None:
        problems.append(f"{where}.kind is only for identifier columns")
    also_content = spec.get("also_content", False)
    if not isinstance(also_content, bool):
        problems.append(f"{where}.also_content must be true or false")
        also_content = False
    token_name = spec.get("token_name")
    if token_name is not None and (
        not isinstance(token_name, str) or not token_name.replace("_", "").isalnum()
    ):
        problems.append(f"{where}.token_name must be letters, digits and underscores")
        token_name = None
    return ColumnSpec(
        name=name, role=role, kind=kind, also_content=also_content, token_name=token_name
    )
