"""Fictional places and institutions a researcher would publish: places composed from the
parts real place names use ("Cedar Falls", "Maple Grove", "Stonebridge", "North Elmwood"),
institutions that keep their kind ("St. Brendan's Church", "Lakeside Regional Hospital").
People are drawn in deid/people.py.

Every drawing function is pure: it takes an `rng` (random.Random) and `taken(candidate)`,
which says that a candidate may not be used (already someone's pseudonym, or holding a real
word of the study), and returns a name, or None when its pool has nothing left.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence

from deid import entity as ent
from deid import lexicon, names, words

Taken = Callable[[str], bool]

# ------------------------------------------------------------------ places: the parts
# first elements: ordinary English words of landscape, trees, animals, colours (not words
# mostly met as first names, such as "Holly" or "Heather")
ROOTS = (
    "Ash", "Oak", "Elm", "Cedar", "Maple", "Pine", "Birch", "Willow", "Alder", "Thorn", "Briar",
    "Clover", "Linden", "Aspen", "Poplar", "Juniper", "Cypress", "Chestnut", "Walnut", "Hickory",
    "Sycamore", "Spruce", "Larch", "Yew", "Beech", "Hawthorn", "Bramble", "Moss", "Reed", "Rush",
    "Sedge", "Heath", "Fox", "Deer", "Hart", "Wolf", "Bear", "Eagle", "Hawk", "Crow", "Swan",
    "Lark", "Heron", "Falcon", "Otter", "Beaver", "Elk", "Stone", "Rock", "Clay", "Sand", "Flint",
    "Iron", "Silver", "Copper", "Red", "Green", "Black", "White", "Gray", "Blue", "Fair",
    "Bright", "Clear", "Still", "Spring", "Winter", "Mill", "Brook", "River", "Lake", "Vale",
    "Meadow", "Orchard", "Harvest", "Pebble", "Granite", "Marble", "Salt", "Cotton", "Wheat",
    "Barley", "Apple", "Plum", "High", "Long", "Broad", "Cold", "Sun", "Moon", "Star", "Ridge",
    "Hill", "Elder", "Bell", "Kings", "Queens", "Castle", "Cross", "Mead", "Cove", "Bay",
    "Pond", "Fen", "Moor", "Hollow", "Shady", "Windy", "Thistle", "Acorn", "Beacon", "Crane",
    "Badger")
# endings of one-word names ("Ash" + "ford")
ENDINGS = ("ford", "field", "wood", "dale", "brook", "bridge", "ton", "bury", "ville", "view", "ridge",
           "port", "haven", "wick", "stead", "mere", "mont", "crest", "gate", "side", "land", "hurst",
           "well", "water", "vale", "moor", "hill", "worth", "combe", "cliff", "leigh")
SECONDS, PREFIXES = lexicon.PLACE_SECONDS, lexicon.PLACE_PREFIXES
# (the four points of the compass alone come before a two-word name: "North Cedar Falls")
# "St. Brendan's Church", "St. Jerome" (for "St. Louis")
SAINTS = ("Brendan", "Jude", "Agnes", "Bridget", "Columba", "Aidan", "Cuthbert", "Hilda", "Dunstan",
          "Swithin", "Oswald", "Ambrose", "Boniface", "Clement", "Cecilia", "Barnabas", "Bartholomew",
          "Benedict", "Bernard", "Dominic", "Gabriel", "Ignatius", "Jerome", "Lawrence", "Monica",
          "Raphael", "Sebastian", "Teresa", "Vincent", "Helena", "Augustine", "Clare", "Edmund",
          "Giles", "Hugh", "Kieran", "Leonard", "Mungo", "Ninian", "Olaf", "Anselm", "Aloysius",
          "Bede", "Benedicta", "Bonaventure", "Casimir", "Catherine", "Chad", "Cyril", "Damian",
          "Drogo", "Elmo", "Felix", "Finbar", "Florian", "Gertrude", "Hubert", "Isidore", "Jarlath",
          "Kilian", "Lucy", "Malachy", "Margaret", "Martin", "Methodius", "Nicholas", "Oliver",
          "Pius", "Rita", "Scholastica", "Simon", "Stanislaus", "Thaddeus", "Ursula", "Wilfrid")
# words that say what kind of institution or place is named, kept as they are written:
# "Ohio State University" -> "Northfield State University"
DESCRIPTORS = {
    "state", "county", "national", "public", "royal", "technical", "children's", "women's",
    "veterans", "baptist", "methodist", "lutheran", "presbyterian", "catholic", "episcopal",
    "evangelical", "orthodox", "pentecostal", "unitarian", "adventist", "congregational",
    "reformed", "christian", "islamic", "jewish", "muslim", "hindu", "buddhist", "saint",
    "police", "fire", "care", "home", "rehabilitation", "sciences", "primary", "secondary",
    "junior", "senior", "elementary", "district", "municipal", "federal", "city", "parish",
    "union", "mutual", "cooperative", "co-op", "bank", "credit", "trust", "savings", "insurance",
    "press", "news", "radio", "society", "association", "league", "orchestra", "choir", "band",
    "team", "airport", "zoo", "club", "family",
    # whom a service is for, said between its name and its kind ("Ngadlu Aboriginal Health
    # Service", later "Ngadlu"): the name alone is the same body
    "aboriginal", "indigenous", "islander", "youth", "migrant", "refugee", "multicultural", "ethnic",
    # "and" in other languages ("Mesa, Saldaña y Dueñas")
    "y", "et", "und", "og", "och", "ve"}


# lower-case particles of a person's name, kept as they are ("João da Silva", "Ludwig van Dijk")
PARTICLES = frozenset(lexicon.PLACE_GROUPS[1]) | {"bin", "ibn", "al", "el", "ben", "y", "e", "ap", "ab"} | \
    frozenset(lexicon.GAELIC_PARTICLES)


@lru_cache(maxsize=4)
def kind_groups(kind: str) -> dict[str, list[str]]:
    """Words of a kind that a pseudonym swaps for a like one, lower case and without a full
    stop -> the words like it ("street" -> Street, Avenue, Road...)."""
    groups = [list(lexicon.STREET_TYPES), list(lexicon.STREET_ABBREVIATIONS), list(lexicon.UNIT_TYPES),
              list(lexicon.BOX_TYPES)] + (
        list(lexicon.KIND_GROUPS) + [list(lexicon.BUSINESS_SUFFIXES)] if kind == "institution" else list(lexicon.PLACE_GROUPS))
    out: dict[str, list[str]] = {}
    for group in groups:
        for g in group:
            out.setdefault(g.rstrip(".").lower(), list(group))
    return out


def without_kind(name: str) -> str:
    """A name without the words of a kind at its end: "Prairie Rose Adult Day" -> "Prairie
    Rose"; "" when nothing is left."""
    ws = name.split()
    while ws and norm(ws[-1]) in kind_words():
        ws.pop()
    return " ".join(ws)


