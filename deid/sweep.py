"""The sweep: words detection did not take but a reviewer should see. Misspellings of
known names (replaced like the name they resemble) and capitalised words in no dictionary
and in no everyday use (replaced too: a wrong replacement costs a click, a miss a leak)."""
from __future__ import annotations

import itertools
from collections import Counter
from functools import lru_cache
import re

import regex

from deid import entity as ent
from deid import lexicon, names, table, words
from deid.detect import Doc
from deid.linker import Linker
from deid.model import POSSIBLE_MISS, RESIDUE, Flag, Kind, Mention, Span, SpanSet
from deid.plan import FilePlan, Planner
from deid.pseudonym import BRACKET_LABEL
from deid.rules import bare_acronym, known_by_initials
from deid.select import INSTRUMENT_AFTER, STREET_LAST_WORDS, Candidate, whole_name, with_article, with_kind

# (a hyphenated place with its small words: "Côte-des-Neiges", "Stratford-upon-Avon")
CAP_WORD = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]{2,}(?:(?:['’\-]\p{L}+){1,3}|(?:-\p{Ll}{1,4})+-\p{Lu}[\p{Ll}\p{M}]+)?")
CAPS_WORD = regex.compile(r"\p{Lu}{4,}")
PLACE_BEFORE = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(lexicon.PLACE_NAME_BEFORE))   # not "at the Hustings"
PLACE_CONTEXT = re.compile(r"\b(?:%s)\s+$" % "|".join(lexicon.PLACE_PREPOSITIONS), re.I)
ADMIN_AFTER = re.compile(r"[ \t]+(?i:%s)\b" % "|".join(lexicon.ADMIN_UNITS))
WORD = regex.compile(r"(?<![\w'’@.\-/])\p{L}[\p{L}\p{M}'’\-]{2,}(?![\w@]|[.\-/]\w)")   # "Alf" too
# what is left that could still identify: acronyms, brands in CamelCase, long numbers
SHORT_CAPS = regex.compile(r"(?<![\w&/\-])\p{Lu}{2,3}(?![\w&/\-])")
LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
LABEL_END = re.compile(r"[ \t]*(?:\(|\n|$)")   # a speaker's line of a Teams transcript: "HOLLIS, Gareth (TRUST)"
# ... and one joined by "&", as written (not as detection reads capitals): "AH&MRC" ("A&E" is listed)
AMP_CAPS = regex.compile(r"(?<![\w&/\-])\p{Lu}{1,3}&\p{Lu}{1,4}(?![\w&/\-])")
# a name spelled out letter by letter for the transcriber: "O-U-T-A-R-D-E-S", "S-M-I-T-H"
SPELLED = regex.compile(r"(?<![\w\-])(?:\p{Lu}-){2,}\p{Lu}(?![\w\-])")
# the initials of a compound first name: "J-F" (Jean-François), "P-A" (not "A-Z", a map)
JOINED_INITIALS = regex.compile(r"(?<![\w&/\-.])(?!A-Z)\p{Lu}-\p{Lu}(?![\w&/\-'’]|\.\w)")
# a verb before someone: "I told J-F", "met with P-A"
TOLD_BEFORE = regex.compile(r"\b(?:told|tell|asked|ask|called|emailed|texted|phoned|rang|met|saw|thanked|"
                            r"with|for|by)[ \t]+$")
COMPOUND_FIRST = regex.compile(r"\b(\p{Lu})\p{Ll}+-(\p{Lu})\p{Ll}+\b")   # "Jean-François"
# an initial glued onto a surname: "CNwachukwu" (a file's name; not "McDonald", "DeShawn")
INITIAL_JOINED = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu})(\p{Lu}[\p{Ll}\p{M}]{2,})(?![\p{L}\p{M}])")
CAMEL = regex.compile(r"(?<![\w'’@.\-/])\p{Lu}[\p{Ll}\p{M}]+\p{Lu}[\p{L}]+(?![\w@])")
# a first name with its surname's initial written onto it, as a file's name does: "MaricelO", "KarthikR"
NAME_INITIAL = regex.compile(r"(?<![\w'’@.\-/])(\p{Lu}\p{Ll}{2,})\p{Lu}{1,2}(?![\w@])")
# a number of five digits or more, and the code it opens ("84312.A2"); a stop after it may
# end the sentence ("amendment for ERGO 84312.")
LONG_NUMBER = regex.compile(r"(?<![\w.,/\-£$€])\d{5,}(?:[.\-/](?=[A-Z0-9]*[A-Z])[A-Z0-9]+)*(?![\w,/\-%]|\.\w)")
YEAR = regex.compile(r"(?:1[89]|20)\d\d")
TOWN_WORD = 4.3   # how frequent a town's name may be and still be taken for a town
PERSON_VERB_AFTER = regex.compile(r"[ \t]+(?:%s)\b" % "|".join(lexicon.PERSON_VERBS))
# the same with an auxiliary before it: "has asked", "had told"
SOMEONE_DOES = regex.compile(r"[ \t]+(?:(?:has|had|was|is|would|will)[ \t]+)?(?:%s)\b" % "|".join(lexicon.PERSON_VERBS))
# a capital and its stop before a lower-case word or a bracket: no sentence ends there
LETTER_INITIAL = regex.compile(r"(?<![\w.&/'’])\p{Lu}\.(?=[ \t]+(?:\(|\p{Ll}))")
# a letter that names a thing: "Plan B.", "a grade C.", "vitamin D."
# a name of two or three letters, capitalised: "Gaz", "Kez" (not "St." nor "Mo-" of a word)
SHORT_NAME = regex.compile(r"(?<![\w'’@.\-/&])\p{Lu}\p{Ll}{1,2}(?![\w'’@\-&]|\.\w)")
GREETED = regex.compile(r"\b(?:%s)[ \t]*,?[ \t]+$" % "|".join(g.title() for g in lexicon.GREETINGS if " " not in g))
# a letter standing alone (not "A", "I", nor part of "B&Q", "T-shirt", "U.S.")
LETTER = regex.compile(r"(?<![\w&/\-.'’])[B-HJ-WYZ](?![\w&/\-'’]|\.\w)")   # (not "X", a platform, a ray)
# a letter a writer says they call someone by: "a father, who I will call Z. here", "I'll just say M."
CALLED_LETTER = regex.compile(r"(?i:\b(?:call|calling|refer to|referred to|just say)[ \t]+"
                              r"(?:(?:him|her|them)[ \t]+)?(?:as[ \t]+)?)([B-HJ-Z])\b")
