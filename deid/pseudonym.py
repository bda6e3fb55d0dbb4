"""Pseudonyms that read naturally and stay the same across a whole study.

Every real written form (a whole name, or one word of it) maps to exactly one pseudonym
in the study key, so "Dr. Helen Marsh", "Helen", "Marsh's" and "helen" become
"Dr. Carol Dunn", "Carol", "Dunn's" and "carol". People keep the apparent gender of
their first name, places become fictional places, institutions keep their kind
("Truman Medical Center" -> "Hillcrest Medical Center"), contact details keep their
shape with other characters.
"""
from __future__ import annotations

import os
import random
import re
import secrets
import string

from faker.providers.person.en_US import Provider as PersonProvider

from deid import entity as ent
from deid import lexicon
from deid.model import Kind

FEMALE = [n for n in PersonProvider.first_names_female]
MALE = [n for n in PersonProvider.first_names_male]
LAST = [n for n in PersonProvider.last_names]
_FEMALE_SET = {n.lower() for n in FEMALE}
_MALE_SET = {n.lower() for n in MALE}
PLACE_WORDS = ["Midtown", "Northfield", "Riverside", "Lakeview", "Westbrook", "Hillcrest", "Fairview",
               "Oakridge", "Pinecrest", "Maplewood", "Cedar Hill", "Brookside", "Stonebridge",
               "Eastgate", "Southport", "Ashford", "Glenwood", "Harborview", "Elmhurst", "Kingsbury",
               "Willowdale", "Ridgemont", "Clearwater", "Brightwater", "Foxhollow", "Silverlake",
               "Meadowbrook", "Highgate", "Redfield", "Summerset", "Thornbury", "Larkspur"]
PLACE_SUFFIXES = ["ville", "ton", "field", "ford", "wood", "dale", "brook", "port", "view", "ridge"]


def gender_of(first: str, title: str = "") -> str | None:
    if title in lexicon.FEMALE_TITLES:
        return "f"
    if title in lexicon.MALE_TITLES:
        return "m"
    f, m = first.lower() in _FEMALE_SET, first.lower() in _MALE_SET
    if f != m:
        return "f" if f else "m"
    from deid import names
    return names.gender(first.title())


def is_first_name(word: str) -> bool:
    from deid import names
    return word.lower() in _FEMALE_SET or word.lower() in _MALE_SET or word.title() in names.first_names()


def scramble(text: str, rng) -> str:
    """Same shape, other characters: digits for digits, letters for letters; a group that
    repeats ("0496 46 46 70") repeats in the result too."""
    done: dict[str, str] = {}

    def other(group: str) -> str:
        if group not in done:
            chars = []
            for i, c in enumerate(group):
                if c.isdigit():
                    chars.append(rng.choice("123456789" if i == 0 else string.digits))
                else:
                    chars.append(rng.choice(string.ascii_uppercase if c.isupper() else string.ascii_lowercase))
            done[group] = "".join(chars)
        return done[group]

    return re.sub(r"[^\W_]+", lambda m: other(m.group()), text)


BRACKET_LABEL = re.compile(r"\[([A-Z]+) (\d+)\]")


