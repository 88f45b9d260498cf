"""Category g: look-alikes that identify nobody."""

from . import pools
from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


def asset_tag(rng, rows):
    return _col(
        rng,
        rows,
        0.02,
        lambda r: r.choice(
            [
                f"EST-{r.randint(0, 99999):06d}",
                f"EST{r.randint(0, 99999):06d}",
                f"MED/{r.randint(1000, 9999)}/{r.choice('ABC')}",
            ]
        ),
    )


def product_name(rng, rows):
    return _col(rng, rows, 0.02, lambda r: r.choice(pools.BRAND_PRODUCTS))


def drug_name(rng, rows):
    return _col(rng, rows, 0.05, lambda r: r.choice(pools.DRUGS))


def building(rng, rows):
    return _col(rng, rows, 0.02, lambda r: r.choice(pools.BENEFACTORS))


def radio_request_song(rng, rows):
    def make(r):
        s = r.choice(pools.SONG_NAMES)
        return r.choice([s, s, s.upper(), f"{s} (again!)"])

    return _col(rng, rows, 0.1, make)


def site_name(rng, rows):
    return _col(rng, rows, 0.01, lambda r: r.choice(pools.SITES))


def supplier(rng, rows):
    return _col(rng, rows, 0.02, lambda r: r.choice(pools.SUPPLIERS))


def fridge_serial(rng, rows):
    def make(r):
        t = v.failing_ten(r, r.choice(["4", "7"]))
        return f"{t[:3]} {t[3:6]} {t[6:]}"

    return _col(rng, rows, 0.02, make)


def tv_unit_mac(rng, rows):
    def make(r):
        octets = ["00", "1A", "2B"] + [f"{r.randint(0, 255):02X}" for _ in range(3)]
        sep = r.choice([":", "-"])
        return sep.join(octets)

    return _col(rng, rows, 0.01, make)


def catchment_district(rng, rows):
    def make(r):
        area = r.choice(pools.TOWNS)[1]
        return f"{area}{r.randint(1, 29)}"

    return _col(rng, rows, 0.01, make)


def equipment_model(rng, rows):
    return _col(rng, rows, 0.02, lambda r: r.choice(pools.EQUIPMENT))


def hsdu_tray_id(rng, rows):
    specs = ["ORTHO-MAJ", "GEN-LAP", "GYN-MIN", "ENT-TONS", "OPH-CAT", "MAXFAC", "URO-CYSTO"]
    return _col(rng, rows, 0.01, lambda r: f"TRAY {r.choice(specs)}-{r.randint(1, 60):03d}")


def organism(rng, rows):
    def make(r):
        o = r.choice(pools.ORGANISMS)
        genus, species = o.split(" ")
        return r.choice(
            [o, f"{genus[0]}. {species}", o.upper(), f"{o} (MRSA)" if "aureus" in o else o]
        )

    return _col(rng, rows, 0.3, make)


def linen_batch_code(rng, rows):
    def make(r):
        d = v.date_of_birth(r, 2023, 2024)
        return r.choice(
            [
                f"LB-{d.isoformat()}-{r.randint(1, 200):04d}",
                f"LB{d.strftime('%d%m%y')}{r.randint(1, 99):02d}",
            ]
        )

    return _col(rng, rows, 0.02, make)
