"""Pseudonyms a researcher would publish (issue 14): draws pseudonyms for a study of 5,000
people, 2,000 places and 2,000 institutions and prints

- the share drawn from natural pools (target 100%): a person's words are names of Faker's
  lists, a place's or institution's words are pool words, words of a kind, or the real
  name's own numbers (a house number may carry a letter: 6b) and kind words changed;
  nothing with a number added;
- gender agreement on first names with a clear gender (target >= 99%), and how many
  ambiguous first names got an ambiguous one;
- collisions of a pseudonym with a real string of the key: equal, a word of it, or the same
  but for case (target 0), and duplicates: two entities, or two real words, with one
  pseudonym (target 0);
- Mc/Mac/O' in the wrong case, surnames inside place and institution names (target 0);
- with --origin keep, how often the pseudonym's first name comes from the lists of the
  culture the real one was drawn from;
- twenty samples of each kind.

Real-looking inputs: people from Faker's Latin-script locales (gendered first names, some
with a title, an initial or a nickname as a second form), places from Faker's city and street
providers and a list of real town names, institutions from Faker's company provider and
patterns real names follow ("St. Mary's Hospital", "Ohio State University").
The baseline is the issue's own targets; the study is one batch (`veil deid` reserves the
batch's names before it links them); --runs N spreads it over N runs.

    .venv/bin/python bench/pseudonyms.py [--origin any|keep] [--runs 1] [--seed 14]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faker import Faker  # noqa: E402

from deid import entity as ent  # noqa: E402
from deid import names, pools  # noqa: E402
from deid import people as P  # noqa: E402
from deid.pseudonym import Pseudonyms, gender_of  # noqa: E402

LOCALES = ["en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "en_KE", "en_NG", "en_PK", "es_ES", "es_MX", "es_CO",
           "pt_BR", "pt_PT", "fr_FR", "fr_CA", "de_DE", "de_AT", "it_IT", "nl_NL", "da_DK", "no_NO", "sv_SE",
           "fi_FI", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "tr_TR", "id_ID", "vi_VN",
           "yo_NG", "zu_ZA", "tw_GH", "lt_LT", "lv_LV", "et_EE", "az_AZ", "uz_UZ", "sw"]
TOWNS = """Oak Park, Evanston, Skokie, Cedar Rapids, Springfield, Ashford, Maple Grove, Cedar Falls, Fairview,
Riverside, Georgetown, Salem, Franklin, Clinton, Madison, Arlington, Bristol, Dover, Milton, Newport, Oxford,
Burlington, Manchester, Jackson, Greenville, Kingston, Lexington, Marion, Ashland, Auburn, Winchester, Brookfield,
Glen Ellyn, Highland Park, Palo Alto, Ann Arbor, Boulder, Ithaca, Bloomington, Champaign, Durham, Chapel Hill,
Lake Forest, Park Ridge, Des Plaines, Oak Lawn, Wheaton, Naperville, Joliet, Elgin, Aurora, Peoria, Rockford,
Stratford-upon-Avon, Milton Keynes, Kettering, Harrogate, Bury St Edmunds, Tunbridge Wells, Hebden Bridge,
Stonebridge, Westbrook, Hillcrest, Midtown, Brooklyn, Queens, the Bronx, Back Bay, South Side, Hyde Park, Pilsen,
Little Village, Wicker Park, Logan Square, Rogers Park, Uptown, Lincoln Park, Old Town, East Village, Harlem,
Silver Spring, Takoma Park, Bethesda, Rockville, Falls Church, Alexandria, Arlington Heights, Schaumburg""".replace("\n", " ")
STATES = ["Ohio", "Michigan", "Iowa", "Oregon", "Kansas", "Georgia", "Florida", "Arizona", "Texas", "Utah", "Missouri"]
SAINTS = ["Mary", "Luke", "Joseph", "Anne", "Vincent", "Francis", "Jude", "Elizabeth", "John", "Michael", "Catherine"]
INSTITUTION_PATTERNS = [
    "University of {state}", "{state} State University", "St. {saint}'s Hospital", "{city} Medical Center",
    "{last} Elementary School", "{last} Memorial Hospital", "{city} Public Library", "First Baptist Church of {city}",
    "{last} & Associates", "{city} Police Department", "{city} Community College", "{last} High School",
    "St. {saint}'s Catholic Church", "{city} General Hospital", "{last} Middle School", "{last}'s Bakery",
    "{city} Children's Hospital", "{last} Family Practice", "{city} Fire Department", "{last} Library",
]
NICKS = [(full, nick) for table in P.NICKNAMES.values() for full, ns in table.items() for nick in ns.split()[:1]]


def fakers(seed: int) -> list[Faker]:
    out = []
    for loc in LOCALES:
        f = Faker(loc)
        f.seed_instance(seed)
        out.append(f)
    return out


def latin(text: str) -> bool:
    """Latin script, and none of Faker's malformed outputs ("Sainte--Vézina", "L' Vincent")."""
    return bool(text) and all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text if c.isalpha()) \
        and not re.search(r"--|\b\w' |^'| '", text)


