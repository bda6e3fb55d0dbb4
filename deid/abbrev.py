"""Abbreviations of names found in a transcript: an acronym defined in the text
("Northfield State University (NSU)", "Linda Hart (LH)") stands for the name before it,
and capital initials ("Action: LH", "seen by TJ") stand for the person of this transcript
whose name has them. They are replaced like that name: an institution's acronym by the
initials of its pseudonym (and found again everywhere, as a form of the institution), a
person's initials by the initials of the person's pseudonym (in this transcript only:
initials are too short to look for everywhere)."""
from __future__ import annotations

import re

import regex

from deid import entity as ent
from deid import lexicon, names, words
from deid.detect import Doc
from deid.model import Flag, Kind, Mention, Span, SpanSet
from deid.plan import FilePlan, Planner
from deid.people import nicknames
from deid.pseudonym import SURNAME_FIRST

BRACKET_LABEL = re.compile(r"\[[A-Z]+ \d+\]")

# "FM", "K-L" of "Kacey-Leigh", "PÓC" of "Pádraig Ó Conchúir"
# (an underscore parts them from a file's words: "ZH_leave_request_Jan24.pdf")
INITIALS = regex.compile(r"(?<![^\W_]|[&/\-])(?:\p{Lu}{2,4}|\p{Lu}-\p{Lu})(?![^\W_]|[&/\-])")
SIGNED = re.compile(r"(?:\(|:[ \t]*|\n[ \t]*)$")   # "(TBO)", "Transcriber: TBO", a turn of its own
DEFINED = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{1,5})\)")
# a body's acronym said after its name between commas, or after "or": "North East Scotland
# College, NESCol, evening classes", "Manchester University NHS Foundation Trust, MFT, one big family"
APPOSED = re.compile(r"(?:,[ \t]*(?:or[ \t]+)?|[ \t]+or[ \t]+)([A-Z][A-Za-z]{1,5})(?=[ \t]*[,.;:)]|[ \t]*$)", re.M)
RECOGNIZER = "Abbreviation"
# a transcript's key of speaker codes, each by whom it stands for: "MAG = Mrs Margaret Docherty
# ("Maggie"), patient", "Speakers: KIR = Kirsty Lennox", "ZAI / DAU = Zainab Iqbal"
LEGEND = regex.compile(r"(?m)^[ \t]*(?:[\p{L} ]{1,20}:[ \t]*)?(\p{Lu}{3,4})(?:[ \t]*/[ \t]*\p{Lu}{2,4})?[ \t]*[=–—][ \t]*"
                       r"(?:(?:%s)\.?[ \t]+)?" % "|".join(lexicon.TITLES_WRITTEN))   # (the code "=" its person; a turn's
# "DOC: Come in" is no key)
# a term's acronym defined after its words written in lower case: "enhanced therapeutic
# observation (ETO)", "deprivation of liberty safeguards (DoLS)"
TERM_DEFINED = regex.compile(r"((?:\p{Ll}[\p{Ll}\-]*[ \t]+){1,8})\(([A-Z][A-Za-z]{1,5})\)")


# two letters that are a word or an abbreviation anyone writes, not a first name's letters
# ("AM" of "Anne-Marie", "LA" of "Lou-Ann", "ME")
WORD_LETTERS = frozenset(lexicon.ACRONYMS) | frozenset(lexicon.DATE_ABBREVIATIONS) | frozenset(
    "AM PM LA ME MY NO OK SO TO UP US WE HE IT IS IN ON OR AN AS AT BE BY DO GO IF OF PH".split())


def initials_of(name: str, middle: bool = True) -> str:
    """Initials of a name, without its small words: "Northfield State University" -> "NSU"."""
    words = [w for w in re.split(r"[\s\-–—]+", name) if w and w.lower() not in lexicon.GENERIC_WORDS - {
        "university", "college", "school", "hospital", "medical", "center", "centre", "health", "clinic"}
        and w not in lexicon.PATRONYMIC_MARKERS]   # ("RK" of "Rajesh s/o Krishnan")
    letters = [w[0].upper() for w in words if w[0].isalpha()]
    return "".join(letters if middle or len(letters) < 3 else [letters[0], letters[-1]])