JOINED = regex.compile(r"(?<![\w&/\-])(\p{Lu}{1,3})[ \t]+(?:&|and)[ \t]+(\p{Lu}{1,3})(?![\w&/\-])")
LETTER_OF = regex.compile(r"(?i)\b(?:plan|grade|type|section|class|part|option|vitamin|category|level|group|stage|"
                          r"phase|step|block|wing|ward|bay|room|bed|unit|appendix|annex|schedule|exhibit|team|hep|"
                          r"hepatitis|gen|generation|site|cohort|area|zone|wave|arm|series|model|size|key|form|"
                          r"year|tier|band|route|line|platform|gate|terminal|channel|child|patient|participant|"
                          r"respondent|parent|family|case|client|person|an?|the)[ \t]+$")


class Sweep:
    def __init__(self, linker: Linker, planner: Planner, allow: set[str]):
        self.linker, self.planner, self.allow = linker, planner, allow
        ix = linker.index
        self._bodies: dict[str, set[int]] = {}
        self._bodies_read = 0
        self.person_words = sorted(t for t in planner.ps.map if " " not in t and len(t) >= 4
                                   and ix.kind_of.get(ix.entity_of.get(t)) == Kind.PERSON)

    def run(self, doc: Doc, plan: FilePlan, keep: list[Span]) -> None:
        """`keep`: what stays as written (the allow-list's phrases among it)."""
        taken = SpanSet([m.span for m in plan.mentions] + list(keep))
        for mt in WORD.finditer(doc.analysed):
            span, w = Span(*mt.span()), mt.group()
            if taken.overlaps(span) or _in_a_title(doc.analysed, span, w) or _cut_short(doc, span, w) or \
                    ent.in_time_zone(doc.text, span.start, span.end) or ent.a_car(doc.analysed, span.start, span.end):
                continue
            if w.lower() in lexicon.DOMAIN_LOWER or ent.in_dialect(doc.analysed, span.start, span.end):
                continue   # a word of the vocabulary: "Sorani", "Caseload" (a known surname is found apart);
                # of a dialect, said as one: "Inna London!"
            head, _, tail = w.partition("-")
            if tail and (head.lower() in self.allow or head.lower() in lexicon.DOMAIN_LOWER) and words.is_common(tail):
                continue   # a word of the allow-list and an ordinary one: "Yoruba-speaking", "Covid-related"
            if w.endswith("s") and words.is_plural(w) and not names.is_name(w) and not names.is_name(w[:-1]) \
                    and ent.starts_sentence(
                    doc.analysed, span.start) and not PERSON_VERB_AFTER.match(doc.analysed, span.end):
                continue   # a plural opening a note's sentence: "Referrals from PMCH take weeks" (not "Oakes said")
            if not self._candidate(w):
                if self._rare_inside(doc, span, w):
                    self._rare(doc, plan, span, w, taken)
                elif self._opens_as_someone(doc, span, w):   # "Sparrow has asked whether ..."
                    plan.set(Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.0,
                                     POSSIBLE_MISS, w, flags=[Flag.POSSIBLE_MISS]), None)
                    taken.add(span)
                continue
            if self._foreign_opening(doc, span, w):
                continue
            m = self._misspelling(doc, span, w) or self._possible_miss(doc, span, w, taken)
            if m is not None:
                plan.set(m[0], m[1])
                taken.add(m[0].span)
        self._named_with_the(doc, plan, taken)
        self._ordinary_named(doc, plan, taken)
        self._short_forms(doc, plan, taken)
        self._employers(doc, plan, taken)
        self._initials(doc, plan, taken)
        self._spelled(doc, plan, taken)
        self._short_names(doc, plan, taken)
        self._joined_names(doc, plan, taken)
        for p in [p for p in plan.items if Flag.ACRONYM in p.mention.flags and not p.replaced]:
            if self._surname_first(doc, plan, p.mention.span, p.mention.text):   # NER's "OOI" of "OOI Mei Lin"
                plan.remove(p.mention)
        self._residue(doc, plan, taken)
        _as_elsewhere(plan)

    def _employers(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """Who someone works for is named, however ordinary its words: "got a job at
        Walkers", "she works for Boots" (not a kind of body alone: "works for Council")."""
        for mt in EMPLOYER.finditer(doc.analysed):
            span, w = Span(*mt.span(1)), doc.text[mt.start(1):mt.end(1)]
            # (NER's reading kept as ordinary words, "Walkers", gives way)
            if w.lower() not in self.allow and not _no_name_in(w) and _free(plan, span, taken):
                self._body_missed(doc, plan, span, w, taken)

    def _body_missed(self, doc: Doc, plan: FilePlan, span: Span, w: str, taken: SpanSet) -> None:
        """A body NER missed, flagged for the reviewer; replaced unless it is one ordinary word
        ("works at Reception", "The End", "The Works" may be no body's name)."""
        m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.INSTITUTION, 0.0,
                    POSSIBLE_MISS, w, flags=[Flag.POSSIBLE_MISS])
        if " " in w or not words.is_common(w):
            self.linker.link(m)
            plan.set(m, self.planner.pseudonym(m, doc.text, doc.analysed))
        else:
            plan.set(m, None)
        taken.add(span)

    def _short_forms(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """A body called by one word of its name after "the": "at the Royal" of "Leicester
        Royal Infirmary" (a word that is no kind of body, no town, and one body's only)."""
        bodies, ix = self._body_words(), self.linker.index
        found = list(SHORT_FORM.finditer(doc.analysed))
        # the entities NER made of these words alone, after "the" (they give way below)
        readings = {p.mention.entity for mt in found for p in plan.overlapping(Span(*mt.span()))
                    if p.mention.span == Span(*mt.span())}
        for mt in found:
            span, w = Span(*mt.span()), mt.group()
            eids = bodies.get(w)
            if not eids or len(eids) > 1 or w.lower() in self.allow:
                continue
            # (NER's reading of the word alone, "at the Royal until 2017" as a place, gives way)
            held = plan.overlapping(span)
            if any(p.mention.span != span or ix.real_of.get(p.mention.entity) != w for p in held) or \
                    not held and taken.overlaps(span):
                continue
            eid = next(iter(eids))
            own = ix.entity_of.get(ent.key_of(w))
            if own is not None and own != eid and own not in readings:
                continue   # the word is a name of its own elsewhere: "Gulfton", a neighbourhood too
            pseudo = self.planner.ps.map.get(ent.key_of(ix.real_of[eid]))
            if pseudo:
                for p in held:
                    plan.remove(p.mention)
                m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.INSTITUTION, 0.8,
                            "ShortForm", w)
                m.entity = eid
                plan.set(m, pseudo)
                taken.add(span)

    def _body_words(self) -> dict[str, set[int]]:
        """Name words of the known bodies -> the bodies, kept up as the key grows (entities
        are only added: each is read once, not once a transcript)."""
        ix, out = self.linker.index, self._bodies
        for eid, kind in itertools.islice(ix.kind_of.items(), self._bodies_read, None):
            self._bodies_read += 1
            if kind != Kind.INSTITUTION:
                continue
            # (not its last word, which says what it is: "the Regulator" of "Scottish Housing Regulator")
            for t in ent.tokens(ix.real_of.get(eid, ""))[:-1]:
                if CAP_WORD.fullmatch(t) and t not in lexicon.body_words() and not ent.is_generic(t) \
                        and t.lower() not in lexicon.public_words() \
                        and not names.is_town(t) and not ent.is_stop_word(t):
                    out.setdefault(t, set()).add(eid)
        return out

    def _named_with_the(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """A "The" with its capital inside a sentence opens a name, however ordinary its
        words: a band, a pub, a home ("we ask The Loose Ends to play", "at The Willows")."""
        for mt in THE_NAME.finditer(doc.text):
            span, w = Span(*mt.span(1)), mt.group(1)
            if not taken.overlaps(span) and w.lower() not in self.allow and not _no_name_in(w):
                self._body_missed(doc, plan, span, w, taken)

    def _ordinary_named(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """Ordinary words capitalised together inside a sentence may be a body's name no
        kind word says ("in Night Owls", "And Open Hands, the food pantry", "at the Miners'
        Welfare"): flagged for the reviewer, not replaced (most such runs are a course, an
        office, a post or a service every town has, even with a noun after them that says
        "body": "Head of Legal Services", "the Stay and Play group", "the Sure Start centre")."""
        if doc.uncased:
            return
        for mt in ORDINARY_NAME.finditer(doc.analysed):
            span, w = Span(*mt.span(1)), mt.group(1)
            if taken.overlaps(span) or not self._ordinary_name(w) or ent.in_field_label(doc.text, span.start, span.end) or \
                    PART_OF_TITLE.search(doc.analysed, max(0, span.start - 40), span.start):
                continue
            if known_by_initials(w, doc.text):   # "Linden Migration Lab (LML)": a body, replaced
                self._body_missed(doc, plan, span, w, taken)
                continue
            m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.INSTITUTION, 0.0,
                        "OrdinaryWords", w, flags=[Flag.ORDINARY_WORDS])
            plan.set(m, None)
            taken.add(span)

    def _ordinary_name(self, w: str) -> bool:
        """Capitalised words that could name a body: every one ordinary (a word no dictionary
        has is the sweep's already), none a month, a day, a season, a language or a people, a
        title or a public term, and the last no post, job or law ("Team Leader", "Care Act")."""
        caps = [ent.POSSESSIVE.sub("", t) for t in regex.findall(r"[\p{L}'’\-]+", w) if t[0].isupper()]
        if caps[-1] in lexicon.NOT_BODY_ENDS or caps[0] in lexicon.NOT_BODY_STARTS or w.lower() in self.allow:
            return False
        public = lexicon.public_vocabulary()
        return all(words.is_common(t) and t.rstrip("s") not in lexicon.MONTHS_DAYS_TITLED
                   and t not in lexicon.SEASONS_AND_TIMES and t not in lexicon.LANGUAGE_NAMES
                   and t not in names.regions() and t.lower() not in public and t.lower() not in self.allow
                   and t.lower() not in lexicon.TITLE_WORDS for t in caps)

    @staticmethod
    def _foreign_opening(doc: Doc, span: Span, w: str) -> bool:
        """A word of another language opening a sentence, no one's name, said alone or before
        another such word: "Merci, everyone", "Bienvenue à tous", "Chez nous" (not a name
        before a verb, "Graça brought food"; inside a sentence a capital says name: "Areszt
        Śledczy w Łodzi")."""
        if ent.in_foreign_phrase(doc.analysed, span.start, span.end):
            # inside a passage of that language: "Elle répond même le dimanche"; but a town after a
            # word that says where is the town in any language: "je reste à Longueuil" (not a
            # German noun that is a town too, "das Essen")
            return not (names.is_town(w) and PLACE_WORD_BEFORE.search(doc.analysed, max(0, span.start - 8), span.start))
        if not ent.starts_sentence(doc.analysed, span.start) or not words.is_foreign(w) or names.is_name(w):
            return False
        nxt = NEXT_WORD_ANY.match(doc.analysed, span.end)   # (or before a first name: "Merci Rose")
        return nxt is None or nxt.group(1) is None or words.is_foreign(nxt.group(1)) or \
            nxt.group(1) in names.first_names()

    def _joined_names(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """A person's first name and surname written as one word, as a folder's or a file's
        name does ("Sain/2024/IfanMorgan/tape1.wav"): the person, replaced as one word; a
        name the key has, or a listed first name and a listed surname."""
        for mt in ent.JOINED_NAME.finditer(doc.text):
            span, name = Span(*mt.span()), f"{mt.group(1)} {mt.group(2)}"
            ix = self.linker.index   # the person the key has, by the name or by its first and last words
            both = ix.people_with.get(mt.group(1).lower(), set()) & ix.people_with.get(mt.group(2).lower(), set())
            known = ix.entity_of.get(ent.key_of(name)) or (min(both) if len(both) == 1 else None)
            if taken.overlaps(span) or not ent.joined_name(mt.group()) or (
                    self.linker.index.kind_of.get(known) != Kind.PERSON if known is not None
                    else mt.group(2) not in names.last_names() or mt.group(2) in names.first_names()):
                continue   # (a name the key has not: a surname that is no first name, not "MaryAnne")
            m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.6, "JoinedName",
                        ix.real_of[known] if known is not None else name)
            self.linker.link(m)
            plan.set(m, self.planner.pseudonym(m, doc.text, doc.analysed))
            taken.add(span)
        self._initial_joined(doc, plan, taken)

    def _initial_joined(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """A person's initial written onto the surname, as a file's name does
        ("Results_v3_CNwachukwu_tracked" of C. Nwachukwu): the person the key has by that
        surname and initial, replaced as one word."""
        ix = self.linker.index
        for mt in INITIAL_JOINED.finditer(doc.text):
            span = Span(*mt.span())
            people = [e for e in ix.people_with.get(mt.group(2).lower(), set())
                      if ix.kind_of.get(e) == Kind.PERSON and ix.real_of[e][:1] == mt.group(1)]
            if taken.overlaps(span) or len(people) != 1:
                continue
            m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.6, "JoinedName",
                        ix.real_of[people[0]])
            m.entity = people[0]
            pseudo = self.planner.pseudonym(m, doc.text, doc.analysed)
            glued = pseudo and not BRACKET_LABEL.fullmatch(pseudo) and len(pseudo.split()) > 1
            plan.set(m, "".join(w[:1] for w in pseudo.split()[:-1]) + pseudo.split()[-1] if glued else pseudo)   # "IGould"
            taken.add(span)

    def _initials(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """People written as initials nobody defined (field notes do this): letters in
        capitals a verb only a person does follows somewhere in the text ("BH took S into the
        kitchen"), replaced wherever they stand; an initial with its stop before a lower-case
        word ("K. came w/ his cousin", "K. furious"); a compound first name's ("J-F").
        Replaced with other letters, flagged."""
        labelled = _labelled_initials(doc)
        # (letters that are a word or an acronym too, "BE", "US", "PT", only where they stand
        # as a person's: in a file's name, beside an arrow)
        people = _initials_of_people(doc.analysed, SHORT_CAPS) | _initials_of_people(doc.analysed, LETTER) | {
            w for w in labelled if w not in lexicon.ACRONYMS and not words.is_common(w)}
        gave_way: list[Span] = []
        # (in a lower-case transcript every sentence opens in lower case: "so did i. and then")
        for rx in (SHORT_CAPS,) if doc.uncased else (SHORT_CAPS, LETTER, LETTER_INITIAL, JOINED_INITIALS):
            for mt in rx.finditer(doc.analysed):
                span, w = Span(*mt.span()), mt.group()
                if w in labelled and w not in people and LABEL_LETTERS_AS_PERSON.search(
                        doc.text, max(0, span.start - 3), span.end + 3) is None:
                    continue
                if w.lower() in self.allow or rx not in (LETTER_INITIAL, JOINED_INITIALS) and w not in people \
                        and w not in labelled \
                        or rx is JOINED_INITIALS and not _joined_person(doc.analysed, plan, span) or w in ("I.", "A.") \
                        or rx is not SHORT_CAPS and LETTER_OF.search(doc.analysed, max(0, span.start - 12), span.start):
                    continue
                if not (_free(plan, span, taken) or rx is LETTER and _ordinary_around(plan, span, gave_way)):
                    continue   # (flagged as an acronym and kept: initials after all)
                m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.0,
                            "PersonInitials", w, flags=[Flag.POSSIBLE_MISS])
                self.linker.link(m)
                plan.set(m, labelled.get(w) or self.planner.ps.initials(w))
                self.planner.commit(m.entity)
                taken.add(span)

    def _spelled(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """A word spelled out letter by letter ("Outardes. O-U-T-A-R-D-E-S") is a name where
        this text replaced the name it spells (then spelled as its pseudonym), or where no
        dictionary has it (other letters); not an acronym or a word ("N-H-S", "L-O-V-E"). Flagged."""
        for mt in SPELLED.finditer(doc.analysed):
            span, w = Span(*mt.span()), mt.group()
            word = w.replace("-", "")
            said = _pseudonym_word(plan, word)
            if word in lexicon.ACRONYMS or word.lower() in self.allow or not _free(plan, span, taken) or \
                    not said and (words.is_common(word) or len(word) < 4):   # ("R-A-F")
                continue
            m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.0,
                        "SpelledOut", w, flags=[Flag.POSSIBLE_MISS])
            plan.set(m, "-".join(said.upper()) if said else self.planner.ps.initials(w))
            taken.add(span)

    def _short_names(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """Names of two or three letters people are called by ("Gaz", "Kez", "Jo"): one
        greeted ("Hi Kez"), or, for a word no dictionary has, a verb only a person does after
        it ("Gaz came") or the start of the first name of someone named here ("Jas - Dr
        Jaswinder Gill"), makes the word a name wherever it stands capitalised. Replaced, flagged."""
        if doc.uncased:
            return
        starts = {ent.tokens(p.mention.text)[0] for p in plan.replaced() if p.mention.kind == Kind.PERSON
                  and len(ent.tokens(p.mention.text)) > 1 and ent.tokens(p.mention.text)[0] in names.first_names()}
        found = [mt for mt in SHORT_NAME.finditer(doc.analysed) if self._short(mt.group())]
        # (by a verb, or as the start of a first name, only a word no dictionary has: not "Flu
        # came back", "Lab rang", "Ash Wednesday", "Mat leave")
        people = {mt.group() for mt in found if GREETED.search(doc.analysed, max(0, mt.start() - 12), mt.start())
                  or not words.is_common(mt.group()) and (PERSON_VERB_AFTER.match(doc.analysed, mt.end())
                                                          or any(t.startswith(mt.group()) for t in starts))
                  or PERSON_VERB_AFTER.match(doc.analysed, mt.end()) and len(mt.group()) > 2
                  and any(t.startswith(mt.group()) and t != mt.group() for t in starts)}
        # (a dictionary word too where both say so: "Raj felt" after "Rajesh Parmar")
        for mt in found:
            span, w = Span(*mt.span()), mt.group()
            if w in people and _free(plan, span, taken):
                m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.0,
                            "ShortName", w, flags=[Flag.POSSIBLE_MISS])
                self.linker.link(m)
                plan.set(m, self.planner.pseudonym(m, doc.text))
                taken.add(span)

    def _short(self, w: str) -> bool:
        """A word of two or three letters that could be someone's short name: with a vowel
        ("Gr." is a grade), no everyday word ("Al", "An", "Ok"), title, relation,
        abbreviation or word of the allow-list."""
        return re.search(r"[aeiouyAEIOUY]", w) is not None and not words.is_everyday(w) \
            and w.lower() not in self.allow and w.upper() not in lexicon.ACRONYMS \
            and w.lower() not in lexicon.TITLE_WORDS and w.lower() not in lexicon.NOT_SHORT_NAMES \
            and w not in lexicon.DATE_ABBREVIATIONS and w not in lexicon.TITLES_WRITTEN

    def _residue(self, doc: Doc, plan: FilePlan, taken: SpanSet) -> None:
        """Flagged for a reviewer: short acronyms nobody listed, brands written in
        CamelCase (replaced too), numbers long enough to be an identifier."""
        header = SpanSet(Span(*cell) for cell in table.header_cells(doc.text))   # (column names: "EndDate")
        for rx, kind, flag in ((SHORT_CAPS, Kind.INSTITUTION, Flag.ACRONYM), (AMP_CAPS, Kind.INSTITUTION, Flag.ACRONYM),
                               (CAMEL, Kind.INSTITUTION, None), (NAME_INITIAL, Kind.PERSON, None),
                               (LONG_NUMBER, Kind.CONTACT, Flag.NUMBER)):
            for mt in rx.finditer(doc.text if rx is AMP_CAPS else doc.analysed):
                span, w = Span(*mt.span()), doc.text[mt.start():mt.end()]
                if rx is NAME_INITIAL and mt.group(1) not in names.first_names():
                    continue
                if taken.overlaps(span) or w in lexicon.ACRONYMS or w.lower() in self.allow or \
                        (flag is None and (words.is_common(w) or ent.a_field(doc.text, span.start, span.end, header))) or (flag is Flag.NUMBER and (
                        YEAR.fullmatch(w) or ent.after_measure_field(doc.text, span.start))):
                    continue
                if flag is Flag.ACRONYM and self._surname_first(doc, plan, span, w):
                    taken.add(span)
                    continue
                # the initials of a body named before ("..., the FAL") need no reviewer
                known = flag is Flag.ACRONYM and len(w) > 2 and self.linker.index.institution_of_acronym(w) is not None
                why = None if known else flag   # (not `flag`: the next match of the pattern needs it)
                m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, kind, 0.0, RESIDUE, w,
                            flags=[] if known else [why or Flag.POSSIBLE_MISS])
                if why is None:
                    self.linker.link(m)
                plan.set(m, None if why else self.planner.pseudonym(m, doc.text))
                taken.add(span)

    def _surname_first(self, doc: Doc, plan: FilePlan, span: Span, w: str) -> bool:
        """A surname in capitals before given names detection replaced, as Singapore and
        Malaysia write names ("LIM Siew Hoon", "OOI Mei Lin"), or a list of people with a comma
        ("HOLLIS, Gareth" of a Teams transcript): the same person, replaced whole."""
        gap = 2 if doc.text.startswith(", ", span.end) else 1 if doc.text[span.end:span.end + 1] == " " else 0
        if not gap or not self._surname_like(w):
            return False
        at = span.end + gap
        given = [p for p in plan.overlapping(Span(at, at + 1))
                 if p.mention.start == at and p.mention.kind == Kind.PERSON and p.replaced]
        if not given or len(ent.tokens(given[0].mention.text)) < (2 if gap == 1 else 1) or given[0].mention.entity is None:
            return False
        if gap == 2 and w.title() not in names.last_names() and not (
                LINE_START.search(doc.text, max(0, span.start - 4), span.start)
                and LABEL_END.match(doc.text, given[0].mention.end)):
            return False   # (with a comma, a listed surname, or a speaker's line: not "ACORN, Sarah rang me")
        old = given[0].mention
        m = Mention(doc.fno, old.turn, span.start, old.end, Kind.PERSON, old.score, old.recognizer,
                    doc.text[span.start:old.end], flags=list(old.flags))
        self.linker.index.add_form(m.text, old.entity)   # (one person: "Mei Lin" alone later is her)
        plan.remove(old)
        self.linker.link(m)
        plan.set(m, self.planner.pseudonym(m, doc.text))
        return True

    def _surname_like(self, w: str) -> bool:
        """A word in capitals that may be a surname: with a vowel ("OOI", "LIM"; not "CNS"),
        no acronym anyone uses, title, credential, time or date ("ICU", "DR", "RN", "PM",
        "MAR"); of two letters, a listed surname no dictionary has ("WU"; not "SU", "AS", "SW")."""
        if not re.search(r"[AEIOUY]", w) or w in lexicon.ACRONYMS or w.lower() in self.allow:
            return False
        if w.lower() in lexicon.TITLE_WORDS or w.lower() in lexicon.NOT_SHORT_NAMES or w in lexicon.CREDENTIALS \
                or w.title() in lexicon.DATE_ABBREVIATIONS or w.lower() in lexicon.MONTHS_DAYS:
            return False
        return len(w) > 2 or w.title() in names.last_names() and not words.is_common(w)

    def _candidate(self, w: str) -> bool:
        if w in lexicon.DATE_ABBREVIATIONS or w in lexicon.ACRONYMS or len(w) > 3 and w.lower() in lexicon.ROLE_LABELS:
            return False   # "Thurs 20th", "Sept"; an acronym anyone uses, "SACCO"; a role, "Entrevistadora"
        a_name = w in names.first_names() or w in names.last_names()
        if not a_name and w.endswith("s") and words.is_compound(w) and not names.is_town(w):
            return False   # a plural of two words written as one: "Plotholders" (of a mailing list)
        # (a town NER did not read, "…, Leicester" of a heading; not one that is mostly a word: "Olympic")
        town = names.is_town(w) and words.frequency(w) < TOWN_WORD
        if len(w) == 3:   # a short name no dictionary has ("Alf", "Ned"); not "Bot", "Eid", "Thu", nor
            # a sound said ("Erm", "Mhm", "Och", surnames somewhere) or a word of another language
            # ("Ngā"): a first name someone is called by
            return w.lower() not in self.allow and not words.is_common(w) and w in names.first_names() \
                and w not in lexicon.SEASONS_AND_TIMES and w not in lexicon.DATE_ABBREVIATIONS
        return w.lower() not in self.allow and (not words.is_common(w) or a_name and not words.is_everyday(w) or town)

    def _rare_inside(self, doc: Doc, span: Span, w: str) -> bool:
        """A word the dictionary lists but hardly anyone uses, capitalised inside a sentence,
        is a name: "works at Fosse Park", "a fall on Bluebell" (a ward), "the Harps" (a club)."""
        bare = ent.POSSESSIVE.sub("", w)   # (wordfreq knows "chair", not "chair's")
        return len(bare) > 3 and bare[0].isupper() and bare[1:].islower() and words.is_rare(bare) \
            and not (bare.endswith("s") and words.is_compound(bare)) and bare.lower() not in self.allow \
            and not ent.starts_sentence(doc.analysed, span.start)

    def _opens_as_someone(self, doc: Doc, span: Span, w: str) -> bool:
        """A word said seldom opening a sentence, before a verb only a person does, may be a
        surname: "Sparrow has asked whether", "Fox told me" (not "Reception rang", "Nan said":
        a department, a relation, a job or a public term). Flagged only."""
        return not doc.uncased and w[:1].isupper() and w[1:].islower() \
            and ent.starts_sentence(doc.analysed, span.start) and not words.is_everyday(w) and words.frequency(w) < TOWN_WORD and w.lower() not in self.allow \
            and w not in lexicon.body_words() and w not in lexicon.OCCUPATIONS and w not in lexicon.DEPARTMENTS \
            and w.lower() not in lexicon.RELATIONS and w.lower() not in lexicon.public_words() \
            and w.lower() not in lexicon.TITLE_WORDS and w.lower() not in lexicon.NOT_SHORT_NAMES \
            and SOMEONE_DOES.match(doc.analysed, span.end) is not None

    def _rare(self, doc: Doc, plan: FilePlan, span: Span, w: str, taken: SpanSet) -> None:
        """A rare word capitalised is replaced where it stands for a place ("at Fosse Park",
        "on Bluebell", "Seme sub-county"), flagged only elsewhere: it may be a service or an event ("after Matins",
        "the Hustings")."""
        if PLACE_BEFORE.search(doc.analysed, max(0, span.start - 12), span.start) or \
                _before_admin_unit(doc, span):   # "Seme sub-county"
            m = self._possible_miss(doc, span, w, taken)
            if m is not None:
                plan.set(m[0], m[1])
                taken.add(m[0].span)
            return
        plan.set(Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, 0.0, POSSIBLE_MISS,
                         w, flags=[Flag.POSSIBLE_MISS]), None)
        taken.add(span)

    def _misspelling(self, doc: Doc, span: Span, w: str):
        from rapidfuzz import fuzz, process
        if not self.person_words:
            return None
        hit = process.extractOne(w.lower(), self.person_words, scorer=fuzz.ratio, score_cutoff=85)
        if not hit or hit[0] == w.lower():
            return None
        ix = self.linker.index
        m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, Kind.PERSON, hit[1] / 100,
                    "FuzzyKnownName", w, flags=[Flag.MISSPELLING])
        m.entity = ix.entity_of.get(hit[0]) or ix.add_entity(w, Kind.PERSON)
        p = self.planner.ps.map[hit[0]]
        self.planner.ps.remember(w, p)
        self.planner.commit(m.entity)
        return m, p

    def _possible_miss(self, doc: Doc, span: Span, w: str, taken: SpanSet):
        if ent.is_stop_word(w) or w.lower() in lexicon.TITLE_WORDS or \
                ent.a_medicine(doc.analysed, span.start, span.end) or \
                INSTRUMENT_AFTER.match(doc.analysed, span.end) and not words.is_common(w) or \
                not (CAP_WORD.fullmatch(w) or CAPS_WORD.fullmatch(w)):
            return None
        kind = Kind.PLACE if PLACE_CONTEXT.search(doc.analysed[max(0, span.start - 12):span.start]) or \
            _before_admin_unit(doc, span) or \
            names.is_town(w) and w not in names.first_names() and w not in names.last_names() else Kind.PERSON
        tail = NEXT_WORD.match(doc.analysed, span.end)
        if tail and tail.group(1) in STREET_LAST_WORDS and w not in names.first_names():
            kind, span = Kind.PLACE, Span(span.start, tail.end())   # "Rushey Mead", "Cawby Drove"
        elif kind == Kind.PERSON:   # a person's name is taken whole: "Hope" of "Hope Adeyemi" goes too
            c = whole_name(doc.analysed, Candidate(span.start, span.end, kind, 0.0, POSSIBLE_MISS, "PERSON"),
                           taken)
            if c.span == span and w not in names.first_names():   # a body by its kind: "Puhinui Rams", "Saione Youth"
                c = with_kind(doc.analysed, c, taken)
            span, kind = Span(c.start, c.end), c.kind
        whole = Span(*with_article(doc.analysed, span.start, span.end))   # "Cnoc an Daimh"
        span = whole if not taken.overlaps(whole) else span
        m = Mention(doc.fno, doc.turn_of(span.start), span.start, span.end, kind, 0.0, POSSIBLE_MISS,
                    doc.text[span.start:span.end], flags=[Flag.POSSIBLE_MISS])
        if bare_acronym(m, doc.text, self.linker.index) or _word_opening(doc, span, w) or _written_lower(doc, w):
            return m, None
        self.linker.link(m)
        return m, self.planner.pseudonym(m, doc.text, doc.analysed)