def kind_words() -> frozenset[str]:
    """Words that name a kind, not a place or a person: a pseudonym may share them with the
    real name ("Hospital", "State", "Street", "LLC")."""
    return _kind_words()


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    # (not "Park" or "Mills" of "Oak Park", "Mills River": they can be surnames)
    out = {norm(w) for w in lexicon.GENERIC_WORDS | DESCRIPTORS | lexicon.STREET_WORDS}
    phrases = list(lexicon.INSTITUTION_KINDS) + list(lexicon.INSTITUTION_PREFIXES) + list(lexicon.STREET_TYPES) \
        + list(lexicon.STREET_ABBREVIATIONS) + list(lexicon.UNIT_TYPES) + list(lexicon.BOX_TYPES) \
        + list(lexicon.BUSINESS_SUFFIXES) + [w for g in list(lexicon.KIND_GROUPS) + list(lexicon.PLACE_GROUPS) for w in g]
    for phrase in phrases:
        out.update(norm(w) for w in phrase.split())
    return frozenset(out - {""})


@lru_cache(maxsize=1)
def kept_words() -> frozenset[str]:
    """Words a pseudonym may keep from the real name as they are written: generic ones
    ("Hospital", "University", "of"). Other words of a kind are swapped for a like kind
    ("Memorial" -> "Regional") or made part of the fictional name ("Kansas City" -> "Cedar
    Falls", "Children's Mercy" -> "Elmbrook Mercy"): a kept "City", "State" or
    "Children's" narrows down which one was meant."""
    return frozenset(norm(w) for w in lexicon.GENERIC_WORDS)


