"""Self-check for heldout22: python -m tests.detect.heldout22.selfcheck (from the repo root).

Checks the corpus against TRAPS.md and its own promises. It never runs a detector.
"""

import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from . import make_heldout22_columns, pools, values

HERE = Path(__file__).parent
SEED, ROWS = 72, 2000
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
LOOKALIKE_NHS_FAIL = ["lab_accession", "last_modified_epoch", "device_serial", "col_18"]
LOOKALIKE_NI_FAIL = ["batch_no"]

SCI_RE = re.compile(r"^\s*(\d)\.(\d+)E\+(\d+)\s*$", re.I)
TEN_RE = re.compile(r"(?<![\w.])\d{3}[ \-\u00a0]{0,2}\d{3}[ \-\u00a0]{0,2}\d{4}(?![\w])")
NI_RE = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)
EMAIL_RE = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")
SPELT_RE = re.compile(r"\S+ \[?at\]? ((?:\S+ \[?dot\]? )+\S+)", re.I)
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}(?!\w)"
)
FULLNAME_RE = re.compile(
    r"\b(?:{}) (?:{})\b".format(
        "|".join(re.escape(n) for n in pools.ALL_FORENAMES),
        "|".join(re.escape(n) for n in pools.ALL_SURNAMES),
    ),
    re.I,
)
FORENAME_RE = re.compile(
    r"\b(?:{})\b".format("|".join(re.escape(n) for n in pools.ALL_FORENAMES)), re.I
)
STREET_RE = re.compile("|".join(re.escape(s) for s in pools.STREETS), re.I)
HOSPNO_RE = re.compile(values.HOSPNO_RE.pattern, re.I)
VRM_RE = re.compile(values.VRM_RE.pattern, re.I)

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)


def read_traps():
    rows = []
    for line in (HERE / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" — ")
        if len(parts) != 5:
            fail(f"TRAPS.md line not in five parts: {line}")
            continue
        name = parts[0].strip().strip("`")
        kind = None if parts[2].strip() == "None" else parts[2].strip()
        direct = {"yes": True, "no": False}[parts[3].strip()]
        rows.append((name, kind, direct, parts[4].strip()))
    return rows


def numeric_digits(v: str) -> str | None:
    """Digits of a value, undoing Excel damage; None if scientific notation lost digits."""
    s = v.strip().lstrip("'").replace("(0)", "")
    m = SCI_RE.match(s)
    if m:
        frac, exp = m.group(2), int(m.group(3))
        if len(frac) < exp:
            return None
        try:
            return str(int(Decimal(s)))
        except InvalidOperation:
            return None
    if re.fullmatch(r"[\d, ]+\.0+", s):
        s = s.rsplit(".", 1)[0]
    return re.sub(r"\D", "", s)


def chi_ok(d: str) -> bool:
    if len(d) == 9:
        d = "0" + d
    return values.chi_valid(d)


def ten_digit_runs(text: str):
    return [re.sub(r"\D", "", m.group(0)) for m in TEN_RE.finditer(text)]


def phones_in(text: str):
    out = []
    for m in PHONE_RE.finditer(text):
        d = re.sub(r"\D", "", m.group(0).replace("(0)", ""))
        if d.startswith("44"):
            d = "0" + d[2:]
        if len(d) == 11:
            out.append(d)
    return out


def hits(kind: str, text: str) -> bool:
    if kind == "nhs_number":
        return any(values.nhs_valid(d) for d in ten_digit_runs(text))
    if kind == "chi_number":
        return any(values.chi_valid(d) for d in ten_digit_runs(text))
    if kind == "email":
        return bool(EMAIL_RE.search(text))
    if kind == "phone":
        return any(values.is_drama_phone(d) for d in phones_in(text))
    if kind == "full_name":
        return bool(FULLNAME_RE.search(text))
    if kind == "forename":
        return bool(FORENAME_RE.search(text))
    if kind == "address":
        return bool(STREET_RE.search(text) and values.POSTCODE_RE.search(text))
    if kind == "hospital_number":
        return bool(HOSPNO_RE.search(text))
    if kind == "ni_number":
        return any(values.ni_valid(m.group(0)) for m in NI_RE.finditer(text))
    if kind == "vehicle_registration":
        return bool(VRM_RE.search(text))
    raise ValueError(kind)


