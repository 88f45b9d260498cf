"""Self-check for held-out 26 (never runs a detector).

Run from the worktree root:  python -m tests.detect.heldout26.selfcheck
"""

import datetime as _dt
import re
import sys
from pathlib import Path

from . import make_heldout26_columns, pools, values
from .columns import COLUMNS

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
QUASI = {"date_of_birth", "postcode"}
SEED, ROWS = 76, 2000

LINE = re.compile(
    r"^- `(?P<name>[^`]+)` — (?P<what>.+) — (?P<kind>\S+)"
    r" — (?P<direct>direct|quasi|no) — (?P<cat>[a-hs])$"
)
NHS_RE = re.compile(r"(?<![\d.])\d{3}[\s\-\u00a0\u2009]?\d{3}[\s\-\u00a0\u2009]?\d{4}(?!\d)")
PHONE_RE = re.compile(r"(?<![\w])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[1-9][\d\s\-.()]{8,14}\d")
EMAIL_RE = re.compile(r"[\w.+\-']+@[\w.\-]+")
NI_RE = re.compile(r"\b[A-Z]{2}[\s\-.]?\d{2}[\s\-.]?\d{2}[\s\-.]?\d{2}[\s\-.]?[A-D]\b", re.I)
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)
DOB_RE = re.compile(r"\b(?:dob|d\.o\.b\.?|born|date of birth)\b", re.I)
HOSP_RE = re.compile(r"\b(?:RXH|RJ1|RM|RBA|MRN|HN|[A-HJKMTW])\d{6,7}\b|\b\d{8}\b", re.I)
PASSPORT_RE = re.compile(r"\b(?:[A-Z]{1,3}\d{6,8}|\d{9})\b", re.I)
VRM_RE = re.compile(
    r"\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b", re.I
)


def _words(names):
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w])", re.I)


FORENAME_RE = _words(pools.FORENAMES)
SURNAME_RE = _words(pools.SURNAMES + pools.HYPHEN_SURNAMES)
_FORE = "|".join(re.escape(f) for f in pools.FORENAMES)
_SUR = "|".join(re.escape(s) for s in pools.SURNAMES)
FULL_PAIR_RE = re.compile(rf"(?<![\w])(?:{_FORE})\s+(?:{_SUR})(?![\w])", re.I)

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def blank(v: str | None) -> bool:
    return v is None or v.strip() == ""


def empty_like(v: str | None) -> bool:
    return blank(v) or v.strip() in {"N/A", "-", "n/k", "NULL"}


def phone_ok_everywhere(text: str) -> bool:
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if digits.startswith("44"):
            digits = "0" + digits[2:]
        if len(digits) == 11 and not values.phone_is_drama(m.group()):
            return False
    return True


def has_kind(kind: str, text: str) -> bool:
    if kind == "full_name":
        return bool(SURNAME_RE.search(text))
    if kind == "forename":
        return bool(FORENAME_RE.search(text))
    if kind == "surname":
        return bool(SURNAME_RE.search(text))
    if kind == "nhs_number":
        return any(values.mod11_valid(re.sub(r"\D", "", m.group())) for m in NHS_RE.finditer(text))
    if kind == "phone":
        return any(len(re.sub(r"\D", "", m.group())) >= 10 for m in PHONE_RE.finditer(text))
    if kind == "email":
        return bool(EMAIL_RE.search(text))
    if kind == "ni_number":
        return any(values.ni_valid(m.group()) for m in NI_RE.finditer(text))
    if kind == "address":
        return bool(POSTCODE_RE.search(text))
    if kind == "date_of_birth":
        return bool(DOB_RE.search(text))
    if kind == "hospital_number":
        return bool(HOSP_RE.search(text))
    if kind == "passport_number":
        return bool(PASSPORT_RE.search(text))
    if kind == "vehicle_registration":
        return bool(VRM_RE.search(text))
    raise ValueError(kind)


def check_traps(labels) -> None:
    text = (Path(__file__).parent / "TRAPS.md").read_text(encoding="utf-8")
    rows = [m.groupdict() for m in map(LINE.match, text.splitlines()) if m]
    names = [r["name"] for r in rows]
    if names != list(labels):
        fail(f"TRAPS.md names/order differ from the corpus ({len(names)} vs {len(labels)})")
    current = None
    for line in text.splitlines():
        h = re.match(r"^## ([a-hs]) — ", line)
        if h:
            current = h.group(1)
        m = LINE.match(line)
        if m and m.group("cat") != current:
            fail(f"{m.group('name')}: listed under section {current} but tagged {m.group('cat')}")
    for r in rows:
        lab = labels.get(r["name"])
        if lab is None:
            continue
        kind = None if r["kind"] == "None" else r["kind"]
        if kind != lab["kind"]:
            fail(f"{r['name']}: TRAPS kind {kind} != label {lab['kind']}")
        if (r["direct"] == "direct") != lab["direct"]:
            fail(f"{r['name']}: TRAPS direct flag differs")
        if (r["direct"] == "quasi") != (kind in QUASI):
            fail(f"{r['name']}: quasi flag does not match kind")
        if r["cat"] != lab["category"]:
            fail(f"{r['name']}: TRAPS category {r['cat']} != {lab['category']}")