def defined_terms(text: str) -> list[Span]:
    """Where the acronyms of terms the text defines stand: every one of them is vocabulary,
    no name ("the ETO for bay 3" of "enhanced therapeutic observation (ETO)"); not one of a
    name spoken in lower case ("te puna rangahau (TPR)": no dictionary's words)."""
    terms = {m.group(2) for m in TERM_DEFINED.finditer(text) if _term_of(m.group(2), m.group(1).split())}
    return [Span(*m.span()) for acr in terms
            for m in re.finditer(r"(?<![\w&/\-])%s(?![\w&/\-])" % re.escape(acr), text)]


def _term_of(acr: str, before: list[str]) -> bool:
    """Whether the last words before an acronym, each a dictionary's, give its letters (with
    or without their small words: "DoLS" of "deprivation of liberty safeguards")."""
    letters = acr if acr.isupper() else "".join(c for c in acr if c.isupper())
    if len(letters) < 2:
        return False   # a name in brackets is no term's letters: "my mum (Mary)"
    for kept in (before, [w for w in before if not ent.is_stop_word(w)]):
        last = kept[-len(letters):]
        if len(last) == len(letters) and "".join(w[0] for w in last).upper() == letters and \
                all(words.is_common(w) for w in last):
            return True
    return False


class Abbreviations:
    def __init__(self, index, linker, planner: Planner, allow: set[str]):
        self.index, self.linker, self.planner, self.allow = index, linker, planner, allow
        self._kept: dict[int, tuple[dict, dict]] = {}   # each transcript's defined initials and codes

    def run(self, doc: Doc, plan: FilePlan) -> None:
        self.defined: dict[str, int] = {}   # a person's initials the text defines: "Fraser Menzies (FM)"
        self.ambiguous: set[str] = set()      # initials two people of the transcript share
        self.elsewhere: set[str] = set()      # initials of people only other transcripts name
        self.codes: dict[str, int] = {}      # speaker codes of a person's name the key defines: "MAG"
        self._defined(doc, plan)
        self._legend(doc, plan)
        self._initials(doc, plan)
        self._kept[doc.fno] = (self.defined, self.codes)

    def again(self, doc: Doc, plan: FilePlan) -> None:
        """Initials of the people the sweep found after `run` ("C. Nwachukwu(1)" of an
        author list, then "[Reply CN: noted]")."""
        self.defined, self.codes = self._kept.get(doc.fno, ({}, {}))
        self.ambiguous, self.elsewhere = set(), set()
        self._initials(doc, plan)

    def _legend(self, doc: Doc, plan: FilePlan) -> None:
        """A speaker's code of a transcript's key that is the start of the name it stands for,
        or of its nickname ("MAG" of Margaret "Maggie" Docherty, "JIM" of James, "KIR" of
        Kirsty): a form of that person in this transcript (not "DOC", "PAT" of a role)."""
        for m in LEGEND.finditer(doc.text):
            code, line_end = m.group(1), doc.text.find("\n", m.end())
            line = Span(m.end(), len(doc.text) if line_end < 0 else line_end)
            people = [p.mention for p in plan.overlapping(line) if p.mention.kind == Kind.PERSON
                      and p.mention.entity is not None and p.pseudonym]
            for person in [q for q in people if q.start == m.end()][:1]:   # (whom the code is "=")
                said = [w for q in people if q.entity == person.entity for w in ent.tokens(q.text)]
                real = self.index.real_of.get(person.entity, person.text)
                names_of = said + ent.tokens(real) + [n for w in ent.tokens(real) for n in nicknames(w)]
                if (code not in lexicon.ACRONYMS or code in lexicon.ROLE_CODES) and \
                        any(w.upper().startswith(code) for w in names_of):   # ("PAT" of Patrick)
                    self.codes[code] = person.entity
                    break

    def _defined(self, doc: Doc, plan: FilePlan) -> None:
        """"<name> (ABC)": the acronym is a form of the name's entity."""
        for p in list(plan.replaced()):
            m = p.mention
            d = DEFINED.match(doc.text, m.end) or DEFINED.match(doc.text, _after_possessive(doc.text, m.end))
            if d is None and m.kind == Kind.INSTITUTION and (a := APPOSED.match(doc.text, m.end)) and \
                    a.group(1) not in lexicon.ACRONYMS and _apposed_of(a.group(1), m.text):
                self._alias(a.group(1), m, p)
                continue
            if d is None or m.kind not in (Kind.PERSON, Kind.INSTITUTION, Kind.PLACE) or m.entity is None:
                continue
            acr = d.group(1)
            if m.kind == Kind.PERSON and acr.upper() == acr and acr in person_initials(m.text):
                self.defined[acr] = m.entity   # found below, in this transcript
                continue
            if acr.upper() != acr or acr not in (initials_of(m.text), initials_of(m.text, middle=False)) \
                    and not (m.kind == Kind.INSTITUTION and (_loosely_of(acr, initials_of(m.text))
                                                             or acr in person_initials(m.text)
                                                             or _apposed_of(acr, m.text))):
                continue
            if m.kind == Kind.PERSON:
                continue
            self._alias(acr, m, p)

    def _alias(self, acr: str, m: Mention, p) -> None:
        """The acronym is a form of the body's entity, its pseudonym the initials of the body's."""
        self.index.add_alias(acr, m.entity)
        k = ent.key_of(acr)
        if k not in self.planner.ps.map:
            self.planner.ps.remember(acr, self.planner.ps.acronym_for(acr, _letters_like(acr, m.text, p.pseudonym)))
            self.planner.commit(m.entity)

    def _initials(self, doc: Doc, plan: FilePlan) -> None:
        """Initials in capitals of a person named in this transcript."""
        people = self._people(plan, doc) | self.defined | self.codes
        if not people:
            return
        taken = SpanSet(p.mention.span for p in plan.replaced())
        for t in INITIALS.finditer(doc.text):
            span, text = Span(*t.span()), t.group()
            eid = people.get(text)
            # (initials the text defines win over the allow-list: "FM" is a radio band too; so do
            # those that sign a note's entry, "... by text link. RN" of Ruaridh Nkemelu)
            if eid is None or text.lower() in self.allow and text not in self.defined and not _signs_off(doc.text, span) \
                    or taken.overlaps(span) \
                    or text.lower() in lexicon.FIELD_LABELS and text not in self.defined \
                    or text in self.elsewhere and not SIGNED.search(doc.text, max(0, span.start - 3), span.start):
                continue   # ("RE: Amendment request" is a reply, not Rhiannon Pugh-Evans; another file's
                # people only where a note signs with them: "Transcriber initials: TBO", "(TBO)")
            for p in plan.overlapping(span):   # a flag on the same letters ("acronym?") gives way
                plan.remove(p.mention)
            m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.8, RECOGNIZER, text)
            m.entity = eid
            if text in self.ambiguous and text not in self.defined:
                m.flags.append(Flag.AMBIGUOUS)
            pseudo = self.planner.ps.map.get(ent.key_of(self.index.real_of.get(eid, "")), "")
            if inverted := SURNAME_FIRST.fullmatch(pseudo):   # "Sullivan, Megan" stands for "MS"
                pseudo = f"{inverted.group(3)} {inverted.group(1)}"
            plan.set(m, _code_for(pseudo, text) if text in self.codes else _initials_for(pseudo, text), fixed=True)
            taken.add(span)

    def _people(self, plan: FilePlan, doc: Doc) -> dict[str, int]:
        """Initials -> the person of this transcript whose name has them: of two, the one
        whose every word they are ("FA": Faisal Ahmed before Folake Titilayo Adeyemi), else
        the first named (flagged: initials left as they are would name someone)."""
        whole: dict[str, list[int]] = {}
        part: dict[str, list[int]] = {}
        elsewhere: dict[str, list[int]] = {}   # of people only other transcripts name
        # (the people of the speaker labels too: "file saved by MAP", Minh-Anh Pham's label)
        for m in [*plan.mentions, *(lab.mention for lab in doc.labels.values())]:
            real = self.index.real_of.get(m.entity, "") if m.entity is not None else ""
            if m.kind != Kind.PERSON or len(ent.tokens(real)) < 2:
                continue
            full = person_initials(real, middle=True)
            for ini in person_initials(real):
                by = whole if ini in full else part
                if len(ini) >= 2 and m.entity not in by.setdefault(ini, []):
                    by[ini].append(m.entity)
        # (three letters or more: the initials of someone another transcript of the study
        # names, as a note-taker's are written in every header: "Transcriber: TBO")
        for eid, real in self.index.real_of.items():
            if self.index.kind_of.get(eid) == Kind.PERSON and len(ent.tokens(real)) >= 2:
                ini = initials_of(real)
                if len(ini) >= 3 and ini not in whole and ini not in part and ini not in lexicon.ACRONYMS \
                        and not words.is_common(ini):   # ("PIP", "SEN", "DNA" of another file's people)
                    elsewhere.setdefault(ini, []).append(eid)
        out = {ini: eids[0] for ini, eids in elsewhere.items() if len(eids) == 1}
        self.elsewhere = set(out) - whole.keys() - part.keys()
        for ini in whole.keys() | part.keys():
            pick = whole.get(ini) or part[ini]
            out[ini] = pick[0]
            if len(pick) > 1:
                self.ambiguous.add(ini)
        return out


