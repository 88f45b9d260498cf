"""Category h (hard names) and s (staff names)."""

from . import pools
from . import values as v


def _col(rng, rows, blank, make):
    return [None if rng.random() < blank else make(rng) for _ in range(rows)]


WORDY_FORENAMES = [
    "Hope",
    "Faith",
    "Summer",
    "Rose",
    "Ivy",
    "Pearl",
    "June",
    "April",
    "Joy",
    "Dawn",
    "Will",
    "Mark",
    "Bill",
    "Guy",
    "Rob",
    "Frank",
    "Jack",
    "Sunny",
    "Earl",
    "Drew",
    "Amber",
    "Saffron",
    "Precious",
    "Blessing",
    "Rowan",
    "Ash",
]
WORDY_SURNAMES = [
    "Lamb",
    "Bird",
    "Baker",
    "Church",
    "Field",
    "Wood",
    "Hill",
    "Rice",
    "Moon",
    "Bacon",
    "Green",
    "Gold",
    "Marsh",
    "Stone",
    "Brook",
    "Winter",
    "Frost",
    "Fox",
    "Swan",
    "Bell",
    "Cook",
    "Mason",
    "Carter",
    "Sellers",
]
PARTICLE_SURNAMES = [
    "da Silva",
    "dos Santos",
    "van der Berg",
    "de la Cruz",
    "D'Souza",
    "O'Neill",
    "O'Sullivan",
    "ap Rhys",
    "ab Owen",
    "St John",
    "Le Roux",
    "du Plessis",
    "von Essen",
    "Ó Briain",
    "Al-Harbi",
    "El-Sayed",
    "MacIlleMhìcheil",
]
WELSH_F = [
    "Gwenllian",
    "Angharad",
    "Eirlys",
    "Siân",
    "Ffion",
    "Catrin",
    "Lowri",
    "Eluned",
    "Nia",
    "Mererid",
    "Heledd",
    "Rhiannon",
]
WELSH_M = [
    "Dafydd",
    "Iwan",
    "Rhodri",
    "Huw",
    "Emrys",
    "Glyn",
    "Siôn",
    "Gruffudd",
    "Ieuan",
    "Llŷr",
    "Cai",
    "Tomos",
]
WELSH_S = [
    "Llewelyn",
    "ap Rhys",
    "Huws",
    "Pritchard",
    "Prydderch",
    "ab Owen",
    "Jenkins",
    "Parri",
    "Bowen",
    "Gruffydd",
    "Vaughan",
    "Lloyd",
    "Rhys",
    "Cadwaladr",
]
GAELIC_F = ["Mairead", "Iseabail", "Ealasaid", "Catrìona", "Peigi", "Seonag", "Màiri", "Oighrig"]
GAELIC_M = ["Seumas", "Ruaridh", "Calum", "Dòmhnall", "Tormod", "Aonghas", "Iain", "Coinneach"]
GAELIC_S_F = ["NicDhòmhnaill", "NicLeòid", "NicAoidh", "Nic an t-Saoir", "NicIlleMhìcheil"]
GAELIC_S_M = ["MacDhòmhnaill", "MacLeòid", "MacAoidh", "Mac an t-Saoir", "MacIlleMhìcheil"]
POLISH_F = ["Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Ewa", "Jadwiga", "Bożena", "Grażyna"]
POLISH_M = ["Grzegorz", "Krzysztof", "Piotr", "Tomasz", "Wojciech", "Jędrzej", "Łukasz", "Paweł"]
POLISH_S = [
    ("Wiśniewska", "Wiśniewski"),
    ("Wójcik", "Wójcik"),
    ("Zielińska", "Zieliński"),
    ("Brzęczyszczykiewicz", "Brzęczyszczykiewicz"),
    ("Kowalczyk", "Kowalczyk"),
    ("Szczepańska", "Szczepański"),
    ("Nowak", "Nowak"),
    ("Dąbrowska", "Dąbrowski"),
]
PUNJABI_F = ["Gurpreet", "Harjit", "Manjit", "Simran", "Jaspreet", "Kulwant", "Balbir", "Amarjit"]
PUNJABI_M = ["Gurdeep", "Harpreet", "Jaswinder", "Sukhdev", "Balwinder", "Kuldip", "Paramjit"]
PUNJABI_S = ["Sandhu", "Dhillon", "Gill", "Grewal", "Bains", "Sidhu", "Sangha", "Johal", "Virdi"]
MONONYMS = [
    "Wahyudi",
    "Suharti",
    "Nurhayati",
    "Gul",
    "Sukarni",
    "Mulyono",
    "Aung",
    "Sawitri",
    "Ratnasari",
    "Zarmina",
]
DOUBLE = [
    "Ashworth-Bryce",
    "Okonkwo-Smith",
    "Pryce-Jones",
    "Lloyd-Evans",
    "Begum-Rahman",
    "Fairweather-Hale",
    "Singh-Dhillon",
    "Wójcik-Moore",
    "Nguyen-Tran",
    "Baxter Hughes",
    "Vaughan Williams",
    "Llewelyn-Bowen",
    "Mensah-Boateng",
]
EAST_ASIAN = [
    ("CHAN", ["Tai Man", "Siu Ling", "Wing Yee"]),
    ("NGUYEN", ["Thi Lan", "Van Minh", "Duc"]),
    ("ZHANG", ["Wei", "Xiu Ying", "Hao"]),
    ("NG", ["Ka Ho", "Mei"]),
    ("O", ["Ji-woo", "Min-ji"]),
    ("LY", ["Hoa", "Kim"]),
    ("KIM", ["Joon-ho", "Soo-ah"]),
    ("TRAN", ["Thi Hoa", "Quang"]),
    ("LI", ["Na", "Jun"]),
]


