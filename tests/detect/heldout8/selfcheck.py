"""Self-check of the eighth held-out corpus: ``python -m tests.detect.heldout8.selfcheck``.

Checks that the generated columns match TRAPS.md in order and labels, that check digits are valid
or invalid as labelled, that synthetic-value rules hold (drama phone ranges, example e-mail
domains, HMRC NI prefixes), that identifiers in category a sit in a minority of rows, and that every
category is covered. It runs no detector. Exits 1 with a list of problems, 0 when all is well.
"""

from __future__ import annotations

import collections
import datetime
import re
import sys
from pathlib import Path

from tests.detect.heldout8 import values
from tests.detect.heldout8.columns import make_heldout8_columns

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
}
CATEGORIES = "abcdefgh"
TEN = re.compile(r"(?<![\d.])(\d{3}[ \-.]?\d{3}[ \-.]?\d{4})(?!\d|\.\d)")
NI = re.compile(r"\b([A-Za-z]{2})[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}(?:[ -]?[A-Da-d])?\b")
# Marker of an identifier-bearing row for each category a column.
A_MARKERS = {
    "111_call_narrative": r"(07700|01632|0113 496|020 7946|0191 498|029 2018) ?\d",
    "InterpreterBookingNotes": r"@",
    "coroner_referral_circumstances": TEN.pattern,
    "EQUIP_LOAN_DELIVERY_NOTES": r"\b[A-Z]{2}\d{1,2} \d[A-Z]{2}\b",
    "dom care visit log": r"refused lunch today|seemed confused|Spoke with",
    "immunisation_comments": r"\d{10}",
    "ctr_support_notes": NI.pattern,
    "BlueBadgeAssessorNotes": r"Vehicle |Car reg |Badge used in",
    "audiology_referral_text": r"Hosp no|MRN|Old notes under",
    "optom_gos_claim_remarks": r"licence",
    "sh_clinic_triage_free": r"called|Goes by|the name",
    "LLPG_match_comment": r"\b\d{12}\b",
}


def read_traps() -> list[list[str]]:
    """The column lines of TRAPS.md as [name, holds, kind, direct, category]."""
    text = TRAPS.read_text(encoding="utf-8").split("## Columns", 1)[1]
    rows = [line.split(" — ") for line in text.splitlines() if line.count(" — ") == 4]
    return [[part.strip() for part in row] for row in rows]


def recover_digits(value: str) -> str | None:
    """Undo spreadsheet damage and formatting; None when the digits cannot be recovered."""
    text = value.strip()
    for prefix in ("NHS:",):
        text = text.removeprefix(prefix).strip()
    if re.fullmatch(r"\d\.\d+E\+\d\d", text):
        mantissa = text.split("E")[0]
        if len(mantissa) < 6:
            return None  # cut to a few figures: the digits are lost
        text = str(round(float(text)))
    text = text.removesuffix(".0").replace(",", "")
    digits = re.sub(r"[ \-.]", "", text)
    return digits if digits.isdigit() else None


def check_ten(name: str, kind: str | None, cells: list[str | None], problems: list[str]) -> int:
    """Check mod-11 validity of the 10-digit values in a column; returns how many were checked."""
    checked = 0
    for cell in cells:
        if cell is None:
            continue
        found = [m.group(1) for m in TEN.finditer(cell)] if kind and len(cell) > 20 else [cell]
        for raw in found:
            digits = recover_digits(raw)
            if digits is None:
                continue
            if kind == "chi_number" and len(digits) == 9:
                digits = "0" + digits  # leading zero lost in a spreadsheet
            if len(digits) != 10:
                continue
            checked += 1
            valid = values.mod11_valid(digits)
            if kind in ("nhs_number", "chi_number") and not valid:
                problems.append(f"{name}: an identifier fails mod 11")
                return checked
            if kind is None and valid:
                problems.append(f"{name}: a look-alike passes mod 11")
                return checked
            if kind == "chi_number":
                try:
                    datetime.datetime.strptime(digits[:6], "%d%m%y")
                except ValueError:
                    problems.append(f"{name}: a CHI number does not start with a date")
                    return checked
            if name == "H&C Number" and not 3_200_000_000 <= int(digits) <= 3_999_999_999:
                problems.append(f"{name}: an H&C number is outside 320-399 million")
                return checked
    return checked


