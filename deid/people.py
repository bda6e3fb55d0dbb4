"""Fictional people a researcher would publish: first names and surnames from Faker's name
lists (gender kept, cultural origin kept on request, Mc/Mac/O' capitals), and nicknames
that follow their full names. Drawing works as in deid/pools.py: pure functions of an
`rng` and a `taken(candidate)` test, None when a pool has nothing left."""
from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from deid import names
from deid.pools import Taken, draw

# name lists of one culture, from Faker's locales (Latin script only)
GROUP_OF = {"en": "en", "en_US": "en", "en_GB": "en", "en_NZ": "en", "en_AU": "en", "en_CA": "en",
            "en_IE": "ie", "ga_IE": "ie", "en_IN": "in", "en_PK": "pk", "en_TH": "th", "en_KE": "ke",
            "sw": "ke", "en_NG": "ng", "ha_NG": "ng", "ig_NG": "ng", "yo_NG": "ng", "tw_GH": "gh",
            "zu_ZA": "za"}
# en_US's lists first (the most familiar names), then all English ones, then any culture's
DEFAULT_TIERS = ("us", "en", "all")
POOLS_ONLY = ("us", "all")  # tiers to draw from, not cultures


@dataclass
class Group:
    """The names of one culture: first names by gender, surnames with a gender where the
    language has one ("Nováková")."""
    female: set[str] = field(default_factory=set)
    male: set[str] = field(default_factory=set)
    first: set[str] = field(default_factory=set)
    last: dict[str, set] = field(default_factory=dict)   # surname -> the genders of lists holding it
    first_by_locale: dict[str, set[str]] = field(default_factory=dict)
    last_by_locale: dict[str, set[str]] = field(default_factory=dict)


_LETTERS = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
LATIN_NAME = re.compile(f"(?=.{{2}})[{_LETTERS}]+(?:[-'’][{_LETTERS}]+)*")
PLAIN_NAME = re.compile(r"(?!Ma?c|[OD]')[A-Z][a-z]+")


