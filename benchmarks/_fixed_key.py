"""The committed synthetic test key, so benchmark figures repeat exactly (tests only: never
use it for real data)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from safelink.keys import Keyring

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "correct horse battery staple"  # synthetic, tests only


def fixed_keyring() -> Keyring:
    """Open ``tests/golden/keys/golden.key`` from a private temporary copy."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "keys"
        folder.mkdir(mode=0o700)
        copy = folder / "golden.key"
        shutil.copyfile(ROOT / "tests" / "golden" / "keys" / "golden.key", copy)
        copy.chmod(0o600)
        return Keyring.open(copy, passphrase=PASSPHRASE)
