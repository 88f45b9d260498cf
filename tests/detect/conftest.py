"""Fixtures for the detector tests: the labelled corpus, built once."""

from __future__ import annotations

import polars as pl
import pytest

from tests.detect.corpus import Label, make_corpus


@pytest.fixture(scope="session")
def corpus() -> tuple[pl.DataFrame, dict[str, Label]]:
    return make_corpus(seed=7)
