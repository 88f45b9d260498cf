"""Self-check for heldout12 (never runs a detector).

Run from the worktree root:  python -m tests.detect.heldout12.selfcheck
"""

import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from . import make_heldout12_columns
from . import values as v
from .cat_a import FINDERS

HERE = Path(__file__).parent
SEED, ROWS = 43, 2000
FAIL_MOD11 = {"order_no", "nhs_ref", "invoice_no", "case_ref_num", "dispense_batch_no", "snomed_ct"}
BAD_NI = {"course_code"}

problems: list[str] = []


def check(ok: bool, msg: str) -> None:
    if not ok:
        problems.append(msg)


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    rows = []
    section = None
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            m = re.match(r"## ([a-hs]) —", line)
            section = m.group(1) if m else None
            continue
        if section and line.startswith("- "):
            parts = line[2:].split(" — ")
            name, kind, direct, cat = parts[0], parts[-3], parts[-2], parts[-1].split()[0]
            check(cat == section, f"TRAPS: {name} listed under {section} but says {cat}")
            rows.append((name, None if kind == "None" else kind, direct == "direct", cat))
    return rows


def full_digits(x: str) -> str | None:
    """Digits of a numeric cell: undo '.0', apostrophes, separators, full-precision E notation."""
    s = x.strip().lstrip("'")
    m = re.fullmatch(r"(\d)\.(\d+)E\+(\d\d)", s)
    if m:
        if len(m.group(2)) != int(m.group(3)):
            return None  # truncated mantissa: digits lost, cannot check
        return str(int(Decimal(s)))
    if s.endswith(".0"):
        s = s[:-2]
    return re.sub(r"\D", "", s)


def main() -> int:
    cols, labels = make_heldout12_columns(seed=SEED, rows=ROWS)
    cols2, labels2 = make_heldout12_columns(seed=SEED, rows=ROWS)
    check(cols == cols2 and labels == labels2, "not deterministic")
    other, _ = make_heldout12_columns(seed=SEED + 1, rows=50)
    check(other["ref"] != cols["ref"][:50], "seed has no effect")

    # TRAPS.md agreement
    traps = parse_traps()
    check([t[0] for t in traps] == list(cols), "column names/order differ from TRAPS.md")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        check(lab["direct"] == direct, f"{name}: direct {lab['direct']} != TRAPS {direct}")
        check(lab["category"] == cat, f"{name}: category {lab['category']} != TRAPS {cat}")
        check(
            lab["direct"] == (kind not in (None, "date_of_birth", "postcode")),
            f"{name}: direct rule",
        )

    for name, vals in cols.items():
        check(len(vals) == ROWS, f"{name}: {len(vals)} rows")
        check(
            all(x is None or (isinstance(x, str) and x != "") for x in vals),
            f"{name}: bad cell type",
        )

    # check digits
    for name, lab in labels.items():
        if lab["free_text"]:
            continue
        cells = [x for x in cols[name] if x is not None]
        if lab["kind"] in ("nhs_number", "chi_number"):
            bad = 0
            for x in cells:
                d = full_digits(x)
                if d is None:
                    continue
                if lab["kind"] == "chi_number":
                    d = d.zfill(10)
                bad += not v.mod11_ok(d)
            check(bad == 0, f"{name}: {bad} values fail modulus 11")
        if name in FAIL_MOD11:
            passing = 0
            for x in cells:
                d = full_digits(x)
                if d is None or (name == "snomed_ct" and len(d) != 10):
                    continue
                if name == "dispense_batch_no":
                    d = d.zfill(10)
                passing += v.mod11_ok(d)
            check(passing == 0, f"{name}: {passing} look-alikes pass modulus 11")
        if lab["kind"] == "phone":
            bad = 0
            for x in cells:
                d = full_digits(re.sub(r"\s*(\(home\)|mob|- daughter)$", "", x))
                bad += d is not None and not v.phone_is_synthetic(d)
            check(bad == 0, f"{name}: {bad} non-drama phones")
        if lab["kind"] == "ni_number":
            bad = sum(not v.ni_is_valid(re.sub(r"[\s-]", "", x)) for x in cells)
            check(bad == 0, f"{name}: {bad} invalid NI numbers")
        if name in BAD_NI:
            good = sum(v.ni_is_valid(re.sub(r"[\s-]", "", x)) for x in cells)
            check(good == 0, f"{name}: {good} look-alikes have a valid NI prefix")

    # synthetic phones and e-mails anywhere in the corpus
    for name, vals in cols.items():
        for x in vals:
            if x is None:
                continue
            if "@" in x:
                check(v.email_is_synthetic(x), f"{name}: non-synthetic e-mail {x!r}")
            for m in v.PHONE_RE.findall(x):
                if labels[name]["free_text"] and labels[name]["kind"] == "phone":
                    check(v.phone_is_synthetic(m), f"{name}: non-drama phone {m!r}")
        if labels[name]["kind"] == "ni_number" and labels[name]["free_text"]:
            for x in vals:
                if x and v.NI_RE.search(x):
                    check(v.ni_is_valid(x), f"{name}: invalid NI in text {x!r}")

    # free text: identifiers in 3-15% of rows
    shares = {}
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        hits = sum(1 for x in cols[name] if x is not None and FINDERS[lab["kind"]](x))
        share = hits / ROWS
        shares[name] = share
        check(0.03 <= share <= 0.15, f"{name}: identifier share {share:.3f} outside 3-15%")
        check(lab["free_text"], f"{name}: category a must be free text")
    # the misleading 'notes' column carries none of the identifiers we can find
    for kind in ("phone", "nhs_number", "full_name", "email", "postcode", "ni_number"):
        hits = sum(1 for x in cols["notes"] if x and FINDERS[kind](x))
        check(hits == 0, f"notes: {hits} rows look like {kind}")

    # annotated name columns: 50-90% blank
    for name, lab in labels.items():
        if lab["category"] == "c":
            blank = sum(x is None for x in cols[name]) / ROWS
            check(0.5 <= blank <= 0.9, f"{name}: blank share {blank:.2f} outside 50-90%")

    # summary
    n = len(labels)
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in ("date_of_birth", "postcode") for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns {n}, direct {direct}, quasi {quasi}, None {none}")
    print("by category:", dict(sorted(Counter(lab["category"] for lab in labels.values()).items())))
    print("by kind:", dict(sorted(Counter(str(lab["kind"]) for lab in labels.values()).items())))
    print("free-text identifier shares:", {k: round(s, 3) for k, s in shares.items()})
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s)")
        for p in problems[:60]:
            print(" -", p)
        return 1
    print("\nselfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
