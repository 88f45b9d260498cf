"""The normalisers written once, as SQL (DuckDB's dialect) that every engine runs.

Each rule is a function of the input column's SQL reference returning a :class:`Rule`: steps
of SQL column expressions, each step reading the columns the earlier ones added, ending in a
``value`` column (the canonical text, null where missing or rejected) and a ``reason`` column
(a :class:`~safelink.normalise.constants.Reason`, null where accepted or missing). Naming the
intermediate columns (instead of repeating their SQL) keeps each expression small on every
engine; a ``prefix`` keeps several rules apart on one table.

:func:`apply_rule` runs a rule on any :class:`~safelink.engines.backend.Backend`: polars
locally (:mod:`safelink.normalise.local`, which the token flow runs on every engine), Spark and
DuckDB in the equality tests. The one step SQL cannot do portably, Unicode NFKD with the
combining marks removed (names), is a :class:`Fold` step that the backend performs.

Phone numbers have no rule: they need the ``phonenumbers`` library
(:func:`safelink.normalise.local.normalise_phone`), which the token flow runs on every engine.
"""

from safelink.normalise.rules.dates import (
    DOB_PARTS,
    PARTIAL_DATE_WARNINGS,
    date_of_birth,
    dob_full,
    dob_part,
    dob_warning,
)
from safelink.normalise.rules.names import name, name_canonical, name_canonical_steps
from safelink.normalise.rules.numbers import (
    WARNED_RANGES,
    chi_number,
    driving_licence,
    nhs_number,
    nhs_range,
    nhs_warning,
    ni_number,
    passport_number,
    uprn,
    vehicle_registration,
)
from safelink.normalise.rules.places import (
    ADDRESS_PARTS,
    address,
    address_part_column,
    address_parts,
    postcode,
    postcode_district,
    postcode_sector,
)
from safelink.normalise.rules.registry import (
    COMPOSITE_SEPARATOR,
    RULES,
    SQL_KINDS,
    RuleMaker,
    apply_rule,
    composite,
    email,
    rule_for,
    sex,
    text,
)
from safelink.normalise.rules.sql import (
    SHAPE_LENGTH,
    Fold,
    Rule,
    Step,
    blank,
    matches,
    replace_all,
    trim,
    value_shape,
)

__all__ = [
    "ADDRESS_PARTS",
    "COMPOSITE_SEPARATOR",
    "DOB_PARTS",
    "PARTIAL_DATE_WARNINGS",
    "RULES",
    "SHAPE_LENGTH",
    "SQL_KINDS",
    "WARNED_RANGES",
    "Fold",
    "Rule",
    "RuleMaker",
    "Step",
    "address",
    "address_part_column",
    "address_parts",
    "apply_rule",
    "blank",
    "chi_number",
    "composite",
    "date_of_birth",
    "dob_full",
    "dob_part",
    "dob_warning",
    "driving_licence",
    "email",
    "matches",
    "name",
    "name_canonical",
    "name_canonical_steps",
    "nhs_number",
    "nhs_range",
    "nhs_warning",
    "ni_number",
    "passport_number",
    "postcode",
    "postcode_district",
    "postcode_sector",
    "replace_all",
    "rule_for",
    "sex",
    "text",
    "trim",
    "uprn",
    "value_shape",
    "vehicle_registration",
]