def forename(rng, rows):
    def make(r):
        f = r.choice(WORDY_FORENAMES) if r.random() < 0.45 else r.choice(pools.FORENAMES)
        return r.choice([f, f, f.upper(), f.lower(), f" {f}"])

    return _col(rng, rows, 0.02, make)


def surname(rng, rows):
    def make(r):
        x = r.random()
        s = (
            r.choice(WORDY_SURNAMES)
            if x < 0.4
            else r.choice(PARTICLE_SURNAMES)
            if x < 0.7
            else r.choice(pools.SURNAMES)
        )
        return r.choice([s, s, s.upper(), s.lower()])

    return _col(rng, rows, 0.02, make)


def patient_full_name(rng, rows):
    def make(r):
        f = r.choice(pools.FORENAMES)
        s = r.choice(PARTICLE_SURNAMES) if r.random() < 0.5 else r.choice(pools.SURNAMES)
        mid = f" {r.choice(pools.FORENAMES)}" if r.random() < 0.3 else ""
        return f"{f}{mid} {s}".upper()

    return _col(rng, rows, 0.02, make)


def deceased_name(rng, rows):
    def make(r):
        f, s = v.person(r)
        mid = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{s.upper()}, {f} {mid}",
                f"{s.upper()}, {f}",
                f"{s.upper()} {f} {mid} (Baby of)"
                if r.random() < 0.05
                else f"{s.upper()}, {f} {mid[0]}.",
            ]
        )

    return _col(rng, rows, 0.01, make)


def name(rng, rows):
    def make(r):
        x = r.random()
        if x < 0.45:
            m = r.choice(MONONYMS)
            return r.choice([m, m.upper(), f"{m} FNU", f"FNU {m}"])
        if x < 0.75:
            a = r.choice(["Mohammed", "Abdullah", "Khalid", "Faisal", "Omar", "Yusuf"])
            b = r.choice(["Abdullah", "Saleh", "Hamad", "Nasser", "Ibrahim"])
            c = r.choice(["Al-Harbi", "Al-Qahtani", "Al-Mansoori", "El-Sayed", "Al-Amin"])
            return r.choice(
                [
                    f"{a} bin {b} {c}",
                    f"{a} {b} {c}",
                    f"{a} ibn {b} ibn {r.choice(['Ali', 'Hassan'])} {c}",
                ]
            )
        f, s = v.person(r)
        return f"{f} {s}"

    return _col(rng, rows, 0.02, make)


def nm_init(rng, rows):
    def make(r):
        f, s = v.person(r)
        g = r.choice(pools.FORENAMES)
        return r.choice(
            [
                f"{f[0]}.{g[0]}. {s}",
                f"{f[0]} {g[0]} {s.upper()}",
                f"{f[0]}{g[0]} {s.upper()}",
                f"{s}, {f[0]}.",
                f"{s.upper()} {f[0]}{g[0]}",
                f"{f[0]}. {s}",
            ]
        )

    return _col(rng, rows, 0.03, make)