# a word that says where, in the languages a study quotes: "à Longueuil", "en Bogotá", "nach Köln"
PLACE_WORD_BEFORE = regex.compile(r"(?<![\w'’])(?:%s)[ \t]+$" % "|".join(lexicon.FOREIGN_PLACE_WORDS))
DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|our|their|this|that|every)[ \t]+$")


def _before_admin_unit(doc: Doc, span: Span) -> bool:
    """A word a unit of government follows ("Seme sub-county", "Mukono District"), with no
    determiner before it ("the Crofting township" is a kind of township)."""
    return ADMIN_AFTER.match(doc.analysed, span.end) is not None and \
        not DETERMINER_BEFORE.search(doc.analysed, max(0, span.start - 8), span.start)


def _word_opening(doc: Doc, span: Span, w: str) -> bool:
    """A dictionary word opening a table's cell (tab-separated or CSV) and a phrase in lower
    case, whose capital says nothing: flagged, not replaced ("Peer support", "Place\\Third
    spaces" of a code book; "Peer" and "Place" are names too). Not a name alone in its cell
    ("P03<tab>Holly<tab>Fox"), nor a town; nor at a sentence's start, where such a word is
    more often a name: "Walker said", "Leicester was"."""
    cut = doc.analysed.rfind("\n", 0, span.start)
    return " " not in doc.text[span.start:span.end] and words.is_common(w) and not names.is_town(w) \
        and cut >= 0 and doc.text[cut] != "\n" and not doc.analysed[cut + 1:span.start].strip() \
        and LOWER_WORD_AFTER.match(doc.analysed, span.end) is not None


