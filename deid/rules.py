"""Flag rules: which selected spans become mentions, and which of them a person should
check (low scores, names that are common words, ordinary words NER called a name, bare
acronyms, dates of birth, ages over 89)."""
from __future__ import annotations

import re
import unicodedata

import regex

from deid import entity as ent
from deid import lexicon, names, pools, table, words
from deid.detect import Doc
from deid.model import Flag, Kind, Mention, Span, SpanSet
from deid.select import BY_PLACE, Candidate

AGE_RX = re.compile(r"\b(\d{2,3})[- ](?:years?|yrs?)[- ]old\b|\bage[d]? (\d{2,3})\b|\b(\d{2,3})s\b", re.I)
# an age said without "years": "she is 93 now", "he turned 91", "at 95"
AGE_SAID = re.compile(r"\b(?:is|was|turned|turns|turning|at|aged|age of|reached)[ \t]+(\d{2,3})\b(?![ \t]*(?:%|percent|"
                      r"dollars|minutes|hours|days|weeks|months|patients|people|beds|miles|kilos|pounds))", re.I)
DOB_RX = re.compile(r"\b(?:born|birthday|date of birth|DOB|d\.o\.b\.)\b", re.I)
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
# words before an acronym that make it a place or institution: "at UMKC", "from NSUMC"
ACRONYM_CUE = re.compile(r"\b(?:%s)\s+(?:the\s+)?$" % "|".join(lexicon.ACRONYM_CUES), re.I)
# a name and the body someone is from in brackets after it: "Mairi Dunleavy (SKU)"
AFFILIATION_OF = regex.compile(r"(?<![\w'’\-])(\p{Lu}[\p{Ll}\p{M}'’\-]+)[ \t]*\([ \t]*\Z")


DEMONYM = re.compile(r"(?:%s)$" % "|".join(lexicon.DEMONYM_ENDINGS))
NRP_A_PLACE = re.compile(r"\b(?i:from|at|near)[ \t]+$")
# where a sentence or a note's entry opens: a stop, a line, a dash after a worker's initials
NOTE_START = re.compile(r"(?:^|(?<![\s(][A-Z][a-z])(?<![\s(][A-Z])[.!?]\s+|\n\s*|\s[-–—]\s+)$")   # (not "Ft.")


FILE_NAME = re.compile(r"(?!https?://|www\.)[^/]*\.(?i:%s)" % "|".join(lexicon.FILE_EXTENSIONS))
# a day, a month and a year written in figures, and its time: a date, not a phone number
DATE_TIME = re.compile(r"\d{1,2}([./])\d{1,2}\1(?:19|20)\d\d(?:[ \tT]+\d{1,2}(?:[:.]\d\d){0,2})?")


