"""Self-check of the tenth held-out corpus: ``python -m tests.detect.heldout10.selfcheck``.

Checks the corpus against TRAPS.md (names, order, kinds, direct flags, categories), that
check digits are valid or invalid as labelled, that phones, e-mails and NI numbers stay inside
the synthetic ranges, that free-text identifiers sit in a minority of rows, and that every
category is covered. It never runs a detector. Exits 1 and lists every problem found.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from tests.detect.heldout10 import pools
from tests.detect.heldout10 import values as v
from tests.detect.heldout10.columns import MUST_FAIL_MOD11, make_heldout10_columns

TRAPS = Path(__file__).with_name("TRAPS.md")
CATEGORIES = "abcdefgh"
BLANK_BUT_ONE = ("lpa_attorney", "Unnamed: 8", "F7")

_SCI = re.compile(r"^\s*'?(\d)\.(\d*)E\+(\d\d)\s*$", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d(?:[ \-\n]*\d)+")
_NI = re.compile(r"(?<![A-Z])([A-Z]{2})[ -]?(\d\d)[ -]?(\d\d)[ -]?(\d\d)[ -]?([A-D]?)(?![A-Z0-9])")
_EMAIL = re.compile(r"[\w.+-]+@([\w.-]+)")
_SURNAME_WORDS = {w for names in pools.SURNAMES.values() for n in names for w in n.split()}
_FORENAME_WORDS = {w for names in pools.FORENAMES.values() for n in names for w in n.split()}

# How to spot the planted identifier in a free-text row (only used to measure the minority rate).
_PLANTED: dict[str, re.Pattern[str]] = {
    "phone": re.compile(r"07700 9\d{5}"),
    "nhs_number": re.compile(r"\d{3} ?\d{3} ?\d{4}"),
    "hospital_number": re.compile(r"\b(?:K\d{6}|RTH\d{7}|M\d{7}|[A-HJ]\d{6}|H\d{8})\b"),
    "email": re.compile(r"@"),
    "address": re.compile(r"\b[A-Z]{2}\d{1,2} \d[A-Z]{2}\b"),
    "vehicle_registration": re.compile(r"\b[A-Z]{2}\d{2} [A-Z]{3}\b"),
    "passport_number": re.compile(r"\b\d{9}\b"),
    "ni_number": _NI,
    "date_of_birth": re.compile(r"\b(?:DOB|Born)\b"),
    "uprn": re.compile(r"\b\d{9,12}\b"),
    "chi_number": re.compile(r"\b\d{6} ?\d{4}\b"),
    "driving_licence": re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}9[A-Z]{2}\b"),
}


def read_traps() -> list[tuple[str, str | None, bool, str]]:
    """``(name, kind, direct, category)`` for every column line of TRAPS.md, in order."""
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        fields = [field.strip() for field in line[2:].split(" — ")]
        name, kind, direct, category = fields[0].strip("`"), fields[-3], fields[-2], fields[-1]
        rows.append((name, None if kind == "None" else kind, direct == "True", category))
    return rows


def _numbers(cell: str, pad_nine: bool) -> list[str]:
    """10-digit candidates in a cell, undoing spreadsheet damage where it can be undone."""
    match = _SCI.match(cell)
    if match:
        if len(match.group(2)) < 8:
            return []  # precision lost: nothing left to check
        try:
            return [str(int(Decimal(cell.strip().lstrip("'"))))]
        except InvalidOperation:
            return []
    text = re.sub(r"(\d)\.0\b", r"\1", cell)
    found = []
    for run in _DIGIT_RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        if pad_nine and len(digits) == 9:
            digits = "0" + digits
        if len(digits) == 10:
            found.append(digits)
    return found


def _phone_ok(cell: str) -> bool:
    match = _SCI.match(cell)
    if match:
        digits = str(int(Decimal(cell.strip())))
    else:
        text = re.sub(r"(\d)\.0$", r"\1", cell.strip())
        text = re.sub(r"\(0\)|ext \d+|\(mob\)", "", text)
        digits = re.sub(r"\D", "", text)
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits
    return len(digits) == 11 and any(digits.startswith(p) for p, _ in v.DRAMA_RANGES)


def _ni_ok(prefix: str) -> bool:
    return (
        prefix[0] not in "DFIQUV"
        and prefix[1] not in "DFIOQUV"
        and prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
    )


def _planted(kind: str, cell: str) -> bool:
    if kind == "forename":
        return any(w.strip(".,") in _FORENAME_WORDS for w in cell.split())
    if kind == "full_name":
        return any(w.strip(".,") in _SURNAME_WORDS for w in cell.split())
    return bool(_PLANTED[kind].search(cell))


def check() -> list[str]:
    """Every problem found in the corpus (empty when it is sound)."""
    problems: list[str] = []
    rows = 2000
    columns, labels = make_heldout10_columns()
    traps = read_traps()
    if [t[0] for t in traps] != list(columns):
        problems.append("column names or order differ from TRAPS.md")
    for name, kind, direct, category in traps:
        label = labels.get(name)
        if label is None:
            continue
        if (label["kind"], label["direct"], label["category"]) != (kind, direct, category):
            problems.append(f"{name}: label {label} differs from TRAPS.md")
        if set(label) != {"kind", "direct", "free_text", "category"}:
            problems.append(f"{name}: label keys are {sorted(label)}")

    again, _ = make_heldout10_columns()
    if again != columns:
        problems.append("the corpus is not deterministic")
    other, _ = make_heldout10_columns(seed=38, rows=50)
    if other["id"] == columns["id"][:50]:
        problems.append("the seed does not change the values")

    for name, cells in columns.items():
        label = labels[name]
        col_kind = label["kind"]
        filled = [c for c in cells if c is not None]
        if len(cells) != rows or any(not isinstance(c, str) for c in filled):
            problems.append(f"{name}: wrong length or a non-string value")
        if not filled:
            problems.append(f"{name}: wholly blank")
            continue
        if name in BLANK_BUT_ONE and len(filled) != 1:
            problems.append(f"{name}: should be blank but one, has {len(filled)} values")
        if label["category"] == "c" and name not in BLANK_BUT_ONE:
            blank = 1 - len(filled) / rows
            if not 0.45 <= blank <= 0.92:
                problems.append(f"{name}: blank share {blank:.2f} outside 50-90%")

        if col_kind in {"nhs_number", "chi_number"} or name in MUST_FAIL_MOD11:
            numbers = [n for c in filled for n in _numbers(c, col_kind == "chi_number")]
            if name in MUST_FAIL_MOD11:
                if any(v.mod11_valid(n) for n in numbers) or len(numbers) < len(filled) // 2:
                    problems.append(f"{name}: a number passes mod 11 or too few numbers")
            else:
                bad = [n for n in numbers if not v.mod11_valid(n)]
                if bad or not numbers:
                    problems.append(
                        f"{name}: {len(bad)} invalid check digits, {len(numbers)} found"
                    )
                if not label["free_text"] and len(numbers) < 0.7 * len(filled):
                    problems.append(f"{name}: only {len(numbers)} checkable numbers")
        if col_kind == "phone" and not label["free_text"]:
            bad_phones = sum(not _phone_ok(c) for c in filled)
            if bad_phones:
                problems.append(f"{name}: {bad_phones} phones outside the Ofcom drama ranges")
        if col_kind == "email":
            domains = [d.lower().rstrip(".") for c in filled for d in _EMAIL.findall(c)]
            if not domains or any(
                d not in {"example.com", "example.org"} and not d.endswith(".example")
                for d in domains
            ):
                problems.append(f"{name}: e-mail outside the example domains")
        if col_kind == "ni_number":
            prefixes = [m.group(1) for c in filled for m in _NI.finditer(c.upper())]
            if not prefixes or not all(_ni_ok(p) for p in prefixes):
                problems.append(f"{name}: NI prefix breaks the HMRC rules")
        if label["category"] == "a":
            share = sum(_planted(str(col_kind), c) for c in filled) / len(filled)
            if not 0.03 <= share <= 0.17:
                problems.append(f"{name}: identifiers in {share:.1%} of rows, not a minority")

    categories = Counter(str(label["category"]) for label in labels.values())
    for category in CATEGORIES:
        if not 12 <= categories[category] <= 18:
            problems.append(f"category {category} has {categories[category]} columns, not 12-18")
    if categories["s"] < 5:
        problems.append("fewer than 5 staff columns")
    none_share = sum(label["kind"] is None for label in labels.values()) / len(labels)
    direct_count = sum(bool(label["direct"]) for label in labels.values())
    if not 0.28 <= none_share <= 0.38:
        problems.append(f"kind None share {none_share:.2f}, not about a third")
    if not 70 <= direct_count <= 80:
        problems.append(f"{direct_count} direct columns, not 70-80")
    return problems


def summary() -> str:
    """Category and kind counts of the corpus."""
    _, labels = make_heldout10_columns(rows=1)
    categories = Counter(str(label["category"]) for label in labels.values())
    kinds = Counter(str(label["kind"]) for label in labels.values())
    direct = sum(bool(label["direct"]) for label in labels.values())
    lines = [f"{len(labels)} columns, {direct} direct"]
    lines.append("categories: " + ", ".join(f"{k}={categories[k]}" for k in sorted(categories)))
    lines.append("kinds: " + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())))
    return "\n".join(lines)


def main() -> int:
    """Run the check and print the counts."""
    problems = check()
    print(summary())
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); fix columns.py or TRAPS.md", file=sys.stderr)
        return 1
    print("selfcheck ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
