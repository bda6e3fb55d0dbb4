"""Entities: what a detected span refers to. Normalising the written forms of one entity
("Dr. Helen Marsh", "Helen", "Marsh's", "helen") and linking each mention to one entity."""
from __future__ import annotations

import importlib.util
import re
import unicodedata
import runpy
from functools import lru_cache
from pathlib import Path

import regex

from deid.lexicon import (AUXILIARIES, BODY_OPENERS, BUSINESS_SUFFIXES, CREDENTIALS, DIALECT_WORDS, DIRECTIONS,
                          FAMILY_RELATIONS, FIELD_LABELS, FILE_EXTENSIONS, GENERIC_WORDS, INTERJECTIONS, MEASURE_FIELDS,
                          PERSON_FIELDS,
                          LEAD_VERBS, LEGAL_FORMS, NAME_PARTICLES, NAME_VERBS, RELATIONS, SEASONS_AND_TIMES,
                          STREET_WORDS,
                          TITLE_WORDS, TITLES_WRITTEN)
from deid.lexicon import CAR_MAKES, CAR_MODELS, DOCUMENT_WORDS, GOING_VERBS, KIN_TERMS, PARTY_ROLES, PERSON_DOES, ROLES_BEFORE_NAMES
from deid.lexicon import ACRONYMS, FIELD_WORDS, FOREIGN_ARTICLES, FOREIGN_MONTHS, GRAMMAR_NAMES, LAUGHS, MONTH_BEFORE
from deid.lexicon import BODY_KIND_WORDS, TIME_ZONE_REGIONS
from deid.lexicon import NUMBER_WORDS as NUMBER_WORD_LIST
from deid import words as vocabulary
from deid.model import Kind, Span

# kinds veil replaces, from Presidio's entity names
KIND_OF = {
    "PERSON": "person", "LOCATION": "place", "GPE": "place", "STREET_ADDRESS": "place",
    "ORGANIZATION": "institution", "EMAIL_ADDRESS": "contact", "PHONE_NUMBER": "contact",
    "URL": "contact", "SOCIAL_HANDLE": "contact", "IP_ADDRESS": "contact", "CREDIT_CARD": "contact",
    "IBAN_CODE": "contact", "US_SSN": "contact", "CONTACT": "contact", "US_PASSPORT": "contact",
    "US_DRIVER_LICENSE": "contact", "UK_NHS": "contact", "MEDICAL_LICENSE": "contact",
    "DATE_TIME": "date", "AGE": "date",
}
KINDS = tuple(k.value for k in Kind)
PRESIDIO_OF = {"person": "PERSON", "place": "LOCATION", "institution": "ORGANIZATION",
               "contact": "CONTACT", "date": "DATE_TIME"}

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
TITLE_RX = re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(sorted(TITLE_WORDS, key=len, reverse=True)),
                      re.IGNORECASE)


DIRECTION_RX = re.compile(r"(?:%s)\s+(?=[A-Z])" % "|".join(DIRECTIONS))


NUMBER_WORDS = "|".join(NUMBER_WORD_LIST)


OPEN_BRACKET = re.compile(r"(?<=\w)[ \t]*\([^)]*$")
EXTENSION = re.compile(r"(?<=\w)\.(?i:%s)$" % "|".join(FILE_EXTENSIONS))


GOING = "|".join(w.title() for w in sorted(GOING_VERBS))


# a university as North America calls it: "U of H", "U of T", "U of Manitoba"
U_OF = regex.compile(r"U[ \t]+of[ \t]+\p{Lu}\p{Ll}*")
# the hall or institute a mining village built, its one landmark: "the Workmen's Hall"
WORKMENS = regex.compile(r"(?:Workmen|Workingmen|Miners)['’]s?[ \t]+(Hall|Institute|Welfare[ \t]+Hall)")


