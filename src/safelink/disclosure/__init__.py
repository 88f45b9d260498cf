"""Disclosure control: measure and reduce re-identification risk before data leave the TTP.

A fluent :class:`Frame` over pandas or polars (generalise, coarsen, top-code, suppress), the
privacy models measured (k-anonymity, l-diversity, t-closeness, prosecutor/journalist/marketer
risk, (alpha, k)-anonymity, beta-likeness, delta-disclosure) and judged as criteria
(:class:`KAnonymity`, :class:`DistinctL`, :class:`EntropyL`, :class:`RecursiveCL`,
:class:`TCloseness`, :class:`ProsecutorRiskCap`, :class:`AlphaKAnonymity`,
:class:`BetaLikeness`, :class:`DeltaDisclosure`), utility metrics beside them, the
minimal-generalisation search, NHS England small-number suppression for tables, and release
profiles (``tre``, ``publication``): lists of criteria, checked by :func:`check` and met by
:func:`anonymise`.
"""

from safelink.disclosure.anonymising import Anonymised, anonymise, anonymise_file
from safelink.disclosure.control import DisclosureReport, check, check_file, check_frame
from safelink.disclosure.criteria import (
    Criterion,
    DistinctL,
    EntropyL,
    KAnonymity,
    Measurements,
    ProsecutorRiskCap,
    RecursiveCL,
    SensitiveAttributeRequired,
    TCloseness,
    Verdict,
)
from safelink.disclosure.equivalence import ClassTable
from safelink.disclosure.frame import Frame
from safelink.disclosure.hierarchies import (
    AgeHierarchy,
    DateHierarchy,
    DateOfBirthHierarchy,
    Hierarchy,
    PostcodeHierarchy,
    TableHierarchy,
    load_table_hierarchy,
)
from safelink.disclosure.likeness import AttributeDisclosureSummary, attribute_disclosure
from safelink.disclosure.likeness_criteria import AlphaKAnonymity, BetaLikeness, DeltaDisclosure
from safelink.disclosure.models import (
    KAnonymitySummary,
    LDiversitySummary,
    TClosenessSummary,
    k_anonymity,
    l_diversity,
    t_closeness,
)
from safelink.disclosure.profiles import (
    DisclosureConfig,
    ReleaseProfile,
    builtin_profile,
    load_disclosure_config,
    parse_disclosure_config,
)
from safelink.disclosure.recode import Transformation
from safelink.disclosure.risk import RiskSummary, record_risk, risk
from safelink.disclosure.search import Candidate, SearchResult, minimal_generalisation
from safelink.disclosure.tables import (
    ProtectedTable,
    SmallNumberPolicy,
    protect_counts,
    protect_statistics,
    secondary_suppression,
)
from safelink.disclosure.utility import QuasiIdentifierUtility, UtilitySummary, utility

__all__ = [
    "AgeHierarchy",
    "AlphaKAnonymity",
    "Anonymised",
    "AttributeDisclosureSummary",
    "BetaLikeness",
    "Candidate",
    "ClassTable",
    "Criterion",
    "DateHierarchy",
    "DateOfBirthHierarchy",
    "DeltaDisclosure",
    "DisclosureConfig",
    "DisclosureReport",
    "DistinctL",
    "EntropyL",
    "Frame",
    "Hierarchy",
    "KAnonymity",
    "KAnonymitySummary",
    "LDiversitySummary",
    "Measurements",
    "PostcodeHierarchy",
    "ProsecutorRiskCap",
    "ProtectedTable",
    "QuasiIdentifierUtility",
    "RecursiveCL",
    "ReleaseProfile",
    "RiskSummary",
    "SearchResult",
    "SensitiveAttributeRequired",
    "SmallNumberPolicy",
    "TCloseness",
    "TClosenessSummary",
    "TableHierarchy",
    "Transformation",
    "UtilitySummary",
    "Verdict",
    "anonymise",
    "anonymise_file",
    "attribute_disclosure",
    "builtin_profile",
    "check",
    "check_file",
    "check_frame",
    "k_anonymity",
    "l_diversity",
    "load_disclosure_config",
    "load_table_hierarchy",
    "minimal_generalisation",
    "parse_disclosure_config",
    "protect_counts",
    "protect_statistics",
    "record_risk",
    "risk",
    "secondary_suppression",
    "t_closeness",
    "utility",
]
