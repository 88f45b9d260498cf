"""The release manifest: what was released, from what, how, by whom, and its signature.

``manifest.json`` is canonical JSON (sorted keys, two-space indent, UTF-8, final newline), so
the exact bytes signed are the bytes on disk. ``manifest.sig`` is a small JSON document with
the Ed25519 signature of those bytes and the id of the public key that checks it.

The manifest holds names, SHA-256 hashes, counts, rates, settings and key ids: never a data
value, a linkage-unit id, a token or key material.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from safelink.errors import VerificationError
from safelink.keys import SigningKey, verify_signature

MANIFEST_FILE = "manifest.json"
SIGNATURE_FILE = "manifest.sig"
MANIFEST_FORMAT = "safelink-release-manifest/1"
SIGNATURE_FORMAT = "safelink-signature/1"


def canonical_json(document: Any) -> bytes:
    """Serialise ``document`` deterministically (the bytes that are signed).

    Args:
        document: a JSON-ready value (dicts, lists, strings, numbers, booleans, None).

    Returns:
        UTF-8 JSON with sorted keys, two-space indent and a final newline.
    """
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def sign_manifest(manifest_bytes: bytes, signing_key: SigningKey) -> bytes:
    """Return the ``manifest.sig`` document for the exact ``manifest_bytes``.

    Args:
        manifest_bytes: the bytes of ``manifest.json``.
        signing_key: the TTP's signing key.

    Returns:
        Canonical JSON: format, algorithm, key id and base64 signature.
    """
    signature = signing_key.sign(manifest_bytes)
    return canonical_json(
        {
            "format": SIGNATURE_FORMAT,
            "algorithm": "Ed25519",
            "key_id": signing_key.key_id,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    )


def read_signature(path: Path) -> tuple[str, bytes]:
    """Read ``manifest.sig``: return (key id, raw signature).

    Raises:
        VerificationError: the file is missing or malformed.
    """
    try:
        document = json.loads(path.read_bytes())
        if document.get("format") != SIGNATURE_FORMAT or document.get("algorithm") != "Ed25519":
            raise ValueError
        signature = base64.b64decode(str(document["signature"]), validate=True)
        return str(document["key_id"]), signature
    except (OSError, ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        raise VerificationError(
            f"{path}: missing or malformed signature file; the release cannot be trusted."
        ) from exc


def signature_valid(manifest_bytes: bytes, signature: bytes, public_key_pem: bytes) -> bool:
    """Return whether ``signature`` over ``manifest_bytes`` checks with the public key.

    Raises:
        KeyringError: the public key is not an Ed25519 PEM key.
    """
    return verify_signature(public_key_pem, manifest_bytes, signature)


def read_manifest(path: Path) -> tuple[bytes, dict[str, Any]]:
    """Read ``manifest.json``: return its exact bytes and the parsed document.

    Raises:
        VerificationError: the file is missing, not JSON, or not a safelink release manifest.
    """
    try:
        raw = path.read_bytes()
        document = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise VerificationError(f"{path}: missing or not valid JSON.") from exc
    if not isinstance(document, dict) or document.get("format") != MANIFEST_FORMAT:
        raise VerificationError(f"{path}: not a safelink release manifest ({MANIFEST_FORMAT}).")
    return raw, document


def finding_summary(scan: Any) -> dict[str, Any]:
    """Summarise a detection :class:`~safelink.detect.ScanReport` without any examples.

    Masked examples are left out on purpose: a manifest travels with the data.
    """
    document = scan.to_dict()
    columns = []
    for column in document.get("columns", []):
        finding = column.get("finding")
        if finding is not None:
            finding = {k: v for k, v in finding.items() if k != "examples"}
        columns.append({"column": column["column"], "finding": finding})
    return {
        "source": Path(str(document.get("source", ""))).name,
        "rows": document.get("rows"),
        "settings": document.get("settings", {}),
        "direct_columns": document.get("direct_columns", []),
        "columns": columns,
        "free_text": [
            {k: v for k, v in f.items() if k != "examples"} for f in document.get("free_text", [])
        ],
    }


def linkage_summary(report: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a linkage report that go into a manifest (counts and rates only)."""
    keep = (
        "sources", "steps", "model", "weights", "truth", "bias", "key_id", "constraints",
        "estimates", "index", "waterfall",
    )  # fmt: skip
    return {k: report.get(k) for k in keep}


def renamed_columns(manifest: Mapping[str, Any]) -> dict[str, str]:
    """Columns the release renamed after generalisation (``age`` -> ``age_band``), old -> new.

    Read from the manifest's ``rename`` transformations (empty when there are none).
    """
    renames: dict[str, str] = {}
    for step in manifest.get("transformations") or []:
        if isinstance(step, Mapping) and step.get("action") == "rename":
            columns = step.get("columns")
            if isinstance(columns, Mapping):
                renames |= {str(old): str(new) for old, new in columns.items()}
    return renames


def jsonable(document: Any) -> Any:
    """``document`` as plain JSON types (dates, paths and the like as strings)."""
    return json.loads(json.dumps(document, default=str))