def trim(text: str, start: int, end: int, kind: str, address: bool = False) -> tuple[int, int, str]:
    """Narrow a span to the identifying words: drop titles, "the", possessive, punctuation
    (an address is kept whole: "Via Roma 131")."""
    if address:
        s = text[start:end].rstrip(" \t\n.,;:")
        # "with 27534 …", "and Ilmalankuja 82", "At Grange Lane" (a sentence's first word)
        # (not a house number said in words, "forty Birch Street", nor a road, "route twelve")
        lead = re.match(r"(?:(?:(?!(?:%s|route|highway|interstate|county|state)\b)[a-z]+|At|In|On|From|To|Near|By|%s)"
                        r"[ \t]+)+(?=[\dA-Z]|(?:%s)\b)" % (NUMBER_WORDS, GOING, NUMBER_WORDS), s)
        if lead:
            start, s = start + lead.end(), s[lead.end():]
        return start, start + len(s), s
    if kind == "contact":
        # (not the bar of a chat's link before it: "<mailto:a@b.ca|a@b.ca>")
        start += len(text[start:end]) - len(text[start:end].lstrip("|"))
        while end < len(text) and (text[end].isalnum() or text[end] in "_-") or \
                end + 1 < len(text) and text[end] in "./" and text[end + 1].isalnum():
            end += 1  # the whole handle or address, not the part a pattern took
        s = text[start:end].rstrip(" \t\n.,;:!?)\"'")
        return start, start + len(s), s
    s = text[start:end]
    lead = 0
    if kind == "person":
        m = TITLE_RX.match(s)
        if m and m.end() < len(s):
            lead = m.end()
    titled = lead > 0
    if kind in ("institution", "place"):
        m = re.match(r"(?i)(?:(?:the|at|in|from|to|and|of|with|for|by|on|near)\s+)+", s) or \
            re.match(r"(?:(?:el|la|los|las|le|les|del)\s+)+(?=\w)", s)   # a Spanish or French article in
        # lower case, before a name NER took for a body: "uno es el rigo" (not "La Quinta Inn")
        if kind == "place" and not m:
            m = DIRECTION_RX.match(s)
        if m and m.end() < len(s):
            lead = m.end()
    if kind in ("person", "place", "institution"):
        # the folders of a path before a name: "Cases\\Sarah Lindqvist" of an NVivo export
        m = re.match(r"(?:[A-Z][\w'’.\-]*\\)+(?=[A-Z])", s[lead:])   # (not "Lindqvist\\nPractice" of JSON)
        if m:
            lead += m.end()
        # a participant's code NER drags in before a name: "P2 Michael Kowalczyk", "LC-04 Mistry"
        # (not a postcode's district before a place: "BD8 Girlington")
        m = re.match(r"[A-Z]{1,3}(-)?\d{1,4}[ \t]+(?=([A-Z][a-z]+))", s[lead:])
        if m and (m.group(1) or m.group(2) in _first_names()):
            lead += m.end()
    if kind in ("institution", "place"):
        # a file's name read with its words apart: the kind of document, the study's acronyms
        # and codes before the place ("Interview_P12_Kisumu", "FGD_Seme_CHVs", "KII_SCHMT_Nyando")
        m = DOCUMENT_LEAD.match(s[lead:])
        if m:
            lead += m.end()
    if kind == "person":
        # a date or a number NER drags in before a note's initials: "12/03/2024 BO"
        m = re.match(r"(?:\d+[/.:\-][\d/.:\-]*[ \t]+)+(?=\S)", s[lead:])
        if m:
            lead += m.end()
        # lower-case words NER drags in before a name: "friend Bill", "cousin Rich"
        m = re.match(r"(?:[a-z][\w'’]*[ \t]+)+(?=[A-Z])", s[lead:])
        if m and not all(w in NAME_PARTICLES for w in m.group().split()):   # not "van der" of "van der Merwe"
            lead += m.end()
    if kind != "contact":
        # leading words NER drags in: function words ("I'm Naomi Ryan", "This", "Can"), a
        # note's first verb ("Attends Christ Apostolic Church"), a credential ("PharmD
        # Hector Villaseñor"), a relation ("Son Darnell")
        while True:
            m = re.match(r"([\w'’\-]+)(\s+)", s[lead:])
            if not m or not s[lead + m.end():].strip() or not _dragged_in(m.group(1), kind, s[lead + m.end():]):
                break
            if titled and len(m.group(1)) == 1 and m.group(1).isupper():
                break   # after a title a letter is an initial, not the article: "Mr A Brook"
            lead += m.end()
    core = s[lead:]
    if kind != "contact":
        # quotes, brackets and stray signs around the words: `"Tom O'Reilly" &` -> Tom O'Reilly
        quotes = len(core) - len(core.lstrip("\"“‘'(["))
        lead, core = lead + quotes, core[quotes:]
        core = OPEN_BRACKET.sub("", core)   # a bracket NER read into and not out of: "Sheriff's Office (CCSO"
        core = EXTENSION.sub("", core)   # a file's extension NER read into: "Tom_Nguyen.txt"
        core = POSSESSIVE.sub("", core.rstrip(" \t\n.,;:!?\"“”‘’')(-—–&*[]"))
        core = core.rstrip(" \t\n.,;:!?\"“”‘’')(-—–&*[]")
    core = core.rstrip()
    if kind == "person" and (kin := KIN_AFTER_NAME.search(core)) and 0 < kin.start() and kin.end() == len(core):
        core = core[:kin.start()]   # a kin term said after a name is no part of it: "Rubina Baji", "Imran Bhai"
    if kind == "person" and (stop := re.search(r"(?<=[^\W\d_]{2})\.[ \t]+([A-Z][a-z]*)\b", core)) and \
            stop.group(1).lower() in INTERJECTIONS | LAUGHS:
        core = core[:stop.start()]   # a sentence after the name NER read on into: "more like Jun. Ha!"
    if kind == "person" and (num := re.search(r"(?<=[^\W\d_])[ \t]+\d+-[a-z]+$", core)):
        core = core[:num.start()]   # a note's "2-yr" after a name: "Maisie 2-yr review"
    if kind in ("person", "institution"):
        # an everyday lower-case word NER drags in after a name: "Noor ul-Huda women('s group)"
        tail = re.search(r"(?<=[\w'’\-])[ \t]+([a-z]+)$", core)
        if tail and not re.search(r"(?:^|\s)\S*[A-Z]\S*$", core[:tail.start()]):
            tail = None   # (only right after a capitalised word: not "... Owners of the land")
        # (or a verb only a person does: "Micheál Ó Briain rang")
        if tail and len(core.split()) > 1 and tail.group(1) not in NAME_PARTICLES and \
                (vocabulary.is_everyday(tail.group(1)) or tail.group(1) in PERSON_DOES) and \
                not core[:tail.start()].islower():
            core = core[:tail.start()]
    return start + lead, start + lead + len(core), core


