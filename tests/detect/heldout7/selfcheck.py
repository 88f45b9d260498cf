"""Self-check of the seventh held-out corpus: `python -m tests.detect.heldout7.selfcheck`.

Checks that the built columns match TRAPS.md (names, order, kinds, direct flags, categories),
that the corpus is deterministic, that every NHS / CHI value carries a valid modulus-11 check
digit and every labelled look-alike fails it, that NI numbers obey the HMRC prefix rules, that
phones are in the Ofcom drama ranges and e-mail domains are reserved ones, that free-text
identifiers appear in a minority of rows, and that every category is covered. It never runs a
detector. Prints counts only, never a value.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from tests.detect.heldout7 import synth
from tests.detect.heldout7.columns import MOD11_INVALID_COLUMNS, make_heldout7_columns

TRAPS = Path(__file__).with_name("TRAPS.md")
SCI = re.compile(r"\d\.\d+E\+\d+")
NHS_IN_TEXT = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
CHI_IN_TEXT = re.compile(r"(?<!\d)\d{6}[ -]?\d{4}(?!\d)")
PHONE_IN_TEXT = re.compile(r"(?:\+44 ?|0)\d[\d ]{8,12}\d")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
NI_IN_TEXT = re.compile(r"\b[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]\b")
CATEGORY_RANGE = {c: (12, 18) for c in "abcdefgh"} | {"s": (4, 8)}


def read_traps() -> list[tuple[str, str | None, bool, str]]:
    """(name, kind, direct, category) for each column line of TRAPS.md, in order."""
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" — ")
        if len(parts) != 5:
            raise SystemExit(f"TRAPS.md line does not have 5 fields: {line[:40]}...")
        name, _, kind, direct, category = parts
        rows.append(
            (name.strip("`"), None if kind == "None" else kind, direct == "True", category.strip())
        )
    return rows


def compact_ten(value: str, pad_nine: bool) -> str | None:
    """The 10 digits of a structured NHS / CHI cell, or None when Excel destroyed them."""
    if SCI.search(value):
        return None
    digits = re.sub(r"\D", "", re.sub(r"\.0$", "", value.strip()))
    return "0" + digits if pad_nine and len(digits) == 9 else digits


def national_phone(value: str) -> str | None:
    """A phone cell as national digits with the leading 0, or None when in scientific form."""
    if SCI.search(value):
        return None
    digits = re.sub(r"\D", "", re.sub(r"\.0$", "", value.strip()))
    if digits.startswith("0044"):
        return "0" + digits[4:]
    if digits.startswith("440"):
        return digits[2:]
    if digits.startswith("44"):
        return "0" + digits[2:]
    return digits if digits.startswith("0") else "0" + digits


def email_ok(domain: str) -> bool:
    """True for example.com, example.org or any *.example domain."""
    domain = domain.lower()
    return domain in ("example.com", "example.org") or domain.endswith(".example")


def check_values(
    name: str,
    kind: str | None,
    free: bool,
    cells: list[str],
    errors: list[str],
    tally: Counter[str],
) -> None:
    """Check the synthetic-value rules for one column; append problems to `errors`."""
    if kind in ("nhs_number", "chi_number"):
        pattern = NHS_IN_TEXT if kind == "nhs_number" else CHI_IN_TEXT
        found = (
            [re.sub(r"\D", "", m) for c in cells for m in pattern.findall(c)]
            if free
            else [compact_ten(c, kind == "chi_number") for c in cells]
        )
        for number in found:
            if number is None:
                tally["nhs/chi cells unrecoverable (scientific notation)"] += 1
            elif synth.mod11_valid(number):
                tally["nhs/chi values with valid check digit"] += 1
            else:
                errors.append(f"{name}: a {kind} value fails mod 11")
    if name in MOD11_INVALID_COLUMNS:
        for cell in cells:
            if synth.mod11_valid(re.sub(r"\.0$", "", cell)):
                errors.append(f"{name}: a look-alike passes mod 11")
            tally["look-alike values failing mod 11"] += 1
    if kind == "ni_number":
        nis: list[str] = NI_IN_TEXT.findall(" ".join(cells)) if free else cells
        for ni in nis:
            if not synth.ni_valid(re.sub(r"[\s-]", "", ni)):
                errors.append(f"{name}: an NI number breaks the HMRC rules")
            tally["NI numbers checked"] += 1
    if kind == "phone":
        found = (
            [national_phone(m) for c in cells for m in PHONE_IN_TEXT.findall(c)]
            if free
            else [national_phone(c) for c in cells]
        )
        for digits in found:
            if digits is not None and not synth.phone_in_range(digits):
                errors.append(f"{name}: a phone outside the Ofcom drama ranges")
            tally["phones checked"] += 1
    for cell in cells:
        for domain in EMAIL_IN_TEXT.findall(cell):
            if not email_ok(domain):
                errors.append(f"{name}: an e-mail domain that is not reserved")
            tally["e-mails checked"] += 1


def minority_rate(kind: str | None, cells: list[str | None]) -> float | None:
    """Share of rows with an identifier, for the kinds that a pattern can find in text."""
    pattern = {
        "nhs_number": NHS_IN_TEXT,
        "chi_number": CHI_IN_TEXT,
        "phone": PHONE_IN_TEXT,
        "email": EMAIL_IN_TEXT,
        "ni_number": NI_IN_TEXT,
    }.get(kind or "")
    if pattern is None:
        return None
    return sum(1 for c in cells if c and pattern.search(c)) / len(cells)


def main(seed: int = 23, rows: int = 2000) -> int:
    """Run every check; print counts; return 0 when all pass, 1 otherwise."""
    columns, labels = make_heldout7_columns(seed, rows)
    again, _ = make_heldout7_columns(seed, rows)
    errors: list[str] = []
    if columns != again:
        errors.append("the corpus is not deterministic")
    traps = read_traps()
    if [t[0] for t in traps] != list(columns):
        errors.append("column names or order differ from TRAPS.md")
    for name, kind, direct, category in traps:
        label = labels.get(name)
        if label is None:
            continue
        if (label["kind"], label["direct"], label["category"]) != (kind, direct, category):
            errors.append(f"{name}: label differs from TRAPS.md")
    tally: Counter[str] = Counter()
    for name, cells in columns.items():
        label = labels[name]
        if len(cells) != rows or any(c is not None and not isinstance(c, str) for c in cells):
            errors.append(f"{name}: wrong length or a cell that is not str/None")
        present = [c for c in cells if c is not None]
        check_values(name, label["kind"], label["free_text"], present, errors, tally)
        rate = minority_rate(label["kind"], cells) if label["category"] == "a" else None
        if rate is not None and not 0.04 <= rate <= 0.16:
            errors.append(f"{name}: identifiers in {rate:.0%} of rows, not a minority")
    by_category = Counter(label["category"] for label in labels.values())
    for category, (low, high) in CATEGORY_RANGE.items():
        if not low <= by_category[category] <= high:
            errors.append(f"category {category}: {by_category[category]} columns")
    kinds = Counter(str(label["kind"]) for label in labels.values())
    n_direct = sum(1 for label in labels.values() if label["direct"])
    print(
        f"columns {len(columns)}, rows {rows}, direct {n_direct}, "
        f"staff {by_category['s']}, kind None {kinds['None']}"
    )
    print("categories:", dict(sorted(by_category.items())))
    print("kinds:", dict(sorted(kinds.items())))
    print("checked:", dict(sorted(tally.items())))
    for error in errors:
        print("FAIL", error)
    print("selfcheck", "FAILED" if errors else "passed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
