"""Project keys: the only package that ever holds secret bytes.

A project has a master secret (256 bits from the OS CSPRNG) per *version*; one version is
active, older ones are retired but kept so that earlier outputs can be verified or re-keyed.
Secrets are stored only wrapped, in a versioned key file (format in SECURITY.md):

* the header (JSON, public) lists the project, the KDF and its parameters, and every version's
  key id, creation time and status;
* the body is AES-256-GCM over the secrets, under a key-encryption key derived from a
  passphrase with scrypt, with the exact header bytes as associated data, so any change to the
  header (a status flipped, a key id swapped) makes the file fail to open.

Nothing in the header is trusted before it is authenticated: a field safelink never writes
(an scrypt cost outside ``MIN_SCRYPT_N``..``MAX_SCRYPT_N``, r other than 8, a short salt) is
refused as an altered file before anything is derived. A passphrase check value (an HMAC under
the key-encryption key) tells a wrong passphrase from an altered header; only an edit of the
KDF inputs themselves (salt, cost, check) cannot be told from a wrong passphrase, and the
message says so. Key files are refused when they are open to group or others, when their
directory is writable by group or others, or when they are links out of their directory.

A key carries its project; :func:`require_project` refuses a key file of another project than
the job config's ``project:``. The project name is also in the HKDF info of every namespace
key, so two projects' tokens are unrelated even under the same master.

Subkeys are derived in two HKDF-SHA256 steps: master -> *namespace* key (``link``,
``release``, ``surrogate``, ...) -> *purpose* key (``link:nhs_number``). A provider who
pseudonymises at source receives only the ``link`` namespace key (``keys export``), so it can
make linkage tokens but never release pseudonyms or surrogates. A token made for one purpose
is useless for another, and the same master and label always give the same subkey.

Key ids are ``kid_`` + 16 hex characters of an HMAC of the key under a fixed label: a
fingerprint that identifies a key and reveals nothing about it. Key ids go into every output;
keys never do. Key objects show only their id and purpose in ``repr()`` and refuse pickling.

Modules: ``_keyfile`` (the wrapped file format), ``symmetric`` (keyring, namespace keys,
subkeys, provider exports), ``shipping`` (subkeys broadcast to Spark executors, which run
the same tokeniser), ``signing`` (the Ed25519 release-signing key), ``delivery`` (a
recipient's X25519 key, and files encrypted to it in authenticated chunks).
"""

from safelink.keys._keyfile import (
    DEFAULT_SCRYPT_N,
    KEY_FILE_FORMAT,
    KEY_FILE_SUFFIX,
    MAX_SCRYPT_N,
    MIN_PASSPHRASE_LENGTH,
    MIN_SCRYPT_N,
    NAMESPACES,
    KeyFileEntry,
    KeyStatus,
    KeyVersion,
    check_passphrase_strength,
    key_id_for,
    list_key_files,
    public_key_id,
    read_versions,
    require_project,
)
from safelink.keys.delivery import DeliveryKey, SealingWriter, delivery_key_id, open_sealed
from safelink.keys.signing import SigningKey, public_key_path, verify_signature
from safelink.keys.symmetric import (
    BlockKey,
    Keyring,
    NamespaceKey,
    ProviderKey,
    SubKey,
    open_key_source,
)

__all__ = [
    "DEFAULT_SCRYPT_N",
    "KEY_FILE_FORMAT",
    "KEY_FILE_SUFFIX",
    "MAX_SCRYPT_N",
    "MIN_PASSPHRASE_LENGTH",
    "MIN_SCRYPT_N",
    "NAMESPACES",
    "BlockKey",
    "DeliveryKey",
    "KeyFileEntry",
    "KeyStatus",
    "KeyVersion",
    "Keyring",
    "NamespaceKey",
    "ProviderKey",
    "SealingWriter",
    "SigningKey",
    "SubKey",
    "check_passphrase_strength",
    "delivery_key_id",
    "key_id_for",
    "list_key_files",
    "open_key_source",
    "open_sealed",
    "public_key_id",
    "public_key_path",
    "read_versions",
    "require_project",
    "verify_signature",
]