# a nickname in quotes (or in brackets and quotes) between a first name and a surname: one or two
# capitalised words, or initials ('Darnell "Slim" Hutchins', 'Michael "Big Mike" Kowalczyk',
# 'Siosaia ("Josh") Maka', 'Kenji "KJ" Ito'); not a quote ('Kevin "are you coming" Michael')
NICKNAME = r"\p{Lu}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}'’\-]+)?|\p{Lu}{2,3}"
QUOTED_NICKNAME = regex.compile(rf"(?<=\S)[ \t]+\(?[\"“]({NICKNAME})[\"”]\)?[ \t]+(?=\S)")


# a kin term or an honorific said after a name: "Rubina Baji", "Imran Bhai", "Nasreen Aunty"
# (not "Ji": a surname and a given name too, "Zhang Ji")
KIN_AFTER_NAME = re.compile(r"[ \t]+(?:%s)(?![\w'’\-])" % "|".join(
    map(re.escape, KIN_TERMS + ("Aunty", "Auntie", "Sahib"))), re.IGNORECASE)


# (a kind of document first, then codes and capitals: not "BRI Maternity Unit", a body's whole name)
DOCUMENT_LEAD = re.compile(r"(?:%s)[ \t]+(?:(?:[A-Z]{1,3}-?\d{1,4}|[A-Z]{2,6})[ \t]+)*(?=[A-Z][a-z])"
                           % "|".join(DOCUMENT_WORDS))


def _first_names():
    from deid import names
    return names.first_names()


def _dragged_in(word: str, kind: str, rest: str) -> bool:
    """A word before a name that is no part of it (`rest`: the words after it); not "Son"
    of "Son Nguyen" (a first name before no first name), nor "Saw" of "Saw Mill Lane"."""
    if word in BODY_OPENERS and kind == "institution":
        return False   # "All Hallows Hospital", "First United Methodist", "Our Lady of Lourdes"
    if is_stop_word(word):
        return True
    if word.lower() in GOING_VERBS:   # "Arrived Stratford Road", "Tell Glasgow I said hi"
        return True
    if word.lower() in LEAD_VERBS:   # a body's name keeps two words at least: "Met Office"
        return kind == "person" or kind == "institution" and len(rest.split()) > 1
    if word.lower() in PARTY_ROLES and rest:
        return True   # a party to a case, person or company: "Defendant Tri-Rivers Freight Logistics"
    if kind != "person":
        return False
    if word in CREDENTIALS or word.lower() in INTERJECTIONS or word.lower() in ROLES_BEFORE_NAMES or word == "CO":
        return True   # "PharmD Hector Villaseñor", "Sorry Amara, deleted", "Interviewer Brian Ssemakula",
        # a corrections officer, "CO Ramirez"
    from deid import names
    # a kin term said as a title, that is nobody's name ("Chacha Rasheed", "Bhai Harjit"; not "Babu
    # Miah"); a relation ("Son Darnell")
    if word in KIN_TERMS and word not in names.first_names() and word not in names.last_names():
        return not any(t in BODY_KIND_WORDS for t in rest.split())   # (a body's first word: "Hooyo Hub Cymru")
    return word.lower() in RELATIONS and (word[0].isupper() or word.islower()) and (
        word.title() not in names.first_names() or rest.split()[0].title() in names.first_names())
    # (in lower case too, as speech recognition writes it: "my son ali")


