"""Throughput and peak memory of sealing and opening a file for encrypted delivery.

Seals a file of random bytes to a fresh X25519 delivery key (safelink.release.encrypt_file),
opens it again (decrypt_file), checks the round trip, and reports MB/s each way and the peak
resident memory of the process, which must stay near one chunk (64 KiB) above the baseline
whatever the file's size: the file is streamed, never held in memory.
Usage: python benchmarks/bench_delivery.py [--mib 256]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from safelink.keys import DeliveryKey
from safelink.release import decrypt_file, encrypt_file

PASSPHRASE = "benchmark passphrase, synthetic"  # a throwaway key for the run


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=256, help="size of the file to seal")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        keys = root / "keys"
        keys.mkdir(mode=0o700)
        key = DeliveryKey.create(
            keys / "bench.delivery.key", project="bench", passphrase=PASSPHRASE, scrypt_n=2**14
        )
        plain = root / "plain.bin"
        with plain.open("wb") as handle:
            for _ in range(args.mib):
                handle.write(os.urandom(1 << 20))
        baseline = _peak_mib()
        tick = time.perf_counter()
        encrypt_file(plain, root / "plain.sealed", key.public_key_pem())
        sealed_seconds = time.perf_counter() - tick
        tick = time.perf_counter()
        decrypt_file(root / "plain.sealed", root / "opened.bin", key)
        opened_seconds = time.perf_counter() - tick
        assert _digest(plain) == _digest(root / "opened.bin")
        overhead = (root / "plain.sealed").stat().st_size - plain.stat().st_size
    print(f"file: {args.mib} MiB; sealed overhead {overhead:,} bytes")
    seal, opened = args.mib / sealed_seconds, args.mib / opened_seconds
    print(f"seal: {seal:,.0f} MiB/s; open: {opened:,.0f} MiB/s")
    print(f"peak RSS: {_peak_mib():.0f} MiB (before sealing {baseline:.0f} MiB)")


if __name__ == "__main__":
    main()
