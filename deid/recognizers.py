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
from deid import lexicon, names, words
from deid.address import AddressRecognizer

# A capitalised name word: Marsh, O'Neil, McAllister, Mwangi, Tomás, Lindqvist-Shaw
NAME = r"(?:[A-Z][a-zà-ÿ]+(?:['’\-][A-Z]?[a-zà-ÿ]+)*|[A-Z]\.)"
TITLES = "|".join(lexicon.TITLES_WRITTEN)
RELATIONS = "|".join(re.escape(r) for r in lexicon.RELATIONS)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email recognizer, validating domains with tldextract's bundled
    public-suffix snapshot instead of downloading the list."""

    _extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def validate_result(self, pattern_text: str):  # noqa: D102
        return self._extract(pattern_text).fqdn != ""


class TitledPersonRecognizer(PatternRecognizer):
    """Title + name: "Dr. Baker", "Ms. Ross", "Dean Carter", "Dr. Celeste Banks"."""
    PATTERNS = [Pattern("title name", rf"\b(?:{TITLES})\.?[ \t]+{NAME}(?:[ \t]+{NAME}){{0,2}}\b", 0.85)]

    def __init__(self):
        super().__init__(supported_entity="PERSON", name="TitledPersonRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


class NameContextRecognizer(PatternRecognizer):
    """Names introduced by the words around them, including names that are common words
    ("my sister Faith", "a nurse named Rose", "this is Summer")."""
    PATTERNS = [
        Pattern("named", rf"(?<=\b(?:named|name is|name's) )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.7),
        Pattern("my relation", rf"(?<=\b(?:my|our|her|his|their) (?:(?:little|big|older|younger|"
                rf"best|old|new|late) )?(?:{RELATIONS}),? )(?-i:{NAME}(?:[ \t]+{NAME})?)", 0.6),
        Pattern("intro", rf"(?<=\b(?:I'm|I am|this is|This is|It's|it's) )(?-i:{NAME}(?:[ \t]+{NAME})?)"
                rf"(?=[ \t]*(?:[,.!]|$| from| in| and| here))", 0.5),
    ]

    def __init__(self):
        super().__init__(supported_entity="PERSON", name="NameContextRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE | re.IGNORECASE)


class IdentifierNumberRecognizer(PatternRecognizer):
    """Phone numbers in international formats and long ID numbers (cards, accounts,
    licences): anything with nine or more digits, or letters then six or more digits."""
    PATTERNS = [
        Pattern("phone", r"(?<![\w+])(?:\+|00)\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,4}"
                r"(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?\b", 0.6),
        Pattern("long number", r"(?<![\w.])\(?\d{2,4}\)?(?:[ .\-]?\d{2,4}){2,5}\b(?![.,]\d)", 0.5),
        Pattern("id", r"\b[A-Z]{1,3}\d{6,}\b|\b\d{9,}\b", 0.6),
    ]

    def __init__(self):
        super().__init__(supported_entity="CONTACT", name="IdentifierNumberRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


class SocialHandleRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("handle", r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}\b", 0.8)]

    def __init__(self):
        super().__init__(supported_entity="SOCIAL_HANDLE", name="SocialHandleRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


KINDS = "|".join(lexicon.INSTITUTION_KINDS)
PROPER = rf"(?:{NAME}|St\.|Saint)"


class InstitutionRecognizer(PatternRecognizer):
    """Institutions by their kind word: "Truman Medical Center", "University of Kansas",
    "St. Luke's Hospital", "Lincoln High School"."""
    PATTERNS = [
        Pattern("X kind", rf"\b(?:{PROPER}['’]?s?[ \t]+){{1,4}}(?:{KINDS})(?:[ \t]+(?:of|for)[ \t]+{NAME}"
                rf"(?:[ \t]+{NAME}){{0,2}})?\b", 0.7),
        Pattern("kind of X", rf"\b(?:{KINDS})[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,3}}\b", 0.7),
    ]

    def __init__(self):
        super().__init__(supported_entity="ORGANIZATION", name="InstitutionRecognizer", patterns=self.PATTERNS,
                         global_regex_flags=re.MULTILINE)


class NameListRecognizer(EntityRecognizer):
    """A first name from the name lists of many countries, with the initials and surnames
    written after it. Capitalised ("Todd", "Szabina J Gelencsér"): a first name that is not
    an everyday word. In lower case, as speech recognition and quick typing leave names
    ("aksel kristensen", "benjamin a seiler"): one in no dictionary, with a low score."""

    PARTICLES = lexicon.NAME_PARTICLES
    SCORE_LOWER_CASE, SCORE_WITH_SURNAME, SCORE_FIRST_NAME = 0.45, 0.6, 0.5
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
        if ent.is_stop_word(w):
            return False
        if self.lower:  # a name nobody writes as a word: not "sim", "will", "mark"
            return w.title() in first and not words.is_common(w) and words.frequency(w) < 3.5
        return w in first and not words.is_everyday(w)

    def _more(self, w: str, last) -> bool:
        if len(w.rstrip(".")) == 1 or w.lower() in self.PARTICLES:
            return True
        return (w.title() in last and (self.lower or not words.is_everyday(w))) or not words.is_common(w)

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102
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
            score = self.SCORE_LOWER_CASE if self.lower else self.SCORE_WITH_SURNAME if n else self.SCORE_FIRST_NAME
            out.append(RecognizerResult("PERSON", m.start(), e, score,
                                        recognition_metadata={"recognizer_name": self.name}))
        return out


def all_recognizers() -> list:
    return [OfflineEmailRecognizer(), TitledPersonRecognizer(), NameContextRecognizer(), AddressRecognizer(),
            NameListRecognizer(), NameListRecognizer(lower=True), IdentifierNumberRecognizer(),
            SocialHandleRecognizer(), InstitutionRecognizer()]