def people(rng: random.Random, fk: list[Faker], n: int) -> list[dict]:
    """Real-looking people: a full name, its locale, and a second form (first name alone,
    surname with a title, initial and surname, or a nickname)."""
    out = []
    while len(out) < n:
        f = rng.choice(fk[:2] * 10 + fk)  # English names are most of an English-language study
        sex = rng.choice("fm")
        first = (f.first_name_female() if sex == "f" else f.first_name_male()).split()[0]
        if rng.random() < 0.03:  # a full name of the nickname table: its nickname comes up too
            first = rng.choice(NICKS)[0]
        last = f.last_name()
        if not latin(f"{first} {last}") or not first[:1].isupper() or len(first) < 2 \
                or first.lower() in ent.TITLE_WORDS:  # "Dean": veil reads it as a title
            continue
        other = rng.choice([first, f"Dr. {last}", f"{first[0]}. {last}"])
        forms = [(other, "dr" if other.startswith("Dr.") else "")]
        if any(first == full for full, _ in NICKS):
            forms.append((dict(NICKS)[first], ""))
        out.append({"real": f"{first} {last}", "kind": "person", "locale": str(f.locales[0]), "forms": forms})
    return out


def places(rng: random.Random, fk: list[Faker], n: int) -> list[dict]:
    towns = [t.strip() for t in TOWNS.split(",")]
    out, seen = [], set()
    while len(out) < n:
        f = rng.choice(fk)
        r = rng.random()
        real = rng.choice(towns) if r < 0.1 else f.street_address() if r < 0.3 else f.city()
        real = " ".join(real.split())
        if latin(real) and real.lower() not in seen:
            seen.add(real.lower())
            out.append({"real": real, "kind": "place", "forms": []})
    return out


def institutions(rng: random.Random, fk: list[Faker], n: int) -> list[dict]:
    out, seen = [], set()
    while len(out) < n:
        f = rng.choice(fk)
        if rng.random() < 0.5:
            real = f.company()
        else:
            real = rng.choice(INSTITUTION_PATTERNS).format(
                state=rng.choice(STATES), saint=rng.choice(SAINTS), city=f.city().split(",")[0], last=f.last_name())
        real = " ".join(real.split())
        if latin(real) and real.lower() not in seen:
            seen.add(real.lower())
            out.append({"real": real, "kind": "institution", "forms": []})
    return out