def mentions(doc: Doc, cands: list[Candidate], cfg) -> tuple[list[Mention], list[Span]]:
    """The mentions of one document, flagged where a person should check them, and the
    spans never to replace (nationalities, languages, regions the study keeps)."""
    # (a town spaCy takes for a nationality is a town: "lives in Zgierz"; a letter is an initial;
    # a word no one writes is no nationality: "went to Judgemeadow", a school; nor what one
    # comes from or is at: "he's from gdansk"; nor an acronym no dictionary has: "UNILAG lent us a room")
    keep = [Span(r.start, r.end) for r in doc.results if r.entity_type == "NRP"
            and not names.is_town(doc.text[r.start:r.end]) and not re.fullmatch(r"[A-Z]\.?", doc.text[r.start:r.end])
            and (not doc.text[r.start:r.end].isupper() or words.is_common(doc.text[r.start:r.end]))
            and (words.frequency(doc.text[r.start:r.end]) > 0 or DEMONYM.search(doc.text, r.start, r.end))
            and not NRP_A_PLACE.search(doc.text, max(0, r.start - 8), r.start)]
    out = []
    # a table's column names, and its columns of positions and lengths (not a contact after all)
    header = SpanSet(Span(*cell) for cell in table.header_cells(doc.text))
    measures = SpanSet(Span(*cell) for cell in table.measure_cells(doc.text))
    for c in cands:
        t = doc.turn_of(c.start)
        if c.end > doc.turn_end(t):
            continue  # crosses a turn boundary
        if _a_field(doc.text, c, header, measures):
            continue
        if c.presidio_type == "URL" and FILE_NAME.fullmatch(doc.text, c.start, c.end) or \
                c.kind == Kind.CONTACT and (ent.after_measure_field(doc.text, c.start) or
                                            DATE_TIME.fullmatch(doc.text, c.start, c.end)) or \
                ent.in_field_label(doc.text, c.start, c.end):
            continue   # a file's name, not a web address: "final.docx" (the name in it is found apart);
            # a file's size, not a phone number: "size": 388040; a date and its time, not one either:
            # "03.06.2024 14:22"; a field's name: "IN ATTENDANCE:"
        rec = c.recognizer if c.presidio_type not in ("STREET_ADDRESS", "URL") else c.presidio_type
        end = _marks_after(doc.text, c.end)
        said = doc.text[c.start:end] if c.kind == Kind.CONTACT else doc.text[c.start:end].replace("_", " ")
        # (a name a file's name joins with underscores is the name: "Mary_Jones" is "Mary Jones")
        m = Mention(doc.fno, t, c.start, end, c.kind, c.score, rec, said)
        if m.kind == Kind.PLACE and cfg.regions == "keep" and ent.key_of(m.text) in names.regions():
            keep.append(m.span)  # a country or state, kept by the study's configuration
        elif m.kind != Kind.CONTACT and " " not in m.text and doc.text.startswith(("-speaking", "-speaker"), m.end):
            keep.append(m.span)  # a language: "Yoruba-speaking families", "a Welsh-speaker"
        elif m.kind == Kind.DATE:
            if _date_flag(doc.text, m, cfg.dates):
                out.append(m)
        else:
            _flag(m, c.recognizer, doc.text)
            out.append(m)
    out += introductions(doc, out)
    if cfg.dates == "keep":
        out += ages_said(doc, out)
    out.sort(key=lambda m: m.start)
    return out, keep


JSON_SYNTAX = re.compile(r'"[ \t]*:[ \t]*"|[{}]')


def _a_field(text: str, c: Candidate, header: SpanSet, measures: SpanSet) -> bool:
    """What an export's structure names, not a person: "Media Title" of a header (a person there
    is one: a matrix's cases, "Mark Brown", not "RecipientLastName"); "1472-2210" of an "Excerpt
    Range"; a JSON key, "ImportId"; NER's reading across a JSON object's syntax
    ('{""ImportId"":""recipientLastName""}'); a time zone's name, "America/Detroit"."""
    if c.kind in (Kind.INSTITUTION, Kind.PLACE) and _within(header, c) or \
            c.kind == Kind.CONTACT and _within(measures, c) or ent.a_field(text, c.start, c.end, header):
        return True
    return c.kind != Kind.CONTACT and (JSON_SYNTAX.search(text, c.start, c.end) is not None
                                       or ent.in_time_zone(text, c.start, c.end))


def _within(cells: SpanSet, c: Candidate) -> bool:
    return any(s.contains(c.span) for s in cells.overlapping(c.span))


def _marks_after(text: str, e: int) -> int:
    """The end of a span taken over the accents written after its last letter: "Olúfúnmiláyọ̀"
    ends in a combining grave that no single letter holds (spaCy and `re` stop before it)."""
    while e < len(text) and unicodedata.category(text[e]) == "Mn":
        e += 1
    return e


def _date_flag(text: str, m: Mention, dates: str) -> bool:
    """Whether a date becomes a mention: every date when dates are replaced or generalised;
    when they are kept, a date of birth and an age over 89 (flagged)."""
    if dates != "keep":
        return True
    why = date_flag(text, m.start, m.end)
    if why:
        m.flags.append(why)
    return why is not None


def date_flag(text: str, s: int, e: int) -> Flag | None:
    span = text[s:e]
    for m in AGE_RX.finditer(span):
        if int(next(g for g in m.groups() if g)) > 89:
            return Flag.AGE_OVER_89
    if DOB_RX.search(text[max(0, s - 40):s]) and re.search(r"\d", span):
        return Flag.DATE_OF_BIRTH
    return None


