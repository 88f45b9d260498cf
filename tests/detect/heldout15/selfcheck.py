"""Self-check for the heldout15 corpus. Never runs a detector.

Run from the repository root:  python -m tests.detect.heldout15.selfcheck
"""

import re
import sys
from collections import Counter
from pathlib import Path

from . import make_heldout15_columns, pools
from . import values as v
from .columns import COLUMNS

SEED, ROWS = 59, 2000
KINDS = {
    "full_name", "forename", "surname", "nhs_number", "chi_number", "ni_number", "date_of_birth",
    "postcode", "address", "phone", "email", "hospital_number", "passport_number",
    "driving_licence", "vehicle_registration", "uprn",
}  # fmt: skip
QUASI = {"date_of_birth", "postcode"}

problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)


# ---------------------------------------------------------------- TRAPS.md


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    out = []
    for line in (Path(__file__).parent / "TRAPS.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("- `"):
            continue
        parts = line[2:].split(" — ")
        if len(parts) < 5:
            fail(f"TRAPS.md line malformed: {line!r}")
            continue
        name = parts[0].strip().strip("`")
        kind = None if parts[-3] == "None" else parts[-3]
        out.append((name, kind, parts[-2] == "yes", parts[-1].strip()))
    return out


# ---------------------------------------------------------------- helpers

DRAMA = re.compile(
    r"^(07700900\d{3}|01632960\d{3}|0207946[0]\d{3}|01(1[3-8]|21|31|41|51|61)4960\d{3}"
    r"|02896496\d{3}|02920180\d{3})$"
)
EMAIL_RE = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")
OBF_RE = re.compile(r"\b(?:at|\[at\])\s*([a-z]+(?: dot [a-z]+)+)", re.I)


def email_domain_ok(dom: str) -> bool:
    dom = dom.lower()
    return (
        dom in {"example.com", "example.org", "example.net"}
        or dom.endswith(".example")
        or dom == "example"
    )


def phone_norm(s: str) -> str:
    d = re.sub(r"\D", "", s.replace("(0)", ""))
    if d.endswith("0") and s.strip().endswith(".0"):
        d = d[:-1]
    if d.startswith("0044"):
        d = "0" + d[4:]
    elif d.startswith("44"):
        d = "0" + d[2:]
    elif not d.startswith("0"):
        d = "0" + d
    return d


def digits_of(s: str) -> str:
    s = s.strip().replace("\u200b", "")
    if re.fullmatch(r"[\d,]+\.0", s):
        s = s[:-2]
    return re.sub(r"\D", "", s)


def lossless(s: str) -> str | None:
    """Digits of a value, expanding scientific notation only when it kept every digit."""
    t = s.strip().replace("\u200b", "")
    m = re.fullmatch(r"(\d)\.(\d+)E\+(\d+)", t)
    if m:
        if len(m.group(2)) < int(m.group(3)):
            return None
        return m.group(1) + m.group(2)
    return digits_of(t)


NAME_WORDS = set()
for _n in pools.FORENAMES + pools.SURNAMES:
    NAME_WORDS.add(_n)
STREET_RE = re.compile(r"\b\d+ (?:" + "|".join(map(re.escape, pools.STREETS)) + r")\b", re.I)
FORENAME_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, pools.FORENAMES)) + r")\b")
SURNAME_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, pools.SURNAMES)) + r")\b")
FULL_RE = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, pools.FORENAMES))
    + r") (?:"
    + "|".join(map(re.escape, pools.SURNAMES))
    + r")\b"
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def _nhs_in(text: str) -> bool:
    return any(
        v.nhs_valid(m.replace(" ", "")) for m in re.findall(r"\b\d{3} ?\d{3} ?\d{4}\b", text)
    )


def _chi_in(text: str) -> bool:
    return any(v.nhs_valid(m.replace(" ", "")) for m in re.findall(r"\b\d{6} ?\d{4}\b", text))


def _phone_in(text: str) -> bool:
    found = re.findall(r"\b0\d{2,4} \d{3,4} ?\d{3,4}\b", text)
    return any(DRAMA.match(phone_norm(f)) for f in found)