def enw_claf(rng, rows):
    def make(r):
        f = r.choice(WELSH_F + WELSH_M)
        s = r.choice(WELSH_S)
        if r.random() < 0.15:
            return f"{f} {r.choice(WELSH_F + WELSH_M)} {s}"
        return f"{f} {s}"

    return _col(rng, rows, 0.03, make)


def ainm(rng, rows):
    def make(r):
        if r.random() < 0.5:
            return f"{r.choice(GAELIC_F)} {r.choice(GAELIC_S_F)}"
        return f"{r.choice(GAELIC_M)} {r.choice(GAELIC_S_M)}"

    return _col(rng, rows, 0.03, make)


def imie_nazwisko(rng, rows):
    def make(r):
        fem, masc = r.choice(POLISH_S)
        val = f"{r.choice(POLISH_F)} {fem}" if r.random() < 0.5 else f"{r.choice(POLISH_M)} {masc}"
        return val.upper() if r.random() < 0.15 else val

    return _col(rng, rows, 0.03, make)


def mareez_da_naam(rng, rows):
    def make(r):
        if r.random() < 0.5:
            f, mid = r.choice(PUNJABI_F), "Kaur"
        else:
            f, mid = r.choice(PUNJABI_M), "Singh"
        s = r.choice(PUNJABI_S)
        return r.choice([f"{f} {mid} {s}", f"{f} {mid}", f"{f} {s}", f"{f.upper()} {mid.upper()}"])

    return _col(rng, rows, 0.03, make)


def family_name(rng, rows):
    def make(r):
        s = r.choice(DOUBLE)
        return r.choice([s, s.upper(), s])

    return _col(rng, rows, 0.03, make)


def given_names(rng, rows):
    def make(r):
        fam, givens = r.choice(EAST_ASIAN)
        g = r.choice(givens)
        return r.choice([f"{fam} {g}", f"{fam} {g}", f"{fam.title()} {g}", f"{fam}, {g}"])

    return _col(rng, rows, 0.03, make)


# --- staff -----------------------------------------------------------------


def porter_name(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [f"{f} {s}", f"{f} (porter)", f"{f} {s[0]}", f"{s.upper()} {f}", f"{f} - nights"]
        )

    return _col(rng, rows, 0.05, make)


def requesting_clinician(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [
                f"Dr {f[0]}. {s}, Consultant Physician",
                f"Mr {s} FRCS",
                f"Dr {f} {s} MRCP",
                f"{s}, {f} (ST4)",
                f"Ms {f} {s} FRCS(Plast)",
                f"Dr {s.upper()}",
                f"{f} {s}, ANP",
                f"Prof {f[0]} {s} PhD FRCP",
            ]
        )

    return _col(rng, rows, 0.04, make)


def photographer(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice(
            [
                f"{f[0]}. {s} (Med Photog)",
                f"{f[0]} {s}",
                f"{f} {s} - Clinical Photographer",
                f"{s.upper()} {f[0]}",
            ]
        )

    return _col(rng, rows, 0.08, make)


def property_witnessed_by(rng, rows):
    grades = ["SN", "RN", "HCA", "CSW", "Sister", "NA", "Staff Nurse", "Charge Nurse"]

    def sig(r):
        f, s = v.person(r)
        return r.choice(
            [f"{r.choice(grades)} {f[0]} {s}", f"{r.choice(grades)} {f} {s}", f"{f[0]}.{s}"]
        )

    return _col(rng, rows, 0.1, lambda r: f"{sig(r)} {r.choice(['/', '&', '+', ' / '])} {sig(r)}")


def switchboard_operator(rng, rows):
    def make(r):
        f = r.choice(pools.FORENAMES)
        return r.choice([f, f"Operator: {f}", f.upper(), f"{f} (nights)"])

    return _col(rng, rows, 0.02, make)


def volunteer_visitor(rng, rows):
    def make(r):
        f, s = v.person(r)
        return r.choice([f"{f} {s}", f"{f} {s} (vol.)", f"{s}, {f}", f"{f} {s} - befriender"])

    return _col(rng, rows, 0.15, make)
