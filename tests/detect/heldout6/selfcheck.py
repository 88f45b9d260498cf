"""Self-check of the sixth held-out corpus: `python -m tests.detect.heldout6.selfcheck`.

Checks the corpus against its own TRAPS.md and its own promises. It never runs a detector.
Exits 1 with one line per problem, or prints a summary and exits 0.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import sys
from pathlib import Path

from tests.detect.heldout6 import values as v
from tests.detect.heldout6.columns import make_heldout6_columns

TRAPS = Path(__file__).with_name("TRAPS.md")
CATEGORIES = "abcdefgh"
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
}
SCI = re.compile(r"^\d\.\d+E\+\d\d$")
TEN_DIGITS = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
EXACT_TEN = re.compile(r"(?<![\d.])\d{10}(?!\d)")
NI_IN_TEXT = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]?\b")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@([\w.-]+)")
# Phrases that introduce the identifier in each minority free-text column.
MARKERS = {
    "sw_visit_narrative": r"NHS",
    "ed_board_comment": r"NOK |Contact |mob ",
    "repairs_job_notes": r"@",
    "school_nurse_comments": r"attended\.",
    "benefit_claim_memo": r"NINO|NI no\.|Claimant NI",
    "gp_consult_freetext": r"Hosp no|clinic letter ref|MRN",
    "sci_gateway_referral_text": r"CHI",
    "asb_incident_log": r"Vehicle |Reg |car reg",
    "nrpf_support_note": r"[Pp]assport",
    "blue_badge_assessor_notes": r"[Ll]icence|DL no",
    "environmental_health_note": r"UPRN",
    "meals_delivery_instructions": r"Deliver to|NEW ADDRESS|Now at",
    "discharge_lounge_note": r"DOB|born|d\.o\.b\.",
}


def read_traps() -> list[tuple[str, str | None, bool, str]]:
    """(name, kind, direct, category) for each trap line of TRAPS.md, in order."""
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("- "):
            continue
        parts = line[2:].split(" — ")
        name, kind, direct, category = parts[0], parts[-3], parts[-2], parts[-1]
        rows.append((name, None if kind == "None" else kind, direct == "True", category.strip()))
    return rows


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value.removesuffix(".0"))


def _check_numbers(name: str, kind: str, cells: list[str], problems: list[str]) -> int:
    """Check NHS/CHI check digits; return how many values were lossy (scientific notation)."""
    lossy = 0
    for cell in cells:
        if SCI.match(cell.strip()):
            lossy += 1
            continue
        digits = _digits(cell)
        if kind == "chi_number" and len(digits) == 9:
            digits = digits.zfill(10)
        if not v.mod11_valid(digits):
            problems.append(f"{name}: a {kind} fails its check digit")
            return lossy
        if kind == "chi_number":
            try:
                dt.datetime.strptime(digits[:6], "%d%m%y")
            except ValueError:
                problems.append(f"{name}: a CHI number does not start with a date")
                return lossy
    return lossy


def _check_text_numbers(name: str, cells: list[str], problems: list[str]) -> None:
    found = 0
    for cell in cells:
        for match in TEN_DIGITS.findall(cell):
            found += 1
            if not v.mod11_valid(_digits(match)):
                problems.append(f"{name}: a number in free text fails its check digit")
                return
    if not found:
        problems.append(f"{name}: no number found in the free text")


def _phone_ok(cell: str) -> bool:
    digits = re.sub(r"\D", "", cell.replace("(0)", ""))
    if digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    elif len(digits) == 10:
        digits = "0" + digits
    return len(digits) == 11 and digits[:8] in v.DRAMA_PHONE_PREFIXES


def _ni_ok(text: str) -> bool:
    ni = text.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]?", ni):
        return False
    first, second = ni[0], ni[1]
    return (
        first not in v.NI_FIRST_BANNED
        and second not in v.NI_SECOND_BANNED
        and ni[:2] not in v.NI_PAIRS_BANNED
    )


def _domain_ok(domain: str) -> bool:
    domain = domain.lower().rstrip(".>")
    return domain in {"example.com", "example.org"} or domain.endswith(".example")


def check(seed: int = 17, rows: int = 2000) -> tuple[list[str], dict[str, int], dict[str, int]]:
    """Run every check; return (problems, category counts, kind counts)."""
    problems: list[str] = []
    data, labels = make_heldout6_columns(seed=seed, rows=rows)
    again, _ = make_heldout6_columns(seed=seed, rows=rows)
    if data != again:
        problems.append("the corpus is not deterministic for a fixed seed")
    traps = read_traps()
    if [t[0] for t in traps] != list(data):
        problems.append("column names or order differ from TRAPS.md")
    for name, kind, direct, category in traps:
        label = labels.get(name)
        if label is None:
            continue
        if (label["kind"], label["direct"], label["category"]) != (kind, direct, category):
            problems.append(f"{name}: label differs from TRAPS.md")
        if kind is not None and kind not in KINDS:
            problems.append(f"{name}: unknown kind label")
        if direct != (kind is not None and kind not in {"date_of_birth", "postcode"}):
            problems.append(f"{name}: direct flag does not follow the kind")
        if label["free_text"] != (category == "a" or name == "comments"):
            problems.append(f"{name}: free_text flag is wrong")
        if any(cell is not None and not isinstance(cell, str) for cell in data[name]):
            problems.append(f"{name}: a value is neither a string nor None")

    categories = collections.Counter(label["category"] for label in labels.values())
    kinds = collections.Counter(str(label["kind"]) for label in labels.values())
    for category in CATEGORIES:
        if not 12 <= categories[category] <= 18:
            problems.append(f"category {category} has {categories[category]} columns, not 12-18")
    if categories["s"] < 1:
        problems.append("no staff-name columns")
    missing = KINDS - set(kinds)
    if missing:
        problems.append(f"kinds never used: {sorted(missing)}")

    lossy = 0
    for name, label in labels.items():
        cells = [cell for cell in data[name] if cell is not None]
        kind = label["kind"]
        blank = 1 - len(cells) / rows
        if label["category"] == "c" and not 0.5 <= blank <= 0.92:
            problems.append(f"{name}: {blank:.0%} blank, expected 50-90%")
        if name in MARKERS:
            share = sum(bool(re.search(MARKERS[name], c)) for c in cells) / len(cells)
            if not 0.04 <= share <= 0.16:
                problems.append(f"{name}: identifier in {share:.1%} of rows, expected 5-15%")
        if kind in {"nhs_number", "chi_number"}:
            if label["free_text"]:
                _check_text_numbers(name, cells, problems)
            else:
                lossy += _check_numbers(name, kind, cells, problems)
        if kind is None:
            for cell in cells:
                if any(v.mod11_valid(m) for m in EXACT_TEN.findall(cell.removesuffix(".0"))):
                    problems.append(f"{name}: a non-identifier 10-digit number passes mod 11")
                    break
            if any("@" in cell for cell in cells):
                problems.append(f"{name}: a non-identifier column holds an e-mail address")
        structured_phone = kind == "phone" and not label["free_text"]
        if structured_phone and not all(SCI.match(c) or _phone_ok(c) for c in cells):
            problems.append(f"{name}: a phone number is outside the drama ranges")
        if kind == "ni_number":
            found = (NI_IN_TEXT.findall(cell) if label["free_text"] else [cell] for cell in cells)
            if not all(_ni_ok(ni) for group in found for ni in group):
                problems.append(f"{name}: an NI number breaks the HMRC prefix rules")
        for cell in cells:
            for domain in EMAIL_IN_TEXT.findall(cell):
                if not _domain_ok(domain):
                    problems.append(f"{name}: an e-mail domain is not a reserved example domain")
                    break
    if lossy == 0:
        problems.append("no NHS number is shown in scientific notation")
    return problems, dict(categories), dict(kinds)


def main() -> int:
    """Run the checks and print the result."""
    problems, categories, kinds = check()
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print("categories:", ", ".join(f"{k}={categories[k]}" for k in sorted(categories)))
    print("kinds:", ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())))
    direct = sum(n for k, n in kinds.items() if k not in {"None", "date_of_birth", "postcode"})
    print(f"columns={sum(kinds.values())} direct={direct} none={kinds.get('None', 0)}")
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
