"""Pseudonyms that read naturally and stay the same across a whole study.

Every real written form (a whole name, or one word of it) maps to exactly one pseudonym
in the study key, so "Dr. Helen Marsh", "Helen", "Marsh's" and "helen" become
"Dr. Carol Dunn", "Carol", "Dunn's" and "carol". People keep the apparent gender of
their first name (and, with origin "keep", its culture), places become fictional places
("Oak Park" -> "Cedar Falls"), institutions keep their kind ("Truman Medical Center" ->
"Elmbrook Medical Center"), contact details keep their shape with other characters. The
names come from deid/pools.py. No pseudonym equals, or holds as a word, a real string of
the key (in any case), and no two real forms share one.
"""
from __future__ import annotations

import os
import random
import re
import secrets
import string

from faker.providers.person.en_US import Provider as PersonProvider

from deid import entity as ent
from deid import lexicon, names, people, pools, words
from deid.model import Kind
from deid.people import is_first_name
from deid.placenames import INITIAL, WORD, PlaceNames

FEMALE = [n for n in PersonProvider.first_names_female]
MALE = [n for n in PersonProvider.first_names_male]
LAST = [n for n in PersonProvider.last_names]
ORIGINS = ("any", "keep")  # any: English-language names whatever the real one's culture


# "son of", "daughter of" in a Malay, an Arab or a Tamil name ("Siti Hajar binti Rahmat")
SON_OF = re.compile(r"[ \t]+(?:%s)[ \t]+" % "|".join(lexicon.PATRONYMIC_MARKERS))   # (left out of the pseudonym)


def gender_of(first: str, title: str = "") -> str | None:
    if title in lexicon.FEMALE_TITLES:
        return "f"
    if title in lexicon.MALE_TITLES:
        return "m"
    return people.gender(first)


# a name written surname first, as records do: "Oyelowo,Babatunde A", "MARSH, Helen"
SURNAME_FIRST = re.compile(r"([^\W\d_][\w'’\-]*)(,[ \t]*)([^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,2})")


KINDS_OF_OWN = ("Centre", "Institute", "Hall")   # the kind of a body named by kind words alone
CHAT_ID = re.compile(r"(?=[A-Z0-9]*\d)[A-Z][A-Z0-9]{7,12}")   # a chat member's ID: "U04M2NN6R8S"
JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
EPITHET = re.compile(r"(.+?) the ([A-Z][a-z]+)")   # "Jones the Milk", "Meg Lloyd the Milk"
SPOKEN_ADDRESS = re.compile(r"(?i)[ \t]at[ \t].*[ \t]dot[ \t]\w+$")   # "b oshea at nnu dot org"
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def scramble(text: str, rng) -> str:
    """Same shape, other characters: digits for digits, letters for letters; a group that
    repeats ("0496 46 46 70") repeats in the result too; no group of two characters or more is
    one of the real ones (a group of one only differs from itself)."""
    done: dict[str, str] = {}
    real = set(re.findall(r"[^\W_]+", text))

    def draw(group: str) -> str:
        if ORDINAL.fullmatch(group):   # "96th" -> "41st", not "76ty"
            n = draw(group[:-2])
            return n + ordinal_suffix(int(n))
        chars = []
        for i, c in enumerate(group):
            if c.isdigit():
                chars.append(rng.choice("123456789" if i == 0 else string.digits))
            else:
                chars.append(rng.choice(string.ascii_uppercase if c.isupper() else string.ascii_lowercase))
        return "".join(chars)

    def other(group: str) -> str:
        if group not in done:
            p = draw(group)
            # never a real group: "Dublin 7" is not "… 7" (1 in 9 for a digit), nor "03 93 92 16 85"
            # "85 …" (the group moved)
            while p in real and len(group) > 1 or p == group:
                p = draw(group)
            done[group] = p
        return done[group]

    return re.sub(r"[^\W_]+", lambda m: other(m.group()), text)


