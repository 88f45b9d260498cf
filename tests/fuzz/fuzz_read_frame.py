"""Fuzz ``safelink.infra.io.read_frame`` with atheris: any bytes give a frame or a SafelinkError.

Not collected by pytest (no ``test_`` prefix). Needs ``pip install atheris`` (Linux wheels).
Run for N iterations, with a per-input time limit in seconds:

    python tests/fuzz/fuzz_read_frame.py -atheris_runs=20000 -timeout=10

Extra arguments go to libFuzzer (e.g. a corpus folder to keep, ``-max_len=65536``). With no
corpus folder given, it starts from a few seed files it writes (CSV with BOM, quotes and
embedded newlines, Windows-1252 text, ragged rows, a Parquet file). A crash is any exception
that is not a SafelinkError, a hang past ``-timeout``, or a frame whose column names are not
text; libFuzzer then saves the input as ``crash-*`` / ``timeout-*`` in the working folder.
"""

from __future__ import annotations

import atexit
import io
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import polars as pl

    from safelink.errors import SafelinkError
    from safelink.infra.io import read_frame

ENCODINGS = ("utf-8", "cp1252", "latin-1", "utf-16")
DELIMITERS = (",", ";", "\t", "|")
WORK = Path(tempfile.mkdtemp(prefix="safelink-fuzz-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


def _seeds(folder: Path) -> None:
    """Write a few small, valid-ish inputs for the fuzzer to mutate (a leading control byte
    pair selects the suffix, encoding and delimiter, as in :func:`one_input`)."""
    parquet = io.BytesIO()
    pl.DataFrame({"nhs": ["9990000018", None], "name": ["Zoë", "O'Brien"]}).write_parquet(parquet)
    seeds = {
        "plain": b"\x00\x00\x00nhs,name\n9990000018,Smith\n",
        "bom": b'\x00\x00\x00\xef\xbb\xbfnhs,name\n9990000026,"Line\nbreak"\n',
        "cp1252": b"\x00\x01\x00name,cost\nJos\xe9,\xa35\n",
        "ragged": b"\x00\x00\x00a,b\n1\n1,2,3\n",
        "header": b"\x00\x00\x00a,a,\n",
        "parquet": b"\x01\x00\x00" + parquet.getvalue(),
    }
    for name, data in seeds.items():
        (folder / name).write_bytes(data)


def one_input(data: bytes) -> None:
    """Read one fuzzed file; only a frame or a SafelinkError is an acceptable outcome."""
    provider = atheris.FuzzedDataProvider(data)
    suffix = ".parquet" if provider.ConsumeIntInRange(0, 1) else ".csv"
    encoding = ENCODINGS[provider.ConsumeIntInRange(0, len(ENCODINGS) - 1)]
    delimiter = DELIMITERS[provider.ConsumeIntInRange(0, len(DELIMITERS) - 1)]
    path = WORK / f"input{suffix}"
    path.write_bytes(provider.ConsumeBytes(provider.remaining_bytes()))
    try:
        frame = read_frame(path, encoding=encoding, delimiter=delimiter)
    except SafelinkError:
        return
    if not all(isinstance(name, str) for name in frame.columns):
        raise RuntimeError("read_frame returned a non-text column name")


def main() -> None:
    """Run the fuzzer (libFuzzer arguments from the command line)."""
    argv = list(sys.argv)
    if not any(not arg.startswith("-") for arg in argv[1:]):
        corpus = WORK / "corpus"
        corpus.mkdir()
        _seeds(corpus)
        argv.append(str(corpus))
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
