"""Linking: which entity of the study each mention refers to.

`KeyIndex` holds what the key says about written forms (the entity of each form, each
entity's kind, real name and name words) and which forms are looked for everywhere;
`Linker` links a mention to an entity, creating one when the study has none, and flags
the link when it is uncertain.
"""
from __future__ import annotations

import re

from deid import entity as ent
from deid import lexicon, names, people, pools, words
from deid.matcher import NameMatcher
from deid.model import KNOWN, Flag, Kind, Mention

ACRONYM = re.compile(r"[A-Z]{2,6}")


class KeyIndex:
    """The study key as lookups, kept up to date as entities and forms are added."""

    def __init__(self, study):
        self.study = study
        self.entity_of: dict[str, int] = {}   # form key -> entity
        self.kind_of: dict[int, Kind] = {}
        self.real_of: dict[int, str] = {}
        self.written: dict[str, str] = {}     # form key -> the form as first written
        self.people_with: dict[str, set[int]] = {}   # a name word -> the people whose names have it
        self.acronyms: dict[str, int] = {}           # initials -> the institution they abbreviate
        self.stems: dict[str, int | None] = {}       # a body's name less its kind words -> the body (None: two have it)
        self.aliases: set[str] = set(study.setting("aliases", []))  # nicknames, abbreviations
        for e in study.entities():
            self._entity(e.id, e.kind, e.real)
        for v in study.variants():
            self.add_form(v.real, v.entity)

    def _entity(self, eid: int, kind: Kind, real: str) -> None:
        self.kind_of[eid], self.real_of[eid] = Kind(kind), real
        if kind == Kind.INSTITUTION:
            for caps, short in ((True, False), (False, False), (False, True), (True, True)):
                if acr := ent.acronym(real, caps, short):
                    self.acronyms.setdefault(acr, eid)
            for stem in stems(real):
                k = ent.key_of(stem)
                self.stems[k] = eid if self.stems.get(k, eid) == eid else None
        self._add_tokens(eid, real)

    def _add_tokens(self, eid: int, real: str) -> None:
        if self.kind_of.get(eid) == Kind.PERSON:
            for t in ent.tokens(real):
                self.people_with.setdefault(t.lower(), set()).add(eid)

    def add_form(self, real: str, eid: int) -> None:
        k = ent.key_of(real)
        self.entity_of.setdefault(k, eid)
        self.written.setdefault(k, real)
        self._add_tokens(eid, real)

    def add_entity(self, real: str, kind: Kind, origin: str = "detected") -> int:
        """The entity of `real`, created when the key has none."""
        k = ent.key_of(real)
        if k in self.entity_of:
            return self.entity_of[k]
        eid = self.study.add_entity(kind, real, "", None, origin)
        self.entity_of[k] = eid
        self.written.setdefault(k, real)
        self._entity(eid, kind, real)
        return eid

    def add_alias(self, alias: str, eid: int) -> None:
        self.entity_of[ent.key_of(alias)] = eid
        self.aliases.add(ent.key_of(alias))
        self.study.set_setting("aliases", sorted(self.aliases))

    def institution_of_acronym(self, acronym: str) -> int | None:
        return self.acronyms.get(acronym)

    # ------------------------------------------------------------ what is looked for everywhere
    def searchable(self, form: str, eid: int) -> bool:
        """Whether a form is looked for in every text (the known-name pass and the leak
        check): whole names as written, and each word of a person's name; not the single
        words inside a place or institution ("Street", "Club"), nor ordinary words that are
        no name. A word alone is searchable only when the word alone identifies."""
        if len(form) == 2 and form.isalpha():
            return self._short_name(form, eid)
        if not ent.searchable(form):
            return False
        if self.written.get(form, form) in lexicon.ACRONYMS:
            return False   # an acronym anyone uses, inside a body's name: "VHT" of "Nakifuma VHT"
        kind = self.kind_of.get(eid)
        if ent.is_stop_word(form):  # "Will", "May": looked for mid-sentence only (see matcher)
            return kind == Kind.PERSON and form.title() in names.first_names()
        written = self.written.get(form, form)
        if self._word_of_longer(form, eid):
            return distinctive(written, self.real_of.get(eid, ""))  # one word of a longer name: only one that names
        if " " in form or not words.is_common(form):
            return True
        if form in self.aliases and (kind in (Kind.INSTITUTION, Kind.PERSON) or
                                     kind == Kind.PLACE and not words.is_everyday(form)):
            return True   # the short form of an institution ("Kestrel"), a nickname ("Slim"), found where capitalised;
            # a town or a country found alone that is a word of an address ("Iceland" of "... Akureyri\n Iceland 80296")
        if kind == Kind.PLACE and form == ent.key_of(self.real_of.get(eid, "")) and not words.is_everyday(form):
            return True   # a town whose name is frequent ("Leicester"), not one that is a word ("Reading")
        # a single ordinary word ("Orchestra", "Comedy") is found again only if it is a name:
        # listed as one, or a person's name word nobody writes as a lower-case word
        # ("Crowther" of "Bethany Crowther": frequent, as a name, and in no word list), or the
        # whole name of someone known by that word alone ("Tame was a delegate"), found where
        # capitalised; a word hardly anyone uses, but as a name ("Tranter" of "Alf Tranter")
        return kind == Kind.PERSON and (form.title() in names.first_names() or form.title() in names.last_names()
                                        or not words.written_lower(form) or words.is_rare(form)
                                        or form.title() in lexicon.LANGUAGE_NAMES
                                        or form == ent.key_of(self.real_of.get(eid, "")))
        # (a language in someone's name is theirs wherever it is written: "Welsh" of "Sandra Welsh")

    def _word_of_longer(self, form: str, eid: int) -> bool:
        """One word of a longer place or institution name, not found alone ("Puhinui" of
        "Puhinui School")."""
        return self.kind_of.get(eid) != Kind.PERSON and " " not in form and \
            form != ent.key_of(self.real_of.get(eid, "")) and form not in self.aliases and \
            not ACRONYM.fullmatch(self.written.get(form, form))

    def _short_name(self, form: str, eid: int) -> bool:
        """A person's name of two letters: a word of a longer name found ("Ng" of "Kevin
        Ng", "Mo" of "Mo Patel"), or a name said alone that the lists hold ("Mo")."""
        if self.kind_of.get(eid) != Kind.PERSON:
            return False
        real = [t.lower() for t in ent.tokens(self.real_of.get(eid, ""))]
        if len(real) > 1:
            return form in real
        title = form.title()
        return (form in real or form in self.aliases) and (title in names.first_names() or title in names.last_names())

    def matcher(self, allow=(), exclude=frozenset()) -> NameMatcher:
        """The matcher of every searchable form (but those in `exclude`, keys). The last
        few are kept: `veil run` asks for the same one several times a recording, and
        building one for a key of thousands of forms takes a good part of a second."""
        forms = tuple((f, e) for f, e in self.entity_of.items() if f not in exclude and self.searchable(f, e))
        proper = frozenset(f for f, e in forms if self._word_of_longer(f, e))
        key = (forms, tuple(allow), proper)
        m = _MATCHERS.pop(key, None) or NameMatcher(forms, allow, capitalised=proper)
        _MATCHERS[key] = m
        while len(_MATCHERS) > 4:
            del _MATCHERS[next(iter(_MATCHERS))]
        return m


