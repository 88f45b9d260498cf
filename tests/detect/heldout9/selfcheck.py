# ruff: noqa: RUF001  (real names and headers use look-alike letters and dashes on purpose)
"""Self-check of held-out corpus 9 (runs no detector).

`python -m tests.detect.heldout9.selfcheck` checks that the generated columns match TRAPS.md
line by line and in order, that NHS and CHI numbers carry valid mod-11 check digits and the
10-digit look-alikes of kind None do not, that phones, e-mails and NI numbers stay inside their
synthetic ranges and rules, that each minority free-text column plants its identifier in about
5-15% of rows, and that every category and the direct/None shares are as the brief asks.
Exits non-zero and lists every problem found.
"""

import datetime
import re
import sys
from collections import Counter
from pathlib import Path

from tests.detect.heldout9 import makers as mk
from tests.detect.heldout9.columns import INDIRECT_KINDS, make_heldout9_columns

TRAPS = Path(__file__).with_name("TRAPS.md")
KINDS = frozenset(
    {
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
)
CATEGORIES = "abcdefgh"
TEN_DIGITS = re.compile(r"(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
NI = re.compile(r"\b([A-Za-z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-Da-d])?\b")
EMAIL_DOMAIN = re.compile(r"@([A-Za-z0-9.-]+)")
# What each minority free-text column plants, to measure its share of rows.
PLANTED = {
    "DialysisSessionNotes": r"NHS (?:no|number)? ?\(?\d|nhs number",
    "stroke_reg_comments": r"(?:NOK tel|Wife on|Contact son:) 0",
    "MDT Outcome (free text)": r"Discussed (?:Mr|Mrs|Ms|Miss) ",
    "falls_assessment_narrative": r"@",
    "wheelchair_svc_notes": r"Deliver to ",
    "HCLIC_support_needs_text": r"NINO ",
    "DoLS_reason_text": r"MRN ",
    "registrar_remarks": r"CHI \d{10}",
    "PB_review_notes": r"car reg ",
    "covid_test_freetext_2021": r"Passport \d{9}",
    "DN_visit_log": r"UPRN \d",
    "invoice_query_text": r"licence [A-Z9]{5} ",
    "Supporting People – Exit Notes": r"declined exit survey",
}


def read_traps() -> list[tuple[str, str | None, bool, str]]:
    """Return (name, kind, direct, category) for every column line of TRAPS.md, in order."""
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        parts = line.split(" — ")
        if len(parts) != 5 or line.startswith("`"):
            continue
        name, _, kind, direct, category = (p.strip() for p in parts)
        rows.append((name, None if kind == "None" else kind, direct == "True", category))
    return rows


def _digits(value: str) -> str:
    """Undo spreadsheet damage that keeps every digit: ".0", thousands separators."""
    value = value.strip()
    if value.endswith(".0"):
        value = value[:-2]
    return value.replace(",", "")


def _nhs_candidates(value: str) -> list[str]:
    return ["".join(m.groups()) for m in TEN_DIGITS.finditer(_digits(value))]


def _chi_valid(ten: str) -> bool:
    try:
        datetime.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return mk.is_mod11_valid(ten)


def _phone_valid(value: str) -> bool:
    digits = re.sub(r"(?i)\s*(ext\.?|x)\s*\d+$", "", value)
    digits = re.sub(r"\D", "", digits.replace("(0)", "").removesuffix(".0"))
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    elif not digits.startswith("0"):
        digits = "0" + digits
    for area, prefix, width in mk.PHONE_RANGES:
        if digits.startswith(area + prefix) and len(digits) == len(area + prefix) + width:
            return True
    return False


def _ni_valid(prefix: str) -> bool:
    prefix = prefix.upper()
    return (
        prefix[0] in mk.NI_FIRST
        and prefix[1] in mk.NI_SECOND
        and prefix not in mk.NI_BANNED_PREFIXES
    )


def check_labels(labels: dict[str, dict[str, object]], problems: list[str]) -> None:
    """Compare the labels with TRAPS.md and the brief's counts."""
    traps = read_traps()
    if [t[0] for t in traps] != list(labels):
        problems.append("column names or order differ from TRAPS.md")
    for name, kind, direct, category in traps:
        label = labels.get(name)
        if label is None:
            continue
        if (label["kind"], label["direct"], label["category"]) != (kind, direct, category):
            problems.append(f"{name}: labels differ from TRAPS.md")
        if kind is not None and kind not in KINDS:
            problems.append(f"{name}: unknown kind {kind}")
        if direct != (kind is not None and kind not in INDIRECT_KINDS):
            problems.append(f"{name}: direct flag does not follow the kind")
    counts = Counter(str(label["category"]) for label in labels.values())
    for category in CATEGORIES:
        if not 12 <= counts[category] <= 18:
            problems.append(f"category {category} has {counts[category]} columns, not 12-18")
    if counts["s"] < 5:
        problems.append("fewer than 5 staff columns")
    total = len(labels)
    direct_count = sum(bool(label["direct"]) for label in labels.values())
    none_count = sum(label["kind"] is None for label in labels.values())
    if not 70 <= direct_count <= 80:
        problems.append(f"{direct_count} direct columns, not 70-80")
    if not 0.28 <= none_count / total <= 0.38:
        problems.append(f"{none_count} of {total} columns are kind None, not about a third")
    kinds = {label["kind"] for label in labels.values()}
    if not kinds >= KINDS:
        problems.append(f"kinds never used: {sorted(KINDS - kinds)}")


def check_values(
    values: dict[str, list[str | None]], labels: dict[str, dict[str, object]], problems: list[str]
) -> None:
    """Check check digits, synthetic ranges and minority shares."""
    for name, cells in values.items():
        kind = labels[name]["kind"]
        free = bool(labels[name]["free_text"])
        filled = [c for c in cells if c is not None]
        if any(not isinstance(c, str) for c in filled):
            problems.append(f"{name}: a cell is neither a string nor None")
        for cell in filled:
            for domain in EMAIL_DOMAIN.findall(cell):
                if not (domain.lower() in mk.EMAIL_DOMAINS or domain.lower().endswith(".example")):
                    problems.append(f"{name}: an e-mail domain is not an example domain")
                    break
        if kind == "nhs_number":
            for cell in filled:
                if "E+" in cell and not free:
                    continue  # scientific notation keeps six digits: nothing to check
                found = _nhs_candidates(cell)
                if not found and not free:
                    problems.append(f"{name}: a cell holds no ten-digit number")
                if any(not mk.is_mod11_valid(n) for n in found):
                    problems.append(f"{name}: an NHS number fails mod 11")
                    break
        elif kind == "chi_number":
            for cell in filled:
                found = [
                    m.zfill(10)
                    for m in re.findall(r"(?<!\d)\d{6}[ -]?\d{4}(?!\d)|(?<!\d)\d{9}(?!\d)", cell)
                ]
                found = [f.replace(" ", "").replace("-", "").zfill(10) for f in found]
                if (not found and not free) or any(not _chi_valid(f) for f in found):
                    problems.append(f"{name}: a CHI number is missing or invalid")
                    break
        elif kind is None:
            for cell in filled:
                if any(
                    mk.is_mod11_valid(n) for n in re.findall(r"(?<!\d)\d{10}(?!\d)", _digits(cell))
                ):
                    problems.append(f"{name}: a ten-digit look-alike passes mod 11")
                    break
        elif kind == "ni_number":
            for cell in filled:
                match = NI.search(cell)
                if match is None and not free:
                    problems.append(f"{name}: a cell holds no NI number")
                    break
                if match is not None and not _ni_valid(match.group(1)):
                    problems.append(f"{name}: an NI prefix breaks HMRC's rules")
                    break
        elif kind == "phone":
            for cell in filled:
                text = cell
                if free:
                    match = re.search(r"0[\d ]{9,13}\d", cell)
                    if match is None:
                        continue
                    text = match.group(0)
                if not _phone_valid(text):
                    problems.append(f"{name}: a phone number is outside the drama ranges")
                    break
        if name in PLANTED:
            pattern = re.compile(PLANTED[name])
            share = sum(bool(pattern.search(c)) for c in filled) / max(len(filled), 1)
            if not 0.04 <= share <= 0.16:
                problems.append(f"{name}: {share:.1%} of rows carry the identifier, not 5-15%")
    for name in ("Emergency Contact 1",):
        for contact in values[name]:
            if (
                contact is not None
                and re.search(r"\d", contact)
                and not _phone_valid(contact.rsplit(" - ", 1)[1])
            ):
                problems.append(f"{name}: a phone number is outside the drama ranges")
                break


def main() -> int:
    """Run every check; print the problems and return 1 if there are any."""
    values, labels = make_heldout9_columns()
    problems: list[str] = []
    check_labels(labels, problems)
    check_values(values, labels, problems)
    if set(PLANTED) != {n for n, lab in labels.items() if lab["category"] == "a"}:
        problems.append("PLANTED does not cover exactly the category-a columns")
    again, _ = make_heldout9_columns()
    if again != values:
        problems.append("the corpus is not deterministic")
    for problem in problems:
        print(problem, file=sys.stderr)
    categories = Counter(str(label["category"]) for label in labels.values())
    kinds = Counter(str(label["kind"]) for label in labels.values())
    print(f"{len(labels)} columns; categories {dict(sorted(categories.items()))}")
    print(f"kinds {dict(sorted(kinds.items()))}")
    print(f"direct {sum(bool(lab['direct']) for lab in labels.values())}; problems {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