SIGN_OFF_BEFORE = re.compile(r"[.!?)][ \t]+$")


def _signs_off(text: str, span: Span) -> bool:
    """Initials alone after an entry's last sentence, at its line's end: who wrote it."""
    return SIGN_OFF_BEFORE.search(text, max(0, span.start - 4), span.start) is not None and \
        re.match(r"[ \t]*(?:\n|$)", text[span.end:span.end + 4]) is not None


def _loosely_of(acr: str, initials: str) -> bool:
    """A body's acronym that takes a letter more from inside a word of its name ("CBU" of
    "Calderbrook University", "SVIMS"): its first and last letters are the name's, one
    letter at most added."""
    return len(initials) >= 2 and acr[0] == initials[0] and acr[-1] == initials[-1] and \
        len(initials) <= len(acr) <= len(initials) + 1


def _apposed_of(acr: str, name: str) -> bool:
    """Whether an acronym said beside a body's name is that body's: its capitals the initials
    of the name's words, some left out but the first and the last ("MFT" of "Manchester
    University NHS Foundation Trust"), or its letters the first ones of each word ("NESCol" of
    "North East Scotland College")."""
    words = [w for w in re.split(r"[\s\-–—]+", name) if w and w.lower() not in ("of", "the", "and", "for", "&")]
    chunks = regex.findall(r"\p{Lu}\p{Ll}*", acr)
    if len(chunks) == len(words) and all(w.lower().startswith(c.lower()) for c, w in zip(chunks, words)):
        return acr != acr.upper() or len(acr) > 1
    initials = "".join(w[0].upper() for w in words if w[0].isalpha())
    it = iter(initials)
    return acr.isupper() and len(acr) >= 3 and acr[0] == initials[:1] and acr[-1] == initials[-1:] and \
        all(c in it for c in acr)