_MATCHERS: dict[tuple, NameMatcher] = {}   # the matchers built last, the newest last


class Linker:
    """Links mentions to entities, in file order."""

    def __init__(self, index: KeyIndex):
        self.index = index
        self.recent: dict[int, int] = {}  # entity -> last file it was mentioned in

    def link(self, m: Mention) -> int:
        """The entity of a mention (set on it); flags a first name that more than one person has."""
        ix = self.index
        k = ent.key_of(m.text)
        eid = ix.entity_of.get(k)
        if eid is not None and m.kind == ix.kind_of.get(eid) == Kind.PERSON and self.recent.get(eid) != m.file \
                and " " not in m.text:
            eid = self._one_here(k, m.file) or eid   # "Brook" in the file of Brook Jenkins, not "Mr A Brook" of another
        if eid is None and len(ent.tokens(m.text)) == 1 and (
                m.kind == Kind.PERSON or m.kind in (Kind.PLACE, Kind.INSTITUTION) and _a_name_word(m.text)):
            # a word of a known person's name is that person, even where NER took it for a
            # place or an organisation ("Abdulrahman" alone after "Abdulrahman Yusuf")
            eid = self._person_by_word(m, k)
            if eid is not None:
                m.kind = Kind.PERSON
        if eid is None and len(ent.tokens(m.text)) > 1 and (
                m.kind == Kind.PERSON or m.kind in (Kind.PLACE, Kind.INSTITUTION) and made_of_names(m.text)):
            eid = self._person_by_tail(m)   # ("Ní Bhriain to visit": NER's place)
            if eid is not None:
                m.kind = Kind.PERSON
        if eid is None and m.kind != Kind.CONTACT and self.index.stems.get(k) is not None and \
                not (m.kind == Kind.PERSON and a_persons_name(m.text)):
            # a body called without its kind words: "Oakley Vale" of "Oakley Vale Academy", even
            # where NER read a person (not the person a body is named after: "Dorothy Haines was
            # a visiting nurse" beside "Dorothy Haines Family Health Center")
            eid = self.index.stems[k]
            m.kind = Kind.INSTITUTION
        if eid is None and ACRONYM.fullmatch(m.text) and (m.kind == Kind.INSTITUTION or
                                                          m.kind != Kind.CONTACT and len(m.text) > 2):
            eid = ix.institution_of_acronym(m.text)   # ("AWFT": NER's person; not a person's "FM")
            if eid is not None:
                m.kind = Kind.INSTITUTION
        if eid is None:
            eid = ix.add_entity(m.text, m.kind)
        elif stands_alone(m, ix.kind_of.get(eid)) and k not in ix.aliases and k != ent.key_of(ix.real_of[eid]):
            ix.add_alias(m.text, eid)   # found alone ("Glasgow" of "Glasgow Caledonian"): looked for alone too
        m.entity = eid
        self.recent[eid] = m.file
        return eid

    def _person_by_word(self, m: Mention, k: str) -> int | None:
        """A single name word: the person whose name has it, the one of this file first."""
        cands = sorted(self.index.people_with.get(k, ()))
        if not cands:   # a nickname of someone of this file: "Tom" of "Thomas Whitfield"; "Raj" of "Rajesh"
            fulls = {f.lower() for f in people.full_names(m.text)}
            cands = sorted({e for full in fulls for e in self.index.people_with.get(full, ())
                            if self.recent.get(e) == m.file})
            if not cands and len(k) > 2 and m.text not in names.first_names():   # ("Ann" is her own name)
                cands = sorted(e for e, real in self.index.real_of.items() if self.recent.get(e) == m.file
                               and self.index.kind_of.get(e) == Kind.PERSON and len(toks := ent.tokens(real)) > 1
                               and toks[0].lower().startswith(k) and toks[0].lower() != k)   # a first name cut short
        here = [e for e in cands if self.recent.get(e) == m.file]
        pick = here or cands
        if len(pick) > 1:
            m.flags.append(Flag.AMBIGUOUS)
        return max(pick, key=lambda e: (self.recent.get(e, -1), e)) if pick else None


    def _one_here(self, k: str, file: int) -> int | None:
        """The one person of the file being read whose name has the word."""
        here = [e for e in self.index.people_with.get(k, ()) if self.recent.get(e) == file]
        return here[0] if len(here) == 1 else None

    def _person_by_tail(self, m: Mention) -> int | None:
        """A name written shorter, of the one person of this file it fits: "P. Raghunathan"
        or "Ní Bhriain" after "Priya Raghunathan" and "Niamh Ní Bhriain" (initials, then the
        words the person's name ends with)."""
        toks = ent.tokens(m.text)
        lead = 0
        while lead < len(toks) - 1 and INITIAL.fullmatch(toks[lead]):
            lead += 1
        tail = [t.lower() for t in toks[lead:]]
        if lead == 0 and toks[0] in names.first_names():
            return None   # "Marie Smith" is not "Anne Marie Smith"
        fits = [e for e in self.index.people_with.get(tail[-1], ()) if self.recent.get(e) == m.file
                and _fits(ent.tokens(self.index.real_of[e]), [t[0] for t in toks[:lead]], tail)]
        return fits[0] if len(fits) == 1 else None


