"""Time the release step (join, pseudonymise, protect, gate, sign, write) and verify.

Usage: ``python benchmarks/bench_release.py [PEOPLE ...]`` (default 2000 20000). Builds the
linked inputs with the demo pipeline first (not timed), then times release and verify.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from safelink.demo import demo_config
from safelink.keys import Keyring
from safelink.link import link_files
from safelink.pseudonymise import output_paths, pseudonymise_file
from safelink.release import release_demo, verify
from safelink.synthetic import generate


def bench(people: int) -> dict[str, float]:
    """Build inputs for ``people`` synthetic people, then time release and verify."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        extracts = generate(people, seed=5).write_csv(root / "extracts")
        (root / "keys").mkdir(mode=0o700)
        ring = Keyring.create(
            root / "keys" / "demo.key", project="demo", passphrase="b" * 16, scrypt_n=2**14
        )
        config = demo_config(root / "extracts")
        for name in config.sources:
            pseudonymise_file(extracts[name], config, ring, root / "pseudonymised", source=name)
        paths = {n: output_paths(root / "pseudonymised", n) for n in config.sources}
        link_files([paths[n]["tokens"] for n in config.sources], config, root / "linked")
        tick = time.perf_counter()
        result = release_demo(root, keyring=ring, config=config, signing_passphrase="s" * 16)
        release_seconds = time.perf_counter() - tick
        tick = time.perf_counter()
        ok = verify(result.out_dir, (root / "keys" / "demo.signing.pub").read_bytes()).ok
        verify_seconds = time.perf_counter() - tick
        return {
            "people": people,
            "rows_out": result.rows_out,
            "release_seconds": round(release_seconds, 3),
            "verify_seconds": round(verify_seconds, 3),
            "verified": ok,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }


if __name__ == "__main__":
    for count in [int(a) for a in sys.argv[1:]] or [2_000, 20_000]:
        print(bench(count), flush=True)
