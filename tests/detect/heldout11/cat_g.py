"""Category g: look-alikes that identify nobody."""

from . import pools
from . import values as v


def _col(rng, rows, make, p_blank=0.04):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def bad_ni_shape(r) -> str:
    """NI-shaped string that breaks an NI rule (prefix or suffix)."""
    while True:
        mode = r.randint(0, 3)
        a, b = r.choice(v.LETTERS), r.choice(v.LETTERS)
        suffix = r.choice("ABCD")
        if mode == 0:
            a = r.choice("DFIQUV")
        elif mode == 1:
            b = r.choice("DFIQUVO")
        elif mode == 2:
            a, b = r.choice(sorted(v.NI_BAD_PAIRS))
        else:
            suffix = r.choice("EFGHJKLMNPRSTWXYZ")
        s = f"{a}{b}{r.randint(0, 999999):06d}{suffix}"
        if not v.ni_valid(s):
            return s


def lot_number(rng, rows):
    def make(r):
        s = bad_ni_shape(r)
        return r.choice([s, f"LOT {s}", s, s.lower()])

    return _col(rng, rows, make)


def drug_name(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.DRUGS))


def ward_name(rng, rows):
    def make(r):
        w = r.choice(pools.WARDS_EPONYM)
        return r.choice([w, w.upper(), f"{w} ({r.choice(pools.HOSPITALS)})"])

    return _col(rng, rows, make)


def equipment_serial(rng, rows):
    def make(r):
        return r.choice(
            [
                f"WCH-{r.randint(0, 99):02d}-{r.randint(0, 9999999):07d}",
                f"ICES/BED/{r.randint(0, 999999):06d}",
                f"SN: {r.randint(1, 9)}{r.choice('FKRTX')}{r.randint(10, 99)}-"
                f"{r.randint(10, 99)}-{r.randint(0, 9999):04d}",
                f"HOIST{r.randint(1000, 9999)}-{r.choice('ABC')}",
                f"RECYC {r.randint(2018, 2025)}/{r.randint(1, 99999):05d}",
            ]
        )

    return _col(rng, rows, make)


def gp_practice(rng, rows):
    def make(r):
        s = v.surname(r)
        return r.choice(
            [
                f"Dr {s} & Partners",
                f"The {r.choice(['Willows', 'Limes', 'Elms', 'Beeches'])} Surgery",
                f"{r.choice(pools.STREET_STEMS)} Medical Practice",
                f"Dr {s}'s Practice",
                f"{r.choice(pools.TOWNS)} Health Centre",
                f"Meddygfa {r.choice(pools.WELSH_SUR)}",
                f"{s} and {v.surname(r)} Medical Group",
            ]
        )

    return _col(rng, rows, make)


def os_grid_ref(rng, rows):
    def make(r):
        sq = r.choice(["SE", "SK", "ST", "SU", "NT", "NS", "SH", "SJ", "NH", "NB", "TQ"])
        k = r.choice([2, 3, 4, 5])
        e, n = r.randint(0, 10**k - 1), r.randint(0, 10**k - 1)
        return r.choice([f"{sq} {e:0{k}d} {n:0{k}d}", f"{sq}{e:0{k}d}{n:0{k}d}"])

    return _col(rng, rows, make)


def _isbn13(r) -> str:
    body = "978" + "".join(str(r.randint(0, 9)) for _ in range(9))
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _isbn10(r) -> str:
    body = "".join(str(r.randint(0, 9)) for _ in range(9))
    total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True))
    c = (11 - total % 11) % 11
    return body + ("X" if c == 10 else str(c))


def isbn(rng, rows):
    def make(r):
        if r.random() < 0.6:
            i = _isbn13(r)
            return r.choice([i, f"{i[:3]}-{i[3]}-{i[4:8]}-{i[8:12]}-{i[12]}", f"ISBN {i}"])
        i = _isbn10(r)
        return r.choice([f"{i[0]}-{i[1:4]}-{i[4:9]}-{i[9]}", f"ISBN {i}", f"ISBN-10: {i}"])

    return _col(rng, rows, make)


def street_name(rng, rows):
    def make(r):
        s = v.street(r)
        return r.choice([s, s.upper(), f"{s} (odd nos)", f"{s}, {r.choice(pools.TOWNS)}"])

    return _col(rng, rows, make)


def venue(rng, rows):
    return _col(
        rng,
        rows,
        lambda r: r.choice(
            [
                "St Mary's Church Hall",
                "Jubilee Library",
                "Nye Bevan House",
                "Wesley Methodist Centre",
                "Gurdwara Sahib community room",
                "Tesco Extra car park",
                "Canolfan Hamdden",
                "Halla a' Bhaile",
                "Mary Seacole Centre",
                "Royal British Legion Club",
                "Victoria Leisure Centre",
                "Al-Noor Mosque hall",
                "Community Room, Elgin Court",
            ]
        ),
    )


def ods_code(rng, rows):
    def make(r):
        return r.choice(
            [
                f"R{r.choice('XTRHNW')}{r.choice('123456789ADKQ')}",
                f"{r.choice('ABCDEFGHJKLMNP')}{r.randint(81000, 89999)}",
                f"Y{r.randint(0, 9999):05d}",
                f"{r.randint(0, 9)}{r.choice('ABCDEFGHJ')}{r.randint(1, 9)}",
            ]
        )

    return _col(rng, rows, make)


def snomed_ct(rng, rows):
    def make(r):
        x = r.random()
        if x < 0.6:
            return str(r.randint(100000, 999999999))
        if x < 0.8:
            return v.bad_mod11(r)
        return str(r.randint(10**15, 10**18 - 1))

    return _col(rng, rows, make)


def eponymous_condition(rng, rows):
    return _col(rng, rows, lambda r: r.choice(pools.EPONYMOUS))


def bleep(rng, rows):
    def make(r):
        n = r.randint(1000, 9999)
        return r.choice([str(n), f"Bleep {n}", f"#{n}", f"bp {n}", f"{n} (on-call)"])

    return _col(rng, rows, make, 0.1)


def ukprn(rng, rows):
    return _col(rng, rows, lambda r: f"100{r.randint(0, 99999):05d}")