INITIAL = re.compile(r"[A-Z]\.?")


def stems(real: str) -> list[str]:
    """A body's name less the kind words (and a department's letters) it ends with, two words
    at least: "Nene Valley General" and "Nene Valley" of "Nene Valley General Hospital ED"."""
    toks, out = real.split(), []
    while len(toks) > 2 and (_a_kind(toks[-1]) or toks[-1] in lexicon.ACRONYMS or
                             toks[-1].isupper() and len(toks[-1]) <= 4):
        toks = toks[:-1]
        out.append(" ".join(toks))
    return out


def _fits(real: list[str], initials: list[str], tail: list[str]) -> bool:
    """Whether a full name ends with `tail` and its words before have these initials first."""
    n = len(real) - len(tail)
    return n > 0 and [t.lower() for t in real[n:]] == tail and len(initials) <= n and \
        all(real[i][0].upper() == x for i, x in enumerate(initials))


def distinctive(word: str, name: str = "") -> bool:
    """A word of a place's or an institution's name that no dictionary holds and that names
    no kind: it identifies alone ("Puhinui" of "Puhinui School", "Ar-Rahmah" of "Masjid
    Ar-Rahmah"; not "Royal", "Glasgow", a people, "Pasifika", nor words run together,
    "Plotholders"). So does a word a dictionary holds that is all of `name` but its kind
    words, unless an everyday one ("Soar" of "Capel Soar", not "Hope" of "Capel Hope")."""
    w = word.lower()
    if not word[:1].isupper() or len(word) < 4 or _a_kind(word):
        return False
    if w in lexicon.domain_words() or w in lexicon.public_vocabulary():
        return False
    if words.is_common(word):
        others = [t for t in ent.tokens(name) if t.lower() != w]
        if not others or not all(_a_kind(t) for t in others) or words.is_everyday(word) or ent.is_stop_word(word):
            return False
    return not words.run_together(w)