@lru_cache(maxsize=1)
def swapped_words() -> frozenset[str]:
    """Words of a kind that a pseudonym swaps for a like one (any kind of name)."""
    return frozenset(kind_groups("institution")) | frozenset(kind_groups("place"))


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Words of a place or institution that are not made part of its fictional name."""
    return kept_words() | swapped_words()


def names_a_kind(word: str) -> bool:
    """A noun that says what kind of place or institution ("Hospital", "Street", "Inc"),
    not a function word ("of", "and")."""
    return bool(word) and norm(word) in kind_words() and not ent.is_stop_word(word)


def norm(word: str) -> str:
    """A word as compared with the key: lower case, no possessive, no final full stop."""
    return ent.POSSESSIVE.sub("", word.lower().replace("’", "'")).strip(".-")


SIMPLE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@lru_cache(maxsize=200_000)
def words_of(text: str) -> frozenset[str]:
    """The words of `text` as compared with the key; a hyphenated word also by its parts."""
    if SIMPLE.fullmatch(text):  # most candidates: plain words
        return frozenset(text.lower().split())
    out = set()
    for t in ent.tokens(text):
        w = norm(t)
        out.add(w)
        out.update(p for p in w.split("-") if p)
    out.discard("")
    return frozenset(out)


# ------------------------------------------------------------------ places: composition
def _plain(word: str) -> bool:
    """An ordinary English word (or its plural: "Kings"): no part of a place name is a surname."""
    w = word.lower()
    return w in words.dictionary() or w.endswith("s") and w[:-1] in words.dictionary()


def _joins(root: str, ending: str) -> bool:
    """Root and ending read as one word: no letter doubled at the join ("Brookkton"), no
    part twice ("Brookbrook"), at most four consonants in a row, not too long."""
    r, e = root.lower(), ending.lower()
    if r[-1] == e[0] or e in r or r in e or len(r) > 7 or len(r) + len(e) > 11:
        return False
    run = re.search(r"[^aeiouy]*$", r).group() + re.match(r"[^aeiouy]*", e).group()
    return len(run) <= 4


def has_name(name: str) -> bool:
    """Whether a word of `name` is a first name or surname of any list ("Reed Creek")."""
    given, family = names.first_names(), names.last_names()
    return any(w in given or w in family for w in name.split())


def _reads_as_person(words: Sequence[str]) -> bool:
    """A place name made only of names ("Stone Hill" holds two surnames) reads as a person."""
    given, family = names.first_names(), names.last_names()
    return all(w in given or w in family for w in words)


@lru_cache(maxsize=1)
def compounds() -> tuple[str, ...]:
    """One-word place names ("Cedarbrook", "Stonebridge"): not a surname or first name of
    any country, not a common word or a well-known place (too frequent in English)."""
    out = set()
    for root in roots():
        for ending in ENDINGS:
            name = root + ending
            if _joins(root, ending) and not _reads_as_person([name]) and words.frequency(name) < 3.0 \
                    and name.lower() not in words.dictionary():
                out.add(name)
    return tuple(sorted(out))


@lru_cache(maxsize=8)
def shape(kind: str) -> tuple[str, ...]:
    """Every place name of one shape: "compound" (Cedarbrook), "root_second" (Cedar Falls),
    "prefix_compound" (North Elmwood), "compound_second" (Elmwood Heights),
    "prefix_root_second" (North Cedar Falls); none made only of names ("Stone Hill")."""
    is_name = set(names.first_names()) | set(names.last_names())
    firsts = {"compound": [(c,) for c in compounds()], "root_second": [(r,) for r in roots()],
              "prefix_compound": [(p, c) for p in PREFIXES for c in compounds() if p.lower() not in c.lower()],
              "compound_second": [(c,) for c in compounds()[::3]],  # a third of them: plenty
              "prefix_root_second": [(p, r) for p in PREFIXES[:4] for r in roots()]}[kind]
    seconds = () if kind in ("compound", "prefix_compound") else SECONDS
    out = []
    for head in firsts:
        if not seconds:
            out.append(head)
            continue
        for second in seconds:
            stem = second.lower().rstrip("s")
            if stem not in head[-1].lower() and head[-1].lower() not in second.lower():
                out.append(head + (second,))
    return tuple(sorted(" ".join(n) for n in out if not all(w in is_name for w in n)))


# which shapes a name of n words is drawn from, most likely first (weights)
# (a name for two words or more has no compass word: each of its words stands for a real one,
# and "North" alone is no place)
SHAPES = {
    1: (("compound", 40), ("root_second", 20), ("prefix_compound", 20), ("compound_second", 10),
        ("prefix_root_second", 10)),
    2: (("root_second", 60), ("compound_second", 40)),
}


def is_place(name: str) -> bool:
    """Whether the pools make this name (a place, a street name, a saint)."""
    w = name.split()
    shapes = _part_sets().get(len(w), [])
    return any(all(x in part for x, part in zip(w, parts)) for parts in shapes) and (
        len(w) == 1 or not _reads_as_person(w))


@lru_cache(maxsize=1)
def _part_sets() -> dict[int, list[tuple[frozenset, ...]]]:
    """The parts of each shape of place name, by its number of words."""
    compound, root, second = frozenset(compounds()), frozenset(roots()), frozenset(SECONDS)
    return {1: [(compound,), (root,), (frozenset(SAINTS),)],
            2: [(root, second), (frozenset(PREFIXES), compound), (compound, second)],
            3: [(frozenset(PREFIXES[:4]), root, second)]}


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every word the place pools use ("Rapids", "Cedar", "Elmwood", "Brendan")."""
    return frozenset(compounds()) | frozenset(roots()) | frozenset(SECONDS) | frozenset(PREFIXES) | frozenset(SAINTS)