def proper_case(name: str, gaelic: bool = True, surname: bool = True) -> str:
    """Capitals where the name has them: "O'connor" -> "O'Connor", "smith-jones" ->
    "Smith-Jones"; in English and Irish names also "Mccoy" -> "McCoy" and, for a surname
    whose rest is an English first name, "Macdonald" -> "MacDonald"; "Macy", "Mace",
    "Mackey", "Macarena" stay as they are, and so do Zulu names such as "Mchunu"."""
    if PLAIN_NAME.fullmatch(name):
        return name
    if name.isupper() or name.islower():
        name = re.sub(r"(^|[-'’ ])(\w)", lambda m: m.group(1) + m.group(2).upper(), name.lower())
    out = []
    for p in name.split("-"):
        p = re.sub(r"^([OD]['’])(\w)", lambda m: m.group(1) + m.group(2).upper(), p)
        m = re.fullmatch(r"Mc([a-z])(\w+)", p) if gaelic else None
        if m:
            p = "Mc" + m.group(1).upper() + m.group(2)
        m = re.fullmatch(r"Mac([a-z]{4,})", p) if gaelic and surname else None
        if m and m.group(1).title() in _english_names():
            p = "Mac" + m.group(1).title()
        out.append(p[:1].upper() + p[1:])
    return "-".join(out)


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    """First names of the English-speaking countries' lists, as written there."""
    out = set()
    for locale in ("en", "en_US", "en_GB", "en_NZ", "en_IE"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_female", "first_names_male"):
            out.update(provider.__dict__.get(attr, ()))
    return frozenset(out)


def _attr_role(attr: str) -> tuple[str, str | None] | None:
    """What a Faker list holds: ("first"|"last", gender or None), or None to skip it."""
    if re.search(r"middle|kana|pairs|without_suffix|nonbinary|unisex_first|_only|common|hinduism|islamic|"
                 r"language", attr):
        return None
    gender = "f" if "female" in attr else "m" if "male" in attr else None
    if re.fullmatch(r"first_(?:romanized_)?names(?:_(?:fe)?male)?(?:_romanized)?", attr):
        return "first", gender
    if re.fullmatch(r"(?:(?:fe)?male_|unisex_)?last_(?:romanized_)?names(?:_(?:fe)?male)?", attr):
        return "last", gender
    return None


@lru_cache(maxsize=1)
def _groups() -> dict[str, Group]:
    import faker.providers.person as person
    lists = []  # (locale, groups it goes to, (first|last, gender), names)
    for m in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        try:
            provider = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        except (ImportError, AttributeError):
            continue
        keys = [GROUP_OF.get(m.name) or m.name.split("_")[0], "all"] + (["us"] if m.name == "en_US" else [])
        for attr, values in sorted(provider.__dict__.items()):
            role = _attr_role(attr) if isinstance(values, (list, tuple, dict)) else None
            if role:
                lists.append((m.name, keys, role, [v for v in dict.fromkeys(values)
                                                   if isinstance(v, str) and LATIN_NAME.fullmatch(v)]))
    # some lists write "Oconnor" for the "O'Connor" of others
    apostrophe = {n.replace("'", "").lower(): n for *_, values in lists for n in values if re.match(r"[OD]'[A-Z]", n)}
    groups: dict[str, Group] = {}
    for locale, keys, role, values in lists:
        names_ = {apostrophe.get(v.lower()) or proper_case(v, keys[0] in ("en", "ie"), role[0] == "last")
                  for v in values}
        folded = {fold(n) for n in names_}
        for key in keys:
            _add(groups.setdefault(key, Group()), locale, role, names_, folded)
    return {k: g for k, g in groups.items() if g.first or g.female or g.male}


def _add(g: Group, locale: str, role: tuple[str, str | None], names_: set[str], folded: set[str]) -> None:
    kind, gender = role
    by_locale = g.first_by_locale if kind == "first" else g.last_by_locale
    by_locale.setdefault(locale, set()).update(folded)
    if kind == "first":
        {"f": g.female, "m": g.male, None: g.first}[gender].update(names_)
        return
    for name in names_:
        g.last.setdefault(name, set()).add(gender)


@lru_cache(maxsize=1)
def _us_gender() -> tuple[frozenset[str], frozenset[str]]:
    from faker.providers.person.en_US import Provider
    return (frozenset(n.lower() for n in Provider.first_names_female),
            frozenset(n.lower() for n in Provider.first_names_male))


@lru_cache(maxsize=200_000)
def gender(first: str) -> str | None:
    """"f" or "m" where the name lists say so clearly (en_US's first, then all countries
    agreeing), else None."""
    female, male = _us_gender()
    f, m = first.lower() in female, first.lower() in male
    if f != m:
        return "f" if f else "m"
    return names.gender(first.title()) or names.gender(first)


@lru_cache(maxsize=200_000)
def is_ambiguous(first: str) -> bool:
    """A first name of either gender in the lists ("Jordan", "Kelly", "Sasha")."""
    female, male = _us_gender()
    both = first.lower() in female and first.lower() in male
    _, _, f_all, m_all = names._lists()
    return gender(first) is None and (both or first.title() in f_all and first.title() in m_all)


@lru_cache(maxsize=300_000)
def fold(name: str) -> str:
    """Lower case without accents: "Müller" and "Muller" (as speech recognition writes it) match."""
    return names.plain(name.lower())


def _grams(name: str) -> list[str]:
    s = f"^{fold(name)}$"
    return [s[i:i + 3] for i in range(len(s) - 2)]


@lru_cache(maxsize=2)
def _trigrams(role: str) -> tuple[dict[str, tuple[Counter, int]], Counter, int]:
    """Letter trigrams of each culture's first names or surnames, and of all of them, to
    tell which culture a name resembles most ("Rossi" is in French lists too, but reads
    Italian)."""
    counts, everything = {}, Counter()
    for name, g in _groups().items():
        if name not in POOLS_ONLY:
            c = Counter(t for n in ((g.female | g.male | g.first) if role == "first" else g.last) for t in _grams(n))
            counts[name] = (c, sum(c.values()))
            everything.update(c)
    return counts, everything, sum(everything.values())


def origin(word: str, role: str) -> tuple[str, ...]:
    """The culture of a name: English where both the US and the UK lists hold it ("John",
    "Helen", "Ali"); else, of the other cultures whose lists hold it, the one whose names it
    resembles most ("Carlos": Spanish, "Rossi": Italian, "Nguyen": Vietnamese); () for a
    name in no list."""
    key, groups = fold(word), _groups()
    by_locale = (lambda g: g.first_by_locale) if role == "first" else (lambda g: g.last_by_locale)
    english = by_locale(groups["en"])
    if key in english.get("en_US", ()) and key in english.get("en_GB", ()):
        return ("en",)
    share = {n: sum(1 / len(s) for s in by_locale(g).values() if key in s)
             for n, g in groups.items() if n not in POOLS_ONLY}
    holders = [n for n, v in share.items() if v and n != "en"] or [n for n, v in share.items() if v]
    if not holders:
        return ()
    counts, everything, size = _trigrams(role)

    def fit(group: str) -> float:
        """How much the name's share of the group's lists and its letters (the group's
        trigram odds, leaning on all groups' where it has few) speak for the group."""
        c, total = counts[group]
        return math.log(share[group]) + sum(
            math.log((c[t] + 50 * (everything[t] + 1) / (size + 1)) / (total + 50)) for t in _grams(word))
    return (max(sorted(holders), key=fit),)


@lru_cache(maxsize=512)
def first_pool(group: str, want: str | None, ascii_only: bool) -> tuple[str, ...]:
    """First names of a culture: "f", "m", "a" (either gender) or None (any clear one)."""
    g = _groups().get(group)
    if g is None:
        return ()
    names_ = g.female | g.male | g.first
    if want == "a":
        out = [n for n in names_ if is_ambiguous(n)]
    else:
        out = [n for n in names_ if gender(n) in (("f", "m") if want is None else (want,))]
    return tuple(sorted(n for n in out if n.isascii() or not ascii_only))


def _tag(genders: set) -> str | None:
    """"f" for a surname only in lists of women's surnames ("Nováková"), "m" likewise, else None."""
    sexed = genders - {None}
    return next(iter(sexed)) if len(sexed) == 1 else None


@lru_cache(maxsize=512)
def last_pool(group: str, tag: str | None, ascii_only: bool) -> tuple[str, ...]:
    g = _groups().get(group)
    if g is None:
        return ()
    return tuple(sorted(n for n, t in g.last.items() if _tag(t) == tag and (n.isascii() or not ascii_only)))


def surname_tag(word: str, groups: Sequence[str]) -> str | None:
    """The gender of a surname in a language that has one ("Nováková": "f")."""
    for name in groups:
        g = _groups().get(name)
        t = _tag(g.last.get(proper_case(word), set())) if g else None
        if t:
            return t
    return None


def is_first_name(word: str) -> bool:
    """A first name of Faker's en_US lists or of the name lists veil reads."""
    return word.lower() in _en_us_first() or word.title() in names.first_names()


@lru_cache(maxsize=1)
def _en_us_first() -> frozenset[str]:
    from faker.providers.person.en_US import Provider
    return frozenset(n.lower() for n in list(Provider.first_names_female) + list(Provider.first_names_male))


def first_name(rng, taken: Taken, want: str | None, groups: Sequence[str], ascii_only: bool,
               prefer: Sequence[str] = (), skip: Taken | None = None, memo: dict | None = None) -> str | None:
    """A first name of gender `want` ("f", "m", "a": either, None: any clear one) from the
    first of `groups` that has one left; names in `prefer` (of the first group) first."""
    tiers = [first_pool(g, want, ascii_only) for g in groups]
    first = draw(rng, taken, tuple(p for p in prefer if p in set(tiers[0])), skip=skip) if prefer and tiers else None
    return first or draw(rng, taken, *tiers, skip=skip, memo=memo)


def surname(rng, taken: Taken, groups: Sequence[str], tag: str | None, ascii_only: bool,
            skip: Taken | None = None, memo: dict | None = None) -> str | None:
    return draw(rng, taken, *[last_pool(g, tag, ascii_only) for g in groups],
                *[last_pool(g, None, ascii_only) for g in groups if tag], skip=skip, memo=memo)


# ------------------------------------------------------------------ nicknames
# full name -> its nicknames, most usual first; "Bob" for a "Robert" pseudonym's nickname
NICKNAMES = {
    "m": {"Robert": "Bob Rob Bobby Robbie", "William": "Bill Will Billy Liam", "Richard": "Rick Dick Rich Richie",
          "James": "Jim Jimmy Jamie", "John": "Jack Johnny", "Thomas": "Tom Tommy", "Michael": "Mike Mikey Mick",
          "Joseph": "Joe Joey", "Charles": "Charlie Chuck", "Edward": "Ed Eddie Ted Ned", "Daniel": "Dan Danny",
          "David": "Dave Davey", "Anthony": "Tony", "Christopher": "Chris Kit", "Matthew": "Matt Matty",
          "Andrew": "Andy Drew", "Nicholas": "Nick Nicky", "Benjamin": "Ben Benny", "Samuel": "Sam Sammy",
          "Alexander": "Alex Sandy Xander", "Jonathan": "Jon Jonny", "Timothy": "Tim Timmy", "Patrick": "Pat Paddy",
          "Peter": "Pete", "Steven": "Steve", "Stephen": "Steve", "Kenneth": "Ken Kenny", "Ronald": "Ron Ronnie",
          "Donald": "Don Donny", "Gerald": "Gerry Jerry", "Lawrence": "Larry", "Raymond": "Ray",
          "Frederick": "Fred Freddie", "Gregory": "Greg", "Jeffrey": "Jeff", "Joshua": "Josh", "Zachary": "Zach",
          "Nathaniel": "Nate Nat", "Philip": "Phil", "Douglas": "Doug", "Leonard": "Len Lenny", "Albert": "Al Bert",
          "Henry": "Harry Hank", "Francis": "Frank", "Walter": "Walt Wally", "Theodore": "Ted Teddy Theo",
          "Eugene": "Gene", "Vincent": "Vince Vinny", "Arthur": "Art Artie", "Harold": "Hal Harry",
          "Stanley": "Stan", "Bradley": "Brad", "Gabriel": "Gabe", "Maximilian": "Max", "Oliver": "Ollie",
          "Francisco": "Paco Pancho", "José": "Pepe", "Jose": "Pepe", "Ignacio": "Nacho", "Enrique": "Quique",
          "Manuel": "Manolo", "Eduardo": "Lalo", "Alejandro": "Alejo", "Guillermo": "Memo"},
    "f": {"Elizabeth": "Liz Beth Betty Lizzie Eliza", "Margaret": "Maggie Peggy Meg", "Katherine": "Kate Katie Kathy Kat",
          "Catherine": "Cathy Cate Kate", "Jennifer": "Jen Jenny", "Patricia": "Pat Patty Trish", "Susan": "Sue Susie",
          "Deborah": "Deb Debbie", "Rebecca": "Becky Becca", "Jessica": "Jess Jessie", "Victoria": "Vicky Tori",
          "Christine": "Chris Chrissy", "Christina": "Tina Chrissy", "Barbara": "Barb Babs", "Dorothy": "Dot Dottie",
          "Abigail": "Abby", "Samantha": "Sam Sammie", "Alexandra": "Alex Lexi", "Kimberly": "Kim", "Pamela": "Pam",
          "Cynthia": "Cindy", "Judith": "Judy", "Theresa": "Terry Tess", "Josephine": "Jo Josie", "Eleanor": "Ellie Nell",
          "Frances": "Fran Frankie", "Melissa": "Mel Missy", "Amanda": "Mandy", "Nicole": "Nikki", "Stephanie": "Steph",
          "Angela": "Angie", "Cassandra": "Cassie", "Gabrielle": "Gabby", "Isabella": "Bella Izzy", "Isabel": "Izzy",
          "Jacqueline": "Jackie", "Madeline": "Maddie", "Natalie": "Nat", "Penelope": "Penny", "Valerie": "Val",
          "Virginia": "Ginny", "Caroline": "Carrie", "Mary": "Molly Polly", "Ann": "Annie", "Anne": "Annie",
          "Louise": "Lou", "Suzanne": "Suzy", "Tabitha": "Tabby", "Wilhelmina": "Mina", "Harriet": "Hattie",
          "Dolores": "Lola", "Guadalupe": "Lupe", "Concepción": "Concha", "Rosario": "Charo"},
}


@lru_cache(maxsize=1)
def _nick_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """full name -> its nicknames, and nickname -> the full names it is one of (lower-case keys)."""
    nicks: dict[str, tuple[str, ...]] = {}
    fulls: dict[str, tuple[str, ...]] = {}
    for table in NICKNAMES.values():
        for full, ns in table.items():
            nicks[full.lower()] = tuple(ns.split())
            for n in ns.split():
                fulls[n.lower()] = fulls.get(n.lower(), ()) + (full,)
    return nicks, fulls


def nicknames(full: str) -> tuple[str, ...]:
    return _nick_tables()[0].get(full.lower(), ())


def full_names(nick: str) -> tuple[str, ...]:
    return _nick_tables()[1].get(nick.lower(), ())


def nickname_counterparts(real: str, real_other: str, pseudo_other: str) -> list[str]:
    """The pseudonym's form that stands to `pseudo_other` as `real` stands to `real_other`:
    "Bob" (of "Robert") for "Thomas" -> "Tom", "Tommy"; "Robert" (of "Bob") for "Tom" -> "Thomas"."""
    if real.lower() in (n.lower() for n in nicknames(real_other)):  # real is the nickname
        order = [n.lower() for n in nicknames(real_other)].index(real.lower())
        theirs = list(nicknames(pseudo_other))
        return theirs[order:] + theirs[:order]
    return list(full_names(pseudo_other))


def table_names(want: str | None, nick: bool) -> tuple[str, ...]:
    """Full names (or nicknames) of the table of one gender: a pseudonym drawn from them has
    a counterpart for a nickname (or full name) seen later."""
    table = NICKNAMES.get(want or "", {})
    if nick:
        return tuple(dict.fromkeys(n for ns in table.values() for n in ns.split()))
    return tuple(table)