def _flag(m: Mention, recognizer: str, text: str) -> None:
    if m.score < 0.5:
        m.flags.append(Flag.LOW_CONFIDENCE)
    if m.kind == Kind.PERSON and len(ent.tokens(m.text)) == 1 and words.is_common(m.text) and \
            (not m.text[:1].isupper() or ent.starts_sentence(text, m.start)) and \
            not ent.in_person_field(text, m.start, m.end):
        # a capital inside a sentence says "name" ("I asked Grace"); at a sentence's start
        # ("Will it work?") or in lower case it says nothing; a chat's author field says "name"
        m.flags.append(Flag.COMMON_WORD)
    if ordinary_words(m, recognizer, text) or a_post(m, recognizer, text):
        m.keep = True
        m.flags.append(Flag.ORDINARY_WORDS)



# a turn that asks a group to say their names, and a turn that answers with one first
NAMES_ASKED = re.compile(r"\b(?:first names?|your names?|introduce (?:yourselves|yourself)|say who you are)\b", re.I)
# "I'm Dawn, ...", "Hope." (a name alone, then a full stop: not "Man, it was..." nor "Christ, where")
NAME_GIVEN = regex.compile(r"[ \t]*(?:(?:I'm|I am|It's|Me)[ \t,]+(\p{Lu}\p{Ll}+)(?=[ \t]*[.,!;]|[ \t]+here\b)"
                           r"|(\p{Lu}\p{Ll}+)(?=[ \t]*[.!]))")
ROUND = 12   # turns a round of introductions lasts at most
LABEL = re.compile(r"([A-Z][\w .]{0,24}):[ \t]+")   # a speaker's label the layout left in the text


def _speaker(turn) -> str | None:
    label = LABEL.match(turn.text) if turn.speaker is None else None
    return label.group(1) if label else turn.speaker


def introductions(doc: Doc, found: list[Mention]) -> list[Mention]:
    """In a round of introductions (the turns after one that asks for names, until its
    speaker talks again), the first name a turn opens with: "M: let's go round, first names
    only" ... "P3: Hope. My son's Will" ... "P5: Sky. Like the sky"."""
    turns, out = doc.transcript.turns, []
    for i, asked in enumerate(turns):
        if not NAMES_ASKED.search(asked.text):
            continue
        for j in range(i + 1, min(len(turns), i + ROUND)):
            if _speaker(turns[j]) == _speaker(asked):
                break
            label = LABEL.match(turns[j].text) if turns[j].speaker is None else None
            given = NAME_GIVEN.match(turns[j].text, label.end() if label else 0)
            g = (1 if given.group(1) else 2) if given else 0
            if not given or given.group(g) not in names.first_names() or ent.is_stop_word(given.group(g)):
                continue
            span = Span(doc.offsets[j] + given.start(g), doc.offsets[j] + given.end(g))
            for m in found:
                if m.span == span and m.keep:   # kept as an ordinary word: a name after all
                    m.kind, m.keep = Kind.PERSON, False
                    m.flags = [f for f in m.flags if f != Flag.ORDINARY_WORDS]
            if not any(m.span.overlaps(span) for m in found + out):
                out.append(Mention(doc.fno, j, span.start, span.end, Kind.PERSON, 0.6, "IntroductionRecognizer",
                                   given.group(g)))
    return out