A_KINDS = [
    "nhs_number",
    "chi_number",
    "email",
    "phone",
    "full_name",
    "forename",
    "address",
    "hospital_number",
    "ni_number",
    "vehicle_registration",
]


def main() -> int:
    cols, labels = make_heldout22_columns(seed=SEED, rows=ROWS)

    # 1. table against TRAPS.md
    traps = read_traps()
    got = [(n, lab["kind"], lab["direct"], lab["category"]) for n, lab in labels.items()]
    if [t[0] for t in traps] != list(cols):
        fail("column names/order differ from TRAPS.md")
    for t, g in zip(traps, got, strict=False):
        if t != g:
            fail(f"TRAPS.md {t} != labels {g}")
    if len(traps) != len(got):
        fail(f"TRAPS.md has {len(traps)} columns, corpus {len(got)}")

    # 2. labels well formed, counts
    for n, lab in labels.items():
        if set(lab) != {"kind", "direct", "free_text", "category"}:
            fail(f"{n}: label keys {sorted(lab)}")
        if lab["kind"] is not None and lab["kind"] not in KINDS:
            fail(f"{n}: unknown kind {lab['kind']}")
        want_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{n}: direct flag wrong")
        if lab["category"] not in "abcdefghs" or len(lab["category"]) != 1:
            fail(f"{n}: category {lab['category']}")
        if lab["category"] == "a" and not lab["free_text"]:
            fail(f"{n}: category a must be free text")
    n_all = len(labels)
    n_direct = sum(lab["direct"] for lab in labels.values())
    n_quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    n_none = sum(lab["kind"] is None for lab in labels.values())
    if not 110 <= n_all <= 120:
        fail(f"{n_all} columns")
    if not 0.60 <= n_direct / n_all <= 0.66:
        fail(f"direct share {n_direct / n_all:.2f}")
    if not 3 <= n_quasi <= 8 or not 35 <= n_none <= 40:
        fail(f"quasi {n_quasi}, None {n_none}")
    for cat in "abcdefgh":
        k = sum(lab["category"] == cat for lab in labels.values())
        if not 12 <= k <= 15:
            fail(f"category {cat}: {k} columns")
    if sum(lab["category"] == "s" for lab in labels.values()) != 6:
        fail("staff columns != 6")
    if any(lab["kind"] is not None for lab in labels.values() if lab["category"] == "g"):
        fail("category g must be kind None")

    # 3. shape
    for n, v in cols.items():
        if len(v) != ROWS:
            fail(f"{n}: {len(v)} rows")
        if any(x is not None and not isinstance(x, str) for x in v):
            fail(f"{n}: non-text values")
        if all(x is None for x in v):
            fail(f"{n}: all blank")

    # 4. determinism
    cols2, labels2 = make_heldout22_columns(seed=SEED, rows=ROWS)
    if cols2 != cols or labels2 != labels:
        fail("two calls differ")
    cols3, _ = make_heldout22_columns(seed=SEED + 1, rows=50)
    if all(cols3[n] == cols[n][:50] for n in cols):
        fail("seed has no effect")

    # 5. check digits and synthetic forms in structured columns
    for n, v in cols.items():
        lab = labels[n]
        kind, ft = lab["kind"], lab["free_text"]
        vals = [x for x in v if x is not None]
        if ft:
            continue
        if kind == "nhs_number":
            bad = [x for x in vals if not values.nhs_valid(numeric_digits(x) or "")]
            if bad:
                fail(f"{n}: invalid NHS numbers e.g. {bad[:3]}")
        elif kind == "chi_number":
            bad = [x for x in vals if not chi_ok(numeric_digits(x) or "")]
            if bad:
                fail(f"{n}: invalid CHI e.g. {bad[:3]}")
        elif kind == "ni_number":
            bad = [x for x in vals if not values.ni_valid(x.replace("-", ""))]
            if bad:
                fail(f"{n}: invalid NI e.g. {bad[:3]}")
        elif kind == "phone":
            bad = []
            for x in vals:
                for part in re.split(r"/", x):
                    part = re.sub(r"^[A-Za-z]+:\s*|\s*\([a-z]+\)$", "", part.strip())
                    d = numeric_digits(part)
                    if d is not None and not values.is_drama_phone(d):
                        bad.append(x)
            if bad:
                fail(f"{n}: non-drama phones e.g. {bad[:3]}")
    for n in LOOKALIKE_NHS_FAIL:
        for x in cols[n]:
            if x is None:
                continue
            d = numeric_digits(x)
            if d and len(d) == 10 and values.nhs_valid(d):
                fail(f"{n}: look-alike passes the NHS check: {x}")
    for n in LOOKALIKE_NI_FAIL:
        bad = [x for x in cols[n] if x is not None and values.ni_valid(x)]
        if bad:
            fail(f"{n}: look-alike is a valid NI number: {bad[:3]}")

    # 6. corpus-wide: no valid NHS/CHI numbers in kind-None columns; e-mails and phones synthetic
    for n, v in cols.items():
        kind = labels[n]["kind"]
        for x in v:
            if x is None:
                continue
            if kind is None:
                for d in ten_digit_runs(x):
                    if values.nhs_valid(d):
                        fail(f"{n}: kind None holds an NHS-valid number {x!r}")
            for m in EMAIL_RE.finditer(x):
                if not values.email_ok(m.group(0)):
                    fail(f"{n}: e-mail not at an example domain: {x!r}")
            for m in SPELT_RE.finditer(x):
                dom = re.sub(r"\s*\[?dot\]?\s*", ".", m.group(1), flags=re.I)
                if not values.email_ok("x@" + dom):
                    fail(f"{n}: spelt-out e-mail not at an example domain: {x!r}")
            for d in phones_in(x):
                if kind not in ("nhs_number", "chi_number") and not values.is_drama_phone(d):
                    fail(f"{n}: phone-like number outside drama ranges: {x!r}")

    # 7. free text: identifiers in 3-15% of rows; kind-None prose holds none
    for n, v in cols.items():
        lab = labels[n]
        if lab["category"] != "a":
            continue
        if lab["kind"] is None:
            for k in A_KINDS:
                c = sum(1 for x in v if x is not None and hits(k, x))
                if c:
                    fail(f"{n}: kind None free text has {c} rows matching {k}")
            continue
        c = sum(1 for x in v if x is not None and hits(lab["kind"], x))
        nonblank = sum(1 for x in v if x is not None)
        if not (0.03 <= c / ROWS <= 0.15 and 0.03 <= c / nonblank <= 0.15):
            fail(f"{n}: identifiers in {c}/{ROWS} rows ({c}/{nonblank} non-blank)")
        if lab["kind"] in ("nhs_number", "chi_number"):
            check = values.nhs_valid if lab["kind"] == "nhs_number" else values.chi_valid
            for x in v:
                if x is None:
                    continue
                for d in ten_digit_runs(x):
                    if ("NHS" in x.upper() or "CHI" in x.upper()) and not check(d):
                        fail(f"{n}: quoted identifier fails its check: {x!r}")

    # 8. annotated name columns: 50-90% blank
    for n, v in cols.items():
        if labels[n]["category"] == "c":
            blank = sum(x is None for x in v) / ROWS
            if not 0.5 <= blank <= 0.9:
                fail(f"{n}: {blank:.0%} blank")

    if failures:
        for f in failures[:60]:
            print("FAIL", f)
        print(f"{len(failures)} failure(s)")
        return 1
    print(
        f"heldout22 selfcheck OK: {n_all} columns x {ROWS} rows; direct {n_direct}, "
        f"quasi {n_quasi}, None {n_none}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
