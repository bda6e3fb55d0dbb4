"""Speech-recognition transcripts often come all in lower case, and named-entity
recognition leans on capitals. For such a transcript, detection runs on a copy with the
likely names capitalised; every offset stays the same, since only the case changes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from deid import entity as ent
from deid import lexicon, words

WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# words after which an ordinary word that is also a first name is a name: "my friend bill"
CONTEXT = re.compile(r"\b(?:%s)[,]?\s+$" % "|".join(lexicon.NAME_CUES))
GREETING = re.compile(r"\b(?:%s)[,]?\s+$" % "|".join(lexicon.GREETINGS))
STOP_AFTER = re.compile(r"[ \t]*(?:[,.!?:;)]|$)", re.M)
# a word spoken to between commas after a verb of speaking: "he said, wal, don't look up"
VOCATIVE_BEFORE = re.compile(r"\b(?:%s|goes|went)[ \t]*,[ \t]*$" % "|".join(sorted(lexicon.SPEECH_VERBS)))
# street words that make the word before them a name: "ohio street"
PLURAL_BEFORE = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(lexicon.NOUN_OPENERS))
SPLIT_NAME = re.compile(r"\b(mac|mc|o)[ \t]+([a-z]{3,})\b")
MARRIED = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(lexicon.MARRYING))
KIN_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(lexicon.RELATIONS))
PREVIOUS_WORD = re.compile(r"\b([a-z]+)[ \t]+$")
POSSESSIVE_BEFORE = re.compile(r"\b(?i:my|his|her|our|their|your)[ \t]+$")
FAMILY_FIRM = re.compile(r"[ \t]+and[ \t]+sons\b")
# Welsh words for a chapel, a church and a school, said before the name (a word of the Bible,
# often: "capel hope", "capel salem"); no English phrase starts with them
WELSH_BODY = re.compile(r"\b(capel|eglwys|ysgol)[ \t]+([a-z][\w'’\-]*)")
PLACE_OPENER = re.compile(r"\b(%s)[ \t]+([a-z][\w'’\-]*)" % "|".join(lexicon.PLACE_OPENERS_SAID))
STREETS = {w.lower() for w in lexicon.NAMED_STREET_WORDS if "." not in w}


# (a word in capitals inside a code is part of the code: "SPAN/22/L3/0117")
# (not an acronym and the pronoun after it: "undergrad at UWM, I was")
CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’\-]+\b(?:[ \t,.&]+(?!I\b)(?:Mc|Mac)?[A-Z][A-Z'’\-]*\b)+|(?<![\w/])[A-Z]{4,}(?![\w/])")
CAPITALS = re.compile(r"(?:Mc|Mac|O')?[A-Z][A-Z'’\-]+")
LINE = re.compile(r"[^\n]+")
# a CSV's quoted cell: a survey's answer typed in lower case in a cased row (not a quotation in
# prose: a Spanish phrase in quotes, "oye, uno es el rigo", stays as it is)
CSV_CELL = re.compile(r'(?:^|(?<=,))"((?:[^"\n]|"")*)"(?=,|\r?$)', re.M)
LINK = re.compile(r"(?<!\S)(?=\S*?(?:https?://|www\.|@))\S+")
# in a lower-case line of a cased text, a word in no dictionary and no list of names used
# this often is a word ("inbound"), not a name (a whole uncased transcript: "sanjay" is one)
UNLISTED_NAME = 3.0


# a glottal stop written as an opening quote inside a word ("Vava‘u", "Tu‘ipulotu",
# "Nuku‘alofa"): read as the letter it is (U+02BB), so that the word is one word
GLOTTAL_STOP = re.compile(r"(?<=[^\W\d_])‘(?=[^\W\d_])")


# an okina opening a capitalised word ("ʻAiea", "ʻEwa Beach"): a letter, so regular
# expressions and NER see no capital word after it; read as a space, the name is found (its
# okina stays before the pseudonym)
OKINA_OPENING = re.compile(r"(?<![^\W\d_])ʻ(?=[A-Z][a-zāēīōū])")


def glottal_stops(text: str) -> str:
    """The text, each glottal stop inside a word written as the okina letter, and one opening
    a capitalised word as a space (same length)."""
    return OKINA_OPENING.sub(" ", GLOTTAL_STOP.sub("ʻ", text))


def recase_capitals(text: str) -> str:
    """The text with words written in capitals ("DANIEL JOSEPH McCREADY", "ST MUNGO'S
    HOSPITAL", a line "LEEDS") written as names are, for detection; acronyms (no vowel,
    or on the allow-list) stay. Same length, same offsets."""
    out = list(text)
    spans = [m.span() for m in CAPS_RUN.finditer(text)]
    spans += [m.span() for m in LINE.finditer(text) if _mostly_capitals(m.group())]
    for a, b in spans:
        for w in WORD.finditer(text, a, b):
            word = w.group()
            if CAPITALS.fullmatch(word) and word not in lexicon.ACRONYMS and (re.search(r"[AEIOUY]", word) or word == "ST") \
                    and not _in_a_code(text, w.start(), w.end()):
                out[w.start() + 1:w.end()] = word[1:].lower()
    return "".join(out)


# a reference whose parts a dash or a slash joins, one of them with a digit: "AVSP-2291", "MRS-LDS-558120"
CODE_TOKEN = re.compile(r"[A-Za-z0-9]*(?:[/\-–][A-Za-z0-9]*)*")


def _in_a_code(text: str, s: int, e: int) -> bool:
    """A word joined to a reference by a slash ("CPO" of "NE/CPO/24/0318"), or by a dash to
    a part with a digit ("AVSP" of "AVSP-2291", "CLIENT AVSP–2291"; not "COVID-NINETEEN")."""
    word = text[s:e].rstrip("-–")
    e = s + len(word)
    if text[s - 1:s] == "/" or text[e:e + 1] == "/":
        return True
    if text[s - 1:s] not in ("-", "–") and text[e:e + 1] not in ("-", "–"):
        return False
    a = s
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-–/"):
        a -= 1
    whole = CODE_TOKEN.match(text, a).group()
    return re.search(r"\d", whole) is not None


def _mostly_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


_KINDS = "|".join(re.escape(k.lower()) for k in sorted(lexicon.INSTITUTION_KINDS, key=len, reverse=True)
                  if k.isalpha() or " " in k)
_NOT_A_NAME = (r"(?!(?:the|a|an|my|our|your|his|her|their|this|that|local|new|old|big|small|same|other|general|"
               r"for|of|in|on|at|to|with|and|or|but|as|go|went|going)\b)")
_SAID_KINDS = "|".join(sorted(lexicon.KINDS_SAID, key=len, reverse=True))
# the kind of a body after its name: "aberdeenshire council", "bethesda hall", "watt
# brothers fishing limited"
KIND_AFTER = re.compile(rf"((?:[ \t]+(?:{_KINDS}|{_SAID_KINDS})\b)+(?:[ \t]+[a-z]+[ \t]+(?:limited|ltd|plc)\b)?)")
# lower-case words naming an institution by its kind, after "at", "to", "from", "in", or
# saint's names: "at mercy general", "from research medical center", "saint luke's"
INSTITUTION = re.compile(
    rf"\b(?:at|to|from|in|into|near|with|by)[ \t]+(?:the[ \t]+)?(?P<name>(?:{_NOT_A_NAME}[a-z][\w'’\-]*[ \t]+){{1,3}}"
    rf"(?:{_KINDS}|general|memorial|baptist|united))\b"
    rf"|\b(?P<saint>(?:saint|st\.?)[ \t]+[a-z][\w'’\-]*)")


I_FORMS = ("I", "I'm", "I've", "I'd", "I'll")


def is_uncased(text: str) -> bool:
    """Hardly a capital letter outside "I" and the first word of a line."""
    ws = WORD.findall(text)
    if len(ws) < 30:
        return False
    caps = sum(1 for w in ws if w[0].isupper() and w not in I_FORMS)
    return caps < 0.02 * len(ws)


def truecase_lower_lines(text: str) -> str:
    """A cased text whose lines written all in lower case (a chat message typed fast, a
    note, a pasted snippet, a survey's answer in its quoted cell) get their likely names
    capitalised as an uncased text would."""
    out, pos = [], 0
    for a, b in lower_lines(text):
        out += [text[pos:a], truecase(text[a:b], unlisted=UNLISTED_NAME)]
        pos = b
    return "".join(out) + text[pos:] if out else text


def lower_lines(text: str) -> list[tuple[int, int]]:
    """Where a cased text's lines, and a CSV's quoted cells, written all in lower case stand
    (start, end), in order."""
    lines = [m.span() for m in LINE.finditer(text) if _lower_line(m.group())]
    cells = [m.span(1) for m in CSV_CELL.finditer(text) if _lower_line(m.group(1)) and _english(m.group(1))]
    return sorted(set(lines) | {c for c in cells if not any(a <= c[0] and c[1] <= b for a, b in lines)})


def _english(cell: str) -> bool:
    """Mostly words an English dictionary has: an answer typed in lower case, not a passage of
    French or Spanish, whose words would all look like names ("agence privée de soins")."""
    ws = WORD.findall(cell)
    return sum(1 for w in ws if words.is_common(w)) >= ENGLISH_SHARE * len(ws)


ENGLISH_SHARE = 0.7


def _lower_line(line: str) -> bool:
    """Four words or more, not one of them capitalised but "I" (a link's letters aside)."""
    ws = WORD.findall(LINK.sub(" ", line))
    return len(ws) >= 4 and not any(c.isupper() for w in ws if w not in I_FORMS for c in w)


def _towns_of_words(text: str, matches: list, towns: frozenset[str], out: list[str]) -> None:
    """Towns and regions of two or three words capitalised: "kansas city", "new jersey"."""
    for i in range(len(matches)):
        for n in (3, 2):
            ws = matches[i:i + n]
            if len(ws) == n and all(ws[k + 1].start() - ws[k].end() == 1 for k in range(n - 1)) and \
                    text[ws[0].start():ws[-1].end()].lower() in towns:
                for w in ws:
                    if not ent.is_stop_word(w.group()):
                        out[w.start()] = w.group()[0].upper()
                break


@dataclass(frozen=True)
class Lists:
    first: frozenset[str]
    last: frozenset[str]
    towns: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> Lists:
    from deid import names
    return Lists(names.first_names(), names.last_names(), names.towns() | names.regions())


# days written short or whole ("the van thurs"); not those that are first names too ("jan",
# "thu", "sun"), nor the months ("june", "may")
_DATE_WORDS = frozenset({"thurs", "thur", "tues", "weds", "sept"} | {d.lower() for d in lexicon.DAYS})


def _likely_name(text: str, m, nxt, lists: Lists, unlisted: float | None = None) -> bool:
    """Whether a lower-case word is a name, by its spelling or by the words around it."""
    w = m.group()
    if _never_a_name(text, m):
        return False
    name = w.title() in lists.first or w.title() in lists.last
    if len(w) < 3:   # "jo", "al": only before a surname
        return name and _surname_after(m, nxt, lists)
    return _by_spelling(text, m, lists, name, unlisted) or _by_cue(text, m, nxt, lists, name)


def _never_a_name(text: str, m) -> bool:
    """A day ("the van thurs"), a verb of speaking ("my sister said no": not "Said", a name,
    or it would be found in every "said"), a word said of a person with no cue before it
    ("young emyr", "poor ruthie"; but Young after "mr" is a surname), a relation after "my"."""
    w = m.group().lower()
    if w in lexicon.FAMILY_RELATIONS and POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return True   # "my son aram": a son, not Son
    return w in _DATE_WORDS or w in SPEECH \
        or w in SAID_OF_PEOPLE and not CONTEXT.search(text[max(0, m.start() - 30):m.start()].lower())


def _by_spelling(text: str, m, lists: Lists, name: bool, unlisted: float | None) -> bool:
    """A word in no dictionary, a name whose dictionary word is rare ("amadou"), or a name
    or a town nobody writes as a lower-case word: "tyler", "hartford", "manchester"; a town
    the dictionary has no lower-case word for, however often it is said: "london" (a surname
    that is the plural of a word, after a word that opens a noun, is that word: "them
    cousins", "my banks"; not "anne waters", "holmes was the landlord", "james")."""
    w = m.group()
    if not words.is_common(w) and (name or unlisted is None or words.frequency(w) < unlisted) or \
            name and words.is_rare(w):
        return True
    town = w.lower() in lists.towns
    plural = w.title() not in lists.first and words.plural_listed(w) and \
        PLURAL_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None
    return len(w) > 3 and ((name and not plural or town) and not words.written_lower(w)
                           or town and not words.listed_lower(w))


def _by_cue(text: str, m, nxt, lists: Lists, name: bool) -> bool:
    """A word the words around it say is a name: called by it ("he said, wal, don't look up"),
    a relation after its possessive, a surname after it, a cue or a greeting before it, a verb
    only a person does after a first name, or "married" before one."""
    w, before = m.group(), text[max(0, m.start() - 30):m.start()].lower()
    if VOCATIVE_BEFORE.search(before) and text[m.end():m.end() + 1] == "," and not words.is_everyday(w):
        return True
    if _kin_of(text, m, lists):
        return True
    if not name:
        return False
    first = w.title() in lists.first
    return _surname_after(m, nxt, lists) or CONTEXT.search(before) is not None \
        or GREETING.search(before) is not None and STOP_AFTER.match(text, m.end()) is not None \
        or first and (_speaks(text, m, nxt) or MARRIED.search(before) is not None and not words.is_everyday(w))


def _kin_of(text: str, m, lists: Lists) -> bool:
    """A first name's possessive before a relation: "ivy's mother's house" (not "the rose's
    petals", "my son's teacher", "her baby's dad", "my nan's sister")."""
    w, base = m.group(), m.group()[:-2].lower()
    return w[-2:] in ("'s", "’s") and base.title() in lists.first and KIN_AFTER.match(text, m.end()) is not None \
        and base not in PEOPLE_WORDS and not words.is_everyday(base) \
        and not DETERMINER.search(text[max(0, m.start() - 12):m.start()].lower())


# words for people that are not their names ("my nan's sister", "the boy's mother")
PEOPLE_WORDS = frozenset(lexicon.RELATIONS + lexicon.NAME_CUES + lexicon.SAID_OF_PEOPLE)


SPEECH = lexicon.SPEECH_VERBS
DOES = SPEECH | (lexicon.NAME_VERBS - lexicon.AUXILIARIES - {"got", "gets", "looked", "passed", "kept", "moved"})
SAID_OF_PEOPLE = frozenset(lexicon.SAID_OF_PEOPLE)
# (and the words before a bill or a grace: "the gas bill", "say grace")
DETERMINER = re.compile(r"\b(?:%s)[ \t]+$"
                        % "|".join(lexicon.DETERMINERS + ("electric", "phone", "gas", "water", "say", "said")))


def _speaks(text: str, m, nxt) -> bool:
    """A first name that is also a word, before a verb of speaking or another only a person
    does, and after no determiner: "and rose said", "frank told me", "ivy wanted her called"
    (not "the bill said", "say grace", "the rose was")."""
    return nxt is not None and nxt.group().lower() in DOES and nxt.start() - m.end() == 1 and \
        not DETERMINER.search(text[max(0, m.start() - 12):m.start()].lower())


def _a_name(w: str, lists: Lists) -> bool:
    """A word that is somebody's name or in no dictionary: "george", "kilmeny" (not "town")."""
    return w.title() in lists.first or w.title() in lists.last or not words.is_common(w)


def _surname_after(m, nxt, lists: Lists) -> bool:
    """A surname right after a word: "faith okafer", "bill marsh", "grace beaumont" (a
    name nobody writes in lower case; not "young guy")."""
    if nxt is None or nxt.start() - m.end() > 2:
        return False
    w = nxt.group()
    return not words.is_common(w) or w.title() in lists.last and not words.is_everyday(w) or \
        len(w) > 3 and not ent.is_stop_word(w) and not words.written_lower(w)


# around a word that is a verb there ("he drew", "could sue the council", "just chuck his toys")
VERB_SUBJECT = re.compile(r"\b(?:i|he|she|we|they|would|could|should|will|can|to|did|didn't|just|not|never|"
                          r"always|often|then)[ \t]+$")
VERB_OBJECT = re.compile(r"[ \t]+(?:the|a|an|his|her|my|our|their|your|its|this|that|them|him|me|us|it|some|up|"
                         r"out|off|down|away)\b")


def _nicknames(text: str, matches: list, out: list[str], lists: Lists) -> None:
    """The nicknames of a first name capitalised in the text, capitalised where no
    determiner comes before and no subject or object says a verb: "jimmy" after "james
    mcgarrigle" (not "the bill" after "william", "he drew" after "andrew"; a word everyone
    uses is left: "frank", "will")."""
    from deid import people
    firsts = {m.group().lower() for m in matches if out[m.start()].isupper() and m.group() != "i"
              and m.group().title() in lists.first}
    forms = {n.lower() for f in firsts for n in people.nicknames(f) + people.full_names(f)} - firsts
    for m in matches:
        w = m.group()
        if w.lower() in forms and not out[m.start()].isupper() and not words.is_everyday(w) and \
                not ent.is_stop_word(w) and not DETERMINER.search(text[max(0, m.start() - 12):m.start()].lower()) \
                and not VERB_SUBJECT.search(text, max(0, m.start() - 12), m.start()) \
                and not VERB_OBJECT.match(text, m.end()):
            out[m.start()] = w[0].upper()


SURNAME_WORD = 4.3   # how often a word may be said and still be taken for a surname after a first name


def word_surname(w: str) -> bool:
    """A word that may be a surname after a first name in lower case: in the dictionary
    but said seldom ("couch" of "dennis couch"), no inflection or plural ("tom pilchards and
    mackerel"), no verb a person does, nothing clinical, no month or day."""
    return not words.is_everyday(w) and not words.is_inflection(w) and not words.is_plural(w) \
        and words.frequency(w) < SURNAME_WORD and not ent.is_stop_word(w) and w not in lexicon.PERSON_DOES \
        and w not in lexicon.CLINICAL_WORDS and w not in lexicon.MONTHS_DAYS and not w.endswith(ADJECTIVE_ENDINGS)


# the endings of adjectives: "made lisa redundant", "left sharon speechless"
ADJECTIVE_ENDINGS = ("less", "ful", "ous", "ive", "able", "ible", "ant", "ent", "ish", "ary", "ory", "ic", "al")


def _named_by_surname(w: str, nxt, m, lists: Lists) -> bool:
    """A first name that is a function word before a surname in no dictionary and no list
    of first names: "will pascoe" (not "will sarah come", "will def")."""
    return nxt is not None and w.title() in lists.first and nxt.start() - m.end() == 1 and \
        len(nxt.group()) > 3 and not words.is_common(nxt.group()) and nxt.group().title() not in lists.first


SURNAME_TITLES = ("mr", "mrs", "ms", "miss", "dr", "mister", "missus")


def _word_surnames(text: str, matches: list, out: list[str], lists: Lists) -> None:
    """A word right after a first name capitalised here that may be a surname, capitalised:
    "dennis couch" (not "david white lies": "white" is said every day); then, that surname
    after any first name, the first name too: "hazel couch"."""
    found = set()
    for a, b in zip(matches, matches[1:]):
        titled = a.group().lower() in SURNAME_TITLES and b.start() - a.end() == 1 and len(b.group()) > 3 \
            and (word_surname(b.group().lower()) or b.group().title() in lists.last
                 and not ent.is_stop_word(b.group()) and b.group().lower() not in lexicon.PERSON_DOES)
        # (a listed surname that is an everyday word too, after its title: "mr price", "mrs baker")
        if titled:
            out[a.start()] = a.group()[0].upper()   # (its title too, for the title's recognizer)
        if titled and not out[b.start()].isupper():
            out[b.start()] = b.group()[0].upper()   # "mr couch"
        elif out[a.start()].isupper() and a.group() != "i" and a.group().title() in lists.first and \
                b.start() - a.end() == 1 and text[a.end()] == " " and not out[b.start()].isupper() \
                and len(b.group()) > 3 and a.group().lower() not in lexicon.NAME_PARTICLES \
                and b.group().lower() not in _DATE_WORDS and words.is_common(b.group()) \
                and word_surname(b.group().lower()):
            out[b.start()] = b.group()[0].upper()
            found.add(b.group().lower())
    for a, b in zip(matches, matches[1:]):
        if b.group().lower() in found and a.group().title() in lists.first and b.start() - a.end() == 1 and \
                not ent.is_stop_word(a.group()) and not DETERMINER.search(text[max(0, a.start() - 12):a.start()]):
            out[a.start()], out[b.start()] = a.group()[0].upper(), b.group()[0].upper()


def truecase(text: str, unlisted: float | None = None) -> str:
    """The text with likely names capitalised: words in no dictionary, names and towns
    nobody writes in lower case, and first names that are ordinary words ("faith", "bill")
    where the words around say it is a name. With `unlisted`, a word in no dictionary and
    no list of names is one only when rarer than that (a line of a cased text: "inbound")."""
    lists = _lists()
    out = list(text)
    links = [m.span() for m in LINK.finditer(text)]
    matches = [m for m in WORD.finditer(text) if not any(a <= m.start() < b for a, b in links)]
    _towns_of_words(text, matches, lists.towns, out)
    for i, m in enumerate(matches):
        w = m.group()
        if w == "i" or w.startswith(("i'", "i’")):
            out[m.start()] = "I"
            continue
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if ent.is_stop_word(w) and _named_by_surname(w, nxt, m, lists):
            out[m.start()] = w[0].upper()   # "will pascoe": a first name that is a word, then a surname
            continue
        if ent.is_stop_word(w) or len(w) < 2:
            continue
        street = nxt is not None and nxt.start() - m.end() == 1 and (
            nxt.group().lower() in STREETS   # "ohio street"
            or nxt.group().lower() in lexicon.NAMED_PLACE_WORDS and _a_name(w, lists))   # "george square"
        if street or _likely_name(text, m, nxt, lists, unlisted):
            out[m.start()] = w[0].upper()
            if street:
                out[nxt.start()] = nxt.group()[0].upper()
    _nicknames(text, matches, out, lists)
    _word_surnames(text, matches, out, lists)
    for m in matches:   # a name capitalised and the kind of body after it: "aberdeenshire council"
        if out[m.start()].isupper() and m.group() != "i" and (kind := KIND_AFTER.match(text, m.end())) and \
                (m.group().title() not in lists.first or FAMILY_FIRM.match(kind.group(1))):
            # (a first name before "hall" is a person: "sadie hall"; not before "and sons": "jory and sons")
            for w in WORD.finditer(text, kind.start(1), kind.end()):
                out[w.start()] = w.group()[0].upper()
    for m in PLACE_OPENER.finditer(text):   # "port isaac", "fort william" (not "the port will close")
        if (out[m.start(2)].isupper() or _a_name(m.group(2), lists) and not ent.is_stop_word(m.group(2))) \
                and m.group(2) not in lexicon.PERSON_DOES:
            out[m.start(1)], out[m.start(2)] = m.group(1)[0].upper(), m.group(2)[0].upper()
    for m in WELSH_BODY.finditer(text):   # "capel hope", "ysgol glan", however ordinary the name
        if not ent.is_stop_word(m.group(2)):
            out[m.start(1)], out[m.start(2)] = m.group(1)[0].upper(), m.group(2)[0].upper()
    for m in SPLIT_NAME.finditer(text):   # a name speech recognition split: "mac duff", "o donnell"
        if m.group(2).title() in lists.last or not words.is_common(m.group(2)):
            out[m.start(1)], out[m.start(2)] = m.group(1)[0].upper(), m.group(2)[0].upper()
            if m.start(1) > 0 and (prev := PREVIOUS_WORD.search(text, max(0, m.start(1) - 30), m.start(1))) and \
                    prev.group(1).title() in lists.first and not ent.is_stop_word(prev.group(1)):
                out[prev.start(1)] = prev.group(1)[0].upper()   # and the first name before it: "barry o donnell"
    for m in INSTITUTION.finditer(text):
        start = m.start("name") if m.group("name") else m.start("saint")
        for w in WORD.finditer(text, start, m.end()):
            if not ent.is_stop_word(w.group()) or w.start() == start:
                out[w.start()] = w.group()[0].upper()
    return "".join(out)