class Pseudonyms:
    """The study-wide map real form -> pseudonym, and the rules that extend it. The one
    owner of the pseudonyms of a study: the key's forms, the counters of bracket labels and
    the random source (VEIL_SEED makes every choice reproducible, in deid, review and export)."""

    def __init__(self, pairs: list[tuple[str, str]], style: str = "natural",
                 counters: dict[str, int] | None = None, seed: int | None = None):
        self.map: dict[str, str] = {}
        self.used: set[str] = set()
        self.real_words: set[str] = set()
        self.style = style
        self.counters = dict(counters or {})
        self.rng = random.Random(seed) if seed is not None else secrets.SystemRandom()
        self.new: list[tuple[str, str]] = []   # (real, pseudonym) added since loading
        for real, pseudo in pairs:
            self._remember(real, pseudo, new=False)
            label = BRACKET_LABEL.fullmatch(pseudo)
            if label:  # never a label the study holds already, whatever the stored counter says
                kind = label.group(1).lower()
                self.counters[kind] = max(self.counters.get(kind, 0), int(label.group(2)))

    @classmethod
    def of_study(cls, study) -> "Pseudonyms":
        seed = os.environ.get("VEIL_SEED")  # reproducible pseudonyms, for tests and debugging
        return cls([(v.real, v.pseudonym) for v in study.variants()], style=study.setting("style", "natural"),
                   counters=study.setting("counters", {}), seed=int(seed) if seed else None)

    def commit(self, study, entity: int | None) -> list[tuple[str, str]]:
        """Write the forms chosen since the last commit into the key, as forms of `entity`,
        with the label counters; returns them."""
        new, self.new = self.new, []
        if entity is not None:
            for real, pseudo in new:
                study.add_variant(entity, real, pseudo)
        study.set_setting("counters", self.counters)
        return new

    def _remember(self, real: str, pseudo: str, new: bool = True) -> None:
        k = ent.key_of(real)
        if k in self.map:
            return
        self.map[k] = pseudo
        self.used.add(pseudo.lower())
        self.used.update(w.lower() for w in ent.tokens(pseudo))
        self.real_words.update(w.lower() for w in ent.tokens(real))
        if new:
            self.new.append((real, pseudo))

    def _fresh(self, make) -> str:
        for _ in range(200):
            p = make()
            words = {w.lower() for w in ent.tokens(p)}
            if p.lower() not in self.used and not (words & self.real_words) - lexicon.GENERIC_WORDS:
                return p
        return make() + str(self.rng.randint(2, 99))

    # ---------------------------------------------------------------- words
    def _word(self, word: str, kind: str, role: str, gender: str | None) -> str:
        k = ent.key_of(word)
        if k in self.map:
            return self.map[k]
        self.real_words.add(k)  # a pseudonym is never the real word itself
        groups = [lexicon.STREET_TYPES, lexicon.UNIT_TYPES, lexicon.BOX_TYPES] + list(
            lexicon.KIND_GROUPS if kind == "institution" else lexicon.PLACE_GROUPS)
        if kind in ("place", "institution"):
            for group in groups:
                same = [g for g in group if g.rstrip(".").lower() == word.rstrip(".").lower()]
                if same:  # keeps its kind (a street, a unit), not its word
                    p = self.rng.choice([g for g in group if g not in same])
                    self._remember(word, p)
                    return p
        initial = re.fullmatch(r"[A-Z]\.?", word) and kind == "person"
        if not initial and (ent.is_generic(word) or (ent.is_stop_word(word) and not is_first_name(word))):
            return word
        bare = word.rstrip(".")
        if kind == "institution" and bare in lexicon.BUSINESS_SUFFIXES:
            # keeps its kind (a business), not its exact words
            others = [b for b in lexicon.BUSINESS_SUFFIXES if b != bare and " " not in b]
            p = self.rng.choice(others)
            self._remember(word, p)
            return p
        if re.fullmatch(r"[A-Z]\.?", word):  # an initial
            p = self._fresh(lambda: self.rng.choice(string.ascii_uppercase) + ("." if word.endswith(".") else ""))
        elif kind == "person" and role == "first":
            pool = FEMALE if gender == "f" else MALE if gender == "m" else FEMALE + MALE
            p = self._fresh(lambda: self.rng.choice(pool))
        elif kind == "person":
            p = self._fresh(lambda: self.rng.choice(LAST))
        elif re.fullmatch(r"[A-Z]{2,6}", word):  # an acronym
            p = self._fresh(lambda: "".join(self.rng.choice(string.ascii_uppercase) for _ in word))
        elif re.fullmatch(r"[\d\-/]+", word):
            p = self._fresh(lambda: scramble(word, self.rng))
        else:
            def place():
                if self.rng.random() < 0.5:
                    return self.rng.choice(PLACE_WORDS)
                return self.rng.choice(LAST) + self.rng.choice(PLACE_SUFFIXES)
            p = self._fresh(place)
        self._remember(word, p)
        return p

    def initials(self, real: str) -> str:
        """Fresh initials of the same shape ("DW" -> "KT", "D.W." -> "K.T.") for initials
        that stand for nobody the study knows."""
        k = ent.key_of(real)
        if k not in self.map:
            self._remember(real, self._fresh(lambda: re.sub(r"[A-Z]", lambda _: self.rng.choice(string.ascii_uppercase),
                                                            real)))
        return self.map[k]

    # ---------------------------------------------------------------- phrases
    def pseudonym(self, core: str, kind: str, title: str = "", hint: str = "") -> str:
        """The pseudonym for `core` (the identifying words of a mention)."""
        k = ent.key_of(core)
        if k in self.map:
            return self.map[k]
        self.real_words.update(w.lower() for w in ent.tokens(core))
        if self.style == "bracket":
            p = f"[{Kind(kind).value.upper()} {self._count(kind)}]"
            self._remember(core, p)
            return p
        if kind == "contact":
            p = self._contact(core, hint)
        elif kind == "institution" and re.fullmatch(r"[A-Z]{2,6}", core):
            p = self._word(core, kind, "", None)
        else:
            p = self._by_words(core, kind, title)
            if ent.key_of(p) == k:  # nothing identifying to map: keep shape, change words
                p = self._fresh(lambda: self.rng.choice(PLACE_WORDS))
        self._remember(core, p)
        return p

    def _by_words(self, core: str, kind: str, title: str) -> str:
        """Each word mapped on its own, separators (spaces, line breaks, commas) kept:
        "Dr. Helen Marsh" -> "Dr. Carol Dunn", "6750 Koskikatu 25" -> "3184 Fairview 71"."""
        parts = re.split(r"([^\W_][\w'’.]*(?:-[^\W_][\w'’.]*)*)", core)
        names = parts[1::2]
        gender = gender_of(names[0], title) if names and kind == "person" else None
        out = []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                out.append(part)
                continue
            n = i // 2
            trail = ""
            if part.endswith(".") and not re.fullmatch(r"[A-Z]\.", part) and not ent.is_generic(part):
                part, trail = part[:-1], "."
            poss = ent.POSSESSIVE.search(part) if kind != "person" else None
            base = part[: poss.start()] if poss and poss.start() > 0 else part
            if kind == "person":  # "Dr. Marsh" is a surname, "my sister Faith" a first name
                first = n == 0 and (len(names) > 1 or is_first_name(base) and title not in lexicon.SURNAME_TITLES)
                out.append(self._word(base, kind, "first" if first else "last", gender))
            else:
                out.append(self._word(base, kind, "", None) + (part[len(base):] if poss else ""))
            out.append(trail)
        return "".join(out)

    def _count(self, kind: str) -> int:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return self.counters[kind]

    def _contact(self, core: str, hint: str) -> str:
        if "@" in core and not core.startswith("@"):
            # no part of the real address is kept: not even its top-level domain
            return self._fresh(lambda: f"{self.rng.choice(FEMALE + MALE)[0].lower()}"
                                       f"{self.rng.choice(LAST).lower()}@example.com")
        if core.startswith("@"):
            return self._fresh(lambda: "@" + self.rng.choice(FEMALE + MALE).lower() + str(self.rng.randint(10, 999)))
        if hint == "URL" or re.match(r"(?i)(https?://|www\.)", core):
            return self._fresh(lambda: f"example{self.rng.randint(1, 999)}.com")
        return self._fresh(lambda: scramble(core, self.rng))