PHONE = re.compile(r"\+?[\d(][\d \t\-().]{7,}\d")
TAIL = 9   # the digits a phone number has however it is written, with its country's code or without


def phone_tail(text: str) -> str:
    """The last nine digits of a phone number ("700900412" of "+44 7700 900412" and of "07700
    900412"); "" for anything else."""
    digits = re.sub(r"\D", "", text)
    return digits[-TAIL:] if PHONE.fullmatch(text.strip()) and len(digits) >= TAIL else ""


def same_number(core: str, known: str, rng) -> str:
    """The pseudonym of a phone number written another way, written this way: its last nine
    digits those of the number's pseudonym, the digits before them (a country's code, a trunk
    "0") drawn anew, so that none is kept ("+44 7700 900412" -> "+61 2285 182…" after "07700
    900418" -> "55772 285182")."""
    digits = re.sub(r"\D", "", core)
    lead = len(digits) - TAIL
    head = digits[:lead]
    while head == digits[:lead] and lead:
        head = "".join(rng.choice("123456789") for _ in range(lead))
    new = head + phone_tail(known)
    it = iter(new)
    return re.sub(r"\d", lambda _: next(it), core)


def _fits(p: str, role: str, gender: str | None) -> bool:
    """Whether a word's pseudonym can stand in this role: one word, a first name of the
    gender; or a surname, not a first name only ("Sheri") nor a word of a place ("Rapids")."""
    from deid import names
    g = people.gender(p.split("-")[0])
    if " " in p:
        return False
    if role == "first":
        return g == gender if gender else bool(g) or people.is_ambiguous(p) or is_first_name(p)
    return p in names.last_names() or p not in pools.place_words() and not g


def _table(word: str, want: str | None) -> tuple[str, ...]:
    """For a name of the nickname table, names of the table first: a full name's pseudonym
    then has nicknames for a nickname seen later, and the other way round."""
    if want not in ("f", "m"):
        return ()
    if people.nicknames(word):
        return people.table_names(want, nick=False)
    return people.table_names(want, nick=True) if people.full_names(word) else ()




# every word with a digit in it: a postcode, a reference ("B31 4QT", "EHC/2023/00871")
CODE = re.compile(r"(?=[A-Za-z\d]{0,4}\d)[A-Za-z\d]{2,5}(?:[ \-/]+(?=[A-Za-z\d]{0,4}\d)[A-Za-z\d]{2,5})*")
BRACKET_LABEL = re.compile(r"\[([A-Z]+) (\d+)\]")


LINKING_WORDS = frozenset({"for", "to", "in"})   # (not "with": "Fosse View with Preet" is NER's misreading)

