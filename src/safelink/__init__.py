"""safelink: privacy-preserving record linkage for trusted third parties.

The public API re-exported here mirrors the ``safelink`` command line. Names are imported on
first use (PEP 562), so ``import safelink`` (and every module under it, e.g. what Spark
executors unpickle) does not load Presidio and spaCy, polars or DuckDB until a name that needs
them is used.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from safelink._version import __version__

if TYPE_CHECKING:
    from safelink.config import (
        ColumnRole,
        ColumnSpec,
        JobConfig,
        SourceConfig,
        config_schema,
        load_config,
        parse_config,
    )
    from safelink.detect import ScanReport, scan
    from safelink.disclosure import (
        DisclosureConfig,
        DisclosureReport,
        Frame,
        ReleaseProfile,
        anonymise,
        anonymise_file,
        check,
        check_file,
        load_disclosure_config,
        minimal_generalisation,
    )
    from safelink.errors import (
        ConfigError,
        DisclosureRiskError,
        GovernanceError,
        InputError,
        KeyFilePermissions,
        KeyFileTampered,
        KeyNotFound,
        KeyringError,
        LinkageError,
        OutputError,
        SafelinkError,
        VerificationError,
        WrongPassphrase,
        WrongProject,
    )
    from safelink.identifiers import DIRECT_IDENTIFIERS, Identifier
    from safelink.keys import Keyring, ProviderKey, SigningKey, open_key_source
    from safelink.link import LinkageReport, LinkageResult, link, link_files
    from safelink.pipeline import run_job
    from safelink.pseudonymise import Pseudonymised, RunSummary, pseudonymise, pseudonymise_file
    from safelink.release import (
        ReleaseResult,
        VerificationReport,
        release,
        verify_audit_log,
    )
    from safelink.release.verify import verify

_EXPORTS: dict[str, tuple[str, ...]] = {
    "safelink.config": (
        "ColumnRole",
        "ColumnSpec",
        "JobConfig",
        "SourceConfig",
        "config_schema",
        "load_config",
        "parse_config",
    ),
    "safelink.detect": (
        "ScanReport",
        "scan",
    ),
    "safelink.disclosure": (
        "DisclosureConfig",
        "DisclosureReport",
        "Frame",
        "ReleaseProfile",
        "anonymise",
        "anonymise_file",
        "check",
        "check_file",
        "load_disclosure_config",
        "minimal_generalisation",
    ),
    "safelink.errors": (
        "ConfigError",
        "DisclosureRiskError",
        "GovernanceError",
        "InputError",
        "KeyFilePermissions",
        "KeyFileTampered",
        "KeyNotFound",
        "KeyringError",
        "LinkageError",
        "OutputError",
        "SafelinkError",
        "VerificationError",
        "WrongPassphrase",
        "WrongProject",
    ),
    "safelink.identifiers": (
        "DIRECT_IDENTIFIERS",
        "Identifier",
    ),
    "safelink.keys": (
        "Keyring",
        "ProviderKey",
        "SigningKey",
        "open_key_source",
    ),
    "safelink.link": (
        "LinkageReport",
        "LinkageResult",
        "link",
        "link_files",
    ),
    "safelink.pipeline": ("run_job",),
    "safelink.pseudonymise": (
        "Pseudonymised",
        "RunSummary",
        "pseudonymise",
        "pseudonymise_file",
    ),
    "safelink.release": (
        "ReleaseResult",
        "VerificationReport",
        "release",
        "verify",
        "verify_audit_log",
    ),
}
"""Module -> the public names it provides (imported when first asked for)."""

_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use and cache the name in this package."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'safelink' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API (what ``__all__`` lists), for ``dir()`` and completion."""
    return sorted(["__version__", *_MODULE_OF])


class _Package(types.ModuleType):
    """This package, whose functions ``link``, ``pseudonymise`` and ``release`` name subpackages.

    Importing a subpackage sets it as an attribute of its parent; here that would replace the
    function of the same name, so the subpackage is left to ``sys.modules`` (where every
    ``import`` finds it) and the name keeps meaning the function.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _MODULE_OF and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "DIRECT_IDENTIFIERS",
    "ColumnRole",
    "ColumnSpec",
    "ConfigError",
    "DisclosureConfig",
    "DisclosureReport",
    "DisclosureRiskError",
    "Frame",
    "GovernanceError",
    "Identifier",
    "InputError",
    "JobConfig",
    "KeyFilePermissions",
    "KeyFileTampered",
    "KeyNotFound",
    "Keyring",
    "KeyringError",
    "LinkageError",
    "LinkageReport",
    "LinkageResult",
    "OutputError",
    "ProviderKey",
    "Pseudonymised",
    "ReleaseProfile",
    "ReleaseResult",
    "RunSummary",
    "SafelinkError",
    "ScanReport",
    "SigningKey",
    "SourceConfig",
    "VerificationError",
    "VerificationReport",
    "WrongPassphrase",
    "WrongProject",
    "__version__",
    "anonymise",
    "anonymise_file",
    "check",
    "check_file",
    "config_schema",
    "link",
    "link_files",
    "load_config",
    "load_disclosure_config",
    "minimal_generalisation",
    "open_key_source",
    "parse_config",
    "pseudonymise",
    "pseudonymise_file",
    "release",
    "run_job",
    "scan",
    "verify",
    "verify_audit_log",
]