def is_stop_word(word: str) -> bool:
    """Function words (spaCy's list), with their contractions: "This", "can", "I'm"."""
    stop = _stop_words()
    w = word.lower().replace("’", "'")
    return w in stop or w.split("'")[0] in stop and "'" in w


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # read from spaCy's own file: importing spaCy for this list alone takes seconds (the
    # review page and the pseudonym pools need no model)
    path = Path(importlib.util.find_spec("spacy").origin).parent / "lang" / "en" / "stop_words.py"
    return frozenset(runpy.run_path(str(path))["STOP_WORDS"])


def title_of(text: str, start: int) -> str:
    """The title written just before a person's name, lower-case, or ""."""
    m = re.search(r"\b(%s)\.?\s+$" % "|".join(TITLE_WORDS), text[max(0, start - 14):start], re.I)
    return m.group(1).lower() if m else ""


def is_generic(text: str) -> bool:
    """Words that identify no one on their own: titles, kinds of institution, street words."""
    toks = [t.lower().strip(".") for t in tokens(text)]
    return all(t in GENERIC_WORDS or t in TITLE_WORDS and t not in TITLE_SURNAMES or t in STREET_WORDS for t in toks)


# titles that are surnames too, found again alone once someone of the key bears one ("Larry
# Elder ... Elder said")
TITLE_SURNAMES = frozenset({"elder"})


def searchable(form: str) -> bool:
    """Whether a real form of the key is looked for everywhere (known-entity pass, leak
    check): not generic words, not a bare short number or a year, not a fragment like "ll"."""
    core = form.strip()
    if is_generic(core) or len(core) < 3 or core.rstrip(".").title() in BUSINESS_SUFFIXES \
            or core.rstrip(".") in BUSINESS_SUFFIXES:
        return False
    if re.fullmatch(r"[\d\s\-/.,]+", core):
        digits = re.sub(r"\D", "", core)
        # four digits that are no year and no round sum ("4500 pounds"): a collar number found once,
        # bare in another file
        return len(digits) >= 5 or len(digits) == 4 and core.isdigit() and \
            not re.fullmatch(r"(?:19|20)\d\d|\d\d00", core)
    if re.fullmatch(r"[A-Za-z][-/]?\d{4,}", core):
        return True   # a badge's or a room's code of one letter: "B-2291", found again in brackets
    return bool(re.match(r"[\w@+(]", core)) and sum(c.isalpha() for c in core) >= 2 or "@" in core


def joined_like(text: str, s: int, e: int, new: str) -> str:
    """A pseudonym for a name joined by underscores ("notes_Bartek_Nowak.txt") joined so
    too: "notes_Adam_Reid.txt", not "notes_Adam Reid.txt"; one written as one word
    ("IfanMorgan"), as one word: "RhysEvans"."""
    if "_" in text[s:e] or text[s - 1:s] == "_" or text[e:e + 1] == "_":
        return new.replace(" ", "_")
    if joined_name(text[s:e]):
        return new.replace(" ", "")
    return new


def joined_name(word: str) -> bool:
    """A listed first name and another name written as one word: "IfanMorgan" (not a name
    with a capital inside it: "McAllen", "MacGregor", "LaSalle")."""
    from deid import names
    m = JOINED_NAME.fullmatch(word)
    return m is not None and len(m.group(1)) > 3 and m.group(1) in names.first_names()


# a first name and a surname written as one word, as a folder's or a file's name does: "IfanMorgan"
JOINED_NAME = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+)(\p{Lu}[\p{Ll}\p{M}]{2,})(?![\p{L}\p{M}])")


