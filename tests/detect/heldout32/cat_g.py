"""Category g: look-alikes that identify nobody."""

from . import pools
from . import values as v


def device_model(rng):
    m = rng.choice(pools.DEVICE_MODELS)
    return rng.choice([m, m.upper(), f"{m} (refurb)", f"{m} rev {rng.choice('ABC')}"])


def courier_depot(rng):
    t = rng.choice(pools.TOWNS)
    return rng.choice([f"{t} Depot", f"{t} Hub", f"{t.upper()} DC", f"{t} Sortation Centre"])


def drug_name(rng):
    return rng.choice(pools.DRUGS)


def gp_practice_name(rng):
    s = rng.choice(
        [
            "Ashworth",
            "Hendry",
            "Lomond",
            "Craigentinny",
            "Penrhos",
            "Llys Meddyg",
            "Riverside",
            "Bridge Street",
            "Whitesands",
            "Jubilee",
            "Blackhall",
            "Hayfield",
            "Kinghorn",
            "Dr Gray's",
            "Barnton & Cramond",
        ]
    )
    return rng.choice(
        [
            f"The {s} Practice",
            f"{s} Medical Centre",
            f"{s} Surgery",
            f"{s} Health Centre",
            f"Canolfan Iechyd {s}",
        ]
    )


def parcel_locker_bay(rng):
    area = rng.choice(["KY", "EH", "G", "FK", "DD", "PA"])
    return rng.choice(
        [
            f"{area}{rng.randint(1, 16)} {rng.randint(0, 9)}{rng.choice('ABDEFGHJ')}",
            f"{area}{rng.randint(1, 16)}-{rng.randint(10, 99)}",
            f"L{rng.randint(1, 40)} {rng.choice(['TOP', 'MID', 'LOW'])}",
            f"{area}{rng.randint(1, 16)} BAY {rng.randint(1, 60)}",
        ]
    )


def sms_sender_id(rng):
    return rng.choice(
        [
            "NHSFife",
            "NHSAppt",
            "GGCHealth",
            "NoReply",
            "RemoteMon",
            "NearMe",
            "NHSinform",
            str(rng.choice([60060, 88440, 81400, 70707])),
            "BIPBIP",
            "HywelDda",
            "BCUHB-Appt",
        ]
    )


def software_version(rng):
    return rng.choice(
        [
            f"v{rng.randint(1, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
            f"{rng.randint(1, 5)}.{rng.randint(0, 99)}.{rng.randint(1000, 9999)}"
            + f"-build.{rng.randint(1, 999)}",
            f"10.0.{rng.randint(17000, 22631)}",
            f"iOS {rng.randint(15, 17)}.{rng.randint(0, 6)}",
            f"Android {rng.randint(10, 14)} (API {rng.randint(29, 34)})",
        ]
    )


def error_code(rng):
    return rng.choice(
        [
            f"ERR-{rng.randint(1000, 9999)}",
            f"HTTP {rng.choice([400, 401, 403, 404, 429, 500, 502, 503])}",
            f"SMPP 0x{rng.randint(0, 255):08X}",
            f"E{rng.randint(10, 99)}:{rng.randint(100, 999)}",
            "TIMEOUT",
            "MESH-ERR 12",
            f"ORA-{rng.randint(1000, 20000):05d}",
        ]
    )


def access_point(rng):
    site = rng.choice(["VHK", "QMH", "SJH", "RIE", "WGH", "NWH", "YG", "GCH"])
    return rng.choice(
        [
            f"AP-{site}-W{rng.randint(1, 32)}-{rng.randint(1, 6):02d}",
            f"{site}-L{rng.randint(0, 6)}-{rng.choice(['EAST', 'WEST', 'NORTH', 'SOUTH'])}",
            f"{site.lower()}-ap{rng.randint(100, 999)}",
        ]
    )


def organisation(rng):
    return rng.choice(pools.ORGANISATIONS)


def snomed_term(rng):
    t = rng.choice(pools.EPONYMOUS_TERMS)
    return t.lower() if rng.random() < 0.15 else t


def street_name(rng):
    base = rng.choice(pools.STREET_PEOPLE + pools.STREET_PLAIN)
    return f"{base} {rng.choice(pools.STREET_TYPES)}"


def dq_measure_name(rng):
    return rng.choice(
        [
            "Completeness: NHS number",
            "Validity: postcode",
            "Validity: date of birth",
            "Uniqueness: CHI",
            "Timeliness: SMS bounce file",
            "Consistency: surname vs PDS",
            "Completeness: telephone (mobile)",
            "Validity: email format",
            "Conformance: UPRN",
            "Accuracy: address vs PAF",
            "Completeness: NI number (where applicable)",
        ]
    ) + rng.choice(["", "", f" ({round(rng.uniform(80, 100), 1)}%)"])


def kit_barcode(rng):
    return v.gtin13(rng)