def ages_said(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Ages over 89 said in words, which NER does not take for dates."""
    out = []
    for a in AGE_SAID.finditer(doc.text):
        span = Span(a.start(1), a.end(1))
        if int(a.group(1)) > 89 and not any(m.span.overlaps(span) for m in found):
            out.append(Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.DATE, 0.5,
                               "AgeRecognizer", a.group(1), flags=[Flag.AGE_OVER_89]))
    return out


KIND_OF = re.compile(r"\b(?:%s) of\b" % "|".join(lexicon.ORG_ENDINGS))


# a word made with a prefix and a hyphen, the way notes shorten: "Pre-reg", "Post-session", "Non-attender"
PREFIXED = re.compile(r"(?:Pre|Post|Non|Anti|Semi|Self|Mid|Sub|Multi|Inter|Ex|Re|Co)-[a-z][a-z\-]*")


OCCUPATION_AFTER = re.compile(r"[ \t]+(?:%s)\b" % "|".join(sorted(lexicon.OCCUPATIONS)))


def ordinary_words(m: Mention, rec: str, text: str) -> bool:
    """What NER calls a name but is made of ordinary words only, flagged and kept: a single
    word that is no one's name ("Wisdom", "Discipline"), a title of three words or more
    ("Foundations of Clinical Practice", "Guilty Pleasures: 5 Musicians Of The 70s"), a
    committee or unit every body has ("Hospital Liaison Committee")."""
    toks = [t for t in ent.tokens(m.text) if re.search(r"\w", t)]
    if rec in BY_PLACE:
        return False   # a chat's display name: "Lovely T.", "Baby DC"; a table's "Name" cell
    if m.kind == Kind.INSTITUTION and ent.U_OF.fullmatch(m.text):
        return False   # a university as North America calls it: "U of H", "U of T"
    first, last = names.first_names(), names.last_names()
    if rec == "InstitutionRecognizer" and OCCUPATION_AFTER.match(text, m.end) and \
            all((words.is_everyday(t) or pools.norm(t) in pools.kind_words()) and t.title() not in first
                and t.title() not in last for t in toks):
        return True   # a post named by what it serves: "Aboriginal Health Worker", "Mental Health Nurse"
    if rec == "InstitutionRecognizer" and toks[-1] == "Department":   # "Emergency Department", not
        return len(toks) == 2 and _internal_body(toks, first, last)  # "Calder", "Tower Hamlets Housing Department"
    if rec != "SpacyRecognizer":
        return False
    if m.kind in (Kind.PERSON, Kind.INSTITUTION) and toks[-1] in lexicon.OCCUPATIONS and \
            all(words.is_common(t) and t.title() not in first and t.title() not in last for t in toks):
        return True   # a job, not a body nor a person: "Occupational Therapist", "Bar Supervisor"
    if _heading(m, text) and toks[-1].title() not in KIND_ENDINGS and all(
            words.is_common(t) and t.title() not in first and (t.title() not in last or words.is_everyday(t))
            or t in lexicon.ACRONYMS or t.lower() in lexicon.DOMAIN_LOWER for t in toks):
        return True   # a heading in capitals: "4. STUDENT'S RESPONSE", "NPAS REQUESTED" (not "4. JOHN
        # SMITH", "BRIDGE HOUSE")
    if m.kind == Kind.PERSON and len(toks) > 1 and m.text.isupper() and \
            all(words.is_common(t) and t.title() not in first and t.title() not in last for t in toks):
        return True   # capitals with no name among them: "IN WITNESS WHEREOF" (not "ROBIN HOOD")
    if len(toks) == 1 and m.kind in (Kind.PERSON, Kind.INSTITUTION):  # "Wisdom", "Society"; not "Chicago"
        w = toks[0]
        if m.kind == Kind.PERSON and (ent.said_as_name(text, m.start, m.end) or _initials(w, text, m.start)):
            return False
        opening = ent.starts_sentence(text, m.start)
        ordinary = words.is_common(w) or words.is_everyday_plural(w) if m.kind == Kind.PERSON else \
            words.is_everyday(w) or words.is_everyday_plural(w) or w in lexicon.OCCUPATIONS or \
            opening and w[1:].islower() and (words.written_lower(w) or PREFIXED.fullmatch(w))   # a word
        # opening a sentence or a cell: "| Intake appointment", "Pre-reg at St Luke's" (not an
        # acronym: "CHA aware of order")
        # (a surname too, "House", opening a sentence as a body: "House cold but tidy")
        surname = w.title() in last and not (m.kind == Kind.INSTITUTION and opening)
        return ordinary and w.title() not in first and not surname and w not in names.place_words() \
            and not names.is_town(w)
    if len(toks) == 1 and m.kind == Kind.PLACE and words.is_everyday(toks[0]) and toks[0].lower() not in names.towns() \
            and toks[0].title() not in last and toks[0] not in names.place_words() \
            and NOTE_START.search(text, max(0, m.start - 6), m.start):
        return True   # an everyday word opening a note NER calls a place: "BO - Client accommodated by ..."
    if m.kind == Kind.PERSON and not _initial_first(m, toks, text) and \
            all(words.is_common(t) and not words.is_rare(t) and t.title() not in first and t.title() not in last
                for t in toks):
        return True  # "Guilty Pleasures": no word of it is anybody's name (a rare one is: "Harborough";
        # an initial before it says it is: "H. Stroud")
    if table.cells(text).is_whole(m.start, m.end) and all(
            words.is_common(t) and t.title() not in first and t.title() not in last or words.is_foreign(t)
            and not names.is_name(t) or t in lexicon.ACRONYMS or t == "ID" or ent.is_stop_word(t) for t in toks):
        return True   # a table's cell of ordinary words, a heading or a code: "Excerpt Range", "Relation famille"
    if m.kind == Kind.INSTITUTION and len(toks) >= (3 if toks[-1] in ("Unit", "Team") else 2) and \
            toks[-1] in lexicon.INTERNAL_BODIES and (toks[-1] != "Department" or len(toks) == 2) and \
            _internal_body(toks, first, last) and (len(toks) > 2 or toks[-1] not in lexicon.SERVICES
                                                   or words.is_everyday(toks[0])):   # (a department of one word: "Emergency Department")
        return True  # a body inside every hospital or council: "Resuscitation Committee", "Intensive Care Unit"
    if m.kind == Kind.INSTITUTION and len(toks) >= 2 and toks[-1] in ("Office", "Service") and \
            all(t in lexicon.SERVICE_FUNCTIONS or ent.is_stop_word(t) for t in toks[:-1]):
        return True  # an office every university has: "Student Casework Office", "Disability Advisory Service"
    if m.kind == Kind.INSTITUTION and len(toks) >= 3 and toks[-1] not in lexicon.ORG_ENDINGS and \
            not lexicon.ends_in_long_kind(ent.tokens(m.text)) and \
            not KIND_OF.search(m.text) and not known_by_initials(m.text, text) and \
            re.search(r" (?:of|and|the|to|for|in) |: |\d| & |, ", m.text):
        # Title Case with small words in it, or a number: a course or a title, not an employer
        # (one that ends in the kind of a body, "... and Logistics Union", or is the kind of
        # one of something, "Baylor College of Medicine", is a body)
        # (a town is no ordinary word, written in lower case though: "university of birmingham")
        return all((words.is_common(t) and t not in names.place_words() and not names.is_town(t)) or ent.is_stop_word(t)
                   or t.isdigit() or t in "&" or t in lexicon.ACRONYMS for t in toks)   # ("Lead & OSCE Coordinator")
    return False


KNOWN_AS = re.compile(r"(?i)\b(?:known as|preferred name|aka)[ \t]*:?[ \t]*$")
INITIAL_FIRST = re.compile(r"[A-Z]\.[ \t]*[A-Z]")   # "H. Stroud", "J.Wood"
QA_OPENING = re.compile(r"(?:^|\n)[ \t]*$")


def _initial_first(m: Mention, toks: list[str], text: str) -> bool:
    """A person's name written with an initial before a word nobody says every day: "H.
    Stroud" (not a transcript's "Q." or "A." opening a line: "A. Honest answer, it was hard")."""
    if not INITIAL_FIRST.match(m.text) or len(toks) < 2 or words.is_everyday(toks[1]):
        return False
    return not (m.text[0] in "QA" and QA_OPENING.search(text, max(0, m.start - 40), m.start))


# kinds that make a body only of a name the text also writes by its initials ("Linden Migration
# Lab (LML)"; not "the Computer Lab")
INITIALLED_KINDS = frozenset({"Lab", "Laboratory", "Network"})


def known_by_initials(name: str, text: str) -> bool:
    """A body's name of ordinary words and a kind, whose initials the text writes as its
    acronym: "Vietnamese Fishermen's Association of the Gulf" ... "the VFAG" (not a course,
    "Foundations of Clinical Practice (FCP)": no kind of body in it, nor a kind inside a public
    body's, "Independent Office for Police Conduct (IOPC)"; nor a known acronym)."""
    from deid.abbrev import initials_of
    acronym = initials_of(name)
    toks = ent.tokens(name)
    kind = toks[-1] in lexicon.BODY_KINDS or toks[-1] in INITIALLED_KINDS or any(a in lexicon.BODY_KINDS and b in ("of", "for") for a, b in zip(toks, toks[1:]))
    return 3 <= len(acronym) <= 6 and acronym not in lexicon.ACRONYMS and kind and \
        re.search(r"(?<![\w\-])%s(?![\w\-])" % re.escape(acronym), text) is not None


# the last words that make capitals a body's or a place's name, heading or not: "3. RIVERSIDE
# PRIMARY SCHOOL", "6. BRIDGE HOUSE"
KIND_ENDINGS = frozenset(w for k in lexicon.INSTITUTION_KINDS + lexicon.STREET_TYPES + tuple(lexicon.PLACE_TAILS)
                         + ("House",) for w in k.split()[-1:])


def _heading(m: Mention, text: str) -> bool:
    """A name in capitals on a line written all in capitals: a heading ("4. STUDENT'S RESPONSE",
    "999 CALL TRANSCRIPT") or a log written so ("NO PREVIOUS MISPER")."""
    lo, hi = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
    return m.text.isupper() and not any(c.islower() for c in text[lo:hi if hi >= 0 else len(text)])


def _internal_body(toks: list[str], first, last) -> bool:
    """Ordinary words before the kind of a body every institution has: "Resuscitation
    Committee", "Emergency Department", "Student Wellbeing" (not "Calder Department", a name;
    a surname said every day is that word here: "Student Cases Team")."""
    return all(words.is_common(t) and t.title() not in first and (t.title() not in last or words.is_everyday(t))
               and t not in names.place_words() and not names.is_town(t) for t in toks[:-1])


def _initials(w: str, text: str, s: int) -> bool:
    """A person's initials are no ordinary word, though a dictionary lists "jd": letters in
    capitals, or one after a title ("Mrs A.", "Cllr P.")."""
    bare = w.rstrip(".")
    return bare.isalpha() and bare.isupper() and (len(bare) > 1 or ent.after_title(text, s))


POST_OF = re.compile(r"\b(?:%s)[ \t]+of[ \t]+(?:the[ \t]+)?$" % "|".join(lexicon.POSTS), re.I)


def a_post(m: Mention, rec: str, text: str) -> bool:
    """What a post is of, in ordinary words, is no body's name: "Director of Property &
    Assets", "Head of Housing Services" (flagged and kept)."""
    toks = [t for t in ent.tokens(m.text) if re.search(r"\w", t)]
    return rec == "SpacyRecognizer" and m.kind == Kind.INSTITUTION and \
        POST_OF.search(text[max(0, m.start - 40):m.start]) is not None and \
        all(words.is_common(t) and t.title() not in names.place_words() and not names.is_town(t) or
            ent.is_stop_word(t) for t in toks)


def _affiliation(m: Mention, text: str, index) -> bool:
    """An acronym of three letters or more in brackets after a person's name that is not her
    initials: the body she is from ("Mairi Dunleavy (SKU)" of a chat, "Prof. Alan Rudd (KMU)" of
    minutes; two letters are too often a role's, "(RA)", "(SW)")."""
    before = AFFILIATION_OF.search(text, max(0, m.start - 40), m.start)
    if before is None or not text.startswith(")", m.end) or m.kind == Kind.PERSON or len(m.text) < 3:
        return False
    surname = before.group(1)
    person = index.kind_of.get(index.entity_of.get(ent.key_of(surname))) == Kind.PERSON   # (linked first)
    return (person or names.is_name(surname) or not words.is_common(surname)) and m.text[-1] != surname[0]


def bare_acronym(m: Mention, text: str, index) -> bool:
    """An acronym nobody listed and nothing marks as a place or institution ("BSN", "MRSA",
    "N95", "the CMO") is flagged for review, not replaced."""
    if m.kind == Kind.CONTACT or not ACRONYM.fullmatch(m.text) or ent.key_of(m.text) in index.entity_of:
        return False   # (a number's recognizer knows it for one: "G82741", a practice code)
    if m.recognizer == table.BODY_COLUMN_RECOGNIZER or m.recognizer == "NameContextRecognizer" or \
            m.kind == Kind.PERSON and KNOWN_AS.search(text, max(0, m.start - 20), m.start):
        return False   # a table's "Site" column: "SJUH"; the name a record says a child goes by, "Known as: KJ"
    if m.recognizer == "TitledPersonRecognizer" and (m.text.title() in names.last_names() or
                                                     not words.is_common(m.text)):
        return False   # a surname in capitals after a title: "PC 1174 HUGHES" (not "PC 1174 ATTENDED")
    if index.institution_of_acronym(m.text) is not None:
        return False  # the abbreviation of a known institution
    if ACRONYM_CUE.search(text[max(0, m.start - 16):m.start]) or text[m.end:m.end + 2] in ("'s", "’s") or \
            _affiliation(m, text, index):
        return False
    m.flags.append(Flag.ACRONYM)
    return True