def draw(study: list[dict], origin: str, runs: int, seed: int) -> Pseudonyms:
    """Pseudonyms for the study as `veil deid` draws them: each run's names reserved first."""
    ps = Pseudonyms([], seed=seed, origin=origin)
    size = -(-len(study) // runs)
    for start in range(0, len(study), size):
        batch = study[start:start + size]
        ps.reserve(e["real"] for e in batch)
        ps.reserve(f for e in batch for f, _ in e["forms"])
        for e in batch:
            e["known"] = ent.key_of(e["real"]) in ps.map  # a form of another entity: keeps its pseudonym
            e["pseudo"] = ps.pseudonym(e["real"], e["kind"])
            e["pseudo_forms"] = [ps.pseudonym(ent.TITLE_RX.sub("", form), e["kind"], title=title)
                                 for form, title in e["forms"]]
    return ps


def vocabulary() -> tuple[set[str], set[str]]:
    """Lower-case words a natural pseudonym is made of: (person words, place words)."""
    person = {P.fold(n) for n in names.first_names() | names.last_names()}
    for g in P._groups().values():
        person.update(P.fold(n) for n in g.female | g.male | g.first | set(g.last))
    person.update(n.lower() for t in P.NICKNAMES.values() for f, ns in t.items() for n in [f] + ns.split())
    place = {w.lower() for w in pools.place_words()} | set(pools.kind_words())
    return person, place


def natural(e: dict, person_words: set[str], place_words: set[str]) -> bool:
    p, real = e["pseudo"], e["real"]
    if re.search(r"\d", p) and not re.search(r"\d", real):
        return False  # a number added: the fallback when a pool ran out
    if e["kind"] == "person":
        def ok(w: str) -> bool:  # a listed name, an initial, "da", "St" (as in "St-Pierre")
            return P.fold(w) in person_words or bool(re.fullmatch(r"[A-Z]\.", w)) or w in pools.PARTICLES \
                or ent.is_generic(w)
        return all(ok(w) or all(ok(x) for x in w.split("-")) for w in p.split())
    own = {pools.norm(t) for t in ent.tokens(real)}
    for t in ent.tokens(p):
        w = pools.norm(t)
        if w in place_words or w in own or w == "&" or re.fullmatch(r"[\d\-/]+[A-Za-z]?\.?|[A-Z]{1,6}\.?", t):
            continue
        return False
    return True


def surname_suffix(p: str, place_words: set[str]) -> bool:
    """"Kaufmanbrook": a surname with a place ending, the old fallback."""
    last = names.last_names()
    for t in ent.tokens(p):
        w = pools.norm(t)
        if w not in place_words and w.title() not in last and any(w.endswith(s) and w[: -len(s)].title() in last and len(w) - len(s) >= 3
                                        for s in set(pools.ENDINGS) | {"ville", "ton", "view", "port"}):
            return True
    return False


def identifying(word: str) -> bool:
    """A word that can identify: not an initial, a short number (as `veil` searches the key),
    a function word ("as", "no") or a word of a kind ("Hospital", "Street")."""
    return len(word) > 1 and not re.fullmatch(r"[\d\-/.,]{1,4}", word) and not ent.is_stop_word(word) \
        and word not in pools.kind_words() and not ent.is_generic(word)


def collisions(ps: Pseudonyms) -> list[tuple[str, str]]:
    """(real, pseudonym) where the pseudonym equals, holds as a word, or matches but for case
    a real string of the key."""
    real = {w for k in ps.map for w in pools.words_of(k) if identifying(w)}
    return [(k, p) for k, p in ps.map.items() if (pools.words_of(p) & real) or ent.key_of(p) in real]


def duplicates(study: list[dict], ps: Pseudonyms) -> tuple[int, int]:
    """Two entities with one pseudonym; two real first names or surnames with one (not a
    name and its nickname: "Bob" takes "Robert"'s pseudonym where it has no nickname)."""
    by_pseudo: dict[str, set[str]] = {}
    for e in study:
        by_pseudo.setdefault(ent.key_of(e["pseudo"]), set()).add(ent.key_of(e["real"]))
    entities = sum(1 for reals in by_pseudo.values() if len(reals) > 1)
    person_words = {w.lower() for e in study if e["kind"] == "person" for w in e["real"].split()}
    by_word: dict[str, set[str]] = {}
    for k, p in ps.map.items():  # (a word that is also part of a place has a place's word)
        if k in person_words and " " not in p and p not in pools.place_words():
            by_word.setdefault(p.lower(), set()).add(k)

    def family(k: str) -> set[str]:  # a name, its nicknames, and the names that share them
        near = {n.lower() for n in P.full_names(k) + P.nicknames(k)} | {k}
        return near | {n.lower() for m in near for n in P.full_names(m) + P.nicknames(m)}
    words_dups = sum(1 for ks in by_word.values() if len(ks) > 1 and not all(b in family(a) for a in ks for b in ks))
    return entities, words_dups


def group_of(locale: str) -> str:
    return P.GROUP_OF.get(locale) or locale.split("_")[0]


def gender_figures(persons: list[dict]) -> tuple[int, int, int, int]:
    """(clear-gender first names, kept gender, ambiguous first names, given an ambiguous one)."""
    clear = kept = amb = amb_kept = 0
    for e in persons:
        real, pseudo = e["real"].split()[0].split("-")[0], e["pseudo"].split()[0].split("-")[0]
        g = gender_of(real)
        if g:
            clear += 1
            kept += gender_of(pseudo) == g
        elif P.is_ambiguous(real):
            amb += 1
            amb_kept += P.is_ambiguous(pseudo)
    return clear, kept, amb, amb_kept


def origin_figures(persons: list[dict]) -> tuple[int, int]:
    """(people, first-name pseudonyms from the lists of the culture the real name was drawn from)."""
    groups = P._groups()
    hits = 0
    for e in persons:
        g = groups.get(group_of(e["locale"]))
        first = P.fold(e["pseudo"].split()[0])
        hits += bool(g) and any(first in s for s in g.first_by_locale.values())
    return len(persons), hits


def wrong_case(persons: list[dict]) -> list[str]:
    """Pseudonyms with a word the English and Irish lists write otherwise ("Mckenzie" for
    "McKenzie"; Zulu "Mchunu" is right as it is)."""
    english = {n for g in ("us", "en", "ie") for n in P.first_pool(g, None, False) + P.last_pool(g, None, False)}
    lower = {n.lower(): n for n in english}
    return [e["pseudo"] for e in persons
            if any(w.lower() in lower and w not in english and re.match(r"(?:Ma?c|O')", w) for w in re.split(r"[\s-]+", e["pseudo"]))]


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}% ({a}/{b})" if b else "n/a"


