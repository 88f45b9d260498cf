"""safelink: privacy-preserving record linkage for trusted third parties.

The public API re-exported here mirrors the ``safelink`` command line.
"""

from safelink._version import __version__
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
from safelink.pseudonymise import Pseudonymised, RunSummary, pseudonymise, pseudonymise_file
from safelink.release import (
    ReleaseResult,
    VerificationReport,
    release,
    run_job,
    verify,
    verify_audit_log,
)

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
