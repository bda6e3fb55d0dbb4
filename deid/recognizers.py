"""Presidio recognizers for what interviews contain and generic NER misses.

Each is a plain Presidio extension point (PatternRecognizer / EntityRecognizer), so the
AnalyzerEngine runs them alongside spaCy's NER and its own predefined recognizers.
"""
from __future__ import annotations

import re

import tldextract
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from deid import entity as ent

# A capitalised name word: Marsh, O'Neil, McAllister, Mwangi, Tomás, Lindqvist-Shaw
NAME = r"(?:[A-Z][a-zà-ÿ]+(?:['’\-][A-Z]?[a-zà-ÿ]+)*|[A-Z]\.)"
TITLES = ("Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Dean|Nurse|Sister|Brother|Father|Pastor|"
          "Rev|Reverend|Rabbi|Imam|Coach|Judge|Officer|Sergeant|Captain|Auntie|Aunt|Uncle|"
          "Grandma|Grandpa|Nana|Papa|Chaplain|Provost|Chancellor|President|Senator|Mayor")


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email recognizer, validating domains with tldextract's bundled
    public-suffix snapshot instead of downloading the list."""

    _extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def validate_result(self, pattern_text: str):  # noqa: D102
        return self._extract(pattern_text).fqdn != ""


def titled_person() -> PatternRecognizer:
    """Title + name: "Dr. Baker", "Ms. Ross", "Dean Carter", "Dr. Celeste Banks"."""
    return PatternRecognizer(
        supported_entity="PERSON", name="TitledPersonRecognizer",
        patterns=[Pattern("title name", rf"\b(?:{TITLES})\.?[ \t]+{NAME}(?:[ \t]+{NAME}){{0,2}}\b", 0.85)],
        global_regex_flags=re.MULTILINE)


def name_context() -> PatternRecognizer:
    """Names introduced by the words around them, including names that are common words
    ("my sister Faith", "a nurse named Rose", "this is Summer")."""
    rel = ("sister|brother|mom|mum|mother|dad|father|son|daughter|wife|husband|partner|"
           "boyfriend|girlfriend|fiancée?|friend|cousin|aunt|uncle|niece|nephew|grandma|grandpa|"
           "grandmother|grandfather|colleague|classmate|roommate|mentor|preceptor|attending|"
           "supervisor|boss|manager|advisor|adviser|chair|director|resident|intern|student|"
           "patient|neighbou?r|coworker|co-worker|nurse|teacher|coach|therapist|counsel+or|pastor")
    return PatternRecognizer(
        supported_entity="PERSON", name="NameContextRecognizer",
        patterns=[
            Pattern("named", rf"(?<=\b(?:named|name is|name's) )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.7),
            Pattern("my relation", rf"(?<=\b(?:my|our|her|his|their) (?:(?:little|big|older|younger|"
                    rf"best|old|new|late) )?(?:{rel}),? )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.6),
            Pattern("intro", rf"(?<=\b(?:I'm|I am|this is|This is|It's|it's) )(?-i:{NAME}(?:[ \t]+{NAME})?)(?=[ \t]*(?:[,.!]|$| from| in| and| here))", 0.5),
        ],
        global_regex_flags=re.MULTILINE | re.IGNORECASE)


STREET_SUFFIX = ("Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
                 "Terrace|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Row|Close|Crescent|"
                 "Plaza|Alley|Loop|Pike|Crossroad|Crossing|Gardens|Green|Hill|Hills|Park|Point|Ridge|"
                 "Run|Walk|View|Heights|Junction|Mall|Mews|Path|Port|Route|Station|Summit|Valley|Estates|"
                 "Flats|Fork|Glen|Grove|Harbor|Haven|Island|Landing|Meadow|Meadows|Mill|Mills|Oval|Pass|"
                 "Rapids|Shore|Shores|Spring|Springs|Stream|Track|Trace|Turnpike|Underpass|Union|Ville|Vista|Wells")
STREET_PREFIX = ("Rua|Via|Viale|Avenida|Avda\\.|Av\\.|Rue|Calle|C/|ul\\.|Piazza|Piazzetta|Plaza|Praça|Strada|"
                 "Largo|Travessa|Paseo|Camino|Carrer|Boulevard|Chemin|Allée|Place|Platz|Ulica|Aleja|Corso")
# street words that are a suffix of the name in many languages: Koskikatu, Loorenstrasse, Parijsstraat
STREET_TAIL = ("katu|kuja|tie|vej|gade|gata|gatan|vägen|veien|vegen|straat|strasse|straße|stra[sß]e|gasse|"
               "weg|laan|plein|braut|stræde|stien|sgata|utca|u\\.|ulice|tér|väg|torget")
_W = r"[^\W\d_][\w'’.\-]*"          # a word of any alphabet
_CAP = r"(?=[^\W\d_])(?![a-zß-ÿ])[\w'’\-]+"   # a word that starts with a capital, any alphabet
_NAME_WORD = (r"(?!(?:Of|The|And|In|To|For|On|At|By|With|From|January|February|March|April|May|June|July|"
              r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)"
              + _CAP)   # … but not "Of The", nor a date: "3 March 1931"


class AddressRecognizer(EntityRecognizer):
    """Street addresses, with the lines that follow them (unit, town, region, postcode,
    country), in the layouts of many countries, and military addresses."""

    STREET = [
        re.compile(rf"\b\d{{1,6}}[A-Za-z]?(?:[ \t]+\d{{1,6}})?[ \t]+(?:{_CAP}[ \t]+){{0,4}}(?:{STREET_SUFFIX})\b\.?(?:[ \t]+\d{{1,5}}\b)?"),
        # numbered roads: "County Road 14", "Route 9", "Highway 61"
        re.compile(r"\b(?:County Road|County Rd\.?|State Route|State Road|Route|Highway|Hwy\.?|Interstate|Farm Road|FM)[ \t]+\d{1,4}\b"),
        # a named street without a number: "Pacific Street", "Larkin Avenue"
        re.compile(rf"\b(?:{_CAP}[ \t]+){{1,3}}(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Blvd\.|Lane|Drive|Parkway|Highway)\b"),
        re.compile(rf"\b(?:\d{{1,6}}[ \t]+)?(?:{STREET_PREFIX})[ \t]+(?:{_W}[ \t]+){{0,4}}?{_W}[ \t,]+\d{{1,5}}\b", re.I),
        re.compile(rf"\b(?:\d{{1,6}}[ \t]+)?(?:{_W}[ \t]+){{0,2}}{_W}(?:{STREET_TAIL})\b\.?[ \t]+\d{{1,5}}[A-Za-z]?\b", re.I),
        re.compile(r"\b(?:PSC|Unit|USNS|USS|USNV|USCGC)[ \t]+[\w \t]{1,30}?,?[ \t]*(?:Box[ \t]+\d+)?[ \t,]*\n?[ \t>]*"
                   r"(?:APO|FPO|DPO)[ \t]+A[AEP][ \t]+\d{5}\b"),
        re.compile(r"\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d+\b", re.I),
        # "Apt. 342", "Suite 084" on their own
        re.compile(r"\b(?:Apt|Apartment|Suite|Ste|Unit)\.?[ \t]*#?\d+[A-Za-z]?\b", re.I),
        # number, name, number: "213 Pilekrogen 53", "30102 Kaevu 94"
        re.compile(rf"\b\d{{1,6}}[ \t]+(?:{_NAME_WORD}[ \t]+){{0,3}}{_NAME_WORD}[ \t]+\d{{1,5}}[A-Z]?\b(?![.,]?\d)"),
        # a street word standing after the name: "Kálmán Imre u. 12.", "Rákóczi út 13"
        re.compile(rf"\b(?:{_CAP}[ \t]+){{1,3}}(?i:u\.|utca|út|útja|tér|körút|ulica|vej|gade|straat|weg)[ \t]+\d{{1,5}}\.?"),
    ]
    UNIT = re.compile(r"[ \t,]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?[ \t]*#?\d+\w?", re.I)
    # the rest of an address on the same line: ", Springfield, IL 62704"
    SAME_LINE = re.compile(rf"(?:[ \t]*,[ \t]*(?:{_CAP}(?:[ \t]+{_CAP}){{0,3}}|[A-Z]{{2}})?(?:[ \t]+[A-Z]{{2}})?(?:[ \t]+\d{{4,6}})?){{1,4}}")
    # capitalised words up to the end of the line, after the street: "… 82 Zachary Cliffs"
    REST_OF_LINE = re.compile(rf"(?:[ \t]+{_CAP}){{1,3}}[ \t]*(?=\n|$)")
    # a postcode opening the next line, before other words
    POSTCODE_LINE = re.compile(rf"\n[ \t>]*,?[ \t]*(?:{_CAP}[ \t]+){{0,2}}(?:\([^)\n]{{1,20}}\)[ \t]+)?(?:[A-Z]{{2}}[ \t]+)?\d{{4,6}}\b")
    # a following line that continues an address: a town, region, postcode, country
    NEXT_LINE = re.compile(rf"\n[ \t>]*,?[ \t]*(?:(?:{_W}|\d{{3,6}}|\([^)\n]{{1,30}}\))[ \t,]*){{1,6}}(?=\n|$)")

    def __init__(self):
        super().__init__(supported_entities=["STREET_ADDRESS"], name="AddressRecognizer",
                         supported_language="en")

    def load(self) -> None:  # noqa: D102
        pass

    # "his address: 450 Præstevænget 15, ..." / "I live at Dunajska 56"
    CONTEXT = re.compile(r"\b(?:address(?: is)?|live at|lives at|living at|located at|moved to|send (?:it|them) to|"
                         r"sent to|deliver(?:ed)? to|ship(?:ped)? to|arrived at)[ \t]*:?[ \t]+", re.I)
    CONTEXT_BODY = re.compile(r"(?=[^\n]{0,20}\d)[^\n?!]{3,80}?(?=[.?!]?(?:[ \t]*$|[ \t]+(?:[a-z]|I\b))|[?!]|\n\n)", re.M)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        out, taken = [], []
        spans = []
        for rx in self.STREET:
            spans += [(m.start(), m.end()) for m in rx.finditer(text)]
        for m in self.CONTEXT.finditer(text):
            body = self.CONTEXT_BODY.match(text, m.end())
            if body:
                spans.append((m.end(), body.end()))
        for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
            if any(s < b and e > a for a, b in taken):
                continue
            before = re.search(r"(?:\d{1,6}[ \t]+)+$", text[max(0, s - 20):s])
            if before:  # a building number or postcode written before the street
                s -= len(before.group())
            u = self.UNIT.match(text, e)
            e = u.end() if u else e
            rest = self.REST_OF_LINE.match(text, e)  # "Ilmalankuja 82 Zachary Cliffs"
            if rest:
                e = rest.end()
            u = self.UNIT.match(text, e)
            e = u.end() if u else e
            same = self.SAME_LINE.match(text, e)
            if same and same.end() > e:
                e = same.end()
            for _ in range(4):
                nxt = self.NEXT_LINE.match(text, e)
                if not nxt or len(nxt.group().split()) > 7 or re.search(r"[?!]|\b(?:the|and|is|to)\b", nxt.group()):
                    code = self.POSTCODE_LINE.match(text, e)  # "\n 51971 for this card"
                    e = code.end() if code else e
                    break
                e = nxt.end()
            taken.append((s, e))
            out.append(RecognizerResult("STREET_ADDRESS", s, e, 0.8,
                                        recognition_metadata={"recognizer_name": self.name}))
        return out


def identifier_numbers() -> PatternRecognizer:
    """Phone numbers in international formats and long ID numbers (cards, accounts,
    licences): anything with nine or more digits, or letters then six or more digits."""
    return PatternRecognizer(
        supported_entity="CONTACT", name="IdentifierNumberRecognizer",
        patterns=[
            Pattern("phone", r"(?<![\w+])(?:\+|00)\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,4}(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?\b", 0.6),
            Pattern("long number", r"(?<![\w.])\(?\d{2,4}\)?(?:[ .\-]?\d{2,4}){2,5}\b(?![.,]\d)", 0.5),
            Pattern("id", r"\b[A-Z]{1,3}\d{6,}\b|\b\d{9,}\b", 0.6),
        ],
        global_regex_flags=re.MULTILINE)


def social_handle() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="SOCIAL_HANDLE", name="SocialHandleRecognizer",
        patterns=[Pattern("handle", r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}\b", 0.8)],
        global_regex_flags=re.MULTILINE)


def institution() -> PatternRecognizer:
    """Institutions by their kind word: "Truman Medical Center", "University of Kansas",
    "St. Luke's Hospital", "Lincoln High School"."""
    kinds = "|".join(ent.INSTITUTION_KINDS)
    proper = rf"(?:{NAME}|St\.|Saint)"
    return PatternRecognizer(
        supported_entity="ORGANIZATION", name="InstitutionRecognizer",
        patterns=[
            Pattern("X kind", rf"\b(?:{proper}['’]?s?[ \t]+){{1,4}}(?:{kinds})(?:[ \t]+(?:of|for)[ \t]+{NAME}(?:[ \t]+{NAME}){{0,2}})?\b", 0.7),
            Pattern("kind of X", rf"\b(?:{kinds})[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,3}}\b", 0.7),
        ],
        global_regex_flags=re.MULTILINE)


class NameListRecognizer(EntityRecognizer):
    """A first name from the name lists of many countries, with the initials and surnames
    written after it. Capitalised ("Todd", "Szabina J Gelencsér"): a first name that is not
    an everyday word. In lower case, as speech recognition and quick typing leave names
    ("aksel kristensen", "benjamin a seiler"): one in no dictionary, with a low score."""

    PARTICLES = ("van", "von", "de", "da", "di", "ten", "ter", "le", "la", "del", "der")
    CASED = (re.compile(r"(?<![\w'’@.])[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?(?![\w@])"),
             re.compile(r"[ \t]+([A-Z](?:\.|(?![\w'’]))|[A-ZÀ-ÖØ-Þ][\w'’\-]+|(?:%s)(?=[ \t]+[A-Z]))"
                        % "|".join(PARTICLES)))
    LOWER = (re.compile(r"(?<![\w'’@.\-])[a-zß-öø-ÿ][a-zß-öø-ÿ'’\-]{2,}(?![\w@])"),
             re.compile(r"[ \t]+([a-z]\.?(?![\w'’])|[a-zß-öø-ÿ][\w'’\-]+)"))

    def __init__(self, lower: bool = False):
        self.lower = lower
        super().__init__(supported_entities=["PERSON"], supported_language="en",
                         name="LowerCaseNameRecognizer" if lower else "GivenNameRecognizer")

    def load(self) -> None:  # noqa: D102
        pass

    def _first(self, w: str, first) -> bool:
        from deid import words
        if ent.is_stop_word(w):
            return False
        if self.lower:  # a name nobody writes as a word: not "sim", "will", "mark"
            return w.title() in first and not words.is_common(w) and words.frequency(w) < 3.5
        return w in first and not words.is_everyday(w)

    def _more(self, w: str, last) -> bool:
        from deid import words
        if len(w.rstrip(".")) == 1 or w.lower() in self.PARTICLES:
            return True
        return (w.title() in last and (self.lower or not words.is_everyday(w))) or not words.is_common(w)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        from deid import names
        first, last = names.first_names(), names.last_names()
        word, more = self.LOWER if self.lower else self.CASED
        out, end = [], -1
        for m in word.finditer(text):
            if m.start() < end or not self._first(m.group(), first):
                continue
            e, n = m.end(), 0
            while n < 3 and (t := more.match(text, e)) and self._more(t.group(1), last):
                e, n = t.end(), n + 1
            end = e
            score = 0.45 if self.lower else 0.6 if n else 0.5
            out.append(RecognizerResult("PERSON", m.start(), e, score,
                                        recognition_metadata={"recognizer_name": self.name}))
        return out


class KnownEntityRecognizer(EntityRecognizer):
    """Everything in the study key and the researcher's list, found again in any case,
    longest first, with possessives. Terms are (text, presidio entity) pairs."""

    def __init__(self, terms: list[tuple[str, str]] = ()):
        self.terms: dict[str, str] = {}
        self._rx = None
        super().__init__(supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "CONTACT",
                                             "STREET_ADDRESS"],
                         name="KnownEntityRecognizer", supported_language="en")
        self.add(terms)

    def load(self) -> None:  # noqa: D102
        pass

    def add(self, terms) -> None:
        for text, kind in terms:
            text = text.strip()
            if len(text) >= 2:
                self.terms.setdefault(text.lower(), kind)
        self._rx = None

    def regex(self):
        if self._rx is None and self.terms:
            alts = sorted(self.terms, key=len, reverse=True)
            self._rx = re.compile(r"(?<![\w@.])(?:" + "|".join(re.escape(t) for t in alts) +
                                  r")(?![\w@]|\.\w)", re.IGNORECASE)
        return self._rx

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
        rx = self.regex()
        if rx is None:
            return []
        out = []
        for m in rx.finditer(text):
            kind = self.terms[m.group().lower()]
            if entities and kind not in entities:
                continue
            out.append(RecognizerResult(kind, m.start(), m.end(), 1.0,
                                        recognition_metadata={"recognizer_name": self.name,
                                                              "known": True}))
        return out


def all_recognizers() -> list:
    return [OfflineEmailRecognizer(), titled_person(), name_context(), AddressRecognizer(), NameListRecognizer(),
            NameListRecognizer(lower=True),
            identifier_numbers(),
            social_handle(), institution()]