def _written_lower(doc: Doc, w: str) -> bool:
    """A word the same text says in lower case after an article is a word of its trade,
    flagged, not replaced ("Grievant:" of a list of who was present, "the grievant" after it;
    "the breakroom"); not one said so only without ("ask tamatea" of a chat), nor a listed
    name or town."""
    if doc.uncased or not w[:1].isupper() or not w[1:].islower() or names.is_name(w) or names.is_town(w):
        return False   # (in capitals, an acronym)
    return ent.POSSESSIVE.sub("", w).lower() in _said_with_article(doc.text)


@lru_cache(maxsize=4)
def _said_with_article(text: str) -> frozenset[str]:
    """The lower-case words a text says after an article or a possessive: "the grievant's"."""
    return frozenset(ent.POSSESSIVE.sub("", m.group(1)) for m in ARTICLE_WORD.finditer(text))


ARTICLE_WORD = regex.compile(r"\b(?i:the|a|an|our|their|this|that|every|his|her|my|your|mon|ma|la|le|les|des|du|"
                             r"un|une)[ \t]+"
                             r"(\p{Ll}[\p{Ll}\p{M}'’\-]+)")


LOWER_WORD_AFTER = regex.compile(r"[ \t]+\p{Ll}")
# what follows a word: a comma or a stop (no group), or the next word
NEXT_WORD_ANY = regex.compile(r"[ \t]*[,;!.?]|[ \t]+([\p{L}\p{M}'’]+)")