def _letters_like(acr: str, name: str, pseudo: str) -> str:
    """The letters a body's acronym becomes: "IVHT" of "Irwell Vale Hospitals NHS Foundation
    Trust" takes no letter of "NHS" nor of "Foundation", so as many of the pseudonym's
    initials, of the same words where the two names have as many words, else its first ones
    and its last ("EODE" of "Elderbury Oaks DOJ Fund Endowment"); all of them for an acronym
    as long or longer."""
    real, fake, every = _name_words(name), _name_words(pseudo), initials_of(pseudo)
    if not acr.isupper() or len(acr) >= len(every):
        return every
    picked, i = [], 0
    for c in acr if len(real) == len(fake) else "":
        while i < len(real) and real[i][0].upper() != c:
            i += 1
        if i == len(real):
            break
        picked.append(fake[i][0].upper())
        i += 1
    # (else as many letters, the first ones and the last)
    return "".join(picked) if len(picked) == len(acr) else every[:len(acr) - 1] + every[-1]


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—]+", name) if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "for")]


def person_initials(name: str, middle: bool = False) -> set[str]:
    """The initials a person's name is written with: "FM", "AML" of "Alasdair MacLeod"
    (a capital inside a word counts: "Mac", "Mc", "O'", "SNL" of "Seonag NicLeòid"), "SSW" of "Shona Sinclair-Wylie";
    with `middle`, only those of every word."""
    inverted = SURNAME_FIRST.fullmatch(name)   # "ADEYEMI, Kemi" of a record: "KA"
    if inverted:
        name = f"{inverted.group(3)} {inverted.group(1)}"
    plain = {initials_of(name)} if middle else {initials_of(name), initials_of(name, middle=False)}
    inner = "".join(c for w in ent.tokens(name) for c in regex.findall(r"\b\p{Lu}|(?<=\p{Ll})\p{Lu}|(?<=O['’])\p{Lu}", w))
    first = _hyphened(name)   # a first name of two, by its letters: "K-L" of "Kacey-Leigh Burrows"
    toks = ent.tokens(name)
    # the given names' letters, the surname written out, as South India writes a name: "KVS" of
    # "Kondapalli Venkata Subba Rao" ("K.V.S. Rao")
    given = "".join(t[0] for t in toks[:-1] if t[:1].isupper()) if len(toks) >= 4 and not middle else ""
    # (a first name of two by its letters alone, as Québec says it: "JF" of "Jean-François Tremblay")
    two = {first} | ({first.replace("-", "")} - WORD_LETTERS) if "-" in first and not middle else set()
    out = plain | {inner} | two | ({given} if len(given) >= 3 else set())
    # (written without the accent, "ARJ" of "Ánne Risten Juuso"; not letters that are a word, "AM" of "Ángela Murphy")
    return out | {bare for i in out if (bare := names.unaccented(i)) != i and bare not in WORD_LETTERS
                  and not words.is_common(bare)}


