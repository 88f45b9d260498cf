"""Where a step runs: polars/DuckDB on one machine (the default) or Apache Spark for scale.

The Spark engine lives in submodules that import PySpark only when called, so this package
imports without PySpark installed:

- :mod:`safelink.engines.spark`: checked session start-up (:func:`spark_session`).
- :mod:`safelink.engines.spark_pseudonymise`: byte-identical tokens from Spark SQL functions.
- :mod:`safelink.engines.spark_disclosure`: k, l, t and risk from Spark group-bys.
- :mod:`safelink.engines.spark_disclosure_check`: a whole disclosure check, and small-number
  suppression of tables counted on Spark.
- :mod:`safelink.engines.spark_link`: linkage on Spark (cascade, Splink's Spark backend,
  clustering).
"""

from __future__ import annotations

from typing import Literal

Engine = Literal["local", "spark"]
ENGINES: tuple[Engine, ...] = ("local", "spark")

__all__ = ["ENGINES", "Engine"]
