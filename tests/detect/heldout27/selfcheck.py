"""Self-check for held-out 27 (never runs a detector).

Run from the repository root:  python -m tests.detect.heldout27.selfcheck
"""

import itertools
import re
import sys
from collections import Counter
from pathlib import Path

from . import make_heldout27_columns, pools
from . import values as v

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
SEED, ROWS = 71, 2000

FAILURES: list[str] = []


def check(ok: bool, message: str) -> None:
    if not ok:
        FAILURES.append(message)


def parse_traps() -> list[tuple[str, str | None, bool, str]]:
    text = (Path(__file__).parent / "TRAPS.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.startswith("## Extra"):
            break
        if not line.startswith("- ") or " — " not in line:
            continue
        fields = line[2:].split(" — ")
        name, kind, flag, cat = fields[0], fields[-3], fields[-2], fields[-1]
        rows.append((name, None if kind == "None" else kind, flag == "direct", cat.split()[0]))
    return rows


def blank(x: str | None) -> bool:
    return x is None or not x.strip()


def compact_digits(text: str) -> str:
    t = re.sub(r"^(?:NHS:|CHI)\s*", "", text.strip())
    t = re.sub(r"\.0$", "", t)
    return re.sub(r"[\s\-]", "", t)


# free-text hit finders, one per kind (only what this corpus embeds)
_FORE = {f.lower() for f in pools.FORENAMES}
_SUR = {s.lower() for s in pools.SURNAMES}
_WORD = re.compile(r"[A-Za-z']+")


def _tokens(text):
    return [w.lower().removesuffix("'s") for w in _WORD.findall(text)]


def has_full_name(text):
    t = _tokens(text)
    return any(a in _FORE and b in _SUR for a, b in itertools.pairwise(t))


def has_forename(text):
    return any(w in _FORE for w in _tokens(text))


def has_surname(text):
    return any(w in _SUR for w in _tokens(text))


def has_nhs(text):
    return any(
        v.mod11_valid(re.sub(r"\D", "", m))
        for m in re.findall(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b", text)
    )


def has_chi(text):
    return any(
        v.mod11_valid(re.sub(r"\D", "", m)) for m in re.findall(r"\b\d{6}[ -]?\d{4}\b", text)
    )


def has_phone(text):
    for m in re.findall(r"(?:\+44|0044|\b0)[\d ()-]{9,16}", text):
        d = v.phone_normalise(m)
        if len(d) == 11:
            return True
    return False


def has_email(text):
    return bool(v.EMAIL_RE.search(text))


def has_ni(text):
    return any(
        v.ni_valid(m) for m in re.findall(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", text)
    )


def has_postcode(text):
    return bool(v.POSTCODE_RE.search(text))


def has_address(text):
    return bool(v.STREET_RE.search(text))


def has_dob(text):
    for m in re.finditer(
        r"\b(\d{1,2})[/ ](\d{1,2}|[A-Z][a-z]{2})[/ ](\d{4})\b|\b(\d{4})-\d{2}-\d{2}\b", text
    ):
        year = int(m.group(3) or m.group(4))
        if year < 2024:
            return True
    return False


FINDERS = {
    "full_name": has_full_name,
    "forename": has_forename,
    "surname": has_surname,
    "nhs_number": has_nhs,
    "chi_number": has_chi,
    "phone": has_phone,
    "email": has_email,
    "ni_number": has_ni,
    "postcode": has_postcode,
    "address": has_address,
    "date_of_birth": has_dob,
    "passport_number": lambda t: bool(v.PASSPORT_RE.search(t)),
    "vehicle_registration": lambda t: bool(v.VRM_RE.search(t)),
    "hospital_number": lambda t: bool(v.HOSP_RE.search(t)),
}

MOD11_FAIL_COLUMNS = {"haf_voucher_serial", "session_datecode"}
PHONE_SHAPE = re.compile(r"(?:\+44|0044|(?<![\d.])0)[\d ()-]{9,16}")
NI_SHAPE = re.compile(r"\b[A-Za-z]{2}[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?\d{2}[\s.-]?[A-Za-z]\b")


def main() -> int:
    columns, labels = make_heldout27_columns(seed=SEED, rows=ROWS)
    columns2, labels2 = make_heldout27_columns(seed=SEED, rows=ROWS)
    check(columns == columns2 and labels == labels2, "not deterministic")
    other, _ = make_heldout27_columns(seed=SEED + 1, rows=ROWS)
    check(other != columns, "seed has no effect")

    # TRAPS.md agreement
    traps = parse_traps()
    check([t[0] for t in traps] == list(columns), "TRAPS.md names/order differ from corpus")
    for name, kind, direct, cat in traps:
        lab = labels.get(name)
        if lab is None:
            continue
        check(lab["kind"] == kind, f"{name}: kind {lab['kind']} != TRAPS {kind}")
        check(lab["direct"] == direct, f"{name}: direct {lab['direct']} != TRAPS {direct}")
        check(lab["category"] == cat, f"{name}: category {lab['category']} != TRAPS {cat}")

    for name, lab in labels.items():
        vals = columns[name]
        check(len(vals) == ROWS, f"{name}: {len(vals)} rows")
        check(all(x is None or isinstance(x, str) for x in vals), f"{name}: non-text value")
        check(lab["kind"] is None or lab["kind"] in KINDS, f"{name}: bad kind")
        want_direct = lab["kind"] is not None and lab["kind"] not in QUASI
        check(lab["direct"] == want_direct, f"{name}: direct flag wrong")
        check(lab["category"] in set("abcdefghs"), f"{name}: bad category")
        check(lab["free_text"] == (lab["category"] == "a" or name == "notes"), f"{name}: free_text")
        nonblank = [x for x in vals if not blank(x)]
        check(len(nonblank) > 0, f"{name}: empty column")

        # check digits
        if lab["kind"] in ("nhs_number", "chi_number") and not lab["free_text"]:
            for x in nonblank:
                if "E" in x.upper() and re.search(r"E\+?\d", x, re.IGNORECASE):
                    mant = x.upper().split("E")[0].replace(".", "")
                    if len(mant) < 10:
                        continue  # lossy scientific notation: digits gone
                    x = str(int(float(x)))
                d = compact_digits(x)
                if lab["kind"] == "chi_number" and len(d) == 9:
                    d = "0" + d
                check(v.mod11_valid(d), f"{name}: invalid check digit in {x!r}")
        if name in MOD11_FAIL_COLUMNS:
            for x in nonblank:
                d = compact_digits(x)
                check(
                    len(d) == 10 and not v.mod11_valid(d),
                    f"{name}: look-alike passes mod-11: {x!r}",
                )
        if lab["kind"] is None:
            for x in nonblank:
                for m in re.findall(r"(?<![\d.])\d{10}(?![\d])", x):
                    check(
                        not v.mod11_valid(m), f"{name}: None column holds a valid mod-11 number {m}"
                    )
        if name == "nhs_ref":
            tens = [x for x in nonblank if re.fullmatch(r"\d{10}", x)]
            check(len(tens) > 100, "nhs_ref: too few 10-digit look-alikes")

        # NI numbers
        if lab["kind"] == "ni_number" and not lab["free_text"]:
            for x in nonblank:
                check(v.ni_valid(re.sub(r"^NI:\s*", "", x)), f"{name}: invalid NI {x!r}")
        elif lab["kind"] != "ni_number":
            for x in nonblank:
                for m in NI_SHAPE.findall(x):
                    check(not v.ni_valid(m), f"{name}: valid NI-shaped token {m!r}")
        if name == "attr_07":
            check(all(not v.ni_valid(x) for x in nonblank), "attr_07: an SKU is a valid NI")

        # phones
        if lab["kind"] == "phone" and not lab["free_text"]:
            for x in nonblank:
                check(
                    v.phone_is_drama(v.phone_normalise(re.sub(r"\s*\((mob)\)|\s*home$", "", x))),
                    f"{name}: non-drama phone {x!r}",
                )
        for x in nonblank:
            for m in PHONE_SHAPE.findall(x):
                d = v.phone_normalise(m)
                if len(d) == 11 and d[:2] in ("01", "02", "03", "07", "08"):
                    check(v.phone_is_drama(d), f"{name}: non-drama phone-shaped {m!r}")

        # e-mails
        for x in nonblank:
            for dom in v.EMAIL_RE.findall(x):
                check(v.email_domain_ok(dom), f"{name}: non-example e-mail domain {dom}")
        if lab["kind"] == "email" and not lab["free_text"]:
            check(all(v.EMAIL_RE.search(x) for x in nonblank), f"{name}: value without e-mail")

        # free text: identifiers in 3-15% of rows
        if lab["category"] == "a":
            finder = FINDERS[lab["kind"]]
            share = sum(1 for x in vals if x and finder(x)) / ROWS
            check(0.03 <= share <= 0.15, f"{name}: identifier share {share:.3f} outside 3-15%")

        # annotated name columns: 50-90% blank
        if lab["category"] == "c" and lab["kind"] is not None:
            share = sum(1 for x in vals if blank(x)) / ROWS
            check(0.50 <= share <= 0.90, f"{name}: blank share {share:.3f} outside 50-90%")

    # overall counts
    n = len(labels)
    direct = sum(1 for lab in labels.values() if lab["direct"])
    quasi = sum(1 for lab in labels.values() if lab["kind"] in QUASI)
    none = sum(1 for lab in labels.values() if lab["kind"] is None)
    cats = Counter(lab["category"] for lab in labels.values())
    check(105 <= n <= 125, f"{n} columns")
    check(0.58 <= direct / n <= 0.66, f"direct share {direct / n:.2f}")
    check(30 <= none <= 42, f"{none} kind-None columns")
    print(f"columns={n} direct={direct} quasi={quasi} none={none}")
    print("per category:", dict(sorted(cats.items())))
    print("per kind:", dict(sorted(Counter(str(lab["kind"]) for lab in labels.values()).items())))

    if FAILURES:
        shown = FAILURES[:40]
        print(f"FAILED ({len(FAILURES)}):", *shown, sep="\n  ")
        return 1
    print("selfcheck OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
