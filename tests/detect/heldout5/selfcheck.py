"""Self-check of the fifth held-out corpus: ``python -m tests.detect.heldout5.selfcheck``.

Checks the corpus against TRAPS.md (same columns, order, kinds, directness, categories), that the
values have the shapes their labels promise, that NHS and CHI check digits are valid where the
label says identifier and invalid where a look-alike must fail, that identifier-bearing rows are a
minority of every category-a column, and that every category is covered. It runs no detector.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from tests.detect.heldout5 import columns as corpus
from tests.detect.heldout5 import makers, pools
from tests.detect.heldout5 import values as v

TRAPS = Path(__file__).with_name("TRAPS.md")
KINDS = {
    "full_name",
    "forename",
    "surname",
    "nhs_number",
    "chi_number",
    "ni_number",
    "date_of_birth",
    "postcode",
    "address",
    "phone",
    "email",
    "hospital_number",
    "passport_number",
    "driving_licence",
    "vehicle_registration",
    "uprn",
    "None",
}
CATEGORIES = set("abcdefgh")
NAME_KINDS = {"full_name", "forename", "surname"}
MUST_FAIL_MOD11 = {"ten_digit_ref_fail11", "case_ref_numeric", "invoice_no"}
NHS_RE = re.compile(r"(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
CHI_RE = re.compile(r"(?<!\d)(\d{6})[ -]?(\d{4})(?!\d)")
DRAMA_TAILS = tuple(prefix[1:] for prefix, _ in v.PHONE_RANGES)
SHAPES = {
    "ni_number": re.compile(r"\b[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b", re.I),
    "email": re.compile(
        r"[\w.+-]+@(?:[\w-]+\.)*(?:example\.com|example\.org|[\w-]+\.example)\b", re.I
    ),
    "postcode": re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s*\d[A-Z]{2}\b", re.I),
    "date_of_birth": re.compile(
        r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\b\d{8}\b"
        r"|\d{1,2}[ -][A-Z][a-z]{2,8}[ -]\d{4}|[A-Z][a-z]+ \d{2}, \d{4}"
    ),
    "hospital_number": re.compile(r"\b[A-Z][A-Z0-9]{0,2}[ -]?\d{6,7}\b", re.I),
    "passport_number": re.compile(r"(?<!\d)\d{3} ?\d{3} ?\d{3}(?!\d)"),
    "vehicle_registration": re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b", re.I),
    "uprn": re.compile(r"(?<!\d)\d{8,12}(?!\d)"),
}
LICENCE_RE = re.compile(r"[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}", re.I)
ALL_NAMES = tuple(
    name.casefold()
    for pool in (
        pools.FORENAMES,
        pools.SURNAMES,
        pools.DIACRITIC_FORENAMES,
        pools.APOSTROPHE_SURNAMES,
        pools.PARTICLE_SURNAMES,
        pools.WORD_FORENAMES,
        pools.WORD_SURNAMES,
        pools.FAMILY_FIRST_NAMES,
        pools.SOMALI_FORENAMES,
        pools.MONONYMS,
        makers.NICKNAMES,
    )
    for name in pool
)


def read_traps() -> list[tuple[str, str, str, str]]:
    """Return ``(name, kind, direct, category)`` for every column line of TRAPS.md."""
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "`")) or " — " not in line:
            continue
        parts = line.split(" — ")
        if len(parts) != 5:
            raise SystemExit(f"TRAPS.md line has {len(parts)} fields, expected 5: {line[:40]}")
        name, _what, kind, direct, category = (part.strip() for part in parts)
        rows.append((name, kind, direct, category))
    return rows


def filler_pattern() -> re.Pattern[str]:
    """Return a regex matching any filler sentence of the free-text columns."""
    fields = {
        "place": pools.PLACES,
        "day": pools.WEEKDAYS,
        "drug": pools.DRUGS,
        "role": pools.STAFF_ROLES,
        "service": pools.SERVICES,
    }
    alternatives = []
    for template in makers.FILLERS:
        pattern = re.escape(template)
        for field, pool in fields.items():
            choice = "(?:" + "|".join(re.escape(item) for item in pool) + ")"
            pattern = pattern.replace(re.escape("{" + field + "}"), choice)
        alternatives.append(pattern.replace(re.escape("{n}"), r"\d"))
    return re.compile("(?:" + "|".join(alternatives) + ")")


def ten_digit_candidates(text: str, chi: bool = False) -> list[str]:
    """Return the recoverable 10-digit numbers in a cell (undoing spreadsheet damage)."""
    cell = text.strip()
    full = re.fullmatch(r"(\d)\.(\d{9})E\+09", cell)
    if full:
        return [full[1] + full[2]]
    floated = re.fullmatch(r"(\d{9,10})\.0", cell)
    if floated:
        cell = floated[1]
    if chi and re.fullmatch(r"\d{9}", cell):
        return ["0" + cell]
    pattern = CHI_RE if chi else NHS_RE
    return ["".join(groups) for groups in pattern.findall(cell)]


def has_shape(kind: str, text: str) -> bool:
    """Return whether a cell carries a value of the kind (names: from the pools)."""
    if kind in NAME_KINDS:
        folded = text.casefold()
        return any(name in folded for name in ALL_NAMES)
    if kind in {"nhs_number", "chi_number"}:
        return bool(ten_digit_candidates(text, chi=kind == "chi_number"))
    if kind == "phone":
        numbers = re.sub(r"\D", "", text)
        return any(tail in numbers for tail in DRAMA_TAILS)
    if kind == "address":
        folded = text.casefold()
        return any(street.casefold() in folded for street in pools.STREETS)
    if kind == "driving_licence":
        return bool(LICENCE_RE.search(text.replace(" ", "")))
    return bool(SHAPES[kind].search(text))


def check(rows: int = 2000) -> list[str]:
    """Return every problem found in the corpus (empty when it is sound)."""
    problems: list[str] = []
    columns, labels = corpus.make_heldout5_columns(seed=13, rows=rows)
    traps = read_traps()
    if [t[0] for t in traps] != list(columns):
        problems.append("column names or order differ from TRAPS.md")
    for name, kind, direct, category in traps:
        label = labels.get(name)
        if label is None:
            continue
        if set(label) != {"kind", "direct", "free_text", "category"}:
            problems.append(f"{name}: label keys {sorted(label)}")
        if kind not in KINDS or (label["kind"] or "None") != kind:
            problems.append(f"{name}: kind {label['kind']} != TRAPS {kind}")
        if str(label["direct"]) != direct or label["direct"] != (kind not in corpus.NOT_DIRECT):
            problems.append(f"{name}: direct {label['direct']} != TRAPS {direct}")
        if label["category"] != category or category not in CATEGORIES | {"s"}:
            problems.append(f"{name}: category {label['category']} != TRAPS {category}")
    again, _ = corpus.make_heldout5_columns(seed=13, rows=rows)
    if again != columns:
        problems.append("not deterministic for a fixed seed")
    if (
        corpus.make_heldout5_columns(seed=14, rows=50)[0]
        == corpus.make_heldout5_columns(seed=13, rows=50)[0]
    ):
        problems.append("seed has no effect")
    filler = filler_pattern()
    for name, cells in columns.items():
        label = labels[name]
        kind = label["kind"] or "None"
        problems += check_column(name, kind, label["category"], cells, rows, filler)
    categories = Counter(label["category"] for label in labels.values())
    for category in sorted(CATEGORIES):
        if not 12 <= categories[category] <= 18:
            problems.append(f"category {category} has {categories[category]} columns, not 12-18")
    if categories["s"] < 1:
        problems.append("no staff-name columns")
    kinds = Counter(label["kind"] or "None" for label in labels.values())
    missing = KINDS - set(kinds)
    if missing:
        problems.append(f"kinds never used: {sorted(missing)}")
    direct = sum(label["direct"] for label in labels.values())
    if not 70 <= direct <= 80:
        problems.append(f"{direct} direct-identifier columns, expected 70-80")
    if not 0.28 <= kinds["None"] / len(labels) <= 0.40:
        problems.append(
            f"{kinds['None']} of {len(labels)} columns are kind None, not about a third"
        )
    return problems


def check_column(
    name: str,
    kind: str,
    category: str,
    cells: list[str | None],
    rows: int,
    filler: re.Pattern[str],
) -> list[str]:
    """Return the problems of one column."""
    problems: list[str] = []
    if len(cells) != rows or any(c is not None and not isinstance(c, str) for c in cells):
        return [f"{name}: not {rows} string-or-None cells"]
    present = [c for c in cells if c is not None]
    if category == "a":
        bearing = [c for c in present if not filler.fullmatch(c)]
        share = len(bearing) / rows
        if not 0.04 <= share <= 0.16:
            problems.append(f"{name}: identifier rows are {share:.1%}, not a 5-15% minority")
        present = bearing
    if kind in {"nhs_number", "chi_number"}:
        found = [n for c in present for n in ten_digit_candidates(c, chi=kind == "chi_number")]
        bad = [n for n in found if not v.mod11_valid(n)]
        if kind == "chi_number":
            bad += [n for n in found if not v.chi_date_valid(n)]
        if not found or bad:
            problems.append(f"{name}: {len(found)} numbers recovered, {len(bad)} invalid")
    if name in MUST_FAIL_MOD11:
        found = [n for c in present for n in ten_digit_candidates(c)]
        if not found or any(v.mod11_valid(n) for n in found):
            problems.append(f"{name}: a look-alike passes mod 11 (or none recovered)")
    if kind != "None" and category != "b":
        shaped = sum(has_shape(kind, c) for c in present)
        if not present or shaped < len(present):
            problems.append(f"{name}: {len(present) - shaped} cells lack a {kind}")
    return problems


def main() -> int:
    """Run the self-check and print a summary; exit 1 when any problem is found."""
    problems = check()
    _, labels = corpus.make_heldout5_columns(rows=1)
    categories = Counter(label["category"] for label in labels.values())
    kinds = Counter(label["kind"] or "None" for label in labels.values())
    direct = sum(label["direct"] for label in labels.values())
    print(f"{len(labels)} columns, {direct} direct identifiers")
    print("categories: " + ", ".join(f"{k}={n}" for k, n in sorted(categories.items())))
    print("kinds: " + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())))
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
