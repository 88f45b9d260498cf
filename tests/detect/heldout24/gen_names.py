"""Name columns: category c (annotated, sparse), h (hard names) and s (staff)."""

from . import pools
from . import values as v


def _sparse(rng, rows, make, p_blank):
    return [None if rng.random() < p_blank else make(rng) for _ in range(rows)]


def _case(rng, s):
    x = rng.random()
    if x < 0.1:
        return s.upper()
    if x < 0.15:
        return s.lower()
    if x < 0.22:
        return "  " + s
    if x < 0.28:
        return s + " "
    return s


def _fn(rng):
    f, s = v.full_name(rng)
    return f"{f} {s}"


# --- c ---------------------------------------------------------------------


def joint_liable_party(rng, rows):
    def make(r):
        return _case(r, f"{_fn(r)} ({r.choice(pools.RELATIONSHIPS)})")

    return _sparse(rng, rows, make, 0.72)


def other_adults_resident(rng, rows):
    notes = [
        "moved out {d}",
        "lodger",
        "student - exempt",
        "SMI disregard",
        "left UK?",
        "in prison",
        "care leaver",
        "visiting only per client",
        "pays board £40",
    ]

    def make(r):
        d = v.recent_date(r).strftime("%m/%y")
        return _case(r, f"{_fn(r)} - {r.choice(notes).format(d=d)}")

    return _sparse(rng, rows, make, 0.66)


def spd_occupant_declared(rng, rows):
    notes = [
        "(per credit ref)",
        "- denies living here",
        "(boyfriend?)",
        "- on electoral roll",
        "(from {d})",
        "- confirmed by VO",
        "*check*",
    ]

    def make(r):
        d = v.recent_date(r).strftime("%d/%m/%Y")
        return _case(r, f"{_fn(r)} {r.choice(notes).format(d=d)}")

    return _sparse(rng, rows, make, 0.8)


def appellant_representative(rng, rows):
    roles = [
        "POA",
        "daughter",
        "son, LPA",
        "Citizens Advice",
        "welfare rights",
        "solicitor",
        "friend",
        "appointee",
    ]

    def make(r):
        f, s = v.full_name(r)
        t = r.choice(pools.TITLES)
        name = f"{t} {f[0]} {s}" if r.random() < 0.4 else f"{t} {f} {s}"
        return _case(r, f"{name} ({r.choice(roles)})")

    return _sparse(rng, rows, make, 0.74)


def nok_forename(rng, rows):
    def make(r):
        return _case(r, f"{v.forename(r)} ({r.choice(pools.RELATIONSHIPS)})")

    return _sparse(rng, rows, make, 0.6)


def debtor_surname(rng, rows):
    def make(r):
        s = v.surname(r).upper()
        x = r.random()
        if x < 0.3:
            return f"{s} (nee {v.surname(r)})"
        if x < 0.45:
            return f"{s} - aka {v.surname(r).upper()}"
        return _case(r, s)

    return _sparse(rng, rows, make, 0.55)


def tuo_deceased_name(rng, rows):
    def make(r):
        d = v.recent_date(r).strftime(r.choice(["%d/%m", "%d/%m/%Y", "%d.%m.%y"]))
        tail = r.choice([" - DECEASED {d}", " (dec'd {d})", " RIP {d}", " - estate of", " (late)"])
        return _case(r, _fn(r) + tail.format(d=d))

    return _sparse(rng, rows, make, 0.85)


def licence_holder_partner(rng, rows):
    notes = ["also trades", "named driver", "not on licence", "assists Sat only", "DBS seen"]

    def make(r):
        prefix = r.choice(["Partner: ", "", "p/ship - ", ""])
        return _case(r, f"{prefix}{_fn(r)} ({r.choice(notes)})")

    return _sparse(rng, rows, make, 0.78)


def household_relationship(rng, rows):
    extras = ["(18+)", "- moved out", "x2", "(temporary)", "- name not given", "?", ""]

    def make(r):
        return _case(r, f"{r.choice(pools.RELATIONSHIPS)} {r.choice(extras)}".strip())

    return _sparse(rng, rows, make, 0.62)


def enw_perthynas(rng, rows):
    rel_cy = ["gwraig", "gŵr", "mab", "merch", "mam", "tad", "brawd", "chwaer", "partner"]

    def make(r):
        f, s = r.choice(pools.WELSH_NAMES) if r.random() < 0.6 else v.full_name(r)
        return _case(r, f"{f} {s} ({r.choice(rel_cy)})")

    return _sparse(rng, rows, make, 0.7)


