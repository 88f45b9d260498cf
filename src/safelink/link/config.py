"""The ``link:`` section of a job config, as the linkage step reads it.

The settings are part of the one typed job model (:mod:`safelink.config`): a job config's
``link:`` section is validated when the config is loaded and is ``job.link``. This module
keeps the linkage step's names for them and :func:`link_config`, which accepts every form
:func:`safelink.link.link` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from safelink.config import (
    COMPARISONS,
    CascadeSettings,
    JobConfig,
    LinkConfig,
    MatchKey,
    ProbabilisticSettings,
    parse_link_config,
)

__all__ = [
    "COMPARISONS",
    "CascadeSettings",
    "LinkConfig",
    "MatchKey",
    "ProbabilisticSettings",
    "link_config",
]


def link_config(config: JobConfig | Mapping[str, Any] | LinkConfig | None) -> LinkConfig:
    """The link settings of a job config, a raw ``link:`` mapping, or the defaults.

    Args:
        config: a job config (its ``link:`` section, validated when it was loaded), the raw
            ``link:`` mapping, a ready :class:`LinkConfig`, or None for the defaults.

    Returns:
        The validated settings.

    Raises:
        ConfigError: a raw mapping is invalid (every problem listed, each with its path).

    """
    if isinstance(config, LinkConfig):
        return config
    if isinstance(config, JobConfig):
        return config.link
    return parse_link_config(config)
