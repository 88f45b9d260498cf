"""The engines a step can run on, chosen in one place (:func:`choose_engine`)."""

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
