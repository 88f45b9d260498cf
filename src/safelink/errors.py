"""The safelink exception tree.

Every public function raises only subclasses of :class:`SafelinkError`. Library errors are
wrapped with ``raise ... from exc``. Messages say what failed, where, and how to fix it; they
never contain a value from the data (it may be an identifier) nor any key material.

::

    SafelinkError              exit 1
    ├── ConfigError            exit 2   every problem in a config, listed at once
    ├── InputError             exit 2   file, line, column, what is wrong, how to fix it
    ├── OutputError            exit 2   an output cannot be written (read-only, disk full)
    ├── KeyringError           exit 2
    │   ├── KeyNotFound
    │   ├── WrongPassphrase
    │   ├── KeyFileTampered
    │   ├── KeyFilePermissions
    │   └── WrongProject
    ├── EngineError            exit 2   an unknown engine, or one that cannot run here
    │   └── SparkEngineError            PySpark, Java or the Spark master missing or unsuitable
    ├── LinkageError           exit 2   inputs cannot be linked as asked (e.g. key ids differ)
    ├── DisclosureRiskError    exit 3   the release does not meet its profile
    ├── GovernanceError        exit 3   no governance, an ended agreement, a column not permitted
    └── VerificationError      exit 4   a release or audit log failed verification
"""

from __future__ import annotations

from collections.abc import Sequence


class SafelinkError(Exception):
    """Base of every error safelink raises on purpose.

    Attributes:
        exit_code: the process exit code the CLI uses for this error.

    """

    exit_code: int = 1


class ConfigError(SafelinkError):
    """A configuration is invalid. Carries every problem found, not just the first.

    Args:
        problems: one human-readable line per problem.
        source: where the config came from (a path or ``"<dict>"``).

    """

    exit_code = 2

    def __init__(self, problems: Sequence[str], source: str = "<config>") -> None:
        self.problems = list(problems)
        self.source = source
        lines = "; ".join(self.problems)
        super().__init__(f"invalid config {source}: {lines}")


class InputError(SafelinkError):
    """An input file or frame cannot be used: says where, what is wrong and how to fix it."""

    exit_code = 2


class OutputError(SafelinkError):
    """An output cannot be written (read-only directory, disk full, path is a directory)."""

    exit_code = 2


class KeyringError(SafelinkError):
    """A key file cannot be used."""

    exit_code = 2


class KeyNotFound(KeyringError):
    """No key file or key version matches what was asked for."""


class WrongPassphrase(KeyringError):
    """The passphrase does not unwrap the key (or the file was altered)."""


class KeyFileTampered(KeyringError):
    """The key file is malformed or its authenticated header does not verify."""


class KeyFilePermissions(KeyringError):
    """The key file is open to group or others, or its directory is writable by them."""


class WrongProject(KeyringError):
    """The key file belongs to a different project than the config it is used with."""


class EngineError(SafelinkError):
    """The engine asked for is unknown, or cannot run on this machine."""

    exit_code = 2


class SparkEngineError(EngineError):
    """The Spark engine cannot start: PySpark, Java or the master is missing or unsuitable."""


class LinkageError(SafelinkError):
    """Token files cannot be linked as asked (different key ids, missing token columns)."""

    exit_code = 2


class DisclosureRiskError(SafelinkError):
    """The data does not meet its disclosure-control profile."""

    exit_code = 3


class GovernanceError(SafelinkError):
    """The work is not covered by the job's governance.

    No ``governance:`` section, an ended data sharing agreement, another recipient, a column
    the agreement does not permit, or a missing owner's approval.
    """

    exit_code = 3


class VerificationError(SafelinkError):
    """A release bundle or an audit log failed verification."""

    exit_code = 4
