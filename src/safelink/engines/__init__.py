"""Where a step runs: polars/DuckDB on one machine (the default) or Apache Spark for scale.

The engine is chosen in one place, :func:`choose_engine`, which every command and API function
calls the same way (``engine="local" | "spark"`` in Python, ``--engine local|spark`` on the
command line) and which raises one error, :class:`~safelink.errors.EngineError`, for an
unknown engine or one that cannot run here.

The Spark engine lives in submodules that import PySpark only when called, so this package
imports without PySpark installed:

- :mod:`safelink.engines.spark`: checked session start-up (:func:`spark_session`).
- :mod:`safelink.engines.spark_pseudonymise`: the local token flow
  (:class:`safelink.pseudonymise.tokenise.Tokeniser`) in one Arrow map per partition:
  byte-identical tokens.
- :mod:`safelink.engines.spark_disclosure_check`: the Spark half of disclosure control (the
  models, check and tables are :mod:`safelink.disclosure`'s, counted by SQL on Spark).
- :mod:`safelink.engines.spark_frame`: ``anonymise`` on Spark (search, generalise, suppress).
- :mod:`safelink.engines.spark_link`: what linkage needs that only Spark has (reading tokens,
  row numbering, iterative components, Splink's ``SparkAPI``); the linkage steps themselves are
  written once in :mod:`safelink.link` and run through :mod:`safelink.engines.backend`.
"""

from safelink.engines.choice import ENGINES, SPARK_INSTALL_HINT, Engine, choose_engine

__all__ = ["ENGINES", "SPARK_INSTALL_HINT", "Engine", "choose_engine"]