# the name of an employer after the words that say one works there
EMPLOYER = regex.compile(r"\b(?i:%s)[ \t]+(?i:at|for|by)[ \t]+" % "|".join(lexicon.WORK_WORDS) +
                         r"(\p{Lu}[\p{Ll}\p{M}'’]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’]+){0,2})(?![\w'’])")
# one capitalised word after "the", no other after it: "at the Royal" (not "the Royal Mail")
# where a place is said ("worked at the Royal"; not "the week the Queen died", "watches the Open")
SHORT_FORM = regex.compile(r"(?<=\b(?i:%s)[ \t]+the[ \t]+)\p{Lu}[\p{Ll}\p{M}]{3,}" % "|".join(lexicon.SHORT_NAME_BEFORE) +
                           r"(?![\w'’\-]|[ \t]+\p{Lu})")
# "The" with a capital after a lower-case word or a comma, and the capitalised words after it
# (not four or more: the title of a work, "The Big Three Killed My Baby")
THE_NAME = regex.compile(r"(?<=[\p{Ll},;][ \t]+)The[ \t]+(\p{Lu}[\p{Ll}\p{M}'’]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’]+){0,2})"
                         r"(?![\w'’]|[ \t]+\p{Lu}|[ \t]+of\b)")   # (nor "The Sound of Music")
