"""Self-check of the fourth held-out corpus: ``python -m tests.detect.heldout4.selfcheck``.

Checks the generated columns against TRAPS.md (names, order, labels), check digits and value
rules per kind, category coverage, blank and minority rates, and determinism. It never runs a
detector. Prints the category and kind counts; exits 1 listing every problem found.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from tests.detect.heldout4 import pools, values
from tests.detect.heldout4.columns import make_heldout4_columns

TRAPS = Path(__file__).with_name("TRAPS.md")
CATEGORIES = "abcdefgh"
INDIRECT = ("date_of_birth", "postcode")
SCI = re.compile(r"^(\d)(?:\.(\d+))?E\+(\d\d)$")
TEN = re.compile(r"(?<![\w,])\d{10}(?![\w,])")
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")

# Category a: how a planted identifier is recognised inside the free text.
PLANTED = {
    "nhs_number": re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b"),
    "phone": re.compile(r"\b0\d{2,4}(?: \d{3,6}){1,2}\b"),
    "email": EMAIL,
    "address": re.compile(r"\b\d+[AB]? [A-Z][\w ]+, [A-Z][a-z]+ [A-Z]{1,2}\d{1,2} \d[A-Z]{2}\b"),
    "date_of_birth": re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|\b\d{1,2} [A-Z][a-z]+ \d{4}\b"),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d{1,2} \d[A-Z]{2}\b"),
    "ni_number": re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"),
    "chi_number": re.compile(r"\b\d{6} ?\d{4}\b"),
    "hospital_number": re.compile(r"\b(?:K|RR8|M|RX1|H|RTD)\d{7}\b"),
    "passport_number": re.compile(r"\b\d{9}\b"),
    "vehicle_registration": re.compile(r"\b[A-Z]{2}\d{2} [A-Z]{3}\b|\b[A-Z]\d{1,3} [A-Z]{3}\b"),
    "driving_licence": re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b"),
    "full_name": re.compile(
        r"(?<![\w'])(?:" + "|".join(re.escape(s) for s in pools.ALL_SURNAMES) + r")(?![\w'])"
    ),
}


def read_traps() -> list[tuple[str, str, str | None, bool, str]]:
    """Return (name, description, kind, direct, category) for each TRAPS.md column line."""
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- "):
            continue
        name, desc, kind, direct, category = (p.strip() for p in line[2:].split(" — "))
        rows.append((name, desc, None if kind == "None" else kind, direct == "True", category))
    return rows


def expand_sci(value: str) -> str | None:
    """Return the integer a scientific-notation cell stands for, or None if not one."""
    if not SCI.match(value):
        return None
    return str(int(Decimal(value)))


def nhs_digits(value: str) -> str | None:
    """Return the ten digits of a structured NHS-number cell; None for a lossy one."""
    match = SCI.match(value)
    if match:
        # A short mantissa ("9.43E+09") lost digits: nothing left to check.
        return expand_sci(value) if len(match.group(2) or "") >= 9 else None
    if re.fullmatch(r"\d{10}\.0", value):
        return value[:-2]
    return re.sub(r"[ .\-]", "", value)


def chi_ok(digits: str) -> bool:
    """Return True for ten digits with a real DDMMYY date and a valid mod-11 check digit."""
    digits = digits.zfill(10)
    try:
        dt.datetime.strptime(digits[:6], "%d%m%y")
    except ValueError:
        return False
    return values.mod11_valid(digits)


def phone_national(value: str) -> str:
    """Return the national-format digits of a phone cell (handles +44, (0), lost zero, E+11)."""
    expanded = expand_sci(value)
    digits = expanded if expanded else values.phone_compact(value)
    if digits.startswith("0044"):
        digits = digits[4:]
    elif digits.startswith("44") and len(digits) >= 12:
        digits = digits[2:]
    return digits if digits.startswith("0") else "0" + digits


def email_ok(value: str) -> bool:
    """Return True when every address in a cell is at a reserved example domain."""
    domains = [d.lower() for d in EMAIL.findall(value)]
    return bool(domains) and all(
        d in ("example.com", "example.org") or d.endswith(".example") for d in domains
    )


def check_structured(name: str, kind: str, cells: list[str]) -> list[str]:
    """Check every cell of a structured (not free-text) identifier column."""
    bad: list[str] = []
    for cell in cells:
        if kind == "nhs_number":
            digits = nhs_digits(cell)
            ok = digits is None or values.mod11_valid(digits)
        elif kind == "chi_number":
            ok = chi_ok(re.sub(r"[ \-]", "", cell))
        elif kind == "ni_number":
            ok = values.ni_valid(re.sub(r"[ \-]", "", cell).upper())
        elif kind == "phone":
            ok = values.phone_valid(phone_national(cell))
        elif kind == "email":
            ok = email_ok(cell)
        else:
            ok = True
        if not ok:
            bad.append(f"{name}: a {kind} cell breaks its rule")
            break
    return bad


def check_none(name: str, cells: list[str]) -> list[str]:
    """Check a kind-None column holds no ten-digit number passing mod 11 and no e-mail."""
    for cell in cells:
        candidates = TEN.findall(cell)
        expanded = expand_sci(cell)
        if expanded:
            candidates.append(expanded)
        if any(values.mod11_valid(c) for c in candidates) or EMAIL.search(cell):
            return [f"{name}: a kind-None cell looks like a valid identifier"]
    return []


def check_planted(name: str, kind: str, cells: list[str]) -> list[str]:
    """Check a category-a column: planted identifiers in 4-16% of rows, each valid."""
    pattern = PLANTED[kind]
    hits = [m for cell in cells for m in pattern.findall(cell)]
    rows_hit = sum(1 for cell in cells if pattern.search(cell))
    rate = rows_hit / len(cells)
    problems = []
    if not 0.04 <= rate <= 0.16:
        problems.append(f"{name}: planted rate {rate:.3f} outside 0.04-0.16")
    checks = {
        "nhs_number": lambda h: values.mod11_valid(h.replace(" ", "")),
        "chi_number": lambda h: chi_ok(h.replace(" ", "")),
        "ni_number": lambda h: values.ni_valid(h.replace(" ", "")),
        "phone": lambda h: values.phone_valid(values.phone_compact(h)),
    }
    if kind in checks and not all(checks[kind](h) for h in hits):
        problems.append(f"{name}: a planted {kind} breaks its rule")
    return problems


def run(seed: int = 7, rows: int = 2000) -> tuple[list[str], Counter[str], Counter[str]]:
    """Run every check; return (problems, category counts, kind counts)."""
    columns, labels = make_heldout4_columns(seed, rows)
    traps = read_traps()
    problems: list[str] = []
    if [t[0] for t in traps] != list(columns):
        problems.append("column names or order differ from TRAPS.md")
    for name, desc, kind, direct, category in traps:
        label = labels.get(name)
        expected = {
            "kind": kind,
            "direct": direct,
            "category": category,
            "free_text": desc.startswith("free text:"),
        }
        if label != expected:
            problems.append(f"{name}: labels {label} differ from TRAPS.md {expected}")
        if direct != (kind is not None and kind not in INDIRECT):
            problems.append(f"{name}: direct flag contradicts its kind")
    for name, cells in columns.items():
        label = labels[name]
        if len(cells) != rows or any(
            c is not None and (not isinstance(c, str) or not c) for c in cells
        ):
            problems.append(f"{name}: wrong length or a non-string / empty-string cell")
            continue
        filled = [c for c in cells if c is not None]
        col_kind, col_category = label["kind"], label["category"]
        if col_category == "a":
            problems += check_planted(name, str(col_kind), filled)
        elif col_kind is None:
            problems += check_none(name, filled)
            if label["free_text"] and any(PLANTED["full_name"].search(c) for c in filled):
                problems.append(f"{name}: a pool surname appears in identifier-free notes")
        else:
            problems += check_structured(name, str(col_kind), filled)
        if col_category == "c" and not 0.5 <= 1 - len(filled) / rows <= 0.9:
            problems.append(f"{name}: blank share {1 - len(filled) / rows:.2f} outside 0.5-0.9")
    categories = Counter(str(lab["category"]) for lab in labels.values())
    for cat in CATEGORIES:
        if not 12 <= categories[cat] <= 18:
            problems.append(f"category {cat} has {categories[cat]} columns, not 12-18")
    if categories["s"] == 0:
        problems.append("no staff-name (s) columns")
    if make_heldout4_columns(seed, rows)[0] != columns:
        problems.append("corpus is not deterministic")
    if make_heldout4_columns(seed + 1, rows)[0] == columns:
        problems.append("seed has no effect")
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    return problems, categories, kinds


def main() -> int:
    """Print the counts and any problems; return the exit status."""
    problems, categories, kinds = run()
    print("columns:", sum(categories.values()))
    print("categories:", dict(sorted(categories.items())))
    print("kinds:", dict(sorted(kinds.items())))
    for problem in problems:
        print("PROBLEM:", problem)
    print("selfcheck:", "FAILED" if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
