"""The typed job configuration, loaded from YAML and validated as a whole.

A job config names the project's key file (never a secret), each data source with the role of
every column, how tokens are made and linked, and the sections of the later steps. One model
tree of frozen pydantic dataclasses (unknown keys refused at every level) describes it;
:func:`load_config` validates the whole job before any step runs and lists every problem at
once, each named by its YAML path (``sources.hospital.columns.nhs_no.kind: must be one of
[...]``); :func:`config_schema` exports the JSON Schema for editors.

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
          notes:    drop
    link:
      probabilistic: {threshold: 0.98}
"""

from safelink.config._generic import GenericCompare, GenericNormalise
from safelink.config._job import (
    UPRN_TOKENS,
    ColumnRole,
    ColumnSpec,
    JobConfig,
    SourceConfig,
    TokenSettings,
)
from safelink.config._link import (
    COMPARISONS,
    OPTIONAL_COMPARISONS,
    CascadeSettings,
    LinkConfig,
    MatchKey,
    ProbabilisticSettings,
)
from safelink.config._load import config_schema, load_config, parse_config, parse_link_config
from safelink.config._yaml import MAX_CONFIG_BYTES, load_yaml, parse_yaml

__all__ = [
    "COMPARISONS",
    "MAX_CONFIG_BYTES",
    "OPTIONAL_COMPARISONS",
    "UPRN_TOKENS",
    "CascadeSettings",
    "ColumnRole",
    "ColumnSpec",
    "GenericCompare",
    "GenericNormalise",
    "JobConfig",
    "LinkConfig",
    "MatchKey",
    "ProbabilisticSettings",
    "SourceConfig",
    "TokenSettings",
    "config_schema",
    "load_config",
    "load_yaml",
    "parse_config",
    "parse_link_config",
    "parse_yaml",
]
