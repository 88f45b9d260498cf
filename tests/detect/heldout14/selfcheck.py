"""Self-check for heldout14 (never runs a detector).

Run from the worktree root:  python -m tests.detect.heldout14.selfcheck
"""

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from . import cat_a, make_heldout14_columns
from . import pools as pl
from . import values as vl
from .columns import COLUMNS

SEED, ROWS = 53, 2000
HERE = Path(__file__).parent
KINDS = {
    "full_name", "forename", "surname", "nhs_number", "chi_number", "ni_number", "date_of_birth",
    "postcode", "address", "phone", "email", "hospital_number", "passport_number",
    "driving_licence", "vehicle_registration", "uprn",
}  # fmt: skip
QUASI = {"date_of_birth", "postcode"}
LOOKALIKE_TEN = {"lab_batch_no", "bloodspot_card_serial", "iol_serial", "nhs_ref"}

POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b")
PHONE_RE = re.compile(
    r"(?<![\w.])(?:\+44\s?(?:\(0\))?|0044|0)\s?\(?[1237]\d{1,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w)"
)
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
NHS_SPACED_RE = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
NI_RE = re.compile(r"\b[A-Z]{2}\d{6}[A-D]\b")
PASSPORT_RE = re.compile(r"(?<!\d)\d{9}(?!\d)")
HOSP_RE = re.compile(r"\b[KMRST]\d{7}\b")
DOB_MARK_RE = re.compile(r"\bDOB\b|\bd\.o\.b\.|\bBorn\b")

failures: list[str] = []


def check(cond: bool, msg: str) -> None:
    if not cond:
        failures.append(msg)


def parse_traps() -> list[tuple[str, str | None, bool, str, bool]]:
    rows = []
    cat = None
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"## (\w) ", line)
        if m:
            cat = m.group(1)
            continue
        if line.startswith("## Extra"):
            break
        if cat and line.startswith("- "):
            parts = line[2:].split(" — ")
            kind = None if parts[2] == "None" else parts[2]
            free = cat == "a" or "free text" in parts[4]
            rows.append((parts[0], kind, parts[3] == "direct", parts[4].split()[0], free))
    return rows


def strip_float(s: str) -> str:
    s = s.strip()
    return s[:-2] if s.endswith(".0") else s


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def is_sci(s: str) -> bool:
    return "E+" in s


def chi_ok(ten: str) -> bool:
    if not vl.mod11_valid(ten):
        return False
    try:
        dt.datetime.strptime(ten[:6], "%d%m%y")
    except ValueError:
        return False
    return True


def uk_phone_length(s: str) -> bool:
    """True when s normalises to an 11-digit UK number (0 + 10 digits)."""
    d = digits(s)
    if d.startswith("0044"):
        d = d[2:]
    if d.startswith("44"):
        d = d[2:] if d[2:].startswith("0") else "0" + d[2:]
    return len(d) == 11 and d.startswith("0")


def present(col: list[str | None]) -> list[str]:
    return [v for v in col if v is not None]