def key_of(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def tokens(text: str) -> list[str]:
    return re.findall(r"[\w'’.\-]+|&", text)


def acronym(name: str, caps: bool = True, short: bool = False) -> str:
    """The initials a body is called by: "NSU" of "Northfield State University"; without
    `caps`, leaving out the acronyms inside it ("AWFT" of "Airedale and Wharfe NHS
    Foundation Trust"); `short`, also the legal form at its end ("PMCH" of "Pennine Moor
    Community Health NHS Trust", "BCL" of "Bowen Carter Logistics Ltd"), when three
    letters are left."""
    words = [w for w in re.split(r"[\s\-–—]+", name) if w and w.lower() not in ("of", "the", "and", "at", "for", "&")
             and (caps or not (w.isupper() and len(w) > 1))]
    if short:   # (in a name written in capitals, an acronym is one anyone writes: "NHS" of "... NHS TRUST")
        while words and (words[-1].lower().strip(".") in LEGAL_FORMS or words[-1].isupper() and len(words[-1]) > 1
                         and (not name.isupper() or words[-1] in ACRONYMS)):
            words.pop()
        if len(words) < 3:
            return ""
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


# a dose after a word makes it a medicine: "Hydroxyzine 25 mg PO", "trazodone 50mg", with its
# inhaler's letters or as a strength: "Flovent HFA 110 mcg", "Symbicort 80/4.5", "Ventolin 2 puffs"
DOSE_AFTER = re.compile(r"(?:[ \t]+[A-Z]{2,4})?[ \t]+\d+(?:\.\d+)?(?:[ \t]?(?:mg|mcg|µg|micrograms?|g|ml|mL|units|IU|mmol"
                        r"|puffs?)\b|/\d+\.\d+)")


def a_medicine(text: str, s: int, e: int) -> bool:
    """Whether `s`..`e` is a medicine's name, with what NER read of its dose ("Symbicort
    80/4.5", "Flovent HFA"): its first word, a dose after it that covers the rest, and no
    one's name (not "I gave Tyrone 5 mg", "gave Hiwot 10 mg": a medicine the name lists hold
    too, "Flovent", is replaced, failing closed)."""
    from deid import names
    word = re.match(r"[^\W\d_][\w\-]*", text[s:e])
    if not word or after_title(text, s):
        return False
    dose = DOSE_AFTER.match(text, s + word.end())
    return dose is not None and dose.end() >= e - 1 and not names.is_name(word.group())


TITLE_STOP = re.compile(r"\b(?:%s)\.$" % "|".join(TITLES_WRITTEN))   # "Dr." of "Dr. Summer"


def starts_sentence(text: str, at: int, quoted: bool = False) -> bool:
    """Whether a word at `at` is a sentence's first, or a table's cell's ("| TM | Intake
    appointment"); the full stop of a title ends no sentence. With `quoted`, an opening
    quote or bracket starts one too: a lone function word there is speech ("(Will you"),
    where a name's evidence is wanted, not where a name's recall is."""
    raw = text[max(0, at - 40):at]
    if quoted and raw.rstrip(" \t").endswith(('"', '“', '(')):
        return True
    before = raw.rstrip(" \t\"“‘'(")
    if raw.rstrip(" \t").endswith((',"', ',“')):
        return True   # a field of a CSV row, quoted: "…,\"Wellness walks"
    if before.endswith("]") and (note := text.rfind("[", max(0, at - 40), at)) >= 0:
        return starts_sentence(text, note)   # after a note that opens one: "? [laughs] Tiny town"
    if raw.rstrip(" ").endswith("\t"):
        return True   # a table's cell: "14/02/2024\tTM\tIntake appointment"
    if _ends_in_emoji(before):
        return True   # a chat's emoji ends what it follows: "nobobaba 🙏🏾 Welcome to the group"
    return not before or before[-1] in ".!?:;\n…—-|" and not TITLE_STOP.search(before)


# where a sentence opens: after its stop, a line's end, a label's colon, a quote (a CSV's cell)
SENTENCE_OPENS = re.compile(r'[.!?:;\n"“]')


def writes_capitals(text: str, at: int) -> bool:
    """Whether the sentence holding `at` opens, before it, with a capital (from 300 characters
    back at most: a long sentence's tail may open mid-word there, and then says nothing)."""
    opens = max((m.end() for m in SENTENCE_OPENS.finditer(text, max(0, at - 300), at)), default=max(0, at - 300))
    first = re.search(r"[^\W\d_]", text[opens:at])
    return bool(first) and first.group().isupper()


def amid_other_language(text: str, s: int, e: int) -> bool:
    """Whether the lower-case words around `s`-`e` (three each side, on its line) are mostly
    not English: "saa nane e-float iliisha nikaenda kurebalance kwa super agent" (not "I grew up
    in kibera, then": a place, written small)."""
    line_start, line_end = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    around = [w for w in LOWER_WORD.findall(text, max(line_start, s - 60), s) if len(w) > 1][-3:] + \
        [w for w in LOWER_WORD.findall(text, e, min(e + 60, line_end if line_end >= 0 else len(text))) if len(w) > 1][:3]
    english = sum(1 for w in around if vocabulary.is_common(w) and not vocabulary.is_foreign(w))
    return len(around) >= 2 and 2 * english < len(around)


CAR_MAKE_BEFORE = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(re.escape(m) for m in CAR_MAKES))


