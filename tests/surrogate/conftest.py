"""Fixtures for the surrogate tests: module-wide keyrings (cheap KDF) and a small extract."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from safelink.keys import Keyring
from safelink.synthetic.testing import synthetic_nhs_numbers

PASSPHRASE = "correct horse battery staple"  # synthetic, for tests only


def make_ring(directory: Path, project: str) -> Keyring:
    directory.mkdir(mode=0o700, exist_ok=True)
    return Keyring.create(
        directory / f"{project}.key", project=project, passphrase=PASSPHRASE, scrypt_n=2**14
    )


@pytest.fixture(scope="module")
def ring(tmp_path_factory: pytest.TempPathFactory) -> Keyring:
    return make_ring(tmp_path_factory.mktemp("keys"), "surrogates")


@pytest.fixture(scope="module")
def other_ring(tmp_path_factory: pytest.TempPathFactory) -> Keyring:
    return make_ring(tmp_path_factory.mktemp("other-keys"), "other")


@pytest.fixture
def extract() -> pl.DataFrame:
    """A synthetic extract: several rows per person, every identifier kind, some missing."""
    numbers = synthetic_nhs_numbers(6, seed=3, unique=False)
    return pl.DataFrame(
        {
            "person_id": ["P1", "P1", "P2", "P3", "P3", "P4", "P5", "P6"],
            "nhs_number": [numbers[0], numbers[0], numbers[1], numbers[2], numbers[2],
                           numbers[3], numbers[4], None],
            "surname": ["Quillfeather", "QUILLFEATHER", "Smith", "Okparaebo-Brandt",
                        "Okparaebo-Brandt", "Zarnowiecki", None, "Smith"],
            "forename": ["Thaddeus", "Thaddeus", "Priya", "Ermintrude", "Ermintrude", "Bartholo",
                         "Olu", None],
            "sex": ["M", "M", "F", "F", "F", "M", None, "F"],
            "postcode": ["LS6 9QZ", "ls69qz", "M14 5RT", "BD7 1DP", "BD7 1DP", "NE4 5PL",
                         "not a postcode", None],
            "phone": ["07911 123456", "07911 123456", "0113 243 9876", "020 8123 4567",
                      "020 8123 4567", "07700 900001", None, "garbage"],
            "email": ["thaddeus.q@plantedmail.co.uk", "thaddeus.q@plantedmail.co.uk",
                      "priya@plantedmail.co.uk", None, None, "bz@plantedmail.co.uk",
                      "olu@plantedmail.co.uk", "x"],
            "address": ["17 Plantedwell Lane, Snodsbury", "17 Plantedwell Lane, Snodsbury",
                        "2 Quarrel Street, Mudchester", None, None, "9 Zed Row, Yelm",
                        "4 Plantedwell Lane, Snodsbury", "1 A St, B"],
            "ethnicity": ["A", "A", "H", "N", "N", "C", None, "A"],
            "admitted": ["2024-01-05", "2024-03-10", "2023-12-30", "2024-02-29", "2024-05-01",
                         "2024-07-07", "", "2024-01-01"],
            "discharged": ["2024-01-09", "2024-03-30", "2024-01-02", "2024-03-01", "2024-05-20",
                           "2024-07-08", None, "2024-01-03"],
            "dob": ["12/06/1957", "12/06/1957", "03/01/1990", "30/12/1944", "30/12/1944",
                    "15/08/2001", "01/01/1970", "22/02/1985"],
        }
    )  # fmt: skip