def _initials_for(pseudo: str, text: str) -> str | None:
    """What initials become: the initials of the person's pseudonym ("K-L" -> "C-R" of
    "Catherine-Roberta Spencer"), or the label itself when pseudonyms are labels ("[PERSON 1]":
    initials of a label would be none, and the real ones would stay)."""
    if BRACKET_LABEL.fullmatch(pseudo):
        return pseudo
    out = _hyphened(pseudo) if "-" in text else initials_of(pseudo, middle=len(text) > 2)
    return out[:len(text)] or None   # (as many letters: "KVS" of the given names -> "BDB")


def _code_for(pseudo: str, code: str) -> str | None:
    """What a speaker's code of a name's start becomes: the same start of the pseudonym's
    first name ("MAG" of Margaret -> "LIN" of Linda), or its initials where that is short."""
    first = pseudo.split()[0] if pseudo.split() else ""
    out = first[:len(code)].upper()
    return out if len(out) == len(code) and out != code else _initials_for(pseudo, code)


def _hyphened(name: str) -> str:
    """The letters of a name's first word, joined as it joins its parts: "K-L" of
    "Kacey-Leigh Burrows"."""
    first = name.split()[0] if name.split() else ""
    return "-".join(w[:1].upper() for w in first.split("-"))


def _after_possessive(text: str, end: int) -> int:
    return end + 2 if text[end:end + 2] in ("'s", "’s") else end