MODEL_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(CAR_MODELS))


def a_car(text: str, s: int, e: int) -> bool:
    """Whether `s`-`e` is a car's make and model, or either beside the other: "silver Skoda
    Octavia", "a Ford Focus" (not "Toyota in Burnaston", a workplace; nor "Ford" alone)."""
    words_ = text[s:e].split()
    if words_ and words_[0] in CAR_MAKES:
        return len(words_) == 2 and words_[1] in CAR_MODELS or len(words_) == 1 and MODEL_AFTER.match(text, e) is not None
    return len(words_) == 1 and words_[0] in CAR_MODELS and CAR_MAKE_BEFORE.search(text, max(0, s - 20), s) is not None


def _ends_in_emoji(before: str) -> bool:
    """Whether text ends in an emoji (with its skin tone, joiners and variation selectors)."""
    core = before.rstrip("\u200d\ufe0f\U0001F3FB\U0001F3FC\U0001F3FD\U0001F3FE\U0001F3FF")
    return bool(core) and unicodedata.category(core[-1]) == "So" and core[-1] not in NOT_EMOJI


NOT_EMOJI = "©®™°℠"   # symbols a name or a measure is written with: "Kellogg™ Foundation", "40°"


TITLE_BEFORE = re.compile(r"\b(?:%s)\.?[ \t]+$" % "|".join(TITLES_WRITTEN))


def after_title(text: str, s: int) -> bool:
    """Whether a title stands right before `s` ("Mrs A.", "Cllr P.")."""
    return TITLE_BEFORE.search(text, max(0, s - 14), s) is not None


# (or a name's family: "Daniel's wife Sora")
RELATION_BEFORE = re.compile(r"(?:\b(?:my|our|her|his|their)[ \t]+(?:%s)|(?-i:\b[A-Z][a-z]+)['’]s[ \t]+(?:%s))"
                             r"(?:['’]s)?,?[ \t]+$" % ("|".join(RELATIONS), "|".join(FAMILY_RELATIONS)), re.I)
CALLED_BEFORE = re.compile(r"\b(?:named|call(?:s|ed)?[ \t]+(?:him|her|me|them)|nicknamed)[ \t]+$", re.I)
VERB_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(re.escape(v) for v in NAME_VERBS - AUXILIARIES))
AUXILIARY_AFTER = re.compile(r"['’]s\b|[ \t]+(?:%s)\b" % "|".join(re.escape(v) for v in AUXILIARIES))
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|our|your|their|its|last|next|every|each|my|his|"
                            r"her|some|any|no)[ \t]+$", re.I)


FIELD = re.compile(r"[ \t]*([^\n:]{1,30}):")


CAMEL_PARTS = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})")
JSON_KEY_AFTER = re.compile(r'"{1,2}[ \t]*:')


def field_name(word: str) -> bool:
    """A field's name written in CamelCase: a word fields are named by and ordinary words,
    none a name ("RecipientLastName", "ResponseId", "startDate"; not "JaneSmith", "BrightPath")."""
    from deid import names
    parts = CAMEL_PARTS.findall(word)
    if len(parts) < 2 or "".join(parts) != word or not any(p.title() in FIELD_WORDS for p in parts):
        return False
    return all(p.title() in FIELD_WORDS or p.isupper() or vocabulary.is_common(p) and p.title() not in
               names.first_names() and p.title() not in names.last_names() for p in parts)


def a_field(text: str, s: int, e: int, header) -> bool:
    """Whether `s`-`e` is a field's name in CamelCase where a table's header or a JSON key
    stands (`header`: the header's cells, a SpanSet): "RecipientLastName" of a Qualtrics
    export, "ImportId" of its third row."""
    if not field_name(text[s:e]):
        return False
    return any(a.contains(Span(s, e)) for a in header.overlapping(Span(s, e))) or \
        text[s - 1:s] == '"' and JSON_KEY_AFTER.match(text, e) is not None


# a time zone as software writes it: "America/Detroit", "Europe/London" (public, and no one's)
TIME_ZONE = re.compile(r"\b(?:%s)/[A-Z][\w\-]*(?:/[A-Z][\w\-]*)?" % "|".join(TIME_ZONE_REGIONS))


def in_time_zone(text: str, s: int, e: int) -> bool:
    """Whether `s`-`e` lies in a time zone's name: "Detroit" of "America/Detroit"."""
    if "/" not in text[max(0, s - 40):min(len(text), e + 40)]:
        return False
    return any(z.start() <= s and e <= z.end() for z in TIME_ZONE.finditer(text, max(0, s - 40), min(len(text), e + 40)))