def appointee_name(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        pre = r.choice(["appointee: ", "Appointee - ", "", "DWP appointee "])
        post = r.choice([" (son)", " tel to follow", " (corporate appointee?)", "", " - BF3 seen"])
        return _case(r, f"{pre}{r.choice(pools.TITLES)} {f} {s}{post}")

    return _sparse(rng, rows, make, 0.83)


def children_in_household(rng, rows):
    def make(r):
        k = r.choice([1, 1, 2, 2, 3])
        return ", ".join(f"{v.forename(r)} ({r.randint(0, 17)})" for _ in range(k))

    return _sparse(rng, rows, make, 0.58)


def previous_surname(rng, rows):
    def make(r):
        s = v.surname(r)
        return _case(
            r, r.choice(["(nee) {s}", "maiden name {s}", "{s}", "prev. {s} - divorced"]).format(s=s)
        )

    return _sparse(rng, rows, make, 0.76)


def wspollokatorzy(rng, rows):
    notes = ["(współlokator)", "(brat)", "- wyprowadził się", "(najemca)", "(siostra)"]

    def make(r):
        f = r.choice(["Piotr", "Agnieszka", "Tomasz", "Katarzyna", "Grzegorz", "Ewa", "Marek"])
        s = r.choice(pools.POLISH_SURNAMES) if r.random() < 0.7 else v.surname(r)
        return _case(r, f"{f} {s} {r.choice(notes)}")

    return _sparse(rng, rows, make, 0.8)


# --- h ---------------------------------------------------------------------


def claimant_name(rng, rows):
    return _sparse(rng, rows, lambda r: _case(r, _fn(r)), 0.01)


def first_name(rng, rows):
    return _sparse(rng, rows, lambda r: _case(r, r.choice(pools.WORD_FORENAMES)), 0.02)


def last_name(rng, rows):
    return _sparse(rng, rows, lambda r: _case(r, r.choice(pools.WORD_SURNAMES)), 0.02)


def applicant(rng, rows):
    def make(r):
        return r.choice(pools.MONONYMS) if r.random() < 0.55 else _fn(r)

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.02)


def tenant_name(rng, rows):
    def make(r):
        f = v.forename(r)
        a, b = v.surname(r), v.surname(r)
        return f"{f} {a}-{b}" if a != b else f"{f} {a}"

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.02)


def respondent_name(rng, rows):
    def make(r):
        f, s = r.choice(pools.PARTICLE_NAMES)
        return f"{f} {s}" if r.random() < 0.85 else f"{s}, {f}"

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.02)


def name_upper(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        mid = f" {v.forename(r).upper()}" if r.random() < 0.3 else ""
        return f"{s.upper()}, {f.upper()}{mid}".ljust(r.choice([0, 30]))

    return _sparse(rng, rows, make, 0.01)


def signatory(rng, rows):
    posts = ["", "", " MBE", " FCA", " LLB", " (Solicitor)", " CPFA", " BSc"]

    def make(r):
        f, s = v.full_name(r)
        f2 = v.forename(r)
        form = r.choice(["{a}.{b}. {s}", "{a} {b} {s}", "{t} {a}. {s}", "{a}.{s}", "{s} {a}{b}"])
        txt = form.format(a=f[0], b=f2[0], s=s, t=r.choice(pools.TITLES))
        return txt + r.choice(posts)

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.03)


def enw_llawn(rng, rows):
    def make(r):
        f, s = r.choice(pools.WELSH_NAMES)
        return f"{f} {s}"

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.02)


def ainm(rng, rows):
    def make(r):
        f, s = r.choice(pools.GAELIC_NAMES)
        return f"{f} {s}"

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.02)


def nazwisko(rng, rows):
    return _sparse(rng, rows, lambda r: _case(r, r.choice(pools.POLISH_SURNAMES)), 0.02)


def naam(rng, rows):
    def make(r):
        f, s = r.choice(pools.PUNJABI_NAMES)
        return f"{f} {s}"

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.02)


def payee_name(rng, rows):
    def make(r):
        s, g = r.choice(pools.EAST_ASIAN)
        x = r.random()
        if x < 0.5:
            return f"{s} {g}"
        if x < 0.8:
            return f"{g} {s.title()}"
        return f"{s.title()}, {g}"

    return _sparse(rng, rows, make, 0.02)


def account_holder(rng, rows):
    accented = [n for n in pools.FORENAMES + pools.SURNAMES if any(ord(ch) > 127 for ch in n)]

    def make(r):
        if r.random() < 0.7:
            f = r.choice([n for n in accented if n in pools.FORENAMES] or pools.FORENAMES)
            s = r.choice([n for n in accented if n in pools.SURNAMES])
            if r.random() < 0.5:
                f = v.forename(r)
            return v.mojibake(f"{f} {s}") if r.random() < 0.8 else f"{f} {s}"
        return _fn(r)

    return _sparse(rng, rows, make, 0.02)


# --- s ---------------------------------------------------------------------


def assessing_officer(rng, rows):
    def make(r):
        return f"{_fn(r)} ({r.choice(pools.JOB_TITLES)})" if r.random() < 0.5 else _fn(r)

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.05)


def enforcement_agent(rng, rows):
    def make(r):
        cert = f"EA cert {r.randint(1000, 99999)}"
        return r.choice([f"{_fn(r)} ({cert})", f"{cert} - {_fn(r)}", _fn(r)])

    return _sparse(rng, rows, make, 0.15)


def tribunal_judge(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice(
            [
                f"Judge {f[0]}. {s}",
                f"Tribunal Judge {f} {s}",
                f"{f} {s} (member)",
                f"Mr {s} (chair)",
                f"Ms {f} {s} FRICS",
            ]
        )

    return _sparse(rng, rows, make, 0.1)


def licensing_officer_first(rng, rows):
    return _sparse(rng, rows, lambda r: _case(r, v.forename(r)), 0.05)


def debt_adviser(rng, rows):
    def make(r):
        return r.choice([f"Adviser: {_fn(r)}", f"{_fn(r)} (Money Adviser)", _fn(r)])

    return _sparse(rng, rows, make, 0.05)


def signed_off_by(rng, rows):
    def make(r):
        f, s = v.full_name(r)
        return r.choice(
            [f"{f[0]}. {s}, Team Leader", f"{f[0]} {s}", f"{s} {f[0]}", f"{f} {s} - Revs Manager"]
        )

    return _sparse(rng, rows, lambda r: _case(r, make(r)), 0.2)