def phone_ok(digits: str) -> bool:
    """True when national digits (leading 0) fall in an Ofcom drama range."""
    ranges = (
        ("07700", 900000, 900999),
        ("01632", 960000, 960999),
        ("01134960", 0, 999),
        ("02079460", 0, 999),
        ("01914980", 0, 999),
        ("02920180", 0, 999),
    )
    for prefix, low, high in ranges:
        if digits.startswith(prefix) and len(digits) == 11:
            return low <= int(digits[len(prefix) :]) <= high
    return False


def check_rules(name: str, kind: str | None, cells: list[str | None], problems: list[str]) -> None:
    """Check the synthetic-value rules for phones, e-mails and NI numbers."""
    present = [c for c in cells if c is not None]
    if kind == "phone" and name != "111_call_narrative":
        for cell in present:
            digits = re.sub(r"\D", "", cell.removesuffix(".0").replace("(0)", ""))
            digits = "0" + digits[4:] if digits.startswith("0044") else digits
            digits = "0" + digits[2:] if digits.startswith("44") else digits
            digits = digits if digits.startswith("0") else "0" + digits
            if not phone_ok(digits):
                problems.append(f"{name}: a phone number outside the drama ranges")
                return
    if kind == "email" or name == "InterpreterBookingNotes":
        for cell in present:
            for domain in re.findall(r"@([\w.]+\w)", cell.lower()):
                if not (domain in ("example.com", "example.org") or domain.endswith(".example")):
                    problems.append(f"{name}: an e-mail domain that is not reserved for examples")
                    return
    if kind == "ni_number":
        for cell in present:
            for prefix in (m.group(1).upper() for m in NI.finditer(cell)):
                if prefix[0] in "DFIQUV" or prefix[1] in "DFIOQUV" or prefix in values.NI_BANNED:
                    problems.append(f"{name}: an NI prefix HMRC does not issue")
                    return


def main() -> int:
    """Run every check and print a summary; 0 when the corpus is sound."""
    data, labels = make_heldout8_columns()
    problems: list[str] = []
    traps = read_traps()
    if [row[0] for row in traps] != list(data):
        problems.append("column names or order differ from TRAPS.md")
    for name, _holds, kind, direct, category in traps:
        label = labels.get(name)
        if label is None:
            continue
        want_kind = None if kind == "None" else kind
        if want_kind is not None and want_kind not in KINDS:
            problems.append(f"{name}: TRAPS.md kind {kind!r} is not a known kind")
        if (
            label["kind"] != want_kind
            or str(label["direct"]) != direct
            or label["category"] != category
        ):
            problems.append(f"{name}: labels differ from TRAPS.md")
        if label["free_text"] != (category == "a" or name == "notes"):
            problems.append(f"{name}: free_text flag is wrong")
        if len(data[name]) != 2000:
            problems.append(f"{name}: has {len(data[name])} rows, not 2000")
    checked: collections.Counter[str] = collections.Counter()
    for name, cells in data.items():
        kind = labels[name]["kind"]
        if kind in ("nhs_number", "chi_number") or name in (
            "claim_ref_10d",
            "nhs_ref_no",
            "HearingAidSerial",
        ):
            checked[name] = check_ten(name, kind, cells, problems)
            if checked[name] == 0:
                problems.append(f"{name}: no 10-digit value could be checked")
        check_rules(name, kind, cells, problems)
    for name, marker in A_MARKERS.items():
        present = [c for c in data[name] if c is not None]
        share = sum(bool(re.search(marker, c)) for c in present) / len(present)
        if not 0.04 <= share <= 0.16:
            problems.append(f"{name}: identifier in {share:.1%} of rows, not a minority of 5-15%")
    categories = collections.Counter(label["category"] for label in labels.values())
    for category in CATEGORIES:
        if not 12 <= categories[category] <= 18:
            problems.append(f"category {category} has {categories[category]} columns, not 12-18")
    kinds = collections.Counter(str(label["kind"]) for label in labels.values())
    direct = sum(label["direct"] for label in labels.values())
    for kind in KINDS:
        if kinds[kind] == 0:
            problems.append(f"kind {kind} has no column")
    print(f"columns: {len(labels)}, direct: {direct}, kind None: {kinds['None']}")
    print("categories: " + ", ".join(f"{c}={n}" for c, n in sorted(categories.items())))
    print("kinds: " + ", ".join(f"{k}={n}" for k, n in sorted(kinds.items())))
    print(f"check-digit columns checked: {len(checked)}, values checked: {sum(checked.values())}")
    if problems:
        print("\n".join(f"PROBLEM: {p}" for p in problems), file=sys.stderr)
        return 1
    print("selfcheck: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