def main() -> int:
    columns, labels = make_heldout14_columns(seed=SEED, rows=ROWS)

    # --- table against TRAPS.md
    traps = parse_traps()
    check([t[0] for t in traps] == list(columns), "column names/order differ from TRAPS.md")
    check([c.name for c in COLUMNS] == list(columns), "columns.py order differs")
    for name, kind, direct, cat, free in traps:
        lab = labels.get(name)
        if lab is None:
            failures.append(f"{name}: missing")
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        check(lab["direct"] == direct, f"{name}: direct differs from TRAPS")
        check(lab["category"] == cat, f"{name}: category differs from TRAPS")
        check(lab["free_text"] == free, f"{name}: free_text differs from TRAPS")
        check(kind is None or kind in KINDS, f"{name}: unknown kind {kind}")
        check(
            direct == (kind is not None and kind not in QUASI),
            f"{name}: direct flag wrong for kind",
        )

    # --- shape and determinism
    for name, col in columns.items():
        check(len(col) == ROWS, f"{name}: {len(col)} rows")
        check(all(v is None or isinstance(v, str) for v in col), f"{name}: non-str value")
        check(any(v is not None for v in col), f"{name}: all blank")
    again = make_heldout14_columns(seed=SEED, rows=ROWS)
    check(again == (columns, labels), "not deterministic")
    other, _ = make_heldout14_columns(seed=SEED + 1, rows=ROWS)
    check(other != columns, "seed has no effect")

    # --- check digits
    for name, lab in labels.items():
        if lab["free_text"]:
            continue
        col = present(columns[name])
        if lab["kind"] == "nhs_number":
            for v in col:
                if is_sci(v):
                    continue
                d = digits(strip_float(v))
                check(vl.mod11_valid(d), f"{name}: invalid NHS number {v!r}")
        if lab["kind"] == "chi_number":
            for v in col:
                d = digits(strip_float(v)).zfill(10)
                check(chi_ok(d), f"{name}: invalid CHI {v!r}")
        if name in LOOKALIKE_TEN:
            for v in col:
                d = digits(strip_float(v))
                check(
                    len(d) == 10 and not vl.mod11_valid(d),
                    f"{name}: look-alike passes mod 11 {v!r}",
                )
    for v in present(columns["stock_code_gtin"]):
        if not is_sci(v):
            check(vl.gtin_valid(strip_float(v)), f"stock_code_gtin: bad GS1 check {v!r}")

    # --- phones, e-mails, NI numbers, postcodes synthetic
    for name, lab in labels.items():
        col = present(columns[name])
        if lab["kind"] == "phone" and not lab["free_text"]:
            for v in col:
                if not is_sci(v):
                    check(
                        vl.phone_is_drama(strip_float(v)), f"{name}: phone not in drama range {v!r}"
                    )
        if lab["kind"] == "ni_number" and not lab["free_text"]:
            for v in col:
                check(vl.ni_valid(v.replace("-", "").replace(" ", "")), f"{name}: invalid NI {v!r}")
        if lab["kind"] == "postcode" and not lab["free_text"]:
            for v in col:
                check(
                    bool(POSTCODE_RE.fullmatch(v.strip().upper().replace("-", " "))),
                    f"{name}: bad postcode {v!r}",
                )
        for v in col:
            for m in PHONE_RE.finditer(v):
                if uk_phone_length(m.group(0)):
                    check(vl.phone_is_drama(m.group(0)), f"{name}: non-drama phone {m.group(0)!r}")
            for m in EMAIL_RE.finditer(v):
                dom = m.group(1).lower()
                ok = dom in ("example.com", "example.org", "example.net") or dom.endswith(
                    ".example"
                )
                check(ok, f"{name}: non-example e-mail domain {dom}")
    for v in present(columns["vaccine_batch"]):
        check(not vl.ni_valid(v), f"vaccine_batch: valid NI number {v!r}")
    for v in present(columns["loc_bin"]):
        check(not POSTCODE_RE.fullmatch(v), f"loc_bin: valid postcode shape {v!r}")

    # --- free text: identifiers in 3-15% of rows, only in hit rows
    full_names = {f"{f} {s}" for f in pl.FORENAMES for s in pl.SURNAMES}
    forenames = set(pl.FORENAMES)

    def finds(kind: str, text: str) -> bool:
        if kind == "nhs_number":
            return any(vl.mod11_valid(digits(m.group(0))) for m in NHS_SPACED_RE.finditer(text))
        if kind == "chi_number":
            return any(chi_ok(m.group(0)) for m in re.finditer(r"(?<!\d)\d{10}(?!\d)", text))
        if kind == "phone":
            return any(vl.phone_is_drama(m.group(0)) for m in PHONE_RE.finditer(text))
        if kind == "email":
            return bool(EMAIL_RE.search(text))
        if kind == "ni_number":
            return any(vl.ni_valid(m.group(0)) for m in NI_RE.finditer(text))
        if kind == "passport_number":
            return bool(PASSPORT_RE.search(text))
        if kind == "hospital_number":
            return bool(HOSP_RE.search(text))
        if kind in ("postcode", "address"):
            return bool(POSTCODE_RE.search(text))
        if kind == "date_of_birth":
            return bool(DOB_MARK_RE.search(text))
        if kind == "full_name":
            return any(n in text for n in full_names)
        if kind == "forename":
            return any(re.search(rf"\b{re.escape(f)}\b", text) for f in forenames)
        raise AssertionError(kind)

    for name in cat_a.SPECS:
        from . import column_rng

        values, hits = cat_a.make_with_hits(name, column_rng(SEED, name), ROWS)
        check(values == columns[name], f"{name}: make_with_hits differs from corpus")
        non_blank = sum(v is not None for v in values)
        share_all, share_nb = len(hits) / ROWS, len(hits) / non_blank
        check(
            0.03 <= share_all <= 0.15 and 0.03 <= share_nb <= 0.15,
            f"{name}: hit share {share_all:.3f}/{share_nb:.3f}",
        )
        kind = labels[name]["kind"]
        hit_set = set(hits)
        for i, v in enumerate(values):
            if v is None:
                check(i not in hit_set, f"{name}: blank hit row {i}")
                continue
            found = finds(kind, v)
            if i in hit_set:
                check(found, f"{name}: row {i} should hold a {kind}: {v!r}")
            else:
                check(not found, f"{name}: row {i} holds an unlabelled {kind}: {v!r}")

    # --- annotated name columns: 50-90% blank
    for name, lab in labels.items():
        if lab["category"] == "c":
            share = sum(v is None or not v.strip() for v in columns[name]) / ROWS
            check(0.5 <= share <= 0.9, f"{name}: blank share {share:.2f}")

    # --- report
    cats = Counter(lab["category"] for lab in labels.values())
    kinds = Counter(str(lab["kind"]) for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    print(f"columns {len(labels)}  direct {direct}  quasi {quasi}  None {none}")
    print("by category:", dict(sorted(cats.items())))
    print("by kind:", dict(sorted(kinds.items())))
    if failures:
        print(f"FAIL: {len(failures)} problems")
        for f in failures[:40]:
            print("  ", f)
        print(Counter(f.split(":")[0] for f in failures))
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