# two to four capitalised words inside a sentence (after a lower-case word or a comma), a
# small word allowed between them, and no capital after: "the Night Owls group", "from Stitch
# in Time on", "And Open Hands, the" (a hard wrap may fall before them)
_CAP = r"\p{Lu}[\p{Ll}\p{M}]+(?:['’]s?)?(?:-\p{Lu}?\p{L}+)?"
ORDINARY_NAME = regex.compile(r"(?<=[\p{Ll},;](?:[ \t]+|[ \t]*\n[ \t]*))(%s(?:[ \t]+(?:(?:of|in|and|&|the|for|to|on|a)[ \t]+)?%s){1,3})"
                              r"(?![\w'’.]|[ \t]+\p{Lu}|[ \t]+(?:of|in|and|&)[ \t]+\p{Lu})" % (_CAP, _CAP))
# the end of a longer title the words belong to: "the Department of Sport and Exercise Science"
PART_OF_TITLE = regex.compile(r"(?:\p{Lu}[\p{L}'’]*|\bthe)[ \t]+(?:of|for|and|&)[ \t]+$")
# a stop, then a number or a lower-case word: the word was cut short ("Ext. 3391", "Enc. two")
ABBREVIATION = regex.compile(r"\.[ \t]*(?:\d|\p{Ll})")


