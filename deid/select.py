"""Selection: from everything the recognizers found in a text, the spans that identify
someone, without overlaps, each narrowed to its identifying words; a person's name is
taken whole (the capitalised words and initials written next to a detected part)."""
from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass

import regex

from deid import entity as ent
from deid.labels import DEVICE
from deid import lexicon, names, table, words
from deid.model import Kind, Span, SpanSet

CONTEXT_RECOGNIZERS = ("NameContextRecognizer", "TitledPersonRecognizer")  # a name by its context
CHAT_SENDER = "ChatSenderRecognizer"   # a name by its place in a chat's line
BY_PLACE = (CHAT_SENDER, table.NAME_COLUMN_RECOGNIZER)   # ... or in a table's column of names
KNOWN = "KnownEntityRecognizer"
# which of two spans of the same length wins
PRIORITY = {Kind.CONTACT: 1, Kind.PERSON: 2, Kind.INSTITUTION: 3, Kind.PLACE: 4, Kind.DATE: 5}
# where NER reads past a name: a line break, a tab, a run of spaces, a spaced dash
# ("Adelaide Hospital – Clinical Ethics Committee")
# and a chat's emoji ("nobobaba 🙏🏾 Welcome to the group": no name runs through one)
FIELD_GAP = regex.compile(r"\n|[ \t]*\t[ \t]*|[ ]{3,}|[ \t]+[–—|\-/][ \t]+|[ \t]*(?![%s])\p{So}[\p{So}\p{Sk}\u200d\ufe0f]*[ \t]*"
                          % ent.NOT_EMOJI)   # (" - " too: "BO - Client referred"; " / ": "N. Hopkin / S. Pugh")
# the end of a street's name that is no one's surname ("Lane", "Court" are)
STREET_ENDS = frozenset(lexicon.STREET_ABBREVIATIONS + ("St", "Street", "Road", "Avenue", "Boulevard", "Row", "Drove",
                                                        "Terrace", "Crescent", "Mews", "Wynd"))
SALUTATION = re.compile(r"(?:Dear|Hi|Hello|Hey)[ \t]+(?=[A-Z])")
NUMBERED = re.compile(r"\d|\b(?:%s)\b" % ent.NUMBER_WORDS)
GRADE = re.compile(lexicon.TRAINING_GRADE)   # "FY1", "CT2": a stage of training


@dataclass
class Candidate:
    """A span some recognizer found, narrowed to its identifying words."""
    start: int
    end: int
    kind: Kind
    score: float
    recognizer: str
    presidio_type: str
    known: bool = False

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def rank(self) -> tuple:
        """Known names first, then patterns (addresses, contacts), then the longest."""
        pattern = self.presidio_type == "STREET_ADDRESS" or self.kind == Kind.CONTACT
        return (0 if self.known else 1 if pattern else 2, -(self.end - self.start), PRIORITY[self.kind],
                -self.score, self.start, self.end)


def select(results, known: list[tuple[int, int, Kind]], text: str, allow: set[str],
           phrases: list[Span] = (), tabs: list[int] = ()) -> list[Candidate]:
    """Non-overlapping candidates, in text order. `results`: Presidio's; `known`: the
    study's known names found in the text (start, end, kind of their entity); `phrases`: where
    the allow-list's phrases stand (`allowed_phrases`); `tabs`: where the text as written has
    a tab, a cell's edge (detection reads a line there)."""
    cands = [part for c in (_candidate(r, text, allow) for r in _cells_apart(text, results, tabs)) if c
             for part in _places_apart(text, c)]
    cands += _bodies_joined(cands) + _place_before_body(text, cands) + _towns_joined(text, cands) + \
        _article_joined(text, cands) + _patronymic_joined(text, cands)
    for s, e, kind in known:
        s, e, core = ent.trim(text, s, e, kind)
        if core and e > s:
            cands.append(Candidate(s, e, kind, 1.0, KNOWN, ent.PRESIDIO_OF[kind.value], known=True))
    inside = SpanSet(phrases)
    cands = [c for c in (_off_phrases(text, c, inside) for c in cands) if c is not None
             and not any(p.contains(c.span) for p in inside.overlapping(c.span)) and not _of_phrases(text, c, inside)]
    # (a word of a phrase that names no one: "Kia" of "Kia ora", "Care" of "Elderly Care")
    taken, out = SpanSet(), []
    for c in sorted(cands, key=Candidate.rank):
        if not taken.overlaps(c.span):
            taken.add(c.span)
            out.append(c)
    out.sort(key=lambda c: (c.start, c.end))
    out = _surname_first(text, out)
    taken = SpanSet(c.span for c in out)
    fence = SpanSet([c.span for c in out] + list(phrases))   # (a name grows into no phrase: "kia ora aroha")
    out = [_after_initial(text, c) for c in out]
    return _not_inside([_house_number(text, with_kind(text, _whole(text, c, fence), taken), taken) for c in out])


def _not_inside(cands: list[Candidate]) -> list[Candidate]:
    """Candidates in text order, less any a name taken whole now holds ("Coffins" NER read
    alone, of "Evans the Coffins")."""
    out: list[Candidate] = []
    for c in cands:
        if out and out[-1].start <= c.start and c.end <= out[-1].end:
            continue
        out.append(c)
    return out


def _off_phrases(text: str, c: Candidate, inside: SpanSet) -> Candidate | None:
    """A person's name NER read on into a phrase that names no one, the phrase cut off:
    "aroha" of "kia ora aroha" (a body's name may hold one: "Kia Ora Clinic"); any name, into a
    term's acronym the text defines ("Add ETO": a word and the term)."""
    if c.known:
        return c
    s, e = c.start, c.end
    for p in inside.overlapping(c.span):
        if c.kind != Kind.PERSON and " " in text[p.start:p.end]:
            continue
        if p.start <= s < p.end < e:
            s = p.end
        elif s < p.start < e <= p.end:
            e = p.start
    if (s, e) == (c.start, c.end):
        return c
    part = text[s:e]
    s, e = s + len(part) - len(part.lstrip(" \t\n,;:")), e - len(part) + len(part.rstrip(" \t\n,;:"))
    s, e, core = ent.trim(text, s, e, c.kind)
    if not core or e <= s or c.kind != Kind.PERSON and " " not in core and words.is_common(core):
        return None   # (a body's word left alone is no body: "Add" of "Add ETO flag")
    return Candidate(s, e, c.kind, c.score, c.recognizer, c.presidio_type)


def _of_phrases(text: str, c: Candidate, inside: SpanSet) -> bool:
    """A body NER or a pattern read across phrases that name no one and small words:
    "Midwifery and Allied Health" of a "School of Nursing, ..." (fields of study)."""
    if c.known or c.kind != Kind.INSTITUTION or not inside.overlaps(c.span):
        return False
    rest = "".join(" " if inside.overlaps(Span(i, i + 1)) else ch for i, ch in enumerate(text[c.start:c.end], c.start))
    return all(t.lower() in TRAINING_LOWER or ent.is_stop_word(t) for t in ent.tokens(rest))


# the words of a hospital's and a doctor's training ("Midwifery"): not a language or a people,
# "Punjabi Community Health" is a body
TRAINING_LOWER = frozenset(t.lower() for t in lexicon.TRAINING_TERMS)


def _whole(text: str, c: Candidate, taken: SpanSet) -> Candidate:
    """A person's name taken whole, and a Gaelic name with its article ("Baile an Droichid")."""
    own = c.span
    if c.kind == Kind.PERSON:
        c = whole_name(text, c, taken)
    elif c.kind == Kind.INSTITUTION and all(t in lexicon.BODY_KIND_WORDS for t in ent.tokens(text[c.start:c.end])) and \
            (name := NAME_BEFORE_KIND.search(text, max(0, c.start - 40), c.start)) and \
            not (ent.is_stop_word(name.group(1).split()[0]) and ent.starts_sentence(text, name.start(1))) and \
            name.group(1).split()[0].lower() not in DETERMINERS and \
            not taken.overlaps(Span(name.start(1), c.start)):
        # NER's body of its kind word alone: the name before it is the body's ("Top" of "Top Nails")
        c = Candidate(name.start(1), c.end, c.kind, c.score, c.recognizer, c.presidio_type, c.known)
    s, e = with_article(text, c.start, c.end)
    if c.kind != Kind.CONTACT and (s, e) != (c.start, c.end) and \
            not any(o != own for o in taken.overlapping(Span(s, e))):
        c = Candidate(s, e, c.kind, c.score, c.recognizer, c.presidio_type, c.known)
    return c


# (a determiner before a kind is none of a name: "in its mission", truecased "Its Mission")
DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "every", "each", "any", "some", "no")
                        + lexicon.POSSESSIVES + ("its",))
