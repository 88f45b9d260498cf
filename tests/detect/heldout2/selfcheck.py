"""Self-checks for heldout2: determinism, span exactness, identifier validity."""
import hashlib, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tests.detect.heldout2.columns import make_heldout2_columns, is_mod11_valid, _NI_BAD
from tests.detect.heldout2.notes import make_heldout2_notes

def h(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]

cols, labels = make_heldout2_columns()
cols2, labels2 = make_heldout2_columns()
assert h([cols, labels]) == h([cols2, labels2])
assert h(make_heldout2_columns(seed=8)[0]) != h(cols)
notes = make_heldout2_notes()
assert h(notes) == h(make_heldout2_notes())
assert h(make_heldout2_notes(seed=12)) != h(notes)
print("columns hash", h([cols, labels]), "notes hash", h(notes))

# columns structure
assert set(cols) == set(labels)
for k, v in cols.items():
    assert len(v) == 2000 and all(x is None or isinstance(x, str) for x in v), k
    L = labels[k]
    assert set(L) == {"kind", "direct", "free_text", "category"}
    assert L["direct"] == (L["kind"] not in (None, "date_of_birth", "postcode"))

# identifier validity in clean columns
nv = lambda col: [x for x in cols[col] if x is not None]
assert all(is_mod11_valid(x) for x in nv("field_23"))
assert all(is_mod11_valid(re.sub(r"\D", "", x)) for x in nv("nhs_number"))
assert all(is_mod11_valid(x.replace(".0", "")) for x in nv("nhs_no"))
for trap in ("account_number",):
    assert not any(is_mod11_valid(x) for x in nv(trap))
assert not any(is_mod11_valid(re.sub(r"\.0$", "", x)) for x in nv("batch_id") if "E" not in x)
assert all(is_mod11_valid(re.sub(r"\D", "", x)) for x in nv("chi_no"))
ni_re = re.compile(r"^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
assert all(ni_re.match(x) for x in nv("V12"))
assert all(ni_re.match(x) for x in nv("reference") if len(x) == 9)
pc_re = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$")
assert all(pc_re.match(x) for x in nv("col_17"))
assert all(pc_re.match(re.sub(r"\s+", "", x.upper())[:-3] + " " + re.sub(r"\s+", "", x.upper())[-3:]) for x in nv("postcode"))
print("column identifier validity OK")

# notes: spans exact, labels valid, own/other coverage
ok_labels = {"name", "date_of_birth", "nhs_number", "postcode", "address", "phone", "email"}
for r in notes:
    for s in r["spans"]:
        assert s["label"] in ok_labels
        assert 0 <= s["start"] < s["end"] <= len(r["note"])
    assert is_mod11_valid(r["nhs_number"]) and re.fullmatch(r"\d{4}-\d\d-\d\d", r["date_of_birth"])
    for s in r["spans"]:
        if s["label"] == "nhs_number":
            assert is_mod11_valid(re.sub(r"\D", "", r["note"][s["start"]:s["end"]]))
        if s["label"] == "nhs_number" and s["own"]:
            assert re.sub(r"\D", "", r["note"][s["start"]:s["end"]]) == r["nhs_number"]
        if s["label"] == "postcode" and s["own"]:
            assert re.sub(r"\s", "", r["note"][s["start"]:s["end"]]).upper() == r["postcode"].replace(" ", "")
    # no unlabelled valid 10-digit NHS-like run outside spans
    masked = list(r["note"])
    for s in r["spans"]:
        masked[s["start"]:s["end"]] = " " * (s["end"] - s["start"])
    masked = "".join(masked)
    for m in re.finditer(r"(?<!\d)\d{10}(?!\d)", masked):
        assert not is_mod11_valid(m.group()), (m.group(), r["note"])
    assert f"{r['forename']} {r['surname']}" not in masked, r["note"]
print("notes spans OK:", len(notes), "rows")
