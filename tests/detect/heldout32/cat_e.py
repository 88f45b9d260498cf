"""Category e: headerless and coded headers."""

import string

from . import pools
from . import values as v


def field_23(rng):
    if rng.random() < 0.05:
        return None
    n = v.nhs_number(rng)
    sep = rng.choice([" ", " ", " ", "\u00a0", "\u2009", "\u200b"])
    s = f"{n[:3]}{sep}{n[3:6]}{sep}{n[6:]}"
    return s + "\t" if rng.random() < 0.05 else s


def unnamed_4(rng):
    if rng.random() < 0.08:
        return None
    f, s = v.name(rng)
    return rng.choice([f"{f} {s}", f"{f} {s}", f"{s} {f}".upper(), f"{f}  {s} "])


def pid_5(rng):
    f, s = v.name(rng)
    mid = rng.choice(["", "", "", rng.choice(pools.FORENAMES).upper()])
    title = rng.choice(["MR", "MRS", "MS", "MISS", "", "DR"])
    return f"{s.upper()}^{f.upper()}^{mid}^^{title}"


def pid_3(rng):
    h = v.hospital_number(rng)
    n = v.nhs_number(rng)
    auth = rng.choice(["RX1", "FIFE", "T01", "GGC"])
    if rng.random() < 0.5:
        return f"{h}^^^{auth}^MR"
    return f"{h}^^^{auth}^MR~{n}^^^NHS^NH"


def f0012(rng):
    if rng.random() < 0.15:
        return None
    num = v.phone_digits(rng, 0.5)
    return rng.choice([num, v.phone_pretty(num), "+44" + num[1:], v.phone_pretty(num) + " (h)"])


def attr_7731(rng):
    if rng.random() < 0.1:
        return None
    u = v.uprn(rng)
    return u.zfill(12) if rng.random() < 0.4 else u


def v12(rng):
    if rng.random() < 0.12:
        return None
    ni = v.ni_number(rng)
    return ni.lower() if rng.random() < 0.3 else ni


def pt_adr_cat(rng):
    if rng.random() < 0.05:
        return None
    parts = v.address_parts(rng)
    while len(parts) < 5:
        parts.insert(-1, "")
    return "|".join(parts).upper() if rng.random() < 0.3 else "|".join(parts)


def unnamed_11(rng):
    if rng.random() < 0.06:
        return None
    return v.postcode(rng)


def c_0009(rng):
    if rng.random() < 0.02:
        return None
    d = v.dob(rng)
    return d.strftime("%d-%b-%Y").upper() if rng.random() < 0.6 else d.isoformat()


def unnamed_9(rng):
    r = rng.random()
    if r < 0.4:
        return rng.choice("ABCDEFGHJKLMNPWY") + "".join(rng.choice(string.digits) for _ in range(5))
    if r < 0.7:
        return rng.choice(["S", "W"]) + "".join(rng.choice(string.digits) for _ in range(5))
    return rng.choice(["RX1", "T01", "N50", "S08", "7A1", "SV"]) + rng.choice(
        ["", "01", "0A", "B2"]
    )


def _snomed(rng, length):
    while True:
        body = str(rng.randint(1, 9)) + "".join(
            rng.choice(string.digits) for _ in range(length - 4)
        )
        body += rng.choice(["00", "10"])
        sid = body + v.verhoeff_digit(body)
        if length != 10 or not v.mod11_valid(sid):
            return sid


def field_41(rng):
    return _snomed(rng, rng.choice([8, 9, 9, 10, 10, 10, 15, 16]))


def col_3(rng):
    tok = "".join(rng.choice(string.ascii_lowercase) for _ in range(10))
    tok = f"{tok[:3]}-{tok[3:7]}-{tok[7:]}"
    return rng.choice(
        [
            f"https://video.example.net/join/{tok}",
            f"https://nearme.example/room/{tok}?lang=cy",
            f"video.example.net/j/{v.mod11_fail(rng, '8')}",
        ]
    )


def unnamed_15(rng):
    r = rng.random()
    if r < 0.3:
        return f"SpO2 {rng.randint(86, 100)}% HR {rng.randint(48, 130)}"
    if r < 0.55:
        return f"{rng.randint(95, 185)}/{rng.randint(55, 110)} mmHg"
    if r < 0.8:
        return f"{round(rng.uniform(45, 140), 1)} kg"
    return f"Temp {round(rng.uniform(35.5, 39.4), 1)}C"