NAME_BEFORE_KIND = regex.compile(r"(?<![\w'’\-])((?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3})\Z")
INITIAL_BEFORE = regex.compile(r"(?<![\w.])\p{Lu}\.[ \t]+$")


def _after_initial(text: str, c: Candidate) -> Candidate:
    """One word NER called a body or a place after an initial is a surname: "D. Whitcombe"
    (taken whole as a person's name after this)."""
    if c.kind in (Kind.INSTITUTION, Kind.PLACE) and not c.known and " " not in text[c.start:c.end] and \
            INITIAL_BEFORE.search(text, max(0, c.start - 4), c.start) and not words.is_common(text[c.start:c.end]):
        return Candidate(c.start, c.end, Kind.PERSON, c.score, c.recognizer, "PERSON", c.known)
    return c


_PHRASES: dict[frozenset, re.Pattern] = {}


def allowed_phrases(text: str, allow: set[str]) -> list[Span]:
    """Where the allow-list's phrases stand in a text: no word of them is a name."""
    return [Span(*m.span()) for m in _phrases(frozenset(allow)).finditer(text)]


def _phrases(allow: frozenset) -> re.Pattern:
    """The allow-list's phrases of two words or more ("Kia ora", "McKinney-Vento"), as one
    pattern (built once a study)."""
    if allow not in _PHRASES:
        terms = sorted((t for t in allow if " " in t or "-" in t), key=len, reverse=True)
        _PHRASES.clear()
        _PHRASES[allow] = re.compile(r"(?<![\w'’-])(?:%s)(?![\w'’-])" % "|".join(map(_phrase, terms)) if terms
                                     else r"(?!)", re.I)
    return _PHRASES[allow]


def _phrase(term: str) -> str:
    """A phrase as a pattern: broken over a line too ("An Occupational\nHealth referral"),
    unless a word of it is a name ("me and Kia\nOra was there": Kia, Ora, two people)."""
    if any(w.title() in names.first_names() or w.title() in names.last_names() for w in term.split()):
        return re.escape(term).replace(r"\ ", " +")
    return re.escape(term).replace(r"\ ", r"(?: +| *\n[ \t]*)")


PLACE_COMMA = re.compile(r"[ \t]*,[ \t]*")
# two names NER read as one across "and" in another language: "Zillah y Granger" (two towns)
TWO_NAMES = regex.compile(r"(\p{Lu}[\p{Ll}\p{M}'’\-]+)[ \t]+(?:y|e|et|und|i|och|og)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’\-]+)")
AT = re.compile(r"[ \t]+at[ \t]+")
ADDRESS_ABBREVIATIONS = frozenset(w.rstrip(".").lower() for w in lexicon.STREET_PREFIXES + lexicon.UNIT_TYPES) | {
    "str", "apt", "avda", "av", "ul", "al", "pl", "os", "nr", "no", "bldg", "blk", "ste", "po"}
SENTENCE_STOP = regex.compile(r"(\w+)\.[ \t]+(?=\p{Lu})")
# abbreviations a name goes on after: "St. Luke's", "Mt. Sinai", "Co. Durham"
ABBREVIATIONS = frozenset(lexicon.TITLES_WRITTEN + lexicon.STREET_ABBREVIATIONS + (
    "St", "Mt", "Ft", "Co", "Bros", "Jr", "Sr", "No", "Lt", "Col", "Gen", "Capt", "Sgt", "Hon", "Gov", "Sen", "Rep"))


def _cells_apart(text: str, results: list, tabs: list[int] = ()) -> list:
    """What NER read across the cells of a table ('Relation famille","Mme Després', 'EX-0519",
    "E07 Rosalie'; an address into the tab-separated cells after it, "Tōtara Street
    Medical<tab>Private (corporate)<tab>Kaikohe"), a finding for each cell, read then as any
    other: no name runs from one field into the next."""
    out, cells = [], table.cells(text)
    for r in results:
        parts = cells.apart(r.start, r.end)
        cut = [piece for a, b in parts for piece in _apart_at(a, b, tabs)]
        # (an address read on into the cells after a tab: its street, the first)
        parts = cut[:1] if r.entity_type == "STREET_ADDRESS" and len(cut) > len(parts) else cut
        if parts == [(r.start, r.end)]:
            out.append(r)
            continue
        for s, e in parts:
            if any(ch.isalpha() for ch in text[s:e]):
                part = copy.copy(r)
                part.start, part.end = s, e
                out.append(part)
    return out


