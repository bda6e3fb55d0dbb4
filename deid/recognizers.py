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


def street_address() -> PatternRecognizer:
    suffix = ("Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
              "Terrace|Way|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Row|Close|Crescent|"
              "Strasse|Straße|Stra[sß]e|gasse|weg|katu|vej|gade|Plaza|Alley|Loop|Pike")
    unit = r"(?:,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?[ \t]*\w+)?"
    return PatternRecognizer(
        supported_entity="STREET_ADDRESS", name="StreetAddressRecognizer",
        patterns=[
            Pattern("number street", rf"\b\d{{1,6}}[A-Za-z]?[ \t]+(?:[A-Z][\w'\-]*\.?[ \t]+){{0,4}}(?:{suffix})\b\.?(?:[ \t]+\d{{1,5}})?{unit}", 0.8),
            Pattern("street number", rf"\b(?:[A-Z][\w'\-]*[ \t]+){{0,3}}[A-Z]\w*(?:{suffix})[ \t]+\d{{1,5}}{unit}", 0.6),
            Pattern("unit", r"\b(?:Apt|Apartment|Suite|Ste|Unit)\.?[ \t]*#?\d+\w?\b", 0.6),
            Pattern("po box", r"\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+\d+\b", 0.8),
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
    return [OfflineEmailRecognizer(), titled_person(), name_context(), street_address(),
            social_handle(), institution()]
