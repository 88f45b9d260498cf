"""Where a step runs: polars/DuckDB on one machine (the default) or Apache Spark for scale.

The engine is chosen in one place, :func:`choose_engine`, which every command and API function
calls the same way (``engine="local" | "spark"`` in Python, ``--engine local|spark`` on the
command line) and which raises one error, :class:`~safelink.errors.EngineError`, for an
unknown engine or one that cannot run here.

The Spark engine lives in submodules that import PySpark only when called, so this package
imports without PySpark installed:

- :mod:`safelink.engines.spark`: checked session start-up (:func:`spark_session`).
- :mod:`safelink.engines.spark_pseudonymise`: the local token flow
  (:class:`safelink.tokenise.Tokeniser`) in one Arrow map per partition: byte-identical tokens.
- :mod:`safelink.engines.spark_disclosure_check`: the Spark half of disclosure control (the
  models, check and tables are :mod:`safelink.disclosure`'s, counted by SQL on Spark).
- :mod:`safelink.engines.spark_frame`: ``anonymise`` on Spark (search, generalise, suppress).
- :mod:`safelink.engines.spark_link`: what linkage needs that only Spark has (reading tokens,
  row numbering, iterative components, Splink's ``SparkAPI``); the linkage steps themselves are
  written once in :mod:`safelink.link` and run through :mod:`safelink.engines.backend`.
"""

from __future__ import annotations

import importlib.util
from enum import StrEnum

from safelink.errors import EngineError, SparkEngineError


class Engine(StrEnum):
    """The engines a step can run on."""

    LOCAL = "local"
    """polars and DuckDB on one machine (the default)."""
    SPARK = "spark"
    """Apache Spark (PySpark), local mode or a cluster."""


ENGINES: tuple[str, ...] = tuple(engine.value for engine in Engine)
SPARK_INSTALL_HINT = "install it with pip install -e '.[spark]' (needs Java 17)"


def choose_engine(engine: Engine | str) -> Engine:
    """Return the engine named, after checking that it can run here.

    Args:
        engine: ``"local"`` or ``"spark"`` (or an :class:`Engine`).

    Returns:
        The :class:`Engine`.

    Raises:
        EngineError: the name is not an engine.
        SparkEngineError: Spark was asked for and PySpark is not installed (Java and the
            master are checked when the session starts, before any work).

    Example:
        >>> choose_engine("local")
        <Engine.LOCAL: 'local'>
    """
    try:
        chosen = Engine(str(engine).lower())
    except ValueError:
        raise EngineError(
            f"unknown engine {str(engine)!r}; use one of {list(ENGINES)} "
            "(--engine on the command line, engine= in Python)."
        ) from None
    if chosen is Engine.SPARK and importlib.util.find_spec("pyspark") is None:
        raise SparkEngineError(
            f"the spark engine needs PySpark, which is missing; {SPARK_INSTALL_HINT}."
        )
    return chosen


__all__ = ["ENGINES", "SPARK_INSTALL_HINT", "Engine", "choose_engine"]