def _apart_at(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """`start`..`end` cut at the positions `cuts` (sorted) inside it."""
    i, out = bisect.bisect_right(cuts, start), []
    while i < len(cuts) and cuts[i] < end:
        out.append((start, cuts[i]))
        start, i = cuts[i] + 1, i + 1
    return out + [(start, end)]


def _places_apart(text: str, c: Candidate) -> list[Candidate]:
    """Places NER read as one ("King's Hall, Stoke", "Kolonga, Tonga"), each on its own: the
    town is then known alone ("Stoke at home that afternoon"). An address stays whole; a
    body only when it was a list."""
    c = _after_at(text, c)
    if c.kind in (Kind.PERSON, Kind.PLACE) and (pair := TWO_NAMES.fullmatch(text, c.start, c.end)) and \
            not any(words.is_common(pair.group(i)) for i in (1, 2)):   # (a word alone would be dropped)
        return [Candidate(*pair.span(i), Kind.PLACE if names.is_town(pair.group(i)) else c.kind, c.score, c.recognizer,
                          c.presidio_type, c.known) for i in (1, 2)]
    if c.kind == Kind.INSTITUTION and (person := WITH_PERSON.search(text, c.start, c.end)) and \
            not words.is_common(person.group(1)):   # "a team leader at Fosse View with Preet"
        return [Candidate(c.start, person.start(), c.kind, c.score, c.recognizer, c.presidio_type, c.known),
                Candidate(*person.span(1), Kind.PERSON, c.score, c.recognizer, "PERSON", c.known)]
    if c.kind == Kind.INSTITUTION and (street := ON_STREET.search(text, c.start, c.end)) and \
            street.group(1).split()[-1] in STREET_LAST_WORDS:   # "Holy Rosary Villa on Dunmallow Crescent"
        return [Candidate(c.start, street.start(), c.kind, c.score, c.recognizer, c.presidio_type, c.known),
                Candidate(*street.span(1), Kind.PLACE, c.score, c.recognizer, "LOCATION", c.known)]
    if c.kind not in (Kind.PLACE, Kind.INSTITUTION) or c.presidio_type == "STREET_ADDRESS" or \
            "," not in text[c.start:c.end]:
        return [c]
    parts, s = [], c.start
    for sep in list(PLACE_COMMA.finditer(text, c.start, c.end)) + [None]:
        e = sep.start() if sep else c.end
        if any(ch.isalpha() for ch in text[s:e]):
            parts.append(Candidate(s, e, c.kind, c.score, c.recognizer, c.presidio_type, c.known))
        s = sep.end() if sep else e
    if c.kind == Kind.PLACE:
        return parts
    # a body read across a list ("Rob, FY1, Elderly Care at St Cuthbert"): a part that is no
    # name says so; its names are then read on their own (a first name as a person's)
    if not any(all(_public(t) or GRADE.fullmatch(t) for t in ent.tokens(text[p.start:p.end])) for p in parts):
        return [c]
    return [_after_at(text, p) for p in parts if _a_body_part(text[p.start:p.end])]


def _a_body_part(part: str) -> bool:
    """A part of a list that may name a body: a word in it no dictionary has ("St
    Cuthbert"); not a first name alone (read then as a person's), a post or a department
    ("Lecturer", "Public Health")."""
    toks = ent.tokens(part)
    if len(toks) == 1 and part in names.first_names():
        return False
    return any(not words.is_common(t) and not _public(t) and not GRADE.fullmatch(t) for t in toks)


def _after_at(text: str, c: Candidate) -> Candidate:
    """A body NER read with the department before it, "Elderly Care at St Cuthbert's": the
    body is what follows "at"."""
    at = AT.search(text, c.start, c.end) if c.kind == Kind.INSTITUTION else None
    if at and all(_public(t) or GRADE.fullmatch(t) for t in ent.tokens(text[c.start:at.start()])):
        return Candidate(at.end(), c.end, c.kind, c.score, c.recognizer, c.presidio_type, c.known)
    return c


def _bodies_joined(cands: list[Candidate]) -> list[Candidate]:
    """Two readings of one body that overlap, neither holding the other ("Prairie Hollow
    Community School" and "Hollow Community School District"), joined: the longer alone
    would leave the other's end ("Prairie") behind."""
    bodies = sorted((c for c in cands if c.kind == Kind.INSTITUTION and not c.known), key=lambda c: c.start)
    out = []
    for a, b in zip(bodies, bodies[1:]):
        if a.start < b.start < a.end < b.end:
            best = max(a, b, key=lambda c: c.score)
            out.append(Candidate(a.start, b.end, Kind.INSTITUTION, best.score, best.recognizer, best.presidio_type))
    return out


# a father's name joined to one's own, as Malay, Arab and Tamil names are: "Siti Hajar binti
# Rahmat", "Rajesh s/o Krishnan", "Muthu a/l Raman"
PATRONYMIC = regex.compile(r"[ \t]+(?:%s)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’\-]+){0,2})"
                           r"(?![\w'’])" % "|".join(lexicon.PATRONYMIC_MARKERS))


def _patronymic_joined(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A person's name and the father's name after "bin", "binti", "s/o", "d/o": one
    person, one pseudonym, one set of initials ("SHR" of "Siti Hajar binti Rahmat"), however
    NER read the two (as two people, or the father's name as nothing)."""
    out = []
    for c in cands:
        if c.kind == Kind.PERSON and (m := PATRONYMIC.match(text, c.end)):
            end = m.start(1)
            for w in regex.finditer(r"\S+", m.group(1)):   # (the father's name, not a word after it: "Osman Said")
                if words.is_everyday(w.group()) and w.group() not in names.last_names():
                    break
                end = m.start(1) + w.end()
            if end > m.start(1):
                out.append(Candidate(c.start, end, Kind.PERSON, c.score, c.recognizer, "PERSON"))
    return out


def _place_before_body(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A place NER read right before a body it read apart is part of the body's name:
    "Calloway County" and "Sheriff's Office" of "Calloway County Sheriff's Office"."""
    out, cands = [], sorted(cands, key=lambda c: (c.start, c.end))
    for a, b in zip(cands, cands[1:]):
        if a.kind == Kind.PLACE and b.kind == Kind.INSTITUTION and not a.known and not b.known and \
                text[a.end:b.start] == " " and a.presidio_type != "STREET_ADDRESS":
            out.append(Candidate(a.start, b.end, Kind.INSTITUTION, b.score, b.recognizer, b.presidio_type))
    return out


# the rest of a name joined by hyphens: "-des-Outardes", "-y-Garth", "-upon-Avon" (not "-based")
HYPHENATED_REST = regex.compile(r"(?:-(?:\p{Lu}[\p{L}'’]+|(?:de|des|du|la|le|sur|upon|on|en|y|yr|am|under|in)"
                                r"(?=-\p{Lu})))+(?![\w\-])")
ON_BEFORE = regex.compile(r"\b(?:on|onto)[ \t]+$")
WARD_BEFORE = regex.compile(r"\b(?:to|from|off)[ \t]+$")
PLACE_WORD_BEFORE = regex.compile(r"\b(?:in|to|from|near|outside|around)[ \t]+$")
# a word said of a person before the name, in lower case: "young emyr", "poor ruthie"
ADJECTIVE_FIRST = regex.compile(r"(?i:%s)[ \t]+(?=\w)" % "|".join(lexicon.SAID_OF_PEOPLE))
# a particle between a title and the name NER found: "Mr van Dijk", "mr ap rhys"
PARTICLE_AFTER_TITLE = regex.compile(r"(?i:\b(?:%s)\.?)[ \t]+((?:(?:%s)[ \t]+){1,2})$"
                                     % ("|".join(lexicon.TITLE_WORDS), "|".join(lexicon.NAME_PARTICLES)))
# the kind of a body, in a language other than English, before its name however written:
# "capel seion", "ysgol bro dyfi" (a speech recogniser's lower case)
PREFIX_BEFORE = regex.compile(r"(?i:\b(capel|eglwys|ysgol|masjid))[ \t]+$")
# a town of several words joined by a small one, which NER reads as two: "Port of Spain",
# "Stratford-upon-Avon" is one word already
CAPITALISED = regex.compile(r"\p{Lu}[\p{L}'’]+")
LINKED_TOWN = regex.compile(r"\b\p{Lu}[\p{L}'’]+(?:[ \t]+(?:of|upon|on|in|under|de|la|du|des|del|sur)"
                            r"[ \t]+\p{Lu}[\p{L}'’]+)+")


def _towns_joined(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A listed town NER read in parts ("Port" and "Spain" of "Port of Spain"), whole: the
    longer candidate wins over its parts."""
    places = [c for c in cands if c.kind == Kind.PLACE]
    out = []
    for first in places:
        m = LINKED_TOWN.match(text, first.start)
        ends = [w.end() for w in CAPITALISED.finditer(text, first.start, m.end())] if m else []
        end = next((e for e in reversed(ends[1:]) if names.is_town(text[first.start:e])), None)
        if end is not None:   # ("Back in Port of Spain": from the part NER found, "Port of Spain")
            parts = [c for c in places if first.start <= c.start and c.end <= end]
            best = max(parts, key=lambda c: c.score)
            out.append(Candidate(first.start, end, Kind.PLACE, best.score, best.recognizer, best.presidio_type))
    return out


# the article of an Irish or a Scottish Gaelic name, and the word on its other side: "Baile
# an Droichid", "Nic an Iomaire", "Gleann na Muice"
ARTICLE_AFTER = regex.compile(r"[ \t]+(?:%s)[ \t]+((?:[thn]-?)?\p{Lu}[\p{Ll}\p{M}'’\-]+)(?![\w'’])"
                              % "|".join(lexicon.GAELIC_ARTICLES))   # ("Mac an tSaoi", "na hÉireann")
ARTICLE_BEFORE = regex.compile(r"(?<![\w'’\-])(\p{Lu}[\p{L}\p{M}'’\-]+)[ \t]+(?:%s)[ \t]+$"
                               % "|".join(lexicon.GAELIC_ARTICLES))


def _article_joined(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A Gaelic name NER read without its article and the word beyond ("Baile" and
    "Droichid", or "Cnoc" alone, of "Cnoc an Daimh"), whole: where the word on the article's
    other side is in no English dictionary (English puts no "an" between two names)."""
    out = []
    for c in cands:
        s, e = with_article(text, c.start, c.end)
        if c.kind != Kind.CONTACT and (s, e) != (c.start, c.end):
            out.append(Candidate(s, e, c.kind, c.score, c.recognizer, c.presidio_type))
    return out


# the article a Māori name opens with, however written: "Te Puna Ora", "te manawa ora", "Ngā Hau"
MAORI_ARTICLE = regex.compile(r"(?<![\w'’\-])(?:[Tt]e|[Nn]g[āa])[ \t]+$")


def with_article(text: str, s: int, e: int) -> tuple[int, int]:
    """A name's span with a Gaelic article and the word beyond it on either side, or the
    Māori article before it (a name of no English word: not "te" of French's "je te vois")."""
    if (m := MAORI_ARTICLE.search(text, max(0, s - 5), s)) and not words.is_common(ent.tokens(text[s:e])[0]):
        s = m.start()
    if (m := ARTICLE_AFTER.match(text, e)) and not words.is_common(m.group(1)) and \
            m.group(1) not in names.first_names():   # (not "Siobhan an Dave", a dialect's "and")
        e = m.end()
    if (m := ARTICLE_BEFORE.search(text, max(0, s - 40), s)) and not words.is_common(m.group(1)) and \
            not ent.starts_sentence(text, m.start(1), quoted=True):
        s = m.start()
    return s, e


FIELD_START = regex.compile(r"(?:^|\n|:[ \t]*|\t|[ ]{2}|\d\][ ])$")   # where a record's field begins (and
# a chat's sender after its time: "[10:07] Begum, Sumaiya")
GIVEN_AFTER = regex.compile(r",[ ]?(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?(?:[ ]\p{Lu}[\p{Ll}\p{M}'’]+){0,2})(?![\w'’])")


def _surname_first(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A name as records write it, surname first where a field begins ("Child 1: NOWAK,
    Tomasz", "Mother: Adeyemi, Folake Titilayo"): one person, whatever NER made of its parts
    (a place "Adeyemi", a person "Nowak" and another "Tomasz"); not an acronym before a name
    ("CHW, Hope Washington"), nor a name said twice ("Kasia, Kasia Wróblewska")."""
    joined, skip_to = [], -1
    for c in cands:
        if c.start < skip_to:
            continue
        if (whole := _read_as_one(text, c)) is not None:
            c = whole
        g = GIVEN_AFTER.match(text, c.end)
        if g and _inverted(text, c, g.group(1)):
            c = Candidate(c.start, g.end(), Kind.PERSON, c.score, c.recognizer, "PERSON")
            skip_to = g.end()
        elif (before := _surname_before(text, c)) is not None:   # NER found the given name only
            if joined and joined[-1].end > before:   # (a candidate on the surname joins it; a time's
                last = joined.pop()                   # "10:02] Okafor" gives the surname up)
                before = min(before, last.start) if last.kind in (Kind.PERSON, Kind.PLACE, Kind.INSTITUTION) else before
            c = Candidate(before, c.end, Kind.PERSON, c.score, c.recognizer, "PERSON")
        joined.append(c)
    return joined


def _read_as_one(text: str, c: Candidate) -> Candidate | None:
    """A name surname first that NER read whole as a body or a place ("[10:07] Begum,
    Sumaiya" of a chat's sender): a person."""
    comma = text.find(",", c.start, c.end)
    if c.kind not in (Kind.PLACE, Kind.INSTITUTION) or comma < 0 or \
            not (g := GIVEN_AFTER.match(text, comma)) or g.end() != c.end:
        return None
    probe = Candidate(c.start, comma, Kind.PERSON, c.score, c.recognizer, "PERSON")
    given, surname = g.group(1).split()[0], text[c.start:comma]
    # (a given name no list holds, after a listed surname: "Begum, Sumaiya")
    unlisted = surname in names.last_names() and not words.is_common(given) and not names.is_town(given)
    return Candidate(c.start, c.end, Kind.PERSON, c.score, c.recognizer, "PERSON") \
        if _inverted(text, probe, g.group(1)) or unlisted and (FIELD_START.search(text, max(0, c.start - 3), c.start)
                                                              or text[c.start - 1:c.start] == "(") else None


# (right before the given name: not a letter's closing, "Best,\nNoor", a line apart)
SURNAME_BEFORE = regex.compile(r"(\p{Lu}[\p{L}\p{M}'’\-]+),[ ]?\Z")


def _surname_before(text: str, c: Candidate) -> int | None:
    """Where the surname before a given name NER found alone begins: "Adeyemi, Kemi"."""
    if c.kind != Kind.PERSON or c.known:
        return None
    s = SURNAME_BEFORE.search(text, max(0, c.start - 40), c.start)
    if s is None:
        return None
    probe = Candidate(s.start(1), s.end(1), Kind.PERSON, c.score, c.recognizer, "PERSON")
    return s.start(1) if _inverted(text, probe, text[c.start:c.end]) else None


def _inverted(text: str, c: Candidate, given: str) -> bool:
    """Whether a candidate and the given names after its comma are one name, surname first
    (not a town and its region, "Sydney, Victoria")."""
    surname = text[c.start:c.end]
    if c.known or c.kind == Kind.CONTACT or c.presidio_type == "STREET_ADDRESS" \
            or not FIELD_START.search(text, max(0, c.start - 3), c.start):
        return False
    return bool(PERSON_WORD.fullmatch(surname)) and (surname in names.last_names() or not words.is_common(surname)) \
        and not names.is_town(surname) \
        and given.split()[0].split("-")[0] in names.first_names() and surname not in given.split()


# (after a possessive too: "Calloway County Sheriff" + "'s Office"; "Office" only after a
# name NER read, never as a kind of its own: "the Research Office" is no body's name)
_KINDS = "|".join(regex.escape(k) for k in sorted(lexicon.INSTITUTION_KINDS + lexicon.TEAM_NAMES + ("Office",),
                                                  key=len, reverse=True))
# (a run of them: "Falcons CC")
KIND_AFTER = regex.compile(r"(?:['’]s)?[ \t]+(%s)\b(?!['’])(?:[ \t]+(?:%s)\b(?!['’]))*" % (_KINDS, _KINDS))


def with_kind(text: str, c: Candidate, taken: SpanSet) -> Candidate:
    """A name NER found followed by the kind of a body is that body's name: "Grange Lane"
    of "Grange Lane Academy", "Ruby Bridges" of "Ruby Bridges Elementary" (not "Mary" of
    "Mary Ward": a kind word that is a surname does not follow a person)."""
    street = c.presidio_type == "STREET_ADDRESS"   # a street without a number: "Grange Lane Academy"
    if c.known or street and re.search(r"\d", text[c.start:c.end]) or \
            c.kind not in (Kind.PERSON, Kind.PLACE, Kind.INSTITUTION):
        return c
    if street and ent.tokens(text[c.start:c.end])[-1] in lexicon.BODY_KINDS:
        # a body the address pattern read with its street: "Thornfield Lane Primary School"
        c.kind, c.presidio_type, c.recognizer = Kind.INSTITUTION, "ORGANIZATION", "InstitutionRecognizer"
        return c
    m = KIND_AFTER.match(text, c.end)
    if m is None or any(o != c.span for o in taken.overlapping(Span(c.end, m.end()))):
        return c
    if c.kind == Kind.PERSON and (m.group(1) in names.last_names() or m.group(1) in names.first_names()):
        return c
    c.end, c.kind = m.end(), Kind.INSTITUTION
    if street:
        c.presidio_type, c.recognizer = "ORGANIZATION", "InstitutionRecognizer"
    return c


# a street's name ending as streets do, NER read without the house number before it
STREET_LAST_WORDS = (frozenset(lexicon.STREET_SUFFIXES + lexicon.NAMED_STREET_WORDS_CUED) | lexicon.PLACE_TAILS) - {
    "Union", "Mall"}   # (bodies' ends too: "2 Credit Union loans"; a station is a place: "Merrigal Station")
HOUSE_NUMBER = re.compile(r"(?<![\w.,/:£$€%\-])(\d{1,4}[A-Za-z]?)[ \t]+\Z")


def _house_number(text: str, c: Candidate, taken: SpanSet) -> Candidate:
    """A street NER found (as a place or a body) with its house number: "212 Garscube Cross",
    whose number would be kept beside the pseudonym; not a year ("in 2019 Garscube Cross")."""
    toks = ent.tokens(text[c.start:c.end])
    if c.kind not in (Kind.PLACE, Kind.INSTITUTION) or len(toks) < 2 or toks[-1] not in STREET_LAST_WORDS or \
            c.presidio_type == "STREET_ADDRESS":
        return c
    m = HOUSE_NUMBER.search(text, max(0, c.start - 8), c.start)
    if m is None or re.fullmatch(r"1[89]\d\d|20\d\d", m.group(1)) or taken.overlaps(Span(m.start(1), c.start)):
        return c
    return Candidate(m.start(1), c.end, Kind.PLACE, c.score, "AddressRecognizer", "STREET_ADDRESS", c.known)


# a number opening a name that counts what the word before it says: a school year, a room,
# a ward's bed ("year 7 Kirkhaven College", "year 3 Rushby Park"), no house's number
COUNTED_NUMBER = re.compile(r"\d{1,2}[ \t]+(?=[A-Z])")
COUNTED_BEFORE = re.compile(r"\b(?i:year|yr|grade|class|form|room|bed|bay|age|aged|level|stage|key stage|p)[ \t]+$")


def _candidate(r, text: str, allow: set[str]) -> Candidate | None:
    """What a recognizer found, placed where the name's words are, or None where they name
    nothing (a word of the vocabulary, the allow-list, a medicine)."""
    kind = ent.KIND_OF.get(r.entity_type)
    if kind is None:
        return None
    rec = (r.recognition_metadata or {}).get("recognizer_name", "")
    address = r.entity_type == "STREET_ADDRESS"
    placed = _placed(r, text, Kind(kind), address)
    if placed is None:
        return None
    s, e, core, kind = placed
    if (count := COUNTED_NUMBER.match(core)) and COUNTED_BEFORE.search(text, max(0, s - 12), s):
        s, core = s + count.end(), core[count.end():]   # "year 7 Kirkhaven College": the year stays
    if rec == "SpacyRecognizer":
        if (narrowed := _ner_narrowed(text, s, core, kind)) is None:
            return None
        s, core = narrowed
        e = s + len(core)
    if _names_nothing(text, s, e, core, kind, rec, allow, address) or kind == Kind.INSTITUTION and _the_party(text, s, core):
        return None
    if kind == Kind.INSTITUTION and rec == "SpacyRecognizer" and _a_person(core):
        kind = Kind.PERSON  # "Alasdair MacLeod (AML) – Chief Executive": NER took a person for a body
    if kind == Kind.CONTACT and (tagged := _tagged(text, s, e)):
        return Candidate(s + 1, tagged, Kind.PERSON, r.score, rec, "PERSON")
    return Candidate(s, e, kind, r.score, rec, r.entity_type)


def _ner_narrowed(text: str, s: int, core: str, kind: Kind) -> tuple[int, str] | None:
    """What NER read, without the words of its sentence it read on into: a preposition of
    another language before it ("de Carapan"), a grammar word opening the sentence ("Para
    Lupita"), the sentence's words after a person's name ("Kevin said"), a year of school after
    it ("Dilan Y2"); None where no name is left."""
    if (particle := PARTICLE_OPENING.match(core)) and \
            (before := WORD_BEFORE.search(text, max(0, s - 30), s)) and names.is_foreign_word(before.group(1)):
        s, core = s + particle.end(), core[particle.end():]   # "from" in Spanish: "de Carapan", "del Valle"
    if kind != Kind.PERSON:
        return s, core
    if (kin := FIRST_WORD.match(core)) and kin.group(1).lower() in lexicon.FAMILY_RELATIONS and \
            ent.starts_sentence(text, s) and core[kin.end():].split()[0].strip(".,") not in names.last_names():
        s, core = s + kin.end(), core[kin.end():]   # a note's "Son Ermias in year 5": the relation stays
    if word := _grammar_opening(text, s, core):
        s, core = s + word, core[word:]   # "Para Lupita": "Lupita"; "Para mí", "Mais l'hiver": nothing
        if core[:1].islower():
            return None
    if (cut := _words_after_name(text, s, core)) is not None:
        if cut == s:
            return None
        core = text[s:cut].rstrip()
    if (code := CODE_AFTER_NAME.search(core)) and code.start():
        core = core[:code.start()]
    return s, core


def _the_party(text: str, s: int, core: str) -> bool:
    """A body's kind alone after "the", as a contract or a letter names a party: "the
    Company", "the Union" (a short form of a body the text names is found as that body's
    apart from NER: see linker)."""
    return core in lexicon.body_words() and words.is_everyday(core) and not core.endswith("s") and \
        THE_BEFORE.search(text, max(0, s - 5), s) is not None


THE_BEFORE = re.compile(r"\b(?i:the)[ \t]+$")


def _words_after_name(text: str, s: int, core: str) -> int | None:
    """Where a person's name ends when NER read on into words of a sentence, in English or
    another language ("Ton numéro de pagette", "Kevin said"): before its first word of the
    sentence; `s` where no name is left (a word opening the sentence, "Ton", that is nobody's
    name); None where the name has no such word, or does not open with a capital (as speech
    recognition writes names)."""
    found = list(regex.finditer(r"[\p{L}\p{M}'’.\-]+", core))
    if not found or not found[0].group()[:1].isupper():
        return None   # (a name in lower case, or half truecased: "eric g. Samoylova")
    for i, t in enumerate(found):
        if _sentence_word_in_name(t.group()):
            first = found[0].group()
            if i == 1 and ent.starts_sentence(text, s, quoted=True) and not names.is_name_spelt(first) and \
                    (words.is_common(first) or words.is_foreign(first)):
                return s   # "Ton" of "Ton numéro de pagette", a sentence's first word
            return s + found[i - 1].end()
    return None


# a name's particle opening what NER read, in lower case, after a word of another language: a
# preposition of its sentence, no part of a name ("la banda de Carapan", "la de Wapato"; not
# "went to de Bruin", "Florence de Souza", "Dr de Souza")
PARTICLE_OPENING = regex.compile(r"(?:%s)[ \t]+(?=\p{Lu})" % "|".join(lexicon.NAME_PARTICLES))
WORD_BEFORE = regex.compile(r"(?<![\w'’])([\p{L}\p{M}'’]+)[ \t]+$")
# a body and the street it stands on, NER's one span (each its own: the street is an address)
ON_STREET = regex.compile(r"(?<=\S)[ \t]+(?:on|off)[ \t]+(\p{Lu}[\w'’\-]*(?:[ \t]+\p{Lu}[\w'’\-]*){0,3})$")
# a name alone after "with" at the end of what NER read as a body: a person (not a parish's
# "St Mary with St John", two saints; nor "Walk with Ease", a word)
WITH_PERSON = regex.compile(r"[ \t]+with[ \t]+(\p{Lu}\p{Ll}+)$")
FIRST_WORD = regex.compile(r"(\p{Lu}\p{Ll}+)[ \t]+(?=\S)")


def _grammar_opening(text: str, s: int, core: str) -> int:
    """How much of a name NER read from a sentence's first word is a word of another
    language's grammar, and no one's first name ("Para Lupita, quiero que...", "Para mí"):
    its length and the space after it, or 0. A list, not how often the word is said: many
    surnames are some language's grammar too ("Ng", "Ko", "Da Silva", "Des Kelly")."""
    w = FIRST_WORD.match(core)
    if not w or w.group(1) not in lexicon.GRAMMAR_OPENERS or not ent.starts_sentence(text, s, quoted=True):
        return 0
    return w.end()


def _sentence_word_in_name(w: str) -> bool:
    """A lower-case word of a sentence: in everyday English use ("said"), in the dictionary
    and nobody's surname ("welcomed"), or another language's and nobody's name ("numéro");
    not a particle of a name ("van den", "bin"), an initial ("g."), nor a surname a
    dictionary has too, in lower case ("Ahmed khan")."""
    if not w[:1].islower() or len(w.rstrip(".")) < 2 or w.split("-")[0] in lexicon.NAME_LOWER_WORDS:
        return False
    return words.is_everyday(w) or words.is_common(w) and w.title() not in names.last_names() or \
        names.is_foreign_word(w)


def _placed(r, text: str, kind: Kind, address: bool) -> tuple[int, int, str, Kind] | None:
    """Where a found name starts and ends and what kind it is, read from the words around
    it; None where it runs over a gap no name crosses."""
    kind = _read_kind(kind, text[r.start:r.end], address)
    end = _before_gap(text, r.start, r.end, kind, address)
    if end is None:
        return None
    start = r.start
    salutation = None if address else SALUTATION.match(text, start)
    if salutation:   # "Dear Bukola,": a person, without "Dear"
        start, kind = salutation.end(), Kind.PERSON
    if kind == Kind.PERSON and (number := NUMBER_AFTER_NAME.search(text, start, end)) and number.start() > start \
            and UNIT_AFTER.match(text, end):
        end = number.start()   # "gave Mary 10 mg": a dose is no part of a name (an address's number
        # is: "Joaquin Suarez 2906", a street's)
    if (device := DEVICE.match(text[start:end])) and kind != Kind.CONTACT:
        end, kind = start + device.end("name"), Kind.PERSON   # "Maria's iPhone": Maria, who owns it
    if (r.recognition_metadata or {}).get("recognizer_name") in BY_PLACE:
        return start, end, text[start:end], Kind.PERSON   # a display name whole: "Lovely T." (no adjective)
    s, e, core = ent.trim(text, start, end, kind, address=address)
    return _reshaped(text, s, e, core, kind)


# a number NER read on into after a person's name: "Mary 10" of "gave Mary 10 mg"
NUMBER_AFTER_NAME = re.compile(r"(?<=[^\W\d_])(?:[ \t]+\d[\d/.,:]*)+$")
UNIT_AFTER = re.compile(r"[ \t]?(?:mg|mcg|µg|micrograms?|g|ml|mL|units|IU|mmol|puffs?|kg|lbs?|%)\b")


# a participant's or a group's code in the study, its number with a leading zero: "P07",
# "BD04", "FG01" (a pseudonym already; not a postcode district, "BD4", nor a form's number)
STUDY_CODE = re.compile(r"(?!D0\d$)[A-Z]{1,3}0\d{1,2}")   # (not a Dublin district: "D08")


PERSON_CODE = re.compile(r"[A-Z]{0,4}[\-/]?\d[\d\-/.]*")
# a letter or two and a number: a year of school, a grade, a band ("Y3", "P7", "Yr2", "B2")
SHORT_CODE = re.compile(r"[A-Z][a-z]?\d{1,2}")
# such a code NER read on into after a name: "Dilan Y2" (a pupil and her year)
CODE_AFTER_NAME = re.compile(rf"(?:[ \t]+{SHORT_CODE.pattern})+$")


def _names_nothing(text: str, s: int, e: int, core: str, kind: Kind, rec: str, allow: set[str],
                   address: bool) -> bool:
    """Whether a placed span names no one: empty, allow-listed, an acronym of the
    vocabulary, a study's code, a word of the vocabulary, or a medicine."""
    if not core or e <= s or core.lower() in allow or core in lexicon.ACRONYMS or STUDY_CODE.fullmatch(core):
        return True
    if rec in BY_PLACE:
        return not any(c.isalpha() for c in core)   # a chat's display name, by where it stands: "Baby DC"
    if kind == Kind.PERSON and all(PERSON_CODE.fullmatch(t) for t in ent.tokens(core)):
        return True   # a code NER read as a person ("EX-0520"): the number recognizers read codes
        # (not a user name with digits: "jwatts93")
    toks = ent.tokens(core)
    if kind in (Kind.PERSON, Kind.INSTITUTION) and any(SHORT_CODE.fullmatch(t) for t in toks) and \
            all(PERSON_CODE.fullmatch(t) or words.frequency(t) >= 2 and not names.is_name(t.title()) for t in toks):
        return True   # a year of school, a band, a room and words: "P7", "Y3 SUMMATIVE" (a code names no one)
    if _vocabulary(text, s, e, core, kind):
        return True
    if kind not in (Kind.CONTACT, Kind.DATE) and not _names_something(core, rec, text, s, address):
        return True
    # a medicine NER took for a body or a person (not "I gave Tyrone 5 mg")
    return kind != Kind.CONTACT and ent.a_medicine(text, s, e)


def _vocabulary(text: str, s: int, e: int, core: str, kind: Kind) -> bool:
    """Words of the vocabulary NER took for a name ("Sorani", "Resus", "Kurdish Sorani"), but
    not after a title ("Dr Day", "Mr Thai": a surname; the key's known names are found apart
    from NER), a word of a dialect ("Neva." of a Jamaican elder, a river to NER) or another
    language's words quoted in lower case ("pero le entiendo")."""
    # (words of it each, none a listed name: not "Shona French", "Hui Sheng")
    vocabulary = core.lower() in lexicon.DOMAIN_LOWER or all(
        t.lower() in lexicon.DOMAIN_LOWER and not names.is_name(t.title()) for t in core.split())
    return vocabulary and not (kind == Kind.PERSON and ent.after_title(text, s)) \
        or ent.in_dialect(text, s, e) or kind != Kind.CONTACT and ent.in_foreign_phrase(text, s, e)


# the surname after a first name tagged with "@": "@Kerry Whitlock"
TAGGED_SURNAME = regex.compile(r"[ \t]+(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)(?![\w'’])")


def _tagged(text: str, s: int, e: int) -> int | None:
    """Where a person tagged by name ends, as Facebook writes a tag: "@Kerry Whitlock" is
    Kerry Whitlock, the "@" kept (not a handle before a word: "@Daisymae Thanks")."""
    first, tail = text[s + 1:e], TAGGED_SURNAME.match(text, e)
    if text[s] != "@" or first not in names.first_names() or tail is None:
        return None
    last = tail.group(1)
    return tail.end() if last in names.last_names() or not words.is_common(last.split("-")[0]) else None


def _reshaped(text: str, s: int, e: int, core: str, kind: Kind) -> tuple[int, int, str, Kind]:
    """A found name widened or narrowed to what the words around say it is: the rest of a
    hyphenated place ("Val" of "Val-des-Outardes"), without a word said of the person
    ("young emyr"), with a particle after a title ("mr ap rhys") or a body's kind in another
    language before it ("capel seion"); a hospital's ward, not a person ("on Linden Ward")."""
    if len(core) > 2 and (rest := HYPHENATED_REST.match(text, e)):
        e, core = rest.end(), core + rest.group()
        if kind == Kind.PERSON and regex.search(r"-\p{Ll}", rest.group()):
            kind = Kind.PLACE   # (a name read as a first name: "Val" of it)
    if core and kind == Kind.PERSON and (adj := ADJECTIVE_FIRST.match(core)) and \
            ent.tokens(core[adj.end():])[:1] and ent.tokens(core[adj.end():])[0].title() in names.first_names():
        s, core = s + adj.end(), core[adj.end():]   # ("Big Shug": the name is "Shug")
    if core and kind == Kind.PERSON and (lead := PARTICLE_AFTER_TITLE.search(text, max(0, s - 24), s)):
        s, core = lead.start(1), text[lead.start(1):e]   # (the particle is the name's: "Mr van Dijk")
    elif core and kind in (Kind.INSTITUTION, Kind.PLACE) and (lead := PREFIX_BEFORE.search(text, max(0, s - 12), s)):
        s, kind, core = lead.start(1), Kind.INSTITUTION, text[lead.start(1):e]
    if kind in (Kind.PERSON, Kind.INSTITUTION) and " " not in core and core.lower() in names.towns() and \
            not names.is_name(core) and PLACE_WORD_BEFORE.search(text, max(0, s - 8), s) and not ent.starts_sentence(text, s):
        kind = Kind.PLACE   # a town's name that is a word too, where a place is said: "come to Cork"
    if kind == Kind.PERSON and core.endswith(" Ward") and (ON_BEFORE.search(text, max(0, s - 8), s) or (
            WARD_BEFORE.search(text, max(0, s - 8), s) and ent.tokens(core)[0] not in names.first_names())):
        kind = Kind.INSTITUTION   # (not "to Sarah Ward")
    return s, e, core, kind


BODY_ACRONYM = re.compile(r"[A-Z]{3,6}")


NAME_INITIALS = regex.compile(r"\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\.?){1,2}")


def _read_kind(kind: Kind, span: str, address: bool) -> Kind:
    """The kind of what a recognizer found, where its words say NER mistook it."""
    if kind in (Kind.INSTITUTION, Kind.PLACE) and ent.TITLE_RX.match(span) and not address:
        return Kind.PERSON  # "Pastor Darnell Banks", "Dean William Rich": NER took a title for a name
    toks = span.split()
    if kind in (Kind.INSTITUTION, Kind.PLACE) and len(toks) > 1 and toks[0] in lexicon.KIN_TERMS and \
            toks[1] in names.first_names() and not address:
        return Kind.PERSON  # "Chacha Rasheed": a kin term said as a title, and a first name
    if kind in (Kind.INSTITUTION, Kind.PLACE) and NAME_INITIALS.fullmatch(span) and not words.is_common(toks[0]) \
            and not names.is_town(toks[0]) and not address:
        return Kind.PERSON  # "Sreeja P K", "Debarati C": a name and its initials after it, as South India writes it
    if kind == Kind.PERSON and len(toks) > 1 and toks[0] in lexicon.KIN_TERMS and \
            any(t in lexicon.BODY_KINDS for t in toks[1:]):
        return Kind.INSTITUTION   # "Hooyo Hub Cymru": a body named with a kin term, "mother"
    if kind == Kind.PERSON and len(toks) > 1 and toks[-1].rstrip(".") in STREET_ENDS:
        return Kind.PLACE  # "Chelson St", "Uttoxeter Rd": NER took a street for a person
    if kind in (Kind.PERSON, Kind.INSTITUTION) and len(toks) == 1 and names.is_town(span) and \
            not names.is_name(span):
        return Kind.PLACE  # "from Yorkshire", "to Lancashire": a county NER took for a person or a body
    if kind == Kind.PERSON and len(toks) > 1 and BODY_ACRONYM.fullmatch(toks[-1]) and \
            any(t[:1].isupper() and not t.isupper() for t in toks[:-1]) and not names.is_name(toks[-1].title()):
        return Kind.INSTITUTION   # "Oxenholt CMHT": a body's acronym after its place (not "Daniel WHITLOCK")
    if kind in (Kind.PERSON, Kind.DATE) and _a_body(span) or \
            kind == Kind.PLACE and not address and len(toks) > 2 and toks[-1] in lexicon.ORG_ENDINGS:
        # "Lullingstone Ward", "Kiptoo Freight", "the Ninety-Day Club": NER took a body for a
        # person or a date; "Abundant Harvest Apostolic Pentecostal Ministries International" for a place
        return Kind.INSTITUTION
    return kind


def _before_gap(text: str, start: int, end: int, kind: Kind, address: bool) -> int | None:
    """Where a found span ends when NER read on across a line break or a field's gap
    (`gap_end`), or into the next sentence."""
    if address:
        return _sentence_end(text, start, end, address)
    e = gap_end(text, start, end, kind)
    return _sentence_end(text, start, end, address) if e == end else e


SPACED_SLASH = regex.compile(r"[ \t]+/[ \t]+")


def gap_end(text: str, start: int, end: int, kind: Kind) -> int | None:
    """Where a span ends when NER read on across a line break ("April Fry\nR89957903\n\n
    Winterwater Forge") or the gap between two fields ("Tyler-James REES   DOB 22/05/2008"):
    what it found is before the gap; `end` where there is none. None for a date across a
    line break (no date at all)."""
    gap = FIELD_GAP.search(text, start, end)
    while gap and kind == Kind.CONTACT and SPACED_SLASH.fullmatch(gap.group()):
        gap = FIELD_GAP.search(text, gap.end(), end)   # a reference's own: "20 / HH / 0483 / 24"
    if not gap:
        return end
    if kind == Kind.DATE and "\n" in gap.group():
        return None   # "142\n\nMinute Of The Board": no date, and it hid "no. HAL 142"
    wrapped = regex.match(r"[ \t]*\n[ \t]*", text[gap.start():end])
    if kind == Kind.PERSON and wrapped and text[start:gap.start()].rstrip(". \t") in lexicon.WRAPPED_TITLES:
        # a title, its name wrapped onto the next line: "Mr\n    Tranter"
        return gap_end(text, gap.start() + wrapped.end(), end, kind)
    return gap.start()


def ner_end(text: str, start: int, end: int, entity_type: str | None) -> int | None:
    """`gap_end` of an entity NER found (its Presidio type), its kind read as `_placed` reads
    it (a date may name a body: "the Ninety-Day Club")."""
    kind = ent.KIND_OF.get(entity_type or "")
    if kind is None:
        return end
    return gap_end(text, start, end, _read_kind(Kind(kind), text[start:end], False))


def _sentence_end(text: str, start: int, end: int, address: bool) -> int:
    """Where a found span ends when NER read on into the next sentence ("Cobden Fold.
    Landlord is ..."): a stop after a word, then a capital; not the stop of an abbreviation
    a name goes on after ("St. Luke's", "Dr. Marsh", "D. Whitcombe"). An address goes on
    after its own abbreviations ("ul. Miła 53", "Apt. 360"): it ends only before an
    ordinary word ("..., Cobden Fold. Good outcome")."""
    for m in SENTENCE_STOP.finditer(text, start, end):
        word, after = m.group(1), regex.match(r"\w+", text[m.end():end])
        if len(word) < 2 or word.isdigit() or word in ABBREVIATIONS or address and \
                word.lower() in ADDRESS_ABBREVIATIONS or not after or not _sentence_word(after.group()):
            continue
        return m.start(1) + len(word)
    return end


def _sentence_word(w: str) -> bool:
    """A word that opens a sentence rather than goes on with a name: an everyday word that is
    nobody's name ("Landlord", "Good"; not "Lorraine", "Apt")."""
    return words.is_common(w) and w not in names.first_names() and w.lower() not in ADDRESS_ABBREVIATIONS \
        and (w not in names.last_names() or words.is_everyday(w))   # ("Black mould", not "Smith said")


def _a_body(span: str) -> bool:
    """Words ending in the kind of a body whose first word is nobody's first name, in a
    kind word that is nobody's name ("Ruby Bridges Elementary"), or in a kind of two words."""
    toks = span.split()
    if len(toks) < 2:
        return False
    last = toks[-1]
    return last in lexicon.ORG_ENDINGS and toks[0] not in names.first_names() or \
        last in lexicon.body_words() and last not in names.last_names() and last not in names.first_names() or \
        lexicon.ends_in_long_kind(toks)   # "Nyahera Social Hall"


PERSON_WORD = regex.compile(r"(?:Mc|Mac|O'|O’)?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?")


def _a_person(core: str) -> bool:
    """A first name nobody uses as a word and a surname, and no word of a body's kind."""
    toks = core.split()
    if not 2 <= len(toks) <= 3 or not all(PERSON_WORD.fullmatch(t) for t in toks):
        return False
    first, last = toks[0], toks[-1]   # (a first name of two: "Tyler-James")
    parts = first.split("-")
    return all(f in names.first_names() for f in parts) and \
        (len(parts) > 1 or not words.is_common(first)) and \
        (last in names.last_names() or not words.is_common(last)) and \
        not any(t in lexicon.body_words() for t in toks)


COLLAR_BEFORE = re.compile(r"\b(?:%s)[ \t]+\d{3,5}[ \t]+$" % "|".join(lexicon.POLICE_RANKS))
LAW_AFTER = re.compile(r"['’]?s?[ \t]+(?:%s)\b" % "|".join(lexicon.LAW_WORDS))
# the number of an article or a section after its abbreviation, no word of a sentence after
# it: "Art. 14 (Discipline", not "my neighbour Art. 2 days later"
PROVISION_AFTER = re.compile(r"\.[ ]?\d+(?:\.\d+)*(?![ \t]+[a-z])")
PROVISION = re.compile(r"(?:r|rr|s|ss|reg|para|art|sch)\.[ ]?\d[\w.()]*")


WORDS = regex.compile(r"\p{L}+(?:[ '’\-]\p{L}+)*")   # words only (not a handle: "tessy.kurian89")
NUMBER_AFTER = re.compile(r"\.?:?[ \t]*#?[A-Z]{0,4}-?\d")
ROYAL = re.compile(r"(?:Queen|King|Prince|Princess)['’]s\b")


def _names_something(core: str, rec: str, text: str, s: int, address: bool) -> bool:
    """Whether the words could name someone: not only function words, ordinary
    lower-case words, titles or generic words."""
    if not any(c.isalpha() for c in core):
        return False
    toks = ent.tokens(core)
    if core in ("I", "A") and not ent.after_title(text, s):
        return False   # a pronoun, an article: never a name alone (but "Mrs A.")
    if len(toks) == 1 and ent.is_stop_word(core) and rec not in CONTEXT_RECOGNIZERS \
            and (core.islower() or ent.starts_sentence(text, s, quoted=True)):
        return False  # "Will" mid-sentence, capitalised, is a name; "Will you" is not
    if core == core.lower() and _ordinary_lower(toks) and not (address and NUMBERED.search(core)) \
            and rec != "TitledPersonRecognizer" and not (rec in CONTEXT_RECOGNIZERS and toks[0].title() in names.first_names()):
        # (but a surname after its title: "mr price"; a chat's display name, "display_name": "jesse",
        # not "research team"; nor words of another language, "ama pia", "kwa ofisi yenu")
        return False  # lower-case text NER calls a name is usually a common word (an address
        # with its number is an address: "route twelve"; "to the" after "address" is not)
    if ent.a_car(text, s, s + len(core)):
        return False   # a car's make and model: "silver Skoda Octavia", "a Ford Focus"
    if rec == "SpacyRecognizer" and core == core.lower() and WORDS.fullmatch(core) and ent.writes_capitals(text, s) \
            and ent.amid_other_language(text, s, s + len(core)) and \
            not any(t.title() in names.first_names() and not words.is_foreign(t) for t in toks):
        return False  # NER's words in lower case amid another language's, where the sentence's
        # writer capitalises ("Shida ni float, ... iliisha nikaenda kurebalance kwa super agent"),
        # not a name typed small ("Customer mercy"), a place amid English ("I grew up in kibera"),
        # nor one of a writer of lower case ("hi am purity")
    if len(toks) > 1 and toks[-1].rstrip(".") in lexicon.WRAPPED_TITLES and \
            re.match(r"[ \t]*\n", text[s + len(core):]) and \
            all(words.is_common(t) and not names.is_name(t.title()) for t in toks[:-1]):
        return False  # a word and the title of a name on the next line: "Later Mr\n Gayle" (not "Mark Dean")
    if rec == "TitledPersonRecognizer" and COLLAR_BEFORE.search(text, max(0, s - 16), s) and \
            words.is_common(core) and core.title() not in names.last_names():
        return False  # a statement's capitals after a rank, no surname: "PC 1174 ATTENDED THE ADDRESS"
    if "_" in core and rec == "SpacyRecognizer":
        return False  # a column's or a field's name NER read as a name: "respondent_id"
    if toks[-1] in lexicon.LAW_WORDS or LAW_AFTER.match(text, s + len(core)) or PROVISION.fullmatch(core) or \
            len(toks) == 1 and PROVISION_AFTER.match(text, s + len(core)) and PROVISION.match(core.lower() + ". 1"):
        return False  # the title of a law, a provision of one: "Criminal Justice Act 1967", "r.16.2", "Art. 14"
    if len(toks) <= 2 and INSTRUMENT_AFTER.match(text, s + len(core)) and not _a_body_or_place(toks) and \
            not any(words.is_common(t) for t in toks):
        return False  # the author an instrument is named after: "Waterlow" of "Waterlow Score"
    if len(toks) > 1 and (toks[-1] in lexicon.INSTRUMENT_WORDS and (len(toks) > 2 or not words.is_common(toks[0]))
                          or toks[-1] in lexicon.DOCUMENT_ENDS and all(words.is_common(t) for t in toks[:-1])) \
            and not _a_body_or_place(toks[:-1]):
        return False  # an instrument, a policy: "Morse Falls Scale", "Waterlow Score", "Trust Falls
        # Policy" (not "the Leeds Teaching Hospitals Checklist", "Riverside Lodge Policy": a body's
        # own; nor "Walk Score", a company of an ordinary word)
    if len(toks) == 2 and toks[1] in ("No", "Nos", "Number", "Ref") and words.is_common(toks[0]) and \
            NUMBER_AFTER.match(text, s + len(core)):
        return False  # a form's label before its number: "Grant No. R01AG079315", "Award Number: 12"
    if len(toks) == 2 and toks[0].lower() in lexicon.ROLE_LABELS and re.fullmatch(r"[A-Z]|\d{1,3}", toks[1]):
        return False  # already a pseudonym: "Patient A", "Participant 3", "Child B"
    if all(t in lexicon.ACRONYMS or re.fullmatch(r"[\d.,/%]+", t) or GRADE.fullmatch(t) for t in toks):
        return False  # a known acronym and a number: a test result, "CRP 214"; a doctor's grade, "F2s"
    if any(t in lexicon.ACRONYMS for t in toks) and \
            all(t in lexicon.ACRONYMS or words.is_everyday(t) and not names.is_town(t) for t in toks):
        return False  # a known acronym and everyday words: a post or a unit, "GP Partner", "ICU Nurse"
        # (not a town's, a word too: "Manchester University NHS Foundation Trust")
    if ROYAL.match(core) and any(t in lexicon.BODY_KIND_WORDS for t in toks[1:]):
        return "\n" not in core   # a hospital or a college named for a monarch: "King's College Hospital"
        # (not the court's "Queen's Bench Division", nor a counsel)
    if len(toks) == 1 and ent.title_of(text, s) in lexicon.SURNAME_TITLES and names.is_name(core.title()):
        return True   # a title word that is a name too, after a surname's title: "Mr Elder", "Dr Dean"
    if all(_generic(t) for t in toks) or any(t.lower() in lexicon.public_words() for t in toks) and \
            all(_generic(t) or ent.is_stop_word(t) or GRADE.fullmatch(t) for t in toks) or \
            any(GRADE.fullmatch(t) for t in toks) and all(_public(t) or GRADE.fullmatch(t) for t in toks):
        return False   # titles, kinds of institution, the vocabulary of courts and committees
    return "\n" not in core or address


INSTRUMENT_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(lexicon.INSTRUMENT_WORDS))


def _a_body_or_place(toks: list[str]) -> bool:
    """Words that hold a town or a body's kind ("Leeds", "Hospitals", "Lodge"; not "Trust", a
    public word: "the Trust Falls Policy")."""
    return any(names.is_town(t) or (t in lexicon.body_words() or t.rstrip("s") in lexicon.body_words())
               and t.lower() not in lexicon.public_words() for t in toks)


def _ordinary_lower(toks: list[str]) -> bool:
    """Lower-case words of a dictionary, or of another language with no name among them
    ("ama pia", "kwa ofisi yenu"; not "maria trabaja": a name said in Spanish)."""
    return all(words.is_common(t) for t in toks) or \
        all(words.is_common(t) or words.is_foreign(t) for t in toks) and not any(names.is_name(t.title()) for t in toks)


def _public(t: str) -> bool:
    """A generic word, or one of the vocabulary of a hospital, a caseworker or a community."""
    return _generic(t) or t.lower() in lexicon.domain_words()


def _generic(t: str) -> bool:
    t = t.lower()
    return t in lexicon.GENERIC_WORDS or t in lexicon.TITLE_WORDS or t in lexicon.public_words()


# (words of one name stand a space or two apart, not in fields a tab or a column apart)
# a letter that names a thing, not a person's initial: "an A.", "Plan B.", "vitamin D."
THING_BEFORE = regex.compile(r"(?i)\b(?:an?|the|plan|grade|type|class|vitamin|hep|team|group|site|option|level|"
                             r"stage|part|section|gen|category|wave|tier|band)[ \t]+$")
KUNYA_BEFORE = regex.compile(r"(?<![\w'’\-])(?:(?i:%s)|%s)[ ]\Z"
                             % ("|".join(lexicon.KUNYA_WORDS), "|".join(lexicon.KUNYA_WORDS_CAPITALISED)))
LEFT_WORD = regex.compile(r"(?<![\w'’.\-])(\p{Lu}[\p{L}\p{M}'’\-]+|\p{Lu}\.?)[ ]{1,2}$")   # (not "R." of "HR.")
RIGHT_WORD = regex.compile(r"[ ]{1,2}(\p{Lu}[\p{L}\p{M}'’\-]+|\p{Lu}\.?)(?![\w'’])")


def _initial_after(text: str, w: str, b: int) -> bool:
    """A letter after a name that is an initial: not "I" (the pronoun), nor "A" before a word."""
    return regex.fullmatch(r"\p{Lu}\.?", w) is not None and w != "I" and \
        not (w == "A" and regex.match(r"[ \t]+\p{Ll}", text[b:b + 3]))


def whole_name(text: str, c: Candidate, taken: SpanSet) -> Candidate:
    """A person's name is replaced whole: the capitalised words, particles and initials
    written right next to a detected part join it ("Dreux" + "Joly", "Szabina" + "J" +
    "Gelencsér", "D." + "Ní" + "Fhlatharta")."""
    own = c.span

    def other(span: Span) -> bool:
        return any(o != own for o in taken.overlapping(span))

    s, e = c.start, c.end
    if (kunya := KUNYA_BEFORE.search(text, max(0, s - 8), s)) and not other(Span(kunya.start(), s)):
        s = kunya.start()   # "abu khalil", "Umm Yusuf": the father or mother of, part of the name
    while m := LEFT_WORD.search(text[max(0, s - 40):s]):
        w, a = m.group(1), s - len(m.group())
        initial = regex.fullmatch(r"\p{Lu}\.", w) and not THING_BEFORE.search(text, max(0, a - 12), a)
        kin = w in lexicon.KIN_TERMS and w not in names.first_names() and w not in names.last_names() or \
            w.lower() in lexicon.RELATIONS and text[s:e].split()[0] in names.first_names() or \
            w.lower() in lexicon.FAMILY_RELATIONS and ent.starts_sentence(text, a)   # "my son Ali", "Son Ermias"
        # ("My" is a first name too: not of "My Siân", but of "My Tran")
        if other(Span(a, s)) or w.lower().rstrip(".") in lexicon.TITLE_WORDS or kin or w.lower() in lexicon.LEAD_VERBS \
                or w.lower() in lexicon.POSSESSIVES and text[s:e].split()[0] in names.first_names() \
                or w not in names.first_names() \
                and not initial and w not in lexicon.GAELIC_PARTICLES and (ent.is_stop_word(w) or words.is_common(w)) \
                or _greeting(text, w, a, s):
            break  # a first name joins even when it is an ordinary word: "Hope Delacroix"; an initial, "D. Marsh"
            # (not a verb a note opens with, though a first name too: "Add Dalia Yousif")
            # (not a kin term said as a title: "Bhai Harjit")
        s = a
    while m := RIGHT_WORD.match(text[e:e + 40]):
        w, b = m.group(1), e + m.end()
        if _initial_after(text, w, b) and not other(Span(e, b)):
            e = b   # an initial after the name, as South India writes its names: "Karthik R", "Sreeja P K"
            continue
        if other(Span(e, b)) or ent.is_stop_word(w) or words.is_everyday(w) or w in lexicon.ACRONYMS \
                or words.is_common(w) and w not in names.last_names() and len(w.rstrip(".")) > 1 \
                or ent.KIN_AFTER_NAME.match(text, e):
            break   # (nor a credential after the name: "Consolata Wambui RMN"; nor a kin term: "Rubina Baji")
        e = b
    if (m := WRAPPED_SURNAME.match(text, e)) and " " not in text[s:e] and text[s:e] in names.first_names() \
            and m.group(1) in names.last_names() and not ent.is_stop_word(m.group(1)) and _wrapped_at(text, e) \
            and not other(Span(e, m.end())) and (not words.is_common(m.group(1)) or re.match(r"[,;.)]", text[m.end():])):
        # (a surname that is a word only where the name ends there: "Hazel\nGrant," not "Karen\nBrown bread")
        e = m.end()   # a surname a hard-wrapped record put on the next line: "Mrs Hazel\nGrant"
    if (m := EPITHET_AFTER.match(text, e)) and text[s:e].split()[-1] in names.last_names() \
            and words.is_common(m.group(1)) and not other(Span(e, m.start(1))) and \
            all(m.start(1) <= o.start and o.end <= m.end() for o in taken.overlapping(Span(m.start(1), m.end()))):
        # (NER's "Coffins" alone gives way)
        e = m.end()   # a Welsh village's name for a man by his trade: "Jones the Milk", "Evans the Coffins"
    c.start, c.end = s, e
    return c


def _greeting(text: str, w: str, a: int, s: int) -> bool:
    """A word of another language opening a sentence before a first name, nobody's name
    itself: a greeting or a thanks, "Bienvenue Priya", "Merci Rose" (not a surname before a
    name, "Le Van Thanh", nor a first name before a surname, "Öykü Demir")."""
    first = regex.match(r"[\p{L}\p{M}'’\-]+", text[s:])
    return names.is_foreign_word(w) and ent.starts_sentence(text, a, quoted=True) \
        and first is not None and first.group() in names.first_names()


EPITHET_AFTER = regex.compile(r"[ ]the[ ](\p{Lu}\p{Ll}+)(?![\w'’\-])")
WRAPPED_SURNAME = regex.compile(r"[ ]?\n[ \t]*(\p{Lu}[\p{Ll}\p{M}'’\-]+)(?![\w'’])")
WRAP_WIDTH = 55   # a line this long that ends inside a sentence was wrapped, not ended


def _wrapped_at(text: str, at: int) -> bool:
    """Whether the line that ends at `at` was wrapped at a fixed width."""
    return at - (text.rfind("\n", 0, at) + 1) >= WRAP_WIDTH