def report(study: list[dict], ps: Pseudonyms, origin: str, rng: random.Random) -> None:
    person_words, place_words = vocabulary()
    persons = [e for e in study if e["kind"] == "person"]
    for kind in ("person", "place", "institution"):
        es = [e for e in study if e["kind"] == kind and not e["known"]]
        known = sum(e["known"] for e in study if e["kind"] == kind)
        print(f"natural pools, {kind:11}: {pct(sum(natural(e, person_words, place_words) for e in es), len(es))}"
              f"  (target 100%; {known} already a form of another entity, with its pseudonym, left out)")
    clear, kept, amb, amb_kept = gender_figures(persons)
    print(f"gender kept, clear first names: {pct(kept, clear)}  (target >= 99%)")
    print(f"ambiguous first names given an ambiguous one: {pct(amb_kept, amb)}")
    if origin == "keep":
        print(f"first name from the culture the real one was drawn from: {pct(*reversed(origin_figures(persons)))}")
    col = collisions(ps)
    print(f"collisions with real strings of the key: {len(col)}  (target 0)", col[:5] or "")
    ents, word_dups = duplicates(study, ps)
    print(f"duplicates: {ents} pseudonyms shared by two entities, {word_dups} by two real names' words  (target 0)")
    bad = wrong_case(persons)
    print(f"Mc/O' in the wrong case: {len(bad)}  (target 0)", bad[:5] or "")
    sur = [e["pseudo"] for e in study if e["kind"] != "person" and not e["known"]
           and surname_suffix(e["pseudo"], place_words)]
    print(f"surname + suffix in place and institution names: {len(sur)}  (target 0)", sur[:5] or "")
    for kind in ("person", "place", "institution"):
        print(f"\n20 {kind} samples:")
        for e in rng.sample([e for e in study if e["kind"] == kind], 20):
            extra = "".join(f"; {f} -> {p}" for (f, _), p in zip(e["forms"], e["pseudo_forms"]))
            print(f"  {e['real']} -> {e['pseudo']}{extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--origin", choices=("any", "keep"), default="any")
    ap.add_argument("--runs", type=int, default=1, help="the study de-identified in this many runs")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--people", type=int, default=5000)
    ap.add_argument("--places", type=int, default=2000)
    ap.add_argument("--institutions", type=int, default=2000)
    args = ap.parse_args()
    t0 = time.time()
    rng, fk = random.Random(args.seed), fakers(args.seed)
    study = people(rng, fk, args.people) + places(rng, fk, args.places) + institutions(rng, fk, args.institutions)
    rng.shuffle(study)
    t1 = time.time()
    ps = draw(study, args.origin, max(1, args.runs), args.seed)
    t2 = time.time()
    print(f"study: {args.people} people, {args.places} places, {args.institutions} institutions; origin "
          f"{args.origin}; {args.runs} run(s); {len(ps.map)} key rows")
    report(study, ps, args.origin, rng)
    print(f"\ninputs {t1 - t0:.1f} s, pseudonyms {t2 - t1:.1f} s, checks {time.time() - t2:.1f} s")


if __name__ == "__main__":
    main()