INITIALS_WRITTEN = regex.compile(r"\p{Lu}{2,4}")


def _as_elsewhere(plan: FilePlan) -> None:
    """A name kept in one place and replaced in another of the same text is replaced in
    both, as the same entity ("the Fleece" flagged as one ordinary word, "The Fleece" read
    as a pub): a reader would otherwise find it next to its pseudonym."""
    done = {(p.mention.text, p.mention.kind): p for p in plan.replaced() if p.mention.text[:1].isupper()}
    # a person's initials are the person's wherever NER read them as a body ("TMD" of minutes)
    initials = {p.mention.text: p for p in plan.replaced() if p.mention.kind == Kind.PERSON
                and INITIALS_WRITTEN.fullmatch(p.mention.text)}
    for p in list(plan.items):
        twin = done.get((p.mention.text, p.mention.kind))
        if twin is not None and not p.replaced and p.mention.flags:
            p.mention.entity = twin.mention.entity
            plan.set(p.mention, twin.pseudonym, twin.fixed)
        own = initials.get(p.mention.text)
        if own is not None and p.mention.entity != own.mention.entity:
            p.mention.kind, p.mention.entity = Kind.PERSON, own.mention.entity
            plan.set(p.mention, own.pseudonym, own.fixed)


# a speaker's initials standing as the person in a file's name or a chain of referrals:
# "INT05_BE_2023", "JD → BE"
LABEL_LETTERS_AS_PERSON = regex.compile(r"_\p{Lu}{2,3}(?![\p{L}\d])|(?<![\p{L}\d])\p{Lu}{2,3}_"
                                         r"|[→>][ \t]*\p{Lu}{2,3}\b|\b\p{Lu}{2,3}[ \t]*[→>]")


def _labelled_initials(doc: Doc) -> dict[str, str]:
    """A transcript's speakers labelled by initials ("BE:", "J.D.:"), with what their labels
    became: the same letters in the text are the speaker ("JD → RP", a file "INT05_BE_2023")."""
    return {re.sub(r"[^A-Z]", "", lab.mention.text): lab.pseudonym for lab in doc.labels.values()
            if lab.initials and lab.pseudonym and re.sub(r"[^A-Z]", "", lab.pseudonym)}