FREE_TEXT_FINDERS = {
    "email": lambda t: bool(EMAIL_RE.search(t)),
    "phone": _phone_in,
    "nhs_number": _nhs_in,
    "chi_number": _chi_in,
    "full_name": lambda t: bool(FULL_RE.search(t)),
    "forename": lambda t: bool(FORENAME_RE.search(t)),
    "surname": lambda t: bool(SURNAME_RE.search(t)),
    "address": lambda t: bool(STREET_RE.search(t)),
    "date_of_birth": lambda t: bool(
        re.search(
            rf"\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}\b|\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b", t, re.I
        )
    ),
    "vehicle_registration": lambda t: bool(re.search(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b", t, re.I)),
    "ni_number": lambda t: any(
        v.ni_valid(m) for m in re.findall(r"\b[A-Z]{2}\d{6}[A-D]\b", t, re.I)
    ),
    "postcode": lambda t: bool(re.search(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", t, re.I)),
    "passport_number": lambda t: bool(re.search(r"\b\d{9}\b", t)),
    "uprn": lambda t: bool(re.search(r"\b\d{8,12}\b", t)),
}

NHS_LOOKALIKES = {"invoice_no", "order_ref_10d", "asset_serial"}
CHI_LOOKALIKES = {"lab_batch_id"}
NI_LOOKALIKES = {"benefit_claim_code"}


# ---------------------------------------------------------------- checks


def check() -> dict:
    columns, labels = make_heldout15_columns(seed=SEED, rows=ROWS)

    traps = parse_traps()
    table = [(n, lab["kind"], lab["direct"], lab["category"]) for n, lab in labels.items()]
    if [t[0] for t in traps] != [t[0] for t in table]:
        fail("column names/order differ from TRAPS.md")
    for t, c in zip(traps, table, strict=False):
        if t != c:
            fail(f"label mismatch with TRAPS.md: {t} vs {c}")
    if [c[0] for c in COLUMNS] != list(columns):
        fail("COLUMNS order differs from output order")

    for name, lab in labels.items():
        kind = lab["kind"]
        if kind is not None and kind not in KINDS:
            fail(f"{name}: unknown kind {kind}")
        want_direct = kind is not None and kind not in QUASI
        if lab["direct"] != want_direct:
            fail(f"{name}: direct={lab['direct']} but kind={kind}")
        if lab["category"] not in set("abcdefghs"):
            fail(f"{name}: bad category")
        if lab["category"] == "g" and kind is not None:
            fail(f"{name}: category g must be kind None")

    for name, vals in columns.items():
        if len(vals) != ROWS:
            fail(f"{name}: {len(vals)} rows")
        if any(x is not None and not isinstance(x, str) for x in vals):
            fail(f"{name}: non-string value")
        if all(x is None for x in vals):
            fail(f"{name}: all blank")

    # check digits
    for name, vals in columns.items():
        kind = labels[name]["kind"]
        present = [x for x in vals if x is not None]
        if kind in ("nhs_number", "chi_number") and not labels[name]["free_text"]:
            bad = 0
            for x in present:
                d = lossless(x)
                if d is None:
                    continue
                if kind == "chi_number":
                    d = d.zfill(10)
                if not v.nhs_valid(d):
                    bad += 1
            if bad:
                fail(f"{name}: {bad} values fail modulus 11")
        if name in NHS_LOOKALIKES | CHI_LOOKALIKES:
            bad = sum(1 for x in present if v.nhs_valid(digits_of(x)))
            if bad or any(len(digits_of(x)) != 10 for x in present):
                fail(f"{name}: look-alike passes modulus 11 or is not 10 digits")
        if kind == "ni_number" and not labels[name]["free_text"]:
            bad = [x for x in present if not v.ni_valid(re.sub(r"[\s\-\u00a0\u200b]", "", x))]
            if bad:
                fail(f"{name}: invalid NI numbers e.g. {bad[:3]}")
        if name in NI_LOOKALIKES and any(v.ni_valid(re.sub(r"\s|\u200b", "", x)) for x in present):
            fail(f"{name}: a look-alike is a valid NI number")
        if kind == "phone" and not labels[name]["free_text"]:
            bad = [x for x in present if not DRAMA.match(phone_norm(x))]
            if bad:
                fail(f"{name}: non-drama phones e.g. {bad[:3]}")

    # e-mails everywhere
    for name, vals in columns.items():
        for x in vals:
            if x is None:
                continue
            for dom in EMAIL_RE.findall(x):
                if not email_domain_ok(dom):
                    fail(f"{name}: non-example e-mail domain {dom}")
            for dom in OBF_RE.findall(x):
                if "example" not in dom.lower():
                    fail(f"{name}: obfuscated e-mail outside example domains: {dom}")
            if "[at]" in x and "example" not in x:
                fail(f"{name}: [at] e-mail outside example domains")

    # free-text rates
    rates = {}
    for name, lab in labels.items():
        if lab["category"] != "a":
            continue
        finder = FREE_TEXT_FINDERS[lab["kind"]]
        hits = sum(1 for x in columns[name] if x is not None and finder(x))
        rate = hits / ROWS
        rates[name] = rate
        if not 0.03 <= rate <= 0.15:
            fail(f"{name}: identifier rate {rate:.3f} outside 3-15%")
    # prose without identifiers in the notes trap
    for name, lab in labels.items():
        if lab["free_text"] and lab["kind"] is None:
            for kind in ("email", "phone", "nhs_number", "full_name", "address", "postcode"):
                if any(x is not None and FREE_TEXT_FINDERS[kind](x) for x in columns[name]):
                    fail(f"{name}: contains a {kind}")

    # blanks in annotated name columns
    blanks = {}
    for name, lab in labels.items():
        if lab["category"] == "c":
            frac = sum(1 for x in columns[name] if x is None) / ROWS
            blanks[name] = frac
            if not 0.5 <= frac <= 0.9:
                fail(f"{name}: blank fraction {frac:.2f} outside 50-90%")

    # determinism
    again, labels2 = make_heldout15_columns(seed=SEED, rows=ROWS)
    if again != columns or labels2 != labels:
        fail("two calls with the same seed differ")
    other, _ = make_heldout15_columns(seed=SEED + 1, rows=50)
    if all(other[n] == columns[n][:50] for n in columns):
        fail("a different seed gives the same output")

    return {"columns": columns, "labels": labels, "rates": rates, "blanks": blanks}


def summary(labels: dict) -> str:
    kinds = Counter(lab["kind"] or "None" for lab in labels.values())
    cats = Counter(lab["category"] for lab in labels.values())
    direct = sum(lab["direct"] for lab in labels.values())
    quasi = sum(lab["kind"] in QUASI for lab in labels.values())
    none = sum(lab["kind"] is None for lab in labels.values())
    lines = [
        f"columns {len(labels)}  direct {direct} ({direct / len(labels):.0%})"
        f"  quasi {quasi}  None {none}",
        "by category: " + ", ".join(f"{c} {cats[c]}" for c in sorted(cats)),
        "by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
    ]
    return "\n".join(lines)


def main() -> int:
    result = check()
    print(summary(result["labels"]))
    for name, rate in result["rates"].items():
        print(f"  a  {name:34s} identifier rows {rate:.1%}")
    for name, frac in result["blanks"].items():
        print(f"  c  {name:34s} blank {frac:.0%}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print("\nselfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