def check_labels(columns, labels) -> None:
    for name, lab in labels.items():
        kind = lab["kind"]
        if kind is not None and kind not in KINDS:
            fail(f"{name}: unknown kind {kind}")
        if lab["direct"] != (kind is not None and kind not in QUASI):
            fail(f"{name}: direct flag inconsistent with kind")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{name}: category a must be free text")
        col = columns[name]
        if len(col) != ROWS:
            fail(f"{name}: {len(col)} rows")
        if any(v is not None and not isinstance(v, str) for v in col):
            fail(f"{name}: non-text value")
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 110 <= n <= 120:
        fail(f"{n} columns")
    if not 0.60 <= direct / n <= 0.66:
        fail(f"direct share {direct / n:.2f}")
    if not 35 <= none <= 40:
        fail(f"{none} kind-None columns")


def _digits_of_float(v: str) -> str | None:
    s = v.strip()
    if "E+" in s.upper():
        return None
    if s.endswith(".0"):
        s = s[:-2]
    return re.sub(r"\D", "", s)


def check_numbers(columns, labels) -> None:
    lookalikes_ten = {"Invoice No.", "Timesheet batch", "Serial no (scanner)", "nhs_ref"}
    for name, lab in labels.items():
        col = columns[name]
        kind = lab["kind"]
        if kind == "nhs_number" and not lab["free_text"]:
            for v in col:
                if empty_like(v):
                    continue
                d = _digits_of_float(v)
                if d is not None and not values.mod11_valid(d):
                    fail(f"{name}: invalid NHS number {v!r}")
                    break
        if kind == "chi_number":
            for v in col:
                if empty_like(v):
                    continue
                d = (_digits_of_float(v) or "").zfill(10)
                try:
                    _dt.datetime.strptime(d[:6], "%d%m%y")
                except ValueError:
                    fail(f"{name}: CHI date part invalid {v!r}")
                    break
                if not values.mod11_valid(d):
                    fail(f"{name}: invalid CHI {v!r}")
                    break
        if name in lookalikes_ten:
            for v in col:
                if empty_like(v):
                    continue
                d = _digits_of_float(v) or ""
                if len(d) == 10 and values.mod11_valid(d):
                    fail(f"{name}: look-alike passes mod-11 {v!r}")
                    break
        if kind == "ni_number" and not lab["free_text"]:
            bad = [v for v in col if not empty_like(v) and not values.ni_valid(v)]
            if bad:
                fail(f"{name}: invalid NI {bad[0]!r}")
        if name == "Claim ref":
            bad = [v for v in col if not empty_like(v) and values.ni_valid(v)]
            if bad:
                fail(f"{name}: look-alike is a valid NI {bad[0]!r}")
        if kind == "phone" and not lab["free_text"]:
            bad = [v for v in col if not empty_like(v) and not values.phone_is_drama(v)]
            if bad:
                fail(f"{name}: non-drama phone {bad[0]!r}")


def check_synthetic_everywhere(columns) -> None:
    for name, col in columns.items():
        for v in col:
            if blank(v):
                continue
            for m in EMAIL_RE.finditer(v):
                if not values.email_is_synthetic(m.group()):
                    fail(f"{name}: non-synthetic e-mail {m.group()!r}")
                    break
            if not phone_ok_everywhere(v):
                fail(f"{name}: non-drama phone-like text {v!r}")
                break


def check_free_text(columns, labels) -> None:
    for name, lab in labels.items():
        col = columns[name]
        if lab["category"] == "a":
            hits = sum(1 for v in col if not blank(v) and has_kind(lab["kind"], v))
            filled = sum(1 for v in col if not blank(v))
            if not (0.03 <= hits / ROWS <= 0.15 and 0.03 <= hits / filled <= 0.15):
                rates = f"{hits / ROWS:.3f} of rows, {hits / filled:.3f} of filled"
                fail(f"{name}: identifier rate {rates}")
        elif lab["free_text"] and lab["kind"] is None:
            for v in col:
                if blank(v):
                    continue
                found = [
                    k
                    for k, ok in [
                        ("email", EMAIL_RE.search(v)),
                        ("nhs", has_kind("nhs_number", v)),
                        ("phone", has_kind("phone", v)),
                        ("postcode", POSTCODE_RE.search(v)),
                        ("name", FULL_PAIR_RE.search(v)),
                    ]
                    if ok
                ]
                if found:
                    fail(f"{name}: identifier ({found}) in a no-identifier note {v!r}")
                    break


def check_blanks(columns, labels) -> None:
    for name, lab in labels.items():
        if lab["category"] == "c":
            share = sum(blank(v) for v in columns[name]) / ROWS
            if not 0.50 <= share <= 0.90:
                fail(f"{name}: {share:.2f} blank")


def main() -> int:
    columns, labels = make_heldout26_columns(seed=SEED, rows=ROWS)
    again, labels2 = make_heldout26_columns(seed=SEED, rows=ROWS)
    if columns != again or labels != labels2:
        fail("not deterministic")
    other, _ = make_heldout26_columns(seed=SEED + 1, rows=ROWS)
    if other == columns:
        fail("seed has no effect")
    if [c[0] for c in COLUMNS] != list(columns):
        fail("columns.py order differs from output")
    check_traps(labels)
    check_labels(columns, labels)
    check_numbers(columns, labels)
    check_synthetic_everywhere(columns)
    check_free_text(columns, labels)
    check_blanks(columns, labels)
    if failures:
        print(f"FAIL ({len(failures)})")
        for f in failures:
            print(" -", f)
        return 1
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    print(f"OK: {n} columns x {ROWS} rows, {direct} direct, all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
