"""Self-check of held-out corpus 30 against TRAPS.md.

Run from the repository root:  python -m tests.detect.heldout30.selfcheck
It never runs a detector; it only checks the corpus is what TRAPS.md says it is.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from . import make_heldout30_columns, pools
from . import values as v

HERE = Path(__file__).resolve().parent
SEED, ROWS = 83, 2000
QUASI = {"date_of_birth", "postcode"}
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
# columns whose 10-digit values are claimed to FAIL the modulus-11 check
MOD11_FAILING = {"receipt_number", "membership_card_no", "booking_ref", "nhs_ref"}

LINE = re.compile(
    r"^- `(?P<name>[^`]+)` — (?P<what>.+) — (?P<kind>\S+) — (?P<direct>yes|no) — (?P<cat>[a-hs])$"
)

ERRORS: list[str] = []


def fail(msg: str) -> None:
    ERRORS.append(msg)


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if m:
            kind = None if m["kind"] == "None" else m["kind"]
            rows.append((m["name"], kind, m["direct"] == "yes", m["cat"]))
    return rows


# detectors used only to verify the planted content ---------------------------------
def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


NAME_RE = re.compile(rf"\b(?:{_alt(pools.FORENAMES)}) (?:{_alt(pools.SURNAMES)})(?![\w'])")
FORENAME_RE = re.compile(rf"\b(?:{_alt(pools.FORENAMES)})\b")
STREET_RE = re.compile(rf"\b\d{{1,3}} (?:{_alt(pools.STREETS)})")
TITLE_SURNAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.? [A-Z]")
DOB_RE = re.compile(r"\b(?:DOB|born|d\.o\.b\.)")
REG_RE = re.compile(r"\b(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z]\d{1,3} ?[A-Z]{3})\b")
NI_RE = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
HOSP_RE = re.compile(r"\b(?:(?:RXH|RR8|RHQ|RWA|RAE)\d{7}|[KMJSDT]\d{6}|\d{8})\b")
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I)
TEN_RE = re.compile(r"(?<![\d.])(\d{3}) ?(\d{3}) ?(\d{4})(?!\d|\.\d)")
MOBILE_RE = re.compile(r"07700 ?900 ?\d{3}")
EMAIL_RE = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")


def chi_valid(ten: str) -> bool:
    if not v.mod11_valid(ten):
        return False
    try:
        dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def ni_valid(text: str) -> bool:
    n = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", n):
        return False
    a, b = n[0], n[1]
    return a in v.NI_FIRST and b in v.NI_SECOND and n[:2] not in v.NI_BAD


def free_text_hit(kind: str, text: str) -> bool:
    if kind == "nhs_number":
        return any(v.mod11_valid("".join(m.groups())) for m in TEN_RE.finditer(text))
    if kind == "chi_number":
        return any(chi_valid("".join(m.groups())) for m in TEN_RE.finditer(text))
    if kind == "phone":
        return bool(MOBILE_RE.search(text))
    if kind == "email":
        return bool(EMAIL_RE.search(text))
    if kind == "full_name":
        return bool(NAME_RE.search(text))
    if kind == "forename":
        return bool(FORENAME_RE.search(text))
    if kind == "surname":
        return bool(TITLE_SURNAME_RE.search(text))
    if kind == "address":
        return bool(STREET_RE.search(text))
    if kind == "date_of_birth":
        return bool(DOB_RE.search(text))
    if kind == "vehicle_registration":
        return bool(REG_RE.search(text))
    if kind == "ni_number":
        return any(ni_valid(m.group()) for m in NI_RE.finditer(text))
    if kind == "hospital_number":
        return bool(HOSP_RE.search(text))
    if kind == "postcode":
        return bool(POSTCODE_RE.search(text))
    raise ValueError(kind)


def digits_of(value: str) -> str:
    text = value.strip().strip("'=\"")
    text = re.sub(r"\.0+$", "", text.replace(",", ""))
    return re.sub(r"\D", "", text)


def is_sci(value: str) -> bool:
    return bool(re.fullmatch(r"\d(?:\.\d+)?E\+\d\d", value.strip()))


# checks -------------------------------------------------------------------------------
def check() -> dict:
    columns, labels = make_heldout30_columns(seed=SEED, rows=ROWS)
    again, labels2 = make_heldout30_columns(seed=SEED, rows=ROWS)
    if columns != again or labels != labels2:
        fail("not deterministic for a seed")
    other, _ = make_heldout30_columns(seed=SEED + 1, rows=ROWS)
    if other == columns:
        fail("different seeds give identical output")

    traps = parse_traps()
    names = list(columns)
    if [t[0] for t in traps] != names:
        fail("column names/order differ from TRAPS.md")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        if (lab["kind"], lab["direct"], lab["category"]) != (kind, direct, cat):
            fail(f"{name}: label {lab} differs from TRAPS.md ({kind}, {direct}, {cat})")

    for name, lab in labels.items():
        kind = lab["kind"]
        if kind is not None and kind not in KINDS:
            fail(f"{name}: unknown kind {kind}")
        want_direct = kind is not None and kind not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{name}: direct flag {lab['direct']} wrong for kind {kind}")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{name}: category a must be free text")
        col = columns[name]
        if len(col) != ROWS:
            fail(f"{name}: {len(col)} rows")
        if not all(x is None or isinstance(x, str) for x in col):
            fail(f"{name}: non-text values")
        if all(x is None for x in col):
            fail(f"{name}: empty column")

    for name, col in columns.items():
        kind = labels[name]["kind"]
        cat = labels[name]["category"]
        vals = [x for x in col if x is not None]

        # e-mails anywhere must be synthetic
        for x in vals:
            for m in EMAIL_RE.finditer(x):
                dom = m.group(1).lower()
                if dom not in {"example.com", "example.org", "example.net"} and not dom.endswith(
                    ".example"
                ):
                    fail(f"{name}: non-synthetic e-mail domain {dom}")

        if cat == "a":
            hits = sum(1 for x in col if x is not None and free_text_hit(kind, x))
            share = hits / ROWS
            if not 0.03 <= share <= 0.15:
                fail(f"{name}: free-text identifier share {share:.3f} outside 3-15%")
            if kind == "phone":
                for x in vals:
                    for m in MOBILE_RE.finditer(x):
                        if not v.is_drama_phone(m.group()):
                            fail(f"{name}: non-drama phone {m.group()}")
            if kind in {"nhs_number", "chi_number"}:
                check_fn = v.mod11_valid if kind == "nhs_number" else chi_valid
                for x in vals:
                    for m in TEN_RE.finditer(x):
                        if not check_fn("".join(m.groups())):
                            fail(f"{name}: invalid {kind} in text {m.group()}")
            if kind == "ni_number":
                for x in vals:
                    for m in NI_RE.finditer(x):
                        if not ni_valid(m.group()):
                            fail(f"{name}: invalid NI {m.group()}")
            continue

        if cat == "c":
            blank = sum(1 for x in col if x is None) / ROWS
            if not 0.5 <= blank <= 0.9:
                fail(f"{name}: blank share {blank:.2f} outside 50-90%")

        if kind == "nhs_number":
            for x in vals:
                if is_sci(x):
                    continue
                if not v.mod11_valid(digits_of(x)):
                    fail(f"{name}: invalid NHS number {x!r}")
        elif kind == "chi_number":
            for x in vals:
                if not chi_valid(digits_of(x).zfill(10)):
                    fail(f"{name}: invalid CHI number {x!r}")
        elif kind == "phone":
            for x in vals:
                if not v.is_drama_phone(digits_of(x) if x.endswith(".0") else x):
                    fail(f"{name}: non-drama phone {x!r}")
        elif kind == "ni_number":
            for x in vals:
                if not ni_valid(x):
                    fail(f"{name}: invalid NI number {x!r}")
        elif kind == "email":
            for x in vals:
                if not EMAIL_RE.search(x):
                    fail(f"{name}: not an e-mail {x!r}")
        elif kind == "postcode":
            for x in vals:
                if not POSTCODE_RE.fullmatch(re.sub(r"\s+", " ", x.strip())):
                    fail(f"{name}: bad postcode {x!r}")

        if name in MOD11_FAILING:
            for x in vals:
                d = digits_of(x).zfill(10)
                if len(d) != 10 or v.mod11_valid(d):
                    fail(f"{name}: look-alike passes modulus 11: {x!r}")
        if name == "product_barcode":
            for x in vals:
                total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(x[:12]))
                if (10 - total % 10) % 10 != int(x[12]):
                    fail(f"{name}: bad EAN {x}")
        if name == "postcode":  # plot codes must NOT be valid postcodes
            for x in vals:
                if POSTCODE_RE.fullmatch(x):
                    fail(f"{name}: plot code is a valid postcode shape {x}")

    # no NHS-valid 10-digit value in any kind-None column
    for name, col in columns.items():
        if labels[name]["kind"] is None:
            for x in col:
                if x is not None and re.fullmatch(r"\d{10}", x) and v.mod11_valid(x):
                    fail(f"{name}: kind None column holds an NHS-valid number {x}")

    cats = Counter(lab["category"] for lab in labels.values())
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    if not 110 <= len(labels) <= 125:
        fail(f"{len(labels)} columns, expected about 115")
    if not 0.58 <= direct / len(labels) <= 0.67:
        fail(f"direct share {direct / len(labels):.2f}")
    return {
        "columns": len(labels),
        "direct": direct,
        "quasi": quasi,
        "none": none,
        "categories": dict(sorted(cats.items())),
        "kinds": dict(sorted(kinds.items())),
    }


def main() -> int:
    summary = check()
    print(summary)
    if ERRORS:
        for e in ERRORS[:50]:
            print("FAIL:", e)
        print(f"{len(ERRORS)} problem(s)")
        return 1
    print("heldout30 selfcheck: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