def _initials_of_people(text: str, rx) -> set[str]:
    """Initials or letters a text names people by: used again and again (as notes use
    initials; an acronym said once before "said" is no one), a verb only a person does after
    one of them ("BH took S into the kitchen"), with the letters joined to them ("S & T");
    or a letter the writer says they call someone ("who I will call Z. here")."""
    spelled = _spelled_out(text) if rx is SHORT_CAPS else set()
    seen = [mt for mt in rx.finditer(text) if mt.group() not in lexicon.ACRONYMS
            and mt.group().lower() not in lexicon.ROLE_LABELS   # ("P said ...": a participant, named so already)
            and mt.group() not in spelled
            and not LETTER_OF.search(text, max(0, mt.start() - 12), mt.start())]
    count = Counter(mt.group() for mt in seen)
    people = {mt.group() for mt in seen if PERSON_VERB_AFTER.match(text, mt.end()) and count[mt.group()] > 1}
    for mt in JOINED.finditer(text):
        if people & {mt.group(1), mt.group(2)} and count[mt.group(1)] and count[mt.group(2)]:
            people |= {mt.group(1), mt.group(2)}
    return people | ({mt.group(1) for mt in CALLED_LETTER.finditer(text)} if rx is LETTER else set())


# capitalised words in a row, and the small words between them: "Academic Adjustment Plan"
# (three words or more: two ordinary words' initials are as often a person's, "Care Plan" ... "CP said")
CAPITALISED_RUN = regex.compile(r"\p{Lu}\p{Ll}+(?:[ \t]+(?:(?:of|and|for|the)[ \t]+)?\p{Lu}\p{Ll}+){2,5}")


def _spelled_out(text: str) -> set[str]:
    """The initials of what a text writes out in capitalised ordinary words, no one's name
    ("Academic Adjustment Plan" drafted ... "AAP emailed to the course coordinator"): an
    acronym, though a verb a person does follows it."""
    from deid.abbrev import initials_of
    return {initials_of(m.group()) for m in CAPITALISED_RUN.finditer(text)
            if not any(t in names.first_names() or not words.is_common(t) for t in ent.tokens(m.group()))}


def _ordinary_around(plan: FilePlan, span: Span, gave_way: list[Span]) -> bool:
    """Whether what holds a span is only NER's reading of ordinary words kept around it
    ("Twins (S & T"): it gives way (`gave_way`) to the letters inside, which are people."""
    held = plan.overlapping(span)
    if not held:
        return any(g.contains(span) for g in gave_way)
    if any(p.replaced or Flag.ORDINARY_WORDS not in p.mention.flags for p in held):
        return False
    for p in held:
        gave_way.append(p.mention.span)
        plan.remove(p.mention)
    return True


def _joined_person(text: str, plan: FilePlan, span: Span) -> bool:
    """Whether initials joined by a hyphen ("J-F") stand for a person: told or met, before a
    verb a person does, in a list beside people ("Guylaine, Darlene, J-F"), or the initials
    of a compound first name the text holds ("Jean-François"); not "grades A-C", "V-E Day"."""
    w = text[span.start:span.end]
    if TOLD_BEFORE.search(text, max(0, span.start - 12), span.start) or PERSON_VERB_AFTER.match(text, span.end):
        return True
    if any(f"{m.group(1)}-{m.group(2)}" == w for m in COMPOUND_FIRST.finditer(text)):
        return True
    near = plan.overlapping(Span(max(0, span.start - 30), min(len(text), span.end + 30)))
    return any(p.replaced and p.mention.kind == Kind.PERSON and
               regex.fullmatch(r"[ \t]*,[ \t]*(?:and[ \t]+)?", text[min(p.mention.end, span.end):max(p.mention.start, span.start)])
               for p in near)


def _pseudonym_word(plan: FilePlan, word: str) -> str | None:
    """The word of a pseudonym that stands where `word` stood in a name this text replaced:
    its last word for a name's last word ("Outardes" of "Val-des-Outardes"), its first
    otherwise; None where no replaced name has the word."""
    for p in plan.replaced():
        real = [t.lower() for t in regex.findall(r"\w+", p.mention.text)]
        said = regex.findall(r"\w+", p.pseudonym)
        if word.lower() in real and said:
            return said[-1] if real[-1] == word.lower() else said[0]
    return None


def _free(plan: FilePlan, span: Span, taken: SpanSet) -> bool:
    """Whether a span may be replaced: nothing is there, or only a reading of exactly it that
    was kept (an ordinary word, an acronym), which gives way."""
    held = plan.overlapping(span)
    if held and all(p.mention.span == span and not p.replaced for p in held):
        for p in held:
            plan.remove(p.mention)
        return True
    return not taken.overlaps(span)


def _cut_short(doc: Doc, span: Span, w: str) -> bool:
    """A word with a stop, then a number or a lower-case word, in a text with capitals: cut
    short ("Ext. 3391", "Enc. two"), unless it is a name ("and Alf. we sat"; in a lower-case
    transcript every sentence opens so)."""
    return not doc.uncased and ABBREVIATION.match(doc.analysed, span.end) is not None and \
        w not in names.first_names() and w not in names.last_names()


def _no_name_in(w: str) -> bool:
    """Only words that name no one: kinds of body, public bodies, months, small words."""
    return all(ent.is_generic(t) or ent.is_stop_word(t) or t in lexicon.body_words() or t in lexicon.ACRONYMS
               or t.lower() in lexicon.public_words() or t.lower() in lexicon.MONTHS_DAYS for t in w.split())


NEXT_WORD = regex.compile(r"[ \t]+(\p{Lu}[\p{Ll}\p{M}'’]+)")


def _in_a_title(text: str, span: Span, w: str) -> bool:
    """A name that is also a word, capitalised in a title or a heading, is that word:
    "Oral" of "Oral History Project" (no one writes "oral" with a capital otherwise).
    Its capital says nothing when the next word is a capitalised ordinary word that is no
    one's name, or when its line is a heading: every word capitalised, no list in it
    ("Present: Amber Webb, Dexter Hall" is a list of names)."""
    if not words.is_common(w):
        return False
    nxt = NEXT_WORD.match(text, span.end)
    if nxt and words.is_common(nxt.group(1)) and not ent.is_stop_word(nxt.group(1)) and \
            nxt.group(1) not in names.first_names() and nxt.group(1) not in names.last_names():
        return True
    start, end = text.rfind("\n", 0, span.start) + 1, text.find("\n", span.end)
    line = text[start:end if end >= 0 else len(text)]
    toks = regex.findall(r"[\p{L}\p{M}'’]+", line)
    return len(toks) >= 3 and not regex.search(r"[:,;]", line) and all(t[0].isupper() for t in toks if len(t) > 3)