def in_field_label(text: str, s: int, e: int) -> bool:
    """Whether `s`-`e` lies in the name of a field opening a line: "IN ATTENDANCE:", "Present:"."""
    line = text.rfind("\n", 0, s) + 1
    m = FIELD.match(text, line)
    return m is not None and e <= m.end(1) and m.group(1).strip().lower() in FIELD_LABELS


MEASURE_BEFORE = re.compile(r'"(?:%s)":[ \t]*"?$' % "|".join(MEASURE_FIELDS))   # ("ts": "1742202690.123456")


PERSON_FIELD = re.compile(r'"(?:%s)"[ \t]*:[ \t]*"$' % "|".join(PERSON_FIELDS), re.I)


def in_person_field(text: str, s: int, e: int) -> bool:
    """Whether `s`-`e` is the whole value of a JSON field naming who wrote a line
    ("author": "Hope"): a person's name, not a word opening a sentence."""
    return text[e:e + 1] == '"' and PERSON_FIELD.search(text, max(0, s - 30), s) is not None


def after_measure_field(text: str, s: int) -> bool:
    """Whether a number at `s` is the value of a JSON field holding a measure or a time
    ("size": 48213, Slack's "thread_ts": "1742202690.123456")."""
    return MEASURE_BEFORE.search(text, max(0, s - 20), s) is not None


def in_dialect(text: str, s: int, e: int) -> bool:
    """A word of a dialect that is a name somewhere too, said as the dialect's word: "Inna
    London!", "Neva." (not "Inna said", "my colleague Inna", "Dr Neva")."""
    return text[s:e].lower() in DIALECT_WORDS and not (
        VERB_AFTER.match(text, e) or RELATION_BEFORE.search(text, max(0, s - 40), s)
        or CALLED_BEFORE.search(text, max(0, s - 40), s) or after_title(text, s))


LOWER_WORD = regex.compile(r"(?<![\w'’])\p{Ll}[\p{Ll}'’]*(?![\w'’])")
PHRASE_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*")
COMPOUND_NAME = regex.compile(r"\p{Lu}\p{L}*-(?:\p{Ll}{1,3}-)?\p{Lu}")


def _foreign_capital(w: str) -> bool:
    """A capitalised word that is another language's own, not a name (but its grammar, "Les",
    "Elle", "Son"): "Mais ça veut dire", "Moi j'ai commencé" (not "Chantal", "Pierre", "Lise")."""
    from deid import names
    grammar = vocabulary.foreign_frequency(w) >= vocabulary.FUNCTION_WORD
    # (or a word English never says, of its dictionary: "Communauté", "Épuisement")
    unsaid = vocabulary.foreign_frequency(w) >= vocabulary.FOREIGN - 1 and vocabulary.frequency(w.lower()) < vocabulary.RARE
    said = grammar or w in GRAMMAR_NAMES   # (a name too, as "Ella" and "Bueno" are: said as the language's word)
    return w[1:].islower() and (vocabulary.is_foreign(w) or grammar or unsaid) and (said or not names.is_name(w))
ARTICLE_BEFORE_LOWER = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(FOREIGN_ARTICLES))
MONTH_PREPOSITION = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(MONTH_BEFORE))
PHRASE_EDGE = re.compile(r"[\n\"“”.,!?;:()\[\]]")
SENTENCE_EDGE = re.compile(r"[\n\"“”.!?;:()\[\]]")
LINE_EDGE = re.compile(r"\n")
FOREIGN_SHARE = 0.5   # of the lower-case words of its phrase, how many must be another language's


