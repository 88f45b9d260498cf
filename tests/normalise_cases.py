"""Values that exercise every normaliser rule, shared by the engine-equality tests."""

from __future__ import annotations

import datetime as dt

import polars as pl

from safelink.engines.backend import Backend
from safelink.engines.sql import quote
from safelink.identifiers import Identifier
from safelink.normalise import rules

TODAY = dt.date(2026, 1, 1)

EDGE_VALUES: list[str | None] = [
    None,
    "",
    "   ",
    "\u00a0943 476 5919\u2003",
    "943-476-5919",
    "9434765919",
    "943476591",
    "9434765918",
    "94347659190",
    "0000000000",
    "4000000050",
    "3213901234",
    "0101011234",
    "\x1c9434765919",
    "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0668",
    "\uff19" * 10,
    "AB 12 34 56 C",
    "QQ123456C",
    "GB123456A",
    "AB123456E",
    "A1234567",
    "ab123456c",
    "Mrs. Zoë O'Brien-Smith",
    "  dr   john ",
    "Müller Jr",
    "Łukasz",
    "SØRENSEN",
    "straße",
    "ﬁsh Ĳssel ǆ ½",
    "Mr.",
    "J0hn",
    "Lord",
    "Ángel\u0301 ЁЛКА ΆΝΝΑ",
    "04/03/1975",
    "4/3/1975",
    "1975-03-04",
    "4 Mar 1975",
    "04-Mar-1975",
    "4 March 1975",
    "4 Sept 1975",
    "19750304",
    "1975-03-04T00:00:00",
    "04/03/1975 09:30",
    "04.03.1975",
    "31/02/1975",
    "29/02/2000",
    "29/02/1900",
    "04/03/75",
    "01/01/2999",
    "01/01/1850",
    "\u0660\u0664/03/1975",
    "yesterday",
    "1978",
    "1978-03",
    "03/1978",
    "3-1978",
    "1978/3",
    "13/1978",
    "2999-01",
    "01/01/1980",
    "1900-01-01",
    "01/01/1800",
    "sw1a1aa",
    " M1  1AE",
    "GIR 0AA",
    "sw1a\u00a01aa",
    "LS1 \u0661AB",
    "XYZ",
    "m",
    "Female",
    "Not  known",
    "?",
    " Jo.Bloggs@Example.NHS.uk ",
    "not-an-email",
    "a@b@c.d",
    "12 High St,\tLeeds",
    "100023336956",
    "100023336956.0",
    "1.00023336956E+11",
    "100,023,336,956",
    "1000233369561",
]
"""NHS/CHI/NI numbers, names, dates, postcodes, sex codes and e-mails, with awkward forms.
Every rule runs on every value (most are rejected by most rules, which is tested too)."""

SQL_KINDS = sorted(rules.SQL_KINDS)


def run(backend: Backend, kind: Identifier, values: list[str | None]) -> list[tuple[object, ...]]:
    """``(value, reason)`` per input row, in order, from ``kind``'s rule on ``backend``."""
    rule = rules.rule_for(kind, quote("raw"), "__n_", today=TODAY)
    table = pl.DataFrame(
        {"i": range(len(values)), "raw": values}, schema_overrides={"raw": pl.String}
    )
    added = backend.collect(rules.apply_rule(backend, backend.table(table), rule))
    ordered = added.sort("i").select(rule.value, rule.reason)
    return list(ordered.iter_rows())