def stands_alone(m: Mention, kind: Kind | None) -> bool:
    """A word of a longer place or institution name that detection found on its own, sure
    of it (not a flag, not a known name found again): "she's in Glasgow" beside "Glasgow
    Caledonian", "never to Ar-Rahmah" beside "Masjid Ar-Rahmah"."""
    bodies = (Kind.PLACE, Kind.INSTITUTION)
    if m.kind not in bodies or kind not in bodies or len(ent.tokens(m.text)) > 1:
        return False
    if m.keep or m.flags or m.recognizer == KNOWN or not m.text[:1].isupper():
        return False
    return not _a_kind(m.text)


def _a_kind(word: str) -> bool:
    """A word that says what kind of body or place, not which ("Street", "Royal", "Hospital")."""
    return ent.is_generic(word) or pools.norm(word) in pools.kind_words()


def a_persons_name(text: str) -> bool:
    """A listed first name, then a listed surname last: "Dorothy Haines"."""
    toks = ent.tokens(text)
    return len(toks) > 1 and toks[0] in names.first_names() and toks[-1].title() in names.last_names()


def made_of_names(text: str) -> bool:
    """Every word a listed name or no dictionary's word: what NER calls a body or a place may
    be a person's name ("Ní Bhriain to visit")."""
    return all(_a_name_word(t) for t in ent.tokens(text))


def _a_name_word(word: str) -> bool:
    """A listed name, or a word no dictionary or gazetteer holds ("Oksana")."""
    w = word.title()
    return w in names.first_names() or w in names.last_names() or \
        not words.is_common(word) and w not in names.place_words()


def configured_kind(cfg, real: str, default: Kind) -> Kind:
    if real in cfg.kinds:
        return Kind(cfg.kinds[real])
    if default == Kind.PERSON and ent.acronym(real) and any(k.lower() in real.lower()
                                                             for k in lexicon.INSTITUTION_KINDS):
        return Kind.INSTITUTION
    return default
