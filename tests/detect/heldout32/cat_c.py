"""Category c: name columns with annotations and many blanks."""

from . import pools
from . import values as v


def _full(rng):
    f, s = v.name(rng)
    r = rng.random()
    if r < 0.15:
        return f"{rng.choice(['Mrs', 'Mr', 'Ms', 'Miss', 'Mx'])} {f} {s}"
    if r < 0.25:
        return f"{rng.choice(['Mrs', 'Mr', 'Ms'])} {f[0]}. {s}"
    if r < 0.32:
        return f"{f} {s}".upper()
    return f"{f} {s}"


def _blank(rng, share):
    return rng.random() < share


def next_of_kin(rng):
    if _blank(rng, 0.62):
        return None
    return f"{_full(rng)} ({rng.choice(pools.RELATIONSHIPS)})"


def proxy_account_holder(rng):
    if _blank(rng, 0.82):
        return None
    ver = rng.choice(
        [
            "proxy verified",
            "ID checked",
            "awaiting ID",
            "verified at practice",
            "POA seen",
            "expired",
        ]
    )
    return f"{_full(rng)} [{rng.choice(pools.RELATIONSHIPS)} - {ver}]"


def nominated_contact(rng):
    if _blank(rng, 0.7):
        return None
    lang = rng.choice(
        [
            "",
            "",
            ", speaks Polish",
            ", speaks Urdu only",
            ", BSL user",
            ", hard of hearing",
            ", works nights",
        ]
    )
    f, s = v.name(rng)
    t = rng.choice(["Mrs", "Mr", "Ms", "Dr"])
    return f"{t} {f[0]}. {s} - {rng.choice(pools.RELATIONSHIPS)}{lang}"


def carer_forename(rng):
    if _blank(rng, 0.66):
        return None
    f = rng.choice(pools.FORENAMES)
    r = rng.random()
    if r < 0.6:
        return f"{f} ({rng.choice(pools.RELATIONSHIPS)})"
    if r < 0.8:
        return f"{f} - {rng.choice(pools.RELATIONSHIPS)}, lives with pt"
    return f


def surname_if_different(rng):
    if _blank(rng, 0.85):
        return None
    s = rng.choice(pools.SURNAMES)
    return rng.choice(
        [
            f"{s} (maiden)",
            f"née {s}",
            f"prev. {s}",
            f"{s} - previous married name",
            f"{s} (uses on portal)",
            s,
        ]
    )


def kit_recipient(rng):
    if _blank(rng, 0.78):
        return None
    return rng.choice(
        [
            f"{_full(rng)} c/o neighbour",
            f"signed {_full(rng)}",
            f"{_full(rng)} ({rng.choice(pools.RELATIONSHIPS)}) signed",
            f"{_full(rng)} - carer, key safe",
        ]
    )


def video_joiner_display_name(rng):
    if _blank(rng, 0.72):
        return None
    f, s = v.name(rng)
    rel = rng.choice(["dad", "mum", "gran", "my husband", "my wife", "brother"])
    return rng.choice(
        [
            f"{f} {s} - joining for {rel}",
            f"{f} {s[0]} (for {rel})",
            f"{f} {s}'s iPad",
            f"{f} {s}",
            f"{f.lower()} {s.lower()} (daughter)",
        ]
    )


def dsr_requester_name(rng):
    if _blank(rng, 0.8):
        return None
    rel = rng.choice(["mother", "father", "late husband", "son (POA)", "client"])
    return rng.choice(
        [
            f"{_full(rng)} on behalf of {rel}",
            f"{_full(rng)} (solicitor, on behalf of {rel})",
            f"{_full(rng)} - self",
            f"{_full(rng)} [welfare guardian]",
        ]
    )


def alias_names(rng):
    if _blank(rng, 0.86):
        return None
    f, s = v.name(rng)
    f2 = rng.choice(pools.NICKNAMES)
    s2 = rng.choice(pools.SURNAMES)
    return rng.choice(
        [
            f"AKA {f2} {s}; prev. {f} {s2}",
            f"{f} {s2} (previous)",
            f"known as {f2} {s}",
            f"{f} {s} / {f2} {s}",
        ]
    )


def emergency_contact_2(rng):
    r = rng.random()
    if r < 0.6:
        return None
    if r < 0.66:
        return rng.choice(["N/K", "declined", "none given", "see NOK", "?"])
    return rng.choice(
        [
            f"{_full(rng)} ({rng.choice(pools.RELATIONSHIPS)}) ??",
            f"{_full(rng)} - {rng.choice(pools.RELATIONSHIPS)}",
            f"{_full(rng)}",
        ]
    )


def enw_perthynas(rng):
    if _blank(rng, 0.7):
        return None
    return rng.choice(
        [
            f"{_full(rng)} ({rng.choice(pools.WELSH_REL)})",
            f"{_full(rng)} - {rng.choice(pools.WELSH_REL)}",
        ]
    )


def ciad_ainm(rng):
    if _blank(rng, 0.55):
        return None
    f = rng.choice(pools.FORENAMES)
    nick = f[:3] if len(f) > 4 else rng.choice(pools.NICKNAMES)
    return rng.choice([f"{f} (prefers {nick})", f, f"{f} ?spelling", f.upper()])


def relationship_note(rng):
    if _blank(rng, 0.7):
        return None
    rel = rng.choice(pools.RELATIONSHIPS)
    return rng.choice(
        [
            f"({rel})",
            f"[{rel} - proxy verified]",
            f"{rel}, speaks Polish",
            f"{rel} - lives with pt",
            f"c/o {rel}",
            f"{rel} ??",
            f"on behalf of {rel}",
            "N/K",
            f"{rel} (POA seen)",
        ]
    )
