"""Link tokens files into persons: deterministic cascade, then Splink, then clustering.

The linkage unit sees only tokens files (and, for the bias table, the grouping columns of the
content files). ``link`` runs, in order:

1. ``nhs_number_and_date_of_birth``: equal NHS-number token and partner token(s);
2. the configured match keys, each only on records not yet linked;
3. ``probabilistic``: a Fellegi-Sunter model (Splink, DuckDB) on what is left;

then forms persons under the constraints (no person holds two records of a source that holds
one record per person, nor two different NHS numbers; :mod:`safelink.link.cluster`), and gives
each a ``person_id`` derived from its members (not from record order). With a person index
(:mod:`safelink.link.index`), known persons keep their ids from one delivery to the next.

Example::

    result = safelink.link(["out/hospital.tokens.parquet", "out/social_care.tokens.parquet"],
                           load_config("configs/demo.yaml"))
    result.links.head()
"""

from safelink.link.api import link, link_files
from safelink.link.config import LinkConfig, link_config
from safelink.link.flow import PROBABILISTIC, LinkageResult
from safelink.link.index import link_with_index, read_index
from safelink.link.quality import LinkageReport

__all__ = [
    "PROBABILISTIC",
    "LinkConfig",
    "LinkageReport",
    "LinkageResult",
    "link",
    "link_config",
    "link_files",
    "link_with_index",
    "read_index",
]
