"""Category g: look-alikes that identify nobody."""

from . import pools
from . import values as v


def _col(rng, rows, maker, blank=0.04, noise=0.05):
    return [None if rng.random() < blank else v.noise(rng, maker(rng), noise) for _ in range(rows)]


def _pool(pool, blank=0.04):
    def gen(rng, rows):
        def one(r):
            x = r.choice(pool)
            y = r.random()
            if y < 0.1:
                return x.upper()
            if y < 0.15:
                return x.lower()
            return x

        return _col(rng, rows, one, blank)

    return gen


drug_name = _pool(pools.DRUGS)
product_name = _pool(pools.PRODUCTS)
organisation = _pool(pools.ORGANISATIONS)
bus_route = _pool(pools.BUS_ROUTES)
ward_name = _pool(pools.WARDS)
food_business_name = _pool(pools.FOOD_BUSINESSES)
hymn_or_reading = _pool(pools.HYMNS, 0.2)
place_name = _pool(pools.SURNAME_TOWNS)


def claim_ref(rng, rows):
    def one(r):
        yy = r.randint(15, 25)
        return r.choice(
            [
                f"M{yy}CT{r.randint(100, 999)}/{r.randint(1, 99):03d}",
                f"M{yy}CL{r.randint(1000, 9999)}",
                f"EL{yy}/{r.randint(10000, 99999)}",
                f"PES-{yy}-{r.randint(100, 999)}",
            ]
        )

    return _col(rng, rows, one)


def appliance_callsign(rng, rows):
    def one(r):
        return r.choice(
            [
                f"{r.choice('ABCDEFGHJKLMNPRSTW')}{r.randint(10, 99)}P{r.randint(1, 3)}",
                f"Alpha {r.randint(1, 30)}",
                f"Bravo {r.randint(1, 30)}",
                f"{r.choice('ABCDEF')}{r.randint(10, 99)}{r.choice(['ALP', 'WRL', 'RSU', 'HP'])}",
            ]
        )

    return _col(rng, rows, one)


def asset_serial(rng, rows):
    def one(r):
        s = v.nhs_invalid(r, "3456789")
        return r.choice([s, f"{s[:3]} {s[3:6]} {s[6:]}", f"SN{s}", f"SN {s}"])

    return _col(rng, rows, one)


def school_urn(rng, rows):
    return _col(rng, rows, lambda r: str(r.randint(100000, 149999)), 0.03, 0.0)


def benefit_claim_code(rng, rows):
    return _col(
        rng, rows, lambda r: v.ni_invalid(r) if r.random() < 0.8 else v.ni_spaced(v.ni_invalid(r))
    )


def lab_batch_id(rng, rows):
    def one(r):
        c = v.chi_invalid(r)
        return r.choice([c, f"{c[:6]} {c[6:]}", f"{c[:6]}-{c[6:]}"])

    return _col(rng, rows, one)
