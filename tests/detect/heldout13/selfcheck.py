"""Self-check for heldout13: python -m tests.detect.heldout13.selfcheck (never runs a detector)."""

import pathlib
import re
import sys

from . import make_heldout13_columns, pools
from . import values as v

HERE = pathlib.Path(__file__).parent
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
    None,
}
QUASI = {"date_of_birth", "postcode"}
LINE = re.compile(
    r"^- `(?P<name>[^`]+)` — .+ — (?P<kind>\w+) — (?P<direct>yes|no) — (?P<cat>[a-hs])$"
)

NAME_TOKENS = set(pools.SURNAMES)
NAME_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in NAME_TOKENS) + r")(?!\w)")


def _digits_runs(text):
    return re.findall(r"\d[\d ]{8,12}\d", text)


def _has_valid_mod11(text):
    for run in _digits_runs(text):
        d = run.replace(" ", "")
        if len(d) == 10 and v.mod11_valid(d):
            return True
    return False


HIT = {
    "full_name": lambda t: bool(NAME_RE.search(t)),
    "surname": lambda t: bool(NAME_RE.search(t)),
    "nhs_number": _has_valid_mod11,
    "chi_number": _has_valid_mod11,
    "hospital_number": lambda t: bool(v.HOSP_RE.search(t)),
    "email": lambda t: "@" in t,
    "address": lambda t: bool(v.POSTCODE_RE.search(t)) and any(s in t for s in pools.STREETS),
    "passport_number": lambda t: bool(re.search(r"\b(\d{9}|[A-Z]{1,2}\d{7})\b", t)),
    "vehicle_registration": lambda t: bool(v.VRM_RE.search(t)),
    "uprn": lambda t: bool(re.search(r"\b(10|200)\d{8,10}\b", t)),
    "ni_number": lambda t: bool(re.search(r"\b[A-Z]{2}(\s?\d{2}){3}\s?[A-D]\b", t)),
    "phone": lambda t: bool(re.search(r"(\+44|\(?0)[\d ()\-]{9,}", t)),
    "postcode": lambda t: bool(v.POSTCODE_RE.search(t)),
    "date_of_birth": lambda t: bool(re.search(r"\b(DOB|Born|Date of birth)\b", t, re.I)),
}


def main() -> int:
    errors: list[str] = []

    def check(cond, msg):
        if not cond:
            errors.append(msg)

    rows = 2000
    cols, labels = make_heldout13_columns(seed=47, rows=rows)
    cols2, labels2 = make_heldout13_columns(seed=47, rows=rows)
    check(cols == cols2 and labels == labels2, "not deterministic")
    cols3, _ = make_heldout13_columns(seed=48, rows=rows)
    check(cols3 != cols, "seed has no effect")

    # TRAPS.md agreement
    table = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        m = LINE.match(line)
        if m:
            kind = None if m["kind"] == "None" else m["kind"]
            table.append((m["name"], kind, m["direct"] == "yes", m["cat"]))
    check([t[0] for t in table] == list(cols), "TRAPS.md names/order differ from the corpus")
    for name, kind, direct, cat in table:
        lab = labels.get(name)
        if lab is None:
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        check(lab["direct"] == direct, f"{name}: direct differs from TRAPS")
        check(lab["category"] == cat, f"{name}: category differs from TRAPS")

    for name, lab in labels.items():
        vals = cols[name]
        kind = lab["kind"]
        present = [x for x in vals if x is not None]
        check(len(vals) == rows, f"{name}: {len(vals)} rows")
        check(all(x is None or isinstance(x, str) for x in vals), f"{name}: non-text value")
        check(kind in KINDS, f"{name}: unknown kind {kind}")
        check(lab["direct"] == (kind is not None and kind not in QUASI), f"{name}: direct flag")
        check(bool(present), f"{name}: all blank")

        if lab["category"] == "a":
            check(lab["free_text"], f"{name}: category a must be free text")
            hits = sum(1 for x in present if HIT[kind](x))
            share = hits / rows
            check(0.03 <= share <= 0.15, f"{name}: identifiers in {share:.1%} of rows")
        if lab["category"] == "c":
            blank = 1 - len(present) / rows
            check(0.5 <= blank <= 0.9, f"{name}: {blank:.0%} blank")

        if kind in ("nhs_number", "chi_number"):
            for x in present:
                d = re.sub(r"\D", "", x.split(".0")[0] if x.endswith(".0") else x)
                if "E+" in x:
                    continue
                if lab["free_text"]:
                    continue
                if kind == "chi_number" and len(d) == 9:
                    d = "0" + d
                if not v.mod11_valid(d):
                    errors.append(f"{name}: invalid check digit {x!r}")
                    break
        if kind == "phone" and not lab["free_text"]:
            for x in present:
                if not v.phone_synthetic(re.sub(r"\(mob\)|Tel:|- daughter's", "", x)):
                    errors.append(f"{name}: non-drama phone {x!r}")
                    break
        if kind == "ni_number" and not lab["free_text"]:
            for x in present:
                if not v.ni_valid(x):
                    errors.append(f"{name}: bad NI {x!r}")
                    break

        # any e-mail anywhere must be synthetic
        for x in present:
            if "@" in x and not v.email_synthetic(x):
                errors.append(f"{name}: non-synthetic e-mail {x!r}")
                break
        # any drama-shaped phone in free text must be synthetic
        if kind == "phone" and lab["free_text"]:
            for x in present:
                for m in re.finditer(r"(\+44[\d ()]{10,14}|\(?0\d[\d ()\-]{9,13}\d)", x):
                    if not v.phone_synthetic(m.group(0)):
                        errors.append(f"{name}: non-drama phone {m.group(0)!r}")
                        break
        if kind == "ni_number" and lab["free_text"]:
            for x in present:
                for m in re.finditer(r"\b[A-Z]{2}(?:\s?\d{2}){3}\s?[A-D]\b", x):
                    if not v.ni_valid(m.group(0)):
                        errors.append(f"{name}: bad NI {m.group(0)!r}")

    # look-alikes that must FAIL the mod-11 check
    for name in ("fsm_order_ref", "dfg_invoice_no", "genetics_lab_batch"):
        for x in cols[name]:
            if x is None:
                continue
            d = re.sub(r"\D", "", x)
            if name == "genetics_lab_batch" and len(d) == 9:
                d = "0" + d
            if v.mod11_valid(d):
                errors.append(f"{name}: look-alike passes mod-11 {x!r}")
                break

    # counts
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    quasi = n - direct - none
    check(105 <= n <= 125, f"{n} columns")
    check(0.58 <= direct / n <= 0.67, f"direct share {direct / n:.0%}")
    check(33 <= none <= 42, f"{none} kind-None columns")

    for e in errors:
        print("FAIL", e)
    print(f"columns={n} direct={direct} quasi={quasi} none={none} errors={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