def in_foreign_phrase(text: str, s: int, e: int) -> bool:
    """Words of another language NER read as a name, in the phrase they stand in: lower case
    ("pero le entiendo", "para trabajar") or capitalised ("Mais ça veut dire", "Moi j'ai
    commencé", a code "Communauté;"); not a name said in that language or in English ("ask dan
    about it", "Chantal, la coordonnatrice", "Barış Özkan")."""
    said_here = PHRASE_WORD.findall(text, s, e)
    own = [w for w in said_here if w[0].islower()]
    # words in lower case after an article, a phrase ("los dolores de espalda", pains), or a
    # month after its preposition ("nació en julio"): the language's words, though Dolores
    # and Julio are names (not a name alone after its article, "la Lupita", "y la carmen")
    phrase = own == said_here and len(own) > 1 and ARTICLE_BEFORE_LOWER.search(text, max(0, s - 8), s) is not None
    month = len(own) == 1 and own == said_here and own[0] in FOREIGN_MONTHS and \
        MONTH_PREPOSITION.search(text, max(0, s - 8), s) is not None
    if COMPOUND_NAME.search(text, s, e) or not (phrase or month) and _names_someone(said_here, own):
        return False
    if _cognate_before(said_here, own):
        return True
    # (a capital counts as the language's only when it is its grammar, "Les", "Mais": a name
    # never vouches for itself, "Barış Özkan" in a list of attendees)
    here = [w.lower() for w in said_here if w[0].islower() or w in GRAMMAR_NAMES
            or vocabulary.foreign_frequency(w) >= vocabulary.FUNCTION_WORD]
    said = _said_around(text, s, e, PHRASE_EDGE, here)
    for edge, n in ((SENTENCE_EDGE, 3), (LINE_EDGE, 8)):   # a capital and little else up to a comma
        if own == said_here or len(said) >= 4:             # ("Mais l'hiver, avec la neige", a code
            break                                          # "Communauté;" of a row): wider, its words
        said = _said_around(text, s, e, edge, here, n)
    return len(said) >= 2 and sum(map(_the_languages, said)) >= FOREIGN_SHARE * len(said)


def _the_languages(w: str) -> bool:
    """A word of the other language: said far more there, or there only ("traes", a verb
    English never says; not "café", said in both, nor "abattoir", English's too, nor "thuy",
    a name)."""
    from deid import names
    return vocabulary.is_foreign(w) or vocabulary.foreign_frequency(w) >= vocabulary.FOREIGN - 1 and \
        vocabulary.frequency(w) < vocabulary.RARE and not vocabulary.is_common(w) and not names.is_name(w.title())


def _names_someone(said_here: list[str], own: list[str]) -> bool:
    """Whether the words name someone in any language: capitals in a row, or one after a
    particle ("Le Van Thanh", "Clínica del Valle", "de la Frontera"); a name said in lower case
    ("mi hija maria trabaja"; not "dan" of "no me dan", a verb there); a capital that is no
    word of another language ("Chantal", "Pierre")."""
    from deid import names
    if len(said_here) > 1 and not own or any(i and not w[0].islower() and vocabulary.foreign_frequency(w)
                                             < vocabulary.FUNCTION_WORD for i, w in enumerate(said_here)):
        return True
    if own and own[0] == said_here[0] and names.is_name(own[0].title()) and not vocabulary.is_foreign(own[0]) \
            and vocabulary.foreign_frequency(own[0]) < vocabulary.FUNCTION_WORD:
        return True   # (opening the words NER read: "maria trabaja" of "mi hija maria trabaja"; not
        # "muy caro", expensive; nor "los dolores de espalda", after an article: see in_foreign_phrase)
    return not _cognate_before(said_here, own) and not all(w[0].islower() or _foreign_capital(w) for w in said_here)


def _cognate_before(said_here: list[str], own: list[str]) -> bool:
    """A word both languages have before the other's own words: "Charge de travail",
    "Relation famille"."""
    from deid import names
    return bool(own) and own == said_here[1:] and all(map(vocabulary.is_foreign, own)) and \
        vocabulary.is_common(said_here[0]) and not names.is_name(said_here[0])


def _said_around(text: str, s: int, e: int, edge: re.Pattern, own: list[str], n: int = 3) -> list[str]:
    """The lower-case words of a mention and `n` each side of it, up to an edge."""
    edges = [m.end() for m in edge.finditer(text, max(0, s - 20 * n), s)]
    lo = edges[-1] if edges else max(0, s - 20 * n)
    hi = (m.start() if (m := edge.search(text, e, e + 20 * n)) else min(len(text), e + 20 * n))
    return LOWER_WORD.findall(text, lo, s)[-n:] + own + LOWER_WORD.findall(text, e, hi)[:n]


def said_as_name(text: str, s: int, e: int) -> bool:
    """An ordinary word capitalised inside a sentence, after "my brother" or "we call him",
    before a verb a person does (an auxiliary or "'s" only after a word no one uses every day),
    is somebody's name: "My brother Pita passed", "Tame was a delegate" (not "the Board was",
    "last Summer was hard", nor "Hope said" at a sentence's start)."""
    before, word = text[max(0, s - 40):s], text[s:e]
    if word in SEASONS_AND_TIMES:
        return False
    if RELATION_BEFORE.search(before) or CALLED_BEFORE.search(before):
        return True
    if starts_sentence(text, s) or ARTICLE_BEFORE.search(before):
        return False
    return VERB_AFTER.match(text, e) is not None or \
        AUXILIARY_AFTER.match(text, e) is not None and not vocabulary.is_everyday(word)