@lru_cache(maxsize=1)
def roots() -> tuple[str, ...]:
    return tuple(r for r in dict.fromkeys(ROOTS) if _plain(r))


@lru_cache(maxsize=1)
def _kind_ends() -> frozenset[str]:
    return frozenset(norm(k.split()[-1]) for k in list(lexicon.INSTITUTION_KINDS) + [w for g in list(lexicon.KIND_GROUPS) for w in g])


def kind_of(name: str) -> str:
    """What kind of institution a name says, by its last word of a kind: "hospital" for
    "Mercy General Hospital", "medicine" for "Feinberg School of Medicine"; "" if none."""
    return next((w for w in reversed([norm(t) for t in ent.tokens(name)]) if w in _kind_ends()), "")


def draw(rng, taken: Taken, *tiers: Sequence[str], skip: Taken | None = None, memo: dict | None = None,
         tries: int = 40, scan: int = 3000) -> str | None:
    """A random candidate of the first tier that has one left: not `taken` (for good, as
    the key only grows) nor to `skip` (for this draw). With `memo` (a dict kept by the
    caller) each tier's candidates found taken are dropped for later draws; without it a
    crowded tier is searched from a random place on, `scan` candidates at most."""
    for pool in tiers:
        if not pool:
            continue
        if memo is not None:
            if memo.get(id(pool), (None,))[0] is not pool:
                memo[id(pool)] = (pool, list(pool))
            c = _from_left(rng, taken, skip, memo[id(pool)][1], tries * 10)
        else:
            c = _from_pool(rng, lambda c: taken(c) or bool(skip and skip(c)), pool, tries, scan)
        if c:
            return c
    return None


def _from_pool(rng, taken: Taken, pool: Sequence[str], tries: int, scan: int) -> str | None:
    for _ in range(tries):
        c = rng.choice(pool)
        if not taken(c):
            return c
    start = rng.randrange(len(pool))
    return next((c for i in range(min(scan, len(pool))) if not taken(c := pool[(start + i) % len(pool)])), None)


def _from_left(rng, taken: Taken, skip: Taken | None, left: list[str], tries: int) -> str | None:
    """A random candidate of `left`, which loses each one found taken (swapped with the last)."""
    for _ in range(tries):
        if not left:
            return None
        i = rng.randrange(len(left))
        c = left[i]
        if taken(c):
            left[i] = left[-1]
            left.pop()
        elif not (skip and skip(c)):
            return c
    return None


def place(rng, taken: Taken, words: int = 1, memo: dict | None = None, skip: Taken | None = None) -> str | None:
    """A fictional place name: for one word any shape, for more a two-word one (or None);
    none `skip` refuses, for this draw only."""
    order = SHAPES[max(1, min(words, 2))]
    first = rng.choices([s for s, _ in order], weights=[w for _, w in order])[0]
    for s in [first] + [s for s, _ in order if s != first]:  # built when first needed: some are large
        name = draw(rng, taken, shape(s), skip=skip, memo=memo)
        if name:
            return name
    return None


def single(rng, taken: Taken, memo: dict | None = None) -> str | None:
    """A one-word name, for a street ("Cedar" Street, "Elmwood" Avenue) or before a word of
    a kind of place ("Elmwood" Park, "Lake" "Cedarbrook")."""
    plain = _plain_roots()
    if rng.random() < 0.6:
        return draw(rng, taken, plain, compounds(), memo=memo)
    return draw(rng, taken, compounds(), plain, memo=memo)


@lru_cache(maxsize=1)
def _plain_roots() -> tuple[str, ...]:
    """Roots that are no one's name ("Cedar", not "Reed"): a name of their own."""
    return tuple(r for r in roots() if not has_name(r))


def saint(rng, taken: Taken, memo: dict | None = None) -> str | None:
    return draw(rng, taken, SAINTS, memo=memo)


def own(taken: Taken, names: Sequence[str]) -> str | None:
    """The first of the study's own fictional names (configuration) still free."""
    return next((n for n in names if not taken(n)), None)
