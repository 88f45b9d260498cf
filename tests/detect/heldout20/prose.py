"""Helper for free-text columns: prose rows, a chosen minority carrying an identifier."""


def prose_column(rng, rows, base, hit_templates, make_id, rate, blank_rate=0.06, fills=None):
    """Return (values, hits) where hits maps row -> identifier text placed in that row."""
    k = round(rows * rate)
    hit_rows = set(rng.sample(range(rows), k))
    values, hits = [], {}
    for i in range(rows):
        extra = fills(rng) if fills else {}
        if i in hit_rows:
            ident = make_id(rng)
            text = rng.choice(hit_templates).format(id=ident, **extra)
            if rng.random() < 0.3:
                text = (
                    rng.choice(base).format(**extra) + rng.choice([" ", "\n", " | ", ". "]) + text
                )
            hits[i] = ident
            values.append(text)
        elif rng.random() < blank_rate:
            values.append(None)
        else:
            text = rng.choice(base).format(**extra)
            if rng.random() < 0.25:
                text = text + rng.choice([" ", "\n", "  "]) + rng.choice(base).format(**extra)
            if rng.random() < 0.1:
                text = rng.choice([" ", "", "\t"]) + text + rng.choice(["  ", " ", ""])
            values.append(text)
    return values, hits