class Pseudonyms(PlaceNames):
    """The study-wide map real form -> pseudonym, and the rules that extend it: the one
    owner of a study's pseudonyms (the key's forms, the counters of bracket labels, the
    random source: VEIL_SEED makes every choice reproducible, in deid, review and export).

    `origin`: "any" (English-language names) or "keep" (names of the real name's culture);
    `own`: the study's own fictional names, {"places": [...], "institutions": [...]}."""

    def __init__(self, pairs: list[tuple[str, str]], style: str = "natural",
                 counters: dict[str, int] | None = None, seed: int | None = None,
                 origin: str = "any", own: dict[str, list[str]] | None = None):
        self.map: dict[str, str] = {}
        self.used: set[str] = set()
        self.real_words: set[str] = set()
        self.style = style
        self.origin = origin if origin in ORIGINS else "any"
        self.own = {k: list(v) for k, v in (own or {}).items()}
        self.counters = dict(counters or {})
        self.rng = random.Random(seed) if seed is not None else secrets.SystemRandom()
        self.new: list[tuple[str, str]] = []   # (real, pseudonym) added since loading
        self.short_forms: set[str] = set()      # keys of short forms looked for alone: an institution's
        # name without its kind ("Kestrel"), a person's nickname ("Slim")
        self.run_names: set[str] = set()        # place names made for one word ("Cardiff"), reused
        self.wholes: dict[str, list[tuple[list[str], list[str]]]] = {}  # word -> names it begins or ends
        self._blocked: set[str] = set()  # candidates found taken
        self._memo: dict = {}  # each pool's candidates not yet found taken (pools.draw)
        self._memo2: dict = {}  # the same, for names of two words whose first word is new
        self.owner: dict[str, str] = {}  # pseudonym -> the first real form given it
        self.phones: dict[str, tuple[int, str]] = {}  # a phone number's last nine digits -> its length, pseudonym
        for real, pseudo in pairs:
            self.remember(real, pseudo, new=False)
            label = BRACKET_LABEL.fullmatch(pseudo)
            if label:  # never a label the study holds already, whatever the stored counter says
                kind = label.group(1).lower()
                self.counters[kind] = max(self.counters.get(kind, 0), int(label.group(2)))

    @classmethod
    def of_study(cls, study) -> "Pseudonyms":
        """The study's pseudonyms: the key's forms, its counters, its settings (style,
        origin, its own pools), and VEIL_SEED."""
        seed = os.environ.get("VEIL_SEED")  # reproducible pseudonyms, for tests and debugging
        return cls([(v.real, v.pseudonym) for v in study.variants()], style=study.setting("style", "natural"),
                   counters=study.setting("counters", {}), seed=int(seed) if seed else None,
                   origin=study.setting("origin", "any"), own=study.setting("pools", {}))

    def commit(self, study, entity: int | None) -> list[tuple[str, str]]:
        """Write the forms chosen since the last commit into the key, as forms of `entity`,
        with the label counters; returns them."""
        new, self.new = self.new, []
        if entity is not None:
            for real, pseudo in new:
                study.add_variant(entity, real, pseudo)
        study.set_setting("counters", self.counters)
        return new

    def acronym_for(self, real: str, letters: str) -> str:
        """The pseudonym of a body's acronym `real`: `letters`, the initials of the body's
        pseudonym, unless they spell the real one ("Wheat Springs University" for Wayne State
        University: "WSU" both), then other letters as many."""
        if letters.upper() != real.upper():
            return letters
        return self._fresh(lambda: "".join(self.rng.choice([c for c in string.ascii_uppercase if c != r.upper()])
                                           for r in real))

    def initials(self, real: str) -> str:
        """Fresh initials of the same shape ("DW" -> "KT", "D.W." -> "K.T.") for initials
        that stand for nobody the study knows."""
        k = ent.key_of(real)
        if k not in self.map:
            self.remember(real, self._fresh(lambda: self.reletter(real)))
        return self.map[k]

    def reletter(self, text: str) -> str:
        """Every capital letter of `text` another one, never the letter where it stood ("T"
        -> "T" would leave the initial)."""
        return re.sub(r"[A-Z]", lambda c: self.rng.choice(string.ascii_uppercase.replace(c.group(), "")), text)

    def remember(self, real: str, pseudo: str, new: bool = True) -> None:
        """Record `pseudo` as the pseudonym of the real form `real` (kept as it is when the key
        has one for it already); `new` forms go into the key at the end of the run."""
        k = ent.key_of(real)
        if k in self.map:
            return
        self.map[k] = pseudo
        self.owner.setdefault(ent.key_of(pseudo), k)
        self.used.add(ent.key_of(pseudo))
        self.used.update(pools.words_of(pseudo))
        self.real_words.update(pools.words_of(real))
        if (tail := phone_tail(real)) and phone_tail(pseudo):
            self.phones.setdefault(tail, (len(re.sub(r"\D", "", real)), pseudo))
        rw, pw = k.split(), pseudo.split()
        if len(rw) > 1 and len(pw) == len(rw):  # for initials: "H. Marsh" of "Helen Marsh"
            for w in {rw[0], rw[-1]}:
                self.wholes.setdefault(w, []).append((rw, pw))
        if new:
            self.new.append((real, pseudo))

    def reserve(self, reals) -> None:
        """Real strings about to enter the key (every name detected in a batch, before the
        first is linked): no pseudonym drawn from now on holds one of their words."""
        for real in reals:
            self.real_words.update(pools.words_of(real))

    def _others(self, p: str, k: str) -> bool:
        """Whether pseudonym `p`, made for the real form `k`, is already another form's that
        is not one of `k`'s own words."""
        owner = self.owner.get(ent.key_of(p))
        return owner is not None and owner != k and owner not in k.split()

    def _taken(self, p: str) -> bool:
        """Already a pseudonym or a word of one (in any case), or holding a word of a real
        string of the key other than a word that names a kind ("Hospital", "State")."""
        if p in self._blocked:
            return True
        if " ".join(p.lower().split()) in self.used or \
                not (pools.words_of(p) & self.real_words) <= pools.kind_words():
            self._blocked.add(p)  # the key only grows: once taken, always taken
            return True
        return False

    def _fresh(self, make) -> str:
        for _ in range(200):
            p = make()
            if not self._taken(p):
                return p
        return make() + str(self.rng.randint(2, 99))

    # ---------------------------------------------------------------- words
    def _word(self, word: str, kind: str, role: str, gender: str | None, origin: tuple = (),
              avoid: frozenset = frozenset()) -> str:
        if kind == "institution" and word in LINKING_WORDS:
            # a body's linking word says nothing, but which one it was does ("Centre for
            # Qualitative Research", "Bridges to Home"): "of" stands for all of them
            return "of"
        if kind != "person" and word == "de":
            return word   # the particle of a Romance place or body says nothing of which ("capilla de
            # Tanaquillo" -> "capilla de Salt", not "capilla South Rush Oaks Salt")
        kept = self._kind_word(word, kind) if kind != "person" else (
            word if word in pools.PARTICLES and word not in lexicon.GAELIC_PARTICLES else None)
        # (a particle alone stays: _by_words drops it in a name; not "Nic", a name too)
        if kept is not None:
            return kept
        k = ent.key_of(word)
        if k in self.map and not (kind == "person" and INITIAL.fullmatch(word) and self.map[k][:1] == word[:1]):
            return self.map[k]   # (an initial another name kept as it was is no pseudonym for a person's)
        self.real_words.update(pools.words_of(word))  # a pseudonym is never the real word itself
        initial = INITIAL.fullmatch(word) and kind == "person"
        # (an honorific inside a name is part of it: "Bánh Mì Cô Ba", a shop NER took for a person)
        if not initial and (ent.is_generic(word) and word not in lexicon.HONORIFICS
                            or (ent.is_stop_word(word) and not is_first_name(word))):
            return word
        if INITIAL.fullmatch(word):  # any letter but the real ones of its name (`avoid`): initials repeat
            p = self.rng.choice([c for c in string.ascii_uppercase if c != word[0] and c not in avoid]) + word[1:]
            if k in self.map:
                return p
        elif kind == "person":
            p = self._person_word(word, role, gender, origin)
        elif re.fullmatch(r"[A-Z]{2,6}", word):  # an acronym
            p = self._fresh(lambda: "".join(self.rng.choice(string.ascii_uppercase) for _ in word))
        elif re.fullmatch(r"[A-Za-z\d\-/]*\d[A-Za-z\d\-/]*", word):   # a number or code: "4QT", "B31", "12-B"
            p = self._fresh(lambda: scramble(word, self.rng))
        else:
            p = self._place()
        self.remember(word, p)
        return p

    def _person_word(self, word: str, role: str, gender: str | None, origin: tuple) -> str:
        """A first name of the same gender (a nickname for a nickname) or a surname, from
        the lists of the real name's culture with origin "keep"; never with the real initial."""
        if re.search(r"[^\W_]-[^\W_]", word):  # "Smith-Jones", "Mary-Jane": part by part
            out = [self._word(part, "person", role, gender, origin) for part in word.split("-")]
            return "-".join(p if _fits(p, role, gender) else self._person_word(part, role, gender, origin)
                            for part, p in zip(word.split("-"), out))

        def initial(c: str) -> bool:  # never the real initial: "H. Marsh" -> "C. Dunn", not "H. Dunn"
            return c[:1].lower() == word[:1].lower()
        groups = people.DEFAULT_TIERS
        if self.origin == "keep" and (people.origin(word, role) or origin) not in ((), ("en",)):
            groups = (people.origin(word, role) or origin) + groups
        if role == "first":
            want = gender or people.gender(word) or ("a" if people.is_ambiguous(word) else None)
            p = self._nickname(word, lambda c: initial(c) or self._taken(c)) or people.first_name(
                self.rng, self._taken, want, groups, word.isascii(), prefer=_table(word, want), skip=initial,
                memo=self._memo)
        else:
            p = people.surname(self.rng, self._taken, groups, people.surname_tag(word, groups), word.isascii(),
                              skip=initial, memo=self._memo)
        return p or self._fresh(lambda: people.proper_case(self.rng.choice(LAST)))

    def _nickname(self, word: str, taken) -> str | None:
        """"Bob" when "Robert" is "Thomas" in the key: "Tom"; "Robert" when "Bob" is "Tom":
        "Thomas"; "Raoul" itself when "Robert" is "Raoul", a name without a nickname."""
        gender = people.gender(word)
        for other in people.full_names(word) + people.nicknames(word):
            theirs = self.map.get(other.lower())
            # (the full name's gender first: "Jess" is listed as both, "Jessica" is not)
            if theirs and _fits(theirs, "first", people.gender(other) or gender):
                want = people.gender(theirs)
                c = next((c for c in people.nickname_counterparts(word, other, theirs)
                          if not taken(c) and people.gender(c) == want), None)
                return c or theirs
        return None

    def _initial(self, letter: str, names: list[str], i: int) -> str | None:
        """"H." of "H. Marsh" when "Helen Marsh" is "Carol Dunn" in the key: "C."."""
        mine, theirs = (0, -1) if i == 0 else (-1, 0)
        other = ent.key_of(names[theirs])
        for rw, pw in self.wholes.get(other, []):
            if rw[theirs] == other and rw[mine][:1] == letter[0].lower() \
                    and not INITIAL.fullmatch(rw[mine].upper()) and pw[mine][:1].isupper():
                return pw[mine][0] + letter[1:]
        return None

    # ---------------------------------------------------------------- phrases
    def pseudonym(self, core: str, kind: str, title: str = "", hint: str = "") -> str:
        """The pseudonym for `core` (the identifying words of a mention)."""
        k = ent.key_of(core)
        if k in self.map:
            return self.map[k]
        self.real_words.update(pools.words_of(core))
        if self.style == "bracket":
            p = f"[{Kind(kind).value.upper()} {self._count(kind)}]"
            self.remember(core, p)
            return p
        if kind == "contact" and (known := self._same_phone(core)):   # "+44 7700 900412" after "07700 900412"
            p = self._fresh(lambda: same_number(core, known, self.rng))
        elif kind != "person" and CODE.fullmatch(core):   # a postcode or reference: its shape, other characters
            p = self._fresh(lambda: scramble(core, self.rng))
        elif kind == "contact":
            p = self._contact(core, hint)
        elif kind == "institution" and (hall := ent.WORKMENS.fullmatch(core)):
            # "the Workmen's Hall" of a mining village: a fictional place's, and the other kind
            p = f"{self._place()} {'Institute' if hall.group(1) == 'Hall' else 'Hall'}"
        elif kind == "institution" and ent.U_OF.fullmatch(core):
            # "U of H", "U of Manitoba": a university as people call one, "Elmbrook State" (no
            # "U of" kept: its letter would be all that changed)
            p = f"{self._place()} State"
        elif kind == "institution" and re.fullmatch(r"[A-Z]{2,6}", core):
            p = self._word(core, kind, "", None)
        elif kind == "person" and JSON_ESCAPE.search(core):
            # a name as JSON escapes it, "Ren\u00e9e Lafreni\u00e8re": the pseudonym of "Renée Lafrenière"
            p = self.pseudonym(JSON_ESCAPE.sub(lambda u: chr(int(u.group(1), 16)), core), kind, title)
        elif kind == "person" and re.fullmatch(r"[A-Z]{2,3}", core) and core.title() not in names.last_names():
            # initials someone goes by: "KJ" -> "TM", not a surname (but "PC 1174 COX" is a surname)
            p = self._fresh(lambda: self.reletter(core))
        elif kind == "person" and (epithet := EPITHET.fullmatch(core)):
            # "Jones the Milk": the name's pseudonym and another trade ("Pryce the Post")
            name, trade = epithet.groups()
            p = self._trade(self.pseudonym(name, kind, title), trade)
        elif kind == "person" and (inverted := SURNAME_FIRST.fullmatch(core)):
            # "OYELOWO,BABATUNDE A" as records write it: the pseudonym of "Babatunde A Oyelowo", inverted
            last, sep, given = inverted.groups()
            whole = self.pseudonym(f"{given} {last}", kind, title)
            p_given, _, p_last = whole.rpartition(" ")
            p = f"{p_last}{sep}{p_given}" if p_given else whole
        elif kind == "person":
            p = self._by_words(core, kind, title)
            n = len(WORD.findall(core))
            for fresh in ({0}, set(range(n))) if n > 1 else ():  # another's: a first name, then all, of its own
                if self._others(p, k):
                    p = self._by_words(core, kind, title, fresh=frozenset(fresh))
        else:
            p = self._own_institution(core) if kind == "institution" else None
            p = p or self._by_runs(core, kind)
            if self._others(p, k):  # another's ("Kiptoo LLC", "Kiptoo PLC"): not this one's
                p = self._by_runs(core, kind, fresh=True)
            if ent.key_of(p) == k:  # only words of a kind ("the Public Library", "Last Name" of a column):
                # a fictional place's hall, none of the real words (kept, the leak check would find them)
                p = f"{self._place()} {next(w for w in KINDS_OF_OWN if w.lower() not in k.split())}" \
                    if kind == "institution" else self._place()
        self.remember(core, p)
        if kind == "institution":
            self._short_form(core, p)
        elif kind == "person":
            self._quoted_nickname(core, p)
        return p

    def _trade(self, name: str, real: str) -> str:
        """`name` and another trade than the real one, no trade a real name of the batch holds,
        and no pseudonym another has ("Damon the Pop" for "Jones the Milk" is not "Jones the
        Coal"'s too)."""
        others = [t for t in lexicon.EPITHETS if t != real and pools.norm(t) not in self.real_words]
        for t in self.rng.sample(others, len(others)):
            if ent.key_of(p := f"{name} the {t}") not in self.used:
                return p
        return f"{name} the {self._place()}"

    def _same_phone(self, core: str) -> str | None:
        """The pseudonym of the phone number `core` is, written another way: the same last nine
        digits and more or fewer before them (a country's code, a trunk "0"); not a number as
        long with other digits first, "(312) 555-0142" after "(212) 555-0142"."""
        length, known = self.phones.get(phone_tail(core), (0, None))
        return known if known and length != len(re.sub(r"\D", "", core)) else None

    def _quoted_nickname(self, core: str, p: str) -> None:
        """A nickname given in quotes inside a full name ('Darnell "Slim" Hutchins') is what
        the person is called alone: a form of the person, with the pseudonym's nickname,
        looked for where it is capitalised however ordinary the word ("Slim")."""
        real, fake = ent.QUOTED_NICKNAME.search(core), ent.QUOTED_NICKNAME.search(p)
        if real and fake and len(real.group(1)) > 2:
            self.remember(real.group(1), fake.group(1))
            self.short_forms.add(ent.key_of(real.group(1)))

    def _short_form(self, core: str, p: str) -> None:
        """An institution is called by its name without its kind ("Prairie Rose" of "Prairie
        Rose Adult Day"): that name becomes a form of it too, with the pseudonym's name, when
        it identifies alone (two words or more, or one no everyday word: not "Northern")."""
        name, pname = pools.without_kind(core), pools.without_kind(p) or p
        if not name or name == core or ent.is_generic(name):
            return
        ws = name.split()   # a name: capitalised words, not "Mass at" of "Mass at Regional Medical Center"
        if not all(w[:1].isupper() or w[:1].isdigit() for w in ws) or ent.is_stop_word(ws[0]) or ent.is_stop_word(ws[-1]):
            return
        if len(ws) == 1 and words.is_common(name) and not words.is_everyday(name) and \
                name.lower() not in lexicon.public_words():
            # one word that is also a rarer word ("Kestrel" of "Kestrel Freight"): a form,
            # looked for where it is capitalised (an alias of the institution, see Planner)
            self.short_forms.add(ent.key_of(name))
        elif len(ws) == 1 and words.is_common(name):
            return
        self.remember(name, pname)   # (kept as it is when the key has it already)

    def _by_words(self, core: str, kind: str, title: str, fresh: frozenset = frozenset()) -> str:
        """Each word of a person's name mapped on its own, separators kept: "Dr. Helen Marsh"
        -> "Dr. Carol Dunn"; an initial follows the pseudonym it stands for ("H. Marsh" ->
        "C. Dunn"). A word whose pseudonym does not fit its place in this name (a first name
        known as someone's surname, one of the other gender), and the words at `fresh`, get
        one for this name only."""
        parts = WORD.split(SON_OF.sub(" ", core))   # ("s/o" of "Rajesh s/o Krishnan" says whose son he is)
        names = parts[1::2]
        gender = gender_of(names[0].split("-")[0], title) if names else None
        origin: tuple = ()
        for i, n in enumerate(names if self.origin == "keep" else []):
            origin = origin or people.origin(n, "first" if i == 0 and len(names) > 1 else "last")
        out, dropped = [], False
        letters = frozenset(n[0] for n in names if INITIAL.fullmatch(n))   # (its initials: none is another's pseudonym)
        for i, part in enumerate(parts):
            n = i // 2
            if i % 2 == 0 and dropped:   # the space after a dropped particle
                dropped = False
                continue
            if i % 2 and part in pools.PARTICLES and n < len(names) - 1 and not (n == 0 and part in lexicon.GAELIC_PARTICLES):
                dropped = True   # "van der" of "Anneliese van der Merwe" tells where she is from
                continue
            initial = INITIAL.fullmatch(part) and len(names) > 1 and n in (0, len(names) - 1) \
                and self._initial(part, names, n)
            if i % 2 == 0 or initial:
                out.append(initial or part)
                continue
            # "Dr. Marsh" is a surname, "my sister Faith" a first name
            first = n == 0 and (len(names) > 1 or is_first_name(part) and title not in lexicon.SURNAME_TITLES)
            role = "first" if first else "last"
            # (a surname said first keeps its pseudonym: "Jenkins Bethesda" of the Reverend Emrys
            # Jenkins, "Pritchard G" of a file's name; not a word that is a first name too, "Jordan")
            surname = role == "first" and ent.key_of(part) in self.map and not is_first_name(part)
            if 0 < n == len(names) - 1 and re.fullmatch(r"[A-Z]{2,3}", part) and part not in lexicon.CREDENTIALS:
                # initials ending a display name ("Baby DC"): other letters, though "DC" is a rank's
                # too (it would stay as a title word); not a nickname inside one ('Kenji "KJ" Ito')
                p = self.map.get(ent.key_of(part)) or self._fresh(
                    lambda: "".join(self.rng.choice(string.ascii_uppercase) for _ in part))
                self.map.setdefault(ent.key_of(part), p)
                out.append(p)
                continue
            p = self._word(part, kind, role, gender, origin, letters)
            if len(names) > 1 and p != part and not INITIAL.fullmatch(part) and (
                    n in fresh or not _fits(p, role, gender) and not surname):
                p = self._person_word(part, role, gender, origin)
            out.append(p)
        return "".join(out)

    def _count(self, kind: str) -> int:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return self.counters[kind]

    def _fresh_handle(self, make) -> str:
        """An address or handle with no real name of the study inside it ("cnelson@…" while
        "Cindy Nelson" is in the key)."""
        for _ in range(200):
            p = make()
            local = re.sub(r"[^a-z]", "", p.split("@")[0].lower() or p.lower())
            if not any(len(w) >= 4 and w in local for w in self.real_words):
                return self._fresh(lambda: p)
        return self._fresh(make)

    def _said_handle(self, joiner: str) -> str:
        """A handle said aloud, a name and a surname no one of the study has, never given before,
        joined by a word the real one does not say ("underscore" would be left as it was)."""
        for _ in range(200):
            a, b = self.rng.choice(FEMALE + MALE).lower(), self.rng.choice(LAST).lower()
            if not self._taken(f"{a} {b}") and f"{a} {joiner} {b}" not in self.used:
                return f"{a} {joiner} {b}"
        return f"{a} {joiner} {b}{self.rng.randint(2, 99)}"

    def _contact(self, core: str, hint: str) -> str:
        if "@" in core and not core.startswith("@") or SPOKEN_ADDRESS.search(core):   # ("b oshea at nnu dot org")
            # no part of the real address is kept: not even its top-level domain (".invalid" is
            # reserved, RFC 2606: no one's address, and no word of one written as "example.com"),
            # nor a word of its domain ("mail" of "mail.mcgill.ca")
            real = set(re.split(r"[^a-z]+", core.lower()))
            domain = next((d for d in ("mail", "post", "inbox") if d not in real), "address")
            others = [n for n in FEMALE + MALE if n[0].lower() != core[0].lower()]   # (never its real initial)
            return self._fresh_handle(lambda: f"{self.rng.choice(others)[0].lower()}"
                                              f"{self.rng.choice(LAST).lower()}@{domain}.invalid")
        if re.search(r"(?i)\bunderscore\b", core):   # a handle said aloud: "rosa dot hill"
            return self._said_handle("dash" if re.search(r"(?i)\bdot\b", core) else "dot")
        if core.startswith("@") and CHAT_ID.fullmatch(core[1:]):   # a chat's member tagged, "<@U04M2NN6R8S>":
            return "@" + self.pseudonym(core[1:], "contact")          # its ID's pseudonym, as in "user": "U04M2NN6R8S"
        if core.startswith("@"):
            return self._fresh_handle(lambda: "@" + self.rng.choice(FEMALE + MALE).lower() + str(self.rng.randint(10, 999)))
        if hint == "URL" or re.match(r"(?i)(https?://|www\.)", core):
            return self._fresh(lambda: f"site{self.rng.randint(1, 999)}.invalid")
        if m := re.fullmatch(r"([a-z]{1,12})\.(?:[a-z]['’\-])?[a-z]+(?:-[a-z]+)?", core):   # a user name: "r.whitmore" is
            # "k.bell", "lowri.keast" is "nina.bell"
            others = [n for n in FEMALE + MALE if n[0].lower() != core[0]]   # (never its real initial)
            first = (lambda: self.rng.choice(others)[0].lower()) if len(m.group(1)) <= 2 else \
                (lambda: self.rng.choice(others).lower())
            return self._fresh_handle(lambda: f"{first()}.{self.rng.choice(LAST).lower()}")
        return self._fresh(lambda: scramble(core, self.rng))
